/* The classification catalog: bundled codes, look-up, completion, user TSV. */

#include <gio/gio.h>

#include "bd-catalog.h"

static void
test_seed_codes (void)
{
  BdCatalog *catalog = bd_catalog_get_default ();
  static const char * const function[][2] = {
    { "208", "社会保障和就业支出" }, { "20805", "行政事业单位养老支出" },
    { "2080502", "事业单位离退休" }, { "2080505", "机关事业单位基本养老保险缴费支出" },
    { "2080506", "机关事业单位职业年金缴费支出" }, { "210", "卫生健康支出" },
    { "21011", "行政事业单位医疗" }, { "2101102", "事业单位医疗" }, { "212", "城乡社区支出" },
    { "21201", "城乡社区管理事务" }, { "2120199", "其他城乡社区管理事务支出" },
    { "221", "住房保障支出" }, { "22102", "住房改革支出" }, { "2210201", "住房公积金" },
    { "215", "资源勘探工业信息等支出" },
  };
  static const char * const economic[][2] = {
    { "301", "工资福利支出" }, { "30108", "机关事业单位基本养老保险缴费" }, { "30213", "维修（护）费" },
    { "30228", "工会经费" }, { "30231", "公务用车运行维护费" }, { "303", "对个人和家庭的补助" },
    { "31002", "办公设备购置" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (function); i++)
    {
      const BdCatalogEntry *entry = bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, function[i][0]);
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->name, ==, function[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (economic); i++)
    {
      const BdCatalogEntry *entry = bd_catalog_lookup (catalog, BD_CLASSIFICATION_ECONOMIC, economic[i][0]);
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->name, ==, economic[i][1]);
    }
  g_assert_null (bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, "2089999"));
}

static void
test_template (void)
{
  g_autoptr(GPtrArray) lei = bd_catalog_template_lei (bd_catalog_get_default ());
  static const char * const codes[] = {
    "201", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
    "214", "215", "216", "219", "220", "221", "222", "223", "224", "229", "232",
  };

  g_assert_cmpuint (lei->len, ==, 22);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpstr (((BdCatalogEntry *) g_ptr_array_index (lei, i))->code, ==, codes[i]);
  /* As the template prints it, not as the catalog names it. */
  g_assert_cmpstr (((BdCatalogEntry *) g_ptr_array_index (lei, 12))->name, ==, "资源勘探信息等支出");
}

static void
test_complete (void)
{
  BdCatalog *catalog = bd_catalog_get_default ();
  g_autoptr(GPtrArray) by_code = bd_catalog_complete (catalog, BD_CLASSIFICATION_FUNCTION, "20805", 0);
  g_autoptr(GPtrArray) by_name = bd_catalog_complete (catalog, BD_CLASSIFICATION_FUNCTION, "医疗", 0);
  g_autoptr(GPtrArray) limited = bd_catalog_complete (catalog, BD_CLASSIFICATION_FUNCTION, "2", 3);

  g_assert_cmpuint (by_code->len, >=, 4);
  g_assert_cmpstr (((BdCatalogEntry *) g_ptr_array_index (by_code, 0))->code, ==, "20805");
  for (guint i = 0; i < by_code->len; i++)
    g_assert_true (g_str_has_prefix (((BdCatalogEntry *) g_ptr_array_index (by_code, i))->code, "20805"));

  g_assert_cmpuint (by_name->len, >=, 2);
  for (guint i = 0; i < by_name->len; i++)
    g_assert_nonnull (strstr (((BdCatalogEntry *) g_ptr_array_index (by_name, i))->name, "医疗"));
  g_assert_cmpuint (limited->len, ==, 3);
  g_assert_cmpstr (((BdCatalogEntry *) g_ptr_array_index (limited, 0))->code, ==, "201");
}

static void
test_user_tsv (void)
{
  g_autoptr(BdCatalog) catalog = bd_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char good[] = "# local codes\n2129901\t城运平台维护\t2024\n21299\t其他城乡社区支出\n";
  const char bad[] = "2129902\t新增科目\n12ab\t坏代码\n";
  const BdCatalogEntry *entry;

  g_assert_true (bd_catalog_load_tsv (catalog, BD_CLASSIFICATION_FUNCTION, good, sizeof good - 1, &error));
  g_assert_no_error (error);
  entry = bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, "2129901");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "城运平台维护");
  g_assert_cmpint (entry->first_year, ==, 2024);
  g_assert_cmpuint (bd_catalog_count (catalog, BD_CLASSIFICATION_FUNCTION), ==, 2);

  /* A bad line refuses the whole file, naming the line; nothing is added. */
  g_assert_false (bd_catalog_load_tsv (catalog, BD_CLASSIFICATION_FUNCTION, bad, sizeof bad - 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_null (bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, "2129902"));
  g_assert_cmpuint (bd_catalog_count (catalog, BD_CLASSIFICATION_FUNCTION), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/seed-codes", test_seed_codes);
  g_test_add_func ("/catalog/template", test_template);
  g_test_add_func ("/catalog/complete", test_complete);
  g_test_add_func ("/catalog/user-tsv", test_user_tsv);

  return g_test_run ();
}
