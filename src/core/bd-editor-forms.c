/* bd-editor-forms.c: the performance-goal forms
 *
 * Each change copies the forms before and after (a department has tens of
 * them, not thousands), so any change is undone the same way.
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-editor-private.h"
#include "bd-project-field.h"

typedef struct {
  BdStep      parent;
  GPtrArray  *before;   /* BdProject*, the forms as they were and will be */
  GPtrArray  *after;
  BdFramework framework_before;
  BdFramework framework_after;
} ProjectsStep;

BD_DEFINE_STEP_KIND (ProjectsStep, projects, TRUE)

static BdProject *
project_copy (const BdProject *project,
              gpointer         user_data)
{
  BdProject *copy = bd_project_new ();

  copy->id = project->id;
  copy->to_review = project->to_review;
  bd_project_fields_copy (copy, project);
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      g_ptr_array_add (copy->indicators, bd_indicator_new (indicator->level1, indicator->level2,
                                                           indicator->name, indicator->target));
    }
  return copy;
}

static guint
projects_apply (ProjectsStep *self,
                BdEditor     *editor,
                gboolean      forward)
{
  g_ptr_array_set_size (editor->doc->projects, 0);
  g_ptr_array_extend (editor->doc->projects, forward ? self->after : self->before,
                      (GCopyFunc) project_copy, NULL);
  editor->doc->framework = forward ? self->framework_after : self->framework_before;
  return BD_READS_FORMS | BD_READS_HEADER;
}

static gboolean
projects_store (ProjectsStep  *self,
                BdEditor      *editor,
                GError       **error)
{
  return bd_store_save_projects (editor->store, editor->doc, error)
         && bd_store_save_header (editor->store, editor->doc, error);
}

static void
projects_clear (ProjectsStep *self)
{
  g_ptr_array_unref (self->before);
  g_ptr_array_unref (self->after);
}

static GPtrArray *
projects_copy (GPtrArray *projects)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_project_free);

  g_ptr_array_extend (copy, projects, (GCopyFunc) project_copy, NULL);
  return copy;
}

/* Starts a forms step: the caller changes step->after. */
static ProjectsStep *
projects_step (BdEditor *self)
{
  ProjectsStep *step = bd_step_new (&projects_kind, 0);

  step->before = projects_copy (self->doc->projects);
  step->after = projects_copy (self->doc->projects);
  step->framework_before = step->framework_after = self->doc->framework;
  return step;
}

/* Performs @step if it changed anything; one that changed nothing is
 * dropped (no error, nothing to undo). */
static gboolean
perform_if_changed (BdEditor     *self,
                    ProjectsStep *step,
                    gboolean      changed,
                    GError      **error)
{
  if (!changed)
    {
      bd_step_free (&step->parent);
      return TRUE;
    }
  return bd_editor_perform (self, &step->parent, error);
}

/* The indicators of form @index as the step leaves it. */
static GPtrArray *
indicators_after (ProjectsStep *step,
                  guint         index)
{
  return ((BdProject *) g_ptr_array_index (step->after, index))->indicators;
}

/* Starts a forms step on form @index: NULL, with @error, when there is no
 * such form (the step is dropped). */
static ProjectsStep *
form_step (BdEditor   *self,
           guint       index,
           BdProject **project,
           GError    **error)
{
  ProjectsStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);

  step = projects_step (self);
  if (index >= step->after->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no form %u."), index + 1);
      bd_step_free (&step->parent);
      return NULL;
    }
  if (project != NULL)
    *project = g_ptr_array_index (step->after, index);
  return step;
}

/* A step changing what form @index says: the clerk has looked at it, so a
 * form carried over from last year is no longer to review (undo brings the
 * flag back with the rest). */
static ProjectsStep *
form_edit_step (BdEditor   *self,
                guint       index,
                BdProject **project,
                GError    **error)
{
  ProjectsStep *step = form_step (self, index, project, error);

  if (step != NULL)
    (*project)->to_review = FALSE;
  return step;
}

gboolean
bd_editor_mark_form_reviewed (BdEditor  *self,
                              guint      index,
                              GError   **error)
{
  BdProject *project;
  ProjectsStep *step = form_step (self, index, &project, error);
  gboolean changed;

  if (step == NULL)
    return FALSE;
  changed = project->to_review;
  project->to_review = FALSE;
  return perform_if_changed (self, step, changed, error);
}

gboolean
bd_editor_add_project (BdEditor    *self,
                       const char  *name,
                       GError     **error)
{
  ProjectsStep *step;
  BdProject *project;
  int year;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);

  step = projects_step (self);
  project = bd_project_new ();
  year = self->doc->year;
  project->name = g_strdup (name && *name ? name : _("New project"));
  project->nature = g_strdup ("经常性项目");
  project->category = g_strdup ("特定目标类");
  project->supervisor = g_strdup (self->doc->department);
  project->implementer = g_strdup (self->doc->department);
  project->start_date = g_strdup_printf ("%d-01-01", year);
  project->end_date = g_strdup_printf ("%d-12-31", year);
  project->period = g_strdup_printf ("%d年-%d年", year, year);
  g_ptr_array_add (step->after, project);
  return bd_editor_perform (self, &step->parent, error);
}

/* @text with every year in it moved by @delta: "2023年-2023年" → "2024年-2024年". */
static char *
shift_years (const char *text,
             int         delta)
{
  g_autoptr(GRegex) years = g_regex_new ("(\\d{4})", 0, 0, NULL);
  GString *out = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  if (text == NULL)
    return NULL;
  g_regex_match (years, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_match_info_fetch_pos (match, 1, &start, &end);
      g_string_append_len (out, text + last, start - last);
      g_string_append_printf (out, "%d", atoi (text + start) + delta);
      last = end;
    }
  g_string_append (out, text + last);
  return g_string_free (out, FALSE);
}

gboolean
bd_editor_duplicate_project (BdEditor  *self,
                             guint      index,
                             GError   **error)
{
  BdProject *project;
  ProjectsStep *step = form_step (self, index, &project, error);
  BdProject *copy;
  int year, delta;

  if (step == NULL)
    return FALSE;
  copy = project_copy (project, NULL);
  /* A form of the document's year (issue 14): a copy of this year's form
   * stays in this year; last year's form, carried into this document, is
   * moved on to it, dates and span, its goals kept. */
  year = project->start_date ? atoi (project->start_date) : 0;
  delta = year >= 1000 && year <= 9999 ? self->doc->year - year : 0;
  g_free (copy->start_date), copy->start_date = shift_years (project->start_date, delta);
  g_free (copy->end_date), copy->end_date = shift_years (project->end_date, delta);
  g_free (copy->period), copy->period = shift_years (project->period, delta);
  /* Findings name a form by its name: the copy needs its own. */
  g_free (copy->name), copy->name = g_strdup_printf (_("%s (copy)"), project->name ? project->name : "");
  g_ptr_array_insert (step->after, index + 1, copy);
  return bd_editor_perform (self, &step->parent, error);
}

gboolean
bd_editor_remove_project (BdEditor  *self,
                          guint      index,
                          GError   **error)
{
  ProjectsStep *step = form_step (self, index, NULL, error);

  if (step == NULL)
    return FALSE;
  g_ptr_array_remove_index (step->after, index);
  return bd_editor_perform (self, &step->parent, error);
}

static gboolean
move_in (GPtrArray *array,
         guint      index,
         int        delta)
{
  int target = (int) index + delta;
  gpointer item;

  if (target < 0 || target >= (int) array->len || delta == 0)
    return FALSE;
  item = g_ptr_array_steal_index (array, index);
  g_ptr_array_insert (array, target, item);
  return TRUE;
}

gboolean
bd_editor_move_project (BdEditor  *self,
                        guint      index,
                        int        delta,
                        GError   **error)
{
  ProjectsStep *step = form_step (self, index, NULL, error);

  if (step == NULL)
    return FALSE;
  return perform_if_changed (self, step, move_in (step->after, index, delta), error);
}

/* One field of a form, by its name in the field table, from what the
 * clerk typed (an amount in 元). */
static gboolean
set_project_field (BdEditor             *self,
                   guint                 index,
                   const BdProjectField *field,
                   const char           *text,
                   GError              **error)
{
  BdProject *project;
  ProjectsStep *step = form_edit_step (self, index, &project, error);
  gboolean changed;

  if (step == NULL)
    return FALSE;
  if (!bd_project_field_parse (field, project, text, &changed, error))
    {
      bd_step_free (&step->parent);
      return FALSE;
    }
  return perform_if_changed (self, step, changed, error);
}

/* A field by name, of @kind (or of any kind, -1). */
static gboolean
set_named_field (BdEditor    *self,
                 guint        index,
                 const char  *name,
                 const char  *text,
                 int          kind,
                 GError     **error)
{
  const BdProjectField *field;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (name != NULL && text != NULL, FALSE);
  field = bd_project_field_find (name);
  g_return_val_if_fail (field != NULL && (kind < 0 || (int) field->kind == kind), FALSE);

  return set_project_field (self, index, field, text, error);
}

gboolean
bd_editor_set_project_field (BdEditor    *self,
                             guint        index,
                             const char  *name,
                             const char  *text,
                             GError     **error)
{
  return set_named_field (self, index, name, text, -1, error);
}

gboolean
bd_editor_set_project_text (BdEditor    *self,
                            guint        index,
                            const char  *name,
                            const char  *text,
                            GError     **error)
{
  return set_named_field (self, index, name, text, BD_PROJECT_FIELD_TEXT, error);
}

gboolean
bd_editor_set_project_amount (BdEditor    *self,
                              guint        index,
                              const char  *name,
                              const char  *text,
                              GError     **error)
{
  return set_named_field (self, index, name, text, BD_PROJECT_FIELD_AMOUNT, error);
}

/* Starts a forms step on indicator @position of form @index: NULL, with
 * @error, when there is no such indicator (the step is dropped). */
static ProjectsStep *
indicator_step (BdEditor     *self,
                guint         index,
                guint         position,
                BdIndicator **indicator,
                GError      **error)
{
  BdProject *project;
  ProjectsStep *step = form_edit_step (self, index, &project, error);

  if (step == NULL)
    return NULL;
  if (position >= project->indicators->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The form has no indicator %u."), position + 1);
      bd_step_free (&step->parent);
      return NULL;
    }
  if (indicator != NULL)
    *indicator = g_ptr_array_index (project->indicators, position);
  return step;
}

/* Where a 二级 stands in the framework; a 二级 the framework lacks stands
 * at the end of its 一级, an unknown 一级 at the end. */
static guint
framework_rank (BdFramework  framework,
                const char  *level1,
                const char  *level2)
{
  const BdFrameworkEntry *entries = bd_framework_entries (framework);
  guint rank = G_MAXUINT;

  for (guint i = 0; entries[i].level1 != NULL; i++)
    if (g_strcmp0 (entries[i].level1, level1) == 0)
      {
        if (g_strcmp0 (entries[i].level2, level2) == 0)
          return i;
        rank = i;
      }
  return rank;
}

gboolean
bd_editor_add_indicator (BdEditor    *self,
                         guint        index,
                         const char  *level1,
                         const char  *level2,
                         GError     **error)
{
  BdProject *project;
  ProjectsStep *step = form_edit_step (self, index, &project, error);
  guint position;

  if (step == NULL)
    return FALSE;
  /* In the framework's order, after the last indicator of its 二级: the
   * printed tree merges the cells of a 二级, which must stay together. */
  position = 0;
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      if (framework_rank (self->doc->framework, indicator->level1, indicator->level2)
          <= framework_rank (self->doc->framework, level1, level2))
        position = i + 1;
    }
  g_ptr_array_insert (project->indicators, position, bd_indicator_new (level1, level2, "", ""));
  return bd_editor_perform (self, &step->parent, error);
}

gboolean
bd_editor_set_indicator (BdEditor    *self,
                         guint        index,
                         guint        position,
                         const char  *level1,
                         const char  *level2,
                         const char  *name,
                         const char  *target,
                         GError     **error)
{
  BdIndicator *indicator;
  ProjectsStep *step = indicator_step (self, index, position, &indicator, error);
  BdIndicator *changed;

  if (step == NULL)
    return FALSE;
  changed = bd_indicator_new (level1 ? level1 : indicator->level1, level2 ? level2 : indicator->level2,
                              name ? name : indicator->name, target ? target : indicator->target);
  if (g_strcmp0 (changed->level1, indicator->level1) == 0 && g_strcmp0 (changed->level2, indicator->level2) == 0
      && g_strcmp0 (changed->name, indicator->name) == 0 && g_strcmp0 (changed->target, indicator->target) == 0)
    {
      bd_indicator_free (changed);
      return perform_if_changed (self, step, FALSE, error);
    }
  g_ptr_array_index (indicators_after (step, index), position) = changed;
  bd_indicator_free (indicator);
  return bd_editor_perform (self, &step->parent, error);
}

gboolean
bd_editor_remove_indicator (BdEditor  *self,
                            guint      index,
                            guint      position,
                            GError   **error)
{
  ProjectsStep *step = indicator_step (self, index, position, NULL, error);

  if (step == NULL)
    return FALSE;
  g_ptr_array_remove_index (indicators_after (step, index), position);
  return bd_editor_perform (self, &step->parent, error);
}

gboolean
bd_editor_move_indicator (BdEditor  *self,
                          guint      index,
                          guint      position,
                          int        delta,
                          GError   **error)
{
  ProjectsStep *step = indicator_step (self, index, position, NULL, error);

  if (step == NULL)
    return FALSE;
  return perform_if_changed (self, step, move_in (indicators_after (step, index), position, delta), error);
}

gboolean
bd_editor_set_framework (BdEditor     *self,
                         BdFramework   framework,
                         GError      **error)
{
  ProjectsStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);

  if (self->doc->framework == framework)
    return TRUE;
  step = projects_step (self);
  step->framework_after = framework;
  return bd_editor_perform (self, &step->parent, error);
}

