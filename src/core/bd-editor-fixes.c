/* bd-editor-fixes.c: a finding's fix, and 修正全部 (every certain fix as
 * one step)
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-editor-private.h"

gboolean
bd_editor_apply_fix (BdEditor         *self,
                     const BdFinding  *finding,
                     GError          **error)
{
  const BdFix *fix;
  BdSchedule *schedule;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  fix = &finding->fix;
  switch (fix->kind)
    {
    case BD_FIX_NONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("This finding has no certain fix."));
      return FALSE;
    case BD_FIX_SET_AMOUNT:
      return bd_editor_set_cell (self, fix->schedule, BD_CELL_ROW, fix->code, fix->column, fix->value, error);
    case BD_FIX_SET_INCOME:
      return bd_editor_set_cell (self, fix->schedule, BD_CELL_INCOME, fix->code, 0, fix->value, error);
    case BD_FIX_ACCEPT_COMPUTED:
    case BD_FIX_SET_NOTE:
    case BD_FIX_SET_NAME:
    case BD_FIX_SET_TITLE_YEAR:
    default:
      if ((schedule = bd_editor_schedule_or_error (self, fix->schedule, error)) == NULL)
        return FALSE;
      step = bd_schedule_step_begin (schedule);
      if (!bd_finding_apply_fix (finding, self->doc))
        {
          bd_step_free (step);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The fix no longer applies."));
          return FALSE;
        }
      bd_schedule_step_end (step, schedule);
      return bd_editor_perform (self, step, error);
    }
}

/* What a fix needs of its finding, kept while the checker replaces it. */
static BdFinding *
fixable_copy (const BdFinding *finding)
{
  BdFinding *copy = g_new0 (BdFinding, 1);

  copy->rule = finding->rule;
  copy->severity = finding->severity;
  copy->part = finding->part;
  copy->message = g_strdup (finding->message);
  copy->fix = finding->fix;
  copy->fix.code = g_strdup (finding->fix.code);
  copy->fix.text = g_strdup (finding->fix.text);
  return copy;
}

/* The findings with a certain fix (of @rule only, unless NULL), copied. */
static GPtrArray *
fixable_findings (BdEditor   *self,
                  const char *rule)
{
  GPtrArray *fixable = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free);

  for (guint i = 0; i < self->findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (self->findings, i);

      if (finding->fix.kind != BD_FIX_NONE && (rule == NULL || strcmp (finding->rule, rule) == 0))
        g_ptr_array_add (fixable, fixable_copy (finding));
    }
  return fixable;
}

/* One round: every fix the findings offer now. A fix that no longer applies
 * (an earlier one settled it) is passed over; a failure to store ends it. */
static gboolean
fix_round (BdEditor    *self,
           const char  *rule,
           GPtrArray   *fixed,
           guint       *applied,
           GError     **error)
{
  g_autoptr(GPtrArray) fixable = fixable_findings (self, rule);

  *applied = 0;
  for (guint i = 0; i < fixable->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (fixable, i);
      g_autoptr(GError) local_error = NULL;
      guint before = self->group->len;

      if (!bd_editor_apply_fix (self, finding, &local_error))
        {
          if (local_error != NULL && local_error->domain == BD_STORE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      if (self->group->len == before)
        continue;
      (*applied)++;
      if (fixed != NULL)
        g_ptr_array_add (fixed, g_strdup (finding->message));
    }
  return TRUE;
}

typedef struct {
  const char *rule;
  GPtrArray  *messages;
} FixAll;

/* A fix can make another certain (a corrected row lets a total agree), so
 * the findings are read again after each round, a few rounds at most. */
static gboolean
fix_rounds (BdEditor  *self,
            gpointer   data,
            GError   **error)
{
  FixAll *all = data;
  gboolean ok = TRUE;

  for (guint round = 0, applied = 1; ok && applied > 0 && round < 5; round++)
    ok = fix_round (self, all->rule, all->messages, &applied, error);
  return ok;
}

gboolean
bd_editor_fix_all (BdEditor     *self,
                   const char   *rule,
                   GPtrArray   **fixed,
                   GError      **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  FixAll all = { rule, messages };

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);

  if (!bd_editor_perform_group (self, FALSE, fix_rounds, &all, error))
    return FALSE;
  if (fixed != NULL)
    *fixed = g_steal_pointer (&messages);
  return TRUE;
}
