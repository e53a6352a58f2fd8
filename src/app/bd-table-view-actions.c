/* bd-table-view-actions.c: what the grid's keys do, as actions installed on
 * the class (table.move, table.extend, table.copy, …) and one table of keys
 * to them; and the keys of the entry a cell is typed in. */

#include <glib/gi18n.h>

#include "bd-table-view-private.h"

static const struct {
  const char *nick;
  BdMove      move;
} moves[] = {
  { "up", BD_MOVE_UP }, { "down", BD_MOVE_DOWN }, { "left", BD_MOVE_LEFT }, { "right", BD_MOVE_RIGHT },
  { "page-up", BD_MOVE_PAGE_UP }, { "page-down", BD_MOVE_PAGE_DOWN }, { "home", BD_MOVE_HOME },
  { "end", BD_MOVE_END }, { "first", BD_MOVE_FIRST }, { "last", BD_MOVE_LAST },
};

/* The keys of the grid, as a spreadsheet has them. */
static const struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
  const char     *move;
} keys[] = {
  { GDK_KEY_Up, 0, "table.move", "up" },
  { GDK_KEY_KP_Up, 0, "table.move", "up" },
  { GDK_KEY_Down, 0, "table.move", "down" },
  { GDK_KEY_KP_Down, 0, "table.move", "down" },
  { GDK_KEY_Return, 0, "table.move", "down" },
  { GDK_KEY_KP_Enter, 0, "table.move", "down" },
  { GDK_KEY_Left, 0, "table.move", "left" },
  { GDK_KEY_KP_Left, 0, "table.move", "left" },
  { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "table.move", "left" },
  { GDK_KEY_Right, 0, "table.move", "right" },
  { GDK_KEY_KP_Right, 0, "table.move", "right" },
  { GDK_KEY_Tab, 0, "table.move", "right" },
  { GDK_KEY_Page_Up, 0, "table.move", "page-up" },
  { GDK_KEY_Page_Down, 0, "table.move", "page-down" },
  { GDK_KEY_Home, 0, "table.move", "home" },
  { GDK_KEY_End, 0, "table.move", "end" },
  { GDK_KEY_Home, GDK_CONTROL_MASK, "table.move", "first" },
  { GDK_KEY_End, GDK_CONTROL_MASK, "table.move", "last" },
  { GDK_KEY_Up, GDK_SHIFT_MASK, "table.extend", "up" },
  { GDK_KEY_Down, GDK_SHIFT_MASK, "table.extend", "down" },
  { GDK_KEY_Left, GDK_SHIFT_MASK, "table.extend", "left" },
  { GDK_KEY_Right, GDK_SHIFT_MASK, "table.extend", "right" },
  { GDK_KEY_Page_Up, GDK_SHIFT_MASK, "table.extend", "page-up" },
  { GDK_KEY_Page_Down, GDK_SHIFT_MASK, "table.extend", "page-down" },
  { GDK_KEY_Home, GDK_SHIFT_MASK, "table.extend", "home" },
  { GDK_KEY_End, GDK_SHIFT_MASK, "table.extend", "end" },
  { GDK_KEY_Home, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.extend", "first" },
  { GDK_KEY_End, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.extend", "last" },
  { GDK_KEY_a, GDK_CONTROL_MASK, "table.select-all", NULL },
  { GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL },
  { GDK_KEY_Insert, GDK_CONTROL_MASK, "table.copy", NULL },
  { GDK_KEY_v, GDK_CONTROL_MASK, "table.paste", NULL },
  { GDK_KEY_Insert, GDK_SHIFT_MASK, "table.paste", NULL },
  { GDK_KEY_Delete, 0, "table.clear", NULL },
  { GDK_KEY_KP_Delete, 0, "table.clear", NULL },
  { GDK_KEY_F2, 0, "table.edit", NULL },
};

static BdMove
move_for_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (strcmp (moves[i].nick, nick) == 0)
      return moves[i].move;
  return BD_MOVE_NONE;
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bd_table_view_move (BD_TABLE_VIEW (widget), move_for_nick (g_variant_get_string (parameter, NULL)));
}

static void
extend_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bd_table_view_extend (BD_TABLE_VIEW (widget), move_for_nick (g_variant_get_string (parameter, NULL)));
}

static void
select_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bd_table_view_select_all (BD_TABLE_VIEW (widget));
}

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

/* Copied as text (tab-separated, what every spreadsheet pastes as cells) and
 * as an HTML table (what Excel and WPS keep the text-shaped codes of). */
static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdTableView *self = BD_TABLE_VIEW (widget);
  g_autofree char *text = bd_table_view_dup_range_text (self);
  g_autofree char *html = bd_table_view_dup_range_html (self);
  g_autoptr(GBytes) html_bytes = g_bytes_new_take (g_steal_pointer (&html), strlen (html));
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_for_bytes ("text/html", html_bytes),
    gdk_content_provider_new_typed (G_TYPE_STRING, text),
  };
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

static void
clear_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  bd_table_view_clear_range (BD_TABLE_VIEW (widget));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BdTableView *self = BD_TABLE_VIEW (widget);
  g_autoptr(BdRowItem) item = _bd_table_view_item_at (self, self->current_position);
  BdRow *row = bd_row_item_get_row (item);
  g_autofree char *plain = bd_money_format_plain (row->values[_bd_table_view_schedule_column (self, self->current_column)]);

  bd_table_view_begin_edit (self, plain);
}

void
_bd_table_view_update_actions (BdTableView *self)
{
  static const char * const grid_actions[] = {
    "table.move", "table.extend", "table.select-all", "table.copy", "table.paste", "table.clear", "table.edit",
  };
  gboolean editing = bd_table_view_is_editing (self);

  for (guint i = 0; i < G_N_ELEMENTS (grid_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), grid_actions[i], !editing);
}

/* Keys */

/* On the grid, before the list's own bindings (it takes the arrows and
 * Ctrl+A for its rows): the table of keys, then typing starts editing. */
static gboolean
on_grid_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             BdTableView           *self)
{
  GdkModifierType modifiers = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  guint lower = gdk_keyval_to_lower (keyval);
  gunichar character;

  if (bd_table_view_is_editing (self))
    return FALSE;

  if (keyval == GDK_KEY_Escape && bd_table_view_get_error (self) != NULL)
    {
      _bd_table_view_hide_error (self);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i].keyval == lower && keys[i].modifiers == modifiers)
      return gtk_widget_activate_action (GTK_WIDGET (self), keys[i].action, keys[i].move ? "s" : NULL, keys[i].move);

  if (keyval == GDK_KEY_BackSpace)
    {
      bd_table_view_begin_edit (self, "");
      return TRUE;
    }
  character = gdk_keyval_to_unicode (keyval);
  if (!(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) && character != 0 && g_unichar_isprint (character))
    {
      char text[8] = { 0 };
      g_unichar_to_utf8 (character, text);
      bd_table_view_begin_edit (self, text);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              BdTableView           *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      bd_table_view_cancel (self);
      return TRUE;
    case GDK_KEY_Tab:
      bd_table_view_commit (self, BD_MOVE_RIGHT);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      bd_table_view_commit (self, BD_MOVE_LEFT);
      return TRUE;
    case GDK_KEY_Up:
      bd_table_view_commit (self, BD_MOVE_UP);
      return TRUE;
    case GDK_KEY_Down:
      bd_table_view_commit (self, BD_MOVE_DOWN);
      return TRUE;
    case GDK_KEY_Page_Up:
      bd_table_view_commit (self, BD_MOVE_PAGE_UP);
      return TRUE;
    case GDK_KEY_Page_Down:
      bd_table_view_commit (self, BD_MOVE_PAGE_DOWN);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_entry_activate (GtkEntry    *entry,
                   BdTableView *self)
{
  bd_table_view_commit (self, BD_MOVE_DOWN);
}

/* A click elsewhere stores what was typed, as Enter does. */
static void
on_entry_leave (GtkEventControllerFocus *controller,
                BdTableView             *self)
{
  if (bd_table_view_is_editing (self))
    bd_table_view_commit (self, BD_MOVE_NONE);
}

/* A click anywhere else closes the hint of the grid. */
static void
on_grid_leave (GtkEventControllerFocus *controller,
               BdTableView             *self)
{
  if (!bd_table_view_is_editing (self))
    _bd_table_view_hide_error (self);
}

void
_bd_table_view_class_actions_init (BdTableViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "table.move", "s", move_activated);
  gtk_widget_class_install_action (widget_class, "table.extend", "s", extend_activated);
  gtk_widget_class_install_action (widget_class, "table.select-all", NULL, select_all_activated);
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "table.clear", NULL, clear_activated);
  gtk_widget_class_install_action (widget_class, "table.edit", NULL, edit_activated);

  gtk_widget_class_bind_template_callback (widget_class, on_grid_key);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_key);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_leave);
}
