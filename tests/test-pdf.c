/* The published pages: the seed's PDF read back with poppler's pdftotext
 * and pdfinfo, against the seed's own tables. */

#include <glib/gstdio.h>

#include "bd-file-replace.h"
#include "bd-format.h"
#include "bd-generator.h"
#include "bd-page-layout.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

/* The seed's pages, counted by hand: the cover with the contents, 一 to 四
 * one page each, the nine schedules one page each, 六, 七, and the one form. */
#define SEED_PAGES          17
#define FIRST_SCHEDULE_PAGE 6

/* The text of page @page (from 1), its columns kept apart. */
static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return bd_test_output_of (argv);
}

typedef struct {
  char *dir;
  char *pdf;
  BdDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdPageLayout) layout = NULL;

  fixture->dir = g_dir_make_tmp ("bd-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pdf = g_build_filename (fixture->dir, "seed.pdf", NULL);
  fixture->doc = bd_test_load_seed ();
  layout = bd_page_layout_new (fixture->doc, NULL);
  g_assert_true (bd_page_layout_write_pdf (layout, fixture->pdf, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bd_file_remove_folder (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->pdf);
  g_object_unref (fixture->doc);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "17", fixture->pdf, NULL };
  g_autofree char *info = bd_test_output_of (argv);
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (fixture->doc, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint landscape = 0, portrait = 0;

  g_assert_nonnull (strstr (info, "Pages:           17\n"));
  g_assert_cmpuint (bd_page_layout_get_n_pages (layout), ==, SEED_PAGES);
  for (guint i = 0; lines[i]; i++)
    {
      if (!g_str_has_prefix (lines[i], "Page ") || strstr (lines[i], " size:") == NULL)
        continue;
      /* Schedule 2 (nine columns), 4 and 9 are turned; everything else is upright A4. */
      if (g_str_has_prefix (lines[i], "Page    7 size:") || g_str_has_prefix (lines[i], "Page    9 size:")
          || g_str_has_prefix (lines[i], "Page   14 size:"))
        {
          g_assert_nonnull (strstr (lines[i], "841.89 x 595.276 pts (A4)"));
          landscape++;
        }
      else
        {
          g_assert_nonnull (strstr (lines[i], "595.276 x 841.89 pts (A4)"));
          portrait++;
        }
    }
  g_assert_cmpuint (landscape, ==, 3);
  g_assert_cmpuint (portrait, ==, 14);

  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_DOCUMENT), ==, 0);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_NARRATIVE), ==, 4);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_SCHEDULE_1), ==, 5);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_SCHEDULE_9), ==, 13);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_OTHER), ==, 14);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_EMPLOYEES), ==, 15);
  g_assert_cmpint (bd_page_layout_get_part_page (layout, BD_PART_PERFORMANCE), ==, 16);
}

static gboolean
is_amount (const char *cell)
{
  static GRegex *amount = NULL;

  if (amount == NULL)
    amount = g_regex_new ("^[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}$", G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_match (amount, cell, 0, NULL);
}

/* Every figure the seed publishes in a schedule is on that schedule's page,
 * written as the seed writes it. Zeros are left aside: the seed writes
 * them as 0, 0.00 or leaves the cell blank, BudgetDesk as 0. */
static void
test_every_amount (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *seed = bd_test_read_seed_text ();
  g_auto(GStrv) lines = g_strsplit (seed, "\n", -1);
  g_autofree char *page = NULL;
  guint schedule = 0, checked = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (schedule < BD_N_SCHEDULES)
        {
          g_autofree char *title = bd_schedule_def_title (bd_schedule_def_get (schedule + 1), 2024);
          if (strcmp (g_strstrip (lines[i]), title) == 0)
            {
              schedule++;
              g_free (page);
              page = page_text (fixture->pdf, FIRST_SCHEDULE_PAGE + schedule - 1);
              g_assert_nonnull (strstr (page, title));
              continue;
            }
        }
      if (g_str_has_prefix (line, "其他相关情况说明"))
        break;
      if (schedule == 0 || line[0] != '|')
        continue;

      g_auto(GStrv) cells = g_strsplit (line, "|", -1);
      for (guint c = 0; cells[c]; c++)
        {
          const char *cell = g_strstrip (cells[c]);
          if (!is_amount (cell) || strcmp (cell, "0.00") == 0)
            continue;
          if (strstr (page, cell) == NULL)
            g_error ("schedule %u: %s is not on page %u", schedule, cell, FIRST_SCHEDULE_PAGE + schedule - 1);
          checked++;
        }
    }
  g_assert_cmpuint (schedule, ==, BD_N_SCHEDULES);
  /* Nonzero figures in the seed's schedules, counted by hand: schedule 1: 8,
   * 2: 30, 3: 34, 4: 12, 5: 34, 8: 63, 9: 4. */
  g_assert_cmpuint (checked, ==, 8 + 30 + 34 + 12 + 34 + 63 + 4);
}

static void
test_published_layout (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *cover = page_text (fixture->pdf, 1);
  g_autofree char *narrative = page_text (fixture->pdf, 5);
  g_autofree char *income = page_text (fixture->pdf, 7);
  g_autofree char *fund = page_text (fixture->pdf, 11);
  g_autofree char *capital = page_text (fixture->pdf, 12);
  g_autofree char *sangong = page_text (fixture->pdf, 14);
  g_autofree char *form = page_text (fixture->pdf, 17);
  g_autoptr(GRegex) contents_line = g_regex_new ("1\\. 2024年部门财务收支预算总表[ .]*6\\n", 0, 0, NULL);
  g_autoptr(GRegex) forms_line = g_regex_new ("八、财政项目支出绩效目标表[ .]*17\\n", 0, 0, NULL);

  g_assert_nonnull (strstr (cover, "闵行区2024年区级部门预算"));
  g_assert_nonnull (strstr (cover, "预算主管部门：上海市闵行区城市运行管理中心"));
  g_assert_true (g_regex_match (contents_line, cover, 0, NULL));
  g_assert_true (g_regex_match (forms_line, cover, 0, NULL));

  g_assert_nonnull (strstr (narrative, "1,772.21万元"));

  g_assert_nonnull (strstr (income, "编制部门：上海市闵行区城市运行管理中心"));
  g_assert_nonnull (strstr (income, "单位：元"));
  g_assert_nonnull (strstr (income, "功能分类科目编码"));
  g_assert_nonnull (strstr (income, "收入预算"));
  g_assert_nonnull (strstr (income, "事业单位经营收入"));
  /* The code split over 类 | 款 | 项, as published. */
  g_assert_true (g_regex_match_simple ("\\n212 +01 +99 +其他城乡社区管理事务支出 +14,786,148.40", income, 0, 0));

  g_assert_nonnull (strstr (fund, "注：本部门2024年无政府性基金预算安排的支出，故本表无数据。"));
  g_assert_nonnull (strstr (capital, "注：本部门2024年无国有资本经营预算安排的支出，故本表无数据。"));

  g_assert_nonnull (strstr (sangong, "单位：万元"));
  g_assert_nonnull (strstr (sangong, "2024年“三公”经费预算数"));
  g_assert_nonnull (strstr (sangong, "公务用车购置及运行费"));
  g_assert_nonnull (strstr (sangong, "2024年机关运行经费预算数"));

  g_assert_nonnull (strstr (form, "财政项目支出绩效目标申报表"));
  g_assert_nonnull (strstr (form, "4,630,048.00"));
  g_assert_nonnull (strstr (form, "≤4630048.00(元)"));
  g_assert_nonnull (strstr (form, "服务对象满意度指标"));
  g_assert_nonnull (strstr (form, "— 17 —"));
}

/* A schedule longer than a page goes on with its header repeated, and every
 * row is printed once. */
static void
test_continued_table (void)
{
  g_autoptr(BdDocument) doc = bd_generate_document (600, 7);
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-pdf-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "big.pdf", NULL);
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  int first = bd_page_layout_get_part_page (layout, BD_PART_SCHEDULE_3) + 1;
  int last = bd_page_layout_get_part_page (layout, BD_PART_SCHEDULE_4);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *total = bd_money_format (s3->total->values[0]);

  g_assert_no_error (error);
  g_assert_true (bd_page_layout_write_pdf (layout, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last - first, >=, 3);

  for (int p = first; p <= last; p++)
    {
      g_autofree char *text = page_text (pdf, p);
      if (p > first)
        {
          g_assert_nonnull (strstr (text, "2024年部门支出预算总表（续）"));
          g_assert_nonnull (strstr (text, "功能分类科目编码"));
          g_assert_nonnull (strstr (text, "基本支出"));
        }
      g_string_append (all, text);
    }
  for (guint i = 0; i < s3->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s3->rows, i);
      g_autofree char *basic = bd_format_cell_amount (row->values[1], BD_UNIT_YUAN);

      if (row->is_leaf)
        g_assert_nonnull (strstr (all->str, basic));
    }
  g_assert_nonnull (strstr (all->str, total));

  bd_file_remove_folder (dir);
}

/* A layout made before an edit is drawn safely: the preview may draw one
 * while the next is being made. */
static void
test_outdated_layout (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);

  bd_schedule_insert_leaf (s3, "2010101", "行政运行");
  bd_document_recompute (doc);
  g_ptr_array_set_size (doc->projects, 0);
  for (guint page = 0; page < bd_page_layout_get_n_pages (layout); page++)
    bd_page_layout_render_page (layout, page, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The face is embedded once, cut down (a subset tag before its name), with
 * a ToUnicode map so that the text copies out; text in Latin letters and
 * a title of the clerk's own print as typed through the cut-down face. */
static void
test_embedded_face (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-pdf-XXXXXX", "face.pdf");
  g_autofree char *fonts = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *cover = NULL;
  g_auto(GStrv) lines = NULL;
  const char *pdffonts[] = { "pdffonts", file->path, NULL };

  g_free (doc->department);
  doc->department = g_strdup ("Minhang City Ops Centre (QA) 城运中心");
  g_free (doc->title);
  doc->title = g_strdup ("闵行区2024年区级部门预算·校样稿");
  layout = bd_page_layout_new (doc, NULL);
  g_assert_true (bd_page_layout_write_pdf (layout, file->path, &error));
  g_assert_no_error (error);

  fonts = bd_test_output_of (pdffonts);
  lines = g_strsplit (fonts, "\n", -1);
  /* Two heading lines, one font, and the empty end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[2], "+NotoSerifCJKsc-Regular"));
  g_assert_nonnull (strstr (lines[2], "CID Type 0C"));
  g_assert_nonnull (strstr (lines[2], "yes yes yes"));

  schedule = page_text (file->path, FIRST_SCHEDULE_PAGE);
  g_assert_nonnull (strstr (schedule, "编制部门：Minhang City Ops Centre (QA) 城运中心"));
  cover = page_text (file->path, 1);
  g_assert_nonnull (strstr (cover, "闵行区2024年区级部门预算·校样稿"));
}

static void
test_unwritable (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "out.pdf", NULL);

  g_assert_false (bd_page_layout_write_pdf (layout, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/pdf/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/pdf/every-amount", Fixture, NULL, fixture_set_up, test_every_amount, fixture_tear_down);
  g_test_add ("/pdf/published-layout", Fixture, NULL, fixture_set_up, test_published_layout, fixture_tear_down);
  g_test_add_func ("/pdf/continued-table", test_continued_table);
  g_test_add_func ("/pdf/outdated-layout", test_outdated_layout);
  g_test_add_func ("/pdf/unwritable", test_unwritable);
  g_test_add_func ("/pdf/embedded-face", test_embedded_face);
  return g_test_run ();
}
