/* bd-workbook-reader.c: the cells of a spreadsheet workbook (xlsx, xls)
 *
 * Read by the module "workbook" (src/modules/bd-workbook-module.c), the one
 * part of BudgetDesk that links libgsf, libxml2 and libfreexl, opened the
 * first time a workbook is read (bd-module.h). It makes the sheets and
 * cells with the functions below, which the programs export to it. */

#include "bd-module.h"
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

char *
bd_workbook_cell_name (guint row,
                       guint column)
{
  char letters[8];
  int n = 0;
  GString *name = g_string_new (NULL);

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

gboolean
bd_workbook_is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xls");
}

BdWorkbook *
bd_workbook_read (const char  *path,
                  GError     **error)
{
  BdWorkbookReadFunc read;

  g_return_val_if_fail (path != NULL, NULL);

  read = bd_module_symbol (BD_WORKBOOK_MODULE, BD_WORKBOOK_READ_SYMBOL, error);
  return read != NULL ? read (path, error) : NULL;
}
