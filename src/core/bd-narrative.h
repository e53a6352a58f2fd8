/* bd-narrative.h: the narrative written from the numbers (guide §4)
 *
 * 部门预算编制说明, section 六's 三公, 机关运行经费, procurement and goals
 * paragraphs, and the 政府雇员 amount follow a formula over the schedules,
 * the forms and last year's figures. What the clerk wrote in them — the
 * reason for the change, each 项's purpose clause, the assets paragraphs,
 * the rest of the 政府雇员 sentence — is read from the current text and
 * kept.
 */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

/* The paragraphs @section ("narrative", "other", "employees") should read,
 * as a NULL-terminated array. */
GStrv bd_narrative_generate (BdDocument *doc,
                             const char *section);

/* Last year's figures the text compares with, taken from last year's
 * document of the same department (its computed totals). They are kept in
 * this document, so the choice is made once. */
gboolean bd_narrative_take_last_year (BdDocument  *doc,
                                      BdDocument  *last_year,
                                      GError     **error);

/* Gives a new document the sections every document has: 主要职能 and 机构设置
 * to be written, 名词解释 with its standard terms, the 编制说明 and 其他相关情况说明
 * written from the numbers. */
void     bd_narrative_start          (BdDocument  *doc);

G_END_DECLS
