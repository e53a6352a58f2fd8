/* bd-csv-writer.h: the schedules as CSV, one UTF-8 file each, for a clerk's
 * spreadsheet: header rows as published, codes split 类, 款, 项, plain
 * two-decimal amounts in the schedule's unit. */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

char     *bd_csv_write_schedule (BdDocument  *doc,
                                 guint        number);
/* Writes 1-财务收支预算总表.csv … into @dir (made when missing). */
gboolean  bd_csv_write_dir      (BdDocument  *doc,
                                 const char  *dir,
                                 GError     **error);

G_END_DECLS
