#include "cb-audit-field-change.h"
#include "cb-kind.h"
#include "cb-workbook-private.h"

void
cb_audit_field_change_free (CbAuditFieldChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* ",period,entity,item_key," for the table of a kind of the record layer, "" for any other. */
static char *
key_fields (const char *table_name)
{
  guint n_kinds;
  const CbKind *const *kinds = cb_kind_all (&n_kinds);
  GString *keys = g_string_new (NULL);

  for (guint k = 0; k < n_kinds; k++)
    {
      if (g_strcmp0 (cb_kind_get_table (kinds[k]), table_name) != 0)
        continue;
      g_string_append_c (keys, ',');
      for (guint i = 0; i < cb_kind_get_n_fields (kinds[k]); i++)
        if (cb_kind_get_field (kinds[k], i)->key)
          g_string_append_printf (keys, "%s,", cb_kind_get_field (kinds[k], i)->name);
      break;
    }
  return g_string_free (keys, FALSE);
}

GPtrArray *
cb_audit_field_changes (CbWorkbook          *workbook,
                        const CbAuditEntry  *entry,
                        GError             **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_audit_field_change_free);
  g_autofree char *keys = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  /* SQLite reads the JSON the log was written with; a field absent on one side counts as empty. */
  keys = key_fields (entry->table_name);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT n.key, o.value, n.value, instr (?3, ',' || n.key || ',') > 0 AS k "
                              "FROM json_each (?2) n LEFT JOIN json_each (?1) o ON o.key = n.key "
                              "WHERE o.value IS NOT n.value OR (?1 IS NOT NULL AND k) "
                              "UNION ALL SELECT o.key, o.value, NULL, instr (?3, ',' || o.key || ',') > 0 "
                              "FROM json_each (?1) o WHERE o.value IS NOT NULL "
                              "AND (?2 IS NULL OR json_type (?2, '$.\"' || o.key || '\"') IS NULL)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entry->old_values, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry->new_values, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, keys, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbAuditFieldChange *change = g_new0 (CbAuditFieldChange, 1);

      change->field = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->key = sqlite3_column_int (stmt, 3);
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
