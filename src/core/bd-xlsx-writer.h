/* bd-xlsx-writer.h: the schedules as an Excel workbook (libxlsxwriter)
 *
 * One sheet per schedule with its title rows and merged headers as
 * published, amounts as numbers with thousands separators, and every sum
 * (合计 columns, 类/款 rows, totals) as a formula, so a clerk's edits in
 * Excel stay consistent; then one sheet per performance-goal form. */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* The file at @path is replaced only once the workbook is whole. */
gboolean bd_xlsx_write_file (BdDocument  *doc,
                             const char  *path,
                             GError     **error);

G_END_DECLS
