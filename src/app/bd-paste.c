#include <glib/gi18n.h>
#include <gio/gio.h>

#include "bd-paste.h"

/* One line of the block as read. */
typedef enum {
  LINE_FIGURES,    /* figures only */
  LINE_CODE,       /* a code, a name, figures */
  LINE_TOTAL,      /* 合计, 总计 */
  LINE_HEADER,     /* words only: 类 款 项, 功能分类科目编码 */
} LineKind;

typedef struct {
  LineKind  kind;
  char     *code;        /* LINE_CODE: the full code */
  GStrv     figures;     /* the figure cells, as typed */
  BdRow    *row;         /* where it goes */
} Line;

static void
line_clear (Line *line)
{
  g_free (line->code);
  g_strfreev (line->figures);
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static gboolean
is_figure (const char *text,
           BdUnit      unit)
{
  gint64 value;

  return *text == '\0' || bd_money_parse (text, unit, &value, NULL);
}

/* Code cells as published: 类 (3 digits), 款 and 项 (2 each) in cells of
 * their own, a blank one before a part that is there taking the line
 * above's; or the code in one cell. */
static gboolean
read_code (GStrv        cells,
           guint       *n_code_cells,
           const char  *previous,
           char       **code)
{
  static const guint lengths[] = { 3, 2, 2 };
  static const guint offsets[] = { 0, 3, 5 };
  g_autoptr(GString) joined = g_string_new (NULL);
  guint c = 0;

  if (cells[0] && is_digits (cells[0]) && (strlen (cells[0]) == 5 || strlen (cells[0]) == 7))
    {
      *code = g_strdup (cells[0]);
      *n_code_cells = 1;
      return TRUE;
    }
  for (; c < G_N_ELEMENTS (lengths) && cells[c]; c++)
    {
      const char *cell = cells[c];
      gboolean part_follows = FALSE;

      if (*cell == '\0')
        {
          for (guint next = c + 1; next < G_N_ELEMENTS (lengths) && cells[next] && !part_follows; next++)
            part_follows = is_digits (cells[next]) && strlen (cells[next]) == lengths[next];
          if (part_follows && previous != NULL && joined->len == offsets[c]
              && strlen (previous) >= offsets[c] + lengths[c])
            g_string_append_len (joined, previous + offsets[c], lengths[c]);
          continue;
        }
      if (!is_digits (cell) || strlen (cell) != lengths[c] || joined->len != offsets[c])
        break;
      g_string_append (joined, cell);
    }
  if (joined->len == 0)
    return FALSE;
  *n_code_cells = c;
  *code = g_string_free (g_steal_pointer (&joined), FALSE);
  return TRUE;
}

/* A row's name before figures, as a balance schedule's block has it
 * ("七、社会保障和就业支出"): words without a digit, so a figure mistyped
 * ("1.2x") is not taken for one. */
static gboolean
is_name (const char *text)
{
  gboolean letters = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        return FALSE;
      /* "-" for zero, as spreadsheets write it, is no name. */
      letters |= g_unichar_isalpha (g_utf8_get_char (p));
    }
  return letters;
}

/* The cells after the code and the name; trailing blank cells dropped. */
static GStrv
figure_cells (GStrv cells,
              guint from)
{
  guint n = g_strv_length (cells);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv figures;

  while (n > from && *cells[n - 1] == '\0')
    n--;
  for (guint c = from; c < n; c++)
    g_strv_builder_add (builder, cells[c]);
  figures = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return figures;
}

static void
read_line (const char *text,
           BdUnit      unit,
           const char *previous_code,
           Line       *line)
{
  g_auto(GStrv) cells = g_strsplit (text, "\t", -1);
  guint n_code_cells = 0;
  gboolean words = FALSE, numbers = FALSE;

  for (guint c = 0; cells[c]; c++)
    {
      g_strstrip (cells[c]);
      if (*cells[c] != '\0' && is_figure (cells[c], unit))
        numbers = TRUE;
      else if (*cells[c] != '\0')
        words = TRUE;
    }

  if (cells[0] && (strstr (cells[0], "合计") || strstr (cells[0], "总计")))
    line->kind = LINE_TOTAL;
  else if (words && read_code (cells, &n_code_cells, previous_code, &line->code))
    {
      /* The name follows the code; the figures follow the name. */
      guint name = n_code_cells;
      while (cells[name] && *cells[name] == '\0')
        name++;
      if (cells[name] && !is_figure (cells[name], unit))
        {
          line->kind = LINE_CODE;
          line->figures = figure_cells (cells, name + 1);
          return;
        }
      g_clear_pointer (&line->code, g_free);
      line->kind = LINE_FIGURES;
    }
  else if (words && !numbers)
    line->kind = LINE_HEADER;
  else
    line->kind = LINE_FIGURES;
  line->figures = figure_cells (cells, cells[0] && is_name (cells[0]) && !is_figure (cells[0], unit) ? 1 : 0);
}

/* A list for a message: "208、20805". */
static char *
join_codes (GPtrArray *codes)
{
  g_ptr_array_add (codes, NULL);
  return g_strjoinv ("、", (char **) codes->pdata);
}

static gboolean
place_by_code (BdSchedule  *schedule,
               GArray      *lines,
               GError     **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) computed = g_ptr_array_new ();
  g_autofree char *list = NULL;
  guint placed = 0;

  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);

      if (line->kind == LINE_FIGURES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of the block has figures but no code, while the other lines have codes."), l + 1);
          return FALSE;
        }
      if (line->kind != LINE_CODE)
        continue;
      line->row = bd_schedule_find_row (schedule, line->code);
      if (line->row == NULL)
        g_ptr_array_add (unknown, line->code);
      else if (!line->row->is_leaf)
        {
          g_ptr_array_add (computed, line->code);
          line->row = NULL;
        }
      else
        placed++;
    }
  if (unknown->len > 0)
    {
      list = join_codes (unknown);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("This schedule has no rows %s: add them first (type the code above the table), then paste again."),
                   list);
      return FALSE;
    }
  if (placed == 0)
    {
      list = join_codes (computed);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Every row of the block is computed (%s): paste the rows below them."), list);
      return FALSE;
    }
  return TRUE;
}

/* The figures a computed row's line of the block states must be the sums of
 * the block's lines for its rows: else the block does not line up. */
static gboolean
check_computed_line (BdSchedule  *schedule,
                     GArray      *lines,
                     guint        index,
                     guint        column,
                     guint        first_position,
                     GError     **error)
{
  Line *line = &g_array_index (lines, Line, index);
  BdRow *row = line->row;
  guint n_rows = schedule->rows->len;

  for (guint c = 0; line->figures[c]; c++)
    {
      gint64 stated = 0, sum = 0;

      if (*line->figures[c] == '\0')
        continue;
      bd_money_parse (line->figures[c], schedule->def->unit, &stated, NULL);
      for (guint l = 0; l < lines->len; l++)
        {
          Line *other = &g_array_index (lines, Line, l);
          gint64 value = 0;
          gboolean under = other->row != NULL && other->row->is_leaf
                           && (row == schedule->total || bd_row_encloses (row, other->row));

          if (under && g_strv_length (other->figures) > c)
            bd_money_parse (other->figures[c], schedule->def->unit, &value, NULL);
          sum += under ? value : 0;
        }
      /* Rows below it the block does not reach count as they are now. */
      for (guint p = first_position + lines->len; p < n_rows; p++)
        {
          BdRow *below = g_ptr_array_index (schedule->rows, p);
          if (below->is_leaf && (row == schedule->total || bd_row_encloses (row, below)))
            sum += below->values[column + c];
        }
      if (stated != sum)
        {
          g_autofree char *expected = bd_money_format_unit (sum, schedule->def->unit);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of the block lands on %s %s, which is computed from the rows below it, "
                         "but its %s is not their sum %s: the block does not line up with the rows here. "
                         "Paste it at the row its first line belongs to, or copy the codes with it."),
                       index + 1, row->code ? row->code : "", row->name, line->figures[c], expected);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
place_line_for_line (BdSchedule  *schedule,
                     GArray      *lines,
                     guint        position,
                     guint        column,
                     GError     **error)
{
  guint n_rows = schedule->rows->len + (schedule->total != NULL);

  if (position + lines->len > n_rows)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The block has %u rows, but the table has only %u rows from here down."),
                   lines->len, n_rows - position);
      return FALSE;
    }
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      guint p = position + l;
      line->row = p < schedule->rows->len ? g_ptr_array_index (schedule->rows, p) : schedule->total;
    }
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      if (line->kind != LINE_FIGURES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of the block is not figures: copy the figures only, or the codes with them."), l + 1);
          return FALSE;
        }
      if (!line->row->is_leaf && !check_computed_line (schedule, lines, l, column, position, error))
        return FALSE;
    }
  return TRUE;
}

/* The lines that land on rows a clerk types in, by row, and the entered
 * columns they give figures for (@low to @high); FALSE when a line is too
 * wide or a figure is refused. */
static gboolean
collect_cells (BdSchedule  *schedule,
               GArray      *lines,
               guint        first_column,
               GHashTable  *by_row,
               guint       *low,
               guint       *high,
               GError     **error)
{
  const BdScheduleDef *def = schedule->def;

  *low = G_MAXUINT;
  *high = 0;
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      guint n = line->figures ? g_strv_length (line->figures) : 0;

      if (line->row == NULL || !line->row->is_leaf || line->row == schedule->total)
        continue;
      if (first_column + n > def->n_columns)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The block has %u columns, but only %u columns can take figures from here right."),
                       n, def->n_columns - first_column);
          return FALSE;
        }
      for (guint c = 0; c < n; c++)
        if (bd_schedule_def_is_entered (def, first_column + c))
          {
            g_autoptr(GError) parse_error = NULL;
            gint64 value;

            if (!bd_money_parse (line->figures[c], def->unit, &value, &parse_error))
              {
                g_set_error (error, BD_MONEY_ERROR, parse_error->code, _("Row %u, column %u of the block: %s"),
                             l + 1, c + 1, parse_error->message);
                return FALSE;
              }
            *low = MIN (*low, first_column + c);
            *high = MAX (*high, first_column + c);
          }
      g_hash_table_insert (by_row, line->row, line);
    }
  return TRUE;
}

/* The block for bd_editor_paste: the leaf rows from the first placed one to
 * the last, the entered columns between; a cell the block does not give
 * keeps the row's figure. */
static char *
write_plan (BdSchedule  *schedule,
            GArray      *lines,
            guint        first_column,
            char       **code_out,
            guint       *column_out,
            GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  g_autoptr(GHashTable) by_row = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) block = g_string_new (NULL);
  guint first_leaf = G_MAXUINT, last_leaf = 0, low, high;

  if (!collect_cells (schedule, lines, first_column, by_row, &low, &high, error))
    return NULL;
  for (guint p = 0; p < schedule->rows->len; p++)
    if (g_hash_table_contains (by_row, g_ptr_array_index (schedule->rows, p)))
      {
        first_leaf = MIN (first_leaf, p);
        last_leaf = p;
      }
  if (first_leaf == G_MAXUINT || low == G_MAXUINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Nothing in the block lands on a figure that can be typed in: the sum columns and rows are computed."));
      return NULL;
    }

  for (guint p = first_leaf; p <= last_leaf; p++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, p);
      Line *line = g_hash_table_lookup (by_row, row);
      gboolean first_cell = TRUE;

      if (!row->is_leaf)
        continue;
      for (guint c = low; c <= high; c++)
        {
          guint cell = c - first_column;

          if (!bd_schedule_def_is_entered (def, c))
            continue;
          g_string_append (block, first_cell ? "" : "\t");
          first_cell = FALSE;
          if (line != NULL && c >= first_column && cell < g_strv_length (line->figures))
            g_string_append (block, line->figures[cell]);
          else
            {
              /* The row's own figure, in the schedule's unit (a figure in
               * 万元 is typed to the hundredth, so it is exact). */
              g_autofree char *kept = def->unit == BD_UNIT_WAN ? bd_money_format_wan (row->values[c], FALSE)
                                                               : bd_money_format_plain (row->values[c]);
              g_string_append (block, kept);
            }
        }
      g_string_append_c (block, '\n');
    }
  *code_out = g_strdup (((BdRow *) g_ptr_array_index (schedule->rows, first_leaf))->code);
  *column_out = low;
  return g_string_free (g_steal_pointer (&block), FALSE);
}

char *
bd_paste_plan (BdSchedule  *schedule,
               guint        position,
               guint        column,
               const char  *text,
               char       **code_out,
               guint       *column_out,
               GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_auto(GStrv) split = NULL;
  guint n_split, first_column = column;
  gboolean with_codes = FALSE;
  const char *previous = NULL;
  char *plan;

  g_return_val_if_fail (schedule != NULL && text != NULL, NULL);

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  split = g_strsplit (text, "\n", -1);
  n_split = g_strv_length (split);
  /* Trailing empty lines go; a last line's leading tabs (blank code cells)
   * stay. */
  while (n_split > 0 && split[n_split - 1][strspn (split[n_split - 1], " \t\r")] == '\0')
    n_split--;
  for (guint l = 0; l < n_split; l++)
    {
      Line line = { 0 };

      g_strdelimit (split[l], "\r", ' ');
      read_line (split[l], schedule->def->unit, previous, &line);
      g_array_append_val (lines, line);
      if (line.kind == LINE_CODE)
        {
          previous = g_array_index (lines, Line, lines->len - 1).code;
          with_codes = TRUE;
        }
    }

  if (with_codes)
    {
      guint widest = 0;

      if (!place_by_code (schedule, lines, error))
        return NULL;
      /* A block with every column of the schedule starts at the first,
       * wherever it is pasted. */
      for (guint l = 0; l < lines->len; l++)
        if (g_array_index (lines, Line, l).kind == LINE_CODE)
          widest = MAX (widest, g_strv_length (g_array_index (lines, Line, l).figures));
      if (widest == schedule->def->n_columns)
        first_column = 0;
    }
  else if (!place_line_for_line (schedule, lines, position, column, error))
    return NULL;

  plan = write_plan (schedule, lines, first_column, code_out, column_out, error);
  return plan;
}
