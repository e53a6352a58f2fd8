/* bd-import-schedule.c: reads the nine schedules of the published text */

#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-import-private.h"

/* A schedule being read, and the unit its table says it is printed in. */
typedef struct {
  BdSchedule *schedule;
  BdUnit      unit;
  BdDocument *doc;
} Table;

/* A disagreement of the document with itself, read anyway and reported by
 * the checker at its place. */
static void
note (Table      *table,
      const char *row,
      guint       line_index,
      char       *message)
{
  BdImportNote *note = bd_document_add_import_note (table->doc, BD_PART_SCHEDULE_1 + table->schedule->def->number - 1,
                                                    row, bd_import_page_of_line (line_index), message);

  note->line = bd_import_text_line (line_index);
}

/* A 款 or 项 printed with one digit ("2"): the 02 it stands for. */
static char *
code_part (Table      *table,
           const char *printed,
           const char *level,
           guint       line_index)
{
  if (strlen (printed) == 1 && g_ascii_isdigit (printed[0]))
    {
      note (table, NULL, line_index,
            g_strdup_printf (_("%s printed as “%s”, read as 0%s"), level, printed, printed));
      return g_strconcat ("0", printed, NULL);
    }
  return g_strdup (printed);
}

/* Schedules */

gboolean
bd_import_parse_amount (const char  *cell,
                        BdUnit       unit,
                        gint64      *value,
                        guint        line_index,
                        const char  *row,
                        const char  *column,
                        GError     **error)
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
read_amounts (Table      *table,
              BdRow      *row,
              GStrv       cells,
              guint       first_cell,
              guint       line_index,
              GError    **error)
{
  BdSchedule *schedule = table->schedule;
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

      if (!bd_import_parse_amount (cells[first_cell + c], table->unit, &value, line_index, row->name, def->columns[c].name, error))
        return FALSE;
      bd_row_set_published (row, c, value);
      row->values[c] = value;
    }
  row->source_page = bd_import_page_of_line (line_index);
  row->source_line = bd_import_text_line (line_index);
  return TRUE;
}

/* A code printed a second time: the same figures say nothing new; others are
 * reported, not read (the first row's stand). */
static gboolean
read_repeated_row (Table      *table,
                   BdRow      *first,
                   GStrv       cells,
                   guint       first_cell,
                   guint       line_index,
                   GError    **error)
{
  BdRow *again = bd_row_new (first->code, first->name);
  Table scratch = *table;
  g_autoptr(GString) figures = g_string_new (NULL);
  gboolean same = TRUE;

  if (!read_amounts (&scratch, again, cells, first_cell, line_index, error))
    {
      bd_row_free (again);
      return FALSE;
    }
  for (guint c = 0; c < table->schedule->def->n_columns; c++)
    {
      g_autofree char *figure = bd_money_format_unit (again->published[c], table->unit);
      same &= again->published[c] == first->published[c];
      g_string_append_printf (figures, "%s%s", c ? ", " : "", figure);
    }
  if (same)
    note (table, first->code, line_index,
          g_strdup_printf (_("%s %s is printed twice, with the same figures"), first->code, first->name));
  else
    note (table, first->code, line_index,
          g_strdup_printf (_("%s %s is printed twice; the second time with other figures (%s), "
                             "which were not read"), first->code, first->name, figures->str));
  bd_row_free (again);
  return TRUE;
}

static gboolean
read_classified_row (Table      *table,
                     GStrv       cells,
                     guint       line_index,
                     GError    **error)
{
  BdSchedule *schedule = table->schedule;
  gboolean function = schedule->def->row_kind == BD_ROWS_FUNCTION;
  guint name_cell = function ? 3 : 2;
  g_autofree char *code = NULL;
  g_autofree char *kuan = NULL;
  g_autofree char *xiang = NULL;
  BdRow *row;

  if (g_strv_length (cells) <= name_cell)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index, _("expected the code split over 类, 款%s and a name"),
                 function ? _(", 项") : "");

  if (strcmp (cells[0], "合计") == 0)
    return read_amounts (table, schedule->total, cells, name_cell + 1, line_index, error);

  kuan = code_part (table, cells[1], "款", line_index);
  xiang = function ? code_part (table, cells[2], "项", line_index) : g_strdup ("");
  if (!bd_import_is_digits (cells[0], 3) || (*kuan && !bd_import_is_digits (kuan, 2))
      || (*xiang && (!bd_import_is_digits (xiang, 2) || !*kuan)))
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected a classification code (类 of 3 digits, then 款 and 项 of 2), found “%s”"), cells[0]);

  code = g_strconcat (cells[0], kuan, xiang, NULL);
  row = bd_schedule_find_row (schedule, code);
  if (row != NULL && row->published_mask)
    return read_repeated_row (table, row, cells, name_cell + 1, line_index, error);

  row = bd_schedule_insert_leaf (schedule, code, cells[name_cell]);
  g_free (row->name);
  row->name = g_strdup (cells[name_cell]);
  return read_amounts (table, row, cells, name_cell + 1, line_index, error);
}

/* An income label as years and departments print it, reduced to what tells
 * it apart: no enumerator (一、, 1., 1．), no blanks, and no 资金 or 预算
 * at its end (一般公共预算资金 before 2025, 一般公共预算 since; 政府性基金 and
 * 政府性基金预算). */
static char *
label_key (const char *label)
{
  static GRegex *enumerator = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *bare = NULL;

  if (g_once_init_enter (&enumerator))
    g_once_init_leave (&enumerator, g_regex_new ("^(?:[一二三四五六七八九十]+[、.．]|[0-9０-９]+[.．、]?)", 0, 0, NULL));
  for (const char *p = label; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      g_string_append_unichar (key, g_utf8_get_char (p));
  bare = g_regex_replace_literal (enumerator, key->str, -1, 0, "", 0, NULL);
  for (gboolean stripped = TRUE; stripped;)
    {
      gsize length = strlen (bare);
      stripped = FALSE;
      if (g_str_has_suffix (bare, "资金") && length > strlen ("资金"))
        bare[length - strlen ("资金")] = '\0', stripped = TRUE;
      else if (g_str_has_suffix (bare, "预算") && length > strlen ("预算"))
        bare[length - strlen ("预算")] = '\0', stripped = TRUE;
    }
  return g_steal_pointer (&bare);
}

static gboolean
same_label (const char *a,
            const char *b)
{
  g_autofree char *x = label_key (a);
  g_autofree char *y = label_key (b);

  return strcmp (x, y) == 0;
}

/* 类 names of earlier catalogs, as older documents print them. */
static const struct {
  const char *old_name;
  const char *name;
} renamed_lei[] = {
  { "医疗卫生与计划生育支出", "卫生健康支出" },
  { "文化体育与传媒支出", "文化旅游体育与传媒支出" },
  { "国土海洋气象等支出", "自然资源海洋气象等支出" },
};

/* "七、社会保障和就业支出" → the 类 whose printed name follows the numeral. */
static const BdCatalogEntry *
lookup_lei_by_label (const char *label)
{
  g_autoptr(GPtrArray) template = bd_catalog_template_lei (bd_catalog_get_default ());
  const char *name = strstr (label, "、");

  name = name ? name + strlen ("、") : label;
  while (*name == ' ')
    name++;
  for (guint i = 0; i < G_N_ELEMENTS (renamed_lei); i++)
    if (strcmp (name, renamed_lei[i].old_name) == 0)
      name = renamed_lei[i].name;
  for (guint i = 0; i < template->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (template, i);
      if (strcmp (entry->name, name) == 0)
        return entry;
    }
  return NULL;
}

/* What a balance schedule's left or right cell is besides an income item or
 * a 类: the year's totals, the carry-over and the grand totals. Documents
 * word the carry-over 上年结转, 上年结转结余, 上年结转资金 (sometimes numbered
 * 五、) and 结转下年 or 年末结转和结余. */
typedef enum {
  CELL_OTHER,
  CELL_YEAR_TOTAL,   /* 本年收入合计, 本年支出合计 */
  CELL_CARRY,        /* 上年结转…, 结转下年… */
  CELL_GRAND,        /* 收入总计, 支出总计 */
} BalanceCell;

static BalanceCell
balance_cell (const char *cell,
              gboolean    income)
{
  g_autofree char *key = label_key (cell);

  if (strcmp (key, income ? "本年收入合计" : "本年支出合计") == 0)
    return CELL_YEAR_TOTAL;
  if (strcmp (key, income ? "收入总计" : "支出总计") == 0)
    return CELL_GRAND;
  if (income ? g_str_has_prefix (key, "上年结转") || g_str_has_prefix (key, "上年结余")
             : g_str_has_prefix (key, "结转下年") || g_str_has_prefix (key, "年末结转"))
    return CELL_CARRY;
  return CELL_OTHER;
}

/* The printed figure of income-side @row, in column 0. */
static gboolean
read_income_figure (Table      *table,
                    BdRow      *row,
                    const char *cell,
                    guint       line_index,
                    GError    **error)
{
  gint64 value;

  if (!bd_import_parse_amount (cell, table->unit, &value, line_index, NULL, row->name, error))
    return FALSE;
  bd_row_set_published (row, 0, value);
  if (row->is_leaf)
    row->values[0] = value;
  row->source_page = bd_import_page_of_line (line_index);
  row->source_line = bd_import_text_line (line_index);
  return TRUE;
}

/* 本年收入合计, 上年结转 and 收入总计; FALSE with @error unset when @cell is none. */
static gboolean
read_income_total_cell (Table      *table,
                        const char *label,
                        const char *cell,
                        guint       line_index,
                        gboolean   *found,
                        GError    **error)
{
  BdSchedule *schedule = table->schedule;
  BdRow *row;

  *found = TRUE;
  switch (balance_cell (label, TRUE))
    {
    case CELL_YEAR_TOTAL:
      bd_schedule_add_carryover (schedule, NULL, NULL);
      row = schedule->income_total;
      break;
    case CELL_CARRY:
      row = bd_schedule_add_carryover (schedule, label, NULL);
      break;
    case CELL_GRAND:
      row = schedule->carryover ? schedule->income_grand : schedule->income_total;
      break;
    case CELL_OTHER:
    default:
      *found = FALSE;
      return TRUE;
    }
  return read_income_figure (table, row, cell, line_index, error);
}

static gboolean
read_income_cell (Table      *table,
                  GStrv       cells,
                  guint       line_index,
                  GError    **error)
{
  BdSchedule *schedule = table->schedule;
  const BdScheduleDef *def = schedule->def;
  gboolean found = FALSE;

  if (!read_income_total_cell (table, cells[0], cells[1], line_index, &found, error))
    return FALSE;
  for (guint i = 0; i < def->n_income && !found; i++)
    if (same_label (cells[0], def->income[i].name))
      {
        BdRow *item = g_ptr_array_index (schedule->income, i);

        found = TRUE;
        /* An item printed again (the sources of a 上年结转 split under it,
         * as some layouts print them) is reported, not read over the first. */
        if (item->published_mask & 1)
          {
            gint64 again;

            if (!bd_import_parse_amount (cells[1], table->unit, &again, line_index, NULL, item->name, error))
              return FALSE;
            note (table, item->name, line_index,
                  again == item->published[0]
                  ? g_strdup_printf (_("%s is printed twice, with the same figures"), item->name)
                  : g_strdup_printf (_("%s is printed twice; the second time with other figures (%s), "
                                       "which were not read"), item->name, cells[1]));
            continue;
          }
        if (!read_income_figure (table, item, cells[1], line_index, error))
          return FALSE;
      }
  if (!found)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                           _("expected an income item of schedule %u, found “%s”"), def->number, cells[0]);
  return TRUE;
}

static gboolean
read_expense_cell (Table      *table,
                   GStrv       cells,
                   guint       line_index,
                   GError    **error)
{
  BdSchedule *schedule = table->schedule;
  const BdCatalogEntry *lei;
  BdRow *row;

  switch (balance_cell (cells[2], FALSE))
    {
    case CELL_YEAR_TOTAL:
      bd_schedule_add_carryover (schedule, NULL, NULL);
      return read_amounts (table, schedule->total, cells, 3, line_index, error);
    case CELL_CARRY:
      bd_schedule_add_carryover (schedule, NULL, cells[2]);
      return read_amounts (table, schedule->carry_forward, cells, 3, line_index, error);
    case CELL_GRAND:
      return read_amounts (table, schedule->carryover ? schedule->expense_grand : schedule->total,
                           cells, 3, line_index, error);
    case CELL_OTHER:
    default:
      break;
    }

  lei = lookup_lei_by_label (cells[2]);
  if (lei == NULL)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                           _("expected a function 类 of the template, found “%s”"), cells[2]);
  row = bd_schedule_insert_leaf (schedule, lei->code, lei->name);
  return read_amounts (table, row, cells, 3, line_index, error);
}

static gboolean
read_balance_row (Table      *table,
                  GStrv       cells,
                  gboolean   *seen_data,
                  guint       line_index,
                  GError    **error)
{
  BdSchedule *schedule = table->schedule;
  const BdScheduleDef *def = schedule->def;
  guint n_cells = g_strv_length (cells);

  if (n_cells < 3 + def->n_columns)
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected an income item and its amount, then an expenditure item and %u amounts"),
                 def->n_columns);

  if (!*seen_data && (strcmp (cells[0], def->income_header) == 0 || strcmp (cells[0], "项目") == 0))
    return TRUE;

  /* Header rows under the first (基本支出 over 人员经费, 公用经费) have no label. */
  if (!*seen_data && !*cells[0] && !*cells[2])
    return TRUE;
  /* A figure with no label beside it would be lost. */
  if (!*cells[0] && *cells[1])
    return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                           _("expected an income item before the amount “%s”"), cells[1]);
  if (*cells[0] && !read_income_cell (table, cells, line_index, error))
    return FALSE;
  if (*cells[2])
    {
      if (!read_expense_cell (table, cells, line_index, error))
        return FALSE;
    }
  else
    for (guint c = 3; c < n_cells; c++)
      if (*cells[c])
        return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                               _("expected an expenditure item before the amount “%s”"), cells[c]);

  *seen_data = TRUE;
  return TRUE;
}

static gboolean
read_single_row (Table      *table,
                 GStrv       cells,
                 gboolean   *seen_data,
                 guint       line_index,
                 GError    **error)
{
  BdSchedule *schedule = table->schedule;
  guint n_cells = g_strv_length (cells);

  /* Header rows hold words; the data row holds only figures. */
  for (guint i = 0; i < n_cells; i++)
    if (*cells[i] && !bd_money_parse (cells[i], table->unit, &(gint64) { 0 }, NULL))
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
  return read_amounts (table, g_ptr_array_index (schedule->rows, 0), cells, 0, line_index, error);
}


/* The lines above and below a table: who made it, its unit, its note. */
static gboolean
read_header_line (Reader     *reader,
                  Table      *table,
                  const char *line,
                  guint       i,
                  gboolean   *header,
                  GError    **error)
{
  BdSchedule *schedule = table->schedule;
  const char *value;

  *header = TRUE;
  if ((value = bd_import_after_label (line, "编制部门")) != NULL || (value = bd_import_after_label (line, "编制单位")) != NULL
      || (value = bd_import_after_label (line, "预算单位")) != NULL)
    {
      if (strcmp (value, reader->doc->department) != 0)
        note (table, NULL, i, g_strdup_printf (_("编制部门 printed as “%s”, unlike the document's “%s”"),
                                               value, reader->doc->department));
    }
  else if ((value = bd_import_after_label (line, "单位")) != NULL)
    {
      /* The unit is the table's own: a schedule printed in 万元 where the
       * template has 元 is read in 万元. */
      if (strcmp (value, "万元") == 0)
        table->unit = BD_UNIT_WAN;
      else if (strcmp (value, "元") == 0)
        table->unit = BD_UNIT_YUAN;
      else
        return bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i, _("expected 单位：元 or 单位：万元 for schedule %u, found “%s”"),
                               schedule->def->number, line);
    }
  else if (bd_import_after_label (line, "注") != NULL)
    {
      g_free (schedule->note);
      schedule->note = g_strdup (line);
    }
  else
    *header = FALSE;
  return TRUE;
}

gboolean
bd_import_read_schedule (Reader     *reader,
               const Part *part,
               GError    **error)
{
  BdSchedule *schedule = bd_document_get_schedule (reader->doc, bd_import_part_schedule (part));
  const BdScheduleDef *def = schedule->def;
  gboolean seen_data = FALSE;
  Table table = { schedule, def->unit, reader->doc };

  schedule->title_year = part->year;
  schedule->source_page = bd_import_page_of_line (part->first_line);
  schedule->source_line = bd_import_text_line (part->first_line);

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    {
      char *line = bd_import_trim (reader->lines[i]);
      gboolean header;

      if (*line == '\0' || bd_import_is_separator_line (line))
        continue;
      if (!read_header_line (reader, &table, line, i, &header, error))
        return FALSE;
      if (header)
        continue;
      if (bd_import_is_table_line (line))
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
                  ok = read_classified_row (&table, cells, i, error);
                  seen_data = TRUE;
                }
              else if (seen_data)
                ok = bd_import_fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                           _("expected a row starting with a classification code or 合计, found “%s”"), cells[0]);
              break;
            case BD_ROWS_BALANCE:
              ok = read_balance_row (&table, cells, &seen_data, i, error);
              break;
            case BD_ROWS_SINGLE:
            default:
              ok = read_single_row (&table, cells, &seen_data, i, error);
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
