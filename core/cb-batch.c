#include "cb-audit.h"
#include "cb-batch.h"
#include "cb-kind-private.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

#include <glib/gi18n-lib.h>

/* Tables that carry batch_id, children before the tables they refer to. */
static const char *const batch_tables[] = {
  "responses", "questions", "questionnaires", "kpi_values", "kpis", "incidents", "benchmark_scores",
  "benchmark_reference", "assessments", "suppliers", "entities",
};

void
cb_batch_free (CbBatch *batch)
{
  g_free (batch->kind);
  g_free (batch->file_name);
  g_free (batch->sha256);
  g_free (batch->encoding);
  g_free (batch->delimiter);
  g_free (batch->user);
  g_free (batch);
}

gboolean
cb_batch_begin (CbWorkbook  *workbook,
                CbBatch     *batch,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO import_batches (kind, file_name, sha256, size, encoding, delimiter, "
                              "imported_at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  batch->imported_at = cb_workbook_now ();
  g_free (batch->user);
  batch->user = g_strdup (cb_workbook_get_user (workbook));
  sqlite3_bind_text (stmt, 1, batch->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, batch->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, batch->sha256 ? batch->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, batch->size);
  sqlite3_bind_text (stmt, 5, batch->encoding, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, batch->delimiter, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, batch->imported_at);
  sqlite3_bind_text (stmt, 8, batch->user, -1, SQLITE_STATIC);
  id = cb_workbook_step_insert (workbook, stmt, "recording the import", error);
  if (id == 0)
    return FALSE;
  batch->id = id;
  return TRUE;
}

gboolean
cb_batch_finish (CbWorkbook  *workbook,
                 CbBatch     *batch,
                 GError     **error)
{
  g_autoptr(GString) json = g_string_new ("{\"file_name\":");
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "UPDATE import_batches SET sha256 = ?, size = ?, encoding = ?, delimiter = ?, "
                              "rows_read = ?, rows_inserted = ?, rows_updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, batch->sha256 ? batch->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, batch->size);
  sqlite3_bind_text (stmt, 3, batch->encoding, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, batch->delimiter, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, batch->rows_read);
  sqlite3_bind_int64 (stmt, 6, batch->rows_inserted);
  sqlite3_bind_int64 (stmt, 7, batch->rows_updated);
  sqlite3_bind_int64 (stmt, 8, batch->id);
  if (!cb_workbook_step_done (workbook, stmt, "recording the import", error)
      || (!batch->assessments_scored && !cb_supplier_rescore_batch (workbook, batch->id, error)))
    return FALSE;

  cb_json_append_string (json, batch->file_name);
  g_string_append_printf (json, ",\"kind\":");
  cb_json_append_string (json, batch->kind);
  g_string_append_printf (json, ",\"sha256\":");
  cb_json_append_string (json, batch->sha256);
  g_string_append_printf (json, ",\"rows_inserted\":%" G_GINT64_FORMAT ",\"rows_updated\":%" G_GINT64_FORMAT "}",
                          batch->rows_inserted, batch->rows_updated);
  return cb_audit_record (workbook, "import", "import_batches", batch->id, NULL, json->str, error);
}

static gpointer
batch_from_row (sqlite3_stmt *stmt)
{
  CbBatch *batch = g_new0 (CbBatch, 1);

  batch->id = sqlite3_column_int64 (stmt, 0);
  batch->kind = cb_workbook_column_dup (stmt, 1);
  batch->file_name = cb_workbook_column_dup (stmt, 2);
  batch->sha256 = cb_workbook_column_dup (stmt, 3);
  batch->size = sqlite3_column_int64 (stmt, 4);
  batch->encoding = cb_workbook_column_dup (stmt, 5);
  batch->delimiter = cb_workbook_column_dup (stmt, 6);
  batch->rows_read = sqlite3_column_int64 (stmt, 7);
  batch->rows_inserted = sqlite3_column_int64 (stmt, 8);
  batch->rows_updated = sqlite3_column_int64 (stmt, 9);
  batch->imported_at = sqlite3_column_int64 (stmt, 10);
  batch->user = cb_workbook_column_dup (stmt, 11);
  batch->undone_at = sqlite3_column_int64 (stmt, 12);
  return batch;
}

GPtrArray *
cb_batch_list (CbWorkbook  *workbook,
               GError     **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_batch_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, kind, file_name, sha256, size, encoding, delimiter, rows_read, "
                              "rows_inserted, rows_updated, imported_at, user, undone_at "
                              "FROM import_batches ORDER BY id DESC", error);
  if (stmt == NULL
      || !cb_workbook_collect_rows (workbook, stmt, batches, batch_from_row, "listing imports", error))
    return NULL;
  return g_steal_pointer (&batches);
}

static gboolean
exec_bound (CbWorkbook  *workbook,
            const char  *sql,
            gint64       batch_id,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  return cb_workbook_step_done (workbook, stmt, what, error);
}

static const CbKind *
kind_of_table (const char *table)
{
  guint n;
  const CbKind *const *kinds = cb_kind_all (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (cb_kind_get_table (kinds[i]), table))
      return kinds[i];
  return NULL;
}

static gboolean
restore_changes (CbWorkbook  *workbook,
                 gint64       batch_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT table_name, row_id, old_values FROM batch_changes "
                                            "WHERE batch_id = ?", error);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (tables, cb_workbook_column_dup (stmt, 0));
      g_array_append_val (ids, id);
      g_ptr_array_add (values, cb_workbook_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading the batch's changes", error);

  for (guint i = 0; i < ids->len; i++)
    {
      const CbKind *kind = kind_of_table (tables->pdata[i]);
      sqlite3_stmt *restore;

      g_assert (kind != NULL);
      restore = cb_workbook_prepare (workbook, cb_kind_sql (kind, CB_KIND_SQL_RESTORE), error);
      if (restore == NULL)
        return FALSE;
      sqlite3_bind_text (restore, 1, values->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (restore, 2, g_array_index (ids, gint64, i));
      if (!cb_workbook_step_done (workbook, restore, "restoring a changed row", error))
        return FALSE;
    }
  return TRUE;
}

/* Sets @table to the first table in which a later batch, still in force, changed rows that batch
 * @batch_id added or changed: undoing it would overwrite or remove that later change. */
static gboolean
find_later_change (CbWorkbook   *workbook,
                   gint64        batch_id,
                   const char  **table,
                   GError      **error)
{
  *table = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (batch_tables) && *table == NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM batch_changes c WHERE c.batch_id > ?1 "
                                              "AND c.table_name = '%1$s' AND (c.row_id IN (SELECT id FROM %1$s "
                                              "WHERE batch_id = ?1) OR c.row_id IN (SELECT row_id FROM "
                                              "batch_changes WHERE batch_id = ?1 AND table_name = '%1$s')) LIMIT 1",
                                              batch_tables[i]);
      sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        *table = batch_tables[i];
      else if (rc != SQLITE_DONE)
        return cb_workbook_sqlite_error (workbook, "looking for later changes", error);
    }
  return TRUE;
}

/* Counts, per batch table, the rows batch @batch_id did not add. Removing its rows must leave these
 * alone, but a foreign key with ON DELETE CASCADE (KPI values of a KPI, questions of a questionnaire)
 * would take them along silently. */
static gboolean
count_other_rows (CbWorkbook  *workbook,
                  gint64       batch_id,
                  gint64      *counts,
                  GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (batch_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE batch_id IS NOT ?", batch_tables[i]);
      sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return cb_workbook_sqlite_error (workbook, "counting rows", error);
      counts[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* The assessments whose responses the batch wrote, so they can be rescored once the rows are gone. */
static GArray *
touched_assessments (CbWorkbook  *workbook,
                     gint64       batch_id,
                     GPtrArray   *dates,
                     GError     **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT DISTINCT r.supplier_id, x.questionnaire_id, r.answered_on "
                                            "FROM responses r JOIN questions x ON x.id = r.question_id "
                                            "WHERE r.batch_id = ?1 OR r.id IN (SELECT row_id FROM batch_changes "
                                            "WHERE batch_id = ?1 AND table_name = 'responses')", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier = sqlite3_column_int64 (stmt, 0);
      gint64 questionnaire = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (keys, supplier);
      g_array_append_val (keys, questionnaire);
      g_ptr_array_add (dates, cb_workbook_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading the batch's responses", error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

gboolean
cb_batch_undo (CbWorkbook  *workbook,
               gint64       batch_id,
               GError     **error)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) keys = NULL;
  gint64 before[G_N_ELEMENTS (batch_tables)];
  gint64 after[G_N_ELEMENTS (batch_tables)];
  const char *later = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  if (!cb_workbook_begin (workbook, error))
    return FALSE;

  stmt = cb_workbook_prepare (workbook, "SELECT undone_at FROM import_batches WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("%s: there is no import batch %lld"),
                   cb_workbook_get_path (workbook), (long long) batch_id);
      goto failed;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: import batch %lld was undone already"), cb_workbook_get_path (workbook),
                   (long long) batch_id);
      goto failed;
    }
  sqlite3_reset (stmt);

  if (!find_later_change (workbook, batch_id, &later, error))
    goto failed;
  if (later != NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: import batch %lld cannot be undone: a later import changed rows of %s that "
                   "it wrote; undo the later imports first"), cb_workbook_get_path (workbook), (long long) batch_id, later);
      goto failed;
    }
  if (!count_other_rows (workbook, batch_id, before, error))
    goto failed;

  cb_workbook_cache_clear (workbook);
  keys = touched_assessments (workbook, batch_id, dates, error);
  if (keys == NULL || !restore_changes (workbook, batch_id, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (batch_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE batch_id = ?", batch_tables[i]);
      if (!exec_bound (workbook, sql, batch_id, "removing the batch's rows", NULL))
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                       _("%s: import batch %lld cannot be undone: rows of %s that it added are "
                       "used by later data; undo the later imports first"), cb_workbook_get_path (workbook),
                       (long long) batch_id, batch_tables[i]);
          goto failed;
        }
    }
  if (!count_other_rows (workbook, batch_id, after, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (batch_tables); i++)
    if (after[i] != before[i])
      {
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                     _("%s: import batch %lld cannot be undone: removing its rows would also remove "
                     "rows of %s that it did not add; undo the later imports first"),
                     cb_workbook_get_path (workbook), (long long) batch_id, batch_tables[i]);
        goto failed;
      }
  for (guint i = 0; i < dates->len; i++)
    if (!cb_supplier_rescore (workbook, g_array_index (keys, gint64, 2 * i), g_array_index (keys, gint64, 2 * i + 1),
                              dates->pdata[i], error))
      goto failed;
  if (!exec_bound (workbook, "DELETE FROM batch_changes WHERE batch_id = ?", batch_id, "undoing", error))
    goto failed;
  stmt = cb_workbook_prepare (workbook, "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, cb_workbook_now ());
  if (!cb_workbook_step_done (workbook, stmt, "undoing", error)
      || !cb_audit_record (workbook, "undo", "import_batches", batch_id, NULL, NULL, error))
    goto failed;
  return cb_workbook_commit (workbook, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}
