/* bd-print-preview-private.h: what bd-print-preview.c and
 * bd-print-preview-actions.c share */
#pragma once

#include "bd-page-layout.h"
#include "bd-page-view.h"
#include "bd-print-preview.h"

G_BEGIN_DECLS

/* 100 % is the page's real size on a screen of 96 pixels an inch. */
#define PIXELS_PER_POINT (96.0 / 72.0)

/* The zooms the buttons step through, in per cent. */
static const int zoom_steps[] = { 50, 75, 100, 125, 150, 200 };

enum {
  ZOOM_FIT_PAGE = -1,
  ZOOM_FIT_WIDTH = 0,
};

struct _BdPrintPreview
{
  GtkWidget           parent_instance;

  BdEditor           *editor;
  BdPageLayout       *layout;
  gboolean            stale;          /* the document changed since it was laid out */
  guint               serial;         /* of the layout */
  guint               drawn_serial;   /* of the one the page view shows */
  guint               drawn_page;
  guint               rebuild_source;
  guint               resized_source;
  gboolean            scroll_pending;  /* the thumbnails, to the page shown */
  guint               page;
  int                 zoom;           /* a percentage, or ZOOM_FIT_… */
  GListStore         *thumbnails;
  GtkSingleSelection *selection;
  gboolean            updating;

  GtkWidget          *box;   /* bound so that disposing the template unparents it */
  GtkWidget          *banner;
  GtkLabel           *banner_label;
  GtkLabel           *page_prefix;
  GtkEntry           *page_entry;
  GtkLabel           *page_suffix;
  GtkMenuButton      *zoom_button;
  GtkLabel           *status_label;
  GtkListView        *thumbnail_list;
  GtkScrolledWindow  *scroller;
  BdPageView         *page_view;
};

void _bd_print_preview_set_zoom          (BdPrintPreview      *self,
                                          int                  zoom);
/* Shows page @page (from 0; beyond the last, the last), laid out anew
 * when the document has changed. */
void _bd_print_preview_show_page         (BdPrintPreview      *self,
                                          guint                page);
/* Lays the document out now if it changed since. */
void _bd_print_preview_ensure_current    (BdPrintPreview      *self);
void _bd_print_preview_class_actions_init (BdPrintPreviewClass *klass);

G_END_DECLS
