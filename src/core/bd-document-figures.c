/* bd-document-figures.c: the figures the text sections quote, read from
 * their words
 *
 * The text is where these figures live (the clerk types the paragraph, not a
 * figure beside it), so they are read again after every edit of a section;
 * the spans say where each stands, for the window's figure fields and the
 * editor's rewriting of one figure.
 */
#include <glib.h>
#include <string.h>

#include "bd-document.h"

/* Labels of the figures quoted in the text sections: a figure is named by
 * the words just before it. More specific labels come first, since matching
 * is by suffix. */
typedef struct {
  const char *suffix;
  const char *key;
} FigureLabel;

static const FigureLabel narrative_labels[] = {
  { "财政拨款收入", "income.fiscal" },
  { "事业单位经营收入", "income.operating" },
  { "事业收入", "income.business" },
  { "其他收入", "income.other" },
  { "收入", "income.total" },
  { "一般公共预算拨款支出", "expense.general" },
  { "政府性基金拨款支出", "expense.fund" },
  { "国有资本经营预算拨款支出", "expense.capital" },
  { "财政拨款支出", "expense.fiscal" },
  { "支出", "expense.total" },
  { NULL, NULL },
};

static const FigureLabel other_labels[] = {
  { "“三公”经费", "sangong.total" },
  { "因公出国（境）费", "sangong.outbound" },
  { "公务用车购置及运行费", "sangong.vehicle" },
  { "公务用车购置费", "sangong.vehicle_purchase" },
  { "公务用车运行费", "sangong.vehicle_running" },
  { "公务接待费", "sangong.reception" },
  { "机关运行经费", "operating_costs" },
  { "政府采购货物", "procurement.goods" },
  { "政府采购工程", "procurement.works" },
  { "政府采购服务", "procurement.services" },
  { "中小企业预留政府采购项目", "procurement.sme" },
  { "小型和微型企业的政府采购项目", "procurement.small_micro" },
  { "政府采购", "procurement.total" },
  { "项目预算资金", "goals.funds" },
  { NULL, NULL },
};

static const FigureLabel employee_labels[] = {
  { "预算安排", "funds" },
  { NULL, NULL },
};

/* Counts quoted in the text: a pattern whose first group is the count. */
typedef struct {
  const char *pattern;
  const char *key;
} CountPattern;

static const CountPattern other_counts[] = {
  { "(\\d+)个预算单位", "goals.units" },
  /* …的项目12个 (district), …的项目共12个 (city units). */
  { "编报绩效目标的项目共?(\\d+)个", "goals.projects" },
  { "共有车辆(\\d+)辆", "assets.vehicles" },
  { "截至.*以上设备（不含车辆）(\\d+)台（套）", "assets.equipment" },
  { "预算安排购置车辆(\\d+)辆", "assets.new_vehicles" },
  { "预算安排购置单价.*以上设备（不含车辆）(\\d+)台（套）", "assets.new_equipment" },
  { NULL, NULL },
};

static const CountPattern employee_counts[] = {
  { "聘用政府雇员(\\d+)人", "count" },
  { NULL, NULL },
};

static gboolean
is_clause_delimiter (gunichar c)
{
  return c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */ || c == 0xFF1A /* ： */ || c == 0x3002 /* 。 */
      || c == 0x3001 /* 、 */ || c == ',' || c == ';' || c == ':' || c == '\n';
}

/* The words between the last clause delimiter and @end, without the
 * wording that only joins a label to its figure (为, 预算数, 预算, 金额). */
static char *
label_before (const char *text,
              const char *end)
{
  const char *start = end;
  g_autofree char *label = NULL;
  static const char * const joiners[] = { "为", "金额", "预算数", "预算", NULL };
  gboolean stripped;

  while (start > text)
    {
      const char *previous = g_utf8_find_prev_char (text, start);
      if (is_clause_delimiter (g_utf8_get_char (previous)))
        break;
      start = previous;
    }
  label = g_strndup (start, end - start);
  do
    {
      stripped = FALSE;
      for (guint i = 0; joiners[i]; i++)
        if (g_str_has_suffix (label, joiners[i]) && strlen (label) > strlen (joiners[i]))
          {
            label[strlen (label) - strlen (joiners[i])] = '\0';
            stripped = TRUE;
          }
    }
  while (stripped);
  return g_steal_pointer (&label);
}

static const char *
match_label (const FigureLabel *labels,
             const char        *label)
{
  for (const FigureLabel *entry = labels; entry->suffix; entry++)
    if (g_str_has_suffix (label, entry->suffix))
      return entry->key;
  return NULL;
}

static void
set_text_figure (BdDocument  *doc,
                 const char  *prefix,
                 const char  *key,
                 gint64       value,
                 BdFigureUnit unit)
{
  g_autofree char *full_key = g_strdup_printf ("%s.%s", prefix, key);
  bd_document_set_figure (doc, full_key, value, unit);
}

/* Reads every "…X万元" of a paragraph: the figure under its label, and
 * last year's from the comparison that follows (比2023年预算减少…万元 or
 * 与2023年预算持平). */
static void
add_span (GArray       *spans,
          const char   *prefix,
          const char   *key,
          int           start,
          int           end,
          BdFigureUnit  unit)
{
  BdFigureSpan span = { g_strdup_printf ("%s.%s", prefix, key), start, end, unit };

  if (spans != NULL)
    g_array_append_val (spans, span);
  else
    g_free (span.key);
}

/* @doc may be NULL, and @spans: each receives what it wants. Last year's
 * figures are read from the comparisons only into @last_year. */
/* The end of the clause that holds `from`: the next "；" or "。", or the
 * paragraph's end. */
static const char *
next_clause_end (const char *from)
{
  while (*from && !g_str_has_prefix (from, "；") && !g_str_has_prefix (from, "。"))
    from++;
  return from;
}

static void
extract_money_figures (BdDocument        *doc,
                       const char        *prefix,
                       const FigureLabel *labels,
                       const char        *paragraph,
                       GArray            *spans,
                       BdDocument        *last_year)
{
  /* Raw bytes: matching UTF-8 text re-validates the whole paragraph at every
   * next match, quadratic in the figures a paragraph holds (issue 17). The
   * pattern is ASCII and one literal, so bytes match as characters would. */
  g_autoptr(GRegex) amount = g_regex_new ("([0-9][0-9,]*(?:\\.[0-9]+)?)万元", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) comparison = g_regex_new ("^比(\\d{4})年预算(增加|减少)$", 0, 0, NULL);
  g_autoptr(GRegex) item = g_regex_new ("“([^”]+)”科目$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *previous_key = NULL;
  gint64 previous_value = 0;
  /* A label never reaches back past the figure before it, nor a clause end
   * forward past the next one: each character is read a bounded number of
   * times, however many figures a paragraph holds (issue 17). */
  const char *floor = paragraph;
  const char *clause_end = paragraph;

  g_regex_match (amount, paragraph, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *label = NULL;
      g_autoptr(GMatchInfo) label_match = NULL;
      g_autofree char *item_key = NULL;
      const char *key;
      const char *after;
      int start, end, number_start, number_end;
      gint64 value;

      if (!bd_money_parse (number, BD_UNIT_WAN, &value, NULL))
        continue;
      g_match_info_fetch_pos (match, 0, &start, &end);
      label = label_before (floor, paragraph + start);
      floor = paragraph + end;

      if (g_regex_match (comparison, label, 0, &label_match))
        {
          g_autofree char *direction = g_match_info_fetch (label_match, 2);
          if (previous_key != NULL && last_year != NULL)
            bd_document_set_last_year (last_year, previous_key,
                                       strcmp (direction, "增加") == 0 ? previous_value - value
                                                                       : previous_value + value);
          previous_key = NULL;
          continue;
        }
      g_clear_pointer (&label_match, g_match_info_free);

      if (g_regex_match (item, label, 0, &label_match))
        {
          g_autofree char *name = g_match_info_fetch (label_match, 1);
          key = item_key = g_strconcat ("item.", name, NULL);
        }
      else if ((key = match_label (labels, label)) == NULL)
        {
          previous_key = NULL;
          continue;
        }

      g_match_info_fetch_pos (match, 1, &number_start, &number_end);
      add_span (spans, prefix, key, number_start, number_end, BD_FIGURE_WAN);
      if (doc != NULL)
        set_text_figure (doc, prefix, key, value, BD_FIGURE_WAN);
      previous_key = g_intern_string (key);
      previous_value = value;

      after = paragraph + end;
      clause_end = next_clause_end (MAX (clause_end, after));
      if (last_year != NULL && g_strstr_len (after, clause_end - after, "预算持平") != NULL)
        bd_document_set_last_year (last_year, key, value);
    }
}

static void
extract_counts (BdDocument         *doc,
                const char         *prefix,
                const CountPattern *patterns,
                const char         *paragraph,
                GArray             *spans)
{
  for (const CountPattern *pattern = patterns; pattern->pattern; pattern++)
    {
      g_autoptr(GRegex) regex = g_regex_new (pattern->pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, paragraph, 0, &match))
        {
          g_autofree char *count = g_match_info_fetch (match, 1);
          int start, end;

          g_match_info_fetch_pos (match, 1, &start, &end);
          add_span (spans, prefix, pattern->key, start, end, BD_FIGURE_COUNT);
          if (doc != NULL)
            set_text_figure (doc, prefix, pattern->key, g_ascii_strtoll (count, NULL, 10), BD_FIGURE_COUNT);
        }
    }
}

static void
extract_paragraph_figures (BdDocument *doc,
                           const char *section_id,
                           const char *paragraph,
                           GArray     *spans,
                           BdDocument *last_year)
{
  if (strcmp (section_id, "narrative") == 0)
    extract_money_figures (doc, "narrative", narrative_labels, paragraph, spans, last_year);
  else if (strcmp (section_id, "other") == 0)
    {
      extract_money_figures (doc, "other", other_labels, paragraph, spans, last_year);
      extract_counts (doc, "other", other_counts, paragraph, spans);
      /* "本部门无机关运行经费" states the figure as nothing at all. */
      if (doc != NULL && strstr (paragraph, "无机关运行经费") != NULL)
        set_text_figure (doc, "other", "operating_costs", 0, BD_FIGURE_WAN);
    }
  else if (strcmp (section_id, "employees") == 0)
    {
      extract_money_figures (doc, "employees", employee_labels, paragraph, spans, last_year);
      extract_counts (doc, "employees", employee_counts, paragraph, spans);
    }
}

/* On import, last year's figures come from the text's comparisons too;
 * afterwards they are the document's own (or last year's file's). */
static void
extract_text_figures (BdDocument *doc,
                      BdSection  *section,
                      gboolean    with_last_year)
{
  for (guint i = 0; i < section->paragraphs->len; i++)
    extract_paragraph_figures (doc, section->id, g_ptr_array_index (section->paragraphs, i), NULL,
                               with_last_year ? doc : NULL);
}

static void
figure_span_clear (BdFigureSpan *span)
{
  g_free (span->key);
}

GArray *
bd_section_figure_spans (const char *section_id,
                         const char *paragraph)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (BdFigureSpan));

  g_array_set_clear_func (spans, (GDestroyNotify) figure_span_clear);
  extract_paragraph_figures (NULL, section_id, paragraph, spans, NULL);
  return spans;
}

void
bd_document_import_section_figures (BdDocument *doc,
                                    BdSection  *section)
{
  g_return_if_fail (BD_IS_DOCUMENT (doc));

  extract_text_figures (doc, section, TRUE);
}

void
bd_document_read_section_figures (BdDocument *doc,
                                  BdSection  *section)
{
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (BD_IS_DOCUMENT (doc));

  prefix = g_strconcat (section->id, ".", NULL);

  /* The text is where these figures live: what it no longer says is gone. */
  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
  extract_text_figures (doc, section, FALSE);
}

