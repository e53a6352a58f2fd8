#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "bd-catalog.h"
#include "bd-core-resources.h"

#define RESOURCE_PREFIX "/cn/budgetdesk/BudgetDesk/catalog/"

typedef struct {
  GHashTable *by_code;   /* code → BdCatalogEntry* (owned) */
  GPtrArray  *sorted;    /* BdCatalogEntry*, by code; rebuilt when stale */
  gboolean    stale;
} Classification;

struct _BdCatalog
{
  GObject        parent_instance;

  Classification classifications[2];
  GPtrArray     *template_lei;   /* BdCatalogEntry* (owned), with the printed names */
};

G_DEFINE_FINAL_TYPE (BdCatalog, bd_catalog, G_TYPE_OBJECT)

static void
entry_free (BdCatalogEntry *entry)
{
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry);
}

static void
bd_catalog_finalize (GObject *object)
{
  BdCatalog *self = (BdCatalog *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->classifications); i++)
    {
      g_hash_table_unref (self->classifications[i].by_code);
      g_ptr_array_unref (self->classifications[i].sorted);
    }
  g_ptr_array_unref (self->template_lei);
  G_OBJECT_CLASS (bd_catalog_parent_class)->finalize (object);
}

static void
bd_catalog_class_init (BdCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_catalog_finalize;
}

static void
bd_catalog_init (BdCatalog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->classifications); i++)
    {
      self->classifications[i].by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                (GDestroyNotify) entry_free);
      self->classifications[i].sorted = g_ptr_array_new ();
    }
  self->template_lei = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

BdCatalog *
bd_catalog_new (void)
{
  return g_object_new (BD_TYPE_CATALOG, NULL);
}

static gboolean
valid_code (BdClassification  classification,
            const char       *code)
{
  gsize length = strlen (code);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  if (classification == BD_CLASSIFICATION_ECONOMIC)
    return length == 3 || length == 5;
  return length == 3 || length == 5 || length == 7;
}

/* Parses every line before anything is added, so a bad file changes nothing. */
static GPtrArray *
parse_tsv (BdClassification   classification,
           const char        *text,
           gsize              length,
           GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = NULL;

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The catalog is not UTF-8 text."));
      return NULL;
    }
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      BdCatalogEntry *entry;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", 3);
      if (g_strv_length (fields) < 2 || !valid_code (classification, g_strstrip (fields[0]))
          || *g_strstrip (fields[1]) == '\0'
          || (fields[2] && *g_strstrip (fields[2]) && !g_ascii_string_to_unsigned (fields[2], 10, 1900, 2999, NULL, NULL)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of the catalog: expected a code of %s digits, a tab, its name, "
                         "and optionally a tab and the first year it is valid"),
                       i + 1, classification == BD_CLASSIFICATION_ECONOMIC ? "3 or 5" : "3, 5 or 7");
          return NULL;
        }
      entry = g_new0 (BdCatalogEntry, 1);
      entry->code = g_strdup (fields[0]);
      entry->name = g_strdup (fields[1]);
      entry->first_year = fields[2] && *fields[2] ? atoi (fields[2]) : 0;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

gboolean
bd_catalog_load_tsv (BdCatalog         *self,
                     BdClassification   classification,
                     const char        *text,
                     gsize              length,
                     GError           **error)
{
  Classification *c = &self->classifications[classification];
  g_autoptr(GPtrArray) entries = parse_tsv (classification, text, length, error);

  if (entries == NULL)
    return FALSE;
  /* Ownership moves to the table, keyed by the entry's own code. */
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      BdCatalogEntry *entry = g_ptr_array_index (entries, i);
      g_hash_table_replace (c->by_code, entry->code, entry);
    }
  c->stale = TRUE;
  return TRUE;
}

gboolean
bd_catalog_load_file (BdCatalog         *self,
                      BdClassification   classification,
                      const char        *path,
                      GError           **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return bd_catalog_load_tsv (self, classification, contents, length, error);
}

static GBytes *
bundled (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return bytes;
}

BdCatalog *
bd_catalog_get_default (void)
{
  static BdCatalog *catalog = NULL;

  if (g_once_init_enter (&catalog))
    {
      BdCatalog *self = bd_catalog_new ();
      g_autoptr(GBytes) function = NULL;
      g_autoptr(GBytes) economic = NULL;
      g_autoptr(GBytes) template = NULL;
      g_autoptr(GPtrArray) lei = NULL;

      bd_core_register_resource ();
      function = bundled ("function.tsv");
      economic = bundled ("economic.tsv");
      template = bundled ("template-lei.tsv");

      bd_catalog_load_tsv (self, BD_CLASSIFICATION_FUNCTION, g_bytes_get_data (function, NULL),
                           g_bytes_get_size (function), NULL);
      bd_catalog_load_tsv (self, BD_CLASSIFICATION_ECONOMIC, g_bytes_get_data (economic, NULL),
                           g_bytes_get_size (economic), NULL);
      lei = parse_tsv (BD_CLASSIFICATION_FUNCTION, g_bytes_get_data (template, NULL),
                       g_bytes_get_size (template), NULL);
      g_assert (lei != NULL);
      g_ptr_array_extend_and_steal (self->template_lei, g_steal_pointer (&lei));

      g_once_init_leave (&catalog, self);
    }
  return catalog;
}

const BdCatalogEntry *
bd_catalog_lookup (BdCatalog        *self,
                   BdClassification  classification,
                   const char       *code)
{
  return g_hash_table_lookup (self->classifications[classification].by_code, code);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(const BdCatalogEntry **) a)->code, (*(const BdCatalogEntry **) b)->code);
}

static GPtrArray *
sorted_entries (Classification *c)
{
  if (c->stale)
    {
      GHashTableIter iter;
      gpointer value;

      g_ptr_array_set_size (c->sorted, 0);
      g_hash_table_iter_init (&iter, c->by_code);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (c->sorted, value);
      g_ptr_array_sort (c->sorted, compare_entries);
      c->stale = FALSE;
    }
  return c->sorted;
}

GPtrArray *
bd_catalog_complete (BdCatalog        *self,
                     BdClassification  classification,
                     const char       *prefix,
                     guint             max_results)
{
  GPtrArray *sorted = sorted_entries (&self->classifications[classification]);
  GPtrArray *results = g_ptr_array_new ();

  for (guint i = 0; i < sorted->len && (max_results == 0 || results->len < max_results); i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (sorted, i);
      if (g_str_has_prefix (entry->code, prefix) || strstr (entry->name, prefix) != NULL)
        g_ptr_array_add (results, (gpointer) entry);
    }
  return results;
}

guint
bd_catalog_count (BdCatalog        *self,
                  BdClassification  classification)
{
  return g_hash_table_size (self->classifications[classification].by_code);
}

GPtrArray *
bd_catalog_template_lei (BdCatalog *self)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; i < self->template_lei->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (self->template_lei, i));
  return copy;
}
