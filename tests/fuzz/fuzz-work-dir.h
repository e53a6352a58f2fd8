/* The temporary folder of a fuzz target that writes files (fuzz-open,
 * fuzz-tamper): made for the first input, gone when the run ends (meson
 * test runs the targets too). */

#pragma once

#include <glib.h>
#include <stdlib.h>

#include "bd-file-replace.h"

static char *work_dir;

static void
remove_work_dir (void)
{
  bd_file_remove_folder (work_dir);
}

/* The document file the inputs are written to, in a new folder named
 * after @template ("bd-fuzz-open-XXXXXX"). */
static char *
make_work_dir (const char *template)
{
  work_dir = g_dir_make_tmp (template, NULL);
  g_assert (work_dir != NULL);
  atexit (remove_work_dir);
  return g_build_filename (work_dir, "fuzz.budget", NULL);
}
