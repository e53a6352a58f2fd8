/* bd-project-field.h: the fields of a performance-goal form (BdProject) as
 * one table: each field's name (the column of the document file's project
 * table, and the name the editor and the form editor use), its kind, where
 * it lives in BdProject and its label on the published form. The store, the
 * editor and the form editor read it instead of listing the fields each. */
#pragma once

#include "bd-document.h"

G_BEGIN_DECLS

typedef enum {
  BD_PROJECT_FIELD_TEXT,     /* char *: any text, NULL read as empty */
  BD_PROJECT_FIELD_AMOUNT,   /* gint64 分, typed and shown in 元 as 4,630,048.00 */
} BdProjectFieldKind;

typedef struct {
  const char         *name;
  BdProjectFieldKind  kind;
  gsize               offset;   /* of the member in BdProject */
  const char         *label;    /* as printed on the form */
} BdProjectField;

/* In the order of the project table's columns. */
#define BD_N_PROJECT_FIELDS 17
extern const BdProjectField bd_project_fields[BD_N_PROJECT_FIELDS];

const BdProjectField *bd_project_field_find   (const char           *name);

static inline char **
bd_project_field_text (const BdProjectField *field,
                       BdProject            *project)
{
  return G_STRUCT_MEMBER_P (project, field->offset);
}

static inline gint64 *
bd_project_field_amount (const BdProjectField *field,
                         BdProject            *project)
{
  return G_STRUCT_MEMBER_P (project, field->offset);
}

/* The field as the clerk reads it: the text, or the amount with thousands
 * separators. Never NULL. */
char                 *bd_project_field_format (const BdProjectField *field,
                                               const BdProject      *project);
/* Sets the field from what the clerk typed; FALSE with @error when an
 * amount is not one. *@changed says whether the value differs. */
gboolean              bd_project_field_parse  (const BdProjectField *field,
                                               BdProject            *project,
                                               const char           *text,
                                               gboolean             *changed,
                                               GError              **error);
/* Copies every field of @from into @to (texts duplicated), and frees them. */
void                  bd_project_fields_copy  (BdProject            *to,
                                               const BdProject      *from);
void                  bd_project_fields_clear (BdProject            *project);

G_END_DECLS
