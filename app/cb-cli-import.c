/* The data commands: preview, import, batches, undo and export. */

#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-batch.h"
#include "cb-cli-private.h"
#include "cb-csv-reader.h"
#include "cb-exporter.h"
#include "cb-importer.h"
#include "cb-mapping.h"

static gboolean
parse_delimiter (const char  *text,
                 char        *delimiter,
                 GError     **error)
{
  if (text == NULL)
    *delimiter = 0;
  else if (g_str_equal (text, "tab") || g_str_equal (text, "\\t"))
    *delimiter = '\t';
  else if (g_str_equal (text, "comma"))
    *delimiter = ',';
  else if (g_str_equal (text, "semicolon"))
    *delimiter = ';';
  else if (strlen (text) == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r')
    *delimiter = text[0];
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--delimiter is one character, or comma, semicolon or tab, not “%s”", text);
      return FALSE;
    }
  return TRUE;
}

/* A file that cannot be read as CSV, or whose rows do not fit the kind, is bad input: exit status 2,
 * with the workbook unchanged. */
static int
fail_input (const GError *error)
{
  int status = cb_cli_fail (error);

  if (error->domain == CB_CSV_ERROR
      || (error->domain == CB_IMPORTER_ERROR && error->code != CB_IMPORTER_ERROR_CANCELLED))
    return CB_EXIT_BAD_INPUT;
  return status;
}

static void
print_json_string (GString    *json,
                   const char *value)
{
  cb_json_append_string (json, value);
}

int
cb_cli_preview (int    argc,
                char **argv)
{
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autoptr(CbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  int n_rows = 10;
  int status;
  char delimiter;
  GPtrArray *fields;
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, "UTF-8, UTF-16LE, UTF-16BE or CP932 (default: detect)", "E" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text, "comma, semicolon or tab (default: detect)", "D" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Data rows to show (default 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    { NULL }
  };

  if (!cb_cli_parse ("preview", "FILE", "Show how a CSV file reads: encoding, delimiter, header and rows.",
                     entries, &argc, &argv, 1, &status))
    return status;
  if (!parse_delimiter (delimiter_text, &delimiter, &error))
    return cb_cli_fail (error);
  if (n_rows < 0)
    return cb_cli_usage_error (NULL, "preview: --rows is 0 or more");

  reader = cb_csv_reader_new (argv[2], &(CbCsvOptions) { encoding, delimiter }, &error);
  if (reader == NULL)
    return fail_input (error);

  if (json)
    {
      g_string_append (out, "{\"encoding\": ");
      print_json_string (out, cb_csv_reader_get_encoding (reader));
      g_string_append (out, ", \"delimiter\": ");
      print_json_string (out, (char[]) { cb_csv_reader_get_delimiter (reader), 0 });
      g_string_append (out, ", \"header\": [");
    }
  for (int row = 0; row <= n_rows && cb_csv_reader_next_row (reader, &fields, &error); row++)
    {
      if (json)
        {
          if (row == 1)
            g_string_append (out, "], \"rows\": [");
          else if (row > 1)
            g_string_append (out, ", ");
          if (row > 0)
            g_string_append_c (out, '[');
          for (guint i = 0; i < fields->len; i++)
            {
              if (i > 0)
                g_string_append (out, ", ");
              print_json_string (out, fields->pdata[i]);
            }
          if (row > 0)
            g_string_append_c (out, ']');
        }
      else
        {
          g_string_append_printf (out, "%u:", cb_csv_reader_get_line (reader));
          for (guint i = 0; i < fields->len; i++)
            g_string_append_printf (out, "%s%s", i ? " | " : " ", (const char *) fields->pdata[i]);
          g_string_append_c (out, '\n');
        }
    }
  if (error != NULL)
    return fail_input (error);
  if (json)
    {
      if (!strstr (out->str, "\"rows\""))
        g_string_append (out, "], \"rows\": [");
      g_string_append (out, "]}\n");
    }
  else
    printf ("encoding %s, delimiter %s\n", cb_csv_reader_get_encoding (reader),
            cb_csv_reader_get_delimiter (reader) == '\t' ? "tab"
            : (char[]) { cb_csv_reader_get_delimiter (reader), 0 });
  fputs (out->str, stdout);
  return CB_EXIT_OK;
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  g_printerr ("\rimporting %s: %3.0f%%", (const char *) user_data, fraction * 100);
}

int
cb_cli_import (int    argc,
               char **argv)
{
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *period = NULL;
  g_autofree char *questionnaire = NULL;
  g_autofree char *mapping_name = NULL;
  g_autofree char *save_mapping = NULL;
  g_auto(GStrv) map = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  gboolean ok;
  int status;
  CbImportOptions options = { 0 };
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, "UTF-8, UTF-16LE, UTF-16BE or CP932 (default: detect)", "E" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text, "comma, semicolon or tab (default: detect)", "D" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, "responses: long or wide (default: detect)", "L" },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map, "Read FIELD from the column named COLUMN", "FIELD=COLUMN" },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mapping_name, "Use a mapping saved in the workbook", "NAME" },
    { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &save_mapping, "Save the --map options under NAME", "NAME" },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, "Entity of rows that name none", "CODE" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, "Period of rows that name none", "P" },
    { "questionnaire", 0, 0, G_OPTION_ARG_STRING, &questionnaire, "Questionnaire of the responses", "CODE" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, "Validate only; write nothing", NULL },
    { NULL }
  };

  if (!cb_cli_parse ("import", "WORKBOOK KIND FILE", "Import a CSV file: all rows or none.", entries, &argc, &argv,
                     3, &status))
    return status;
  if (!parse_delimiter (delimiter_text, &options.delimiter, &error))
    return cb_cli_fail (error);
  if (layout == NULL)
    options.layout = CB_LAYOUT_AUTO;
  else if (g_str_equal (layout, "long"))
    options.layout = CB_LAYOUT_LONG;
  else if (g_str_equal (layout, "wide"))
    options.layout = CB_LAYOUT_WIDE;
  else
    return cb_cli_usage_error (NULL, "import: --layout is long or wide");
  if (save_mapping != NULL && map == NULL)
    return cb_cli_usage_error (NULL, "import: --save-mapping NAME saves the --map options given with it");

  options.kind = argv[3];
  options.encoding = encoding;
  options.map = (const char * const *) map;
  options.mapping_name = mapping_name;
  options.entity = entity;
  options.period = period;
  options.questionnaire = questionnaire;
  options.dry_run = dry_run;

  workbook = cb_workbook_open (argv[2], dry_run ? CB_WORKBOOK_OPEN_READ_ONLY : CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  /* A dry run needs a transaction it can throw away, so it opens for writing but never commits. */
  if (dry_run)
    {
      g_clear_object (&workbook);
      workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_DEFAULT, &error);
      if (workbook == NULL)
        return cb_cli_fail (error);
    }

  ok = cb_import_file (workbook, argv[4], &options, result, NULL,
                       cb_cli_show_progress () ? import_progress_cb : NULL, argv[4], &error);
  if (cb_cli_show_progress ())
    g_printerr ("\r\033[K");
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *line = cb_import_problem_format (result, result->problems->pdata[i]);
      g_printerr ("cyberboard-cli: %s\n", line);
    }
  if (result->n_errors > result->problems->len)
    g_printerr ("cyberboard-cli: … and %" G_GUINT64_FORMAT " more problems\n",
                result->n_errors - result->problems->len);
  if (!ok)
    return fail_input (error);

  /* A dry run writes nothing, not even the mapping. */
  if (save_mapping != NULL && !dry_run
      && !cb_mapping_save (workbook, argv[3], save_mapping, (const char * const *) map, &error))
    return cb_cli_fail (error);
  printf ("%s: %" G_GINT64_FORMAT " rows (%" G_GINT64_FORMAT " new, %" G_GINT64_FORMAT " updated), %s, ",
          argv[4], result->rows, result->inserted, result->updated, result->encoding);
  if (dry_run)
    printf ("dry run: nothing written\n");
  else
    printf ("batch %" G_GINT64_FORMAT "\n", result->batch_id);
  return CB_EXIT_OK;
}

int
cb_cli_batches (int    argc,
                char **argv)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!cb_cli_parse ("batches", "WORKBOOK", "List the imports, newest first.", entries, &argc, &argv, 1, &status))
    return status;
  workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  batches = cb_batch_list (workbook, &error);
  if (batches == NULL)
    return cb_cli_fail (error);
  printf ("%-5s %-20s %-20s %9s %9s %9s  %-10s %-12s %s\n", "id", "imported", "kind", "rows", "new", "updated",
          "encoding", "user", "file (sha256)");
  for (guint i = 0; i < batches->len; i++)
    {
      const CbBatch *batch = batches->pdata[i];
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (batch->imported_at);
      g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, cb_workbook_get_time_zone (workbook));
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M");

      printf ("%-5" G_GINT64_FORMAT " %-20s %-20s %9" G_GINT64_FORMAT " %9" G_GINT64_FORMAT " %9" G_GINT64_FORMAT
              "  %-10s %-12s %s (%.12s)%s\n",
              batch->id, stamp, batch->kind, batch->rows_read, batch->rows_inserted, batch->rows_updated,
              batch->encoding ? batch->encoding : "", batch->user, batch->file_name, batch->sha256,
              batch->undone_at ? "  [undone]" : "");
    }
  return CB_EXIT_OK;
}

int
cb_cli_undo (int    argc,
             char **argv)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 batch_id;
  int status;

  if (!cb_cli_parse ("undo", "WORKBOOK BATCH_ID", "Remove what one import added and restore what it changed.",
                     entries, &argc, &argv, 2, &status))
    return status;
  if (!g_ascii_string_to_signed (argv[3], 10, 1, G_MAXINT64, &batch_id, NULL))
    return cb_cli_usage_error (NULL, "undo: BATCH_ID is a number (see “cyberboard-cli batches”)");
  workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL || !cb_batch_undo (workbook, batch_id, &error))
    return cb_cli_fail (error);
  printf ("import batch %" G_GINT64_FORMAT " undone\n", batch_id);
  return CB_EXIT_OK;
}

int
cb_cli_export (int    argc,
               char **argv)
{
  g_autofree char *period = NULL;
  g_autofree char *output = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const CbKind *kind;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, "Only rows of this period", "P" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (default: standard output)", "FILE" },
    { NULL }
  };
  int status;

  if (!cb_cli_parse ("export", "WORKBOOK KIND", "Export one kind as CSV (UTF-8 with BOM, opens in Excel).",
                     entries, &argc, &argv, 2, &status))
    return status;
  kind = cb_kind_lookup (argv[3]);
  if (kind == NULL)
    return cb_cli_usage_error (NULL, "export: unknown KIND (entities, assessments, benchmarks, benchmark-reference, "
                                     "suppliers, questionnaire, responses, incidents, kpis, kpi-values)");
  workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);

  if (output != NULL)
    {
      if (!cb_export_kind_to_file (workbook, kind, period, output, NULL, NULL, &error))
        return cb_cli_fail (error);
      return CB_EXIT_OK;
    }
  stream = g_unix_output_stream_new (1, FALSE);
  if (!cb_export_kind (workbook, kind, period, stream, NULL, &error) || !g_output_stream_close (stream, NULL, &error))
    return cb_cli_fail (error);
  return CB_EXIT_OK;
}
