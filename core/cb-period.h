/* cb-period.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CB_PERIOD_ERROR (cb_period_error_quark ())

typedef enum
{
  CB_PERIOD_ERROR_INVALID,
} CbPeriodError;

/* A fiscal quarter, or a whole fiscal year when quarter is 0. The fiscal year is
 * named by the calendar year in which it starts.
 */
typedef struct
{
  int fiscal_year;
  int quarter;
} CbPeriod;

GQuark   cb_period_error_quark     (void);

/* Parses "FY2026Q1" or "FY2026", ignoring case and surrounding white space. */
gboolean cb_period_parse           (const char      *text,
                                    CbPeriod        *period,
                                    GError         **error);

/* Returns the text form, "FY2026Q1" or "FY2026"; free with g_free(). */
char    *cb_period_to_string       (const CbPeriod  *period);

gboolean cb_period_equal           (const CbPeriod  *a,
                                    const CbPeriod  *b);

/* Orders periods by their first day; a whole year sorts after the quarter that
 * starts on the same day.
 */
int      cb_period_compare         (const CbPeriod  *a,
                                    const CbPeriod  *b);

/* The period of the same kind immediately before or after. */
CbPeriod cb_period_previous        (const CbPeriod  *period);
CbPeriod cb_period_next            (const CbPeriod  *period);

/* The same quarter (or year) one fiscal year earlier. */
CbPeriod cb_period_year_ago        (const CbPeriod  *period);

/* The quarter whose state a period reports: the period itself, or a fiscal year's fourth quarter. */
CbPeriod cb_period_last_quarter    (const CbPeriod  *period);

/* Stores the first day of the period and the first day after it, for a fiscal
 * year starting in start_month (1–12).
 */
void     cb_period_dates           (const CbPeriod  *period,
                                    int              start_month,
                                    GDate           *first,
                                    GDate           *after_last);

/* Stores the period as unix seconds [start, end): local midnight in tz of its
 * first day and of the first day after it.
 */
void     cb_period_bounds          (const CbPeriod  *period,
                                    int              start_month,
                                    GTimeZone       *tz,
                                    gint64          *start,
                                    gint64          *end);

/* Returns the quarter, or the fiscal year if quarter is FALSE, holding the
 * given instant as seen in tz.
 */
CbPeriod cb_period_containing_time (gint64           unix_time,
                                    int              start_month,
                                    GTimeZone       *tz,
                                    gboolean         quarter);

/* Returns the quarter, or the fiscal year if quarter is FALSE, holding date. */
CbPeriod cb_period_containing_date (const GDate     *date,
                                    int              start_month,
                                    gboolean         quarter);

/* Fills out[n] with the n periods of last's kind ending with last, oldest first. */
void     cb_period_series          (const CbPeriod  *last,
                                    guint            n,
                                    CbPeriod        *out);

G_END_DECLS
