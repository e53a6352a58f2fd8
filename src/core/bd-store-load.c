/* Reading the document back from the file. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-store-private.h"

static BdRow *
read_row (sqlite3_stmt *stmt)
{
  BdRow *row = bd_row_new ((const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));

  row->id = sqlite3_column_int64 (stmt, 0);
  row->is_leaf = sqlite3_column_int (stmt, 4);
  return row;
}

/* Puts @row, just read, where its part says: a row of the table is added;
 * the 合计 and income rows every schedule has take its id (and the 合计 its
 * name). Returns the row the document holds, or NULL when it has no place. */
static BdRow *
place_row (BdSchedule *schedule,
           int         part,
           BdRow      *row)
{
  BdRow *placed = NULL;

  switch (part)
    {
    case BD_ROW_PART_TABLE:
      g_ptr_array_add (schedule->rows, row);
      return row;
    case BD_ROW_PART_TOTAL:
      placed = schedule->total;
      if (placed != NULL)
        {
          g_free (placed->name);
          placed->name = g_strdup (row->name);
        }
      break;
    case BD_ROW_PART_INCOME:
      for (guint i = 0; schedule->income != NULL && i < schedule->income->len && placed == NULL; i++)
        if (strcmp (((BdRow *) g_ptr_array_index (schedule->income, i))->code, row->code) == 0)
          placed = g_ptr_array_index (schedule->income, i);
      break;
    case BD_ROW_PART_CARRYOVER:
    case BD_ROW_PART_CARRY_FORWARD:
    case BD_ROW_PART_INCOME_GRAND:
    case BD_ROW_PART_EXPENSE_GRAND:
      /* The carry-over rows come as a set, named as printed. */
      if (schedule->income == NULL)
        break;
      bd_schedule_add_carryover (schedule, part == BD_ROW_PART_CARRYOVER ? row->name : NULL,
                                 part == BD_ROW_PART_CARRY_FORWARD ? row->name : NULL);
      placed = bd_schedule_carry_part (schedule, part);
      break;
    case BD_ROW_PART_INCOME_TOTAL:
    default:
      placed = schedule->income_total;
      break;
    }
  if (placed != NULL)
    placed->id = row->id;
  bd_row_free (row);
  return placed;
}

static gboolean
load_rows (BdStore      *self,
           BdSchedule   *schedule,
           sqlite3_stmt *rows,
           GHashTable   *by_id,
           GError      **error)
{
  int rc;

  g_ptr_array_set_size (schedule->rows, 0);
  sqlite3_bind_int (rows, 1, schedule->def->number);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      BdRow *row = place_row (schedule, sqlite3_column_int (rows, 1), read_row (rows));

      if (row != NULL)
        g_hash_table_insert (by_id, &row->id, row);
    }
  sqlite3_reset (rows);
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_cells (BdStore      *self,
            BdSchedule   *schedule,
            sqlite3_stmt *cells,
            GHashTable   *by_id,
            GError      **error)
{
  int rc;

  sqlite3_bind_int (cells, 1, schedule->def->number);
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
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

/* Where each imported row was read (format 5), given to the rows loaded. */
static gboolean
load_row_sources (BdStore    *self,
                  GHashTable *by_id,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) sources = NULL;
  int rc;

  if (self->version < 5)
    return TRUE;
  sources = bd_store_sql_prepare (self->db, self->path, "SELECT row_id, page, line, col, sheet FROM row_source", error);
  if (sources == NULL)
    return FALSE;
  while ((rc = sqlite3_step (sources)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (sources, 0);
      BdRow *row = g_hash_table_lookup (by_id, &row_id);

      if (row == NULL)
        continue;
      row->source_page = sqlite3_column_int (sources, 1);
      row->source_line = sqlite3_column_int (sources, 2);
      row->source_column = sqlite3_column_int (sources, 3);
      row->source_sheet = sqlite3_column_type (sources, 4) == SQLITE_NULL ? NULL
        : g_intern_string ((const char *) sqlite3_column_text (sources, 4));
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_schedules (BdStore    *self,
                BdDocument *doc,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) schedules = bd_store_sql_prepare (self->db, self->path, self->version >= 5
    ? "SELECT number, note, title_year, source_page, source_line, source_sheet FROM schedule"
    : "SELECT number, note, title_year, 0, 0, NULL FROM schedule", error);
  g_autoptr(sqlite3_stmt) rows = bd_store_sql_prepare (self->db, self->path,
    "SELECT id, part, code, name, is_leaf FROM schedule_row WHERE schedule = ? ORDER BY part, position", error);
  g_autoptr(sqlite3_stmt) cells = bd_store_sql_prepare (self->db, self->path,
    "SELECT row_id, col, value, published FROM cell WHERE row_id IN "
    "(SELECT id FROM schedule_row WHERE schedule = ?) ORDER BY row_id", error);
  /* Every row of the document by its id: row ids are the file's, unique. */
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (schedules == NULL || rows == NULL || cells == NULL)
    return FALSE;

  while ((rc = sqlite3_step (schedules)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (schedules, 0);
      BdSchedule *schedule;

      if (number < 1 || number > BD_N_SCHEDULES)
        continue;
      schedule = bd_document_get_schedule (doc, number);
      g_free (schedule->note);
      schedule->note = bd_store_sql_column_text (schedules, 1);
      schedule->title_year = sqlite3_column_int (schedules, 2);
      schedule->source_page = sqlite3_column_int (schedules, 3);
      schedule->source_line = sqlite3_column_int (schedules, 4);
      schedule->source_sheet = sqlite3_column_type (schedules, 5) == SQLITE_NULL ? NULL
        : g_intern_string ((const char *) sqlite3_column_text (schedules, 5));
      if (!load_rows (self, schedule, rows, by_id, error) || !load_cells (self, schedule, cells, by_id, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return load_row_sources (self, by_id, error);
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
      for (int part = BD_ROW_PART_CARRYOVER; whole && schedule->carryover && part <= BD_ROW_PART_EXPENSE_GRAND; part++)
        whole = bd_schedule_carry_part (schedule, part)->id != 0;
      if (!whole)
        return bd_store_rows_missing (error, self->path, number);
    }
  return TRUE;
}

static gboolean
load_sections (BdStore    *self,
               BdDocument *doc,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) sections = bd_store_sql_prepare (self->db, self->path,
    "SELECT id, title FROM section ORDER BY position", error);
  /* A file older than format 5 opened read-only has no to_review: none is. */
  g_autoptr(sqlite3_stmt) paragraphs = bd_store_sql_prepare (self->db, self->path, self->version >= 5
    ? "SELECT text, to_review FROM paragraph WHERE section = ? ORDER BY position"
    : "SELECT text, 0 FROM paragraph WHERE section = ? ORDER BY position", error);
  int rc;

  if (sections == NULL || paragraphs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (sections)) == SQLITE_ROW)
    {
      BdSection *section = bd_section_new ((const char *) sqlite3_column_text (sections, 0),
                                           (const char *) sqlite3_column_text (sections, 1));
      g_ptr_array_add (doc->sections, section);
      bd_store_sql_bind_text (paragraphs, 1, section->id);
      while ((rc = sqlite3_step (paragraphs)) == SQLITE_ROW)
        {
          char *text = bd_store_sql_column_text (paragraphs, 0);

          g_ptr_array_add (section->paragraphs, text);
          if (text != NULL && sqlite3_column_int (paragraphs, 1))
            bd_section_set_to_review (section, text, TRUE);
        }
      sqlite3_reset (paragraphs);
      if (rc != SQLITE_DONE)
        return bd_store_sql_error (error, self->db, self->path, rc);
    }
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_figures (BdStore    *self,
              BdDocument *doc,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) figures = bd_store_sql_prepare (self->db, self->path, "SELECT key, value, unit FROM figure", error);
  g_autoptr(sqlite3_stmt) last_year = bd_store_sql_prepare (self->db, self->path, "SELECT key, value FROM last_year", error);
  int rc;

  if (figures == NULL || last_year == NULL)
    return FALSE;
  while ((rc = sqlite3_step (figures)) == SQLITE_ROW)
    bd_document_set_figure (doc, (const char *) sqlite3_column_text (figures, 0),
                            sqlite3_column_int64 (figures, 1), sqlite3_column_int (figures, 2));
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  while ((rc = sqlite3_step (last_year)) == SQLITE_ROW)
    bd_document_set_last_year (doc, (const char *) sqlite3_column_text (last_year, 0),
                               sqlite3_column_int64 (last_year, 1));
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
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
  codes = bd_store_sql_prepare (self->db, self->path, "SELECT classification, code, name FROM extra_code", error);
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
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

/* What the import noted (format 5): the as-printed findings. */
static gboolean
load_import_notes (BdStore    *self,
                   BdDocument *doc,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) notes = NULL;
  int rc;

  if (self->version < 5)
    return TRUE;
  notes = bd_store_sql_prepare (self->db, self->path,
                                "SELECT part, row_label, page, message, line FROM import_note ORDER BY position", error);
  if (notes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (notes)) == SQLITE_ROW)
    bd_document_add_import_note (doc, sqlite3_column_int (notes, 0), (const char *) sqlite3_column_text (notes, 1),
                                 sqlite3_column_int (notes, 2), bd_store_sql_column_text (notes, 3))->line
      = sqlite3_column_int (notes, 4);
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

/* Each (key, value) row @sql selects into the document's rule profile. */
static gboolean
load_profile_pairs (BdStore    *self,
                    BdDocument *doc,
                    const char *sql,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) pairs = bd_store_sql_prepare (self->db, self->path, sql, error);
  int rc;

  if (pairs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (pairs)) == SQLITE_ROW)
    g_hash_table_replace (doc->rule_profile, g_strdup ((const char *) sqlite3_column_text (pairs, 0)),
                          g_strdup ((const char *) sqlite3_column_text (pairs, 1)));
  if (rc != SQLITE_DONE)
    return bd_store_sql_error (error, self->db, self->path, rc);
  return TRUE;
}

static gboolean
load_rule_profile (BdStore    *self,
                   BdDocument *doc,
                   GError    **error)
{
  /* A file older than version 4 opened read-only has none. */
  if (self->version < 4)
    return TRUE;
  if (!load_profile_pairs (self, doc, "SELECT rule, setting FROM rule_setting", error))
    return FALSE;
  /* Into the same profile, as the whole per cent bd_rule_profile_set keeps
   * (an integer read as text is its digits: "12"). */
  return self->version < 6 || load_profile_pairs (self, doc, "SELECT name, percent FROM rule_threshold", error);
}

/* The header row, from which the document is made. */
static BdDocument *
load_header (BdStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) header = NULL;
  BdDocument *doc;
  int rc;

  header = bd_store_sql_prepare (self->db, self->path,
                                 "SELECT department, year, title, attachment, framework FROM document WHERE id = 1",
                                 error);
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
        bd_store_sql_error (error, self->db, self->path, rc);
      return NULL;
    }

  doc = bd_document_new ((const char *) sqlite3_column_text (header, 0), sqlite3_column_int (header, 1));
  doc->title = bd_store_sql_column_text (header, 2);
  /* The file holds no kind of document: a unit budget is told by its title. */
  bd_document_set_unit_budget (doc, bd_title_is_unit_budget (doc->title));
  doc->attachment = bd_store_sql_column_text (header, 3);
  doc->framework = sqlite3_column_int (header, 4) == BD_FRAMEWORK_THREE_CATEGORIES
    ? BD_FRAMEWORK_THREE_CATEGORIES : BD_FRAMEWORK_FOUR_CATEGORIES;
  return doc;
}

BdDocument *
bd_store_read_document (BdStore  *self,
                        GError  **error)
{
  g_autoptr(BdDocument) doc = load_header (self, error);

  if (doc == NULL)
    return NULL;
  if (!bd_store_sql_exec (self->db, self->path, "BEGIN", error))
    return NULL;
  if (!load_schedules (self, doc, error) || !check_rows_loaded (self, doc, error)
      || !load_sections (self, doc, error)
      || !load_figures (self, doc, error) || !bd_store_load_projects (self->db, self->path, self->version, doc, error)
      || !load_extra_codes (self, doc, error) || !load_rule_profile (self, doc, error)
      || !load_import_notes (self, doc, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  bd_document_recompute (doc);
  return g_steal_pointer (&doc);
}
