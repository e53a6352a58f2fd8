/* Money: parsing, refusals, formatting and 万元, all on integer 分. */

#include "bd-money.h"

static gint64
parse (const char *text,
       BdUnit      unit)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  if (!bd_money_parse (text, unit, &fen, &error))
    g_error ("“%s” refused: %s", text, error->message);
  return fen;
}

static void
test_accepted (void)
{
  g_assert_cmpint (parse ("1,616,095.40", BD_UNIT_YUAN), ==, 161609540);
  g_assert_cmpint (parse ("1616095.4", BD_UNIT_YUAN), ==, 161609540);
  g_assert_cmpint (parse ("0", BD_UNIT_YUAN), ==, 0);
  g_assert_cmpint (parse ("", BD_UNIT_YUAN), ==, 0);
  g_assert_cmpint (parse ("   ", BD_UNIT_YUAN), ==, 0);
  g_assert_cmpint (parse ("１，６１６．４０", BD_UNIT_YUAN), ==, 161640);
  g_assert_cmpint (parse ("　１２３　", BD_UNIT_YUAN), ==, 12300);
  g_assert_cmpint (parse ("-5", BD_UNIT_YUAN), ==, -500);
  g_assert_cmpint (parse ("－5.05", BD_UNIT_YUAN), ==, -505);
  g_assert_cmpint (parse ("+7", BD_UNIT_YUAN), ==, 700);
  g_assert_cmpint (parse ("14,786,148.40", BD_UNIT_YUAN), ==, 1478614840);
  g_assert_cmpint (parse ("1000000000000000", BD_UNIT_YUAN), ==, G_GINT64_CONSTANT (100000000000000000));
  /* 万元 with two decimals: 7.40 万元 is 74,000 元. */
  g_assert_cmpint (parse ("7.40", BD_UNIT_WAN), ==, 7400000);
  g_assert_cmpint (parse ("1,772.21", BD_UNIT_WAN), ==, G_GINT64_CONSTANT (1772210000));
}

/* How a spreadsheet user types (issue 14): a unit after the figure, a dash
 * for zero, blanks between groups of digits (issue 17: "12 34" is refused
 * like "12,34", in test_refused). */
static void
test_typed_like_a_spreadsheet (void)
{
  /* 50 万元 is 500,000 元 = 50,000,000 分, in a 元 schedule and a 万元 one. */
  g_assert_cmpint (parse ("50万", BD_UNIT_YUAN), ==, 50000000);
  g_assert_cmpint (parse ("50万元", BD_UNIT_YUAN), ==, 50000000);
  g_assert_cmpint (parse (" 1.5 万 ", BD_UNIT_YUAN), ==, 1500000);
  g_assert_cmpint (parse ("50万", BD_UNIT_WAN), ==, 50000000);
  /* 12 元 in a 万元 schedule is still 12 元. */
  g_assert_cmpint (parse ("12元", BD_UNIT_WAN), ==, 1200);
  g_assert_cmpint (parse ("1,200.50元", BD_UNIT_YUAN), ==, 120050);
  g_assert_cmpint (parse ("-", BD_UNIT_YUAN), ==, 0);
  g_assert_cmpint (parse (" － ", BD_UNIT_YUAN), ==, 0);
  g_assert_cmpint (parse ("—", BD_UNIT_WAN), ==, 0);
  g_assert_cmpint (parse ("-3万", BD_UNIT_YUAN), ==, -3000000);
  g_assert_cmpint (parse ("1 000", BD_UNIT_YUAN), ==, 100000);
  g_assert_cmpint (parse ("1 616 095.40", BD_UNIT_YUAN), ==, 161609540);
}

static void
assert_refused (const char *text,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 42;

  g_assert_false (bd_money_parse (text, BD_UNIT_YUAN, &fen, &error));
  g_assert_error (error, BD_MONEY_ERROR, code);
  g_assert_cmpint (fen, ==, 42);
  if (strstr (error->message, says) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, says);
}

static void
test_refused (void)
{
  assert_refused ("12a", BD_MONEY_ERROR_LETTERS, "the letter “a”");
  assert_refused ("1,616,O95.40", BD_MONEY_ERROR_LETTERS, "the letter “O”");
  assert_refused ("1.234", BD_MONEY_ERROR_TOO_MANY_DECIMALS, "more than two decimals");
  assert_refused ("--5", BD_MONEY_ERROR_TWO_SIGNS, "more than one sign");
  assert_refused ("-+5", BD_MONEY_ERROR_TWO_SIGNS, "more than one sign");
  assert_refused ("5-", BD_MONEY_ERROR_TWO_SIGNS, "more than one sign");
  assert_refused ("1000000000000000.01", BD_MONEY_ERROR_TOO_LARGE, "10^15");
  assert_refused ("99999999999999999999999", BD_MONEY_ERROR_TOO_LARGE, "10^15");
  assert_refused ("12,34", BD_MONEY_ERROR_MALFORMED, "separators");
  assert_refused ("1,,000", BD_MONEY_ERROR_MALFORMED, "separators");
  assert_refused ("1.2.3", BD_MONEY_ERROR_MALFORMED, "two decimal points");
  assert_refused (".", BD_MONEY_ERROR_MALFORMED, "no digits");
  assert_refused ("5%", BD_MONEY_ERROR_MALFORMED, "“%”");
  assert_refused ("12 34", BD_MONEY_ERROR_MALFORMED, "separators");
  assert_refused ("1 2345", BD_MONEY_ERROR_MALFORMED, "separators");
  assert_refused ("万", BD_MONEY_ERROR_LETTERS, "the letter “万”");
  assert_refused ("12万元元", BD_MONEY_ERROR_LETTERS, "the letter “万”");
  assert_refused ("1.234万", BD_MONEY_ERROR_TOO_MANY_DECIMALS, "more than two decimals");
  assert_refused ("1e5", BD_MONEY_ERROR_LETTERS, "the letter “e”");
  assert_refused ("１２.３４５", BD_MONEY_ERROR_TOO_MANY_DECIMALS, "more than two decimals");
  assert_refused ("-1000000000000000.01", BD_MONEY_ERROR_TOO_LARGE, "10^15");
  assert_refused ("1,2345", BD_MONEY_ERROR_MALFORMED, "separators");

  /* Bytes that are not text, and a paste of a whole page: the message
   * quotes them as valid text, and briefly. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) long_text = g_string_new ("1");
    gint64 fen = 42;

    assert_refused ("\xff" "12", BD_MONEY_ERROR_MALFORMED, "not valid text");
    g_assert_false (bd_money_parse ("\xff" "12", BD_UNIT_YUAN, &fen, &error));
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_cmpstr (error->message, ==, "“\xef\xbf\xbd" "12” is not an amount: it is not valid text.");
    g_clear_error (&error);
    for (guint i = 0; i < 2000; i++)
      g_string_append (long_text, "二");
    g_assert_false (bd_money_parse (long_text->str, BD_UNIT_YUAN, &fen, &error));
    g_assert_error (error, BD_MONEY_ERROR, BD_MONEY_ERROR_LETTERS);
    g_assert_true (g_str_has_prefix (error->message, "“1二二二"));
    g_assert_nonnull (strstr (error->message, "二…” is not an amount"));
    g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 100);
    g_assert_cmpint (fen, ==, 42);
  }
}

static void
test_format (void)
{
  g_autofree char *a = bd_money_format (161609540);
  g_autofree char *b = bd_money_format (0);
  g_autofree char *c = bd_money_format (-1200);
  g_autofree char *d = bd_money_format (5);
  g_autofree char *e = bd_money_format_plain (161609540);
  g_autofree char *f = bd_money_format (G_GINT64_CONSTANT (100000000000000000));

  g_assert_cmpstr (a, ==, "1,616,095.40");
  g_assert_cmpstr (b, ==, "0.00");
  g_assert_cmpstr (c, ==, "-12.00");
  g_assert_cmpstr (d, ==, "0.05");
  g_assert_cmpstr (e, ==, "1616095.40");
  g_assert_cmpstr (f, ==, "1,000,000,000,000,000.00");
}

static void
test_wan (void)
{
  g_autofree char *a = bd_money_format_wan (87185000, FALSE);
  g_autofree char *b = bd_money_format_wan (463004800, FALSE);
  g_autofree char *c = bd_money_format_wan (1772207740, TRUE);
  g_autofree char *d = bd_money_format_wan (1772207740, FALSE);
  g_autofree char *e = bd_money_format_unit (7400000, BD_UNIT_WAN);

  /* 871,850.00 元 = 87.185 万元, which rounds half up to 87.19. */
  g_assert_cmpstr (a, ==, "87.19");
  g_assert_cmpstr (b, ==, "463.00");
  g_assert_cmpstr (c, ==, "1,772.21");
  g_assert_cmpstr (d, ==, "1772.21");
  g_assert_cmpstr (e, ==, "7.40");
  /* The boundary: 50 元 is 0.005 万元, up to 0.01; 49.99 元 down to 0. */
  g_assert_cmpint (bd_money_to_wan_cents (5000), ==, 1);
  g_assert_cmpint (bd_money_to_wan_cents (4999), ==, 0);
  g_assert_cmpint (bd_money_to_wan_cents (-5000), ==, -1);
  g_assert_cmpint (bd_money_to_wan_cents (1478614840), ==, 147861);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/accepted", test_accepted);
  g_test_add_func ("/money/refused", test_refused);
  g_test_add_func ("/money/typed-like-a-spreadsheet", test_typed_like_a_spreadsheet);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/wan", test_wan);

  return g_test_run ();
}
