/* bd-sheet-import-dialog.h: one schedule of a workbook sheet into the open
 * document, previewed before it is applied as one undoable step */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_SHEET_IMPORT_DIALOG (bd_sheet_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BdSheetImportDialog, bd_sheet_import_dialog, BD, SHEET_IMPORT_DIALOG, GtkWindow)

/* Reads the workbook at @path and lists its sheets recognised as schedules,
 * the first one previewed; NULL, and why, when the workbook cannot be read
 * or no sheet of it is a schedule. */
GtkWidget  *bd_sheet_import_dialog_new         (GtkWindow            *parent,
                                                BdEditor             *editor,
                                                const char           *path,
                                                GError              **error);
/* For tests: the sheets listed ("3 支出预算总表 — 3. 部门支出预算总表"), the one
 * previewed, what the preview says, and the message of a refused sheet
 * ("" when none). */
GListModel *bd_sheet_import_dialog_get_sheets  (BdSheetImportDialog  *self);
void        bd_sheet_import_dialog_select      (BdSheetImportDialog  *self,
                                                guint                 position);
const char *bd_sheet_import_dialog_get_summary (BdSheetImportDialog  *self);
GListModel *bd_sheet_import_dialog_get_changes (BdSheetImportDialog  *self);
const char *bd_sheet_import_dialog_get_error   (BdSheetImportDialog  *self);
/* As the Import button: applies the preview, and closes on success. */
gboolean    bd_sheet_import_dialog_apply       (BdSheetImportDialog  *self);

G_END_DECLS
