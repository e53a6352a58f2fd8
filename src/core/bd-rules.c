/* bd-rules.c: every check of the guide (§5), one entry each
 *
 * This table is the list: a stable id, a severity, the part reported on, what
 * the rule reads (an edit reruns only the rules reading what it changed), a
 * description, and the check, which lives in the file of its family (see
 * bd-rules-private.h). docs/rules.md lists them for people.
 */

#include "bd-rules-private.h"

static const BdRule rules[] = {
  { "row-parts", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every row's 合计 (and schedule 9's 小计) equals the sum of its parts"), bd_rule_row_parts },
  { "subtotal", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every 类 row is the sum of its 款 rows, every 款 row the sum of its 项 rows"), bd_rule_subtotals },
  { "total-row", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("The 合计 rows, 财政拨款收入 and 收入总计 equal the sum of what they total"), bd_rule_total_rows },
  { "balance", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, S (1) | S (4),
    N_("Schedules 1 and 4 balance: 收入总计 equals 支出总计"), bd_rule_balance },
  { "schedule-1-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2),
    N_("Schedule 1's income sources equal the column totals of schedule 2"), bd_rule_schedule_1_income },
  { "schedule-1-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2) | S (3) | BD_READS_ROWS,
    N_("Schedule 1's expenditure by 类 equals schedules 2 and 3 by 类"), bd_rule_schedule_1_expense },
  { "schedule-2-3", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | BD_READS_ROWS,
    N_("Schedules 2 and 3 agree row by row"), bd_rule_schedules_2_3 },
  { "schedule-4-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (1) | S (4),
    N_("Schedule 4's income equals schedule 1's 财政拨款收入 split"), bd_rule_schedule_4_income },
  { "schedule-4-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (4) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedule 4's columns by 类 equal the 类 totals of schedules 5, 6 and 7"), bd_rule_schedule_4_expense },
  { "schedules-5-6-7", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedules 5, 6 and 7 together are within schedule 3, row by row"), bd_rule_schedules_5_6_7 },
  { "schedule-8", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_8, S (5) | S (8),
    N_("Schedule 8's 合计 equals schedule 5's 基本支出"), bd_rule_schedule_8 },
  { "schedule-9", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_9, S (8) | S (9),
    N_("Schedule 9 is never less than schedule 8's lines for the same costs"), bd_rule_schedule_9 },
  { "empty-note", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES | BD_READS_HEADER,
    N_("An empty schedule carries its note"), bd_rule_empty_notes },
  { "stale-note", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
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
    N_("Once every form is entered, their funds equal schedule 3's 项目支出"), bd_rule_forms_against_schedule_3 },
  { "form-funds", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's funds add up"), bd_rule_form_funds },
  { "form-cost-ceiling", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's cost ceiling is within its funds"), bd_rule_cost_ceiling },
  { "form-categories", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form has an indicator under every 一级 category"), bd_rule_categories },
  { "form-target", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's targets are well formed"), bd_rule_targets },
  { "form-quantitative-output", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form has at least one quantitative 产出 indicator"), bd_rule_quantitative_output },
  { "unknown-code", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes are in the classification catalog"), bd_rule_unknown_codes },
  { "code-name", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes carry the catalog's names"), bd_rule_code_names },
  { "negative-amount", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("No amount is negative"), bd_rule_negative },
  { "title-year", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_HEADER,
    N_("Every schedule is titled with the document's year"), bd_rule_title_years },
  { "as-printed", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_HEADER,
    N_("The published document agrees with itself where it was read (编制部门, codes printed once and in full)"),
    bd_rule_as_printed },
};

const BdRule *
bd_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}
