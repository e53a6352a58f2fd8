/* bd-editor.h: every change a clerk makes to a document, stored at once and
 * undoable
 *
 * The window never touches a BdDocument directly: it asks the editor, which
 * changes the document, stores the change in one transaction, recomputes,
 * rechecks the rules that read what changed, and records the change on the
 * undo stack (a paste or a fix is one step, however many cells it touches).
 * No GTK here, so all of it is tested without a display.
 */
#pragma once

#include <glib-object.h>

#include "bd-checker.h"
#include "bd-document.h"
#include "bd-store.h"

G_BEGIN_DECLS

#define BD_TYPE_EDITOR (bd_editor_get_type ())
G_DECLARE_FINAL_TYPE (BdEditor, bd_editor, BD, EDITOR, GObject)

/* Where an income item of schedules 1 and 4 is edited: its key ("general",
 * "business", …) stands in for a row code. */
typedef enum {
  BD_CELL_ROW,
  BD_CELL_INCOME,
} BdCellKind;

/* @store may be NULL: a document kept in memory only (tests, previews). */
BdEditor   *bd_editor_new             (BdDocument  *doc,
                                       BdStore     *store);
BdDocument *bd_editor_get_document    (BdEditor    *self);
BdStore    *bd_editor_get_store       (BdEditor    *self);
/* The findings after the last change; owned by the editor. */
GPtrArray  *bd_editor_get_findings    (BdEditor    *self);

/* Parses @text in the schedule's unit and stores it in an entered cell of a
 * leaf row. A refused value changes nothing and says why. Schedules 1 and 4
 * by 类 follow schedules 3 and 5-7 (bd_document_derived_cell): there a cell
 * takes only the figure its source gives, and a change of a source brings
 * them along in the same undo step, as it does the text. */
gboolean    bd_editor_set_cell_text   (BdEditor    *self,
                                       guint        schedule,
                                       BdCellKind   kind,
                                       const char  *code,
                                       guint        column,
                                       const char  *text,
                                       GError     **error);
gboolean    bd_editor_set_cell        (BdEditor    *self,
                                       guint        schedule,
                                       BdCellKind   kind,
                                       const char  *code,
                                       guint        column,
                                       gint64       value,
                                       GError     **error);
/* Tab-separated lines, as a spreadsheet copies them, from the leaf row
 * @code and @column on, down the rows and right along the entered
 * columns. All cells are parsed first: one refused value refuses the paste. */
gboolean    bd_editor_paste           (BdEditor    *self,
                                       guint        schedule,
                                       const char  *code,
                                       guint        column,
                                       const char  *text,
                                       GError     **error);
/* Whether row @code of schedule 3, a 项 with figures and no money of another
 * source (no row in schedules 6 and 7, no other income in schedule 2), can
 * fill schedules 2 and 5 that do not yet say the same: the offer the window
 * makes after a figure is typed in schedule 3. */
gboolean    bd_editor_can_fill_from_expenditure (BdEditor *self,
                                       const char  *code);
/* The 项 whose figures the last change typed in schedule 3, when it can fill
 * schedules 2 and 5; NULL otherwise. */
char       *bd_editor_dup_fill_offer  (BdEditor    *self);
/* Financed by 一般公共预算 alone, the 项 @code of schedule 3 fills schedule 2
 * (its 合计 as 财政拨款收入) and schedule 5 (its 基本支出 and 项目支出), rows
 * added where missing. When the last change was of schedule 3, one undo
 * takes it back with the filling. */
gboolean    bd_editor_fill_from_expenditure (BdEditor *self,
                                       const char  *code,
                                       GError     **error);
/* Gives balance schedule @schedule_number its 上年结转 and 结转下年 rows
 * (with 本年收入合计/本年支出合计 above and 收入总计/支出总计 adding them in), or
 * takes them away with their figures, as one step. */
gboolean    bd_editor_set_carryover   (BdEditor    *self,
                                       guint        schedule_number,
                                       gboolean     present,
                                       GError     **error);
/* Adds a leaf row by its code, with its name from the catalog and the 类/款
 * rows above it as needed. */
gboolean    bd_editor_add_row         (BdEditor    *self,
                                       guint        schedule,
                                       const char  *code,
                                       const char  *name,
                                       GError     **error);
/* Removes a leaf row, and the 类/款 rows left with no row below them. */
gboolean    bd_editor_remove_row      (BdEditor    *self,
                                       guint        schedule,
                                       const char  *code,
                                       GError     **error);
gboolean    bd_editor_apply_fix       (BdEditor        *self,
                                       const BdFinding *finding,
                                       GError         **error);
/* 修正全部: applies every fix whose right value is certain (of rule @rule
 * only, unless NULL), rounds after rounds while fixes make others certain,
 * as ONE undoable step stored in one transaction. @fixed (may be NULL)
 * receives the messages of the findings fixed (char*); none fixed is no
 * error. */
gboolean    bd_editor_fix_all         (BdEditor    *self,
                                       const char  *rule,
                                       GPtrArray  **fixed,
                                       GError     **error);
/* Replaces a text section's paragraphs (separated by blank lines in @text). */
gboolean    bd_editor_set_section_text (BdEditor   *self,
                                       const char  *section,
                                       const char  *text,
                                       GError     **error);

/* The section @id, added empty (titled @title) when the document has none
 * yet: a page for it can be shown. Nothing is stored until its text is. */
BdSection  *bd_editor_ensure_section  (BdEditor    *self,
                                       const char  *id,
                                       const char  *title);

/* Changes a figure a text section quotes (key as in the document's figures,
 * "other.sangong.total"): the number is rewritten in the text, in 万元 with
 * two decimals, or as a whole count. */
gboolean    bd_editor_set_figure_text (BdEditor    *self,
                                       const char  *key,
                                       const char  *text,
                                       GError     **error);

/* Performance-goal forms. Every change is one undoable step; @index is the
 * form's place in the document. Fields are named as in bd_project_fields
 * (bd-project-field.h): name, nature, … annual_goal. */
gboolean    bd_editor_add_project     (BdEditor    *self,
                                       const char  *name,
                                       GError     **error);
/* A copy of a form, named "… (copy)", placed after it: a form of the
 * document's year (a form of last year moved on a year, dates and period). */
gboolean    bd_editor_duplicate_project (BdEditor  *self,
                                       guint        index,
                                       GError     **error);
/* A form carried over from last year (new-year) is "to review" until the
 * clerk changes it or marks it reviewed here; undoable. Marking a form that
 * is not to review changes nothing. */
gboolean    bd_editor_mark_form_reviewed (BdEditor *self,
                                       guint        index,
                                       GError     **error);
gboolean    bd_editor_remove_project  (BdEditor    *self,
                                       guint        index,
                                       GError     **error);
gboolean    bd_editor_move_project    (BdEditor    *self,
                                       guint        index,
                                       int          delta,
                                       GError     **error);
/* A field of a form by its name in the field table (bd-project-field.h),
 * from what the clerk typed: a text as it is, an amount in 元. */
gboolean    bd_editor_set_project_field (BdEditor  *self,
                                       guint        index,
                                       const char  *field,
                                       const char  *text,
                                       GError     **error);
/* The same, for a field known to be a text, or an amount. */
gboolean    bd_editor_set_project_text (BdEditor   *self,
                                       guint        index,
                                       const char  *field,
                                       const char  *text,
                                       GError     **error);
gboolean    bd_editor_set_project_amount (BdEditor *self,
                                       guint        index,
                                       const char  *field,
                                       const char  *text,
                                       GError     **error);
gboolean    bd_editor_add_indicator   (BdEditor    *self,
                                       guint        index,
                                       const char  *level1,
                                       const char  *level2,
                                       GError     **error);
gboolean    bd_editor_set_indicator   (BdEditor    *self,
                                       guint        index,
                                       guint        indicator,
                                       const char  *level1,
                                       const char  *level2,
                                       const char  *name,
                                       const char  *target,
                                       GError     **error);
gboolean    bd_editor_remove_indicator (BdEditor   *self,
                                       guint        index,
                                       guint        indicator,
                                       GError     **error);
gboolean    bd_editor_move_indicator  (BdEditor    *self,
                                       guint        index,
                                       guint        indicator,
                                       int          delta,
                                       GError     **error);
gboolean    bd_editor_set_framework   (BdEditor    *self,
                                       BdFramework  framework,
                                       GError     **error);

/* Takes last year's figures from last year's document file of the same
 * department, stores them, and rewrites the comparisons of the text. */
gboolean    bd_editor_take_last_year  (BdEditor    *self,
                                       const char  *path,
                                       GError     **error);

/* The document's rule profile (bd_rule_profile_set): @rule switched off or
 * given another severity ("off", "error", "warning", "info"; "default" or
 * NULL for its own), one undoable step stored with the header. */
gboolean    bd_editor_set_rule_setting (BdEditor   *self,
                                       const char  *rule,
                                       const char  *setting,
                                       GError     **error);
/* The document's own @threshold in whole per cents (0: the machine's),
 * one undoable step as a rule's setting. */
gboolean    bd_editor_set_threshold   (BdEditor    *self,
                                       BdThreshold  threshold,
                                       guint        percent,
                                       GError     **error);
/* Every rule back to its own severity (and the thresholds to the
 * machine's), as one step. */
gboolean    bd_editor_reset_rule_profile (BdEditor *self,
                                       GError     **error);

/* Checks again the rules reading @reads (BdReads) after something outside
 * the document changed what they compare with (the catalog). */
void        bd_editor_recheck         (BdEditor    *self,
                                       guint        reads);

gboolean    bd_editor_can_undo        (BdEditor    *self);
gboolean    bd_editor_can_redo        (BdEditor    *self);
gboolean    bd_editor_undo            (BdEditor    *self,
                                       GError     **error);
gboolean    bd_editor_redo            (BdEditor    *self,
                                       GError     **error);

G_END_DECLS
