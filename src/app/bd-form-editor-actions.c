/* The form editor's actions ("forms.*"): the list of forms and the rows of
 * the indicator tree. Each stores what the clerk typed before it changes
 * what the fields are bound to. */

#include "bd-form-editor-private.h"
#include "bd-indicator-row.h"

static void
report (BdFormEditor *self,
        const GError *error)
{
  bd_form_editor_show_message (self, error);
}

/* The changes of the list of forms and of a form's indicators: each
 * stores what the clerk typed, asks the editor, then shows the result. */
typedef enum {
  CHANGE_ADD_FORM,
  CHANGE_DUPLICATE_FORM,
  CHANGE_REMOVE_FORM,
  CHANGE_MOVE_FORM,
  CHANGE_REMOVE_INDICATOR,
  CHANGE_MOVE_INDICATOR,
} Change;

static void
change (BdFormEditor *self,
        Change        what,
        guint         row,
        int           delta)
{
  guint n = bd_editor_get_document (self->editor)->projects->len;
  g_autoptr(GError) error = NULL;
  guint index;
  guint select = 0;
  gboolean done = FALSE;

  if (!bd_form_editor_commit_pending (self))
    return;
  if (what == CHANGE_MOVE_FORM && ((delta < 0 && self->project == 0) || self->project + delta >= n))
    return;
  index = self->project;
  /* A form that goes or moves leaves its fields bound to nothing: there
   * is nothing left to store into it, and they follow it to its new
   * place. The editor's change refreshes the page, which may move
   * self->project. */
  if (what == CHANGE_REMOVE_FORM || what == CHANGE_MOVE_FORM)
    self->bound = G_MAXUINT;
  switch (what)
    {
    case CHANGE_ADD_FORM:
      done = bd_editor_add_project (self->editor, NULL, &error);
      select = bd_editor_get_document (self->editor)->projects->len - 1;
      break;
    case CHANGE_DUPLICATE_FORM:
      done = bd_editor_duplicate_project (self->editor, index, &error);
      select = index + 1;
      break;
    case CHANGE_REMOVE_FORM:
      done = bd_editor_remove_project (self->editor, index, &error);
      select = index > 0 ? index - 1 : 0;
      break;
    case CHANGE_MOVE_FORM:
      done = bd_editor_move_project (self->editor, index, delta, &error);
      select = index + delta;
      break;
    case CHANGE_REMOVE_INDICATOR:
      bd_editor_remove_indicator (self->editor, index, row, &error);
      break;
    case CHANGE_MOVE_INDICATOR:
      bd_editor_move_indicator (self->editor, index, row, delta, &error);
      break;
    }
  if (done)
    bd_form_editor_select_project (self, select);
  else if (what != CHANGE_ADD_FORM && what != CHANGE_DUPLICATE_FORM)
    bd_form_editor_refresh (self);
  report (self, error);
}

/* The new indicator, where the editor put it: the last of its 二级 with no
 * name yet. */
static void
focus_new_indicator (BdFormEditor           *self,
                     const BdFrameworkEntry *entry)
{
  BdProject *project = g_ptr_array_index (bd_editor_get_document (self->editor)->projects, self->project);

  for (guint i = project->indicators->len; i-- > 0;)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      if (g_strcmp0 (indicator->level2, entry->level2) == 0 && (indicator->name == NULL || *indicator->name == '\0'))
        {
          if (i < self->n_rows)
            bd_indicator_row_focus_name (g_ptr_array_index (self->rows, i));
          return;
        }
    }
}

static void
add_indicator (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BdFormEditor *self = BD_FORM_EDITOR (widget);
  const BdFrameworkEntry *entries = bd_framework_entries (bd_editor_get_document (self->editor)->framework);
  guint index = g_variant_get_uint32 (parameter), n = 0;
  g_autoptr(GError) error = NULL;

  while (entries[n].level1 != NULL)
    n++;
  if (index >= n)
    return;
  if (!bd_form_editor_commit_pending (self))
    return;
  if (bd_editor_add_indicator (self->editor, self->project, entries[index].level1, entries[index].level2, &error))
    {
      bd_form_editor_refresh (self);
      focus_new_indicator (self, &entries[index]);
    }
  report (self, error);
}

/* The actions that are a change: the indicator ones take the row. */
static const struct {
  const char *name;
  const char *parameter;
  Change      what;
  int         delta;
} changes[] = {
  { "forms.add", NULL, CHANGE_ADD_FORM, 0 },
  { "forms.duplicate", NULL, CHANGE_DUPLICATE_FORM, 0 },
  { "forms.remove", NULL, CHANGE_REMOVE_FORM, 0 },
  { "forms.move-up", NULL, CHANGE_MOVE_FORM, -1 },
  { "forms.move-down", NULL, CHANGE_MOVE_FORM, 1 },
  { "forms.remove-indicator", "u", CHANGE_REMOVE_INDICATOR, 0 },
  { "forms.move-indicator-up", "u", CHANGE_MOVE_INDICATOR, -1 },
  { "forms.move-indicator-down", "u", CHANGE_MOVE_INDICATOR, 1 },
};

static void
change_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (g_str_equal (changes[i].name, action_name))
      {
        change (BD_FORM_EDITOR (widget), changes[i].what, parameter ? g_variant_get_uint32 (parameter) : 0,
                changes[i].delta);
        return;
      }
}

/* 标记为已审阅: a form new-year carried over is reviewed as it is. */
static void
mark_reviewed (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BdFormEditor *self = BD_FORM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bd_form_editor_commit_pending (self))
    return;
  bd_editor_mark_form_reviewed (self->editor, self->project, &error);
  bd_form_editor_refresh (self);
  report (self, error);
}

GtkWidget *
bd_form_editor_get_review_bar (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);
  return self->review_bar;
}

void
bd_form_editor_update_actions (BdFormEditor *self)
{
  GPtrArray *projects = bd_editor_get_document (self->editor)->projects;
  guint n = projects->len;
  gboolean has_form = self->project < n;
  gboolean to_review = has_form && ((BdProject *) g_ptr_array_index (projects, self->project))->to_review;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "forms.mark-reviewed", to_review);
  gtk_widget_set_visible (self->review_bar, to_review);
  gtk_widget_action_set_enabled (widget, "forms.duplicate", has_form);
  gtk_widget_action_set_enabled (widget, "forms.remove", has_form);
  gtk_widget_action_set_enabled (widget, "forms.move-up", has_form && self->project > 0);
  gtk_widget_action_set_enabled (widget, "forms.move-down", self->project + 1 < n);
  gtk_widget_action_set_enabled (widget, "forms.add-indicator", has_form);
}

void
bd_form_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    gtk_widget_class_install_action (widget_class, changes[i].name, changes[i].parameter, change_activated);
  gtk_widget_class_install_action (widget_class, "forms.mark-reviewed", NULL, mark_reviewed);
  gtk_widget_class_install_action (widget_class, "forms.add-indicator", "u", add_indicator);
}
