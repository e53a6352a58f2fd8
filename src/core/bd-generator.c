#include "bd-catalog.h"
#include "bd-generator.h"

static void
fill_balance (BdSchedule *balance,
              BdSchedule *source,
              guint       column,
              gint64      total)
{
  for (guint i = 0; i < balance->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (balance->rows, i);
      BdRow *lei = bd_schedule_find_row (source, row->code);
      row->values[column] = lei ? lei->values[0] : 0;
    }
  for (guint i = 0; i < balance->income->len; i++)
    {
      BdRow *item = g_ptr_array_index (balance->income, i);
      if (strcmp (item->code, "general") == 0)
        item->values[0] = total;
    }
}

/* Rounds up to a whole hundredth of 万元, as schedule 9 may be larger but never smaller. */
static gint64
wan_ceiling (gint64 fen)
{
  return (fen + 9999) / 10000 * 10000;
}

typedef struct {
  char  *code;
  char  *name;
  gint64 basic;
  gint64 project;
} Drawn;

static void
drawn_clear (Drawn *drawn)
{
  g_free (drawn->code);
  g_free (drawn->name);
}

static int
compare_drawn (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Drawn *) a)->code, ((const Drawn *) b)->code);
}

/* @n_codes 项 of schedules 2, 3 and 5: codes of the template's 类
 * (synthetic where the catalog has none), 基本支出 and 项目支出 drawn from
 * @rand in this order, so that a seed always gives the same document. */
static GArray *
draw_function_rows (BdDocument *doc,
                    GRand      *rand,
                    guint       n_codes)
{
  BdCatalog *catalog = bd_catalog_get_default ();
  g_autoptr(GPtrArray) template = bd_catalog_template_lei (catalog);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (Drawn), n_codes);

  g_array_set_clear_func (rows, (GDestroyNotify) drawn_clear);
  for (guint i = 0; i < n_codes; i++)
    {
      const BdCatalogEntry *lei = g_ptr_array_index (template, i % template->len);
      guint slot = i / template->len;
      char *code = g_strdup_printf ("%s%02u%02u", lei->code, slot / 99 + 1, slot % 99 + 1);
      const BdCatalogEntry *known = bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, code);
      char *name = known ? g_strdup (known->name) : g_strdup_printf ("合成科目%u", i + 1);
      gint64 basic = g_rand_int_range (rand, 0, 2000000) * G_GINT64_CONSTANT (100) + g_rand_int_range (rand, 0, 100);
      gint64 project = g_rand_int_range (rand, 0, 1000000) * G_GINT64_CONSTANT (100);
      Drawn drawn = { code, name, basic, project };

      if (known == NULL)
        {
          g_autofree char *kuan = g_strndup (code, 5);
          g_autofree char *kuan_name = g_strdup_printf ("合成款%s", kuan + 3);

          /* Synthetic codes travel with the document, as a clerk's own codes do. */
          bd_document_add_extra_code (doc, BD_CLASSIFICATION_FUNCTION, code, name);
          if (bd_catalog_lookup (catalog, BD_CLASSIFICATION_FUNCTION, kuan) == NULL)
            bd_document_add_extra_code (doc, BD_CLASSIFICATION_FUNCTION, kuan, kuan_name);
        }
      g_array_append_val (rows, drawn);
    }
  return rows;
}

/* Schedules 2, 3 and 5 by 项: @n_rows over the three. The codes are drawn
 * round the template's 类, out of code order; inserted so, each went into
 * the middle of rows kept in code order, and 100,000 rows took minutes
 * (issue 17). Sorted first, each lands after the last: linear. */
static void
add_function_rows (BdDocument *doc,
                   GRand      *rand,
                   guint       n_rows)
{
  g_autoptr(GArray) drawn = draw_function_rows (doc, rand, MAX (1, n_rows / 3));
  BdSchedule *s2 = bd_document_get_schedule (doc, 2);
  BdSchedule *s3 = bd_document_get_schedule (doc, 3);
  BdSchedule *s5 = bd_document_get_schedule (doc, 5);

  g_array_sort (drawn, compare_drawn);
  for (guint i = 0; i < drawn->len; i++)
    {
      const Drawn *d = &g_array_index (drawn, Drawn, i);
      BdRow *row;

      row = bd_schedule_insert_leaf (s2, d->code, d->name);
      row->values[1] = d->basic + d->project;
      row = bd_schedule_insert_leaf (s3, d->code, d->name);
      row->values[1] = d->basic, row->values[2] = d->project;
      row = bd_schedule_insert_leaf (s5, d->code, d->name);
      row->values[1] = d->basic, row->values[2] = d->project;
    }
}

/* The 款 rows insert_leaf added above synthetic codes take the document's names. */
static void
name_synthetic_rows (BdDocument *doc)
{
  for (guint n = 0; n < 3; n++)
    {
      BdSchedule *s = bd_document_get_schedule (doc, n == 0 ? 2 : n == 1 ? 3 : 5);
      for (guint i = 0; i < s->rows->len; i++)
        {
          BdRow *row = g_ptr_array_index (s->rows, i);
          const char *name = bd_document_lookup_code (doc, BD_CLASSIFICATION_FUNCTION, row->code);
          if (*row->name == '\0' && name != NULL)
            {
              g_free (row->name);
              row->name = g_strdup (name);
            }
        }
    }
}

/* Schedule 8 splits schedule 5's 基本支出 over the economic 款. */
static void
fill_economic (BdDocument *doc)
{
  g_autoptr(GPtrArray) economic = bd_catalog_complete (bd_catalog_get_default (), BD_CLASSIFICATION_ECONOMIC, "3", 0);
  g_autoptr(GPtrArray) economic_leaves = g_ptr_array_new ();
  BdSchedule *s8 = bd_document_get_schedule (doc, 8);
  gint64 basic_total, share, assigned = 0;

  for (guint i = 0; i < economic->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (economic, i);
      if (strlen (entry->code) == 5)
        g_ptr_array_add (economic_leaves, (gpointer) entry);
    }
  basic_total = bd_document_get_schedule (doc, 5)->total->values[1];
  share = basic_total / MAX (1, economic_leaves->len);
  for (guint i = 0; i < economic_leaves->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (economic_leaves, i);
      BdRow *row = bd_schedule_insert_leaf (s8, entry->code, entry->name);
      gint64 amount = i + 1 == economic_leaves->len ? basic_total - assigned : share;

      row->values[g_str_has_prefix (entry->code, "301") || g_str_has_prefix (entry->code, "303") ? 1 : 2] = amount;
      assigned += amount;
    }
  bd_schedule_recompute (s8);
}

/* Schedule 9 from schedule 8's lines for the same costs, rounded up. */
static void
fill_sangong (BdDocument *doc)
{
  const struct { guint column; const char *code; } lines[] = {
    { 1, "30212" }, { 2, "30217" }, { 4, "31013" }, { 5, "30231" },
  };
  BdSchedule *s8 = bd_document_get_schedule (doc, 8);
  BdRow *s9 = g_ptr_array_index (bd_document_get_schedule (doc, 9)->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      BdRow *line = bd_schedule_find_row (s8, lines[i].code);
      s9->values[lines[i].column] = line ? wan_ceiling (line->values[0]) : 0;
    }
}

BdDocument *
bd_generate_document (guint   n_rows,
                      guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BdDocument *doc = bd_document_new_fixed ("合成测试单位", 2024);
  BdSchedule *s2 = bd_document_get_schedule (doc, 2);
  BdSchedule *s5 = bd_document_get_schedule (doc, 5);

  add_function_rows (doc, rand, n_rows);
  name_synthetic_rows (doc);
  bd_document_recompute (doc);
  fill_economic (doc);
  fill_sangong (doc);
  fill_balance (bd_document_get_schedule (doc, 1), s2, 0, s2->total->values[0]);
  fill_balance (bd_document_get_schedule (doc, 4), s5, 1, s5->total->values[0]);
  for (guint number = 6; number <= 7; number++)
    {
      BdSchedule *empty = bd_document_get_schedule (doc, number);
      empty->note = bd_schedule_def_empty_note (empty->def, doc->year);
    }

  bd_document_recompute (doc);
  return doc;
}
