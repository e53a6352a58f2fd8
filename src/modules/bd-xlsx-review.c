/* bd-xlsx-review.c: a review's report as a workbook, in the module "xlsx"
 * (bd-xlsx-module.h) */

#include <glib/gi18n.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bd-review.h"
#include "bd-xlsx-file.h"
#include "bd-xlsx-module.h"

#define FONT "宋体"

typedef struct {
  const char *title;   /* N_() */
  double      width;
} Column;

static const Column department_columns[] = {
  { N_("File"), 36 }, { N_("Department"), 36 }, { N_("Year"), 8 }, { N_("Kind"), 10 },
  { N_("Errors"), 8 }, { N_("Warnings"), 8 }, { N_("Status"), 12 }, { N_("Reason"), 60 },
};

static const Column finding_columns[] = {
  { N_("Department"), 36 }, { N_("File"), 30 }, { N_("Section"), 32 }, { N_("Printed page"), 8 },
  { N_("Rule"), 26 }, { N_("Severity"), 8 }, { N_("Finding"), 90 },
};

static lxw_worksheet *
add_sheet (lxw_workbook  *workbook,
           const char    *name,
           const Column  *columns,
           guint          n_columns,
           lxw_format    *header)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);

  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet, c, c, columns[c].width, NULL);
      worksheet_write_string (sheet, 0, c, _(columns[c].title), header);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

/* The file's name, linked to the file: in a spreadsheet, a click opens the
 * department's document (a .budget in BudgetDesk, with its findings). */
static void
write_file_link (lxw_worksheet       *sheet,
                 lxw_row_t            row,
                 lxw_col_t            column,
                 const BdReviewEntry *entry,
                 lxw_format          *link)
{
  g_autofree char *uri = g_filename_to_uri (entry->path, NULL, NULL);

  /* Excel takes links of up to 2079 characters; a longer one is the name alone. */
  if (uri == NULL || strlen (uri) > 2079
      || worksheet_write_url_opt (sheet, row, column, uri, link, entry->file, NULL) != LXW_NO_ERROR)
    worksheet_write_string (sheet, row, column, entry->file, link);
}

static void
write_departments (lxw_workbook *workbook,
                   GPtrArray    *entries,
                   lxw_format   *header,
                   lxw_format   *text,
                   lxw_format   *link)
{
  lxw_worksheet *sheet = add_sheet (workbook, _("Departments"), department_columns,
                                    G_N_ELEMENTS (department_columns), header);

  for (guint i = 0; i < entries->len; i++)
    {
      const BdReviewEntry *entry = g_ptr_array_index (entries, i);
      lxw_row_t row = i + 1;

      write_file_link (sheet, row, 0, entry, link);
      if (entry->status != BD_REVIEW_UNREADABLE)
        {
          worksheet_write_string (sheet, row, 1, entry->department, text);
          worksheet_write_number (sheet, row, 2, entry->year, text);
          worksheet_write_string (sheet, row, 3, entry->kind, text);
          worksheet_write_number (sheet, row, 4, entry->counts[BD_SEVERITY_ERROR], text);
          worksheet_write_number (sheet, row, 5, entry->counts[BD_SEVERITY_WARNING], text);
        }
      worksheet_write_string (sheet, row, 6, bd_review_status_label (entry->status), text);
      if (entry->reason != NULL)
        worksheet_write_string (sheet, row, 7, entry->reason, text);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (entries->len, 1), G_N_ELEMENTS (department_columns) - 1);
}

static void
write_findings (lxw_workbook *workbook,
                GPtrArray    *entries,
                lxw_format   *header,
                lxw_format   *text,
                lxw_format   *link)
{
  g_autoptr(GPtrArray) findings = bd_review_sorted_findings (entries);
  lxw_worksheet *sheet = add_sheet (workbook, _("Findings"), finding_columns,
                                    G_N_ELEMENTS (finding_columns), header);

  for (guint i = 0; i < findings->len; i++)
    {
      const BdReviewFinding *finding = g_ptr_array_index (findings, i);
      lxw_row_t row = i + 1;

      worksheet_write_string (sheet, row, 0, finding->entry->department, text);
      write_file_link (sheet, row, 1, finding->entry, link);
      worksheet_write_string (sheet, row, 2, finding->section, text);
      if (finding->page > 0)
        worksheet_write_number (sheet, row, 3, finding->page, text);
      worksheet_write_string (sheet, row, 4, finding->rule, text);
      worksheet_write_string (sheet, row, 5, bd_severity_label (finding->severity), text);
      worksheet_write_string (sheet, row, 6, finding->message, text);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (findings->len, 1), G_N_ELEMENTS (finding_columns) - 1);
}

static lxw_error
fill_report (lxw_workbook  *workbook,
             gpointer       entries,
             char         **failure)
{
  lxw_format *text = workbook_add_format (workbook);
  lxw_format *header = workbook_add_format (workbook);
  lxw_format *link = workbook_add_format (workbook);

  format_set_font_name (text, FONT);
  format_set_font_name (header, FONT);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDDDDD);
  format_set_font_name (link, FONT);
  format_set_font_color (link, LXW_COLOR_BLUE);
  format_set_underline (link, LXW_UNDERLINE_SINGLE);
  write_departments (workbook, entries, header, text, link);
  write_findings (workbook, entries, header, text, link);
  return LXW_NO_ERROR;
}

gboolean
bd_xlsx_module_write_review (GPtrArray   *entries,
                             const char  *path,
                             GError     **error)
{
  return bd_xlsx_file_write (path, fill_report, entries, error);
}
