#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bd-file-replace.h"
#include "bd-store.h"

static void
set_error (GError     **error,
           const char  *path,
           int          code,
           const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, code, "%s: %s", name, reason);
}

gboolean
bd_file_refuse_document (const char  *path,
                         GError     **error)
{
  g_autofree char *name = NULL;

  /* Asked here, where every export writes through, so that no writer (the
   * CLI's, the window's, one added later) can forget to ask: “export
   * x.budget --md x.budget” replaced the document, even under its writer. */
  if (!bd_store_is_document_file (path))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("“%s” is a BudgetDesk document: an export is never written over one. "
                 "It was not changed; choose another name for the export."), name);
  return FALSE;
}

int
bd_file_replace_begin (const char  *path,
                       char       **temporary,
                       GError     **error)
{
  if (!bd_file_refuse_document (path, error))
    return -1;
  return bd_file_replace_begin_document (path, temporary, error);
}

int
bd_file_replace_begin_document (const char  *path,
                                char       **temporary,
                                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  char *name = g_build_filename (dir, template, NULL);
  int fd = g_mkstemp_full (name, O_RDWR, 0644);

  if (fd < 0)
    {
      bd_file_error_from_errno (error, path);
      g_free (name);
      return -1;
    }
  *temporary = name;
  return fd;
}

gboolean
bd_file_replace_commit (const char  *temporary,
                        const char  *path,
                        GError     **error)
{
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                   g_strerror (saved_errno), error);
    }
  return TRUE;
}

gboolean
bd_file_replace_fail (const char  *temporary,
                      const char  *path,
                      int          code,
                      const char  *reason,
                      GError     **error)
{
  g_unlink (temporary);
  set_error (error, path, code, reason);
  return FALSE;
}

gboolean
bd_file_write_all (int          fd,
                   const void  *data,
                   gsize        length,
                   const char  *path,
                   GError     **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize written = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return bd_file_error_from_errno (error, path);
      p += written;
      length -= written;
    }
  /* Some file systems (NFS, a full tmpfs quota) report the lost write only here. */
  if (fsync (fd) != 0 && errno != EINVAL)
    return bd_file_error_from_errno (error, path);
  return TRUE;
}

gboolean
bd_file_close (int          fd,
               const char  *path,
               GError     **error)
{
  if (close (fd) != 0 && errno != EINTR)
    return bd_file_error_from_errno (error, path);
  return TRUE;
}

gboolean
bd_file_replace_contents (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temporary = NULL;
  int fd = bd_file_replace_begin (path, &temporary, error);
  gboolean written;

  if (fd < 0)
    return FALSE;
  written = bd_file_write_all (fd, data, length, path, error);
  if (!bd_file_close (fd, path, written ? error : NULL))
    written = FALSE;
  if (!written)
    {
      g_unlink (temporary);
      return FALSE;
    }
  return bd_file_replace_commit (temporary, path, error);
}

gboolean
bd_file_error_from_errno (GError     **error,
                          const char  *path)
{
  int saved_errno = errno;

  set_error (error, path, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

void
bd_file_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}
