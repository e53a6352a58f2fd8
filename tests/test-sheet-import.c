/* One schedule of a workbook sheet into an open document (issue 15.2): the
 * changes compared, applied as one undoable step and read back from the
 * file; the sheets refused, naming the sheet and the cell. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "bd-catalog.h"
#include "bd-sheet-import.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-sheet-test-util.h"
#include "bd-workbook-import.h"
#include "bd-xlsx-writer.h"

typedef struct {
  char       *dir;
  char       *path;     /* the seed as a .budget */
  BdEditor   *editor;
  BdWorkbook *book;     /* the seed changed, exported as xlsx */
} Fixture;

static char *
fixture_file (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The seed's schedule 3 (read by hand in data/minhang-cityops-2024.md):
 * 2210201 住房公积金 基本支出 447,984.00; 2080506 机关事业单位职业年金缴费支出
 * 498,198.00. The workbook's copy gives 住房公积金 457,984.00, adds
 * 2010301 行政运行 with 基本支出 12,345.00 and 项目支出 600.00, and lacks
 * 2080506; schedule 1's 1. 一般公共预算资金 (17,722,077.40 in the seed) is
 * 17,732,077.40 there. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdDocument) copy = bd_test_load_seed ();
  g_autoptr(BdEditor) changer = bd_editor_new (copy, NULL);
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = NULL;

  f->dir = bd_test_make_dir ("bd-sheet-import-XXXXXX");
  f->path = fixture_file (f, "cityops.budget");
  doc = bd_test_save_and_open (seed, f->path, BD_STORE_OPEN_DEFAULT, &store);
  f->editor = bd_editor_new (doc, store);

  bd_test_change_seed_schedule_3 (changer);
  g_assert_true (bd_editor_set_cell_text (changer, 1, BD_CELL_INCOME, "general", 0, "17,732,077.40", &error));
  g_assert_no_error (error);
  xlsx = fixture_file (f, "changed.xlsx");
  g_assert_true (bd_xlsx_write_file (copy, xlsx, &error));
  f->book = bd_workbook_read (xlsx, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bd_workbook_free (f->book);
  g_clear_object (&f->editor);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The fixture's workbook sheet of schedule @number, compared with the
 * fixture's document. */
static BdSheetImport *
import_of_schedule (Fixture *f,
                    guint    number)
{
  g_autoptr(GError) error = NULL;
  BdSheetImport *import = NULL;

  for (guint i = 0; i < f->book->sheets->len && import == NULL; i++)
    if (bd_workbook_sheet_schedule (g_ptr_array_index (f->book->sheets, i)) == number)
      import = bd_sheet_import_new (bd_editor_get_document (f->editor), g_ptr_array_index (f->book->sheets, i),
                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Each sheet of the export is recognised as its schedule: 1 to 9 in order;
 * the form's sheet, the cover and the six text sections' as none. */
static void
test_recognised (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (f->book->sheets->len, ==, 17);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpuint (bd_workbook_sheet_schedule (g_ptr_array_index (f->book->sheets, i)), ==, i + 1);
  for (guint i = 9; i < 17; i++)
    g_assert_cmpuint (bd_workbook_sheet_schedule (g_ptr_array_index (f->book->sheets, i)), ==, 0);
}

static void
test_compare_and_apply (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BdSheetImport) import = import_of_schedule (f, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BdSheetChange *change;

  g_assert_cmpuint (import->schedule, ==, 3);
  g_assert_cmpuint (bd_sheet_import_count (import, BD_SHEET_CHANGE_FIGURE), ==, 1);
  g_assert_cmpuint (bd_sheet_import_count (import, BD_SHEET_CHANGE_ROW_ADDED), ==, 1);
  /* In the schedule's order: 201 before 221. */
  change = &g_array_index (import->changes, BdSheetChange, 0);
  g_assert_cmpint (change->kind, ==, BD_SHEET_CHANGE_ROW_ADDED);
  g_assert_cmpstr (change->code, ==, "2010301");
  g_assert_cmpstr (change->name, ==, "行政运行");
  g_assert_cmpint (change->values[BD_COL_BASIC], ==, Y (12345, 0));
  g_assert_cmpint (change->values[BD_COL_BASIC + 1], ==, Y (600, 0));
  change = &g_array_index (import->changes, BdSheetChange, 1);
  g_assert_cmpstr (change->code, ==, "2210201");
  g_assert_cmpuint (change->column, ==, BD_COL_BASIC);
  g_assert_cmpint (change->before, ==, Y (447984, 0));
  g_assert_cmpint (change->after, ==, Y (457984, 0));
  g_assert_cmpuint (import->kept->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (import->kept, 0), ==, "2080506 机关事业单位职业年金缴费支出");
  text = bd_sheet_import_describe (import);
  g_assert_cmpstr (text, ==,
                   "+ 2010301 行政运行 基本支出 12,345.00 项目支出 600.00\n"
                   "~ 2210201 住房公积金 基本支出 447,984.00 → 457,984.00\n"
                   "= 2080506 机关事业单位职业年金缴费支出 (left as it is)\n");

  g_assert_true (bd_sheet_import_apply (import, f->editor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bd_test_stored (f->path, 3, "2210201", BD_COL_BASIC), ==, Y (457984, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", BD_COL_BASIC), ==, Y (12345, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", 0), ==, Y (12945, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2080506", BD_COL_BASIC), ==, Y (498198, 0));
  /* The row added keeps where it was read, as an imported row does. */
  {
    g_autoptr(BdDocument) stored = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);
    BdRow *added = bd_schedule_find_row (bd_document_get_schedule (stored, 3), "2010301");

    g_assert_cmpstr (added->source_sheet, ==, "3 支出预算总表");
    g_assert_cmpuint (added->source_line, >, 0);
  }
  /* Schedule 1's 221 follows schedule 3's, in the same step. */
  g_assert_cmpint (bd_test_stored (f->path, 1, "221", 0), ==, Y (457984, 0));

  /* One step: one undo takes all of it back, one redo brings it again. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2210201", BD_COL_BASIC), ==, Y (447984, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", BD_COL_BASIC), ==, G_MININT64);
  g_assert_cmpint (bd_test_stored (f->path, 1, "221", 0), ==, Y (447984, 0));
  g_assert_true (bd_editor_redo (f->editor, &error));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2210201", BD_COL_BASIC), ==, Y (457984, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", BD_COL_BASIC + 1), ==, Y (600, 0));

  /* Compared again, the sheet changes nothing; applied to a schedule that
   * moved since, it is refused. */
  {
    g_autoptr(BdSheetImport) again = import_of_schedule (f, 3);

    g_assert_cmpuint (again->changes->len, ==, 0);
    g_assert_true (bd_editor_undo (f->editor, &error));
    g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", BD_COL_BASIC, "1", &error));
    g_assert_false (bd_sheet_import_apply (import, f->editor, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", BD_COL_BASIC), ==, G_MININT64);
  }
}

/* Schedule 1 takes its income items only: 1. 一般公共预算资金 17,722,077.40 →
 * 17,732,077.40; its 类 rows are schedules 3 and 5-7's. */
static void
test_income_item (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BdSheetImport) import = import_of_schedule (f, 1);
  g_autofree char *text = bd_sheet_import_describe (import);
  g_autoptr(GError) error = NULL;
  BdRow *item;

  g_assert_cmpstr (text, ==, "~ 1. 一般公共预算资金 17,722,077.40 → 17,732,077.40\n");
  g_assert_true (bd_sheet_import_apply (import, f->editor, &error));
  item = bd_schedule_find_part (bd_document_get_schedule (bd_editor_get_document (f->editor), 1), BD_ROW_PART_INCOME,
                                "general");
  g_assert_cmpint (item->values[0], ==, Y (17732077, 40));
  {
    g_autoptr(BdDocument) stored = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);

    item = bd_schedule_find_part (bd_document_get_schedule (stored, 1), BD_ROW_PART_INCOME, "general");
    g_assert_cmpint (item->values[0], ==, Y (17732077, 40));
  }
}

/* The other sheets: the seed against its own export changes nothing. */
static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      g_autoptr(BdSheetImport) import = NULL;

      if (n == 1 || n == 3)
        continue;
      g_test_message ("schedule %u", n);
      import = import_of_schedule (f, n);
      g_assert_cmpuint (import->changes->len, ==, 0);
      g_assert_cmpuint (import->kept->len, ==, 0);
    }
}

static void
assert_refused (Fixture    *f,
                const char *path,
                const char *sheet,
                const char *words1,
                const char *words2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdWorkbook) book = bd_workbook_read (path, &error);
  BdSheetImport *import;

  g_assert_no_error (error);
  for (guint i = 0; i < book->sheets->len; i++)
    if (strcmp (((BdWorkbookSheet *) g_ptr_array_index (book->sheets, i))->name, sheet) == 0)
      {
        import = bd_sheet_import_new (bd_editor_get_document (f->editor), g_ptr_array_index (book->sheets, i), &error);
        g_assert_null (import);
        g_assert_nonnull (error);
        g_test_message ("%s", error->message);
        if (strstr (error->message, words1) == NULL || strstr (error->message, words2) == NULL)
          g_error ("“%s” does not say “%s” and “%s”", error->message, words1, words2);
        g_assert_false (bd_editor_can_undo (f->editor));
        g_assert_cmpint (bd_test_stored (f->path, 5, "2080506", BD_COL_BASIC), ==, Y (498198, 0));
        return;
      }
  g_assert_not_reached ();
}

/* Refusals name the sheet and the cell, and change nothing. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture_file (f, "bad.xlsx");
  g_autofree char *formula = g_build_filename (g_getenv ("BD_TEMPLATES"), "..", "..", "bad",
                                               "workbook-formula-no-value.xlsx", NULL);
  static const BdTestSheetRow rows[] = {
    { "2080505", NULL, { NULL, "996397" } },
    { "2080506", NULL, { NULL, "约五十万" } },
  };
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet;

  bd_test_add_address_book_sheet (book);
  bd_test_add_schedule_5_sheet (book, "表5", 5, rows, G_N_ELEMENTS (rows));
  sheet = workbook_add_worksheet (book, "上年表5");
  worksheet_write_string (sheet, 0, 0, "2023年部门一般公共预算支出功能分类预算表", NULL);
  workbook_close (book);

  assert_refused (f, path, "通讯录", "Sheet “通讯录”, cell A1", "not a budget schedule");
  assert_refused (f, path, "表5", "Sheet “表5”, cell D5", "“约五十万” is not an amount");
  assert_refused (f, path, "上年表5", "Sheet “上年表5”, cell A1", "of 2023, the document of 2024");
  assert_refused (f, formula, "表5", "Sheet “表5”, cell D4", "formula without a computed result");
}

/* budgetdesk-cli import-sheet: the same changes, said and stored; a
 * refused sheet names sheet and cell and stores nothing. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *xlsx = fixture_file (f, "changed.xlsx");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("BD_CLI"), "import-sheet", f->path, xlsx, "--sheet", "3 支出预算总表", NULL, NULL };

  g_clear_object (&f->editor);   /* one writer: the command's */
  argv[6] = "--dry-run";
  g_assert_cmpint (bd_test_spawn (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "~ 2210201 住房公积金 基本支出 447,984.00 → 457,984.00\n"));
  g_assert_nonnull (strstr (out, "1 rows to add, 1 figures to change (nothing stored)"));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2210201", BD_COL_BASIC), ==, Y (447984, 0));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  argv[6] = NULL;
  g_assert_cmpint (bd_test_spawn (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "+ 2010301 行政运行 基本支出 12,345.00 项目支出 600.00\n"));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2210201", BD_COL_BASIC), ==, Y (457984, 0));
  g_assert_cmpint (bd_test_stored (f->path, 3, "2010301", BD_COL_BASIC), ==, Y (12345, 0));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nine sheets are schedules: which one must be said. */
  argv[4] = NULL;
  g_assert_cmpint (bd_test_spawn (argv, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "9 sheets recognised as schedules"));
}

/* A code the catalog lacks but the document knows (an extra code, named
 * 城运专项测试 here) needs no name in the sheet: 2129901 comes in with it. */
static void
test_extra_code (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_file (f, "extra.xlsx");
  BdDocument *doc = bd_editor_get_document (f->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdWorkbook) book = NULL;
  g_autoptr(BdSheetImport) import = NULL;
  static const BdTestSheetRow rows[] = { { "2129901", NULL, { NULL, NULL, "1000" } } };
  lxw_workbook *writer = workbook_new (path);
  BdSheetChange *change;

  bd_test_add_schedule_5_sheet (writer, "表5", 5, rows, G_N_ELEMENTS (rows));
  workbook_close (writer);

  g_assert_null (bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, "2129901"));
  bd_document_add_extra_code (doc, BD_CLASSIFICATION_FUNCTION, "2129901", "城运专项测试");
  book = bd_workbook_read (path, &error);
  g_assert_no_error (error);
  import = bd_sheet_import_new (doc, g_ptr_array_index (book->sheets, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bd_sheet_import_count (import, BD_SHEET_CHANGE_ROW_ADDED), ==, 1);
  change = &g_array_index (import->changes, BdSheetChange, 0);
  g_assert_cmpstr (change->code, ==, "2129901");
  g_assert_cmpstr (change->name, ==, "城运专项测试");
  g_assert_cmpint (change->values[2], ==, Y (1000, 0));
}

/* A finding of the checker about @code: not in the catalog (unknown-code,
 * a warning, when its 款 is unknown too; code-not-in-catalog otherwise). */
static gboolean
has_code_finding (BdEditor   *editor,
                  const char *code)
{
  GPtrArray *findings = bd_editor_get_findings (editor);

  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);
      if ((g_strcmp0 (finding->rule, "unknown-code") == 0 || g_strcmp0 (finding->rule, "code-not-in-catalog") == 0)
          && g_strcmp0 (finding->row, code) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
stored_extra_code (const char *path,
                   const char *code)
{
  g_autoptr(BdDocument) stored = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);

  return g_strdup (g_hash_table_lookup (stored->extra_codes[BD_CLASSIFICATION_FUNCTION], code));
}

/* Rows the sheet adds with codes the catalog lacks, named in the sheet:
 * 21298 城运专项款 and under it 2129801 城运专项测试 (项目支出 1,000.00), and
 * 2129901 城运其他测试 (项目支出 500.00). data/catalog-function.tsv has 212
 * and 21299 其他城乡社区支出, but no 21298, 2129801 or 2129901. The three
 * codes become the document's extra codes in the same step as the rows: no
 * finding that they are unknown, and one undo removes rows and codes, in
 * memory and in the file. */
static void
test_new_code (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = fixture_file (f, "new-code.xlsx");
  static const BdTestSheetRow rows[] = {
    { "21298", "城运专项款" },
    { "2129801", "城运专项测试", { NULL, NULL, "1000" } },
    { "2129901", "城运其他测试", { NULL, NULL, "500" } },
  };
  BdDocument *doc = bd_editor_get_document (f->editor);
  GHashTable *new_codes;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdWorkbook) book = NULL;
  g_autoptr(BdSheetImport) import = NULL;
  lxw_workbook *writer = workbook_new (path);
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;

  bd_test_add_schedule_5_sheet (writer, "表5", 5, rows, G_N_ELEMENTS (rows));
  workbook_close (writer);

  book = bd_workbook_read (path, &error);
  g_assert_no_error (error);
  import = bd_sheet_import_new (doc, g_ptr_array_index (book->sheets, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bd_sheet_import_count (import, BD_SHEET_CHANGE_ROW_ADDED), ==, 2);
  new_codes = import->new_codes[BD_CLASSIFICATION_FUNCTION];
  g_assert_cmpuint (g_hash_table_size (new_codes), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (new_codes, "21298"), ==, "城运专项款");
  g_assert_cmpstr (g_hash_table_lookup (new_codes, "2129801"), ==, "城运专项测试");
  g_assert_cmpstr (g_hash_table_lookup (new_codes, "2129901"), ==, "城运其他测试");
  text = bd_sheet_import_describe (import);
  g_assert_cmpstr (text, ==,
                   "+ 2129801 城运专项测试 基本支出 0.00 项目支出 1,000.00\n"
                   "+ 2129901 城运其他测试 基本支出 0.00 项目支出 500.00\n"
                   "* 21298 城运专项款: not in the catalog, kept with the document\n"
                   "* 2129801 城运专项测试: not in the catalog, kept with the document\n"
                   "* 2129901 城运其他测试: not in the catalog, kept with the document\n"
                   /* The seed's schedule 5 leaves (data/minhang-cityops-2024.md lines 214-225). */
                   "= 2080502 事业单位离退休 (left as it is)\n"
                   "= 2080505 机关事业单位基本养老保险缴费支出 (left as it is)\n"
                   "= 2080506 机关事业单位职业年金缴费支出 (left as it is)\n"
                   "= 2101102 事业单位医疗 (left as it is)\n"
                   "= 2120199 其他城乡社区管理事务支出 (left as it is)\n"
                   "= 2210201 住房公积金 (left as it is)\n");

  g_assert_true (bd_sheet_import_apply (import, f->editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, "2129801"), ==, "城运专项测试");
  g_assert_false (has_code_finding (f->editor, "2129801"));
  g_assert_false (has_code_finding (f->editor, "2129901"));
  g_assert_cmpint (bd_test_stored (f->path, 5, "2129801", BD_COL_BASIC + 1), ==, Y (1000, 0));
  g_assert_cmpint (bd_test_stored (f->path, 5, "2129901", BD_COL_BASIC + 1), ==, Y (500, 0));
  stored = stored_extra_code (f->path, "21298");
  g_assert_cmpstr (stored, ==, "城运专项款");
  /* The 款 row made for 2129801 takes the sheet's name. */
  g_assert_cmpstr (bd_schedule_find_row (bd_document_get_schedule (doc, 5), "21298")->name, ==, "城运专项款");
  {
    g_autoptr(BdStore) reader = bd_store_open (f->path, BD_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(BdDocument) read_back = bd_store_load (reader, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bd_schedule_find_row (bd_document_get_schedule (read_back, 5), "21298")->name, ==, "城运专项款");
  }

  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_null (bd_schedule_find_row (bd_document_get_schedule (doc, 5), "2129801"));
  g_assert_null (bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, "2129801"));
  g_assert_null (bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, "21298"));
  g_assert_cmpint (bd_test_stored (f->path, 5, "2129801", BD_COL_BASIC + 1), ==, G_MININT64);
  g_clear_pointer (&stored, g_free);
  stored = stored_extra_code (f->path, "21298");
  g_assert_null (stored);

  g_assert_true (bd_editor_redo (f->editor, &error));
  g_assert_cmpstr (bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, "2129901"), ==, "城运其他测试");
  g_assert_nonnull (bd_schedule_find_row (bd_document_get_schedule (doc, 5), "2129801"));
  g_assert_false (has_code_finding (f->editor, "2129801"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sheet-import/recognised", Fixture, NULL, fixture_set_up, test_recognised, fixture_tear_down);
  g_test_add ("/sheet-import/compare-and-apply", Fixture, NULL, fixture_set_up, test_compare_and_apply,
              fixture_tear_down);
  g_test_add ("/sheet-import/income-item", Fixture, NULL, fixture_set_up, test_income_item, fixture_tear_down);
  g_test_add ("/sheet-import/unchanged", Fixture, NULL, fixture_set_up, test_unchanged, fixture_tear_down);
  g_test_add ("/sheet-import/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/sheet-import/extra-code", Fixture, NULL, fixture_set_up, test_extra_code, fixture_tear_down);
  g_test_add ("/sheet-import/new-code", Fixture, NULL, fixture_set_up, test_new_code, fixture_tear_down);
  g_test_add ("/sheet-import/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
