/* Next year's document from last year's: budgetdesk-cli new-year on the seed */

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bd-checker.h"
#include "bd-editor.h"
#include "bd-narrative.h"
#include "bd-new-year.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

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
  g_assert_true (form->to_review);
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
  const char * const expected[] = { "empty-note", "form-cost-ceiling", "goal-count", "carried-over-text",
                                    "form-to-review", NULL };

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
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-new-year-XXXXXX", "next.budget");
  g_autoptr(BdDocument) loaded = bd_test_save_and_open (next, file->path, BD_STORE_OPEN_READ_ONLY, NULL);
  gint64 value;

  g_assert_cmpint (loaded->year, ==, 2025);
  g_assert_true (bd_document_get_last_year (loaded, "income.total", &value));
  g_assert_cmpint (value, ==, Y (17722077, 40));
}

/* The paragraphs of the seed's sections 六 and 七 the formula does not
 * rewrite and that state 2024's figures, counted by hand in
 * data/minhang-cityops-2024.md: line 338 (本部门1个预算单位… 编制绩效目标的项目17个),
 * line 342 (截至2023年12月31日…共有车辆2辆…设备2台（套）), line 344 (2024年部门预算安排
 * 购置车辆0辆…0台（套）) and line 362 (聘用政府雇员32人). Not flagged: the
 * paragraphs the formula writes again from 2025's figures (编制说明, 三公,
 * procurement, line 376's 463.00万元), those stating no figure (line 78's
 * reason, 立项依据's notice of 2023年度, line 370's 一年), and 职能, 机构设置,
 * 名词解释, which describe the department. */
static const struct {
  const char *section;
  const char *opening;
} carried_over[] = {
  { "other", "按照本区预算绩效管理工作的总体要求，本部门1个预算单位开展了2025年" },
  { "other", "截至2024年12月31日，上海市闵行区城市运行管理中心共有车辆2辆" },
  { "other", "2025年部门预算安排购置车辆0辆" },
  { "employees", "通过与上海外服虹桥人才服务有限公司签订劳务派遣协议，聘用政府雇员32人" },
};

/* How many paragraphs of @doc are to review; each one of carried_over[]. */
static guint
count_to_review (BdDocument *doc)
{
  guint n = 0;

  for (guint i = 0; i < doc->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (doc->sections, i);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const char *text = g_ptr_array_index (section->paragraphs, p);
          gboolean known = FALSE;

          if (!bd_section_is_to_review (section, text))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (carried_over); k++)
            known |= strcmp (section->id, carried_over[k].section) == 0 && g_str_has_prefix (text, carried_over[k].opening);
          if (!known)
            g_error ("flagged, but it quotes no figure of 2024: %s", text);
          n++;
        }
    }
  return n;
}

static void
test_texts_to_review (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(GPtrArray) findings = bd_check_document (next);
  guint notes = 0;

  g_assert_cmpuint (count_to_review (next), ==, 4);
  /* A note at each place: three in section 六, one in 七. */
  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);

      if (strcmp (finding->rule, "carried-over-text") != 0)
        continue;
      g_assert_cmpint (finding->severity, ==, BD_SEVERITY_INFO);
      g_assert_true (finding->part == BD_PART_OTHER || finding->part == BD_PART_EMPLOYEES);
      g_assert_nonnull (strstr (finding->message, "2024"));
      notes++;
    }
  g_assert_cmpuint (notes, ==, 4);
}

/* The text of @section with paragraph @opening replaced by @text. */
static char *
section_text_with (BdSection  *section,
                   const char *opening,
                   const char *text)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < section->paragraphs->len; p++)
    {
      const char *paragraph = g_ptr_array_index (section->paragraphs, p);
      g_string_append_printf (out, "%s%s", p ? "\n\n" : "", g_str_has_prefix (paragraph, opening) ? text : paragraph);
    }
  return g_string_free (out, FALSE);
}

/* 万里街道 2025, started from its published PDF (tests/real/): the
 * paragraphs still quoting 2025's figures, read with pdftotext: page 30's
 * 本部门3个预算单位…项目 (goals), 共有车辆8辆 (assets) and 安排购置车辆1辆,
 * page 31's 第一季度用款计划15万元 (项目经费情况说明). The 三公 paragraphs
 * (page 29/30: 公务接待费1.35万元…) are written again by the formula. */
static void
test_real_pdf_to_review (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BD_REAL"), "putuo-wanli-2025-dept.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) next = bd_new_year_from_file (path, &error);
  const char * const openings[] = { "按照本区预算绩效管理工作的总体要求，本部门3个预算单位", "截至2025年8月31日，",
                                    "2026年部门预算安排购置车辆1辆", "第一季度用款计划15万元" };
  guint flagged = 0, found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < next->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (next->sections, i);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const char *text = g_ptr_array_index (section->paragraphs, p);

          if (!bd_section_is_to_review (section, text))
            continue;
          flagged++;
          for (guint k = 0; k < G_N_ELEMENTS (openings); k++)
            found += g_str_has_prefix (text, openings[k]);
          g_assert_false (g_str_has_prefix (text, "（"));
        }
    }
  g_assert_cmpuint (flagged, ==, 4);
  g_assert_cmpuint (found, ==, 4);
}

/* 万里街道 2023 counts its assets 截止2022年12月31日 (page 29, pdftotext):
 * its 2024 document counts them at the end of 2023, and the paragraph,
 * still stating 2023's 流动资产448.82万元, is to review. */
static void
test_asset_date_written_jiezhi (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BD_REAL"), "putuo-wanli-2023-dept.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) next = bd_new_year_from_file (path, &error);
  BdSection *other;
  const char *assets = NULL;

  g_assert_no_error (error);
  other = bd_document_get_section (next, "other");
  for (guint p = 0; p < other->paragraphs->len; p++)
    if (g_str_has_prefix (g_ptr_array_index (other->paragraphs, p), "截止"))
      assets = g_ptr_array_index (other->paragraphs, p);
  g_assert_nonnull (assets);
  g_assert_true (g_str_has_prefix (assets, "截止2023年12月31日，本部门流动资产448.82万元。"));
  g_assert_true (bd_section_is_to_review (other, assets));
}

/* Edited through the editor, a paragraph is reviewed; undo brings its flag
 * back, redo takes it away; the other three stay flagged throughout. */
static void
test_editing_clears (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (next, NULL);
  g_autoptr(GError) error = NULL;
  BdSection *other = bd_document_get_section (next, "other");
  g_autofree char *text = section_text_with (other, carried_over[1].opening,
                                             "截至2024年12月31日，上海市闵行区城市运行管理中心共有车辆3辆。");

  g_assert_cmpuint (bd_test_count_findings (editor, "carried-over-text"), ==, 4);
  g_assert_true (bd_editor_set_section_text (editor, "other", text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_to_review (next), ==, 3);
  g_assert_cmpuint (bd_test_count_findings (editor, "carried-over-text"), ==, 3);
  g_assert_true (bd_editor_undo (editor, &error));
  g_assert_cmpuint (count_to_review (next), ==, 4);
  g_assert_cmpuint (bd_test_count_findings (editor, "carried-over-text"), ==, 4);
  g_assert_true (bd_editor_redo (editor, &error));
  g_assert_cmpuint (count_to_review (next), ==, 3);
  g_assert_no_error (error);
}

/* The formula rewriting the figures of a flagged paragraph (the goals
 * paragraph's 涉及项目预算资金 follows schedule 3's 项目支出) is no review by
 * the clerk: the paragraph stays flagged. Typing the form's funds reviews
 * the form; undo makes it to review again. */
static void
test_formula_keeps_flags (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (next, NULL);
  g_autoptr(GError) error = NULL;
  BdSection *other = bd_document_get_section (next, "other");
  const char *goals = NULL;

  /* 4,630,048.00 元 of 项目支出 typed into schedule 3's 2080505: 463.00万元. */
  g_assert_true (bd_editor_set_cell (editor, 3, BD_CELL_ROW, "2080505", BD_COL_PROJECT, Y (4630048, 0), &error));
  g_assert_no_error (error);
  for (guint p = 0; p < other->paragraphs->len; p++)
    if (g_str_has_prefix (g_ptr_array_index (other->paragraphs, p), carried_over[0].opening))
      goals = g_ptr_array_index (other->paragraphs, p);
  g_assert_nonnull (goals);
  g_assert_nonnull (strstr (goals, "涉及项目预算资金463.00万元"));
  g_assert_true (bd_section_is_to_review (other, goals));
  g_assert_cmpuint (count_to_review (next), ==, 4);

  g_assert_true (bd_editor_set_project_amount (editor, 0, "annual_total", "4,630,048.00", &error));
  g_assert_no_error (error);
  g_assert_false (((BdProject *) g_ptr_array_index (next->projects, 0))->to_review);
  g_assert_true (bd_editor_undo (editor, &error));
  g_assert_true (((BdProject *) g_ptr_array_index (next->projects, 0))->to_review);
  g_assert_cmpuint (count_to_review (next), ==, 4);
}

/* The one form-to-review note, at the seed's one form (政府雇员, seed
 * line 382), or none. */
static void
assert_form_note (BdEditor *editor,
                  gboolean  present)
{
  GPtrArray *findings = bd_editor_get_findings (editor);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);

      if (strcmp (finding->rule, "form-to-review") != 0)
        continue;
      g_assert_cmpint (finding->severity, ==, BD_SEVERITY_INFO);
      g_assert_cmpint (finding->part, ==, BD_PART_PERFORMANCE);
      g_assert_cmpstr (finding->row, ==, "政府雇员");
      g_assert_nonnull (strstr (finding->message, "2024"));
      n++;
    }
  g_assert_cmpuint (n, ==, present ? 1 : 0);
}

/* 标记为已审阅: one undoable step; marking a reviewed form changes nothing.
 * The form's note goes with its flag and comes back with it. */
static void
test_mark_reviewed (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (next, NULL);
  g_autoptr(GError) error = NULL;

  assert_form_note (editor, TRUE);
  g_assert_true (bd_editor_mark_form_reviewed (editor, 0, &error));
  g_assert_no_error (error);
  g_assert_false (((BdProject *) g_ptr_array_index (next->projects, 0))->to_review);
  assert_form_note (editor, FALSE);
  g_assert_true (bd_editor_mark_form_reviewed (editor, 0, &error));
  g_assert_true (bd_editor_undo (editor, &error));
  g_assert_true (((BdProject *) g_ptr_array_index (next->projects, 0))->to_review);
  assert_form_note (editor, TRUE);
  g_assert_false (bd_editor_mark_form_reviewed (editor, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Stored: the flags come back from the file; an edit through a stored
 * editor clears them in the file too, and its undo stores them again. */
static void
test_flags_stored (void)
{
  g_autoptr(BdDocument) next = new_year_of_seed ();
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-new-year-XXXXXX", "next.budget");
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) loaded = bd_test_save_and_open (next, file->path, BD_STORE_OPEN_DEFAULT, &store);
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(BdEditor) editor = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (count_to_review (loaded), ==, 4);
  g_assert_true (((BdProject *) g_ptr_array_index (loaded->projects, 0))->to_review);

  editor = bd_editor_new (loaded, store);
  text = section_text_with (bd_document_get_section (loaded, "employees"), carried_over[3].opening,
                            "通过劳务派遣协议聘用政府雇员30人。");
  g_assert_true (bd_editor_set_section_text (editor, "employees", text, &error));
  g_assert_true (bd_editor_mark_form_reviewed (editor, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&editor);
  g_clear_object (&store);

  again = bd_test_open (file->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpuint (count_to_review (again), ==, 3);
  g_assert_false (((BdProject *) g_ptr_array_index (again->projects, 0))->to_review);
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
  g_test_add_func ("/new-year/texts-to-review", test_texts_to_review);
  g_test_add_func ("/new-year/real-pdf-to-review", test_real_pdf_to_review);
  g_test_add_func ("/new-year/asset-date-written-jiezhi", test_asset_date_written_jiezhi);
  g_test_add_func ("/new-year/editing-clears", test_editing_clears);
  g_test_add_func ("/new-year/formula-keeps-flags", test_formula_keeps_flags);
  g_test_add_func ("/new-year/mark-reviewed", test_mark_reviewed);
  g_test_add_func ("/new-year/flags-stored", test_flags_stored);
  return g_test_run ();
}
