/* bd-table-view-private.h: what bd-table-view.c and its -actions.c, -edit.c,
 * -range.c and -scroll.c share */
#pragma once

#include "bd-row-item.h"
#include "bd-table-view.h"

G_BEGIN_DECLS

/* A key of BdTableView.visible: the amount cell at @position, @column. */
#define CELL_KEY(position, column) GUINT_TO_POINTER ((position) * 16 + (column) + 1)

typedef enum {
  ROLE_LEI,
  ROLE_KUAN,
  ROLE_XIANG,
  ROLE_NAME,
  ROLE_AMOUNT,
} Role;

typedef struct {
  BdTableView *view;
  Role         role;
  guint        amount;   /* ROLE_AMOUNT: the schedule's column, or 0 for an income item */
} ColumnSpec;

struct _BdTableView
{
  GtkWidget       parent_instance;

  BdEditor       *editor;
  guint           schedule;
  BdTableKind     kind;

  /* Template widgets */
  GtkWidget      *overlay;
  GtkWidget      *scroller;
  GtkColumnView  *column_view;
  GtkWidget      *entry;
  GtkWidget      *error_popover;
  GtkWidget      *error_label;
  GListStore     *rows;

  Role            lead_roles[4];      /* the columns before the figures: codes, name */
  guint           n_lead;
  guint           n_amounts;
  guint           current_position;
  guint           current_column;     /* among the amount columns */
  guint           anchor_position;    /* the other corner of the range */
  guint           anchor_column;
  GHashTable     *visible;            /* position * 16 + column → GtkLabel, amount cells bound now */
  GHashTable     *marks;              /* "row\tcolumn" → BdMark* */
  char           *error;
  char           *edit_code;          /* the row being typed in, by code: rows may move under it */
  double          row_height;
  double          wheel_pending;      /* pixels the wheel asked for since the last frame */
  guint           wheel_tick;
};

void        _bd_table_view_class_actions_init (BdTableViewClass *klass);
void        _bd_table_view_class_scroll_init  (BdTableViewClass *klass);
void        _bd_table_view_init_scroll        (BdTableView      *self);
GtkWidget  *_bd_table_view_current_label     (BdTableView      *self);
void        _bd_table_view_scroll_to_current (BdTableView      *self);
BdSchedule *_bd_table_view_get_schedule      (BdTableView      *self);
gboolean    _bd_table_view_column_is_entered (BdTableView      *self,
                                              guint             index);
void        _bd_table_view_hide_error        (BdTableView      *self);
/* The text of a cell as the table shows it. */
char       *_bd_table_view_cell_text         (BdTableView      *self,
                                              BdRowItem        *item,
                                              const ColumnSpec *spec);
/* Makes (@position, @column) current; @extend keeps the range's anchor. */
void        _bd_table_view_set_current       (BdTableView      *self,
                                              guint             position,
                                              guint             column,
                                              gboolean          extend);
/* How many rows the table shows at once. */
guint       _bd_table_view_page_rows         (BdTableView      *self);
/* Grid actions are off while a cell is typed in: its keys are the entry's. */
void        _bd_table_view_update_actions    (BdTableView      *self);
BdRowItem  *_bd_table_view_item_at           (BdTableView      *self,
                                              guint             position);
/* The schedule's column under amount column @index of this table. */
guint       _bd_table_view_schedule_column   (BdTableView      *self,
                                              guint             index);
void        _bd_table_view_show_error        (BdTableView      *self,
                                              const char       *message);

G_END_DECLS
