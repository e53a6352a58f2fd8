/* bd-money.h: amounts as integer counts of 分
 *
 * No floating point touches an amount: parsing, sums, the 万元 conversion and
 * formatting are all integer code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One 元 is 100 分; one 万元 is 1,000,000 分. */
#define BD_FEN_PER_YUAN G_GINT64_CONSTANT (100)
#define BD_FEN_PER_WAN  G_GINT64_CONSTANT (1000000)
/* Magnitudes above 10^15 元 are refused: far beyond any budget, well within int64. */
#define BD_MONEY_MAX_YUAN G_GINT64_CONSTANT (1000000000000000)

#define BD_MONEY_ERROR (bd_money_error_quark ())

typedef enum {
  BD_MONEY_ERROR_LETTERS,
  BD_MONEY_ERROR_TOO_MANY_DECIMALS,
  BD_MONEY_ERROR_TWO_SIGNS,
  BD_MONEY_ERROR_TOO_LARGE,
  BD_MONEY_ERROR_MALFORMED,
} BdMoneyError;

typedef enum {
  BD_UNIT_YUAN,
  BD_UNIT_WAN,
} BdUnit;

GQuark   bd_money_error_quark  (void);

/* Parses text written in @unit (元 or 万元, two decimals at most) into 分.
 * Accepts thousands separators (a comma, or a blank between digits),
 * full-width digits and punctuation, a leading minus, surrounding blanks; an
 * empty cell or a lone dash is 0. A trailing 万/万元 or 元 says the unit of
 * what was typed, whatever @unit ("50万" in a 元 schedule is 500,000 元). */
gboolean bd_money_parse        (const char  *text,
                                BdUnit       unit,
                                gint64      *out_fen,
                                GError     **error);

/* "1,616,095.40", "-12.00", "0.00" */
char    *bd_money_format       (gint64       fen);
/* Same digits without separators: "1616095.40" */
char    *bd_money_format_plain (gint64       fen);

/* Hundredths of 万元, rounded half away from zero: 871,850.00 元 → 8719. */
gint64   bd_money_to_wan_cents (gint64       fen);
/* "87.19", "1,772.21"; @separators adds thousands separators. */
char    *bd_money_format_wan   (gint64       fen,
                                gboolean     separators);
/* Formats in the unit a schedule is published in. */
char    *bd_money_format_unit  (gint64       fen,
                                BdUnit       unit);

G_END_DECLS
