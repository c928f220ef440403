/* cb-snapshot-benchmarks.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

/* What the benchmark's definition and reference distribution say. */
typedef struct
{
  gint64     id;
  double     score_max;
  CbOptional mean;
  CbOptional sd;
} Definition;

static void
benchmark_clear (CbSnapshotBenchmark *benchmark)
{
  g_free (benchmark->code);
  g_free (benchmark->name_ja);
  g_free (benchmark->name_en);
  g_free (benchmark->version);
}

/* The total of one benchmark in @period: the sum of the entity's own item scores, or, when it has
 * none, the mean of the totals of the entities below it. Sets @n_scored to the items scored. */
static gboolean
read_total (const CbSnapshotScope  *scope,
            gint64                  benchmark_id,
            const CbPeriod         *period,
            CbOptional             *total,
            guint                  *n_scored,
            GError                **error)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) own_items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) codes = g_string_chunk_new (256);
  double *own_total = NULL;
  GHashTableIter iter;
  gpointer value;
  double sum = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT entity_id, item_code, score FROM benchmark_scores "
                                    "WHERE benchmark_id = :benchmark AND period = :period "
                                    "AND entity_id IN subtree AND confidentiality IN {visible}", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_int64 (stmt, ":benchmark", benchmark_id);
  cb_snapshot_bind_period (stmt, ":period", period);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entity_id = sqlite3_column_int64 (stmt, 0);
      char *code = g_string_chunk_insert_const (codes, (const char *) sqlite3_column_text (stmt, 1));
      double *entity_total = g_hash_table_lookup (totals, &entity_id);

      if (entity_total == NULL)
        {
          entity_total = g_new0 (double, 1);
          g_hash_table_insert (totals, g_memdup2 (&entity_id, sizeof entity_id), entity_total);
        }
      *entity_total += sqlite3_column_double (stmt, 2);
      g_hash_table_add (items, code);
      if (entity_id == scope->entity_id)
        g_hash_table_add (own_items, code);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the benchmark scores", error);

  own_total = g_hash_table_lookup (totals, &scope->entity_id);
  if (own_total != NULL)
    {
      *total = CB_OPTIONAL (cb_snapshot_round (*own_total, CB_SCORE_DECIMALS));
      *n_scored = g_hash_table_size (own_items);
      return TRUE;
    }
  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += *(double *) value;
  *total = g_hash_table_size (totals) > 0
             ? CB_OPTIONAL (cb_snapshot_round (sum / g_hash_table_size (totals), CB_SCORE_DECIMALS))
             : CB_OPTIONAL_NONE;
  *n_scored = g_hash_table_size (items);
  return TRUE;
}

gboolean
cb_snapshot_fill_benchmarks (const CbSnapshotScope  *scope,
                             CbSnapshot             *snapshot,
                             GError                **error)
{
  g_autoptr(GArray) definitions = g_array_new (FALSE, FALSE, sizeof (Definition));
  sqlite3_stmt *stmt;
  int rc;

  snapshot->benchmarks = g_array_new (FALSE, TRUE, sizeof (CbSnapshotBenchmark));
  g_array_set_clear_func (snapshot->benchmarks, (GDestroyNotify) benchmark_clear);

  stmt = cb_workbook_prepare (scope->workbook,
                              "SELECT b.id, b.code, b.name_ja, b.name_en, b.version, "
                              "(SELECT count (*) FROM benchmark_items i WHERE i.benchmark_id = b.id), "
                              "b.score_max, r.mean, r.sd FROM benchmarks b "
                              "LEFT JOIN benchmark_reference r ON r.benchmark_id = b.id AND r.version = b.version "
                              "AND r.item_code = 'TOTAL' ORDER BY b.code", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Definition definition = {
        .id = sqlite3_column_int64 (stmt, 0),
        .score_max = sqlite3_column_double (stmt, 6),
        .mean = cb_snapshot_column_optional (stmt, 7),
        .sd = cb_snapshot_column_optional (stmt, 8),
      };
      CbSnapshotBenchmark benchmark = {
        .code = cb_workbook_column_dup (stmt, 1),
        .name_ja = cb_workbook_column_dup (stmt, 2),
        .name_en = cb_workbook_column_dup (stmt, 3),
        .version = cb_workbook_column_dup (stmt, 4),
        .n_items = sqlite3_column_int (stmt, 5),
      };
      g_array_append_val (snapshot->benchmarks, benchmark);
      g_array_append_val (definitions, definition);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the benchmarks", error);

  for (guint i = 0; i < snapshot->benchmarks->len; i++)
    {
      CbSnapshotBenchmark *benchmark = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, i);
      const Definition *definition = &g_array_index (definitions, Definition, i);
      guint n_scored = 0, n_previous = 0;
      double standard_score;

      if (!read_total (scope, definition->id, &snapshot->period, &benchmark->total, &n_scored, error)
          || !read_total (scope, definition->id, &snapshot->previous, &benchmark->previous_total, &n_previous,
                          error))
        return FALSE;
      /* A benchmark without defined items is as long as the items scored. */
      if (benchmark->n_items == 0)
        benchmark->n_items = n_scored;
      if (benchmark->n_items > 0)
        benchmark->max = CB_OPTIONAL (benchmark->n_items * definition->score_max);
      if (benchmark->total.valid && definition->mean.valid && definition->sd.valid
          && cb_stats_standard_score (benchmark->total.value, definition->mean.value, definition->sd.value,
                                      &standard_score))
        benchmark->standard_score = CB_OPTIONAL (cb_snapshot_round (standard_score, CB_SCORE_DECIMALS));
    }
  return TRUE;
}
