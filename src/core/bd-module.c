#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gmodule.h>

#include "bd-module.h"

/* Where module @file is: in BUDGETDESK_MODULEDIR when that is set; else,
 * for a program run from its build folder (build/src/cli/budgetdesk-cli,
 * build/src/app/budgetdesk), in the build's src/modules/ beside the
 * program's folder, before any installed copy: the xlsx module calls the
 * program's own functions, which another version's build may not have as
 * it expects them; else where it is installed. */
static char *
module_path (const char *file)
{
  const char *dir = g_getenv ("BUDGETDESK_MODULEDIR");
  g_autofree char *program = NULL;

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, file, NULL);
  program = g_file_read_link ("/proc/self/exe", NULL);
  if (program != NULL)
    {
      g_autofree char *program_dir = g_path_get_dirname (program);
      g_autofree char *built = g_build_filename (program_dir, "..", "modules", file, NULL);

      if (g_file_test (built, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&built);
    }
  return g_build_filename (BD_MODULEDIR, file, NULL);
}

static GModule *
open_module (const char  *name,
             GError     **error)
{
  g_autofree char *file = g_strdup_printf ("libbudgetdesk-%s.so", name);
  g_autofree char *path = module_path (file);
  /* Lazy: of the module's libraries only what a reading calls is bound. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("BudgetDesk is not installed whole: its part “%s” cannot be opened (%s)"),
                   path, g_module_error ());
      return NULL;
    }
  /* Kept for the process's life: what it read (its strings, its error
   * quarks) outlives the call, and opening it again costs nothing saved. */
  g_module_make_resident (module);
  return module;
}

gpointer
bd_module_symbol (const char  *name,
                  const char  *symbol,
                  GError     **error)
{
  static GMutex lock;
  static GHashTable *opened;   /* name → GModule* */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  GModule *module;
  gpointer address = NULL;

  g_return_val_if_fail (name != NULL && symbol != NULL, NULL);

  if (opened == NULL)
    opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  module = g_hash_table_lookup (opened, name);
  if (module == NULL)
    {
      if ((module = open_module (name, error)) == NULL)
        return NULL;
      g_hash_table_insert (opened, g_strdup (name), module);
    }
  if (!g_module_symbol (module, symbol, &address) || address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("BudgetDesk is not installed whole: its part “%s” lacks “%s”"), g_module_name (module), symbol);
      return NULL;
    }
  return address;
}
