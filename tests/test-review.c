/* The review of a folder: the seed, copies of it with errors planted by
 * hand, and files that cannot be read, each with the counts read off the
 * documents (where each comes from is said beside it). */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "bd-page-layout.h"
#include "bd-pdf-import.h"
#include "bd-review.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

static char *dir;

/* Replaces every @from (it must occur) in @text. */
static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (to, parts);
}

static void
write_text (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
write_document (const char *name,
                const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_published_text (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (bd_store_save_as (doc, path, &error));
  g_assert_no_error (error);
}

/* The seed as BudgetDesk prints it. */
static void
write_pdf (const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_published_text (text, -1, &error);
  g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);

  g_assert_true (bd_page_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
}

/* The folder a reviewer receives:
 *   seed.md               the seed as published: 4 errors, 1 warning. Schedule 1 (lines 100
 *                         and 103) and schedule 4 (185, 188) give 208 社会保障和就业支出 as
 *                         1,616,095.40 and 212 城乡社区支出 as 14,786,148.00, where schedules 2,
 *                         3 and 5 give 1,616,095.00 and 14,786,148.40: two rows of schedule 1
 *                         and two of schedule 4. The warning: 17 projects declared with
 *                         goals (line 80 of 编制说明), one form entered.
 *   sub/seed.budget       the same, imported into a document in a subfolder: 4 and 1.
 *   seed-printed.pdf      the seed as BudgetDesk prints it, read back from the PDF: 4 and 1.
 *   fixed.md              the four figures corrected as schedules 2, 3 and 5 give them:
 *                         0 errors, the warning.
 *   planted-year.md       fixed.md with schedule 2 titled 2023年: 1 error (title-year), 1 warning.
 *   planted-text.budget   fixed.md with 收入预算 given as 1,872.21万元 in 编制说明 (schedule 1
 *                         totals 17,722,148.40 元, 1,772.21万元): 1 error, 1 warning.
 *   refused.budget        a text file: cannot be read.
 *   foreign.budget        an SQLite database of another program: cannot be read.
 *   table.xlsx            a workbook, which BudgetDesk does not read: cannot be read.
 *   notes.txt, .hidden.budget   not reviewed. */
static void
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = bd_test_read_seed_text ();
  g_autofree char *fixed_208 = replace (seed, "1,616,095.40", "1,616,095.00");
  g_autofree char *fixed = replace (fixed_208, "14,786,148.00", "14,786,148.40");
  g_autofree char *year = replace (fixed, "\n2024年部门收入预算总表\n", "\n2023年部门收入预算总表\n");
  g_autofree char *text = replace (fixed, "收入预算1,772.21万元", "收入预算1,872.21万元");
  g_autofree char *sub = NULL;
  g_autofree char *foreign = g_build_filename (dir, "foreign.budget", NULL);
  sqlite3 *db = NULL;

  write_text ("seed.md", seed);
  sub = g_build_filename (dir, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_document ("sub/seed.budget", seed);
  write_pdf ("seed-printed.pdf", seed);
  write_text ("fixed.md", fixed);
  write_text ("planted-year.md", year);
  write_document ("planted-text.budget", text);
  write_text ("refused.budget", "not a database\n");
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE accounts (id INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  write_text ("table.xlsx", "PK\003\004");
  write_text ("notes.txt", "not reviewed");
  write_text (".hidden.budget", "not reviewed");
}

typedef struct {
  const char     *file;
  BdReviewStatus  status;
  guint           errors;
  guint           warnings;
  const char     *reason;   /* a part of it */
} Expected;

/* Worst first: unreadable by name, then most errors, then most warnings. */
static const Expected expected_entries[] = {
  { "foreign.budget", BD_REVIEW_UNREADABLE, 0, 0, "another program" },
  { "refused.budget", BD_REVIEW_UNREADABLE, 0, 0, "not a database" },
  { "table.xlsx", BD_REVIEW_UNREADABLE, 0, 0, "cannot read “table.xlsx”" },
  { "seed-printed.pdf", BD_REVIEW_ERRORS, 4, 1, NULL },
  { "seed.md", BD_REVIEW_ERRORS, 4, 1, NULL },
  { "sub/seed.budget", BD_REVIEW_ERRORS, 4, 1, NULL },
  { "planted-text.budget", BD_REVIEW_ERRORS, 1, 1, NULL },
  { "planted-year.md", BD_REVIEW_ERRORS, 1, 1, NULL },
  { "fixed.md", BD_REVIEW_WARNINGS, 0, 1, NULL },
};

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (done, ==, *calls);
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (expected_entries));
}

static void
test_review_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = bd_review_list_files (dir, NULL, &error);
  g_autoptr(GPtrArray) entries = NULL;
  guint calls = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected_entries));
  entries = bd_review_files (dir, files, 2, count_progress, &calls);
  g_assert_cmpuint (calls, ==, G_N_ELEMENTS (expected_entries));
  for (guint i = 0; i < G_N_ELEMENTS (expected_entries); i++)
    {
      const BdReviewEntry *entry = g_ptr_array_index (entries, i);
      const Expected *expected = &expected_entries[i];

      g_assert_cmpstr (entry->file, ==, expected->file);
      /* The report links to the file by its absolute path. */
      g_assert_true (g_path_is_absolute (entry->path));
      g_assert_true (g_str_has_suffix (entry->path, expected->file));
      g_assert_cmpint (entry->status, ==, expected->status);
      g_assert_cmpuint (entry->counts[BD_SEVERITY_ERROR], ==, expected->errors);
      g_assert_cmpuint (entry->counts[BD_SEVERITY_WARNING], ==, expected->warnings);
      if (expected->reason != NULL)
        {
          g_assert_nonnull (strstr (entry->reason, expected->reason));
          g_assert_null (entry->department);
        }
      else
        {
          /* The seed's header: 上海市闵行区城市运行管理中心, 2024, 区级部门预算. */
          g_assert_null (entry->reason);
          g_assert_cmpstr (entry->department, ==, "上海市闵行区城市运行管理中心");
          g_assert_cmpint (entry->year, ==, 2024);
          g_assert_cmpstr (entry->kind, ==, "部门预算");
        }
    }
}

static void
test_review_findings (void)
{
  g_autoptr(GPtrArray) files = bd_review_list_files (dir, NULL, NULL);
  g_autoptr(GPtrArray) entries = bd_review_files (dir, files, 0, NULL, NULL);
  g_autoptr(GPtrArray) findings = bd_review_sorted_findings (entries);
  const BdReviewFinding *first, *last;

  /* 4 + 4 + 4 + 1 + 1 errors, then a warning in each of the six documents read. */
  g_assert_cmpuint (findings->len, ==, 20);
  for (guint i = 0; i < findings->len; i++)
    {
      const BdReviewFinding *finding = g_ptr_array_index (findings, i);
      g_assert_cmpint (finding->severity, ==, i < 14 ? BD_SEVERITY_ERROR : BD_SEVERITY_WARNING);
    }

  /* Errors by file (planted-text.budget first), then by part; the pages as the seed prints
   * (its PDF: 编制说明 on page 5, schedule 1 on 6, 2 on 7, 4 on 9, the form on 17). */
  first = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (first->entry->file, ==, "planted-text.budget");
  g_assert_cmpstr (first->rule, ==, "narrative-figures");
  g_assert_cmpint (first->page, ==, 5);
  g_assert_nonnull (strstr (first->message, "1,872.21"));
  first = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (first->entry->file, ==, "planted-year.md");
  g_assert_cmpstr (first->rule, ==, "title-year");
  g_assert_cmpint (first->part, ==, BD_PART_SCHEDULE_2);
  g_assert_cmpint (first->page, ==, 7);
  /* The printed seed's pages are read from the PDF, the text's are laid out: the same. */
  for (guint i = 2; i < 10; i++)
    {
      const BdReviewFinding *finding = g_ptr_array_index (findings, i);
      guint k = (i - 2) % 4;
      g_assert_cmpstr (finding->entry->file, ==, i < 6 ? "seed-printed.pdf" : "seed.md");
      g_assert_cmpstr (finding->rule, ==, k < 2 ? "schedule-1-expenditure" : "schedule-4-expenditure");
      g_assert_cmpint (finding->page, ==, k < 2 ? 6 : 9);
      g_assert_cmpstr (finding->section, ==, k < 2 ? "1. 2024年部门财务收支预算总表" : "4. 2024年部门财政拨款收支预算总表");
    }
  /* A PDF's form pages are not read back with a page: none is named. */
  last = g_ptr_array_index (findings, 17);
  g_assert_cmpstr (last->entry->file, ==, "seed-printed.pdf");
  g_assert_cmpstr (last->rule, ==, "goal-count");
  g_assert_cmpint (last->page, ==, 0);
  last = g_ptr_array_index (findings, 19);
  g_assert_cmpstr (last->entry->file, ==, "sub/seed.budget");
  g_assert_cmpstr (last->rule, ==, "goal-count");
  g_assert_cmpint (last->page, ==, 17);
}

static void
test_review_json (void)
{
  const char *argv[] = { g_getenv ("BD_CLI"), "review", dir, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *document, *finding;
  JsonArray *documents, *findings;

  /* 1: errors were found, and files could not be read. */
  g_assert_cmpint (bd_test_spawn (argv, &out, NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  documents = json_object_get_array_member (root, "documents");
  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (documents), ==, 9);
  g_assert_cmpuint (json_array_get_length (findings), ==, 20);
  document = json_array_get_object_element (documents, 1);
  g_assert_cmpstr (json_object_get_string_member (document, "file"), ==, "refused.budget");
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "unreadable");
  g_assert_true (json_object_get_null_member (document, "year"));
  g_assert_true (json_object_get_null_member (document, "department"));
  document = json_array_get_object_element (documents, 4);
  g_assert_cmpstr (json_object_get_string_member (document, "file"), ==, "seed.md");
  g_assert_cmpstr (json_object_get_string_member (document, "department"), ==, "上海市闵行区城市运行管理中心");
  g_assert_cmpint (json_object_get_int_member (document, "year"), ==, 2024);
  g_assert_cmpint (json_object_get_int_member (document, "errors"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (document, "warnings"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "errors");
  finding = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "section"), ==, "2");
  g_assert_cmpint (json_object_get_int_member (finding, "page"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
}

/* The workbook read back by ssconvert, one CSV file a sheet. */
static void
test_review_xlsx (void)
{
  g_autofree char *report = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *sheets = g_dir_make_tmp ("bd-review-sheets-XXXXXX", NULL);
  g_autofree char *pattern = g_build_filename (sheets, "%n.csv", NULL);
  g_autofree char *departments_path = g_build_filename (sheets, "0.csv", NULL);
  g_autofree char *findings_path = g_build_filename (sheets, "1.csv", NULL);
  const char *argv[] = { g_getenv ("BD_CLI"), "review", dir, "-o", report, NULL };
  const char *convert[] = { "ssconvert", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O", "separator=,",
                            report, pattern, NULL };
  g_autofree char *out = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *findings = NULL;
  g_auto(GStrv) department_rows = NULL;
  g_auto(GStrv) finding_rows = NULL;

  g_assert_cmpint (bd_test_spawn (argv, &out, NULL), ==, 1);
  /* The report written into the folder is not reviewed again the next time. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bd_test_spawn (argv, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "9 files: 5 with errors, 1 with warnings only, 0 clean, 3 cannot be read"));

  bd_test_spawn (convert, NULL, NULL);
  g_assert_true (g_file_get_contents (departments_path, &departments, NULL, NULL));
  g_assert_true (g_file_get_contents (findings_path, &findings, NULL, NULL));
  department_rows = g_strsplit (g_strchomp (departments), "\n", -1);
  finding_rows = g_strsplit (g_strchomp (findings), "\n", -1);
  g_assert_cmpuint (g_strv_length (department_rows), ==, 1 + 9);
  g_assert_cmpuint (g_strv_length (finding_rows), ==, 1 + 20);
  g_assert_cmpstr (department_rows[0], ==, "File,Department,Year,Kind,Errors,Warnings,Status,Reason");
  g_assert_cmpstr (department_rows[4], ==, "seed-printed.pdf,上海市闵行区城市运行管理中心,2024,部门预算,4,1,errors,");
  g_assert_cmpstr (department_rows[5], ==, "seed.md,上海市闵行区城市运行管理中心,2024,部门预算,4,1,errors,");
  g_assert_cmpstr (department_rows[9], ==, "fixed.md,上海市闵行区城市运行管理中心,2024,部门预算,0,1,warnings,");
  g_assert_cmpstr (finding_rows[0], ==, "Department,File,Section,\"Printed page\",Rule,Severity,Finding");
  g_assert_true (g_str_has_prefix (finding_rows[2],
                                   "上海市闵行区城市运行管理中心,planted-year.md,\"2. 2024年部门收入预算总表\",7,title-year,error,"));
  remove_tree (sheets);
}

/* A .budget imported from a real PDF (putuo-czj-2025-dept.pdf) names the
 * PDF's pages, as the PDF reviewed itself does, finding for finding: its
 * schedule 7 (2025年部门国有资本经营预算支出功能分类预算表) is on page 18 of the
 * PDF (pdftotext -f 18 -l 18), where BudgetDesk's own printout has it on
 * 14; the 编制说明's findings name no page (a PDF's text pages are not kept). */
static void
test_review_imported_pdf (void)
{
  g_autofree char *folder = g_dir_make_tmp ("bd-review-pdf-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("BD_REAL"), "putuo-czj-2025-dept.pdf", NULL);
  g_autofree char *pdf = g_build_filename (folder, "czj.pdf", NULL);
  g_autofree char *budget = g_build_filename (folder, "czj.budget", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdReviewEntry) from_pdf = NULL;
  g_autoptr(BdReviewEntry) from_budget = NULL;
  gsize length;
  guint on_18 = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (pdf, contents, length, &error));
  doc = bd_import_any_file (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (bd_store_save_as (doc, budget, &error));
  g_assert_no_error (error);

  from_pdf = bd_review_file (folder, "czj.pdf");
  from_budget = bd_review_file (folder, "czj.budget");
  g_assert_cmpuint (from_budget->findings->len, ==, from_pdf->findings->len);
  g_assert_cmpuint (from_budget->findings->len, >, 0);
  for (guint i = 0; i < from_pdf->findings->len; i++)
    {
      BdReviewFinding *a = g_ptr_array_index (from_pdf->findings, i);
      BdReviewFinding *b = g_ptr_array_index (from_budget->findings, i);

      g_assert_cmpstr (a->rule, ==, b->rule);
      g_assert_cmpstr (a->message, ==, b->message);
      g_assert_cmpint (a->page, ==, b->page);
      if (b->part == BD_PART_SCHEDULE_7 && strcmp (b->rule, "note-words") == 0)
        {
          g_assert_cmpint (b->page, ==, 18);
          on_18++;
        }
      if (b->part == BD_PART_NARRATIVE)
        g_assert_cmpint (b->page, ==, 0);
    }
  g_assert_cmpuint (on_18, ==, 1);
  g_unlink (pdf);
  g_unlink (budget);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = bd_test_make_dir ("bd-review-XXXXXX");
  make_folder ();
  g_test_add_func ("/review/entries", test_review_entries);
  g_test_add_func ("/review/findings", test_review_findings);
  g_test_add_func ("/review/json", test_review_json);
  g_test_add_func ("/review/xlsx", test_review_xlsx);
  g_test_add_func ("/review/imported-pdf", test_review_imported_pdf);
  return bd_test_run_and_remove (dir);
}
