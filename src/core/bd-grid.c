#include "bd-format.h"
#include "bd-grid.h"

/* Grids are built top to bottom: a row is appended blank (every cell an
 * empty one-by-one cell), then cells are set or merged into it. */

static BdGrid *
grid_new (guint n_columns)
{
  BdGrid *grid = g_new0 (BdGrid, 1);

  grid->n_columns = n_columns;
  grid->column_labels = g_new0 (char *, n_columns + 1);
  grid->column_groups = g_new0 (char *, n_columns + 1);
  return grid;
}

static guint
append_row (BdGrid        *grid,
            BdGridRowKind  kind,
            guint         *capacity)
{
  guint row = grid->n_rows++;

  if (grid->n_rows > *capacity)
    {
      *capacity = MAX (16, *capacity * 2);
      grid->row_kinds = g_renew (BdGridRowKind, grid->row_kinds, *capacity);
      grid->cells = g_renew (BdGridCell, grid->cells, (gsize) *capacity * grid->n_columns);
    }
  grid->row_kinds[row] = kind;
  for (guint c = 0; c < grid->n_columns; c++)
    *bd_grid_cell (grid, row, c) = (BdGridCell) { NULL, 1, 1, BD_GRID_ALIGN_CENTER, FALSE, 0, NULL, -1, FALSE };
  return row;
}

/* Sets the text of a cell and merges the cells it spans into it. */
static BdGridCell *
set_text (BdGrid      *grid,
          guint        row,
          guint        column,
          guint        col_span,
          guint        row_span,
          BdGridAlign  align,
          const char  *text)
{
  BdGridCell *cell = bd_grid_cell (grid, row, column);

  g_assert (row + row_span <= grid->n_rows && column + col_span <= grid->n_columns);
  for (guint r = row; r < row + row_span; r++)
    for (guint c = column; c < column + col_span; c++)
      {
        BdGridCell *covered = bd_grid_cell (grid, r, c);
        g_clear_pointer (&covered->text, g_free);
        covered->col_span = covered->row_span = 0;
      }
  cell->text = g_strdup (text ? text : "");
  cell->col_span = col_span;
  cell->row_span = row_span;
  cell->align = align;
  return cell;
}

static void
set_amount (BdGrid      *grid,
            guint        row,
            guint        column,
            const BdRow *source,
            guint        value)
{
  BdGridCell *cell = bd_grid_cell (grid, row, column);

  g_free (cell->text);
  cell->text = bd_format_cell_amount (source->values[value], grid->amount_unit);
  cell->align = BD_GRID_ALIGN_RIGHT;
  cell->figure = TRUE;
  cell->amount = source->values[value];
  cell->source = source;
  cell->value = value;
}

static gboolean
same (const char *a,
      const char *b)
{
  return a != NULL && g_strcmp0 (a, b) == 0;
}

/* The headers over the amount columns, in the rows [first_row, first_row +
 * n_rows): a band over them (the schedule's header group, or each column's
 * own band with the year), the names of column groups, the column names.
 * A band over one column alone (schedule 9's 机关运行经费预算数) stands for
 * that column's name and spans every header row. */
static void
add_amount_headers (BdGrid              *grid,
                    const BdScheduleDef *def,
                    int                  year,
                    guint                first_row,
                    guint                n_rows,
                    guint                first_column,
                    gboolean             with_band)
{
  guint name_row = first_row + (with_band ? 1 : 0);
  guint name_rows = first_row + n_rows - name_row;

  if (with_band && def->columns[0].band == NULL)
    set_text (grid, first_row, first_column, def->n_columns, 1, BD_GRID_ALIGN_CENTER, def->header_group);

  for (guint c = 0; c < def->n_columns;)
    {
      const BdColumnDef *column = &def->columns[c];
      /* Without bands, a group may run over any of the columns. */
      guint span = with_band ? 1 : def->n_columns - c;

      if (with_band && column->band != NULL)
        {
          g_autofree char *band = g_strdup_printf ("%d年%s", year, column->band);

          while (c + span < def->n_columns && same (def->columns[c + span].band, column->band))
            span++;
          if (span == 1)
            {
              set_text (grid, first_row, first_column + c, 1, n_rows, BD_GRID_ALIGN_CENTER, band);
              c++;
              continue;
            }
          set_text (grid, first_row, first_column + c, span, 1, BD_GRID_ALIGN_CENTER, band);
        }

      for (guint k = c; k < c + span;)
        {
          const BdColumnDef *inner = &def->columns[k];
          guint group_span = 1;

          if (inner->group == NULL)
            {
              set_text (grid, name_row, first_column + k, 1, name_rows, BD_GRID_ALIGN_CENTER, inner->name);
              k++;
              continue;
            }
          while (k + group_span < c + span && same (def->columns[k + group_span].group, inner->group))
            group_span++;
          set_text (grid, name_row, first_column + k, group_span, 1, BD_GRID_ALIGN_CENTER, inner->group);
          for (guint g = k; g < k + group_span; g++)
            set_text (grid, name_row + 1, first_column + g, 1, name_rows - 1, BD_GRID_ALIGN_CENTER,
                      def->columns[g].name);
          k += group_span;
        }
      c += span;
    }
}

/* The one-line labels: @leading for the columns before the figures, then
 * each figure column's name and group. */
static void
set_column_labels (BdGrid             *grid,
                   const char * const *leading,
                   guint               n_leading)
{
  const BdScheduleDef *def = grid->def;

  for (guint c = 0; c < n_leading; c++)
    grid->column_labels[c] = g_strdup (leading[c]);
  for (guint c = 0; c < def->n_columns; c++)
    {
      grid->column_labels[n_leading + c] = g_strdup (def->columns[c].name);
      grid->column_groups[n_leading + c] = g_strdup (def->columns[c].group);
    }
}

static void
add_amounts (BdGrid      *grid,
             guint        row,
             guint        first_column,
             const BdRow *source)
{
  for (guint c = 0; c < grid->def->n_columns; c++)
    set_amount (grid, row, first_column + c, source, c);
}

static void
build_classified (BdGrid     *grid,
                  BdSchedule *schedule,
                  guint      *capacity)
{
  const BdScheduleDef *def = schedule->def;
  gboolean function = def->row_kind == BD_ROWS_FUNCTION;
  guint n_code = function ? 3 : 2;
  static const char * const code_names[] = { "类", "款", "项" };
  static const char * const function_labels[] = { "类", "款", "项", "科目名称" };
  static const char * const economic_labels[] = { "类", "款", "科目名称" };

  for (guint r = 0; r < 3; r++)
    append_row (grid, BD_GRID_ROW_HEADER, capacity);
  grid->n_header_rows = 3;
  set_text (grid, 0, 0, n_code + 1, 1, BD_GRID_ALIGN_CENTER, "项目");
  set_text (grid, 1, 0, n_code, 1, BD_GRID_ALIGN_CENTER, function ? "功能分类科目编码" : "部门预算经济分类科目编码");
  set_text (grid, 1, n_code, 1, 2, BD_GRID_ALIGN_CENTER, function ? "功能分类科目名称" : "经济分类科目名称");
  for (guint c = 0; c < n_code; c++)
    set_text (grid, 2, c, 1, 1, BD_GRID_ALIGN_CENTER, code_names[c]);
  add_amount_headers (grid, def, 0, 0, 3, n_code + 1, TRUE);
  set_column_labels (grid, function ? function_labels : economic_labels, n_code + 1);

  if (schedule->rows->len == 0)
    {
      /* Published empty: the headers and one blank row, with the note below. */
      append_row (grid, BD_GRID_ROW_BODY, capacity);
      return;
    }

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      const BdRow *source = g_ptr_array_index (schedule->rows, i);
      gsize length = strlen (source->code);
      guint row = append_row (grid, source->is_leaf ? BD_GRID_ROW_BODY : BD_GRID_ROW_SUBTOTAL, capacity);

      for (guint c = 0; c < n_code; c++)
        {
          gsize start = c == 0 ? 0 : 3 + 2 * (c - 1);
          g_autofree char *part = length > start ? g_strndup (source->code + start, c == 0 ? 3 : 2) : NULL;
          set_text (grid, row, c, 1, 1, BD_GRID_ALIGN_CENTER, part);
        }
      set_text (grid, row, n_code, 1, 1, BD_GRID_ALIGN_LEFT, source->name);
      add_amounts (grid, row, n_code + 1, source);
    }

  guint total = append_row (grid, BD_GRID_ROW_TOTAL, capacity);
  set_text (grid, total, 0, n_code + 1, 1, BD_GRID_ALIGN_CENTER, "合计");
  add_amounts (grid, total, n_code + 1, schedule->total);
}

guint
bd_grid_balance_lines (BdSchedule    *schedule,
                       BdBalanceLine  lines[3])
{
  if (schedule->carryover == NULL)
    {
      lines[0] = (BdBalanceLine) { "收入总计", schedule->income_total, "支出总计", schedule->total };
      return 1;
    }
  lines[0] = (BdBalanceLine) { "本年收入合计", schedule->income_total, "本年支出合计", schedule->total };
  lines[1] = (BdBalanceLine) { schedule->carryover->name, schedule->carryover,
                               schedule->carry_forward->name, schedule->carry_forward };
  lines[2] = (BdBalanceLine) { "收入总计", schedule->income_grand, "支出总计", schedule->expense_grand };
  return 3;
}

/* The lines under the 类: the totals, or the carry-over between them (its
 * labels as printed, to the left like the items above it). */
static void
balance_totals (BdGrid     *grid,
                guint      *capacity,
                BdSchedule *schedule)
{
  BdBalanceLine lines[3];
  guint n = bd_grid_balance_lines (schedule, lines);

  for (guint i = 0; i < n; i++)
    {
      BdGridRowKind kind = i + 1 == n ? BD_GRID_ROW_TOTAL : i == 0 ? BD_GRID_ROW_SUBTOTAL : BD_GRID_ROW_BODY;
      BdGridAlign align = kind == BD_GRID_ROW_BODY ? BD_GRID_ALIGN_LEFT : BD_GRID_ALIGN_CENTER;
      guint row = append_row (grid, kind, capacity);

      set_text (grid, row, 0, 1, 1, align, lines[i].income_label);
      set_amount (grid, row, 1, lines[i].income, 0);
      set_text (grid, row, 2, 1, 1, align, lines[i].expense_label);
      add_amounts (grid, row, 3, lines[i].expense);
    }
}

static void
build_balance (BdGrid     *grid,
               BdSchedule *schedule,
               guint      *capacity)
{
  const BdScheduleDef *def = schedule->def;
  guint n_rows = MAX (schedule->rows->len, schedule->income->len);
  /* A unit budget's schedule 1 puts 基本支出 over 人员经费 and 公用经费:
   * one header row more, the one-line labels spanning both. */
  guint n_label_rows = bd_schedule_def_has_groups (def) ? 2 : 1;

  for (guint r = 0; r < 1 + n_label_rows; r++)
    append_row (grid, BD_GRID_ROW_HEADER, capacity);
  grid->n_header_rows = 1 + n_label_rows;
  set_text (grid, 0, 0, 2, 1, BD_GRID_ALIGN_CENTER, def->income_header);
  set_text (grid, 0, 2, 1 + def->n_columns, 1, BD_GRID_ALIGN_CENTER, def->expense_header);
  set_text (grid, 1, 0, 1, n_label_rows, BD_GRID_ALIGN_CENTER, "项目");
  set_text (grid, 1, 1, 1, n_label_rows, BD_GRID_ALIGN_CENTER, "预算数");
  set_text (grid, 1, 2, 1, n_label_rows, BD_GRID_ALIGN_CENTER, "项目");
  add_amount_headers (grid, def, 0, 1, n_label_rows, 3, FALSE);
  set_column_labels (grid, (const char * const[]) { "收入项目", "预算数", "支出项目" }, 3);

  for (guint i = 0; i < n_rows; i++)
    {
      guint row = append_row (grid, BD_GRID_ROW_BODY, capacity);

      if (i < schedule->income->len)
        {
          const BdRow *item = g_ptr_array_index (schedule->income, i);
          set_text (grid, row, 0, 1, 1, BD_GRID_ALIGN_LEFT, item->name);
          set_amount (grid, row, 1, item, 0);
        }
      if (i < schedule->rows->len)
        {
          const BdRow *source = g_ptr_array_index (schedule->rows, i);
          g_autofree char *numeral = bd_chinese_numeral (i + 1);
          g_autofree char *name = g_strdup_printf ("%s、%s", numeral, source->name);

          set_text (grid, row, 2, 1, 1, BD_GRID_ALIGN_LEFT, name);
          add_amounts (grid, row, 3, source);
        }
    }

  balance_totals (grid, capacity, schedule);
}

static void
build_single (BdGrid     *grid,
              BdSchedule *schedule,
              int         year,
              guint      *capacity)
{
  const BdScheduleDef *def = schedule->def;
  guint n_header = bd_schedule_def_has_groups (def) ? 3 : 2;

  for (guint r = 0; r < n_header; r++)
    append_row (grid, BD_GRID_ROW_HEADER, capacity);
  grid->n_header_rows = n_header;
  add_amount_headers (grid, def, year, 0, n_header, 0, TRUE);
  set_column_labels (grid, NULL, 0);

  guint row = append_row (grid, BD_GRID_ROW_BODY, capacity);
  add_amounts (grid, row, 0, g_ptr_array_index (schedule->rows, 0));
}

BdGrid *
bd_grid_new_for_schedule (BdDocument *doc,
                          guint       number)
{
  BdSchedule *schedule;
  const BdScheduleDef *def;
  guint n_columns;
  guint capacity = 0;
  BdGrid *grid;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  schedule = bd_document_get_schedule (doc, number);
  def = schedule->def;
  n_columns = def->n_columns;
  switch (def->row_kind)
    {
    case BD_ROWS_FUNCTION: n_columns += 4; break;
    case BD_ROWS_ECONOMIC: n_columns += 3; break;
    case BD_ROWS_BALANCE:  n_columns += 3; break;
    case BD_ROWS_SINGLE:
    default: break;
    }

  grid = grid_new (n_columns);
  grid->def = def;
  grid->title = bd_document_schedule_title (doc, number);
  grid->department = g_strdup_printf ("%s：%s", bd_document_maker_label (doc), doc->department);
  grid->unit = g_strdup (def->unit == BD_UNIT_WAN ? "单位：万元" : "单位：元");
  grid->amount_unit = def->unit;
  grid->landscape = def->landscape;
  grid->note = g_strdup (schedule->note);

  switch (def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      build_classified (grid, schedule, &capacity);
      break;
    case BD_ROWS_BALANCE:
      build_balance (grid, schedule, &capacity);
      break;
    case BD_ROWS_SINGLE:
    default:
      build_single (grid, schedule, doc->year, &capacity);
      break;
    }
  return grid;
}

/* The form's figures: blank for nothing, as the published form leaves them. */
static void
set_form_amount (BdGrid *grid,
                 guint   row,
                 guint   column,
                 guint   col_span,
                 guint   row_span,
                 gint64  fen)
{
  g_autofree char *text = fen == 0 ? NULL : bd_money_format (fen);
  BdGridCell *cell = set_text (grid, row, column, col_span, row_span, BD_GRID_ALIGN_RIGHT, text);

  cell->figure = fen != 0;
  cell->amount = fen;
}

static guint
append_form_row (BdGrid *grid,
                 guint  *capacity)
{
  return append_row (grid, BD_GRID_ROW_BODY, capacity);
}

/* Rows of indicators that share their 一级 (or 一级 and 二级) name are
 * merged into one cell, as the published form draws its tree. */
static guint
run_length (GPtrArray *indicators,
            guint      start,
            gboolean   with_level2)
{
  BdIndicator *first = g_ptr_array_index (indicators, start);
  guint end = start + 1;

  for (; end < indicators->len; end++)
    {
      BdIndicator *next = g_ptr_array_index (indicators, end);
      if (g_strcmp0 (next->level1, first->level1) != 0
          || (with_level2 && g_strcmp0 (next->level2, first->level2) != 0))
        break;
    }
  return end - start;
}

/* The indicator tree under 绩效指标, one row an indicator. */
static void
add_form_indicators (BdGrid    *grid,
                     BdProject *project,
                     guint     *capacity)
{
  guint n_indicators = project->indicators->len;
  guint indicators;

  indicators = append_form_row (grid, capacity);
  for (guint i = 0; i < n_indicators; i++)
    append_form_row (grid, capacity);
  set_text (grid, indicators, 0, 1, 1 + n_indicators, BD_GRID_ALIGN_CENTER, "绩效指标");
  set_text (grid, indicators, 1, 1, 1, BD_GRID_ALIGN_CENTER, "一级指标");
  set_text (grid, indicators, 2, 1, 1, BD_GRID_ALIGN_CENTER, "二级指标");
  set_text (grid, indicators, 3, 2, 1, BD_GRID_ALIGN_CENTER, "三级指标");
  set_text (grid, indicators, 5, 1, 1, BD_GRID_ALIGN_CENTER, "年度(/项目)指标值");
  for (guint i = 0; i < n_indicators; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      guint r = indicators + 1 + i;
      BdIndicator *previous = i > 0 ? g_ptr_array_index (project->indicators, i - 1) : NULL;

      if (previous == NULL || g_strcmp0 (previous->level1, indicator->level1) != 0)
        set_text (grid, r, 1, 1, run_length (project->indicators, i, FALSE), BD_GRID_ALIGN_CENTER,
                  indicator->level1);
      if (previous == NULL || g_strcmp0 (previous->level1, indicator->level1) != 0
          || g_strcmp0 (previous->level2, indicator->level2) != 0)
        set_text (grid, r, 2, 1, run_length (project->indicators, i, TRUE), BD_GRID_ALIGN_CENTER,
                  indicator->level2);
      set_text (grid, r, 3, 2, 1, BD_GRID_ALIGN_LEFT, indicator->name)->wrap = TRUE;
      set_text (grid, r, 5, 1, 1, BD_GRID_ALIGN_CENTER, indicator->target);
    }
}

BdGrid *
bd_grid_new_for_project (BdDocument *doc,
                         BdProject  *project)
{
  BdGrid *grid;
  guint capacity = 0;
  guint row, funds, goals;
  g_autofree char *goal_label = NULL;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  grid = grid_new (6);
  goal_label = project->period && *project->period
    ? g_strdup_printf ("项目总体目标 (%s)", project->period) : g_strdup ("项目总体目标");

  grid->title = g_strdup ("财政项目支出绩效目标申报表");
  grid->subtitle = g_strdup_printf ("(%d年度)", doc->year);
  grid->amount_unit = BD_UNIT_YUAN;

  row = append_form_row (grid, &capacity);
  set_text (grid, row, 0, 1, 1, BD_GRID_ALIGN_CENTER, "项目名称");
  set_text (grid, row, 1, 1, 1, BD_GRID_ALIGN_LEFT, project->name);
  set_text (grid, row, 2, 1, 1, BD_GRID_ALIGN_CENTER, "项目性质");
  set_text (grid, row, 3, 1, 1, BD_GRID_ALIGN_LEFT, project->nature);
  set_text (grid, row, 4, 1, 1, BD_GRID_ALIGN_CENTER, "项目类别");
  set_text (grid, row, 5, 1, 1, BD_GRID_ALIGN_LEFT, project->category);

  row = append_form_row (grid, &capacity);
  set_text (grid, row, 0, 1, 1, BD_GRID_ALIGN_CENTER, "主管部门");
  set_text (grid, row, 1, 1, 1, BD_GRID_ALIGN_LEFT, project->supervisor)->wrap = TRUE;
  set_text (grid, row, 2, 1, 1, BD_GRID_ALIGN_CENTER, "实施单位");
  set_text (grid, row, 3, 3, 1, BD_GRID_ALIGN_LEFT, project->implementer)->wrap = TRUE;

  row = append_form_row (grid, &capacity);
  set_text (grid, row, 0, 1, 1, BD_GRID_ALIGN_CENTER, "计划开始日期");
  set_text (grid, row, 1, 1, 1, BD_GRID_ALIGN_LEFT, project->start_date);
  set_text (grid, row, 2, 1, 1, BD_GRID_ALIGN_CENTER, "计划完成日期");
  set_text (grid, row, 3, 3, 1, BD_GRID_ALIGN_LEFT, project->end_date);

  funds = append_form_row (grid, &capacity);
  for (guint i = 1; i < 4; i++)
    append_form_row (grid, &capacity);
  set_text (grid, funds, 0, 1, 4, BD_GRID_ALIGN_CENTER, "项目资金\n(元)");
  set_text (grid, funds, 1, 1, 1, BD_GRID_ALIGN_LEFT, "项目资金总额");
  set_form_amount (grid, funds, 2, 1, 1, project->total_funds);
  set_text (grid, funds, 3, 1, 1, BD_GRID_ALIGN_LEFT, "年度资金申请总额");
  set_form_amount (grid, funds, 4, 2, 1, project->annual_total);
  set_text (grid, funds + 1, 1, 1, 2, BD_GRID_ALIGN_LEFT, "其中：财政资金");
  set_form_amount (grid, funds + 1, 2, 1, 2, project->fiscal_funds);
  set_text (grid, funds + 1, 3, 1, 1, BD_GRID_ALIGN_LEFT, "其中：当年财政拨款");
  set_form_amount (grid, funds + 1, 4, 2, 1, project->annual_fiscal);
  set_text (grid, funds + 2, 3, 1, 1, BD_GRID_ALIGN_LEFT, "上年结转资金");
  set_form_amount (grid, funds + 2, 4, 2, 1, project->carryover);
  set_text (grid, funds + 3, 1, 1, 1, BD_GRID_ALIGN_LEFT, "其他资金");
  set_form_amount (grid, funds + 3, 2, 1, 1, project->other_funds);
  set_text (grid, funds + 3, 3, 1, 1, BD_GRID_ALIGN_LEFT, "其他资金");
  set_form_amount (grid, funds + 3, 4, 2, 1, project->annual_other);

  goals = append_form_row (grid, &capacity);
  append_form_row (grid, &capacity);
  set_text (grid, goals, 0, 1, 2, BD_GRID_ALIGN_CENTER, "项目绩效目标");
  set_text (grid, goals, 1, 2, 1, BD_GRID_ALIGN_CENTER, goal_label);
  set_text (grid, goals, 3, 3, 1, BD_GRID_ALIGN_CENTER, "年度总体目标");
  set_text (grid, goals + 1, 1, 2, 1, BD_GRID_ALIGN_LEFT, project->overall_goal)->wrap = TRUE;
  set_text (grid, goals + 1, 3, 3, 1, BD_GRID_ALIGN_LEFT, project->annual_goal)->wrap = TRUE;

  add_form_indicators (grid, project, &capacity);
  return grid;
}

void
bd_grid_free (BdGrid *grid)
{
  if (grid == NULL)
    return;
  for (gsize i = 0; i < (gsize) grid->n_rows * grid->n_columns; i++)
    g_free (grid->cells[i].text);
  g_free (grid->cells);
  g_free (grid->row_kinds);
  for (guint c = 0; c < grid->n_columns; c++)
    {
      g_free (grid->column_labels[c]);
      g_free (grid->column_groups[c]);
    }
  g_free (grid->column_labels);
  g_free (grid->column_groups);
  g_free (grid->title);
  g_free (grid->subtitle);
  g_free (grid->department);
  g_free (grid->unit);
  g_free (grid->note);
  g_free (grid);
}
