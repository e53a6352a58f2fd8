/* lstat () and O_CLOEXEC are POSIX, beyond C11. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bd-csv-writer.h"
#include "bd-file-replace.h"
#include "bd-format.h"
#include "bd-grid.h"

/* RFC 4180: a field with a comma, quote or line break is quoted. */
static void
field (GString    *out,
       const char *text,
       gboolean    last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (text);
      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (out, "\"%s\"", quoted->str);
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
amount (GString             *out,
        const BdScheduleDef *def,
        gint64               fen,
        gboolean             last)
{
  /* Plain digits, so spreadsheets read numbers: 万元 to two decimals. */
  g_autofree char *text = def->unit == BD_UNIT_WAN
    ? g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", bd_money_to_wan_cents (fen) / 100,
                       (int) ABS (bd_money_to_wan_cents (fen) % 100))
    : bd_money_format_plain (fen);
  field (out, text, last);
}

/* The header row: each column's one-line label from the grid, a grouped
 * one as “基本支出·人员经费”; @code_after puts the code column (类) of the
 * rows of a balance schedule, which the printed table does not have,
 * before that column. */
static void
header_row (GString      *out,
            const BdGrid *grid,
            int           code_before)
{
  for (guint c = 0; c < grid->n_columns; c++)
    {
      const char *group = grid->column_groups[c];
      g_autofree char *label = group ? g_strdup_printf ("%s·%s", group, grid->column_labels[c])
                                     : g_strdup (grid->column_labels[c]);

      if ((int) c == code_before)
        field (out, "类", FALSE);
      field (out, label, c + 1 == grid->n_columns);
    }
}

static void
amounts (GString             *out,
         const BdScheduleDef *def,
         const BdRow         *row)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      if (row != NULL)
        amount (out, def, row->values[c], c + 1 == def->n_columns);
      else
        field (out, "", c + 1 == def->n_columns);
    }
}

/* A line of a balance schedule: an income item and its figure, the 类 code
 * of the expense row, its name and figures; a side with none is blank. */
static void
balance_line (GString             *out,
              const BdScheduleDef *def,
              const BdBalanceLine *line,
              const char          *code)
{
  field (out, line->income_label, FALSE);
  if (line->income)
    amount (out, def, line->income->values[0], FALSE);
  else
    field (out, "", FALSE);
  field (out, code, FALSE);
  field (out, line->expense_label, FALSE);
  amounts (out, def, line->expense);
}

/* The rows side by side, then the lines under the 类 (the totals, or the
 * carry-over between them), their 类 column empty. */
static void
write_balance (GString      *out,
               BdSchedule   *s,
               const BdGrid *grid)
{
  BdBalanceLine totals[3];
  guint n_totals = bd_grid_balance_lines (s, totals);

  header_row (out, grid, 2);
  for (guint i = 0; i < MAX (s->rows->len, s->income->len); i++)
    {
      BdRow *item = i < s->income->len ? g_ptr_array_index (s->income, i) : NULL;
      BdRow *row = i < s->rows->len ? g_ptr_array_index (s->rows, i) : NULL;
      BdBalanceLine line = { item ? item->name : "", item, row ? row->name : "", row };

      balance_line (out, s->def, &line, row ? row->code : "");
    }
  for (guint i = 0; i < n_totals; i++)
    balance_line (out, s->def, &totals[i], "");
}

static void
write_rows (GString    *out,
            BdSchedule *s)
{
  const BdScheduleDef *def = s->def;

  for (guint i = 0; i < s->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (s->rows, i);
      gsize length = strlen (row->code);

      if (def->row_kind != BD_ROWS_SINGLE)
        {
          g_autofree char *lei = g_strndup (row->code, 3);
          g_autofree char *kuan = length > 3 ? g_strndup (row->code + 3, 2) : g_strdup ("");
          g_autofree char *xiang = length > 5 ? g_strndup (row->code + 5, 2) : g_strdup ("");

          field (out, lei, FALSE);
          field (out, kuan, FALSE);
          if (def->row_kind == BD_ROWS_FUNCTION)
            field (out, xiang, FALSE);
          field (out, row->name, FALSE);
        }
      amounts (out, def, row);
    }
  if (s->total != NULL)
    {
      field (out, "合计", FALSE);
      field (out, "", FALSE);
      if (def->row_kind == BD_ROWS_FUNCTION)
        field (out, "", FALSE);
      field (out, "", FALSE);
      amounts (out, def, s->total);
    }
}

/* The title lines and the headers are the grid's, as printed; the rows
 * are the schedule's own, figures as plain digits for spreadsheets. */
char *
bd_csv_write_schedule (BdDocument *doc,
                       guint       number)
{
  BdSchedule *s;
  g_autoptr(BdGrid) grid = NULL;
  GString *out;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  s = bd_document_get_schedule (doc, number);
  grid = bd_grid_new_for_schedule (doc, number);
  out = g_string_new ("\xEF\xBB\xBF");  /* a BOM, so Excel reads UTF-8 */

  field (out, grid->title, TRUE);
  field (out, grid->department, FALSE);
  field (out, grid->unit, TRUE);

  if (s->def->row_kind == BD_ROWS_BALANCE)
    {
      write_balance (out, s, grid);
      return g_string_free (out, FALSE);
    }
  header_row (out, grid, -1);
  write_rows (out, s);
  if (s->note != NULL)
    field (out, s->note, TRUE);
  return g_string_free (out, FALSE);
}

static char *
file_name (guint n)
{
  return g_strdup_printf ("%u-%s.csv", n, bd_schedule_def_get (n)->title + strlen ("部门"));
}

static gboolean
write_staged (BdDocument  *doc,
              const char  *staging,
              const char  *dir,
              guint        n,
              GError     **error)
{
  g_autofree char *name = file_name (n);
  g_autofree char *path = g_build_filename (staging, name, NULL);
  g_autofree char *shown = g_build_filename (dir, name, NULL);
  g_autofree char *text = bd_csv_write_schedule (doc, n);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  gboolean written;

  if (fd < 0)
    return bd_file_error_from_errno (error, shown);
  written = bd_file_write_all (fd, text, strlen (text), shown, error);
  return bd_file_close (fd, shown, written ? error : NULL) && written;
}

/* What stands at a target's name must be a file (or nothing): a folder or
 * a device there would stop the set half way through. */
static gboolean
check_target (const char  *path,
              GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return errno == ENOENT ? TRUE : bd_file_error_from_errno (error, path);
  if (S_ISREG (st.st_mode))
    return bd_file_refuse_document (path, error);
  errno = S_ISDIR (st.st_mode) ? EISDIR : EEXIST;
  return bd_file_error_from_errno (error, path);
}

/* Puts the new files in place, each old one first moved into @staging;
 * a failure moves every old file back, so the set is never mixed. */
static gboolean
move_in (const char  *staging,
         const char  *dir,
         GError     **error)
{
  gboolean had_old[BD_N_SCHEDULES + 1] = { FALSE };
  guint done = 0;

  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      g_autofree char *name = file_name (n);
      g_autofree char *old_name = g_strconcat ("old-", name, NULL);
      g_autofree char *from = g_build_filename (staging, name, NULL);
      g_autofree char *old = g_build_filename (staging, old_name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);

      had_old[n] = g_rename (to, old) == 0;
      if ((!had_old[n] && errno != ENOENT) || g_rename (from, to) != 0)
        {
          bd_file_error_from_errno (error, to);
          if (had_old[n])
            g_rename (old, to);
          break;
        }
      done = n;
    }
  if (done == BD_N_SCHEDULES)
    return TRUE;
  for (guint n = done; n >= 1; n--)
    {
      g_autofree char *name = file_name (n);
      g_autofree char *old_name = g_strconcat ("old-", name, NULL);
      g_autofree char *old = g_build_filename (staging, old_name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);

      if (had_old[n])
        g_rename (old, to);
      else
        g_unlink (to);
    }
  return FALSE;
}

/* The nine files are written into a hidden folder inside @dir and moved
 * out only once all of them are whole, and only when every name they take
 * is free or a file: a full disk, or a folder where a file goes, leaves the
 * set as it was rather than a set from two versions of the document. */
gboolean
bd_csv_write_dir (BdDocument  *doc,
                  const char  *dir,
                  GError     **error)
{
  g_autofree char *staging = NULL;
  gboolean done = TRUE;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), FALSE);

  staging = g_build_filename (dir, ".budgetdesk-csv-XXXXXX", NULL);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    return bd_file_error_from_errno (error, dir);
  for (guint n = 1; n <= BD_N_SCHEDULES; n++)
    {
      g_autofree char *name = file_name (n);
      g_autofree char *target = g_build_filename (dir, name, NULL);

      if (!check_target (target, error))
        return FALSE;
    }
  if (g_mkdtemp (staging) == NULL)
    return bd_file_error_from_errno (error, dir);

  for (guint n = 1; n <= BD_N_SCHEDULES && done; n++)
    done = write_staged (doc, staging, dir, n, error);
  if (done)
    done = move_in (staging, dir, error);
  bd_file_remove_folder (staging);
  return done;
}
