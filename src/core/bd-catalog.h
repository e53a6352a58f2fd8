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
  char *code;
  char *name;
  int   first_year;   /* first budget year the code is valid in; 0 when unknown */
} BdCatalogEntry;

#define BD_TYPE_CATALOG (bd_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BdCatalog, bd_catalog, BD, CATALOG, GObject)

/* The bundled catalog, loaded once; shared, do not unref. */
BdCatalog            *bd_catalog_get_default   (void);
BdCatalog            *bd_catalog_new           (void);

/* Loads "code<TAB>name<TAB>first year" lines; '#' starts a comment. A code
 * already present takes the new name. Fails without change on a bad line. */
gboolean              bd_catalog_load_tsv      (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *text,
                                                gsize             length,
                                                GError          **error);
gboolean              bd_catalog_load_file     (BdCatalog        *self,
                                                BdClassification  classification,
                                                const char       *path,
                                                GError          **error);

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
