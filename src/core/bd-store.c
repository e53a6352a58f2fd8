/* flock, O_CLOEXEC and ftruncate are POSIX/BSD, outside strict C11. */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bd-store.h"

struct _BdStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  gboolean read_only;
  guint    transaction_depth;
  int      version;
  int      lock_fd;     /* held while open for writing; -1 otherwise */
  char    *lock_path;
};

G_DEFINE_FINAL_TYPE (BdStore, bd_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (bd-store-error-quark, bd_store_error)

/* The schema a new file gets. A later version changes it, adds the step from
 * the previous one to `migrations` below and bumps BD_STORE_SCHEMA_VERSION. */
/* Version 2: codes the document carries that the bundled catalog lacks. */
#define EXTRA_CODE_TABLE \
  "CREATE TABLE extra_code (" \
  "  classification INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL," \
  "  PRIMARY KEY (classification, code)) WITHOUT ROWID;"

static const char schema[] =
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  department TEXT NOT NULL, year INTEGER NOT NULL,"
  "  title TEXT, attachment TEXT, framework INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE schedule ("
  "  number INTEGER PRIMARY KEY, note TEXT, title_year INTEGER NOT NULL DEFAULT 0);"
  /* part: 0 a row of the table, 1 its 合计 row, 2 an income item, 3 收入总计 */
  "CREATE TABLE schedule_row ("
  "  id INTEGER PRIMARY KEY,"
  "  schedule INTEGER NOT NULL REFERENCES schedule (number) ON DELETE CASCADE,"
  "  part INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  code TEXT NOT NULL, name TEXT NOT NULL, is_leaf INTEGER NOT NULL);"
  "CREATE INDEX schedule_row_by_schedule ON schedule_row (schedule, part, position);"
  "CREATE TABLE cell ("
  "  row_id INTEGER NOT NULL REFERENCES schedule_row (id) ON DELETE CASCADE,"
  "  col INTEGER NOT NULL, value INTEGER NOT NULL DEFAULT 0, published INTEGER,"
  "  PRIMARY KEY (row_id, col)) WITHOUT ROWID;"
  "CREATE TABLE section ("
  "  id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL);"
  "CREATE TABLE paragraph ("
  "  section TEXT NOT NULL REFERENCES section (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, text TEXT NOT NULL,"
  "  PRIMARY KEY (section, position)) WITHOUT ROWID;"
  "CREATE TABLE figure (key TEXT PRIMARY KEY, value INTEGER NOT NULL, unit INTEGER NOT NULL);"
  "CREATE TABLE last_year (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
  "CREATE TABLE project ("
  "  id INTEGER PRIMARY KEY, position INTEGER NOT NULL,"
  "  name TEXT, nature TEXT, category TEXT, supervisor TEXT, implementer TEXT,"
  "  start_date TEXT, end_date TEXT, period TEXT,"
  "  total_funds INTEGER NOT NULL DEFAULT 0, fiscal_funds INTEGER NOT NULL DEFAULT 0,"
  "  other_funds INTEGER NOT NULL DEFAULT 0, annual_total INTEGER NOT NULL DEFAULT 0,"
  "  annual_fiscal INTEGER NOT NULL DEFAULT 0, carryover INTEGER NOT NULL DEFAULT 0,"
  "  annual_other INTEGER NOT NULL DEFAULT 0,"
  "  overall_goal TEXT, annual_goal TEXT);"
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  project INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, level1 TEXT, level2 TEXT, name TEXT, target TEXT);"
  EXTRA_CODE_TABLE;

enum { PART_ROW, PART_TOTAL, PART_INCOME, PART_INCOME_TOTAL };

/* One writer at a time. The lock is an flock on a file beside the document,
 * naming its holder: the kernel drops an flock when its process dies, so a
 * lock file left by a crash holds no lock, and the next writer takes it over.
 * The file is removed on close; taking a lock checks that the file locked
 * is still the one at that path, or a writer that opened it just before its
 * removal could believe it holds the lock. Whether a lock is stale is never
 * guessed from the pid it names (which may be reused, or on another
 * machine): only the kernel's lock says. Another user's lock file is tested
 * through a read-only descriptor and, left by a crash, replaced while
 * locked. flock works across machines on NFS (Linux emulates it there with
 * fcntl locks); on SMB shares it depends on the mount. */
static char *
lock_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.~lock.%s#", dir, base);
}

static void
release_write_lock (int         fd,
                    const char *lock_path)
{
  if (fd < 0)
    return;
  g_unlink (lock_path);
  close (fd);
}

/* How a lock file names its holder. */
static char *
lock_owner (void)
{
  return g_strdup_printf ("pid %d, %s@%s", (int) getpid (), g_get_user_name (), g_get_host_name ());
}

/* The holder a lock file names: its first line, short and valid UTF-8,
 * since anything may have written it. */
static char *
read_lock_holder (int fd)
{
  char buffer[160];
  ssize_t length = pread (fd, buffer, sizeof buffer - 1, 0);

  if (length <= 0)
    return NULL;
  buffer[length] = '\0';
  buffer[strcspn (buffer, "\r\n")] = '\0';
  return *buffer ? g_utf8_make_valid (buffer, -1) : NULL;
}

static void
set_folder_error (GError     **error,
                  const char  *name,
                  int          saved_errno)
{
  gboolean read_only = saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;

  if (read_only)
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                 _("“%s” cannot be written: its folder is read-only."), name);
  else
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                 _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
}

static void
set_untestable_lock_error (GError     **error,
                           const char  *name,
                           const char  *lock_path)
{
  g_autofree char *lock_name = g_filename_display_basename (lock_path);

  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
               _("“%s” is locked for writing by another user’s BudgetDesk. Open it read-only to look "
                 "at it. If nobody has it open, remove the file “%s” beside it."), name, lock_name);
}

static int
take_write_lock (const char  *path,
                 char       **lock_path_out,
                 GError     **error)
{
  g_autofree char *lock_path = lock_path_for (path);
  g_autofree char *name = g_filename_display_basename (path);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      struct stat held, now;
      gboolean ours = TRUE;
      int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      int open_errno = errno;

      /* Another user's lock file (a colleague's, in a shared folder) can
       * still be tested for its lock. */
      if (fd < 0 && open_errno == EACCES && g_file_test (lock_path, G_FILE_TEST_EXISTS))
        {
          fd = open (lock_path, O_RDONLY | O_CLOEXEC);
          if (fd < 0 && errno == ENOENT)   /* gone meanwhile */
            continue;
          if (fd < 0)
            {
              /* Not even readable: held or not, that is for a person to say. */
              set_untestable_lock_error (error, name, lock_path);
              return -1;
            }
          ours = FALSE;
        }
      if (fd < 0)
        {
          set_folder_error (error, name, open_errno);
          return -1;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          g_autofree char *holder = NULL;
          g_autofree char *owner = NULL;

          if (errno != EWOULDBLOCK)
            {
              /* Where flock is emulated with fcntl locks (NFS), a read-only
               * descriptor cannot take one: again for a person to say. */
              close (fd);
              set_untestable_lock_error (error, name, lock_path);
              return -1;
            }
          holder = read_lock_holder (fd);
          owner = lock_owner ();
          close (fd);
          if (holder != NULL && strcmp (holder, owner) == 0)
            g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                         _("“%s” is already open for writing in this BudgetDesk."), name);
          else
            g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                         _("“%s” is open for writing in another BudgetDesk (%s). Open it read-only to look at it, "
                           "or close it there first."),
                         name, holder ? holder : _("another program"));
          return -1;
        }
      if (fstat (fd, &held) != 0 || stat (lock_path, &now) != 0 || held.st_ino != now.st_ino || held.st_dev != now.st_dev)
        {
          close (fd);
          continue;
        }
      if (!ours)
        {
          /* Left by a crash, and not ours to rewrite: removed while we hold
           * its lock (whoever opened it meanwhile finds it gone) and made
           * anew. */
          int saved_errno = g_unlink (lock_path) == 0 ? 0 : errno;

          close (fd);
          if (saved_errno == 0)
            continue;
          set_folder_error (error, name, saved_errno);
          return -1;
        }
      {
        g_autofree char *owner = lock_owner ();
        g_autofree char *text = g_strconcat (owner, "\n", NULL);

        /* Readable by all, whatever the umask: another user's BudgetDesk
         * must be able to test it for its lock. */
        if (fchmod (fd, 0644) != 0 || ftruncate (fd, 0) != 0 || pwrite (fd, text, strlen (text), 0) < 0)
          {
            /* The name of the holder is a courtesy: the flock is the lock. */
          }
      }
      *lock_path_out = g_steal_pointer (&lock_path);
      return fd;
    }
  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED, _("“%s” could not be locked for writing."), name);
  return -1;
}

static void
bd_store_finalize (GObject *object)
{
  BdStore *self = (BdStore *) object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  release_write_lock (self->lock_fd, self->lock_path);
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

/* Errors */

static gboolean
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  const char *path,
                  int         rc)
{
  /* SQLite's words may quote names from the file's schema: any bytes. */
  g_autofree char *detail = g_utf8_make_valid (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);
  g_autofree char *name = g_filename_display_basename (path ? path : "");

  /* Statements are prepared several at a time and checked together: the
   * first failure is the one to report. */
  if (error != NULL && *error != NULL)
    return FALSE;

  /* A write refused for want of room says so, whatever SQLite calls it:
   * the errno is often gone by the time the failure is reported, so a
   * failed write counts as one. */
  if (db != NULL && (rc & 0xff) == SQLITE_IOERR
      && (sqlite3_extended_errcode (db) == SQLITE_IOERR_WRITE
          || sqlite3_system_errno (db) == ENOSPC || sqlite3_system_errno (db) == EFBIG))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a BudgetDesk document: it is not a database at all."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). It was not changed; open a backup copy."), name, detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file or its folder is read-only."), name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                   _("“%s” is being written by another program."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_FULL,
                   _("“%s” could not be saved: the disk is full or refused the write. Nothing was changed."), name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be opened: %s."), name, detail);
      break;
    default:
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                   _("“%s” could not be read or written: %s."), name, detail);
      break;
    }
  return FALSE;
}

static gboolean
exec (sqlite3    *db,
      const char *path,
      const char *sql,
      GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, path, rc);
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *path,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, path, rc);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
step_done (sqlite3      *db,
           const char   *path,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (error, db, path, rc);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* Untrusted files: nothing in a document's schema may run code. */
static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_busy_timeout (db, 2000);
}

static gboolean
pragma_int (sqlite3    *db,
            const char *path,
            const char *pragma,
            gint64     *value,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, path, pragma, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (error, db, path, rc);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
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
  if (!exec (self->db, self->path, "SAVEPOINT edit", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
bd_store_commit (BdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                   _("“%s”: these changes were undone after a failure; none of them was stored."), name);
      self->transaction_depth--;
      return FALSE;
    }
  if (!exec (self->db, self->path, "RELEASE edit", error))
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

/* Writing */

static gboolean
write_row (sqlite3      *db,
           const char   *path,
           guint         schedule,
           int           part,
           guint         position,
           BdRow        *row,
           guint         n_columns,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) insert_row = prepare (db, path,
    "INSERT INTO schedule_row (schedule, part, position, code, name, is_leaf) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) insert_cell = NULL;

  if (insert_row == NULL)
    return FALSE;
  sqlite3_bind_int (insert_row, 1, schedule);
  sqlite3_bind_int (insert_row, 2, part);
  sqlite3_bind_int (insert_row, 3, position);
  bind_text (insert_row, 4, row->code);
  bind_text (insert_row, 5, row->name);
  sqlite3_bind_int (insert_row, 6, row->is_leaf);
  if (!step_done (db, path, insert_row, error))
    return FALSE;
  row->id = sqlite3_last_insert_rowid (db);

  insert_cell = prepare (db, path, "INSERT INTO cell (row_id, col, value, published) VALUES (?, ?, ?, ?)", error);
  if (insert_cell == NULL)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      sqlite3_bind_int64 (insert_cell, 1, row->id);
      sqlite3_bind_int (insert_cell, 2, c);
      sqlite3_bind_int64 (insert_cell, 3, row->values[c]);
      if (row->published_mask & (1u << c))
        sqlite3_bind_int64 (insert_cell, 4, row->published[c]);
      else
        sqlite3_bind_null (insert_cell, 4);
      if (!step_done (db, path, insert_cell, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_schedule (sqlite3    *db,
                const char *path,
                BdSchedule *schedule,
                GError    **error)
{
  const BdScheduleDef *def = schedule->def;
  g_autoptr(sqlite3_stmt) stmt = prepare (db, path,
    "INSERT OR REPLACE INTO schedule (number, note, title_year) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) clear = prepare (db, path, "DELETE FROM schedule_row WHERE schedule = ?", error);

  if (stmt == NULL || clear == NULL)
    return FALSE;
  sqlite3_bind_int (clear, 1, def->number);
  if (!step_done (db, path, clear, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, def->number);
  bind_text (stmt, 2, schedule->note);
  sqlite3_bind_int (stmt, 3, schedule->title_year);
  if (!step_done (db, path, stmt, error))
    return FALSE;

  for (guint i = 0; i < schedule->rows->len; i++)
    if (!write_row (db, path, def->number, PART_ROW, i, g_ptr_array_index (schedule->rows, i), def->n_columns, error))
      return FALSE;
  if (schedule->total != NULL && !write_row (db, path, def->number, PART_TOTAL, 0, schedule->total, def->n_columns, error))
    return FALSE;
  if (schedule->income != NULL)
    {
      for (guint i = 0; i < schedule->income->len; i++)
        if (!write_row (db, path, def->number, PART_INCOME, i, g_ptr_array_index (schedule->income, i), 1, error))
          return FALSE;
      if (!write_row (db, path, def->number, PART_INCOME_TOTAL, 0, schedule->income_total, 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_header (sqlite3    *db,
              const char *path,
              BdDocument *doc,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, path,
    "INSERT OR REPLACE INTO document (id, department, year, title, attachment, framework) VALUES (1, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, doc->department);
  sqlite3_bind_int (stmt, 2, doc->year);
  bind_text (stmt, 3, doc->title);
  bind_text (stmt, 4, doc->attachment);
  sqlite3_bind_int (stmt, 5, doc->framework);
  return step_done (db, path, stmt, error);
}

static gboolean
write_section (sqlite3    *db,
               const char *path,
               BdDocument *doc,
               BdSection  *section,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) clear = prepare (db, path, "DELETE FROM section WHERE id = ?", error);
  g_autoptr(sqlite3_stmt) insert = prepare (db, path, "INSERT INTO section (id, position, title) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) paragraph = prepare (db, path,
    "INSERT INTO paragraph (section, position, text) VALUES (?, ?, ?)", error);
  guint position = 0;

  if (clear == NULL || insert == NULL || paragraph == NULL)
    return FALSE;
  g_ptr_array_find (doc->sections, section, &position);
  bind_text (clear, 1, section->id);
  if (!step_done (db, path, clear, error))
    return FALSE;
  bind_text (insert, 1, section->id);
  sqlite3_bind_int (insert, 2, position);
  bind_text (insert, 3, section->title);
  if (!step_done (db, path, insert, error))
    return FALSE;
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      bind_text (paragraph, 1, section->id);
      sqlite3_bind_int (paragraph, 2, i);
      bind_text (paragraph, 3, g_ptr_array_index (section->paragraphs, i));
      if (!step_done (db, path, paragraph, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_figures (sqlite3    *db,
               const char *path,
               BdDocument *doc,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) figure = prepare (db, path, "INSERT INTO figure (key, value, unit) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) last_year = prepare (db, path, "INSERT INTO last_year (key, value) VALUES (?, ?)", error);
  GHashTableIter iter;
  gpointer key, value;

  if (figure == NULL || last_year == NULL
      || !exec (db, path, "DELETE FROM figure; DELETE FROM last_year", error))
    return FALSE;

  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const BdFigure *f = value;
      bind_text (figure, 1, key);
      sqlite3_bind_int64 (figure, 2, f->value);
      sqlite3_bind_int (figure, 3, f->unit);
      if (!step_done (db, path, figure, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, doc->last_year);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      bind_text (last_year, 1, key);
      sqlite3_bind_int64 (last_year, 2, *(gint64 *) value);
      if (!step_done (db, path, last_year, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_projects (sqlite3    *db,
                const char *path,
                BdDocument *doc,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) project_stmt = prepare (db, path,
    "INSERT INTO project (position, name, nature, category, supervisor, implementer, start_date, end_date,"
    " period, total_funds, fiscal_funds, other_funds, annual_total, annual_fiscal, carryover, annual_other,"
    " overall_goal, annual_goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) indicator_stmt = prepare (db, path,
    "INSERT INTO indicator (project, position, level1, level2, name, target) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (project_stmt == NULL || indicator_stmt == NULL || !exec (db, path, "DELETE FROM project", error))
    return FALSE;

  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      const char *texts[] = { p->name, p->nature, p->category, p->supervisor, p->implementer,
                              p->start_date, p->end_date, p->period };
      const gint64 amounts[] = { p->total_funds, p->fiscal_funds, p->other_funds, p->annual_total,
                                 p->annual_fiscal, p->carryover, p->annual_other };

      sqlite3_bind_int (project_stmt, 1, i);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        bind_text (project_stmt, 2 + t, texts[t]);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        sqlite3_bind_int64 (project_stmt, 10 + a, amounts[a]);
      bind_text (project_stmt, 17, p->overall_goal);
      bind_text (project_stmt, 18, p->annual_goal);
      if (!step_done (db, path, project_stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);

          sqlite3_bind_int64 (indicator_stmt, 1, p->id);
          sqlite3_bind_int (indicator_stmt, 2, j);
          bind_text (indicator_stmt, 3, indicator->level1);
          bind_text (indicator_stmt, 4, indicator->level2);
          bind_text (indicator_stmt, 5, indicator->name);
          bind_text (indicator_stmt, 6, indicator->target);
          if (!step_done (db, path, indicator_stmt, error))
            return FALSE;
          indicator->id = sqlite3_last_insert_rowid (db);
        }
    }
  return TRUE;
}

static gboolean
write_extra_codes (sqlite3    *db,
                   const char *path,
                   BdDocument *doc,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = prepare (db, path,
    "INSERT INTO extra_code (classification, code, name) VALUES (?, ?, ?)", error);

  if (insert == NULL || !exec (db, path, "DELETE FROM extra_code", error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (doc->extra_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, doc->extra_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        {
          sqlite3_bind_int (insert, 1, c);
          bind_text (insert, 2, code);
          bind_text (insert, 3, name);
          if (!step_done (db, path, insert, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_document (sqlite3    *db,
                const char *path,
                BdDocument *doc,
                GError    **error)
{
  if (!write_header (db, path, doc, error))
    return FALSE;
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    if (!write_schedule (db, path, bd_document_get_schedule (doc, s), error))
      return FALSE;
  if (!exec (db, path, "DELETE FROM section", error))
    return FALSE;
  for (guint i = 0; i < doc->sections->len; i++)
    if (!write_section (db, path, doc, g_ptr_array_index (doc->sections, i), error))
      return FALSE;
  return write_figures (db, path, doc, error) && write_projects (db, path, doc, error)
    && write_extra_codes (db, path, doc, error);
}

gboolean
bd_store_save_as (BdDocument  *doc,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *lock_path = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int lock_fd;
  int fd;
  int rc;

  /* A document another BudgetDesk has open for writing is not replaced. */
  lock_fd = take_write_lock (path, &lock_path, error);
  if (lock_fd < 0)
    return FALSE;

  temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BD_STORE_ERROR,
                   saved_errno == ENOSPC ? BD_STORE_ERROR_FULL
                   : (saved_errno == EACCES || saved_errno == EROFS) ? BD_STORE_ERROR_READ_ONLY : BD_STORE_ERROR_IO,
                   _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
      release_write_lock (lock_fd, lock_path);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temp_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      ok = set_sqlite_error (error, db, path, rc);
      goto out;
    }
  harden (db);
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; PRAGMA foreign_keys = ON;"
                         "BEGIN; %s", BD_STORE_APPLICATION_ID, BD_STORE_SCHEMA_VERSION, schema);
  ok = exec (db, path, sql, error)
    && write_document (db, path, doc, error)
    && exec (db, path, "COMMIT", error);

out:
  if (db != NULL && sqlite3_close (db) != SQLITE_OK && ok)
    ok = set_sqlite_error (error, NULL, path, SQLITE_IOERR);
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
  if (ok && g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                   _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp_path);
  release_write_lock (lock_fd, lock_path);
  return ok;
}

/* Opening */

/* A document received from elsewhere may hold, in a well-formed database,
 * values BudgetDesk never writes: NULL keys, text that is not UTF-8, numbers
 * where text belongs, amounts whose sums overflow. Each would reach code
 * that trusts the file; such a file is refused as damaged instead. A table
 * or column added by a migration gets its line here. */
static const struct {
  const char *table;
  int         since_version;
  const char *bad_row;     /* a row BudgetDesk would not have written */
} value_checks[] = {
  { "document", 1,
    "typeof (department) != 'text' OR NOT bd_utf8 (department) OR typeof (year) != 'integer'"
    " OR year NOT BETWEEN 1 AND 9999 OR NOT bd_utf8 (title) OR NOT bd_utf8 (attachment)"
    " OR typeof (framework) != 'integer'" },
  { "schedule", 1,
    "typeof (number) != 'integer' OR NOT bd_utf8 (note) OR typeof (title_year) != 'integer'"
    " OR title_year NOT BETWEEN 0 AND 9999" },
  { "schedule_row", 1,
    "typeof (schedule) != 'integer' OR typeof (part) != 'integer' OR typeof (position) != 'integer'"
    " OR typeof (code) != 'text' OR NOT bd_utf8 (code) OR typeof (name) != 'text' OR NOT bd_utf8 (name)"
    " OR typeof (is_leaf) != 'integer'" },
  { "cell", 1,
    "typeof (row_id) != 'integer' OR typeof (col) != 'integer' OR typeof (value) != 'integer'"
    " OR typeof (published) NOT IN ('integer', 'null')" },
  { "section", 1,
    "typeof (id) != 'text' OR NOT bd_utf8 (id) OR typeof (position) != 'integer'"
    " OR typeof (title) != 'text' OR NOT bd_utf8 (title)" },
  { "paragraph", 1,
    "typeof (section) != 'text' OR typeof (position) != 'integer' OR typeof (text) != 'text' OR NOT bd_utf8 (text)" },
  { "figure", 1,
    "typeof (key) != 'text' OR NOT bd_utf8 (key) OR typeof (value) != 'integer'"
    " OR typeof (unit) != 'integer' OR unit NOT BETWEEN 0 AND 2" },
  { "last_year", 1, "typeof (key) != 'text' OR NOT bd_utf8 (key) OR typeof (value) != 'integer'" },
  { "project", 1,
    "typeof (position) != 'integer' OR NOT bd_utf8 (name) OR NOT bd_utf8 (nature) OR NOT bd_utf8 (category)"
    " OR NOT bd_utf8 (supervisor) OR NOT bd_utf8 (implementer) OR NOT bd_utf8 (start_date)"
    " OR NOT bd_utf8 (end_date) OR NOT bd_utf8 (period) OR NOT bd_utf8 (overall_goal)"
    " OR NOT bd_utf8 (annual_goal) OR typeof (total_funds) != 'integer' OR typeof (fiscal_funds) != 'integer'"
    " OR typeof (other_funds) != 'integer' OR typeof (annual_total) != 'integer'"
    " OR typeof (annual_fiscal) != 'integer' OR typeof (carryover) != 'integer'"
    " OR typeof (annual_other) != 'integer'" },
  { "indicator", 1,
    "typeof (project) != 'integer' OR typeof (position) != 'integer' OR NOT bd_utf8 (level1)"
    " OR NOT bd_utf8 (level2) OR NOT bd_utf8 (name) OR NOT bd_utf8 (target)" },
  { "extra_code", 2,
    "typeof (classification) != 'integer' OR typeof (code) != 'text' OR NOT bd_utf8 (code)"
    " OR typeof (name) != 'text' OR NOT bd_utf8 (name)" },
};

/* Every amount of a document added up, in magnitude, stays below 2^62 分
 * (4.6 × 10^16 元, hundreds of times any state budget): then no sum the
 * document or the checker forms can overflow. */
#define AMOUNTS_TOTAL_LIMIT 4611686018427387904.0
static const char amounts_total[] =
  "SELECT (SELECT total (abs (value * 1.0)) + total (abs (published * 1.0)) FROM cell)"
  " + (SELECT total (abs (value * 1.0)) FROM figure) + (SELECT total (abs (value * 1.0)) FROM last_year)"
  " + (SELECT total (abs (total_funds * 1.0)) + total (abs (fiscal_funds * 1.0)) + total (abs (other_funds * 1.0))"
  "    + total (abs (annual_total * 1.0)) + total (abs (annual_fiscal * 1.0)) + total (abs (carryover * 1.0))"
  "    + total (abs (annual_other * 1.0)) FROM project)";

static void
utf8_valid (sqlite3_context *context,
            int              argc,
            sqlite3_value  **argv)
{
  const char *text;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_int (context, 1);
      return;
    }
  /* Bytes first: text() of a blob would stop at its first NUL. */
  text = sqlite3_value_blob (argv[0]);
  sqlite3_result_int (context, text == NULL || g_utf8_validate (text, sqlite3_value_bytes (argv[0]), NULL));
}

/* The rows every document has (schedule 9's one row, each 合计, each income
 * item of schedules 1 and 4) are there: without them an edit could not be
 * stored, and schedule 9 would be read where it has no row. */
static gboolean
check_rows_present (sqlite3    *db,
                    const char *path,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) schedules = prepare (db, path, "SELECT count (*) FROM schedule WHERE number = ?", error);
  g_autoptr(sqlite3_stmt) rows = prepare (db, path,
    "SELECT count (*) FROM schedule_row WHERE schedule = ? AND part = ? AND (?3 IS NULL OR code = ?3)", error);

  if (schedules == NULL || rows == NULL)
    return FALSE;
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      const BdScheduleDef *def = bd_schedule_def_get (number);
      gboolean single = def->row_kind == BD_ROWS_SINGLE;
      gboolean whole;

      sqlite3_bind_int (schedules, 1, number);
      whole = sqlite3_step (schedules) == SQLITE_ROW && sqlite3_column_int (schedules, 0) == 1;
      sqlite3_reset (schedules);
      /* part, code, how many: none means at least one */
      for (guint i = 0; whole && i < def->n_income + 3; i++)
        {
          int part = i == 0 ? PART_ROW : i == 1 ? PART_TOTAL : i == 2 ? PART_INCOME_TOTAL : PART_INCOME;
          const char *code = part == PART_INCOME ? def->income[i - 3].source : NULL;
          int count;

          if ((part == PART_ROW && !single) || (part == PART_TOTAL && single)
              || (part == PART_INCOME_TOTAL && def->row_kind != BD_ROWS_BALANCE))
            continue;
          sqlite3_bind_int (rows, 1, number);
          sqlite3_bind_int (rows, 2, part);
          if (code != NULL)
            sqlite3_bind_text (rows, 3, code, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (rows, 3);
          count = sqlite3_step (rows) == SQLITE_ROW ? sqlite3_column_int (rows, 0) : -1;
          sqlite3_reset (rows);
          whole = part == PART_ROW ? count == 1 : count >= 1;
        }
      if (!whole)
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: rows of schedule %u are missing. It was not changed; open a backup copy."),
                       name, number);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_values (sqlite3    *db,
              const char *path,
              gint64      version,
              GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  double total;

  sqlite3_create_function_v2 (db, "bd_utf8", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, utf8_valid, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (value_checks); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (version < value_checks[i].since_version)
        continue;
      /* A table dropped, or swapped for a view (views are off), cannot be read. */
      sql = g_strdup_printf ("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '%s'", value_checks[i].table);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: its table “%s” is missing. It was not changed; open a backup copy."),
                       name, value_checks[i].table);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return set_sqlite_error (error, db, path, rc);

      g_free (sql);
      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s LIMIT 1", value_checks[i].table, value_checks[i].bad_row);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        continue;
      /* A column missing or renamed fails to prepare: damaged too. */
      if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_ERROR)
        {
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: its table “%s” holds values BudgetDesk never writes. "
                         "It was not changed; open a backup copy."), name, value_checks[i].table);
          return FALSE;
        }
      return set_sqlite_error (error, db, path, rc);
    }

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (db, path, amounts_total, error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      return set_sqlite_error (error, db, path, rc);
    total = sqlite3_column_double (stmt, 0);
  }
  if (!(total < AMOUNTS_TOTAL_LIMIT))
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: its amounts are too large to add up. It was not changed; open a backup copy."),
                   name);
      return FALSE;
    }
  return check_rows_present (db, path, error);
}

static gboolean
check_document (sqlite3    *db,
                const char *path,
                GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  gint64 application_id, version;
  g_autoptr(sqlite3_stmt) check = NULL;
  const unsigned char *verdict;

  if (!pragma_int (db, path, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (application_id != BD_STORE_APPLICATION_ID)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a BudgetDesk document."), name);
      return FALSE;
    }
  if (!pragma_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version < 1)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: it carries no file format version."), name);
      return FALSE;
    }
  if (version > BD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer BudgetDesk (file format %d; this version reads up to %d). "
                     "Update BudgetDesk to open it."), name, (int) version, BD_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  check = prepare (db, path, "PRAGMA quick_check", error);
  if (check == NULL)
    return FALSE;
  if (sqlite3_step (check) != SQLITE_ROW)
    return set_sqlite_error (error, db, path, sqlite3_errcode (db));
  verdict = sqlite3_column_text (check, 0);
  if (verdict == NULL || strcmp ((const char *) verdict, "ok") != 0)
    {
      g_autofree char *said = g_utf8_make_valid (verdict ? (const char *) verdict : "?", -1);
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). It was not changed; open a backup copy."), name, said);
      return FALSE;
    }
  return check_values (db, path, version, error);
}

/* Steps from one schema version to the next; index i goes from i + 1 to i + 2. */
static const char * const migrations[] = {
  EXTRA_CODE_TABLE,   /* 1 → 2 */
};

static gboolean
migrate (sqlite3    *db,
         const char *path,
         GError    **error)
{
  gint64 version;

  if (!pragma_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;
  while (version < BD_STORE_SCHEMA_VERSION)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s; PRAGMA user_version = %d; COMMIT",
                                              migrations[version - 1], (int) version + 1);
      if (!exec (db, path, sql, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      version++;
    }
  return TRUE;
}

BdStore *
bd_store_open (const char        *path,
               BdStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(BdStore) self = NULL;
  gboolean read_only = (flags & BD_STORE_OPEN_READ_ONLY) != 0;
  g_autofree char *lock_path = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean recover;
  sqlite3 *db = NULL;
  int lock_fd = -1;
  int rc;

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
  recover = g_file_test (wal, G_FILE_TEST_EXISTS) && g_access (path, W_OK) == 0;
  rc = sqlite3_open_v2 (path, &db, recover ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK && recover)
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      harden (db);
      if (!check_document (db, path, error))
        {
          sqlite3_close_v2 (db);
          return NULL;
        }
    }
  else
    {
      set_sqlite_error (error, db, path, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (!read_only)
    {
      sqlite3_close_v2 (db);
      db = NULL;
      if (g_access (path, W_OK) != 0)
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only; open it read-only to look at it."), name);
          return NULL;
        }
      if ((lock_fd = take_write_lock (path, &lock_path, error)) < 0)
        return NULL;
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db, path, rc);
          sqlite3_close_v2 (db);
          release_write_lock (lock_fd, lock_path);
          return NULL;
        }
      harden (db);
      /* WAL with full syncs: a crash or a power cut loses at most the edit
       * being made, never a committed one. */
      if (!exec (db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error)
          || !migrate (db, path, error))
        {
          sqlite3_close_v2 (db);
          release_write_lock (lock_fd, lock_path);
          return NULL;
        }
    }
  else
    {
      /* Reading goes on through a connection that cannot write: one that
       * could would fold the log into the file when it is the last one
       * open, after the writer closed. Checked again: it is a new look at
       * the file. */
      if (recover)
        {
          sqlite3_close_v2 (db);
          db = NULL;
          rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
          if (rc != SQLITE_OK)
            {
              set_sqlite_error (error, db, path, rc);
              sqlite3_close_v2 (db);
              return NULL;
            }
          harden (db);
          if (!check_document (db, path, error))
            {
              sqlite3_close_v2 (db);
              return NULL;
            }
        }
      exec (db, path, "PRAGMA foreign_keys = ON", NULL);
    }

  self = g_object_new (BD_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->lock_fd = lock_fd;
  self->lock_path = g_steal_pointer (&lock_path);
  {
    gint64 version = 1;
    pragma_int (db, path, "PRAGMA user_version", &version, NULL);
    self->version = version;
  }
  return g_steal_pointer (&self);
}

const char *
bd_store_get_path (BdStore *self)
{
  return self->path;
}

gboolean
bd_store_is_read_only (BdStore *self)
{
  return self->read_only;
}

/* Loading */

static BdRow *
read_row (sqlite3_stmt *stmt)
{
  BdRow *row = bd_row_new ((const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));

  row->id = sqlite3_column_int64 (stmt, 0);
  row->is_leaf = sqlite3_column_int (stmt, 4);
  return row;
}

static gboolean
load_schedules (BdStore    *self,
                BdDocument *doc,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) schedules = prepare (self->db, self->path,
    "SELECT number, note, title_year FROM schedule", error);
  g_autoptr(sqlite3_stmt) rows = prepare (self->db, self->path,
    "SELECT id, part, code, name, is_leaf FROM schedule_row WHERE schedule = ? ORDER BY part, position", error);
  g_autoptr(sqlite3_stmt) cells = prepare (self->db, self->path,
    "SELECT row_id, col, value, published FROM cell WHERE row_id IN "
    "(SELECT id FROM schedule_row WHERE schedule = ?) ORDER BY row_id", error);
  int rc;

  if (schedules == NULL || rows == NULL || cells == NULL)
    return FALSE;

  while ((rc = sqlite3_step (schedules)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (schedules, 0);
      BdSchedule *schedule;
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      if (number < 1 || number > BD_N_SCHEDULES)
        continue;
      schedule = bd_document_get_schedule (doc, number);
      g_free (schedule->note);
      schedule->note = column_text (schedules, 1);
      schedule->title_year = sqlite3_column_int (schedules, 2);
      g_ptr_array_set_size (schedule->rows, 0);

      sqlite3_bind_int (rows, 1, number);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          int part = sqlite3_column_int (rows, 1);
          BdRow *row = read_row (rows);
          guint index;

          switch (part)
            {
            case PART_ROW:
              g_ptr_array_add (schedule->rows, row);
              break;
            case PART_TOTAL:
              if (schedule->total == NULL)
                {
                  bd_row_free (row);
                  continue;
                }
              g_free (schedule->total->name);
              schedule->total->name = g_strdup (row->name);
              schedule->total->id = row->id;
              bd_row_free (row);
              row = schedule->total;
              break;
            case PART_INCOME:
              index = 0;
              while (schedule->income && index < schedule->income->len
                     && strcmp (((BdRow *) g_ptr_array_index (schedule->income, index))->code, row->code) != 0)
                index++;
              if (schedule->income == NULL || index == schedule->income->len)
                {
                  bd_row_free (row);
                  continue;
                }
              ((BdRow *) g_ptr_array_index (schedule->income, index))->id = row->id;
              bd_row_free (row);
              row = g_ptr_array_index (schedule->income, index);
              break;
            case PART_INCOME_TOTAL:
            default:
              if (schedule->income_total == NULL)
                {
                  bd_row_free (row);
                  continue;
                }
              schedule->income_total->id = row->id;
              bd_row_free (row);
              row = schedule->income_total;
              break;
            }
          g_hash_table_insert (by_id, &row->id, row);
        }
      sqlite3_reset (rows);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path, rc);

      sqlite3_bind_int (cells, 1, number);
      while ((rc = sqlite3_step (cells)) == SQLITE_ROW)
        {
          gint64 row_id = sqlite3_column_int64 (cells, 0);
          int column = sqlite3_column_int (cells, 1);
          BdRow *row = g_hash_table_lookup (by_id, &row_id);

          if (row == NULL || column < 0 || column >= BD_MAX_COLUMNS)
            continue;
          row->values[column] = sqlite3_column_int64 (cells, 2);
          if (sqlite3_column_type (cells, 3) != SQLITE_NULL)
            bd_row_set_published (row, column, sqlite3_column_int64 (cells, 3));
        }
      sqlite3_reset (cells);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path, rc);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

/* Every row an edit may write is one the file has: a row never read keeps
 * id 0, which no edit can store (and schedule 9 has its one row, which the
 * checker and the window read without asking). */
static gboolean
check_rows_loaded (BdStore    *self,
                   BdDocument *doc,
                   GError    **error)
{
  for (guint number = 1; number <= BD_N_SCHEDULES; number++)
    {
      BdSchedule *schedule = bd_document_get_schedule (doc, number);
      gboolean whole = schedule->total == NULL || schedule->total->id != 0;

      if (schedule->def->row_kind == BD_ROWS_SINGLE)
        whole = schedule->rows->len == 1;
      for (guint i = 0; whole && i < schedule->rows->len; i++)
        whole = ((BdRow *) g_ptr_array_index (schedule->rows, i))->id != 0;
      for (guint i = 0; whole && schedule->income && i < schedule->income->len; i++)
        whole = ((BdRow *) g_ptr_array_index (schedule->income, i))->id != 0;
      if (whole && schedule->income_total != NULL)
        whole = schedule->income_total->id != 0;
      if (!whole)
        {
          g_autofree char *name = g_filename_display_basename (self->path);
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: rows of schedule %u are missing. It was not changed; open a backup copy."),
                       name, number);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_sections (BdStore    *self,
               BdDocument *doc,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) sections = prepare (self->db, self->path,
    "SELECT id, title FROM section ORDER BY position", error);
  g_autoptr(sqlite3_stmt) paragraphs = prepare (self->db, self->path,
    "SELECT text FROM paragraph WHERE section = ? ORDER BY position", error);
  int rc;

  if (sections == NULL || paragraphs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (sections)) == SQLITE_ROW)
    {
      BdSection *section = bd_section_new ((const char *) sqlite3_column_text (sections, 0),
                                           (const char *) sqlite3_column_text (sections, 1));
      g_ptr_array_add (doc->sections, section);
      bind_text (paragraphs, 1, section->id);
      while ((rc = sqlite3_step (paragraphs)) == SQLITE_ROW)
        g_ptr_array_add (section->paragraphs, column_text (paragraphs, 0));
      sqlite3_reset (paragraphs);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path, rc);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_figures (BdStore    *self,
              BdDocument *doc,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) figures = prepare (self->db, self->path, "SELECT key, value, unit FROM figure", error);
  g_autoptr(sqlite3_stmt) last_year = prepare (self->db, self->path, "SELECT key, value FROM last_year", error);
  int rc;

  if (figures == NULL || last_year == NULL)
    return FALSE;
  while ((rc = sqlite3_step (figures)) == SQLITE_ROW)
    bd_document_set_figure (doc, (const char *) sqlite3_column_text (figures, 0),
                            sqlite3_column_int64 (figures, 1), sqlite3_column_int (figures, 2));
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  while ((rc = sqlite3_step (last_year)) == SQLITE_ROW)
    bd_document_set_last_year (doc, (const char *) sqlite3_column_text (last_year, 0),
                               sqlite3_column_int64 (last_year, 1));
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_projects (BdStore    *self,
               BdDocument *doc,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) projects = prepare (self->db, self->path,
    "SELECT id, name, nature, category, supervisor, implementer, start_date, end_date, period,"
    " total_funds, fiscal_funds, other_funds, annual_total, annual_fiscal, carryover, annual_other,"
    " overall_goal, annual_goal FROM project ORDER BY position", error);
  g_autoptr(sqlite3_stmt) indicators = prepare (self->db, self->path,
    "SELECT id, level1, level2, name, target FROM indicator WHERE project = ? ORDER BY position", error);
  int rc;

  if (projects == NULL || indicators == NULL)
    return FALSE;
  while ((rc = sqlite3_step (projects)) == SQLITE_ROW)
    {
      BdProject *p = bd_project_new ();
      char **texts[] = { &p->name, &p->nature, &p->category, &p->supervisor, &p->implementer,
                         &p->start_date, &p->end_date, &p->period };
      gint64 *amounts[] = { &p->total_funds, &p->fiscal_funds, &p->other_funds, &p->annual_total,
                            &p->annual_fiscal, &p->carryover, &p->annual_other };

      p->id = sqlite3_column_int64 (projects, 0);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        *texts[t] = column_text (projects, 1 + t);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        *amounts[a] = sqlite3_column_int64 (projects, 9 + a);
      p->overall_goal = column_text (projects, 16);
      p->annual_goal = column_text (projects, 17);
      g_ptr_array_add (doc->projects, p);

      sqlite3_bind_int64 (indicators, 1, p->id);
      while ((rc = sqlite3_step (indicators)) == SQLITE_ROW)
        {
          BdIndicator *indicator = bd_indicator_new ((const char *) sqlite3_column_text (indicators, 1),
                                                     (const char *) sqlite3_column_text (indicators, 2),
                                                     (const char *) sqlite3_column_text (indicators, 3),
                                                     (const char *) sqlite3_column_text (indicators, 4));
          indicator->id = sqlite3_column_int64 (indicators, 0);
          g_ptr_array_add (p->indicators, indicator);
        }
      sqlite3_reset (indicators);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path, rc);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_extra_codes (BdStore    *self,
                  BdDocument *doc,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) codes = NULL;
  int rc;

  /* A version 1 file opened read-only was never migrated: it has none. */
  if (self->version < 2)
    return TRUE;
  codes = prepare (self->db, self->path, "SELECT classification, code, name FROM extra_code", error);
  if (codes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (codes)) == SQLITE_ROW)
    {
      int classification = sqlite3_column_int (codes, 0);
      if (classification >= 0 && classification < (int) G_N_ELEMENTS (doc->extra_codes))
        bd_document_add_extra_code (doc, classification, (const char *) sqlite3_column_text (codes, 1),
                                    (const char *) sqlite3_column_text (codes, 2));
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

BdDocument *
bd_store_load (BdStore  *self,
               GError  **error)
{
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(sqlite3_stmt) header = NULL;
  int rc;

  g_return_val_if_fail (BD_IS_STORE (self), NULL);

  header = prepare (self->db, self->path,
                    "SELECT department, year, title, attachment, framework FROM document WHERE id = 1", error);
  if (header == NULL)
    return NULL;
  rc = sqlite3_step (header);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        {
          g_autofree char *name = g_filename_display_basename (self->path);
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: it has no document header."), name);
        }
      else
        set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  doc = bd_document_new ((const char *) sqlite3_column_text (header, 0), sqlite3_column_int (header, 1));
  doc->title = column_text (header, 2);
  doc->attachment = column_text (header, 3);
  /* The file holds no kind of document: a unit budget is told by its title. */
  bd_document_set_unit_budget (doc, bd_title_is_unit_budget (doc->title));
  doc->framework = sqlite3_column_int (header, 4) == BD_FRAMEWORK_THREE_CATEGORIES
    ? BD_FRAMEWORK_THREE_CATEGORIES : BD_FRAMEWORK_FOUR_CATEGORIES;

  if (!exec (self->db, self->path, "BEGIN", error))
    return NULL;
  if (!load_schedules (self, doc, error) || !check_rows_loaded (self, doc, error)
      || !load_sections (self, doc, error)
      || !load_figures (self, doc, error) || !load_projects (self, doc, error)
      || !load_extra_codes (self, doc, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  bd_document_recompute (doc);
  return g_steal_pointer (&doc);
}

/* Edits */

typedef gboolean (*EditFunc) (BdStore *self, gpointer data, GError **error);

static gboolean
in_transaction (BdStore  *self,
                EditFunc  func,
                gpointer  data,
                GError  **error)
{
  if (!bd_store_begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      bd_store_rollback (self);
      return FALSE;
    }
  return bd_store_commit (self, error);
}

typedef struct {
  BdRow *row;
  guint  column;
} AmountEdit;

static gboolean
update_amount (BdStore  *self,
               gpointer  data,
               GError  **error)
{
  AmountEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, self->path,
    "INSERT INTO cell (row_id, col, value) VALUES (?, ?, ?) "
    "ON CONFLICT (row_id, col) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->row->id);
  sqlite3_bind_int (stmt, 2, edit->column);
  sqlite3_bind_int64 (stmt, 3, edit->row->values[edit->column]);
  return step_done (self->db, self->path, stmt, error);
}

gboolean
bd_store_update_amount (BdStore  *self,
                        BdRow    *row,
                        guint     column,
                        GError  **error)
{
  AmountEdit edit = { row, column };

  g_return_val_if_fail (row->id != 0, FALSE);
  return in_transaction (self, update_amount, &edit, error);
}

typedef struct {
  BdRow *row;
  guint  n_columns;
} RowEdit;

static gboolean
update_row (BdStore  *self,
            gpointer  data,
            GError  **error)
{
  RowEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, self->path,
    "INSERT INTO cell (row_id, col, value, published) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (row_id, col) DO UPDATE SET value = excluded.value, published = excluded.published", error);

  if (stmt == NULL)
    return FALSE;
  for (guint c = 0; c < edit->n_columns; c++)
    {
      sqlite3_bind_int64 (stmt, 1, edit->row->id);
      sqlite3_bind_int (stmt, 2, c);
      sqlite3_bind_int64 (stmt, 3, edit->row->values[c]);
      if (edit->row->published_mask & (1u << c))
        sqlite3_bind_int64 (stmt, 4, edit->row->published[c]);
      else
        sqlite3_bind_null (stmt, 4);
      if (!step_done (self->db, self->path, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_store_update_row (BdStore  *self,
                     BdRow    *row,
                     guint     n_columns,
                     GError  **error)
{
  RowEdit edit = { row, n_columns };

  g_return_val_if_fail (row->id != 0, FALSE);
  return in_transaction (self, update_row, &edit, error);
}

static gboolean
update_row_name (BdStore  *self,
                 gpointer  data,
                 GError  **error)
{
  BdRow *row = data;
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, self->path,
    "UPDATE schedule_row SET name = ?, code = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, row->name);
  bind_text (stmt, 2, row->code);
  sqlite3_bind_int64 (stmt, 3, row->id);
  return step_done (self->db, self->path, stmt, error);
}

gboolean
bd_store_update_row_name (BdStore  *self,
                          BdRow    *row,
                          GError  **error)
{
  g_return_val_if_fail (row->id != 0, FALSE);
  return in_transaction (self, update_row_name, row, error);
}

static gboolean
save_schedule (BdStore  *self,
               gpointer  data,
               GError  **error)
{
  return write_schedule (self->db, self->path, data, error);
}

gboolean
bd_store_save_schedule (BdStore     *self,
                        BdSchedule  *schedule,
                        GError     **error)
{
  return in_transaction (self, save_schedule, schedule, error);
}

static gboolean
save_header (BdStore  *self,
             gpointer  data,
             GError  **error)
{
  return write_header (self->db, self->path, data, error);
}

gboolean
bd_store_save_header (BdStore     *self,
                      BdDocument  *doc,
                      GError     **error)
{
  return in_transaction (self, save_header, doc, error);
}

typedef struct {
  BdDocument *doc;
  BdSection  *section;
} SectionEdit;

static gboolean
save_section (BdStore  *self,
              gpointer  data,
              GError  **error)
{
  SectionEdit *edit = data;
  return write_section (self->db, self->path, edit->doc, edit->section, error);
}

gboolean
bd_store_save_section (BdStore     *self,
                       BdDocument  *doc,
                       BdSection   *section,
                       GError     **error)
{
  SectionEdit edit = { doc, section };
  return in_transaction (self, save_section, &edit, error);
}

static gboolean
save_figures (BdStore  *self,
              gpointer  data,
              GError  **error)
{
  return write_figures (self->db, self->path, data, error);
}

gboolean
bd_store_save_figures (BdStore     *self,
                       BdDocument  *doc,
                       GError     **error)
{
  return in_transaction (self, save_figures, doc, error);
}

static gboolean
save_projects (BdStore  *self,
               gpointer  data,
               GError  **error)
{
  return write_projects (self->db, self->path, data, error);
}

gboolean
bd_store_save_projects (BdStore     *self,
                        BdDocument  *doc,
                        GError     **error)
{
  return in_transaction (self, save_projects, doc, error);
}

static gboolean
save_document (BdStore  *self,
               gpointer  data,
               GError  **error)
{
  return write_document (self->db, self->path, data, error);
}

gboolean
bd_store_save_document (BdStore     *self,
                        BdDocument  *doc,
                        GError     **error)
{
  return in_transaction (self, save_document, doc, error);
}
