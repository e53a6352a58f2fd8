/* bd-schedule-view.h: one schedule as the clerk works on it: its title lines,
 * its table (two for schedules 1 and 4: income and expenditure), its note,
 * and adding or removing rows by code. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"
#include "bd-table-view.h"

G_BEGIN_DECLS

#define BD_TYPE_SCHEDULE_VIEW (bd_schedule_view_get_type ())
G_DECLARE_FINAL_TYPE (BdScheduleView, bd_schedule_view, BD, SCHEDULE_VIEW, GtkWidget)

GtkWidget   *bd_schedule_view_new        (BdEditor       *editor,
                                          guint           schedule);
guint        bd_schedule_view_get_number (BdScheduleView *self);
void         bd_schedule_view_refresh    (BdScheduleView *self,
                                          gboolean        rows_changed);
/* Marks the cells the findings of this schedule are about; @signature says
 * whether they are the same as last time (then nothing is redrawn). */
void         bd_schedule_view_set_findings (BdScheduleView *self,
                                          GPtrArray      *findings,
                                          guint           signature);
/* Selects the cell a finding is about. */
void         bd_schedule_view_select     (BdScheduleView *self,
                                          const char     *row,
                                          const char     *column);
BdTableView *bd_schedule_view_get_table  (BdScheduleView *self);
BdTableView *bd_schedule_view_get_income_table (BdScheduleView *self);
/* Stores a figure being typed in either table; FALSE when it is refused. */
gboolean     bd_schedule_view_commit_pending (BdScheduleView *self);
/* Adds a row by its code, as the code entry does. */
gboolean     bd_schedule_view_add_row    (BdScheduleView *self,
                                          const char     *code);

/* The 项 the view offers to fill schedules 2 and 5 with (schedule 3 only),
 * or NULL; accepting it is what the offer's button does. */
const char  *bd_schedule_view_get_fill_offer    (BdScheduleView *self);
gboolean     bd_schedule_view_accept_fill_offer (BdScheduleView *self);

G_END_DECLS
