/* The review report in the window: a folder reviewed to JSON through the
 * core, read by the dialog, one row a document; a row opens its document
 * with the findings showing. Runs under xvfb-run with GSK_RENDERER=cairo. */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bd-application.h"
#include "bd-review.h"
#include "bd-review-dialog.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-gtk-test-util.h"

/* The texts of a row's cells, joined by "|". */
static char *
row_text (GtkListBox *list,
          int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *box = gtk_list_box_row_get_child (row);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *cell = gtk_widget_get_first_child (box); cell; cell = gtk_widget_get_next_sibling (cell))
    g_string_append_printf (text, "%s%s", text->len ? "|" : "", gtk_label_get_text (GTK_LABEL (cell)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The folder moved, with the report in it: the files are found beside it. */
static void
check_moved_folder (BdApplication *application,
                    const char    *dir,
                    const char    *folder,
                    const char    *report)
{
  g_autoptr(GError) error = NULL;
  BdReviewDialog *dialog;
  g_autofree char *moved = g_build_filename (dir, "moved", NULL);
  g_autofree char *moved_report = g_build_filename (moved, "review.json", NULL);
  g_autofree char *moved_budget = g_build_filename (moved, "cityops.budget", NULL);
  GtkWindow *opened;

  g_assert_cmpint (g_rename (folder, moved), ==, 0);
  g_assert_cmpint (g_rename (report, moved_report), ==, 0);
  dialog = BD_REVIEW_DIALOG (bd_review_dialog_new (GTK_APPLICATION (application), NULL, moved_report));
  opened = bd_review_dialog_open (dialog, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  /* cityops.budget: its file, the moved one. */
  g_assert_cmpstr (bd_store_get_path (bd_editor_get_store (bd_window_get_editor (BD_WINDOW (opened)))), ==,
                   moved_budget);
  /* Opened again: the same window, not a second one refused by the lock. */
  g_assert_true (bd_review_dialog_open (dialog, 1, &error) == opened);
  g_assert_no_error (error);
  gtk_window_destroy (opened);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bd_test_spin (50);
}

static void
test_rows_and_open (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autofree char *text = bd_test_read_seed_text ();
  g_autofree char *dir = g_dir_make_tmp ("bd-review-dialog-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "district", NULL);
  g_autofree char *seed_md = g_build_filename (folder, "seed.md", NULL);
  g_autofree char *budget = g_build_filename (folder, "cityops.budget", NULL);
  g_autofree char *refused = g_build_filename (folder, "refused.budget", NULL);
  g_autofree char *report = g_build_filename (dir, "review.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;
  const char *errors_label = bd_review_status_label (BD_REVIEW_ERRORS);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(BdApplication) application = bd_application_new ();
  g_autoptr(GError) error = NULL;
  BdReviewDialog *dialog;
  GtkListBox *list;
  GList *windows;
  BdWindow *window = NULL;
  GPtrArray *findings;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (seed_md, text, -1, NULL));
  g_assert_true (bd_store_save_as (seed, budget, &error));
  g_assert_true (g_file_set_contents (refused, "not a database\n", -1, NULL));

  /* The review as `budgetdesk-cli review district --json` writes it. */
  files = bd_review_list_files (folder, NULL, &error);
  g_assert_no_error (error);
  entries = bd_review_files (folder, files, 1, NULL, NULL);
  json = bd_review_to_json (entries);
  g_assert_true (g_file_set_contents (report, json, -1, NULL));

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  dialog = BD_REVIEW_DIALOG (bd_review_dialog_new (GTK_APPLICATION (application), NULL, report));
  gtk_window_present (GTK_WINDOW (dialog));
  bd_test_spin (300);
  if (g_getenv ("BD_TEST_PAUSE") != NULL)
    bd_test_spin (atoi (g_getenv ("BD_TEST_PAUSE")));

  /* Worst first: the unreadable file, then the two with the seed's 4 errors and
   * 1 warning (as tests/test-review.c reads them: schedules 1 and 4 give 208 and
   * 212 as 1,616,095.40 and 14,786,148.00 against 1,616,095.00 and 14,786,148.40
   * in schedules 2, 3 and 5; the warning: the 17 projects), by file name. The seed's
   * header: 上海市闵行区城市运行管理中心, 2024. */
  list = bd_review_dialog_get_list (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (bd_review_dialog_get_files (dialog)), ==, 3);
  row = row_text (list, 0);
  /* Its reason as the review gave it (translated, as the status is), no counts. */
  g_assert_cmpuint (((BdReviewEntry *) g_ptr_array_index (entries, 0))->status, ==, BD_REVIEW_UNREADABLE);
  expected = g_strconcat ("refused.budget|", ((BdReviewEntry *) g_ptr_array_index (entries, 0))->reason, "||||",
                          bd_review_status_label (BD_REVIEW_UNREADABLE), NULL);
  g_assert_cmpstr (row, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&row, g_free);
  row = row_text (list, 1);
  expected = g_strconcat ("cityops.budget|上海市闵行区城市运行管理中心|2024|4|1|", errors_label, NULL);
  g_assert_cmpstr (row, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&row, g_free);
  row = row_text (list, 2);
  expected = g_strconcat ("seed.md|上海市闵行区城市运行管理中心|2024|4|1|", errors_label, NULL);
  g_assert_cmpstr (row, ==, expected);

  /* The refused file opens nothing and says why. */
  g_assert_null (bd_review_dialog_open (dialog, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The seed's row: read into a window of its own, in no file, findings showing. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 2));
  bd_test_spin (500);
  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  for (GList *l = windows; l; l = l->next)
    if (BD_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_null (bd_editor_get_store (bd_window_get_editor (window)));
  findings = bd_editor_get_findings (bd_window_get_editor (window));
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (bd_findings_count (findings, BD_SEVERITY_WARNING), ==, 1);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (bd_window_get_findings_list (window))));
  if (g_getenv ("BD_TEST_PAUSE") != NULL)
    bd_test_spin (atoi (g_getenv ("BD_TEST_PAUSE")));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bd_test_spin (50);

  check_moved_folder (application, dir, folder, report);
  remove_tree (dir);
}

/* A file that is not a report (the workbook's JSON is not it): no rows. */
static void
test_not_a_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bd-review-dialog-XXXXXX", NULL);
  g_autofree char *report = g_build_filename (dir, "findings.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  GtkWidget *dialog;

  /* `budgetdesk-cli check --json` prints findings, not documents. */
  g_assert_true (g_file_set_contents (report, "{\"findings\": []}", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"documents\": [", -1, NULL));
  dialog = g_object_ref (bd_review_dialog_new (NULL, NULL, report));
  g_assert_cmpuint (g_list_model_get_n_items (bd_review_dialog_get_files (BD_REVIEW_DIALOG (dialog))), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  dialog = g_object_ref (bd_review_dialog_new (NULL, NULL, broken));
  g_assert_cmpuint (g_list_model_get_n_items (bd_review_dialog_get_files (BD_REVIEW_DIALOG (dialog))), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_unlink (report);
  g_unlink (broken);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Opening a .budget remembers it in the settings: not the user's. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bd_gtk_test_init (&argc, &argv);
  /* For a screenshot in Chinese: LANG=zh_CN.UTF-8 BUDGETDESK_LOCALEDIR=build/po. */
  bd_test_bind_translations (g_getenv ("BUDGETDESK_LOCALEDIR"));
  g_test_add_func ("/review-dialog/rows-and-open", test_rows_and_open);
  g_test_add_func ("/review-dialog/not-a-report", test_not_a_report);
  return g_test_run ();
}
