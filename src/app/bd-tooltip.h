/* bd-tooltip.h: tooltips that read as lines of words
 *
 * GTK 4.8's tooltip label takes its minimum width, which for Chinese text is
 * one character: a finding's message came out one or two characters a line.
 * A widget handed to bd_tooltip_attach() shows its tooltip-text in a label
 * given a sensible width instead; on a label that ellipsizes, only when the
 * text is cut (the whole text in sight needs no tooltip).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bd_tooltip_attach (GtkWidget *widget);

G_END_DECLS
