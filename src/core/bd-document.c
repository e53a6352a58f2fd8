#include "bd-document.h"
#include "bd-narrative.h"
#include "bd-project-field.h"

#include "bd-catalog.h"

G_DEFINE_FINAL_TYPE (BdDocument, bd_document, G_TYPE_OBJECT)

/* Rows */

BdRow *
bd_row_new (const char *code,
            const char *name)
{
  BdRow *row = g_new0 (BdRow, 1);

  row->code = g_strdup (code ? code : "");
  row->name = g_strdup (name ? name : "");
  row->is_leaf = TRUE;
  return row;
}

void
bd_row_free (BdRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

void
bd_row_set_published (BdRow  *row,
                      guint   column,
                      gint64  value)
{
  g_return_if_fail (column < BD_MAX_COLUMNS);
  row->published[column] = value;
  row->published_mask |= 1u << column;
}

BdLevel
bd_code_level (const char *code)
{
  switch (strlen (code))
    {
    case 3: return BD_LEVEL_LEI;
    case 5: return BD_LEVEL_KUAN;
    default: return BD_LEVEL_XIANG;
    }
}

/* Schedules */

static BdSchedule *
bd_schedule_new (const BdScheduleDef *def)
{
  BdSchedule *schedule = g_new0 (BdSchedule, 1);

  schedule->def = def;
  schedule->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_row_free);

  if (def->row_kind == BD_ROWS_SINGLE)
    {
      g_ptr_array_add (schedule->rows, bd_row_new ("", ""));
      return schedule;
    }

  schedule->total = bd_row_new ("", def->row_kind == BD_ROWS_BALANCE ? "支出总计" : "合计");
  schedule->total->is_leaf = FALSE;

  if (def->row_kind == BD_ROWS_BALANCE)
    {
      schedule->income = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_row_free);
      for (guint i = 0; i < def->n_income; i++)
        {
          BdRow *item = bd_row_new (def->income[i].source, def->income[i].name);
          item->is_leaf = def->income[i].sum_of == 0;
          g_ptr_array_add (schedule->income, item);
        }
      schedule->income_total = bd_row_new ("", "收入总计");
      schedule->income_total->is_leaf = FALSE;
    }

  return schedule;
}

static void
bd_schedule_free (BdSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_ptr_array_unref (schedule->rows);
  g_clear_pointer (&schedule->income, g_ptr_array_unref);
  bd_row_free (schedule->total);
  bd_row_free (schedule->income_total);
  bd_row_free (schedule->carryover);
  bd_row_free (schedule->carry_forward);
  bd_row_free (schedule->income_grand);
  bd_row_free (schedule->expense_grand);
  g_free (schedule->note);
  g_free (schedule);
}

BdLevel
bd_schedule_leaf_level (BdSchedule *schedule)
{
  switch (schedule->def->row_kind)
    {
    case BD_ROWS_FUNCTION: return BD_LEVEL_XIANG;
    case BD_ROWS_ECONOMIC: return BD_LEVEL_KUAN;
    case BD_ROWS_BALANCE:
    case BD_ROWS_SINGLE:
    default:
      return BD_LEVEL_LEI;
    }
}

static gboolean
rows_in_code_order (BdSchedule *schedule)
{
  return schedule->def->row_kind == BD_ROWS_FUNCTION || schedule->def->row_kind == BD_ROWS_ECONOMIC;
}

/* The first position whose code is not below @code. Classified rows are kept
 * in code order (ensure_row inserts them so, the store saves and loads them in
 * that order), so a lookup is a binary search: a linear one made importing
 * 100,000 rows quadratic (issue 17). */
static guint
lower_bound (BdSchedule *schedule,
             const char *code)
{
  guint low = 0, high = schedule->rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      BdRow *row = g_ptr_array_index (schedule->rows, middle);

      if (g_strcmp0 (row->code, code) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
import_note_free (BdImportNote *note)
{
  g_free (note->row);
  g_free (note->message);
  g_free (note);
}

BdImportNote *
bd_document_add_import_note (BdDocument *doc,
                             BdPart      part,
                             const char *row,
                             guint       page,
                             char       *message)
{
  BdImportNote *note;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  note = g_new0 (BdImportNote, 1);

  note->part = part;
  note->row = g_strdup (row);
  note->page = page;
  note->message = message;
  if (doc->import_notes == NULL)
    doc->import_notes = g_ptr_array_new_with_free_func ((GDestroyNotify) import_note_free);
  g_ptr_array_add (doc->import_notes, note);
  return note;
}

/* The 编制说明's title a new document starts with. */
static char *
narrative_title (int      year,
                 gboolean unit_budget)
{
  return g_strdup_printf ("%d年%s预算编制说明", year, unit_budget ? "单位" : "部门");
}

void
bd_document_set_unit_budget (BdDocument *doc,
                             gboolean    unit_budget)
{
  BdSection *narrative;
  g_autofree char *generated = NULL;

  g_return_if_fail (BD_IS_DOCUMENT (doc));

  narrative = bd_document_get_section (doc, "narrative");
  generated = narrative_title (doc->year, !unit_budget);
  doc->unit_budget = unit_budget;
  doc->schedules[0]->def = bd_schedule_def_get_for (1, unit_budget);
  /* The 编制说明 titled as a new document starts it follows the kind. */
  if (narrative != NULL && g_strcmp0 (narrative->title, generated) == 0)
    {
      g_free (narrative->title);
      narrative->title = narrative_title (doc->year, unit_budget);
    }
}

gboolean
bd_title_is_unit_budget (const char *title)
{
  return title != NULL && g_str_has_suffix (title, "单位预算");
}

const char *
bd_document_cover_label (BdDocument *doc)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  return doc->unit_budget ? "预算单位" : "预算主管部门";
}

const char *
bd_document_maker_label (BdDocument *doc)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  return doc->unit_budget ? "编制单位" : "编制部门";
}

char *
bd_document_schedule_title (BdDocument *doc,
                            guint       number)
{
  BdSchedule *schedule;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  schedule = bd_document_get_schedule (doc, number);

  return bd_schedule_def_title_for (schedule->def, schedule->title_year ? schedule->title_year : doc->year,
                                    doc->unit_budget);
}

char *
bd_document_contents_label (BdDocument *doc,
                            const char *label)
{
  const char *rest;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  rest = strstr (label, "、部门");

  /* Only the word right after the numeral: 四、部门预算编制说明 keeps no
   * second 部门, and 三、名词解释 has none. */
  if (!doc->unit_budget || rest == NULL)
    return g_strdup (label);
  rest += strlen ("、");
  return g_strdup_printf ("%.*s单位%s", (int) (rest - label), label, rest + strlen ("部门"));
}

char *
bd_document_empty_note (BdDocument *doc,
                        guint       number)
{
  BdSchedule *schedule;
  g_autofree char *note = NULL;
  const char *word;

  g_return_val_if_fail (BD_IS_DOCUMENT (doc), NULL);

  schedule = bd_document_get_schedule (doc, number);
  note = bd_schedule_def_empty_note (schedule->def, doc->year);

  /* Every note starts 注：本部门; only that first word is the maker's. */
  if (note == NULL || !doc->unit_budget || (word = strstr (note, "本部门")) == NULL)
    return g_steal_pointer (&note);
  return g_strdup_printf ("%.*s本单位%s", (int) (word - note), note, word + strlen ("本部门"));
}

BdRow *
bd_schedule_find_row (BdSchedule *schedule,
                      const char *code)
{
  if (code == NULL)
    return NULL;
  if (rows_in_code_order (schedule))
    {
      guint position = lower_bound (schedule, code);
      BdRow *row;

      if (position >= schedule->rows->len)
        return NULL;
      row = g_ptr_array_index (schedule->rows, position);
      return g_strcmp0 (row->code, code) == 0 ? row : NULL;
    }
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      if (g_strcmp0 (row->code, code) == 0)
        return row;
    }
  return NULL;
}

BdRow *
bd_schedule_find_part (BdSchedule *schedule,
                       BdRowPart   part,
                       const char *code)
{
  switch (part)
    {
    case BD_ROW_PART_TABLE:
      /* 结转下年 is edited as a row of the table, 上年结转 as an income item. */
      if (schedule->carry_forward != NULL && g_strcmp0 (code, schedule->carry_forward->code) == 0)
        return schedule->carry_forward;
      return bd_schedule_find_row (schedule, code);
    case BD_ROW_PART_TOTAL:
      return schedule->total;
    case BD_ROW_PART_INCOME:
      if (schedule->carryover != NULL && g_strcmp0 (code, schedule->carryover->code) == 0)
        return schedule->carryover;
      for (guint i = 0; schedule->income && i < schedule->income->len; i++)
        if (g_strcmp0 (((BdRow *) g_ptr_array_index (schedule->income, i))->code, code) == 0)
          return g_ptr_array_index (schedule->income, i);
      return NULL;
    case BD_ROW_PART_CARRYOVER:
    case BD_ROW_PART_CARRY_FORWARD:
    case BD_ROW_PART_INCOME_GRAND:
    case BD_ROW_PART_EXPENSE_GRAND:
      return bd_schedule_carry_part (schedule, part);
    case BD_ROW_PART_INCOME_TOTAL:
    default:
      return schedule->income_total;
    }
}

/* The cells of schedules 1 and 4 computed from another schedule's 合计. */
static const struct {
  guint target;
  guint column;
  guint source;
} derived_cells[] = {
  { 1, 0, 3 },
  { 4, 1, 5 },
  { 4, 2, 6 },
  { 4, 3, 7 },
};

gboolean
bd_document_derived_cell (BdDocument *self,
                          guint       number,
                          const char *code,
                          guint       column,
                          gint64     *value,
                          guint      *source_number)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (self), FALSE);

  /* Only the 类 rows follow another schedule; 结转下年 is typed. */
  if (code == NULL || !g_ascii_isdigit (code[0]))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (derived_cells); i++)
    if (derived_cells[i].target == number && derived_cells[i].column == column)
      {
        BdRow *source = bd_schedule_find_row (bd_document_get_schedule (self, derived_cells[i].source), code);

        if (value != NULL)
          *value = source != NULL ? source->values[0] : 0;
        if (source_number != NULL)
          *source_number = derived_cells[i].source;
        return TRUE;
      }
  return FALSE;
}

gboolean
bd_schedule_derives_from (guint target,
                          guint number)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_cells); i++)
    if (derived_cells[i].target == target && derived_cells[i].source == number)
      return TRUE;
  return FALSE;
}

static BdRow *
ensure_row (BdSchedule *schedule,
            const char *code,
            const char *name,
            gboolean    is_leaf)
{
  BdRow *last = schedule->rows->len ? g_ptr_array_index (schedule->rows, schedule->rows->len - 1) : NULL;
  /* Rows come in code order from an import: most land after the last. */
  gboolean after_last = rows_in_code_order (schedule) && (last == NULL || g_strcmp0 (last->code, code) < 0);
  BdRow *row = after_last ? NULL : bd_schedule_find_row (schedule, code);

  if (row == NULL)
    {
      if (name == NULL || *name == '\0')
        {
          BdClassification classification = schedule->def->row_kind == BD_ROWS_ECONOMIC
            ? BD_CLASSIFICATION_ECONOMIC : BD_CLASSIFICATION_FUNCTION;
          const BdCatalogEntry *entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);
          if (entry != NULL)
            name = entry->name;
        }
      row = bd_row_new (code, name);
      if (schedule->def->row_kind == BD_ROWS_BALANCE || schedule->def->row_kind == BD_ROWS_SINGLE)
        g_ptr_array_add (schedule->rows, row);
      else
        g_ptr_array_insert (schedule->rows, after_last ? (int) schedule->rows->len : (int) lower_bound (schedule, code),
                            row);
    }
  if (!is_leaf)
    row->is_leaf = FALSE;
  return row;
}

BdRow *
bd_schedule_insert_leaf (BdSchedule *schedule,
                         const char *code,
                         const char *name)
{
  gsize length = strlen (code);

  if (schedule->def->row_kind == BD_ROWS_FUNCTION || schedule->def->row_kind == BD_ROWS_ECONOMIC)
    {
      /* Parents first: their rows exist whenever a leaf below them does. */
      for (gsize prefix = 3; prefix < length; prefix += 2)
        {
          g_autofree char *parent = g_strndup (code, prefix);
          ensure_row (schedule, parent, NULL, FALSE);
        }
    }
  return ensure_row (schedule, code, name, TRUE);
}

gboolean
bd_schedule_is_empty (BdSchedule *schedule)
{
  for (guint i = 0; i < schedule->rows->len; i++)
    {
      BdRow *row = g_ptr_array_index (schedule->rows, i);
      for (guint c = 0; c < schedule->def->n_columns; c++)
        if (row->values[c] != 0)
          return FALSE;
    }
  if (schedule->income != NULL)
    for (guint i = 0; i < schedule->income->len; i++)
      if (((BdRow *) g_ptr_array_index (schedule->income, i))->values[0] != 0)
        return FALSE;
  if (schedule->carryover != NULL
      && (schedule->carryover->values[0] != 0 || schedule->carry_forward->values[0] != 0))
    return FALSE;
  return schedule->def->row_kind == BD_ROWS_BALANCE || schedule->def->row_kind == BD_ROWS_SINGLE
    ? TRUE : schedule->rows->len == 0;
}

/* Sections and projects */

BdSection *
bd_section_new (const char *id,
                const char *title)
{
  BdSection *section = g_new0 (BdSection, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->paragraphs = g_ptr_array_new_with_free_func (g_free);
  section->to_review = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return section;
}

void
bd_section_free (BdSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->paragraphs);
  g_hash_table_unref (section->to_review);
  g_free (section);
}

BdIndicator *
bd_indicator_new (const char *level1,
                  const char *level2,
                  const char *name,
                  const char *target)
{
  BdIndicator *indicator = g_new0 (BdIndicator, 1);

  indicator->level1 = g_strdup (level1 ? level1 : "");
  indicator->level2 = g_strdup (level2 ? level2 : "");
  indicator->name = g_strdup (name ? name : "");
  indicator->target = g_strdup (target ? target : "");
  return indicator;
}

void
bd_indicator_free (BdIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->level1);
  g_free (indicator->level2);
  g_free (indicator->name);
  g_free (indicator->target);
  g_free (indicator);
}

BdProject *
bd_project_new (void)
{
  BdProject *project = g_new0 (BdProject, 1);

  project->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_indicator_free);
  return project;
}

void
bd_project_free (BdProject *project)
{
  if (project == NULL)
    return;
  bd_project_fields_clear (project);
  g_ptr_array_unref (project->indicators);
  g_free (project);
}

/* The document */

static void
bd_document_finalize (GObject *object)
{
  BdDocument *self = (BdDocument *) object;

  g_free (self->department);
  g_free (self->title);
  g_free (self->attachment);
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    bd_schedule_free (self->schedules[i]);
  g_ptr_array_unref (self->sections);
  g_hash_table_unref (self->figures);
  g_hash_table_unref (self->last_year);
  g_ptr_array_unref (self->projects);
  for (guint i = 0; i < G_N_ELEMENTS (self->extra_codes); i++)
    g_hash_table_unref (self->extra_codes[i]);
  g_hash_table_unref (self->rule_profile);
  g_clear_pointer (&self->import_notes, g_ptr_array_unref);

  G_OBJECT_CLASS (bd_document_parent_class)->finalize (object);
}

static void
bd_document_class_init (BdDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bd_document_finalize;
}

static void
bd_document_init (BdDocument *self)
{
  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    self->schedules[i] = bd_schedule_new (bd_schedule_def_get (i + 1));
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_section_free);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->last_year = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) bd_project_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->extra_codes); i++)
    self->extra_codes[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rule_profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
bd_document_add_extra_code (BdDocument *self,
                            guint       classification,
                            const char *code,
                            const char *name)
{
  g_return_if_fail (classification < G_N_ELEMENTS (self->extra_codes));
  g_hash_table_replace (self->extra_codes[classification], g_strdup (code), g_strdup (name));
}

const char *
bd_document_lookup_code (BdDocument *self,
                         guint       classification,
                         const char *code)
{
  const BdCatalogEntry *entry;

  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  entry = bd_catalog_lookup (bd_catalog_get_default (), classification, code);

  if (entry != NULL)
    return entry->name;
  return g_hash_table_lookup (self->extra_codes[classification], code);
}

BdDocument *
bd_document_new (const char *department,
                 int         year)
{
  BdDocument *self = g_object_new (BD_TYPE_DOCUMENT, NULL);

  self->department = g_strdup (department ? department : "");
  self->year = year;
  return self;
}

BdDocument *
bd_document_new_fixed (const char *department,
                       int         year)
{
  BdDocument *self = bd_document_new (department, year);
  g_autoptr(GPtrArray) template = bd_catalog_template_lei (bd_catalog_get_default ());

  self->title = g_strdup_printf ("%d年部门预算", year);
  for (guint s = 1; s <= BD_N_SCHEDULES; s++)
    {
      BdSchedule *schedule = bd_document_get_schedule (self, s);
      if (schedule->def->row_kind != BD_ROWS_BALANCE)
        continue;
      for (guint i = 0; i < template->len; i++)
        {
          const BdCatalogEntry *entry = g_ptr_array_index (template, i);
          bd_schedule_insert_leaf (schedule, entry->code, entry->name);
        }
    }
  return self;
}

BdDocument *
bd_document_new_empty (const char *department,
                       int         year)
{
  BdDocument *self = bd_document_new_fixed (department, year);

  bd_narrative_start (self);
  return self;
}

char *
bd_document_part_title (BdDocument *self,
                        BdPart      part)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  if (part >= BD_PART_SCHEDULE_1 && part < BD_PART_SCHEDULE_1 + BD_N_SCHEDULES)
    {
      guint number = part - BD_PART_SCHEDULE_1 + 1;
      g_autofree char *title = bd_schedule_def_title_for (bd_schedule_def_get (number), self->year,
                                                          self->unit_budget);
      return g_strdup_printf ("%u. %s", number, title);
    }
  switch (part)
    {
    case BD_PART_NARRATIVE: return g_strdup (self->unit_budget ? "单位预算编制说明" : "部门预算编制说明");
    case BD_PART_OTHER: return g_strdup ("其他相关情况说明");
    case BD_PART_EMPLOYEES: return g_strdup ("政府雇员项目经费情况说明");
    case BD_PART_PERFORMANCE: return g_strdup ("财政项目支出绩效目标表");
    case BD_PART_FUNCTIONS: return g_strdup ("主要职能");
    case BD_PART_ORGANISATION: return g_strdup ("机构设置");
    case BD_PART_GLOSSARY: return g_strdup ("名词解释");
    case BD_PART_NONE:
    case BD_PART_DOCUMENT:
    default:
      return g_strdup ("整个文档");
    }
}

static const struct {
  const char *name;
  BdPart      part;
} part_names[] = {
  { "narrative", BD_PART_NARRATIVE },
  { "other", BD_PART_OTHER },
  { "employees", BD_PART_EMPLOYEES },
  { "performance", BD_PART_PERFORMANCE },
  { "document", BD_PART_DOCUMENT },
  { "functions", BD_PART_FUNCTIONS },
  { "organisation", BD_PART_ORGANISATION },
  { "glossary", BD_PART_GLOSSARY },
};

gboolean
bd_part_from_string (const char *name,
                     BdPart     *part)
{
  if (name[0] >= '1' && name[0] <= '0' + BD_N_SCHEDULES && name[1] == '\0')
    {
      *part = BD_PART_SCHEDULE_1 + (name[0] - '1');
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    if (strcmp (name, part_names[i].name) == 0)
      {
        *part = part_names[i].part;
        return TRUE;
      }
  return FALSE;
}

const char *
bd_part_to_string (BdPart part)
{
  static const char * const numbers[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };

  if (part >= BD_PART_SCHEDULE_1 && part < BD_PART_SCHEDULE_1 + BD_N_SCHEDULES)
    return numbers[part - BD_PART_SCHEDULE_1];
  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    if (part_names[i].part == part)
      return part_names[i].name;
  return NULL;
}

BdSchedule *
bd_document_get_schedule (BdDocument *self,
                          guint       number)
{
  g_return_val_if_fail (number >= 1 && number <= BD_N_SCHEDULES, NULL);
  return self->schedules[number - 1];
}

BdSection *
bd_document_get_section (BdDocument *self,
                         const char *id)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      BdSection *section = g_ptr_array_index (self->sections, i);
      if (g_strcmp0 (section->id, id) == 0)
        return section;
    }
  return NULL;
}

BdSection *
bd_document_ensure_section (BdDocument *self,
                            const char *id,
                            const char *title)
{
  BdSection *section;

  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  section = bd_document_get_section (self, id);

  if (section == NULL)
    {
      section = bd_section_new (id, title);
      g_ptr_array_add (self->sections, section);
    }
  return section;
}

void
bd_document_recompute (BdDocument *self)
{
  g_return_if_fail (BD_IS_DOCUMENT (self));

  for (guint i = 0; i < BD_N_SCHEDULES; i++)
    bd_schedule_recompute (self->schedules[i]);
}

void
bd_document_set_figure (BdDocument   *self,
                        const char   *key,
                        gint64        value,
                        BdFigureUnit  unit)
{
  BdFigure *figure;

  g_return_if_fail (BD_IS_DOCUMENT (self));

  figure = g_new0 (BdFigure, 1);

  figure->value = value;
  figure->unit = unit;
  g_hash_table_replace (self->figures, g_strdup (key), figure);
}

const BdFigure *
bd_document_get_figure (BdDocument *self,
                        const char *key)
{
  g_return_val_if_fail (BD_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->figures, key);
}

void
bd_document_set_last_year (BdDocument *self,
                           const char *key,
                           gint64      value)
{
  g_return_if_fail (BD_IS_DOCUMENT (self));

  g_hash_table_replace (self->last_year, g_strdup (key), g_memdup2 (&value, sizeof value));
}

gboolean
bd_document_get_last_year (BdDocument *self,
                           const char *key,
                           gint64     *value)
{
  gint64 *found;

  g_return_val_if_fail (BD_IS_DOCUMENT (self), FALSE);

  found = g_hash_table_lookup (self->last_year, key);

  if (found == NULL)
    return FALSE;
  if (value != NULL)
    *value = *found;
  return TRUE;
}
