/* bd-row-item.h: one row of a schedule table, as an item of a GListModel */
#pragma once

#include <glib-object.h>

#include "bd-document.h"

G_BEGIN_DECLS

typedef enum {
  BD_ROW_ITEM_ROW,            /* a row of the table: leaf, 类 or 款 */
  BD_ROW_ITEM_TOTAL,          /* 合计 / 支出总计 */
  BD_ROW_ITEM_INCOME,         /* an income item of schedules 1 and 4 */
  BD_ROW_ITEM_INCOME_TOTAL,   /* 收入总计 (本年收入合计 and 收入总计 with a carry-over) */
  BD_ROW_ITEM_CARRY,          /* 上年结转 or 结转下年: typed, named as printed */
} BdRowItemKind;

#define BD_TYPE_ROW_ITEM (bd_row_item_get_type ())
G_DECLARE_FINAL_TYPE (BdRowItem, bd_row_item, BD, ROW_ITEM, GObject)

/* @row is borrowed: the item lives as long as the schedule keeps its rows. */
BdRowItem     *bd_row_item_new       (BdRowItemKind  kind,
                                      BdRow         *row,
                                      guint          ordinal);
BdRowItemKind  bd_row_item_get_kind  (BdRowItem     *self);
BdRow         *bd_row_item_get_row   (BdRowItem     *self);
/* 1-based place in the 类 list of a balance schedule, for its numeral. */
guint          bd_row_item_get_ordinal (BdRowItem   *self);
/* What findings call the row: its code, or its name when it has none. */
const char    *bd_row_item_get_label (BdRowItem     *self);
gboolean       bd_row_item_is_editable (BdRowItem   *self);

G_END_DECLS
