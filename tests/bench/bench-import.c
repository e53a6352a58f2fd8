/* Prints how import time grows with the size of the input: a generated
 * document of 1k → 100k rows written as published text, and a paragraph
 * quoting 1k → 100k figures ("1万元"). Linear paths keep the growth factor
 * near the size factor (10); a quadratic one shows ~100. A benchmark, not a
 * test. Then each PDF given: its import, in process (the whole process of
 * `budgetdesk-cli validate X.pdf` adds its start and the check).
 * Usage: bench-import [MAX_ROWS] [PDF…] */

#include <stdio.h>

#include "bd-generator.h"
#include "bd-importer.h"
#include "bd-markdown-writer.h"
#include "bd-pdf-import.h"

static double
import_seconds (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BdDocument) doc = bd_import_published_text (text, -1, &error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  if (doc == NULL)
    g_error ("import failed: %s", error->message);
  return seconds;
}

static char *
paragraph_document (const char *seed,
                    guint       n_figures)
{
  GString *text = g_string_new (NULL);
  const char *narrative = strstr (seed, "\n2024年部门预算编制说明\n");

  g_assert (narrative != NULL);
  narrative += strlen ("\n2024年部门预算编制说明\n");
  g_string_append_len (text, seed, narrative - seed);
  g_string_append (text, "\n收入预算");
  for (guint i = 0; i < n_figures; i++)
    g_string_append (text, "1万元");
  g_string_append (text, "。\n");
  g_string_append (text, narrative);
  return g_string_free (text, FALSE);
}

static void
walk (const char *what,
      guint       max,
      char     *(*make) (guint, gpointer),
      gpointer    data)
{
  double previous = 0;

  for (guint n = 1000; n <= max; n *= 10)
    {
      g_autofree char *text = make (n, data);
      double seconds = import_seconds (text);

      if (previous > 0)
        printf ("%-22s %7u  %8.3f s  ×%.1f for ×10\n", what, n, seconds, seconds / previous);
      else
        printf ("%-22s %7u  %8.3f s\n", what, n, seconds);
      previous = seconds;
      fflush (stdout);
    }
}

static char *
make_rows (guint    n,
           gpointer data)
{
  g_autoptr(BdDocument) doc = bd_generate_document (n, 1);

  return bd_markdown_write (doc);
}

static char *
make_paragraph (guint    n,
                gpointer data)
{
  return paragraph_document (data, n);
}

int
main (int    argc,
      char **argv)
{
  guint max = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *seed = NULL;

  if (!g_file_get_contents (g_getenv ("BD_SEED"), &seed, NULL, NULL))
    g_error ("set BD_SEED to the seed document");

  printf ("%-22s %7s  %10s\n", "import", "size", "time");
  walk ("rows", max, make_rows, NULL);
  walk ("figures in a paragraph", max, make_paragraph, seed);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BdDocument) doc = bd_import_any_file (argv[i], &error);
      g_autofree char *name = g_path_get_basename (argv[i]);

      if (doc == NULL)
        g_error ("%s: %s", argv[i], error->message);
      printf ("%-30s %8.3f s\n", name, (g_get_monotonic_time () - start) / 1e6);
    }
  return 0;
}
