/* bd-backups-dialog.c: a document's daily copies, one restored as a new document */

#include <glib/gi18n.h>
#include <string.h>

#include "bd-backup.h"
#include "bd-backups-dialog.h"
#include "bd-widget-util.h"

struct _BdBackupsDialog
{
  GtkWindow   parent_instance;

  char       *document;
  char       *folder;
  GPtrArray  *backups;     /* BdBackup*, the newest first; the list's rows in order */
  GtkStringList *dates;    /* the model of the list: one date a copy */

  /* Template widgets */
  GtkLabel   *explanation;
  GtkListBox *list;
  GtkWidget  *restore_button;
};

G_DEFINE_FINAL_TYPE (BdBackupsDialog, bd_backups_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BdBackupsDialog *self = user_data;
  const char *date = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  BdBackup *backup = bd_backup_find (self->backups, date);
  g_autofree char *size = g_format_size (backup ? backup->size : 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *day = gtk_label_new (date);
  GtkWidget *bytes = gtk_label_new (size);

  gtk_widget_set_hexpand (day, TRUE);
  gtk_label_set_xalign (GTK_LABEL (day), 0);
  gtk_widget_add_css_class (bytes, "dim-label");
  gtk_box_append (GTK_BOX (box), day);
  gtk_box_append (GTK_BOX (box), bytes);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static const BdBackup *
selected_backup (BdBackupsDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL)
    return NULL;
  return g_ptr_array_index (self->backups, gtk_list_box_row_get_index (row));
}

static void
on_selection_changed (BdBackupsDialog *self)
{
  gtk_widget_set_sensitive (self->restore_button, selected_backup (self) != NULL);
}

static void
on_restore_response (GtkNativeDialog *chooser,
                     int              response,
                     BdBackupsDialog *self)
{
  const BdBackup *backup = selected_backup (self);

  if (response == GTK_RESPONSE_ACCEPT && backup != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen_path = g_file_get_path (chosen);
      g_autofree char *path = bd_file_path_with_suffix (chosen_path, "budget");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      GApplication *application = G_APPLICATION (gtk_window_get_application (parent));

      if (!bd_backup_restore (backup->path, path, &error))
        gtk_label_set_text (self->explanation, error->message);
      else
        {
          g_application_open (application, &file, 1, "");
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  g_object_unref (chooser);
}

static void
on_restore_clicked (BdBackupsDialog *self)
{
  const BdBackup *backup = selected_backup (self);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) document = g_file_new_for_path (self->document);
  g_autoptr(GFile) folder = g_file_get_parent (document);

  if (backup == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Restore as a New Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Restore"), _("_Cancel"));
  /* Beside the document, named after it and the day: never the document's own name. */
  base = g_path_get_basename (self->document);
  if (g_str_has_suffix (base, ".budget"))
    base[strlen (base) - strlen (".budget")] = '\0';
  name = g_strdup_printf (_("%s (copy of %s).budget"), base, backup->date);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_row_activated (BdBackupsDialog *self,
                  GtkListBoxRow   *row)
{
  on_restore_clicked (self);
}

static void
bd_backups_dialog_constructed (GObject *object)
{
  BdBackupsDialog *self = BD_BACKUPS_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (self->document);
  g_autofree char *text = NULL;

  G_OBJECT_CLASS (bd_backups_dialog_parent_class)->constructed (object);

  self->backups = bd_backup_list (self->document, self->folder, &error);
  if (self->backups == NULL)
    self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_backup_free);
  self->dates = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->backups->len; i++)
    gtk_string_list_append (self->dates, ((BdBackup *) g_ptr_array_index (self->backups, i))->date);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->dates), create_row, self, NULL);

  if (error != NULL)
    text = g_strdup (error->message);
  else
    text = g_strdup_printf (_("The first time “%s” is opened on a day, a copy of it as it was is kept; the latest "
                              "%u are kept. A copy is restored as a new document, never over one."),
                            name, bd_backup_count_setting ());
  gtk_label_set_text (self->explanation, text);
}

static void
bd_backups_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BdBackupsDialog *self = BD_BACKUPS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_backups_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BdBackupsDialog *self = BD_BACKUPS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_string (value);
      break;
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_backups_dialog_dispose (GObject *object)
{
  BdBackupsDialog *self = BD_BACKUPS_DIALOG (object);

  /* A list box being disposed unselects its row, after the button it would
   * make insensitive is gone: not a selection to answer. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_BACKUPS_DIALOG);
  G_OBJECT_CLASS (bd_backups_dialog_parent_class)->dispose (object);
}

static void
bd_backups_dialog_finalize (GObject *object)
{
  BdBackupsDialog *self = BD_BACKUPS_DIALOG (object);

  g_free (self->document);
  g_free (self->folder);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_object (&self->dates);
  G_OBJECT_CLASS (bd_backups_dialog_parent_class)->finalize (object);
}

static void
bd_backups_dialog_class_init (BdBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_backups_dialog_constructed;
  object_class->get_property = bd_backups_dialog_get_property;
  object_class->set_property = bd_backups_dialog_set_property;
  object_class->dispose = bd_backups_dialog_dispose;
  object_class->finalize = bd_backups_dialog_finalize;

  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-backups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BdBackupsDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, BdBackupsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, BdBackupsDialog, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bd_backups_dialog_init (BdBackupsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bd_backups_dialog_new (GtkWindow  *parent,
                       const char *document,
                       const char *folder)
{
  return g_object_new (BD_TYPE_BACKUPS_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       "folder", folder,
                       NULL);
}
