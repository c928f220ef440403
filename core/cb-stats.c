/* cb-stats.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cb-stats.h"

gboolean
cb_stats_mean (const double *values,
               gsize         n,
               double       *out)
{
  double sum = 0.0;

  g_return_val_if_fail (n == 0 || values != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n == 0)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    sum += values[i];

  *out = sum / (double) n;

  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

gboolean
cb_stats_median (double *values,
                 gsize   n,
                 double *out)
{
  g_return_val_if_fail (n == 0 || values != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n == 0)
    return FALSE;

  qsort (values, n, sizeof *values, compare_doubles);

  if (n % 2 == 1)
    *out = values[n / 2];
  else
    *out = (values[n / 2 - 1] + values[n / 2]) / 2.0;

  return TRUE;
}

gboolean
cb_stats_percentile (double *values,
                     gsize   n,
                     double  p,
                     double *out)
{
  double rank;
  gsize below;

  g_return_val_if_fail (n == 0 || values != NULL, FALSE);
  g_return_val_if_fail (p >= 0.0 && p <= 1.0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n == 0)
    return FALSE;

  qsort (values, n, sizeof *values, compare_doubles);

  rank = p * (double) (n - 1);
  below = (gsize) floor (rank);

  if (below + 1 >= n)
    *out = values[n - 1];
  else
    *out = values[below] + (rank - (double) below) * (values[below + 1] - values[below]);

  return TRUE;
}

/* Monday–Friday days in julian days 1 to julian. Julian day 1 (1 January of
 * year 1) is a Monday, so every run of seven days from it holds five weekdays.
 */
static gint64
weekdays_through (guint32 julian)
{
  return (gint64) (julian / 7) * 5 + MIN (julian % 7, 5);
}

static gboolean
is_weekday (guint32 julian)
{
  return (julian - 1) % 7 < 5;
}

/* Business days in julian days (after, last]. */
static gint64
business_days_in (guint32        after,
                  guint32        last,
                  const guint32 *holidays,
                  gsize          n_holidays)
{
  gint64 count = weekdays_through (last) - weekdays_through (after);
  gsize lo = 0;
  gsize hi = n_holidays;

  /* Find the first holiday after the range start. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (holidays[mid] <= after)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (gsize i = lo; i < n_holidays && holidays[i] <= last; i++)
    {
      gboolean repeated = i > lo && holidays[i] == holidays[i - 1];

      if (!repeated && is_weekday (holidays[i]))
        count--;
    }

  return count;
}

int
cb_stats_business_days (const GDate   *from,
                        const GDate   *to,
                        const guint32 *holidays,
                        gsize          n_holidays)
{
  guint32 from_julian;
  guint32 to_julian;

  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);
  g_return_val_if_fail (n_holidays == 0 || holidays != NULL, 0);

  from_julian = g_date_get_julian (from);
  to_julian = g_date_get_julian (to);

  if (to_julian >= from_julian)
    return (int) business_days_in (from_julian, to_julian, holidays, n_holidays);

  return (int) -business_days_in (to_julian, from_julian, holidays, n_holidays);
}

gboolean
cb_stats_standard_score (double  total,
                         double  mean,
                         double  sd,
                         double *out)
{
  double score;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!isfinite (sd) || sd <= 0.0)
    return FALSE;

  score = (total - mean) / sd * 10.0 + 50.0;
  if (!isfinite (score))
    return FALSE;

  *out = score;

  return TRUE;
}

void
cb_stats_supplier_score (const CbScoredAnswer *answers,
                         gsize                 n,
                         double                high_weight,
                         CbSupplierScore      *out)
{
  double weighted = 0.0;
  double weights = 0.0;

  g_return_if_fail (n == 0 || answers != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  for (gsize i = 0; i < n; i++)
    {
      const CbScoredAnswer *answer = &answers[i];

      if (!answer->answered && !answer->excluded)
        continue;

      out->answered++;

      if (answer->excluded)
        continue;

      g_return_if_fail (answer->weight > 0.0);
      g_return_if_fail (answer->score >= 0.0 && answer->score <= 1.0);

      out->scored++;
      weighted += answer->weight * answer->score;
      weights += answer->weight;

      if (answer->score == 0.0 && answer->weight >= high_weight)
        out->failed_high_weight++;
    }

  if (n > 0)
    out->answered_share = (double) out->answered / (double) n;

  if (out->scored > 0)
    {
      out->has_score = TRUE;
      out->score = weighted / weights * 100.0;
    }
}

CbRag
cb_stats_rag (CbDirection direction,
              gboolean    has_value,
              double      value,
              gboolean    has_target,
              double      target,
              double      band)
{
  g_return_val_if_fail (direction == CB_DIRECTION_HIGHER ||
                        direction == CB_DIRECTION_LOWER, CB_RAG_GREY);

  if (!has_value || !has_target || isnan (value) || isnan (target))
    return CB_RAG_GREY;

  /* Rating "lower is better" is rating the negated figures "higher is better". */
  if (direction == CB_DIRECTION_LOWER)
    {
      value = -value;
      target = -target;
    }

  if (value >= target)
    return CB_RAG_GREEN;
  /* A negative band leaves no room for amber, just as a zero band does. */
  if (value >= target - band)
    return CB_RAG_AMBER;

  return CB_RAG_RED;
}

const char *
cb_rag_to_string (CbRag rag)
{
  static const char * const names[] = { "grey", "red", "amber", "green" };

  g_return_val_if_fail ((guint) rag < G_N_ELEMENTS (names), NULL);

  return names[rag];
}

CbTrend
cb_stats_trend (gboolean has_previous,
                double   previous,
                gboolean has_current,
                double   current)
{
  if (!has_previous || !has_current || isnan (previous) || isnan (current))
    return CB_TREND_NONE;

  if (current > previous)
    return CB_TREND_UP;
  if (current < previous)
    return CB_TREND_DOWN;

  return CB_TREND_FLAT;
}

gboolean
cb_stats_trend_improving (CbDirection direction,
                          CbTrend     trend)
{
  g_return_val_if_fail (direction == CB_DIRECTION_HIGHER ||
                        direction == CB_DIRECTION_LOWER, FALSE);

  if (direction == CB_DIRECTION_HIGHER)
    return trend == CB_TREND_UP;

  return trend == CB_TREND_DOWN;
}

const char *
cb_trend_to_string (CbTrend trend)
{
  static const char * const names[] = { "none", "up", "flat", "down" };

  g_return_val_if_fail ((guint) trend < G_N_ELEMENTS (names), NULL);

  return names[trend];
}

double
cb_stats_days_between (gint64 from_unix,
                       gint64 to_unix)
{
  return (double) (to_unix - from_unix) / 86400.0;
}

double
cb_stats_hours_between (gint64 from_unix,
                        gint64 to_unix)
{
  return (double) (to_unix - from_unix) / 3600.0;
}
