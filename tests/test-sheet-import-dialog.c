/* 文件 → 从工作簿导入表… (win.import-sheet): a sheet chosen among those
 * recognised, its changes previewed, applied as one undo step and read back
 * from the file; a refused sheet named with its cell. Runs under xvfb-run
 * with GSK_RENDERER=cairo; with BD_SCREENSHOT_DIR set, the dialog and the
 * window are saved there as PNG, to be looked at. */

#include "bd-catalog.h"
#include "bd-schedule-view.h"
#include "bd-sheet-import-dialog.h"
#include "bd-window-fixture.h"
#include "bd-gtk-test-util.h"
#include "bd-sheet-test-util.h"

/* The seed changed as in tests/test-sheet-import.c (schedule 3 only), as
 * the workbook the dialog reads. */
static char *
write_changed_workbook (WindowFixture *f)
{
  g_autoptr(BdDocument) copy = bd_test_load_seed ();
  g_autoptr(BdEditor) changer = bd_editor_new (copy, NULL);
  g_autoptr(GError) error = NULL;
  char *xlsx = g_build_filename (f->dir, "changed.xlsx", NULL);

  bd_test_change_seed_schedule_3 (changer);
  g_assert_true (bd_xlsx_write_file (copy, xlsx, &error));
  return xlsx;
}

static char *
item_text (GListModel *model,
           guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);
  return g_strdup (gtk_string_object_get_string (item));
}

/* The dialog on the workbook at @path, shown. */
static GtkWidget *
show_dialog (WindowFixture *f,
             const char    *path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = bd_sheet_import_dialog_new (GTK_WINDOW (f->window), f->editor, path, &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  bd_test_spin (200);
  return dialog;
}

/* The dialog's preview lists @n_changes changes, the first ones as
 * @first (NULL-terminated) says. */
static void
assert_changes (GtkWidget          *dialog,
                guint               n_changes,
                const char * const *first)
{
  GListModel *changes = bd_sheet_import_dialog_get_changes (BD_SHEET_IMPORT_DIALOG (dialog));

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, n_changes);
  for (guint i = 0; first[i] != NULL; i++)
    {
      g_autofree char *text = item_text (changes, i);
      g_assert_cmpstr (text, ==, first[i]);
    }
}

/* The dialog on a workbook @name in the fixture's folder, of one sheet 表5
 * holding schedule 5's header and @rows. */
static GtkWidget *
show_dialog_on_rows (WindowFixture        *f,
                     const char           *name,
                     const BdTestSheetRow *rows,
                     guint                 n_rows)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  lxw_workbook *book = workbook_new (path);

  bd_test_add_schedule_5_sheet (book, "表5", 5, rows, n_rows);
  workbook_close (book);
  return show_dialog (f, path);
}

static gboolean
window_has_action (const char *wanted)
{
  GtkWidgetClass *klass = g_type_class_peek (BD_TYPE_WINDOW);
  GType owner;
  const char *name, *property;
  const GVariantType *type;

  /* GTK 4.8 writes every out argument. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    if (strcmp (name, wanted) == 0)
      return TRUE;
  return FALSE;
}

static void
test_preview_and_apply (WindowFixture *f,
                        gconstpointer  data)
{
  g_autofree char *xlsx = write_changed_workbook (f);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *button;
  GListModel *sheets;
  g_autofree char *third = NULL;
  BdTableView *table;

  g_assert_true (window_has_action ("win.import-sheet"));
  bd_window_show_page (f->window, "schedule-1");
  bd_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (bd_window_get_schedule_view (f->window, 3))));
  dialog = show_dialog (f, xlsx);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The nine schedule sheets of the export, each with its schedule; the
   * form's sheet is none. */
  sheets = bd_sheet_import_dialog_get_sheets (BD_SHEET_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, 9);
  third = item_text (sheets, 2);
  g_assert_true (g_str_has_prefix (third, "3 支出预算总表 — 3. "));

  /* The first listed, schedule 1, is as the document has it; its 类 rows
   * are computed, and the preview says so. */
  g_assert_nonnull (strstr (bd_sheet_import_dialog_get_summary (BD_SHEET_IMPORT_DIALOG (dialog)),
                            "nothing to import.\nOnly its income items are taken"));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (dialog, is_button_labelled, "_Import")));

  bd_sheet_import_dialog_select (BD_SHEET_IMPORT_DIALOG (dialog), 2);
  bd_test_spin (100);
  g_assert_cmpstr (bd_sheet_import_dialog_get_error (BD_SHEET_IMPORT_DIALOG (dialog)), ==, "");
  g_assert_nonnull (strstr (bd_sheet_import_dialog_get_summary (BD_SHEET_IMPORT_DIALOG (dialog)),
                            "Schedule 3: 1 rows added, 1 figures changed, 1 rows only in the document"));
  assert_changes (dialog, 3, (const char *[]) {
    "Added: 2010301 行政运行 — 基本支出 12,345.00，项目支出 600.00",
    "Changed: 2210201 住房公积金, 基本支出: 447,984.00 → 457,984.00",
    "Only in the document, left as it is: 2080506 机关事业单位职业年金缴费支出",
    NULL });
  bd_test_screenshot (dialog, "sheet-import-preview");

  button = find_descendant (dialog, is_button_labelled, "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bd_test_spin (200);
  g_assert_null (dialog);

  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", BD_COL_BASIC), ==, Y (457984, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2010301", BD_COL_BASIC), ==, Y (12345, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2080506", BD_COL_BASIC), ==, Y (498198, 0));
  g_assert_cmpint (window_fixture_stored (f, 1, "221", 0), ==, Y (457984, 0));
  /* The window shows the schedule imported. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bd_window_get_schedule_view (f->window, 3))));
  table = bd_schedule_view_get_table (bd_window_get_schedule_view (f->window, 3));
  g_assert_true (bd_table_view_select (table, "2010301", "基本支出"));
  bd_test_spin (100);
  bd_test_screenshot (GTK_WIDGET (f->window), "sheet-import-applied");

  /* One undo takes the whole import back; one redo brings it again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  bd_test_spin (50);
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", BD_COL_BASIC), ==, Y (447984, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2010301", BD_COL_BASIC), ==, G_MININT64);
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_false (bd_table_view_select (table, "2010301", "基本支出"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  bd_test_spin (50);
  g_assert_cmpint (window_fixture_stored (f, 3, "2210201", BD_COL_BASIC), ==, Y (457984, 0));
  g_assert_cmpint (window_fixture_stored (f, 3, "2010301", BD_COL_BASIC + 1), ==, Y (600, 0));
}

/* A figure typed as words: the preview names the sheet and the cell, and
 * nothing can be imported. A workbook with no schedule at all opens no
 * dialog. */
static void
test_refused (WindowFixture *f,
              gconstpointer  data)
{
  static const BdTestSheetRow rows[] = { { "2080506", NULL, { NULL, "约五十万" } } };
  g_autofree char *other = g_build_filename (f->dir, "other.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = show_dialog_on_rows (f, "bad.xlsx", rows, G_N_ELEMENTS (rows));
  lxw_workbook *book;

  g_assert_cmpstr (bd_sheet_import_dialog_get_error (BD_SHEET_IMPORT_DIALOG (dialog)), ==,
                   "Sheet “表5”, cell D4: “约五十万” is not an amount");
  g_assert_false (gtk_widget_is_sensitive (find_descendant (dialog, is_button_labelled, "_Import")));
  g_assert_false (bd_sheet_import_dialog_apply (BD_SHEET_IMPORT_DIALOG (dialog)));
  bd_test_screenshot (dialog, "sheet-import-refused");
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_false (bd_editor_can_undo (f->editor));
  g_assert_cmpint (window_fixture_stored (f, 5, "2080506", BD_COL_BASIC), ==, Y (498198, 0));

  book = workbook_new (other);
  bd_test_add_address_book_sheet (book);
  workbook_close (book);
  g_assert_null (bd_sheet_import_dialog_new (GTK_WINDOW (f->window), f->editor, other, &error));
  g_assert_nonnull (strstr (error->message, "No sheet of other.xlsx is a budget schedule"));
}

/* A row with a code the catalog lacks (2129801 城运专项测试 under 21298
 * 城运专项款, neither in data/catalog-function.tsv): the preview says the
 * codes are kept with the document, and applying stores them with the row. */
static void
test_new_code (WindowFixture *f,
               gconstpointer  data)
{
  static const BdTestSheetRow rows[] = {
    { "21298", "城运专项款" },
    { "2129801", "城运专项测试", { NULL, NULL, "1000" } },
  };
  GtkWidget *dialog = show_dialog_on_rows (f, "new-code.xlsx", rows, G_N_ELEMENTS (rows));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* The row added, its two codes, the seed's six schedule 5 leaves left
   * as they are. */
  assert_changes (dialog, 9, (const char *[]) {
    "Added: 2129801 城运专项测试 — 基本支出 0.00，项目支出 1,000.00",
    "Not in the catalog, kept with the document's own codes: 21298 城运专项款",
    "Not in the catalog, kept with the document's own codes: 2129801 城运专项测试",
    NULL });
  bd_test_screenshot (dialog, "sheet-import-new-code");
  g_assert_true (bd_sheet_import_dialog_apply (BD_SHEET_IMPORT_DIALOG (dialog)));
  bd_test_spin (200);
  g_assert_cmpint (window_fixture_stored (f, 5, "2129801", BD_COL_BASIC + 1), ==, Y (1000, 0));
  {
    g_autoptr(BdDocument) stored = bd_test_open (f->path, BD_STORE_OPEN_READ_ONLY, NULL);

    g_assert_cmpstr (g_hash_table_lookup (stored->extra_codes[BD_CLASSIFICATION_FUNCTION], "21298"), ==, "城运专项款");
    g_assert_cmpstr (g_hash_table_lookup (stored->extra_codes[BD_CLASSIFICATION_FUNCTION], "2129801"), ==,
                     "城运专项测试");
  }
  bd_window_show_page (f->window, "schedule-5");
  bd_test_spin (100);
  bd_test_screenshot (GTK_WIDGET (f->window), "sheet-import-new-code-applied");
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);

  WINDOW_TEST ("/sheet-import-dialog/preview-and-apply", test_preview_and_apply);
  WINDOW_TEST ("/sheet-import-dialog/refused", test_refused);
  WINDOW_TEST ("/sheet-import-dialog/new-code", test_new_code);

  return g_test_run ();
}
