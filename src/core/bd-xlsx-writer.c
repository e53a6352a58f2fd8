/* bd-xlsx-writer.c: the schedules as an Excel workbook, written by the
 * module "xlsx" (src/modules/bd-xlsx-export.c), the one part of BudgetDesk
 * that links libxlsxwriter (and through it minizip and libcrypto). */

#include "bd-module.h"
#include "bd-xlsx-module.h"
#include "bd-xlsx-writer.h"

gboolean
bd_xlsx_write_file (BdDocument  *doc,
                    const char  *path,
                    GError     **error)
{
  BdXlsxWriteDocumentFunc write;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);

  write = bd_module_symbol (BD_XLSX_MODULE, BD_XLSX_WRITE_DOCUMENT_SYMBOL, error);
  return write != NULL && write (doc, path, error);
}
