/* What the fuzz targets that write a document file share (fuzz-open,
 * fuzz-tamper): their temporary folder, made for the first input and gone
 * when the run ends (meson test runs the targets too), and the store's
 * promise on whatever the file holds. */

#pragma once

#include <glib.h>
#include <stdlib.h>

#include "bd-file-replace.h"
#include "bd-store.h"

static char *work_dir;

static void
remove_work_dir (void)
{
  bd_file_remove_folder (work_dir);
}

/* The document file the inputs are written to, in the work folder: made,
 * named after @template ("bd-fuzz-open-XXXXXX"), for the first input. */
static const char *
work_document (const char *template)
{
  static char *path = NULL;

  if (path == NULL)
    {
      work_dir = g_dir_make_tmp (template, NULL);
      g_assert (work_dir != NULL);
      atexit (remove_work_dir);
      path = g_build_filename (work_dir, "fuzz.budget", NULL);
    }
  return path;
}

/* The file at @path opened with @flags (its store in @store) and loaded as
 * the store promises: a document, or none and a store error whose message
 * is UTF-8 (and, with @says_why, not empty); never both, never a crash. */
static BdDocument *
load_or_refuse (const char        *path,
                BdStoreOpenFlags   flags,
                gboolean           says_why,
                BdStore          **store)
{
  g_autoptr(GError) error = NULL;
  BdDocument *doc = NULL;

  *store = bd_store_open (path, flags, &error);
  if (*store != NULL)
    doc = bd_store_load (*store, &error);
  g_assert ((doc == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (error->domain == BD_STORE_ERROR && (!says_why || *error->message)
              && g_utf8_validate (error->message, -1, NULL));
  return doc;
}
