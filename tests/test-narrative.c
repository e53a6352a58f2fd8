/* The narrative written from the numbers: for the seed, word for word the
 * published text (its list numbering 1. 1. 2. aside); figures follow the
 * schedules, the clerk's words stay. */

#include "bd-narrative.h"
#include "bd-test-util.h"

/* "1. …\n1. …\n2. …" → the lines without their numbers. */
static char *
without_numbers (const char *paragraph)
{
  g_autoptr(GRegex) number = g_regex_new ("^[0-9]+\\. ", G_REGEX_MULTILINE, 0, NULL);
  return g_regex_replace (number, paragraph, -1, 0, "", 0, NULL);
}

static void
assert_generated_as_published (BdDocument *doc,
                               const char *section_id)
{
  BdSection *section = bd_document_get_section (doc, section_id);
  g_auto(GStrv) generated = bd_narrative_generate (doc, section_id);

  g_assert_cmpuint (g_strv_length (generated), ==, section->paragraphs->len);
  for (guint i = 0; generated[i]; i++)
    {
      g_autofree char *published = without_numbers (g_ptr_array_index (section->paragraphs, i));
      g_autofree char *ours = without_numbers (generated[i]);
      g_assert_cmpstr (ours, ==, published);
    }
}

static void
test_seed (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_auto(GStrv) narrative = bd_narrative_generate (doc, "narrative");

  assert_generated_as_published (doc, "narrative");
  assert_generated_as_published (doc, "other");
  assert_generated_as_published (doc, "employees");
  /* Our list is numbered 1 to 6. */
  g_assert_true (g_str_has_prefix (narrative[4], "1. “事业单位离退休”科目12.15万元，"));
  g_assert_nonnull (strstr (narrative[4], "\n6. “住房公积金”科目44.80万元，"));
}

static void
test_follows_the_numbers (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  BdRow *medical = bd_schedule_find_row (bd_document_get_schedule (doc, 5), "2101102");
  g_auto(GStrv) narrative = NULL;
  g_auto(GStrv) other = NULL;

  /* 871,950.00 元 is 87.195 万元: half up, 87.20. The clerk's clause stays. */
  medical->values[1] = Y (871950, 0);
  bd_document_recompute (doc);
  narrative = bd_narrative_generate (doc, "narrative");
  g_assert_nonnull (strstr (narrative[4], "“事业单位医疗”科目87.20万元，主要用于单位职工医疗保险费的缴纳。"));
  g_assert_cmpstr (narrative[2], ==, "财政拨款收入支出减少的主要原因是减少政府投资项目。");

  /* Last year: the same, less, more. 3,137.99 万元 last year, 1,772.21 now. */
  g_assert_nonnull (strstr (narrative[0], "财政拨款收入1,772.21万元，比2023年预算减少1,365.78万元；"));
  bd_document_set_last_year (doc, "income.fiscal", Y (17722100, 0));
  g_strfreev (narrative);
  narrative = bd_narrative_generate (doc, "narrative");
  g_assert_nonnull (strstr (narrative[0], "财政拨款收入1,772.21万元，与2023年预算持平；"));
  bd_document_set_last_year (doc, "income.fiscal", Y (17000000, 0));
  g_strfreev (narrative);
  narrative = bd_narrative_generate (doc, "narrative");
  g_assert_nonnull (strstr (narrative[0], "财政拨款收入1,772.21万元，比2023年预算增加72.21万元；"));

  /* 三公 from schedule 9, against last year's 7.40. */
  ((BdRow *) g_ptr_array_index (bd_document_get_schedule (doc, 9)->rows, 0))->values[2] = Y (20000, 0);
  bd_document_recompute (doc);
  other = bd_narrative_generate (doc, "other");
  g_assert_cmpstr (other[1], ==, "2024年“三公”经费预算数为8.40万元，比2023年预算增加1.00万元。其中：");
  g_assert_cmpstr (other[4], ==, "（三）公务接待费2.00万元，比2023年预算增加1.00万元。");
}

/* Issue 12: a unit budget says 本单位 where a department says 本部门. The
 * seed's lines (data/minhang-cityops-2024.md, 其他相关情况说明: “2024年本部门
 * 政府采购预算2万元…”, “…本部门无机关运行经费。”) in the unit's word. */
static void
test_unit_words (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_auto(GStrv) other = NULL;

  bd_document_set_unit_budget (doc, TRUE);
  other = bd_narrative_generate (doc, "other");
  g_assert_cmpstr (other[6], ==, "2024年上海市闵行区城市运行管理中心本单位无机关运行经费。");
  g_assert_cmpstr (other[8], ==, "2024年本单位政府采购预算2万元，其中：政府采购货物预算1万元、"
                                 "政府采购工程预算0万元、政府采购服务预算1万元。");
  g_assert_cmpstr (other[9], ==, "2024年本单位面向中小企业预留政府采购项目预算金额0万元，其中，"
                                 "预留给小型和微型企业的政府采购项目预算为0万元。");
  for (guint i = 0; other[i]; i++)
    g_assert_null (strstr (other[i], "本部门"));
}

/* A unit budget's 编制说明 is titled 单位预算编制说明 and its 绩效目标设置情况
 * is the unit's own sentence, as shanghai-czj-2025-unit.pdf prints them
 * (pdftotext: page 6 “2025年单位预算编制说明”; page 21 “2025年度，本单位编报
 * 绩效目标的项目共12个，涉及项目预算资金4,222.51万元。”), the funds being the
 * formula's. */
static void
test_unit_words_real (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_real ("shanghai-czj-2025-unit.pdf");
  g_autoptr(BdDocument) fresh = NULL;
  g_auto(GStrv) other = NULL;
  guint found = 0;

  g_assert_true (doc->unit_budget);
  g_assert_cmpstr (bd_document_get_section (doc, "narrative")->title, ==, "2025年单位预算编制说明");
  other = bd_narrative_generate (doc, "other");
  for (guint i = 0; other[i]; i++)
    {
      g_assert_null (strstr (other[i], "本部门"));
      /* The words as printed; the funds follow schedule 3's 项目支出
       * (44,273,130 元, 4,427.31万元), of which the document's projects with
       * goals have 4,222.51万元, the clerk's figure. */
      found += strcmp (other[i], "2025年度，本单位编报绩效目标的项目共12个，涉及项目预算资金4,427.31万元。") == 0;
    }
  g_assert_cmpuint (found, ==, 1);

  /* A unit budget started afresh titles its 编制说明 the same way. */
  fresh = bd_document_new_empty (doc->department, doc->year);
  g_assert_cmpstr (bd_document_get_section (fresh, "narrative")->title, ==, "2025年部门预算编制说明");
  bd_document_set_unit_budget (fresh, TRUE);
  g_assert_cmpstr (bd_document_get_section (fresh, "narrative")->title, ==, "2025年单位预算编制说明");
  g_free (other[0]);
  other[0] = bd_document_part_title (fresh, BD_PART_NARRATIVE);
  g_assert_cmpstr (other[0], ==, "单位预算编制说明");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/narrative/seed", test_seed);
  g_test_add_func ("/narrative/follows-the-numbers", test_follows_the_numbers);
  g_test_add_func ("/narrative/unit-words", test_unit_words);
  g_test_add_func ("/narrative/unit-words-real", test_unit_words_real);
  return g_test_run ();
}
