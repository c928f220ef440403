#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  at;
  char   *user;
  char   *action;
  char   *table_name;
  gint64  row_id;
  char   *old_values;
  char   *new_values;
} CbAuditEntry;

void       cb_audit_entry_free  (CbAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAuditEntry, cb_audit_entry_free)

/* Appends one entry to the audit log; values are JSON objects or NULL. */
gboolean   cb_audit_record      (CbWorkbook  *workbook,
                                 const char  *action,
                                 const char  *table_name,
                                 gint64       row_id,
                                 const char  *old_values,
                                 const char  *new_values,
                                 GError     **error);

/* The newest @limit entries (all when 0), newest first, of CbAuditEntry. */
GPtrArray *cb_audit_list        (CbWorkbook  *workbook,
                                 guint        limit,
                                 GError     **error);

/* {"key":"value"} with JSON escaping. */
char      *cb_audit_json_pair   (const char  *key,
                                 const char  *value);

/* Appends @value as a JSON string literal (quotes included); NULL appends null. */
void       cb_json_append_string (GString    *json,
                                  const char *value);

G_END_DECLS
