#include "bd-page-layout-private.h"

/* In points: the text in 五号 (10.5), tables a size smaller. */
const double bd_page_role_sizes[N_ROLES] = {
  [ROLE_BODY]  = 10.5,
  [ROLE_TABLE] = 9,
  [ROLE_SMALL] = 10.5,
  [ROLE_TITLE] = 16,
  [ROLE_COVER] = 26,
};

const ContentsEntry bd_page_contents[BD_PAGE_N_CONTENTS] = {
  { "一、部门主要职能", "functions", 0, 0 },
  { "二、部门机构设置", "organisation", 0, 0 },
  { "三、名词解释", "glossary", 0, 0 },
  { "四、部门预算编制说明", "narrative", 0, BD_PART_NARRATIVE },
  { "五、部门预算表", NULL, 1, 0 },
  { NULL, NULL, 1, BD_PART_SCHEDULE_1 }, { NULL, NULL, 2, BD_PART_SCHEDULE_2 },
  { NULL, NULL, 3, BD_PART_SCHEDULE_3 }, { NULL, NULL, 4, BD_PART_SCHEDULE_4 },
  { NULL, NULL, 5, BD_PART_SCHEDULE_5 }, { NULL, NULL, 6, BD_PART_SCHEDULE_6 },
  { NULL, NULL, 7, BD_PART_SCHEDULE_7 }, { NULL, NULL, 8, BD_PART_SCHEDULE_8 },
  { NULL, NULL, 9, BD_PART_SCHEDULE_9 },
  { "六、其他相关情况说明", "other", 0, BD_PART_OTHER },
  { "七、政府雇员项目经费情况说明", "employees", 0, BD_PART_EMPLOYEES },
  { "八、财政项目支出绩效目标表", NULL, 0, BD_PART_PERFORMANCE },
};

G_DEFINE_FINAL_TYPE (BdPageLayout, bd_page_layout, G_TYPE_OBJECT)

BdPaper
bd_paper_a4 (void)
{
  return (BdPaper) {
    .width = MM (210), .height = MM (297),
    .margin_top = MM (25), .margin_bottom = MM (25),
    .margin_left = MM (20), .margin_right = MM (20),
  };
}

static void
page_clear (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      g_free (g_array_index (page->items, Item, i).text);
      g_clear_object (&g_array_index (page->items, Item, i).layout);
    }
  g_array_unref (page->items);
}

static void
bd_page_layout_finalize (GObject *object)
{
  BdPageLayout *self = BD_PAGE_LAYOUT (object);

  for (guint i = 0; i < N_ROLES; i++)
    {
      pango_font_description_free (self->descriptions[i]);
      g_clear_pointer (&self->char_widths[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->batch_glyphs, g_array_unref);
  g_clear_pointer (&self->batch_clusters, g_array_unref);
  g_string_free (self->batch_text, TRUE);
  g_clear_pointer (&self->grid, bd_grid_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->noted_grids, g_ptr_array_unref);
  /* Not drawing any more: the system's fonts need not be made ready. */
  self->fonts = &self->system;
  bd_page_subset_clear (self);
  bd_page_fonts_clear (&self->system);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (bd_page_layout_parent_class)->finalize (object);
}

static void
bd_page_layout_class_init (BdPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_page_layout_finalize;
}

static void
bd_page_layout_init (BdPageLayout *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_page_table_free);
  self->noted_grids = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_grid_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);
  self->batch_glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->batch_clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  self->batch_text = g_string_new (NULL);
}

Page *
bd_page_current (BdPageLayout *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

void
bd_page_size (BdPageLayout *self,
              gboolean      landscape,
              double       *width,
              double       *height)
{
  *width = landscape ? self->paper.height : self->paper.width;
  *height = landscape ? self->paper.width : self->paper.height;
}

/* The margins of a page as it is drawn: a landscape page is the paper
 * turned, its margins with it (the upright page's left margin is at the
 * bottom of a turned page, so a bound edge stays bound). */
void
bd_page_margins (BdPageLayout *self,
                 gboolean      landscape,
                 double       *top,
                 double       *right,
                 double       *bottom,
                 double       *left)
{
  const BdPaper *p = &self->paper;

  if (landscape)
    *top = p->margin_right, *right = p->margin_bottom, *bottom = p->margin_left, *left = p->margin_top;
  else
    *top = p->margin_top, *right = p->margin_right, *bottom = p->margin_bottom, *left = p->margin_left;
}

double
bd_page_frame_width (BdPageLayout *self,
                     gboolean      landscape)
{
  double width, height, top, right, bottom, left;

  bd_page_size (self, landscape, &width, &height);
  bd_page_margins (self, landscape, &top, &right, &bottom, &left);
  return width - left - right;
}

double
bd_page_frame_bottom (BdPageLayout *self)
{
  gboolean landscape = bd_page_current (self)->landscape;
  double width, height, top, right, bottom, left;

  bd_page_size (self, landscape, &width, &height);
  bd_page_margins (self, landscape, &top, &right, &bottom, &left);
  /* The page number sits in the bottom margin. */
  return height - bottom;
}

void
bd_page_new_page (BdPageLayout *self,
                  gboolean      landscape)
{
  Page page = { landscape, g_array_new (FALSE, TRUE, sizeof (Item)) };
  double right, bottom;

  g_array_append_val (self->pages, page);
  bd_page_margins (self, landscape, &self->cursor_y, &right, &bottom, &self->frame_left);
  self->frame_top = self->cursor_y;
}

Item *
bd_page_add_item (BdPageLayout *self,
                  ItemKind      kind)
{
  Page *page = bd_page_current (self);
  Item item = { .kind = kind, .x = self->frame_left, .y = self->cursor_y,
                .width = bd_page_frame_width (self, page->landscape) };

  g_array_append_val (page->items, item);
  return &g_array_index (page->items, Item, page->items->len - 1);
}

/* A block of text across the frame; a paragraph longer than what is left of
 * the page goes on on the next one, line by line. */
void
bd_page_add_text (BdPageLayout   *self,
                  const char     *text,
                  Role            role,
                  PangoAlignment  align,
                  gboolean        indent,
                  double          space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean landscape = bd_page_current (self)->landscape;
  double width = bd_page_frame_width (self, landscape);

  layout = bd_page_wrapped_layout (self, role, text, width, align, indent);
  while (self->cursor_y + bd_page_layout_height (layout) > bd_page_frame_bottom (self))
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      double room = bd_page_frame_bottom (self) - self->cursor_y;
      int split = -1;

      do
        {
          int y0, y1;
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if ((double) y1 / PANGO_SCALE > room)
            break;
          split = pango_layout_iter_get_line_readonly (iter)->start_index
                + pango_layout_iter_get_line_readonly (iter)->length;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (split > 0)
        {
          Item *item = bd_page_add_item (self, ITEM_TEXT);
          const char *all = pango_layout_get_text (layout);
          g_autofree char *rest = g_strdup (all + split);

          item->text = g_strndup (all, split);
          item->role = role, item->align = align, item->indent = indent;
          g_object_unref (layout);
          layout = bd_page_wrapped_layout (self, role, rest, width, align, FALSE);
          indent = FALSE;
        }
      else if (self->cursor_y == self->frame_top)
        break;   /* a line taller than a page: print it as it is */
      bd_page_new_page (self, landscape);
    }

  Item *item = bd_page_add_item (self, ITEM_TEXT);
  item->text = g_strdup (pango_layout_get_text (layout));
  item->role = role, item->align = align, item->indent = indent;
  self->cursor_y += bd_page_layout_height (layout) + space_after;
  item->layout = g_steal_pointer (&layout);
}

/* 编制部门：… on the left and 单位：元 on the right of one line. */
void
bd_page_add_line_pair (BdPageLayout *self,
                       const char   *left,
                       const char   *right)
{
  Item *item = bd_page_add_item (self, ITEM_TEXT);

  /* Not measured: noted for the PDF's face. */
  bd_page_note_text (self, left);
  bd_page_note_text (self, right);
  item->text = g_strdup (left);
  item->role = ROLE_SMALL, item->align = PANGO_ALIGN_LEFT;
  item = bd_page_add_item (self, ITEM_TEXT);
  item->text = g_strdup (right);
  item->role = ROLE_SMALL, item->align = PANGO_ALIGN_RIGHT;
  self->cursor_y += self->line_heights[ROLE_SMALL] + 4;
}

/* A line such as 一、项目概述 heads what follows: it is set flush, with
 * room above, where a paragraph is indented. */
static gboolean
is_subheading (const char *line)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = line;

  while (*p && strncmp (p, "、", strlen ("、")) != 0)
    {
      char digit[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), digit);
      if (strstr (numerals, digit) == NULL)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return *p != '\0' && p != line && strstr (line, "。") == NULL && g_utf8_strlen (line, -1) <= 40;
}

static int
add_section (BdPageLayout *self,
             const char   *id)
{
  BdSection *section = bd_document_get_section (self->doc, id);
  int first_page = self->pages->len;

  if (section == NULL)
    return -1;
  bd_page_new_page (self, FALSE);
  bd_page_add_text (self, section->title, ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 14);
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (section->paragraphs, i), "\n", -1);
      for (guint l = 0; lines[l]; l++)
        {
          const char *line = g_strstrip (lines[l]);

          if (*line == '\0')
            continue;
          if (is_subheading (line))
            {
              if (self->cursor_y > self->frame_top + 40)
                self->cursor_y += 6;
              bd_page_add_text (self, line, ROLE_BODY, PANGO_ALIGN_LEFT, FALSE, 6);
            }
          else
            bd_page_add_text (self, line, ROLE_BODY, PANGO_ALIGN_LEFT, TRUE, 6);
        }
    }
  return first_page;
}

static void
add_cover (BdPageLayout *self)
{
  BdDocument *doc = self->doc;
  g_autofree char *title = doc->title ? g_strdup (doc->title)
                                      : g_strdup_printf ("%d年部门预算", doc->year);
  g_autofree char *department = g_strdup_printf ("%s：%s", bd_document_cover_label (doc), doc->department);

  bd_page_new_page (self, FALSE);
  if (doc->attachment != NULL)
    bd_page_add_text (self, doc->attachment, ROLE_BODY, PANGO_ALIGN_LEFT, FALSE, 0);
  self->cursor_y = self->frame_top + 90;
  bd_page_add_text (self, title, ROLE_COVER, PANGO_ALIGN_CENTER, FALSE, 24);
  bd_page_add_text (self, department, ROLE_BODY, PANGO_ALIGN_CENTER, FALSE, 60);
  bd_page_add_text (self, "目  录", ROLE_TITLE, PANGO_ALIGN_CENTER, FALSE, 16);
  bd_page_add_item (self, ITEM_CONTENTS);
}

static void
lay_out (BdPageLayout *self)
{
  BdDocument *doc = self->doc;

  add_cover (self);
  for (guint i = 0; i < BD_PAGE_N_CONTENTS; i++)
    {
      const ContentsEntry *entry = &bd_page_contents[i];
      g_autofree char *label = bd_page_contents_label (self, entry);

      /* Drawn on the cover and measured only then. */
      bd_page_note_text (self, label);

      if (entry->section != NULL)
        {
          self->contents_pages[i] = add_section (self, entry->section);
          continue;
        }
      /* 五 has no page of its own: it points at schedule 1's, the next one. */
      self->contents_pages[i] = self->pages->len;
      if (entry->part == BD_PART_PERFORMANCE)
        {
          if (doc->projects->len == 0)
            self->contents_pages[i] = -1;
          for (guint p = 0; p < doc->projects->len; p++)
            bd_page_add_table (self, 0, p);
        }
      else if (entry->label == NULL)
        bd_page_add_table (self, entry->schedule, 0);
    }
}

static void
note_grid (BdPageLayout *self,
           BdGrid       *grid)
{
  const char *texts[] = { grid->title, grid->subtitle, grid->department, grid->unit, grid->note, "（续）" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      bd_page_note_text (self, texts[i]);
  for (gsize i = 0; i < (gsize) grid->n_rows * grid->n_columns; i++)
    if (grid->cells[i].text != NULL)
      bd_page_note_text (self, grid->cells[i].text);
  g_ptr_array_add (self->noted_grids, grid);
}

/* Every character lay_out () will set, noted before, walking the document
 * as it does: the tables' grids are built here and kept for it. Should it
 * set one more, it is laid out again with the system's fonts. */
static void
note_document (BdPageLayout *self)
{
  BdDocument *doc = self->doc;
  g_autofree char *year = g_strdup_printf ("%d年部门预算", doc->year);
  const char *texts[] = { doc->title, year, doc->attachment, doc->department, bd_document_cover_label (doc),
                          "：目  录" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      bd_page_note_text (self, texts[i]);
  for (guint i = 0; i < BD_PAGE_N_CONTENTS; i++)
    {
      const ContentsEntry *entry = &bd_page_contents[i];
      g_autofree char *label = bd_page_contents_label (self, entry);
      BdSection *section = entry->section ? bd_document_get_section (doc, entry->section) : NULL;

      bd_page_note_text (self, label);
      if (section != NULL)
        {
          bd_page_note_text (self, section->title);
          for (guint p = 0; p < section->paragraphs->len; p++)
            bd_page_note_text (self, g_ptr_array_index (section->paragraphs, p));
        }
      else if (entry->part == BD_PART_PERFORMANCE)
        for (guint p = 0; p < doc->projects->len; p++)
          note_grid (self, bd_grid_new_for_project (doc, g_ptr_array_index (doc->projects, p)));
      else if (entry->label == NULL)
        note_grid (self, bd_grid_new_for_schedule (doc, entry->schedule));
    }
}

/* Lays the document out again from the start with the system's fonts. */
static void
lay_out_again (BdPageLayout *self)
{
  g_debug ("A character was laid out that was not noted before: laid out again with the system's fonts");
  bd_page_subset_clear (self);
  g_ptr_array_set_size (self->noted_grids, 0);
  g_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->tables, 0);
  self->grid_table = NULL;
  g_clear_pointer (&self->grid, bd_grid_free);
  self->missed = FALSE;
  lay_out (self);
}

BdPageLayout *
bd_page_layout_new (BdDocument    *doc,
                    const BdPaper *paper)
{
  BdPageLayout *self = g_object_new (BD_TYPE_PAGE_LAYOUT, NULL);

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);
  self->doc = g_object_ref (doc);
  self->paper = paper ? *paper : bd_paper_a4 ();
  bd_page_setup_fonts (self);
  note_document (self);
  bd_page_use_subset (self);
  bd_page_measure_lines (self);
  lay_out (self);
  if (self->subset_map != NULL && self->missed)
    lay_out_again (self);
  self->laid_out = TRUE;
  return self;
}

guint
bd_page_layout_get_n_pages (BdPageLayout *self)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

gboolean
bd_page_layout_is_landscape (BdPageLayout *self,
                             guint         page)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);
  return g_array_index (self->pages, Page, page).landscape;
}

void
bd_page_layout_get_page_size (BdPageLayout *self,
                              guint         page,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (BD_IS_PAGE_LAYOUT (self));
  g_return_if_fail (width != NULL && height != NULL);

  bd_page_size (self, bd_page_layout_is_landscape (self, page), width, height);
}

int
bd_page_layout_get_part_page (BdPageLayout *self,
                              BdPart        part)
{
  g_return_val_if_fail (BD_IS_PAGE_LAYOUT (self), -1);
  if (part == BD_PART_DOCUMENT)
    return 0;
  for (guint i = 0; i < BD_PAGE_N_CONTENTS; i++)
    if (bd_page_contents[i].part == part && part != 0)
      return self->contents_pages[i];
  return -1;
}
