#include "bd-framework.h"

/* What both frameworks have: the 产出, 效益 and 满意度 entries, and the
 * cost indicators (under 成本指标 in the four categories, under 产出指标
 * in the three). */
#define COST_INDICATORS "成本预算控制数|单位成本", "元|万元|元/人"
#define OUTPUT_ENTRIES \
  { "产出指标", "数量指标", "完成数量|服务人次|覆盖范围", "个|人|次|件|万件|项" }, \
  { "产出指标", "质量指标", "达标率|合格率|验收通过率", "%" }, \
  { "产出指标", "时效指标", "完成及时性|按时完成率", "%|天|月" }
#define BENEFIT_AND_SATISFACTION_ENTRIES \
  { "效益指标", "经济效益指标", "成本下降率|经济效益", "%|万元" }, \
  { "效益指标", "社会效益指标", "工作开展情况|服务水平提升情况", "" }, \
  { "效益指标", "生态效益指标", "环境改善情况", "" }, \
  { "效益指标", "可持续影响指标", "长效管理机制健全性", "" }, \
  { "满意度指标", "服务对象满意度指标", "服务对象满意度|群众满意度", "%" }

static const BdFrameworkEntry four_categories[] = {
  { "成本指标", "经济成本指标", COST_INDICATORS },
  { "成本指标", "社会成本指标", "社会成本影响", "" },
  { "成本指标", "生态环境成本指标", "生态环境成本影响", "" },
  OUTPUT_ENTRIES,
  BENEFIT_AND_SATISFACTION_ENTRIES,
  { NULL, NULL, NULL, NULL },
};

static const BdFrameworkEntry three_categories[] = {
  OUTPUT_ENTRIES,
  { "产出指标", "成本指标", COST_INDICATORS },
  BENEFIT_AND_SATISFACTION_ENTRIES,
  { NULL, NULL, NULL, NULL },
};

static const char * const four_level1[] = { "成本指标", "产出指标", "效益指标", "满意度指标", NULL };
static const char * const three_level1[] = { "产出指标", "效益指标", "满意度指标", NULL };

const BdFrameworkEntry *
bd_framework_entries (BdFramework framework)
{
  return framework == BD_FRAMEWORK_THREE_CATEGORIES ? three_categories : four_categories;
}

const char * const *
bd_framework_level1 (BdFramework framework)
{
  return framework == BD_FRAMEWORK_THREE_CATEGORIES ? three_level1 : four_level1;
}

gboolean
bd_framework_is_level1 (BdFramework  framework,
                        const char  *name)
{
  return g_strv_contains ((const char * const *) bd_framework_level1 (framework), name);
}

const char *
bd_framework_parent (BdFramework  framework,
                     const char  *level2)
{
  for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++)
    if (g_strcmp0 (entry->level2, level2) == 0)
      return entry->level1;
  return NULL;
}
