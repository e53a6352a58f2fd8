#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bd-narrative.h"

/* The published text writes figures three ways: the totals of the
 * 编制说明 with thousands separators (1,772.21), its 项 lines without
 * (1478.61), procurement in whole 万元 when whole (2); nothing is "0". */
typedef enum {
  STYLE_SEPARATED,
  STYLE_PLAIN,
  STYLE_WHOLE,
} Style;

static char *
wan (gint64 fen,
     Style  style)
{
  gint64 cents = bd_money_to_wan_cents (fen);

  if (cents == 0)
    return g_strdup ("0");
  if (style == STYLE_WHOLE && cents % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
  return bd_money_format_wan (fen, style != STYLE_PLAIN);
}

/* "，比2023年预算减少1,365.78万元" or "，与2023年预算持平"; "" without last year's figure. */
static char *
comparison (BdDocument *doc,
            const char *key,
            gint64      fen)
{
  gint64 last, difference;
  g_autofree char *amount = NULL;

  if (!bd_document_get_last_year (doc, key, &last))
    return g_strdup ("");
  difference = bd_money_to_wan_cents (fen) - bd_money_to_wan_cents (last);
  if (difference == 0)
    return g_strdup_printf ("，与%d年预算持平", doc->year - 1);
  amount = bd_money_format_wan ((difference < 0 ? -difference : difference) * 10000, TRUE);
  return g_strdup_printf ("，比%d年预算%s%s万元", doc->year - 1, difference < 0 ? "减少" : "增加", amount);
}

static gint64
income (BdDocument *doc,
        guint       schedule,
        const char *key)
{
  BdSchedule *s = bd_document_get_schedule (doc, schedule);

  for (guint i = 0; i < s->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (s->income, i);
      if (strcmp (item->code, key) == 0)
        return item->values[0];
    }
  return 0;
}

static gint64
figure (BdDocument *doc,
        const char *key)
{
  const BdFigure *f = bd_document_get_figure (doc, key);
  return f ? f->value : 0;
}

static const char *
paragraph_with (BdSection  *section,
                const char *words)
{
  for (guint i = 0; section && i < section->paragraphs->len; i++)
    if (strstr (g_ptr_array_index (section->paragraphs, i), words) != NULL)
      return g_ptr_array_index (section->paragraphs, i);
  return NULL;
}

/* The clerk's purpose clause of each 项, by name, from the current lines. */
static GHashTable *
purposes (BdSection *section)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* A line the formula wrote without a clause ends "万元。": no clause. */
  g_autoptr(GRegex) line = g_regex_new ("“([^”]+)”科目[0-9.,]+万元(?:，(.*)|。?)$", G_REGEX_MULTILINE, 0, NULL);

  for (guint i = 0; section && i < section->paragraphs->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (line, g_ptr_array_index (section->paragraphs, i), 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        g_hash_table_replace (table, g_match_info_fetch (match, 1), g_match_info_fetch (match, 2));
    }
  return table;
}

static void
generate_narrative (BdDocument   *doc,
                    GStrvBuilder *out)
{
  BdSection *current = bd_document_get_section (doc, "narrative");
  BdSchedule *s1 = bd_document_get_schedule (doc, 1);
  BdSchedule *s4 = bd_document_get_schedule (doc, 4);
  BdSchedule *s5 = bd_document_get_schedule (doc, 5);
  g_autoptr(GHashTable) clauses = purposes (current);
  const char *reason = paragraph_with (current, "主要原因");
  GString *list = g_string_new (NULL);
  guint number = 0;

  {
    g_autofree char *total = wan (s1->income_total->values[0], STYLE_SEPARATED);
    g_autofree char *fiscal = wan (income (doc, 1, "fiscal"), STYLE_SEPARATED);
    g_autofree char *fiscal_change = comparison (doc, "income.fiscal", income (doc, 1, "fiscal"));
    g_autofree char *business = wan (income (doc, 1, "business"), STYLE_SEPARATED);
    g_autofree char *operating = wan (income (doc, 1, "operating"), STYLE_SEPARATED);
    g_autofree char *other = wan (income (doc, 1, "other"), STYLE_SEPARATED);
    g_autofree char *text = g_strdup_printf ("%d年，%s收入预算%s万元，其中：财政拨款收入%s万元%s；事业收入%s万元；"
                                             "事业单位经营收入%s万元；其他收入%s万元。",
                                             doc->year, doc->department, total, fiscal, fiscal_change, business,
                                             operating, other);
    g_strv_builder_add (out, text);
  }
  {
    const struct { const char *key; gint64 value; } parts[] = {
      { "expense.fiscal", s4->total->values[0] }, { "expense.general", s4->total->values[1] },
      { "expense.fund", s4->total->values[2] }, { "expense.capital", s4->total->values[3] },
    };
    g_autofree char *total = wan (s1->total->values[0], STYLE_SEPARATED);
    char *amounts[G_N_ELEMENTS (parts)], *changes[G_N_ELEMENTS (parts)];
    g_autofree char *text = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        amounts[i] = wan (parts[i].value, STYLE_SEPARATED);
        changes[i] = comparison (doc, parts[i].key, parts[i].value);
      }
    text = g_strdup_printf ("支出预算%s万元，其中：财政拨款支出预算%s万元%s。财政拨款支出预算中，一般公共预算拨款支出预算%s万元%s；"
                            "政府性基金拨款支出预算%s万元%s；国有资本经营预算拨款支出预算%s万元%s。",
                            total, amounts[0], changes[0], amounts[1], changes[1], amounts[2], changes[2],
                            amounts[3], changes[3]);
    g_strv_builder_add (out, text);
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      g_free (amounts[i]), g_free (changes[i]);
  }
  if (reason != NULL)
    g_strv_builder_add (out, reason);
  g_strv_builder_add (out, "财政拨款支出主要内容如下：");

  for (guint i = 0; i < s5->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s5->rows, i);
      g_autofree char *amount = NULL;
      const char *clause;

      if (!row->is_leaf)
        continue;
      amount = wan (row->values[0], STYLE_PLAIN);
      clause = g_hash_table_lookup (clauses, row->name);
      g_string_append_printf (list, "%s%u. “%s”科目%s万元%s%s", number ? "\n" : "", number + 1, row->name, amount,
                              clause && *clause ? "，" : "。", clause && *clause ? clause : "");
      number++;
    }
  g_strv_builder_add (out, list->str);
  g_string_free (list, TRUE);
}

/* The words a department budget (部门预算) and a unit budget (单位预算)
 * write differently in the text made from the numbers: a unit speaks of
 * itself as 本单位 and titles its 单位预算编制说明 (shanghai-czj-2025-unit.pdf,
 * pages 6 and 21). */
typedef struct {
  const char *kind;   /* 部门, 单位: 2025年单位预算编制说明 */
  const char *self;   /* 本部门, 本单位 */
} BudgetWords;

static const BudgetWords words_by_kind[] = {
  { "部门", "本部门" },   /* a department budget */
  { "单位", "本单位" },   /* a unit budget */
};

static const BudgetWords *
budget_words (BdDocument *doc)
{
  return &words_by_kind[doc->unit_budget ? 1 : 0];
}

static void
generate_other (BdDocument   *doc,
                GStrvBuilder *out)
{
  BdSection *current = bd_document_get_section (doc, "other");
  BdRow *s9 = g_ptr_array_index (bd_document_get_schedule (doc, 9)->rows, 0);
  const char *keys[] = { "sangong.total", "sangong.outbound", "sangong.reception", "sangong.vehicle",
                         "sangong.vehicle_purchase", "sangong.vehicle_running" };
  char *amount[G_N_ELEMENTS (keys)], *change[G_N_ELEMENTS (keys)];
  int y = doc->year;
  gboolean kept = FALSE;
  const char *self_word = budget_words (doc)->self;

  /* keys[i] is schedule 9's column i. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      amount[i] = wan (s9->values[i], STYLE_SEPARATED);
      change[i] = comparison (doc, keys[i], s9->values[i]);
    }

#define ADD(...) G_STMT_START { g_autofree char *text_ = g_strdup_printf (__VA_ARGS__); g_strv_builder_add (out, text_); } G_STMT_END
  ADD ("一、%d年“三公”经费预算情况说明", y);
  ADD ("%d年“三公”经费预算数为%s万元%s。其中：", y, amount[0], change[0]);
  ADD ("（一）因公出国（境）费%s万元%s。", amount[1], change[1]);
  ADD ("（二）公务用车购置及运行费%s万元%s。其中：公务用车购置费%s万元%s；公务用车运行费%s万元%s。",
       amount[3], change[3], amount[4], change[4], amount[5], change[5]);
  ADD ("（三）公务接待费%s万元%s。", amount[2], change[2]);
  ADD ("二、机关运行经费预算");
  if (bd_money_to_wan_cents (s9->values[6]) == 0)
    ADD ("%d年%s%s无机关运行经费。", y, doc->department, self_word);
  else
    {
      g_autofree char *operating = wan (s9->values[6], STYLE_SEPARATED);
      ADD ("%d年%s机关运行经费预算%s万元。", y, doc->department, operating);
    }
  {
    g_autofree char *total = wan (figure (doc, "other.procurement.total"), STYLE_WHOLE);
    g_autofree char *goods = wan (figure (doc, "other.procurement.goods"), STYLE_WHOLE);
    g_autofree char *works = wan (figure (doc, "other.procurement.works"), STYLE_WHOLE);
    g_autofree char *services = wan (figure (doc, "other.procurement.services"), STYLE_WHOLE);
    g_autofree char *sme = wan (figure (doc, "other.procurement.sme"), STYLE_WHOLE);
    g_autofree char *small = wan (figure (doc, "other.procurement.small_micro"), STYLE_WHOLE);

    ADD ("三、政府采购情况");
    ADD ("%d年%s政府采购预算%s万元，其中：政府采购货物预算%s万元、政府采购工程预算%s万元、政府采购服务预算%s万元。",
         y, self_word, total, goods, works, services);
    ADD ("%d年%s面向中小企业预留政府采购项目预算金额%s万元，其中，预留给小型和微型企业的政府采购项目预算为%s万元。",
         y, self_word, sme, small);
  }
  {
    g_autofree char *funds = wan (bd_document_get_schedule (doc, 3)->total->values[2], STYLE_SEPARATED);

    ADD ("四、绩效目标设置情况");
    if (doc->unit_budget)
      ADD ("%d年度，%s编报绩效目标的项目共%" G_GINT64_FORMAT "个，涉及项目预算资金%s万元。",
           y, self_word, figure (doc, "other.goals.projects"), funds);
    else
      ADD ("按照本区预算绩效管理工作的总体要求，%s%" G_GINT64_FORMAT "个预算单位开展了%d年项目预算绩效目标编报工作，"
           "编报绩效目标的项目%" G_GINT64_FORMAT "个，涉及项目预算资金%s万元。",
           self_word, figure (doc, "other.goals.units"), y, figure (doc, "other.goals.projects"), funds);
  }
#undef ADD

  /* From 五、(assets) on, the clerk's own paragraphs. */
  for (guint i = 0; current && i < current->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (current->paragraphs, i);
      kept = kept || g_str_has_prefix (paragraph, "五、");
      if (kept)
        g_strv_builder_add (out, paragraph);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (amount[i]), g_free (change[i]);
}

/* The 政府雇员 section is the clerk's but for its amount: the form's funds. */
static void
generate_employees (BdDocument   *doc,
                    GStrvBuilder *out)
{
  BdSection *current = bd_document_get_section (doc, "employees");
  BdProject *project = NULL;
  g_autofree char *name = NULL;

  if (current == NULL)
    return;
  name = g_strdup (current->title);
  if (g_str_has_suffix (name, "经费情况说明"))
    name[strlen (name) - strlen ("经费情况说明")] = '\0';
  for (guint i = 0; i < doc->projects->len && project == NULL; i++)
    if (g_strcmp0 (((BdProject *) g_ptr_array_index (doc->projects, i))->name, name) == 0)
      project = g_ptr_array_index (doc->projects, i);

  for (guint i = 0; i < current->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (current->paragraphs, i);
      g_autoptr(GArray) spans = bd_section_figure_spans ("employees", paragraph);
      g_autoptr(GString) text = g_string_new (paragraph);

      for (guint s = spans->len; project && s-- > 0;)
        {
          BdFigureSpan *span = &g_array_index (spans, BdFigureSpan, s);
          if (strcmp (span->key, "employees.funds") == 0)
            {
              g_autofree char *amount = bd_money_format_wan (project->annual_total, TRUE);
              g_string_erase (text, span->start, span->end - span->start);
              g_string_insert (text, span->start, amount);
            }
        }
      g_strv_builder_add (out, text->str);
    }
}

GStrv
bd_narrative_generate (BdDocument *doc,
                       const char *section)
{
  g_autoptr(GStrvBuilder) out = NULL;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  out = g_strv_builder_new ();
  if (strcmp (section, "narrative") == 0)
    generate_narrative (doc, out);
  else if (strcmp (section, "other") == 0)
    generate_other (doc, out);
  else if (strcmp (section, "employees") == 0)
    generate_employees (doc, out);
  return g_strv_builder_end (out);
}

/* Each 项 of last year's schedule 3 (its 合计), as "item.CODE", for the
 * year-over-year note (rule item-change); those of a document taken before go. */
static void
take_last_year_items (BdDocument *doc,
                      BdSchedule *s3)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, doc->last_year);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "item."))
      g_hash_table_iter_remove (&iter);
  for (guint i = 0; i < s3->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s3->rows, i);
      g_autofree char *name = NULL;

      if (!row->is_leaf || strlen (row->code) != 7)
        continue;
      name = g_strconcat ("item.", row->code, NULL);
      bd_document_set_last_year (doc, name, row->values[BD_COL_EXPENSE_TOTAL]);
    }
}

gboolean
bd_narrative_take_last_year (BdDocument  *doc,
                             BdDocument  *last,
                             GError     **error)
{
  BdSchedule *s1, *s4;
  BdRow *s9;
  const char *sangong[] = { "sangong.total", "sangong.outbound", "sangong.reception", "sangong.vehicle",
                            "sangong.vehicle_purchase", "sangong.vehicle_running" };

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);

  if (g_strcmp0 (doc->department, last->department) != 0 || last->year != doc->year - 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Last year's document must be %s's for %d; this one is %s's for %d."),
                   doc->department, doc->year - 1, last->department, last->year);
      return FALSE;
    }
  s1 = bd_document_get_schedule (last, 1);
  s4 = bd_document_get_schedule (last, 4);
  s9 = g_ptr_array_index (bd_document_get_schedule (last, 9)->rows, 0);
  bd_document_set_last_year (doc, "income.total", s1->income_total->values[0]);
  bd_document_set_last_year (doc, "income.fiscal", income (last, 1, "fiscal"));
  bd_document_set_last_year (doc, "income.business", income (last, 1, "business"));
  bd_document_set_last_year (doc, "income.operating", income (last, 1, "operating"));
  bd_document_set_last_year (doc, "income.other", income (last, 1, "other"));
  bd_document_set_last_year (doc, "expense.total", s1->total->values[0]);
  bd_document_set_last_year (doc, "expense.fiscal", s4->total->values[0]);
  bd_document_set_last_year (doc, "expense.general", s4->total->values[1]);
  bd_document_set_last_year (doc, "expense.fund", s4->total->values[2]);
  bd_document_set_last_year (doc, "expense.capital", s4->total->values[3]);
  for (guint i = 0; i < G_N_ELEMENTS (sangong); i++)
    bd_document_set_last_year (doc, sangong[i], s9->values[i]);
  take_last_year_items (doc, bd_document_get_schedule (last, 3));
  return TRUE;
}

/* A new document */

/* 三、名词解释: the same in every department (guide §1), read from the seed;
 * the clerk may edit them. */
static const char * const standard_terms[] = {
  "（一）财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般"
    "公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
  "（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
  "（三）事业单位经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入"
    "。",
  "（四）其他收入：指除上述“财政拨款收入”、“事业收入”、“事业单位经营收入”等以外的收入。",
  "（五）基本支出预算：是区级预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制"
    "的年度基本支出计划，包括人员经费和公用经费两部分。",
  "（六）项目支出预算：是区级预算主管部门及所属预算单位为完成行政工作任务、事业发展目标或政府发展战"
    "略、特定目标，在基本支出之外编制的年度支出计划。",
  "（七）“三公”经费：是与区级财政有经费领拨关系的部门及其下属预算单位使用区级财政拨款安排的因公出"
    "国（境）费、公务用车购置及运行费、公务接待费。其中：因公出国（境）费主要安排机关及下属预算单位人"
    "员的国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训"
    "费、公杂费等支出；公务接待费主要安排全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交"
    "流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行费主要安排编制内公务车"
    "辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、"
    "过路过桥费、保险费等支出。",
  "（八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出"
    "中的日常公用经费支出。",
};

static BdSection *
start_section (BdDocument *doc,
               const char *id,
               char       *title)
{
  BdSection *section = bd_document_ensure_section (doc, id, title);

  g_free (title);
  return section;
}

void
bd_narrative_start (BdDocument *doc)
{
  static const char * const generated[] = { "narrative", "other" };
  BdSection *glossary;

  g_return_if_fail (BD_IS_DOCUMENT (doc));

  start_section (doc, "functions", g_strdup_printf ("%s主要职能", doc->department));
  start_section (doc, "organisation", g_strdup_printf ("%s机构设置", doc->department));
  glossary = start_section (doc, "glossary", g_strdup ("名词解释"));
  for (guint i = 0; i < G_N_ELEMENTS (standard_terms); i++)
    g_ptr_array_add (glossary->paragraphs, g_strdup (standard_terms[i]));
  start_section (doc, "narrative", g_strdup_printf ("%d年%s预算编制说明", doc->year, budget_words (doc)->kind));
  start_section (doc, "other", g_strdup ("其他相关情况说明"));

  /* Written from the numbers, as they are now, so that the editor's text
   * follows them from the first figure typed. */
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      BdSection *section = bd_document_get_section (doc, generated[i]);
      g_auto(GStrv) paragraphs = bd_narrative_generate (doc, generated[i]);

      for (guint p = 0; paragraphs[p] != NULL; p++)
        g_ptr_array_add (section->paragraphs, g_strdup (paragraphs[p]));
      bd_document_read_section_figures (doc, section);
    }
}
