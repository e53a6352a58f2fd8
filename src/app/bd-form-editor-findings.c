/* The checker's findings on the forms page: the summary above the form,
 * and each finding beside what it is about (the funds, an indicator's row,
 * the tree). */
#include <glib/gi18n.h>

#include "bd-form-editor-private.h"
#include "bd-indicator-row.h"

static gboolean
finding_is_about (const BdFinding *finding,
                  BdProject       *project,
                  const char      *rule)
{
  return project != NULL && finding->part == BD_PART_PERFORMANCE && g_strcmp0 (finding->row, project->name) == 0
         && (rule == NULL || strcmp (finding->rule, rule) == 0);
}

static const BdFinding *
finding_about (BdFormEditor *self,
               BdProject    *project,
               const char   *rule,
               const char   *column)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);

  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      if (finding_is_about (finding, project, rule) && (column == NULL || g_strcmp0 (finding->column, column) == 0))
        return finding;
    }
  return NULL;
}

static void
set_finding_label (GtkLabel   *label,
                   const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message);
}

static void
update_summary (BdFormEditor *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  const BdFigure *declared = bd_document_get_figure (doc, "other.goals.projects");
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *funds = NULL, *spending = NULL;
  gint64 total = 0;

  for (guint i = 0; i < doc->projects->len; i++)
    total += ((BdProject *) g_ptr_array_index (doc->projects, i))->annual_total;
  funds = bd_money_format_wan (total, TRUE);
  spending = bd_money_format_wan (bd_document_get_schedule (doc, 3)->total->values[2], TRUE);
  g_string_append_printf (summary, _("%u forms, %s万元 in all; schedule 3's 项目支出 is %s万元"),
                          doc->projects->len, funds, spending);
  if (declared != NULL)
    g_string_append_printf (summary, _("; section 六 declares %d projects"), (int) declared->value);
  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      if (finding->part == BD_PART_PERFORMANCE
          && (strcmp (finding->rule, "goal-count") == 0 || strcmp (finding->rule, "forms-project-spending") == 0))
        g_string_append_printf (summary, "\n⚠ %s", finding->message);
    }
  gtk_label_set_text (self->summary, summary->str);
}

void
bd_form_editor_update_findings (BdFormEditor *self,
                                BdProject    *project)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  g_autoptr(GString) tree = g_string_new (NULL);
  const BdFinding *funds = finding_about (self, project, "form-funds", NULL);

  update_summary (self);
  if (project == NULL)
    return;
  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      if (finding_is_about (finding, project, "form-categories")
          || finding_is_about (finding, project, "form-quantitative-output"))
        g_string_append_printf (tree, "%s%s", tree->len ? "\n" : "", finding->message);
    }
  set_finding_label (self->funds_finding, funds ? funds->message : NULL);
  set_finding_label (self->tree_finding, tree->str);
  for (guint i = 0; i < self->n_rows && i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      const BdFinding *finding = finding_about (self, project, "form-cost-ceiling", indicator->name);

      if (finding == NULL)
        finding = finding_about (self, project, "form-target", indicator->name);
      bd_indicator_row_set_finding (g_ptr_array_index (self->rows, i), finding ? finding->message : NULL);
    }
}
