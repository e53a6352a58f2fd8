/* bd-pdf-layout.c: lines and cells of a PDF page, from glyph positions
 *
 * poppler gives one rectangle per character of the page's text. Lines are
 * glyphs sharing a baseline band; a line splits into cells where the gap
 * between two glyphs is wider than a space, which is how a table's columns
 * and the code parts (201 05 07) stand apart.
 */

#include <math.h>

#include "bd-import-private.h"
#include "bd-pdf-layout.h"

typedef struct {
  gunichar c;
  double   x0, y0, x1, y1;
} Glyph;

static int
compare_glyphs_by_y (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *g = a, *h = b;
  double gy = (g->y0 + g->y1) / 2, hy = (h->y0 + h->y1) / 2;

  if (fabs (gy - hy) > 0.01)
    return gy < hy ? -1 : 1;
  return (g->x0 > h->x0) - (g->x0 < h->x0);
}

static int
compare_glyphs_by_x (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *g = a, *h = b;
  return (g->x0 > h->x0) - (g->x0 < h->x0);
}

gboolean
bd_pdf_is_amount (const char *text)
{
  static GRegex *amount = NULL;

  return bd_import_match (&amount, "^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?$",
                          G_REGEX_OPTIMIZE, text);
}

void
bd_pdf_line_free (BdPdfLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    {
      BdPdfCell *cell = g_ptr_array_index (line->cells, i);
      g_free (cell->text);
      g_array_unref (cell->char_x);
      g_free (cell);
    }
  g_ptr_array_unref (line->cells);
  g_free (line->text);
  g_free (line);
}

static gboolean
is_wide (gunichar c)
{
  return c >= 0x2E80;
}

static gboolean
is_ideograph (gunichar c)
{
  return is_wide (c) && g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
}

char *
bd_pdf_cell_split (const BdPdfCell *cell,
                   double           x,
                   gboolean         left)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  for (const char *p = cell->text; *p; p = g_utf8_next_char (p), i++)
    {
      double at = i < cell->char_x->len ? g_array_index (cell->char_x, double, i) : cell->x1;
      if ((at < x) == left)
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* Builds a line from glyphs sorted left to right. A gap wider than most of
 * a character ends a cell; in the line's text a narrower gap beside a
 * Latin character or digit is the space it was in the source. */
static BdPdfLine *
line_from_glyphs (GArray *glyphs,
                  guint   page)
{
  BdPdfLine *line = g_new0 (BdPdfLine, 1);
  GString *cell_text = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  BdPdfCell *cell = NULL;
  double heights = 0;

  line->cells = g_ptr_array_new ();
  line->page = page;
  line->x0 = line->y0 = G_MAXDOUBLE;
  line->x1 = line->y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < glyphs->len; i++)
    heights += g_array_index (glyphs, Glyph, i).y1 - g_array_index (glyphs, Glyph, i).y0;
  line->height = glyphs->len ? heights / glyphs->len : 10;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      const Glyph *previous = i > 0 ? &g_array_index (glyphs, Glyph, i - 1) : NULL;
      double gap = previous ? g->x0 - previous->x1 : 0;

      /* Bold drawn twice over itself: keep one. */
      if (previous && previous->c == g->c && fabs (previous->x0 - g->x0) < 0.5)
        continue;
      /* A digit right against the next column's words (189,767,551 一、…)
       * is still two cells; so are two words where a blank parts
       * ideographs (阶段性项目 项目类别), which Chinese text never has. */
      if (cell != NULL && (gap > 0.7 * line->height
                           || (gap > 0.15 * line->height && g_unichar_isdigit (previous->c) != g_unichar_isdigit (g->c)
                               && (is_wide (g->c) || is_wide (previous->c)))
                           || (gap > 0.35 * line->height && is_ideograph (g->c) && is_ideograph (previous->c))))
        {
          cell->text = g_string_free (g_steal_pointer (&cell_text), FALSE);
          g_ptr_array_add (line->cells, cell);
          cell = NULL;
          cell_text = g_string_new (NULL);
          if (gap > 0.2 * line->height)
            g_string_append_c (text, ' ');
        }
      else if (previous && gap > 0.2 * line->height && (!is_wide (g->c) || !is_wide (previous->c)))
        {
          double at = g->x0;
          g_string_append_c (cell_text, ' ');
          g_array_append_val (cell->char_x, at);
          g_string_append_c (text, ' ');
        }
      if (cell == NULL)
        {
          cell = g_new0 (BdPdfCell, 1);
          cell->char_x = g_array_new (FALSE, FALSE, sizeof (double));
          cell->x0 = g->x0;
          cell->y0 = g->y0;
          cell->y1 = g->y1;
        }
      cell->x1 = g->x1;
      cell->y0 = MIN (cell->y0, g->y0);
      cell->y1 = MAX (cell->y1, g->y1);
      g_string_append_unichar (cell_text, g->c);
      g_array_append_vals (cell->char_x, &g->x0, 1);
      g_string_append_unichar (text, g->c);
      line->x0 = MIN (line->x0, g->x0);
      line->x1 = MAX (line->x1, g->x1);
      line->y0 = MIN (line->y0, g->y0);
      line->y1 = MAX (line->y1, g->y1);
    }
  if (cell != NULL)
    {
      cell->text = g_string_free (g_steal_pointer (&cell_text), FALSE);
      g_ptr_array_add (line->cells, cell);
    }
  if (cell_text != NULL)
    g_string_free (cell_text, TRUE);
  line->text = g_string_free (text, FALSE);
  return line;
}

/* "3", "- 3 -", "第3页", "3/21": a page number, dropped where it stands
 * above or below the page's content. */
static gboolean
is_page_number (const char *text)
{
  static GRegex *number = NULL;

  return bd_import_match (&number, "^[-—–\\s]*(?:第\\s*)?[0-9]+\\s*(?:页|/\\s*[0-9]+)?(?:\\s*共\\s*[0-9]+\\s*页)?[-—–\\s]*$",
                          G_REGEX_OPTIMIZE, text);
}

GPtrArray *
bd_pdf_page_lines (const BdPdfPageText *page,
                   guint                number)
{
  const char *text = page->text;
  const BdPdfRect *rects = page->rects;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_pdf_line_free);
  guint n_rects = page->n_rects;
  guint i = 0;
  double height = page->height;

  if (text == NULL || n_rects == 0)
    return lines;

  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph g = { c, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };

      if (g_unichar_isspace (c) || c == 0x3000 || g_unichar_iscntrl (c) || g.y1 - g.y0 <= 0)
        continue;
      g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, compare_glyphs_by_y);

  for (guint start = 0; start < glyphs->len;)
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, start);
      double centre = (first->y0 + first->y1) / 2;
      double band = 0.4 * (first->y1 - first->y0);
      g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (Glyph));
      guint end = start;
      BdPdfLine *built;

      while (end < glyphs->len)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, end);
          if (fabs ((g->y0 + g->y1) / 2 - centre) > MAX (band, 0.4 * (g->y1 - g->y0)))
            break;
          g_array_append_val (line, *g);
          end++;
        }
      g_array_sort (line, compare_glyphs_by_x);
      built = line_from_glyphs (line, number);
      built->page_height = height;
      start = end;

      if ((built->y1 < 0.1 * height || built->y0 > 0.88 * height) && is_page_number (built->text))
        bd_pdf_line_free (built);
      else
        g_ptr_array_add (lines, built);
    }
  return lines;
}

static gboolean
in_margin (const BdPdfLine *line)
{
  return line->y1 < 0.1 * line->page_height || line->y0 > 0.9 * line->page_height;
}

/* The words of a line with its digits as "#": "第3页" and "第4页" agree. */
static char *
running_key (const BdPdfLine *line)
{
  GString *key = g_string_new (NULL);

  for (const char *p = line->text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        continue;
      if (g_unichar_isdigit (c))
        c = '#';
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

void
bd_pdf_drop_running_lines (GPtrArray *pages)
{
  g_autoptr(GHashTable) pages_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint enough = MAX (3, (pages->len + 1) / 2);

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, p);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < lines->len; i++)
        {
          BdPdfLine *line = g_ptr_array_index (lines, i);
          char *key;

          if (!in_margin (line))
            continue;
          key = running_key (line);
          if (!g_hash_table_add (seen, key))
            continue;
          g_hash_table_insert (pages_of, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pages_of, key)) + 1));
        }
    }
  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, p);

      for (guint i = lines->len; i-- > 0;)
        {
          BdPdfLine *line = g_ptr_array_index (lines, i);
          g_autofree char *key = in_margin (line) ? running_key (line) : NULL;

          if (key != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (pages_of, key)) >= enough)
            g_ptr_array_remove_index (lines, i);
        }
    }
}
