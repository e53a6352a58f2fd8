/* bd-check.c: what a rule sees while it runs (BdCheck): the document, look-ups
 * kept between runs, the one walk over rows and cells, and the findings */

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "bd-check-private.h"

/* The index of @code's row in schedule @number; the index maps codes to
 * positions (plus one), built on first use and kept while rows stay. */
gboolean
bd_check_row_index (BdCheck    *check,
                    guint       number,
                    const char *code,
                    guint      *index)
{
  GHashTable **table = &check->index[number - 1];
  gpointer found;

  if (*table == NULL)
    {
      BdSchedule *schedule = bd_document_get_schedule (check->doc, number);

      *table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < schedule->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          g_hash_table_insert (*table, row->code, GUINT_TO_POINTER (i + 1));
        }
    }
  found = g_hash_table_lookup (*table, code);
  if (found == NULL)
    return FALSE;
  *index = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

BdRow *
bd_check_row (BdCheck    *check,
              guint       number,
              const char *code)
{
  guint index;

  if (!bd_check_row_index (check, number, code, &index))
    return NULL;
  return g_ptr_array_index (bd_document_get_schedule (check->doc, number)->rows, index);
}

BdRow *
bd_check_leaf_named (BdCheck    *check,
                     guint       number,
                     const char *name)
{
  GHashTable **names = &check->names[number - 1];

  if (*names == NULL)
    {
      BdSchedule *schedule = bd_document_get_schedule (check->doc, number);

      *names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < schedule->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          if (row->is_leaf)
            g_hash_table_insert (*names, row->name, row);
        }
    }
  return g_hash_table_lookup (*names, name);
}

GPtrArray *
bd_check_lei_codes (BdCheck *check,
                    guint    number)
{
  GPtrArray **codes = &check->lei[number - 1];

  if (*codes == NULL)
    {
      BdSchedule *schedule = bd_document_get_schedule (check->doc, number);

      *codes = g_ptr_array_new ();
      for (guint i = 0; i < schedule->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          if (bd_code_level (row->code) == BD_LEVEL_LEI)
            g_ptr_array_add (*codes, row->code);
        }
    }
  return *codes;
}

void
bd_check_clear (BdCheck *check)
{
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    {
      g_clear_pointer (&check->index[i], g_hash_table_unref);
      g_clear_pointer (&check->lei[i], g_ptr_array_unref);
      g_clear_pointer (&check->names[i], g_hash_table_unref);
      g_clear_pointer (&check->code_rows[i], g_ptr_array_unref);
    }
  g_clear_pointer (&check->code_memo[0], g_hash_table_unref);
  g_clear_pointer (&check->code_memo[1], g_hash_table_unref);
}

void
bd_cell_iter_init (BdCellIter *iter,
                   BdCheck    *check,
                   guint       schedules,
                   guint       flags)
{
  memset (iter, 0, sizeof *iter);
  iter->check = check;
  iter->schedules = schedules & BD_READS_ALL_SCHEDULES;
  iter->flags = flags;
  if (flags & BD_ITER_UNIQUE)
    iter->seen = g_hash_table_new (g_str_hash, g_str_equal);
}

void
bd_cell_iter_clear (BdCellIter *iter)
{
  g_clear_pointer (&iter->seen, g_hash_table_unref);
}

gboolean
bd_check_row_wanted (guint  flags,
                     BdRow *row)
{
  if ((flags & BD_ITER_LEI) && bd_code_level (row->code) != BD_LEVEL_LEI)
    return FALSE;
  if ((flags & BD_ITER_LEAVES) && !(flags & BD_ITER_SUMS) && !row->is_leaf)
    return FALSE;
  if ((flags & BD_ITER_SUMS) && !(flags & BD_ITER_LEAVES) && row->is_leaf)
    return FALSE;
  return TRUE;
}

static gboolean
iter_wants_row (BdCellIter *iter,
                BdRow      *row)
{
  if (!bd_check_row_wanted (iter->flags, row))
    return FALSE;
  if (iter->seen != NULL && !g_hash_table_add (iter->seen, row->code))
    return FALSE;
  return TRUE;
}

static gboolean
iter_next_schedule (BdCellIter *iter)
{
  for (iter->number++; iter->number <= BD_N_SCHEDULES; iter->number++)
    {
      BdSchedule *s;

      if (!(iter->schedules & BD_READS_SCHEDULE (iter->number)))
        continue;
      s = bd_document_get_schedule (iter->check->doc, iter->number);
      if ((iter->flags & BD_ITER_CLASSIFIED)
          && s->def->row_kind != BD_ROWS_FUNCTION && s->def->row_kind != BD_ROWS_ECONOMIC)
        continue;
      iter->schedule = s;
      iter->index = 0;
      return TRUE;
    }
  iter->schedule = NULL;
  return FALSE;
}

gboolean
bd_cell_iter_next (BdCellIter *iter)
{
  if (iter->schedule == NULL && (iter->number > BD_N_SCHEDULES || !iter_next_schedule (iter)))
    return FALSE;
  for (;;)
    {
      while (iter->index < iter->schedule->rows->len)
        {
          BdRow *row = g_ptr_array_index (iter->schedule->rows, iter->index++);

          if (!iter_wants_row (iter, row))
            continue;
          iter->row = row;
          iter->row_index = iter->index - 1;
          return TRUE;
        }
      if (!iter_next_schedule (iter))
        {
          iter->row = NULL;
          return FALSE;
        }
    }
}

BdFinding *
bd_check_report (BdCheck    *check,
                 BdPart      part,
                 const char *row,
                 const char *column,
                 const char *expected,
                 const char *actual,
                 char       *message)
{
  BdFinding *finding = g_new0 (BdFinding, 1);

  finding->rule = check->rule->id;
  finding->severity = check->severity;
  finding->part = part;
  finding->row = g_strdup (row);
  finding->column = g_strdup (column);
  finding->expected = g_strdup (expected);
  finding->actual = g_strdup (actual);
  finding->message = message;
  finding->position = check->position;
  g_ptr_array_add (check->findings, finding);
  return finding;
}

BdFinding *
bd_check_report_amounts (BdCheck    *check,
                         BdPart      part,
                         const char *row,
                         const char *column,
                         gint64      expected,
                         gint64      actual,
                         BdUnit      unit,
                         char       *message)
{
  g_autofree char *expected_text = bd_money_format_unit (expected, unit);
  g_autofree char *actual_text = bd_money_format_unit (actual, unit);

  return bd_check_report (check, part, row, column, expected_text, actual_text, message);
}


/* A row rule's walk: every row it reads, each finding marked with its row. */
static void
walk_rows (BdCheck      *check,
           const BdRule *rule)
{
  g_auto(BdCellIter) it = { 0 };

  bd_cell_iter_init (&it, check, rule->row_schedules, rule->row_flags);
  while (bd_cell_iter_next (&it))
    {
      check->position = BD_CHECK_POSITION (it.number, it.row_index);
      rule->check_row (check, it.number, it.row);
    }
}

void
bd_check_run_rule (BdCheck      *check,
                   const BdRule *rule)
{
  check->rule = rule;
  /* A rule the document switched off finds nothing. */
  if (!bd_rule_profile_severity (check->doc, rule, &check->severity))
    return;
  if (rule->check_row != NULL)
    walk_rows (check, rule);
  check->position = G_MAXUINT;
  if (rule->check != NULL)
    rule->check (check);
}

/* The row a row rule checks for the changed @row of schedule @number: the
 * row itself, or for a rule reading each code once, the code's row in the
 * first schedule that has it. FALSE when the rule does not read it. */
static gboolean
walked_position (BdCheck      *check,
                 const BdRule *rule,
                 guint         number,
                 guint         index,
                 guint        *position)
{
  BdRow *row = g_ptr_array_index (bd_document_get_schedule (check->doc, number)->rows, index);

  if (!(rule->row_flags & BD_ITER_UNIQUE))
    {
      *position = BD_CHECK_POSITION (number, index);
      return bd_check_row_wanted (rule->row_flags, row);
    }
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      guint i;

      if ((rule->row_schedules & BD_READS_SCHEDULE (n)) && bd_check_row_index (check, n, row->code, &i)
          && bd_check_row_wanted (rule->row_flags,
                                  g_ptr_array_index (bd_document_get_schedule (check->doc, n)->rows, i)))
        {
          *position = BD_CHECK_POSITION (n, i);
          return TRUE;
        }
    }
  return FALSE;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = (*(const BdFinding **) a)->position, y = (*(const BdFinding **) b)->position;

  return (x > y) - (x < y);
}

void
bd_check_run_rows (BdCheck      *check,
                   const BdRule *rule,
                   GArray       *changed)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  check->rule = rule;
  if (!bd_rule_profile_severity (check->doc, rule, &check->severity))
    return;
  for (guint i = 0; i < changed->len; i++)
    {
      guint where = g_array_index (changed, guint, i), position;

      if ((rule->row_schedules & BD_READS_SCHEDULE (BD_CHECK_POSITION_SCHEDULE (where)))
          && walked_position (check, rule, BD_CHECK_POSITION_SCHEDULE (where), BD_CHECK_POSITION_INDEX (where),
                              &position)
          && g_hash_table_add (positions, GUINT_TO_POINTER (position + 1)))
        g_array_append_val (order, position);
    }

  /* What the rows and the rest of the rule said before goes; then they are checked again. */
  for (guint i = check->findings->len; i-- > 0;)
    {
      BdFinding *finding = g_ptr_array_index (check->findings, i);
      if ((finding->position == G_MAXUINT && rule->check != NULL)
          || g_hash_table_contains (positions, GUINT_TO_POINTER (finding->position + 1)))
        g_ptr_array_remove_index (check->findings, i);
    }
  for (guint i = 0; i < order->len; i++)
    {
      guint position = g_array_index (order, guint, i);
      guint number = BD_CHECK_POSITION_SCHEDULE (position);

      check->position = position;
      rule->check_row (check, number, g_ptr_array_index (bd_document_get_schedule (check->doc, number)->rows,
                                                         BD_CHECK_POSITION_INDEX (position)));
    }
  check->position = G_MAXUINT;
  if (rule->check != NULL)
    rule->check (check);
  /* Stable: the order of a full check. */
  g_ptr_array_sort (check->findings, compare_positions);
}

static const struct { const char *name; BdSeverity severity; } settings[] = {
  { "error", BD_SEVERITY_ERROR }, { "warning", BD_SEVERITY_WARNING }, { "info", BD_SEVERITY_INFO },
};

/* A threshold of the profile, in whole per cents (kept as written without
 * leading zeros, so that the same value is the same setting). */
static gboolean
set_threshold (BdDocument  *doc,
               const char  *name,
               const char  *setting,
               GError     **error)
{
  guint64 percent;

  if (setting == NULL || strcmp (setting, "default") == 0)
    {
      g_hash_table_remove (doc->rule_profile, name);
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (setting, 10, 1, 1000, &percent, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is no setting of %s: write a whole per cent from 1 to 1000, or default"),
                   setting, name);
      return FALSE;
    }
  g_hash_table_replace (doc->rule_profile, g_strdup (name), g_strdup_printf ("%u", (guint) percent));
  return TRUE;
}

gboolean
bd_rule_profile_set (BdDocument  *doc,
                     const char  *rule,
                     const char  *setting,
                     GError     **error)
{
  gboolean known = setting == NULL || strcmp (setting, "default") == 0 || strcmp (setting, "off") == 0;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);
  if (bd_rules_threshold_lookup (rule, NULL))
    return set_threshold (doc, rule, setting, error);
  if (bd_rule_lookup (rule) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no rule “%s”"), rule);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (settings) && !known; i++)
    known = strcmp (setting, settings[i].name) == 0;
  if (!known)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is no setting of a rule: write off, error, warning, info or default"), setting);
      return FALSE;
    }
  if (setting == NULL || strcmp (setting, "default") == 0)
    g_hash_table_remove (doc->rule_profile, rule);
  else
    g_hash_table_replace (doc->rule_profile, g_strdup (rule), g_strdup (setting));
  return TRUE;
}

const char *
bd_rule_profile_get (BdDocument *doc,
                     const char *rule)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);
  return g_hash_table_lookup (doc->rule_profile, rule);
}

gboolean
bd_rule_profile_severity (BdDocument   *doc,
                          const BdRule *rule,
                          BdSeverity   *severity)
{
  const char *setting;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);

  setting = g_hash_table_size (doc->rule_profile) ? g_hash_table_lookup (doc->rule_profile, rule->id) : NULL;
  *severity = rule->severity;
  if (setting == NULL)
    return TRUE;
  if (strcmp (setting, "off") == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (strcmp (setting, settings[i].name) == 0)
      *severity = settings[i].severity;
  return TRUE;
}
