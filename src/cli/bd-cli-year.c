/* budgetdesk-cli new-year */

#include <glib/gi18n.h>

#include "bd-cli.h"
#include "bd-new-year.h"
#include "bd-store.h"

int
bd_cli_new_year (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  guint to_review = 0, texts = 0;

  if (!bd_cli_parse_with_output (&argc, &argv, _("LAST.budget|LAST.pdf|LAST.md -o NEXT.budget"),
                                 _("Starts next year's document from last year's: the same rows, texts and "
                                    "forms, the figures cleared, last year's kept to compare with."),
                                 N_("The new year's document file to write"), &output,
                                 _("budgetdesk-cli: new-year needs -o NEXT.budget\n")))
    return BD_EXIT_FAILED;
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("budgetdesk-cli: %s already exists; new-year writes a new file\n"), output);
      return BD_EXIT_FAILED;
    }

  doc = bd_new_year_from_file (argv[1], &error);
  if (doc == NULL)
    return bd_cli_report_error (argv[1], error);
  if (!bd_store_save_as (doc, output, &error))
    return bd_cli_report_error (NULL, error);
  for (guint i = 0; i < doc->projects->len; i++)
    to_review += bd_new_year_form_to_review (g_ptr_array_index (doc->projects, i));
  for (guint i = 0; i < doc->sections->len; i++)
    texts += g_hash_table_size (((BdSection *) g_ptr_array_index (doc->sections, i))->to_review);
  g_print (_("Started %s %d年 from %d年 into %s: figures to fill in, %u forms and %u paragraphs to review\n"),
           doc->department, doc->year, doc->year - 1, output, to_review, texts);
  return BD_EXIT_DONE;
}
