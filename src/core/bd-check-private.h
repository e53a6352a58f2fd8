/* bd-check-private.h: what the rules use from the checker (bd-check.c) */
#pragma once

#include "bd-checker.h"

G_BEGIN_DECLS

struct _BdCheck
{
  BdDocument   *doc;
  GPtrArray    *findings;
  const BdRule *rule;
  GHashTable   *index[BD_N_SCHEDULES];   /* code → row index + 1, built on first use */
  GPtrArray    *lei[BD_N_SCHEDULES];     /* the 类 codes of each schedule, built on first use */
  GHashTable   *names[BD_N_SCHEDULES];   /* a leaf's name → its row (the last of that name), built on first use */
  GHashTable   *code_memo[2];            /* code rules, per classification: code (borrowed) → what is known of it */
  GPtrArray    *code_rows[BD_N_SCHEDULES];   /* code rules: that, row by row */
  guint         position;                /* the row being checked, for its findings */
  BdSeverity    severity;                /* the running rule's, as the document's profile has it */
};

/* Where a row stands: its schedule and its index among the schedule's rows. */
#define BD_CHECK_POSITION(number, index) (((guint) (number) << 24) | (guint) (index))
#define BD_CHECK_POSITION_SCHEDULE(position) ((position) >> 24)
#define BD_CHECK_POSITION_INDEX(position) ((position) & 0xffffff)

/* What a BdCellIter walks: rows by kind, one step a row. */
typedef enum {
  BD_ITER_LEAVES = 1 << 0,          /* rows holding entered figures */
  BD_ITER_SUMS = 1 << 1,            /* 类 and 款 rows, computed */
  BD_ITER_LEI = 1 << 2,             /* rows whose code is a 类, leaf or not */
  BD_ITER_UNIQUE = 1 << 3,          /* each code once, in the first schedule walked that has it */
  BD_ITER_CLASSIFIED = 1 << 4,      /* only schedules keyed by function or economic codes */
} BdIterFlags;

/* The one loop over the rows of the schedules, for every rule:
 *   g_auto(BdCellIter) it = { 0 };
 *   bd_cell_iter_init (&it, check, BD_READS_SCHEDULE (5), BD_ITER_LEAVES);
 *   while (bd_cell_iter_next (&it))
 *     … it.number, it.schedule, it.row …
 */
typedef struct {
  BdCheck    *check;
  guint       schedules;   /* BdReads bits of the schedules walked, in their order */
  guint       flags;       /* BdIterFlags */
  guint       number;      /* the current schedule */
  BdSchedule *schedule;
  BdRow      *row;
  guint       row_index;   /* where @row stands in the schedule's rows */
  /*< private >*/
  guint       index;
  GHashTable *seen;
} BdCellIter;

void       bd_cell_iter_init    (BdCellIter  *iter,
                                 BdCheck     *check,
                                 guint        schedules,
                                 guint        flags);
gboolean   bd_cell_iter_next    (BdCellIter  *iter);
void       bd_cell_iter_clear   (BdCellIter  *iter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BdCellIter, bd_cell_iter_clear)

/* Whether a row is one of those @flags (BdIterFlags) select. */
gboolean   bd_check_row_wanted  (guint        flags,
                                 BdRow       *row);
gboolean   bd_check_row_index   (BdCheck     *check,
                                 guint        number,
                                 const char  *code,
                                 guint       *index);
/* The leaf of schedule @number named @name (the last, when several are), or NULL. */
BdRow     *bd_check_leaf_named  (BdCheck     *check,
                                 guint        number,
                                 const char  *name);
/* The 类 codes of schedule @number, in order; owned by @check. */
GPtrArray *bd_check_lei_codes   (BdCheck     *check,
                                 guint        number);
/* Frees the look-ups. */
void       bd_check_clear       (BdCheck     *check);
/* Runs a whole rule: its rows, then the rest. */
void       bd_check_run_rule    (BdCheck     *check,
                                 const BdRule *rule);
/* Runs a row rule again on the rows at @changed (positions, guint) only,
 * replacing what it found there; check->findings holds its findings. */
void       bd_check_run_rows    (BdCheck     *check,
                                 const BdRule *rule,
                                 GArray      *changed);

/* The row of @code in schedule @number, or NULL. */
BdRow     *bd_check_row         (BdCheck     *check,
                                 guint        number,
                                 const char  *code);
/* Adds a finding of the running rule; @message is taken. Returns the finding
 * so a fix can be set. */
BdFinding *bd_check_report      (BdCheck     *check,
                                 BdPart       part,
                                 const char  *row,
                                 const char  *column,
                                 const char  *expected,
                                 const char  *actual,
                                 char        *message);
/* Same, with amounts in 分 printed in @unit. */
BdFinding *bd_check_report_amounts (BdCheck  *check,
                                 BdPart       part,
                                 const char  *row,
                                 const char  *column,
                                 gint64       expected,
                                 gint64       actual,
                                 BdUnit       unit,
                                 char        *message);

G_END_DECLS
