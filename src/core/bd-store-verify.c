/* Forged files: what a document must be before anything reads it. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-store-private.h"

#define BD_PART_LAST 14

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
  /* Its columns are the field table's: bd_store_projects_bad_row (). */
  { "project", 1, NULL },
  { "indicator", 1,
    "typeof (project) != 'integer' OR typeof (position) != 'integer' OR NOT bd_utf8 (level1)"
    " OR NOT bd_utf8 (level2) OR NOT bd_utf8 (name) OR NOT bd_utf8 (target)" },
  { "rule_setting", 4,
    "typeof (rule) != 'text' OR NOT bd_utf8 (rule) OR typeof (setting) != 'text'"
    " OR setting NOT IN ('off', 'error', 'warning', 'info')" },
  /* Version 5: provenance, import notes, what is to review. */
  { "schedule", 5,
    "typeof (source_page) != 'integer' OR source_page NOT BETWEEN 0 AND 2147483647"
    " OR typeof (source_line) != 'integer' OR source_line NOT BETWEEN 0 AND 2147483647"
    " OR typeof (source_sheet) NOT IN ('text', 'null') OR NOT bd_utf8 (source_sheet)" },
  { "row_source", 5,
    "typeof (row_id) != 'integer' OR typeof (page) != 'integer' OR page NOT BETWEEN 0 AND 2147483647"
    " OR typeof (line) != 'integer' OR line NOT BETWEEN 0 AND 2147483647"
    " OR typeof (col) != 'integer' OR col NOT BETWEEN 0 AND 2147483647"
    " OR typeof (sheet) NOT IN ('text', 'null') OR NOT bd_utf8 (sheet)" },
  { "import_note", 5,
    "typeof (position) != 'integer' OR typeof (part) != 'integer' OR part NOT BETWEEN 1 AND " G_STRINGIFY (BD_PART_LAST)
    " OR typeof (row_label) NOT IN ('text', 'null') OR NOT bd_utf8 (row_label)"
    " OR typeof (page) != 'integer' OR page NOT BETWEEN 0 AND 2147483647"
    " OR typeof (line) != 'integer' OR line NOT BETWEEN 0 AND 2147483647"
    " OR typeof (message) != 'text' OR NOT bd_utf8 (message)" },
  { "paragraph", 5, "typeof (to_review) != 'integer' OR to_review NOT IN (0, 1)" },
  { "project", 5, "typeof (to_review) != 'integer' OR to_review NOT IN (0, 1)" },
  /* Version 6: the thresholds, those the checker knows (bd-rules.c). */
  { "rule_threshold", 6,
    "typeof (name) != 'text' OR name NOT IN ('reason-threshold', 'year-change-threshold')"
    " OR typeof (percent) != 'integer' OR percent NOT BETWEEN 1 AND 1000" },
  { "extra_code", 2,
    "typeof (classification) != 'integer' OR typeof (code) != 'text' OR NOT bd_utf8 (code)"
    " OR typeof (name) != 'text' OR NOT bd_utf8 (name)" },
};

/* The last BdPart, as the SQL above writes it. */
G_STATIC_ASSERT (BD_PART_LAST == BD_PART_DOCUMENT);

/* Every amount of a document added up, in magnitude, stays below 2^62 分
 * (4.6 × 10^16 元, hundreds of times any state budget): then no sum the
 * document or the checker forms can overflow. */
#define AMOUNTS_TOTAL_LIMIT 4611686018427387904.0
static const char amounts_total[] =
  "SELECT (SELECT total (abs (value * 1.0)) + total (abs (published * 1.0)) FROM cell)"
  " + (SELECT total (abs (value * 1.0)) FROM figure) + (SELECT total (abs (value * 1.0)) FROM last_year)"
  " + (%s)";

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
  g_autoptr(sqlite3_stmt) schedules = bd_store_sql_prepare (db, path, "SELECT count (*) FROM schedule WHERE number = ?", error);
  g_autoptr(sqlite3_stmt) rows = bd_store_sql_prepare (db, path,
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
          int part = i == 0 ? BD_ROW_PART_TABLE : i == 1 ? BD_ROW_PART_TOTAL : i == 2 ? BD_ROW_PART_INCOME_TOTAL : BD_ROW_PART_INCOME;
          const char *code = part == BD_ROW_PART_INCOME ? def->income[i - 3].source : NULL;
          int count;

          if ((part == BD_ROW_PART_TABLE && !single) || (part == BD_ROW_PART_TOTAL && single)
              || (part == BD_ROW_PART_INCOME_TOTAL && def->row_kind != BD_ROWS_BALANCE))
            continue;
          sqlite3_bind_int (rows, 1, number);
          sqlite3_bind_int (rows, 2, part);
          if (code != NULL)
            sqlite3_bind_text (rows, 3, code, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (rows, 3);
          count = sqlite3_step (rows) == SQLITE_ROW ? sqlite3_column_int (rows, 0) : -1;
          sqlite3_reset (rows);
          whole = part == BD_ROW_PART_TABLE ? count == 1 : count >= 1;
        }
      if (!whole)
        return bd_store_rows_missing (error, path, number);
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
        return bd_store_sql_error (error, db, path, rc);

      g_free (sql);
      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s LIMIT 1", value_checks[i].table,
                             value_checks[i].bad_row ? value_checks[i].bad_row : bd_store_projects_bad_row ());
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
      return bd_store_sql_error (error, db, path, rc);
    }

  {
    g_autofree char *sql = g_strdup_printf (amounts_total, bd_store_projects_amounts_total ());
    g_autoptr(sqlite3_stmt) stmt = bd_store_sql_first_row (db, path, sql, error);

    if (stmt == NULL)
      return FALSE;
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

static gboolean verify (sqlite3 *db, const char *path, GError **error);

gboolean
bd_store_rows_missing (GError    **error,
                       const char *path,
                       guint       number)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT,
               _("“%s” is damaged: rows of schedule %u are missing. It was not changed; open a backup copy."),
               name, number);
  return FALSE;
}

gboolean
bd_store_verify (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  gboolean ok;

  bd_store_sql_budget (TRUE);
  ok = verify (db, path, error);
  bd_store_sql_budget (FALSE);
  return ok;
}

static gboolean
verify (sqlite3    *db,
        const char *path,
        GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  gint64 application_id, version;
  g_autoptr(sqlite3_stmt) check = NULL;
  const unsigned char *verdict;

  if (!bd_store_sql_pragma_int (db, path, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (application_id != BD_STORE_APPLICATION_ID)
    {
      g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a BudgetDesk document."), name);
      return FALSE;
    }
  if (!bd_store_sql_pragma_int (db, path, "PRAGMA user_version", &version, error))
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

  /* Before anything reads a table: a CHECK or a generated column of a
   * forged schema would run on reading. */
  if (!bd_store_schema_check (db, path, version, error))
    return FALSE;
  check = bd_store_sql_first_row (db, path, "PRAGMA quick_check", error);
  if (check == NULL)
    return FALSE;
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
