/* The module "pdf": the text of a PDF's pages, read with poppler
 * (bd-pdf-text.h). It links poppler and nothing of BudgetDesk's. */
#include <gmodule.h>
#include <poppler.h>

#include "bd-pdf-text.h"

/* The boxes are handed on as poppler made them. */
G_STATIC_ASSERT (sizeof (PopplerRectangle) == sizeof (BdPdfRect));
G_STATIC_ASSERT (G_STRUCT_OFFSET (PopplerRectangle, y2) == G_STRUCT_OFFSET (BdPdfRect, y2));

G_MODULE_EXPORT GPtrArray *bd_pdf_text_module_read (GBytes           *data,
                                                    BdPdfTextStatus  *status,
                                                    char            **message);

static BdPdfPageText *
read_page (PopplerPage *page)
{
  BdPdfPageText *read = g_new0 (BdPdfPageText, 1);
  PopplerRectangle *rects = NULL;

  poppler_page_get_size (page, NULL, &read->height);
  read->text = poppler_page_get_text (page);
  if (read->text != NULL && poppler_page_get_text_layout (page, &rects, &read->n_rects))
    read->rects = (BdPdfRect *) rects;
  else
    read->n_rects = 0;
  return read;
}

GPtrArray *
bd_pdf_text_module_read (GBytes           *data,
                         BdPdfTextStatus  *status,
                         char            **message)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes (data, NULL, &error);
  GPtrArray *pages;
  int n_pages;

  if (pdf == NULL)
    {
      *status = g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)
                ? BD_PDF_TEXT_ENCRYPTED : BD_PDF_TEXT_DAMAGED;
      *message = g_strdup (error->message);
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (pdf);
  pages = g_ptr_array_new_full (n_pages, (GDestroyNotify) bd_pdf_page_text_free);
  for (int p = 0; p < n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, p);

      g_ptr_array_add (pages, page != NULL ? read_page (page) : g_new0 (BdPdfPageText, 1));
      g_clear_object (&page);
    }
  g_object_unref (pdf);
  *status = BD_PDF_TEXT_READ;
  return pages;
}
