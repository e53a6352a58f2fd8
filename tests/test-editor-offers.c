/* What the window offers of the editor's changes across schedules (issue
 * 14): 修正全部 in the findings panel, and the offer of schedule 3 to fill
 * schedules 2 and 5 with a 项 of 一般公共预算 alone; each read back from the
 * file. Runs under xvfb-run with GSK_RENDERER=cairo. With BD_SCREENSHOT_DIR
 * set, the window is saved there as PNG at each step, to be looked at. */

#include "bd-schedule-view.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"

/* The button of @action, as the clerk sees it: sensitive while the action is
 * enabled. */
static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The seed's four certain fixes (guide §5: 208 and 212 of schedules 1 and 4
 * take the figures of schedules 2, 3 and 5), one click, one undo. */
static void
test_fix_all (WindowFixture *f,
              gconstpointer  data)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (f->window), is_action_button, "win.fix-all");

  g_assert_nonnull (button);
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "2");
  g_assert_true (gtk_widget_is_sensitive (button));
  bd_test_screenshot (GTK_WIDGET (f->window), "fix-all-before");
  g_signal_emit_by_name (button, "clicked");
  bd_test_spin (100);
  g_assert_cmpint (window_fixture_stored (f, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_cmpint (window_fixture_stored (f, 1, "212", 0), ==, Y (14786148, 40));
  g_assert_cmpint (window_fixture_stored (f, 4, "212", 1), ==, Y (14786148, 40));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "✓");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "✓");
  /* What remains (the goal-count warning) has no certain fix. */
  g_assert_false (gtk_widget_is_sensitive (button));
  bd_test_screenshot (GTK_WIDGET (f->window), "fix-all-after");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  bd_test_spin (50);
  g_assert_cmpint (window_fixture_stored (f, 1, "208", 0), ==, Y (1616095, 40));
  g_assert_cmpint (window_fixture_stored (f, 4, "212", 1), ==, Y (14786148, 0));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
}

/* Seed: 住房公积金 2210201 is 447,984.00 in schedules 2, 3 and 5. */
static void
test_fill_offer (WindowFixture *f,
                 gconstpointer  data)
{
  BdScheduleView *view = bd_window_get_schedule_view (f->window, 3);
  BdTableView *table = bd_schedule_view_get_table (view);

  bd_window_show_page (f->window, "schedule-3");
  bd_test_spin (100);
  g_assert_null (bd_schedule_view_get_fill_offer (view));
  bd_test_type_in_cell (table, "2210201", "基本支出", "457,984");
  g_assert_true (bd_table_view_commit (table, BD_MOVE_DOWN));
  bd_test_spin (100);
  g_assert_cmpstr (bd_schedule_view_get_fill_offer (view), ==, "2210201");
  bd_test_screenshot (GTK_WIDGET (f->window), "fill-offer");

  g_assert_true (bd_schedule_view_accept_fill_offer (view));
  bd_test_spin (100);
  g_assert_null (bd_schedule_view_get_fill_offer (view));
  g_assert_cmpint (window_fixture_stored (f, 2, "2210201", 1), ==, Y (457984, 0));
  g_assert_cmpint (window_fixture_stored (f, 5, "2210201", 1), ==, Y (457984, 0));
  g_assert_cmpint (window_fixture_stored (f, 4, "221", 1), ==, Y (457984, 0));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-3"), ==, "✓");
  bd_test_screenshot (GTK_WIDGET (f->window), "fill-accepted");

  /* One undo: the typed figure and what it filled. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  bd_test_spin (50);
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", 1), ==, Y (447984, 0));
  g_assert_cmpint (window_fixture_stored (f, 2, "2210201", 1), ==, Y (447984, 0));
  g_assert_cmpint (window_fixture_stored (f, 5, "2210201", 1), ==, Y (447984, 0));
}

/* A cell of the grid whose text is @data. */
static gboolean
is_cell_with_text (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "cell")
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

/* Where @widget is in the window, in the window's coordinates. */
static graphene_point_t
window_point (WindowFixture *f,
              GtkWidget     *widget)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (0, 0), &point));
  return point;
}

/* The offer of schedule 3 comes while the clerk types and clicks: its bar
 * must move no cell of the grid (it used to come above the grid and push
 * every row down by its height, and the next click landed a row lower). */
static void
test_fill_offer_keeps_cells (WindowFixture *f,
                             gconstpointer  data)
{
  BdScheduleView *view = bd_window_get_schedule_view (f->window, 3);
  BdTableView *table = bd_schedule_view_get_table (view);
  /* Names of 2080505 and 2210201 (seed, schedule 3). */
  const char *codes[] = { "机关事业单位基本养老保险缴费支出", "住房公积金" };
  graphene_point_t before[G_N_ELEMENTS (codes)], after, grid_top;
  GtkWidget *cells[G_N_ELEMENTS (codes)], *offer;
  graphene_rect_t bar;
  GtkWidget *code_entry;

  bd_window_show_page (f->window, "schedule-3");
  bd_test_spin (100);
  bd_test_type_in_cell (table, "2210201", "基本支出", "457,984");
  bd_test_spin (100);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      cells[i] = find_descendant (GTK_WIDGET (table), is_cell_with_text, codes[i]);
      g_assert_nonnull (cells[i]);
      before[i] = window_point (f, cells[i]);
    }
  grid_top = window_point (f, GTK_WIDGET (table));
  g_assert_true (bd_table_view_commit (table, BD_MOVE_NONE));
  bd_test_spin (200);
  g_assert_cmpstr (bd_schedule_view_get_fill_offer (view), ==, "2210201");
  offer = find_of_type (GTK_WIDGET (view), GTK_TYPE_INFO_BAR);
  g_assert_nonnull (offer);
  g_assert_true (gtk_widget_get_mapped (offer));
  code_entry = find_descendant (GTK_WIDGET (view), is_entry, NULL);
  g_assert_nonnull (code_entry);
  bd_test_screenshot (GTK_WIDGET (f->window), "fill-offer-over-title");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_true (find_descendant (GTK_WIDGET (table), is_cell_with_text, codes[i]) == cells[i]);
      after = window_point (f, cells[i]);
      g_assert_cmpfloat (after.x, ==, before[i].x);
      g_assert_cmpfloat (after.y, ==, before[i].y);
    }
  g_assert_cmpfloat (window_point (f, GTK_WIDGET (table)).y, ==, grid_top.y);
  /* The bar covers no cell: it ends above the grid (and above the code
   * entry the clerk adds rows with). */
  g_assert_true (gtk_widget_compute_bounds (offer, GTK_WIDGET (f->window), &bar));
  g_assert_cmpfloat (bar.origin.y + bar.size.height, <=, grid_top.y);
  g_assert_cmpfloat (bar.origin.y + bar.size.height, <=, window_point (f, GTK_WIDGET (code_entry)).y);

  /* In a narrow window too: the question stays one line. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  bd_test_spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 1000);
  g_assert_true (gtk_widget_compute_bounds (offer, GTK_WIDGET (f->window), &bar));
  g_assert_cmpfloat (bar.origin.y + bar.size.height, <=, window_point (f, GTK_WIDGET (code_entry)).y);
  bd_test_screenshot (GTK_WIDGET (f->window), "fill-offer-narrow");
}

/* Schedule 1's 类 rows follow schedule 3: another figure is refused beside
 * the cell with where to type it, and nothing is stored. */
static void
test_computed_elsewhere (WindowFixture *f,
                         gconstpointer  data)
{
  BdTableView *table = bd_schedule_view_get_table (bd_window_get_schedule_view (f->window, 1));

  bd_window_show_page (f->window, "schedule-1");
  bd_test_spin (100);
  bd_test_type_in_cell (table, "221", "预算数", "457,984");
  g_assert_false (bd_table_view_commit (table, BD_MOVE_DOWN));
  g_assert_nonnull (strstr (bd_table_view_get_error (table), "schedule 3 (447,984.00 there)"));
  bd_test_screenshot (GTK_WIDGET (f->window), "computed-elsewhere");
  bd_table_view_cancel (table);
  g_assert_cmpint (window_fixture_stored (f, 1, "221", 0), ==, Y (447984, 0));
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);

  WINDOW_TEST ("/editor-offers/fix-all", test_fix_all);
  WINDOW_TEST ("/editor-offers/fill-offer", test_fill_offer);
  WINDOW_TEST ("/editor-offers/fill-offer-keeps-cells", test_fill_offer_keeps_cells);
  WINDOW_TEST ("/editor-offers/computed-elsewhere", test_computed_elsewhere);

  return g_test_run ();
}
