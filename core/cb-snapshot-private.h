/* cb-snapshot-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cb-snapshot.h"

G_BEGIN_DECLS

/* Which rows a snapshot may read: one entity's subtree, as one audience may see it. */
typedef struct
{
  CbWorkbook *workbook;
  CbAudience  audience;
  gint64      entity_id;
  /* Rows without an entity belong to the root, so they count only when the subtree is the root's. */
  gboolean    unassigned;
  int         start_month;
  GTimeZone  *time_zone;
} CbSnapshotScope;

/* Opens a query over the scope's subtree: the table "subtree" (id) holds the entity and its
 * descendants. Queries name the entity column with SCOPE_ENTITY and write {visible} where the
 * list of confidentiality values the audience may see belongs.
 */
#define SCOPE_CTE \
  "WITH RECURSIVE subtree (id) AS (SELECT :entity UNION " \
  "SELECT e.id FROM entities e JOIN subtree s ON e.parent_id = s.id) "
#define SCOPE_ENTITY(column) \
  "(" column " IN subtree OR (" column " IS NULL AND :unassigned))"

/* Figures are rounded once, where they are computed, so that the screen, the PDF and the JSON
 * print the same value and a difference of two printed figures is the printed difference. */
#define CB_DAYS_DECIMALS   2
#define CB_HOURS_DECIMALS  2
#define CB_SHARE_DECIMALS  4
#define CB_LEVEL_DECIMALS  2
#define CB_SCORE_DECIMALS  2

/* Prepares @sql (cached by the workbook) with {visible} filled in, binding :entity and
 * :unassigned when it uses them. */
sqlite3_stmt *cb_snapshot_scope_prepare   (const CbSnapshotScope *scope,
                                           const char            *sql,
                                           GError               **error);
void          cb_snapshot_bind_text       (sqlite3_stmt          *stmt,
                                           const char            *name,
                                           const char            *value);
void          cb_snapshot_bind_int64      (sqlite3_stmt          *stmt,
                                           const char            *name,
                                           gint64                 value);
/* Binds @period as text, as periods are stored. */
void          cb_snapshot_bind_period     (sqlite3_stmt          *stmt,
                                           const char            *name,
                                           const CbPeriod        *period);
/* The column as CbOptional: NULL is no value. */
CbOptional    cb_snapshot_column_optional (sqlite3_stmt          *stmt,
                                           int                    column);

/* Rounds half away from zero to @decimals places. */
double        cb_snapshot_round           (double                 value,
                                           int                    decimals);
/* The mean of @values rounded to @decimals, or none. */
CbOptional    cb_snapshot_mean            (const double          *values,
                                           gsize                  n,
                                           int                    decimals);
/* a − b, when both exist. */
CbOptional    cb_snapshot_difference      (CbOptional             a,
                                           CbOptional             b,
                                           int                    decimals);

/* "YYYY-MM-DD", as dates are stored. */
char         *cb_snapshot_format_date     (const GDate           *date);

/* The figures of the periods a snapshot looks back on: the eight quarters (or fiscal years) ending
 * with its own, oldest first. KPI histories and changes against the previous period read them. */
typedef struct
{
  CbPeriod          periods[CB_KPI_HISTORY];
  CbOptional        mean_level[CB_KPI_HISTORY];
  CbDetectionStats  detection[CB_KPI_HISTORY];
  CbSupplierSummary suppliers[CB_KPI_HISTORY];
} CbSnapshotSeries;

#define CB_SERIES_CURRENT  (CB_KPI_HISTORY - 1)
#define CB_SERIES_PREVIOUS (CB_KPI_HISTORY - 2)

/* Queries over the whole series write "period IN " CB_SERIES_PERIODS. */
#define CB_SERIES_PERIODS "(:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)"
G_STATIC_ASSERT (CB_KPI_HISTORY == 8);

void          cb_snapshot_bind_series     (sqlite3_stmt             *stmt,
                                           const CbSnapshotSeries   *series);
/* The index of @period in @series, or -1. */
int           cb_snapshot_series_index_of (const CbSnapshotSeries   *series,
                                           const CbPeriod           *period);
/* The index in @series of the period written @text, or -1. */
int           cb_snapshot_series_index    (const CbSnapshotSeries   *series,
                                           const char               *text);

/* Looks up a figure by the name a computed KPI or a disclosure placeholder gives it. */
gboolean      cb_snapshot_figure          (CbOptional                mean_level,
                                           const CbDetectionStats   *detection,
                                           const CbSupplierSummary  *suppliers,
                                           const char               *key,
                                           CbOptional               *value);

/* Fills the guideline of the snapshot's period and the mean level of every period of @series. */
gboolean      cb_snapshot_fill_guideline  (const CbSnapshotScope    *scope,
                                           CbSnapshotSeries         *series,
                                           CbSnapshot               *snapshot,
                                           GError                  **error);
void          cb_snapshot_clear_guideline (CbGuidelineSummary       *guideline);

/* Fills the detection figures of @series, the snapshot's detection, trends and incidents. */
gboolean      cb_snapshot_fill_detection  (const CbSnapshotScope    *scope,
                                           CbSnapshotSeries         *series,
                                           CbSnapshot               *snapshot,
                                           GError                  **error);

/* Fills the supplier summary at the end of each period of @series; the weakest domains only for
 * the last one. */
gboolean      cb_snapshot_fill_suppliers  (const CbSnapshotScope    *scope,
                                           CbSnapshotSeries         *series,
                                           GError                  **error);
void          cb_snapshot_clear_suppliers (CbSupplierSummary        *suppliers);

/* Reads the other figures of @series: computed KPIs take their values from them. */
gboolean      cb_snapshot_fill_kpis       (const CbSnapshotScope    *scope,
                                           const CbSnapshotSeries   *series,
                                           CbSnapshot               *snapshot,
                                           GError                  **error);

gboolean      cb_snapshot_fill_benchmarks (const CbSnapshotScope    *scope,
                                           CbSnapshot               *snapshot,
                                           GError                  **error);

G_END_DECLS
