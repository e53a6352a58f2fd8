/* bd-print-preview-actions.c: what the preview's buttons and keys do
 * (preview.*: turning pages, zooming, exporting), installed on the class. */

#include <glib/gi18n.h>

#include "bd-csv-writer.h"
#include "bd-print-preview-private.h"
#include "bd-widget-util.h"
#include "bd-window.h"
#include "bd-xlsx-writer.h"

/* Pages and zoom */

static void
page_step_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next-page"))
    _bd_print_preview_show_page (self, self->page + 1);
  else if (self->page > 0)
    _bd_print_preview_show_page (self, self->page - 1);
}

/* The next step up or down from the scale shown, fitted or not. */
static void
zoom_step_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (widget);
  double percent = bd_page_view_get_scale (self->page_view) / PIXELS_PER_POINT * 100;
  gboolean in = g_str_equal (action_name, "preview.zoom-in");
  int zoom = in ? zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] : zoom_steps[0];

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    {
      int step = zoom_steps[in ? i : G_N_ELEMENTS (zoom_steps) - 1 - i];
      if (in ? step > percent + 0.5 : step < percent - 0.5)
        {
          zoom = step;
          break;
        }
    }
  _bd_print_preview_set_zoom (self, zoom);
}

/* Export */

gboolean
bd_print_preview_export_pdf (BdPrintPreview  *self,
                             const char      *path,
                             GError         **error)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), FALSE);

  _bd_print_preview_ensure_current (self);
  return bd_page_layout_write_pdf (self->layout, path, error);
}

gboolean
bd_print_preview_export_xlsx (BdPrintPreview  *self,
                              const char      *path,
                              GError         **error)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), FALSE);

  return bd_xlsx_write_file (bd_editor_get_document (self->editor), path, error);
}

gboolean
bd_print_preview_export_csv (BdPrintPreview  *self,
                             const char      *dir,
                             GError         **error)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), FALSE);

  return bd_csv_write_dir (bd_editor_get_document (self->editor), dir, error);
}

typedef struct {
  const char *action;
  const char *title;        /* of the file chooser */
  const char *suffix;       /* NULL: the chooser picks a folder */
  const char *filter;
  gboolean  (*write) (BdPrintPreview *self, const char *path, GError **error);
  const char *failure;
} ExportFormat;

static const ExportFormat formats[] = {
  { "preview.export-pdf", N_("Export as PDF"), "pdf", N_("PDF documents"),
    bd_print_preview_export_pdf, N_("The PDF could not be written") },
  { "preview.export-xlsx", N_("Export as Excel Workbook"), "xlsx", N_("Excel workbooks"),
    bd_print_preview_export_xlsx, N_("The workbook could not be written") },
  { "preview.export-csv", N_("Export the Schedules as CSV Files"), NULL, NULL,
    bd_print_preview_export_csv, N_("The CSV files could not be written") },
};

/* Writes where the clerk chose, and says how it went. */
static void
export_to (BdPrintPreview     *self,
           const ExportFormat *format,
           const char         *chosen)
{
  g_autofree char *path = chosen != NULL && format->suffix != NULL ? bd_file_path_with_suffix (chosen, format->suffix)
                                                                     : g_strdup (chosen);
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (self->status_label, "");
  /* A place with no local path (a network location) cannot be written to. */
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a place on this computer."));
  if (path == NULL || !format->write (self, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (BD_IS_WINDOW (root))
        bd_window_show_error (BD_WINDOW (root), _(format->failure), error->message);
      return;
    }
  name = g_filename_display_basename (path);
  done = g_strdup_printf (_("Exported to “%s”"), name);
  gtk_label_set_text (self->status_label, done);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    BdPrintPreview  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      export_to (self, g_object_get_data (G_OBJECT (chooser), "bd-format"), path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (widget);
  BdDocument *doc = bd_editor_get_document (self->editor);
  GtkRoot *root = gtk_widget_get_root (widget);
  const ExportFormat *format = NULL;
  GtkFileChooserNative *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].action, action_name))
      format = &formats[i];
  g_return_if_fail (format != NULL);

  chooser = gtk_file_chooser_native_new (_(format->title), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         format->suffix ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                        : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format->suffix != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *name = g_strdup_printf ("%s-%d.%s", doc->department, doc->year, format->suffix);

      gtk_file_filter_set_name (filter, _(format->filter));
      gtk_file_filter_add_suffix (filter, format->suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data (G_OBJECT (chooser), "bd-format", (gpointer) format);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_bd_print_preview_class_actions_init (BdPrintPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_step_activated);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_step_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_step_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_step_activated);
  gtk_widget_class_install_property_action (widget_class, "preview.zoom", "zoom");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_widget_class_install_action (widget_class, formats[i].action, NULL, export_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
}
