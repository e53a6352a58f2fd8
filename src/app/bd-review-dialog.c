/* bd-review-dialog.c: a folder's review report, one row a department; a row
 * opens its document with the findings showing */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bd-application.h"
#include "bd-review.h"
#include "bd-store.h"
#include "bd-window.h"
#include "bd-review-dialog.h"

struct _BdReviewDialog
{
  GtkWindow      parent_instance;

  char          *report;
  JsonParser    *parser;
  JsonArray     *documents;   /* owned by the parser; the rows' objects in order */
  GtkStringList *files;       /* the model of the list: one file a document */

  /* Template widgets */
  GtkLabel      *explanation;
  GtkWidget     *header;      /* the column titles, lined up with the rows' cells */
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (BdReviewDialog, bd_review_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The ids `review --json` writes for BdReviewStatus, in its order. */
static const char *const status_ids[] = { "unreadable", "errors", "warnings", "clean" };

static const char *
status_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (id, status_ids[i]) == 0)
      return bd_review_status_label ((BdReviewStatus) i);
  return id ? id : "";
}

static JsonObject *
document_at (BdReviewDialog *self,
             guint           index)
{
  if (self->documents == NULL || index >= json_array_get_length (self->documents))
    return NULL;
  return json_array_get_object_element (self->documents, index);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static char *
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node && JSON_NODE_HOLDS_VALUE (node) ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node))
                                              : g_strdup ("");
}

/* The columns of a row, and of the header above the list: file,
 * department (or why the file could not be read) taking the room left,
 * year, errors, warnings, status. */
static const struct {
  int      width_chars;
  gboolean expand;
  float    xalign;
} columns[] = {
  { 18, FALSE, 0 }, { 20, TRUE, 0 }, { 5, FALSE, 1 }, { 4, FALSE, 1 }, { 4, FALSE, 1 }, { 8, FALSE, 1 },
};

static void
add_cells (GtkWidget         *box,
           const char *const  texts[G_N_ELEMENTS (columns)])
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *label = gtk_label_new (texts[c]);

      gtk_label_set_xalign (GTK_LABEL (label), columns[c].xalign);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), columns[c].width_chars);
      /* Fixed widths, so that the rows' cells line up under the header's. */
      if (!columns[c].expand)
        gtk_label_set_max_width_chars (GTK_LABEL (label), columns[c].width_chars);
      gtk_widget_set_hexpand (label, columns[c].expand);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
}

/* A row: file, department (or why it could not be read), year, errors,
 * warnings, status. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BdReviewDialog *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (item, "index"));
  JsonObject *document = document_at (self, index);
  const char *department = member_string (document, "department");
  g_autofree char *year = member_int (document, "year");
  /* A file that could not be read has no counts: blank, not 0. */
  gboolean unreadable = department == NULL;
  g_autofree char *errors = unreadable ? g_strdup ("") : member_int (document, "errors");
  g_autofree char *warnings = unreadable ? g_strdup ("") : member_int (document, "warnings");
  const char *const texts[] = {
    gtk_string_object_get_string (item), department ? department : member_string (document, "reason"),
    year, errors, warnings, status_label (member_string (document, "status")),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  add_cells (box, texts);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

/* The path the review wrote; when the folder has moved since (the report
 * copied to another machine beside it), the file beside the report. */
static char *
document_path (BdReviewDialog *self,
               JsonObject     *document)
{
  const char *path = member_string (document, "path");
  const char *file = member_string (document, "file");
  g_autofree char *folder = NULL;
  g_autofree char *beside = NULL;

  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup (path);
  folder = g_path_get_dirname (self->report);
  beside = file ? g_build_filename (folder, file, NULL) : NULL;
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&beside);
  return g_strdup (path);
}

/* A document open already is shown again: a second window on it would be
 * refused (the file is being written). */
static BdWindow *
find_open (BdApplication *application,
           const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      BdStore *store = BD_IS_WINDOW (l->data) ? bd_editor_get_store (bd_window_get_editor (l->data)) : NULL;

      if (store != NULL && g_strcmp0 (bd_store_get_path (store), path) == 0)
        return l->data;
    }
  return NULL;
}

GtkWindow *
bd_review_dialog_open (BdReviewDialog  *self,
                       guint            index,
                       GError         **error)
{
  JsonObject *document = document_at (self, index);
  g_autofree char *path = document ? document_path (self, document) : NULL;
  BdApplication *application = BD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  BdWindow *window;

  if (path == NULL || g_strcmp0 (member_string (document, "status"), "unreadable") == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("“%s” could not be read: %s"),
                   document ? member_string (document, "file") : "",
                   document && member_string (document, "reason") ? member_string (document, "reason") : "");
      return NULL;
    }
  /* A .budget opens as the file it is; a PDF or text is read into a window
   * in no file, as the window opens a published PDF: reviewing writes nothing. */
  if (g_str_has_suffix (path, ".budget") && (window = find_open (application, path)) != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else if (g_str_has_suffix (path, ".budget"))
    window = bd_application_open_path (application, path, error);
  else
    window = bd_application_open_unsaved (application, path, error);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  return GTK_WINDOW (window);
}

static void
on_row_activated (BdReviewDialog *self,
                  GtkListBoxRow  *row)
{
  g_autoptr(GError) error = NULL;

  if (bd_review_dialog_open (self, gtk_list_box_row_get_index (row), &error) == NULL)
    gtk_label_set_text (self->explanation, error->message);
}

static gboolean
load_report (BdReviewDialog  *self,
             GError         **error)
{
  JsonNode *root;
  JsonNode *documents;

  self->parser = json_parser_new ();
  if (!json_parser_load_from_file (self->parser, self->report, error))
    return FALSE;
  root = json_parser_get_root (self->parser);
  documents = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "documents") : NULL;
  if (documents == NULL || !JSON_NODE_HOLDS_ARRAY (documents))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Not a review report: it has no list of documents (budgetdesk-cli review FOLDER --json writes one)"));
      return FALSE;
    }
  self->documents = json_node_get_array (documents);
  for (guint i = 0; i < json_array_get_length (self->documents); i++)
    {
      JsonNode *node = json_array_get_element (self->documents, i);
      const char *file = JSON_NODE_HOLDS_OBJECT (node) ? member_string (json_node_get_object (node), "file") : NULL;

      if (file == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("Not a review report: document %u has no file"), i + 1);
          self->documents = NULL;
          return FALSE;
        }
    }
  return TRUE;
}

static void
bd_review_dialog_constructed (GObject *object)
{
  BdReviewDialog *self = BD_REVIEW_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (self->report);
  const char *const titles[] = { _("File"), _("Department"), _("Year"), _("Errors"), _("Warnings"), _("Status") };
  guint n = 0;

  G_OBJECT_CLASS (bd_review_dialog_parent_class)->constructed (object);

  self->files = gtk_string_list_new (NULL);
  if (load_report (self, &error))
    n = json_array_get_length (self->documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = NULL;

      gtk_string_list_append (self->files, member_string (document_at (self, i), "file"));
      /* The row finds its document by position: the list is never filtered. */
      item = g_list_model_get_item (G_LIST_MODEL (self->files), i);
      g_object_set_data (item, "index", GUINT_TO_POINTER (i));
    }
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->files), create_row, self, NULL);
  add_cells (self->header, titles);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);
      gtk_label_set_text (self->explanation, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("“%s”: %u documents, the worst first. A row opens its document "
                                                 "with its findings."), name, n);
      gtk_label_set_text (self->explanation, text);
    }
}

static void
bd_review_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BdReviewDialog *self = BD_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_string (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_review_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BdReviewDialog *self = BD_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bd_review_dialog_dispose (GObject *object)
{
  BdReviewDialog *self = BD_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BD_TYPE_REVIEW_DIALOG);
  self->documents = NULL;
  g_clear_object (&self->files);
  g_clear_object (&self->parser);
  G_OBJECT_CLASS (bd_review_dialog_parent_class)->dispose (object);
}

static void
bd_review_dialog_finalize (GObject *object)
{
  BdReviewDialog *self = BD_REVIEW_DIALOG (object);

  g_free (self->report);
  G_OBJECT_CLASS (bd_review_dialog_parent_class)->finalize (object);
}

static void
bd_review_dialog_class_init (BdReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bd_review_dialog_constructed;
  object_class->get_property = bd_review_dialog_get_property;
  object_class->set_property = bd_review_dialog_set_property;
  object_class->dispose = bd_review_dialog_dispose;
  object_class->finalize = bd_review_dialog_finalize;

  properties[PROP_REPORT] =
    g_param_spec_string ("report", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/budgetdesk/BudgetDesk/ui/bd-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BdReviewDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, BdReviewDialog, header);
  gtk_widget_class_bind_template_child (widget_class, BdReviewDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
bd_review_dialog_init (BdReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bd_review_dialog_new (GtkApplication *application,
                      GtkWindow      *parent,
                      const char     *report)
{
  return g_object_new (BD_TYPE_REVIEW_DIALOG, "application", application, "transient-for", parent,
                       "report", report, NULL);
}

GListModel *
bd_review_dialog_get_files (BdReviewDialog *self)
{
  return G_LIST_MODEL (self->files);
}

GtkListBox *
bd_review_dialog_get_list (BdReviewDialog *self)
{
  return self->list;
}
