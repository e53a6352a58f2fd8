#include "bd-schedule-def.h"

#define COL(n)  { n, NULL, 0, NULL }
#define SUM(n, mask) { n, NULL, mask, NULL }
#define SANGONG "“三公”经费预算数"
#define BIT(i) (1u << (i))

/* The columns shared by schedules 3, 5, 6 and 7. */
#define EXPENDITURE_COLUMNS \
  3, { \
    [BD_COL_EXPENSE_TOTAL] = SUM ("合计", BIT (BD_COL_BASIC) | BIT (BD_COL_PROJECT)), \
    [BD_COL_BASIC] = COL ("基本支出"), \
    [BD_COL_PROJECT] = COL ("项目支出"), \
  }

/* Schedule 1's head and income side, a department's and a unit budget's. */
#define SCHEDULE_1 \
  .number = 1, .title = "部门财务收支预算总表", \
  .unit_title = "预算单位财务收支预算总表", .unit = BD_UNIT_YUAN, \
  .row_kind = BD_ROWS_BALANCE, .income_header = "本年收入", .expense_header = "本年支出", \
  .n_income = 7, \
  .income = { \
    { "一、财政拨款收入", BIT (1) | BIT (2) | BIT (3), "fiscal" }, \
    { "1. 一般公共预算资金", 0, "general" }, \
    { "2. 政府性基金", 0, "fund" }, \
    { "3. 国有资本经营预算", 0, "capital" }, \
    { "二、事业收入", 0, "business" }, \
    { "三、事业单位经营收入", 0, "operating" }, \
    { "四、其他收入", 0, "other" }, \
  }

/* Schedules 5, 6 and 7: one fund's spending by function, each printed
 * with the fund's name in its title, its header and its empty note. */
#define FUNCTION_SCHEDULE(n, fund) \
  { \
    .number = n, .title = "部门" fund "支出功能分类预算表", \
    .unit_title = "预算单位" fund "支出功能分类预算表", .unit = BD_UNIT_YUAN, \
    .row_kind = BD_ROWS_FUNCTION, .header_group = fund "支出", \
    .n_columns = EXPENDITURE_COLUMNS, \
    .empty_note = "注：本部门%d年无" fund "安排的支出，故本表无数据。", \
  }

static const BdScheduleDef schedules[BD_N_SCHEDULES] = {
  {
    SCHEDULE_1,
    .n_columns = 1, .columns = { [BD_COL_AMOUNT] = COL ("预算数") },
  },
  {
    .number = 2, .title = "部门收入预算总表",
    .unit_title = "预算单位收入预算总表", .unit = BD_UNIT_YUAN,
    .row_kind = BD_ROWS_FUNCTION, .header_group = "收入预算",
    .n_columns = 5,
    .columns = {
      [BD_COL_INCOME_TOTAL] = SUM ("合计", BIT (BD_COL_INCOME_FISCAL) | BIT (BD_COL_INCOME_BUSINESS)
                                           | BIT (BD_COL_INCOME_OPERATING) | BIT (BD_COL_INCOME_OTHER)),
      [BD_COL_INCOME_FISCAL] = COL ("财政拨款收入"),
      [BD_COL_INCOME_BUSINESS] = COL ("事业收入"),
      [BD_COL_INCOME_OPERATING] = COL ("事业单位经营收入"),
      [BD_COL_INCOME_OTHER] = COL ("其他收入"),
    },
  },
  {
    .number = 3, .title = "部门支出预算总表",
    .unit_title = "预算单位支出预算总表", .unit = BD_UNIT_YUAN,
    .row_kind = BD_ROWS_FUNCTION, .header_group = "支出预算",
    .n_columns = EXPENDITURE_COLUMNS,
  },
  {
    .number = 4, .title = "部门财政拨款收支预算总表",
    .unit_title = "预算单位财政拨款收支预算总表", .unit = BD_UNIT_YUAN,
    .row_kind = BD_ROWS_BALANCE, .income_header = "财政拨款收入", .expense_header = "财政拨款支出",
    .n_columns = 4,
    .columns = {
      [BD_COL_FISCAL_TOTAL] = SUM ("合计", BIT (BD_COL_FISCAL_GENERAL) | BIT (BD_COL_FISCAL_FUND)
                                           | BIT (BD_COL_FISCAL_CAPITAL)),
      [BD_COL_FISCAL_GENERAL] = COL ("一般公共预算"),
      [BD_COL_FISCAL_FUND] = COL ("政府性基金预算"),
      [BD_COL_FISCAL_CAPITAL] = COL ("国有资本经营预算"),
    },
    .n_income = 3,
    .income = {
      { "一、一般公共预算资金", 0, "general" },
      { "二、政府性基金", 0, "fund" },
      { "三、国有资本经营预算", 0, "capital" },
    },
    .landscape = TRUE,
  },
  FUNCTION_SCHEDULE (5, "一般公共预算"),
  FUNCTION_SCHEDULE (6, "政府性基金预算"),
  FUNCTION_SCHEDULE (7, "国有资本经营预算"),
  {
    .number = 8, .title = "部门一般公共预算基本支出部门预算经济分类预算表",
    .unit_title = "预算单位一般公共预算基本支出部门预算经济分类预算表", .unit = BD_UNIT_YUAN,
    .row_kind = BD_ROWS_ECONOMIC, .header_group = "一般公共预算基本支出",
    .n_columns = 3,
    .columns = {
      [BD_COL_ECONOMIC_TOTAL] = SUM ("合计", BIT (BD_COL_PERSONNEL) | BIT (BD_COL_PUBLIC)),
      [BD_COL_PERSONNEL] = COL ("人员经费"),
      [BD_COL_PUBLIC] = COL ("公用经费"),
    },
    .empty_note = "注：本部门%d年无一般公共预算基本支出，故本表无数据。",
  },
  {
    .number = 9, .title = "部门“三公”经费和机关运行经费预算表",
    .unit_title = "单位“三公”经费和机关运行经费预算表", .unit = BD_UNIT_WAN,
    .row_kind = BD_ROWS_SINGLE,
    .n_columns = 7,
    .columns = {
      [BD_COL_SANGONG_TOTAL] = { "合计", NULL, BIT (BD_COL_OUTBOUND) | BIT (BD_COL_RECEPTION) | BIT (BD_COL_VEHICLE),
                                 SANGONG },
      [BD_COL_OUTBOUND] = { "因公出国(境)费", NULL, 0, SANGONG },
      [BD_COL_RECEPTION] = { "公务接待费", NULL, 0, SANGONG },
      [BD_COL_VEHICLE] = { "小计", "公务用车购置及运行费", BIT (BD_COL_VEHICLE_PURCHASE) | BIT (BD_COL_VEHICLE_RUNNING),
                           SANGONG },
      [BD_COL_VEHICLE_PURCHASE] = { "购置费", "公务用车购置及运行费", 0, SANGONG },
      [BD_COL_VEHICLE_RUNNING] = { "运行费", "公务用车购置及运行费", 0, SANGONG },
      [BD_COL_OPERATING_COSTS] = { "机关运行经费", NULL, 0, "机关运行经费预算数" },
    },
    .empty_note = "注：本部门%d年无财政拨款“三公”经费和机关运行经费支出，故本表无数据。",
    .landscape = TRUE,
  },
};

/* A unit budget (单位预算) prints schedule 1's expenditure side by kind of
 * spending: 合计, 基本支出 split into 人员经费 and 公用经费, and 项目支出. */
static const BdScheduleDef unit_budget_schedule_1 = {
  SCHEDULE_1,
  .n_columns = 4,
  .columns = {
    { "合计", NULL, BIT (1) | BIT (2) | BIT (3), "预算数" },
    { "人员经费", "基本支出", 0, "预算数" },
    { "公用经费", "基本支出", 0, "预算数" },
    { "项目支出", NULL, 0, "预算数" },
  },
  .landscape = TRUE,
};

const BdScheduleDef *
bd_schedule_def_get_for (guint    number,
                         gboolean unit_budget)
{
  if (unit_budget && number == 1)
    return &unit_budget_schedule_1;
  return bd_schedule_def_get (number);
}

const BdScheduleDef *
bd_schedule_def_get (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= BD_N_SCHEDULES, NULL);
  return &schedules[number - 1];
}

char *
bd_schedule_def_title (const BdScheduleDef *def,
                       int                  year)
{
  return g_strdup_printf ("%d年%s", year, def->title);
}

char *
bd_schedule_def_title_for (const BdScheduleDef *def,
                           int                  year,
                           gboolean             unit_budget)
{
  return g_strdup_printf ("%d年%s", year, unit_budget && def->unit_title ? def->unit_title : def->title);
}

gboolean
bd_schedule_def_is_entered (const BdScheduleDef *def,
                            guint                column)
{
  g_return_val_if_fail (column < def->n_columns, FALSE);
  return def->columns[column].sum_of == 0;
}

gboolean
bd_schedule_def_has_groups (const BdScheduleDef *def)
{
  for (guint c = 0; c < def->n_columns; c++)
    if (def->columns[c].group != NULL)
      return TRUE;
  return FALSE;
}

char *
bd_schedule_def_empty_note (const BdScheduleDef *def,
                            int                  year)
{
  if (def->empty_note == NULL)
    return NULL;
  /* The formats are this file's own constants, each with one %d. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (def->empty_note, year);
#pragma GCC diagnostic pop
}
