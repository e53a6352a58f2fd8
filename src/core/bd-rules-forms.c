/* bd-rules-forms.c: the performance-goal forms */

#include "bd-rules-private.h"

/* The forms */

typedef struct {
  gboolean    quantitative;
  const char *op;
  gint64      value;      /* in 分 when the unit is money, else hundredths */
  char       *unit;
} Target;

/* "≤4630048.00(元)", "=32.00(人)", or qualitative text such as "合理". */
static gboolean
parse_target (const char *text,
              Target     *target)
{
  static GRegex *quantitative = NULL;
  static const char * const operators[] = { "=", "≥", "≤", ">", "<", "＝", "＞", "＜", NULL };
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&quantitative))
    g_once_init_leave (&quantitative, g_regex_new ("^(=|≥|≤|>|<)(\\d+\\.\\d{2})\\(([^()]+)\\)$", 0, 0, NULL));

  memset (target, 0, sizeof *target);
  if (text == NULL || *text == '\0')
    return FALSE;
  if (g_regex_match (quantitative, text, 0, &match))
    {
      g_autofree char *op = g_match_info_fetch (match, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);

      target->quantitative = TRUE;
      target->op = g_intern_string (op);
      target->unit = g_match_info_fetch (match, 3);
      if (!bd_money_parse (number, strcmp (target->unit, "万元") == 0 ? BD_UNIT_WAN : BD_UNIT_YUAN,
                           &target->value, NULL))
        {
          g_clear_pointer (&target->unit, g_free);
          return FALSE;
        }
      return TRUE;
    }
  /* Anything that starts like a quantitative target, or is a bare number, is a malformed one. */
  for (guint i = 0; operators[i]; i++)
    if (g_str_has_prefix (text, operators[i]))
      return FALSE;
  if (g_ascii_isdigit (text[0]))
    return FALSE;
  return TRUE;
}

static gboolean
is_cost_indicator (const BdIndicator *indicator)
{
  return g_strcmp0 (indicator->level1, "成本指标") == 0 || g_strcmp0 (indicator->level2, "成本指标") == 0;
}

void
bd_rule_form_funds (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      const struct { const char *label; gint64 total; gint64 parts; } sums[] = {
        { "项目资金总额", p->total_funds, p->fiscal_funds + p->other_funds },
        { "年度资金申请总额", p->annual_total, p->annual_fiscal + p->carryover + p->annual_other },
      };

      for (guint s = 0; s < G_N_ELEMENTS (sums); s++)
        if (sums[s].total != sums[s].parts)
          {
            g_autofree char *a = bd_money_format (sums[s].total);
            g_autofree char *b = bd_money_format (sums[s].parts);
            bd_check_report_amounts (check, BD_PART_PERFORMANCE, p->name, sums[s].label, sums[s].parts,
                                     sums[s].total, BD_UNIT_YUAN,
                                     g_strdup_printf (_("%s: %s is %s, but its parts add up to %s"),
                                                      p->name, sums[s].label, a, b));
          }
    }
}

void
bd_rule_cost_ceiling (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      gint64 funds = p->annual_total ? p->annual_total : p->total_funds;

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target;

          if (!is_cost_indicator (indicator) || !parse_target (indicator->target, &target) || !target.quantitative)
            continue;
          if ((strcmp (target.unit, "元") == 0 || strcmp (target.unit, "万元") == 0)
              && (strcmp (target.op, "≥") != 0 && strcmp (target.op, ">") != 0) && target.value > funds)
            {
              g_autofree char *f = bd_money_format (funds);
              g_autofree char *expected = g_strdup_printf ("≤%s", f);
              bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, expected, indicator->target,
                               g_strdup_printf (_("%s: the cost ceiling %s of “%s” is above the project's funds %s"),
                                                p->name, indicator->target, indicator->name, f));
            }
          g_free (target.unit);
        }
    }
}

void
bd_rule_categories (BdCheck *check)
{
  const char * const *categories = bd_framework_level1 (check->doc->framework);

  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint c = 0; categories[c]; c++)
        {
          gboolean present = FALSE;

          for (guint j = 0; j < p->indicators->len && !present; j++)
            present = g_strcmp0 (((BdIndicator *) g_ptr_array_index (p->indicators, j))->level1, categories[c]) == 0;
          if (!present)
            bd_check_report (check, BD_PART_PERFORMANCE, p->name, categories[c], categories[c], NULL,
                             g_strdup_printf (_("%s: no indicator under %s"), p->name, categories[c]));
        }
    }
}

/* The well-formed spelling of a malformed quantitative target when it is
 * certain: "90%" → "=90.00(%)", "≥90.00(度)" kept, "90（人）" → "=90.00(人)";
 * NULL when the text says too little (no unit) or too much (three decimals). */
static char *
suggest_target (const char *text)
{
  static GRegex *loose = NULL;
  static const char * const wide[][2] = { { "＝", "=" }, { "＞", ">" }, { "＜", "<" } };
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *op = NULL, *whole = NULL, *fraction = NULL, *percent = NULL, *unit = NULL;

  if (g_once_init_enter (&loose))
    g_once_init_leave (&loose, g_regex_new ("^(=|≥|≤|>|<|＝|＞|＜)?\\s*(\\d+)(?:\\.(\\d{1,2}))?\\s*"
                                            "(?:(%|％)|[(（]([^()（）]+)[)）])$", 0, 0, NULL));
  if (text == NULL || !g_regex_match (loose, text, 0, &match))
    return NULL;
  op = g_match_info_fetch (match, 1);
  whole = g_match_info_fetch (match, 2);
  fraction = g_match_info_fetch (match, 3);
  percent = g_match_info_fetch (match, 4);
  unit = g_match_info_fetch (match, 5);
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    if (g_strcmp0 (op, wide[i][0]) == 0)
      {
        g_free (op);
        op = g_strdup (wide[i][1]);
      }
  return g_strdup_printf ("%s%s.%.2s%s(%s)", *op != '\0' ? op : "=", whole, fraction, &"00"[strlen (fraction)],
                          *percent != '\0' ? "%" : unit);
}

void
bd_rule_targets (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target;

          if (parse_target (indicator->target, &target))
            {
              g_free (target.unit);
              continue;
            }
          g_autofree char *suggested = suggest_target (indicator->target);

          bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, suggested, indicator->target,
                           g_strdup_printf (_("%s: the target “%s” of “%s” is not well formed: write an operator "
                                              "(= ≥ ≤ > <), a number with two decimals and the unit in brackets, "
                                              "like ≥90.00(%%), or a word such as 合理"),
                                            p->name, indicator->target, indicator->name));
        }
    }
}

void
bd_rule_quantitative_output (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      gboolean found = FALSE;

      for (guint j = 0; j < p->indicators->len && !found; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          Target target = { 0 };

          if (g_strcmp0 (indicator->level1, "产出指标") == 0 && parse_target (indicator->target, &target))
            found = target.quantitative;
          if (target.unit)
            g_free (target.unit);
        }
      if (!found && p->indicators->len > 0)
        bd_check_report (check, BD_PART_PERFORMANCE, p->name, "产出指标", NULL, NULL,
                         g_strdup_printf (_("%s: no 产出指标 has a quantitative target"), p->name));
    }
}

/* 上年结转资金 is the budget year's money too: with 当年财政拨款 it is the
 * year's fiscal money, within the project's 财政资金 (项目资金总额 = 财政资金
 * + 其他资金 over the project's span); the year's request is within the
 * project's total; and a one-off project that starts in the budget year had
 * no money the year before to carry over. */
void
bd_rule_form_carryover (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      gint64 fiscal = p->annual_fiscal + p->carryover;
      int start = p->start_date && g_ascii_isdigit (p->start_date[0]) ? atoi (p->start_date) : 0;
      g_autofree char *carryover = bd_money_format (p->carryover);

      if (p->total_funds > 0 && p->annual_total > p->total_funds)
        {
          g_autofree char *a = bd_money_format (p->annual_total);
          g_autofree char *b = bd_money_format (p->total_funds);
          bd_check_report_amounts (check, BD_PART_PERFORMANCE, p->name, "年度资金申请总额", p->total_funds,
                                   p->annual_total, BD_UNIT_YUAN,
                                   g_strdup_printf (_("%s: the year's request %s is more than the project's total "
                                                      "funds %s"), p->name, a, b));
        }
      if (p->carryover > 0 && p->fiscal_funds > 0 && fiscal > p->fiscal_funds)
        {
          g_autofree char *a = bd_money_format (p->annual_fiscal);
          g_autofree char *b = bd_money_format (p->fiscal_funds);
          bd_check_report_amounts (check, BD_PART_PERFORMANCE, p->name, "上年结转资金",
                                   MAX (p->fiscal_funds - p->annual_fiscal, 0), p->carryover, BD_UNIT_YUAN,
                                   g_strdup_printf (_("%s: 当年财政拨款 %s and 上年结转资金 %s are more than the "
                                                      "project's 财政资金 %s"), p->name, a, carryover, b));
        }
      if (p->carryover > 0 && start >= check->doc->year && g_strcmp0 (p->nature, "一次性项目") == 0)
        bd_check_report_amounts (check, BD_PART_PERFORMANCE, p->name, "上年结转资金", 0, p->carryover, BD_UNIT_YUAN,
                                 g_strdup_printf (_("%s: 上年结转资金 %s, but the one-off project starts in %d: "
                                                    "there was no money of the year before to carry over"),
                                                  p->name, carryover, start));
    }
}
