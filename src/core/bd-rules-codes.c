/* bd-rules-codes.c: classification codes against the catalog
 *
 * A code is known when the catalog or the document itself (a newer or local
 * code it carries) has it. A well-formed code under a known 款 that the
 * shipped list lacks is most likely a code of another year or region: a note,
 * not a warning. A name is compared with the code's own, its earlier names
 * (for documents of those years) aside; a name that is a sibling code's is
 * reported without a fix, since which of code and name is wrong is not certain.
 */

#include "bd-catalog.h"
#include "bd-rules-private.h"

static BdClassification
classification_of (BdSchedule *s)
{
  return s->def->row_kind == BD_ROWS_FUNCTION ? BD_CLASSIFICATION_FUNCTION : BD_CLASSIFICATION_ECONOMIC;
}

/* The name of @code in the catalog or among the document's own codes. */
static const char *
known_name (BdCheck          *check,
            BdClassification  classification,
            const char       *code)
{
  const BdCatalogEntry *entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);

  if (entry != NULL)
    return entry->name;
  return g_hash_table_lookup (check->doc->extra_codes[classification], code);
}

/* Whether @code's 类 or 款 (the code less its last two digits) is known. */
static gboolean
parent_known (BdCheck          *check,
              BdClassification  classification,
              const char       *code)
{
  gsize length = strlen (code);
  char parent[16];

  if (length <= 3 || length - 2 >= sizeof parent)
    return FALSE;
  memcpy (parent, code, length - 2);
  parent[length - 2] = '\0';
  return known_name (check, classification, parent) != NULL;
}

/* What is known of a code, looked up once per check for the three rules
 * that ask (a document repeats its codes in schedules 2, 3 and 5). */
typedef struct {
  const BdCatalogEntry *entry;   /* in the catalog */
  const char           *own;     /* else the document's own code, by this name */
  gboolean              parent_known;
} CodeVerdict;

static const CodeVerdict *
verdict (BdCheck          *check,
         BdClassification  classification,
         const char       *code)
{
  GHashTable **memo = &check->code_memo[classification];
  CodeVerdict *found;

  /* Keyed by the rows' own codes: the memo goes with the look-ups when rows change. */
  if (*memo == NULL)
    *memo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  found = g_hash_table_lookup (*memo, code);
  if (found == NULL)
    {
      found = g_new0 (CodeVerdict, 1);
      found->entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);
      found->own = found->entry ? NULL : g_hash_table_lookup (check->doc->extra_codes[classification], code);
      found->parent_known = parent_known (check, classification, code);
      g_hash_table_insert (*memo, (gpointer) code, found);
    }
  return found;
}

/* The verdicts of schedule @number's rows, by index; kept with the check's look-ups. */
static const CodeVerdict *
row_verdict (BdCheck *check,
             guint    number,
             guint    index)
{
  GPtrArray **rows = &check->code_rows[number - 1];

  if (*rows == NULL)
    {
      BdSchedule *s = schedule (check, number);

      *rows = g_ptr_array_sized_new (s->rows->len);
      for (guint i = 0; i < s->rows->len; i++)
        g_ptr_array_add (*rows, (gpointer) verdict (check, classification_of (s),
                                                    ((BdRow *) g_ptr_array_index (s->rows, i))->code));
    }
  return g_ptr_array_index (*rows, index);
}

/* Codes neither the catalog nor the document knows, split by whether their
 * 款 (or 类) is known: @under_known selects which half this rule reports. */
static void
check_unknown (BdCheck  *check,
               gboolean  under_known)
{
  int edition = bd_catalog_get_edition (bd_catalog_get_default ());
  g_auto(BdCellIter) it = { 0 };

  bd_cell_iter_init (&it, check, BD_READS_ALL_SCHEDULES, BD_ITER_LEAVES | BD_ITER_SUMS | BD_ITER_CLASSIFIED);
  while (bd_cell_iter_next (&it))
    {
      const CodeVerdict *known = row_verdict (check, it.number, it.row_index);
      BdRow *row = it.row;

      if (known->entry != NULL || known->own != NULL || known->parent_known != under_known)
        continue;
      if (under_known)
        bd_check_report (check, PART_OF (it.number), row->code, NULL, NULL, row->code,
                         g_strdup_printf (_("Code %s (%s) is not in the %d catalog shipped with BudgetDesk; "
                                            "if it is valid for this year, load the year's catalog"),
                                          row->code, row->name, edition));
      else
        bd_check_report (check, PART_OF (it.number), row->code, NULL, NULL, row->code,
                         g_strdup_printf (_("Code %s (%s) is not in the classification catalog, "
                                            "and neither is its 类 or 款"), row->code, row->name));
    }
}

void
bd_rule_unknown_codes (BdCheck *check)
{
  check_unknown (check, FALSE);
}

void
bd_rule_codes_not_in_catalog (BdCheck *check)
{
  check_unknown (check, TRUE);
}

/* Whether @name is one @entry had in a year up to the document's. */
static gboolean
earlier_name (const BdCatalogEntry *entry,
              const char           *name,
              int                   year,
              gboolean             *outdated)
{
  for (guint i = 0; i < entry->n_earlier; i++)
    if (bd_catalog_same_name (entry->earlier[i].name, name))
      {
        *outdated = year > entry->earlier[i].last_year;
        return TRUE;
      }
  return FALSE;
}

/* A row named otherwise than the catalog names its code (@message, taken,
 * says how): the fix gives it the catalog's name. */
static void
report_catalog_name (BdCheck              *check,
                     guint                 number,
                     BdRow                *row,
                     const BdCatalogEntry *entry,
                     char                 *message)
{
  BdFinding *finding = bd_check_report (check, PART_OF (number), row->code, NULL, entry->name, row->name, message);

  set_fix (finding, BD_FIX_SET_NAME, number, row->code, 0, 0);
  finding->fix.text = g_strdup (entry->name);
}

static void
check_catalog_name (BdCheck              *check,
                    guint                 number,
                    BdClassification      classification,
                    BdRow                *row,
                    const BdCatalogEntry *entry)
{
  BdCatalog *catalog = bd_catalog_get_default ();
  gboolean outdated = FALSE;
  const BdCatalogEntry *sibling;
  g_autofree char *parent = NULL;

  if (bd_catalog_same_name (entry->name, row->name))
    return;
  if (earlier_name (entry, row->name, check->doc->year, &outdated))
    {
      if (!outdated)
        return;
      report_catalog_name (check, number, row, entry,
                           g_strdup_printf (_("Code %s is named “%s”, its name before it became “%s”"),
                                            row->code, row->name, entry->name));
      return;
    }
  parent = strlen (row->code) > 3 ? g_strndup (row->code, strlen (row->code) - 2) : NULL;
  sibling = parent ? bd_catalog_find_child (catalog, classification, parent, row->name) : NULL;
  if (sibling != NULL)
    {
      /* Code or name is wrong (codes renumbered in sequence): no fix is certain. */
      bd_check_report (check, PART_OF (number), row->code, NULL, entry->name, row->name,
                       g_strdup_printf (_("Code %s is named “%s” here, but that is the name of %s; "
                                          "%s is “%s”"),
                                        row->code, row->name, sibling->code, row->code, entry->name));
      return;
    }
  report_catalog_name (check, number, row, entry,
                       g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                        row->code, row->name, entry->name));
}

void
bd_rule_code_names (BdCheck *check)
{
  g_auto(BdCellIter) it = { 0 };

  bd_cell_iter_init (&it, check, BD_READS_ALL_SCHEDULES, BD_ITER_LEAVES | BD_ITER_SUMS | BD_ITER_CLASSIFIED);
  while (bd_cell_iter_next (&it))
    {
      BdClassification classification = classification_of (it.schedule);
      BdRow *row = it.row;
      const CodeVerdict *known = row_verdict (check, it.number, it.row_index);
      const char *own = known->own;

      if (known->entry != NULL)
        {
          if (strcmp (known->entry->name, row->name) != 0)
            check_catalog_name (check, it.number, classification, row, known->entry);
          continue;
        }
      /* The document's own code: its name is the one the document gives. */
      if (own != NULL && !bd_catalog_same_name (own, row->name))
        bd_check_report (check, PART_OF (it.number), row->code, NULL, own, row->name,
                         g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                          row->code, row->name, own));
    }
}
