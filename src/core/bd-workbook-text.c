/* bd-workbook-text.c: the cover and the text sections of a workbook
 *
 * BudgetDesk's export writes them after the tables (bd-xlsx-writer.c): the
 * cover's lines (附件1, the title, 预算主管部门：…), then a sheet a section,
 * its title in the first cell and a paragraph a cell below it. A sheet is
 * known by what it says, as the published text's parts are
 * (bd_import_classify_title), not by its name.
 */
#include <string.h>

#include "bd-import-private.h"
#include "bd-workbook-import.h"

/* A text section's id is its part's name, as the importer's. */
static const char *
section_of (const char *heading)
{
  return bd_import_section_id (bd_import_classify_title (heading).kind);
}

/* The text of the sheet's cells, in reading order; a cell that is only
 * blanks is none. */
static GPtrArray *
sheet_texts (BdWorkbookSheet *sheet)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const BdWorkbookCell *cell = &g_array_index (sheet->cells, BdWorkbookCell, i);
      char *text = g_strdup (cell->text ? cell->text : "");

      g_strchomp (text);
      if (*text != '\0')
        g_ptr_array_add (texts, text);
      else
        g_free (text);
    }
  return texts;
}

/* A section the district template still holds as it came (“XX是…。”,
 * “x,xxx万元”), or a heading alone: the document keeps its own text. */
static gboolean
is_filled_in (GPtrArray *texts)
{
  if (texts->len < 2)
    return FALSE;
  for (guint i = 1; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (strstr (text, "XX") != NULL || strstr (text, "xx") != NULL || strstr (text, "x,xxx") != NULL)
        return FALSE;
    }
  return TRUE;
}

/* The cover: the attachment line, the title and the department. */
static void
read_cover (GPtrArray  *texts,
            BdDocument *doc)
{
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (texts, i));
      const char *value;

      bd_import_trim (line);
      if (strstr (line, "XX") != NULL)
        continue;   /* the template's 上海市普陀区XX局, not filled in */
      if (g_str_has_prefix (line, "附件") && g_utf8_strlen (line, -1) <= 6)
        {
          g_free (doc->attachment);
          doc->attachment = g_strdup (line);
        }
      /* The tables' 编制部门 comes first: a template's cover may still say
       * 上海市普陀区XX局. */
      else if (((value = bd_import_after_label (line, "预算主管部门")) != NULL
                || (value = bd_import_after_label (line, "预算单位")) != NULL)
               && (doc->department == NULL || *doc->department == '\0'))
        {
          g_free (doc->department);
          doc->department = g_strdup (value);
        }
      else if ((g_str_has_suffix (line, "部门预算") || g_str_has_suffix (line, "单位预算"))
               && strstr (line, "年") != NULL)
        {
          g_free (doc->title);
          doc->title = g_strdup (line);
        }
    }
}

static void
read_sections (GPtrArray  *sheets,
               BdDocument *doc,
               GHashTable *read)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autoptr(GPtrArray) texts = sheet_texts (g_ptr_array_index (sheets, i));
      const char *id;
      BdSection *section;
      guint at;

      if (texts->len == 0)
        continue;
      id = section_of (g_ptr_array_index (texts, 0));
      if (id == NULL)
        {
          read_cover (texts, doc);
          continue;
        }
      if (!is_filled_in (texts))
        continue;
      section = bd_document_ensure_section (doc, id, g_ptr_array_index (texts, 0));
      /* In the workbook's order, which is the document's. */
      if (g_ptr_array_find (doc->sections, section, &at))
        g_ptr_array_insert (doc->sections, g_hash_table_size (read), g_ptr_array_steal_index (doc->sections, at));
      g_free (section->title);
      section->title = g_strdup (g_ptr_array_index (texts, 0));
      g_ptr_array_set_size (section->paragraphs, 0);
      for (guint p = 1; p < texts->len; p++)
        g_ptr_array_add (section->paragraphs, g_strdup (g_ptr_array_index (texts, p)));
      g_hash_table_add (read, (gpointer) id);
    }
}

/* The sections the workbook holds are its own (their figures read from
 * them, last year's from their comparisons); 编制说明 and 其他相关情况说明
 * it lacks are written from the numbers. */
void
bd_workbook_read_texts (GPtrArray  *sheets,
                        BdDocument *doc)
{
  g_autoptr(GHashTable) read = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const generated[] = { "narrative", "other" };

  g_return_if_fail (sheets != NULL);
  g_return_if_fail (BD_IS_DOCUMENT (doc));

  read_sections (sheets, doc, read);
  for (guint i = 0; i < doc->sections->len; i++)
    if (g_hash_table_contains (read, ((BdSection *) g_ptr_array_index (doc->sections, i))->id))
      {
        /* What the empty document's own text quoted goes first. */
        bd_document_read_section_figures (doc, g_ptr_array_index (doc->sections, i));
        bd_document_import_section_figures (doc, g_ptr_array_index (doc->sections, i));
      }
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      BdSection *section = bd_document_get_section (doc, generated[i]);

      if (section != NULL && !g_hash_table_contains (read, generated[i]))
        bd_import_write_from_numbers (doc, section);
    }
}
