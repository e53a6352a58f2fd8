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

const char *
bd_severity_label (BdSeverity severity)
{
  switch (severity)
    {
    case BD_SEVERITY_ERROR: return _("error");
    case BD_SEVERITY_WARNING: return _("warning");
    case BD_SEVERITY_INFO:
    default:
      return _("note");
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
  BdCheck check = { .doc = doc };
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free);
  for (guint i = 0; i < n_rules; i++)
    bd_check_run_rule (&check, &rules[i]);
  bd_check_clear (&check);
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
  /* The look-ups of the rules (code indexes, 类 lists), kept from one update
   * to the next until rows change: rebuilding them was most of a recheck. */
  BdCheck     cache;
  /* Each schedule's figures as last checked, row by row: an update compares
   * them to find the rows an edit changed, and row rules check only those. */
  GArray     *seen[BD_N_SCHEDULES];
  /* Each rule's setting in the document's profile as last applied: a rule
   * switched off, on or to another severity is run again. */
  GPtrArray  *settings;
  /* Each row rule's context (BdRule.row_context) as last checked. */
  GArray     *contexts;
};

typedef struct {
  gint64 values[BD_MAX_COLUMNS];
  gint64 published[BD_MAX_COLUMNS];
  guint  published_mask;
} RowState;

G_DEFINE_FINAL_TYPE (BdChecker, bd_checker, G_TYPE_OBJECT)

static void
bd_checker_finalize (GObject *object)
{
  BdChecker *self = (BdChecker *) object;

  bd_check_clear (&self->cache);
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    g_clear_pointer (&self->seen[i], g_array_unref);
  g_ptr_array_unref (self->settings);
  g_array_unref (self->contexts);
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
  self->settings = g_ptr_array_new_full (n_rules, g_free);
  g_ptr_array_set_size (self->settings, n_rules);
  self->contexts = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_rules);
  g_array_set_size (self->contexts, n_rules);
}

BdChecker *
bd_checker_new (BdDocument *doc)
{
  BdChecker *self;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  self = g_object_new (BD_TYPE_CHECKER, NULL);
  self->doc = g_object_ref (doc);
  return self;
}

static void
row_state (RowState *state,
           BdRow    *row)
{
  memcpy (state->values, row->values, sizeof state->values);
  memcpy (state->published, row->published, sizeof state->published);
  state->published_mask = row->published_mask;
}

static void
remember_schedule (BdChecker *self,
                   guint      number)
{
  GPtrArray *rows = bd_document_get_schedule (self->doc, number)->rows;
  GArray **seen = &self->seen[number - 1];

  if (*seen == NULL)
    *seen = g_array_new (FALSE, FALSE, sizeof (RowState));
  g_array_set_size (*seen, rows->len);
  for (guint i = 0; i < rows->len; i++)
    row_state (&g_array_index (*seen, RowState, i), g_ptr_array_index (rows, i));
}

/* Adds the positions of the rows of schedule @number whose figures changed
 * since it was last seen; FALSE when its rows are not those seen. */
static gboolean
changed_rows (BdChecker *self,
              guint      number,
              GArray    *changed)
{
  GPtrArray *rows = bd_document_get_schedule (self->doc, number)->rows;
  GArray *seen = self->seen[number - 1];

  if (seen == NULL || seen->len != rows->len)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      RowState now, *before = &g_array_index (seen, RowState, i);

      row_state (&now, g_ptr_array_index (rows, i));
      if (memcmp (&now, before, sizeof now) != 0)
        {
          guint position = BD_CHECK_POSITION (number, i);

          *before = now;
          g_array_append_val (changed, position);
        }
    }
  return TRUE;
}

/* Whether a change of @changed leaves @rule's reading to the rows that
 * changed: nothing else it reads changed (or what it reads of the rest, its
 * context, is as it was). Remembers the context. */
static gboolean
rows_suffice (BdChecker    *self,
              guint         index,
              const BdRule *rule,
              guint         changed,
              gboolean      whole)
{
  guint *context = &g_array_index (self->contexts, guint, index);
  gboolean same = TRUE;

  if (rule->check_row == NULL)
    return FALSE;
  if (rule->row_context != NULL)
    {
      guint now = rule->row_context (&self->cache);

      same = now == *context;
      *context = now;
      if (!whole && same && (changed & rule->reads & ~rule->row_schedules & ~BD_READS_ALL_SCHEDULES) == 0)
        return TRUE;
    }
  return same && !whole && (changed & rule->reads & ~rule->row_schedules) == 0;
}

GPtrArray *
bd_checker_update (BdChecker *self,
                   guint      changed)
{
  BdCheck *check = &self->cache;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean whole;
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  g_return_val_if_fail (BD_IS_CHECKER (self), NULL);

  if (!self->run_once)
    changed = BD_READS_EVERYTHING;
  self->run_once = TRUE;
  check->doc = self->doc;

  /* Rows added, removed or replaced leave the look-ups pointing at old rows. */
  whole = (changed & BD_READS_ROWS) != 0;
  if (whole)
    bd_check_clear (check);
  for (guint n = 1; n <= BD_N_SCHEDULES && !whole; n++)
    if ((changed & BD_READS_SCHEDULE (n)) && !changed_rows (self, n, rows))
      whole = TRUE;

  for (guint i = 0; i < n_rules; i++)
    {
      const char *threshold = bd_rules_threshold_of_rule (rules[i].id);
      const char *setting = bd_rule_profile_get (self->doc, rules[i].id);
      g_autofree char *both = NULL;
      gboolean reset;

      /* A rule with a threshold runs again when either changes. */
      if (threshold != NULL)
        {
          const char *percent = g_hash_table_lookup (self->doc->rule_profile, threshold);

          setting = both = g_strdup_printf ("%s %s", setting ? setting : "-", percent ? percent : "-");
        }
      reset = g_strcmp0 (setting, g_ptr_array_index (self->settings, i)) != 0;
      if (reset)
        {
          g_free (g_ptr_array_index (self->settings, i));
          g_ptr_array_index (self->settings, i) = g_strdup (setting);
        }
      if ((rules[i].reads & changed) == 0 && !reset)
        continue;
      check->findings = g_ptr_array_index (self->by_rule, i);
      if (rows_suffice (self, i, &rules[i], changed, whole) && !reset)
        bd_check_run_rows (check, &rules[i], rows);
      else
        {
          g_ptr_array_set_size (check->findings, 0);
          bd_check_run_rule (check, &rules[i]);
        }
    }
  check->findings = NULL;
  if (whole)
    for (guint n = 1; n <= BD_N_SCHEDULES; n++)
      remember_schedule (self, n);

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
  BdCheck check = { .doc = doc };

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_finding_free);
  bd_check_run_rule (&check, rule);
  bd_check_clear (&check);
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
  return bd_findings_to_json_with_profile (findings, NULL);
}

/* With a profile, the thresholds in force (the document's or the
 * machine's) in per cents; the profile itself lists the rules' settings. */
static void
add_profile (JsonBuilder *builder,
             BdDocument  *doc)
{
  g_autoptr(GList) rules = g_list_sort (g_hash_table_get_keys (doc->rule_profile), (GCompareFunc) strcmp);

  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_object (builder);
  for (BdThreshold t = BD_THRESHOLD_REASON; t <= BD_THRESHOLD_YEAR_CHANGE; t++)
    {
      json_builder_set_member_name (builder, bd_rules_threshold_name (t));
      json_builder_add_int_value (builder, bd_rules_document_threshold (doc, t) / 100);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  for (GList *l = rules; l; l = l->next)
    {
      if (bd_rules_threshold_lookup (l->data, NULL))
        continue;
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (doc->rule_profile, l->data));
    }
  json_builder_end_object (builder);
}

char *
bd_findings_to_json_with_profile (GPtrArray  *findings,
                                  BdDocument *doc)
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
  if (doc != NULL && g_hash_table_size (doc->rule_profile) > 0)
    add_profile (builder, doc);
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
