#include <string.h>

#include "cb-exporter.h"
#include "cb-period.h"

gboolean
cb_export_needs_guard (const char *text)
{
  static const char starters[] = "=+-@\t\r";

  while (text[0] == '\'')
    text++;
  return text[0] != '\0' && strchr (starters, text[0]) != NULL;
}

void
cb_export_append_cell (GString    *line,
                       const char *value,
                       gboolean    text)
{
  gboolean dangerous, quote;

  if (value == NULL)
    return;
  dangerous = text && cb_export_needs_guard (value);
  quote = strpbrk (value, ",\"\r\n") != NULL || value[0] == ' ' || dangerous
          || (value[0] != '\0' && value[strlen (value) - 1] == ' ');
  if (!quote)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  if (dangerous)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

typedef struct
{
  GOutputStream *stream;
  GString       *line;
  guint64        rows;
  GError        *error;
} Export;

static gboolean
write_line (Export *export)
{
  g_string_append (export->line, "\r\n");
  if (!g_output_stream_write_all (export->stream, export->line->str, export->line->len, NULL, NULL,
                                  &export->error))
    return FALSE;
  g_string_truncate (export->line, 0);
  return TRUE;
}

static gboolean
write_record_cb (CbRecord *record,
                 gpointer  user_data)
{
  Export *export = user_data;
  const CbKind *kind = cb_record_get_kind (record);
  gboolean first = TRUE;

  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);
      if (field->derived)
        continue;
      if (!first)
        g_string_append_c (export->line, ',');
      first = FALSE;
      cb_export_append_cell (export->line, cb_record_get_nth (record, i), field->type == CB_FIELD_TEXT);
    }
  export->rows++;
  return write_line (export);
}

gboolean
cb_export_kind (CbWorkbook     *workbook,
                const CbKind   *kind,
                const char     *period,
                GOutputStream  *stream,
                guint64        *rows,
                GError        **error)
{
  g_autoptr(GString) line = g_string_new ("\xEF\xBB\xBF");
  CbRecordFilter filter = { .audience = CB_AUDIENCE_ALL, .period = period };
  Export export = { stream, line, 0, NULL };
  gboolean first = TRUE;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  /* Refused before the header is written, so that nothing of a failed export is left. */
  if (period != NULL && !cb_period_parse (period, &(CbPeriod) { 0 }, error))
    return FALSE;

  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);
      if (field->derived)
        continue;
      if (!first)
        g_string_append_c (line, ',');
      first = FALSE;
      g_string_append (line, field->name);
    }
  if (!write_line (&export))
    {
      g_propagate_error (error, export.error);
      return FALSE;
    }
  if (!cb_workbook_foreach_record (workbook, kind, &filter, write_record_cb, &export, error))
    return FALSE;
  if (export.error != NULL)
    {
      g_propagate_error (error, export.error);
      return FALSE;
    }
  if (rows != NULL)
    *rows = export.rows;
  return TRUE;
}

gboolean
cb_export_kind_to_file (CbWorkbook     *workbook,
                        const CbKind   *kind,
                        const char     *period,
                        const char     *path,
                        guint64        *rows,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean created;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!cb_workbook_check_output (workbook, path, error))
    return FALSE;
  file = g_file_new_for_path (path);
  created = !g_file_query_exists (file, cancellable);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (cb_export_kind (workbook, kind, period, G_OUTPUT_STREAM (stream), rows, error)
      && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* Closing a cancelled stream throws the replacement away. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (created)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}
