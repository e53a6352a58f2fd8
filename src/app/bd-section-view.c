#include <glib/gi18n.h>

#include "bd-importer.h"
#include "bd-section-view.h"

#include "bd-money.h"

/* Typing is stored after this pause, and at once when focus leaves. */
#define STORE_DELAY_MS 800

/* The figures of 其他相关情况说明 a clerk fills in as a form. */
typedef struct {
  const char *key;
  const char *label;
  const char *unit;
} FigureField;

static const FigureField other_fields[] = {
  { "other.sangong.total", "“三公”经费预算数", "万元" },
  { "other.sangong.outbound", "因公出国（境）费", "万元" },
  { "other.sangong.vehicle", "公务用车购置及运行费", "万元" },
  { "other.sangong.vehicle_purchase", "其中：公务用车购置费", "万元" },
  { "other.sangong.vehicle_running", "公务用车运行费", "万元" },
  { "other.sangong.reception", "公务接待费", "万元" },
  { "other.procurement.total", "政府采购预算", "万元" },
  { "other.procurement.goods", "其中：货物", "万元" },
  { "other.procurement.works", "工程", "万元" },
  { "other.procurement.services", "服务", "万元" },
  { "other.goals.units", "编报绩效目标的预算单位", "个" },
  { "other.goals.projects", "编报绩效目标的项目", "个" },
  { "other.goals.funds", "涉及项目预算资金", "万元" },
  { "other.assets.vehicles", "车辆", "辆" },
  { "other.assets.equipment", "单价100万元以上设备", "台（套）" },
  { NULL, NULL, NULL },
};

struct _BdSectionView
{
  GtkWidget      parent_instance;

  BdEditor      *editor;
  char          *section;
  GtkWidget     *box;
  GtkLabel      *title;
  GtkTextBuffer *buffer;
  GtkLabel      *status;
  GPtrArray     *fields;       /* GtkEntry*, one per FigureField */
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

static void
reload_fields (BdSectionView *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);

  for (guint i = 0; self->fields && i < self->fields->len; i++)
    {
      GtkEntry *entry = g_ptr_array_index (self->fields, i);
      const FigureField *field = g_object_get_data (G_OBJECT (entry), "bd-field");
      const BdFigure *figure = bd_document_get_figure (doc, field->key);
      g_autofree char *text = figure == NULL ? g_strdup ("")
        : figure->unit == BD_FIGURE_COUNT ? g_strdup_printf ("%" G_GINT64_FORMAT, figure->value)
        : bd_money_format_wan (figure->value, TRUE);

      gtk_widget_set_sensitive (GTK_WIDGET (entry), figure != NULL);
      if (!gtk_widget_has_focus (GTK_WIDGET (entry)) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
}

static void
on_field_activate (GtkEntry      *entry,
                   BdSectionView *self)
{
  const FigureField *field = g_object_get_data (G_OBJECT (entry), "bd-field");
  g_autoptr(GError) error = NULL;

  if (self->store_source != 0)
    bd_section_view_store (self);
  if (!bd_editor_set_figure_text (self->editor, field->key, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      gtk_label_set_text (self->status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_label_set_text (self->status, "");
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  reload_fields (self);
}

static void
on_last_year_response (GtkNativeDialog *chooser,
                       int              response,
                       BdSectionView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!bd_editor_take_last_year (self->editor, path, &error))
        gtk_label_set_text (self->status, error->message);
      else
        gtk_label_set_text (self->status, "");
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_last_year_clicked (GtkButton     *button,
                      BdSectionView *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Last Year's Document"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget documents"));
  gtk_file_filter_add_suffix (filter, "budget");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_last_year_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_fields (BdSectionView     *self,
              const FigureField *fields)
{
  GtkWidget *grid = gtk_grid_new ();

  self->fields = g_ptr_array_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; fields[i].key; i++)
    {
      GtkWidget *label = gtk_label_new (fields[i].label);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *unit = gtk_label_new (fields[i].unit);
      guint column = (i % 3) * 3, row = i / 3;

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);
      gtk_widget_add_css_class (unit, "dim-label");
      g_object_set_data (G_OBJECT (entry), "bd-field", (gpointer) &fields[i]);
      g_signal_connect (entry, "activate", G_CALLBACK (on_field_activate), self);
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, column + 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), unit, column + 2, row, 1, 1);
      g_ptr_array_add (self->fields, entry);
    }
  return grid;
}

/* Figures the text states are the numbers' and follow them: they are
 * marked, so the clerk sees which words are theirs. */
static void
mark_figures (BdSectionView *self)
{
  BdSection *section = bd_document_get_section (bd_editor_get_document (self->editor), self->section);
  GtkTextIter start, end;
  int offset = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "figure", &start, &end);
  for (guint i = 0; section && i < section->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (section->paragraphs, i);
      g_autoptr(GArray) spans = bd_section_figure_spans (self->section, paragraph);

      for (guint s = 0; s < spans->len; s++)
        {
          BdFigureSpan *span = &g_array_index (spans, BdFigureSpan, s);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                              offset + g_utf8_pointer_to_offset (paragraph, paragraph + span->start));
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                              offset + g_utf8_pointer_to_offset (paragraph, paragraph + span->end));
          gtk_text_buffer_apply_tag_by_name (self->buffer, "figure", &start, &end);
        }
      offset += g_utf8_strlen (paragraph, -1) + 2;
    }
}

void
bd_section_view_reload (BdSectionView *self)
{
  g_autofree char *text = section_text (self);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  reload_fields (self);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  shown = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (self->store_source != 0)
    return;
  self->loading = TRUE;
  if (g_strcmp0 (shown, text) != 0)
    gtk_text_buffer_set_text (self->buffer, text, -1);
  mark_figures (self);
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
  g_clear_pointer (&self->fields, g_ptr_array_unref);
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
  if (strcmp (section_id, "other") == 0)
    gtk_box_append (GTK_BOX (self->box), build_fields (self, other_fields));
  if (strcmp (section_id, "narrative") == 0)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *hint = gtk_label_new (_("Figures in blue follow the schedules; the rest is yours."));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Compare with _Last Year's Document…"));

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_set_hexpand (hint, TRUE);
      g_signal_connect (button, "clicked", G_CALLBACK (on_last_year_clicked), self);
      gtk_box_append (GTK_BOX (row), hint);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (self->box), row);
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (text_view), 4);
  gtk_widget_add_css_class (text_view, "section-text");
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_create_tag (self->buffer, "figure", "foreground", "#1a5fb4", "weight", PANGO_WEIGHT_BOLD,
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);
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

/* What typing into a field and pressing Enter does. */
gboolean
bd_section_view_set_field (BdSectionView *self,
                           const char    *key,
                           const char    *text)
{
  for (guint i = 0; self->fields && i < self->fields->len; i++)
    {
      GtkEntry *entry = g_ptr_array_index (self->fields, i);
      const FigureField *field = g_object_get_data (G_OBJECT (entry), "bd-field");

      if (strcmp (field->key, key) != 0)
        continue;
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      on_field_activate (entry, self);
      return !gtk_widget_has_css_class (GTK_WIDGET (entry), "error");
    }
  return FALSE;
}
