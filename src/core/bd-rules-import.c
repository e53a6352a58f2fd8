/* bd-rules-import.c: what the document brought from elsewhere
 *
 * The importer reads a document that disagrees with itself (a 编制部门 unlike
 * the document's, a code printed twice, a 款 printed as "2") and notes each
 * place (BdDocument.import_notes); the rule reports them where they stand.
 * new-year carries last year's paragraphs over; those still quoting last
 * year's figures are reported until the clerk has changed them, and its
 * forms, re-dated with last year's indicators and targets, until the clerk
 * has edited each or marked it reviewed.
 */

#include <glib/gi18n-lib.h>

#include "bd-rules-private.h"

void
bd_rule_as_printed (BdCheck *check)
{
  GPtrArray *notes = check->doc->import_notes;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const BdImportNote *note = g_ptr_array_index (notes, i);
      bd_check_report (check, note->part, note->row, NULL, NULL, NULL, g_strdup (note->message));
    }
}

/* A paragraph's opening words name it: the finding's row, which the
 * window finds in the section's text. */
static char *
opening_words (const char *paragraph)
{
  const char *end = paragraph;
  guint n = 0;

  while (*end != '\0' && *end != '\n' && n < 16)
    end = g_utf8_next_char (end), n++;
  return g_strndup (paragraph, end - paragraph);
}

void
bd_rule_carried_over (BdCheck *check)
{
  BdDocument *doc = check->doc;

  for (guint i = 0; i < doc->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (doc->sections, i);
      BdPart part;

      if (g_hash_table_size (section->to_review) == 0)
        continue;
      if (!bd_part_from_string (section->id, &part))
        part = BD_PART_DOCUMENT;
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const char *text = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *opening = NULL;

          if (!bd_section_is_to_review (section, text))
            continue;
          opening = opening_words (text);
          bd_check_report (check, part, opening, NULL, NULL, NULL,
                           g_strdup_printf (_("Carried over from %d and still quoting its figures: review “%s…”"),
                                            doc->year - 1, opening));
        }
    }
}

void
bd_rule_form_to_review (BdCheck *check)
{
  GPtrArray *projects = check->doc->projects;

  for (guint i = 0; i < projects->len; i++)
    {
      const BdProject *p = g_ptr_array_index (projects, i);

      if (p->to_review)
        bd_check_report (check, BD_PART_PERFORMANCE, p->name, NULL, NULL, NULL,
                         g_strdup_printf (_("%s: carried over from %d with its indicators and targets: review it"),
                                          p->name, check->doc->year - 1));
    }
}
