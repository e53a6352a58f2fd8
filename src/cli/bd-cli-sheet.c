/* bd-cli-sheet.c: budgetdesk-cli import-sheet, one schedule of a workbook
 * sheet into a document file, as the window's 从工作簿导入表… does */

#include <glib/gi18n.h>

#include "bd-cli.h"
#include "bd-sheet-import.h"
#include "bd-workbook-import.h"

/* The sheet named @name, or the only one recognised as a schedule. */
static BdWorkbookSheet *
choose_sheet (BdWorkbook  *book,
              const char  *path,
              const char  *name)
{
  BdWorkbookSheet *found = NULL;
  guint n_schedules = 0;

  for (guint i = 0; i < book->sheets->len; i++)
    {
      BdWorkbookSheet *sheet = g_ptr_array_index (book->sheets, i);

      if (name != NULL && g_strcmp0 (sheet->name, name) == 0)
        return sheet;
      if (name == NULL && bd_workbook_sheet_schedule (sheet) != 0)
        {
          found = sheet;
          n_schedules++;
        }
    }
  if (name != NULL)
    g_printerr (_("budgetdesk-cli: %s has no sheet “%s”\n"), path, name);
  else if (n_schedules != 1)
    {
      g_printerr (_("budgetdesk-cli: %s has %u sheets recognised as schedules; name one with --sheet:\n"), path,
                  n_schedules);
      for (guint i = 0; i < book->sheets->len; i++)
        {
          BdWorkbookSheet *sheet = g_ptr_array_index (book->sheets, i);
          guint number = bd_workbook_sheet_schedule (sheet);

          if (number != 0)
            g_printerr (_("  “%s”: schedule %u\n"), sheet->name, number);
        }
      return NULL;
    }
  return found;
}

int
bd_cli_import_sheet (int    argc,
                     char **argv)
{
  g_autofree char *name = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &name, N_("The sheet to import (by default the only schedule)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only say what would change"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdWorkbook) book = NULL;
  g_autoptr(BdSheetImport) import = NULL;
  g_autofree char *changes = NULL;
  BdWorkbookSheet *sheet;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget BOOK.xlsx|BOOK.xls"),
                             _("Imports one schedule of a workbook sheet into a document: the rows it "
                                "adds and the figures it changes, as one change; rows only in the "
                                "document are left as they are."),
                             entries, 2))
    return BD_EXIT_FAILED;

  if ((book = bd_workbook_read (argv[2], &error)) == NULL)
    return bd_cli_report_error (argv[2], error);
  if ((sheet = choose_sheet (book, argv[2], name)) == NULL)
    return BD_EXIT_FAILED;
  doc = bd_cli_load_store (argv[1], dry_run ? BD_STORE_OPEN_READ_ONLY : BD_STORE_OPEN_DEFAULT, &store, &error);
  if (doc == NULL)
    return bd_cli_report_error (NULL, error);
  if ((import = bd_sheet_import_new (doc, sheet, &error)) == NULL)
    return bd_cli_report_error (argv[2], error);

  changes = bd_sheet_import_describe (import);
  g_print ("%s", changes);
  if (!dry_run)
    {
      g_autoptr(BdEditor) editor = bd_editor_new (doc, store);

      if (!bd_sheet_import_apply (import, editor, &error))
        return bd_cli_report_error (NULL, error);
    }
  if (import->changes->len == 0)
    g_print (_("Schedule %u: the sheet gives its figures as the document has them; nothing to import.\n"),
             import->schedule);
  else
    g_print (dry_run ? _("Schedule %u: %u rows to add, %u figures to change (nothing stored).\n")
                     : _("Schedule %u: %u rows added, %u figures changed, stored as one change.\n"),
             import->schedule, bd_sheet_import_count (import, BD_SHEET_CHANGE_ROW_ADDED),
             bd_sheet_import_count (import, BD_SHEET_CHANGE_FIGURE));
  return BD_EXIT_DONE;
}
