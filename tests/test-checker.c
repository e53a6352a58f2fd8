/* The checker: the seed's findings exactly as guide §5 lists them, the fix,
 * and for every rule a document that passes it and one that fails it. */

#include "bd-catalog.h"
#include "bd-checker.h"
#include "bd-test-util.h"

/* The seed with the four rows of its two errors carrying the figures of
 * schedules 2, 3 and 5: the corrected document of guide §5. */
static BdDocument *
load_corrected (void)
{
  g_autofree char *seed = bd_test_read_seed_text ();
  g_autoptr(GString) text = g_string_new (seed);
  g_autoptr(GError) error = NULL;
  BdDocument *doc;

  /* 1,616,095.40 and 14,786,148.00 appear only in the 208 and 212 rows of schedules 1 and 4. */
  g_assert_cmpuint (g_string_replace (text, "1,616,095.40", "1,616,095.00", 0), ==, 3);
  g_assert_cmpuint (g_string_replace (text, "14,786,148.00", "14,786,148.40", 0), ==, 3);
  doc = bd_import_published_text (text->str, text->len, &error);
  g_assert_no_error (error);
  return doc;
}

static guint
count_severity (GPtrArray  *findings,
                BdSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    count += ((BdFinding *) g_ptr_array_index (findings, i))->severity == severity;
  return count;
}

static const BdFinding *
finding_at (GPtrArray *findings,
            guint      index)
{
  g_assert_cmpuint (index, <, findings->len);
  return g_ptr_array_index (findings, index);
}

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
  g_assert_cmpuint (count_severity (findings, BD_SEVERITY_ERROR), ==, 4);

  f = finding_at (findings, 0);
  g_assert_cmpstr (f->rule, ==, "schedule-1-expenditure");
  g_assert_cmpint (f->part, ==, BD_PART_SCHEDULE_1);
  g_assert_cmpstr (f->row, ==, "208");
  g_assert_cmpstr (f->expected, ==, "1,616,095.00");
  g_assert_cmpstr (f->actual, ==, "1,616,095.40");
  g_assert_cmpint (f->fix.kind, ==, BD_FIX_SET_AMOUNT);
  g_assert_cmpint (f->fix.value, ==, Y (1616095, 0));

  f = finding_at (findings, 1);
  g_assert_cmpstr (f->row, ==, "212");
  g_assert_cmpstr (f->expected, ==, "14,786,148.40");
  g_assert_cmpstr (f->actual, ==, "14,786,148.00");

  f = finding_at (findings, 2);
  g_assert_cmpstr (f->rule, ==, "schedule-4-expenditure");
  g_assert_cmpint (f->part, ==, BD_PART_SCHEDULE_4);
  g_assert_cmpstr (f->row, ==, "208");
  g_assert_cmpstr (f->column, ==, "一般公共预算");
  g_assert_cmpstr (f->expected, ==, "1,616,095.00");

  f = finding_at (findings, 3);
  g_assert_cmpstr (f->row, ==, "212");
  g_assert_cmpstr (f->expected, ==, "14,786,148.40");
  g_assert_cmpstr (f->actual, ==, "14,786,148.00");

  f = finding_at (findings, 4);
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
  g_assert_cmpuint (count_severity (after, BD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "212")->values[0], ==, Y (14786148, 40));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 4), "212")->values[0], ==, Y (14786148, 40));
}

static void
test_corrected_has_no_error (void)
{
  g_autoptr(BdDocument) doc = load_corrected ();
  g_autoptr(GPtrArray) findings = bd_check_document (doc);

  g_assert_cmpuint (count_severity (findings, BD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding_at (findings, 0)->rule, ==, "goal-count");
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
row (BdDocument *doc,
     guint       number,
     const char *code)
{
  BdRow *found = bd_schedule_find_row (bd_document_get_schedule (doc, number), code);
  g_assert_nonnull (found);
  return found;
}

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

static void break_row_parts (BdDocument *d) { bd_row_set_published (row (d, 3, "2120199"), 0, Y (14786148, 0)); }
static void break_subtotal (BdDocument *d) { bd_row_set_published (row (d, 2, "208"), 0, Y (1616095, 40)); }
static void break_total_row (BdDocument *d) { bd_row_set_published (bd_document_get_schedule (d, 3)->total, 0, Y (17722077, 0)); }
static void break_balance (BdDocument *d) { row (d, 1, "221")->values[0] += 100; }
static void break_schedule_1_income (BdDocument *d) { income (d, 1, "business")->values[0] = Y (100, 0); }
static void break_schedule_1_expenditure (BdDocument *d) { row (d, 1, "210")->values[0] = Y (871850, 1); }
static void break_schedule_2_3 (BdDocument *d) { row (d, 3, "2210201")->values[1] += 1; }
static void break_schedule_4_income (BdDocument *d) { income (d, 4, "fund")->values[0] = Y (100, 0); }
static void break_schedule_4_expenditure (BdDocument *d) { row (d, 4, "221")->values[1] = 0; }
static void break_schedules_5_6_7 (BdDocument *d) { row (d, 5, "2101102")->values[1] += Y (100, 0); }
static void break_schedule_8 (BdDocument *d) { row (d, 8, "30101")->values[1] += 1; }
static void break_schedule_9 (BdDocument *d) { ((BdRow *) g_ptr_array_index (bd_document_get_schedule (d, 9)->rows, 0))->values[2] = Y (9900, 0); }
static void break_empty_note (BdDocument *d) { g_clear_pointer (&bd_document_get_schedule (d, 6)->note, g_free); }
static void break_stale_note (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 6), "2120803", "城市基础设施配套费安排的支出")->values[1] = 1; }
static void break_narrative (BdDocument *d) { bd_document_set_figure (d, "narrative.income.total", Y (17722200, 0), BD_FIGURE_WAN); }
static void break_narrative_item (BdDocument *d) { bd_document_set_figure (d, "narrative.item.事业单位医疗", Y (871800, 0), BD_FIGURE_WAN); }
static void break_narrative_missing_line (BdDocument *d) { g_hash_table_remove (d->figures, "narrative.item.住房公积金"); }
static void break_other (BdDocument *d) { bd_document_set_figure (d, "other.sangong.total", Y (75000, 0), BD_FIGURE_WAN); }
static void break_procurement (BdDocument *d) { bd_document_set_figure (d, "other.procurement.goods", Y (20000, 0), BD_FIGURE_WAN); }
static void break_employees (BdDocument *d) { bd_document_set_figure (d, "employees.funds", Y (4640000, 0), BD_FIGURE_WAN); }
static void declare_one_form (BdDocument *d) { bd_document_set_figure (d, "other.goals.projects", 1, BD_FIGURE_COUNT); }
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
static void break_unknown_code (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080598", "不存在的科目"); }
static void own_code (BdDocument *d) { bd_document_add_extra_code (d, BD_CLASSIFICATION_FUNCTION, "2080598", "不存在的科目"); bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080598", "不存在的科目"); }
static void break_other_unknown_code (BdDocument *d) { bd_schedule_insert_leaf (bd_document_get_schedule (d, 2), "2080597", "另一个科目"); }
static void break_own_code_name (BdDocument *d) { g_free (row (d, 2, "2080598")->name); row (d, 2, "2080598")->name = g_strdup ("改过的名称"); }
static void break_code_name (BdDocument *d) { g_free (row (d, 2, "2080505")->name); row (d, 2, "2080505")->name = g_strdup ("养老保险"); }
static void break_negative (BdDocument *d) { row (d, 8, "30299")->values[2] = -Y (4600, 0); }
static void break_title_year (BdDocument *d) { bd_document_get_schedule (d, 3)->title_year = 2023; }

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

static const RuleCase cases[] = {
  { "row-parts", NULL, break_row_parts, BD_PART_SCHEDULE_3 },
  { "subtotal", NULL, break_subtotal, BD_PART_SCHEDULE_2 },
  { "total-row", NULL, break_total_row, BD_PART_SCHEDULE_3 },
  { "balance", NULL, break_balance, BD_PART_SCHEDULE_1 },
  { "schedule-1-income", NULL, break_schedule_1_income, BD_PART_SCHEDULE_1 },
  { "schedule-1-expenditure", NULL, break_schedule_1_expenditure, BD_PART_SCHEDULE_1 },
  { "schedule-2-3", NULL, break_schedule_2_3, BD_PART_SCHEDULE_3 },
  { "schedule-4-income", NULL, break_schedule_4_income, BD_PART_SCHEDULE_4 },
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
  { "procurement-split", NULL, break_procurement, BD_PART_OTHER },
  { "employees-amount", NULL, break_employees, BD_PART_EMPLOYEES },
  { "goal-count", declare_one_form, declare_seventeen, BD_PART_PERFORMANCE },
  { "forms-project-spending", NULL, declare_one_form, BD_PART_PERFORMANCE },
  { "form-funds", NULL, break_form_funds, BD_PART_PERFORMANCE },
  { "form-cost-ceiling", NULL, break_cost_ceiling, BD_PART_PERFORMANCE },
  { "form-categories", NULL, break_categories, BD_PART_PERFORMANCE },
  { "form-target", NULL, break_target, BD_PART_PERFORMANCE },
  { "form-quantitative-output", NULL, break_quantitative_output, BD_PART_PERFORMANCE },
  { "unknown-code", NULL, break_unknown_code, BD_PART_SCHEDULE_2 },
  { "code-name", NULL, break_code_name, BD_PART_SCHEDULE_2 },
  /* A code the document carries is known, under the name it gives. */
  { "unknown-code", own_code, break_other_unknown_code, BD_PART_SCHEDULE_2 },
  { "code-name", own_code, break_own_code_name, BD_PART_SCHEDULE_2 },
  { "negative-amount", NULL, break_negative, BD_PART_SCHEDULE_8 },
  { "title-year", NULL, break_title_year, BD_PART_SCHEDULE_3 },
  { "as-printed", NULL, note_import_disagreement, BD_PART_SCHEDULE_8 },
};

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule_case = data;
  const BdRule *rule = bd_rule_lookup (rule_case->rule);
  g_autoptr(BdDocument) doc = load_corrected ();
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
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checker/rule/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_rule);
    }

  return g_test_run ();
}
