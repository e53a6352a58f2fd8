/* budgetdesk: the window */

#include <glib/gi18n.h>
#include <locale.h>

#include "bd-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BdApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* BUDGETDESK_LOCALEDIR: the build folder's po/, when run uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BUDGETDESK_LOCALEDIR") ? g_getenv ("BUDGETDESK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  bd_application_set_up_rendering ();
  application = bd_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
