/* Runs a fuzz target over files, without libFuzzer: how its corpus and the
 * inputs it once crashed on are kept as a regression test. */

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static void
run_path (const char *path,
          guint      *count)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          run_path (child, count);
        }
      return;
    }
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    if (!g_file_get_contents (path, &contents, &length, NULL))
      g_error ("cannot read %s", path);
    /* Said before it runs: the name of an input that crashes is the last line. */
    g_printerr ("%s\n", path);
    LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
    (*count)++;
  }
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    run_path (argv[i], &count);
  printf ("1..1\nok 1 - %u inputs ran without a crash\n", count);
  return 0;
}
