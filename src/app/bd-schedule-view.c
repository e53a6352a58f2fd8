#include <glib/gi18n.h>

#include "bd-catalog.h"
#include "bd-grid.h"
#include "bd-schedule-view.h"

struct _BdScheduleView
{
  GtkWidget    parent_instance;

  BdEditor    *editor;
  guint        number;
  BdTableView *table;
  BdTableView *income_table;

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkLabel    *department_label;
  GtkLabel    *unit_label;
  GtkWidget   *row_tools;
  GtkEntry    *code_entry;
  GtkLabel    *row_message;
  GtkLabel    *income_label;
  GtkWidget   *income_box;
  GtkLabel    *band_label;
  GtkWidget   *rows_box;
  GtkLabel    *note_label;
  GtkCheckButton *carry_check;
  gboolean     showing_carry;   /* the check follows the document: no edit then */
  GtkWidget   *heading;
  GtkWidget   *fill_bar;
  GtkLabel    *fill_label;
  char        *fill_code;     /* the 项 the bar offers to fill schedules 2 and 5 with */
  gboolean     has_findings;
  guint        findings_signature;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BdScheduleView, bd_schedule_view, GTK_TYPE_WIDGET)

enum { COMPLETION_CODE, COMPLETION_TEXT, N_COMPLETION_COLUMNS };

static BdSchedule *
get_schedule (BdScheduleView *self)
{
  return bd_document_get_schedule (bd_editor_get_document (self->editor), self->number);
}

static void
update_labels (BdScheduleView *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);
  BdSchedule *schedule = get_schedule (self);
  g_autofree char *title = bd_document_schedule_title (doc, self->number);
  g_autofree char *department = g_strdup_printf ("%s：%s", bd_document_maker_label (doc), doc->department);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->department_label, department);
  gtk_label_set_text (self->unit_label, schedule->def->unit == BD_UNIT_WAN ? "单位：万元" : "单位：元");
  gtk_label_set_text (self->note_label, schedule->note ? schedule->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), schedule->note != NULL);
  self->showing_carry = TRUE;
  gtk_check_button_set_active (self->carry_check, schedule->carryover != NULL);
  self->showing_carry = FALSE;
}

static void
on_carry_toggled (BdScheduleView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean wanted = gtk_check_button_get_active (self->carry_check);

  if (self->showing_carry)
    return;
  if (!bd_editor_set_carryover (self->editor, self->number, wanted, &error))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->carry_check), error->message);
      update_labels (self);
    }
}

gboolean
bd_schedule_view_add_row (BdScheduleView *self,
                          const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (code));

  /* "2080505 机关事业单位…" as the completion shows it: the code is the first word. */
  trimmed[strcspn (trimmed, " \t")] = '\0';
  if (!bd_editor_add_row (self->editor, self->number, trimmed, NULL, &error))
    {
      gtk_label_set_text (self->row_message, error->message);
      return FALSE;
    }
  gtk_label_set_text (self->row_message, "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  bd_table_view_select (self->table, trimmed, NULL);
  return TRUE;
}

static void
on_code_activate (BdScheduleView *self)
{
  bd_schedule_view_add_row (self, gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
}

static void
on_remove_clicked (BdScheduleView *self)
{
  BdSchedule *schedule = get_schedule (self);
  g_autoptr(GError) error = NULL;
  guint position;
  BdRow *row;

  bd_table_view_get_current (self->table, &position, NULL);
  if (position >= schedule->rows->len)
    return;
  row = g_ptr_array_index (schedule->rows, position);
  if (!bd_editor_remove_row (self->editor, self->number, row->code, &error))
    gtk_label_set_text (self->row_message, error->message);
  else
    gtk_label_set_text (self->row_message, "");
}

/* Issue 14: a 项 typed in schedule 3 that 一般公共预算 alone finances fills
 * schedules 2 and 5 at a click; the editor says when that is on offer. */
static void
update_fill_offer (BdScheduleView *self)
{
  BdRow *row;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->fill_code, g_free);
  if (self->number == 3)
    self->fill_code = bd_editor_dup_fill_offer (self->editor);
  gtk_widget_set_visible (self->fill_bar, self->fill_code != NULL);
  /* The bar lies over the heading: what it leaves uncovered is hidden
   * too, without a change of layout. */
  gtk_widget_set_opacity (self->heading, self->fill_code != NULL ? 0.0 : 1.0);
  if (self->fill_code == NULL)
    return;
  row = bd_schedule_find_row (get_schedule (self), self->fill_code);
  text = g_strdup_printf (_("Is %s %s financed by 一般公共预算 alone? Schedules 2 and 5 can take its figures."),
                          row->code, row->name);
  gtk_label_set_text (self->fill_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fill_label), text);
}

const char *
bd_schedule_view_get_fill_offer (BdScheduleView *self)
{
  g_return_val_if_fail (BD_IS_SCHEDULE_VIEW (self), NULL);
  return self->fill_code;
}

gboolean
bd_schedule_view_accept_fill_offer (BdScheduleView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gboolean ok;

  g_return_val_if_fail (BD_IS_SCHEDULE_VIEW (self), FALSE);

  code = g_strdup (self->fill_code);
  ok = code != NULL && bd_editor_fill_from_expenditure (self->editor, code, &error);
  if (error != NULL)
    gtk_label_set_text (self->row_message, error->message);
  update_fill_offer (self);
  return ok;
}

static void
on_fill_clicked (BdScheduleView *self)
{
  bd_schedule_view_accept_fill_offer (self);
}

static gboolean
on_completion_match_selected (GtkEntryCompletion *completion,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              BdScheduleView     *self)
{
  g_autofree char *code = NULL;

  gtk_tree_model_get (model, iter, COMPLETION_CODE, &code, -1);
  bd_schedule_view_add_row (self, code);
  return TRUE;
}

static gboolean
completion_matches (GtkEntryCompletion *completion,
                    const char         *key,
                    GtkTreeIter        *iter,
                    gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *text = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (gtk_entry_completion_get_entry (completion)));

  gtk_tree_model_get (model, iter, COMPLETION_TEXT, &text, -1);
  return *typed && (g_str_has_prefix (text, typed) || strstr (text, typed) != NULL);
}

/* Completion from the catalog: the leaf codes this schedule takes. */
static void
set_up_completion (BdScheduleView *self)
{
  const BdScheduleDef *def = get_schedule (self)->def;
  BdClassification classification = def->row_kind == BD_ROWS_ECONOMIC ? BD_CLASSIFICATION_ECONOMIC
                                                                       : BD_CLASSIFICATION_FUNCTION;
  gsize leaf_length = def->row_kind == BD_ROWS_ECONOMIC ? 5 : 7;
  g_autoptr(GPtrArray) entries = bd_catalog_complete (bd_catalog_get_default (), classification, "", 0);
  g_autoptr(GtkListStore) store = gtk_list_store_new (N_COMPLETION_COLUMNS, G_TYPE_STRING, G_TYPE_STRING);
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *text = g_strdup_printf ("%s %s", entry->code, entry->name);

      if (strlen (entry->code) == leaf_length)
        gtk_list_store_insert_with_values (store, NULL, -1, COMPLETION_CODE, entry->code, COMPLETION_TEXT, text, -1);
    }
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, COMPLETION_TEXT);
  gtk_entry_completion_set_match_func (completion, completion_matches, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect (completion, "match-selected", G_CALLBACK (on_completion_match_selected), self);
  gtk_entry_set_completion (self->code_entry, completion);
}

/* Each column of schedule 9 this wide, on screen as in its merged header. */
#define MERGED_COLUMN_WIDTH 132

/* Schedule 9's header as printed: the bands over 三公 and 机关运行经费,
 * 公务用车购置及运行费 over 小计 | 购置费 | 运行费, read from the grid the
 * pages and the workbook print. */
static GtkWidget *
merged_header (BdScheduleView *self)
{
  g_autoptr(BdGrid) grid = bd_grid_new_for_schedule (bd_editor_get_document (self->editor), self->number);
  GtkWidget *header = gtk_grid_new ();

  gtk_grid_set_column_homogeneous (GTK_GRID (header), TRUE);
  gtk_widget_set_halign (header, GTK_ALIGN_START);
  gtk_widget_set_size_request (header, MERGED_COLUMN_WIDTH * grid->n_columns, -1);
  gtk_widget_add_css_class (header, "merged-header");
  for (guint r = 0; r < grid->n_header_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        BdGridCell *cell = bd_grid_cell (grid, r, c);
        GtkWidget *label;

        if (cell->text == NULL || cell->col_span == 0)
          continue;
        label = gtk_label_new (cell->text);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        /* Narrow at heart: the columns are the table's, the text wraps. */
        gtk_label_set_max_width_chars (GTK_LABEL (label), 4);
        gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
        gtk_widget_add_css_class (label, "merged-header-cell");
        gtk_grid_attach (GTK_GRID (header), label, c, r, cell->col_span, MAX (cell->row_span, 1));
      }
  return header;
}

static void
bd_schedule_view_constructed (GObject *object)
{
  BdScheduleView *self = (BdScheduleView *) object;
  BdDocument *doc = bd_editor_get_document (self->editor);
  const BdScheduleDef *def = get_schedule (self)->def;
  g_autofree char *band = NULL;

  G_OBJECT_CLASS (bd_schedule_view_parent_class)->constructed (object);

  self->table = BD_TABLE_VIEW (bd_table_view_new (self->editor, self->number, BD_TABLE_ROWS));
  gtk_widget_set_vexpand (GTK_WIDGET (self->table), TRUE);
  gtk_box_append (GTK_BOX (self->rows_box), GTK_WIDGET (self->table));

  if (def->row_kind == BD_ROWS_BALANCE)
    {
      self->income_table = BD_TABLE_VIEW (bd_table_view_new (self->editor, self->number, BD_TABLE_INCOME));
      /* Income beside expenditure, as the published table has them. */
      gtk_widget_set_vexpand (GTK_WIDGET (self->income_table), TRUE);
      gtk_box_append (GTK_BOX (self->income_box), GTK_WIDGET (self->income_table));
      gtk_label_set_text (self->income_label, def->income_header);
      gtk_widget_set_visible (self->income_box, TRUE);
      band = g_strdup (def->expense_header);
    }
  else if (bd_schedule_def_has_groups (def))
    {
      /* The bands are in the header, merged as on paper. */
      GtkWidget *header = merged_header (self);

      bd_table_view_use_outside_header (self->table, MERGED_COLUMN_WIDTH);
      gtk_widget_set_halign (GTK_WIDGET (self->table), GTK_ALIGN_START);
      gtk_widget_set_size_request (GTK_WIDGET (self->table), MERGED_COLUMN_WIDTH * def->n_columns + 2, -1);
      gtk_box_insert_child_after (GTK_BOX (self->rows_box), header, GTK_WIDGET (self->band_label));
      gtk_widget_set_visible (GTK_WIDGET (self->band_label), FALSE);
    }
  else if (def->row_kind == BD_ROWS_SINGLE)
    band = g_strdup_printf ("%d年“三公”经费预算数 · %d年机关运行经费预算数", doc->year, doc->year);
  else
    band = g_strdup (def->header_group);
  gtk_label_set_text (self->band_label, band ? band : "");

  gtk_widget_set_visible (self->row_tools, def->row_kind == BD_ROWS_FUNCTION || def->row_kind == BD_ROWS_ECONOMIC);
  gtk_widget_set_visible (GTK_WIDGET (self->carry_check), def->row_kind == BD_ROWS_BALANCE);
  if (def->row_kind == BD_ROWS_ECONOMIC)
    gtk_entry_set_placeholder_text (self->code_entry, _("Type a code to add a row, such as 30201"));
  if (gtk_widget_get_visible (self->row_tools))
    set_up_completion (self);

  update_labels (self);
}

static void
bd_schedule_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BdScheduleView *self = BD_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_schedule_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BdScheduleView *self = BD_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_schedule_view_dispose (GObject *object)
{
  BdScheduleView *self = (BdScheduleView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_SCHEDULE_VIEW);
  G_OBJECT_CLASS (bd_schedule_view_parent_class)->dispose (object);
}

static void
bd_schedule_view_finalize (GObject *object)
{
  BdScheduleView *self = (BdScheduleView *) object;

  g_free (self->fill_code);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_schedule_view_parent_class)->finalize (object);
}

static void
bd_schedule_view_class_init (BdScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_schedule_view_constructed;
  object_class->get_property = bd_schedule_view_get_property;
  object_class->set_property = bd_schedule_view_set_property;
  object_class->dispose = bd_schedule_view_dispose;
  object_class->finalize = bd_schedule_view_finalize;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, BD_TYPE_EDITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, BD_N_SCHEDULES, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, box);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, department_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, unit_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, row_tools);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, code_entry);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, row_message);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, income_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, income_box);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, band_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, rows_box);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, note_label);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, carry_check);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, heading);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, fill_bar);
  gtk_widget_class_bind_template_child (widget_class, BdScheduleView, fill_label);
  gtk_widget_class_bind_template_callback (widget_class, on_code_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fill_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_carry_toggled);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bd_schedule_view_init (BdScheduleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bd_schedule_view_new (BdEditor *editor,
                      guint     number)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);
  g_return_val_if_fail (number >= 1 && number <= BD_N_SCHEDULES, NULL);

  return g_object_new (BD_TYPE_SCHEDULE_VIEW, "editor", editor, "number", number, NULL);
}

guint
bd_schedule_view_get_number (BdScheduleView *self)
{
  return self->number;
}

BdTableView *
bd_schedule_view_get_table (BdScheduleView *self)
{
  return self->table;
}

BdTableView *
bd_schedule_view_get_income_table (BdScheduleView *self)
{
  return self->income_table;
}

void
bd_schedule_view_refresh (BdScheduleView *self,
                          gboolean        rows_changed)
{
  update_labels (self);
  update_fill_offer (self);
  bd_table_view_refresh (self->table, rows_changed);
  if (self->income_table != NULL)
    bd_table_view_refresh (self->income_table, rows_changed);
}

void
bd_schedule_view_set_findings (BdScheduleView *self,
                               GPtrArray      *findings,
                               guint           signature)
{
  g_autoptr(GHashTable) marks = NULL;
  BdPart part = BD_PART_SCHEDULE_1 + self->number - 1;

  /* Restyling every visible cell is what costs: the same findings as
   * before leave the cells as they are. */
  if (self->has_findings && signature == self->findings_signature)
    return;
  self->has_findings = TRUE;
  self->findings_signature = signature;

  marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bd_mark_free);
  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);
      char *key;
      BdMark *mark;

      if (finding->part != part)
        continue;
      key = g_strdup_printf ("%s\t%s", finding->row ? finding->row : "", finding->column ? finding->column : "");
      /* Errors come first: they win over warnings on the same cell. */
      if (g_hash_table_contains (marks, key))
        {
          g_free (key);
          continue;
        }
      mark = g_new0 (BdMark, 1);
      mark->severity = finding->severity;
      mark->tooltip = finding->expected ? g_strdup_printf (_("%s\nExpected %s."), finding->message, finding->expected)
                                        : g_strdup (finding->message);
      g_hash_table_insert (marks, key, mark);
    }
  bd_table_view_set_marks (self->table, marks);
  if (self->income_table != NULL)
    bd_table_view_set_marks (self->income_table, marks);
}

void
bd_schedule_view_select (BdScheduleView *self,
                         const char     *row,
                         const char     *column)
{
  if (self->income_table != NULL && bd_table_view_select (self->income_table, row, column))
    return;
  bd_table_view_select (self->table, row, column);
}


gboolean
bd_schedule_view_commit_pending (BdScheduleView *self)
{
  gboolean stored = TRUE;

  g_return_val_if_fail (BD_IS_SCHEDULE_VIEW (self), FALSE);

  if (bd_table_view_is_editing (self->table))
    stored &= bd_table_view_commit (self->table, BD_MOVE_NONE);
  if (self->income_table != NULL && bd_table_view_is_editing (self->income_table))
    stored &= bd_table_view_commit (self->income_table, BD_MOVE_NONE);
  return stored;
}
