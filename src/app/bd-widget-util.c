/* What the app's widgets share: one "editor" property for the views that
 * take their BdEditor at construction, instead of the same set/get_property
 * written in each; the file a file chooser's answer names. */

#include <glib/gi18n.h>

#include "bd-widget-util.h"

#include "bd-editor.h"

enum { PROP_0, PROP_EDITOR };

static GQuark
editor_offset_quark (void)
{
  return g_quark_from_static_string ("bd-widget-editor-offset");
}

/* The pspec's owner is the class that installed the property, whatever
 * subclass the object is. */
static BdEditor **
editor_slot (GObject    *object,
             GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, editor_offset_quark ()));

  return &G_STRUCT_MEMBER (BdEditor *, object, offset);
}

static void
editor_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  if (prop_id == PROP_EDITOR)
    *editor_slot (object, pspec) = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
editor_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  if (prop_id == PROP_EDITOR)
    g_value_set_object (value, *editor_slot (object, pspec));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
bd_widget_install_editor_property (GObjectClass *object_class,
                                   gsize         editor_offset,
                                   gboolean      readable)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));

  /* Offset 0 is the parent instance, never the editor: 0 means unset. */
  g_return_if_fail (editor_offset > 0);
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), editor_offset_quark (),
                    GSIZE_TO_POINTER (editor_offset));
  object_class->set_property = editor_set_property;
  if (readable)
    object_class->get_property = editor_get_property;
  g_object_class_install_property (object_class, PROP_EDITOR,
    g_param_spec_object ("editor", NULL, NULL, BD_TYPE_EDITOR,
                         (readable ? G_PARAM_READWRITE : G_PARAM_WRITABLE)
                         | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

char *
bd_file_path_with_suffix (const char *path,
                          const char *suffix)
{
  g_autofree char *dotted = NULL;

  g_return_val_if_fail (path != NULL && suffix != NULL, NULL);

  dotted = g_strconcat (".", suffix, NULL);
  return g_str_has_suffix (path, dotted) ? g_strdup (path) : g_strconcat (path, dotted, NULL);
}

char *
bd_file_chooser_response_path (GtkNativeDialog *chooser,
                               int              response)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file ? g_file_get_path (file) : NULL;
}

GtkFileChooserNative *
bd_file_chooser_open (GtkWindow         *parent,
                      const char        *title,
                      const char        *accept,
                      const char        *filter_name,
                      const char *const *suffixes,
                      GCallback          on_response,
                      gpointer           user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", on_response, user_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}
