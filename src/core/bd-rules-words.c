/* bd-rules-words.c: what the text says against what it means
 *
 * Years named in the text (比YYYY年, YYYY年当年预算执行数, 截至YYYY年12月31日,
 * headings), the words of a comparison against its figures (增加/减少/持平,
 * 与…持平), and the notes under empty schedules. Each pattern is a row of a
 * table; a rule walks every paragraph of every section.
 */

#include "bd-rules-private.h"

BdPart
bd_rules_section_part (const BdSection *section)
{
  static const struct { const char *id; BdPart part; } parts[] = {
    { "narrative", BD_PART_NARRATIVE }, { "other", BD_PART_OTHER }, { "employees", BD_PART_EMPLOYEES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_strcmp0 (section->id, parts[i].id) == 0)
      return parts[i].part;
  return BD_PART_DOCUMENT;
}

GRegex *
bd_rules_regex (GRegex    **cache,
                const char *pattern)
{
  if (g_once_init_enter (cache))
    g_once_init_leave (cache, g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
  return *cache;
}

/* A figure of the text in 万元 (“1,365.78”), as hundredths of 万元. */
gboolean
bd_rules_parse_wan (const char *text,
                    gint64     *wan_cents)
{
  gint64 fen;

  if (!bd_money_parse (text, BD_UNIT_WAN, &fen, NULL))
    return FALSE;
  *wan_cents = bd_money_to_wan_cents (fen);
  return TRUE;
}

/* Years */

typedef struct {
  const char *pattern;   /* group 1 is the year */
  int         offset;    /* the year it must name, from the document's */
  const char *what;      /* N_() */
} YearPattern;

static const YearPattern year_patterns[] = {
  { "比(\\d{4})年", -1, N_("a comparison with last year") },
  { "与(\\d{4})年预算持平", -1, N_("a comparison with last year") },
  { "(\\d{4})年当年预算执行数", -1, N_("last year's outturn") },
  { "截至(\\d{4})年\\d{1,2}月\\d{1,2}日", -1, N_("the date of the asset count") },
};

void
bd_rule_text_years (BdCheck *check)
{
  static GRegex *cache[G_N_ELEMENTS (year_patterns)];
  int year = check->doc->year;

  for (guint i = 0; i < G_N_ELEMENTS (year_patterns); i++)
    {
      GRegex *regex = bd_rules_regex (&cache[i], year_patterns[i].pattern);
      int expected = year + year_patterns[i].offset;

      FOREACH_PARAGRAPH (check->doc, section, text)
        {
          g_autoptr(GMatchInfo) match = NULL;

          for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *found = g_match_info_fetch (match, 0);
              g_autofree char *named = g_match_info_fetch (match, 1);
              g_autofree char *want = g_strdup_printf ("%d", expected);

              if (atoi (named) == expected)
                continue;
              bd_check_report (check, bd_rules_section_part (section), found, NULL, want, named,
                               g_strdup_printf (_("“%s” names %s年 for %s, but the document is for %d年: "
                                                  "it should name %d年"),
                                                found, named, _(year_patterns[i].what), year, expected));
            }
        }
    }
}

/* A heading or title that carries a year carries the document's. */
void
bd_rule_heading_years (BdCheck *check)
{
  static GRegex *cache;
  GRegex *regex = bd_rules_regex (&cache, "(\\d{4})年");
  int year = check->doc->year;
  g_autofree char *want = g_strdup_printf ("%d", year);

  for (guint s = 0; s <= check->doc->sections->len; s++)
    {
      const char *title = s < check->doc->sections->len
                          ? ((BdSection *) g_ptr_array_index (check->doc->sections, s))->title
                          : check->doc->title;
      BdPart part = s < check->doc->sections->len
                    ? bd_rules_section_part (g_ptr_array_index (check->doc->sections, s)) : BD_PART_DOCUMENT;
      g_autoptr(GMatchInfo) match = NULL;

      /* Only the first year of a title is its own (a title may quote a rule of another year). */
      if (title == NULL || !g_regex_match (regex, title, 0, &match))
        continue;
      {
        g_autofree char *named = g_match_info_fetch (match, 1);

        if (atoi (named) != year)
          bd_check_report (check, part, title, NULL, want, named,
                           g_strdup_printf (_("The heading “%s” names %s年, but the document is for %d年"),
                                            title, named, year));
      }
    }
}

/* Words against numbers */

/* “…X万元，比YYYY年预算增加Y万元” and “…X万元，与YYYY年预算持平”: the words
 * agree with the figure of the change (持平 has none, 增加/减少 a nonzero one). */
void
bd_rule_comparison_words (BdCheck *check)
{
  static GRegex *cache_same, *cache_change;
  GRegex *same_with_bi = bd_rules_regex (&cache_same, "比(\\d{4})年[^，。；]{0,12}持平");
  GRegex *change = bd_rules_regex (&cache_change, "(比|与)(\\d{4})年[^，。；\\d]{0,12}?(增加|减少|增长|下降)"
                                                  "(\\d[\\d,]*(?:\\.\\d+)?)(万元|%)");

  FOREACH_PARAGRAPH (check->doc, section, text)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (same_with_bi, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autoptr(GString) right = g_string_new (found);

          g_string_replace (right, "比", "与", 1);
          bd_check_report (check, bd_rules_section_part (section), found, NULL, right->str, found,
                           g_strdup_printf (_("“%s”: something is the same as last year “与…持平”, not “比…持平”"),
                                            found));
        }
      g_clear_pointer (&match, g_match_info_free);
      for (g_regex_match (change, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *amount = g_match_info_fetch (match, 4);
          gint64 value = 0;

          if (!bd_money_parse (amount, BD_UNIT_YUAN, &value, NULL) || value != 0)
            continue;
          bd_check_report (check, bd_rules_section_part (section), found, NULL, NULL, found,
                           g_strdup_printf (_("“%s”: a change of nothing is written “与…持平”"), found));
        }
    }
}

typedef struct {
  const char *label;     /* as the text writes it before the figure */
  gboolean    found;
  gint64      current;   /* hundredths of 万元 */
  gint64      change;    /* signed */
  gboolean    same;      /* 持平 */
} Movement;

static void
read_movement (BdDocument *doc,
               Movement   *movement)
{
  static GRegex *cache;
  /* The label runs back to the punctuation before it: “三公”经费预算数为, 因公出国（境）费. */
  GRegex *regex = bd_rules_regex (&cache, "([\\p{Han}（）“”]+?)(\\d[\\d,]*(?:\\.\\d+)?)万元，"
                                          "(?:比|与)\\d{4}年预算(?:(增加|减少)(\\d[\\d,]*(?:\\.\\d+)?)万元|(持平))");
  BdSection *narrative = bd_document_get_section (doc, "narrative");

  for (guint p = 0; narrative && p < narrative->paragraphs->len && !movement->found; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (regex, g_ptr_array_index (narrative->paragraphs, p), 0, &match);
           g_match_info_matches (match) && !movement->found; g_match_info_next (match, NULL))
        {
          g_autofree char *label = g_match_info_fetch (match, 1);
          g_autofree char *current = g_match_info_fetch (match, 2);
          g_autofree char *word = g_match_info_fetch (match, 3);
          g_autofree char *change = g_match_info_fetch (match, 4);
          g_autofree char *same = g_match_info_fetch (match, 5);
          gint64 delta = 0;

          if (!g_str_has_suffix (label, movement->label) || !bd_rules_parse_wan (current, &movement->current))
            continue;
          if (change != NULL && *change && !bd_rules_parse_wan (change, &delta))
            continue;
          movement->same = same != NULL && *same;
          movement->change = strcmp (word, "减少") == 0 ? -delta : delta;
          movement->found = TRUE;
        }
    }
}

/* 财政拨款 income and expenditure are the same money: they move the same way
 * by the same amount, so last year's figures the text implies balance too. */
void
bd_rule_fiscal_movement (BdCheck *check)
{
  Movement income = { "财政拨款收入" }, expense = { "财政拨款支出预算" };

  read_movement (check->doc, &income);
  read_movement (check->doc, &expense);
  if (!income.found || !expense.found)
    return;
  if (income.current - income.change != expense.current - expense.change)
    {
      /* Hundredths of 万元 are 10,000 分 each. */
      g_autofree char *a = bd_money_format_wan ((income.current - income.change) * 10000, TRUE);
      g_autofree char *b = bd_money_format_wan ((expense.current - expense.change) * 10000, TRUE);

      bd_check_report (check, BD_PART_NARRATIVE, "财政拨款收入", NULL, b, a,
                       g_strdup_printf (_("By the text, last year's 财政拨款收入 was %s万元 and its 财政拨款支出 "
                                          "%s万元; they are the same money and must be equal"), a, b));
    }
}

/* Notes under the schedules */

typedef struct {
  guint       number;
  const char *fund;      /* the words a note of this schedule names its money by */
} NoteFund;

static const NoteFund note_funds[] = {
  { 5, "一般公共预算" }, { 6, "政府性基金" }, { 7, "国有资本经营" }, { 8, "一般公共预算" }, { 9, "三公" },
};

static const char * const empty_words[] = { "无数据", "空表", "无此项", "无相关" };

gboolean
bd_rules_note_says_empty (const char *note)
{
  for (guint i = 0; note && i < G_N_ELEMENTS (empty_words); i++)
    if (strstr (note, empty_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A note names its own schedule's fund (not another's) and the document's year. */
void
bd_rule_note_words (BdCheck *check)
{
  static GRegex *cache;
  GRegex *year_regex = bd_rules_regex (&cache, "(\\d{4})年");

  for (guint i = 0; i < G_N_ELEMENTS (note_funds); i++)
    {
      BdSchedule *s = schedule (check, note_funds[i].number);
      g_autoptr(GMatchInfo) match = NULL;

      if (!bd_rules_note_says_empty (s->note))
        continue;
      if (strstr (s->note, note_funds[i].fund) == NULL)
        {
          g_autofree char *right = bd_document_empty_note (check->doc, s->def->number);
          BdFinding *finding = bd_check_report (check, PART_OF (s->def->number), NULL, NULL, right, s->note,
                                                g_strdup_printf (_("Schedule %u's note does not name its own "
                                                                   "money (%s): %s"),
                                                                 s->def->number, note_funds[i].fund, s->note));
          set_fix (finding, BD_FIX_SET_NOTE, s->def->number, NULL, 0, 0);
          finding->fix.text = g_steal_pointer (&right);
          continue;
        }
      if (g_regex_match (year_regex, s->note, 0, &match))
        {
          g_autofree char *named = g_match_info_fetch (match, 1);
          g_autofree char *want = g_strdup_printf ("%d", check->doc->year);

          if (atoi (named) != check->doc->year)
            bd_check_report (check, PART_OF (s->def->number), NULL, NULL, want, named,
                             g_strdup_printf (_("Schedule %u's note names %s年, but the document is for %d年: %s"),
                                              s->def->number, named, check->doc->year, s->note));
        }
    }
}

/* The comparisons of the 编制说明 whose last-year figure the document holds
 * (taken from last year's document, or read from the comparisons themselves).
 * Section 六's 三公 lines are left out: a figure typed there keeps its
 * comparison's words until the clerk rewrites them, and the window counts on
 * one finding for it (other-figures). */
static const struct { const char *label; const char *key; } movements[] = {
  { "财政拨款收入", "income.fiscal" },
  { "财政拨款支出预算", "expense.fiscal" },
  { "一般公共预算拨款支出预算", "expense.general" },
  { "政府性基金拨款支出预算", "expense.fund" },
  { "国有资本经营预算拨款支出预算", "expense.capital" },
};

/* The amount of a change is the difference of its figures, and its word
 * (增加, 减少, 持平) the sign of it. */
void
bd_rule_comparison_amounts (BdCheck *check)
{
  for (guint i = 0; i < G_N_ELEMENTS (movements); i++)
    {
      Movement movement = { movements[i].label };
      gint64 last, expected;

      read_movement (check->doc, &movement);
      if (!movement.found || !bd_document_get_last_year (check->doc, movements[i].key, &last))
        continue;
      expected = movement.current - bd_money_to_wan_cents (last);
      if (expected == movement.change)
        continue;
      {
        g_autofree char *said = bd_money_format_wan (ABS (movement.change) * 10000, TRUE);
        g_autofree char *right = bd_money_format_wan (ABS (expected) * 10000, TRUE);
        g_autofree char *before = bd_money_format_wan (last, TRUE);
        g_autofree char *e = g_strdup_printf ("%s%s", expected > 0 ? "增加" : expected < 0 ? "减少" : "持平",
                                              expected != 0 ? right : "");
        g_autofree char *a = g_strdup_printf ("%s%s", movement.change > 0 ? "增加" : movement.change < 0 ? "减少" : "持平",
                                              movement.change != 0 ? said : "");

        bd_check_report (check, BD_PART_NARRATIVE, movements[i].label, NULL, e, a,
                         g_strdup_printf (_("%s: last year's figure is %s万元, so the change is %s万元, "
                                            "but the text says %s万元"), movements[i].label, before, e, a));
      }
    }
}

/* Where the text names the department: it is the document's, or its short form. */
void
bd_rule_department_name (BdCheck *check)
{
  static GRegex *cache;
  GRegex *regex = bd_rules_regex (&cache, "(?:\\d{4}年，|截至\\d{4}年\\d{1,2}月\\d{1,2}日，)"
                                          "(\\p{Han}{2,40}?)(?:收入预算|共有车辆)");
  const char *department = check->doc->department;

  if (department == NULL || *department == '\0')
    return;
  FOREACH_PARAGRAPH (check->doc, section, text)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *named = g_match_info_fetch (match, 1);

          /* 财政局 for 上海市普陀区财政局 is the same body. */
          if (g_str_has_suffix (department, named))
            continue;
          bd_check_report (check, bd_rules_section_part (section), named, NULL, department, named,
                           g_strdup_printf (_("%s: the text names “%s”, but the document is %s's"),
                                            section->title, named, department));
        }
    }
}
