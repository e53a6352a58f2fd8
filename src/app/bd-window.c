#include <glib/gi18n.h>

#include "bd-form-editor.h"
#include "bd-print-operation.h"
#include "bd-print-preview.h"
#include "bd-section-view.h"
#include "bd-window.h"

/* The parts of the document in published order, each a page of the stack. */
typedef struct {
  const char *page;
  const char *section;     /* the text section it edits, or NULL */
  guint       schedule;    /* 1 … 9, or 0 */
  BdPart      part;        /* the part findings name, or 0 for none */
  const char *title;       /* NULL: the document's own title for it */
} PageDef;

static const PageDef pages[] = {
  { "functions", "functions", 0, 0, N_("Main Functions") },
  { "organisation", "organisation", 0, 0, N_("Organisation") },
  { "glossary", "glossary", 0, 0, N_("Glossary") },
  { "narrative", "narrative", 0, BD_PART_NARRATIVE, N_("Budget Narrative") },
  { "schedule-1", NULL, 1, BD_PART_SCHEDULE_1, NULL },
  { "schedule-2", NULL, 2, BD_PART_SCHEDULE_2, NULL },
  { "schedule-3", NULL, 3, BD_PART_SCHEDULE_3, NULL },
  { "schedule-4", NULL, 4, BD_PART_SCHEDULE_4, NULL },
  { "schedule-5", NULL, 5, BD_PART_SCHEDULE_5, NULL },
  { "schedule-6", NULL, 6, BD_PART_SCHEDULE_6, NULL },
  { "schedule-7", NULL, 7, BD_PART_SCHEDULE_7, NULL },
  { "schedule-8", NULL, 8, BD_PART_SCHEDULE_8, NULL },
  { "schedule-9", NULL, 9, BD_PART_SCHEDULE_9, NULL },
  { "other", "other", 0, BD_PART_OTHER, N_("Other Information") },
  { "employees", "employees", 0, BD_PART_EMPLOYEES, N_("Government Employees") },
  { "performance", NULL, 0, BD_PART_PERFORMANCE, N_("Performance Goals") },
  { "preview", NULL, 0, 0, N_("Print Preview") },
};

#define MAX_FINDINGS_SHOWN 200

static GtkWidget *ensure_page (BdWindow *self,
                               guint     index);

struct _BdWindow
{
  GtkApplicationWindow parent_instance;

  BdEditor   *editor;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkListBox *sidebar;
  GtkStack   *stack;
  GtkLabel   *findings_title;
  GtkListBox *findings_list;
  GtkPaned   *content_paned;
  GtkWidget  *findings_panel;
  gboolean    paned_placed;

  GtkWidget  *badges[G_N_ELEMENTS (pages)];
  GtkWidget  *schedule_views[BD_N_SCHEDULES];
  GPtrArray  *section_views;
  GtkWidget  *form_editor;
  guint       n_findings_shown;
  gboolean    has_list_signature;
  guint       list_signature;
};

G_DEFINE_FINAL_TYPE (BdWindow, bd_window, GTK_TYPE_APPLICATION_WINDOW)

static const PageDef *
page_for_part (BdPart part)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].part == part && part != 0)
      return &pages[i];
  return NULL;
}

static char *
page_title (BdWindow      *self,
            const PageDef *page)
{
  if (page->schedule != 0)
    {
      const BdScheduleDef *def = bd_schedule_def_get (page->schedule);
      return g_strdup_printf ("%u. %s", page->schedule, def->title + strlen ("部门"));
    }
  return g_strdup (_(page->title));
}

/* Badges and findings */

/* What the findings say of each part, gathered in one pass. */
typedef struct {
  guint errors[BD_PART_DOCUMENT + 1];
  guint warnings[BD_PART_DOCUMENT + 1];
  guint signatures[BD_PART_DOCUMENT + 1];   /* changes when a part's findings do */
  guint signature;                         /* of them all */
} Tally;

static guint
mix (guint       hash,
     const char *text)
{
  return hash * 31 + (text ? g_str_hash (text) : 7);
}

static void
tally_findings (GPtrArray *findings,
                Tally     *tally)
{
  memset (tally, 0, sizeof *tally);
  for (guint i = 0; i < findings->len; i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);
      BdPart part = MIN (finding->part, BD_PART_DOCUMENT);
      guint hash = mix (mix (mix (mix (finding->severity, finding->row), finding->column), finding->message),
                        finding->expected);

      tally->errors[part] += finding->severity == BD_SEVERITY_ERROR;
      tally->warnings[part] += finding->severity == BD_SEVERITY_WARNING;
      tally->signatures[part] = tally->signatures[part] * 33 + hash;
      tally->signature = tally->signature * 33 + hash;
    }
}

static void
update_badges (BdWindow    *self,
               const Tally *tally)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      GtkWidget *badge = self->badges[p];
      guint errors = tally->errors[pages[p].part], warnings = tally->warnings[pages[p].part];
      g_autofree char *text = NULL;

      if (pages[p].part == 0)
        {
          gtk_widget_set_visible (badge, FALSE);
          continue;
        }

      gtk_widget_remove_css_class (badge, "error");
      gtk_widget_remove_css_class (badge, "warning");
      gtk_widget_remove_css_class (badge, "success");
      if (errors > 0)
        {
          text = g_strdup_printf ("%u", errors);
          gtk_widget_add_css_class (badge, "error");
          gtk_widget_set_tooltip_text (badge, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors));
        }
      else if (warnings > 0)
        {
          text = g_strdup_printf ("%u", warnings);
          gtk_widget_add_css_class (badge, "warning");
          gtk_widget_set_tooltip_text (badge, _("Warnings only"));
        }
      else
        {
          text = g_strdup ("✓");
          gtk_widget_add_css_class (badge, "success");
          gtk_widget_set_tooltip_text (badge, _("Nothing disagrees"));
        }
      gtk_label_set_text (GTK_LABEL (badge), text);
      gtk_widget_set_visible (badge, TRUE);
    }
}

/* Rows and buttons name a finding by its place in the editor's findings,
 * which stay as they are until the list is built anew. */
static const BdFinding *
finding_at (BdWindow *self,
            gpointer  index)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  guint i = GPOINTER_TO_UINT (index) - 1;

  return i < findings->len ? g_ptr_array_index (findings, i) : NULL;
}

static void
on_fix_clicked (GtkButton *button,
                BdWindow  *self)
{
  const BdFinding *finding = finding_at (self, g_object_get_data (G_OBJECT (button), "bd-finding"));
  g_autoptr(GError) error = NULL;

  if (finding != NULL && !bd_editor_apply_fix (self->editor, finding, &error))
    gtk_label_set_text (self->findings_title, error->message);
}

static void
update_findings_list (BdWindow *self)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  GtkWidget *child;
  guint errors = bd_findings_count (findings, BD_SEVERITY_ERROR);
  guint warnings = bd_findings_count (findings, BD_SEVERITY_WARNING);
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  /* A list of thousands helps nobody and costs a frame: the first ones,
   * and how many more there are (the badges count them all). */
  for (guint i = 0; i < MIN (findings->len, MAX_FINDINGS_SHOWN); i++)
    {
      BdFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (finding->severity == BD_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                                                           : "dialog-warning-symbolic");
      const PageDef *page = page_for_part (finding->part);
      g_autofree char *where = page ? page_title (self, page) : g_strdup ("");
      GtkWidget *place = gtk_label_new (where);
      GtkWidget *message = gtk_label_new (finding->message);
      GtkWidget *list_row;

      gtk_widget_add_css_class (icon, finding->severity == BD_SEVERITY_ERROR ? "error" : "warning");
      gtk_widget_set_margin_start (row, 12);
      gtk_widget_set_margin_end (row, 12);
      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_widget_add_css_class (place, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (place), 14);
      gtk_label_set_xalign (GTK_LABEL (place), 0);
      gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_widget_set_hexpand (message, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), place);
      gtk_box_append (GTK_BOX (row), message);
      if (finding->fix.kind != BD_FIX_NONE)
        {
          GtkWidget *fix = gtk_button_new_with_label (_("Fix"));
          g_autofree char *tip = finding->expected ? g_strdup_printf (_("Change it to %s"), finding->expected) : NULL;
          gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (fix, tip);
          g_object_set_data (G_OBJECT (fix), "bd-finding", GUINT_TO_POINTER (i + 1));
          g_signal_connect (fix, "clicked", G_CALLBACK (on_fix_clicked), self);
          gtk_box_append (GTK_BOX (row), fix);
        }
      gtk_list_box_append (self->findings_list, row);
      list_row = gtk_widget_get_last_child (GTK_WIDGET (self->findings_list));
      g_object_set_data (G_OBJECT (list_row), "bd-finding", GUINT_TO_POINTER (i + 1));
    }

  if (findings->len > MAX_FINDINGS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"), findings->len - MAX_FINDINGS_SHOWN);
      GtkWidget *label = gtk_label_new (more);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->findings_list, label);
    }
  self->n_findings_shown = MIN (findings->len, MAX_FINDINGS_SHOWN);
  if (findings->len == 0)
    heading = g_strdup (_("Nothing disagrees: every check passes."));
  else
    heading = g_strdup_printf (_("Findings: %u errors, %u warnings"), errors, warnings);
  gtk_label_set_text (self->findings_title, heading);
}

static void
update_findings (BdWindow *self)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  Tally tally;

  tally_findings (findings, &tally);
  update_badges (self, &tally);
  if (!self->has_list_signature || tally.signature != self->list_signature)
    {
      update_findings_list (self);
      self->has_list_signature = TRUE;
      self->list_signature = tally.signature;
    }
  for (guint s = 0; s < BD_N_SCHEDULES; s++)
    if (self->schedule_views[s] != NULL)
      bd_schedule_view_set_findings (BD_SCHEDULE_VIEW (self->schedule_views[s]), findings,
                                     tally.signatures[BD_PART_SCHEDULE_1 + s]);
}

static void
on_editor_changed (BdEditor *editor,
                   guint     reads,
                   BdWindow *self)
{
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    if ((reads & BD_READS_SCHEDULE (s)) && self->schedule_views[s - 1] != NULL)
      bd_schedule_view_refresh (BD_SCHEDULE_VIEW (self->schedule_views[s - 1]), (reads & BD_READS_ROWS) != 0);
  if (reads & BD_READS_TEXT)
    for (guint i = 0; i < self->section_views->len; i++)
      bd_section_view_reload (g_ptr_array_index (self->section_views, i));
  update_findings (self);
  if (self->form_editor != NULL)
    bd_form_editor_refresh (BD_FORM_EDITOR (self->form_editor));
}

/* Navigation */

void
bd_window_show_page (BdWindow   *self,
                     const char *page)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    if (strcmp (pages[p].page, page) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, p);
        ensure_page (self, p);
        gtk_list_box_select_row (self->sidebar, row);
        gtk_stack_set_visible_child_name (self->stack, page);
      }
}

/* The findings panel starts at a fixed height, the page takes the rest;
 * the clerk can drag the divider from there. */
static void
on_content_paned_sized (BdWindow *self)
{
  int max_position = 0;

  g_object_get (self->content_paned, "max-position", &max_position, NULL);

  if (self->paned_placed || max_position < 400)
    return;
  self->paned_placed = TRUE;
  gtk_paned_set_position (self->content_paned, max_position - 220);
}

/* The preview wants the height for its page; its banner brings the
 * findings back (win.show-findings). */
static void
on_visible_page_changed (BdWindow *self)
{
  gtk_widget_set_visible (self->findings_panel,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") != 0);
}

static void
on_part_selected (BdWindow      *self,
                  GtkListBoxRow *row)
{
  if (row != NULL)
    {
      ensure_page (self, gtk_list_box_row_get_index (row));
      gtk_stack_set_visible_child_name (self->stack, pages[gtk_list_box_row_get_index (row)].page);
    }
}

static void
on_finding_activated (BdWindow      *self,
                      GtkListBoxRow *row)
{
  const BdFinding *finding = finding_at (self, g_object_get_data (G_OBJECT (row), "bd-finding"));
  const PageDef *page = finding ? page_for_part (finding->part) : NULL;

  if (page == NULL)
    return;
  bd_window_show_page (self, page->page);
  if (page->schedule != 0)
    bd_schedule_view_select (BD_SCHEDULE_VIEW (self->schedule_views[page->schedule - 1]),
                             finding->row, finding->column);
}

/* Actions */

static void
store_pending_text (BdWindow *self)
{
  for (guint i = 0; i < self->section_views->len; i++)
    bd_section_view_store (g_ptr_array_index (self->section_views, i));
}

static void
show_error (BdWindow   *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BdWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  store_pending_text (self);
  if (!bd_editor_undo (self->editor, &error) && error != NULL)
    show_error (self, _("The change could not be undone"), error->message);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BdWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bd_editor_redo (self->editor, &error) && error != NULL)
    show_error (self, _("The change could not be redone"), error->message);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  BdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BdWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Document"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget documents and published budgets"));
  gtk_file_filter_add_suffix (filter, "budget");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct {
  BdWindow  *window;
  GtkWidget *dialog;
  GtkEntry  *department;
  GtkSpinButton *year;
} NewDocument;

static void
on_new_save_response (GtkNativeDialog *chooser,
                      int              response,
                      NewDocument     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(BdDocument) doc = bd_document_new_empty (gtk_editable_get_text (GTK_EDITABLE (data->department)),
                                                         gtk_spin_button_get_value_as_int (data->year));
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (path, ".budget"))
        {
          char *with_suffix = g_strconcat (path, ".budget", NULL);
          g_free (path);
          path = with_suffix;
          g_clear_object (&file);
          file = g_file_new_for_path (path);
        }
      if (!bd_store_save_as (doc, path, &error))
        show_error (data->window, _("The document could not be created"), error->message);
      else
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (data->window))), &file, 1, "");
    }
  g_object_unref (chooser);
  gtk_window_destroy (GTK_WINDOW (data->dialog));
  g_free (data);
}

static void
on_new_create (GtkButton   *button,
               NewDocument *data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (*gtk_editable_get_text (GTK_EDITABLE (data->department)) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (data->department));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save the New Document"), GTK_WINDOW (data->dialog),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  name = g_strdup_printf ("%s-%d.budget", gtk_editable_get_text (GTK_EDITABLE (data->department)),
                          gtk_spin_button_get_value_as_int (data->year));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_save_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BdWindow *self = user_data;
  NewDocument *data = g_new0 (NewDocument, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Create…"));
  GtkWidget *header = gtk_header_bar_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  data->window = self;
  data->dialog = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (data->dialog), _("New Document"));
  gtk_window_set_transient_for (GTK_WINDOW (data->dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (data->dialog), TRUE);
  gtk_window_set_titlebar (GTK_WINDOW (data->dialog), header);
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), create);

  data->department = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (data->department, _("Department, as in 编制部门"));
  gtk_widget_set_hexpand (GTK_WIDGET (data->department), TRUE);
  data->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_spin_button_set_value (data->year, g_date_time_get_year (now) + 1);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 24);
  gtk_widget_set_margin_end (grid, 24);
  gtk_widget_set_margin_top (grid, 24);
  gtk_widget_set_margin_bottom (grid, 24);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Department")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->department), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Budget year")), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->year), 1, 1, 1, 1);
  gtk_window_set_child (GTK_WINDOW (data->dialog), grid);
  gtk_window_set_default_size (GTK_WINDOW (data->dialog), 460, -1);
  g_signal_connect (create, "clicked", G_CALLBACK (on_new_create), data);
  gtk_window_present (GTK_WINDOW (data->dialog));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               BdWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("The document could not be printed"), error ? error->message : "");
    }
  else if (bd_print_operation_was_interrupted (BD_PRINT_OPERATION (operation)))
    show_error (self, _("Printing was stopped"),
                _("The document changed while its pages were being sent to the printer. Print it again."));
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BdWindow *self = user_data;
  g_autoptr(BdPrintOperation) operation = NULL;

  store_pending_text (self);
  operation = bd_print_operation_new (self->editor);
  /* Printed from the preview, "current page" is the page it shows. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0)
    gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (operation),
                                          bd_print_preview_get_page (BD_PRINT_PREVIEW (gtk_stack_get_visible_child (self->stack))));
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  bd_print_operation_start (operation, GTK_WINDOW (self));
}

static void
show_findings_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BdWindow *self = user_data;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->findings_list, 0);

  gtk_widget_set_visible (self->findings_panel, TRUE);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static const GActionEntry actions[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "open", open_activated },
  { "new", new_activated },
  { "print", print_activated },
  { "show-findings", show_findings_activated },
};

static void
update_undo_actions (BdWindow *self)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                               bd_editor_can_undo (self->editor));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")),
                               bd_editor_can_redo (self->editor));
}

/* Building */

static GtkWidget *
sidebar_row (BdWindow      *self,
             const PageDef *page,
             GtkWidget    **badge_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = page_title (self, page);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  *badge_out = badge;
  return box;
}

/* The print preview stands apart from the parts it shows. */
static void
sidebar_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  if (gtk_list_box_row_get_index (row) == G_N_ELEMENTS (pages) - 1 && gtk_list_box_row_get_header (row) == NULL)
    gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static GtkWidget *
performance_page (BdWindow *self)
{
  self->form_editor = bd_form_editor_new (self->editor);
  return self->form_editor;
}

/* A page is built the first time it is shown: a window opens with one
 * schedule, not sixteen pages of widgets. */
static GtkWidget *
ensure_page (BdWindow *self,
             guint     index)
{
  const PageDef *page = &pages[index];
  BdDocument *doc = bd_editor_get_document (self->editor);
  GtkWidget *content = gtk_stack_get_child_by_name (self->stack, page->page);

  if (content != NULL)
    return content;

  if (page->schedule != 0)
    {
      Tally tally;

      content = self->schedule_views[page->schedule - 1] = bd_schedule_view_new (self->editor, page->schedule);
      tally_findings (bd_editor_get_findings (self->editor), &tally);
      bd_schedule_view_set_findings (BD_SCHEDULE_VIEW (content), bd_editor_get_findings (self->editor),
                                     tally.signatures[page->part]);
    }
  else if (page->section != NULL)
    {
      if (bd_document_get_section (doc, page->section) == NULL)
        {
          g_autofree char *title = page_title (self, page);
          bd_document_ensure_section (doc, page->section, title);
        }
      content = bd_section_view_new (self->editor, page->section);
      g_ptr_array_add (self->section_views, content);
    }
  else if (strcmp (page->page, "preview") == 0)
    content = bd_print_preview_new (self->editor);
  else
    content = performance_page (self);

  gtk_stack_add_named (self->stack, content, page->page);
  return content;
}

static void
build_sidebar (BdWindow *self)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    gtk_list_box_append (self->sidebar, sidebar_row (self, &pages[p], &self->badges[p]));
  gtk_list_box_set_header_func (self->sidebar, sidebar_header, NULL, NULL);
}

static void
bd_window_dispose (GObject *object)
{
  BdWindow *self = (BdWindow *) object;

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_WINDOW);
  G_OBJECT_CLASS (bd_window_parent_class)->dispose (object);
}

static void
bd_window_finalize (GObject *object)
{
  BdWindow *self = (BdWindow *) object;

  g_clear_pointer (&self->section_views, g_ptr_array_unref);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_window_parent_class)->finalize (object);
}

static void
bd_window_class_init (BdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bd_window_dispose;
  object_class->finalize = bd_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BdWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_title);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_list);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_part_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_content_paned_sized);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
}

static void
bd_window_init (BdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_views = g_ptr_array_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

BdWindow *
bd_window_new (GtkApplication *application,
               BdEditor       *editor)
{
  BdWindow *self = g_object_new (BD_TYPE_WINDOW, "application", application, NULL);
  BdDocument *doc = bd_editor_get_document (editor);
  BdStore *store = bd_editor_get_store (editor);
  g_autofree char *title = g_strdup_printf ("%s %d年部门预算", doc->department, doc->year);
  g_autofree char *subtitle = NULL;

  self->editor = g_object_ref (editor);
  build_sidebar (self);

  if (store != NULL)
    {
      g_autofree char *name = g_filename_display_basename (bd_store_get_path (store));
      subtitle = bd_store_is_read_only (store) ? g_strdup_printf (_("%s (read-only)"), name) : g_strdup (name);
    }
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_signal_connect (editor, "changed", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (editor, "notify::can-undo", G_CALLBACK (update_undo_actions), self);
  g_signal_connect_swapped (editor, "notify::can-redo", G_CALLBACK (update_undo_actions), self);
  update_undo_actions (self);
  update_findings (self);
  bd_window_show_page (self, "schedule-1");
  return self;
}

void
bd_window_show_error (BdWindow   *self,
                      const char *primary,
                      const char *secondary)
{
  show_error (self, primary, secondary);
}

BdEditor *
bd_window_get_editor (BdWindow *self)
{
  return self->editor;
}

const char *
bd_window_get_badge (BdWindow   *self,
                     const char *page)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    if (strcmp (pages[p].page, page) == 0)
      return gtk_label_get_text (GTK_LABEL (self->badges[p]));
  return NULL;
}

BdScheduleView *
bd_window_get_schedule_view (BdWindow *self,
                             guint     number)
{
  g_return_val_if_fail (number >= 1 && number <= BD_N_SCHEDULES, NULL);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    if (pages[p].schedule == number)
      ensure_page (self, p);
  return BD_SCHEDULE_VIEW (self->schedule_views[number - 1]);
}

guint
bd_window_get_n_findings_shown (BdWindow *self)
{
  return self->n_findings_shown;
}

GtkWidget *
bd_window_get_page (BdWindow   *self,
                    const char *page)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    if (strcmp (pages[p].page, page) == 0)
      return ensure_page (self, p);
  return NULL;
}
