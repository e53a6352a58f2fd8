/* bd-pdf-layout.h: the text of PDF pages as lines of positioned cells
 *
 * Private to the PDF importer. Coordinates are PDF points, y downwards.
 */
#pragma once

#include "bd-pdf-text.h"

G_BEGIN_DECLS

typedef struct {
  char   *text;
  double  x0, y0, x1, y1;
  GArray *char_x;       /* double: where each character of text begins */
} BdPdfCell;

typedef struct {
  GPtrArray *cells;     /* BdPdfCell*, left to right */
  char      *text;      /* the whole line, cells joined as the page spaces them */
  double     x0, y0, x1, y1;
  double     height;    /* of its glyphs: the font size, near enough */
  guint      page;      /* from 1 */
  double     page_height;
} BdPdfLine;

/* The lines of @page, top to bottom, without page numbers. */
GPtrArray *bd_pdf_page_lines (const BdPdfPageText *page,
                              guint                number);
void       bd_pdf_line_free  (BdPdfLine   *line);

/* Drops the running headers and footers from @pages (GPtrArray* of the
 * lines of each page): a line standing in the top or bottom tenth of a page
 * with the same words (digits aside) on at least half of the pages. */
void       bd_pdf_drop_running_lines (GPtrArray *pages);

/* The part of @cell's text that begins left of @x (@left) or at it or
 * beyond; for a cell that runs over a column's edge. */
char      *bd_pdf_cell_split (const BdPdfCell *cell,
                              double           x,
                              gboolean         left);

/* Whether @text is an amount as tables print it: 1,234.50, 0, -12, 0.00. */
gboolean   bd_pdf_is_amount  (const char  *text);

G_END_DECLS
