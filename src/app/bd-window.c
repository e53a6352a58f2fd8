#include <glib/gi18n.h>

#include "bd-form-editor.h"
#include "bd-print-operation.h"
#include "bd-print-preview.h"
#include "bd-section-view.h"
#include "bd-finding-item.h"
#include "bd-review.h"
#include "bd-tooltip.h"
#include "bd-window-private.h"
#include "bd-widget-util.h"

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
  if (bd_editor_get_document (self->editor)->unit_budget)
    {
      /* The contents heading's rule (一、部门主要职能 → 一、单位主要职能)
       * matches after the numeral's 、, so the title is given one. */
      g_autofree char *numbered = g_strconcat ("、", _(page->title), NULL);
      g_autofree char *own = bd_document_contents_label (bd_editor_get_document (self->editor), numbered);

      return g_strdup (own + strlen ("、"));
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

/* A row's place in the list is its finding's among the editor's: rows are
 * kept across changes, so the place is read when the button is clicked. */
static void
on_fix_clicked (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "win.fix-finding", "u",
                                (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

/* A right click on a finding: its rule's settings (bd-window-actions.c). */
static void
on_finding_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    BdWindow        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(BdFindingItem) item = row ? g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)))
                                      : NULL;

  if (item != NULL)
    _bd_window_show_finding_menu (self, item, widget, x, y);
}

/* The findings list: a row made for each BdFindingItem of the model. */
static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  BdFindingItem *finding = item;
  BdSeverity severity = bd_finding_item_get_severity (finding);
  const PageDef *page = page_for_part (bd_finding_item_get_part (finding));
  g_autofree char *where = page ? page_title (user_data, page) : g_strdup ("");
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity == BD_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                  : severity == BD_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                                  : "dialog-information-symbolic");
  GtkWidget *place = gtk_label_new (where);
  const char *source = bd_finding_item_get_source (finding);
  /* An imported document's finding names the page (line, cell) it was read on. */
  g_autofree char *prefix = source ? g_strdup_printf (_("%s: "), source) : NULL;
  g_autofree char *text = g_strconcat (prefix ? prefix : "", bd_finding_item_get_message (finding), NULL);
  GtkWidget *message = gtk_label_new (text);
  GtkGesture *gesture;

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_add_css_class (icon, severity == BD_SEVERITY_ERROR ? "error" : severity == BD_SEVERITY_WARNING ? "warning" : "dim-label");
  gtk_widget_add_css_class (place, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (place), 14);
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (place, where);
  bd_tooltip_attach (place);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), place);
  gtk_box_append (GTK_BOX (row), message);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_finding_pressed), user_data, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
  if (bd_finding_item_has_fix (finding))
    {
      GtkWidget *fix = gtk_button_new_with_label (_("Fix"));
      const char *expected = bd_finding_item_get_expected (finding);
      g_autofree char *tip = expected ? g_strdup_printf (_("Change it to %s"), expected) : NULL;

      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (fix, tip);
      g_signal_connect (fix, "clicked", G_CALLBACK (on_fix_clicked), NULL);
      gtk_box_append (GTK_BOX (row), fix);
    }
  return row;
}

/* Only the rows that changed are replaced: the others stay, and with them
 * the list's place (a fix removes its row, the rest stay where they were). */
static void
replace_changed_items (GListStore *store,
                       GPtrArray  *items)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint prefix = 0, suffix = 0;

  while (prefix < MIN (old, items->len))
    {
      g_autoptr(BdFindingItem) item = g_list_model_get_item (G_LIST_MODEL (store), prefix);
      if (!bd_finding_item_equal (item, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }
  while (suffix < MIN (old, items->len) - prefix)
    {
      g_autoptr(BdFindingItem) item = g_list_model_get_item (G_LIST_MODEL (store), old - 1 - suffix);
      if (!bd_finding_item_equal (item, g_ptr_array_index (items, items->len - 1 - suffix)))
        break;
      suffix++;
    }
  g_list_store_splice (store, prefix, old - prefix - suffix, items->pdata + prefix, items->len - prefix - suffix);
}

static void
update_findings_list (BdWindow *self)
{
  GPtrArray *findings = bd_editor_get_findings (self->editor);
  guint errors = bd_findings_count (findings, BD_SEVERITY_ERROR);
  guint warnings = bd_findings_count (findings, BD_SEVERITY_WARNING);
  guint shown = MIN (findings->len, MAX_FINDINGS_SHOWN);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;

  /* A list of thousands helps nobody and costs a frame: the first ones,
   * and how many more there are (the badges count them all). */
  for (guint i = 0; i < shown; i++)
    {
      BdFindingItem *item = bd_finding_item_new (g_ptr_array_index (findings, i));

      bd_finding_item_take_source (item, bd_review_finding_source (bd_editor_get_document (self->editor),
                                                                   g_ptr_array_index (findings, i)));
      g_ptr_array_add (items, item);
    }
  replace_changed_items (self->findings, items);

  if (findings->len > MAX_FINDINGS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"), findings->len - MAX_FINDINGS_SHOWN);
      gtk_label_set_text (self->findings_more, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_more), findings->len > MAX_FINDINGS_SHOWN);
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

/* What was typed on the page left is stored first, as if Enter were
 * pressed, while the page is still there to take the focus back. */
static void
switch_to_page (BdWindow *self,
                guint     index)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), pages[index].page) == 0)
    return;
  _bd_window_commit_pending (self);
  ensure_page (self, index);
  gtk_stack_set_visible_child_name (self->stack, pages[index].page);
}

void
bd_window_show_page (BdWindow   *self,
                     const char *page)
{
  g_return_if_fail (BD_IS_WINDOW (self));

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    if (strcmp (pages[p].page, page) == 0)
      {
        switch_to_page (self, p);
        gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, p));
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
    switch_to_page (self, gtk_list_box_row_get_index (row));
}

/* A finding of a text section names words of it: they are selected. */
static void
show_in_section (BdWindow   *self,
                 const char *section,
                 const char *words)
{
  for (guint i = 0; i < self->section_views->len; i++)
    if (g_strcmp0 (bd_section_view_get_section (g_ptr_array_index (self->section_views, i)), section) == 0)
      bd_section_view_show_text (g_ptr_array_index (self->section_views, i), words);
}

static void
on_finding_activated (BdWindow      *self,
                      GtkListBoxRow *row)
{
  g_autoptr(BdFindingItem) finding = g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                            gtk_list_box_row_get_index (row));
  const PageDef *page = finding ? page_for_part (bd_finding_item_get_part (finding)) : NULL;

  if (page == NULL)
    return;
  bd_window_show_page (self, page->page);
  if (page->schedule != 0)
    bd_schedule_view_select (BD_SCHEDULE_VIEW (self->schedule_views[page->schedule - 1]),
                             bd_finding_item_get_row (finding), bd_finding_item_get_column (finding));
  else if (page->section != NULL && bd_finding_item_get_row (finding) != NULL)
    show_in_section (self, page->section, bd_finding_item_get_row (finding));
  else if (self->form_editor != NULL && bd_finding_item_get_row (finding) != NULL)
    bd_form_editor_show_finding (BD_FORM_EDITOR (self->form_editor), bd_finding_item_get_row (finding),
                                 bd_finding_item_get_column (finding));
}

gboolean
_bd_window_commit_pending (BdWindow *self)
{
  gboolean stored = TRUE;

  for (guint i = 0; i < self->section_views->len; i++)
    stored &= bd_section_view_store (g_ptr_array_index (self->section_views, i));
  for (guint s = 0; s < BD_N_SCHEDULES; s++)
    if (self->schedule_views[s] != NULL)
      stored &= bd_schedule_view_commit_pending (BD_SCHEDULE_VIEW (self->schedule_views[s]));
  if (self->form_editor != NULL)
    stored &= bd_form_editor_commit_pending (BD_FORM_EDITOR (self->form_editor));
  return stored;
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
  bd_tooltip_attach (label);
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
          bd_editor_ensure_section (self->editor, page->section, title);
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
  self->badges = g_new0 (GtkWidget *, G_N_ELEMENTS (pages));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    gtk_list_box_append (self->sidebar, sidebar_row (self, &pages[p], &self->badges[p]));
  gtk_list_box_set_header_func (self->sidebar, sidebar_header, NULL, NULL);
}

static void
bd_window_constructed (GObject *object)
{
  BdWindow *self = (BdWindow *) object;
  BdDocument *doc = bd_editor_get_document (self->editor);
  BdStore *store = bd_editor_get_store (self->editor);
  g_autofree char *title = g_strdup_printf ("%s %d年%s", doc->department, doc->year, doc->unit_budget ? "单位预算" : "部门预算");
  g_autofree char *subtitle = NULL;

  G_OBJECT_CLASS (bd_window_parent_class)->constructed (object);

  build_sidebar (self);
  if (store != NULL)
    {
      g_autofree char *name = g_filename_display_basename (bd_store_get_path (store));
      subtitle = bd_store_is_read_only (store) ? g_strdup_printf (_("%s (read-only)"), name) : g_strdup (name);
    }
  else
    subtitle = g_strdup (_("Not saved yet: Save As… keeps it in a document file"));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_signal_connect_object (self->editor, "changed", G_CALLBACK (on_editor_changed), self, 0);
  g_signal_connect_object (self->editor, "notify::can-undo", G_CALLBACK (_bd_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::can-redo", G_CALLBACK (_bd_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  _bd_window_update_actions (self);
  update_findings (self);
  bd_window_show_page (self, "schedule-1");
}

/* Typing not yet stored is stored before the window goes; a value that
 * cannot be stored keeps the window open once, the reason beside it (Esc
 * drops the value); closing again leaves it. */
static gboolean
bd_window_close_request (GtkWindow *window)
{
  BdWindow *self = BD_WINDOW (window);

  if (!_bd_window_commit_pending (self) && !self->close_refused)
    {
      self->close_refused = TRUE;
      return TRUE;
    }
  /* A document read from a PDF is in no file yet: closing asks first. */
  if (bd_editor_get_store (self->editor) == NULL && !self->discard_confirmed)
    {
      _bd_window_confirm_close (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bd_window_parent_class)->close_request (window);
}

static void
bd_window_dispose (GObject *object)
{
  BdWindow *self = (BdWindow *) object;

  g_clear_pointer (&self->finding_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_WINDOW);
  G_OBJECT_CLASS (bd_window_parent_class)->dispose (object);
}

static void
bd_window_finalize (GObject *object)
{
  BdWindow *self = (BdWindow *) object;

  g_clear_pointer (&self->section_views, g_ptr_array_unref);
  g_clear_pointer (&self->badges, g_free);
  g_clear_object (&self->findings);
  g_clear_object (&self->editor);
  G_OBJECT_CLASS (bd_window_parent_class)->finalize (object);
}

static void
bd_window_class_init (BdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_window_constructed;
  object_class->dispose = bd_window_dispose;
  object_class->finalize = bd_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = bd_window_close_request;

  bd_widget_install_editor_property (object_class, G_STRUCT_OFFSET (BdWindow, editor), TRUE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BdWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_title);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_list);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_more);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, BdWindow, findings_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_part_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_content_paned_sized);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);

  _bd_window_class_actions_init (klass);
}

static void
bd_window_init (BdWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_views = g_ptr_array_new ();
  self->findings = g_list_store_new (BD_TYPE_FINDING_ITEM);
  gtk_list_box_bind_model (self->findings_list, G_LIST_MODEL (self->findings), create_finding_row, self, NULL);
  /* A finding's menu from the keyboard too, on the list only: elsewhere
   * Shift+F10 is the focused widget's own (a text's menu). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                          gtk_named_action_new ("win.finding-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self->findings_list), shortcuts);
}

BdWindow *
bd_window_new (GtkApplication *application,
               BdEditor       *editor)
{
  g_return_val_if_fail (BD_IS_EDITOR (editor), NULL);

  return g_object_new (BD_TYPE_WINDOW, "application", application, "editor", editor, NULL);
}

void
bd_window_show_error (BdWindow   *self,
                      const char *primary,
                      const char *secondary)
{
  GtkWidget *dialog;

  g_return_if_fail (BD_IS_WINDOW (self));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

BdEditor *
bd_window_get_editor (BdWindow *self)
{
  g_return_val_if_fail (BD_IS_WINDOW (self), NULL);
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

GtkListBox *
bd_window_get_findings_list (BdWindow *self)
{
  g_return_val_if_fail (BD_IS_WINDOW (self), NULL);
  return self->findings_list;
}

guint
bd_window_get_n_findings_shown (BdWindow *self)
{
  g_return_val_if_fail (BD_IS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
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
