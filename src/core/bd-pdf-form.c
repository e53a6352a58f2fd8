/* bd-pdf-form.c: a performance-goal form (绩效目标申报表/填报表) from a PDF
 *
 * The fields are label and value cells side by side, written as they stand.
 * The two goals run over many lines in two columns: their text is gathered
 * per column. The indicator rows are placed under the four header cells
 * (一级指标, 二级指标, 三级指标, 指标值); a cell wrapped over two lines, printed
 * above and below its row's middle line, is joined into its row.
 */

#include <math.h>

#include "bd-pdf-private.h"

static double
centre (const BdPdfCell *cell)
{
  return (cell->x0 + cell->x1) / 2;
}

static char *
without_blanks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
emit_cells (Converter          *self,
            const char * const *cells,
            guint               n_cells)
{
  g_autoptr(GString) row = g_string_new ("|");

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = g_strdup (cells[i] ? cells[i] : "");
      g_strdelimit (cell, "|", '/');
      g_string_append_printf (row, " %s |", cell);
    }
  bd_pdf_emit (self, row->str);
}

static void
emit_line (Converter *self,
           BdPdfLine *line)
{
  g_autofree const char **cells = g_new0 (const char *, line->cells->len + 1);

  for (guint i = 0; i < line->cells->len; i++)
    cells[i] = ((BdPdfCell *) g_ptr_array_index (line->cells, i))->text;
  emit_cells (self, cells, line->cells->len);
}

/* The year's column begins where its lines that stand alone (right of the
 * middle between the two headers) begin; without any, it is centred under
 * its header, ending where the longest line ends. Text left of it is the
 * project's goal, text right of it the year's. */
static void
emit_goals (Converter *self)
{
  BdPdfForm *form = &self->form;
  g_autoptr(GString) overall = g_string_new (NULL);
  g_autoptr(GString) annual = g_string_new (NULL);
  double right_edge = form->annual_centre, edge = G_MAXDOUBLE;
  double middle = (form->overall_centre + form->annual_centre) / 2;
  const char *cells[2];

  for (guint l = 0; l < form->goal_lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (form->goal_lines, l);
      right_edge = MAX (right_edge, line->x1);
      if (line->x0 > middle)
        edge = MIN (edge, line->x0);
    }
  if (edge == G_MAXDOUBLE)
    edge = 2 * form->annual_centre - right_edge;
  for (guint l = 0; l < form->goal_lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (form->goal_lines, l);

      for (guint i = 0; i < line->cells->len; i++)
        {
          BdPdfCell *cell = g_ptr_array_index (line->cells, i);
          g_autofree char *bare = without_blanks (cell->text);
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;

          /* The label down the left: 项目 / 绩效 / 目标. */
          if (strcmp (bare, "项目") == 0 || strcmp (bare, "绩效") == 0 || strcmp (bare, "目标") == 0
              || strcmp (bare, "项目绩效目标") == 0)
            continue;
          left = bd_pdf_cell_split (cell, edge - 0.3 * line->height, TRUE);
          right = bd_pdf_cell_split (cell, edge - 0.3 * line->height, FALSE);
          g_string_append (overall, left);
          g_string_append (annual, right);
        }
    }
  cells[0] = overall->str;
  cells[1] = annual->str;
  emit_cells (self, cells, 2);
  g_ptr_array_set_size (form->goal_lines, 0);
}

/* The labels of the form's fields, as printed. */
static const char * const field_labels[] = {
  "项目名称", "项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期",
  "项目资金总额", "其中：财政资金", "年度资金申请总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
  NULL,
};

static gboolean
is_field_label (const char *text)
{
  g_autofree char *bare = without_blanks (text);

  return g_strv_contains (field_labels, bare);
}

static gboolean
is_label_line (BdPdfLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    if (is_field_label (((BdPdfCell *) g_ptr_array_index (line->cells, i))->text))
      return TRUE;
  return FALSE;
}

/* The cell of @line that overlaps [@x0, @x1] the most, or -1. */
static int
overlapping_cell (BdPdfLine *line,
                  double     x0,
                  double     x1)
{
  int best = -1;
  double best_overlap = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      double overlap = MIN (x1, cell->x1) - MAX (x0, cell->x0);
      if (overlap > best_overlap)
        best = i, best_overlap = overlap;
    }
  return best;
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The fields, their values wrapped over lines joined: a line without any
 * label holds pieces of the values above and below it (上海市闵行区城 /
 * 市运行管理中心 / (汇总)), each joined to the cell it stands over or under
 * in the nearer line of labels. */
static void
emit_fields (Converter *self)
{
  BdPdfForm *form = &self->form;
  GPtrArray *lines = form->field_lines;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint l = 0; l < lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (lines, l);
      GPtrArray *cells = g_ptr_array_new_with_free_func (free_string);

      for (guint i = 0; i < line->cells->len; i++)
        g_ptr_array_add (cells, g_string_new (((BdPdfCell *) g_ptr_array_index (line->cells, i))->text));
      g_ptr_array_add (texts, cells);
    }
  for (guint l = 0; l < lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (lines, l);
      BdPdfLine *above = NULL, *below = NULL;
      guint above_index = 0, below_index = 0;

      if (is_label_line (line))
        continue;
      for (guint k = l; k-- > 0;)
        if (is_label_line (g_ptr_array_index (lines, k)))
          {
            above = g_ptr_array_index (lines, k);
            above_index = k;
            break;
          }
      for (guint k = l + 1; k < lines->len; k++)
        if (is_label_line (g_ptr_array_index (lines, k)))
          {
            below = g_ptr_array_index (lines, k);
            below_index = k;
            break;
          }
      for (guint i = 0; i < line->cells->len; i++)
        {
          BdPdfCell *piece = g_ptr_array_index (line->cells, i);
          double to_above = above ? piece->y0 - above->y1 : G_MAXDOUBLE;
          double to_below = below ? below->y0 - piece->y1 : G_MAXDOUBLE;
          BdPdfLine *target = to_below < to_above ? below : above;
          guint target_index = to_below < to_above ? below_index : above_index;
          int c = target ? overlapping_cell (target, piece->x0, piece->x1) : -1;
          GString *joined;

          if (c < 0 || is_field_label (((BdPdfCell *) g_ptr_array_index (target->cells, c))->text))
            continue;
          joined = g_ptr_array_index ((GPtrArray *) g_ptr_array_index (texts, target_index), c);
          if (target == below)
            g_string_prepend (joined, piece->text);
          else
            g_string_append (joined, piece->text);
          /* Joined: not written again as a row of its own. */
          g_string_truncate (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (texts, l), i), 0);
        }
    }
  for (guint l = 0; l < texts->len; l++)
    {
      GPtrArray *cells = g_ptr_array_index (texts, l);
      g_autofree const char **row = g_new0 (const char *, cells->len + 1);
      guint n = 0;

      for (guint i = 0; i < cells->len; i++)
        if (((GString *) g_ptr_array_index (cells, i))->len > 0)
          row[n++] = ((GString *) g_ptr_array_index (cells, i))->str;
      if (n > 0)
        emit_cells (self, row, n);
    }
  g_ptr_array_set_size (lines, 0);
}

static void
flush_indicator (Converter *self)
{
  BdPdfForm *form = &self->form;

  if (form->row == NULL)
    return;
  emit_cells (self, (const char * const *) form->row->pdata, 4);
  g_clear_pointer (&form->row, g_ptr_array_unref);
}

void
bd_pdf_form_finish (Converter *self)
{
  BdPdfForm *form = &self->form;

  if (form->stage == FORM_FIELDS)
    emit_fields (self);
  if (form->stage == FORM_GOALS)
    emit_goals (self);
  flush_indicator (self);
  for (guint c = 0; c < 4; c++)
    if (form->carried[c] != NULL && form->carried[c]->len > 0)
      {
        const char *cells[4] = { NULL };
        cells[c] = form->carried[c]->str;
        emit_cells (self, cells, 4);
        g_string_truncate (form->carried[c], 0);
      }
  form->stage = FORM_FIELDS;
}

void
bd_pdf_form_start (Converter *self)
{
  BdPdfForm *form = &self->form;

  if (form->goal_lines == NULL)
    form->goal_lines = g_ptr_array_new ();
  g_ptr_array_set_size (form->goal_lines, 0);
  if (form->field_lines == NULL)
    form->field_lines = g_ptr_array_new ();
  g_ptr_array_set_size (form->field_lines, 0);
  for (guint c = 0; c < 4; c++)
    {
      if (form->carried[c] == NULL)
        form->carried[c] = g_string_new (NULL);
      g_string_truncate (form->carried[c], 0);
    }
  g_clear_pointer (&form->row, g_ptr_array_unref);
  form->stage = FORM_FIELDS;
  form->columns[0] = -1;
}

static const BdPdfCell *
find_cell (BdPdfLine  *line,
           const char *prefix)
{
  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      g_autofree char *text = without_blanks (cell->text);

      if (g_str_has_prefix (text, prefix) || (strstr (prefix, "指标值") && strstr (text, "指标值")))
        return cell;
    }
  return NULL;
}

/* 一级指标 二级指标 三级指标 年度(/项目)指标值 */
static gboolean
indicator_header (Converter *self,
                  BdPdfLine *line)
{
  static const char * const names[4] = { "一级指标", "二级指标", "三级指标", "指标值" };
  BdPdfForm *form = &self->form;

  if (find_cell (line, names[0]) == NULL)
    return FALSE;
  if (form->stage == FORM_FIELDS)
    emit_fields (self);
  if (form->stage == FORM_GOALS)
    emit_goals (self);
  form->stage = FORM_INDICATORS;
  form->columns[0] = -1;
  for (guint c = 0; c < 4; c++)
    {
      const BdPdfCell *cell = find_cell (line, names[c]);
      if (cell == NULL)
        {
          form->columns[0] = -1;
          break;
        }
      form->columns[c] = centre (cell);
    }
  emit_line (self, line);
  return TRUE;
}

/* 项目总体目标 (or 项目总目标) and 年度总体目标 over two columns of text. */
static gboolean
goals_header (Converter *self,
              BdPdfLine *line)
{
  const BdPdfCell *overall = find_cell (line, "项目总体目标");
  const BdPdfCell *annual = find_cell (line, "年度总体目标");

  if (overall == NULL)
    overall = find_cell (line, "项目总目标");
  if (overall == NULL || annual == NULL)
    return FALSE;
  emit_fields (self);
  {
    const char *cells[2] = { overall->text, annual->text };
    emit_cells (self, cells, 2);
  }
  self->form.overall_centre = centre (overall);
  self->form.annual_centre = centre (annual);
  self->form.stage = FORM_GOALS;
  return TRUE;
}


static int
nearest_column (BdPdfForm       *form,
                const BdPdfCell *cell)
{
  int best = 0;

  for (int c = 1; c < 4; c++)
    if (fabs (centre (cell) - form->columns[c]) < fabs (centre (cell) - form->columns[best]))
      best = c;
  return best;
}

/* The next line of the page holding a 三级指标 or a value, or NULL. */
static BdPdfLine *
next_main_line (Converter *self)
{
  for (guint l = self->line_index + 1; self->page_lines && l < self->page_lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (self->page_lines, l);
      for (guint i = 0; i < line->cells->len; i++)
        if (nearest_column (&self->form, g_ptr_array_index (line->cells, i)) >= 2)
          return line;
    }
  return NULL;
}

static void
place_indicator_line (Converter *self,
                      BdPdfLine *line,
                      char     **cells)
{
  BdPdfForm *form = &self->form;
  gboolean main_line = FALSE;

  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      int c = nearest_column (form, cell);
      char *joined;

      if (strcmp (cell->text, "绩效指标") == 0)
        continue;
      /* Two pieces of one column on a line (a wide cell split at a gap)
       * are one text: neither is lost. */
      joined = g_strconcat (cells[c] ? cells[c] : "", cell->text, NULL);
      g_free (cells[c]);
      cells[c] = joined;
      main_line |= c >= 2;
    }

  /* A 三级指标 wrapped over lines with its target centred beside it
   * (putuo-wanli-2023-dept.pdf, page 34): a line holding only one of the
   * two that overlaps the row above it in height goes on that row. */
  if (main_line && form->row != NULL && (cells[2] == NULL || cells[3] == NULL) && line->y0 < form->row_y
      && (cells[2] == NULL || *(char *) g_ptr_array_index (form->row, 2) != '\0'))
    main_line = FALSE;

  if (main_line)
    {
      flush_indicator (self);
      form->row = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; c < 4; c++)
        {
          g_ptr_array_add (form->row, g_strconcat (form->carried[c]->str, cells[c] ? cells[c] : "", NULL));
          g_string_truncate (form->carried[c], 0);
        }
      form->row_y = line->y1;
      return;
    }

  /* A piece of a wrapped cell: it belongs to the row it is nearer to, and
   * to the next one when the row above already has that cell filled. */
  {
    BdPdfLine *next = next_main_line (self);
    double above = form->row ? line->y0 - form->row_y : G_MAXDOUBLE;
    double below = next ? next->y0 - line->y1 : G_MAXDOUBLE;

    for (guint c = 0; c < 4; c++)
      {
        gboolean to_row;

        if (cells[c] == NULL)
          continue;
        to_row = form->row != NULL
          && (below == G_MAXDOUBLE || above < below - 0.25 * line->height
              || (fabs (above - below) <= 0.25 * line->height && !*(char *) g_ptr_array_index (form->row, c)));
        if (to_row)
          {
            char *joined = g_strconcat (g_ptr_array_index (form->row, c), cells[c], NULL);
            g_free (g_ptr_array_index (form->row, c));
            g_ptr_array_index (form->row, c) = joined;
          }
        else
          g_string_append (form->carried[c], cells[c]);
      }
    if (form->row != NULL)
      form->row_y = MAX (form->row_y, line->y1);
  }
}

static void
indicator_line (Converter *self,
                BdPdfLine *line)
{
  /* The line's text by column (一级, 二级, 三级, target), NULL where none. */
  char *cells[4] = { NULL };

  place_indicator_line (self, line, cells);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    g_free (cells[c]);
}

static gboolean
is_period (const char *text)
{
  static GRegex *period = NULL;

  return bd_import_match (&period, "^\\s*[（(]\\s*[0-9]{4}年度?\\s*[）)]\\s*$", 0, text);
}

void
bd_pdf_form_line (Converter *self,
                  BdPdfLine *line)
{
  BdPdfForm *form = &self->form;

  if (form->goal_lines == NULL)
    bd_pdf_form_start (self);
  if (form->stage != FORM_INDICATORS && indicator_header (self, line))
    return;
  switch (form->stage)
    {
    case FORM_GOALS:
      g_ptr_array_add (form->goal_lines, line);
      return;
    case FORM_INDICATORS:
      if (form->columns[0] >= 0)
        indicator_line (self, line);
      else
        emit_line (self, line);
      return;
    case FORM_FIELDS:
    default:
      /* （2024年度） under the title */
      if (is_period (line->text))
        bd_pdf_emit (self, line->text);
      else if (!goals_header (self, line))
        g_ptr_array_add (form->field_lines, line);
      return;
    }
}
