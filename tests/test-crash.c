/* Crash safety: a child drives a script of 1,000 edits through the store,
 * saying over a pipe after each one that the store acknowledged it; the
 * parent kills it with SIGKILL at random points of the script, then opens
 * the file and checks that it is sound (integrity_check), that every
 * acknowledged edit is there and that nothing is half-applied. Then a new
 * child goes on from where the file is, taking over the lock the killed one
 * left.
 *
 * The script mixes every kind of edit the window makes: single cells,
 * whole rows, a section's text, the figures, and groups of them
 * (bd_store_begin/commit, nested too), each of which must land whole or not
 * at all.
 *
 * Where a kill lands is chosen by counting acknowledgements, not by the
 * clock: the parent reads a random number of them, then waits a random
 * moment (so the kill falls anywhere inside the next edits) and kills. One
 * kill in eight comes before any acknowledgement, while the child opens the
 * file and takes its lock. The verdict never depends on timing.
 *
 * BD_CRASH_KILLS sets how many kills must land (50 by default;
 * tests/crash-soak.sh runs many more), BD_CRASH_SEED the random seed. */

#define _DEFAULT_SOURCE

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bd-test-util.h"
#include "bd-file-test-util.h"

#define N_EDITS 1000
#define N_CELLS 12
#define SECTION "functions"
#define FIGURE "other.goals.projects"

/* The twelve cells the script edits: 基本支出 and 项目支出 of the six 项 of schedule 3. */
static const char * const leaves[] = { "2080502", "2080505", "2080506", "2101102", "2120199", "2210201" };

typedef enum {
  EDIT_AMOUNT,          /* one cell */
  EDIT_GROUP,           /* two cells in one transaction */
  EDIT_SECTION,         /* a section's paragraphs rewritten */
  EDIT_ROW,             /* every figure of a row, one statement a column */
  EDIT_MIXED_GROUP,     /* a cell, the section and the figures, in one transaction */
  EDIT_NESTED_GROUP,    /* two cells, the second in a group inside the first */
  EDIT_FIGURES,         /* every figure of the text rewritten */
} EditKind;

static const EditKind kinds[10] = {
  EDIT_AMOUNT, EDIT_AMOUNT, EDIT_AMOUNT, EDIT_ROW, EDIT_GROUP,
  EDIT_SECTION, EDIT_AMOUNT, EDIT_MIXED_GROUP, EDIT_NESTED_GROUP, EDIT_FIGURES,
};

/* What the script has done after some of its edits. */
typedef struct {
  gint64 cells[N_CELLS];
  guint  section_edit;    /* the edit that last wrote the section; G_MAXUINT: as imported */
  gint64 figure;
} State;

static gint64
value_of (guint i)
{
  return (gint64) (i + 1) * 100 + 1;
}

static guint
cell_of (guint i)
{
  return (i * 7) % N_CELLS;
}

/* The section's text as edit @i writes it: one to four paragraphs. */
static GPtrArray *
paragraphs_of (guint i)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint j = 0; j <= i % 4; j++)
    g_ptr_array_add (paragraphs, g_strdup_printf ("第%u次编辑，第%u段。", i, j + 1));
  return paragraphs;
}

static void
apply (guint  i,
       State *state)
{
  guint cell = cell_of (i);

  switch (kinds[i % G_N_ELEMENTS (kinds)])
    {
    case EDIT_AMOUNT:
      state->cells[cell] = value_of (i);
      break;
    case EDIT_GROUP:
    case EDIT_NESTED_GROUP:
      state->cells[cell] = value_of (i);
      state->cells[(cell + 5) % N_CELLS] = value_of (i) + 1;
      break;
    case EDIT_ROW:
      /* Both entered columns of the cell's row. */
      state->cells[cell & ~1u] = value_of (i);
      state->cells[cell | 1u] = value_of (i) + 1;
      break;
    case EDIT_SECTION:
      state->section_edit = i;
      break;
    case EDIT_MIXED_GROUP:
      state->cells[cell] = value_of (i);
      state->section_edit = i;
      state->figure = i;
      break;
    case EDIT_FIGURES:
      state->figure = i;
      break;
    }
}

static BdRow *
cell_row (BdDocument *doc,
          guint       cell)
{
  return bd_schedule_find_row (bd_document_get_schedule (doc, 3), leaves[cell / 2]);
}

static guint
cell_column (guint cell)
{
  return 1 + cell % 2;
}

static guint repaired;

/* Reads the state back through the store, read-only, as a second
 * BudgetDesk would. When the child was killed inside an edit, reading
 * refuses (reading never writes, and the file needs its journal rolled
 * back) and leaves the file as it was; opening it for writing, as the
 * clerk's window does, repairs it. */
static void
read_state (const char *path,
            GPtrArray  *initial_paragraphs,
            State      *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_of (path);
  g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(BdDocument) doc = NULL;
  BdSection *section;

  if (g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_INTERRUPTED))
    {
      g_autofree char *after = checksum_of (path);

      g_assert_cmpstr (before, ==, after);
      g_clear_error (&error);
      g_clear_object (&store);
      store = bd_store_open (path, BD_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      /* Its own journal: rolled back, never set aside as another file's. */
      g_assert_null (bd_store_get_set_aside (store));
      g_clear_object (&store);
      store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
      repaired++;
    }
  g_assert_no_error (error);
  g_assert_null (bd_store_get_set_aside (store));
  doc = bd_store_load (store, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < N_CELLS; c++)
    state->cells[c] = cell_row (doc, c)->values[cell_column (c)];
  state->figure = bd_document_get_figure (doc, FIGURE)->value;

  /* The section is as one edit left it, whole: which one is read from it. */
  section = bd_document_get_section (doc, SECTION);
  g_assert_nonnull (section);
  state->section_edit = G_MAXUINT - 1;
  if (section->paragraphs->len == initial_paragraphs->len
      && strcmp (g_ptr_array_index (section->paragraphs, 0), g_ptr_array_index (initial_paragraphs, 0)) == 0)
    {
      for (guint j = 0; j < section->paragraphs->len; j++)
        g_assert_cmpstr (g_ptr_array_index (section->paragraphs, j), ==, g_ptr_array_index (initial_paragraphs, j));
      state->section_edit = G_MAXUINT;
    }
  else if (section->paragraphs->len > 0)
    {
      guint edit, paragraph;

      if (sscanf (g_ptr_array_index (section->paragraphs, 0), "第%u次编辑，第%u段。", &edit, &paragraph) == 2)
        {
          g_autoptr(GPtrArray) expected = paragraphs_of (edit);

          g_assert_cmpuint (section->paragraphs->len, ==, expected->len);
          for (guint j = 0; j < expected->len; j++)
            g_assert_cmpstr (g_ptr_array_index (section->paragraphs, j), ==, g_ptr_array_index (expected, j));
          state->section_edit = edit;
        }
    }
}

static void
assert_sound (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
store_section (BdStore    *store,
               BdDocument *doc,
               guint       i)
{
  g_autoptr(GError) error = NULL;
  BdSection *section = bd_document_get_section (doc, SECTION);

  g_ptr_array_unref (section->paragraphs);
  section->paragraphs = paragraphs_of (i);
  if (!bd_store_save_section (store, doc, section, &error))
    _exit (20);
}

static void
store_figures (BdStore    *store,
               BdDocument *doc,
               guint       i)
{
  g_autoptr(GError) error = NULL;

  bd_document_set_figure (doc, FIGURE, i, BD_FIGURE_COUNT);
  if (!bd_store_save_figures (store, doc, &error))
    _exit (21);
}

static void
store_amount (BdStore    *store,
              BdDocument *doc,
              guint       cell,
              gint64      value)
{
  g_autoptr(GError) error = NULL;
  BdRow *row = cell_row (doc, cell);

  row->values[cell_column (cell)] = value;
  if (!bd_store_update_amount (store, row, cell_column (cell), &error))
    _exit (22);
}

static void
begin (BdStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!bd_store_begin (store, &error))
    _exit (23);
}

static void
commit (BdStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!bd_store_commit (store, &error))
    _exit (24);
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

  if (store == NULL)
    _exit (g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED) ? 11 : 10);
  if (doc == NULL)
    _exit (12);
  for (guint i = start; i < N_EDITS; i++)
    {
      guint32 done = i;
      guint cell = cell_of (i);

      switch (kinds[i % G_N_ELEMENTS (kinds)])
        {
        case EDIT_AMOUNT:
          store_amount (store, doc, cell, value_of (i));
          break;
        case EDIT_GROUP:
          begin (store);
          store_amount (store, doc, cell, value_of (i));
          store_amount (store, doc, (cell + 5) % N_CELLS, value_of (i) + 1);
          commit (store);
          break;
        case EDIT_NESTED_GROUP:
          begin (store);
          store_amount (store, doc, cell, value_of (i));
          begin (store);
          store_amount (store, doc, (cell + 5) % N_CELLS, value_of (i) + 1);
          commit (store);
          commit (store);
          break;
        case EDIT_ROW:
          {
            BdRow *row = cell_row (doc, cell);
            const BdScheduleDef *def = bd_document_get_schedule (doc, 3)->def;

            row->values[1] = value_of (i);
            row->values[2] = value_of (i) + 1;
            if (!bd_store_update_row (store, row, def->n_columns, &error))
              _exit (25);
          }
          break;
        case EDIT_SECTION:
          store_section (store, doc, i);
          break;
        case EDIT_MIXED_GROUP:
          begin (store);
          store_amount (store, doc, cell, value_of (i));
          store_section (store, doc, i);
          store_figures (store, doc, i);
          commit (store);
          break;
        case EDIT_FIGURES:
          store_figures (store, doc, i);
          break;
        }
      if (write (acknowledged, &done, sizeof done) != sizeof done)
        _exit (26);
    }
  _exit (0);
}

static void
expected_after (guint        n,
                const State *initial,
                State       *state)
{
  *state = *initial;
  for (guint i = 0; i < n; i++)
    apply (i, state);
}

static gboolean
states_equal (const State *a,
              const State *b)
{
  return memcmp (a->cells, b->cells, sizeof a->cells) == 0 && a->section_edit == b->section_edit
    && a->figure == b->figure;
}

static void
test_kill_anywhere (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.budget", NULL);
  const char *kills_text = g_getenv ("BD_CRASH_KILLS");
  const char *seed_text = g_getenv ("BD_CRASH_SEED");
  guint kills = kills_text ? (guint) atoi (kills_text) : 50;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed_text ? (guint32) atoi (seed_text) : 20241124);
  g_autoptr(GPtrArray) initial_paragraphs = NULL;
  State initial = { { 0 }, G_MAXUINT, 0 };
  guint done = 0, killed = 0, killed_opening = 0, one_more = 0, runs = 0, rounds = 1;

  g_assert_true (bd_store_save_as (seed, path, &error));
  initial_paragraphs = g_ptr_array_ref (bd_document_get_section (seed, SECTION)->paragraphs);
  read_state (path, initial_paragraphs, &initial);
  g_assert_cmpuint (initial.section_edit, ==, G_MAXUINT);
  g_assert_cmpint (initial.figure, ==, 17);

  /* The script is fast: it runs again on a fresh file until enough kills
   * have landed. */
  while (done < N_EDITS || killed < kills)
    {
      int pipe_fds[2];
      int status;
      pid_t child;
      guint32 last = G_MAXUINT32, number;
      guint acknowledged, wait_for = 0, seen = 0;
      gboolean kill_it = killed < kills;
      gboolean early = FALSE;
      State expected, actual;
      gboolean matched = FALSE;

      if (done == N_EDITS)
        {
          g_assert_true (bd_store_save_as (seed, path, &error));
          done = 0;
          rounds++;
        }

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
          early = g_rand_int_range (rand, 0, 8) == 0;
          wait_for = early ? 0 : (guint) g_rand_int_range (rand, 1, 40);
          /* Blocking reads: the child has acknowledged this many edits. */
          while (seen < wait_for && read (pipe_fds[0], &number, sizeof number) == sizeof number)
            {
              last = number;
              seen++;
            }
          g_usleep (g_rand_int_range (rand, 0, early ? 4000 : 1500));
          kill (child, SIGKILL);
        }
      while (waitpid (child, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      if (WIFSIGNALED (status))
        {
          g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
          killed++;
          if (early && seen == 0)
            killed_opening++;
        }
      else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("the script stopped with status %d (see run_script)", WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      while (read (pipe_fds[0], &number, sizeof number) == sizeof number)
        last = number;
      close (pipe_fds[0]);

      /* Every acknowledged edit is there; the one under way when it died
       * is there whole or not at all. */
      read_state (path, initial_paragraphs, &actual);
      assert_sound (path);
      acknowledged = last == G_MAXUINT32 ? done : last + 1;
      for (guint n = acknowledged; n <= MIN (acknowledged + 1, N_EDITS) && !matched; n++)
        {
          expected_after (n, &initial, &expected);
          if (states_equal (&expected, &actual))
            {
              matched = TRUE;
              one_more += n > acknowledged;
              done = n;
            }
        }
      if (!matched)
        g_error ("after kill %u the file holds neither the %u acknowledged edits nor one more", killed, acknowledged);
    }

  g_test_message ("%u rounds of %u edits, %u children, %u killed with SIGKILL (%u while opening); "
                  "%u times the edit under way when killed had been stored whole; "
                  "%u times its journal was rolled back by the next writer",
                  rounds, N_EDITS, runs, killed, killed_opening, one_more, repaired);
  g_assert_cmpuint (killed, >=, kills);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-anywhere", test_kill_anywhere);
  return g_test_run ();
}
