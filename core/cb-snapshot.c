/* cb-snapshot.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stddef.h>

#include "cb-record.h"
#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

sqlite3_stmt *
cb_snapshot_scope_prepare (const CbSnapshotScope  *scope,
                           const char             *sql,
                           GError                **error)
{
  g_autoptr(GString) text = g_string_new (sql);
  sqlite3_stmt *stmt;
  int index;

  g_string_replace (text, "{visible}", cb_audience_sql_list (scope->audience), 0);
  stmt = cb_workbook_prepare (scope->workbook, text->str, error);
  if (stmt == NULL)
    return NULL;
  if ((index = sqlite3_bind_parameter_index (stmt, ":entity")) > 0)
    sqlite3_bind_int64 (stmt, index, scope->entity_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":unassigned")) > 0)
    sqlite3_bind_int (stmt, index, scope->unassigned);
  return stmt;
}

void
cb_snapshot_bind_text (sqlite3_stmt *stmt,
                       const char   *name,
                       const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
cb_snapshot_bind_int64 (sqlite3_stmt *stmt,
                        const char   *name,
                        gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  sqlite3_bind_int64 (stmt, index, value);
}

void
cb_snapshot_bind_period (sqlite3_stmt   *stmt,
                         const char     *name,
                         const CbPeriod *period)
{
  g_autofree char *text = cb_period_to_string (period);

  cb_snapshot_bind_text (stmt, name, text);
}

void
cb_snapshot_bind_series (sqlite3_stmt           *stmt,
                         const CbSnapshotSeries *series)
{
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    {
      char name[8];

      g_snprintf (name, sizeof name, ":p%u", p);
      cb_snapshot_bind_period (stmt, name, &series->periods[p]);
    }
}

int
cb_snapshot_series_index_of (const CbSnapshotSeries *series,
                             const CbPeriod         *period)
{
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    if (cb_period_equal (&series->periods[p], period))
      return p;
  return -1;
}

int
cb_snapshot_series_index (const CbSnapshotSeries *series,
                          const char             *text)
{
  CbPeriod period;

  if (text == NULL || !cb_period_parse (text, &period, NULL))
    return -1;
  return cb_snapshot_series_index_of (series, &period);
}

CbOptional
cb_snapshot_column_optional (sqlite3_stmt *stmt,
                             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CB_OPTIONAL_NONE;
  return CB_OPTIONAL (sqlite3_column_double (stmt, column));
}

double
cb_snapshot_round (double value,
                   int    decimals)
{
  double scale = pow (10.0, decimals);
  double rounded = round (value * scale) / scale;

  /* Rounding never makes a negative zero worth printing as "-0". */
  return rounded == 0.0 ? 0.0 : rounded;
}

CbOptional
cb_snapshot_mean (const double *values,
                  gsize         n,
                  int           decimals)
{
  double mean;

  if (!cb_stats_mean (values, n, &mean))
    return CB_OPTIONAL_NONE;
  return CB_OPTIONAL (cb_snapshot_round (mean, decimals));
}

CbOptional
cb_snapshot_difference (CbOptional a,
                        CbOptional b,
                        int        decimals)
{
  if (!a.valid || !b.valid)
    return CB_OPTIONAL_NONE;
  return CB_OPTIONAL (cb_snapshot_round (a.value - b.value, decimals));
}

char *
cb_snapshot_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

typedef enum
{
  FIGURE_COUNT,    /* a guint member */
  FIGURE_VALUE,    /* a CbOptional member */
  FIGURE_PERCENT,  /* a CbOptional share 0–1, given as a percentage */
} FigureType;

typedef struct
{
  const char *key;
  gboolean    supplier;  /* a member of CbSupplierSummary, else of CbDetectionStats */
  FigureType  type;
  gsize       offset;
} Figure;

#define DETECTION(name, type, member) { "detection." name, FALSE, type, offsetof (CbDetectionStats, member) }
#define SUPPLIER(name, type, member)  { "suppliers." name, TRUE, type, offsetof (CbSupplierSummary, member) }

static const Figure figures[] = {
  DETECTION ("incidents", FIGURE_COUNT, incidents),
  DETECTION ("with_known_compromise", FIGURE_COUNT, with_known_compromise),
  DETECTION ("median_dwell_days", FIGURE_VALUE, median_dwell_days),
  DETECTION ("mean_dwell_days", FIGURE_VALUE, mean_dwell_days),
  DETECTION ("p90_dwell_days", FIGURE_VALUE, p90_dwell_days),
  DETECTION ("mean_hours_to_contain", FIGURE_VALUE, mean_hours_to_contain),
  DETECTION ("median_hours_to_contain", FIGURE_VALUE, median_hours_to_contain),
  DETECTION ("mean_hours_to_recover", FIGURE_VALUE, mean_hours_to_recover),
  DETECTION ("median_hours_to_recover", FIGURE_VALUE, median_hours_to_recover),
  DETECTION ("internal_detection_share", FIGURE_VALUE, internal_detection_share),
  DETECTION ("internal_share_pct", FIGURE_PERCENT, internal_detection_share),
  DETECTION ("open_at_period_end", FIGURE_COUNT, open_at_period_end),
  DETECTION ("median_hours_to_report", FIGURE_VALUE, median_hours_to_report),
  DETECTION ("material", FIGURE_COUNT, material),
  DETECTION ("max_business_days_to_disclose", FIGURE_VALUE, max_business_days_to_disclose),
  DETECTION ("late_disclosures", FIGURE_COUNT, late_disclosures),
  SUPPLIER ("total", FIGURE_COUNT, total),
  SUPPLIER ("assessed", FIGURE_COUNT, assessed),
  SUPPLIER ("high_criticality", FIGURE_COUNT, high_criticality),
  SUPPLIER ("high_criticality_assessed", FIGURE_COUNT, high_criticality_assessed),
  SUPPLIER ("high_criticality_coverage_pct", FIGURE_VALUE, high_criticality_coverage_pct),
  SUPPLIER ("mean_score", FIGURE_VALUE, mean_score),
  SUPPLIER ("overdue_reassessments", FIGURE_COUNT, overdue_reassessments),
};

gboolean
cb_snapshot_figure (CbOptional               mean_level,
                    const CbDetectionStats  *detection,
                    const CbSupplierSummary *suppliers,
                    const char              *key,
                    CbOptional              *value)
{
  if (g_strcmp0 (key, "guideline.mean_level") == 0)
    {
      *value = mean_level;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const Figure *figure = &figures[i];
      const guint8 *base = figure->supplier ? (const guint8 *) suppliers : (const guint8 *) detection;
      CbOptional share;

      if (!g_str_equal (figure->key, key))
        continue;
      switch (figure->type)
        {
        case FIGURE_COUNT:
          *value = CB_OPTIONAL (*(const guint *) (base + figure->offset));
          break;
        case FIGURE_VALUE:
          *value = *(const CbOptional *) (base + figure->offset);
          break;
        case FIGURE_PERCENT:
          share = *(const CbOptional *) (base + figure->offset);
          *value = share.valid ? CB_OPTIONAL (cb_snapshot_round (share.value * 100.0, CB_SHARE_DECIMALS - 2))
                               : CB_OPTIONAL_NONE;
          break;
        default:
          g_assert_not_reached ();
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
cb_snapshot_lookup (const CbSnapshot *snapshot,
                    const char       *key,
                    CbOptional       *value)
{
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return cb_snapshot_figure (snapshot->guideline.mean_level, &snapshot->detection, &snapshot->suppliers,
                             key, value);
}

/* The latest quarter of the rows that carry a period. Each table gives its latest period from an
 * index; as text a whole year sorts before its quarters, yet it stands for its last quarter, so
 * the latest year is looked up on its own. */
static gboolean
latest_named_period (CbWorkbook *workbook,
                     CbPeriod   *period)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  CbPeriod year;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT max (p) FROM (SELECT max (period) AS p FROM assessments "
                              "UNION ALL SELECT max (period) FROM benchmark_scores "
                              "UNION ALL SELECT (SELECT max (period) FROM kpi_values v WHERE v.kpi_id = k.id) "
                              "FROM kpis k)", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    found = cb_period_parse ((const char *) sqlite3_column_text (stmt, 0), period, NULL);
  sqlite3_reset (stmt);
  if (!found)
    return FALSE;

  year = (CbPeriod) { period->fiscal_year, 0 };
  stmt = cb_workbook_prepare (workbook,
                              "SELECT EXISTS (SELECT 1 FROM assessments WHERE period = :year) "
                              "OR EXISTS (SELECT 1 FROM benchmark_scores WHERE period = :year) "
                              "OR EXISTS (SELECT 1 FROM kpis k WHERE EXISTS "
                              "(SELECT 1 FROM kpi_values v WHERE v.kpi_id = k.id AND v.period = :year))", NULL);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_period (stmt, ":year", &year);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0))
    period->quarter = 4;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
latest_detection (CbWorkbook *workbook,
                  CbPeriod   *period)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, "SELECT max (detected_at) FROM incidents", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *period = cb_period_containing_time (sqlite3_column_int64 (stmt, 0),
                                           cb_workbook_get_fiscal_year_start (workbook),
                                           cb_workbook_get_time_zone (workbook), TRUE);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
cb_snapshot_latest_period (CbWorkbook *workbook,
                           CbPeriod   *period)
{
  CbPeriod named, detected;
  gboolean has_named, has_detected;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  has_named = latest_named_period (workbook, &named);
  has_detected = latest_detection (workbook, &detected);
  if (has_named && (!has_detected || cb_period_compare (&named, &detected) >= 0))
    *period = named;
  else if (has_detected)
    *period = detected;
  return has_named || has_detected;
}

GArray *
cb_snapshot_list_periods (CbWorkbook *workbook)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (CbPeriod));
  CbPeriod quarters[CB_SNAPSHOT_QUARTERS];
  CbPeriod latest;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  if (!cb_snapshot_latest_period (workbook, &latest))
    latest = cb_period_containing_time (cb_workbook_now (), cb_workbook_get_fiscal_year_start (workbook),
                                        cb_workbook_get_time_zone (workbook), TRUE);

  cb_period_series (&latest, G_N_ELEMENTS (quarters), quarters);
  for (guint i = G_N_ELEMENTS (quarters); i > 0; i--)
    g_array_append_val (periods, quarters[i - 1]);
  for (int year = latest.fiscal_year; year >= quarters[0].fiscal_year; year--)
    g_array_append_val (periods, ((CbPeriod) { year, 0 }));
  return periods;
}

static gboolean
resolve_entity (CbSnapshotScope  *scope,
                CbSnapshot       *snapshot,
                const char       *entity_code,
                GError          **error)
{
  gint64 root = cb_workbook_root_entity (scope->workbook);
  sqlite3_stmt *stmt;

  if (entity_code == NULL && root == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT, _("%s: the workbook has no root entity"),
                   cb_workbook_get_path (scope->workbook));
      return FALSE;
    }
  scope->entity_id = entity_code != NULL ? cb_workbook_lookup_code (scope->workbook, "entities", entity_code)
                                         : root;
  if (scope->entity_id == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("no entity has the code “%s”"), entity_code);
      return FALSE;
    }
  scope->unassigned = scope->entity_id == root;

  stmt = cb_workbook_prepare (scope->workbook, "SELECT code, name_ja, name_en FROM entities WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope->entity_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cb_workbook_sqlite_error (scope->workbook, "reading the entity", error);
  snapshot->entity_code = cb_workbook_column_dup (stmt, 0);
  snapshot->entity_name_ja = cb_workbook_column_dup (stmt, 1);
  snapshot->entity_name_en = cb_workbook_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
recommendation_clear (CbSnapshotRecommendation *recommendation)
{
  g_free (recommendation->text);
  g_free (recommendation->owner);
  g_free (recommendation->due_date);
  g_free (recommendation->status);
  g_free (recommendation->criterion_key);
}

/* The latest evaluation the audience may see, up to the snapshot's fiscal year: a report on an
 * earlier period does not quote recommendations made after it. */
static gboolean
fill_recommendations (const CbSnapshotScope  *scope,
                      CbSnapshot             *snapshot,
                      GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  snapshot->recommendations = g_array_new (FALSE, TRUE, sizeof (CbSnapshotRecommendation));
  g_array_set_clear_func (snapshot->recommendations, (GDestroyNotify) recommendation_clear);

  stmt = cb_snapshot_scope_prepare (scope,
                                    "SELECT r.text, r.owner, r.due_date, r.status, r.criterion_key, e.fiscal_year "
                                    "FROM recommendations r JOIN evaluations e ON e.id = r.evaluation_id "
                                    "WHERE e.id = (SELECT id FROM evaluations WHERE confidentiality IN {visible} "
                                    "AND fiscal_year <= :year ORDER BY fiscal_year DESC, revision DESC LIMIT 1) "
                                    "AND r.status IN ('open', 'in_progress') "
                                    "ORDER BY r.due_date IS NULL, r.due_date, r.id", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_int64 (stmt, ":year", snapshot->period.fiscal_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbSnapshotRecommendation recommendation = {
        .text = cb_workbook_column_dup (stmt, 0),
        .owner = cb_workbook_column_dup (stmt, 1),
        .due_date = cb_workbook_column_dup (stmt, 2),
        .status = cb_workbook_column_dup (stmt, 3),
        .criterion_key = cb_workbook_column_dup (stmt, 4),
        .fiscal_year = sqlite3_column_int (stmt, 5),
      };
      g_array_append_val (snapshot->recommendations, recommendation);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the recommendations", error);
  return TRUE;
}

static void
batch_clear (CbSnapshotBatch *batch)
{
  g_free (batch->kind);
  g_free (batch->file_name);
  g_free (batch->sha256);
  g_free (batch->user);
}

static gboolean
fill_batches (const CbSnapshotScope  *scope,
              CbSnapshot             *snapshot,
              GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  snapshot->batches = g_array_new (FALSE, TRUE, sizeof (CbSnapshotBatch));
  g_array_set_clear_func (snapshot->batches, (GDestroyNotify) batch_clear);

  stmt = cb_workbook_prepare (scope->workbook,
                              "SELECT id, kind, file_name, sha256, rows_read, imported_at, user FROM import_batches "
                              "WHERE undone_at IS NULL ORDER BY imported_at, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbSnapshotBatch batch = {
        .id = sqlite3_column_int64 (stmt, 0),
        .kind = cb_workbook_column_dup (stmt, 1),
        .file_name = cb_workbook_column_dup (stmt, 2),
        .sha256 = cb_workbook_column_dup (stmt, 3),
        .rows = sqlite3_column_int64 (stmt, 4),
        .imported_at = sqlite3_column_int64 (stmt, 5),
        .user = cb_workbook_column_dup (stmt, 6),
      };
      g_array_append_val (snapshot->batches, batch);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the import batches", error);
  return TRUE;
}

static void
series_clear (CbSnapshotSeries *series)
{
  for (guint i = 0; i < CB_KPI_HISTORY; i++)
    cb_snapshot_clear_suppliers (&series->suppliers[i]);
}

CbSnapshot *
cb_snapshot_new (CbWorkbook  *workbook,
                 const char  *period,
                 const char  *entity_code,
                 CbAudience   audience,
                 GError     **error)
{
  g_autoptr(CbSnapshot) snapshot = NULL;
  CbSnapshotSeries series = { 0 };
  CbSnapshotScope scope = { 0 };
  gboolean ok;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (audience <= CB_AUDIENCE_PUBLIC, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scope.workbook = workbook;
  scope.audience = audience;
  scope.start_month = cb_workbook_get_fiscal_year_start (workbook);
  scope.time_zone = cb_workbook_get_time_zone (workbook);

  snapshot = g_new0 (CbSnapshot, 1);
  snapshot->audience = audience;
  if (period != NULL)
    {
      if (!cb_period_parse (period, &snapshot->period, error))
        return NULL;
    }
  else if (!cb_snapshot_latest_period (workbook, &snapshot->period))
    snapshot->period = cb_period_containing_time (cb_workbook_now (), scope.start_month, scope.time_zone, TRUE);
  snapshot->previous = cb_period_previous (&snapshot->period);
  snapshot->year_ago = cb_period_year_ago (&snapshot->period);
  cb_period_bounds (&snapshot->period, scope.start_month, scope.time_zone,
                    &snapshot->period_start, &snapshot->period_end);
  cb_period_series (&snapshot->period, CB_KPI_HISTORY, series.periods);

  if (!resolve_entity (&scope, snapshot, entity_code, error))
    return NULL;

  ok = cb_snapshot_fill_guideline (&scope, &series, snapshot, error)
       && cb_snapshot_fill_detection (&scope, &series, snapshot, error)
       && cb_snapshot_fill_suppliers (&scope, &series, error);
  if (ok)
    {
      /* The current summary moves into the snapshot; the series keeps a copy of its counts. */
      snapshot->suppliers = series.suppliers[CB_SERIES_CURRENT];
      series.suppliers[CB_SERIES_CURRENT].weakest_domains = NULL;
      series.suppliers[CB_SERIES_CURRENT].n_weakest_domains = 0;
      ok = cb_snapshot_fill_kpis (&scope, &series, snapshot, error)
           && cb_snapshot_fill_benchmarks (&scope, snapshot, error)
           && fill_recommendations (&scope, snapshot, error)
           && fill_batches (&scope, snapshot, error);
    }
  series_clear (&series);
  if (!ok)
    return NULL;
  return g_steal_pointer (&snapshot);
}

void
cb_snapshot_free (CbSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->entity_code);
  g_free (snapshot->entity_name_ja);
  g_free (snapshot->entity_name_en);
  cb_snapshot_clear_guideline (&snapshot->guideline);
  g_clear_pointer (&snapshot->incidents, g_ptr_array_unref);
  cb_snapshot_clear_suppliers (&snapshot->suppliers);
  g_clear_pointer (&snapshot->kpis, g_array_unref);
  g_clear_pointer (&snapshot->benchmarks, g_array_unref);
  g_clear_pointer (&snapshot->recommendations, g_array_unref);
  g_clear_pointer (&snapshot->batches, g_array_unref);
  g_free (snapshot);
}
