/* cb-snapshot-detection.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

#define NO_TIME G_MININT64

/* Form 8-K Item 1.05: a material incident is disclosed within four business days of the determination. */
#define DISCLOSURE_BUSINESS_DAYS 4

#define SMALL_SAMPLE 5

#define N_QUARTERS G_N_ELEMENTS (((CbSnapshot *) NULL)->quarter_trend)
#define N_YEARS    G_N_ELEMENTS (((CbSnapshot *) NULL)->year_trend)

/* The stamps of one incident, NO_TIME where unknown. */
typedef struct
{
  gint64   detected;
  gint64   occurred;
  gint64   reported;
  gint64   contained;
  gint64   recovered;
  gint64   determined;
  gint64   disclosed;
  int      source;     /* 1 internal, 0 external, -1 unknown */
  gboolean material;
} Stamps;

/* Every incident the snapshot looks back on, ordered by detection, and what the figures need
 * besides. */
typedef struct
{
  GArray    *stamps;
  GArray    *holidays;  /* guint32 julian days, ascending */
  GTimeZone *zone;
} Register;

static void
register_clear (Register *reg)
{
  g_clear_pointer (&reg->stamps, g_array_unref);
  g_clear_pointer (&reg->holidays, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Register, register_clear)

static void
incident_free (CbSnapshotIncident *incident)
{
  g_free (incident->ref);
  g_free (incident->title);
  g_free (incident->category);
  g_free (incident->detection_source);
  g_free (incident->confidentiality);
  g_free (incident);
}

static gint64
column_time (sqlite3_stmt *stmt,
             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NO_TIME : sqlite3_column_int64 (stmt, column);
}

/* The incidents of the scope detected in [:from, :to); the index on detected_at covers the stamps. */
#define INCIDENTS_IN_SCOPE \
  "FROM incidents WHERE detected_at >= :from AND detected_at < :to AND confidentiality IN {visible} " \
  "AND " SCOPE_ENTITY ("entity_id") " "

static gboolean
read_stamps (const CbSnapshotScope  *scope,
             gint64                  from,
             gint64                  to,
             Register               *reg,
             GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  reg->zone = scope->time_zone;
  reg->stamps = g_array_new (FALSE, FALSE, sizeof (Stamps));
  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT detected_at, occurred_at, reported_at, contained_at, recovered_at, "
                                    "determined_material_at, disclosed_at, detection_source, material "
                                    INCIDENTS_IN_SCOPE "ORDER BY detected_at", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_int64 (stmt, ":from", from);
  cb_snapshot_bind_int64 (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *source = (const char *) sqlite3_column_text (stmt, 7);
      Stamps stamps = {
        .detected = sqlite3_column_int64 (stmt, 0),
        .occurred = column_time (stmt, 1),
        .reported = column_time (stmt, 2),
        .contained = column_time (stmt, 3),
        .recovered = column_time (stmt, 4),
        .determined = column_time (stmt, 5),
        .disclosed = column_time (stmt, 6),
        .source = source == NULL ? -1 : g_str_equal (source, "internal"),
        .material = sqlite3_column_int (stmt, 8),
      };
      g_array_append_val (reg->stamps, stamps);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the incidents", error);

  /* Every row counts, whichever country it is from: a holiday of either market delays a filing. */
  reg->holidays = cb_workbook_holiday_days (scope->workbook, error);
  return reg->holidays != NULL;
}

static gboolean
read_incidents (const CbSnapshotScope  *scope,
                CbSnapshot             *snapshot,
                GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  snapshot->incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) incident_free);
  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT ref, title, severity, category, detected_at, occurred_at, recovered_at, "
                                    "material, detection_source, confidentiality "
                                    INCIDENTS_IN_SCOPE "ORDER BY detected_at, id", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_int64 (stmt, ":from", snapshot->period_start);
  cb_snapshot_bind_int64 (stmt, ":to", snapshot->period_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbSnapshotIncident *incident = g_new0 (CbSnapshotIncident, 1);
      gint64 occurred = column_time (stmt, 5);
      gint64 recovered = column_time (stmt, 6);

      incident->ref = cb_workbook_column_dup (stmt, 0);
      incident->title = cb_workbook_column_dup (stmt, 1);
      incident->severity = sqlite3_column_int (stmt, 2);
      incident->category = cb_workbook_column_dup (stmt, 3);
      incident->detected_at = sqlite3_column_int64 (stmt, 4);
      if (occurred != NO_TIME)
        {
          double dwell = cb_stats_days_between (occurred, incident->detected_at);
          incident->dwell_days = CB_OPTIONAL (cb_snapshot_round (dwell, CB_DAYS_DECIMALS));
        }
      incident->open = recovered == NO_TIME || recovered >= snapshot->period_end;
      incident->material = sqlite3_column_int (stmt, 7);
      incident->detection_source = cb_workbook_column_dup (stmt, 8);
      incident->confidentiality = cb_workbook_column_dup (stmt, 9);
      g_ptr_array_add (snapshot->incidents, incident);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the incidents", error);
  return TRUE;
}

static void
local_date (gint64     unix_time,
            GTimeZone *zone,
            GDate     *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static int
business_days (const Register *reg,
               gint64          from,
               gint64          to)
{
  GDate from_date, to_date;

  local_date (from, reg->zone, &from_date);
  local_date (to, reg->zone, &to_date);
  return cb_stats_business_days (&from_date, &to_date, (const guint32 *) (gpointer) reg->holidays->data,
                                 reg->holidays->len);
}

/* The index of the first incident detected at or after @when. */
static guint
first_detected (const Register *reg,
                gint64          when)
{
  guint lo = 0, hi = reg->stamps->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (reg->stamps, Stamps, mid).detected < when)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
set_median_mean (double     *values,
                 gsize       n,
                 int         decimals,
                 CbOptional *median,
                 CbOptional *mean)
{
  double value;

  if (mean != NULL)
    *mean = cb_snapshot_mean (values, n, decimals);
  *median = cb_stats_median (values, n, &value) ? CB_OPTIONAL (cb_snapshot_round (value, decimals))
                                                : CB_OPTIONAL_NONE;
}

/* The figures of SPEC §4 for the incidents detected in [start, end), as they stood at end. */
static void
compute_stats (const Register   *reg,
               gint64            start,
               gint64            end,
               CbDetectionStats *stats)
{
  guint first = first_detected (reg, start);
  guint last = first_detected (reg, end);
  guint n = last - first;
  g_autofree double *dwell = g_new (double, MAX (n, 1));
  g_autofree double *contain = g_new (double, MAX (n, 1));
  g_autofree double *recover = g_new (double, MAX (n, 1));
  g_autofree double *report = g_new (double, MAX (n, 1));
  guint n_contain = 0, n_recover = 0, n_report = 0, n_source = 0, n_internal = 0;
  int max_business_days = -1;
  double p90;

  memset (stats, 0, sizeof *stats);
  for (guint i = first; i < last; i++)
    {
      const Stamps *s = &g_array_index (reg->stamps, Stamps, i);

      stats->incidents++;
      if (s->occurred != NO_TIME)
        dwell[stats->with_known_compromise++] = cb_stats_days_between (s->occurred, s->detected);
      /* SPEC §4: an incident still open (not recovered) at the period end counts in neither the time
       * to contain nor the time to recover, only in open_at_period_end. */
      if (s->recovered != NO_TIME && s->recovered < end)
        {
          recover[n_recover++] = cb_stats_hours_between (s->detected, s->recovered);
          if (s->contained != NO_TIME)
            contain[n_contain++] = cb_stats_hours_between (s->detected, s->contained);
        }
      else
        stats->open_at_period_end++;
      if (s->reported != NO_TIME && s->reported < end)
        report[n_report++] = cb_stats_hours_between (s->detected, s->reported);
      if (s->source >= 0)
        {
          n_source++;
          n_internal += s->source;
        }
      if (!s->material)
        continue;
      stats->material++;
      if (s->determined == NO_TIME || s->determined >= end)
        continue;
      if (s->disclosed != NO_TIME && s->disclosed < end)
        {
          int days = business_days (reg, s->determined, s->disclosed);
          max_business_days = MAX (max_business_days, days);
          if (days > DISCLOSURE_BUSINESS_DAYS)
            stats->late_disclosures++;
        }
      /* Still undisclosed at the period end: late once the end is past the deadline. */
      else if (business_days (reg, s->determined, end - 1) > DISCLOSURE_BUSINESS_DAYS)
        stats->late_disclosures++;
    }

  if (cb_stats_percentile (dwell, stats->with_known_compromise, 0.9, &p90))
    stats->p90_dwell_days = CB_OPTIONAL (cb_snapshot_round (p90, CB_DAYS_DECIMALS));
  set_median_mean (dwell, stats->with_known_compromise, CB_DAYS_DECIMALS, &stats->median_dwell_days,
                   &stats->mean_dwell_days);
  set_median_mean (contain, n_contain, CB_HOURS_DECIMALS, &stats->median_hours_to_contain,
                   &stats->mean_hours_to_contain);
  set_median_mean (recover, n_recover, CB_HOURS_DECIMALS, &stats->median_hours_to_recover,
                   &stats->mean_hours_to_recover);
  set_median_mean (report, n_report, CB_HOURS_DECIMALS, &stats->median_hours_to_report, NULL);
  if (n_source > 0)
    stats->internal_detection_share = CB_OPTIONAL (cb_snapshot_round ((double) n_internal / n_source,
                                                                      CB_SHARE_DECIMALS));
  if (max_business_days >= 0)
    stats->max_business_days_to_disclose = CB_OPTIONAL (max_business_days);
  stats->small_sample = stats->with_known_compromise < SMALL_SAMPLE;
}

/* The published global median of the calendar year in which @period ends: M-Trends reports by
 * calendar year, and a period's incidents were detected up to its last day. */
static CbOptional
reference_median (const CbSnapshotScope *scope,
                  const CbPeriod        *period)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (scope->workbook,
                                            "SELECT median_days FROM dwell_reference WHERE year = ?", NULL);
  GDate first, after_last;
  CbOptional median = CB_OPTIONAL_NONE;

  if (stmt == NULL)
    return median;
  cb_period_dates (period, scope->start_month, &first, &after_last);
  g_date_subtract_days (&after_last, 1);
  sqlite3_bind_int (stmt, 1, g_date_get_year (&after_last));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    median = cb_snapshot_column_optional (stmt, 0);
  sqlite3_reset (stmt);
  return median;
}

/* A trend point covers its period up to the snapshot's end at most: a report never shows what
 * happened after its own period, so this fiscal year's point is the year to date. */
static void
fill_trend (const CbSnapshotScope  *scope,
            const Register         *reg,
            const CbSnapshotSeries *series,
            const CbSnapshot       *snapshot,
            const CbPeriod         *periods,
            guint                   n,
            CbTrendPoint           *points)
{
  for (guint i = 0; i < n; i++)
    {
      int p = cb_snapshot_series_index_of (series, &periods[i]);
      gint64 start, end;

      points[i].period = periods[i];
      points[i].reference_median_days = reference_median (scope, &periods[i]);
      /* The series ends with the snapshot's period, so its points are never cut short. */
      if (p >= 0)
        {
          points[i].stats = series->detection[p];
          continue;
        }
      cb_period_bounds (&periods[i], scope->start_month, scope->time_zone, &start, &end);
      compute_stats (reg, start, MIN (end, snapshot->period_end), &points[i].stats);
    }
}

gboolean
cb_snapshot_fill_detection (const CbSnapshotScope  *scope,
                            CbSnapshotSeries       *series,
                            CbSnapshot             *snapshot,
                            GError                **error)
{
  g_auto(Register) reg = { 0 };
  int year = snapshot->period.fiscal_year;
  CbPeriod last_quarter = { year, snapshot->period.quarter > 0 ? snapshot->period.quarter : 4 };
  CbPeriod last_year = { year, 0 };
  CbPeriod quarters[N_QUARTERS], years[N_YEARS];
  gint64 from, start, end;

  /* One read covers the series, the quarter trend and the year trend, whichever starts first. */
  cb_period_series (&last_quarter, N_QUARTERS, quarters);
  cb_period_series (&last_year, N_YEARS, years);
  cb_period_bounds (&series->periods[0], scope->start_month, scope->time_zone, &from, &end);
  cb_period_bounds (&quarters[0], scope->start_month, scope->time_zone, &start, &end);
  from = MIN (from, start);
  cb_period_bounds (&years[0], scope->start_month, scope->time_zone, &start, &end);
  from = MIN (from, start);

  if (!read_stamps (scope, from, snapshot->period_end, &reg, error)
      || !read_incidents (scope, snapshot, error))
    return FALSE;

  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    {
      cb_period_bounds (&series->periods[p], scope->start_month, scope->time_zone, &start, &end);
      compute_stats (&reg, start, end, &series->detection[p]);
    }
  snapshot->detection = series->detection[CB_SERIES_CURRENT];
  snapshot->detection_previous = series->detection[CB_SERIES_PREVIOUS];
  fill_trend (scope, &reg, series, snapshot, quarters, N_QUARTERS, snapshot->quarter_trend);
  fill_trend (scope, &reg, series, snapshot, years, N_YEARS, snapshot->year_trend);
  return TRUE;
}
