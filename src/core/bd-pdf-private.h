/* bd-pdf-private.h: what the parts of the PDF importer share */
#pragma once

#include "bd-import-private.h"
#include "bd-pdf-layout.h"
#include "bd-schedule-def.h"

G_BEGIN_DECLS

typedef enum {
  FORM_FIELDS,       /* 项目名称 … 其他资金: label and value cells */
  FORM_GOALS,        /* the two goals, in two columns over many lines */
  FORM_INDICATORS,   /* 一级指标 二级指标 三级指标 指标值 */
} BdPdfFormStage;

/* A performance-goal form being read: its goals and indicator rows span
 * lines, and cells wrap. */
typedef struct {
  BdPdfFormStage stage;
  double         overall_centre;     /* of the 项目总体目标 header */
  double         annual_centre;      /* of the 年度总体目标 header */
  GPtrArray     *goal_lines;         /* BdPdfLine*, until the goals end */
  GPtrArray     *field_lines;        /* BdPdfLine*, until the fields end */
  double         columns[4];         /* centres of the indicator columns */
  GPtrArray     *row;                /* char*[4]: the indicator row being built */
  double         row_y;
  GString       *carried[4];         /* a wrapped cell's first line, for the next row */
} BdPdfForm;

typedef struct {
  GString             *out;
  GArray              *line_pages;
  guint                page;
  Part                 part;
  const BdScheduleDef *def;
  /* x centre of each amount column; a balance schedule's income amount first */
  double               anchors[BD_MAX_COLUMNS + 1];
  guint                n_anchors;
  gboolean             have_anchors;
  gboolean             page_has_rows;
  GPtrArray           *pending;       /* char*: a row not yet written, its name may continue */
  double               pending_name_x;
  guint                pending_name_cell;
  guint                pending_page;    /* where the pending row began */
  double               pending_y1;      /* the bottom of its lines so far */
  GString             *carried_name;    /* the top of a wrapped name, for the row below */
  double               carried_x;
  guint                paragraph_page;  /* where the paragraph began */
  GString             *paragraph;
  double               left, right;   /* the text's margins on this page */
  double               body_height;   /* the commonest height of a line's glyphs on this page */
  gboolean             unit_budget;   /* its cover says 预算单位： or …单位预算 */
  GPtrArray           *page_lines;    /* the page being read, and where */
  guint                line_index;
  gboolean             anchors_from_rows_tried;
  BdPdfForm            form;
  GError              *error;
} Converter;

void bd_pdf_emit            (Converter  *self,
                             const char *text);
void bd_pdf_flush_paragraph (Converter  *self);

/* bd-pdf-import.c */
gboolean bd_pdf_fail_at        (Converter       *self,
                                const char      *format,
                                ...) G_GNUC_PRINTF (2, 3);
/* Header text as the schedule definitions spell it: no blanks, ASCII brackets. */
char    *bd_pdf_normalise      (const char      *text);
double   bd_pdf_centre         (const BdPdfCell *cell);
gboolean bd_pdf_is_amount_cell (const char      *text);
guint    bd_pdf_count_amounts  (const BdPdfLine *line);
gboolean bd_pdf_is_row_line    (Converter       *self,
                                const BdPdfLine *line);

/* bd-pdf-columns.c */
gboolean bd_pdf_read_anchors      (Converter  *self,
                                   GPtrArray  *header_lines);
gboolean bd_pdf_anchors_from_rows (Converter  *self);
/* Places each amount of a row under its column: @slots receives their text. */
gboolean bd_pdf_place_amounts     (Converter  *self,
                                   GPtrArray  *amounts,
                                   char      **slots,
                                   guint       n_slots);

/* bd-pdf-form.c */
void bd_pdf_form_start      (Converter  *self);
void bd_pdf_form_line       (Converter  *self,
                             BdPdfLine  *line);
void bd_pdf_form_finish     (Converter  *self);

G_END_DECLS
