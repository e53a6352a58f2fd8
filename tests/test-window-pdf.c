/* A published PDF in the window: read into a document that is in no file
 * yet, said in the subtitle; Save As writes it where the clerk says, and
 * closing first asks. Runs under xvfb-run with GSK_RENDERER=cairo. */

#include <libintl.h>
#include <locale.h>

#include "bd-pdf-import.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"
#include "bd-window.h"
#include "bd-gtk-test-util.h"

static void
test_unsaved_then_saved (void)
{
  g_autofree char *pdf = g_build_filename (g_getenv ("BD_REAL"), "putuo-czj-2025-dept.pdf", NULL);
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-window-pdf-XXXXXX", "czj-2025");
  g_autofree char *saved = g_strconcat (file->path, ".budget", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_any_file (pdf, &error);
  g_autoptr(BdEditor) editor = NULL;
  BdWindow *window;

  g_assert_no_error (error);
  editor = bd_editor_new (doc, NULL);
  window = bd_window_new (NULL, editor);
  gtk_window_present (GTK_WINDOW (window));
  bd_test_spin (300);

  g_assert_null (bd_editor_get_store (editor));

  /* Closing asks first: the window stays. */
  gtk_window_close (GTK_WINDOW (window));
  bd_test_spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Save As writes the document: 普陀区财政局 2025, schedule 3's 201 06 01
   * 行政运行 16,231,840.80 (page 12) read back from the file. */
  g_assert_true (bd_window_save_as (window, file->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bd_test_stored (saved, 3, "2010601", 0), ==, Y (16231840, 80));

  gtk_window_destroy (GTK_WINDOW (window));
  bd_test_spin (50);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Issue 12: a unit budget's sidebar, in Chinese, names its parts as the
 * unit PDF's contents (page 2 of shanghai-czj-2025-unit.pdf: 一、单位主要职能,
 * 二、单位机构设置, 四、单位预算编制说明) do, not 部门…. */
static void
test_unit_sidebar (void)
{
  g_autofree char *pdf = g_build_filename (g_getenv ("BD_REAL"), "shanghai-czj-2025-unit.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  BdWindow *window;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  bd_test_bind_translations (g_getenv ("BUDGETDESK_LOCALEDIR"));
  doc = bd_import_any_file (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (doc->unit_budget);
  editor = bd_editor_new (doc, NULL);
  window = bd_window_new (NULL, editor);
  gtk_window_present (GTK_WINDOW (window));
  bd_test_spin (300);

  g_assert_true (has_label (GTK_WIDGET (window), "单位主要职能"));
  g_assert_true (has_label (GTK_WIDGET (window), "单位机构设置"));
  g_assert_true (has_label (GTK_WIDGET (window), "单位预算编制说明"));
  g_assert_false (has_label (GTK_WIDGET (window), "部门主要职能"));
  g_assert_false (has_label (GTK_WIDGET (window), "部门预算编制说明"));

  gtk_window_destroy (GTK_WINDOW (window));
  bd_test_spin (50);
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/window-pdf/unsaved-then-saved", test_unsaved_then_saved);
  g_test_add_func ("/window-pdf/unit-sidebar", test_unit_sidebar);

  return g_test_run ();
}
