/* Fuzz target: opening a document file. Any bytes on disk: a document or
 * a message, never a crash, and opened read-only, never written. */

#include <glib/gstdio.h>
#include <unistd.h>

#include "bd-store.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  static char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("bd-fuzz-open-XXXXXX", NULL);
      path = g_build_filename (dir, "fuzz.budget", NULL);
    }
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    doc = bd_store_load (store, &error);
  g_assert ((doc == NULL) == (error != NULL));
  return 0;
}
