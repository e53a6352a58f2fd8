#include "bd-page-thumbnail.h"

struct _BdPageThumbnail
{
  GObject       parent_instance;

  BdPageLayout *layout;
  guint         page;
  int           width;
  int           height;
  int           scale_factor;
  GdkTexture   *texture;
  guint         render_source;
  gboolean      frozen;
};

static void bd_page_thumbnail_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BdPageThumbnail, bd_page_thumbnail, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, bd_page_thumbnail_paintable_init))

static gboolean
render (gpointer user_data)
{
  BdPageThumbnail *self = user_data;
  int width = self->width * self->scale_factor, height = self->height * self->scale_factor;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  double page_width, page_height;
  g_autoptr(GBytes) bytes = NULL;

  self->render_source = 0;
  bd_page_layout_get_page_size (self->layout, self->page, &page_width, &page_height);
  cairo_scale (cr, width / page_width, height / page_height);
  bd_page_layout_render_page (self->layout, self->page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  self->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  return G_SOURCE_REMOVE;
}

static void
bd_page_thumbnail_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  BdPageThumbnail *self = BD_PAGE_THUMBNAIL (paintable);
  static const GdkRGBA white = { 1, 1, 1, 1 };

  if (self->texture != NULL)
    {
      gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
      return;
    }
  /* A blank sheet until its turn comes: a list of 300 pages renders only
   * the few on screen, one at a time, when nothing else is waiting. */
  gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->render_source == 0 && !self->frozen)
    self->render_source = g_idle_add_full (G_PRIORITY_LOW, render, self, NULL);
}

static int
bd_page_thumbnail_get_intrinsic_width (GdkPaintable *paintable)
{
  return BD_PAGE_THUMBNAIL (paintable)->width;
}

static int
bd_page_thumbnail_get_intrinsic_height (GdkPaintable *paintable)
{
  return BD_PAGE_THUMBNAIL (paintable)->height;
}

static GdkPaintableFlags
bd_page_thumbnail_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static void
bd_page_thumbnail_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = bd_page_thumbnail_snapshot;
  iface->get_intrinsic_width = bd_page_thumbnail_get_intrinsic_width;
  iface->get_intrinsic_height = bd_page_thumbnail_get_intrinsic_height;
  iface->get_flags = bd_page_thumbnail_get_flags;
}

static void
bd_page_thumbnail_finalize (GObject *object)
{
  BdPageThumbnail *self = (BdPageThumbnail *) object;

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_object (&self->texture);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (bd_page_thumbnail_parent_class)->finalize (object);
}

static void
bd_page_thumbnail_class_init (BdPageThumbnailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_page_thumbnail_finalize;
}

static void
bd_page_thumbnail_init (BdPageThumbnail *self)
{
}

BdPageThumbnail *
bd_page_thumbnail_new (BdPageLayout *layout,
                       guint         page,
                       int           width,
                       int           scale_factor)
{
  BdPageThumbnail *self = g_object_new (BD_TYPE_PAGE_THUMBNAIL, NULL);
  double page_width, page_height;

  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (layout), NULL);

  self->layout = g_object_ref (layout);
  self->page = page;
  self->scale_factor = MAX (scale_factor, 1);
  bd_page_layout_get_page_size (layout, page, &page_width, &page_height);
  self->width = width;
  self->height = MAX (1, (int) round (width * page_height / page_width));
  return self;
}

guint
bd_page_thumbnail_get_page (BdPageThumbnail *self)
{
  return self->page;
}

void
bd_page_thumbnail_freeze (BdPageThumbnail *self)
{
  g_return_if_fail (BD_IS_PAGE_THUMBNAIL (self));

  self->frozen = TRUE;
  g_clear_handle_id (&self->render_source, g_source_remove);
}

gboolean
bd_page_thumbnail_is_rendered (BdPageThumbnail *self)
{
  return self->texture != NULL;
}
