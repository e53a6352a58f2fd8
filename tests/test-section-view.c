/* BdSectionView: the text sections and the figure fields of 其他相关情况说明,
 * each read back from the file after the clerk leaves it the way a clerk
 * does (Tab, a click elsewhere, another page, closing the window). */

#include "bd-section-view.h"
#include "bd-window-fixture.h"

/* Seed, 其他相关情况说明 (三): 公务接待费1.00万元; 政府采购预算2万元. */
#define RECEPTION "other.sangong.reception"
#define PROCUREMENT "other.procurement.total"

static BdSectionView *
show_other (WindowFixture *f)
{
  BdSectionView *other = BD_SECTION_VIEW (bd_window_get_page (f->window, "other"));

  bd_window_show_page (f->window, "other");
  bd_test_spin (100);
  return other;
}

/* What a clerk does: click into the field, select all, type. */
static GtkWidget *
type_into (BdSectionView *view,
           const char    *key,
           const char    *text)
{
  GtkWidget *entry = bd_section_view_get_field (view, key);

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  return entry;
}

static void
test_field_stored_on_tab (WindowFixture *f,
                          gconstpointer  data)
{
  BdSectionView *other = show_other (f);
  GtkWidget *entry;

  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (10000, 0));
  entry = type_into (other, RECEPTION, "1.5");
  /* Tab: the focus goes on to the next field. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  bd_test_spin (50);
  g_assert_false (gtk_widget_has_focus (entry));
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (15000, 0));
  /* Shown as stored. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1.50");
}

static void
test_field_stored_on_click_elsewhere (WindowFixture *f,
                                      gconstpointer  data)
{
  BdSectionView *other = show_other (f);
  GtkWidget *procurement;

  type_into (other, RECEPTION, "1.2");
  /* A click into the text below the fields. */
  gtk_widget_grab_focus (bd_section_view_get_text_view (other));
  bd_test_spin (50);
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (12000, 0));

  /* Enter in another field afterwards keeps 1.2 on screen and in the file
   * (it used to put 1.00 back). */
  procurement = type_into (other, PROCUREMENT, "3");
  g_signal_emit_by_name (procurement, "activate");
  bd_test_spin (50);
  g_assert_cmpint (bd_test_stored_figure (f->path, PROCUREMENT), ==, Y (30000, 0));
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (12000, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bd_section_view_get_field (other, RECEPTION))), ==, "1.20");
}

static void
test_field_stored_on_page_change (WindowFixture *f,
                                  gconstpointer  data)
{
  BdSectionView *other = show_other (f);

  type_into (other, RECEPTION, "0.8");
  bd_window_show_page (f->window, "schedule-9");
  bd_test_spin (50);
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (8000, 0));
}

static void
test_field_stored_on_close (WindowFixture *f,
                            gconstpointer  data)
{
  BdSectionView *other = show_other (f);

  type_into (other, RECEPTION, "2");
  window_fixture_close (f);
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (20000, 0));
}

/* A refused figure stays as typed, marked, and nothing is stored; the
 * field is not reset under the clerk's hands by another change. */
static void
test_refused_field_kept (WindowFixture *f,
                         gconstpointer  data)
{
  BdSectionView *other = show_other (f);
  GtkWidget *reception, *procurement;

  reception = type_into (other, RECEPTION, "1.2x");
  procurement = type_into (other, PROCUREMENT, "3");
  g_signal_emit_by_name (procurement, "activate");
  bd_test_spin (50);
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (10000, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reception)), ==, "1.2x");
  g_assert_true (gtk_widget_has_css_class (reception, "error"));

  /* Closing the window stops once, the reason in sight; again, it closes
   * and nothing was stored. */
  gtk_window_close (GTK_WINDOW (f->window));
  bd_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  gtk_window_close (GTK_WINDOW (f->window));
  bd_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (bd_test_stored_figure (f->path, RECEPTION), ==, Y (10000, 0));
}

/* Text typed in a section is stored when the clerk leaves it, not only
 * after the pause. */
static void
test_text_stored_on_page_change (WindowFixture *f,
                                 gconstpointer  data)
{
  BdSectionView *functions = BD_SECTION_VIEW (bd_window_get_page (f->window, "functions"));
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  BdSection *section;

  bd_window_show_page (f->window, "functions");
  bd_test_spin (50);
  gtk_widget_grab_focus (bd_section_view_get_text_view (functions));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bd_section_view_get_text_view (functions)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\n新增一段职能说明。", -1);
  bd_window_show_page (f->window, "schedule-1");
  bd_test_spin (20);

  store = bd_store_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);
  doc = bd_store_load (store, NULL);
  section = bd_document_get_section (doc, "functions");
  g_assert_cmpstr (g_ptr_array_index (section->paragraphs, section->paragraphs->len - 1), ==, "新增一段职能说明。");
}

/* A paragraph new-year carried over that still quotes last year's figures
 * (seed line 342's assets, flagged here as new-year flags it): shaded in
 * its section, a note in the findings panel, and activating the note
 * shows the section with the paragraph's opening words selected. */
static void
test_carried_over_shown (WindowFixture *f,
                         gconstpointer  data)
{
  BdDocument *doc = bd_editor_get_document (f->editor);
  BdSection *other = bd_document_get_section (doc, "other");
  GPtrArray *findings;
  GtkListBox *list = bd_window_get_findings_list (f->window);
  BdSectionView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autoptr(GError) error = NULL;
  const char *assets = NULL;
  int index = -1;

  for (guint i = 0; i < other->paragraphs->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (other->paragraphs, i), "截至2023年12月31日"))
      assets = g_ptr_array_index (other->paragraphs, i);
  g_assert_nonnull (assets);
  bd_section_set_to_review (other, assets, TRUE);
  g_assert_true (bd_store_save_section (bd_editor_get_store (f->editor), doc, other, &error));
  /* Any change of the text checks the text again. */
  g_assert_true (bd_editor_set_section_text (f->editor, "functions", "上海市闵行区城市运行管理中心是事业单位。", &error));
  g_assert_no_error (error);
  bd_test_spin (100);

  findings = bd_editor_get_findings (f->editor);
  for (guint i = 0; i < findings->len && index < 0; i++)
    if (strcmp (((BdFinding *) g_ptr_array_index (findings, i))->rule, "carried-over-text") == 0)
      index = i;
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (((BdFinding *) g_ptr_array_index (findings, index))->severity, ==, BD_SEVERITY_INFO);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, index));
  bd_test_spin (200);

  view = BD_SECTION_VIEW (bd_window_get_page (f->window, "other"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bd_section_view_get_text_view (view)));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  /* Its first sixteen characters, as the finding names it. */
  g_assert_cmpstr (selected, ==, "截至2023年12月31日，上海");
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                           "to-review")));
  /* The clerk types there next: the text view has the keyboard, and the
   * selection is shown as a selection, not greyed in a view without focus. */
  g_assert_true (gtk_widget_is_focus (bd_section_view_get_text_view (view)));
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (list)) || gtk_widget_get_focus_child (GTK_WIDGET (list)) != NULL);
}

static void
test_finalize (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);
  GtkWidget *view = g_object_ref_sink (bd_section_view_new (editor, "other"));

  g_assert_nonnull (bd_section_view_get_field (BD_SECTION_VIEW (view), RECEPTION));
  g_assert_finalize_object (view);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  WINDOW_TEST ("/section-view/field-stored-on-tab", test_field_stored_on_tab);
  WINDOW_TEST ("/section-view/field-stored-on-click-elsewhere", test_field_stored_on_click_elsewhere);
  WINDOW_TEST ("/section-view/field-stored-on-page-change", test_field_stored_on_page_change);
  WINDOW_TEST ("/section-view/field-stored-on-close", test_field_stored_on_close);
  WINDOW_TEST ("/section-view/refused-field-kept", test_refused_field_kept);
  WINDOW_TEST ("/section-view/text-stored-on-page-change", test_text_stored_on_page_change);
  WINDOW_TEST ("/section-view/carried-over-shown", test_carried_over_shown);
  g_test_add_func ("/section-view/finalize", test_finalize);

  return g_test_run ();
}
