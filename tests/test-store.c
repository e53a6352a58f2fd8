/* The document file: what goes in comes out, edits persist one transaction
 * at a time, and a file that is not ours is never written to. */

#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "bd-catalog.h"
#include "bd-generator.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-store-test-util.h"

typedef StoreFixture Fixture;

static void
test_save_and_load (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BdDocument) original = bd_test_load_seed ();
  g_autoptr(BdDocument) loaded = NULL;
  g_autofree char *expected = bd_document_dump (original);
  g_autofree char *actual = NULL;
  BdRow *row;

  save_seed (fixture->path);
  loaded = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  actual = bd_document_dump (loaded);
  g_assert_cmpstr (actual, ==, expected);

  row = bd_schedule_find_row (bd_document_get_schedule (loaded, 3), "2120199");
  g_assert_cmpint (row->values[1], ==, Y (7959673, 40));
  g_assert_cmpint (row->id, >, 0);
}

static void
test_edit_persists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = open_seed_copy (fixture->path, &store);
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  BdRow *row;

  /* The fix of the seed's first error, as one edit. */
  row = bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208");
  row->values[0] = Y (1616095, 0);
  g_assert_true (bd_store_update_amount (store, row, 0, &error));
  g_assert_no_error (error);

  /* A new leaf with its parents, stored with its schedule. */
  row = bd_schedule_insert_leaf (bd_document_get_schedule (doc, 2), "2010101", "行政运行");
  row->values[1] = Y (5000, 0);
  g_assert_true (bd_store_save_schedule (store, bd_document_get_schedule (doc, 2), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (again, 1), "208")->values[0], ==, Y (1616095, 0));
  /* The figure the document was published with is kept beside it. */
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (again, 1), "208")->published[0], ==, Y (1616095, 40));
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (again, 2), "201")->values[0], ==, Y (5000, 0));
  g_assert_cmpstr (bd_schedule_find_row (bd_document_get_schedule (again, 2), "20101")->name, ==, "人大事务");
  g_assert_cmpint (bd_document_get_schedule (again, 2)->total->values[0], ==, Y (17727077, 40));
}

static void
test_transaction_rolls_back (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = open_seed_copy (fixture->path, &store);
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  BdRow *row;

  row = bd_schedule_find_row (bd_document_get_schedule (doc, 3), "2120199");

  g_assert_true (bd_store_begin (store, &error));
  row->values[1] = 1;
  g_assert_true (bd_store_update_amount (store, row, 1, &error));
  row->values[2] = 2;
  g_assert_true (bd_store_update_amount (store, row, 2, &error));
  bd_store_rollback (store);
  g_clear_object (&store);

  again = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  row = bd_schedule_find_row (bd_document_get_schedule (again, 3), "2120199");
  g_assert_cmpint (row->values[1], ==, Y (7959673, 40));
  g_assert_cmpint (row->values[2], ==, Y (6826475, 0));
}

/* Format 6 added the table of the document's thresholds. */
#define FORMAT_6_UNDONE "DROP TABLE rule_threshold;"

/* What turns a file of format 5 back into one of format 4, as BudgetDesk
 * before format 5 wrote it (the columns dropped last to first: SQLite then
 * gives back the statements exactly as they were). */
#define FORMAT_5_UNDONE \
  FORMAT_6_UNDONE "DROP TABLE row_source; DROP TABLE import_note;" \
  " ALTER TABLE schedule DROP COLUMN source_sheet; ALTER TABLE schedule DROP COLUMN source_line;" \
  " ALTER TABLE schedule DROP COLUMN source_page; ALTER TABLE paragraph DROP COLUMN to_review;" \
  " ALTER TABLE project DROP COLUMN to_review;"

static void
make_database (const char *path,
               const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.budget", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "places.sqlite", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.budget", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.budget", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (text, "收入预算1,772.21万元\n", -1, NULL));
  assert_open_refused (text, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_NOT_A_DATABASE, "not a BudgetDesk document");

  make_database (foreign, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)");
  assert_open_refused (foreign, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_FOREIGN, "another program");

  assert_open_refused (missing, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_NOT_FOUND, "does not exist");
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (bd_store_open (fixture->dir, BD_STORE_OPEN_DEFAULT, &error));
    g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "is not a file"));
  }

  /* Half a document: cut after its first pages. */
  save_seed (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BdStore) store = bd_store_open (truncated, BD_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(BdDocument) doc = store ? bd_store_load (store, &error) : NULL;

    g_assert_null (doc);
    g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged"));
  }
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", BD_STORE_SCHEMA_VERSION + 1);

  save_seed (fixture->path);
  make_database (fixture->path, sql);
  assert_open_refused (fixture->path, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_NEWER_VERSION, "newer BudgetDesk");
}

static void
test_failed_save_leaves_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *inside_missing = g_build_filename (fixture->dir, "no-such-folder", "x.budget", NULL);

  g_assert_false (bd_store_save_as (doc, inside_missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (inside_missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the document would go: it stays a folder, and nothing
   * is left beside it. */
  {
    g_autofree char *folder = g_build_filename (fixture->dir, "a-folder.budget", NULL);
    g_autofree char *listed = NULL;
    g_autofree char *listed_after = NULL;

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    listed = folder_listing (fixture->dir);
    g_assert_false (bd_store_save_as (doc, folder, &error));
    g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "could not be written"));
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    listed_after = folder_listing (fixture->dir);
    g_assert_cmpstr (listed, ==, listed_after);
    g_rmdir (folder);
  }
}

static void
test_read_only_refuses_edits (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BdRow *row;

  save_seed (fixture->path);
  before = checksum_of (fixture->path);
  doc = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &store);
  row = bd_schedule_find_row (bd_document_get_schedule (doc, 1), "208");
  g_assert_false (bd_store_update_amount (store, row, 0, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* The stand-in for what a forged document would load (tests/evil-extension.c)
 * leaves a mark when loaded. */
static char *
arm_evil_extension (Fixture *fixture)
{
  const char *evil = g_getenv ("BD_EVIL_EXTENSION");
  g_autofree char *marker = g_build_filename (fixture->dir, "evil-was-loaded", NULL);
  sqlite3 *db;

  g_assert_nonnull (evil);
  g_setenv ("BD_EVIL_MARKER", marker, TRUE);

  /* It works: a connection that allows extensions loads it, and it says so. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_enable_load_extension (db, 1), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_load_extension (db, evil, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (marker), ==, 0);
  return g_steal_pointer (&marker);
}

static void
test_untrusted_schema (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *marker = arm_evil_extension (fixture);
  const char *evil = g_getenv ("BD_EVIL_EXTENSION");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  /* A document received from elsewhere, carrying views and triggers that
   * would load a library, call a function no BudgetDesk defines, or quietly
   * write into the document when the clerk edits it. */
  save_seed (fixture->path);
  sql = g_strdup_printf (
    "CREATE VIEW sneaky AS SELECT load_extension ('%1$s') AS x, evil_function () AS y;"
    "CREATE VIEW sneakier AS SELECT * FROM cell WHERE load_extension ('%1$s') IS NULL;"
    "CREATE TRIGGER on_cell AFTER UPDATE ON cell BEGIN"
    "  SELECT load_extension ('%1$s'); INSERT INTO last_year VALUES ('pwned.cell', 1); END;"
    "CREATE TRIGGER on_new_cell AFTER INSERT ON cell BEGIN INSERT INTO last_year VALUES ('pwned.new-cell', 1); END;"
    "CREATE TRIGGER on_paragraph AFTER INSERT ON paragraph BEGIN"
    "  SELECT evil_function (); INSERT INTO last_year VALUES ('pwned.paragraph', 1); END;"
    "CREATE TRIGGER on_figure BEFORE DELETE ON figure BEGIN SELECT load_extension ('%1$s'); END;"
    "CREATE TRIGGER on_project AFTER INSERT ON project BEGIN SELECT * FROM sneaky; END;",
    evil);
  make_database (fixture->path, sql);

  /* Refused on opening: its schema is not exactly one BudgetDesk writes
   * (since file format 3; before, it opened and views and triggers never ran). */
  assert_open_refused (fixture->path, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_CORRUPT, "is not as BudgetDesk writes it");
  g_assert_null (bd_store_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &error));
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (fixture->path, "SELECT count (*) FROM last_year WHERE key LIKE 'pwned%'"), ==, 0);
}

/* A table a document's reader relies on, swapped for a view that would
 * compute what it shows: the file is refused, unchanged. */
static void
test_table_swapped_for_view (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *marker = arm_evil_extension (fixture);
  g_autofree char *sql = g_strdup_printf (
    "DROP TABLE figure;"
    "CREATE VIEW figure AS SELECT 'other.goals.projects' AS key, load_extension ('%s') AS value, 2 AS unit",
    g_getenv ("BD_EVIL_EXTENSION"));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  save_seed (fixture->path);
  make_database (fixture->path, sql);
  before = checksum_of (fixture->path);
  assert_open_refused (fixture->path, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_CORRUPT, "its table “figure” is missing");
  store = bd_store_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

static void
test_extra_codes_and_migration (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(BdDocument) old = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;
  sqlite3 *db;

  /* A code the catalog lacks travels with the document. */
  bd_document_add_extra_code (doc, BD_CLASSIFICATION_FUNCTION, "2129901", "城运平台维护");
  g_assert_true (bd_store_save_as (doc, fixture->path, &error));
  again = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpstr (bd_document_lookup_code (again, BD_CLASSIFICATION_FUNCTION, "2129901"), ==, "城运平台维护");
  g_assert_cmpstr (bd_document_lookup_code (again, BD_CLASSIFICATION_FUNCTION, "208"), ==, "社会保障和就业支出");

  /* A file of version 1, as the first release wrote it. */
  make_database (fixture->path, FORMAT_5_UNDONE "DROP TABLE extra_code; DROP INDEX indicator_by_project;"
                 " DROP TABLE rule_setting; PRAGMA user_version = 1");
  old = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_null (bd_document_lookup_code (old, BD_CLASSIFICATION_FUNCTION, "2129901"));
  g_assert_cmpuint (bd_document_get_schedule (old, 8)->rows->len, ==, 30);

  /* Opened for writing, it is migrated to the current version and keeps everything. */
  store = bd_store_open (fixture->path, BD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    sqlite3_step (stmt);
    version = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_cmpint (version, ==, BD_STORE_SCHEMA_VERSION);
  g_clear_object (&again);
  again = bd_test_open (fixture->path, BD_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (again, 3), "2120199")->values[1], ==, Y (7959673, 40));
}

static gint64
file_version (const char *path)
{
  return count_rows (path, "PRAGMA user_version");
}

/* What format 5 stores, each read back: where the rows were read (a line
 * of the seed's text, a sheet's cell), a schedule's place, the import's
 * notes, a paragraph and a form to review. */
static void
test_provenance_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  BdRow *row = bd_schedule_find_row (s3, "2120199");
  BdSection *other = bd_document_get_section (doc, "other");
  const char *goals = g_ptr_array_index (other->paragraphs, 11);
  g_autofree char *place = NULL;
  const BdImportNote *note;

  /* data/minhang-cityops-2024.md: schedule 3's title on line 144, its row
   * 212 01 99 其他城乡社区管理事务支出 on line 164. */
  g_assert_cmpuint (s3->source_line, ==, 144);
  g_assert_cmpuint (row->source_line, ==, 164);
  /* Schedule 8's row 30201 as a workbook would give it: sheet 表8, cell B7. */
  row = bd_schedule_find_row (bd_document_get_schedule (doc, 8), "30201");
  row->source_line = 7, row->source_column = 2, row->source_sheet = g_intern_string ("表8");
  bd_document_get_schedule (doc, 8)->source_sheet = g_intern_string ("表8");
  bd_document_add_import_note (doc, BD_PART_SCHEDULE_2, "21201", 12, g_strdup ("款 printed as “2”"));
  g_assert_true (g_str_has_prefix (goals, "按照本区预算绩效管理工作的总体要求"));
  bd_section_set_to_review (other, goals, TRUE);
  ((BdProject *) g_ptr_array_index (doc->projects, 0))->to_review = TRUE;
  g_assert_true (bd_store_save_as (doc, fixture->path, &error));
  g_assert_no_error (error);

  again = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  s3 = bd_document_get_schedule (again, 3);
  g_assert_cmpuint (s3->source_line, ==, 144);
  g_assert_cmpuint (bd_schedule_find_row (s3, "2120199")->source_line, ==, 164);
  g_assert_cmpuint (bd_schedule_find_row (s3, "2120199")->source_page, ==, 0);
  row = bd_schedule_find_row (bd_document_get_schedule (again, 8), "30201");
  place = bd_row_source_text (row);
  g_assert_cmpstr (place, ==, "sheet “表8”, cell B7");
  g_assert_cmpstr (bd_document_get_schedule (again, 8)->source_sheet, ==, "表8");
  g_assert_nonnull (again->import_notes);
  g_assert_cmpuint (again->import_notes->len, ==, 1);
  note = g_ptr_array_index (again->import_notes, 0);
  g_assert_cmpint (note->part, ==, BD_PART_SCHEDULE_2);
  g_assert_cmpstr (note->row, ==, "21201");
  g_assert_cmpuint (note->page, ==, 12);
  g_assert_cmpstr (note->message, ==, "款 printed as “2”");
  other = bd_document_get_section (again, "other");
  g_assert_cmpuint (g_hash_table_size (other->to_review), ==, 1);
  g_assert_true (bd_section_is_to_review (other, g_ptr_array_index (other->paragraphs, 11)));
  g_assert_true (((BdProject *) g_ptr_array_index (again->projects, 0))->to_review);
}

/* A file of format 4, as BudgetDesk wrote it before: read as it is (the
 * file unchanged, nothing of format 5 in it), and upgraded by the first
 * writer, which then stores what format 5 adds. */
static void
test_format_4_migration (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) old = NULL;
  g_autoptr(BdDocument) upgraded = NULL;
  g_autoptr(BdDocument) again = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BdSection *other;

  g_assert_true (bd_store_save_as (doc, fixture->path, &error));
  make_database (fixture->path, FORMAT_5_UNDONE " PRAGMA user_version = 4");
  g_assert_cmpint (file_version (fixture->path), ==, 4);
  before = checksum_of (fixture->path);
  old = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (bd_schedule_find_row (bd_document_get_schedule (old, 3), "2120199")->source_line, ==, 0);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (old, 3), "2120199")->values[1], ==, Y (7959673, 40));
  g_assert_false (((BdProject *) g_ptr_array_index (old->projects, 0))->to_review);

  /* Opened for writing: the format of today, and a flag stored like any edit. */
  upgraded = bd_test_open (fixture->path, BD_STORE_OPEN_DEFAULT, &store);
  g_assert_cmpint (file_version (fixture->path), ==, BD_STORE_SCHEMA_VERSION);
  other = bd_document_get_section (upgraded, "other");
  bd_section_set_to_review (other, g_ptr_array_index (other->paragraphs, 11), TRUE);
  g_assert_true (bd_store_save_section (store, upgraded, other, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  again = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpuint (g_hash_table_size (bd_document_get_section (again, "other")->to_review), ==, 1);
  g_assert_cmpint (bd_schedule_find_row (bd_document_get_schedule (again, 3), "2120199")->values[1], ==, Y (7959673, 40));
}

/* A program that changes @path in WAL mode, as BudgetDesk before file format 3
 * did, and is killed before it checkpoints: its edits stay in the -wal. */
static void
leave_wal (const char *path,
           const char *sql)
{
  pid_t child = fork ();
  int status;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      sqlite3 *db;
      g_autofree char *script = g_strconcat ("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; ", sql, NULL);

      if (sqlite3_open (path, &db) != SQLITE_OK || sqlite3_exec (db, script, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_stale_journal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.budget", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(BdDocument) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* A document a killed program was editing has its write-ahead log beside it… */
  save_seed (fixture->path);
  leave_wal (fixture->path, "UPDATE cell SET value = 1");
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);

  /* …and one left behind lies beside a path a new document is then saved
   * to. It must not be replayed onto it. */
  g_assert_true (g_file_set_contents (other_wal, contents, length, NULL));
  fresh = bd_generate_document (300, 7);
  g_assert_true (bd_store_save_as (fresh, other, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (other_wal, G_FILE_TEST_EXISTS));
  doc = bd_test_open (other, BD_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpstr (doc->department, ==, "合成测试单位");
}

/* Values a well-formed database can hold but BudgetDesk never writes: each
 * would reach code that trusts the file (a NULL key crashed loading). */
static void
test_forged_values (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *says;
  } cases[] = {
    { "INSERT INTO figure VALUES (NULL, 1, 0)", "its table “figure” holds values BudgetDesk never writes" },
    { "INSERT INTO last_year VALUES (NULL, 1)", "its table “last_year” holds values" },
    { "INSERT INTO section VALUES (NULL, 99, '附')", "its table “section” holds values" },
    { "UPDATE paragraph SET text = CAST (x'e4b8ff' AS TEXT) WHERE position = 0", "its table “paragraph” holds values" },
    { "UPDATE schedule_row SET name = CAST (x'c0af' AS TEXT) WHERE id = 1", "its table “schedule_row” holds values" },
    { "UPDATE cell SET value = 'abc' WHERE col = 1", "its table “cell” holds values" },
    { "UPDATE cell SET published = 1.5 WHERE col = 1", "its table “cell” holds values" },
    { "UPDATE figure SET unit = 77", "its table “figure” holds values" },
    { "UPDATE document SET year = -2147483648", "its table “document” holds values" },
    { "UPDATE project SET name = x'ff00'", "its table “project” holds values" },
    { "UPDATE indicator SET target = CAST (x'80' AS TEXT)", "its table “indicator” holds values" },
    { "INSERT INTO extra_code VALUES (0, '2129901', x'fe')", "its table “extra_code” holds values" },
    /* Format 5: where the rows were read, the import's notes, the flags. */
    { "UPDATE row_source SET page = -1", "its table “row_source” holds values" },
    { "UPDATE row_source SET sheet = x'ff'", "its table “row_source” holds values" },
    { "UPDATE schedule SET source_line = 'abc' WHERE number = 3", "its table “schedule” holds values" },
    { "INSERT INTO import_note VALUES (0, 99, NULL, 0, 0, 'x')", "its table “import_note” holds values" },
    { "INSERT INTO import_note VALUES (0, 3, NULL, 0, 0, x'ff')", "its table “import_note” holds values" },
    { "UPDATE paragraph SET to_review = 2 WHERE position = 0", "its table “paragraph” holds values" },
    { "UPDATE project SET to_review = 'yes'", "its table “project” holds values" },
    /* Sums of these would overflow. */
    { "UPDATE cell SET value = 9223372036854775807 WHERE col = 0", "its amounts are too large to add up" },
    { "UPDATE project SET total_funds = -9223372036854775808", "its amounts are too large to add up" },
    { "UPDATE cell SET published = 4611686018427387904 WHERE row_id = 1 AND col = 0", "too large to add up" },
    { "DROP TABLE last_year", "its table “last_year” is missing" },
    /* Found by fuzz-tamper: schedule 9 without its row crashed the checker. */
    { "DELETE FROM schedule_row WHERE part = 0", "rows of schedule 9 are missing" },
    { "DELETE FROM schedule_row WHERE part = 1 AND schedule = 3", "rows of schedule 3 are missing" },
    { "DELETE FROM schedule_row WHERE part = 2 AND code = 'business'", "rows of schedule 1 are missing" },
    { "DELETE FROM schedule WHERE number = 7", "rows of schedule 7 are missing" },
    { "INSERT INTO schedule_row (schedule, part, position, code, name, is_leaf) VALUES (9, 0, 1, '', '', 1)",
      "rows of schedule 9" },
    { "ALTER TABLE figure RENAME COLUMN unit TO kind", "its “figure” is not as BudgetDesk writes it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BdStore) store = NULL;

      save_seed (fixture->path);
      make_database (fixture->path, cases[i].sql);
      assert_open_refused (fixture->path, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_CORRUPT, cases[i].says);
      store = bd_store_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &error);
      g_assert_null (store);
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "open a backup copy"));
    }

  /* The largest amounts the money parser takes, in every leaf, still open. */
  save_seed (fixture->path);
  make_database (fixture->path, "UPDATE cell SET value = 99999999999999999 WHERE row_id < 8 AND col = 1");
  {
    g_autoptr(BdDocument) doc = bd_test_open (fixture->path, BD_STORE_OPEN_READ_ONLY, NULL);
    g_assert_nonnull (doc);
  }
}

static void
test_tampered_table (Fixture       *fixture,
                     gconstpointer  data)
{
  /* The schema edited by hand, as a forged file would be: a write or a
   * read of a table would call a function of the sender's, or load a
   * library (EVIL). Refused on opening, since file format 3: the schema is not
   * exactly one BudgetDesk writes; before, the file opened and the edit
   * touching the table was refused. */
  static const char * const cases[] = {
    "UPDATE sqlite_schema SET sql = 'CREATE TABLE figure (key TEXT PRIMARY KEY, value INTEGER NOT NULL,"
    " unit INTEGER NOT NULL CHECK (evil_function (value) OR load_extension (''EVIL'')))' WHERE name = 'figure'",
    "UPDATE sqlite_schema SET sql = replace (sql, 'published INTEGER,',"
    " 'published INTEGER, sneak INTEGER AS (evil_function (value)) STORED,') WHERE name = 'cell'",
    /* A function whose name is not text: SQLite's message quotes it. */
    "UPDATE sqlite_schema SET sql = 'CREATE INDEX paragraph_evil ON paragraph (\"evil\xff\" (position))'"
    " WHERE name = 'paragraph_evil'",
    "UPDATE sqlite_schema SET sql = replace (sql, 'annual_goal TEXT)',"
    " 'annual_goal TEXT, CHECK (load_extension (''EVIL'') IS NULL))') WHERE name = 'project'",
    "UPDATE sqlite_schema SET sql = replace (sql, 'published INTEGER,',"
    " 'published INTEGER, sneak INTEGER AS (load_extension (''EVIL'')) STORED,') WHERE name = 'cell'",
    "UPDATE sqlite_schema SET sql = 'CREATE INDEX paragraph_evil ON paragraph (position)"
    " WHERE load_extension (''EVIL'') IS NULL' WHERE name = 'paragraph_evil'",
  };
  g_autofree char *marker = arm_evil_extension (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) sql = g_string_new (cases[i]);
      g_autoptr(GError) error = NULL;

      g_string_replace (sql, "EVIL", g_getenv ("BD_EVIL_EXTENSION"), 0);
      g_string_prepend (sql, "CREATE INDEX paragraph_evil ON paragraph (abs (position)); PRAGMA writable_schema = ON;");
      save_seed (fixture->path);
      make_database (fixture->path, sql->str);

      assert_open_refused (fixture->path, BD_STORE_OPEN_DEFAULT, BD_STORE_ERROR_CORRUPT, "damaged");
      g_assert_null (bd_store_open (fixture->path, BD_STORE_OPEN_READ_ONLY, &error));
      g_assert_error (error, BD_STORE_ERROR, BD_STORE_ERROR_CORRUPT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("%s", error->message);
    }
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/save-and-load", test_save_and_load);
  STORE_TEST ("/store/provenance-round-trip", test_provenance_round_trip);
  STORE_TEST ("/store/format-4-migration", test_format_4_migration);
  STORE_TEST ("/store/edit-persists", test_edit_persists);
  STORE_TEST ("/store/transaction-rolls-back", test_transaction_rolls_back);
  STORE_TEST ("/store/bad-files", test_bad_files);
  STORE_TEST ("/store/newer-version", test_newer_version);
  STORE_TEST ("/store/failed-save-leaves-nothing", test_failed_save_leaves_nothing);
  STORE_TEST ("/store/read-only-refuses-edits", test_read_only_refuses_edits);
  STORE_TEST ("/store/untrusted-schema", test_untrusted_schema);
  STORE_TEST ("/store/table-swapped-for-view", test_table_swapped_for_view);
  STORE_TEST ("/store/extra-codes-and-migration", test_extra_codes_and_migration);
  STORE_TEST ("/store/stale-journal", test_stale_journal);
  STORE_TEST ("/store/tampered-table", test_tampered_table);
  STORE_TEST ("/store/forged-values", test_forged_values);

  return g_test_run ();
}
