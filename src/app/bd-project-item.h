/* bd-project-item.h: one performance-goal form as the list of forms shows
 * it (its name and its annual funds in 万元), an item of a GListModel that
 * the form editor keeps in step with the document. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BD_TYPE_PROJECT_ITEM (bd_project_item_get_type ())
G_DECLARE_FINAL_TYPE (BdProjectItem, bd_project_item, BD, PROJECT_ITEM, GObject)

BdProjectItem *bd_project_item_new  (void);
/* Notifies "name" and "funds" only when they change. */
void           bd_project_item_set  (BdProjectItem *self,
                                     const char    *name,
                                     const char    *funds);

G_END_DECLS
