/* Incremental rechecks equal the full check.
 *
 * An edit of every kind goes through BdEditor (figures, pastes, rows, fixes,
 * 修正全部, filling schedules 2 and 5, text, the figures a text quotes, last
 * year's document, every change of the forms, the framework, the rule
 * profile, undo and redo) on the seed and on each real document of
 * tests/real/; after each, the editor's findings (only the rules reading what
 * changed were run) are compared with bd_check_document of the same state.
 *
 * And every part of the document a rule's findings depend on is in its reads
 * mask (/recheck/reads-declared): each part is changed alone and the rules
 * whose findings change must say they read it.
 */

#include <glib/gstdio.h>

#include "bd-checker.h"
#include "bd-editor.h"
#include "bd-narrative.h"
#include "bd-pdf-import.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

static const char * const real_files[] = {
  "putuo-czj-2025-dept.pdf", "putuo-wanli-2023-dept.pdf", "putuo-wanli-2025-dept.pdf", "shanghai-czj-2025-unit.pdf",
};

static char *tmp_dir;

/* What the edits are made on, found in the document at hand. */
typedef struct {
  char *leaf;        /* a 项 of schedule 3 that schedule 5 has too (the seed: 2080502) */
  char *last_year;   /* last year's document of the same department, as a .budget */
} Targets;

static char *
findings_text (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *f = g_ptr_array_index (findings, i);
      g_string_append_printf (out, "%s|%d|%d|%s|%s|%s|%s|%s\n", f->rule, f->severity, f->part, f->row, f->column,
                              f->expected, f->actual, f->message);
    }
  return g_string_free (out, FALSE);
}

typedef gboolean (*Edit) (BdEditor *editor, const Targets *t, GError **error);

#define E(name) static gboolean name (BdEditor *e, const Targets *t, GError **error)
E (edit_cell) { return bd_editor_set_cell_text (e, 3, BD_CELL_ROW, t->leaf, 1, "130,000.00", error); }
E (edit_cell_5) { return bd_editor_set_cell_text (e, 5, BD_CELL_ROW, t->leaf, 1, "130,000.00", error); }
E (edit_cell_5_again) { return bd_editor_set_cell_text (e, 5, BD_CELL_ROW, t->leaf, 1, "140,000.00", error); }
E (edit_cell_5_project) { return bd_editor_set_cell (e, 5, BD_CELL_ROW, t->leaf, 2, Y (3000, 0), error); }
E (edit_income) { return bd_editor_set_cell_text (e, 1, BD_CELL_INCOME, "business", 0, "100.00", error); }
E (edit_schedule_9) { return bd_editor_set_cell_text (e, 9, BD_CELL_ROW, "", 2, "0.50", error); }
E (edit_paste) { return bd_editor_paste (e, 3, t->leaf, 1, "100.00\t1.50\n200\t2\n", error); }
E (edit_add_row) { return bd_editor_add_row (e, 2, "2080598", "不在目录的科目", error); }
E (edit_remove_row) { return bd_editor_remove_row (e, 2, "2080598", error); }
E (edit_add_row_6) { return bd_editor_add_row (e, 6, "2120803", NULL, error); }
E (edit_cell_6) { return bd_editor_set_cell_text (e, 6, BD_CELL_ROW, "2120803", 2, "10.00", error); }
/* A 款 of economic classification schedule 8 lacks (the seed has 30299, not 30216 培训费). */
static const char *
absent_8 (BdEditor *e)
{
  static const char * const codes[] = {
    "30216", "30227", "30239", "30213", "30202", "30203", "30204", "30205", "30206", "30208", "30212", "30214",
    "30218", "30224", "30225", "30240", "30305", "30307", "30309", "31002", "31003", "31007",
  };
  BdSchedule *s8 = bd_document_get_schedule (bd_editor_get_document (e), 8);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (bd_schedule_find_row (s8, codes[i]) == NULL)
      return codes[i];
  g_assert_not_reached ();
}
E (edit_add_row_8) { return bd_editor_add_row (e, 8, absent_8 (e), NULL, error); }
E (edit_cell_8)
{
  BdSchedule *s8 = bd_document_get_schedule (bd_editor_get_document (e), 8);
  BdRow *last = g_ptr_array_index (s8->rows, s8->rows->len - 1);

  return bd_editor_set_cell_text (e, 8, BD_CELL_ROW, last->code, 1, "7.00", error);
}
E (edit_fix)
{
  GPtrArray *findings = bd_editor_get_findings (e);

  for (guint i = 0; i < findings->len; i++)
    if (((BdFinding *) g_ptr_array_index (findings, i))->fix.kind != BD_FIX_NONE)
      return bd_editor_apply_fix (e, g_ptr_array_index (findings, i), error);
  return TRUE;
}
E (edit_fix_all) { return bd_editor_fix_all (e, NULL, NULL, error); }
/* Schedule 3's 项 typed alone, then schedules 2 and 5 filled from it, where it can. */
E (edit_fill)
{
  if (!bd_editor_set_cell_text (e, 3, BD_CELL_ROW, t->leaf, 1, "150,000.00", error))
    return FALSE;
  return !bd_editor_can_fill_from_expenditure (e, t->leaf) || bd_editor_fill_from_expenditure (e, t->leaf, error);
}
E (edit_functions) { return bd_editor_set_section_text (e, "functions", "一、职能XX。\n\n二、预算预算。。", error); }
E (edit_narrative)
{
  return bd_editor_set_section_text (e, "narrative",
                                     "2024年，收入预算1,772.21万元，其中：财政拨款收入1,772.21万元，比2024年预算减少1,365.78万元。\n\n"
                                     "支出预算1,772.21万元，其中：财政拨款支出预算1,772.21万元，比2023年预算减少1,365.00万元；"
                                     "政府性基金拨款支出预算0万元，比2023年预算持平。", error);
}
/* The clerk's own words for the item lines: they no longer follow the numbers, so
 * an edit of schedule 5 leaves them as they are and the checker must compare them. */
E (edit_items_by_hand)
{
  return bd_editor_set_section_text (e, "narrative",
                                     "财政拨款支出主要内容如下：\n\n"
                                     "1. “事业单位离退休”科目12.15万元，用于退休职工补贴。\n\n"
                                     "2. “住房公积金”科目44.80万元，用于公积金。", error);
}
E (edit_other_text)
{
  return bd_editor_set_section_text (e, "other",
                                     "一、机构设置\n\n本部门下属预算单位包括：行政单位1家，事业单位2家。\n\n"
                                     "二、“三公”经费\n\n2024年“三公”经费预算数为8.00万元。", error);
}
E (edit_figure) { return bd_editor_set_figure_text (e, "other.sangong.total", "8.00", error); }
E (edit_last_year) { return bd_editor_take_last_year (e, t->last_year, error); }
E (edit_add_project) { return bd_editor_add_project (e, "新项目", error); }
E (edit_duplicate_project) { return bd_editor_duplicate_project (e, 0, error); }
E (edit_move_project) { return bd_editor_move_project (e, 1, -1, error); }
E (edit_project_text) { return bd_editor_set_project_text (e, 0, "end_date", "2023-06-30", error); }
E (edit_project_nature) { return bd_editor_set_project_field (e, 0, "nature", "一次性项目", error); }
E (edit_project_amount) { return bd_editor_set_project_amount (e, 0, "fiscal_funds", "1.00", error); }
E (edit_project_carryover) { return bd_editor_set_project_field (e, 0, "carryover", "50.00", error); }
E (edit_add_indicator) { return bd_editor_add_indicator (e, 0, "产出指标", "质量指标", error); }
E (edit_indicator)
{
  BdProject *p = g_ptr_array_index (bd_editor_get_document (e)->projects, 0);
  return bd_editor_set_indicator (e, 0, p->indicators->len - 1, "产出指标", "质量指标", "结案率", "≥120.00(%)", error);
}
E (edit_remove_indicator)
{
  BdProject *p = g_ptr_array_index (bd_editor_get_document (e)->projects, 0);
  return bd_editor_remove_indicator (e, 0, p->indicators->len - 1, error);
}
E (edit_move_indicator)
{
  BdProject *p = g_ptr_array_index (bd_editor_get_document (e)->projects, 0);
  return bd_editor_move_indicator (e, 0, p->indicators->len - 1, -1, error);
}
E (edit_remove_project) { return bd_editor_remove_project (e, 1, error); }
E (edit_framework) { return bd_editor_set_framework (e, BD_FRAMEWORK_THREE_CATEGORIES, error); }
E (edit_rule_off) { return bd_editor_set_rule_setting (e, "goal-count", "off", error); }
E (edit_rule_severity) { return bd_editor_set_rule_setting (e, "schedule-4-expenditure", "info", error); }
E (edit_rules_reset) { return bd_editor_reset_rule_profile (e, error); }
E (edit_undo) { return bd_editor_undo (e, error); }
E (edit_redo) { return bd_editor_redo (e, error); }
#undef E

static const struct { const char *name; Edit edit; } edits[] = {
  { "cell", edit_cell }, { "cell of schedule 5", edit_cell_5 }, { "income item", edit_income },
  { "schedule 9", edit_schedule_9 }, { "paste", edit_paste }, { "undo", edit_undo }, { "redo", edit_redo },
  { "add row", edit_add_row }, { "remove row", edit_remove_row }, { "undo", edit_undo },
  { "add row to 6", edit_add_row_6 }, { "cell of 6", edit_cell_6 },
  { "add row to 8", edit_add_row_8 }, { "cell of 8", edit_cell_8 }, { "undo", edit_undo },
  { "fix", edit_fix }, { "fix", edit_fix }, { "fix all", edit_fix_all }, { "undo", edit_undo },
  { "fill 2 and 5 from 3", edit_fill }, { "undo", edit_undo },
  { "functions", edit_functions }, { "narrative", edit_narrative }, { "undo", edit_undo },
  { "figure", edit_figure }, { "other", edit_other_text }, { "undo", edit_undo },
  { "last year", edit_last_year }, { "cell of 5, project", edit_cell_5_project },
  { "items by hand", edit_items_by_hand }, { "cell of 5 again", edit_cell_5_again },
  { "add project", edit_add_project }, { "duplicate project", edit_duplicate_project },
  { "move project", edit_move_project }, { "project text", edit_project_text },
  { "project nature", edit_project_nature }, { "project amount", edit_project_amount },
  { "project carry-over", edit_project_carryover }, { "add indicator", edit_add_indicator },
  { "indicator", edit_indicator }, { "add indicator", edit_add_indicator }, { "move indicator", edit_move_indicator },
  { "remove indicator", edit_remove_indicator }, { "remove project", edit_remove_project },
  { "framework", edit_framework }, { "undo", edit_undo }, { "undo", edit_undo }, { "redo", edit_redo },
  { "rule off", edit_rule_off }, { "rule severity", edit_rule_severity }, { "undo", edit_undo },
  { "rules reset", edit_rules_reset }, { "undo", edit_undo }, { "redo", edit_redo },
};

/* Runs every edit on @doc; the first edit after which the editor's findings
 * differ from a full check, or -1. With @report, that is an error. */
static int
run_edits (BdDocument    *doc,
           const Targets *targets,
           gboolean       report)
{
  g_autoptr(BdEditor) editor = bd_editor_new (doc, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) full = NULL;
      g_autofree char *incremental_text = NULL;
      g_autofree char *full_text = NULL;

      if (!edits[i].edit (editor, targets, &error))
        g_error ("edit %u (%s) refused: %s", i, edits[i].name, error ? error->message : "no reason");
      full = bd_check_document (doc);
      incremental_text = findings_text (bd_editor_get_findings (editor));
      full_text = findings_text (full);
      if (g_strcmp0 (incremental_text, full_text) != 0)
        {
          if (report)
            g_error ("after edit %u (%s), incremental:\n%s\nfull:\n%s", i, edits[i].name, incremental_text, full_text);
          return (int) i;
        }
    }
  return -1;
}

/* A leaf 项 of schedule 3 that schedule 5 has too (else schedule 3's first). */
static char *
find_leaf (BdDocument *doc)
{
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  BdSchedule *s5 = bd_document_get_schedule (doc, 5);
  const char *first = NULL;

  for (guint i = 0; i < s3->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s3->rows, i);
      BdRow *in_5;

      if (!row->is_leaf || strlen (row->code) != 7)
        continue;
      if (first == NULL)
        first = row->code;
      in_5 = bd_schedule_find_row (s5, row->code);
      if (in_5 != NULL && in_5->is_leaf)
        return g_strdup (row->code);
    }
  g_assert_nonnull (first);
  return g_strdup (first);
}

/* Last year's document: @doc a year earlier, saved as a .budget. */
static char *
save_last_year (BdDocument *doc,
                const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-last.budget", name);
  char *path = g_build_filename (tmp_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  doc->year -= 1;
  g_assert_true (bd_store_save_as (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
targets_clear (Targets *t)
{
  g_free (t->leaf);
  if (t->last_year != NULL)
    g_unlink (t->last_year);
  g_free (t->last_year);
}

static void
test_seed (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autoptr(BdDocument) last = bd_test_load_seed ();
  Targets t = { .leaf = find_leaf (doc), .last_year = save_last_year (last, "seed") };

  /* The seed's first 项 of schedule 3 that schedule 5 has: 2080502 事业单位离退休. */
  g_assert_cmpstr (t.leaf, ==, "2080502");
  g_assert_cmpint (run_edits (doc, &t, TRUE), ==, -1);
  targets_clear (&t);
}

static void
test_real (gconstpointer data)
{
  const char *file = data;
  g_autoptr(BdDocument) doc = bd_test_load_real (file);
  g_autoptr(BdDocument) last = bd_test_load_real (file);
  Targets t = { .leaf = find_leaf (doc), .last_year = save_last_year (last, file) };

  g_assert_cmpint (run_edits (doc, &t, TRUE), ==, -1);
  targets_clear (&t);
}

/* What a rule reads, against what it declares: each part of the document
 * (a schedule's figures, the rows, the text, the forms, the header) is
 * changed alone, in several ways, on the seed and on each real document; a
 * rule whose findings change must declare that part in its reads mask, or
 * an edit of it alone would leave its findings stale. (Take a bit out of a
 * rule's mask in bd-rules.c and this test names it.) */

static const struct { guint bit; const char *name; } read_bits[] = {
  { BD_READS_SCHEDULE (1), "schedule 1" }, { BD_READS_SCHEDULE (2), "schedule 2" },
  { BD_READS_SCHEDULE (3), "schedule 3" }, { BD_READS_SCHEDULE (4), "schedule 4" },
  { BD_READS_SCHEDULE (5), "schedule 5" }, { BD_READS_SCHEDULE (6), "schedule 6" },
  { BD_READS_SCHEDULE (7), "schedule 7" }, { BD_READS_SCHEDULE (8), "schedule 8" },
  { BD_READS_SCHEDULE (9), "schedule 9" }, { BD_READS_ROWS, "rows" }, { BD_READS_TEXT, "text" },
  { BD_READS_FORMS, "forms" }, { BD_READS_HEADER, "header" },
};

/* Schedule @number's figures, and nothing else: variant 0 adds 100元 to every
 * entered cell, 1 empties it, 2 adds 1元 to its first entered cell, 3
 * forgets the published figures, 4 adds 100元 to its income items, 5 makes
 * its first entered cell -1元. */
static gboolean
mutate_figures (BdDocument *doc,
                guint       number,
                guint       variant)
{
  BdSchedule *s = bd_document_get_schedule (doc, number);
  gboolean first = TRUE;

  if (variant > 5)
    return FALSE;
  for (guint i = 0; variant == 4 && s->income != NULL && i < s->income->len; i++)
    ((BdRow *) g_ptr_array_index (s->income, i))->values[0] += Y (100, 0);
  for (guint i = 0; variant != 4 && i < s->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s->rows, i);

      if (variant == 3)
        row->published_mask = 0;
      for (guint c = 0; variant != 3 && row->is_leaf && c < s->def->n_columns; c++)
        if (bd_schedule_def_is_entered (s->def, c) && ((variant != 2 && variant != 5) || first))
          {
            row->values[c] = variant == 1 ? 0 : variant == 5 ? -Y (1, 0)
                             : row->values[c] + (variant == 0 ? Y (100, 0) : Y (1, 0));
            first = FALSE;
          }
    }
  bd_document_recompute (doc);
  return TRUE;
}

/* Which rows there are, their codes and names, their figures kept: variant 0
 * renames every leaf, 1 gives schedule 2's first 项 a code of its 款 no
 * catalog has, 2 gives it the code of schedule 3's last 项, 3 one of a 款
 * nobody has. */
static gboolean
mutate_rows (BdDocument *doc,
             guint       variant)
{
  BdSchedule *s2 = bd_document_get_schedule (doc, 2), *s3 = bd_document_get_schedule (doc, 3);
  BdRow *leaf = NULL, *last = NULL;

  if (variant > 3)
    return FALSE;
  for (guint n = 1; variant == 0 && n <= BD_N_SCHEDULES; n++)
    for (guint i = 0; i < bd_document_get_schedule (doc, n)->rows->len; i++)
      {
        BdRow *row = g_ptr_array_index (bd_document_get_schedule (doc, n)->rows, i);
        if (row->is_leaf)
          {
            g_free (row->name);
            row->name = g_strdup ("改名的科目");
          }
      }
  for (guint i = 0; i < s2->rows->len && leaf == NULL; i++)
    if (((BdRow *) g_ptr_array_index (s2->rows, i))->is_leaf && strlen (((BdRow *) g_ptr_array_index (s2->rows, i))->code) == 7)
      leaf = g_ptr_array_index (s2->rows, i);
  for (guint i = 0; i < s3->rows->len; i++)
    if (((BdRow *) g_ptr_array_index (s3->rows, i))->is_leaf)
      last = g_ptr_array_index (s3->rows, i);
  if (variant > 0 && leaf != NULL)
    {
      char *code = variant == 1 ? g_strdup_printf ("%.5s97", leaf->code)
                   : variant == 3 ? g_strdup_printf ("%.3s9797", leaf->code) : g_strdup (last ? last->code : leaf->code);
      g_free (leaf->code);
      leaf->code = code;
    }
  return TRUE;
}

static void
replace_all (GString    *text,
             const char *from,
             const char *to)
{
  g_string_replace (text, from, to, 0);
}

/* The text and what it quotes: 0 empties every section, 1 writes every 1 as
 * 2, 2 prints every paragraph twice, 3 swaps 增加 and 减少, 4 adds a
 * placeholder and doubled words, 5 forgets last year's figures, 6 doubles
 * them, 7 writes 201x for 202x, 8 names another department, 9 empties the
 * glossary alone. */
static gboolean
mutate_text (BdDocument *doc,
             guint       variant)
{
  GHashTableIter iter;
  gpointer key, value;

  if (variant > 9)
    return FALSE;
  g_hash_table_iter_init (&iter, doc->last_year);
  while ((variant == 5 || variant == 6) && g_hash_table_iter_next (&iter, &key, &value))
    if (variant == 5)
      g_hash_table_iter_remove (&iter);
    else
      *(gint64 *) value *= 2;
  for (guint i = 0; variant != 5 && variant != 6 && i < doc->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (doc->sections, i);
      guint n = section->paragraphs->len;

      if (variant == 0 || (variant == 9 && strcmp (section->id, "glossary") == 0))
        g_ptr_array_set_size (section->paragraphs, 0);
      for (guint p = 0; variant == 2 && p < n; p++)
        g_ptr_array_add (section->paragraphs, g_strdup (g_ptr_array_index (section->paragraphs, p)));
      for (guint p = 0; variant != 0 && variant != 2 && variant != 9 && p < n; p++)
        {
          GString *text = g_string_new (g_ptr_array_index (section->paragraphs, p));

          if (variant == 1)
            replace_all (text, "1", "2");
          else if (variant == 3)
            {
              replace_all (text, "增加", "\x01");
              replace_all (text, "减少", "增加");
              replace_all (text, "\x01", "减少");
            }
          else if (variant == 7)
            replace_all (text, "202", "201");
          else if (variant == 8)
            replace_all (text, doc->department, "上海市某区另一部门");
          else if (p == 0)
            g_string_append (text, "XX。。预算预算");
          g_free (g_ptr_array_index (section->paragraphs, p));
          g_ptr_array_index (section->paragraphs, p) = g_string_free (text, FALSE);
        }
      bd_document_read_section_figures (doc, section);
    }
  return TRUE;
}

/* The forms: 0 none, 1 100元 more in every amount, 2 a one-off carrying
 * 1,000元 over, 3 every target a rate of 120 %, 4 dates out of the year and
 * order, 5 no indicators, 6 every target in words with no unit, 7 renamed,
 * 8 every target a cost ceiling of 1亿元. */
static gboolean
mutate_forms (BdDocument *doc,
              guint       variant)
{
  if (variant > 8)
    return FALSE;
  if (variant == 0)
    g_ptr_array_set_size (doc->projects, 0);
  for (guint i = 0; i < doc->projects->len; i++)
    {
      BdProject *p = g_ptr_array_index (doc->projects, i);
      gint64 *amounts[] = { &p->total_funds, &p->fiscal_funds, &p->other_funds, &p->annual_total,
                            &p->annual_fiscal, &p->carryover, &p->annual_other };

      for (guint a = 0; variant == 1 && a < G_N_ELEMENTS (amounts); a++)
        *amounts[a] += Y (100, 0);
      if (variant == 2)
        {
          g_free (p->nature);
          p->nature = g_strdup ("一次性项目");
          p->carryover = Y (1000, 0);
        }
      if (variant == 4)
        {
          g_free (p->start_date);
          g_free (p->end_date);
          p->start_date = g_strdup ("2001-06-01");
          p->end_date = g_strdup ("2000-01-01");
        }
      if (variant == 5)
        g_ptr_array_set_size (p->indicators, 0);
      if (variant == 7)
        {
          g_free (p->name);
          p->name = g_strdup_printf ("改名的项目%u", i);
        }
      for (guint j = 0; (variant == 3 || variant == 6 || variant == 8) && j < p->indicators->len; j++)
        {
          BdIndicator *indicator = g_ptr_array_index (p->indicators, j);

          g_free (indicator->target);
          indicator->target = g_strdup (variant == 3 ? "≥120.00(%)" : variant == 6 ? "不少于32" : "≤100000000.00(元)");
          if (variant == 3)
            {
              g_free (indicator->name);
              indicator->name = g_strdup ("完成率");
            }
        }
    }
  return TRUE;
}

/* The header: 0 the year, 1 the department, 2 the framework, 3 no notes, 4
 * every schedule's note an empty-table note of schedule 7's fund, 5 titles of
 * last year, 6 a note of the import, 7 a unit budget or not, 8 the title. */
static gboolean
mutate_header (BdDocument *doc,
               guint       variant)
{
  if (variant > 8)
    return FALSE;
  switch (variant)
    {
    case 0: doc->year += 1; break;
    case 1: g_free (doc->department); doc->department = g_strdup ("上海市某区另一部门"); break;
    case 2:
      doc->framework = doc->framework == BD_FRAMEWORK_THREE_CATEGORIES ? BD_FRAMEWORK_FOUR_CATEGORIES : BD_FRAMEWORK_THREE_CATEGORIES;
      break;
    case 6: bd_document_add_import_note (doc, BD_PART_SCHEDULE_8, "30228", 12, g_strdup ("printed twice")); break;
    case 7:
      {
        /* The kind alone: the setter also retitles a generated 编制说明,
         * a change of the text that the text's own variants try. */
        BdSection *narrative = bd_document_get_section (doc, "narrative");
        char *title = narrative ? g_strdup (narrative->title) : NULL;

        bd_document_set_unit_budget (doc, !doc->unit_budget);
        if (narrative != NULL)
          {
            g_free (narrative->title);
            narrative->title = title;
          }
        break;
      }
    case 8: g_free (doc->title); doc->title = g_strdup ("某区2019年区级部门预算"); break;
    default:
      for (guint n = 1; n <= BD_N_SCHEDULES; n++)
        {
          BdSchedule *s = bd_document_get_schedule (doc, n);

          if (variant == 5)
            s->title_year = doc->year - 1;
          else
            {
              g_free (s->note);
              s->note = variant == 3 ? NULL : g_strdup ("注：本部门2020年无国有资本经营预算财政拨款安排的预算，故本表为空表。");
            }
        }
    }
  return TRUE;
}

static gboolean
mutate (BdDocument *doc,
        guint       bit,
        guint       variant)
{
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    if (bit == BD_READS_SCHEDULE (n))
      return mutate_figures (doc, n, variant);
  switch (bit)
    {
    case BD_READS_ROWS: return mutate_rows (doc, variant);
    case BD_READS_TEXT: return mutate_text (doc, variant);
    case BD_READS_FORMS: return mutate_forms (doc, variant);
    default: return mutate_header (doc, variant);
    }
}

/* Each rule's findings on @doc, as text. */
static GStrv
rule_findings (BdDocument *doc)
{
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);
  GStrv texts = g_new0 (char *, n_rules + 1);

  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(GPtrArray) findings = bd_check_rule (doc, &rules[r]);
      texts[r] = findings_text (findings);
    }
  return texts;
}

/* Tries every change of every part on the document saved at @path; a rule
 * changed by a part it does not declare goes into @missing, one it declares
 * into @proven (rule × bit). */
static void
try_parts (const char *path,
           const char *name,
           GString    *missing,
           guint      *proven)
{
  g_autoptr(BdDocument) doc = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
  g_auto(GStrv) before = rule_findings (doc);
  guint n_rules;
  const BdRule *rules = bd_rules (&n_rules);

  for (guint b = 0; b < G_N_ELEMENTS (read_bits); b++)
    for (guint variant = 0;; variant++)
      {
        g_autoptr(BdDocument) changed = bd_test_open (path, BD_STORE_OPEN_READ_ONLY, NULL);
        g_auto(GStrv) after = NULL;

        if (!mutate (changed, read_bits[b].bit, variant))
          break;
        after = rule_findings (changed);
        for (guint r = 0; r < n_rules; r++)
          {
            if (strcmp (before[r], after[r]) == 0)
              continue;
            proven[r] |= read_bits[b].bit;
            if (!(rules[r].reads & read_bits[b].bit))
              g_string_append_printf (missing, "%s reads %s (%s, change %u) but does not say so\n",
                                      rules[r].id, read_bits[b].name, name, variant);
          }
      }
}

/* 2120803 城市建设支出 in schedule 6 and 2120802 土地开发支出 in schedule 7,
 * 10.00元 of 项目支出 each (in no schedule 3: schedules-5-6-7 says so). */
static void
fill_schedules_6_7 (BdDocument *doc)
{
  const char *codes[] = { "2120803", "2120802" };

  for (guint n = 6; n <= 7; n++)
    {
      BdSchedule *s = bd_document_get_schedule (doc, n);
      BdRow *row = bd_schedule_insert_leaf (s, codes[n - 6], NULL);

      for (guint c = 0; c < s->def->n_columns; c++)
        if (bd_schedule_def_is_entered (s->def, c))
          row->values[c] = Y (10, 0);
      g_clear_pointer (&s->note, g_free);
    }
  bd_document_recompute (doc);
}

static void
test_reads_declared (void)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) unproven = g_string_new (NULL);
  guint n_rules, declared = 0, shown = 0;
  const BdRule *rules = bd_rules (&n_rules);
  g_autofree guint *proven = g_new0 (guint, n_rules);

  /* The seed, each real one, the seed with last year's document taken (its
   * 2080502 at half), and the seed with figures in schedules 6 and 7 (empty
   * in all the others). */
  for (guint f = 0; f <= G_N_ELEMENTS (real_files) + 2; f++)
    {
      g_autoptr(BdDocument) doc = f == 0 || f > G_N_ELEMENTS (real_files) ? bd_test_load_seed ()
                                                                        : bd_test_load_real (real_files[f - 1]);
      g_autofree char *file = g_strdup_printf ("parts-%u.budget", f);
      g_autofree char *path = g_build_filename (tmp_dir, file, NULL);
      g_autoptr(GError) error = NULL;

      if (f == G_N_ELEMENTS (real_files) + 2)
        fill_schedules_6_7 (doc);
      else if (f > G_N_ELEMENTS (real_files))
        {
          g_autoptr(BdDocument) last = bd_test_load_seed ();
          BdRow *row = bd_schedule_find_row (bd_document_get_schedule (last, 3), "2080502");

          last->year -= 1;
          row->values[1] /= 2;
          bd_document_recompute (last);
          g_assert_true (bd_narrative_take_last_year (doc, last, &error));
        }
      g_assert_true (bd_store_save_as (doc, path, &error));
      g_assert_no_error (error);
      try_parts (path, f == 0 ? "the seed" : f > G_N_ELEMENTS (real_files) ? "the seed, changed"
                                                                         : real_files[f - 1], missing, proven);
      g_unlink (path);
    }
  /* What each rule declares and no change here shows it reads: not wrong
   * (a mask may be wider than needed: the rule only runs more often), but
   * not shown either. */
  for (guint r = 0; r < n_rules; r++)
    for (guint b = 0; b < G_N_ELEMENTS (read_bits); b++)
      if (rules[r].reads & read_bits[b].bit)
        {
          declared++;
          if (proven[r] & read_bits[b].bit)
            shown++;
          else
            g_string_append_printf (unproven, " %s:%s", rules[r].id, read_bits[b].name);
        }
  g_test_message ("%u of the %u parts the rules declare are shown read; not shown:%s", shown, declared, unproven->str);
  if (missing->len > 0)
    g_error ("%s", missing->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmp_dir = bd_test_make_dir ("bd-recheck-XXXXXX");

  g_test_add_func ("/recheck/seed", test_seed);
  for (guint i = 0; i < G_N_ELEMENTS (real_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recheck/real/%s", real_files[i]);
      g_test_add_data_func (path, real_files[i], test_real);
    }
  g_test_add_func ("/recheck/reads-declared", test_reads_declared);

  return bd_test_run_and_remove (tmp_dir);
}
