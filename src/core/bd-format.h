/* bd-format.h: how figures and labels are written in a published document */
#pragma once

#include <glib.h>

#include "bd-money.h"

G_BEGIN_DECLS

/* A table cell as published: "0" for nothing, else thousands separators and
 * two decimals in the schedule's unit. */
char *bd_format_cell_amount (gint64  fen,
                             BdUnit  unit);
/* 1 → 一, 10 → 十, 12 → 十二, 22 → 二十二 (for 1 … 99). */
char *bd_chinese_numeral    (guint   n);
/* Columns a string takes in a terminal: CJK characters take two. */
guint bd_display_width      (const char *text);

G_END_DECLS
