/* bd-review-writer.c: a review's report, as JSON or (written by the module
 * "xlsx", src/modules/bd-xlsx-review.c) as a workbook */

#include <json-glib/json-glib.h>

#include "bd-review.h"
#include "bd-module.h"
#include "bd-xlsx-module.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Status words in JSON are for programs: not translated. */
static const char *const status_ids[] = { "unreadable", "errors", "warnings", "clean" };

static void
build_documents (JsonBuilder *builder,
                 GPtrArray   *entries)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const BdReviewEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "file", entry->file);
      add_string_member (builder, "path", entry->path);
      add_string_member (builder, "department", entry->department);
      json_builder_set_member_name (builder, "year");
      if (entry->status == BD_REVIEW_UNREADABLE)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, entry->year);
      add_string_member (builder, "kind", entry->kind);
      add_string_member (builder, "status", status_ids[entry->status]);
      add_string_member (builder, "reason", entry->reason);
      add_int_member (builder, "errors", entry->counts[BD_SEVERITY_ERROR]);
      add_int_member (builder, "warnings", entry->counts[BD_SEVERITY_WARNING]);
      add_int_member (builder, "notes", entry->counts[BD_SEVERITY_INFO]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_findings (JsonBuilder *builder,
                GPtrArray   *entries)
{
  g_autoptr(GPtrArray) findings = bd_review_sorted_findings (entries);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      const BdReviewFinding *finding = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "file", finding->entry->file);
      add_string_member (builder, "department", finding->entry->department);
      add_string_member (builder, "section", bd_part_to_string (finding->part));
      add_string_member (builder, "title", finding->section);
      add_int_member (builder, "page", finding->page);
      add_string_member (builder, "rule", finding->rule);
      add_string_member (builder, "severity", bd_severity_to_string (finding->severity));
      add_string_member (builder, "message", finding->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
bd_review_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  build_documents (builder, entries);
  build_findings (builder, entries);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

gboolean
bd_review_write_xlsx (GPtrArray   *entries,
                      const char  *path,
                      GError     **error)
{
  BdXlsxWriteReviewFunc write;

  g_return_val_if_fail (entries != NULL && path != NULL, FALSE);

  write = bd_module_symbol (BD_XLSX_MODULE, BD_XLSX_WRITE_REVIEW_SYMBOL, error);
  return write != NULL && write (entries, path, error);
}
