/* The store: the object, opening a document file, transactions, and the
 * edit API. See bd-store-private.h for where the rest lives. */
#include <errno.h>
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

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  bd_store_lock_release (self->lock_fd, self->lock_path);
  g_free (self->lock_path);
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
  self->lock_fd = -1;
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

/* A failure of bd-file-replace, told as the store tells its own. */
static gboolean
set_replace_error (GError     **error,
                   GError      *replace_error,
                   const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
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

gboolean
bd_store_save_as (BdDocument  *doc,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *lock_path = NULL;
  GError *replace_error = NULL;
  gboolean ok;
  int lock_fd;
  int fd;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A document another BudgetDesk has open for writing is not replaced. */
  lock_fd = bd_store_lock_take (path, &lock_path, error);
  if (lock_fd < 0)
    return FALSE;
  fd = bd_file_replace_begin (path, &temporary, &replace_error);
  if (fd < 0)
    {
      bd_store_lock_release (lock_fd, lock_path);
      return set_replace_error (error, replace_error, path);
    }
  close (fd);

  ok = write_new_file (doc, temporary, path, error);
  /* A journal left beside @path (by a process killed while it had the old
   * file open) belongs to that file: replayed on the new one, it would
   * corrupt it. */
  if (ok)
    {
      static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *journal = g_strconcat (path, suffixes[i], NULL);
          g_unlink (journal);
        }
    }
  if (!ok)
    g_unlink (temporary);
  else if (!bd_file_replace_commit (temporary, path, &replace_error))
    ok = set_replace_error (error, replace_error, path);
  bd_store_lock_release (lock_fd, lock_path);
  return ok;
}

/* Opening */

/* A connection to @path, hardened; NULL with @error set. */
static sqlite3 *
connect (const char  *path,
         int          flags,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      bd_store_sql_error (error, db, path, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  bd_store_sql_harden (db);
  return db;
}

/* A connection that has passed every check; NULL with @error set. */
static sqlite3 *
connect_verified (const char  *path,
                  int          flags,
                  GError     **error)
{
  sqlite3 *db = connect (path, flags, error);

  if (db != NULL && (flags & SQLITE_OPEN_READWRITE))
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (db != NULL && !bd_store_verify (db, path, error))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

/* The one writer: locked, then opened with its journal set. */
static sqlite3 *
connect_writer (const char  *path,
                int         *lock_fd,
                char       **lock_path,
                GError     **error)
{
  sqlite3 *db;

  if (g_access (path, W_OK) != 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; open it read-only to look at it."), name);
      return NULL;
    }
  if ((*lock_fd = bd_store_lock_take (path, lock_path, error)) < 0)
    return NULL;
  db = connect (path, SQLITE_OPEN_READWRITE, error);
  /* WAL with full syncs: a crash or a power cut loses at most the edit
   * being made, never a committed one. */
  if (db != NULL
      && (!bd_store_sql_exec (db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
                              error)
          || !bd_store_schema_migrate (db, path, error)))
    g_clear_pointer (&db, sqlite3_close_v2);
  if (db == NULL)
    {
      bd_store_lock_release (*lock_fd, *lock_path);
      *lock_fd = -1;
      g_clear_pointer (lock_path, g_free);
    }
  return db;
}

BdStore *
bd_store_open (const char        *path,
               BdStoreOpenFlags   flags,
               GError           **error)
{
  BdStore *self;
  gboolean read_only = (flags & BD_STORE_OPEN_READ_ONLY) != 0;
  g_autofree char *lock_path = NULL;
  g_autofree char *wal = NULL;
  gboolean recover;
  sqlite3 *db = NULL;
  int lock_fd = -1;
  gint64 version = 1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NOT_FOUND, _("“%s” does not exist or is not a file."), name);
      return NULL;
    }

  /* Everything is checked on a query-only connection first, so a file that
   * is not ours, is damaged or is too new is never written to. After a
   * crash, a write-ahead log beside the file holds committed edits that
   * SQLite must replay, which a read-only connection cannot do: then the
   * connection may write, but only that recovery (query_only). */
  wal = g_strconcat (path, "-wal", NULL);
  recover = g_file_test (wal, G_FILE_TEST_EXISTS) && g_access (path, W_OK) == 0;
  db = connect_verified (path, recover ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;

  if (!read_only)
    {
      sqlite3_close_v2 (db);
      db = connect_writer (path, &lock_fd, &lock_path, error);
    }
  else if (recover)
    {
      /* Reading goes on through a connection that cannot write: one that
       * could would fold the log into the file when it is the last one
       * open, after the writer closed. Checked again: it is a new look at
       * the file. */
      sqlite3_close_v2 (db);
      db = connect_verified (path, SQLITE_OPEN_READONLY, error);
    }
  if (db == NULL)
    return NULL;
  if (read_only)
    bd_store_sql_exec (db, path, "PRAGMA foreign_keys = ON", NULL);

  self = g_object_new (BD_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->lock_fd = lock_fd;
  self->lock_path = g_steal_pointer (&lock_path);
  bd_store_sql_pragma_int (db, path, "PRAGMA user_version", &version, NULL);
  self->version = version;
  return self;
}

const char *
bd_store_get_path (BdStore *self)
{
  g_return_val_if_fail (BD_IS_STORE (self), NULL);

  return self->path;
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
