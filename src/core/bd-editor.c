#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-editor.h"
#include "bd-importer.h"
#include "bd-narrative.h"

/* Where a figure sits in a schedule, as the store numbers the parts. */
typedef enum {
  PART_ROW,
  PART_TOTAL,
  PART_INCOME,
  PART_INCOME_TOTAL,
} Part;

typedef struct {
  Part    part;
  char   *code;
  guint   column;
  gint64  before;
  gint64  after;
} CellChange;

typedef struct {
  Part    part;
  char   *code;
  guint   before;
  guint   after;
} MaskChange;

/* A whole schedule, for changes of its rows or its notes. */
typedef struct {
  GPtrArray *rows;
  GPtrArray *income;
  BdRow     *total;
  BdRow     *income_total;
  char      *note;
  int        title_year;
} Snapshot;

typedef enum {
  STEP_CELLS,
  STEP_SCHEDULE,
  STEP_SECTION,
  STEP_PROJECTS,
} StepKind;

typedef struct _Step {
  StepKind   kind;
  guint      schedule;
  GArray    *cells;     /* CellChange */
  GArray    *masks;     /* MaskChange */
  Snapshot  *before;
  Snapshot  *after;
  char      *section;
  GStrv      paragraphs_before;
  GStrv      paragraphs_after;
  GPtrArray *projects_before;   /* BdProject*, the forms as they were and will be */
  GPtrArray *projects_after;
  BdFramework framework_before;
  BdFramework framework_after;
  struct _Step *then;           /* what the change brought with it (the text following the numbers) */
} Step;

struct _BdEditor
{
  GObject     parent_instance;

  BdDocument *doc;
  BdStore    *store;
  BdChecker  *checker;
  GPtrArray  *findings;
  GPtrArray  *undo;   /* Step* */
  GPtrArray  *redo;   /* Step* */
};

G_DEFINE_FINAL_TYPE (BdEditor, bd_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/* Snapshots */

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
  g_free (snapshot->note);
  g_free (snapshot);
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
  g_free (schedule->note);
  schedule->note = g_strdup (snapshot->note);
  schedule->title_year = snapshot->title_year;
}

/* Steps */

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

static Step *
step_new (StepKind kind,
          guint    schedule)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->schedule = schedule;
  if (kind == STEP_CELLS)
    {
      step->cells = g_array_new (FALSE, TRUE, sizeof (CellChange));
      g_array_set_clear_func (step->cells, (GDestroyNotify) cell_change_clear);
      step->masks = g_array_new (FALSE, TRUE, sizeof (MaskChange));
      g_array_set_clear_func (step->masks, (GDestroyNotify) mask_change_clear);
    }
  return step;
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->cells, g_array_unref);
  g_clear_pointer (&step->masks, g_array_unref);
  snapshot_free (step->before);
  snapshot_free (step->after);
  g_free (step->section);
  g_strfreev (step->paragraphs_before);
  g_strfreev (step->paragraphs_after);
  g_clear_pointer (&step->projects_before, g_ptr_array_unref);
  g_clear_pointer (&step->projects_after, g_ptr_array_unref);
  g_clear_pointer (&step->then, step_free);
  g_free (step);
}

static BdRow *
find_part (BdSchedule *schedule,
           Part        part,
           const char *code)
{
  switch (part)
    {
    case PART_ROW:
      return bd_schedule_find_row (schedule, code);
    case PART_TOTAL:
      return schedule->total;
    case PART_INCOME:
      for (guint i = 0; schedule->income && i < schedule->income->len; i++)
        if (strcmp (((BdRow *) g_ptr_array_index (schedule->income, i))->code, code) == 0)
          return g_ptr_array_index (schedule->income, i);
      return NULL;
    case PART_INCOME_TOTAL:
    default:
      return schedule->income_total;
    }
}

/* The published figures of computed cells go stale with the first change of
 * a figure (bd_schedule_forget_published_sums); the step records them so
 * undo brings them back, and the findings they carried with them. */
static void
record_forgotten_sums (Step       *step,
                       BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  guint computed_columns = 0;

  for (guint c = 0; c < def->n_columns; c++)
    if (def->columns[c].sum_of != 0)
      computed_columns |= 1u << c;

#define RECORD(part_, row_, kept_)                                          \
  G_STMT_START {                                                            \
    BdRow *r_ = (row_);                                                     \
    guint kept__ = (kept_);                                                 \
    if (r_ != NULL && (r_->published_mask & ~kept__) != 0)                  \
      {                                                                     \
        MaskChange change = { (part_), g_strdup (r_->code), r_->published_mask, \
                              r_->published_mask & kept__ };               \
        g_array_append_val (step->masks, change);                           \
      }                                                                     \
  } G_STMT_END

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      RECORD (PART_ROW, row, row->is_leaf ? ~computed_columns : 0);
    }
  RECORD (PART_TOTAL, schedule->total, 0);
  for (guint i = 0; schedule->income && i < schedule->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (schedule->income, i);
      RECORD (PART_INCOME, item, item->is_leaf ? ~0u : 0);
    }
  RECORD (PART_INCOME_TOTAL, schedule->income_total, 0);
#undef RECORD
}

static guint
schedule_columns (BdSchedule *schedule,
                  Part        part)
{
  return part == PART_INCOME || part == PART_INCOME_TOTAL ? 1 : schedule->def->n_columns;
}

static gboolean
store_cells (BdEditor   *self,
             Step       *step,
             BdSchedule *schedule,
             GError    **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new (NULL, NULL);

  if (!bd_store_begin (self->store, error))
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *changes = pass == 0 ? step->cells : step->masks;
      for (guint i = 0; i < changes->len; i++)
        {
          Part part = pass == 0 ? g_array_index (changes, CellChange, i).part : g_array_index (changes, MaskChange, i).part;
          const char *code = pass == 0 ? g_array_index (changes, CellChange, i).code
                                       : g_array_index (changes, MaskChange, i).code;
          BdRow *row = find_part (schedule, part, code);

          if (row == NULL || !g_hash_table_add (stored, row))
            continue;
          if (!bd_store_update_row (self->store, row, schedule_columns (schedule, part), error))
            {
              bd_store_rollback (self->store);
              return FALSE;
            }
        }
    }
  return bd_store_commit (self->store, error);
}

static BdProject *
project_copy (const BdProject *project,
              gpointer         user_data)
{
  /* Not bd_project_new (): its indicators array would be overwritten just below. */
  BdProject *copy = g_new (BdProject, 1);

  *copy = *project;
  copy->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_indicator_free);
  copy->name = g_strdup (project->name);
  copy->nature = g_strdup (project->nature);
  copy->category = g_strdup (project->category);
  copy->supervisor = g_strdup (project->supervisor);
  copy->implementer = g_strdup (project->implementer);
  copy->start_date = g_strdup (project->start_date);
  copy->end_date = g_strdup (project->end_date);
  copy->period = g_strdup (project->period);
  copy->overall_goal = g_strdup (project->overall_goal);
  copy->annual_goal = g_strdup (project->annual_goal);
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const BdIndicator *indicator = g_ptr_array_index (project->indicators, i);
      g_ptr_array_add (copy->indicators, bd_indicator_new (indicator->level1, indicator->level2,
                                                           indicator->name, indicator->target));
    }
  return copy;
}

static gboolean
store_projects (BdEditor  *self,
                GError   **error)
{
  if (!bd_store_begin (self->store, error))
    return FALSE;
  if (!bd_store_save_projects (self->store, self->doc, error) || !bd_store_save_header (self->store, self->doc, error))
    {
      bd_store_rollback (self->store);
      return FALSE;
    }
  return bd_store_commit (self->store, error);
}

static gboolean
store_section (BdEditor   *self,
               BdSection  *section,
               GError    **error)
{
  if (!bd_store_begin (self->store, error))
    return FALSE;
  if (!bd_store_save_section (self->store, self->doc, section, error)
      || !bd_store_save_figures (self->store, self->doc, error))
    {
      bd_store_rollback (self->store);
      return FALSE;
    }
  return bd_store_commit (self->store, error);
}

static void
set_paragraphs (BdSection *section,
                GStrv      paragraphs)
{
  g_ptr_array_set_size (section->paragraphs, 0);
  for (guint i = 0; paragraphs && paragraphs[i]; i++)
    g_ptr_array_add (section->paragraphs, g_strdup (paragraphs[i]));
}

/* Makes the document as the step leaves it (@forward) or found it, and
 * stores that. What the store refuses is undone in memory too. */
static gboolean
step_apply_one (BdEditor  *self,
            Step      *step,
            gboolean   forward,
            gboolean   store,
            guint     *reads,
            GError   **error)
{
  BdSchedule *schedule = step->schedule ? bd_document_get_schedule (self->doc, step->schedule) : NULL;

  switch (step->kind)
    {
    case STEP_CELLS:
      for (guint i = 0; i < step->cells->len; i++)
        {
          CellChange *change = &g_array_index (step->cells, CellChange, i);
          BdRow *row = find_part (schedule, change->part, change->code);
          row->values[change->column] = forward ? change->after : change->before;
        }
      for (guint i = 0; i < step->masks->len; i++)
        {
          MaskChange *change = &g_array_index (step->masks, MaskChange, i);
          BdRow *row = find_part (schedule, change->part, change->code);
          if (row != NULL)
            row->published_mask = forward ? change->after : change->before;
        }
      bd_schedule_recompute (schedule);
      *reads = BD_READS_SCHEDULE (step->schedule);
      if (store && self->store && !store_cells (self, step, schedule, error))
        {
          step_apply_one (self, step, !forward, FALSE, reads, NULL);
          return FALSE;
        }
      return TRUE;

    case STEP_SCHEDULE:
      snapshot_restore (forward ? step->after : step->before, schedule);
      bd_schedule_recompute (schedule);
      *reads = BD_READS_SCHEDULE (step->schedule) | BD_READS_ROWS | BD_READS_HEADER;
      if (store && self->store && !bd_store_save_schedule (self->store, schedule, error))
        {
          step_apply_one (self, step, !forward, FALSE, reads, NULL);
          return FALSE;
        }
      return TRUE;

    case STEP_PROJECTS:
      g_ptr_array_set_size (self->doc->projects, 0);
      g_ptr_array_extend (self->doc->projects, forward ? step->projects_after : step->projects_before,
                          (GCopyFunc) project_copy, NULL);
      self->doc->framework = forward ? step->framework_after : step->framework_before;
      *reads = BD_READS_FORMS | BD_READS_HEADER;
      if (store && self->store && !store_projects (self, error))
        {
          step_apply_one (self, step, !forward, FALSE, reads, NULL);
          return FALSE;
        }
      return TRUE;

    case STEP_SECTION:
    default:
      {
        BdSection *section = bd_document_get_section (self->doc, step->section);
        set_paragraphs (section, forward ? step->paragraphs_after : step->paragraphs_before);
        /* The figures a section quotes are read from its words, so the
         * checker checks what the text says now. */
        bd_document_read_section_figures (self->doc, section);
        *reads = BD_READS_TEXT;
        if (store && self->store && !store_section (self, section, error))
          {
            step_apply_one (self, step, !forward, FALSE, reads, NULL);
            return FALSE;
          }
        return TRUE;
      }
    }
}

static void
notify_changed (BdEditor *self,
                guint     reads)
{
  self->findings = bd_checker_update (self->checker, reads);
  g_signal_emit (self, signals[CHANGED], 0, reads);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A step and what came with it: forward in order, back in reverse. */
static gboolean
step_apply (BdEditor  *self,
            Step      *step,
            gboolean   forward,
            gboolean   store,
            guint     *reads,
            GError   **error)
{
  guint more = 0, own = 0;

  if (step == NULL)
    return TRUE;
  if (forward)
    {
      if (!step_apply_one (self, step, TRUE, store, &own, error))
        return FALSE;
      if (!step_apply (self, step->then, TRUE, store, &more, error))
        {
          step_apply_one (self, step, FALSE, store, &own, NULL);
          *reads |= own | more;
          return FALSE;
        }
    }
  else
    {
      if (!step_apply (self, step->then, FALSE, store, &more, error))
        {
          *reads |= more;
          return FALSE;
        }
      if (!step_apply_one (self, step, FALSE, store, &own, error))
        {
          step_apply (self, step->then, TRUE, store, &more, NULL);
          *reads |= own | more;
          return FALSE;
        }
    }
  *reads |= own | more;
  return TRUE;
}

static const char * const generated_sections[] = { "narrative", "other", "employees" };

/* Two paragraphs that differ only in the numbers of a list's lines say the
 * same: published lists are sometimes numbered 1. 1. 2. */
static gboolean
same_words (const char *a,
            const char *b)
{
  static GRegex *numbers = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (strcmp (a, b) == 0)
    return TRUE;
  if (g_once_init_enter (&numbers))
    g_once_init_leave (&numbers, g_regex_new ("^[0-9]+\\. ", G_REGEX_MULTILINE, 0, NULL));
  x = g_regex_replace_literal (numbers, a, -1, 0, "", 0, NULL);
  y = g_regex_replace_literal (numbers, b, -1, 0, "", 0, NULL);
  return g_strcmp0 (x, y) == 0;
}

/* The text as the formula writes it now, per generated section. */
static GStrv *
generate_all (BdEditor *self)
{
  GStrv *texts = g_new0 (GStrv, G_N_ELEMENTS (generated_sections));

  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    if (bd_document_get_section (self->doc, generated_sections[i]) != NULL)
      texts[i] = bd_narrative_generate (self->doc, generated_sections[i]);
  return texts;
}

static void
free_all (GStrv *texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    g_strfreev (texts[i]);
  g_free (texts);
}

/* After a change of the numbers, the text follows them: a paragraph that
 * still reads as the formula wrote it takes the new figures; one the clerk
 * rewrote is kept. The sections changed join the step, so undo takes
 * them back with it. */
static void
follow_numbers (BdEditor *self,
                Step     *step,
                GStrv    *before,
                guint    *reads)
{
  g_autoptr(GError) error = NULL;
  GStrv *after = generate_all (self);
  Step *last = step;

  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    {
      BdSection *section = bd_document_get_section (self->doc, generated_sections[i]);
      GStrvBuilder *builder;
      Step *child;
      guint n, child_reads = 0;
      gboolean changed = FALSE;

      if (section == NULL || before[i] == NULL || after[i] == NULL)
        continue;
      n = section->paragraphs->len;
      builder = g_strv_builder_new ();
      for (guint p = 0; p < n; p++)
        {
          const char *current = g_ptr_array_index (section->paragraphs, p);
          gboolean formula = p < g_strv_length (before[i]) && same_words (current, before[i][p])
                             && p < g_strv_length (after[i]);
          const char *text = formula ? after[i][p] : current;

          changed |= strcmp (text, current) != 0;
          g_strv_builder_add (builder, text);
        }
      if (!changed)
        {
          g_strv_builder_unref (builder);
          continue;
        }
      child = step_new (STEP_SECTION, 0);
      child->section = g_strdup (section->id);
      child->paragraphs_after = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      builder = g_strv_builder_new ();
      for (guint p = 0; p < n; p++)
        g_strv_builder_add (builder, g_ptr_array_index (section->paragraphs, p));
      child->paragraphs_before = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);

      if (!step_apply_one (self, child, TRUE, TRUE, &child_reads, &error))
        {
          /* The numbers are stored; the text keeps its old figures, which the checker will flag. */
          g_warning ("%s", error->message);
          g_clear_error (&error);
          step_free (child);
          continue;
        }
      *reads |= child_reads;
      last->then = child;
      last = child;
    }
  free_all (after);
}

/* Applies a new step and puts it on the undo stack; a step that fails to be
 * stored is dropped and leaves the document as it was. */
static gboolean
perform (BdEditor  *self,
         Step      *step,
         GError   **error)
{
  guint reads = 0;

  if (self->store != NULL && bd_store_is_read_only (self->store))
    {
      g_autofree char *name = g_filename_display_basename (bd_store_get_path (self->store));
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; the change was not stored."), name);
      step_free (step);
      return FALSE;
    }
  {
    GStrv *before = step->kind != STEP_SECTION ? generate_all (self) : NULL;

    if (!step_apply_one (self, step, TRUE, TRUE, &reads, error))
      {
        if (before)
          free_all (before);
        step_free (step);
        notify_changed (self, reads);
        return FALSE;
      }
    if (before != NULL)
      {
        follow_numbers (self, step, before, &reads);
        free_all (before);
      }
  }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_changed (self, reads);
  return TRUE;
}

/* GObject */

static void
bd_editor_finalize (GObject *object)
{
  BdEditor *self = (BdEditor *) object;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->checker);
  g_clear_object (&self->store);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bd_editor_parent_class)->finalize (object);
}

static void
bd_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BdEditor *self = BD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bd_editor_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bd_editor_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_editor_class_init (BdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bd_editor_finalize;
  object_class->get_property = bd_editor_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The argument says what changed, as BdReads bits. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bd_editor_init (BdEditor *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

BdEditor *
bd_editor_new (BdDocument *doc,
               BdStore    *store)
{
  BdEditor *self = g_object_new (BD_TYPE_EDITOR, NULL);

  self->doc = g_object_ref (doc);
  self->store = store ? g_object_ref (store) : NULL;
  self->checker = bd_checker_new (doc);
  self->findings = bd_checker_update (self->checker, BD_READS_EVERYTHING);
  return self;
}

BdDocument *
bd_editor_get_document (BdEditor *self)
{
  return self->doc;
}

BdStore *
bd_editor_get_store (BdEditor *self)
{
  return self->store;
}

GPtrArray *
bd_editor_get_findings (BdEditor *self)
{
  return self->findings;
}

/* Cells */

static BdSchedule *
schedule_or_error (BdEditor  *self,
                   guint      number,
                   GError   **error)
{
  if (number < 1 || number > BD_N_SCHEDULES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no schedule %u."), number);
      return NULL;
    }
  return bd_document_get_schedule (self->doc, number);
}

/* The row an entered figure goes into, or an error saying why it cannot. */
static BdRow *
entered_cell (BdSchedule  *schedule,
              BdCellKind   kind,
              const char  *code,
              guint        column,
              GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  BdRow *row = find_part (schedule, kind == BD_CELL_INCOME ? PART_INCOME : PART_ROW, code);

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

static void
add_cell_change (Step       *step,
                 BdCellKind  kind,
                 BdRow      *row,
                 guint       column,
                 gint64      value)
{
  CellChange change = { kind == BD_CELL_INCOME ? PART_INCOME : PART_ROW, g_strdup (row->code), column,
                        row->values[column], value };
  g_array_append_val (step->cells, change);
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
  BdSchedule *schedule = schedule_or_error (self, schedule_number, error);
  BdRow *row = schedule ? entered_cell (schedule, kind, code, column, error) : NULL;
  Step *step;

  if (row == NULL)
    return FALSE;
  if (row->values[column] == value)
    return TRUE;

  step = step_new (STEP_CELLS, schedule_number);
  add_cell_change (step, kind, row, column, value);
  record_forgotten_sums (step, schedule);
  return perform (self, step, error);
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
  BdSchedule *schedule = schedule_or_error (self, schedule_number, error);
  gint64 value;

  if (schedule == NULL || !bd_money_parse (text, schedule->def->unit, &value, error))
    return FALSE;
  return bd_editor_set_cell (self, schedule_number, kind, code, column, value, error);
}

gboolean
bd_editor_paste (BdEditor    *self,
                 guint        schedule_number,
                 const char  *code,
                 guint        column,
                 const char  *text,
                 GError     **error)
{
  BdSchedule *schedule = schedule_or_error (self, schedule_number, error);
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) lines = NULL;
  guint first = G_MAXUINT;
  guint n_lines;
  Step *step;

  if (schedule == NULL)
    return FALSE;

  /* A block lands on the rows and columns a clerk can type in: subtotal
   * rows and sum columns are computed, so they are stepped over. */
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      if (strcmp (row->code, code) == 0)
        first = leaves->len;
      if (row->is_leaf && first != G_MAXUINT)
        g_ptr_array_add (leaves, row);
    }
  for (guint c = column; c < schedule->def->n_columns; c++)
    if (bd_schedule_def_is_entered (schedule->def, c))
      g_array_append_val (columns, c);
  if (first == G_MAXUINT || leaves->len == 0 || columns->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Select a cell that can be typed in before pasting."));
      return FALSE;
    }

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

  step = step_new (STEP_CELLS, schedule_number);
  for (guint l = 0; l < n_lines; l++)
    {
      g_auto(GStrv) cells = g_strsplit (g_strdelimit (lines[l], "\r", ' '), "\t", -1);
      BdRow *row = g_ptr_array_index (leaves, l);

      if (g_strv_length (cells) > columns->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The block has %u columns, but only %u columns can take figures from here right."),
                       g_strv_length (cells), columns->len);
          step_free (step);
          return FALSE;
        }
      for (guint c = 0; cells[c]; c++)
        {
          g_autoptr(GError) parse_error = NULL;
          gint64 value;

          if (!bd_money_parse (cells[c], schedule->def->unit, &value, &parse_error))
            {
              g_set_error (error, BD_MONEY_ERROR, parse_error->code, _("Row %u, column %u of the block: %s"),
                           l + 1, c + 1, parse_error->message);
              step_free (step);
              return FALSE;
            }
          add_cell_change (step, BD_CELL_ROW, row, g_array_index (columns, guint, c), value);
        }
    }
  record_forgotten_sums (step, schedule);
  return perform (self, step, error);
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

gboolean
bd_editor_add_row (BdEditor    *self,
                   guint        schedule_number,
                   const char  *code,
                   const char  *name,
                   GError     **error)
{
  BdSchedule *schedule = schedule_or_error (self, schedule_number, error);
  BdClassification classification;
  const BdCatalogEntry *entry;
  Step *step;

  if (schedule == NULL)
    return FALSE;
  if (!valid_leaf_code (schedule, code))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   schedule->def->row_kind == BD_ROWS_ECONOMIC
                   ? _("“%s” is not a 款 code: type the 5 digits of 类 and 款, such as 30201.")
                   : schedule->def->row_kind == BD_ROWS_FUNCTION
                   ? _("“%s” is not a 项 code: type the 7 digits of 类, 款 and 项, such as 2080505.")
                   : _("“%s” is not a 类 code of this schedule."), code);
      return FALSE;
    }
  if (bd_schedule_find_row (schedule, code) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Schedule %u already has a row %s."),
                   schedule_number, code);
      return FALSE;
    }
  classification = schedule->def->row_kind == BD_ROWS_ECONOMIC ? BD_CLASSIFICATION_ECONOMIC : BD_CLASSIFICATION_FUNCTION;
  entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);
  if ((name == NULL || *name == '\0') && entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s is not in the classification catalog; give the row its name."), code);
      return FALSE;
    }

  step = step_new (STEP_SCHEDULE, schedule_number);
  step->before = snapshot_take (schedule);
  bd_schedule_insert_leaf (schedule, code, name && *name ? name : entry->name);
  step->after = snapshot_take (schedule);
  snapshot_restore (step->before, schedule);
  return perform (self, step, error);
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
  BdSchedule *schedule = schedule_or_error (self, schedule_number, error);
  BdRow *row = schedule ? bd_schedule_find_row (schedule, code) : NULL;
  Step *step;

  if (schedule == NULL)
    return FALSE;
  if (row == NULL || !row->is_leaf || schedule->def->row_kind == BD_ROWS_BALANCE
      || schedule->def->row_kind == BD_ROWS_SINGLE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Only rows with figures of their own can be removed; 类 and 款 rows go with their last row."));
      return FALSE;
    }

  step = step_new (STEP_SCHEDULE, schedule_number);
  step->before = snapshot_take (schedule);
  g_ptr_array_remove (schedule->rows, row);
  for (guint i = schedule->rows->len; i-- > 0;)
    {
      BdRow *parent = g_ptr_array_index (schedule->rows, i);
      if (!parent->is_leaf && g_str_has_prefix (code, parent->code) && !has_leaf_below (schedule, parent->code))
        g_ptr_array_remove_index (schedule->rows, i);
    }
  bd_schedule_forget_published_sums (schedule);
  step->after = snapshot_take (schedule);
  snapshot_restore (step->before, schedule);
  return perform (self, step, error);
}

gboolean
bd_editor_apply_fix (BdEditor         *self,
                     const BdFinding  *finding,
                     GError          **error)
{
  const BdFix *fix = &finding->fix;
  BdSchedule *schedule;
  Step *step;

  switch (fix->kind)
    {
    case BD_FIX_NONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("This finding has no certain fix."));
      return FALSE;
    case BD_FIX_SET_AMOUNT:
      return bd_editor_set_cell (self, fix->schedule, BD_CELL_ROW, fix->code, fix->column, fix->value, error);
    case BD_FIX_SET_INCOME:
      return bd_editor_set_cell (self, fix->schedule, BD_CELL_INCOME, fix->code, 0, fix->value, error);
    case BD_FIX_ACCEPT_COMPUTED:
    case BD_FIX_SET_NOTE:
    case BD_FIX_SET_NAME:
    case BD_FIX_SET_TITLE_YEAR:
    default:
      if ((schedule = schedule_or_error (self, fix->schedule, error)) == NULL)
        return FALSE;
      step = step_new (STEP_SCHEDULE, fix->schedule);
      step->before = snapshot_take (schedule);
      if (!bd_finding_apply_fix (finding, self->doc))
        {
          step_free (step);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The fix no longer applies."));
          return FALSE;
        }
      step->after = snapshot_take (schedule);
      snapshot_restore (step->before, schedule);
      return perform (self, step, error);
    }
}

/* Text */

/* A section's paragraphs become @paragraphs (taken, as is @builder, which
 * made them), as one undoable step. */
static gboolean
perform_section (BdEditor      *self,
                 BdSection     *section,
                 GStrv          paragraphs,
                 GStrvBuilder  *builder,
                 GError       **error)
{
  Step *step = step_new (STEP_SECTION, 0);

  g_strv_builder_unref (builder);
  step->section = g_strdup (section->id);
  step->paragraphs_after = paragraphs;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < section->paragraphs->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (section->paragraphs, i));
  step->paragraphs_before = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (g_strv_equal ((const char * const *) step->paragraphs_before, (const char * const *) step->paragraphs_after))
    {
      step_free (step);
      return TRUE;
    }
  return perform (self, step, error);
}

gboolean
bd_editor_set_section_text (BdEditor    *self,
                            const char  *section_id,
                            const char  *text,
                            GError     **error)
{
  BdSection *section = bd_document_get_section (self->doc, section_id);
  g_autoptr(GRegex) blank_lines = g_regex_new ("\\n[ \\t]*\\n+", 0, 0, NULL);
  g_auto(GStrv) split = NULL;
  GStrvBuilder *builder;

  if (section == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The document has no section “%s”."), section_id);
      return FALSE;
    }

  split = g_regex_split (blank_lines, text, 0);
  builder = g_strv_builder_new ();
  for (guint i = 0; split[i]; i++)
    if (*g_strstrip (split[i]) != '\0')
      g_strv_builder_add (builder, split[i]);

  return perform_section (self, section, g_strv_builder_end (builder), builder, error);
}

gboolean
bd_editor_set_figure_text (BdEditor    *self,
                           const char  *key,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *section_id = g_strndup (key, strcspn (key, "."));
  BdSection *section = bd_document_get_section (self->doc, section_id);
  GStrvBuilder *builder;
  gboolean found = FALSE;

  if (section == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The document has no section “%s”."), section_id);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (section->paragraphs, i);
      g_autoptr(GArray) spans = found ? NULL : bd_section_figure_spans (section_id, paragraph);
      g_autoptr(GString) rewritten = NULL;

      for (guint j = 0; spans && j < spans->len && !found; j++)
        {
          BdFigureSpan *span = &g_array_index (spans, BdFigureSpan, j);
          g_autofree char *number = NULL;
          guint64 count;
          gint64 value;

          if (strcmp (span->key, key) != 0)
            continue;
          if (span->unit == BD_FIGURE_COUNT)
            {
              g_autofree char *trimmed = g_strstrip (g_strdup (text));
              if (!g_ascii_string_to_unsigned (trimmed, 10, 0, 1000000, &count, NULL))
                {
                  g_set_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_MALFORMED,
                               _("“%s” is not a count: write a whole number such as 17."), text);
                  g_strv_builder_unref (builder);
                  return FALSE;
                }
              number = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
            }
          else
            {
              if (!bd_money_parse (text, BD_UNIT_WAN, &value, error))
                {
                  g_strv_builder_unref (builder);
                  return FALSE;
                }
              number = bd_money_format_wan (value, TRUE);
            }
          rewritten = g_string_new_len (paragraph, span->start);
          g_string_append (rewritten, number);
          g_string_append (rewritten, paragraph + span->end);
          found = TRUE;
        }
      g_strv_builder_add (builder, rewritten ? rewritten->str : paragraph);
    }

  if (!found)
    {
      g_strv_builder_unref (builder);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The text does not state this figure."));
      return FALSE;
    }

  return perform_section (self, section, g_strv_builder_end (builder), builder, error);
}

/* Forms: each change copies the forms before and after (a department has
 * tens of them, not thousands), so any change is undone the same way. */

static GPtrArray *
projects_copy (GPtrArray *projects)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_project_free);

  g_ptr_array_extend (copy, projects, (GCopyFunc) project_copy, NULL);
  return copy;
}

/* Starts a forms step: the caller changes step->projects_after. */
static Step *
projects_step (BdEditor *self)
{
  Step *step = step_new (STEP_PROJECTS, 0);

  step->projects_before = projects_copy (self->doc->projects);
  step->projects_after = projects_copy (self->doc->projects);
  step->framework_before = step->framework_after = self->doc->framework;
  return step;
}

static BdProject *
project_or_error (Step     *step,
                  guint     index,
                  GError  **error)
{
  if (index >= step->projects_after->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no form %u."), index + 1);
      step_free (step);
      return NULL;
    }
  return g_ptr_array_index (step->projects_after, index);
}

gboolean
bd_editor_add_project (BdEditor    *self,
                       const char  *name,
                       GError     **error)
{
  Step *step = projects_step (self);
  BdProject *project = bd_project_new ();
  g_autofree char *start = g_strdup_printf ("%d-01-01", self->doc->year);
  g_autofree char *end = g_strdup_printf ("%d-12-31", self->doc->year);

  project->name = g_strdup (name && *name ? name : _("New project"));
  project->nature = g_strdup ("经常性项目");
  project->category = g_strdup ("特定目标类");
  project->supervisor = g_strdup (self->doc->department);
  project->implementer = g_strdup (self->doc->department);
  project->start_date = g_strdup (start);
  project->end_date = g_strdup (end);
  project->period = g_strdup_printf ("%d年-%d年", self->doc->year, self->doc->year);
  g_ptr_array_add (step->projects_after, project);
  return perform (self, step, error);
}

static char *
next_year (const char *text)
{
  g_autoptr(GRegex) years = g_regex_new ("(\\d{4})", 0, 0, NULL);
  GString *out = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  if (text == NULL)
    return NULL;
  g_regex_match (years, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_match_info_fetch_pos (match, 1, &start, &end);
      g_string_append_len (out, text + last, start - last);
      g_string_append_printf (out, "%d", atoi (text + start) + 1);
      last = end;
    }
  g_string_append (out, text + last);
  return g_string_free (out, FALSE);
}

gboolean
bd_editor_duplicate_project (BdEditor  *self,
                             guint      index,
                             GError   **error)
{
  Step *step = projects_step (self);
  BdProject *project = project_or_error (step, index, error);
  BdProject *copy;

  if (project == NULL)
    return FALSE;
  copy = project_copy (project, NULL);
  /* Last year's form, moved on a year: its dates and span, its goals kept. */
  g_free (copy->start_date), copy->start_date = next_year (project->start_date);
  g_free (copy->end_date), copy->end_date = next_year (project->end_date);
  g_free (copy->period), copy->period = next_year (project->period);
  g_ptr_array_insert (step->projects_after, index + 1, copy);
  return perform (self, step, error);
}

gboolean
bd_editor_remove_project (BdEditor  *self,
                          guint      index,
                          GError   **error)
{
  Step *step = projects_step (self);

  if (project_or_error (step, index, error) == NULL)
    return FALSE;
  g_ptr_array_remove_index (step->projects_after, index);
  return perform (self, step, error);
}

static gboolean
move_in (GPtrArray *array,
         guint      index,
         int        delta)
{
  int target = (int) index + delta;
  gpointer item;

  if (target < 0 || target >= (int) array->len || delta == 0)
    return FALSE;
  item = g_ptr_array_steal_index (array, index);
  g_ptr_array_insert (array, target, item);
  return TRUE;
}

gboolean
bd_editor_move_project (BdEditor  *self,
                        guint      index,
                        int        delta,
                        GError   **error)
{
  Step *step = projects_step (self);

  if (project_or_error (step, index, error) == NULL)
    return FALSE;
  if (!move_in (step->projects_after, index, delta))
    {
      step_free (step);
      return TRUE;
    }
  return perform (self, step, error);
}

static char **
project_text_field (BdProject  *project,
                    const char *field)
{
  const struct { const char *name; char **member; } fields[] = {
    { "name", &project->name }, { "nature", &project->nature }, { "category", &project->category },
    { "supervisor", &project->supervisor }, { "implementer", &project->implementer },
    { "start_date", &project->start_date }, { "end_date", &project->end_date }, { "period", &project->period },
    { "overall_goal", &project->overall_goal }, { "annual_goal", &project->annual_goal },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, field) == 0)
      return fields[i].member;
  return NULL;
}

static gint64 *
project_amount_field (BdProject  *project,
                      const char *field)
{
  const struct { const char *name; gint64 *member; } fields[] = {
    { "total_funds", &project->total_funds }, { "fiscal_funds", &project->fiscal_funds },
    { "other_funds", &project->other_funds }, { "annual_total", &project->annual_total },
    { "annual_fiscal", &project->annual_fiscal }, { "carryover", &project->carryover },
    { "annual_other", &project->annual_other },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, field) == 0)
      return fields[i].member;
  return NULL;
}

gboolean
bd_editor_set_project_text (BdEditor    *self,
                            guint        index,
                            const char  *field,
                            const char  *text,
                            GError     **error)
{
  Step *step = projects_step (self);
  BdProject *project = project_or_error (step, index, error);
  char **member;

  if (project == NULL)
    return FALSE;
  member = project_text_field (project, field);
  g_return_val_if_fail (member != NULL, (step_free (step), FALSE));
  if (g_strcmp0 (*member, text) == 0)
    {
      step_free (step);
      return TRUE;
    }
  g_free (*member);
  *member = g_strdup (text);
  return perform (self, step, error);
}

gboolean
bd_editor_set_project_amount (BdEditor    *self,
                              guint        index,
                              const char  *field,
                              const char  *text,
                              GError     **error)
{
  gint64 value;
  Step *step;
  BdProject *project;
  gint64 *member;

  if (!bd_money_parse (text, BD_UNIT_YUAN, &value, error))
    return FALSE;
  step = projects_step (self);
  if ((project = project_or_error (step, index, error)) == NULL)
    return FALSE;
  member = project_amount_field (project, field);
  g_return_val_if_fail (member != NULL, (step_free (step), FALSE));
  if (*member == value)
    {
      step_free (step);
      return TRUE;
    }
  *member = value;
  return perform (self, step, error);
}

static BdIndicator *
indicator_or_error (Step     *step,
                    guint     index,
                    guint     indicator,
                    GError  **error)
{
  BdProject *project = project_or_error (step, index, error);

  if (project == NULL)
    return NULL;
  if (indicator >= project->indicators->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The form has no indicator %u."), indicator + 1);
      step_free (step);
      return NULL;
    }
  return g_ptr_array_index (project->indicators, indicator);
}

gboolean
bd_editor_add_indicator (BdEditor    *self,
                         guint        index,
                         const char  *level1,
                         const char  *level2,
                         GError     **error)
{
  Step *step = projects_step (self);
  BdProject *project = project_or_error (step, index, error);
  guint position;

  if (project == NULL)
    return FALSE;
  /* After the last indicator of its category, so the tree stays grouped. */
  position = project->indicators->len;
  for (guint i = 0; i < project->indicators->len; i++)
    if (g_strcmp0 (((BdIndicator *) g_ptr_array_index (project->indicators, i))->level1, level1) == 0)
      position = i + 1;
  g_ptr_array_insert (project->indicators, position, bd_indicator_new (level1, level2, "", ""));
  return perform (self, step, error);
}

gboolean
bd_editor_set_indicator (BdEditor    *self,
                         guint        index,
                         guint        position,
                         const char  *level1,
                         const char  *level2,
                         const char  *name,
                         const char  *target,
                         GError     **error)
{
  Step *step = projects_step (self);
  BdIndicator *indicator = indicator_or_error (step, index, position, error);
  BdIndicator *changed;

  if (indicator == NULL)
    return FALSE;
  changed = bd_indicator_new (level1 ? level1 : indicator->level1, level2 ? level2 : indicator->level2,
                              name ? name : indicator->name, target ? target : indicator->target);
  if (g_strcmp0 (changed->level1, indicator->level1) == 0 && g_strcmp0 (changed->level2, indicator->level2) == 0
      && g_strcmp0 (changed->name, indicator->name) == 0 && g_strcmp0 (changed->target, indicator->target) == 0)
    {
      bd_indicator_free (changed);
      step_free (step);
      return TRUE;
    }
  g_ptr_array_index (((BdProject *) g_ptr_array_index (step->projects_after, index))->indicators, position) = changed;
  bd_indicator_free (indicator);
  return perform (self, step, error);
}

gboolean
bd_editor_remove_indicator (BdEditor  *self,
                            guint      index,
                            guint      position,
                            GError   **error)
{
  Step *step = projects_step (self);

  if (indicator_or_error (step, index, position, error) == NULL)
    return FALSE;
  g_ptr_array_remove_index (((BdProject *) g_ptr_array_index (step->projects_after, index))->indicators, position);
  return perform (self, step, error);
}

gboolean
bd_editor_move_indicator (BdEditor  *self,
                          guint      index,
                          guint      position,
                          int        delta,
                          GError   **error)
{
  Step *step = projects_step (self);

  if (indicator_or_error (step, index, position, error) == NULL)
    return FALSE;
  if (!move_in (((BdProject *) g_ptr_array_index (step->projects_after, index))->indicators, position, delta))
    {
      step_free (step);
      return TRUE;
    }
  return perform (self, step, error);
}

gboolean
bd_editor_set_framework (BdEditor     *self,
                         BdFramework   framework,
                         GError      **error)
{
  Step *step;

  if (self->doc->framework == framework)
    return TRUE;
  step = projects_step (self);
  step->framework_after = framework;
  return perform (self, step, error);
}

gboolean
bd_editor_take_last_year (BdEditor    *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, error);
  g_autoptr(BdDocument) last = store ? bd_store_load (store, error) : NULL;
  GStrv *before;
  Step *step;
  guint reads = BD_READS_TEXT;

  if (last == NULL)
    return FALSE;
  /* The text as it reads with the old comparisons, to tell the formula's
   * paragraphs from the clerk's. */
  before = generate_all (self);
  if (!bd_narrative_take_last_year (self->doc, last, error)
      || (self->store && !bd_store_save_figures (self->store, self->doc, error)))
    {
      free_all (before);
      return FALSE;
    }
  /* Last year's figures are settled once; the text they change is undoable. */
  step = step_new (STEP_SECTION, 0);
  step->section = g_strdup ("narrative");
  step->paragraphs_before = g_new0 (char *, 1);
  step->paragraphs_after = g_new0 (char *, 1);
  follow_numbers (self, step, before, &reads);
  free_all (before);
  if (step->then != NULL)
    {
      Step *text = g_steal_pointer (&step->then);
      step_free (step);
      g_ptr_array_add (self->undo, text);
      g_ptr_array_set_size (self->redo, 0);
    }
  else
    step_free (step);
  notify_changed (self, reads);
  return TRUE;
}

/* Undo */

gboolean
bd_editor_can_undo (BdEditor *self)
{
  return self->undo->len > 0;
}

gboolean
bd_editor_can_redo (BdEditor *self)
{
  return self->redo->len > 0;
}

static gboolean
move_step (BdEditor   *self,
           GPtrArray  *from,
           GPtrArray  *to,
           gboolean    forward,
           GError    **error)
{
  Step *step;
  guint reads = 0;

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  if (!step_apply (self, step, forward, TRUE, &reads, error))
    {
      g_ptr_array_add (from, step);
      notify_changed (self, reads);
      return FALSE;
    }
  g_ptr_array_add (to, step);
  notify_changed (self, reads);
  return TRUE;
}

gboolean
bd_editor_undo (BdEditor  *self,
                GError   **error)
{
  return move_step (self, self->undo, self->redo, FALSE, error);
}

gboolean
bd_editor_redo (BdEditor  *self,
                GError   **error)
{
  return move_step (self, self->redo, self->undo, TRUE, error);
}
