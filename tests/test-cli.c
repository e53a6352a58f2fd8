/* budgetdesk-cli as a clerk runs it: import, show, validate, fix, export,
 * generate; exit statuses and the JSON form of the findings. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "bd-test-util.h"
#include "bd-file-test-util.h"

static char *dir;
static char *said;   /* what the last run said on stderr */

static int
run (char **output,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("BD_CLI"));
  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&said, g_free);
  status = bd_test_spawn ((const char * const *) argv->pdata, &out, &said);
  g_test_message ("stderr: %s", said);
  if (output != NULL)
    *output = g_steal_pointer (&out);
  return status;
}

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* The seed imported by `budgetdesk-cli import` as @name in the tests'
 * folder: its path. */
static char *
imported_seed (const char *name)
{
  char *path = path_in_dir (name);

  g_assert_cmpint (run (NULL, "import", g_getenv ("BD_SEED"), "-o", path, NULL), ==, 0);
  return path;
}

static void
test_import_validate_fix (void)
{
  g_autofree char *doc = imported_seed ("cityops.budget");
  g_autofree char *json = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  JsonObject *first;

  g_assert_cmpint (run (&shown, "show", doc, "--section", "3", NULL), ==, 0);
  g_assert_nonnull (strstr (shown, "2024年部门支出预算总表"));
  g_assert_nonnull (strstr (shown, "编制部门：上海市闵行区城市运行管理中心"));
  g_assert_nonnull (strstr (shown, "7,959,673.40"));

  /* Errors found: exit status 1, and exactly guide §5's findings. */
  g_assert_cmpint (run (&json, "validate", doc, "--json", NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 5);
  first = json_array_get_object_element (findings, 0);
  g_assert_cmpuint (json_object_get_size (first), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "schedule-1-expenditure");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (first, "section"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (first, "row"), ==, "208");
  g_assert_cmpstr (json_object_get_string_member (first, "column"), ==, "预算数");
  g_assert_cmpstr (json_object_get_string_member (first, "expected"), ==, "1,616,095.00");
  g_assert_cmpstr (json_object_get_string_member (first, "actual"), ==, "1,616,095.40");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, 4), "section"),
                   ==, "performance");

  /* fix says what it changed, and leaves no error. */
  g_assert_cmpint (run (&fixed, "fix", doc, NULL), ==, 0);
  g_assert_nonnull (strstr (fixed, "1,616,095.40"));
  g_assert_cmpint (run (NULL, "validate", doc, NULL), ==, 0);
  g_clear_pointer (&shown, g_free);
  g_assert_cmpint (run (&shown, "show", doc, "--section", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (shown, "14,786,148.40"));
  g_assert_null (strstr (shown, "1,616,095.40"));
}

/* The rule profile: --disable and --rule for one run, --save keeps them in
 * the document, and --json prints them. The seed's errors are
 * schedule-1-expenditure's and schedule-4-expenditure's (208, 212), its
 * warning goal-count's (guide §5). */
static void
test_rule_profile (void)
{
  g_autofree char *doc = imported_seed ("profile.budget");
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  /* Both error rules made warnings: no error left, exit status 0. */
  g_assert_cmpint (run (&json, "validate", doc, "--json", "--disable", "goal-count",
                        "--rule", "schedule-1-expenditure=warning", "--rule", "schedule-4-expenditure=info", NULL), ==, 0);
  g_assert_nonnull (strstr (json, "\"profile\" : {\n    \"goal-count\" : \"off\",\n"
                                  "    \"schedule-1-expenditure\" : \"warning\",\n"
                                  "    \"schedule-4-expenditure\" : \"info\"\n  }"));
  g_assert_null (strstr (json, "\"rule\" : \"goal-count\""));
  /* Not saved: the next run has the rules' own severities. */
  g_assert_cmpint (run (&again, "validate", doc, "--json", NULL), ==, 1);
  g_assert_null (strstr (again, "\"profile\""));
  g_clear_pointer (&again, g_free);
  g_assert_cmpint (run (NULL, "validate", doc, "--disable", "goal-count", "--save", NULL), ==, 1);
  g_assert_cmpint (run (&again, "validate", doc, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (again, "\"profile\" : {\n    \"goal-count\" : \"off\"\n  }"));
  g_assert_cmpint (run (NULL, "validate", doc, "--rule", "no-such-rule=off", NULL), ==, 2);
  g_assert_nonnull (strstr (said, "no-such-rule"));

  /* The thresholds in force, the machine's 10 and 50 (the schema's
   * defaults), then the document's own, kept with --save in its file. */
  g_assert_nonnull (strstr (again, "\"thresholds\" : {\n    \"reason-threshold\" : 10,\n"
                                   "    \"year-change-threshold\" : 50\n  }"));
  g_clear_pointer (&again, g_free);
  g_assert_cmpint (run (NULL, "validate", doc, "--threshold", "reason-threshold=12",
                        "--threshold", "year-change-threshold=75", "--save", NULL), ==, 1);
  g_assert_cmpint (run (&again, "validate", doc, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (again, "\"thresholds\" : {\n    \"reason-threshold\" : 12,\n"
                                   "    \"year-change-threshold\" : 75\n  }"));
  g_assert_nonnull (strstr (again, "\"profile\" : {\n    \"goal-count\" : \"off\"\n  }"));
  g_assert_cmpint (run (NULL, "validate", doc, "--threshold", "goal-count=12", NULL), ==, 2);
  g_assert_cmpint (run (NULL, "validate", doc, "--threshold", "reason-threshold=0", NULL), ==, 2);
}

static void
test_could_not_check (void)
{
  g_autofree char *missing = path_in_dir ("missing.budget");
  g_autofree char *text = path_in_dir ("notes.budget");

  g_assert_true (g_file_set_contents (text, "not a document", -1, NULL));
  g_assert_cmpint (run (NULL, "validate", missing, NULL), ==, 2);
  g_assert_cmpint (run (NULL, "validate", text, NULL), ==, 2);
  g_assert_cmpint (run (NULL, "show", text, NULL), ==, 2);
}

static void
test_failed_import_leaves_nothing (void)
{
  g_autofree char *source = path_in_dir ("broken.md");
  g_autofree char *doc = path_in_dir ("broken.budget");

  g_assert_true (g_file_set_contents (source, "附件1\n\n名词解释\n\n| 1 | 2 |\n", -1, NULL));
  g_assert_cmpint (run (NULL, "import", source, "-o", doc, NULL), ==, 2);
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));
}

static void
test_export_round_trip (void)
{
  g_autofree char *doc = imported_seed ("round.budget");
  g_autofree char *md = path_in_dir ("round.md");
  g_autofree char *again = path_in_dir ("again.budget");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (run (NULL, "export", doc, "--md", md, NULL), ==, 0);
  g_assert_cmpint (run (NULL, "import", md, "-o", again, NULL), ==, 0);
  g_assert_cmpint (run (&first, "show", doc, NULL), ==, 0);
  g_assert_cmpint (run (&second, "show", again, NULL), ==, 0);
  g_assert_cmpstr (first, ==, second);
}

/* show --section names every part of the document, the three sections
 * without figures too: the seed's 名词解释 (line 50) and 机构设置 (line 42). */
static void
test_show_sections (void)
{
  static const struct {
    const char *part;
    const char *starts;
  } parts[] = {
    { "glossary", "名词解释\n\n（一）财政拨款收入：是区级预算主管部门" },
    { "organisation", "上海市闵行区城市运行管理中心机构设置\n\n" },
  };
  g_autofree char *doc = imported_seed ("sections.budget");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *shown = NULL;

      g_assert_cmpint (run (&shown, "show", doc, "--section", parts[i].part, NULL), ==, 0);
      g_assert_true (g_str_has_prefix (shown, parts[i].starts));
    }
  g_assert_cmpint (run (NULL, "show", doc, "--section", "preface", NULL), !=, 0);
  g_assert_nonnull (strstr (said, "unknown section “preface”"));
}

static void
test_export_csv (void)
{
  g_autofree char *doc = imported_seed ("csv.budget");
  g_autofree char *out = path_in_dir ("csv");
  g_autofree char *s3_path = g_build_filename (out, "3-支出预算总表.csv", NULL);
  g_autofree char *s9_path = g_build_filename (out, "9-“三公”经费和机关运行经费预算表.csv", NULL);
  g_autofree char *s3 = NULL;
  g_autofree char *s9 = NULL;

  g_assert_cmpint (run (NULL, "export", doc, "--csv", out, NULL), ==, 0);
  g_assert_true (g_file_get_contents (s3_path, &s3, NULL, NULL));
  g_assert_true (g_file_get_contents (s9_path, &s9, NULL, NULL));
  g_assert_true (g_str_has_prefix (s3, "\xEF\xBB\xBF" "2024年部门支出预算总表\r\n"));
  g_assert_nonnull (strstr (s3, "\r\n212,01,99,其他城乡社区管理事务支出,14786148.40,7959673.40,6826475.00\r\n"));
  g_assert_nonnull (strstr (s3, "\r\n合计,,,,17722077.40,10895602.40,6826475.00\r\n"));
  g_assert_nonnull (strstr (s9, "\r\n7.40,0.00,1.00,6.40,0.00,6.40,0.00\r\n"));

  /* Nine files and nothing else: the folder they were written in first is gone. */
  {
    g_autoptr(GDir) folder = g_dir_open (out, 0, NULL);
    guint n_files = 0;

    while (g_dir_read_name (folder) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 9);
  }
}

/* The PDF from the command line; one that cannot be written leaves
 * nothing behind and says which file. */
static void
test_export_pdf (void)
{
  g_autofree char *doc = imported_seed ("pdf.budget");
  g_autofree char *pdf = path_in_dir ("cityops.pdf");
  g_autofree char *nowhere = path_in_dir ("missing/cityops.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (run (NULL, "export", doc, "--pdf", pdf, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (length, >, 6);
  g_assert_cmpint (memcmp (contents + length - 6, "%%EOF\n", 6), ==, 0);
  g_assert_cmpint (run (NULL, "export", doc, "--pdf", nowhere, NULL), ==, 2);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_generate (void)
{
  g_autofree char *doc = path_in_dir ("generated.budget");
  g_autofree char *json = NULL;

  g_assert_cmpint (run (NULL, "generate", "--rows", "300", "-o", doc, NULL), ==, 0);
  /* Consistent, and its synthetic codes travel with it: no finding at all. */
  g_assert_cmpint (run (&json, "validate", doc, "--json", NULL), ==, 0);
  g_assert_cmpstr (json, ==, "{\n  \"findings\" : []\n}\n");
}

/* Runs the command line; returns its exit status and what it said on stderr.
 * A crash is a failure here: every refusal is an exit. */
static int
run_saying (char **said,
            const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("BD_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return bd_test_spawn ((const char * const *) argv->pdata, NULL, said);
}

static void
write_in_dir (const char *name,
              const char *data,
              gssize      size)
{
  g_autofree char *path = path_in_dir (name);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

/* Every file of the folder with its checksum, one a line. */
static char *
folder_state (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = path_in_dir (name);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (lines, g_strdup_printf ("%s/", name));
      else if (g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (lines, g_strdup_printf ("%s %s", name,
                                                 g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                              (const guchar *) contents, length)));
    }
  g_ptr_array_sort (lines, bd_test_compare_names);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* docs/bad-input.md, as the clerk meets it at the command line: each bad
 * input is refused with a message naming the problem (exit status 2, never
 * a crash), and no file in the folder changes, the document an import
 * would have replaced included. */
static void
test_bad_input_changes_nothing (void)
{
  static const struct {
    const char *command;
    const char *file;
    const char *says;
  } cases[] = {
    { "import", "bad-empty.md", "line 1: expected a published budget" },
    { "import", "bad-binary.md", "binary" },
    { "import", "bad-gbk.md", "saved in GBK" },
    { "import", "bad-cut.md", "expected 3 amounts in this row" },
    { "import", "bad-missing.md", "No such file" },
    { "import", "bad-folder.md", "Is a directory" },
    { "validate", "bad-text.budget", "not a database at all" },
    { "fix", "bad-text.budget", "not a database at all" },
    { "validate", "bad-foreign.budget", "a database of another program" },
    { "fix", "bad-half.budget", "is damaged" },
    { "validate", "bad-newer.budget", "newer BudgetDesk" },
    { "fix", "bad-newer.budget", "newer BudgetDesk" },
    { "validate", "bad-forged.budget", "holds values BudgetDesk never writes" },
    { "fix", "bad-forged.budget", "holds values BudgetDesk never writes" },
  };
  g_autofree char *good = imported_seed ("good.budget");
  g_autofree char *seed = bd_test_read_seed_text ();
  g_autofree char *document = NULL;
  g_autofree char *before = NULL;
  g_autoptr(BdStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (good, &document, &length, NULL));

  {
    g_autofree char *path = NULL;
    const char *cut_at = strstr (seed, "| 212 | 01 | 99 | 其他城乡社区管理事务支出 | 14,786,148.40 | 7,959,673.40");
    sqlite3 *db;

write_in_dir ("bad-empty.md", "", 0);
    write_in_dir ("bad-binary.md", "附件1\0\1\2", 10);
    write_in_dir ("bad-gbk.md", "\xb8\xbd\xbc\xfe" "1\n", -1);
    g_assert_nonnull (cut_at);
    write_in_dir ("bad-cut.md", seed, cut_at - seed + strlen ("| 212 | 01 | 99 | 其他城乡社区管理事务支出 | 14,786,148.40 |"));
    write_in_dir ("bad-text.budget", "收入预算1,772.21万元\n", -1);
    write_in_dir ("bad-half.budget", document, length / 2);
    write_in_dir ("bad-newer.budget", document, length);
    write_in_dir ("bad-forged.budget", document, length);
    path = path_in_dir ("bad-folder.md");
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    g_free (path);
    path = path_in_dir ("bad-foreign.budget");
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
    g_free (path);
    path = path_in_dir ("bad-newer.budget");
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_free (path);
    path = path_in_dir ("bad-forged.budget");
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO figure VALUES (NULL, 1, 0)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  before = folder_state ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = path_in_dir (cases[i].file);
      g_autofree char *said = NULL;
      g_autofree char *after = NULL;
      const char *import_args[] = { "import", file, "-o", good, NULL };
      const char *args[] = { cases[i].command, file, NULL };

      g_assert_cmpint (run_saying (&said, strcmp (cases[i].command, "import") == 0 ? import_args : args), ==, 2);
      if (strstr (said, cases[i].says) == NULL)
        g_error ("%s %s said “%s”, not “%s”", cases[i].command, cases[i].file, said, cases[i].says);
      after = folder_state ();
      g_assert_cmpstr (before, ==, after);
    }

  /* A document another BudgetDesk is writing (this test, here): fix is
   * refused, naming it; what only reads goes on, read-only. */
  writer = bd_store_open (good, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *said = NULL;
    g_autofree char *pid = g_strdup_printf ("another BudgetDesk (pid %d,", (int) getpid ());
    const char *fix[] = { "fix", good, NULL };
    const char *validate[] = { "validate", good, NULL };

    g_assert_cmpint (run_saying (&said, fix), ==, 2);
    g_assert_nonnull (strstr (said, pid));
    g_clear_pointer (&said, g_free);
    g_assert_cmpint (run_saying (&said, validate), ==, 1);
  }
}

/* A log beside a document that is not its own (here not a log at all,
 * as a clerk's copying can leave) is set aside on opening, never applied;
 * before, nothing told the clerk. show now says where it went, on stderr,
 * and shows the document as it was (issue 17). */
static void
test_set_aside_told (void)
{
  g_autofree char *doc = imported_seed ("aside.budget");
  g_autofree char *wal = g_strconcat (doc, "-wal", NULL);
  g_autofree char *moved = g_strconcat (wal, ".unused", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpint (run (&before, "show", doc, NULL), ==, 0);
  g_assert_null (strstr (said, "journal"));
  g_assert_true (g_file_set_contents (wal, "not a log of this file", -1, NULL));

  g_assert_cmpint (run (&after, "show", doc, NULL), ==, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (said, "warning: a journal beside"));
  g_assert_nonnull (strstr (said, doc));
  g_assert_nonnull (strstr (said, moved));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (moved, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "not a log of this file");

  /* Said once: the next opening finds nothing to set aside. */
  g_clear_pointer (&after, g_free);
  g_assert_cmpint (run (&after, "show", doc, NULL), ==, 0);
  g_assert_null (strstr (said, "journal"));
}

/* A published PDF imported into a .budget: validate of the file names the
 * pages validate of the PDF names, line for line. Page 12 of 万里街道 2025
 * (pdftotext -layout -f 12 -l 12): "212 01 城乡社区管理事务 94,995,790",
 * its 项 rows adding up to 94,995,789. */
static void
test_validate_names_pages (void)
{
  g_autofree char *pdf = g_build_filename (g_getenv ("BD_REAL"), "putuo-wanli-2025-dept.pdf", NULL);
  g_autofree char *doc = g_build_filename (dir, "wanli-2025.budget", NULL);
  g_autofree char *from_pdf = NULL;
  g_autofree char *from_file = NULL;

  g_assert_cmpint (run (NULL, "import", pdf, "-o", doc, NULL), ==, 0);
  g_assert_cmpint (run (&from_pdf, "validate", pdf, NULL), ==, 1);
  g_assert_cmpint (run (&from_file, "validate", doc, NULL), ==, 1);
  g_assert_cmpstr (from_file, ==, from_pdf);
  g_assert_nonnull (strstr (from_file, "page 12: 21201 城乡社区管理事务, 合计: printed 94,995,790.00"));
}

/* The readers and writers of other formats are modules opened when first
 * needed (bd-module.h): a missing one is named and nothing is written; run
 * from its build folder with no BUDGETDESK_MODULEDIR, the program finds
 * them beside it (build/src/modules/). */
static void
test_modules (void)
{
  g_autofree char *pdf = g_build_filename (g_getenv ("BD_REAL"), "putuo-wanli-2023-dept.pdf", NULL);
  g_autofree char *budget = path_in_dir ("wanli-modules.budget");
  g_autofree char *module_dir = g_strdup (g_getenv ("BUDGETDESK_MODULEDIR"));
  g_autofree char *out = NULL;

  g_setenv ("BUDGETDESK_MODULEDIR", "/nonexistent", TRUE);
  g_assert_cmpint (run (NULL, "import", pdf, "-o", budget, NULL), ==, 2);
  g_assert_nonnull (strstr (said, "BudgetDesk is not installed whole"));
  g_assert_nonnull (strstr (said, "/nonexistent/libbudgetdesk-pdf.so"));
  g_assert_false (g_file_test (budget, G_FILE_TEST_EXISTS));

  g_unsetenv ("BUDGETDESK_MODULEDIR");
  g_assert_cmpint (run (&out, "import", pdf, "-o", budget, NULL), ==, 0);
  /* 万里 2023's performance forms, read on its pages 20 to 35. */
  g_assert_nonnull (strstr (out, "(5 forms)"));
  g_setenv ("BUDGETDESK_MODULEDIR", module_dir, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = bd_test_make_dir ("bd-cli-XXXXXX");

  g_test_add_func ("/cli/import-validate-fix", test_import_validate_fix);
  g_test_add_func ("/cli/validate-names-pages", test_validate_names_pages);
  g_test_add_func ("/cli/rule-profile", test_rule_profile);
  g_test_add_func ("/cli/could-not-check", test_could_not_check);
  g_test_add_func ("/cli/failed-import-leaves-nothing", test_failed_import_leaves_nothing);
  g_test_add_func ("/cli/export-round-trip", test_export_round_trip);
  g_test_add_func ("/cli/show-sections", test_show_sections);
  g_test_add_func ("/cli/export-csv", test_export_csv);
  g_test_add_func ("/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/cli/generate", test_generate);
  g_test_add_func ("/cli/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/cli/set-aside-told", test_set_aside_told);
  g_test_add_func ("/cli/modules", test_modules);

  return bd_test_run_and_remove (dir);
}
