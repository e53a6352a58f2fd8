/* bd-page-layout-private.h: what the files of BdPageLayout share
 *
 * bd-page-layout.c paginates (the cursor, text, sections, the cover),
 * bd-page-layout-table.c sizes tables and splits them over pages,
 * bd-page-layout-fonts.c sets up fonts and measures text,
 * bd-page-layout-draw.c draws a page and bd-page-layout-pdf.c writes them all.
 */
#pragma once

#include <hb-ot.h>
#include <pango/pangocairo.h>

#include "bd-grid.h"
#include "bd-page-layout.h"

G_BEGIN_DECLS

/* Millimetres to points. */
#define MM(x) ((x) * 72.0 / 25.4)

/* One face for every role, a Song-style serif as printed budgets are set:
 * a CJK face is 20 to 30 MB, and each face a PDF embeds is cut down from
 * it, so a second face (a bold, a sans for titles) would cost as much
 * time again. Titles stand out by size, as 小标宋 titles do. Fontconfig
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
extern const double bd_page_role_sizes[N_ROLES];

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

#define BD_PAGE_N_CONTENTS 17
extern const ContentsEntry bd_page_contents[BD_PAGE_N_CONTENTS];

/* A table's grid is kept from its layout until its pages are first drawn
 * (a PDF draws them once); then it is built again when they are drawn, one
 * table's at a time (bd_page_table_grid ()): a 13,000-row schedule's cells
 * take more memory than everything else here. */
typedef struct {
  guint   schedule;       /* 1 … 9, or 0 for a form */
  guint   project;        /* the form's index in doc->projects */
  guint   n_header_rows;
  guint   n_rows;         /* the grid's shape when it was laid out */
  guint   n_columns;
  double *widths;     /* per column */
  double *heights;    /* per row */
  double *text_widths;  /* per cell, its text on one line; negative until measured */
  BdGrid *kept;         /* the grid it was laid out from, until first drawn */
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
  /* ITEM_TEXT: the layout it was measured with, drawn again if the fonts
   * are still those; NULL for the part of a paragraph split over pages. */
  PangoLayout   *layout;
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

/* What text is shaped and drawn with: the system's fonts, or (while a
 * PDF is written) the same face cut down to the characters the pages use
 * (bd-page-layout-subset.c). Both have the same metrics, so the layout
 * made with one is drawn with the other. */
typedef struct {
  PangoContext *context;
  PangoLayout  *line_layouts[N_ROLES];   /* reused for one-line text */
  FigureGlyphs  figure_glyphs[N_ROLES];
  GHashTable   *char_glyphs[N_ROLES];    /* gunichar → PangoGlyphInfo*, or &no_glyph */
  hb_set_t     *contextual;              /* glyphs a default lookup may change next to others */
  gboolean      complete;                /* every role's fonts made (the system's may have one) */
} PageFonts;

struct _BdPageLayout
{
  GObject               parent_instance;

  BdDocument           *doc;
  BdPaper               paper;
  PangoFontDescription *descriptions[N_ROLES];
  PageFonts             system;
  /* The face cut down to the characters of the document, noted before
   * they are laid out (bd_page_use_subset ()): laid out and drawn with it,
   * each glyph is loaded once. */
  PageFonts             subset;
  PangoFontMap         *subset_map;
  char                 *subset_file;
  PageFonts            *fonts;                   /* &system, or &subset, or while a PDF is written its own */
  GHashTable           *char_widths[N_ROLES];    /* gunichar → width in Pango units */
  double                line_heights[N_ROLES];
  /* One-line text in one font, shown in one call when something else is
   * drawn or the page ends (bd-page-layout-draw.c): cairo replays every
   * call of a page twice to write it, and a page of a long schedule has
   * hundreds of cells. */
  cairo_scaled_font_t  *batch_font;
  GArray               *batch_glyphs;            /* cairo_glyph_t */
  GArray               *batch_clusters;          /* cairo_text_cluster_t */
  GString              *batch_text;
  /* Every character of the Basic Multilingual Plane measured or drawn, a
   * bit each, for the subset; one beyond it (rare in a budget) or drawn
   * with a subset that lacks it sets @missed: the PDF is then drawn with
   * the system's fonts. */
  guint32               chars[0x10000 / 32];
  gboolean              missed;

  GPtrArray            *tables;      /* Table* */
  GPtrArray            *noted_grids; /* BdGrid*: built when the characters were noted, in the order laid out */
  Table                *grid_table;  /* the table whose grid is built, or NULL */
  gboolean              laid_out;    /* grids are no longer kept for drawing */
  BdGrid               *grid;
  GArray               *pages;       /* Page */
  int                   contents_pages[BD_PAGE_N_CONTENTS];

  /* Where the next block goes while laying out. */
  double                cursor_y;
  double                frame_top;
  double                frame_left;
};

/* bd-page-layout-fonts.c: fonts and measuring */
#define BD_PAGE_N_DEFAULT_FEATURES 15   /* those a glyph may change by next to others */
#define BD_PAGE_N_SUBSET_FEATURES  20   /* those a subset keeps */
extern const hb_tag_t bd_page_default_features[BD_PAGE_N_SUBSET_FEATURES];
double bd_page_layout_height (PangoLayout *layout);
double bd_page_text_width (BdPageLayout *self,
                           Role          role,
                           const char   *text);
PangoLayout *bd_page_wrapped_layout (BdPageLayout   *self,
                                     Role            role,
                                     const char     *text,
                                     double          width,
                                     PangoAlignment  align,
                                     gboolean        indent);
void bd_page_setup_fonts (BdPageLayout *self);
void bd_page_fonts_init (BdPageLayout *self,
                         PageFonts    *fonts,
                         PangoFontMap *font_map);
void bd_page_fonts_clear (PageFonts *fonts);
void bd_page_use_system_fonts (BdPageLayout *self);
void bd_page_measure_lines (BdPageLayout *self);
void bd_page_note_text (BdPageLayout *self,
                        const char   *text);
const PangoGlyphInfo *bd_page_char_glyph (BdPageLayout *self,
                                          Role          role,
                                          gunichar      ch);

/* bd-page-layout-subset.c: the face cut down for a PDF */
PangoFontMap *bd_page_subset_font_map (BdPageLayout  *self,
                                       char         **path);
void bd_page_use_subset (BdPageLayout *self);
void bd_page_subset_clear (BdPageLayout *self);

/* bd-page-layout.c: pages and the cursor */
void bd_page_add_text (BdPageLayout   *self,
                       const char     *text,
                       Role            role,
                       PangoAlignment  align,
                       gboolean        indent,
                       double          space_after);
double bd_page_frame_bottom (BdPageLayout *self);
void bd_page_new_page (BdPageLayout *self,
                       gboolean      landscape);
double bd_page_frame_width (BdPageLayout *self,
                            gboolean      landscape);
void bd_page_add_line_pair (BdPageLayout *self,
                            const char   *left,
                            const char   *right);
void bd_page_margins (BdPageLayout *self,
                      gboolean      landscape,
                      double       *top,
                      double       *right,
                      double       *bottom,
                      double       *left);
Page *bd_page_current (BdPageLayout *self);
void bd_page_size (BdPageLayout *self,
                   gboolean      landscape,
                   double       *width,
                   double       *height);
Item *bd_page_add_item (BdPageLayout *self,
                        ItemKind      kind);

/* bd-page-layout-table.c: tables */
void bd_page_table_free (Table *table);
void bd_page_add_table (BdPageLayout *self,
                        guint         schedule,
                        guint         project);
BdGrid *bd_page_table_grid (BdPageLayout *self,
                            Table        *table);
double bd_page_cell_text_width (BdPageLayout *self,
                                Table        *table,
                                const BdGrid *grid,
                                guint         row,
                                guint         column);

/* bd-page-layout-draw.c: drawing */
void bd_page_batch_flush (BdPageLayout *self,
                          cairo_t      *cr);

char *bd_page_contents_label (BdPageLayout        *self,
                              const ContentsEntry *entry);

G_END_DECLS
