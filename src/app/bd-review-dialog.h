/* bd-review-dialog.h: a folder's review report (as `budgetdesk-cli review
 * --json` writes it), one row a department; a row opens its document */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BD_TYPE_REVIEW_DIALOG (bd_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BdReviewDialog, bd_review_dialog, BD, REVIEW_DIALOG, GtkWindow)

/* Reads @report (JSON); a report that cannot be read says why in the dialog.
 * The documents open in windows of @application (a BdApplication). */
GtkWidget  *bd_review_dialog_new      (GtkApplication *application,
                                       GtkWindow      *parent,
                                       const char     *report);
/* The files of the report, in its order (the worst first): the rows' model. */
GListModel *bd_review_dialog_get_files (BdReviewDialog *self);
GtkListBox *bd_review_dialog_get_list (BdReviewDialog *self);
/* Opens the document of row @index with its findings showing, as activating
 * the row does; NULL with @error when it cannot be read (or was unreadable). */
GtkWindow  *bd_review_dialog_open     (BdReviewDialog *self,
                                       guint           index,
                                       GError        **error);

G_END_DECLS
