#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bd-check-private.h"
#include "bd-text-writer.h"

void
bd_finding_free (BdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->row);
  g_free (finding->column);
  g_free (finding->message);
  g_free (finding->expected);
  g_free (finding->actual);
  g_free (finding->fix.code);
  g_free (finding->fix.text);
  g_free (finding);
}

const char *
bd_severity_to_string (BdSeverity severity)
{
  switch (severity)
    {
    case BD_SEVERITY_ERROR: return "error";
    case BD_SEVERITY_WARNING: return "warning";
    case BD_SEVERITY_INFO:
    default:
      return "info";
    }
}

const BdRule *
bd_rule_lookup (const char *id)
{
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  for (guint i = 0; i < n_rules; i++)
    if (strcmp (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

BdRow *
bd_check_row (BdCheck    *check,
              guint       number,
              const char *code)
{
  GHashTable **index = &check->index[number - 1];

  if (*index == NULL)
    {
      BdSchedule *schedule = bd_document_get_schedule (check->doc, number);

      *index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < schedule->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          g_hash_table_insert (*index, row->code, row);
        }
    }
  return g_hash_table_lookup (*index, code);
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

static gboolean
iter_wants_row (BdCellIter *iter,
                BdRow      *row)
{
  guint flags = iter->flags;

  if ((flags & BD_ITER_LEI) && bd_code_level (row->code) != BD_LEVEL_LEI)
    return FALSE;
  if ((flags & BD_ITER_LEAVES) && !(flags & BD_ITER_SUMS) && !row->is_leaf)
    return FALSE;
  if ((flags & BD_ITER_SUMS) && !(flags & BD_ITER_LEAVES) && row->is_leaf)
    return FALSE;
  if (iter->seen != NULL && !g_hash_table_add (iter->seen, row->code))
    return FALSE;
  return TRUE;
}

static gboolean
iter_wants_column (BdCellIter *iter,
                   guint       column)
{
  gboolean entered = bd_schedule_def_is_entered (iter->schedule->def, column);

  return (iter->flags & (entered ? BD_ITER_ENTERED_COLUMNS : BD_ITER_SUM_COLUMNS)) != 0;
}

/* The next column of the current row wanted, or FALSE at its end. */
static gboolean
iter_next_column (BdCellIter *iter,
                  guint       from)
{
  for (guint c = from; c < iter->schedule->def->n_columns; c++)
    if (iter_wants_column (iter, c))
      {
        iter->column = c;
        return TRUE;
      }
  return FALSE;
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
  gboolean by_column = (iter->flags & BD_ITER_ALL_COLUMNS) != 0;

  if (iter->in_row && iter_next_column (iter, iter->column + 1))
    return TRUE;
  iter->in_row = FALSE;

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
          iter->column = 0;
          if (!by_column)
            return TRUE;
          if (iter_next_column (iter, 0))
            {
              iter->in_row = TRUE;
              return TRUE;
            }
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
  finding->severity = check->rule->severity;
  finding->part = part;
  finding->row = g_strdup (row);
  finding->column = g_strdup (column);
  finding->expected = g_strdup (expected);
  finding->actual = g_strdup (actual);
  finding->message = message;
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

static void
run_rule (BdCheck      *check,
          const BdRule *rule)
{
  check->rule = rule;
  rule->check (check);
}

static void
check_clear (BdCheck *check)
{
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    g_clear_pointer (&check->index[i], g_hash_table_unref);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const BdFinding *x = *(const BdFinding **) a;
  const BdFinding *y = *(const BdFinding **) b;

  if (x->part != y->part)
    return (int) x->part - (int) y->part;
  return (int) x->severity - (int) y->severity;
}

GPtrArray *
bd_check_document (BdDocument *doc)
{
  BdCheck check = { doc, g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free), NULL, { NULL } };
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  for (guint i = 0; i < n_rules; i++)
    run_rule (&check, &rules[i]);
  check_clear (&check);
  /* Stable, so each part keeps the order of the rules. */
  g_ptr_array_sort_with_data (check.findings, compare_findings, NULL);
  return check.findings;
}

struct _BdChecker
{
  GObject     parent_instance;

  BdDocument *doc;
  GPtrArray  *by_rule;    /* GPtrArray* of BdFinding* per rule, owned */
  GPtrArray  *all;        /* every finding, borrowed from by_rule */
  gboolean    run_once;
  /* The code indexes of the schedules, kept from one update to the next until
   * rows change: rebuilding them is most of a one-cell recheck. */
  GHashTable *index[BD_N_SCHEDULES];
};

G_DEFINE_FINAL_TYPE (BdChecker, bd_checker, G_TYPE_OBJECT)

static void
bd_checker_finalize (GObject *object)
{
  BdChecker *self = (BdChecker *) object;

  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    g_clear_pointer (&self->index[i], g_hash_table_unref);
  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->by_rule);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bd_checker_parent_class)->finalize (object);
}

static void
bd_checker_class_init (BdCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_checker_finalize;
}

static void
bd_checker_init (BdChecker *self)
{
  guint n_rules;

  bd_rules (&n_rules);
  self->by_rule = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_rules; i++)
    g_ptr_array_add (self->by_rule, g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free));
  self->all = g_ptr_array_new ();
}

BdChecker *
bd_checker_new (BdDocument *doc)
{
  BdChecker *self = g_object_new (BD_TYPE_CHECKER, NULL);

  self->doc = g_object_ref (doc);
  return self;
}

GPtrArray *
bd_checker_update (BdChecker *self,
                   guint      changed)
{
  BdCheck check = { self->doc, NULL, NULL, { NULL } };
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  g_return_val_if_fail (BD_IS_CHECKER (self), NULL);

  if (!self->run_once)
    changed = BD_READS_EVERYTHING;
  self->run_once = TRUE;

  /* Rows added, removed or replaced leave the indexes pointing at old rows. */
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    {
      if (changed & BD_READS_ROWS)
        g_clear_pointer (&self->index[i], g_hash_table_unref);
      check.index[i] = g_steal_pointer (&self->index[i]);
    }

  for (guint i = 0; i < n_rules; i++)
    {
      if ((rules[i].reads & changed) == 0)
        continue;
      check.findings = g_ptr_array_index (self->by_rule, i);
      g_ptr_array_set_size (check.findings, 0);
      run_rule (&check, &rules[i]);
    }
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    self->index[i] = g_steal_pointer (&check.index[i]);

  g_ptr_array_set_size (self->all, 0);
  for (guint i = 0; i < n_rules; i++)
    {
      GPtrArray *findings = g_ptr_array_index (self->by_rule, i);
      for (guint j = 0; j < findings->len; j++)
        g_ptr_array_add (self->all, g_ptr_array_index (findings, j));
    }
  g_ptr_array_sort_with_data (self->all, compare_findings, NULL);
  return self->all;
}

GPtrArray *
bd_check_rule (BdDocument   *doc,
               const BdRule *rule)
{
  BdCheck check = { doc, g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free), NULL, { NULL } };

  run_rule (&check, rule);
  check_clear (&check);
  return check.findings;
}

static BdRow *
find_income (BdSchedule *schedule,
             const char *key)
{
  if (schedule->income == NULL)
    return NULL;
  for (guint i = 0; i < schedule->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (schedule->income, i);
      if (strcmp (item->code, key) == 0)
        return item;
    }
  return NULL;
}

gboolean
bd_finding_apply_fix (const BdFinding *finding,
                      BdDocument      *doc)
{
  const BdFix *fix = &finding->fix;
  BdSchedule *schedule = fix->schedule ? bd_document_get_schedule (doc, fix->schedule) : NULL;
  BdRow *row;

  switch (fix->kind)
    {
    case BD_FIX_SET_AMOUNT:
      row = bd_schedule_find_row (schedule, fix->code);
      if (row == NULL || !row->is_leaf || !bd_schedule_def_is_entered (schedule->def, fix->column))
        return FALSE;
      row->values[fix->column] = fix->value;
      bd_schedule_forget_published_sums (schedule);
      break;
    case BD_FIX_SET_INCOME:
      row = find_income (schedule, fix->code);
      if (row == NULL || !row->is_leaf)
        return FALSE;
      row->values[0] = fix->value;
      bd_schedule_forget_published_sums (schedule);
      break;
    case BD_FIX_ACCEPT_COMPUTED:
      bd_schedule_forget_published_sums (schedule);
      break;
    case BD_FIX_SET_NOTE:
      g_free (schedule->note);
      schedule->note = g_strdup (fix->text);
      break;
    case BD_FIX_SET_NAME:
      row = bd_schedule_find_row (schedule, fix->code);
      if (row == NULL)
        return FALSE;
      g_free (row->name);
      row->name = g_strdup (fix->text);
      break;
    case BD_FIX_SET_TITLE_YEAR:
      schedule->title_year = doc->year;
      break;
    case BD_FIX_NONE:
    default:
      return FALSE;
    }

  if (schedule != NULL)
    bd_schedule_recompute (schedule);
  return TRUE;
}

char *
bd_findings_to_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      const struct { const char *name; const char *value; } members[] = {
        { "rule", finding->rule },
        { "severity", bd_severity_to_string (finding->severity) },
        { "section", bd_part_to_string (finding->part) },
        { "row", finding->row },
        { "column", finding->column },
        { "message", finding->message },
        { "expected", finding->expected },
        { "actual", finding->actual },
      };

      json_builder_begin_object (builder);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          json_builder_set_member_name (builder, members[m].name);
          if (members[m].value != NULL)
            json_builder_add_string_value (builder, members[m].value);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

guint
bd_findings_count (GPtrArray  *findings,
                   BdSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    count += ((BdFinding *) g_ptr_array_index (findings, i))->severity == severity;
  return count;
}
