/* Prints how long `budgetdesk-cli review` takes on a folder of N copies of
 * the seed (N = 100 by default), as documents, as published text and as
 * printed PDFs, on every processor (and documents on one). A benchmark, not a test.
 *   bench-review CLI SEED.md [N] */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bd-importer.h"
#include "bd-page-layout.h"
#include "bd-store.h"

static void
fill_folder (const char *folder,
             const char *source,
             const char *suffix,
             guint       n)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("department-%03u%s", i, suffix);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) to = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
}

static double
review_seconds (const char *cli,
                const char *folder,
                const char *jobs)
{
  const char *argv[] = { cli, "review", folder, "--jobs", jobs, NULL };
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  const char *cli = argc > 1 ? argv[1] : "budgetdesk-cli";
  const char *seed = argc > 2 ? argv[2] : "data/minhang-cityops-2024.md";
  guint n = argc > 3 ? (guint) atoi (argv[3]) : 100;
  g_autofree char *tmp = g_dir_make_tmp ("bd-bench-review-XXXXXX", NULL);
  g_autofree char *document = g_build_filename (tmp, "seed.budget", NULL);
  g_autofree char *budgets = g_build_filename (tmp, "budget", NULL);
  g_autofree char *texts = g_build_filename (tmp, "md", NULL);
  g_autofree char *printed = g_build_filename (tmp, "seed.pdf", NULL);
  g_autofree char *pdfs = g_build_filename (tmp, "pdf", NULL);
  g_autofree char *all_cores = g_strdup_printf ("%u", g_get_num_processors ());
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_published_file (seed, &error);

  if (doc == NULL || !bd_store_save_as (doc, document, &error))
    g_error ("%s", error->message);
  fill_folder (budgets, document, ".budget", n);
  fill_folder (texts, seed, ".md", n);
  {
    g_autoptr(BdPageLayout) layout = bd_page_layout_new (doc, NULL);
    if (!bd_page_layout_write_pdf (layout, printed, &error))
      g_error ("%s", error->message);
  }
  fill_folder (pdfs, printed, ".pdf", n);

  printf ("review of %u copies of the seed (%u processors)\n", n, g_get_num_processors ());
  printf ("  .budget, %s threads: %.2f s\n", all_cores, review_seconds (cli, budgets, all_cores));
  printf ("  .budget, 1 thread:  %.2f s\n", review_seconds (cli, budgets, "1"));
  printf ("  .md,     %s threads: %.2f s\n", all_cores, review_seconds (cli, texts, all_cores));
  printf ("  .pdf,    %s threads: %.2f s (the seed as BudgetDesk prints it)\n", all_cores,
          review_seconds (cli, pdfs, all_cores));

  remove_folder (budgets);
  remove_folder (texts);
  remove_folder (pdfs);
  g_unlink (printed);
  g_unlink (document);
  g_rmdir (tmp);
  return 0;
}
