/* bd-page-view.h: one page of the published layout, drawn large on the
 * preview's grey ground with a shadow.
 *
 * The page is drawn once, when it is shown, and the drawing kept: a layout
 * is only good until the next edit of its document, so it is never read
 * again behind the caller's back (at a redraw or a scroll). */
#pragma once

#include <gtk/gtk.h>

#include "bd-page-layout.h"

G_BEGIN_DECLS

#define BD_TYPE_PAGE_VIEW (bd_page_view_get_type ())
G_DECLARE_FINAL_TYPE (BdPageView, bd_page_view, BD, PAGE_VIEW, GtkWidget)

/* The space kept around the page, in pixels. */
#define BD_PAGE_VIEW_PADDING 24

GtkWidget *bd_page_view_new       (void);
/* Draws @page of @layout at @scale pixels a point; @layout NULL: none. */
void       bd_page_view_show      (BdPageView   *self,
                                   BdPageLayout *layout,
                                   guint         page,
                                   double        scale);
double     bd_page_view_get_scale (BdPageView   *self);

G_END_DECLS
