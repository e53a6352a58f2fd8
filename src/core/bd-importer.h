/* bd-importer.h: reads a published budget document
 *
 * The input is the published document as text, with its tables as pipe
 * tables (the form of ../shared/seed). Sections are found by their titles.
 */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

#define BD_IMPORT_ERROR (bd_import_error_quark ())

typedef enum {
  BD_IMPORT_ERROR_ENCODING,
  BD_IMPORT_ERROR_SYNTAX,
  BD_IMPORT_ERROR_MISSING,
} BdImportError;

GQuark      bd_import_error_quark     (void);

/* Where a figure stands in a paragraph of a text section: bytes [start, end)
 * are its number, and key names it as the document's figures do. */
typedef struct {
  char         *key;
  int           start;
  int           end;
  BdFigureUnit  unit;
} BdFigureSpan;

/* Element type: BdFigureSpan. */
GArray     *bd_section_figure_spans   (const char  *section_id,
                                       const char  *paragraph);
/* Reads the figures a text section quotes into the document's figures,
 * replacing those it quoted before. */
void        bd_document_read_section_figures (BdDocument *doc,
                                       BdSection   *section);

/* Reads the published text; on failure the message names the line and what
 * was expected there. */
BdDocument *bd_import_published_text  (const char  *text,
                                       gssize       length,
                                       GError     **error);
BdDocument *bd_import_published_file  (const char  *path,
                                       GError     **error);

G_END_DECLS
