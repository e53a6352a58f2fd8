#include <glib/gi18n.h>

#include "bd-section-view.h"

/* Typing is stored after this pause, and at once when focus leaves. */
#define STORE_DELAY_MS 800

struct _BdSectionView
{
  GtkWidget      parent_instance;

  BdEditor      *editor;
  char          *section;
  GtkWidget     *box;
  GtkLabel      *title;
  GtkTextBuffer *buffer;
  GtkLabel      *status;
  guint          store_source;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (BdSectionView, bd_section_view, GTK_TYPE_WIDGET)

static char *
section_text (BdSectionView *self)
{
  BdSection *section = bd_document_get_section (bd_editor_get_document (self->editor), self->section);
  GString *text = g_string_new (NULL);

  for (guint i = 0; section && i < section->paragraphs->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "", (char *) g_ptr_array_index (section->paragraphs, i));
  return g_string_free (text, FALSE);
}

void
bd_section_view_reload (BdSectionView *self)
{
  g_autofree char *text = section_text (self);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  shown = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, text) == 0 || self->store_source != 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, text, -1);
  self->loading = FALSE;
}

void
bd_section_view_store (BdSectionView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->store_source, g_source_remove);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (!bd_editor_set_section_text (self->editor, self->section, text, &error))
    gtk_label_set_text (self->status, error->message);
  else
    gtk_label_set_text (self->status, "");
}

static gboolean
store_after_pause (gpointer user_data)
{
  BdSectionView *self = user_data;

  self->store_source = 0;
  bd_section_view_store (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (GtkTextBuffer *buffer,
            BdSectionView *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->store_source, g_source_remove);
  self->store_source = g_timeout_add (STORE_DELAY_MS, store_after_pause, self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                BdSectionView           *self)
{
  if (self->store_source != 0)
    bd_section_view_store (self);
}

static void
bd_section_view_dispose (GObject *object)
{
  BdSectionView *self = (BdSectionView *) object;

  if (self->store_source != 0)
    bd_section_view_store (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bd_section_view_parent_class)->dispose (object);
}

static void
bd_section_view_finalize (GObject *object)
{
  BdSectionView *self = (BdSectionView *) object;

  g_clear_object (&self->editor);
  g_free (self->section);
  G_OBJECT_CLASS (bd_section_view_parent_class)->finalize (object);
}

static void
bd_section_view_class_init (BdSectionViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bd_section_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = bd_section_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bd_section_view_init (BdSectionView *self)
{
}

GtkWidget *
bd_section_view_new (BdEditor   *editor,
                     const char *section_id)
{
  BdSectionView *self = g_object_new (BD_TYPE_SECTION_VIEW, NULL);
  BdSection *section = bd_document_get_section (bd_editor_get_document (editor), section_id);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->editor = g_object_ref (editor);
  self->section = g_strdup (section_id);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  self->title = GTK_LABEL (gtk_label_new (section ? section->title : ""));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (text_view), 4);
  gtk_widget_add_css_class (text_view, "section-text");
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (text_view, focus);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self->box), scroller);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bd_section_view_reload (self);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_changed), self);
  return GTK_WIDGET (self);
}

const char *
bd_section_view_get_section (BdSectionView *self)
{
  return self->section;
}
