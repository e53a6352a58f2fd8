/* bd-page-thumbnail.h: a small picture of one page (a GdkPaintable),
 * rendered the first time it is shown and kept for as long as its layout
 * lasts. */
#pragma once

#include <gtk/gtk.h>

#include "bd-page-layout.h"

G_BEGIN_DECLS

#define BD_TYPE_PAGE_THUMBNAIL (bd_page_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (BdPageThumbnail, bd_page_thumbnail, BD, PAGE_THUMBNAIL, GObject)

/* @width: in pixels, as shown; @scale_factor: of the display, for a sharp
 * picture on a high-resolution screen. */
BdPageThumbnail *bd_page_thumbnail_new         (BdPageLayout    *layout,
                                                guint            page,
                                                int              width,
                                                int              scale_factor);
guint            bd_page_thumbnail_get_page    (BdPageThumbnail *self);
/* The document changed: its layout may not be drawn any more. The
 * thumbnail shows what it has until it is replaced. */
void             bd_page_thumbnail_freeze      (BdPageThumbnail *self);
gboolean         bd_page_thumbnail_is_rendered (BdPageThumbnail *self);

G_END_DECLS
