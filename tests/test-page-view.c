/* BdPageView, one page of the published layout drawn large: its size at a
 * scale, upright and turned, and nothing drawn without a page. The seed's
 * pages (tests/test-pdf.c reads them with pdfinfo): A4, 595.276 x 841.89
 * points; page 7 (index 6, schedule 2 of nine columns) turned, 841.89 x
 * 595.276. Runs under xvfb-run. */

#include "bd-page-view.h"
#include "bd-test-util.h"
#include "bd-gtk-test-util.h"

static void
assert_size (GtkWidget *view,
             int        width,
             int        height)
{
  int minimum, natural;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, width);
  g_assert_cmpint (natural, ==, width);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, height);
  g_assert_cmpint (natural, ==, height);
}

/* What the view draws, as GTK would ask it. */
static GskRenderNode *
snapshot_of (GtkWidget *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
test_page_sizes (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdPageLayout *layout = bd_page_layout_new (doc, NULL);
  GtkWidget *view = g_object_ref_sink (bd_page_view_new ());
  GskRenderNode *node;

  /* No page yet: the padding alone (24 pixels each side), nothing drawn. */
  g_assert_cmpint (BD_PAGE_VIEW_PADDING, ==, 24);
  assert_size (view, 48, 48);
  g_assert_null (snapshot_of (view));

  /* The cover at one pixel a point: 595.276 → 596, 841.89 → 842. */
  bd_page_view_show (BD_PAGE_VIEW (view), layout, 0, 1.0);
  assert_size (view, 596 + 48, 842 + 48);
  g_assert_cmpfloat (bd_page_view_get_scale (BD_PAGE_VIEW (view)), ==, 1.0);
  node = snapshot_of (view);
  g_assert_nonnull (node);
  gsk_render_node_unref (node);

  /* At 100 % on a screen of 96 pixels an inch: 793.70 → 794, 1122.52 → 1123. */
  bd_page_view_show (BD_PAGE_VIEW (view), layout, 0, 96.0 / 72);
  assert_size (view, 794 + 48, 1123 + 48);

  /* Schedule 2's page is turned. */
  bd_page_view_show (BD_PAGE_VIEW (view), layout, 6, 1.0);
  assert_size (view, 842 + 48, 596 + 48);

  /* A page past the last (the seed has 17), or no layout: nothing. */
  bd_page_view_show (BD_PAGE_VIEW (view), layout, 17, 1.0);
  assert_size (view, 48, 48);
  g_assert_null (snapshot_of (view));
  bd_page_view_show (BD_PAGE_VIEW (view), NULL, 0, 2.0);
  assert_size (view, 48, 48);
  g_assert_cmpfloat (bd_page_view_get_scale (BD_PAGE_VIEW (view)), ==, 2.0);

  /* The drawing is kept, not the layout: both go on their own. */
  g_assert_finalize_object (view);
  g_assert_finalize_object (layout);
}

int
main (int    argc,
      char **argv)
{
  bd_gtk_test_init (&argc, &argv);
  g_test_add_func ("/page-view/sizes", test_page_sizes);
  return g_test_run ();
}
