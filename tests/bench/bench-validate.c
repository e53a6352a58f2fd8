/* Prints how long the checker takes on a generated document: a full check,
 * and a check after one cell changed. A benchmark, not a test.
 *
 * Each figure is given as elapsed time and as the CPU time of this thread:
 * on a machine shared with other work the second is the one to compare.
 * Before the checker kept its look-ups and rechecked rows (commit 3253d12,
 * elapsed, on a loaded machine): 10,000 rows full 12.6 ms, one cell 7.0 ms;
 * 13,000 rows full 27.6 ms, one cell 11.9 ms. */

#include <stdio.h>
#include <time.h>

#include "bd-checker.h"
#include "bd-generator.h"

#define ROUNDS 21

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
median_ms (double *samples)
{
  qsort (samples, ROUNDS, sizeof (double), compare_doubles);
  return samples[ROUNDS / 2];
}

/* One cell of the first leaf of schedule @number changed ROUNDS times, each
 * followed by the schedule's recomputation and the checker's update, as
 * the editor does. */
static void
time_one_cell (BdDocument *doc,
               guint       number,
               double     *elapsed,
               double     *cpu)
{
  g_autoptr(BdChecker) checker = bd_checker_new (doc);
  BdSchedule *s = bd_document_get_schedule (doc, number);
  BdRow *row = NULL;

  for (guint i = 0; i < s->rows->len && row == NULL; i++)
    if (((BdRow *) g_ptr_array_index (s->rows, i))->is_leaf)
      row = g_ptr_array_index (s->rows, i);
  g_assert (row != NULL);

  bd_checker_update (checker, BD_READS_EVERYTHING);
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start;
      double before;

      row->values[1] += r % 2 ? -100 : 100;
      start = g_get_monotonic_time ();
      before = thread_ms ();
      bd_schedule_recompute (s);
      bd_checker_update (checker, BD_READS_SCHEDULE (number));
      cpu[r] = thread_ms () - before;
      elapsed[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr(BdDocument) doc = bd_generate_document (n_rows, 1);
  double full[ROUNDS], full_cpu[ROUNDS];
  guint n_findings = 0, n_errors = 0;
  static const guint edited[] = { 3, 2, 5 };

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = thread_ms ();
      g_autoptr(GPtrArray) findings = bd_check_document (doc);
      full_cpu[r] = thread_ms () - cpu;
      full[r] = (g_get_monotonic_time () - start) / 1000.0;
      n_findings = findings->len;
      n_errors = 0;
      for (guint i = 0; i < findings->len; i++)
        n_errors += ((BdFinding *) g_ptr_array_index (findings, i))->severity == BD_SEVERITY_ERROR;
    }

  printf ("document: %u function rows (schedules 2, 3 and 5), %u findings, %u errors\n",
          n_rows, n_findings, n_errors);
  printf ("full check:                                median %.2f ms elapsed, %.2f ms CPU, of %d runs\n",
          median_ms (full), median_ms (full_cpu), ROUNDS);

  /* As the window does: the checker keeps every rule's findings and, after an
   * edit of one cell, checks again only what the edit changed. */
  for (guint e = 0; e < G_N_ELEMENTS (edited); e++)
    {
      double elapsed[ROUNDS], cpu[ROUNDS];

      time_one_cell (doc, edited[e], elapsed, cpu);
      printf ("1 cell of schedule %u, recompute + recheck: median %.2f ms elapsed, %.2f ms CPU, of %d runs\n",
              edited[e], median_ms (elapsed), median_ms (cpu), ROUNDS);
    }
  return 0;
}
