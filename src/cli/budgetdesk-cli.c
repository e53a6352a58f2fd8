/* budgetdesk-cli: the command-line tool over the BudgetDesk core */

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bd-cli.h"
#include "bd-csv-writer.h"
#include "bd-importer.h"
#include "bd-markdown-writer.h"
#include "bd-page-layout.h"
#include "bd-pdf-import.h"
#include "bd-store.h"
#include "bd-text-writer.h"
#include "bd-workbook-import.h"
#include "bd-xlsx-writer.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *arguments;
  const char  *summary;
  CommandFunc  run;
} Command;

int
bd_cli_report_error (const char *context,
                     GError     *error)
{
  if (context != NULL)
    g_printerr ("budgetdesk-cli: %s: %s\n", context, error->message);
  else
    g_printerr ("budgetdesk-cli: %s\n", error->message);
  return BD_EXIT_FAILED;
}

/* Tells on stderr where a journal that was not the document's was set aside. */
static void
warn_set_aside (BdStore *store)
{
  const char *set_aside = bd_store_get_set_aside (store);
  g_autofree char *name = NULL;
  g_autofree char *moved = NULL;

  if (set_aside == NULL)
    return;
  name = g_filename_display_name (bd_store_get_path (store));
  moved = g_filename_display_name (set_aside);
  g_printerr (_("budgetdesk-cli: warning: a journal beside “%s”, left by a program that stopped, does not "
                "belong to it: it was not applied, and was moved to “%s”.\n"), name, moved);
}

BdDocument *
bd_cli_load_store (const char        *path,
                   BdStoreOpenFlags   flags,
                   BdStore          **store,
                   GError           **error)
{
  *store = bd_store_open (path, flags, error);
  if (*store == NULL)
    return NULL;
  warn_set_aside (*store);
  return bd_store_load (*store, error);
}

BdDocument *
bd_cli_open_document (const char  *path,
                      GError     **error)
{
  g_autoptr(BdStore) store = NULL;

  /* A published PDF or text is read in memory: nothing is written. */
  if (bd_import_is_importable (path))
    return bd_import_any_file (path, error);
  return bd_cli_load_store (path, BD_STORE_OPEN_READ_ONLY, &store, error);
}

gboolean
bd_cli_parse_options (int                 *argc,
                      char              ***argv,
                      const char          *arguments,
                      const char          *summary,
                      const GOptionEntry  *entries,
                      int                  expected_arguments)
{
  g_autoptr(GOptionContext) context = g_option_context_new (arguments);
  g_autoptr(GError) error = NULL;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("budgetdesk-cli: %s\n", error->message);
      return FALSE;
    }
  if (*argc - 1 != expected_arguments)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

gboolean
bd_cli_parse_with_output (int          *argc,
                          char       ***argv,
                          const char   *arguments,
                          const char   *summary,
                          const char   *output_description,
                          char        **output,
                          const char   *missing)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, output, output_description, N_("FILE") },
    { NULL }
  };

  if (bd_cli_parse_options (argc, argv, arguments, summary, entries, 1) && *output != NULL)
    return TRUE;
  if (*output == NULL && *argc == 2)
    g_printerr ("%s", missing);
  return FALSE;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (!bd_cli_parse_with_output (&argc, &argv, _("PUBLISHED.pdf|PUBLISHED.md|BOOK.xlsx|BOOK.xls -o FILE.budget"),
                                 _("Reads a published budget and writes it as a BudgetDesk document."),
                                 N_("The document file to write"), &output,
                                 _("budgetdesk-cli: import needs -o FILE.budget\n")))
    return BD_EXIT_FAILED;

  doc = bd_workbook_is_workbook (argv[1]) ? bd_workbook_import_file (argv[1], &error)
                                           : bd_import_any_file (argv[1], &error);
  if (doc == NULL)
    return bd_cli_report_error (argv[1], error);
  if (!bd_store_save_as (doc, output, &error))
    return bd_cli_report_error (NULL, error);

  g_print (_("Imported %s %d年 (%u forms) into %s\n"), doc->department, doc->year, doc->projects->len, output);
  /* Said here, and kept in the file: validate X.budget reports them as validate X.pdf does. */
  for (guint i = 0; doc->import_notes != NULL && i < doc->import_notes->len; i++)
    {
      const BdImportNote *note = g_ptr_array_index (doc->import_notes, i);
      if (note->page != 0)
        g_print (_("  as printed, page %u: %s\n"), note->page, note->message);
      else
        g_print (_("  as printed: %s\n"), note->message);
    }
  return BD_EXIT_DONE;
}

static int
command_show (int    argc,
              char **argv)
{
  g_autofree char *section = NULL;
  GOptionEntry entries[] = {
    { "section", 's', 0, G_OPTION_ARG_STRING, &section,
      N_("1 … 9, functions, organisation, glossary, narrative, other, employees, performance or "
         "document (the default)"), N_("PART") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autofree char *text = NULL;
  BdPart part = BD_PART_DOCUMENT;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget"),
                             _("Prints a part of a document as aligned text."),
                             entries, 1))
    return BD_EXIT_FAILED;
  if (section != NULL && !bd_part_from_string (section, &part))
    {
      g_printerr (_("budgetdesk-cli: unknown section “%s”: expected 1 … 9, functions, organisation, glossary, "
                    "narrative, other, employees, performance or document\n"), section);
      return BD_EXIT_FAILED;
    }

  doc = bd_cli_open_document (argv[1], &error);
  if (doc == NULL)
    return bd_cli_report_error (NULL, error);
  text = bd_text_write_part (doc, part);
  fputs (text, stdout);
  return BD_EXIT_DONE;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autofree char *markdown = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the published pages as PDF (A4)"), N_("FILE.pdf") },
    { "md", 0, 0, G_OPTION_ARG_FILENAME, &markdown, N_("Write the published text form"), N_("FILE.md") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the schedules and forms as an Excel workbook, sums as formulas"), N_("FILE.xlsx") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write each schedule as a CSV file into a folder"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget --pdf OUT.pdf"),
                             _("Writes a document in another form."),
                             entries, 1))
    return BD_EXIT_FAILED;
  if (markdown == NULL && csv == NULL && pdf == NULL && xlsx == NULL)
    {
      g_printerr (_("budgetdesk-cli: export needs an output, such as --pdf OUT.pdf\n"));
      return BD_EXIT_FAILED;
    }

  if (pdf != NULL)
    bd_page_layout_prepare ();
  doc = bd_cli_open_document (argv[1], &error);
  if (doc == NULL)
    return bd_cli_report_error (NULL, error);
  if (markdown != NULL && !bd_markdown_write_file (doc, markdown, &error))
    return bd_cli_report_error (NULL, error);
  if (csv != NULL && !bd_csv_write_dir (doc, csv, &error))
    return bd_cli_report_error (NULL, error);
  if (xlsx != NULL && !bd_xlsx_write_file (doc, xlsx, &error))
    return bd_cli_report_error (NULL, error);
  if (pdf != NULL)
    {
      g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
      if (!bd_page_layout_write_pdf (layout, pdf, &error))
        return bd_cli_report_error (NULL, error);
    }
  return BD_EXIT_DONE;
}

/* One entry a command; a new command is a new entry and a file of its own. */
static const Command commands[] = {
  { "import", "PUBLISHED.md -o FILE.budget", N_("Read a published budget into a document file"), command_import },
  { "show", "FILE.budget [--section PART]", N_("Print a part of a document"), command_show },
  { "export", "FILE.budget --pdf|--xlsx|--csv|--md OUT", N_("Write a document in another form"), command_export },
  { "validate", "FILE.budget [--json]", N_("Check a document and list what disagrees"), bd_cli_validate },
  { "fix", "FILE.budget [--rule ID]", N_("Apply the fixes whose right value is certain"), bd_cli_fix },
  { "generate", "--rows N -o FILE.budget", N_("Write a synthetic document for benchmarks"), bd_cli_generate },
  { "narrative", "FILE.budget", N_("Print the text written from the numbers"), bd_cli_narrative },
  { "catalog", "import FILE.tsv|.csv", N_("Add a year's classification codes to the catalog"), bd_cli_catalog },
  { "review", "FOLDER [-o REPORT.xlsx] [--json]", N_("Check every document of a folder, in one report"), bd_cli_review },
  { "backups", "FILE.budget [--restore DAY -o NEW]", N_("List, keep or restore a document's daily copies"), bd_cli_backups },
  { "new-year", "LAST.budget -o NEXT.budget", N_("Start next year's document from last year's"), bd_cli_new_year },
  { "import-sheet", "FILE.budget BOOK.xlsx [--sheet NAME]", N_("Import one schedule of a workbook into a document"),
    bd_cli_import_sheet },
};

static int
usage (void)
{
  g_printerr (_("Usage: budgetdesk-cli COMMAND [OPTIONS]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-9s %-40s %s\n", commands[i].name, commands[i].arguments, _(commands[i].summary));
  g_printerr (_("\nRun “budgetdesk-cli COMMAND --help” for a command's options.\n"));
  return BD_EXIT_FAILED;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* BUDGETDESK_LOCALEDIR: the build folder's po/, when run uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BUDGETDESK_LOCALEDIR") ? g_getenv ("BUDGETDESK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("budgetdesk-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      usage ();
      return BD_EXIT_DONE;
    }
  g_printerr (_("budgetdesk-cli: unknown command “%s”\n"), argv[1]);
  return usage ();
}
