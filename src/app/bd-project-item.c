#include "bd-project-item.h"

struct _BdProjectItem
{
  GObject  parent_instance;

  char    *name;
  char    *funds;
};

enum { PROP_0, PROP_NAME, PROP_FUNDS, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BdProjectItem, bd_project_item, G_TYPE_OBJECT)

static void
bd_project_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BdProjectItem *self = BD_PROJECT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FUNDS:
      g_value_set_string (value, self->funds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_project_item_finalize (GObject *object)
{
  BdProjectItem *self = BD_PROJECT_ITEM (object);

  g_free (self->name);
  g_free (self->funds);
  G_OBJECT_CLASS (bd_project_item_parent_class)->finalize (object);
}

static void
bd_project_item_class_init (BdProjectItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bd_project_item_get_property;
  object_class->finalize = bd_project_item_finalize;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FUNDS] = g_param_spec_string ("funds", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bd_project_item_init (BdProjectItem *self)
{
}

BdProjectItem *
bd_project_item_new (void)
{
  return g_object_new (BD_TYPE_PROJECT_ITEM, NULL);
}

void
bd_project_item_set (BdProjectItem *self,
                     const char    *name,
                     const char    *funds)
{
  g_return_if_fail (BD_IS_PROJECT_ITEM (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (g_strcmp0 (self->funds, funds) != 0)
    {
      g_free (self->funds);
      self->funds = g_strdup (funds);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNDS]);
    }
}
