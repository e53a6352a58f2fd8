/* bd-rules-schedules.c: the figures of the schedules, within one and across them */

#include "bd-rules-private.h"

/* Within a schedule */

static void
report_published (BdCheck    *check,
                  guint       number,
                  BdRow      *row,
                  guint       column,
                  const char *what)
{
  BdSchedule *s = schedule (check, number);
  const char *column_name = s->def->columns[column].name;
  g_autofree char *title = row_title (row);
  g_autofree char *printed = bd_money_format_unit (row->published[column], s->def->unit);
  g_autofree char *computed = bd_money_format_unit (row->values[column], s->def->unit);
  BdFinding *finding;

  finding = bd_check_report_amounts (check, PART_OF (number), row_label (row), column_name,
                                     row->values[column], row->published[column], s->def->unit,
                                     g_strdup_printf (_("%s, %s: printed %s, but %s add up to %s"),
                                                      title, column_name, printed, what, computed));
  set_fix (finding, BD_FIX_ACCEPT_COMPUTED, number, NULL, 0, 0);
}

static gboolean
published_differs (BdRow *row,
                   guint  column)
{
  return (row->published_mask & (1u << column)) && row->published[column] != row->values[column];
}

/* A leaf's sum columns (合计, schedule 9's 小计) against what was printed. */
void
bd_rule_row_parts (BdCheck *check,
                   guint    number,
                   BdRow   *row)
{
  const BdScheduleDef *def = schedule (check, number)->def;

  for (guint c = 0; c < def->n_columns; c++)
    if (!bd_schedule_def_is_entered (def, c) && published_differs (row, c))
      report_published (check, number, row, c, _("its parts"));
}

void
bd_rule_subtotals (BdCheck *check,
                   guint    number,
                   BdRow   *row)
{
  const BdScheduleDef *def = schedule (check, number)->def;

  for (guint c = 0; c < def->n_columns; c++)
    if (published_differs (row, c))
      report_published (check, number, row, c,
                        bd_code_level (row->code) == BD_LEVEL_LEI ? _("its 款 rows") : _("its 项 rows"));
}

void
bd_rule_total_rows (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);

      if (s->total != NULL)
        for (guint c = 0; c < s->def->n_columns; c++)
          if (published_differs (s->total, c))
            report_published (check, number, s->total, c, _("its rows"));

      if (s->income != NULL)
        {
          for (guint i = 0; i < s->def->n_income; i++)
            if (s->def->income[i].sum_of != 0 && published_differs (g_ptr_array_index (s->income, i), 0))
              report_published (check, number, g_ptr_array_index (s->income, i), 0, _("its sources"));
          if (published_differs (s->income_total, 0))
            report_published (check, number, s->income_total, 0, _("the income items"));
        }

      if (s->carryover != NULL)
        {
          bd_rule_row_parts (check, number, s->carry_forward);
          if (published_differs (s->income_grand, 0))
            report_published (check, number, s->income_grand, 0, _("本年收入合计 and the carry-over"));
          for (guint c = 0; c < s->def->n_columns; c++)
            if (published_differs (s->expense_grand, c))
              report_published (check, number, s->expense_grand, c, _("本年支出合计 and 结转下年"));
        }
    }
}

void
bd_rule_balance (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      gint64 income, expense;

      if (s->def->row_kind != BD_ROWS_BALANCE)
        continue;
      /* With a carry-over, 本年收入合计 and 本年支出合计 may differ by it:
       * the totals that balance are those adding it in. */
      income = (s->carryover ? s->income_grand : s->income_total)->values[BD_COL_AMOUNT];
      expense = (s->carryover ? s->expense_grand : s->total)->values[BD_COL_AMOUNT];
      if (income != expense)
        {
          g_autofree char *a = bd_money_format (income);
          g_autofree char *b = bd_money_format (expense);
          bd_check_report_amounts (check, PART_OF (number), "收入总计", NULL, expense, income, s->def->unit,
                                   g_strdup_printf (_("收入总计 %s does not balance 支出总计 %s"), a, b));
        }
    }
}

/* Across schedules */

void
bd_rule_schedule_1_income (BdCheck *check)
{
  static const struct { const char *key; guint column; } sources[] = {
    { "fiscal", BD_COL_INCOME_FISCAL }, { "business", BD_COL_INCOME_BUSINESS },
    { "operating", BD_COL_INCOME_OPERATING }, { "other", BD_COL_INCOME_OTHER },
  };
  BdSchedule *s2 = schedule (check, 2);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      BdRow *item = income_item (check, 1, sources[i].key);
      gint64 expected = s2->total->values[sources[i].column];
      BdFinding *finding;

      if (item == NULL || item->values[BD_COL_AMOUNT] == expected)
        continue;
      {
        g_autofree char *a = bd_money_format (item->values[BD_COL_AMOUNT]);
        g_autofree char *b = bd_money_format (expected);
        finding = bd_check_report_amounts (check, BD_PART_SCHEDULE_1, item->name, "预算数", expected,
                                           item->values[BD_COL_AMOUNT], BD_UNIT_YUAN,
                                           g_strdup_printf (_("%s is %s, but schedule 2's %s column totals %s"),
                                                            item->name, a, s2->def->columns[sources[i].column].name, b));
      }
      /* 财政拨款收入 is the sum of its sources: which one is wrong is not certain. */
      if (item->is_leaf)
        set_fix (finding, BD_FIX_SET_INCOME, 1, item->code, BD_COL_AMOUNT, expected);
    }
}

/* The 类 codes of @schedules (BdReads bits), each once. */
static GPtrArray *
lei_codes (BdCheck *check,
           guint    schedules)
{
  GPtrArray *codes = g_ptr_array_new ();

  /* A few dozen codes: the lists are kept by the checker, merged here. */
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      GPtrArray *lei;

      if (!(schedules & BD_READS_SCHEDULE (n)))
        continue;
      lei = bd_check_lei_codes (check, n);
      for (guint i = 0; i < lei->len; i++)
        if (!g_ptr_array_find_with_equal_func (codes, g_ptr_array_index (lei, i), g_str_equal, NULL))
          g_ptr_array_add (codes, g_ptr_array_index (lei, i));
    }
  return codes;
}


void
bd_rule_schedule_1_expense (BdCheck *check)
{
  g_autoptr(GPtrArray) codes = lei_codes (check, S (1) | S (2) | S (3));

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      BdRow *row = bd_check_row (check, 1, code);
      BdRow *in_2 = bd_check_row (check, 2, code);
      gint64 s1 = row_value (row, BD_COL_AMOUNT), s2 = row_value (in_2, BD_COL_INCOME_TOTAL);
      gint64 s3 = row_value (bd_check_row (check, 3, code), BD_COL_EXPENSE_TOTAL);
      g_autofree char *a = NULL, *b = NULL, *c = NULL;
      BdFinding *finding;

      if (s1 == s2 && s1 == s3)
        continue;
      if (row == NULL)
        {
          const char *name = in_2 ? in_2->name : "";
          bd_check_report_amounts (check, BD_PART_SCHEDULE_1, code, "预算数", s2, 0, BD_UNIT_YUAN,
                                   g_strdup_printf (_("类 %s %s is in schedules 2 and 3 but has no row in schedule 1"),
                                                    code, name));
          continue;
        }
      a = bd_money_format (s1);
      b = bd_money_format (s2);
      c = bd_money_format (s3);
      if (s2 == s3)
        {
          finding = bd_check_report_amounts (check, BD_PART_SCHEDULE_1, code, "预算数", s2, s1, BD_UNIT_YUAN,
                                             g_strdup_printf (_("%s %s is %s here, but %s in schedules 2 and 3"),
                                                              code, row->name, a, b));
          set_fix (finding, BD_FIX_SET_AMOUNT, 1, code, BD_COL_AMOUNT, s2);
        }
      else if (s1 != s2)
        bd_check_report_amounts (check, BD_PART_SCHEDULE_1, code, "预算数", s2, s1, BD_UNIT_YUAN,
                                 g_strdup_printf (_("%s %s is %s here, %s in schedule 2 and %s in schedule 3"),
                                                  code, row->name, a, b, c));
    }
}

/* Schedules 2 and 3 agree row by row, on their 合计 columns. */
void
bd_rule_schedules_2_3 (BdCheck *check,
                       guint    number,
                       BdRow   *row)
{
  gint64 a = row_value (bd_check_row (check, 2, row->code), BD_COL_INCOME_TOTAL);
  gint64 b = row_value (bd_check_row (check, 3, row->code), BD_COL_EXPENSE_TOTAL);

  if (a != b)
    {
      g_autofree char *x = bd_money_format (a);
      g_autofree char *y = bd_money_format (b);
      bd_check_report_amounts (check, BD_PART_SCHEDULE_3, row->code, "合计", a, b, BD_UNIT_YUAN,
                               g_strdup_printf (_("%s %s: income %s in schedule 2, expenditure %s here"),
                                                row->code, row->name, x, y));
    }
}

void
bd_rule_schedule_4_income (BdCheck *check)
{
  static const char * const keys[] = { "general", "fund", "capital" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      BdRow *in_4 = income_item (check, 4, keys[i]);
      BdRow *in_1 = income_item (check, 1, keys[i]);

      if (in_4 != NULL && in_1 != NULL && in_4->values[BD_COL_AMOUNT] != in_1->values[BD_COL_AMOUNT])
        {
          g_autofree char *a = bd_money_format (in_4->values[BD_COL_AMOUNT]);
          g_autofree char *b = bd_money_format (in_1->values[BD_COL_AMOUNT]);
          bd_check_report_amounts (check, BD_PART_SCHEDULE_4, in_4->name, "预算数", in_1->values[BD_COL_AMOUNT],
                                   in_4->values[BD_COL_AMOUNT],
                                   BD_UNIT_YUAN,
                                   g_strdup_printf (_("%s is %s here, but %s in schedule 1"), in_4->name, a, b));
        }
    }
}

/* Schedule 4's carry-over is the 财政拨款 part of schedule 1's: never more. */
void
bd_rule_schedule_4_carryover (BdCheck *check)
{
  BdSchedule *s1 = schedule (check, 1), *s4 = schedule (check, 4);
  static const BdRowPart parts[] = { BD_ROW_PART_CARRYOVER, BD_ROW_PART_CARRY_FORWARD };

  if (s4->carryover == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    {
      BdRow *here = bd_schedule_carry_part (s4, parts[k]);
      BdRow *there = s1->carryover ? bd_schedule_carry_part (s1, parts[k]) : NULL;
      gint64 a = here->values[0], b = row_value (there, 0);

      if (a <= b)
        continue;
      {
        g_autofree char *x = bd_money_format (a);
        g_autofree char *y = bd_money_format (b);
        bd_check_report_amounts (check, BD_PART_SCHEDULE_4, here->code, s4->def->columns[0].name, b, a,
                                 BD_UNIT_YUAN,
                                 there == NULL
                                 ? g_strdup_printf (_("%s is %s here, but schedule 1 has no %s"), here->name, x,
                                                    here->name)
                                 : g_strdup_printf (_("%s is %s here, more than schedule 1's %s %s"), here->name, x,
                                                    there->name, y));
      }
    }
}

void
bd_rule_schedule_4_expense (BdCheck *check)
{
  /* Each column of schedule 4 is the 合计 of the schedule of its fund. */
  static const struct { guint column; guint source; } columns[] = {
    { BD_COL_FISCAL_GENERAL, 5 }, { BD_COL_FISCAL_FUND, 6 }, { BD_COL_FISCAL_CAPITAL, 7 },
  };
  g_autoptr(GPtrArray) codes = lei_codes (check, S (4) | S (5) | S (6) | S (7));
  BdSchedule *s4 = schedule (check, 4);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      BdRow *row = bd_check_row (check, 4, code);

      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          guint column = columns[k].column, source = columns[k].source;
          BdRow *in_source = bd_check_row (check, source, code);
          gint64 here = row_value (row, column), there = row_value (in_source, BD_COL_EXPENSE_TOTAL);
          const char *column_name = s4->def->columns[column].name;
          BdFinding *finding;

          if (here == there)
            continue;
          if (row == NULL)
            {
              bd_check_report_amounts (check, BD_PART_SCHEDULE_4, code, column_name, there, 0, BD_UNIT_YUAN,
                                       g_strdup_printf (_("类 %s %s is in schedule %u but has no row here"),
                                                        code, in_source->name, source));
              continue;
            }
          {
            g_autofree char *a = bd_money_format (here);
            g_autofree char *b = bd_money_format (there);
            finding = bd_check_report_amounts (check, BD_PART_SCHEDULE_4, code, column_name, there, here,
                                               BD_UNIT_YUAN,
                                               g_strdup_printf (_("%s %s, %s: %s here, but %s in schedule %u"),
                                                                code, row->name, column_name, a, b, source));
          }
          set_fix (finding, BD_FIX_SET_AMOUNT, 4, code, column, there);
        }
    }
}

/* Schedules 5, 6 and 7 split schedule 3 by source of funds: together they
 * never exceed it, and equal it where all money is 财政拨款. */
/* What the rule reads of schedule 2: whether all income is 财政拨款. */
guint
bd_rule_schedules_5_6_7_context (BdCheck *check)
{
  BdRow *income = schedule (check, 2)->total;

  return income->values[BD_COL_INCOME_BUSINESS] == 0 && income->values[BD_COL_INCOME_OPERATING] == 0
         && income->values[BD_COL_INCOME_OTHER] == 0;
}

void
bd_rule_schedules_5_6_7 (BdCheck *check,
                         guint    number,
                         BdRow   *row)
{
  gboolean all_fiscal = bd_rule_schedules_5_6_7_context (check);
  const BdScheduleDef *def = schedule (check, number)->def;
  BdRow *in_3 = bd_check_row (check, 3, row->code);
  BdRow *parts[] = { bd_check_row (check, 5, row->code), bd_check_row (check, 6, row->code),
                     bd_check_row (check, 7, row->code) };

  /* Schedules 3, 5, 6 and 7 share their columns. */
  for (guint c = 0; c < def->n_columns; c++)
    {
      const char *column_name = def->columns[c].name;
      gint64 split = row_value (parts[0], c) + row_value (parts[1], c) + row_value (parts[2], c);
      gint64 whole = row_value (in_3, c);

      if (split > whole || (all_fiscal && split != whole))
        {
          g_autofree char *a = bd_money_format (split);
          g_autofree char *b = bd_money_format (whole);
          bd_check_report_amounts (check, BD_PART_SCHEDULE_3, row->code, column_name,
                                   whole, split, BD_UNIT_YUAN,
                                   split > whole
                                   ? g_strdup_printf (_("%s %s, %s: schedules 5, 6 and 7 together give %s, "
                                                        "more than %s here"), row->code, row->name,
                                                      column_name, a, b)
                                   : g_strdup_printf (_("%s %s, %s: schedules 5, 6 and 7 together give %s, "
                                                        "but all income is 财政拨款 and this schedule has %s"),
                                                      row->code, row->name, column_name, a, b));
        }
    }
}

void
bd_rule_schedule_8 (BdCheck *check)
{
  gint64 here = schedule (check, 8)->total->values[BD_COL_ECONOMIC_TOTAL];
  gint64 basic = schedule (check, 5)->total->values[BD_COL_BASIC];

  if (here != basic)
    {
      g_autofree char *a = bd_money_format (here);
      g_autofree char *b = bd_money_format (basic);
      bd_check_report_amounts (check, BD_PART_SCHEDULE_8, "合计", "合计", basic, here, BD_UNIT_YUAN,
                               g_strdup_printf (_("合计 %s does not equal schedule 5's 基本支出 %s"), a, b));
    }
}

void
bd_rule_schedule_9 (BdCheck *check)
{
  static const struct { guint column; const char *code; } lines[] = {
    { BD_COL_OUTBOUND, "30212" }, { BD_COL_RECEPTION, "30217" },
    { BD_COL_VEHICLE_PURCHASE, "31013" }, { BD_COL_VEHICLE_RUNNING, "30231" },
  };
  BdSchedule *s9 = schedule (check, 9);
  BdRow *row = g_ptr_array_index (s9->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      BdRow *line = bd_check_row (check, 8, lines[i].code);
      gint64 budget = row->values[lines[i].column];

      /* Schedule 9 also covers project spending, so it may be larger. */
      if (line == NULL || bd_money_to_wan_cents (budget) >= bd_money_to_wan_cents (line->values[BD_COL_ECONOMIC_TOTAL]))
        continue;
      {
        g_autofree char *a = bd_money_format_wan (budget, TRUE);
        g_autofree char *b = bd_money_format_wan (line->values[BD_COL_ECONOMIC_TOTAL], TRUE);
        g_autofree char *expected = g_strdup_printf ("≥%s", b);
        const char *column_name = s9->def->columns[lines[i].column].name;

        bd_check_report (check, BD_PART_SCHEDULE_9, NULL, column_name, expected, a,
                         g_strdup_printf (_("%s is %s万元, less than %s %s in schedule 8 (%s万元)"),
                                          column_name, a, line->code, line->name, b));
      }
    }
}

void
bd_rule_empty_notes (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      g_autofree char *note = NULL;
      BdFinding *finding;

      if (s->def->empty_note == NULL || !bd_schedule_is_empty (s) || s->note != NULL)
        continue;
      note = bd_document_empty_note (check->doc, number);
      finding = bd_check_report (check, PART_OF (number), NULL, NULL, note, NULL,
                                 g_strdup_printf (_("Schedule %u is empty and needs its note: %s"), number, note));
      set_fix (finding, BD_FIX_SET_NOTE, number, NULL, 0, 0);
      finding->fix.text = g_steal_pointer (&note);
    }
}

void
bd_rule_stale_notes (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      BdFinding *finding;

      if (s->note == NULL || !bd_rules_note_says_empty (s->note) || bd_schedule_is_empty (s))
        continue;
      finding = bd_check_report (check, PART_OF (number), NULL, NULL, NULL, s->note,
                                 g_strdup_printf (_("Schedule %u has figures but still says it has none: %s"),
                                                  number, s->note));
      set_fix (finding, BD_FIX_SET_NOTE, number, NULL, 0, 0);
    }
}

void
bd_rule_negative_row (BdCheck *check,
                      guint    number,
                      BdRow   *row)
{
  const BdScheduleDef *def = schedule (check, number)->def;

  for (guint c = 0; c < def->n_columns; c++)
    if (bd_schedule_def_is_entered (def, c) && row->values[c] < 0)
      {
        const char *column_name = def->columns[c].name;
        g_autofree char *title = row_title (row);

        bd_check_report_amounts (check, PART_OF (number), row_label (row), column_name, 0, row->values[c], def->unit,
                                 g_strdup_printf (_("%s, %s: a budget amount cannot be negative"), title, column_name));
      }
}

/* The income items of schedules 1 and 4, besides the rows. */
void
bd_rule_negative (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);

      for (guint i = 0; s->income && i < s->income->len; i++)
        {
          BdRow *item = g_ptr_array_index (s->income, i);
          if (item->values[BD_COL_AMOUNT] < 0)
            bd_check_report_amounts (check, PART_OF (number), item->name, "预算数", 0, item->values[BD_COL_AMOUNT], s->def->unit,
                                     g_strdup_printf (_("%s: a budget amount cannot be negative"), item->name));
        }
      if (s->carryover != NULL)
        {
          if (s->carryover->values[0] < 0)
            bd_check_report_amounts (check, PART_OF (number), s->carryover->code, "预算数", 0, s->carryover->values[0],
                                     s->def->unit, g_strdup_printf (_("%s: a budget amount cannot be negative"),
                                                                    s->carryover->name));
          bd_rule_negative_row (check, number, s->carry_forward);
        }
    }
}

void
bd_rule_title_years (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      BdFinding *finding;

      if (s->title_year == 0 || s->title_year == check->doc->year)
        continue;
      {
        g_autofree char *expected = g_strdup_printf ("%d", check->doc->year);
        g_autofree char *actual = g_strdup_printf ("%d", s->title_year);
        finding = bd_check_report (check, PART_OF (number), NULL, NULL, expected, actual,
                                   g_strdup_printf (_("Schedule %u is titled %d年, but the document is for %d年"),
                                                    number, s->title_year, check->doc->year));
      }
      set_fix (finding, BD_FIX_SET_TITLE_YEAR, number, NULL, 0, 0);
    }
}
