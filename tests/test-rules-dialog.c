/* The rule profile from the window: the Rules… dialog (every rule with its
 * switch and severity) and a finding's context menu, each change stored in
 * the file at once, undoable, the findings panel and badges following.
 * Runs under xvfb-run with GSK_RENDERER=cairo. */

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bd-catalog.h"
#include "bd-rules-dialog.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"

typedef WindowFixture Fixture;

static BdRulesDialog *
open_rules_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rules", NULL));
  bd_test_spin (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (BD_IS_RULES_DIALOG (window))
        return BD_RULES_DIALOG (window);
    }
  g_assert_not_reached ();
}

/* The seed's findings (guide §5): schedule-1-expenditure and
 * schedule-4-expenditure, two errors each (类 208 and 212), and goal-count's
 * warning on the forms (section 六 declares 17 projects with goals). */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  BdRulesDialog *dialog = open_rules_dialog (f);
  g_autofree char *setting = NULL;
  g_autofree char *screenshot = NULL;

  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 5);
  g_assert_cmpstr (bd_window_get_badge (f->window, "performance"), ==, "1");
  /* Every rule has its row, on and at its own severity. */
  g_assert_true (gtk_switch_get_active (bd_rules_dialog_get_switch (dialog, "goal-count")));
  g_assert_cmpuint (gtk_drop_down_get_selected (bd_rules_dialog_get_severity (dialog, "goal-count")), ==,
                    BD_SEVERITY_WARNING);
  g_assert_cmpuint (gtk_drop_down_get_selected (bd_rules_dialog_get_severity (dialog, "as-printed")), ==,
                    BD_SEVERITY_WARNING);
  g_assert_cmpuint (gtk_drop_down_get_selected (bd_rules_dialog_get_severity (dialog, "code-not-in-catalog")), ==,
                    BD_SEVERITY_INFO);

  /* goal-count off: its warning goes, the forms' badge says ✓. */
  gtk_switch_set_active (bd_rules_dialog_get_switch (dialog, "goal-count"), FALSE);
  bd_test_spin (100);
  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 4);
  g_assert_cmpstr (bd_window_get_badge (f->window, "performance"), ==, "✓");
  setting = bd_test_stored_setting (f->path, "goal-count");
  g_assert_cmpstr (setting, ==, "off");
  g_clear_pointer (&setting, g_free);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (bd_rules_dialog_get_severity (dialog, "goal-count"))));

  /* schedule-4-expenditure's errors made warnings: schedule 4's badge still
   * counts 2, now warnings. */
  gtk_drop_down_set_selected (bd_rules_dialog_get_severity (dialog, "schedule-4-expenditure"), BD_SEVERITY_WARNING);
  bd_test_spin (100);
  g_assert_cmpuint (bd_findings_count (bd_editor_get_findings (f->editor), BD_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (bd_findings_count (bd_editor_get_findings (f->editor), BD_SEVERITY_WARNING), ==, 2);
  setting = bd_test_stored_setting (f->path, "schedule-4-expenditure");
  g_assert_cmpstr (setting, ==, "warning");
  g_clear_pointer (&setting, g_free);

  /* BD_SCREENSHOT_PAUSE=MS: time to take a screenshot of the window as it is now. */
  if ((screenshot = g_strdup (g_getenv ("BD_SCREENSHOT_PAUSE"))) != NULL)
    bd_test_spin (atoi (screenshot));

  /* Undone in the window: the dialog follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  bd_test_spin (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (bd_rules_dialog_get_severity (dialog, "schedule-4-expenditure")), ==,
                    BD_SEVERITY_ERROR);
  setting = bd_test_stored_setting (f->path, "schedule-4-expenditure");
  g_assert_null (setting);

  /* Restore All: every rule on again, goal-count's warning back. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), is_button_labelled,
                                          g_dgettext (GETTEXT_PACKAGE, "_Restore All")), "clicked");
  bd_test_spin (100);
  g_assert_true (gtk_switch_get_active (bd_rules_dialog_get_switch (dialog, "goal-count")));
  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 5);
  g_assert_cmpstr (bd_window_get_badge (f->window, "performance"), ==, "1");
  setting = bd_test_stored_setting (f->path, "goal-count");
  g_assert_null (setting);

  /* The thresholds, the machine's 10 % and 50 % (the schema's defaults)
   * until the document has its own: 12 % stored at once, undone. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (bd_rules_dialog_get_threshold (dialog, BD_THRESHOLD_REASON)), ==, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (bd_rules_dialog_get_threshold (dialog, BD_THRESHOLD_YEAR_CHANGE)),
                   ==, 50);
  gtk_spin_button_set_value (bd_rules_dialog_get_threshold (dialog, BD_THRESHOLD_REASON), 12);
  bd_test_spin (100);
  setting = bd_test_stored_setting (f->path, "reason-threshold");
  g_assert_cmpstr (setting, ==, "12");
  g_clear_pointer (&setting, g_free);
  g_assert_cmpuint (bd_rules_document_threshold (bd_editor_get_document (f->editor), BD_THRESHOLD_REASON), ==, 1200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  bd_test_spin (100);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (bd_rules_dialog_get_threshold (dialog, BD_THRESHOLD_REASON)), ==, 10);
  setting = bd_test_stored_setting (f->path, "reason-threshold");
  g_assert_null (setting);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* The finding menu just asked for, once shown (held on screen for
 * BD_SCREENSHOT_PAUSE milliseconds, to take a picture of it). */
static GtkWidget *
finding_menu_shown (Fixture *f)
{
  GtkWidget *popover;

  bd_test_spin (100);
  popover = find_of_type (GTK_WIDGET (f->window), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  if (g_getenv ("BD_SCREENSHOT_PAUSE") != NULL)
    bd_test_spin (atoi (g_getenv ("BD_SCREENSHOT_PAUSE")));
  return popover;
}

/* The target of item @index of @model's section @section as "(rule, setting)". */
static char *
menu_target (GMenuModel *model,
             int         section,
             int         index)
{
  g_autoptr(GMenuModel) items = g_menu_model_get_item_link (model, section, G_MENU_LINK_SECTION);
  g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (items ? items : model, index,
                                                                     G_MENU_ATTRIBUTE_TARGET, NULL);

  return target ? g_variant_print (target, FALSE) : NULL;
}

/* A right click on the first finding (schedule-1-expenditure, 208): its
 * rule off, or at another severity; the menu's action does it. */
static void
test_finding_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = bd_window_get_findings_list (f->window);
  GtkWidget *row = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 0));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  GtkWidget *popover;
  GMenuModel *menu;
  g_autofree char *off = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *setting = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 1, 20.0, 10.0);
    }
  popover = finding_menu_shown (f);
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  /* Section 0: off; section 1: the two other severities; section 2: all rules. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  off = menu_target (menu, 0, 0);
  g_assert_cmpstr (off, ==, "('schedule-1-expenditure', 'off')");
  warning = menu_target (menu, 1, 0);
  g_assert_cmpstr (warning, ==, "('schedule-1-expenditure', 'warning')");
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rule-setting", "(ss)",
                                             "schedule-1-expenditure", "off"));
  bd_test_spin (100);
  /* Schedule 1's two errors go; schedule 4's two and the warning stay. */
  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 3);
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "✓");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
  setting = bd_test_stored_setting (f->path, "schedule-1-expenditure");
  g_assert_cmpstr (setting, ==, "off");
}

/* The same menu from the keyboard: Shift+F10 or the Menu key on the
 * findings list (its shortcut, which runs win.finding-menu) opens it at the
 * focused finding, here the third (schedule-4-expenditure at 208, the
 * seed's schedule 4 error). */
static void
test_finding_menu_keys (Fixture       *f,
                        gconstpointer  data)
{
  GtkListBox *list = bd_window_get_findings_list (f->window);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
  gboolean bound = FALSE;
  GtkWidget *popover;
  g_autofree char *off = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GListModel) shortcuts = NULL;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = g_object_ref (G_LIST_MODEL (controller));
      for (guint k = 0; k < g_list_model_get_n_items (shortcuts); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          bound |= strcmp (trigger, "<Shift>F10|Menu") == 0 && strcmp (action, "action(win.finding-menu)") == 0;
        }
    }
  g_assert_true (bound);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  bd_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "win.finding-menu", NULL));
  popover = finding_menu_shown (f);
  off = menu_target (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), 0, 0);
  g_assert_cmpstr (off, ==, "('schedule-4-expenditure', 'off')");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A bureau's list of codes, imported from the window as `budgetdesk-cli
 * catalog import` does: 2080598 (under 20805 行政事业单位养老支出, in no
 * catalog shipped) is a note until the list that has it is imported. */
static void
test_import_catalog (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *list = g_build_filename (f->dir, "bureau.tsv", NULL);
  g_autofree char *kept = g_build_filename (g_get_user_data_dir (), "budgetdesk", "catalogs", "function.tsv", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */
  guint notes = 0;
  GPtrArray *findings;

  g_assert_true (bd_editor_add_row (f->editor, 2, "2080598", "区级专项科目", &error));
  g_assert_no_error (error);
  findings = bd_editor_get_findings (f->editor);
  for (guint i = 0; i < findings->len; i++)
    notes += strcmp (((BdFinding *) g_ptr_array_index (findings, i))->rule, "code-not-in-catalog") == 0;
  g_assert_cmpuint (notes, ==, 1);

  g_assert_true (g_file_set_contents (list, "科目编码\t科目名称\n2080598\t区级专项科目\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-catalog", "s", list));
  bd_test_spin (100);
  findings = bd_editor_get_findings (f->editor);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = ((BdFinding *) g_ptr_array_index (findings, i))->rule;
      g_assert_cmpstr (rule, !=, "code-not-in-catalog");
      g_assert_cmpstr (rule, !=, "code-name");
    }
  /* Kept beside the documents, for the command line and the next start. */
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_nonnull (bd_catalog_lookup (bd_catalog_get_default (), BD_CLASSIFICATION_FUNCTION, "2080598"));
  /* The window said how many codes it added. */
  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int    argc,
      char **argv)
{
  char *data_home;

  /* Imported lists go under XDG_DATA_HOME: a folder of the test's, not the user's. */
  data_home = g_dir_make_tmp ("bd-rules-dialog-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  bd_gtk_test_init (&argc, &argv);
  /* For a screenshot in Chinese: LANG=zh_CN.UTF-8 BUDGETDESK_LOCALEDIR=build/po. */
  bd_test_bind_translations (g_getenv ("BUDGETDESK_LOCALEDIR"));

  WINDOW_TEST ("/rules-dialog/dialog", test_dialog);
  WINDOW_TEST ("/rules-dialog/finding-menu", test_finding_menu);
  WINDOW_TEST ("/rules-dialog/finding-menu-keys", test_finding_menu_keys);
  WINDOW_TEST ("/rules-dialog/import-catalog", test_import_catalog);

  return bd_test_run_and_remove (data_home);
}
