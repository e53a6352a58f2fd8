/* Fuzz target: the money parser. Whatever it accepts, formatting gives
 * back the same amount; whatever it refuses, it says why. */

#include <string.h>

#include "bd-money.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (BdUnit unit = BD_UNIT_YUAN; unit <= BD_UNIT_WAN; unit++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen, again;

      if (!bd_money_parse (text, unit, &fen, &error))
        {
          g_assert (error != NULL && error->domain == BD_MONEY_ERROR && *error->message);
          /* Shown beside the cell as it is. */
          g_assert (g_utf8_validate (error->message, -1, NULL) && strlen (error->message) < 400);
          continue;
        }
      if (unit == BD_UNIT_YUAN)
        {
          g_autofree char *formatted = bd_money_format (fen);
          g_assert (bd_money_parse (formatted, BD_UNIT_YUAN, &again, NULL));
          g_assert (again == fen);
        }
    }
  return 0;
}
