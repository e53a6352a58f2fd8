/* Workbooks for the tests that read sheets (test-workbook, test-sheet-import,
 * test-sheet-import-dialog): written cell by cell, or the seed changed and
 * exported. */

#pragma once

#include <xlsxwriter.h>

#include "bd-editor.h"
#include "bd-test-util.h"
#include "bd-xlsx-writer.h"

/* The department template's header of schedule 5, on a sheet's third row. */
static const char * const bd_test_schedule_5_header[] = { "科目编码", "科目名称", "合计", "基本支出", "项目支出" };

/* A row of a schedule 5 sheet under that header: NULL leaves a cell empty;
 * codes and names are text, a figure of digits is a number, any other
 * figure text. */
typedef struct {
  const char *code;
  const char *name;
  const char *figures[3];   /* 合计, 基本支出, 项目支出 */
} BdTestSheetRow;

static inline void
bd_test_write_figure (lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      column,
                      const char    *text)
{
  guint64 number;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &number, NULL))
    worksheet_write_number (sheet, row, column, number, NULL);
  else if (text != NULL)
    worksheet_write_string (sheet, row, column, text, NULL);
}

/* A sheet @name in @book titled as 2024's schedule 5 (一般公共预算支出功能分类
 * 预算表), the first @n_columns cells of the header on its third row and
 * @rows from the fourth (row 3) on. */
static inline lxw_worksheet *
bd_test_add_schedule_5_sheet (lxw_workbook         *book,
                              const char           *name,
                              guint                 n_columns,
                              const BdTestSheetRow *rows,
                              guint                 n_rows)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);

  g_assert_cmpuint (n_columns, <=, G_N_ELEMENTS (bd_test_schedule_5_header));
  worksheet_write_string (sheet, 0, 0, "2024年部门一般公共预算支出功能分类预算表", NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (sheet, 2, c, bd_test_schedule_5_header[c], NULL);
  for (guint r = 0; r < n_rows; r++)
    {
      worksheet_write_string (sheet, 3 + r, 0, rows[r].code, NULL);
      if (rows[r].name != NULL)
        worksheet_write_string (sheet, 3 + r, 1, rows[r].name, NULL);
      for (guint c = 0; c < G_N_ELEMENTS (rows[r].figures); c++)
        bd_test_write_figure (sheet, 3 + r, 2 + c, rows[r].figures[c]);
    }
  return sheet;
}

/* A sheet 通讯录 in @book that is no budget schedule: an address book. */
static inline void
bd_test_add_address_book_sheet (lxw_workbook *book)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, "通讯录");

  worksheet_write_string (sheet, 0, 0, "姓名", NULL);
  worksheet_write_string (sheet, 0, 1, "电话", NULL);
}

/* The seed with schedule 3 changed as the sheet imports read it: 2210201
 * 住房公积金 基本支出 447,984.00 (seed) becomes 457,984.00, 2010301 行政运行 is
 * added with 12,345.00 and 600.00, 2080506 (498,198.00) is left out; through
 * @changer, an editor on the copy with no file. */
static inline void
bd_test_change_seed_schedule_3 (BdEditor *changer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bd_editor_set_cell_text (changer, 3, BD_CELL_ROW, "2210201", BD_COL_BASIC, "457,984.00", &error));
  g_assert_true (bd_editor_add_row (changer, 3, "2010301", NULL, &error));
  g_assert_true (bd_editor_set_cell_text (changer, 3, BD_CELL_ROW, "2010301", BD_COL_BASIC, "12,345.00", &error));
  g_assert_true (bd_editor_set_cell_text (changer, 3, BD_CELL_ROW, "2010301", BD_COL_BASIC + 1, "600", &error));
  g_assert_true (bd_editor_remove_row (changer, 3, "2080506", &error));
  g_assert_no_error (error);
}
