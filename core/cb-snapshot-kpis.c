/* cb-snapshot-kpis.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

/* The scope's entities, deepest first, so that each comes before its parent. */
typedef struct
{
  GArray     *parents;  /* int: the index of the parent, -1 for the scope's entity */
  GHashTable *index;    /* entity id → index + 1 */
} Tree;

static void
tree_clear (Tree *tree)
{
  g_clear_pointer (&tree->parents, g_array_unref);
  g_clear_pointer (&tree->index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tree, tree_clear)

void
cb_snapshot_kpi_clear (CbSnapshotKpi *kpi)
{
  g_free (kpi->code);
  g_free (kpi->name_ja);
  g_free (kpi->name_en);
  g_free (kpi->unit);
  g_free (kpi->confidentiality);
}

/* Amounts and counts of the entities below add up to the group's; rates, days and ratios do not,
 * so the group shows their mean. */
static gboolean
unit_adds_up (const char *unit)
{
  return g_strcmp0 (unit, "count") == 0 || g_strcmp0 (unit, "JPY") == 0;
}

static gboolean
read_tree (const CbSnapshotScope  *scope,
           Tree                   *tree,
           GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  tree->parents = g_array_new (FALSE, FALSE, sizeof (int));
  tree->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = cb_snapshot_scope_prepare (scope,
                                    "WITH RECURSIVE tree (id, parent_id, depth) AS ("
                                    "SELECT id, NULL, 0 FROM entities WHERE id = :entity UNION ALL "
                                    "SELECT e.id, e.parent_id, t.depth + 1 FROM entities e JOIN tree t ON e.parent_id = t.id) "
                                    "SELECT id, parent_id FROM tree ORDER BY depth DESC, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (tree->parents, parent);
      g_hash_table_insert (tree->index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (ids->len));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the entity tree", error);

  /* Parents come after their children, so every parent id is known by now. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 parent = g_array_index (tree->parents, int, i) == 0 ? 0 : 0;
      (void) parent;
    }
  return TRUE;
}

static void
compute_values (const CbSnapshotSeries *series,
                const char             *key,
                CbSnapshotKpi          *kpi)
{
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    if (!cb_snapshot_figure (series->mean_level[p], &series->detection[p], &series->suppliers[p], key,
                             &kpi->history[p]))
      kpi->history[p] = CB_OPTIONAL_NONE;
}

gboolean
cb_snapshot_fill_kpis (const CbSnapshotScope   *scope,
                       const CbSnapshotSeries  *series,
                       CbSnapshot              *snapshot,
                       GError                 **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  snapshot->kpis = g_array_new (FALSE, TRUE, sizeof (CbSnapshotKpi));
  g_array_set_clear_func (snapshot->kpis, (GDestroyNotify) cb_snapshot_kpi_clear);

  stmt = cb_snapshot_scope_prepare (scope,
                                    "SELECT id, code, name_ja, name_en, unit, direction, target, band, "
                                    "CASE WHEN source = 'computed' THEN computed_key END, confidentiality "
                                    "FROM kpis WHERE confidentiality IN {visible} ORDER BY position, code", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CbSnapshotKpi kpi = {
        .code = cb_snapshot_column_dup (stmt, 1),
        .name_ja = cb_snapshot_column_dup (stmt, 2),
        .name_en = cb_snapshot_column_dup (stmt, 3),
        .unit = cb_snapshot_column_dup (stmt, 4),
        .direction = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "lower") == 0
                       ? CB_DIRECTION_LOWER : CB_DIRECTION_HIGHER,
        .target = cb_snapshot_column_optional (stmt, 6),
        .band = cb_snapshot_column_optional (stmt, 7),
        .confidentiality = cb_snapshot_column_dup (stmt, 9),
      };
      g_array_append_val (snapshot->kpis, kpi);
      g_array_append_val (ids, id);
      g_ptr_array_add (keys, cb_snapshot_column_dup (stmt, 8));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the KPIs", error);

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);

      if (keys->pdata[i] != NULL)
        compute_values (series, keys->pdata[i], kpi);
      else if (!read_values (scope, series, g_array_index (ids, gint64, i), kpi, error))
        return FALSE;

      kpi->value = kpi->history[CB_SERIES_CURRENT];
      kpi->previous = kpi->history[CB_SERIES_PREVIOUS];
      kpi->status = cb_stats_rag (kpi->direction, kpi->value.valid, kpi->value.value,
                                  kpi->target.valid, kpi->target.value, kpi->band.valid ? kpi->band.value : 0);
      kpi->trend = cb_stats_trend (kpi->previous.valid, kpi->previous.value, kpi->value.valid, kpi->value.value);
      kpi->improving = cb_stats_trend_improving (kpi->direction, kpi->trend);
    }
  return TRUE;
}
