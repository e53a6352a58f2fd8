/* The performance-goal form editor (绩效目标表), through its widgets as the
 * keys and the mouse drive them, with every verdict read back from the file
 * by a second, read-only opening: what the clerk typed is stored on every way
 * out of a field, in the form it was typed for, and nothing else changes.
 * Runs under xvfb-run with GSK_RENDERER=cairo.
 *
 * The values asserted are the seed's form (data/minhang-cityops-2024.md,
 * 七、绩效目标): 政府雇员, 其中：财政资金 4,630,048.00, indicators 成本指标 ·
 * 政府雇员成本预算控制数 ≤4630048.00(元), 雇员薪酬标准合理性 合理 (定性),
 * 聘用文职（含社保）雇员数量 =32.00(人), 承办热线案件量 >100.00(万件). A
 * second form is added by the fixture: the editor's new form, named
 * "New project" (untranslated under LC_ALL=C.UTF-8), every amount 0. */

#include "bd-form-editor.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"

#define SEED_FISCAL Y (4630048, 0)

typedef struct {
  WindowFixture  base;
  BdFormEditor  *forms;
} Fixture;

#define spin bd_test_spin

/* Runs the main loop until the window has drawn two more frames, so that
 * what was changed is laid out and on screen (waited for, not timed: at
 * most 10 s). */
static void
wait_for_frames (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->base.window));
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < frame + 2 && g_get_monotonic_time () < end)
    {
      gtk_widget_queue_draw (GTK_WIDGET (f->base.window));
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
show_forms (Fixture *f)
{
  bd_window_show_page (f->base.window, "performance");
  f->forms = BD_FORM_EDITOR (bd_window_get_page (f->base.window, "performance"));
  spin (100);
}

static gboolean
window_open (Fixture *f)
{
  return gtk_widget_get_visible (GTK_WIDGET (f->base.window));
}

/* A new window on the same editor, the last one closed and let go. */
static void
reopen_window (Fixture *f)
{
  g_assert_false (window_open (f));
  g_assert_finalize_object (f->base.window);
  f->base.window = g_object_ref_sink (bd_window_new (NULL, f->base.editor));
  gtk_window_set_default_size (GTK_WINDOW (f->base.window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->base.window));
  spin (200);
  show_forms (f);
}

/* The seed's window with a second form, "New project", added. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  window_fixture_set_up (&f->base, data);
  g_assert_true (bd_editor_add_project (f->base.editor, NULL, &error));
  show_forms (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  window_fixture_tear_down (&f->base, data);
}

/* The document as the file holds it. */
static BdDocument *
stored (Fixture *f)
{
  BdDocument *doc = bd_test_open (f->base.path, BD_STORE_OPEN_READ_ONLY, NULL);

  g_assert_cmpuint (doc->projects->len, ==, 2);
  return doc;
}

static BdProject *
project_of (BdDocument *doc,
            guint       index)
{
  return g_ptr_array_index (doc->projects, index);
}

static BdIndicator *
indicator_of (BdDocument *doc,
              guint       index,
              guint       row)
{
  return g_ptr_array_index (project_of (doc, index)->indicators, row);
}

/* A click on a form in the list, in the order GtkListBox handles it: the
 * row is selected, then it takes the focus. */
static void
click_form (Fixture *f,
            guint    index)
{
  GtkListBox *list = bd_form_editor_get_project_list (f->forms);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  gtk_list_box_select_row (list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  spin (50);
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
text_of (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static GtkWidget *
field (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = bd_form_editor_get_field_widget (f->forms, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
indicator (Fixture    *f,
           guint       row,
           const char *part)
{
  GtkWidget *widget = bd_form_editor_get_indicator_widget (f->forms, row, part);

  g_assert_nonnull (widget);
  return widget;
}

/* The seed's indicator tree, the findings beside its rows, and undo (moved
 * here from tests/test-window.c). */
static void
test_indicator_tree (Fixture       *f,
                     gconstpointer  data)
{
  BdFormEditor *forms = f->forms;
  static const char * const categories[11][2] = {
    { "成本指标", "经济成本指标" }, { "成本指标", "经济成本指标" }, { "产出指标", "数量指标" },
    { "产出指标", "数量指标" }, { "产出指标", "质量指标" }, { "产出指标", "时效指标" },
    { "效益指标", "经济效益指标" }, { "效益指标", "社会效益指标" }, { "效益指标", "社会效益指标" },
    { "效益指标", "可持续影响指标" }, { "满意度指标", "服务对象满意度指标" },
  };

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
  g_assert_nonnull (bd_form_editor_get_row_finding (forms, 0));
  g_assert_nonnull (strstr (bd_form_editor_get_row_finding (forms, 0), "4,630,048.00"));
  /* A value with three decimals is refused beside the row, nothing stored. */
  g_assert_false (bd_form_editor_set_target (forms, 2, "=", "32.001", "人"));

  /* The satisfaction indicator removed: 满意度指标 is missing. */
  g_assert_true (bd_form_editor_remove_row (forms, 10));
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (forms), ==, 10);
  g_assert_nonnull (bd_form_editor_get_tree_finding (forms));
  g_assert_nonnull (strstr (bd_form_editor_get_tree_finding (forms), "满意度指标"));

  /* Undo restores both. */
  gtk_widget_activate_action (GTK_WIDGET (f->base.window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->base.window), "win.undo", NULL);
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (forms), ==, 11);
  g_assert_null (bd_form_editor_get_tree_finding (forms));
  g_assert_null (bd_form_editor_get_row_finding (forms, 0));
}

/* 14.1: a field focused in one form and another form clicked in the list. */
static void
test_form_change_commits_first (Fixture       *f,
                                gconstpointer  data)
{
  /* The new form shown, its 其中：财政资金 (0.00) focused, nothing typed:
   * the seed's form clicked keeps its 4,630,048.00. */
  click_form (f, 1);
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "0.00");
  g_assert_true (gtk_widget_grab_focus (field (f, "fiscal_funds")));
  click_form (f, 0);
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "4,630,048.00");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpint (project_of (doc, 0)->fiscal_funds, ==, SEED_FISCAL);
    g_assert_cmpint (project_of (doc, 1)->fiscal_funds, ==, 0);
  }

  /* A name typed in the seed's form, the new form clicked: the name goes
   * to the seed's form, the new form keeps its own. */
  type_into (field (f, "name"), "政府雇员项目");
  click_form (f, 1);
  g_assert_cmpstr (text_of (field (f, "name")), ==, "New project");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (project_of (doc, 0)->name, ==, "政府雇员项目");
    g_assert_cmpstr (project_of (doc, 1)->name, ==, "New project");
  }

  /* An amount typed in the new form, the seed's form clicked. */
  type_into (field (f, "fiscal_funds"), "1000");
  click_form (f, 0);
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpint (project_of (doc, 0)->fiscal_funds, ==, SEED_FISCAL);
    g_assert_cmpint (project_of (doc, 1)->fiscal_funds, ==, Y (1000, 0));
  }
}

/* An amount refused: the form stays on screen with what was typed, until
 * it is corrected. */
static void
test_refused_amount_keeps_its_form (Fixture       *f,
                                    gconstpointer  data)
{
  GtkListBox *list = bd_form_editor_get_project_list (f->forms);

  type_into (field (f, "fiscal_funds"), "4,630,048.001");
  g_signal_emit_by_name (field (f, "fiscal_funds"), "activate");
  g_assert_true (gtk_widget_has_css_class (field (f, "fiscal_funds"), "error"));
  g_assert_nonnull (strstr (bd_form_editor_get_funds_finding (f->forms), "其中：财政资金"));
  click_form (f, 1);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "政府雇员");
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "4,630,048.001");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpint (project_of (doc, 0)->fiscal_funds, ==, SEED_FISCAL);
    g_assert_cmpint (project_of (doc, 1)->fiscal_funds, ==, 0);
  }

  /* Nor does the window close on it. */
  gtk_window_close (GTK_WINDOW (f->base.window));
  spin (20);
  g_assert_true (window_open (f));
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "4,630,048.001");

  /* Esc drops it: the stored value again, and the window may close. */
  g_assert_true (press_escape (field (f, "fiscal_funds")));
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "4,630,048.00");
  g_assert_false (gtk_widget_has_css_class (field (f, "fiscal_funds"), "error"));
  g_assert_null (bd_form_editor_get_funds_finding (f->forms));

  type_into (field (f, "fiscal_funds"), "4630048.5");
  g_signal_emit_by_name (field (f, "fiscal_funds"), "activate");
  g_assert_false (gtk_widget_has_css_class (field (f, "fiscal_funds"), "error"));
  g_assert_cmpstr (text_of (field (f, "fiscal_funds")), ==, "4,630,048.50");
  click_form (f, 1);
  g_assert_cmpstr (text_of (field (f, "name")), ==, "New project");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpint (project_of (doc, 0)->fiscal_funds, ==, Y (4630048, 50));
    g_assert_cmpint (project_of (doc, 1)->fiscal_funds, ==, 0);
  }
}

/* The list's and the rows' actions, each after storing what was typed. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *forms = GTK_WIDGET (f->forms);

  /* A name typed, then 复制: the name is stored first, the copy takes it,
   * stays a 2024 form and is shown. */
  type_into (field (f, "name"), "政府雇员项目");
  g_assert_true (gtk_widget_activate_action (forms, "forms.duplicate", NULL));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "政府雇员项目 (copy)");
  g_assert_cmpstr (text_of (field (f, "start_date")), ==, "2024-01-01");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BdStore) store = bd_store_open (f->base.path, BD_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(BdDocument) doc = bd_store_load (store, &error);

    g_assert_cmpuint (doc->projects->len, ==, 3);
    g_assert_cmpstr (project_of (doc, 0)->name, ==, "政府雇员项目");
    g_assert_cmpstr (project_of (doc, 1)->name, ==, "政府雇员项目 (copy)");
    g_assert_cmpint (project_of (doc, 1)->fiscal_funds, ==, SEED_FISCAL);
    g_assert_cmpstr (project_of (doc, 2)->name, ==, "New project");
  }
  /* Moved down below the new form, then removed: the list as it was. */
  g_assert_true (gtk_widget_activate_action (forms, "forms.move-down", NULL));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "政府雇员项目 (copy)");
  g_assert_true (gtk_widget_activate_action (forms, "forms.remove", NULL));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "New project");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (project_of (doc, 0)->name, ==, "政府雇员项目");
    g_assert_cmpstr (project_of (doc, 1)->name, ==, "New project");
  }

  /* The seed's first two indicators swapped by the first row's ↓. */
  click_form (f, 0);
  g_assert_true (gtk_widget_activate_action (forms, "forms.move-indicator-down", "u", 0));
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (indicator_of (doc, 0, 0)->name, ==, "雇员薪酬标准合理性");
    g_assert_cmpstr (indicator_of (doc, 0, 1)->name, ==, "政府雇员成本预算控制数");
  }
  g_assert_cmpstr (text_of (indicator (f, 0, "name")), ==, "雇员薪酬标准合理性");
  g_assert_true (gtk_widget_activate_action (forms, "forms.remove-indicator", "u", 0));
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (f->forms), ==, 10);
  g_assert_cmpstr (text_of (indicator (f, 0, "name")), ==, "政府雇员成本预算控制数");
}

/* A form new-year carried over shows so, with 标记为已审阅: the action
 * clears the flag, stored; undo brings it back; typing in the form reviews
 * it as well. */
static void
test_mark_reviewed (Fixture       *f,
                    gconstpointer  data)
{
  BdDocument *doc = bd_editor_get_document (f->base.editor);
  GtkWidget *bar = bd_form_editor_get_review_bar (f->forms);
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_widget_get_visible (bar));
  /* As new-year leaves the seed's form (tests/test-new-year.c). */
  project_of (doc, 0)->to_review = TRUE;
  g_assert_true (bd_store_save_projects (bd_editor_get_store (f->base.editor), doc, &error));
  g_assert_no_error (error);
  click_form (f, 1);
  g_assert_false (gtk_widget_get_visible (bar));
  click_form (f, 0);
  g_assert_true (gtk_widget_get_visible (bar));
  wait_for_frames (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->forms), "forms.mark-reviewed", NULL));
  g_assert_false (gtk_widget_get_visible (bar));
  {
    g_autoptr(BdDocument) file = stored (f);
    g_assert_false (project_of (file, 0)->to_review);
  }
  g_assert_true (bd_editor_undo (f->base.editor, &error));
  spin (50);
  g_assert_true (gtk_widget_get_visible (bar));
  {
    g_autoptr(BdDocument) file = stored (f);
    g_assert_true (project_of (file, 0)->to_review);
  }

  /* The clerk's own change of the form reviews it too. */
  type_into (field (f, "implementer"), "上海市闵行区城市运行管理中心本部");
  g_assert_true (bd_form_editor_commit_pending (f->forms));
  spin (50);
  g_assert_false (gtk_widget_get_visible (bar));
  {
    g_autoptr(BdDocument) file = stored (f);
    g_assert_false (project_of (file, 0)->to_review);
    g_assert_cmpstr (project_of (file, 0)->implementer, ==, "上海市闵行区城市运行管理中心本部");
  }
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A finding activated shows its form and what it is about. */
static void
test_show_finding (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* 上年结转资金 100.00 on the seed's form: 年度资金申请总额 4,630,048.00 no
   * longer adds up (rule form-funds names the field by its label). */
  g_assert_true (bd_editor_set_project_amount (f->base.editor, 0, "carryover", "100", &error));
  click_form (f, 1);
  g_assert_true (bd_form_editor_show_finding (f->forms, "政府雇员", "年度资金申请总额"));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "政府雇员");
  g_assert_true (has_focus_within (field (f, "annual_total")));

  /* An indicator by its name. */
  g_assert_true (bd_form_editor_show_finding (f->forms, "政府雇员", "管理人员满意度"));
  g_assert_true (has_focus_within (indicator (f, 10, "name")));

  /* The new form has no indicator under 成本指标: its 添加指标 menu. */
  g_assert_true (bd_form_editor_show_finding (f->forms, "New project", "成本指标"));
  g_assert_cmpstr (text_of (field (f, "name")), ==, "New project");
  g_assert_true (has_focus_within (GTK_WIDGET (bd_form_editor_get_add_indicator_button (f->forms))));
  g_assert_false (bd_form_editor_show_finding (f->forms, "没有的项目", NULL));
}

/* 计划完成日期 picked from its calendar: it opens on the stored 2024-12-31,
 * and the day picked is stored. */
static void
test_date_picker (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *pick = gtk_widget_get_next_sibling (field (f, "end_date"));
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 11, 30, 0, 0, 0);

  g_assert_true (GTK_IS_MENU_BUTTON (pick));
  gtk_menu_button_popup (GTK_MENU_BUTTON (pick));
  wait_for_frames (f);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (pick));
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 31);
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (project_of (doc, 0)->end_date, ==, "2024-12-31");
  }

  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  gtk_popover_popdown (popover);
  g_assert_cmpstr (text_of (field (f, "end_date")), ==, "2024-11-30");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (project_of (doc, 0)->end_date, ==, "2024-11-30");
  }
}

/* The item of the 添加指标 menu that reads @text, found as the clerk sees
 * it: a clickable widget whose label says so. */
static GtkWidget *
find_item (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_item (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
clickable_ancestor (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_signal_lookup ("clicked", G_OBJECT_TYPE (widget)) != 0)
      return widget;
  return NULL;
}

static GtkAdjustment *
form_scroll (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (field (f, "name"), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* 14.4: 添加指标 from the category menu. */
static void
test_add_indicator_from_menu (Fixture       *f,
                              gconstpointer  data)
{
  GtkMenuButton *button = bd_form_editor_get_add_indicator_button (f->forms);
  GtkAdjustment *scroll = form_scroll (f);
  GtkWidget *popover, *item;
  double at;

  /* Scrolled down to the menu, as the clerk is when using it, once the
   * form is laid out. */
  wait_for_frames (f);
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  wait_for_frames (f);
  at = gtk_adjustment_get_value (scroll);
  g_assert_cmpfloat (at, >, 0);

  gtk_menu_button_popup (button);
  wait_for_frames (f);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (popover));
  item = clickable_ancestor (find_item (popover, "产出指标 · 数量指标"));
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  wait_for_frames (f);

  /* After the last 数量指标 (rows 2 and 3), before 质量指标, stored; the
   * menu closed and still the one the form shows, the view where it was. */
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpuint (project_of (doc, 0)->indicators->len, ==, 12);
    g_assert_cmpstr (indicator_of (doc, 0, 4)->level1, ==, "产出指标");
    g_assert_cmpstr (indicator_of (doc, 0, 4)->level2, ==, "数量指标");
    g_assert_cmpstr (indicator_of (doc, 0, 4)->name, ==, "");
    g_assert_cmpstr (indicator_of (doc, 0, 5)->level2, ==, "质量指标");
  }
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (f->forms), ==, 12);
  g_assert_true (bd_form_editor_get_add_indicator_button (f->forms) == button);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, at);
  g_assert_cmpstr (bd_form_editor_get_row_category (f->forms, 4, TRUE), ==, "数量指标");

  /* The form still answers: the new indicator has the focus, named and
   * stored. */
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (indicator (f, 4, "name"))));
  type_into (indicator (f, 4, "name"), "巡查次数");
  g_signal_emit_by_name (indicator (f, 4, "name"), "activate");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (indicator_of (doc, 0, 4)->name, ==, "巡查次数");
  }
}

/* 14.5: 雇员薪酬标准合理性 (row 1, 定性 合理) made quantitative. */
static void
test_qualitative_to_quantitative (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *op = indicator (f, 1, "op");
  GtkWidget *unit = indicator (f, 1, "unit");
  GtkWidget *value = indicator (f, 1, "value");

  g_assert_false (gtk_widget_get_sensitive (unit));
  /* ≥ is the second operator of the drop-down; a click on it takes the
   * focus first. */
  gtk_widget_grab_focus (op);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (op), 1);
  spin (50);
  g_assert_true (gtk_widget_get_sensitive (unit));

  /* A figure without its unit is not a target: refused beside the row,
   * the file keeps 合理. */
  type_into (value, "120");
  g_signal_emit_by_name (value, "activate");
  g_assert_nonnull (bd_form_editor_get_row_finding (f->forms, 1));
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (indicator_of (doc, 0, 1)->target, ==, "合理");
  }
  type_into (unit, "%");
  g_signal_emit_by_name (unit, "activate");
  {
    g_autoptr(BdDocument) doc = stored (f);
    g_assert_cmpstr (indicator_of (doc, 0, 1)->target, ==, "≥120.00(%)");
  }
  g_assert_cmpstr (text_of (value), ==, "120.00");

  /* Back to 定性: the unit is not part of a qualitative target. */
  gtk_widget_grab_focus (op);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (op), 5);
  spin (50);
  g_assert_false (gtk_widget_get_sensitive (unit));
}

/* Store on every way out */

typedef enum {
  EXIT_ENTER,
  EXIT_TAB,
  EXIT_CLICK,
  EXIT_FORM,
  EXIT_PAGE,
  EXIT_CLOSE,
  N_EXITS
} Exit;

static const char * const exit_names[] = { "Enter", "Tab", "click", "form change", "page change", "close" };

/* One field of each kind of the seed's form, what is typed, and what the
 * file then holds (read from the stored form by the same name). */
static const struct {
  const char *field;   /* a form field, or "N.part" for indicator row N */
  const char *typed;
  const char *stored;
  const char *shown;   /* what the field shows once stored */
} field_cases[] = {
  { "name", "政府雇员项目", "政府雇员项目", "政府雇员项目" },
  { "end_date", "2024-11-30", "2024-11-30", "2024-11-30" },
  { "carryover", "1000", "1,000.00", "1,000.00" },
  { "annual_goal", "年度目标改写", "年度目标改写", NULL },
  { "1.name", "薪酬标准合理性", "薪酬标准合理性", "薪酬标准合理性" },
  { "2.value", "33", "=33.00(人)", "33.00" },
  { "3.unit", "件", ">100.00(件)", "件" },
};

static GtkWidget *
case_widget (Fixture    *f,
             const char *name)
{
  if (g_ascii_isdigit (name[0]))
    return indicator (f, name[0] - '0', name + 2);
  return field (f, name);
}

static char *
case_stored (BdDocument *doc,
             const char *name)
{
  BdProject *project = project_of (doc, 0);

  if (g_ascii_isdigit (name[0]))
    {
      BdIndicator *row = indicator_of (doc, 0, name[0] - '0');
      return g_strdup (strcmp (name + 2, "name") == 0 ? row->name : row->target);
    }
  if (strcmp (name, "name") == 0)
    return g_strdup (project->name);
  if (strcmp (name, "end_date") == 0)
    return g_strdup (project->end_date);
  if (strcmp (name, "carryover") == 0)
    return bd_money_format (project->carryover);
  return g_strdup (project->annual_goal);
}

static void
leave_by (Fixture   *f,
          GtkWidget *widget,
          Exit       exit)
{
  switch (exit)
    {
    case EXIT_ENTER:
      g_signal_emit_by_name (widget, "activate");
      break;
    case EXIT_TAB:
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->base.window), GTK_DIR_TAB_FORWARD));
      break;
    case EXIT_CLICK:
      g_assert_true (gtk_widget_grab_focus (field (f, widget == field (f, "category") ? "name" : "category")));
      break;
    case EXIT_FORM:
      click_form (f, 1);
      break;
    case EXIT_PAGE:
      bd_window_show_page (f->base.window, "schedule-1");
      break;
    case EXIT_CLOSE:
      gtk_window_close (GTK_WINDOW (f->base.window));
      break;
    default:
      g_assert_not_reached ();
    }
  spin (50);
}

static void
test_store_on_every_exit (Fixture       *f,
                          gconstpointer  data)
{
  /* The Tab key moves on from a goal, as from an entry, rather than
   * putting a tab in it. */
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (field (f, "overall_goal"))));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (field (f, "annual_goal"))));
  for (Exit exit = 0; exit < N_EXITS; exit++)
    for (guint c = 0; c < G_N_ELEMENTS (field_cases); c++)
      {
        GtkWidget *widget;

        /* A text view takes Enter as a new line: it stores on the others. */
        if (exit == EXIT_ENTER && strcmp (field_cases[c].field, "annual_goal") == 0)
          continue;
        g_test_message ("%s, left by %s", field_cases[c].field, exit_names[exit]);
        if (!window_open (f))
          reopen_window (f);
        bd_window_show_page (f->base.window, "performance");
        click_form (f, 0);
        widget = case_widget (f, field_cases[c].field);
        type_into (widget, field_cases[c].typed);
        leave_by (f, widget, exit);
        {
          g_autoptr(BdDocument) doc = stored (f);
          g_autofree char *value = case_stored (doc, field_cases[c].field);
          g_assert_cmpstr (value, ==, field_cases[c].stored);
          /* Nothing reached the other form. */
          g_assert_cmpstr (project_of (doc, 1)->name, ==, "New project");
          g_assert_cmpint (project_of (doc, 1)->carryover, ==, 0);
        }
        if (exit != EXIT_CLOSE && exit != EXIT_FORM && field_cases[c].shown != NULL)
          g_assert_cmpstr (text_of (case_widget (f, field_cases[c].field)), ==, field_cases[c].shown);
        /* Back to the seed's value for the next way out. */
        g_assert_true (bd_editor_undo (f->base.editor, NULL));
        spin (20);
      }
}

/* The editor on its own in a window, its forms and rows made, then let go:
 * nothing it made keeps it alive (a binding, an action, a row). */
static void
test_finalize (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *forms = g_object_ref_sink (bd_form_editor_new (f->base.editor));
  GtkWidget *row;

  gtk_window_set_child (GTK_WINDOW (window), forms);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_assert_cmpuint (bd_form_editor_get_n_indicator_rows (BD_FORM_EDITOR (forms)), ==, 11);
  row = gtk_widget_get_ancestor (bd_form_editor_get_indicator_widget (BD_FORM_EDITOR (forms), 0, "name"),
                                 g_type_from_name ("BdIndicatorRow"));
  g_assert_nonnull (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
  g_assert_finalize_object (forms);
  g_assert_null (row);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  /* No blinking cursor: its timer would make a test depend on timing. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/form-editor/indicator-tree", test_indicator_tree);
  ADD ("/form-editor/form-change-commits-first", test_form_change_commits_first);
  ADD ("/form-editor/refused-amount-keeps-its-form", test_refused_amount_keeps_its_form);
  ADD ("/form-editor/actions", test_actions);
  ADD ("/form-editor/mark-reviewed", test_mark_reviewed);
  ADD ("/form-editor/date-picker", test_date_picker);
  ADD ("/form-editor/show-finding", test_show_finding);
  ADD ("/form-editor/add-indicator-from-menu", test_add_indicator_from_menu);
  ADD ("/form-editor/qualitative-to-quantitative", test_qualitative_to_quantitative);
  ADD ("/form-editor/store-on-every-exit", test_store_on_every_exit);
  ADD ("/form-editor/finalize", test_finalize);
#undef ADD

  return g_test_run ();
}
