/* bd-generator.h: synthetic documents for benchmarks */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* A consistent document (no finding at error level) with @n_rows function
 * rows spread over schedules 2, 3 and 5, their economic split in schedule 8
 * and every summary schedule in agreement. @seed makes it repeatable. */
BdDocument *bd_generate_document (guint   n_rows,
                                  guint32 seed);

G_END_DECLS
