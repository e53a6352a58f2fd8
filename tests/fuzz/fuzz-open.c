/* Fuzz target: opening a document file. Any bytes on disk: a document or
 * a message, never a crash; read-only first, and for writing when that
 * worked. */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bd-store.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static char *work_dir;

/* The temporary folder goes when the run ends (meson test runs this too). */
static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (work_dir);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  static char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  int fd;

  if (path == NULL)
    {
      work_dir = g_dir_make_tmp ("bd-fuzz-open-XXXXXX", NULL);
      atexit (remove_work_dir);
      path = g_build_filename (work_dir, "fuzz.budget", NULL);
    }
  /* Plain writes: g_file_set_contents() syncs, which would slow every run
   * down to the disk's pace. */
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert (fd >= 0);
  g_assert (size == 0 || write (fd, data, size) == (ssize_t) size);
  close (fd);

  store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    doc = bd_store_load (store, &error);
  g_assert ((doc == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (error->domain == BD_STORE_ERROR && *error->message && g_utf8_validate (error->message, -1, NULL));
  if (doc != NULL)
    g_free (bd_document_dump (doc));

  /* What reads well is opened for writing too: locked, switched to WAL,
   * migrated when old. */
  if (doc != NULL)
    {
      g_autoptr(BdStore) writer = NULL;
      g_autoptr(BdDocument) again = NULL;

      g_clear_error (&error);
      writer = bd_store_open (path, BD_STORE_OPEN_DEFAULT, &error);
      if (writer != NULL)
        again = bd_store_load (writer, &error);
      g_assert ((again == NULL) == (error != NULL));
      if (error != NULL)
        g_assert (error->domain == BD_STORE_ERROR && g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
