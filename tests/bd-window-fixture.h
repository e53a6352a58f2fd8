/* A window on a copy of the seed, for the tests of the window's widgets.
 * Runs under xvfb-run with GSK_RENDERER=cairo. */
#pragma once

#include <glib/gstdio.h>

#include "bd-application.h"
#include "bd-file-test-util.h"
#include "bd-gtk-test-util.h"
#include "bd-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  BdEditor *editor;
  BdWindow *window;
} WindowFixture;

static inline void
window_fixture_set_up (WindowFixture *f,
                       gconstpointer  data)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;

  f->dir = bd_test_make_dir ("bd-window-XXXXXX");
  f->path = g_build_filename (f->dir, "cityops.budget", NULL);
  doc = bd_test_save_and_open (seed, f->path, BD_STORE_OPEN_DEFAULT, &store);
  f->editor = bd_editor_new (doc, store);
  f->window = g_object_ref_sink (bd_window_new (NULL, f->editor));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  bd_test_spin (300);
}

/* A figure of the window's document as its file holds it. */
static inline gint64
window_fixture_stored (WindowFixture *f,
                       guint          schedule,
                       const char    *code,
                       guint          column)
{
  return bd_test_stored (f->path, schedule, code, column);
}

/* Closes the window as its close button does (a test may have done so). */
static inline void
window_fixture_close (WindowFixture *f)
{
  if (gtk_widget_get_visible (GTK_WIDGET (f->window)))
    gtk_window_close (GTK_WINDOW (f->window));
  bd_test_spin (50);
}

static inline void
window_fixture_tear_down (WindowFixture *f,
                          gconstpointer  data)
{
  window_fixture_close (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->editor);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A figure of a text section as the file holds it, in 分 (or a count). */
static inline gint64
bd_test_stored_figure (const char *path,
                       const char *key)
{
  g_autoptr(BdDocument) doc = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
  const BdFigure *figure;

  figure = bd_document_get_figure (doc, key);
  return figure ? figure->value : G_MININT64;
}

/* A key as the clerk presses it on @widget: its key controllers see it as
 * GTK would hand it to them (the window's keyboard is not needed). */
static inline gboolean
bd_test_press_key (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  state)
{
  return bd_test_emit_key (widget, keyval, 0, state);
}

/* @text typed into the cell of row @code, column @column, as a clerk types
 * it: its first character starts editing, the rest follows; not committed. */
static inline void
bd_test_type_in_cell (BdTableView *view,
                      const char  *code,
                      const char  *column,
                      const char  *text)
{
  g_autofree char *first = g_utf8_substring (text, 0, 1);

  g_assert_true (bd_table_view_select (view, code, column));
  g_assert_true (bd_table_view_begin_edit (view, first));
  bd_table_view_set_edit_text (view, text);
}

/* A test of the window's widgets, on a fresh window fixture. */
#define WINDOW_TEST(path, func) \
  g_test_add (path, WindowFixture, NULL, window_fixture_set_up, func, window_fixture_tear_down)
