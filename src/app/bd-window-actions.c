/* bd-window-actions.c: what the window's buttons, menu and keys do
 * (win.undo, win.open, win.print, …), installed on the class. */

#include <glib/gi18n.h>

#include "bd-backup.h"
#include "bd-catalog.h"
#include "bd-backups-dialog.h"
#include "bd-print-operation.h"
#include "bd-store.h"
#include "bd-print-preview.h"
#include "bd-review-dialog.h"
#include "bd-rules-dialog.h"
#include "bd-widget-util.h"
#include "bd-window-private.h"

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  _bd_window_commit_pending (self);
  if (!bd_editor_undo (self->editor, &error) && error != NULL)
    bd_window_show_error (self, _("The change could not be undone"), error->message);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  _bd_window_commit_pending (self);
  if (!bd_editor_redo (self->editor, &error) && error != NULL)
    bd_window_show_error (self, _("The change could not be redone"), error->message);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  BdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  /* A workbook opens as a PDF does: a new document, unsaved until Save As. */
  static const char *const suffixes[] = { "budget", "md", "pdf", "xlsx", "xls", NULL };

  _bd_window_commit_pending (self);
  bd_file_chooser_open (GTK_WINDOW (self), _("Open a Document"), _("_Open"),
                        _("Budget documents, published budgets and workbooks"), suffixes,
                        G_CALLBACK (on_open_response), self);
}

/* A folder's review report (`budgetdesk-cli review --json`): its departments in a dialog. */
static void
on_open_review_response (GtkNativeDialog *dialog,
                         int              response,
                         BdWindow        *self)
{
  g_autofree char *path = bd_file_chooser_response_path (dialog, response);

  if (path != NULL)
    gtk_window_present (GTK_WINDOW (bd_review_dialog_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                          GTK_WINDOW (self), path)));
  g_object_unref (dialog);
}

static void
open_review_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  static const char *const suffixes[] = { "json", NULL };

  bd_file_chooser_open (GTK_WINDOW (widget), _("Open a Review Report"), _("_Open"),
                        _("Review reports (budgetdesk-cli review --json)"), suffixes,
                        G_CALLBACK (on_open_review_response), widget);
}

/* New document: a small dialog from ui/bd-new-document.ui asks the
 * department and the year, then where to save the file. */
typedef struct {
  BdWindow      *window;
  GtkWindow     *dialog;
  GtkEditable   *department;
  GtkSpinButton *year;
} NewDocument;

static void
on_new_save_response (GtkNativeDialog *chooser,
                      int              response,
                      NewDocument     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen_path = g_file_get_path (chosen);
      g_autofree char *path = bd_file_path_with_suffix (chosen_path, "budget");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(BdDocument) doc = bd_document_new_empty (gtk_editable_get_text (data->department),
                                                         gtk_spin_button_get_value_as_int (data->year));
      g_autoptr(GError) error = NULL;

      if (!bd_store_save_as (doc, path, &error))
        bd_window_show_error (data->window, _("The document could not be created"), error->message);
      else
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (data->window))), &file, 1, "");
    }
  g_object_unref (chooser);
  gtk_window_destroy (data->dialog);
}

static void
on_new_create (GtkButton   *button,
               NewDocument *data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (*gtk_editable_get_text (data->department) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (data->department));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save the New Document"), data->dialog,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  name = g_strdup_printf ("%s-%d.budget", gtk_editable_get_text (data->department),
                          gtk_spin_button_get_value_as_int (data->year));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_save_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/cn/budgetdesk/BudgetDesk/ui/bd-new-document.ui");
  NewDocument *data = g_new0 (NewDocument, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* The dialog lives on as a toplevel when the builder goes. */
  data->window = self;
  data->dialog = GTK_WINDOW (gtk_builder_get_object (builder, "dialog"));
  data->department = GTK_EDITABLE (gtk_builder_get_object (builder, "department"));
  data->year = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "year"));
  gtk_spin_button_set_value (data->year, g_date_time_get_year (now) + 1);
  gtk_window_set_transient_for (data->dialog, GTK_WINDOW (self));
  g_signal_connect (gtk_builder_get_object (builder, "create"), "clicked", G_CALLBACK (on_new_create), data);
  /* However it is closed, the dialog takes its data with it. */
  g_signal_connect_swapped (data->dialog, "destroy", G_CALLBACK (g_free), data);
  gtk_window_present (data->dialog);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               BdWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      bd_window_show_error (self, _("The document could not be printed"), error ? error->message : "");
    }
  else if (bd_print_operation_was_interrupted (BD_PRINT_OPERATION (operation)))
    bd_window_show_error (self, _("Printing was stopped"),
                          _("The document changed while its pages were being sent to the printer. Print it again."));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  g_autoptr(BdPrintOperation) operation = NULL;

  _bd_window_commit_pending (self);
  operation = bd_print_operation_new (self->editor);
  /* Printed from the preview, "current page" is the page it shows. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0)
    gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (operation),
                                          bd_print_preview_get_page (BD_PRINT_PREVIEW (gtk_stack_get_visible_child (self->stack))));
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  bd_print_operation_start (operation, GTK_WINDOW (self));
}

static void
show_findings_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->findings_list, 0);

  gtk_widget_set_visible (self->findings_panel, TRUE);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* The fix of the finding at the index given (its place in the editor's
 * findings, as the list shows them). */
static void
fix_finding_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;

  if (index < findings->len && !bd_editor_apply_fix (self->editor, g_ptr_array_index (findings, index), &error))
    gtk_label_set_text (self->findings_title, error->message);
}

gboolean
bd_window_save_as (BdWindow    *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *target = bd_file_path_with_suffix (path, "budget");
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!_bd_window_commit_pending (self))
    return TRUE;
  if (!bd_store_save_as (bd_editor_get_document (self->editor), target, error))
    return FALSE;
  self->discard_confirmed = TRUE;
  if (application != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (target);
      g_application_open (G_APPLICATION (application), &file, 1, "");
      gtk_window_close (GTK_WINDOW (self));
    }
  return TRUE;
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     BdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!bd_window_save_as (self, path, &error))
        bd_window_show_error (self, _("The document could not be saved"), error->message);
    }
  g_object_unref (chooser);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  BdDocument *doc = bd_editor_get_document (self->editor);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Document As"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s-%d.budget", doc->department, doc->year);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

enum { CLOSE_SAVE_AS = 1, CLOSE_DISCARD = 2 };

static void
on_confirm_close_response (GtkDialog *dialog,
                           int        response,
                           BdWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == CLOSE_SAVE_AS)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else if (response == CLOSE_DISCARD)
    {
      self->discard_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

void
_bd_window_confirm_close (BdWindow *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                              _("Save the document read from the PDF?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("It is not in any document file yet: closing without saving "
                                              "loses it and every change made to it."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Close _Without Saving"), CLOSE_DISCARD, _("_Save As…"), CLOSE_SAVE_AS, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), CLOSE_SAVE_AS);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 修正全部 (issue 14): every certain fix, one undoable change. */
static void
fix_all_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bd_editor_fix_all (self->editor, NULL, NULL, &error))
    gtk_label_set_text (self->findings_title, error->message);
}

static gboolean
any_fix (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (((BdFinding *) g_ptr_array_index (findings, i))->fix.kind != BD_FIX_NONE)
      return TRUE;
  return FALSE;
}

static void
backups_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  const char *document = bd_store_get_path (bd_editor_get_store (self->editor));
  g_autofree char *folder = bd_backup_folder (document, NULL);

  _bd_window_commit_pending (self);
  gtk_window_present (GTK_WINDOW (bd_backups_dialog_new (GTK_WINDOW (self), document, folder)));
}

/* The rule profile: every rule with its switch and severity (win.rules),
 * and one rule's setting from a finding's menu (win.rule-setting, (rule,
 * setting) as bd_editor_set_rule_setting takes them). */
static void
rules_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);

  _bd_window_commit_pending (self);
  gtk_window_present (GTK_WINDOW (bd_rules_dialog_new (GTK_WINDOW (self), self->editor)));
}

static void
rule_setting_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  const char *rule = NULL, *setting = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &rule, &setting);
  _bd_window_commit_pending (self);
  if (!bd_editor_set_rule_setting (self->editor, rule, setting, &error))
    bd_window_show_error (self, _("The rule's setting could not be changed"), error->message);
}

/* A finding's menu: its rule off, or reported at another severity. */
void
_bd_window_show_finding_menu (BdWindow      *self,
                              BdFindingItem *item,
                              GtkWidget     *widget,
                              double         x,
                              double         y)
{
  static const struct { BdSeverity severity; const char *setting; const char *label; } severities[] = {
    { BD_SEVERITY_ERROR, "error", N_("Report It as an Error") },
    { BD_SEVERITY_WARNING, "warning", N_("Report It as a Warning") },
    { BD_SEVERITY_INFO, "info", N_("Report It as a Note") },
  };
  const char *id = bd_finding_item_get_rule (item);
  const BdRule *rule = id ? bd_rule_lookup (id) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) severity = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();
  g_autoptr(GMenuItem) off = g_menu_item_new (_("Switch This Rule Off"), NULL);
  double px = 0, py = 0;

  if (rule == NULL)
    return;
  g_menu_item_set_action_and_target_value (off, "win.rule-setting", g_variant_new ("(ss)", id, "off"));
  g_menu_append_item (menu, off);
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (severities[i].severity != bd_finding_item_get_severity (item))
      {
        /* The rule's own severity is no setting of the document's: "default". */
        g_autoptr(GMenuItem) entry = g_menu_item_new (_(severities[i].label), NULL);
        const char *setting = severities[i].severity == rule->severity ? "default" : severities[i].setting;

        g_menu_item_set_action_and_target_value (entry, "win.rule-setting", g_variant_new ("(ss)", id, setting));
        g_menu_append_item (severity, entry);
      }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (severity));
  g_menu_append (all, _("All Rules…"), "win.rules");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));

  /* Made at the first menu asked for, not with every window. */
  if (self->finding_menu == NULL)
    {
      self->finding_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->finding_menu), FALSE);
      gtk_widget_set_halign (self->finding_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->finding_menu, self->findings_panel);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->finding_menu), G_MENU_MODEL (menu));
  gtk_widget_translate_coordinates (widget, self->findings_panel, x, y, &px, &py);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->finding_menu), &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->finding_menu));
}

/* Shift+F10 or the Menu key on a finding (the findings list's shortcut):
 * the menu a right click gives, at the focused finding's row, else at the
 * selected one. */
static void
finding_menu_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus == NULL ? NULL
                   : GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(BdFindingItem) item = NULL;
  GtkWidget *child;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->findings_list))
    row = (GtkWidget *) gtk_list_box_get_selected_row (self->findings_list);
  if (row == NULL || (child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))) == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->findings), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  if (item != NULL)
    _bd_window_show_finding_menu (self, item, child, 24, gtk_widget_get_height (child) / 2.0);
}

/* A bureau's own list of classification codes, as `budgetdesk-cli catalog
 * import` takes it: kept beside the documents, added to the catalog at once,
 * and the codes checked again. win.import-catalog "" asks for the file. */
static void
import_catalog (BdWindow   *self,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bd_catalog_user_dir ();
  g_autofree char *name = g_filename_display_basename (path);
  GtkWidget *dialog;
  guint n_codes = 0;

  if (!bd_catalog_import_file (path, NULL, &n_codes, &error))
    {
      bd_window_show_error (self, _("The classification list could not be imported"), error->message);
      return;
    }
  bd_catalog_add_user_lists (bd_catalog_get_default ());
  bd_editor_recheck (self->editor, BD_READS_ROWS);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                   g_dngettext (GETTEXT_PACKAGE, "%u code of “%s” added to the catalog",
                                                "%u codes of “%s” added to the catalog", n_codes), n_codes, name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Kept in %s for every document; the codes were checked again."), dir);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_catalog_response (GtkNativeDialog *chooser,
                            int              response,
                            BdWindow        *self)
{
  g_autofree char *path = bd_file_chooser_response_path (chooser, response);

  if (path != NULL)
    import_catalog (self, path);
  g_object_unref (chooser);
}

static void
import_catalog_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BdWindow *self = BD_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  static const char *const suffixes[] = { "tsv", "csv", NULL };

  if (*path != '\0')
    {
      import_catalog (self, path);
      return;
    }
  bd_file_chooser_open (GTK_WINDOW (self), _("Import a Classification List"), _("_Import"),
                        _("Lists of codes (code, name and first year; TSV or CSV)"), suffixes,
                        G_CALLBACK (on_import_catalog_response), self);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_bd_window_update_actions (BdWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", bd_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", bd_editor_can_redo (self->editor));
  /* Only a document read from a PDF has no file yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", bd_editor_get_store (self->editor) == NULL);
  /* Its daily copies come once it has a file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", bd_editor_get_store (self->editor) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fix-all", any_fix (bd_editor_get_findings (self->editor)));
}

void
_bd_window_class_actions_init (BdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.finding-menu", NULL, finding_menu_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-review", NULL, open_review_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.start-from", "s", _bd_window_start_from_activated);
  gtk_widget_class_install_action (widget_class, "win.import-sheet", NULL, _bd_window_import_sheet_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, show_findings_activated);
  gtk_widget_class_install_action (widget_class, "win.fix-finding", "u", fix_finding_activated);
  gtk_widget_class_install_action (widget_class, "win.fix-all", NULL, fix_all_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_activated);
  gtk_widget_class_install_action (widget_class, "win.rules", NULL, rules_activated);
  gtk_widget_class_install_action (widget_class, "win.import-catalog", "s", import_catalog_activated);
  gtk_widget_class_install_action (widget_class, "win.rule-setting", "(ss)", rule_setting_activated);
}
