/* The document file's schema, and the steps from older versions to it. */
#include "bd-store-private.h"

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

/* Steps from one schema version to the next; index i goes from i + 1 to i + 2. */
static const char * const migrations[] = {
  EXTRA_CODE_TABLE,   /* 1 → 2 */
};

gboolean
bd_store_schema_migrate (sqlite3    *db,
                         const char *path,
                         GError    **error)
{
  gint64 version;

  if (!bd_store_sql_pragma_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;
  while (version < BD_STORE_SCHEMA_VERSION)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s; PRAGMA user_version = %d; COMMIT",
                                              migrations[version - 1], (int) version + 1);
      if (!bd_store_sql_exec (db, path, sql, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      version++;
    }
  return TRUE;
}

/* A new file: marked as ours, its version, its tables, and a transaction
 * left open for the document to be written into. */
gboolean
bd_store_schema_create (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          " PRAGMA foreign_keys = ON; BEGIN; %s",
                                          BD_STORE_APPLICATION_ID, BD_STORE_SCHEMA_VERSION, schema);

  return bd_store_sql_exec (db, path, sql, error);
}
