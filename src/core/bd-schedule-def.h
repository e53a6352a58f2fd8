/* bd-schedule-def.h: the nine schedules of the published budget, as data
 *
 * Each schedule is one entry of a declarative table: its number, title, unit,
 * the kind of rows it holds and its columns. A column either holds what the
 * clerk enters or is the sum of other columns. A tenth schedule is a new
 * entry, not a new code path.
 */
#pragma once

#include <glib.h>

#include "bd-money.h"

G_BEGIN_DECLS

#define BD_N_SCHEDULES   9
#define BD_MAX_COLUMNS   8
#define BD_MAX_INCOME    8

typedef enum {
  BD_ROWS_FUNCTION,   /* function classification 类/款/项, leaves are 项 */
  BD_ROWS_ECONOMIC,   /* economic classification 类/款, leaves are 款 */
  BD_ROWS_BALANCE,    /* income items on the left, the function 类 list on the right */
  BD_ROWS_SINGLE,     /* one row of figures (schedule 9) */
} BdRowKind;

/* Named columns: code says which figure it means, never a bare index. The
 * table in bd-schedule-def.c places each column by these names. */
typedef enum {
  BD_COL_AMOUNT = 0,            /* schedule 1's 预算数; an income item's figure */
} BdBalanceColumn;

typedef enum {                  /* schedule 2 */
  BD_COL_INCOME_TOTAL = 0,      /* 合计 */
  BD_COL_INCOME_FISCAL,         /* 财政拨款收入 */
  BD_COL_INCOME_BUSINESS,       /* 事业收入 */
  BD_COL_INCOME_OPERATING,      /* 事业单位经营收入 */
  BD_COL_INCOME_OTHER,          /* 其他收入 */
} BdIncomeColumn;

typedef enum {                  /* schedules 3, 5, 6 and 7 */
  BD_COL_EXPENSE_TOTAL = 0,     /* 合计 */
  BD_COL_BASIC,                 /* 基本支出 */
  BD_COL_PROJECT,               /* 项目支出 */
} BdExpenseColumn;

typedef enum {                  /* schedule 4's expenditure side */
  BD_COL_FISCAL_TOTAL = 0,      /* 合计 */
  BD_COL_FISCAL_GENERAL,        /* 一般公共预算 */
  BD_COL_FISCAL_FUND,           /* 政府性基金预算 */
  BD_COL_FISCAL_CAPITAL,        /* 国有资本经营预算 */
} BdFiscalColumn;

typedef enum {                  /* schedule 8 */
  BD_COL_ECONOMIC_TOTAL = 0,    /* 合计 */
  BD_COL_PERSONNEL,             /* 人员经费 */
  BD_COL_PUBLIC,                /* 公用经费 */
} BdEconomicColumn;

typedef enum {                  /* schedule 9 (万元) */
  BD_COL_SANGONG_TOTAL = 0,     /* 合计 */
  BD_COL_OUTBOUND,              /* 因公出国(境)费 */
  BD_COL_RECEPTION,             /* 公务接待费 */
  BD_COL_VEHICLE,               /* 公务用车购置及运行费：小计 */
  BD_COL_VEHICLE_PURCHASE,      /* 购置费 */
  BD_COL_VEHICLE_RUNNING,       /* 运行费 */
  BD_COL_OPERATING_COSTS,       /* 机关运行经费 */
} BdSangongColumn;

typedef struct {
  const char *name;     /* 合计, 基本支出, … */
  const char *group;    /* a header cell spanning it and its neighbours (公务用车购置及运行费), or NULL */
  guint       sum_of;   /* bit mask of the columns this one is the sum of; 0 for an entered column */
  const char *band;     /* top header band after the year (“三公”经费预算数), or NULL for the schedule's */
} BdColumnDef;

typedef struct {
  const char *name;     /* as printed: 一、财政拨款收入 */
  guint       sum_of;   /* bit mask of the income items this one is the sum of; 0 for entered */
  const char *source;   /* stable key of the income source it stands for (fiscal, general, fund, …) */
} BdIncomeDef;

typedef struct {
  guint              number;          /* 1 … 9 */
  const char        *title;           /* without the year: 部门财务收支预算总表 */
  const char        *unit_title;      /* as a unit budget prints it: 预算单位财务收支预算总表 */
  BdUnit             unit;
  BdRowKind          row_kind;
  const char        *header_group;    /* 收入预算, 支出预算, … the band over the amount columns */
  const char        *income_header;   /* balance schedules: 本年收入 / 财政拨款收入 */
  const char        *expense_header;  /* balance schedules: 本年支出 / 财政拨款支出 */
  guint              n_columns;
  BdColumnDef        columns[BD_MAX_COLUMNS];
  guint              n_income;
  BdIncomeDef        income[BD_MAX_INCOME];
  const char        *empty_note;      /* printf format with the year: 注：本部门%d年无…，故本表无数据。 */
  gboolean           landscape;       /* printed on a landscape page */
} BdScheduleDef;

const BdScheduleDef *bd_schedule_def_get       (guint number);
/* The schedule as a unit budget (单位预算) prints it when @unit_budget:
 * schedule 1 then has 合计, 人员经费, 公用经费 and 项目支出. */
const BdScheduleDef *bd_schedule_def_get_for   (guint                number,
                                                gboolean             unit_budget);
/* The full printed title: 2024年部门财务收支预算总表 */
char                *bd_schedule_def_title     (const BdScheduleDef *def,
                                                int                  year);
/* The same, as a unit budget (单位预算) prints it when @unit_budget:
 * 2025年预算单位财务收支预算总表, 2025年单位“三公”经费和机关运行经费预算表 */
char                *bd_schedule_def_title_for (const BdScheduleDef *def,
                                                int                  year,
                                                gboolean             unit_budget);
/* The note an empty schedule carries, for @year; NULL when it has none. */
char                *bd_schedule_def_empty_note (const BdScheduleDef *def,
                                                int                  year);
gboolean             bd_schedule_def_is_entered(const BdScheduleDef *def,
                                                guint                column);
/* Whether some columns sit under a group header (schedule 9's 公务用车购置及运行费). */
gboolean             bd_schedule_def_has_groups (const BdScheduleDef *def);

G_END_DECLS
