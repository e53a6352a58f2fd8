/* bd-framework.h: the performance indicator frameworks (绩效指标体系)
 *
 * Two frameworks are in use: the 2021 one with four 一级 categories (成本指标
 * on its own) and the older one with three, where 成本指标 is a 二级 under
 * 产出指标. Which one a document follows is the document's choice, so both
 * are data here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BD_FRAMEWORK_FOUR_CATEGORIES,
  BD_FRAMEWORK_THREE_CATEGORIES,
} BdFramework;

typedef struct {
  const char *level1;
  const char *level2;
  const char *suggested_indicators;  /* usual 三级 indicators, '|' separated */
  const char *suggested_units;       /* usual units of their targets, '|' separated */
} BdFrameworkEntry;

/* The 二级 entries of @framework, grouped by 一级 in published order;
 * terminated by an entry with level1 == NULL. */
const BdFrameworkEntry *bd_framework_entries   (BdFramework  framework);
/* The 一级 categories in order, NULL-terminated. */
const char * const     *bd_framework_level1    (BdFramework  framework);
gboolean                bd_framework_is_level1 (BdFramework  framework,
                                                const char  *name);
/* The 一级 a 二级 belongs to, or NULL when @level2 is not in the framework. */
const char             *bd_framework_parent    (BdFramework  framework,
                                                const char  *level2);

G_END_DECLS
