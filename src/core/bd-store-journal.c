/* A journal left beside a document by a process that stopped.
 *
 * SQLite replays (a -wal) or rolls back (a -journal) whatever journal it
 * finds beside a database, and a journal applied to another file corrupts
 * it (“How To Corrupt An SQLite Database File”, §2.3–2.4: a clerk restores
 * yesterday's copy after a crash). So before SQLite sees a document, a
 * leftover journal is judged here:
 *
 * - in use: a live writer holds the document's lock (bd-store-lock.c); it
 *   is that writer's and nobody else touches it;
 * - nothing to undo: a rollback journal with no record the file could
 *   have been written from (SQLite writes the file only after the journal
 *   holds page 1 and is synced, and the writer keeps cache_spill off):
 *   whichever file it came from, this one was not written from it, and it
 *   holds nothing anyone needs; removed (a kill before an edit commits
 *   leaves one each time);
 * - paired: it belongs to this very file: the lock note the stopped writer
 *   left names the file's device and inode, and the journal's copy of
 *   page 1 carries the change counter the file has (not yet written) or
 *   the next one (written). Only a writer, holding the lock, lets SQLite
 *   roll it back; opening to read never writes, so a reader is refused
 *   with a message saying how to repair;
 * - anything else belongs to another file: set aside under NAME-journal.unused
 *   (or -wal.unused), never applied, never deleted.
 *
 * Write-ahead logs are only left by BudgetDesk before file format 3 (it now writes
 * with a rollback journal, so that the .budget alone always holds every
 * acknowledged edit): one is paired when the file is in WAL mode, its note
 * names the file or says nothing of one, and the file has not changed
 * since the log last did (ctime: a restored copy is changed when restored).
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bd-store-private.h"

typedef enum {
  LEFTOVER_NONE,
  LEFTOVER_IN_USE,
  LEFTOVER_NOTHING_TO_UNDO,
  LEFTOVER_PAIRED,
  LEFTOVER_FOREIGN,
} Leftover;

static guint32
be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static gboolean
read_at (int     fd,
         guchar *buffer,
         gsize   length,
         goffset offset)
{
  return pread (fd, buffer, length, offset) == (ssize_t) length;
}

/* The database header: its first 100 bytes. */
static gboolean
read_db_header (const char *real_path,
                guchar      header[100])
{
  int fd = open (real_path, O_RDONLY | O_CLOEXEC);
  gboolean ok = fd >= 0 && read_at (fd, header, 100, 0);

  if (fd >= 0)
    close (fd);
  return ok;
}

static guint
page_size_of (const guchar header[100])
{
  guint size = header[16] << 8 | header[17];

  return size == 1 ? 65536 : size;
}

/* What the note the last writer left says of the file it held: TRUE when
 * it names @st, FALSE when it names another; *@says_nothing when there is
 * no note or it names no file (a BudgetDesk before file format 3). */
static gboolean
note_names (const char        *real_path,
            const struct stat *st,
            gboolean          *says_nothing)
{
  int names = bd_store_lock_note_file (real_path, st);

  *says_nothing = names < 0;
  return names > 0;
}

/* Looks through the journal's first segment for its copy of page 1; the
 * change counter it carries in *@counter. */
static gboolean
find_page_one (int      fd,
               guint32  n_records,
               guint32  sector,
               guint32  page_size,
               guint32 *counter)
{
  for (guint32 i = 0; i < n_records; i++)
    {
      goffset at = sector + (goffset) i * (page_size + 8);
      guchar number[4], header[100];

      if (!read_at (fd, number, 4, at))
        return FALSE;
      if (be32 (number) == 1)
        {
          if (!read_at (fd, header, sizeof header, at + 4))
            return FALSE;
          *counter = be32 (header + 24);
          return TRUE;
        }
    }
  return FALSE;
}

static Leftover
judge_rollback_journal (const char *real_path,
                        const char *journal)
{
  static const guchar magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar header[28], db[100];
  struct stat st;
  gboolean says_nothing, named;
  guint32 n_records, sector, page_size, counter;
  int fd = open (journal, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  gboolean found;

  if (fd < 0)
    return LEFTOVER_FOREIGN;
  if (!read_at (fd, header, sizeof header, 0) || memcmp (header, magic, 8) != 0
      || (n_records = be32 (header + 8)) == 0)
    {
      /* SQLite plays back nothing of a journal without a valid header or
       * records: the file was not written from it. */
      close (fd);
      return LEFTOVER_NOTHING_TO_UNDO;
    }
  sector = be32 (header + 20);
  page_size = be32 (header + 24);
  if (sector < 32 || sector > 65536 || page_size < 512 || page_size > 65536
      || !read_db_header (real_path, db) || page_size_of (db) != page_size || stat (real_path, &st) != 0)
    {
      close (fd);
      return LEFTOVER_FOREIGN;
    }
  found = find_page_one (fd, n_records, sector, page_size, &counter);
  close (fd);
  named = note_names (real_path, &st, &says_nothing);
  if (!says_nothing && !named)
    return LEFTOVER_FOREIGN;
  if (!found)
    return LEFTOVER_NOTHING_TO_UNDO;
  if (be32 (db + 24) != counter && be32 (db + 24) != counter + 1)
    return LEFTOVER_FOREIGN;
  return LEFTOVER_PAIRED;
}

static gboolean
later_or_same (const struct timespec *a,
               const struct timespec *b)
{
  return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec >= b->tv_nsec);
}

static Leftover
judge_wal (const char *real_path,
           const char *wal)
{
  guchar header[32], db[100];
  struct stat st, wal_st;
  gboolean says_nothing, named;
  guint32 magic;
  int fd = open (wal, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  gboolean ok = fd >= 0 && read_at (fd, header, sizeof header, 0) && fstat (fd, &wal_st) == 0;

  if (fd >= 0)
    close (fd);
  if (!ok || !read_db_header (real_path, db) || stat (real_path, &st) != 0)
    return LEFTOVER_FOREIGN;
  magic = be32 (header);
  if ((magic != 0x377f0682 && magic != 0x377f0683) || be32 (header + 8) != page_size_of (db)
      || db[18] != 2 || db[19] != 2)
    return LEFTOVER_FOREIGN;
  named = note_names (real_path, &st, &says_nothing);
  if (named)
    return LEFTOVER_PAIRED;
  if (says_nothing && later_or_same (&wal_st.st_mtim, &st.st_ctim))
    return LEFTOVER_PAIRED;
  return LEFTOVER_FOREIGN;
}

/* @locked: the caller holds the document's lock, so no writer is alive. */
static Leftover
judge (const char *real_path,
       const char *journal,
       gboolean    is_wal,
       gboolean    locked)
{
  struct stat st;

  if (lstat (journal, &st) != 0 || (S_ISREG (st.st_mode) && st.st_size == 0))
    return LEFTOVER_NONE;
  if (!locked && bd_store_lock_is_held (real_path))
    return LEFTOVER_IN_USE;
  if (!S_ISREG (st.st_mode))
    return LEFTOVER_FOREIGN;
  return is_wal ? judge_wal (real_path, journal) : judge_rollback_journal (real_path, journal);
}

/* Moves @journal to a free name beside it; its new name, or NULL with errno. */
static char *
set_aside (const char *journal)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *target = i == 0 ? g_strconcat (journal, ".unused", NULL)
                                       : g_strdup_printf ("%s.unused.%u", journal, i);

      /* link and unlink: never over a name that is taken. */
      if (link (journal, target) == 0)
        {
          if (unlink (journal) != 0)
            {
              int saved_errno = errno;
              unlink (target);
              errno = saved_errno;
              return NULL;
            }
          return g_steal_pointer (&target);
        }
      if (errno != EEXIST)
        return NULL;
    }
  errno = EEXIST;
  return NULL;
}

gboolean
bd_store_journal_check (const char  *real_path,
                        const char  *name,
                        gboolean     for_writing,
                        gboolean    *replay,
                        char       **set_aside_path,
                        GError     **error)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  *replay = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *journal = g_strconcat (real_path, suffixes[i], NULL);
      Leftover leftover = judge (real_path, journal, i == 1, for_writing);
      int saved_errno;

      switch (leftover)
        {
        case LEFTOVER_NONE:
        case LEFTOVER_IN_USE:
          continue;
        case LEFTOVER_PAIRED:
          if (!for_writing)
            {
              g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_INTERRUPTED,
                           _("“%s” was being changed when its BudgetDesk stopped. Open it for editing once "
                             "to finish what was left; reading it does not change it."), name);
              return FALSE;
            }
          *replay = TRUE;
          continue;
        case LEFTOVER_NOTHING_TO_UNDO:
          if (g_unlink (journal) == 0)
            continue;
          G_GNUC_FALLTHROUGH;
        case LEFTOVER_FOREIGN:
        default:
          g_free (*set_aside_path);
          *set_aside_path = set_aside (journal);
          if (*set_aside_path != NULL)
            continue;
          saved_errno = errno;
          g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                       _("“%s” has a journal beside it, left by a program that stopped, that does not belong to "
                         "it, and it could not be set aside (%s). The document was not changed."),
                       name, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}
