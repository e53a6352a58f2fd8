/* bd-store-private.h: what the files of the store share
 *
 * bd-store.c        the object, opening, transactions and the edit API
 * bd-store-sql.c    SQLite calls and their errors, hardening a connection
 * bd-store-lock.c   the one-writer lock, on the document itself
 * bd-store-journal.c  journals left by a crash: paired, or set aside
 * bd-store-schema.c the schema a new file gets, and migrations
 * bd-store-verify.c the checks a file passes before anything reads it
 * bd-store-write.c  writing the document (or part of it) into the file
 * bd-store-load.c   reading the document back
 * bd-store-projects.c  the forms (projects and indicators), read and written
 */
#pragma once

#include <sqlite3.h>

#include "bd-store.h"

G_BEGIN_DECLS

typedef struct _BdStoreLock BdStoreLock;

struct _BdStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  char    *real_path;   /* @path, links resolved: what is opened and locked */
  gboolean read_only;
  guint    transaction_depth;
  int      version;
  BdStoreLock *lock;    /* held while open for writing */
  char    *set_aside;   /* where a leftover journal was moved on opening */
};

/* Where a row of schedule_row stands in its schedule (its part column): a
 * BdRowPart, the document's, which the editor records changes by too. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* bd-store-sql.c */
gboolean      bd_store_sql_error       (GError       **error,
                                        sqlite3       *db,
                                        const char    *path,
                                        int            rc);
gboolean      bd_store_sql_exec        (sqlite3       *db,
                                        const char    *path,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *bd_store_sql_prepare     (sqlite3       *db,
                                        const char    *path,
                                        const char    *sql,
                                        GError       **error);
gboolean      bd_store_sql_step_done   (sqlite3       *db,
                                        const char    *path,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* Binds the parameters from 1 on, one a letter of @types: 'i' an int,
 * 'I' a gint64, 't' a text (NULL binds NULL); those after them keep what
 * they were bound to. Then runs @stmt as bd_store_sql_step_done(). A NULL
 * @stmt is one whose preparation failed and set @error: FALSE. */
gboolean      bd_store_sql_run         (sqlite3       *db,
                                        const char    *path,
                                        sqlite3_stmt  *stmt,
                                        GError       **error,
                                        const char    *types,
                                        ...);
/* Empties the table @insert ("INSERT INTO table …") fills, and prepares
 * @insert to fill it again: the statement, or NULL with @error set. The
 * tables a document writes whole are written so. */
sqlite3_stmt *bd_store_sql_refill      (sqlite3       *db,
                                        const char    *path,
                                        const char    *insert,
                                        GError       **error);
/* @sql prepared and stepped to its first row, which it must have: the
 * statement to read that row from, or NULL with @error set. */
sqlite3_stmt *bd_store_sql_first_row   (sqlite3       *db,
                                        const char    *path,
                                        const char    *sql,
                                        GError       **error);
gboolean      bd_store_sql_pragma_int  (sqlite3       *db,
                                        const char    *path,
                                        const char    *pragma,
                                        gint64        *value,
                                        GError       **error);
void          bd_store_sql_bind_text   (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
char         *bd_store_sql_column_text (sqlite3_stmt  *stmt,
                                        int            index);
void          bd_store_sql_harden      (sqlite3       *db);
/* While on, statements of this thread are interrupted past a time budget. */
void          bd_store_sql_budget      (gboolean       on);

/* bd-store-lock.c */
struct stat;

/* Takes the lock on the document at @real_path: exclusive to write it,
 * shared to replace it (bd_store_save_as); NULL with @error set when
 * another holds it. Messages name the file @name. */
BdStoreLock  *bd_store_lock_take       (const char    *real_path,
                                        const char    *name,
                                        gboolean       shared,
                                        GError       **error);
/* Leaves the note naming the holder and the file it holds. */
void          bd_store_lock_write_note (BdStoreLock   *lock,
                                        const char    *real_path);
void          bd_store_lock_release    (BdStoreLock   *lock);
gboolean      bd_store_lock_is_held    (const char    *real_path);
char         *bd_store_lock_note_path  (const char    *real_path);
/* 1 when the note left beside @real_path names the file @st, 0 when it
 * names another, -1 when there is none or it names no file. */
int           bd_store_lock_note_file  (const char    *real_path,
                                        const struct stat *st);

/* bd-store-journal.c: judges the journals left beside @real_path before
 * SQLite sees them. *@replay: one is this file's and SQLite is to roll it
 * back (only when @for_writing, with the lock held). */
gboolean      bd_store_journal_check   (const char    *real_path,
                                        const char    *name,
                                        gboolean       for_writing,
                                        gboolean      *replay,
                                        char         **set_aside_path,
                                        GError       **error);

/* bd-store-schema.c */
gboolean      bd_store_schema_create   (sqlite3       *db,
                                        const char    *path,
                                        GError       **error);
gboolean      bd_store_schema_migrate  (sqlite3       *db,
                                        const char    *path,
                                        GError       **error);
gboolean      bd_store_schema_check    (sqlite3       *db,
                                        const char    *path,
                                        int            version,
                                        GError       **error);

/* bd-store-verify.c */
gboolean      bd_store_verify          (sqlite3       *db,
                                        const char    *path,
                                        GError       **error);
/* Sets the "rows of schedule @number are missing" error, for the check
 * before loading and the one after; returns FALSE. */
gboolean      bd_store_rows_missing    (GError       **error,
                                        const char    *path,
                                        guint          number);

/* bd-store-write.c: each writes @doc, or @item of it, inside the caller's
 * transaction. One signature, so the edit API runs any of them as one. */
typedef gboolean (*BdStoreWriter) (sqlite3     *db,
                                   const char  *path,
                                   BdDocument  *doc,
                                   gpointer     item,
                                   GError     **error);

/* The @item of the cell writers. */
typedef struct {
  BdRow *row;
  guint  column;      /* bd_store_write_amount */
  guint  n_columns;   /* bd_store_write_row */
} BdStoreCells;

gboolean bd_store_write_amount   (sqlite3 *db, const char *path, BdDocument *doc, gpointer cells, GError **error);
gboolean bd_store_write_row      (sqlite3 *db, const char *path, BdDocument *doc, gpointer cells, GError **error);
gboolean bd_store_write_row_name (sqlite3 *db, const char *path, BdDocument *doc, gpointer row, GError **error);
gboolean bd_store_write_schedule (sqlite3 *db, const char *path, BdDocument *doc, gpointer schedule, GError **error);
gboolean bd_store_write_header   (sqlite3 *db, const char *path, BdDocument *doc, gpointer unused, GError **error);
gboolean bd_store_write_section  (sqlite3 *db, const char *path, BdDocument *doc, gpointer section, GError **error);
gboolean bd_store_write_figures  (sqlite3 *db, const char *path, BdDocument *doc, gpointer unused, GError **error);
gboolean bd_store_write_extra_codes (sqlite3 *db, const char *path, BdDocument *doc, gpointer unused, GError **error);
gboolean bd_store_write_document (sqlite3 *db, const char *path, BdDocument *doc, gpointer unused, GError **error);

/* bd-store-projects.c: the forms, their columns read from the field table
 * (bd-project-field.h). What a forged file could put in a project row, and
 * the sum of the forms' amounts in magnitude, for bd-store-verify.c. */
const char *bd_store_projects_bad_row      (void);
const char *bd_store_projects_amounts_total (void);
gboolean bd_store_write_projects (sqlite3 *db, const char *path, BdDocument *doc, gpointer unused, GError **error);
gboolean bd_store_load_projects  (sqlite3     *db,
                                  const char  *path,
                                  int          version,
                                  BdDocument  *doc,
                                  GError     **error);

/* bd-store-load.c */
BdDocument *bd_store_read_document (BdStore  *self,
                                    GError  **error);

G_END_DECLS
