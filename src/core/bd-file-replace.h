/* bd-file-replace.h: an exported file is written beside the one it
 * replaces, under a hidden name, and renamed over it only once whole: a
 * failure half way leaves the old file, or none, never half a file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the hidden file beside @path and returns its descriptor, open for
 * writing, and its name in @temporary; -1 with @error set when it cannot. */
int      bd_file_replace_begin  (const char  *path,
                                 char       **temporary,
                                 GError     **error);
/* bd_file_replace_begin() refuses (FALSE, @error naming @path) when @path
 * is a BudgetDesk document (links followed): only the store replaces one,
 * through bd_file_replace_begin_document(). */
gboolean bd_file_refuse_document (const char  *path,
                                  GError     **error);
int      bd_file_replace_begin_document (const char  *path,
                                         char       **temporary,
                                         GError     **error);
/* Renames @temporary over @path; on failure removes it and sets @error. */
gboolean bd_file_replace_commit (const char  *temporary,
                                 const char  *path,
                                 GError     **error);
/* Removes @temporary and sets @error to “@path: @reason”; returns FALSE. */
gboolean bd_file_replace_fail   (const char  *temporary,
                                 const char  *path,
                                 int          code,
                                 const char  *reason,
                                 GError     **error);
/* Writes all of @data to @fd and syncs it to the disk, so that a full disk
 * is found out before anything is renamed; an error names @path. */
gboolean bd_file_write_all      (int          fd,
                                 const void  *data,
                                 gsize        length,
                                 const char  *path,
                                 GError     **error);
/* Closes @fd; FALSE with @error naming @path if the close reports a failed write. */
gboolean bd_file_close          (int          fd,
                                 const char  *path,
                                 GError     **error);
/* Replaces @path by a file holding @data, whole or not at all; an error
 * names @path, never the temporary. */
gboolean bd_file_replace_contents (const char  *path,
                                   const void  *data,
                                   gsize        length,
                                   GError     **error);
/* Sets @error to “@path: ” and what errno says now; returns FALSE. */
gboolean bd_file_error_from_errno (GError     **error,
                                   const char  *path);
/* Removes a folder and the files in it (a hidden one written into first). */
void     bd_file_remove_folder  (const char  *path);

G_END_DECLS
