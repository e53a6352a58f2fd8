/* The dated copies of a document: one a day, the first; the last N kept;
 * restored as a new document, never over one. Days are given, not read
 * from the clock. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "bd-backup.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

typedef struct {
  char *dir;
  char *document;     /* the seed, as cityops.budget */
  char *folder;       /* where its copies go */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autofree char *data_dir = NULL;

  f->dir = g_dir_make_tmp ("bd-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->document = g_build_filename (f->dir, "cityops.budget", NULL);
  g_assert_true (bd_store_save_as (doc, f->document, &error));
  g_assert_no_error (error);
  data_dir = g_build_filename (f->dir, "data", NULL);
  f->folder = bd_backup_folder (f->document, data_dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->document);
  g_free (f->folder);
}

/* Keeps the copy of @day (YYYY-MM-DD, at 09:00 local time); returns its path or NULL. */
static char *
daily (Fixture    *f,
       const char *day,
       guint       keep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT09:00:00", day);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, local);
  char *made = NULL;

  g_assert_nonnull (now);
  g_assert_true (bd_backup_daily (f->document, f->folder, keep, now, &made, &error));
  g_assert_no_error (error);
  return made;
}

static char *
dates (Fixture *f)
{
  g_autoptr(GPtrArray) backups = bd_backup_list (f->document, f->folder, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < backups->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", ((BdBackup *) g_ptr_array_index (backups, i))->date);
  return g_string_free (text, FALSE);
}

static void
test_backup_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *data_dir = g_build_filename (f->dir, "data", NULL);
  g_autofree char *parent = g_build_filename (data_dir, "budgetdesk", "backups", NULL);
  g_autofree char *other = g_build_filename (f->dir, "elsewhere", "cityops.budget", NULL);
  g_autofree char *other_folder = bd_backup_folder (other, data_dir);
  g_autofree char *base = g_path_get_basename (f->folder);

  g_assert_true (g_str_has_prefix (f->folder, parent));
  g_assert_true (g_str_has_prefix (base, "cityops-"));
  /* The same name in another folder keeps its copies apart. */
  g_assert_cmpstr (other_folder, !=, f->folder);
  /* None yet: the folder is not even made. */
  g_assert_cmpstr (dates (f), ==, "");
}

static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const days[] = { "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-09" };
  static const char *const after[] = {
    "2026-11-01",
    "2026-11-02 2026-11-01",
    "2026-11-03 2026-11-02 2026-11-01",
    "2026-11-05 2026-11-03 2026-11-02",
    "2026-11-09 2026-11-05 2026-11-03",
  };
  g_autofree char *stray = NULL;
  g_autofree char *copy = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *made = daily (f, days[i], 3);
      g_autofree char *listed = dates (f);
      g_autofree char *name = g_strdup_printf ("cityops %s.budget", days[i]);
      g_autofree char *base = NULL;

      g_assert_nonnull (made);
      base = g_path_get_basename (made);
      g_assert_cmpstr (base, ==, name);
      g_assert_cmpstr (listed, ==, after[i]);
      if (i == 0)
        {
          /* What is not a copy is never removed. */
          stray = g_build_filename (f->folder, "cityops 2026-10-01.txt", NULL);
          g_assert_true (g_file_set_contents (stray, "notes", -1, NULL));
        }
    }
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));

  /* A copy is a document: it opens and holds the seed's figures (schedule 3, 2120199,
   * 其他城乡社区管理事务支出: 14,786,148.40, line 164 of the seed). */
  copy = g_build_filename (f->folder, "cityops 2026-11-09.budget", NULL);
  g_assert_cmpint (bd_test_stored (copy, 3, "2120199", 0), ==, Y (14786148, 40));

  /* Fewer kept from now on: the oldest go at the next day's copy. */
  g_free (daily (f, "2026-11-10", 2));
  {
    g_autofree char *listed = dates (f);
    g_assert_cmpstr (listed, ==, "2026-11-10 2026-11-09");
  }
  /* 0: no copies made, none removed. */
  g_assert_null (daily (f, "2026-11-11", 0));
  {
    g_autofree char *listed = dates (f);
    g_assert_cmpstr (listed, ==, "2026-11-10 2026-11-09");
  }
}

/* Sets schedule 3's 2120199 to @value and stores it, as an edit in the window would. */
static void
edit_document (Fixture *f,
               gint64   value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (f->document, BD_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BdDocument) doc = bd_store_load (store, &error);
  BdRow *row = bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2120199");

  g_assert_no_error (error);
  row->values[1] = value;
  g_assert_true (bd_store_update_amount (store, row, 1, &error));
  g_assert_no_error (error);
}

static void
test_backup_first_of_the_day (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *made = daily (f, "2026-11-20", 7);
  g_autofree char *again = NULL;
  g_autofree char *restored = g_build_filename (f->dir, "restored.budget", NULL);
  g_autofree char *hand = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  /* Schedule 3's 2120199 has 7,959,673.40 as 基本支出 in the seed (line 164). */
  g_assert_cmpint (bd_test_stored (made, 3, "2120199", 1), ==, Y (7959673, 40));
  edit_document (f, Y (7959000, 0));

  /* Opened again the same day: no second copy, the first is kept as it was. */
  again = daily (f, "2026-11-20", 7);
  g_assert_null (again);
  g_assert_cmpint (bd_test_stored (made, 3, "2120199", 1), ==, Y (7959673, 40));
  g_assert_cmpint (bd_test_stored (f->document, 3, "2120199", 1), ==, Y (7959000, 0));

  /* Restored as a new document: the figure of the morning. */
  backups = bd_backup_list (f->document, f->folder, NULL);
  g_assert_nonnull (bd_backup_find (backups, "2026-11-20"));
  g_assert_null (bd_backup_find (backups, "2026-11-19"));
  g_assert_true (bd_backup_restore (bd_backup_find (backups, "2026-11-20")->path, restored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bd_test_stored (restored, 3, "2120199", 1), ==, Y (7959673, 40));

  /* Never over a file: not the document, not another. */
  g_assert_false (bd_backup_restore (made, f->document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (bd_test_stored (f->document, 3, "2120199", 1), ==, Y (7959000, 0));

  /* A file already bearing the next day's name (put there by hand) is not overwritten. */
  hand = g_build_filename (f->folder, "cityops 2026-11-21.budget", NULL);
  g_assert_true (g_file_set_contents (hand, "by hand", -1, NULL));
  g_assert_null (daily (f, "2026-11-21", 7));
  g_assert_true (g_file_get_contents (hand, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "by hand");
}

static void
test_backup_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.budget", NULL);
  g_autofree char *folder = bd_backup_folder (other, f->dir);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 20, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDir) listing = NULL;
  char *made = NULL;

  /* Not a BudgetDesk document: no copy, nothing half-written left. */
  g_assert_true (g_file_set_contents (other, "not a database", -1, NULL));
  g_assert_false (bd_backup_daily (other, folder, 7, now, &made, &error));
  g_assert_nonnull (error);
  g_assert_null (made);
  backups = bd_backup_list (other, folder, NULL);
  g_assert_cmpuint (backups->len, ==, 0);
  listing = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
}

/* budgetdesk-cli backups: today's copy kept, listed, restored as a new document, never over one. */
static void
test_backup_cli (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *data_dir = g_build_filename (f->dir, "cli-data", NULL);
  g_autofree char *restored = g_build_filename (f->dir, "restored.budget", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_dir, TRUE);
  const char *keep[] = { g_getenv ("BD_CLI"), "backups", f->document, "--now", NULL };
  const char *list[] = { g_getenv ("BD_CLI"), "backups", f->document, NULL };
  const char *restore[] = { g_getenv ("BD_CLI"), "backups", f->document, "--restore", today, "-o", restored, NULL };
  struct { const char **argv; int status; const char *out; const char *err; } steps[] = {
    { keep, 0, "Kept ", NULL },
    { keep, 0, "Today's copy was kept already", NULL },
    { list, 0, today, NULL },
    { restore, 0, "Restored the copy of", NULL },
    { restore, 2, NULL, "exists already" },
  };

  if (g_getenv ("BD_CLI") == NULL)
    {
      g_test_skip ("BD_CLI is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) steps[i].argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (WEXITSTATUS (status), ==, steps[i].status);
      if (steps[i].out != NULL)
        g_assert_nonnull (strstr (out, steps[i].out));
      if (steps[i].err != NULL)
        g_assert_nonnull (strstr (err, steps[i].err));
    }
  /* The copy restored holds the seed's figure (schedule 3, 2120199, line 164). */
  g_assert_cmpint (bd_test_stored (restored, 3, "2120199", 0), ==, Y (14786148, 40));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/backup/folder", Fixture, NULL, fixture_set_up, test_backup_folder, fixture_tear_down);
  g_test_add ("/backup/rotation", Fixture, NULL, fixture_set_up, test_backup_rotation, fixture_tear_down);
  g_test_add ("/backup/first-of-the-day", Fixture, NULL, fixture_set_up, test_backup_first_of_the_day,
              fixture_tear_down);
  g_test_add ("/backup/refuses", Fixture, NULL, fixture_set_up, test_backup_refuses, fixture_tear_down);
  g_test_add ("/backup/cli", Fixture, NULL, fixture_set_up, test_backup_cli, fixture_tear_down);
  return g_test_run ();
}
