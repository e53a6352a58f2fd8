/* bd-section-view-private.h: what bd-section-view.c and
 * bd-section-view-actions.c share */
#pragma once

#include "bd-section-view.h"

G_BEGIN_DECLS

struct _BdSectionView
{
  GtkWidget      parent_instance;

  BdEditor      *editor;
  char          *section;

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *title;
  GtkWidget     *fields_grid;
  GtkWidget     *narrative_row;
  GtkTextView   *text_view;
  GtkLabel      *status;

  GtkTextBuffer *buffer;
  GPtrArray     *fields;       /* Field*, one per FigureField */
  guint          store_source;
  gboolean       loading;
  gboolean       disposed;
};

void _bd_section_view_class_actions_init (BdSectionViewClass *klass);

G_END_DECLS
