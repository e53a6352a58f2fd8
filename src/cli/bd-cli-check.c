/* budgetdesk-cli validate and fix */

#include <glib/gi18n.h>
#include <stdio.h>

#include "bd-checker.h"
#include "bd-cli.h"
#include "bd-editor.h"
#include "bd-review.h"
#include "bd-store.h"

static void
print_findings (BdDocument *doc,
                GPtrArray  *findings)
{
  guint counts[3] = { 0 };
  int current_part = -1;

  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);

      if ((int) finding->part != current_part)
        {
          g_autofree char *title = bd_document_part_title (doc, finding->part);
          g_print ("%s%s\n", current_part == -1 ? "" : "\n", title);
          current_part = finding->part;
        }
      g_autofree char *source = bd_review_finding_source (doc, finding);

      g_print ("  %s  ", bd_severity_label (finding->severity));
      if (source != NULL)
        /* TRANSLATORS: before a finding of an imported document: where it
         * was read ("page 9: …", "line 120: …") */
        g_print (_("%s: "), source);
      g_print ("%s", finding->message);
      if (finding->expected != NULL && finding->actual != NULL)
        g_print (_(" (expected %s, found %s)"), finding->expected, finding->actual);
      g_print ("  [%s%s]\n", finding->rule, finding->fix.kind != BD_FIX_NONE ? _(", fixable") : "");
      counts[finding->severity]++;
    }

  if (findings->len > 0)
    g_print ("\n");
  g_print (_("%u errors, %u warnings, %u notes\n"), counts[BD_SEVERITY_ERROR], counts[BD_SEVERITY_WARNING],
           counts[BD_SEVERITY_INFO]);
}

/* --rule ID=SETTING or --threshold NAME=PERCENT, each a setting of the
 * document's rule profile (a threshold under its own name). */
static int
apply_settings (BdDocument  *doc,
                char       **values,
                gboolean     thresholds)
{
  for (guint i = 0; values && values[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (values[i], "=", 2);
      g_autoptr(GError) error = NULL;

      if (pair[1] == NULL || (thresholds && !bd_rules_threshold_lookup (pair[0], NULL)))
        {
          if (thresholds)
            g_printerr (_("budgetdesk-cli: --threshold takes reason-threshold=N or year-change-threshold=N, "
                          "not “%s”\n"), values[i]);
          else
            g_printerr (_("budgetdesk-cli: --rule takes ID=SETTING, not “%s”\n"), values[i]);
          return BD_EXIT_FAILED;
        }
      if (!bd_rule_profile_set (doc, pair[0], pair[1], &error))
        return bd_cli_report_error (NULL, error);
    }
  return BD_EXIT_DONE;
}

int
bd_cli_validate (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) disable = NULL;
  g_auto(GStrv) settings = NULL;
  g_auto(GStrv) thresholds = NULL;
  gboolean save = FALSE;
  g_autoptr(BdStore) store = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_STRING_ARRAY, &disable, N_("Do not run this rule (repeatable)"), N_("ID") },
    { "rule", 0, 0, G_OPTION_ARG_STRING_ARRAY, &settings,
      N_("Give a rule another severity, or switch it off or back to its own (repeatable)"),
      N_("ID=error|warning|info|off|default") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING_ARRAY, &thresholds,
      N_("Set a threshold in whole per cents: reason-threshold or year-change-threshold (repeatable)"),
      N_("NAME=PERCENT|default") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Store the --disable, --rule and --threshold settings in the document"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  int status;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget"),
                             _("Checks a document. Exit status: 0 no error, 1 errors found, "
                                "2 it could not be checked."),
                             entries, 1))
    return BD_EXIT_FAILED;

  if (save)
    {
      store = bd_store_open (argv[1], BD_STORE_OPEN_DEFAULT, &error);
      if (store == NULL || (doc = bd_store_load (store, &error)) == NULL)
        return bd_cli_report_error (NULL, error);
    }
  else if ((doc = bd_cli_open_document (argv[1], &error)) == NULL)
    return bd_cli_report_error (NULL, error);

  /* On top of the document's own profile: for this run, or kept with --save. */
  for (guint i = 0; disable && disable[i]; i++)
    if (!bd_rule_profile_set (doc, disable[i], "off", &error))
      return bd_cli_report_error (NULL, error);
  if ((status = apply_settings (doc, settings, FALSE)) != BD_EXIT_DONE
      || (status = apply_settings (doc, thresholds, TRUE)) != BD_EXIT_DONE)
    return status;
  if (store != NULL && !bd_store_save_header (store, doc, &error))
    return bd_cli_report_error (NULL, error);

  findings = bd_check_document (doc);
  if (json)
    {
      g_autofree char *text = bd_findings_to_json_with_profile (findings, doc);
      g_print ("%s\n", text);
    }
  else
    print_findings (doc, findings);
  return bd_findings_count (findings, BD_SEVERITY_ERROR) > 0 ? BD_EXIT_FOUND_ERRORS : BD_EXIT_DONE;
}

int
bd_cli_fix (int    argc,
            char **argv)
{
  g_autofree char *rule_id = NULL;
  GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_id, N_("Apply only the fixes of this rule"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  g_autoptr(GPtrArray) remaining = NULL;

  if (!bd_cli_parse_options (&argc, &argv, _("FILE.budget"),
                             _("Applies the fixes whose right value is certain, and says what changed."),
                             entries, 1))
    return BD_EXIT_FAILED;
  if (rule_id != NULL && bd_rule_lookup (rule_id) == NULL)
    {
      g_printerr (_("budgetdesk-cli: no rule “%s”\n"), rule_id);
      return BD_EXIT_FAILED;
    }

  if ((doc = bd_cli_load_store (argv[1], BD_STORE_OPEN_DEFAULT, &store, &error)) == NULL)
    return bd_cli_report_error (NULL, error);

  /* The window's 修正全部: the same fixes, stored as one change. */
  editor = bd_editor_new (doc, store);
  if (!bd_editor_fix_all (editor, rule_id, &fixed, &error))
    return bd_cli_report_error (NULL, error);
  for (guint i = 0; i < fixed->len; i++)
    g_print (_("Fixed: %s\n"), (const char *) g_ptr_array_index (fixed, i));

  remaining = bd_check_document (doc);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u change stored. ", "%u changes stored. ", fixed->len), fixed->len);
  print_findings (doc, remaining);
  return bd_findings_count (remaining, BD_SEVERITY_ERROR) > 0 ? BD_EXIT_FOUND_ERRORS : BD_EXIT_DONE;
}
