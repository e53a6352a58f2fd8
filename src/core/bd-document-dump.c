/* bd-document-dump.c: a document as text, a line a field and its tables in
 * key order, so that two documents compare as strings (the round-trip,
 * store and fuzz tests). */

#include <string.h>

#include "bd-document.h"
#include "bd-project-field.h"

static void
dump_row (GString     *out,
          const char  *prefix,
          const BdRow *row,
          guint        n_columns)
{
  g_string_append_printf (out, "%s %s|%s|%s", prefix, row->code, row->name, row->is_leaf ? "leaf" : "sum");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (out, " %" G_GINT64_FORMAT, row->values[c]);
      if (row->published_mask & (1u << c))
        g_string_append_printf (out, "/%" G_GINT64_FORMAT, row->published[c]);
    }
  g_string_append_c (out, '\n');
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

#define S(text) ((text) ? (text) : "")

static void
dump_schedules (GString    *out,
                BdDocument *self)
{
  for (guint s = 0; s < BD_N_SCHEDULES; s++)
    {
      BdSchedule *schedule = self->schedules[s];
      guint n = schedule->def->n_columns;

      g_string_append_printf (out, "schedule %u note %s\n", s + 1, schedule->note ? schedule->note : "");
      if (schedule->income != NULL)
        {
          for (guint i = 0; i < schedule->income->len; i++)
            dump_row (out, "  income", g_ptr_array_index (schedule->income, i), 1);
          dump_row (out, "  income-total", schedule->income_total, 1);
        }
      if (schedule->carryover != NULL)
        {
          dump_row (out, "  carryover", schedule->carryover, 1);
          dump_row (out, "  carry-forward", schedule->carry_forward, n);
          dump_row (out, "  income-grand", schedule->income_grand, 1);
          dump_row (out, "  expense-grand", schedule->expense_grand, n);
        }
      for (guint i = 0; i < schedule->rows->len; i++)
        dump_row (out, "  row", g_ptr_array_index (schedule->rows, i), n);
      if (schedule->total != NULL)
        dump_row (out, "  total", schedule->total, n);
    }
}

char *
bd_document_dump (BdDocument *self)
{
  GString *out;
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  out = g_string_new (NULL);

  g_string_append_printf (out, "department %s\nyear %d\ntitle %s\nattachment %s\n",
                          self->department, self->year,
                          S (self->title), S (self->attachment));

  dump_schedules (out, self);

  for (guint i = 0; i < self->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (self->sections, i);
      g_string_append_printf (out, "section %s|%s\n", section->id, section->title);
      for (guint p = 0; p < section->paragraphs->len; p++)
        g_string_append_printf (out, "  ¶ %s\n", (char *) g_ptr_array_index (section->paragraphs, p));
    }

  keys = sorted_keys (self->figures);
  for (guint i = 0; i < keys->len; i++)
    {
      const BdFigure *figure = g_hash_table_lookup (self->figures, keys->pdata[i]);
      g_string_append_printf (out, "figure %s %" G_GINT64_FORMAT " %d\n",
                              (char *) keys->pdata[i], figure->value, figure->unit);
    }
  g_clear_pointer (&keys, g_ptr_array_unref);

  keys = sorted_keys (self->last_year);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "last-year %s %" G_GINT64_FORMAT "\n", (char *) keys->pdata[i],
                            *(gint64 *) g_hash_table_lookup (self->last_year, keys->pdata[i]));
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = sorted_keys (self->rule_profile);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "rule %s %s\n", (char *) keys->pdata[i],
                            (char *) g_hash_table_lookup (self->rule_profile, keys->pdata[i]));

  for (guint c = 0; c < G_N_ELEMENTS (self->extra_codes); c++)
    {
      g_autoptr(GPtrArray) codes = sorted_keys (self->extra_codes[c]);
      for (guint i = 0; i < codes->len; i++)
        g_string_append_printf (out, "extra-code %u %s %s\n", c, (char *) codes->pdata[i],
                                (char *) g_hash_table_lookup (self->extra_codes[c], codes->pdata[i]));
    }

  for (guint i = 0; i < self->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (self->projects, i);

      /* Every field of the table, so that a field added to it is compared
       * by the round-trip tests without more code. */
      g_string_append (out, "project\n");
      for (guint f = 0; f < BD_N_PROJECT_FIELDS; f++)
        {
          g_autofree char *value = bd_project_field_format (&bd_project_fields[f], p);
          g_string_append_printf (out, "  %s %s\n", bd_project_fields[f].name, value);
        }
      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          g_string_append_printf (out, "  indicator %s|%s|%s|%s\n",
                                  indicator->level1, indicator->level2, indicator->name, indicator->target);
        }
    }

  return g_string_free (out, FALSE);
}
