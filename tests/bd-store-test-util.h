/* Helpers shared by the tests of the document file (test-store,
 * test-store-journal). */

#pragma once

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bd-file-test-util.h"
#include "bd-store.h"
#include "bd-test-util.h"

/* A folder of its own for each test, and the document's path in it. */
typedef struct {
  char *dir;
  char *path;
} StoreFixture;

static inline void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bd-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cityops-2024.budget", NULL);
}

/* Tests take the folder's rights away (read-only folders, other users):
 * they are given back first so that everything in it goes. */
static inline void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *quoted = g_shell_quote (fixture->dir);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_chmod (fixture->dir, 0700);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The note beside the fixture's document that names the BudgetDesk
 * writing it. */
static inline char *
store_fixture_lock_note (StoreFixture *fixture)
{
  return g_build_filename (fixture->dir, ".~lock.cityops-2024.budget#", NULL);
}

/* A test of the document file, on a fresh folder of its own. */
#define STORE_TEST(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

/* The seed document saved as a new file at @path. */
static inline void
save_seed (const char *path)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bd_store_save_as (doc, path, &error));
  g_assert_no_error (error);
}

/* The seed saved as a new file at @path and opened for writing: the
 * document as stored, its store in @store_out. */
static inline BdDocument *
open_seed_copy (const char  *path,
                BdStore    **store_out)
{
  save_seed (path);
  return bd_test_open (path, BD_STORE_OPEN_DEFAULT, store_out);
}

/* Opening @path with @flags is refused with @code, the message saying
 * @message_part, and the file (if there is one) is left byte for byte. */
static inline void
assert_open_refused (const char       *path,
                     BdStoreOpenFlags  flags,
                     int               code,
                     const char       *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_file_test (path, G_FILE_TEST_EXISTS) ? checksum_of (path) : NULL;
  g_autoptr(BdStore) store = bd_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, BD_STORE_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, message_part);
  if (before != NULL)
    {
      g_autofree char *after = checksum_of (path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The one number @sql gives from the file at @path, read without the store. */
static inline gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}
