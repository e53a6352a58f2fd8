/* bd-pdf-text.h: the text of a PDF's pages, character by character
 *
 * What the PDF importer reads of a PDF, as poppler gives it: each page's
 * text and the box of each of its characters. Read by the module "pdf"
 * (src/modules/bd-pdf-text-module.c), the one part of BudgetDesk that links
 * poppler, opened the first time a PDF is imported (bd-module.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double x1, y1, x2, y2;
} BdPdfRect;

typedef struct {
  char      *text;
  BdPdfRect *rects;     /* one for each character of text, or fewer */
  guint      n_rects;
  double     height;    /* of the page, in points: where on it a line stands */
} BdPdfPageText;

typedef enum {
  BD_PDF_TEXT_READ,
  BD_PDF_TEXT_ENCRYPTED,
  BD_PDF_TEXT_DAMAGED,
} BdPdfTextStatus;

/* The module's one entry, BD_PDF_TEXT_READ_SYMBOL: the pages of the PDF
 * in @data (BdPdfPageText*, freed with bd_pdf_page_text_free ()), or NULL
 * with the reason in @status and poppler's words in @message. */
typedef GPtrArray *(*BdPdfTextReadFunc) (GBytes           *data,
                                         BdPdfTextStatus  *status,
                                         char            **message);
#define BD_PDF_TEXT_MODULE       "pdf"
#define BD_PDF_TEXT_READ_SYMBOL  "bd_pdf_text_module_read"

static inline void
bd_pdf_page_text_free (BdPdfPageText *page)
{
  g_free (page->text);
  g_free (page->rects);
  g_free (page);
}

G_END_DECLS
