/* Prints, side by side, how long making the PDF of a document takes with
 * `budgetdesk-cli export --pdf` and with LibreOffice converting the xlsx
 * BudgetDesk exported (`soffice --headless --convert-to pdf`), and the peak
 * memory of each, for the seed and for a generated document of 13,000 rows.
 * Beside them, the figures before the pages were laid out with the face
 * already cut and their cells shown a page at a time (issue 16). The CPU
 * time is printed too: on a machine shared with other work the wall time
 * says more about the others than about the export.
 * A benchmark, not a test: it prints figures and passes judgement on none.
 *
 *   bench-export BUDGETDESK-CLI SEED.md [ROWS]
 *
 * With BD_BENCH_BEFORE set to an older budgetdesk-cli, that one is run in
 * turn with the new one, round by round, and its figures printed under
 * them: a paired run, both sharing whatever else the machine is doing.
 *
 * The face a document's pages are set in is cut once and kept in the cache
 * (bd-page-layout-subset.c): the rounds run with a cache folder of the
 * benchmark's own, the first figures with the face kept from the run
 * before (a document exported again), the "face cut" line with it removed
 * before each round (a document exported for the first time).
 */

/* wait4 () */
#define _DEFAULT_SOURCE

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bd-file-test-util.h"

#define BUDGETDESK_ROUNDS   5
#define LIBREOFFICE_ROUNDS  3

typedef struct {
  double seconds;   /* median wall time */
  double cpu;       /* median user + system time */
  long   peak_kib;  /* the largest peak resident set of any round */
} Measure;

/* Measured before (issue 16), with this benchmark on 27 November 2026, on
 * the 2-core machine then shared with five other builds: the median wall
 * time of `export --pdf` (the face cut down after the layout, each cell
 * shown in a call of its own), and LibreOffice's on the same tables. */
typedef struct {
  const char *document;
  double      seconds;
  double      libreoffice;
} Before;

static const Before before[] = {
  { "seed", 0.156, 2.73 },
  { "generated", 1.289, 23.6 },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Runs @argv once; its wall time and the peak resident set of it and the
 * children it waited for. */
static gboolean
run_once (const char * const *argv,
          double             *seconds,
          double             *cpu,
          long               *peak_kib)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH
                      | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("bench-export: %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-export: %s failed\n", argv[0]);
      return FALSE;
    }
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  *cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  *peak_kib = usage.ru_maxrss;
  return TRUE;
}

/* Removes the faces kept in @cache, so that the next export cuts its own
 * (and makes their folder again). */
static void
forget_faces (const char *cache)
{
  g_autofree char *faces = g_build_filename (cache, "budgetdesk", "faces", NULL);

  remove_tree (faces);
}

/* @rounds runs of @argv; with @cache, its kept faces removed before each. */
static gboolean
measure (const char * const *argv,
         guint               rounds,
         const char         *cache,
         Measure            *result)
{
  double samples[8], cpus[8];

  result->peak_kib = 0;
  for (guint r = 0; r < rounds; r++)
    {
      long peak;
      if (cache != NULL)
        forget_faces (cache);
      if (!run_once (argv, &samples[r], &cpus[r], &peak))
        return FALSE;
      result->peak_kib = MAX (result->peak_kib, peak);
    }
  qsort (samples, rounds, sizeof (double), compare_doubles);
  qsort (cpus, rounds, sizeof (double), compare_doubles);
  result->seconds = samples[rounds / 2];
  result->cpu = cpus[rounds / 2];
  return TRUE;
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *pages;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return 0;
  pages = out ? strstr (out, "Pages:") : NULL;
  return pages ? (guint) atoi (pages + strlen ("Pages:")) : 0;
}

static gboolean
bench_document (const char *cli,
                const char *dir,
                const char *name,
                const char *budget,
                const char *soffice,
                const char *profile)
{
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
  g_autofree char *xlsx = g_strdup_printf ("%s/%s.xlsx", dir, name);
  g_autofree char *lo_dir = g_strdup_printf ("%s/libreoffice", dir);
  g_autofree char *lo_pdf = g_strdup_printf ("%s/%s.pdf", lo_dir, name);
  const char *export_pdf[] = { cli, "export", budget, "--pdf", pdf, NULL };
  const char *export_xlsx[] = { cli, "export", budget, "--xlsx", xlsx, NULL };
  const char *convert[] = { soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", lo_dir, xlsx, NULL };
  const char *old_cli = g_getenv ("BD_BENCH_BEFORE");
  g_autofree char *old_pdf = g_strdup_printf ("%s/%s-before.pdf", dir, name);
  const char *export_before[] = { old_cli, "export", budget, "--pdf", old_pdf, NULL };
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  Measure ours, cut, paired, theirs = { 0, 0, 0 };
  const Before *then = g_str_has_prefix (name, "seed") ? &before[0] : &before[1];
  double ignored;
  long ignored_peak;

  if (!run_once (export_xlsx, &ignored, &ignored, &ignored_peak) || !measure (export_pdf, BUDGETDESK_ROUNDS, NULL, &ours)
      || !measure (export_pdf, BUDGETDESK_ROUNDS, cache, &cut))
    return FALSE;
  /* The older one right after, so that both share the same moment. */
  if (old_cli != NULL && !measure (export_before, BUDGETDESK_ROUNDS, NULL, &paired))
    return FALSE;
  if (soffice != NULL && !measure (convert, LIBREOFFICE_ROUNDS, NULL, &theirs))
    return FALSE;

  g_print ("%-22s %5u %8.3f s %6.3f s %8.3f s %5.2fx %6.1f MiB", name, count_pages (pdf), ours.seconds, ours.cpu,
           then->seconds, then->seconds / ours.seconds, ours.peak_kib / 1024.0);
  if (soffice != NULL)
    g_print (" %5u %8.3f s %6.3f s %6.1f MiB %6.1fx\n", count_pages (lo_pdf), theirs.seconds, theirs.cpu,
             theirs.peak_kib / 1024.0, theirs.seconds / ours.seconds);
  else
    g_print ("   (LibreOffice not installed: apt-get install libreoffice-calc-nogui)\n");
  g_print ("%-22s %5s %8.3f s %6.3f s %8s   %5.2fx %6.1f MiB   (face cut, none kept from a run before)\n",
           "  face cut", "", cut.seconds, cut.cpu, "", then->seconds / cut.seconds, cut.peak_kib / 1024.0);
  if (old_cli != NULL)
    g_print ("%-22s %5u %8.3f s %6.3f s %8s   %5.2fx %6.1f MiB   (BD_BENCH_BEFORE, run right after)\n",
             "  before", count_pages (old_pdf), paired.seconds, paired.cpu, "", paired.seconds / ours.seconds,
             paired.peak_kib / 1024.0);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *big = NULL;
  g_autofree char *rows_name = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  const char *rows = argc > 3 ? argv[3] : "13000";

  if (argc < 3)
    {
      g_printerr ("usage: bench-export BUDGETDESK-CLI SEED.md [ROWS]\n");
      return 2;
    }
  dir = g_dir_make_tmp ("bd-bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);
    /* Every run's faces kept here, never in the user's cache. */
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  seed = g_build_filename (dir, "seed.budget", NULL);
  big = g_build_filename (dir, "generated.budget", NULL);
  rows_name = g_strdup_printf ("generated, %s rows", rows);
  /* A profile of its own, made by a first run that is not timed: LibreOffice
   * takes seconds to set one up, which a clerk pays once. */
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);

  {
    const char *import[] = { argv[1], "import", argv[2], "-o", seed, NULL };
    const char *generate[] = { argv[1], "generate", "--rows", rows, "-o", big, NULL };
    double ignored;
    long ignored_peak;

    if (!run_once (import, &ignored, &ignored, &ignored_peak) || !run_once (generate, &ignored, &ignored, &ignored_peak))
      return 1;
  }
  if (soffice != NULL)
    {
      g_autofree char *warm_xlsx = g_build_filename (dir, "warm.xlsx", NULL);
      const char *export_xlsx[] = { argv[1], "export", seed, "--xlsx", warm_xlsx, NULL };
      const char *warm[] = { soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, warm_xlsx, NULL };
      double ignored;
      long ignored_peak;

      if (!run_once (export_xlsx, &ignored, &ignored, &ignored_peak) || !run_once (warm, &ignored, &ignored, &ignored_peak))
        return 1;
    }

  g_print ("PDF of a document: median wall and CPU time of %u runs (BudgetDesk) and %u runs (LibreOffice),\n"
           "BudgetDesk's wall time before (issue 16: seed and LibreOffice %.3f s / %.2f s, generated %.3f s / %.1f s)\n"
           "and how many times quicker it is now, peak memory\n",
           BUDGETDESK_ROUNDS, LIBREOFFICE_ROUNDS, before[0].seconds, before[0].libreoffice,
           before[1].seconds, before[1].libreoffice);
  g_print ("%-22s %5s %10s %8s %10s %6s %10s %5s %10s %8s %10s %7s\n", "document", "pages", "BudgetDesk", "CPU",
           "before", "now", "peak", "pages", "LibreOffice", "CPU", "peak", "faster");
  if (!bench_document (argv[1], dir, "seed", seed, soffice, profile)
      || !bench_document (argv[1], dir, rows_name, big, soffice, profile))
    return 1;

  remove_tree (dir);
  return 0;
}
