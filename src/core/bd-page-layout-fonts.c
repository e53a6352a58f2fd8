#include <cairo-pdf.h>

#include "bd-page-layout-private.h"

static void
shape_figure_glyphs (BdPageLayout *self,
                     PageFonts    *fonts,
                     Role          role)
{
  FigureGlyphs *figures = &fonts->figure_glyphs[role];
  PangoLayout *layout = fonts->line_layouts[role];
  PangoLayoutLine *line;
  PangoGlyphItem *run;

  pango_layout_set_text (layout, FIGURE_CHARS, -1);
  line = pango_layout_get_line_readonly (layout, 0);
  if (line->runs == NULL || line->runs->next != NULL)
    return;
  run = line->runs->data;
  if (run->glyphs->num_glyphs != (int) strlen (FIGURE_CHARS))
    return;
  for (int g = 0; g < run->glyphs->num_glyphs; g++)
    {
      unsigned char ch = FIGURE_CHARS[run->glyphs->log_clusters[g]];
      figures->glyphs[ch] = run->glyphs->glyphs[g];
      figures->glyphs[ch].geometry.x_offset = figures->glyphs[ch].geometry.y_offset = 0;
    }
  figures->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  figures->font = g_object_ref (run->item->analysis.font);
}

/* The features HarfBuzz applies by default to horizontal text written
 * left to right (pango asks for no others). The first fifteen may change
 * a glyph next to others; the last five apply only around a fraction
 * slash or for the direction, and are kept in a subset all the same. */
const hb_tag_t bd_page_default_features[BD_PAGE_N_SUBSET_FEATURES] = {
  HB_TAG ('a','b','v','m'), HB_TAG ('b','l','w','m'), HB_TAG ('c','c','m','p'), HB_TAG ('l','o','c','l'),
  HB_TAG ('m','a','r','k'), HB_TAG ('m','k','m','k'), HB_TAG ('r','l','i','g'), HB_TAG ('c','a','l','t'),
  HB_TAG ('c','l','i','g'), HB_TAG ('c','u','r','s'), HB_TAG ('d','i','s','t'), HB_TAG ('k','e','r','n'),
  HB_TAG ('l','i','g','a'), HB_TAG ('r','c','l','t'), HB_TAG ('r','v','r','n'),
  HB_TAG ('l','t','r','a'), HB_TAG ('l','t','r','m'), HB_TAG ('f','r','a','c'), HB_TAG ('n','u','m','r'),
  HB_TAG ('d','n','o','m'),
};

static PangoGlyphInfo no_glyph;

static void
free_glyph (gpointer glyph)
{
  if (glyph != &no_glyph)
    g_free (glyph);
}

/* Characters that may be set one to a glyph, each its own width, with
 * nothing between them: Chinese characters, their punctuation and figures
 * (not the tone marks and repeat marks of U+302A-3035, which reorder and
 * join). Latin letters kern and join, so text holding them is shaped whole;
 * so is text holding a glyph the face kerns (contextual_glyphs ()). */
static gboolean
is_set_alone (gunichar ch)
{
  return (ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0x3400 && ch <= 0x4DBF)
    || (ch >= 0x3001 && ch <= 0x303F && !(ch >= 0x302A && ch <= 0x3035))
    || (ch >= 0xFF01 && ch <= 0xFF5E)
    || (ch < 0x80 && strchr (FIGURE_CHARS, (int) ch) != NULL && ch != 0);
}

/* The glyphs that the lookups HarfBuzz applies by default to horizontal
 * Chinese text (script hani, language ZHS, as pango shapes zh-cn) may
 * substitute or move next to others. In Noto Serif CJK SC: closing
 * punctuation and “,-.”, which its kern feature pairs; a character drawn
 * from such a glyph is drawn with its text shaped whole. */
static hb_set_t *
contextual_glyphs (hb_face_t *face)
{
  const hb_tag_t *features = bd_page_default_features;
  static const hb_tag_t tables[] = { HB_OT_TAG_GSUB, HB_OT_TAG_GPOS };
  hb_tag_t scripts[] = { HB_TAG ('h','a','n','i'), HB_OT_TAG_DEFAULT_SCRIPT };
  hb_tag_t language = HB_TAG ('Z','H','S',' ');
  hb_set_t *glyphs = hb_set_create ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      unsigned int script, lang, feature, required;
      hb_tag_t chosen;

      hb_ot_layout_table_select_script (face, tables[t], G_N_ELEMENTS (scripts), scripts, &script, &chosen);
      if (script == HB_OT_LAYOUT_NO_SCRIPT_INDEX)
        continue;
      hb_ot_layout_script_select_language (face, tables[t], script, 1, &language, &lang);
      for (guint f = 0; f <= BD_PAGE_N_DEFAULT_FEATURES; f++)
        {
          unsigned int lookups[64], n = G_N_ELEMENTS (lookups), start = 0;

          if (f == BD_PAGE_N_DEFAULT_FEATURES)
            {
              if (!hb_ot_layout_language_get_required_feature (face, tables[t], script, lang, &required, NULL))
                continue;
              feature = required;
            }
          else if (!hb_ot_layout_language_find_feature (face, tables[t], script, lang, features[f], &feature))
            continue;
          do
            {
              n = G_N_ELEMENTS (lookups);
              hb_ot_layout_feature_get_lookups (face, tables[t], feature, start, &n, lookups);
              for (unsigned int i = 0; i < n; i++)
                hb_ot_layout_lookup_collect_glyphs (face, tables[t], lookups[i], glyphs, glyphs, glyphs, NULL);
              start += n;
            }
          while (n == G_N_ELEMENTS (lookups));
        }
    }
  return glyphs;
}

/* The glyph @ch is drawn with alone in @role, shaped once for the fonts
 * drawing now; NULL when it is not one glyph of the role's face, or not a
 * character set alone (then the text it is in is shaped whole). */
const PangoGlyphInfo *
bd_page_char_glyph (BdPageLayout *self,
                    Role          role,
                    gunichar      ch)
{
  PangoFont *font = self->fonts->figure_glyphs[role].font;
  PangoGlyphInfo *glyph = g_hash_table_lookup (self->fonts->char_glyphs[role], GUINT_TO_POINTER (ch));

  if (glyph != NULL)
    return glyph != &no_glyph ? glyph : NULL;
  if (font == NULL || !is_set_alone (ch))
    glyph = &no_glyph;
  else
    {
      PangoLayout *layout = self->fonts->line_layouts[role];
      char buffer[8] = { 0 };
      PangoLayoutLine *line;
      PangoGlyphItem *run;

      g_unichar_to_utf8 (ch, buffer);
      pango_layout_set_text (layout, buffer, -1);
      line = pango_layout_get_line_readonly (layout, 0);
      run = line->runs != NULL && line->runs->next == NULL ? line->runs->data : NULL;
      if (run == NULL || run->glyphs->num_glyphs != 1 || run->item->analysis.font != font
          || (run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          || self->fonts->contextual == NULL
          || hb_set_has (self->fonts->contextual, run->glyphs->glyphs[0].glyph))
        glyph = &no_glyph;
      else
        {
          glyph = g_memdup2 (&run->glyphs->glyphs[0], sizeof (PangoGlyphInfo));
          glyph->geometry.x_offset = glyph->geometry.y_offset = 0;
        }
    }
  g_hash_table_insert (self->fonts->char_glyphs[role], GUINT_TO_POINTER (ch), glyph);
  return glyph != &no_glyph ? glyph : NULL;
}

/* Text is measured in points, unhinted, so that the pages are the same on
 * paper, in a PDF and in the preview at any zoom. The options are a PDF
 * surface's own: the fonts text is measured with are then the very fonts a
 * PDF draws with, and cairo loads each glyph once, not once for each. */
static void
fonts_init_context (PageFonts    *fonts,
                    PangoFontMap *font_map)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, 1, 1);

  cairo_surface_get_font_options (pdf, options);
  cairo_surface_destroy (pdf);
  fonts->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (fonts->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (fonts->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (fonts->context, FALSE);
  pango_context_set_language (fonts->context, pango_language_from_string ("zh-cn"));
}

static void
fonts_init_role (BdPageLayout *self,
                 PageFonts    *fonts,
                 Role          role)
{
  fonts->line_layouts[role] = pango_layout_new (fonts->context);
  pango_layout_set_font_description (fonts->line_layouts[role], self->descriptions[role]);
  fonts->char_glyphs[role] = g_hash_table_new_full (NULL, NULL, NULL, free_glyph);
  shape_figure_glyphs (self, fonts, role);
}

/* Every role's fonts, once the context is made. */
static void
fonts_complete (BdPageLayout *self,
                PageFonts    *fonts)
{
  for (guint i = 0; i < N_ROLES; i++)
    if (fonts->line_layouts[i] == NULL)
      fonts_init_role (self, fonts, i);
  if (fonts->figure_glyphs[ROLE_TABLE].font != NULL)
    {
      fonts->contextual = contextual_glyphs (hb_font_get_face (pango_font_get_hb_font (fonts->figure_glyphs[ROLE_TABLE].font)));
      g_debug ("%u glyphs of the pages' face change next to others", hb_set_get_population (fonts->contextual));
    }
  fonts->complete = TRUE;
}

void
bd_page_fonts_init (BdPageLayout *self,
                    PageFonts    *fonts,
                    PangoFontMap *font_map)
{
  fonts_init_context (fonts, font_map);
  fonts_complete (self, fonts);
}

/* The system's fonts as the fonts that draw, made ready for every role
 * the first time: when the pages are set in the cut face (as they are
 * unless it cannot be cut), only the table's figures are shaped with them,
 * to find the face. */
void
bd_page_use_system_fonts (BdPageLayout *self)
{
  if (!self->system.complete)
    fonts_complete (self, &self->system);
  self->fonts = &self->system;
}

void
bd_page_fonts_clear (PageFonts *fonts)
{
  for (guint i = 0; i < N_ROLES; i++)
    {
      g_clear_object (&fonts->line_layouts[i]);
      g_clear_object (&fonts->figure_glyphs[i].font);
      g_clear_pointer (&fonts->char_glyphs[i], g_hash_table_unref);
    }
  g_clear_pointer (&fonts->contextual, hb_set_destroy);
  g_clear_object (&fonts->context);
  fonts->complete = FALSE;
}

void
bd_page_setup_fonts (BdPageLayout *self)
{
  for (guint i = 0; i < N_ROLES; i++)
    {
      self->descriptions[i] = pango_font_description_from_string (SERIF);
      pango_font_description_set_size (self->descriptions[i], (int) (bd_page_role_sizes[i] * PANGO_SCALE));
      self->char_widths[i] = g_hash_table_new (NULL, NULL);
    }
  /* Fontconfig picks a scalable face whatever the size: the one the
   * table's figures come from is every role's. */
  fonts_init_context (&self->system, pango_cairo_font_map_get_default ());
  fonts_init_role (self, &self->system, ROLE_TABLE);
  self->fonts = &self->system;
  /* What every page draws besides the document's text: its number. */
  bd_page_note_text (self, "— 0123456789 " FIGURE_CHARS);
}

void
bd_page_layout_prepare (void)
{
  /* The default font map of this thread, kept by pango: made now, its
   * fontconfig is read while the caller reads the document. */
  pango_cairo_font_map_get_default ();
}

/* The height of a line of each role, with the fonts chosen to lay out. */
void
bd_page_measure_lines (BdPageLayout *self)
{
  for (guint i = 0; i < N_ROLES; i++)
    {
      PangoRectangle logical;

      pango_layout_set_text (self->fonts->line_layouts[i], "国0", -1);
      pango_layout_get_extents (self->fonts->line_layouts[i], NULL, &logical);
      self->line_heights[i] = (double) logical.height / PANGO_SCALE;
    }
}

/* Notes the characters of @text as drawn on the pages. */
void
bd_page_note_text (BdPageLayout *self,
                   const char   *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      guint32 bit = 1u << (ch % 32);

      if (ch > 0xFFFF)
        self->missed = TRUE;
      else if (!(self->chars[ch / 32] & bit))
        {
          self->chars[ch / 32] |= bit;
          if (self->fonts != &self->system && !self->missed)
            {
              g_debug ("U+%04X is drawn but was not laid out", ch);
              self->missed = TRUE;
            }
          /* Text the document was given since it was laid out: the rest
           * is drawn with the system's fonts, which have every character. */
          if (self->fonts == &self->subset)
            bd_page_use_system_fonts (self);
        }
    }
}

/* The width of one line of @text, from the widths of its characters, each
 * shaped once: a table of 13,000 rows is measured without shaping each cell.
 * Kerning is ignored, so callers leave a little room. */
double
bd_page_text_width (BdPageLayout *self,
                    Role          role,
                    const char   *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gpointer known = g_hash_table_lookup (self->char_widths[role], GUINT_TO_POINTER (ch));

      if (known == NULL)
        {
          char buffer[8] = { 0 };
          PangoRectangle logical;

          g_unichar_to_utf8 (ch, buffer);
          bd_page_note_text (self, buffer);
          pango_layout_set_text (self->fonts->line_layouts[role], buffer, -1);
          pango_layout_get_extents (self->fonts->line_layouts[role], NULL, &logical);
          /* Stored plus one, so that a zero width is not mistaken for a miss. */
          known = GINT_TO_POINTER (logical.width + 1);
          g_hash_table_insert (self->char_widths[role], GUINT_TO_POINTER (ch), known);
        }
      width += GPOINTER_TO_INT (known) - 1;
    }
  return width * 1.02 / PANGO_SCALE;
}

PangoLayout *
bd_page_wrapped_layout (BdPageLayout   *self,
                        Role            role,
                        const char     *text,
                        double          width,
                        PangoAlignment  align,
                        gboolean        indent)
{
  PangoLayout *layout;

  bd_page_note_text (self, text);
  layout = pango_layout_new (self->fonts->context);
  pango_layout_set_font_description (layout, self->descriptions[role]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  if (role == ROLE_BODY)
    pango_layout_set_line_spacing (layout, LINE_SPACING);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * bd_page_role_sizes[role] * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
bd_page_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}
