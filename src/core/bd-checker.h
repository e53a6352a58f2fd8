/* bd-checker.h: validation of a document, rule by rule
 *
 * The rules are one declarative list (bd-rules.c): a stable id, a severity,
 * the part it reports on, a translatable description and a check. A check
 * yields findings, each located (part, row, column), with the expected and
 * actual figures as printed and, where the right value is certain, a fix.
 * The command line, the window's badges and the tests use this same code.
 */
#pragma once

#include <glib-object.h>

#include "bd-document.h"

G_BEGIN_DECLS

typedef enum {
  BD_SEVERITY_ERROR,
  BD_SEVERITY_WARNING,
  BD_SEVERITY_INFO,
} BdSeverity;

/* The edit that resolves a finding, when it is certain. */
typedef enum {
  BD_FIX_NONE,
  BD_FIX_SET_AMOUNT,        /* schedule @schedule, row @code, column @column := @value */
  BD_FIX_SET_INCOME,        /* schedule @schedule, income item @code := @value */
  BD_FIX_ACCEPT_COMPUTED,   /* schedule @schedule: forget the published figures its sums replace */
  BD_FIX_SET_NOTE,          /* schedule @schedule gets @text as its note (NULL: none) */
  BD_FIX_SET_NAME,          /* row @code of schedule @schedule is renamed @text */
  BD_FIX_SET_TITLE_YEAR,    /* schedule @schedule is titled with the document's year */
} BdFixKind;

typedef struct {
  BdFixKind kind;
  guint     schedule;
  char     *code;
  guint     column;
  gint64    value;
  char     *text;
  guint     project;
} BdFix;

typedef struct {
  const char *rule;       /* stable id, e.g. "schedule-1-matches-2" */
  BdSeverity  severity;
  BdPart      part;
  char       *row;        /* code or label, or NULL */
  char       *column;     /* column name, or NULL */
  char       *message;
  char       *expected;   /* as printed, or NULL */
  char       *actual;
  BdFix       fix;
  guint       position;   /* the row it was made on (schedule << 24 | index), G_MAXUINT for none:
                           * keeps the order of a full check when only some rows are checked again */
} BdFinding;

/* What a check sees: the document, where its findings go, and look-ups
 * built once for all rules of a run. */
typedef struct _BdCheck BdCheck;

/* What a rule reads, and what an edit changed: a rule is run again only when
 * an edit changed something it reads. */
typedef enum {
  BD_READS_SCHEDULE_1 = 1 << 0,       /* the figures of schedule n are bit n - 1 */
  BD_READS_ALL_SCHEDULES = 0x1ff,
  BD_READS_ROWS = 1 << 9,             /* which rows exist, their codes and names */
  BD_READS_TEXT = 1 << 10,            /* the text sections and their figures */
  BD_READS_FORMS = 1 << 11,           /* the performance-goal forms */
  BD_READS_HEADER = 1 << 12,          /* department, year, framework, titles */
  BD_READS_EVERYTHING = 0x1fff,
} BdReads;

#define BD_READS_SCHEDULE(n) ((BdReads) (1u << ((n) - 1)))

typedef struct {
  const char *id;
  BdSeverity  severity;
  BdPart      part;          /* the part it reports on; BD_PART_DOCUMENT when it varies */
  guint       reads;         /* BdReads */
  const char *description;   /* N_() marked, translate with _() */
  void      (*check) (BdCheck *check);   /* what is not row by row; may be NULL */
  /* A rule checked row by row: after an edit of some cells only the rows
   * that changed are checked again (besides @check, run whole). It reads
   * those rows' schedules (@row_schedules, BdReads) and, of the others in
   * @reads, only what @row_context sums up: when that changes (or, without
   * it, on any edit there) every row is checked again. */
  void      (*check_row) (BdCheck *check, guint number, BdRow *row);
  guint       row_schedules; /* BdReads: the schedules whose rows it walks */
  guint       row_flags;     /* which rows (bd-check-private.h: BdIterFlags) */
  guint     (*row_context) (BdCheck *check);
} BdRule;

const BdRule *bd_rules                 (guint       *n_rules);
const BdRule *bd_rule_lookup           (const char  *id);

/* Runs every rule; element type BdFinding*, ordered by part. */
GPtrArray    *bd_check_document        (BdDocument  *doc);
/* Runs one rule. */
GPtrArray    *bd_check_rule            (BdDocument  *doc,
                                        const BdRule *rule);

/* Keeps the findings of every rule, so that after an edit only the rules
 * reading what changed run again. */
#define BD_TYPE_CHECKER (bd_checker_get_type ())
G_DECLARE_FINAL_TYPE (BdChecker, bd_checker, BD, CHECKER, GObject)

BdChecker    *bd_checker_new           (BdDocument  *doc);
/* Runs the rules that read any of @changed (BdReads; BD_READS_EVERYTHING the
 * first time) and returns every finding, ordered by part. The array belongs
 * to the checker and lasts until the next update. */
GPtrArray    *bd_checker_update        (BdChecker   *self,
                                        guint        changed);

void          bd_finding_free          (BdFinding   *finding);
const char   *bd_severity_to_string    (BdSeverity   severity);
/* The word a clerk reads for @severity (error, warning, note), translated. */
const char   *bd_severity_label        (BdSeverity   severity);

/* Applies a finding's fix to the document in memory (and recomputes). The
 * caller stores the change. Returns FALSE when the finding has no fix. */
gboolean      bd_finding_apply_fix     (const BdFinding *finding,
                                        BdDocument      *doc);

/* {"findings": [{"rule", "severity", "section", "row", "column", "message", "expected", "actual"}]} */
char         *bd_findings_to_json      (GPtrArray   *findings);
/* The same, and when @doc has a rule profile, "profile": {"rule id": "off" | "error" | …}. */
char         *bd_findings_to_json_with_profile (GPtrArray  *findings,
                                        BdDocument  *doc);

/* The rule profile: a document may switch a rule off or give it another
 * severity. @setting: "off", "error", "warning", "info", or "default" (or
 * NULL) for the rule's own. Fails on an unknown rule or setting. @rule may
 * also name a threshold (bd_rules_threshold_name): @setting is then a whole
 * per cent from 1 to 1000, or "default". */
gboolean      bd_rule_profile_set      (BdDocument  *doc,
                                        const char  *rule,
                                        const char  *setting,
                                        GError     **error);
/* The document's setting for @rule, or NULL for the rule's own. */
const char   *bd_rule_profile_get      (BdDocument  *doc,
                                        const char  *rule);
/* Whether @doc switched @rule off; else its severity in @doc. */
gboolean      bd_rule_profile_severity (BdDocument   *doc,
                                        const BdRule *rule,
                                        BdSeverity   *severity);
/* The thresholds of the rules, in hundredths of a per cent: the settings
 * reason-threshold (narrative-items: a change that asks for its 主要原因,
 * 10 %) and year-change-threshold (item-change: a 项 moved against last
 * year's document, 50 %), read once; set here, they hold from the next
 * check of the rules using them. */
typedef enum {
  BD_THRESHOLD_REASON,
  BD_THRESHOLD_YEAR_CHANGE,
} BdThreshold;

guint         bd_rules_threshold       (BdThreshold  threshold);
void          bd_rules_set_threshold   (BdThreshold  threshold,
                                        guint        hundredths);
/* Each threshold is also a setting of the document's rule profile, named
 * as its GSettings key, in whole per cents ("12"): the document's own when
 * it has one, else the machine's above. */
const char   *bd_rules_threshold_name  (BdThreshold  threshold);
gboolean      bd_rules_threshold_lookup (const char  *name,
                                        BdThreshold *threshold);
/* The threshold the rule @id reads, or NULL. */
const char   *bd_rules_threshold_of_rule (const char *id);
guint         bd_rules_document_threshold (BdDocument  *doc,
                                        BdThreshold  threshold);

/* How many of @findings are of @severity. */
guint         bd_findings_count        (GPtrArray   *findings,
                                        BdSeverity   severity);

G_END_DECLS
