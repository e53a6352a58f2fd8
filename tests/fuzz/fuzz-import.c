/* Fuzz target: the published-text importer, and the PDF importer for bytes
 * that begin as a PDF. Any bytes: a document or a message, never a crash. */

#include "bd-importer.h"
#include "bd-pdf-import.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);
      doc = bd_import_pdf_data (bytes, &error);
    }
  else
    doc = bd_import_published_text ((const char *) data, size, &error);

  g_assert ((doc == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (error->domain == BD_IMPORT_ERROR && g_utf8_validate (error->message, -1, NULL));
  if (doc != NULL)
    g_free (bd_document_dump (doc));
  return 0;
}
