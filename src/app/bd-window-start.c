/* bd-window-start.c: win.start-from: a new document started from last
 * year's document ("year") or from a workbook of schedules ("workbook"),
 * saved where the clerk says and opened; win.import-sheet: one schedule of
 * a workbook into the open document. */

#include <glib/gi18n.h>

#include "bd-new-year.h"
#include "bd-sheet-import-dialog.h"
#include "bd-widget-util.h"
#include "bd-window-private.h"
#include "bd-workbook-import.h"

/* What both the starting from a workbook and the import of a sheet read. */
static const char *const workbooks[] = { "xlsx", "xls", NULL };

typedef struct {
  BdWindow   *window;
  BdDocument *doc;
} Started;

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  Started         *started)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!bd_store_save_as (started->doc, path, &error))
        bd_window_show_error (started->window, _("The document could not be created"), error->message);
      else
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (started->window))), &file, 1, "");
    }
  g_object_unref (chooser);
  g_object_unref (started->doc);
  g_free (started);
}

static void
on_source_response (GtkNativeDialog *dialog,
                    int              response,
                    BdWindow        *self)
{
  gboolean from_workbook = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bd-from-workbook"));
  g_autofree char *path = bd_file_chooser_response_path (dialog, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  BdDocument *doc;
  GtkFileChooserNative *chooser;
  Started *started;

  g_object_unref (dialog);
  if (path == NULL)
    return;
  doc = from_workbook ? bd_workbook_import_file (path, &error) : bd_new_year_from_file (path, &error);
  if (doc == NULL)
    {
      bd_window_show_error (self, _("The document could not be started"), error->message);
      return;
    }
  started = g_new0 (Started, 1);
  started->window = self;
  started->doc = doc;
  chooser = gtk_file_chooser_native_new (_("Save the New Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  name = g_strdup_printf ("%s-%d.budget", doc->department, doc->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), started);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_bd_window_start_from_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  gboolean from_workbook = g_strcmp0 (g_variant_get_string (parameter, NULL), "workbook") == 0;
  static const char *const documents[] = { "budget", "pdf", "md", NULL };
  GtkFileChooserNative *chooser;

  _bd_window_commit_pending (self);
  chooser = bd_file_chooser_open (GTK_WINDOW (self), from_workbook ? _("New Document from a Workbook")
                                                                   : _("New Document from Last Year's"),
                                  _("_Open"), from_workbook ? _("Workbooks") : _("Budget documents and published budgets"),
                                  from_workbook ? workbooks : documents, G_CALLBACK (on_source_response), self);
  g_object_set_data (G_OBJECT (chooser), "bd-from-workbook", GINT_TO_POINTER (from_workbook));
}

/* win.import-sheet: one schedule of a workbook sheet into this document,
 * previewed in a dialog before it is applied as one undoable step. */
static void
on_sheet_book_response (GtkNativeDialog *chooser,
                        int              response,
                        BdWindow        *self)
{
  g_autofree char *path = bd_file_chooser_response_path (chooser, response);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_object_unref (chooser);
  if (path == NULL)
    return;
  dialog = bd_sheet_import_dialog_new (GTK_WINDOW (self), self->editor, path, &error);
  if (dialog == NULL)
    bd_window_show_error (self, _("The workbook could not be imported"), error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

void
_bd_window_import_sheet_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);

  _bd_window_commit_pending (self);
  bd_file_chooser_open (GTK_WINDOW (self), _("Import a Schedule from a Workbook"), _("_Open"), _("Workbooks"),
                        workbooks, G_CALLBACK (on_sheet_book_response), self);
}
