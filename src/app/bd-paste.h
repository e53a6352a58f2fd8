/* bd-paste.h: where the lines and cells of a block pasted into a schedule go
 *
 * A block copied from the published layout carries its rows' codes (类 | 款 |
 * 项 split, or joined) and names, and the 类 and 款 rows among the 项 rows: its
 * lines are placed by code, computed rows skipped. A block of figures only is
 * placed line for line on the rows as the table shows them from the row
 * pasted at; a line that lands on a computed row must be its sum (as a
 * published block is), or the block does not line up and is refused. Cells
 * go column for column as shown; the sum columns are skipped.
 *
 * No GTK: the plan is a block for bd_editor_paste (leaf rows from one code
 * on, entered columns from one column on), so the paste stays one step.
 */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* @position: the table row pasted at (the schedule's rows, then 合计);
 * @column: the schedule column. Returns the block for bd_editor_paste with
 * its row @code_out and @column_out, or NULL with @error saying why the
 * block cannot be placed. */
char *bd_paste_plan (BdSchedule  *schedule,
                     guint        position,
                     guint        column,
                     const char  *text,
                     char       **code_out,
                     guint       *column_out,
                     GError     **error);

G_END_DECLS
