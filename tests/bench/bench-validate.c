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

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr(BdDocument) doc = bd_generate_document (n_rows, 1);
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  BdRow *row = NULL;
  double full[ROUNDS], after_edit[ROUNDS], full_cpu[ROUNDS], after_edit_cpu[ROUNDS];
  guint n_findings = 0, n_errors = 0;

  for (guint i = 0; i < s3->rows->len && row == NULL; i++)
    if (((BdRow *) g_ptr_array_index (s3->rows, i))->is_leaf)
      row = g_ptr_array_index (s3->rows, i);

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

  /* As the window does: the checker keeps every rule's findings and, after an
   * edit of one cell of schedule 3, runs only the rules that read schedule 3. */
  {
    g_autoptr(BdChecker) checker = bd_checker_new (doc);

    bd_checker_update (checker, BD_READS_EVERYTHING);
    for (guint r = 0; r < ROUNDS; r++)
      {
        gint64 start;
        double cpu;

        row->values[1] += r % 2 ? -100 : 100;
        start = g_get_monotonic_time ();
        cpu = thread_ms ();
        bd_schedule_recompute (s3);
        bd_checker_update (checker, BD_READS_SCHEDULE (3));
        after_edit_cpu[r] = thread_ms () - cpu;
        after_edit[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
  }

  printf ("document: %u function rows (schedules 2, 3 and 5), %u findings, %u errors\n",
          n_rows, n_findings, n_errors);
  printf ("full check:                  median %.2f ms elapsed, %.2f ms CPU, of %d runs\n",
          median_ms (full), median_ms (full_cpu), ROUNDS);
  printf ("1 cell, recompute + recheck: median %.2f ms elapsed, %.2f ms CPU, of %d runs\n",
          median_ms (after_edit), median_ms (after_edit_cpu), ROUNDS);
  return 0;
}
