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

/* A sheet @name in @book titled as 2024's schedule 5 (一般公共预算支出功能分类
 * 预算表), the first @n_columns cells of the header on its third row: its rows
 * of codes go from the fourth (row 3) on. */
static inline lxw_worksheet *
bd_test_add_schedule_5_sheet (lxw_workbook *book,
                              const char   *name,
                              guint         n_columns)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);

  g_assert_cmpuint (n_columns, <=, G_N_ELEMENTS (bd_test_schedule_5_header));
  worksheet_write_string (sheet, 0, 0, "2024年部门一般公共预算支出功能分类预算表", NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (sheet, 2, c, bd_test_schedule_5_header[c], NULL);
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
