/* bd-table-view-private.h: what bd-table-view.c and bd-table-view-actions.c
 * share */
#pragma once

#include "bd-row-item.h"
#include "bd-table-view.h"

G_BEGIN_DECLS

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

  guint           n_amounts;
  guint           current_position;
  guint           current_column;     /* among the amount columns */
  GHashTable     *visible;            /* position * 16 + column → GtkLabel, amount cells bound now */
  GHashTable     *marks;              /* "row\tcolumn" → BdMark* */
  char           *error;
  double          row_height;
};

void        _bd_table_view_class_actions_init (BdTableViewClass *klass);
BdRowItem  *_bd_table_view_item_at           (BdTableView      *self,
                                              guint             position);
/* The schedule's column under amount column @index of this table. */
guint       _bd_table_view_schedule_column   (BdTableView      *self,
                                              guint             index);
void        _bd_table_view_show_error        (BdTableView      *self,
                                              const char       *message);

G_END_DECLS
