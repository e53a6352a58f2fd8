/* bd-rules-text.c: the figures the text sections quote, against the schedules and the forms */

#include "bd-rules-private.h"

/* Text figures */

void
bd_rules_compare_text_figure (BdCheck    *check,
                              BdPart      part,
                              const char *key,
                              const char *label,
                              gint64      schedule_value,
                              const char *source)
{
  const BdFigure *figure = bd_document_get_figure (check->doc, key);
  gint64 expected, actual;

  if (figure == NULL)
    return;
  if (figure->unit == BD_FIGURE_WAN)
    {
      expected = bd_money_to_wan_cents (schedule_value);
      actual = bd_money_to_wan_cents (figure->value);
      /* Written in whole 万元 (上海市财政局: 收入预算17,192万元 for 17,191.52): compared to the whole 万元. */
      if (actual % 100 == 0 && actual != expected && (expected + 50) / 100 * 100 == actual)
        expected = actual;
    }
  else
    expected = schedule_value, actual = figure->value;

  if (expected != actual)
    {
      g_autofree char *e = figure->unit == BD_FIGURE_WAN ? bd_money_format_wan (schedule_value, TRUE)
                                                          : bd_money_format (schedule_value);
      g_autofree char *a = figure->unit == BD_FIGURE_WAN ? bd_money_format_wan (figure->value, TRUE)
                                                          : bd_money_format (figure->value);
      const char *unit = figure->unit == BD_FIGURE_WAN ? "万元" : "元";

      bd_check_report (check, part, label, NULL, e, a,
                       g_strdup_printf (_("The text gives %s %s%s, but %s has %s%s"), label, a, unit, source, e, unit));
    }
}

/* An item line in the seed's style, “事业单位医疗”科目: a 项 by its bare name.
 * Items naming the 类 and 款 too (“…（类）…（款）…（项）”) are the
 * narrative-items rule's. */
static gboolean
is_plain_item (const char *key)
{
  return g_str_has_prefix (key, "narrative.item.") && strstr (key, "（项）") == NULL;
}

/* The 类 row of schedule 5 named @name, or NULL. */
static BdRow *
lei_named (BdCheck    *check,
           const char *name)
{
  GPtrArray *codes = bd_check_lei_codes (check, 5);

  for (guint i = 0; i < codes->len; i++)
    {
      BdRow *row = bd_check_row (check, 5, g_ptr_array_index (codes, i));
      if (row != NULL && strcmp (row->name, name) == 0)
        return row;
    }
  return NULL;
}

void
bd_rule_narrative (BdCheck *check)
{
  BdSchedule *s1 = schedule (check, 1);
  BdSchedule *s4 = schedule (check, 4);
  const struct { const char *key; const char *label; gint64 value; const char *source; } figures[] = {
    { "narrative.income.total", "收入预算", s1->income_total->values[BD_COL_AMOUNT], _("schedule 1") },
    { "narrative.income.fiscal", "财政拨款收入", row_value (income_item (check, 1, "fiscal"), BD_COL_AMOUNT), _("schedule 1") },
    { "narrative.income.business", "事业收入", row_value (income_item (check, 1, "business"), BD_COL_AMOUNT), _("schedule 1") },
    { "narrative.income.operating", "事业单位经营收入", row_value (income_item (check, 1, "operating"), BD_COL_AMOUNT),
      _("schedule 1") },
    { "narrative.income.other", "其他收入", row_value (income_item (check, 1, "other"), BD_COL_AMOUNT), _("schedule 1") },
    { "narrative.expense.total", "支出预算", s1->total->values[BD_COL_AMOUNT], _("schedule 1") },
    { "narrative.expense.fiscal", "财政拨款支出预算", s4->total->values[BD_COL_FISCAL_TOTAL], _("schedule 4") },
    { "narrative.expense.general", "一般公共预算拨款支出预算", s4->total->values[BD_COL_FISCAL_GENERAL], _("schedule 4") },
    { "narrative.expense.fund", "政府性基金拨款支出预算", s4->total->values[BD_COL_FISCAL_FUND], _("schedule 4") },
    { "narrative.expense.capital", "国有资本经营预算拨款支出预算", s4->total->values[BD_COL_FISCAL_CAPITAL], _("schedule 4") },
  };
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_xiang = FALSE;
  g_auto(BdCellIter) it = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    bd_rules_compare_text_figure (check, BD_PART_NARRATIVE, figures[i].key, figures[i].label, figures[i].value,
                         figures[i].source);

  g_hash_table_iter_init (&iter, check->doc->figures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name;
      BdRow *row;
      g_autofree char *label = NULL;

      if (!is_plain_item (key))
        continue;
      name = (const char *) key + strlen ("narrative.item.");
      label = g_strdup_printf ("“%s”科目", name);
      /* One line per 项 of schedule 5, by its name; or, in whole 万元, one per 类. */
      row = bd_check_leaf_named (check, 5, name);
      if (row == NULL && (row = lei_named (check, name)) != NULL)
        {
          bd_rules_compare_text_figure (check, BD_PART_NARRATIVE, key, label, row->values[BD_COL_EXPENSE_TOTAL],
                                        _("schedule 5"));
          continue;
        }
      any_xiang = TRUE;
      if (row == NULL)
        {
          bd_check_report (check, BD_PART_NARRATIVE, label, NULL, NULL, NULL,
                           g_strdup_printf (_("The text names %s, which is not a 项 of schedule 5"), label));
          continue;
        }
      bd_rules_compare_text_figure (check, BD_PART_NARRATIVE, key, label, row->values[BD_COL_EXPENSE_TOTAL], _("schedule 5"));
      g_hash_table_add (listed, (gpointer) name);
    }

  /* Once the text lists 项 lines at all, it lists every 项 of schedule 5. */
  if (!any_xiang)
    return;
  bd_cell_iter_init (&it, check, S (5), BD_ITER_LEAVES);
  while (bd_cell_iter_next (&it))
    {
      BdRow *row = it.row;

      if (!g_hash_table_contains (listed, row->name))
        {
          g_autofree char *amount = bd_money_format_wan (row->values[BD_COL_EXPENSE_TOTAL], FALSE);
          bd_check_report (check, BD_PART_NARRATIVE, row->code, NULL, amount, NULL,
                           g_strdup_printf (_("The text has no line for 项 %s %s (%s万元 in schedule 5)"),
                                            row->code, row->name, amount));
        }
    }
}

void
bd_rule_other (BdCheck *check)
{
  BdRow *s9 = g_ptr_array_index (schedule (check, 9)->rows, 0);
  const struct { const char *key; const char *label; gint64 value; const char *source; } figures[] = {
    { "other.sangong.total", "“三公”经费", s9->values[BD_COL_SANGONG_TOTAL], _("schedule 9") },
    { "other.sangong.outbound", "因公出国（境）费", s9->values[BD_COL_OUTBOUND], _("schedule 9") },
    { "other.sangong.reception", "公务接待费", s9->values[BD_COL_RECEPTION], _("schedule 9") },
    { "other.sangong.vehicle", "公务用车购置及运行费", s9->values[BD_COL_VEHICLE], _("schedule 9") },
    { "other.sangong.vehicle_purchase", "公务用车购置费", s9->values[BD_COL_VEHICLE_PURCHASE], _("schedule 9") },
    { "other.sangong.vehicle_running", "公务用车运行费", s9->values[BD_COL_VEHICLE_RUNNING], _("schedule 9") },
    { "other.operating_costs", "机关运行经费", s9->values[BD_COL_OPERATING_COSTS], _("schedule 9") },
  };
  gint64 projects = schedule (check, 3)->total->values[BD_COL_PROJECT];
  const BdFigure *goals = bd_document_get_figure (check->doc, "other.goals.funds");

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    bd_rules_compare_text_figure (check, BD_PART_OTHER, figures[i].key, figures[i].label, figures[i].value,
                         figures[i].source);

  /* The projects with goals are some of schedule 3's projects: their funds
   * reach its 项目支出 at most (the four real documents declare less; the
   * seed, all of it). */
  if (goals != NULL && bd_money_to_wan_cents (goals->value) > bd_money_to_wan_cents (projects))
    {
      g_autofree char *a = bd_money_format_wan (goals->value, TRUE);
      g_autofree char *b = bd_money_format_wan (projects, TRUE);
      g_autofree char *expected = g_strdup_printf ("≤%s", b);

      bd_check_report (check, BD_PART_OTHER, "绩效目标项目预算资金", NULL, expected, a,
                       g_strdup_printf (_("The text gives 绩效目标项目预算资金 %s万元, more than schedule 3's "
                                          "项目支出 %s万元"), a, b));
    }
}

void
bd_rule_procurement (BdCheck *check)
{
  const BdFigure *total = bd_document_get_figure (check->doc, "other.procurement.total");
  static const char * const parts[] = { "other.procurement.goods", "other.procurement.works",
                                        "other.procurement.services" };
  gint64 sum = 0;

  if (total == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const BdFigure *part = bd_document_get_figure (check->doc, parts[i]);
      if (part == NULL)
        return;
      sum += bd_money_to_wan_cents (part->value);
    }
  if (sum != bd_money_to_wan_cents (total->value))
    {
      g_autofree char *a = bd_money_format_wan (total->value, TRUE);
      g_autofree char *b = bd_money_format_wan (sum * 10000, TRUE);
      bd_check_report (check, BD_PART_OTHER, "政府采购预算", NULL, b, a,
                       g_strdup_printf (_("政府采购预算 is %s万元, but 货物, 工程 and 服务 add up to %s万元"), a, b));
    }
}

static gint64
forms_total (BdDocument *doc)
{
  gint64 total = 0;

  for (guint i = 0; i < doc->projects->len; i++)
    total += ((BdProject *) g_ptr_array_index (doc->projects, i))->annual_total;
  return total;
}

void
bd_rule_goal_count (BdCheck *check)
{
  const BdFigure *declared = bd_document_get_figure (check->doc, "other.goals.projects");
  const BdFigure *funds = bd_document_get_figure (check->doc, "other.goals.funds");
  guint entered = check->doc->projects->len;

  if (declared == NULL || declared->value == entered)
    return;
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, declared->value);
    g_autofree char *actual = g_strdup_printf ("%u", entered);
    g_autofree char *declared_funds = funds ? bd_money_format_wan (funds->value, TRUE) : g_strdup ("?");
    g_autofree char *entered_funds = bd_money_format_wan (forms_total (check->doc), TRUE);

    bd_check_report (check, BD_PART_PERFORMANCE, NULL, NULL, expected, actual,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s projects (%s万元) are declared with goals; %u form is entered (%s万元)",
                                                   "%s projects (%s万元) are declared with goals; %u forms are entered (%s万元)",
                                                   entered),
                                      expected, declared_funds, entered, entered_funds));
  }
}

/* Once every declared form is entered, their funds are what the text gives
 * for the projects with goals. Those may be only some of schedule 3's
 * projects (万里 2023 declares 5 projects of 3328.13万元 against 6557.23万元
 * of 项目支出; bd_rule_other ()): then the forms are held to the text's
 * figure, to its 万元 with two decimals; where it declares all of the
 * 项目支出 (the seed) or nothing, to schedule 3's 项目支出 to the 分. */
void
bd_rule_forms_against_schedule_3 (BdCheck *check)
{
  const BdFigure *declared = bd_document_get_figure (check->doc, "other.goals.projects");
  const BdFigure *goals = bd_document_get_figure (check->doc, "other.goals.funds");
  gint64 projects = schedule (check, 3)->total->values[BD_COL_PROJECT];
  gint64 forms = forms_total (check->doc);

  if (check->doc->projects->len == 0 || (declared != NULL && declared->value != check->doc->projects->len))
    return;
  if (goals != NULL && bd_money_to_wan_cents (goals->value) != bd_money_to_wan_cents (projects))
    {
      g_autofree char *a = bd_money_format_wan (forms, TRUE);
      g_autofree char *b = bd_money_format_wan (goals->value, TRUE);

      if (bd_money_to_wan_cents (forms) != bd_money_to_wan_cents (goals->value))
        bd_check_report (check, BD_PART_PERFORMANCE, "年度资金申请总额", NULL, b, a,
                         g_strdup_printf (_("The forms' funds add up to %s万元, but the text gives %s万元 for "
                                            "the projects with goals"), a, b));
      return;
    }
  if (forms != projects)
    {
      g_autofree char *a = bd_money_format (forms);
      g_autofree char *b = bd_money_format (projects);
      bd_check_report_amounts (check, BD_PART_PERFORMANCE, NULL, "年度资金申请总额", projects, forms, BD_UNIT_YUAN,
                               g_strdup_printf (_("The forms' funds add up to %s, but schedule 3's 项目支出 is %s"), a, b));
    }
}

static BdProject *
find_project (BdDocument *doc,
              const char *name)
{
  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  return NULL;
}

void
bd_rule_employees (BdCheck *check)
{
  BdProject *project = find_project (check->doc, "政府雇员");

  if (project != NULL)
    bd_rules_compare_text_figure (check, BD_PART_EMPLOYEES, "employees.funds", "财政资金预算安排", project->annual_total,
                         _("the form of 政府雇员"));
}
