/* bd-workbook-reader.h: the cells of a spreadsheet workbook (xlsx, xls)
 *
 * Only what an import reads: each sheet's name and its cells as text or
 * number, by position. xlsx is read with libgsf (the OOXML zip container)
 * and libxml2's stream reader; xls with libfreexl. A formula counts by its
 * cached result; one without a result is a cell with no value (has_value
 * FALSE) so the import can name it. The reading is a module of its own,
 * opened when first needed (bd-module.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BD_WORKBOOK_ERROR (bd_workbook_error_quark ())

typedef enum {
  BD_WORKBOOK_ERROR_FORMAT,     /* not a workbook, or a corrupt one */
  BD_WORKBOOK_ERROR_ENCRYPTED,  /* password-protected */
} BdWorkbookError;

GQuark bd_workbook_error_quark (void);

typedef struct {
  guint     row;        /* from 0 */
  guint     column;     /* from 0 */
  char     *text;       /* as shown: a number as its shortest decimal text */
  gboolean  is_number;  /* typed as a number (or a formula with a numeric result) */
  gboolean  is_formula_without_value;
} BdWorkbookCell;

typedef struct {
  char   *name;
  GArray *cells;        /* BdWorkbookCell, in reading order (row, then column) */
  guint   n_rows;
  guint   n_columns;
} BdWorkbookSheet;

typedef struct {
  GPtrArray *sheets;    /* BdWorkbookSheet* in the workbook's order */
} BdWorkbook;

BdWorkbook *bd_workbook_read        (const char  *path,
                                     GError     **error);
void        bd_workbook_free        (BdWorkbook  *book);
/* "A1"-style name of a cell, for messages. */
char       *bd_workbook_cell_name   (guint        row,
                                     guint        column);
/* Whether @path looks like a workbook by its name (.xlsx, .xls). */
gboolean    bd_workbook_is_workbook (const char  *path);

/* For the module that reads (exported to it by the programs, core_dep). */
BdWorkbook      *bd_workbook_new       (void);
BdWorkbookSheet *bd_workbook_add_sheet (BdWorkbook      *book,
                                        const char      *name);
void             bd_workbook_add_cell  (BdWorkbookSheet *sheet,
                                        BdWorkbookCell  *cell);

/* The module's one entry, BD_WORKBOOK_READ_SYMBOL, as bd_workbook_read (). */
typedef BdWorkbook *(*BdWorkbookReadFunc) (const char  *path,
                                           GError     **error);
#define BD_WORKBOOK_MODULE       "workbook"
#define BD_WORKBOOK_READ_SYMBOL  "bd_workbook_module_read"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdWorkbook, bd_workbook_free)

G_END_DECLS
