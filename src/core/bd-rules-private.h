/* bd-rules-private.h: what the files of rules share
 *
 * The rules are one declarative table (bd-rules.c); their checks live in one
 * file per family: within and across schedules (bd-rules-schedules.c), the
 * figures of the text (bd-rules-text.c), the forms (bd-rules-forms.c) and the
 * classification codes (bd-rules-codes.c).
 *
 * Figures in 元 compare to the 分; figures in 万元 compare to the half-up
 * rounding of the 元 figure to hundredths of 万元.
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "bd-check-private.h"

G_BEGIN_DECLS

#define PART_OF(number) ((BdPart) (BD_PART_SCHEDULE_1 + (number) - 1))
#define S(n) BD_READS_SCHEDULE (n)

static inline BdSchedule *
schedule (BdCheck *check,
          guint    number)
{
  return bd_document_get_schedule (check->doc, number);
}

static inline BdRow *
income_item (BdCheck    *check,
             guint       number,
             const char *key)
{
  BdSchedule *s = schedule (check, number);

  for (guint i = 0; s->income && i < s->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (s->income, i);
      if (strcmp (item->code, key) == 0)
        return item;
    }
  return NULL;
}

static inline gint64
row_value (BdRow *row,
           guint  column)
{
  return row ? row->values[column] : 0;
}

static inline const char *
row_label (BdRow *row)
{
  return row->code && *row->code ? row->code : row->name;
}

static inline char *
row_title (BdRow *row)
{
  if (row->code && g_ascii_isdigit (row->code[0]))
    return g_strdup_printf ("%s %s", row->code, row->name);
  return g_strdup (row->name);
}

static inline void
set_fix (BdFinding  *finding,
         BdFixKind   kind,
         guint       number,
         const char *code,
         guint       column,
         gint64      value)
{
  finding->fix.kind = kind;
  finding->fix.schedule = number;
  finding->fix.code = g_strdup (code);
  finding->fix.column = column;
  finding->fix.value = value;
}

/* Each paragraph of every text section, with the section it is in. */
#define FOREACH_PARAGRAPH(doc, section, text)                                              \
  for (guint _s = 0; _s < (doc)->sections->len; _s++)                                      \
    for (BdSection *section = g_ptr_array_index ((doc)->sections, _s); section; section = NULL) \
      for (guint _p = 0; _p < section->paragraphs->len; _p++)                              \
        for (const char *text = g_ptr_array_index (section->paragraphs, _p); text; text = NULL)

/* The part a finding on @section's text goes to. */
BdPart   bd_rules_section_part    (const BdSection *section);
/* A regex compiled once into @cache. */
GRegex  *bd_rules_regex           (GRegex         **cache,
                                   const char      *pattern);
/* “1,365.78” (万元) as hundredths of 万元. */
gboolean bd_rules_parse_wan       (const char      *text,
                                   gint64          *wan_cents);
/* Whether a schedule's note says it has no figures (本表无数据, 故本表为空表, …). */
gboolean bd_rules_note_says_empty (const char      *note);

/* Compares a figure the text quotes (@key) with the schedules' @schedule_value. */
void bd_rules_compare_text_figure (BdCheck    *check,
                                   BdPart      part,
                                   const char *key,
                                   const char *label,
                                   gint64      schedule_value,
                                   const char *source);

/* The checks, by family: each is one of the kinds of function a BdRule
 * (bd-checker.h) holds, a whole-document check, a row check, or a row
 * rule's context. */
typedef void  BdRuleCheck        (BdCheck *check);
typedef void  BdRuleRowCheck     (BdCheck *check,
                                  guint    number,
                                  BdRow   *row);
typedef guint BdRuleRowContext   (BdCheck *check);

/* bd-rules-schedules.c: within and across schedules */
BdRuleCheck bd_rule_balance, bd_rule_empty_notes, bd_rule_negative, bd_rule_schedule_1_expense,
  bd_rule_schedule_1_income, bd_rule_schedule_4_carryover, bd_rule_schedule_4_expense, bd_rule_schedule_4_income,
  bd_rule_schedule_8, bd_rule_schedule_9, bd_rule_stale_notes, bd_rule_title_years, bd_rule_total_rows;
BdRuleRowCheck bd_rule_negative_row, bd_rule_row_parts, bd_rule_schedules_2_3, bd_rule_schedules_5_6_7,
  bd_rule_subtotals;
BdRuleRowContext bd_rule_schedules_5_6_7_context;
/* bd-rules-text.c: the figures the text quotes */
BdRuleCheck bd_rule_employees, bd_rule_forms_against_schedule_3, bd_rule_goal_count, bd_rule_narrative,
  bd_rule_other, bd_rule_procurement;
/* bd-rules-forms.c */
BdRuleCheck bd_rule_categories, bd_rule_cost_ceiling, bd_rule_form_carryover, bd_rule_form_funds,
  bd_rule_quantitative_output, bd_rule_targets;
/* bd-rules-codes.c */
BdRuleCheck bd_rule_code_names, bd_rule_codes_not_in_catalog, bd_rule_unknown_codes;
/* bd-rules-import.c: what the document brought from elsewhere */
BdRuleCheck bd_rule_as_printed, bd_rule_carried_over, bd_rule_form_to_review;
/* bd-rules-words.c */
BdRuleCheck bd_rule_comparison_amounts, bd_rule_comparison_words, bd_rule_department_name,
  bd_rule_fiscal_movement, bd_rule_heading_years, bd_rule_note_words, bd_rule_text_years;
/* bd-rules-items.c */
BdRuleCheck bd_rule_item_new_gone, bd_rule_narrative_items;
BdRuleRowCheck bd_rule_item_change_row;
/* bd-rules-quality.c */
BdRuleCheck bd_rule_doubled, bd_rule_empty_sections, bd_rule_form_dates, bd_rule_form_rates,
  bd_rule_form_target_unit, bd_rule_placeholders, bd_rule_repeated_paragraph, bd_rule_unit_count;

G_END_DECLS
