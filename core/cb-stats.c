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

/* Doubles as unsigned integers in the same order: the sign bit set on positives, every bit flipped
 * on negatives. */
static guint64
sort_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits >> 63 ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static double
sort_value (guint64 key)
{
  guint64 bits = key >> 63 ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

#define RADIX_BITS   11
#define RADIX_PASSES ((64 + RADIX_BITS - 1) / RADIX_BITS)
#define RADIX_SIZE   (1u << RADIX_BITS)
#define RADIX_MASK   (RADIX_SIZE - 1)
/* Below this, the counting costs more than an insertion sort. */
#define RADIX_MIN    64

/* Sorts ascending. The medians of the snapshot sort every incident of ten years several times, so a
 * radix sort (linear, and skipping the digits every value shares) replaces qsort's comparisons. */
static void
sort_doubles (double *values,
              gsize   n)
{
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *spare = NULL;
  g_autofree gsize *counts = NULL;
  gboolean sorted = TRUE;

  for (gsize i = 1; i < n && sorted; i++)
    sorted = values[i - 1] <= values[i];
  if (sorted)
    return;
  if (n < RADIX_MIN)
    {
      for (gsize i = 1; i < n; i++)
        {
          double value = values[i];
          gsize j = i;

          for (; j > 0 && values[j - 1] > value; j--)
            values[j] = values[j - 1];
          values[j] = value;
        }
      return;
    }

  keys = g_new (guint64, n);
  spare = g_new (guint64, n);
  counts = g_new0 (gsize, RADIX_PASSES * RADIX_SIZE);
  for (gsize i = 0; i < n; i++)
    {
      keys[i] = sort_key (values[i]);
      for (guint pass = 0; pass < RADIX_PASSES; pass++)
        counts[pass * RADIX_SIZE + ((keys[i] >> (pass * RADIX_BITS)) & RADIX_MASK)]++;
    }

  for (guint pass = 0; pass < RADIX_PASSES; pass++)
    {
      gsize *count = &counts[pass * RADIX_SIZE];
      guint shift = pass * RADIX_BITS;
      gsize offset = 0;
      guint64 *swap;

      if (count[(keys[0] >> shift) & RADIX_MASK] == n)
        continue;
      for (guint digit = 0; digit < RADIX_SIZE; digit++)
        {
          gsize here = count[digit];

          count[digit] = offset;
          offset += here;
        }
      for (gsize i = 0; i < n; i++)
        spare[count[(keys[i] >> shift) & RADIX_MASK]++] = keys[i];
      swap = keys;
      keys = spare;
      spare = swap;
    }

  for (gsize i = 0; i < n; i++)
    values[i] = sort_value (keys[i]);
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

  sort_doubles (values, n);

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

  sort_doubles (values, n);

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
cb_stats_supplier_tally_add (CbSupplierTally      *tally,
                             const CbScoredAnswer *answer,
                             double                high_weight)
{
  g_return_if_fail (tally != NULL && answer != NULL);

  if (!answer->answered && !answer->excluded)
    return;
  tally->answered++;
  if (answer->excluded)
    return;

  g_return_if_fail (answer->weight > 0.0);
  g_return_if_fail (answer->score >= 0.0 && answer->score <= 1.0);

  tally->scored++;
  tally->weighted += answer->weight * answer->score;
  tally->weights += answer->weight;
  if (answer->score == 0.0 && answer->weight >= high_weight)
    tally->failed_high_weight++;
}

void
cb_stats_supplier_tally_score (const CbSupplierTally *tally,
                               gsize                  n_questions,
                               CbSupplierScore       *out)
{
  g_return_if_fail (tally != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->answered = tally->answered;
  out->scored = tally->scored;
  out->failed_high_weight = tally->failed_high_weight;
  if (n_questions > 0)
    out->answered_share = (double) tally->answered / (double) n_questions;
  /* To a billionth of a point, so that the order the answers were summed in (a file's, the
   * workbook's) does not show in the last bits. */
  if (tally->scored > 0)
    {
      out->has_score = TRUE;
      out->score = round (tally->weighted / tally->weights * 100.0 * 1e9) / 1e9;
    }
}

/* Figures are entered in decimals that doubles only approximate: 99.9 − 0.1 comes out a little
 * above 99.8, and a value of exactly 99.8 must still reach it. */
static gboolean
at_least (double value,
          double limit)
{
  return value >= limit - 1e-9 * MAX (1.0, fabs (limit));
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

  if (at_least (value, target))
    return CB_RAG_GREEN;
  /* A negative band leaves no room for amber, just as a zero band does. */
  if (at_least (value, target - band))
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
