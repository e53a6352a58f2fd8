/* SQLite calls for the store, and what their failures tell the clerk. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bd-store-private.h"

gboolean
bd_store_sql_error (GError    **error,
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

gboolean
bd_store_sql_exec (sqlite3    *db,
                   const char *path,
                   const char *sql,
                   GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bd_store_sql_error (error, db, path, rc);
  return TRUE;
}

sqlite3_stmt *
bd_store_sql_prepare (sqlite3    *db,
                      const char *path,
                      const char *sql,
                      GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      bd_store_sql_error (error, db, path, rc);
      return NULL;
    }
  return stmt;
}

gboolean
bd_store_sql_step_done (sqlite3      *db,
                        const char   *path,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return bd_store_sql_error (error, db, path, rc);
  return TRUE;
}

gboolean
bd_store_sql_run (sqlite3      *db,
                  const char   *path,
                  sqlite3_stmt *stmt,
                  GError      **error,
                  const char   *types,
                  ...)
{
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    switch (types[i])
      {
      case 'i':
        sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
        break;
      case 'I':
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
        break;
      case 't':
        bd_store_sql_bind_text (stmt, i + 1, va_arg (args, const char *));
        break;
      default:
        g_assert_not_reached ();
      }
  va_end (args);
  return bd_store_sql_step_done (db, path, stmt, error);
}

void
bd_store_sql_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
bd_store_sql_column_text (sqlite3_stmt *stmt,
                          int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* Statements of a verification may not run longer than this (µs): a net
 * under the exact-schema check, for data no check foresaw. */
#define VERIFY_BUDGET (20 * G_USEC_PER_SEC)

static _Thread_local gint64 deadline;

static int
over_budget (void *data)
{
  return deadline != 0 && g_get_monotonic_time () > deadline;
}

void
bd_store_sql_budget (gboolean on)
{
  deadline = on ? g_get_monotonic_time () + VERIFY_BUDGET : 0;
}

/* What a document may make SQLite do. A BudgetDesk document has short
 * statements, a few columns a table, texts of a few pages; a hostile one
 * may ask for strings of hundreds of megabytes (zeroblob, replace). The
 * limits are far above any real document and far below harm. */
static const struct {
  int id;
  int value;
} limits[] = {
  { SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024 },
  { SQLITE_LIMIT_SQL_LENGTH, 100 * 1000 },
  { SQLITE_LIMIT_COLUMN, 64 },
  { SQLITE_LIMIT_EXPR_DEPTH, 64 },
  { SQLITE_LIMIT_COMPOUND_SELECT, 8 },
  { SQLITE_LIMIT_VDBE_OP, 50000 },
  { SQLITE_LIMIT_FUNCTION_ARG, 8 },
  { SQLITE_LIMIT_ATTACHED, 0 },
  { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100 },
  { SQLITE_LIMIT_VARIABLE_NUMBER, 64 },
  { SQLITE_LIMIT_TRIGGER_DEPTH, 1 },
  { SQLITE_LIMIT_WORKER_THREADS, 0 },
};

/* Untrusted files: nothing in a document's schema may run code, nor make
 * SQLite compute without end. */
void
bd_store_sql_harden (sqlite3 *db)
{
  static gsize heap_limited = 0;

  /* The process's SQLite heap (every connection): past the soft limit it
   * frees caches, past the hard one an allocation fails (SQLITE_NOMEM). */
  if (g_once_init_enter (&heap_limited))
    {
      sqlite3_soft_heap_limit64 (64 * 1024 * 1024);
      sqlite3_hard_heap_limit64 (256 * 1024 * 1024);
      g_once_init_leave (&heap_limited, 1);
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (db, limits[i].id, limits[i].value);
  sqlite3_progress_handler (db, 10000, over_budget, NULL);
  sqlite3_busy_timeout (db, 2000);
}

sqlite3_stmt *
bd_store_sql_refill (sqlite3     *db,
                     const char  *path,
                     const char  *insert,
                     GError     **error)
{
  const char *table = insert + strlen ("INSERT INTO ");
  g_autofree char *clear = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (g_str_has_prefix (insert, "INSERT INTO "), NULL);
  clear = g_strdup_printf ("DELETE FROM %.*s", (int) strcspn (table, " "), table);
  stmt = bd_store_sql_prepare (db, path, insert, error);
  if (stmt != NULL && !bd_store_sql_exec (db, path, clear, error))
    g_clear_pointer (&stmt, sqlite3_finalize);
  return stmt;
}

sqlite3_stmt *
bd_store_sql_first_row (sqlite3     *db,
                        const char  *path,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = bd_store_sql_prepare (db, path, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* The error first: it reads the connection's message of this step. */
      bd_store_sql_error (error, db, path, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
bd_store_sql_pragma_int (sqlite3    *db,
                         const char *path,
                         const char *pragma,
                         gint64     *value,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_first_row (db, path, pragma, error);

  if (stmt == NULL)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

