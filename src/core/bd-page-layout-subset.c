/* The face the pages are set in, cut down with HarfBuzz to the characters
 * they use before cairo sees it.
 *
 * cairo embeds a CFF face by copying its whole CFF table (23 MB for Noto
 * Serif CJK), loading glyphs through its subroutines and compressing a
 * subset that keeps them all (700 KB for the seed): most of the time of a
 * PDF. A face of the few hundred characters a budget uses, its subroutines
 * expanded, is a few hundred KB: cairo reads it at once and writes a PDF a
 * quarter the size. The layout tables (GSUB, GPOS) stay, so text shapes to
 * the same glyphs, and the advances stay, so the pages laid out with the
 * system's face are drawn with this one unchanged. */

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <pango/pangofc-fontmap.h>
#include <unistd.h>

#include "bd-file-replace.h"
#include "bd-page-layout-private.h"

/* The one face every role is set in, or NULL when the roles' figures came
 * out in different faces (a fontconfig set up otherwise than Debian's). */
static hb_font_t *
pages_face (BdPageLayout *self)
{
  hb_font_t *first = NULL;

  for (guint i = 0; i < N_ROLES; i++)
    {
      PangoFont *font = self->system.figure_glyphs[i].font;
      hb_font_t *hb;

      if (!self->system.complete && i != ROLE_TABLE)
        continue;
      hb = font ? pango_font_get_hb_font (font) : NULL;

      if (hb == NULL || (first != NULL && hb_font_get_face (hb) != hb_font_get_face (first)))
        return NULL;
      if (first == NULL)
        first = hb;
    }
  return first;
}

/* The characters the pages use; FALSE when the face lacks one, which
 * fontconfig then takes from another face: the pages are drawn as laid out,
 * with the system's fonts. */
static gboolean
collect_characters (BdPageLayout *self,
                    hb_font_t    *font,
                    hb_set_t     *unicodes)
{
  for (gunichar ch = 0; ch < 0x10000; ch++)
    {
      hb_codepoint_t glyph;

      if (!(self->chars[ch / 32] & (1u << (ch % 32))))
        continue;
      /* Line breaks and tabs are never drawn. */
      if (ch >= 0x20 && !hb_font_get_nominal_glyph (font, ch, &glyph))
        {
          g_debug ("The pages' face lacks U+%04X: the PDF is drawn with the system's fonts", ch);
          return FALSE;
        }
      hb_set_add (unicodes, ch);
    }
  return TRUE;
}

/* The subset face in a file of its own: fontconfig, pango and cairo all
 * open faces by name. */
static char *
write_subset (hb_face_t *face,
              hb_set_t  *unicodes_wanted)
{
  g_autoptr(GError) error = NULL;
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_set_t *features;
  hb_face_t *subset = NULL;
  hb_blob_t *blob = NULL;
  const char *data;
  unsigned int length = 0;
  char *path = NULL;
  int fd = -1;

  if (input == NULL)
    return NULL;
  hb_set_union (hb_subset_input_unicode_set (input), unicodes_wanted);
  /* Only the lookups HarfBuzz applies by default to horizontal text, the
   * only ones pango asks for: the face's others (aalt, vert, the full,
   * half and proportional widths, ...) are alternates to follow and cut
   * for nothing. */
  features = hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb_set_clear (features);
  for (guint i = 0; i < BD_PAGE_N_SUBSET_FEATURES; i++)
    hb_set_add (features, bd_page_default_features[i]);
  /* Subroutines expanded: an order of magnitude quicker to cut than to
   * follow through a CJK face's thousands of them, and what cairo keeps. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  subset = hb_subset_or_fail (face, input);
  hb_subset_input_destroy (input);
  if (subset != NULL)
    blob = hb_face_reference_blob (subset);
  data = blob ? hb_blob_get_data (blob, &length) : NULL;
  if (length > 0)
    fd = g_file_open_tmp ("budgetdesk-face-XXXXXX.otf", &path, &error);
  if (fd >= 0 && (!bd_file_write_all (fd, data, length, path, NULL) | !bd_file_close (fd, path, NULL)))
    {
      g_unlink (path);
      g_clear_pointer (&path, g_free);
    }
  hb_blob_destroy (blob);
  hb_face_destroy (subset);
  return path;
}

/* A font map holding nothing but the pages' face cut down to the
 * characters noted so far, and in @path the file it reads (to remove once
 * the map is gone); NULL when the pages cannot be drawn with it. */
PangoFontMap *
bd_page_subset_font_map (BdPageLayout  *self,
                         char         **path)
{
  hb_font_t *font = pages_face (self);
  hb_set_t *unicodes;
  PangoFontMap *font_map = NULL;
  FcConfig *config;

  *path = NULL;
  if (font == NULL || self->missed)
    return NULL;
  unicodes = hb_set_create ();
  if (collect_characters (self, font, unicodes))
    *path = write_subset (hb_font_get_face (font), unicodes);
  hb_set_destroy (unicodes);
  if (*path == NULL)
    return NULL;

  config = FcConfigCreate ();
  if (FcConfigAppFontAddFile (config, (const FcChar8 *) *path))
    {
      font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
      pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
    }
  FcConfigDestroy (config);
  if (font_map == NULL)
    {
      g_unlink (*path);
      g_clear_pointer (path, g_free);
    }
  return font_map;
}

/* Lays out and draws with the face cut down to the characters noted so far
 * (all of the document's): the system's face, measured glyph by glyph,
 * would load each glyph again, and drawing with it cut would load it a
 * third time. Left with the system's fonts when it cannot be cut. */
void
bd_page_use_subset (BdPageLayout *self)
{
  self->subset_map = bd_page_subset_font_map (self, &self->subset_file);
  if (self->subset_map == NULL)
    {
      bd_page_use_system_fonts (self);
      return;
    }
  bd_page_fonts_init (self, &self->subset, self->subset_map);
  self->fonts = &self->subset;
}

void
bd_page_subset_clear (BdPageLayout *self)
{
  if (self->fonts == &self->subset)
    bd_page_use_system_fonts (self);
  bd_page_fonts_clear (&self->subset);
  g_clear_object (&self->subset_map);
  if (self->subset_file != NULL)
    g_unlink (self->subset_file);
  g_clear_pointer (&self->subset_file, g_free);
}
