/* bd-xlsx-file.h: a workbook written by libxlsxwriter, replacing its file
 * only once whole (the document's export and a review's report) */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* Adds the sheets to @workbook; returns the first libxlsxwriter call that
 * failed (LXW_NO_ERROR when all went in), and may set *@failure to say
 * where, in words (freed by the caller). */
typedef lxw_error (*BdXlsxFill) (lxw_workbook  *workbook,
                                 gpointer       user_data,
                                 char         **failure);

/* Writes the workbook @fill makes into a temporary file beside @path,
 * synced, then renamed over @path (bd-file-replace); any failure, a full
 * disk told by its errno, leaves the old file as it was. */
gboolean bd_xlsx_file_write (const char  *path,
                             BdXlsxFill   fill,
                             gpointer     user_data,
                             GError     **error);

G_END_DECLS
