/* budgetdesk-cli export --xlsx, read back as a clerk's spreadsheet reads it:
 * Gnumeric's ssconvert shows each sheet's figures, keeps its formulas, and
 * recalculates them after a figure is changed. */

#include <glib/gstdio.h>
#include <math.h>
#include <sys/wait.h>

#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-xlsx-writer.h"

static char *dir;
static char *workbook;   /* the seed, exported once */

static const char * const sheet_names[] = {
  "1 财务收支预算总表",
  "2 收入预算总表",
  "3 支出预算总表",
  "4 财政拨款收支预算总表",
  "5 一般公共预算支出功能分类预算表",
  "6 政府性基金预算支出功能分类预算表",
  "7 国有资本经营预算支出功能分类预算表",
  "8 一般公共预算基本支出部门预算经济分类预算表",
  "9 “三公”经费和机关运行经费预算表",
  "绩效目标 政府雇员",
  /* The cover and the text sections, for the import to read back (issue 15.3). */
  "封面",
  "上海市闵行区城市运行管理中心主要职能",
  "上海市闵行区城市运行管理中心机构设置",
  "名词解释",
  "2024年部门预算编制说明",
  "其他相关情况说明",
  "政府雇员经费情况说明",
};

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Runs @argv (a program on the PATH, or budgetdesk-cli for NULL) and
 * returns its exit status, with what it said on stderr. */
static int
spawn (char               **said,
       const char * const  *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (args, (char *) (argv[0] ? argv[0] : g_getenv ("BD_CLI")));
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  status = bd_test_spawn ((const char * const *) args->pdata, NULL, &err);
  g_test_message ("%s said: %s", (char *) args->pdata[0], err);
  if (said != NULL)
    *said = g_steal_pointer (&err);
  return status;
}

/* Each sheet of @book as CSV, figures as the sheet formats them
 * ("1,616,095.00"): the values cached in the file, or recalculated. */
static GPtrArray *
sheets_as_csv (const char *book,
               const char *name,
               gboolean    recalc)
{
  g_autofree char *folder = path_in_dir (name);
  g_autofree char *pattern = g_build_filename (folder, "%n=%s.csv", NULL);
  const char *argv[] = { "ssconvert", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O", "separator=, format=preserve",
                         book, pattern, recalc ? "--recalc" : NULL, NULL };
  GPtrArray *sheets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (spawn (NULL, argv), ==, 0);
  listing = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (sheet_names));
  for (guint i = 0; i < G_N_ELEMENTS (sheet_names); i++)
    {
      g_autofree char *file = g_strdup_printf ("%u=%s.csv", i, sheet_names[i]);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      char *text = NULL;

      if (!g_file_get_contents (path, &text, NULL, NULL))
        g_error ("no sheet “%s” in the workbook", sheet_names[i]);
      g_ptr_array_add (sheets, text);
    }
  return sheets;
}

static char *
workbook_as_xml (const char *book,
                 const char *name)
{
  g_autofree char *xml = path_in_dir (name);
  const char *argv[] = { "ssconvert", "-T", "Gnumeric_XmlIO:sax:0", book, xml, NULL };
  char *text = NULL;

  g_assert_cmpint (spawn (NULL, argv), ==, 0);
  g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
  return text;
}

/* Where the sheet @name starts in a workbook saved by Gnumeric as XML. */
static const char *
find_sheet (const char *xml,
            const char *name)
{
  g_autofree char *title = g_strdup_printf ("<gnm:Name>%s</gnm:Name>", name);
  const char *sheet = strstr (xml, title);

  g_assert_nonnull (sheet);
  return sheet;
}

static void
append_cell_name (GString *out,
                  int      row,
                  int      column)
{
  char letters[8];
  guint n = 0;

  for (column++; column > 0; column = (column - 1) / 26)
    letters[n++] = 'A' + (column - 1) % 26;
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  g_string_append_printf (out, "%d", row + 1);
}

/* Gnumeric writes an expression once; a later cell holding the same
 * relative expression names only its ExprID. Its formula is the first one
 * moved by the distance between the two cells. */
static char *
shared_formula (const char *xml,
                const char *tag,
                guint       row,
                guint       column)
{
  const char *id = strstr (tag, " ExprID=");
  g_autofree char *marker = NULL;
  g_autoptr(GString) moved = g_string_new (NULL);
  const char *first;
  const char *start;
  const char *end;
  guint first_row, first_column;

  g_assert_nonnull (id);
  marker = g_strdup_printf ("%.*s>", (int) strcspn (id, "/"), id);
  first = strstr (xml, marker);
  g_assert_nonnull (first);
  start = g_strrstr_len (xml, first - xml, "<gnm:Cell ");
  g_assert_cmpint (sscanf (start, "<gnm:Cell Row=\"%u\" Col=\"%u\"", &first_row, &first_column), ==, 2);
  end = strstr (first, "</gnm:Cell>");
  for (const char *p = first + strlen (marker); p < end;)
    {
      int ref_column = 0;
      const char *q = p;

      while (g_ascii_isupper (*q))
        ref_column = ref_column * 26 + (*q++ - 'A' + 1);
      if (q > p && g_ascii_isdigit (*q))
        {
          int ref_row = (int) strtol (q, (char **) &p, 10);
          append_cell_name (moved, ref_row - 1 + (int) (row - first_row), ref_column - 1 + (int) (column - first_column));
        }
      else
        g_string_append_c (moved, *p++);
    }
  return g_strdup (moved->str);
}

/* A cell as Gnumeric holds it: “=sum(F8:F10)” for a formula, “number
 * 121500.00”, “text 05”. */
static char *
cell (const char *xml,
      const char *sheet_name,
      guint       row,
      guint       column)
{
  const char *sheet = find_sheet (xml, sheet_name);
  const char *end = strstr (sheet, "</gnm:Sheet>");
  g_autofree char *open = g_strdup_printf ("<gnm:Cell Row=\"%u\" Col=\"%u\"", row, column);
  const char *at = strstr (sheet, open);
  g_autofree char *tag = NULL;
  g_autofree char *content = NULL;
  const char *close;

  g_assert_true (at != NULL && at < end);
  close = strchr (at, '>');
  tag = g_strndup (at, close - at);
  if (g_str_has_suffix (tag, "/"))
    return shared_formula (xml, tag, row, column);
  content = g_strndup (close + 1, strstr (close, "</gnm:Cell>") - close - 1);
  if (strstr (tag, "ValueType=\"40\"") != NULL)
    {
      /* Gnumeric writes a double to its last digit (17722077.3999999999996):
       * to the cent it is the figure written. */
      gint64 cents = llround (g_ascii_strtod (content, NULL) * 100);
      return g_strdup_printf ("number %" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
    }
  if (strstr (tag, "ValueType=\"60\"") != NULL)
    return g_strdup_printf ("text %s", content);
  return g_steal_pointer (&content);
}

static void
assert_has (const char *text,
            const char *line)
{
  if (strstr (text, line) == NULL)
    {
      g_test_message ("%s", text);
      g_error ("expected “%s” in the text above", line);
    }
}

/* The seed's figures, as published and checked by hand (guide §5): the
 * 208 row of schedule 1 keeps the published 1,616,095.40. */
static void
test_figures (void)
{
  g_autoptr(GPtrArray) sheets = sheets_as_csv (workbook, "figures", FALSE);
  const char * const *s = (const char * const *) sheets->pdata;

  assert_has (s[0], "2024年部门财务收支预算总表,,,\n编制部门：上海市闵行区城市运行管理中心,,,单位：元\n");
  assert_has (s[0], "\n一、财政拨款收入,\"17,722,077.40\",一、一般公共服务支出,0.00\n");
  assert_has (s[0], "\n四、其他收入,0.00,七、社会保障和就业支出,\"1,616,095.40\"\n");
  assert_has (s[0], "\n,,十、城乡社区支出,\"14,786,148.00\"\n");
  assert_has (s[0], "\n收入总计,\"17,722,077.40\",支出总计,\"17,722,077.40\"\n");

  /* Codes keep their leading zeros. */
  assert_has (s[1], "\n类,款,项,,,,,,\n208,,,社会保障和就业支出,\"1,616,095.00\",\"1,616,095.00\",0.00,0.00,0.00\n");
  assert_has (s[1], "\n208,05,02,事业单位离退休,\"121,500.00\",\"121,500.00\",0.00,0.00,0.00\n");
  assert_has (s[1], "\n合计,,,,\"17,722,077.40\",\"17,722,077.40\",0.00,0.00,0.00\n");

  assert_has (s[2], "\n212,01,99,其他城乡社区管理事务支出,\"14,786,148.40\",\"7,959,673.40\",\"6,826,475.00\"\n");
  assert_has (s[2], "\n合计,,,,\"17,722,077.40\",\"10,895,602.40\",\"6,826,475.00\"\n");

  assert_has (s[3], "\n,,七、社会保障和就业支出,\"1,616,095.40\",\"1,616,095.40\",0.00,0.00\n");

  assert_has (s[5], "\n类,款,项,,,,\n,,,,,,\n注：本部门2024年无政府性基金预算安排的支出，故本表无数据。");
  assert_has (s[6], "注：本部门2024年无国有资本经营预算安排的支出，故本表无数据。");

  assert_has (s[7], "\n302,28,工会经费,\"137,610.40\",0.00,\"137,610.40\"\n");
  assert_has (s[7], "\n合计,,,\"10,895,602.40\",\"9,857,552.00\",\"1,038,050.40\"\n");

  /* Schedule 9 in 万元. */
  assert_has (s[8], "单位：万元\n");
  assert_has (s[8], "\n,,,小计,购置费,运行费,\n7.40,0.00,1.00,6.40,0.00,6.40,0.00\n");

  assert_has (s[9], "\n项目名称,政府雇员,项目性质,经常性项目,项目类别,特定目标类\n");
  assert_has (s[9], ",项目资金总额,\"4,630,048.00\",年度资金申请总额,\"4,630,048.00\",\n");
  assert_has (s[9], "\n,成本指标,经济成本指标,政府雇员成本预算控制数,,≤4630048.00(元)\n");
}

/* Entered figures are numbers, codes text, every sum a formula; merges
 * and the header rows printed on every page as the schedule has them. */
static void
test_formulas (void)
{
  g_autofree char *xml = workbook_as_xml (workbook, "formulas.xml");
  static const struct {
    guint       sheet;
    guint       row;
    guint       column;
    const char *holds;
  } cells[] = {
    { 0, 4, 1, "=sum(B6:B8)" },               /* 一、财政拨款收入 = 1 + 2 + 3 */
    { 0, 5, 1, "number 17722077.40" },
    { 0, 10, 3, "number 1616095.40" },         /* schedule 1's 类 rows are entered */
    { 0, 26, 1, "=sum(B5,B9:B11)" },          /* 收入总计 */
    { 0, 26, 3, "=sum(D5:D26)" },             /* 支出总计 */
    { 1, 5, 0, "text 208" },
    { 1, 6, 1, "text 05" },
    { 1, 5, 4, "=sum(F6:I6)" },               /* 合计 column */
    { 1, 5, 5, "=F7" },                       /* 类 = its one 款 */
    { 1, 6, 5, "=sum(F8:F10)" },              /* 款 = its 项 */
    { 1, 7, 5, "number 121500.00" },
    { 1, 19, 5, "=sum(F6,F11,F14,F17)" },     /* 合计 = the 类 rows */
    { 3, 4, 3, "=sum(E5:G5)" },
    { 7, 15, 4, "=sum(E17:E30)" },            /* 302 */
    { 7, 35, 4, "=sum(E6,E16,E31,E34)" },
    { 8, 5, 0, "=sum(B6:D6)" },               /* 合计 = 出国 + 接待 + 车辆 */
    { 8, 5, 3, "=sum(E6:F6)" },               /* 小计 = 购置 + 运行 */
    { 8, 5, 5, "number 6.40" },
    { 9, 5, 2, "number 4630048.00" },
  };
  static const char * const merges[] = {
    "<gnm:Merge>A1:I1</gnm:Merge>",   /* the title */
    "<gnm:Merge>A3:D3</gnm:Merge>",   /* 项目 */
    "<gnm:Merge>A4:C4</gnm:Merge>",   /* 功能分类科目编码 */
    "<gnm:Merge>D4:D5</gnm:Merge>",   /* 功能分类科目名称 */
    "<gnm:Merge>E3:I3</gnm:Merge>",   /* 收入预算 */
    "<gnm:Merge>A20:D20</gnm:Merge>", /* 合计 */
  };
  const char *sheet = find_sheet (xml, sheet_names[1]);
  g_autofree char *sheet_text = g_strndup (sheet, strstr (sheet, "</gnm:Sheet>") - sheet);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *holds = cell (xml, sheet_names[cells[i].sheet], cells[i].row, cells[i].column);
      if (g_strcmp0 (holds, cells[i].holds) != 0)
        g_error ("sheet “%s”, row %u, column %u holds “%s”, not “%s”", sheet_names[cells[i].sheet],
                 cells[i].row + 1, cells[i].column + 1, holds, cells[i].holds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (merges); i++)
    assert_has (sheet_text, merges[i]);
  assert_has (sheet_text, "<gnm:value>'2 收入预算总表'!$A$3:$XFD$5</gnm:value>");
  assert_has (sheet_text, "<gnm:FreezePanes FrozenTopLeft=\"A1\" UnfrozenTopLeft=\"A6\"/>");
}

/* What a reader that does not recalculate shows is what Gnumeric computes. */
static void
test_cached_results (void)
{
  g_autoptr(GPtrArray) cached = sheets_as_csv (workbook, "cached", FALSE);
  g_autoptr(GPtrArray) computed = sheets_as_csv (workbook, "computed", TRUE);

  for (guint i = 0; i < cached->len; i++)
    g_assert_cmpstr (g_ptr_array_index (cached, i), ==, g_ptr_array_index (computed, i));
}

/* A clerk changes a 项 in schedule 2: its 合计, 款, 类 and the 合计 row follow. */
static void
test_edit_follows (void)
{
  g_autofree char *xml = workbook_as_xml (workbook, "edit.xml");
  g_autofree char *edited = path_in_dir ("edited.xml");
  g_autoptr(GString) text = g_string_new (xml);
  const char *leaf = "<gnm:Cell Row=\"7\" Col=\"5\" ValueType=\"40\">121500</gnm:Cell>";
  const char *at = strstr (find_sheet (xml, sheet_names[1]), leaf);
  g_autoptr(GPtrArray) sheets = NULL;

  g_assert_nonnull (at);
  g_string_erase (text, at - xml, strlen (leaf));
  g_string_insert (text, at - xml, "<gnm:Cell Row=\"7\" Col=\"5\" ValueType=\"40\">121600</gnm:Cell>");
  g_assert_true (g_file_set_contents (edited, text->str, text->len, NULL));

  sheets = sheets_as_csv (edited, "edited", TRUE);
  assert_has (sheets->pdata[1], "\n208,,,社会保障和就业支出,\"1,616,195.00\",\"1,616,195.00\",0.00,0.00,0.00\n"
                                "208,05,,行政事业单位养老支出,\"1,616,195.00\",\"1,616,195.00\",0.00,0.00,0.00\n"
                                "208,05,02,事业单位离退休,\"121,600.00\",\"121,600.00\",0.00,0.00,0.00\n");
  assert_has (sheets->pdata[1], "\n合计,,,,\"17,722,177.40\",\"17,722,177.40\",0.00,0.00,0.00\n");
  /* The other sheets are their own: schedule 3 keeps its figure. */
  assert_has (sheets->pdata[2], "\n208,05,02,事业单位离退休,\"121,500.00\",\"121,500.00\",0.00\n");
}

static void
add_project (BdDocument *doc,
             const char *name)
{
  BdProject *project = bd_project_new ();

  project->name = g_strdup (name);
  g_ptr_array_add (doc->projects, project);
}

/* Forms of the same name get a sheet each; a name Excel would refuse is
 * mended and cut to 31 characters, its number kept. */
static void
test_sheet_names (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autofree char *book = path_in_dir ("names.xlsx");
  g_autofree char *folder = path_in_dir ("names");
  g_autofree char *pattern = g_build_filename (folder, "%n=%s.csv", NULL);
  const char *argv[] = { "ssconvert", "-S", book, pattern, NULL };
  static const char * const expected[] = {
    "9=绩效目标 政府雇员.csv",
    "10=绩效目标 政府雇员 (2).csv",
    "11=绩效目标 城市运行_网格化_管理_巡查_处置_项目_第二期补充.csv",
    "12=绩效目标 城市运行_网格化_管理_巡查_处置_项目_第 (2).csv",
  };
  g_autoptr(GError) error = NULL;

  add_project (doc, "政府雇员");
  add_project (doc, "城市运行[网格化]管理:巡查/处置*项目?第二期补充说明");
  add_project (doc, "城市运行[网格化]管理:巡查/处置*项目?第二期补充说明");
  g_assert_true (bd_xlsx_write_file (doc, book, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (spawn (NULL, argv), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (folder, expected[i], NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("no sheet “%s”", expected[i]);
    }
}

/* An output that cannot be written is named in the message, and nothing is
 * left behind: no file, no temporary beside it, no folder made. */
static void
test_unwritable (void)
{
  g_autofree char *doc = path_in_dir ("seed.budget");
  g_autofree char *missing = path_in_dir ("missing/out.xlsx");
  g_autofree char *folder = path_in_dir ("a-folder");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  const char *into_missing[] = { NULL, "export", doc, "--xlsx", missing, NULL };
  const char *onto_folder[] = { NULL, "export", doc, "--xlsx", folder, NULL };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  before = folder_listing (dir);

  g_assert_cmpint (spawn (&said, into_missing), ==, 2);
  assert_has (said, missing);
  assert_has (said, "No such file or directory");
  g_clear_pointer (&said, g_free);

  g_assert_cmpint (spawn (&said, onto_folder), ==, 2);
  assert_has (said, folder);
  assert_has (said, "Is a directory");

  after = folder_listing (dir);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  after = folder_listing (folder);
  g_assert_cmpstr (after, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("bd-xlsx-XXXXXX", &error);
  g_assert_no_error (error);

  /* CI installs gnumeric (tools/setup): without it the workbook is unchecked. */
  if (g_find_program_in_path ("ssconvert") == NULL)
    g_error ("ssconvert (gnumeric) is needed to read the workbook back");

  doc = path_in_dir ("seed.budget");
  workbook = path_in_dir ("seed.xlsx");
  {
    const char *import[] = { NULL, "import", g_getenv ("BD_SEED"), "-o", doc, NULL };
    const char *export[] = { NULL, "export", doc, "--xlsx", workbook, NULL };

    g_assert_cmpint (spawn (NULL, import), ==, 0);
    g_assert_cmpint (spawn (NULL, export), ==, 0);
  }

  g_test_add_func ("/xlsx/figures", test_figures);
  g_test_add_func ("/xlsx/formulas", test_formulas);
  g_test_add_func ("/xlsx/cached-results", test_cached_results);
  g_test_add_func ("/xlsx/edit-follows", test_edit_follows);
  g_test_add_func ("/xlsx/sheet-names", test_sheet_names);
  g_test_add_func ("/xlsx/unwritable", test_unwritable);

  return bd_test_run_and_remove (dir);
}
