/* bd-grid.h: a published table as a grid of cells, merged as the official
 * tables merge them
 *
 * The page renderer and the xlsx writer both read this grid, so the multi-row
 * headers of a schedule (项目 over 功能分类科目编码 over 类 | 款 | 项, the
 * 三公 bands of schedule 9) and the bordered performance-goal form are laid
 * out once. A cell that prints a figure points at the row it comes from, so
 * a writer can tell an entered figure from a sum and write a formula.
 */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

typedef enum {
  BD_GRID_ALIGN_LEFT,
  BD_GRID_ALIGN_CENTER,
  BD_GRID_ALIGN_RIGHT,
} BdGridAlign;

typedef enum {
  BD_GRID_ROW_HEADER,     /* repeated at the top of each page the table continues on */
  BD_GRID_ROW_BODY,       /* a row of entered figures (a 项, an income source, a form line) */
  BD_GRID_ROW_SUBTOTAL,   /* a 类 or 款 row: the sum of the rows under it */
  BD_GRID_ROW_TOTAL,      /* 合计, 收入总计 / 支出总计 */
} BdGridRowKind;

typedef struct {
  char        *text;       /* as printed; NULL for a cell a merged cell covers */
  guint16      col_span;   /* 1 for a plain cell; 0 for a covered one */
  guint16      row_span;
  BdGridAlign  align;
  gboolean     figure;     /* prints an amount (in 分 below), not text */
  gint64       amount;
  const BdRow *source;     /* the schedule row the figure comes from, or NULL (text, a form's figures) */
  gint8        value;      /* index into source->values; -1 without a source */
  gboolean     wrap;       /* long text (a form's goals) wraps within the cell */
} BdGridCell;

typedef struct {
  char          *title;        /* 2024年部门收入预算总表, 财政项目支出绩效目标申报表 */
  char          *subtitle;     /* centred under the title: (2024年度), or NULL */
  char          *department;   /* 编制部门：…, or NULL */
  char          *unit;         /* 单位：元, or NULL */
  char          *note;         /* printed under the table (注：…无数据), or NULL */
  gboolean       landscape;    /* printed on a landscape page */
  BdUnit         amount_unit;  /* the unit the figures are printed in */
  const BdScheduleDef *def;    /* the schedule the grid prints; NULL for a form */

  guint          n_columns;
  guint          n_rows;
  guint          n_header_rows;
  BdGridRowKind *row_kinds;    /* n_rows */
  /* Each column's header on one line, for writers with a single header row
   * (CSV, the terminal): 类, 款, 项, 科目名称, 收入项目, 人员经费; and the
   * group above it (基本支出), or NULL. NULL entries for a form. */
  char         **column_labels;   /* n_columns */
  char         **column_groups;   /* n_columns */
  BdGridCell    *cells;        /* n_rows × n_columns, row by row */
} BdGrid;

BdGrid     *bd_grid_new_for_schedule (BdDocument *doc,
                                      guint       number);
/* The performance-goal form (财政项目支出绩效目标申报表) of @project. */
BdGrid     *bd_grid_new_for_project  (BdDocument *doc,
                                      BdProject  *project);
void        bd_grid_free             (BdGrid     *grid);

/* A line under a balance schedule's 类, income on the left, expense on the right. */
typedef struct {
  const char  *income_label;
  const BdRow *income;
  const char  *expense_label;
  const BdRow *expense;
} BdBalanceLine;

/* The lines under @schedule's 类, in @lines, and how many: 收入总计 and
 * 支出总计 alone, or, with a carry-over, 本年收入合计, the carry-over and
 * then the grand totals. Every writer of a balance schedule ends with them. */
guint       bd_grid_balance_lines    (BdSchedule    *schedule,
                                      BdBalanceLine  lines[3]);

static inline BdGridCell *
bd_grid_cell (const BdGrid *grid,
              guint         row,
              guint         column)
{
  return &grid->cells[(gsize) row * grid->n_columns + column];
}

/* How wide a cell spanning @span columns from @column is, given the widths
 * of the columns (in whatever unit the caller lays them out in). */
static inline double
bd_grid_span_width (const double *widths,
                    guint         column,
                    guint         span)
{
  double width = 0;

  for (guint c = column; c < column + span; c++)
    width += widths[c];
  return width;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdGrid, bd_grid_free)

G_END_DECLS
