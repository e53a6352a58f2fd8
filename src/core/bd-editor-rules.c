/* bd-editor-rules.c: the document's rule profile, changed from the window
 *
 * A rule switched off or given another severity is a change of the document
 * like any other: stored at once with its header (the rule_setting table),
 * undoable, and followed by the checker, which runs a rule again when its
 * setting changes (so the step itself reports nothing read as changed).
 */

#include "bd-editor-private.h"

typedef struct {
  BdStep      parent;
  GHashTable *before;   /* rule id → setting */
  GHashTable *after;
} ProfileStep;

BD_DEFINE_STEP_KIND (ProfileStep, profile, FALSE)

/* Makes @into hold what @from holds. */
static void
profile_fill (GHashTable *into,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (into);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (into, g_strdup (key), g_strdup (value));
}

static GHashTable *
profile_copy (GHashTable *profile)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  profile_fill (copy, profile);
  return copy;
}

static gboolean
profile_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static guint
profile_apply (ProfileStep *self,
               BdEditor    *editor,
               gboolean     forward)
{
  profile_fill (editor->doc->rule_profile, forward ? self->after : self->before);
  return 0;
}

static gboolean
profile_store (ProfileStep  *self,
               BdEditor     *editor,
               GError      **error)
{
  return bd_store_save_header (editor->store, editor->doc, error);
}

static void
profile_clear (ProfileStep *self)
{
  g_hash_table_unref (self->before);
  g_hash_table_unref (self->after);
}

/* Performs the change from the profile as it is to @after (taken); nothing
 * when they are the same. */
static gboolean
perform_profile (BdEditor    *self,
                 GHashTable  *after,
                 GError     **error)
{
  ProfileStep *step;

  if (profile_equal (self->doc->rule_profile, after))
    {
      g_hash_table_unref (after);
      return TRUE;
    }
  step = bd_step_new (&profile_kind, 0);
  step->before = profile_copy (self->doc->rule_profile);
  step->after = after;
  return bd_editor_perform (self, &step->parent, error);
}

gboolean
bd_editor_set_rule_setting (BdEditor    *self,
                            const char  *rule,
                            const char  *setting,
                            GError     **error)
{
  GHashTable *own = self->doc->rule_profile;
  GHashTable *after = profile_copy (own);
  gboolean known;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  /* The profile's own checks (a known rule, a known setting) on a copy:
   * the document changes only through the step. */
  self->doc->rule_profile = after;
  known = bd_rule_profile_set (self->doc, rule, setting, error);
  self->doc->rule_profile = own;
  if (!known)
    {
      g_hash_table_unref (after);
      return FALSE;
    }
  return perform_profile (self, after, error);
}

gboolean
bd_editor_set_threshold (BdEditor     *self,
                         BdThreshold   threshold,
                         guint         percent,
                         GError      **error)
{
  g_autofree char *setting = percent > 0 ? g_strdup_printf ("%u", percent) : NULL;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return bd_editor_set_rule_setting (self, bd_rules_threshold_name (threshold), setting, error);
}

gboolean
bd_editor_reset_rule_profile (BdEditor  *self,
                              GError   **error)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  return perform_profile (self, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), error);
}

void
bd_editor_recheck (BdEditor *self,
                   guint     reads)
{
  g_return_if_fail (BD_IS_EDITOR (self));
  bd_editor_notify_changed (self, reads);
}
