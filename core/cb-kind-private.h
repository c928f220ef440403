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

/* The statements of a kind, built once from its descriptor. */
typedef enum
{
  CB_KIND_SQL_FIND,        /* the row with a natural key: id, batch_id */
  CB_KIND_SQL_INSERT,
  CB_KIND_SQL_INSERT_NEW,  /* an insert that does nothing when the natural key exists */
  CB_KIND_SQL_UPDATE,
  CB_KIND_SQL_DELETE,
  CB_KIND_SQL_SELECT,      /* the fields' canonical values; callers append WHERE */
  CB_KIND_SQL_GET,         /* the same for one row by id */
  CB_KIND_SQL_REMEMBER,    /* a row's columns as JSON into batch_changes, for undo */
  CB_KIND_SQL_RESTORE,     /* writes such JSON back */
  CB_KIND_SQL_N
} CbKindSql;

const char *cb_kind_sql (const CbKind *kind,
                         CbKindSql     purpose);

gboolean cb_rules_entity       (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_assessment   (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_benchmark    (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_incident     (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_response     (CbWorkbook *workbook, CbRecord *record, const char **field, GError **error);
gboolean cb_rules_question_saved (CbWorkbook *workbook, CbRecord *record, gint64 id, gint64 batch_id,
                                  GError **error);
gboolean cb_rules_response_saved (CbWorkbook *workbook, CbRecord *record, gint64 id, gint64 batch_id,
                                  GError **error);

G_END_DECLS
