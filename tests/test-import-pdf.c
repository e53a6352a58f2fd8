/* Importing the real published PDFs of tests/real/ (Putuo district,
 * 2023-2025), unedited. Expected figures were read off the pages by hand
 * (`pdftotext -layout -f N -l N`); each says its page and place. */

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bd-checker.h"
#include "bd-importer.h"
#include "bd-markdown-writer.h"
#include "bd-page-layout.h"
#include "bd-text-writer.h"
#include "bd-money.h"
#include "bd-pdf-import.h"
#include "bd-review.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

static char *
real_pdf (const char *name)
{
  return g_build_filename (g_getenv ("BD_REAL"), name, NULL);
}

static BdDocument *
import_real (const char *name)
{
  g_autofree char *path = real_pdf (name);
  g_autoptr(GError) error = NULL;
  BdDocument *doc = bd_import_any_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The figure printed in @row's @column (0 when printed blank). */
static gint64
published (BdRow *row,
           guint  column)
{
  return row->published_mask & (1u << column) ? row->published[column] : 0;
}

static gint64
value_of (BdDocument *doc,
          guint       schedule,
          const char *code,
          guint       column)
{
  BdRow *row = bd_schedule_find_row (bd_document_get_schedule (doc, schedule), code);

  if (row == NULL)
    g_error ("schedule %u has no row %s", schedule, code);
  return published (row, column);
}

/* 万里街道 2025 (31 pages). */
static void
test_wanli_2025 (void)
{
  g_autoptr(BdDocument) doc = import_real ("putuo-wanli-2025-dept.pdf");
  BdSchedule *s1, *s9;

  /* Page 1: the cover. */
  g_assert_cmpstr (doc->department, ==, "上海市普陀区人民政府万里街道办事处");
  g_assert_cmpint (doc->year, ==, 2025);
  /* Page 9, schedule 1: 一、财政拨款收入 189,767,551; 八、城乡社区支出 154,369,326. */
  s1 = bd_document_get_schedule (doc, 1);
  g_assert_cmpint (published (g_ptr_array_index (s1->income, 0), 0), ==, Y (189767551, 0));
  g_assert_cmpint (value_of (doc, 1, "212", 0), ==, Y (154369326, 0));
  /* Page 10, schedule 2: 201 05 07 专项普查活动 438,300 under 合计 and 财政拨款收入. */
  g_assert_cmpint (value_of (doc, 2, "2010507", 0), ==, Y (438300, 0));
  g_assert_cmpint (value_of (doc, 2, "2010507", 1), ==, Y (438300, 0));
  /* Page 17, schedule 3: 212 01 01 行政运行 17,887,739 = 17,737,739 基本 + 150,000 项目. */
  g_assert_cmpint (value_of (doc, 3, "2120101", 1), ==, Y (17737739, 0));
  g_assert_cmpint (value_of (doc, 3, "2120101", 2), ==, Y (150000, 0));
  /* Pages 20-24, schedule 5 continued over five pages with its header
   * repeated: 221 03 99 其他城乡社区住宅支出 2,177,200 项目支出 on page 24. */
  g_assert_cmpint (value_of (doc, 5, "2210399", 2), ==, Y (2177200, 0));
  /* Each row keeps its page, and each schedule the page of its title. */
  g_assert_cmpuint (bd_schedule_find_row (bd_document_get_schedule (doc, 5), "2210399")->source_page, ==, 24);
  g_assert_cmpuint (bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2120101")->source_page, ==, 17);
  g_assert_cmpuint (bd_schedule_find_row (bd_document_get_schedule (doc, 2), "2010507")->source_page, ==, 10);
  g_assert_cmpuint (bd_document_get_schedule (doc, 5)->source_page, ==, 20);
  g_assert_cmpuint (bd_document_get_schedule (doc, 1)->source_page, ==, 9);
  /* Page 29, schedule 9 in 万元: 公务用车购置费 15, 运行费 21.56, 机关运行经费 464.64;
   * its row on the page of its title, though the page ends with it. */
  g_assert_cmpuint (((BdRow *) g_ptr_array_index (bd_document_get_schedule (doc, 9)->rows, 0))->source_page, ==, 29);
  s9 = bd_document_get_schedule (doc, 9);
  g_assert_cmpint (published (g_ptr_array_index (s9->rows, 0), 4), ==, 15 * BD_FEN_PER_WAN);
  g_assert_cmpint (published (g_ptr_array_index (s9->rows, 0), 5), ==, 21560000);
  g_assert_cmpint (published (g_ptr_array_index (s9->rows, 0), 6), ==, 464640000);
  /* Page 25, schedule 6: empty, with its note (half-width colon as printed). */
  g_assert_true (g_str_has_prefix (bd_document_get_schedule (doc, 6)->note, "注:本部门2025年无政府性基金"));
  g_assert_cmpuint (s9->source_page, ==, 29);
}

/* 万里街道 2025 imported into a .budget: the file keeps every row's page,
 * and a finding of the document read back names the page validate of the
 * PDF names. Page 12 (`pdftotext -layout -f 12 -l 12`), schedule 2:
 * "212 01 城乡社区管理事务 94,995,790 94,995,790", while its 项 rows add up
 * to 94,995,789 (the subtotal finding). */
static void
test_wanli_2025_pages_stored (void)
{
  g_autoptr(BdDocument) doc = import_real ("putuo-wanli-2025-dept.pdf");
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-import-pdf-XXXXXX", "wanli.budget");
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) stored = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *source = NULL;
  guint rows = 0;

  stored = bd_test_save_and_open (doc, file->path, BD_STORE_OPEN_READ_ONLY, &store);

  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      BdSchedule *a = bd_document_get_schedule (doc, n), *b = bd_document_get_schedule (stored, n);

      g_assert_cmpuint (a->source_page, ==, b->source_page);
      g_assert_cmpuint (a->rows->len, ==, b->rows->len);
      for (guint i = 0; i < a->rows->len; i++, rows++)
        g_assert_cmpuint (((BdRow *) g_ptr_array_index (a->rows, i))->source_page, ==,
                          ((BdRow *) g_ptr_array_index (b->rows, i))->source_page);
    }
  g_assert_cmpuint (rows, >, 100);
  g_assert_cmpuint (bd_schedule_find_row (bd_document_get_schedule (stored, 2), "21201")->source_page, ==, 12);
  g_assert_cmpuint (bd_document_get_schedule (stored, 1)->source_page, ==, 9);

  findings = bd_check_document (stored);
  for (guint i = 0; i < findings->len && source == NULL; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);

      if (finding->part == BD_PART_SCHEDULE_2 && g_strcmp0 (finding->row, "21201") == 0
          && strcmp (finding->rule, "subtotal") == 0)
        source = bd_review_finding_source (stored, finding);
    }
  g_assert_cmpstr (source, ==, "page 12");
}

/* 普陀区财政局 2025 (24 pages): blank cells for zero, amounts with 分. */
static void
test_czj_2025 (void)
{
  g_autoptr(BdDocument) doc = import_real ("putuo-czj-2025-dept.pdf");

  g_assert_cmpstr (doc->department, ==, "上海市普陀区财政局");
  /* Page 12, schedule 3: 201 06 01 行政运行 16,231,840.80 = 16,093,326.00 + 138,514.80. */
  g_assert_cmpint (value_of (doc, 3, "2010601", 0), ==, Y (16231840, 80));
  g_assert_cmpint (value_of (doc, 3, "2010601", 2), ==, Y (138514, 80));
  /* Page 12: 201 06 02 一般行政管理事务 100,000.00, 基本支出 blank. */
  g_assert_cmpint (value_of (doc, 3, "2010602", 1), ==, 0);
  g_assert_cmpint (value_of (doc, 3, "2010602", 2), ==, Y (100000, 0));
}

/* 万里街道 2023 (35 pages): a 类 name wrapped over two lines of schedule 4,
 * its amounts printed once between them. */
static void
test_wanli_2023 (void)
{
  g_autoptr(BdDocument) doc = import_real ("putuo-wanli-2023-dept.pdf");

  g_assert_cmpint (doc->year, ==, 2023);
  /* Page 19, schedule 4: 四、文化旅游体育与传媒 / 支出 200,000 under 合计 and 一般公共预算. */
  g_assert_cmpint (value_of (doc, 4, "207", 0), ==, Y (200000, 0));
  g_assert_cmpint (value_of (doc, 4, "207", 1), ==, Y (200000, 0));
  /* Page 12, schedule 2: 208 05 05's name wrapped in a cell aligned to its
   * top, 机关事业单位基本养老保险缴费支 above the codes and amounts, 出 below. */
  g_assert_cmpstr (bd_schedule_find_row (bd_document_get_schedule (doc, 2), "2080505")->name, ==,
                   "机关事业单位基本养老保险缴费支出");
  g_assert_cmpstr (bd_schedule_find_row (bd_document_get_schedule (doc, 2), "2080502")->name, ==, "事业单位离退休");
  g_assert_cmpint (value_of (doc, 2, "2080505", 0), ==, Y (4412547, 0));
}

/* 万里街道 2023, pages 31-35: five forms titled 绩效目标填报表, the goals in two
 * columns over several lines, the pre-2021 indicator tree with cells wrapped
 * over two lines. */
static void
test_wanli_2023_forms (void)
{
  g_autoptr(BdDocument) doc = import_real ("putuo-wanli-2023-dept.pdf");
  BdProject *p;
  BdIndicator *last;

  g_assert_cmpuint (doc->projects->len, ==, 5);
  /* Page 31: the first form. */
  p = g_ptr_array_index (doc->projects, 0);
  g_assert_cmpstr (p->name, ==, "新建万里街道社区公共服务中心");
  g_assert_cmpstr (p->nature, ==, "阶段性项目");
  g_assert_cmpstr (p->category, ==, "特定目标类");
  g_assert_cmpstr (p->start_date, ==, "2023-01-01");
  g_assert_cmpint (p->total_funds, ==, Y (4100000, 0));
  g_assert_cmpint (p->annual_fiscal, ==, Y (4100000, 0));
  g_assert_cmpint (p->carryover, ==, 0);
  /* Its goals: the same words in both columns, wrapped differently. */
  g_assert_cmpstr (p->overall_goal, ==, "建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。"
                   "更有效的整合社区公共服务资源，为周边居民提供便捷、优质的社区服务和生活配套设施。");
  g_assert_cmpstr (p->annual_goal, ==, p->overall_goal);
  /* Its first indicator, and its last: 服务对象满意度指标 printed over two
   * lines, above and below the row's 居民满意度. */
  g_assert_cmpuint (p->indicators->len, ==, 5);
  g_assert_cmpstr (((BdIndicator *) g_ptr_array_index (p->indicators, 0))->name, ==, "规划建筑面积");
  g_assert_cmpstr (((BdIndicator *) g_ptr_array_index (p->indicators, 0))->target, ==, "≥13459.00(平方米)");
  last = g_ptr_array_index (p->indicators, 4);
  g_assert_cmpstr (last->level1, ==, "满意度指标");
  g_assert_cmpstr (last->level2, ==, "服务对象满意度指标");
  g_assert_cmpstr (last->name, ==, "居民满意度");
  /* Page 32: 就业援助基地补贴, 6,351,000.00. */
  p = g_ptr_array_index (doc->projects, 1);
  g_assert_cmpstr (p->name, ==, "就业援助基地补贴");
  g_assert_cmpint (p->total_funds, ==, Y (6351000, 0));
  g_assert_cmpstr (p->overall_goal, ==, "管理各类下拨费用，实报实销");
}

/* 上海市财政局 2025 单位预算 (21 pages, Excel): 预算单位：, 编制单位：, titles
 * 预算单位…表, and schedule 1's expenditure side in four columns. */
static void
test_unit_2025 (void)
{
  g_autoptr(BdDocument) doc = import_real ("shanghai-czj-2025-unit.pdf");
  BdSchedule *s1 = bd_document_get_schedule (doc, 1);

  g_assert_true (doc->unit_budget);
  g_assert_cmpstr (doc->department, ==, "上海市财政局");
  g_assert_cmpuint (s1->def->n_columns, ==, 4);
  /* Page 7, schedule 1: 一、一般公共服务支出 127,886,849 = 人员经费 60,330,260
   * + 公用经费 24,531,459 + 项目支出 43,025,130. */
  g_assert_cmpint (value_of (doc, 1, "201", 0), ==, Y (127886849, 0));
  g_assert_cmpint (value_of (doc, 1, "201", 1), ==, Y (60330260, 0));
  g_assert_cmpint (value_of (doc, 1, "201", 2), ==, Y (24531459, 0));
  g_assert_cmpint (value_of (doc, 1, "201", 3), ==, Y (43025130, 0));
  /* Page 7: 三、卫生健康支出 公用经费 printed blank, 项目支出 48,000. */
  g_assert_cmpint (value_of (doc, 1, "210", 2), ==, 0);
  g_assert_cmpint (value_of (doc, 1, "210", 3), ==, Y (48000, 0));
  /* Page 8, schedule 2: 201 06 05 财政国库业务 14,111,000. */
  g_assert_cmpint (value_of (doc, 2, "2010605", 0), ==, Y (14111000, 0));
}

/* A unit budget keeps its own words wherever it is written out, as the
 * cover (page 1: 预算单位：上海市财政局; contents 一、单位主要职能,
 * 五、单位预算表) and the tables (page 7: 2025年预算单位财务收支预算总表 over
 * 编制单位：上海市财政局; page 20: 2025年单位“三公”经费和机关运行经费预算表)
 * of shanghai-czj-2025-unit.pdf print them: markdown, text and pages. */
static void
test_unit_2025_carried (void)
{
  g_autoptr(BdDocument) doc = import_real ("shanghai-czj-2025-unit.pdf");
  g_autofree char *md = bd_markdown_write (doc);
  g_autofree char *shown = bd_text_write_part (doc, BD_PART_SCHEDULE_1);
  g_autofree char *cover = bd_text_write_part (doc, BD_PART_DOCUMENT);
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(BdDocument) printed = NULL;
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bd-unit-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "unit.pdf", NULL);
  g_autofree char *md_again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (md, "\n预算单位：上海市财政局\n"));
  g_assert_nonnull (strstr (md, "- 一、单位主要职能\n"));
  g_assert_nonnull (strstr (md, "- 五、单位预算表\n"));
  g_assert_nonnull (strstr (md, "\n2025年预算单位财务收支预算总表\n\n编制单位：上海市财政局\n"));
  g_assert_nonnull (strstr (md, "\n2025年单位“三公”经费和机关运行经费预算表\n"));
  g_assert_null (strstr (md, "编制部门："));
  g_assert_null (strstr (md, "\n预算主管部门："));
  g_assert_nonnull (strstr (shown, "2025年预算单位财务收支预算总表\n编制单位：上海市财政局"));
  g_assert_nonnull (strstr (shown, "人员经费"));
  g_assert_nonnull (strstr (cover, "预算单位：上海市财政局"));

  /* Exported to markdown and imported again: the same document. */
  again = bd_import_published_text (md, -1, &error);
  g_assert_no_error (error);
  g_assert_true (again->unit_budget);
  md_again = bd_markdown_write (again);
  g_assert_cmpstr (md_again, ==, md);

  /* The pages, read back: still a unit budget, 人员经费 of 一般公共服务支出
   * 60,330,260 (page 7) in its column. */
  g_assert_true (bd_page_layout_write_pdf (layout, pdf, &error));
  g_assert_no_error (error);
  printed = bd_import_any_file (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (printed->unit_budget);
  g_assert_cmpuint (bd_document_get_schedule (printed, 1)->def->n_columns, ==, 4);
  g_assert_cmpint (value_of (printed, 1, "201", 1), ==, Y (60330260, 0));
  g_assert_cmpint (value_of (printed, 1, "201", 2), ==, Y (24531459, 0));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Every amount pdftotext reads in the PDF, written without separators or
 * trailing zeros ("189,767,551" and "189767551.00" are both "189767551"). */
static char *
canonical (const char *token)
{
  GString *out = g_string_new (NULL);

  for (const char *p = token; *p; p++)
    if (*p != ',')
      g_string_append_c (out, *p);
  if (strchr (out->str, '.') != NULL)
    {
      while (out->str[out->len - 1] == '0')
        g_string_truncate (out, out->len - 1);
      if (out->str[out->len - 1] == '.')
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (out, FALSE);
}

/* How many times each amount stands in @text: those with a separator, a
 * decimal point or four digits at least, so the codes (201, 05) are not
 * counted; years before 年 and zeros (a zero may be printed blank) aside. */
static GHashTable *
amount_counts_in (const char *text)
{
  g_autoptr(GRegex) amount = g_regex_new ("[0-9][0-9,]*(?:\\.[0-9]+)?(?!年|[0-9])", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (amount, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *token = g_match_info_fetch (match, 0);
      char *key = canonical (token);

      if (strcmp (key, "0") == 0 || (strpbrk (token, ",.") == NULL && strlen (token) < 4))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  return counts;
}

static void
count_published (GHashTable *counts,
                 BdSchedule *schedule,
                 BdRow      *row)
{
  if (row == NULL)
    return;
  for (guint c = 0; c < BD_MAX_COLUMNS; c++)
    if ((row->published_mask & (1u << c)) && row->published[c] != 0)
      {
        g_autofree char *text = bd_money_format_unit (row->published[c], schedule->def->unit);
        char *key = canonical (text);
        g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }
}

/* Every amount of the pages of schedules 1 to 8 is a figure of the
 * document, as many times as it is printed: a set would not see a row lost
 * whose figures another row repeats. */
static void
assert_schedule_pages_kept (const char *path,
                            BdDocument *doc)
{
  guint first = bd_document_get_schedule (doc, 1)->source_page;
  guint last = bd_document_get_schedule (doc, 9)->source_page - 1;
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  const char *argv[] = { "pdftotext", "-f", f, "-l", l, path, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) in_pdf = NULL;
  g_autoptr(GHashTable) in_doc = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, count;

  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (last, >=, first);
  text = bd_test_output_of (argv);
  in_pdf = amount_counts_in (text);
  g_assert_cmpuint (g_hash_table_size (in_pdf), >, 10);
  for (guint s = 1; s <= 8; s++)
    {
      BdSchedule *schedule = bd_document_get_schedule (doc, s);

      for (guint i = 0; i < schedule->rows->len; i++)
        count_published (in_doc, schedule, g_ptr_array_index (schedule->rows, i));
      count_published (in_doc, schedule, schedule->total);
      count_published (in_doc, schedule, schedule->income_total);
      for (guint i = 0; schedule->income != NULL && i < schedule->income->len; i++)
        count_published (in_doc, schedule, g_ptr_array_index (schedule->income, i));
    }
  g_hash_table_iter_init (&iter, in_pdf);
  while (g_hash_table_iter_next (&iter, &key, &count))
    if (GPOINTER_TO_UINT (count) > GPOINTER_TO_UINT (g_hash_table_lookup (in_doc, key)))
      g_error ("%s: %s is printed %u times on pages %u-%u, and %u times in the document", path, (char *) key,
               GPOINTER_TO_UINT (count), first, last, GPOINTER_TO_UINT (g_hash_table_lookup (in_doc, key)));
}

static GHashTable *
amounts_in (const char *text)
{
  g_autoptr(GRegex) amount = g_regex_new ("[0-9][0-9,]*(?:\\.[0-9]+)?", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (amount, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *token = g_match_info_fetch (match, 0);
      g_hash_table_add (set, canonical (token));
    }
  return set;
}

static void
add_published (GHashTable *set,
               BdSchedule *schedule,
               BdRow      *row)
{
  if (row == NULL)
    return;
  for (guint c = 0; c < BD_MAX_COLUMNS; c++)
    if (row->published_mask & (1u << c))
      {
        g_autofree char *text = bd_money_format_unit (row->published[c], schedule->def->unit);
        g_hash_table_add (set, canonical (text));
      }
}

/* The figures as printed, where they differ from what they add up to (the
 * checker's findings): 94,995,790 printed for 212 01 where its 项 add up to
 * 94,995,789 (万里 2025, page 10). */
static void
add_published_figures (GHashTable *set,
                       BdDocument *doc)
{
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    {
      BdSchedule *schedule = bd_document_get_schedule (doc, s);

      for (guint i = 0; i < schedule->rows->len; i++)
        add_published (set, schedule, g_ptr_array_index (schedule->rows, i));
      add_published (set, schedule, schedule->total);
      add_published (set, schedule, schedule->income_total);
      for (guint i = 0; schedule->income != NULL && i < schedule->income->len; i++)
        add_published (set, schedule, g_ptr_array_index (schedule->income, i));
    }
}

/* Nothing dropped silently: every amount of the PDF is in the document,
 * which the markdown export writes whole (its tables in the unit each
 * schedule is printed in, its texts as written). */
static void
test_nothing_dropped (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = real_pdf (name);
  g_autoptr(BdDocument) doc = import_real (name);
  g_autofree char *exported = bd_markdown_write (doc);
  g_autofree char *pdf_text = NULL;
  g_autoptr(GHashTable) in_pdf = NULL;
  g_autoptr(GHashTable) in_doc = amounts_in (exported);
  g_autoptr(GString) missing = g_string_new (NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  GHashTableIter iter;
  gpointer token;

  pdf_text = bd_test_output_of (argv);
  in_pdf = amounts_in (pdf_text);
  add_published_figures (in_doc, doc);
  g_assert_cmpuint (g_hash_table_size (in_pdf), >, 100);

  g_hash_table_iter_init (&iter, in_pdf);
  while (g_hash_table_iter_next (&iter, &token, NULL))
    if (!g_hash_table_contains (in_doc, token))
      g_string_append_printf (missing, " %s", (const char *) token);
  if (missing->len > 0)
    g_error ("%s: amounts of the PDF missing from the document:%s", name, missing->str);
  assert_schedule_pages_kept (path, doc);
}

/* BudgetDesk's own pages of the seed (a layout of its own: codes split
 * 类 | 款 | 项, merged headers, forms with bordered cells, blank for zero in
 * the form) read back: every schedule and the form as the seed has them. */
static void
test_own_pages (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (seed, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bd-import-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "seed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  g_assert_true (bd_page_layout_write_pdf (layout, pdf, &error));
  g_assert_no_error (error);
  doc = bd_import_any_file (pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->department, ==, seed->department);
  for (BdPart part = BD_PART_SCHEDULE_1; part <= BD_PART_SCHEDULE_9; part++)
    {
      g_autofree char *expected = bd_text_write_part (seed, part);
      g_autofree char *found = bd_text_write_part (doc, part);
      g_assert_cmpstr (found, ==, expected);
    }
  {
    g_autofree char *expected = bd_text_write_part (seed, BD_PART_PERFORMANCE);
    g_autofree char *found = bd_text_write_part (doc, BD_PART_PERFORMANCE);
    g_assert_cmpstr (found, ==, expected);
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A PDF that is refused gets a message saying why, naming the page where
 * there is one (docs/bad-input.md, "Importing a published PDF"). */
static void
assert_pdf_refused (const char *path,
                    int         code,
                    const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_any_file (path, &error);

  g_assert_null (doc);
  g_assert_error (error, BD_IMPORT_ERROR, code);
  if (strstr (error->message, says) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, says);
}

/* A one-page PDF drawn with cairo: a grey block (a scanned page has only an
 * image) or a line of text that is no budget. */
static void
draw_pdf (const char *path,
          const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  if (text != NULL)
    {
      cairo_set_font_size (cr, 20);
      cairo_move_to (cr, 100, 100);
      cairo_show_text (cr, text);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_rectangle (cr, 50, 50, 495, 742);
      cairo_fill (cr);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bd-import-pdf-XXXXXX", NULL);
  g_autofree char *not_pdf = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *scan = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *other = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *encrypted = g_build_filename (g_getenv ("BD_REAL"), "..", "bad", "encrypted.pdf", NULL);
  g_autofree char *real = real_pdf ("putuo-wanli-2025-dept.pdf");
  g_autofree char *whole = NULL;
  gsize length;

  /* Text saved under a .pdf name. */
  g_assert_true (g_file_set_contents (not_pdf, "预算主管部门：某局\n", -1, NULL));
  assert_pdf_refused (not_pdf, BD_IMPORT_ERROR_ENCODING, "expected a PDF");
  /* Protected by a password (made with gs -sUserPassword=budget). */
  assert_pdf_refused (encrypted, BD_IMPORT_ERROR_ENCODING, "password");
  /* A scan: pages without text. */
  draw_pdf (scan, NULL);
  assert_pdf_refused (scan, BD_IMPORT_ERROR_MISSING, "no text");
  /* A PDF of something else. */
  draw_pdf (other, "Minutes of the meeting");
  assert_pdf_refused (other, BD_IMPORT_ERROR_MISSING, "page 1: expected a published budget with section titles");
  /* Cut off after its first 60%: poppler rebuilds what it can; the import
   * names the page where the document stops short. */
  g_assert_true (g_file_get_contents (real, &whole, &length, NULL));
  g_assert_true (g_file_set_contents (cut, whole, length * 6 / 10, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BdDocument) doc = bd_import_any_file (cut, &error);

    g_assert_null (doc);
    g_assert_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "damaged"));
  }

  g_unlink (not_pdf);
  g_unlink (scan);
  g_unlink (other);
  g_unlink (cut);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const char * const real[] = {
    "putuo-wanli-2025-dept.pdf", "putuo-wanli-2023-dept.pdf", "putuo-czj-2025-dept.pdf",
    "shanghai-czj-2025-unit.pdf",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pdf/wanli-2025", test_wanli_2025);
  g_test_add_func ("/import-pdf/wanli-2025-pages-stored", test_wanli_2025_pages_stored);
  g_test_add_func ("/import-pdf/czj-2025", test_czj_2025);
  g_test_add_func ("/import-pdf/wanli-2023", test_wanli_2023);
  g_test_add_func ("/import-pdf/wanli-2023-forms", test_wanli_2023_forms);
  g_test_add_func ("/import-pdf/unit-2025", test_unit_2025);
  g_test_add_func ("/import-pdf/unit-2025-carried", test_unit_2025_carried);
  g_test_add_func ("/import-pdf/refused", test_refused);
  g_test_add_func ("/import-pdf/own-pages", test_own_pages);
  for (guint i = 0; i < G_N_ELEMENTS (real); i++)
    {
      g_autofree char *test = g_strdup_printf ("/import-pdf/nothing-dropped/%s", real[i]);
      g_test_add_data_func (test, real[i], test_nothing_dropped);
    }

  return g_test_run ();
}
