/* bd-review.c: the review of a folder of documents */

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bd-importer.h"
#include "bd-pdf-import.h"
#include "bd-page-layout.h"
#include "bd-review.h"
#include "bd-store.h"

/* What a review reads, by the end of a file's name. */
static const char *const review_suffixes[] = { ".budget", ".md", ".pdf", ".xlsx" };

static gboolean
is_reviewed (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (review_suffixes); i++)
    if (g_str_has_suffix (lower, review_suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
list_folder (const char  *folder,
             const char  *relative,
             const char  *exclude,
             GPtrArray   *files,
             GError     **error)
{
  g_autofree char *path = relative ? g_build_filename (folder, relative, NULL) : g_strdup (folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (folder, child_relative, NULL);

      /* Hidden files are an office suite's locks and BudgetDesk's own half-written exports. */
      if (name[0] == '.' || g_str_has_prefix (name, "~$"))
        continue;
      if (exclude != NULL && strcmp (child, exclude) == 0)
        continue;
      /* Not following links to folders: a link to a parent would never end. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_autoptr(GError) ignored = NULL;
          /* A subfolder that cannot be read leaves the others to review. */
          list_folder (folder, child_relative, exclude, files, &ignored);
        }
      else if (is_reviewed (name) && g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child_relative));
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
bd_review_list_files (const char  *folder,
                      const char  *exclude,
                      GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *excluded = NULL;
  g_autofree char *real_folder = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  /* The report may be written into the folder it reviews: it is not reviewed. */
  if (exclude != NULL)
    {
      g_autofree char *base = g_path_get_basename (exclude);
      g_autofree char *dir = g_path_get_dirname (exclude);
      g_autofree char *real_dir = g_canonicalize_filename (dir, NULL);
      excluded = g_build_filename (real_dir, base, NULL);
    }
  real_folder = g_canonicalize_filename (folder, NULL);
  if (!list_folder (real_folder, NULL, excluded, files, error))
    return NULL;
  g_ptr_array_sort (files, compare_strings);
  return g_steal_pointer (&files);
}

static void
review_finding_free (BdReviewFinding *finding)
{
  g_free (finding->section);
  g_free (finding->rule);
  g_free (finding->message);
  g_free (finding);
}

void
bd_review_entry_free (BdReviewEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->file);
  g_free (entry->path);
  g_free (entry->department);
  g_free (entry->kind);
  g_free (entry->reason);
  g_clear_pointer (&entry->findings, g_ptr_array_unref);
  g_free (entry);
}

const char *
bd_review_status_label (BdReviewStatus status)
{
  switch (status)
    {
    case BD_REVIEW_UNREADABLE: return _("cannot be read");
    case BD_REVIEW_ERRORS: return _("errors");
    case BD_REVIEW_WARNINGS: return _("warnings");
    case BD_REVIEW_CLEAN:
    default:
      return _("clean");
    }
}

/* Whether @doc was imported from a PDF: its schedules keep their pages. */
static gboolean
read_from_pdf (BdDocument *doc)
{
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    if (bd_document_get_schedule (doc, n)->source_page != 0)
      return TRUE;
  return FALSE;
}

/* A document as the command line's import and open read it: a .budget is
 * opened, a published PDF or text imported. */
static BdDocument *
read_document (const char  *path,
               gboolean    *from_pdf,
               GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);
  g_autofree char *base = g_path_get_basename (path);

  *from_pdf = g_str_has_suffix (lower, ".pdf");
  if (g_str_has_suffix (lower, ".budget"))
    {
      g_autoptr(BdStore) store = bd_store_open (path, BD_STORE_OPEN_READ_ONLY, error);
      BdDocument *doc = store ? bd_store_load (store, error) : NULL;

      /* A document imported from a PDF keeps its pages: the finance bureau
       * reads the PDF that was published, not BudgetDesk's printout. */
      *from_pdf = doc != NULL && read_from_pdf (doc);
      return doc;
    }
  if (bd_import_is_importable (path))
    return bd_import_any_file (path, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("BudgetDesk cannot read “%s”: it reads .budget documents and published budgets (.pdf, .md)"),
               base);
  return NULL;
}

/* The schedule a finding is in, or NULL when it is in none; *@row its row
 * there, or NULL. */
static BdSchedule *
finding_schedule (BdDocument      *doc,
                  const BdFinding *finding,
                  BdRow          **row)
{
  BdSchedule *schedule;

  if (finding->part < BD_PART_SCHEDULE_1 || finding->part >= BD_PART_SCHEDULE_1 + BD_N_SCHEDULES)
    return NULL;
  schedule = bd_document_get_schedule (doc, finding->part - BD_PART_SCHEDULE_1 + 1);
  *row = finding->row != NULL ? bd_schedule_find_row (schedule, finding->row) : NULL;
  return schedule;
}

guint
bd_review_finding_source_page (BdDocument      *doc,
                               const BdFinding *finding)
{
  BdSchedule *schedule;
  BdRow *row;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (finding != NULL, 0);

  if ((schedule = finding_schedule (doc, finding, &row)) == NULL)
    return 0;
  if (row != NULL && row->source_page != 0)
    return row->source_page;
  return schedule->source_page;
}

char *
bd_review_finding_source (BdDocument      *doc,
                          const BdFinding *finding)
{
  BdSchedule *schedule;
  BdRow *row;
  char *text;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  /* What the import noted stands where it was printed. */
  for (guint i = 0; doc->import_notes != NULL && g_strcmp0 (finding->rule, "as-printed") == 0
                    && i < doc->import_notes->len; i++)
    {
      const BdImportNote *note = g_ptr_array_index (doc->import_notes, i);

      if (note->part == finding->part && g_strcmp0 (note->row, finding->row) == 0
          && g_strcmp0 (note->message, finding->message) == 0 && (note->page != 0 || note->line != 0))
        return bd_import_note_source_text (note);
    }
  if ((schedule = finding_schedule (doc, finding, &row)) == NULL)
    return NULL;
  if (row != NULL && (text = bd_row_source_text (row)) != NULL)
    return text;
  return bd_schedule_source_text (schedule);
}

/* Errors first, then by file (a review's findings are listed across its
 * files), then by part: one entry's findings sort by severity and part. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const BdReviewFinding *fa = *(BdReviewFinding *const *) a;
  const BdReviewFinding *fb = *(BdReviewFinding *const *) b;
  int by_file;

  if (fa->severity != fb->severity)
    return (int) fa->severity - (int) fb->severity;
  by_file = fa->entry != fb->entry ? strcmp (fa->entry->file, fb->entry->file) : 0;
  if (by_file != 0)
    return by_file;
  return (int) fa->part - (int) fb->part;
}

GPtrArray *
bd_review_sorted_findings (GPtrArray *entries)
{
  GPtrArray *findings = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      BdReviewEntry *entry = g_ptr_array_index (entries, i);
      for (guint f = 0; f < entry->findings->len; f++)
        g_ptr_array_add (findings, g_ptr_array_index (entry->findings, f));
    }
  /* Stable (GLib's sort is a merge sort): a file's findings keep their order within a part. */
  g_ptr_array_sort (findings, compare_findings);
  return findings;
}

static void
add_findings (BdReviewEntry *entry,
              BdDocument    *doc,
              gboolean       from_pdf,
              GPtrArray     *findings)
{
  g_autoptr(BdPageLayout) layout = NULL;

  /* Laying out the pages is most of a review's time: only for a document with
   * findings, and not for a PDF or a document imported from one, whose own
   * pages are the ones to name. */
  if (findings->len > 0 && !from_pdf)
    layout = bd_page_layout_new (doc, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const BdFinding *finding = g_ptr_array_index (findings, i);
      BdReviewFinding *row = g_new0 (BdReviewFinding, 1);
      int page = from_pdf ? (int) bd_review_finding_source_page (doc, finding) - 1
               : finding->part == BD_PART_DOCUMENT ? -1
               : bd_page_layout_get_part_page (layout, finding->part);

      row->severity = finding->severity;
      row->part = finding->part;
      row->section = bd_document_part_title (doc, finding->part);
      row->page = page + 1;
      row->rule = g_strdup (finding->rule);
      row->entry = entry;
      if (finding->expected != NULL && finding->actual != NULL)
        {
          g_autofree char *figures = g_strdup_printf (_(" (expected %s, found %s)"), finding->expected, finding->actual);
          row->message = g_strconcat (finding->message, figures, NULL);
        }
      else
        row->message = g_strdup (finding->message);
      entry->counts[finding->severity]++;
      g_ptr_array_add (entry->findings, row);
    }
  g_ptr_array_sort (entry->findings, compare_findings);
}

BdReviewEntry *
bd_review_file (const char *folder,
                const char *file)
{
  g_autoptr(BdReviewEntry) entry = g_new0 (BdReviewEntry, 1);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BdDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gboolean from_pdf = FALSE;

  entry->file = g_strdup (file);
  entry->path = g_canonicalize_filename (path, NULL);
  entry->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) review_finding_free);
  doc = read_document (path, &from_pdf, &error);
  if (doc == NULL)
    {
      entry->status = BD_REVIEW_UNREADABLE;
      entry->reason = g_strdup (error->message);
      return g_steal_pointer (&entry);
    }

  entry->department = g_strdup (doc->department);
  entry->year = doc->year;
  entry->kind = g_strdup (doc->unit_budget ? "单位预算" : "部门预算");
  findings = bd_check_document (doc);
  add_findings (entry, doc, from_pdf, findings);
  entry->status = entry->counts[BD_SEVERITY_ERROR] > 0 ? BD_REVIEW_ERRORS
                : entry->counts[BD_SEVERITY_WARNING] > 0 ? BD_REVIEW_WARNINGS
                : BD_REVIEW_CLEAN;
  return g_steal_pointer (&entry);
}

typedef struct {
  const char     *folder;
  GPtrArray      *files;
  BdReviewEntry **entries;
  GAsyncQueue    *done;
} ReviewJob;

static void
review_one (gpointer data,
            gpointer user_data)
{
  ReviewJob *job = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;

  job->entries[index] = bd_review_file (job->folder, g_ptr_array_index (job->files, index));
  g_async_queue_push (job->done, GUINT_TO_POINTER (index + 1));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BdReviewEntry *ea = *(BdReviewEntry *const *) a;
  const BdReviewEntry *eb = *(BdReviewEntry *const *) b;

  if (ea->status != eb->status)
    return (int) ea->status - (int) eb->status;
  if (ea->counts[BD_SEVERITY_ERROR] != eb->counts[BD_SEVERITY_ERROR])
    return ea->counts[BD_SEVERITY_ERROR] > eb->counts[BD_SEVERITY_ERROR] ? -1 : 1;
  if (ea->counts[BD_SEVERITY_WARNING] != eb->counts[BD_SEVERITY_WARNING])
    return ea->counts[BD_SEVERITY_WARNING] > eb->counts[BD_SEVERITY_WARNING] ? -1 : 1;
  return strcmp (ea->file, eb->file);
}

GPtrArray *
bd_review_files (const char       *folder,
                 GPtrArray        *files,
                 guint             n_threads,
                 BdReviewProgress  progress,
                 gpointer          user_data)
{
  GPtrArray *entries = g_ptr_array_new_full (files->len, (GDestroyNotify) bd_review_entry_free);
  ReviewJob job = { folder, files, g_new0 (BdReviewEntry *, files->len + 1), g_async_queue_new () };
  GThreadPool *pool;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  pool = g_thread_pool_new (review_one, &job, (int) MAX (1, MIN (n_threads, files->len)), TRUE, NULL);
  /* Indices from 1: a NULL would not be queued. */
  for (guint i = 0; i < files->len; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  for (guint done = 1; done <= files->len; done++)
    {
      g_async_queue_pop (job.done);
      if (progress != NULL)
        progress (done, files->len, user_data);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (job.done);

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (entries, job.entries[i]);
  g_free (job.entries);
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}
