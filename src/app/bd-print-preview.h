/* bd-print-preview.h: the document as it will be printed: its pages one at
 * a time at a chosen zoom, thumbnails to move between them, printing and
 * export; above the pages, a banner when the document has errors (never
 * part of what is printed or exported). */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_PRINT_PREVIEW (bd_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (BdPrintPreview, bd_print_preview, BD, PRINT_PREVIEW, GtkWidget)

GtkWidget  *bd_print_preview_new            (BdEditor       *editor);
/* Of the layout shown; 0 before the preview was first shown. */
guint       bd_print_preview_get_n_pages    (BdPrintPreview *self);
/* From 0. */
guint       bd_print_preview_get_page       (BdPrintPreview *self);
void        bd_print_preview_set_page       (BdPrintPreview *self,
                                             guint           page);
/* "Page 3 of 17", as the toolbar reads. */
char       *bd_print_preview_dup_page_text  (BdPrintPreview *self);
/* Pixels per point of the page shown. */
double      bd_print_preview_get_scale      (BdPrintPreview *self);
/* The banner's text, or NULL when there is no banner. */
const char *bd_print_preview_get_banner     (BdPrintPreview *self);

/* What the export buttons do once a file or folder is chosen. Nothing is
 * left half-written when they fail. */
gboolean    bd_print_preview_export_pdf     (BdPrintPreview *self,
                                             const char     *path,
                                             GError        **error);
gboolean    bd_print_preview_export_xlsx    (BdPrintPreview *self,
                                             const char     *path,
                                             GError        **error);
/* One file per schedule, in @dir. */
gboolean    bd_print_preview_export_csv     (BdPrintPreview *self,
                                             const char     *dir,
                                             GError        **error);

G_END_DECLS
