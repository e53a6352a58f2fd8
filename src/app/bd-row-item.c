#include "bd-row-item.h"

struct _BdRowItem
{
  GObject        parent_instance;

  BdRowItemKind  kind;
  BdRow         *row;
  guint          ordinal;
};

G_DEFINE_FINAL_TYPE (BdRowItem, bd_row_item, G_TYPE_OBJECT)

static void
bd_row_item_class_init (BdRowItemClass *klass)
{
}

static void
bd_row_item_init (BdRowItem *self)
{
}

BdRowItem *
bd_row_item_new (BdRowItemKind  kind,
                 BdRow         *row,
                 guint          ordinal)
{
  BdRowItem *self = g_object_new (BD_TYPE_ROW_ITEM, NULL);

  self->kind = kind;
  self->row = row;
  self->ordinal = ordinal;
  return self;
}

BdRowItemKind
bd_row_item_get_kind (BdRowItem *self)
{
  return self->kind;
}

BdRow *
bd_row_item_get_row (BdRowItem *self)
{
  return self->row;
}

guint
bd_row_item_get_ordinal (BdRowItem *self)
{
  return self->ordinal;
}

const char *
bd_row_item_get_label (BdRowItem *self)
{
  if (self->kind == BD_ROW_ITEM_INCOME)
    return self->row->name;
  return self->row->code && *self->row->code ? self->row->code : self->row->name;
}

gboolean
bd_row_item_is_editable (BdRowItem *self)
{
  return (self->kind == BD_ROW_ITEM_ROW || self->kind == BD_ROW_ITEM_INCOME || self->kind == BD_ROW_ITEM_CARRY)
         && self->row->is_leaf;
}
