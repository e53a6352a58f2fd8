/* The document file among other writers, readers and users: one writer
 * at a time (its lock, left by a killed one or another user), readers that
 * never write, a read-only file or folder, and a disk that fills. */

#define _GNU_SOURCE

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-store-test-util.h"

typedef StoreFixture Fixture;

static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BdStore) first = NULL;
  g_autoptr(BdStore) second = NULL;
  g_autoptr(BdStore) reader = NULL;
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = store_fixture_lock_note (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save_seed (fixture->path);
  first = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A second writer is refused, told who holds it (here: this very
   * BudgetDesk, which should show its window instead); reading is still fine. */
  second = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "“cityops-2024.budget” is already open for writing in this BudgetDesk.");
  g_clear_error (&error);
  reader = bd_store_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* Nor is the file replaced underneath it. */
  g_clear_object (&first);
  first = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  before = checksum_of (fixture->path);
  g_assert_false (bd_store_save_as (doc, fixture->path, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Closed, the document can be opened for writing again, and the lock file is gone. */
  g_clear_object (&first);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  second = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* Runs @check in a child process, as an ordinary user when the tests run as
 * root (root ignores file permissions); FALSE when that cannot be done.
 * The child's assertions are the test's. */
static gboolean
run_as_user (void (*check) (Fixture *fixture, gpointer data),
             Fixture *fixture,
             gpointer data)
{
  pid_t child;
  int status;

  if (geteuid () != 0)
    return FALSE;
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* nobody */
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (77);
      check (fixture, data);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return TRUE;
}

static char *
lock_file_text (Fixture *fixture)
{
  g_autofree char *lock = store_fixture_lock_note (fixture);
  char *text = NULL;

  if (!g_file_get_contents (lock, &text, NULL, NULL))
    return NULL;
  return text;
}

/* The lock note beside the document names this process as its writer. */
static void
assert_lock_is_ours (Fixture *fixture)
{
  g_autofree char *now = lock_file_text (fixture);
  g_autofree char *own_pid = g_strdup_printf ("pid %d,", (int) getpid ());

  g_assert_nonnull (now);
  g_assert_true (g_str_has_prefix (now, own_pid));
}

/* The writer is another process: the message names it; when it is killed,
 * its lock file stays behind, and the next writer takes it over. */
static void
test_writer_elsewhere (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *left = NULL;
  g_autofree char *dead_pid = NULL;
  int ready[2], hold[2];
  pid_t child;
  int status;
  char byte;

  save_seed (fixture->path);
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (hold), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* The other BudgetDesk: opens the document, makes an edit, says so and
       * keeps it open until killed. */
      g_autoptr(BdStore) writer = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, NULL);
      g_autoptr(BdDocument) edited = writer ? bd_store_load (writer, NULL) : NULL;
      BdRow *row = edited ? bd_schedule_find_row (bd_document_get_schedule (edited, 1), "208") : NULL;

      close (ready[0]);
      close (hold[1]);
      if (row == NULL)
        _exit (1);
      row->values[0] = Y (1616095, 0);
      if (!bd_store_update_amount (writer, row, 0, NULL) || write (ready[1], "!", 1) != 1)
        _exit (2);
      while (read (hold[0], &byte, 1) > 0)
        ;
      _exit (3);
    }
  close (ready[1]);
  close (hold[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  dead_pid = g_strdup_printf ("pid %d,", (int) child);

  /* Refused, naming the holder; the clerk may read it instead, edit and all. */
  expected = g_strdup_printf ("“cityops-2024.budget” is open for writing in another BudgetDesk (pid %d, %s@%s). "
                              "Open it read-only to look at it, or close it there first.",
                              (int) child, g_get_user_name (), g_get_host_name ());
  g_assert_null (bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpint (bd_test_stored (fixture->path, 1, "208", 0), ==, Y (1616095, 0));

  /* Nor is it replaced by a new document saved over it. */
  before = checksum_of (fixture->path);
  g_assert_false (bd_store_save_as (seed, fixture->path, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* It dies without closing anything: its lock file stays, naming it… */
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  close (ready[0]);
  close (hold[1]);
  left = lock_file_text (fixture);
  g_assert_nonnull (left);
  g_assert_true (g_str_has_prefix (left, dead_pid));

  /* …but holds no lock: the next writer takes it over, and the edit the
   * dead one stored is there. */
  doc = bd_test_open (fixture->path, BD_STORE_OPEN_DEFAULT, &store);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208")->values[0], ==, Y (1616095, 0));
  assert_lock_is_ours (fixture);
}

/* A second BudgetDesk reading a document another is writing never writes
 * it, not even when the writer closes first and leaves it the last one
 * with the document open; and the writer's edits are in the file itself,
 * with nothing beside it. */
static void
test_reader_never_writes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BdStore) writer = NULL;
  g_autoptr(BdStore) reader = NULL;
  g_autoptr(BdDocument) doc = open_seed_copy (fixture->path, &writer);
  g_autoptr(BdDocument) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listed = NULL;
  BdRow *row;

  row = bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208");
  row->values[0] = Y (1616095, 0);
  g_assert_true (bd_store_update_amount (writer, row, 0, &error));

  seen = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &reader);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (seen, 1), "208")->values[0], ==, Y (1616095, 0));
  g_clear_object (&writer);
  before = checksum_of (fixture->path);
  g_clear_object (&reader);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
  listed = folder_listing (fixture->dir);
  g_assert_cmpstr (listed, ==, "cityops-2024.budget");

  /* The next BudgetDesk to open it finds the edit. */
  g_assert_cmpint (bd_test_stored (fixture->path, 1, "208", 0), ==, Y (1616095, 0));
}

/* Takes the document's lock as another BudgetDesk holds it (bd-store-lock.c). */
static int
hold_lock (const char *path)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x40000000 + 1024, .l_len = 1 };
  int fd = open (path, O_RDWR);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_OFD_SETLK, &lock), ==, 0);
  return fd;
}

static void
test_stale_lock (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = store_fixture_lock_note (fixture);
  g_autoptr(GString) garbage = g_string_new ("pid 99999, clerk@desk\xff\xfe");
  int fd;

  /* A lock file left by a BudgetDesk that crashed: it names a holder, but
   * no process holds it any more. */
  save_seed (fixture->path);
  g_assert_true (g_file_set_contents (lock, "pid 99999, clerk@desk\n", -1, NULL));
  store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  /* A holder whose lock file says anything at all: the message quotes its
   * first line, short and valid UTF-8. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (garbage, "垃圾");
  g_assert_true (g_file_set_contents (lock, garbage->str, garbage->len, NULL));
  fd = hold_lock (fixture->path);
  g_assert_null (bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "(pid 99999, clerk@desk\xef\xbf\xbd"));
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_clear_error (&error);
  close (fd);

  /* Released, it is taken over like any other. */
  store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* As an ordinary user: a lock file another user left (0600, theirs) is
 * taken over when nobody holds it, and names them when they do. */
static void
open_over_others_lock (Fixture  *fixture,
                       gpointer  data)
{
  gboolean held = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);

  if (held)
    {
      g_assert_null (store);
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED);
      g_assert_nonnull (strstr (error->message, "another BudgetDesk (pid"));
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (store);
      assert_lock_is_ours (fixture);
    }
}

/* The lock is the document's own: a note beside it that cannot even be
 * read (not one BudgetDesk made) holds nothing, and is replaced. */
static void
open_over_unreadable_lock (Fixture  *fixture,
                           gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) writer = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  assert_lock_is_ours (fixture);
}

static void
test_stale_lock_of_another_user (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *lock = store_fixture_lock_note (fixture);
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root, to act as two users");
      return;
    }
  /* A shared folder: everyone may write the document and the folder. */
  save_seed (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);

  /* Root's BudgetDesk holds it: the other user is told. */
  umask (077);
  store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  umask (022);
  g_assert_no_error (error);
  g_assert_true (run_as_user (open_over_others_lock, fixture, GINT_TO_POINTER (TRUE)));

  /* Root's BudgetDesk crashed: its lock file stays, root's, which the
   * other user may read but not write. */
  {
    g_autofree char *kept = g_strconcat (lock, ".kept", NULL);
    g_assert_cmpint (link (lock, kept), ==, 0);
    g_clear_object (&store);
    g_assert_cmpint (g_rename (kept, lock), ==, 0);
  }
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_true (run_as_user (open_over_others_lock, fixture, GINT_TO_POINTER (FALSE)));

  /* A lock file the other user cannot even read (not one BudgetDesk made):
   * the lock is the document's, so it holds nothing. */
  g_assert_true (g_file_set_contents (lock, "pid 1, root@elsewhere\n", -1, NULL));
  g_assert_cmpint (g_chmod (lock, 0600), ==, 0);
  g_assert_true (run_as_user (open_over_unreadable_lock, fixture, NULL));
}

/* In a child whose files may not grow past @limit bytes, as on a full disk:
 * returns the child's exit status, 0 when the store refused with FULL and
 * nothing was changed. */
static int
run_with_full_disk (Fixture *fixture,
                    rlim_t   limit,
                    gboolean edit)
{
  pid_t child = fork ();
  int status;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      struct rlimit rl = { limit, limit };
      g_autoptr(GError) error = NULL;
      g_autoptr(BdDocument) doc = bd_test_load_seed ();
      g_autoptr(BdStore) store = NULL;
      g_autoptr(BdDocument) loaded = NULL;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        _exit (10);
      if (!edit)
        {
          g_autofree char *other = g_build_filename (fixture->dir, "new.budget", NULL);
          if (bd_store_save_as (doc, other, &error) || !g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL)
              || strstr (error->message, "disk is full") == NULL)
            _exit (11);
          _exit (g_file_test (other, G_FILE_TEST_EXISTS) ? 12 : 0);
        }
      store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
      loaded = store ? bd_store_load (store, &error) : NULL;
      if (loaded == NULL)
        _exit (g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL) ? 0 : 13);
      bd_schedule_find_row (bd_document_get_schedule (loaded, 1), "208")->values[0] = 1;
      if (bd_store_save_document (store, loaded, &error) || !g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL))
        _exit (14);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save_seed (fixture->path);
  before = checksum_of (fixture->path);
  /* A new document that does not fit: refused, nothing left behind. */
  g_assert_cmpint (run_with_full_disk (fixture, 16384, FALSE), ==, 0);
  /* Opening a document for writing when there is no room at all (its
   * write-ahead log cannot be made): refused, and the document is as it was. */
  g_assert_cmpint (run_with_full_disk (fixture, 4096, TRUE), ==, 0);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(BdDocument) doc = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
    g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208")->values[0], ==, Y (1616095, 40));
  }
}

/* @doc read again from @store after a save the disk refused (the rows
 * rewritten got ids the file no longer has): its schedule 3, where
 * 2120199's 项目支出 is still the seed's 7,959,673.40. */
static BdSchedule *
reload_after_refusal (BdStore     *store,
                      BdDocument **doc)
{
  g_autoptr(GError) error = NULL;
  BdSchedule *s3;

  g_clear_object (doc);
  *doc = bd_store_load (store, &error);
  g_assert_no_error (error);
  s3 = bd_document_get_schedule (*doc, 3);
  g_assert_cmpint (bd_schedule_find_row (s3, "2120199")->values[1], ==, Y (7959673, 40));
  return s3;
}

/* The disk fills while the clerk works: the edit that does not fit is
 * refused whole, saying so, the ones before it stay, and once there is room
 * again the same open document takes edits. */
static void
test_full_disk_mid_session (Fixture       *fixture,
                            gconstpointer  data)
{
  pid_t child;
  int status;

  save_seed (fixture->path);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BdStore) store = NULL;
      g_autoptr(BdDocument) doc = bd_test_open (fixture->path, BD_STORE_OPEN_DEFAULT, &store);
      BdSchedule *s3 = bd_document_get_schedule (doc, 3);
      BdRow *row = bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208");
      struct rlimit rl;
      GStatBuf st;

      row->values[0] = Y (1616095, 0);
      g_assert_true (bd_store_update_amount (store, row, 0, &error));

      /* The disk is nearly full: files may not grow past the document's
       * size now and one page more: room for a cell's journal, not for a
       * document grown by a long paragraph. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
      rl.rlim_cur = st.st_size + 4096;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);

      bd_schedule_find_row (s3, "2120199")->values[1] = 1;
      g_ptr_array_add (((BdSection *) g_ptr_array_index (doc->sections, 0))->paragraphs, g_strnfill (300000, 'x'));
      g_assert_false (bd_store_save_document (store, doc, &error));
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, "the disk is full"));
      g_clear_error (&error);

      /* The rows rewritten got ids the file no longer has: what failed is
       * read again (the editor restores its snapshot instead). */
      s3 = reload_after_refusal (store, &doc);

      /* A group that does not fit: none of it. The file is written when
       * the group commits (never before its journal holds what it
       * overwrites), so that is where the disk refuses it, whole. */
      {
        gint64 before = bd_schedule_find_row (s3, "2080505")->values[1];

        g_assert_true (bd_store_begin (store, &error));
        bd_schedule_find_row (s3, "2120199")->values[1] = 1;
        g_assert_true (bd_store_update_amount (store, bd_schedule_find_row (s3, "2120199"), 1, &error));
        g_ptr_array_add (((BdSection *) g_ptr_array_index (doc->sections, 0))->paragraphs, g_strnfill (300000, 'x'));
        g_assert_true (bd_store_save_document (store, doc, &error));
        row = bd_schedule_find_row (s3, "2080505");
        row->values[1] = 777;
        g_assert_true (bd_store_update_amount (store, row, 1, &error));
        g_assert_false (bd_store_commit (store, &error));
        g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL);
        g_clear_error (&error);
        s3 = reload_after_refusal (store, &doc);
        g_assert_cmpint (bd_schedule_find_row (s3, "2080505")->values[1], ==, before);
      }

      /* Room again. */
      rl.rlim_cur = rl.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
      row = bd_schedule_find_row (s3, "2080505");
      row->values[1] = 12345;
      g_assert_true (bd_store_update_amount (store, row, 1, &error));
      g_assert_no_error (error);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_cmpint (bd_test_stored (fixture->path, 1, "208", 0), ==, Y (1616095, 0));
  g_assert_cmpint (bd_test_stored (fixture->path, 3, "2120199", 1), ==, Y (7959673, 40));
  g_assert_cmpint (bd_test_stored (fixture->path, 3, "2080505", 1), ==, 12345);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
                   ==, 1);
}

typedef struct {
  int         file_mode;
  int         folder_mode;
  const char *says;
} ReadOnlyCase;

/* Run as an ordinary user: the document can be read but not written, and
 * neither it nor its folder changes. */
static void
check_read_only (Fixture  *fixture,
                 gpointer  data)
{
  const ReadOnlyCase *c = data;
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_of (fixture->path);
  g_autofree char *listed = folder_listing (fixture->dir);
  g_autofree char *after = NULL;
  g_autofree char *listed_after = NULL;
  g_autofree char *beside = g_build_filename (fixture->dir, "new.budget", NULL);

  g_assert_null (bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, c->says);
  g_clear_error (&error);
  if (c->folder_mode == 0555)
    {
      g_assert_false (bd_store_save_as (doc, beside, &error));
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (bd_store_save_as (doc, fixture->path, &error));
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
    }
  g_clear_object (&doc);
  doc = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2120199")->values[1], ==, Y (7959673, 40));

  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
  listed_after = folder_listing (fixture->dir);
  g_assert_cmpstr (listed, ==, listed_after);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  static const ReadOnlyCase cases[] = {
    { 0444, 0777, "“cityops-2024.budget” is read-only; open it read-only to look at it." },
    { 0666, 0555, "“cityops-2024.budget” cannot be written: its folder is read-only." },
    { 0444, 0555, "“cityops-2024.budget” is read-only; open it read-only to look at it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
      save_seed (fixture->path);
      g_assert_cmpint (g_chmod (fixture->path, cases[i].file_mode), ==, 0);
      g_assert_cmpint (g_chmod (fixture->dir, cases[i].folder_mode), ==, 0);
      /* Root may write anywhere: the checks run as nobody then. */
      if (!run_as_user (check_read_only, fixture, (gpointer) &cases[i]))
        check_read_only (fixture, (gpointer) &cases[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/two-writers", test_two_writers);
  STORE_TEST ("/store/writer-elsewhere", test_writer_elsewhere);
  STORE_TEST ("/store/reader-never-writes", test_reader_never_writes);
  STORE_TEST ("/store/stale-lock", test_stale_lock);
  STORE_TEST ("/store/stale-lock-of-another-user", test_stale_lock_of_another_user);
  STORE_TEST ("/store/full-disk", test_full_disk);
  STORE_TEST ("/store/full-disk-mid-session", test_full_disk_mid_session);
  STORE_TEST ("/store/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
