/* bd-workbook-form.c: a performance-goal form (绩效目标申报表) from a sheet
 *
 * Read by its labels, each value the first filled cell to the right of
 * its label: the form BudgetDesk's xlsx export writes, and the platform's
 * alike. */

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-workbook-import.h"

typedef struct {
  BdWorkbookSheet *sheet;
} Form;

static const BdWorkbookCell *
cell (Form  *f,
      guint  i)
{
  return &g_array_index (f->sheet->cells, BdWorkbookCell, i);
}

/* Blanks and line breaks aside, as the labels are wrapped in cells. */
static gboolean
is_label (const char *text,
          const char *label)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_str_has_prefix (s->str, label);
}

/* The @nth (from 0) cell labelled @label: its index, or -1. */
static int
find (Form       *f,
      const char *label,
      guint       nth)
{
  for (guint i = 0; i < f->sheet->cells->len; i++)
    if (!cell (f, i)->is_number && is_label (cell (f, i)->text, label) && nth-- == 0)
      return (int) i;
  return -1;
}

/* The first filled cell right of the label, in its row. */
static const BdWorkbookCell *
value_of (Form       *f,
          const char *label,
          guint       nth)
{
  int i = find (f, label, nth);

  if (i < 0 || (guint) i + 1 >= f->sheet->cells->len || cell (f, i + 1)->row != cell (f, i)->row)
    return NULL;
  return cell (f, i + 1);
}

static char *
text_of (Form       *f,
         const char *label)
{
  const BdWorkbookCell *c = value_of (f, label, 0);
  return g_strdup (c ? c->text : "");
}

/* The cell under the @nth @label, in its column. */
static const char *
below (Form       *f,
       const char *label)
{
  int i = find (f, label, 0);

  for (guint j = i < 0 ? f->sheet->cells->len : (guint) i + 1; j < f->sheet->cells->len; j++)
    if (cell (f, j)->row == cell (f, i)->row + 1 && cell (f, j)->column == cell (f, i)->column)
      return cell (f, j)->text;
    else if (cell (f, j)->row > cell (f, i)->row + 1)
      break;
  return "";
}

static gboolean
amount_of (Form        *f,
           const char  *label,
           guint        nth,
           gint64      *fen,
           GError     **error)
{
  const BdWorkbookCell *c = value_of (f, label, nth);
  g_autoptr(GError) local = NULL;

  static const char * const labels[] = { "项目资金总额", "其中：", "其他资金", "年度资金申请总额", "上年结转资金" };

  *fen = 0;
  /* A blank amount: the next cell of the row is the next label. */
  for (guint i = 0; c != NULL && !c->is_number && i < G_N_ELEMENTS (labels); i++)
    if (is_label (c->text, labels[i]))
      return TRUE;
  if (c == NULL || bd_money_parse (c->text, BD_UNIT_YUAN, fen, &local))
    return TRUE;
  {
    g_autofree char *name = bd_workbook_cell_name (c->row, c->column);
    g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
                 _("Sheet “%s”, cell %s: %s"), f->sheet->name, name, local->message);
    return FALSE;
  }
}

gboolean
bd_workbook_is_form (BdWorkbookSheet *sheet)
{
  Form f = { sheet };
  int i = find (&f, "财政项目支出绩效目标", 0);

  return i >= 0 && cell (&f, i)->row < 3;
}

static void
read_indicators (Form      *f,
                 BdProject *project)
{
  int header = find (f, "一级指标", 0);
  guint c1, c2 = 0, c3 = 0, ct = 0;
  g_autofree char *level1 = g_strdup ("");
  g_autofree char *level2 = g_strdup ("");

  if (header < 0)
    return;
  c1 = cell (f, header)->column;
  for (guint i = header; i < f->sheet->cells->len && cell (f, i)->row == cell (f, header)->row; i++)
    {
      if (is_label (cell (f, i)->text, "二级指标"))
        c2 = cell (f, i)->column;
      else if (is_label (cell (f, i)->text, "三级指标"))
        c3 = cell (f, i)->column;
      else if (strstr (cell (f, i)->text, "指标值") != NULL)
        ct = cell (f, i)->column;
    }
  for (guint i = header + 1; i < f->sheet->cells->len;)
    {
      if (cell (f, i)->row == cell (f, header)->row)
        {
          i++;
          continue;
        }
      guint row = cell (f, i)->row;
      const char *name = NULL, *target = "";

      for (; i < f->sheet->cells->len && cell (f, i)->row == row; i++)
        {
          const BdWorkbookCell *c = cell (f, i);
          /* A new 一级指标 starts its 二级 afresh (an empty one stays empty). */
          if (c->column == c1)
            {
              g_free (level1), level1 = g_strdup (c->text);
              g_free (level2), level2 = g_strdup ("");
            }
          else if (c->column == c2)
            g_free (level2), level2 = g_strdup (c->text);
          else if (c->column == c3)
            name = c->text;
          else if (c->column == ct)
            target = c->text;
        }
      if (name != NULL)
        g_ptr_array_add (project->indicators, bd_indicator_new (level1, level2, name, target));
    }
}

gboolean
bd_workbook_read_form (BdWorkbookSheet  *sheet,
                       BdDocument       *doc,
                       GError          **error)
{
  Form f = { sheet };
  BdProject *project = bd_project_new ();
  const BdWorkbookCell *goal = value_of (&f, "项目绩效目标", 0);
  gboolean ok;

  project->name = text_of (&f, "项目名称");
  project->nature = text_of (&f, "项目性质");
  project->category = text_of (&f, "项目类别");
  project->supervisor = text_of (&f, "主管部门");
  project->implementer = text_of (&f, "实施单位");
  project->start_date = text_of (&f, "计划开始日期");
  project->end_date = text_of (&f, "计划完成日期");
  ok = amount_of (&f, "项目资金总额", 0, &project->total_funds, error)
       && amount_of (&f, "其中：财政资金", 0, &project->fiscal_funds, error)
       && amount_of (&f, "其他资金", 0, &project->other_funds, error)
       && amount_of (&f, "年度资金申请总额", 0, &project->annual_total, error)
       && amount_of (&f, "其中：当年财政拨款", 0, &project->annual_fiscal, error)
       && amount_of (&f, "上年结转资金", 0, &project->carryover, error)
       && amount_of (&f, "其他资金", 1, &project->annual_other, error);
  if (!ok)
    {
      bd_project_free (project);
      return FALSE;
    }
  /* 项目总体目标 (2024年-2024年) */
  if (goal != NULL && strchr (goal->text, '(') != NULL)
    {
      project->period = g_strdup (strchr (goal->text, '(') + 1);
      project->period[strcspn (project->period, ")")] = '\0';
    }
  project->overall_goal = g_strdup (below (&f, "项目总体目标"));
  project->annual_goal = g_strdup (below (&f, "年度总体目标"));
  read_indicators (&f, project);
  g_ptr_array_add (doc->projects, project);
  return TRUE;
}
