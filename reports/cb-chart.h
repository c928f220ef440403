/* cb-chart.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cb-catalog.h"
#include "cb-evaluation.h"
#include "cb-snapshot.h"
#include "cb-theme.h"

G_BEGIN_DECLS

/* Charts are plain functions drawing into a rectangle of any cairo context: the PDF reports
 * and the app's widgets call the same ones with the same data, so a figure looks the same on
 * paper and on screen. Each chart takes a data struct holding texts already in the report's
 * language (@lang, "ja" or "en"); the *_from_snapshot() functions fill one from a snapshot,
 * so the mapping from figures to charts exists once. A chart with nothing to show draws a
 * "no data" note. Hit-testing takes the same area, data and theme as drawing, because where
 * things are depends on the measured labels.
 */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CbRect;

/* Formats @value in @unit ("%", "count", "days", "hours", "JPY", "ratio", or any other text,
 * which is appended) the way the reports write figures in @lang: "12.5 days", "12.5日",
 * "¥1,200,000", "1,200,000円".
 */
char *cb_chart_format_quantity (double      value,
                                const char *unit,
                                const char *lang);

/* Radar: one axis per guideline item, with this period, the previous period and the target. */

typedef struct
{
  char       *key;       /* what the axis stands for, "CSMG.D3" */
  char       *label;     /* "3 Secure resources (budget, people)" */
  CbOptional  current;
  CbOptional  previous;
  CbOptional  target;
} CbRadarAxis;

typedef struct
{
  char        *lang;
  char        *title;           /* not drawn: the description's first sentence */
  char        *current_label;   /* legend texts */
  char        *previous_label;
  char        *target_label;
  double       min;
  double       max;
  CbRadarAxis *axes;
  guint        n_axes;
} CbRadarData;

CbRadarData *cb_chart_radar_data_new            (const char        *lang,
                                                 guint              n_axes);
void         cb_chart_radar_data_free           (CbRadarData       *data);
/* The ten guideline items on levels 0–5; labels are the item number and its title. */
CbRadarData *cb_chart_radar_data_from_snapshot  (const CbSnapshot  *snapshot,
                                                 const char        *lang);
void         cb_chart_radar_draw                (cairo_t           *cr,
                                                 const CbRect      *area,
                                                 const CbRadarData *data,
                                                 const CbTheme     *theme);
/* The axis whose label, or whose sector of the plot, holds (@x, @y); -1 for none. */
int          cb_chart_radar_axis_at             (const CbRect      *area,
                                                 const CbRadarData *data,
                                                 const CbTheme     *theme,
                                                 double             x,
                                                 double             y);
char        *cb_chart_radar_describe            (const CbRadarData *data);
char        *cb_chart_radar_describe_axis       (const CbRadarData *data,
                                                 guint              axis);

/* Trend: a series over periods against an outside reference. A point resting on a small
 * sample is drawn hollow; a missing point leaves a gap.
 */

typedef struct
{
  char       *label;         /* "FY2025Q3" */
  CbOptional  value;
  CbOptional  reference;
  guint       count;         /* how many cases the value rests on */
  gboolean    small_sample;
} CbTrendValue;

typedef struct
{
  char         *lang;
  char         *title;
  char         *axis_title;         /* "Median dwell time (days)" */
  char         *unit;               /* as cb_chart_format_quantity() takes it */
  char         *value_label;        /* legend texts */
  char         *reference_label;
  char         *small_sample_label;
  CbTrendValue *values;
  guint         n_values;
} CbTrendData;

CbTrendData *cb_chart_trend_data_new            (const char        *lang,
                                                 guint              n_values);
void         cb_chart_trend_data_free           (CbTrendData       *data);
/* The median dwell time of the last eight quarters, or of the last five fiscal years when
 * @years, against the published global median.
 */
CbTrendData *cb_chart_trend_data_from_snapshot  (const CbSnapshot  *snapshot,
                                                 gboolean           years,
                                                 const char        *lang);
void         cb_chart_trend_draw                (cairo_t           *cr,
                                                 const CbRect      *area,
                                                 const CbTrendData *data,
                                                 const CbTheme     *theme);
/* Where value @index is drawn, for anchoring a tooltip; FALSE when it is missing. */
gboolean     cb_chart_trend_value_point         (const CbRect      *area,
                                                 const CbTrendData *data,
                                                 const CbTheme     *theme,
                                                 guint              index,
                                                 double            *x,
                                                 double            *y);
/* The value whose column of the plot holds (@x, @y); -1 for none. */
int          cb_chart_trend_value_at            (const CbRect      *area,
                                                 const CbTrendData *data,
                                                 const CbTheme     *theme,
                                                 double             x,
                                                 double             y);
char        *cb_chart_trend_describe            (const CbTrendData *data);
char        *cb_chart_trend_describe_value      (const CbTrendData *data,
                                                 guint              index);

/* Bars, vertical or horizontal, stacked when there is more than one series, with an optional
 * marker across each bar (the previous period, a desired level).
 */

typedef struct
{
  char       *label;
  CbOptional *values;        /* one per series, stacked in this order */
  CbOptional  marker;
  char       *value_text;    /* written at the end of the bar; NULL for the formatted total */
} CbBar;

typedef struct
{
  char        *lang;
  char        *title;
  char        *axis_title;
  char        *unit;
  gboolean     horizontal;
  CbOptional   axis_max;        /* a fixed end of the value axis, such as 100 % */
  char       **series_labels;   /* n_series legend texts, drawn when there are several */
  guint        n_series;
  char        *marker_label;    /* NULL when no bar has a marker */
  CbSeries     marker_series;
  CbBar       *bars;
  guint        n_bars;
} CbBarData;

CbBarData *cb_chart_bars_data_new                 (const char       *lang,
                                                   guint             n_bars,
                                                   guint             n_series);
void       cb_chart_bars_data_free                (CbBarData        *data);
/* Assessed suppliers per score band, stacked by criticality. */
CbBarData *cb_chart_bars_data_from_supplier_bands (const CbSnapshot *snapshot,
                                                   const char       *lang);
/* Each benchmark's total as a share of its maximum, marked with the previous period's. */
CbBarData *cb_chart_bars_data_from_benchmarks     (const CbSnapshot *snapshot,
                                                   const char       *lang);
void       cb_chart_bars_draw                     (cairo_t          *cr,
                                                   const CbRect     *area,
                                                   const CbBarData  *data,
                                                   const CbTheme    *theme);
char      *cb_chart_bars_describe                 (const CbBarData  *data);

/* Heat map of counts: rows × columns, the last columns optionally counting something apart
 * (suppliers not assessed) on a grey ramp.
 */

typedef struct
{
  char   *lang;
  char   *title;
  char   *row_title;
  char   *column_title;
  char  **row_labels;
  char  **column_labels;
  guint  *counts;            /* n_rows × n_columns, row after row */
  guint   n_rows;
  guint   n_columns;
  guint   n_muted_columns;
} CbMatrixData;

CbMatrixData *cb_chart_matrix_data_new           (const char         *lang,
                                                  guint               n_rows,
                                                  guint               n_columns);
void          cb_chart_matrix_data_free          (CbMatrixData       *data);
/* Suppliers by criticality and by the band of their latest score, and those not assessed. */
CbMatrixData *cb_chart_matrix_data_from_snapshot (const CbSnapshot   *snapshot,
                                                  const char         *lang);
void          cb_chart_matrix_draw               (cairo_t            *cr,
                                                  const CbRect       *area,
                                                  const CbMatrixData *data,
                                                  const CbTheme      *theme);
gboolean      cb_chart_matrix_cell_at            (const CbRect       *area,
                                                  const CbMatrixData *data,
                                                  const CbTheme      *theme,
                                                  double              x,
                                                  double              y,
                                                  guint              *row,
                                                  guint              *column);
/* Where the cell is drawn, for focus rings and tooltips. */
gboolean      cb_chart_matrix_cell_rect          (const CbRect       *area,
                                                  const CbMatrixData *data,
                                                  const CbTheme      *theme,
                                                  guint               row,
                                                  guint               column,
                                                  CbRect             *rect);
char         *cb_chart_matrix_describe           (const CbMatrixData *data);
char         *cb_chart_matrix_describe_cell      (const CbMatrixData *data,
                                                  guint               row,
                                                  guint               column);

/* Bullet: a KPI's value against its target, on red, amber and green bands ordered by the
 * KPI's direction, with the status badge and the value written beside it.
 */

typedef struct
{
  char        *lang;
  char        *title;
  char        *unit;
  CbDirection  direction;
  CbOptional   value;
  CbOptional   target;
  double       band;        /* the amber band's width beyond the target; 0 for none */
  CbRag        status;
} CbBulletData;

CbBulletData *cb_chart_bullet_data_new      (const char          *lang);
void          cb_chart_bullet_data_free     (CbBulletData        *data);
CbBulletData *cb_chart_bullet_data_from_kpi (const CbSnapshotKpi *kpi,
                                             const char          *lang);
void          cb_chart_bullet_draw          (cairo_t             *cr,
                                             const CbRect        *area,
                                             const CbBulletData  *data,
                                             const CbTheme       *theme);
char         *cb_chart_bullet_describe      (const CbBulletData  *data);

/* Sparkline: a short history, oldest first, with the latest value marked. */

typedef struct
{
  char       *lang;
  char       *title;
  char       *unit;
  char      **labels;        /* the period of each value */
  CbOptional *values;
  guint       n_values;
  CbOptional  target;
} CbSparklineData;

CbSparklineData *cb_chart_sparkline_data_new      (const char            *lang,
                                                   guint                  n_values);
void             cb_chart_sparkline_data_free     (CbSparklineData       *data);
/* The KPI's history over the CB_KPI_HISTORY quarters ending with @period. */
CbSparklineData *cb_chart_sparkline_data_from_kpi (const CbSnapshotKpi   *kpi,
                                                   const CbPeriod        *period,
                                                   const char            *lang);
void             cb_chart_sparkline_draw          (cairo_t               *cr,
                                                   const CbRect          *area,
                                                   const CbSparklineData *data,
                                                   const CbTheme         *theme);
char            *cb_chart_sparkline_describe      (const CbSparklineData *data);

/* Rating bars: one bar per board-evaluation criterion on the rating scale. */

typedef struct
{
  char *key;                 /* "BE3" */
  char *label;               /* "BE3 CISO authority and reporting line" */
  int   rating;              /* 0 when not rated */
} CbRatingItem;

typedef struct
{
  char         *lang;
  char         *title;
  int           min;
  int           max;
  char        **scale_labels; /* max − min + 1 texts, for min upwards */
  CbRatingItem *items;
  guint         n_items;
} CbRatingData;

CbRatingData *cb_chart_rating_data_new             (const char          *lang,
                                                    guint                n_items,
                                                    int                  min,
                                                    int                  max);
void          cb_chart_rating_data_free            (CbRatingData        *data);
/* Every criterion of @catalog in its order, rated as in @evaluation. */
CbRatingData *cb_chart_rating_data_from_evaluation (const CbEvaluation  *evaluation,
                                                    CbCatalog           *catalog,
                                                    const char          *lang);
void          cb_chart_rating_draw                 (cairo_t             *cr,
                                                    const CbRect        *area,
                                                    const CbRatingData  *data,
                                                    const CbTheme       *theme);
char         *cb_chart_rating_describe             (const CbRatingData  *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRadarData, cb_chart_radar_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTrendData, cb_chart_trend_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbBarData, cb_chart_bars_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbMatrixData, cb_chart_matrix_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbBulletData, cb_chart_bullet_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbSparklineData, cb_chart_sparkline_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRatingData, cb_chart_rating_data_free)

G_END_DECLS
