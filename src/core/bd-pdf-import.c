/* bd-pdf-import.c: the published text of a PDF, for the one recogniser
 *
 * Titles are recognised as the text importer recognises them; what follows a
 * schedule's title is rebuilt as its rows (codes, name, amounts placed under
 * the header cell they stand below), what follows a text section's title as
 * paragraphs (a line ends one when the next is indented, numbered, or when
 * it stops short of the margin), and a form's rows as their cells.
 */

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bd-import-private.h"
#include "bd-pdf-import.h"
#include "bd-module.h"
#include "bd-pdf-layout.h"
#include "bd-pdf-private.h"
#include "bd-schedule-def.h"


void
bd_pdf_emit (Converter  *self,
      const char *text)
{
  g_string_append (self->out, text);
  g_string_append_c (self->out, '\n');
  g_array_append_val (self->line_pages, self->page);
}

void
bd_pdf_flush_paragraph (Converter *self)
{
  guint page = self->page;

  if (self->paragraph->len == 0)
    return;
  /* A paragraph is on the page it began on. */
  self->page = self->paragraph_page;
  bd_pdf_emit (self, self->paragraph->str);
  bd_pdf_emit (self, "");
  self->page = page;
  g_string_truncate (self->paragraph, 0);
}

static void
flush_row (Converter *self)
{
  g_autoptr(GString) row = g_string_new ("|");

  if (self->pending == NULL)
    return;
  for (guint i = 0; i < self->pending->len; i++)
    {
      const char *cell = g_ptr_array_index (self->pending, i);
      g_string_append_printf (row, " %s |", cell ? cell : "");
    }
  /* The row is on the page it began on, though written once complete. */
  {
    guint page = self->page;
    self->page = self->pending_page;
    bd_pdf_emit (self, row->str);
    self->page = page;
  }
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

gboolean
bd_pdf_fail_at (Converter  *self,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: "page 9: …" */
  g_set_error (&self->error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_SYNTAX, _("page %u: %s"), self->page, message);
  return FALSE;
}

/* Header text as the schedule definitions spell it: no blanks, ASCII brackets. */
char *
bd_pdf_normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c == 0xFF08)
        c = '(';
      else if (c == 0xFF09)
        c = ')';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

double
bd_pdf_centre (const BdPdfCell *cell)
{
  return (cell->x0 + cell->x1) / 2;
}

gboolean
bd_pdf_is_amount_cell (const char *text)
{
  return bd_pdf_is_amount (text) || strcmp (text, "-") == 0 || strcmp (text, "—") == 0;
}

/* Lines */

static gboolean
is_code_cell (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 7)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with_enumerator (const char *text)
{
  static GRegex *enumerator = NULL;

  return bd_import_match (&enumerator, "^(?:[一二三四五六七八九十]+、|[0-9]+[.．、])", 0, text);
}

guint
bd_pdf_count_amounts (const BdPdfLine *line)
{
  guint n = 0;

  for (guint i = 0; i < line->cells->len; i++)
    n += bd_pdf_is_amount_cell (((BdPdfCell *) g_ptr_array_index (line->cells, i))->text);
  return n;
}

gboolean
bd_pdf_is_row_line (Converter       *self,
             const BdPdfLine *line)
{
  const BdPdfCell *first = g_ptr_array_index (line->cells, 0);
  g_autofree char *first_text = bd_pdf_normalise (first->text);

  switch (self->def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      return (g_ascii_isdigit (first_text[0]) && strlen (first_text) >= 3 && is_code_cell (first_text))
          || strcmp (first_text, "合计") == 0;
    case BD_ROWS_BALANCE:
      if (bd_pdf_count_amounts (line) > 0)
        return TRUE;
      for (guint i = 0; i < line->cells->len; i++)
        if (starts_with_enumerator (((BdPdfCell *) g_ptr_array_index (line->cells, i))->text))
          return TRUE;
      return FALSE;
    case BD_ROWS_SINGLE:
    default:
      return bd_pdf_count_amounts (line) == line->cells->len;
    }
}

/* Rows */

static void
start_row (Converter *self,
           guint      n_cells)
{
  flush_row (self);
  self->pending = g_ptr_array_new_full (n_cells, g_free);
  self->pending_page = self->page;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->pending, g_strdup (""));
}

static void
set_cell (Converter  *self,
          guint       index,
          const char *text)
{
  g_free (g_ptr_array_index (self->pending, index));
  g_ptr_array_index (self->pending, index) = g_strdup (text ? text : "");
}

static void
classified_row (Converter *self,
                BdPdfLine *line)
{
  guint n_codes = self->def->row_kind == BD_ROWS_FUNCTION ? 3 : 2;
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  char *slots[BD_MAX_COLUMNS + 1] = { NULL };
  double name_x = -1;

  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      g_autofree char *text = bd_pdf_normalise (cell->text);

      if (name->len == 0 && amounts->len == 0 && is_code_cell (text))
        g_string_append (code, text);
      else if (amounts->len == 0 && !bd_pdf_is_amount_cell (text))
        {
          if (name_x < 0)
            name_x = cell->x0;
          g_string_append (name, cell->text);
        }
      else if (bd_pdf_is_amount_cell (text))
        g_ptr_array_add (amounts, cell);
      else
        {
          bd_pdf_fail_at (self, _("expected amounts after “%s” in schedule %u, found “%s”"),
                   name->str, self->def->number, cell->text);
          return;
        }
    }
  if (!bd_pdf_place_amounts (self, amounts, slots, self->def->n_columns))
    return;

  start_row (self, n_codes + 1 + self->def->n_columns);
  if (strcmp (code->str, "") == 0)
    set_cell (self, 0, "合计");
  else
    for (guint part = 0, at = 0; part < n_codes && at < code->len; part++)
      {
        guint length = part == 0 ? 3 : 2;
        g_autofree char *piece = g_strndup (code->str + at, MIN (length, code->len - at));
        set_cell (self, part, piece);
        at += length;
      }
  if (code->len > (n_codes == 3 ? 7u : 5u))
    set_cell (self, 0, code->str);  /* refused by the recogniser, with the code */
  if (self->carried_name != NULL && self->carried_name->len > 0)
    {
      g_string_prepend (name, self->carried_name->str);
      g_string_truncate (self->carried_name, 0);
      if (name_x < 0)
        name_x = self->carried_x;
    }
  set_cell (self, n_codes, strcmp (code->str, "") == 0 ? "" : name->str);
  self->pending_y1 = line->y1;
  for (guint c = 0; c < self->def->n_columns; c++)
    set_cell (self, n_codes + 1 + c, slots[c]);
  self->pending_name_x = name_x;
  self->pending_name_cell = n_codes;
}

static void
balance_row (Converter *self,
             BdPdfLine *line)
{
  g_autoptr(GString) income = g_string_new (NULL);
  g_autoptr(GString) expense = g_string_new (NULL);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  char *slots[BD_MAX_COLUMNS + 1] = { NULL };
  double divide = self->have_anchors ? self->anchors[0] : line->x0 + (line->x1 - line->x0) / 3;
  double label_x = -1;
  guint label_cell = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);

      if (bd_pdf_is_amount_cell (cell->text))
        g_ptr_array_add (amounts, cell);
      else
        {
          gboolean left = bd_pdf_centre (cell) < divide;
          g_string_append (left ? income : expense, cell->text);
          label_x = cell->x0;
          label_cell = left ? 0 : 2;
        }
    }
  if (!bd_pdf_place_amounts (self, amounts, slots, self->def->n_columns + 1))
    return;
  start_row (self, 3 + self->def->n_columns);
  set_cell (self, 0, income->str);
  set_cell (self, 1, slots[0]);
  set_cell (self, 2, expense->str);
  self->pending_y1 = line->y1;
  for (guint c = 0; c < self->def->n_columns; c++)
    set_cell (self, 3 + c, slots[1 + c]);
  self->pending_name_x = label_x;
  self->pending_name_cell = label_cell;
}

static void
single_row (Converter *self,
            BdPdfLine *line)
{
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  char *slots[BD_MAX_COLUMNS + 1] = { NULL };

  for (guint i = 0; i < line->cells->len; i++)
    g_ptr_array_add (amounts, g_ptr_array_index (line->cells, i));
  if (!bd_pdf_place_amounts (self, amounts, slots, self->def->n_columns))
    return;
  start_row (self, self->def->n_columns);
  for (guint c = 0; c < self->def->n_columns; c++)
    set_cell (self, c, slots[c]);
  self->pending_name_x = -1;
}

/* Where a row's amount for slot @slot goes among its cells. */
static guint
amount_cell (Converter *self,
             guint      slot)
{
  switch (self->def->row_kind)
    {
    case BD_ROWS_FUNCTION: return 4 + slot;
    case BD_ROWS_ECONOMIC: return 3 + slot;
    case BD_ROWS_BALANCE: return slot == 0 ? 1 : 2 + slot;
    case BD_ROWS_SINGLE:
    default:
      return slot;
    }
}

/* A row whose name wraps over two lines prints its amounts once, centred
 * between them: a line of amounts alone belongs to the row above it when
 * that row has none. */
static gboolean
joins_pending_row (Converter *self,
                   BdPdfLine *line)
{
  char *slots[BD_MAX_COLUMNS + 1] = { NULL };
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  guint n_slots = self->def->n_columns + (self->def->row_kind == BD_ROWS_BALANCE);

  if (self->pending == NULL || self->def->row_kind == BD_ROWS_SINGLE
      || bd_pdf_count_amounts (line) != line->cells->len)
    return FALSE;
  for (guint s = 0; s < n_slots; s++)
    if (*(char *) g_ptr_array_index (self->pending, amount_cell (self, s)))
      return FALSE;
  for (guint i = 0; i < line->cells->len; i++)
    g_ptr_array_add (amounts, g_ptr_array_index (line->cells, i));
  if (!bd_pdf_place_amounts (self, amounts, slots, n_slots))
    return TRUE;
  for (guint s = 0; s < n_slots; s++)
    set_cell (self, amount_cell (self, s), slots[s]);
  return TRUE;
}

/* Whether a classified row's line holds a name beside its codes and amounts. */
static gboolean
row_has_name (const BdPdfLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    {
      const char *text = ((BdPdfCell *) g_ptr_array_index (line->cells, i))->text;
      g_autofree char *bare = bd_pdf_normalise (text);

      if (!bd_pdf_is_amount_cell (bare))
        return TRUE;
    }
  return FALSE;
}

/* A name wrapped over two lines in a cell aligned to its top: its first
 * line stands above the row's codes and amounts. It belongs to the row
 * below when that row has no name of its own, or stands nearer. */
static gboolean
carries_to_next_row (Converter *self,
                     BdPdfLine *line)
{
  BdPdfLine *next = NULL;

  if ((self->def->row_kind != BD_ROWS_FUNCTION && self->def->row_kind != BD_ROWS_ECONOMIC)
      || !self->page_has_rows || bd_pdf_count_amounts (line) > 0)
    return FALSE;
  for (guint l = self->line_index + 1; self->page_lines && l < self->page_lines->len && next == NULL; l++)
    if (bd_pdf_is_row_line (self, g_ptr_array_index (self->page_lines, l)))
      next = g_ptr_array_index (self->page_lines, l);
  if (next == NULL || next->y0 - line->y1 > 1.5 * line->height)
    return FALSE;
  return !row_has_name (next) || self->pending == NULL || next->y0 - line->y1 < line->y0 - self->pending_y1;
}

/* A line of a schedule that is not a row: its header, the lines above it,
 * its note, or the rest of a name too long for its cell. */
static void
schedule_other_line (Converter *self,
                     BdPdfLine *line,
                     GPtrArray *header_lines)
{
  const BdPdfCell *first = g_ptr_array_index (line->cells, 0);

  if (g_str_has_prefix (first->text, "编制部门") || g_str_has_prefix (first->text, "编制单位")
      || g_str_has_prefix (first->text, "预算单位") || g_str_has_prefix (first->text, "单位")
      || g_str_has_prefix (first->text, "注"))
    {
      flush_row (self);
      for (guint i = 0; i < line->cells->len; i++)
        bd_pdf_emit (self, ((BdPdfCell *) g_ptr_array_index (line->cells, i))->text);
      return;
    }
  if (carries_to_next_row (self, line))
    {
      if (self->carried_name == NULL)
        self->carried_name = g_string_new (NULL);
      if (self->carried_name->len == 0)
        self->carried_x = line->x0;
      g_string_append (self->carried_name, line->text);
      return;
    }
  if (self->pending != NULL && self->pending_name_x >= 0 && bd_pdf_count_amounts (line) == 0
      && fabs (line->x0 - self->pending_name_x) < 3 * line->height)
    {
      self->pending_y1 = line->y1;
      guint name_cell = self->pending_name_cell;
      g_autofree char *joined = g_strconcat (g_ptr_array_index (self->pending, name_cell), line->text, NULL);
      set_cell (self, name_cell, joined);
      return;
    }
  if (!self->page_has_rows)
    {
      g_ptr_array_add (header_lines, line);
      return;
    }
  if (bd_pdf_count_amounts (line) > 0)
    bd_pdf_fail_at (self, _("the line “%s” holds amounts but is not a row of schedule %u"), line->text, self->def->number);
}

static void
schedule_line (Converter *self,
               BdPdfLine *line,
               GPtrArray *header_lines)
{
  if (self->page_has_rows && joins_pending_row (self, line))
    return;
  if (!bd_pdf_is_row_line (self, line))
    {
      schedule_other_line (self, line, header_lines);
      return;
    }
  if (!self->page_has_rows)
    {
      self->anchors_from_rows_tried = FALSE;
      if (!(header_lines->len > 0 && bd_pdf_read_anchors (self, header_lines)) && !self->have_anchors)
        bd_pdf_anchors_from_rows (self);
      self->page_has_rows = TRUE;
    }
  switch (self->def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      classified_row (self, line);
      break;
    case BD_ROWS_BALANCE:
      balance_row (self, line);
      break;
    case BD_ROWS_SINGLE:
    default:
      single_row (self, line);
      break;
    }
}

/* Text */

static gboolean
starts_paragraph (const char *text)
{
  static GRegex *marker = NULL;

  return bd_import_match (&marker, "^(?:[（(](?:[一二三四五六七八九十]+|[0-9]{1,2})[）)]|[一二三四五六七八九十]+、"
                          "|[0-9]+[.．、]|第[一二三四五六七八九十]+)", 0, text);
}

static void
text_line (Converter *self,
           BdPdfLine *line,
           BdPdfLine *previous)
{
  gboolean indented = line->x0 > self->left + 1.2 * line->height;
  gboolean previous_short = previous != NULL && previous->x1 < self->right - 2 * previous->height;

  if (self->part.kind == BD_PART_NONE && (g_str_has_prefix (line->text, "预算单位：")
                                          || g_str_has_suffix (line->text, "单位预算")))
    self->unit_budget = TRUE;
  if (self->part.kind == BD_PART_NONE || self->part.kind == BD_PART_PERFORMANCE)
    {
      /* The cover, the contents and the forms: a line is what it is. */
      bd_pdf_flush_paragraph (self);
      if (self->part.kind == BD_PART_PERFORMANCE)
        bd_pdf_form_line (self, line);
      else
        bd_pdf_emit (self, line->text);
      return;
    }
  if (indented || previous_short || previous == NULL || starts_paragraph (line->text))
    bd_pdf_flush_paragraph (self);
  if (self->paragraph->len == 0)
    self->paragraph_page = self->page;
  g_string_append (self->paragraph, line->text);
}

/* Pages */

static int
compare_heights (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median height of the page's lines, weighted by their length: the
 * size of its body text. */
static double
body_height (GPtrArray *lines)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < lines->len; i++)
    {
      BdPdfLine *line = g_ptr_array_index (lines, i);
      glong length = g_utf8_strlen (line->text, -1);
      for (glong k = 0; k < length; k++)
        g_array_append_val (heights, line->height);
    }
  if (heights->len == 0)
    return 0;
  g_array_sort (heights, compare_heights);
  return g_array_index (heights, double, heights->len / 2);
}

static void
page_margins (Converter *self,
              GPtrArray *lines)
{
  self->left = G_MAXDOUBLE;
  self->right = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      BdPdfLine *line = g_ptr_array_index (lines, i);
      if (g_utf8_strlen (line->text, -1) < 20)
        continue;
      self->left = MIN (self->left, line->x0);
      self->right = MAX (self->right, line->x1);
    }
  if (self->left == G_MAXDOUBLE)
    self->left = self->right = 0;
  self->body_height = body_height (lines);
}

/* A title as the recogniser reads it: without blanks (名 词 解 释), without
 * a leading 表3 or 附表3, without the （续） of a continued table. */
static char *
title_text (const char *text,
            gboolean    heading)
{
  static GRegex *decoration = NULL;
  static GRegex *enumerator = NULL;
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *undecorated = NULL;

  if (g_once_init_enter (&decoration))
    g_once_init_leave (&decoration, g_regex_new ("^附?表[0-9]+[-－.．、:：]?|[（(]续[）)]$", 0, 0, NULL));
  if (g_once_init_enter (&enumerator))
    g_once_init_leave (&enumerator, g_regex_new ("^(?:[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[、.．])", 0, 0, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      g_string_append_unichar (bare, g_utf8_get_char (p));
  undecorated = g_regex_replace_literal (decoration, bare->str, -1, 0, "", 0, NULL);
  /* A heading set in a larger size may carry its number in the contents
   * (四、部门预算编制说明); an entry of the contents, in the body's size,
   * keeps it and is no title. */
  if (heading)
    return g_regex_replace_literal (enumerator, undecorated, -1, 0, "", 0, NULL);
  return g_steal_pointer (&undecorated);
}

/* A line set larger than the page's body text. */
static gboolean
is_heading (Converter *self,
            BdPdfLine *line)
{
  return self->body_height > 0 && line->height > 1.15 * self->body_height;
}

/* Starts the part @raw is the title of, if it is one; @tables_only for a
 * title rebuilt from two lines, where only a schedule's or a form's is
 * trusted. A schedule's title repeated on the next page continues it. */
static gboolean
title_from_text (Converter  *self,
                 const char *raw,
                 gboolean    heading,
                 gboolean    tables_only)
{
  g_autofree char *text = title_text (raw, heading);
  Part part = bd_import_classify_title (text);

  if (part.kind == BD_PART_NONE || (tables_only && bd_import_part_schedule (&part) == 0 && part.kind != BD_PART_PERFORMANCE))
    return FALSE;
  if (self->part.kind == BD_PART_PERFORMANCE)
    bd_pdf_form_finish (self);
  flush_row (self);
  bd_pdf_flush_paragraph (self);
  if (bd_import_part_schedule (&part) != 0 && part.kind == self->part.kind)
    return TRUE;
  bd_pdf_emit (self, "");
  bd_pdf_emit (self, text);
  bd_pdf_emit (self, "");
  self->part = part;
  self->def = bd_import_part_schedule (&part) != 0
              ? bd_schedule_def_get_for (bd_import_part_schedule (&part), self->unit_budget) : NULL;
  bd_pdf_form_start (self);
  self->have_anchors = FALSE;
  self->page_has_rows = FALSE;
  return TRUE;
}

/* A title is a line of one or two cells, or two such lines close together
 * (a long title wrapped). Returns how many lines it took, or 0. */
static guint
title_lines (Converter *self,
             GPtrArray *lines,
             guint      i)
{
  BdPdfLine *line = g_ptr_array_index (lines, i);
  BdPdfLine *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;
  g_autofree char *joined = NULL;

  /* A title may be spaced out (名 词 解 释), never holds an amount. */
  if (line->cells->len > 2 && (bd_pdf_count_amounts (line) > 0 || g_utf8_strlen (line->text, -1) > 40))
    return 0;
  if (title_from_text (self, line->text, is_heading (self, line), FALSE))
    return 1;
  if (next == NULL || next->cells->len > 2 || next->y0 - line->y1 > line->height)
    return 0;
  joined = g_strconcat (line->text, next->text, NULL);
  return title_from_text (self, joined, is_heading (self, line), TRUE) ? 2 : 0;
}

static void
read_page (Converter *self,
           GPtrArray *lines)
{
  g_autoptr(GPtrArray) header_lines = g_ptr_array_new ();
  BdPdfLine *previous = NULL;

  page_margins (self, lines);
  self->page_has_rows = FALSE;
  self->page_lines = lines;
  for (guint i = 0; i < lines->len && self->error == NULL; i++)
    {
      BdPdfLine *line = g_ptr_array_index (lines, i);

      self->line_index = i;

      guint taken = title_lines (self, lines, i);

      if (taken > 0)
        {
          i += taken - 1;
          previous = NULL;
          g_ptr_array_set_size (header_lines, 0);
          continue;
        }
      if (bd_import_part_schedule (&self->part) != 0)
        schedule_line (self, line, header_lines);
      else
        text_line (self, line, previous);
      previous = line;
    }
}

/* The text of each page of the PDF in @data, read by the module that
 * links poppler (bd-pdf-text.h); NULL with @error saying why. */
static GPtrArray *
read_pages (GBytes  *data,
            GError **error)
{
  BdPdfTextReadFunc read = bd_module_symbol (BD_PDF_TEXT_MODULE, BD_PDF_TEXT_READ_SYMBOL, error);
  BdPdfTextStatus status = BD_PDF_TEXT_READ;
  g_autofree char *message = NULL;
  GPtrArray *pages;

  if (read == NULL)
    return NULL;
  pages = read (data, &status, &message);
  if (pages != NULL)
    return pages;
  if (status == BD_PDF_TEXT_ENCRYPTED)
    g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                 _("the PDF is protected by a password; save a copy without the password and import that"));
  else
    g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                 _("the PDF is damaged and cannot be read (%s)"), message);
  return NULL;
}

static void
converter_clear (Converter *self)
{
  g_string_free (self->paragraph, TRUE);
  if (self->carried_name != NULL)
    g_string_free (self->carried_name, TRUE);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->form.row, g_ptr_array_unref);
  for (guint i = 0; i < 4; i++)
    if (self->form.carried[i] != NULL)
      g_string_free (self->form.carried[i], TRUE);
  g_clear_pointer (&self->form.goal_lines, g_ptr_array_unref);
  g_clear_pointer (&self->form.field_lines, g_ptr_array_unref);
}

char *
bd_pdf_to_published_text (GBytes  *data,
                          GArray **line_pages,
                          GError **error)
{
  GPtrArray *texts;
  Converter self = { 0 };
  GPtrArray *pages;
  guint n_pages;
  gboolean any_text = FALSE;

  if (g_bytes_get_size (data) < 5 || memcmp (g_bytes_get_data (data, NULL), "%PDF-", 5) != 0)
    {
      g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                   _("expected a PDF; the file does not begin as one does (%%PDF-)"));
      return NULL;
    }
  if ((texts = read_pages (data, error)) == NULL)
    return NULL;

  self.out = g_string_new (NULL);
  self.line_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self.paragraph = g_string_new (NULL);
  n_pages = texts->len;
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (pages, bd_pdf_page_lines (g_ptr_array_index (texts, p), p + 1));
  g_ptr_array_unref (texts);
  bd_pdf_drop_running_lines (pages);
  /* A row's name may continue on the next page, and a paragraph. */
  for (guint p = 0; p < n_pages && self.error == NULL; p++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, p);

      any_text |= lines->len > 0;
      self.page = p + 1;
      read_page (&self, lines);
    }
  g_ptr_array_unref (pages);
  if (self.part.kind == BD_PART_PERFORMANCE)
    bd_pdf_form_finish (&self);
  flush_row (&self);
  bd_pdf_flush_paragraph (&self);
  converter_clear (&self);

  if (self.error == NULL && !any_text)
    g_set_error (&self.error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_MISSING,
                 _("the PDF holds no text, only images of pages (a scan?); BudgetDesk reads the text of a "
                   "PDF as published, not pictures of it"));
  if (self.error != NULL)
    {
      g_propagate_error (error, self.error);
      g_string_free (self.out, TRUE);
      g_array_unref (self.line_pages);
      return NULL;
    }
  if (line_pages != NULL)
    *line_pages = self.line_pages;
  else
    g_array_unref (self.line_pages);
  return g_string_free (self.out, FALSE);
}

BdDocument *
bd_import_pdf_data (GBytes  *data,
                    GError **error)
{
  g_autoptr(GArray) line_pages = NULL;
  g_autofree char *text = bd_pdf_to_published_text (data, &line_pages, error);

  if (text == NULL)
    return NULL;
  return bd_import_published_text_paged (text, line_pages, error);
}

gboolean
bd_import_is_importable (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".txt");
}

BdDocument *
bd_import_any_file (const char *path,
                    GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length >= 5 && memcmp (contents, "%PDF-", 5) == 0)
    {
      g_autoptr(GBytes) data = g_bytes_new_take (g_steal_pointer (&contents), length);
      return bd_import_pdf_data (data, error);
    }
  {
    g_autofree char *lower = g_ascii_strdown (path, -1);
    if (g_str_has_suffix (lower, ".pdf"))
      {
        g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                     _("expected a PDF; the file does not begin as one does (%%PDF-)"));
        return NULL;
      }
  }
  return bd_import_published_text (contents, length, error);
}
