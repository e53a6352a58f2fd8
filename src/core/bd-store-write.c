/* Writing the document, or a part of it, into the file. */
#include "bd-checker.h"
#include "bd-store-private.h"

/* The two statements every row is written with, prepared once a
 * schedule: prepared a row, parsing them was most of the time saving a
 * 100,000-row document took. Every parameter is bound for each row. */
typedef struct {
  sqlite3_stmt *row;
  sqlite3_stmt *cell;
  sqlite3_stmt *source;
} RowStatements;

/* A row's cells, through @insert_cell (row_id, col, value, published). */
static gboolean
write_cells (sqlite3      *db,
             const char   *path,
             sqlite3_stmt *insert_cell,
             BdRow        *row,
             guint         n_columns,
             GError      **error)
{
  for (guint c = 0; c < n_columns; c++)
    {
      if (row->published_mask & (1u << c))
        sqlite3_bind_int64 (insert_cell, 4, row->published[c]);
      else
        sqlite3_bind_null (insert_cell, 4);
      if (!bd_store_sql_run (db, path, insert_cell, error, "IiI", row->id, (int) c, row->values[c]))
        return FALSE;
    }
  return TRUE;
}

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
  if (!bd_store_sql_run (db, path, statements->row, error, "iiitti",
                         (int) schedule, part, (int) position, row->code, row->name, (int) row->is_leaf))
    return FALSE;
  row->id = sqlite3_last_insert_rowid (db);
  /* Where an imported row was read: only imported rows have a line here. */
  if ((row->source_page != 0 || row->source_line != 0 || row->source_sheet != NULL)
      && !bd_store_sql_run (db, path, statements->source, error, "Iiiit", row->id, (int) row->source_page,
                            (int) row->source_line, (int) row->source_column, row->source_sheet))
    return FALSE;
  return write_cells (db, path, statements->cell, row, n_columns, error);
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
    "INSERT OR REPLACE INTO schedule (number, note, title_year, source_page, source_line, source_sheet)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) clear = bd_store_sql_prepare (db, path, "DELETE FROM schedule_row WHERE schedule = ?", error);
  g_autoptr(sqlite3_stmt) insert_row = bd_store_sql_prepare (db, path,
    "INSERT INTO schedule_row (schedule, part, position, code, name, is_leaf) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) insert_cell = bd_store_sql_prepare (db, path,
    "INSERT INTO cell (row_id, col, value, published) VALUES (?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) insert_source = bd_store_sql_prepare (db, path,
    "INSERT INTO row_source (row_id, page, line, col, sheet) VALUES (?, ?, ?, ?, ?)", error);
  RowStatements rs = { insert_row, insert_cell, insert_source };

  if (stmt == NULL || clear == NULL || insert_row == NULL || insert_cell == NULL || insert_source == NULL)
    return FALSE;
  if (!bd_store_sql_run (db, path, clear, error, "i", (int) def->number)
      || !bd_store_sql_run (db, path, stmt, error, "itiiit", (int) def->number, schedule->note, schedule->title_year,
                            (int) schedule->source_page, (int) schedule->source_line, schedule->source_sheet))
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
  if (schedule->carryover != NULL)
    for (int part = BD_ROW_PART_CARRYOVER; part <= BD_ROW_PART_EXPENSE_GRAND; part++)
      if (!write_row (db, path, &rs, def->number, part, 0, bd_schedule_carry_part (schedule, part),
                      bd_schedule_part_columns (schedule, part), error))
        return FALSE;
  return TRUE;
}

/* The document's rule profile goes with its header. */
static gboolean
write_rule_profile (sqlite3    *db,
                    const char *path,
                    BdDocument *doc,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_refill (db, path,
    "INSERT INTO rule_setting (rule, setting) VALUES (?, ?)", error);
  g_autoptr(sqlite3_stmt) threshold = insert == NULL ? NULL : bd_store_sql_refill (db, path,
    "INSERT INTO rule_threshold (name, percent) VALUES (?, ?)", error);
  GHashTableIter iter;
  gpointer key, value;

  if (threshold == NULL)
    return FALSE;
  /* The profile holds both: the thresholds (numbers) have their own table. */
  g_hash_table_iter_init (&iter, doc->rule_profile);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (bd_rules_threshold_lookup (key, NULL)
        ? !bd_store_sql_run (db, path, threshold, error, "tI", (const char *) key, g_ascii_strtoll (value, NULL, 10))
        : !bd_store_sql_run (db, path, insert, error, "tt", (const char *) key, (const char *) value))
      return FALSE;
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

  return bd_store_sql_run (db, path, stmt, error, "titti",
                           doc->department, (int) doc->year, doc->title, doc->attachment, (int) doc->framework)
    && write_rule_profile (db, path, doc, error);
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
    "INSERT INTO paragraph (section, position, text, to_review) VALUES (?, ?, ?, ?)", error);
  guint position = 0;

  if (clear == NULL || insert == NULL || paragraph == NULL)
    return FALSE;
  g_ptr_array_find (doc->sections, section, &position);
  if (!bd_store_sql_run (db, path, clear, error, "t", section->id)
      || !bd_store_sql_run (db, path, insert, error, "tit", section->id, (int) position, section->title))
    return FALSE;
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (section->paragraphs, i);

      if (!bd_store_sql_run (db, path, paragraph, error, "titi", section->id, (int) i, text,
                             (int) bd_section_is_to_review (section, text)))
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
  g_autoptr(sqlite3_stmt) figure = bd_store_sql_refill (db, path, "INSERT INTO figure (key, value, unit) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) last_year = figure == NULL ? NULL
    : bd_store_sql_refill (db, path, "INSERT INTO last_year (key, value) VALUES (?, ?)", error);
  GHashTableIter iter;
  gpointer key, value;

  if (last_year == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const BdFigure *f = value;
      if (!bd_store_sql_run (db, path, figure, error, "tIi", (const char *) key, f->value, (int) f->unit))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, doc->last_year);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!bd_store_sql_run (db, path, last_year, error, "tI", (const char *) key, *(gint64 *) value))
      return FALSE;
  return TRUE;
}

gboolean
bd_store_write_extra_codes (sqlite3     *db,
                            const char  *path,
                            BdDocument  *doc,
                            gpointer     unused,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_refill (db, path,
    "INSERT INTO extra_code (classification, code, name) VALUES (?, ?, ?)", error);

  if (insert == NULL)
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (doc->extra_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, doc->extra_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        if (!bd_store_sql_run (db, path, insert, error, "itt", (int) c, (const char *) code, (const char *) name))
          return FALSE;
    }
  return TRUE;
}

/* What the import read from a document at odds with itself: the checker
 * reports it (as-printed) whenever the document is opened. */
static gboolean
write_import_notes (sqlite3    *db,
                    const char *path,
                    BdDocument *doc,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = bd_store_sql_refill (db, path,
    "INSERT INTO import_note (position, part, row_label, page, line, message) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (insert == NULL)
    return FALSE;
  for (guint i = 0; doc->import_notes != NULL && i < doc->import_notes->len; i++)
    {
      const BdImportNote *note = g_ptr_array_index (doc->import_notes, i);

      if (!bd_store_sql_run (db, path, insert, error, "iitiit", (int) i, (int) note->part, note->row,
                             (int) note->page, (int) note->line, note->message))
        return FALSE;
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
    && bd_store_write_extra_codes (db, path, doc, NULL, error) && write_import_notes (db, path, doc, error);
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

  return bd_store_sql_run (db, path, stmt, error, "IiI",
                           edit->row->id, (int) edit->column, edit->row->values[edit->column]);
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

  return stmt != NULL && write_cells (db, path, stmt, edit->row, edit->n_columns, error);
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

  return bd_store_sql_run (db, path, stmt, error, "ttI", row->name, row->code, row->id);
}
