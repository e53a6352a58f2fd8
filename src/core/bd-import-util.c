/* bd-import-util.c: lines, cells and messages, shared by the importer's parts */

#include <glib/gi18n-lib.h>

#include "bd-import-private.h"
#include "bd-narrative.h"

/* The page of each line when the text was read from a PDF: messages then
 * name the page, which is what the clerk has in hand. */
static GPrivate line_pages_key;

void
bd_import_set_line_pages (GArray *line_pages)
{
  g_private_set (&line_pages_key, line_pages);
}

guint
bd_import_page_of_line (guint line_index)
{
  GArray *line_pages = g_private_get (&line_pages_key);

  if (line_pages == NULL || line_pages->len == 0)
    return 0;
  return g_array_index (line_pages, guint, MIN (line_index, line_pages->len - 1));
}

guint
bd_import_text_line (guint line_index)
{
  GArray *line_pages = g_private_get (&line_pages_key);

  return line_pages != NULL && line_pages->len > 0 ? 0 : line_index + 1;
}

gboolean
bd_import_fail (GError      **error,
                BdImportError code,
                guint         line_index,
                const char   *format,
                ...)
{
  g_autofree char *message = NULL;
  guint text_line = bd_import_text_line (line_index);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (text_line == 0)
    /* TRANSLATORS: "page 9: expected …" */
    g_set_error (error, BD_IMPORT_ERROR, code, _("page %u: %s"),
                 bd_import_page_of_line (line_index), message);
  else
    /* TRANSLATORS: "line 12: expected …" */
    g_set_error (error, BD_IMPORT_ERROR, code, _("line %u: %s"), text_line, message);
  return FALSE;
}

gboolean
bd_import_is_blank (const char *line)
{
  for (; *line; line = g_utf8_next_char (line))
    if (!g_unichar_isspace (g_utf8_get_char (line)))
      return FALSE;
  return TRUE;
}

/* Trims ASCII and ideographic blanks in place. */
char *
bd_import_trim (char *text)
{
  char *end;

  while (*text && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = text + strlen (text);
  while (end > text)
    {
      char *previous = g_utf8_find_prev_char (text, end);
      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  *end = '\0';
  return text;
}

gboolean
bd_import_is_table_line (const char *line)
{
  while (*line == ' ')
    line++;
  return *line == '|';
}

gboolean
bd_import_is_separator_line (const char *line)
{
  gboolean dash = FALSE;

  for (; *line; line++)
    {
      if (*line == '-')
        dash = TRUE;
      else if (!strchr ("|: \t", *line))
        return FALSE;
    }
  return dash;
}

/* "| a | b |" → { "a", "b" } */
GStrv
bd_import_split_cells (const char *line)
{
  g_autofree char *copy = g_strdup (line);
  char *start = bd_import_trim (copy);
  gsize length = strlen (start);
  g_auto(GStrv) raw = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv cells;

  if (*start == '|')
    start++, length--;
  if (length > 0 && start[length - 1] == '|')
    start[length - 1] = '\0';
  raw = g_strsplit (start, "|", -1);
  for (guint i = 0; raw[i]; i++)
    g_strv_builder_add (builder, bd_import_trim (raw[i]));
  cells = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return cells;
}

gboolean
bd_import_cells_all_blank (GStrv cells)
{
  for (guint i = 0; cells[i]; i++)
    if (*cells[i])
      return FALSE;
  return TRUE;
}

gboolean
bd_import_is_digits (const char *text,
           gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
bd_import_match (GRegex             **regex,
                 const char          *pattern,
                 GRegexCompileFlags   flags,
                 const char          *text)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, flags, 0, NULL));
  return g_regex_match (*regex, text, 0, NULL);
}

/* The year of "2024年…", or 0. */
int
bd_import_leading_year (const char *line)
{
  int year = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (line[i]))
        return 0;
      year = year * 10 + (line[i] - '0');
    }
  return g_str_has_prefix (line + 4, "年") ? year : 0;
}

/* "编制部门：X" or "编制部门:X": X, or NULL. Documents use either colon. */
const char *
bd_import_after_label (const char *line,
             const char *label)
{
  if (!g_str_has_prefix (line, label))
    return NULL;
  line += strlen (label);
  if (g_str_has_prefix (line, "："))
    return line + strlen ("：");
  if (*line == ':')
    return line + 1;
  return NULL;
}

/* @section's paragraphs written again from the numbers, and the figures it
 * quotes read from them: the 编制说明 and 其他相关情况说明 a read or carried
 * document did not bring its own text for. */
void
bd_import_write_from_numbers (BdDocument *doc,
                              BdSection  *section)
{
  g_auto(GStrv) paragraphs = bd_narrative_generate (doc, section->id);

  g_ptr_array_set_size (section->paragraphs, 0);
  for (guint p = 0; paragraphs[p] != NULL; p++)
    g_ptr_array_add (section->paragraphs, g_strdup (paragraphs[p]));
  bd_document_read_section_figures (doc, section);
}
