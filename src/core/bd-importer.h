/* bd-importer.h: reads a published budget document
 *
 * The input is the published document as text, with its tables as pipe
 * tables (the form of ../shared/seed). Sections are found by their titles.
 */
#pragma once

#include "bd-document.h"
/* The figures of the text sections, read by the importer too. */
#include "bd-narrative.h"

G_BEGIN_DECLS

#define BD_IMPORT_ERROR (bd_import_error_quark ())

typedef enum {
  BD_IMPORT_ERROR_ENCODING,
  BD_IMPORT_ERROR_SYNTAX,
  BD_IMPORT_ERROR_MISSING,
} BdImportError;

GQuark      bd_import_error_quark     (void);

/* Reads the published text; on failure the message names the line and what
 * was expected there. */
BdDocument *bd_import_published_text  (const char  *text,
                                       gssize       length,
                                       GError     **error);
BdDocument *bd_import_published_file  (const char  *path,
                                       GError     **error);

G_END_DECLS
