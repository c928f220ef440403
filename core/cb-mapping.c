#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-mapping.h"
#include "cb-workbook-private.h"

gboolean
cb_mapping_save (CbWorkbook         *workbook,
                 const char         *kind,
                 const char         *name,
                 const char * const *mapping,
                 GError            **error)
{
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (kind != NULL && name != NULL && mapping != NULL, FALSE);

  for (guint i = 0; mapping[i] != NULL; i++)
    if (strchr (mapping[i], '=') == NULL || strchr (mapping[i], '\n') != NULL)
      {
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                     _("“%s” is not FIELD=COLUMN"), mapping[i]);
        return FALSE;
      }
  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  text = g_strjoinv ("\n", (char **) mapping);
  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO saved_mappings (kind, name, mapping, created_at) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (kind, name) DO UPDATE SET mapping = excluded.mapping", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, cb_workbook_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "saving the mapping", error);
      goto failed;
    }
  json = cb_audit_json_pair (name, text);
  if (!cb_audit_record (workbook, "update", "saved_mappings", 0, NULL, json, error))
    goto failed;
  return cb_workbook_commit (workbook, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}

GStrv
cb_mapping_load (CbWorkbook  *workbook,
                 const char  *kind,
                 const char  *name,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  GStrv mapping;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook, "SELECT mapping FROM saved_mappings WHERE kind = ? AND name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: no saved mapping “%s” for %s"), cb_workbook_get_path (workbook), name, kind);
      return NULL;
    }
  mapping = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
  sqlite3_reset (stmt);
  return mapping;
}

GStrv
cb_mapping_list (CbWorkbook  *workbook,
                 const char  *kind,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook, "SELECT name FROM saved_mappings WHERE kind = ? ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "listing mappings", error);
      return NULL;
    }
  return g_strv_builder_end (names);
}
