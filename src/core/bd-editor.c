/* bd-editor.c: the editor object, and what every kind of step shares: the
 * transaction, the text following the numbers, the undo stack, the recheck
 *
 * The kinds of step live with their edits: bd-editor-cells.c (figures and
 * rows), bd-editor-text.c (sections and quoted figures), bd-editor-forms.c
 * (the performance-goal forms).
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-editor-private.h"

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

/* Steps */

gpointer
bd_step_new (const BdStepKind *kind,
             guint             schedule)
{
  BdStep *step = g_malloc0 (kind->size);

  step->kind = kind;
  step->schedule = schedule;
  return step;
}

void
bd_step_free (BdStep *step)
{
  if (step == NULL)
    return;
  g_clear_pointer (&step->then, bd_step_free);
  step->kind->clear (step);
  g_free (step);
}

/* The store's transaction around a change. A document with no file yet
 * (no store) has none: beginning and committing succeed, and nothing is
 * rolled back. */
static gboolean
editor_begin (BdEditor  *self,
              GError   **error)
{
  return self->store == NULL || bd_store_begin (self->store, error);
}

static gboolean
editor_commit (BdEditor  *self,
               GError   **error)
{
  return self->store == NULL || bd_store_commit (self->store, error);
}

static void
editor_rollback (BdEditor *self)
{
  if (self->store != NULL)
    bd_store_rollback (self->store);
}

/* A step's writes, as one transaction. */
static gboolean
store_step (BdEditor  *self,
            BdStep    *step,
            GError   **error)
{
  if (!editor_begin (self, error))
    return FALSE;
  if (!step->kind->store (step, self, error))
    {
      editor_rollback (self);
      return FALSE;
    }
  return editor_commit (self, error);
}

/* Makes the document as the step leaves it (@forward) or found it, and
 * stores that. What the store refuses is undone in memory too. */
static gboolean
step_apply_one (BdEditor  *self,
                BdStep    *step,
                gboolean   forward,
                gboolean   store,
                guint     *reads,
                GError   **error)
{
  *reads = step->kind->apply (step, self, forward);
  if (store && self->store != NULL && !store_step (self, step, error))
    {
      step->kind->apply (step, self, !forward);
      return FALSE;
    }
  return TRUE;
}

/* A step and what came with it: forward in order, back in reverse. */
static gboolean
step_apply (BdEditor  *self,
            BdStep    *step,
            gboolean   forward,
            guint     *reads,
            GError   **error)
{
  guint more = 0, own = 0;

  if (step == NULL)
    return TRUE;
  if (forward)
    {
      if (!step_apply_one (self, step, TRUE, TRUE, &own, error))
        return FALSE;
      if (!step_apply (self, step->then, TRUE, &more, error))
        {
          step_apply_one (self, step, FALSE, TRUE, &own, NULL);
          *reads |= own | more;
          return FALSE;
        }
    }
  else
    {
      if (!step_apply (self, step->then, FALSE, &more, error))
        {
          *reads |= more;
          return FALSE;
        }
      if (!step_apply_one (self, step, FALSE, TRUE, &own, error))
        {
          step_apply (self, step->then, TRUE, &more, NULL);
          *reads |= own | more;
          return FALSE;
        }
    }
  *reads |= own | more;
  return TRUE;
}

/* A step and what came with it, in memory only: forward in order, back in
 * reverse. */
static void
chain_apply (BdStep   *step,
             BdEditor *editor,
             gboolean  forward,
             guint    *reads)
{
  if (step == NULL)
    return;
  if (forward)
    *reads |= step->kind->apply (step, editor, TRUE);
  chain_apply (step->then, editor, forward, reads);
  if (!forward)
    *reads |= step->kind->apply (step, editor, FALSE);
}

/* A group: several changes as one step (修正全部). Its steps, and what
 * followed each, are applied in memory in order (or undone in reverse),
 * then stored in one transaction. */

typedef struct {
  BdStep     parent;
  GPtrArray *steps;   /* BdStep* */
} GroupStep;

BD_DEFINE_STEP_KIND (GroupStep, group, FALSE)

static guint
group_apply (GroupStep *self,
             BdEditor  *editor,
             gboolean   forward)
{
  guint reads = 0, n = self->steps->len;

  for (guint i = 0; i < n; i++)
    chain_apply (g_ptr_array_index (self->steps, forward ? i : n - 1 - i), editor, forward, &reads);
  return reads;
}

static gboolean
group_store (GroupStep  *self,
             BdEditor   *editor,
             GError    **error)
{
  for (guint i = 0; i < self->steps->len; i++)
    for (BdStep *s = g_ptr_array_index (self->steps, i); s != NULL; s = s->then)
      if (!s->kind->store (s, editor, error))
        return FALSE;
  return TRUE;
}

static void
group_clear (GroupStep *self)
{
  g_ptr_array_unref (self->steps);
}

/* Ends the group being made: its steps become one on the undo stack, or
 * (@keep FALSE) are undone in memory and dropped, the transaction being
 * rolled back. */
static void
end_group (BdEditor *self,
           gboolean  keep)
{
  g_autoptr(GPtrArray) steps = g_steal_pointer (&self->group);
  GroupStep *group;
  guint reads = 0;

  if (steps->len == 0)
    return;
  group = bd_step_new (&group_kind, 0);
  group->steps = g_ptr_array_ref (steps);
  if (keep)
    {
      bd_editor_push (self, &group->parent);
      return;
    }
  reads = group_apply (group, self, FALSE);
  bd_step_free (&group->parent);
  bd_editor_notify_changed (self, reads);
}

gboolean
bd_editor_perform_group (BdEditor     *self,
                         gboolean      join_last,
                         BdGroupBody   body,
                         gpointer      data,
                         GError      **error)
{
  gboolean joined = FALSE;
  gboolean ok;

  g_return_val_if_fail (self->group == NULL, FALSE);

  if (!bd_editor_check_writable (self, error) || !editor_begin (self, error))
    return FALSE;
  self->group = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_step_free);
  if (join_last && self->undo->len > 0)
    {
      g_ptr_array_add (self->group, g_ptr_array_steal_index (self->undo, self->undo->len - 1));
      joined = TRUE;
    }
  ok = body (self, data, error);
  if (ok)
    ok = editor_commit (self, error);
  else
    editor_rollback (self);
  /* The step joined was stored on its own: it stays, on its own. */
  if (!ok && joined)
    g_ptr_array_add (self->undo, g_ptr_array_steal_index (self->group, 0));
  end_group (self, ok);
  bd_editor_notify_changed (self, 0);
  return ok;
}

void
bd_editor_notify_changed (BdEditor *self,
                          guint     reads)
{
  self->findings = bd_checker_update (self->checker, reads);
  g_signal_emit (self, signals[CHANGED], 0, reads);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

void
bd_editor_push (BdEditor *self,
                BdStep   *step)
{
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
}

gboolean
bd_editor_check_writable (BdEditor  *self,
                          GError   **error)
{
  if (self->store != NULL && bd_store_is_read_only (self->store))
    {
      g_autofree char *name = g_filename_display_basename (bd_store_get_path (self->store));
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; the change was not stored."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
bd_editor_perform (BdEditor  *self,
                   BdStep    *step,
                   GError   **error)
{
  GStrv *before = NULL;
  guint reads = 0;

  if (!bd_editor_check_writable (self, error))
    {
      bd_step_free (step);
      return FALSE;
    }
  if (step->kind->changes_numbers)
    before = bd_editor_generate_text (self);
  /* The change and what follows it reach the file together, in one commit
   * (one sync of the disk per change, not one per follower). */
  if (!editor_begin (self, error))
    {
      bd_editor_free_text (before);
      bd_step_free (step);
      return FALSE;
    }
  if (!step_apply_one (self, step, TRUE, TRUE, &reads, error))
    {
      editor_rollback (self);
      bd_editor_free_text (before);
      bd_step_free (step);
      bd_editor_notify_changed (self, reads);
      return FALSE;
    }
  if (before != NULL)
    {
      BdStep **link = &step->then;

      while (*link != NULL)
        link = &(*link)->then;
      link = bd_editor_follow_sources (self, step->schedule, link, &reads);
      bd_editor_follow_numbers (self, link, before, &reads);
      bd_editor_free_text (before);
    }
  if (!editor_commit (self, error))
    {
      chain_apply (step, self, FALSE, &reads);
      bd_step_free (step);
      bd_editor_notify_changed (self, reads);
      return FALSE;
    }
  if (self->group != NULL)
    g_ptr_array_add (self->group, step);
  else
    bd_editor_push (self, step);
  bd_editor_notify_changed (self, reads);
  return TRUE;
}

gboolean
bd_editor_apply_follower (BdEditor *self,
                          BdStep   *step,
                          guint    *reads)
{
  g_autoptr(GError) error = NULL;
  guint own = 0;

  if (!step_apply_one (self, step, TRUE, TRUE, &own, &error))
    {
      g_warning ("%s", error->message);
      bd_step_free (step);
      return FALSE;
    }
  *reads |= own;
  return TRUE;
}

BdSchedule *
bd_editor_schedule_or_error (BdEditor  *self,
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

/* GObject */

static void
bd_editor_finalize (GObject *object)
{
  BdEditor *self = (BdEditor *) object;

  g_clear_pointer (&self->group, g_ptr_array_unref);
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
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_step_free);
}

BdEditor *
bd_editor_new (BdDocument *doc,
               BdStore    *store)
{
  BdEditor *self;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (store == NULL || BD_IS_STORE (store), NULL);

  self = g_object_new (BD_TYPE_EDITOR, NULL);
  self->doc = g_object_ref (doc);
  self->store = store ? g_object_ref (store) : NULL;
  self->checker = bd_checker_new (doc);
  self->findings = bd_checker_update (self->checker, BD_READS_EVERYTHING);
  return self;
}

BdDocument *
bd_editor_get_document (BdEditor *self)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);
  return self->doc;
}

BdStore *
bd_editor_get_store (BdEditor *self)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);
  return self->store;
}

GPtrArray *
bd_editor_get_findings (BdEditor *self)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);
  return self->findings;
}

/* Undo */

gboolean
bd_editor_can_undo (BdEditor *self)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return self->undo->len > 0;
}

gboolean
bd_editor_can_redo (BdEditor *self)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return self->redo->len > 0;
}

static gboolean
move_step (BdEditor   *self,
           GPtrArray  *from,
           GPtrArray  *to,
           gboolean    forward,
           GError    **error)
{
  BdStep *step;
  guint reads = 0;
  gboolean ok;

  if (from->len == 0)
    return FALSE;
  if (!editor_begin (self, error))
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  ok = step_apply (self, step, forward, &reads, error);
  if (!ok)
    editor_rollback (self);
  else if (!editor_commit (self, error))
    {
      /* Nothing reached the file: the document goes back to match it. */
      chain_apply (step, self, !forward, &reads);
      ok = FALSE;
    }
  if (!ok)
    {
      g_ptr_array_add (from, step);
      bd_editor_notify_changed (self, reads);
      return FALSE;
    }
  g_ptr_array_add (to, step);
  bd_editor_notify_changed (self, reads);
  return TRUE;
}

gboolean
bd_editor_undo (BdEditor  *self,
                GError   **error)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return move_step (self, self->undo, self->redo, FALSE, error);
}

gboolean
bd_editor_redo (BdEditor  *self,
                GError   **error)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return move_step (self, self->redo, self->undo, TRUE, error);
}
