/* bd-rules-dialog.c: every rule of the checker with its switch and severity
 * in this document
 *
 * The list is the rule table itself (bd_rules), a row a rule; what the clerk
 * changes goes through the editor (bd_editor_set_rule_setting), so it is
 * stored at once, undone with Ctrl+Z, and the findings panel and badges
 * follow. The rows follow the editor in turn: an undo shows here too.
 */

#include <glib/gi18n.h>

#include "bd-rules-dialog.h"
#include "bd-widget-util.h"

struct _BdRulesDialog
{
  GtkWindow   parent_instance;

  BdEditor   *editor;
  GtkStringList *ids;       /* the list's model: one rule id a row, in the table's order */
  GtkWidget **switches;     /* per rule, as the rows are made */
  GtkWidget **severities;
  GtkWidget **states;
  gboolean    syncing;      /* the rows are being set from the document: not a change */
  GtkSpinButton *thresholds[BD_THRESHOLD_YEAR_CHANGE + 1];

  /* Template widgets */
  GtkBox     *threshold_box;
  GtkLabel   *explanation;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (BdRulesDialog, bd_rules_dialog, GTK_TYPE_WINDOW)

/* The severities in the order of the drop-down, which is BdSeverity's. */
static const char * const severity_settings[] = { "error", "warning", "info" };
static const char * const severity_labels[] = { N_("Error"), N_("Warning"), N_("Note"), NULL };

static guint
rule_index (const char *id)
{
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  return (guint) (bd_rule_lookup (id) - rules);
}

static void
sync_row (BdRulesDialog *self,
          guint          i)
{
  guint n_rules;
  const BdRule *rule = &bd_rules (&n_rules)[i];
  BdDocument *doc = bd_editor_get_document (self->editor);
  BdSeverity severity;
  gboolean on = bd_rule_profile_severity (doc, rule, &severity);
  const char *setting = bd_rule_profile_get (doc, rule->id);
  g_autofree char *state = NULL;

  if (self->switches[i] == NULL)
    return;
  gtk_switch_set_active (GTK_SWITCH (self->switches[i]), on);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->severities[i]), on ? (guint) severity : (guint) rule->severity);
  gtk_widget_set_sensitive (self->severities[i], on);
  if (setting == NULL)
    state = g_strdup (rule->id);
  else
    /* TRANSLATORS: a rule's id, then its own severity (Error, Warning, Note) */
    state = g_strdup_printf (_("%s · changed for this document (its own: %s)"), rule->id,
                             _(severity_labels[rule->severity]));
  gtk_label_set_text (GTK_LABEL (self->states[i]), state);
}

static void
sync_rows (BdRulesDialog *self)
{
  guint n_rules;
  BdDocument *doc = bd_editor_get_document (self->editor);

  bd_rules (&n_rules);
  self->syncing = TRUE;
  for (guint i = 0; i < n_rules; i++)
    sync_row (self, i);
  for (guint t = 0; t < G_N_ELEMENTS (self->thresholds); t++)
    if (self->thresholds[t] != NULL)
      gtk_spin_button_set_value (self->thresholds[t], bd_rules_document_threshold (doc, t) / 100);
  self->syncing = FALSE;
}

/* A threshold's spin button, to the document, as its own from then on
 * (Restore All gives it the machine's again). */
static void
on_threshold_changed (GtkSpinButton *spin,
                      BdRulesDialog *self)
{
  BdThreshold t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "threshold"));
  guint percent = (guint) gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  if (!bd_editor_set_threshold (self->editor, t, percent, &error))
    {
      gtk_label_set_text (self->explanation, error->message);
      sync_rows (self);
    }
}

/* Each threshold's label and spin button, in whole per cents, showing the
 * document's (the rows each showed theirs as they were made). */
static void
add_thresholds (BdRulesDialog *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);
  static const char * const labels[] = {
    [BD_THRESHOLD_REASON] = N_("A _reason is asked for a change of (%)"),
    [BD_THRESHOLD_YEAR_CHANGE] = N_("A 项 _moved against last year by more than (%)"),
  };

  for (guint t = 0; t < G_N_ELEMENTS (self->thresholds); t++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(labels[t]));
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 1000, 1);

      gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
      gtk_widget_set_tooltip_text (spin, bd_rules_threshold_name (t));
      self->thresholds[t] = GTK_SPIN_BUTTON (spin);
      g_object_set_data (G_OBJECT (spin), "threshold", GUINT_TO_POINTER (t));
      gtk_box_append (self->threshold_box, label);
      gtk_box_append (self->threshold_box, spin);
      gtk_spin_button_set_value (self->thresholds[t], bd_rules_document_threshold (doc, t) / 100);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_threshold_changed), self);
    }
}

/* What the row of rule @i now says, to the document. */
static void
on_row_changed (GtkWidget     *widget,
                GParamSpec    *pspec,
                BdRulesDialog *self)
{
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "rule-index"));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->severities[i]));
  const char *setting = "default";
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  if (!gtk_switch_get_active (GTK_SWITCH (self->switches[i])))
    setting = "off";
  else if (selected < G_N_ELEMENTS (severity_settings) && selected != (guint) rules[i].severity)
    setting = severity_settings[selected];
  if (!bd_editor_set_rule_setting (self->editor, rules[i].id, setting, &error))
    {
      gtk_label_set_text (self->explanation, error->message);
      sync_rows (self);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BdRulesDialog *self = user_data;
  guint i = rule_index (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  guint n_rules;
  const BdRule *rule = &bd_rules (&n_rules)[i];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *description = gtk_label_new (_(rule->description));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint s = 0; severity_labels[s] != NULL; s++)
    gtk_string_list_append (labels, _(severity_labels[s]));
  self->switches[i] = gtk_switch_new ();
  self->severities[i] = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  self->states[i] = gtk_label_new (NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switches[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(rule->description), -1);
  gtk_widget_set_valign (self->switches[i], GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->severities[i], GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->states[i]), 0);
  gtk_widget_add_css_class (self->states[i], "dim-label");
  gtk_widget_add_css_class (self->states[i], "caption");
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (words), description);
  gtk_box_append (GTK_BOX (words), self->states[i]);
  gtk_box_append (GTK_BOX (box), self->switches[i]);
  gtk_box_append (GTK_BOX (box), words);
  gtk_box_append (GTK_BOX (box), self->severities[i]);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->syncing = TRUE;
  sync_row (self, i);
  self->syncing = FALSE;
  g_object_set_data (G_OBJECT (self->switches[i]), "rule-index", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (self->severities[i]), "rule-index", GUINT_TO_POINTER (i));
  g_signal_connect (self->switches[i], "notify::active", G_CALLBACK (on_row_changed), self);
  g_signal_connect (self->severities[i], "notify::selected", G_CALLBACK (on_row_changed), self);
  return box;
}

static void
on_restore_clicked (BdRulesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!bd_editor_reset_rule_profile (self->editor, &error))
    gtk_label_set_text (self->explanation, error->message);
}

static void
bd_rules_dialog_constructed (GObject *object)
{
  BdRulesDialog *self = BD_RULES_DIALOG (object);
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  G_OBJECT_CLASS (bd_rules_dialog_parent_class)->constructed (object);

  self->switches = g_new0 (GtkWidget *, n_rules);
  self->severities = g_new0 (GtkWidget *, n_rules);
  self->states = g_new0 (GtkWidget *, n_rules);
  self->ids = gtk_string_list_new (NULL);
  for (guint i = 0; i < n_rules; i++)
    gtk_string_list_append (self->ids, rules[i].id);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->ids), create_row, self, NULL);
  add_thresholds (self);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
}

GtkSwitch *
bd_rules_dialog_get_switch (BdRulesDialog *self,
                            const char    *id)
{
  g_return_val_if_fail (BD_IS_RULES_DIALOG (self), NULL);
  g_return_val_if_fail (bd_rule_lookup (id) != NULL, NULL);
  return GTK_SWITCH (self->switches[rule_index (id)]);
}

GtkSpinButton *
bd_rules_dialog_get_threshold (BdRulesDialog *self,
                               BdThreshold    threshold)
{
  g_return_val_if_fail (BD_IS_RULES_DIALOG (self), NULL);
  g_return_val_if_fail (threshold < G_N_ELEMENTS (self->thresholds), NULL);
  return self->thresholds[threshold];
}

GtkDropDown *
bd_rules_dialog_get_severity (BdRulesDialog *self,
                              const char    *id)
{
  g_return_val_if_fail (BD_IS_RULES_DIALOG (self), NULL);
  g_return_val_if_fail (bd_rule_lookup (id) != NULL, NULL);
  return GTK_DROP_DOWN (self->severities[rule_index (id)]);
}

static void
bd_rules_dialog_dispose (GObject *object)
{
  BdRulesDialog *self = BD_RULES_DIALOG (object);

  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_RULES_DIALOG);
  G_OBJECT_CLASS (bd_rules_dialog_parent_class)->dispose (object);
}

static void
bd_rules_dialog_finalize (GObject *object)
{
  BdRulesDialog *self = BD_RULES_DIALOG (object);

  g_free (self->switches);
  g_free (self->severities);
  g_free (self->states);
  g_clear_object (&self->ids);
  G_OBJECT_CLASS (bd_rules_dialog_parent_class)->finalize (object);
}

static void
bd_rules_dialog_class_init (BdRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_rules_dialog_constructed;
  object_class->dispose = bd_rules_dialog_dispose;
  object_class->finalize = bd_rules_dialog_finalize;

  bd_widget_install_editor_property (object_class, G_STRUCT_OFFSET (BdRulesDialog, editor), TRUE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BdRulesDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, BdRulesDialog, threshold_box);
  gtk_widget_class_bind_template_child (widget_class, BdRulesDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bd_rules_dialog_init (BdRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bd_rules_dialog_new (GtkWindow *parent,
                     BdEditor  *editor)
{
  return g_object_new (BD_TYPE_RULES_DIALOG,
                       "transient-for", parent,
                       "editor", editor,
                       NULL);
}
