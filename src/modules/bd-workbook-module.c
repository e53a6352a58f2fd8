/* The module "workbook": the cells of a spreadsheet workbook (xlsx, xls),
 * read with libgsf and libxml2 (xlsx) and libfreexl (xls); see
 * bd-workbook-reader.h. It makes the sheets and cells with the core's
 * bd_workbook_new () and the like, which the programs export to it. */

#include <freexl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "bd-workbook-reader.h"

G_MODULE_EXPORT BdWorkbook *bd_workbook_module_read (const char  *path,
                                                     GError     **error);

/* libgsf 1.14 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static gboolean
format_error (GError     **error,
              const char  *path,
              const char  *why)
{
  g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_FORMAT,
               _("%s is not a workbook BudgetDesk can read: %s"), path, why);
  return FALSE;
}

/* xlsx */

/* A member of the zip by its path (xl/worksheets/sheet1.xml), read whole. */
static char *
read_member (GsfInfile  *zip,
             const char *member,
             gsize      *length)
{
  g_auto(GStrv) parts = g_strsplit (member[0] == '/' ? member + 1 : member, "/", -1);
  g_autoptr(GsfInput) input = NULL;
  char *data;
  gsf_off_t size;

  input = gsf_infile_child_by_aname (zip, (const char **) parts);
  if (input == NULL)
    return NULL;
  size = gsf_input_size (input);
  if (size < 0 || size > G_MAXINT32)
    return NULL;
  data = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, (guint8 *) data) == NULL)
    {
      g_free (data);
      return NULL;
    }
  data[size] = '\0';
  *length = size;
  return data;
}

static xmlTextReaderPtr
reader_for (const char *data,
            gsize       length)
{
  return xmlReaderForMemory (data, (int) length, NULL, NULL, XML_PARSE_NONET);
}

static gboolean
is_element (xmlTextReaderPtr reader,
            const char      *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr reader,
        const char      *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attribute (xmlTextReaderPtr reader,
           const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The text of <t> elements up to the end of @until, phonetic runs aside. */
static char *
read_text_until (xmlTextReaderPtr reader,
                 const char      *until)
{
  GString *text = g_string_new (NULL);
  gboolean in_t = FALSE, in_phonetic = FALSE;

  if (xmlTextReaderIsEmptyElement (reader))
    return g_string_free (text, FALSE);
  while (xmlTextReaderRead (reader) == 1 && !is_end (reader, until))
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_element (reader, "rPh"))
        in_phonetic = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t = FALSE;
      else if (in_t && !in_phonetic
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return g_string_free (text, FALSE);
}

static GPtrArray *
read_shared_strings (GsfInfile *zip)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  gsize length = 0;
  g_autofree char *data = read_member (zip, "xl/sharedStrings.xml", &length);
  xmlTextReaderPtr reader;

  if (data == NULL)
    return strings;
  reader = reader_for (data, length);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    if (is_element (reader, "si"))
      g_ptr_array_add (strings, read_text_until (reader, "si"));
  xmlFreeTextReader (reader);
  return strings;
}

static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *column)
{
  guint c = 0, r = 0;
  const char *p = ref;

  for (; *p >= 'A' && *p <= 'Z'; p++)
    c = c * 26 + (*p - 'A' + 1);
  for (; *p >= '0' && *p <= '9'; p++)
    r = r * 10 + (*p - '0');
  if (c == 0 || r == 0 || *p != '\0' || c > 16384 || r > 1048576)
    return FALSE;
  *row = r - 1;
  *column = c - 1;
  return TRUE;
}

/* One <c> element: its type, its value or inline string, whether a formula. */
static gboolean
read_cell (xmlTextReaderPtr  reader,
           GPtrArray        *strings,
           BdWorkbookCell   *cell,
           guint             next_column,
           guint             row)
{
  g_autofree char *ref = attribute (reader, "r");
  g_autofree char *type = attribute (reader, "t");
  g_autofree char *value = NULL;
  gboolean formula = FALSE;

  memset (cell, 0, sizeof *cell);
  cell->row = row;
  cell->column = next_column;
  if (ref != NULL && !parse_reference (ref, &cell->row, &cell->column))
    return FALSE;
  if (!xmlTextReaderIsEmptyElement (reader))
    while (xmlTextReaderRead (reader) == 1 && !is_end (reader, "c"))
      {
        if (is_element (reader, "f"))
          formula = TRUE;
        else if (is_element (reader, "v"))
          {
            xmlChar *v = xmlTextReaderReadString (reader);
            g_free (value);
            value = g_strdup ((const char *) v);
            xmlFree (v);
          }
        else if (is_element (reader, "is"))
          {
            g_free (value);
            value = read_text_until (reader, "is");
          }
      }
  if (value == NULL)
    {
      cell->is_formula_without_value = formula;
      cell->text = g_strdup ("");
      return TRUE;
    }
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);
      cell->text = g_strdup (index < strings->len ? g_ptr_array_index (strings, index) : "");
    }
  else
    {
      cell->is_number = type == NULL || strcmp (type, "n") == 0;
      cell->text = g_steal_pointer (&value);
    }
  return TRUE;
}

static gboolean
read_worksheet (BdWorkbookSheet  *sheet,
                const char       *data,
                gsize             length,
                GPtrArray        *strings)
{
  xmlTextReaderPtr reader = reader_for (data, length);
  guint row = 0, next_column = 0;
  int status = 0;

  if (reader == NULL)
    return FALSE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "row"))
        {
          g_autofree char *r = attribute (reader, "r");
          row = r ? (guint) g_ascii_strtoull (r, NULL, 10) - 1 : row + 1;
          next_column = 0;
        }
      else if (is_element (reader, "c"))
        {
          BdWorkbookCell cell;
          if (!read_cell (reader, strings, &cell, next_column, row))
            {
              status = -1;
              break;
            }
          next_column = cell.column + 1;
          if (cell.text[0] != '\0' || cell.is_formula_without_value)
            bd_workbook_add_cell (sheet, &cell);
          else
            g_free (cell.text);
        }
    }
  xmlFreeTextReader (reader);
  return status == 0;
}

/* Relationship id → member path, from xl/_rels/workbook.xml.rels. */
static GHashTable *
read_relationships (GsfInfile *zip)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize length = 0;
  g_autofree char *data = read_member (zip, "xl/_rels/workbook.xml.rels", &length);
  xmlTextReaderPtr reader = data ? reader_for (data, length) : NULL;

  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    if (is_element (reader, "Relationship"))
      {
        char *id = attribute (reader, "Id");
        g_autofree char *target = attribute (reader, "Target");

        if (id == NULL || target == NULL)
          {
            g_free (id);
            continue;
          }
        g_hash_table_replace (targets, id,
                              target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL));
      }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return targets;
}

static BdWorkbook *
read_xlsx (GsfInfile   *zip,
           const char  *path,
           GError     **error)
{
  g_autoptr(BdWorkbook) book = bd_workbook_new ();
  g_autoptr(GPtrArray) strings = read_shared_strings (zip);
  g_autoptr(GHashTable) targets = read_relationships (zip);
  gsize length = 0;
  g_autofree char *data = read_member (zip, "xl/workbook.xml", &length);
  xmlTextReaderPtr reader = data ? reader_for (data, length) : NULL;
  gboolean ok = reader != NULL;

  while (ok && xmlTextReaderRead (reader) == 1)
    if (is_element (reader, "sheet"))
      {
        g_autofree char *name = attribute (reader, "name");
        g_autofree char *id = attribute (reader, "r:id");
        const char *member = id ? g_hash_table_lookup (targets, id) : NULL;
        g_autofree char *sheet_data = NULL;

        if (name == NULL || member == NULL
            || (sheet_data = read_member (zip, member, &length)) == NULL
            || !read_worksheet (bd_workbook_add_sheet (book, name), sheet_data, length, strings))
          {
            g_autofree char *why = g_strdup_printf (_("sheet “%s” cannot be read"), name ? name : "?");
            ok = FALSE;
            format_error (error, path, why);
          }
      }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        format_error (error, path, _("it has no xl/workbook.xml"));
      return NULL;
    }
  return g_steal_pointer (&book);
}

/* xls */

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* BIFF stores a double; 15 digits is what it can hold exactly, and the
   * importer parses this text into 分 without floating point. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static gboolean
read_xls_sheet (const void       *handle,
                BdWorkbookSheet  *sheet)
{
  unsigned int rows = 0;
  unsigned short columns = 0;

  if (freexl_worksheet_dimensions (handle, &rows, &columns) != FREEXL_OK)
    return FALSE;
  for (unsigned int r = 0; r < rows; r++)
    for (unsigned short c = 0; c < columns; c++)
      {
        FreeXL_CellValue value;
        BdWorkbookCell cell = { .row = r, .column = c };

        if (freexl_get_cell_value (handle, r, c, &value) != FREEXL_OK)
          return FALSE;
        switch (value.type)
          {
          case FREEXL_CELL_INT:
            cell.text = g_strdup_printf ("%d", value.value.int_value);
            cell.is_number = TRUE;
            break;
          case FREEXL_CELL_DOUBLE:
            cell.text = number_text (value.value.double_value);
            cell.is_number = TRUE;
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
            cell.text = g_strdup (value.value.text_value);
            break;
          default:
            continue;
          }
        if (cell.text[0] != '\0')
          bd_workbook_add_cell (sheet, &cell);
        else
          g_free (cell.text);
      }
  return TRUE;
}

static BdWorkbook *
read_xls (const char  *path,
          GError     **error)
{
  g_autoptr(BdWorkbook) book = bd_workbook_new ();
  const void *handle = NULL;
  unsigned int count = 0, password = 0;
  gboolean ok;

  if (freexl_open (path, &handle) != FREEXL_OK)
    {
      freexl_close (handle);
      format_error (error, path, _("it is neither an xlsx nor an xls workbook, or it is damaged"));
      return NULL;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password != FREEXL_BIFF_PLAIN)
    {
      freexl_close (handle);
      g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_ENCRYPTED,
                   _("%s is protected by a password; save it without one and import it again"), path);
      return NULL;
    }
  ok = freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count) == FREEXL_OK;
  for (unsigned short i = 0; ok && i < count; i++)
    {
      const char *name = NULL;

      ok = freexl_get_worksheet_name (handle, i, &name) == FREEXL_OK
           && freexl_select_active_worksheet (handle, i) == FREEXL_OK
           && read_xls_sheet (handle, bd_workbook_add_sheet (book, name ? name : ""));
    }
  freexl_close (handle);
  if (!ok)
    {
      format_error (error, path, _("a sheet of it is damaged"));
      return NULL;
    }
  return g_steal_pointer (&book);
}

BdWorkbook *
bd_workbook_module_read (const char  *path,
                         GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GsfInfile) ole = NULL;
  g_autoptr(GsfInput) encryption = NULL;
  g_autoptr(GError) local = NULL;

  gsf_init ();
  input = gsf_input_stdio_new (path, &local);
  if (input == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot read %s: %s"), path, local->message);
      return NULL;
    }
  zip = gsf_infile_zip_new (input, NULL);
  if (zip != NULL)
    return read_xlsx (zip, path, error);
  /* A password-protected xlsx is an OLE2 file holding the encrypted package. */
  gsf_input_seek (input, 0, G_SEEK_SET);
  ole = gsf_infile_msole_new (input, NULL);
  encryption = ole ? gsf_infile_child_by_name (ole, "EncryptionInfo") : NULL;
  if (encryption != NULL)
    {
      g_set_error (error, BD_WORKBOOK_ERROR, BD_WORKBOOK_ERROR_ENCRYPTED,
                   _("%s is protected by a password; save it without one and import it again"), path);
      return NULL;
    }
  return read_xls (path, error);
}
