/* Helpers shared by the tests. */
#pragma once

#include <string.h>
#include <sys/wait.h>
#include <glib.h>

#include "bd-checker.h"
#include "bd-editor.h"
#include "bd-importer.h"
#include "bd-pdf-import.h"
#include "bd-store.h"

/* One of the real published documents in tests/real (BD_REAL), as
 * imported. */
static inline BdDocument *
bd_test_load_real (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("BD_REAL"), file, NULL);
  g_autoptr(GError) error = NULL;
  BdDocument *doc = bd_import_any_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The bundled seed: the 2024 budget of the Minhang city operations centre. */
static inline BdDocument *
bd_test_load_seed (void)
{
  const char *path = g_getenv ("BD_SEED");
  g_autoptr(GError) error = NULL;
  BdDocument *doc;

  g_assert_nonnull (path);
  doc = bd_import_published_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static inline char *
bd_test_read_seed_text (void)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("BD_SEED"), &text, NULL, NULL));
  return text;
}

/* The document at @path, opened with @flags; its store in @store_out if
 * asked for. */
static inline BdDocument *
bd_test_open (const char       *path,
              BdStoreOpenFlags  flags,
              BdStore         **store_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = bd_store_open (path, flags, &error);
  BdDocument *doc;

  g_assert_no_error (error);
  doc = bd_store_load (store, &error);
  g_assert_no_error (error);
  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return doc;
}

/* @doc saved as a new file at @path, then opened with @flags as
 * bd_test_open() does: the document as the file gives it back. */
static inline BdDocument *
bd_test_save_and_open (BdDocument        *doc,
                       const char        *path,
                       BdStoreOpenFlags   flags,
                       BdStore          **store_out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bd_store_save_as (doc, path, &error));
  g_assert_no_error (error);
  return bd_test_open (path, flags, store_out);
}

/* Row @code of schedule @schedule, which must be there. */
static inline BdRow *
bd_test_row (BdDocument *doc,
             guint       schedule,
             const char *code)
{
  BdRow *row = bd_schedule_find_row (bd_document_get_schedule (doc, schedule), code);

  g_assert_nonnull (row);
  return row;
}

/* The seed's text, to be changed into a variant of it. */
static inline GString *
bd_test_seed_string (void)
{
  g_autofree char *text = bd_test_read_seed_text ();

  return g_string_new (text);
}

/* The seed with the four rows of its two errors carrying the figures of
 * schedules 2, 3 and 5: the corrected document of guide §5. */
static inline BdDocument *
bd_test_load_corrected (void)
{
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(GError) error = NULL;
  BdDocument *doc;

  /* 1,616,095.40 and 14,786,148.00 appear only in the 208 and 212 rows of schedules 1 and 4. */
  g_assert_cmpuint (g_string_replace (text, "1,616,095.40", "1,616,095.00", 0), ==, 3);
  g_assert_cmpuint (g_string_replace (text, "14,786,148.00", "14,786,148.40", 0), ==, 3);
  doc = bd_import_published_text (text->str, text->len, &error);
  g_assert_no_error (error);
  return doc;
}

/* Finding @index of @findings, which must be there. */
static inline const BdFinding *
bd_test_finding_at (GPtrArray *findings,
                    guint      index)
{
  g_assert_cmpuint (index, <, findings->len);
  return g_ptr_array_index (findings, index);
}

/* @argv (a program on the PATH, or a path) run to its end: its exit status
 * (it must exit, not be killed); what it wrote on stdout and stderr in @out
 * and @err if asked for, else dropped (stdout would break into the test's
 * own TAP output; poppler's and gnumeric's tools warn about fonts). */
static inline int
bd_test_spawn (const char * const *argv,
               char              **out,
               char              **err)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH;
  int status = 0;

  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (err == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, flags, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* What @argv wrote on stdout; it must exit with status 0. */
static inline char *
bd_test_output_of (const char * const *argv)
{
  char *out = NULL;

  g_assert_cmpint (bd_test_spawn (argv, &out, NULL), ==, 0);
  return out;
}

/* 元 written as in the published tables, to 分: Y(1616095, 40). */
#define Y(yuan, fen) ((gint64) (yuan) * 100 + (fen))



/* The figure as the file at @path holds it, read by a second, read-only
 * opening; G_MININT64 when the row is not there. */
static inline gint64
bd_test_stored (const char *path,
                guint       schedule,
                const char *code,
                guint       column)
{
  g_autoptr(BdDocument) doc = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
  BdRow *row;

  row = bd_schedule_find_row (bd_document_get_schedule (doc, schedule), code);
  return row ? row->values[column] : G_MININT64;
}

/* The file's setting for @rule, read by a second, read-only opening. */
static inline char *
bd_test_stored_setting (const char *path,
                        const char *rule)
{
  g_autoptr(BdDocument) doc = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);

  return g_strdup (bd_rule_profile_get (doc, rule));
}

/* How many of @editor's findings are of @rule. */
static inline guint
bd_test_count_findings (BdEditor   *editor,
                        const char *rule)
{
  GPtrArray *findings = bd_editor_get_findings (editor);
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    count += strcmp (((BdFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0;
  return count;
}
