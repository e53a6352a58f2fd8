/* bd-workbook-reader.c: the cells of a spreadsheet workbook (xlsx, xls)
 *
 * Read by the module "workbook" (src/modules/bd-workbook-module.c), the one
 * part of BudgetDesk that links libgsf, libxml2 and libfreexl, opened the
 * first time a workbook is read (bd-module.h). */

#include "bd-module.h"
#include "bd-workbook-reader.h"

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
