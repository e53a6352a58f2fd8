/* budgetdesk-cli backups: a document's dated copies, listed, made, restored */

#include <glib/gi18n.h>
#include <stdio.h>

#include "bd-backup.h"
#include "bd-cli.h"

static int
list_backups (const char *document,
              const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = bd_backup_list (document, folder, &error);

  if (backups == NULL)
    return bd_cli_report_error (folder, error);
  if (backups->len == 0)
    g_print (_("No copies of %s yet (they are kept in %s)\n"), document, folder);
  for (guint i = 0; i < backups->len; i++)
    {
      const BdBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *size = g_format_size (backup->size);
      g_print ("%s  %8s  %s\n", backup->date, size, backup->path);
    }
  return BD_EXIT_DONE;
}

int
bd_cli_backups (int    argc,
                char **argv)
{
  g_autofree char *restore = NULL;
  g_autofree char *output = NULL;
  gboolean now = FALSE;
  int keep = -1;
  GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_NONE, &now, N_("Keep today's copy, if there is none yet"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Copies kept with --now (the setting backup-count, 7)"), N_("N") },
    { "restore", 0, 0, G_OPTION_ARG_STRING, &restore, N_("Restore the copy of that day as a new document"),
      N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The new document a copy is restored as"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget [--now | --restore DAY -o NEW.budget]"),
                             _("Lists the dated copies of a document, the newest first. The window "
                                "keeps one the first time it opens a document each day."),
                             entries, 1))
    return BD_EXIT_FAILED;
  if ((restore != NULL) != (output != NULL) || (restore != NULL && now))
    {
      g_printerr (_("budgetdesk-cli: backups --restore DAY needs -o NEW.budget, and not --now\n"));
      return BD_EXIT_FAILED;
    }

  folder = bd_backup_folder (argv[1], NULL);
  if (now)
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autofree char *made = NULL;

      if (!bd_backup_daily (argv[1], folder, keep >= 0 ? (guint) keep : bd_backup_count_setting (), today, &made,
                            &error))
        return bd_cli_report_error (NULL, error);
      if (made != NULL)
        g_print (_("Kept %s\n"), made);
      else
        g_print (_("Today's copy was kept already\n"));
      return BD_EXIT_DONE;
    }
  if (restore != NULL)
    {
      g_autoptr(GPtrArray) backups = bd_backup_list (argv[1], folder, &error);
      BdBackup *backup = backups ? bd_backup_find (backups, restore) : NULL;

      if (backups == NULL)
        return bd_cli_report_error (folder, error);
      if (backup == NULL)
        {
          g_printerr (_("budgetdesk-cli: no copy of %s kept on %s\n"), argv[1], restore);
          return BD_EXIT_FAILED;
        }
      if (!bd_backup_restore (backup->path, output, &error))
        return bd_cli_report_error (NULL, error);
      g_print (_("Restored the copy of %s as %s\n"), restore, output);
      return BD_EXIT_DONE;
    }
  return list_backups (argv[1], folder);
}
