/* ftruncate () is POSIX, beyond C11. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include <cairo-pdf.h>

#include "bd-file-replace.h"
#include "bd-page-layout-private.h"

/* cairo's stream status after a failed write is not reliably the
 * surface's status once finished, and stdio reports a failed flush only
 * through ferror(): the first errno is kept here and checked at the end. */
typedef struct {
  FILE *file;
  int   error;
} Output;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Output *output = closure;

  if (output->error == 0 && fwrite (data, 1, length, output->file) != length)
    output->error = errno != 0 ? errno : EIO;
  return output->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Flushes, syncs and closes the output; the errno of the first failure, or 0. */
static int
close_output (Output *output)
{
  int saved_errno = output->error;

  if (fflush (output->file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (ferror (output->file) && saved_errno == 0)
    saved_errno = EIO;
  if (saved_errno == 0 && fsync (fileno (output->file)) != 0 && errno != EINVAL)
    saved_errno = errno;
  if (fclose (output->file) != 0 && saved_errno == 0)
    saved_errno = errno;
  return saved_errno;
}

static void
add_outline (BdPageLayout    *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < BD_PAGE_N_CONTENTS; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *link = NULL;
      int id;

      if (self->contents_pages[i] < 0)
        continue;
      label = bd_page_contents_label (self, &bd_page_contents[i]);
      link = g_strdup_printf ("page=%d", self->contents_pages[i] + 1);
      id = cairo_pdf_surface_add_outline (surface, bd_page_contents[i].label ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          label, link, 0);
      if (bd_page_contents[i].label != NULL && bd_page_contents[i].schedule != 0)
        parent = id;
    }
}

/* Every page into @output, with the outline; cairo's status. */
static cairo_status_t
write_pages (BdPageLayout *self,
             Output       *output)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_file, output, self->paper.width, self->paper.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->doc->title ? self->doc->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->doc->department);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "BudgetDesk");
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && output->error == 0; i++)
    {
      double width, height;

      bd_page_layout_get_page_size (self, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      bd_page_layout_render_page (self, i, cr);
      cairo_show_page (cr);
    }
  add_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Draws the pages with the face cut down to their characters: the one
 * they were laid out with, or (laid out with the system's) one cut now.
 * Should a page draw a character it lacks (a layout is never meant to),
 * the file is started again with the system's fonts. */
static cairo_status_t
write_pages_subset (BdPageLayout *self,
                    Output       *output)
{
  g_autofree char *face_file = NULL;
  PangoFontMap *font_map = NULL;
  PageFonts subset = { NULL };
  cairo_status_t status;

  if (self->fonts == &self->system)
    {
      font_map = bd_page_subset_font_map (self, &face_file);
      if (font_map == NULL)
        return write_pages (self, output);
      bd_page_fonts_init (self, &subset, font_map);
      self->fonts = &subset;
    }
  status = write_pages (self, output);
  if (font_map != NULL)
    {
      self->fonts = &self->system;
      bd_page_fonts_clear (&subset);
      g_object_unref (font_map);
      if (face_file != NULL)
        g_unlink (face_file);
    }

  if (self->missed && output->error == 0)
    {
      g_debug ("A page drew a character its face was not cut for: drawn again whole");
      bd_page_use_system_fonts (self);
      if (fflush (output->file) != 0 || ftruncate (fileno (output->file), 0) != 0)
        output->error = errno;
      rewind (output->file);
      if (output->error == 0)
        status = write_pages (self, output);
    }
  return status;
}

gboolean
bd_page_layout_write_pdf (BdPageLayout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *temporary = NULL;
  cairo_status_t status;
  Output output = { NULL, 0 };
  int fd, saved_errno;

  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), FALSE);

  fd = bd_file_replace_begin (path, &temporary, error);
  if (fd < 0)
    return FALSE;
  output.file = fdopen (fd, "wb");
  if (output.file == NULL)
    {
      saved_errno = errno;
      close (fd);
      return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                   g_strerror (saved_errno), error);
    }

  status = write_pages_subset (self, &output);
  saved_errno = close_output (&output);
  if (saved_errno != 0)
    return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                 g_strerror (saved_errno), error);
  if (status != CAIRO_STATUS_SUCCESS)
    return bd_file_replace_fail (temporary, path, G_FILE_ERROR_IO, cairo_status_to_string (status), error);
  return bd_file_replace_commit (temporary, path, error);
}
