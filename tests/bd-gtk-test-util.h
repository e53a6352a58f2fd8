/* Helpers shared by the GTK widget tests: keys delivered as GTK delivers
 * them, without a display server's event queue. */

#pragma once

#include <glib/gi18n.h>
#include <gtk/gtk.h>

/* @keyval (hardware @keycode) with @state to @widget's own key controllers,
 * as GTK hands a key to them: TRUE when one handled it. */
static inline gboolean
bd_test_emit_key (GtkWidget       *widget,
                  guint            keyval,
                  guint            keycode,
                  GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, keycode, state, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* Esc pressed in @widget, as GTK delivers it: to the key controllers of
 * the widget and its ancestors until one handles it (GTK 4.8 has no way to
 * put a key event in the queue). */
static inline gboolean
press_escape (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (bd_test_emit_key (w, GDK_KEY_Escape, 9, 0))
      return TRUE;
  return FALSE;
}

/* Runs the main loop for @milliseconds: what GTK does in that time, and
 * then what is ready to run. On a loaded machine the process may get no
 * time at all in the pause: what the test waits for must not hang on
 * that. At most 100 more turns: a source always ready cannot hold it. */
static inline void
bd_test_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* With BD_SCREENSHOT_DIR set, @widget as drawn, in NAME.png there: a
 * picture to look at, never part of a verdict. */
static inline void
bd_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("BD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  bd_test_spin (100);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

typedef gboolean (*BdWidgetMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

/* The first widget at or below @widget, depth first, that @match takes. */
static inline GtkWidget *
find_descendant (GtkWidget     *widget,
                 BdWidgetMatch  match,
                 gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A BdWidgetMatch: a widget of the type @data holds (a GType). */
static inline gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* The first widget of @type at or below @widget, as find_descendant(). */
static inline GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  return find_descendant (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* A BdWidgetMatch: a button labelled @data (its label as set, mnemonic
 * underscore and all). */
static inline gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* BudgetDesk's translations read from @dir (a build's po/), for a test of
 * the Chinese window or a screenshot in Chinese; none when @dir is NULL. */
static inline void
bd_test_bind_translations (const char *dir)
{
  if (dir == NULL)
    return;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* g_test_init() and gtk_init() for a widget test. No session bus under
 * xvfb-run: without GTK_A11Y=none the accessibility bridge warns, and a
 * test's warnings are fatal. */
static inline void
bd_gtk_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (argc, argv, NULL);
  gtk_init ();
}
