/* A stand-in for what a forged document would try to load: loaded, it
 * leaves a mark (the file named by BD_EVIL_MARKER), so a test can show that
 * no document ever got it loaded. */

#include <fcntl.h>
#include <sqlite3ext.h>
#include <stdlib.h>
#include <unistd.h>

SQLITE_EXTENSION_INIT1

__attribute__((constructor)) static void
leave_mark (void)
{
  const char *marker = getenv ("BD_EVIL_MARKER");

  if (marker != NULL)
    close (open (marker, O_WRONLY | O_CREAT, 0600));
}

int sqlite3_extension_init (sqlite3 *db, char **message, const sqlite3_api_routines *api);

int
sqlite3_extension_init (sqlite3                     *db,
                        char                       **message,
                        const sqlite3_api_routines  *api)
{
  SQLITE_EXTENSION_INIT2 (api);
  leave_mark ();
  return SQLITE_OK;
}
