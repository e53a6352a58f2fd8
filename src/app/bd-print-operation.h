/* bd-print-operation.h: printing the published pages through the print
 * dialog, on the paper it chooses, each landscape page turned. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_PRINT_OPERATION (bd_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (BdPrintOperation, bd_print_operation, BD, PRINT_OPERATION, GtkPrintOperation)

/* Lays the editor's document out when printing begins, on the paper chosen
 * then; starts from the settings of the last print of the session (A4 at
 * first). */
BdPrintOperation *bd_print_operation_new             (BdEditor         *editor);
/* Shows the print dialog and prints without blocking; "done" says how it went. */
void              bd_print_operation_start           (BdPrintOperation *self,
                                                      GtkWindow        *parent);
/* The document changed while its pages were being sent: the print was
 * cancelled rather than mix two versions. */
gboolean          bd_print_operation_was_interrupted (BdPrintOperation *self);

G_END_DECLS
