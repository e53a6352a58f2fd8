#include <glib/gi18n-lib.h>
#include <math.h>
#include <xlsxwriter.h>

#include "bd-format.h"
#include "bd-grid.h"
#include "bd-xlsx-file.h"
#include "bd-xlsx-module.h"

/* What the published tables are set in; Chinese office suites all have it. */
#define FONT            "宋体"
#define FONT_SIZE       11.0
#define TITLE_SIZE      16.0
#define AMOUNT_FORMAT   "#,##0.00"
#define A4              9

/* Column widths are in widths of a digit, text is measured in terminal
 * columns (a Chinese character takes two), and a 宋体 character is a little
 * wider than two digits. */
#define CHAR_WIDTH      1.1
#define CELL_PADDING    2.0
#define MIN_WIDTH       6.0
#define MAX_WIDTH       50.0
#define LINE_HEIGHT     16.0
#define ROW_PADDING     4.0
#define MAX_ROW_HEIGHT  409.0   /* Excel's limit */
#define EXCEL_CELL_MAX  32767   /* characters (UTF-16 units) in a cell */

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *subtitle;
  lxw_format   *department;
  lxw_format   *unit;
  lxw_format   *note;
  lxw_format   *cells[3][2][2];   /* BdGridAlign × bold × amount */
  /* The first call that failed; a text too long for a cell says where. */
  lxw_error     status;
  char         *failure;
} Writer;

/* A figure of the sheet: a formula refers to it, a total is made of them. */
typedef struct {
  const BdRow *source;
  guint        value;
} Term;

typedef struct {
  const BdGrid  *grid;
  BdSchedule    *schedule;    /* NULL for a form */
  guint          top;         /* the sheet row the grid's first row is written to */
  GHashTable    *grid_rows;   /* BdRow* → its grid row + 1 */
  GHashTable    *children;    /* BdRow* → GPtrArray of the rows it is the sum of */
  double        *widths;
} Sheet;

static lxw_format *
new_format (Writer   *writer,
            double    size,
            gboolean  bold,
            uint8_t   align)
{
  lxw_format *format = workbook_add_format (writer->workbook);

  format_set_font_name (format, FONT);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

/* Text wraps in every cell, so a column narrower than its text still shows
 * all of it; figures never wrap. */
static lxw_format *
cell_format (Writer      *writer,
             BdGridAlign  align,
             gboolean     bold,
             gboolean     amount)
{
  static const uint8_t aligns[] = { LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT };
  lxw_format **format = &writer->cells[align][bold != FALSE][amount != FALSE];

  if (*format == NULL)
    {
      *format = new_format (writer, FONT_SIZE, bold, aligns[align]);
      format_set_border (*format, LXW_BORDER_THIN);
      if (amount)
        format_set_num_format (*format, AMOUNT_FORMAT);
      else
        format_set_text_wrap (*format);
    }
  return *format;
}

static void
writer_init (Writer       *writer,
             lxw_workbook *workbook)
{
  *writer = (Writer) { .workbook = workbook };
  writer->title = new_format (writer, TITLE_SIZE, TRUE, LXW_ALIGN_CENTER);
  writer->subtitle = new_format (writer, FONT_SIZE, FALSE, LXW_ALIGN_CENTER);
  writer->department = new_format (writer, FONT_SIZE, FALSE, LXW_ALIGN_LEFT);
  writer->unit = new_format (writer, FONT_SIZE, FALSE, LXW_ALIGN_RIGHT);
  writer->note = new_format (writer, FONT_SIZE, FALSE, LXW_ALIGN_LEFT);
  format_set_text_wrap (writer->note);
}

/* Every call into libxlsxwriter goes through here: the first failure is
 * kept, and the writing stops at the next row, so that a workbook missing a
 * cell is never renamed over the clerk's file. */
static gboolean
check (Writer    *writer,
       lxw_error  status)
{
  if (status != LXW_NO_ERROR && writer->status == LXW_NO_ERROR)
    writer->status = status;
  return writer->status == LXW_NO_ERROR;
}

/* Sums */

static void
add_child (GHashTable  *children,
           const BdRow *parent,
           const BdRow *child)
{
  GPtrArray *list = g_hash_table_lookup (children, parent);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (children, (gpointer) parent, list);
    }
  g_ptr_array_add (list, (gpointer) child);
}

/* The rows each computed row is the sum of, as bd_schedule_recompute()
 * adds them up: a 项 into its 款, a 款 (or a leaf right under the 类) into
 * its 类, what nothing encloses into the total; income items into the item
 * they are part of, the others into 收入总计. */
static GHashTable *
schedule_children (BdSchedule *schedule)
{
  const BdScheduleDef *def = schedule->def;
  GHashTable *children = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  const BdRow *lei = NULL;
  const BdRow *kuan = NULL;

  for (guint i = 0; i < schedule->rows->len; i++)
    {
      const BdRow *row = g_ptr_array_index (schedule->rows, i);
      const BdRow *parent;

      if (!row->is_leaf && bd_code_level (row->code) == BD_LEVEL_LEI)
        {
          parent = schedule->total;
          lei = row;
          kuan = NULL;
        }
      else if (!row->is_leaf)
        {
          parent = bd_row_encloses (lei, row) ? lei : schedule->total;
          kuan = row;
        }
      else
        parent = bd_row_encloses (kuan, row) ? kuan : bd_row_encloses (lei, row) ? lei : schedule->total;
      if (parent != NULL)
        add_child (children, parent, row);
    }

  if (schedule->income != NULL)
    {
      guint parts = 0;

      for (guint i = 0; i < def->n_income; i++)
        parts |= def->income[i].sum_of;
      for (guint i = 0; i < def->n_income; i++)
        {
          const BdRow *item = g_ptr_array_index (schedule->income, i);

          for (guint part = 0; part < def->n_income; part++)
            if (def->income[i].sum_of & (1u << part))
              add_child (children, item, g_ptr_array_index (schedule->income, part));
          if (!(parts & (1u << i)))
            add_child (children, schedule->income_total, item);
        }
    }
  if (schedule->carryover != NULL)
    {
      add_child (children, schedule->income_grand, schedule->income_total);
      add_child (children, schedule->income_grand, schedule->carryover);
      add_child (children, schedule->expense_grand, schedule->total);
      add_child (children, schedule->expense_grand, schedule->carry_forward);
    }
  return children;
}

static gboolean
is_income (BdSchedule  *schedule,
           const BdRow *row)
{
  return schedule->income != NULL
    && (row == schedule->income_total || row == schedule->carryover || row == schedule->income_grand
        || g_ptr_array_find (schedule->income, row, NULL));
}

/* What a figure is the sum of: the columns of its own row for a sum column
 * (合计, 小计), else the rows under it; NULL for an entered figure. */
static GArray *
terms_of (const Sheet *sheet,
          const BdRow *source,
          guint        value)
{
  BdSchedule *schedule = sheet->schedule;
  guint columns = 0;
  GPtrArray *children = NULL;
  GArray *terms;

  if (schedule == NULL)
    return NULL;
  if (!is_income (schedule, source)
      && (source != schedule->carry_forward || bd_schedule_carry_forward_split (schedule)))
    columns = schedule->def->columns[value].sum_of;
  if (columns == 0)
    children = g_hash_table_lookup (sheet->children, source);
  if (columns == 0 && children == NULL)
    return NULL;

  terms = g_array_new (FALSE, FALSE, sizeof (Term));
  for (guint part = 0; part < schedule->def->n_columns; part++)
    if (columns & (1u << part))
      g_array_append_val (terms, ((Term) { source, part }));
  for (guint i = 0; children != NULL && i < children->len; i++)
    g_array_append_val (terms, ((Term) { g_ptr_array_index (children, i), value }));
  return terms;
}

/* A figure as the sheet shows it, in hundredths of the unit printed: 分, or
 * hundredths of 万元. A sum is the sum of the figures it refers to as they
 * are written, so the result stored with a formula is what a spreadsheet
 * computes from the sheet, to the last digit. */
static gint64
written_value (const Sheet *sheet,
               const BdRow *source,
               guint        value)
{
  g_autoptr(GArray) terms = terms_of (sheet, source, value);
  gint64 sum = 0;

  if (terms == NULL)
    return sheet->grid->amount_unit == BD_UNIT_WAN
      ? bd_money_to_wan_cents (source->values[value]) : source->values[value];
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      sum += written_value (sheet, term->source, term->value);
    }
  return sum;
}

static gboolean
find_place (const Sheet *sheet,
            const Term  *term,
            lxw_row_t   *row,
            lxw_col_t   *column)
{
  guint grid_row = GPOINTER_TO_UINT (g_hash_table_lookup (sheet->grid_rows, term->source));

  if (grid_row-- == 0)
    return FALSE;
  for (guint c = 0; c < sheet->grid->n_columns; c++)
    {
      const BdGridCell *cell = bd_grid_cell (sheet->grid, grid_row, c);
      if (cell->source == term->source && cell->value == (gint8) term->value)
        {
          *row = sheet->top + grid_row;
          *column = c;
          return TRUE;
        }
    }
  return FALSE;
}

static void
append_reference (GString   *refs,
                  lxw_row_t  first_row,
                  lxw_col_t  first_column,
                  lxw_row_t  last_row,
                  lxw_col_t  last_column)
{
  char name[LXW_MAX_CELL_RANGE_LENGTH];

  if (first_row == last_row && first_column == last_column)
    lxw_rowcol_to_cell (name, first_row, first_column);
  else
    lxw_rowcol_to_range (name, first_row, first_column, last_row, last_column);
  g_string_append_printf (refs, "%s%s", refs->len ? "," : "", name);
}

/* =E8, =SUM(F6:I6), =SUM(E6,E11,E14): neighbouring figures as one range.
 * NULL when a figure summed is not on the sheet. */
static char *
formula_for (const Sheet  *sheet,
             const GArray *terms)
{
  g_autoptr(GString) refs = g_string_new (NULL);
  lxw_row_t r0 = 0, r1 = 0;
  lxw_col_t c0 = 0, c1 = 0;
  guint n_ranges = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      lxw_row_t row;
      lxw_col_t column;

      if (!find_place (sheet, &g_array_index (terms, Term, i), &row, &column))
        return NULL;
      if (n_ranges > 0
          && ((column == c0 && c0 == c1 && row == r1 + 1) || (row == r0 && r0 == r1 && column == c1 + 1)))
        {
          r1 = row;
          c1 = column;
          continue;
        }
      if (n_ranges++ > 0)
        append_reference (refs, r0, c0, r1, c1);
      r0 = r1 = row;
      c0 = c1 = column;
    }
  if (n_ranges == 0)
    return g_strdup ("=0");
  append_reference (refs, r0, c0, r1, c1);
  if (n_ranges == 1 && r0 == r1 && c0 == c1)
    return g_strdup_printf ("=%s", refs->str);
  return g_strdup_printf ("=SUM(%s)", refs->str);
}

/* Layout */

static double
text_width (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint widest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    widest = MAX (widest, bd_display_width (lines[i]));
  return CHAR_WIDTH * widest + CELL_PADDING;
}

static guint
text_lines (const char *text,
            double      width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double room = MAX (1.0, width - CELL_PADDING);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += MAX (1, (guint) ceil (CHAR_WIDTH * bd_display_width (lines[i]) / room));
  return n;
}

static double
row_height (guint lines)
{
  return MIN (MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

static gboolean
is_amount (const BdGridCell *cell)
{
  return cell->source != NULL && cell->value >= 0;
}

/* Wide enough for every figure and for text in a cell of its own;
 * merged cells and long text wrap instead. */
static void
measure_columns (Sheet *sheet)
{
  const BdGrid *grid = sheet->grid;

  for (guint c = 0; c < grid->n_columns; c++)
    sheet->widths[c] = MIN_WIDTH;
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        const BdGridCell *cell = bd_grid_cell (grid, r, c);
        g_autofree char *figure = NULL;

        if (cell->col_span != 1 || cell->wrap || cell->text == NULL)
          continue;
        if (is_amount (cell))
          figure = bd_money_format (written_value (sheet, cell->source, cell->value));
        sheet->widths[c] = MAX (sheet->widths[c], MIN (MAX_WIDTH, text_width (figure ? figure : cell->text)));
      }
}

/* Lines each grid row needs: a cell over several rows shares its lines
 * out among them. */
static guint *
measure_rows (const Sheet *sheet)
{
  const BdGrid *grid = sheet->grid;
  guint *lines = g_new (guint, grid->n_rows);

  for (guint r = 0; r < grid->n_rows; r++)
    lines[r] = 1;
  for (guint pass = 0; pass < 2; pass++)
    for (guint r = 0; r < grid->n_rows; r++)
      for (guint c = 0; c < grid->n_columns; c++)
        {
          const BdGridCell *cell = bd_grid_cell (grid, r, c);
          guint needed, have = 0;

          if (cell->text == NULL || cell->col_span == 0 || is_amount (cell) || (cell->row_span > 1) != pass)
            continue;
          needed = text_lines (cell->text, bd_grid_span_width (sheet->widths, c, cell->col_span));
          for (guint k = r; k < r + cell->row_span; k++)
            have += lines[k];
          if (needed > have)
            for (guint k = r; k < r + cell->row_span; k++)
              lines[k] += (needed - have + cell->row_span - 1) / cell->row_span;
        }
  return lines;
}

/* Writing */

static gsize utf16_length (const char *text);

/* Excel holds at most 32,767 characters (UTF-16 units) in a cell and cuts
 * what is longer when it opens the file. The text is refused, naming the
 * sheet and cell, rather than cut or spread over the next cells: the
 * workbook is the document's tables as published, a form's cell split over
 * rows would no longer be the form, and the clerk can shorten it. */
static gboolean
check_length (Writer        *writer,
              lxw_worksheet *worksheet,
              lxw_row_t      row,
              lxw_col_t      column,
              const char    *text)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];
  gsize length = utf16_length (text);

  if (length <= EXCEL_CELL_MAX)
    return TRUE;
  lxw_rowcol_to_cell (name, row, column);
  if (writer->status == LXW_NO_ERROR)
    writer->failure = g_strdup_printf (_("sheet “%s”, cell %s: the text has %u characters, "
                                         "more than the %d an Excel cell holds; shorten it"),
                                       worksheet->name, name, (guint) MIN (length, G_MAXUINT), EXCEL_CELL_MAX);
  return check (writer, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
}

static void
write_text (Writer        *writer,
            lxw_worksheet *worksheet,
            lxw_row_t      row,
            lxw_col_t      column,
            lxw_row_t      last_row,
            lxw_col_t      last_column,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && !check_length (writer, worksheet, row, column, text))
    return;
  if (last_row > row || last_column > column)
    check (writer, worksheet_merge_range (worksheet, row, column, last_row, last_column, text ? text : "", format));
  else if (text != NULL && *text)
    check (writer, worksheet_write_string (worksheet, row, column, text, format));
  else
    check (writer, worksheet_write_blank (worksheet, row, column, format));
}

/* Amounts go to the spreadsheet as numbers, converted from hundredths here
 * and nowhere else. */
static void
write_amount (Writer        *writer,
              lxw_worksheet *worksheet,
              lxw_row_t      row,
              lxw_col_t      column,
              const char    *formula,
              gint64         hundredths,
              lxw_format    *format)
{
  if (formula != NULL)
    check (writer, worksheet_write_formula_num (worksheet, row, column, formula, format, hundredths / 100.0));
  else
    check (writer, worksheet_write_number (worksheet, row, column, hundredths / 100.0, format));
}

static void
write_cell (Writer        *writer,
            lxw_worksheet *worksheet,
            const Sheet   *sheet,
            guint          r,
            guint          c)
{
  const BdGrid *grid = sheet->grid;
  const BdGridCell *cell = bd_grid_cell (grid, r, c);
  gboolean bold = grid->row_kinds[r] == BD_GRID_ROW_SUBTOTAL || grid->row_kinds[r] == BD_GRID_ROW_TOTAL;
  lxw_row_t row = sheet->top + r;
  lxw_row_t last_row = row + cell->row_span - 1;
  lxw_col_t last_column = c + cell->col_span - 1;

  if (cell->figure)
    {
      /* A schedule's figure may be a sum, written as a formula; a form's never is. */
      g_autoptr(GArray) terms = is_amount (cell) ? terms_of (sheet, cell->source, cell->value) : NULL;
      g_autofree char *formula = terms ? formula_for (sheet, terms) : NULL;
      gint64 value = is_amount (cell) ? written_value (sheet, cell->source, cell->value) : cell->amount;
      lxw_format *format = cell_format (writer, cell->align, bold, TRUE);

      /* A merged cell takes a number once merged: merging writes text. */
      if (last_row > row || last_column > c)
        check (writer, worksheet_merge_range (worksheet, row, c, last_row, last_column, "", format));
      write_amount (writer, worksheet, row, c, formula, value, format);
    }
  else
    write_text (writer, worksheet, row, c, last_row, last_column, cell->text,
                cell_format (writer, cell->align, bold, FALSE));
}

static void
write_sheet (Writer        *writer,
             lxw_worksheet *worksheet,
             const BdGrid  *grid,
             BdSchedule    *schedule)
{
  g_autoptr(GHashTable) grid_rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) children = schedule ? schedule_children (schedule) : NULL;
  g_autofree double *widths = g_new (double, grid->n_columns);
  g_autofree guint *lines = NULL;
  lxw_col_t last_column = grid->n_columns - 1;
  double table_width;
  lxw_row_t row = 0;
  Sheet sheet = { grid, schedule, 0, grid_rows, children, widths };

  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      if (is_amount (bd_grid_cell (grid, r, c)))
        g_hash_table_insert (grid_rows, (gpointer) bd_grid_cell (grid, r, c)->source, GUINT_TO_POINTER (r + 1));

  measure_columns (&sheet);
  for (guint c = 0; c < grid->n_columns; c++)
    check (writer, worksheet_set_column (worksheet, c, c, widths[c], NULL));
  table_width = bd_grid_span_width (sheet.widths, 0, grid->n_columns);

  write_text (writer, worksheet, row, 0, row, last_column, grid->title, writer->title);
  check (writer, worksheet_set_row (worksheet, row++, 2 * TITLE_SIZE, NULL));
  if (grid->subtitle != NULL)
    {
      write_text (writer, worksheet, row, 0, row, last_column, grid->subtitle, writer->subtitle);
      row++;
    }
  if (grid->department != NULL || grid->unit != NULL)
    {
      /* The unit keeps the last column; the department has the others. */
      lxw_col_t department_end = last_column > 0 ? last_column - 1 : 0;

      write_text (writer, worksheet, row, 0, row, department_end, grid->department, writer->department);
      if (last_column > 0)
        write_text (writer, worksheet, row, last_column, row, last_column, grid->unit, writer->unit);
      row++;
    }

  sheet.top = row;
  lines = measure_rows (&sheet);
  for (guint r = 0; r < grid->n_rows && writer->status == LXW_NO_ERROR; r++)
    {
      check (writer, worksheet_set_row (worksheet, sheet.top + r, row_height (lines[r]), NULL));
      for (guint c = 0; c < grid->n_columns; c++)
        if (bd_grid_cell (grid, r, c)->col_span > 0)
          write_cell (writer, worksheet, &sheet, r, c);
    }
  row = sheet.top + grid->n_rows;

  if (grid->note != NULL)
    {
      write_text (writer, worksheet, row, 0, row, last_column, grid->note, writer->note);
      check (writer, worksheet_set_row (worksheet, row, row_height (text_lines (grid->note, table_width)), NULL));
    }

  if (grid->n_header_rows > 0)
    {
      worksheet_freeze_panes (worksheet, sheet.top + grid->n_header_rows, 0);
      check (writer, worksheet_repeat_rows (worksheet, sheet.top, sheet.top + grid->n_header_rows - 1));
    }
  if (grid->landscape)
    worksheet_set_landscape (worksheet);
  else
    worksheet_set_portrait (worksheet);
  worksheet_set_paper (worksheet, A4);
  worksheet_fit_to_pages (worksheet, 1, 0);
  worksheet_center_horizontally (worksheet);
}

/* Sheet names */

static gsize
utf16_length (const char *text)
{
  gsize length = 0;

  /* Excel counts UTF-16 units: a character beyond the BMP counts twice. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    length += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return length;
}

/* Excel refuses []:*?/\ in a sheet name, an apostrophe at either end, more
 * than 31 characters and a name twice; a second sheet of the same name is
 * told apart by its number: “绩效目标 政府雇员 (2)”. */
static lxw_worksheet *
add_sheet (lxw_workbook *workbook,
           const char   *wanted)
{
  g_autoptr(GString) base = g_string_new (NULL);

  for (const char *p = wanted; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x80 && strchr ("[]:*?/\\", (int) ch) != NULL)
        g_string_append_c (base, '_');
      else if (g_unichar_iscntrl (ch))
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, ch);
    }
  if (base->len > 0 && base->str[0] == '\'')
    base->str[0] = '_';

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      g_autoptr(GString) name = g_string_new (base->str);

      while (name->len > 0 && utf16_length (name->str) + strlen (suffix) > LXW_SHEETNAME_MAX)
        g_string_truncate (name, g_utf8_find_prev_char (name->str, name->str + name->len) - name->str);
      if (name->len > 0 && name->str[name->len - 1] == '\'')
        name->str[name->len - 1] = '_';
      g_string_append (name, suffix);
      if (workbook_validate_sheet_name (workbook, name->str) == LXW_NO_ERROR)
        return workbook_add_worksheet (workbook, name->str);
    }
}

/* Text: the cover and each text section, a paragraph a row, after the
 * tables and forms, so that the import reads the whole document back
 * (bd-workbook-text.c). */
#define TEXT_WIDTH 90.0

static void
write_text_sheet (Writer     *writer,
                  const char *name,
                  const char *heading,
                  GPtrArray  *paragraphs)
{
  lxw_worksheet *worksheet = add_sheet (writer->workbook, name);
  lxw_row_t row = 0;

  if (!check (writer, worksheet ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED))
    return;
  check (writer, worksheet_set_column (worksheet, 0, 0, TEXT_WIDTH, NULL));
  if (heading != NULL)
    {
      write_text (writer, worksheet, row, 0, row, 0, heading, writer->title);
      check (writer, worksheet_set_row (worksheet, row++, 2 * TITLE_SIZE, NULL));
    }
  for (guint i = 0; i < paragraphs->len && writer->status == LXW_NO_ERROR; i++, row++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);

      write_text (writer, worksheet, row, 0, row, 0, paragraph, writer->note);
      check (writer, worksheet_set_row (worksheet, row, row_height (text_lines (paragraph, TEXT_WIDTH)), NULL));
    }
  worksheet_set_portrait (worksheet);
  worksheet_set_paper (worksheet, A4);
  worksheet_fit_to_pages (worksheet, 1, 0);
}

static void
write_texts (Writer     *writer,
             BdDocument *doc)
{
  g_autoptr(GPtrArray) cover = g_ptr_array_new_with_free_func (g_free);

  if (doc->attachment != NULL)
    g_ptr_array_add (cover, g_strdup (doc->attachment));
  if (doc->title != NULL)
    g_ptr_array_add (cover, g_strdup (doc->title));
  g_ptr_array_add (cover, g_strdup_printf ("%s：%s", bd_document_cover_label (doc), doc->department));
  write_text_sheet (writer, "封面", NULL, cover);
  for (guint i = 0; i < doc->sections->len && writer->status == LXW_NO_ERROR; i++)
    {
      BdSection *section = g_ptr_array_index (doc->sections, i);

      const char *title = section->title != NULL && *section->title ? section->title : section->id;

      write_text_sheet (writer, title, title, section->paragraphs);
    }
}

static void
write_workbook (Writer     *writer,
                BdDocument *doc)
{
  for (guint n = 1; n <= BD_N_SCHEDULES && writer->status == LXW_NO_ERROR; n++)
    {
      g_autoptr(BdGrid) grid = bd_grid_new_for_schedule (doc, n);
      const char *title = grid->def->title;
      g_autofree char *name = g_strdup_printf ("%u %s", n, g_str_has_prefix (title, "部门") ? title + strlen ("部门") : title);
      lxw_worksheet *worksheet = add_sheet (writer->workbook, name);

      if (check (writer, worksheet ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED))
        write_sheet (writer, worksheet, grid, bd_document_get_schedule (doc, n));
    }
  for (guint i = 0; i < doc->projects->len && writer->status == LXW_NO_ERROR; i++)
    {
      BdProject *project = g_ptr_array_index (doc->projects, i);
      g_autoptr(BdGrid) grid = bd_grid_new_for_project (doc, project);
      g_autofree char *name = g_strdup_printf ("绩效目标 %s", project->name ? project->name : "");
      lxw_worksheet *worksheet = add_sheet (writer->workbook, name);

      if (check (writer, worksheet ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED))
        write_sheet (writer, worksheet, grid, NULL);
    }
  if (writer->status == LXW_NO_ERROR)
    write_texts (writer, doc);
}

static lxw_error
fill_workbook (lxw_workbook  *workbook,
               gpointer       doc,
               char         **failure)
{
  Writer writer;

  writer_init (&writer, workbook);
  write_workbook (&writer, doc);
  *failure = writer.failure;
  return writer.status;
}

gboolean
bd_xlsx_module_write_document (BdDocument  *doc,
                               const char  *path,
                               GError     **error)
{
  /* @doc checked by bd_xlsx_write_file (), the one caller. */
  return bd_xlsx_file_write (path, fill_workbook, doc, error);
}
