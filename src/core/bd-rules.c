/* bd-rules.c: every check of the guide (§5), one entry each
 *
 * Figures in 元 compare to the 分; figures in 万元 compare to the half-up
 * rounding of the 元 figure to hundredths of 万元.
 */

#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-check-private.h"

#define PART_OF(number) ((BdPart) (BD_PART_SCHEDULE_1 + (number) - 1))

static BdSchedule *
schedule (BdCheck *check,
          guint    number)
{
  return bd_document_get_schedule (check->doc, number);
}

static BdRow *
income_item (BdCheck    *check,
             guint       number,
             const char *key)
{
  BdSchedule *s = schedule (check, number);

  for (guint i = 0; s->income && i < s->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (s->income, i);
      if (strcmp (item->code, key) == 0)
        return item;
    }
  return NULL;
}

static gint64
row_value (BdRow *row,
           guint  column)
{
  return row ? row->values[column] : 0;
}

static const char *
row_label (BdRow *row)
{
  return row->code && *row->code ? row->code : row->name;
}

static char *
row_title (BdRow *row)
{
  if (row->code && g_ascii_isdigit (row->code[0]))
    return g_strdup_printf ("%s %s", row->code, row->name);
  return g_strdup (row->name);
}

static void
set_fix (BdFinding  *finding,
         BdFixKind   kind,
         guint       number,
         const char *code,
         guint       column,
         gint64      value)
{
  finding->fix.kind = kind;
  finding->fix.schedule = number;
  finding->fix.code = g_strdup (code);
  finding->fix.column = column;
  finding->fix.value = value;
}

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

static void
check_row_parts (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          if (!row->is_leaf)
            continue;
          for (guint c = 0; c < s->def->n_columns; c++)
            if (s->def->columns[c].sum_of != 0 && published_differs (row, c))
              report_published (check, number, row, c, _("its parts"));
        }
    }
}

static void
check_subtotals (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          if (row->is_leaf)
            continue;
          for (guint c = 0; c < s->def->n_columns; c++)
            if (published_differs (row, c))
              report_published (check, number, row, c,
                                bd_code_level (row->code) == BD_LEVEL_LEI ? _("its 款 rows") : _("its 项 rows"));
        }
    }
}

static void
check_total_rows (BdCheck *check)
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
    }
}

static void
check_balance (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      gint64 income, expense;

      if (s->def->row_kind != BD_ROWS_BALANCE)
        continue;
      income = s->income_total->values[0];
      expense = s->total->values[0];
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

static void
check_schedule_1_income (BdCheck *check)
{
  static const struct { const char *key; guint column; } sources[] = {
    { "fiscal", 1 }, { "business", 2 }, { "operating", 3 }, { "other", 4 },
  };
  BdSchedule *s2 = schedule (check, 2);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      BdRow *item = income_item (check, 1, sources[i].key);
      gint64 expected = s2->total->values[sources[i].column];
      BdFinding *finding;

      if (item == NULL || item->values[0] == expected)
        continue;
      {
        g_autofree char *a = bd_money_format (item->values[0]);
        g_autofree char *b = bd_money_format (expected);
        finding = bd_check_report_amounts (check, BD_PART_SCHEDULE_1, item->name, "预算数", expected,
                                           item->values[0], BD_UNIT_YUAN,
                                           g_strdup_printf (_("%s is %s, but schedule 2's %s column totals %s"),
                                                            item->name, a, s2->def->columns[sources[i].column].name, b));
      }
      /* 财政拨款收入 is the sum of its sources: which one is wrong is not certain. */
      if (item->is_leaf)
        set_fix (finding, BD_FIX_SET_INCOME, 1, item->code, 0, expected);
    }
}

static GPtrArray *
lei_codes (BdCheck            *check,
           const guint        *numbers,
           guint               n_numbers)
{
  GPtrArray *codes = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint n = 0; n < n_numbers; n++)
    {
      BdSchedule *s = schedule (check, numbers[n]);
      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          if (bd_code_level (row->code) == BD_LEVEL_LEI && g_hash_table_add (seen, row->code))
            g_ptr_array_add (codes, row->code);
        }
    }
  return codes;
}

static void
check_schedule_1_expense (BdCheck *check)
{
  static const guint numbers[] = { 1, 2, 3 };
  g_autoptr(GPtrArray) codes = lei_codes (check, numbers, G_N_ELEMENTS (numbers));

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      BdRow *row = bd_check_row (check, 1, code);
      BdRow *in_2 = bd_check_row (check, 2, code);
      gint64 s1 = row_value (row, 0), s2 = row_value (in_2, 0), s3 = row_value (bd_check_row (check, 3, code), 0);
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
          set_fix (finding, BD_FIX_SET_AMOUNT, 1, code, 0, s2);
        }
      else if (s1 != s2)
        bd_check_report_amounts (check, BD_PART_SCHEDULE_1, code, "预算数", s2, s1, BD_UNIT_YUAN,
                                 g_strdup_printf (_("%s %s is %s here, %s in schedule 2 and %s in schedule 3"),
                                                  code, row->name, a, b, c));
    }
}

/* Schedules 2 and 3 agree row by row, on their 合计 columns. */
static void
check_schedules_2_3 (BdCheck *check)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint pass = 0; pass < 2; pass++)
    {
      BdSchedule *s = schedule (check, pass == 0 ? 2 : 3);

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          BdRow *in_2, *in_3;
          gint64 a, b;

          if (!row->is_leaf || !g_hash_table_add (seen, row->code))
            continue;
          in_2 = bd_check_row (check, 2, row->code);
          in_3 = bd_check_row (check, 3, row->code);
          a = row_value (in_2, 0);
          b = row_value (in_3, 0);
          if (a != b)
            {
              g_autofree char *x = bd_money_format (a);
              g_autofree char *y = bd_money_format (b);
              bd_check_report_amounts (check, BD_PART_SCHEDULE_3, row->code, "合计", a, b, BD_UNIT_YUAN,
                                       g_strdup_printf (_("%s %s: income %s in schedule 2, expenditure %s here"),
                                                        row->code, row->name, x, y));
            }
        }
    }
}

static void
check_schedule_4_income (BdCheck *check)
{
  static const char * const keys[] = { "general", "fund", "capital" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      BdRow *in_4 = income_item (check, 4, keys[i]);
      BdRow *in_1 = income_item (check, 1, keys[i]);

      if (in_4 != NULL && in_1 != NULL && in_4->values[0] != in_1->values[0])
        {
          g_autofree char *a = bd_money_format (in_4->values[0]);
          g_autofree char *b = bd_money_format (in_1->values[0]);
          bd_check_report_amounts (check, BD_PART_SCHEDULE_4, in_4->name, "预算数", in_1->values[0], in_4->values[0],
                                   BD_UNIT_YUAN,
                                   g_strdup_printf (_("%s is %s here, but %s in schedule 1"), in_4->name, a, b));
        }
    }
}

static void
check_schedule_4_expense (BdCheck *check)
{
  static const guint numbers[] = { 4, 5, 6, 7 };
  g_autoptr(GPtrArray) codes = lei_codes (check, numbers, G_N_ELEMENTS (numbers));
  BdSchedule *s4 = schedule (check, 4);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      BdRow *row = bd_check_row (check, 4, code);

      for (guint column = 1; column <= 3; column++)
        {
          guint source = 4 + column;
          BdRow *in_source = bd_check_row (check, source, code);
          gint64 here = row_value (row, column), there = row_value (in_source, 0);
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
static void
check_schedules_5_6_7 (BdCheck *check)
{
  BdSchedule *s2 = schedule (check, 2);
  gboolean all_fiscal = s2->total->values[2] == 0 && s2->total->values[3] == 0 && s2->total->values[4] == 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const guint numbers[] = { 3, 5, 6, 7 };

  for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
    {
      BdSchedule *s = schedule (check, numbers[n]);

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          BdRow *in_3;

          if (!row->is_leaf || !g_hash_table_add (seen, row->code))
            continue;
          in_3 = bd_check_row (check, 3, row->code);
          for (guint c = 0; c < 3; c++)
            {
              gint64 split = row_value (bd_check_row (check, 5, row->code), c)
                           + row_value (bd_check_row (check, 6, row->code), c)
                           + row_value (bd_check_row (check, 7, row->code), c);
              gint64 whole = row_value (in_3, c);

              if (split > whole || (all_fiscal && split != whole))
                {
                  g_autofree char *a = bd_money_format (split);
                  g_autofree char *b = bd_money_format (whole);
                  bd_check_report_amounts (check, BD_PART_SCHEDULE_3, row->code, s->def->columns[c].name,
                                           whole, split, BD_UNIT_YUAN,
                                           split > whole
                                           ? g_strdup_printf (_("%s %s, %s: schedules 5, 6 and 7 together give %s, "
                                                                "more than %s here"), row->code, row->name,
                                                              s->def->columns[c].name, a, b)
                                           : g_strdup_printf (_("%s %s, %s: schedules 5, 6 and 7 together give %s, "
                                                                "but all income is 财政拨款 and this schedule has %s"),
                                                              row->code, row->name, s->def->columns[c].name, a, b));
                }
            }
        }
    }
}

static void
check_schedule_8 (BdCheck *check)
{
  gint64 here = schedule (check, 8)->total->values[0];
  gint64 basic = schedule (check, 5)->total->values[1];

  if (here != basic)
    {
      g_autofree char *a = bd_money_format (here);
      g_autofree char *b = bd_money_format (basic);
      bd_check_report_amounts (check, BD_PART_SCHEDULE_8, "合计", "合计", basic, here, BD_UNIT_YUAN,
                               g_strdup_printf (_("合计 %s does not equal schedule 5's 基本支出 %s"), a, b));
    }
}

static void
check_schedule_9 (BdCheck *check)
{
  static const struct { guint column; const char *code; } lines[] = {
    { 1, "30212" }, { 2, "30217" }, { 4, "31013" }, { 5, "30231" },
  };
  BdSchedule *s9 = schedule (check, 9);
  BdRow *row = g_ptr_array_index (s9->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      BdRow *line = bd_check_row (check, 8, lines[i].code);
      gint64 budget = row->values[lines[i].column];

      /* Schedule 9 also covers project spending, so it may be larger. */
      if (line == NULL || bd_money_to_wan_cents (budget) >= bd_money_to_wan_cents (line->values[0]))
        continue;
      {
        g_autofree char *a = bd_money_format_wan (budget, TRUE);
        g_autofree char *b = bd_money_format_wan (line->values[0], TRUE);
        g_autofree char *expected = g_strdup_printf ("≥%s", b);
        const char *column_name = s9->def->columns[lines[i].column].name;

        bd_check_report (check, BD_PART_SCHEDULE_9, NULL, column_name, expected, a,
                         g_strdup_printf (_("%s is %s万元, less than %s %s in schedule 8 (%s万元)"),
                                          column_name, a, line->code, line->name, b));
      }
    }
}

static void
check_empty_notes (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      g_autofree char *note = NULL;
      BdFinding *finding;

      if (s->def->empty_note == NULL || !bd_schedule_is_empty (s) || s->note != NULL)
        continue;
      note = bd_schedule_def_empty_note (s->def, check->doc->year);
      finding = bd_check_report (check, PART_OF (number), NULL, NULL, note, NULL,
                                 g_strdup_printf (_("Schedule %u is empty and needs its note: %s"), number, note));
      set_fix (finding, BD_FIX_SET_NOTE, number, NULL, 0, 0);
      finding->fix.text = g_steal_pointer (&note);
    }
}

static void
check_stale_notes (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      BdFinding *finding;

      if (s->note == NULL || strstr (s->note, "无数据") == NULL || bd_schedule_is_empty (s))
        continue;
      finding = bd_check_report (check, PART_OF (number), NULL, NULL, NULL, s->note,
                                 g_strdup_printf (_("Schedule %u has figures but still says it has none: %s"),
                                                  number, s->note));
      set_fix (finding, BD_FIX_SET_NOTE, number, NULL, 0, 0);
    }
}

/* Text figures */

static void
compare_text_figure (BdCheck    *check,
                     BdPart      part,
                     const char *key,
                     const char *label,
                     gint64      schedule_value,
                     const char *source)
{
  const BdFigure *figure = bd_document_get_figure (check->doc, key);
  gint64 expected, actual;

  if (figure == NULL)
    return;
  if (figure->unit == BD_FIGURE_WAN)
    {
      expected = bd_money_to_wan_cents (schedule_value);
      actual = bd_money_to_wan_cents (figure->value);
    }
  else
    expected = schedule_value, actual = figure->value;

  if (expected != actual)
    {
      g_autofree char *e = figure->unit == BD_FIGURE_WAN ? bd_money_format_wan (schedule_value, TRUE)
                                                          : bd_money_format (schedule_value);
      g_autofree char *a = figure->unit == BD_FIGURE_WAN ? bd_money_format_wan (figure->value, TRUE)
                                                          : bd_money_format (figure->value);
      const char *unit = figure->unit == BD_FIGURE_WAN ? "万元" : "元";

      bd_check_report (check, part, label, NULL, e, a,
                       g_strdup_printf (_("The text gives %s %s%s, but %s has %s%s"), label, a, unit, source, e, unit));
    }
}

static gboolean
has_item_lines (BdDocument *doc)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "narrative.item."))
      return TRUE;
  return FALSE;
}

static void
check_narrative (BdCheck *check)
{
  BdSchedule *s1 = schedule (check, 1);
  BdSchedule *s4 = schedule (check, 4);
  BdSchedule *s5 = schedule (check, 5);
  const struct { const char *key; const char *label; gint64 value; const char *source; } figures[] = {
    { "narrative.income.total", "收入预算", s1->income_total->values[0], _("schedule 1") },
    { "narrative.income.fiscal", "财政拨款收入", row_value (income_item (check, 1, "fiscal"), 0), _("schedule 1") },
    { "narrative.income.business", "事业收入", row_value (income_item (check, 1, "business"), 0), _("schedule 1") },
    { "narrative.income.operating", "事业单位经营收入", row_value (income_item (check, 1, "operating"), 0), _("schedule 1") },
    { "narrative.income.other", "其他收入", row_value (income_item (check, 1, "other"), 0), _("schedule 1") },
    { "narrative.expense.total", "支出预算", s1->total->values[0], _("schedule 1") },
    { "narrative.expense.fiscal", "财政拨款支出预算", s4->total->values[0], _("schedule 4") },
    { "narrative.expense.general", "一般公共预算拨款支出预算", s4->total->values[1], _("schedule 4") },
    { "narrative.expense.fund", "政府性基金拨款支出预算", s4->total->values[2], _("schedule 4") },
    { "narrative.expense.capital", "国有资本经营预算拨款支出预算", s4->total->values[3], _("schedule 4") },
  };
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    compare_text_figure (check, BD_PART_NARRATIVE, figures[i].key, figures[i].label, figures[i].value,
                         figures[i].source);

  /* One line per 项 of schedule 5, keyed by its name. */
  for (guint i = 0; i < s5->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s5->rows, i);
      if (row->is_leaf)
        g_hash_table_insert (items, row->name, row);
    }

  g_hash_table_iter_init (&iter, check->doc->figures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name;
      BdRow *row;
      g_autofree char *label = NULL;

      if (!g_str_has_prefix (key, "narrative.item."))
        continue;
      name = (const char *) key + strlen ("narrative.item.");
      label = g_strdup_printf ("“%s”科目", name);
      row = g_hash_table_lookup (items, name);
      if (row == NULL)
        {
          bd_check_report (check, BD_PART_NARRATIVE, label, NULL, NULL, NULL,
                           g_strdup_printf (_("The text names %s, which is not a 项 of schedule 5"), label));
          continue;
        }
      compare_text_figure (check, BD_PART_NARRATIVE, key, label, row->values[0], _("schedule 5"));
      g_hash_table_remove (items, name);
    }

  /* Once the text lists 项 lines at all, it lists every 项 of schedule 5. */
  if (!has_item_lines (check->doc))
    return;
  for (guint i = 0; i < s5->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s5->rows, i);

      if (row->is_leaf && g_hash_table_contains (items, row->name))
        {
          g_autofree char *amount = bd_money_format_wan (row->values[0], FALSE);
          bd_check_report (check, BD_PART_NARRATIVE, row->code, NULL, amount, NULL,
                           g_strdup_printf (_("The text has no line for 项 %s %s (%s万元 in schedule 5)"),
                                            row->code, row->name, amount));
        }
    }
}

static void
check_other (BdCheck *check)
{
  BdRow *s9 = g_ptr_array_index (schedule (check, 9)->rows, 0);
  const struct { const char *key; const char *label; gint64 value; const char *source; } figures[] = {
    { "other.sangong.total", "“三公”经费", s9->values[0], _("schedule 9") },
    { "other.sangong.outbound", "因公出国（境）费", s9->values[1], _("schedule 9") },
    { "other.sangong.reception", "公务接待费", s9->values[2], _("schedule 9") },
    { "other.sangong.vehicle", "公务用车购置及运行费", s9->values[3], _("schedule 9") },
    { "other.sangong.vehicle_purchase", "公务用车购置费", s9->values[4], _("schedule 9") },
    { "other.sangong.vehicle_running", "公务用车运行费", s9->values[5], _("schedule 9") },
    { "other.operating_costs", "机关运行经费", s9->values[6], _("schedule 9") },
    { "other.goals.funds", "绩效目标项目预算资金", schedule (check, 3)->total->values[2], _("schedule 3's 项目支出") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    compare_text_figure (check, BD_PART_OTHER, figures[i].key, figures[i].label, figures[i].value,
                         figures[i].source);
}

static void
check_procurement (BdCheck *check)
{
  const BdFigure *total = bd_document_get_figure (check->doc, "other.procurement.total");
  static const char * const parts[] = { "other.procurement.goods", "other.procurement.works",
                                        "other.procurement.services" };
  gint64 sum = 0;

  if (total == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const BdFigure *part = bd_document_get_figure (check->doc, parts[i]);
      if (part == NULL)
        return;
      sum += bd_money_to_wan_cents (part->value);
    }
  if (sum != bd_money_to_wan_cents (total->value))
    {
      g_autofree char *a = bd_money_format_wan (total->value, TRUE);
      g_autofree char *b = bd_money_format_wan (sum * 10000, TRUE);
      bd_check_report (check, BD_PART_OTHER, "政府采购预算", NULL, b, a,
                       g_strdup_printf (_("政府采购预算 is %s万元, but 货物, 工程 and 服务 add up to %s万元"), a, b));
    }
}

static gint64
forms_total (BdDocument *doc)
{
  gint64 total = 0;

  for (guint i = 0; i < doc->projects->len; i++)
    total += ((BdProject *) g_ptr_array_index (doc->projects, i))->annual_total;
  return total;
}

static void
check_goal_count (BdCheck *check)
{
  const BdFigure *declared = bd_document_get_figure (check->doc, "other.goals.projects");
  const BdFigure *funds = bd_document_get_figure (check->doc, "other.goals.funds");
  guint entered = check->doc->projects->len;

  if (declared == NULL || declared->value == entered)
    return;
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, declared->value);
    g_autofree char *actual = g_strdup_printf ("%u", entered);
    g_autofree char *declared_funds = funds ? bd_money_format_wan (funds->value, TRUE) : g_strdup ("?");
    g_autofree char *entered_funds = bd_money_format_wan (forms_total (check->doc), TRUE);

    bd_check_report (check, BD_PART_PERFORMANCE, NULL, NULL, expected, actual,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s projects (%s万元) are declared with goals; %u form is entered (%s万元)",
                                                   "%s projects (%s万元) are declared with goals; %u forms are entered (%s万元)",
                                                   entered),
                                      expected, declared_funds, entered, entered_funds));
  }
}

/* Once every declared form is entered, their funds are schedule 3's 项目支出. */
static void
check_forms_against_schedule_3 (BdCheck *check)
{
  const BdFigure *declared = bd_document_get_figure (check->doc, "other.goals.projects");
  gint64 projects = schedule (check, 3)->total->values[2];
  gint64 forms = forms_total (check->doc);

  if (check->doc->projects->len == 0 || (declared != NULL && declared->value != check->doc->projects->len))
    return;
  if (forms != projects)
    {
      g_autofree char *a = bd_money_format (forms);
      g_autofree char *b = bd_money_format (projects);
      bd_check_report_amounts (check, BD_PART_PERFORMANCE, NULL, "年度资金申请总额", projects, forms, BD_UNIT_YUAN,
                               g_strdup_printf (_("The forms' funds add up to %s, but schedule 3's 项目支出 is %s"), a, b));
    }
}

static BdProject *
find_project (BdDocument *doc,
              const char *name)
{
  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  return NULL;
}

static void
check_employees (BdCheck *check)
{
  BdProject *project = find_project (check->doc, "政府雇员");

  if (project != NULL)
    compare_text_figure (check, BD_PART_EMPLOYEES, "employees.funds", "财政资金预算安排", project->annual_total,
                         _("the form of 政府雇员"));
}

/* The forms */

typedef struct {
  gboolean    quantitative;
  const char *op;
  gint64      value;      /* in 分 when the unit is money, else hundredths */
  char       *unit;
} Target;

/* "≤4630048.00(元)", "=32.00(人)", or qualitative text such as "合理". */
static gboolean
parse_target (const char *text,
              Target     *target)
{
  static GRegex *quantitative = NULL;
  static const char * const operators[] = { "=", "≥", "≤", ">", "<", "＝", "＞", "＜", NULL };
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&quantitative))
    g_once_init_leave (&quantitative, g_regex_new ("^(=|≥|≤|>|<)(\\d+\\.\\d{2})\\(([^()]+)\\)$", 0, 0, NULL));

  memset (target, 0, sizeof *target);
  if (text == NULL || *text == '\0')
    return FALSE;
  if (g_regex_match (quantitative, text, 0, &match))
    {
      g_autofree char *op = g_match_info_fetch (match, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);

      target->quantitative = TRUE;
      target->op = g_intern_string (op);
      target->unit = g_match_info_fetch (match, 3);
      if (!bd_money_parse (number, strcmp (target->unit, "万元") == 0 ? BD_UNIT_WAN : BD_UNIT_YUAN,
                           &target->value, NULL))
        {
          g_clear_pointer (&target->unit, g_free);
          return FALSE;
        }
      return TRUE;
    }
  /* Anything that starts like a quantitative target, or is a bare number, is a malformed one. */
  for (guint i = 0; operators[i]; i++)
    if (g_str_has_prefix (text, operators[i]))
      return FALSE;
  if (g_ascii_isdigit (text[0]))
    return FALSE;
  return TRUE;
}

static gboolean
is_cost_indicator (const BdIndicator *indicator)
{
  return g_strcmp0 (indicator->level1, "成本指标") == 0 || g_strcmp0 (indicator->level2, "成本指标") == 0;
}

static void
check_form_funds (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      const struct { const char *label; gint64 total; gint64 parts; } sums[] = {
        { "项目资金总额", p->total_funds, p->fiscal_funds + p->other_funds },
        { "年度资金申请总额", p->annual_total, p->annual_fiscal + p->carryover + p->annual_other },
      };

      for (guint s = 0; s < G_N_ELEMENTS (sums); s++)
        if (sums[s].total != sums[s].parts)
          {
            g_autofree char *a = bd_money_format (sums[s].total);
            g_autofree char *b = bd_money_format (sums[s].parts);
            bd_check_report_amounts (check, BD_PART_PERFORMANCE, p->name, sums[s].label, sums[s].parts,
                                     sums[s].total, BD_UNIT_YUAN,
                                     g_strdup_printf (_("%s: %s is %s, but its parts add up to %s"),
                                                      p->name, sums[s].label, a, b));
          }
    }
}

static void
check_cost_ceiling (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      gint64 funds = p->annual_total ? p->annual_total : p->total_funds;

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target;

          if (!is_cost_indicator (indicator) || !parse_target (indicator->target, &target) || !target.quantitative)
            continue;
          if ((strcmp (target.unit, "元") == 0 || strcmp (target.unit, "万元") == 0)
              && (strcmp (target.op, "≥") != 0 && strcmp (target.op, ">") != 0) && target.value > funds)
            {
              g_autofree char *f = bd_money_format (funds);
              g_autofree char *expected = g_strdup_printf ("≤%s", f);
              bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, expected, indicator->target,
                               g_strdup_printf (_("%s: the cost ceiling %s of “%s” is above the project's funds %s"),
                                                p->name, indicator->target, indicator->name, f));
            }
          g_free (target.unit);
        }
    }
}

static void
check_categories (BdCheck *check)
{
  const char * const *categories = bd_framework_level1 (check->doc->framework);

  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint c = 0; categories[c]; c++)
        {
          gboolean present = FALSE;

          for (guint j = 0; j < p->indicators->len && !present; j++)
            present = g_strcmp0 (((BdIndicator *) g_ptr_array_index (p->indicators, j))->level1, categories[c]) == 0;
          if (!present)
            bd_check_report (check, BD_PART_PERFORMANCE, p->name, categories[c], categories[c], NULL,
                             g_strdup_printf (_("%s: no indicator under %s"), p->name, categories[c]));
        }
    }
}

static void
check_targets (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target;

          if (parse_target (indicator->target, &target))
            {
              g_free (target.unit);
              continue;
            }
          bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, "≤4630048.00(元)", indicator->target,
                           g_strdup_printf (_("%s: the target “%s” of “%s” is not well formed: write an operator "
                                              "(= ≥ ≤ > <), a number with two decimals and the unit in brackets, "
                                              "like ≥90.00(%%), or a word such as 合理"),
                                            p->name, indicator->target, indicator->name));
        }
    }
}

static void
check_quantitative_output (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      gboolean found = FALSE;

      for (guint j = 0; j < p->indicators->len && !found; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target = { 0 };

          if (g_strcmp0 (indicator->level1, "产出指标") == 0 && parse_target (indicator->target, &target))
            found = target.quantitative;
          if (target.unit)
            g_free (target.unit);
        }
      if (!found && p->indicators->len > 0)
        bd_check_report (check, BD_PART_PERFORMANCE, p->name, "产出指标", NULL, NULL,
                         g_strdup_printf (_("%s: no 产出指标 has a quantitative target"), p->name));
    }
}

/* The document as a whole */

static void
check_catalog (BdCheck *check,
               gboolean names)
{
  BdCatalog *catalog = bd_catalog_get_default ();

  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);
      BdClassification classification;

      if (s->def->row_kind == BD_ROWS_FUNCTION)
        classification = BD_CLASSIFICATION_FUNCTION;
      else if (s->def->row_kind == BD_ROWS_ECONOMIC)
        classification = BD_CLASSIFICATION_ECONOMIC;
      else
        continue;

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          const BdCatalogEntry *entry = bd_catalog_lookup (catalog, classification, row->code);
          const char *own = entry ? NULL : g_hash_table_lookup (check->doc->extra_codes[classification], row->code);
          BdFinding *finding;

          if (own != NULL)
            {
              /* The document's own code: its name is the one the document gives. */
              if (names && strcmp (own, row->name) != 0)
                bd_check_report (check, PART_OF (number), row->code, NULL, own, row->name,
                                 g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                                  row->code, row->name, own));
              continue;
            }
          if (!names && entry == NULL)
            bd_check_report (check, PART_OF (number), row->code, NULL, NULL, row->code,
                             g_strdup_printf (_("Code %s (%s) is not in the classification catalog"),
                                              row->code, row->name));
          else if (names && entry != NULL && strcmp (entry->name, row->name) != 0)
            {
              finding = bd_check_report (check, PART_OF (number), row->code, NULL, entry->name, row->name,
                                         g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                                          row->code, row->name, entry->name));
              set_fix (finding, BD_FIX_SET_NAME, number, row->code, 0, 0);
              finding->fix.text = g_strdup (entry->name);
            }
        }
    }
}

static void
check_unknown_codes (BdCheck *check)
{
  check_catalog (check, FALSE);
}

static void
check_code_names (BdCheck *check)
{
  check_catalog (check, TRUE);
}

static void
check_negative (BdCheck *check)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *s = schedule (check, number);

      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          if (!row->is_leaf)
            continue;
          for (guint c = 0; c < s->def->n_columns; c++)
            if (bd_schedule_def_is_entered (s->def, c) && row->values[c] < 0)
              {
                g_autofree char *title = row_title (row);
                bd_check_report_amounts (check, PART_OF (number), row_label (row), s->def->columns[c].name, 0,
                                         row->values[c], s->def->unit,
                                         g_strdup_printf (_("%s, %s: a budget amount cannot be negative"),
                                                          title, s->def->columns[c].name));
              }
        }
      for (guint i = 0; s->income && i < s->income->len; i++)
        {
          BdRow *item = g_ptr_array_index (s->income, i);
          if (item->values[0] < 0)
            bd_check_report_amounts (check, PART_OF (number), item->name, "预算数", 0, item->values[0], s->def->unit,
                                     g_strdup_printf (_("%s: a budget amount cannot be negative"), item->name));
        }
    }
}

static void
check_title_years (BdCheck *check)
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

/* The sections every document has, once there, carry text: a new document
 * starts with them (bd_narrative_start) and the clerk writes 主要职能 and
 * 机构设置. A document made without them (the generator's) is not held to
 * them. */
static void
check_sections (BdCheck *check)
{
  static const struct { const char *id; BdPart part; } required[] = {
    { "functions", BD_PART_DOCUMENT }, { "organisation", BD_PART_DOCUMENT }, { "glossary", BD_PART_DOCUMENT },
    { "narrative", BD_PART_NARRATIVE }, { "other", BD_PART_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      BdSection *section = bd_document_get_section (check->doc, required[i].id);
      gboolean written = FALSE;

      for (guint p = 0; section != NULL && p < section->paragraphs->len && !written; p++)
        written = *(const char *) g_ptr_array_index (section->paragraphs, p) != '\0';
      if (section != NULL && !written)
        bd_check_report (check, required[i].part, section->title, NULL, NULL, NULL,
                         g_strdup_printf (_("“%s” has no text yet"), section->title));
    }
}

#define S(n) BD_READS_SCHEDULE (n)

static const BdRule rules[] = {
  { "row-parts", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every row's 合计 (and schedule 9's 小计) equals the sum of its parts"), check_row_parts },
  { "subtotal", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("Every 类 row is the sum of its 款 rows, every 款 row the sum of its 项 rows"), check_subtotals },
  { "total-row", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("The 合计 rows, 财政拨款收入 and 收入总计 equal the sum of what they total"), check_total_rows },
  { "balance", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, S (1) | S (4),
    N_("Schedules 1 and 4 balance: 收入总计 equals 支出总计"), check_balance },
  { "schedule-1-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2),
    N_("Schedule 1's income sources equal the column totals of schedule 2"), check_schedule_1_income },
  { "schedule-1-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_1, S (1) | S (2) | S (3) | BD_READS_ROWS,
    N_("Schedule 1's expenditure by 类 equals schedules 2 and 3 by 类"), check_schedule_1_expense },
  { "schedule-2-3", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | BD_READS_ROWS,
    N_("Schedules 2 and 3 agree row by row"), check_schedules_2_3 },
  { "schedule-4-income", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (1) | S (4),
    N_("Schedule 4's income equals schedule 1's 财政拨款收入 split"), check_schedule_4_income },
  { "schedule-4-expenditure", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_4, S (4) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedule 4's columns by 类 equal the 类 totals of schedules 5, 6 and 7"), check_schedule_4_expense },
  { "schedules-5-6-7", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_3, S (2) | S (3) | S (5) | S (6) | S (7) | BD_READS_ROWS,
    N_("Schedules 5, 6 and 7 together are within schedule 3, row by row"), check_schedules_5_6_7 },
  { "schedule-8", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_8, S (5) | S (8),
    N_("Schedule 8's 合计 equals schedule 5's 基本支出"), check_schedule_8 },
  { "schedule-9", BD_SEVERITY_ERROR, BD_PART_SCHEDULE_9, S (8) | S (9),
    N_("Schedule 9 is never less than schedule 8's lines for the same costs"), check_schedule_9 },
  { "empty-note", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES | BD_READS_HEADER,
    N_("An empty schedule carries its note"), check_empty_notes },
  { "stale-note", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("A schedule with figures does not say it has none"), check_stale_notes },
  { "narrative-figures", BD_SEVERITY_ERROR, BD_PART_NARRATIVE, S (1) | S (4) | S (5) | BD_READS_ROWS | BD_READS_TEXT,
    N_("The 编制说明's figures equal the schedules'"), check_narrative },
  { "other-figures", BD_SEVERITY_ERROR, BD_PART_OTHER, S (3) | S (9) | BD_READS_TEXT,
    N_("Section 六's 三公, 机关运行经费 and goal figures equal the schedules'"), check_other },
  { "procurement-split", BD_SEVERITY_ERROR, BD_PART_OTHER, BD_READS_TEXT,
    N_("政府采购预算 equals 货物 + 工程 + 服务"), check_procurement },
  { "employees-amount", BD_SEVERITY_ERROR, BD_PART_EMPLOYEES, BD_READS_TEXT | BD_READS_FORMS,
    N_("The 政府雇员 section's amount equals its form's funds"), check_employees },
  { "goal-count", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_TEXT | BD_READS_FORMS,
    N_("Every project declared with goals has its form"), check_goal_count },
  { "forms-project-spending", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, S (3) | BD_READS_TEXT | BD_READS_FORMS,
    N_("Once every form is entered, their funds equal schedule 3's 项目支出"), check_forms_against_schedule_3 },
  { "form-funds", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's funds add up"), check_form_funds },
  { "form-cost-ceiling", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's cost ceiling is within its funds"), check_cost_ceiling },
  { "form-categories", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS | BD_READS_HEADER,
    N_("A form has an indicator under every 一级 category"), check_categories },
  { "form-target", BD_SEVERITY_ERROR, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form's targets are well formed"), check_targets },
  { "form-quantitative-output", BD_SEVERITY_WARNING, BD_PART_PERFORMANCE, BD_READS_FORMS,
    N_("A form has at least one quantitative 产出 indicator"), check_quantitative_output },
  { "unknown-code", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes are in the classification catalog"), check_unknown_codes },
  { "code-name", BD_SEVERITY_WARNING, BD_PART_DOCUMENT, BD_READS_ROWS,
    N_("Codes carry the catalog's names"), check_code_names },
  { "negative-amount", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_ALL_SCHEDULES,
    N_("No amount is negative"), check_negative },
  { "title-year", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_HEADER,
    N_("Every schedule is titled with the document's year"), check_title_years },
  { "empty-section", BD_SEVERITY_ERROR, BD_PART_DOCUMENT, BD_READS_TEXT,
    N_("The sections every document has carry text"), check_sections },
};

const BdRule *
bd_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}
