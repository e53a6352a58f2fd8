/* bd-window.h: the main window: the document's parts with their badges,
 * the selected part, and the checker's findings. */
#pragma once

#include <gtk/gtk.h>

#include "bd-editor.h"
#include "bd-schedule-view.h"

G_BEGIN_DECLS

#define BD_TYPE_WINDOW (bd_window_get_type ())
G_DECLARE_FINAL_TYPE (BdWindow, bd_window, BD, WINDOW, GtkApplicationWindow)

BdWindow       *bd_window_new                (GtkApplication *application,
                                              BdEditor       *editor);
BdEditor       *bd_window_get_editor         (BdWindow       *self);
/* What a part's badge shows: "2" errors, "1" warning, "✓" clean. */
const char     *bd_window_get_badge          (BdWindow       *self,
                                              const char     *page);
/* Pages: functions, organisation, glossary, narrative, schedule-1 … schedule-9,
 * other, employees, performance, preview. */
void            bd_window_show_page          (BdWindow       *self,
                                              const char     *page);
GtkWidget      *bd_window_get_page           (BdWindow       *self,
                                              const char     *page);
BdScheduleView *bd_window_get_schedule_view  (BdWindow       *self,
                                              guint           number);
guint           bd_window_get_n_findings_shown (BdWindow     *self);
/* The findings list, for tests. */
GtkListBox     *bd_window_get_findings_list  (BdWindow       *self);
/* A document read from a published PDF is not saved until the clerk says
 * where: this writes it to @path (".budget" added when missing), opens the
 * file in a window of its own and closes this one. */
gboolean        bd_window_save_as            (BdWindow       *self,
                                              const char     *path,
                                              GError        **error);
/* A message the clerk must read before going on. */
void            bd_window_show_error         (BdWindow       *self,
                                              const char     *primary,
                                              const char     *secondary);

G_END_DECLS
