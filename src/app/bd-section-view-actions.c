/* bd-section-view-actions.c: what a text section's buttons do
 * (section.last-year), installed on the class. */

#include <glib/gi18n.h>

#include "bd-section-view-private.h"

static void
on_last_year_response (GtkNativeDialog *chooser,
                       int              response,
                       BdSectionView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!bd_editor_take_last_year (self->editor, path, &error))
        gtk_label_set_text (self->status, error->message);
      else
        gtk_label_set_text (self->status, "");
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
last_year_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BdSectionView *self = BD_SECTION_VIEW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Last Year's Document"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget documents"));
  gtk_file_filter_add_suffix (filter, "budget");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_last_year_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_bd_section_view_class_actions_init (BdSectionViewClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "section.last-year", NULL, last_year_activated);
}
