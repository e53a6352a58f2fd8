#include <glib/gi18n.h>

#include "bd-format.h"
#include "bd-tooltip.h"
#include "bd-row-item.h"
#include "bd-table-view-private.h"

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_SCHEDULE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BdTableView, bd_table_view, GTK_TYPE_WIDGET)


BdSchedule *
_bd_table_view_get_schedule (BdTableView *self)
{
  return bd_document_get_schedule (bd_editor_get_document (self->editor), self->schedule);
}

BdRowItem *
_bd_table_view_item_at (BdTableView *self,
                        guint        position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->rows), position);
}

guint
_bd_table_view_schedule_column (BdTableView *self,
                                guint        index)
{
  return self->kind == BD_TABLE_INCOME ? 0 : index;
}

static const char *
column_name (BdTableView *self,
             guint        index)
{
  return self->kind == BD_TABLE_INCOME ? "预算数" : _bd_table_view_get_schedule (self)->def->columns[index].name;
}

gboolean
_bd_table_view_column_is_entered (BdTableView *self,
                                  guint        index)
{
  return self->kind == BD_TABLE_INCOME || bd_schedule_def_is_entered (_bd_table_view_get_schedule (self)->def, index);
}

/* Rendering */

char *
_bd_table_view_cell_text (BdTableView      *self,
                          BdRowItem        *item,
                          const ColumnSpec *spec)
{
  BdRow *row = bd_row_item_get_row (item);
  BdRowItemKind kind = bd_row_item_get_kind (item);
  gboolean code = row->code && g_ascii_isdigit (row->code[0]);
  gsize length = row->code ? strlen (row->code) : 0;

  switch (spec->role)
    {
    case ROLE_LEI:
      if (kind == BD_ROW_ITEM_TOTAL || kind == BD_ROW_ITEM_CARRY)
        return g_strdup (row->name);
      return code ? g_strndup (row->code, 3) : g_strdup ("");
    case ROLE_KUAN:
      return code && length > 3 ? g_strndup (row->code + 3, 2) : g_strdup ("");
    case ROLE_XIANG:
      return code && length > 5 ? g_strndup (row->code + 5, 2) : g_strdup ("");
    case ROLE_NAME:
      if (kind == BD_ROW_ITEM_TOTAL || (kind == BD_ROW_ITEM_CARRY && self->kind != BD_TABLE_INCOME))
        return g_strdup ("");
      if (_bd_table_view_get_schedule (self)->def->row_kind == BD_ROWS_BALANCE && kind == BD_ROW_ITEM_ROW)
        {
          g_autofree char *numeral = bd_chinese_numeral (bd_row_item_get_ordinal (item));
          return g_strdup_printf ("%s、%s", numeral, row->name);
        }
      return g_strdup (row->name);
    case ROLE_AMOUNT:
    default:
      return bd_money_format_unit (row->values[spec->amount], _bd_table_view_get_schedule (self)->def->unit);
    }
}

void
bd_mark_free (BdMark *mark)
{
  g_free (mark->tooltip);
  g_free (mark);
}

static const BdMark *
mark_for (BdTableView *self,
          BdRowItem   *item,
          const char  *column)
{
  g_autofree char *key = NULL;

  if (self->marks == NULL)
    return NULL;
  key = g_strdup_printf ("%s\t%s", bd_row_item_get_label (item), column ? column : "");
  return g_hash_table_lookup (self->marks, key);
}

/* Style changes restyle the widget: make only those that change something. */
static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    wanted)
{
  if (wanted == gtk_widget_has_css_class (widget, name))
    return;
  if (wanted)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
render (BdTableView      *self,
        GtkLabel         *label,
        BdRowItem        *item,
        const ColumnSpec *spec,
        guint             position)
{
  g_autofree char *text = _bd_table_view_cell_text (self, item, spec);
  GtkWidget *widget = GTK_WIDGET (label);
  BdRow *row = bd_row_item_get_row (item);
  BdRowItemKind kind = bd_row_item_get_kind (item);
  const BdMark *finding = NULL;
  const char *tooltip;
  guint amount = spec->role == ROLE_AMOUNT ? (self->kind == BD_TABLE_INCOME ? 0 : spec->amount) : 0;

  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);

  set_class (widget, "total", kind == BD_ROW_ITEM_TOTAL || kind == BD_ROW_ITEM_INCOME_TOTAL);
  set_class (widget, "subtotal", !row->is_leaf && kind == BD_ROW_ITEM_ROW);

  if (spec->role == ROLE_AMOUNT)
    {
      guint top, left, bottom, right;

      bd_table_view_get_range (self, &top, &left, &bottom, &right);
      set_class (widget, "selected-cell", (top != bottom || left != right) && position >= top && position <= bottom
                                          && amount >= left && amount <= right);
      set_class (widget, "computed", !bd_row_item_is_editable (item) || !_bd_table_view_column_is_entered (self, amount));
      set_class (widget, "current-cell", position == self->current_position && amount == self->current_column);
      finding = mark_for (self, item, column_name (self, amount));
    }
  else if (spec->role == ROLE_NAME || (spec->role == ROLE_LEI && (kind == BD_ROW_ITEM_TOTAL || kind == BD_ROW_ITEM_CARRY)))
    finding = mark_for (self, item, NULL);

  set_class (widget, "finding-error", finding != NULL && finding->severity == BD_SEVERITY_ERROR);
  set_class (widget, "finding-warning", finding != NULL && finding->severity != BD_SEVERITY_ERROR);
  tooltip = finding ? finding->tooltip : spec->role == ROLE_NAME && *text ? text : NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) != 0)
    gtk_widget_set_tooltip_text (widget, tooltip);
}

static void
refresh_visible (BdTableView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->visible);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint packed = GPOINTER_TO_UINT (key) - 1;
      guint position = packed / 16;
      const ColumnSpec *spec = g_object_get_data (value, "bd-spec");
      g_autoptr(BdRowItem) item = position < g_list_model_get_n_items (G_LIST_MODEL (self->rows))
        ? _bd_table_view_item_at (self, position) : NULL;

      if (item != NULL)
        render (self, value, item, spec, position);
    }
}

/* Cells */

static void
on_cell_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkLabel        *label)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (label), "bd-spec");
  BdTableView *self = spec->view;
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "bd-position"));

  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (bd_table_view_is_editing (self) && !bd_table_view_commit (self, BD_MOVE_NONE))
    return;
  /* Shift+click: the range from the current cell to this one. */
  _bd_table_view_set_current (self, position, self->kind == BD_TABLE_INCOME ? 0 : spec->amount,
                              (state & GDK_SHIFT_MASK) != 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (n_press == 2)
    {
      g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, position);
      BdRow *row = bd_row_item_get_row (item);
      g_autofree char *plain = bd_money_format_plain (row->values[_bd_table_view_schedule_column (self, self->current_column)]);
      bd_table_view_begin_edit (self, plain);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnSpec               *spec)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), spec->role == ROLE_AMOUNT ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "cell");
  bd_tooltip_attach (label);
  /* Names give way to the figures when the window is narrow (schedule 4
   * at 1366 pixels); the whole name is in the tooltip. */
  if (spec->role == ROLE_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  if (spec->role == ROLE_AMOUNT)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_widget_add_css_class (label, "amount");
      gtk_widget_add_css_class (label, "numeric");
      g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed), label);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
    }
  g_object_set_data (G_OBJECT (label), "bd-spec", spec);
  gtk_list_item_set_child (list_item, label);
}

/* Where an amount label on screen is found in self->visible: its row and
 * figure column (the income table's one figure is column 0). */
static gpointer
visible_key (BdTableView *self,
             ColumnSpec  *spec,
             guint        position)
{
  return CELL_KEY (position, self->kind == BD_TABLE_INCOME ? 0 : spec->amount);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnSpec               *spec)
{
  BdTableView *self = spec->view;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint position = gtk_list_item_get_position (list_item);

  g_object_set_data (G_OBJECT (label), "bd-position", GUINT_TO_POINTER (position));
  render (self, GTK_LABEL (label), gtk_list_item_get_item (list_item), spec, position);
  if (spec->role == ROLE_AMOUNT)
    g_hash_table_insert (self->visible, visible_key (self, spec, position), label);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnSpec               *spec)
{
  BdTableView *self = spec->view;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "bd-position"));
  gpointer key = visible_key (self, spec, position);

  if (spec->role == ROLE_AMOUNT && g_hash_table_lookup (self->visible, key) == label)
    g_hash_table_remove (self->visible, key);
}

static void
add_column (BdTableView *self,
            const char  *title,
            Role         role,
            guint        amount,
            gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnSpec *spec = g_new0 (ColumnSpec, 1);
  GtkColumnViewColumn *column;

  spec->view = self;
  spec->role = role;
  spec->amount = amount;
  if (role != ROLE_AMOUNT && self->n_lead < G_N_ELEMENTS (self->lead_roles))
    self->lead_roles[self->n_lead++] = role;
  g_object_set_data_full (G_OBJECT (factory), "bd-spec", spec, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), spec);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
add_columns (BdTableView *self)
{
  const BdScheduleDef *def = _bd_table_view_get_schedule (self)->def;

  if (self->kind == BD_TABLE_INCOME)
    {
      add_column (self, "项目", ROLE_NAME, 0, TRUE);
      add_column (self, "预算数", ROLE_AMOUNT, 0, FALSE);
      self->n_amounts = 1;
      return;
    }

  switch (def->row_kind)
    {
    case BD_ROWS_FUNCTION:
      add_column (self, "类", ROLE_LEI, 0, FALSE);
      add_column (self, "款", ROLE_KUAN, 0, FALSE);
      add_column (self, "项", ROLE_XIANG, 0, FALSE);
      add_column (self, "功能分类科目名称", ROLE_NAME, 0, TRUE);
      break;
    case BD_ROWS_ECONOMIC:
      add_column (self, "类", ROLE_LEI, 0, FALSE);
      add_column (self, "款", ROLE_KUAN, 0, FALSE);
      add_column (self, "经济分类科目名称", ROLE_NAME, 0, TRUE);
      break;
    case BD_ROWS_BALANCE:
      add_column (self, "类", ROLE_LEI, 0, FALSE);
      add_column (self, "项目", ROLE_NAME, 0, TRUE);
      break;
    case BD_ROWS_SINGLE:
    default:
      break;
    }

  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *title = def->columns[c].group
        ? g_strdup_printf ("%s\n%s", def->columns[c].group, def->columns[c].name)
        : g_strdup (def->columns[c].name);
      add_column (self, title, ROLE_AMOUNT, c, def->row_kind == BD_ROWS_SINGLE);
    }
  self->n_amounts = def->n_columns;
}

static void
fill_rows (BdTableView *self)
{
  BdSchedule *schedule = _bd_table_view_get_schedule (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->kind == BD_TABLE_INCOME)
    {
      for (guint i = 0; i < schedule->income->len; i++)
        g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_INCOME, g_ptr_array_index (schedule->income, i), i + 1));
      g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_INCOME_TOTAL, schedule->income_total, 0));
      if (schedule->carryover != NULL)
        {
          g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_CARRY, schedule->carryover, 0));
          g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_INCOME_TOTAL, schedule->income_grand, 0));
        }
    }
  else
    {
      for (guint i = 0; i < schedule->rows->len; i++)
        g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_ROW, g_ptr_array_index (schedule->rows, i), i + 1));
      if (schedule->total != NULL)
        g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_TOTAL, schedule->total, 0));
      if (schedule->carryover != NULL)
        {
          g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_CARRY, schedule->carry_forward, 0));
          g_ptr_array_add (items, bd_row_item_new (BD_ROW_ITEM_TOTAL, schedule->expense_grand, 0));
        }
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

/* The current cell */

void
_bd_table_view_set_current (BdTableView *self,
                            guint        position,
                            guint        column,
                            gboolean     extend)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (n_rows == 0 || self->n_amounts == 0)
    return;
  self->current_position = MIN (position, n_rows - 1);
  self->current_column = MIN (column, self->n_amounts - 1);
  if (!extend)
    {
      self->anchor_position = self->current_position;
      self->anchor_column = self->current_column;
    }
  /* A hint about the cell left ("computed", a refused paste) goes with it;
   * a refused value being typed keeps its reason in sight. */
  if (!bd_table_view_is_editing (self))
    _bd_table_view_hide_error (self);
  refresh_visible (self);
  _bd_table_view_scroll_to_current (self);
}

void
bd_table_view_set_current (BdTableView *self,
                           guint        position,
                           guint        column)
{
  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  _bd_table_view_set_current (self, position, column, FALSE);
}

void
bd_table_view_get_current (BdTableView *self,
                           guint       *position,
                           guint       *column)
{
  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  if (position)
    *position = self->current_position;
  if (column)
    *column = self->current_column;
}

void
bd_table_view_get_range (BdTableView *self,
                         guint       *top,
                         guint       *left,
                         guint       *bottom,
                         guint       *right)
{
  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  *top = MIN (self->anchor_position, self->current_position);
  *bottom = MAX (self->anchor_position, self->current_position);
  *left = MIN (self->anchor_column, self->current_column);
  *right = MAX (self->anchor_column, self->current_column);
}

static void
move_to (BdTableView *self,
         BdMove       move,
         gboolean     extend)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint position = self->current_position;
  guint column = self->current_column;
  guint last_column = self->n_amounts ? self->n_amounts - 1 : 0;

  switch (move)
    {
    case BD_MOVE_DOWN: position++; break;
    case BD_MOVE_UP: position = position ? position - 1 : 0; break;
    case BD_MOVE_RIGHT: column = MIN (column + 1, last_column); break;
    case BD_MOVE_LEFT: column = column ? column - 1 : 0; break;
    case BD_MOVE_PAGE_DOWN: position += _bd_table_view_page_rows (self); break;
    case BD_MOVE_PAGE_UP: position -= MIN (position, _bd_table_view_page_rows (self)); break;
    case BD_MOVE_HOME: column = 0; break;
    case BD_MOVE_END: column = last_column; break;
    case BD_MOVE_FIRST: position = 0; column = 0; break;
    case BD_MOVE_LAST: position = n_rows ? n_rows - 1 : 0; column = last_column; break;
    case BD_MOVE_NONE:
    default:
      break;
    }
  _bd_table_view_set_current (self, position, column, extend);
}

void
bd_table_view_move (BdTableView *self,
                    BdMove       move)
{
  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  move_to (self, move, FALSE);
}

void
bd_table_view_extend (BdTableView *self,
                      BdMove       move)
{
  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  move_to (self, move, TRUE);
}

void
bd_table_view_select_all (BdTableView *self)
{
  guint n_rows;

  g_return_if_fail (BD_IS_TABLE_VIEW (self));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n_rows == 0 || self->n_amounts == 0)
    return;
  /* The current cell goes to the first; the range covers the table. */
  _bd_table_view_set_current (self, 0, 0, FALSE);
  self->anchor_position = n_rows - 1;
  self->anchor_column = self->n_amounts - 1;
  refresh_visible (self);
}

gboolean
bd_table_view_select (BdTableView *self,
                      const char  *row,
                      const char  *column)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint target_column = 0;

  /* Without a column, the first one the clerk types in. */
  while (column == NULL && target_column + 1 < self->n_amounts && !_bd_table_view_column_is_entered (self, target_column))
    target_column++;
  for (guint c = 0; column && c < self->n_amounts; c++)
    if (strcmp (column_name (self, c), column) == 0)
      target_column = c;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, i);
      if (row == NULL || g_strcmp0 (bd_row_item_get_label (item), row) == 0)
        {
          bd_table_view_set_current (self, i, target_column);
          gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
          return TRUE;
        }
    }
  return FALSE;
}

void
bd_table_view_use_outside_header (BdTableView *self,
                                  int          width)
{
  GListModel *columns;
  GtkWidget *header;

  g_return_if_fail (BD_IS_TABLE_VIEW (self));

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      gtk_column_view_column_set_fixed_width (column, width);
      gtk_column_view_column_set_resizable (column, FALSE);
      gtk_column_view_column_set_expand (column, FALSE);
    }
  /* GTK 4.8 has no switch for the titles: the column view's first child is
   * its header row. */
  header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  if (header != NULL && g_strcmp0 (gtk_widget_get_css_name (header), "header") == 0)
    gtk_widget_set_visible (header, FALSE);
}

GtkWidget *
bd_table_view_get_grid (BdTableView *self)
{
  g_return_val_if_fail (BD_IS_TABLE_VIEW (self), NULL);
  return GTK_WIDGET (self->column_view);
}

char *
bd_table_view_dup_cell_text (BdTableView *self,
                             guint        position,
                             guint        column)
{
  g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, position);
  ColumnSpec spec = { self, ROLE_AMOUNT, _bd_table_view_schedule_column (self, column) };

  return _bd_table_view_cell_text (self, item, &spec);
}

/* Keys */

/* GObject */

static void
bd_table_view_constructed (GObject *object)
{
  BdTableView *self = (BdTableView *) object;

  G_OBJECT_CLASS (bd_table_view_parent_class)->constructed (object);

  add_columns (self);
  fill_rows (self);
}

static void
bd_table_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BdTableView *self = BD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_SCHEDULE:
      g_value_set_uint (value, self->schedule);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_table_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BdTableView *self = BD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    case PROP_SCHEDULE:
      self->schedule = g_value_get_uint (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_table_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BD_TYPE_TABLE_VIEW);
  G_OBJECT_CLASS (bd_table_view_parent_class)->dispose (object);
}

static void
bd_table_view_finalize (GObject *object)
{
  BdTableView *self = (BdTableView *) object;

  g_clear_object (&self->editor);
  g_hash_table_unref (self->visible);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_free (self->error);
  g_free (self->edit_code);
  G_OBJECT_CLASS (bd_table_view_parent_class)->finalize (object);
}

static void
bd_table_view_class_init (BdTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_table_view_constructed;
  object_class->get_property = bd_table_view_get_property;
  object_class->set_property = bd_table_view_set_property;
  object_class->dispose = bd_table_view_dispose;
  object_class->finalize = bd_table_view_finalize;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, BD_TYPE_EDITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULE] =
    g_param_spec_uint ("schedule", NULL, NULL, 1, BD_N_SCHEDULES, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, BD_TABLE_ROWS, BD_TABLE_INCOME, BD_TABLE_ROWS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BD_TYPE_ROW_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BdTableView, overlay);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, entry);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, error_popover);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, error_label);
  gtk_widget_class_bind_template_child (widget_class, BdTableView, rows);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bdtableview");

  _bd_table_view_class_actions_init (klass);
  _bd_table_view_class_scroll_init (klass);
}

static void
bd_table_view_init (BdTableView *self)
{
  self->visible = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  _bd_table_view_init_scroll (self);
}

GtkWidget *
bd_table_view_new (BdEditor    *editor,
                   guint        schedule,
                   BdTableKind  kind)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);

  return g_object_new (BD_TYPE_TABLE_VIEW, "editor", editor, "schedule", schedule, "kind", kind, NULL);
}

void
bd_table_view_refresh (BdTableView *self,
                       gboolean     rows_changed)
{
  if (rows_changed)
    {
      guint position = self->current_position;

      fill_rows (self);
      /* A cell being typed in stays the cell of its row, wherever the
       * change (an undo, a fix) moved the row. */
      for (guint i = 0; bd_table_view_is_editing (self) && i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
        {
          g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, i);
          if (g_strcmp0 (bd_row_item_get_row (item)->code, self->edit_code) == 0)
            position = i;
        }
      _bd_table_view_set_current (self, position, self->current_column, FALSE);
    }
  else
    refresh_visible (self);
}

void
bd_table_view_set_marks (BdTableView *self,
                         GHashTable  *marks)
{
  g_clear_pointer (&self->marks, g_hash_table_unref);
  self->marks = marks ? g_hash_table_ref (marks) : NULL;
  refresh_visible (self);
}

