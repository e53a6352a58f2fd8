#include "bd-money.h"
#include "bd-project-field.h"

#define TEXT(member, label) { #member, BD_PROJECT_FIELD_TEXT, G_STRUCT_OFFSET (BdProject, member), label }
#define AMOUNT(member, label) { #member, BD_PROJECT_FIELD_AMOUNT, G_STRUCT_OFFSET (BdProject, member), label }

const BdProjectField bd_project_fields[BD_N_PROJECT_FIELDS] = {
  TEXT (name, "项目名称"),
  TEXT (nature, "项目性质"),
  TEXT (category, "项目类别"),
  TEXT (supervisor, "主管部门"),
  TEXT (implementer, "实施单位"),
  TEXT (start_date, "计划开始日期"),
  TEXT (end_date, "计划完成日期"),
  TEXT (period, "项目期"),
  AMOUNT (total_funds, "项目资金总额"),
  AMOUNT (fiscal_funds, "其中：财政资金"),
  AMOUNT (other_funds, "其他资金"),
  AMOUNT (annual_total, "年度资金申请总额"),
  AMOUNT (annual_fiscal, "其中：当年财政拨款"),
  AMOUNT (carryover, "上年结转资金"),
  AMOUNT (annual_other, "其他资金"),
  TEXT (overall_goal, "项目总体目标"),
  TEXT (annual_goal, "年度总体目标"),
};

const BdProjectField *
bd_project_field_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < BD_N_PROJECT_FIELDS; i++)
    if (strcmp (bd_project_fields[i].name, name) == 0)
      return &bd_project_fields[i];
  return NULL;
}

char *
bd_project_field_format (const BdProjectField *field,
                         const BdProject      *project)
{
  g_return_val_if_fail (field != NULL && project != NULL, NULL);

  if (field->kind == BD_PROJECT_FIELD_AMOUNT)
    return bd_money_format (*bd_project_field_amount (field, (BdProject *) project));
  return g_strdup (*bd_project_field_text (field, (BdProject *) project) ?: "");
}

gboolean
bd_project_field_parse (const BdProjectField *field,
                        BdProject            *project,
                        const char           *text,
                        gboolean             *changed,
                        GError              **error)
{
  g_return_val_if_fail (field != NULL && project != NULL && text != NULL, FALSE);

  *changed = FALSE;
  if (field->kind == BD_PROJECT_FIELD_AMOUNT)
    {
      gint64 *member = bd_project_field_amount (field, project);
      gint64 value;

      if (!bd_money_parse (text, BD_UNIT_YUAN, &value, error))
        return FALSE;
      *changed = *member != value;
      *member = value;
    }
  else
    {
      char **member = bd_project_field_text (field, project);

      if (g_strcmp0 (*member, text) != 0)
        {
          *changed = TRUE;
          g_free (*member);
          *member = g_strdup (text);
        }
    }
  return TRUE;
}

void
bd_project_fields_copy (BdProject       *to,
                        const BdProject *from)
{
  for (guint i = 0; i < BD_N_PROJECT_FIELDS; i++)
    {
      const BdProjectField *field = &bd_project_fields[i];

      if (field->kind == BD_PROJECT_FIELD_AMOUNT)
        *bd_project_field_amount (field, to) = *bd_project_field_amount (field, (BdProject *) from);
      else
        {
          char **member = bd_project_field_text (field, to);
          g_free (*member);
          *member = g_strdup (*bd_project_field_text (field, (BdProject *) from));
        }
    }
}

void
bd_project_fields_clear (BdProject *project)
{
  for (guint i = 0; i < BD_N_PROJECT_FIELDS; i++)
    if (bd_project_fields[i].kind == BD_PROJECT_FIELD_TEXT)
      g_clear_pointer (bd_project_field_text (&bd_project_fields[i], project), g_free);
}
