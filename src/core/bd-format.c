#include "bd-format.h"

char *
bd_format_cell_amount (gint64 fen,
                       BdUnit unit)
{
  if (fen == 0)
    return g_strdup ("0");
  return bd_money_format_unit (fen, unit);
}

char *
bd_chinese_numeral (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint tens = n / 10, units = n % 10;

  g_return_val_if_fail (n >= 1 && n <= 99, g_strdup (""));
  if (tens == 0)
    return g_strdup (digits[units]);
  return g_strconcat (tens == 1 ? "" : digits[tens], "十", digits[units], NULL);
}

guint
bd_display_width (const char *text)
{
  guint width = 0;

  for (; *text; text = g_utf8_next_char (text))
    width += g_unichar_iswide (g_utf8_get_char (text)) ? 2 : 1;
  return width;
}
