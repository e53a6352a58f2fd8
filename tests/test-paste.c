/* bd_paste_plan: where the lines and cells of a pasted block go, on the seed
 * (data/minhang-cityops-2024.md). Schedule 3 rows: 208, 20805, 2080502,
 * 2080505, 2080506, 210, 21011, 2101102, 212, 21201, 2120199, 221, 22102,
 * 2210201, then 合计; columns 0 合计 (sum), 1 基本支出, 2 项目支出. No display. */

#include "bd-paste.h"
#include "bd-test-util.h"

static char *
plan (BdDocument  *doc,
      guint        schedule,
      guint        position,
      guint        column,
      const char  *text,
      char       **code,
      guint       *first,
      GError     **error)
{
  return bd_paste_plan (bd_document_get_schedule (doc, schedule), position, column, text, code, first, error);
}

/* A block pasted at a cell, and what the plan must make of it. */
typedef struct
{
  guint       schedule;
  guint       position;
  guint       column;
  const char *text;
  const char *code;   /* the first row's code */
  int         first;  /* the block's first column, or -1: not asserted */
  const char *block;  /* the figures, one line a row */
} PasteCase;

static const PasteCase paste_cases[] = {
  /* 款 and 项 with the 类 cell blank, as some published tables print them:
   * the 类 is the line above's. */
  { 3, 0, 0,
    "208\t\t\t社会保障和就业支出\t300\t300\t0\n"
    "\t05\t\t行政事业单位养老支出\t300\t300\t0\n"
    "\t\t02\t事业单位离退休\t100\t100\t0\n"
    "\t\t05\t机关事业单位基本养老保险缴费支出\t200\t200\t0\n",
    "2080502", 1, "100\t0\n200\t0\n" },
  /* A row the block skips keeps its figures: 2080505 between 2080502 and
   * 2080506 (996,397.00 and 0). */
  { 3, 5, 1, "2080502\t事业单位离退休\t1\t0\n2080506\t机关事业单位职业年金缴费支出\t3\t0\n",
    "2080502", 1, "1\t0\n996397.00\t0.00\n3\t0\n" },
  /* Schedule 1's rows by name and figure, as its published table has them:
   * the name is dropped, the figure lands on its row. */
  { 1, 0, 0, "一、一般公共服务支出\t5\n二、国防支出\t6\n", "201", -1, "5\n6\n" },
  /* Header lines and 合计 copied with the rows are passed over. */
  { 3, 0, 0,
    "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
    "类\t款\t项\t\t\t\t\n"
    "221\t02\t01\t住房公积金\t9\t9\t0\n"
    "合计\t\t\t\t9\t9\t0\n",
    "2210201", -1, "9\t0\n" },
};

static void
test_paste_case (gconstpointer data)
{
  const PasteCase *c = data;
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autofree char *code = NULL;
  g_autofree char *block = NULL;
  g_autoptr(GError) error = NULL;
  guint first = 99;

  block = plan (doc, c->schedule, c->position, c->column, c->text, &code, &first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, c->code);
  if (c->first >= 0)
    g_assert_cmpuint (first, ==, (guint) c->first);
  g_assert_cmpstr (block, ==, c->block);
}

/* A "-" is no name: read as zero where the money parser takes "-", else
 * refused at its cell; never dropped as a name, which would move 7 a column
 * left. */
static void
test_dash_not_a_name (void)
{
  g_autoptr(BdDocument) doc = bd_test_load_seed ();
  g_autofree char *code = NULL;
  g_autofree char *block = NULL;
  g_autoptr(GError) error = NULL;
  guint first = 99;

  block = plan (doc, 3, 2, 1, "-\t7\n", &code, &first, &error);
  if (block != NULL)
    g_assert_cmpstr (block, ==, "-\t7\n");
  else
    g_assert_nonnull (strstr (error->message, "column 1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/paste/inherited-codes", &paste_cases[0], test_paste_case);
  g_test_add_data_func ("/paste/rows-between-kept", &paste_cases[1], test_paste_case);
  g_test_add_data_func ("/paste/names-before-figures", &paste_cases[2], test_paste_case);
  g_test_add_data_func ("/paste/headers-and-totals-skipped", &paste_cases[3], test_paste_case);
  g_test_add_func ("/paste/dash-not-a-name", test_dash_not_a_name);
  return g_test_run ();
}
