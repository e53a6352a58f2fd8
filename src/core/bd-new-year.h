/* bd-new-year.h: next year's document, started from last year's
 *
 * A clerk starts the year from last year's document: the department, its
 * units, the sections the clerk wrote (职能, 机构设置, 名词解释, the reasons
 * and purposes of the 编制说明), every row of every schedule with its figures
 * cleared, last year's totals kept as the base the text compares with, and
 * the forms re-dated with their indicators and targets.
 */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* The document of the year after @last's, made from @last (left as it
 * was): @next must be a second copy of the same document (read twice),
 * which is turned into next year's in place. */
void        bd_new_year_from_document (BdDocument  *next,
                                       BdDocument  *last);

/* Reads last year's document (a .budget, a published PDF or text) and
 * returns next year's, in memory. */
BdDocument *bd_new_year_from_file     (const char  *path,
                                       GError     **error);

/* Whether a form was carried over from last year and not yet reviewed:
 * its annual funds are still empty. */
gboolean    bd_new_year_form_to_review (const BdProject *project);

G_END_DECLS
