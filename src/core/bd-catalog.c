#include <errno.h>
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
  int            edition;
};

G_DEFINE_FINAL_TYPE (BdCatalog, bd_catalog, G_TYPE_OBJECT)

static void
entry_free (BdCatalogEntry *entry)
{
  for (guint i = 0; i < entry->n_earlier; i++)
    g_free (entry->earlier[i].name);
  g_free (entry->earlier);
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

/* "医疗卫生与计划生育支出/2018;…" */
static gboolean
parse_earlier (BdCatalogEntry *entry,
               const char     *text)
{
  g_auto(GStrv) names = g_strsplit (text, ";", -1);

  entry->earlier = g_new0 (BdCatalogName, g_strv_length (names));
  for (guint i = 0; names[i]; i++)
    {
      char *slash = strrchr (g_strstrip (names[i]), '/');
      guint64 year;

      if (slash == NULL || slash == names[i]
          || !g_ascii_string_to_unsigned (slash + 1, 10, 1900, 2999, &year, NULL))
        return FALSE;
      entry->earlier[entry->n_earlier].name = g_strndup (names[i], slash - names[i]);
      entry->earlier[entry->n_earlier++].last_year = (int) year;
    }
  return TRUE;
}

static int
parse_edition (const char *line)
{
  guint64 year;

  if (!g_str_has_prefix (line, "# edition:"))
    return 0;
  line += strlen ("# edition:");
  while (*line == ' ')
    line++;
  return g_ascii_string_to_unsigned (line, 10, 1900, 2999, &year, NULL) ? (int) year : 0;
}

/* Parses every line before anything is added, so a bad file changes nothing. */
static GPtrArray *
parse_tsv (BdClassification   classification,
           const char        *text,
           gsize              length,
           int               *edition,
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

      if (*line == '#' && edition != NULL && parse_edition (line) != 0)
        *edition = parse_edition (line);
      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", 4);
      entry = g_new0 (BdCatalogEntry, 1);
      if (g_strv_length (fields) < 2 || !valid_code (classification, g_strstrip (fields[0]))
          || *g_strstrip (fields[1]) == '\0'
          || (fields[2] && *g_strstrip (fields[2]) && !g_ascii_string_to_unsigned (fields[2], 10, 1900, 2999, NULL, NULL))
          || (fields[2] && fields[3] && *g_strstrip (fields[3]) && !parse_earlier (entry, fields[3])))
        {
          entry_free (entry);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of the catalog: expected a code of %s digits, a tab, its name, "
                         "and optionally a tab and the first year it is valid"),
                       i + 1, classification == BD_CLASSIFICATION_ECONOMIC ? "3 or 5" : "3, 5 or 7");
          return NULL;
        }
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
  Classification *c;
  int edition = 0;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (BD_IS_CATALOG (self), FALSE);

  c = &self->classifications[classification];
  entries = parse_tsv (classification, text, length, &edition, error);

  if (entries == NULL)
    return FALSE;
  if (edition != 0)
    self->edition = edition;
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

  g_return_val_if_fail (BD_IS_CATALOG (self), FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return bd_catalog_load_tsv (self, classification, contents, length, error);
}

static const char * const user_files[] = { "function.tsv", "economic.tsv" };

char *
bd_catalog_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "budgetdesk", "catalogs", NULL);
}

/* What a clerk imported wins over the bundled list; a damaged file is left
 * aside, the bundled list still holds. */
static void
load_user_lists (BdCatalog *self)
{
  g_autofree char *dir = bd_catalog_user_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (user_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, user_files[i], NULL);
      g_autoptr(GError) error = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS) && !bd_catalog_load_file (self, i, path, &error))
        g_warning ("%s: %s", path, error->message);
    }
}

void
bd_catalog_add_user_lists (BdCatalog *self)
{
  g_autofree char *dir = bd_catalog_user_dir ();

  g_return_if_fail (BD_IS_CATALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (user_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, user_files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL)
          || (entries = parse_tsv (i, contents, length, NULL, NULL)) == NULL)
        continue;
      /* Entries already handed out stay as they are (completion lists hold
       * them); only codes new to the catalog are added. */
      for (guint e = 0; e < entries->len; e++)
        {
          BdCatalogEntry *entry = g_ptr_array_index (entries, e);

          if (g_hash_table_contains (self->classifications[i].by_code, entry->code))
            continue;
          g_hash_table_insert (self->classifications[i].by_code, entry->code, g_ptr_array_steal_index (entries, e));
          e--;
          self->classifications[i].stale = TRUE;
        }
    }
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
                       g_bytes_get_size (template), NULL, NULL);
      g_assert (lei != NULL);
      g_ptr_array_extend_and_steal (self->template_lei, g_steal_pointer (&lei));
      load_user_lists (self);

      g_once_init_leave (&catalog, self);
    }
  return catalog;
}

const BdCatalogEntry *
bd_catalog_lookup (BdCatalog        *self,
                   BdClassification  classification,
                   const char       *code)
{
  g_return_val_if_fail (BD_IS_CATALOG (self), NULL);

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
  GPtrArray *sorted;
  GPtrArray *results;

  g_return_val_if_fail (BD_IS_CATALOG (self), NULL);

  sorted = sorted_entries (&self->classifications[classification]);
  results = g_ptr_array_new ();

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
  g_return_val_if_fail (BD_IS_CATALOG (self), 0);

  return g_hash_table_size (self->classifications[classification].by_code);
}

GPtrArray *
bd_catalog_template_lei (BdCatalog *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (BD_IS_CATALOG (self), NULL);

  copy = g_ptr_array_new ();

  for (guint i = 0; i < self->template_lei->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (self->template_lei, i));
  return copy;
}

int
bd_catalog_get_edition (BdCatalog *self)
{
  g_return_val_if_fail (BD_IS_CATALOG (self), 0);
  return self->edition;
}

static char *
plain_name (const char *name)
{
  static const struct { const char *from; const char *to; } same[] = {
    { "(", "（" }, { ")", "）" }, { " ", "" }, { "\u3000", "" },
    /* 其它 and 其他 are one word written two ways (putuo-czj-2025 writes 其它行政事业单位养老支出). */
    { "其它", "其他" },
  };
  GString *out = g_string_new (name);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_string_replace (out, same[i].from, same[i].to, 0);
  return g_string_free (out, FALSE);
}

gboolean
bd_catalog_same_name (const char *a,
                      const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  x = plain_name (a);
  y = plain_name (b);
  return strcmp (x, y) == 0;
}

const BdCatalogEntry *
bd_catalog_find_child (BdCatalog        *self,
                       BdClassification  classification,
                       const char       *parent,
                       const char       *name)
{
  GPtrArray *sorted;
  gsize length;

  g_return_val_if_fail (BD_IS_CATALOG (self), NULL);

  sorted = sorted_entries (&self->classifications[classification]);
  length = strlen (parent);

  for (guint i = 0; i < sorted->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (sorted, i);

      if (strlen (entry->code) == length + 2 && strncmp (entry->code, parent, length) == 0
          && bd_catalog_same_name (entry->name, name))
        return entry;
    }
  return NULL;
}

/* One line of a CSV or TSV a clerk brings: code, name, first year. */
static gboolean
split_import_line (const char  *line,
                   gboolean     csv,
                   GString     *function,
                   GString     *economic)
{
  g_auto(GStrv) fields = g_strsplit (line, csv ? "," : "\t", 3);
  GString *out;

  if (g_strv_length (fields) < 2)
    return FALSE;
  for (guint f = 0; fields[f]; f++)
    {
      char *field = g_strstrip (fields[f]);
      gsize n = strlen (field);

      /* A spreadsheet quotes what it exports. */
      if (n >= 2 && field[0] == '"' && field[n - 1] == '"')
        {
          memmove (field, field + 1, n - 2);
          field[n - 2] = '\0';
        }
    }
  out = fields[0][0] == '3' ? economic : function;
  g_string_append_printf (out, "%s\t%s\t%s\n", fields[0], fields[1], fields[2] ? fields[2] : "");
  return TRUE;
}

static gboolean
merge_user_list (const char   *dir,
                 guint         classification,
                 GString      *added,
                 GError      **error)
{
  g_autofree char *path = g_build_filename (dir, user_files[classification], NULL);
  g_autofree char *old = NULL;
  g_autofree char *merged = NULL;

  if (added->len == 0)
    return TRUE;
  if (!g_file_get_contents (path, &old, NULL, NULL))
    old = g_strdup ("# Codes imported with budgetdesk-cli catalog import; later lines win.\n");
  merged = g_strconcat (old, added->str, NULL);
  return g_file_set_contents (path, merged, -1, error);
}

gboolean
bd_catalog_import_file (const char  *path,
                        const char  *into,
                        guint       *n_codes,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = into ? g_strdup (into) : bd_catalog_user_dir ();
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) function = g_string_new (NULL);
  g_autoptr(GString) economic = g_string_new (NULL);
  GString *lists[2] = { function, economic };
  gboolean csv = g_str_has_suffix (path, ".csv");
  guint count = 0;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* A header row (科目编码,科目名称) and comments are not codes. */
      if (*line == '\0' || *line == '#' || !g_ascii_isdigit (*line))
        continue;
      if (!split_import_line (line, csv, lists[BD_CLASSIFICATION_FUNCTION], lists[BD_CLASSIFICATION_ECONOMIC]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u of %s: expected a code and its name"), i + 1, path);
          return FALSE;
        }
      count++;
    }
  /* Checked whole, the way the catalog will read them, before anything is written. */
  for (guint c = 0; c < G_N_ELEMENTS (lists); c++)
    {
      g_autoptr(GPtrArray) entries = parse_tsv (c, lists[c]->str, lists[c]->len, NULL, error);
      if (entries == NULL)
        return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (lists); c++)
    if (!merge_user_list (dir, c, lists[c], error))
      return FALSE;
  if (n_codes != NULL)
    *n_codes = count;
  return TRUE;
}
