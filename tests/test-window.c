/* The window, through its widgets: badges as the checker counts them, a cell
 * edited as the keys edit it, undo, paste, and a refused value. Runs under
 * xvfb-run with GSK_RENDERER=cairo. */

#include "bd-application.h"
#include "bd-form-editor.h"
#include "bd-section-view.h"
#include "bd-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  BdEditor *editor;
  BdWindow *window;
} Fixture;

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bd-window-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "cityops.budget", NULL);
  g_assert_true (bd_store_save_as (seed, f->path, &error));
  store = bd_store_open (f->path, BD_STORE_OPEN_DEFAULT, &error);
  doc = bd_store_load (store, &error);
  g_assert_no_error (error);
  f->editor = bd_editor_new (doc, store);
  f->window = bd_window_new (NULL, f->editor);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->editor);
  spin (50);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
stored (Fixture    *f,
        guint       schedule,
        const char *code,
        guint       column)
{
  return bd_test_stored (f->path, schedule, code, column);
}

static BdTableView *
table (Fixture *f,
       guint    schedule)
{
  return bd_schedule_view_get_table (bd_window_get_schedule_view (f->window, schedule));
}

static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  /* What budgetdesk-cli validate reports for the seed: 2 errors on
   * schedule 1, 2 on schedule 4, 1 warning on the forms. */
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "2");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
  g_assert_cmpstr (bd_window_get_badge (f->window, "performance"), ==, "1");
  for (guint s = 2; s <= 9; s++)
    {
      g_autofree char *page = g_strdup_printf ("schedule-%u", s);
      if (s != 4)
        g_assert_cmpstr (bd_window_get_badge (f->window, page), ==, "✓");
    }
  g_assert_cmpstr (bd_window_get_badge (f->window, "narrative"), ==, "✓");
  g_assert_cmpuint (bd_window_get_n_findings_shown (f->window), ==, 5);
}

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  BdTableView *view = table (f, 1);
  guint position, column;

  bd_window_show_page (f->window, "schedule-1");
  g_assert_true (bd_table_view_select (view, "208", "预算数"));
  bd_table_view_get_current (view, &position, NULL);

  /* Typing "1" starts editing, as a key press would; the rest is typed. */
  g_assert_true (bd_table_view_begin_edit (view, "1"));
  bd_table_view_set_edit_text (view, "1,616,095.00");
  g_assert_true (bd_table_view_commit (view, BD_MOVE_DOWN));
  g_assert_cmpint (stored (f, 1, "208", 0), ==, Y (1616095, 0));
  /* Enter moved down, to 210. */
  bd_table_view_get_current (view, &column, NULL);
  g_assert_cmpuint (column, ==, position + 1);

  g_assert_true (bd_table_view_select (view, "212", "预算数"));
  g_assert_true (bd_table_view_begin_edit (view, "14786148.4"));
  g_assert_true (bd_table_view_commit (view, BD_MOVE_RIGHT));
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 40));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "✓");
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-4"), ==, "2");
  spin (50);

  /* Ctrl+Z, as the window's action. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 0));
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-1"), ==, "2");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "redo", NULL);
  g_assert_cmpint (stored (f, 1, "212", 0), ==, Y (14786148, 40));
}

static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  BdTableView *view = table (f, 3);
  g_autofree char *shown = NULL;

  bd_window_show_page (f->window, "schedule-3");
  spin (100);
  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_table_view_paste_text (view, "1,000.00\t10\n2000\t20\n"));
  g_assert_cmpint (stored (f, 3, "2080502", 1), ==, Y (1000, 0));
  g_assert_cmpint (stored (f, 3, "2080502", 2), ==, Y (10, 0));
  g_assert_cmpint (stored (f, 3, "2080505", 1), ==, Y (2000, 0));
  g_assert_cmpint (stored (f, 3, "2080505", 2), ==, Y (20, 0));
  /* The 款 row above them shows its new sum: 1,000 + 10 + 2,000 + 20 + 498,198. */
  shown = bd_table_view_dup_cell_text (view, 1, 0);
  g_assert_cmpstr (shown, ==, "501,228.00");
  /* Schedules 2 and 3 now disagree on both rows. */
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-3"), !=, "✓");

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_assert_cmpint (stored (f, 3, "2080502", 1), ==, Y (121500, 0));
  g_assert_cmpint (stored (f, 3, "2080505", 2), ==, 0);
  g_assert_cmpstr (bd_window_get_badge (f->window, "schedule-3"), ==, "✓");
}

static void
test_refused_value (Fixture       *f,
                    gconstpointer  data)
{
  BdTableView *view = table (f, 3);

  bd_window_show_page (f->window, "schedule-3");
  spin (100);
  g_assert_true (bd_table_view_select (view, "2210201", "基本支出"));
  g_assert_true (bd_table_view_begin_edit (view, "4"));
  bd_table_view_set_edit_text (view, "447,98４a");
  g_assert_false (bd_table_view_commit (view, BD_MOVE_DOWN));
  /* The reason stands beside the cell, the cell is still being typed in,
   * and nothing was stored. */
  g_assert_nonnull (bd_table_view_get_error (view));
  g_assert_nonnull (strstr (bd_table_view_get_error (view), "a"));
  g_assert_true (bd_table_view_is_editing (view));
  g_assert_cmpint (stored (f, 3, "2210201", 1), ==, Y (447984, 0));
  g_assert_false (bd_editor_can_undo (f->editor));

  bd_table_view_cancel (view);
  g_assert_false (bd_table_view_is_editing (view));

  /* A computed cell does not start editing. */
  g_assert_true (bd_table_view_select (view, "221", "基本支出"));
  g_assert_false (bd_table_view_begin_edit (view, "1"));
  g_assert_nonnull (bd_table_view_get_error (view));
}

static void
test_add_and_remove_row (Fixture       *f,
                         gconstpointer  data)
{
  BdScheduleView *schedule_view = bd_window_get_schedule_view (f->window, 2);
  BdTableView *view = bd_schedule_view_get_table (schedule_view);
  guint position;

  bd_window_show_page (f->window, "schedule-2");
  spin (100);
  /* Typed into the code entry: the row and its 类 and 款 appear. */
  g_assert_true (bd_schedule_view_add_row (schedule_view, "2010101 行政运行"));
  spin (100);
  bd_table_view_get_current (view, &position, NULL);
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (bd_table_view_begin_edit (view, "8"));
  bd_table_view_set_edit_text (view, "8000");
  g_assert_true (bd_table_view_commit (view, BD_MOVE_NONE));
  g_assert_cmpint (stored (f, 2, "2010101", 1), ==, Y (8000, 0));
  spin (100);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  spin (100);
  g_assert_null (bd_schedule_find_row (bd_document_get_schedule (bd_editor_get_document (f->editor), 2), "201"));
}

static void
test_other_figures_as_fields (Fixture       *f,
                              gconstpointer  data)
{
  BdSectionView *other = BD_SECTION_VIEW (bd_window_get_page (f->window, "other"));
  BdDocument *doc = bd_editor_get_document (f->editor);

  bd_window_show_page (f->window, "other");
  spin (100);
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "✓");
  /* 公务接待费 1.00 万元 typed as 1.20: the text says so, and it now
   * disagrees with schedule 9. */
  g_assert_true (bd_section_view_set_field (other, "other.sangong.reception", "1.2"));
  g_assert_nonnull (strstr (g_ptr_array_index (bd_document_get_section (doc, "other")->paragraphs, 4),
                            "公务接待费1.20万元"));
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "1");
  g_assert_false (bd_section_view_set_field (other, "other.sangong.reception", "1.2x"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_assert_cmpstr (bd_window_get_badge (f->window, "other"), ==, "✓");
}

static void
test_form_editor (Fixture       *f,
                  gconstpointer  data)
{
  BdFormEditor *forms = BD_FORM_EDITOR (bd_window_get_page (f->window, "performance"));
  static const char * const categories[11][2] = {
    { "成本指标", "经济成本指标" }, { "成本指标", "经济成本指标" }, { "产出指标", "数量指标" },
    { "产出指标", "数量指标" }, { "产出指标", "质量指标" }, { "产出指标", "时效指标" },
    { "效益指标", "经济效益指标" }, { "效益指标", "社会效益指标" }, { "效益指标", "社会效益指标" },
    { "效益指标", "可持续影响指标" }, { "满意度指标", "服务对象满意度指标" },
  };

  bd_window_show_page (f->window, "performance");
  spin (100);
  /* The seed's 11 indicators, the two shifted rows in their places. */
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (forms), ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      g_assert_cmpstr (bd_form_editor_get_row_category (forms, i, FALSE), ==, categories[i][0]);
      g_assert_cmpstr (bd_form_editor_get_row_category (forms, i, TRUE), ==, categories[i][1]);
      g_assert_null (bd_form_editor_get_row_finding (forms, i));
    }

  /* A ceiling of 4,830,048.00 元 on the cost indicator: flagged on its row. */
  g_assert_true (bd_form_editor_set_target (forms, 0, "≤", "4830048.00", "元"));
  spin (50);
  g_assert_nonnull (bd_form_editor_get_row_finding (forms, 0));
  g_assert_nonnull (strstr (bd_form_editor_get_row_finding (forms, 0), "4,630,048.00"));
  /* A value with three decimals is refused beside the row, nothing stored. */
  g_assert_false (bd_form_editor_set_target (forms, 2, "=", "32.001", "人"));

  /* The satisfaction indicator removed: 满意度指标 is missing. */
  g_assert_true (bd_form_editor_remove_row (forms, 10));
  spin (50);
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (forms), ==, 10);
  g_assert_nonnull (bd_form_editor_get_tree_finding (forms));
  g_assert_nonnull (strstr (bd_form_editor_get_tree_finding (forms), "满意度指标"));

  /* Undo restores both. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  spin (50);
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (forms), ==, 11);
  g_assert_null (bd_form_editor_get_tree_finding (forms));
  g_assert_null (bd_form_editor_get_row_finding (forms, 0));
}

int
main (int    argc,
      char **argv)
{
  /* No session bus under xvfb-run: without this the accessibility bridge
   * warns, and a test's warnings are fatal. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/badges", test_badges);
  ADD ("/window/edit-and-undo", test_edit_and_undo);
  ADD ("/window/paste", test_paste);
  ADD ("/window/refused-value", test_refused_value);
  ADD ("/window/add-and-remove-row", test_add_and_remove_row);
  ADD ("/window/other-figures-as-fields", test_other_figures_as_fields);
  ADD ("/window/form-editor", test_form_editor);
#undef ADD

  return g_test_run ();
}
