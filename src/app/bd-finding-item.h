/* bd-finding-item.h: one finding of the checker as an item of the window's
 * findings list (a GListModel) */
#pragma once

#include <glib-object.h>

#include "bd-checker.h"

G_BEGIN_DECLS

#define BD_TYPE_FINDING_ITEM (bd_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (BdFindingItem, bd_finding_item, BD, FINDING_ITEM, GObject)

/* The editor replaces its findings after each change: the item copies what
 * it shows. */
BdFindingItem   *bd_finding_item_new          (const BdFinding *finding);
/* Whether two items say the same: the list keeps the rows of those. */
gboolean         bd_finding_item_equal        (BdFindingItem   *self,
                                               BdFindingItem   *other);
/* The id of the rule that made it. */
const char      *bd_finding_item_get_rule     (BdFindingItem   *self);
BdSeverity       bd_finding_item_get_severity (BdFindingItem   *self);
BdPart           bd_finding_item_get_part     (BdFindingItem   *self);
const char      *bd_finding_item_get_message  (BdFindingItem   *self);
const char      *bd_finding_item_get_expected (BdFindingItem   *self);
const char      *bd_finding_item_get_row      (BdFindingItem   *self);
const char      *bd_finding_item_get_column   (BdFindingItem   *self);
gboolean         bd_finding_item_has_fix      (BdFindingItem   *self);
/* Where the finding's row was read in the imported document ("page 9"),
 * @source taken; NULL for none. */
void             bd_finding_item_take_source  (BdFindingItem   *self,
                                               char            *source);
const char      *bd_finding_item_get_source   (BdFindingItem   *self);

G_END_DECLS
