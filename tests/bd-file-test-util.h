/* Helpers shared by the tests that look at files and folders on disk: a
 * file's checksum (to see it untouched), a folder's names, a tree removed. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

static inline char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline int
bd_test_compare_names (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static inline char *
folder_listing (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, bd_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A new folder of the test's own in the temporary folder, named after
 * @template ("bd-cli-XXXXXX"); remove_tree() takes it away. */
static inline char *
bd_test_make_dir (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      /* A link is removed, never followed: tests plant links to elsewhere. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* g_test_run (), then @dir (the tests' own folder) removed with all in
 * it, and freed: the run's status, for main () to return. */
static inline int
bd_test_run_and_remove (char *dir)
{
  int status = g_test_run ();

  remove_tree (dir);
  g_free (dir);
  return status;
}

/* A file of the test's own in a new temporary folder; the folder goes, with
 * all in it, when the g_autoptr holding it goes out of scope. */
typedef struct {
  char *dir;
  char *path;
} BdTestFile;

static inline void
bd_test_file_free (BdTestFile *file)
{
  remove_tree (file->dir);
  g_free (file->dir);
  g_free (file->path);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdTestFile, bd_test_file_free)

/* @name in a new folder named after @template ("bd-new-year-XXXXXX"). */
static inline BdTestFile *
bd_test_file_new (const char *template,
                  const char *name)
{
  BdTestFile *file = g_new0 (BdTestFile, 1);

  file->dir = bd_test_make_dir (template);
  file->path = g_build_filename (file->dir, name, NULL);
  return file;
}
