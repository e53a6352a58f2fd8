/* bd-module.h: the readers that link large libraries, loaded on first use
 *
 * Reading a published PDF needs poppler (with libstdc++, NSS, lcms, ...),
 * reading a workbook libgsf, libxml2 (with ICU) and libfreexl: some thirty
 * libraries and ten thousand relocations that every start of the window
 * and of every command would pay for, though most never import. Each is a
 * module of its own (src/modules/), opened the first time it is needed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @symbol of module @name (libbudgetdesk-@name.so), the module opened and
 * kept the first time; NULL with @error naming the file when it is
 * missing or cannot be opened (an installation broken). */
gpointer bd_module_symbol (const char  *name,
                           const char  *symbol,
                           GError     **error);

G_END_DECLS
