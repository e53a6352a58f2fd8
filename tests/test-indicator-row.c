/* BdIndicatorRow, one indicator of a performance-goal form, on its own:
 * bound to a place in the seed's form, what it shows and what it stores.
 * The seed's indicators (data/minhang-cityops-2024.md, 七、绩效目标):
 * 0 成本指标 · 经济成本指标 · 政府雇员成本预算控制数 ≤4630048.00(元),
 * 1 雇员薪酬标准合理性 合理, 2 聘用文职（含社保）雇员数量 =32.00(人),
 * 3 承办热线案件量 >100.00(万件). Runs under xvfb-run. */

#include "bd-indicator-row.h"
#include "bd-test-util.h"
#include "bd-gtk-test-util.h"

static BdIndicator *
indicator_of (BdEditor *editor,
              guint     row)
{
  BdProject *project = g_ptr_array_index (bd_editor_get_document (editor)->projects, 0);
  return g_ptr_array_index (project->indicators, row);
}

static const char *
text_of (BdIndicatorRow *row,
         const char     *part)
{
  return gtk_editable_get_text (GTK_EDITABLE (bd_indicator_row_get_part (row, part)));
}

static const char *
op_of (BdIndicatorRow *row)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (bd_indicator_row_get_part (row, "op")));
  return gtk_string_object_get_string (item);
}

static void
test_bind_and_store (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  BdIndicatorRow *row = BD_INDICATOR_ROW (g_object_ref_sink (bd_indicator_row_new (editor)));

  bd_indicator_row_bind (row, 0, 0);
  g_assert_cmpstr (bd_indicator_row_get_level (row, FALSE), ==, "成本指标");
  g_assert_cmpstr (bd_indicator_row_get_level (row, TRUE), ==, "经济成本指标");
  g_assert_cmpstr (text_of (row, "name"), ==, "政府雇员成本预算控制数");
  g_assert_cmpstr (op_of (row), ==, "≤");
  g_assert_cmpstr (text_of (row, "value"), ==, "4630048.00");
  g_assert_cmpstr (text_of (row, "unit"), ==, "元");
  g_assert_true (gtk_widget_get_sensitive (bd_indicator_row_get_part (row, "unit")));

  /* A qualitative target: its words, no unit. */
  bd_indicator_row_bind (row, 0, 1);
  g_assert_cmpstr (op_of (row), ==, "定性");
  g_assert_cmpstr (text_of (row, "value"), ==, "合理");
  g_assert_false (gtk_widget_get_sensitive (bd_indicator_row_get_part (row, "unit")));

  /* 33 typed for 雇员数量, then the row bound to the next indicator: the
   * figure is stored into 雇员数量 first, as the document's 33.00. */
  bd_indicator_row_bind (row, 0, 2);
  gtk_editable_set_text (GTK_EDITABLE (bd_indicator_row_get_part (row, "value")), "33");
  bd_indicator_row_bind (row, 0, 3);
  g_assert_cmpstr (indicator_of (editor, 2)->target, ==, "=33.00(人)");
  g_assert_cmpstr (text_of (row, "value"), ==, "100.00");
  g_assert_cmpstr (text_of (row, "unit"), ==, "万件");

  /* A refused figure stays typed, with the reason; nothing stored. */
  gtk_editable_set_text (GTK_EDITABLE (bd_indicator_row_get_part (row, "value")), "1.001");
  g_assert_false (bd_indicator_row_commit (row));
  g_assert_nonnull (bd_indicator_row_get_finding (row));
  g_assert_cmpstr (indicator_of (editor, 3)->target, ==, ">100.00(万件)");
  g_assert_cmpstr (text_of (row, "value"), ==, "1.001");
  /* Esc drops it: the stored 100.00 again, the reason gone. */
  g_assert_true (press_escape (bd_indicator_row_get_part (row, "value")));
  g_assert_cmpstr (text_of (row, "value"), ==, "100.00");
  g_assert_null (bd_indicator_row_get_finding (row));
  g_assert_true (bd_indicator_row_commit (row));

  g_assert_finalize_object (row);
}

/* The seed's form follows the four-category framework; in a document of
 * the three-category one (where 成本指标 is a 二级 of 产出指标), its cost
 * indicator shows its categories as written, not blanks. */
static void
test_other_framework (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  BdIndicatorRow *row = BD_INDICATOR_ROW (g_object_ref_sink (bd_indicator_row_new (editor)));
  g_autoptr(GError) error = NULL;
  GListModel *level1s;

  g_assert_true (bd_editor_set_framework (editor, BD_FRAMEWORK_THREE_CATEGORIES, &error));
  bd_indicator_row_bind (row, 0, 0);
  g_assert_cmpstr (bd_indicator_row_get_level (row, FALSE), ==, "成本指标");
  g_assert_cmpstr (bd_indicator_row_get_level (row, TRUE), ==, "经济成本指标");
  /* 产出指标, 效益指标, 满意度指标, and the form's own 成本指标. */
  level1s = gtk_drop_down_get_model (GTK_DROP_DOWN (bd_indicator_row_get_part (row, "level1")));
  g_assert_cmpuint (g_list_model_get_n_items (level1s), ==, 4);
  /* A 产出指标 row offers the framework's 二级 only. */
  bd_indicator_row_bind (row, 0, 2);
  g_assert_cmpstr (bd_indicator_row_get_level (row, FALSE), ==, "产出指标");
  g_assert_cmpuint (g_list_model_get_n_items (level1s = gtk_drop_down_get_model (
                      GTK_DROP_DOWN (bd_indicator_row_get_part (row, "level1")))), ==, 3);
  g_assert_finalize_object (row);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/indicator-row/bind-and-store", test_bind_and_store);
  g_test_add_func ("/indicator-row/other-framework", test_other_framework);
  return g_test_run ();
}
