/* Prints how long `budgetdesk-cli generate` takes, in its two parts:
 * making the document in memory and saving it, at each size given
 * (rows over schedules 2, 3 and 5), and how much each grows from the
 * size before. Benchmarks need 100,000-row documents: a linear generator
 * grows about tenfold for ten times the rows. A benchmark, not a test. */

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bd-generator.h"
#include "bd-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-bench-generate-XXXXXX", &error);
  double last_make = 0, last_save = 0;
  guint last_rows = 0;

  g_assert_no_error (error);
  printf ("%8s %10s %10s %12s %12s\n", "rows", "make ms", "save ms", "make growth", "save growth");
  for (int i = 1; i < argc || (argc == 1 && i == 1); i++)
    {
      guint n_rows = argc > 1 ? (guint) atoi (argv[i]) : 10000;
      g_autofree char *name = g_strdup_printf ("g%u.budget", n_rows);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BdDocument) doc = bd_generate_document (n_rows, 1);
      gint64 made = g_get_monotonic_time ();
      double make_ms, save_ms;

      if (!bd_store_save_as (doc, path, &error))
        g_error ("%s", error->message);
      save_ms = (g_get_monotonic_time () - made) / 1000.0;
      make_ms = (made - start) / 1000.0;
      if (last_rows != 0)
        printf ("%8u %10.1f %10.1f %11.1fx %11.1fx\n", n_rows, make_ms, save_ms,
                make_ms / last_make, save_ms / last_save);
      else
        printf ("%8u %10.1f %10.1f\n", n_rows, make_ms, save_ms);
      last_rows = n_rows, last_make = make_ms, last_save = save_ms;
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
