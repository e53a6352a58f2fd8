/* bd-table-view-range.c: the selected range of a BdTableView, copied as a
 * spreadsheet copies it, and cleared in one step. */

#include <glib/gi18n.h>

#include "bd-table-view-private.h"

/* A figure as a spreadsheet reads it: no thousands separators. */
static char *
figure_text (BdTableView *self,
             BdRowItem   *item,
             guint        column)
{
  BdRow *row = bd_row_item_get_row (item);
  gint64 value = row->values[_bd_table_view_schedule_column (self, column)];

  if (_bd_table_view_get_schedule (self)->def->unit == BD_UNIT_WAN)
    return bd_money_format_wan (value, FALSE);
  return bd_money_format_plain (value);
}

/* Whole rows (every figure column) are copied with their codes and names,
 * so that pasted back they are placed by code. */
static gboolean
range_has_codes (BdTableView *self,
                 guint        left,
                 guint        right)
{
  return left == 0 && right + 1 == self->n_amounts && self->n_lead > 0;
}

/* The cells of one row of the range: codes and name first when whole rows
 * are copied. */
static GPtrArray *
range_row (BdTableView *self,
           guint        position,
           guint        left,
           guint        right,
           guint       *n_text)
{
  g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, position);
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  *n_text = 0;
  if (range_has_codes (self, left, right))
    for (guint i = 0; i < self->n_lead; i++)
      {
        ColumnSpec spec = { self, self->lead_roles[i], 0 };
        BdRow *row = bd_row_item_get_row (item);

        /* The code in one cell (2080502, not 208 | 05 | 02): a spreadsheet
         * reads "05" as the number 5 unless told otherwise, and Gnumeric
         * and LibreOffice are not told by the HTML's style. */
        if (spec.role == ROLE_KUAN || spec.role == ROLE_XIANG)
          continue;
        if (spec.role == ROLE_LEI && bd_row_item_get_kind (item) == BD_ROW_ITEM_ROW)
          g_ptr_array_add (cells, g_strdup (row->code));
        else
          g_ptr_array_add (cells, _bd_table_view_cell_text (self, item, &spec));
        (*n_text)++;
      }
  for (guint c = left; c <= right; c++)
    g_ptr_array_add (cells, figure_text (self, item, c));
  return cells;
}

char *
bd_table_view_dup_range_text (BdTableView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint top, left, bottom, right, n_text;

  g_return_val_if_fail (BD_IS_TABLE_VIEW (self), NULL);

  bd_table_view_get_range (self, &top, &left, &bottom, &right);
  for (guint p = top; p <= bottom && p < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); p++)
    {
      g_autoptr(GPtrArray) cells = range_row (self, p, left, right, &n_text);

      for (guint c = 0; c < cells->len; c++)
        g_string_append_printf (text, "%s%s", c ? "\t" : "", (char *) g_ptr_array_index (cells, c));
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Codes are text in the spreadsheet ("05" keeps its zero); figures are
 * numbers with two decimals. */
char *
bd_table_view_dup_range_html (BdTableView *self)
{
  g_autoptr(GString) html = g_string_new ("<html><head><meta charset=\"utf-8\"></head><body><table>\n");
  guint top, left, bottom, right, n_text;

  g_return_val_if_fail (BD_IS_TABLE_VIEW (self), NULL);

  bd_table_view_get_range (self, &top, &left, &bottom, &right);
  for (guint p = top; p <= bottom && p < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); p++)
    {
      g_autoptr(GPtrArray) cells = range_row (self, p, left, right, &n_text);

      g_string_append (html, "<tr>");
      for (guint c = 0; c < cells->len; c++)
        {
          g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (cells, c), -1);

          if (c < n_text)
            g_string_append_printf (html, "<td style=\"mso-number-format:'\\@'\">%s</td>", escaped);
          else
            g_string_append_printf (html, "<td style=\"mso-number-format:'0\\.00'\" align=\"right\">%s</td>", escaped);
        }
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</table></body></html>\n");
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* The income items of schedules 1 and 4 are cells of their own: each is
 * set apart. */
static gboolean
clear_income (BdTableView *self,
              guint        top,
              guint        bottom,
              GError     **error)
{
  for (guint p = top; p <= bottom; p++)
    {
      g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, p);

      if (bd_row_item_is_editable (item)
          && !bd_editor_set_cell (self->editor, self->schedule, BD_CELL_INCOME, bd_row_item_get_row (item)->code, 0, 0,
                                  error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_table_view_clear_range (BdTableView *self)
{
  BdSchedule *schedule;
  g_autoptr(GString) block = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *first_code = NULL;
  guint top, left, bottom, right, low = G_MAXUINT;
  gboolean stored;

  g_return_val_if_fail (BD_IS_TABLE_VIEW (self), FALSE);

  schedule = _bd_table_view_get_schedule (self);
  bd_table_view_get_range (self, &top, &left, &bottom, &right);
  if (bd_editor_get_store (self->editor) && bd_store_is_read_only (bd_editor_get_store (self->editor)))
    {
      _bd_table_view_show_error (self, _("The document is open read-only."));
      return FALSE;
    }
  if (self->kind == BD_TABLE_INCOME)
    stored = clear_income (self, top, bottom, &error);
  else
    {
      /* Zeros for the figures a clerk types, from the first row that takes
       * them: the editor steps over computed rows and columns. */
      for (guint p = top; p <= bottom && p < schedule->rows->len; p++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, p);
          gboolean first_cell = TRUE;

          if (!row->is_leaf)
            continue;
          first_code = first_code ? first_code : row->code;
          for (guint c = left; c <= right; c++)
            if (_bd_table_view_column_is_entered (self, c))
              {
                low = MIN (low, c);
                g_string_append (block, first_cell ? "0" : "\t0");
                first_cell = FALSE;
              }
          g_string_append_c (block, '\n');
        }
      if (first_code == NULL || low == G_MAXUINT)
        {
          _bd_table_view_show_error (self, _("This figure is computed from the others; change the figures it adds up."));
          return FALSE;
        }
      stored = bd_editor_paste (self->editor, self->schedule, first_code, low, block->str, &error);
    }
  if (!stored)
    {
      _bd_table_view_show_error (self, error->message);
      return FALSE;
    }
  _bd_table_view_hide_error (self);
  return TRUE;
}
