#include <glib/gi18n-lib.h>

#include "bd-catalog.h"
#include "bd-importer.h"
#include "bd-narrative.h"

G_DEFINE_QUARK (bd-import-error-quark, bd_import_error)

typedef enum {
  PART_NONE,
  PART_FUNCTIONS,
  PART_ORGANISATION,
  PART_GLOSSARY,
  PART_NARRATIVE,
  PART_SCHEDULE,
  PART_OTHER,
  PART_EMPLOYEES,
  PART_FORM,
} PartKind;

typedef struct {
  PartKind kind;
  guint    schedule;     /* PART_SCHEDULE: 1 … 9 */
  int      year;         /* the year in a schedule's title */
  guint    first_line;   /* index of the title line */
  guint    end_line;     /* one past the last line */
} Part;

typedef struct {
  char      **lines;
  guint       n_lines;
  BdDocument *doc;
} Reader;

static gboolean
fail (GError     **error,
      BdImportError code,
      guint        line_index,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError      **error,
      BdImportError code,
      guint         line_index,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: "line 12: expected …" */
  g_set_error (error, BD_IMPORT_ERROR, code, _("line %u: %s"), line_index + 1, message);
  return FALSE;
}

static gboolean
is_blank (const char *line)
{
  for (; *line; line = g_utf8_next_char (line))
    if (!g_unichar_isspace (g_utf8_get_char (line)))
      return FALSE;
  return TRUE;
}

/* Trims ASCII and ideographic blanks in place. */
static char *
trim (char *text)
{
  char *end;

  while (*text && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = text + strlen (text);
  while (end > text)
    {
      char *previous = g_utf8_find_prev_char (text, end);
      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  *end = '\0';
  return text;
}

static gboolean
is_table_line (const char *line)
{
  while (*line == ' ')
    line++;
  return *line == '|';
}

static gboolean
is_separator_line (const char *line)
{
  gboolean dash = FALSE;

  for (; *line; line++)
    {
      if (*line == '-')
        dash = TRUE;
      else if (!strchr ("|: \t", *line))
        return FALSE;
    }
  return dash;
}

/* "| a | b |" → { "a", "b" } */
static GStrv
split_cells (const char *line)
{
  g_autofree char *copy = g_strdup (line);
  char *start = trim (copy);
  gsize length = strlen (start);
  g_auto(GStrv) raw = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv cells;

  if (*start == '|')
    start++, length--;
  if (length > 0 && start[length - 1] == '|')
    start[length - 1] = '\0';
  raw = g_strsplit (start, "|", -1);
  for (guint i = 0; raw[i]; i++)
    g_strv_builder_add (builder, trim (raw[i]));
  cells = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return cells;
}

static gboolean
cells_all_blank (GStrv cells)
{
  for (guint i = 0; cells[i]; i++)
    if (*cells[i])
      return FALSE;
  return TRUE;
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The year of "2024年…", or 0. */
static int
leading_year (const char *line)
{
  int year = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (line[i]))
        return 0;
      year = year * 10 + (line[i] - '0');
    }
  return g_str_has_prefix (line + 4, "年") ? year : 0;
}

static Part
classify_title (const char *line)
{
  Part part = { PART_NONE, 0, 0, 0, 0 };
  int year;

  if (g_str_has_prefix (line, "-") || g_str_has_prefix (line, "|"))
    return part;

  if ((year = leading_year (line)) != 0)
    for (guint number = 1; number <= BD_N_SCHEDULES; number++)
      if (strcmp (line + strlen ("2024年"), bd_schedule_def_get (number)->title) == 0)
        {
          part.kind = PART_SCHEDULE;
          part.schedule = number;
          part.year = year;
          return part;
        }

  if (g_str_has_suffix (line, "主要职能") && !g_str_has_prefix (line, "一、"))
    part.kind = PART_FUNCTIONS;
  else if (g_str_has_suffix (line, "机构设置") && !g_str_has_prefix (line, "二、"))
    part.kind = PART_ORGANISATION;
  else if (strcmp (line, "名词解释") == 0)
    part.kind = PART_GLOSSARY;
  else if (leading_year (line) && g_str_has_suffix (line, "部门预算编制说明"))
    part.kind = PART_NARRATIVE;
  else if (strcmp (line, "其他相关情况说明") == 0)
    part.kind = PART_OTHER;
  else if (g_str_has_suffix (line, "经费情况说明"))
    part.kind = PART_EMPLOYEES;
  else if (strcmp (line, "财政项目支出绩效目标申报表") == 0)
    part.kind = PART_FORM;
  return part;
}

/* Paragraphs are runs of non-blank lines; a numbered list stays one paragraph. */
static void
read_paragraphs (Reader    *reader,
                 const Part *part,
                 BdSection *section)
{
  GString *paragraph = NULL;

  for (guint i = part->first_line + 1; i <= part->end_line; i++)
    {
      if (i == part->end_line || is_blank (reader->lines[i]))
        {
          if (paragraph != NULL)
            g_ptr_array_add (section->paragraphs, g_string_free (paragraph, FALSE));
          paragraph = NULL;
          continue;
        }
      if (paragraph == NULL)
        paragraph = g_string_new (NULL);
      else
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, g_strchomp (reader->lines[i]));
    }
}

static const char *
section_id (PartKind kind)
{
  switch (kind)
    {
    case PART_FUNCTIONS: return "functions";
    case PART_ORGANISATION: return "organisation";
    case PART_GLOSSARY: return "glossary";
    case PART_NARRATIVE: return "narrative";
    case PART_OTHER: return "other";
    case PART_EMPLOYEES: return "employees";
    case PART_NONE:
    case PART_SCHEDULE:
    case PART_FORM:
    default:
      return NULL;
    }
}

/* Schedules */

static gboolean
parse_amount (const char          *cell,
              BdUnit               unit,
              gint64              *value,
              guint                line_index,
              const char          *row,
              const char          *column,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bd_money_parse (cell, unit, value, &local_error))
    return TRUE;
  if (row != NULL && *row)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected an amount for “%s” under “%s”: %s"), row, column, local_error->message);
  return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
               _("expected an amount under “%s”: %s"), column, local_error->message);
}

static gboolean
read_amounts (BdSchedule *schedule,
              BdRow      *row,
              GStrv       cells,
              guint       first_cell,
              guint       line_index,
              GError    **error)
{
  const BdScheduleDef *def = schedule->def;

  if (g_strv_length (cells) < first_cell + def->n_columns)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected %u amounts in this row of schedule %u, found %u"),
                 def->n_columns, def->number, g_strv_length (cells) - MIN (first_cell, g_strv_length (cells)));

  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 value;

      if (!parse_amount (cells[first_cell + c], def->unit, &value, line_index, row->name, def->columns[c].name, error))
        return FALSE;
      bd_row_set_published (row, c, value);
      row->values[c] = value;
    }
  return TRUE;
}

static gboolean
read_classified_row (BdSchedule *schedule,
                     GStrv       cells,
                     guint       line_index,
                     GError    **error)
{
  gboolean function = schedule->def->row_kind == BD_ROWS_FUNCTION;
  guint name_cell = function ? 3 : 2;
  g_autofree char *code = NULL;
  BdRow *row;

  if (g_strv_length (cells) <= name_cell)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index, _("expected the code split over 类, 款%s and a name"),
                 function ? _(", 项") : "");

  if (strcmp (cells[0], "合计") == 0)
    return read_amounts (schedule, schedule->total, cells, name_cell + 1, line_index, error);

  if (!is_digits (cells[0], 3) || (*cells[1] && !is_digits (cells[1], 2))
      || (function && *cells[2] && (!is_digits (cells[2], 2) || !*cells[1])))
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected a classification code (类 of 3 digits, then 款 and 项 of 2), found “%s”"), cells[0]);

  code = g_strconcat (cells[0], cells[1], function ? cells[2] : "", NULL);
  if (bd_schedule_find_row (schedule, code) != NULL && bd_schedule_find_row (schedule, code)->published_mask)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index, _("code %s appears twice in schedule %u"),
                 code, schedule->def->number);

  row = bd_schedule_insert_leaf (schedule, code, cells[name_cell]);
  g_free (row->name);
  row->name = g_strdup (cells[name_cell]);
  return read_amounts (schedule, row, cells, name_cell + 1, line_index, error);
}

static gboolean
same_label (const char *a,
            const char *b)
{
  g_autoptr(GString) x = g_string_new (a);
  g_autoptr(GString) y = g_string_new (b);

  g_string_replace (x, " ", "", 0);
  g_string_replace (y, " ", "", 0);
  return strcmp (x->str, y->str) == 0;
}

/* "七、社会保障和就业支出" → the 类 whose printed name follows the numeral. */
static const BdCatalogEntry *
lookup_lei_by_label (const char *label)
{
  g_autoptr(GPtrArray) template = bd_catalog_template_lei (bd_catalog_get_default ());
  const char *name = strstr (label, "、");

  name = name ? name + strlen ("、") : label;
  for (guint i = 0; i < template->len; i++)
    {
      const BdCatalogEntry *entry = g_ptr_array_index (template, i);
      if (strcmp (entry->name, name) == 0)
        return entry;
    }
  return NULL;
}

static gboolean
read_balance_row (BdSchedule *schedule,
                  GStrv       cells,
                  gboolean   *seen_data,
                  guint       line_index,
                  GError    **error)
{
  const BdScheduleDef *def = schedule->def;
  guint n_cells = g_strv_length (cells);
  gboolean income_found = FALSE;

  if (n_cells < 3 + def->n_columns)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected an income item and its amount, then an expenditure item and %u amounts"),
                 def->n_columns);

  if (!*seen_data && (strcmp (cells[0], def->income_header) == 0 || strcmp (cells[0], "项目") == 0))
    return TRUE;

  if (strcmp (cells[0], "收入总计") == 0)
    {
      gint64 value;
      if (!parse_amount (cells[1], def->unit, &value, line_index, NULL, "收入总计", error))
        return FALSE;
      bd_row_set_published (schedule->income_total, 0, value);
      return read_amounts (schedule, schedule->total, cells, 3, line_index, error);
    }

  if (*cells[0])
    {
      for (guint i = 0; i < def->n_income; i++)
        if (same_label (cells[0], def->income[i].name))
          {
            BdRow *item = g_ptr_array_index (schedule->income, i);
            gint64 value;

            if (!parse_amount (cells[1], def->unit, &value, line_index, NULL, def->income[i].name, error))
              return FALSE;
            bd_row_set_published (item, 0, value);
            item->values[0] = value;
            income_found = TRUE;
          }
      if (!income_found)
        return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                     _("expected an income item of schedule %u, found “%s”"), def->number, cells[0]);
    }

  if (*cells[2])
    {
      const BdCatalogEntry *lei = lookup_lei_by_label (cells[2]);
      BdRow *row;

      if (lei == NULL)
        return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                     _("expected a function 类 of the template, found “%s”"), cells[2]);
      row = bd_schedule_insert_leaf (schedule, lei->code, lei->name);
      if (!read_amounts (schedule, row, cells, 3, line_index, error))
        return FALSE;
    }

  *seen_data = TRUE;
  return TRUE;
}

static gboolean
read_single_row (BdSchedule *schedule,
                 GStrv       cells,
                 gboolean   *seen_data,
                 guint       line_index,
                 GError    **error)
{
  guint n_cells = g_strv_length (cells);

  /* Header rows hold words; the data row holds only figures. */
  for (guint i = 0; i < n_cells; i++)
    if (*cells[i] && !bd_money_parse (cells[i], schedule->def->unit, &(gint64) { 0 }, NULL))
      {
        if (*seen_data)
          return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                       _("expected only figures after the row of schedule %u"), schedule->def->number);
        return TRUE;
      }

  if (*seen_data)
    return fail (error, BD_IMPORT_ERROR_SYNTAX, line_index,
                 _("expected one row of figures in schedule %u, found a second"), schedule->def->number);
  *seen_data = TRUE;
  return read_amounts (schedule, g_ptr_array_index (schedule->rows, 0), cells, 0, line_index, error);
}

static gboolean
read_schedule (Reader     *reader,
               const Part *part,
               GError    **error)
{
  BdSchedule *schedule = bd_document_get_schedule (reader->doc, part->schedule);
  const BdScheduleDef *def = schedule->def;
  gboolean seen_data = FALSE;

  schedule->title_year = part->year;

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    {
      char *line = trim (reader->lines[i]);

      if (*line == '\0' || is_separator_line (line))
        continue;

      if (g_str_has_prefix (line, "编制部门："))
        {
          const char *department = line + strlen ("编制部门：");
          if (strcmp (department, reader->doc->department) != 0)
            return fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                         _("expected 编制部门：%s, as in the document's header, found “%s”"),
                         reader->doc->department, department);
        }
      else if (g_str_has_prefix (line, "单位："))
        {
          const char *expected = def->unit == BD_UNIT_WAN ? "万元" : "元";
          if (strcmp (line + strlen ("单位："), expected) != 0)
            return fail (error, BD_IMPORT_ERROR_SYNTAX, i, _("expected 单位：%s for schedule %u, found “%s”"),
                         expected, def->number, line);
        }
      else if (g_str_has_prefix (line, "注："))
        {
          g_free (schedule->note);
          schedule->note = g_strdup (line);
        }
      else if (is_table_line (line))
        {
          g_auto(GStrv) cells = split_cells (line);
          gboolean ok = TRUE;

          if (cells_all_blank (cells))
            continue;

          switch (def->row_kind)
            {
            case BD_ROWS_FUNCTION:
            case BD_ROWS_ECONOMIC:
              if (strcmp (cells[0], "合计") == 0 || g_ascii_isdigit (cells[0][0]))
                {
                  ok = read_classified_row (schedule, cells, i, error);
                  seen_data = TRUE;
                }
              else if (seen_data)
                ok = fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                           _("expected a row starting with a classification code or 合计, found “%s”"), cells[0]);
              break;
            case BD_ROWS_BALANCE:
              ok = read_balance_row (schedule, cells, &seen_data, i, error);
              break;
            case BD_ROWS_SINGLE:
            default:
              ok = read_single_row (schedule, cells, &seen_data, i, error);
              break;
            }
          if (!ok)
            return FALSE;
        }
      else
        return fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                     _("expected a table row, 编制部门, 单位 or a note in schedule %u, found “%s”"),
                     def->number, line);
    }
  return TRUE;
}

/* The performance-goal form */

static gboolean
read_form_amount (const char *cell,
                  gint64     *value,
                  guint       line_index,
                  const char *label,
                  GError    **error)
{
  return parse_amount (cell, BD_UNIT_YUAN, value, line_index, NULL, label, error);
}

/* The published form is sometimes mis-typeset, with a row shifted one cell
 * to the left: categories are recognised by name, not by position. */
static void
read_indicator_row (BdDocument *doc,
                    BdProject  *project,
                    GStrv       cells,
                    char      **level1,
                    char      **level2)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  guint n_cells = g_strv_length (cells);
  const char *parent;

  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i];

      if (*cell == '\0' || (i == 0 && strcmp (cell, "绩效指标") == 0))
        continue;
      if (rest->len == 0 && bd_framework_is_level1 (doc->framework, cell))
        {
          g_free (*level1);
          *level1 = g_strdup (cell);
          g_clear_pointer (level2, g_free);
        }
      else if (rest->len == 0 && (parent = bd_framework_parent (doc->framework, cell)) != NULL)
        {
          g_free (*level2);
          *level2 = g_strdup (cell);
          if (*level1 == NULL || strcmp (*level1, parent) != 0)
            {
              g_free (*level1);
              *level1 = g_strdup (parent);
            }
        }
      else
        g_ptr_array_add (rest, (gpointer) cell);
    }

  if (rest->len == 0)
    return;
  g_ptr_array_add (project->indicators,
                   bd_indicator_new (*level1, *level2, g_ptr_array_index (rest, 0),
                                     rest->len > 1 ? g_ptr_array_index (rest, rest->len - 1) : ""));
}

typedef enum {
  SIDE_ANY,
  SIDE_PROJECT,   /* the left half of the funds block */
  SIDE_ANNUAL,    /* the right half: 其他资金 appears on both */
} FormSide;

typedef struct {
  const char *label;
  gsize       offset;
  gboolean    amount;
  FormSide    side;
} FormField;

#define TEXT_FIELD(label, member) { label, G_STRUCT_OFFSET (BdProject, member), FALSE, SIDE_ANY }
#define AMOUNT_FIELD(label, member) { label, G_STRUCT_OFFSET (BdProject, member), TRUE, SIDE_ANY }

static const FormField form_fields[] = {
  TEXT_FIELD ("项目名称", name),
  TEXT_FIELD ("项目性质", nature),
  TEXT_FIELD ("项目类别", category),
  TEXT_FIELD ("主管部门", supervisor),
  TEXT_FIELD ("实施单位", implementer),
  TEXT_FIELD ("计划开始日期", start_date),
  TEXT_FIELD ("计划完成日期", end_date),
  AMOUNT_FIELD ("项目资金总额", total_funds),
  AMOUNT_FIELD ("其中：财政资金", fiscal_funds),
  AMOUNT_FIELD ("年度资金申请总额", annual_total),
  AMOUNT_FIELD ("其中：当年财政拨款", annual_fiscal),
  AMOUNT_FIELD ("上年结转资金", carryover),
  { "其他资金", G_STRUCT_OFFSET (BdProject, other_funds), TRUE, SIDE_PROJECT },
  { "其他资金", G_STRUCT_OFFSET (BdProject, annual_other), TRUE, SIDE_ANNUAL },
  { NULL, 0, FALSE, SIDE_ANY },
};

static gboolean
read_form (Reader     *reader,
           const Part *part,
           GError    **error)
{
  BdDocument *doc = reader->doc;
  BdProject *project = bd_project_new ();
  g_autofree char *level1 = NULL;
  g_autofree char *level2 = NULL;
  int goal_columns[2] = { -1, -1 };
  gboolean goals_next = FALSE;
  gboolean in_indicators = FALSE;

  g_ptr_array_add (doc->projects, project);

  for (guint i = part->first_line + 1; i < part->end_line; i++)
    {
      char *line = trim (reader->lines[i]);
      g_auto(GStrv) cells = NULL;
      guint n_cells;

      if (*line == '\0' || is_separator_line (line))
        continue;
      if (!is_table_line (line))
        {
          if (g_str_has_prefix (line, "(") || g_str_has_prefix (line, "（"))
            continue;  /* (2024年度) */
          return fail (error, BD_IMPORT_ERROR_SYNTAX, i,
                       _("expected a row of the performance-goal form, found “%s”"), line);
        }

      cells = split_cells (line);
      n_cells = g_strv_length (cells);
      if (cells_all_blank (cells))
        continue;

      if (in_indicators)
        {
          read_indicator_row (doc, project, cells, &level1, &level2);
          continue;
        }

      if (goals_next)
        {
          for (guint g = 0; g < 2; g++)
            if (goal_columns[g] >= 0 && (guint) goal_columns[g] < n_cells)
              {
                char **target = g == 0 ? &project->overall_goal : &project->annual_goal;
                g_free (*target);
                *target = g_strdup (cells[goal_columns[g]]);
              }
          goals_next = FALSE;
          continue;
        }

      for (guint c = 0; c < n_cells; c++)
        {
          if (strcmp (cells[c], "一级指标") == 0)
            in_indicators = TRUE;
          else if (g_str_has_prefix (cells[c], "项目总体目标"))
            {
              const char *open = strchr (cells[c], '(');
              goal_columns[0] = c;
              goals_next = TRUE;
              if (open != NULL)
                {
                  g_free (project->period);
                  project->period = g_strndup (open + 1, strcspn (open + 1, ")"));
                }
            }
          else if (strcmp (cells[c], "年度总体目标") == 0)
            goal_columns[1] = c;
          else
            for (const FormField *field = form_fields; field->label; field++)
              {
                if (strcmp (cells[c], field->label) != 0
                    || (field->side == SIDE_PROJECT && c >= 3) || (field->side == SIDE_ANNUAL && c < 3))
                  continue;
                if (field->amount)
                  {
                    if (!read_form_amount (c + 1 < n_cells ? cells[c + 1] : "",
                                           G_STRUCT_MEMBER_P (project, field->offset), i, field->label, error))
                      return FALSE;
                  }
                else
                  {
                    char **member = G_STRUCT_MEMBER_P (project, field->offset);
                    g_free (*member);
                    *member = g_strdup (c + 1 < n_cells ? cells[c + 1] : "");
                  }
                break;
              }
        }
    }

  if (project->name == NULL)
    return fail (error, BD_IMPORT_ERROR_MISSING, part->first_line,
                 _("expected a performance-goal form with a 项目名称 row"));
  return TRUE;
}

/* The document */

static gboolean
read_preamble (Reader  *reader,
               guint    end_line,
               GError **error)
{
  BdDocument *doc = reader->doc;

  for (guint i = 0; i < end_line; i++)
    {
      char *line = trim (reader->lines[i]);

      if (g_str_has_prefix (line, "附件") && doc->attachment == NULL)
        doc->attachment = g_strdup (line);
      else if (g_str_has_prefix (line, "预算主管部门："))
        {
          g_free (doc->department);
          doc->department = g_strdup (line + strlen ("预算主管部门："));
        }
      else if (g_str_has_suffix (line, "部门预算") && strstr (line, "年") != NULL && doc->title == NULL)
        {
          const char *year = strstr (line, "年");
          doc->title = g_strdup (line);
          while (year > line && g_ascii_isdigit (year[-1]))
            year--;
          doc->year = atoi (year);
        }
    }

  if (doc->department == NULL || *doc->department == '\0')
    return fail (error, BD_IMPORT_ERROR_MISSING, end_line,
                 _("expected the line 预算主管部门：<department> before the first section"));
  if (doc->year < 1900 || doc->year > 2999)
    return fail (error, BD_IMPORT_ERROR_MISSING, end_line,
                 _("expected the document's title with its year (…2024年…部门预算) before the first section"));
  return TRUE;
}

static gboolean
read_document (Reader  *reader,
               GError **error)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (Part));
  gboolean seen_schedule[BD_N_SCHEDULES] = { FALSE };

  for (guint i = 0; i < reader->n_lines; i++)
    {
      g_autofree char *line = g_strdup (reader->lines[i]);
      Part part = classify_title (trim (line));

      if (part.kind == PART_NONE)
        continue;
      part.first_line = i;
      if (parts->len > 0)
        g_array_index (parts, Part, parts->len - 1).end_line = i;
      g_array_append_val (parts, part);
    }
  if (parts->len == 0)
    return fail (error, BD_IMPORT_ERROR_MISSING, 0,
                 _("expected a published budget with section titles such as 名词解释 and "
                   "2024年部门财务收支预算总表; none was found"));
  g_array_index (parts, Part, parts->len - 1).end_line = reader->n_lines;

  if (!read_preamble (reader, g_array_index (parts, Part, 0).first_line, error))
    return FALSE;

  for (guint p = 0; p < parts->len; p++)
    {
      const Part *part = &g_array_index (parts, Part, p);
      const char *id = section_id (part->kind);

      if (id != NULL)
        {
          g_autofree char *title = g_strdup (reader->lines[part->first_line]);
          BdSection *section = bd_document_ensure_section (reader->doc, id, trim (title));

          read_paragraphs (reader, part, section);
          bd_document_import_section_figures (reader->doc, section);
        }
      else if (part->kind == PART_SCHEDULE)
        {
          if (seen_schedule[part->schedule - 1])
            return fail (error, BD_IMPORT_ERROR_SYNTAX, part->first_line,
                         _("schedule %u appears a second time"), part->schedule);
          seen_schedule[part->schedule - 1] = TRUE;
          if (!read_schedule (reader, part, error))
            return FALSE;
        }
      else if (part->kind == PART_FORM)
        {
          if (!read_form (reader, part, error))
            return FALSE;
        }
    }

  for (guint s = 0; s < BD_N_SCHEDULES; s++)
    if (!seen_schedule[s])
      {
        g_autofree char *title = bd_schedule_def_title (bd_schedule_def_get (s + 1), reader->doc->year);
        return fail (error, BD_IMPORT_ERROR_MISSING, reader->n_lines - 1,
                     _("expected the schedule “%s”; the document ends without it"), title);
      }

  bd_document_recompute (reader->doc);
  return TRUE;
}

BdDocument *
bd_import_published_text (const char  *text,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(BdDocument) doc = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  const char *invalid = NULL;
  Reader reader;

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line = 1;
      for (const char *p = text; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                   _("line %u: expected UTF-8 text; byte %lu is not (is the file binary, or saved in GBK?)"),
                   line, (unsigned long) (invalid - text) + 1);
      return NULL;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, BD_IMPORT_ERROR, BD_IMPORT_ERROR_ENCODING,
                   _("expected text; the file holds NUL bytes, so it is binary"));
      return NULL;
    }

  copy = g_strndup (text, length);
  g_strdelimit (copy, "\r", ' ');
  lines = g_strsplit (copy, "\n", -1);

  doc = bd_document_new (NULL, 0);
  g_clear_pointer (&doc->department, g_free);
  reader.lines = lines;
  reader.n_lines = g_strv_length (lines);
  reader.doc = doc;

  if (!read_document (&reader, error))
    return NULL;
  return g_steal_pointer (&doc);
}

BdDocument *
bd_import_published_file (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return bd_import_published_text (contents, length, error);
}
