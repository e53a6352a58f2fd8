#include "bd-page-layout-private.h"

void
bd_page_table_free (Table *table)
{
  g_free (table->widths);
  g_free (table->heights);
  g_free (table->text_widths);
  g_clear_pointer (&table->kept, bd_grid_free);
  g_free (table);
}

/* The width of the text of the cell at (@row, @column) on one line,
 * measured once: the columns and the rows are sized with it and the
 * pages drawn with it. */
double
bd_page_cell_text_width (BdPageLayout *self,
                         Table        *table,
                         const BdGrid *grid,
                         guint         row,
                         guint         column)
{
  double *width = &table->text_widths[(gsize) row * table->n_columns + column];
  const BdGridCell *cell = bd_grid_cell (grid, row, column);

  if (*width < 0)
    *width = cell->text != NULL ? bd_page_text_width (self, ROLE_TABLE, cell->text) : 0;
  return *width;
}

/* The grid built when the document's characters were noted, if it is
 * @table's: they are noted in the order they are laid out. */
static BdGrid *
take_noted_grid (BdPageLayout *self,
                 const Table  *table)
{
  BdGrid *grid = self->noted_grids->len > 0 ? g_ptr_array_index (self->noted_grids, 0) : NULL;

  if (grid == NULL)
    return NULL;
  if (table->schedule != 0 ? grid->def == NULL || grid->def->number != table->schedule : grid->def != NULL)
    {
      g_ptr_array_set_size (self->noted_grids, 0);
      return NULL;
    }
  return g_ptr_array_steal_index (self->noted_grids, 0);
}

/* NULL when the document no longer has the form the table printed. */
BdGrid *
bd_page_table_grid (BdPageLayout *self,
                    Table        *table)
{
  if (table->schedule == 0 && table->project >= self->doc->projects->len)
    return NULL;
  if (self->grid_table != table)
    {
      if (self->grid_table != NULL && !self->laid_out)
        self->grid_table->kept = g_steal_pointer (&self->grid);
      g_clear_pointer (&self->grid, bd_grid_free);
      self->grid = g_steal_pointer (&table->kept);
      if (self->grid == NULL)
        self->grid = take_noted_grid (self, table);
      if (self->grid == NULL)
        self->grid = table->schedule != 0
        ? bd_grid_new_for_schedule (self->doc, table->schedule)
        : bd_grid_new_for_project (self->doc, g_ptr_array_index (self->doc->projects, table->project));
      self->grid_table = table;
    }
  return self->grid;
}

/* Each column as wide as its widest figure or name, header text allowed to
 * wrap after six characters; which columns hold text that may wrap, and
 * which may be stretched (all but the centred codes). */
static void
measure_columns (BdPageLayout *self,
                 Table        *table,
                 const BdGrid *grid,
                 gboolean     *wraps,
                 gboolean     *stretches)
{
  double header_cap = 6 * bd_page_role_sizes[ROLE_TABLE] + 2 * CELL_PAD_X;

  for (guint c = 0; c < grid->n_columns; c++)
    wraps[c] = stretches[c] = FALSE;
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        double width;

        if (cell->col_span != 1 || cell->text == NULL)
          continue;
        width = bd_page_cell_text_width (self, table, grid, r, c) + 2 * CELL_PAD_X;
        if (grid->row_kinds[r] == BD_GRID_ROW_HEADER)
          width = MIN (width, header_cap);
        else
          {
            wraps[c] |= cell->align == BD_GRID_ALIGN_LEFT;
            stretches[c] |= cell->align != BD_GRID_ALIGN_CENTER;
          }
        table->widths[c] = MAX (table->widths[c], width);
      }
  /* Merged header cells wider than the columns under them widen them evenly,
   * as far as eight characters (功能分类科目编码): beyond, they wrap
   * (部门预算经济分类科目编码 over the two narrow code columns). */
  for (guint r = 0; r < grid->n_header_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        double width, have;

        if (cell->col_span <= 1 || cell->text == NULL)
          continue;
        width = MIN (bd_page_cell_text_width (self, table, grid, r, c), 8 * bd_page_role_sizes[ROLE_TABLE]) + 2 * CELL_PAD_X;
        have = bd_grid_span_width (table->widths, c, cell->col_span);
        for (guint k = c; width > have && k < c + cell->col_span; k++)
          table->widths[k] += (width - have) / cell->col_span;
      }
}

/* The widths of the columns: as measured, then stretched to the frame or,
 * when too wide, the names wrapped. A form has fixed shares. */
static void
size_columns (BdPageLayout *self,
              Table        *table,
              double        frame)
{
  static const double form_shares[6] = { 0.135, 0.15, 0.19, 0.185, 0.14, 0.2 };
  const BdGrid *grid = bd_page_table_grid (self, table);
  double natural = 0;
  gboolean *wraps = g_newa (gboolean, grid->n_columns);
  gboolean *stretches = g_newa (gboolean, grid->n_columns);

  table->widths = g_new0 (double, grid->n_columns);
  if (grid->def == NULL)
    {
      for (guint c = 0; c < grid->n_columns; c++)
        table->widths[c] = frame * form_shares[c];
      table->width = frame;
      return;
    }

  measure_columns (self, table, grid, wraps, stretches);
  for (guint c = 0; c < grid->n_columns; c++)
    natural += table->widths[c];
  table->natural = natural;

  if (natural <= frame)
    {
      /* Codes (centred cells) keep their width; names and figures share
       * what is left evenly. An empty schedule has neither: its columns
       * grow with their headers' widths, the narrow code columns least. */
      guint n_stretchable = 0;

      for (guint c = 0; c < grid->n_columns; c++)
        n_stretchable += stretches[c];
      for (guint c = 0; c < grid->n_columns; c++)
        if (n_stretchable == 0)
          table->widths[c] += (frame - natural) * table->widths[c] / natural;
        else if (stretches[c])
          table->widths[c] += (frame - natural) / n_stretchable;
    }
  else
    {
      double excess = natural - frame, wrappable = 0;

      for (guint c = 0; c < grid->n_columns; c++)
        if (wraps[c])
          wrappable += table->widths[c];
      for (guint c = 0; c < grid->n_columns && wrappable > 0; c++)
        if (wraps[c])
          table->widths[c] -= MIN (excess, wrappable * 0.6) * table->widths[c] / wrappable;
    }
  table->width = 0;
  for (guint c = 0; c < grid->n_columns; c++)
    table->width += table->widths[c];
}

/* The height the text of the cell at (@row, @column) needs in a box
 * @width wide. */
static double
cell_text_height (BdPageLayout *self,
                  Table        *table,
                  const BdGrid *grid,
                  guint         row,
                  guint         column,
                  double        width)
{
  const BdGridCell *cell = bd_grid_cell (grid, row, column);
  g_autoptr(PangoLayout) layout = NULL;
  Role role = ROLE_TABLE;

  if (cell->text == NULL || *cell->text == '\0')
    return self->line_heights[role];
  if (strchr (cell->text, '\n') == NULL && bd_page_cell_text_width (self, table, grid, row, column) <= width)
    return self->line_heights[role];
  layout = bd_page_wrapped_layout (self, role, cell->text, width, PANGO_ALIGN_LEFT, FALSE);
  return bd_page_layout_height (layout);
}

static void
size_rows (BdPageLayout *self,
           Table        *table)
{
  const BdGrid *grid = bd_page_table_grid (self, table);

  table->heights = g_new0 (double, grid->n_rows);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      table->heights[r] = MIN_ROW;
      for (guint c = 0; c < grid->n_columns; c++)
        {
          const BdGridCell *cell = bd_grid_cell (grid, r, c);
          if (cell->row_span == 1)
            {
              double width = bd_grid_span_width (table->widths, c, cell->col_span) - 2 * CELL_PAD_X;
              double height = cell_text_height (self, table, grid, r, c, width) + 2 * CELL_PAD_Y;
              table->heights[r] = MAX (table->heights[r], height);
            }
        }
    }
  /* A cell over several rows that needs more room than they have deepens the last. */
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        double have = 0, need;

        if (cell->row_span <= 1)
          continue;
        for (guint k = r; k < r + cell->row_span; k++)
          have += table->heights[k];
        need = cell_text_height (self, table, grid, r, c,
                                 bd_grid_span_width (table->widths, c, cell->col_span) - 2 * CELL_PAD_X) + 2 * CELL_PAD_Y;
        if (need > have)
          table->heights[r + cell->row_span - 1] += need - have;
      }
}

static double
header_height (const Table *table)
{
  double height = 0;

  for (guint r = 0; r < table->n_header_rows; r++)
    height += table->heights[r];
  return height;
}

static Item *
add_table_slice (BdPageLayout *self,
                 Table        *table,
                 guint         first_row)
{
  Item *item = bd_page_add_item (self, ITEM_TABLE);

  item->table = table;
  item->first_row = item->end_row = first_row;
  item->x += (item->width - table->width) / 2;
  self->cursor_y += header_height (table);
  return item;
}

/* A title, its lines, the table with its header repeated on every page it
 * continues on, and the note under it. */
void
bd_page_add_table (BdPageLayout *self,
                   guint         schedule,
                   guint         project)
{
  Table *table = g_new0 (Table, 1);
  BdGrid *grid;
  gboolean landscape;
  Item *slice;
  guint item_index;

  table->schedule = schedule;
  table->project = project;
  g_ptr_array_add (self->tables, table);
  grid = bd_page_table_grid (self, table);
  table->n_header_rows = grid->n_header_rows;
  table->n_rows = grid->n_rows;
  table->n_columns = grid->n_columns;
  table->text_widths = g_new (double, (gsize) grid->n_rows * grid->n_columns);
  for (gsize i = 0; i < (gsize) grid->n_rows * grid->n_columns; i++)
    table->text_widths[i] = -1;

  size_columns (self, table, bd_page_frame_width (self, FALSE));
  /* Turned when it would have to wrap its names to fit upright. */
  landscape = grid->landscape || table->natural > bd_page_frame_width (self, FALSE) + 0.5;
  if (landscape)
    {
      g_free (table->widths);
      size_columns (self, table, bd_page_frame_width (self, TRUE));
    }
  size_rows (self, table);

  bd_page_new_page (self, landscape);
  bd_page_add_text (self, grid->title, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 8);
  if (grid->subtitle != NULL)
    bd_page_add_text (self, grid->subtitle, ROLE_SMALL, PANGO_ALIGN_CENTER, FALSE, 6);
  if (grid->department != NULL)
    bd_page_add_line_pair (self, grid->department, grid->unit);

  slice = add_table_slice (self, table, grid->n_header_rows);
  item_index = bd_page_current (self)->items->len - 1;
  for (guint r = grid->n_header_rows; r < grid->n_rows; r++)
    {
      if (self->cursor_y + table->heights[r] > bd_page_frame_bottom (self) && slice->end_row > slice->first_row)
        {
          g_autofree char *continued = g_strdup_printf ("%s（续）", grid->title);

          bd_page_new_page (self, landscape);
          bd_page_add_text (self, continued, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 8);
          if (grid->department != NULL)
            bd_page_add_line_pair (self, grid->department, grid->unit);
          slice = add_table_slice (self, table, r);
          item_index = bd_page_current (self)->items->len - 1;
        }
      slice = &g_array_index (bd_page_current (self)->items, Item, item_index);
      slice->end_row = r + 1;
      self->cursor_y += table->heights[r];
    }
  self->cursor_y += 8;
  if (grid->note != NULL)
    bd_page_add_text (self, grid->note, ROLE_SMALL, PANGO_ALIGN_LEFT, FALSE, 0);
}
