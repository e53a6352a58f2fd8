/* bd-xlsx-file.c: a workbook file written whole, or not at all */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bd-file-replace.h"
#include "bd-xlsx-file.h"

/* libxlsxwriter closes the file itself: it is opened again to sync it, so
 * that a full disk is found out before it is renamed over the old one. */
static gboolean
sync_file (const char  *temporary,
           const char  *path,
           GError     **error)
{
  int fd = g_open (temporary, O_RDONLY, 0);
  gboolean synced;

  if (fd < 0)
    return bd_file_error_from_errno (error, path);
  synced = fsync (fd) == 0 || errno == EINVAL;
  if (!synced)
    bd_file_error_from_errno (error, path);
  close (fd);
  return synced;
}

gboolean
bd_xlsx_file_write (const char  *path,
                    BdXlsxFill   fill,
                    gpointer     user_data,
                    GError     **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *failure = NULL;
  lxw_workbook *workbook;
  lxw_error filled, status;
  int fd, saved_errno;

  fd = bd_file_replace_begin (path, &temporary, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  workbook = workbook_new (temporary);
  if (workbook == NULL)
    return bd_file_replace_fail (temporary, path, G_FILE_ERROR_FAILED, g_strerror (ENOMEM), error);
  filled = fill (workbook, user_data, &failure);
  errno = 0;
  status = workbook_close (workbook);
  saved_errno = errno;
  if (filled != LXW_NO_ERROR)
    return bd_file_replace_fail (temporary, path, G_FILE_ERROR_FAILED,
                                 failure ? failure : lxw_strerror (filled), error);
  /* A failed write (a full disk) is told by errno, not by libxlsxwriter's “Zip error”. */
  if (status != LXW_NO_ERROR && saved_errno != 0)
    return bd_file_replace_fail (temporary, path, g_file_error_from_errno (saved_errno),
                                 g_strerror (saved_errno), error);
  if (status != LXW_NO_ERROR)
    return bd_file_replace_fail (temporary, path, G_FILE_ERROR_FAILED, lxw_strerror (status), error);
  if (!sync_file (temporary, path, error))
    {
      g_unlink (temporary);
      return FALSE;
    }
  return bd_file_replace_commit (temporary, path, error);
}
