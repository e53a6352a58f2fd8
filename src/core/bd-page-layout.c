#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "bd-file-replace.h"
#include "bd-grid.h"
#include "bd-page-layout.h"

/* Millimetres to points. */
#define MM(x) ((x) * 72.0 / 25.4)

/* One face for every role, a Song-style serif as printed budgets are set:
 * a CJK face is 20 to 30 MB, and cairo reads each face it embeds whole to
 * subset it, so a second face (a bold, a sans for titles) would cost as much
 * memory again. Titles stand out by size, as 小标宋 titles do. Fontconfig
 * takes the first family installed. */
#define SERIF "Noto Serif CJK SC,Source Han Serif SC,AR PL UMing CN,Noto Sans CJK SC,serif"

typedef enum {
  ROLE_BODY,         /* paragraphs */
  ROLE_TABLE,        /* table cells */
  ROLE_SMALL,        /* 编制部门, 单位, notes, contents, page numbers */
  ROLE_TITLE,        /* schedule titles and section headings */
  ROLE_COVER,        /* the document's title on the cover */
  N_ROLES
} Role;

/* In points: the text in 五号 (10.5), tables a size smaller. */
static const double role_sizes[N_ROLES] = {
  [ROLE_BODY]  = 10.5,
  [ROLE_TABLE] = 9,
  [ROLE_SMALL] = 10.5,
  [ROLE_TITLE] = 16,
  [ROLE_COVER] = 26,
};

#define CELL_PAD_X    4.0
#define CELL_PAD_Y    1.5
#define MIN_ROW       16.0
#define LINE_SPACING  1.5
#define RULE_WIDTH    0.6

/* The table of contents, in published order, which is also the order the
 * parts are laid out in. Each entry names what it points at: a text
 * section, a schedule (its title when it has no label of its own), or the
 * forms; and the part the window and the checker know it by. */
typedef struct {
  const char *label;      /* NULL: the schedule's own title */
  const char *section;
  guint       schedule;
  BdPart      part;
} ContentsEntry;

static const ContentsEntry contents[] = {
  { "一、部门主要职能", "functions", 0, 0 },
  { "二、部门机构设置", "organisation", 0, 0 },
  { "三、名词解释", "glossary", 0, 0 },
  { "四、部门预算编制说明", "narrative", 0, BD_PART_NARRATIVE },
  { "五、部门预算表", NULL, 1, 0 },
  { NULL, NULL, 1, BD_PART_SCHEDULE_1 }, { NULL, NULL, 2, BD_PART_SCHEDULE_2 },
  { NULL, NULL, 3, BD_PART_SCHEDULE_3 }, { NULL, NULL, 4, BD_PART_SCHEDULE_4 },
  { NULL, NULL, 5, BD_PART_SCHEDULE_5 }, { NULL, NULL, 6, BD_PART_SCHEDULE_6 },
  { NULL, NULL, 7, BD_PART_SCHEDULE_7 }, { NULL, NULL, 8, BD_PART_SCHEDULE_8 },
  { NULL, NULL, 9, BD_PART_SCHEDULE_9 },
  { "六、其他相关情况说明", "other", 0, BD_PART_OTHER },
  { "七、政府雇员项目经费情况说明", "employees", 0, BD_PART_EMPLOYEES },
  { "八、财政项目支出绩效目标表", NULL, 0, BD_PART_PERFORMANCE },
};

/* A table's grid is not kept: a 13,000-row schedule's cells take more
 * memory than everything else here, so a grid is built again when its pages
 * are drawn (one at a time, see table_grid()). */
typedef struct {
  guint   schedule;       /* 1 … 9, or 0 for a form */
  guint   project;        /* the form's index in doc->projects */
  guint   n_header_rows;
  guint   n_rows;         /* the grid's shape when it was laid out */
  guint   n_columns;
  double *widths;     /* per column */
  double *heights;    /* per row */
  double  width;
  double  natural;    /* the width before it was fitted to the frame */
} Table;

typedef enum {
  ITEM_TEXT,
  ITEM_TABLE,
  ITEM_CONTENTS,
} ItemKind;

typedef struct {
  ItemKind       kind;
  double         x, y, width;
  /* ITEM_TEXT */
  char          *text;
  Role           role;
  PangoAlignment align;
  gboolean       indent;
  /* ITEM_TABLE: the header rows, then rows [first_row, end_row) */
  Table         *table;
  guint          first_row;
  guint          end_row;
} Item;

typedef struct {
  gboolean  landscape;
  GArray   *items;   /* Item */
} Page;

/* The glyphs of the characters figures are written with, shaped once per
 * role: a table of 13,000 rows draws some 60,000 figures, and shaping each
 * one again would take most of the time. */
#define FIGURE_CHARS "0123456789,.-"

typedef struct {
  PangoFont      *font;       /* NULL: the figures' characters need more than one font */
  PangoGlyphInfo  glyphs[128];
  double          baseline;   /* from the top of a line */
} FigureGlyphs;

struct _BdPageLayout
{
  GObject               parent_instance;

  BdDocument           *doc;
  BdPaper               paper;
  PangoContext         *context;
  PangoFontDescription *fonts[N_ROLES];
  PangoLayout          *line_layouts[N_ROLES];   /* reused for one-line text */
  GHashTable           *char_widths[N_ROLES];    /* gunichar → width in Pango units */
  double                line_heights[N_ROLES];
  FigureGlyphs          figure_glyphs[N_ROLES];
  PangoGlyphString     *glyph_string;            /* reused to draw figures */

  GPtrArray            *tables;      /* Table* */
  const Table          *grid_table;  /* the table whose grid is built, or NULL */
  BdGrid               *grid;
  GArray               *pages;       /* Page */
  int                   contents_pages[G_N_ELEMENTS (contents)];

  /* Where the next block goes while laying out. */
  double                cursor_y;
  double                frame_top;
  double                frame_left;
};

G_DEFINE_FINAL_TYPE (BdPageLayout, bd_page_layout, G_TYPE_OBJECT)

BdPaper
bd_paper_a4 (void)
{
  return (BdPaper) {
    .width = MM (210), .height = MM (297),
    .margin_top = MM (25), .margin_bottom = MM (25),
    .margin_left = MM (20), .margin_right = MM (20),
  };
}

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_free (table->heights);
  g_free (table);
}

static void
page_clear (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    g_free (g_array_index (page->items, Item, i).text);
  g_array_unref (page->items);
}

static void
bd_page_layout_finalize (GObject *object)
{
  BdPageLayout *self = BD_PAGE_LAYOUT (object);

  for (guint i = 0; i < N_ROLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      g_clear_object (&self->line_layouts[i]);
      g_clear_pointer (&self->char_widths[i], g_hash_table_unref);
      g_clear_object (&self->figure_glyphs[i].font);
    }
  g_clear_pointer (&self->glyph_string, pango_glyph_string_free);
  g_clear_pointer (&self->grid, bd_grid_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (bd_page_layout_parent_class)->finalize (object);
}

static void
bd_page_layout_class_init (BdPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_page_layout_finalize;
}

static void
bd_page_layout_init (BdPageLayout *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);
}

static void
shape_figure_glyphs (BdPageLayout *self,
                     Role          role)
{
  FigureGlyphs *figures = &self->figure_glyphs[role];
  PangoLayout *layout = self->line_layouts[role];
  PangoLayoutLine *line;
  PangoGlyphItem *run;

  pango_layout_set_text (layout, FIGURE_CHARS, -1);
  line = pango_layout_get_line_readonly (layout, 0);
  if (line->runs == NULL || line->runs->next != NULL)
    return;
  run = line->runs->data;
  if (run->glyphs->num_glyphs != (int) strlen (FIGURE_CHARS))
    return;
  for (int g = 0; g < run->glyphs->num_glyphs; g++)
    {
      unsigned char ch = FIGURE_CHARS[run->glyphs->log_clusters[g]];
      figures->glyphs[ch] = run->glyphs->glyphs[g];
      figures->glyphs[ch].geometry.x_offset = figures->glyphs[ch].geometry.y_offset = 0;
    }
  figures->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  figures->font = g_object_ref (run->item->analysis.font);
}

/* Text is measured in points, unhinted, so that the pages are the same on
 * paper, in a PDF and in the preview at any zoom. The options are a PDF
 * surface's own: the fonts text is measured with are then the very fonts a
 * PDF draws with, and cairo loads each glyph once, not once for each. */
static void
setup_fonts (BdPageLayout *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, 1, 1);

  cairo_surface_get_font_options (pdf, options);
  cairo_surface_destroy (pdf);
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  for (guint i = 0; i < N_ROLES; i++)
    {
      PangoRectangle logical;

      self->fonts[i] = pango_font_description_from_string (SERIF);
      pango_font_description_set_size (self->fonts[i], (int) (role_sizes[i] * PANGO_SCALE));
      self->line_layouts[i] = pango_layout_new (self->context);
      pango_layout_set_font_description (self->line_layouts[i], self->fonts[i]);
      pango_layout_set_text (self->line_layouts[i], "国0", -1);
      pango_layout_get_extents (self->line_layouts[i], NULL, &logical);
      self->line_heights[i] = (double) logical.height / PANGO_SCALE;
      self->char_widths[i] = g_hash_table_new (NULL, NULL);
      shape_figure_glyphs (self, i);
    }
  self->glyph_string = pango_glyph_string_new ();
}

/* The width of one line of @text, from the widths of its characters, each
 * shaped once: a table of 13,000 rows is measured without shaping each cell.
 * Kerning is ignored, so callers leave a little room. */
static double
text_width (BdPageLayout *self,
            Role          role,
            const char   *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gpointer known = g_hash_table_lookup (self->char_widths[role], GUINT_TO_POINTER (ch));

      if (known == NULL)
        {
          char buffer[8] = { 0 };
          PangoRectangle logical;

          g_unichar_to_utf8 (ch, buffer);
          pango_layout_set_text (self->line_layouts[role], buffer, -1);
          pango_layout_get_extents (self->line_layouts[role], NULL, &logical);
          /* Stored plus one, so that a zero width is not mistaken for a miss. */
          known = GINT_TO_POINTER (logical.width + 1);
          g_hash_table_insert (self->char_widths[role], GUINT_TO_POINTER (ch), known);
        }
      width += GPOINTER_TO_INT (known) - 1;
    }
  return width * 1.02 / PANGO_SCALE;
}

static PangoLayout *
wrapped_layout (BdPageLayout   *self,
                Role            role,
                const char     *text,
                double          width,
                PangoAlignment  align,
                gboolean        indent)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[role]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  if (role == ROLE_BODY)
    pango_layout_set_line_spacing (layout, LINE_SPACING);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * role_sizes[role] * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Pages and the cursor */

static Page *
current_page (BdPageLayout *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
page_size (BdPageLayout *self,
           gboolean      landscape,
           double       *width,
           double       *height)
{
  *width = landscape ? self->paper.height : self->paper.width;
  *height = landscape ? self->paper.width : self->paper.height;
}

/* The margins of a page as it is drawn: a landscape page is the paper
 * turned, its margins with it (the upright page's left margin is at the
 * bottom of a turned page, so a bound edge stays bound). */
static void
page_margins (BdPageLayout *self,
              gboolean      landscape,
              double       *top,
              double       *right,
              double       *bottom,
              double       *left)
{
  const BdPaper *p = &self->paper;

  if (landscape)
    *top = p->margin_right, *right = p->margin_bottom, *bottom = p->margin_left, *left = p->margin_top;
  else
    *top = p->margin_top, *right = p->margin_right, *bottom = p->margin_bottom, *left = p->margin_left;
}

static double
frame_width (BdPageLayout *self,
             gboolean      landscape)
{
  double width, height, top, right, bottom, left;

  page_size (self, landscape, &width, &height);
  page_margins (self, landscape, &top, &right, &bottom, &left);
  return width - left - right;
}

static double
frame_bottom (BdPageLayout *self)
{
  gboolean landscape = current_page (self)->landscape;
  double width, height, top, right, bottom, left;

  page_size (self, landscape, &width, &height);
  page_margins (self, landscape, &top, &right, &bottom, &left);
  /* The page number sits in the bottom margin. */
  return height - bottom;
}

static void
new_page (BdPageLayout *self,
          gboolean      landscape)
{
  Page page = { landscape, g_array_new (FALSE, TRUE, sizeof (Item)) };
  double right, bottom;

  g_array_append_val (self->pages, page);
  page_margins (self, landscape, &self->cursor_y, &right, &bottom, &self->frame_left);
  self->frame_top = self->cursor_y;
}

static Item *
add_item (BdPageLayout *self,
          ItemKind      kind)
{
  Page *page = current_page (self);
  Item item = { .kind = kind, .x = self->frame_left, .y = self->cursor_y,
                .width = frame_width (self, page->landscape) };

  g_array_append_val (page->items, item);
  return &g_array_index (page->items, Item, page->items->len - 1);
}

/* A block of text across the frame; a paragraph longer than what is left of
 * the page goes on on the next one, line by line. */
static void
add_text (BdPageLayout   *self,
          const char     *text,
          Role            role,
          PangoAlignment  align,
          gboolean        indent,
          double          space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean landscape = current_page (self)->landscape;
  double width = frame_width (self, landscape);

  layout = wrapped_layout (self, role, text, width, align, indent);
  while (self->cursor_y + layout_height (layout) > frame_bottom (self))
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      double room = frame_bottom (self) - self->cursor_y;
      int split = -1;

      do
        {
          int y0, y1;
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if ((double) y1 / PANGO_SCALE > room)
            break;
          split = pango_layout_iter_get_line_readonly (iter)->start_index
                + pango_layout_iter_get_line_readonly (iter)->length;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (split > 0)
        {
          Item *item = add_item (self, ITEM_TEXT);
          const char *all = pango_layout_get_text (layout);
          g_autofree char *rest = g_strdup (all + split);

          item->text = g_strndup (all, split);
          item->role = role, item->align = align, item->indent = indent;
          g_object_unref (layout);
          layout = wrapped_layout (self, role, rest, width, align, FALSE);
          indent = FALSE;
        }
      else if (self->cursor_y == self->frame_top)
        break;   /* a line taller than a page: print it as it is */
      new_page (self, landscape);
    }

  Item *item = add_item (self, ITEM_TEXT);
  item->text = g_strdup (pango_layout_get_text (layout));
  item->role = role, item->align = align, item->indent = indent;
  self->cursor_y += layout_height (layout) + space_after;
}

/* 编制部门：… on the left and 单位：元 on the right of one line. */
static void
add_line_pair (BdPageLayout *self,
               const char   *left,
               const char   *right)
{
  Item *item = add_item (self, ITEM_TEXT);

  item->text = g_strdup (left);
  item->role = ROLE_SMALL, item->align = PANGO_ALIGN_LEFT;
  item = add_item (self, ITEM_TEXT);
  item->text = g_strdup (right);
  item->role = ROLE_SMALL, item->align = PANGO_ALIGN_RIGHT;
  self->cursor_y += self->line_heights[ROLE_SMALL] + 4;
}

/* Tables */

/* NULL when the document no longer has the form the table printed. */
static BdGrid *
table_grid (BdPageLayout *self,
            const Table  *table)
{
  if (table->schedule == 0 && table->project >= self->doc->projects->len)
    return NULL;
  if (self->grid_table != table)
    {
      g_clear_pointer (&self->grid, bd_grid_free);
      self->grid = table->schedule != 0
        ? bd_grid_new_for_schedule (self->doc, table->schedule)
        : bd_grid_new_for_project (self->doc, g_ptr_array_index (self->doc->projects, table->project));
      self->grid_table = table;
    }
  return self->grid;
}

/* The widths of the columns: each as wide as its widest figure or name,
 * header text allowed to wrap after six characters, then stretched to the
 * frame or, when too wide, the names wrapped. A form has fixed shares. */
static void
size_columns (BdPageLayout *self,
              Table        *table,
              double        frame)
{
  static const double form_shares[6] = { 0.135, 0.15, 0.19, 0.185, 0.14, 0.2 };
  const BdGrid *grid = table_grid (self, table);
  double natural = 0;
  double header_cap = 6 * role_sizes[ROLE_TABLE] + 2 * CELL_PAD_X;
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

  for (guint c = 0; c < grid->n_columns; c++)
    wraps[c] = stretches[c] = FALSE;
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        double width;

        if (cell->col_span != 1 || cell->text == NULL)
          continue;
        width = text_width (self, ROLE_TABLE, cell->text) + 2 * CELL_PAD_X;
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
        width = MIN (text_width (self, ROLE_TABLE, cell->text), 8 * role_sizes[ROLE_TABLE]) + 2 * CELL_PAD_X;
        have = bd_grid_span_width (table->widths, c, cell->col_span);
        for (guint k = c; width > have && k < c + cell->col_span; k++)
          table->widths[k] += (width - have) / cell->col_span;
      }

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

/* The height @cell's text needs in a box @width wide. */
static double
cell_text_height (BdPageLayout     *self,
                  const BdGridCell *cell,
                  double            width)
{
  g_autoptr(PangoLayout) layout = NULL;
  Role role = ROLE_TABLE;

  if (cell->text == NULL || *cell->text == '\0')
    return self->line_heights[role];
  if (strchr (cell->text, '\n') == NULL && text_width (self, role, cell->text) <= width)
    return self->line_heights[role];
  layout = wrapped_layout (self, role, cell->text, width, PANGO_ALIGN_LEFT, FALSE);
  return layout_height (layout);
}

static void
size_rows (BdPageLayout *self,
           Table        *table)
{
  const BdGrid *grid = table_grid (self, table);

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
              double height = cell_text_height (self, cell, width) + 2 * CELL_PAD_Y;
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
        need = cell_text_height (self, cell,
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
  Item *item = add_item (self, ITEM_TABLE);

  item->table = table;
  item->first_row = item->end_row = first_row;
  item->x += (item->width - table->width) / 2;
  self->cursor_y += header_height (table);
  return item;
}

/* A title, its lines, the table with its header repeated on every page it
 * continues on, and the note under it. */
static void
add_table (BdPageLayout *self,
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
  grid = table_grid (self, table);
  table->n_header_rows = grid->n_header_rows;
  table->n_rows = grid->n_rows;
  table->n_columns = grid->n_columns;

  size_columns (self, table, frame_width (self, FALSE));
  /* Turned when it would have to wrap its names to fit upright. */
  landscape = grid->landscape || table->natural > frame_width (self, FALSE) + 0.5;
  if (landscape)
    {
      g_free (table->widths);
      size_columns (self, table, frame_width (self, TRUE));
    }
  size_rows (self, table);

  new_page (self, landscape);
  add_text (self, grid->title, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 8);
  if (grid->subtitle != NULL)
    add_text (self, grid->subtitle, ROLE_SMALL, PANGO_ALIGN_CENTER, FALSE, 6);
  if (grid->department != NULL)
    add_line_pair (self, grid->department, grid->unit);

  slice = add_table_slice (self, table, grid->n_header_rows);
  item_index = current_page (self)->items->len - 1;
  for (guint r = grid->n_header_rows; r < grid->n_rows; r++)
    {
      if (self->cursor_y + table->heights[r] > frame_bottom (self) && slice->end_row > slice->first_row)
        {
          g_autofree char *continued = g_strdup_printf ("%s（续）", grid->title);

          new_page (self, landscape);
          add_text (self, continued, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 8);
          if (grid->department != NULL)
            add_line_pair (self, grid->department, grid->unit);
          slice = add_table_slice (self, table, r);
          item_index = current_page (self)->items->len - 1;
        }
      slice = &g_array_index (current_page (self)->items, Item, item_index);
      slice->end_row = r + 1;
      self->cursor_y += table->heights[r];
    }
  self->cursor_y += 8;
  if (grid->note != NULL)
    add_text (self, grid->note, ROLE_SMALL, PANGO_ALIGN_LEFT, FALSE, 0);
}

/* The document */

/* A line such as 一、项目概述 heads what follows: it is set flush, with
 * room above, where a paragraph is indented. */
static gboolean
is_subheading (const char *line)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = line;

  while (*p && strncmp (p, "、", strlen ("、")) != 0)
    {
      char digit[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), digit);
      if (strstr (numerals, digit) == NULL)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return *p != '\0' && p != line && strstr (line, "。") == NULL && g_utf8_strlen (line, -1) <= 40;
}

static int
add_section (BdPageLayout *self,
             const char   *id)
{
  BdSection *section = bd_document_get_section (self->doc, id);
  int first_page = self->pages->len;

  if (section == NULL)
    return -1;
  new_page (self, FALSE);
  add_text (self, section->title, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 14);
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (section->paragraphs, i), "\n", -1);
      for (guint l = 0; lines[l]; l++)
        {
          const char *line = g_strstrip (lines[l]);

          if (*line == '\0')
            continue;
          if (is_subheading (line))
            {
              if (self->cursor_y > self->frame_top + 40)
                self->cursor_y += 6;
              add_text (self, line, ROLE_BODY, PANGO_ALIGN_LEFT, FALSE, 6);
            }
          else
            add_text (self, line, ROLE_BODY, PANGO_ALIGN_LEFT, TRUE, 6);
        }
    }
  return first_page;
}

static void
add_cover (BdPageLayout *self)
{
  BdDocument *doc = self->doc;
  g_autofree char *title = doc->title ? g_strdup (doc->title)
                                      : g_strdup_printf ("%d年部门预算", doc->year);
  g_autofree char *department = g_strdup_printf ("预算主管部门：%s", doc->department);

  new_page (self, FALSE);
  if (doc->attachment != NULL)
    add_text (self, doc->attachment, ROLE_BODY, PANGO_ALIGN_LEFT, FALSE, 0);
  self->cursor_y = self->frame_top + 90;
  add_text (self, title, ROLE_COVER, PANGO_ALIGN_CENTER, FALSE, 24);
  add_text (self, department, ROLE_BODY, PANGO_ALIGN_CENTER, FALSE, 60);
  add_text (self, "目  录", ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 16);
  add_item (self, ITEM_CONTENTS);
}

static void
lay_out (BdPageLayout *self)
{
  BdDocument *doc = self->doc;

  add_cover (self);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      const ContentsEntry *entry = &contents[i];

      if (entry->section != NULL)
        {
          self->contents_pages[i] = add_section (self, entry->section);
          continue;
        }
      /* 五 has no page of its own: it points at schedule 1's, the next one. */
      self->contents_pages[i] = self->pages->len;
      if (entry->part == BD_PART_PERFORMANCE)
        {
          if (doc->projects->len == 0)
            self->contents_pages[i] = -1;
          for (guint p = 0; p < doc->projects->len; p++)
            add_table (self, 0, p);
        }
      else if (entry->label == NULL)
        add_table (self, entry->schedule, 0);
    }
}

BdPageLayout *
bd_page_layout_new (BdDocument    *doc,
                    const BdPaper *paper)
{
  BdPageLayout *self = g_object_new (BD_TYPE_PAGE_LAYOUT, NULL);

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);
  self->doc = g_object_ref (doc);
  self->paper = paper ? *paper : bd_paper_a4 ();
  setup_fonts (self);
  lay_out (self);
  return self;
}

guint
bd_page_layout_get_n_pages (BdPageLayout *self)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

gboolean
bd_page_layout_is_landscape (BdPageLayout *self,
                             guint         page)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);
  return g_array_index (self->pages, Page, page).landscape;
}

void
bd_page_layout_get_page_size (BdPageLayout *self,
                              guint         page,
                              double       *width,
                              double       *height)
{
  page_size (self, bd_page_layout_is_landscape (self, page), width, height);
}

int
bd_page_layout_get_part_page (BdPageLayout *self,
                              BdPart        part)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), -1);
  if (part == BD_PART_DOCUMENT)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    if (contents[i].part == part && part != 0)
      return self->contents_pages[i];
  return -1;
}

/* Drawing */

/* One line of text at (x, y) within @width, aligned; the layout is reused,
 * as tables draw thousands of cells. */
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
  PangoLayout *layout = self->line_layouts[role];
  const FigureGlyphs *figures = &self->figure_glyphs[role];
  gsize length = strlen (text);
  double text_w;

  if (figures->font != NULL && length > 0 && strspn (text, FIGURE_CHARS) == length)
    {
      int width_units = 0;

      pango_glyph_string_set_size (self->glyph_string, (int) length);
      for (gsize i = 0; i < length; i++)
        {
          self->glyph_string->glyphs[i] = figures->glyphs[(unsigned char) text[i]];
          self->glyph_string->log_clusters[i] = (int) i;
          width_units += self->glyph_string->glyphs[i].geometry.width;
        }
      text_w = (double) width_units / PANGO_SCALE;
      x += align == PANGO_ALIGN_CENTER ? (width - text_w) / 2 : align == PANGO_ALIGN_RIGHT ? width - text_w : 0;
      cairo_move_to (cr, x, y + figures->baseline);
      pango_cairo_show_glyph_string (cr, figures->font, self->glyph_string);
      return;
    }

  {
    PangoRectangle logical;

    pango_layout_set_text (layout, text, -1);
    pango_layout_get_extents (layout, NULL, &logical);
    text_w = (double) logical.width / PANGO_SCALE;
  }
  x += align == PANGO_ALIGN_CENTER ? (width - text_w) / 2 : align == PANGO_ALIGN_RIGHT ? width - text_w : 0;
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

/* Draws one cell's text, centred vertically in its box. */
static void
draw_cell_text (BdPageLayout     *self,
                cairo_t          *cr,
                const BdGridCell *cell,
                double            x,
                double            y,
                double            width,
                double            height)
{
  double inner = width - 2 * CELL_PAD_X;
  Role role = ROLE_TABLE;

  if (cell->text == NULL || *cell->text == '\0')
    return;

  if (strchr (cell->text, '\n') == NULL && text_width (self, role, cell->text) <= inner)
    draw_line (self, cr, role, cell->text, x + CELL_PAD_X, y + (height - self->line_heights[role]) / 2,
               inner, pango_align (cell->align));
  else
    {
      g_autoptr(PangoLayout) layout = wrapped_layout (self, role, cell->text, inner, pango_align (cell->align), FALSE);
      double text_h = layout_height (layout);

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
  const Table *table = item->table;
  const BdGrid *grid = table_grid (self, table);
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
            draw_cell_text (self, cr, cell, lefts[c], tops[i],
                            lefts[c + cell->col_span] - lefts[c], tops[i + span_rows] - tops[i]);
          }
      }

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
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

/* 一、部门主要职能, or 1. 2024年部门财务收支预算总表 */
static char *
contents_label (BdPageLayout        *self,
                const ContentsEntry *entry)
{
  g_autofree char *title = NULL;

  if (entry->label != NULL)
    return g_strdup (entry->label);
  title = bd_schedule_def_title (bd_schedule_def_get (entry->schedule), self->doc->year);
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

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      const ContentsEntry *entry = &contents[i];
      g_autofree char *label = contents_label (self, entry);
      g_autofree char *number = NULL;
      double indent = entry->label == NULL ? 2 * role_sizes[ROLE_BODY] : 0;
      double label_w, number_w;

      draw_line (self, cr, ROLE_BODY, label, left + indent, y, right - left - indent, PANGO_ALIGN_LEFT);
      label_w = text_width (self, ROLE_BODY, label);
      if (self->contents_pages[i] >= 0)
        {
          number = g_strdup_printf ("%d", self->contents_pages[i] + 1);
          number_w = text_width (self, ROLE_BODY, number);
          draw_line (self, cr, ROLE_BODY, number, left, y, right - left, PANGO_ALIGN_RIGHT);
          /* Dotted leaders from the label to the number. */
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
  g_autoptr(PangoLayout) layout = wrapped_layout (self, item->role, item->text, item->width,
                                                  item->align, item->indent);

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
  page_size (self, page->landscape, &width, &height);

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
  page_margins (self, page->landscape, &top, &right, &bottom, &left);
  draw_line (self, cr, ROLE_SMALL, footer, 0, height - bottom / 2 - self->line_heights[ROLE_SMALL] / 2,
             width, PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

/* PDF */

/* cairo's stream status after a failed write is not reliably the
 * surface's status once finished, and stdio reports a failed flush only
 * through ferror(): the first errno is kept here and checked at the end. */
typedef struct {
  FILE *file;
  int   error;
} Output;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Output *output = closure;

  if (output->error == 0 && fwrite (data, 1, length, output->file) != length)
    output->error = errno != 0 ? errno : EIO;
  return output->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Flushes, syncs and closes the output; the errno of the first failure, or 0. */
static int
close_output (Output *output)
{
  int saved_errno = output->error;

  if (fflush (output->file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (ferror (output->file) && saved_errno == 0)
    saved_errno = EIO;
  if (saved_errno == 0 && fsync (fileno (output->file)) != 0 && errno != EINVAL)
    saved_errno = errno;
  if (fclose (output->file) != 0 && saved_errno == 0)
    saved_errno = errno;
  return saved_errno;
}

static void
add_outline (BdPageLayout    *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *link = NULL;
      int id;

      if (self->contents_pages[i] < 0)
        continue;
      label = contents_label (self, &contents[i]);
      link = g_strdup_printf ("page=%d", self->contents_pages[i] + 1);
      id = cairo_pdf_surface_add_outline (surface, contents[i].label ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          label, link, 0);
      if (contents[i].label != NULL && contents[i].schedule != 0)
        parent = id;
    }
}

gboolean
bd_page_layout_write_pdf (BdPageLayout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Output output = { NULL, 0 };
  int fd, saved_errno;

  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), FALSE);

  fd = bd_file_replace_begin (path, &temporary, error);
  if (fd < 0)
    return FALSE;
  output.file = fdopen (fd, "wb");
  if (output.file == NULL)
    {
      saved_errno = errno;
      close (fd);
      return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                   g_strerror (saved_errno), error);
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_file, &output, self->paper.width, self->paper.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->doc->title ? self->doc->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->doc->department);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "BudgetDesk");
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && output.error == 0; i++)
    {
      double width, height;

      bd_page_layout_get_page_size (self, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      bd_page_layout_render_page (self, i, cr);
      cairo_show_page (cr);
    }
  add_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  saved_errno = close_output (&output);
  if (saved_errno != 0)
    return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                 g_strerror (saved_errno), error);
  if (status != CAIRO_STATUS_SUCCESS)
    return bd_file_replace_fail (temporary, path, G_FILE_ERROR_IO, cairo_status_to_string (status), error);
  return bd_file_replace_commit (temporary, path, error);
}
