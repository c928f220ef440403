/* test-value-parse.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-value-parse.h"

/* A value and either its canonical form or the whole error message. */
typedef struct
{
  const char *text;
  const char *canonical;
  const char *message;
} ParseCase;

typedef gboolean (*ParseFunc) (const char  *text,
                               char       **canonical,
                               GError     **error);

#define TIMESTAMP_EXPECTED "expected a date and time such as 2026-04-01T09:00:00+09:00, 2026/4/1 9:00 or " \
                           "2026年4月1日 9時00分, got "
#define DATE_EXPECTED "expected a date such as 2026-04-01, 2026/4/1 or 2026年4月1日, got "
#define NUMBER_EXPECTED "expected a number such as 1234.5, 1,234 or 85% (commas separate thousands only), got "
#define INTEGER_EXPECTED "expected a whole number such as 12 or 1,234, got "
#define PERIOD_EXPECTED "expected a fiscal period such as FY2026Q1, FY2026 or 2026年度第1四半期, got "
#define ITEM_EXPECTED "expected a guideline item such as CSMG.D3, D3, 指示3 or 3, got "

static void
check_result (const ParseCase *test,
              gboolean         ok,
              char            *canonical,
              GError          *error)
{
  g_autofree char *shown = g_utf8_make_valid (test->text, -1);

  g_test_message ("“%s”", shown);
  if (test->canonical != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (canonical, ==, test->canonical);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, CB_VALUE_ERROR, CB_VALUE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, test->message);
    }
}

static void
run_cases (ParseFunc        parse,
           const ParseCase *cases,
           gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = parse (cases[i].text, &canonical, &error);

      check_result (&cases[i], ok, canonical, error);
    }
}

static gboolean
parse_timestamp_tokyo (const char  *text,
                       char       **canonical,
                       GError     **error)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);

  return cb_value_parse_timestamp (text, tokyo, canonical, error);
}

static void
test_timestamp (void)
{
  static const ParseCase cases[] = {
    { "2026-04-01T09:00:00+09:00", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01T00:00:00Z", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01t00:00:00z", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01T09:00:00", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01T09:00", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01 09:00:00", "2026-04-01T09:00:00+09:00" },
    { "2026-04-01 9:05", "2026-04-01T09:05:00+09:00" },
    { "2026-04-01T09:00:00.123+09:00", "2026-04-01T09:00:00+09:00" },
    /* 20:00 at UTC-5 is 01:00 UTC, 10:00 in Tokyo. */
    { "2026-03-31T20:00:00-05:00", "2026-04-01T10:00:00+09:00" },
    /* 09:00 at UTC+5:30 is 03:30 UTC, 12:30 in Tokyo. */
    { "2026-04-01T09:00:00+0530", "2026-04-01T12:30:00+09:00" },
    { "2026-04-01 09:00 +05:30", "2026-04-01T12:30:00+09:00" },
    { "2026-12-31 23:59:59Z", "2027-01-01T08:59:59+09:00" },
    { "2026/4/1", "2026-04-01T00:00:00+09:00" },
    { "2026/4/1 9:05", "2026-04-01T09:05:00+09:00" },
    { "2026/04/01 9:05:30", "2026-04-01T09:05:30+09:00" },
    { "2026.4.1 17:30", "2026-04-01T17:30:00+09:00" },
    { "2024/2/29 0:00", "2024-02-29T00:00:00+09:00" },
    { "2026年4月1日", "2026-04-01T00:00:00+09:00" },
    { "2026年4月1日 9:05", "2026-04-01T09:05:00+09:00" },
    { "2026年4月1日9時5分", "2026-04-01T09:05:00+09:00" },
    { "2026年 4月 1日 17時30分15秒", "2026-04-01T17:30:15+09:00" },
    { "2026年4月1日 9時", "2026-04-01T09:00:00+09:00" },
    { "２０２６／４／１　９：０５", "2026-04-01T09:05:00+09:00" },
    { "  2026/4/1 9:05\t", "2026-04-01T09:05:00+09:00" },

    { "2026-02-30", NULL, "expected a day from 1 to 28 in 2026-02, got “2026-02-30”" },
    { "2025/2/29 9:00", NULL, "expected a day from 1 to 28 in 2025-02, got “2025/2/29 9:00”" },
    { "2026/4/31", NULL, "expected a day from 1 to 30 in 2026-04, got “2026/4/31”" },
    { "2026/13/1", NULL, "expected a month from 1 to 12, got “2026/13/1”" },
    { "2026/0/1", NULL, "expected a month from 1 to 12, got “2026/0/1”" },
    { "1899-12-31", NULL, "expected a year from 1900 to 9999, got “1899-12-31”" },
    /* Found by fuzzing: the canonical form of years before 1000 lacked its fourth digit. */
    { "0356-03-01T20:00:33", NULL, "expected a year from 1900 to 9999, got “0356-03-01T20:00:33”" },
    /* Both ends hold in Tokyo time too. */
    { "1900-01-01T00:00:00+10:00", NULL,
      "expected a date and time between the years 1900 and 9999, got “1900-01-01T00:00:00+10:00”" },
    { "9999-12-31T23:00:00-05:00", NULL,
      "expected a date and time between the years 1900 and 9999, got “9999-12-31T23:00:00-05:00”" },
    { "9999-12-31T23:59:59+09:00", "9999-12-31T23:59:59+09:00" },
    { "2026/4/1 25:00", NULL, "expected an hour from 0 to 23, got “2026/4/1 25:00”" },
    { "2026/4/1 24:00", NULL, "expected an hour from 0 to 23, got “2026/4/1 24:00”" },
    { "2026/4/1 9:61", NULL, "expected minutes from 0 to 59, got “2026/4/1 9:61”" },
    { "2026/4/1 9:05:60", NULL, "expected seconds from 0 to 59, got “2026/4/1 9:05:60”" },
    { "2026-04-01T09:00:00+15:00", NULL,
      "expected a UTC offset from -14:00 to +14:00, got “2026-04-01T09:00:00+15:00”" },
    { "25:61", NULL, TIMESTAMP_EXPECTED "“25:61”" },
    { "abc", NULL, TIMESTAMP_EXPECTED "“abc”" },
    { "", NULL, TIMESTAMP_EXPECTED "“”" },
    { "4/1/2026", NULL, TIMESTAMP_EXPECTED "“4/1/2026”" },
    { "2026-04-01T", NULL, TIMESTAMP_EXPECTED "“2026-04-01T”" },
    { "2026-04-01 9", NULL, TIMESTAMP_EXPECTED "“2026-04-01 9”" },
    { "2026-04-0109:00", NULL, TIMESTAMP_EXPECTED "“2026-04-0109:00”" },
    { "2026-04/01", NULL, TIMESTAMP_EXPECTED "“2026-04/01”" },
    { "2026/4/1 9:5", NULL, TIMESTAMP_EXPECTED "“2026/4/1 9:5”" },
    { "2026/4/1 9:05 JST", NULL, TIMESTAMP_EXPECTED "“2026/4/1 9:05 JST”" },
    { "2026年4月1日 9時5", NULL, TIMESTAMP_EXPECTED "“2026年4月1日 9時5”" },
    /* Long values are cut to 39 characters and an ellipsis. */
    { "01234567890123456789012345678901234567890123456789", NULL,
      TIMESTAMP_EXPECTED "“012345678901234567890123456789012345678…”" },
    /* Line breaks would split the message. */
    { "2026\n04", NULL, TIMESTAMP_EXPECTED "“2026 04”" },
  };

  run_cases (parse_timestamp_tokyo, cases, G_N_ELEMENTS (cases));
}

static void
test_timestamp_utc (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *canonical = NULL;
  g_autofree char *converted = NULL;

  g_assert_true (cb_value_parse_timestamp ("2026/4/1 9:05", utc, &canonical, NULL));
  g_assert_cmpstr (canonical, ==, "2026-04-01T09:05:00Z");
  g_assert_true (cb_value_parse_timestamp ("2026-04-01T09:05:00+09:00", utc, &converted, NULL));
  g_assert_cmpstr (converted, ==, "2026-04-01T00:05:00Z");
}

static void
test_date (void)
{
  static const ParseCase cases[] = {
    { "2026-04-01", "2026-04-01" },
    { "2026-4-1", "2026-04-01" },
    { "2026/4/1", "2026-04-01" },
    { "2026/04/01", "2026-04-01" },
    { "2026年4月1日", "2026-04-01" },
    { "２０２６年４月１日", "2026-04-01" },
    { " 2024/2/29 ", "2024-02-29" },
    /* Spreadsheets write dates in date-time cells with a midnight time. */
    { "2026/4/1 0:00", "2026-04-01" },
    { "2026-04-01 00:00:00", "2026-04-01" },

    { "2026/4/1 9:05", NULL, "expected a date without a time of day, got “2026/4/1 9:05”" },
    { "2026-04-01T00:00:00+09:00", NULL, "expected a date without a time of day, got “2026-04-01T00:00:00+09:00”" },
    { "2026-02-30", NULL, "expected a day from 1 to 28 in 2026-02, got “2026-02-30”" },
    { "2026/13/1", NULL, "expected a month from 1 to 12, got “2026/13/1”" },
    { "20260401", NULL, DATE_EXPECTED "“20260401”" },
    { "26/4/1", NULL, DATE_EXPECTED "“26/4/1”" },
    { "April 1, 2026", NULL, DATE_EXPECTED "“April 1, 2026”" },
    { "", NULL, DATE_EXPECTED "“”" },
  };

  run_cases (cb_value_parse_date, cases, G_N_ELEMENTS (cases));
}

static void
test_number (void)
{
  static const ParseCase cases[] = {
    { "1234", "1234" },
    { "1,234,567", "1234567" },
    { "１２３", "123" },
    { "１，２３４．５", "1234.5" },
    { "  42 ", "42" },
    { "85%", "85" },
    { "85 %", "85" },
    { "８５％", "85" },
    { "99.99%", "99.99" },
    { "¥1,000", "1000" },
    { "￥1,000", "1000" },
    { "\\1,000", "1000" },
    { "1,000円", "1000" },
    { "1,000 円", "1000" },
    { "-1,234", "-1234" },
    { "△1,234", "-1234" },
    { "▲500", "-500" },
    { "−3", "-3" },
    { "－３", "-3" },
    { "-¥1,000", "-1000" },
    { "¥-1,000", "-1000" },
    { "△ ¥ 1,000", "-1000" },
    { "+5", "5" },
    { "12.5", "12.5" },
    { "1,234.5", "1234.5" },
    { ".5", "0.5" },
    { "0.1", "0.1" },
    { "-0", "0" },
    { "0012", "12" },
    { "1.5e3", "1500" },
    { "2.5E-1", "0.25" },

    { "abc", NULL, NUMBER_EXPECTED "“abc”" },
    { "1,2,3", NULL, NUMBER_EXPECTED "“1,2,3”" },
    { "1,5", NULL, NUMBER_EXPECTED "“1,5”" },
    { "12,5", NULL, NUMBER_EXPECTED "“12,5”" },
    { "1,23", NULL, NUMBER_EXPECTED "“1,23”" },
    { "1234,567", NULL, NUMBER_EXPECTED "“1234,567”" },
    { "1,234,56", NULL, NUMBER_EXPECTED "“1,234,56”" },
    { ",123", NULL, NUMBER_EXPECTED "“,123”" },
    { "1 000", NULL, NUMBER_EXPECTED "“1 000”" },
    { "", NULL, NUMBER_EXPECTED "“”" },
    { "-", NULL, NUMBER_EXPECTED "“-”" },
    { "1.", NULL, NUMBER_EXPECTED "“1.”" },
    { "1e", NULL, NUMBER_EXPECTED "“1e”" },
    { "¥", NULL, NUMBER_EXPECTED "“¥”" },
    { "85%%", NULL, NUMBER_EXPECTED "“85%%”" },
    { "¥1,000円", NULL, NUMBER_EXPECTED "“¥1,000円”" },
    { "--1", NULL, NUMBER_EXPECTED "“--1”" },
    { "1e999", NULL, NUMBER_EXPECTED "“1e999”" },
    { "nan", NULL, NUMBER_EXPECTED "“nan”" },
    { "0x1A", NULL, NUMBER_EXPECTED "“0x1A”" },
    /* Bytes that are not UTF-8 are shown as U+FFFD. */
    { "1\xff", NULL, NUMBER_EXPECTED "“1\xef\xbf\xbd”" },
    /* Found by fuzzing, seen under valgrind: GLib's normalisation read past the end of this. */
    { "5\xef", NULL, NUMBER_EXPECTED "“5\xef\xbf\xbd”" },
  };

  run_cases (cb_value_parse_number, cases, G_N_ELEMENTS (cases));
}

static void
test_integer (void)
{
  static const ParseCase cases[] = {
    { "3", "3" },
    { "1,234", "1234" },
    { "3.00", "3" },
    { "-2", "-2" },
    { "△2", "-2" },
    { "１２", "12" },
    { "9007199254740992", "9007199254740992" },

    { "3.5", NULL, INTEGER_EXPECTED "“3.5”" },
    { "1e16", NULL, INTEGER_EXPECTED "“1e16”" },
    { "three", NULL, INTEGER_EXPECTED "“three”" },
  };

  run_cases (cb_value_parse_integer, cases, G_N_ELEMENTS (cases));
}

static void
test_enum (void)
{
  static const char *const criticality[] = { "high", "medium", "low", NULL };
  static const char *const source[] = { "manual", "computed", "imported", NULL };
  static const struct
  {
    const char         *field;
    const char *const  *values;
    ParseCase           test;
  } cases[] = {
    { "criticality", criticality, { "高", "high" } },
    { "criticality", criticality, { "High", "high" } },
    { "criticality", criticality, { "ＨＩＧＨ", "high" } },
    { "criticality", criticality, { " 中 ", "medium" } },
    { "criticality", NULL, { "low", "low" } },
    { "severity", NULL, { "1 - Critical", "1" } },
    { "severity", NULL, { "緊急", "1" } },
    { "severity", NULL, { "Sev2", "2" } },
    { "severity", NULL, { "P3", "3" } },
    { "severity", NULL, { "4", "4" } },
    { "confidentiality", NULL, { "社外秘", "internal" } },
    { "confidentiality", NULL, { "取締役会限り", "board" } },
    { "confidentiality", NULL, { "公開", "public" } },
    { "detection_source", NULL, { "外部通報", "external" } },
    { "detection_source", NULL, { "自社検知", "internal" } },
    { "detection_source", NULL, { "Third party", "external" } },
    { "data_access", NULL, { "個人情報", "personal" } },
    { "data_access", NULL, { "なし", "none" } },
    { "direction", NULL, { "高いほど良い", "higher" } },
    { "direction", NULL, { "Lower is better", "lower" } },
    { "unit", NULL, { "件", "count" } },
    { "unit", NULL, { "円", "JPY" } },
    { "unit", NULL, { "%", "%" } },
    { "unit", NULL, { "日", "days" } },
    { "status", NULL, { "対応中", "in_progress" } },
    { "status", NULL, { "運用・見直し済", "operating" } },
    { "status", NULL, { "未着手", "not_started" } },
    { "material", NULL, { "はい", "yes" } },
    /* No vocabulary in the catalog: the values themselves, in any case and width. */
    { "source", source, { "Manual", "manual" } },
    { "source", source, { "ＩＭＰＯＲＴＥＤ", "imported" } },

    { "criticality", criticality, { "very high", NULL,
      "expected criticality: one of high, medium, low, got “very high”" } },
    { "severity", NULL, { "5", NULL, "expected a value of severity, got “5”" } },
    /* A leading number counts only when it is itself a value. */
    { "severity", NULL, { "12 - Critical", NULL, "expected a value of severity, got “12 - Critical”" } },
    { "source", source, { "auto", NULL, "expected source: one of manual, computed, imported, got “auto”" } },
    { "no_such_field", NULL, { "x", NULL, "expected a value of no_such_field, got “x”" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = cb_value_parse_enum (cases[i].field, cases[i].values, cases[i].test.text, &canonical, &error);

      check_result (&cases[i].test, ok, canonical, error);
    }
}

static gboolean
parse_material (const char  *text,
                char       **canonical,
                GError     **error)
{
  return cb_value_parse_boolean ("material", text, canonical, error);
}

static void
test_boolean (void)
{
  static const ParseCase cases[] = {
    { "yes", "yes" },
    { "はい", "yes" },
    { "True", "yes" },
    { "1", "yes" },
    { "no", "no" },
    { "いいえ", "no" },
    { "FALSE", "no" },
    { "0", "no" },
    { "maybe", NULL, "expected material: one of yes, no, got “maybe”" },
    { "", NULL, "expected material: one of yes, no, got “”" },
  };

  run_cases (parse_material, cases, G_N_ELEMENTS (cases));
}

static void
test_period (void)
{
  static const ParseCase cases[] = {
    { "FY2026Q1", "FY2026Q1" },
    { "fy2026q1", "FY2026Q1" },
    { "FY2026 Q1", "FY2026Q1" },
    { "FY2026-Q2", "FY2026Q2" },
    { "2026Q1", "FY2026Q1" },
    { "2026 Q3", "FY2026Q3" },
    { "2026 1Q", "FY2026Q1" },
    { "FY2026 4Q", "FY2026Q4" },
    { "2026年度第1四半期", "FY2026Q1" },
    { "2026年度 第2四半期", "FY2026Q2" },
    { "２０２６年度第３四半期", "FY2026Q3" },
    { "2026年度Q4", "FY2026Q4" },
    { "FY2026", "FY2026" },
    { "2026年度", "FY2026" },
    { "2026", "FY2026" },
    { " ＦＹ２０２５ ", "FY2025" },

    { "FY2026Q5", NULL, "expected a quarter from 1 to 4, got “FY2026Q5”" },
    { "FY2026Q0", NULL, "expected a quarter from 1 to 4, got “FY2026Q0”" },
    { "2026年度第5四半期", NULL, "expected a quarter from 1 to 4, got “2026年度第5四半期”" },
    { "FY1899", NULL, "expected a fiscal year from 1900 to 9999, got “FY1899”" },
    { "2026年第1四半期", NULL, PERIOD_EXPECTED "“2026年第1四半期”" },
    { "Q1", NULL, PERIOD_EXPECTED "“Q1”" },
    { "FY26Q1", NULL, PERIOD_EXPECTED "“FY26Q1”" },
    { "FY2026Q", NULL, PERIOD_EXPECTED "“FY2026Q”" },
    { "FY2026Q12", NULL, PERIOD_EXPECTED "“FY2026Q12”" },
    { "2026年度第1", NULL, PERIOD_EXPECTED "“2026年度第1”" },
    { "", NULL, PERIOD_EXPECTED "“”" },
  };

  run_cases (cb_value_parse_period, cases, G_N_ELEMENTS (cases));
}

static void
test_item_key (void)
{
  static const ParseCase cases[] = {
    { "CSMG.D3", "CSMG.D3" },
    { "D3", "CSMG.D3" },
    { "d10", "CSMG.D10" },
    { "指示3", "CSMG.D3" },
    { "3", "CSMG.D3" },
    { "３", "CSMG.D3" },
    { " D1 ", "CSMG.D1" },

    { "D11", NULL, ITEM_EXPECTED "“D11”" },
    { "0", NULL, ITEM_EXPECTED "“0”" },
    { "abc", NULL, ITEM_EXPECTED "“abc”" },
  };

  run_cases (cb_value_parse_item_key, cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value-parse/timestamp", test_timestamp);
  g_test_add_func ("/value-parse/timestamp-utc", test_timestamp_utc);
  g_test_add_func ("/value-parse/date", test_date);
  g_test_add_func ("/value-parse/number", test_number);
  g_test_add_func ("/value-parse/integer", test_integer);
  g_test_add_func ("/value-parse/enum", test_enum);
  g_test_add_func ("/value-parse/boolean", test_boolean);
  g_test_add_func ("/value-parse/period", test_period);
  g_test_add_func ("/value-parse/item-key", test_item_key);

  return g_test_run ();
}
