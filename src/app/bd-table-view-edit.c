/* bd-table-view-edit.c: typing in a cell of a BdTableView, the error it
 * answers with, and pasting a block: every change goes through the editor. */

#include <glib/gi18n.h>

#include "bd-paste.h"
#include "bd-table-view-private.h"

void
_bd_table_view_show_error (BdTableView *self,
                           const char  *message)
{
  GtkWidget *label = _bd_table_view_current_label (self);
  graphene_rect_t bounds;

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  if (label != NULL && gtk_widget_compute_bounds (label, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
      gtk_popover_set_pointing_to (GTK_POPOVER (self->error_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->error_popover));
}

void
_bd_table_view_hide_error (BdTableView *self)
{
  g_clear_pointer (&self->error, g_free);
  gtk_popover_popdown (GTK_POPOVER (self->error_popover));
}

gboolean
bd_table_view_is_editing (BdTableView *self)
{
  return gtk_widget_get_visible (self->entry);
}

gboolean
bd_table_view_begin_edit (BdTableView *self,
                          const char  *initial_text)
{
  g_autoptr(BdRowItem) item = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    return FALSE;
  item = _bd_table_view_item_at (self, self->current_position);
  if (!bd_row_item_is_editable (item) || !_bd_table_view_column_is_entered (self, self->current_column))
    {
      _bd_table_view_show_error (self, _("This figure is computed from the others; change the figures it adds up."));
      return FALSE;
    }
  if (bd_editor_get_store (self->editor) && bd_store_is_read_only (bd_editor_get_store (self->editor)))
    {
      _bd_table_view_show_error (self, _("The document is open read-only."));
      return FALSE;
    }

  _bd_table_view_hide_error (self);
  /* Typing edits the current cell: it is brought into sight if the wheel
   * took it away. */
  _bd_table_view_scroll_to_current (self);
  g_free (self->edit_code);
  self->edit_code = g_strdup (bd_row_item_get_row (item)->code);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), initial_text ? initial_text : "");
  gtk_widget_set_visible (self->entry, TRUE);
  _bd_table_view_update_actions (self);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  return TRUE;
}

void
bd_table_view_set_edit_text (BdTableView *self,
                             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

/* The focus goes back to the grid, unless the clerk took it elsewhere
 * (the edit ended because they did). */
static void
end_edit (BdTableView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean in_entry = focus != NULL && (focus == self->entry || gtk_widget_is_ancestor (focus, self->entry));

  /* The focus leaves the entry before it is hidden. */
  if (in_entry || focus == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  gtk_widget_set_visible (self->entry, FALSE);
  _bd_table_view_update_actions (self);
}

gboolean
bd_table_view_commit (BdTableView *self,
                      BdMove       move)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (!bd_table_view_is_editing (self))
    return FALSE;
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* The row typed in, wherever it is now. */
  if (!bd_editor_set_cell_text (self->editor, self->schedule, self->kind == BD_TABLE_INCOME ? BD_CELL_INCOME : BD_CELL_ROW,
                                self->edit_code, _bd_table_view_schedule_column (self, self->current_column), text,
                                &error))
    {
      _bd_table_view_show_error (self, error->message);
      return FALSE;
    }
  _bd_table_view_hide_error (self);
  end_edit (self);
  bd_table_view_move (self, move);
  return TRUE;
}

void
bd_table_view_cancel (BdTableView *self)
{
  _bd_table_view_hide_error (self);
  end_edit (self);
}

const char *
bd_table_view_get_error (BdTableView *self)
{
  return self->error;
}

gboolean
bd_table_view_paste_text (BdTableView *self,
                          const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *code = NULL;
  guint column = 0;

  g_return_val_if_fail (BD_IS_TABLE_VIEW (self), FALSE);

  if (self->kind == BD_TABLE_INCOME)
    {
      _bd_table_view_show_error (self, _("Paste blocks into the rows of the table below."));
      return FALSE;
    }
  /* Placed by code, or line for line on the rows as shown; one step. */
  plan = bd_paste_plan (_bd_table_view_get_schedule (self), self->current_position, self->current_column, text, &code, &column,
                        &error);
  if (plan == NULL || !bd_editor_paste (self->editor, self->schedule, code, column, plan, &error))
    {
      _bd_table_view_show_error (self, error->message);
      return FALSE;
    }
  _bd_table_view_hide_error (self);
  return TRUE;
}
