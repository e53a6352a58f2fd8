/* bd-document.h: a whole department budget document, in memory
 *
 * The document holds what the clerk entered; everything derivable (类/款
 * subtotals, 合计 rows and columns, 财政拨款收入) is computed by
 * bd_document_recompute(). The figures a document was published with are kept
 * beside the computed ones, so a disagreement can be reported rather than
 * silently corrected.
 */
#pragma once

#include <glib-object.h>

#include "bd-framework.h"
#include "bd-money.h"
#include "bd-schedule-def.h"

G_BEGIN_DECLS

typedef enum {
  BD_LEVEL_LEI = 1,   /* 类 */
  BD_LEVEL_KUAN,      /* 款 */
  BD_LEVEL_XIANG,     /* 项 */
} BdLevel;

typedef struct {
  gint64  id;                              /* row id in the document file; 0 until stored */
  char   *code;                            /* function or economic code; an income source key; "" for schedule 9 */
  char   *name;
  gboolean is_leaf;                        /* holds entered figures; otherwise all its figures are computed */
  gint64  values[BD_MAX_COLUMNS];          /* entered columns of leaves are the clerk's; the rest computed */
  gint64  published[BD_MAX_COLUMNS];       /* the figures printed in the imported document */
  guint   published_mask;                  /* bit i: published[i] is present */
  guint   source_page;                     /* the page of the PDF it was imported from; 0 otherwise */
  guint   source_line;                     /* the line of the text, or the row of the sheet (from 1); 0 otherwise */
  guint   source_column;                   /* the column of the sheet's cell (from 1); 0 otherwise */
  const char *source_sheet;                /* the workbook's sheet it was read from (interned), or NULL */
} BdRow;

typedef struct {
  const BdScheduleDef *def;
  GPtrArray           *rows;          /* BdRow*: in code order with subtotal rows, or the 类 list of a balance schedule */
  BdRow               *total;         /* the 合计 / 支出总计 row; NULL for schedule 9 */
  GPtrArray           *income;        /* balance schedules: BdRow* per income item, values[0] */
  BdRow               *income_total;  /* balance schedules: 收入总计 */
  char                *note;          /* the note printed under the table (注：…无数据), or NULL */
  /* Balance schedules that carry money across years print 上年结转 under
   * the income items and 结转下年 under the 类 (names as printed: 上年结转结余,
   * 上年结转资金, …), then 收入总计 and 支出总计 adding them in: income_total
   * and total are then the 本年收入合计 and 本年支出合计. All four NULL when the
   * document prints none (bd_schedule_add_carryover). */
  BdRow               *carryover;     /* 上年结转, values[0] */
  BdRow               *carry_forward; /* 结转下年, the schedule's columns */
  BdRow               *income_grand;  /* 收入总计 = income_total + carryover */
  BdRow               *expense_grand; /* 支出总计 = total + carry_forward */
  int                  title_year;    /* the year its title was published with; 0 when it was not */
  guint                source_page;   /* the page of the PDF its title is on; 0 otherwise */
  guint                source_line;   /* the line of the text its title is on (from 1); 0 otherwise */
  const char          *source_sheet;  /* the workbook's sheet it was read from (interned), or NULL */
} BdSchedule;

/* Where a row stands in a schedule: the document file numbers its rows
 * by these (schedule_row.part), and the editor records changes by them. */
typedef enum {
  BD_ROW_PART_TABLE,          /* a row of the table */
  BD_ROW_PART_TOTAL,          /* its 合计 (支出总计) row */
  BD_ROW_PART_INCOME,         /* an income item of a balance schedule, by its key */
  BD_ROW_PART_INCOME_TOTAL,   /* 收入总计 (本年收入合计 when there is a carry-over) */
  BD_ROW_PART_CARRYOVER,      /* 上年结转 */
  BD_ROW_PART_CARRY_FORWARD,  /* 结转下年 */
  BD_ROW_PART_INCOME_GRAND,   /* 收入总计 with the carry-over */
  BD_ROW_PART_EXPENSE_GRAND,  /* 支出总计 with 结转下年 */
} BdRowPart;

typedef enum {
  BD_FIGURE_WAN,     /* written in 万元 to two decimals; value in 分 */
  BD_FIGURE_YUAN,    /* written in 元; value in 分 */
  BD_FIGURE_COUNT,   /* a count of projects, units, vehicles, people */
} BdFigureUnit;

/* A figure quoted in a text section, keyed like "narrative.income.total". */
typedef struct {
  gint64        value;
  BdFigureUnit  unit;
} BdFigure;

/* The figures the text quotes (bd-document-figures.c) */

/* Where a figure stands in a paragraph of a text section: bytes [start, end)
 * are its number, and key names it as the document's figures do. */
typedef struct {
  char         *key;
  int           start;
  int           end;
  BdFigureUnit  unit;
} BdFigureSpan;

/* A text section: its printed title and its paragraphs, as written. */
typedef struct {
  char      *id;          /* functions, organisation, glossary, narrative, other, employees */
  char      *title;
  GPtrArray *paragraphs;  /* char*; a paragraph may hold several lines (a numbered list) */
  /* The paragraphs (by their text) carried over from last year that still
   * quote its figures: "to review" until the clerk changes them. */
  GHashTable *to_review;
} BdSection;

typedef struct {
  gint64  id;
  char   *level1;   /* 一级指标 */
  char   *level2;   /* 二级指标 */
  char   *name;     /* 三级指标 */
  char   *target;   /* ≤4630048.00(元), 合理 … */
} BdIndicator;

typedef struct {
  gint64     id;
  char      *name;
  char      *nature;        /* 经常性项目 | 一次性项目 */
  char      *category;      /* 特定目标类 … */
  char      *supervisor;    /* 主管部门 */
  char      *implementer;   /* 实施单位 */
  char      *start_date;    /* 2024-01-01 */
  char      *end_date;
  char      *period;        /* the span printed after 项目总体目标: 2024年-2024年 */
  gint64     total_funds;     /* 项目资金总额 */
  gint64     fiscal_funds;    /* 其中：财政资金 */
  gint64     other_funds;     /* 其他资金 */
  gint64     annual_total;    /* 年度资金申请总额 */
  gint64     annual_fiscal;   /* 其中：当年财政拨款 */
  gint64     carryover;       /* 上年结转资金 */
  gint64     annual_other;    /* 其他资金 */
  char      *overall_goal;  /* 项目总体目标 */
  char      *annual_goal;   /* 年度总体目标 */
  GPtrArray *indicators;    /* BdIndicator* */
  gboolean   to_review;     /* carried over from last year (new-year), not yet reviewed by the clerk */
} BdProject;

#define BD_TYPE_DOCUMENT (bd_document_get_type ())
G_DECLARE_FINAL_TYPE (BdDocument, bd_document, BD, DOCUMENT, GObject)

/* The parts of a document the command line, the checker, the window and the
 * importer name. The three sections after BD_PART_DOCUMENT carry no figures,
 * so no finding names them; they come last to keep the others' numbers. */
typedef enum {
  BD_PART_NONE = 0,
  BD_PART_SCHEDULE_1,
  BD_PART_SCHEDULE_2,
  BD_PART_SCHEDULE_3,
  BD_PART_SCHEDULE_4,
  BD_PART_SCHEDULE_5,
  BD_PART_SCHEDULE_6,
  BD_PART_SCHEDULE_7,
  BD_PART_SCHEDULE_8,
  BD_PART_SCHEDULE_9,
  BD_PART_NARRATIVE,
  BD_PART_OTHER,
  BD_PART_EMPLOYEES,
  BD_PART_PERFORMANCE,
  BD_PART_DOCUMENT,
  BD_PART_FUNCTIONS,
  BD_PART_ORGANISATION,
  BD_PART_GLOSSARY,
} BdPart;

/* Where a published document disagreed with itself and was read anyway (a
 * 编制部门 unlike the document's, a code printed twice, a 款 printed as "2"):
 * the checker reports each (rule "as-printed"). Stored with the document. */
typedef struct {
  BdPart  part;
  char   *row;       /* code or label, or NULL */
  guint   page;      /* of the PDF, or 0 */
  char   *message;
  guint   line;      /* of the text (from 1), or 0 */
} BdImportNote;

struct _BdDocument
{
  GObject     parent_instance;

  char       *department;      /* 上海市闵行区城市运行管理中心 */
  int         year;
  char       *title;           /* 闵行区2024年区级部门预算 */
  char       *attachment;      /* 附件1, or NULL */
  gboolean    unit_budget;     /* a 单位预算 (预算单位：…): schedule 1 has four expenditure columns */

  BdSchedule *schedules[BD_N_SCHEDULES];
  GPtrArray  *sections;        /* BdSection*, in published order */
  GHashTable *figures;         /* key → BdFigure*: figures quoted by the text sections */
  GHashTable *last_year;       /* key → gint64 分: last year's figures (income.fiscal, sangong.total, …) */
  GPtrArray  *projects;        /* BdProject*: the performance-goal forms */
  BdFramework framework;       /* the indicator framework the forms follow */
  GHashTable *extra_codes[2];  /* per BdClassification: code → name, codes the catalog lacks */
  GHashTable *rule_profile;    /* rule id → "off", "error", "warning" or "info": the document's own choice */
  GPtrArray  *import_notes;    /* BdImportNote*: what the import read from a document at odds with itself */
};

/* "3", "narrative", … → the part, as the command line and the findings'
 * JSON name it; FALSE when the name is unknown. */
gboolean    bd_part_from_string        (const char *name,
                                        BdPart     *part);
const char *bd_part_to_string          (BdPart      part);
/* The title of a part as the window and the command line show it. */
char       *bd_document_part_title     (BdDocument *self,
                                        BdPart      part);

BdDocument *bd_document_new            (const char *department,
                                        int         year);
/* An empty document with every fixed row in place (income items, the 类
 * list of schedules 1 and 4, schedule 9's row) and the standard sections
 * (bd_narrative_start): a new document as a clerk starts it. */
BdDocument *bd_document_new_empty      (const char *department,
                                        int         year);
/* The fixed rows alone, no section: documents made by a program. */
BdDocument *bd_document_new_fixed      (const char *department,
                                        int         year);

BdSchedule *bd_document_get_schedule   (BdDocument *self,
                                        guint       number);
BdSection  *bd_document_get_section    (BdDocument *self,
                                        const char *id);
BdSection  *bd_document_ensure_section (BdDocument *self,
                                        const char *id,
                                        const char *title);

/* The published figures of a schedule's computed cells (sum columns,
 * subtotal and total rows) describe the document as it was imported; once
 * the clerk changes a figure they are stale, and the sums are BudgetDesk's. */
void        bd_schedule_forget_published_sums (BdSchedule *schedule);

/* Recomputes subtotals, totals and sum columns of every schedule. */
void        bd_document_recompute      (BdDocument *self);
void        bd_schedule_recompute      (BdSchedule *schedule);

void        bd_document_set_figure     (BdDocument  *self,
                                        const char  *key,
                                        gint64       value,
                                        BdFigureUnit unit);
const BdFigure *bd_document_get_figure (BdDocument  *self,
                                        const char  *key);
void        bd_document_set_last_year  (BdDocument  *self,
                                        const char  *key,
                                        gint64       value);
gboolean    bd_document_get_last_year  (BdDocument  *self,
                                        const char  *key,
                                        gint64      *value);

/* Where the figures of @paragraph of section @section_id stand.
 * Element type: BdFigureSpan. */
GArray     *bd_section_figure_spans            (const char *section_id,
                                                const char *paragraph);
/* Reads the figures a text section quotes into the document's figures,
 * replacing those it quoted before. */
void        bd_document_read_section_figures   (BdDocument *doc,
                                                BdSection  *section);
/* The same on import, where last year's figures are read from the text's
 * comparisons too (afterwards they are the document's own). */
void        bd_document_import_section_figures (BdDocument *doc,
                                                BdSection  *section);

/* A code the document carries besides the bundled catalog (a newer or
 * local code), so it validates the same wherever it is opened.
 * @classification: a BdClassification. */
void        bd_document_add_extra_code (BdDocument *self,
                                        guint       classification,
                                        const char *code,
                                        const char *name);
/* The name of @code in the catalog or among the document's own codes. */
const char *bd_document_lookup_code    (BdDocument *self,
                                        guint       classification,
                                        const char *code);

/* A canonical text dump of everything the document holds (ids aside), for
 * comparing two documents. */
char       *bd_document_dump           (BdDocument *self);

/* Rows */
BdRow      *bd_row_new                 (const char *code,
                                        const char *name);
void        bd_row_free                (BdRow      *row);
void        bd_row_set_published      (BdRow      *row,
                                        guint       column,
                                        gint64      value);
BdLevel     bd_code_level              (const char *code);
/* Whether @row sits under @parent (a 类 or 款 row whose code begins its
 * own); FALSE when @parent is NULL. */
gboolean    bd_row_encloses            (const BdRow *parent,
                                        const BdRow *row);

/* Adds a note of the import; @message is taken. Returns the note, for
 * what it has beyond these (its line). */
BdImportNote *bd_document_add_import_note (BdDocument *doc,
                                          BdPart      part,
                                          const char *row,
                                          guint       page,
                                          char       *message);

/* Makes @doc a unit budget (单位预算) or a department budget (部门预算): the
 * definition of schedule 1 follows. Its figures stay where they are. */
void        bd_document_set_unit_budget (BdDocument *doc,
                                        gboolean    unit_budget);
/* Whether a document's title names a unit budget (…单位预算). */
gboolean    bd_title_is_unit_budget    (const char *title);
/* The words a department budget and a unit budget print differently: the
 * cover's 预算主管部门 or 预算单位, a table's 编制部门 or 编制单位. */
const char *bd_document_cover_label    (BdDocument *doc);
const char *bd_document_maker_label    (BdDocument *doc);
/* Schedule @number's printed title, with the year it was published under:
 * 2025年预算单位财务收支预算总表 in a unit budget. */
char       *bd_document_schedule_title (BdDocument *doc,
                                        guint       number);
/* A contents heading (一、部门主要职能) as @doc prints it: a unit budget says
 * 一、单位主要职能, 四、单位预算编制说明, 五、单位预算表. */
char       *bd_document_contents_label (BdDocument *doc,
                                        const char *label);
/* The note empty schedule @number carries in @doc, for its year: a unit
 * budget says 注：本单位2025年无…; NULL when the schedule has none. */
char       *bd_document_empty_note     (BdDocument *doc,
                                        guint       number);

/* Finds the row with @code; NULL when absent. Classified rows are kept in
 * code order: the lookup is a binary search. */
BdRow      *bd_schedule_find_row       (BdSchedule *schedule,
                                        const char *code);
/* The row of @part with @code (for the table rows and income items; the
 * totals have none); NULL when absent. */
BdRow      *bd_schedule_find_part      (BdSchedule *schedule,
                                        BdRowPart   part,
                                        const char *code);
/* Schedules 1 and 4 by 类 are computed from other schedules, the way 类
 * rows are from their 款 rows: schedule 1's 预算数 from schedule 3's 合计,
 * schedule 4's 一般公共预算, 政府性基金预算 and 国有资本经营预算 from the 合计
 * of schedules 5, 6 and 7. Whether @column of schedule @number's row @code
 * is such a cell, and the figure its source gives it (0 where the source
 * has no such 类) in @value, that schedule's number in @source. */
gboolean    bd_document_derived_cell   (BdDocument *self,
                                        guint       number,
                                        const char *code,
                                        guint       column,
                                        gint64     *value,
                                        guint      *source);
/* Whether schedule @number is the source of cells of schedule @target. */
gboolean    bd_schedule_derives_from   (guint       target,
                                        guint       number);
/* Inserts a leaf row in code order, with the 类/款 rows above it as needed. */
BdRow      *bd_schedule_insert_leaf    (BdSchedule *schedule,
                                        const char *code,
                                        const char *name);
gboolean    bd_schedule_is_empty       (BdSchedule *schedule);
/* Gives balance schedule @schedule its 上年结转 and 结转下年 rows (and the
 * 收入总计, 支出总计 adding them in), named as printed (NULL: 上年结转,
 * 结转下年); renames them when it has them. Returns the 上年结转 row. */
BdRow      *bd_schedule_add_carryover  (BdSchedule *schedule,
                                        const char *income_name,
                                        const char *expense_name);
/* Whether 结转下年 is given by its parts (then its 合计 is their sum), not
 * in 合计 alone. */
gboolean    bd_schedule_carry_forward_split (BdSchedule *schedule);
/* Takes the carry-over rows away again, with their figures. */
void        bd_schedule_remove_carryover (BdSchedule *schedule);
/* The row of the carry-over parts (BD_ROW_PART_CARRYOVER …), or NULL. */
BdRow      *bd_schedule_carry_part     (BdSchedule *schedule,
                                        BdRowPart   part);
/* How many cells a row of @part has: one on the income side (the income
 * items, their totals, 上年结转), the schedule's columns otherwise. */
guint       bd_schedule_part_columns   (BdSchedule *schedule,
                                        BdRowPart   part);
/* The leaf level of a schedule's rows: 项 for function rows, 款 for economic. */
BdLevel     bd_schedule_leaf_level     (BdSchedule *schedule);

BdSection  *bd_section_new             (const char *id,
                                        const char *title);
void        bd_section_free            (BdSection  *section);
/* Whether paragraph @text of @section is still to review (carried over
 * from last year, quoting its figures); sets or clears the flag. */
gboolean    bd_section_is_to_review    (const BdSection *section,
                                        const char      *text);
void        bd_section_set_to_review   (BdSection  *section,
                                        const char *text,
                                        gboolean    to_review);

/* Where a row or a schedule was read from, as the clerk finds it in the
 * source: "第9页", "第120行", "工作表“表3”单元格 B7"; NULL when it was
 * not imported (or nothing is known). */
char       *bd_row_source_text         (const BdRow      *row);
char       *bd_schedule_source_text    (const BdSchedule *schedule);
char       *bd_import_note_source_text (const BdImportNote *note);

BdProject  *bd_project_new             (void);
void        bd_project_free            (BdProject  *project);
BdIndicator *bd_indicator_new          (const char *level1,
                                        const char *level2,
                                        const char *name,
                                        const char *target);
void        bd_indicator_free          (BdIndicator *indicator);

G_END_DECLS
