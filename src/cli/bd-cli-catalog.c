/* budgetdesk-cli catalog: the classification lists a clerk or a bureau brings */

#include <glib/gi18n.h>

#include "bd-catalog.h"
#include "bd-cli.h"

int
bd_cli_catalog (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bd_catalog_user_dir ();
  guint n_codes = 0;

  if (!bd_cli_parse_options (&argc, &argv, _("import FILE.tsv|FILE.csv"),
                             _("Adds a year's list of classification codes (code, name and "
                                "optionally the first year valid, one a line) to the catalog "
                                "BudgetDesk checks documents against."),
                             NULL, 2))
    return BD_EXIT_FAILED;
  if (strcmp (argv[1], "import") != 0)
    {
      g_printerr (_("budgetdesk-cli catalog: unknown action “%s”\n"), argv[1]);
      return BD_EXIT_FAILED;
    }
  if (!bd_catalog_import_file (argv[2], NULL, &n_codes, &error))
    return bd_cli_report_error (argv[2], error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u code added to the catalog in %s\n",
                        "%u codes added to the catalog in %s\n", n_codes), n_codes, dir);
  return BD_EXIT_DONE;
}
