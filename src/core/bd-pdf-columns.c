/* bd-pdf-columns.c: where a schedule's amount columns stand on a PDF page
 *
 * From the header cells above the first row of the page (the schedule
 * definition's column names, wrapped or longer headers included), or else
 * from where the right edges of the page's amounts gather.
 */

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bd-pdf-private.h"

static gboolean
header_matches (const char *cell,
                const char *name)
{
  if (strcmp (cell, name) == 0)
    return TRUE;
  /* A header wrapped over two lines (事业单位 / 经营收入), or one with more
   * words than the definition's (机关运行经费预算数). */
  return g_utf8_strlen (cell, -1) >= 2
      && (g_str_has_prefix (name, cell) || g_str_has_prefix (cell, name));
}

static gboolean
find_anchor (GPtrArray  *header,
             const char *name,
             double      after,
             gboolean   *used,
             double     *anchor)
{
  g_autofree char *wanted = bd_pdf_normalise (name);

  /* Exact names first, then wrapped ones; leftmost first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < header->len; i++)
      {
        const BdPdfCell *cell = g_ptr_array_index (header, i);
        g_autofree char *text = bd_pdf_normalise (cell->text);

        if (used[i] || bd_pdf_centre (cell) <= after)
          continue;
        if (pass == 0 ? strcmp (text, wanted) == 0 : header_matches (text, wanted))
          {
            used[i] = TRUE;
            *anchor = bd_pdf_centre (cell);
            return TRUE;
          }
      }
  return FALSE;
}

static int
compare_cells_by_x (gconstpointer a,
                    gconstpointer b)
{
  const BdPdfCell *x = *(BdPdfCell * const *) a, *y = *(BdPdfCell * const *) b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* The amount columns from the header cells above the first row of a page. */
gboolean
bd_pdf_read_anchors (Converter *self,
              GPtrArray *header_lines)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autofree gboolean *used = NULL;
  const BdScheduleDef *def = self->def;
  double anchors[BD_MAX_COLUMNS + 1];
  guint n = 0;
  double after = -1;

  for (guint l = 0; l < header_lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (header_lines, l);
      for (guint i = 0; i < line->cells->len; i++)
        g_ptr_array_add (header, g_ptr_array_index (line->cells, i));
    }
  g_ptr_array_sort (header, compare_cells_by_x);
  used = g_new0 (gboolean, header->len + 1);

  if (def->row_kind == BD_ROWS_BALANCE)
    {
      if (!find_anchor (header, "预算数", after, used, &anchors[n]))
        return FALSE;
      after = anchors[n++];
    }
  for (guint c = 0; c < def->n_columns; c++)
    {
      if (!find_anchor (header, def->columns[c].name, after, used, &anchors[n]))
        return FALSE;
      n++;
    }
  memcpy (self->anchors, anchors, sizeof anchors);
  self->n_anchors = n;
  self->have_anchors = TRUE;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const double *) a)[0], y = ((const double *) b)[0];
  return (x > y) - (x < y);
}

static guint
n_slots (Converter *self)
{
  return self->def->n_columns + (self->def->row_kind == BD_ROWS_BALANCE);
}

/* Without header cells naming the columns (a layout of other words), the
 * columns are where the amounts of the page's rows stand: amounts are
 * right-aligned, so their right edges gather in one place per column. When
 * they gather in as many places as the schedule has columns, those are the
 * columns. */
gboolean
bd_pdf_anchors_from_rows (Converter *self)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, 2 * sizeof (double));
  double anchors[BD_MAX_COLUMNS + 1];
  guint n = 0, in_cluster = 0;
  double sum = 0, previous = -G_MAXDOUBLE, height = 10;
  gboolean seen_name;

  self->anchors_from_rows_tried = TRUE;
  for (guint l = self->line_index; self->page_lines && l < self->page_lines->len; l++)
    {
      BdPdfLine *line = g_ptr_array_index (self->page_lines, l);

      if (!bd_pdf_is_row_line (self, line) && bd_pdf_count_amounts (line) != line->cells->len)
        continue;
      height = line->height;
      /* A classified row's codes stand before its name: amounts follow it. */
      seen_name = self->def->row_kind != BD_ROWS_FUNCTION && self->def->row_kind != BD_ROWS_ECONOMIC;
      for (guint i = 0; i < line->cells->len; i++)
        {
          BdPdfCell *cell = g_ptr_array_index (line->cells, i);
          double edge[2] = { cell->x1, bd_pdf_centre (cell) };

          if (!bd_pdf_is_amount_cell (cell->text))
            seen_name = TRUE;
          else if (seen_name)
            g_array_append_val (edges, edge);
        }
    }
  g_array_sort (edges, compare_doubles);
  for (guint i = 0; i <= edges->len; i++)
    {
      const double *edge = i < edges->len ? &g_array_index (edges, double, 2 * i) : NULL;

      if (in_cluster > 0 && (edge == NULL || edge[0] - previous > height))
        {
          if (n == G_N_ELEMENTS (anchors))
            return FALSE;
          anchors[n++] = sum / in_cluster;
          in_cluster = 0;
          sum = 0;
        }
      if (edge == NULL)
        break;
      sum += edge[1];
      in_cluster++;
      previous = edge[0];
    }
  if (n != n_slots (self))
    return FALSE;
  memcpy (self->anchors, anchors, sizeof anchors);
  self->n_anchors = n;
  self->have_anchors = TRUE;
  return TRUE;
}

/* Places each amount under the column whose header centre is nearest;
 * without a header, amounts fill the columns in order when they are as many. */
gboolean
bd_pdf_place_amounts (Converter  *self,
               GPtrArray  *amounts,
               char      **slots,
               guint       n_slots)
{
  if (!self->have_anchors)
    {
      if (amounts->len != n_slots)
        return bd_pdf_fail_at (self, _("found %u amounts in a row of schedule %u, which has %u columns, "
                                "and no header cells naming its columns"),
                        amounts->len, self->def->number, n_slots);
      for (guint i = 0; i < amounts->len; i++)
        slots[i] = ((BdPdfCell *) g_ptr_array_index (amounts, i))->text;
      return TRUE;
    }

  for (guint i = 0; i < amounts->len; i++)
    {
      const BdPdfCell *cell = g_ptr_array_index (amounts, i);
      guint best = 0;

      for (guint a = 1; a < self->n_anchors; a++)
        if (fabs (bd_pdf_centre (cell) - self->anchors[a]) < fabs (bd_pdf_centre (cell) - self->anchors[best]))
          best = a;
      if (slots[best] != NULL)
        {
          if (!self->anchors_from_rows_tried && bd_pdf_anchors_from_rows (self))
            {
              memset (slots, 0, n_slots * sizeof (char *));
              return bd_pdf_place_amounts (self, amounts, slots, n_slots);
            }
          return bd_pdf_fail_at (self, _("the amounts %s and %s of schedule %u stand under the same column"),
                          slots[best], cell->text, self->def->number);
        }
      slots[best] = cell->text;
    }
  return TRUE;
}
