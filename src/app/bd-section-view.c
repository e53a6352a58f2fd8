#include <glib/gi18n.h>

#include "bd-importer.h"
#include "bd-section-view-private.h"

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

/* A figure field on screen. */
typedef struct {
  BdSectionView     *view;
  const FigureField *field;
  GtkWidget         *entry;
  char              *shown;     /* what the document said when last shown: typing differs from it */
} Field;

static void
field_free (Field *field)
{
  g_free (field->shown);
  g_free (field);
}


enum {
  PROP_0,
  PROP_EDITOR,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BdSectionView, bd_section_view, GTK_TYPE_WIDGET)

static void bd_section_view_store_text (BdSectionView *self);

static char *
section_text (BdSectionView *self)
{
  BdSection *section = bd_document_get_section (bd_editor_get_document (self->editor), self->section);
  GString *text = g_string_new (NULL);

  for (guint i = 0; section && i < section->paragraphs->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "", (char *) g_ptr_array_index (section->paragraphs, i));
  return g_string_free (text, FALSE);
}

static gboolean
field_is_typed (Field *field)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->entry)), field->shown) != 0;
}

static void
reload_fields (BdSectionView *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);

  for (guint i = 0; self->fields && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const BdFigure *figure = bd_document_get_figure (doc, field->field->key);
      char *text = figure == NULL ? g_strdup ("")
        : figure->unit == BD_FIGURE_COUNT ? g_strdup_printf ("%" G_GINT64_FORMAT, figure->value)
        : bd_money_format_wan (figure->value, TRUE);

      gtk_widget_set_sensitive (field->entry, figure != NULL);
      /* What the clerk typed and has not stored (or was refused) stays
       * under their hands: it is not replaced by the document's figure. */
      if (field->shown != NULL && field_is_typed (field))
        {
          g_free (text);
          continue;
        }
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
      g_free (field->shown);
      field->shown = text;
    }
}

/* Stores what was typed into @field, if anything; FALSE (the reason shown
 * below, the field marked) when the figure is refused. */
static gboolean
commit_field (Field *field)
{
  BdSectionView *self = field->view;
  g_autoptr(GError) error = NULL;

  /* Going away: the window stored what it had before it closed. */
  if (self->disposed || !field_is_typed (field))
    return TRUE;
  if (self->store_source != 0)
    bd_section_view_store_text (self);
  if (!bd_editor_set_figure_text (self->editor, field->field->key, gtk_editable_get_text (GTK_EDITABLE (field->entry)),
                                  &error))
    {
      gtk_label_set_text (self->status, error->message);
      gtk_widget_add_css_class (field->entry, "error");
      return FALSE;
    }
  gtk_label_set_text (self->status, "");
  gtk_widget_remove_css_class (field->entry, "error");
  /* Shown as stored ("1.5" becomes "1.50"). */
  g_clear_pointer (&field->shown, g_free);
  reload_fields (self);
  return TRUE;
}

static void
on_field_activate (GtkEntry *entry,
                   Field    *field)
{
  commit_field (field);
}

/* Tab, a click elsewhere: the figure is stored as on Enter. */
static void
on_field_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  commit_field (field);
}

/* Esc puts back the figure the document has. */
static gboolean
on_field_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              Field                 *field)
{
  if (keyval != GDK_KEY_Escape || !field_is_typed (field))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (field->entry), field->shown);
  gtk_widget_remove_css_class (field->entry, "error");
  gtk_label_set_text (field->view->status, "");
  return TRUE;
}

static void
build_fields (BdSectionView     *self,
              const FigureField *fields)
{
  GtkWidget *grid = self->fields_grid;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  gtk_widget_set_visible (grid, TRUE);
  for (guint i = 0; fields[i].key; i++)
    {
      GtkWidget *label = gtk_label_new (fields[i].label);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *unit = gtk_label_new (fields[i].unit);
      guint column = (i % 3) * 3, row = i / 3;
      Field *field = g_new0 (Field, 1);
      GtkEventController *controller;

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);
      gtk_widget_add_css_class (unit, "dim-label");
      field->view = self;
      field->field = &fields[i];
      field->entry = entry;
      g_signal_connect (entry, "activate", G_CALLBACK (on_field_activate), field);
      controller = gtk_event_controller_focus_new ();
      g_signal_connect (controller, "leave", G_CALLBACK (on_field_leave), field);
      gtk_widget_add_controller (entry, controller);
      controller = gtk_event_controller_key_new ();
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_field_key), field);
      gtk_widget_add_controller (entry, controller);
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, column + 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), unit, column + 2, row, 1, 1);
      g_ptr_array_add (self->fields, field);
    }
}

/* Figures the text states are the numbers' and follow them: they are
 * marked, so the clerk sees which words are theirs. A paragraph carried
 * over from last year that still quotes its figures is shaded until the
 * clerk changes it. */
static void
mark_figures (BdSectionView *self)
{
  BdSection *section = bd_document_get_section (bd_editor_get_document (self->editor), self->section);
  GtkTextIter start, end;
  int offset = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "figure", &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "to-review", &start, &end);
  for (guint i = 0; section && i < section->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (section->paragraphs, i);
      g_autoptr(GArray) spans = bd_section_figure_spans (self->section, paragraph);

      if (bd_section_is_to_review (section, paragraph))
        {
          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, offset + g_utf8_strlen (paragraph, -1));
          gtk_text_buffer_apply_tag_by_name (self->buffer, "to-review", &start, &end);
        }

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

static void
bd_section_view_store_text (BdSectionView *self)
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

gboolean
bd_section_view_store (BdSectionView *self)
{
  gboolean stored = TRUE;

  g_return_val_if_fail (BD_IS_SECTION_VIEW (self), FALSE);

  if (self->store_source != 0)
    bd_section_view_store_text (self);
  for (guint i = 0; self->fields && i < self->fields->len; i++)
    stored &= commit_field (g_ptr_array_index (self->fields, i));
  return stored;
}

static gboolean
store_after_pause (gpointer user_data)
{
  BdSectionView *self = user_data;

  self->store_source = 0;
  bd_section_view_store_text (self);
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
on_focus_leave (BdSectionView *self)
{
  if (self->store_source != 0)
    bd_section_view_store_text (self);
}

static void
bd_section_view_constructed (GObject *object)
{
  BdSectionView *self = (BdSectionView *) object;
  BdSection *section = bd_document_get_section (bd_editor_get_document (self->editor), self->section);

  G_OBJECT_CLASS (bd_section_view_parent_class)->constructed (object);

  gtk_label_set_text (self->title, section ? section->title : "");
  if (strcmp (self->section, "other") == 0)
    build_fields (self, other_fields);
  gtk_widget_set_visible (self->narrative_row, strcmp (self->section, "narrative") == 0);
  bd_section_view_reload (self);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_changed), self);
}

static void
bd_section_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BdSectionView *self = BD_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_section_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BdSectionView *self = BD_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_section_view_dispose (GObject *object)
{
  BdSectionView *self = (BdSectionView *) object;

  if (self->store_source != 0)
    bd_section_view_store_text (self);
  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_SECTION_VIEW);
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_section_view_constructed;
  object_class->get_property = bd_section_view_get_property;
  object_class->set_property = bd_section_view_set_property;
  object_class->dispose = bd_section_view_dispose;
  object_class->finalize = bd_section_view_finalize;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, BD_TYPE_EDITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, box);
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, title);
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, narrative_row);
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, text_view);
  gtk_widget_class_bind_template_child (widget_class, BdSectionView, status);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);
  _bd_section_view_class_actions_init (klass);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bd_section_view_init (BdSectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (self->buffer, "figure", "foreground", "#1a5fb4", "weight", PANGO_WEIGHT_BOLD,
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (self->buffer, "to-review", "paragraph-background", "#fcf3cf", NULL);
}

/* A page just built is laid out in the frame it is mapped in: the text
 * view is scrolled to the selection once it has its size. */
static gboolean
scroll_to_selection (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_grab_focus (widget);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)), 0.1, FALSE, 0, 0);
  return G_SOURCE_REMOVE;
}

void
bd_section_view_show_text (BdSectionView *self,
                           const char    *text)
{
  GtkTextIter start, match_start, match_end;

  g_return_if_fail (BD_IS_SECTION_VIEW (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  if (!gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start, &match_end, NULL))
    {
      /* Findings quote words “so”: the words without their quotes. */
      g_autofree char *inner = NULL;

      if (!g_str_has_prefix (text, "“") || !g_str_has_suffix (text, "”") || strlen (text) <= 2 * strlen ("“"))
        return;
      inner = g_strndup (text + strlen ("“"), strlen (text) - 2 * strlen ("“"));
      if (!gtk_text_iter_forward_search (&start, inner, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start, &match_end, NULL))
        return;
    }
  gtk_text_buffer_select_range (self->buffer, &match_start, &match_end);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), scroll_to_selection, NULL, NULL);
}

GtkWidget *
bd_section_view_new (BdEditor   *editor,
                     const char *section_id)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  return g_object_new (BD_TYPE_SECTION_VIEW, "editor", editor, "section", section_id, NULL);
}

const char *
bd_section_view_get_section (BdSectionView *self)
{
  return self->section;
}

static Field *
find_field (BdSectionView *self,
            const char    *key)
{
  for (guint i = 0; self->fields && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (strcmp (field->field->key, key) == 0)
        return field;
    }
  return NULL;
}

/* What typing into a field and pressing Enter does. */
gboolean
bd_section_view_set_field (BdSectionView *self,
                           const char    *key,
                           const char    *text)
{
  Field *field;

  g_return_val_if_fail (BD_IS_SECTION_VIEW (self), FALSE);

  if ((field = find_field (self, key)) == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
  return commit_field (field);
}

GtkWidget *
bd_section_view_get_field (BdSectionView *self,
                           const char    *key)
{
  Field *field;

  g_return_val_if_fail (BD_IS_SECTION_VIEW (self), NULL);

  field = find_field (self, key);
  return field ? field->entry : NULL;
}

GtkWidget *
bd_section_view_get_text_view (BdSectionView *self)
{
  g_return_val_if_fail (BD_IS_SECTION_VIEW (self), NULL);
  return GTK_WIDGET (self->text_view);
}
