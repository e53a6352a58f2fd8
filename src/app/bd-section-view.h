/* bd-section-view.h: a text section (主要职能, 编制说明, …) as editable text,
 * paragraphs separated by blank lines, stored through the editor. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"

G_BEGIN_DECLS

#define BD_TYPE_SECTION_VIEW (bd_section_view_get_type ())
G_DECLARE_FINAL_TYPE (BdSectionView, bd_section_view, BD, SECTION_VIEW, GtkWidget)

GtkWidget  *bd_section_view_new     (BdEditor      *editor,
                                     const char    *section);
const char *bd_section_view_get_section (BdSectionView *self);
/* Shows the section as the document has it now (after an undo, say). */
void        bd_section_view_reload  (BdSectionView *self);
/* 其他相关情况说明 also shows the figures it states as fields: setting one
 * rewrites it in the text. */
gboolean    bd_section_view_set_field (BdSectionView *self,
                                      const char    *key,
                                      const char    *text);
/* The field of figure @key, and the text: for tests. */
GtkWidget  *bd_section_view_get_field (BdSectionView *self,
                                      const char    *key);
GtkWidget  *bd_section_view_get_text_view (BdSectionView *self);
/* Selects the first place the text says @text (a finding's words), and
 * shows it. */
void        bd_section_view_show_text (BdSectionView *self,
                                      const char    *text);
/* Stores what is typed now rather than after the pause or on leaving a
 * field; FALSE when a typed figure is refused (it stays, marked, the
 * reason below it). */
gboolean    bd_section_view_store   (BdSectionView *self);

G_END_DECLS
