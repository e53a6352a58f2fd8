/* bd-rules-items.c: the items of the 编制说明, one per 项 of schedule 5
 *
 * Real documents name an item's 项 in several styles: “事业单位医疗”科目 (the
 * seed), “类名（类）款名（款）项名（项）”科目, 类名（208类）款名（05款）项名（05项）.
 * Many follow it with “YYYY年当年预算执行数为A万元，YYYY+1年预算安排B万元，比YYYY年
 * 预算执行数增加P%。主要原因是：…”, so an item carries its amount twice, last
 * year's outturn and a percentage: all of it is checked here. The seed's style
 * against schedule 5 is the narrative-figures rule's; this one reads the others.
 */

#include "bd-catalog.h"
#include "bd-rules-private.h"

#define AMOUNT "(\\d[\\d,]*(?:\\.\\d+)?)"

typedef struct {
  char   *label;        /* as written, for the findings */
  char   *name;         /* the 项's name */
  char   *kuan;         /* its 款's name, when the item gives it */
  char   *code;         /* the 项's code when the item gives it, else NULL */
  gboolean plain;       /* the seed's “X”科目 style, the narrative-figures rule's */
  gint64 amount;        /* hundredths of 万元 */
  gboolean has_plan, has_outturn, has_percent, has_reason;
  gint64 plan;          /* YYYY年预算安排B万元 */
  gint64 outturn;       /* YYYY年当年预算执行数为A万元 */
  gint64 percent;       /* hundredths of a per cent, signed by 增加/减少 */
} Item;

static void
item_clear (Item *item)
{
  g_free (item->label);
  g_free (item->name);
  g_free (item->kuan);
  g_free (item->code);
}

/* “…（项）” or “X” → the 项's name and, with (NNN类)(NN款)(NN项), its code. */
static void
name_item (Item       *item,
           const char *quoted)
{
  static GRegex *cache_coded, *cache_path;
  GRegex *coded = bd_rules_regex (&cache_coded, "（(\\d{3})类）[^（]*（(\\d{2})款）([^（]*)（(\\d{2})项）");
  GRegex *path = bd_rules_regex (&cache_path, "（类）([^（]*)（款）([^（]*)（项）");
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (coded, quoted, 0, &match))
    {
      g_autofree char *lei = g_match_info_fetch (match, 1);
      g_autofree char *kuan = g_match_info_fetch (match, 2);
      g_autofree char *xiang = g_match_info_fetch (match, 4);

      item->name = g_strstrip (g_match_info_fetch (match, 3));
      item->code = g_strconcat (lei, kuan, xiang, NULL);
      return;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (path, quoted, 0, &match))
    {
      item->kuan = g_strstrip (g_match_info_fetch (match, 1));
      item->name = g_strstrip (g_match_info_fetch (match, 2));
      return;
    }
  item->name = g_strdup (quoted);
  item->plain = TRUE;
}

static void
read_tail (Item       *item,
           const char *tail)
{
  static GRegex *cache_outturn, *cache_plan, *cache_percent;
  GRegex *outturn = bd_rules_regex (&cache_outturn, "\\d{4}年当年预算执行数为" AMOUNT "万元");
  GRegex *plan = bd_rules_regex (&cache_plan, "\\d{4}年预算安排" AMOUNT "万元");
  GRegex *percent = bd_rules_regex (&cache_percent, "比\\d{4}年(?:当年)?预算执行数(增加|减少|增长|下降)(\\d+(?:\\.\\d+)?)%");
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (outturn, tail, 0, &match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      item->has_outturn = bd_rules_parse_wan (a, &item->outturn);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (plan, tail, 0, &match))
    {
      g_autofree char *b = g_match_info_fetch (match, 1);
      item->has_plan = bd_rules_parse_wan (b, &item->plan);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (percent, tail, 0, &match))
    {
      g_autofree char *word = g_match_info_fetch (match, 1);
      g_autofree char *p = g_match_info_fetch (match, 2);
      gint64 value;

      /* A percentage with two decimals is read as hundredths, as 元 are as 分. */
      if (bd_money_parse (p, BD_UNIT_YUAN, &value, NULL))
        {
          item->has_percent = TRUE;
          item->percent = (strcmp (word, "减少") == 0 || strcmp (word, "下降") == 0) ? -value : value;
        }
    }
  item->has_reason = strstr (tail, "主要原因") != NULL || strstr (tail, "原因是") != NULL;
}

/* Every item of the 编制说明, from its head to the next one's. */
static GArray *
read_items (BdDocument *doc)
{
  static GRegex *cache;
  /* 科目 after the quotes is often left out (putuo-czj-2025). */
  GRegex *head = bd_rules_regex (&cache, "[“\"]([^”\"]{1,80})[”\"](?:科目)?\\s*" AMOUNT "万元"
                                         "|(\\p{Han}+（\\d{3}类）\\p{Han}+（\\d{2}款）\\p{Han}+（\\d{2}项）)" AMOUNT "万元");
  BdSection *narrative = bd_document_get_section (doc, "narrative");
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  for (guint p = 0; narrative && p < narrative->paragraphs->len; p++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (narrative->paragraphs, p));

  for (g_regex_match (head, text->str, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      Item item = { 0 };
      g_autofree char *quoted = g_match_info_fetch (match, 1);
      g_autofree char *amount = g_match_info_fetch (match, 2);
      int start, end;

      if (quoted == NULL || *quoted == '\0')
        {
          g_free (quoted);
          g_free (amount);
          quoted = g_match_info_fetch (match, 3);
          amount = g_match_info_fetch (match, 4);
        }
      if (!bd_rules_parse_wan (amount, &item.amount))
        continue;
      g_match_info_fetch_pos (match, 0, &start, &end);
      item.label = g_match_info_fetch (match, 0);
      name_item (&item, quoted);
      g_array_append_val (items, item);
      g_array_append_val (ends, end);
    }
  /* Each item's tail runs to the next item's head. */
  for (guint i = 0; i < items->len; i++)
    {
      int from = g_array_index (ends, int, i);
      int to = text->len;
      g_autofree char *tail = NULL;

      if (i + 1 < items->len)
        to = (int) (strstr (text->str + from, g_array_index (items, Item, i + 1).label) - text->str);
      tail = g_strndup (text->str + from, MAX (to - from, 0));
      read_tail (&g_array_index (items, Item, i), tail);
    }
  g_array_unref (ends);
  return items;
}

/* (b - a) / a, in hundredths of a per cent, rounded half up (away from zero). */
static gint64
percent_change (gint64 a,
                gint64 b)
{
  gint64 diff = b - a;
  gint64 scaled = (diff < 0 ? -diff : diff) * 10000;
  gint64 rounded = (scaled + a / 2) / a;

  return diff < 0 ? -rounded : rounded;
}

static void
check_item_arithmetic (BdCheck *check,
                       Item    *item,
                       gint64   threshold)
{
  if (item->has_plan && item->plan != item->amount)
    {
      g_autofree char *a = bd_money_format_wan (item->amount * 10000, TRUE);
      g_autofree char *b = bd_money_format_wan (item->plan * 10000, TRUE);
      bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, a, b,
                       g_strdup_printf (_("%s gives two amounts: %s万元, and %s万元 as the year's budget"),
                                        item->label, a, b));
    }
  if (item->has_outturn && item->has_percent && item->outturn > 0)
    {
      gint64 expected = percent_change (item->outturn, item->has_plan ? item->plan : item->amount);

      if (expected != item->percent)
        {
          g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", expected / 100,
                                                (int) ABS (expected % 100));
          g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", item->percent / 100,
                                                (int) ABS (item->percent % 100));
          bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, e, a,
                           g_strdup_printf (_("%s: its figures make a change of %s, but the text says %s"),
                                            item->label, e, a));
        }
    }
  if (item->has_outturn && !item->has_reason
      && (item->outturn == 0 ? item->amount != 0 : ABS (percent_change (item->outturn, item->amount)) >= threshold))
    bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, NULL, NULL,
                     g_strdup_printf (_("%s changes by 10 %% or more against last year (or from nothing) "
                                        "and gives no 主要原因"), item->label));
}

/* Whether @row's 款 in schedule 5 is named @name. */
static gboolean
kuan_named (BdCheck    *check,
            BdRow      *row,
            const char *name)
{
  g_autofree char *code = strlen (row->code) == 7 ? g_strndup (row->code, 5) : NULL;
  BdRow *kuan = code ? bd_check_row (check, 5, code) : NULL;

  return kuan != NULL && bd_catalog_same_name (kuan->name, name);
}

/* The leaf of schedule 5 an item stands for: by code, else by name (and its
 * 款's) when only one 项 has it. */
static BdRow *
item_row (BdCheck *check,
          Item    *item)
{
  BdRow *found = NULL;
  g_auto(BdCellIter) it = { 0 };

  if (item->code != NULL)
    return bd_check_row (check, 5, item->code);
  bd_cell_iter_init (&it, check, S (5), BD_ITER_LEAVES);
  while (bd_cell_iter_next (&it))
    if (bd_catalog_same_name (it.row->name, item->name)
        && (item->kuan == NULL || kuan_named (check, it.row, item->kuan)))
      {
        if (found != NULL)
          return NULL;
        found = it.row;
      }
  return found;
}

void
bd_rule_narrative_items (BdCheck *check)
{
  /* 10.00 % unless set otherwise (bd_rules_document_threshold). */
  const gint64 threshold = bd_rules_document_threshold (check->doc, BD_THRESHOLD_REASON);
  g_autoptr(GArray) items = read_items (check->doc);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean other_styles = FALSE;
  g_auto(BdCellIter) it = { 0 };

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      BdRow *row = item_row (check, item);

      check_item_arithmetic (check, item, threshold);
      if (row != NULL && !g_hash_table_add (listed, row))
        bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, NULL, NULL,
                         g_strdup_printf (_("项 %s %s is listed twice"), row->code, row->name));
      if (item->plain)
        continue;
      other_styles = TRUE;
      if (row == NULL)
        {
          bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, NULL, NULL,
                           g_strdup_printf (_("%s names no 项 of schedule 5"), item->label));
          continue;
        }
      /* Half up, as BudgetDesk writes them, or cut off (putuo-czj-2025: 877,080.00元 as 87.70). */
      if (bd_money_to_wan_cents (row->values[BD_COL_EXPENSE_TOTAL]) != item->amount
          && row->values[BD_COL_EXPENSE_TOTAL] / 10000 != item->amount)
        {
          g_autofree char *a = bd_money_format_wan (item->amount * 10000, TRUE);
          g_autofree char *b = bd_money_format_wan (row->values[BD_COL_EXPENSE_TOTAL], TRUE);
          bd_check_report (check, BD_PART_NARRATIVE, item->label, NULL, b, a,
                           g_strdup_printf (_("%s is %s万元, but 项 %s has %s万元 in schedule 5"),
                                            item->label, a, row->code, b));
        }
    }

  /* Written in these styles, the list has every 项 of schedule 5 with an amount. */
  if (!other_styles)
    return;
  bd_cell_iter_init (&it, check, S (5), BD_ITER_LEAVES);
  while (bd_cell_iter_next (&it))
    if (it.row->values[BD_COL_EXPENSE_TOTAL] != 0 && !g_hash_table_contains (listed, it.row))
      {
        g_autofree char *amount = bd_money_format_wan (it.row->values[BD_COL_EXPENSE_TOTAL], FALSE);
        bd_check_report (check, BD_PART_NARRATIVE, it.row->code, NULL, amount, NULL,
                         g_strdup_printf (_("The text has no item for 项 %s %s (%s万元 in schedule 5)"),
                                          it.row->code, it.row->name, amount));
      }
}

/* Year over year: a 项 of schedule 3 whose 合计 moved by more than half
 * against last year's document (taken with bd_editor_take_last_year, which
 * keeps each 项 as last_year "item.CODE") is worth a look. A 项 last year did
 * not have is the 编制说明's to explain (narrative-items, "from nothing"). */
void
bd_rule_item_change_row (BdCheck *check,
                         guint    number,
                         BdRow   *row)
{
  g_autofree char *key = NULL;
  gint64 last, now = row->values[BD_COL_EXPENSE_TOTAL], diff, percent, threshold;

  /* Nothing this year is a 项 not (yet) budgeted: a new year's document
   * starts with every figure at 0. */
  if (g_hash_table_size (check->doc->last_year) == 0 || strlen (row->code) != 7 || now == 0)
    return;
  key = g_strconcat ("item.", row->code, NULL);
  if (!bd_document_get_last_year (check->doc, key, &last) || last <= 0)
    return;
  diff = now > last ? now - last : last - now;
  /* In hundredths of a per cent, half up. */
  percent = (diff * 20000 + last) / (2 * last);
  threshold = bd_rules_document_threshold (check->doc, BD_THRESHOLD_YEAR_CHANGE);
  if (percent > threshold)
    {
      g_autofree char *title = row_title (row);
      g_autofree char *a = bd_money_format (last);
      g_autofree char *b = bd_money_format (now);
      g_autofree char *moved = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", percent / 100, (int) (percent % 100));

      bd_check_report (check, BD_PART_SCHEDULE_3, row->code, "合计", NULL, b,
                       g_strdup_printf (now > last ? _("%s: %s, last year %s: up %s %%, more than %d %%")
                                                   : _("%s: %s, last year %s: down %s %%, more than %d %%"),
                                        title, b, a, moved, (int) (threshold / 100)));
    }
}

/* "item.CODE" of a 项 (seven digits), as take_last_year_items keeps them;
 * NULL for other keys (an item of the text named in words). */
static const char *
item_code (const char *key)
{
  const char *code = g_str_has_prefix (key, "item.") ? key + strlen ("item.") : NULL;

  if (code == NULL || strlen (code) != 7)
    return NULL;
  for (const char *c = code; *c; c++)
    if (!g_ascii_isdigit (*c))
      return NULL;
  return code;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Year over year, the 项 that came or went: with last year's document
 * taken (its 项 kept as "item.CODE"), a 项 of schedule 3 with an amount
 * that last year had none of is new, and one last year had an amount for
 * that is missing or at 0 this year is gone. Gone only once schedule 3 has
 * figures: a new year's document starts with every figure at 0. */
void
bd_rule_item_new_gone (BdCheck *check)
{
  BdSchedule *s3 = schedule (check, 3);
  GHashTableIter iter;
  gpointer key, value;
  gboolean taken = FALSE;
  gint64 last;
  g_autoptr(GPtrArray) gone = NULL;

  g_hash_table_iter_init (&iter, check->doc->last_year);
  while (!taken && g_hash_table_iter_next (&iter, &key, NULL))
    taken = item_code (key) != NULL;
  if (!taken)
    return;

  for (guint i = 0; i < s3->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s3->rows, i);
      g_autofree char *name = NULL;

      if (!row->is_leaf || strlen (row->code) != 7 || row->values[BD_COL_EXPENSE_TOTAL] <= 0)
        continue;
      name = g_strconcat ("item.", row->code, NULL);
      if (!bd_document_get_last_year (check->doc, name, &last) || last == 0)
        {
          g_autofree char *title = row_title (row);
          g_autofree char *now = bd_money_format (row->values[BD_COL_EXPENSE_TOTAL]);

          bd_check_report (check, BD_PART_SCHEDULE_3, row->code, "合计", NULL, now,
                           g_strdup_printf (_("%s: %s, new this year (last year's document has no amount for it)"),
                                            title, now));
        }
    }

  if (s3->total == NULL || s3->total->values[BD_COL_EXPENSE_TOTAL] == 0)
    return;
  /* In the order of the codes, not of the hash table. */
  gone = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, check->doc->last_year);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (item_code (key) != NULL && *(gint64 *) value > 0)
      g_ptr_array_add (gone, key);
  g_ptr_array_sort (gone, compare_keys);
  for (guint i = 0; i < gone->len; i++)
    {
      const char *code = item_code (g_ptr_array_index (gone, i));
      BdRow *row = bd_schedule_find_row (s3, code);

      bd_document_get_last_year (check->doc, g_ptr_array_index (gone, i), &last);
      if (row == NULL || row->values[BD_COL_EXPENSE_TOTAL] == 0)
        {
          g_autofree char *was = bd_money_format (last);

          bd_check_report (check, BD_PART_SCHEDULE_3, code, "合计", was, NULL,
                           g_strdup_printf (row == NULL ? _("项 %s: %s last year, not in schedule 3 this year")
                                                        : _("项 %s: %s last year, 0 this year"),
                                            code, was));
        }
    }
}
