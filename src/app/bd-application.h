/* bd-application.h: BudgetDesk as a GtkApplication: opens documents (a
 * .budget, or a published text it imports), remembers recent ones, and on
 * first start opens the bundled example. */
#pragma once

#include <gtk/gtk.h>

#include "bd-window.h"

G_BEGIN_DECLS

#define BD_TYPE_APPLICATION (bd_application_get_type ())
G_DECLARE_FINAL_TYPE (BdApplication, bd_application, BD, APPLICATION, GtkApplication)

BdApplication *bd_application_new      (void);
/* Before gtk_init(): the window draws with cairo, without GL (unless the
 * environment asks for a renderer). */
void           bd_application_set_up_rendering (void);
/* Opens @path in a new window; FALSE with a message when it cannot. */
BdWindow      *bd_application_open_path (BdApplication  *self,
                                         const char     *path,
                                         GError        **error);
/* Reads a published PDF or text, or a workbook, into a window, in no file
 * until Save As. */
BdWindow      *bd_application_open_unsaved (BdApplication  *self,
                                            const char     *path,
                                            GError        **error);

G_END_DECLS
