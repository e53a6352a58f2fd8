/* bd-editor-across.c: changes that reach across schedules
 *
 * Schedules 1 and 4 by 类 follow schedules 3 and 5-7 (a step chained to
 * the change of their source); a 项 financed by 一般公共预算 alone, typed in
 * schedule 3, fills schedules 2 and 5.
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-editor-private.h"

/* The cells of schedule @target computed from other schedules, as they
 * should read now; NULL when they do. */
static BdStep *
derived_step (BdDocument *doc,
              guint       target)
{
  BdSchedule *schedule = bd_document_get_schedule (doc, target);
  BdStep *step = bd_cells_step_new (target);

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);

      for (guint c = 0; row->is_leaf && c < schedule->def->n_columns; c++)
        {
          gint64 value;

          if (bd_document_derived_cell (doc, target, row->code, c, &value, NULL) && row->values[c] != value)
            bd_cells_step_add (step, BD_ROW_PART_TABLE, row, c, value);
        }
    }
  if (bd_cells_step_is_empty (step))
    {
      bd_step_free (step);
      return NULL;
    }
  bd_cells_step_forget_sums (step, schedule);
  return step;
}

BdStep **
bd_editor_follow_sources (BdEditor  *self,
                          guint      number,
                          BdStep   **link,
                          guint     *reads)
{
  static const guint targets[] = { 1, 4 };

  for (guint i = 0; number != 0 && i < G_N_ELEMENTS (targets); i++)
    {
      BdStep *step;

      if (!bd_schedule_derives_from (targets[i], number) || (step = derived_step (self->doc, targets[i])) == NULL)
        continue;
      if (!bd_editor_apply_follower (self, step, reads))
        continue;
      *link = step;
      link = &step->then;
    }
  return link;
}

/* Schedules 2 and 5 from schedule 3 */

static BdRow *
row_in (BdEditor   *self,
        guint       number,
        const char *code)
{
  return bd_schedule_find_row (bd_document_get_schedule (self->doc, number), code);
}

gboolean
bd_editor_can_fill_from_expenditure (BdEditor   *self,
                                     const char *code)
{
  BdRow *spent, *income, *general;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  spent = row_in (self, 3, code);
  income = row_in (self, 2, code);
  general = row_in (self, 5, code);
  if (spent == NULL || !spent->is_leaf || (spent->values[1] == 0 && spent->values[2] == 0))
    return FALSE;
  /* Money of another source: the 项 is not 一般公共预算's alone. */
  if (row_in (self, 6, code) != NULL || row_in (self, 7, code) != NULL
      || (income != NULL && (income->values[2] != 0 || income->values[3] != 0 || income->values[4] != 0)))
    return FALSE;
  return income == NULL || income->values[1] != spent->values[0]
         || general == NULL || general->values[1] != spent->values[1] || general->values[2] != spent->values[2];
}

char *
bd_editor_dup_fill_offer (BdEditor *self)
{
  BdStep *last;
  const char *code;

  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  last = g_ptr_array_index (self->undo, self->undo->len - 1);
  code = last->schedule == 3 ? bd_cells_step_row (last) : NULL;
  return code != NULL && bd_editor_can_fill_from_expenditure (self, code) ? g_strdup (code) : NULL;
}

/* Schedule @number's row @code (added, with its 类 and 款, where missing)
 * takes @values in its entered columns, as one schedule step. */
static BdStep *
fill_step (BdEditor     *self,
           guint         number,
           const BdRow  *spent,
           const gint64 *values)
{
  BdSchedule *schedule = bd_document_get_schedule (self->doc, number);
  BdStep *step = bd_schedule_step_begin (schedule);
  BdRow *row = bd_schedule_find_row (schedule, spent->code);

  if (row == NULL)
    row = bd_schedule_insert_leaf (schedule, spent->code, spent->name);
  for (guint c = 0; c < schedule->def->n_columns; c++)
    if (bd_schedule_def_is_entered (schedule->def, c))
      row->values[c] = values[c];
  bd_schedule_forget_published_sums (schedule);
  bd_schedule_step_end (step, schedule);
  return step;
}

/* Schedule 2 receives the 合计 as 财政拨款收入 and nothing else; schedule 5
 * the 基本支出 and 项目支出 as they are. */
static gboolean
fill_both (BdEditor  *self,
           gpointer   data,
           GError   **error)
{
  BdRow *spent = row_in (self, 3, data);
  gint64 income[BD_MAX_COLUMNS] = { 0 };
  gint64 general[BD_MAX_COLUMNS] = { 0 };

  income[1] = spent->values[0];
  general[1] = spent->values[1];
  general[2] = spent->values[2];
  return bd_editor_perform (self, fill_step (self, 2, spent, income), error)
         && bd_editor_perform (self, fill_step (self, 5, spent, general), error);
}

gboolean
bd_editor_fill_from_expenditure (BdEditor    *self,
                                 const char  *code,
                                 GError     **error)
{
  gboolean join;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!bd_editor_can_fill_from_expenditure (self, code))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Schedules 2 and 5 cannot be filled from row %s of schedule 3."), code);
      return FALSE;
    }
  /* The figures just typed in schedule 3 and what they fill are undone
   * together. */
  join = self->undo->len > 0 && ((BdStep *) g_ptr_array_index (self->undo, self->undo->len - 1))->schedule == 3;
  return bd_editor_perform_group (self, join, fill_both, (gpointer) code, error);
}

gboolean
bd_editor_set_carryover (BdEditor    *self,
                         guint        schedule_number,
                         gboolean     present,
                         GError     **error)
{
  BdSchedule *schedule;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);

  if (!bd_editor_check_writable (self, error))
    return FALSE;
  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  if (schedule == NULL)
    return FALSE;
  if (schedule->def->row_kind != BD_ROWS_BALANCE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Only schedules 1 and 4 carry money across years (上年结转, 结转下年)."));
      return FALSE;
    }
  if ((schedule->carryover != NULL) == present)
    return TRUE;

  step = bd_schedule_step_begin (schedule);
  if (present)
    bd_schedule_add_carryover (schedule, NULL, NULL);
  else
    bd_schedule_remove_carryover (schedule);
  bd_schedule_forget_published_sums (schedule);
  bd_schedule_recompute (schedule);
  bd_schedule_step_end (step, schedule);
  return bd_editor_perform (self, step, error);
}
