/* bd-xlsx-module.h: the module "xlsx", the writers of workbooks
 *
 * libxlsxwriter brings minizip and libcrypto: four thousand relocations
 * every start would pay for. The module holds the writers
 * (src/modules/bd-xlsx-export.c, bd-xlsx-review.c); it calls the core's
 * functions, which the programs export to it (--export-dynamic), and is
 * opened the first time a workbook is written (bd-module.h).
 */
#pragma once

#include <gmodule.h>

#include "bd-document.h"

G_BEGIN_DECLS

#define BD_XLSX_MODULE                  "xlsx"
#define BD_XLSX_WRITE_DOCUMENT_SYMBOL   "bd_xlsx_module_write_document"
#define BD_XLSX_WRITE_REVIEW_SYMBOL     "bd_xlsx_module_write_review"

/* As bd_xlsx_write_file () and bd_review_write_xlsx (). */
typedef gboolean (*BdXlsxWriteDocumentFunc) (BdDocument  *doc,
                                             const char  *path,
                                             GError     **error);
typedef gboolean (*BdXlsxWriteReviewFunc)   (GPtrArray   *entries,
                                             const char  *path,
                                             GError     **error);

G_MODULE_EXPORT gboolean bd_xlsx_module_write_document (BdDocument  *doc,
                                                        const char  *path,
                                                        GError     **error);
G_MODULE_EXPORT gboolean bd_xlsx_module_write_review   (GPtrArray   *entries,
                                                        const char  *path,
                                                        GError     **error);

G_END_DECLS
