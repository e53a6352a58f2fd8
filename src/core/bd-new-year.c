/* bd-new-year.c: next year's document, started from last year's */

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-import-private.h"
#include "bd-narrative.h"
#include "bd-new-year.h"
#include "bd-pdf-import.h"
#include "bd-store.h"

/* "2024年…" → "2025年…": only the year itself, where it is written as one
 * (a title, a date, 2024年-2024年), never a figure that happens to hold it. */
static char *
shift_year (const char *text,
            int         from,
            int         to)
{
  g_autofree char *old = NULL;
  g_autofree char *new = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;

  if (text == NULL)
    return NULL;
  old = g_strdup_printf ("%d", from);
  new = g_strdup_printf ("%d", to);
  pattern = g_strdup_printf ("(?<![0-9.])%s(?=年|-|—|/|$)", old);
  regex = g_regex_new (pattern, 0, 0, NULL);
  return g_regex_replace_literal (regex, text, -1, 0, new, 0, NULL);
}

static void
shift_in_place (char **text,
                int    from,
                int    to)
{
  char *shifted = shift_year (*text, from, to);

  g_free (*text);
  *text = shifted;
}

/* 截至2023年12月31日: the assets are counted at the end of the year before
 * the budget's (written 截止 too, as 万里街道 2023 does); other years a text
 * quotes (a notice of 2023年度) stay. */
static void
shift_asset_date (char **text,
                  int    from,
                  int    to)
{
  static const char * const words[] = { "截至", "截止" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *old = g_strdup_printf ("%s%d年", words[i], from);
      g_autofree char *new = g_strdup_printf ("%s%d年", words[i], to);
      g_auto(GStrv) parts = g_strsplit (*text, old, -1);

      g_free (*text);
      *text = g_strjoinv (new, parts);
    }
}

static void
clear_row (BdRow *row)
{
  memset (row->values, 0, sizeof row->values);
  memset (row->published, 0, sizeof row->published);
  row->published_mask = 0;
  row->source_page = row->source_line = row->source_column = 0;
  row->source_sheet = NULL;
}

/* Every row stays, so the clerk fills the same 项 again; no figure stays:
 * last year's are the comparison base (bd_narrative_take_last_year), and
 * the published figures would be reported as disagreements. */
static void
clear_schedule (BdSchedule *schedule,
                int         year)
{
  for (guint i = 0; i < schedule->rows->len; i++)
    clear_row (g_ptr_array_index (schedule->rows, i));
  for (guint i = 0; schedule->income != NULL && i < schedule->income->len; i++)
    clear_row (g_ptr_array_index (schedule->income, i));
  if (schedule->total != NULL)
    clear_row (schedule->total);
  if (schedule->income_total != NULL)
    clear_row (schedule->income_total);
  for (BdRowPart part = BD_ROW_PART_CARRYOVER; schedule->carryover != NULL && part <= BD_ROW_PART_EXPENSE_GRAND; part++)
    clear_row (bd_schedule_carry_part (schedule, part));
  /* "本部门2024年无…" stated last year's case; this year's is not known yet. */
  g_clear_pointer (&schedule->note, g_free);
  schedule->title_year = schedule->title_year ? year : 0;
  schedule->source_page = schedule->source_line = 0;
  schedule->source_sheet = NULL;
}

/* The form comes back with its indicators and targets; its year and its
 * funds are the new year's, to be filled: empty funds mark it "to review". */
static void
carry_form (BdProject *project,
            int        from,
            int        to)
{
  shift_in_place (&project->start_date, from, to);
  shift_in_place (&project->end_date, from, to);
  shift_in_place (&project->period, from, to);
  shift_in_place (&project->annual_goal, from, to);
  project->to_review = TRUE;
  project->annual_total = project->annual_fiscal = 0;
  project->carryover = project->annual_other = 0;
  if (g_strcmp0 (project->nature, "一次性项目") != 0)
    project->total_funds = project->fiscal_funds = project->other_funds = 0;
}

static gboolean
is_amount (gpointer key,
           gpointer value,
           gpointer data)
{
  return ((BdFigure *) value)->unit != BD_FIGURE_COUNT;
}

gboolean
bd_new_year_form_to_review (const BdProject *project)
{
  return project->to_review;
}

/* The figures @text states, a number and its unit each ("17个", "32人"),
 * in order, thousands separators dropped; a threshold (单价100万元（含）以上,
 * 400.00万元以上) states no year's figure and is passed over. */
static GPtrArray *
stated_figures (const char *text)
{
  static GRegex *figure = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *figures = g_ptr_array_new_with_free_func (g_free);

  if (g_once_init_enter (&figure))
    g_once_init_leave (&figure, g_regex_new ("(?<![0-9.,])([0-9][0-9,]*(?:\\.[0-9]+)?)"
                                             "(万元|元|人|辆|个|台（套）|台|套|家|件|万件|名|次)"
                                             "(?!（含）以|及以|以上|以下)",
                                             G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (figure, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *unit = g_match_info_fetch (match, 2);
      g_auto(GStrv) groups = g_strsplit (number, ",", -1);
      g_autofree char *digits = g_strjoinv ("", groups);

      g_ptr_array_add (figures, g_strconcat (digits, unit, NULL));
    }
  return figures;
}

/* @text without what the formula writes from the year's own numbers: the
 * amounts it reads back (bd_section_figure_spans) and the comparisons with
 * the year before (比2024年预算减少1,772.21万元, 与2024年预算持平). The
 * counts it keeps (本部门1个预算单位, 项目17个) stay: they are last year's. */
static char *
carried_words (const char *section_id,
               const char *text)
{
  static GRegex *comparison = NULL;
  g_autoptr(GArray) spans = bd_section_figure_spans (section_id, text);
  g_autofree char *masked = g_strdup (text);

  if (g_once_init_enter (&comparison))
    g_once_init_leave (&comparison, g_regex_new ("(比|较|与)[0-9]{4}年(预算|执行数)?(增加|减少|增长|下降)?"
                                                 "([0-9][0-9,]*(\\.[0-9]+)?万?元)?",
                                                 G_REGEX_OPTIMIZE, 0, NULL));
  for (guint i = 0; i < spans->len; i++)
    {
      const BdFigureSpan *span = &g_array_index (spans, BdFigureSpan, i);

      if (span->unit != BD_FIGURE_COUNT)
        memset (masked + span->start, '#', span->end - span->start);
    }
  return g_regex_replace_literal (comparison, masked, -1, 0, "", 0, NULL);
}

/* "0万元", "0.00万元": an amount of nothing, which says nothing of a year. */
static gboolean
is_zero_amount (const char *figure)
{
  if (!g_str_has_suffix (figure, "元"))
    return FALSE;
  for (; *figure != '\0' && !g_str_has_prefix (figure, "万元") && !g_str_has_prefix (figure, "元"); figure++)
    if (*figure != '0' && *figure != '.')
      return FALSE;
  return TRUE;
}

/* Whether @now states a figure @then stated in the same place (the nth
 * figure of each), a count or an amount of something. */
static gboolean
same_figure (GPtrArray *now,
             GPtrArray *then)
{
  for (guint i = 0; i < MIN (now->len, then->len); i++)
    if (strcmp (g_ptr_array_index (now, i), g_ptr_array_index (then, i)) == 0
        && !is_zero_amount (g_ptr_array_index (now, i)))
      return TRUE;
  return FALSE;
}

/* The figures each paragraph of last year's section @before states that
 * the formula did not write (a GPtrArray of stated_figures() each). */
static GPtrArray *
figures_before (const char *section_id,
                BdSection  *before)
{
  GPtrArray *each = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint p = 0; before != NULL && p < before->paragraphs->len; p++)
    {
      g_autofree char *words = carried_words (section_id, g_ptr_array_index (before->paragraphs, p));

      g_ptr_array_add (each, stated_figures (words));
    }
  return each;
}

/* Whether @text still quotes last year's numbers: a figure a paragraph of
 * last year's section stated in the same place (@before, from
 * figures_before), which the formula did not write again; or last year
 * itself (@year matches it) outside the comparisons (比2024年, 与2024年) and the date the
 * assets are counted at (截至2024年), which the new year's text rightly
 * names. Any paragraph of last year's section is compared: the formula may
 * write more or fewer paragraphs than the published text had. */
static gboolean
quotes_last_year (const char *section_id,
                  const char *text,
                  GPtrArray  *before,
                  GRegex     *year)
{
  g_autofree char *words = carried_words (section_id, text);
  g_autoptr(GPtrArray) now = stated_figures (words);

  for (guint p = 0; now->len > 0 && p < before->len; p++)
    if (same_figure (now, g_ptr_array_index (before, p)))
      return TRUE;
  return g_regex_match (year, text, 0, NULL);
}

/* The paragraphs of the sections the formula writes in part (the clerk's
 * reasons, purposes, assets and 政府雇员 paragraphs) that still quote last
 * year's numbers are to review, until the clerk changes them. */
static void
flag_carried_over (BdDocument *next,
                   BdDocument *last,
                   int         from)
{
  static const char * const templates[] = { "narrative", "other", "employees" };
  /* Last year named on its own (see quotes_last_year). */
  g_autofree char *pattern = g_strdup_printf ("(?<![0-9比与至止])%d(?![0-9])", from);
  g_autoptr(GRegex) year = g_regex_new (pattern, 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      BdSection *section = bd_document_get_section (next, templates[i]);
      g_autoptr(GPtrArray) before = NULL;

      if (section == NULL)
        continue;
      /* Read once for all of this year's paragraphs. */
      before = figures_before (templates[i], bd_document_get_section (last, templates[i]));
      /* Flags a year older left are judged afresh, on this year's words. */
      g_hash_table_remove_all (section->to_review);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const char *text = g_ptr_array_index (section->paragraphs, p);

          if (quotes_last_year (templates[i], text, before, year))
            bd_section_set_to_review (section, text, TRUE);
        }
    }
}

void
bd_new_year_from_document (BdDocument *next,
                           BdDocument *last)
{
  static const char * const generated[] = { "narrative", "other", "employees" };
  int from = last->year, to = last->year + 1;

  g_return_if_fail (BD_IS_DOCUMENT (next));
  g_return_if_fail (BD_IS_DOCUMENT (last));

  next->year = to;
  shift_in_place (&next->title, from, to);
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    clear_schedule (bd_document_get_schedule (next, n), to);
  bd_document_recompute (next);
  for (guint i = 0; i < next->projects->len; i++)
    carry_form (g_ptr_array_index (next->projects, i), from, to);
  if (next->import_notes != NULL)
    g_ptr_array_set_size (next->import_notes, 0);

  /* Last year's totals, computed from its schedules, are what 比上年 reads. */
  g_hash_table_remove_all (next->last_year);
  bd_narrative_take_last_year (next, last, NULL);

  /* The clerk's texts move a year on: 2024年 becomes 2025年, then the
   * 截至2023年12月31日 of the assets 2024年 (in that order: no year moves
   * twice). */
  for (guint i = 0; i < next->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (next->sections, i);

      shift_in_place (&section->title, from, to);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          shift_in_place ((char **) &section->paragraphs->pdata[p], from, to);
          shift_asset_date ((char **) &section->paragraphs->pdata[p], from - 1, from);
        }
    }
  /* The text written from the numbers is written again from the cleared
   * ones; the clerk's clauses (reasons, purposes, assets) are kept by it.
   * The amounts only the text states (procurement, goals, 政府雇员) were
   * last year's: cleared too, to be stated again; its counts (units,
   * assets) describe the department and stay. */
  g_hash_table_foreach_remove (next->figures, is_amount, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      BdSection *section = bd_document_get_section (next, generated[i]);

      if (section != NULL)
        bd_import_write_from_numbers (next, section);
    }
  flag_carried_over (next, last, from);
}

static BdDocument *
read_document (const char  *path,
               GError     **error)
{
  g_autoptr(BdStore) store = NULL;

  if (bd_import_is_importable (path))
    return bd_import_any_file (path, error);
  store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, error);
  return store ? bd_store_load (store, error) : NULL;
}

BdDocument *
bd_new_year_from_file (const char  *path,
                       GError     **error)
{
  g_autoptr(BdDocument) last = NULL;
  BdDocument *next;

  /* Read twice rather than copied: the readers are the one faithful copy. */
  if ((last = read_document (path, error)) == NULL)
    return NULL;
  if ((next = read_document (path, error)) == NULL)
    return NULL;
  bd_new_year_from_document (next, last);
  return next;
}
