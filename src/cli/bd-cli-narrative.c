/* budgetdesk-cli narrative */

#include <glib/gi18n.h>

#include "bd-cli.h"
#include "bd-editor.h"
#include "bd-narrative.h"

int
bd_cli_narrative (int    argc,
                  char **argv)
{
  static const char * const sections[] = { "narrative", "other", "employees" };
  g_autofree char *last_year = NULL;
  GOptionEntry entries[] = {
    { "last-year", 0, 0, G_OPTION_ARG_FILENAME, &last_year,
      N_("Take last year's figures from last year's document of the department, and keep them"), N_("FILE.budget") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget"),
                             _("Prints the text sections written from the document's numbers."),
                             entries, 1))
    return BD_EXIT_FAILED;
  if (last_year != NULL)
    {
      g_autoptr(BdStore) store = NULL;
      g_autoptr(BdEditor) editor = NULL;

      if ((doc = bd_cli_load_store (argv[1], BD_STORE_OPEN_DEFAULT, &store, &error)) == NULL)
        return bd_cli_report_error (NULL, error);
      editor = bd_editor_new (doc, store);
      if (!bd_editor_take_last_year (editor, last_year, &error))
        return bd_cli_report_error (last_year, error);
    }
  else if ((doc = bd_cli_open_document (argv[1], &error)) == NULL)
    return bd_cli_report_error (NULL, error);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      BdSection *section = bd_document_get_section (doc, sections[s]);
      g_auto(GStrv) paragraphs = bd_narrative_generate (doc, sections[s]);

      if (section == NULL)
        continue;
      g_print ("%s%s\n", s ? "\n" : "", section->title);
      for (guint i = 0; paragraphs[i]; i++)
        g_print ("\n%s\n", paragraphs[i]);
    }
  return BD_EXIT_DONE;
}
