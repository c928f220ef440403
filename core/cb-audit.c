#include "cb-audit.h"
#include "cb-workbook-private.h"

void
cb_audit_entry_free (CbAuditEntry *entry)
{
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

void
cb_json_append_string (GString    *json,
                       const char *value)
{
  if (value == NULL)
    {
      g_string_append (json, "null");
      return;
    }
  g_string_append_c (json, '"');
  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (json, "\\u%04x", *p);
          else
            g_string_append_c (json, *p);
        }
    }
  g_string_append_c (json, '"');
}

void
cb_json_append_member (GString    *json,
                       const char *key,
                       const char *value)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  cb_json_append_string (json, key);
  g_string_append_c (json, ':');
  cb_json_append_string (json, value);
}

char *
cb_json_close (GString *json)
{
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

char *
cb_audit_json_pair (const char *key,
                    const char *value)
{
  GString *json = g_string_new ("{");

  cb_json_append_member (json, key, value);
  return cb_json_close (json);
}

gboolean
cb_audit_record (CbWorkbook  *workbook,
                 const char  *action,
                 const char  *table_name,
                 gint64       row_id,
                 const char  *old_values,
                 const char  *new_values,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO audit_log (at, user, action, table_name, row_id, old_values, new_values) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cb_workbook_now ());
  sqlite3_bind_text (stmt, 2, cb_workbook_get_user (workbook), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, table_name, -1, SQLITE_STATIC);
  if (row_id > 0)
    sqlite3_bind_int64 (stmt, 5, row_id);
  sqlite3_bind_text (stmt, 6, old_values, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_values, -1, SQLITE_STATIC);
  return cb_workbook_step_done (workbook, stmt, "writing the audit log", error);
}

gint64
cb_audit_insert (CbWorkbook    *workbook,
                 sqlite3_stmt  *stmt,
                 const char    *table_name,
                 const char    *new_values,
                 const char    *what,
                 GError       **error)
{
  gint64 id = cb_workbook_step_insert (workbook, stmt, what, error);

  if (id == 0 || !cb_audit_record (workbook, "insert", table_name, id, NULL, new_values, error))
    return 0;
  return id;
}

gboolean
cb_audit_change (CbWorkbook    *workbook,
                 sqlite3_stmt  *stmt,
                 const char    *what,
                 const char    *action,
                 const char    *table_name,
                 gint64         row_id,
                 const char    *old_values,
                 const char    *new_values,
                 GError       **error)
{
  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  if (!cb_workbook_step_done (workbook, stmt, what, error)
      || !cb_audit_record (workbook, action, table_name, row_id, old_values, new_values, error))
    {
      cb_workbook_rollback (workbook);
      return FALSE;
    }
  return cb_workbook_commit (workbook, error);
}

gboolean
cb_audit_update (CbWorkbook         *workbook,
                 const char         *sql,
                 const char *const  *values,
                 guint               n_values,
                 const char         *action,
                 const char         *table_name,
                 gint64              row_id,
                 const char         *old_values,
                 const char         *new_values,
                 const char         *what,
                 GError            **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n_values + 1, row_id);
  return cb_audit_change (workbook, stmt, what, action, table_name, row_id, old_values, new_values,
                          error);
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  CbAuditEntry *entry = g_new0 (CbAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = sqlite3_column_int64 (stmt, 1);
  entry->user = cb_workbook_column_dup (stmt, 2);
  entry->action = cb_workbook_column_dup (stmt, 3);
  entry->table_name = cb_workbook_column_dup (stmt, 4);
  entry->row_id = sqlite3_column_int64 (stmt, 5);
  entry->old_values = cb_workbook_column_dup (stmt, 6);
  entry->new_values = cb_workbook_column_dup (stmt, 7);
  return entry;
}

GPtrArray *
cb_audit_list (CbWorkbook  *workbook,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_audit_entry_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, at, user, action, table_name, row_id, old_values, new_values "
                              "FROM audit_log ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  if (!cb_workbook_collect_rows (workbook, stmt, entries, entry_from_row, "reading the audit log", error))
    return NULL;
  return g_steal_pointer (&entries);
}
