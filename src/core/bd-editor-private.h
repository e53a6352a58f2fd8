/* bd-editor-private.h: what the editor's files share
 *
 * A change is a step of one of a few kinds (cells, a schedule's rows, a
 * section's text, the forms, a group of steps). Files: bd-editor.c (what
 * every step shares, groups, undo), -cells.c (figures and rows), -across.c
 * (schedules following others), -fixes.c, -text.c and -forms.c. Each kind says how to put the document as the
 * step leaves it or found it, and how to store that; bd-editor.c does the
 * rest the same way for every kind: the transaction, the undo stack, the
 * text that follows the numbers and the recheck.
 */
#pragma once

#include "bd-editor.h"

G_BEGIN_DECLS

typedef struct _BdStep BdStep;

typedef struct {
  gsize      size;   /* of the kind's own step struct, for bd_step_new() */
  /* The generated text follows what a step of this kind changes (numbers,
   * forms); a text step is itself what the clerk wrote. */
  gboolean   changes_numbers;
  /* Puts the document as the step leaves it (@forward) or as it found it;
   * returns what changed, as BdReads bits. */
  guint    (*apply) (BdStep    *step,
                     BdEditor  *editor,
                     gboolean   forward);
  /* Writes what apply changed; the editor holds a transaction around it. */
  gboolean (*store) (BdStep    *step,
                     BdEditor  *editor,
                     GError   **error);
  /* Frees what the step holds; bd_step_free() frees the step itself. */
  void     (*clear) (BdStep    *step);
} BdStepKind;

/* Defines @prefix_kind, the kind of the steps of struct @Type (a BdStep
 * first), made of @prefix_apply, @prefix_store and @prefix_clear, which it
 * declares taking a @Type: like G_DEFINE_TYPE, it stands above them. */
#define BD_DEFINE_STEP_KIND(Type, prefix, numbers)                                          \
  static guint prefix##_apply (Type *self, BdEditor *editor, gboolean forward);             \
  static gboolean prefix##_store (Type *self, BdEditor *editor, GError **error);            \
  static void prefix##_clear (Type *self);                                                  \
  static guint prefix##_apply_step (BdStep *step, BdEditor *editor, gboolean forward)       \
  { return prefix##_apply ((Type *) step, editor, forward); }                               \
  static gboolean prefix##_store_step (BdStep *step, BdEditor *editor, GError **error)      \
  { return prefix##_store ((Type *) step, editor, error); }                                 \
  static void prefix##_clear_step (BdStep *step)                                            \
  { prefix##_clear ((Type *) step); }                                                       \
  static const BdStepKind prefix##_kind = {                                                 \
    .size = sizeof (Type), .changes_numbers = (numbers),                                    \
    .apply = prefix##_apply_step, .store = prefix##_store_step, .clear = prefix##_clear_step \
  };

/* The first member of every kind's own step struct. */
struct _BdStep {
  const BdStepKind *kind;
  guint             schedule;   /* the schedule it changes; 0 for none */
  BdStep           *then;       /* what the change brought with it (the figures and text following it) */
};

struct _BdEditor
{
  GObject     parent_instance;

  BdDocument *doc;
  BdStore    *store;
  BdChecker  *checker;
  GPtrArray  *findings;
  GPtrArray  *undo;   /* BdStep* */
  GPtrArray  *redo;   /* BdStep* */
  GPtrArray  *group;  /* BdStep*: the steps of a group being made, or NULL */
};

/* bd-editor.c */
/* A new step of @kind (zeroed past its BdStep), changing schedule @schedule
 * (0 for none). */
gpointer    bd_step_new                 (const BdStepKind *kind,
                                         guint       schedule);
void        bd_step_free                (BdStep     *step);
/* Applies a new step (taken), with the text that follows it, and puts it on
 * the undo stack; a step that fails to be stored leaves the document as it
 * was. */
gboolean    bd_editor_perform           (BdEditor   *self,
                                         BdStep     *step,
                                         GError    **error);
/* Nothing is checked where nothing can be stored: FALSE, and why, when the
 * file is open read-only. */
gboolean    bd_editor_check_writable    (BdEditor   *self,
                                         GError    **error);
/* Puts a step already applied and stored on the undo stack. */
void        bd_editor_push              (BdEditor   *self,
                                         BdStep     *step);
/* Performs what @body performs as ONE undoable step, stored in one
 * transaction (修正全部, filling schedules 2 and 5); with @join_last, the step
 * on top of the undo stack joins it first. What fails leaves the document
 * and the file as they were. */
typedef gboolean (*BdGroupBody) (BdEditor  *self,
                                 gpointer   data,
                                 GError   **error);
gboolean    bd_editor_perform_group     (BdEditor    *self,
                                         gboolean     join_last,
                                         BdGroupBody  body,
                                         gpointer     data,
                                         GError     **error);
void        bd_editor_notify_changed    (BdEditor   *self,
                                         guint       reads);
/* Applies and stores a step that follows another (computed cells, the
 * text); a follower the store refuses is dropped with a warning: what it
 * follows is stored, and the checker will flag the disagreement. */
gboolean    bd_editor_apply_follower    (BdEditor   *self,
                                         BdStep     *step,
                                         guint      *reads);
BdSchedule *bd_editor_schedule_or_error (BdEditor   *self,
                                         guint       number,
                                         GError    **error);

/* bd-editor-cells.c: a step that changes figures of one schedule, and one
 * that replaces a schedule's rows (for rows added or removed, fixes). The
 * follow-up of bd-editor-across.c: */
BdStep     *bd_cells_step_new           (guint       schedule);
/* Records @value for the entered cell (@part, @row, @column); the cell
 * keeps its figure until the step is applied. */
void        bd_cells_step_add           (BdStep     *step,
                                         BdRowPart   part,
                                         BdRow      *row,
                                         guint       column,
                                         gint64      value);
/* Records the published sums of @schedule the change makes stale. */
void        bd_cells_step_forget_sums   (BdStep     *step,
                                         BdSchedule *schedule);
gboolean    bd_cells_step_is_empty      (BdStep     *step);
/* The row all figures of a cells step are in; NULL when they are in several
 * or the step is of another kind. */
const char *bd_cells_step_row           (BdStep     *step);
/* After a change of schedule @number, the cells of schedules 1 and 4
 * computed from it take its figures (bd_document_derived_cell), as steps
 * chained at *@link; returns the link after them. */
BdStep    **bd_editor_follow_sources    (BdEditor   *self,
                                         guint       number,
                                         BdStep    **link,
                                         guint      *reads);
/* Starts a schedule step: change the schedule, then end it. */
BdStep     *bd_schedule_step_begin      (BdSchedule *schedule);
/* Takes the schedule as changed into the step and puts the schedule back
 * as it was, for bd_editor_perform() to apply. */
void        bd_schedule_step_end        (BdStep     *step,
                                         BdSchedule *schedule);

/* bd-editor-codes.c: a step adding codes the catalog lacks to the
 * document's extra codes; undone, it removes them. Add only codes the
 * document does not know yet. */
BdStep     *bd_codes_step_new           (void);
void        bd_codes_step_add           (BdStep           *step,
                                         guint             classification,
                                         const char       *code,
                                         const char       *name);
gboolean    bd_codes_step_is_empty      (BdStep           *step);

/* bd-editor-text.c */
/* A step giving @section @paragraphs (taken); NULL when they are its own. */
BdStep     *bd_section_step_new         (BdSection  *section,
                                         GStrv       paragraphs);
/* The text as the formula writes it now, per generated section. */
GStrv      *bd_editor_generate_text     (BdEditor   *self);
void        bd_editor_free_text         (GStrv      *texts);
/* After a change of the numbers, the paragraphs that still read as the
 * formula wrote them (@before) take the new figures; the steps changing
 * them are stored and chained at *@link. */
void        bd_editor_follow_numbers    (BdEditor   *self,
                                         BdStep    **link,
                                         GStrv      *before,
                                         guint      *reads);

G_END_DECLS
