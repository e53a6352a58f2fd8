/* Crash safety: a child drives a script of 1,000 edits through the store,
 * saying after each one the store acknowledged it; the parent kills it with
 * SIGKILL at random moments, then opens the file and checks that it is
 * sound (integrity_check), that every acknowledged edit is there and that
 * nothing is half-applied (every fifth edit changes two cells in one
 * transaction). Then a new child goes on from where the file is.
 *
 * BD_CRASH_KILLS sets how many kills (50 by default; tests/crash-soak.sh
 * runs many more). */

#define _DEFAULT_SOURCE

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bd-test-util.h"

#define N_EDITS 1000
#define N_CELLS 12

/* The twelve cells the script edits: 基本支出 and 项目支出 of the six 项 of schedule 3. */
static const char * const leaves[] = { "2080502", "2080505", "2080506", "2101102", "2120199", "2210201" };

typedef struct {
  guint  cells[2];
  guint  n_cells;
  gint64 value;
} Edit;

static Edit
edit_at (guint i)
{
  Edit edit = { { (i % 6) * 2 + i % 2, 0 }, 1, (gint64) (i + 1) * 100 + 1 };

  if (i % 5 == 4)
    {
      /* A grouped edit: both cells or neither. */
      edit.cells[0] = (i % 6) * 2;
      edit.cells[1] = ((i + 1) % 6) * 2 + 1;
      edit.n_cells = 2;
    }
  return edit;
}

/* The cells as they are after the first @n edits, starting from the seed. */
static void
expected_after (guint   n,
                gint64 *cells,
                const gint64 *initial)
{
  memcpy (cells, initial, sizeof (gint64) * N_CELLS);
  for (guint i = 0; i < n; i++)
    {
      Edit edit = edit_at (i);
      for (guint c = 0; c < edit.n_cells; c++)
        cells[edit.cells[c]] = edit.value;
    }
}

static BdRow *
cell_row (BdDocument *doc,
          guint       cell)
{
  return bd_schedule_find_row (bd_document_get_schedule (doc, 3), leaves[cell / 2]);
}

static void
read_cells (const char *path,
            gint64     *cells)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(BdDocument) doc = NULL;

  g_assert_no_error (error);
  doc = bd_store_load (store, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < N_CELLS; c++)
    cells[c] = cell_row (doc, c)->values[1 + c % 2];
}

static void
assert_sound (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* Read-write, so SQLite may replay a log left by the killed child. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The child: edits from @start on, writing each acknowledged edit's number. */
static void G_GNUC_NORETURN
run_script (const char *path,
            guint       start,
            int         acknowledged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BdDocument) doc = store ? bd_store_load (store, &error) : NULL;

  if (doc == NULL)
    _exit (3);
  for (guint i = start; i < N_EDITS; i++)
    {
      Edit edit = edit_at (i);
      guint32 done = i;

      if (edit.n_cells > 1 && !bd_store_begin (store, &error))
        _exit (4);
      for (guint c = 0; c < edit.n_cells; c++)
        {
          BdRow *row = cell_row (doc, edit.cells[c]);
          guint column = 1 + edit.cells[c] % 2;

          row->values[column] = edit.value;
          if (!bd_store_update_amount (store, row, column, &error))
            _exit (5);
        }
      if (edit.n_cells > 1 && !bd_store_commit (store, &error))
        _exit (6);
      if (write (acknowledged, &done, sizeof done) != sizeof done)
        _exit (7);
    }
  _exit (0);
}

static void
test_kill_anywhere (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.budget", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  const char *kills_text = g_getenv ("BD_CRASH_KILLS");
  guint kills = kills_text ? (guint) atoi (kills_text) : 50;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241124);
  gint64 initial[N_CELLS], actual[N_CELLS], expected[N_CELLS];
  guint done = 0, killed = 0, runs = 0, rounds = 1;

  g_assert_true (bd_store_save_as (seed, path, &error));
  read_cells (path, initial);

  /* The script is fast: it runs again on a fresh file until enough kills
   * have landed. */
  while (done < N_EDITS || killed < kills)
    {
      int pipe_fds[2];
      pid_t child;

      if (done == N_EDITS)
        {
          g_assert_true (bd_store_save_as (seed, path, &error));
          done = 0;
          rounds++;
        }

      int status;
      guint32 last = G_MAXUINT32, number;
      gboolean kill_it = killed < kills;

      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (pipe_fds[0]);
          run_script (path, done, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      runs++;

      if (kill_it)
        {
          g_usleep (g_rand_int_range (rand, 0, 25000));
          kill (child, SIGKILL);
          killed++;
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      if (!kill_it || !WIFSIGNALED (status))
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      while (read (pipe_fds[0], &number, sizeof number) == sizeof number)
        last = number;
      close (pipe_fds[0]);

      /* Every acknowledged edit is there; the one under way when it died
       * is there whole or not at all. */
      assert_sound (path);
      read_cells (path, actual);
      {
        guint acknowledged = last == G_MAXUINT32 ? done : last + 1;
        gboolean matched = FALSE;

        for (guint n = acknowledged; n <= MIN (acknowledged + 1, N_EDITS) && !matched; n++)
          {
            expected_after (n, expected, initial);
            if (memcmp (expected, actual, sizeof expected) == 0)
              {
                matched = TRUE;
                done = n;
              }
          }
        if (!matched)
          g_error ("after kill %u the file holds neither the %u acknowledged edits nor one more", killed, acknowledged);
      }
    }

  g_test_message ("%u rounds of %u edits, %u children, %u killed with SIGKILL", rounds, N_EDITS, runs, killed);
  g_assert_cmpuint (killed, >=, MIN (kills, 50));
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-anywhere", test_kill_anywhere);
  return g_test_run ();
}
