/* bd-schedule-sums.c: what a schedule computes: its sum columns, 类 and 款
 * rows, 合计 row and computed income items; and forgetting the figures those
 * cells were published with once the clerk's figures rule them
 *
 * Declared in bd-document.h with the rest of BdSchedule.
 */
#include <string.h>

#include "bd-document.h"

/* Sum columns refer only to columns on their right (合计 left of its parts,
 * 小计 left of 购置费 and 运行费), so one pass from the right settles them. */
static void
compute_sum_columns (const BdScheduleDef *def,
                     BdRow               *row)
{
  for (guint c = def->n_columns; c-- > 0;)
    {
      guint mask = def->columns[c].sum_of;
      if (mask == 0)
        continue;
      row->values[c] = 0;
      for (guint part = c + 1; part < def->n_columns; part++)
        if (mask & (1u << part))
          row->values[c] += row->values[part];
    }
}

static void
add_values (BdRow       *into,
            const BdRow *from,
            guint        n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    into->values[c] += from->values[c];
}

static void
clear_values (BdRow *row)
{
  memset (row->values, 0, sizeof row->values);
}

gboolean
bd_row_encloses (const BdRow *parent,
                 const BdRow *row)
{
  return parent != NULL && g_str_has_prefix (row->code, parent->code);
}

void
bd_schedule_recompute (BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  BdRow *lei = NULL;
  BdRow *kuan = NULL;

  if (schedule->total != NULL)
    clear_values (schedule->total);

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);

      if (!row->is_leaf)
        {
          clear_values (row);
          if (bd_code_level (row->code) == BD_LEVEL_LEI)
            lei = row, kuan = NULL;
          else
            kuan = row;
          continue;
        }

      compute_sum_columns (def, row);
      if (bd_row_encloses (kuan, row))
        add_values (kuan, row, def->n_columns);
      if (bd_row_encloses (lei, row))
        add_values (lei, row, def->n_columns);
      if (schedule->total != NULL)
        add_values (schedule->total, row, def->n_columns);
    }

  if (schedule->income != NULL)
    {
      guint parts = 0;

      for (guint i = 0; i < def->n_income; i++)
        parts |= def->income[i].sum_of;

      for (guint i = def->n_income; i-- > 0;)
        {
          BdRow *item = g_ptr_array_index (schedule->income, i);
          if (def->income[i].sum_of == 0)
            continue;
          item->values[0] = 0;
          for (guint part = i + 1; part < def->n_income; part++)
            if (def->income[i].sum_of & (1u << part))
              item->values[0] += ((BdRow *) g_ptr_array_index (schedule->income, part))->values[0];
        }

      clear_values (schedule->income_total);
      for (guint i = 0; i < def->n_income; i++)
        if (!(parts & (1u << i)))
          schedule->income_total->values[0] += ((BdRow *) g_ptr_array_index (schedule->income, i))->values[0];
    }

  if (schedule->carryover != NULL)
    {
      /* 结转下年 is often printed in 合计 alone (a unit's schedule 1 does not
       * split it into 人员经费, 公用经费, 项目支出): that figure stands until
       * its parts are given. */
      if (bd_schedule_carry_forward_split (schedule))
        compute_sum_columns (def, schedule->carry_forward);
      clear_values (schedule->income_grand);
      schedule->income_grand->values[0] = schedule->income_total->values[0] + schedule->carryover->values[0];
      clear_values (schedule->expense_grand);
      add_values (schedule->expense_grand, schedule->total, def->n_columns);
      add_values (schedule->expense_grand, schedule->carry_forward, def->n_columns);
    }
}

gboolean
bd_schedule_carry_forward_split (BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;

  for (guint c = 0; schedule->carry_forward != NULL && c < def->n_columns; c++)
    if (def->columns[c].sum_of == 0 && schedule->carry_forward->values[c] != 0)
      return TRUE;
  return FALSE;
}

static void
set_name (BdRow      *row,
          const char *name)
{
  g_free (row->name);
  row->name = g_strdup (name);
}

static BdRow *
carry_row (const char *code,
           const char *name,
           gboolean    leaf)
{
  BdRow *row = bd_row_new (code, name);

  row->is_leaf = leaf;
  return row;
}

BdRow *
bd_schedule_add_carryover (BdSchedule *schedule,
                           const char *income_name,
                           const char *expense_name)
{
  g_return_val_if_fail (schedule->def->row_kind == BD_ROWS_BALANCE, NULL);

  if (schedule->carryover == NULL)
    {
      schedule->carryover = carry_row ("carryover", "上年结转", TRUE);
      schedule->carry_forward = carry_row ("carry-forward", "结转下年", TRUE);
      schedule->income_grand = carry_row ("", "收入总计", FALSE);
      schedule->expense_grand = carry_row ("", "支出总计", FALSE);
      /* The totals above them are now the year's own. */
      set_name (schedule->income_total, "本年收入合计");
      set_name (schedule->total, "本年支出合计");
    }
  if (income_name != NULL)
    set_name (schedule->carryover, income_name);
  if (expense_name != NULL)
    set_name (schedule->carry_forward, expense_name);
  return schedule->carryover;
}

void
bd_schedule_remove_carryover (BdSchedule *schedule)
{
  if (schedule->carryover == NULL)
    return;
  g_clear_pointer (&schedule->carryover, bd_row_free);
  g_clear_pointer (&schedule->carry_forward, bd_row_free);
  g_clear_pointer (&schedule->income_grand, bd_row_free);
  g_clear_pointer (&schedule->expense_grand, bd_row_free);
  set_name (schedule->income_total, "收入总计");
  set_name (schedule->total, "支出总计");
}

guint
bd_schedule_part_columns (BdSchedule *schedule,
                          BdRowPart   part)
{
  return part == BD_ROW_PART_INCOME || part == BD_ROW_PART_INCOME_TOTAL || part == BD_ROW_PART_CARRYOVER
         || part == BD_ROW_PART_INCOME_GRAND ? 1 : schedule->def->n_columns;
}

BdRow *
bd_schedule_carry_part (BdSchedule *schedule,
                        BdRowPart   part)
{
  switch (part)
    {
    case BD_ROW_PART_CARRYOVER: return schedule->carryover;
    case BD_ROW_PART_CARRY_FORWARD: return schedule->carry_forward;
    case BD_ROW_PART_INCOME_GRAND: return schedule->income_grand;
    case BD_ROW_PART_EXPENSE_GRAND: return schedule->expense_grand;
    case BD_ROW_PART_TABLE:
    case BD_ROW_PART_TOTAL:
    case BD_ROW_PART_INCOME:
    case BD_ROW_PART_INCOME_TOTAL:
    default:
      return NULL;
    }
}

static void
forget_computed (const BdScheduleDef *def,
                 BdRow               *row,
                 guint                n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    if (!row->is_leaf || def->columns[c].sum_of != 0)
      row->published_mask &= ~(1u << c);
}

void
bd_schedule_forget_published_sums (BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;

  for (guint i = 0; i < schedule->rows->len; i++)
    forget_computed (def, g_ptr_array_index (schedule->rows, i), def->n_columns);
  if (schedule->total != NULL)
    schedule->total->published_mask = 0;
  if (schedule->income != NULL)
    {
      for (guint i = 0; i < def->n_income; i++)
        if (def->income[i].sum_of != 0)
          ((BdRow *) g_ptr_array_index (schedule->income, i))->published_mask = 0;
      schedule->income_total->published_mask = 0;
    }
  if (schedule->carryover != NULL)
    {
      forget_computed (def, schedule->carry_forward, def->n_columns);
      schedule->income_grand->published_mask = 0;
      schedule->expense_grand->published_mask = 0;
    }
}
