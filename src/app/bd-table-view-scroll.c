/* bd-table-view-scroll.c: the current cell of a BdTableView kept in sight,
 * and the wheel: GTK 4.8's list jumps (a burst of 40 wheel clicks from the
 * top of a 13,000-row schedule lands on its last rows) when its adjustment
 * moves many times in one frame, so the wheel's steps are added up and the
 * list moved once a frame. */

#include <math.h>

#include "bd-table-view-private.h"

/* The label of the current cell while it is on screen. The list keeps the
 * row of the focus bound when it scrolls out of sight, but unmapped, with
 * the bounds it had before: those are not where the cell is. */
GtkWidget *
_bd_table_view_current_label (BdTableView *self)
{
  GtkWidget *label = g_hash_table_lookup (self->visible, CELL_KEY (self->current_position, self->current_column));

  return label != NULL && gtk_widget_get_mapped (label) ? label : NULL;
}

void
_bd_table_view_scroll_to_current (BdTableView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *label = _bd_table_view_current_label (self);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;

  if (label != NULL && gtk_widget_compute_bounds (label, self->scroller, &bounds))
    {
      self->row_height = MAX (self->row_height, bounds.size.height);
      /* Header rows sit above the first row; keep a row's height of margin. */
      if (bounds.origin.y < self->row_height * 1.5)
        gtk_adjustment_set_value (adjustment, value + bounds.origin.y - self->row_height * 1.5);
      else if (bounds.origin.y + bounds.size.height > page)
        gtk_adjustment_set_value (adjustment, value + bounds.origin.y + bounds.size.height - page);
    }
  else
    {
      /* Out of sight: where it is, the rows being of one height. Before any
       * row was measured, the list's height over its rows (and header). */
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
      double row_height = self->row_height > 0 ? self->row_height
                                               : gtk_adjustment_get_upper (adjustment) / (n_rows + 1);

      gtk_adjustment_set_value (adjustment, self->current_position * row_height - page / 2);
    }
}

guint
_bd_table_view_page_rows (BdTableView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *label = _bd_table_view_current_label (self);
  graphene_rect_t bounds;

  if (label != NULL && gtk_widget_compute_bounds (label, self->scroller, &bounds))
    self->row_height = MAX (self->row_height, bounds.size.height);
  if (self->row_height <= 0)
    return 10;
  /* Less the header row, and one row kept in sight across the turn. */
  return MAX (1, (guint) (gtk_adjustment_get_page_size (adjustment) / self->row_height) - 2);
}

/* The entry lies over the current cell. */
static gboolean
on_get_child_position (GtkOverlay    *overlay,
                       GtkWidget     *child,
                       GdkRectangle  *allocation,
                       BdTableView   *self)
{
  GtkWidget *label = _bd_table_view_current_label (self);
  graphene_rect_t bounds;
  int minimum_height;

  if (child != self->entry)
    return FALSE;
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &minimum_height, NULL, NULL, NULL);
  /* Its cell scrolled out of sight: the entry waits outside, keeping what
   * was typed, until the cell comes back. */
  if (label == NULL || !gtk_widget_compute_bounds (label, GTK_WIDGET (overlay), &bounds))
    {
      *allocation = (GdkRectangle) { -10000, -10000, 120, minimum_height };
      return TRUE;
    }
  allocation->x = bounds.origin.x - 4;
  allocation->width = MAX (bounds.size.width + 8, 120);
  allocation->height = MAX (bounds.size.height, minimum_height);
  allocation->y = bounds.origin.y + (bounds.size.height - allocation->height) / 2;
  return TRUE;
}


/* The wheel */

static gboolean
apply_wheel (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  BdTableView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = CLAMP (gtk_adjustment_get_value (adjustment) + self->wheel_pending,
                        gtk_adjustment_get_lower (adjustment), upper);

  self->wheel_pending = 0;
  self->wheel_tick = 0;
  gtk_adjustment_set_value (adjustment, value);
  return G_SOURCE_REMOVE;
}

/* Taken before the scrolled window's own handler: the same distance as it
 * would scroll (a wheel detent is page^(2/3), as GtkScrolledWindow has it),
 * moved once in the next frame. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           BdTableView              *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (dy == 0 || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    return FALSE;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    dy *= pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  self->wheel_pending += dy;
  if (self->wheel_tick == 0)
    self->wheel_tick = gtk_widget_add_tick_callback (self->scroller, apply_wheel, self, NULL);
  return TRUE;
}

/* The overlay places the entry only when it is itself allocated, which a
 * scroll of the list inside it does not cause: without this the entry
 * stayed outside after its cell came back into sight. */
static void
on_value_changed (GtkAdjustment *adjustment,
                  BdTableView   *self)
{
  if (gtk_widget_get_visible (self->entry))
    gtk_widget_queue_allocate (self->overlay);
}

void
_bd_table_view_init_scroll (BdTableView *self)
{
  GtkEventController *controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_value_changed), self, 0);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (self->scroller, controller);
}

void
_bd_table_view_class_scroll_init (BdTableViewClass *klass)
{
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_get_child_position);
}
