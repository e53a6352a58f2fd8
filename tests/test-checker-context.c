/* What a finding depends on besides the document's own figures: the
 * clerk's rule profile (kept in the document file) and last year's
 * document (the forms' carry-over, the 项 that changed, came or went). */

#include <sqlite3.h>
#include <string.h>

#include "bd-checker.h"
#include "bd-editor.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

/* The rule profile: the seed's goal-count warning switched off, its
 * schedule-4-expenditure errors (208 and 212) made warnings. */
static void
test_profile (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdChecker) checker = bd_checker_new (doc);
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GPtrArray *findings;

  findings = bd_checker_update (checker, BD_READS_EVERYTHING);
  g_assert_cmpuint (findings->len, ==, 5);

  g_assert_true (bd_rule_profile_set (doc, "goal-count", "off", &error));
  g_assert_true (bd_rule_profile_set (doc, "schedule-4-expenditure", "warning", &error));
  g_assert_no_error (error);
  g_assert_false (bd_rule_profile_set (doc, "no-such-rule", "off", &error));
  g_clear_error (&error);
  g_assert_false (bd_rule_profile_set (doc, "goal-count", "loud", &error));
  g_clear_error (&error);
  g_assert_cmpstr (bd_rule_profile_get (doc, "goal-count"), ==, "off");

  /* The checker sees the change with nothing else changed. */
  findings = bd_checker_update (checker, 0);
  full = bd_check_document (doc);
  g_assert_cmpuint (findings->len, ==, 4);
  g_assert_cmpuint (full->len, ==, 4);
  g_assert_cmpuint (bd_findings_count (full, BD_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (bd_findings_count (full, BD_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_WARNING), ==, 2);

  json = bd_findings_to_json_with_profile (full, doc);
  g_assert_nonnull (strstr (json, "\"profile\" : {\n    \"goal-count\" : \"off\",\n    \"schedule-4-expenditure\" : \"warning\"\n  }"));

  g_assert_true (bd_rule_profile_set (doc, "goal-count", "default", &error));
  findings = bd_checker_update (checker, 0);
  g_assert_cmpuint (findings->len, ==, 5);
}

/* The profile is stored in the document file, and a value BudgetDesk never
 * writes there makes the file refused. */
static void
test_profile_stored (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-profile-XXXXXX", "seed.budget");
  sqlite3 *db;

  g_assert_true (bd_rule_profile_set (doc, "goal-count", "off", &error));
  g_assert_true (bd_rule_profile_set (doc, "schedule-4-expenditure", "warning", &error));
  g_assert_true (bd_rule_profile_set (doc, "year-change-threshold", "75", &error));
  g_assert_true (bd_store_save_as (doc, file->path, &error));
  g_assert_no_error (error);

  again = bd_test_open (file->path, BD_STORE_OPEN_READ_ONLY, &store);
  g_assert_cmpstr (bd_rule_profile_get (again, "goal-count"), ==, "off");
  g_assert_cmpstr (bd_rule_profile_get (again, "schedule-4-expenditure"), ==, "warning");
  g_assert_cmpstr (bd_rule_profile_get (again, "year-change-threshold"), ==, "75");
  g_assert_cmpuint (bd_rules_document_threshold (again, BD_THRESHOLD_YEAR_CHANGE), ==, 7500);
  g_assert_cmpuint (g_hash_table_size (again->rule_profile), ==, 3);
  g_clear_object (&store);

  /* A threshold the checker would not take (0 %) is a forged file. */
  g_assert_cmpint (sqlite3_open (file->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE rule_threshold SET percent = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = bd_store_open (file->path, BD_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "rule_threshold"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (file->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE rule_threshold SET percent = 75", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE rule_setting SET setting = 'loud' WHERE rule = 'goal-count'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = bd_store_open (file->path, BD_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "rule_setting"));
}

/* 上年结转资金 against the funds, on the seed's form (all four 4,630,048.00, no
 * carry-over; 2024-01-01 to 2024-12-31, 经常性项目). */
static void
test_form_carryover (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  const BdRule *rule = bd_rule_lookup ("form-carryover");
  BdProject *p = g_ptr_array_index (doc->projects, 0);
  g_autoptr(GPtrArray) findings = NULL;

  /* 500,000.00 of the year's fiscal money carried over: the sums still hold. */
  p->annual_fiscal = Y (4130048, 0);
  p->carryover = Y (500000, 0);
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A one-off project starting in 2024 had nothing of 2023 to carry over. */
  g_free (p->nature);
  p->nature = g_strdup ("一次性项目");
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->column, ==, "上年结转资金");
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->expected, ==, "0.00");
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->actual, ==, "500,000.00");
  g_clear_pointer (&findings, g_ptr_array_unref);
  /* Started in 2023 it may have. */
  g_free (p->start_date);
  p->start_date = g_strdup ("2023-03-01");
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The carry-over added to the full 当年财政拨款: 5,130,048.00 of fiscal money
   * for the year where the project has 4,630,048.00, at most 0.00 of it carried
   * over; and the year's request 5,130,048.00 above the total 4,630,048.00. */
  p->annual_fiscal = Y (4630048, 0);
  p->annual_total = Y (5130048, 0);
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->column, ==, "年度资金申请总额");
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->expected, ==, "4,630,048.00");
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->actual, ==, "5,130,048.00");
  g_assert_cmpstr (bd_test_finding_at (findings, 1)->column, ==, "上年结转资金");
  g_assert_cmpstr (bd_test_finding_at (findings, 1)->expected, ==, "0.00");
  g_assert_cmpstr (bd_test_finding_at (findings, 1)->actual, ==, "500,000.00");
}

/* Year over year, through last year's document taken by the editor. The
 * seed's schedule 3 (p. "2024年部门支出预算总表"): 2080502 事业单位离退休 121,500.00,
 * 2210201 住房公积金 447,984.00, 2101102 事业单位医疗 871,850.00. Last year's
 * (the seed a year earlier) has 80,000.00 for 2080502: +51.875 %, 51.88 % half
 * up, a note; 300,000.00 for 2210201: +49.33 %, none; 2101102 the same. */
static void
test_item_change (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) last = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-last-year-XXXXXX", "last.budget");
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;
  const BdFinding *note = NULL;

  last->year = 2023;
  bd_test_row (last, 3, "2080502")->values[1] = Y (80000, 0);
  bd_test_row (last, 3, "2210201")->values[1] = Y (300000, 0);
  bd_document_recompute (last);
  g_assert_true (bd_store_save_as (last, file->path, &error));
  g_assert_no_error (error);

  /* Nothing linked: the seed's five findings of guide §5, no more. */
  g_assert_cmpuint (bd_editor_get_findings (editor)->len, ==, 5);
  g_assert_true (bd_editor_take_last_year (editor, file->path, &error));
  g_assert_no_error (error);
  findings = bd_editor_get_findings (editor);
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (bd_test_finding_at (findings, i)->rule, "item-change") == 0)
      {
        g_assert_null (note);
        note = bd_test_finding_at (findings, i);
      }
  g_assert_nonnull (note);
  g_assert_cmpint (note->severity, ==, BD_SEVERITY_INFO);
  g_assert_cmpstr (note->row, ==, "2080502");
  g_assert_cmpstr (note->actual, ==, "121,500.00");
  g_assert_nonnull (strstr (note->message, "80,000.00"));
  g_assert_nonnull (strstr (note->message, "51.88"));
  /* The same as a full check of the same state. */
  {
    g_autoptr(GPtrArray) full = bd_check_document (doc);
    g_assert_cmpuint (full->len, ==, findings->len);
  }
}

/* The 项 that came or went against last year's document (rule
 * item-new-gone). The seed's schedule 3 (seed lines 156-167) has six 项:
 * 2080502 121,500.00, 2080505 996,397.00, 2080506 498,198.00, 2101102
 * 871,850.00, 2120199 14,786,148.40, 2210201 447,984.00. Last year here is
 * the same but without 2080506 and with 2010301 at 50,000.00; this year's
 * 2210201 is set to 0. Notes: 2080506 new (498,198.00), 2010301 gone (not
 * in schedule 3), 2210201 gone (0 this year). */
static void
test_item_new_gone (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_corrected ();
  const BdRule *rule = bd_rule_lookup ("item-new-gone");
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  g_autoptr(GPtrArray) findings = NULL;
  const char *codes[] = { "2080502", "2080505", "2101102", "2120199", "2210201" };
  const gint64 amounts[] = { Y (121500, 0), Y (996397, 0), Y (871850, 0), Y (14786148, 40), Y (447984, 0) };
  BdRow *row;

  /* No last year's document: nothing. */
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *key = g_strconcat ("item.", codes[i], NULL);
      g_assert_cmpint (bd_schedule_find_row (s3, codes[i])->values[BD_COL_EXPENSE_TOTAL], ==, amounts[i]);
      bd_document_set_last_year (doc, key, amounts[i]);
    }
  bd_document_set_last_year (doc, "item.2010301", Y (50000, 0));
  /* An item of the text named in words is no 项 of last year's schedule 3. */
  bd_document_set_last_year (doc, "item.事业单位医疗", Y (1, 0));
  row = bd_schedule_find_row (s3, "2210201");
  memset (row->values, 0, sizeof row->values);
  bd_document_recompute (doc);

  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 3);
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->row, ==, "2080506");
  g_assert_cmpstr (bd_test_finding_at (findings, 0)->actual, ==, "498,198.00");
  g_assert_nonnull (strstr (bd_test_finding_at (findings, 0)->message, "new this year"));
  g_assert_cmpstr (bd_test_finding_at (findings, 1)->row, ==, "2010301");
  g_assert_cmpstr (bd_test_finding_at (findings, 1)->expected, ==, "50,000.00");
  g_assert_nonnull (strstr (bd_test_finding_at (findings, 1)->message, "not in schedule 3"));
  g_assert_cmpstr (bd_test_finding_at (findings, 2)->row, ==, "2210201");
  g_assert_cmpstr (bd_test_finding_at (findings, 2)->expected, ==, "447,984.00");
  g_assert_nonnull (strstr (bd_test_finding_at (findings, 2)->message, "0 this year"));
  g_assert_cmpint (bd_test_finding_at (findings, 2)->severity, ==, BD_SEVERITY_INFO);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A new year's document, every figure at 0: nothing is gone yet. */
  for (guint i = 0; i < s3->rows->len; i++)
    memset (((BdRow *) g_ptr_array_index (s3->rows, i))->values, 0, sizeof row->values);
  bd_document_recompute (doc);
  findings = bd_check_rule (doc, rule);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/profile", test_profile);
  g_test_add_func ("/checker/profile-stored", test_profile_stored);
  g_test_add_func ("/checker/form-carryover", test_form_carryover);
  g_test_add_func ("/checker/item-change", test_item_change);
  g_test_add_func ("/checker/item-new-gone", test_item_new_gone);

  return g_test_run ();
}
