/* BdBackupsDialog, a document's daily copies: the seed stored, copies kept
 * on 2024-03-01 and 2024-03-02, listed newest first; Restore only with a
 * copy chosen. Runs under xvfb-run. */

#include <glib/gstdio.h>

#include "bd-backup.h"
#include "bd-backups-dialog.h"
#include "bd-store.h"
#include "bd-file-test-util.h"
#include "bd-test-util.h"
#include "bd-gtk-test-util.h"

/* The date a row shows: its first label. */
static const char *
row_date (GtkListBox *list,
          int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static void
keep_copy (const char *path,
           const char *folder,
           int         day)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 3, day, 9, 0, 0);
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bd_backup_daily (path, folder, 7, now, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
}

static void
test_lists_copies (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-backups-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cityops.budget", NULL);
  g_autofree char *folder = g_build_filename (dir, "copies", NULL);
  g_autofree char *empty = g_build_filename (dir, "none", NULL);
  GtkWidget *dialog;
  GtkListBox *list;
  GtkWidget *restore;

  g_assert_true (bd_store_save_as (seed, path, &error));
  keep_copy (path, folder, 1);
  keep_copy (path, folder, 2);
  /* A second copy on one day is not made: the day keeps its first. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_local (2024, 3, 2, 17, 0, 0);
    g_autofree char *made = NULL;

    g_assert_true (bd_backup_daily (path, folder, 7, later, &made, &error));
    g_assert_null (made);
  }

  dialog = g_object_ref (bd_backups_dialog_new (NULL, path, folder));
  list = GTK_LIST_BOX (find_of_type (dialog, GTK_TYPE_LIST_BOX));
  restore = find_of_type (gtk_window_get_titlebar (GTK_WINDOW (dialog)), GTK_TYPE_BUTTON);
  g_assert_nonnull (list);
  g_assert_nonnull (restore);

  g_assert_cmpstr (row_date (list, 0), ==, "2024-03-02");
  g_assert_cmpstr (row_date (list, 1), ==, "2024-03-01");
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));

  g_assert_false (gtk_widget_get_sensitive (restore));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_widget_get_sensitive (restore));
  gtk_list_box_unselect_all (list);
  g_assert_false (gtk_widget_get_sensitive (restore));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* A folder that does not exist holds no copies. */
  dialog = g_object_ref (bd_backups_dialog_new (NULL, path, empty));
  list = GTK_LIST_BOX (find_of_type (dialog, GTK_TYPE_LIST_BOX));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/backups-dialog/lists-copies", test_lists_copies);
  return g_test_run ();
}
