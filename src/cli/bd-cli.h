/* bd-cli.h: what the commands of budgetdesk-cli share */
#pragma once

#include <glib.h>

#include "bd-document.h"
#include "bd-store.h"

G_BEGIN_DECLS

/* Exit status: 0 done, 1 done and errors were found (validate), 2 could not do it. */
enum {
  BD_EXIT_DONE = 0,
  BD_EXIT_FOUND_ERRORS = 1,
  BD_EXIT_FAILED = 2,
};

int         bd_cli_report_error  (const char      *context,
                                  GError          *error);
/* Opens a document file (@flags: to change it, or read-only), tells on
 * stderr where a journal that was not the document's was set aside, and
 * loads it; the store in *@store, NULL when it could not be opened. */
BdDocument *bd_cli_load_store    (const char      *path,
                                  BdStoreOpenFlags flags,
                                  BdStore        **store,
                                  GError         **error);
/* Opens a document file read-only and loads it. */
BdDocument *bd_cli_open_document (const char      *path,
                                  GError         **error);
/* Parses a command's options (@entries, NULL-terminated, or NULL for none),
 * its --help made of @arguments (the usage line after its name) and
 * @summary; FALSE, having said why, unless @expected_arguments positional
 * ones remain. */
gboolean    bd_cli_parse_options (int                 *argc,
                                  char              ***argv,
                                  const char          *arguments,
                                  const char          *summary,
                                  const GOptionEntry  *entries,
                                  int                  expected_arguments);
/* As bd_cli_parse_options() for a command whose one option is -o FILE
 * (@output_description, untranslated, its --help line) and one positional
 * argument; FALSE too when no -o set *@output, saying @missing (the
 * command's “needs -o”) when the argument was there and only -o was not. */
gboolean    bd_cli_parse_with_output (int          *argc,
                                      char       ***argv,
                                      const char   *arguments,
                                      const char   *summary,
                                      const char   *output_description,
                                      char        **output,
                                      const char   *missing);

/* The commands, one file each besides budgetdesk-cli.c's own. */
int bd_cli_validate (int argc, char **argv);
int bd_cli_fix      (int argc, char **argv);
int bd_cli_generate (int argc, char **argv);
int bd_cli_narrative (int argc, char **argv);
int bd_cli_catalog  (int argc, char **argv);
int bd_cli_review   (int argc, char **argv);
int bd_cli_backups  (int argc, char **argv);
int bd_cli_new_year (int argc, char **argv);
int bd_cli_import_sheet (int argc, char **argv);

G_END_DECLS
