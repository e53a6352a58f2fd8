/* bd-text-writer.h: a document part as aligned text for a terminal */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* @part: BD_PART_SCHEDULE_1 + n, BD_PART_NARRATIVE, … BD_PART_DOCUMENT */
char    *bd_text_write_part  (BdDocument  *doc,
                              BdPart       part);

/* Appends the section @id of @doc as published: its title, then each
 * paragraph after a blank line; FALSE, writing nothing, when @doc has none. */
gboolean bd_text_write_section (GString     *out,
                                BdDocument  *doc,
                                const char  *id);

G_END_DECLS
