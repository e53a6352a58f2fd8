/* bd-workbook-cells.c: a workbook's sheets and cells as read
 *
 * Built into the core and into the module "workbook" that reads them
 * (src/modules/bd-workbook-module.c): what one makes, the other frees. */

#include "bd-workbook-reader.h"

G_DEFINE_QUARK (bd-workbook-error-quark, bd_workbook_error)

static void
sheet_free (BdWorkbookSheet *sheet)
{
  for (guint i = 0; i < sheet->cells->len; i++)
    g_free (g_array_index (sheet->cells, BdWorkbookCell, i).text);
  g_array_unref (sheet->cells);
  g_free (sheet->name);
  g_free (sheet);
}

void
bd_workbook_free (BdWorkbook *book)
{
  if (book == NULL)
    return;
  g_ptr_array_unref (book->sheets);
  g_free (book);
}

BdWorkbook *
bd_workbook_new (void)
{
  BdWorkbook *book = g_new0 (BdWorkbook, 1);

  book->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  return book;
}

BdWorkbookSheet *
bd_workbook_add_sheet (BdWorkbook *book,
                       const char *name)
{
  BdWorkbookSheet *sheet = g_new0 (BdWorkbookSheet, 1);

  sheet->name = g_strdup (name);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (BdWorkbookCell));
  g_ptr_array_add (book->sheets, sheet);
  return sheet;
}

void
bd_workbook_add_cell (BdWorkbookSheet *sheet,
                      BdWorkbookCell  *cell)
{
  g_array_append_vals (sheet->cells, cell, 1);
  sheet->n_rows = MAX (sheet->n_rows, cell->row + 1);
  sheet->n_columns = MAX (sheet->n_columns, cell->column + 1);
}
