#pragma once

#include <sqlite3.h>

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

/* Steps @stmt, a bound INSERT into @table_name, and logs the new row as @new_values, both in the
 * caller's transaction: the row's id, or 0 with @error set, which says it was @what. */
gint64     cb_audit_insert      (CbWorkbook    *workbook,
                                 sqlite3_stmt  *stmt,
                                 const char    *table_name,
                                 const char    *new_values,
                                 const char    *what,
                                 GError       **error);

/* Steps @stmt, a bound change of the row @row_id of @table_name, in a transaction of its own, and
 * logs it as @action; an error says it was @what. */
gboolean   cb_audit_change      (CbWorkbook    *workbook,
                                 sqlite3_stmt  *stmt,
                                 const char    *what,
                                 const char    *action,
                                 const char    *table_name,
                                 gint64         row_id,
                                 const char    *old_values,
                                 const char    *new_values,
                                 GError       **error);

/* cb_audit_change() of @sql, an UPDATE whose parameters are @values and then @row_id. */
gboolean   cb_audit_update      (CbWorkbook         *workbook,
                                 const char         *sql,
                                 const char *const  *values,
                                 guint               n_values,
                                 const char         *action,
                                 const char         *table_name,
                                 gint64              row_id,
                                 const char         *old_values,
                                 const char         *new_values,
                                 const char         *what,
                                 GError            **error);

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
/* Adds "key":"value" to the JSON object that @json has opened with "{". */
void       cb_json_append_member (GString    *json,
                                  const char *key,
                                  const char *value);
/* Closes the object and returns its text, freeing @json. */
char      *cb_json_close         (GString    *json);

G_END_DECLS
