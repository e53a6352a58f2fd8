/* The importer against the seed, figure by figure as checked by hand. */

#include "bd-checker.h"
#include "bd-review.h"
#include "bd-store.h"
#include "bd-test-util.h"
#include "bd-file-test-util.h"

static gint64
figure (BdDocument *doc,
        const char *key)
{
  const BdFigure *f = bd_document_get_figure (doc, key);

  if (f == NULL)
    g_error ("no figure %s", key);
  return f->value;
}

static void
test_header (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();

  g_assert_cmpstr (doc->department, ==, "上海市闵行区城市运行管理中心");
  g_assert_cmpint (doc->year, ==, 2024);
  g_assert_cmpstr (doc->title, ==, "闵行区2024年区级部门预算");
  g_assert_cmpstr (doc->attachment, ==, "附件1");
}

static void
test_schedule_1 (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSchedule *s = bd_document_get_schedule (doc, 1);

  /* The 22 类 of the template, in order, each with its figure as published. */
  g_assert_cmpuint (s->rows->len, ==, 22);
  g_assert_cmpstr (((BdRow *) g_ptr_array_index (s->rows, 0))->code, ==, "201");
  g_assert_cmpstr (((BdRow *) g_ptr_array_index (s->rows, 12))->name, ==, "资源勘探信息等支出");
  g_assert_cmpstr (((BdRow *) g_ptr_array_index (s->rows, 21))->code, ==, "232");
  /* One of the seed's two errors: 208 is published 1,616,095.40 here. */
  g_assert_cmpint (bd_test_row (doc, 1, "208")->values[0], ==, Y (1616095, 40));
  g_assert_cmpint (bd_test_row (doc, 1, "212")->values[0], ==, Y (14786148, 0));
  g_assert_cmpint (bd_test_row (doc, 1, "221")->values[0], ==, Y (447984, 0));

  /* 财政拨款收入 is computed from its three sources. */
  g_assert_cmpint (((BdRow *) g_ptr_array_index (s->income, 0))->values[0], ==, Y (17722077, 40));
  g_assert_cmpint (((BdRow *) g_ptr_array_index (s->income, 1))->values[0], ==, Y (17722077, 40));
  g_assert_cmpint (s->income_total->values[0], ==, Y (17722077, 40));
  g_assert_cmpint (s->income_total->published[0], ==, Y (17722077, 40));
  /* The two errors cancel out in the total: 1,616,095.40 + 871,850 + 14,786,148 + 447,984. */
  g_assert_cmpint (s->total->values[0], ==, Y (17722077, 40));
}

static void
test_schedules_2_3_5 (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);

  g_assert_cmpuint (bd_document_get_schedule (doc, 2)->rows->len, ==, 14);
  g_assert_cmpint (bd_test_row (doc, 2, "208")->values[0], ==, Y (1616095, 0));
  g_assert_cmpint (bd_test_row (doc, 2, "212")->values[1], ==, Y (14786148, 40));
  /* The blank cells of 2080502 are 0. */
  g_assert_cmpint (bd_test_row (doc, 2, "2080502")->values[2], ==, 0);
  g_assert_true (bd_test_row (doc, 2, "2080502")->published_mask & (1u << 2));

  g_assert_cmpint (bd_test_row (doc, 3, "2120199")->values[1], ==, Y (7959673, 40));
  g_assert_cmpint (bd_test_row (doc, 3, "2120199")->values[2], ==, Y (6826475, 0));
  g_assert_cmpint (bd_test_row (doc, 3, "2120199")->values[0], ==, Y (14786148, 40));
  g_assert_true (bd_test_row (doc, 3, "2120199")->is_leaf);
  g_assert_false (bd_test_row (doc, 3, "21201")->is_leaf);
  g_assert_false (bd_test_row (doc, 3, "212")->is_leaf);
  g_assert_cmpint (s3->total->values[1], ==, Y (10895602, 40));
  g_assert_cmpint (s3->total->values[2], ==, Y (6826475, 0));
  g_assert_cmpint (s3->total->published[0], ==, Y (17722077, 40));

  g_assert_cmpstr (bd_test_row (doc, 5, "2080505")->name, ==, "机关事业单位基本养老保险缴费支出");
  g_assert_cmpint (bd_test_row (doc, 5, "2101102")->values[0], ==, Y (871850, 0));
}

static void
test_schedule_4 (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSchedule *s = bd_document_get_schedule (doc, 4);

  g_assert_cmpuint (s->rows->len, ==, 22);
  g_assert_cmpint (bd_test_row (doc, 4, "208")->values[1], ==, Y (1616095, 40));
  g_assert_cmpint (bd_test_row (doc, 4, "208")->values[0], ==, Y (1616095, 40));
  g_assert_cmpint (bd_test_row (doc, 4, "212")->values[1], ==, Y (14786148, 0));
  g_assert_cmpint (((BdRow *) g_ptr_array_index (s->income, 0))->values[0], ==, Y (17722077, 40));
  g_assert_cmpint (s->total->values[1], ==, Y (17722077, 40));
}

static void
test_empty_schedules (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();

  for (guint n = 6; n <= 7; n++)
    {
      BdSchedule *s = bd_document_get_schedule (doc, n);
      g_assert_cmpuint (s->rows->len, ==, 0);
      g_assert_true (bd_schedule_is_empty (s));
    }
  g_assert_cmpstr (bd_document_get_schedule (doc, 6)->note, ==, "注：本部门2024年无政府性基金预算安排的支出，故本表无数据。");
  g_assert_cmpstr (bd_document_get_schedule (doc, 7)->note, ==, "注：本部门2024年无国有资本经营预算安排的支出，故本表无数据。");
}

static void
test_schedule_8 (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSchedule *s = bd_document_get_schedule (doc, 8);
  guint lei = 0, kuan = 0;

  /* Split over two tables in the seed: 4 类 and 26 款 in all. */
  for (guint i = 0; i < s->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s->rows, i);
      if (bd_code_level (row->code) == BD_LEVEL_LEI)
        lei++;
      else
        kuan++;
    }
  g_assert_cmpuint (s->rows->len, ==, 30);
  g_assert_cmpuint (lei, ==, 4);
  g_assert_cmpuint (kuan, ==, 26);

  g_assert_cmpstr (bd_test_row (doc, 8, "30228")->name, ==, "工会经费");
  g_assert_cmpint (bd_test_row (doc, 8, "30228")->values[0], ==, Y (137610, 40));
  /* 302 is the sum of its 15 款, computed. */
  g_assert_cmpint (bd_test_row (doc, 8, "302")->values[0], ==, Y (938050, 40));
  g_assert_cmpint (bd_test_row (doc, 8, "302")->values[2], ==, Y (938050, 40));
  /* 30226 劳务费 has a blank 人员经费. */
  g_assert_cmpint (bd_test_row (doc, 8, "30226")->values[1], ==, 0);
  g_assert_cmpint (s->total->values[0], ==, Y (10895602, 40));
  g_assert_cmpint (s->total->values[1], ==, Y (9857552, 0));
  g_assert_cmpint (s->total->values[2], ==, Y (1038050, 40));
}

static void
test_schedule_9 (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSchedule *s = bd_document_get_schedule (doc, 9);
  BdRow *row = g_ptr_array_index (s->rows, 0);

  /* 7.40 万元 = 74,000 元; 合计 = 出国 0 + 接待 1.00 + 小计 6.40, 小计 = 购置 0 + 运行 6.40. */
  g_assert_cmpint (row->values[0], ==, Y (74000, 0));
  g_assert_cmpint (row->published[0], ==, Y (74000, 0));
  g_assert_cmpint (row->values[2], ==, Y (10000, 0));
  g_assert_cmpint (row->values[3], ==, Y (64000, 0));
  g_assert_cmpint (row->values[5], ==, Y (64000, 0));
  g_assert_cmpint (row->values[6], ==, 0);
}

static void
test_narrative (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdSection *narrative = bd_document_get_section (doc, "narrative");
  gint64 value;

  g_assert_nonnull (narrative);
  g_assert_cmpstr (narrative->title, ==, "2024年部门预算编制说明");
  g_assert_cmpuint (narrative->paragraphs->len, ==, 5);

  /* 1,772.21 万元 */
  g_assert_cmpint (figure (doc, "narrative.income.total"), ==, Y (17722100, 0));
  g_assert_cmpint (figure (doc, "narrative.income.fiscal"), ==, Y (17722100, 0));
  g_assert_cmpint (figure (doc, "narrative.income.business"), ==, 0);
  g_assert_cmpint (figure (doc, "narrative.expense.total"), ==, Y (17722100, 0));
  g_assert_cmpint (figure (doc, "narrative.expense.general"), ==, Y (17722100, 0));
  g_assert_cmpint (figure (doc, "narrative.expense.fund"), ==, 0);
  g_assert_cmpint (figure (doc, "narrative.item.事业单位医疗"), ==, Y (871900, 0));
  g_assert_cmpint (figure (doc, "narrative.item.其他城乡社区管理事务支出"), ==, Y (14786100, 0));
  g_assert_cmpint (figure (doc, "narrative.item.住房公积金"), ==, Y (448000, 0));

  /* Last year: 1,772.21 + 1,365.78 = 3,137.99 万元; funds and capital 持平 at 0. */
  g_assert_true (bd_document_get_last_year (doc, "income.fiscal", &value));
  g_assert_cmpint (value, ==, Y (31379900, 0));
  g_assert_true (bd_document_get_last_year (doc, "expense.general", &value));
  g_assert_cmpint (value, ==, Y (31379900, 0));
  g_assert_true (bd_document_get_last_year (doc, "expense.fund", &value));
  g_assert_cmpint (value, ==, 0);
}

static void
test_other_and_employees (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  gint64 value;

  g_assert_cmpint (figure (doc, "other.sangong.total"), ==, Y (74000, 0));
  g_assert_cmpint (figure (doc, "other.sangong.outbound"), ==, 0);
  g_assert_cmpint (figure (doc, "other.sangong.vehicle"), ==, Y (64000, 0));
  g_assert_cmpint (figure (doc, "other.sangong.vehicle_purchase"), ==, 0);
  g_assert_cmpint (figure (doc, "other.sangong.vehicle_running"), ==, Y (64000, 0));
  g_assert_cmpint (figure (doc, "other.sangong.reception"), ==, Y (10000, 0));
  g_assert_true (bd_document_get_last_year (doc, "sangong.total", &value));
  g_assert_cmpint (value, ==, Y (74000, 0));
  g_assert_cmpint (figure (doc, "other.operating_costs"), ==, 0);
  g_assert_cmpint (figure (doc, "other.procurement.total"), ==, Y (20000, 0));
  g_assert_cmpint (figure (doc, "other.procurement.goods"), ==, Y (10000, 0));
  g_assert_cmpint (figure (doc, "other.procurement.works"), ==, 0);
  g_assert_cmpint (figure (doc, "other.procurement.services"), ==, Y (10000, 0));
  g_assert_cmpint (figure (doc, "other.procurement.sme"), ==, 0);
  g_assert_cmpint (figure (doc, "other.goals.units"), ==, 1);
  g_assert_cmpint (figure (doc, "other.goals.projects"), ==, 17);
  g_assert_cmpint (figure (doc, "other.goals.funds"), ==, Y (6826500, 0));
  g_assert_cmpint (figure (doc, "other.assets.vehicles"), ==, 2);
  g_assert_cmpint (figure (doc, "other.assets.equipment"), ==, 2);
  g_assert_cmpint (figure (doc, "other.assets.new_vehicles"), ==, 0);
  g_assert_cmpint (figure (doc, "other.assets.new_equipment"), ==, 0);

  g_assert_cmpint (figure (doc, "employees.funds"), ==, Y (4630000, 0));
  g_assert_cmpint (figure (doc, "employees.count"), ==, 32);
  g_assert_cmpuint (bd_document_get_section (doc, "employees")->paragraphs->len, ==, 14);
  g_assert_cmpuint (bd_document_get_section (doc, "glossary")->paragraphs->len, ==, 8);
  g_assert_cmpuint (bd_document_get_section (doc, "functions")->paragraphs->len, ==, 3);
}

static void
test_form (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdProject *p;
  BdIndicator *indicator;
  static const char * const expected[11][4] = {
    { "成本指标", "经济成本指标", "政府雇员成本预算控制数", "≤4630048.00(元)" },
    { "成本指标", "经济成本指标", "雇员薪酬标准合理性", "合理" },
    { "产出指标", "数量指标", "聘用文职（含社保）雇员数量", "=32.00(人)" },
    { "产出指标", "数量指标", "承办热线案件量", ">100.00(万件)" },
    { "产出指标", "质量指标", "聘用人员招聘要求达标率", "=100.00(%)" },
    { "产出指标", "时效指标", "招聘人员及时性", "及时" },
    { "效益指标", "经济效益指标", "行政成本下降率", ">0.00(%)" },
    { "效益指标", "社会效益指标", "派单催办工作开展情况", "稳定开展" },
    { "效益指标", "社会效益指标", "工作办事效率提升情况", "有效提升" },
    /* The two rows the published form shifts one cell to the left. */
    { "效益指标", "可持续影响指标", "长效管理机制健全性", "健全" },
    { "满意度指标", "服务对象满意度指标", "管理人员满意度", "≥90.00(%)" },
  };

  g_assert_cmpuint (doc->projects->len, ==, 1);
  p = g_ptr_array_index (doc->projects, 0);
  g_assert_cmpstr (p->name, ==, "政府雇员");
  g_assert_cmpstr (p->nature, ==, "经常性项目");
  g_assert_cmpstr (p->category, ==, "特定目标类");
  g_assert_cmpstr (p->supervisor, ==, "上海市闵行区城市运行管理中心(汇总)");
  g_assert_cmpstr (p->implementer, ==, "上海市闵行区城市运行管理中心");
  g_assert_cmpstr (p->start_date, ==, "2024-01-01");
  g_assert_cmpstr (p->end_date, ==, "2024-12-31");
  g_assert_cmpstr (p->period, ==, "2024年-2024年");
  g_assert_cmpint (p->total_funds, ==, Y (4630048, 0));
  g_assert_cmpint (p->fiscal_funds, ==, Y (4630048, 0));
  g_assert_cmpint (p->annual_total, ==, Y (4630048, 0));
  g_assert_cmpint (p->annual_fiscal, ==, Y (4630048, 0));
  g_assert_cmpint (p->carryover, ==, 0);
  g_assert_cmpint (p->other_funds, ==, 0);
  g_assert_true (g_str_has_prefix (p->overall_goal, "通过聘用政府雇员"));
  g_assert_true (g_str_has_suffix (p->annual_goal, "进一步提升公共服务能力和服务效率。"));
  g_assert_nonnull (strstr (p->annual_goal, "雇员32人"));

  g_assert_cmpuint (p->indicators->len, ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      indicator = g_ptr_array_index (p->indicators, i);
      g_assert_cmpstr (indicator->level1, ==, expected[i][0]);
      g_assert_cmpstr (indicator->level2, ==, expected[i][1]);
      g_assert_cmpstr (indicator->name, ==, expected[i][2]);
      g_assert_cmpstr (indicator->target, ==, expected[i][3]);
    }
}

/* A bad document gets a message that names the line and what was expected. */
static void
assert_refused (const char *text,
                gssize      length,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = bd_import_published_text (text, length, &error);

  g_assert_null (doc);
  g_assert_error (error, BD_IMPORT_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, message_part);
}

static char *
seed_with (const char *from,
           const char *to)
{
  GString *text = bd_test_seed_string ();

  g_assert_nonnull (strstr (text->str, from));
  g_string_replace (text, from, to, 1);
  return g_string_free (text, FALSE);
}

static void
test_refused (void)
{
  g_autofree char *letters = seed_with ("| 302 | 28 | 工会经费 | 137,610.40 |", "| 302 | 28 | 工会经费 | 137,61O.40 |");
  g_autofree char *no_department = seed_with ("预算主管部门：上海市闵行区城市运行管理中心", "");
  g_autoptr(GString) no_department_anywhere = g_string_new (no_department);
  g_autofree char *cut = NULL;
  char *seed = bd_test_read_seed_text ();
  /* Schedule 3's row: the only one followed by 7,959,673.40. */
  const char *row = "| 212 | 01 | 99 | 其他城乡社区管理事务支出 | 14,786,148.40 |";
  char *row_at = strstr (seed, "| 212 | 01 | 99 | 其他城乡社区管理事务支出 | 14,786,148.40 | 7,959,673.40");
  gsize cut_length = row_at ? (gsize) (row_at - seed) + strlen (row) : 0;
  const char gbk[] = "\xb8\xbd\xbc\xfe" "1\n";

  /* The letter O typed for a zero, on line 291 of the seed. */
  assert_refused (letters, -1, BD_IMPORT_ERROR_SYNTAX, "line 291:");
  assert_refused (letters, -1, BD_IMPORT_ERROR_SYNTAX, "工会经费");
  /* Without 预算主管部门, the first table's 编制部门 names the department;
   * without either, the document is refused. */
  {
    g_autoptr(BdDocument) doc = bd_import_published_text (no_department, -1, NULL);
    g_assert_nonnull (doc);
    g_assert_cmpstr (doc->department, ==, "上海市闵行区城市运行管理中心");
  }
  g_string_replace (no_department_anywhere, "编制部门：上海市闵行区城市运行管理中心", "", 0);
  assert_refused (no_department_anywhere->str, -1, BD_IMPORT_ERROR_MISSING, "预算主管部门");
  assert_refused ("", 0, BD_IMPORT_ERROR_MISSING, "line 1:");
  assert_refused (gbk, sizeof gbk - 1, BD_IMPORT_ERROR_ENCODING, "UTF-8");
  /* NUL bytes get the message of a binary file, not of an encoding (issue 17). */
  assert_refused ("abc\0def", 7, BD_IMPORT_ERROR_ENCODING, "NUL bytes");
  {
    g_autofree char *extra = seed_with ("| 302 | 28 | 工会经费 | 137,610.40 | 0 | 137,610.40 |",
                                        "| 302 | 28 | 工会经费 | 137,610.40 | 0 | 137,610.40 | 5.00 |");
    /* A fourth amount in a row of schedule 8 (three columns) is not dropped. */
    assert_refused (extra, -1, BD_IMPORT_ERROR_SYNTAX, "line 291:");
    assert_refused (extra, -1, BD_IMPORT_ERROR_SYNTAX, "“5.00” in a cell beyond them");
  }

  /* Cut off mid-table: schedule 3 stops inside a row. */
  g_assert_cmpuint (cut_length, >, 0);
  cut = g_strndup (seed, cut_length);
  g_free (seed);
  assert_refused (cut, -1, BD_IMPORT_ERROR_SYNTAX, "expected 3 amounts");
}

/* Replaces every @from in @text with @to (at least one must be there). */
static void
replace_all (GString    *text,
             const char *from,
             const char *to)
{
  g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);
}

/* The layouts of the family (issue 12), on the seed: each variant imports
 * with the seed's figures. */
static void
test_family (void)
{
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  BdSchedule *s1;

  /* Half-width colons, as 2025 documents print them. */
  replace_all (text, "单位：元", "单位:元");
  replace_all (text, "注：本部门2024年无政府性基金", "注:本部门2024年无政府性基金");
  /* Income labels since 2025: 一般公共预算 without 资金, 政府性基金预算;
   * 1、 for 1. as the unit budgets print it. */
  replace_all (text, "| 1. 一般公共预算资金 | 17,722,077.40 |", "| 1、一般公共预算 | 17,722,077.40 |");
  replace_all (text, "| 2. 政府性基金 | 0 |", "| 2. 政府性基金预算 | 0 |");
  /* The old 类 name in schedule 1. */
  replace_all (text, "| | | 八、卫生健康支出 | 871,850.00 |", "| | | 八、医疗卫生与计划生育支出 | 871,850.00 |");
  /* Schedule 2's title without its year, and an entry of the contents
   * printed as a bare title (no page number, no leader). */
  replace_all (text, "\n2024年部门收入预算总表\n", "\n部门收入预算总表\n");
  replace_all (text, " - 3. 2024年部门支出预算总表\n", "2024年部门支出预算总表\n");
  /* Schedule 9 printed in 元 where the template has 万元: read per table. */
  replace_all (text, "单位：万元", "单位：元");
  replace_all (text, "| 7.40 | 0 | 1.00 | 6.40 | 0 | 6.40 | 0 |", "| 74,000 | 0 | 10,000 | 64,000 | 0 | 64,000 | 0 |");

  /* The form under another title (seed line 376). */
  replace_all (text, "\n财政项目支出绩效目标申报表\n", "\n项目支出绩效目标填报表\n");
  /* A cover without its title (seed line 5): the year is the schedules'. */
  replace_all (text, "闵行区2024年区级部门预算\n", "\n");

  doc = bd_import_published_text (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->year, ==, 2024);
  g_assert_cmpuint (doc->projects->len, ==, 1);
  s1 = bd_document_get_schedule (doc, 1);
  /* Schedule 1 (seed line 95): 1. 一般公共预算资金 17,722,077.40. */
  g_assert_cmpint (((BdRow *) g_ptr_array_index (s1->income, 1))->published[0], ==, Y (17722077, 40));
  /* Seed line 101: 八、卫生健康支出 871,850.00, printed under its old name. */
  g_assert_cmpint (bd_test_row (doc, 1, "210")->published[0], ==, Y (871850, 0));
  g_assert_cmpint (bd_document_get_schedule (doc, 2)->title_year, ==, 0);
  g_assert_true (g_str_has_prefix (bd_document_get_schedule (doc, 6)->note, "注:"));
  /* Schedule 9 (seed line 313): “三公”经费 7.40 万元, here printed as 74,000 元. */
  g_assert_cmpint (((BdRow *) g_ptr_array_index (bd_document_get_schedule (doc, 9)->rows, 0))->published[0], ==,
                   Y (74000, 0));
}

/* A document at odds with itself is read, and each disagreement is a
 * finding where it stands (issue 12): a 编制部门 unlike the document's, a
 * code printed twice, a 款 printed with one digit. */
static void
test_disagreements (void)
{
  g_autoptr(GString) text = bd_test_seed_string ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *row = "| 302 | 28 | 工会经费 | 137,610.40 | 0 | 137,610.40 |\n";
  char *schedule_3 = strstr (text->str, "2024年部门支出预算总表\n\n编制部门：上海市闵行区城市运行管理中心");
  gsize at;

  /* Schedule 3's 编制部门 without 管理 (seed line 146). */
  g_assert_nonnull (schedule_3);
  at = schedule_3 - text->str + strlen ("2024年部门支出预算总表\n\n编制部门：上海市闵行区城市运行");
  g_string_erase (text, at, strlen ("管理"));
  /* Schedule 8's 302 28 工会经费 printed again with other figures, and its
   * 301 01 基本工资 with the 款 as "1". */
  g_assert_cmpuint (g_string_replace (text, row, "| 302 | 28 | 工会经费 | 137,610.40 | 0 | 137,610.40 |\n"
                                                 "| 302 | 28 | 工会经费 | 1.00 | 0 | 1.00 |\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "| 301 | 01 |", "| 301 | 1 |", 1), ==, 1);

  doc = bd_import_published_text (text->str, text->len, &error);
  g_assert_no_error (error);
  /* The first 工会经费 stands (seed line 291): 137,610.40. */
  g_assert_cmpint (bd_test_row (doc, 8, "30228")->published[0], ==, Y (137610, 40));
  /* 301 1 is read as 301 01 基本工资. */
  g_assert_nonnull (bd_schedule_find_row (bd_document_get_schedule (doc, 8), "30101"));

  findings = bd_check_rule (doc, bd_rule_lookup ("as-printed"));
  g_assert_cmpuint (findings->len, ==, 3);
  g_assert_cmpint (((BdFinding *) g_ptr_array_index (findings, 0))->part, ==, BD_PART_SCHEDULE_3);
  g_assert_nonnull (strstr (((BdFinding *) g_ptr_array_index (findings, 0))->message, "上海市闵行区城市运行中心"));
  g_assert_cmpint (((BdFinding *) g_ptr_array_index (findings, 1))->part, ==, BD_PART_SCHEDULE_8);
  g_assert_nonnull (strstr (((BdFinding *) g_ptr_array_index (findings, 1))->message, "“1”, read as 01"));
  g_assert_cmpstr (((BdFinding *) g_ptr_array_index (findings, 2))->row, ==, "30228");
  g_assert_nonnull (strstr (((BdFinding *) g_ptr_array_index (findings, 2))->message, "other figures (1.00, 0.00, 1.00)"));

  /* Stored (file format 5), the notes come back: the document read from
   * its .budget says the same three things, and names line 268 (seed line
   * 268: | 301 | 01 | 基本工资, printed here | 301 | 1 |). */
  {
    g_autoptr(BdTestFile) file = bd_test_file_new ("bd-import-XXXXXX", "notes.budget");
    g_autoptr(BdStore) store = NULL;
    g_autoptr(BdDocument) stored = NULL;
    g_autoptr(GPtrArray) again = NULL;
    g_autofree char *source = NULL;

    stored = bd_test_save_and_open (doc, file->path, BD_STORE_OPEN_READ_ONLY, &store);
    again = bd_check_rule (stored, bd_rule_lookup ("as-printed"));
    g_assert_cmpuint (again->len, ==, findings->len);
    for (guint i = 0; i < again->len; i++)
      {
        BdFinding *a = g_ptr_array_index (findings, i), *b = g_ptr_array_index (again, i);
        g_assert_cmpint (a->part, ==, b->part);
        g_assert_cmpstr (a->row, ==, b->row);
        g_assert_cmpstr (a->message, ==, b->message);
      }
    source = bd_review_finding_source (stored, g_ptr_array_index (again, 1));
    g_assert_cmpstr (source, ==, "line 268");
    g_clear_object (&store);
  }
}

/* The seed with every line ending a lone CR (classic Mac) or CR LF reads as
 * the seed does (issue 17: a lone CR gave "no section titles"). */
static void
test_line_endings (void)
{
  g_autofree char *seed = bd_test_read_seed_text ();
  const char *endings[] = { "\r", "\r\n" };

  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      g_autoptr(GString) text = g_string_new (seed);
      g_autoptr(GError) error = NULL;
      g_autoptr(BdDocument) doc = NULL;

      g_string_replace (text, "\n", endings[e], 0);
      doc = bd_import_published_text (text->str, text->len, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (doc->department, ==, "上海市闵行区城市运行管理中心");
      /* Schedule 8, 302 28 工会经费: 137,610.40 (seed line 291). */
      g_assert_cmpint (bd_test_row (doc, 8, "30228")->values[0], ==, Y (137610, 40));
      g_assert_cmpuint (doc->projects->len, ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/header", test_header);
  g_test_add_func ("/import/schedule-1", test_schedule_1);
  g_test_add_func ("/import/schedules-2-3-5", test_schedules_2_3_5);
  g_test_add_func ("/import/schedule-4", test_schedule_4);
  g_test_add_func ("/import/empty-schedules", test_empty_schedules);
  g_test_add_func ("/import/schedule-8", test_schedule_8);
  g_test_add_func ("/import/schedule-9", test_schedule_9);
  g_test_add_func ("/import/narrative", test_narrative);
  g_test_add_func ("/import/other-and-employees", test_other_and_employees);
  g_test_add_func ("/import/form", test_form);
  g_test_add_func ("/import/refused", test_refused);
  g_test_add_func ("/import/line-endings", test_line_endings);
  g_test_add_func ("/import/family", test_family);
  g_test_add_func ("/import/disagreements", test_disagreements);

  return g_test_run ();
}
