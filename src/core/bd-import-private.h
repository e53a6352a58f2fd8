/* bd-import-private.h: what the parts of the importer share
 *
 * The importer reads the published text in parts: the document and its text
 * sections (bd-importer.c), the schedules (bd-import-schedule.c) and the
 * performance-goal forms (bd-import-form.c).
 */
#pragma once

#include "bd-importer.h"

G_BEGIN_DECLS

/* A part of the published text: a schedule, a text section, the forms
 * (BD_PART_PERFORMANCE) or BD_PART_NONE. */
typedef struct {
  BdPart   kind;
  int      year;         /* the year in a schedule's title */
  guint    first_line;   /* index of the title line */
  guint    end_line;     /* one past the last line */
} Part;

/* The number (1 … 9) of the schedule @part is, else 0. */
static inline guint
bd_import_part_schedule (const Part *part)
{
  return part->kind >= BD_PART_SCHEDULE_1 && part->kind < BD_PART_SCHEDULE_1 + BD_N_SCHEDULES
         ? part->kind - BD_PART_SCHEDULE_1 + 1 : 0;
}

typedef struct {
  char      **lines;
  guint       n_lines;
  BdDocument *doc;
} Reader;

gboolean  bd_import_fail              (GError       **error,
                                       BdImportError  code,
                                       guint          line_index,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (4, 5);
/* While set (for this thread), messages name the page of a line, not the line. */
void      bd_import_set_line_pages    (GArray      *line_pages);
/* The page of the PDF line @line_index was read from, or 0 for a text. */
guint     bd_import_page_of_line      (guint        line_index);
/* The line (from 1) of the text @line_index is, or 0 when it was read from a PDF. */
guint     bd_import_text_line         (guint        line_index);
/* Reads text made from a PDF; @line_pages holds the page of each line. */
BdDocument *bd_import_published_text_paged (const char *text,
                                       GArray      *line_pages,
                                       GError     **error);
gboolean  bd_import_is_blank          (const char  *line);
/* Trims ASCII and ideographic blanks in place. */
char     *bd_import_trim              (char        *text);
gboolean  bd_import_is_table_line     (const char  *line);
gboolean  bd_import_is_separator_line (const char  *line);
/* "| a | b |" → { "a", "b" } */
GStrv     bd_import_split_cells       (const char  *line);
gboolean  bd_import_cells_all_blank   (GStrv        cells);
gboolean  bd_import_is_digits         (const char  *text,
                                       gsize        length);
/* Whether @text matches @pattern, compiled into *@regex (the caller's
 * static, NULL at first) once, by whichever thread comes first. */
gboolean  bd_import_match             (GRegex            **regex,
                                       const char         *pattern,
                                       GRegexCompileFlags  flags,
                                       const char         *text);
/* "编制部门：X" or "编制部门:X": X, or NULL. Documents use either colon. */
const char *bd_import_after_label     (const char  *line,
                                       const char  *label);
/* The year of "2024年…", or 0. */
int       bd_import_leading_year      (const char  *line);
/* Parses @cell in @unit; the message names the row (when not NULL) and column. */
gboolean  bd_import_parse_amount      (const char  *cell,
                                       BdUnit       unit,
                                       gint64      *value,
                                       guint        line_index,
                                       const char  *row,
                                       const char  *column,
                                       GError     **error);

/* What a title line starts: a schedule, a text section, a form, or nothing. */
Part      bd_import_classify_title    (const char  *line);
const char *bd_import_section_id      (BdPart       kind);
gboolean  bd_import_read_schedule     (Reader      *reader,
                                       const Part  *part,
                                       GError     **error);
gboolean  bd_import_read_form         (Reader      *reader,
                                       const Part  *part,
                                       GError     **error);
/* Once every form is read: the indicator framework they follow. */
void      bd_import_settle_framework  (BdDocument  *doc);
void      bd_import_write_from_numbers (BdDocument *doc,
                                       BdSection   *section);

G_END_DECLS
