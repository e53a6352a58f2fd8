/* bd-sheet-import-dialog.c: one schedule of a workbook sheet into the open
 * document, previewed before it is applied as one undoable step */

#include <glib/gi18n.h>

#include "bd-money.h"
#include "bd-sheet-import.h"
#include "bd-sheet-import-dialog.h"
#include "bd-window.h"
#include "bd-workbook-import.h"

struct _BdSheetImportDialog
{
  GtkWindow      parent_instance;

  BdEditor      *editor;
  BdWorkbook    *book;
  GArray        *sheets;     /* guint: the book's sheet of each entry listed */
  GtkStringList *names;      /* the entries listed */
  BdSheetImport *import;     /* the preview of the sheet selected; NULL when refused */

  /* Template widgets */
  GtkLabel      *file_label;
  GtkDropDown   *sheet_dropdown;
  GtkLabel      *summary_label;
  GtkLabel      *error_label;
  GtkStringList *lines;      /* the preview, a line a change */
  GtkWidget     *import_button;
};

G_DEFINE_FINAL_TYPE (BdSheetImportDialog, bd_sheet_import_dialog, GTK_TYPE_WINDOW)

/* "基本支出 12,345.00，项目支出 600.00": the figures of a row added. */
static char *
added_figures (const BdScheduleDef *def,
               const BdSheetChange *change)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < def->n_columns; c++)
    if (bd_schedule_def_is_entered (def, c))
      {
        g_autofree char *value = bd_money_format_unit (change->values[c], def->unit);
        g_string_append_printf (out, "%s%s %s", out->len ? "，" : "", def->columns[c].name, value);
      }
  return g_string_free (out, FALSE);
}

static char *
describe_change (const BdScheduleDef *def,
                 const BdSheetChange *change)
{
  g_autofree char *before = bd_money_format_unit (change->before, def->unit);
  g_autofree char *after = bd_money_format_unit (change->after, def->unit);
  g_autofree char *figures = NULL;

  if (change->kind == BD_SHEET_CHANGE_ROW_ADDED)
    {
      figures = added_figures (def, change);
      return g_strdup_printf (_("Added: %s %s — %s"), change->code, change->name, figures);
    }
  if (change->part == BD_ROW_PART_INCOME)
    return g_strdup_printf (_("Changed: %s: %s → %s"), change->name, before, after);
  return g_strdup_printf (_("Changed: %s %s, %s: %s → %s"), change->code, change->name,
                          def->columns[change->column].name, before, after);
}

static void
show_preview (BdSheetImportDialog *self)
{
  const BdScheduleDef *def = bd_schedule_def_get (self->import->schedule);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->import->changes->len; i++)
    {
      g_autofree char *line = describe_change (def, &g_array_index (self->import->changes, BdSheetChange, i));
      g_strv_builder_add (builder, line);
    }
  {
    g_auto(GStrv) codes = bd_sheet_import_new_codes (self->import);

    for (guint i = 0; codes[i] != NULL; i++)
      {
        g_autofree char *line = g_strdup_printf (_("Not in the catalog, kept with the document's own codes: %s"),
                                                 codes[i]);
        g_strv_builder_add (builder, line);
      }
  }
  for (guint i = 0; i < self->import->kept->len; i++)
    {
      g_autofree char *line = g_strdup_printf (_("Only in the document, left as it is: %s"),
                                               (char *) g_ptr_array_index (self->import->kept, i));
      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);
  gtk_string_list_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                          (const char * const *) lines);
  if (self->import->changes->len == 0)
    summary = g_strdup (_("The sheet gives this schedule's figures as the document has them: nothing to import."));
  else
    summary = g_strdup_printf (_("Schedule %u: %u rows added, %u figures changed, %u rows only in the document left "
                                 "as they are. Import applies them as one change, undone with Ctrl+Z."),
                               def->number, bd_sheet_import_count (self->import, BD_SHEET_CHANGE_ROW_ADDED),
                               bd_sheet_import_count (self->import, BD_SHEET_CHANGE_FIGURE),
                               self->import->kept->len);
  if (def->row_kind == BD_ROWS_BALANCE)
    {
      /* Its 类 rows are not the sheet's to change: say so, or a clerk
       * would look for them in the list. */
      char *more = g_strconcat (summary, "\n", _("Only its income items are taken: its 类 rows follow schedules 3 "
                                                 "and 5 to 7."), NULL);
      g_free (summary);
      summary = more;
    }
  gtk_label_set_text (self->summary_label, summary);
}

static void
on_sheet_selected (BdSheetImportDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->sheet_dropdown);
  g_autoptr(GError) error = NULL;
  BdWorkbookSheet *sheet;

  g_clear_pointer (&self->import, bd_sheet_import_free);
  gtk_string_list_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)), NULL);
  gtk_label_set_text (self->summary_label, "");
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (position >= self->sheets->len)
    {
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }
  sheet = g_ptr_array_index (self->book->sheets, g_array_index (self->sheets, guint, position));
  self->import = bd_sheet_import_new (bd_editor_get_document (self->editor), sheet, &error);
  if (self->import == NULL)
    {
      /* Refused: the sheet and the cell are named, nothing can be applied. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_label_set_text (self->summary_label, _("This sheet cannot be imported; the document is left as it is."));
    }
  else
    show_preview (self);
  gtk_widget_set_sensitive (self->import_button, self->import != NULL && self->import->changes->len > 0);
}

gboolean
bd_sheet_import_dialog_apply (BdSheetImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self), FALSE);

  if (self->import == NULL || !bd_sheet_import_apply (self->import, self->editor, &error))
    {
      if (error != NULL)
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return FALSE;
    }
  /* The clerk sees what the import did. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (BD_IS_WINDOW (parent))
    {
      g_autofree char *page = g_strdup_printf ("schedule-%u", self->import->schedule);
      bd_window_show_page (BD_WINDOW (parent), page);
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_import_clicked (BdSheetImportDialog *self)
{
  bd_sheet_import_dialog_apply (self);
}

static void
bd_sheet_import_dialog_dispose (GObject *object)
{
  BdSheetImportDialog *self = (BdSheetImportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_SHEET_IMPORT_DIALOG);
  G_OBJECT_CLASS (bd_sheet_import_dialog_parent_class)->dispose (object);
}

static void
bd_sheet_import_dialog_finalize (GObject *object)
{
  BdSheetImportDialog *self = (BdSheetImportDialog *) object;

  g_clear_pointer (&self->import, bd_sheet_import_free);
  g_clear_pointer (&self->book, bd_workbook_free);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_sheet_import_dialog_parent_class)->finalize (object);
}

static void
bd_sheet_import_dialog_class_init (BdSheetImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bd_sheet_import_dialog_dispose;
  object_class->finalize = bd_sheet_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-sheet-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, lines);
  gtk_widget_class_bind_template_child (widget_class, BdSheetImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bd_sheet_import_dialog_init (BdSheetImportDialog *self)
{
  self->sheets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The sheets recognised as schedules, each with the schedule it is read as. */
static void
list_sheets (BdSheetImportDialog *self)
{
  for (guint i = 0; i < self->book->sheets->len; i++)
    {
      BdWorkbookSheet *sheet = g_ptr_array_index (self->book->sheets, i);
      guint number = bd_workbook_sheet_schedule (sheet);
      g_autofree char *title = NULL;
      g_autofree char *entry = NULL;

      if (number == 0)
        continue;
      title = bd_document_schedule_title (bd_editor_get_document (self->editor), number);
      entry = g_strdup_printf (_("%s — %u. %s"), sheet->name, number, title);
      g_array_append_val (self->sheets, i);
      gtk_string_list_append (self->names, entry);
    }
}

GtkWidget *
bd_sheet_import_dialog_new (GtkWindow   *parent,
                            BdEditor    *editor,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(BdWorkbook) book = NULL;
  g_autofree char *name = NULL;
  BdSheetImportDialog *self;

  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  book = bd_workbook_read (path, error);
  if (book == NULL)
    return NULL;
  self = g_object_new (BD_TYPE_SHEET_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->editor = g_object_ref (editor);
  self->book = g_steal_pointer (&book);
  list_sheets (self);
  if (self->sheets->len == 0)
    {
      name = g_path_get_basename (path);
      g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
                   _("No sheet of %s is a budget schedule: none is titled like one (such as 2025年部门收入预算总表)"),
                   name);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  name = g_filename_display_basename (path);
  gtk_label_set_text (self->file_label, name);
  gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (self->names));
  on_sheet_selected (self);
  return GTK_WIDGET (self);
}

GListModel *
bd_sheet_import_dialog_get_sheets (BdSheetImportDialog *self)
{
  g_return_val_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->names);
}

void
bd_sheet_import_dialog_select (BdSheetImportDialog *self,
                               guint                position)
{
  g_return_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->sheet_dropdown, position);
}

const char *
bd_sheet_import_dialog_get_summary (BdSheetImportDialog *self)
{
  g_return_val_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

GListModel *
bd_sheet_import_dialog_get_changes (BdSheetImportDialog *self)
{
  g_return_val_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->lines);
}

const char *
bd_sheet_import_dialog_get_error (BdSheetImportDialog *self)
{
  g_return_val_if_fail (BD_IS_SHEET_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->error_label);
}
