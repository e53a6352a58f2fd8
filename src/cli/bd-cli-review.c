/* budgetdesk-cli review: every document of a folder checked, one report */

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "bd-cli.h"
#include "bd-review.h"

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  /* \r rewrites the one line; the reviewer sees it move, a log gets none. */
  g_printerr ("\r");
  g_printerr (_("Checked %u of %u"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static void
print_summary (GPtrArray *entries)
{
  guint by_status[4] = { 0 };

  for (guint i = 0; i < entries->len; i++)
    {
      const BdReviewEntry *entry = g_ptr_array_index (entries, i);

      by_status[entry->status]++;
      if (entry->status == BD_REVIEW_UNREADABLE)
        g_print ("%s: %s: %s\n", entry->file, bd_review_status_label (entry->status), entry->reason);
      else
        g_print (_("%s: %s %d年, %u errors, %u warnings\n"), entry->file, entry->department, entry->year,
                 entry->counts[BD_SEVERITY_ERROR], entry->counts[BD_SEVERITY_WARNING]);
    }
  g_print (_("%u files: %u with errors, %u with warnings only, %u clean, %u cannot be read\n"), entries->len,
           by_status[BD_REVIEW_ERRORS], by_status[BD_REVIEW_WARNINGS], by_status[BD_REVIEW_CLEAN],
           by_status[BD_REVIEW_UNREADABLE]);
}

int
bd_cli_review (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report as an Excel workbook"), N_("FILE.xlsx") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Files checked at a time (one a processor)"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  gboolean found = FALSE;

  if (!bd_cli_parse_options (&argc, &argv, _("FOLDER [-o REPORT.xlsx] [--json]"),
                             _("Checks every document under a folder (.budget, .md, .pdf, .xlsx). "
                                "Exit status: 0 no error, 1 errors or files that cannot be read, "
                                "2 the folder could not be reviewed."),
                             entries, 1) || jobs < 0)
    return BD_EXIT_FAILED;

  files = bd_review_list_files (argv[1], output, &error);
  if (files == NULL)
    return bd_cli_report_error (argv[1], error);
  reviewed = bd_review_files (argv[1], files, jobs, isatty (STDERR_FILENO) ? print_progress : NULL, NULL);

  if (output != NULL && !bd_review_write_xlsx (reviewed, output, &error))
    return bd_cli_report_error (NULL, error);
  if (json)
    {
      g_autofree char *text = bd_review_to_json (reviewed);
      g_print ("%s\n", text);
    }
  else
    print_summary (reviewed);

  for (guint i = 0; i < reviewed->len; i++)
    {
      const BdReviewEntry *entry = g_ptr_array_index (reviewed, i);
      found |= entry->status == BD_REVIEW_UNREADABLE || entry->status == BD_REVIEW_ERRORS;
    }
  return found ? BD_EXIT_FOUND_ERRORS : BD_EXIT_DONE;
}
