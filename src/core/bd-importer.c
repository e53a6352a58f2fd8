#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-import-private.h"
#include "bd-narrative.h"

G_DEFINE_QUARK (bd-import-error-quark, bd_import_error)

/* "2024年部门收入预算总表" → "部门收入预算总表": titles are printed with their
 * year or without it. */
static const char *
without_year (const char *line)
{
  return bd_import_leading_year (line) ? line + strlen ("2024年") : line;
}

/* The schedule a title names, or 0. A unit budget titles its schedules
 * 预算单位…表 (单位“三公”经费… for schedule 9) where a department's say 部门…表. */
static guint
schedule_of_title (const char *line,
                   int        *year)
{
  const char *body = without_year (line);
  g_autofree char *as_department = NULL;

  *year = bd_import_leading_year (line);
  if (g_str_has_prefix (body, "预算单位"))
    body = as_department = g_strconcat ("部门", body + strlen ("预算单位"), NULL);
  else if (g_str_has_prefix (body, "单位"))
    body = as_department = g_strconcat ("部门", body + strlen ("单位"), NULL);
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    if (strcmp (body, bd_schedule_def_get (number)->title) == 0)
      return number;
  return 0;
}

Part
bd_import_classify_title (const char *line)
{
  Part part = { BD_PART_NONE, 0, 0, 0 };
  guint schedule;
  int year;

  if (g_str_has_prefix (line, "-") || g_str_has_prefix (line, "|"))
    return part;

  if ((schedule = schedule_of_title (line, &year)) != 0)
    {
      part.kind = BD_PART_SCHEDULE_1 + schedule - 1;
      part.year = year;
      return part;
    }

  if (g_str_has_suffix (line, "主要职能") && !g_str_has_prefix (line, "一、"))
    part.kind = BD_PART_FUNCTIONS;
  else if (g_str_has_suffix (line, "机构设置") && !g_str_has_prefix (line, "二、"))
    part.kind = BD_PART_ORGANISATION;
  else if (strcmp (line, "名词解释") == 0)
    part.kind = BD_PART_GLOSSARY;
  else if (strcmp (without_year (line), "部门预算编制说明") == 0
           || strcmp (without_year (line), "单位预算编制说明") == 0)
    part.kind = BD_PART_NARRATIVE;
  else if (strcmp (line, "其他相关情况说明") == 0)
    part.kind = BD_PART_OTHER;
  else if (g_str_has_suffix (line, "经费情况说明"))
    part.kind = BD_PART_EMPLOYEES;
  else if ((g_str_has_suffix (line, "绩效目标申报表") || g_str_has_suffix (line, "绩效目标填报表"))
           && g_utf8_strlen (line, -1) <= 20)
    part.kind = BD_PART_PERFORMANCE;  /* 财政项目支出…, 项目支出…, 部门项目… */
  return part;
}

/* Paragraphs are runs of non-blank lines; a numbered list stays one paragraph. */
static void
read_paragraphs (Reader    *reader,
                 const Part *part,
                 BdSection *section)
{
  GString *paragraph = NULL;

  for (guint i = part->first_line + 1; i <= part->end_line; i++)
    {
      if (i == part->end_line || bd_import_is_blank (reader->lines[i]))
        {
          if (paragraph != NULL)
            g_ptr_array_add (section->paragraphs, g_string_free (paragraph, FALSE));
          paragraph = NULL;
          continue;
        }
      if (paragraph == NULL)
        paragraph = g_string_new (NULL);
      else
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, g_strchomp (reader->lines[i]));
    }
}

/* A text section's id is its part's name (bd_part_to_string); NULL for a
 * part that is no text section. */
const char *
bd_import_section_id (BdPart kind)
{
  switch (kind)
    {
    case BD_PART_FUNCTIONS:
    case BD_PART_ORGANISATION:
    case BD_PART_GLOSSARY:
    case BD_PART_NARRATIVE:
    case BD_PART_OTHER:
    case BD_PART_EMPLOYEES:
      return bd_part_to_string (kind);
    default:
      return NULL;
    }
}

/* The document */

static gboolean
read_preamble (Reader  *reader,
               guint    end_line,
               GError **error)
{
  BdDocument *doc = reader->doc;
  const char *value;

  for (guint i = 0; i < end_line; i++)
    {
      char *line = bd_import_trim (reader->lines[i]);

      if (g_str_has_prefix (line, "附件") && doc->attachment == NULL)
        doc->attachment = g_strdup (line);
      else if ((value = bd_import_after_label (line, "预算主管部门")) != NULL
               || (value = bd_import_after_label (line, "预算单位")) != NULL)
        {
          g_free (doc->department);
          doc->department = g_strdup (value);
        }
      else if ((g_str_has_suffix (line, "部门预算") || g_str_has_suffix (line, "单位预算"))
               && strstr (line, "年") != NULL && doc->title == NULL)
        {
          const char *year = strstr (line, "年");
          doc->title = g_strdup (line);
          while (year > line && g_ascii_isdigit (year[-1]))
            year--;
          doc->year = atoi (year);
        }
    }

  if (doc->title != NULL && bd_title_is_unit_budget (doc->title))
    bd_document_set_unit_budget (doc, TRUE);
  /* A cover without the department: the 编制部门 of the first table. */
  for (guint i = end_line; (doc->department == NULL || *doc->department == '\0') && i < reader->n_lines; i++)
    {
      g_autofree char *line = g_strdup (reader->lines[i]);

      if ((value = bd_import_after_label (bd_import_trim (line), "编制部门")) != NULL
          || (value = bd_import_after_label (bd_import_trim (line), "编制单位")) != NULL)
        {
          g_free (doc->department);
          doc->department = g_strdup (value);
        }
    }
  if (doc->department == NULL || *doc->department == '\0')
    return bd_import_fail (error, BD_IMPORT_ERROR_MISSING, end_line,
                 _("expected the line 预算主管部门：<department> before the first section"));
  return TRUE;
}

/* A cover without its title: the year of the schedules' titles. */
static gboolean
check_year (Reader  *reader,
            GArray  *parts,
            GError **error)
{
  BdDocument *doc = reader->doc;

  for (guint p = 0; (doc->year < 1900 || doc->year > 2999) && p < parts->len; p++)
    if (bd_import_part_schedule (&g_array_index (parts, Part, p)) != 0)
      doc->year = g_array_index (parts, Part, p).year;
  if (doc->year < 1900 || doc->year > 2999)
    return bd_import_fail (error, BD_IMPORT_ERROR_MISSING, g_array_index (parts, Part, 0).first_line,
                 _("expected the document's title with its year (…2024年…部门预算) before the first section"));
  return TRUE;
}

/* A schedule's title with no table under it, whose schedule comes again
 * later: an entry of the contents printed without page numbers. */
static gboolean
is_contents_entry (Reader *reader,
                   GArray *parts,
                   guint   index)
{
  const Part *part = &g_array_index (parts, Part, index);

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    if (bd_import_is_table_line (reader->lines[i]))
      return FALSE;
  for (guint p = index + 1; p < parts->len; p++)
    if (g_array_index (parts, Part, p).kind == part->kind)
      return TRUE;
  return FALSE;
}

static gboolean
read_document (Reader  *reader,
               GError **error)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (Part));
  gboolean seen_schedule[BD_N_SCHEDULES] = { FALSE };

  for (guint i = 0; i < reader->n_lines; i++)
    {
      g_autofree char *line = g_strdup (reader->lines[i]);
      Part part = bd_import_classify_title (bd_import_trim (line));

      if (part.kind == BD_PART_NONE)
        continue;
      part.first_line = i;
      if (parts->len > 0)
        g_array_index (parts, Part, parts->len - 1).end_line = i;
      g_array_append_val (parts, part);
    }
  if (parts->len == 0)
    return bd_import_fail (error, BD_IMPORT_ERROR_MISSING, 0,
                 _("expected a published budget with section titles such as 名词解释 and "
                   "2024年部门财务收支预算总表; none was found"));
  g_array_index (parts, Part, parts->len - 1).end_line = reader->n_lines;

  if (!read_preamble (reader, g_array_index (parts, Part, 0).first_line, error)
      || !check_year (reader, parts, error))
    return FALSE;

  for (guint p = 0; p < parts->len; p++)
    {
      const Part *part = &g_array_index (parts, Part, p);
      const char *id = bd_import_section_id (part->kind);
      guint schedule = bd_import_part_schedule (part);

      if (id != NULL)
        {
          g_autofree char *title = g_strdup (reader->lines[part->first_line]);
          BdSection *section = bd_document_ensure_section (reader->doc, id, bd_import_trim (title));

          read_paragraphs (reader, part, section);
          bd_document_import_section_figures (reader->doc, section);
        }
      else if (schedule != 0)
        {
          if (is_contents_entry (reader, parts, p))
            continue;
          if (seen_schedule[schedule - 1])
            return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, part->first_line,
                         _("schedule %u appears a second time"), schedule);
          seen_schedule[schedule - 1] = TRUE;
          if (!bd_import_read_schedule (reader, part, error))
            return FALSE;
        }
      else if (part->kind == BD_PART_PERFORMANCE)
        {
          if (!bd_import_read_form (reader, part, error))
            return FALSE;
        }
    }

  for (guint s = 0; s < BD_N_SCHEDULES; s++)
    if (!seen_schedule[s])
      {
        g_autofree char *title = bd_schedule_def_title (bd_schedule_def_get (s + 1), reader->doc->year);
        return bd_import_fail (error, BD_IMPORT_ERROR_MISSING, reader->n_lines - 1,
                     _("expected the schedule “%s”; the document ends without it"), title);
      }

  bd_import_settle_framework (reader->doc);
  bd_document_recompute (reader->doc);
  return TRUE;
}

BdDocument *
bd_import_published_text (const char  *text,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(BdDocument) doc = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  const char *invalid = NULL;
  Reader reader;

  if (length < 0)
    length = strlen (text);

  /* Before the UTF-8 check, which stops at the first NUL as at a bad byte. */
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                   _("expected text; the file holds NUL bytes, so it is binary"));
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line = 1;
      for (const char *p = text; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                   _("line %u: expected UTF-8 text; byte %lu is not (is the file binary, or saved in GBK?)"),
                   line, (unsigned long) (invalid - text) + 1);
      return NULL;
    }

  /* Lines end in LF, CR LF or a lone CR (classic Mac, some exports). */
  copy = g_strndup (text, length);
  {
    g_autoptr(GRegex) line_end = g_regex_new ("\r\n?", 0, 0, NULL);
    g_autofree char *unix_lines = g_regex_replace_literal (line_end, copy, -1, 0, "\n", 0, NULL);

    lines = g_strsplit (unix_lines, "\n", -1);
  }

  doc = bd_document_new (NULL, 0);
  g_clear_pointer (&doc->department, g_free);
  reader.lines = lines;
  reader.n_lines = g_strv_length (lines);
  reader.doc = doc;

  if (!read_document (&reader, error))
    return NULL;
  return g_steal_pointer (&doc);
}

BdDocument *
bd_import_published_text_paged (const char *text,
                                GArray     *line_pages,
                                GError    **error)
{
  BdDocument *doc;

  bd_import_set_line_pages (line_pages);
  doc = bd_import_published_text (text, -1, error);
  bd_import_set_line_pages (NULL);
  return doc;
}

BdDocument *
bd_import_published_file (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return bd_import_published_text (contents, length, error);
}
