/* Every export checks every write: on a full disk `budgetdesk-cli export`
 * fails with exit 2 and a message naming the file, and what was there
 * before is left byte for byte; the CSV set is replaced whole or not at
 * all; a cell too long for Excel is refused, not dropped. */

#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bd-file-replace.h"
#include "bd-markdown-writer.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-xlsx-writer.h"

static char *dir;
static char *seed;   /* the seed imported once */

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Files in the child may not grow past this many bytes, as on a nearly
 * full disk; SIGXFSZ is ignored so that a write fails with EFBIG rather
 * than killing the process, as ENOSPC would fail it. */
static rlim_t file_size_limit;

static void
limit_file_size (gpointer data)
{
  struct rlimit rl = { file_size_limit, file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &rl);
}

/* Runs budgetdesk-cli with @argv (NULL-terminated, after the program),
 * its files limited to @limit bytes (0: none); its exit status, and what
 * it said on stderr in @said. */
static int
run_cli (rlim_t              limit,
         char              **said,
         const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (args, (char *) g_getenv ("BD_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  file_size_limit = limit;
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               limit ? limit_file_size : NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("budgetdesk-cli said: %s", err);
  g_assert_true (WIFEXITED (status));
  if (said != NULL)
    *said = g_steal_pointer (&err);
  return WEXITSTATUS (status);
}

static char *
contents (const char *path)
{
  char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return text;
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}

/* @option writes a file of more than @limit bytes over an old one at
 * @name: the export fails, naming the file, not a temporary, and the old
 * file and the folder are as they were. */
static void
assert_full_disk_keeps_old (const char *option,
                            const char *name,
                            rlim_t      limit)
{
  g_autofree char *folder = path_in_dir (option + 2);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autofree char *said = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  static const char old[] = "the clerk's previous export, which must survive\n";
  const char *argv[] = { "export", seed, option, target, NULL };
  const char *message;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, old, -1, NULL));
  before = folder_listing (folder);

  g_assert_cmpint (run_cli (limit, &said, argv), ==, 2);
  /* BudgetDesk's own line (libxlsxwriter prints its own before it). */
  message = strstr (said, "budgetdesk-cli: ");
  g_assert_nonnull (message);
  assert_has (message, target);
  assert_has (message, "File too large");
  g_assert_null (strstr (message, "/."));   /* not the hidden temporary */

  after = contents (target);
  g_assert_cmpstr (after, ==, old);
  names = folder_listing (folder);
  g_assert_cmpstr (names, ==, before);

  /* The same export with room enough writes the file. */
  g_assert_cmpint (run_cli (0, NULL, argv), ==, 0);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, (goffset) limit);
}

/* The seed's PDF is about 600 KB; 64 KB are written before the disk fills. */
static void
test_pdf_full_disk (void)
{
  assert_full_disk_keeps_old ("--pdf", "seed.pdf", 64 * 1024);
}

/* The seed's workbook is about 23 KB. */
static void
test_xlsx_full_disk (void)
{
  assert_full_disk_keeps_old ("--xlsx", "seed.xlsx", 8 * 1024);
}

/* The seed's text is about 23 KB; the message names seed.md itself. */
static void
test_md_full_disk (void)
{
  assert_full_disk_keeps_old ("--md", "seed.md", 8 * 1024);
}

/* Before, g_file_set_contents () named its temporary: “Failed to create
 * file “…/missing/seed.md.81TIZ3”. */
static void
test_md_names_target (void)
{
  g_autofree char *target = path_in_dir ("missing/seed.md");
  g_autofree char *said = NULL;
  const char *argv[] = { "export", seed, "--md", target, NULL };

  g_assert_cmpint (run_cli (0, &said, argv), ==, 2);
  assert_has (said, target);
  assert_has (said, "No such file or directory");
  g_assert_null (strstr (said, "seed.md."));   /* seed.md.81TIZ3 */
}

static char *
csv_name (guint n)
{
  static const char * const names[] = {
    "1-财务收支预算总表.csv", "2-收入预算总表.csv", "3-支出预算总表.csv",
    "4-财政拨款收支预算总表.csv", "5-一般公共预算支出功能分类预算表.csv",
    "6-政府性基金预算支出功能分类预算表.csv", "7-国有资本经营预算支出功能分类预算表.csv",
    "8-一般公共预算基本支出部门预算经济分类预算表.csv", "9-“三公”经费和机关运行经费预算表.csv",
  };
  return g_strdup (names[n - 1]);
}

/* A folder of the nine files of an earlier export, “old 1” … “old 9”;
 * with @in_the_way, a folder stands at the fifth name instead. */
static char *
old_csv_set (const char *name,
             gboolean    in_the_way)
{
  char *folder = path_in_dir (name);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint n = 1; n <= 9; n++)
    {
      g_autofree char *file = csv_name (n);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autofree char *text = g_strdup_printf ("old %u\n", n);

      if (in_the_way && n == 5)
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else
        g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  return folder;
}

static void
assert_old_csv_set (const char *folder,
                    gboolean    in_the_way)
{
  for (guint n = 1; n <= 9; n++)
    {
      g_autofree char *file = csv_name (n);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autofree char *expected = g_strdup_printf ("old %u\n", n);
      g_autofree char *text = NULL;

      if (in_the_way && n == 5)
        {
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
          continue;
        }
      text = contents (path);
      g_assert_cmpstr (text, ==, expected);
    }
}

/* `export --csv` over the old set in @folder, its files limited to @limit
 * bytes (0: none), fails (exit 2) with a message naming @named and saying
 * @reason; the old set is there whole, nothing added to the folder. */
static void
assert_csv_export_refused (const char *folder,
                           rlim_t      limit,
                           const char *named,
                           const char *reason,
                           gboolean    in_the_way)
{
  g_autofree char *before = folder_listing (folder);
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  const char *argv[] = { "export", seed, "--csv", folder, NULL };

  g_assert_cmpint (run_cli (limit, &said, argv), ==, 2);
  assert_has (said, named);
  assert_has (said, reason);
  assert_old_csv_set (folder, in_the_way);
  after = folder_listing (folder);
  g_assert_cmpstr (after, ==, before);
}

/* Before, files 1 to 4 were new and 6 to 9 old when the fifth name was a
 * folder: now none is replaced, and the message names the folder. */
static void
test_csv_folder_in_the_way (void)
{
  g_autofree char *folder = old_csv_set ("csv-blocked", TRUE);
  g_autofree char *fifth = csv_name (5);
  g_autofree char *blocked = g_build_filename (folder, fifth, NULL);

  assert_csv_export_refused (folder, 0, blocked, "Is a directory", TRUE);
}

/* Schedules 4 and 8 of the seed take more than 1,500 bytes as CSV (1,544
 * and 1,734), the others less: the set stays the old one. */
static void
test_csv_full_disk (void)
{
  g_autofree char *folder = old_csv_set ("csv-full", FALSE);
  g_autofree char *fourth = csv_name (4);
  g_autofree char *text = NULL;
  g_autofree char *first = csv_name (1);
  g_autofree char *first_path = g_build_filename (folder, first, NULL);
  const char *argv[] = { "export", seed, "--csv", folder, NULL };

  assert_csv_export_refused (folder, 1500, fourth, "File too large", FALSE);
  g_assert_cmpint (run_cli (0, NULL, argv), ==, 0);
  text = contents (first_path);
  assert_has (text, "2024年部门财务收支预算总表");
}

/* Exports @source with @option to @target, a document: refused with exit
 * status 2 and a message naming @target, which is not changed. */
static void
assert_export_refused (const char *source,
                       const char *option,
                       const char *target,
                       const char *named)
{
  g_autofree char *before = checksum_of (target);
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  const char *argv[] = { "export", source, option, target, NULL };

  g_assert_cmpint (run_cli (0, &said, argv), ==, 2);
  assert_has (said, named);
  assert_has (said, "is a BudgetDesk document");
  after = checksum_of (target);
  g_assert_cmpstr (after, ==, before);
}

/* Before, “export x.budget --md x.budget” (or --pdf, --xlsx, or another
 * document as the target) replaced the document with the export, even
 * while a writer had it open (issue 17): every form is now refused. */
static void
test_export_over_document (void)
{
  g_autofree char *target = path_in_dir ("target.budget");
  g_autofree char *link = path_in_dir ("link.md");
  g_autofree char *folder = path_in_dir ("csv-document");
  g_autofree char *first = csv_name (1);
  g_autofree char *in_folder = g_build_filename (folder, first, NULL);
  g_autofree char *seed_sum = checksum_of (seed);
  const char *options[] = { "--md", "--pdf", "--xlsx" };

  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (seed, &data, &length, NULL));
    g_assert_true (g_file_set_contents (target, data, length, NULL));
  }
  g_assert_cmpint (symlink (target, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      assert_export_refused (seed, options[i], seed, seed);   /* the document itself */
      assert_export_refused (seed, options[i], target, target);
      assert_export_refused (seed, options[i], link, link);   /* through a link */
    }
  {
    /* Under the document's open writer, and written from within. */
    g_autoptr(GError) error = NULL;
    g_autoptr(BdStore) writer = bd_store_open (target, BD_STORE_OPEN_DEFAULT, &error);
    g_autoptr(BdDocument) doc = NULL;
    g_autofree char *before = checksum_of (target);
    g_autofree char *after = NULL;

    g_assert_no_error (error);
    doc = bd_store_load (writer, &error);
    g_assert_no_error (error);
    assert_export_refused (seed, "--md", target, target);
    g_assert_false (bd_markdown_write_file (doc, target, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
    assert_has (error->message, target);
    after = checksum_of (target);
    g_assert_cmpstr (after, ==, before);
  }
  /* A document standing at one of the nine CSV names. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (seed, &data, &length, NULL));
    g_assert_true (g_file_set_contents (in_folder, data, length, NULL));
  }
  {
    g_autofree char *said = NULL;
    g_autofree char *now = NULL;
    const char *argv[] = { "export", seed, "--csv", folder, NULL };

    g_assert_cmpint (run_cli (0, &said, argv), ==, 2);
    assert_has (said, in_folder);
    assert_has (said, "is a BudgetDesk document");
    now = checksum_of (in_folder);
    g_assert_cmpstr (now, ==, seed_sum);
    g_clear_pointer (&now, g_free);
    now = checksum_of (seed);
    g_assert_cmpstr (now, ==, seed_sum);
  }
}

/* The seed's one form, 政府雇员: its 项目总体目标 given 40,000 characters.
 * Before, the cell was left empty and the export said nothing. The sheet
 * (rows by hand: 1 the title, 2 (2024年度), 3 项目名称, 4 主管部门,
 * 5 计划开始日期, 6-9 the funds, 10 the goals' heads, 11 their texts) has
 * the text in B11, merged over B11:C11. */
static void
test_xlsx_long_cell (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *book = path_in_dir ("long.xlsx");
  BdProject *project = g_ptr_array_index (doc->projects, 0);
  GString *goal = g_string_new (NULL);

  for (guint i = 0; i < 40000; i++)
    g_string_append (goal, "目");
  g_free (project->overall_goal);
  project->overall_goal = g_string_free (goal, FALSE);

  g_assert_false (bd_xlsx_write_file (doc, book, &error));
  g_assert_nonnull (error);
  assert_has (error->message, book);
  assert_has (error->message, "“绩效目标 政府雇员”");
  assert_has (error->message, "B11");
  assert_has (error->message, "40000");
  g_assert_false (g_file_test (book, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = bd_test_make_dir ("bd-export-XXXXXX");
  seed = path_in_dir ("seed.budget");
  {
    const char *import[] = { "import", g_getenv ("BD_SEED"), "-o", seed, NULL };
    g_assert_cmpint (run_cli (0, NULL, import), ==, 0);
  }

  g_test_add_func ("/export/pdf-full-disk", test_pdf_full_disk);
  g_test_add_func ("/export/xlsx-full-disk", test_xlsx_full_disk);
  g_test_add_func ("/export/md-full-disk", test_md_full_disk);
  g_test_add_func ("/export/md-names-target", test_md_names_target);
  g_test_add_func ("/export/csv-full-disk", test_csv_full_disk);
  g_test_add_func ("/export/csv-folder-in-the-way", test_csv_folder_in_the_way);
  g_test_add_func ("/export/xlsx-long-cell", test_xlsx_long_cell);
  g_test_add_func ("/export/over-document", test_export_over_document);

  return bd_test_run_and_remove (dir);
}
