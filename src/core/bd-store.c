/* realpath is POSIX, outside strict C11. */
#define _DEFAULT_SOURCE

/* The store: the object, opening a document file, transactions, and the
 * edit API. See bd-store-private.h for where the rest lives. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bd-file-replace.h"
#include "bd-store-private.h"

G_DEFINE_FINAL_TYPE (BdStore, bd_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (bd-store-error-quark, bd_store_error)

static void
bd_store_finalize (GObject *object)
{
  BdStore *self = (BdStore *) object;

  /* The connection first: the lock is released once nothing can write. */
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  bd_store_lock_release (self->lock);
  g_free (self->set_aside);
  g_free (self->real_path);
  g_free (self->path);
  G_OBJECT_CLASS (bd_store_parent_class)->finalize (object);
}

static void
bd_store_class_init (BdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_store_finalize;
}

static void
bd_store_init (BdStore *self)
{
}

/* Transactions */

gboolean
bd_store_begin (BdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; the change was not stored."), name);
      return FALSE;
    }
  /* SQLite rolls a whole transaction back on some failures (a write the
   * disk refused): what a group goes on with must not be stored on its own. */
  if (self->transaction_depth > 0 && sqlite3_get_autocommit (self->db))
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                   _("“%s”: the changes this one goes with were undone after a failure, so it was not stored."),
                   name);
      return FALSE;
    }
  if (!bd_store_sql_exec (self->db, self->path, "SAVEPOINT edit", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
bd_store_commit (BdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                   _("“%s”: these changes were undone after a failure; none of them was stored."), name);
      self->transaction_depth--;
      return FALSE;
    }
  if (!bd_store_sql_exec (self->db, self->path, "RELEASE edit", error))
    {
      bd_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
bd_store_rollback (BdStore *self)
{
  g_return_if_fail (BD_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  /* The outermost edit ends the whole transaction: rolled back to its
   * savepoint and released, it would still commit, rewriting the file's
   * header for a change that was refused. */
  if (self->transaction_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO edit; RELEASE edit", NULL, NULL, NULL);
  self->transaction_depth--;
}

/* Saving a new file */

/* A failure of bd-file-replace on @real_path, told as the store tells its
 * own, naming @path. */
static gboolean
set_replace_error (GError     **error,
                   GError      *replace_error,
                   const char  *path,
                   const char  *real_path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *real_name = g_filename_display_name (real_path);
  g_autofree char *prefix = g_strconcat (real_name, ": ", NULL);
  const char *reason = replace_error->message;
  int code = BD_STORE_ERROR_IO;

  if (g_str_has_prefix (reason, prefix))
    reason += strlen (prefix);
  if (replace_error->code == G_FILE_ERROR_NOSPC)
    code = BD_STORE_ERROR_FULL;
  else if (replace_error->code == G_FILE_ERROR_ACCES || replace_error->code == G_FILE_ERROR_ROFS
           || replace_error->code == G_FILE_ERROR_PERM)
    code = BD_STORE_ERROR_READ_ONLY;
  g_set_error (error, BD_STORE_ERROR, code, _("“%s” could not be written: %s."), name, reason);
  g_error_free (replace_error);
  return FALSE;
}

/* Writes @doc whole into the new file @temporary; errors name @path. */
static gboolean
write_new_file (BdDocument  *doc,
                const char  *temporary,
                const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc = sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      bd_store_sql_error (error, db, path, rc);
      sqlite3_close (db);
      return FALSE;
    }
  bd_store_sql_harden (db);
  ok = bd_store_schema_create (db, path, error)
    && bd_store_write_document (db, path, doc, NULL, error)
    && bd_store_sql_exec (db, path, "COMMIT", error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    ok = bd_store_sql_error (error, NULL, path, SQLITE_IOERR);
  return ok;
}

/* @path with its links resolved, or a copy of it when it does not exist. */
static char *
resolve (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy;

  if (real == NULL)
    return g_strdup (path);
  copy = g_strdup (real);
  free (real);
  return copy;
}

/* A journal left beside @path belongs to the file it replaces, which is
 * gone now: it would be applied to the new one. */
static void
remove_old_journals (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *journal = g_strconcat (path, suffixes[i], NULL);
      g_unlink (journal);
    }
}

gboolean
bd_store_save_as (BdDocument  *doc,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *real_path = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *name = NULL;
  BdStoreLock *lock = NULL;
  GError *replace_error = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A document another BudgetDesk has open for writing is not replaced
   * (the lock is shared: nobody may start writing it meanwhile either). */
  real_path = resolve (path);
  name = g_filename_display_basename (path);
  if (g_file_test (real_path, G_FILE_TEST_IS_REGULAR)
      && (lock = bd_store_lock_take (real_path, name, TRUE, error)) == NULL)
    return FALSE;
  fd = bd_file_replace_begin_document (real_path, &temporary, &replace_error);
  if (fd < 0)
    {
      bd_store_lock_release (lock);
      return set_replace_error (error, replace_error, path, real_path);
    }
  close (fd);

  ok = write_new_file (doc, temporary, path, error);
  if (!ok)
    g_unlink (temporary);
  else if (!bd_file_replace_commit (temporary, real_path, &replace_error))
    ok = set_replace_error (error, replace_error, path, real_path);
  if (ok)
    remove_old_journals (real_path);
  bd_store_lock_release (lock);
  return ok;
}

gboolean
bd_store_is_document_file (const char *path)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  guchar header[100];
  gboolean is_document = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  if (read (fd, header, sizeof header) == sizeof header && memcmp (header, sqlite_magic, 16) == 0)
    is_document = ((guint32) header[68] << 24 | (guint32) header[69] << 16 | (guint32) header[70] << 8 | header[71])
                  == BD_STORE_APPLICATION_ID;
  close (fd);
  return is_document;
}

/* Opening */

/* A connection to @path, hardened; NULL with @error set, naming @name. */
static sqlite3 *
connect (const char  *path,
         const char  *name,
         int          flags,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      bd_store_sql_error (error, db, name, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  bd_store_sql_harden (db);
  return db;
}

/* A document a BudgetDesk before file format 3 left in WAL mode, read
 * while nobody writes it: SQLite would make a -wal and a -shm beside it
 * to read it, and leave them. It is read as it is instead (immutable);
 * its first writer turns it to a rollback journal. */
static gboolean
read_as_it_is (const char *real_path)
{
  g_autofree char *wal = g_strconcat (real_path, "-wal", NULL);
  guchar header[20];
  GStatBuf st;
  gboolean wal_mode;
  int fd = open (real_path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  wal_mode = read (fd, header, sizeof header) == sizeof header && header[18] == 2 && header[19] == 2;
  close (fd);
  return wal_mode && (g_stat (wal, &st) != 0 || st.st_size == 0) && !bd_store_lock_is_held (real_path);
}

/* A connection that has passed every check; NULL with @error set. One
 * that may write does so only to roll back the file's own journal. */
static sqlite3 *
connect_verified (const char  *path,
                  const char  *name,
                  int          flags,
                  GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db;

  if (!(flags & SQLITE_OPEN_READWRITE) && read_as_it_is (path) && (uri = g_filename_to_uri (path, NULL, NULL)))
    {
      char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      g_free (uri);
      uri = immutable;
      flags |= SQLITE_OPEN_URI;
    }
  db = connect (uri ? uri : path, name, flags, error);

  if (db != NULL && (flags & SQLITE_OPEN_READWRITE))
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (db != NULL && !bd_store_verify (db, name, error))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

/* Writing needs the file and its folder (for the journal) writable. */
static gboolean
check_writable (const char  *real_path,
                const char  *name,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (real_path);

  if (g_access (real_path, W_OK) != 0)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; open it read-only to look at it."), name);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: its folder is read-only."), name);
      return FALSE;
    }
  return TRUE;
}

/* The one writer's connection. A rollback journal, deleted to commit and
 * the folder synced after (synchronous EXTRA): an acknowledged edit is in
 * the .budget itself and survives a crash or a power cut; a copy of the
 * file alone holds it. cache_spill off: the file is never written before
 * its journal holds page 1, which pairs a journal with its file. */
static sqlite3 *
connect_writer (BdStore  *self,
                GError  **error)
{
  const char *name = self->path;
  sqlite3 *db = connect (self->real_path, name, SQLITE_OPEN_READWRITE, error);

  if (db != NULL
      && (!bd_store_sql_exec (db, name, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = EXTRA;"
                              " PRAGMA cache_spill = OFF; PRAGMA foreign_keys = ON", error)
          || !bd_store_schema_migrate (db, name, error)))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

/* Locks the document for writing and judges what a crash left beside it;
 * *@replay when its own journal is to be rolled back. */
static gboolean
prepare_writing (BdStore     *self,
                 const char  *name,
                 gboolean    *replay,
                 GError     **error)
{
  if (!check_writable (self->real_path, name, error))
    return FALSE;
  self->lock = bd_store_lock_take (self->real_path, name, FALSE, error);
  if (self->lock == NULL
      || !bd_store_journal_check (self->real_path, name, TRUE, replay, &self->set_aside, error))
    return FALSE;
  /* After the check: the note a crashed writer left is what pairs its journal. */
  bd_store_lock_write_note (self->lock, self->real_path);
  return TRUE;
}

BdStore *
bd_store_open (const char        *path,
               BdStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(BdStore) self = NULL;
  g_autofree char *name = NULL;   /* for messages */
  gboolean replay = FALSE;
  gint64 version = 1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NOT_FOUND, _("“%s” does not exist or is not a file."), display);
      return NULL;
    }
  self = g_object_new (BD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->real_path = resolve (path);
  self->read_only = (flags & BD_STORE_OPEN_READ_ONLY) != 0;
  name = g_filename_display_basename (path);

  /* Everything is checked before anything may write: a file that is not
   * ours, is damaged or is too new is never written to. Only the file's own
   * journal, left by a crash, is rolled back first, by the writer. */
  if (self->read_only
      ? !bd_store_journal_check (self->real_path, name, FALSE, &replay, &self->set_aside, error)
      : !prepare_writing (self, name, &replay, error))
    return NULL;
  self->db = connect_verified (self->real_path, path, replay ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, error);
  if (self->db != NULL && !self->read_only)
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      self->db = connect_writer (self, error);
    }
  if (self->db == NULL)
    return NULL;
  if (self->read_only)
    bd_store_sql_exec (self->db, path, "PRAGMA foreign_keys = ON", NULL);
  bd_store_sql_pragma_int (self->db, path, "PRAGMA user_version", &version, NULL);
  self->version = version;
  return g_steal_pointer (&self);
}

const char *
bd_store_get_path (BdStore *self)
{
  g_return_val_if_fail (BD_IS_STORE (self), NULL);

  return self->path;
}

const char *
bd_store_get_set_aside (BdStore *self)
{
  g_return_val_if_fail (BD_IS_STORE (self), NULL);

  return self->set_aside;
}

gboolean
bd_store_is_read_only (BdStore *self)
{
  g_return_val_if_fail (BD_IS_STORE (self), TRUE);

  return self->read_only;
}

BdDocument *
bd_store_load (BdStore  *self,
               GError  **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bd_store_read_document (self, error);
}

/* Edits */

/* Runs @write as one edit: its own transaction, or a part of the caller's. */
static gboolean
edit (BdStore        *self,
      BdStoreWriter   write,
      BdDocument     *doc,
      gpointer        item,
      GError        **error)
{
  if (!bd_store_begin (self, error))
    return FALSE;
  if (!write (self->db, self->path, doc, item, error))
    {
      bd_store_rollback (self);
      return FALSE;
    }
  return bd_store_commit (self, error);
}

gboolean
bd_store_update_amount (BdStore  *self,
                        BdRow    *row,
                        guint     column,
                        GError  **error)
{
  BdStoreCells cells = { row, column, 0 };

  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && row->id != 0, FALSE);
  g_return_val_if_fail (column < BD_MAX_COLUMNS, FALSE);
  return edit (self, bd_store_write_amount, NULL, &cells, error);
}

gboolean
bd_store_update_row (BdStore  *self,
                     BdRow    *row,
                     guint     n_columns,
                     GError  **error)
{
  BdStoreCells cells = { row, 0, n_columns };

  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && row->id != 0, FALSE);
  g_return_val_if_fail (n_columns <= BD_MAX_COLUMNS, FALSE);
  return edit (self, bd_store_write_row, NULL, &cells, error);
}

gboolean
bd_store_update_row_name (BdStore  *self,
                          BdRow    *row,
                          GError  **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && row->id != 0, FALSE);
  return edit (self, bd_store_write_row_name, NULL, row, error);
}

gboolean
bd_store_save_schedule (BdStore     *self,
                        BdSchedule  *schedule,
                        GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);
  return edit (self, bd_store_write_schedule, NULL, schedule, error);
}

gboolean
bd_store_save_header (BdStore     *self,
                      BdDocument  *doc,
                      GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  return edit (self, bd_store_write_header, doc, NULL, error);
}

gboolean
bd_store_save_section (BdStore     *self,
                       BdDocument  *doc,
                       BdSection   *section,
                       GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL && section != NULL, FALSE);
  return edit (self, bd_store_write_section, doc, section, error);
}

gboolean
bd_store_save_figures (BdStore     *self,
                       BdDocument  *doc,
                       GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  return edit (self, bd_store_write_figures, doc, NULL, error);
}

gboolean
bd_store_save_extra_codes (BdStore     *self,
                           BdDocument  *doc,
                           GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  return edit (self, bd_store_write_extra_codes, doc, NULL, error);
}

gboolean
bd_store_save_projects (BdStore     *self,
                        BdDocument  *doc,
                        GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  return edit (self, bd_store_write_projects, doc, NULL, error);
}

gboolean
bd_store_save_document (BdStore     *self,
                        BdDocument  *doc,
                        GError     **error)
{
  g_return_val_if_fail (BD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  return edit (self, bd_store_write_document, doc, NULL, error);
}
