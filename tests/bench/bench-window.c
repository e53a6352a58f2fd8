/* Prints how fast the window is: from start to the first frame drawn with a
 * document open, and from a keystroke that stores a value to the badges
 * updated. A benchmark, not a test: run it under xvfb-run.
 *
 *   bench-window FILE.budget [PAGE] [--hold]
 *
 * --hold keeps the window open on PAGE with a cell being typed in, for a
 * screenshot. */

#include <stdio.h>
#include <sys/resource.h>

#include "bd-application.h"

static gint64 started;
static gint64 first_frame;
static double first_frame_cpu;

/* Processor time used so far, user and system: on a loaded machine the
 * wall clock also counts the time other processes had the processor. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (first_frame == 0)
    {
      first_frame = g_get_monotonic_time ();
      first_frame_cpu = cpu_ms ();
    }
}

/* The kernel's high-water mark of the process's resident memory. */
static void
print_peak_memory (const char *what)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (line = strstr (status, "VmHWM:")) != NULL)
    printf ("%s  %.1f MiB\n", what, g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10) / 1024.0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  const char *path = argc > 1 ? argv[1] : NULL;
  const char *page = argc > 2 ? argv[2] : "schedule-3";
  gboolean hold = argc > 3 && strcmp (argv[3], "--hold") == 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdEditor) editor = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  BdWindow *window;
  BdTableView *view;
  BdSchedule *schedule;
  double samples[21];
  guint n_rows = 0;

  started = g_get_monotonic_time ();
  if (path == NULL)
    {
      g_printerr ("usage: bench-window FILE.budget [PAGE] [--hold]\n");
      return 2;
    }
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* As budgetdesk starts. */
  bd_application_set_up_rendering ();
  gtk_init ();
  gtk_css_provider_load_from_resource (css, "/cn/budgetdesk/BudgetDesk/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  store = bd_store_open (path, BD_STORE_OPEN_DEFAULT, &error);
  doc = store ? bd_store_load (store, &error) : NULL;
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    n_rows += bd_document_get_schedule (doc, s)->rows->len;
  editor = bd_editor_new (doc, store);
  window = bd_window_new (NULL, editor);
  bd_window_show_page (window, page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400,
                               g_getenv ("BENCH_HEIGHT") ? atoi (g_getenv ("BENCH_HEIGHT")) : 900);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (first_frame == 0)
    g_main_context_iteration (NULL, TRUE);

  printf ("%s: %u rows in all\n", path, n_rows);
  printf ("start to first frame:           %.1f ms (processor time %.1f ms)\n", (first_frame - started) / 1000.0,
          first_frame_cpu);
  print_peak_memory ("peak memory at first frame:   ");

  /* A keystroke that stores a value: Enter on a typed cell of schedule 3.
   * Badges, marks and the findings list are updated before it returns. */
  view = bd_schedule_view_get_table (bd_window_get_schedule_view (window, 3));
  schedule = bd_document_get_schedule (doc, 3);
  for (guint i = 0; i < schedule->rows->len; i++)
    if (((BdRow *) g_ptr_array_index (schedule->rows, i))->is_leaf)
      {
        bd_table_view_set_current (view, i, 1);
        break;
      }
  for (guint r = 0; r < G_N_ELEMENTS (samples); r++)
    {
      g_autofree char *text = g_strdup_printf ("%u", 1000 + r);
      gint64 start;

      bd_table_view_begin_edit (view, text);
      start = g_get_monotonic_time ();
      bd_table_view_commit (view, BD_MOVE_NONE);
      samples[r] = (g_get_monotonic_time () - start) / 1000.0;
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  qsort (samples, G_N_ELEMENTS (samples), sizeof (double), compare_doubles);
  printf ("keystroke to badges updated:    median %.2f ms, worst %.2f ms of %u\n",
          samples[G_N_ELEMENTS (samples) / 2], samples[G_N_ELEMENTS (samples) - 1], (guint) G_N_ELEMENTS (samples));

  for (guint u = 0; u < G_N_ELEMENTS (samples); u++)
    bd_editor_undo (editor, NULL);
  print_peak_memory ("peak memory after the edits:  ");

  if (hold)
    {
      if (g_str_has_prefix (page, "schedule-"))
        {
          view = bd_schedule_view_get_table (bd_window_get_schedule_view (window, page[9] - '0'));
          bd_table_view_set_current (view, 3, 1);
          bd_table_view_begin_edit (view, "12a");
          bd_table_view_commit (view, BD_MOVE_DOWN);
        }
      while (TRUE)
        g_main_context_iteration (NULL, TRUE);
    }
  return 0;
}
