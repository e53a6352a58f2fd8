#include "bd-page-layout.h"
#include "bd-print-operation.h"

struct _BdPrintOperation
{
  GtkPrintOperation  parent_instance;

  BdEditor          *editor;
  BdPageLayout      *layout;
  gboolean           interrupted;
};

G_DEFINE_FINAL_TYPE (BdPrintOperation, bd_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the clerk chose last time, for the next print of the session. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

/* The paper of the dialog, portrait, with the layout's margins unless the
 * printer cannot print that close to the edge. */
static BdPaper
paper_from_page_setup (GtkPageSetup *setup)
{
  GtkPaperSize *size = gtk_page_setup_get_paper_size (setup);
  BdPaper paper = bd_paper_a4 ();
  double width = gtk_paper_size_get_width (size, GTK_UNIT_POINTS);
  double height = gtk_paper_size_get_height (size, GTK_UNIT_POINTS);

  paper.width = MIN (width, height);
  paper.height = MAX (width, height);
  paper.margin_top = MAX (paper.margin_top, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  paper.margin_bottom = MAX (paper.margin_bottom, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
  paper.margin_left = MAX (paper.margin_left, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  paper.margin_right = MAX (paper.margin_right, gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
  return paper;
}

static void
bd_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  BdPrintOperation *self = BD_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  BdPaper paper = paper_from_page_setup (setup);

  g_clear_object (&last_page_setup);
  last_page_setup = gtk_page_setup_copy (setup);
  g_clear_object (&self->layout);
  self->layout = bd_page_layout_new (bd_editor_get_document (self->editor), &paper);
  gtk_print_operation_set_n_pages (operation, MAX (1, bd_page_layout_get_n_pages (self->layout)));
}

static void
bd_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page,
                                       GtkPageSetup      *setup)
{
  BdPrintOperation *self = BD_PRINT_OPERATION (operation);
  double width, height;

  if (self->layout == NULL)
    return;
  bd_page_layout_get_page_size (self->layout, page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
bd_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  BdPrintOperation *self = BD_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->layout == NULL)
    return;
  /* With use-full-page, the context's origin is the sheet's corner, in
   * device units; the layout draws in points. */
  cairo_scale (cr, gtk_print_context_get_dpi_x (context) / 72.0, gtk_print_context_get_dpi_y (context) / 72.0);
  bd_page_layout_render_page (self->layout, page, cr);
}

static void
bd_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  BdPrintOperation *self = BD_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && !self->interrupted
      && gtk_print_operation_get_print_settings (operation) != NULL)
    {
      g_clear_object (&last_settings);
      last_settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
    }
  g_clear_object (&self->layout);
}

/* Pages are drawn from idle callbacks while the clerk may go on editing;
 * a layout is good only for the document it was made from. */
static void
on_editor_changed (BdPrintOperation *self)
{
  if (self->layout == NULL)
    return;
  self->interrupted = TRUE;
  g_clear_object (&self->layout);
  gtk_print_operation_cancel (GTK_PRINT_OPERATION (self));
}

static void
bd_print_operation_finalize (GObject *object)
{
  BdPrintOperation *self = (BdPrintOperation *) object;

  g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->layout);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_print_operation_parent_class)->finalize (object);
}

static void
bd_print_operation_class_init (BdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = bd_print_operation_finalize;
  operation_class->begin_print = bd_print_operation_begin_print;
  operation_class->request_page_setup = bd_print_operation_request_page_setup;
  operation_class->draw_page = bd_print_operation_draw_page;
  operation_class->done = bd_print_operation_done;
}

static void
bd_print_operation_init (BdPrintOperation *self)
{
}

BdPrintOperation *
bd_print_operation_new (BdEditor *editor)
{
  BdDocument *doc = bd_editor_get_document (editor);
  BdPrintOperation *self = g_object_new (BD_TYPE_PRINT_OPERATION,
                                         "use-full-page", TRUE,
                                         "allow-async", TRUE,
                                         "show-progress", TRUE,
                                         "embed-page-setup", TRUE,
                                         NULL);
  g_autofree char *job_name = g_strdup_printf ("%s %d年%s", doc->department, doc->year, doc->unit_budget ? "单位预算" : "部门预算");

  self->editor = g_object_ref (editor);
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (on_editor_changed), self);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), last_page_setup);
  else
    {
      g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), a4);
    }
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);
  return self;
}

void
bd_print_operation_start (BdPrintOperation *self,
                          GtkWindow        *parent)
{
  g_return_if_fail (BD_IS_PRINT_OPERATION (self));

  /* Asynchronous: the result, an error included, comes with "done". */
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

gboolean
bd_print_operation_was_interrupted (BdPrintOperation *self)
{
  g_return_val_if_fail (BD_IS_PRINT_OPERATION (self), FALSE);

  return self->interrupted;
}
