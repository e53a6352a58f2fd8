/* bd-provenance.c: where an imported document's rows came from, and the
 * carried-over paragraphs still to review
 *
 * Both are stored with the document (file format 5): a finding about an
 * imported document names the page, line or cell the clerk has in hand,
 * after the import as well as during it.
 */
#include <glib/gi18n-lib.h>

#include "bd-document.h"
#include "bd-workbook-reader.h"

gboolean
bd_section_is_to_review (const BdSection *section,
                         const char      *text)
{
  g_return_val_if_fail (section != NULL, FALSE);
  return text != NULL && g_hash_table_contains (section->to_review, text);
}

void
bd_section_set_to_review (BdSection  *section,
                          const char *text,
                          gboolean    to_review)
{
  g_return_if_fail (section != NULL && text != NULL);
  if (to_review)
    g_hash_table_add (section->to_review, g_strdup (text));
  else
    g_hash_table_remove (section->to_review, text);
}

/* One place, whichever source it names. */
static char *
source_text (guint       page,
             guint       line,
             guint       column,
             const char *sheet)
{
  if (page != 0)
    /* TRANSLATORS: where a figure was read: a page of a published PDF */
    return g_strdup_printf (_("page %u"), page);
  if (sheet != NULL && line != 0 && column != 0)
    {
      g_autofree char *cell = bd_workbook_cell_name (line - 1, column - 1);
      /* TRANSLATORS: where a figure was read: a sheet and a cell of a workbook */
      return g_strdup_printf (_("sheet “%s”, cell %s"), sheet, cell);
    }
  if (sheet != NULL)
    /* TRANSLATORS: where a table was read: a sheet of a workbook */
    return g_strdup_printf (_("sheet “%s”"), sheet);
  if (line != 0)
    /* TRANSLATORS: where a figure was read: a line of a published text */
    return g_strdup_printf (_("line %u"), line);
  return NULL;
}

char *
bd_row_source_text (const BdRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return source_text (row->source_page, row->source_line, row->source_column, row->source_sheet);
}

char *
bd_import_note_source_text (const BdImportNote *note)
{
  g_return_val_if_fail (note != NULL, NULL);
  return source_text (note->page, note->line, 0, NULL);
}

char *
bd_schedule_source_text (const BdSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return source_text (schedule->source_page, schedule->source_line, 0, schedule->source_sheet);
}
