/* The window as a desktop application: opening a document keeps the day's
 * copy, Daily Copies lists it, F1 is the user guide's key. Runs under
 * xvfb-run with GSK_RENDERER=cairo; the user's data folder is a temporary one. */

#include <glib/gstdio.h>

#include "bd-application.h"
#include "bd-backup.h"
#include "bd-backups-dialog.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-xlsx-writer.h"
#include "bd-gtk-test-util.h"

static char *dir;

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* @path opened in @application, registered first, as 打开 opens it: its
 * window, once shown. */
static BdWindow *
open_in_application (BdApplication *application,
                     const char    *path)
{
  g_autoptr(GError) error = NULL;
  BdWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = bd_application_open_path (application, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  bd_test_spin (300);
  return window;
}

static void
test_open_keeps_copy_and_lists_it (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdApplication) application = bd_application_new ();
  g_autofree char *path = g_build_filename (dir, "cityops.budget", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *folder = bd_backup_folder (path, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_auto(GStrv) accels = NULL;
  BdWindow *window;
  GtkWidget *dialog;
  GtkListBox *list;

  g_assert_true (bd_store_save_as (seed, path, &error));
  /* The copies go under the user's data folder: here the test's own. */
  g_assert_true (g_str_has_prefix (folder, data_dir));
  window = open_in_application (application, path);

  /* The first opening of the day kept today's copy; it holds the seed's figures
   * (schedule 3, 2120199 其他城乡社区管理事务支出: 14,786,148.40, line 164 of the seed). */
  backups = bd_backup_list (path, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((BdBackup *) g_ptr_array_index (backups, 0))->date, ==, today);
  g_assert_cmpint (bd_test_stored (((BdBackup *) g_ptr_array_index (backups, 0))->path, 3, "2120199", 0), ==,
                   Y (14786148, 40));

  /* Daily Copies lists it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  bd_test_spin (200);
  dialog = find_toplevel (BD_TYPE_BACKUPS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  list = GTK_LIST_BOX (find_of_type (dialog, GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* In the desktop's recent files, as a BudgetDesk document. */
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(GtkRecentInfo) info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-budgetdesk");
    g_assert_true (gtk_recent_info_has_application (info, "budgetdesk"));
  }

  /* F1 is the user guide's key. */
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (application), "help") != NULL);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.help");
  g_assert_cmpstr (accels[0], ==, "F1");

  gtk_window_destroy (GTK_WINDOW (window));
  bd_test_spin (50);
}

/* A log beside the document that is not its own (here not a log at all)
 * is set aside on opening, never applied; before, the window said
 * nothing. Now a dialog over the window says where it went (issue 17). */
static void
test_set_aside_shown (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdApplication) application = bd_application_new ();
  g_autofree char *path = g_build_filename (dir, "aside.budget", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *moved = g_strconcat (wal, ".unused", NULL);
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(GError) error = NULL;
  BdWindow *window;
  GtkWidget *dialog;

  g_assert_true (bd_store_save_as (seed, path, &error));
  g_assert_true (g_file_set_contents (wal, "not a log of this file", -1, NULL));
  window = open_in_application (application, path);

  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_object_get (dialog, "text", &primary, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (primary, ==, "A journal beside “aside.budget” was set aside");
  g_assert_nonnull (strstr (secondary, moved));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  bd_test_spin (50);
}

static guint
count_documents (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    n += g_str_has_suffix (name, ".budget");
  return n;
}

/* 打开 takes a workbook as it takes a PDF (issue 15): a new document in no
 * file yet, none written beside the workbook; Save As asks where. The
 * seed's own export, 2210201 住房公积金 447,984.00 in schedule 3 (seed,
 * schedule 3), read back from the file saved. */
static void
test_open_workbook_unsaved (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdApplication) application = bd_application_new ();
  g_autofree char *xlsx = g_build_filename (dir, "cityops.xlsx", NULL);
  g_autofree char *target = g_build_filename (dir, "from-workbook", NULL);
  g_autofree char *saved = g_build_filename (dir, "from-workbook.budget", NULL);
  g_autoptr(GError) error = NULL;
  BdWindow *window;
  guint n_files;

  g_assert_true (bd_xlsx_write_file (seed, xlsx, &error));
  n_files = count_documents ();
  window = open_in_application (application, xlsx);
  g_assert_null (bd_editor_get_store (bd_window_get_editor (window)));
  g_assert_cmpstr (bd_editor_get_document (bd_window_get_editor (window))->department, ==,
                   "上海市闵行区城市运行管理中心");
  /* Nothing written yet: no .budget more in the folder than before. */
  g_assert_cmpuint (count_documents (), ==, n_files);

  g_assert_true (bd_window_save_as (window, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bd_test_stored (saved, 3, "2210201", BD_COL_BASIC), ==, Y (447984, 0));
  bd_test_spin (200);
  /* The saved file is opened in a window of its own, in place of this one. */
  while (gtk_application_get_windows (GTK_APPLICATION (application)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (application))->data);
  bd_test_spin (50);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;

  dir = g_dir_make_tmp ("bd-desktop-XXXXXX", &error);
  g_assert_no_error (error);
  /* Before GLib reads it, so the copies go to the test's folder. */
  data_dir = g_build_filename (dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  /* The recent files the application remembers: not in dconf, which needs a session bus. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bd_gtk_test_init (&argc, &argv);

  g_test_add_func ("/desktop/open-keeps-copy-and-lists-it", test_open_keeps_copy_and_lists_it);
  g_test_add_func ("/desktop/set-aside-shown", test_set_aside_shown);
  g_test_add_func ("/desktop/open-workbook-unsaved", test_open_workbook_unsaved);
  return bd_test_run_and_remove (dir);
}
