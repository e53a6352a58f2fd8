/* bd-window-private.h: what bd-window.c and bd-window-actions.c share */
#pragma once

#include "bd-finding-item.h"
#include "bd-window.h"

G_BEGIN_DECLS

struct _BdWindow
{
  GtkApplicationWindow parent_instance;

  BdEditor   *editor;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkListBox *sidebar;
  GtkStack   *stack;
  GtkLabel   *findings_title;
  GtkListBox *findings_list;
  GtkLabel   *findings_more;
  GtkPaned   *content_paned;
  GtkWidget  *findings_panel;
  gboolean    paned_placed;
  GtkWidget  *finding_menu;   /* a finding's context menu, on the findings panel */

  GListStore *findings;       /* BdFindingItem, the ones the list shows */
  GtkWidget **badges;         /* one per page */
  GtkWidget  *schedule_views[BD_N_SCHEDULES];
  GPtrArray  *section_views;
  GtkWidget  *form_editor;
  gboolean    close_refused;    /* a close was stopped by a value that cannot be stored */
  gboolean    has_list_signature;
  guint       list_signature;
  gboolean    discard_confirmed;  /* an unsaved document may close without saving */
};

void   _bd_window_class_actions_init (BdWindowClass *klass);
/* win.start-from "year" | "workbook" (bd-window-start.c) */
void   _bd_window_start_from_activated (GtkWidget *widget, const char *action_name, GVariant *parameter);
/* win.import-sheet (bd-window-start.c) */
void   _bd_window_import_sheet_activated (GtkWidget *widget, const char *action_name, GVariant *parameter);
void   _bd_window_update_actions     (BdWindow      *self);
/* The context menu of the finding @item shown at (@x, @y) of @widget: its
 * rule switched off or given another severity, or every rule's settings. */
void   _bd_window_show_finding_menu  (BdWindow      *self,
                                      BdFindingItem *item,
                                      GtkWidget     *widget,
                                      double         x,
                                      double         y);
/* Stores what is typed but not yet stored, on every page: before an undo,
 * a print, a page change or the window closing. FALSE when a value typed
 * is refused (it stays where it was typed, with the reason). */
gboolean _bd_window_commit_pending   (BdWindow      *self);

/* An unsaved document (read from a PDF) asks before the window closes:
 * Save As…, Close Without Saving or Cancel. */
void     _bd_window_confirm_close    (BdWindow      *self);

G_END_DECLS
