/* bd-review.h: the review of a folder of documents, as a finance bureau does it
 *
 * Every document under a folder (.budget, .md, .pdf, .xlsx) is read and
 * checked, several at a time; a file that cannot be read is an entry with its
 * reason, never a stop. The result is one entry per file and its findings,
 * written as a workbook (a sheet of departments, one of findings) or JSON.
 */
#pragma once

#include <glib.h>

#include "bd-checker.h"

G_BEGIN_DECLS

typedef enum {
  BD_REVIEW_UNREADABLE,    /* worst first: the order of the departments sheet */
  BD_REVIEW_ERRORS,
  BD_REVIEW_WARNINGS,
  BD_REVIEW_CLEAN,
} BdReviewStatus;

typedef struct _BdReviewEntry BdReviewEntry;

typedef struct {
  BdReviewEntry *entry;    /* the file it is in (not a reference) */
  BdSeverity  severity;
  BdPart      part;
  char       *section;     /* the part's title, as the window shows it */
  int         page;        /* from 1: of the PDF it was read from, or as BudgetDesk prints the
                            * document; 0 when not known or for the whole document */
  char       *rule;
  char       *message;     /* with the expected and found figures, when there are */
} BdReviewFinding;

struct _BdReviewEntry {
  char           *file;        /* relative to the folder reviewed */
  char           *path;        /* absolute: the report links to it */
  char           *department;  /* NULL when unreadable */
  int             year;
  char           *kind;        /* 部门预算 or 单位预算, as the title says; NULL when unreadable */
  BdReviewStatus  status;
  char           *reason;      /* why it could not be read, or NULL */
  guint           counts[3];   /* by BdSeverity */
  GPtrArray      *findings;    /* BdReviewFinding*, by severity then part */
};

/* Called in the calling thread after each file: @done of @total checked. */
typedef void (*BdReviewProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

/* The files a review reads under @folder (recursively, hidden ones and
 * @exclude left out), sorted; NULL with @error when @folder cannot be read. */
GPtrArray  *bd_review_list_files   (const char        *folder,
                                    const char        *exclude,
                                    GError           **error);
/* Reads and checks @files (paths under @folder) on @n_threads threads (0: one
 * a processor). Returns BdReviewEntry*, the worst first: unreadable, then by
 * errors, then by warnings, most first, then by file. */
GPtrArray  *bd_review_files        (const char        *folder,
                                    GPtrArray         *files,
                                    guint              n_threads,
                                    BdReviewProgress   progress,
                                    gpointer           user_data);
/* Reviews one file: what a thread of bd_review_files() does. */
BdReviewEntry *bd_review_file      (const char        *folder,
                                    const char        *file);
void        bd_review_entry_free   (BdReviewEntry     *entry);
const char *bd_review_status_label (BdReviewStatus     status);

/* The page of the PDF a finding's row (or its schedule's title) was read
 * from, or 0: the page the clerk or reviewer has in hand. Shared by the
 * review and budgetdesk-cli validate so both name the same page. */
guint       bd_review_finding_source_page (BdDocument      *doc,
                                           const BdFinding *finding);
/* Where a finding's row (or its schedule) was read, in words: "page 9"
 * (第9页), "line 120", "sheet “表3”, cell B7"; NULL when the document was
 * not imported. validate and the window's findings name it. */
char       *bd_review_finding_source (BdDocument      *doc,
                                      const BdFinding *finding);

/* Every finding of @entries, errors first, then by file and part. */
GPtrArray  *bd_review_sorted_findings (GPtrArray      *entries);

/* {"documents": [{file, path, department, year, kind, status, reason, errors,
 * warnings, notes}], "findings": [{file, department, section, page, rule,
 * severity, message}]} */
char       *bd_review_to_json      (GPtrArray         *entries);
/* A workbook: a sheet of the departments, one of the findings. Replaces
 * @path only once it is whole. */
gboolean    bd_review_write_xlsx   (GPtrArray         *entries,
                                    const char        *path,
                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdReviewEntry, bd_review_entry_free)

G_END_DECLS
