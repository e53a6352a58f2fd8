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
