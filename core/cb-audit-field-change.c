#include "cb-audit-field-change.h"
#include "cb-workbook-private.h"

void
cb_audit_field_change_free (CbAuditFieldChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

GPtrArray *
cb_audit_field_changes (CbWorkbook          *workbook,
                        const CbAuditEntry  *entry,
                        GError             **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_audit_field_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  /* SQLite reads the JSON the log was written with; a field absent on one side counts as empty. */
  stmt = cb_workbook_prepare (workbook,
                              "SELECT n.key, o.value, n.value FROM json_each (?2) n "
                              "LEFT JOIN json_each (?1) o ON o.key = n.key WHERE o.value IS NOT n.value "
                              "UNION ALL SELECT o.key, o.value, NULL FROM json_each (?1) o "
                              "WHERE o.value IS NOT NULL AND (?2 IS NULL OR json_type (?2, '$.\"' || o.key || '\"') IS NULL)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entry->old_values, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry->new_values, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbAuditFieldChange *change = g_new0 (CbAuditFieldChange, 1);

      change->field = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading an audit entry", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&changes);
}
