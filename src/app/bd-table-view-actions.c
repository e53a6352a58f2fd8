/* bd-table-view-actions.c: what the grid's keys do beyond moving and typing
 * (table.copy, table.paste, …), installed on the class. */

#include <glib/gi18n.h>

#include "bd-table-view-private.h"

static void
on_paste_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BdTableView) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL)
    bd_table_view_paste_text (self, text);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_paste_ready, g_object_ref (widget));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdTableView *self = BD_TABLE_VIEW (widget);
  g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, self->current_position);
  BdRow *row = bd_row_item_get_row (item);
  g_autofree char *plain = bd_money_format_plain (row->values[_bd_table_view_schedule_column (self, self->current_column)]);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), plain);
}

void
_bd_table_view_class_actions_init (BdTableViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, paste_activated);
}
