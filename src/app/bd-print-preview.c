#include <stdlib.h>
#include <glib/gi18n.h>

#include "bd-page-thumbnail.h"
#include "bd-print-preview-private.h"

/* Edits seldom come alone (undo held down, a run of fixes): the pages are
 * laid out again once they pause. */
#define REBUILD_DELAY_MS 250
#define THUMBNAIL_WIDTH 120

G_DEFINE_FINAL_TYPE (BdPrintPreview, bd_print_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_pages (BdPrintPreview *self)
{
  return self->layout != NULL ? bd_page_layout_get_n_pages (self->layout) : 0;
}

static void rebuild (BdPrintPreview *self);

/* Draws the page shown at the zoom chosen, fitted to the viewport when the
 * zoom asks for it. */
static void
draw_page (BdPrintPreview *self)
{
  int view_width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  double width, height, scale, percent;

  /* An outdated layout is not drawn: the new one is on its way. */
  if (self->stale || n_pages (self) == 0)
    return;
  bd_page_layout_get_page_size (self->layout, self->page, &width, &height);
  if (self->zoom > 0)
    scale = self->zoom / 100.0 * PIXELS_PER_POINT;
  else if (view_width <= 0)
    return;   /* fitted once the viewport has its size */
  else
    {
      scale = (view_width - 2 * BD_PAGE_VIEW_PADDING) / width;
      if (self->zoom == ZOOM_FIT_PAGE)
        scale = MIN (scale, (view_height - 2 * BD_PAGE_VIEW_PADDING) / height);
      scale = CLAMP (scale, 0.1, 4.0);
    }
  if (bd_page_view_get_scale (self->page_view) == scale && self->drawn_serial == self->serial
      && self->drawn_page == self->page)
    return;
  bd_page_view_show (self->page_view, self->layout, self->page, scale);
  self->drawn_serial = self->serial;
  self->drawn_page = self->page;

  percent = scale / PIXELS_PER_POINT * 100;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 percent < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.5);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", percent > zoom_steps[0] + 0.5);
}

/* A list not yet allocated cannot scroll to an item: it does once it is. */
static void
scroll_thumbnails (BdPrintPreview *self)
{
  self->scroll_pending = gtk_widget_get_height (GTK_WIDGET (self->thumbnail_list)) <= 0;
  if (!self->scroll_pending && self->page < g_list_model_get_n_items (G_LIST_MODEL (self->thumbnails)))
    gtk_widget_activate_action (GTK_WIDGET (self->thumbnail_list), "list.scroll-to-item", "u", self->page);
}

static gboolean
after_resize (gpointer user_data)
{
  BdPrintPreview *self = user_data;

  self->resized_source = 0;
  draw_page (self);
  if (self->scroll_pending)
    scroll_thumbnails (self);
  return G_SOURCE_REMOVE;
}

/* Told while the viewports are being allocated, when nothing in them can
 * be resized: the page is fitted and the thumbnails scrolled right after. */
static void
on_viewport_resized (BdPrintPreview *self)
{
  if (self->resized_source == 0)
    self->resized_source = g_idle_add (after_resize, self);
}

/* Zoom */

void
_bd_print_preview_set_zoom (BdPrintPreview *self,
                            int             zoom)
{
  g_autofree char *label = NULL;

  if (zoom == ZOOM_FIT_WIDTH)
    label = g_strdup (_("Fit Width"));
  else if (zoom == ZOOM_FIT_PAGE)
    label = g_strdup (_("Fit Page"));
  else
    label = g_strdup_printf ("%d%%", zoom);
  gtk_menu_button_set_label (self->zoom_button, label);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  if (self->stale)
    rebuild (self);
  draw_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Pages */

void
_bd_print_preview_show_page (BdPrintPreview *self,
                             guint           page)
{
  g_autofree char *of = NULL;
  g_autofree char *number = NULL;
  guint n;

  /* Turning a page while the document has just changed: lay it out now. */
  if (self->stale)
    rebuild (self);
  n = n_pages (self);
  self->page = n > 0 ? MIN (page, n - 1) : 0;
  of = g_strdup_printf (_("of %u"), n);
  number = g_strdup_printf ("%u", self->page + 1);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_text (self->page_suffix, of);
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, self->page);
  scroll_thumbnails (self);
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n);
  draw_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
on_page_entry_activate (BdPrintPreview *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry))));
  guint64 number = 0;

  /* Beyond the last page is the last page; what is not a number, where it was. */
  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &number, NULL))
    _bd_print_preview_show_page (self, number - 1);
  else
    _bd_print_preview_show_page (self, self->page);
}

static void
on_thumbnail_selected (BdPrintPreview *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (!self->updating && selected != GTK_INVALID_LIST_POSITION)
    _bd_print_preview_show_page (self, selected);
}

/* Lays the document out as it is now, on the page the clerk was looking at. */
static void
rebuild (BdPrintPreview *self)
{
  BdDocument *doc = bd_editor_get_document (self->editor);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GPtrArray) thumbnails = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->layout);
  self->layout = bd_page_layout_new (doc, NULL);
  self->serial++;
  self->stale = FALSE;

  n = bd_page_layout_get_n_pages (self->layout);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (thumbnails, bd_page_thumbnail_new (self->layout, i, THUMBNAIL_WIDTH, scale_factor));
  self->updating = TRUE;
  g_list_store_splice (self->thumbnails, 0, g_list_model_get_n_items (G_LIST_MODEL (self->thumbnails)),
                       thumbnails->pdata, thumbnails->len);
  self->updating = FALSE;
  _bd_print_preview_show_page (self, self->page);
}

void
_bd_print_preview_ensure_current (BdPrintPreview *self)
{
  if (self->layout == NULL || self->stale)
    rebuild (self);
}

static gboolean
rebuild_after_pause (gpointer user_data)
{
  BdPrintPreview *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Findings */

static void
update_banner (BdPrintPreview *self)
{
  /* Warnings are the clerk's judgement; errors are what the bureau sends back. */
  guint errors = bd_findings_count (bd_editor_get_findings (self->editor), BD_SEVERITY_ERROR);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "This document has %u error; it is not marked on the pages, "
                                                        "but the finance bureau will find it.",
                                                        "This document has %u errors; they are not marked on the "
                                                        "pages, but the finance bureau will find them.",
                                                        errors),
                                           errors);

  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (self->banner, errors > 0);
}

static void
on_editor_changed (BdEditor       *editor,
                   guint           reads,
                   BdPrintPreview *self)
{
  update_banner (self);
  if (!self->stale && self->layout != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->thumbnails));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BdPageThumbnail) thumbnail = g_list_model_get_item (G_LIST_MODEL (self->thumbnails), i);
          bd_page_thumbnail_freeze (thumbnail);
        }
    }
  self->stale = TRUE;
  /* Hidden, the preview lays nothing out: it does when it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_after_pause, self);
}

/* The widget */

static void
bd_print_preview_map (GtkWidget *widget)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (widget);

  GTK_WIDGET_CLASS (bd_print_preview_parent_class)->map (widget);
  _bd_print_preview_ensure_current (self);
}

static void
bd_print_preview_unmap (GtkWidget *widget)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (widget);

  /* Still stale: laid out when shown again. */
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  GTK_WIDGET_CLASS (bd_print_preview_parent_class)->unmap (widget);
}

static void
bd_print_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      if (self->zoom == ZOOM_FIT_WIDTH)
        g_value_set_string (value, "fit-width");
      else if (self->zoom == ZOOM_FIT_PAGE)
        g_value_set_string (value, "fit-page");
      else
        g_value_take_string (value, g_strdup_printf ("%d", self->zoom));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_print_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BdPrintPreview *self = BD_PRINT_PREVIEW (object);
  const char *zoom;

  switch (prop_id)
    {
    case PROP_ZOOM:
      zoom = g_value_get_string (value);
      if (g_strcmp0 (zoom, "fit-page") == 0)
        _bd_print_preview_set_zoom (self, ZOOM_FIT_PAGE);
      else if (zoom == NULL || g_str_equal (zoom, "fit-width"))
        _bd_print_preview_set_zoom (self, ZOOM_FIT_WIDTH);
      else
        _bd_print_preview_set_zoom (self, CLAMP (atoi (zoom), zoom_steps[0], zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_print_preview_dispose (GObject *object)
{
  BdPrintPreview *self = (BdPrintPreview *) object;

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->resized_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_PRINT_PREVIEW);
  G_OBJECT_CLASS (bd_print_preview_parent_class)->dispose (object);
}

static void
bd_print_preview_finalize (GObject *object)
{
  BdPrintPreview *self = (BdPrintPreview *) object;

  g_clear_object (&self->selection);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->layout);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_print_preview_parent_class)->finalize (object);
}

static void
bd_print_preview_class_init (BdPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bd_print_preview_dispose;
  object_class->finalize = bd_print_preview_finalize;
  object_class->get_property = bd_print_preview_get_property;
  object_class->set_property = bd_print_preview_set_property;
  widget_class->map = bd_print_preview_map;
  widget_class->unmap = bd_print_preview_unmap;

  /* "fit-width", "fit-page", or a percentage from 50 to 200. */
  properties[PROP_ZOOM] = g_param_spec_string ("zoom", NULL, NULL, "fit-width",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BD_TYPE_PAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, box);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, banner);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, page_prefix);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, page_entry);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, page_suffix);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, status_label);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, thumbnail_list);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, BdPrintPreview, page_view);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);

  _bd_print_preview_class_actions_init (klass);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
setup_thumbnail (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *number = gtk_label_new (NULL);

  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_widget_add_css_class (picture, "thumbnail");
  gtk_widget_add_css_class (number, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), number);
  gtk_list_item_set_child (item, box);
}

static void
bind_thumbnail (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  BdPageThumbnail *thumbnail = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *number = g_strdup_printf ("%u", bd_page_thumbnail_get_page (thumbnail) + 1);

  gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), GDK_PAINTABLE (thumbnail));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), number);
}

static void
bd_print_preview_init (BdPrintPreview *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->thumbnails = g_list_store_new (BD_TYPE_PAGE_THUMBNAIL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->thumbnails)));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_thumbnail_selected), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_thumbnail), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_thumbnail), NULL);
  gtk_list_view_set_factory (self->thumbnail_list, factory);
  gtk_list_view_set_model (self->thumbnail_list, GTK_SELECTION_MODEL (self->selection));

  /* Page Up and Page Down turn pages wherever the focus is in the window
   * while the preview shows (the sidebar row just clicked, say), before the
   * scrolled page or the thumbnails take them to scroll. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                                          gtk_named_action_new ("preview.next-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                                          gtk_named_action_new ("preview.previous-page")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* The fitted zooms follow the viewport's size; the thumbnails are scrolled
   * to the page shown once they are laid out. */
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                            G_CALLBACK (on_viewport_resized), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "notify::page-size",
                            G_CALLBACK (on_viewport_resized), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->thumbnail_list)), "notify::page-size",
                            G_CALLBACK (on_viewport_resized), self);

  self->zoom = -2;   /* none yet: set_zoom then labels the button */
  _bd_print_preview_set_zoom (self, ZOOM_FIT_WIDTH);
  _bd_print_preview_show_page (self, 0);
}

GtkWidget *
bd_print_preview_new (BdEditor *editor)
{
  BdPrintPreview *self = g_object_new (BD_TYPE_PRINT_PREVIEW, NULL);

  self->editor = g_object_ref (editor);
  g_signal_connect (editor, "changed", G_CALLBACK (on_editor_changed), self);
  update_banner (self);
  return GTK_WIDGET (self);
}

guint
bd_print_preview_get_n_pages (BdPrintPreview *self)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), 0);

  return n_pages (self);
}

guint
bd_print_preview_get_page (BdPrintPreview *self)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), 0);

  return self->page;
}

void
bd_print_preview_set_page (BdPrintPreview *self,
                           guint           page)
{
  g_return_if_fail (BD_IS_PRINT_PREVIEW (self));

  _bd_print_preview_show_page (self, page);
}

char *
bd_print_preview_dup_page_text (BdPrintPreview *self)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), NULL);

  return g_strdup_printf ("%s %s %s", gtk_label_get_text (self->page_prefix),
                          gtk_editable_get_text (GTK_EDITABLE (self->page_entry)), gtk_label_get_text (self->page_suffix));
}

double
bd_print_preview_get_scale (BdPrintPreview *self)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), 0);

  return bd_page_view_get_scale (self->page_view);
}

const char *
bd_print_preview_get_banner (BdPrintPreview *self)
{
  g_return_val_if_fail (BD_IS_PRINT_PREVIEW (self), NULL);

  return gtk_widget_get_visible (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}
