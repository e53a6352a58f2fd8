/* One writer at a time.
 *
 * The lock is the document itself: an open-file-description lock (OFD,
 * fcntl) on one byte of the .budget, past the bytes SQLite locks. It is
 * keyed on the file's device and inode, so a symlink or a hard link to the
 * document finds it taken; the kernel drops it when its process dies, so
 * nothing a crash leaves can hold it; and unlike SQLite's own POSIX locks
 * it is not dropped when something else in the process (a file chooser
 * sniffing the file's type) opens and closes the document. NFS carries
 * such locks between machines; on SMB shares it depends on the mount.
 *
 * Beside the document, a note “.~lock.NAME#” names the holder for the
 * message another BudgetDesk shows, and the file it held (device and
 * inode), which pairs a journal left by a crash with its file
 * (bd-store-journal.c). The note is a courtesy, never the lock: it is
 * created with O_EXCL | O_NOFOLLOW, so a symlink or a file someone put at
 * its name is never followed, truncated or given another mode; whatever is
 * there when nobody holds the lock is removed (a name, not what it points
 * to) and the note made anew.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bd-store-private.h"

/* Past SQLite's lock bytes (0x40000000 to 0x400001FF): never in its way. */
#define LOCK_OFFSET (0x40000000 + 1024)

struct _BdStoreLock
{
  int   fd;          /* the document, holding the lock */
  int   note_fd;     /* the note we made, -1 when there is none */
  char *note_path;
};

char *
bd_store_lock_note_path (const char *real_path)
{
  g_autofree char *dir = g_path_get_dirname (real_path);
  g_autofree char *base = g_path_get_basename (real_path);

  return g_strdup_printf ("%s/.~lock.%s#", dir, base);
}

/* How a note names its holder. */
static char *
lock_owner (void)
{
  return g_strdup_printf ("pid %d, %s@%s", (int) getpid (), g_get_user_name (), g_get_host_name ());
}

/* The note's lines, read without following a link or blocking on a FIFO;
 * NULL when there is no regular file to read. */
static char *
read_note (const char *note_path)
{
  char buffer[256];
  struct stat st;
  ssize_t length;
  int fd = open (note_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  length = pread (fd, buffer, sizeof buffer - 1, 0);
  close (fd);
  if (length <= 0)
    return NULL;
  buffer[length] = '\0';
  return g_strdup (buffer);
}

/* The holder a note names: its first line, short and valid UTF-8, since
 * anything may have written it. */
static char *
read_holder (const char *note_path)
{
  g_autofree char *text = read_note (note_path);

  if (text == NULL)
    return NULL;
  text[MIN (strcspn (text, "\r\n"), 159)] = '\0';
  return *text ? g_utf8_make_valid (text, -1) : NULL;
}

int
bd_store_lock_note_file (const char        *real_path,
                         const struct stat *st)
{
  g_autofree char *note_path = bd_store_lock_note_path (real_path);
  g_autofree char *text = read_note (note_path);
  g_autofree char *expected = g_strdup_printf ("\nfile %ju %ju\n", (uintmax_t) st->st_dev, (uintmax_t) st->st_ino);

  if (text == NULL || strstr (text, "\nfile ") == NULL)
    return -1;
  return strstr (text, expected) != NULL;
}

static gboolean
set_lock (int   fd,
          short type,
          int   command)
{
  struct flock lock = { .l_type = type, .l_whence = SEEK_SET, .l_start = LOCK_OFFSET, .l_len = 1 };

  return fcntl (fd, command, &lock) == 0 && (command != F_OFD_GETLK || lock.l_type == F_UNLCK);
}

gboolean
bd_store_lock_is_held (const char *real_path)
{
  int fd = open (real_path, O_RDONLY | O_CLOEXEC);
  gboolean free_;

  if (fd < 0)
    return FALSE;
  free_ = set_lock (fd, F_WRLCK, F_OFD_GETLK);
  close (fd);
  return !free_;
}

static void
set_held_error (const char  *name,
                const char  *note_path,
                GError     **error)
{
  g_autofree char *holder = read_holder (note_path);
  g_autofree char *owner = lock_owner ();

  if (holder != NULL && strcmp (holder, owner) == 0)
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                 _("“%s” is already open for writing in this BudgetDesk."), name);
  else
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                 _("“%s” is open for writing in another BudgetDesk (%s). Open it read-only to look at it, "
                   "or close it there first."),
                 name, holder ? holder : _("another program"));
}

/* Writes the note naming us and the file we hold. Made only where nothing
 * is: what is at its name is removed first (we hold the lock, so it is a
 * crash's leftover or not ours at all). A note that cannot be made is no
 * failure. */
void
bd_store_lock_write_note (BdStoreLock *lock,
                          const char  *real_path)
{
  g_autofree char *owner = lock_owner ();
  g_autofree char *text = NULL;
  struct stat st;

  lock->note_path = bd_store_lock_note_path (real_path);
  lock->note_fd = open (lock->note_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (lock->note_fd < 0 && errno == EEXIST && unlink (lock->note_path) == 0)
    lock->note_fd = open (lock->note_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (lock->note_fd < 0 || fstat (lock->fd, &st) != 0)
    return;
  /* Readable by all, whatever the umask: another user's BudgetDesk names
   * the holder from it. This is the file just made, nothing that was there. */
  if (fchmod (lock->note_fd, 0644) != 0)
    {
      /* a courtesy only */
    }
  text = g_strdup_printf ("%s\nfile %ju %ju\n", owner, (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
  if (write (lock->note_fd, text, strlen (text)) < 0)
    {
      /* a courtesy only */
    }
}

BdStoreLock *
bd_store_lock_take (const char  *real_path,
                    const char  *name,
                    gboolean     shared,
                    GError     **error)
{
  g_autofree BdStoreLock *lock = g_new0 (BdStoreLock, 1);

  lock->note_fd = -1;
  lock->fd = open (real_path, (shared ? O_RDONLY : O_RDWR) | O_NOCTTY | O_CLOEXEC);
  if (lock->fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
        g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                     _("“%s” is read-only; open it read-only to look at it."), name);
      else
        g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                     _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
      return NULL;
    }
  if (!set_lock (lock->fd, shared ? F_RDLCK : F_WRLCK, F_OFD_SETLK))
    {
      g_autofree char *note_path = bd_store_lock_note_path (real_path);

      close (lock->fd);
      set_held_error (name, note_path, error);
      return NULL;
    }
  return g_steal_pointer (&lock);
}

void
bd_store_lock_release (BdStoreLock *lock)
{
  struct stat ours, there;

  if (lock == NULL)
    return;
  /* Only the note we made: another may stand at its name by now. */
  if (lock->note_fd >= 0 && fstat (lock->note_fd, &ours) == 0 && lstat (lock->note_path, &there) == 0
      && ours.st_dev == there.st_dev && ours.st_ino == there.st_ino)
    unlink (lock->note_path);
  if (lock->note_fd >= 0)
    close (lock->note_fd);
  close (lock->fd);
  g_free (lock->note_path);
  g_free (lock);
}
