/* bd-workbook-import.h: a document from a workbook of schedules
 *
 * Each sheet is read by what it says, not where: the schedule from its title
 * (or the sheet's name), the columns from the header labels, merged or not,
 * rows by their codes (in one cell or split 类/款/项), amounts typed as
 * numbers or as text, in the 元 or 万元 its 单位 line says. It reads the
 * district's template filled in, BudgetDesk's own xlsx export, and sheets
 * copied from the finance platform.
 */
#pragma once

#include "bd-document.h"
#include "bd-workbook-reader.h"

G_BEGIN_DECLS

/* The document the schedules of @path make, every sum computed; on any
 * error (which names the sheet and the cell) NULL, and nothing is kept. */
BdDocument *bd_workbook_import_file (const char  *path,
                                     GError     **error);
BdDocument *bd_workbook_import      (BdWorkbook  *book,
                                     const char  *path,
                                     GError     **error);

/* The schedule @sheet is recognised as by its title (1 to 9), 0 for none. */
guint       bd_workbook_sheet_schedule (BdWorkbookSheet  *sheet);
/* The one schedule @sheet holds, read as bd_workbook_import() reads it, in
 * a document otherwise empty, of @like's department, year and kind (a unit
 * budget or not), and its number in @number. A sheet that is no schedule,
 * or titled with another year than @like's, is refused, as is any cell it
 * cannot read (the error names the sheet and the cell). */
BdDocument *bd_workbook_import_sheet (BdWorkbookSheet  *sheet,
                                      BdDocument       *like,
                                      guint            *number,
                                      GError          **error);

/* A sheet holding a performance-goal form (财政项目支出绩效目标申报表), and
 * the form it holds, added to @doc (bd-workbook-form.c). */
gboolean    bd_workbook_is_form     (BdWorkbookSheet  *sheet);
gboolean    bd_workbook_read_form   (BdWorkbookSheet  *sheet,
                                     BdDocument       *doc,
                                     GError          **error);

/* The cover (title, attachment, department) and the text sections of
 * @sheets (BdWorkbookSheet*, the workbook's sheets neither schedules nor
 * forms, in its order), into @doc, with the figures they quote and last
 * year's figures from their comparisons; 编制说明 and 其他相关情况说明 the
 * workbook lacks are written from the numbers (bd-workbook-text.c). */
void        bd_workbook_read_texts  (GPtrArray        *sheets,
                                     BdDocument       *doc);

G_END_DECLS
