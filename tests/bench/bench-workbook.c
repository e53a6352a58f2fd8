/* Prints the time of a workbook import: a generated document of ROWS
 * function rows (13,000 by default) written by BudgetDesk's xlsx export, then
 * read back (libgsf + libxml2's reader) into a document, in process; and
 * the whole process of `budgetdesk-cli import BOOK.xlsx -o X.budget` when
 * the tool is given. The goal: under 2 s whole process. A benchmark, not a
 * test. Usage: bench-workbook [ROWS] [budgetdesk-cli] */

#include <glib/gstdio.h>
#include <stdio.h>

#include "bd-generator.h"
#include "bd-workbook-import.h"
#include "bd-xlsx-writer.h"

int
main (int    argc,
      char **argv)
{
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 13000;
  g_autofree char *dir = g_dir_make_tmp ("bd-bench-workbook-XXXXXX", NULL);
  g_autofree char *book = g_build_filename (dir, "big.xlsx", NULL);
  g_autofree char *out = g_build_filename (dir, "big.budget", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_generate_document (rows, 1);
  g_autoptr(BdDocument) back = NULL;
  g_autoptr(BdWorkbook) cells = NULL;
  gint64 start;
  double read_s, import_s;
  guint n_rows = 0;
  GStatBuf st;

  if (!bd_xlsx_write_file (doc, book, &error))
    g_error ("export: %s", error->message);
  g_stat (book, &st);

  start = g_get_monotonic_time ();
  cells = bd_workbook_read (book, &error);
  read_s = (g_get_monotonic_time () - start) / 1e6;
  if (cells == NULL)
    g_error ("read: %s", error->message);
  start = g_get_monotonic_time ();
  back = bd_workbook_import (cells, book, &error);
  import_s = (g_get_monotonic_time () - start) / 1e6;
  if (back == NULL)
    g_error ("import: %s", error->message);
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    n_rows += bd_document_get_schedule (back, n)->rows->len;
  printf ("workbook of %u generated rows (%ld KB xlsx, %u rows in all schedules read back)\n",
          rows, (long) (st.st_size / 1024), n_rows);
  printf ("  read cells (libgsf + libxml2): %.3f s\n", read_s);
  printf ("  schedules from cells:          %.3f s\n", import_s);

  if (argc > 2)
    {
      const char *command[] = { argv[2], "import", book, "-o", out, NULL };
      int status = 0;

      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) command, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                         &status, &error) || status != 0)
        g_error ("budgetdesk-cli import failed");
      printf ("  whole process, budgetdesk-cli import BOOK.xlsx -o X.budget: %.3f s (goal < 2 s)\n",
              (g_get_monotonic_time () - start) / 1e6);
      g_unlink (out);
    }
  g_unlink (book);
  g_rmdir (dir);
  return 0;
}
