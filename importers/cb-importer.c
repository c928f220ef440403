#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-exporter.h"
#include "cb-field-map.h"
#include "cb-importer-private.h"
#include "cb-mapping.h"
#include "cb-record.h"
#include "cb-reference.h"
#include "cb-response-import.h"
#include "cb-value-parse.h"
#include "cb-wide-layout.h"
#include "cb-workbook-private.h"

G_DEFINE_QUARK (cb-importer-error-quark, cb_importer_error)

/* Rows between two looks at the cancellable and two progress reports. */
#define CHECK_EVERY 4096

static void
problem_free (CbImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

CbImportResult *
cb_import_result_new (void)
{
  CbImportResult *result = g_new0 (CbImportResult, 1);

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return result;
}

void
cb_import_result_free (CbImportResult *result)
{
  g_free (result->file_name);
  g_free (result->encoding);
  g_free (result->delimiter);
  g_free (result->sha256);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

char *
cb_import_problem_format (const CbImportResult  *result,
                          const CbImportProblem *problem)
{
  if (problem->line == 0)
    return g_strdup_printf ("%s: %s%s", result->file_name, problem->warning ? _("warning: ") : "", problem->message);
  if (problem->column == 0)
    return g_strdup_printf ("%s:%u: %s%s", result->file_name, problem->line,
                            problem->warning ? _("warning: ") : "", problem->message);
  return g_strdup_printf ("%s:%u:%u: %s%s", result->file_name, problem->line, problem->column,
                          problem->warning ? _("warning: ") : "", problem->message);
}

void
cb_import_add_problem (CbImportResult *result,
                       guint           line,
                       guint           column,
                       gboolean        warning,
                       const char     *message)
{
  CbImportProblem *problem;

  if (!warning)
    result->n_errors++;
  if (result->problems->len >= CB_IMPORT_MAX_PROBLEMS)
    return;
  problem = g_new0 (CbImportProblem, 1);
  problem->line = line;
  problem->column = column;
  problem->warning = warning;
  problem->message = g_strdup (message);
  g_ptr_array_add (result->problems, problem);
}

const char *
cb_import_cell_text (CbFieldType  type,
                     const char  *text,
                     gsize       *length)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  /* Undo the export's guard against formula injection, so an export re-imports unchanged; what it
   * guards must be inside the trimmed text, not the spaces after it. */
  if (type == CB_FIELD_TEXT && start < end && start[0] == '\'' && start + 1 + strspn (start + 1, "'") < end
      && cb_export_needs_guard (start + 1))
    start++;
  *length = end - start;
  return start;
}

/* What a cell says, in the canonical form core expects for @field. */
gboolean
cb_import_parse_cell (CbWorkbook     *workbook,
                      const CbField  *field,
                      const char     *text,
                      char          **canonical,
                      GError        **error)
{
  gsize length;
  const char *start = cb_import_cell_text (field->type, text, &length);
  g_autofree char *trimmed = g_strndup (start, length);

  *canonical = NULL;
  if (length == 0)
    return TRUE;

  switch (field->type)
    {
    case CB_FIELD_INTEGER:
      /* Some numbers have names too: severity "1 - Critical" or "緊急" is 1. */
      if (cb_value_parse_integer (trimmed, canonical, error))
        return TRUE;
      if (cb_value_parse_enum (field->name, NULL, trimmed, canonical, NULL))
        {
          g_clear_error (error);
          return TRUE;
        }
      return FALSE;
    case CB_FIELD_NUMBER:
      return cb_value_parse_number (trimmed, canonical, error);
    case CB_FIELD_DATE:
      return cb_value_parse_date (trimmed, canonical, error);
    case CB_FIELD_TIMESTAMP:
      return cb_value_parse_timestamp (trimmed, cb_workbook_get_time_zone (workbook), canonical, error);
    case CB_FIELD_PERIOD:
      return cb_value_parse_period (trimmed, canonical, error);
    case CB_FIELD_ENUM:
      return cb_value_parse_enum (field->name, field->values, trimmed, canonical, error);
    case CB_FIELD_BOOLEAN:
      return cb_value_parse_boolean (field->name, trimmed, canonical, error);
    case CB_FIELD_ITEM_KEY:
      return cb_value_parse_item_key (trimmed, canonical, error);
    case CB_FIELD_TEXT:
    case CB_FIELD_REFERENCE:
    case CB_FIELD_QUESTION:
    default:
      *canonical = g_steal_pointer (&trimmed);
      return TRUE;
    }
}

static char *
truncate_value (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, -1) <= 40)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, 40);
  return g_strconcat (start, "…", NULL);
}

/* "FIELD: message", unless the message names the field first already, as core's rules across
 * fields do ("detected_at (…) is before occurred_at (…)"). */
static char *
field_message (const char *field,
               const char *message)
{
  gsize length = strlen (field);

  if (strncmp (message, field, length) == 0 && (message[length] == ' ' || message[length] == ':'))
    return g_strdup (message);
  return g_strdup_printf ("%s: %s", field, message);
}

/* Whether @message quotes @value as a word of its own, not inside another word. */
static gboolean
mentions (const char *message,
          const char *value)
{
  gsize length = strlen (value);

  for (const char *at = strstr (message, value); at != NULL; at = strstr (at + 1, value))
    if ((at == message || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[length]))
      return TRUE;
  return FALSE;
}

/* Saves @record, reporting a failure at the file position of the field it names. */
gboolean
cb_import_save (CbImport        *import,
                CbRecord        *record,
                guint            line,
                const int       *columns,
                GPtrArray       *fields)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean inserted = FALSE;

  if (!cb_workbook_save_record (import->workbook, record, import->batch_id, &inserted, &field, &error))
    {
      int index = field != NULL ? cb_kind_find_field (cb_record_get_kind (record), field) : -1;
      int column = index >= 0 ? columns[index] : -1;
      g_autofree char *message = field ? field_message (field, error->message) : g_strdup (error->message);

      /* The cell as the file has it, unless the message quotes it already. */
      if (column >= 0 && (guint) column < fields->len && ((const char *) fields->pdata[column])[0] != '\0'
          && !mentions (message, fields->pdata[column]))
        {
          g_autofree char *value = truncate_value (fields->pdata[column]);
          g_autofree char *bare = g_steal_pointer (&message);

          message = g_strdup_printf ("%s (%s)", bare, value);
        }
      cb_import_add_problem (import->result, line, column >= 0 ? column + 1 : 0, FALSE, message);
      return FALSE;
    }
  import->result->rows++;
  if (inserted)
    import->result->inserted++;
  else
    import->result->updated++;
  return TRUE;
}

gboolean
cb_import_check_length (CbImport   *import,
                        const char *field,
                        const char *text,
                        guint       line,
                        int         column)
{
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  glong length;

  /* A character takes at least one byte: most cells are settled without counting. */
  if (strlen (text) <= CB_IMPORT_MAX_CELL_LENGTH)
    return TRUE;
  length = g_utf8_strlen (text, -1);
  if (length <= CB_IMPORT_MAX_CELL_LENGTH)
    return TRUE;
  value = truncate_value (text);
  message = g_strdup_printf (_("%s: %ld characters, more than the %d a spreadsheet cell holds (%s)"), field, length,
                             CB_IMPORT_MAX_CELL_LENGTH, value);
  cb_import_add_problem (import->result, line, column >= 0 ? column + 1 : 0, FALSE, message);
  return FALSE;
}

gboolean
cb_import_fill_record (CbImport         *import,
                       CbRecord         *record,
                       const int        *columns,
                       GPtrArray        *fields,
                       guint             line)
{
  const CbKind *kind = cb_record_get_kind (record);
  gboolean ok = TRUE;

  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);
      const char *text = columns[i] >= 0 && (guint) columns[i] < fields->len ? fields->pdata[columns[i]] : NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;

      if (text == NULL || text[0] == '\0')
        {
          if (g_str_equal (field->name, "entity"))
            text = import->options->entity;
          else if (g_str_equal (field->name, "period"))
            text = import->options->period;
          else if (g_str_equal (field->name, "questionnaire"))
            text = import->options->questionnaire;
        }
      if (text == NULL)
        continue;
      if (!cb_import_check_length (import, field->name, text, line, columns[i]))
        {
          ok = FALSE;
          continue;
        }
      if (!cb_import_parse_cell (import->workbook, field, text, &canonical, &error))
        {
          /* The value parsers quote the value in their messages already. */
          g_autofree char *message = field_message (field->name, error->message);
          cb_import_add_problem (import->result, line, columns[i] >= 0 ? columns[i] + 1 : 0, FALSE, message);
          ok = FALSE;
          continue;
        }
      cb_record_set_nth (record, i, canonical);
    }
  return ok;
}

static const char *const defaulted_fields[] = { "entity", "period", "questionnaire", NULL };

static gboolean
cell_is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
cb_import_row_usable (CbImport  *import,
                      GPtrArray *fields,
                      guint      line)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      if (cell_is_blank (fields->pdata[i]))
        continue;
      if (i >= import->n_columns)
        {
          g_autofree char *value = truncate_value (fields->pdata[i]);
          g_autofree char *message = g_strdup_printf (_("a value past the header’s last column, which names %u "
                                                        "columns (%s)"), import->n_columns, value);
          cb_import_add_problem (import->result, line, i + 1, FALSE, message);
          return FALSE;
        }
      blank = FALSE;
    }
  return !blank;
}

gboolean
cb_import_row_done (CbImport  *import,
                    GError   **error)
{
  if (++import->rows_seen % CHECK_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (import->progress != NULL && import->result->size > 0)
    import->progress ((double) cb_csv_reader_get_bytes_read (import->reader) / import->result->size,
                      import->user_data);
  return TRUE;
}

static gboolean
import_long (CbImport            *import,
             GPtrArray           *header,
             const char * const  *overrides,
             GError             **error)
{
  const CbKind *kind = cb_kind_lookup (import->options->kind);
  g_autoptr(GPtrArray) defaulted = g_ptr_array_new ();
  g_autoptr(CbFieldMap) map = NULL;
  g_autoptr(GError) local_error = NULL;
  guint header_line = cb_csv_reader_get_line (import->reader);
  GPtrArray *fields;

  for (guint i = 0; defaulted_fields[i] != NULL; i++)
    if ((g_str_equal (defaulted_fields[i], "entity") && import->options->entity)
        || (g_str_equal (defaulted_fields[i], "period") && import->options->period)
        || (g_str_equal (defaulted_fields[i], "questionnaire") && import->options->questionnaire))
      g_ptr_array_add (defaulted, (gpointer) defaulted_fields[i]);
  g_ptr_array_add (defaulted, NULL);

  map = cb_field_map_new (kind, header, overrides, (const char * const *) defaulted->pdata, error);
  if (map == NULL)
    return FALSE;
  for (guint i = 0; i < map->unknown_columns->len; i++)
    {
      g_autofree char *message = g_strdup_printf (_("column “%s” is not a field of %s; it is not imported"),
                                                  (const char *) map->unknown_columns->pdata[i],
                                                  import->options->kind);
      cb_import_add_problem (import->result, header_line, 0, TRUE, message);
    }

  if (kind == cb_kind_lookup ("responses"))
    return cb_response_import_rows (import, map->columns, error);

  while (cb_csv_reader_next_row (import->reader, &fields, &local_error))
    {
      g_autoptr(CbRecord) record = cb_record_new (kind);
      guint line = cb_csv_reader_get_line (import->reader);

      if (cb_import_row_usable (import, fields, line)
          && cb_import_fill_record (import, record, map->columns, fields, line))
        cb_import_save (import, record, line, map->columns, fields);
      if (!cb_import_row_done (import, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static GStrv
collect_overrides (CbWorkbook             *workbook,
                   const CbImportOptions  *options,
                   GError                **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (options->mapping_name != NULL)
    {
      g_auto(GStrv) saved = cb_mapping_load (workbook, options->kind, options->mapping_name, error);
      if (saved == NULL)
        return NULL;
      g_strv_builder_addv (builder, (const char **) saved);
    }
  if (options->map != NULL)
    g_strv_builder_addv (builder, (const char **) options->map);
  return g_strv_builder_end (builder);
}

gboolean
cb_import_file (CbWorkbook             *workbook,
                const char             *path,
                const CbImportOptions  *options,
                CbImportResult         *result,
                GCancellable           *cancellable,
                CbImportProgress        progress,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(CbCsvReader) reader = NULL;
  g_auto(GStrv) overrides = NULL;
  g_autoptr(CbBatch) batch = g_new0 (CbBatch, 1);
  CbCsvOptions reader_options = { .encoding = options->encoding, .delimiter = options->delimiter };
  g_autoptr(GError) local_error = NULL;
  GPtrArray *header = NULL;
  guint header_line;
  CbImport import = {
    .workbook = workbook, .options = options, .result = result,
    .cancellable = cancellable, .progress = progress, .user_data = user_data,
  };
  gboolean wide, bulk;
  g_autofree char *default_period = NULL;
  gboolean ok;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL && result != NULL, FALSE);

  g_free (result->file_name);
  result->file_name = g_strdup (path);
  if (cb_kind_lookup (options->kind) == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("unknown kind “%s” (entities, assessments, benchmarks, benchmark-reference, suppliers, "
                   "questionnaire, responses, incidents, kpis, kpi-values)"), options->kind);
      return FALSE;
    }
  /* Checked even when every row names its own period and the default is never used. */
  if (options->period != NULL && !cb_value_parse_period (options->period, &default_period, error))
    {
      g_prefix_error (error, _("the period for rows without one: "));
      return FALSE;
    }
  if (!cb_workbook_check_writable (workbook, error))
    return FALSE;
  overrides = collect_overrides (workbook, options, error);
  if (overrides == NULL)
    return FALSE;

  reader = cb_csv_reader_new (path, &reader_options, error);
  if (reader == NULL)
    return FALSE;
  import.reader = reader;
  result->size = cb_csv_reader_get_size (reader);
  if (!cb_csv_reader_next_row (reader, &header, error))
    return FALSE;
  header_line = cb_csv_reader_get_line (reader);
  /* The reader reuses its row; the header must outlive the next one. */
  {
    GPtrArray *copy = g_ptr_array_new_full (header->len, g_free);
    for (guint i = 0; i < header->len; i++)
      g_ptr_array_add (copy, g_strdup (header->pdata[i]));
    header = copy;
  }
  import.n_columns = header->len;
  result->encoding = g_strdup (cb_csv_reader_get_encoding (reader));
  result->delimiter = g_strdup_printf ("%c", cb_csv_reader_get_delimiter (reader));

  wide = g_str_equal (options->kind, "responses")
         && (options->layout == CB_LAYOUT_WIDE
             || (options->layout == CB_LAYOUT_AUTO && cb_wide_layout_detect (workbook, header, options)));

  /* Rows of the long layout are checked against the suppliers and questions by the response writer
   * itself, which foreign keys would only check again, one row at a time. */
  bulk = !wide && g_str_equal (options->kind, "responses");
  if (!(bulk ? cb_workbook_begin_bulk (workbook, error) : cb_workbook_begin (workbook, error)))
    {
      g_ptr_array_unref (header);
      return FALSE;
    }
  batch->kind = g_strdup (options->kind);
  batch->file_name = g_path_get_basename (path);
  if (!cb_batch_begin (workbook, batch, error))
    goto failed;
  import.batch_id = batch->id;

  if (wide)
    ok = cb_wide_layout_import (&import, header, (const char * const *) overrides, &local_error);
  else
    ok = import_long (&import, header, (const char * const *) overrides, &local_error);
  if (!ok)
    {
      /* A header that gives no usable mapping is a problem of the file's header line. */
      if (g_error_matches (local_error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING))
        g_prefix_error (&local_error, "%s:%u: ", path, header_line);
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  if (result->rows == 0 && result->n_errors == 0)
    {
      g_set_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_EMPTY, _("%s:%u: the file has a header but no data rows"),
                   path, header_line + 1);
      goto failed;
    }
  if (result->n_errors > 0)
    {
      g_set_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %llu problem; nothing was imported",
                                "%s: %llu problems; nothing was imported", result->n_errors),
                   path, (unsigned long long) result->n_errors);
      goto failed;
    }

  result->sha256 = g_strdup (cb_csv_reader_get_sha256 (reader));
  if (options->dry_run)
    {
      cb_workbook_rollback (workbook);
      g_ptr_array_unref (header);
      return TRUE;
    }
  batch->sha256 = g_strdup (result->sha256);
  batch->size = result->size;
  batch->encoding = g_strdup (result->encoding);
  batch->delimiter = g_strdup (result->delimiter);
  batch->rows_read = result->rows;
  batch->rows_inserted = result->inserted;
  batch->rows_updated = result->updated;
  batch->assessments_scored = import.assessments_scored;
  if (!cb_batch_finish (workbook, batch, error))
    goto failed;
  if (!cb_workbook_commit (workbook, error))
    {
      g_ptr_array_unref (header);
      return FALSE;
    }
  result->batch_id = batch->id;
  g_ptr_array_unref (header);
  return TRUE;

failed:
  cb_workbook_rollback (workbook);
  result->inserted = result->updated = 0;
  g_ptr_array_unref (header);
  return FALSE;
}
