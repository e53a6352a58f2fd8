/* bd-import-form.c: reads the performance-goal forms (绩效目标申报表) */

#include <glib/gi18n-lib.h>

#include "bd-import-private.h"

/* The performance-goal form */

static gboolean
read_form_amount (const char *cell,
                  gint64     *value,
                  guint       line_index,
                  const char *label,
                  GError    **error)
{
  return bd_import_parse_amount (cell, BD_UNIT_YUAN, value, line_index, NULL, label, error);
}

/* A 二级 printed over two rows, centred (服务对象满意 | 度指标 in
 * putuo-wanli-2023-dept.pdf, page 34): its first piece, before the row's
 * 三级 and target, names the 二级 it begins; its last piece, on the next
 * row, is the end of the 二级 already read. Either is taken off @rest. */
static void
settle_wrapped_level2 (BdDocument *doc,
                       GPtrArray  *rest,
                       char      **level1,
                       char      **level2)
{
  const char *piece;

  if (rest->len < 3)
    return;
  piece = g_ptr_array_index (rest, 0);
  if (*level2 != NULL && g_str_has_suffix (*level2, piece) && strcmp (*level2, piece) != 0)
    {
      g_ptr_array_remove_index (rest, 0);
      return;
    }
  for (const BdFrameworkEntry *entry = bd_framework_entries (doc->framework); entry->level1; entry++)
    if (g_str_has_prefix (entry->level2, piece) && g_utf8_strlen (piece, -1) >= 2)
      {
        g_free (*level1);
        g_free (*level2);
        *level1 = g_strdup (entry->level1);
        *level2 = g_strdup (entry->level2);
        g_ptr_array_remove_index (rest, 0);
        return;
      }
}

/* The published form is sometimes mis-typeset, with a row shifted one cell
 * to the left: categories are recognised by name, not by position. */
static void
read_indicator_row (BdDocument *doc,
                    BdProject  *project,
                    GStrv       cells,
                    char      **level1,
                    char      **level2)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  guint n_cells = g_strv_length (cells);
  const char *parent;

  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i];

      if (*cell == '\0' || (i == 0 && strcmp (cell, "绩效指标") == 0))
        continue;
      if (rest->len == 0 && bd_framework_is_level1 (doc->framework, cell))
        {
          g_free (*level1);
          *level1 = g_strdup (cell);
          g_clear_pointer (level2, g_free);
        }
      else if (rest->len == 0 && (parent = bd_framework_parent (doc->framework, cell)) != NULL)
        {
          g_free (*level2);
          *level2 = g_strdup (cell);
          if (*level1 == NULL || strcmp (*level1, parent) != 0)
            {
              g_free (*level1);
              *level1 = g_strdup (parent);
            }
        }
      else
        g_ptr_array_add (rest, (gpointer) cell);
    }

  if (rest->len == 0)
    return;
  settle_wrapped_level2 (doc, rest, level1, level2);
  {
    /* Whatever else stands between the name and the target is kept in the
     * name, never dropped. */
    g_autoptr(GString) name = g_string_new (g_ptr_array_index (rest, 0));

    for (guint i = 1; i + 1 < rest->len; i++)
      g_string_append (name, g_ptr_array_index (rest, i));
    g_ptr_array_add (project->indicators,
                     bd_indicator_new (*level1, *level2, name->str,
                                       rest->len > 1 ? g_ptr_array_index (rest, rest->len - 1) : ""));
  }
}

typedef enum {
  SIDE_ANY,
  SIDE_PROJECT,   /* the left half of the funds block */
  SIDE_ANNUAL,    /* the right half: 其他资金 appears on both */
} FormSide;

typedef struct {
  const char *label;
  gsize       offset;
  gboolean    amount;
  FormSide    side;
} FormField;

#define TEXT_FIELD(label, member) { label, G_STRUCT_OFFSET (BdProject, member), FALSE, SIDE_ANY }
#define AMOUNT_FIELD(label, member) { label, G_STRUCT_OFFSET (BdProject, member), TRUE, SIDE_ANY }

static const FormField form_fields[] = {
  TEXT_FIELD ("项目名称", name),
  TEXT_FIELD ("项目性质", nature),
  TEXT_FIELD ("项目类别", category),
  TEXT_FIELD ("主管部门", supervisor),
  TEXT_FIELD ("实施单位", implementer),
  TEXT_FIELD ("计划开始日期", start_date),
  TEXT_FIELD ("计划完成日期", end_date),
  AMOUNT_FIELD ("项目资金总额", total_funds),
  AMOUNT_FIELD ("其中：财政资金", fiscal_funds),
  AMOUNT_FIELD ("年度资金申请总额", annual_total),
  AMOUNT_FIELD ("其中：当年财政拨款", annual_fiscal),
  AMOUNT_FIELD ("上年结转资金", carryover),
  { "其他资金", G_STRUCT_OFFSET (BdProject, other_funds), TRUE, SIDE_PROJECT },
  { "其他资金", G_STRUCT_OFFSET (BdProject, annual_other), TRUE, SIDE_ANNUAL },
  { NULL, 0, FALSE, SIDE_ANY },
};

/* The row under 项目总体目标 and 年度总体目标: the goals, in those columns. */
static void
read_goals (BdProject *project,
            GStrv      cells,
            const int *goal_columns)
{
  guint n_cells = g_strv_length (cells);

  for (guint g = 0; g < 2; g++)
    if (goal_columns[g] >= 0 && (guint) goal_columns[g] < n_cells)
      {
        char **target = g == 0 ? &project->overall_goal : &project->annual_goal;
        g_free (*target);
        *target = g_strdup (cells[goal_columns[g]]);
      }
}

/* The field whose label is cells[@c], its value in the cell after it. 其他资金
 * is printed twice in a row: the project's first (left of the fourth cell),
 * then the year's. */
static gboolean
read_field (BdProject *project,
            GStrv      cells,
            guint      c,
            gboolean  *other_funds_seen,
            guint      line_index,
            GError   **error)
{
  guint n_cells = g_strv_length (cells);
  const char *value = c + 1 < n_cells ? cells[c + 1] : "";

  /* A blank value is not printed: the next label follows at once. */
  for (const FormField *other = form_fields; other->label; other++)
    if (strcmp (value, other->label) == 0)
      value = "";
  for (const FormField *field = form_fields; field->label; field++)
    {
      FormSide side;

      if (strcmp (cells[c], field->label) != 0)
        continue;
      side = c >= 3 || *other_funds_seen ? SIDE_ANNUAL : SIDE_PROJECT;
      if (field->side != SIDE_ANY && field->side != side)
        continue;
      if (field->side != SIDE_ANY)
        *other_funds_seen = TRUE;
      if (field->amount)
        return read_form_amount (value, G_STRUCT_MEMBER_P (project, field->offset), line_index, field->label, error);
      {
        char **member = G_STRUCT_MEMBER_P (project, field->offset);
        g_free (*member);
        *member = g_strdup (value);
      }
      return TRUE;
    }
  return TRUE;
}

gboolean
bd_import_read_form (Reader     *reader,
           const Part *part,
           GError    **error)
{
  BdDocument *doc = reader->doc;
  BdProject *project = bd_project_new ();
  g_autofree char *level1 = NULL;
  g_autofree char *level2 = NULL;
  int goal_columns[2] = { -1, -1 };
  gboolean goals_next = FALSE;
  gboolean in_indicators = FALSE;
  gboolean other_funds_seen;

  g_ptr_array_add (doc->projects, project);

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    {
      char *line = bd_import_trim (reader->lines[i]);
      g_auto(GStrv) cells = NULL;
      guint n_cells;

      if (*line == '\0' || bd_import_is_separator_line (line))
        continue;
      if (!bd_import_is_table_line (line))
        {
          if (g_str_has_prefix (line, "(") || g_str_has_prefix (line, "（"))
            continue;  /* (2024年度) */
          return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                       _("expected a row of the performance-goal form, found “%s”"), line);
        }

      cells = bd_import_split_cells (line);
      n_cells = g_strv_length (cells);
      other_funds_seen = FALSE;
      if (bd_import_cells_all_blank (cells))
        continue;

      if (in_indicators)
        {
          read_indicator_row (doc, project, cells, &level1, &level2);
          continue;
        }

      if (goals_next)
        {
          read_goals (project, cells, goal_columns);
          goals_next = FALSE;
          continue;
        }

      for (guint c = 0; c < n_cells; c++)
        {
          if (strcmp (cells[c], "一级指标") == 0)
            in_indicators = TRUE;
          else if (g_str_has_prefix (cells[c], "项目总体目标") || g_str_has_prefix (cells[c], "项目总目标"))
            {
              const char *open = strchr (cells[c], '(');
              goal_columns[0] = c;
              goals_next = TRUE;
              if (open != NULL)
                {
                  g_free (project->period);
                  project->period = g_strndup (open + 1, strcspn (open + 1, ")"));
                }
            }
          else if (strcmp (cells[c], "年度总体目标") == 0)
            goal_columns[1] = c;
          else if (!read_field (project, cells, c, &other_funds_seen, i, error))
            return FALSE;
        }
    }

  if (project->name == NULL)
    return bd_import_fail (error, BD_IMPORT_ERROR_MISSING, part->first_line,
                 _("expected a performance-goal form with a 项目名称 row"));
  return TRUE;
}

/* Before the 2021 framework, 成本指标 was a 二级 under 产出指标 (guide §3). A
 * document whose forms print 成本指标 with no 二级 of its own beside it, and
 * none of the 2021 二级 under it (经济成本指标, …), follows that older tree
 * (putuo-wanli-2023-dept.pdf, page 31: 产出指标 | 成本指标 | 预算内经费). */
void
bd_import_settle_framework (BdDocument *doc)
{
  g_autoptr(GPtrArray) costs = g_ptr_array_new ();

  for (guint p = 0; p < doc->projects->len; p++)
    {
      BdProject *project = g_ptr_array_index (doc->projects, p);

      for (guint i = 0; i < project->indicators->len; i++)
        {
          BdIndicator *indicator = g_ptr_array_index (project->indicators, i);

          if (g_strcmp0 (indicator->level1, "成本指标") != 0)
            continue;
          if (indicator->level2 != NULL && *indicator->level2 != '\0')
            return;
          g_ptr_array_add (costs, indicator);
        }
    }
  if (costs->len == 0)
    return;
  doc->framework = BD_FRAMEWORK_THREE_CATEGORIES;
  for (guint i = 0; i < costs->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (costs, i);

      g_free (indicator->level1);
      g_free (indicator->level2);
      indicator->level1 = g_strdup ("产出指标");
      indicator->level2 = g_strdup ("成本指标");
    }
}
