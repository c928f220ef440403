/* test-period.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-period.h"

typedef struct
{
  int year;
  int month;
  int day;
} Ymd;

static void
assert_period (const CbPeriod *actual,
               const CbPeriod *expected)
{
  g_autofree char *actual_text = g_strdup_printf ("FY%d/Q%d", actual->fiscal_year, actual->quarter);
  g_autofree char *expected_text = g_strdup_printf ("FY%d/Q%d",
                                                    expected->fiscal_year,
                                                    expected->quarter);

  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
assert_date (const GDate *date,
             const Ymd   *expected)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, expected->year);
  g_assert_cmpint (g_date_get_month (date), ==, expected->month);
  g_assert_cmpint (g_date_get_day (date), ==, expected->day);
}

static gint64
unix_from_iso8601 (const char *text)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);

  return g_date_time_to_unix (time);
}

/* The zones come from tzdata, which tools/install-deps installs; a missing one fails the test. */
static GTimeZone *
installed_time_zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    g_error ("time zone %s is not installed (tzdata)", identifier);
  return tz;
}

static void
test_period_parse_valid (void)
{
  static const struct
  {
    const char *text;
    CbPeriod    expected;
  } cases[] = {
    { "FY2026Q1", { 2026, 1 } },
    { "FY2026Q4", { 2026, 4 } },
    { "fy2026q2", { 2026, 2 } },
    { "Fy2026Q3", { 2026, 3 } },
    { "FY2026", { 2026, 0 } },
    { "  FY2025Q4 \t\n", { 2025, 4 } },
    { " fy1900", { 1900, 0 } },
    { "FY9999Q4", { 9999, 4 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CbPeriod period = { -1, -1 };

      g_test_message ("parsing '%s'", cases[i].text);
      g_assert_true (cb_period_parse (cases[i].text, &period, &error));
      g_assert_no_error (error);
      assert_period (&period, &cases[i].expected);
    }
}

static void
test_period_parse_invalid (void)
{
  static const char *cases[] = {
    "",
    "   ",
    "FY",
    "FYxxxx",
    "FY2026Q5",
    "FY2026Q0",
    "FY2026Q",
    "FY2026Q12",
    "FY26Q1",
    "FY26",
    "FY20261",
    "FY1899",
    "FY0000Q1",
    "FY2026Q1x",
    "FY2026 Q1",
    "FY 2026",
    "2026Q1",
    "Q1FY2026",
    "FY-202",
    "FY+2026",
    "CY2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CbPeriod period = { 1234, 3 };

      g_test_message ("parsing '%s'", cases[i]);
      g_assert_false (cb_period_parse (cases[i], &period, &error));
      g_assert_error (error, CB_PERIOD_ERROR, CB_PERIOD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i]));

      /* A failed parse leaves the caller's period alone. */
      g_assert_cmpint (period.fiscal_year, ==, 1234);
      g_assert_cmpint (period.quarter, ==, 3);
    }
}

static void
test_period_to_string (void)
{
  static const struct
  {
    CbPeriod    period;
    const char *expected;
  } cases[] = {
    { { 2026, 1 }, "FY2026Q1" },
    { { 2026, 4 }, "FY2026Q4" },
    { { 2026, 0 }, "FY2026" },
    { { 1999, 2 }, "FY1999Q2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cb_period_to_string (&cases[i].period);
      g_autoptr(GError) error = NULL;
      CbPeriod parsed;

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (cb_period_parse (text, &parsed, &error));
      g_assert_no_error (error);
      assert_period (&parsed, &cases[i].period);
    }
}

static void
test_period_compare (void)
{
  static const struct
  {
    CbPeriod a;
    CbPeriod b;
    int      expected;
  } cases[] = {
    { { 2026, 1 }, { 2026, 2 }, -1 },
    { { 2026, 4 }, { 2026, 3 }, 1 },
    { { 2025, 4 }, { 2026, 1 }, -1 },
    { { 2027, 1 }, { 2026, 4 }, 1 },
    { { 2026, 3 }, { 2026, 3 }, 0 },
    { { 2026, 0 }, { 2026, 0 }, 0 },
    { { 2025, 0 }, { 2026, 0 }, -1 },
    /* A year starts with its first quarter and sorts after it. */
    { { 2026, 0 }, { 2026, 1 }, 1 },
    { { 2026, 1 }, { 2026, 0 }, -1 },
    { { 2026, 0 }, { 2026, 2 }, -1 },
    { { 2026, 4 }, { 2026, 0 }, 1 },
    { { 2025, 0 }, { 2026, 1 }, -1 },
    { { 2027, 0 }, { 2026, 4 }, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int result = cb_period_compare (&cases[i].a, &cases[i].b);

      g_test_message ("case %u", i);
      g_assert_cmpint (CLAMP (result, -1, 1), ==, cases[i].expected);
      g_assert_cmpint (cb_period_equal (&cases[i].a, &cases[i].b), ==, cases[i].expected == 0);
    }
}

static void
test_period_navigate (void)
{
  static const struct
  {
    CbPeriod period;
    CbPeriod previous;
    CbPeriod next;
    CbPeriod year_ago;
  } cases[] = {
    { { 2026, 1 }, { 2025, 4 }, { 2026, 2 }, { 2025, 1 } },
    { { 2026, 2 }, { 2026, 1 }, { 2026, 3 }, { 2025, 2 } },
    { { 2026, 4 }, { 2026, 3 }, { 2027, 1 }, { 2025, 4 } },
    { { 2000, 1 }, { 1999, 4 }, { 2000, 2 }, { 1999, 1 } },
    { { 2026, 0 }, { 2025, 0 }, { 2027, 0 }, { 2025, 0 } },
    { { 1900, 0 }, { 1899, 0 }, { 1901, 0 }, { 1899, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbPeriod previous = cb_period_previous (&cases[i].period);
      CbPeriod next = cb_period_next (&cases[i].period);
      CbPeriod year_ago = cb_period_year_ago (&cases[i].period);

      g_test_message ("case %u", i);
      assert_period (&previous, &cases[i].previous);
      assert_period (&next, &cases[i].next);
      assert_period (&year_ago, &cases[i].year_ago);
    }
}

static void
test_period_dates (void)
{
  static const struct
  {
    CbPeriod period;
    int      start_month;
    Ymd      first;
    Ymd      after_last;
    int      days;
  } cases[] = {
    /* April start, the Japanese 年度. */
    { { 2026, 1 }, 4, { 2026, 4, 1 }, { 2026, 7, 1 }, 91 },
    { { 2026, 2 }, 4, { 2026, 7, 1 }, { 2026, 10, 1 }, 92 },
    { { 2026, 3 }, 4, { 2026, 10, 1 }, { 2027, 1, 1 }, 92 },
    { { 2026, 4 }, 4, { 2027, 1, 1 }, { 2027, 4, 1 }, 90 },
    { { 2026, 0 }, 4, { 2026, 4, 1 }, { 2027, 4, 1 }, 365 },
    /* FY2023Q4 and FY2023 hold 29 February 2024. */
    { { 2023, 4 }, 4, { 2024, 1, 1 }, { 2024, 4, 1 }, 91 },
    { { 2023, 0 }, 4, { 2023, 4, 1 }, { 2024, 4, 1 }, 366 },
    /* January start: fiscal years are calendar years. */
    { { 2026, 0 }, 1, { 2026, 1, 1 }, { 2027, 1, 1 }, 365 },
    { { 2026, 1 }, 1, { 2026, 1, 1 }, { 2026, 4, 1 }, 90 },
    { { 2024, 1 }, 1, { 2024, 1, 1 }, { 2024, 4, 1 }, 91 },
    { { 2026, 4 }, 1, { 2026, 10, 1 }, { 2027, 1, 1 }, 92 },
    /* October start: FY2026 runs into calendar 2027. */
    { { 2026, 1 }, 10, { 2026, 10, 1 }, { 2027, 1, 1 }, 92 },
    { { 2026, 2 }, 10, { 2027, 1, 1 }, { 2027, 4, 1 }, 90 },
    { { 2026, 4 }, 10, { 2027, 7, 1 }, { 2027, 10, 1 }, 92 },
    { { 2026, 0 }, 10, { 2026, 10, 1 }, { 2027, 10, 1 }, 365 },
    /* December start: the first quarter straddles the new year. */
    { { 2026, 1 }, 12, { 2026, 12, 1 }, { 2027, 3, 1 }, 90 },
    { { 2027, 1 }, 12, { 2027, 12, 1 }, { 2028, 3, 1 }, 91 },
    { { 2026, 4 }, 12, { 2027, 9, 1 }, { 2027, 12, 1 }, 91 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate first;
      GDate after_last;

      g_test_message ("case %u", i);
      cb_period_dates (&cases[i].period, cases[i].start_month, &first, &after_last);
      assert_date (&first, &cases[i].first);
      assert_date (&after_last, &cases[i].after_last);
      g_assert_cmpint (g_date_days_between (&first, &after_last), ==, cases[i].days);
    }
}

static void
test_period_containing_date (void)
{
  static const struct
  {
    Ymd      date;
    int      start_month;
    gboolean quarter;
    CbPeriod expected;
  } cases[] = {
    { { 2024, 2, 29 }, 4, TRUE, { 2023, 4 } },
    { { 2024, 2, 29 }, 4, FALSE, { 2023, 0 } },
    { { 2024, 2, 29 }, 1, TRUE, { 2024, 1 } },
    { { 2024, 2, 29 }, 10, TRUE, { 2023, 2 } },
    { { 2026, 3, 31 }, 4, TRUE, { 2025, 4 } },
    { { 2026, 4, 1 }, 4, TRUE, { 2026, 1 } },
    { { 2026, 6, 30 }, 4, TRUE, { 2026, 1 } },
    { { 2026, 7, 1 }, 4, TRUE, { 2026, 2 } },
    { { 2026, 12, 31 }, 4, TRUE, { 2026, 3 } },
    { { 2027, 1, 1 }, 4, TRUE, { 2026, 4 } },
    { { 2027, 1, 1 }, 4, FALSE, { 2026, 0 } },
    { { 2026, 1, 1 }, 1, FALSE, { 2026, 0 } },
    { { 2026, 12, 31 }, 1, TRUE, { 2026, 4 } },
    { { 2026, 9, 30 }, 10, TRUE, { 2025, 4 } },
    { { 2026, 10, 1 }, 10, FALSE, { 2026, 0 } },
    { { 2026, 11, 15 }, 12, TRUE, { 2025, 4 } },
    { { 2026, 12, 1 }, 12, TRUE, { 2026, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      CbPeriod period;

      g_test_message ("case %u", i);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].date.day, cases[i].date.month, cases[i].date.year);
      period = cb_period_containing_date (&date, cases[i].start_month, cases[i].quarter);
      assert_period (&period, &cases[i].expected);
    }
}

static void
test_period_bounds (void)
{
  static const struct
  {
    CbPeriod    period;
    int         start_month;
    const char *tz;
    const char *start;
    const char *end;
  } cases[] = {
    { { 2026, 1 }, 4, "Asia/Tokyo", "2026-03-31T15:00:00Z", "2026-06-30T15:00:00Z" },
    { { 2026, 1 }, 4, "UTC", "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z" },
    { { 2026, 0 }, 4, "Asia/Tokyo", "2026-03-31T15:00:00Z", "2027-03-31T15:00:00Z" },
    /* The two ends fall on either side of a DST change. */
    { { 2025, 4 }, 4, "America/New_York", "2026-01-01T05:00:00Z", "2026-04-01T04:00:00Z" },
    { { 2026, 2 }, 1, "Europe/London", "2026-03-31T23:00:00Z", "2026-06-30T23:00:00Z" },
    /* Asunción skipped midnight on 1 October 2017: the day began at 01:00 -03. */
    { { 2017, 4 }, 1, "America/Asuncion", "2017-10-01T04:00:00Z", "2018-01-01T03:00:00Z" },
    /* Havana had midnight twice on 1 November 2020: the day began at the first. */
    { { 2020, 1 }, 11, "America/Havana", "2020-11-01T04:00:00Z", "2021-02-01T05:00:00Z" },
    { { 2020, 4 }, 11, "America/Havana", "2021-08-01T04:00:00Z", "2021-11-01T04:00:00Z" },
    { { 2026, 1 }, 1, "Pacific/Kiritimati", "2025-12-31T10:00:00Z", "2026-03-31T10:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = installed_time_zone (cases[i].tz);
      gint64 start = 0;
      gint64 end = 0;
      CbPeriod first;
      CbPeriod last;

      g_test_message ("case %u: %s", i, cases[i].tz);
      cb_period_bounds (&cases[i].period, cases[i].start_month, tz, &start, &end);
      g_assert_cmpint (start, ==, unix_from_iso8601 (cases[i].start));
      g_assert_cmpint (end, ==, unix_from_iso8601 (cases[i].end));

      /* The first and the last second of the bounds lie in the period. */
      first = cb_period_containing_time (start,
                                         cases[i].start_month,
                                         tz,
                                         cases[i].period.quarter > 0);
      last = cb_period_containing_time (end - 1,
                                        cases[i].start_month,
                                        tz,
                                        cases[i].period.quarter > 0);
      assert_period (&first, &cases[i].period);
      assert_period (&last, &cases[i].period);
    }
}

static void
test_period_bounds_unix (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  CbPeriod period = { 2025, 4 };
  gint64 start = 0;
  gint64 end = 0;

  /* 2026-01-01 is day 20454 of unix time; 2026-04-01 is 90 days later. */
  cb_period_bounds (&period, 4, utc, &start, &end);
  g_assert_cmpint (start, ==, G_GINT64_CONSTANT (20454) * 86400);
  g_assert_cmpint (start, ==, G_GINT64_CONSTANT (1767225600));
  g_assert_cmpint (end, ==, G_GINT64_CONSTANT (1775001600));
}

static void
test_period_containing_time (void)
{
  static const struct
  {
    const char *time;
    int         start_month;
    const char *tz;
    gboolean    quarter;
    CbPeriod    expected;
  } cases[] = {
    /* 2026-04-01 00:30 in Tokyo, still 31 March in UTC. */
    { "2026-03-31T15:30:00Z", 4, "Asia/Tokyo", TRUE, { 2026, 1 } },
    { "2026-03-31T15:30:00Z", 4, "UTC", TRUE, { 2025, 4 } },
    { "2026-03-31T15:30:00Z", 4, "Asia/Tokyo", FALSE, { 2026, 0 } },
    { "2026-03-31T15:30:00Z", 4, "UTC", FALSE, { 2025, 0 } },
    { "2026-03-31T14:59:59Z", 4, "Asia/Tokyo", TRUE, { 2025, 4 } },
    { "2026-03-31T15:00:00Z", 4, "Asia/Tokyo", TRUE, { 2026, 1 } },
    { "2024-02-29T12:00:00Z", 4, "UTC", TRUE, { 2023, 4 } },
    { "2024-02-29T12:00:00Z", 1, "Asia/Tokyo", FALSE, { 2024, 0 } },
    /* 23:30 EDT on 31 March. */
    { "2026-04-01T03:30:00Z", 4, "America/New_York", TRUE, { 2025, 4 } },
    { "2017-10-01T03:59:59Z", 1, "America/Asuncion", TRUE, { 2017, 3 } },
    { "2017-10-01T04:00:00Z", 1, "America/Asuncion", TRUE, { 2017, 4 } },
    /* 00:30 CDT, the first of Havana's two midnights on 1 November 2020. */
    { "2020-11-01T04:30:00Z", 11, "America/Havana", TRUE, { 2020, 1 } },
    { "2020-11-01T03:59:59Z", 11, "America/Havana", TRUE, { 2019, 4 } },
    { "2025-12-31T10:00:00Z", 1, "Pacific/Kiritimati", TRUE, { 2026, 1 } },
    { "2026-01-01T10:59:59Z", 1, "Pacific/Pago_Pago", TRUE, { 2025, 4 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = installed_time_zone (cases[i].tz);
      CbPeriod period;

      g_test_message ("case %u: %s in %s", i, cases[i].time, cases[i].tz);
      period = cb_period_containing_time (unix_from_iso8601 (cases[i].time),
                                          cases[i].start_month,
                                          tz,
                                          cases[i].quarter);
      assert_period (&period, &cases[i].expected);
    }
}

static void
test_period_series (void)
{
  static const CbPeriod eight_quarters[] = {
    { 2024, 2 }, { 2024, 3 }, { 2024, 4 }, { 2025, 1 },
    { 2025, 2 }, { 2025, 3 }, { 2025, 4 }, { 2026, 1 },
  };
  static const CbPeriod five_years[] = {
    { 2022, 0 }, { 2023, 0 }, { 2024, 0 }, { 2025, 0 }, { 2026, 0 },
  };
  static const struct
  {
    CbPeriod        last;
    guint           n;
    const CbPeriod *expected;
  } cases[] = {
    { { 2026, 1 }, 8, eight_quarters },
    { { 2026, 0 }, 5, five_years },
    { { 2025, 4 }, 1, &eight_quarters[6] },
    { { 2025, 4 }, 4, &eight_quarters[3] },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbPeriod out[9];

      g_test_message ("case %u", i);

      /* The slot after the series must stay untouched. */
      for (guint j = 0; j < G_N_ELEMENTS (out); j++)
        out[j] = (CbPeriod) { -1, -1 };

      cb_period_series (&cases[i].last, cases[i].n, out);

      for (guint j = 0; j < cases[i].n; j++)
        assert_period (&out[j], &cases[i].expected[j]);
      g_assert_cmpint (out[cases[i].n].fiscal_year, ==, -1);
    }
}

static void
test_period_preconditions (void)
{
  CbPeriod period = { 2026, 1 };
  CbPeriod bad = { 2026, 5 };
  GDate first;
  GDate after_last;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*start_month*");
  cb_period_dates (&period, 13, &first, &after_last);
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*period_is_valid*");
  g_assert_null (cb_period_to_string (&bad));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse/valid", test_period_parse_valid);
  g_test_add_func ("/period/parse/invalid", test_period_parse_invalid);
  g_test_add_func ("/period/to-string", test_period_to_string);
  g_test_add_func ("/period/compare", test_period_compare);
  g_test_add_func ("/period/navigate", test_period_navigate);
  g_test_add_func ("/period/dates", test_period_dates);
  g_test_add_func ("/period/containing-date", test_period_containing_date);
  g_test_add_func ("/period/bounds", test_period_bounds);
  g_test_add_func ("/period/bounds-unix", test_period_bounds_unix);
  g_test_add_func ("/period/containing-time", test_period_containing_time);
  g_test_add_func ("/period/series", test_period_series);
  g_test_add_func ("/period/preconditions", test_period_preconditions);

  return g_test_run ();
}
