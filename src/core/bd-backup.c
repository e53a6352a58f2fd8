/* bd-backup.c: the dated copies of a document */

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bd-backup.h"
#include "bd-store.h"

#define SUFFIX ".budget"
/* " YYYY-MM-DD.budget" */
#define DATED_SUFFIX_LENGTH (1 + 10 + sizeof SUFFIX - 1)

#define DEFAULT_COUNT 7

guint
bd_backup_count_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* Looked up first: g_settings_new() aborts on a schema that is not installed,
   * as for the command line run from the build folder. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backup-count"))
    return DEFAULT_COUNT;
  settings = g_settings_new_full (schema, NULL, NULL);
  return (guint) MAX (0, g_settings_get_int (settings, "backup-count"));
}

void
bd_backup_free (BdBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup);
}

static char *
document_stem (const char *document)
{
  g_autofree char *base = g_path_get_basename (document);

  if (g_str_has_suffix (base, SUFFIX) && strlen (base) > strlen (SUFFIX))
    base[strlen (base) - strlen (SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

char *
bd_backup_folder (const char *document,
                  const char *data_dir)
{
  g_autofree char *absolute = g_canonicalize_filename (document, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *stem = document_stem (document);
  g_autofree char *name = NULL;

  hash[8] = '\0';
  name = g_strdup_printf ("%s-%s", stem, hash);
  return g_build_filename (data_dir ? data_dir : g_get_user_data_dir (), "budgetdesk", "backups", name, NULL);
}

/* The day of a copy named "STEM YYYY-MM-DD.budget", or FALSE for another file. */
static gboolean
parse_copy_name (const char *name,
                 const char *stem,
                 char        date[11])
{
  gsize length = strlen (name), stem_length = strlen (stem);
  const char *day;

  if (length != stem_length + DATED_SUFFIX_LENGTH || strncmp (name, stem, stem_length) != 0
      || name[stem_length] != ' ' || !g_str_has_suffix (name, SUFFIX))
    return FALSE;
  day = name + stem_length + 1;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? day[i] != '-' : !g_ascii_isdigit (day[i]))
      return FALSE;
  memcpy (date, day, 10);
  date[10] = '\0';
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BdBackup *ba = *(BdBackup *const *) a;
  const BdBackup *bb = *(BdBackup *const *) b;

  return strcmp (bb->date, ba->date);
}

GPtrArray *
bd_backup_list (const char  *document,
                const char  *folder,
                GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_backup_free);
  g_autofree char *stem = document_stem (document);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BdBackup backup = { 0 };
      GStatBuf info;

      if (!parse_copy_name (name, stem, backup.date))
        continue;
      backup.path = g_build_filename (folder, name, NULL);
      backup.size = g_stat (backup.path, &info) == 0 ? info.st_size : 0;
      g_ptr_array_add (backups, g_memdup2 (&backup, sizeof backup));
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

BdBackup *
bd_backup_find (GPtrArray  *backups,
                const char *date)
{
  for (guint i = 0; i < backups->len; i++)
    {
      BdBackup *backup = g_ptr_array_index (backups, i);
      if (strcmp (backup->date, date) == 0)
        return backup;
    }
  return NULL;
}

static gboolean
sqlite_failed (sqlite3     *db,
               const char  *document,
               GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not keep a copy of “%s”: %s"), document,
               db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  sqlite3_close (db);
  return FALSE;
}

/* The copy, written whole at @temporary by SQLite from a read-only connection
 * of our own (the store's is left alone), then flushed to the disk. */
static gboolean
vacuum_into (const char  *document,
             const char  *temporary,
             GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  int application_id = 0, status, fd;

  if (sqlite3_open_v2 (document, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return sqlite_failed (db, document, error);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &statement, NULL) != SQLITE_OK)
    return sqlite_failed (db, document, error);
  if (sqlite3_step (statement) == SQLITE_ROW)
    application_id = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);
  /* Only a BudgetDesk document: the copy is restored by opening it as one. */
  if (application_id != BD_STORE_APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not keep a copy of “%s”: it is not a BudgetDesk document"), document);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &statement, NULL) != SQLITE_OK)
    return sqlite_failed (db, document, error);
  sqlite3_bind_text (statement, 1, temporary, -1, SQLITE_STATIC);
  status = sqlite3_step (statement);
  sqlite3_finalize (statement);
  if (status != SQLITE_DONE)
    return sqlite_failed (db, document, error);
  sqlite3_close (db);

  fd = g_open (temporary, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not keep a copy of “%s”: %s"),
                   document, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Puts @temporary in place as @path, unless @path exists: link() never
 * replaces, where rename() would. FALSE with no error when it existed. */
static gboolean
move_unless_exists (const char  *temporary,
                    const char  *path,
                    GError     **error)
{
  int saved;

  if (link (temporary, path) == 0)
    {
      g_unlink (temporary);
      return TRUE;
    }
  saved = errno;
  g_unlink (temporary);
  if (saved != EEXIST)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not keep a copy at “%s”: %s"), path,
                 g_strerror (saved));
  return FALSE;
}

static void
remove_oldest (const char *document,
               const char *folder,
               guint       keep)
{
  g_autoptr(GPtrArray) backups = bd_backup_list (document, folder, NULL);

  for (guint i = keep; backups != NULL && i < backups->len; i++)
    g_unlink (((BdBackup *) g_ptr_array_index (backups, i))->path);
}

gboolean
bd_backup_daily (const char  *document,
                 const char  *folder,
                 guint        keep,
                 GDateTime   *now,
                 char       **made,
                 GError     **error)
{
  g_autofree char *stem = document_stem (document);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s %s%s", stem, day, SUFFIX);
  g_autofree char *hidden = g_strdup_printf (".%s.part", name);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean created = FALSE;

  if (made != NULL)
    *made = NULL;
  if (keep == 0)
    return TRUE;
  /* Today's copy is the first of the day: the document as it was before today's edits. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not keep a copy at “%s”: %s"),
                       folder, g_strerror (saved));
          return FALSE;
        }
      g_unlink (temporary);   /* left by a copy cut off half way */
      if (!vacuum_into (document, temporary, error))
        {
          g_unlink (temporary);
          return FALSE;
        }
      created = move_unless_exists (temporary, path, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  remove_oldest (document, folder, keep);
  if (created && made != NULL)
    *made = g_steal_pointer (&path);
  return TRUE;
}

gboolean
bd_backup_restore (const char  *backup,
                   const char  *destination,
                   GError     **error)
{
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” exists already: a copy is restored as a new document, never over one"), destination);
      return FALSE;
    }
  /* Opened as any document is, so a damaged or forged copy is refused. */
  store = bd_store_open (backup, BD_STORE_OPEN_READ_ONLY, error);
  if (store == NULL || (doc = bd_store_load (store, error)) == NULL)
    return FALSE;
  return bd_store_save_as (doc, destination, error);
}
