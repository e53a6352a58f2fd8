/* bd-workbook-sheet.c: what a sheet of schedules says, read by its words
 *
 * The schedule and its year from the title, the unit and the department
 * from the lines under it, the header labels, and amounts in cells. What
 * the rows of each kind of schedule are is bd-workbook-import.c's.
 */

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-catalog.h"
#include "bd-import-private.h"
#include "bd-workbook-sheet-private.h"

/* How far below its title a schedule's header may reach. */
#define HEADER_ROWS 8

void
bd_workbook_sheet_clear (Sheet *s)
{
  g_free (s->row_start);
  g_free (s->department);
}

/* Blanks, line breaks and quotes aside: "事业单位\n经营收入" is 事业单位经营收入,
 * 部门"三公"经费 is 部门“三公”经费. */
char *
bd_workbook_normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x3000 || c == '"' || c == 0x201C || c == 0x201D)
        continue;
      g_string_append_unichar (out, c == 0xFF08 ? '(' : c == 0xFF09 ? ')' : c);
    }
  return g_string_free (out, FALSE);
}

const BdWorkbookCell *
bd_workbook_cell_at (Sheet *s,
                     guint  row,
                     guint  column)
{
  if (row >= s->sheet->n_rows)
    return NULL;
  for (guint i = s->row_start[row]; i < s->row_start[row + 1]; i++)
    {
      const BdWorkbookCell *cell = &g_array_index (s->sheet->cells, BdWorkbookCell, i);
      if (cell->column == column)
        return cell;
    }
  return NULL;
}

const char *
bd_workbook_text_at (Sheet *s,
                     guint  row,
                     guint  column)
{
  const BdWorkbookCell *cell = bd_workbook_cell_at (s, row, column);
  return cell ? cell->text : "";
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const BdWorkbookCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

static void
index_rows (Sheet *s)
{
  guint n = s->sheet->cells->len;

  g_array_sort (s->sheet->cells, compare_cells);
  s->row_start = g_new0 (guint, s->sheet->n_rows + 2);
  for (guint i = 0, r = 0; r <= s->sheet->n_rows; r++)
    {
      while (i < n && g_array_index (s->sheet->cells, BdWorkbookCell, i).row < r)
        i++;
      s->row_start[r] = i;
    }
  s->row_start[s->sheet->n_rows + 1] = n;
}

/* "2024年部门收入预算总表" → schedule 2 of 2024; a title cut short (the
 * template's 基本支出部门预算经济分类) still names its schedule. */
static guint
schedule_of_title (const char *text,
                   int        *year,
                   gboolean   *unit_budget)
{
  g_autofree char *t = bd_workbook_normalise (text);
  const char *p = t;
  g_autofree char *as_department = NULL;

  if ((*year = bd_import_leading_year (p)) != 0)
    p += strlen ("2024年");
  *unit_budget = g_str_has_prefix (p, "单位");
  as_department = *unit_budget ? g_strconcat ("部门", p + strlen ("单位"), NULL) : g_strdup (p);
  if (g_utf8_strlen (as_department, -1) < 6)
    return 0;
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      g_autofree char *title = bd_workbook_normalise (bd_schedule_def_get (n)->title);
      if (strcmp (as_department, title) == 0 || g_str_has_prefix (title, as_department))
        return n;
    }
  /* A unit budget's own titles (预算单位财务收支预算总表, as printed and as
   * BudgetDesk writes them). */
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      const char *unit_title = bd_schedule_def_get (n)->unit_title;
      g_autofree char *title = unit_title ? bd_workbook_normalise (unit_title) : NULL;
      if (title != NULL && (strcmp (p, title) == 0 || g_str_has_prefix (title, p)))
        {
          *unit_budget = TRUE;
          return n;
        }
    }
  return 0;
}

static void
read_heading (Sheet *s)
{
  for (guint r = 0; r < MIN (s->sheet->n_rows, 6) && s->number == 0; r++)
    for (guint i = s->row_start[r]; i < s->row_start[r + 1] && s->number == 0; i++)
      {
        const BdWorkbookCell *cell = &g_array_index (s->sheet->cells, BdWorkbookCell, i);
        if (!cell->is_number)
          {
            s->number = schedule_of_title (cell->text, &s->year, &s->unit_budget);
            s->title_row = r;
          }
      }
  s->unit = s->number ? bd_schedule_def_get (s->number)->unit : BD_UNIT_YUAN;
  for (guint r = s->title_row; s->number && r < MIN (s->sheet->n_rows, s->title_row + HEADER_ROWS); r++)
    for (guint i = s->row_start[r]; i < s->row_start[r + 1]; i++)
      {
        g_autofree char *t = bd_workbook_normalise (g_array_index (s->sheet->cells, BdWorkbookCell, i).text);
        const char *colon;

        if (g_str_has_prefix (t, "单位") && (colon = strstr (t, "元")) != NULL)
          {
            s->unit = strstr (t, "万元") ? BD_UNIT_WAN : BD_UNIT_YUAN;
            s->unit_stated = TRUE;
          }
        else if ((g_str_has_prefix (t, "编制部门") || g_str_has_prefix (t, "预算主管部门")
                  || g_str_has_prefix (t, "预算单位") || g_str_has_prefix (t, "编制单位"))
                 && s->department == NULL)
          {
            colon = strstr (t, "：") ? strstr (t, "：") + strlen ("：") : strchr (t, ':') ? strchr (t, ':') + 1 : NULL;
            if (colon != NULL && *colon != '\0')
              s->department = g_strdup (colon);
          }
      }
}

void
bd_workbook_recognise (Sheet *s)
{
  index_rows (s);
  read_heading (s);
}

/* The header cell whose words are @label, in the rows under the title:
 * its column, and its row in @row. */
gboolean
bd_workbook_find_label_from (Sheet      *s,
                             const char *label,
                             gboolean    contained,
                             guint       first_column,
                             guint      *row,
                             guint      *column)
{
  g_autofree char *wanted = bd_workbook_normalise (label);

  for (guint r = s->title_row + 1; r < MIN (s->sheet->n_rows, s->title_row + 1 + HEADER_ROWS); r++)
    for (guint i = s->row_start[r]; i < s->row_start[r + 1]; i++)
      {
        const BdWorkbookCell *cell = &g_array_index (s->sheet->cells, BdWorkbookCell, i);
        g_autofree char *t = cell->is_number ? NULL : bd_workbook_normalise (cell->text);

        if (t != NULL && cell->column >= first_column
            && (contained ? strstr (t, wanted) != NULL : strcmp (t, wanted) == 0))
          {
            *row = r;
            *column = cell->column;
            return TRUE;
          }
      }
  return FALSE;
}

gboolean
bd_workbook_find_label (Sheet      *s,
                        const char *label,
                        gboolean    contained,
                        guint      *row,
                        guint      *column)
{
  return bd_workbook_find_label_from (s, label, contained, 0, row, column);
}

gboolean
bd_workbook_sheet_error (GError         **error,
                         Sheet           *s,
                         guint            row,
                         guint            column,
                         const char      *what)
{
  g_autofree char *name = bd_workbook_cell_name (row, column);

  g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
               _("Sheet “%s”, cell %s: %s"), s->sheet->name, name, what);
  return FALSE;
}

/* Where @row was read: the clerk finds it there (file format 5 keeps it). */
void
bd_workbook_mark_source (BdRow *row,
                         Sheet *s,
                         guint  r,
                         guint  c)
{
  row->source_sheet = g_intern_string (s->sheet->name);
  row->source_line = r + 1;
  row->source_column = c + 1;
}

/* A number typed in a cell ("1616095.4", "7.4", "1.6160954E6") to 分,
 * exactly: its digits are scaled by the unit, never through a double. */
static gboolean
parse_number_text (const char *text,
                   BdUnit      unit,
                   gint64     *fen)
{
  const char *p = text;
  gboolean negative = FALSE, dot = FALSE;
  int exponent = unit == BD_UNIT_WAN ? 6 : 2, digits = 0;
  gint64 mantissa = 0;
  gboolean seen = FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (dot)
            return FALSE;
          dot = TRUE;
          continue;
        }
      seen = TRUE;
      if (digits >= 17)
        {
          if (!dot)
            exponent++;
          continue;
        }
      if (mantissa == 0 && *p == '0' && !dot)
        continue;
      mantissa = mantissa * 10 + (*p - '0');
      digits += mantissa != 0;
      if (dot)
        exponent--;
    }
  if (!seen)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      char *end = NULL;
      gint64 e = g_ascii_strtoll (p + 1, &end, 10);
      if (end == p + 1 || *end != '\0' || e > 30 || e < -30)
        return FALSE;
      exponent += (int) e;
      p = end;
    }
  if (*p != '\0')
    return FALSE;
  if (exponent < 0)
    {
      gint64 divisor = 1;

      if (exponent < -18)
        return FALSE;
      for (; exponent < 0; exponent++)
        divisor *= 10;
      /* Half away from zero, as the published figures round. */
      mantissa = mantissa / divisor + (mantissa % divisor >= (divisor + 1) / 2);
    }
  for (; exponent > 0; exponent--)
    {
      if (mantissa > G_MAXINT64 / 10)
        return FALSE;
      mantissa *= 10;
    }
  *fen = negative ? -mantissa : mantissa;
  return TRUE;
}

gboolean
bd_workbook_read_amount (Sheet   *s,
                         guint    row,
                         guint    column,
                         gint64  *fen,
                         GError **error)
{
  const BdWorkbookCell *cell = bd_workbook_cell_at (s, row, column);
  g_autoptr(GError) local = NULL;

  *fen = 0;
  if (cell == NULL)
    return TRUE;
  if (cell->is_formula_without_value)
    return bd_workbook_sheet_error (error, s, row, column, _("a formula without a computed result; open the workbook in a "
                                                 "spreadsheet, save it, and import it again"));
  if (cell->is_number && parse_number_text (cell->text, s->unit, fen))
    return TRUE;
  if (!cell->is_number && bd_money_parse (cell->text, s->unit, fen, &local))
    return TRUE;
  {
    g_autofree char *what = g_strdup_printf (_("“%s” is not an amount"), cell->text);
    return bd_workbook_sheet_error (error, s, row, column, what);
  }
}
