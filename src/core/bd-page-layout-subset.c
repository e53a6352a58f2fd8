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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "bd-file-replace.h"
#include "bd-page-layout-private.h"

/* The one face every role is set in, or NULL when the roles' figures came
 * out in different faces (a fontconfig set up otherwise than Debian's). */
static hb_font_t *
pages_face (BdPageLayout  *self,
            PangoFont    **pango_font)
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
        {
          first = hb;
          *pango_font = font;
        }
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

/* The face cut down to @unicodes_wanted, as the bytes of an OpenType
 * file; NULL when HarfBuzz cannot cut it. */
static hb_blob_t *
cut_face (hb_face_t *face,
          hb_set_t  *unicodes_wanted)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_set_t *features;
  hb_face_t *subset;
  hb_blob_t *blob = NULL;

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
   * follow through a CJK face's thousands of them, and what cairo keeps.
   * Hints dropped: the outlines stay as they are, but FreeType, which
   * cairo has load every glyph three times (measured, outlined, embedded),
   * reads each a fifth quicker without them (a seed PDF 99 → 80 ms), and
   * the PDF is 13 % smaller. Pages print and render the same (pdftoppm's
   * pixels are unchanged); only a viewer that hints CFF on screen at
   * small sizes draws the strokes a little less snapped to pixels. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING);
  subset = hb_subset_or_fail (face, input);
  hb_subset_input_destroy (input);
  if (subset != NULL)
    blob = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  if (blob != NULL && hb_blob_get_length (blob) == 0)
    g_clear_pointer (&blob, hb_blob_destroy);
  return blob;
}

/* The cut face in a temporary file of its own (fontconfig, pango and
 * cairo all open faces by name), to remove once drawn with. */
static char *
write_temporary (hb_blob_t *blob)
{
  g_autoptr(GError) error = NULL;
  unsigned int length = 0;
  const char *data = hb_blob_get_data (blob, &length);
  char *path = NULL;
  int fd = g_file_open_tmp ("budgetdesk-face-XXXXXX.otf", &path, &error);

  if (fd >= 0 && (!bd_file_write_all (fd, data, length, path, NULL) | !bd_file_close (fd, path, NULL)))
    {
      g_unlink (path);
      g_clear_pointer (&path, g_free);
    }
  return path;
}

/* The cut faces kept between runs: a document exported again, or its
 * preview then its PDF in another run, finds its face cut already. */
#define CACHE_VERSION  "budgetdesk-face-2"   /* changed whenever cut_face () cuts otherwise */
#define CACHE_KEPT     16

/* The file the face of @font cut to @unicodes is kept in, named after
 * what it is cut from (the face's file, its size, times and inode,
 * its index in a collection; HarfBuzz's version) and the characters; NULL
 * when the face has no file. */
static char *
cache_path (PangoFont *font,
            hb_set_t  *unicodes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;
  FcPattern *pattern = PANGO_IS_FC_FONT (font) ? pango_fc_font_get_pattern (PANGO_FC_FONT (font)) : NULL;
  FcChar8 *file = NULL;
  int index = 0;
  struct stat st;
  gint64 identity[5];
  hb_codepoint_t ch = HB_SET_VALUE_INVALID;

  if (pattern == NULL || FcPatternGetString (pattern, FC_FILE, 0, &file) != FcResultMatch
      || stat ((const char *) file, &st) != 0)
    return NULL;
  FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
  identity[0] = st.st_size;
  identity[1] = st.st_mtime;
  identity[2] = st.st_ctime;
  identity[3] = st.st_ino;
  identity[4] = index;
  g_checksum_update (checksum, (const guchar *) CACHE_VERSION, -1);
  g_checksum_update (checksum, (const guchar *) hb_version_string (), -1);
  g_checksum_update (checksum, file, strlen ((const char *) file) + 1);
  g_checksum_update (checksum, (const guchar *) identity, sizeof identity);
  while (hb_set_next (unicodes, &ch))
    g_checksum_update (checksum, (const guchar *) &ch, sizeof ch);

  name = g_strconcat (g_checksum_get_string (checksum), ".otf", NULL);
  return g_build_filename (g_get_user_cache_dir (), "budgetdesk", "faces", name, NULL);
}

typedef struct
{
  char   *path;
  time_t  written;
} CachedFace;

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  time_t ta = ((const CachedFace *) a)->written;
  time_t tb = ((const CachedFace *) b)->written;

  return (tb > ta) - (tb < ta);
}

/* Only the CACHE_KEPT faces written or used last are kept: a face for each set of
 * characters ever exported would fill the cache folder. */
static void
cache_prune (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GArray) faces = g_array_new (FALSE, FALSE, sizeof (CachedFace));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      CachedFace face = { g_build_filename (folder, name, NULL), 0 };
      GStatBuf st;

      if (!g_str_has_suffix (name, ".otf") || g_stat (face.path, &st) != 0)
        {
          g_free (face.path);
          continue;
        }
      face.written = st.st_mtime;
      g_array_append_val (faces, face);
    }
  g_array_sort (faces, newest_first);
  for (guint i = 0; i < faces->len; i++)
    {
      CachedFace *face = &g_array_index (faces, CachedFace, i);

      if (i >= CACHE_KEPT)
        g_unlink (face->path);
      g_free (face->path);
    }
}

/* Keeps the cut face in @path, written whole or not at all (a run cut off
 * half way, or two runs at once, never leave half a face). */
static gboolean
cache_write (hb_blob_t  *blob,
             const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  unsigned int length = 0;
  const char *data = hb_blob_get_data (blob, &length);

  if (g_mkdir_with_parents (folder, 0700) != 0 || !bd_file_replace_contents (path, data, length, NULL))
    return FALSE;
  cache_prune (folder);
  return TRUE;
}

/* A font map holding nothing but the pages' face cut down to the
 * characters noted so far, and in @path the temporary file it reads, to
 * remove once the map is gone (NULL when the face is read from the
 * cache); NULL when the pages cannot be drawn with it. */
PangoFontMap *
bd_page_subset_font_map (BdPageLayout  *self,
                         char         **path)
{
  PangoFont *pango_font = NULL;
  hb_font_t *font = pages_face (self, &pango_font);
  g_autofree char *cached = NULL;
  const char *face_file;
  hb_set_t *unicodes;
  PangoFontMap *font_map = NULL;
  FcConfig *config;

  *path = NULL;
  if (font == NULL || self->missed)
    return NULL;
  unicodes = hb_set_create ();
  if (collect_characters (self, font, unicodes))
    {
      cached = cache_path (pango_font, unicodes);
      /* A face used is made the newest, so that another run pruning the
       * cache (cache_prune ()) removes one used longest ago, not this. */
      if (cached == NULL || g_utime (cached, NULL) != 0)
        {
          hb_blob_t *blob = cut_face (hb_font_get_face (font), unicodes);

          if (blob == NULL || cached == NULL || !cache_write (blob, cached))
            g_clear_pointer (&cached, g_free);
          if (blob != NULL && cached == NULL)
            *path = write_temporary (blob);
          hb_blob_destroy (blob);
        }
    }
  hb_set_destroy (unicodes);
  face_file = cached != NULL ? cached : *path;
  if (face_file == NULL)
    return NULL;

  config = FcConfigCreate ();
  if (FcConfigAppFontAddFile (config, (const FcChar8 *) face_file))
    {
      font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
      pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
    }
  FcConfigDestroy (config);
  if (font_map == NULL)
    {
      /* A kept face fontconfig cannot read is cut again next time. */
      g_unlink (face_file);
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
