#include "bd-finding-item.h"

struct _BdFindingItem
{
  GObject     parent_instance;

  const char *rule;        /* the rule table's own string */
  BdSeverity  severity;
  BdPart      part;
  char       *message;
  char       *expected;
  char       *row;
  char       *column;
  char       *source;     /* where the row was read (page 9), or NULL */
  gboolean    has_fix;
};

G_DEFINE_FINAL_TYPE (BdFindingItem, bd_finding_item, G_TYPE_OBJECT)

static void
bd_finding_item_finalize (GObject *object)
{
  BdFindingItem *self = (BdFindingItem *) object;

  g_free (self->message);
  g_free (self->expected);
  g_free (self->row);
  g_free (self->column);
  g_free (self->source);
  G_OBJECT_CLASS (bd_finding_item_parent_class)->finalize (object);
}

static void
bd_finding_item_class_init (BdFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_finding_item_finalize;
}

static void
bd_finding_item_init (BdFindingItem *self)
{
}

BdFindingItem *
bd_finding_item_new (const BdFinding *finding)
{
  BdFindingItem *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (BD_TYPE_FINDING_ITEM, NULL);
  self->rule = finding->rule;
  self->severity = finding->severity;
  self->part = finding->part;
  self->message = g_strdup (finding->message);
  self->expected = g_strdup (finding->expected);
  self->row = g_strdup (finding->row);
  self->column = g_strdup (finding->column);
  self->has_fix = finding->fix.kind != BD_FIX_NONE;
  return self;
}

gboolean
bd_finding_item_equal (BdFindingItem *self,
                       BdFindingItem *other)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self) && BD_IS_FINDING_ITEM (other), FALSE);

  return g_strcmp0 (self->rule, other->rule) == 0
         && self->severity == other->severity && self->part == other->part && self->has_fix == other->has_fix
         && g_strcmp0 (self->message, other->message) == 0 && g_strcmp0 (self->expected, other->expected) == 0
         && g_strcmp0 (self->row, other->row) == 0 && g_strcmp0 (self->column, other->column) == 0
         && g_strcmp0 (self->source, other->source) == 0;
}

BdSeverity
bd_finding_item_get_severity (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), 0);
  return self->severity;
}

BdPart
bd_finding_item_get_part (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), 0);
  return self->part;
}

const char *
bd_finding_item_get_message (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->message;
}

const char *
bd_finding_item_get_expected (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->expected;
}

const char *
bd_finding_item_get_row (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->row;
}

const char *
bd_finding_item_get_column (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->column;
}

gboolean
bd_finding_item_has_fix (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), FALSE);
  return self->has_fix;
}

void
bd_finding_item_take_source (BdFindingItem *self,
                             char          *source)
{
  g_return_if_fail (BD_IS_FINDING_ITEM (self));
  g_free (self->source);
  self->source = source;
}

const char *
bd_finding_item_get_source (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->source;
}

const char *
bd_finding_item_get_rule (BdFindingItem *self)
{
  g_return_val_if_fail (BD_IS_FINDING_ITEM (self), NULL);
  return self->rule;
}
