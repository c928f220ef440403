/* test-stats.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "cb-stats.h"

#define EPSILON 1e-9

/* Marks an output that a function returning FALSE must leave alone. */
#define UNTOUCHED -12345.0

#define MAX_VALUES 12

typedef struct
{
  int year;
  int month;
  int day;
} Ymd;

typedef struct
{
  gsize  n;
  double values[MAX_VALUES];
} Sample;

/* Copies the sample into an array of exactly its size, so that a sanitizer
 * catches any read past the end.
 */
static double *
copy_values (const Sample *sample)
{
  return g_memdup2 (sample->values, sample->n * sizeof (double));
}

static void
test_stats_mean (void)
{
  static const struct
  {
    Sample   sample;
    gboolean has_mean;
    double   expected;
  } cases[] = {
    { { 0, { 0 } }, FALSE, 0 },
    { { 1, { 5.0 } }, TRUE, 5.0 },
    { { 4, { 1.0, 2.0, 3.0, 4.0 } }, TRUE, 2.5 },
    { { 3, { -1.5, 0.5, 4.0 } }, TRUE, 1.0 },
    { { 5, { 0.0, 0.0, 0.0, 0.0, 7.0 } }, TRUE, 1.4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double mean = UNTOUCHED;

      g_test_message ("case %u", i);
      g_assert_cmpint (cb_stats_mean (cases[i].sample.values, cases[i].sample.n, &mean),
                       ==,
                       cases[i].has_mean);
      if (cases[i].has_mean)
        g_assert_cmpfloat_with_epsilon (mean, cases[i].expected, EPSILON);
      else
        g_assert_cmpfloat (mean, ==, UNTOUCHED);
    }

  /* A null array is fine when there are no values. */
  {
    double mean = UNTOUCHED;

    g_assert_false (cb_stats_mean (NULL, 0, &mean));
    g_assert_cmpfloat (mean, ==, UNTOUCHED);
  }
}

static void
test_stats_median (void)
{
  static const struct
  {
    Sample   sample;
    gboolean has_median;
    double   expected;
  } cases[] = {
    { { 0, { 0 } }, FALSE, 0 },
    { { 1, { 7.0 } }, TRUE, 7.0 },
    { { 2, { 3.0, 1.0 } }, TRUE, 2.0 },
    { { 3, { 5.0, 1.0, 3.0 } }, TRUE, 3.0 },
    { { 4, { 9.0, 2.0, 7.0, 4.0 } }, TRUE, 5.5 },
    { { 5, { 10.0, 1.0, 1.0, 1.0, 10.0 } }, TRUE, 1.0 },
    { { 6, { 0.25, 14.0, 3.0, 2.5, 60.0, 1.0 } }, TRUE, 2.75 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree double *values = copy_values (&cases[i].sample);
      double median = UNTOUCHED;

      g_test_message ("case %u", i);
      g_assert_cmpint (cb_stats_median (values, cases[i].sample.n, &median),
                       ==,
                       cases[i].has_median);
      if (cases[i].has_median)
        g_assert_cmpfloat_with_epsilon (median, cases[i].expected, EPSILON);
      else
        g_assert_cmpfloat (median, ==, UNTOUCHED);
    }
}

static void
test_stats_median_sorts (void)
{
  double values[] = { 4.0, -2.0, 9.0, 0.5 };
  const double sorted[] = { -2.0, 0.5, 4.0, 9.0 };
  double median;

  g_assert_true (cb_stats_median (values, G_N_ELEMENTS (values), &median));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (values[i], ==, sorted[i]);
}

/* Past a few dozen values the sort is a radix sort: negatives, zero, fractions and very
 * large or small magnitudes must still come out in order. */
static void
test_stats_median_sorts_many (void)
{
  static const struct
  {
    double base;
    double median;
    double p90;
  } cases[] = {
    /* −50 … 49: middle pair −1 and 0; rank 0.9 × 99 = 89.1 between 39 and 40. */
    { 1.0, -0.5, 39.1 },
    /* The same scaled by 0.25: −12.5 … 12.25. */
    { 0.25, -0.125, 9.775 },
    /* Scaled by 1e300: the exponent bits differ as well. */
    { 1e300, -0.5e300, 39.1e300 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double values[100];
      double copy[100];
      double median, p90;

      g_test_message ("case %u", c);
      /* 37 is prime to 100, so i × 37 mod 100 visits 0 … 99 once each, scrambled. */
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        values[i] = ((int) (i * 37 % 100) - 50) * cases[c].base;
      memcpy (copy, values, sizeof values);

      g_assert_true (cb_stats_median (values, G_N_ELEMENTS (values), &median));
      g_assert_cmpfloat_with_epsilon (median, cases[c].median, EPSILON * fabs (cases[c].base));
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_assert_cmpfloat (values[i], ==, ((int) i - 50) * cases[c].base);

      g_assert_true (cb_stats_percentile (copy, G_N_ELEMENTS (copy), 0.9, &p90));
      g_assert_cmpfloat_with_epsilon (p90, cases[c].p90, 1e-6 * fabs (cases[c].base));
    }
}

static void
test_stats_percentile (void)
{
  /* Dwell times in days; sorted: 1, 3.5, 5, 7, 12, 21, 30, 40, 60, 95. */
  static const Sample dwell = {
    10, { 12.0, 3.5, 40.0, 7.0, 1.0, 95.0, 21.0, 5.0, 60.0, 30.0 }
  };
  static const Sample one_to_ten = {
    10, { 7.0, 3.0, 10.0, 1.0, 9.0, 2.0, 8.0, 4.0, 6.0, 5.0 }
  };
  static const Sample empty = { 0, { 0 } };
  static const Sample single = { 1, { 42.0 } };
  static const Sample pair = { 2, { 20.0, 10.0 } };
  static const struct
  {
    const Sample *sample;
    double        p;
    gboolean      has_value;
    double        expected;
  } cases[] = {
    { &empty, 0.5, FALSE, 0 },
    { &single, 0.0, TRUE, 42.0 },
    { &single, 0.9, TRUE, 42.0 },
    { &single, 1.0, TRUE, 42.0 },
    /* Rank 0.9 × 1 = 0.9: 10 + 0.9 × (20 − 10). */
    { &pair, 0.0, TRUE, 10.0 },
    { &pair, 0.9, TRUE, 19.0 },
    { &pair, 1.0, TRUE, 20.0 },
    { &dwell, 0.0, TRUE, 1.0 },
    /* Rank 0.25 × 9 = 2.25: 5 + 0.25 × (7 − 5). */
    { &dwell, 0.25, TRUE, 5.5 },
    /* Rank 4.5: 12 + 0.5 × (21 − 12), the median. */
    { &dwell, 0.5, TRUE, 16.5 },
    /* Rank 8.1: 60 + 0.1 × (95 − 60). */
    { &dwell, 0.9, TRUE, 63.5 },
    { &dwell, 1.0, TRUE, 95.0 },
    /* Excel: PERCENTILE.INC({1..10}, 0.9) = 9.1. */
    { &one_to_ten, 0.9, TRUE, 9.1 },
    { &one_to_ten, 0.0, TRUE, 1.0 },
    { &one_to_ten, 1.0, TRUE, 10.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree double *values = copy_values (cases[i].sample);
      double value = UNTOUCHED;

      g_test_message ("case %u: p = %g", i, cases[i].p);
      g_assert_cmpint (cb_stats_percentile (values, cases[i].sample->n, cases[i].p, &value),
                       ==,
                       cases[i].has_value);
      if (cases[i].has_value)
        g_assert_cmpfloat_with_epsilon (value, cases[i].expected, EPSILON);
      else
        g_assert_cmpfloat (value, ==, UNTOUCHED);
    }
}

static void
test_stats_percentile_out_of_range (void)
{
  double values[] = { 1.0, 2.0 };
  double value = UNTOUCHED;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*p <= 1.0*");
  g_assert_false (cb_stats_percentile (values, G_N_ELEMENTS (values), 90.0, &value));
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (value, ==, UNTOUCHED);
}

static void
set_date (GDate     *date,
          const Ymd *ymd)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, ymd->day, ymd->month, ymd->year);
}

static void
test_stats_business_days (void)
{
  /* Golden Week 2026: 29 April (Wed), 3 May (Sun), 4–5 May (Mon, Tue) and
   * 6 May (Wed, substitute for the Sunday).
   */
  static const Ymd golden_week[] = {
    { 2026, 4, 29 }, { 2026, 5, 3 }, { 2026, 5, 4 }, { 2026, 5, 5 }, { 2026, 5, 6 },
  };
  static const Ymd new_year_and_eve[] = { { 2026, 1, 1 }, { 2026, 12, 31 } };
  static const Ymd sunday_only[] = { { 2026, 5, 3 } };
  static const Ymd twice[] = { { 2026, 4, 29 }, { 2026, 4, 29 } };
  static const struct
  {
    Ymd        from;
    Ymd        to;
    const Ymd *holidays;
    gsize      n_holidays;
    int        expected;
  } cases[] = {
    /* Monday 1 June 2026 to Friday 5 June: Tue, Wed, Thu, Fri. */
    { { 2026, 6, 1 }, { 2026, 6, 5 }, NULL, 0, 4 },
    { { 2026, 6, 1 }, { 2026, 6, 1 }, NULL, 0, 0 },
    { { 2026, 6, 5 }, { 2026, 6, 8 }, NULL, 0, 1 },
    { { 2026, 6, 5 }, { 2026, 6, 7 }, NULL, 0, 0 },
    { { 2026, 6, 6 }, { 2026, 6, 8 }, NULL, 0, 1 },
    { { 2026, 6, 4 }, { 2026, 6, 11 }, NULL, 0, 5 },
    { { 2026, 6, 5 }, { 2026, 6, 1 }, NULL, 0, -4 },
    /* Back from Monday 8 June over the weekend to Friday 5 June. */
    { { 2026, 6, 8 }, { 2026, 6, 5 }, NULL, 0, -1 },
    /* 2026 starts and ends on a Thursday: 52 × 5 + 1 weekdays, less 1 January. */
    { { 2026, 1, 1 }, { 2026, 12, 31 }, NULL, 0, 260 },
    { { 2026, 1, 1 }, { 2026, 12, 31 }, golden_week, G_N_ELEMENTS (golden_week), 256 },
    { { 2026, 6, 1 }, { 2026, 6, 5 }, new_year_and_eve, G_N_ELEMENTS (new_year_and_eve), 4 },
    /* Determined Tuesday 28 April: Apr 30, May 1, 7, 8 count; the 8-K is due on 8 May. */
    { { 2026, 4, 28 }, { 2026, 5, 8 }, NULL, 0, 8 },
    { { 2026, 4, 28 }, { 2026, 5, 8 }, golden_week, G_N_ELEMENTS (golden_week), 4 },
    { { 2026, 5, 8 }, { 2026, 4, 28 }, golden_week, G_N_ELEMENTS (golden_week), -4 },
    { { 2026, 4, 28 }, { 2026, 5, 7 }, golden_week, G_N_ELEMENTS (golden_week), 3 },
    /* A holiday is only skipped inside (from, to]. */
    { { 2026, 4, 29 }, { 2026, 4, 30 }, golden_week, G_N_ELEMENTS (golden_week), 1 },
    { { 2026, 4, 28 }, { 2026, 4, 29 }, golden_week, G_N_ELEMENTS (golden_week), 0 },
    /* A holiday on a Sunday takes nothing off. */
    { { 2026, 5, 1 }, { 2026, 5, 4 }, sunday_only, G_N_ELEMENTS (sunday_only), 1 },
    /* A holiday listed twice is skipped once. */
    { { 2026, 4, 28 }, { 2026, 4, 30 }, twice, G_N_ELEMENTS (twice), 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 holidays[G_N_ELEMENTS (golden_week)];
      GDate from;
      GDate to;

      g_test_message ("case %u", i);
      g_assert_cmpuint (cases[i].n_holidays, <=, G_N_ELEMENTS (holidays));

      for (gsize j = 0; j < cases[i].n_holidays; j++)
        {
          GDate holiday;

          set_date (&holiday, &cases[i].holidays[j]);
          holidays[j] = g_date_get_julian (&holiday);
        }

      set_date (&from, &cases[i].from);
      set_date (&to, &cases[i].to);
      g_assert_cmpint (cb_stats_business_days (&from, &to, holidays, cases[i].n_holidays),
                       ==,
                       cases[i].expected);
    }
}

static void
test_stats_standard_score (void)
{
  static const struct
  {
    double   total;
    double   mean;
    double   sd;
    gboolean has_score;
    double   expected;
  } cases[] = {
    { 60.0, 50.0, 10.0, TRUE, 60.0 },
    { 50.0, 50.0, 10.0, TRUE, 50.0 },
    { 35.0, 50.0, 10.0, TRUE, 35.0 },
    /* (72 − 60) / 8 × 10 + 50 and (40 − 60) / 8 × 10 + 50. */
    { 72.0, 60.0, 8.0, TRUE, 65.0 },
    { 40.0, 60.0, 8.0, TRUE, 25.0 },
    { 50.0, 50.0, 0.0, FALSE, 0 },
    { 50.0, 50.0, -1.0, FALSE, 0 },
    { 50.0, 50.0, NAN, FALSE, 0 },
    { 50.0, 50.0, INFINITY, FALSE, 0 },
    { NAN, 50.0, 10.0, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double score = UNTOUCHED;

      g_test_message ("case %u", i);
      g_assert_cmpint (cb_stats_standard_score (cases[i].total, cases[i].mean, cases[i].sd, &score),
                       ==,
                       cases[i].has_score);
      if (cases[i].has_score)
        g_assert_cmpfloat_with_epsilon (score, cases[i].expected, EPSILON);
      else
        g_assert_cmpfloat (score, ==, UNTOUCHED);
    }
}

#define YES(w) { (w), 1.0, TRUE, FALSE }
#define PARTIAL(w) { (w), 0.5, TRUE, FALSE }
#define NO(w) { (w), 0.0, TRUE, FALSE }
#define NOT_APPLICABLE(w) { (w), 0.0, TRUE, TRUE }
#define UNANSWERED(w) { (w), 0.0, FALSE, FALSE }

/* Tallies @answers in order, as an assessment's stored answers are. */
static void
score_answers (const CbScoredAnswer *answers,
               gsize                 n,
               CbSupplierScore      *score)
{
  CbSupplierTally tally = { 0 };

  for (gsize i = 0; i < n; i++)
    cb_stats_supplier_tally_add (&tally, &answers[i], 3.0);
  cb_stats_supplier_tally_score (&tally, n, score);
}

static void
test_stats_supplier_score (void)
{
  /* 3 × 1 + 2 × 0.5 + 1 × 0 over weights 3 + 2 + 1: 4 / 6 = 66.67; N/A counts
   * as answered, so 4 of 5 are answered.
   */
  static const CbScoredAnswer mixed[] = {
    YES (3), PARTIAL (2), NO (1), NOT_APPLICABLE (2), UNANSWERED (1),
  };
  /* 3 / (3 + 3 + 1) = 42.86; only the "No" on a weight-3 question fails high. */
  static const CbScoredAnswer high_failure[] = {
    NO (3), YES (3), NO (1), UNANSWERED (5),
  };
  static const CbScoredAnswer all_not_applicable[] = {
    NOT_APPLICABLE (1), NOT_APPLICABLE (3), NOT_APPLICABLE (2),
  };
  static const CbScoredAnswer all_unanswered[] = { UNANSWERED (1), UNANSWERED (3) };
  static const CbScoredAnswer all_yes[] = { YES (2), YES (2) };
  /* An N/A on a heavy question is neither scored nor failed. */
  static const CbScoredAnswer heavy_not_applicable[] = { NOT_APPLICABLE (5), PARTIAL (1) };
  static const struct
  {
    const CbScoredAnswer *answers;
    gsize                 n;
    CbSupplierScore       expected;
  } cases[] = {
    { mixed, G_N_ELEMENTS (mixed), { TRUE, 200.0 / 3.0, 0.8, 4, 3, 0 } },
    { high_failure, G_N_ELEMENTS (high_failure), { TRUE, 300.0 / 7.0, 0.75, 3, 3, 1 } },
    { all_not_applicable, G_N_ELEMENTS (all_not_applicable), { FALSE, 0, 1.0, 3, 0, 0 } },
    { all_unanswered, G_N_ELEMENTS (all_unanswered), { FALSE, 0, 0.0, 0, 0, 0 } },
    { all_yes, G_N_ELEMENTS (all_yes), { TRUE, 100.0, 1.0, 2, 2, 0 } },
    { heavy_not_applicable, G_N_ELEMENTS (heavy_not_applicable), { TRUE, 50.0, 1.0, 2, 1, 0 } },
    { NULL, 0, { FALSE, 0, 0.0, 0, 0, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CbSupplierScore *expected = &cases[i].expected;
      CbSupplierScore score = { TRUE, UNTOUCHED, UNTOUCHED, 99, 99, 99 };

      g_test_message ("case %u", i);
      score_answers (cases[i].answers, cases[i].n, &score);
      g_assert_cmpint (score.has_score, ==, expected->has_score);
      if (expected->has_score)
        g_assert_cmpfloat_with_epsilon (score.score, expected->score, EPSILON);
      g_assert_cmpfloat_with_epsilon (score.answered_share, expected->answered_share, EPSILON);
      g_assert_cmpuint (score.answered, ==, expected->answered);
      g_assert_cmpuint (score.scored, ==, expected->scored);
      g_assert_cmpuint (score.failed_high_weight, ==, expected->failed_high_weight);
    }
}

static void
test_stats_supplier_score_bad_weight (void)
{
  static const CbScoredAnswer answers[] = { YES (1), NO (0) };
  CbSupplierScore score;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*weight > 0.0*");
  score_answers (answers, G_N_ELEMENTS (answers), &score);
  g_test_assert_expected_messages ();
}

static void
test_stats_rag (void)
{
  static const struct
  {
    CbDirection direction;
    gboolean    has_value;
    double      value;
    gboolean    has_target;
    double      target;
    double      band;
    CbRag       expected;
  } cases[] = {
    /* Training completion, higher is better: target 90 %, amber down to 85 %. */
    { CB_DIRECTION_HIGHER, TRUE, 95.0, TRUE, 90.0, 5.0, CB_RAG_GREEN },
    { CB_DIRECTION_HIGHER, TRUE, 90.0, TRUE, 90.0, 5.0, CB_RAG_GREEN },
    { CB_DIRECTION_HIGHER, TRUE, 89.9, TRUE, 90.0, 5.0, CB_RAG_AMBER },
    { CB_DIRECTION_HIGHER, TRUE, 85.0, TRUE, 90.0, 5.0, CB_RAG_AMBER },
    { CB_DIRECTION_HIGHER, TRUE, 84.9, TRUE, 90.0, 5.0, CB_RAG_RED },
    { CB_DIRECTION_HIGHER, TRUE, 0.0, TRUE, 90.0, 5.0, CB_RAG_RED },
    /* Phishing click rate, lower is better: target 5 %, amber up to 7 %. */
    { CB_DIRECTION_LOWER, TRUE, 4.0, TRUE, 5.0, 2.0, CB_RAG_GREEN },
    { CB_DIRECTION_LOWER, TRUE, 5.0, TRUE, 5.0, 2.0, CB_RAG_GREEN },
    { CB_DIRECTION_LOWER, TRUE, 6.0, TRUE, 5.0, 2.0, CB_RAG_AMBER },
    { CB_DIRECTION_LOWER, TRUE, 7.0, TRUE, 5.0, 2.0, CB_RAG_AMBER },
    { CB_DIRECTION_LOWER, TRUE, 7.1, TRUE, 5.0, 2.0, CB_RAG_RED },
    { CB_DIRECTION_LOWER, TRUE, -1.0, TRUE, 0.0, 0.0, CB_RAG_GREEN },
    /* Availability to one decimal: the band's edge is reached by a value written as that edge,
     * although 99.9 − 0.1 is not 99.8 in binary. */
    { CB_DIRECTION_HIGHER, TRUE, 99.8, TRUE, 99.9, 0.1, CB_RAG_AMBER },
    { CB_DIRECTION_HIGHER, TRUE, 99.79, TRUE, 99.9, 0.1, CB_RAG_RED },
    { CB_DIRECTION_LOWER, TRUE, 99.9, TRUE, 99.8, 0.1, CB_RAG_AMBER },
    { CB_DIRECTION_LOWER, TRUE, 99.91, TRUE, 99.8, 0.1, CB_RAG_RED },
    { CB_DIRECTION_HIGHER, TRUE, 0.3, TRUE, 0.1 + 0.2, 0.0, CB_RAG_GREEN },
    /* Without a band there is no amber. */
    { CB_DIRECTION_HIGHER, TRUE, 90.0, TRUE, 90.0, 0.0, CB_RAG_GREEN },
    { CB_DIRECTION_HIGHER, TRUE, 89.99, TRUE, 90.0, 0.0, CB_RAG_RED },
    { CB_DIRECTION_LOWER, TRUE, 5.01, TRUE, 5.0, 0.0, CB_RAG_RED },
    /* A negative band counts as none. */
    { CB_DIRECTION_HIGHER, TRUE, 89.0, TRUE, 90.0, -5.0, CB_RAG_RED },
    { CB_DIRECTION_HIGHER, TRUE, 94.0, TRUE, 90.0, -5.0, CB_RAG_GREEN },
    { CB_DIRECTION_LOWER, TRUE, 6.0, TRUE, 5.0, -2.0, CB_RAG_RED },
    { CB_DIRECTION_LOWER, TRUE, 4.0, TRUE, 5.0, -2.0, CB_RAG_GREEN },
    /* No value or no target is grey, never green: 0 would beat a target of 0. */
    { CB_DIRECTION_LOWER, FALSE, 0.0, TRUE, 0.0, 0.0, CB_RAG_GREY },
    { CB_DIRECTION_HIGHER, FALSE, 100.0, TRUE, 90.0, 5.0, CB_RAG_GREY },
    { CB_DIRECTION_HIGHER, TRUE, 95.0, FALSE, 0.0, 5.0, CB_RAG_GREY },
    { CB_DIRECTION_LOWER, TRUE, 4.0, FALSE, 0.0, 2.0, CB_RAG_GREY },
    { CB_DIRECTION_HIGHER, TRUE, NAN, TRUE, 90.0, 5.0, CB_RAG_GREY },
    { CB_DIRECTION_LOWER, TRUE, NAN, TRUE, 5.0, 2.0, CB_RAG_GREY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbRag rag = cb_stats_rag (cases[i].direction,
                                cases[i].has_value,
                                cases[i].value,
                                cases[i].has_target,
                                cases[i].target,
                                cases[i].band);

      g_test_message ("case %u", i);
      g_assert_cmpstr (cb_rag_to_string (rag), ==, cb_rag_to_string (cases[i].expected));
    }
}

static void
test_stats_rag_to_string (void)
{
  static const struct
  {
    CbRag       rag;
    const char *expected;
  } cases[] = {
    { CB_RAG_GREY, "grey" },
    { CB_RAG_RED, "red" },
    { CB_RAG_AMBER, "amber" },
    { CB_RAG_GREEN, "green" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cb_rag_to_string (cases[i].rag), ==, cases[i].expected);
}

static void
test_stats_trend (void)
{
  static const struct
  {
    gboolean has_previous;
    double   previous;
    gboolean has_current;
    double   current;
    CbTrend  expected;
  } cases[] = {
    { TRUE, 1.0, TRUE, 2.0, CB_TREND_UP },
    { TRUE, 2.0, TRUE, 1.0, CB_TREND_DOWN },
    { TRUE, 3.0, TRUE, 3.0, CB_TREND_FLAT },
    { TRUE, -1.0, TRUE, -0.5, CB_TREND_UP },
    { TRUE, 0.0, TRUE, -0.001, CB_TREND_DOWN },
    { FALSE, 0.0, TRUE, 1.0, CB_TREND_NONE },
    { TRUE, 1.0, FALSE, 0.0, CB_TREND_NONE },
    { FALSE, 0.0, FALSE, 0.0, CB_TREND_NONE },
    { TRUE, NAN, TRUE, 1.0, CB_TREND_NONE },
    { TRUE, 1.0, TRUE, NAN, CB_TREND_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbTrend trend = cb_stats_trend (cases[i].has_previous,
                                      cases[i].previous,
                                      cases[i].has_current,
                                      cases[i].current);

      g_test_message ("case %u", i);
      g_assert_cmpstr (cb_trend_to_string (trend), ==, cb_trend_to_string (cases[i].expected));
    }
}

static void
test_stats_trend_improving (void)
{
  static const struct
  {
    CbDirection direction;
    CbTrend     trend;
    gboolean    expected;
  } cases[] = {
    { CB_DIRECTION_HIGHER, CB_TREND_UP, TRUE },
    { CB_DIRECTION_HIGHER, CB_TREND_DOWN, FALSE },
    { CB_DIRECTION_HIGHER, CB_TREND_FLAT, FALSE },
    { CB_DIRECTION_HIGHER, CB_TREND_NONE, FALSE },
    { CB_DIRECTION_LOWER, CB_TREND_DOWN, TRUE },
    { CB_DIRECTION_LOWER, CB_TREND_UP, FALSE },
    { CB_DIRECTION_LOWER, CB_TREND_FLAT, FALSE },
    { CB_DIRECTION_LOWER, CB_TREND_NONE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (cb_stats_trend_improving (cases[i].direction, cases[i].trend),
                       ==,
                       cases[i].expected);
    }
}

static void
test_stats_trend_to_string (void)
{
  static const struct
  {
    CbTrend     trend;
    const char *expected;
  } cases[] = {
    { CB_TREND_NONE, "none" },
    { CB_TREND_UP, "up" },
    { CB_TREND_FLAT, "flat" },
    { CB_TREND_DOWN, "down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cb_trend_to_string (cases[i].trend), ==, cases[i].expected);
}

static gint64
unix_from_iso8601 (const char *text)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);

  return g_date_time_to_unix (time);
}

static void
test_stats_between (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    double      days;
    double      hours;
  } cases[] = {
    { "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", 1.0, 24.0 },
    /* Dwell: compromised 1 March 09:00, detected 15 March 21:00. */
    { "2026-03-01T09:00:00Z", "2026-03-15T21:00:00Z", 14.5, 348.0 },
    /* Contained 18.5 hours after detection, across midnight in Tokyo. */
    { "2026-04-01T10:00:00+09:00", "2026-04-02T04:30:00+09:00", 18.5 / 24.0, 18.5 },
    { "2026-04-01T10:00:00+09:00", "2026-04-01T01:00:00Z", 0.0, 0.0 },
    { "2026-03-02T00:00:00Z", "2026-03-01T12:00:00Z", -0.5, -12.0 },
    /* 2024 is a leap year: 1 February to 1 March is 29 days. */
    { "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", 29.0, 696.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 from = unix_from_iso8601 (cases[i].from);
      gint64 to = unix_from_iso8601 (cases[i].to);

      g_test_message ("case %u", i);
      g_assert_cmpfloat_with_epsilon (cb_stats_days_between (from, to), cases[i].days, EPSILON);
      g_assert_cmpfloat_with_epsilon (cb_stats_hours_between (from, to), cases[i].hours, EPSILON);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/mean", test_stats_mean);
  g_test_add_func ("/stats/median", test_stats_median);
  g_test_add_func ("/stats/median/sorts", test_stats_median_sorts);
  g_test_add_func ("/stats/median/sorts-many", test_stats_median_sorts_many);
  g_test_add_func ("/stats/percentile", test_stats_percentile);
  g_test_add_func ("/stats/percentile/out-of-range", test_stats_percentile_out_of_range);
  g_test_add_func ("/stats/business-days", test_stats_business_days);
  g_test_add_func ("/stats/standard-score", test_stats_standard_score);
  g_test_add_func ("/stats/supplier-score", test_stats_supplier_score);
  g_test_add_func ("/stats/supplier-score/bad-weight", test_stats_supplier_score_bad_weight);
  g_test_add_func ("/stats/rag", test_stats_rag);
  g_test_add_func ("/stats/rag/to-string", test_stats_rag_to_string);
  g_test_add_func ("/stats/trend", test_stats_trend);
  g_test_add_func ("/stats/trend/improving", test_stats_trend_improving);
  g_test_add_func ("/stats/trend/to-string", test_stats_trend_to_string);
  g_test_add_func ("/stats/between", test_stats_between);

  return g_test_run ();
}
