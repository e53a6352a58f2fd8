#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the construct-only "editor" property (a BdEditor) that the window,
 * the form editor and an indicator row each take, stored in the instance
 * struct's BdEditor pointer at @editor_offset (G_STRUCT_OFFSET), which the
 * class's dispose clears. Sets the class's set_property (and, when
 * @readable, get_property): these classes have no other property. */
void bd_widget_install_editor_property (GObjectClass *object_class,
                                        gsize         editor_offset,
                                        gboolean      readable);

/* @path with ".@suffix" ("budget", "pdf") added when the clerk left it
 * off in a save dialog. */
char *bd_file_path_with_suffix (const char *path,
                                const char *suffix);

/* The local path a file chooser's @response chose, or NULL when the clerk
 * cancelled (or the file has no local path). */
char *bd_file_chooser_response_path (GtkNativeDialog *chooser,
                                     int              response);

/* Shows a chooser of one file to open, under @parent, listing the files
 * whose names end in one of @suffixes (NULL-terminated, without the dot)
 * as @filter_name; @on_response (GtkNativeDialog *, int, @user_data) gets
 * the answer and unrefs the chooser, which is returned. */
GtkFileChooserNative *bd_file_chooser_open (GtkWindow         *parent,
                                            const char        *title,
                                            const char        *accept,
                                            const char        *filter_name,
                                            const char *const *suffixes,
                                            GCallback          on_response,
                                            gpointer           user_data);

G_END_DECLS
