#pragma once

#include "cb-csv-reader.h"
#include "cb-importer.h"
#include "cb-record.h"

G_BEGIN_DECLS

/* One import under way, shared by the long and the wide layout. */
typedef struct
{
  CbWorkbook            *workbook;
  const CbImportOptions *options;
  CbImportResult        *result;
  CbCsvReader           *reader;
  gint64                 batch_id;
  GCancellable          *cancellable;
  CbImportProgress       progress;
  gpointer               user_data;
  guint64                rows_seen;
  guint                  n_columns;           /* named by the header */
  gboolean               assessments_scored;  /* by the import itself, not by cb_batch_finish() */
} CbImport;

/* The most characters a cell may hold: Excel's limit, so that what is imported can be exported and
 * opened again. */
#define CB_IMPORT_MAX_CELL_LENGTH 32767

void        cb_import_add_problem  (CbImportResult  *result,
                                    guint            line,
                                    guint            column,
                                    gboolean         warning,
                                    const char      *message);
/* The part of @text that a cell of a field of @type holds, @length bytes from the pointer returned
 * into @text: without the spaces around it and, in a text field (the only ones the export guards),
 * without the export's guard against formulas. */
const char *cb_import_cell_text    (CbFieldType      type,
                                    const char      *text,
                                    gsize           *length);
/* A cell's text in the canonical form core expects for @field; empty text gives NULL. */
gboolean    cb_import_parse_cell   (CbWorkbook      *workbook,
                                    const CbField   *field,
                                    const char      *text,
                                    char           **canonical,
                                    GError         **error);
/* Whether @text fits in a cell; when not, the problem is added at @column (0-based, or -1). */
gboolean    cb_import_check_length (CbImport        *import,
                                    const char      *field,
                                    const char      *text,
                                    guint            line,
                                    int              column);
/* Fills @record from the cells of a row that @columns maps; problems are added to the result. */
gboolean    cb_import_fill_record  (CbImport        *import,
                                    CbRecord        *record,
                                    const int       *columns,
                                    GPtrArray       *fields,
                                    guint            line);
/* Saves @record in the import's batch; a refusal becomes a problem at the field's column. */
gboolean    cb_import_save         (CbImport        *import,
                                    CbRecord        *record,
                                    guint            line,
                                    const int       *columns,
                                    GPtrArray       *fields);
/* Whether a row is to be read: a row whose every cell is empty, as Excel writes formatted rows past
 * the data, is skipped, not refused; a row with a value past the header's last column is refused,
 * since that value would be lost. */
gboolean    cb_import_row_usable   (CbImport        *import,
                                    GPtrArray       *fields,
                                    guint            line);
/* Counts a row; now and then reports progress and notices cancellation. */
gboolean    cb_import_row_done     (CbImport        *import,
                                    GError         **error);

G_END_DECLS
