/* cb-stats.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A figure that cannot be computed (no values, no spread) is reported by
 * returning FALSE and leaving *out untouched: it is null, never 0.
 */

typedef struct
{
  double   weight;
  double   score;
  gboolean answered;
  gboolean excluded;
} CbScoredAnswer;

typedef struct
{
  gboolean has_score;
  double   score;
  double   answered_share;
  guint    answered;
  guint    scored;
  guint    failed_high_weight;
} CbSupplierScore;

typedef enum
{
  CB_RAG_GREY,
  CB_RAG_RED,
  CB_RAG_AMBER,
  CB_RAG_GREEN,
} CbRag;

typedef enum
{
  CB_DIRECTION_HIGHER,
  CB_DIRECTION_LOWER,
} CbDirection;

typedef enum
{
  CB_TREND_NONE,
  CB_TREND_UP,
  CB_TREND_FLAT,
  CB_TREND_DOWN,
} CbTrend;

gboolean    cb_stats_mean             (const double         *values,
                                       gsize                 n,
                                       double               *out);

/* Sorts values in place; for even n the mean of the two middle values. */
gboolean    cb_stats_median           (double               *values,
                                       gsize                 n,
                                       double               *out);

/* Sorts values in place; p in [0, 1], interpolated on rank p × (n − 1) as
 * Excel's PERCENTILE.INC does.
 */
gboolean    cb_stats_percentile       (double               *values,
                                       gsize                 n,
                                       double                p,
                                       double               *out);

/* Counts Monday–Friday days after from up to and including to that are not in
 * holidays (sorted julian day numbers); negative when to is before from.
 */
int         cb_stats_business_days    (const GDate          *from,
                                       const GDate          *to,
                                       const guint32        *holidays,
                                       gsize                 n_holidays);

/* Computes 偏差値 = (total − mean) / sd × 10 + 50; FALSE without a positive sd. */
gboolean    cb_stats_standard_score   (double                total,
                                       double                mean,
                                       double                sd,
                                       double               *out);

/* A supplier's score, summed one answer at a time, so that an assessment can be scored from its
 * stored answers or while an import streams them past.
 */
typedef struct
{
  double weighted;
  double weights;
  guint  answered;
  guint  scored;
  guint  failed_high_weight;
} CbSupplierTally;

/* Adds one question's answer: unanswered ones add nothing, N/A counts as answered but not scored,
 * and a failed answer (score 0) on a question weighing at least @high_weight is counted.
 */
void        cb_stats_supplier_tally_add (CbSupplierTally       *tally,
                                         const CbScoredAnswer  *answer,
                                         double                 high_weight);

/* Scores the tally 0–100 as Σ(weight × score) / Σ(weight) over the answered questions that are
 * not N/A, out of a questionnaire of @n_questions.
 */
void        cb_stats_supplier_tally_score (const CbSupplierTally *tally,
                                           gsize                  n_questions,
                                           CbSupplierScore       *out);

/* Rates a KPI value against its target and amber band (a negative band counts
 * as 0); grey without a value or a target.
 */
CbRag       cb_stats_rag              (CbDirection           direction,
                                       gboolean              has_value,
                                       double                value,
                                       gboolean              has_target,
                                       double                target,
                                       double                band);

const char *cb_rag_to_string          (CbRag                 rag);

/* Returns the raw direction of change from previous to current. */
CbTrend     cb_stats_trend            (gboolean              has_previous,
                                       double                previous,
                                       gboolean              has_current,
                                       double                current);

/* Whether a change in the trend's direction is good for a KPI with direction. */
gboolean    cb_stats_trend_improving  (CbDirection           direction,
                                       CbTrend               trend);

const char *cb_trend_to_string        (CbTrend               trend);

/* Fractional days and hours from one unix time to another. */
double      cb_stats_days_between     (gint64                from_unix,
                                       gint64                to_unix);
double      cb_stats_hours_between    (gint64                from_unix,
                                       gint64                to_unix);

G_END_DECLS
