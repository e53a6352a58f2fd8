/* The checker: the seed's findings exactly as guide §5 lists them, the fix,
 * and for every rule a document that passes it and one that fails it. */

#include "bd-catalog.h"
#include "bd-checker.h"
#include "bd-test-util.h"

static void
test_seed_findings (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GPtrArray) findings = bd_check_document (doc);
  const BdFinding *f;

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", ((BdFinding *) g_ptr_array_index (findings, i))->rule,
                    ((BdFinding *) g_ptr_array_index (findings, i))->message);

  /* Exactly guide §5: four errors and one warning, nothing else. */
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 4);

  f = bd_test_finding_at (findings, 0);
  g_assert_cmpstr (f->rule, ==, "schedule-1-expenditure");
  g_assert_cmpint (f->part, ==, BD_PART_SCHEDULE_1);
  g_assert_cmpstr (f->row, ==, "208");
  g_assert_cmpstr (f->expected, ==, "1,616,095.00");
  g_assert_cmpstr (f->actual, ==, "1,616,095.40");
  g_assert_cmpint (f->fix.kind, ==, BD_FIX_SET_AMOUNT);
  g_assert_cmpint (f->fix.value, ==, Y (1616095, 0));

  f = bd_test_finding_at (findings, 1);
  g_assert_cmpstr (f->row, ==, "212");
  g_assert_cmpstr (f->expected, ==, "14,786,148.40");
  g_assert_cmpstr (f->actual, ==, "14,786,148.00");

  f = bd_test_finding_at (findings, 2);
  g_assert_cmpstr (f->rule, ==, "schedule-4-expenditure");
  g_assert_cmpint (f->part, ==, BD_PART_SCHEDULE_4);
  g_assert_cmpstr (f->row, ==, "208");
  g_assert_cmpstr (f->column, ==, "一般公共预算");
  g_assert_cmpstr (f->expected, ==, "1,616,095.00");

  f = bd_test_finding_at (findings, 3);
  g_assert_cmpstr (f->row, ==, "212");
  g_assert_cmpstr (f->expected, ==, "14,786,148.40");
  g_assert_cmpstr (f->actual, ==, "14,786,148.00");

  f = bd_test_finding_at (findings, 4);
  g_assert_cmpstr (f->rule, ==, "goal-count");
  g_assert_cmpint (f->severity, ==, BD_SEVERITY_WARNING);
  g_assert_cmpint (f->part, ==, BD_PART_PERFORMANCE);
  g_assert_cmpstr (f->expected, ==, "17");
  g_assert_cmpstr (f->actual, ==, "1");
  g_assert_nonnull (strstr (f->message, "682.65"));
  g_assert_nonnull (strstr (f->message, "463.00"));
}

static void
test_fix_leaves_no_error (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GPtrArray) findings = bd_check_document (doc);
  g_autoptr(GPtrArray) after = NULL;
  guint fixed = 0;

  for (guint i = 0; i < findings->len; i++)
    fixed += bd_finding_apply_fix (g_ptr_array_index (findings, i), doc);
  g_assert_cmpuint (fixed, ==, 4);

  after = bd_check_document (doc);
  g_assert_cmpuint (bd_findings_count (after, BD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "212")->values[0], ==, Y (14786148, 40));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 4), "212")->values[0], ==, Y (14786148, 40));
}

static void
test_corrected_has_no_error (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  g_autoptr(GPtrArray) findings = bd_check_document (doc);

  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->rule, ==, "goal-count");
}

static void
test_json (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GPtrArray) findings = bd_check_document (doc);
  g_autofree char *json = bd_findings_to_json (findings);

  g_assert_true (g_str_has_prefix (json, "{\n  \"findings\" : [\n"));
  g_assert_nonnull (strstr (json, "\"rule\" : \"schedule-1-expenditure\""));
  g_assert_nonnull (strstr (json, "\"section\" : \"1\""));
  g_assert_nonnull (strstr (json, "\"section\" : \"performance\""));
  g_assert_nonnull (strstr (json, "\"expected\" : \"1,616,095.00\""));
  g_assert_nonnull (strstr (json, "\"row\" : null"));
}

/* Mutations that break one rule each, on the corrected document. */

static BdRow *
income (BdDocument *doc,
        guint       number,
        const char *key)
{
  BdSchedule *s = bd_document_get_schedule (doc, number);

  for (guint i = 0; i < s->income->len; i++)
    if (strcmp (((BdRow *) g_ptr_array_index (s->income, i))->code, key) == 0)
      return g_ptr_array_index (s->income, i);
  g_assert_not_reached ();
}

static BdProject *
form (BdDocument *doc)
{
  return g_ptr_array_index (doc->projects, 0);
}

static BdIndicator *
indicator (BdDocument *doc,
           guint       index)
{
  return g_ptr_array_index (form (doc)->indicators, index);
}

static void break_row_parts (BdDocument *d) { bd_row_set_published (bd_test_row (d, 3, "2120199"), 0, Y (14786148, 0)); }
static void break_subtotal (BdDocument *d) { bd_row_set_published (bd_test_row (d, 2, "208"), 0, Y (1616095, 40)); }
static void break_total_row (BdDocument *d) { bd_row_set_published (bd_document_get_schedule (d, 3)->total, 0, Y (17722077, 0)); }
static void break_balance (BdDocument *d) { bd_test_row (d, 1, "221")->values[0] += 100; }
static void break_schedule_1_income (BdDocument *d) { income (d, 1, "business")->values[0] = Y (100, 0); }
static void break_schedule_1_expenditure (BdDocument *d) { bd_test_row (d, 1, "210")->values[0] = Y (871850, 1); }
static void break_schedule_2_3 (BdDocument *d) { bd_test_row (d, 3, "2210201")->values[1] += 1; }
static void break_schedule_4_income (BdDocument *d) { income (d, 4, "fund")->values[0] = Y (100, 0); }
/* 上年结转 and 结转下年: 250,000.00 in schedule 1, 200,000.00 (一般公共预算) in schedule 4, then 300,000.00. */
static void carry (BdDocument *d, guint n, gint64 v) { BdSchedule *s = bd_document_get_schedule (d, n); bd_schedule_add_carryover (s, NULL, NULL)->values[0] = v; s->carry_forward->values[n == 4] = v; bd_document_recompute (d); }
static void with_carryover (BdDocument *d) { carry (d, 1, Y (250000, 0)); carry (d, 4, Y (200000, 0)); }
static void break_schedule_4_carryover (BdDocument *d) { carry (d, 4, Y (300000, 0)); }
static void break_schedule_4_expenditure (BdDocument *d) { bd_test_row (d, 4, "221")->values[1] = 0; }
static void break_schedules_5_6_7 (BdDocument *d) { bd_test_row (d, 5, "2101102")->values[1] += Y (100, 0); }
static void break_schedule_8 (BdDocument *d) { bd_test_row (d, 8, "30101")->values[1] += 1; }
static void break_schedule_9 (BdDocument *d) { ((BdRow *) g_ptr_array_index (bd_document_get_schedule (d, 9)->rows, 0))->values[2] = Y (9900, 0); }
static void break_empty_note (BdDocument *d) { g_clear_pointer (&bd_document_get_schedule (d, 6)->note, g_free); }
static void break_stale_note (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 6), "2120803", "城市基础设施配套费安排的支出")->values[1] = 1; }
static void break_narrative (BdDocument *d) { bd_document_set_figure (d, "narrative.income.total", Y (17722200, 0), BD_FIGURE_WAN); }
static void break_narrative_item (BdDocument *d) { bd_document_set_figure (d, "narrative.item.事业单位医疗", Y (871800, 0), BD_FIGURE_WAN); }
static void break_narrative_missing_line (BdDocument *d) { g_hash_table_remove (d->figures, "narrative.item.住房公积金"); }
static void break_other (BdDocument *d) { bd_document_set_figure (d, "other.sangong.total", Y (75000, 0), BD_FIGURE_WAN); }
/* 682.65万元 of goals is all of schedule 3's 项目支出 (6,826,475.00元); 700.00 is more. */
static void break_goal_funds (BdDocument *d) { bd_document_set_figure (d, "other.goals.funds", Y (7000000, 0), BD_FIGURE_WAN); }
static void less_goal_funds (BdDocument *d) { bd_document_set_figure (d, "other.goals.funds", Y (6000000, 0), BD_FIGURE_WAN); }
static void break_procurement (BdDocument *d) { bd_document_set_figure (d, "other.procurement.goods", Y (20000, 0), BD_FIGURE_WAN); }
static void break_employees (BdDocument *d) { bd_document_set_figure (d, "employees.funds", Y (4640000, 0), BD_FIGURE_WAN); }
static void declare_one_form (BdDocument *d) { bd_document_set_figure (d, "other.goals.projects", 1, BD_FIGURE_COUNT); }
/* Goals for the one form only (万里 2023's case: 5 projects of 3328.13万元
 * against 6557.23万元 of 项目支出): the seed's form, 4,630,048.00元 (seed
 * line 385), is 463.00万元; 400.00万元 is not it. */
static void goals_for_the_one_form (BdDocument *d) { declare_one_form (d); bd_document_set_figure (d, "other.goals.funds", Y (4630000, 0), BD_FIGURE_WAN); }
static void goals_short_of_the_form (BdDocument *d) { bd_document_set_figure (d, "other.goals.funds", Y (4000000, 0), BD_FIGURE_WAN); }
static void declare_seventeen (BdDocument *d) { bd_document_set_figure (d, "other.goals.projects", 17, BD_FIGURE_COUNT); }
static void break_form_funds (BdDocument *d) { form (d)->fiscal_funds -= 1; }
static void break_cost_ceiling (BdDocument *d) { g_free (indicator (d, 0)->target); indicator (d, 0)->target = g_strdup ("≤4830048.00(元)"); }
static void break_categories (BdDocument *d) { g_ptr_array_remove_index (form (d)->indicators, 10); }
static void break_target (BdDocument *d) { g_free (indicator (d, 2)->target); indicator (d, 2)->target = g_strdup ("=32(人)"); }
static void
break_quantitative_output (BdDocument *d)
{
  for (guint i = 2; i <= 5; i++)
    {
      g_free (indicator (d, i)->target);
      indicator (d, i)->target = g_strdup ("完成");
    }
}
/* 20898 is no 款 of 208: neither the code nor its 款 is known. */
static void break_unknown_code (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2089898", "不存在的科目"); }
/* 20805 行政事业单位养老支出 is known, 2080598 is not: a code of another year or region, a note. */
static void break_not_in_catalog (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080598", "不存在的科目"); }
static void own_code (BdDocument *d) { bd_document_add_extra_code (d, BD_CLASSIFICATION_FUNCTION, "2080598", "不存在的科目"); bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080598", "不存在的科目"); }
static void break_other_unknown_code (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080597", "另一个科目"); }
static void break_own_code_name (BdDocument *d) { g_free (bd_test_row (d, 2, "2080598")->name); bd_test_row (d, 2, "2080598")->name = g_strdup ("改过的名称"); }
static void break_code_name (BdDocument *d) { g_free (bd_test_row (d, 2, "2080505")->name); bd_test_row (d, 2, "2080505")->name = g_strdup ("养老保险"); }
/* 2080506 is 机关事业单位职业年金缴费支出: the name of 2080505's sibling, so no rename is certain. */
static void break_code_sibling_name (BdDocument *d) { g_free (bd_test_row (d, 2, "2080505")->name); bd_test_row (d, 2, "2080505")->name = g_strdup ("机关事业单位职业年金缴费支出"); }
/* 210 was 医疗卫生与计划生育支出 until 2018; the seed is a 2024 document. */
static void break_code_earlier_name (BdDocument *d) { g_free (bd_test_row (d, 2, "210")->name); bd_test_row (d, 2, "210")->name = g_strdup ("医疗卫生与计划生育支出"); }
static void break_negative (BdDocument *d) { bd_test_row (d, 8, "30299")->values[2] = -Y (4600, 0); }
static void break_title_year (BdDocument *d) { bd_document_get_schedule (d, 3)->title_year = 2023; }

/* The text: each mutation rewrites words read in the seed (data/minhang-cityops-2024.md). */
static void
replace_in_section (BdDocument *doc,
                    const char *id,
                    const char *from,
                    const char *to)
{
  BdSection *section = bd_document_get_section (doc, id);
  guint replaced = 0;

  g_assert_nonnull (section);
  for (guint p = 0; p < section->paragraphs->len && replaced == 0; p++)
    {
      g_autoptr(GString) text = g_string_new (g_ptr_array_index (section->paragraphs, p));

      replaced = g_string_replace (text, from, to, 1);
      if (replaced)
        {
          g_free (g_ptr_array_index (section->paragraphs, p));
          g_ptr_array_index (section->paragraphs, p) = g_string_free (g_steal_pointer (&text), FALSE);
        }
    }
  g_assert_cmpuint (replaced, ==, 1);
}

/* Line 70: 财政拨款收入1,772.21万元，比2023年预算减少1,365.78万元 in the 2024 budget. */
static void break_text_year (BdDocument *d) { replace_in_section (d, "narrative", "比2023年预算减少1,365.78万元；", "比2024年预算减少1,365.78万元；"); }
static void break_heading_year (BdDocument *d) { g_free (bd_document_get_section (d, "narrative")->title); bd_document_get_section (d, "narrative")->title = g_strdup ("2023年部门预算编制说明"); }
/* Line 72: 政府性基金拨款支出预算0万元，与2023年预算持平. */
static void break_comparison_words (BdDocument *d) { replace_in_section (d, "narrative", "0万元，与2023年预算持平", "0万元，比2023年预算持平"); }
static void break_comparison_zero (BdDocument *d) { replace_in_section (d, "narrative", "0万元，与2023年预算持平", "0万元，比2023年预算增加0万元"); }
/* Lines 70 and 72 both derive last year's 财政拨款 as 1,772.21 + 1,365.78 = 3,137.99万元; income now 3,138.08. */
/* Last year's 财政拨款收入 as lines 70 and 72 imply it: 1,772.21 + 1,365.78 = 3,137.99万元. */
static void last_year_fiscal (BdDocument *d) { bd_document_set_last_year (d, "income.fiscal", Y (31379900, 0)); }
/* Line 70 names the department, 上海市闵行区城市运行管理中心. */
static void break_department_name (BdDocument *d) { replace_in_section (d, "narrative", "2024年，上海市闵行区城市运行管理中心收入预算", "2024年，上海市闵行区城市管理中心收入预算"); }
static void break_fiscal_movement (BdDocument *d) { replace_in_section (d, "narrative", "比2023年预算减少1,365.78万元；事业收入", "比2023年预算减少1,365.87万元；事业收入"); }

/* Item 1 (line 78) rewritten in the style of putuo-wanli-2025 with an outturn:
 * (12.15 - 11.00) / 11.00 = 10.4545…% → 10.45 %, a change of 10 % or more with its reason. */
#define ITEM_PATH "“社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”科目12.15万元，主要用于单位退休职工的生活补贴。" \
                  "2023年当年预算执行数为11.00万元，2024年预算安排12.15万元，比2023年预算执行数增加10.45%。"
static void item_in_path_style (BdDocument *d) { replace_in_section (d, "narrative", "“事业单位离退休”科目12.15万元，主要用于单位退休职工的生活补贴。", ITEM_PATH "主要原因是：退休人员增加。"); }
static void break_item_percent (BdDocument *d) { replace_in_section (d, "narrative", "增加10.45%", "增加10.46%"); }
static void break_item_two_amounts (BdDocument *d) { replace_in_section (d, "narrative", "2024年预算安排12.15万元", "2024年预算安排121.50万元"); }
static void break_item_reason (BdDocument *d) { replace_in_section (d, "narrative", "主要原因是：退休人员增加。", ""); }
/* 行政事业单位养老支出 holds 事业单位离退休 as 2080502: coded, as 类名（208类）款名（05款）项名（02项）. */
static void break_item_schedule_5 (BdDocument *d) { replace_in_section (d, "narrative", "（款）事业单位离退休（项）”科目12.15万元", "（款）事业单位离退休（项）”科目12.51万元"); replace_in_section (d, "narrative", "安排12.15万元", "安排12.51万元"); replace_in_section (d, "narrative", "增加10.45%", "增加13.73%"); }

/* Line 255: the note of schedule 7 names 国有资本经营预算; a note copied from schedule 6 does not. */
static void break_note_words (BdDocument *d) { g_free (bd_document_get_schedule (d, 7)->note); bd_document_get_schedule (d, 7)->note = g_strdup ("注：本部门2024年无政府性基金预算安排的支出，故本表无数据。"); }
/* Schedule 9 has figures (7.40万元 of 三公) and, here, the note of an empty one (as putuo documents word it). */
static void break_stale_note_wording (BdDocument *d) { bd_document_get_schedule (d, 9)->note = g_strdup ("注：本部门无财政拨款“三公”经费支出，故本表为空表。"); }
static void break_placeholder (BdDocument *d) { replace_in_section (d, "functions", "上海市闵行区城市运行管理中心是", "XX是"); }
static void break_doubled_word (BdDocument *d) { replace_in_section (d, "narrative", "收入预算1,772.21万元", "收入预算预算1,772.21万元"); }
static void break_doubled_punctuation (BdDocument *d) { replace_in_section (d, "narrative", "主要用于单位职工医疗保险费的缴纳。", "主要用于单位职工医疗保险费的缴纳。。"); }
static void
break_repeated_paragraph (BdDocument *d)
{
  BdSection *functions = bd_document_get_section (d, "functions");
  g_ptr_array_add (functions->paragraphs, g_strdup (g_ptr_array_index (functions->paragraphs, 0)));
}
/* Section 六: “五、国有资产占用情况” followed by its paragraph on vehicles; removed. */
static void
break_empty_assets (BdDocument *d)
{
  BdSection *other = bd_document_get_section (d, "other");

  for (guint p = 0; p + 1 < other->paragraphs->len; p++)
    if (strcmp (g_ptr_array_index (other->paragraphs, p), "五、国有资产占用情况") == 0)
      {
        while (other->paragraphs->len > p + 1)
          g_ptr_array_remove_index (other->paragraphs, p + 1);
        return;
      }
  g_assert_not_reached ();
}
static void break_empty_section (BdDocument *d) { g_ptr_array_set_size (bd_document_get_section (d, "glossary")->paragraphs, 0); }
/* Line 46: 事业单位1家; section 六: 本部门1个预算单位. */
static void break_unit_count (BdDocument *d) { replace_in_section (d, "other", "本部门1个预算单位", "本部门2个预算单位"); }
static void break_form_dates (BdDocument *d) { g_free (form (d)->end_date); form (d)->end_date = g_strdup ("2023-12-31"); }
static void rate_indicator (BdDocument *d) { g_free (indicator (d, 2)->name); indicator (d, 2)->name = g_strdup ("案件按时结案率"); g_free (indicator (d, 2)->target); indicator (d, 2)->target = g_strdup ("≥95.00(%)"); }
/* Indicator 2 (=32.00(人)) written in words without its unit. */
static void break_form_target_unit (BdDocument *d) { g_free (indicator (d, 2)->target); indicator (d, 2)->target = g_strdup ("不少于32"); }
/* The seed's form: 项目资金总额 = 财政资金 = 年度资金申请总额 = 当年财政拨款 = 4,630,048.00, no
 * 上年结转资金. 500,000.00 carried over on top: the year asks more than the project has. */
static void break_form_carryover (BdDocument *d) { form (d)->carryover = Y (500000, 0); form (d)->annual_total += Y (500000, 0); }
/* Schedule 3's 2080502 事业单位离退休 is 121,500.00; last year's 60,000.00: +102.50 %. */
static void break_item_change (BdDocument *d) { bd_document_set_last_year (d, "item.2080502", Y (60000, 0)); }
static void break_form_rate (BdDocument *d) { g_free (indicator (d, 2)->target); indicator (d, 2)->target = g_strdup ("≥120.00(%)"); }
static void break_form_rate_above (BdDocument *d) { g_free (indicator (d, 2)->target); indicator (d, 2)->target = g_strdup (">100.00(%)"); }

typedef struct {
  const char *rule;
  void      (*prepare) (BdDocument *doc);   /* makes the corrected document pass, where it does not already */
  void      (*mutate) (BdDocument *doc);
  BdPart      part;
} RuleCase;

/* What the importer notes when a document disagrees with itself (the
 * importer's own cases are in test-import.c). */
static void
note_import_disagreement (BdDocument *doc)
{
  bd_document_add_import_note (doc, BD_PART_SCHEDULE_8, "30228", 12, g_strdup ("30228 工会经费 is printed twice"));
}

/* What new-year flags: a paragraph carried over that still quotes last
 * year's figures (seed line 342: 截至2023年12月31日…共有车辆2辆…). */
static void
flag_carried_over (BdDocument *doc)
{
  BdSection *other = bd_document_get_section (doc, "other");

  for (guint i = 0; i < other->paragraphs->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (other->paragraphs, i), "截至2023年12月31日"))
      bd_section_set_to_review (other, g_ptr_array_index (other->paragraphs, i), TRUE);
  g_assert_cmpuint (g_hash_table_size (other->to_review), ==, 1);
}

/* What new-year flags on a form it carries over (the seed's one form,
 * 政府雇员, seed line 382). */
static void
flag_form_to_review (BdDocument *doc)
{
  g_assert_cmpuint (doc->projects->len, ==, 1);
  form (doc)->to_review = TRUE;
}

static const RuleCase cases[] = {
  { "row-parts", NULL, break_row_parts, BD_PART_SCHEDULE_3 },
  { "subtotal", NULL, break_subtotal, BD_PART_SCHEDULE_2 },
  { "total-row", NULL, break_total_row, BD_PART_SCHEDULE_3 },
  { "balance", NULL, break_balance, BD_PART_SCHEDULE_1 },
  { "schedule-1-income", NULL, break_schedule_1_income, BD_PART_SCHEDULE_1 },
  { "schedule-1-expenditure", NULL, break_schedule_1_expenditure, BD_PART_SCHEDULE_1 },
  { "schedule-2-3", NULL, break_schedule_2_3, BD_PART_SCHEDULE_3 },
  { "schedule-4-income", NULL, break_schedule_4_income, BD_PART_SCHEDULE_4 },
  { "schedule-4-carryover", with_carryover, break_schedule_4_carryover, BD_PART_SCHEDULE_4 },
  { "schedule-4-expenditure", NULL, break_schedule_4_expenditure, BD_PART_SCHEDULE_4 },
  { "schedules-5-6-7", NULL, break_schedules_5_6_7, BD_PART_SCHEDULE_3 },
  { "schedule-8", NULL, break_schedule_8, BD_PART_SCHEDULE_8 },
  { "schedule-9", NULL, break_schedule_9, BD_PART_SCHEDULE_9 },
  { "empty-note", NULL, break_empty_note, BD_PART_SCHEDULE_6 },
  { "stale-note", NULL, break_stale_note, BD_PART_SCHEDULE_6 },
  { "narrative-figures", NULL, break_narrative, BD_PART_NARRATIVE },
  { "narrative-figures", NULL, break_narrative_item, BD_PART_NARRATIVE },
  { "narrative-figures", NULL, break_narrative_missing_line, BD_PART_NARRATIVE },
  { "other-figures", NULL, break_other, BD_PART_OTHER },
  /* Fewer projects with goals than schedule 3's are fine (all four real documents). */
  { "other-figures", less_goal_funds, break_goal_funds, BD_PART_OTHER },
  { "procurement-split", NULL, break_procurement, BD_PART_OTHER },
  { "employees-amount", NULL, break_employees, BD_PART_EMPLOYEES },
  { "goal-count", declare_one_form, declare_seventeen, BD_PART_PERFORMANCE },
  { "forms-project-spending", NULL, declare_one_form, BD_PART_PERFORMANCE },
  { "forms-project-spending", goals_for_the_one_form, goals_short_of_the_form, BD_PART_PERFORMANCE },
  { "form-funds", NULL, break_form_funds, BD_PART_PERFORMANCE },
  { "form-cost-ceiling", NULL, break_cost_ceiling, BD_PART_PERFORMANCE },
  { "form-categories", NULL, break_categories, BD_PART_PERFORMANCE },
  { "form-target", NULL, break_target, BD_PART_PERFORMANCE },
  { "form-quantitative-output", NULL, break_quantitative_output, BD_PART_PERFORMANCE },
  { "unknown-code", NULL, break_unknown_code, BD_PART_SCHEDULE_2 },
  { "code-not-in-catalog", NULL, break_not_in_catalog, BD_PART_SCHEDULE_2 },
  { "code-name", NULL, break_code_name, BD_PART_SCHEDULE_2 },
  { "code-name", NULL, break_code_sibling_name, BD_PART_SCHEDULE_2 },
  { "code-name", NULL, break_code_earlier_name, BD_PART_SCHEDULE_2 },
  /* A code the document carries is known, under the name it gives. */
  { "code-not-in-catalog", own_code, break_other_unknown_code, BD_PART_SCHEDULE_2 },
  { "code-name", own_code, break_own_code_name, BD_PART_SCHEDULE_2 },
  { "negative-amount", NULL, break_negative, BD_PART_SCHEDULE_8 },
  { "title-year", NULL, break_title_year, BD_PART_SCHEDULE_3 },
  { "text-year", NULL, break_text_year, BD_PART_NARRATIVE },
  { "heading-year", NULL, break_heading_year, BD_PART_NARRATIVE },
  { "comparison-words", NULL, break_comparison_words, BD_PART_NARRATIVE },
  { "comparison-words", NULL, break_comparison_zero, BD_PART_NARRATIVE },
  { "fiscal-movement", NULL, break_fiscal_movement, BD_PART_NARRATIVE },
  { "comparison-amounts", last_year_fiscal, break_fiscal_movement, BD_PART_NARRATIVE },
  { "department-name", NULL, break_department_name, BD_PART_NARRATIVE },
  { "narrative-items", item_in_path_style, break_item_percent, BD_PART_NARRATIVE },
  { "narrative-items", item_in_path_style, break_item_two_amounts, BD_PART_NARRATIVE },
  { "narrative-items", item_in_path_style, break_item_reason, BD_PART_NARRATIVE },
  { "narrative-items", item_in_path_style, break_item_schedule_5, BD_PART_NARRATIVE },
  { "note-words", NULL, break_note_words, BD_PART_SCHEDULE_7 },
  { "stale-note", NULL, break_stale_note_wording, BD_PART_SCHEDULE_9 },
  { "placeholder", NULL, break_placeholder, BD_PART_DOCUMENT },
  { "doubled-text", NULL, break_doubled_word, BD_PART_NARRATIVE },
  { "doubled-text", NULL, break_doubled_punctuation, BD_PART_NARRATIVE },
  { "repeated-paragraph", NULL, break_repeated_paragraph, BD_PART_DOCUMENT },
  { "empty-section", NULL, break_empty_section, BD_PART_DOCUMENT },
  { "empty-section", NULL, break_empty_assets, BD_PART_OTHER },
  { "unit-count", NULL, break_unit_count, BD_PART_OTHER },
  { "form-dates", NULL, break_form_dates, BD_PART_PERFORMANCE },
  { "form-rate", rate_indicator, break_form_rate, BD_PART_PERFORMANCE },
  { "form-rate", rate_indicator, break_form_rate_above, BD_PART_PERFORMANCE },
  { "form-target-unit", NULL, break_form_target_unit, BD_PART_PERFORMANCE },
  { "form-carryover", NULL, break_form_carryover, BD_PART_PERFORMANCE },
  { "item-change", NULL, break_item_change, BD_PART_SCHEDULE_3 },
  /* Last year's 2080502 alone: the seed's other 项 are new. */
  { "item-new-gone", NULL, break_item_change, BD_PART_SCHEDULE_3 },
  { "as-printed", NULL, note_import_disagreement, BD_PART_SCHEDULE_8 },
  { "carried-over-text", NULL, flag_carried_over, BD_PART_OTHER },
  { "form-to-review", NULL, flag_form_to_review, BD_PART_PERFORMANCE },
};

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule_case = data;
  const BdRule *rule = bd_rule_lookup (rule_case->rule);
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  g_autoptr(GPtrArray) passing = NULL;
  g_autoptr(GPtrArray) failing = NULL;
  const BdFinding *finding;

  g_assert_nonnull (rule);
  if (rule_case->prepare)
    rule_case->prepare (doc);
  passing = bd_check_rule (doc, rule);
  g_assert_cmpuint (passing->len, ==, 0);

  rule_case->mutate (doc);
  bd_document_recompute (doc);
  failing = bd_check_rule (doc, rule);
  g_assert_cmpuint (failing->len, >=, 1);
  finding = g_ptr_array_index (failing, 0);
  g_assert_cmpstr (finding->rule, ==, rule->id);
  g_assert_cmpint (finding->part, ==, rule_case->part);
  g_assert_nonnull (finding->message);
  g_test_message ("%s", finding->message);

  /* Where a fix is offered, it resolves the finding. */
  if (finding->fix.kind != BD_FIX_NONE)
    {
      g_autoptr(GPtrArray) after = NULL;

      g_assert_true (bd_finding_apply_fix (finding, doc));
      after = bd_check_rule (doc, rule);
      g_assert_cmpuint (after->len, <, failing->len);
    }
}

/* What kind of finding each catalog case gives, and which fix. */
static void
test_catalog_findings (void)
{
  struct { void (*mutate) (BdDocument *); const char *rule; BdSeverity severity; BdFixKind fix; } cases[] = {
    { break_not_in_catalog, "code-not-in-catalog", BD_SEVERITY_INFO, BD_FIX_NONE },
    { break_unknown_code, "unknown-code", BD_SEVERITY_WARNING, BD_FIX_NONE },
    { break_code_sibling_name, "code-name", BD_SEVERITY_WARNING, BD_FIX_NONE },
    { break_code_earlier_name, "code-name", BD_SEVERITY_WARNING, BD_FIX_SET_NAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BdDocument) doc = bd_test_load_corrected ();
      g_autoptr(GPtrArray) findings = NULL;
      const BdFinding *f = NULL;

      cases[i].mutate (doc);
      findings = bd_check_document (doc);
      for (guint j = 0; j < findings->len && f == NULL; j++)
        if (strcmp (bd_test_finding_at (findings, j)->rule, cases[i].rule) == 0)
          f = bd_test_finding_at (findings, j);
      g_assert_nonnull (f);
      g_assert_cmpint (f->severity, ==, cases[i].severity);
      g_assert_cmpint (f->fix.kind, ==, cases[i].fix);
      if (cases[i].mutate == break_not_in_catalog)
        g_assert_nonnull (strstr (f->message, "2024"));
      if (cases[i].fix == BD_FIX_SET_NAME)
        g_assert_cmpstr (f->fix.text, ==, "卫生健康支出");
    }
}

/* 维修(护)费 printed with ASCII brackets (putuo-wanli-2025, schedule 8) is the
 * catalog's 维修（护）费: no finding. */
static void
test_bracket_width (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  BdRow *repair = bd_schedule_find_row (bd_document_get_schedule (doc, 8), "30213");
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_nonnull (repair);
  g_free (repair->name);
  repair->name = g_strdup ("维修(护)费");
  findings = bd_check_rule (doc, bd_rule_lookup ("code-name"));
  g_assert_cmpuint (findings->len, ==, 0);
}

/* The real published documents of tests/real/, imported: what the rules of
 * issue 13 find in each, every finding read against the page (pdftotext -layout). */
typedef struct {
  const char *file;
  const char *rule;
  guint       count;
} RealFinding;

static const RealFinding real_findings[] = {
  /* p. 14: schedule 7's note reads “注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。” */
  { "putuo-czj-2025-dept.pdf", "note-words", 1 },
  /* p. 4-5: items 7 to 11 of the 编制说明 are printed twice; item 7 gives 887.36万元 for
   * 2080506, whose schedule 5 row is 873,617.00元 (87.36万元): 2 findings for the amount
   * (one per printing), 5 for the 项 listed twice. */
  { "putuo-czj-2025-dept.pdf", "narrative-items", 7 },
  { "putuo-czj-2025-dept.pdf", "repeated-paragraph", 5 },
  /* 比2024年预算持平 twice in the 编制说明 (政府性基金, 国有资本经营) and three times in 六 (三公). */
  { "putuo-wanli-2025-dept.pdf", "comparison-words", 5 },
  /* “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元: 21007 is 计划生育事务,
   * its 项 2100717 计划生育服务 (200,000元), which the list then lacks. */
  { "putuo-wanli-2025-dept.pdf", "narrative-items", 2 },
  /* 比2022年预算持平 / 比2022年预算执行数持平, eight times. */
  { "putuo-wanli-2023-dept.pdf", "comparison-words", 8 },
  /* Item 3: 11.67 → 45.41万元 is +289.12 %, printed 314.82 %; item 16: 220.63万元 and
   * “2023年预算安排441.25万元”, and (441.25 - 132.59) / 132.59 = 232.79 %, printed 60.54 %. */
  { "putuo-wanli-2023-dept.pdf", "narrative-items", 3 },
};

static const char * const issue_13_rules[] = {
  "text-year", "heading-year", "comparison-words", "fiscal-movement", "comparison-amounts", "department-name",
  "narrative-items", "note-words", "placeholder", "doubled-text", "repeated-paragraph", "empty-section",
  "unit-count", "form-dates", "form-rate", "form-target-unit", "code-not-in-catalog", "unknown-code",
  "form-carryover", "item-change",
};

static void
test_real_documents (void)
{
  static const char * const files[] = {
    "putuo-czj-2025-dept.pdf", "putuo-wanli-2023-dept.pdf", "putuo-wanli-2025-dept.pdf", "shanghai-czj-2025-unit.pdf",
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(BdDocument) doc = bd_test_load_real (files[f]);
      g_autoptr(GPtrArray) findings = bd_check_document (doc);

      for (guint r = 0; r < G_N_ELEMENTS (issue_13_rules); r++)
        {
          guint found = 0, expected = 0;

          for (guint i = 0; i < findings->len; i++)
            found += strcmp (bd_test_finding_at (findings, i)->rule, issue_13_rules[r]) == 0;
          for (guint e = 0; e < G_N_ELEMENTS (real_findings); e++)
            if (strcmp (real_findings[e].file, files[f]) == 0 && strcmp (real_findings[e].rule, issue_13_rules[r]) == 0)
              expected = real_findings[e].count;
          if (found != expected)
            g_error ("%s: %u findings of %s, %u expected", files[f], found, issue_13_rules[r], expected);
        }
    }
}

/* Issue 12: a unit budget's empty-table note says 本单位. Page 15 of
 * shanghai-czj-2025-unit.pdf prints schedule 6 (2025年预算单位政府性基金预算支出功能
 * 分类预算表) with a bare 合计 and no note, so the checker asks for one, in
 * the unit's own word; a department budget keeps 本部门. */
static void
test_unit_empty_note (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_real ("shanghai-czj-2025-unit.pdf");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *department = NULL;
  const BdFinding *note = NULL;

  g_assert_true (doc->unit_budget);
  g_assert_true (bd_schedule_is_empty (bd_document_get_schedule (doc, 6)));
  g_assert_null (bd_document_get_schedule (doc, 6)->note);
  findings = bd_check_document (doc);
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (bd_test_finding_at (findings, i)->rule, "empty-note") == 0
        && bd_test_finding_at (findings, i)->fix.schedule == 6)
      note = bd_test_finding_at (findings, i);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->fix.text, ==, "注：本单位2025年无政府性基金预算安排的支出，故本表无数据。");
  g_assert_nonnull (strstr (note->message, "注：本单位2025年无政府性基金"));

  bd_document_set_unit_budget (doc, FALSE);
  department = bd_document_empty_note (doc, 6);
  g_assert_cmpstr (department, ==, "注：本部门2025年无政府性基金预算安排的支出，故本表无数据。");
}

/* The thresholds are settings (reason-threshold 10, year-change-threshold
 * 50, in per cent). The item of break_item_reason changed by 10.45 % with no
 * reason: a finding at 10 %, none at 11 %. 2080502 at 121,500.00 against
 * last year's 60,000.00 moved 102.50 %: a note at 50 %, none at 110 %. */
static void
test_thresholds (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  const BdRule *items = bd_rule_lookup ("narrative-items");
  const BdRule *change = bd_rule_lookup ("item-change");
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_cmpuint (bd_rules_threshold (BD_THRESHOLD_REASON), ==, 1000);
  g_assert_cmpuint (bd_rules_threshold (BD_THRESHOLD_YEAR_CHANGE), ==, 5000);
  item_in_path_style (doc);
  break_item_reason (doc);
  break_item_change (doc);
  findings = bd_check_rule (doc, items);
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bd_check_rule (doc, change);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (strstr (bd_test_finding_at (findings, 0)->message, "102.50"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  bd_rules_set_threshold (BD_THRESHOLD_REASON, 1100);
  bd_rules_set_threshold (BD_THRESHOLD_YEAR_CHANGE, 11000);
  findings = bd_check_rule (doc, items);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bd_check_rule (doc, change);
  g_assert_cmpuint (findings->len, ==, 0);
  bd_rules_set_threshold (BD_THRESHOLD_REASON, 1000);
  bd_rules_set_threshold (BD_THRESHOLD_YEAR_CHANGE, 5000);
}

/* The same thresholds as the document's own (its rule profile): the same
 * breaks as above (10.45 % without a reason, 102.50 % against last year),
 * with the machine's left at 10 and 50. The incremental checker runs the
 * two rules again when only the threshold changes (update of nothing). */
static void
test_document_thresholds (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  g_autoptr(BdChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;
  guint before;

  item_in_path_style (doc);
  break_item_reason (doc);
  break_item_change (doc);
  checker = bd_checker_new (doc);
  findings = bd_checker_update (checker, BD_READS_EVERYTHING);
  before = findings->len;
  g_assert_cmpuint (bd_rules_document_threshold (doc, BD_THRESHOLD_REASON), ==, 1000);

  g_assert_true (bd_rule_profile_set (doc, "reason-threshold", "11", &error));
  g_assert_no_error (error);
  g_assert_true (bd_rule_profile_set (doc, "year-change-threshold", "0110", &error));
  g_assert_cmpstr (bd_rule_profile_get (doc, "year-change-threshold"), ==, "110");
  g_assert_cmpuint (bd_rules_document_threshold (doc, BD_THRESHOLD_REASON), ==, 1100);
  g_assert_cmpuint (bd_rules_document_threshold (doc, BD_THRESHOLD_YEAR_CHANGE), ==, 11000);
  /* The machine's stay as they were. */
  g_assert_cmpuint (bd_rules_threshold (BD_THRESHOLD_REASON), ==, 1000);
  findings = bd_checker_update (checker, 0);
  g_assert_cmpuint (findings->len, ==, before - 2);
  {
    g_autoptr(GPtrArray) full = bd_check_document (doc);
    g_assert_cmpuint (full->len, ==, findings->len);
  }
  g_assert_true (bd_rule_profile_set (doc, "reason-threshold", "default", &error));
  findings = bd_checker_update (checker, 0);
  g_assert_cmpuint (findings->len, ==, before - 1);

  /* Not a whole per cent from 1 to 1000. */
  g_assert_false (bd_rule_profile_set (doc, "reason-threshold", "0", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bd_rule_profile_set (doc, "reason-threshold", "1001", &error));
  g_clear_error (&error);
  g_assert_false (bd_rule_profile_set (doc, "reason-threshold", "12.5", &error));
  g_clear_error (&error);
  g_assert_false (bd_rule_profile_set (doc, "year-change-threshold", "off", &error));
  g_clear_error (&error);
  g_assert_cmpstr (bd_rule_profile_get (doc, "year-change-threshold"), ==, "110");
}

/* docs/rules.md, the guide's §5 list as implemented, names every rule. */
static void
test_every_rule_is_documented (void)
{
  g_autofree char *data = g_path_get_dirname (g_getenv ("BD_SEED"));
  g_autofree char *path = g_build_filename (data, "..", "docs", "rules.md", NULL);
  g_autofree char *text = NULL;
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (guint i = 0; i < n_rules; i++)
    {
      g_autofree char *cell = g_strdup_printf ("| `%s` |", rules[i].id);
      if (strstr (text, cell) == NULL)
        g_error ("docs/rules.md does not list rule %s", rules[i].id);
    }
}

static void
test_every_rule_is_tested (void)
{
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  for (guint i = 0; i < n_rules; i++)
    {
      gboolean found = FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (cases) && !found; c++)
        found = strcmp (cases[c].rule, rules[i].id) == 0;
      if (!found)
        g_error ("rule %s has no test", rules[i].id);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/seed-findings", test_seed_findings);
  g_test_add_func ("/checker/fix-leaves-no-error", test_fix_leaves_no_error);
  g_test_add_func ("/checker/corrected-has-no-error", test_corrected_has_no_error);
  g_test_add_func ("/checker/json", test_json);
  g_test_add_func ("/checker/every-rule-is-tested", test_every_rule_is_tested);
  g_test_add_func ("/checker/every-rule-is-documented", test_every_rule_is_documented);
  g_test_add_func ("/checker/real-documents", test_real_documents);
  g_test_add_func ("/checker/unit-empty-note", test_unit_empty_note);
  g_test_add_func ("/checker/catalog-findings", test_catalog_findings);
  g_test_add_func ("/checker/bracket-width", test_bracket_width);
  g_test_add_func ("/checker/thresholds", test_thresholds);
  g_test_add_func ("/checker/document-thresholds", test_document_thresholds);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checker/rule/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_rule);
    }

  return g_test_run ();
}
