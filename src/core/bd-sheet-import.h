/* bd-sheet-import.h: one schedule of a workbook sheet into an open document
 *
 * The sheet is read as a whole workbook is (bd_workbook_import_sheet), then
 * compared with the document's schedule: the rows the sheet adds, and the
 * figures it changes (old → new); the rows only in the document are left as
 * they are. The clerk sees that list before it is applied, through the
 * editor, as ONE undoable step. Schedules 1 and 4 take only their income
 * items: their 类 rows are computed from schedules 3 and 5-7.
 */
#pragma once

#include "bd-editor.h"
#include "bd-workbook-reader.h"

G_BEGIN_DECLS

typedef enum {
  BD_SHEET_CHANGE_ROW_ADDED,   /* a leaf row the document lacks, with its figures */
  BD_SHEET_CHANGE_FIGURE,      /* an entered figure of a row both have */
} BdSheetChangeKind;

typedef struct {
  BdSheetChangeKind kind;
  BdRowPart         part;      /* BD_ROW_PART_TABLE, or _INCOME (an income item by its key) */
  char             *code;
  char             *name;
  guint             column;    /* BD_SHEET_CHANGE_FIGURE: the schedule's column */
  gint64            before;    /* BD_SHEET_CHANGE_FIGURE */
  gint64            after;
  gint64            values[BD_MAX_COLUMNS];  /* BD_SHEET_CHANGE_ROW_ADDED: its entered figures */
  const char       *source_sheet;            /* BD_SHEET_CHANGE_ROW_ADDED: where it was read (interned) */
  guint             source_line;
  guint             source_column;
} BdSheetChange;

typedef struct {
  guint      schedule;
  char      *sheet;     /* the sheet's name */
  GArray    *changes;   /* BdSheetChange, in the schedule's row order */
  GPtrArray *kept;      /* char *: "code name" of the leaf rows only in the document */
  /* Per BdClassification, code → name: the codes of rows added (and their
   * 类 and 款) that neither the catalog nor the document knows; applying
   * registers them with the document, in the same undoable step. */
  GHashTable *new_codes[2];
} BdSheetImport;

/* What @sheet would change in @doc's schedule; NULL and an error naming the
 * sheet and cell when the sheet cannot be read as a schedule. */
BdSheetImport *bd_sheet_import_new     (BdDocument       *doc,
                                        BdWorkbookSheet  *sheet,
                                        GError          **error);
void           bd_sheet_import_free    (BdSheetImport    *import);
guint          bd_sheet_import_count   (BdSheetImport    *import,
                                        BdSheetChangeKind kind);
/* Applies the changes as one undoable step (undone whole). Refused, with
 * nothing changed, when the document no longer holds the figures the
 * changes were computed from. No change at all is no error. */
gboolean       bd_sheet_import_apply   (BdSheetImport    *import,
                                        BdEditor         *editor,
                                        GError          **error);
/* The changes as lines of text, for the command line and the preview:
 * "+ 2080505 机关事业单位… 基本支出 996,397.00", "~ 2210201 住房公积金 基本支出
 * 447,984.00 → 457,984.00", "= 2130101 行政运行 (left as it is)". */
char          *bd_sheet_import_describe (BdSheetImport   *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdSheetImport, bd_sheet_import_free)

G_END_DECLS
