#include <glib/gi18n-lib.h>

#include "bd-money.h"

G_DEFINE_QUARK (bd-money-error-quark, bd_money_error)

/* Full-width forms (U+FF10 … U+FF19, ，．－＋) are what a Chinese input
 * method types by default; they mean the same as their ASCII forms. */
static gunichar
normalise (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  switch (c)
    {
    case 0xFF0C: return ',';
    case 0xFF0E: return '.';
    case 0xFF0D: return '-';
    case 0x2212: return '-';
    case 0x2013: return '-';  /* – */
    case 0x2014: return '-';  /* — */
    case 0xFF0B: return '+';
    default: return c;
    }
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

static gboolean
refuse (GError     **error,
        BdMoneyError code,
        const char  *text,
        const char  *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
refuse (GError      **error,
        BdMoneyError  code,
        const char   *text,
        const char   *format,
        ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *shown = g_utf8_make_valid (text, -1);
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* What was typed or pasted is quoted as valid text, and not at length. */
  if (g_utf8_strlen (shown, -1) > 40)
    {
      g_autofree char *whole = g_steal_pointer (&shown);

      *g_utf8_offset_to_pointer (whole, 40) = '\0';
      shown = g_strconcat (whole, "…", NULL);
    }
  /* TRANSLATORS: “12a” is not an amount: it contains the letter “a”. */
  g_set_error (error, BD_MONEY_ERROR, code, _("“%s” is not an amount: %s."), shown, reason);
  return FALSE;
}

/* The text made ASCII (full-width forms, blanks dropped; a blank between
 * digits separates thousands as a comma does, so "12 34" is refused as
 * "12,34" is and "1 000" read as "1,000"), and the unit a trailing 万/万元 or
 * 元 gives it: what a spreadsheet user types, "50万" in 万元 and "12元" in 元
 * whatever the schedule's unit. */
static gboolean
to_ascii (const char  *text,
          GString     *ascii,
          BdUnit      *unit,
          GError     **error)
{
  static const struct { const char *text; BdUnit unit; } suffixes[] = {
    { "万元", BD_UNIT_WAN }, { "万", BD_UNIT_WAN }, { "元", BD_UNIT_YUAN },
  };
  gboolean blank_after_digit = FALSE;
  const char *end;

  if (!g_utf8_validate (text, -1, NULL))
    return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("it is not valid text"));
  end = text + strlen (text);
  while (end > text && is_blank (g_utf8_get_char (g_utf8_find_prev_char (text, end))))
    end = g_utf8_find_prev_char (text, end);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (end - text > (gssize) strlen (suffixes[i].text)
        && strncmp (end - strlen (suffixes[i].text), suffixes[i].text, strlen (suffixes[i].text)) == 0)
      {
        end -= strlen (suffixes[i].text);
        *unit = suffixes[i].unit;
        break;
      }

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c))
        {
          blank_after_digit = ascii->len > 0 && g_ascii_isdigit (ascii->str[ascii->len - 1]);
          continue;
        }
      c = normalise (c);
      if (blank_after_digit && c < 0x80 && g_ascii_isdigit (c))
        g_string_append_c (ascii, ',');
      blank_after_digit = FALSE;
      if (g_unichar_isalpha (c))
        {
          char letter[8] = { 0 };
          g_unichar_to_utf8 (c, letter);
          return refuse (error, BD_MONEY_ERROR_LETTERS, text, _("it contains the letter “%s”"), letter);
        }
      g_string_append_unichar (ascii, c);
    }
  return TRUE;
}

/* The digits after the sign: whole 元 (or 万元) and up to two decimals, the
 * thousands separators in their places. */
typedef struct {
  gint64 whole;
  gint64 fraction;
  guint  decimals;
  guint  integer_digits;
  guint  digits_in_group;
  gboolean seen_comma;
  gboolean seen_point;
} Digits;

static gboolean
read_digits (const char *p,
             const char *text,
             gint64      limit,
             Digits     *d,
             GError    **error)
{
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (d->seen_point)
            {
              if (++d->decimals > 2)
                return refuse (error, BD_MONEY_ERROR_TOO_MANY_DECIMALS, text,
                               _("it has more than two decimals"));
              d->fraction = d->fraction * 10 + (*p - '0');
            }
          else
            {
              if (d->whole > limit)
                return refuse (error, BD_MONEY_ERROR_TOO_LARGE, text,
                               _("it is larger than 10^15 元"));
              d->whole = d->whole * 10 + (*p - '0');
              d->digits_in_group++;
              d->integer_digits++;
            }
        }
      else if (*p == ',')
        {
          /* Thousands separators: 1 to 3 digits first, then groups of 3. */
          if (d->seen_point || d->integer_digits == 0 || d->digits_in_group > 3 || (d->seen_comma && d->digits_in_group != 3))
            return refuse (error, BD_MONEY_ERROR_MALFORMED, text,
                           _("its thousands separators are misplaced"));
          d->seen_comma = TRUE;
          d->digits_in_group = 0;
        }
      else if (*p == '.')
        {
          if (d->seen_point)
            return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("it has two decimal points"));
          if (d->seen_comma && d->digits_in_group != 3)
            return refuse (error, BD_MONEY_ERROR_MALFORMED, text,
                           _("its thousands separators are misplaced"));
          d->seen_point = TRUE;
        }
      else
        {
          char symbol[8] = { 0 };
          g_unichar_to_utf8 (g_utf8_get_char (p), symbol);
          return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("“%s” has no place in an amount"), symbol);
        }
    }

  return TRUE;
}

gboolean
bd_money_parse (const char  *text,
                BdUnit       unit,
                gint64      *out_fen,
                GError     **error)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  const char *p;
  gboolean negative = FALSE;
  guint signs = 0;
  Digits d = { 0 };
  gint64 limit;
  gint64 fen;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_fen != NULL, FALSE);

  if (!to_ascii (text, ascii, &unit, error))
    return FALSE;
  limit = unit == BD_UNIT_WAN ? BD_MONEY_MAX_YUAN / 10000 : BD_MONEY_MAX_YUAN;

  /* Empty, or the dash of a spreadsheet's accounting format: zero. */
  if (ascii->len == 0 || strcmp (ascii->str, "-") == 0)
    {
      *out_fen = 0;
      return TRUE;
    }

  p = ascii->str;
  while (*p == '-' || *p == '+')
    {
      negative ^= *p == '-';
      signs++;
      p++;
    }
  if (signs > 1 || strpbrk (p, "+-") != NULL)
    return refuse (error, BD_MONEY_ERROR_TWO_SIGNS, text, _("it has more than one sign"));
  if (*p == '\0')
    return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("it has no digits"));

  if (!read_digits (p, text, limit, &d, error))
    return FALSE;

  if (d.integer_digits == 0 && d.decimals == 0)
    return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("it has no digits"));
  if (d.seen_comma && !d.seen_point && d.digits_in_group != 3)
    return refuse (error, BD_MONEY_ERROR_MALFORMED, text, _("its thousands separators are misplaced"));

  if (d.decimals == 1)
    d.fraction *= 10;
  if (d.whole > limit || (d.whole == limit && d.fraction > 0))
    return refuse (error, BD_MONEY_ERROR_TOO_LARGE, text, _("it is larger than 10^15 元"));

  if (unit == BD_UNIT_WAN)
    fen = d.whole * BD_FEN_PER_WAN + d.fraction * (BD_FEN_PER_WAN / 100);
  else
    fen = d.whole * BD_FEN_PER_YUAN + d.fraction;

  *out_fen = negative ? -fen : fen;
  return TRUE;
}

static char *
format_hundredths (gint64   hundredths,
                   gboolean separators)
{
  GString *out = g_string_new (NULL);
  /* Work on the magnitude as unsigned: -INT64_MIN does not fit in int64. */
  guint64 magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize length = strlen (digits);

  if (hundredths < 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < length; i++)
    {
      if (separators && i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));
  return g_string_free (out, FALSE);
}

char *
bd_money_format (gint64 fen)
{
  return format_hundredths (fen, TRUE);
}

char *
bd_money_format_plain (gint64 fen)
{
  return format_hundredths (fen, FALSE);
}

gint64
bd_money_to_wan_cents (gint64 fen)
{
  /* One hundredth of 万元 is 10,000 分; halves round away from zero. */
  if (fen >= 0)
    return (fen + 5000) / 10000;
  return -((-fen + 5000) / 10000);
}

char *
bd_money_format_wan (gint64   fen,
                     gboolean separators)
{
  return format_hundredths (bd_money_to_wan_cents (fen), separators);
}

char *
bd_money_format_unit (gint64 fen,
                      BdUnit unit)
{
  return unit == BD_UNIT_WAN ? bd_money_format_wan (fen, TRUE) : bd_money_format (fen);
}
