/* bd-import-schedule.c: reads the nine schedules of the published text */

#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-import-private.h"

/* Schedules */

gboolean
bd_import_parse_amount (const char          *cell,
              BdUnit               unit,
              gint64              *value,
              guint                line_index,
              const char          *row,
              const char          *column,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bd_money_parse (cell, unit, value, &local_error))
    return TRUE;
  if (row != NULL && *row)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected an amount for “%s” under “%s”: %s"), row, column, local_error->message);
  return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
               _("expected an amount under “%s”: %s"), column, local_error->message);
}

static gboolean
read_amounts (BdSchedule *schedule,
              BdRow      *row,
              GStrv       cells,
              guint       first_cell,
              guint       line_index,
              GError    **error)
{
  const BdScheduleDef *def = schedule->def;

  guint n_cells = g_strv_length (cells);

  if (n_cells < first_cell + def->n_columns)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected %u amounts in this row of schedule %u, found %u"),
                 def->n_columns, def->number, n_cells - MIN (first_cell, n_cells));
  /* A figure in a cell beyond the schedule's columns would be lost. */
  for (guint c = first_cell + def->n_columns; c < n_cells; c++)
    if (*cells[c])
      return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                   _("expected %u amounts in this row of schedule %u, found “%s” in a cell beyond them"),
                   def->n_columns, def->number, cells[c]);

  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 value;

      if (!bd_import_parse_amount (cells[first_cell + c], def->unit, &value, line_index, row->name, def->columns[c].name, error))
        return FALSE;
      bd_row_set_published (row, c, value);
      row->values[c] = value;
    }
  return TRUE;
}

static gboolean
read_classified_row (BdSchedule *schedule,
                     GStrv       cells,
                     guint       line_index,
                     GError    **error)
{
  gboolean function = schedule->def->row_kind == BD_ROWS_FUNCTION;
  guint name_cell = function ? 3 : 2;
  g_autofree char *code = NULL;
  BdRow *row;

  if (g_strv_length (cells) <= name_cell)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index, _("expected the code split over 类, 款%s and a name"),
                 function ? _(", 项") : "");

  if (strcmp (cells[0], "合计") == 0)
    return read_amounts (schedule, schedule->total, cells, name_cell + 1, line_index, error);

  if (!bd_import_is_digits (cells[0], 3) || (*cells[1] && !bd_import_is_digits (cells[1], 2))
      || (function && *cells[2] && (!bd_import_is_digits (cells[2], 2) || !*cells[1])))
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected a classification code (类 of 3 digits, then 款 and 项 of 2), found “%s”"), cells[0]);

  code = g_strconcat (cells[0], cells[1], function ? cells[2] : "", NULL);
  if (bd_schedule_find_row (schedule, code) != NULL && bd_schedule_find_row (schedule, code)->published_mask)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index, _("code %s appears twice in schedule %u"),
                 code, schedule->def->number);

  row = bd_schedule_insert_leaf (schedule, code, cells[name_cell]);
  g_free (row->name);
  row->name = g_strdup (cells[name_cell]);
  return read_amounts (schedule, row, cells, name_cell + 1, line_index, error);
}

static gboolean
same_label (const char *a,
            const char *b)
{
  g_autoptr(GString) x = g_string_new (a);
  g_autoptr(GString) y = g_string_new (b);

  g_string_replace (x, " ", "", 0);
  g_string_replace (y, " ", "", 0);
  return strcmp (x->str, y->str) == 0;
}

/* "七、社会保障和就业支出" → the 类 whose printed name follows the numeral. */
static const BdCatalogEntry *
lookup_lei_by_label (const char *label)
{
  g_autoptr(GPtrArray) template = bd_catalog_template_lei (bd_catalog_get_default ());
  const char *name = strstr (label, "、");

  name = name ? name + strlen ("、") : label;
  for (guint i = 0; i < template->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (template, i);
      if (strcmp (entry->name, name) == 0)
        return entry;
    }
  return NULL;
}

static gboolean
read_balance_row (BdSchedule *schedule,
                  GStrv       cells,
                  gboolean   *seen_data,
                  guint       line_index,
                  GError    **error)
{
  const BdScheduleDef *def = schedule->def;
  guint n_cells = g_strv_length (cells);
  gboolean income_found = FALSE;

  if (n_cells < 3 + def->n_columns)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected an income item and its amount, then an expenditure item and %u amounts"),
                 def->n_columns);

  if (!*seen_data && (strcmp (cells[0], def->income_header) == 0 || strcmp (cells[0], "项目") == 0))
    return TRUE;

  if (strcmp (cells[0], "收入总计") == 0)
    {
      gint64 value;
      if (!bd_import_parse_amount (cells[1], def->unit, &value, line_index, NULL, "收入总计", error))
        return FALSE;
      bd_row_set_published (schedule->income_total, 0, value);
      return read_amounts (schedule, schedule->total, cells, 3, line_index, error);
    }

  if (*cells[0])
    {
      for (guint i = 0; i < def->n_income; i++)
        if (same_label (cells[0], def->income[i].name))
          {
            BdRow *item = g_ptr_array_index (schedule->income, i);
            gint64 value;

            if (!bd_import_parse_amount (cells[1], def->unit, &value, line_index, NULL, def->income[i].name, error))
              return FALSE;
            bd_row_set_published (item, 0, value);
            item->values[0] = value;
            income_found = TRUE;
          }
      if (!income_found)
        return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                     _("expected an income item of schedule %u, found “%s”"), def->number, cells[0]);
    }

  if (*cells[2])
    {
      const BdCatalogEntry *lei = lookup_lei_by_label (cells[2]);
      BdRow *row;

      if (lei == NULL)
        return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                     _("expected a function 类 of the template, found “%s”"), cells[2]);
      row = bd_schedule_insert_leaf (schedule, lei->code, lei->name);
      if (!read_amounts (schedule, row, cells, 3, line_index, error))
        return FALSE;
    }

  *seen_data = TRUE;
  return TRUE;
}

static gboolean
read_single_row (BdSchedule *schedule,
                 GStrv       cells,
                 gboolean   *seen_data,
                 guint       line_index,
                 GError    **error)
{
  guint n_cells = g_strv_length (cells);

  /* Header rows hold words; the data row holds only figures. */
  for (guint i = 0; i < n_cells; i++)
    if (*cells[i] && !bd_money_parse (cells[i], schedule->def->unit, &(gint64) { 0 }, NULL))
      {
        if (*seen_data)
          return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                       _("expected only figures after the row of schedule %u"), schedule->def->number);
        return TRUE;
      }

  if (*seen_data)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected one row of figures in schedule %u, found a second"), schedule->def->number);
  *seen_data = TRUE;
  return read_amounts (schedule, g_ptr_array_index (schedule->rows, 0), cells, 0, line_index, error);
}

gboolean
bd_import_read_schedule (Reader     *reader,
               const Part *part,
               GError    **error)
{
  BdSchedule *schedule = bd_document_get_schedule (reader->doc, part->schedule);
  const BdScheduleDef *def = schedule->def;
  gboolean seen_data = FALSE;

  schedule->title_year = part->year;

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    {
      char *line = bd_import_trim (reader->lines[i]);

      if (*line == '\0' || bd_import_is_separator_line (line))
        continue;

      if (g_str_has_prefix (line, "编制部门："))
        {
          const char *department = line + strlen ("编制部门：");
          if (strcmp (department, reader->doc->department) != 0)
            return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                         _("expected 编制部门：%s, as in the document's header, found “%s”"),
                         reader->doc->department, department);
        }
      else if (g_str_has_prefix (line, "单位："))
        {
          const char *expected = def->unit == BD_UNIT_WAN ? "万元" : "元";
          if (strcmp (line + strlen ("单位："), expected) != 0)
            return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i, _("expected 单位：%s for schedule %u, found “%s”"),
                         expected, def->number, line);
        }
      else if (g_str_has_prefix (line, "注："))
        {
          g_free (schedule->note);
          schedule->note = g_strdup (line);
        }
      else if (bd_import_is_table_line (line))
        {
          g_auto(GStrv) cells = bd_import_split_cells (line);
          gboolean ok = TRUE;

          if (bd_import_cells_all_blank (cells))
            continue;

          switch (def->row_kind)
            {
            case BD_ROWS_FUNCTION:
            case BD_ROWS_ECONOMIC:
              if (strcmp (cells[0], "合计") == 0 || g_ascii_isdigit (cells[0][0]))
                {
                  ok = read_classified_row (schedule, cells, i, error);
                  seen_data = TRUE;
                }
              else if (seen_data)
                ok = bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                           _("expected a row starting with a classification code or 合计, found “%s”"), cells[0]);
              break;
            case BD_ROWS_BALANCE:
              ok = read_balance_row (schedule, cells, &seen_data, i, error);
              break;
            case BD_ROWS_SINGLE:
            default:
              ok = read_single_row (schedule, cells, &seen_data, i, error);
              break;
            }
          if (!ok)
            return FALSE;
        }
      else
        return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                     _("expected a table row, 编制部门, 单位 or a note in schedule %u, found “%s”"),
                     def->number, line);
    }
  return TRUE;
}
