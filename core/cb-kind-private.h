#pragma once

#include "cb-kind.h"
#include "cb-record.h"

G_BEGIN_DECLS

struct _CbKind
{
  const char    *name;
  const char    *table;
  const CbField *fields;
  guint          n_fields;
  /* SQL giving the row's confidentiality (over alias t); NULL for reference data, which is public. */
  const char    *confidentiality;
  const char    *order_by;
  /* Cross-field rules and derived values, run after each field was checked on its own. */
  gboolean     (*validate)   (CbWorkbook  *workbook,
                              CbRecord    *record,
                              const char **field,
                              GError     **error);
  /* Keeps dependent tables in step once the row is written. */
  gboolean     (*after_save) (CbWorkbook  *workbook,
                              CbRecord    *record,
                              gint64       id,
                              gint64       batch_id,
                              GError     **error);
};

/* SQL built once from the kind's descriptor for @purpose: "find" (by natural key), "insert",
 * "update", "delete", "select" (canonical values; callers append WHERE), "raw" (the row's columns as a
 * JSON object, for undo) and "restore" (writes such an object back). */
const char *cb_kind_sql (const CbKind *kind,
                         const char   *purpose);

gboolean cb_rules_entity       (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_benchmark    (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_incident     (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_response     (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_question_saved (CbWorkbook *workbook, CbRecord *record, gint64 id, gint64 batch_id,
                                  GError **error);
gboolean cb_rules_response_saved (CbWorkbook *workbook, CbRecord *record, gint64 id, gint64 batch_id,
                                  GError **error);

G_END_DECLS
