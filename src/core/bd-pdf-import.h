/* bd-pdf-import.h: reads a published budget from its PDF
 *
 * The text of each page is taken with its positions (poppler): lines are
 * rebuilt by baseline, cells by the gaps between them, the columns of a
 * schedule from its header cells; running text is joined into paragraphs and
 * page numbers are dropped. What comes out is the published text the text
 * importer reads, so one recogniser reads both; its messages name the page.
 */
#pragma once

#include "bd-importer.h"

G_BEGIN_DECLS

/* The published text of the PDF in @data; @line_pages (may be NULL) receives
 * the page (from 1) of each line of the text. */
char       *bd_pdf_to_published_text (GBytes      *data,
                                      GArray     **line_pages,
                                      GError     **error);
BdDocument *bd_import_pdf_data       (GBytes      *data,
                                      GError     **error);
/* A published PDF or text, told apart by their first bytes. */
BdDocument *bd_import_any_file       (const char  *path,
                                      GError     **error);
/* Whether @path names a file BdDocument is imported from rather than opened
 * (.pdf, .md, .txt). */
gboolean    bd_import_is_importable  (const char  *path);

G_END_DECLS
