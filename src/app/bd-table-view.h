/* bd-table-view.h: a schedule's rows as a spreadsheet-like grid
 *
 * A GtkColumnView whose amount cells are navigated and edited like a
 * spreadsheet's: a current cell, arrows, PageUp/PageDown, Home/End and
 * Ctrl+Home/Ctrl+End to move, Shift with them (or a Shift+click) to select a
 * range, Ctrl+A the table; typing starts editing, Enter and Tab store and
 * move, Esc cancels; Ctrl+C copies the range (TSV and HTML), Ctrl+V pastes a
 * block, Delete clears the range. Every change goes through the BdEditor.
 */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

typedef enum {
  BD_TABLE_ROWS,     /* the rows of the schedule and its 合计 */
  BD_TABLE_INCOME,   /* the income items of schedules 1 and 4 and 收入总计 */
} BdTableKind;

typedef enum {
  BD_MOVE_NONE,
  BD_MOVE_DOWN,
  BD_MOVE_UP,
  BD_MOVE_RIGHT,
  BD_MOVE_LEFT,
  BD_MOVE_PAGE_DOWN,   /* a page of rows, as many as the table shows */
  BD_MOVE_PAGE_UP,
  BD_MOVE_HOME,        /* the first column of the row */
  BD_MOVE_END,         /* its last column */
  BD_MOVE_FIRST,       /* the first cell of the table (Ctrl+Home) */
  BD_MOVE_LAST,        /* its last cell (Ctrl+End) */
} BdMove;

#define BD_TYPE_TABLE_VIEW (bd_table_view_get_type ())
G_DECLARE_FINAL_TYPE (BdTableView, bd_table_view, BD, TABLE_VIEW, GtkWidget)

GtkWidget  *bd_table_view_new            (BdEditor     *editor,
                                          guint         schedule,
                                          BdTableKind   kind);
/* After the editor changed the schedule: @rows_changed rebuilds the rows. */
void        bd_table_view_refresh        (BdTableView  *self,
                                          gboolean      rows_changed);
/* What a cell shows of the finding about it. */
typedef struct {
  BdSeverity  severity;
  char       *tooltip;
} BdMark;

void        bd_mark_free                 (BdMark       *mark);

/* Marks the cells findings are about: key "row\tcolumn" → BdMark*. */
void        bd_table_view_set_marks      (BdTableView  *self,
                                          GHashTable   *marks);
/* Makes the cell of @row (a code, or a label such as 合计) and @column
 * (a column name, or NULL for the first) the current one. */
gboolean    bd_table_view_select         (BdTableView  *self,
                                          const char   *row,
                                          const char   *column);
void        bd_table_view_get_current    (BdTableView  *self,
                                          guint        *position,
                                          guint        *column);
void        bd_table_view_set_current    (BdTableView  *self,
                                          guint         position,
                                          guint         column);
/* What the keys do, callable by tests. */
gboolean    bd_table_view_begin_edit     (BdTableView  *self,
                                          const char   *initial_text);
gboolean    bd_table_view_is_editing     (BdTableView  *self);
void        bd_table_view_set_edit_text  (BdTableView  *self,
                                          const char   *text);
/* Stores what is typed and moves; FALSE (the reason shown beside the cell)
 * when the value is refused. */
gboolean    bd_table_view_commit         (BdTableView  *self,
                                          BdMove        move);
void        bd_table_view_cancel         (BdTableView  *self);
void        bd_table_view_move           (BdTableView  *self,
                                          BdMove        move);
/* Moves the current cell and leaves the other corner of the range where
 * it was (Shift with a move key). */
void        bd_table_view_extend         (BdTableView  *self,
                                          BdMove        move);
void        bd_table_view_select_all     (BdTableView  *self);
/* The selected range, corners included: table rows and amount columns. */
void        bd_table_view_get_range      (BdTableView  *self,
                                          guint        *top,
                                          guint        *left,
                                          guint        *bottom,
                                          guint        *right);
/* The range as copied: tab-separated lines, and an HTML table. */
char       *bd_table_view_dup_range_text (BdTableView  *self);
char       *bd_table_view_dup_range_html (BdTableView  *self);
/* Sets every figure of the range that can be typed in to 0, one step. */
gboolean    bd_table_view_clear_range    (BdTableView  *self);
gboolean    bd_table_view_paste_text     (BdTableView  *self,
                                          const char   *text);
/* The reason the last value was refused, or NULL. */
const char *bd_table_view_get_error      (BdTableView  *self);
/* For a header drawn above the table (schedule 9's, merged as on paper):
 * the table's own column titles hidden, every column @width pixels. */
void        bd_table_view_use_outside_header (BdTableView *self,
                                          int           width);
/* The grid that takes the keys, for tests. */
GtkWidget  *bd_table_view_get_grid       (BdTableView  *self);
/* The text a cell shows, for tests. */
char       *bd_table_view_dup_cell_text  (BdTableView  *self,
                                          guint         position,
                                          guint         column);

G_END_DECLS
