#include <glib/gi18n.h>

#include "bd-form-editor.h"

typedef struct {
  const char *field;
  const char *label;
} Field;

static const Field text_fields[] = {
  { "name", "项目名称" },
  { "category", "项目类别" },
  { "supervisor", "主管部门" },
  { "implementer", "实施单位" },
  { "start_date", "计划开始日期" },
  { "end_date", "计划完成日期" },
};

/* Left: the project's funds; right: this year's application. */
static const Field amount_fields[] = {
  { "total_funds", "项目资金总额" },
  { "annual_total", "年度资金申请总额" },
  { "fiscal_funds", "其中：财政资金" },
  { "annual_fiscal", "其中：当年财政拨款" },
  { "other_funds", "其他资金" },
  { "carryover", "上年结转资金" },
  { NULL, NULL },
  { "annual_other", "其他资金" },
};

static const char * const operators[] = { "=", "≥", "≤", ">", "<", "定性", NULL };
static const char * const natures[] = { "经常性项目", "一次性项目", NULL };

typedef struct {
  GtkDropDown *level1;
  GtkDropDown *level2;
  GtkEntry    *name;
  GtkDropDown *op;
  GtkEntry    *value;
  GtkEntry    *unit;
  GtkLabel    *finding;
} IndicatorRow;

struct _BdFormEditor
{
  GtkWidget     parent_instance;

  BdEditor     *editor;
  guint         project;
  char         *structure;     /* what the built widgets show, to tell a rebuild from an update */
  gboolean      building;

  GtkWidget    *paned;
  GtkLabel     *summary;
  GtkListBox   *projects;
  GtkDropDown  *framework;
  GtkWidget    *form_box;
  GPtrArray    *text_entries;    /* GtkEntry*, data "bd-field" */
  GPtrArray    *amount_entries;  /* GtkEntry*, data "bd-field" */
  GtkDropDown  *nature;
  GtkTextView  *overall_goal;
  GtkTextView  *annual_goal;
  GtkLabel     *funds_finding;
  GtkLabel     *tree_finding;
  GArray       *rows;            /* IndicatorRow */
};

G_DEFINE_FINAL_TYPE (BdFormEditor, bd_form_editor, GTK_TYPE_WIDGET)

static BdDocument *
get_document (BdFormEditor *self)
{
  return bd_editor_get_document (self->editor);
}

static BdProject *
get_project (BdFormEditor *self)
{
  GPtrArray *projects = get_document (self)->projects;
  return self->project < projects->len ? g_ptr_array_index (projects, self->project) : NULL;
}

static void
report (BdFormEditor *self,
        GError       *error)
{
  if (error != NULL)
    gtk_label_set_text (self->tree_finding, error->message);
}

static GtkDropDown *
drop_down (const char * const *items,
           const char         *selected)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (items));

  for (guint i = 0; items[i]; i++)
    if (g_strcmp0 (items[i], selected) == 0)
      gtk_drop_down_set_selected (dropdown, i);
  return dropdown;
}

static const char *
drop_down_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Findings */

static const BdFinding *
finding_about (BdFormEditor *self,
               const char   *rule,
               const char   *column)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  BdProject *project = get_project (self);

  for (guint i = 0; project && i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      if (finding->part == BD_PART_PERFORMANCE && g_strcmp0 (finding->row, project->name) == 0
          && (rule == NULL || strcmp (finding->rule, rule) == 0)
          && (column == NULL || g_strcmp0 (finding->column, column) == 0))
        return finding;
    }
  return NULL;
}

static void
set_finding_label (GtkLabel        *label,
                   const BdFinding *finding)
{
  gtk_label_set_text (label, finding ? finding->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), finding != NULL);
}

static void
update_findings (BdFormEditor *self)
{
  BdDocument *doc = get_document (self);
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  BdProject *project = get_project (self);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) tree = g_string_new (NULL);
  gint64 total = 0;

  for (guint i = 0; i < doc->projects->len; i++)
    total += ((BdProject *) g_ptr_array_index (doc->projects, i))->annual_total;
  {
    g_autofree char *funds = bd_money_format_wan (total, TRUE);
    g_autofree char *projects = bd_money_format_wan (bd_document_get_schedule (doc, 3)->total->values[2], TRUE);
    const BdFigure *declared = bd_document_get_figure (doc, "other.goals.projects");

    g_string_append_printf (summary, _("%u forms, %s万元 in all; schedule 3's 项目支出 is %s万元"),
                            doc->projects->len, funds, projects);
    if (declared != NULL)
      g_string_append_printf (summary, _("; section 六 declares %d projects"), (int) declared->value);
  }
  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      if (finding->part == BD_PART_PERFORMANCE
          && (strcmp (finding->rule, "goal-count") == 0 || strcmp (finding->rule, "forms-project-spending") == 0))
        g_string_append_printf (summary, "\n⚠ %s", finding->message);
      if (project && finding->part == BD_PART_PERFORMANCE && g_strcmp0 (finding->row, project->name) == 0
          && (strcmp (finding->rule, "form-categories") == 0 || strcmp (finding->rule, "form-quantitative-output") == 0))
        g_string_append_printf (tree, "%s%s", tree->len ? "\n" : "", finding->message);
    }
  gtk_label_set_text (self->summary, summary->str);

  if (project == NULL)
    return;
  set_finding_label (self->funds_finding, finding_about (self, "form-funds", NULL));
  gtk_label_set_text (self->tree_finding, tree->str);
  gtk_widget_set_visible (GTK_WIDGET (self->tree_finding), tree->len > 0);
  for (guint i = 0; i < self->rows->len && i < project->indicators->len; i++)
    {
      IndicatorRow *row = &g_array_index (self->rows, IndicatorRow, i);
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      const BdFinding *finding = finding_about (self, "form-cost-ceiling", indicator->name);

      if (finding == NULL)
        finding = finding_about (self, "form-target", indicator->name);
      set_finding_label (row->finding, finding);
    }
}

/* Commits */

static void
commit_text (GtkEntry     *entry,
             BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->building)
    return;
  if (!bd_editor_set_project_text (self->editor, self->project, g_object_get_data (G_OBJECT (entry), "bd-field"),
                                   gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    report (self, error);
}

static void
commit_amount (GtkEntry     *entry,
               BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->building)
    return;
  if (!bd_editor_set_project_amount (self->editor, self->project, g_object_get_data (G_OBJECT (entry), "bd-field"),
                                     gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_label_set_text (self->funds_finding, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->funds_finding), TRUE);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
commit_nature (GtkDropDown  *dropdown,
               GParamSpec   *pspec,
               BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->building && !bd_editor_set_project_text (self->editor, self->project, "nature",
                                                      drop_down_text (dropdown), &error))
    report (self, error);
}

static void
commit_goal (GtkEventControllerFocus *focus,
             BdFormEditor            *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!bd_editor_set_project_text (self->editor, self->project, g_object_get_data (G_OBJECT (view), "bd-field"),
                                   text, &error))
    report (self, error);
}

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "bd-row"));
}

/* "≤4630048.00(元)" from its parts; a qualitative target is its words. */
static char *
compose_target (const char  *op,
                const char  *value,
                const char  *unit,
                GError     **error)
{
  gint64 hundredths;
  g_autofree char *number = NULL;

  if (g_strcmp0 (op, "定性") == 0)
    return g_strstrip (g_strdup (value));
  if (!bd_money_parse (value, BD_UNIT_YUAN, &hundredths, error))
    return NULL;
  number = bd_money_format_plain (hundredths);
  return g_strdup_printf ("%s%s(%s)", op, number, g_strstrip (g_strdup_printf ("%s", unit)));
}

static gboolean
commit_target (BdFormEditor *self,
               guint         row)
{
  IndicatorRow *widgets = &g_array_index (self->rows, IndicatorRow, row);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = compose_target (drop_down_text (widgets->op),
                                            gtk_editable_get_text (GTK_EDITABLE (widgets->value)),
                                            gtk_editable_get_text (GTK_EDITABLE (widgets->unit)), &error);

  if (target == NULL || !bd_editor_set_indicator (self->editor, self->project, row, NULL, NULL, NULL, target, &error))
    {
      gtk_label_set_text (widgets->finding, error->message);
      gtk_widget_set_visible (GTK_WIDGET (widgets->finding), TRUE);
      return FALSE;
    }
  return TRUE;
}

static void
on_target_activate (GtkWidget    *widget,
                    BdFormEditor *self)
{
  if (!self->building)
    commit_target (self, row_index (widget));
}

static void
on_op_changed (GtkDropDown  *dropdown,
               GParamSpec   *pspec,
               BdFormEditor *self)
{
  if (!self->building)
    on_target_activate (GTK_WIDGET (dropdown), self);
}

static void
on_name_activate (GtkEntry     *entry,
                  BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->building && !bd_editor_set_indicator (self->editor, self->project, row_index (GTK_WIDGET (entry)), NULL,
                                                   NULL, gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, &error))
    report (self, error);
}

static void
on_level_changed (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  BdFormEditor *self)
{
  guint row = row_index (GTK_WIDGET (dropdown));
  IndicatorRow *widgets = &g_array_index (self->rows, IndicatorRow, row);
  const char *level1 = drop_down_text (widgets->level1);
  const char *level2 = dropdown == widgets->level2 ? drop_down_text (widgets->level2) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->building)
    return;
  /* A new 一级 takes its first 二级. */
  if (level2 == NULL)
    for (const BdFrameworkEntry *entry = bd_framework_entries (get_document (self)->framework); entry->level1; entry++)
      if (strcmp (entry->level1, level1) == 0)
        {
          level2 = entry->level2;
          break;
        }
  if (!bd_editor_set_indicator (self->editor, self->project, row, level1, level2, NULL, NULL, &error))
    report (self, error);
}

static void
on_row_button (GtkButton    *button,
               BdFormEditor *self)
{
  guint row = row_index (GTK_WIDGET (button));
  const char *action = g_object_get_data (G_OBJECT (button), "bd-action");
  g_autoptr(GError) error = NULL;

  if (strcmp (action, "remove") == 0)
    bd_editor_remove_indicator (self->editor, self->project, row, &error);
  else
    bd_editor_move_indicator (self->editor, self->project, row, strcmp (action, "up") == 0 ? -1 : 1, &error);
  report (self, error);
}

static void
on_add_indicator (GtkButton    *button,
                  BdFormEditor *self)
{
  const BdFrameworkEntry *entry = g_object_get_data (G_OBJECT (button), "bd-entry");
  g_autoptr(GError) error = NULL;

  if (!bd_editor_add_indicator (self->editor, self->project, entry->level1, entry->level2, &error))
    report (self, error);
}

static void
on_date_selected (GtkCalendar  *calendar,
                  BdFormEditor *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (calendar), "bd-entry");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  commit_text (entry, self);
}

static void
on_focus_leave_entry (GtkEventControllerFocus *focus,
                      BdFormEditor            *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  void (*commit) (GtkWidget *, BdFormEditor *) = g_object_get_data (G_OBJECT (widget), "bd-commit");

  if (commit != NULL && !self->building)
    commit (widget, self);
}

static void
commit_on_leave (GtkWidget *widget,
                 gpointer   commit,
                 gpointer   self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (widget), "bd-commit", commit);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_entry), self);
  gtk_widget_add_controller (widget, focus);
}

/* Building */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkLabel *
finding_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static GtkWidget *
goal_view (BdFormEditor *self,
           const char   *field,
           const char   *text)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_widget_add_css_class (view, "card");
  g_object_set_data (G_OBJECT (view), "bd-field", (gpointer) field);
  g_signal_connect (focus, "leave", G_CALLBACK (commit_goal), self);
  gtk_widget_add_controller (view, focus);
  return view;
}

static void
split_target (const char  *target,
              char       **op,
              char       **value,
              char       **unit)
{
  g_autoptr(GRegex) quantitative = g_regex_new ("^(=|≥|≤|>|<)([0-9.]+)\\((.*)\\)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (target && g_regex_match (quantitative, target, 0, &match))
    {
      *op = g_match_info_fetch (match, 1);
      *value = g_match_info_fetch (match, 2);
      *unit = g_match_info_fetch (match, 3);
    }
  else
    {
      *op = g_strdup ("定性");
      *value = g_strdup (target ? target : "");
      *unit = g_strdup ("");
    }
}

static void
build_indicator_rows (BdFormEditor *self,
                      BdProject    *project,
                      GtkWidget    *grid)
{
  BdFramework framework = get_document (self)->framework;
  const char * const *level1s = bd_framework_level1 (framework);
  const char *titles[] = { "一级指标", "二级指标", "三级指标", "指标值", "", "单位" };

  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *title = gtk_label_new (titles[c]);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_grid_attach (GTK_GRID (grid), title, c, 0, 1, 1);
    }

  for (guint i = 0; i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      g_autoptr(GStrvBuilder) level2s = g_strv_builder_new ();
      g_auto(GStrv) level2_items = NULL;
      g_autofree char *op = NULL, *value = NULL, *unit = NULL;
      const char *suggestion = NULL;
      const char *units = NULL;
      IndicatorRow row = { 0 };
      guint grid_row = 1 + i * 2;
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *actions[][2] = { { "up", "go-up-symbolic" }, { "down", "go-down-symbolic" },
                                   { "remove", "list-remove-symbolic" } };

      for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++)
        if (g_strcmp0 (entry->level1, indicator->level1) == 0)
          {
            g_strv_builder_add (level2s, entry->level2);
            if (g_strcmp0 (entry->level2, indicator->level2) == 0)
              {
                suggestion = entry->suggested_indicators;
                units = entry->suggested_units;
              }
          }
      level2_items = g_strv_builder_end (level2s);
      split_target (indicator->target, &op, &value, &unit);

      row.level1 = drop_down (level1s, indicator->level1);
      row.level2 = drop_down ((const char * const *) level2_items, indicator->level2);
      row.name = GTK_ENTRY (gtk_entry_new ());
      row.op = drop_down (operators, op);
      row.value = GTK_ENTRY (gtk_entry_new ());
      row.unit = GTK_ENTRY (gtk_entry_new ());
      row.finding = finding_label ();

      gtk_editable_set_text (GTK_EDITABLE (row.name), indicator->name);
      gtk_editable_set_width_chars (GTK_EDITABLE (row.name), 16);
      gtk_widget_set_hexpand (GTK_WIDGET (row.name), TRUE);
      if (suggestion != NULL)
        {
          g_autofree char *hint = g_strdup_printf (_("such as %s"), suggestion);
          g_strdelimit (hint, "|", '/');
          gtk_entry_set_placeholder_text (row.name, hint);
        }
      gtk_editable_set_text (GTK_EDITABLE (row.value), value);
      gtk_editable_set_width_chars (GTK_EDITABLE (row.value), 9);
      gtk_editable_set_text (GTK_EDITABLE (row.unit), unit);
      if (units != NULL && *units)
        {
          g_autofree char *hint = g_strdup (units);
          g_strdelimit (hint, "|", '/');
          gtk_entry_set_placeholder_text (row.unit, hint);
        }
      gtk_editable_set_width_chars (GTK_EDITABLE (row.unit), 6);
      gtk_widget_set_sensitive (GTK_WIDGET (row.unit), strcmp (op, "定性") != 0);

      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          GtkWidget *button = gtk_button_new_from_icon_name (actions[a][1]);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data (G_OBJECT (button), "bd-action", (gpointer) actions[a][0]);
          g_object_set_data (G_OBJECT (button), "bd-row", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (on_row_button), self);
          gtk_box_append (GTK_BOX (buttons), button);
        }

      {
        GtkWidget *widgets[] = { GTK_WIDGET (row.level1), GTK_WIDGET (row.level2), GTK_WIDGET (row.name),
                                 GTK_WIDGET (row.op), GTK_WIDGET (row.value), GTK_WIDGET (row.unit), buttons };
        for (guint c = 0; c < G_N_ELEMENTS (widgets); c++)
          {
            g_object_set_data (G_OBJECT (widgets[c]), "bd-row", GUINT_TO_POINTER (i));
            gtk_grid_attach (GTK_GRID (grid), widgets[c], c == 6 ? 6 : c, grid_row, 1, 1);
          }
      }
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (row.finding), 2, grid_row + 1, 5, 1);

      g_signal_connect (row.level1, "notify::selected", G_CALLBACK (on_level_changed), self);
      g_signal_connect (row.level2, "notify::selected", G_CALLBACK (on_level_changed), self);
      g_signal_connect (row.name, "activate", G_CALLBACK (on_name_activate), self);
      commit_on_leave (GTK_WIDGET (row.name), on_name_activate, self);
      g_signal_connect (row.op, "notify::selected", G_CALLBACK (on_op_changed), self);
      g_signal_connect (row.value, "activate", G_CALLBACK (on_target_activate), self);
      g_signal_connect (row.unit, "activate", G_CALLBACK (on_target_activate), self);
      commit_on_leave (GTK_WIDGET (row.value), on_target_activate, self);
      commit_on_leave (GTK_WIDGET (row.unit), on_target_activate, self);
      g_array_append_val (self->rows, row);
    }
}

static GtkWidget *
add_indicator_menu (BdFormEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_menu_button_new ();

  for (const BdFrameworkEntry *entry = bd_framework_entries (get_document (self)->framework); entry->level1; entry++)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", entry->level1, entry->level2);
      GtkWidget *item = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (item, "flat");
      g_object_set_data (G_OBJECT (item), "bd-entry", (gpointer) entry);
      g_signal_connect (item, "clicked", G_CALLBACK (on_add_indicator), self);
      gtk_box_append (GTK_BOX (list), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Add an Indicator"));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static char *
structure_of (BdFormEditor *self)
{
  BdDocument *doc = get_document (self);
  BdProject *project = get_project (self);
  GString *structure = g_string_new (NULL);

  g_string_append_printf (structure, "%u %u %d|", doc->projects->len, self->project, doc->framework);
  for (guint i = 0; i < doc->projects->len; i++)
    g_string_append_printf (structure, "%s|", ((BdProject *) g_ptr_array_index (doc->projects, i))->name);
  for (guint i = 0; project && i < project->indicators->len; i++)
    {
      BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      g_string_append_printf (structure, "%s/%s;", indicator->level1, indicator->level2);
    }
  return g_string_free (structure, FALSE);
}

static void
build (BdFormEditor *self)
{
  BdDocument *doc = get_document (self);
  BdProject *project;
  GtkWidget *child;
  GtkWidget *grid;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->projects))) != NULL)
    gtk_list_box_remove (self->projects, child);
  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      g_autofree char *funds = bd_money_format_wan (p->annual_total, TRUE);
      g_autofree char *name = g_markup_escape_text (p->name ? p->name : "", -1);
      g_autofree char *markup = g_strdup_printf ("%s\n<small>%s万元</small>", name, funds);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->projects, label);
    }
  if (self->project < doc->projects->len)
    gtk_list_box_select_row (self->projects, gtk_list_box_get_row_at_index (self->projects, self->project));
  gtk_drop_down_set_selected (self->framework, doc->framework == BD_FRAMEWORK_THREE_CATEGORIES ? 1 : 0);

  while ((child = gtk_widget_get_first_child (self->form_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->form_box), child);
  g_ptr_array_set_size (self->text_entries, 0);
  g_ptr_array_set_size (self->amount_entries, 0);
  g_array_set_size (self->rows, 0);

  project = get_project (self);
  if (project == NULL)
    {
      gtk_box_append (GTK_BOX (self->form_box), gtk_label_new (_("No performance-goal form yet: add one.")));
      self->funds_finding = self->tree_finding = NULL;
      self->building = FALSE;
      return;
    }

  {
    g_autofree char *title = g_strdup_printf ("财政项目支出绩效目标申报表（%d年度）", doc->year);
    GtkWidget *label = gtk_label_new (title);
    gtk_widget_add_css_class (label, "title-3");
    gtk_box_append (GTK_BOX (self->form_box), label);
  }

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *label = gtk_label_new (text_fields[i].label);
      GtkWidget *entry = gtk_entry_new ();
      char **value = NULL;
      guint column = (i % 2) * 2, row = i / 2;

      if (strcmp (text_fields[i].field, "name") == 0) value = &project->name;
      else if (strcmp (text_fields[i].field, "category") == 0) value = &project->category;
      else if (strcmp (text_fields[i].field, "supervisor") == 0) value = &project->supervisor;
      else if (strcmp (text_fields[i].field, "implementer") == 0) value = &project->implementer;
      else if (strcmp (text_fields[i].field, "start_date") == 0) value = &project->start_date;
      else value = &project->end_date;

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_editable_set_text (GTK_EDITABLE (entry), *value ? *value : "");
      gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data (G_OBJECT (entry), "bd-field", (gpointer) text_fields[i].field);
      g_signal_connect (entry, "activate", G_CALLBACK (commit_text), self);
      commit_on_leave (entry, commit_text, self);
      g_ptr_array_add (self->text_entries, entry);
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);

      if (g_str_has_suffix (text_fields[i].field, "_date"))
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          GtkWidget *pick = gtk_menu_button_new ();
          GtkWidget *popover = gtk_popover_new ();
          GtkWidget *calendar = gtk_calendar_new ();

          gtk_widget_add_css_class (box, "linked");
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (pick), "x-office-calendar-symbolic");
          gtk_widget_set_tooltip_text (pick, _("Pick a date"));
          g_object_set_data (G_OBJECT (calendar), "bd-entry", entry);
          g_signal_connect (calendar, "day-selected", G_CALLBACK (on_date_selected), self);
          gtk_popover_set_child (GTK_POPOVER (popover), calendar);
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (pick), popover);
          gtk_box_append (GTK_BOX (box), entry);
          gtk_box_append (GTK_BOX (box), pick);
          gtk_grid_attach (GTK_GRID (grid), box, column + 1, row, 1, 1);
        }
      else
        gtk_grid_attach (GTK_GRID (grid), entry, column + 1, row, 1, 1);
    }
  self->nature = drop_down (natures, project->nature);
  g_signal_connect (self->nature, "notify::selected", G_CALLBACK (commit_nature), self);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new ("项目性质"), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->nature), 1, 3, 1, 1);
  gtk_box_append (GTK_BOX (self->form_box), grid);

  gtk_box_append (GTK_BOX (self->form_box), heading ("项目资金（元）"));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (amount_fields); i++)
    {
      const gint64 *values[] = { &project->total_funds, &project->annual_total, &project->fiscal_funds,
                                 &project->annual_fiscal, &project->other_funds, &project->carryover, NULL,
                                 &project->annual_other };
      GtkWidget *label, *entry;
      g_autofree char *text = NULL;

      if (amount_fields[i].field == NULL)
        continue;
      label = gtk_label_new (amount_fields[i].label);
      entry = gtk_entry_new ();
      text = bd_money_format (*values[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data (G_OBJECT (entry), "bd-field", (gpointer) amount_fields[i].field);
      g_signal_connect (entry, "activate", G_CALLBACK (commit_amount), self);
      commit_on_leave (entry, commit_amount, self);
      g_ptr_array_add (self->amount_entries, entry);
      gtk_grid_attach (GTK_GRID (grid), label, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, (i % 2) * 2 + 1, i / 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->form_box), grid);
  self->funds_finding = finding_label ();
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->funds_finding));

  {
    g_autofree char *overall = g_strdup_printf ("项目总体目标%s%s%s", project->period ? "（" : "",
                                                project->period ? project->period : "", project->period ? "）" : "");
    gtk_box_append (GTK_BOX (self->form_box), heading (overall));
    gtk_box_append (GTK_BOX (self->form_box), goal_view (self, "overall_goal", project->overall_goal));
    gtk_box_append (GTK_BOX (self->form_box), heading ("年度总体目标"));
    gtk_box_append (GTK_BOX (self->form_box), goal_view (self, "annual_goal", project->annual_goal));
  }

  gtk_box_append (GTK_BOX (self->form_box), heading ("绩效指标"));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  build_indicator_rows (self, project, grid);
  gtk_box_append (GTK_BOX (self->form_box), grid);
  self->tree_finding = finding_label ();
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->tree_finding));
  gtk_box_append (GTK_BOX (self->form_box), add_indicator_menu (self));

  g_free (self->structure);
  self->structure = structure_of (self);
  self->building = FALSE;
}

void
bd_form_editor_refresh (BdFormEditor *self)
{
  g_autofree char *structure = structure_of (self);

  /* Rebuilt only when what it shows changed shape: a value typed in one
   * field must not take away the field the clerk moved on to. */
  if (g_strcmp0 (structure, self->structure) != 0)
    build (self);
  if (self->tree_finding != NULL)
    update_findings (self);
}

static void
on_project_selected (GtkListBox    *list,
                     GtkListBoxRow *row,
                     BdFormEditor  *self)
{
  if (self->building || row == NULL || (guint) gtk_list_box_row_get_index (row) == self->project)
    return;
  bd_form_editor_select_project (self, gtk_list_box_row_get_index (row));
}

static void
on_list_action (GtkButton    *button,
                BdFormEditor *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "bd-action");
  g_autoptr(GError) error = NULL;

  if (strcmp (action, "add") == 0)
    {
      if (bd_editor_add_project (self->editor, NULL, &error))
        self->project = get_document (self)->projects->len - 1;
    }
  else if (strcmp (action, "duplicate") == 0)
    {
      if (bd_editor_duplicate_project (self->editor, self->project, &error))
        self->project++;
    }
  else if (strcmp (action, "remove") == 0)
    {
      if (bd_editor_remove_project (self->editor, self->project, &error) && self->project > 0)
        self->project--;
    }
  else
    {
      int delta = strcmp (action, "up") == 0 ? -1 : 1;
      if (bd_editor_move_project (self->editor, self->project, delta, &error)
          && (int) self->project + delta >= 0 && self->project + delta < get_document (self)->projects->len)
        self->project += delta;
    }
  bd_form_editor_refresh (self);
  report (self, error);
}

static void
on_framework_changed (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->building)
    bd_editor_set_framework (self->editor, gtk_drop_down_get_selected (dropdown) == 1
                             ? BD_FRAMEWORK_THREE_CATEGORIES : BD_FRAMEWORK_FOUR_CATEGORIES, &error);
}

static void
bd_form_editor_dispose (GObject *object)
{
  BdFormEditor *self = (BdFormEditor *) object;

  g_clear_pointer (&self->paned, gtk_widget_unparent);
  G_OBJECT_CLASS (bd_form_editor_parent_class)->dispose (object);
}

static void
bd_form_editor_finalize (GObject *object)
{
  BdFormEditor *self = (BdFormEditor *) object;

  g_clear_object (&self->editor);
  g_ptr_array_unref (self->text_entries);
  g_ptr_array_unref (self->amount_entries);
  g_array_unref (self->rows);
  g_free (self->structure);
  G_OBJECT_CLASS (bd_form_editor_parent_class)->finalize (object);
}

static void
bd_form_editor_class_init (BdFormEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bd_form_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = bd_form_editor_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bd_form_editor_init (BdFormEditor *self)
{
  self->text_entries = g_ptr_array_new ();
  self->amount_entries = g_ptr_array_new ();
  self->rows = g_array_new (FALSE, TRUE, sizeof (IndicatorRow));
}

GtkWidget *
bd_form_editor_new (BdEditor *editor)
{
  BdFormEditor *self = g_object_new (BD_TYPE_FORM_EDITOR, NULL);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  static const char * const frameworks[] = { "四类一级指标（含成本指标）", "三类一级指标", NULL };
  const struct { const char *action; const char *icon; const char *tip; } actions[] = {
    { "add", "list-add-symbolic", N_("Add a form") },
    { "duplicate", "edit-copy-symbolic", N_("Next year's form from this one") },
    { "remove", "list-remove-symbolic", N_("Remove the form") },
    { "up", "go-up-symbolic", N_("Move up") },
    { "down", "go-down-symbolic", N_("Move down") },
  };

  self->editor = g_object_ref (editor);

  self->projects = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->projects), "navigation-sidebar");
  g_signal_connect (self->projects, "row-selected", G_CALLBACK (on_project_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), GTK_WIDGET (self->projects));
  gtk_widget_set_vexpand (list_scroller, TRUE);
  gtk_widget_add_css_class (buttons, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (actions[i].icon);
      gtk_widget_set_tooltip_text (button, _(actions[i].tip));
      g_object_set_data (G_OBJECT (button), "bd-action", (gpointer) actions[i].action);
      g_signal_connect (button, "clicked", G_CALLBACK (on_list_action), self);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  self->framework = drop_down (frameworks, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->framework), _("The indicator framework of this document's forms"));
  g_signal_connect (self->framework, "notify::selected", G_CALLBACK (on_framework_changed), self);
  gtk_box_append (GTK_BOX (side), list_scroller);
  gtk_box_append (GTK_BOX (side), buttons);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->framework));
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  self->form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (main_box), self->form_box);
  gtk_widget_set_margin_start (main_box, 18);
  gtk_widget_set_margin_end (main_box, 18);
  gtk_widget_set_margin_top (main_box, 12);
  gtk_widget_set_margin_bottom (main_box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), main_box);
  gtk_widget_set_hexpand (scroller, TRUE);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), side);
  gtk_paned_set_end_child (GTK_PANED (self->paned), scroller);
  gtk_paned_set_position (GTK_PANED (self->paned), 220);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  build (self);
  if (self->tree_finding != NULL)
    update_findings (self);
  return GTK_WIDGET (self);
}

void
bd_form_editor_select_project (BdFormEditor *self,
                               guint         index)
{
  self->project = index;
  bd_form_editor_refresh (self);
}

guint
bd_form_editor_get_n_indicator_rows (BdFormEditor *self)
{
  return self->rows->len;
}

const char *
bd_form_editor_get_row_category (BdFormEditor *self,
                                 guint         row,
                                 gboolean      level2)
{
  IndicatorRow *widgets = &g_array_index (self->rows, IndicatorRow, row);
  return drop_down_text (level2 ? widgets->level2 : widgets->level1);
}

const char *
bd_form_editor_get_row_finding (BdFormEditor *self,
                                guint         row)
{
  GtkLabel *label = g_array_index (self->rows, IndicatorRow, row).finding;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

const char *
bd_form_editor_get_tree_finding (BdFormEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->tree_finding)) ? gtk_label_get_text (self->tree_finding) : NULL;
}

gboolean
bd_form_editor_set_target (BdFormEditor *self,
                           guint         row,
                           const char   *op,
                           const char   *value,
                           const char   *unit)
{
  IndicatorRow *widgets = &g_array_index (self->rows, IndicatorRow, row);

  self->building = TRUE;
  for (guint i = 0; operators[i]; i++)
    if (strcmp (operators[i], op) == 0)
      gtk_drop_down_set_selected (widgets->op, i);
  gtk_editable_set_text (GTK_EDITABLE (widgets->value), value);
  gtk_editable_set_text (GTK_EDITABLE (widgets->unit), unit);
  self->building = FALSE;
  return commit_target (self, row);
}

gboolean
bd_form_editor_remove_row (BdFormEditor *self,
                           guint         row)
{
  g_autoptr(GError) error = NULL;

  return bd_editor_remove_indicator (self->editor, self->project, row, &error);
}
