#include "bd-file-replace.h"
#include "bd-format.h"
#include "bd-grid.h"
#include "bd-markdown-writer.h"
#include "bd-text-writer.h"

/* A row of the published text's tables: "| a | b |", a missing cell blank. */
static void
write_row (GString           *out,
           const char *const *cells,
           guint              n_cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_cells; i++)
    g_string_append_printf (out, " %s |", cells[i] ? cells[i] : "");
  g_string_append_c (out, '\n');
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

/* As the terminal's text has it, with the blank line the published text
 * puts after every paragraph, the last one too. */
static void
write_section (GString    *out,
               BdDocument *doc,
               const char *id)
{
  if (bd_text_write_section (out, doc, id))
    g_string_append_c (out, '\n');
}

/* A schedule's table is its grid (bd-grid.c), as the pages print it, with
 * two habits of the published text the importer reads (the seed's): over a
 * classified table, the band over the figures (收入预算) stands one cell to
 * the left, over the names, and the economic code's header is printed in
 * two words. */
static void
write_grid (GString      *out,
            const BdGrid *grid)
{
  const BdScheduleDef *def = grid->def;
  gboolean classified = def->row_kind == BD_ROWS_FUNCTION || def->row_kind == BD_ROWS_ECONOMIC;
  guint name_column = grid->n_columns - def->n_columns - 1;
  g_autofree const char **cells = g_new (const char *, grid->n_columns);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      for (guint c = 0; c < grid->n_columns; c++)
        {
          guint from = classified && r == 0 && c >= name_column ? c + 1 : c;
          const char *text = from < grid->n_columns ? bd_grid_cell (grid, r, from)->text : NULL;

          cells[c] = g_strcmp0 (text, "部门预算经济分类科目编码") == 0 ? "部门预算经济分类科目 编码" : text;
        }
      write_row (out, cells, grid->n_columns);
      if (r == 0)
        write_separator (out, grid->n_columns);
    }
}

void
bd_markdown_write_schedule (GString    *out,
                            BdDocument *doc,
                            guint       number)
{
  g_autoptr(BdGrid) grid = bd_grid_new_for_schedule (doc, number);

  g_string_append_printf (out, "%s\n\n%s\n\n%s\n\n", grid->title, grid->department, grid->unit);
  write_grid (out, grid);
  g_string_append_c (out, '\n');
  if (grid->note != NULL)
    write_paragraph (out, grid->note);
}

#define FORM_COLUMNS 6

static char *
form_amount (gint64 fen)
{
  return fen == 0 ? g_strdup ("") : bd_money_format (fen);
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
  /* The form as the published text prints it: six columns, labels beside
   * their values, under a blank header row. */
  const char *const rows[][FORM_COLUMNS] = {
    { "项目名称", project->name, "项目性质", project->nature, "项目类别", project->category },
    { "主管部门", project->supervisor, "实施单位", project->implementer, "", "" },
    { "计划开始日期", project->start_date, "计划完成日期", project->end_date, "", "" },
    { "项目资金 (元)", "项目资金总额", total, "年度资金申请总额", annual_total, "" },
    { "", "其中：财政资金", fiscal, "其中：当年财政拨款", annual_fiscal, "" },
    { "", "", "", "上年结转资金", carryover, "" },
    { "", "其他资金", other, "其他资金", annual_other, "" },
    { "项目绩效目标", goal_label, "", "年度总体目标", "", "" },
    { "", project->overall_goal, "", project->annual_goal, "", "" },
    { "绩效指标", "一级指标", "二级指标", "三级指标", "", "年度(/项目)指标值" },
  };
  const char *const blank[FORM_COLUMNS] = { NULL };
  const char *previous_level1 = NULL;
  const char *previous_level2 = NULL;

  g_string_append_printf (out, "财政项目支出绩效目标申报表\n\n(%d年度)\n\n", doc->year);
  write_row (out, blank, FORM_COLUMNS);
  write_separator (out, FORM_COLUMNS);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    write_row (out, rows[r], FORM_COLUMNS);

  for (guint i = 0; i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      gboolean new_level1 = g_strcmp0 (indicator->level1, previous_level1) != 0;
      gboolean new_level2 = new_level1 || g_strcmp0 (indicator->level2, previous_level2) != 0;
      const char *const cells[FORM_COLUMNS] = {
        "", new_level1 ? indicator->level1 : "", new_level2 ? indicator->level2 : "", indicator->name, "",
        indicator->target,
      };

      write_row (out, cells, FORM_COLUMNS);
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
  GString *out;
  static const char * const before_schedules[] = { "functions", "organisation", "glossary", "narrative", NULL };
  static const char * const after_schedules[] = { "other", "employees", NULL };

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  out = g_string_new ("\n\n");

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
  g_autofree char *text = NULL;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);

  text = bd_markdown_write (doc);

  /* Not g_file_set_contents (): its errors name its temporary file. */
  return bd_file_replace_contents (path, text, strlen (text), error);
}
