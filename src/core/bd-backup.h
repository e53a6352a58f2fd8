/* bd-backup.h: the dated copies of a document
 *
 * The first time a document is opened on a day, a copy of it as it was is
 * kept (SQLite's VACUUM INTO, on a read-only connection of our own), named
 * after the document and the day, in a folder of the user's data set apart
 * for that document; the last N are kept. A copy is never overwritten: a day
 * has one, the first. A copy is restored as a new document, never over one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *path;
  char   date[11];    /* YYYY-MM-DD, the day it was kept */
  gint64 size;        /* bytes */
} BdBackup;

/* Where @document's copies are kept under @data_dir (the user's data folder
 * when NULL): budgetdesk/backups/NAME-HASH, HASH of its absolute path, so two
 * documents of one name in different folders keep theirs apart. */
char     *bd_backup_folder      (const char  *document,
                                 const char  *data_dir);

/* Keeps today's copy (the day of @now) of @document in @folder unless there is
 * one, then removes the oldest beyond @keep (0: keeps none and makes none).
 * @made is set to the new copy's path, or NULL when none was made. */
gboolean  bd_backup_daily       (const char  *document,
                                 const char  *folder,
                                 guint        keep,
                                 GDateTime   *now,
                                 char       **made,
                                 GError     **error);

/* @document's copies in @folder, the newest first; BdBackup*. An absent
 * folder has none. */
GPtrArray *bd_backup_list       (const char  *document,
                                 const char  *folder,
                                 GError     **error);
/* The copy of @date (YYYY-MM-DD) in @backups, or NULL. */
BdBackup *bd_backup_find        (GPtrArray   *backups,
                                 const char  *date);

/* Writes the copy at @backup as a new document at @destination, once it has
 * been opened as a document; refuses when @destination exists. */
gboolean  bd_backup_restore     (const char  *backup,
                                 const char  *destination,
                                 GError     **error);

/* How many copies to keep: the setting backup-count where BudgetDesk's
 * settings are installed, otherwise its default, 7. */
guint     bd_backup_count_setting (void);

void      bd_backup_free        (BdBackup    *backup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdBackup, bd_backup_free)

G_END_DECLS
