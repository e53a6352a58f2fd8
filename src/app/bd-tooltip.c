#include "bd-tooltip.h"

/* Wide enough for a short sentence on one line, never wider than 40
 * characters (CJK characters count about two). */
#define WIDTH_CHARS 24
#define MAX_WIDTH_CHARS 40

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  GtkWidget *label;

  if (text == NULL)
    return FALSE;
  /* A label that shows its whole text needs no tooltip saying it again. */
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      g_signal_stop_emission_by_name (widget, "query-tooltip");
      return FALSE;
    }

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (WIDTH_CHARS, (int) g_utf8_strlen (text, -1) * 2));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

void
bd_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
