/* Prints how import time grows with the size of the input: a generated
 * document of 1k → 100k rows written as published text, and a paragraph
 * quoting 1k → 100k figures ("1万元"). Linear paths keep the growth factor
 * near the size factor (10); a quadratic one shows ~100. A benchmark, not a
 * test. Then each PDF given: its import, in process (the whole process of
 * `budgetdesk-cli validate X.pdf` adds its start and the check).
 * Usage: bench-import [MAX_ROWS] [PDF…] */

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "bd-generator.h"
#include "bd-importer.h"
#include "bd-markdown-writer.h"
#include "bd-pdf-import.h"
#include "bd-store.h"

static double
import_seconds (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BdDocument) doc = bd_import_published_text (text, -1, &error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  if (doc == NULL)
    g_error ("import failed: %s", error->message);
  return seconds;
}

static char *
paragraph_document (const char *seed,
                    guint       n_figures)
{
  GString *text = g_string_new (NULL);
  const char *narrative = strstr (seed, "\n2024年部门预算编制说明\n");

  g_assert (narrative != NULL);
  narrative += strlen ("\n2024年部门预算编制说明\n");
  g_string_append_len (text, seed, narrative - seed);
  g_string_append (text, "\n收入预算");
  for (guint i = 0; i < n_figures; i++)
    g_string_append (text, "1万元");
  g_string_append (text, "。\n");
  g_string_append (text, narrative);
  return g_string_free (text, FALSE);
}

static void
walk (const char *what,
      guint       max,
      char     *(*make) (guint, gpointer),
      gpointer    data)
{
  double previous = 0;

  for (guint n = 1000; n <= max; n *= 10)
    {
      g_autofree char *text = make (n, data);
      double seconds = import_seconds (text);

      if (previous > 0)
        printf ("%-22s %7u  %8.3f s  ×%.1f for ×10\n", what, n, seconds, seconds / previous);
      else
        printf ("%-22s %7u  %8.3f s\n", what, n, seconds);
      previous = seconds;
      fflush (stdout);
    }
}

static char *
make_rows (guint    n,
           gpointer data)
{
  g_autoptr(BdDocument) doc = bd_generate_document (n, 1);

  return bd_markdown_write (doc);
}

static char *
make_paragraph (guint    n,
                gpointer data)
{
  return paragraph_document (data, n);
}

/* Forgets where @row was read: the row as format 4 stored it. */
static void
forget_source (BdRow *row)
{
  if (row == NULL)
    return;
  row->source_page = row->source_line = row->source_column = 0;
  row->source_sheet = NULL;
}

static void
forget_sources (BdDocument *doc)
{
  for (guint n = 0; n < BD_N_SCHEDULES; n++)
    {
      BdSchedule *schedule = doc->schedules[n];

      if (schedule == NULL)
        continue;
      for (guint i = 0; i < schedule->rows->len; i++)
        forget_source (g_ptr_array_index (schedule->rows, i));
      for (guint i = 0; schedule->income != NULL && i < schedule->income->len; i++)
        forget_source (g_ptr_array_index (schedule->income, i));
      forget_source (schedule->total);
      forget_source (schedule->income_total);
      for (int part = BD_ROW_PART_CARRYOVER; schedule->carryover != NULL && part <= BD_ROW_PART_EXPENSE_GRAND; part++)
        forget_source (bd_schedule_carry_part (schedule, part));
    }
}

/* The processor time this process has used: on a loaded machine (two
 * cores, many builds) the wall clock mostly measures the wait for a core. */
static double
cpu_now (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Saving @doc to @path: the wall clock's seconds, and the processor's in *@cpu. */
static double
save_seconds (BdDocument *doc,
              const char *path,
              double     *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_now ();

  if (!bd_store_save_as (doc, path, &error))
    g_error ("save failed: %s", error->message);
  *cpu = cpu_now () - cpu_start;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* `import X.md -o X.budget` in process, text read and file written, for
 * @n generated rows; paired with the same document saved without where
 * each row was read (format 5 keeps a row_source line per row, format 4
 * kept none), three times each, interleaved so load on the machine
 * weighs on both alike. The best of each is printed, wall clock and
 * processor time. */
static void
import_and_save (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-bench-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.budget", NULL);
  g_autofree char *text = make_rows (n, NULL);
  double best_import = G_MAXDOUBLE, best_with = G_MAXDOUBLE, best_without = G_MAXDOUBLE;
  double cpu_import = G_MAXDOUBLE, cpu_with = G_MAXDOUBLE, cpu_without = G_MAXDOUBLE, cpu;

  g_assert_no_error (error);
  for (int run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_now ();
      g_autoptr(BdDocument) doc = bd_import_published_text (text, -1, &error);
      double read = (g_get_monotonic_time () - start) / 1e6, read_cpu = cpu_now () - cpu_start;

      if (doc == NULL)
        g_error ("import failed: %s", error->message);
      best_import = MIN (best_import, read);
      cpu_import = MIN (cpu_import, read_cpu);
      best_with = MIN (best_with, read + save_seconds (doc, path, &cpu));
      cpu_with = MIN (cpu_with, read_cpu + cpu);
      g_unlink (path);
      forget_sources (doc);
      best_without = MIN (best_without, read + save_seconds (doc, path, &cpu));
      cpu_without = MIN (cpu_without, read_cpu + cpu);
      g_unlink (path);
    }
  g_rmdir (dir);
  printf ("import -o .budget %7u  %8.3f s  (read %.3f s; format 4, no row_source: %.3f s, %+.0f %%)\n",
          n, best_with, best_import, best_without, 100 * (best_with - best_without) / best_without);
  printf ("  processor time   %7u  %8.3f s  (read %.3f s; format 4, no row_source: %.3f s, %+.0f %%)\n",
          n, cpu_with, cpu_import, cpu_without, 100 * (cpu_with - cpu_without) / cpu_without);
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  guint max = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *seed = NULL;

  if (!g_file_get_contents (g_getenv ("BD_SEED"), &seed, NULL, NULL))
    g_error ("set BD_SEED to the seed document");

  printf ("%-22s %7s  %10s\n", "import", "size", "time");
  walk ("rows", max, make_rows, NULL);
  walk ("figures in a paragraph", max, make_paragraph, seed);
  import_and_save (max);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BdDocument) doc = bd_import_any_file (argv[i], &error);
      g_autofree char *name = g_path_get_basename (argv[i]);

      if (doc == NULL)
        g_error ("%s: %s", argv[i], error->message);
      printf ("%-30s %8.3f s\n", name, (g_get_monotonic_time () - start) / 1e6);
    }
  return 0;
}
