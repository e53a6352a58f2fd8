/* Fuzz target: opening a document file. Any bytes on disk: a document or
 * a message, never a crash; read-only first, and for writing when that
 * worked. The same bytes then lie beside a sound document as a journal a
 * crash left (-journal, or -wal for inputs of odd length): judged, rolled
 * back, set aside or removed, never a crash. */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bd-generator.h"
#include "bd-store.h"
#include "fuzz-document.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static void
remove_work_dir_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_unlink (path);
    }
}

/* A sound document's bytes, made once. */
static GBytes *
sound_document (void)
{
  static GBytes *bytes = NULL;

  if (bytes == NULL)
    {
      g_autofree char *template = g_build_filename (work_dir, "sound.budget", NULL);
      g_autoptr(BdDocument) doc = bd_generate_document (40, 1);
      char *contents = NULL;
      gsize length = 0;

      g_assert (bd_store_save_as (doc, template, NULL));
      g_assert (g_file_get_contents (template, &contents, &length, NULL));
      g_unlink (template);
      bytes = g_bytes_new_take (contents, length);
    }
  return bytes;
}

static void
open_beside_journal (const unsigned char *data,
                     size_t               size)
{
  g_autofree char *path = g_build_filename (work_dir, "journal.budget", NULL);
  g_autofree char *journal = g_strconcat (path, size % 2 ? "-wal" : "-journal", NULL);
  GBytes *sound = sound_document ();
  int fd;

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert (fd >= 0);
  g_assert (write (fd, g_bytes_get_data (sound, NULL), g_bytes_get_size (sound)) == (ssize_t) g_bytes_get_size (sound));
  close (fd);
  fd = open (journal, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert (fd >= 0);
  g_assert (size == 0 || write (fd, data, size) == (ssize_t) size);
  close (fd);

  for (guint read_only = 1; read_only <= 1; read_only--)
    {
      g_autoptr(BdStore) store = NULL;
      g_autoptr(BdDocument) doc = load_or_refuse (path, read_only ? BD_STORE_OPEN_READ_ONLY : BD_STORE_OPEN_DEFAULT,
                                                  TRUE, &store);
    }
  remove_work_dir_files ();
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  const char *path = work_document ("bd-fuzz-open-XXXXXX");
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  int fd;

  /* Plain writes: g_file_set_contents() syncs, which would slow every run
   * down to the disk's pace. */
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert (fd >= 0);
  g_assert (size == 0 || write (fd, data, size) == (ssize_t) size);
  close (fd);

  doc = load_or_refuse (path, BD_STORE_OPEN_READ_ONLY, TRUE, &store);
  if (doc != NULL)
    g_free (bd_document_dump (doc));

  /* What reads well is opened for writing too: locked, its journal mode
   * set, migrated when old. */
  if (doc != NULL)
    {
      g_autoptr(BdStore) writer = NULL;
      g_autoptr(BdDocument) again = load_or_refuse (path, BD_STORE_OPEN_DEFAULT, FALSE, &writer);
    }
  g_clear_object (&store);
  open_beside_journal (data, size);
  return 0;
}
