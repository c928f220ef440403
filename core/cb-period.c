/* cb-period.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "cb-period.h"

#define MIN_PARSED_YEAR 1900
#define MAX_PARSED_YEAR 9999

#define SECONDS_PER_DAY 86400

/* g_date_get_julian() of 1970-01-01, the day unix time counts from. */
#define UNIX_EPOCH_JULIAN 719163

G_DEFINE_QUARK (cb-period-error-quark, cb_period_error)

static gboolean
period_is_valid (const CbPeriod *period)
{
  return period != NULL &&
         period->fiscal_year >= 1 &&
         period->fiscal_year <= G_MAXUINT16 - 1 &&
         period->quarter >= 0 &&
         period->quarter <= 4;
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              int        *value)
{
  int result = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + g_ascii_digit_value (text[i]);
    }

  *value = result;

  return TRUE;
}

gboolean
cb_period_parse (const char  *text,
                 CbPeriod    *period,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  CbPeriod parsed = { 0, 0 };
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (g_ascii_strncasecmp (p, "FY", 2) != 0)
    goto invalid;
  p += 2;

  if (!parse_digits (p, 4, &parsed.fiscal_year) ||
      parsed.fiscal_year < MIN_PARSED_YEAR ||
      parsed.fiscal_year > MAX_PARSED_YEAR)
    goto invalid;
  p += 4;

  if (g_ascii_toupper (*p) == 'Q')
    {
      p++;
      if (!parse_digits (p, 1, &parsed.quarter) ||
          parsed.quarter < 1 ||
          parsed.quarter > 4)
        goto invalid;
      p++;
    }

  if (*p != '\0')
    goto invalid;

  *period = parsed;

  return TRUE;

invalid:
  g_set_error (error,
               CB_PERIOD_ERROR,
               CB_PERIOD_ERROR_INVALID,
               _("“%s” is not a period; expected a fiscal year such as FY2026 "
                 "or a quarter such as FY2026Q1"),
               text);

  return FALSE;
}

char *
cb_period_to_string (const CbPeriod *period)
{
  g_return_val_if_fail (period_is_valid (period), NULL);

  if (period->quarter == 0)
    return g_strdup_printf ("FY%d", period->fiscal_year);

  return g_strdup_printf ("FY%dQ%d", period->fiscal_year, period->quarter);
}

gboolean
cb_period_equal (const CbPeriod *a,
                 const CbPeriod *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->fiscal_year == b->fiscal_year && a->quarter == b->quarter;
}

/* Quarters since the start of fiscal year 0 to the first quarter of the period. */
static int
first_quarter_index (const CbPeriod *period)
{
  return period->fiscal_year * 4 + (period->quarter > 0 ? period->quarter - 1 : 0);
}

int
cb_period_compare (const CbPeriod *a,
                   const CbPeriod *b)
{
  int a_start;
  int b_start;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  a_start = first_quarter_index (a);
  b_start = first_quarter_index (b);

  if (a_start != b_start)
    return a_start < b_start ? -1 : 1;

  /* Same first quarter: a year outlasts its first quarter, so it sorts after. */
  if ((a->quarter == 0) != (b->quarter == 0))
    return a->quarter == 0 ? 1 : -1;

  return 0;
}

static CbPeriod
period_shift (const CbPeriod *period,
              int             steps)
{
  CbPeriod shifted = *period;
  int quarters;

  if (period->quarter == 0)
    {
      shifted.fiscal_year += steps;
      return shifted;
    }

  quarters = first_quarter_index (period) + steps;
  shifted.fiscal_year = quarters / 4;
  shifted.quarter = quarters % 4 + 1;

  return shifted;
}

CbPeriod
cb_period_previous (const CbPeriod *period)
{
  g_return_val_if_fail (period_is_valid (period), (CbPeriod) { 0 });

  return period_shift (period, -1);
}

CbPeriod
cb_period_next (const CbPeriod *period)
{
  g_return_val_if_fail (period_is_valid (period), (CbPeriod) { 0 });

  return period_shift (period, 1);
}

CbPeriod
cb_period_year_ago (const CbPeriod *period)
{
  g_return_val_if_fail (period_is_valid (period), (CbPeriod) { 0 });

  return (CbPeriod) { period->fiscal_year - 1, period->quarter };
}

CbPeriod
cb_period_last_quarter (const CbPeriod *period)
{
  g_return_val_if_fail (period_is_valid (period), (CbPeriod) { 0 });

  return (CbPeriod) { period->fiscal_year, period->quarter == 0 ? 4 : period->quarter };
}

/* Sets date to the first day of the month months_from_start after the first
 * month of the fiscal year.
 */
static void
set_month_start (GDate          *date,
                 const CbPeriod *period,
                 int             start_month,
                 int             months_from_start)
{
  int months = start_month - 1 + months_from_start;

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, months % 12 + 1, period->fiscal_year + months / 12);
}

void
cb_period_dates (const CbPeriod *period,
                 int             start_month,
                 GDate          *first,
                 GDate          *after_last)
{
  int first_month;
  int length;

  g_return_if_fail (period_is_valid (period));
  g_return_if_fail (start_month >= 1 && start_month <= 12);
  g_return_if_fail (first != NULL);
  g_return_if_fail (after_last != NULL);

  first_month = period->quarter > 0 ? (period->quarter - 1) * 3 : 0;
  length = period->quarter > 0 ? 3 : 12;

  set_month_start (first, period, start_month, first_month);
  set_month_start (after_last, period, start_month, first_month + length);
}

static gint64
local_midnight (const GDate *date,
                GTimeZone   *tz)
{
  gint64 seconds = ((gint64) g_date_get_julian (date) - UNIX_EPOCH_JULIAN) * SECONDS_PER_DAY;
  int interval;

  /* A day starts at its first instant: midnight that a DST jump skips becomes
   * the end of the jump, and midnight that a fall-back repeats is taken in the
   * earlier (daylight) interval.
   */
  interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_DAYLIGHT, &seconds);

  return seconds - g_time_zone_get_offset (tz, interval);
}

void
cb_period_bounds (const CbPeriod *period,
                  int             start_month,
                  GTimeZone      *tz,
                  gint64         *start,
                  gint64         *end)
{
  GDate first;
  GDate after_last;

  g_return_if_fail (period_is_valid (period));
  g_return_if_fail (start_month >= 1 && start_month <= 12);
  g_return_if_fail (tz != NULL);
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  cb_period_dates (period, start_month, &first, &after_last);

  *start = local_midnight (&first, tz);
  *end = local_midnight (&after_last, tz);
}

CbPeriod
cb_period_containing_time (gint64     unix_time,
                           int        start_month,
                           GTimeZone *tz,
                           gboolean   quarter)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int year;
  int month;
  int day;

  g_return_val_if_fail (start_month >= 1 && start_month <= 12, (CbPeriod) { 0 });
  g_return_val_if_fail (tz != NULL, (CbPeriod) { 0 });

  utc = g_date_time_new_from_unix_utc (unix_time);
  if (utc != NULL)
    local = g_date_time_to_timezone (utc, tz);
  g_return_val_if_fail (local != NULL, (CbPeriod) { 0 });

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return cb_period_containing_date (&date, start_month, quarter);
}

CbPeriod
cb_period_containing_date (const GDate *date,
                           int          start_month,
                           gboolean     quarter)
{
  CbPeriod period = { 0, 0 };
  int month;
  int months_into_year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), period);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, period);

  month = g_date_get_month (date);
  months_into_year = (month - start_month + 12) % 12;

  period.fiscal_year = g_date_get_year (date) - (month < start_month ? 1 : 0);
  if (quarter)
    period.quarter = months_into_year / 3 + 1;

  return period;
}

void
cb_period_series (const CbPeriod *last,
                  guint           n,
                  CbPeriod       *out)
{
  g_return_if_fail (period_is_valid (last));
  g_return_if_fail (n == 0 || out != NULL);

  for (guint i = 0; i < n; i++)
    out[i] = period_shift (last, -(int) (n - 1 - i));
}
