/* The window, through its widgets: badges as the checker counts them, a cell
 * edited as the keys edit it, undo, paste, and a refused value. Runs under
 * xvfb-run with GSK_RENDERER=cairo. */

#include <glib/gstdio.h>

#include "bd-application.h"
#include "bd-page-layout.h"
#include "bd-print-operation.h"
#include "bd-print-preview.h"
#include "bd-section-view.h"
#include "bd-test-util.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"

/* The window on a copy of the seed, finalized at the end of each test. */
typedef WindowFixture Fixture;

static void
spin (guint milliseconds)
{
  bd_test_spin (milliseconds);
}

static BdTableView *
table (Fixture *f,
       guint    schedule)
{
  return bd_schedule_view_get_table (bd_window_get_schedule_view (f->window, schedule));
}

static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  /* What budgetdesk-cli validate reports for the seed: 2 errors on
   * schedule 1, 2 on schedule 4, 1 warning on the forms. */
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "2");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
  g_assert_cmpstr (bd_window_get_badge (f->window, "performance"), ==, "1");
  for (guint s = 2; s <= 9; s++)
    {
      g_autofree char *page = g_strdup_printf ("schedule-%u", s);
      if (s != 4)
        g_assert_cmpstr (bd_window_get_badge (f->window, page), ==, "✓");
    }
  g_assert_cmpstr (bd_window_get_badge (f->window, "narrative"), ==, "✓");
  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 5);
}

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  BdTableView *view = table (f, 1);
  guint position, column;

  bd_window_show_page (f->window, "schedule-1");
  g_assert_true (bd_table_view_select (view, "208", "预算数"));
  bd_table_view_get_current (view, &position, NULL);

  /* Typing "1" starts editing, as a key press would; the rest is typed. */
  g_assert_true (bd_table_view_begin_edit (view, "1"));
  bd_table_view_set_edit_text (view, "1,616,095.00");
  g_assert_true (bd_table_view_commit (view, BD_MOVE_DOWN));
  g_assert_cmpint (window_fixture_stored (f, 1, "208", 0), ==, Y (1616095, 0));
  /* Enter moved down, to 210. */
  bd_table_view_get_current (view, &column, NULL);
  g_assert_cmpuint (column, ==, position + 1);

  g_assert_true (bd_table_view_select (view, "212", "预算数"));
  g_assert_true (bd_table_view_begin_edit (view, "14786148.4"));
  g_assert_true (bd_table_view_commit (view, BD_MOVE_RIGHT));
  g_assert_cmpint (window_fixture_stored (f, 1, "212", 0), ==, Y (14786148, 40));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "✓");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
  spin (50);

  /* Ctrl+Z, as the window's action. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (window_fixture_stored (f, 1, "212", 0), ==, Y (14786148, 0));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_cmpint (window_fixture_stored (f, 1, "212", 0), ==, Y (14786148, 40));
}

static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  BdTableView *view = table (f, 3);
  g_autofree char *shown = NULL;

  bd_window_show_page (f->window, "schedule-3");
  spin (100);
  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_table_view_paste_text (view, "1,000.00\t10\n2000\t20\n"));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (1000, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 2), ==, Y (10, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, Y (2000, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 2), ==, Y (20, 0));
  /* The 款 row above them shows its new sum: 1,000 + 10 + 2,000 + 20 + 498,198. */
  shown = bd_table_view_dup_cell_text (view, 1, 0);
  g_assert_cmpstr (shown, ==, "501,228.00");
  /* Schedules 2 and 3 now disagree on both rows. */
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-3"), !=, "✓");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (121500, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 2), ==, 0);
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-3"), ==, "✓");
}

static void
test_refused_value (Fixture       *f,
                    gconstpointer  data)
{
  BdTableView *view = table (f, 3);

  bd_window_show_page (f->window, "schedule-3");
  spin (100);
  bd_test_type_in_cell (view, "2210201", "基本支出", "447,98４a");
  g_assert_false (bd_table_view_commit (view, BD_MOVE_DOWN));
  /* The reason stands beside the cell, the cell is still being typed in,
   * and nothing was stored. */
  g_assert_nonnull (bd_table_view_get_error (view));
  g_assert_nonnull (strstr (bd_table_view_get_error (view), "a"));
  g_assert_true (bd_table_view_is_editing (view));
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", 1), ==, Y (447984, 0));
  g_assert_false (bd_editor_can_undo (f->editor));

  bd_table_view_cancel (view);
  g_assert_false (bd_table_view_is_editing (view));

  /* A computed cell does not start editing. */
  g_assert_true (bd_table_view_select (view, "221", "基本支出"));
  g_assert_false (bd_table_view_begin_edit (view, "1"));
  g_assert_nonnull (bd_table_view_get_error (view));
}

static void
test_add_and_remove_row (Fixture       *f,
                         gconstpointer  data)
{
  BdScheduleView *schedule_view = bd_window_get_schedule_view (f->window, 2);
  BdTableView *view = bd_schedule_view_get_table (schedule_view);
  guint position;

  bd_window_show_page (f->window, "schedule-2");
  spin (100);
  /* Typed into the code entry: the row and its 类 and 款 appear. */
  g_assert_true (bd_schedule_view_add_row (schedule_view, "2010101 行政运行"));
  spin (100);
  bd_table_view_get_current (view, &position, NULL);
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (bd_table_view_begin_edit (view, "8"));
  bd_table_view_set_edit_text (view, "8000");
  g_assert_true (bd_table_view_commit (view, BD_MOVE_NONE));
  g_assert_cmpint (window_fixture_stored (f, 2, "2010101", 1), ==, Y (8000, 0));
  spin (100);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin (100);
  g_assert_null (bd_schedule_find_row (bd_document_get_schedule (bd_editor_get_document (f->editor), 2), "201"));
}

static void
test_other_figures_as_fields (Fixture       *f,
                              gconstpointer  data)
{
  BdSectionView *other = BD_SECTION_VIEW (bd_window_get_page (f->window, "other"));
  BdDocument *doc = bd_editor_get_document (f->editor);

  bd_window_show_page (f->window, "other");
  spin (100);
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "✓");
  /* 公务接待费 1.00 万元 typed as 1.20: the text says so, and it now
   * disagrees with schedule 9. */
  g_assert_true (bd_section_view_set_field (other, "other.sangong.reception", "1.2"));
  g_assert_nonnull (strstr (g_ptr_array_index (bd_document_get_section (doc, "other")->paragraphs, 4),
                            "公务接待费1.20万元"));
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "1");
  g_assert_false (bd_section_view_set_field (other, "other.sangong.reception", "1.2x"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "✓");
}

/* 修正 on the third finding (schedule 4, 208: 1,616,095.40 where schedule 5
 * has 1,616,095.00): that row changes (schedule 4 now says it no longer
 * balances), the rows of the others stay as they are, and with them the
 * list's place. */
static void
test_findings_keep_place (Fixture       *f,
                          gconstpointer  data)
{
  GtkListBox *list = bd_window_get_findings_list (f->window);
  /* Held, so that a row made anew cannot take the place of one gone. */
  g_autoptr(GtkListBoxRow) first = g_object_ref (gtk_list_box_get_row_at_index (list, 0));
  g_autoptr(GtkListBoxRow) second = g_object_ref (gtk_list_box_get_row_at_index (list, 1));
  g_autoptr(GtkListBoxRow) third = g_object_ref (gtk_list_box_get_row_at_index (list, 2));
  g_autoptr(GtkListBoxRow) last = g_object_ref (gtk_list_box_get_row_at_index (list, 4));
  guint n;

  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 5);
  g_signal_emit_by_name (find_of_type (GTK_WIDGET (third), GTK_TYPE_BUTTON), "clicked");
  spin (50);
  /* Schedule 4's 一般公共预算 of 208 is now schedule 5's. */
  g_assert_cmpint (window_fixture_stored (f, 4, "208", 1), ==, Y (1616095, 0));
  n = bd_window_get_n_findings_shown (f->window);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == first);
  g_assert_true (gtk_list_box_get_row_at_index (list, 1) == second);
  g_assert_true (gtk_list_box_get_row_at_index (list, 2) != third);
  g_assert_true (gtk_list_box_get_row_at_index (list, n - 1) == last);
}

/* The seed's published pages: the cover, 一 to 四, nine schedules, 六, 七
 * and one form (tests/test-pdf.c reads them back). */
#define SEED_PAGES 17

static BdPrintPreview *
show_preview (Fixture *f)
{
  BdPrintPreview *preview;

  bd_window_show_page (f->window, "preview");
  preview = BD_PRINT_PREVIEW (bd_window_get_page (f->window, "preview"));
  /* Laid out and fitted once it has its size: on a busy machine that can
   * take more than a few frames. */
  for (guint i = 0; i < 100 && (gtk_widget_get_width (GTK_WIDGET (preview)) == 0
                                || bd_print_preview_get_n_pages (preview) == 0
                                || bd_print_preview_get_scale (preview) == 1.0); i++)
    spin (50);
  spin (100);
  return preview;
}

static void
assert_page_text (BdPrintPreview *preview,
                  guint           page)
{
  g_autofree char *text = bd_print_preview_dup_page_text (preview);
  g_autofree char *expected = g_strdup_printf ("Page %u of %u", page, SEED_PAGES);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (bd_print_preview_get_page (preview), ==, page - 1);
}

/* What `pdfinfo` says of @pdf. */
static char *
pdf_info (const char *pdf)
{
  g_autofree char *last = g_strdup_printf ("%u", SEED_PAGES);
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", last, pdf, NULL };

  return bd_test_output_of (argv);
}

static void
test_preview_pages (Fixture       *f,
                    gconstpointer  data)
{
  BdPrintPreview *preview = show_preview (f);

  g_assert_cmpuint (bd_print_preview_get_n_pages (preview), ==, SEED_PAGES);
  assert_page_text (preview, 1);
  /* On the first page there is no going back. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  assert_page_text (preview, 1);

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  assert_page_text (preview, 2);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  assert_page_text (preview, 3);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  assert_page_text (preview, 2);

  /* A page number past the end shows the last page. */
  bd_print_preview_set_page (preview, 99);
  assert_page_text (preview, SEED_PAGES);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  assert_page_text (preview, SEED_PAGES);
}

static void
test_preview_zoom (Fixture       *f,
                   gconstpointer  data)
{
  BdPrintPreview *preview = show_preview (f);
  double fit_width = bd_print_preview_get_scale (preview), fit_page;

  /* Fitted to the window's width, the upright A4 cover is larger than
   * at 50 % and smaller than at 200 % (96 pixels an inch). */
  g_assert_cmpfloat (fit_width, >, 0.5 * 96 / 72);
  g_assert_cmpfloat (fit_width, <, 2.0 * 96 / 72);

  g_object_set (preview, "zoom", "100", NULL);
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), 96.0 / 72, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), 1.25 * 96 / 72, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), 0.75 * 96 / 72, 1e-9);

  /* The whole page is shorter than the window is wide. */
  g_object_set (preview, "zoom", "fit-page", NULL);
  spin (100);
  fit_page = bd_print_preview_get_scale (preview);
  g_assert_cmpfloat (fit_page, <, fit_width);
  g_object_set (preview, "zoom", "fit-width", NULL);
  spin (100);
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), fit_width, 1e-9);
}

static void
test_preview_banner (Fixture       *f,
                     gconstpointer  data)
{
  BdPrintPreview *preview = show_preview (f);
  const BdFinding *fixable;
  g_autoptr(GError) error = NULL;

  /* 208 and 212 wrong on schedules 1 and 4. */
  g_assert_nonnull (bd_print_preview_get_banner (preview));
  g_assert_nonnull (strstr (bd_print_preview_get_banner (preview), "has 4 errors"));

  bd_print_preview_set_page (preview, 8);
  do
    {
      GPtrArray *findings = bd_editor_get_findings (f->editor);

      fixable = NULL;
      for (guint i = 0; i < findings->len && fixable == NULL; i++)
        {
          const BdFinding *finding = g_ptr_array_index (findings, i);
          if (finding->severity == BD_SEVERITY_ERROR && finding->fix.kind != BD_FIX_NONE)
            fixable = finding;
        }
      if (fixable != NULL)
        g_assert_true (bd_editor_apply_fix (f->editor, fixable, &error));
    }
  while (fixable != NULL);

  /* The goal-count warning stays; warnings raise no banner. */
  g_assert_null (bd_print_preview_get_banner (preview));
  /* Laid out again after the fixes, on the page that was shown. */
  spin (400);
  g_assert_cmpuint (bd_print_preview_get_n_pages (preview), ==, SEED_PAGES);
  assert_page_text (preview, 9);

  /* The last fix undone: 212 wrong again on schedule 4, which no longer balances. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_nonnull (strstr (bd_print_preview_get_banner (preview), "has 2 errors;"));
}

static void
test_preview_export (Fixture       *f,
                     gconstpointer  data)
{
  BdPrintPreview *preview = show_preview (f);
  g_autofree char *pdf = g_build_filename (f->dir, "cityops.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "cityops.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "cityops.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", SEED_PAGES);
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_csv = 0;
  const char *name;

  g_assert_true (bd_print_preview_export_pdf (preview, pdf, &error));
  g_assert_no_error (error);
  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, pages));

  g_assert_true (bd_print_preview_export_xlsx (preview, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "PK"));

  /* Nine schedules, nothing else left in the folder. */
  g_mkdir (csv, 0700);
  g_assert_true (bd_print_preview_export_csv (preview, csv, &error));
  g_assert_no_error (error);
  dir = g_dir_open (csv, 0, &error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (csv, name, NULL);
      g_assert_true (g_str_has_suffix (name, ".csv"));
      g_unlink (path);
      n_csv++;
    }
  g_assert_cmpuint (n_csv, ==, 9);
  g_rmdir (csv);

  /* A folder that is not there: said so, and no file. */
  g_assert_false (bd_print_preview_export_pdf (preview, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_unlink (pdf);
  g_unlink (xlsx);
}

/* Printing to a file takes the print path of the dialog: the paper of the
 * page setup, and schedules 2, 4 and 9 turned. */
static void
test_print_to_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BdPrintOperation) operation = bd_print_operation_new (f->editor);
  g_autoptr(BdPrintOperation) next = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", SEED_PAGES);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, pages));
  g_assert_true (g_regex_match_simple ("^Page +1 size: +595\\.2\\d* x 841\\.8\\d* pts", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Page +9 size: +841\\.8\\d* x 595\\.2\\d* pts", info, G_REGEX_MULTILINE, 0));
  g_assert_false (bd_print_operation_was_interrupted (operation));
  g_unlink (pdf);

  /* The next print starts from this one's settings. */
  next = bd_print_operation_new (f->editor);
  g_assert_nonnull (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (next)));
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);

  WINDOW_TEST ("/window/badges", test_badges);
  WINDOW_TEST ("/window/edit-and-undo", test_edit_and_undo);
  WINDOW_TEST ("/window/paste", test_paste);
  WINDOW_TEST ("/window/refused-value", test_refused_value);
  WINDOW_TEST ("/window/add-and-remove-row", test_add_and_remove_row);
  WINDOW_TEST ("/window/other-figures-as-fields", test_other_figures_as_fields);
  WINDOW_TEST ("/window/findings-keep-place", test_findings_keep_place);
  WINDOW_TEST ("/window/preview-pages", test_preview_pages);
  WINDOW_TEST ("/window/preview-zoom", test_preview_zoom);
  WINDOW_TEST ("/window/preview-banner", test_preview_banner);
  WINDOW_TEST ("/window/preview-export", test_preview_export);
  WINDOW_TEST ("/window/print-to-file", test_print_to_file);

  return g_test_run ();
}
