#include <glib/gi18n.h>

#include "bd-form-editor-private.h"
#include "bd-indicator-row.h"
#include "bd-project-item.h"
#include "bd-widget-util.h"


G_DEFINE_FINAL_TYPE (BdFormEditor, bd_form_editor, GTK_TYPE_WIDGET)

#define WIDGET(member) G_STRUCT_OFFSET (BdFormEditor, member)

/* The widget of each field of the form table (bd-project-field.h) that the
 * clerk types in; the period is printed in a heading, not typed. */
static const struct {
  const char *field;
  gsize       widget;
} field_widgets[] = {
  { "name", WIDGET (name) },
  { "nature", WIDGET (nature) },
  { "category", WIDGET (category) },
  { "supervisor", WIDGET (supervisor) },
  { "implementer", WIDGET (implementer) },
  { "start_date", WIDGET (start_date) },
  { "end_date", WIDGET (end_date) },
  { "total_funds", WIDGET (total_funds) },
  { "fiscal_funds", WIDGET (fiscal_funds) },
  { "other_funds", WIDGET (other_funds) },
  { "annual_total", WIDGET (annual_total) },
  { "annual_fiscal", WIDGET (annual_fiscal) },
  { "carryover", WIDGET (carryover) },
  { "annual_other", WIDGET (annual_other) },
  { "overall_goal", WIDGET (overall_goal) },
  { "annual_goal", WIDGET (annual_goal) },
};

/* The field table's index of each entry of field_widgets. */
static guint field_index[G_N_ELEMENTS (field_widgets)];

static BdDocument *
get_document (BdFormEditor *self)
{
  return bd_editor_get_document (self->editor);
}

static BdProject *
get_project (BdFormEditor *self,
             guint         index)
{
  GPtrArray *projects = get_document (self)->projects;
  return index < projects->len ? g_ptr_array_index (projects, index) : NULL;
}

static GtkWidget *
field_widget (BdFormEditor *self,
              guint         w)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[w].widget);
}

static int
field_of_widget (BdFormEditor *self,
                 GtkWidget    *widget)
{
  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    if (field_widget (self, w) == widget)
      return w;
  return -1;
}

/* What a field's widget holds: an entry's or a goal's text, or the nature
 * chosen. */
static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));
      return g_strdup (item ? gtk_string_object_get_string (item) : "");
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  g_autofree char *current = widget_text (widget);

  if (g_strcmp0 (current, text) == 0)
    return;
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        if (strcmp (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
          selected = i;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
field_dirty (BdFormEditor *self,
             guint         w)
{
  g_autofree char *text = widget_text (field_widget (self, w));
  return g_strcmp0 (text, self->shown[field_index[w]]) != 0;
}

/* Sets the field's widget from the form the fields are bound to. */
static void
show_field (BdFormEditor *self,
            guint         w)
{
  const BdProjectField *field = &bd_project_fields[field_index[w]];
  BdProject *project = get_project (self, self->bound);
  char *text = project ? bd_project_field_format (field, project) : g_strdup ("");
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  set_widget_text (field_widget (self, w), text);
  self->syncing = syncing;
  g_free (self->shown[field_index[w]]);
  self->shown[field_index[w]] = text;
}

void
bd_form_editor_show_message (BdFormEditor *self,
                             const GError *error)
{
  gtk_label_set_text (self->message, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), error != NULL);
}

static void
show_refusal (BdFormEditor         *self,
              const BdProjectField *field,
              const GError         *error)
{
  GtkLabel *label = field->kind == BD_PROJECT_FIELD_AMOUNT ? self->funds_finding : self->message;
  g_autofree char *text = g_strdup_printf ("%s: %s", field->label, error->message);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* Stores what the field holds into the form it is bound to. The text is
 * marked as shown before the editor is asked, so that the refresh the change
 * brings does not take it for typing; a refusal marks it typed again. */
static gboolean
commit_field (BdFormEditor *self,
              guint         w)
{
  const BdProjectField *field = &bd_project_fields[field_index[w]];
  GtkWidget *widget = field_widget (self, w);
  g_autoptr(GError) error = NULL;
  char *text, *saved;
  gboolean stored;

  if (self->syncing || self->bound == G_MAXUINT || !field_dirty (self, w))
    return TRUE;
  text = widget_text (widget);
  saved = self->shown[field_index[w]];
  self->shown[field_index[w]] = text;
  stored = bd_editor_set_project_field (self->editor, self->bound, field->name, text, &error);
  if (!stored)
    {
      g_free (self->shown[field_index[w]]);
      self->shown[field_index[w]] = saved;
      gtk_widget_add_css_class (widget, "error");
      show_refusal (self, field, error);
      return FALSE;
    }
  g_free (saved);
  gtk_widget_remove_css_class (widget, "error");
  /* The value as stored: 1000 shows as 1,000.00, also when it did not change. */
  show_field (self, w);
  return TRUE;
}

gboolean
bd_form_editor_commit_pending (BdFormEditor *self)
{
  gboolean stored = TRUE;

  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), FALSE);

  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    stored &= commit_field (self, w);
  for (guint i = 0; i < self->n_rows; i++)
    stored &= bd_indicator_row_commit (g_ptr_array_index (self->rows, i));
  return stored;
}

/* Binding */

/* Binds the fields to the form shown. A field still being typed in keeps
 * its text when the form stays the same; fields bound to another form are
 * stored first, so that no value is carried to another form. */
static void
bind_fields (BdFormEditor *self)
{
  gboolean same = self->bound == self->project;

  if (!same)
    bd_form_editor_commit_pending (self);
  self->bound = self->project;
  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    if (!same || !field_dirty (self, w))
      {
        show_field (self, w);
        gtk_widget_remove_css_class (field_widget (self, w), "error");
      }
}

/* The columns of the indicator rows under their titles. */
static const char * const column_parts[] = { "level1", "level2", "op", "value", "unit", "tools" };

/* One row a indicator of the form shown. Rows beyond them are hidden, not
 * destroyed: switching between a form of eleven indicators and one of none
 * made and destroyed eleven rows each time. */
static void
sync_rows (BdFormEditor *self,
           BdProject    *project)
{
  guint n = project ? project->indicators->len : 0;

  while (self->rows->len < n)
    {
      GtkWidget *row = bd_indicator_row_new (self->editor);

      for (guint c = 0; c < G_N_ELEMENTS (column_parts); c++)
        gtk_size_group_add_widget (self->columns[c], bd_indicator_row_get_part (BD_INDICATOR_ROW (row),
                                                                                column_parts[c]));
      gtk_box_append (self->indicator_box, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (i < n)
        bd_indicator_row_bind (BD_INDICATOR_ROW (row), self->project, i);
      else if (gtk_widget_get_visible (row))
        bd_indicator_row_commit (BD_INDICATOR_ROW (row));
      gtk_widget_set_visible (row, i < n);
    }
  self->n_rows = n;
}

static GtkWidget *
create_project_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *funds = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (funds), 0);
  gtk_widget_add_css_class (funds, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), funds);
  g_object_bind_property (item, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "funds", funds, "label", G_BINDING_SYNC_CREATE);
  return box;
}

/* The list of forms in step with the document: items changed in place,
 * added or removed at the end, so that the rows stay where they are. */
static void
sync_list (BdFormEditor *self)
{
  GPtrArray *projects = get_document (self)->projects;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GtkListBoxRow *row;

  for (guint i = 0; i < projects->len; i++)
    {
      BdProject *project = g_ptr_array_index (projects, i);
      g_autoptr(BdProjectItem) item = i < n_items ? g_list_model_get_item (G_LIST_MODEL (self->items), i)
                                                  : bd_project_item_new ();
      g_autofree char *wan = bd_money_format_wan (project->annual_total, TRUE);
      /* TRANSLATORS: a form of the list carried over from last year, not yet reviewed */
      g_autofree char *funds = project->to_review ? g_strdup_printf (_("%s万元 · to review"), wan)
                                                  : g_strdup_printf ("%s万元", wan);

      bd_project_item_set (item, project->name ? project->name : "", funds);
      if (i >= n_items)
        g_list_store_append (self->items, item);
    }
  if (n_items > projects->len)
    g_list_store_splice (self->items, projects->len, n_items - projects->len, NULL, 0);

  row = gtk_list_box_get_row_at_index (self->projects, self->project);
  if (row != NULL && gtk_list_box_get_selected_row (self->projects) != row)
    gtk_list_box_select_row (self->projects, row);
}

static void
update_add_menu (BdFormEditor *self)
{
  BdFramework framework = get_document (self)->framework;
  g_autoptr(GMenu) menu = NULL;
  guint i = 0;

  if (self->menu_framework == (int) framework)
    return;
  menu = g_menu_new ();
  for (const BdFrameworkEntry *entry = bd_framework_entries (framework); entry->level1; entry++, i++)
    {
      g_autofree char *label = g_strdup_printf ("%s · %s", entry->level1, entry->level2);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "forms.add-indicator", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->add_indicator, G_MENU_MODEL (menu));
  self->menu_framework = framework;
}

void
bd_form_editor_refresh (BdFormEditor *self)
{
  BdDocument *doc;
  BdProject *project;

  g_return_if_fail (BD_IS_FORM_EDITOR (self));

  doc = get_document (self);
  if (self->project >= doc->projects->len && doc->projects->len > 0)
    self->project = doc->projects->len - 1;
  project = get_project (self, self->project);

  self->syncing = TRUE;
  sync_list (self);
  gtk_drop_down_set_selected (self->framework, doc->framework == BD_FRAMEWORK_THREE_CATEGORIES ? 1 : 0);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->body, project ? "form" : "empty");
  if (project != NULL)
    {
      g_autofree char *title = g_strdup_printf ("财政项目支出绩效目标申报表（%d年度）", doc->year);
      g_autofree char *overall = g_strdup_printf ("项目总体目标%s%s%s", project->period ? "（" : "",
                                                  project->period ? project->period : "",
                                                  project->period ? "）" : "");
      gtk_label_set_text (self->title, title);
      gtk_label_set_text (self->overall_heading, overall);
      bind_fields (self);
    }
  else
    self->bound = G_MAXUINT;
  sync_rows (self, project);
  update_add_menu (self);
  bd_form_editor_update_findings (self, project);
  bd_form_editor_update_actions (self);
}

void
bd_form_editor_select_project (BdFormEditor *self,
                               guint         index)
{
  g_return_if_fail (BD_IS_FORM_EDITOR (self));

  /* What was typed goes to the form it was typed for, before the fields
   * show another one; a value refused keeps its form on screen, the reason
   * beside it, as a spreadsheet keeps a cell whose value it refused. */
  if (!bd_form_editor_commit_pending (self))
    {
      self->syncing = TRUE;
      sync_list (self);
      self->syncing = FALSE;
      return;
    }
  self->project = index;
  bd_form_editor_refresh (self);
}

gboolean
bd_form_editor_show_finding (BdFormEditor *self,
                             const char   *form,
                             const char   *about)
{
  GPtrArray *projects;
  BdProject *project = NULL;
  guint index;

  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  projects = get_document (self)->projects;
  for (index = 0; index < projects->len && project == NULL; index++)
    if (g_strcmp0 (((BdProject *) g_ptr_array_index (projects, index))->name, form) == 0)
      project = g_ptr_array_index (projects, index);
  if (project == NULL)
    return FALSE;
  bd_form_editor_select_project (self, --index);
  if (self->project != index)
    return FALSE;
  /* Storing what was typed made new copies of the forms. */
  project = get_project (self, index);
  for (guint i = 0; about != NULL && i < project->indicators->len && i < self->n_rows; i++)
    if (g_strcmp0 (((BdIndicator *) g_ptr_array_index (project->indicators, i))->name, about) == 0)
      {
        bd_indicator_row_focus_name (g_ptr_array_index (self->rows, i));
        return TRUE;
      }
  for (guint w = 0; about != NULL && w < G_N_ELEMENTS (field_widgets); w++)
    if (strcmp (bd_project_fields[field_index[w]].label, about) == 0)
      {
        gtk_widget_grab_focus (field_widget (self, w));
        return TRUE;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->add_indicator));
  return TRUE;
}

/* Callbacks */

static void
on_field_commit (BdFormEditor *self,
                 GtkWidget    *widget)
{
  int w = field_of_widget (self, widget);

  if (w >= 0)
    commit_field (self, w);
}

static void
on_field_leave (GtkEventControllerFocus *focus,
                BdFormEditor            *self)
{
  on_field_commit (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

/* Esc drops what was typed in a field: it shows the stored value again (the
 * way out of a value refused). */
static gboolean
on_field_key (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              BdFormEditor          *self)
{
  int w = field_of_widget (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys)));

  if (keyval != GDK_KEY_Escape || w < 0 || self->bound == G_MAXUINT || !field_dirty (self, w))
    return GDK_EVENT_PROPAGATE;
  show_field (self, w);
  gtk_widget_remove_css_class (field_widget (self, w), "error");
  /* The refusal's reason goes with it; the checker's findings stay. */
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  bd_form_editor_update_findings (self, get_project (self, self->bound));
  return GDK_EVENT_STOP;
}

static void
on_nature_changed (BdFormEditor *self)
{
  on_field_commit (self, GTK_WIDGET (self->nature));
}

static void
on_date_selected (BdFormEditor *self,
                  GtkCalendar  *calendar)
{
  GtkEntry *entry = calendar == self->start_date_calendar ? self->start_date : self->end_date;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (self->syncing)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  on_field_commit (self, GTK_WIDGET (entry));
}

/* The calendar opens on the date the field holds (2024-01-01), not today. */
static void
on_calendar_show (BdFormEditor *self,
                  GtkPopover   *popover)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  GtkEntry *entry = calendar == self->start_date_calendar ? self->start_date : self->end_date;
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (gtk_editable_get_text (GTK_EDITABLE (entry)), "%d-%d-%d", &year, &month, &day) != 3
      || (date = g_date_time_new_local (year, month, day, 0, 0, 0)) == NULL)
    return;
  self->syncing = TRUE;
  gtk_calendar_select_day (calendar, date);
  self->syncing = FALSE;
}

static void
on_project_selected (BdFormEditor  *self,
                     GtkListBoxRow *row)
{
  if (self->syncing || row == NULL || (guint) gtk_list_box_row_get_index (row) == self->project)
    return;
  bd_form_editor_select_project (self, gtk_list_box_row_get_index (row));
}

static void
on_framework_changed (BdFormEditor *self)
{
  g_autoptr(GError) error = NULL;
  BdFramework framework = gtk_drop_down_get_selected (self->framework) == 1 ? BD_FRAMEWORK_THREE_CATEGORIES
                                                                            : BD_FRAMEWORK_FOUR_CATEGORIES;

  if (self->syncing)
    return;
  bd_form_editor_commit_pending (self);
  if (!bd_editor_set_framework (self->editor, framework, &error))
    bd_form_editor_show_message (self, error);
}

/* Lifecycle */

/* Leaving the page or closing the window unmaps the editor: what was typed
 * is stored then, whether or not the field saw its focus go. */
static void
bd_form_editor_unmap (GtkWidget *widget)
{
  bd_form_editor_commit_pending (BD_FORM_EDITOR (widget));
  GTK_WIDGET_CLASS (bd_form_editor_parent_class)->unmap (widget);
}

static void
bd_form_editor_constructed (GObject *object)
{
  G_OBJECT_CLASS (bd_form_editor_parent_class)->constructed (object);
  bd_form_editor_refresh (BD_FORM_EDITOR (object));
}

static void
bd_form_editor_dispose (GObject *object)
{
  BdFormEditor *self = BD_FORM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_FORM_EDITOR);
  g_clear_object (&self->items);
  g_clear_object (&self->editor);
  for (guint c = 0; c < G_N_ELEMENTS (self->columns); c++)
    g_clear_object (&self->columns[c]);
  G_OBJECT_CLASS (bd_form_editor_parent_class)->dispose (object);
}

static void
bd_form_editor_finalize (GObject *object)
{
  BdFormEditor *self = BD_FORM_EDITOR (object);

  g_ptr_array_unref (self->rows);
  for (guint i = 0; i < BD_N_PROJECT_FIELDS; i++)
    g_free (self->shown[i]);
  G_OBJECT_CLASS (bd_form_editor_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  const struct { const char *name; gsize offset; } children[] = {
#define CHILD(member) { #member, WIDGET (member) }
    CHILD (paned), CHILD (projects), CHILD (framework), CHILD (scroller), CHILD (summary), CHILD (message),
    CHILD (body), CHILD (title), CHILD (name), CHILD (category), CHILD (supervisor), CHILD (implementer),
    CHILD (start_date), CHILD (end_date), CHILD (start_date_calendar), CHILD (end_date_calendar), CHILD (nature),
    CHILD (total_funds), CHILD (fiscal_funds), CHILD (other_funds), CHILD (annual_total), CHILD (annual_fiscal),
    CHILD (carryover), CHILD (annual_other), CHILD (funds_finding), CHILD (overall_heading), CHILD (overall_goal),
    CHILD (annual_goal), CHILD (indicator_box), CHILD (tree_finding), CHILD (add_indicator),
    CHILD (title_level1), CHILD (title_level2), CHILD (title_op), CHILD (title_value), CHILD (title_unit),
    CHILD (title_tools), CHILD (review_bar),
#undef CHILD
  };

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-form-editor.ui");
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE, children[i].offset);
  gtk_widget_class_bind_template_callback (widget_class, on_nature_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_show);
  gtk_widget_class_bind_template_callback (widget_class, on_project_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_framework_changed);
}

static void
bd_form_editor_class_init (BdFormEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_form_editor_constructed;
  object_class->dispose = bd_form_editor_dispose;
  object_class->finalize = bd_form_editor_finalize;
  widget_class->unmap = bd_form_editor_unmap;
  bd_widget_install_editor_property (object_class, G_STRUCT_OFFSET (BdFormEditor, editor), FALSE);

  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    {
      const BdProjectField *field = bd_project_field_find (field_widgets[w].field);
      g_assert (field != NULL);
      field_index[w] = field - bd_project_fields;
    }
  g_type_ensure (BD_TYPE_INDICATOR_ROW);
  bind_template (widget_class);
  bd_form_editor_class_init_actions (widget_class);
}

static void
bd_form_editor_init (BdFormEditor *self)
{
  self->bound = G_MAXUINT;
  self->menu_framework = -1;
  self->rows = g_ptr_array_new ();
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
  self->items = g_list_store_new (BD_TYPE_PROJECT_ITEM);
  {
    GtkWidget *titles[] = { self->title_level1, self->title_level2, self->title_op, self->title_value,
                            self->title_unit, self->title_tools };
    G_STATIC_ASSERT (G_N_ELEMENTS (titles) == G_N_ELEMENTS (column_parts));
    for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
      {
        self->columns[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
        gtk_size_group_add_widget (self->columns[c], titles[c]);
      }
  }
  gtk_list_box_bind_model (self->projects, G_LIST_MODEL (self->items), create_project_row, NULL, NULL);

  /* Every typed field stores on Enter and when it loses the focus, and
   * drops what was typed on Esc. */
  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    {
      GtkWidget *widget = field_widget (self, w);
      GtkEventController *focus, *keys;

      if (GTK_IS_DROP_DOWN (widget))
        continue;
      if (GTK_IS_ENTRY (widget))
        g_signal_connect_swapped (widget, "activate", G_CALLBACK (on_field_commit), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), self);
      gtk_widget_add_controller (widget, focus);
      keys = gtk_event_controller_key_new ();
      /* Before the entry's own keys: GtkText does nothing with Esc, a goal
       * would. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_field_key), self);
      gtk_widget_add_controller (widget, keys);
    }
}

GtkWidget *
bd_form_editor_new (BdEditor *editor)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);

  return g_object_new (BD_TYPE_FORM_EDITOR, "editor", editor, NULL);
}

/* For tests */

guint
bd_form_editor_get_n_indicator_rows (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), 0);

  return self->n_rows;
}

static BdIndicatorRow *
get_row (BdFormEditor *self,
         guint         row)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return g_ptr_array_index (self->rows, row);
}

const char *
bd_form_editor_get_row_category (BdFormEditor *self,
                                 guint         row,
                                 gboolean      level2)
{
  BdIndicatorRow *widget = get_row (self, row);
  return widget ? bd_indicator_row_get_level (widget, level2) : NULL;
}

const char *
bd_form_editor_get_row_finding (BdFormEditor *self,
                                guint         row)
{
  BdIndicatorRow *widget = get_row (self, row);
  return widget ? bd_indicator_row_get_finding (widget) : NULL;
}

const char *
bd_form_editor_get_funds_finding (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->funds_finding)) ? gtk_label_get_text (self->funds_finding) : NULL;
}

const char *
bd_form_editor_get_tree_finding (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->tree_finding)) ? gtk_label_get_text (self->tree_finding) : NULL;
}

gboolean
bd_form_editor_set_target (BdFormEditor *self,
                           guint         row,
                           const char   *op,
                           const char   *value,
                           const char   *unit)
{
  BdIndicatorRow *widget = get_row (self, row);
  GtkDropDown *ops;
  GListModel *model;

  if (widget == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (bd_indicator_row_get_part (widget, "value")), value);
  gtk_editable_set_text (GTK_EDITABLE (bd_indicator_row_get_part (widget, "unit")), unit);
  ops = GTK_DROP_DOWN (bd_indicator_row_get_part (widget, "op"));
  model = gtk_drop_down_get_model (ops);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strcmp (gtk_string_list_get_string (GTK_STRING_LIST (model), i), op) == 0)
      gtk_drop_down_set_selected (ops, i);
  return bd_indicator_row_commit (widget);
}

gboolean
bd_form_editor_remove_row (BdFormEditor *self,
                           guint         row)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), FALSE);

  return bd_editor_remove_indicator (self->editor, self->project, row, &error);
}

GtkWidget *
bd_form_editor_get_field_widget (BdFormEditor *self,
                                 const char   *field)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);

  for (guint w = 0; w < G_N_ELEMENTS (field_widgets); w++)
    if (strcmp (field_widgets[w].field, field) == 0)
      return field_widget (self, w);
  return NULL;
}

GtkWidget *
bd_form_editor_get_indicator_widget (BdFormEditor *self,
                                     guint         row,
                                     const char   *part)
{
  BdIndicatorRow *widget = get_row (self, row);
  return widget ? bd_indicator_row_get_part (widget, part) : NULL;
}

GtkListBox *
bd_form_editor_get_project_list (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);

  return self->projects;
}

GtkMenuButton *
bd_form_editor_get_add_indicator_button (BdFormEditor *self)
{
  g_return_val_if_fail (BD_IS_FORM_EDITOR (self), NULL);

  return self->add_indicator;
}
