/* bd-backups-dialog.h: a document's daily copies, one restored as a new document */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BD_TYPE_BACKUPS_DIALOG (bd_backups_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BdBackupsDialog, bd_backups_dialog, BD, BACKUPS_DIALOG, GtkWindow)

/* Lists the copies of @document kept in @folder; a copy restored is opened
 * in a window of @parent's application. */
GtkWidget *bd_backups_dialog_new (GtkWindow  *parent,
                                  const char *document,
                                  const char *folder);

G_END_DECLS
