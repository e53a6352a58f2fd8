/* bd-workbook-sheet-private.h: a sheet of schedules as the workbook
 * importer reads it (bd-workbook-sheet.c), shared with the rows' reading
 * and the document's assembly (bd-workbook-import.c).
 */
#pragma once

#include "bd-document.h"
#include "bd-workbook-reader.h"

G_BEGIN_DECLS

typedef struct {
  BdWorkbookSheet *sheet;
  guint           *row_start;   /* cells of row r: [row_start[r], row_start[r + 1]) */
  guint            number;      /* the schedule; 0 when the sheet is none */
  gboolean         unit_budget;
  guint            title_row;
  int              year;
  char            *department;
  BdUnit           unit;
  gboolean         unit_stated;
} Sheet;

void      bd_workbook_sheet_clear     (Sheet       *s);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, bd_workbook_sheet_clear)

/* Sorts the cells by row and reads the title (the schedule, its year, a
 * unit budget's or not), the unit and the department; s->number stays 0
 * when the sheet is no schedule. */
void      bd_workbook_recognise       (Sheet       *s);

/* Blanks, line breaks and quotes aside: "事业单位\n经营收入" is 事业单位经营收入. */
char     *bd_workbook_normalise       (const char  *text);
const BdWorkbookCell *bd_workbook_cell_at (Sheet *s,
                                       guint        row,
                                       guint        column);
/* The text of a cell, "" for none. */
const char *bd_workbook_text_at       (Sheet       *s,
                                       guint        row,
                                       guint        column);

/* The header cell whose words are @label (or contain it, when @contained)
 * in the rows under the title, from @first_column on: its row and column. */
gboolean  bd_workbook_find_label_from (Sheet       *s,
                                       const char  *label,
                                       gboolean     contained,
                                       guint        first_column,
                                       guint       *row,
                                       guint       *column);
gboolean  bd_workbook_find_label      (Sheet       *s,
                                       const char  *label,
                                       gboolean     contained,
                                       guint       *row,
                                       guint       *column);

/* Sets @error to @what, naming the sheet and the cell; returns FALSE. */
gboolean  bd_workbook_sheet_error     (GError     **error,
                                       Sheet       *s,
                                       guint        row,
                                       guint        column,
                                       const char  *what);
/* Where @row was read, so the clerk finds it there. */
void      bd_workbook_mark_source     (BdRow       *row,
                                       Sheet       *s,
                                       guint        r,
                                       guint        c);
/* The cell as 分 in the sheet's unit (0 for none); a formula without its
 * result or text that is no amount is an error naming the cell. */
gboolean  bd_workbook_read_amount     (Sheet       *s,
                                       guint        row,
                                       guint        column,
                                       gint64      *fen,
                                       GError     **error);

G_END_DECLS
