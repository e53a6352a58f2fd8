/* bd-editor-text.c: the text sections, the figures they quote, and the text
 * that follows the numbers
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-editor-private.h"
#include "bd-narrative.h"

typedef struct {
  BdStep  parent;
  char   *section;
  GStrv   before;
  GStrv   after;
  GStrv   review_before;   /* the paragraphs to review, as the step found them */
  GStrv   review_after;    /* and leaves them */
} SectionStep;

BD_DEFINE_STEP_KIND (SectionStep, section, FALSE)

static void
set_to_review (BdSection *section,
               GStrv      texts)
{
  g_hash_table_remove_all (section->to_review);
  for (guint i = 0; texts && texts[i]; i++)
    bd_section_set_to_review (section, texts[i], TRUE);
}

/* Those of @paragraphs that are to review in @section now. */
static GStrv
review_of (BdSection *section,
           GStrv      paragraphs)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv texts;

  for (guint i = 0; paragraphs && paragraphs[i]; i++)
    if (bd_section_is_to_review (section, paragraphs[i]))
      g_strv_builder_add (builder, paragraphs[i]);
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return texts;
}

static void
set_paragraphs (BdSection *section,
                GStrv      paragraphs)
{
  g_ptr_array_set_size (section->paragraphs, 0);
  for (guint i = 0; paragraphs && paragraphs[i]; i++)
    g_ptr_array_add (section->paragraphs, g_strdup (paragraphs[i]));
}

static guint
section_apply (SectionStep *self,
               BdEditor    *editor,
               gboolean     forward)
{
  BdSection *section = bd_document_get_section (editor->doc, self->section);

  set_paragraphs (section, forward ? self->after : self->before);
  set_to_review (section, forward ? self->review_after : self->review_before);
  /* The figures a section quotes are read from its words, so the checker
   * checks what the text says now. */
  bd_document_read_section_figures (editor->doc, section);
  return BD_READS_TEXT;
}

static gboolean
section_store (SectionStep  *self,
               BdEditor     *editor,
               GError      **error)
{
  BdSection *section = bd_document_get_section (editor->doc, self->section);

  return bd_store_save_section (editor->store, editor->doc, section, error)
         && bd_store_save_figures (editor->store, editor->doc, error);
}

static void
section_clear (SectionStep *self)
{
  g_free (self->section);
  g_strfreev (self->before);
  g_strfreev (self->after);
  g_strfreev (self->review_before);
  g_strfreev (self->review_after);
}

static GStrv
paragraphs_copy (BdSection *section)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv copy;

  for (guint i = 0; i < section->paragraphs->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (section->paragraphs, i));
  copy = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return copy;
}

BdStep *
bd_section_step_new (BdSection *section,
                     GStrv      paragraphs)
{
  SectionStep *self;
  GStrv before = paragraphs_copy (section);

  if (g_strv_equal ((const char * const *) before, (const char * const *) paragraphs))
    {
      g_strfreev (before);
      g_strfreev (paragraphs);
      return NULL;
    }
  self = bd_step_new (&section_kind, 0);
  self->section = g_strdup (section->id);
  self->before = before;
  self->after = paragraphs;
  /* A paragraph the clerk changes is reviewed; the others stay as they were. */
  self->review_before = review_of (section, self->before);
  self->review_after = review_of (section, self->after);
  return &self->parent;
}

/* The formula rewrote the figures of paragraphs (they follow the numbers):
 * the clerk has reviewed none of them, so each keeps its flag. */
static void
section_step_keep_review (BdStep    *step,
                          BdSection *section)
{
  SectionStep *self = (SectionStep *) step;
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n_before = g_strv_length (self->before);

  for (guint i = 0; self->after[i]; i++)
    if (bd_section_is_to_review (section, self->after[i])
        || (i < n_before && bd_section_is_to_review (section, self->before[i])))
      g_strv_builder_add (builder, self->after[i]);
  g_strfreev (self->review_after);
  self->review_after = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

/* The text following the numbers */

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

GStrv *
bd_editor_generate_text (BdEditor *self)
{
  GStrv *texts = g_new0 (GStrv, G_N_ELEMENTS (generated_sections));

  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    if (bd_document_get_section (self->doc, generated_sections[i]) != NULL)
      texts[i] = bd_narrative_generate (self->doc, generated_sections[i]);
  return texts;
}

void
bd_editor_free_text (GStrv *texts)
{
  if (texts == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    g_strfreev (texts[i]);
  g_free (texts);
}

/* The paragraphs of @section with those that still read as the formula
 * wrote them (@before) as it writes them now (@after). */
static GStrv
followed_paragraphs (BdSection *section,
                     GStrv      before,
                     GStrv      after)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n_before = g_strv_length (before), n_after = g_strv_length (after);
  GStrv paragraphs;

  for (guint p = 0; p < section->paragraphs->len; p++)
    {
      const char *current = g_ptr_array_index (section->paragraphs, p);
      gboolean formula = p < n_before && same_words (current, before[p]) && p < n_after;

      g_strv_builder_add (builder, formula ? after[p] : current);
    }
  paragraphs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paragraphs;
}

/* A paragraph the clerk rewrote is kept. The sections changed join the
 * step, so undo takes them back with it. */
void
bd_editor_follow_numbers (BdEditor  *self,
                          BdStep   **link,
                          GStrv     *before,
                          guint     *reads)
{
  GStrv *after = bd_editor_generate_text (self);

  for (guint i = 0; i < G_N_ELEMENTS (generated_sections); i++)
    {
      BdSection *section = bd_document_get_section (self->doc, generated_sections[i]);
      BdStep *child;

      if (section == NULL || before[i] == NULL || after[i] == NULL)
        continue;
      child = bd_section_step_new (section, followed_paragraphs (section, before[i], after[i]));
      if (child == NULL)
        continue;
      section_step_keep_review (child, section);
      if (!bd_editor_apply_follower (self, child, reads))
        continue;
      *link = child;
      link = &child->then;
    }
  bd_editor_free_text (after);
}

/* Text */

static BdSection *
section_or_error (BdEditor    *self,
                  const char  *section_id,
                  GError     **error)
{
  BdSection *section = bd_document_get_section (self->doc, section_id);

  if (section == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The document has no section “%s”."), section_id);
  return section;
}

/* A section's paragraphs become @paragraphs (taken), as one undoable step. */
static gboolean
perform_section (BdEditor   *self,
                 BdSection  *section,
                 GStrv       paragraphs,
                 GError    **error)
{
  BdStep *step = bd_section_step_new (section, paragraphs);

  return step == NULL || bd_editor_perform (self, step, error);
}

gboolean
bd_editor_set_section_text (BdEditor    *self,
                            const char  *section_id,
                            const char  *text,
                            GError     **error)
{
  g_autoptr(GRegex) blank_lines = NULL;
  g_auto(GStrv) split = NULL;
  GStrvBuilder *builder;
  BdSection *section;
  GStrv paragraphs;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (section_id != NULL && text != NULL, FALSE);

  if ((section = section_or_error (self, section_id, error)) == NULL)
    return FALSE;
  blank_lines = g_regex_new ("\\n[ \\t]*\\n+", 0, 0, NULL);
  split = g_regex_split (blank_lines, text, 0);
  builder = g_strv_builder_new ();
  for (guint i = 0; split[i]; i++)
    if (*g_strstrip (split[i]) != '\0')
      g_strv_builder_add (builder, split[i]);
  paragraphs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return perform_section (self, section, paragraphs, error);
}

/* @text as the number a span of @unit is written with. */
static char *
figure_number (BdFigureUnit   unit,
               const char    *text,
               GError       **error)
{
  gint64 value;

  if (unit == BD_FIGURE_COUNT)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      guint64 count;

      if (!g_ascii_string_to_unsigned (trimmed, 10, 0, 1000000, &count, NULL))
        {
          g_set_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_MALFORMED,
                       _("“%s” is not a count: write a whole number such as 17."), text);
          return NULL;
        }
      return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
    }
  if (!bd_money_parse (text, BD_UNIT_WAN, &value, error))
    return NULL;
  return bd_money_format_wan (value, TRUE);
}

/* @paragraph with the figure @key written as @text; NULL and no error when
 * the paragraph does not state it. */
static char *
rewrite_figure (const char  *section_id,
                const char  *paragraph,
                const char  *key,
                const char  *text,
                GError     **error)
{
  g_autoptr(GArray) spans = bd_section_figure_spans (section_id, paragraph);

  for (guint j = 0; j < spans->len; j++)
    {
      BdFigureSpan *span = &g_array_index (spans, BdFigureSpan, j);
      g_autofree char *number = NULL;
      GString *rewritten;

      if (strcmp (span->key, key) != 0)
        continue;
      if ((number = figure_number (span->unit, text, error)) == NULL)
        return NULL;
      rewritten = g_string_new_len (paragraph, span->start);
      g_string_append (rewritten, number);
      g_string_append (rewritten, paragraph + span->end);
      return g_string_free (rewritten, FALSE);
    }
  return NULL;
}

BdSection *
bd_editor_ensure_section (BdEditor   *self,
                          const char *id,
                          const char *title)
{
  g_return_val_if_fail (BD_IS_EDITOR (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return bd_document_ensure_section (self->doc, id, title);
}

gboolean
bd_editor_set_figure_text (BdEditor    *self,
                           const char  *key,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *section_id = NULL;
  g_autoptr(GError) local_error = NULL;
  BdSection *section;
  g_auto(GStrv) paragraphs = NULL;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL && text != NULL, FALSE);

  section_id = g_strndup (key, strcspn (key, "."));
  if ((section = section_or_error (self, section_id, error)) == NULL)
    return FALSE;
  paragraphs = paragraphs_copy (section);
  for (guint i = 0; paragraphs[i]; i++)
    {
      char *rewritten = rewrite_figure (section_id, paragraphs[i], key, text, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (rewritten != NULL)
        {
          g_free (paragraphs[i]);
          paragraphs[i] = rewritten;
          return perform_section (self, section, g_steal_pointer (&paragraphs), error);
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The text does not state this figure."));
  return FALSE;
}

gboolean
bd_editor_take_last_year (BdEditor    *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) last = NULL;
  BdStep *text = NULL;
  GStrv *before;
  guint reads = BD_READS_TEXT;

  g_return_val_if_fail (BD_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, error);
  last = store ? bd_store_load (store, error) : NULL;
  if (last == NULL)
    return FALSE;
  /* The text as it reads with the old comparisons, to tell the formula's
   * paragraphs from the clerk's. */
  before = bd_editor_generate_text (self);
  if (!bd_narrative_take_last_year (self->doc, last, error)
      || (self->store && !bd_store_save_figures (self->store, self->doc, error)))
    {
      bd_editor_free_text (before);
      return FALSE;
    }
  /* Last year's figures are settled once; the text they change is undoable. */
  bd_editor_follow_numbers (self, &text, before, &reads);
  bd_editor_free_text (before);
  if (text != NULL)
    bd_editor_push (self, text);
  bd_editor_notify_changed (self, reads);
  return TRUE;
}
