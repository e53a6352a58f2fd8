/* bd-indicator-row.h: one indicator of a performance-goal form (一级, 二级,
 * 三级 and its target as operator, figure and unit), bound to its place in
 * the document; it stores what the clerk types through the BdEditor. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_INDICATOR_ROW (bd_indicator_row_get_type ())
G_DECLARE_FINAL_TYPE (BdIndicatorRow, bd_indicator_row, BD, INDICATOR_ROW, GtkWidget)

GtkWidget  *bd_indicator_row_new         (BdEditor       *editor);
/* Shows indicator @position of form @project. A row bound elsewhere stores
 * what the clerk typed in it first; a field still being typed in keeps its
 * text when the row stays where it was. */
void        bd_indicator_row_bind        (BdIndicatorRow *self,
                                          guint           project,
                                          guint           position);
/* Stores what was typed and not yet stored; FALSE when it was refused
 * (the reason shown beside the row). */
gboolean    bd_indicator_row_commit      (BdIndicatorRow *self);
/* The checker's finding about this indicator, or NULL. */
void        bd_indicator_row_set_finding (BdIndicatorRow *self,
                                          const char     *message);
const char *bd_indicator_row_get_finding (BdIndicatorRow *self);
const char *bd_indicator_row_get_level   (BdIndicatorRow *self,
                                          gboolean        level2);
/* "level1", "level2", "name", "op", "value", "unit", or "tools" (the
 * buttons): for the titles above the rows to take their widths, and tests. */
GtkWidget  *bd_indicator_row_get_part    (BdIndicatorRow *self,
                                          const char     *part);
/* Puts the name of the 三级 indicator in the keyboard focus. */
void        bd_indicator_row_focus_name  (BdIndicatorRow *self);

G_END_DECLS
