/* bd-editor-codes.c: a step registering codes the catalog lacks
 *
 * A row added with a code the catalog does not know (a sheet's 2129901
 * 城运专项) is named by the document's own table of extra codes; without an
 * entry there the checker warns about the code. The entry is added in the
 * same undoable step as the row, so that one undo removes both.
 */
#include "bd-editor-private.h"

typedef struct {
  BdStep     parent;
  GPtrArray *classifications;   /* GUINT_TO_POINTER (BdClassification) */
  GPtrArray *codes;             /* char * */
  GPtrArray *names;             /* char * */
} CodesStep;

BD_DEFINE_STEP_KIND (CodesStep, codes, FALSE)

static guint
codes_apply (CodesStep *self,
             BdEditor  *editor,
             gboolean   forward)
{
  for (guint i = 0; i < self->codes->len; i++)
    {
      guint c = GPOINTER_TO_UINT (g_ptr_array_index (self->classifications, i));
      const char *code = g_ptr_array_index (self->codes, i);

      if (forward)
        bd_document_add_extra_code (editor->doc, c, code, g_ptr_array_index (self->names, i));
      else
        g_hash_table_remove (editor->doc->extra_codes[c], code);
    }
  return BD_READS_ROWS;
}

static gboolean
codes_store (CodesStep  *self,
             BdEditor   *editor,
             GError    **error)
{
  return bd_store_save_extra_codes (editor->store, editor->doc, error);
}

static void
codes_clear (CodesStep *self)
{
  g_ptr_array_unref (self->classifications);
  g_ptr_array_unref (self->codes);
  g_ptr_array_unref (self->names);
}

BdStep *
bd_codes_step_new (void)
{
  CodesStep *self = bd_step_new (&codes_kind, 0);

  self->classifications = g_ptr_array_new ();
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  return &self->parent;
}

void
bd_codes_step_add (BdStep           *step,
                   guint             classification,
                   const char       *code,
                   const char       *name)
{
  CodesStep *self = (CodesStep *) step;

  g_return_if_fail (step->kind == &codes_kind);

  g_ptr_array_add (self->classifications, GUINT_TO_POINTER (classification));
  g_ptr_array_add (self->codes, g_strdup (code));
  g_ptr_array_add (self->names, g_strdup (name));
}

gboolean
bd_codes_step_is_empty (BdStep *step)
{
  return ((CodesStep *) step)->codes->len == 0;
}
