/* bd-rules-import.c: what the published document said against itself
 *
 * The importer reads a document that disagrees with itself (a 编制部门 unlike
 * the document's, a code printed twice, a 款 printed as "2") and notes each
 * place (BdDocument.import_notes); the rule reports them where they stand.
 */

#include "bd-rules-private.h"

void
bd_rule_as_printed (BdCheck *check)
{
  GPtrArray *notes = check->doc->import_notes;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const BdImportNote *note = g_ptr_array_index (notes, i);
      bd_check_report (check, note->part, note->row, NULL, NULL, NULL, g_strdup (note->message));
    }
}
