#include <glib/gi18n-lib.h>

#include "bd-format.h"
#include "bd-grid.h"
#include "bd-text-writer.h"

/* A table laid out for a terminal: every column as wide as its widest cell,
 * text left-aligned and figures right-aligned. */
typedef struct {
  GPtrArray *rows;         /* GPtrArray* of char*, or NULL for a rule */
  GArray    *right;        /* gboolean per column */
} TextTable;

static void
table_init (TextTable *table)
{
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->right = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

static GPtrArray *
table_add_row (TextTable *table)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
table_add_rule (TextTable *table)
{
  g_ptr_array_add (table->rows, g_ptr_array_new ());
}

static void
cell (GPtrArray  *row,
      const char *text)
{
  g_ptr_array_add (row, g_strdup (text ? text : ""));
}

static void
amount_cells (GPtrArray           *row,
              const BdScheduleDef *def,
              const BdRow         *values,
              guint                n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (row, bd_format_cell_amount (values->values[c], def->unit));
}

static void
table_set_right (TextTable *table,
                 guint      column)
{
  gboolean yes = TRUE;

  if (table->right->len <= column)
    g_array_set_size (table->right, column + 1);
  g_array_index (table->right, gboolean, column) = yes;
}

static void
table_write (TextTable *table,
             GString   *out)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  guint total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      if (widths->len < row->len)
        g_array_set_size (widths, row->len);
      for (guint c = 0; c < row->len; c++)
        g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c),
                                                bd_display_width (g_ptr_array_index (row, c)));
    }
  for (guint c = 0; c < widths->len; c++)
    total += g_array_index (widths, guint, c) + (c ? 2 : 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      GString *line = g_string_new (NULL);

      if (row->len == 0)
        {
          for (guint i = 0; i < total; i++)
            g_string_append (line, "─");
        }
      for (guint c = 0; c < row->len; c++)
        {
          const char *text = g_ptr_array_index (row, c);
          guint pad = g_array_index (widths, guint, c) - bd_display_width (text);
          gboolean right = c < table->right->len && g_array_index (table->right, gboolean, c);

          if (c > 0)
            g_string_append (line, "  ");
          if (right)
            g_string_append_printf (line, "%*s%s", pad, "", text);
          else
            g_string_append_printf (line, "%s%*s", text, pad, "");
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }

  g_ptr_array_unref (table->rows);
  g_array_unref (table->right);
}

/* The headers are the grid's one-line labels, the groups (基本支出) on a
 * line above when there are any; figures' columns right-aligned. */
static void
column_headers (TextTable    *table,
                const BdGrid *grid)
{
  guint first_figure = grid->n_columns - grid->def->n_columns;
  gboolean groups = FALSE;
  GPtrArray *row;

  for (guint c = 0; c < grid->n_columns; c++)
    groups |= grid->column_groups[c] != NULL;

  if (groups)
    {
      row = table_add_row (table);
      for (guint c = 0; c < grid->n_columns; c++)
        cell (row, grid->column_groups[c] && (c == 0 || g_strcmp0 (grid->column_groups[c - 1], grid->column_groups[c]))
              ? grid->column_groups[c] : "");
    }

  row = table_add_row (table);
  for (guint c = 0; c < grid->n_columns; c++)
    {
      cell (row, grid->column_labels[c]);
      if (c >= first_figure)
        table_set_right (table, c);
    }
  table_add_rule (table);
}

static void
classified_rows (TextTable  *table,
                 BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  gboolean function = def->row_kind == BD_ROWS_FUNCTION;
  GPtrArray *row;

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *r = g_ptr_array_index (schedule->rows, i);
      gsize length = strlen (r->code);

      row = table_add_row (table);
      g_ptr_array_add (row, g_strndup (r->code, 3));
      g_ptr_array_add (row, length > 3 ? g_strndup (r->code + 3, 2) : g_strdup (""));
      if (function)
        g_ptr_array_add (row, length > 5 ? g_strndup (r->code + 5, 2) : g_strdup (""));
      cell (row, r->name);
      amount_cells (row, def, r, def->n_columns);
    }
  table_add_rule (table);
  row = table_add_row (table);
  cell (row, "合计");
  for (guint i = 0; i < (function ? 3u : 2u); i++)
    cell (row, "");
  amount_cells (row, def, schedule->total, def->n_columns);
}

static void
balance_totals (TextTable           *table,
                const BdScheduleDef *def,
                BdSchedule          *schedule)
{
  BdBalanceLine lines[3];
  guint n = bd_grid_balance_lines (schedule, lines);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *row = table_add_row (table);

      cell (row, lines[i].income_label);
      amount_cells (row, def, lines[i].income, 1);
      cell (row, lines[i].expense_label);
      amount_cells (row, def, lines[i].expense, def->n_columns);
    }
}

static void
balance_rows (TextTable  *table,
              BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  guint n_rows = MAX (schedule->rows->len, schedule->income->len);
  GPtrArray *row;

  table_set_right (table, 1);
  for (guint i = 0; i < n_rows; i++)
    {
      row = table_add_row (table);
      if (i < schedule->income->len)
        {
          BdRow *item = g_ptr_array_index (schedule->income, i);
          cell (row, item->name);
          amount_cells (row, def, item, 1);
        }
      else
        cell (row, ""), cell (row, "");
      if (i < schedule->rows->len)
        {
          BdRow *r = g_ptr_array_index (schedule->rows, i);
          g_autofree char *numeral = bd_chinese_numeral (i + 1);
          g_ptr_array_add (row, g_strdup_printf ("%s、%s", numeral, r->name));
          amount_cells (row, def, r, def->n_columns);
        }
    }
  table_add_rule (table);
  balance_totals (table, def, schedule);
}

static void
write_schedule (GString    *out,
                BdDocument *doc,
                guint       number)
{
  BdSchedule *schedule = bd_document_get_schedule (doc, number);
  const BdScheduleDef *def = schedule->def;
  g_autoptr(BdGrid) grid = bd_grid_new_for_schedule (doc, number);
  TextTable table;

  g_string_append_printf (out, "%s\n%s    单位：%s\n\n", grid->title, grid->department,
                          def->unit == BD_UNIT_WAN ? "万元" : "元");
  table_init (&table);
  column_headers (&table, grid);
  switch (def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      classified_rows (&table, schedule);
      break;
    case BD_ROWS_BALANCE:
      balance_rows (&table, schedule);
      break;
    case BD_ROWS_SINGLE:
    default:
      amount_cells (table_add_row (&table), def, g_ptr_array_index (schedule->rows, 0), def->n_columns);
      break;
    }

  table_write (&table, out);
  if (schedule->note != NULL)
    g_string_append_printf (out, "\n%s\n", schedule->note);
}

gboolean
bd_text_write_section (GString    *out,
                       BdDocument *doc,
                       const char *id)
{
  BdSection *section = bd_document_get_section (doc, id);

  if (section == NULL)
    return FALSE;
  g_string_append_printf (out, "%s\n", section->title);
  for (guint i = 0; i < section->paragraphs->len; i++)
    g_string_append_printf (out, "\n%s\n", (char *) g_ptr_array_index (section->paragraphs, i));
  return TRUE;
}

static void
write_forms (GString    *out,
             BdDocument *doc)
{
  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      const struct { const char *label; gint64 value; } funds[] = {
        { "项目资金总额", p->total_funds }, { "其中：财政资金", p->fiscal_funds }, { "其他资金", p->other_funds },
        { "年度资金申请总额", p->annual_total }, { "其中：当年财政拨款", p->annual_fiscal },
        { "上年结转资金", p->carryover }, { "其他资金（年度）", p->annual_other },
      };
      TextTable table;

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "财政项目支出绩效目标申报表 (%d年度)\n\n", doc->year);
      g_string_append_printf (out, "项目名称：%s\n项目性质：%s    项目类别：%s\n主管部门：%s\n实施单位：%s\n"
                              "计划开始日期：%s    计划完成日期：%s\n\n",
                              p->name ? p->name : "", p->nature ? p->nature : "", p->category ? p->category : "",
                              p->supervisor ? p->supervisor : "", p->implementer ? p->implementer : "",
                              p->start_date ? p->start_date : "", p->end_date ? p->end_date : "");

      table_init (&table);
      table_set_right (&table, 1);
      for (guint f = 0; f < G_N_ELEMENTS (funds); f++)
        {
          GPtrArray *row = table_add_row (&table);
          cell (row, funds[f].label);
          g_ptr_array_add (row, bd_money_format (funds[f].value));
        }
      table_write (&table, out);

      g_string_append_printf (out, "\n项目总体目标%s%s%s：%s\n\n年度总体目标：%s\n\n",
                              p->period ? " (" : "", p->period ? p->period : "", p->period ? ")" : "",
                              p->overall_goal ? p->overall_goal : "", p->annual_goal ? p->annual_goal : "");

      table_init (&table);
      {
        GPtrArray *row = table_add_row (&table);
        const char *previous1 = NULL, *previous2 = NULL;

        cell (row, "一级指标"), cell (row, "二级指标"), cell (row, "三级指标"), cell (row, "指标值");
        table_add_rule (&table);
        for (guint j = 0; j < p->indicators->len; j++)
          {
            BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
            gboolean new1 = g_strcmp0 (previous1, indicator->level1) != 0;
            gboolean new2 = new1 || g_strcmp0 (previous2, indicator->level2) != 0;

            row = table_add_row (&table);
            cell (row, new1 ? indicator->level1 : "");
            cell (row, new2 ? indicator->level2 : "");
            cell (row, indicator->name);
            cell (row, indicator->target);
            previous1 = indicator->level1;
            previous2 = indicator->level2;
          }
      }
      table_write (&table, out);
    }
}

char *
bd_text_write_part (BdDocument *doc,
                    BdPart      part)
{
  GString *out;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  out = g_string_new (NULL);

  if (part >= BD_PART_SCHEDULE_1 && part < BD_PART_SCHEDULE_1 + BD_N_SCHEDULES)
    write_schedule (out, doc, part - BD_PART_SCHEDULE_1 + 1);
  else if (part == BD_PART_NARRATIVE || part == BD_PART_OTHER || part == BD_PART_EMPLOYEES
           || part >= BD_PART_FUNCTIONS)
    bd_text_write_section (out, doc, bd_part_to_string (part));  /* a section's id is its part's name */
  else if (part == BD_PART_PERFORMANCE)
    write_forms (out, doc);
  else
    {
      static const char * const before[] = { "functions", "organisation", "glossary", "narrative" };

      g_string_append_printf (out, "%s\n%s：%s\n", doc->title ? doc->title : "", bd_document_cover_label (doc),
                              doc->department);
      for (guint i = 0; i < G_N_ELEMENTS (before); i++)
        {
          g_string_append_c (out, '\n');
          bd_text_write_section (out, doc, before[i]);
        }
      for (guint s = 1; s <= BD_N_SCHEDULES; s++)
        {
          g_string_append_c (out, '\n');
          write_schedule (out, doc, s);
        }
      g_string_append_c (out, '\n');
      bd_text_write_section (out, doc, "other");
      g_string_append_c (out, '\n');
      bd_text_write_section (out, doc, "employees");
      g_string_append_c (out, '\n');
      write_forms (out, doc);
    }
  return g_string_free (out, FALSE);
}
