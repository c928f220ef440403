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

char *
cb_audit_json_pair (const char *key,
                    const char *value)
{
  GString *json = g_string_new ("{");

  cb_json_append_string (json, key);
  g_string_append_c (json, ':');
  cb_json_append_string (json, value);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
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
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "writing the audit log", error);
  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
cb_audit_list (CbWorkbook  *workbook,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, at, user, action, table_name, row_id, old_values, new_values "
                              "FROM audit_log ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbAuditEntry *entry = g_new0 (CbAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->user = column_dup (stmt, 2);
      entry->action = column_dup (stmt, 3);
      entry->table_name = column_dup (stmt, 4);
      entry->row_id = sqlite3_column_int64 (stmt, 5);
      entry->old_values = column_dup (stmt, 6);
      entry->new_values = column_dup (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading the audit log", error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
