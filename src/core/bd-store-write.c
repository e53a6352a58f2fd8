/* Writing the document, or a part of it, into the file. */
#include "bd-store-private.h"

/* The two statements every row is written with, prepared once a
 * schedule: prepared a row, parsing them was most of the time saving a
 * 100,000-row document took. Every parameter is bound for each row. */
typedef struct {
  sqlite3_stmt *row;
  sqlite3_stmt *cell;
} RowStatements;

static gboolean
write_row (sqlite3       *db,
           const char    *path,
           RowStatements *statements,
           guint          schedule,
           int            part,
           guint          position,
           BdRow         *row,
           guint          n_columns,
           GError       **error)
{
  sqlite3_stmt *insert_row = statements->row;
  sqlite3_stmt *insert_cell = statements->cell;

  sqlite3_bind_int (insert_row, 1, schedule);
  sqlite3_bind_int (insert_row, 2, part);
  sqlite3_bind_int (insert_row, 3, position);
  bd_store_sql_bind_text (insert_row, 4, row->code);
  bd_store_sql_bind_text (insert_row, 5, row->name);
  sqlite3_bind_int (insert_row, 6, row->is_leaf);
  if (!bd_store_sql_step_done (db, path, insert_row, error))
    return FALSE;
  row->id = sqlite3_last_insert_rowid (db);

  for (guint c = 0; c < n_columns; c++)
    {
      sqlite3_bind_int64 (insert_cell, 1, row->id);
      sqlite3_bind_int (insert_cell, 2, c);
      sqlite3_bind_int64 (insert_cell, 3, row->values[c]);
      if (row->published_mask & (1u << c))
        sqlite3_bind_int64 (insert_cell, 4, row->published[c]);
      else
        sqlite3_bind_null (insert_cell, 4);
      if (!bd_store_sql_step_done (db, path, insert_cell, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_store_write_schedule (sqlite3     *db,
                         const char  *path,
                         BdDocument  *doc,
                         gpointer     item,
                         GError     **error)
{
  BdSchedule *schedule = item;
  const BdScheduleDef *def = schedule->def;
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_prepare (db, path,
    "INSERT OR REPLACE INTO schedule (number, note, title_year) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) clear = bd_store_sql_prepare (db, path, "DELETE FROM schedule_row WHERE schedule = ?", error);
  g_autoptr(sqlite3_stmt) insert_row = bd_store_sql_prepare (db, path,
    "INSERT INTO schedule_row (schedule, part, position, code, name, is_leaf) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) insert_cell = bd_store_sql_prepare (db, path,
    "INSERT INTO cell (row_id, col, value, published) VALUES (?, ?, ?, ?)", error);
  RowStatements rs = { insert_row, insert_cell };

  if (stmt == NULL || clear == NULL || insert_row == NULL || insert_cell == NULL)
    return FALSE;
  sqlite3_bind_int (clear, 1, def->number);
  if (!bd_store_sql_step_done (db, path, clear, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, def->number);
  bd_store_sql_bind_text (stmt, 2, schedule->note);
  sqlite3_bind_int (stmt, 3, schedule->title_year);
  if (!bd_store_sql_step_done (db, path, stmt, error))
    return FALSE;

  for (guint i = 0; i < schedule->rows->len; i++)
    if (!write_row (db, path, &rs, def->number, BD_ROW_PART_TABLE, i, g_ptr_array_index (schedule->rows, i), def->n_columns, error))
      return FALSE;
  if (schedule->total != NULL && !write_row (db, path, &rs, def->number, BD_ROW_PART_TOTAL, 0, schedule->total, def->n_columns, error))
    return FALSE;
  if (schedule->income != NULL)
    {
      for (guint i = 0; i < schedule->income->len; i++)
        if (!write_row (db, path, &rs, def->number, BD_ROW_PART_INCOME, i, g_ptr_array_index (schedule->income, i), 1, error))
          return FALSE;
      if (!write_row (db, path, &rs, def->number, BD_ROW_PART_INCOME_TOTAL, 0, schedule->income_total, 1, error))
        return FALSE;
    }
  return TRUE;
}

/* The document's rule profile goes with its header. */
static gboolean
write_rule_profile (sqlite3    *db,
                    const char *path,
                    BdDocument *doc,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_prepare (db, path,
    "INSERT INTO rule_setting (rule, setting) VALUES (?, ?)", error);
  GHashTableIter iter;
  gpointer rule, setting;

  if (insert == NULL || !bd_store_sql_exec (db, path, "DELETE FROM rule_setting", error))
    return FALSE;
  g_hash_table_iter_init (&iter, doc->rule_profile);
  while (g_hash_table_iter_next (&iter, &rule, &setting))
    {
      bd_store_sql_bind_text (insert, 1, rule);
      bd_store_sql_bind_text (insert, 2, setting);
      if (!bd_store_sql_step_done (db, path, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_store_write_header (sqlite3     *db,
                       const char  *path,
                       BdDocument  *doc,
                       gpointer     unused,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_prepare (db, path,
    "INSERT OR REPLACE INTO document (id, department, year, title, attachment, framework) VALUES (1, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  bd_store_sql_bind_text (stmt, 1, doc->department);
  sqlite3_bind_int (stmt, 2, doc->year);
  bd_store_sql_bind_text (stmt, 3, doc->title);
  bd_store_sql_bind_text (stmt, 4, doc->attachment);
  sqlite3_bind_int (stmt, 5, doc->framework);
  return bd_store_sql_step_done (db, path, stmt, error) && write_rule_profile (db, path, doc, error);
}

gboolean
bd_store_write_section (sqlite3     *db,
                        const char  *path,
                        BdDocument  *doc,
                        gpointer     item,
                        GError     **error)
{
  BdSection *section = item;
  g_autoptr(sqlite3_stmt) clear = bd_store_sql_prepare (db, path, "DELETE FROM section WHERE id = ?", error);
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_prepare (db, path, "INSERT INTO section (id, position, title) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) paragraph = bd_store_sql_prepare (db, path,
    "INSERT INTO paragraph (section, position, text) VALUES (?, ?, ?)", error);
  guint position = 0;

  if (clear == NULL || insert == NULL || paragraph == NULL)
    return FALSE;
  g_ptr_array_find (doc->sections, section, &position);
  bd_store_sql_bind_text (clear, 1, section->id);
  if (!bd_store_sql_step_done (db, path, clear, error))
    return FALSE;
  bd_store_sql_bind_text (insert, 1, section->id);
  sqlite3_bind_int (insert, 2, position);
  bd_store_sql_bind_text (insert, 3, section->title);
  if (!bd_store_sql_step_done (db, path, insert, error))
    return FALSE;
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      bd_store_sql_bind_text (paragraph, 1, section->id);
      sqlite3_bind_int (paragraph, 2, i);
      bd_store_sql_bind_text (paragraph, 3, g_ptr_array_index (section->paragraphs, i));
      if (!bd_store_sql_step_done (db, path, paragraph, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_store_write_figures (sqlite3     *db,
                        const char  *path,
                        BdDocument  *doc,
                        gpointer     unused,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) figure = bd_store_sql_prepare (db, path, "INSERT INTO figure (key, value, unit) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) last_year = bd_store_sql_prepare (db, path, "INSERT INTO last_year (key, value) VALUES (?, ?)", error);
  GHashTableIter iter;
  gpointer key, value;

  if (figure == NULL || last_year == NULL
      || !bd_store_sql_exec (db, path, "DELETE FROM figure; DELETE FROM last_year", error))
    return FALSE;

  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const BdFigure *f = value;
      bd_store_sql_bind_text (figure, 1, key);
      sqlite3_bind_int64 (figure, 2, f->value);
      sqlite3_bind_int (figure, 3, f->unit);
      if (!bd_store_sql_step_done (db, path, figure, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, doc->last_year);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      bd_store_sql_bind_text (last_year, 1, key);
      sqlite3_bind_int64 (last_year, 2, *(gint64 *) value);
      if (!bd_store_sql_step_done (db, path, last_year, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_extra_codes (sqlite3    *db,
                   const char *path,
                   BdDocument *doc,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_prepare (db, path,
    "INSERT INTO extra_code (classification, code, name) VALUES (?, ?, ?)", error);

  if (insert == NULL || !bd_store_sql_exec (db, path, "DELETE FROM extra_code", error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (doc->extra_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, doc->extra_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        {
          sqlite3_bind_int (insert, 1, c);
          bd_store_sql_bind_text (insert, 2, code);
          bd_store_sql_bind_text (insert, 3, name);
          if (!bd_store_sql_step_done (db, path, insert, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
bd_store_write_document (sqlite3     *db,
                         const char  *path,
                         BdDocument  *doc,
                         gpointer     unused,
                         GError     **error)
{
  if (!bd_store_write_header (db, path, doc, NULL, error))
    return FALSE;
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    if (!bd_store_write_schedule (db, path, doc, bd_document_get_schedule (doc, s), error))
      return FALSE;
  if (!bd_store_sql_exec (db, path, "DELETE FROM section", error))
    return FALSE;
  for (guint i = 0; i < doc->sections->len; i++)
    if (!bd_store_write_section (db, path, doc, g_ptr_array_index (doc->sections, i), error))
      return FALSE;
  return bd_store_write_figures (db, path, doc, NULL, error) && bd_store_write_projects (db, path, doc, NULL, error)
    && write_extra_codes (db, path, doc, error);
}

/* Edits of cells and rows */

gboolean
bd_store_write_amount (sqlite3     *db,
                       const char  *path,
                       BdDocument  *doc,
                       gpointer     item,
                       GError     **error)
{
  BdStoreCells *edit = item;
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_prepare (db, path,
    "INSERT INTO cell (row_id, col, value) VALUES (?, ?, ?) "
    "ON CONFLICT (row_id, col) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->row->id);
  sqlite3_bind_int (stmt, 2, edit->column);
  sqlite3_bind_int64 (stmt, 3, edit->row->values[edit->column]);
  return bd_store_sql_step_done (db, path, stmt, error);
}

gboolean
bd_store_write_row (sqlite3     *db,
                    const char  *path,
                    BdDocument  *doc,
                    gpointer     item,
                    GError     **error)
{
  BdStoreCells *edit = item;
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_prepare (db, path,
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
      if (!bd_store_sql_step_done (db, path, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bd_store_write_row_name (sqlite3     *db,
                         const char  *path,
                         BdDocument  *doc,
                         gpointer     item,
                         GError     **error)
{
  BdRow *row = item;
  g_autoptr(sqlite3_stmt) stmt = bd_store_sql_prepare (db, path,
    "UPDATE schedule_row SET name = ?, code = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bd_store_sql_bind_text (stmt, 1, row->name);
  bd_store_sql_bind_text (stmt, 2, row->code);
  sqlite3_bind_int64 (stmt, 3, row->id);
  return bd_store_sql_step_done (db, path, stmt, error);
}
