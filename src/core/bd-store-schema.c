/* The document file's schema, the steps from older versions to it, and
 * the check that a file's schema is exactly one BudgetDesk wrote. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-store-private.h"

/* The schema a new file gets. A later version adds its step to
 * `migrations` below (the schema of version N is version 1's and the
 * steps up to N: that is what the exact-schema check compares a file to)
 * and bumps BD_STORE_SCHEMA_VERSION. */
/* Version 2: codes the document carries that the bundled catalog lacks. */
#define EXTRA_CODE_TABLE \
  "CREATE TABLE extra_code (" \
  "  classification INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL," \
  "  PRIMARY KEY (classification, code)) WITHOUT ROWID;"
/* Version 3: a project's indicators found without reading them all (and
 * deleting a project without scanning every indicator). */
#define INDICATOR_INDEX \
  "CREATE INDEX indicator_by_project ON indicator (project, position);"
/* Version 4: the document's rule profile, a rule switched off or given
 * another severity (the checker's rule id → off, error, warning or info). */
#define RULE_SETTING_TABLE \
  "CREATE TABLE rule_setting (rule TEXT PRIMARY KEY, setting TEXT NOT NULL) WITHOUT ROWID;"
/* Version 5: where an imported document was read (a row's page, line or
 * sheet and cell; a schedule's page, line or sheet), what its import noted
 * (as printed), and what new-year left to review (a carried-over
 * paragraph quoting last year's figures, a carried-over form). */
#define PROVENANCE_AND_REVIEW \
  "ALTER TABLE schedule ADD COLUMN source_page INTEGER NOT NULL DEFAULT 0;" \
  "ALTER TABLE schedule ADD COLUMN source_line INTEGER NOT NULL DEFAULT 0;" \
  "ALTER TABLE schedule ADD COLUMN source_sheet TEXT;" \
  "CREATE TABLE row_source (" \
  "  row_id INTEGER PRIMARY KEY REFERENCES schedule_row (id) ON DELETE CASCADE," \
  "  page INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, sheet TEXT);" \
  "CREATE TABLE import_note (" \
  "  position INTEGER PRIMARY KEY, part INTEGER NOT NULL, row_label TEXT," \
  "  page INTEGER NOT NULL, line INTEGER NOT NULL, message TEXT NOT NULL);" \
  "ALTER TABLE paragraph ADD COLUMN to_review INTEGER NOT NULL DEFAULT 0;" \
  "ALTER TABLE project ADD COLUMN to_review INTEGER NOT NULL DEFAULT 0;"
/* Version 6: the document's thresholds (bd_rules_threshold_name → a whole
 * per cent), its rule profile's numbers. */
#define RULE_THRESHOLD_TABLE \
  "CREATE TABLE rule_threshold (name TEXT PRIMARY KEY, percent INTEGER NOT NULL) WITHOUT ROWID;"

static const char schema_v1[] =
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  department TEXT NOT NULL, year INTEGER NOT NULL,"
  "  title TEXT, attachment TEXT, framework INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE schedule ("
  "  number INTEGER PRIMARY KEY, note TEXT, title_year INTEGER NOT NULL DEFAULT 0);"
  /* part: 0 a row of the table, 1 its 合计 row, 2 an income item, 3 收入总计;
   * 4 上年结转, 5 结转下年, 6 and 7 收入总计 and 支出总计 with them (BdRowPart) */
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
  "  position INTEGER NOT NULL, level1 TEXT, level2 TEXT, name TEXT, target TEXT);";

/* Steps from one schema version to the next; index i goes from i + 1 to i + 2. */
static const char * const migrations[] = {
  EXTRA_CODE_TABLE,   /* 1 → 2 */
  INDICATOR_INDEX,    /* 2 → 3 */
  RULE_SETTING_TABLE, /* 3 → 4 */
  PROVENANCE_AND_REVIEW, /* 4 → 5 */
  RULE_THRESHOLD_TABLE, /* 5 → 6 */
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BD_STORE_SCHEMA_VERSION - 1);

/* The statements that make the schema of @version. */
static char *
schema_of (int version)
{
  GString *sql = g_string_new (schema_v1);

  for (int v = 2; v <= version; v++)
    g_string_append (sql, migrations[v - 2]);
  return g_string_free (sql, FALSE);
}

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
 * left open for the document to be written into. Foreign keys are not
 * enforced while it is written whole: every row_id is the id its row was
 * just given and nothing is deleted, so the check of each cell's and each
 * row_source line's row was work for nothing, a fifth of the processor
 * time of saving 100,000 imported rows (bench-import). The writer's own
 * connection (bd_store_open) enforces them for every later edit. */
gboolean
bd_store_schema_create (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *schema = schema_of (BD_STORE_SCHEMA_VERSION);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          " PRAGMA foreign_keys = OFF; BEGIN; %s",
                                          BD_STORE_APPLICATION_ID, BD_STORE_SCHEMA_VERSION, schema);

  return bd_store_sql_exec (db, path, sql, error);
}

/* What sqlite_schema holds, an object a line (type, name, table, the
 * statement as written), sorted; NULL when it cannot be read. */
static GPtrArray *
describe (sqlite3 *db)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY type, name",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s\t%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                                               sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&lines) : NULL;
}

/* The schema of @version as SQLite stores it, made once in memory. */
static GPtrArray *
expected (int version)
{
  static GPtrArray *schemas[BD_STORE_SCHEMA_VERSION + 1];
  static GMutex lock;
  GPtrArray *lines;

  g_mutex_lock (&lock);
  if (schemas[version] == NULL)
    {
      g_autofree char *sql = schema_of (version);
      sqlite3 *db = NULL;

      if (sqlite3_open (":memory:", &db) == SQLITE_OK && sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
        schemas[version] = describe (db);
      sqlite3_close (db);
    }
  lines = schemas[version];
  g_mutex_unlock (&lock);
  return lines;
}

static gboolean
has_table (GPtrArray  *lines,
           const char *table)
{
  g_autofree char *prefix = g_strdup_printf ("table\t%s\t", table);

  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
      return TRUE;
  return FALSE;
}

/* The name of the first object that differs: its line's second field. */
static char *
first_difference (GPtrArray *actual,
                  GPtrArray *wanted)
{
  guint i = 0;
  const char *line;
  g_auto(GStrv) fields = NULL;

  while (i < actual->len && i < wanted->len && strcmp (g_ptr_array_index (actual, i), g_ptr_array_index (wanted, i)) == 0)
    i++;
  line = i < actual->len ? g_ptr_array_index (actual, i) : g_ptr_array_index (wanted, i);
  fields = g_strsplit (line, "\t", 3);
  /* Names come from the file: any bytes, any length. */
  if (fields[1] != NULL && strlen (fields[1]) > 64)
    fields[1][64] = '\0';
  return g_utf8_make_valid (fields[1] ? fields[1] : "?", -1);
}

/* A file's schema must be exactly one BudgetDesk wrote for its version:
 * no column, CHECK, generated column, index, view or trigger more or
 * less. What a schema can make SQLite compute (zeroblob (450000000) in a
 * generated column) is then never computed. */
gboolean
bd_store_schema_check (sqlite3     *db,
                       const char  *path,
                       int          version,
                       GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GPtrArray) actual = describe (db);
  GPtrArray *wanted = expected (version);
  g_autofree char *object = NULL;

  g_return_val_if_fail (wanted != NULL, FALSE);
  if (actual == NULL)
    return bd_store_sql_error (error, db, path, sqlite3_errcode (db));
  for (guint i = 0; i < wanted->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (wanted, i), "\t", 3);

      if (strcmp (fields[0], "table") == 0 && !has_table (actual, fields[1]))
        {
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: its table “%s” is missing. It was not changed; open a backup copy."),
                       name, fields[1]);
          return FALSE;
        }
    }
  if (actual->len == wanted->len)
    {
      guint i = 0;

      while (i < actual->len && strcmp (g_ptr_array_index (actual, i), g_ptr_array_index (wanted, i)) == 0)
        i++;
      if (i == actual->len)
        return TRUE;
    }
  object = first_difference (actual, wanted);
  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
               _("“%s” is damaged: its “%s” is not as BudgetDesk writes it. It was not changed; open a backup copy."),
               name, object);
  return FALSE;
}
