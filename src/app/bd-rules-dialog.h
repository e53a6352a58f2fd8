/* bd-rules-dialog.h: every rule of the checker with its switch and severity
 * in this document (the rule profile), each change one undoable edit */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_RULES_DIALOG (bd_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BdRulesDialog, bd_rules_dialog, BD, RULES_DIALOG, GtkWindow)

GtkWidget *bd_rules_dialog_new (GtkWindow *parent,
                                BdEditor  *editor);
/* The switch and the severity list of rule @id (tests). */
GtkSwitch   *bd_rules_dialog_get_switch   (BdRulesDialog *self,
                                           const char    *id);
GtkDropDown *bd_rules_dialog_get_severity (BdRulesDialog *self,
                                           const char    *id);
/* The spin button of @threshold, in whole per cents (tests). */
GtkSpinButton *bd_rules_dialog_get_threshold (BdRulesDialog *self,
                                              BdThreshold    threshold);

G_END_DECLS
