#include <glib/gi18n.h>

#include "bd-indicator-row.h"
#include "bd-widget-util.h"

#define QUALITATIVE "定性"

struct _BdIndicatorRow
{
  GtkWidget    parent_instance;

  BdEditor    *editor;
  guint        project;
  guint        position;
  gboolean     bound;
  gboolean     binding;        /* while the widgets are set from the document */
  gboolean     refused;        /* the label shows why a value was refused */
  /* What each field showed from the document: one whose text differs holds
   * what the clerk typed and has not stored yet. */
  char        *shown_name;
  char        *shown_op;
  char        *shown_value;
  char        *shown_unit;

  GtkDropDown *level1;
  GtkDropDown *level2;
  GtkEntry    *name;
  GtkDropDown *op;
  GtkEntry    *value;
  GtkEntry    *unit;
  GtkWidget   *tools;
  GtkButton   *up;
  GtkButton   *down;
  GtkButton   *remove;
  GtkLabel    *finding;
};


G_DEFINE_FINAL_TYPE (BdIndicatorRow, bd_indicator_row, GTK_TYPE_WIDGET)

static BdIndicator *
get_indicator (BdIndicatorRow *self)
{
  GPtrArray *projects = bd_editor_get_document (self->editor)->projects;
  BdProject *project;

  if (!self->bound || self->project >= projects->len)
    return NULL;
  project = g_ptr_array_index (projects, self->project);
  return self->position < project->indicators->len ? g_ptr_array_index (project->indicators, self->position) : NULL;
}

static const char *
drop_down_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  return item ? gtk_string_object_get_string (item) : "";
}

static void
drop_down_select (GtkDropDown *dropdown,
                  const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, GTK_INVALID_LIST_POSITION);
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
show_text (GtkEntry    *entry,
           char       **shown,
           const char  *text)
{
  if (g_strcmp0 (text_of (entry), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_free (*shown);
  *shown = g_strdup (text);
}

static gboolean
name_dirty (BdIndicatorRow *self)
{
  return g_strcmp0 (text_of (self->name), self->shown_name) != 0;
}

static gboolean
target_dirty (BdIndicatorRow *self)
{
  return g_strcmp0 (drop_down_text (self->op), self->shown_op) != 0
         || g_strcmp0 (text_of (self->value), self->shown_value) != 0
         || g_strcmp0 (text_of (self->unit), self->shown_unit) != 0;
}

static void
show_error (BdIndicatorRow *self,
            GtkEntry       *entry,
            const GError   *error)
{
  if (entry != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  bd_indicator_row_set_finding (self, error->message);
  self->refused = TRUE;
}

/* "≤4630048.00(元)" into its parts; a qualitative target is its words. */
static void
split_target (const char  *target,
              char       **op,
              char       **value,
              char       **unit)
{
  static GRegex *quantitative = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&quantitative))
    g_once_init_leave (&quantitative, g_regex_new ("^(=|≥|≤|>|<)([0-9.]+)\\((.*)\\)$", 0, 0, NULL));
  if (target && g_regex_match (quantitative, target, 0, &match))
    {
      *op = g_match_info_fetch (match, 1);
      *value = g_match_info_fetch (match, 2);
      *unit = g_match_info_fetch (match, 3);
    }
  else
    {
      *op = g_strdup (QUALITATIVE);
      *value = g_strdup (target ? target : "");
      *unit = g_strdup ("");
    }
}

/* The target from its parts: "≥120.00(%)"; a quantitative one needs its
 * unit, or the checker could not tell 120 % from 120 人. */
static char *
compose_target (BdIndicatorRow  *self,
                GtkEntry       **wrong,
                GError         **error)
{
  const char *op = drop_down_text (self->op);
  g_autofree char *value = g_strstrip (g_strdup (text_of (self->value)));
  g_autofree char *unit = g_strstrip (g_strdup (text_of (self->unit)));
  g_autofree char *number = NULL;
  gint64 hundredths;

  if (strcmp (op, QUALITATIVE) == 0)
    return g_steal_pointer (&value);
  *wrong = self->value;
  if (!bd_money_parse (value, BD_UNIT_YUAN, &hundredths, error))
    return NULL;
  if (*unit == '\0')
    {
      *wrong = self->unit;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Type the unit of the target (人, %%, 元, 万件 …), or choose 定性 for a target in words."));
      return NULL;
    }
  number = bd_money_format_plain (hundredths);
  return g_strdup_printf ("%s%s(%s)", op, number, unit);
}

static void
update_unit_sensitivity (BdIndicatorRow *self)
{
  gboolean quantitative = strcmp (drop_down_text (self->op), QUALITATIVE) != 0;

  /* GTK 4.8 leaves a focused entry made insensitive thinking it still has
   * the focus: the focus goes to the figure first. */
  if (!quantitative && gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->unit)))))
    gtk_widget_grab_focus (GTK_WIDGET (self->value));
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit), quantitative);
}

static void
clear_errors (BdIndicatorRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->unit), "error");
  if (self->refused)
    bd_indicator_row_set_finding (self, NULL);
}

static void
swap_shown (char **shown,
            char **saved)
{
  char *swap = *shown;

  *shown = *saved;
  *saved = swap;
}

/* Stored: what the fields show is marked as shown before the editor is
 * asked, so that the refresh the change brings does not take it for typing;
 * a refusal marks it typed again. Only the part stored (the name, or the
 * target's three fields) is marked. */
static gboolean
store (BdIndicatorRow *self,
       const char     *name,
       const char     *target,
       GtkEntry       *entry)
{
  char **shown[] = { &self->shown_name, &self->shown_op, &self->shown_value, &self->shown_unit };
  char *saved[] = { g_strdup (text_of (self->name)), g_strdup (drop_down_text (self->op)),
                    g_strdup (text_of (self->value)), g_strdup (text_of (self->unit)) };
  guint first = name != NULL ? 0 : 1, last = name != NULL ? 1 : G_N_ELEMENTS (shown);
  g_autoptr(GError) error = NULL;
  gboolean stored;

  for (guint i = first; i < last; i++)
    swap_shown (shown[i], &saved[i]);
  stored = bd_editor_set_indicator (self->editor, self->project, self->position, NULL, NULL, name, target, &error);
  for (guint i = first; i < last && !stored; i++)
    swap_shown (shown[i], &saved[i]);
  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    g_free (saved[i]);
  if (!stored)
    {
      show_error (self, entry, error);
      return FALSE;
    }
  clear_errors (self);
  /* The stored value as the document holds it (120 shows as 120.00), also
   * when it did not change. */
  bd_indicator_row_bind (self, self->project, self->position);
  return TRUE;
}

static gboolean
commit_name (BdIndicatorRow *self)
{
  if (!self->bound || self->binding || !name_dirty (self) || get_indicator (self) == NULL)
    return TRUE;
  return store (self, text_of (self->name), NULL, self->name);
}

static gboolean
commit_target (BdIndicatorRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  GtkEntry *wrong = NULL;

  if (!self->bound || self->binding || !target_dirty (self) || get_indicator (self) == NULL)
    return TRUE;
  if ((target = compose_target (self, &wrong, &error)) == NULL)
    {
      show_error (self, wrong, error);
      return FALSE;
    }
  return store (self, NULL, target, wrong);
}

gboolean
bd_indicator_row_commit (BdIndicatorRow *self)
{
  g_return_val_if_fail (BD_IS_INDICATOR_ROW (self), FALSE);

  return commit_name (self) & commit_target (self);
}

static void
on_name_commit (BdIndicatorRow *self)
{
  commit_name (self);
}

static void
on_target_commit (BdIndicatorRow *self)
{
  commit_target (self);
}

static void
on_op_changed (BdIndicatorRow *self)
{
  if (self->binding)
    return;
  update_unit_sensitivity (self);
  commit_target (self);
}

static void
set_levels (BdIndicatorRow *self,
            const char     *level1,
            const char     *level2)
{
  g_autoptr(GError) error = NULL;

  if (!bd_editor_set_indicator (self->editor, self->project, self->position, level1, level2, NULL, NULL, &error))
    show_error (self, NULL, error);
}

static void
on_level1_changed (BdIndicatorRow *self)
{
  BdFramework framework = bd_editor_get_document (self->editor)->framework;
  const char *level1 = drop_down_text (self->level1);

  if (self->binding || !self->bound)
    return;
  /* A new 一级 takes its first 二级. */
  for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++)
    if (strcmp (entry->level1, level1) == 0)
      {
        set_levels (self, level1, entry->level2);
        return;
      }
}

static void
on_level2_changed (BdIndicatorRow *self)
{
  if (!self->binding && self->bound)
    set_levels (self, drop_down_text (self->level1), drop_down_text (self->level2));
}

/* Offers @items and selects @current; a @current the framework lacks (a
 * form written for the other framework) is offered too, so that it shows
 * as it is rather than as a blank. The list is made again only when it
 * changes, so that a refresh keeps an open list. */
static void
offer (GtkDropDown *dropdown,
       GPtrArray   *items,
       const char  *current)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  gboolean same;

  if (current != NULL && *current && !g_ptr_array_find_with_equal_func (items, current, g_str_equal, NULL))
    g_ptr_array_add (items, (gpointer) current);
  same = model != NULL && g_list_model_get_n_items (model) == items->len;
  for (guint i = 0; same && i < items->len; i++)
    same = strcmp (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (items, i)) == 0;
  if (!same)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
      for (guint i = 0; i < items->len; i++)
        gtk_string_list_append (list, g_ptr_array_index (items, i));
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
    }
  drop_down_select (dropdown, current);
}

/* The 一级 and 二级 the framework has, the indicator's among them. */
static void
bind_levels (BdIndicatorRow    *self,
             BdFramework        framework,
             const BdIndicator *indicator)
{
  g_autoptr(GPtrArray) level1s = g_ptr_array_new ();
  g_autoptr(GPtrArray) level2s = g_ptr_array_new ();
  const char *suggestion = NULL, *units = NULL;

  for (const char * const *level1 = bd_framework_level1 (framework); *level1; level1++)
    g_ptr_array_add (level1s, (gpointer) *level1);
  for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++)
    if (g_strcmp0 (entry->level1, indicator->level1) == 0)
      g_ptr_array_add (level2s, (gpointer) entry->level2);
  offer (self->level1, level1s, indicator->level1);
  offer (self->level2, level2s, indicator->level2);

  for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++)
    if (g_strcmp0 (entry->level1, indicator->level1) == 0 && g_strcmp0 (entry->level2, indicator->level2) == 0)
      suggestion = entry->suggested_indicators, units = entry->suggested_units;
  {
    g_autofree char *hint = suggestion ? g_strdup_printf (_("such as %s"), suggestion) : NULL;
    g_auto(GStrv) unit_hints = units && *units ? g_strsplit (units, "|", 2) : NULL;
    g_autofree char *all_units = units && *units ? g_strdelimit (g_strdup (units), "|", '/') : NULL;

    gtk_entry_set_placeholder_text (self->name, hint ? g_strdelimit (hint, "|", '/') : NULL);
    /* The usual unit as the hint, all of them on hover: a longer hint
     * would widen the column past the titles. */
    gtk_entry_set_placeholder_text (self->unit, unit_hints ? unit_hints[0] : NULL);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit), all_units);
  }
}

static void
bind_target (BdIndicatorRow    *self,
             const BdIndicator *indicator)
{
  g_autofree char *op = NULL, *value = NULL, *unit = NULL;

  split_target (indicator->target, &op, &value, &unit);
  drop_down_select (self->op, op);
  g_free (self->shown_op);
  self->shown_op = g_strdup (drop_down_text (self->op));
  show_text (self->value, &self->shown_value, value);
  show_text (self->unit, &self->shown_unit, unit);
}

/* Esc drops what was typed in the row: it shows the stored indicator again
 * (the way out of a value refused). */
static gboolean
on_key_pressed (BdIndicatorRow        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state)
{
  const BdIndicator *indicator = get_indicator (self);

  if (keyval != GDK_KEY_Escape || indicator == NULL || (!name_dirty (self) && !target_dirty (self)))
    return GDK_EVENT_PROPAGATE;
  self->binding = TRUE;
  show_text (self->name, &self->shown_name, indicator->name ? indicator->name : "");
  bind_target (self, indicator);
  update_unit_sensitivity (self);
  self->binding = FALSE;
  clear_errors (self);
  return GDK_EVENT_STOP;
}

void
bd_indicator_row_bind (BdIndicatorRow *self,
                       guint           project,
                       guint           position)
{
  gboolean same_place = self->bound && self->project == project && self->position == position;
  const BdIndicator *indicator;

  g_return_if_fail (BD_IS_INDICATOR_ROW (self));

  /* Never rebound holding what the clerk typed for another indicator. */
  if (!same_place && self->bound)
    bd_indicator_row_commit (self);
  self->project = project;
  self->position = position;
  self->bound = TRUE;
  if ((indicator = get_indicator (self)) == NULL)
    return;

  self->binding = TRUE;
  bind_levels (self, bd_editor_get_document (self->editor)->framework, indicator);
  if (!same_place || !name_dirty (self))
    show_text (self->name, &self->shown_name, indicator->name ? indicator->name : "");
  /* A long name does not fit its column: the whole of it on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name), indicator->name && *indicator->name ? indicator->name : NULL);
  if (!same_place || !target_dirty (self))
    bind_target (self, indicator);
  if (!same_place)
    clear_errors (self);
  update_unit_sensitivity (self);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->up), "u", position);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->down), "u", position);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove), "u", position);
  self->binding = FALSE;
}

void
bd_indicator_row_set_finding (BdIndicatorRow *self,
                              const char     *message)
{
  g_return_if_fail (BD_IS_INDICATOR_ROW (self));

  self->refused = FALSE;
  gtk_label_set_text (self->finding, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->finding), message != NULL);
}

const char *
bd_indicator_row_get_finding (BdIndicatorRow *self)
{
  g_return_val_if_fail (BD_IS_INDICATOR_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->finding)) ? gtk_label_get_text (self->finding) : NULL;
}

const char *
bd_indicator_row_get_level (BdIndicatorRow *self,
                            gboolean        level2)
{
  g_return_val_if_fail (BD_IS_INDICATOR_ROW (self), NULL);

  return drop_down_text (level2 ? self->level2 : self->level1);
}

GtkWidget *
bd_indicator_row_get_part (BdIndicatorRow *self,
                           const char     *part)
{
  const struct { const char *name; gsize offset; } parts[] = {
    { "level1", G_STRUCT_OFFSET (BdIndicatorRow, level1) }, { "level2", G_STRUCT_OFFSET (BdIndicatorRow, level2) },
    { "name", G_STRUCT_OFFSET (BdIndicatorRow, name) }, { "op", G_STRUCT_OFFSET (BdIndicatorRow, op) },
    { "value", G_STRUCT_OFFSET (BdIndicatorRow, value) }, { "unit", G_STRUCT_OFFSET (BdIndicatorRow, unit) },
    { "tools", G_STRUCT_OFFSET (BdIndicatorRow, tools) },
  };

  g_return_val_if_fail (BD_IS_INDICATOR_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strcmp (parts[i].name, part) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, parts[i].offset);
  return NULL;
}

void
bd_indicator_row_focus_name (BdIndicatorRow *self)
{
  g_return_if_fail (BD_IS_INDICATOR_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name));
}

static void
bd_indicator_row_dispose (GObject *object)
{
  BdIndicatorRow *self = BD_INDICATOR_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_INDICATOR_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_indicator_row_parent_class)->dispose (object);
}

static void
bd_indicator_row_finalize (GObject *object)
{
  BdIndicatorRow *self = BD_INDICATOR_ROW (object);

  g_free (self->shown_name);
  g_free (self->shown_op);
  g_free (self->shown_value);
  g_free (self->shown_unit);
  G_OBJECT_CLASS (bd_indicator_row_parent_class)->finalize (object);
}

static void
bd_indicator_row_class_init (BdIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bd_indicator_row_dispose;
  object_class->finalize = bd_indicator_row_finalize;
  bd_widget_install_editor_property (object_class, G_STRUCT_OFFSET (BdIndicatorRow, editor), FALSE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, level1);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, level2);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, name);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, op);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, value);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, unit);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, tools);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, up);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, down);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, remove);
  gtk_widget_class_bind_template_child (widget_class, BdIndicatorRow, finding);
  gtk_widget_class_bind_template_callback (widget_class, on_level1_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_level2_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_commit);
  gtk_widget_class_bind_template_callback (widget_class, on_op_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_target_commit);
}

static void
bd_indicator_row_init (BdIndicatorRow *self)
{
  self->binding = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->binding = FALSE;
}

GtkWidget *
bd_indicator_row_new (BdEditor *editor)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);

  return g_object_new (BD_TYPE_INDICATOR_ROW, "editor", editor, NULL);
}
