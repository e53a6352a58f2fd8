/* The family of layouts (issue 12), each in text and as pages: the seed
 * (data/minhang-cityops-2024.md) edited the way other documents print it,
 * read as text, then written as BudgetDesk's PDF and read back from it.
 *
 * 上年结转 / 结转下年: the seed's schedule 1 (lines 94-116) and 4 (179-201)
 * with the rows of the published layout added under the 类, figures
 * computed by hand:
 *   schedule 1: 本年收入合计 17,722,077.40 | 本年支出合计 17,722,077.40
 *               上年结转结余     250,000.00 | 结转下年         250,000.00
 *               收入总计     17,972,077.40 | 支出总计     17,972,077.40
 *   schedule 4: 本年收入合计 17,722,077.40 | 本年支出合计 17,722,077.40 (all 一般公共预算)
 *               四、上年结转     200,000.00 | 结转下年 200,000.00 (一般公共预算 200,000.00)
 *               收入总计     17,922,077.40 | 支出总计 17,922,077.40 */


#include "bd-checker.h"
#include "bd-csv-writer.h"
#include "bd-editor.h"
#include "bd-markdown-writer.h"
#include "bd-new-year.h"
#include "bd-page-layout.h"
#include "bd-pdf-import.h"
#include "bd-workbook-import.h"
#include "bd-xlsx-writer.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

static void
replace_once (GString    *text,
              const char *from,
              const char *to)
{
  g_assert_cmpuint (g_string_replace (text, from, to, 0), ==, 1);
}

static GString *
carry_text (const char *income_label,
            const char *grand_1)
{
  GString *text = bd_test_seed_string ();
  g_autofree char *rows_1 = g_strdup_printf (
    "| 本年收入合计 | 17,722,077.40 | 本年支出合计 | 17,722,077.40 |\n"
    "| %s | 250,000.00 | 结转下年 | 250,000.00 |\n"
    "| 收入总计 | %s | 支出总计 | 17,972,077.40 |\n", income_label, grand_1);

  replace_once (text, "| 收入总计 | 17,722,077.40 | 支出总计 | 17,722,077.40 |\n", rows_1);
  replace_once (text, "| 收入总计 | 17,722,077.40 | 支出总计 | 17,722,077.40 | 17,722,077.40 | 0 | 0 |\n",
                "| 本年收入合计 | 17,722,077.40 | 本年支出合计 | 17,722,077.40 | 17,722,077.40 | 0 | 0 |\n"
                "| 四、上年结转 | 200,000.00 | 结转下年 | 200,000.00 | 200,000.00 | 0 | 0 |\n"
                "| 收入总计 | 17,922,077.40 | 支出总计 | 17,922,077.40 | 17,922,077.40 | 0 | 0 |\n");
  return text;
}

static BdDocument *
import_text (GString *text)
{
  g_autoptr(GError) error = NULL;
  BdDocument *doc = bd_import_published_text (text->str, text->len, &error);

  g_assert_no_error (error);
  return doc;
}

/* @doc written as BudgetDesk's pages and read back from the PDF. */
static BdDocument *
through_pdf (BdDocument *doc)
{
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
  g_autoptr(BdTestFile) pdf = bd_test_file_new ("bd-family-XXXXXX", "family.pdf");
  g_autoptr(GError) error = NULL;
  BdDocument *read;

  g_assert_true (bd_page_layout_write_pdf (layout, pdf->path, &error));
  read = bd_import_any_file (pdf->path, &error);
  g_assert_no_error (error);
  return read;
}

static void
assert_carryover (BdDocument *doc,
                  const char *income_label)
{
  BdSchedule *s1 = bd_document_get_schedule (doc, 1), *s4 = bd_document_get_schedule (doc, 4);

  g_assert_nonnull (s1->carryover);
  g_assert_cmpstr (s1->carryover->name, ==, income_label);
  g_assert_cmpstr (s1->carry_forward->name, ==, "结转下年");
  g_assert_cmpint (s1->carryover->values[0], ==, Y (250000, 0));
  g_assert_cmpint (s1->carry_forward->values[0], ==, Y (250000, 0));
  g_assert_cmpint (s1->income_total->values[0], ==, Y (17722077, 40));
  g_assert_cmpint (s1->income_grand->values[0], ==, Y (17972077, 40));
  g_assert_cmpint (s1->expense_grand->values[0], ==, Y (17972077, 40));
  g_assert_cmpstr (s4->carryover->name, ==, "四、上年结转");
  g_assert_cmpint (s4->carryover->values[0], ==, Y (200000, 0));
  g_assert_cmpint (s4->carry_forward->values[BD_COL_FISCAL_GENERAL], ==, Y (200000, 0));
  g_assert_cmpint (s4->carry_forward->values[BD_COL_FISCAL_TOTAL], ==, Y (200000, 0));
  g_assert_cmpint (s4->income_grand->values[0], ==, Y (17922077, 40));
  g_assert_cmpint (s4->expense_grand->values[BD_COL_FISCAL_GENERAL], ==, Y (17922077, 40));
}

/* The seed's own four errors and one warning (guide §5), no more. */
static void
assert_seed_findings (BdDocument *doc)
{
  g_autoptr(GPtrArray) findings = bd_check_document (doc);
  guint errors = 0;

  for (guint i = 0; i < findings->len; i++)
    errors += ((BdFinding *) g_ptr_array_index (findings, i))->severity == BD_SEVERITY_ERROR;
  g_assert_cmpuint (errors, ==, 4);
  g_assert_cmpuint (findings->len, ==, 5);
}

static void
test_carryover_text_and_pdf (void)
{
  const char *labels[] = { "上年结转结余", "上年结转", "上年结转资金", "五、上年结转" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GString) text = carry_text (labels[i], "17,972,077.40");
      g_autoptr(BdDocument) doc = import_text (text);
      g_autoptr(BdDocument) printed = NULL;

      assert_carryover (doc, labels[i]);
      assert_seed_findings (doc);
      printed = through_pdf (doc);
      assert_carryover (printed, labels[i]);
      assert_seed_findings (printed);
    }
}

/* Written as markdown, as a document file, as a workbook and as CSV, and
 * read back: the same rows and figures. */
static void
test_carryover_round_trip (void)
{
  g_autoptr(GString) text = carry_text ("上年结转结余", "17,972,077.40");
  g_autoptr(BdDocument) doc = import_text (text);
  g_autofree char *md = bd_markdown_write (doc);
  g_autoptr(BdDocument) again = NULL;
  g_autofree char *md_again = NULL;
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-family-XXXXXX", "carry.budget");
  g_autofree char *book = g_build_filename (file->dir, "carry.xlsx", NULL);
  g_autofree char *csv = bd_csv_write_schedule (doc, 1);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (md, "| 上年结转结余 | 250,000.00 | 结转下年 | 250,000.00 |\n"
                                "| 收入总计 | 17,972,077.40 | 支出总计 | 17,972,077.40 |\n"));
  again = bd_import_published_text (md, -1, &error);
  g_assert_no_error (error);
  md_again = bd_markdown_write (again);
  g_assert_cmpstr (md_again, ==, md);

  g_assert_true (bd_store_save_as (doc, file->path, &error));
  {
    g_autoptr(BdDocument) stored = bd_test_open (file->path, BD_STORE_OPEN_READ_ONLY, NULL);
    g_autofree char *a = bd_document_dump (doc);
    g_autofree char *b = NULL;

    g_assert_no_error (error);
    assert_carryover (stored, "上年结转结余");
    b = bd_document_dump (stored);
    g_assert_cmpstr (b, ==, a);
  }

  g_assert_true (bd_xlsx_write_file (doc, book, &error));
  {
    g_autoptr(BdDocument) read = bd_workbook_import_file (book, &error);

    g_assert_no_error (error);
    assert_carryover (read, "上年结转结余");
  }

  /* CSV lines end in CR LF. */
  g_assert_nonnull (strstr (csv, "本年收入合计,17722077.40,,本年支出合计,17722077.40\r\n"
                                 "上年结转结余,250000.00,,结转下年,250000.00\r\n"
                                 "收入总计,17972077.40,,支出总计,17972077.40"));
}

/* Next year's document keeps the carry-over rows, named as printed, with
 * no figure: next year's 上年结转 is not last year's. */
static void
test_carryover_new_year (void)
{
  g_autoptr(GString) text = carry_text ("上年结转结余", "17,972,077.40");
  g_autoptr(BdDocument) last = import_text (text);
  g_autoptr(BdDocument) next = import_text (text);
  BdSchedule *s1;

  bd_new_year_from_document (next, last);
  s1 = bd_document_get_schedule (next, 1);
  g_assert_cmpint (next->year, ==, 2025);
  g_assert_cmpstr (s1->carryover->name, ==, "上年结转结余");
  g_assert_cmpint (s1->carryover->values[0], ==, 0);
  g_assert_cmpint (s1->carry_forward->values[0], ==, 0);
  g_assert_cmpint (s1->income_grand->values[0], ==, 0);
  g_assert_cmpuint (s1->carryover->published_mask, ==, 0);
}

static BdSchedule *
stored_schedule_1 (const char *path,
                   BdDocument **doc)
{
  *doc = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
  return bd_document_get_schedule (*doc, 1);
}

/* The clerk gives the seed's schedule 1 its carry-over rows, types
 * 上年结转 300,000.00 (收入总计 17,722,077.40 + 300,000.00 = 18,022,077.40),
 * undoes, and takes the rows away: each step in the file at once. */
static void
test_carryover_editor (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-family-XXXXXX", "carry.budget");
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  BdSchedule *s1;

  doc = bd_test_save_and_open (seed, file->path, BD_STORE_OPEN_DEFAULT, &store);
  editor = bd_editor_new (doc, store);

  g_assert_false (bd_editor_set_carryover (editor, 3, TRUE, &error));
  g_clear_error (&error);
  g_assert_true (bd_editor_set_carryover (editor, 1, TRUE, &error));
  g_assert_true (bd_editor_set_cell (editor, 1, BD_CELL_INCOME, "carryover", 0, Y (300000, 0), &error));
  g_assert_true (bd_editor_set_cell (editor, 1, BD_CELL_ROW, "carry-forward", 0, Y (300000, 0), &error));
  g_assert_no_error (error);
  {
    g_autoptr(BdDocument) read = NULL;
    BdSchedule *stored = stored_schedule_1 (file->path, &read);

    g_assert_cmpstr (stored->income_total->name, ==, "本年收入合计");
    g_assert_cmpint (stored->carryover->values[0], ==, Y (300000, 0));
    g_assert_cmpint (stored->income_grand->values[0], ==, Y (18022077, 40));
    g_assert_cmpint (stored->expense_grand->values[0], ==, Y (18022077, 40));
  }
  g_assert_true (bd_editor_undo (editor, &error));
  g_assert_true (bd_editor_undo (editor, &error));
  s1 = bd_document_get_schedule (doc, 1);
  g_assert_cmpint (s1->carryover->values[0], ==, 0);
  g_assert_true (bd_editor_set_carryover (editor, 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (s1->carryover);
  g_assert_cmpstr (s1->income_total->name, ==, "收入总计");
  {
    g_autoptr(BdDocument) read = NULL;
    BdSchedule *stored = stored_schedule_1 (file->path, &read);

    g_assert_null (stored->carryover);
    g_assert_cmpint (stored->income_total->values[0], ==, Y (17722077, 40));
  }
}

/* A unit budget's schedule 1 (shanghai-czj-2025-unit.pdf, page 7: 收入总计
 * 171,915,169 = 人员经费 102,464,260 + 公用经费 25,177,779 + 项目支出
 * 44,273,130) with 上年结转 and 结转下年 of 1,000,000 each, 结转下年 in 合计
 * alone: the figure stands, 收入总计 and 支出总计 are 172,915,169 and the
 * document (as its markdown reads) has no finding it did not have. */
static void
test_carryover_unit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) real = bd_test_load_real ("shanghai-czj-2025-unit.pdf");
  g_autofree char *md = bd_markdown_write (real);
  g_autoptr(GString) text = g_string_new (md);
  g_autoptr(BdDocument) plain = import_text (text);
  g_autoptr(GPtrArray) before = bd_check_document (plain);
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) printed = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_no_error (error);
  replace_once (text, "| 收入总计 | 171,915,169.00 | 支出总计 | 171,915,169.00 | 102,464,260.00 | 25,177,779.00 | 44,273,130.00 |\n",
                "| 本年收入合计 | 171,915,169.00 | 本年支出合计 | 171,915,169.00 | 102,464,260.00 | 25,177,779.00 | 44,273,130.00 |\n"
                "| 上年结转 | 1,000,000.00 | 结转下年 | 1,000,000.00 | | | |\n"
                "| 收入总计 | 172,915,169.00 | 支出总计 | 172,915,169.00 | 102,464,260.00 | 25,177,779.00 | 44,273,130.00 |\n");
  doc = import_text (text);
  printed = through_pdf (doc);
  for (guint k = 0; k < 2; k++)
    {
      BdSchedule *s1 = bd_document_get_schedule (k ? printed : doc, 1);

      g_assert_cmpint (s1->carry_forward->values[0], ==, Y (1000000, 0));
      g_assert_cmpint (s1->income_grand->values[0], ==, Y (172915169, 0));
      g_assert_cmpint (s1->expense_grand->values[0], ==, Y (172915169, 0));
      g_assert_cmpint (s1->expense_grand->values[3], ==, Y (44273130, 0));
    }
  after = bd_check_document (doc);
  g_assert_cmpuint (after->len, ==, before->len);

  /* As a workbook, 结转下年's 合计 is a figure, not a formula of its parts. */
  {
    g_autoptr(BdTestFile) book = bd_test_file_new ("bd-family-XXXXXX", "unit.xlsx");
    g_autoptr(BdDocument) read = NULL;

    g_assert_true (bd_xlsx_write_file (doc, book->path, &error));
    read = bd_workbook_import_file (book->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (bd_document_get_schedule (read, 1)->carry_forward->values[0], ==, Y (1000000, 0));
    g_assert_cmpint (bd_document_get_schedule (read, 1)->expense_grand->values[0], ==, Y (172915169, 0));
  }
}

/* A 收入总计 that does not add up is a finding where it stands, and so is
 * a schedule 4 carry-over larger than schedule 1's. */
static void
test_carryover_findings (void)
{
  /* 17,722,077.40 + 250,000.00 printed as 17,982,077.40. */
  g_autoptr(GString) text = carry_text ("上年结转", "17,982,077.40");
  g_autoptr(BdDocument) doc = import_text (text);
  g_autoptr(GPtrArray) totals = bd_check_rule (doc, bd_rule_lookup ("total-row"));
  g_autoptr(GPtrArray) within = NULL;
  BdFinding *finding;

  g_assert_cmpuint (totals->len, ==, 1);
  finding = g_ptr_array_index (totals, 0);
  g_assert_cmpint (finding->part, ==, BD_PART_SCHEDULE_1);
  g_assert_cmpstr (finding->row, ==, "收入总计");
  g_assert_nonnull (strstr (finding->message, "17,982,077.40"));
  g_assert_nonnull (strstr (finding->message, "17,972,077.40"));

  bd_document_get_schedule (doc, 4)->carryover->values[0] = Y (300000, 0);
  bd_document_recompute (doc);
  within = bd_check_rule (doc, bd_rule_lookup ("schedule-4-carryover"));
  g_assert_cmpuint (within->len, ==, 1);
  finding = g_ptr_array_index (within, 0);
  g_assert_cmpint (finding->part, ==, BD_PART_SCHEDULE_4);
  g_assert_nonnull (strstr (finding->message, "300,000.00"));
}

/* Sources printed under 上年结转 (一般公共预算资金 150,000.00 of the
 * 250,000.00) name an item read already: reported where they stand, the
 * item keeps its own figure (seed line 95: 17,722,077.40). */
static void
test_carryover_split (void)
{
  g_autoptr(GString) text = carry_text ("上年结转", "17,972,077.40");
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  BdFinding *finding;

  replace_once (text, "| 上年结转 | 250,000.00 | 结转下年 | 250,000.00 |\n",
                "| 上年结转 | 250,000.00 | 结转下年 | 250,000.00 |\n| 一般公共预算资金 | 150,000.00 | | |\n");
  doc = import_text (text);
  g_assert_cmpint (((BdRow *) g_ptr_array_index (bd_document_get_schedule (doc, 1)->income, 1))->values[0], ==,
                   Y (17722077, 40));
  notes = bd_check_rule (doc, bd_rule_lookup ("as-printed"));
  g_assert_cmpuint (notes->len, ==, 1);
  finding = g_ptr_array_index (notes, 0);
  g_assert_cmpint (finding->part, ==, BD_PART_SCHEDULE_1);
  g_assert_nonnull (strstr (finding->message, "150,000.00"));
}

/* A figure on a balance line with no label beside it is refused, the line named. */
static void
test_carryover_unlabelled (void)
{
  g_autoptr(GString) text = carry_text ("上年结转", "17,972,077.40");
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  replace_once (text, "| 上年结转 | 250,000.00 | 结转下年 |", "| 上年结转 | 250,000.00 | |");
  doc = bd_import_published_text (text->str, text->len, &error);
  g_assert_null (doc);
  g_assert_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 117"));
  g_assert_nonnull (strstr (error->message, "250,000.00"));
}

/* The variants of issue 12 a test did not yet read: the seed edited as
 * other documents print it, and what it must read as. */
typedef struct {
  const char *name;
  const char *from;
  const char *to;
  void      (*check) (BdDocument *doc,
                      gboolean    text);   /* TRUE: read from the edited text; FALSE: from BudgetDesk's pages of it */
} Variant;

/* Seed line 302: schedule 9's title, here printed without its year. */
static void
check_s9_no_year (BdDocument *doc,
                  gboolean    text)
{
  BdSchedule *s9 = bd_document_get_schedule (doc, 9);

  /* BudgetDesk prints the year in every title. */
  g_assert_cmpint (s9->title_year, ==, text ? 0 : 2024);
  /* Seed line 312: 合计 7.40万元. */
  g_assert_cmpint (((BdRow *) g_ptr_array_index (s9->rows, 0))->values[0], ==, 74000 * 100);
}

/* Seed line 269: 301 02 津贴补贴, its 款 printed "2": read as 30102, and noted. */
static void
check_kuan_2 (BdDocument *doc,
              gboolean    text)
{
  g_autoptr(GPtrArray) notes = bd_check_rule (doc, bd_rule_lookup ("as-printed"));

  g_assert_nonnull (bd_schedule_find_row (bd_document_get_schedule (doc, 8), "30102"));
  /* BudgetDesk's pages print it 02: nothing to note then. */
  g_assert_cmpuint (notes->len, ==, text ? 1 : 0);
  if (text)
    g_assert_nonnull (strstr (((BdFinding *) g_ptr_array_index (notes, 0))->message, "“2”, read as 02"));
}

/* Seed line 346: the section about one project titled 项目经费情况说明. */
static void
check_project_section (BdDocument *doc,
                       gboolean    text)
{
  BdSection *section = bd_document_get_section (doc, "employees");

  g_assert_nonnull (section);
  g_assert_cmpstr (section->title, ==, "项目经费情况说明");
}

/* Seed line 382: the form's 项目性质 阶段性项目. */
static void
check_phased (BdDocument *doc,
              gboolean    text)
{
  g_assert_cmpstr (((BdProject *) g_ptr_array_index (doc->projects, 0))->nature, ==, "阶段性项目");
}

/* Seed line 394: a target in words, 不少于32人, kept as printed. */
static void
check_words_target (BdDocument *doc,
                    gboolean    text)
{
  BdProject *project = g_ptr_array_index (doc->projects, 0);

  for (guint i = 0; i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      if (g_strcmp0 (indicator->name, "聘用文职（含社保）雇员数量") == 0)
        {
          g_assert_cmpstr (indicator->target, ==, "不少于32人");
          return;
        }
    }
  g_assert_not_reached ();
}

/* Seed lines 46-48: three units, one 行政 and two 事业, listed. */
static void
check_units (BdDocument *doc,
             gboolean    text)
{
  BdSection *section = bd_document_get_section (doc, "organisation");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GPtrArray) count = bd_check_rule (doc, bd_rule_lookup ("unit-count"));

  for (guint i = 0; i < section->paragraphs->len; i++)
    g_string_append (all, g_ptr_array_index (section->paragraphs, i));
  g_assert_nonnull (strstr (all->str, "行政单位1家，事业单位2家"));
  g_assert_nonnull (strstr (all->str, "上海市闵行区12345市民服务热线分中心"));
  g_assert_cmpuint (count->len, ==, 0);
}

/* Seed lines 238-241 and 252-255: schedules 6 and 7 printed with a 无 row
 * or a bare 合计 row: empty, with their notes. */
static void
check_empty_rows (BdDocument *doc,
                  gboolean    text)
{
  for (guint n = 6; n <= 7; n++)
    {
      BdSchedule *s = bd_document_get_schedule (doc, n);
      g_assert_true (bd_schedule_is_empty (s));
      g_assert_nonnull (s->note);
    }
}

/* Whole yuan with thousands separators (seed line 101: 871,850.00 as 871,850). */
static void
check_whole_yuan (BdDocument *doc)
{
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "210")->values[0], ==, Y (871850, 0));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2210201")->values[1], ==, Y (447984, 0));
  assert_seed_findings (doc);
}

/* The pre-2021 indicator tree: seed line 392's cost indicator printed as a
 * 二级 under 产出指标. */
static void
check_older_tree (BdDocument *doc,
                  gboolean    text)
{
  BdIndicator *cost = g_ptr_array_index (((BdProject *) g_ptr_array_index (doc->projects, 0))->indicators, 0);
  g_autoptr(GPtrArray) categories = bd_check_rule (doc, bd_rule_lookup ("form-categories"));

  g_assert_cmpint (doc->framework, ==, BD_FRAMEWORK_THREE_CATEGORIES);
  g_assert_cmpstr (cost->name, ==, "政府雇员成本预算控制数");
  g_assert_cmpstr (cost->level1, ==, "产出指标");
  g_assert_cmpstr (cost->level2, ==, "成本指标");
  g_assert_cmpuint (categories->len, ==, 0);
}

/* Seed line 179: schedule 4's first item as printed since 2025, without 资金. */
static void
check_general_2025 (BdDocument *doc,
                    gboolean    text)
{
  BdRow *general = g_ptr_array_index (bd_document_get_schedule (doc, 4)->income, 0);

  g_assert_cmpstr (general->code, ==, "general");
  g_assert_cmpint (general->values[0], ==, Y (17722077, 40));
  assert_seed_findings (doc);
}

static const Variant variants[] = {
  { "general-2025", "| 一、一般公共预算资金 | 17,722,077.40 |", "| 一、一般公共预算 | 17,722,077.40 |", check_general_2025 },
  { "older-tree", "| | 成本指标 | 经济成本指标 | 政府雇员成本预算控制数 |", "| | 产出指标 | 成本指标 | 政府雇员成本预算控制数 |",
    check_older_tree },
  { "s9-no-year", "\n2024年部门“三公”经费和机关运行经费预算表\n", "\n部门“三公”经费和机关运行经费预算表\n",
    check_s9_no_year },
  { "kuan-2", "| 301 | 02 |", "| 301 | 2 |", check_kuan_2 },
  { "project-section", "\n政府雇员经费情况说明\n", "\n项目经费情况说明\n", check_project_section },
  { "phased", "| 项目性质 | 经常性项目 |", "| 项目性质 | 阶段性项目 |", check_phased },
  { "words-target", "| 聘用文职（含社保）雇员数量 | | =32.00(人) |", "| 聘用文职（含社保）雇员数量 | | 不少于32人 |",
    check_words_target },
  { "units", "本部门中，事业单位1家，具体包括：\n\n1. 上海市闵行区城市运行管理中心本部\n",
    "本部门中，行政单位1家，事业单位2家，具体包括：\n\n1. 上海市闵行区城市运行管理中心本部\n"
    "2. 上海市闵行区城市网格化综合管理中心\n3. 上海市闵行区12345市民服务热线分中心\n", check_units },
  { "empty-rows", "| 类 | 款 | 项 | | | |\n| | | | | | |\n", "| 类 | 款 | 项 | | | |\n| 无 | | | | | |\n",
    check_empty_rows },
  { "empty-total", "| 类 | 款 | 项 | | | | |\n| | | | | | | |\n", "| 类 | 款 | 项 | | | | |\n| 合计 | | | | | | |\n",
    check_empty_rows },
};

static void
test_variant (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) printed = NULL;

  replace_once (text, variant->from, variant->to);
  if (strcmp (variant->name, "units") == 0)
    replace_once (text, "本部门1个预算单位", "本部门3个预算单位");
  doc = import_text (text);
  variant->check (doc, TRUE);
  printed = through_pdf (doc);
  variant->check (printed, FALSE);
}

/* 事业收入 of 100,000.00 that funds projects under 2120199 其他城乡社区管理事务支出
 * (seed lines 136-138, 142 in schedule 2; 162-164, 168 in schedule 3;
 * line 98 and 103 in schedule 1; the 编制说明, line 70): schedule 3's 项目支出
 * 6,826,475.00 + 100,000.00 = 6,926,475.00 while schedule 5 keeps
 * 6,826,475.00, the 一般公共预算 part. No finding besides the seed's. */
static const struct {
  const char *from;
  const char *to;
  guint       times;   /* the first occurrences replaced */
} business_income[] = {
  { "| 城乡社区支出 | 14,786,148.40 | 14,786,148.40 | 0 |", "| 城乡社区支出 | 14,886,148.40 | 14,786,148.40 | 100,000.00 |", 1 },
  { "| 城乡社区管理事务 | 14,786,148.40 | 14,786,148.40 | 0 |", "| 城乡社区管理事务 | 14,886,148.40 | 14,786,148.40 | 100,000.00 |", 1 },
  { "| 其他城乡社区管理事务支出 | 14,786,148.40 | 14,786,148.40 | 0 |",
    "| 其他城乡社区管理事务支出 | 14,886,148.40 | 14,786,148.40 | 100,000.00 |", 1 },
  { "| 合计 | | | | 17,722,077.40 | 17,722,077.40 | 0 |", "| 合计 | | | | 17,822,077.40 | 17,722,077.40 | 100,000.00 |", 1 },
  { "14,786,148.40 | 7,959,673.40 | 6,826,475.00 |", "14,886,148.40 | 7,959,673.40 | 6,926,475.00 |", 3 },
  { "| 合计 | | | | 17,722,077.40 | 10,895,602.40 | 6,826,475.00 |", "| 合计 | | | | 17,822,077.40 | 10,895,602.40 | 6,926,475.00 |", 1 },
  { "| 二、事业收入 | 0 |", "| 二、事业收入 | 100,000.00 |", 1 },
  { "| 十、城乡社区支出 | 14,786,148.00 |", "| 十、城乡社区支出 | 14,886,148.00 |", 1 },
  { "| 收入总计 | 17,722,077.40 | 支出总计 | 17,722,077.40 |\n", "| 收入总计 | 17,822,077.40 | 支出总计 | 17,822,077.40 |\n", 1 },
  { "收入预算1,772.21万元", "收入预算1,782.21万元", 1 },
  { "事业收入0万元", "事业收入10万元", 1 },
  { "支出预算1,772.21万元，其中", "支出预算1,782.21万元，其中", 1 },
};

static void
check_business_income (BdDocument *doc)
{
  g_autoptr(GPtrArray) split = bd_check_rule (doc, bd_rule_lookup ("schedules-5-6-7"));

  g_assert_cmpint (bd_document_get_schedule (doc, 2)->total->values[BD_COL_INCOME_BUSINESS], ==, Y (100000, 0));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2120199")->values[BD_COL_PROJECT], ==,
                   Y (6926475, 0));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 5), "2120199")->values[BD_COL_PROJECT], ==,
                   Y (6826475, 0));
  g_assert_cmpuint (split->len, ==, 0);
  assert_seed_findings (doc);
}

static void
test_business_income (void)
{
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) printed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (business_income); i++)
    for (guint k = 0; k < business_income[i].times; k++)
      g_assert_cmpuint (g_string_replace (text, business_income[i].from, business_income[i].to, 1), ==, 1);
  doc = import_text (text);
  check_business_income (doc);
  printed = through_pdf (doc);
  check_business_income (printed);
}

/* A unit's labels, 预算单位： on the cover and 编制单位： over every table
 * (seed line 7 and the nine 编制部门 lines): the same document, nothing noted. */
static void
test_unit_labels (void)
{
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  replace_once (text, "\n预算主管部门：", "\n预算单位：");
  g_assert_cmpuint (g_string_replace (text, "编制部门：", "编制单位：", 0), ==, 9);
  doc = import_text (text);
  g_assert_cmpstr (doc->department, ==, "上海市闵行区城市运行管理中心");
  notes = bd_check_rule (doc, bd_rule_lookup ("as-printed"));
  g_assert_cmpuint (notes->len, ==, 0);
  assert_seed_findings (doc);
}

static void
test_whole_yuan (void)
{
  g_autofree char *seed = bd_test_read_seed_text ();
  g_autoptr(GRegex) fen = g_regex_new ("(\\| [0-9,]+)\\.00(?= \\|)", 0, 0, NULL);
  g_autofree char *whole = g_regex_replace (fen, seed, -1, 0, "\\1", 0, NULL);
  g_autoptr(GString) text = g_string_new (whole);
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) printed = NULL;

  g_assert_nonnull (strstr (whole, "| 八、卫生健康支出 | 871,850 |"));
  doc = import_text (text);
  check_whole_yuan (doc);
  printed = through_pdf (doc);
  check_whole_yuan (printed);
}

/* putuo-wanli-2023-dept.pdf, pages 31-35: five 绩效目标填报表 of the pre-2021
 * tree (page 31: 产出指标 | 成本指标 | 预算内经费 | 合规): no form lacks a
 * category of its tree. */
static void
test_older_tree_real (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_real ("putuo-wanli-2023-dept.pdf");
  g_autoptr(GPtrArray) categories = NULL;
  BdProject *first;
  BdIndicator *cost;

  g_assert_cmpint (doc->framework, ==, BD_FRAMEWORK_THREE_CATEGORIES);
  first = g_ptr_array_index (doc->projects, 0);
  cost = g_ptr_array_index (first->indicators, 2);
  g_assert_cmpstr (cost->name, ==, "预算内经费");
  g_assert_cmpstr (cost->level1, ==, "产出指标");
  g_assert_cmpstr (cost->level2, ==, "成本指标");
  categories = bd_check_rule (doc, bd_rule_lookup ("form-categories"));
  g_assert_cmpuint (categories->len, ==, 0);
}

static BdIndicator *
indicator_named (BdDocument *doc,
                 const char *project_name,
                 const char *name)
{
  for (guint p = 0; p < doc->projects->len; p++)
    {
      BdProject *project = g_ptr_array_index (doc->projects, p);

      for (guint i = 0; g_strcmp0 (project->name, project_name) == 0 && i < project->indicators->len; i++)
        if (g_strcmp0 (((BdIndicator *) g_ptr_array_index (project->indicators, i))->name, name) == 0)
          return g_ptr_array_index (project->indicators, i);
    }
  g_error ("no indicator %s in %s", name, project_name);
  return NULL;
}

/* putuo-wanli-2023-dept.pdf's forms, cells wrapped over lines with their
 * neighbours centred beside them: every word kept, on its row (pdftotext
 * -layout of pages 32, 34 and 35). */
static void
test_wrapped_form_cells_real (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_real ("putuo-wanli-2023-dept.pdf");
  BdIndicator *indicator;

  /* Page 32: the target “补贴对象生活改善度不低于80%” in two pieces on one line. */
  indicator = indicator_named (doc, "就业援助基地补贴", "补贴对象生活改善度");
  g_assert_cmpstr (indicator->target, ==, "补贴对象生活改善度不低于80%");
  /* Page 34: a 三级 over three lines, its target 有效 on the middle one. */
  indicator = indicator_named (doc, "各类工作经费",
                               "全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识");
  g_assert_cmpstr (indicator->target, ==, "有效");
  indicator = indicator_named (doc, "各类工作经费",
                               "\"提升居民、驻区单位质量及节能环保意识提升驻区企业，依法统计意识优化营商环境\"");
  g_assert_cmpstr (indicator->target, ==, "提升");
  /* Page 34: 服务对象满意 / 度指标, a 二级 over two rows. */
  indicator = indicator_named (doc, "各类工作经费", "家长及学生满意比例");
  g_assert_cmpstr (indicator->level2, ==, "服务对象满意度指标");
  g_assert_cmpstr (indicator->target, ==, "满意率100%");
  g_assert_cmpstr (indicator_named (doc, "各类工作经费", "提高居民、驻区企业满意度")->target, ==, "提升");
  /* Page 35: 社会效益指 / 标 the same way. */
  indicator = indicator_named (doc, "公共服务设施运行经费", "加强工作人员队伍建设");
  g_assert_cmpstr (indicator->level2, ==, "社会效益指标");
  g_assert_cmpstr (indicator->target, ==, "是");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/family/carryover", test_carryover_text_and_pdf);
  g_test_add_func ("/family/carryover-round-trip", test_carryover_round_trip);
  g_test_add_func ("/family/carryover-findings", test_carryover_findings);
  g_test_add_func ("/family/carryover-new-year", test_carryover_new_year);
  g_test_add_func ("/family/carryover-editor", test_carryover_editor);
  g_test_add_func ("/family/carryover-unlabelled", test_carryover_unlabelled);
  g_test_add_func ("/family/carryover-split", test_carryover_split);
  g_test_add_func ("/family/carryover-unit", test_carryover_unit);
  g_test_add_func ("/family/whole-yuan", test_whole_yuan);
  g_test_add_func ("/family/business-income", test_business_income);
  g_test_add_func ("/family/unit-labels", test_unit_labels);
  g_test_add_func ("/family/older-tree-real", test_older_tree_real);
  g_test_add_func ("/family/wrapped-form-cells-real", test_wrapped_form_cells_real);
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *path = g_strdup_printf ("/family/%s", variants[i].name);
      g_test_add_data_func (path, &variants[i], test_variant);
    }
  return g_test_run ();
}
