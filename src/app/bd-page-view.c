#include "bd-page-view.h"

struct _BdPageView
{
  GtkWidget      parent_instance;

  GskRenderNode *page_node;   /* at the origin; NULL: no page */
  int            width;
  int            height;
  double         scale;
};

G_DEFINE_FINAL_TYPE (BdPageView, bd_page_view, GTK_TYPE_WIDGET)

static void
bd_page_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  BdPageView *self = BD_PAGE_VIEW (widget);

  *minimum = *natural = (orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height)
                        + 2 * BD_PAGE_VIEW_PADDING;
}

static void
bd_page_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BdPageView *self = BD_PAGE_VIEW (widget);
  static const GdkRGBA shadow = { 0, 0, 0, 0.35 };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, self->width, self->height);
  GskRoundedRect outline;

  if (self->page_node == NULL)
    return;
  gtk_snapshot_save (snapshot);
  /* Centred when the viewport is wider than the page; whole pixels keep
   * the sheet's edges sharp. */
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (MAX (BD_PAGE_VIEW_PADDING, (gtk_widget_get_width (widget) - self->width) / 2),
                                                BD_PAGE_VIEW_PADDING));
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 0, 8);
  gtk_snapshot_append_color (snapshot, &white, &bounds);
  gtk_snapshot_append_node (snapshot, self->page_node);
  gtk_snapshot_restore (snapshot);
}

static void
bd_page_view_dispose (GObject *object)
{
  BdPageView *self = (BdPageView *) object;

  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  G_OBJECT_CLASS (bd_page_view_parent_class)->dispose (object);
}

static void
bd_page_view_class_init (BdPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bd_page_view_dispose;
  widget_class->measure = bd_page_view_measure;
  widget_class->snapshot = bd_page_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "pageview");
}

static void
bd_page_view_init (BdPageView *self)
{
  self->scale = 1.0;
}

GtkWidget *
bd_page_view_new (void)
{
  return g_object_new (BD_TYPE_PAGE_VIEW, NULL);
}

void
bd_page_view_show (BdPageView   *self,
                   BdPageLayout *layout,
                   guint         page,
                   double        scale)
{
  double width, height;
  cairo_t *cr;

  g_return_if_fail (BD_IS_PAGE_VIEW (self));

  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  self->width = self->height = 0;
  self->scale = scale;
  if (layout != NULL && page < bd_page_layout_get_n_pages (layout))
    {
      bd_page_layout_get_page_size (layout, page, &width, &height);
      self->width = (int) ceil (width * scale);
      self->height = (int) ceil (height * scale);
      /* Recorded in points and scaled by cairo, not as a bitmap: the text is
       * set afresh at every zoom and stays sharp on any screen. */
      self->page_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
      cr = gsk_cairo_node_get_draw_context (self->page_node);
      cairo_scale (cr, scale, scale);
      bd_page_layout_render_page (layout, page, cr);
      cairo_destroy (cr);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* A page of the same size is not allocated again, so not redrawn either. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
bd_page_view_get_scale (BdPageView *self)
{
  g_return_val_if_fail (BD_IS_PAGE_VIEW (self), 0);

  return self->scale;
}
