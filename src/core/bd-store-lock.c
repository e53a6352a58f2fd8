/* flock, O_CLOEXEC and ftruncate are POSIX/BSD, outside strict C11. */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bd-store-private.h"

/* One writer at a time. The lock is an flock on a file beside the document,
 * naming its holder: the kernel drops an flock when its process dies, so a
 * lock file left by a crash holds no lock, and the next writer takes it over.
 * The file is removed on close; taking a lock checks that the file locked
 * is still the one at that path, or a writer that opened it just before its
 * removal could believe it holds the lock. Whether a lock is stale is never
 * guessed from the pid it names (which may be reused, or on another
 * machine): only the kernel's lock says. Another user's lock file is tested
 * through a read-only descriptor and, left by a crash, replaced while
 * locked. flock works across machines on NFS (Linux emulates it there with
 * fcntl locks); on SMB shares it depends on the mount. */
static char *
lock_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.~lock.%s#", dir, base);
}

void
bd_store_lock_release (int         fd,
                       const char *lock_path)
{
  if (fd < 0)
    return;
  g_unlink (lock_path);
  close (fd);
}

/* How a lock file names its holder. */
static char *
lock_owner (void)
{
  return g_strdup_printf ("pid %d, %s@%s", (int) getpid (), g_get_user_name (), g_get_host_name ());
}

/* The holder a lock file names: its first line, short and valid UTF-8,
 * since anything may have written it. */
static char *
read_lock_holder (int fd)
{
  char buffer[160];
  ssize_t length = pread (fd, buffer, sizeof buffer - 1, 0);

  if (length <= 0)
    return NULL;
  buffer[length] = '\0';
  buffer[strcspn (buffer, "\r\n")] = '\0';
  return *buffer ? g_utf8_make_valid (buffer, -1) : NULL;
}

static void
set_folder_error (GError     **error,
                  const char  *name,
                  int          saved_errno)
{
  gboolean read_only = saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;

  if (read_only)
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY,
                 _("“%s” cannot be written: its folder is read-only."), name);
  else
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_IO,
                 _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
}

static void
set_untestable_lock_error (GError     **error,
                           const char  *name,
                           const char  *lock_path)
{
  g_autofree char *lock_name = g_filename_display_basename (lock_path);

  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
               _("“%s” is locked for writing by another user’s BudgetDesk. Open it read-only to look "
                 "at it. If nobody has it open, remove the file “%s” beside it."), name, lock_name);
}

/* Opens the lock file, made if missing. Another user's lock file (a
 * colleague's, in a shared folder) can still be tested for its lock through
 * a read-only descriptor: then *@ours is FALSE. Returns -1 with @error set,
 * or -2 when the file went meanwhile and opening is to be tried again. */
static int
open_lock_file (const char  *lock_path,
                const char  *name,
                gboolean    *ours,
                GError     **error)
{
  int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  int open_errno = errno;

  *ours = TRUE;
  if (fd < 0 && open_errno == EACCES && g_file_test (lock_path, G_FILE_TEST_EXISTS))
    {
      fd = open (lock_path, O_RDONLY | O_CLOEXEC);
      if (fd < 0 && errno == ENOENT)   /* gone meanwhile */
        return -2;
      if (fd < 0)
        {
          /* Not even readable: held or not, that is for a person to say. */
          set_untestable_lock_error (error, name, lock_path);
          return -1;
        }
      *ours = FALSE;
    }
  if (fd < 0)
    set_folder_error (error, name, open_errno);
  return fd;
}

/* The lock is held by someone else: says who, and closes @fd. */
static void
set_held_error (int          fd,
                const char  *name,
                const char  *lock_path,
                GError     **error)
{
  g_autofree char *holder = NULL;
  g_autofree char *owner = NULL;

  if (errno != EWOULDBLOCK)
    {
      /* Where flock is emulated with fcntl locks (NFS), a read-only
       * descriptor cannot take one: again for a person to say. */
      close (fd);
      set_untestable_lock_error (error, name, lock_path);
      return;
    }
  holder = read_lock_holder (fd);
  owner = lock_owner ();
  close (fd);
  if (holder != NULL && strcmp (holder, owner) == 0)
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                 _("“%s” is already open for writing in this BudgetDesk."), name);
  else
    g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED,
                 _("“%s” is open for writing in another BudgetDesk (%s). Open it read-only to look at it, "
                   "or close it there first."),
                 name, holder ? holder : _("another program"));
}

int
bd_store_lock_take (const char  *path,
                    char       **lock_path_out,
                    GError     **error)
{
  g_autofree char *lock_path = lock_path_for (path);
  g_autofree char *name = g_filename_display_basename (path);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      struct stat held, now;
      gboolean ours;
      int fd = open_lock_file (lock_path, name, &ours, error);

      if (fd == -2)
        continue;
      if (fd < 0)
        return -1;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          set_held_error (fd, name, lock_path, error);
          return -1;
        }
      if (fstat (fd, &held) != 0 || stat (lock_path, &now) != 0 || held.st_ino != now.st_ino || held.st_dev != now.st_dev)
        {
          close (fd);
          continue;
        }
      if (!ours)
        {
          /* Left by a crash, and not ours to rewrite: removed while we hold
           * its lock (whoever opened it meanwhile finds it gone) and made
           * anew. */
          int saved_errno = g_unlink (lock_path) == 0 ? 0 : errno;

          close (fd);
          if (saved_errno == 0)
            continue;
          set_folder_error (error, name, saved_errno);
          return -1;
        }
      {
        g_autofree char *owner = lock_owner ();
        g_autofree char *text = g_strconcat (owner, "\n", NULL);

        /* Readable by all, whatever the umask: another user's BudgetDesk
         * must be able to test it for its lock. */
        if (fchmod (fd, 0644) != 0 || ftruncate (fd, 0) != 0 || pwrite (fd, text, strlen (text), 0) < 0)
          {
            /* The name of the holder is a courtesy: the flock is the lock. */
          }
      }
      *lock_path_out = g_steal_pointer (&lock_path);
      return fd;
    }
  g_set_error (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED, _("“%s” could not be locked for writing."), name);
  return -1;
}
