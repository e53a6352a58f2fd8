#include "bd-page-layout-private.h"

/* Shows the glyphs waiting in one call, which cairo records, replays and
 * writes as the calls it replaces would have been. */
void
bd_page_batch_flush (BdPageLayout *self,
                     cairo_t      *cr)
{
  if (self->batch_glyphs->len > 0)
    {
      cairo_set_scaled_font (cr, self->batch_font);
      cairo_show_text_glyphs (cr, self->batch_text->str, (int) self->batch_text->len,
                              (const cairo_glyph_t *) (gpointer) self->batch_glyphs->data, (int) self->batch_glyphs->len,
                              (const cairo_text_cluster_t *) (gpointer) self->batch_clusters->data,
                              (int) self->batch_clusters->len, 0);
      g_array_set_size (self->batch_glyphs, 0);
      g_array_set_size (self->batch_clusters, 0);
      g_string_truncate (self->batch_text, 0);
    }
  self->batch_font = NULL;
}

/* Where pango would start a line moved to (@x, @y): the current point,
 * which cairo keeps in fixed point; and the batch made ready for @font. */
static void
batch_start (BdPageLayout *self,
             cairo_t      *cr,
             PangoFont    *font,
             double       *x,
             double       *y)
{
  cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));

  if (self->batch_font != scaled)
    {
      bd_page_batch_flush (self, cr);
      self->batch_font = scaled;
    }
  cairo_move_to (cr, *x, *y);
  cairo_get_current_point (cr, x, y);
}

/* Room at the end of the batch for a line of @n glyphs, one a character
 * of @text: its glyphs returned, and its clusters in @clusters, to fill. */
static cairo_glyph_t *
batch_add_line (BdPageLayout          *self,
                int                    n,
                const char            *text,
                gsize                  length,
                cairo_text_cluster_t **clusters)
{
  guint first = self->batch_glyphs->len;

  g_array_set_size (self->batch_glyphs, first + n);
  g_array_set_size (self->batch_clusters, first + n);
  g_string_append_len (self->batch_text, text, length);
  *clusters = &g_array_index (self->batch_clusters, cairo_text_cluster_t, first);
  return &g_array_index (self->batch_glyphs, cairo_glyph_t, first);
}

/* How far right of its box's left a line @text_width wide starts, aligned
 * in @width. */
static double
align_offset (double         width,
              double         text_width,
              PangoAlignment align)
{
  return align == PANGO_ALIGN_CENTER ? (width - text_width) / 2 : align == PANGO_ALIGN_RIGHT ? width - text_width : 0;
}

/* Shows @n glyphs, one a character of @text, from (@x, @y) on, in the
 * batch: each advanced by the width the layout measured it with, and set
 * @baseline below the point cairo moved to, as pango would draw them
 * without shaping the text again. */
static void
batch_glyph_line (BdPageLayout                *self,
                  cairo_t                     *cr,
                  PangoFont                   *font,
                  const PangoGlyphInfo *const *glyphs,
                  int                          n,
                  const char                  *text,
                  double                       x,
                  double                       y,
                  double                       baseline)
{
  cairo_glyph_t *shown;
  cairo_text_cluster_t *clusters;
  const char *p = text;
  int position = 0;

  batch_start (self, cr, font, &x, &y);
  shown = batch_add_line (self, n, text, strlen (text), &clusters);
  for (int i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      shown[i] = (cairo_glyph_t) { glyphs[i]->glyph, x + (double) position / PANGO_SCALE, y + baseline };
      clusters[i] = (cairo_text_cluster_t) { g_utf8_next_char (p) - p, 1 };
      position += glyphs[i]->geometry.width;
    }
}

/* The glyphs of a line of characters each set alone (a schedule's names
 * and codes), shaped once, in @glyphs, and their width in pango units;
 * 0 when @text holds another character or more than @glyphs holds. */
static int
char_glyphs (BdPageLayout          *self,
             Role                   role,
             const char            *text,
             const PangoGlyphInfo **glyphs,
             int                    capacity,
             int                   *width_units)
{
  int n = 0;

  *width_units = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    {
      if (n == capacity || (glyphs[n] = bd_page_char_glyph (self, role, g_utf8_get_char (p))) == NULL)
        return 0;
      *width_units += glyphs[n]->geometry.width;
    }
  return n;
}

/* One line of text at (x, y) within @width, aligned: figures and
 * characters set alone from their glyphs measured once, other text through
 * the layout of its role, reused, as tables draw thousands of cells. */
static void
draw_line (BdPageLayout   *self,
           cairo_t        *cr,
           Role            role,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align)
{
  const FigureGlyphs *figures = &self->fonts->figure_glyphs[role];
  gsize length = strlen (text);
  const PangoGlyphInfo *stack[128];
  g_autofree const PangoGlyphInfo **heap = NULL;
  const PangoGlyphInfo **glyphs = stack;
  int n, width_units = 0;
  PangoLayout *layout;
  double text_w;

  if (figures->font != NULL && length > 0 && strspn (text, FIGURE_CHARS) == length)
    {
      if (length > G_N_ELEMENTS (stack))
        glyphs = heap = g_new (const PangoGlyphInfo *, length);
      for (gsize i = 0; i < length; i++)
        {
          glyphs[i] = &figures->glyphs[(unsigned char) text[i]];
          width_units += glyphs[i]->geometry.width;
        }
      x += align_offset (width, (double) width_units / PANGO_SCALE, align);
      /* From the baseline, as pango_cairo_show_glyph_string () would place them. */
      batch_glyph_line (self, cr, figures->font, glyphs, (int) length, text, x, y + figures->baseline, 0);
      return;
    }

  bd_page_note_text (self, text);
  if ((n = char_glyphs (self, role, text, glyphs, G_N_ELEMENTS (stack), &width_units)) > 0)
    {
      x += align_offset (width, (double) width_units / PANGO_SCALE, align);
      batch_glyph_line (self, cr, figures->font, glyphs, n, text, x, y, figures->baseline);
      return;
    }

  layout = self->fonts->line_layouts[role];
  {
    PangoRectangle logical;

    pango_layout_set_text (layout, text, -1);
    pango_layout_get_extents (layout, NULL, &logical);
    text_w = (double) logical.width / PANGO_SCALE;
  }
  x += align_offset (width, text_w, align);
  bd_page_batch_flush (self, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static PangoAlignment
pango_align (BdGridAlign align)
{
  switch (align)
    {
    case BD_GRID_ALIGN_LEFT: return PANGO_ALIGN_LEFT;
    case BD_GRID_ALIGN_RIGHT: return PANGO_ALIGN_RIGHT;
    case BD_GRID_ALIGN_CENTER:
    default: return PANGO_ALIGN_CENTER;
    }
}

/* Draws one cell's text (@text_width wide on one line), centred
 * vertically in its box. */
static void
draw_cell_text (BdPageLayout     *self,
                cairo_t          *cr,
                const BdGridCell *cell,
                double            text_width,
                double            x,
                double            y,
                double            width,
                double            height)
{
  double inner = width - 2 * CELL_PAD_X;
  Role role = ROLE_TABLE;

  if (cell->text == NULL || *cell->text == '\0')
    return;

  if (strchr (cell->text, '\n') == NULL && text_width <= inner)
    draw_line (self, cr, role, cell->text, x + CELL_PAD_X, y + (height - self->line_heights[role]) / 2,
               inner, pango_align (cell->align));
  else
    {
      g_autoptr(PangoLayout) layout = bd_page_wrapped_layout (self, role, cell->text, inner, pango_align (cell->align), FALSE);
      double text_h = bd_page_layout_height (layout);

      bd_page_batch_flush (self, cr);
      cairo_save (cr);
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
      cairo_move_to (cr, x + CELL_PAD_X, y + MAX (CELL_PAD_Y, (height - text_h) / 2));
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}

/* The cell that covers (@row, @column): the cell itself, or the merged
 * cell above or to its left that spans it. */
static void
find_origin (const BdGrid *grid,
             guint         row,
             guint         column,
             guint        *origin_row,
             guint        *origin_column)
{
  for (guint r = row + 1; r-- > 0;)
    for (guint c = column + 1; c-- > 0;)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        if (cell->col_span > 0 && r + cell->row_span > row && c + cell->col_span > column)
          {
            *origin_row = r, *origin_column = c;
            return;
          }
      }
  *origin_row = row, *origin_column = column;
}

/* The rules of a table as long lines, where the cells either side of a
 * line differ (@owners: the origin of the cell covering each place). */
static void
draw_rules (cairo_t      *cr,
            const guint  *owners,
            const double *tops,
            const double *lefts,
            guint         n_drawn,
            guint         n_columns)
{
  /* Across, above each row and under the last, where the cells above and below differ. */
  for (guint i = 0; i <= n_drawn; i++)
    for (guint c = 0; c < n_columns;)
      {
        guint end = c;
        while (end < n_columns
               && (i == 0 || i == n_drawn
                   || owners[(i - 1) * n_columns + end] != owners[i * n_columns + end]))
          end++;
        if (end > c)
          {
            cairo_move_to (cr, lefts[c], tops[i]);
            cairo_line_to (cr, lefts[end], tops[i]);
          }
        c = end + 1;
      }
  /* Down, left of each column and right of the last, where the cells either side differ. */
  for (guint c = 0; c <= n_columns; c++)
    for (guint i = 0; i < n_drawn;)
      {
        guint end = i;
        while (end < n_drawn
               && (c == 0 || c == n_columns
                   || owners[end * n_columns + c - 1] != owners[end * n_columns + c]))
          end++;
        if (end > i)
          {
            cairo_move_to (cr, lefts[c], tops[i]);
            cairo_line_to (cr, lefts[c], tops[end]);
          }
        i = end + 1;
      }
}

/* The rows drawn on a page: the header rows, then the slice. A cell merged
 * over rows that began on an earlier page is drawn again from the slice's
 * first row. The rules are drawn last, as long lines where cells do not
 * merge across them: one line a row rather than a box a cell keeps the PDF
 * of a long schedule small and quick to write. */
static void
draw_table (BdPageLayout *self,
            cairo_t      *cr,
            const Item   *item)
{
  Table *table = item->table;
  const BdGrid *grid = bd_page_table_grid (self, table);
  guint n_columns, n_header, n_drawn;
  g_autofree guint *rows = NULL;
  g_autofree double *tops = NULL;
  g_autofree double *lefts = NULL;
  g_autofree guint *owners = NULL;

  /* The document changed shape since it was laid out: a new layout will draw it. */
  if (grid == NULL || grid->n_rows != table->n_rows || grid->n_columns != table->n_columns)
    return;

  n_columns = grid->n_columns;
  n_header = grid->n_header_rows;
  n_drawn = n_header + (item->end_row - item->first_row);
  rows = g_new (guint, n_drawn);
  tops = g_new (double, n_drawn + 1);
  lefts = g_new (double, n_columns + 1);
  owners = g_new (guint, (gsize) n_drawn * n_columns);

  for (guint i = 0; i < n_drawn; i++)
    rows[i] = i < n_header ? i : item->first_row + (i - n_header);
  tops[0] = item->y;
  for (guint i = 0; i < n_drawn; i++)
    tops[i + 1] = tops[i] + table->heights[rows[i]];
  lefts[0] = item->x;
  for (guint c = 0; c < n_columns; c++)
    lefts[c + 1] = lefts[c] + table->widths[c];

  for (guint i = 0; i < n_drawn; i++)
    for (guint c = 0; c < n_columns; c++)
      {
        guint r = rows[i], origin_row = r, origin_column = c;
        const BdGridCell *cell = bd_grid_cell (grid, r, c);

        if (cell->col_span == 0)
          find_origin (grid, r, c, &origin_row, &origin_column);
        owners[i * n_columns + c] = origin_row * n_columns + origin_column;

        /* A cell's text is drawn from its first row on this page, which is
         * the slice's first row when it began on an earlier page. */
        if (origin_column == c && (origin_row == r || i == n_header))
          {
            guint span_rows;

            cell = bd_grid_cell (grid, origin_row, origin_column);
            span_rows = MIN (origin_row + cell->row_span - r, n_drawn - i);
            draw_cell_text (self, cr, cell, bd_page_cell_text_width (self, table, grid, origin_row, origin_column),
                            lefts[c], tops[i],
                            lefts[c + cell->col_span] - lefts[c], tops[i + span_rows] - tops[i]);
          }
      }

  bd_page_batch_flush (self, cr);
  draw_rules (cr, owners, tops, lefts, n_drawn, n_columns);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

/* 一、部门主要职能, or 1. 2024年部门财务收支预算总表 */
char *
bd_page_contents_label (BdPageLayout        *self,
                const ContentsEntry *entry)
{
  g_autofree char *title = NULL;

  if (entry->label != NULL)
    return bd_document_contents_label (self->doc, entry->label);
  title = bd_document_schedule_title (self->doc, entry->schedule);
  return g_strdup_printf ("%u. %s", entry->schedule, title);
}

static void
draw_contents (BdPageLayout *self,
               cairo_t      *cr,
               const Item   *item)
{
  double y = item->y;
  double line = self->line_heights[ROLE_BODY] * 1.6;
  double left = item->x + item->width * 0.12, right = item->x + item->width * 0.88;

  for (guint i = 0; i < BD_PAGE_N_CONTENTS; i++)
    {
      const ContentsEntry *entry = &bd_page_contents[i];
      g_autofree char *label = bd_page_contents_label (self, entry);
      g_autofree char *number = NULL;
      double indent = entry->label == NULL ? 2 * bd_page_role_sizes[ROLE_BODY] : 0;
      double label_w, number_w;

      draw_line (self, cr, ROLE_BODY, label, left + indent, y, right - left - indent, PANGO_ALIGN_LEFT);
      label_w = bd_page_text_width (self, ROLE_BODY, label);
      if (self->contents_pages[i] >= 0)
        {
          number = g_strdup_printf ("%d", self->contents_pages[i] + 1);
          number_w = bd_page_text_width (self, ROLE_BODY, number);
          draw_line (self, cr, ROLE_BODY, number, left, y, right - left, PANGO_ALIGN_RIGHT);
          /* Dotted leaders from the label to the number. */
          bd_page_batch_flush (self, cr);
          cairo_save (cr);
          cairo_set_line_width (cr, 0.8);
          cairo_set_dash (cr, (double[]) { 0.8, 2.4 }, 2, 0);
          cairo_move_to (cr, left + indent + label_w + 6, y + self->line_heights[ROLE_BODY] * 0.75);
          cairo_line_to (cr, right - number_w - 6, y + self->line_heights[ROLE_BODY] * 0.75);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      y += line;
    }
}

static void
draw_text_item (BdPageLayout *self,
                cairo_t      *cr,
                const Item   *item)
{
  g_autoptr(PangoLayout) layout = NULL;

  /* Measured with the fonts that draw: drawn as measured. */
  if (item->layout != NULL && pango_layout_get_context (item->layout) == self->fonts->context)
    layout = g_object_ref (item->layout);
  else
    layout = bd_page_wrapped_layout (self, item->role, item->text, item->width, item->align, item->indent);

  bd_page_batch_flush (self, cr);
  cairo_move_to (cr, item->x, item->y);
  pango_cairo_show_layout (cr, layout);
}

void
bd_page_layout_render_page (BdPageLayout *self,
                            guint         page_number,
                            cairo_t      *cr)
{
  const Page *page;
  double width, height, top, right, bottom, left;
  g_autofree char *footer = NULL;

  g_return_if_fail (BD_IS_PAGE_LAYOUT (self));
  g_return_if_fail (page_number < self->pages->len);

  page = &g_array_index (self->pages, Page, page_number);
  bd_page_size (self, page->landscape, &width, &height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          draw_text_item (self, cr, item);
          break;
        case ITEM_TABLE:
          draw_table (self, cr, item);
          break;
        case ITEM_CONTENTS:
        default:
          draw_contents (self, cr, item);
          break;
        }
    }

  footer = g_strdup_printf ("— %u —", page_number + 1);
  bd_page_margins (self, page->landscape, &top, &right, &bottom, &left);
  draw_line (self, cr, ROLE_SMALL, footer, 0, height - bottom / 2 - self->line_heights[ROLE_SMALL] / 2,
             width, PANGO_ALIGN_CENTER);
  bd_page_batch_flush (self, cr);
  cairo_restore (cr);
}
