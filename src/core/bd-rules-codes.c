/* bd-rules-codes.c: classification codes against the catalog */

#include "bd-catalog.h"
#include "bd-rules-private.h"

/* The document as a whole */

static void
check_catalog (BdCheck *check,
               gboolean names)
{
  BdCatalog *catalog = bd_catalog_get_default ();
  g_auto(BdCellIter) it = { 0 };

  bd_cell_iter_init (&it, check, BD_READS_ALL_SCHEDULES, BD_ITER_LEAVES | BD_ITER_SUMS | BD_ITER_CLASSIFIED);
  while (bd_cell_iter_next (&it))
    {
      guint number = it.number;
      BdRow *row = it.row;
      BdClassification classification = it.schedule->def->row_kind == BD_ROWS_FUNCTION
                                        ? BD_CLASSIFICATION_FUNCTION : BD_CLASSIFICATION_ECONOMIC;
      const BdCatalogEntry *entry = bd_catalog_lookup (catalog, classification, row->code);
      const char *own = entry ? NULL : g_hash_table_lookup (check->doc->extra_codes[classification], row->code);
      BdFinding *finding;

      if (own != NULL)
        {
          /* The document's own code: its name is the one the document gives. */
          if (names && strcmp (own, row->name) != 0)
            bd_check_report (check, PART_OF (number), row->code, NULL, own, row->name,
                             g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                              row->code, row->name, own));
          continue;
        }
      if (!names && entry == NULL)
        bd_check_report (check, PART_OF (number), row->code, NULL, NULL, row->code,
                         g_strdup_printf (_("Code %s (%s) is not in the classification catalog"),
                                          row->code, row->name));
      else if (names && entry != NULL && strcmp (entry->name, row->name) != 0)
        {
          finding = bd_check_report (check, PART_OF (number), row->code, NULL, entry->name, row->name,
                                     g_strdup_printf (_("Code %s is named “%s” here, “%s” in the catalog"),
                                                      row->code, row->name, entry->name));
          set_fix (finding, BD_FIX_SET_NAME, number, row->code, 0, 0);
          finding->fix.text = g_strdup (entry->name);
        }
    }
}

void
bd_rule_unknown_codes (BdCheck *check)
{
  check_catalog (check, FALSE);
}

void
bd_rule_code_names (BdCheck *check)
{
  check_catalog (check, TRUE);
}
