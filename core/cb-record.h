#pragma once

#include "cb-audience.h"
#include "cb-kind.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* One row of a kind as canonical text per field: what export writes, import reads and the app edits.
 * NULL is an empty value. */
typedef struct _CbRecord CbRecord;

#define CB_TYPE_RECORD (cb_record_get_type ())

GType         cb_record_get_type   (void) G_GNUC_CONST;
CbRecord     *cb_record_new        (const CbKind *kind);
CbRecord     *cb_record_ref        (CbRecord     *record);
void          cb_record_unref      (CbRecord     *record);
const CbKind *cb_record_get_kind   (CbRecord     *record);
gint64        cb_record_get_id     (CbRecord     *record);
const char   *cb_record_get        (CbRecord     *record,
                                    const char   *field);
const char   *cb_record_get_nth    (CbRecord     *record,
                                    guint         index);
void          cb_record_set        (CbRecord     *record,
                                    const char   *field,
                                    const char   *value);
void          cb_record_set_nth    (CbRecord     *record,
                                    guint         index,
                                    const char   *value);
/* {"field":"value",...} of the non-derived fields. */
char         *cb_record_to_json    (CbRecord     *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRecord, cb_record_unref)

typedef struct
{
  CbAudience  audience;
  const char *period;   /* rows of this period (kinds with a period; incidents by detection), or NULL */
} CbRecordFilter;

/**
 * cb_workbook_save_record:
 * @batch_id: the import batch writing the row, or 0 for a single audited change
 * @field: (out) (optional): the field at fault when validation fails
 *
 * Checks @record, canonicalises its values in place and inserts it, or updates the row with the
 * same natural key. A single change (@batch_id 0) is audited and written whole or not at all. A row
 * of a batch is written inside the caller's transaction, which must be rolled back when it fails.
 */
gboolean   cb_workbook_save_record    (CbWorkbook      *workbook,
                                       CbRecord        *record,
                                       gint64           batch_id,
                                       gboolean        *inserted,
                                       const char     **field,
                                       GError         **error);
/* Validation only: what save would say, without writing. */
gboolean   cb_workbook_check_record   (CbWorkbook      *workbook,
                                       CbRecord        *record,
                                       const char     **field,
                                       GError         **error);
gboolean   cb_workbook_delete_record  (CbWorkbook      *workbook,
                                       const CbKind    *kind,
                                       gint64           id,
                                       GError         **error);
CbRecord  *cb_workbook_get_record     (CbWorkbook      *workbook,
                                       const CbKind    *kind,
                                       gint64           id,
                                       GError         **error);

typedef gboolean (*CbRecordFunc) (CbRecord *record,
                                  gpointer  user_data);

/* Calls @func for each row @filter lets through, in the kind's order; @func returns FALSE to stop. */
gboolean   cb_workbook_foreach_record (CbWorkbook           *workbook,
                                       const CbKind         *kind,
                                       const CbRecordFilter *filter,
                                       CbRecordFunc          func,
                                       gpointer              user_data,
                                       GError              **error);
GPtrArray *cb_workbook_list_records   (CbWorkbook           *workbook,
                                       const CbKind         *kind,
                                       const CbRecordFilter *filter,
                                       GError              **error);

/* The id of the row of @table whose code is @code, or 0. */
gint64     cb_workbook_lookup_code    (CbWorkbook           *workbook,
                                       const char           *table,
                                       const char           *code);
/* The group's root entity (the first without a parent), or 0 when there is none. */
gint64     cb_workbook_root_entity    (CbWorkbook           *workbook);

/* Canonical forms shared with the importers. */
char      *cb_format_timestamp        (gint64                unix_time,
                                       GTimeZone            *zone);
gboolean   cb_parse_timestamp         (const char           *text,
                                       GTimeZone            *zone,
                                       gint64               *unix_time);
/* Parses exactly YYYY-MM-DD. */
gboolean   cb_parse_date              (const char           *text,
                                       GDate                *date);
char      *cb_format_number           (double                value);

G_END_DECLS
