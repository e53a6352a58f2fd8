/* The cost of one acknowledged edit, per journal design, on this disk;
 * and the forms (绩效目标表) at 1,000 and 10,000: stored, opened and read,
 * validated and shown by the CLI, with the growth factor (10 means linear).
 *
 *   build/tests/bench-store [EDITS] [build/src/cli/budgetdesk-cli]
 *
 * Each design stores the same single-cell edit EDITS times in its own
 * transaction into a copy of the seed's document and prints the time per
 * edit and what a copy of the .budget alone holds afterwards. BudgetDesk
 * uses the rollback journal (DELETE, synchronous EXTRA): the file alone
 * holds every acknowledged edit. The WAL rows are what it did before
 * (edits stay in the -wal until ~1,000 pages) and WAL with a checkpoint
 * after each edit. Figures only; nothing here is a test. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bd-checker.h"
#include "bd-test-util.h"

typedef struct {
  const char *label;
  const char *setup;
  gboolean    checkpoint;
} Design;

static const Design designs[] = {
  { "WAL, synchronous FULL (BudgetDesk before)", "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", FALSE },
  { "WAL, FULL, checkpoint (TRUNCATE) each edit", "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", TRUE },
  { "rollback journal DELETE, synchronous FULL", "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL", FALSE },
  { "rollback journal DELETE, EXTRA (BudgetDesk)", "PRAGMA journal_mode = DELETE; PRAGMA synchronous = EXTRA; "
                                                   "PRAGMA cache_spill = OFF", FALSE },
  { "rollback journal TRUNCATE, FULL", "PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL", FALSE },
};

static gint64
stored_alone (const char *path,
              const char *dir)
{
  g_autofree char *copy = g_build_filename (dir, "copy.budget", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  /* What a clerk copying the .budget to a USB stick would take. */
  g_file_get_contents (path, &contents, &length, NULL);
  g_file_set_contents (copy, contents, length, NULL);
  sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL);
  if (sqlite3_prepare_v2 (db, "SELECT max (value) FROM cell WHERE col = 0", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (copy);
  return value;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_cli (const char *cli,
         const char *command,
         const char *path,
         const char *option,
         const char *value)
{
  const char *argv[] = { cli, command, path, option, value, NULL };
  gint64 start = g_get_monotonic_time ();

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  return seconds_since (start);
}

/* The seed with its one form repeated to @n, eight indicators each. */
static BdDocument *
with_forms (guint n)
{
  BdDocument *doc = bd_test_load_seed ();
  BdProject *first = g_ptr_array_index (doc->projects, 0);

  for (guint i = doc->projects->len; i < n; i++)
    {
      BdProject *p = bd_project_new ();

      p->name = g_strdup_printf ("%s %u", first->name, i);
      p->total_funds = p->annual_total = p->fiscal_funds = p->annual_fiscal = 100000 + i;
      for (guint j = 0; j < 8; j++)
        g_ptr_array_add (p->indicators, bd_indicator_new ("产出指标", "数量指标", "巡查次数", "≥120次"));
      g_ptr_array_add (doc->projects, p);
    }
  return doc;
}

static void
bench_forms (const char *cli,
             const char *dir)
{
  static const guint sizes[] = { 1000, 10000 };
  double figures[2][5];

  printf ("\nforms        save_as   open+load  check     cli validate  cli show\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *path = g_strdup_printf ("%s/forms-%u.budget", dir, sizes[s]);
      g_autoptr(BdDocument) doc = with_forms (sizes[s]);
      g_autoptr(BdDocument) loaded = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (bd_store_save_as (doc, path, NULL));
      figures[s][0] = seconds_since (start);
      start = g_get_monotonic_time ();
      {
        g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
        loaded = bd_store_load (store, NULL);
      }
      figures[s][1] = seconds_since (start);
      start = g_get_monotonic_time ();
      findings = bd_check_document (loaded);
      figures[s][2] = seconds_since (start);
      figures[s][3] = cli ? run_cli (cli, "validate", path, NULL, NULL) : 0;
      figures[s][4] = cli ? run_cli (cli, "show", path, "--section", "performance") : 0;
      printf ("%6u  %8.3f s  %8.3f s  %7.3f s  %9.3f s  %8.3f s\n", sizes[s], figures[s][0], figures[s][1],
              figures[s][2], figures[s][3], figures[s][4]);
      g_unlink (path);
    }
  printf ("growth   ");
  for (guint f = 0; f < 5; f++)
    printf ("  %7.1f×", figures[0][f] > 0 ? figures[1][f] / figures[0][f] : 0.0);
  printf ("   (10× forms; 10× is linear)\n");
}

int
main (int    argc,
      char **argv)
{
  int edits = argc > 1 ? atoi (argv[1]) : 200;
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autofree char *dir = g_dir_make_tmp ("bd-bench-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.budget", NULL);

  printf ("%d single-cell edits, each its own transaction, in %s\n", edits, dir);
  for (guint d = 0; d < G_N_ELEMENTS (designs); d++)
    {
      sqlite3 *db;
      sqlite3_stmt *stmt;
      gint64 start, elapsed;
      gint64 big = G_GINT64_CONSTANT (900000000000000);

      g_assert_true (bd_store_save_as (seed, path, NULL));
      sqlite3_open (path, &db);
      sqlite3_exec (db, designs[d].setup, NULL, NULL, NULL);
      sqlite3_prepare_v2 (db, "UPDATE cell SET value = ? WHERE row_id = (SELECT min (row_id) FROM cell) AND col = 0",
                          -1, &stmt, NULL);
      start = g_get_monotonic_time ();
      for (int i = 1; i <= edits; i++)
        {
          sqlite3_bind_int64 (stmt, 1, big + i);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (designs[d].checkpoint)
            sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        }
      elapsed = g_get_monotonic_time () - start;
      printf ("%-46s %7.2f ms per edit; the .budget alone holds the last edit: %s\n", designs[d].label,
              elapsed / 1000.0 / edits, stored_alone (path, dir) == big + edits ? "yes" : "NO");
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      for (const char *suffix = "-wal"; suffix; suffix = NULL)
        {
          g_autofree char *wal = g_strconcat (path, suffix, NULL);
          g_unlink (wal);
        }
      g_unlink (path);
    }
  bench_forms (argc > 2 ? argv[2] : NULL, dir);
  g_rmdir (dir);
  return 0;
}
