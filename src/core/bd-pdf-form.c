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
indicator_line (Converter *self,
                BdPdfLine *line)
{
  BdPdfForm *form = &self->form;
  const char *cells[4] = { NULL };
  gboolean main_line = FALSE;

  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      int c = nearest_column (form, cell);

      if (strcmp (cell->text, "绩效指标") == 0)
        continue;
      cells[c] = cell->text;
      main_line |= c >= 2;
    }

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
      if (g_str_has_prefix (line->text, "（") || g_str_has_prefix (line->text, "("))
        bd_pdf_emit (self, line->text);
      else if (!goals_header (self, line))
        emit_line (self, line);
      return;
    }
}
