/* bd-workbook-import.c: a document from a workbook of schedules
 *
 * The rows of each kind of schedule (by code, single, balance) and the
 * document they make; what a sheet says, its title, labels and cells, is
 * read by bd-workbook-sheet.c. */

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bd-catalog.h"
#include "bd-import-private.h"
#include "bd-workbook-import.h"
#include "bd-workbook-sheet-private.h"

/* Schedules by code: 2, 3, 5 … 8 */

typedef struct {
  gboolean split;       /* 类 | 款 | 项 in columns of their own */
  guint    lei, kuan, xiang, code, name;
  gboolean has_xiang, has_name;
} CodeColumns;

static gboolean
find_code_columns (Sheet       *s,
                   CodeColumns *cc,
                   guint       *bottom)
{
  guint row;

  memset (cc, 0, sizeof *cc);
  if (bd_workbook_find_label (s, "类", FALSE, &row, &cc->lei) && bd_workbook_find_label (s, "款", FALSE, &row, &cc->kuan))
    {
      cc->split = TRUE;
      *bottom = MAX (*bottom, row);
      cc->has_xiang = bd_workbook_find_label (s, "项", FALSE, &row, &cc->xiang);
    }
  else if (bd_workbook_find_label (s, "编码", TRUE, &row, &cc->code)
           || bd_workbook_find_label (s, "代码", TRUE, &row, &cc->code))
    *bottom = MAX (*bottom, row);
  else
    return FALSE;
  cc->has_name = bd_workbook_find_label (s, "名称", TRUE, &row, &cc->name);
  return TRUE;
}

/* g_set_str is GLib 2.76. */
static void
set_str (char       **target,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*target);
  *target = copy;
}

/* The code of a row, "" when the row has none (合计, …, a blank line):
 * split codes carry the 类 (and 款) of the rows above when left blank. */
static char *
row_code (Sheet       *s,
          CodeColumns *cc,
          guint        row,
          char         carried[8])
{
  if (cc->split)
    {
      g_autofree char *lei = bd_workbook_normalise (bd_workbook_text_at (s, row, cc->lei));
      g_autofree char *kuan = bd_workbook_normalise (bd_workbook_text_at (s, row, cc->kuan));
      g_autofree char *xiang = cc->has_xiang ? bd_workbook_normalise (bd_workbook_text_at (s, row, cc->xiang)) : g_strdup ("");

      if (bd_import_is_digits (lei, 3))
        {
          memcpy (carried, lei, 3);
          carried[3] = '\0';
        }
      else if (lei[0] != '\0' || carried[0] == '\0' || kuan[0] == '\0')
        return g_strdup (lei[0] == '\0' && kuan[0] == '\0' ? "" : (bd_import_is_digits (lei, 3) ? lei : ""));
      if (kuan[0] == '\0')
        return g_strdup (carried);
      if (!bd_import_is_digits (kuan, 2))
        return g_strdup ("");
      if (xiang[0] == '\0')
        return g_strconcat (carried, kuan, NULL);
      return bd_import_is_digits (xiang, 2) ? g_strconcat (carried, kuan, xiang, NULL) : g_strdup ("");
    }
  else
    {
      g_autofree char *code = bd_workbook_normalise (bd_workbook_text_at (s, row, cc->code));
      gsize n = strspn (code, "0123456789");

      code[n] = '\0';
      return g_strdup (n == 3 || n == 5 || n == 7 ? code : "");
    }
}

static gboolean
fill_classified (Sheet       *s,
                 BdDocument  *doc,
                 BdSchedule  *schedule,
                 GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  guint columns[BD_MAX_COLUMNS], bottom = s->title_row, row;
  gboolean present[BD_MAX_COLUMNS] = { FALSE };
  guint classification = def->row_kind == BD_ROWS_ECONOMIC ? BD_CLASSIFICATION_ECONOMIC : BD_CLASSIFICATION_FUNCTION;
  BdLevel leaf_level = bd_schedule_leaf_level (schedule);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CodeColumns cc;
  char carried[8] = "";

  if (!find_code_columns (s, &cc, &bottom))
    return bd_workbook_sheet_error (error, s, s->title_row, 0, _("the header names no code column (类/款/项 or 科目编码)"));
  for (guint c = 0; c < def->n_columns; c++)
    {
      present[c] = bd_workbook_find_label (s, def->columns[c].name, FALSE, &row, &columns[c]);
      if (present[c])
        bottom = MAX (bottom, row);
      else if (bd_schedule_def_is_entered (def, c))
        {
          g_autofree char *what = g_strdup_printf (_("the header has no column “%s”, which schedule %u needs"),
                                                   def->columns[c].name, def->number);
          return bd_workbook_sheet_error (error, s, s->title_row, 0, what);
        }
    }

  for (guint r = bottom + 1; r < s->sheet->n_rows; r++)
    {
      g_autofree char *code = row_code (s, &cc, r, carried);
      g_autofree char *name = NULL;
      BdRow *leaf;

      if (code[0] == '\0')
        continue;
      name = g_strstrip (g_strdup (cc.has_name ? bd_workbook_text_at (s, r, cc.name) : ""));
      if (bd_code_level (code) != leaf_level)
        {
          g_hash_table_replace (names, g_strdup (code), g_steal_pointer (&name));
          continue;
        }
      if (bd_schedule_find_row (schedule, code) != NULL)
        {
          g_autofree char *what = g_strdup_printf (_("code %s is listed twice"), code);
          return bd_workbook_sheet_error (error, s, r, cc.split ? cc.lei : cc.code, what);
        }
      if (name[0] == '\0')
        set_str (&name, bd_document_lookup_code (doc, classification, code));
      if (name == NULL || name[0] == '\0')
        {
          g_autofree char *what = g_strdup_printf (_("code %s has no name, and the catalog does not know it"), code);
          return bd_workbook_sheet_error (error, s, r, cc.split ? cc.lei : cc.code, what);
        }
      if (bd_document_lookup_code (doc, classification, code) == NULL)
        bd_document_add_extra_code (doc, classification, code, name);
      leaf = bd_schedule_insert_leaf (schedule, code, name);
      bd_workbook_mark_source (leaf, s, r, cc.split ? cc.lei : cc.code);
      for (guint c = 0; c < def->n_columns; c++)
        if (present[c] && bd_schedule_def_is_entered (def, c)
            && !bd_workbook_read_amount (s, r, columns[c], &leaf->values[c], error))
          return FALSE;
    }
  /* The 类 and 款 above the leaves, named as the sheet names them. */
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *parent = g_ptr_array_index (schedule->rows, i);
      const char *name = g_hash_table_lookup (names, parent->code);

      if (parent->is_leaf || (parent->name != NULL && parent->name[0] != '\0'))
        continue;
      if (name == NULL || name[0] == '\0')
        name = bd_document_lookup_code (doc, classification, parent->code);
      set_str (&parent->name, name ? name : "");
      if (bd_document_lookup_code (doc, classification, parent->code) == NULL && name != NULL)
        bd_document_add_extra_code (doc, classification, parent->code, name);
    }
  return TRUE;
}

/* Schedule 9: one row of figures under its header. */
static gboolean
fill_single (Sheet       *s,
             BdSchedule  *schedule,
             GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  BdRow *target = g_ptr_array_index (schedule->rows, 0);
  guint columns[BD_MAX_COLUMNS], bottom = s->title_row, row;

  for (guint c = 0; c < def->n_columns; c++)
    {
      if (!bd_schedule_def_is_entered (def, c))
        continue;
      if (!bd_workbook_find_label (s, def->columns[c].name, FALSE, &row, &columns[c])
          && !bd_workbook_find_label (s, def->columns[c].name, TRUE, &row, &columns[c]))
        {
          g_autofree char *what = g_strdup_printf (_("the header has no column “%s”, which schedule %u needs"),
                                                   def->columns[c].name, def->number);
          return bd_workbook_sheet_error (error, s, s->title_row, 0, what);
        }
      bottom = MAX (bottom, row);
    }
  for (guint r = bottom + 1; r < s->sheet->n_rows; r++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c < def->n_columns; c++)
        any |= bd_schedule_def_is_entered (def, c) && bd_workbook_cell_at (s, r, columns[c]) != NULL;
      if (!any)
        continue;
      for (guint c = 0; c < def->n_columns; c++)
        if (bd_schedule_def_is_entered (def, c)
            && !bd_workbook_read_amount (s, r, columns[c], &target->values[c], error))
          return FALSE;
      return TRUE;
    }
  return TRUE;
}

/* "1. 一般公共预算资金", "1. 一般公共预算", "一、一般公共预算" name one item. */
static char *
item_core (const char *label)
{
  g_autofree char *t = bd_workbook_normalise (label);
  const char *p = t;
  char *core;

  if (g_str_has_prefix (p, "其中："))
    p += strlen ("其中：");
  while (*p && (g_ascii_isdigit (*p) || *p == '.' || *p == ')' || *p == '('))
    p++;
  if (strstr (p, "、") != NULL && strstr (p, "、") - p <= 9)
    p = strstr (p, "、") + strlen ("、");
  core = g_strdup (p);
  if (g_str_has_suffix (core, "资金"))
    core[strlen (core) - strlen ("资金")] = '\0';
  if (g_str_has_suffix (core, "预算"))
    core[strlen (core) - strlen ("预算")] = '\0';
  return core;
}

/* 上年结转 (上年结转结余, 上年结转资金) beside the income items, 结转下年
 * beside the 类: the money a balance schedule carries across years. */
static gboolean
is_carry_label (const char *core,
                gboolean    income)
{
  return income ? g_str_has_prefix (core, "上年结转") || g_str_has_prefix (core, "上年结余")
                : g_str_has_prefix (core, "结转下年") || g_str_has_prefix (core, "年末结转");
}

/* The expenditure side's header of schedules 1 and 4: its 项目 cell (row
 * and column) and a column for each figure; FALSE when the sheet has none. */
static gboolean
find_expenditure_header (Sheet               *s,
                         const BdScheduleDef *def,
                         guint                income_label,
                         guint               *row,
                         guint               *label,
                         guint               *columns)
{
  if (!bd_workbook_find_label_from (s, "项目", FALSE, income_label + 1, row, label))
    return FALSE;
  for (guint c = 0; c < def->n_columns; c++)
    if (!bd_workbook_find_label_from (s, def->columns[c].name, FALSE, *label + 1, row, &columns[c]))
      {
        /* A header written with the group's name over each of its columns
         * (基本支出 | 基本支出 for 人员经费 | 公用经费): the nth for the nth. */
        guint from = *label + 1, nth = 0;

        for (guint k = 0; k < c; k++)
          nth += g_strcmp0 (def->columns[k].group, def->columns[c].group) == 0;
        if (def->columns[c].group == NULL)
          return FALSE;
        for (guint k = 0; k <= nth; k++, from = columns[c] + 1)
          if (!bd_workbook_find_label_from (s, def->columns[c].group, FALSE, from, row, &columns[c]))
            return FALSE;
      }
  return TRUE;
}

/* The 类 list of schedules 1 and 4 as the sheet prints it, when it does:
 * otherwise it stays as schedules 3 and 5-7 give it. */
static gboolean
fill_balance_expenditure (Sheet       *s,
                          BdSchedule  *schedule,
                          guint        income_label,
                          GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  guint row, label, columns[BD_MAX_COLUMNS];
  g_autofree gboolean *seen = NULL;
  gboolean any = FALSE;

  if (!find_expenditure_header (s, def, income_label, &row, &label, columns))
    return TRUE;
  seen = g_new0 (gboolean, schedule->rows->len);
  for (guint r = row + 1; r < s->sheet->n_rows; r++)
    {
      g_autofree char *core = item_core (bd_workbook_text_at (s, r, label));

      if (is_carry_label (core, FALSE))
        {
          g_autofree char *name = g_strstrip (g_strdup (bd_workbook_text_at (s, r, label)));
          BdRow *carry;

          bd_schedule_add_carryover (schedule, NULL, name);
          carry = schedule->carry_forward;
          /* 合计 too: 结转下年 may be given there alone. */
          for (guint c = 0; c < def->n_columns; c++)
            if (!bd_workbook_read_amount (s, r, columns[c], &carry->values[c], error))
              return FALSE;
          continue;
        }
      for (guint i = 0; i < schedule->rows->len && core[0] != '\0'; i++)
        {
          BdRow *target = g_ptr_array_index (schedule->rows, i);
          g_autofree char *wanted = item_core (target->name ? target->name : "");

          if (strcmp (core, wanted) != 0)
            continue;
          for (guint c = 0; c < def->n_columns; c++)
            if (bd_schedule_def_is_entered (def, c)
                && !bd_workbook_read_amount (s, r, columns[c], &target->values[c], error))
              return FALSE;
          /* As printed: a list of the 类 it has is numbered 一、二、… afresh. */
          {
            /* The name without its number: the list is numbered as printed. */
            const char *printed = bd_workbook_text_at (s, r, label), *mark = strstr (printed, "、");
            g_free (target->name);
            target->name = g_strstrip (g_strdup (mark && mark - printed <= 9 ? mark + strlen ("、") : printed));
          }
          bd_workbook_mark_source (target, s, r, label);
          seen[i] = any = TRUE;
          break;
        }
    }
  /* The 类 the sheet leaves out, with nothing in them, are left out too. */
  for (guint i = schedule->rows->len; any && i-- > 0;)
    {
      BdRow *target = g_ptr_array_index (schedule->rows, i);
      gboolean empty = TRUE;

      for (guint c = 0; c < def->n_columns; c++)
        empty &= target->values[c] == 0;
      if (!seen[i] && empty)
        g_ptr_array_remove_index (schedule->rows, i);
    }
  return TRUE;
}

/* Schedules 1 and 4: the income items entered, and the 类 list. */
static gboolean
fill_balance (Sheet       *s,
              BdSchedule  *schedule,
              GError     **error)
{
  const BdScheduleDef *def = schedule->def;
  guint row, label, amount;

  if (!bd_workbook_find_label (s, "项目", FALSE, &row, &label)
      || !bd_workbook_find_label_from (s, "预算数", FALSE, label + 1, &row, &amount))
    return bd_workbook_sheet_error (error, s, s->title_row, 0, _("the header has no 项目 and 预算数 columns"));
  for (guint r = row + 1; r < s->sheet->n_rows; r++)
    {
      g_autofree char *core = item_core (bd_workbook_text_at (s, r, label));

      if (is_carry_label (core, TRUE))
        {
          g_autofree char *name = g_strstrip (g_strdup (bd_workbook_text_at (s, r, label)));
          BdRow *carry = bd_schedule_add_carryover (schedule, name, NULL);
          if (!bd_workbook_read_amount (s, r, amount, &carry->values[0], error))
            return FALSE;
          continue;
        }
      for (guint k = 0; k < def->n_income && core[0] != '\0'; k++)
        {
          g_autofree char *wanted = item_core (def->income[k].name);
          BdRow *item;

          if (def->income[k].sum_of != 0 || strcmp (core, wanted) != 0)
            continue;
          item = bd_schedule_find_part (schedule, BD_ROW_PART_INCOME, def->income[k].source);
          if (item != NULL && !bd_workbook_read_amount (s, r, amount, &item->values[0], error))
            return FALSE;
          if (item != NULL)
            bd_workbook_mark_source (item, s, r, amount);
        }
    }
  return fill_balance_expenditure (s, schedule, label, error);
}

/* The document */

static void
derive_balance_schedules (BdDocument *doc)
{
  const guint targets[] = { 1, 4 };

  bd_document_recompute (doc);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      BdSchedule *schedule = bd_document_get_schedule (doc, targets[t]);

      for (guint i = 0; i < schedule->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (schedule->rows, i);
          for (guint c = 0; c < schedule->def->n_columns; c++)
            bd_document_derived_cell (doc, targets[t], row->code, c, &row->values[c], NULL);
        }
    }
  bd_document_recompute (doc);
}

static gboolean
fill_schedule (Sheet       *s,
               BdDocument  *doc,
               GError     **error)
{
  BdSchedule *schedule = bd_document_get_schedule (doc, s->number);

  /* The note under an empty table (注：本部门…无…，故本表无数据。). */
  for (guint i = 0; i < s->sheet->cells->len; i++)
    {
      const BdWorkbookCell *cell = &g_array_index (s->sheet->cells, BdWorkbookCell, i);
      if (!cell->is_number && (g_str_has_prefix (cell->text, "注：") || g_str_has_prefix (cell->text, "注:")))
        {
          set_str (&schedule->note, cell->text);
          g_strstrip (schedule->note);
        }
    }
  switch (schedule->def->row_kind)
    {
    case BD_ROWS_FUNCTION:
    case BD_ROWS_ECONOMIC:
      return fill_classified (s, doc, schedule, error);
    case BD_ROWS_SINGLE:
      return fill_single (s, schedule, error);
    case BD_ROWS_BALANCE:
    default:
      return fill_balance (s, schedule, error);
    }
}

/* The balance schedules last: their 类 list follows the others' unless
 * the sheet prints it. */
static gboolean
fill_schedules (GArray      *sheets,
                BdDocument  *doc,
                GError     **error)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        derive_balance_schedules (doc);
      for (guint i = 0; i < sheets->len; i++)
        {
          Sheet *s = &g_array_index (sheets, Sheet, i);
          BdSchedule *schedule = bd_document_get_schedule (doc, s->number);

          if ((schedule->def->row_kind == BD_ROWS_BALANCE) != (pass == 1))
            continue;
          if (!fill_schedule (s, doc, error))
            return FALSE;
          schedule->title_year = s->year;
          schedule->source_sheet = g_intern_string (s->sheet->name);
        }
    }
  return TRUE;
}

/* The forms among the workbook's sheets into @doc; the sheets neither forms
 * nor schedules (@is_schedule, by index), the cover and the text, added to
 * @texts in the workbook's order. */
static gboolean
read_forms (BdWorkbook      *book,
            const gboolean  *is_schedule,
            BdDocument      *doc,
            GPtrArray       *texts,
            GError         **error)
{
  for (guint i = 0; i < book->sheets->len; i++)
    {
      BdWorkbookSheet *sheet = g_ptr_array_index (book->sheets, i);

      if (!bd_workbook_is_form (sheet))
        {
          if (!is_schedule[i])
            g_ptr_array_add (texts, sheet);
        }
      else if (!bd_workbook_read_form (sheet, doc, error))
        return FALSE;
    }
  return TRUE;
}

BdDocument *
bd_workbook_import (BdWorkbook  *book,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GArray) sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree gboolean *is_schedule = g_new0 (gboolean, book->sheets->len);
  g_autoptr(BdDocument) doc = NULL;
  const char *department = NULL;
  int year = 0;
  gboolean unit_budget = FALSE, seen[BD_N_SCHEDULES + 1] = { FALSE };

  g_array_set_clear_func (sheets, (GDestroyNotify) bd_workbook_sheet_clear);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet s = { .sheet = g_ptr_array_index (book->sheets, i) };

      bd_workbook_recognise (&s);
      if (s.number == 0)
        {
          bd_workbook_sheet_clear (&s);
          continue;
        }
      if (seen[s.number])
        {
          g_autofree char *what = g_strdup_printf (_("schedule %u is in two sheets"), s.number);
          bd_workbook_sheet_error (error, &s, s.title_row, 0, what);
          bd_workbook_sheet_clear (&s);
          return NULL;
        }
      seen[s.number] = TRUE;
      is_schedule[i] = TRUE;
      /* BudgetDesk's export titles a unit budget's schedule 1 部门…; its
       * 人员经费 (or 基本支出) column says what it is. */
      if (s.number == 1 && (bd_workbook_find_label (&s, "人员经费", FALSE, &(guint) { 0 }, &(guint) { 0 })
                            || bd_workbook_find_label (&s, "基本支出", FALSE, &(guint) { 0 }, &(guint) { 0 })))
        s.unit_budget = TRUE;
      year = year ? year : s.year;
      department = department ? department : s.department;
      unit_budget |= s.unit_budget;
      g_array_append_val (sheets, s);
    }
  if (sheets->len == 0)
    {
      g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
                   _("No sheet of %s is a budget schedule: none is titled like one (such as 2025年部门收入预算总表)"),
                   path);
      return NULL;
    }
  if (year == 0)
    {
      g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
                   _("No schedule of %s names its year in its title (such as 2025年部门收入预算总表)"), path);
      return NULL;
    }

  doc = bd_document_new_empty (department ? department : "", year);
  g_free (doc->title);
  doc->title = g_strdup_printf ("%d年%s", year, unit_budget ? "单位预算" : "部门预算");
  if (unit_budget)
    bd_document_set_unit_budget (doc, TRUE);
  if (!fill_schedules (sheets, doc, error))
    return NULL;
  bd_document_recompute (doc);
  if (!read_forms (book, is_schedule, doc, texts, error))
    return NULL;
  bd_workbook_read_texts (texts, doc);
  /* A schedule whose 编制部门 is not the document's is read all the same,
   * and noted where it stands, as the text importer does (rule as-printed). */
  for (guint i = 0; i < sheets->len; i++)
    {
      const Sheet *s = &g_array_index (sheets, Sheet, i);

      if (s->department != NULL && *doc->department != '\0' && strcmp (s->department, doc->department) != 0)
        bd_document_add_import_note (doc, (BdPart) (BD_PART_SCHEDULE_1 + s->number - 1), NULL, 0,
                                     g_strdup_printf (_("编制部门 printed as “%s”, unlike the document's “%s”"),
                                                      s->department, doc->department));
    }
  return g_steal_pointer (&doc);
}

guint
bd_workbook_sheet_schedule (BdWorkbookSheet *sheet)
{
  Sheet s = { .sheet = sheet };

  g_return_val_if_fail (sheet != NULL, 0);

  bd_workbook_recognise (&s);
  bd_workbook_sheet_clear (&s);
  return s.number;
}

BdDocument *
bd_workbook_import_sheet (BdWorkbookSheet  *sheet,
                          BdDocument       *like,
                          guint            *number,
                          GError          **error)
{
  g_auto(Sheet) s = { .sheet = sheet };
  g_autoptr(BdDocument) doc = NULL;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (BD_IS_DOCUMENT (like), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  doc = bd_document_new_fixed (like->department, like->year);

  bd_workbook_recognise (&s);
  if (s.number == 0)
    {
      bd_workbook_sheet_error (error, &s, 0, 0, _("the sheet is not a budget schedule: no cell of its first rows is titled like "
                                      "one (such as 2025年部门收入预算总表)"));
      return NULL;
    }
  /* Last year's sheet would pass for this year's figures. */
  if (s.year != 0 && s.year != like->year)
    {
      g_autofree char *what = g_strdup_printf (_("the title is of %d, the document of %d"), s.year, like->year);
      bd_workbook_sheet_error (error, &s, s.title_row, 0, what);
      return NULL;
    }
  if (like->unit_budget)
    bd_document_set_unit_budget (doc, TRUE);
  /* A code the document knows beyond the catalog needs no name in the sheet. */
  for (guint c = 0; c < G_N_ELEMENTS (like->extra_codes); c++)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, like->extra_codes[c]);
      while (g_hash_table_iter_next (&iter, &code, &name))
        bd_document_add_extra_code (doc, c, code, name);
    }
  if (!fill_schedule (&s, doc, error))
    return NULL;
  bd_document_get_schedule (doc, s.number)->title_year = s.year;
  bd_document_recompute (doc);
  *number = s.number;
  return g_steal_pointer (&doc);
}

BdDocument *
bd_workbook_import_file (const char  *path,
                         GError     **error)
{
  g_autoptr(BdWorkbook) book = bd_workbook_read (path, error);

  return book ? bd_workbook_import (book, path, error) : NULL;
}
