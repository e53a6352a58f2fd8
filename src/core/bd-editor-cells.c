/* bd-editor-cells.c: figures and rows of the schedules, and fixes
 *
 * Two kinds of step: one records the figures it changes, cell by cell (a
 * paste of thousands of cells stays small); one keeps the schedule whole
 * before and after, for changes of its rows, notes or title.
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-editor-private.h"

/* Cells: the figures a step changes, and the published sums it makes stale */

typedef struct {
  BdRowPart  part;
  char      *code;
  guint      column;
  gint64     before;
  gint64     after;
} CellChange;

typedef struct {
  BdRowPart  part;
  char      *code;
  guint      before;
  guint      after;
} MaskChange;

typedef struct {
  BdStep   parent;
  GArray  *cells;     /* CellChange */
  GArray  *masks;     /* MaskChange */
} CellsStep;

BD_DEFINE_STEP_KIND (CellsStep, cells, TRUE)

static void
cell_change_clear (CellChange *change)
{
  g_free (change->code);
}

static void
mask_change_clear (MaskChange *change)
{
  g_free (change->code);
}

static guint
cells_apply (CellsStep *self,
             BdEditor  *editor,
             gboolean   forward)
{
  BdSchedule *schedule = bd_document_get_schedule (editor->doc, self->parent.schedule);

  for (guint i = 0; i < self->cells->len; i++)
    {
      CellChange *change = &g_array_index (self->cells, CellChange, i);
      BdRow *row = bd_schedule_find_part (schedule, change->part, change->code);
      row->values[change->column] = forward ? change->after : change->before;
    }
  for (guint i = 0; i < self->masks->len; i++)
    {
      MaskChange *change = &g_array_index (self->masks, MaskChange, i);
      BdRow *row = bd_schedule_find_part (schedule, change->part, change->code);
      if (row != NULL)
        row->published_mask = forward ? change->after : change->before;
    }
  bd_schedule_recompute (schedule);
  return BD_READS_SCHEDULE (self->parent.schedule);
}

static gboolean
store_row_once (BdStore     *store,
                GHashTable  *stored,
                BdSchedule  *schedule,
                BdRowPart    part,
                const char  *code,
                GError     **error)
{
  BdRow *row = bd_schedule_find_part (schedule, part, code);

  if (row == NULL || !g_hash_table_add (stored, row))
    return TRUE;
  return bd_store_update_row (store, row, bd_schedule_part_columns (schedule, part), error);
}

static gboolean
cells_store (CellsStep  *self,
             BdEditor   *editor,
             GError    **error)
{
  BdSchedule *schedule = bd_document_get_schedule (editor->doc, self->parent.schedule);
  g_autoptr(GHashTable) stored = g_hash_table_new (NULL, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < self->cells->len; i++)
    {
      CellChange *change = &g_array_index (self->cells, CellChange, i);
      ok = store_row_once (editor->store, stored, schedule, change->part, change->code, error);
    }
  for (guint i = 0; ok && i < self->masks->len; i++)
    {
      MaskChange *change = &g_array_index (self->masks, MaskChange, i);
      ok = store_row_once (editor->store, stored, schedule, change->part, change->code, error);
    }
  return ok;
}

static void
cells_clear (CellsStep *self)
{
  g_array_unref (self->cells);
  g_array_unref (self->masks);
}

BdStep *
bd_cells_step_new (guint schedule)
{
  CellsStep *self = bd_step_new (&cells_kind, schedule);

  self->cells = g_array_new (FALSE, TRUE, sizeof (CellChange));
  g_array_set_clear_func (self->cells, (GDestroyNotify) cell_change_clear);
  self->masks = g_array_new (FALSE, TRUE, sizeof (MaskChange));
  g_array_set_clear_func (self->masks, (GDestroyNotify) mask_change_clear);
  return &self->parent;
}

void
bd_cells_step_add (BdStep    *step,
                   BdRowPart  part,
                   BdRow     *row,
                   guint      column,
                   gint64     value)
{
  CellsStep *self = (CellsStep *) step;
  CellChange change = { part, g_strdup (row->code), column, row->values[column], value };

  g_return_if_fail (step->kind == &cells_kind);
  g_array_append_val (self->cells, change);
}

const char *
bd_cells_step_row (BdStep *step)
{
  CellsStep *self = (CellsStep *) step;
  const char *code = NULL;

  if (step->kind != &cells_kind)
    return NULL;
  for (guint i = 0; i < self->cells->len; i++)
    {
      CellChange *change = &g_array_index (self->cells, CellChange, i);

      if (change->part != BD_ROW_PART_TABLE || (code != NULL && strcmp (code, change->code) != 0))
        return NULL;
      code = change->code;
    }
  return code;
}

gboolean
bd_cells_step_is_empty (BdStep *step)
{
  return ((CellsStep *) step)->cells->len == 0;
}

static void
record_mask (CellsStep *self,
             BdRowPart  part,
             BdRow     *row,
             guint      kept)
{
  if (row != NULL && (row->published_mask & ~kept) != 0)
    {
      MaskChange change = { part, g_strdup (row->code), row->published_mask, row->published_mask & kept };
      g_array_append_val (self->masks, change);
    }
}

/* The published figures of computed cells go stale with the first change of
 * a figure (bd_schedule_forget_published_sums); the step records them so
 * undo brings them back, and the findings they carried with them. */
void
bd_cells_step_forget_sums (BdStep     *step,
                           BdSchedule *schedule)
{
  CellsStep *self = (CellsStep *) step;
  const BdScheduleDef *def = schedule->def;
  guint computed_columns = 0;

  for (guint c = 0; c < def->n_columns; c++)
    if (def->columns[c].sum_of != 0)
      computed_columns |= 1u << c;

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      record_mask (self, BD_ROW_PART_TABLE, row, row->is_leaf ? ~computed_columns : 0);
    }
  record_mask (self, BD_ROW_PART_TOTAL, schedule->total, 0);
  for (guint i = 0; schedule->income && i < schedule->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (schedule->income, i);
      record_mask (self, BD_ROW_PART_INCOME, item, item->is_leaf ? ~0u : 0);
    }
  record_mask (self, BD_ROW_PART_INCOME_TOTAL, schedule->income_total, 0);
  if (schedule->carryover != NULL)
    {
      record_mask (self, BD_ROW_PART_TABLE, schedule->carry_forward, ~computed_columns);
      record_mask (self, BD_ROW_PART_INCOME_GRAND, schedule->income_grand, 0);
      record_mask (self, BD_ROW_PART_EXPENSE_GRAND, schedule->expense_grand, 0);
    }
}

/* Schedules: the whole schedule before and after, for changes of its rows
 * or its notes */

typedef struct {
  GPtrArray *rows;
  GPtrArray *income;
  BdRow     *total;
  BdRow     *income_total;
  BdRow     *carry[4];   /* BD_ROW_PART_CARRYOVER … BD_ROW_PART_EXPENSE_GRAND, or NULL */
  char      *note;
  int        title_year;
} Snapshot;

typedef struct {
  BdStep    parent;
  Snapshot *before;
  Snapshot *after;
} ScheduleStep;

BD_DEFINE_STEP_KIND (ScheduleStep, schedule, TRUE)

static BdRow *
row_copy (const BdRow *row)
{
  BdRow *copy = g_memdup2 (row, sizeof *row);

  copy->code = g_strdup (row->code);
  copy->name = g_strdup (row->name);
  return copy;
}

static GPtrArray *
rows_copy (GPtrArray *rows)
{
  GPtrArray *copy;

  if (rows == NULL)
    return NULL;
  copy = g_ptr_array_new_full (rows->len, (GDestroyNotify) bd_row_free);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, row_copy (g_ptr_array_index (rows, i)));
  return copy;
}

static Snapshot *
snapshot_take (BdSchedule *schedule)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->rows = rows_copy (schedule->rows);
  snapshot->income = rows_copy (schedule->income);
  snapshot->total = schedule->total ? row_copy (schedule->total) : NULL;
  snapshot->income_total = schedule->income_total ? row_copy (schedule->income_total) : NULL;
  for (guint k = 0; schedule->carryover && k < G_N_ELEMENTS (snapshot->carry); k++)
    snapshot->carry[k] = row_copy (bd_schedule_carry_part (schedule, BD_ROW_PART_CARRYOVER + k));
  snapshot->note = g_strdup (schedule->note);
  snapshot->title_year = schedule->title_year;
  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_ptr_array_unref (snapshot->rows);
  g_clear_pointer (&snapshot->income, g_ptr_array_unref);
  bd_row_free (snapshot->total);
  bd_row_free (snapshot->income_total);
  for (guint k = 0; k < G_N_ELEMENTS (snapshot->carry); k++)
    bd_row_free (snapshot->carry[k]);
  g_free (snapshot->note);
  g_free (snapshot);
}

static void
carry_restore (const Snapshot *snapshot,
               BdSchedule     *schedule)
{
  BdRow **rows[] = { &schedule->carryover, &schedule->carry_forward, &schedule->income_grand,
                     &schedule->expense_grand };

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      bd_row_free (*rows[k]);
      *rows[k] = snapshot->carry[k] ? row_copy (snapshot->carry[k]) : NULL;
    }
}

static void
snapshot_restore (const Snapshot *snapshot,
                  BdSchedule     *schedule)
{
  g_ptr_array_unref (schedule->rows);
  schedule->rows = rows_copy (snapshot->rows);
  if (schedule->income != NULL)
    {
      g_ptr_array_unref (schedule->income);
      schedule->income = rows_copy (snapshot->income);
    }
  if (schedule->total != NULL)
    {
      bd_row_free (schedule->total);
      schedule->total = row_copy (snapshot->total);
    }
  if (schedule->income_total != NULL)
    {
      bd_row_free (schedule->income_total);
      schedule->income_total = row_copy (snapshot->income_total);
    }
  carry_restore (snapshot, schedule);
  g_free (schedule->note);
  schedule->note = g_strdup (snapshot->note);
  schedule->title_year = snapshot->title_year;
}

static guint
schedule_apply (ScheduleStep *self,
                BdEditor     *editor,
                gboolean      forward)
{
  BdSchedule *schedule = bd_document_get_schedule (editor->doc, self->parent.schedule);

  snapshot_restore (forward ? self->after : self->before, schedule);
  bd_schedule_recompute (schedule);
  return BD_READS_SCHEDULE (self->parent.schedule) | BD_READS_ROWS | BD_READS_HEADER;
}

static gboolean
schedule_store (ScheduleStep  *self,
                BdEditor      *editor,
                GError       **error)
{
  return bd_store_save_schedule (editor->store, bd_document_get_schedule (editor->doc, self->parent.schedule), error);
}

static void
schedule_clear (ScheduleStep *self)
{
  snapshot_free (self->before);
  snapshot_free (self->after);
}

BdStep *
bd_schedule_step_begin (BdSchedule *schedule)
{
  ScheduleStep *self = bd_step_new (&schedule_kind, schedule->def->number);

  self->before = snapshot_take (schedule);
  return &self->parent;
}

void
bd_schedule_step_end (BdStep     *step,
                      BdSchedule *schedule)
{
  ScheduleStep *self = (ScheduleStep *) step;

  g_return_if_fail (step->kind == &schedule_kind);
  self->after = snapshot_take (schedule);
  snapshot_restore (self->before, schedule);
}

/* Cells */

/* The row an entered figure goes into, or an error saying why it cannot. */
static BdRow *
entered_cell (BdSchedule  *schedule,
              BdCellKind   kind,
              const char  *code,
              guint        column,
              GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  BdRow *row = bd_schedule_find_part (schedule, kind == BD_CELL_INCOME ? BD_ROW_PART_INCOME : BD_ROW_PART_TABLE,
                                      code);

  if (row == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Schedule %u has no row %s."), def->number, code);
      return NULL;
    }
  if (!row->is_leaf || (kind == BD_CELL_ROW && (column >= def->n_columns || !bd_schedule_def_is_entered (def, column)))
      || (kind == BD_CELL_INCOME && column != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("This figure is computed from others and cannot be typed in."));
      return NULL;
    }
  return row;
}

/* A cell computed from another schedule takes only the figure it gives
 * (typing it confirms it, as a fix does); any other is typed there. */
static gboolean
derived_accepts (BdEditor    *self,
                 BdSchedule  *schedule,
                 BdCellKind   kind,
                 BdRow       *row,
                 guint        column,
                 gint64       value,
                 GError     **error)
{
  g_autofree char *computed = NULL;
  gint64 derived;
  guint source;

  if (kind != BD_CELL_ROW
      || !bd_document_derived_cell (self->doc, schedule->def->number, row->code, column, &derived, &source)
      || value == derived)
    return TRUE;
  computed = bd_money_format_unit (derived, schedule->def->unit);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("This figure is computed from schedule %u (%s there): type the change in schedule %u."),
               source, computed, source);
  return FALSE;
}

gboolean
bd_editor_set_cell (BdEditor    *self,
                    guint        schedule_number,
                    BdCellKind   kind,
                    const char  *code,
                    guint        column,
                    gint64       value,
                    GError     **error)
{
  BdSchedule *schedule;
  BdRow *row;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!bd_editor_check_writable (self, error))
    return FALSE;
  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  row = schedule ? entered_cell (schedule, kind, code, column, error) : NULL;
  if (row == NULL || !derived_accepts (self, schedule, kind, row, column, value, error))
    return FALSE;
  if (row->values[column] == value)
    return TRUE;

  step = bd_cells_step_new (schedule_number);
  bd_cells_step_add (step, kind == BD_CELL_INCOME ? BD_ROW_PART_INCOME : BD_ROW_PART_TABLE, row, column, value);
  bd_cells_step_forget_sums (step, schedule);
  return bd_editor_perform (self, step, error);
}

gboolean
bd_editor_set_cell_text (BdEditor    *self,
                         guint        schedule_number,
                         BdCellKind   kind,
                         const char  *code,
                         guint        column,
                         const char  *text,
                         GError     **error)
{
  BdSchedule *schedule;
  gint64 value;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  if (schedule == NULL || !bd_money_parse (text, schedule->def->unit, &value, error))
    return FALSE;
  return bd_editor_set_cell (self, schedule_number, kind, code, column, value, error);
}

/* The leaf rows from @code down and the entered columns from @column right:
 * where a block lands. Subtotal rows and sum columns are computed, so they
 * are stepped over. */
static gboolean
paste_targets (BdSchedule  *schedule,
               const char  *code,
               guint        column,
               GPtrArray   *leaves,
               GArray      *columns,
               GError     **error)
{
  gboolean found = FALSE;

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      found |= strcmp (row->code, code) == 0;
      if (row->is_leaf && found)
        g_ptr_array_add (leaves, row);
    }
  for (guint c = column; c < schedule->def->n_columns; c++)
    if (bd_schedule_def_is_entered (schedule->def, c))
      g_array_append_val (columns, c);
  if (!found || leaves->len == 0 || columns->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Select a cell that can be typed in before pasting."));
      return FALSE;
    }
  return TRUE;
}

/* One line of a block into @row; every cell parsed before anything is
 * kept. */
static gboolean
paste_line (BdEditor    *self,
            BdStep      *step,
            BdSchedule  *schedule,
            BdRow       *row,
            GArray      *columns,
            char        *line,
            guint        line_number,
            GError     **error)
{
  g_auto(GStrv) cells = g_strsplit (g_strdelimit (line, "\r", ' '), "\t", -1);

  if (g_strv_length (cells) > columns->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The block has %u columns, but only %u columns can take figures from here right."),
                   g_strv_length (cells), columns->len);
      return FALSE;
    }
  for (guint c = 0; cells[c]; c++)
    {
      g_autoptr(GError) parse_error = NULL;
      guint column = g_array_index (columns, guint, c);
      gint64 value;

      if (!bd_money_parse (cells[c], schedule->def->unit, &value, &parse_error)
          || !derived_accepts (self, schedule, BD_CELL_ROW, row, column, value, &parse_error))
        {
          g_set_error (error, parse_error->domain, parse_error->code, _("Row %u, column %u of the block: %s"),
                       line_number, c + 1, parse_error->message);
          return FALSE;
        }
      bd_cells_step_add (step, BD_ROW_PART_TABLE, row, column, value);
    }
  return TRUE;
}

gboolean
bd_editor_paste (BdEditor    *self,
                 guint        schedule_number,
                 const char  *code,
                 guint        column,
                 const char  *text,
                 GError     **error)
{
  BdSchedule *schedule;
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL && text != NULL, FALSE);

  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  if (schedule == NULL || !paste_targets (schedule, code, column, leaves, columns, error))
    return FALSE;

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  while (n_lines > 0 && *g_strstrip (lines[n_lines - 1]) == '\0')
    n_lines--;
  if (n_lines > leaves->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The block has %u rows, but only %u rows can take figures from here down."),
                   n_lines, leaves->len);
      return FALSE;
    }

  step = bd_cells_step_new (schedule_number);
  for (guint l = 0; l < n_lines; l++)
    if (!paste_line (self, step, schedule, g_ptr_array_index (leaves, l), columns, lines[l], l + 1, error))
      {
        bd_step_free (step);
        return FALSE;
      }
  bd_cells_step_forget_sums (step, schedule);
  return bd_editor_perform (self, step, error);
}

/* Rows */

static gboolean
valid_leaf_code (BdSchedule *schedule,
                 const char *code)
{
  gsize length = strlen (code);
  gsize expected = schedule->def->row_kind == BD_ROWS_FUNCTION ? 7
                 : schedule->def->row_kind == BD_ROWS_ECONOMIC ? 5 : 3;

  if (schedule->def->row_kind == BD_ROWS_SINGLE || length != expected)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

/* The name a new row takes, or an error saying why it cannot be added. */
static const char *
new_row_name (BdSchedule  *schedule,
              const char  *code,
              const char  *name,
              GError     **error)
{
  BdClassification classification;
  const BdCatalogEntry *entry;

  if (!valid_leaf_code (schedule, code))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   schedule->def->row_kind == BD_ROWS_ECONOMIC
                   ? _("“%s” is not a 款 code: type the 5 digits of 类 and 款, such as 30201.")
                   : schedule->def->row_kind == BD_ROWS_FUNCTION
                   ? _("“%s” is not a 项 code: type the 7 digits of 类, 款 and 项, such as 2080505.")
                   : _("“%s” is not a 类 code of this schedule."), code);
      return NULL;
    }
  if (bd_schedule_find_row (schedule, code) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Schedule %u already has a row %s."),
                   schedule->def->number, code);
      return NULL;
    }
  if (name != NULL && *name != '\0')
    return name;
  classification = schedule->def->row_kind == BD_ROWS_ECONOMIC ? BD_CLASSIFICATION_ECONOMIC : BD_CLASSIFICATION_FUNCTION;
  entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s is not in the classification catalog; give the row its name."), code);
      return NULL;
    }
  return entry->name;
}

gboolean
bd_editor_add_row (BdEditor    *self,
                   guint        schedule_number,
                   const char  *code,
                   const char  *name,
                   GError     **error)
{
  BdSchedule *schedule;
  const char *row_name;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  if (schedule == NULL || (row_name = new_row_name (schedule, code, name, error)) == NULL)
    return FALSE;

  step = bd_schedule_step_begin (schedule);
  bd_schedule_insert_leaf (schedule, code, row_name);
  bd_schedule_step_end (step, schedule);
  return bd_editor_perform (self, step, error);
}

static gboolean
has_leaf_below (BdSchedule *schedule,
                const char *code)
{
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      if (row->is_leaf && g_str_has_prefix (row->code, code))
        return TRUE;
    }
  return FALSE;
}

gboolean
bd_editor_remove_row (BdEditor    *self,
                      guint        schedule_number,
                      const char  *code,
                      GError     **error)
{
  BdSchedule *schedule;
  BdRow *row;
  BdStep *step;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  schedule = bd_editor_schedule_or_error (self, schedule_number, error);
  if (schedule == NULL)
    return FALSE;
  row = bd_schedule_find_row (schedule, code);
  if (row == NULL || !row->is_leaf || schedule->def->row_kind == BD_ROWS_BALANCE
      || schedule->def->row_kind == BD_ROWS_SINGLE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Only rows with figures of their own can be removed; 类 and 款 rows go with their last row."));
      return FALSE;
    }

  step = bd_schedule_step_begin (schedule);
  g_ptr_array_remove (schedule->rows, row);
  for (guint i = schedule->rows->len; i-- > 0;)
    {
      BdRow *parent = g_ptr_array_index (schedule->rows, i);
      if (!parent->is_leaf && g_str_has_prefix (code, parent->code) && !has_leaf_below (schedule, parent->code))
        g_ptr_array_remove_index (schedule->rows, i);
    }
  bd_schedule_forget_published_sums (schedule);
  bd_schedule_step_end (step, schedule);
  return bd_editor_perform (self, step, error);
}
