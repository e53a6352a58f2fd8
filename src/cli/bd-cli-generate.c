/* budgetdesk-cli generate: synthetic documents for benchmarks */

#include <glib/gi18n.h>

#include "bd-cli.h"
#include "bd-generator.h"
#include "bd-store.h"

int
bd_cli_generate (int    argc,
                 char **argv)
{
  int rows = 10000;
  int seed = 1;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, N_("Function rows over schedules 2, 3 and 5 (10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the figures (1)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The document file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (!bd_cli_parse_options (&argc, &argv, _("--rows N -o FILE.budget"),
                             _("Writes a consistent synthetic document, for benchmarks."),
                             entries, 0))
    return BD_EXIT_FAILED;
  if (output == NULL || rows < 1)
    {
      g_printerr (_("budgetdesk-cli: generate needs --rows N (at least 1) and -o FILE.budget\n"));
      return BD_EXIT_FAILED;
    }

  doc = bd_generate_document (rows, seed);
  if (!bd_store_save_as (doc, output, &error))
    return bd_cli_report_error (NULL, error);
  return BD_EXIT_DONE;
}
