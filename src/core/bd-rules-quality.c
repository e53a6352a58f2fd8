/* bd-rules-quality.c: what a reviewer sees before reading a figure
 *
 * Placeholders left from a template, doubled punctuation and words, a
 * paragraph printed twice, an empty required section, unit counts that
 * disagree, and the dates and rates of the forms. Each kind of slip is a
 * row of a table.
 */

#include <stdio.h>

#include "bd-rules-private.h"

typedef struct {
  const char *pattern;
  const char *what;     /* N_() */
} Slip;

static const Slip placeholders[] = {
  { "XX|ＸＸ|××|xx(?![a-z])", N_("a placeholder left from the template") },
  /* Exactly two: a longer run is the dot leader of a contents line. */
  { "(?<!…)……(?!…)", N_("a placeholder left from the template") },
  { "待填写|请填写|待补充", N_("a placeholder left from the template") },
  { "\\{[^{}]{1,12}\\}", N_("a placeholder left from the template") },
  { "[（(]略[)）]", N_("a placeholder left from the template") },
};

static const Slip doubled[] = {
  { "([。，；、：！？])\\1", N_("doubled punctuation") },
  /* Two to four characters written twice: 预算预算. Reduplicated words of one
   * character (常常) are Chinese; of two, in a budget, a slip. */
  { "(\\p{Han}{2,4})\\1", N_("a word written twice") },
};

static void
report_slips (BdCheck    *check,
              const Slip *slips,
              guint       n_slips,
              GRegex    **cache)
{
  for (guint i = 0; i < n_slips; i++)
    {
      GRegex *regex = bd_rules_regex (&cache[i], slips[i].pattern);

      FOREACH_PARAGRAPH (check->doc, section, text)
        {
          g_autoptr(GMatchInfo) match = NULL;

          for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *found = g_match_info_fetch (match, 0);

              bd_check_report (check, bd_rules_section_part (section), section->title, NULL, NULL, found,
                               g_strdup_printf (_("%s: “%s”, %s"), section->title, found, _(slips[i].what)));
            }
        }
    }
}

void
bd_rule_placeholders (BdCheck *check)
{
  static GRegex *cache[G_N_ELEMENTS (placeholders)];

  report_slips (check, placeholders, G_N_ELEMENTS (placeholders), cache);
}

void
bd_rule_doubled (BdCheck *check)
{
  static GRegex *cache[G_N_ELEMENTS (doubled)];

  report_slips (check, doubled, G_N_ELEMENTS (doubled), cache);
}

/* A paragraph of some length printed twice (duties listed twice); short
 * ones (“主要职能包括：”) repeat by design. */
void
bd_rule_repeated_paragraph (BdCheck *check)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  FOREACH_PARAGRAPH (check->doc, section, text)
    {
      if (g_utf8_strlen (text, -1) < 20)
        continue;
      if (!g_hash_table_add (seen, (gpointer) text))
        {
          g_autofree char *start = g_utf8_substring (text, 0, 20);
          bd_check_report (check, bd_rules_section_part (section), section->title, NULL, NULL, start,
                           g_strdup_printf (_("%s: the paragraph “%s…” is printed twice"), section->title, start));
        }
    }
}

/* The sections every disclosure has, by id. */
static const struct { const char *id; const char *title; } required_sections[] = {
  { "functions", "部门主要职能" }, { "organisation", "部门机构设置" }, { "glossary", "名词解释" },
  { "narrative", "部门预算编制说明" },
};

static gboolean
section_is_empty (BdSection *section)
{
  for (guint p = 0; p < section->paragraphs->len; p++)
    {
      g_autofree char *text = g_strstrip (g_strdup (g_ptr_array_index (section->paragraphs, p)));
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Section 六's 国有资产占用情况 (占有使用情况 in the Putuo documents), when it has
 * its heading, has a paragraph under it before the next heading. */
static void
check_asset_heading (BdCheck *check)
{
  static GRegex *cache_asset, *cache_heading;
  GRegex *asset = bd_rules_regex (&cache_asset, "^\\s*[一二三四五六七八九十]+、\\s*国有资产占(?:用|有使用)情况\\s*$");
  GRegex *heading = bd_rules_regex (&cache_heading, "^\\s*[一二三四五六七八九十]+、");
  BdSection *other = bd_document_get_section (check->doc, "other");

  for (guint p = 0; other && p < other->paragraphs->len; p++)
    {
      const char *text = g_ptr_array_index (other->paragraphs, p);
      const char *next = p + 1 < other->paragraphs->len ? g_ptr_array_index (other->paragraphs, p + 1) : NULL;
      g_autofree char *body = next ? g_strstrip (g_strdup (next)) : NULL;
      g_autofree char *title = NULL;

      if (!g_regex_match (asset, text, 0, NULL))
        continue;
      if (body != NULL && *body != '\0' && !g_regex_match (heading, body, 0, NULL))
        continue;
      title = g_strstrip (g_strdup (text));
      bd_check_report (check, BD_PART_OTHER, "国有资产占用情况", NULL, NULL, NULL,
                       g_strdup_printf (_("The section %s is empty"), title));
    }
}

/* A section left empty among written ones is a slip; a document with no
 * text yet (tables entered first, or generated) is being written. */
void
bd_rule_empty_sections (BdCheck *check)
{
  gboolean any_text = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required_sections) && !any_text; i++)
    {
      BdSection *section = bd_document_get_section (check->doc, required_sections[i].id);
      any_text = section != NULL && !section_is_empty (section);
    }
  if (!any_text)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (required_sections); i++)
    {
      BdSection *section = bd_document_get_section (check->doc, required_sections[i].id);

      if (section != NULL && !section_is_empty (section))
        continue;
      bd_check_report (check, BD_PART_DOCUMENT, required_sections[i].title, NULL, NULL, NULL,
                       g_strdup_printf (_("The section %s is empty"), required_sections[i].title));
    }
  check_asset_heading (check);
}

/* Counts of units */

/* The sum of the counts @regex finds (group 1) in @section; -1 when none. */
static int
count_in (BdDocument *doc,
          const char *section_id,
          GRegex     *regex)
{
  BdSection *section = bd_document_get_section (doc, section_id);
  int total = -1;

  for (guint p = 0; section && p < section->paragraphs->len; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (regex, g_ptr_array_index (section->paragraphs, p), 0, &match);
           g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *n = g_match_info_fetch (match, 1);
          total = MAX (total, 0) + atoi (n);
        }
    }
  return total;
}

/* 机构设置 (“本部门中，行政单位N家，事业单位M家”) and 绩效目标设置情况
 * (“本部门N个预算单位”) count the same units. */
void
bd_rule_unit_count (BdCheck *check)
{
  static GRegex *cache_units, *cache_goals;
  static GRegex *cache_scope;
  GRegex *units = bd_rules_regex (&cache_units, "(?:行政单位|参公单位|事业单位|其他单位)\\s*(\\d+)\\s*家");
  GRegex *goals = bd_rules_regex (&cache_goals, "本部门\\s*(\\d+)\\s*个预算单位");
  /* “包括万里街道本部以及下属 5 家预算单位”: the units besides the department's own. */
  GRegex *scope = bd_rules_regex (&cache_scope, "下属\\s*(\\d+)\\s*家预算单位");
  int organisation = count_in (check->doc, "organisation", units);
  int performance = count_in (check->doc, "other", goals);
  int below = count_in (check->doc, "organisation", scope);

  if (organisation >= 0 && below >= 0 && organisation != below + 1)
    {
      g_autofree char *a = g_strdup_printf ("%d", below + 1);
      g_autofree char *b = g_strdup_printf ("%d", organisation);

      bd_check_report (check, BD_PART_DOCUMENT, "机构设置", NULL, a, b,
                       g_strdup_printf (_("机构设置 names the department and %d units below it, but counts %d units "
                                          "by kind"), below, organisation));
    }
  /* Fewer units than exist may set goals (putuo-wanli-2025: 3 of 6); more cannot. */
  if (organisation < 0 || performance < 0 || performance <= organisation)
    return;
  {
    g_autofree char *a = g_strdup_printf ("%d", organisation);
    g_autofree char *b = g_strdup_printf ("%d", performance);

    bd_check_report (check, BD_PART_OTHER, "本部门N个预算单位", NULL, a, b,
                     g_strdup_printf (_("机构设置 counts %d units, but 绩效目标设置情况 says 本部门%d个预算单位 set goals"),
                                      organisation, performance));
  }
}

/* The forms */

static GDate *
parse_date (const char *text)
{
  int y, m, d;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/* A project's dates are dates, its start is not after its end, and the
 * budget year's money is spent within the span. */
void
bd_rule_form_dates (BdCheck *check)
{
  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);
      GDate *start = parse_date (p->start_date), *end = parse_date (p->end_date);

      if (start == NULL || end == NULL)
        {
          if ((p->start_date && *p->start_date && start == NULL) || (p->end_date && *p->end_date && end == NULL))
            bd_check_report (check, BD_PART_PERFORMANCE, p->name, "计划开始日期", "2024-01-01",
                             start == NULL ? p->start_date : p->end_date,
                             g_strdup_printf (_("%s: the dates %s and %s are not both dates like 2024-01-01"),
                                              p->name, p->start_date, p->end_date));
        }
      else if (g_date_compare (start, end) > 0)
        bd_check_report (check, BD_PART_PERFORMANCE, p->name, "计划完成日期", p->start_date, p->end_date,
                         g_strdup_printf (_("%s: it ends (%s) before it starts (%s)"), p->name, p->end_date,
                                          p->start_date));
      else if (g_date_get_year (start) > check->doc->year || g_date_get_year (end) < check->doc->year)
        bd_check_report (check, BD_PART_PERFORMANCE, p->name, "计划开始日期", NULL, p->start_date,
                         g_strdup_printf (_("%s: its span %s to %s leaves out the budget year %d"),
                                          p->name, p->start_date, p->end_date, check->doc->year));
      g_clear_pointer (&start, g_date_free);
      g_clear_pointer (&end, g_date_free);
    }
}

/* A rate (…率) in % cannot be above 100. */
void
bd_rule_form_rates (BdCheck *check)
{
  static GRegex *cache;
  GRegex *regex = bd_rules_regex (&cache, "^(=|≥|>|＝|＞)(\\d+(?:\\.\\d+)?)\\(%\\)$");

  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *number = NULL;
          g_autofree char *op = NULL;
          double value;

          if (indicator->name == NULL || strstr (indicator->name, "率") == NULL || indicator->target == NULL
              || !g_regex_match (regex, indicator->target, 0, &match))
            continue;
          op = g_match_info_fetch (match, 1);
          number = g_match_info_fetch (match, 2);
          value = g_ascii_strtod (number, NULL);
          /* “>100.00(%)” aims above 100 as much as “=120.00(%)” does. */
          if (value > 100.0 || (value >= 100.0 && (strcmp (op, ">") == 0 || strcmp (op, "＞") == 0)))
            bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, "≤100.00(%)", indicator->target,
                             g_strdup_printf (_("%s: the rate “%s” aims at %s, above 100 %%"),
                                              p->name, indicator->name, indicator->target));
        }
    }
}

/* A target written in words with a comparison and a number but no unit
 * (“不低于90”): ninety of what is not said. */
void
bd_rule_form_target_unit (BdCheck *check)
{
  static GRegex *cache;
  GRegex *regex = bd_rules_regex (&cache, "(?:不低于|不高于|不少于|不多于|不超过|不大于|不小于|大于|小于|达到|超过)"
                                          "\\s*\\d+(?:\\.\\d+)?\\s*$");

  for (guint i = 0; i < check->doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (check->doc->projects, i);

      for (guint j = 0; j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);

          if (indicator->target != NULL && g_regex_match (regex, indicator->target, 0, NULL))
            bd_check_report (check, BD_PART_PERFORMANCE, p->name, indicator->name, NULL, indicator->target,
                             g_strdup_printf (_("%s: the target “%s” of “%s” compares with a number but gives "
                                                "no unit"), p->name, indicator->target, indicator->name));
        }
    }
}
