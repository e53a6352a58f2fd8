/* bd-form-editor-private.h: what bd-form-editor.c and its actions
 * (bd-form-editor-actions.c) share. */
#pragma once

#include "bd-form-editor.h"
#include "bd-project-field.h"

G_BEGIN_DECLS

struct _BdFormEditor
{
  GtkWidget      parent_instance;

  BdEditor      *editor;
  guint          project;        /* the form shown */
  guint          bound;          /* the form the fields hold, G_MAXUINT for none */
  gboolean       syncing;        /* while the widgets are set from the document */
  int            menu_framework; /* the framework the 添加指标 menu was made for, or -1 */
  GListStore    *items;          /* BdProjectItem, one a form */
  GPtrArray     *rows;           /* BdIndicatorRow, the children of indicator_box */
  guint          n_rows;         /* those shown: the form's indicators */
  /* What each field of the form table showed from the document: a field
   * whose text differs holds what the clerk typed and has not stored. */
  char          *shown[BD_N_PROJECT_FIELDS];

  GtkWidget     *paned;
  GtkListBox    *projects;
  GtkDropDown   *framework;
  GtkScrolledWindow *scroller;
  GtkLabel      *summary;
  GtkLabel      *message;
  GtkStack      *body;
  GtkLabel      *title;
  GtkWidget     *review_bar;     /* shown while the form is to review */
  GtkEntry      *name;
  GtkEntry      *category;
  GtkEntry      *supervisor;
  GtkEntry      *implementer;
  GtkEntry      *start_date;
  GtkEntry      *end_date;
  GtkCalendar   *start_date_calendar;
  GtkCalendar   *end_date_calendar;
  GtkDropDown   *nature;
  GtkEntry      *total_funds;
  GtkEntry      *fiscal_funds;
  GtkEntry      *other_funds;
  GtkEntry      *annual_total;
  GtkEntry      *annual_fiscal;
  GtkEntry      *carryover;
  GtkEntry      *annual_other;
  GtkLabel      *funds_finding;
  GtkLabel      *overall_heading;
  GtkTextView   *overall_goal;
  GtkTextView   *annual_goal;
  GtkBox        *indicator_box;
  GtkWidget     *title_level1;
  GtkWidget     *title_level2;
  GtkWidget     *title_op;
  GtkWidget     *title_value;
  GtkWidget     *title_unit;
  GtkWidget     *title_tools;
  GtkSizeGroup  *columns[6];     /* each title and its column of the rows */
  GtkLabel      *tree_finding;
  GtkMenuButton *add_indicator;
};

/* bd-form-editor-findings.c: the summary, and the findings about
 * @project (the form shown, or NULL) beside what they are about. */
void     bd_form_editor_update_findings (BdFormEditor *self,
                                         BdProject    *project);
/* Shows @message above the form (an edit refused), or hides it. */
void     bd_form_editor_show_message  (BdFormEditor *self,
                                       const GError *error);
void     bd_form_editor_class_init_actions (GtkWidgetClass *widget_class);
/* Enables the actions that need a form. */
void     bd_form_editor_update_actions (BdFormEditor *self);

G_END_DECLS
