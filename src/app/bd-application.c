#include <glib/gi18n.h>

#include "bd-application.h"
#include "bd-backup.h"
#include "bd-pdf-import.h"
#include "bd-workbook-import.h"
#include "bd-importer.h"

#define MAX_RECENT 10

struct _BdApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (BdApplication, bd_application, GTK_TYPE_APPLICATION)

/* The published example, installed with the application or, when it runs
 * from its build folder, found in the source tree. */
static char *
find_example (void)
{
  const char *candidates[] = {
    g_getenv ("BUDGETDESK_EXAMPLE"),
    EXAMPLE_DIR "/minhang-cityops-2024.md",
    SOURCE_EXAMPLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return g_strdup (candidates[i]);
  return NULL;
}

static char *
documents_dir (void)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "budgetdesk", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

/* A published PDF or text becomes a new document file; the source is never
 * changed. */
static char *
import_published (const char  *path,
                  GError     **error)
{
  g_autoptr(BdDocument) doc = bd_import_any_file (path, error);
  g_autofree char *dir = documents_dir ();
  g_autofree char *base = NULL;
  char *target = NULL;

  if (doc == NULL)
    return NULL;
  base = g_strdup_printf ("%s-%d", doc->department, doc->year);
  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.budget", base) : g_strdup_printf ("%s-%u.budget", base, n);
      g_free (target);
      target = g_build_filename (dir, name, NULL);
    }
  if (!bd_store_save_as (doc, target, error))
    g_clear_pointer (&target, g_free);
  return target;
}

static void
remember (BdApplication *self,
          const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] && kept < MAX_RECENT; i++)
    if (strcmp (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

/* The desktop's recent files too (the file manager's Recent, every file
 * chooser), with the document's type: listed as a BudgetDesk document and
 * opened in BudgetDesk from there. */
static void
add_to_recent_files (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRecentData data = {
    .mime_type = (char *) "application/x-budgetdesk",
    .app_name = (char *) "budgetdesk",
    .app_exec = (char *) "budgetdesk %u",
  };

  if (uri != NULL)
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
restore_size (BdApplication *self,
              BdWindow      *window)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (window));
}

static gboolean
on_close_request (GtkWindow     *window,
                  BdApplication *self)
{
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return FALSE;
}

/* A window on @doc (kept in @store, or in no file yet), at the size the
 * last one was closed at. */
static BdWindow *
new_window (BdApplication *self,
            BdDocument    *doc,
            BdStore       *store)
{
  g_autoptr(BdEditor) editor = bd_editor_new (doc, store);
  BdWindow *window = bd_window_new (GTK_APPLICATION (self), editor);

  restore_size (self, window);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), self);
  return window;
}

/* A published PDF, or a workbook of schedules (.xlsx, .xls). */
static gboolean
opens_unsaved (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".pdf") || bd_workbook_is_workbook (path);
}

/* A published PDF or a workbook is read into a new document that is in no
 * file yet: the window says so, and Save As… (or closing) asks where to
 * keep it. */
static BdWindow *
open_unsaved (BdApplication  *self,
              const char     *path,
              GError        **error)
{
  g_autoptr(BdDocument) doc = bd_workbook_is_workbook (path) ? bd_workbook_import_file (path, error)
                                                             : bd_import_any_file (path, error);
  BdWindow *window;

  if (doc == NULL)
    return NULL;
  window = new_window (self, doc, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The first opening of the day keeps a copy of the document as it was. A
 * copy that cannot be kept does not keep the clerk from working: it is
 * logged, and the next opening tries again. */
static void
keep_daily_copy (const char *document)
{
  g_autofree char *folder = bd_backup_folder (document, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!bd_backup_daily (document, folder, bd_backup_count_setting (), now, NULL, &error))
    g_message ("%s", error->message);
}

/* A journal beside the document that was not its own was moved aside on
 * opening, not applied (bd_store_get_set_aside): the clerk is told where,
 * in case another copy of the document is the one missing those edits.
 * Not modal: the document opened as it was saved and can be worked on. */
static void
tell_set_aside (BdWindow *window,
                BdStore  *store)
{
  const char *set_aside = bd_store_get_set_aside (store);
  g_autofree char *name = NULL;
  g_autofree char *moved = NULL;
  GtkWidget *dialog;

  if (set_aside == NULL)
    return;
  name = g_filename_display_basename (bd_store_get_path (store));
  moved = g_filename_display_name (set_aside);
  dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_WARNING,
                                   GTK_BUTTONS_CLOSE, _("A journal beside “%s” was set aside"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("A program that stopped left a journal beside the document that "
                                              "does not belong to it. It was not applied: the document is as it "
                                              "was last saved. The journal was moved to “%s”."), moved);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static BdWindow *
open_document (BdApplication  *self,
               const char     *path,
               gboolean        read_only,
               GError        **error)
{
  g_autofree char *document = NULL;
  g_autoptr(BdStore) store = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  BdWindow *window;

  if (opens_unsaved (path))
    return open_unsaved (self, path, error);
  if (bd_import_is_importable (path))
    {
      if ((document = import_published (path, error)) == NULL)
        return NULL;
    }
  else
    document = g_strdup (path);

  store = bd_store_open (document, read_only ? BD_STORE_OPEN_READ_ONLY : BD_STORE_OPEN_DEFAULT, &local_error);
  /* A file nobody may write can still be read: open it read-only and say
   * so in the title. One another BudgetDesk is writing is the clerk's
   * choice (see bd_application_open). */
  if (store == NULL && g_error_matches (local_error, BD_STORE_ERROR, BD_STORE_ERROR_READ_ONLY))
    {
      g_clear_error (&local_error);
      store = bd_store_open (document, BD_STORE_OPEN_READ_ONLY, &local_error);
    }
  if (store == NULL || (doc = bd_store_load (store, &local_error)) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!bd_store_is_read_only (store))
    keep_daily_copy (document);
  window = new_window (self, doc, store);
  remember (self, document);
  add_to_recent_files (document);
  gtk_window_present (GTK_WINDOW (window));
  tell_set_aside (window, store);
  return window;
}

BdWindow *
bd_application_open_path (BdApplication  *self,
                          const char     *path,
                          GError        **error)
{
  return open_document (self, path, FALSE, error);
}

BdWindow *
bd_application_open_unsaved (BdApplication  *self,
                             const char     *path,
                             GError        **error)
{
  return open_unsaved (self, path, error);
}

static void
on_read_only_response (GtkDialog     *dialog,
                       int            response,
                       BdApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "bd-path");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && open_document (self, path, TRUE, &error) == NULL)
    g_warning ("%s", error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Another BudgetDesk is writing the document: say who, and offer to read it. */
static void
offer_read_only (BdApplication *self,
                 const char    *path,
                 GError        *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("The document is open for writing elsewhere"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Open _Read-Only"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "bd-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_read_only_response), self);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report (BdApplication *self,
        const char    *path,
        GError        *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *name = g_filename_display_basename (path);
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _("“%s” could not be opened"), name);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BdApplication *self = BD_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      if (path == NULL || bd_application_open_path (self, path, &error) != NULL)
        continue;
      if (g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED))
        offer_read_only (self, path, error);
      else
        report (self, path, error);
    }
}

static void
bd_application_activate (GApplication *application)
{
  BdApplication *self = BD_APPLICATION (application);
  g_auto(GStrv) recent = self->settings ? g_settings_get_strv (self->settings, "recent-files") : NULL;
  g_autofree char *example = NULL;
  g_autofree char *example_document = NULL;
  g_autoptr(GError) error = NULL;

  if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    {
      gtk_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
      return;
    }
  for (guint i = 0; recent && recent[i]; i++)
    if (g_file_test (recent[i], G_FILE_TEST_IS_REGULAR) && bd_application_open_path (self, recent[i], NULL) != NULL)
      return;

  /* First start: the published example, imported once. */
  {
    g_autofree char *dir = documents_dir ();
    example_document = g_build_filename (dir, "example-2024.budget", NULL);
  }
  if (!g_file_test (example_document, G_FILE_TEST_EXISTS))
    {
      g_autoptr(BdDocument) doc = NULL;

      if ((example = find_example ()) == NULL
          || (doc = bd_import_published_file (example, &error)) == NULL
          || !bd_store_save_as (doc, example_document, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The example document is not installed."));
          report (self, example ? example : "minhang-cityops-2024.md", error);
          return;
        }
    }
  if (bd_application_open_path (self, example_document, &error) == NULL)
    {
      if (g_error_matches (error, BD_STORE_ERROR, BD_STORE_ERROR_LOCKED))
        offer_read_only (self, example_document, error);
      else
        report (self, example_document, error);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *authors[] = { _("The BudgetDesk developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (application),
                         "program-name", _("BudgetDesk"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write, check and print a department's annual budget disclosure"),
                         "authors", authors,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("The user guide could not be opened"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("%s\n\nThe guide is read with the help viewer, yelp "
                                              "(apt install yelp)."), error->message);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user guide (help/, installed for yelp). */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (parent != NULL)
    gtk_show_uri_full (parent, "help:budgetdesk", GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
}

/* Each window is closed as its close button would: it stores what is being
 * typed first, and one that cannot (a value refused) stays open with the
 * reason, the application with it. g_application_quit () would end the
 * process with the typing lost. The last window closed ends it. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "help", help_activated },
  { "quit", quit_activated },
};

static void
bd_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (bd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/cn/budgetdesk/BudgetDesk/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
bd_application_finalize (GObject *object)
{
  BdApplication *self = (BdApplication *) object;

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bd_application_parent_class)->finalize (object);
}

static void
bd_application_class_init (BdApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = bd_application_activate;
  G_APPLICATION_CLASS (klass)->open = bd_application_open;
  G_APPLICATION_CLASS (klass)->startup = bd_application_startup;
}

static void
bd_application_init (BdApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  /* Run from its build folder without the schema, it works without memory. */
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
}

/* Tables, text and pages need nothing GL gives: starting the GL driver
 * costs 60 MiB and a third of a second before the first frame (Mesa, on
 * the machines measured), and cairo draws the same pixels. A renderer or
 * GDK debug flags chosen in the environment are left as they are. */
void
bd_application_set_up_rendering (void)
{
  if (g_getenv ("GSK_RENDERER") == NULL && g_getenv ("GDK_DEBUG") == NULL)
    {
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
      g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
    }
}

BdApplication *
bd_application_new (void)
{
  return g_object_new (BD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/cn/budgetdesk/BudgetDesk",
                       NULL);
}
