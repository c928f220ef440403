/* cb-value-parse.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cb-period.h"
#include "cb-record.h"
#include "cb-reference.h"
#include "cb-value-parse.h"

#define QUOTE_LENGTH 40
#define MIN_YEAR     1900

/* 2^53: every whole number up to it is exact in a double. */
#define MAX_INTEGER 9007199254740992.0

G_DEFINE_QUARK (cb-value-error-quark, cb_value_error)

/* Quotes @text for a message on one line: valid UTF-8, control characters as spaces, cut short. */
static char *
quote_value (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *cut = NULL;

  for (char *p = valid; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      *p = ' ';
  if (g_utf8_strlen (valid, -1) <= QUOTE_LENGTH)
    return g_strdup_printf ("“%s”", valid);
  cut = g_utf8_substring (valid, 0, QUOTE_LENGTH - 1);
  return g_strdup_printf ("“%s…”", cut);
}

/* Fails with "WHAT, got “TEXT”". */
static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError     **error,
         const char  *text,
         const char  *format,
         ...)
{
  g_autofree char *expected = NULL;
  g_autofree char *quoted = quote_value (text);
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s says what was expected, such as “expected a month from 1 to 12”; the second is
   * the value of the cell, quoted. */
  g_set_error (error, CB_VALUE_ERROR, CB_VALUE_ERROR_INVALID, _("%s, got %s"), expected, quoted);
  return FALSE;
}

/* NFKC (full-width digits and punctuation to ASCII, the ideographic space to a space), trimmed.
 * Returns NULL when @text is not valid UTF-8. */
static char *
fold (const char *text)
{
  /* GLib 2.74's g_utf8_normalize() reads past the end of text cut inside a character. */
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  return g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_NFKC));
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    (*p)++;
}

static gboolean
scan_text (const char **p,
           const char  *literal)
{
  gsize length = strlen (literal);

  if (strncmp (*p, literal, length) != 0)
    return FALSE;
  *p += length;
  return TRUE;
}

/* Reads @min to @max decimal digits, and fails when more follow. */
static gboolean
scan_digits (const char **p,
             guint        min,
             guint        max,
             int         *value)
{
  const char *s = *p;
  guint count = 0;
  int number = 0;

  while (count < max && g_ascii_isdigit (*s))
    {
      number = number * 10 + (*s - '0');
      s++;
      count++;
    }
  if (count < min || g_ascii_isdigit (*s))
    return FALSE;
  *value = number;
  *p = s;
  return TRUE;
}

/* Reads exactly @n digits, whatever follows. */
static gboolean
scan_fixed_digits (const char **p,
                   guint        n,
                   int         *value)
{
  int number = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      number = number * 10 + ((*p)[i] - '0');
    }
  *value = number;
  *p += n;
  return TRUE;
}

typedef struct
{
  int      year;
  int      month;
  int      day;
  gboolean has_time;
  int      hour;
  int      minute;
  int      second;
  gboolean has_offset;
  int      offset_sign;
  int      offset_hours;
  int      offset_minutes;
} Stamp;

static gboolean
scan_date (const char **p,
           Stamp       *stamp)
{
  const char *s = *p;

  if (!scan_digits (&s, 4, 4, &stamp->year))
    return FALSE;
  if (scan_text (&s, "年"))
    {
      skip_spaces (&s);
      if (!scan_digits (&s, 1, 2, &stamp->month) || !scan_text (&s, "月"))
        return FALSE;
      skip_spaces (&s);
      if (!scan_digits (&s, 1, 2, &stamp->day) || !scan_text (&s, "日"))
        return FALSE;
    }
  else if (*s == '-' || *s == '/' || *s == '.')
    {
      char separator = *s++;

      if (!scan_digits (&s, 1, 2, &stamp->month) || *s != separator)
        return FALSE;
      s++;
      if (!scan_digits (&s, 1, 2, &stamp->day))
        return FALSE;
    }
  else
    return FALSE;

  *p = s;
  return TRUE;
}

static gboolean
scan_time (const char **p,
           Stamp       *stamp)
{
  const char *s = *p;

  if (!scan_digits (&s, 1, 2, &stamp->hour))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!scan_digits (&s, 2, 2, &stamp->minute))
        return FALSE;
      if (*s == ':')
        {
          s++;
          if (!scan_digits (&s, 2, 2, &stamp->second))
            return FALSE;
          /* Fractions of a second are dropped: canonical times are to the second. */
          if (*s == '.' || *s == ',')
            {
              s++;
              if (!g_ascii_isdigit (*s))
                return FALSE;
              while (g_ascii_isdigit (*s))
                s++;
            }
        }
    }
  else if (scan_text (&s, "時"))
    {
      if (scan_digits (&s, 1, 2, &stamp->minute))
        {
          if (!scan_text (&s, "分"))
            return FALSE;
          if (scan_digits (&s, 1, 2, &stamp->second) && !scan_text (&s, "秒"))
            return FALSE;
        }
    }
  else
    return FALSE;

  stamp->has_time = TRUE;
  *p = s;
  return TRUE;
}

static gboolean
scan_offset (const char **p,
             Stamp       *stamp)
{
  const char *s = *p;

  if (*s == 'Z' || *s == 'z')
    {
      s++;
      stamp->offset_sign = 1;
    }
  else if (*s == '+' || *s == '-')
    {
      stamp->offset_sign = *s == '-' ? -1 : 1;
      s++;
      if (!scan_fixed_digits (&s, 2, &stamp->offset_hours))
        return FALSE;
      /* "+09:00", "+0900" or "+09". */
      if (*s == ':')
        {
          s++;
          if (!scan_fixed_digits (&s, 2, &stamp->offset_minutes))
            return FALSE;
        }
      else if (g_ascii_isdigit (*s) && !scan_fixed_digits (&s, 2, &stamp->offset_minutes))
        return FALSE;
    }
  else
    return FALSE;

  stamp->has_offset = TRUE;
  *p = s;
  return TRUE;
}

/* Reads the forms of cb_value_parse_timestamp() from folded text, without checking ranges. */
static gboolean
scan_stamp (const char *s,
            Stamp      *stamp)
{
  memset (stamp, 0, sizeof *stamp);

  if (!scan_date (&s, stamp))
    return FALSE;
  skip_spaces (&s);
  if (*s == '\0')
    return TRUE;
  if (*s == 'T' || *s == 't')
    s++;
  if (!scan_time (&s, stamp))
    return FALSE;
  skip_spaces (&s);
  if (*s != '\0' && !scan_offset (&s, stamp))
    return FALSE;
  return *s == '\0';
}

static gboolean
check_stamp (const Stamp  *stamp,
             const char   *text,
             GError      **error)
{
  /* Older years are typing mistakes here, and cb_format_timestamp() writes them without four digits. */
  if (stamp->year < MIN_YEAR)
    return invalid (error, text, _("expected a year from %d to 9999"), MIN_YEAR);
  if (stamp->month < 1 || stamp->month > 12)
    return invalid (error, text, _("expected a month from 1 to 12"));
  if (stamp->day < 1 || stamp->day > g_date_get_days_in_month (stamp->month, stamp->year))
    return invalid (error, text, _("expected a day from 1 to %d in %04d-%02d"),
                    g_date_get_days_in_month (stamp->month, stamp->year), stamp->year, stamp->month);
  if (stamp->hour > 23)
    return invalid (error, text, _("expected an hour from 0 to 23"));
  if (stamp->minute > 59)
    return invalid (error, text, _("expected minutes from 0 to 59"));
  if (stamp->second > 59)
    return invalid (error, text, _("expected seconds from 0 to 59"));
  if (stamp->offset_hours > 14 || stamp->offset_minutes > 59)
    return invalid (error, text, _("expected a UTC offset from -14:00 to +14:00"));
  return TRUE;
}

gboolean
cb_value_parse_timestamp (const char  *text,
                          GTimeZone   *zone,
                          char       **canonical,
                          GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GTimeZone) stamp_zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  Stamp stamp;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  folded = fold (text);
  if (folded == NULL || !scan_stamp (folded, &stamp))
    return invalid (error, text,
                    _("expected a date and time such as 2026-04-01T09:00:00+09:00, 2026/4/1 9:00 or 2026年4月1日 9時00分"));
  if (!check_stamp (&stamp, text, error))
    return FALSE;

  if (stamp.has_offset)
    stamp_zone = g_time_zone_new_offset (stamp.offset_sign * (stamp.offset_hours * 3600 + stamp.offset_minutes * 60));
  else
    stamp_zone = g_time_zone_ref (zone);
  time = g_date_time_new (stamp_zone, stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second);
  if (time != NULL)
    utc = g_date_time_to_utc (time);
  if (utc != NULL)
    local = g_date_time_to_timezone (utc, zone);
  if (local == NULL || g_date_time_get_year (local) < MIN_YEAR)
    return invalid (error, text, _("expected a date and time between the years %d and 9999"), MIN_YEAR);

  *canonical = cb_format_timestamp (g_date_time_to_unix (utc), zone);
  return TRUE;
}

gboolean
cb_value_parse_date (const char  *text,
                     char       **canonical,
                     GError     **error)
{
  g_autofree char *folded = NULL;
  Stamp stamp;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  folded = fold (text);
  if (folded == NULL || !scan_stamp (folded, &stamp))
    return invalid (error, text, _("expected a date such as 2026-04-01, 2026/4/1 or 2026年4月1日"));
  if (!check_stamp (&stamp, text, error))
    return FALSE;
  if (stamp.hour != 0 || stamp.minute != 0 || stamp.second != 0 || stamp.has_offset)
    return invalid (error, text, _("expected a date without a time of day"));

  *canonical = g_strdup_printf ("%04d-%02d-%02d", stamp.year, stamp.month, stamp.day);
  return TRUE;
}

/* Reads digits with optional thousands separators into @clean: groups of three after the first,
 * which has one to three digits. */
static gboolean
scan_grouped_digits (const char **p,
                     GString     *clean)
{
  const char *s = *p;
  guint group = 0;
  gboolean grouped = FALSE;

  for (;; s++)
    {
      if (g_ascii_isdigit (*s))
        {
          g_string_append_c (clean, *s);
          group++;
        }
      else if (*s == ',')
        {
          if (group == 0 || group > 3 || (grouped && group != 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }
  if (grouped && group != 3)
    return FALSE;
  *p = s;
  return TRUE;
}

static gboolean
read_number (const char *text,
             double     *value)
{
  g_autofree char *folded = fold (text);
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean has_sign = FALSE;
  gboolean has_unit = FALSE;
  gboolean has_digits;
  gsize sign_length;
  const char *s;
  char *end;

  if (folded == NULL)
    return FALSE;
  s = folded;

  /* A sign and a yen mark come in either order: "-¥1,000" and "¥-1,000". */
  for (guint i = 0; i < 2; i++)
    {
      skip_spaces (&s);
      if (!has_sign && (scan_text (&s, "-") || scan_text (&s, "−") || scan_text (&s, "△") || scan_text (&s, "▲")))
        {
          g_string_append_c (clean, '-');
          has_sign = TRUE;
        }
      else if (!has_sign && scan_text (&s, "+"))
        has_sign = TRUE;
      else if (!has_unit && (scan_text (&s, "¥") || scan_text (&s, "\\")))
        has_unit = TRUE;
    }
  skip_spaces (&s);

  sign_length = clean->len;
  if (!scan_grouped_digits (&s, clean))
    return FALSE;
  has_digits = clean->len > sign_length;
  if (*s == '.')
    {
      s++;
      g_string_append_c (clean, '.');
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        g_string_append_c (clean, *s++);
      has_digits = TRUE;
    }
  if (!has_digits)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      g_string_append_c (clean, *s++);
      if (*s == '+' || *s == '-')
        g_string_append_c (clean, *s++);
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        g_string_append_c (clean, *s++);
    }

  skip_spaces (&s);
  if (!has_unit && !scan_text (&s, "%"))
    scan_text (&s, "円");
  skip_spaces (&s);
  if (*s != '\0')
    return FALSE;

  *value = g_ascii_strtod (clean->str, &end);
  g_assert (*end == '\0');
  /* Adding zero turns -0 into 0. */
  *value += 0.0;
  return isfinite (*value);
}

gboolean
cb_value_parse_number (const char  *text,
                       char       **canonical,
                       GError     **error)
{
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  if (!read_number (text, &value))
    return invalid (error, text, _("expected a number such as 1234.5, 1,234 or 85%% (commas separate thousands only)"));
  *canonical = cb_format_number (value);
  return TRUE;
}

gboolean
cb_value_parse_integer (const char  *text,
                        char       **canonical,
                        GError     **error)
{
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  if (!read_number (text, &value) || value != floor (value) || fabs (value) > MAX_INTEGER)
    return invalid (error, text, _("expected a whole number such as 12 or 1,234"));
  *canonical = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return TRUE;
}

/* Finds @text among @values, compared as cb_catalog_normalize() folds them. */
static const char *
match_value (const char *const *values,
             const char        *text)
{
  g_autofree char *folded = cb_catalog_normalize (text);

  if (folded == NULL)
    return NULL;
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *value = cb_catalog_normalize (values[i]);

      if (g_strcmp0 (folded, value) == 0)
        return values[i];
    }
  return NULL;
}

gboolean
cb_value_parse_enum (const char         *field,
                     const char *const  *values,
                     const char         *text,
                     char              **canonical,
                     GError            **error)
{
  CbCatalog *catalog;
  const char *value;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  catalog = cb_reference_catalog (error);
  if (catalog == NULL)
    return FALSE;

  value = cb_catalog_lookup_enum (catalog, field, text);
  if (value == NULL && values != NULL)
    value = match_value (values, text);
  if (value != NULL && (values == NULL || g_strv_contains (values, value)))
    {
      *canonical = g_strdup (value);
      return TRUE;
    }

  if (values != NULL)
    {
      g_autofree char *listed = g_strjoinv (", ", (char **) values);

      return invalid (error, text, _("expected %s: one of %s"), field, listed);
    }
  return invalid (error, text, _("expected a value of %s"), field);
}

gboolean
cb_value_parse_boolean (const char  *field,
                        const char  *text,
                        char       **canonical,
                        GError     **error)
{
  static const char *const yes_no[] = { "yes", "no", NULL };

  return cb_value_parse_enum (field, yes_no, text, canonical, error);
}

gboolean
cb_value_parse_period (const char  *text,
                       char       **canonical,
                       GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  CbPeriod period;
  const char *s;
  int year;
  int quarter = 0;
  gboolean has_quarter = TRUE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  folded = cb_catalog_normalize (text);
  if (folded == NULL)
    goto syntax;
  for (const char *p = folded; *p != '\0'; p++)
    if (strchr (" -_/", *p) == NULL)
      g_string_append_c (compact, *p);
  s = compact->str;

  scan_text (&s, "fy");
  /* A digit may follow the year directly: "20261q". */
  if (!scan_fixed_digits (&s, 4, &year))
    goto syntax;
  scan_text (&s, "年度");
  if (scan_text (&s, "q"))
    {
      if (!scan_digits (&s, 1, 1, &quarter))
        goto syntax;
    }
  else if (scan_text (&s, "第"))
    {
      if (!scan_digits (&s, 1, 1, &quarter) || !scan_text (&s, "四半期"))
        goto syntax;
    }
  else if (g_ascii_isdigit (*s))
    {
      if (!scan_digits (&s, 1, 1, &quarter) || !scan_text (&s, "q"))
        goto syntax;
    }
  else
    has_quarter = FALSE;
  if (*s != '\0')
    goto syntax;
  if (has_quarter && (quarter < 1 || quarter > 4))
    return invalid (error, text, _("expected a quarter from 1 to 4"));

  period_text = has_quarter ? g_strdup_printf ("FY%dQ%d", year, quarter) : g_strdup_printf ("FY%d", year);
  if (!cb_period_parse (period_text, &period, NULL))
    return invalid (error, text, _("expected a fiscal year from 1900 to 9999"));
  *canonical = cb_period_to_string (&period);
  return TRUE;

syntax:
  return invalid (error, text, _("expected a fiscal period such as FY2026Q1, FY2026 or 2026年度第1四半期"));
}

gboolean
cb_value_parse_item_key (const char  *text,
                         char       **canonical,
                         GError     **error)
{
  CbCatalog *catalog;
  CbFramework *framework;
  const char *key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  catalog = cb_reference_catalog (error);
  if (catalog == NULL)
    return FALSE;
  framework = cb_catalog_find_framework (catalog, "CSMG", NULL);
  if (framework != NULL)
    key = cb_framework_item_key_parse (framework, text);
  if (key == NULL)
    return invalid (error, text, _("expected a guideline item such as CSMG.D3, D3, 指示3 or 3"));
  *canonical = g_strdup (key);
  return TRUE;
}
