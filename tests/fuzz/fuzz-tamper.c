/* Fuzz target: a document edited by someone else's hands. The input is SQL,
 * run by a plain SQLite connection (schema writable, constraints off) over a
 * copy of the seed document; the result is then opened read-only and, if it
 * loads, checked, printed and written out as text as the window and the
 * command line would. Whatever the file holds: a message or a document,
 * never a crash.
 *
 * Byte-level mutation of a whole file (fuzz-open) rarely gets past SQLite's
 * own checks; this reaches what our code does with the values a
 * well-formed database can hold: NULLs, wrong types, text that is not
 * UTF-8, out-of-range numbers, tables swapped for views. */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bd-checker.h"
#include "bd-importer.h"
#include "bd-markdown-writer.h"
#include "bd-page-layout.h"
#include "bd-narrative.h"
#include "bd-store.h"
#include "bd-text-writer.h"
#include "fuzz-document.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static char *base;
static gsize base_length;

static void
make_base (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "base.budget", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_published_file (g_getenv ("BD_SEED"), &error);

  /* The seed has every part: schedules, sections, figures, a form. */
  g_assert (doc != NULL);
  bd_document_set_last_year (doc, "income.total", 100);
  g_assert (bd_store_save_as (doc, path, &error));
  g_assert (g_file_get_contents (path, &base, &base_length, NULL));
}

/* Only the document's own file may be changed: no other file is attached,
 * created or loaded, whatever the SQL says. */
static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *db_name,
           const char *trigger)
{
  if (action == SQLITE_ATTACH || action == SQLITE_DETACH)
    return SQLITE_DENY;
  if (action == SQLITE_PRAGMA && g_ascii_strcasecmp (arg1, "writable_schema") != 0
      && g_ascii_strcasecmp (arg1, "user_version") != 0 && g_ascii_strcasecmp (arg1, "application_id") != 0
      && g_ascii_strcasecmp (arg1, "schema_version") != 0)
    return SQLITE_DENY;
  if (action == SQLITE_FUNCTION && arg2 != NULL && g_ascii_strcasecmp (arg2, "load_extension") == 0)
    return SQLITE_DENY;
  return SQLITE_OK;
}

static int
enough (void *data)
{
  return ++*(guint *) data > 200;
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  guint ticks = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return;
    }
  sqlite3_exec (db, "PRAGMA max_page_count = 400; PRAGMA journal_mode = MEMORY;"
                "PRAGMA ignore_check_constraints = ON; PRAGMA writable_schema = ON", NULL, NULL, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_set_authorizer (db, authorize, NULL);
  sqlite3_progress_handler (db, 1000, enough, &ticks);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  const char *path = work_document ("bd-fuzz-tamper-XXXXXX");
  g_autofree char *sql = g_strndup ((const char *) data, size);
  g_autofree char *lower = g_ascii_strdown (sql, -1);
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  int fd;

  if (base == NULL)
    make_base (work_dir);
  /* VACUUM INTO writes another file. */
  if (strstr (lower, "vacuum") != NULL)
    return -1;

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert (fd >= 0);
  g_assert (write (fd, base, base_length) == (ssize_t) base_length);
  close (fd);
  tamper (path, sql);

  doc = load_or_refuse (path, BD_STORE_OPEN_READ_ONLY, TRUE, &store);
  if (doc == NULL)
    return 0;

  g_free (bd_document_dump (doc));
  g_ptr_array_unref (bd_check_document (doc));
  g_free (bd_markdown_write (doc));
  g_free (bd_text_write_part (doc, BD_PART_DOCUMENT));
  g_strfreev (bd_narrative_generate (doc, "narrative"));
  g_strfreev (bd_narrative_generate (doc, "other"));
  g_strfreev (bd_narrative_generate (doc, "employees"));

  /* The published pages, drawn where nothing is written. */
  {
    g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);

    for (guint page = 0; page < bd_page_layout_get_n_pages (layout); page++)
      bd_page_layout_render_page (layout, page, cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  return 0;
}
