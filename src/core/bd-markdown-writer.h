/* bd-markdown-writer.h: writes a document back in its published text form,
 * the form bd-importer.h reads, with tables as pipe tables. */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

char     *bd_markdown_write       (BdDocument  *doc);
/* Just one schedule, with its title lines and note. */
void      bd_markdown_write_schedule (GString    *out,
                                      BdDocument *doc,
                                      guint       number);
gboolean  bd_markdown_write_file  (BdDocument  *doc,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
