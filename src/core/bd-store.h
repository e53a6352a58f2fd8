/* bd-store.h: the document file, one SQLite database per department and year
 *
 * A file is checked before anything is written to it: it must be an SQLite
 * database carrying BudgetDesk's application id, pass a quick integrity check
 * and have a schema version this build knows. Files are opened defensively
 * (no schema trust, no extensions, no triggers or views run), so a document
 * received from elsewhere cannot run code. Every edit is one transaction,
 * written into the .budget itself before it is acknowledged (a rollback
 * journal, synced): a copy of the file alone holds every edit.
 */
#pragma once

#include <glib-object.h>

#include "bd-document.h"

G_BEGIN_DECLS

#define BD_STORE_ERROR (bd_store_error_quark ())

typedef enum {
  BD_STORE_ERROR_NOT_FOUND,
  BD_STORE_ERROR_NOT_A_DATABASE,
  BD_STORE_ERROR_FOREIGN,         /* an SQLite database of another program */
  BD_STORE_ERROR_CORRUPT,
  BD_STORE_ERROR_NEWER_VERSION,
  BD_STORE_ERROR_READ_ONLY,
  BD_STORE_ERROR_LOCKED,
  BD_STORE_ERROR_FULL,
  BD_STORE_ERROR_IO,
  BD_STORE_ERROR_INTERRUPTED,     /* left mid-edit by a crash: opening it for writing repairs it */
} BdStoreError;

typedef enum {
  BD_STORE_OPEN_DEFAULT   = 0,
  BD_STORE_OPEN_READ_ONLY = 1 << 0,
} BdStoreOpenFlags;

/* "BDSK": marks a database as a BudgetDesk document. */
#define BD_STORE_APPLICATION_ID 0x4244534B
#define BD_STORE_SCHEMA_VERSION 6

#define BD_TYPE_STORE (bd_store_get_type ())
G_DECLARE_FINAL_TYPE (BdStore, bd_store, BD, STORE, GObject)

GQuark      bd_store_error_quark   (void);

/* Writes @doc as a new document file. The file appears whole or not at all:
 * it is written beside @path and renamed over it once complete. */
gboolean    bd_store_save_as       (BdDocument       *doc,
                                    const char       *path,
                                    GError          **error);

/* Whether the file at @path (links followed) is a BudgetDesk document:
 * an SQLite database carrying BudgetDesk's application id. An export is
 * never written over one (“export x.budget --md x.budget” replaced the
 * document, under its open writer too); only bd_store_save_as() replaces
 * a document, and never one open for writing. */
gboolean    bd_store_is_document_file (const char    *path);

BdStore    *bd_store_open          (const char       *path,
                                    BdStoreOpenFlags  flags,
                                    GError          **error);
/* Reads the whole document; its rows, projects and indicators carry their ids. */
BdDocument *bd_store_load          (BdStore          *self,
                                    GError          **error);
const char *bd_store_get_path      (BdStore          *self);
/* Where a journal left beside the file by a program that stopped, and not
 * the file's own, was moved when it was opened (NAME-journal.unused); NULL
 * when none was. It was not applied: worth telling the clerk. */
const char *bd_store_get_set_aside (BdStore          *self);
gboolean    bd_store_is_read_only  (BdStore          *self);

/* Groups several edits into one transaction (a paste, a fix); they nest. */
gboolean    bd_store_begin         (BdStore          *self,
                                    GError          **error);
gboolean    bd_store_commit        (BdStore          *self,
                                    GError          **error);
void        bd_store_rollback      (BdStore          *self);

/* Edits: each is one transaction unless inside bd_store_begin(). */
gboolean    bd_store_update_amount (BdStore          *self,
                                    BdRow            *row,
                                    guint             column,
                                    GError          **error);
/* Writes every figure of a row, entered, computed and published alike. */
gboolean    bd_store_update_row    (BdStore          *self,
                                    BdRow            *row,
                                    guint             n_columns,
                                    GError          **error);
gboolean    bd_store_update_row_name (BdStore        *self,
                                    BdRow            *row,
                                    GError          **error);
/* Rewrites one schedule's rows (after rows were added or removed). Rows
 * rewritten get new ids; when the edit fails, those in memory are not the
 * file's: restore the schedule as it was, or load the document again (as
 * after bd_store_save_projects() and bd_store_save_document()). */
gboolean    bd_store_save_schedule (BdStore          *self,
                                    BdSchedule       *schedule,
                                    GError          **error);
gboolean    bd_store_save_header   (BdStore          *self,
                                    BdDocument       *doc,
                                    GError          **error);
gboolean    bd_store_save_section  (BdStore          *self,
                                    BdDocument       *doc,
                                    BdSection        *section,
                                    GError          **error);
gboolean    bd_store_save_figures  (BdStore          *self,
                                    BdDocument       *doc,
                                    GError          **error);
/* Rewrites the codes the document names beyond the catalog. */
gboolean    bd_store_save_extra_codes (BdStore       *self,
                                    BdDocument       *doc,
                                    GError          **error);
/* Rewrites every form, in the document's order. */
gboolean    bd_store_save_projects (BdStore          *self,
                                    BdDocument       *doc,
                                    GError          **error);

/* The whole document, as one transaction. */
gboolean    bd_store_save_document (BdStore          *self,
                                    BdDocument       *doc,
                                    GError          **error);

G_END_DECLS
