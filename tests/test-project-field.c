/* The field table of a performance-goal form (bd-project-field.h): the one
 * list of BdProject's fields that the store, the editor and the form editor
 * read. The values are the seed's form (data/minhang-cityops-2024.md,
 * 七、绩效目标): 政府雇员, 其中：财政资金 4,630,048.00, 上年结转资金 empty
 * (0.00), 计划开始日期 2024-01-01. */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bd-project-field.h"
#include "bd-test-util.h"

static BdProject *
seed_project (BdDocument *seed)
{
  g_assert_cmpuint (seed->projects->len, ==, 1);
  return g_ptr_array_index (seed->projects, 0);
}

/* The document file's project table has the table's columns, in its order
 * and of its kinds, after id and position: the store binds them by place.
 * Format 5 added to_review after them (no field the clerk types). */
static void
test_schema_columns (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bd-fields-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cityops.budget", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint column = 0;

  g_assert_true (bd_store_save_as (seed, path, &error));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, type FROM pragma_table_info ('project') ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);

      if (column == 0)
        g_assert_cmpstr (name, ==, "id");
      else if (column == 1)
        g_assert_cmpstr (name, ==, "position");
      else if (column == 2 + BD_N_PROJECT_FIELDS)
        g_assert_cmpstr (name, ==, "to_review");
      else
        {
          const BdProjectField *field = &bd_project_fields[column - 2];
          g_assert_cmpuint (column - 2, <, BD_N_PROJECT_FIELDS);
          g_assert_cmpstr (name, ==, field->name);
          g_assert_cmpstr (type, ==, field->kind == BD_PROJECT_FIELD_AMOUNT ? "INTEGER" : "TEXT");
        }
      column++;
    }
  g_assert_cmpuint (column, ==, 3 + BD_N_PROJECT_FIELDS);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_format_and_parse (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  BdProject *project = seed_project (seed);
  const BdProjectField *fiscal = bd_project_field_find ("fiscal_funds");
  const BdProjectField *carryover = bd_project_field_find ("carryover");
  const BdProjectField *start = bd_project_field_find ("start_date");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean changed;

  g_assert_nonnull (fiscal);
  g_assert_null (bd_project_field_find ("funds"));
  g_assert_cmpint (fiscal->kind, ==, BD_PROJECT_FIELD_AMOUNT);
  g_assert_cmpstr (fiscal->label, ==, "其中：财政资金");
  g_assert_cmpint (start->kind, ==, BD_PROJECT_FIELD_TEXT);

  text = bd_project_field_format (fiscal, project);
  g_assert_cmpstr (text, ==, "4,630,048.00");
  g_clear_pointer (&text, g_free);
  text = bd_project_field_format (start, project);
  g_assert_cmpstr (text, ==, "2024-01-01");

  /* The same amount typed without separators changes nothing. */
  g_assert_true (bd_project_field_parse (fiscal, project, "4630048", &changed, &error));
  g_assert_false (changed);
  g_assert_cmpint (project->fiscal_funds, ==, Y (4630048, 0));
  /* Three decimals are not an amount: refused, the value kept. */
  g_assert_false (bd_project_field_parse (fiscal, project, "4,630,048.001", &changed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (project->fiscal_funds, ==, Y (4630048, 0));
  g_assert_true (bd_project_field_parse (carryover, project, "100", &changed, &error));
  g_assert_true (changed);
  g_assert_cmpint (project->carryover, ==, Y (100, 0));
  g_assert_true (bd_project_field_parse (start, project, "2024-02-01", &changed, &error));
  g_assert_true (changed);
  g_assert_cmpstr (project->start_date, ==, "2024-02-01");
}

static void
test_copy_and_clear (void)
{
  g_autoptr(BdDocument) seed = bd_test_load_seed ();
  BdProject *project = seed_project (seed);
  BdProject *copy = bd_project_new ();

  bd_project_fields_copy (copy, project);
  for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
    {
      g_autofree char *a = bd_project_field_format (&bd_project_fields[f], project);
      g_autofree char *b = bd_project_field_format (&bd_project_fields[f], copy);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpstr (copy->name, ==, "政府雇员");
  g_assert_true (copy->name != project->name);
  bd_project_fields_clear (copy);
  g_assert_null (copy->name);
  g_assert_null (copy->annual_goal);
  bd_project_free (copy);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project-field/schema-columns", test_schema_columns);
  g_test_add_func ("/project-field/format-and-parse", test_format_and_parse);
  g_test_add_func ("/project-field/copy-and-clear", test_copy_and_clear);
  return g_test_run ();
}
