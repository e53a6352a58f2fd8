/* The forms (绩效目标表): projects and their indicators, read and written.
 * Their columns are known here only. */
#include "bd-store-private.h"

gboolean
bd_store_write_projects (sqlite3     *db,
                         const char  *path,
                         BdDocument  *doc,
                         gpointer     unused,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) project_stmt = bd_store_sql_prepare (db, path,
    "INSERT INTO project (position, name, nature, category, supervisor, implementer, start_date, end_date,"
    " period, total_funds, fiscal_funds, other_funds, annual_total, annual_fiscal, carryover, annual_other,"
    " overall_goal, annual_goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) indicator_stmt = bd_store_sql_prepare (db, path,
    "INSERT INTO indicator (project, position, level1, level2, name, target) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (project_stmt == NULL || indicator_stmt == NULL || !bd_store_sql_exec (db, path, "DELETE FROM project", error))
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
        bd_store_sql_bind_text (project_stmt, 2 + t, texts[t]);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        sqlite3_bind_int64 (project_stmt, 10 + a, amounts[a]);
      bd_store_sql_bind_text (project_stmt, 17, p->overall_goal);
      bd_store_sql_bind_text (project_stmt, 18, p->annual_goal);
      if (!bd_store_sql_step_done (db, path, project_stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);

          sqlite3_bind_int64 (indicator_stmt, 1, p->id);
          sqlite3_bind_int (indicator_stmt, 2, j);
          bd_store_sql_bind_text (indicator_stmt, 3, indicator->level1);
          bd_store_sql_bind_text (indicator_stmt, 4, indicator->level2);
          bd_store_sql_bind_text (indicator_stmt, 5, indicator->name);
          bd_store_sql_bind_text (indicator_stmt, 6, indicator->target);
          if (!bd_store_sql_step_done (db, path, indicator_stmt, error))
            return FALSE;
          indicator->id = sqlite3_last_insert_rowid (db);
        }
    }
  return TRUE;
}

gboolean
bd_store_load_projects (sqlite3     *db,
                        const char  *path,
                        BdDocument  *doc,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) projects = bd_store_sql_prepare (db, path,
    "SELECT id, name, nature, category, supervisor, implementer, start_date, end_date, period,"
    " total_funds, fiscal_funds, other_funds, annual_total, annual_fiscal, carryover, annual_other,"
    " overall_goal, annual_goal FROM project ORDER BY position", error);
  g_autoptr(sqlite3_stmt) indicators = bd_store_sql_prepare (db, path,
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
        *texts[t] = bd_store_sql_column_text (projects, 1 + t);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        *amounts[a] = sqlite3_column_int64 (projects, 9 + a);
      p->overall_goal = bd_store_sql_column_text (projects, 16);
      p->annual_goal = bd_store_sql_column_text (projects, 17);
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
        return bd_store_sql_error (error, db, path, rc);
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, db, path, rc);
  return TRUE;
}
