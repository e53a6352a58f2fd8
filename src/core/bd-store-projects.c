/* The forms (绩效目标表): projects and their indicators, read and written.
 * Their columns are the field table's (bd-project-field.h), in its order;
 * the schema (bd-store-schema.c) creates them so, as tests/test-project-field.c
 * checks. */
#include "bd-project-field.h"
#include "bd-store-private.h"

/* "name, nature, … annual_goal" */
static const char *
field_columns (void)
{
  static char *columns = NULL;

  if (g_once_init_enter (&columns))
    {
      GString *list = g_string_new (NULL);
      for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
        g_string_append_printf (list, "%s%s", f ? ", " : "", bd_project_fields[f].name);
      g_once_init_leave (&columns, g_string_free (list, FALSE));
    }
  return columns;
}

const char *
bd_store_projects_bad_row (void)
{
  static char *bad_row = NULL;

  if (g_once_init_enter (&bad_row))
    {
      GString *sql = g_string_new ("typeof (position) != 'integer'");
      for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
        g_string_append_printf (sql, bd_project_fields[f].kind == BD_PROJECT_FIELD_AMOUNT
                                     ? " OR typeof (%s) != 'integer'" : " OR NOT bd_utf8 (%s)",
                                bd_project_fields[f].name);
      g_once_init_leave (&bad_row, g_string_free (sql, FALSE));
    }
  return bad_row;
}

const char *
bd_store_projects_amounts_total (void)
{
  static char *total = NULL;

  if (g_once_init_enter (&total))
    {
      GString *sql = g_string_new ("SELECT 0.0");
      for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
        if (bd_project_fields[f].kind == BD_PROJECT_FIELD_AMOUNT)
          g_string_append_printf (sql, " + total (abs (%s * 1.0))", bd_project_fields[f].name);
      g_string_append (sql, " FROM project");
      g_once_init_leave (&total, g_string_free (sql, FALSE));
    }
  return total;
}

static void
bind_fields (sqlite3_stmt *stmt,
             BdProject    *p)
{
  for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
    if (bd_project_fields[f].kind == BD_PROJECT_FIELD_AMOUNT)
      sqlite3_bind_int64 (stmt, 2 + f, *bd_project_field_amount (&bd_project_fields[f], p));
    else
      bd_store_sql_bind_text (stmt, 2 + f, *bd_project_field_text (&bd_project_fields[f], p));
}

static void
read_fields (sqlite3_stmt *stmt,
             BdProject    *p)
{
  for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
    if (bd_project_fields[f].kind == BD_PROJECT_FIELD_AMOUNT)
      *bd_project_field_amount (&bd_project_fields[f], p) = sqlite3_column_int64 (stmt, 1 + f);
    else
      *bd_project_field_text (&bd_project_fields[f], p) = bd_store_sql_column_text (stmt, 1 + f);
}

/* "INSERT INTO project (position, name, …) VALUES (?, ?, …)" */
static char *
insert_sql (void)
{
  GString *sql = g_string_new (NULL);

  /* to_review (format 5) is no field the clerk types: it comes last. */
  g_string_printf (sql, "INSERT INTO project (position, %s, to_review) VALUES (?", field_columns ());
  for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ", ?)");
  return g_string_free (sql, FALSE);
}

gboolean
bd_store_write_projects (sqlite3     *db,
                         const char  *path,
                         BdDocument  *doc,
                         gpointer     unused,
                         GError     **error)
{
  g_autofree char *insert = insert_sql ();
  /* Emptying project empties indicator too (ON DELETE CASCADE). */
  g_autoptr(sqlite3_stmt) project_stmt = bd_store_sql_refill (db, path, insert, error);
  g_autoptr(sqlite3_stmt) indicator_stmt = bd_store_sql_prepare (db, path,
    "INSERT INTO indicator (project, position, level1, level2, name, target) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (project_stmt == NULL || indicator_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);

      bind_fields (project_stmt, p);
      sqlite3_bind_int (project_stmt, 2 + BD_N_PROJECT_FIELDS, p->to_review != FALSE);
      if (!bd_store_sql_run (db, path, project_stmt, error, "i", (int) i))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);

          if (!bd_store_sql_run (db, path, indicator_stmt, error, "Iitttt", p->id, (int) j,
                                 indicator->level1, indicator->level2, indicator->name, indicator->target))
            return FALSE;
          indicator->id = sqlite3_last_insert_rowid (db);
        }
    }
  return TRUE;
}

/* Every indicator in one pass, ordered by form and position (the index
 * indicator_by_project), each given to its form: linear in the forms. */
static gboolean
load_indicators (sqlite3     *db,
                 const char  *path,
                 GHashTable  *by_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) indicators = bd_store_sql_prepare (db, path,
    "SELECT project, id, level1, level2, name, target FROM indicator ORDER BY project, position", error);
  int rc;

  if (indicators == NULL)
    return FALSE;
  while ((rc = sqlite3_step (indicators)) == SQLITE_ROW)
    {
      gint64 project = sqlite3_column_int64 (indicators, 0);
      BdProject *p = g_hash_table_lookup (by_id, &project);
      BdIndicator *indicator;

      if (p == NULL)
        continue;
      indicator = bd_indicator_new ((const char *) sqlite3_column_text (indicators, 2),
                                    (const char *) sqlite3_column_text (indicators, 3),
                                    (const char *) sqlite3_column_text (indicators, 4),
                                    (const char *) sqlite3_column_text (indicators, 5));
      indicator->id = sqlite3_column_int64 (indicators, 1);
      g_ptr_array_add (p->indicators, indicator);
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, db, path, rc);
  return TRUE;
}

gboolean
bd_store_load_projects (sqlite3     *db,
                        const char  *path,
                        int          version,
                        BdDocument  *doc,
                        GError     **error)
{
  /* A file older than format 5 opened read-only has no to_review: none is. */
  g_autofree char *select = g_strdup_printf ("SELECT id, %s, %s FROM project ORDER BY position", field_columns (),
                                             version >= 5 ? "to_review" : "0");
  g_autoptr(sqlite3_stmt) projects = bd_store_sql_prepare (db, path, select, error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (projects == NULL)
    return FALSE;
  while ((rc = sqlite3_step (projects)) == SQLITE_ROW)
    {
      BdProject *p = bd_project_new ();

      p->id = sqlite3_column_int64 (projects, 0);
      read_fields (projects, p);
      p->to_review = sqlite3_column_int (projects, 1 + BD_N_PROJECT_FIELDS) != 0;
      g_ptr_array_add (doc->projects, p);
      g_hash_table_insert (by_id, &p->id, p);
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, db, path, rc);
  return load_indicators (db, path, by_id, error);
}
