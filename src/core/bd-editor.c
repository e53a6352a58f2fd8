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

void
bd_step_free (BdStep *step)
{
  if (step == NULL)
    return;
  g_clear_pointer (&step->then, bd_step_free);
  step->kind->free (step);
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
  if (store && self->store != NULL && !step->kind->store (step, self, error))
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
bd_editor_perform (BdEditor  *self,
                   BdStep    *step,
                   GError   **error)
{
  GStrv *before = NULL;
  guint reads = 0;

  if (self->store != NULL && bd_store_is_read_only (self->store))
    {
      g_autofree char *name = g_filename_display_basename (bd_store_get_path (self->store));
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; the change was not stored."), name);
      bd_step_free (step);
      return FALSE;
    }
  if (step->kind->changes_numbers)
    before = bd_editor_generate_text (self);
  if (!step_apply_one (self, step, TRUE, TRUE, &reads, error))
    {
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
      bd_editor_follow_numbers (self, link, before, &reads);
      bd_editor_free_text (before);
    }
  bd_editor_push (self, step);
  bd_editor_notify_changed (self, reads);
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

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  if (!step_apply (self, step, forward, &reads, error))
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
