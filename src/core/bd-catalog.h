/* bd-catalog.h: the national classification codes and their names
 *
 * Function codes (支出功能分类科目, 类 3 digits / 款 5 / 项 7) and economic codes
 * (部门预算支出经济分类科目, 类 3 / 款 5) live as TSV in data/ and are bundled
 * with GResource; a clerk can load further codes from a TSV of their own.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  BD_CLASSIFICATION_FUNCTION,
  BD_CLASSIFICATION_ECONOMIC,
} BdClassification;

typedef struct {
  char *name;
  int   last_year;    /* the last budget year it was used in */
} BdCatalogName;

typedef struct {
  char          *code;
  char          *name;
  int            first_year;   /* first budget year the code is valid in; 0 when unknown */
  BdCatalogName *earlier;      /* names it had before, or NULL */
  guint          n_earlier;
} BdCatalogEntry;

#define BD_TYPE_CATALOG (bd_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BdCatalog, bd_catalog, BD, CATALOG, GObject)

/* The bundled catalog, loaded once; shared, do not unref. */
BdCatalog            *bd_catalog_get_default   (void);
BdCatalog            *bd_catalog_new           (void);

/* Loads "code<TAB>name<TAB>first year<TAB>earlier names" lines (the last
 * two optional; earlier names ';'-separated, each NAME/LAST-YEAR); '#' starts
 * a comment, and "# edition: YYYY" names the year of the list. A code already
 * present takes the new name. Fails without change on a bad line. */
gboolean              bd_catalog_load_tsv      (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *text,
                                                gsize             length,
                                                GError          **error);
gboolean              bd_catalog_load_file     (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *path,
                                                GError          **error);

/* The year of the classification loaded last ("# edition: 2024"); 0 when none says. */
int                   bd_catalog_get_edition   (BdCatalog        *self);

/* Whether two names are the same once the width of brackets, spaces and
 * 其它/其他 are set aside (维修(护)费 and 维修（护）费 are printed both ways). */
gboolean              bd_catalog_same_name     (const char       *a,
                                                const char       *b);

/* The entry among the codes directly under @parent (a 类 or 款 code) named
 * @name, or NULL. */
const BdCatalogEntry *bd_catalog_find_child    (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *parent,
                                                const char       *name);

/* The folder where catalogs a clerk imported are kept, beside the
 * documents' own data ($XDG_DATA_HOME/budgetdesk/catalogs). */
char                 *bd_catalog_user_dir      (void);
/* Reads a list of codes (TSV as above, or CSV: code,name[,first year]),
 * function and economic codes mixed (told apart by their first digit), and
 * adds it to the lists kept in @dir (NULL: bd_catalog_user_dir(), which
 * the default catalog loads after the bundled ones). Writes nothing when a
 * line is bad. @n_codes: how many codes it held. */
gboolean              bd_catalog_import_file   (const char       *path,
                                                const char       *dir,
                                                guint            *n_codes,
                                                GError          **error);

/* Adds to @self the codes of the lists imported since it was loaded
 * (bd_catalog_import_file) that it does not have yet; a new name for a code
 * it has applies from the next start. */
void                  bd_catalog_add_user_lists (BdCatalog       *self);

const BdCatalogEntry *bd_catalog_lookup        (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *code);
/* Entries whose code starts with @prefix or whose name contains @prefix,
 * in code order, at most @max_results (0: no limit). Element type: const BdCatalogEntry*. */
GPtrArray            *bd_catalog_complete      (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *prefix,
                                                guint             max_results);
guint                 bd_catalog_count         (BdCatalog        *self,
                                                BdClassification  classification);

/* The function 类 printed on schedules 1 and 4, in template order (the 22 of
 * the Shanghai template). Element type: const BdCatalogEntry* with the
 * printed name. */
GPtrArray            *bd_catalog_template_lei  (BdCatalog        *self);

G_END_DECLS
