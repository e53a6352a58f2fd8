/* bd-check-private.h: what the rules of bd-rules.c use from the checker */
#pragma once

#include "bd-checker.h"

G_BEGIN_DECLS

struct _BdCheck
{
  BdDocument   *doc;
  GPtrArray    *findings;
  const BdRule *rule;
  GHashTable   *index[BD_N_SCHEDULES];   /* code → BdRow*, built on first use */
};

/* What a BdCellIter walks: rows by kind, and per row one step or one per
 * column of a kind. */
typedef enum {
  BD_ITER_LEAVES = 1 << 0,          /* rows holding entered figures */
  BD_ITER_SUMS = 1 << 1,            /* 类 and 款 rows, computed */
  BD_ITER_LEI = 1 << 2,             /* rows whose code is a 类, leaf or not */
  BD_ITER_UNIQUE = 1 << 3,          /* each code once, in the first schedule walked that has it */
  BD_ITER_CLASSIFIED = 1 << 4,      /* only schedules keyed by function or economic codes */
  BD_ITER_ENTERED_COLUMNS = 1 << 5, /* one step per entered column of the row */
  BD_ITER_SUM_COLUMNS = 1 << 6,     /* one step per sum column */
  BD_ITER_ALL_COLUMNS = BD_ITER_ENTERED_COLUMNS | BD_ITER_SUM_COLUMNS,
} BdIterFlags;

/* The one loop over the rows (and cells) of the schedules, for every rule:
 *   g_auto(BdCellIter) it = { 0 };
 *   bd_cell_iter_init (&it, check, BD_READS_SCHEDULE (5), BD_ITER_LEAVES);
 *   while (bd_cell_iter_next (&it))
 *     … it.number, it.schedule, it.row, it.column …
 */
typedef struct {
  BdCheck    *check;
  guint       schedules;   /* BdReads bits of the schedules walked, in their order */
  guint       flags;       /* BdIterFlags */
  guint       number;      /* the current schedule */
  BdSchedule *schedule;
  BdRow      *row;
  guint       column;      /* the current column, with a *_COLUMNS flag; else 0 */
  /*< private >*/
  guint       index;
  gboolean    in_row;
  GHashTable *seen;
} BdCellIter;

void       bd_cell_iter_init    (BdCellIter  *iter,
                                 BdCheck     *check,
                                 guint        schedules,
                                 guint        flags);
gboolean   bd_cell_iter_next    (BdCellIter  *iter);
void       bd_cell_iter_clear   (BdCellIter  *iter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BdCellIter, bd_cell_iter_clear)

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
