/* bd-form-editor.h: the performance-goal forms (财政项目支出绩效目标申报表):
 * the list of projects, and the selected form laid out as a clerk reads it,
 * with its indicator tree and the checker's findings beside what they are
 * about. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_FORM_EDITOR (bd_form_editor_get_type ())
G_DECLARE_FINAL_TYPE (BdFormEditor, bd_form_editor, BD, FORM_EDITOR, GtkWidget)

GtkWidget  *bd_form_editor_new              (BdEditor     *editor);
/* Stores every field that holds what the clerk typed, into the form it was
 * typed for; FALSE when one was refused (the reason beside it, the value
 * kept). The form editor calls it before anything rebinds its fields; the
 * window before undo, another page, or closing. */
gboolean    bd_form_editor_commit_pending   (BdFormEditor *self);
/* After the editor changed the forms or their findings. */
void        bd_form_editor_refresh          (BdFormEditor *self);
void        bd_form_editor_select_project   (BdFormEditor *self,
                                             guint         index);
/* Shows the form a finding names (@form, its name) and puts the focus on
 * what the finding is about (@about: an indicator's name, a field's label
 * such as 项目资金总额, or a missing 一级 category, for which the 添加指标
 * menu). FALSE when the form is not there, or a value refused in the form
 * shown keeps it on screen. */
gboolean    bd_form_editor_show_finding     (BdFormEditor *self,
                                             const char   *form,
                                             const char   *about);
guint       bd_form_editor_get_n_indicator_rows (BdFormEditor *self);
/* The 一级 and 二级 a row of the indicator tree shows, for tests. */
const char *bd_form_editor_get_row_category (BdFormEditor *self,
                                             guint         row,
                                             gboolean      level2);
/* The finding shown beside a row, or NULL. */
const char *bd_form_editor_get_row_finding  (BdFormEditor *self,
                                             guint         row);
/* What is shown under the funds (a finding, or why a value was refused). */
const char *bd_form_editor_get_funds_finding (BdFormEditor *self);
/* The findings shown under the indicator tree (missing categories). */
const char *bd_form_editor_get_tree_finding (BdFormEditor *self);
/* What the row's widgets do when a target is typed, or ✕ pressed. */
gboolean    bd_form_editor_set_target       (BdFormEditor *self,
                                             guint         row,
                                             const char   *op,
                                             const char   *value,
                                             const char   *unit);
gboolean    bd_form_editor_remove_row       (BdFormEditor *self,
                                             guint         row);

/* The widgets a clerk types in, for tests that drive them as the keys and
 * the mouse do: a form field by its name in the field table (an entry, a
 * goal's text view, the nature drop-down), a part of an indicator row
 * ("level1", "level2", "name", "op", "value", "unit"), the list of forms
 * and the 添加指标 menu button. */
/* The bar saying the form was carried over from last year, with its
 * 标记为已审阅 button: shown while the form is to review. */
GtkWidget  *bd_form_editor_get_review_bar   (BdFormEditor *self);
GtkWidget  *bd_form_editor_get_field_widget (BdFormEditor *self,
                                             const char   *field);
GtkWidget  *bd_form_editor_get_indicator_widget (BdFormEditor *self,
                                             guint         row,
                                             const char   *part);
GtkListBox *bd_form_editor_get_project_list (BdFormEditor *self);
GtkMenuButton *bd_form_editor_get_add_indicator_button (BdFormEditor *self);

G_END_DECLS
