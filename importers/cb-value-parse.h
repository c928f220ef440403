/* cb-value-parse.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads values as people and spreadsheets write them into the canonical text of core (cb-record.h).
 *
 * Every function ignores surrounding white space and reads full-width characters like their ASCII
 * forms (NFKC). On success it stores a newly allocated canonical string in *@canonical; on failure
 * it returns FALSE with a CB_VALUE_ERROR whose message says what was expected and quotes the value
 * (cut to 40 characters), for the importer to place after "FILE:LINE:COLUMN: ".
 */

#define CB_VALUE_ERROR (cb_value_error_quark ())

typedef enum
{
  CB_VALUE_ERROR_INVALID,
} CbValueError;

GQuark   cb_value_error_quark      (void);

/* Reads a date and time as "2026-04-01T09:00:00+09:00" (ISO 8601, with "Z", an offset or neither,
 * a space for the "T", seconds and fractions of them optional), "2026/4/1 9:05[:00]" (Excel),
 * "2026年4月1日 9:05" or "2026年4月1日9時5分[0秒]". A time without an offset is in @zone; a date
 * alone is its midnight there. Years run from 1900 to 9999. Stores the instant as seen in @zone,
 * to the second: "2026-04-01T09:05:00+09:00".
 */
gboolean cb_value_parse_timestamp  (const char          *text,
                                    GTimeZone           *zone,
                                    char               **canonical,
                                    GError             **error);
/* Reads a date in the forms cb_value_parse_timestamp() accepts, as "YYYY-MM-DD". A time of day is
 * accepted only when it is midnight without an offset, as spreadsheets write dates in date-time
 * cells; any other time is an error rather than dropped. */
gboolean cb_value_parse_date       (const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Reads a number written with thousands separators ("1,234,567"), a sign ("-", "−", or "△"/"▲",
 * the Japanese accounting minus), a yen mark ("¥", "\" as CP932 shows it, or "円" after), a
 * trailing "%", a fraction and an exponent. The number is kept as written: "85%" is 85. A comma
 * only ever separates thousands, so "1,5" and "1,2,3" are errors, never guessed at. */
gboolean cb_value_parse_number     (const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Like cb_value_parse_number(), for a whole number ("3.00" is 3, "3.5" an error). */
gboolean cb_value_parse_integer    (const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Reads a value of the enumerated @field ("criticality", "severity") through the vocabulary of the
 * reference catalog, so "1 - Critical" and "緊急" are both severity "1". When @values is not NULL
 * the result must be one of them, and a field the catalog has no vocabulary for accepts exactly
 * these values, in any case. */
gboolean cb_value_parse_enum       (const char          *field,
                                    const char *const   *values,
                                    const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Reads "yes" or "no" through the vocabulary of @field ("material"): "はい", "True", "1", … */
gboolean cb_value_parse_boolean    (const char          *field,
                                    const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Reads a fiscal period: "FY2026Q1", "FY2026 Q1", "2026Q1", "2026 1Q", "2026年度第1四半期",
 * "2026年度Q1"; a year alone ("FY2026", "2026年度", "2026") is the whole fiscal year. */
gboolean cb_value_parse_period     (const char          *text,
                                    char               **canonical,
                                    GError             **error);
/* Reads an item of the default guideline framework (CSMG) as its key, id, number or prefixed
 * number ("CSMG.D3", "D3", "3", "指示3"), giving the key. */
gboolean cb_value_parse_item_key   (const char          *text,
                                    char               **canonical,
                                    GError             **error);

G_END_DECLS
