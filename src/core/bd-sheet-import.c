/* bd-sheet-import.c: one schedule of a workbook sheet into an open document */

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-catalog.h"
#include "bd-editor-private.h"
#include "bd-money.h"
#include "bd-sheet-import.h"
#include "bd-workbook-import.h"

static void
change_clear (BdSheetChange *change)
{
  g_free (change->code);
  g_free (change->name);
}

void
bd_sheet_import_free (BdSheetImport *import)
{
  if (import == NULL)
    return;
  g_free (import->sheet);
  g_array_unref (import->changes);
  g_ptr_array_unref (import->kept);
  for (guint c = 0; c < G_N_ELEMENTS (import->new_codes); c++)
    g_hash_table_unref (import->new_codes[c]);
  g_free (import);
}

static void
add_figures (BdSheetImport *import,
             BdSchedule    *schedule,
             BdRowPart      part,
             BdRow         *have,
             BdRow         *read)
{
  const BdScheduleDef *def = schedule->def;
  guint n_columns = part == BD_ROW_PART_INCOME ? 1 : def->n_columns;

  for (guint c = 0; c < n_columns; c++)
    {
      BdSheetChange change = { BD_SHEET_CHANGE_FIGURE, part };

      if ((part == BD_ROW_PART_TABLE && !bd_schedule_def_is_entered (def, c)) || have->values[c] == read->values[c])
        continue;
      change.code = g_strdup (have->code);
      change.name = g_strdup (have->name);
      change.column = c;
      change.before = have->values[c];
      change.after = read->values[c];
      g_array_append_val (import->changes, change);
    }
}

/* The leaf rows: added, changed, or only in the document. */
static void
compare_rows (BdSheetImport *import,
              BdSchedule    *have,
              BdSchedule    *read)
{
  const BdScheduleDef *def = have->def;

  for (guint i = 0; i < read->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (read->rows, i);
      BdRow *mine = bd_schedule_find_row (have, row->code);

      if (!row->is_leaf)
        continue;
      if (mine != NULL)
        {
          add_figures (import, have, BD_ROW_PART_TABLE, mine, row);
          continue;
        }
      {
        BdSheetChange change = { BD_SHEET_CHANGE_ROW_ADDED, BD_ROW_PART_TABLE };

        change.code = g_strdup (row->code);
        change.name = g_strdup (row->name);
        change.source_sheet = row->source_sheet;
        change.source_line = row->source_line;
        change.source_column = row->source_column;
        for (guint c = 0; c < def->n_columns; c++)
          if (bd_schedule_def_is_entered (def, c))
            change.values[c] = row->values[c];
        g_array_append_val (import->changes, change);
      }
    }
  for (guint i = 0; i < have->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (have->rows, i);

      if (row->is_leaf && bd_schedule_find_row (read, row->code) == NULL)
        g_ptr_array_add (import->kept, g_strdup_printf ("%s %s", row->code, row->name ? row->name : ""));
    }
}

/* The codes the rows of @schedule are in. */
static BdClassification
classification_of (BdSchedule *schedule)
{
  return schedule->def->row_kind == BD_ROWS_ECONOMIC ? BD_CLASSIFICATION_ECONOMIC : BD_CLASSIFICATION_FUNCTION;
}

/* The codes of the rows added, and their 类 and 款, that @doc does not know
 * and the sheet named (@read has them as extra codes). */
static void
find_new_codes (BdSheetImport *import,
                BdDocument    *doc,
                BdDocument    *read,
                BdSchedule    *have)
{
  BdClassification c = classification_of (have);

  for (guint i = 0; i < import->changes->len; i++)
    {
      BdSheetChange *change = &g_array_index (import->changes, BdSheetChange, i);
      gsize length = strlen (change->code);

      if (change->kind != BD_SHEET_CHANGE_ROW_ADDED)
        continue;
      for (gsize n = 3; n <= length; n += 2)
        {
          g_autofree char *code = g_strndup (change->code, n);
          const char *name = bd_document_lookup_code (read, c, code);

          if (name != NULL && bd_document_lookup_code (doc, c, code) == NULL)
            g_hash_table_replace (import->new_codes[c], g_steal_pointer (&code), g_strdup (name));
        }
    }
}

/* Schedules 1 and 4: the income items typed in; the 类 rows follow other
 * schedules and are not the sheet's to change. */
static void
compare_income (BdSheetImport *import,
                BdSchedule    *have,
                BdSchedule    *read)
{
  for (guint i = 0; have->income != NULL && i < have->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (have->income, i);
      BdRow *read_item = bd_schedule_find_part (read, BD_ROW_PART_INCOME, item->code);

      if (item->is_leaf && read_item != NULL)
        add_figures (import, have, BD_ROW_PART_INCOME, item, read_item);
    }
}

BdSheetImport *
bd_sheet_import_new (BdDocument       *doc,
                     BdWorkbookSheet  *sheet,
                     GError          **error)
{
  g_autoptr(BdDocument) read = NULL;
  BdSheetImport *import;
  BdSchedule *have;
  guint number;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  read = bd_workbook_import_sheet (sheet, doc, &number, error);
  if (read == NULL)
    return NULL;
  import = g_new0 (BdSheetImport, 1);
  import->schedule = number;
  import->sheet = g_strdup (sheet->name);
  import->changes = g_array_new (FALSE, TRUE, sizeof (BdSheetChange));
  g_array_set_clear_func (import->changes, (GDestroyNotify) change_clear);
  import->kept = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < G_N_ELEMENTS (import->new_codes); c++)
    import->new_codes[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  have = bd_document_get_schedule (doc, import->schedule);
  if (have->def->row_kind == BD_ROWS_BALANCE)
    compare_income (import, have, bd_document_get_schedule (read, import->schedule));
  else
    {
      compare_rows (import, have, bd_document_get_schedule (read, import->schedule));
      find_new_codes (import, doc, read, have);
    }
  return import;
}

guint
bd_sheet_import_count (BdSheetImport     *import,
                       BdSheetChangeKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (import != NULL, 0);

  for (guint i = 0; i < import->changes->len; i++)
    n += g_array_index (import->changes, BdSheetChange, i).kind == kind;
  return n;
}

/* The document as the preview showed it: every figure to change still holds
 * what it held, every row to add is still missing. */
static gboolean
still_as_compared (BdSheetImport  *import,
                   BdSchedule     *schedule,
                   GError        **error)
{
  for (guint i = 0; i < import->changes->len; i++)
    {
      BdSheetChange *change = &g_array_index (import->changes, BdSheetChange, i);
      BdRow *row = bd_schedule_find_part (schedule, change->part, change->code);

      if (change->kind == BD_SHEET_CHANGE_ROW_ADDED ? row == NULL
                                                    : row != NULL && row->values[change->column] == change->before)
        continue;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Schedule %u changed since sheet “%s” was compared with it (row %s): import the sheet again."),
                   import->schedule, import->sheet, change->code);
      return FALSE;
    }
  return TRUE;
}

/* The step changing the schedule as the preview showed. */
static BdStep *
schedule_step (BdSheetImport *import,
               BdSchedule    *schedule)
{
  /* The whole schedule before and after: rows added and figures changed
   * are one step, and schedules 1 and 4 and the text follow it in it. */
  BdStep *step = bd_schedule_step_begin (schedule);
  GHashTable *new_codes = import->new_codes[classification_of (schedule)];

  for (guint i = 0; i < import->changes->len; i++)
    {
      BdSheetChange *change = &g_array_index (import->changes, BdSheetChange, i);

      if (change->kind == BD_SHEET_CHANGE_ROW_ADDED)
        {
          BdRow *row = bd_schedule_insert_leaf (schedule, change->code, change->name);
          memcpy (row->values, change->values, sizeof row->values);
          /* A finding about the row names the sheet's cell it came from. */
          row->source_sheet = change->source_sheet;
          row->source_line = change->source_line;
          row->source_column = change->source_column;
        }
      else
        bd_schedule_find_part (schedule, change->part, change->code)->values[change->column] = change->after;
    }
  /* A 类 or 款 made for a row added is named from the catalog only: one
   * the catalog lacks takes the sheet's name. */
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      const char *name = g_hash_table_lookup (new_codes, row->code);

      if ((row->name == NULL || row->name[0] == '\0') && name != NULL)
        {
          g_free (row->name);
          row->name = g_strdup (name);
        }
    }
  bd_schedule_forget_published_sums (schedule);
  bd_schedule_step_end (step, schedule);
  return step;
}

typedef struct {
  BdSheetImport *import;
  BdSchedule    *schedule;
  BdStep        *codes;
} Apply;

static gboolean
apply_with_codes (BdEditor  *editor,
                  gpointer   data,
                  GError   **error)
{
  Apply *apply = data;

  return bd_editor_perform (editor, g_steal_pointer (&apply->codes), error)
         && bd_editor_perform (editor, schedule_step (apply->import, apply->schedule), error);
}

/* The codes to register that the document still does not know. */
static BdStep *
codes_step (BdSheetImport *import,
            BdDocument    *doc)
{
  BdStep *step = bd_codes_step_new ();

  for (guint c = 0; c < G_N_ELEMENTS (import->new_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, import->new_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        if (bd_document_lookup_code (doc, c, code) == NULL)
          bd_codes_step_add (step, c, code, name);
    }
  return step;
}

gboolean
bd_sheet_import_apply (BdSheetImport  *import,
                       BdEditor       *editor,
                       GError        **error)
{
  BdSchedule *schedule;
  Apply apply;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (BD_IS_EDITOR (editor), FALSE);

  schedule = bd_editor_schedule_or_error (editor, import->schedule, error);
  if (schedule == NULL || !bd_editor_check_writable (editor, error) || !still_as_compared (import, schedule, error))
    return FALSE;
  if (import->changes->len == 0)
    return TRUE;
  apply = (Apply) { import, schedule, codes_step (import, bd_editor_get_document (editor)) };
  if (bd_codes_step_is_empty (apply.codes))
    {
      bd_step_free (apply.codes);
      return bd_editor_perform (editor, schedule_step (import, schedule), error);
    }
  /* The row and the code naming it: one undo removes both. */
  if (!bd_editor_perform_group (editor, FALSE, apply_with_codes, &apply, error))
    {
      g_clear_pointer (&apply.codes, bd_step_free);
      return FALSE;
    }
  return TRUE;
}

char *
bd_sheet_import_describe (BdSheetImport *import)
{
  const BdScheduleDef *def;
  GString *out;

  g_return_val_if_fail (import != NULL, NULL);

  def = bd_schedule_def_get (import->schedule);
  out = g_string_new (NULL);

  for (guint i = 0; i < import->changes->len; i++)
    {
      BdSheetChange *change = &g_array_index (import->changes, BdSheetChange, i);

      if (change->kind == BD_SHEET_CHANGE_ROW_ADDED)
        {
          g_string_append_printf (out, "+ %s %s", change->code, change->name);
          for (guint c = 0; c < def->n_columns; c++)
            if (bd_schedule_def_is_entered (def, c))
              {
                g_autofree char *value = bd_money_format_unit (change->values[c], def->unit);
                g_string_append_printf (out, " %s %s", def->columns[c].name, value);
              }
        }
      else
        {
          g_autofree char *before = bd_money_format_unit (change->before, def->unit);
          g_autofree char *after = bd_money_format_unit (change->after, def->unit);

          if (change->part == BD_ROW_PART_INCOME)
            g_string_append_printf (out, "~ %s", change->name);
          else
            g_string_append_printf (out, "~ %s %s %s", change->code, change->name, def->columns[change->column].name);
          g_string_append_printf (out, " %s → %s", before, after);
        }
      g_string_append_c (out, '\n');
    }
  {
    g_auto(GStrv) codes = bd_sheet_import_new_codes (import);

    for (guint i = 0; codes[i] != NULL; i++)
      g_string_append_printf (out, _("* %s: not in the catalog, kept with the document\n"), codes[i]);
  }
  for (guint i = 0; i < import->kept->len; i++)
    g_string_append_printf (out, _("= %s (left as it is)\n"), (char *) g_ptr_array_index (import->kept, i));
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
bd_sheet_import_new_codes (BdSheetImport *import)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  g_return_val_if_fail (import != NULL, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (import->new_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, import->new_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        g_ptr_array_add (lines, g_strdup_printf ("%s %s", (char *) code, (char *) name));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}
