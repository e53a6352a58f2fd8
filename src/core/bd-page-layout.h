/* bd-page-layout.h: the whole document in its published layout, as pages
 *
 * Laid out once with pango and drawn with cairo, with no GTK: the window's
 * preview, printing through GtkPrintOperation and `budgetdesk-cli export
 * --pdf` all draw the same pages. Lengths are in points (1/72 inch); a page
 * is drawn with its top-left corner at the origin of the cairo context, and
 * whoever draws it scales the context to its own resolution or zoom.
 *
 * The cover with the table of contents, sections 一 to 四 each from a new
 * page, each schedule on a page of its own (continued with its header
 * repeated when longer than a page, on a landscape page when wide), 六 and
 * 七, then one performance-goal form each. Every page carries its number.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bd-document.h"

G_BEGIN_DECLS

/* A sheet of paper, portrait, in points, with the margins to keep. */
typedef struct {
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
} BdPaper;

/* A4 with the margins of a government document (about 25 mm top and bottom, 20 mm at the sides). */
BdPaper bd_paper_a4 (void);

#define BD_TYPE_PAGE_LAYOUT (bd_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (BdPageLayout, bd_page_layout, BD, PAGE_LAYOUT, GObject)

/* Starts what laying out needs before there is a document to lay out: the
 * system's font configuration, which pango reads in a thread of its own
 * (a tenth of the time of a short document's PDF). Called before the
 * document is read, the two go on together. */
void          bd_page_layout_prepare        (void);

/* Lays out @doc as it is now; @paper is portrait, landscape pages use it
 * turned; NULL for A4. A later edit needs a new layout: an outdated one
 * still draws safely (a table whose rows changed is left out of its page),
 * but not the document as it is. */
BdPageLayout *bd_page_layout_new            (BdDocument    *doc,
                                             const BdPaper *paper);
guint         bd_page_layout_get_n_pages    (BdPageLayout  *self);
gboolean      bd_page_layout_is_landscape   (BdPageLayout  *self,
                                             guint          page);
/* The size of @page as it is drawn, landscape pages turned: width > height. */
void          bd_page_layout_get_page_size  (BdPageLayout  *self,
                                             guint          page,
                                             double        *width,
                                             double        *height);
/* The first page of @part (a schedule, BD_PART_NARRATIVE, …), or -1. */
int           bd_page_layout_get_part_page  (BdPageLayout  *self,
                                             BdPart         part);
/* Draws @page (from 0) at the origin of @cr, in points, on a white sheet. */
void          bd_page_layout_render_page    (BdPageLayout  *self,
                                             guint          page,
                                             cairo_t       *cr);
/* Writes every page into a PDF at @path; the file is replaced only once it
 * is whole. */
gboolean      bd_page_layout_write_pdf      (BdPageLayout  *self,
                                             const char    *path,
                                             GError       **error);

G_END_DECLS
