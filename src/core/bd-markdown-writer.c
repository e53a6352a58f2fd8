#include "bd-file-replace.h"
#include "bd-format.h"
#include "bd-markdown-writer.h"

/* Cells are collected in a GPtrArray of owned strings, then written as
 * "| a | b |". */
static GPtrArray *
cells_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
add_cell (GPtrArray  *cells,
          const char *text)
{
  g_ptr_array_add (cells, g_strdup (text ? text : ""));
}

static void
add_blank_cells (GPtrArray *cells,
                 guint      count)
{
  for (guint i = 0; i < count; i++)
    add_cell (cells, "");
}

static void
add_amount_cells (GPtrArray           *cells,
                  const BdScheduleDef *def,
                  const BdRow         *row)
{
  for (guint c = 0; c < def->n_columns; c++)
    g_ptr_array_add (cells, bd_format_cell_amount (row->values[c], def->unit));
}

static void
write_row (GString   *out,
           GPtrArray *cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < cells->len; i++)
    g_string_append_printf (out, " %s |", (char *) g_ptr_array_index (cells, i));
  g_string_append_c (out, '\n');
  g_ptr_array_unref (cells);
}

static void
write_separator (GString *out,
                 guint    n_cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_cells; i++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
}

static void
write_paragraph (GString    *out,
                 const char *text)
{
  g_string_append_printf (out, "%s\n\n", text);
}

static void
write_section (GString    *out,
               BdDocument *doc,
               const char *id)
{
  BdSection *section = bd_document_get_section (doc, id);

  if (section == NULL)
    return;
  write_paragraph (out, section->title);
  for (guint i = 0; i < section->paragraphs->len; i++)
    write_paragraph (out, g_ptr_array_index (section->paragraphs, i));
}

/* Header rows of the amount columns: the band over them, the column names
 * (or the group a column belongs to) and, where groups exist, the names
 * under the group. Schedule 9 is the case with all three. */
static void
add_band_cells (GPtrArray           *cells,
                const BdScheduleDef *def,
                int                  year)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      const char *band = def->columns[c].band;
      const char *previous = c > 0 ? def->columns[c - 1].band : NULL;

      if (band == NULL)
        add_cell (cells, c == 0 ? def->header_group : "");
      else if (g_strcmp0 (band, previous) != 0)
        g_ptr_array_add (cells, g_strdup_printf ("%d年%s", year, band));
      else
        add_cell (cells, "");
    }
}

static gboolean
band_is_single_column (const BdScheduleDef *def,
                       guint                column)
{
  const char *band = def->columns[column].band;

  return band != NULL
      && (column == 0 || g_strcmp0 (def->columns[column - 1].band, band) != 0)
      && (column + 1 == def->n_columns || g_strcmp0 (def->columns[column + 1].band, band) != 0);
}

static void
add_column_name_cells (GPtrArray           *cells,
                       const BdScheduleDef *def)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      const BdColumnDef *column = &def->columns[c];

      if (band_is_single_column (def, c))
        add_cell (cells, "");
      else if (column->group != NULL)
        add_cell (cells, c > 0 && g_strcmp0 (def->columns[c - 1].group, column->group) == 0 ? "" : column->group);
      else
        add_cell (cells, column->name);
    }
}

static void
add_grouped_name_cells (GPtrArray           *cells,
                        const BdScheduleDef *def)
{
  for (guint c = 0; c < def->n_columns; c++)
    add_cell (cells, def->columns[c].group != NULL ? def->columns[c].name : "");
}

static void
write_classified_table (GString    *out,
                        BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  gboolean function = def->row_kind == BD_ROWS_FUNCTION;
  guint n_code_cells = function ? 3 : 2;
  guint n_cells = n_code_cells + 1 + def->n_columns;
  GPtrArray *cells;

  cells = cells_new ();
  add_cell (cells, "项目");
  add_blank_cells (cells, n_code_cells - 1);
  add_cell (cells, def->header_group);
  add_blank_cells (cells, def->n_columns);
  write_row (out, cells);
  write_separator (out, n_cells);

  cells = cells_new ();
  add_cell (cells, function ? "功能分类科目编码" : "部门预算经济分类科目 编码");
  add_blank_cells (cells, n_code_cells - 1);
  add_cell (cells, function ? "功能分类科目名称" : "经济分类科目名称");
  add_column_name_cells (cells, def);
  write_row (out, cells);

  cells = cells_new ();
  add_cell (cells, "类");
  add_cell (cells, "款");
  if (function)
    add_cell (cells, "项");
  add_blank_cells (cells, 1 + def->n_columns);
  write_row (out, cells);

  if (schedule->rows->len == 0)
    {
      cells = cells_new ();
      add_blank_cells (cells, n_cells);
      write_row (out, cells);
      return;
    }

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      gsize length = strlen (row->code);

      cells = cells_new ();
      g_ptr_array_add (cells, g_strndup (row->code, 3));
      g_ptr_array_add (cells, length > 3 ? g_strndup (row->code + 3, 2) : g_strdup (""));
      if (function)
        g_ptr_array_add (cells, length > 5 ? g_strndup (row->code + 5, 2) : g_strdup (""));
      add_cell (cells, row->name);
      add_amount_cells (cells, def, row);
      write_row (out, cells);
    }

  cells = cells_new ();
  add_cell (cells, "合计");
  add_blank_cells (cells, n_code_cells);
  add_amount_cells (cells, def, schedule->total);
  write_row (out, cells);
}

/* A line under the 类 of a balance schedule: a total or the carry-over. */
static void
write_balance_total (GString             *out,
                     const BdScheduleDef *def,
                     const char          *income_label,
                     BdRow               *income,
                     const char          *expense_label,
                     BdRow               *expense)
{
  GPtrArray *cells = cells_new ();

  add_cell (cells, income_label);
  g_ptr_array_add (cells, bd_format_cell_amount (income->values[0], def->unit));
  add_cell (cells, expense_label);
  add_amount_cells (cells, def, expense);
  write_row (out, cells);
}

static void
write_balance_table (GString    *out,
                     BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  guint n_cells = 3 + def->n_columns;
  guint n_rows = MAX (schedule->rows->len, schedule->income->len);
  GPtrArray *cells;

  cells = cells_new ();
  add_cell (cells, def->income_header);
  add_cell (cells, "");
  add_cell (cells, def->expense_header);
  add_blank_cells (cells, def->n_columns);
  write_row (out, cells);
  write_separator (out, n_cells);

  cells = cells_new ();
  add_cell (cells, "项目");
  add_cell (cells, "预算数");
  add_cell (cells, "项目");
  if (def->n_columns == 1)
    add_cell (cells, "预算数");
  else
    add_column_name_cells (cells, def);
  write_row (out, cells);

  for (guint i = 0; i < n_rows; i++)
    {
      cells = cells_new ();
      if (i < schedule->income->len)
        {
          BdRow *item = g_ptr_array_index (schedule->income, i);
          add_cell (cells, item->name);
          g_ptr_array_add (cells, bd_format_cell_amount (item->values[0], def->unit));
        }
      else
        add_blank_cells (cells, 2);

      if (i < schedule->rows->len)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          g_autofree char *numeral = bd_chinese_numeral (i + 1);
          g_ptr_array_add (cells, g_strdup_printf ("%s、%s", numeral, row->name));
          add_amount_cells (cells, def, row);
        }
      else
        add_blank_cells (cells, 1 + def->n_columns);
      write_row (out, cells);
    }

  if (schedule->carryover != NULL)
    {
      write_balance_total (out, def, "本年收入合计", schedule->income_total, "本年支出合计", schedule->total);
      write_balance_total (out, def, schedule->carryover->name, schedule->carryover,
                           schedule->carry_forward->name, schedule->carry_forward);
      write_balance_total (out, def, "收入总计", schedule->income_grand, "支出总计", schedule->expense_grand);
    }
  else
    write_balance_total (out, def, "收入总计", schedule->income_total, "支出总计", schedule->total);
}

static void
write_single_table (GString    *out,
                    BdSchedule *schedule,
                    int         year)
{
  const BdScheduleDef *def = schedule->def;
  GPtrArray *cells;

  cells = cells_new ();
  add_band_cells (cells, def, year);
  write_row (out, cells);
  write_separator (out, def->n_columns);

  cells = cells_new ();
  add_column_name_cells (cells, def);
  write_row (out, cells);

  if (bd_schedule_def_has_groups (def))
    {
      cells = cells_new ();
      add_grouped_name_cells (cells, def);
      write_row (out, cells);
    }

  cells = cells_new ();
  add_amount_cells (cells, def, g_ptr_array_index (schedule->rows, 0));
  write_row (out, cells);
}

void
bd_markdown_write_schedule (GString    *out,
                            BdDocument *doc,
                            guint       number)
{
  BdSchedule *schedule = bd_document_get_schedule (doc, number);
  const BdScheduleDef *def = schedule->def;
  g_autofree char *title = bd_document_schedule_title (doc, number);

  g_string_append_printf (out, "%s\n\n%s：%s\n\n单位：%s\n\n",
                          title, bd_document_maker_label (doc), doc->department, def->unit == BD_UNIT_WAN ? "万元" : "元");

  switch (def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      write_classified_table (out, schedule);
      break;
    case BD_ROWS_BALANCE:
      write_balance_table (out, schedule);
      break;
    case BD_ROWS_SINGLE:
    default:
      write_single_table (out, schedule, doc->year);
      break;
    }
  g_string_append_c (out, '\n');

  if (schedule->note != NULL)
    write_paragraph (out, schedule->note);
}

static char *
form_amount (gint64 fen)
{
  return fen == 0 ? g_strdup ("") : bd_money_format (fen);
}

static void
add_form_row (GString    *out,
              const char *a,
              const char *b,
              const char *c,
              const char *d,
              const char *e,
              const char *f)
{
  GPtrArray *cells = cells_new ();

  add_cell (cells, a);
  add_cell (cells, b);
  add_cell (cells, c);
  add_cell (cells, d);
  add_cell (cells, e);
  add_cell (cells, f);
  write_row (out, cells);
}

static void
write_form (GString    *out,
            BdDocument *doc,
            BdProject  *project)
{
  g_autofree char *total = form_amount (project->total_funds);
  g_autofree char *fiscal = form_amount (project->fiscal_funds);
  g_autofree char *other = form_amount (project->other_funds);
  g_autofree char *annual_total = form_amount (project->annual_total);
  g_autofree char *annual_fiscal = form_amount (project->annual_fiscal);
  g_autofree char *carryover = form_amount (project->carryover);
  g_autofree char *annual_other = form_amount (project->annual_other);
  g_autofree char *goal_label = project->period && *project->period
    ? g_strdup_printf ("项目总体目标 (%s)", project->period) : g_strdup ("项目总体目标");
  const char *previous_level1 = NULL;
  const char *previous_level2 = NULL;

  g_string_append_printf (out, "财政项目支出绩效目标申报表\n\n(%d年度)\n\n", doc->year);
  add_form_row (out, "", "", "", "", "", "");
  write_separator (out, 6);
  add_form_row (out, "项目名称", project->name, "项目性质", project->nature, "项目类别", project->category);
  add_form_row (out, "主管部门", project->supervisor, "实施单位", project->implementer, "", "");
  add_form_row (out, "计划开始日期", project->start_date, "计划完成日期", project->end_date, "", "");
  add_form_row (out, "项目资金 (元)", "项目资金总额", total, "年度资金申请总额", annual_total, "");
  add_form_row (out, "", "其中：财政资金", fiscal, "其中：当年财政拨款", annual_fiscal, "");
  add_form_row (out, "", "", "", "上年结转资金", carryover, "");
  add_form_row (out, "", "其他资金", other, "其他资金", annual_other, "");
  add_form_row (out, "项目绩效目标", goal_label, "", "年度总体目标", "", "");
  add_form_row (out, "", project->overall_goal, "", project->annual_goal, "", "");
  add_form_row (out, "绩效指标", "一级指标", "二级指标", "三级指标", "", "年度(/项目)指标值");

  for (guint i = 0; i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      gboolean new_level1 = g_strcmp0 (indicator->level1, previous_level1) != 0;
      gboolean new_level2 = new_level1 || g_strcmp0 (indicator->level2, previous_level2) != 0;

      add_form_row (out, "", new_level1 ? indicator->level1 : "", new_level2 ? indicator->level2 : "",
                    indicator->name, "", indicator->target);
      previous_level1 = indicator->level1;
      previous_level2 = indicator->level2;
    }
  g_string_append_c (out, '\n');
}

static const char * const contents_before[] = {
  "一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明", "五、部门预算表", NULL,
};

static const char * const contents_after[] = {
  "六、其他相关情况说明", "七、政府雇员项目经费情况说明", "八、财政项目支出绩效目标表", NULL,
};

char *
bd_markdown_write (BdDocument *doc)
{
  GString *out = g_string_new ("\n\n");
  static const char * const before_schedules[] = { "functions", "organisation", "glossary", "narrative", NULL };
  static const char * const after_schedules[] = { "other", "employees", NULL };

  if (doc->attachment != NULL)
    write_paragraph (out, doc->attachment);
  if (doc->title != NULL)
    write_paragraph (out, doc->title);
  g_string_append_printf (out, "%s：%s\n\n目 录\n\n", bd_document_cover_label (doc), doc->department);
  for (guint i = 0; contents_before[i]; i++)
    {
      g_autofree char *label = bd_document_contents_label (doc, contents_before[i]);
      g_string_append_printf (out, "- %s\n", label);
    }
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    {
      g_autofree char *title = bd_schedule_def_title_for (bd_schedule_def_get (s), doc->year, doc->unit_budget);
      g_string_append_printf (out, " - %u. %s\n", s, title);
    }
  for (guint i = 0; contents_after[i]; i++)
    g_string_append_printf (out, "- %s\n", contents_after[i]);
  g_string_append_c (out, '\n');

  for (guint i = 0; before_schedules[i]; i++)
    write_section (out, doc, before_schedules[i]);
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    bd_markdown_write_schedule (out, doc, s);
  for (guint i = 0; after_schedules[i]; i++)
    write_section (out, doc, after_schedules[i]);
  for (guint i = 0; i < doc->projects->len; i++)
    write_form (out, doc, g_ptr_array_index (doc->projects, i));

  return g_string_free (out, FALSE);
}

gboolean
bd_markdown_write_file (BdDocument  *doc,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *text = bd_markdown_write (doc);

  /* Not g_file_set_contents (): its errors name its temporary file. */
  return bd_file_replace_contents (path, text, strlen (text), error);
}
