/* bd-rules.c: every check of the guide (§5), one entry each
 *
 * This table is the list: a stable id, a severity, the part reported on, what
 * the rule reads (an edit reruns only the rules reading what it changed), a
 * description, and the check, which lives in the file of its family (see
 * bd-rules-private.h). docs/rules.md lists them for people.
 */

#include <gio/gio.h>
#include <string.h>

#include "bd-rules-private.h"

static const BdRule rules[] = {
  { "row-parts", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every row's 合计 (and schedule 9's 小计) equals the sum of its parts"), NULL,
    bd_rule_row_parts, BD_READS_ALL_SCHEDULES, BD_ITER_LEAVES },
  { "subtotal", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every 类 row is the sum of its 款 rows, every 款 row the sum of its 项 rows"), NULL,
    bd_rule_subtotals, BD_READS_ALL_SCHEDULES, BD_ITER_SUMS },
  { "total-row", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("The 合计 rows, 财政拨款收入 and 收入总计 equal the sum of what they total"), bd_rule_total_rows },
  { "balance", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, S (1) | S (4),
    N_("Schedules 1 and 4 balance: 收入总计 equals 支出总计"), bd_rule_balance },
  { "schedule-1-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2),
    N_("Schedule 1's income sources equal the column totals of schedule 2"), bd_rule_schedule_1_income },
  { "schedule-1-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2) | S (3) | BD_READS_ROWS,
    N_("Schedule 1's expenditure by 类 equals schedules 2 and 3 by 类"), bd_rule_schedule_1_expense },
  { "schedule-2-3", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | BD_READS_ROWS,
    N_("Schedules 2 and 3 agree row by row"), NULL,
    bd_rule_schedules_2_3, S (2) | S (3), BD_ITER_LEAVES | BD_ITER_UNIQUE },
  { "schedule-4-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (1) | S (4),
    N_("Schedule 4's income equals schedule 1's 财政拨款收入 split"), bd_rule_schedule_4_income },
  { "schedule-4-carryover", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (1) | S (4),
    N_("Schedule 4's 上年结转 and 结转下年 are within schedule 1's"), bd_rule_schedule_4_carryover },
  { "schedule-4-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (4) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedule 4's columns by 类 equal the 类 totals of schedules 5, 6 and 7"), bd_rule_schedule_4_expense },
  { "schedules-5-6-7", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedules 5, 6 and 7 together are within schedule 3, row by row"), NULL,
    bd_rule_schedules_5_6_7, S (3) | S (5) | S (6) | S (7), BD_ITER_LEAVES | BD_ITER_UNIQUE,
    bd_rule_schedules_5_6_7_context },
  { "schedule-8", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_8, S (5) | S (8),
    N_("Schedule 8's 合计 equals schedule 5's 基本支出"), bd_rule_schedule_8 },
  { "schedule-9", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_9, S (8) | S (9),
    N_("Schedule 9 is never less than schedule 8's lines for the same costs"), bd_rule_schedule_9 },
  { "empty-note", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES | BD_READS_HEADER,
    N_("An empty schedule carries its note"), bd_rule_empty_notes },
  { "stale-note", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES | BD_READS_HEADER,
    N_("A schedule with figures does not say it has none"), bd_rule_stale_notes },
  { "narrative-figures", BD_SEVERITY_ERROR, BD_PART_NARRATIVE, S (1) | S (4) | S (5) | BD_READS_ROWS | BD_READS_TEXT,
    N_("The 编制说明's figures equal the schedules'"), bd_rule_narrative },
  { "other-figures", BD_SEVERITY_ERROR, BD_PART_OTHER, S (3) | S (9) | BD_READS_TEXT,
    N_("Section 六's 三公, 机关运行经费 and goal figures equal the schedules'"), bd_rule_other },
  { "procurement-split", BD_SEVERITY_ERROR, BD_PART_OTHER, BD_READS_TEXT,
    N_("政府采购预算 equals 货物 + 工程 + 服务"), bd_rule_procurement },
  { "employees-amount", BD_SEVERITY_ERROR, BD_PART_EMPLOYEES, BD_READS_TEXT | BD_READS_FORMS,
    N_("The 政府雇员 section's amount equals its form's funds"), bd_rule_employees },
  { "goal-count", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_TEXT | BD_READS_FORMS,
    N_("Every project declared with goals has its form"), bd_rule_goal_count },
  { "forms-project-spending", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, S (3) | BD_READS_TEXT | BD_READS_FORMS,
    N_("Once every form is entered, their funds equal the text's 项目预算资金 for the projects with goals, or schedule 3's 项目支出"), bd_rule_forms_against_schedule_3 },
  { "form-funds", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's funds add up"), bd_rule_form_funds },
  { "form-carryover", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form's 上年结转资金 fits its funds: with 当年财政拨款 within 财政资金, the year's request within the "
       "total, none into a one-off project starting in the budget year"), bd_rule_form_carryover },
  { "form-cost-ceiling", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's cost ceiling is within its funds"), bd_rule_cost_ceiling },
  { "form-categories", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form has an indicator under every 一级 category"), bd_rule_categories },
  { "form-target", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's targets are well formed"), bd_rule_targets },
  { "form-quantitative-output", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form has at least one quantitative 产出 indicator"), bd_rule_quantitative_output },
  { "unknown-code", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes, or at least their 类 and 款, are in the classification catalog"), bd_rule_unknown_codes },
  { "code-not-in-catalog", BD_SEVERITY_INFO, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("A code under a known 款 is in the catalog shipped with BudgetDesk"), bd_rule_codes_not_in_catalog },
  { "code-name", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes carry the catalog's names"), bd_rule_code_names },
  { "negative-amount", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("No amount is negative"), bd_rule_negative,
    bd_rule_negative_row, BD_READS_ALL_SCHEDULES, BD_ITER_LEAVES },
  { "title-year", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_HEADER,
    N_("Every schedule is titled with the document's year"), bd_rule_title_years },

  /* What the text says (bd-rules-words.c, bd-rules-items.c, bd-rules-quality.c) */
  { "text-year", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT | BD_READS_HEADER,
    N_("比YYYY年, 与YYYY年…持平, YYYY年当年预算执行数 and 截至YYYY年M月D日 name the year before the document's"),
    bd_rule_text_years },
  { "heading-year", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT | BD_READS_HEADER,
    N_("The title and the headings carry the document's year"), bd_rule_heading_years },
  { "comparison-words", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("A comparison's words agree with its figure: 与…持平 for no change, 增加/减少 with a nonzero one"),
    bd_rule_comparison_words },
  { "fiscal-movement", BD_SEVERITY_ERROR, BD_PART_NARRATIVE, BD_READS_TEXT,
    N_("财政拨款 income and expenditure change alike, so last year's figures the text implies balance"),
    bd_rule_fiscal_movement },
  { "comparison-amounts", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT | BD_READS_HEADER,
    N_("A change's amount and word (增加, 减少, 持平) follow from this year's figure and last year's"),
    bd_rule_comparison_amounts },
  { "department-name", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_TEXT | BD_READS_HEADER,
    N_("The text names the document's department (or its short form)"), bd_rule_department_name },
  { "narrative-items", BD_SEVERITY_ERROR, BD_PART_NARRATIVE, S (5) | BD_READS_ROWS | BD_READS_TEXT,
    N_("The 编制说明's items: one amount each, equal to schedule 5, percentages that follow from their "
       "figures, a reason for a change of 10 per cent or more, every 项 listed once"), bd_rule_narrative_items },
  /* Last year's figures come with the text they rewrite: BD_READS_TEXT. */
  { "item-change", BD_SEVERITY_INFO, BD_PART_SCHEDULE_3, S (3) | BD_READS_ROWS | BD_READS_TEXT,
    N_("A 项 whose amount moved by more than 50 per cent against last year's document (when one is taken)"), NULL,
    bd_rule_item_change_row, S (3), BD_ITER_LEAVES },
  { "item-new-gone", BD_SEVERITY_INFO, BD_PART_SCHEDULE_3, S (3) | BD_READS_ROWS | BD_READS_TEXT,
    N_("A 项 new this year, or one last year had that is gone or at 0 (when last year's document is taken)"),
    bd_rule_item_new_gone },
  { "note-words", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES | BD_READS_HEADER,
    N_("An empty schedule's note names its own fund and the document's year"), bd_rule_note_words },
  { "placeholder", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("No placeholder is left from the template (XX, ××, ……, 待填写, {单位}, （略）)"), bd_rule_placeholders },
  { "doubled-text", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("No punctuation or word is written twice (。。, 预算预算)"), bd_rule_doubled },
  { "repeated-paragraph", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("No paragraph is printed twice"), bd_rule_repeated_paragraph },
  { "empty-section", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("Once the text is being written, 职能, 机构设置, 名词解释 and 编制说明 are not empty"), bd_rule_empty_sections },
  { "unit-count", BD_SEVERITY_WARNING, BD_PART_OTHER, BD_READS_TEXT,
    N_("机构设置's units by kind and by its scope sentence agree; 绩效目标设置情况 names no more"), bd_rule_unit_count },
  { "form-dates", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form's dates are in order and its span covers the budget year"), bd_rule_form_dates },
  { "form-rate", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A rate's target is not above 100 %"), bd_rule_form_rates },
  { "form-target-unit", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A target in words that compares with a number gives its unit"), bd_rule_form_target_unit },
  { "as-printed", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_HEADER,
    N_("The published document agrees with itself where it was read (编制部门, codes printed once and in full)"),
    bd_rule_as_printed },
  { "carried-over-text", BD_SEVERITY_INFO, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("A paragraph carried over from last year no longer quotes last year's figures"), bd_rule_carried_over },
  { "form-to-review", BD_SEVERITY_INFO, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form carried over from last year has been edited or marked reviewed"), bd_rule_form_to_review },
};

const BdRule *
bd_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

/* The thresholds, in hundredths of a per cent, from the settings (in whole
 * per cents) the first time a rule asks. */
static const struct { const char *key; guint fallback; const char *rule; } threshold_keys[] = {
  [BD_THRESHOLD_REASON] = { "reason-threshold", 1000, "narrative-items" },
  [BD_THRESHOLD_YEAR_CHANGE] = { "year-change-threshold", 5000, "item-change" },
};
static guint thresholds[G_N_ELEMENTS (threshold_keys)];
static gsize thresholds_read;

static void
read_thresholds (void)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!g_once_init_enter (&thresholds_read))
    return;
  /* Looked up first: g_settings_new() aborts on a schema that is not
   * installed, as for the command line run from the build folder. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    settings = g_settings_new_full (schema, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threshold_keys); i++)
    thresholds[i] = settings != NULL && g_settings_schema_has_key (schema, threshold_keys[i].key)
                    ? (guint) MAX (1, g_settings_get_int (settings, threshold_keys[i].key)) * 100
                    : threshold_keys[i].fallback;
  g_once_init_leave (&thresholds_read, 1);
}

guint
bd_rules_threshold (BdThreshold threshold)
{
  g_return_val_if_fail (threshold < G_N_ELEMENTS (threshold_keys), 0);
  read_thresholds ();
  return thresholds[threshold];
}

void
bd_rules_set_threshold (BdThreshold threshold,
                        guint       hundredths)
{
  g_return_if_fail (threshold < G_N_ELEMENTS (threshold_keys));
  read_thresholds ();
  thresholds[threshold] = hundredths;
}

const char *
bd_rules_threshold_name (BdThreshold threshold)
{
  g_return_val_if_fail (threshold < G_N_ELEMENTS (threshold_keys), NULL);
  return threshold_keys[threshold].key;
}

gboolean
bd_rules_threshold_lookup (const char  *name,
                           BdThreshold *threshold)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (threshold_keys); i++)
    if (strcmp (name, threshold_keys[i].key) == 0)
      {
        if (threshold != NULL)
          *threshold = (BdThreshold) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bd_rules_threshold_of_rule (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (threshold_keys); i++)
    if (strcmp (id, threshold_keys[i].rule) == 0)
      return threshold_keys[i].key;
  return NULL;
}

guint
bd_rules_document_threshold (BdDocument  *doc,
                             BdThreshold  threshold)
{
  const char *own;
  guint64 percent;

  g_return_val_if_fail (threshold < G_N_ELEMENTS (threshold_keys), 0);
  own = doc != NULL ? g_hash_table_lookup (doc->rule_profile, threshold_keys[threshold].key) : NULL;
  /* Checked when set and when loaded; a bad one falls back rather than
   * stopping the check. */
  if (own != NULL && g_ascii_string_to_unsigned (own, 10, 1, 1000, &percent, NULL))
    return (guint) percent * 100;
  return bd_rules_threshold (threshold);
}
