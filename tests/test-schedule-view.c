/* BdScheduleView: a schedule's page, its title lines and tables. Schedule 9's
 * header as the seed prints it (data/minhang-cityops-2024.md):
 *   | 2024年“三公”经费预算数 (6 columns)                              | 2024年机关运行经费预算数 |
 *   | 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (3)     |                          |
 *   |      |                |            | 小计 | 购置费 | 运行费      |                          | */

#include "bd-grid.h"
#include "bd-window-fixture.h"

static GtkWidget *
find_merged_header (GtkWidget *widget)
{
  if (GTK_IS_GRID (widget) && gtk_widget_has_css_class (widget, "merged-header"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_merged_header (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_header_cell (GtkWidget  *header,
                    const char *text,
                    int         column,
                    int         row,
                    int         width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (header); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
      {
        int c, r, w, h;

        gtk_grid_query_child (GTK_GRID (header), child, &c, &r, &w, &h);
        g_assert_cmpint (c, ==, column);
        g_assert_cmpint (r, ==, row);
        g_assert_cmpint (w, ==, width);
        return;
      }
  g_assert_not_reached ();
}

static void
test_schedule_9_merged_header (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  GtkWidget *view = g_object_ref_sink (bd_schedule_view_new (editor, 9));
  GtkWidget *header = find_merged_header (view);
  GtkWidget *other = g_object_ref_sink (bd_schedule_view_new (editor, 3));

  g_assert_nonnull (header);
  assert_header_cell (header, "2024年“三公”经费预算数", 0, 0, 6);
  assert_header_cell (header, "2024年机关运行经费预算数", 6, 0, 1);
  assert_header_cell (header, "合计", 0, 1, 1);
  assert_header_cell (header, "公务用车购置及运行费", 3, 1, 3);
  assert_header_cell (header, "小计", 3, 2, 1);
  assert_header_cell (header, "运行费", 5, 2, 1);
  /* The other schedules keep the table's own titles. */
  g_assert_null (find_merged_header (other));
  g_assert_finalize_object (view);
  g_assert_finalize_object (other);
}

static void
test_finalize (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);

  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    g_assert_finalize_object (g_object_ref_sink (bd_schedule_view_new (editor, s)));
}

static void
assert_cell (BdTableView *table,
             guint        position,
             const char  *expected)
{
  g_autofree char *text = bd_table_view_dup_cell_text (table, position, 0);

  g_assert_cmpstr (text, ==, expected);
}

/* Schedule 1 with 上年结转结余 250,000.00 and 结转下年 250,000.00 added to the
 * seed's (收入总计 = 本年收入合计 17,722,077.40 + 250,000.00 = 17,972,077.40):
 * the income table shows 本年收入合计, the carry-over and 收入总计 under the
 * seven items, the expenditure table 结转下年 and 支出总计 under its 22 类;
 * the carry-over is typed in like an income item and stored in the file. */
static void
test_carryover (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  BdSchedule *s1 = bd_document_get_schedule (seed, 1);
  g_autoptr(BdTestFile) file = bd_test_file_new ("bd-carry-XXXXXX", "carry.budget");
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  GtkWidget *view;
  BdTableView *income, *expense;

  bd_schedule_add_carryover (s1, "上年结转结余", NULL)->values[0] = Y (250000, 0);
  s1->carry_forward->values[0] = Y (250000, 0);
  bd_document_recompute (seed);
  doc = bd_test_save_and_open (seed, file->path, BD_STORE_OPEN_DEFAULT, &store);
  editor = bd_editor_new (doc, store);
  view = g_object_ref_sink (bd_schedule_view_new (editor, 1));
  income = bd_schedule_view_get_income_table (BD_SCHEDULE_VIEW (view));
  expense = bd_schedule_view_get_table (BD_SCHEDULE_VIEW (view));

  /* Income: 7 items, 本年收入合计 (7), 上年结转结余 (8), 收入总计 (9). */
  assert_cell (income, 7, "17,722,077.40");
  assert_cell (income, 8, "250,000.00");
  assert_cell (income, 9, "17,972,077.40");
  /* Expenditure: 22 类, 本年支出合计 (22), 结转下年 (23), 支出总计 (24). */
  assert_cell (expense, 23, "250,000.00");
  assert_cell (expense, 24, "17,972,077.40");

  /* 300,000 typed as the carry-over: 收入总计 17,722,077.40 + 300,000.00. */
  g_assert_true (bd_table_view_select (income, "carryover", NULL));
  g_assert_true (bd_table_view_begin_edit (income, "300000"));
  g_assert_true (bd_table_view_commit (income, BD_MOVE_DOWN));
  assert_cell (income, 9, "18,022,077.40");
  g_clear_object (&store);
  g_clear_object (&editor);
  g_assert_finalize_object (view);
  {
    g_autoptr(BdDocument) stored = bd_test_open (file->path, BD_STORE_OPEN_READ_ONLY, NULL);

    g_assert_cmpint (bd_document_get_schedule (stored, 1)->carryover->values[0], ==, Y (300000, 0));
    g_assert_cmpstr (bd_document_get_schedule (stored, 1)->carryover->name, ==, "上年结转结余");
    g_assert_cmpint (bd_document_get_schedule (stored, 1)->income_grand->values[0], ==, Y (18022077, 40));
  }
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/schedule-view/schedule-9-merged-header", test_schedule_9_merged_header);
  g_test_add_func ("/schedule-view/finalize", test_finalize);
  g_test_add_func ("/schedule-view/carryover", test_carryover);
  return g_test_run ();
}
