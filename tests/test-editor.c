/* The edit layer: every change stored at once, undo and redo over them,
 * pastes and fixes as single steps, refused input changing nothing. */

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bd-editor.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  BdStore    *store;
  BdDocument *doc;
  BdEditor   *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();

  f->dir = bd_test_make_dir ("bd-editor-XXXXXX");
  f->path = g_build_filename (f->dir, "cityops.budget", NULL);
  f->doc = bd_test_save_and_open (seed, f->path, BD_STORE_OPEN_DEFAULT, &f->store);
  f->editor = bd_editor_new (f->doc, f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Nothing else holds the editor: its steps hold no reference to it. */
  g_assert_finalize_object (f->editor);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
stored (Fixture    *f,
        guint       schedule,
        const char *code,
        guint       column)
{
  return bd_test_stored (f->path, schedule, code, column);
}

static char *
stored_target (Fixture *f,
               guint    indicator)
{
  g_autoptr(BdDocument) doc = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);
  BdProject *form = g_ptr_array_index (doc->projects, 0);
  static char target[64];

  g_strlcpy (target, ((BdIndicator *) g_ptr_array_index (form->indicators, indicator))->target, sizeof target);
  return target;
}

static guint
errors (BdEditor *editor)
{
  return bd_findings_count (bd_editor_get_findings (editor), BD_SEVERITY_ERROR);
}

static void
test_edit_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (errors (f->editor), ==, 4);
  g_assert_false (bd_editor_can_undo (f->editor));

  g_assert_true (bd_editor_set_cell_text (f->editor, 1, BD_CELL_ROW, "208", 0, "1,616,095.00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  /* 208 agrees now; schedule 1 no longer balances until 212 does too. */
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 1);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "balance"), ==, 1);
  g_assert_true (bd_editor_can_undo (f->editor));

  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 2);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "balance"), ==, 0);
  g_assert_true (bd_editor_can_redo (f->editor));

  g_assert_true (bd_editor_redo (f->editor, &error));
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 1);

  /* The second fix of the row balances the schedule again. */
  g_assert_true (bd_editor_set_cell_text (f->editor, 1, BD_CELL_ROW, "212", 0, "14786148.40", &error));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 0);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "balance"), ==, 0);
  g_assert_cmpuint (errors (f->editor), ==, 2);
}

static void
test_many_undos (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i * 1000);
      g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 1, text, &error));
    }
  g_assert_cmpint (stored (f, 3, "2210201", 1), ==, Y (20000, 0));
  for (guint i = 0; i < 20; i++)
    g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (stored (f, 3, "2210201", 1), ==, Y (447984, 0));
}

static void
test_refused_value (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 1, "44798４a", &error));
  g_assert_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_LETTERS);
  g_clear_error (&error);
  g_assert_false (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 1, "1.234", &error));
  g_assert_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_TOO_MANY_DECIMALS);
  g_clear_error (&error);
  /* 合计 is computed: it cannot be typed in. */
  g_assert_false (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 0, "5", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Nor can a 类 row. */
  g_assert_false (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "221", 1, "5", &error));
  g_assert_nonnull (error);

  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (stored (f, 3, "2210201", 1), ==, Y (447984, 0));
}

static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSchedule *s3 = bd_document_get_schedule (f->doc, 3);

  /* Three rows by two columns, as a spreadsheet copies them, onto
   * 2080502 基本支出: the three 项 of 20805, 基本支出 and 项目支出. */
  g_assert_true (bd_editor_paste (f->editor, 3, "2080502", 1, "100.00\t1.50\r\n200\t2\n300\t3\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (f, 3, "2080502", 1), ==, Y (100, 0));
  g_assert_cmpint (stored (f, 3, "2080502", 2), ==, Y (1, 50));
  g_assert_cmpint (stored (f, 3, "2080506", 1), ==, Y (300, 0));
  g_assert_cmpint (stored (f, 3, "2080506", 2), ==, Y (3, 0));
  /* The sums follow: 20805 = 100 + 1.50 + 200 + 2 + 300 + 3. */
  g_assert_cmpint (bd_schedule_find_row (s3, "20805")->values[0], ==, Y (606, 50));

  /* One step undoes the whole block. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (stored (f, 3, "2080502", 1), ==, Y (121500, 0));
  g_assert_cmpint (stored (f, 3, "2080506", 1), ==, Y (498198, 0));
  g_assert_cmpint (bd_schedule_find_row (s3, "20805")->values[0], ==, Y (1616095, 0));
}

static void
test_paste_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* One bad cell refuses the whole block, naming it. */
  g_assert_false (bd_editor_paste (f->editor, 3, "2080502", 1, "1\t2\n3\tx\n", &error));
  g_assert_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_LETTERS);
  g_assert_nonnull (strstr (error->message, "Row 2, column 2"));
  g_clear_error (&error);
  /* Too tall for the rows below. */
  g_assert_false (bd_editor_paste (f->editor, 3, "2210201", 1, "1\n2\n", &error));
  g_assert_nonnull (error);
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (stored (f, 3, "2080502", 1), ==, Y (121500, 0));
}

static void
test_fix_is_one_step (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const BdFinding *first = g_ptr_array_index (bd_editor_get_findings (f->editor), 0);

  g_assert_cmpstr (first->rule, ==, "schedule-1-expenditure");
  g_assert_true (bd_editor_apply_fix (f->editor, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 1);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 2);
  g_assert_cmpuint (errors (f->editor), ==, 4);
  g_assert_false (bd_editor_can_undo (f->editor));
}

static void
test_published_sums_come_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSchedule *s3 = bd_document_get_schedule (f->doc, 3);

  g_assert_true (bd_schedule_find_row (s3, "212")->published_mask & 1u);
  g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2120199", 1, "7959673.41", &error));
  /* The clerk's figure now rules the sums; the printed ones are gone… */
  g_assert_false (bd_schedule_find_row (s3, "212")->published_mask & 1u);
  /* …and come back with undo. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_true (bd_schedule_find_row (s3, "212")->published_mask & 1u);
  g_assert_cmpint (bd_schedule_find_row (s3, "212")->published[0], ==, Y (14786148, 40));
}

static void
test_add_and_remove_rows (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSchedule *s2 = bd_document_get_schedule (f->doc, 2);

  g_assert_true (bd_editor_add_row (f->editor, 2, "2010101", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bd_schedule_find_row (s2, "2010101")->name, ==, "行政运行");
  g_assert_cmpstr (bd_schedule_find_row (s2, "20101")->name, ==, "人大事务");
  g_assert_cmpstr (bd_schedule_find_row (s2, "201")->name, ==, "一般公共服务支出");
  g_assert_true (bd_editor_set_cell_text (f->editor, 2, BD_CELL_ROW, "2010101", 1, "5000", &error));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, Y (5000, 0));
  g_assert_cmpint (s2->total->values[0], ==, Y (17727077, 40));

  /* Removing it takes its now empty 类 and 款 rows with it. */
  g_assert_true (bd_editor_remove_row (f->editor, 2, "2010101", &error));
  g_assert_null (bd_schedule_find_row (s2, "20101"));
  g_assert_null (bd_schedule_find_row (s2, "201"));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, G_MININT64);

  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, Y (5000, 0));
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_null (bd_schedule_find_row (s2, "2010101"));
  g_assert_cmpint (s2->rows->len, ==, 14);

  /* Codes are checked. */
  g_assert_false (bd_editor_add_row (f->editor, 2, "20101", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bd_editor_add_row (f->editor, 2, "2120199", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_section_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSection *functions = bd_document_get_section (f->doc, "functions");
  g_autofree char *first = g_strdup (g_ptr_array_index (functions->paragraphs, 0));

  g_assert_true (bd_editor_set_section_text (f->editor, "functions", "第一段。\n\n第二段。\n  \n\n第三段。", &error));
  g_assert_cmpuint (functions->paragraphs->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (functions->paragraphs, 1), ==, "第二段。");
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpuint (functions->paragraphs->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (functions->paragraphs, 0), ==, first);
}

static gint64
figure (BdDocument *doc,
        const char *key)
{
  const BdFigure *f = bd_document_get_figure (doc, key);
  g_assert_nonnull (f);
  return f->value;
}

static void
test_figures_follow_the_text (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSection *other = bd_document_get_section (f->doc, "other");

  /* The 三公 total as a field: 7.40 万元 becomes 7.50, in the text too. */
  g_assert_true (bd_editor_set_figure_text (f->editor, "other.sangong.total", "7.5", &error));
  g_assert_no_error (error);
  g_assert_cmpint (figure (f->doc, "other.sangong.total"), ==, Y (75000, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (other->paragraphs, 1), "预算数为7.50万元，与2023年预算持平"));
  /* It now disagrees with schedule 9. */
  g_assert_cmpuint (bd_test_count_findings (f->editor, "other-figures"), ==, 1);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "other-figures"), ==, 1);
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpint (figure (f->doc, "other.sangong.total"), ==, Y (74000, 0));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "other-figures"), ==, 0);

  /* A count, and text typed by hand: the figures are read from the words. */
  g_assert_true (bd_editor_set_figure_text (f->editor, "other.goals.projects", "1", &error));
  g_assert_cmpint (figure (f->doc, "other.goals.projects"), ==, 1);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "goal-count"), ==, 0);
  g_assert_false (bd_editor_set_figure_text (f->editor, "other.goals.projects", "1.5", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (bd_editor_set_section_text (f->editor, "employees",
                                             "一、项目概述\n\n2024年财政资金预算安排464.00万元，主要用于政府雇员的工资。",
                                             &error));
  g_assert_cmpint (figure (f->doc, "employees.funds"), ==, Y (4640000, 0));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "employees-amount"), ==, 1);
}

static const BdFinding *
finding_of (BdEditor   *editor,
            const char *rule)
{
  GPtrArray *findings = bd_editor_get_findings (editor);

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((BdFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      return g_ptr_array_index (findings, i);
  return NULL;
}

static void
test_forms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) reopened = NULL;
  BdProject *form = g_ptr_array_index (f->doc->projects, 0);
  const BdFinding *finding;

  g_assert_cmpuint (form->indicators->len, ==, 11);
  g_assert_null (finding_of (f->editor, "form-cost-ceiling"));
  g_assert_null (finding_of (f->editor, "form-categories"));

  /* A cost ceiling above the 4,630,048.00 of funds, on that indicator's row. */
  g_assert_true (bd_editor_set_indicator (f->editor, 0, 0, NULL, NULL, NULL, "≤4830048.00(元)", &error));
  g_assert_no_error (error);
  finding = finding_of (f->editor, "form-cost-ceiling");
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->row, ==, "政府雇员");
  g_assert_cmpstr (finding->column, ==, "政府雇员成本预算控制数");

  /* Without the satisfaction indicator, 满意度指标 is missing. */
  g_assert_true (bd_editor_remove_indicator (f->editor, 0, 10, &error));
  finding = finding_of (f->editor, "form-categories");
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->column, ==, "满意度指标");
  g_assert_cmpstr (stored_target (f, 0), ==, "≤4830048.00(元)");

  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_null (finding_of (f->editor, "form-cost-ceiling"));
  g_assert_null (finding_of (f->editor, "form-categories"));
  g_assert_cmpstr (stored_target (f, 0), ==, "≤4630048.00(元)");

  /* A copy of the seed's 2024 form in this 2024 document stays a 2024
   * form (issue 14), under a name of its own; and the list's order. */
  g_assert_true (bd_editor_duplicate_project (f->editor, 0, &error));
  g_assert_cmpuint (f->doc->projects->len, ==, 2);
  form = g_ptr_array_index (f->doc->projects, 1);
  g_assert_cmpstr (form->name, ==, "政府雇员 (copy)");
  g_assert_cmpstr (form->start_date, ==, "2024-01-01");
  g_assert_cmpstr (form->end_date, ==, "2024-12-31");
  g_assert_cmpstr (form->period, ==, "2024年-2024年");
  g_assert_cmpuint (form->indicators->len, ==, 11);
  /* Last year's form carried into this document is moved on to 2024. */
  g_assert_true (bd_editor_set_project_text (f->editor, 1, "start_date", "2023-01-01", &error));
  g_assert_true (bd_editor_set_project_text (f->editor, 1, "end_date", "2023-12-31", &error));
  g_assert_true (bd_editor_set_project_text (f->editor, 1, "period", "2023年-2023年", &error));
  g_assert_true (bd_editor_duplicate_project (f->editor, 1, &error));
  form = g_ptr_array_index (f->doc->projects, 2);
  g_assert_cmpstr (form->start_date, ==, "2024-01-01");
  g_assert_cmpstr (form->end_date, ==, "2024-12-31");
  g_assert_cmpstr (form->period, ==, "2024年-2024年");
  /* Back to the first copy, a 2024 form: three dates and a copy undone. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpuint (f->doc->projects->len, ==, 2);
  g_assert_cmpstr (((BdProject *) g_ptr_array_index (f->doc->projects, 1))->start_date, ==, "2024-01-01");
  g_assert_true (bd_editor_set_project_text (f->editor, 1, "name", "政府雇员（续）", &error));
  g_assert_true (bd_editor_move_project (f->editor, 1, -1, &error));
  g_assert_cmpstr (((BdProject *) g_ptr_array_index (f->doc->projects, 0))->name, ==, "政府雇员（续）");
  g_assert_false (bd_editor_set_project_amount (f->editor, 0, "total_funds", "4,630,048.001", &error));
  g_clear_error (&error);
  g_assert_true (bd_editor_set_project_amount (f->editor, 0, "carryover", "100", &error));
  g_assert_nonnull (finding_of (f->editor, "form-funds"));

  reopened = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, &store);
  g_assert_cmpuint (reopened->projects->len, ==, 2);
  g_assert_cmpstr (((BdProject *) g_ptr_array_index (reopened->projects, 0))->name, ==, "政府雇员（续）");
  g_assert_cmpint (((BdProject *) g_ptr_array_index (reopened->projects, 0))->carryover, ==, Y (100, 0));
  g_assert_cmpstr (((BdProject *) g_ptr_array_index (reopened->projects, 0))->start_date, ==, "2024-01-01");

  /* Removing a form is undone like anything else. */
  g_assert_true (bd_editor_remove_project (f->editor, 0, &error));
  g_assert_cmpuint (f->doc->projects->len, ==, 1);
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpuint (f->doc->projects->len, ==, 2);
}

static void
test_text_follows_the_numbers (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BdSection *narrative = bd_document_get_section (f->doc, "narrative");
  g_autofree char *published_list = g_strdup (g_ptr_array_index (narrative->paragraphs, 4));

  /* 事业单位医疗 in schedule 5 from 871,850.00 to 871,950.00: its line reads
   * 87.20 at once, the clerk's clause kept; one undo takes both back. */
  g_assert_true (bd_editor_set_cell_text (f->editor, 5, BD_CELL_ROW, "2101102", 1, "871950", &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_ptr_array_index (narrative->paragraphs, 4),
                            "“事业单位医疗”科目87.20万元，主要用于单位职工医疗保险费的缴纳。"));
  g_assert_cmpint (figure (f->doc, "narrative.item.事业单位医疗"), ==, Y (872000, 0));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "narrative-figures"), ==, 0);
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpstr (g_ptr_array_index (narrative->paragraphs, 4), ==, published_list);

  /* A paragraph the clerk rewrote is theirs: the numbers no longer change it,
   * and the checker says where it disagrees. */
  g_assert_true (bd_editor_set_section_text (f->editor, "narrative",
    "2024年，本中心收入预算1,772.21万元。\n\n"
    "支出预算1,772.21万元，其中：财政拨款支出预算1,772.21万元，比2023年预算减少1,365.78万元。\n\n"
    "财政拨款收入支出减少的主要原因是减少政府投资项目。\n\n财政拨款支出主要内容如下：\n\n"
    "1. “事业单位医疗”科目87.19万元，主要用于单位职工医疗保险费的缴纳。", &error));
  /* 住房公积金 in schedule 3 from 447,984.00 to 457,984.00: schedule 1's
   * 221 follows it, and with it the 支出预算 the text quotes. */
  g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 1, "457984", &error));
  g_assert_cmpint (stored (f, 1, "221", 0), ==, Y (457984, 0));
  g_assert_cmpstr (g_ptr_array_index (narrative->paragraphs, 0), ==, "2024年，本中心收入预算1,772.21万元。");
  g_assert_cmpuint (bd_test_count_findings (f->editor, "narrative-figures"), >=, 1);
}

static void
test_last_year_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) last = bd_test_load_seed ();
  g_autofree char *last_path = g_build_filename (f->dir, "cityops-2023.budget", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other-2023.budget", NULL);
  BdSection *narrative = bd_document_get_section (f->doc, "narrative");
  gint64 value;

  /* Last year's document of the department: the same 1,772.21 万元 of 财政拨款. */
  last->year = 2023;
  g_assert_true (bd_store_save_as (last, last_path, &error));
  g_assert_true (bd_editor_take_last_year (f->editor, last_path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_ptr_array_index (narrative->paragraphs, 0),
                            "财政拨款收入1,772.21万元，与2023年预算持平；"));
  g_assert_nonnull (strstr (g_ptr_array_index (narrative->paragraphs, 1),
                            "一般公共预算拨款支出预算1,772.21万元，与2023年预算持平；"));

  /* Kept in the document: reopened, it still compares with them. */
  {
    g_autoptr(BdDocument) again = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);
    g_assert_true (bd_document_get_last_year (again, "income.fiscal", &value));
    g_assert_cmpint (value, ==, Y (17722077, 40));
  }

  /* Another department's file is refused. */
  g_free (last->department);
  last->department = g_strdup ("另一个单位");
  g_assert_true (bd_store_save_as (last, other_path, &error));
  g_assert_false (bd_editor_take_last_year (f->editor, other_path, &error));
  g_assert_nonnull (error);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (f->path, BD_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(BdDocument) doc = bd_store_load (store, &error);
  g_autoptr(BdEditor) editor = bd_editor_new (doc, store);

  g_assert_false (bd_editor_set_cell_text (editor, 1, BD_CELL_ROW, "208", 0, "1", &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208")->values[0], ==, Y (1616095, 40));
}

/* Issue 14: schedules 1 and 4 by 类 are computed from schedules 3 and 5-7;
 * the figures they were published with stay findings until a source
 * changes. Figures read from the seed (data/minhang-cityops-2024.md). */
static void
test_typed_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) fresh = bd_document_new_empty ("某单位", 2024);
  g_autoptr(BdEditor) editor = bd_editor_new (fresh, NULL);
  BdSchedule *s4 = bd_document_get_schedule (fresh, 4);

  /* As published: 208 and 212 of schedules 1 and 4 disagree (guide §5). */
  g_assert_cmpuint (errors (f->editor), ==, 4);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 2);

  /* Schedule 1's 208 is schedule 3's 1,616,095.00: another figure is refused
   * with where to type it. */
  g_assert_false (bd_editor_set_cell_text (f->editor, 1, BD_CELL_ROW, "208", 0, "1,616,095.40", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "schedule 3"));
  g_assert_nonnull (strstr (error->message, "1,616,095.00"));
  g_clear_error (&error);
  /* A pasted block is held to the same: 208 then 210 (schedule 3: 871,850.00). */
  g_assert_false (bd_editor_paste (f->editor, 1, "208", 0, "1,616,095.40\n871,850.00\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "Row 1, column 1 of the block:"));
  g_clear_error (&error);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_true (bd_editor_paste (f->editor, 1, "208", 0, "1,616,095.00\n871,850.00\n", &error));
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_true (bd_editor_undo (f->editor, &error));

  /* 事业单位离退休 in schedule 3 from 121,500.00 to 121,600.00: schedule 1's
   * 208 becomes 1,616,095.00 + 100 and its 212 schedule 3's 14,786,148.40,
   * both stored; schedule 4 follows schedule 5, not 3. */
  g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2080502", 1, "121,600", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616195, 0));
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 40));
  g_assert_cmpint (stored (f, 4, "208", 1), ==, Y (1616095, 40));
  /* 208 now differs from schedule 2 (1,616,095.00); 212 agrees. */
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-1-expenditure"), ==, 1);

  /* One undo takes schedule 1 back to its published figures. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 0));
  g_assert_cmpuint (errors (f->editor), ==, 4);

  /* A new document: a 项 typed in schedule 5 fills schedule 4's 类 row,
   * its 合计 and 支出总计. */
  g_assert_true (bd_editor_add_row (editor, 5, "2080505", NULL, &error));
  g_assert_true (bd_editor_set_cell_text (editor, 5, BD_CELL_ROW, "2080505", 1, "1,000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bd_schedule_find_row (s4, "208")->values[1], ==, Y (1000, 0));
  g_assert_cmpint (bd_schedule_find_row (s4, "208")->values[0], ==, Y (1000, 0));
  g_assert_cmpint (s4->total->values[0], ==, Y (1000, 0));
  g_assert_true (bd_editor_undo (editor, &error));
  g_assert_cmpint (bd_schedule_find_row (s4, "208")->values[1], ==, 0);
}

/* 修正全部: the seed's four certain fixes (guide §5: 208 and 212 of
 * schedules 1 and 4 take the figures of schedules 2, 3 and 5) as one step. */
static void
test_fix_all (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  g_autoptr(GPtrArray) only = NULL;

  g_assert_true (bd_editor_fix_all (f->editor, NULL, &fixed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixed->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (fixed, 0), "1,616,095.40"));
  g_assert_cmpuint (errors (f->editor), ==, 0);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 40));
  g_assert_cmpint (stored (f, 4, "208", 1), ==, Y (1616095, 0));
  g_assert_cmpint (stored (f, 4, "212", 1), ==, Y (14786148, 40));
  /* 合计 of schedule 4's 212 is its 一般公共预算 alone. */
  g_assert_cmpint (stored (f, 4, "212", 0), ==, Y (14786148, 40));

  /* One undo takes all four back, in memory and in the file. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpuint (errors (f->editor), ==, 4);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_cmpint (stored (f, 4, "212", 1), ==, Y (14786148, 0));
  g_assert_true (bd_editor_redo (f->editor, &error));
  g_assert_cmpuint (errors (f->editor), ==, 0);
  g_assert_cmpint (stored (f, 4, "212", 1), ==, Y (14786148, 40));
  g_assert_true (bd_editor_undo (f->editor, &error));

  /* The fixes of one rule only: schedule 4's two rows. */
  g_assert_true (bd_editor_fix_all (f->editor, "schedule-4-expenditure", &only, &error));
  g_assert_cmpuint (only->len, ==, 2);
  g_assert_cmpuint (errors (f->editor), ==, 2);
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_cmpint (stored (f, 4, "208", 1), ==, Y (1616095, 0));
}

/* Issue 14: a new document starts with what every document has; its
 * 编制说明 follows the numbers from the first figure typed. The terms are
 * the seed's 名词解释; the sentences are the guide's formula (§4) worked out
 * by hand for 10,000.00 元 (1.00 万元). */
static void
test_new_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.budget", NULL);
  g_autoptr(BdDocument) fresh = bd_document_new_empty ("某单位", 2024);
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  BdSection *glossary, *narrative;

  doc = bd_test_save_and_open (fresh, path, BD_STORE_OPEN_DEFAULT, &store);
  editor = bd_editor_new (doc, store);

  glossary = bd_document_get_section (doc, "glossary");
  g_assert_cmpuint (glossary->paragraphs->len, ==, 8);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (glossary->paragraphs, 0), "（一）财政拨款收入：是区级预算主管部门"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (glossary->paragraphs, 7), "（八）机关运行经费：指行政单位"));
  narrative = bd_document_get_section (doc, "narrative");
  g_assert_cmpstr (narrative->title, ==, "2024年部门预算编制说明");
  g_assert_cmpuint (narrative->paragraphs->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (narrative->paragraphs, 0), ==,
                   "2024年，某单位收入预算0万元，其中：财政拨款收入0万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。");
  /* 主要职能 and 机构设置 are the clerk's to write. */
  g_assert_cmpuint (bd_test_count_findings (editor, "empty-section"), ==, 2);

  g_assert_true (bd_editor_add_row (editor, 3, "2080505", NULL, &error));
  g_assert_true (bd_editor_set_cell_text (editor, 3, BD_CELL_ROW, "2080505", 1, "10,000", &error));
  g_assert_true (bd_editor_add_row (editor, 5, "2080505", NULL, &error));
  g_assert_true (bd_editor_set_cell_text (editor, 5, BD_CELL_ROW, "2080505", 1, "10,000", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (narrative->paragraphs, 1), ==,
                   "支出预算1.00万元，其中：财政拨款支出预算1.00万元。财政拨款支出预算中，一般公共预算拨款支出预算1.00万元；"
                   "政府性基金拨款支出预算0万元；国有资本经营预算拨款支出预算0万元。");
  g_assert_cmpstr (g_ptr_array_index (narrative->paragraphs, 3), ==, "1. “机关事业单位基本养老保险缴费支出”科目1.00万元。");
  g_assert_cmpuint (bd_test_count_findings (editor, "narrative-figures"), ==, 0);

  /* Stored as shown. */
  {
    g_autoptr(BdDocument) reopened = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
    BdSection *stored_narrative = bd_document_get_section (reopened, "narrative");

    g_assert_cmpstr (g_ptr_array_index (stored_narrative->paragraphs, 3), ==,
                     "1. “机关事业单位基本养老保险缴费支出”科目1.00万元。");
    g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (reopened, 1), "208")->values[0], ==,
                     Y (10000, 0));
  }

  g_assert_true (bd_editor_set_section_text (editor, "functions", "负责本区城市运行的统筹协调。", &error));
  g_assert_cmpuint (bd_test_count_findings (editor, "empty-section"), ==, 1);
}

/* Issue 14: a 项 financed by 一般公共预算 alone, typed in schedule 3, fills
 * schedules 2 and 5 in the same undo step. Seed figures: 住房公积金 2210201 is
 * 447,984.00 in schedules 2, 3 and 5. */
static void
test_fill_from_expenditure (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Schedules 2 and 5 already say what schedule 3 does: nothing to offer. */
  g_assert_false (bd_editor_can_fill_from_expenditure (f->editor, "2210201"));
  g_assert_false (bd_editor_fill_from_expenditure (f->editor, "2210201", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (bd_editor_dup_fill_offer (f->editor));
  g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2210201", 1, "457,984", &error));
  g_assert_true (bd_editor_can_fill_from_expenditure (f->editor, "2210201"));
  {
    g_autofree char *offer = bd_editor_dup_fill_offer (f->editor);
    g_assert_cmpstr (offer, ==, "2210201");
  }
  g_assert_true (bd_editor_fill_from_expenditure (f->editor, "2210201", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (f, 2, "2210201", 1), ==, Y (457984, 0));
  g_assert_cmpint (stored (f, 2, "2210201", 0), ==, Y (457984, 0));
  g_assert_cmpint (stored (f, 5, "2210201", 1), ==, Y (457984, 0));
  g_assert_cmpint (stored (f, 5, "2210201", 2), ==, 0);
  /* …and schedules 1 and 4 follow 3 and 5. */
  g_assert_cmpint (stored (f, 1, "221", 0), ==, Y (457984, 0));
  g_assert_cmpint (stored (f, 4, "221", 1), ==, Y (457984, 0));
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedule-2-3"), ==, 0);
  g_assert_cmpuint (bd_test_count_findings (f->editor, "schedules-5-6-7"), ==, 0);
  g_assert_null (bd_editor_dup_fill_offer (f->editor));

  /* One undo: the typed figure and the filling. */
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (stored (f, 3, "2210201", 1), ==, Y (447984, 0));
  g_assert_cmpint (stored (f, 2, "2210201", 1), ==, Y (447984, 0));
  g_assert_cmpint (stored (f, 5, "2210201", 1), ==, Y (447984, 0));
  g_assert_cmpint (stored (f, 4, "221", 1), ==, Y (447984, 0));
  g_assert_true (bd_editor_redo (f->editor, &error));
  g_assert_cmpint (stored (f, 5, "2210201", 1), ==, Y (457984, 0));

  /* A 项 new to the document: its rows, with 类 201 and 款 20101, appear in
   * schedules 2 and 5. */
  g_assert_true (bd_editor_add_row (f->editor, 3, "2010101", NULL, &error));
  g_assert_true (bd_editor_set_cell_text (f->editor, 3, BD_CELL_ROW, "2010101", 2, "8,000", &error));
  g_assert_true (bd_editor_fill_from_expenditure (f->editor, "2010101", &error));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, Y (8000, 0));
  g_assert_cmpint (stored (f, 2, "201", 1), ==, Y (8000, 0));
  g_assert_cmpint (stored (f, 5, "2010101", 2), ==, Y (8000, 0));
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, G_MININT64);
  g_assert_cmpint (stored (f, 3, "2010101", 2), ==, 0);
}

/* The rule profile from the window: each change one undoable step, stored at
 * once. The seed's findings (guide §5): 4 errors, and goal-count's warning
 * (section 六 declares 17 projects with goals, 682.65万元; one form is given). */
static void
test_rule_profile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  GPtrArray *findings = bd_editor_get_findings (f->editor);

  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_WARNING), ==, 1);

  g_assert_true (bd_editor_set_rule_setting (f->editor, "goal-count", "off", &error));
  g_assert_no_error (error);
  findings = bd_editor_get_findings (f->editor);
  g_assert_cmpuint (findings->len, ==, 4);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_WARNING), ==, 0);
  setting = bd_test_stored_setting (f->path, "goal-count");
  g_assert_cmpstr (setting, ==, "off");
  g_clear_pointer (&setting, g_free);

  /* schedule-4-expenditure's two errors (类 208 and 212) become notes. */
  g_assert_true (bd_editor_set_rule_setting (f->editor, "schedule-4-expenditure", "info", &error));
  findings = bd_editor_get_findings (f->editor);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_INFO), ==, 2);

  /* Refused: nothing changes, nothing goes on the undo stack. */
  g_assert_false (bd_editor_set_rule_setting (f->editor, "goal-count", "loud", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (bd_editor_set_rule_setting (f->editor, "no-such-rule", "off", &error));
  g_clear_error (&error);
  g_assert_cmpuint (g_hash_table_size (f->doc->rule_profile), ==, 2);

  g_assert_true (bd_editor_undo (f->editor, &error));
  findings = bd_editor_get_findings (f->editor);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 4);
  g_assert_null (bd_rule_profile_get (f->doc, "schedule-4-expenditure"));

  /* Every rule back to its own, as one step, and that undone. */
  g_assert_true (bd_editor_reset_rule_profile (f->editor, &error));
  g_assert_cmpuint (g_hash_table_size (f->doc->rule_profile), ==, 0);
  g_assert_cmpuint (bd_editor_get_findings (f->editor)->len, ==, 5);
  setting = bd_test_stored_setting (f->path, "goal-count");
  g_assert_null (setting);
  g_assert_true (bd_editor_undo (f->editor, &error));
  g_assert_cmpstr (bd_rule_profile_get (f->doc, "goal-count"), ==, "off");
  setting = bd_test_stored_setting (f->path, "goal-count");
  g_assert_cmpstr (setting, ==, "off");
  g_assert_cmpuint (bd_editor_get_findings (f->editor)->len, ==, 4);
}

/* Every public entry checks its instance (issue 16): a wrong one is a
 * critical and changes nothing, rather than a crash. */
static void
test_instance_checked (void)
{
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*BD_IS_EDITOR*");
  g_assert_false (bd_editor_set_cell (NULL, 3, BD_CELL_ROW, "2210201", 1, 1, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*BD_IS_EDITOR*");
  g_assert_false (bd_editor_fix_all ((BdEditor *) other, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*BD_IS_EDITOR*");
  g_assert_false (bd_editor_undo (NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*BD_IS_EDITOR*");
  g_assert_false (bd_editor_set_project_text (NULL, 0, "name", "x", NULL));
  g_test_assert_expected_messages ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editor/edit-undo-redo", test_edit_undo_redo);
  ADD ("/editor/many-undos", test_many_undos);
  ADD ("/editor/refused-value", test_refused_value);
  ADD ("/editor/paste", test_paste);
  ADD ("/editor/paste-refused", test_paste_refused);
  ADD ("/editor/fix-is-one-step", test_fix_is_one_step);
  ADD ("/editor/published-sums-come-back", test_published_sums_come_back);
  ADD ("/editor/add-and-remove-rows", test_add_and_remove_rows);
  ADD ("/editor/section-text", test_section_text);
  ADD ("/editor/read-only", test_read_only);
  ADD ("/editor/figures-follow-the-text", test_figures_follow_the_text);
  ADD ("/editor/forms", test_forms);
  ADD ("/editor/text-follows-the-numbers", test_text_follows_the_numbers);
  ADD ("/editor/last-year-file", test_last_year_file);
  ADD ("/editor/typed-once", test_typed_once);
  ADD ("/editor/fix-all", test_fix_all);
  ADD ("/editor/new-document", test_new_document);
  ADD ("/editor/fill-from-expenditure", test_fill_from_expenditure);
  ADD ("/editor/rule-profile", test_rule_profile);
#undef ADD
  g_test_add_func ("/editor/instance-checked", test_instance_checked);

  return g_test_run ();
}
