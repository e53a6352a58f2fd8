/* Next year's document from last year's: budgetdesk-cli new-year on the seed */

#include <glib/gstdio.h>

#include "bd-checker.h"
#include "bd-editor.h"
#include "bd-narrative.h"
#include "bd-new-year.h"
#include "bd-test-util.h"

static BdDocument *
new_year_of_seed (void)
{
  g_autoptr(GError) error = NULL;
  BdDocument *next = bd_new_year_from_file (g_getenv ("BD_SEED"), &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  return next;
}

static void
test_header_and_rows (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdDocument) next = new_year_of_seed ();

  g_assert_cmpint (next->year, ==, 2025);
  g_assert_cmpstr (next->department, ==, "上海市闵行区城市运行管理中心");
  g_assert_cmpstr (next->title, ==, "闵行区2025年区级部门预算");
  /* Every row of every schedule stays, with no figure. */
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      BdSchedule *a = bd_document_get_schedule (seed, n), *b = bd_document_get_schedule (next, n);

      g_assert_cmpuint (a->rows->len, ==, b->rows->len);
      for (guint i = 0; i < b->rows->len; i++)
        {
          BdRow *ra = g_ptr_array_index (a->rows, i), *rb = g_ptr_array_index (b->rows, i);
          g_assert_cmpstr (ra->code, ==, rb->code);
          g_assert_cmpstr (ra->name, ==, rb->name);
          for (guint c = 0; c < BD_MAX_COLUMNS; c++)
            g_assert_cmpint (rb->values[c], ==, 0);
          g_assert_cmpuint (rb->published_mask, ==, 0);
        }
    }
  /* Schedule 5 of the seed lists 2080505 机关事业单位基本养老保险缴费支出 (99.64万元). */
  g_assert_nonnull (bd_schedule_find_row (bd_document_get_schedule (next, 5), "2080505"));
  /* The sections the clerk wrote are kept, a year on. */
  g_assert_cmpstr (g_ptr_array_index (bd_document_get_section (next, "functions")->paragraphs, 0), ==,
                   "上海市闵行区城市运行管理中心是隶属于闵行区政府的事业单位。");
  g_assert_cmpstr (bd_document_get_section (next, "narrative")->title, ==, "2025年部门预算编制说明");
  g_assert_cmpuint (bd_document_get_section (next, "glossary")->paragraphs->len, ==, 8);
}

static void
test_comparison_base (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  BdSection *narrative = bd_document_get_section (next, "narrative");
  const char *first;
  gint64 value;

  /* Seed schedule 1: 一、财政拨款收入 17,722,077.40 元 and 收入总计 the same;
   * schedule 9: 合计 7.40 万元, 公务接待费 1.00, 运行费 6.40. */
  g_assert_true (bd_document_get_last_year (next, "income.total", &value));
  g_assert_cmpint (value, ==, Y (17722077, 40));
  g_assert_true (bd_document_get_last_year (next, "income.fiscal", &value));
  g_assert_cmpint (value, ==, Y (17722077, 40));
  g_assert_true (bd_document_get_last_year (next, "expense.general", &value));
  g_assert_cmpint (value, ==, Y (17722077, 40));
  g_assert_true (bd_document_get_last_year (next, "sangong.total", &value));
  g_assert_cmpint (value, ==, Y (74000, 0));
  g_assert_true (bd_document_get_last_year (next, "sangong.reception", &value));
  g_assert_cmpint (value, ==, Y (10000, 0));

  /* With nothing entered yet, 2025 is 1,772.21 万元 below 2024 (seed line 70). */
  first = g_ptr_array_index (narrative->paragraphs, 0);
  g_assert_nonnull (strstr (first, "2025年，上海市闵行区城市运行管理中心收入预算0万元"));
  g_assert_nonnull (strstr (first, "财政拨款收入0万元，比2024年预算减少1,772.21万元"));
  /* The amounts only the text stated were 2024's (seed line 332: 政府采购预算2万元):
   * cleared; its count of units (line 338: 本部门1个预算单位) stays. */
  g_assert_cmpint (bd_document_get_figure (next, "other.procurement.total")->value, ==, 0);
  g_assert_cmpint (bd_document_get_figure (next, "other.goals.units")->value, ==, 1);
  /* The clerk's reason stays. */
  g_assert_nonnull (strstr (g_ptr_array_index (narrative->paragraphs, 2), "减少政府投资项目"));
}

static void
test_comparison_follows_figures (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (next, NULL);
  g_autoptr(GError) error = NULL;
  const char *second;

  /* 2,000,000.00 元 typed for 2025 into schedule 5's 2080505 基本支出,
   * against 17,722,077.40 元 in 2024: 200.00 − 1,772.21 = −1,572.21 万元.
   * The editor carries it to schedule 4 and rewrites the text. */
  g_assert_true (bd_editor_set_cell (editor, 5, BD_CELL_ROW, "2080505", BD_COL_BASIC, Y (2000000, 0), &error));
  g_assert_no_error (error);
  second = g_ptr_array_index (bd_document_get_section (next, "narrative")->paragraphs, 1);
  g_assert_nonnull (strstr (second, "一般公共预算拨款支出预算200.00万元，比2024年预算减少1,572.21万元"));
}

static void
test_forms (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdDocument) next = new_year_of_seed ();
  BdProject *before = g_ptr_array_index (seed->projects, 0);
  BdProject *form = g_ptr_array_index (next->projects, 0);

  /* Seed form 政府雇员: 2024-01-01 … 2024-12-31, (2024年-2024年). */
  g_assert_cmpuint (next->projects->len, ==, 1);
  g_assert_cmpstr (form->name, ==, "政府雇员");
  g_assert_cmpstr (form->start_date, ==, "2025-01-01");
  g_assert_cmpstr (form->end_date, ==, "2025-12-31");
  g_assert_cmpstr (form->period, ==, "2025年-2025年");
  g_assert_nonnull (strstr (form->annual_goal, "2025年拟通过本项目聘用文职（含社保）雇员32人"));
  g_assert_cmpuint (form->indicators->len, ==, before->indicators->len);
  for (guint i = 0; i < form->indicators->len; i++)
    {
      BdIndicator *a = g_ptr_array_index (before->indicators, i), *b = g_ptr_array_index (form->indicators, i);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->target, ==, b->target);
    }
  g_assert_cmpint (form->annual_total, ==, 0);
  g_assert_true (bd_new_year_form_to_review (form));
  g_assert_false (bd_new_year_form_to_review (before));
}

/* What is left to fill in, and nothing else: the empty schedules 6, 7 and 9
 * want their note or their figures, the form its funds (its cost ceiling
 * ≤4630048.00(元) is above 0), the 17 goals of the text their forms. */
static void
test_validates (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(GPtrArray) findings = bd_check_document (next);
  const char * const expected[] = { "empty-note", "form-cost-ceiling", "goal-count", NULL };

  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);
      if (!g_strv_contains (expected, finding->rule))
        g_error ("unexpected finding %s: %s", finding->rule, finding->message);
    }
}

static void
test_stored (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autofree char *dir = g_dir_make_tmp ("bd-new-year-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "next.budget", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) loaded = NULL;
  gint64 value;

  g_assert_true (bd_store_save_as (next, path, &error));
  g_assert_no_error (error);
  store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
  loaded = bd_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->year, ==, 2025);
  g_assert_true (bd_document_get_last_year (loaded, "income.total", &value));
  g_assert_cmpint (value, ==, Y (17722077, 40));
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/new-year/header-and-rows", test_header_and_rows);
  g_test_add_func ("/new-year/comparison-base", test_comparison_base);
  g_test_add_func ("/new-year/comparison-follows-figures", test_comparison_follows_figures);
  g_test_add_func ("/new-year/forms", test_forms);
  g_test_add_func ("/new-year/validates", test_validates);
  g_test_add_func ("/new-year/stored", test_stored);
  return g_test_run ();
}
