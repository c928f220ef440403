/* cb-snapshot-kpis.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

/* The scope's entities, deepest first, so that each comes before its parent; the scope's own
 * entity is the last. */
typedef struct
{
  guint       n;
  int        *parents;  /* the index of each entity's parent, -1 for the scope's entity */
  GHashTable *index;    /* entity id → index + 1 */
} Tree;

static void
tree_clear (Tree *tree)
{
  g_clear_pointer (&tree->parents, g_free);
  g_clear_pointer (&tree->index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tree, tree_clear)

/* One entity's own value in one period. */
typedef struct
{
  gboolean has_value;
  double   value;
} Own;

static void
kpi_clear (CbSnapshotKpi *kpi)
{
  g_free (kpi->code);
  g_free (kpi->name_ja);
  g_free (kpi->name_en);
  g_free (kpi->unit);
  g_free (kpi->confidentiality);
}

static gboolean
read_tree (const CbSnapshotScope  *scope,
           Tree                   *tree,
           GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_snapshot_scope_prepare (scope,
                                    "WITH RECURSIVE tree (id, parent_id, depth) AS ("
                                    "SELECT id, NULL, 0 FROM entities WHERE id = :entity UNION ALL "
                                    "SELECT e.id, e.parent_id, t.depth + 1 FROM entities e "
                                    "JOIN tree t ON e.parent_id = t.id) "
                                    "SELECT id, parent_id FROM tree ORDER BY depth DESC, id", error);
  if (stmt == NULL)
    return FALSE;
  tree->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (parent_ids, parent_id);
      g_hash_table_insert (tree->index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (ids->len));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the entity tree", error);

  tree->n = ids->len;
  tree->parents = g_new (int, tree->n);
  for (guint i = 0; i < tree->n; i++)
    tree->parents[i] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (tree->index,
                                                                   &g_array_index (parent_ids, gint64, i))) - 1;
  return TRUE;
}

/* Amounts and counts of the entities below add up to the group's; rates, days and ratios do not,
 * so the group shows their mean. */
static gboolean
unit_adds_up (const char *unit)
{
  return g_strcmp0 (unit, "count") == 0 || g_strcmp0 (unit, "JPY") == 0;
}

/* An entity's own value stands; without one, its children's values make it up, so a subsidiary
 * that reports for itself and its sites is not counted twice. */
static CbOptional
aggregate (const Tree *tree,
           const Own  *own,
           gboolean    adds_up)
{
  g_autofree double *sums = g_new0 (double, tree->n);
  g_autofree guint *counts = g_new0 (guint, tree->n);
  CbOptional value = CB_OPTIONAL_NONE;

  for (guint i = 0; i < tree->n; i++)
    {
      if (own[i].has_value)
        value = CB_OPTIONAL (own[i].value);
      else if (counts[i] > 0)
        value = CB_OPTIONAL (adds_up ? sums[i] : sums[i] / counts[i]);
      else
        value = CB_OPTIONAL_NONE;
      if (value.valid && tree->parents[i] >= 0)
        {
          sums[tree->parents[i]] += value.value;
          counts[tree->parents[i]]++;
        }
    }
  return value;
}

static gboolean
read_values (const CbSnapshotScope   *scope,
             const CbSnapshotSeries  *series,
             const Tree              *tree,
             gint64                   kpi_id,
             CbSnapshotKpi           *kpi,
             GError                 **error)
{
  g_autofree Own *own = g_new0 (Own, CB_KPI_HISTORY * tree->n);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT v.period, v.entity_id, v.value FROM kpi_values v "
                                    "WHERE v.kpi_id = :kpi AND v.period IN " CB_SERIES_PERIODS " "
                                    "AND v.entity_id IN subtree", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_series (stmt, series);
  cb_snapshot_bind_int64 (stmt, ":kpi", kpi_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int p = cb_snapshot_series_index (series, (const char *) sqlite3_column_text (stmt, 0));
      gint64 entity_id = sqlite3_column_int64 (stmt, 1);
      guint entity = GPOINTER_TO_UINT (g_hash_table_lookup (tree->index, &entity_id));

      if (p >= 0 && entity > 0)
        own[p * tree->n + entity - 1] = (Own) { TRUE, sqlite3_column_double (stmt, 2) };
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the KPI values", error);

  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    kpi->history[p] = aggregate (tree, &own[p * tree->n], unit_adds_up (kpi->unit));
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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_auto(Tree) tree = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  snapshot->kpis = g_array_new (FALSE, TRUE, sizeof (CbSnapshotKpi));
  g_array_set_clear_func (snapshot->kpis, (GDestroyNotify) kpi_clear);

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
        .code = cb_workbook_column_dup (stmt, 1),
        .name_ja = cb_workbook_column_dup (stmt, 2),
        .name_en = cb_workbook_column_dup (stmt, 3),
        .unit = cb_workbook_column_dup (stmt, 4),
        .direction = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "lower") == 0
                       ? CB_DIRECTION_LOWER : CB_DIRECTION_HIGHER,
        .target = cb_snapshot_column_optional (stmt, 6),
        .band = cb_snapshot_column_optional (stmt, 7),
        .confidentiality = cb_workbook_column_dup (stmt, 9),
      };
      g_array_append_val (snapshot->kpis, kpi);
      g_array_append_val (ids, id);
      g_ptr_array_add (keys, cb_workbook_column_dup (stmt, 8));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the KPIs", error);
  if (!read_tree (scope, &tree, error))
    return FALSE;

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);

      if (keys->pdata[i] != NULL)
        compute_values (series, keys->pdata[i], kpi);
      else if (!read_values (scope, series, &tree, g_array_index (ids, gint64, i), kpi, error))
        return FALSE;

      kpi->value = kpi->history[CB_SERIES_CURRENT];
      kpi->previous = kpi->history[CB_SERIES_PREVIOUS];
      kpi->status = cb_stats_rag (kpi->direction, kpi->value.valid, kpi->value.value,
                                  kpi->target.valid, kpi->target.value, kpi->band.valid ? kpi->band.value : 0);
      kpi->trend = cb_stats_trend (kpi->previous.valid, kpi->previous.value,
                                   kpi->value.valid, kpi->value.value);
      kpi->improving = cb_stats_trend_improving (kpi->direction, kpi->trend);
    }
  return TRUE;
}
