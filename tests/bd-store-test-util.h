/* Helpers shared by the tests of the document file (test-store,
 * test-store-journal). */

#pragma once

#include <string.h>

#include "bd-file-test-util.h"
#include "bd-store.h"

/* Opening @path with @flags is refused with @code, the message saying
 * @message_part, and the file (if there is one) is left byte for byte. */
static inline void
assert_open_refused (const char       *path,
                     BdStoreOpenFlags  flags,
                     int               code,
                     const char       *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_file_test (path, G_FILE_TEST_EXISTS) ? checksum_of (path) : NULL;
  g_autoptr(BdStore) store = bd_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, BD_STORE_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, message_part);
  if (before != NULL)
    {
      g_autofree char *after = checksum_of (path);
      g_assert_cmpstr (before, ==, after);
    }
}
