/* BdTableView: the schedule grid as a clerk uses it, each change read back
 * from the file. Figures of the seed are read from data/minhang-cityops-2024.md,
 * schedule 3 (部门支出预算总表) and 5 (一般公共预算支出功能分类预算表). */

#include <math.h>

#include "bd-generator.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"

static BdTableView *
show_table (WindowFixture *f,
            guint          schedule)
{
  g_autofree char *page = g_strdup_printf ("schedule-%u", schedule);
  BdTableView *view = bd_schedule_view_get_table (bd_window_get_schedule_view (f->window, schedule));

  bd_window_show_page (f->window, page);
  bd_test_spin (100);
  return view;
}

/* Schedule 3 columns: 0 合计 (sum), 1 基本支出, 2 项目支出. */
static void
assert_seed_208 (WindowFixture *f)
{
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (121500, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, Y (996397, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080506", 1), ==, Y (498198, 0));
}

static void
assert_pasted_208 (WindowFixture *f)
{
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (200000, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, Y (1000000, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080506", 1), ==, Y (500000, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 2), ==, 0);
  /* The rows after the block are untouched. */
  g_assert_cmpint (window_fixture_stored (f, 3, "2101102", 1), ==, Y (871850, 0));
}

/* The 208 group as the published layout has it (split codes, names, every
 * column), with new figures: 200,000 + 1,000,000 + 500,000 = 1,700,000. */
static const char published_208[] =
  "208\t\t\t社会保障和就业支出\t1,700,000.00\t1,700,000.00\t0\n"
  "208\t05\t\t行政事业单位养老支出\t1,700,000.00\t1,700,000.00\t0\n"
  "208\t05\t02\t事业单位离退休\t200,000.00\t200,000.00\t0\n"
  "208\t05\t05\t机关事业单位基本养老保险缴费支出\t1,000,000.00\t1,000,000.00\t0\n"
  "208\t05\t06\t机关事业单位职业年金缴费支出\t500,000.00\t500,000.00\t0\n";

static void
test_paste_published_block_at_lei (WindowFixture *f,
                                   gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);

  /* At the 类 row 208, in its 合计 cell, as a clerk clicks it. */
  g_assert_true (bd_table_view_select (view, "208", "合计"));
  g_assert_true (bd_table_view_paste_text (view, published_208));
  assert_pasted_208 (f);

  /* One step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_seed_208 (f);
}

/* The same block with the codes joined, pasted anywhere: placed by code. */
static void
test_paste_joined_codes_anywhere (WindowFixture *f,
                                  gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);

  g_assert_true (bd_table_view_select (view, "2210201", "项目支出"));
  g_assert_true (bd_table_view_paste_text (view,
    "208\t社会保障和就业支出\t1,700,000.00\t1,700,000.00\t0\n"
    "20805\t行政事业单位养老支出\t1,700,000.00\t1,700,000.00\t0\n"
    "2080502\t事业单位离退休\t200,000.00\t200,000.00\t0\n"
    "2080505\t机关事业单位基本养老保险缴费支出\t1,000,000.00\t1,000,000.00\t0\n"
    "2080506\t机关事业单位职业年金缴费支出\t500,000.00\t500,000.00\t0\n"));
  assert_pasted_208 (f);
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", 2), ==, 0);
}

/* The fault of issue 14.6: the figures of the published rows without their
 * codes, pasted at the 类 row, filled only the 项 rows, one and two rows off
 * (2080502 took 208's 1,700,000). Now line for line, as the table shows. */
static void
test_paste_figures_at_lei (WindowFixture *f,
                           gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);

  g_assert_true (bd_table_view_select (view, "208", "基本支出"));
  g_assert_true (bd_table_view_paste_text (view,
    "1,700,000.00\t0\n1,700,000.00\t0\n200,000.00\t0\n1,000,000.00\t0\n500,000.00\t0\n"));
  assert_pasted_208 (f);
}

/* A block the table refuses: where it is pasted, what the refusal names.
 * Nothing is stored: schedule 3 keeps the seed's 208. */
typedef struct
{
  const char *code;
  const char *column;
  const char *text;
  const char *error_part;
  gboolean    nothing_to_undo;  /* also asserted: the refusal left no step */
} RefusedPaste;

static const RefusedPaste refused_pastes[] = {
  /* Codes the schedule does not have: refused, saying which. */
  { "208", "合计",
    "2080502\t事业单位离退休\t200,000.00\t200,000.00\t0\n"
    "2010101\t行政运行\t8,000.00\t8,000.00\t0\n"
    "2010102\t一般行政管理事务\t1,000.00\t1,000.00\t0\n",
    "2010101、2010102", TRUE },
  /* Only computed rows: refused, naming them. */
  { "208", "合计",
    "208\t\t\t社会保障和就业支出\t1,700,000.00\t1,700,000.00\t0\n"
    "208\t05\t\t行政事业单位养老支出\t1,700,000.00\t1,700,000.00\t0\n",
    "208、20805", FALSE },
  /* Figures of 项 rows only, pasted at the 类 row: the first line would land
   * on 208, which is not their sum (1,000 ≠ 3,000 + 996,397 + 498,198):
   * refused, saying where it landed. */
  { "208", "基本支出", "1000\t0\n2000\t0\n3000\t0\n", "208 社会保障和就业支出", FALSE },
};

static void
test_paste_refused (WindowFixture *f,
                    gconstpointer  data)
{
  const RefusedPaste *paste = data;
  BdTableView *view = show_table (f, 3);

  g_assert_true (bd_table_view_select (view, paste->code, paste->column));
  g_assert_false (bd_table_view_paste_text (view, paste->text));
  g_assert_nonnull (strstr (bd_table_view_get_error (view), paste->error_part));
  assert_seed_208 (f);
  if (paste->nothing_to_undo)
    g_assert_false (bd_editor_can_undo (f->editor));
}


static void
assert_range (BdTableView *view,
              guint        top,
              guint        left,
              guint        bottom,
              guint        right)
{
  guint t, l, b, r;

  bd_table_view_get_range (view, &t, &l, &b, &r);
  g_assert_cmpuint (t, ==, top);
  g_assert_cmpuint (l, ==, left);
  g_assert_cmpuint (b, ==, bottom);
  g_assert_cmpuint (r, ==, right);
}

/* Schedule 3 of the seed as the table shows it: 208, 20805, 2080502,
 * 2080505, 2080506, 210, 21011, 2101102, 212, 21201, 2120199, 221, 22102,
 * 2210201, then 合计: 15 rows; 3 figure columns. */
#define ROWS_3 15

static void
test_range_with_shift (WindowFixture *f,
                       gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  GtkWidget *grid = bd_table_view_get_grid (view);
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GValue value = G_VALUE_INIT;

  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_range (view, 2, 1, 4, 2);

  /* The seed's 基本支出 and 项目支出 of 2080502, 2080505, 2080506. */
  text = bd_table_view_dup_range_text (view);
  g_assert_cmpstr (text, ==, "121500.00\t0.00\n996397.00\t0.00\n498198.00\t0.00\n");
  html = bd_table_view_dup_range_html (view);
  g_assert_nonnull (strstr (html, "<tr><td style=\"mso-number-format:'0\\.00'\" align=\"right\">121500.00</td>"));

  /* Ctrl+C puts both on the clipboard. */
  g_assert_true (bd_test_press_key (grid, GDK_KEY_c, GDK_CONTROL_MASK));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, text);
  g_value_unset (&value);

  /* A move without Shift leaves a single cell. */
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Up, 0));
  assert_range (view, 3, 2, 3, 2);
}

static void
test_select_all_copies_codes (WindowFixture *f,
                              gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  GtkWidget *grid = bd_table_view_get_grid (view);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (bd_table_view_select (view, "2120199", "项目支出"));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_a, GDK_CONTROL_MASK));
  assert_range (view, 0, 0, ROWS_3 - 1, 2);

  /* Whole rows go with their codes (in one cell) and names. */
  text = bd_table_view_dup_range_text (view);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, ROWS_3 + 1);
  g_assert_cmpstr (lines[0], ==, "208\t社会保障和就业支出\t1616095.00\t1616095.00\t0.00");
  g_assert_cmpstr (lines[2], ==, "2080502\t事业单位离退休\t121500.00\t121500.00\t0.00");
  g_assert_cmpstr (lines[ROWS_3 - 1], ==, "合计\t\t17722077.40\t10895602.40\t6826475.00");

  /* Pasted back anywhere, it lands by code: nothing changes. */
  g_assert_true (bd_table_view_select (view, "2210201", "基本支出"));
  g_assert_true (bd_table_view_paste_text (view, text));
  g_assert_cmpint (window_fixture_stored (f, 3, "2120199", 2), ==, Y (6826475, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", 1), ==, Y (447984, 0));
  assert_seed_208 (f);
}

static void
test_delete_clears_range (WindowFixture *f,
                          gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  GtkWidget *grid = bd_table_view_get_grid (view);

  /* From the 款 row 20805 down to 2080506, both typed columns. */
  g_assert_true (bd_table_view_select (view, "20805", "基本支出"));
  for (guint i = 0; i < 3; i++)
    g_assert_true (bd_test_press_key (grid, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_End, GDK_SHIFT_MASK));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Delete, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, 0);
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, 0);
  g_assert_cmpint (window_fixture_stored (f, 3, "2080506", 1), ==, 0);
  g_assert_cmpint (window_fixture_stored (f, 3, "2101102", 1), ==, Y (871850, 0));

  /* One step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_seed_208 (f);
  g_assert_false (bd_editor_can_undo (f->editor));
}

static void
test_page_and_home_keys (WindowFixture *f,
                         gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  GtkWidget *grid = bd_table_view_get_grid (view);
  guint position, column;

  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_End, GDK_CONTROL_MASK));
  bd_table_view_get_current (view, &position, &column);
  g_assert_cmpuint (position, ==, ROWS_3 - 1);
  g_assert_cmpuint (column, ==, 2);
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Home, 0));
  bd_table_view_get_current (view, &position, &column);
  g_assert_cmpuint (column, ==, 0);
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Home, GDK_CONTROL_MASK));
  bd_table_view_get_current (view, &position, &column);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (bd_test_press_key (grid, GDK_KEY_End, 0));
  bd_table_view_get_current (view, &position, &column);
  g_assert_cmpuint (column, ==, 2);

  /* A page down moves by the rows in sight, a page up comes back. */
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Page_Down, 0));
  bd_table_view_get_current (view, &position, NULL);
  g_assert_cmpuint (position, >, 1);
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Page_Up, 0));
  bd_table_view_get_current (view, &position, NULL);
  g_assert_cmpuint (position, ==, 0);
}

/* A figure typed, then a click elsewhere: stored as on Enter. */
static void
test_cell_stored_on_focus_loss (WindowFixture *f,
                                gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);

  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_table_view_begin_edit (view, "123456"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  bd_test_spin (50);
  g_assert_false (bd_table_view_is_editing (view));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (123456, 0));
}

/* Typed, then another page or the window closed (Ctrl+W): stored. */
static void
test_cell_stored_on_page_change_and_close (WindowFixture *f,
                                           gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);

  g_assert_true (bd_table_view_select (view, "2080502", "基本支出"));
  g_assert_true (bd_table_view_begin_edit (view, "1000"));
  bd_window_show_page (f->window, "schedule-5");
  bd_test_spin (50);
  g_assert_cmpint (window_fixture_stored (f, 3, "2080502", 1), ==, Y (1000, 0));

  view = show_table (f, 3);
  g_assert_true (bd_table_view_select (view, "2080505", "基本支出"));
  g_assert_true (bd_table_view_begin_edit (view, "2000"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  bd_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, Y (2000, 0));
}


static gboolean
is_visible_entry (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_visible (widget);
}

/* The "computed" hint goes on Esc, on a move and on a click elsewhere. */
static void
test_computed_hint_closes (WindowFixture *f,
                           gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  GtkWidget *grid = bd_table_view_get_grid (view);

  g_assert_true (bd_table_view_select (view, "208", "基本支出"));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_5, 0));
  g_assert_nonnull (bd_table_view_get_error (view));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Escape, 0));
  g_assert_null (bd_table_view_get_error (view));

  g_assert_true (bd_test_press_key (grid, GDK_KEY_5, 0));
  g_assert_nonnull (bd_table_view_get_error (view));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_Down, 0));
  g_assert_null (bd_table_view_get_error (view));

  g_assert_true (bd_test_press_key (grid, GDK_KEY_Up, 0));
  g_assert_true (bd_test_press_key (grid, GDK_KEY_5, 0));
  g_assert_nonnull (bd_table_view_get_error (view));
  /* A click into the code entry above the table. */
  g_assert_true (gtk_widget_grab_focus (find_descendant (gtk_widget_get_ancestor (GTK_WIDGET (view), BD_TYPE_SCHEDULE_VIEW), is_visible_entry, NULL)));
  bd_test_spin (50);
  g_assert_null (bd_table_view_get_error (view));
}

/* A figure being typed while a change elsewhere adds rows above it (201,
 * 20101, 2010101 before 208): it still goes to its own row. */
static void
test_typed_cell_follows_its_row (WindowFixture *f,
                                 gconstpointer  data)
{
  BdTableView *view = show_table (f, 3);
  g_autoptr(GError) error = NULL;
  guint position;

  g_assert_true (bd_table_view_select (view, "2080505", "基本支出"));
  g_assert_true (bd_table_view_begin_edit (view, "777"));
  g_assert_true (bd_editor_add_row (f->editor, 3, "2010101", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bd_table_view_is_editing (view));
  bd_table_view_get_current (view, &position, NULL);
  g_assert_cmpuint (position, ==, 3 + 3);
  g_assert_true (bd_table_view_commit (view, BD_MOVE_NONE));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080505", 1), ==, Y (777, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2010101", 1), ==, 0);
}

/* A wheel click on @scroller, handed to its scroll controllers as GTK
 * does: those of the capture phase first; the first that takes it ends it. */
static void
wheel_click (GtkWidget *scroller)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scroller);

  for (guint phase = 0; phase < 2; phase++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
            || (gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE) != (phase == 0))
          continue;
        g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
        if (handled)
          return;
      }
}

/* The GTK 4.8 list jump: a burst of 40 wheel clicks from the top of a
 * 13,000-row schedule 3 landed on its last rows. Each click scrolls
 * page^(2/3) pixels, as GtkScrolledWindow has it: 40 of them stay within
 * the first rows. Then typing edits the current cell, brought back into
 * sight. */
static void
test_wheel_burst_on_large_schedule (void)
{
  g_autoptr(BdDocument) doc = bd_generate_document (13000, 2024);
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  BdWindow *window = g_object_ref_sink (bd_window_new (NULL, editor));
  BdSchedule *schedule = bd_document_get_schedule (doc, 3);
  BdTableView *view;
  GtkWidget *grid, *scroller, *focus;
  GtkAdjustment *adjustment;
  double step, top;
  graphene_rect_t bounds;
  BdRow *row = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  bd_window_show_page (window, "schedule-3");
  bd_test_spin (500);
  view = bd_schedule_view_get_table (bd_window_get_schedule_view (window, 3));
  grid = bd_table_view_get_grid (view);
  scroller = gtk_widget_get_parent (grid);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* `budgetdesk-cli generate --rows 13000` spreads them over schedules 2,
   * 3 and 5: schedule 3 has over 4,000. */
  g_assert_cmpuint (schedule->rows->len, >, 4000);
  /* The current cell: the first typed column of the first leaf row. */
  for (guint i = 0; i < schedule->rows->len && (row == NULL || !row->is_leaf); i++)
    row = g_ptr_array_index (schedule->rows, i);
  g_assert_true (bd_table_view_select (view, row->code, "基本支出"));
  bd_test_spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, gtk_adjustment_get_page_size (adjustment));

  step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  for (guint i = 0; i < 40; i++)
    wheel_click (scroller);
  /* The list moves in the next frame, and a jump would come in the frames
   * after it: wait for the move, then a few frames more. */
  for (guint i = 0; i < 100 && gtk_adjustment_get_value (adjustment) == 0; i++)
    bd_test_spin (50);
  bd_test_spin (500);
  top = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (top, >, 39 * step);
  g_assert_cmpfloat (top, <, 41 * step);

  /* Typing: the entry lies over the current cell, in sight. */
  g_assert_true (bd_table_view_begin_edit (view, "7"));
  /* The list lays the row out again on frames to come: a loaded machine
   * takes longer, so wait for it (up to 10 s) rather than a fixed time. */
  for (guint tries = 0; tries < 100; tries++)
    {
      bd_test_spin (100);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && gtk_widget_compute_bounds (focus, scroller, &bounds) && bounds.origin.y >= 0)
        break;
    }
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_compute_bounds (focus, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_adjustment_get_page_size (adjustment));
  g_assert_true (bd_table_view_commit (view, BD_MOVE_NONE));
  g_assert_cmpint (row->values[1], ==, Y (7, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_finalize (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  GtkWidget *view = g_object_ref_sink (bd_table_view_new (editor, 3, BD_TABLE_ROWS));
  GtkWidget *schedule = g_object_ref_sink (bd_schedule_view_new (editor, 4));

  g_assert_finalize_object (view);
  g_assert_finalize_object (schedule);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);

  WINDOW_TEST ("/table-view/paste-published-block-at-lei", test_paste_published_block_at_lei);
  WINDOW_TEST ("/table-view/paste-joined-codes-anywhere", test_paste_joined_codes_anywhere);
  WINDOW_TEST ("/table-view/paste-figures-at-lei", test_paste_figures_at_lei);
#define REFUSED_TEST(path, i) \
  g_test_add (path, WindowFixture, &refused_pastes[i], window_fixture_set_up, test_paste_refused, window_fixture_tear_down)
  REFUSED_TEST ("/table-view/paste-unknown-codes-refused", 0);
  REFUSED_TEST ("/table-view/paste-computed-rows-refused", 1);
  REFUSED_TEST ("/table-view/paste-misaligned-refused", 2);
#undef REFUSED_TEST
  WINDOW_TEST ("/table-view/range-with-shift", test_range_with_shift);
  WINDOW_TEST ("/table-view/select-all-copies-codes", test_select_all_copies_codes);
  WINDOW_TEST ("/table-view/delete-clears-range", test_delete_clears_range);
  WINDOW_TEST ("/table-view/page-and-home-keys", test_page_and_home_keys);
  WINDOW_TEST ("/table-view/cell-stored-on-focus-loss", test_cell_stored_on_focus_loss);
  WINDOW_TEST ("/table-view/cell-stored-on-page-change-and-close", test_cell_stored_on_page_change_and_close);
  WINDOW_TEST ("/table-view/computed-hint-closes", test_computed_hint_closes);
  WINDOW_TEST ("/table-view/typed-cell-follows-its-row", test_typed_cell_follows_its_row);
  g_test_add_func ("/table-view/wheel-burst-on-large-schedule", test_wheel_burst_on_large_schedule);
  g_test_add_func ("/table-view/finalize", test_finalize);

  return g_test_run ();
}
