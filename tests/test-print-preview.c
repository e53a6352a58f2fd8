/* BdPrintPreview on its own, in a plain window over an editor of the seed:
 * laid out once shown, its pages turned by its actions, its zoom, a PDF
 * exported, and every object gone with the window. The seed prints on 17
 * pages (the cover, 一 to 四, nine schedules, 六, 七 and one form: read back
 * by tests/test-pdf.c). Runs under xvfb-run. */

#include "bd-print-preview.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-gtk-test-util.h"

#define SEED_PAGES 17

static void
test_alone (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdEditor *editor = bd_editor_new (doc, NULL);
  GtkWidget *window = g_object_ref (gtk_window_new ());
  BdPrintPreview *preview = BD_PRINT_PREVIEW (g_object_ref (bd_print_preview_new (editor)));
  g_autoptr(GError) error = NULL;
  g_autoptr(BdTestFile) pdf = bd_test_file_new ("bd-preview-XXXXXX", "seed.pdf");
  g_autofree char *contents = NULL;

  /* Not shown yet: nothing is laid out. */
  g_assert_cmpuint (bd_print_preview_get_n_pages (preview), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && (gtk_widget_get_width (GTK_WIDGET (preview)) == 0
                                || bd_print_preview_get_n_pages (preview) == 0); i++)
    bd_test_spin (50);
  g_assert_cmpuint (bd_print_preview_get_n_pages (preview), ==, SEED_PAGES);
  {
    g_autofree char *text = bd_print_preview_dup_page_text (preview);
    g_assert_cmpstr (text, ==, "Page 1 of 17");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
  g_assert_cmpuint (bd_print_preview_get_page (preview), ==, 1);
  bd_print_preview_set_page (preview, 99);
  g_assert_cmpuint (bd_print_preview_get_page (preview), ==, SEED_PAGES - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL));
  g_assert_cmpuint (bd_print_preview_get_page (preview), ==, SEED_PAGES - 2);

  /* 100 %: a point of the page is 96/72 pixels. */
  g_object_set (preview, "zoom", "100", NULL);
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), 96.0 / 72, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (bd_print_preview_get_scale (preview), 1.25 * 96 / 72, 1e-9);

  g_assert_true (bd_print_preview_export_pdf (preview, pdf->path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf->path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* The window gone, the preview goes, and with it its hold on the editor. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (preview);
  g_assert_finalize_object (editor);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/print-preview/alone", test_alone);
  return g_test_run ();
}
