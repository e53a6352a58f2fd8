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

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/schedule-view/schedule-9-merged-header", test_schedule_9_merged_header);
  g_test_add_func ("/schedule-view/finalize", test_finalize);
  return g_test_run ();
}
