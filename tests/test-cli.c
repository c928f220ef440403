/* The command-line contract of SPEC §2, by running the built cyberboard-cli (its path comes in
 * CB_CLI) on workbooks and the import fixtures in data/import/. */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cb-test-cli.h"
#include "cb-test-util.h"

/* 2026-11-20T00:00:00Z: the import time the batches show, 09:00 in the workbooks' zone (Tokyo). */
#define NOW "1795132800"

static void
fixture_set_up (CbTestFixture *fixture,
                gconstpointer  data)
{
  g_setenv ("SOURCE_DATE_EPOCH", NOW, TRUE);
  cb_test_fixture_set_up (fixture, data);
}

static void
fixture_tear_down (CbTestFixture *fixture,
                   gconstpointer  data)
{
  cb_test_fixture_tear_down (fixture, data);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
init_workbook (CbTestFixture *fixture)
{
  g_autoptr(CbTestRun) run = cb_test_cli ("init", fixture->path, "--org", "東邦精機株式会社", "--org-en", "Toho Seiki",
                                          NULL);

  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

/* Imports fixture @name as @kind, which must succeed. */
static void
import_ok (CbTestFixture *fixture,
           const char    *kind,
           const char    *name)
{
  g_autofree char *path = cb_test_import_data (name);
  g_autoptr(CbTestRun) run = cb_test_cli ("import", fixture->path, kind, path, NULL);

  g_test_message ("%s", run->err);
  g_assert_cmpint (run->status, ==, 0);
}

/* What the words WORKBOOK, FILE, OUT and PERIOD stand for in a table's command line. */
typedef struct
{
  const char *workbook;
  const char *file;
  const char *output;
  const char *period;
} Arguments;

/* Runs the command line @row, which NULL ends, with its placeholders replaced. */
static CbTestRun *
run_row (const char * const *row,
         const Arguments    *arguments)
{
  const char *args[16] = { NULL };

  for (guint i = 0; row[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (args) - 1);
      if (g_str_equal (row[i], "WORKBOOK"))
        args[i] = arguments->workbook;
      else if (g_str_equal (row[i], "FILE"))
        args[i] = arguments->file;
      else if (g_str_equal (row[i], "OUT"))
        args[i] = arguments->output;
      else if (g_str_equal (row[i], "PERIOD"))
        args[i] = arguments->period;
      else
        args[i] = row[i];
    }
  return cb_test_cli_argv (args);
}

static void
assert_file_holds (const char *path,
                   const char *contents)
{
  g_autoptr(GBytes) bytes = cb_test_file_bytes (path);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, strlen (contents));
}

/* A small JSON reader, enough to check the shape and figures of status --json. */
typedef enum
{
  JSON_NULL,
  JSON_BOOLEAN,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} JsonType;

typedef struct _Json Json;

struct _Json
{
  JsonType   type;
  double     number;
  char      *string;
  GPtrArray *items;   /* arrays: Json; objects: the values, in the order of @keys */
  GPtrArray *keys;
};

static void
json_free (Json *json)
{
  g_free (json->string);
  g_clear_pointer (&json->items, g_ptr_array_unref);
  g_clear_pointer (&json->keys, g_ptr_array_unref);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static Json *json_parse_value (const char **p);

static void
json_skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\r' || **p == '\t')
    (*p)++;
}

static void
json_expect (const char **p,
             const char  *text)
{
  g_assert_true (strncmp (*p, text, strlen (text)) == 0);
  *p += strlen (text);
}

static char *
json_parse_string (const char **p)
{
  GString *text = g_string_new (NULL);

  json_expect (p, "\"");
  while (**p != '"')
    {
      g_assert_cmpint (**p, !=, '\0');
      if (**p != '\\')
        {
          g_string_append_c (text, *(*p)++);
          continue;
        }
      (*p)++;
      switch (*(*p)++)
        {
        case '"': g_string_append_c (text, '"'); break;
        case '\\': g_string_append_c (text, '\\'); break;
        case '/': g_string_append_c (text, '/'); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            g_autofree char *hex = g_strndup (*p, 4);
            gunichar c = g_ascii_strtoull (hex, NULL, 16);

            *p += 4;
            if (c >= 0xD800 && c < 0xDC00)
              {
                g_autofree char *low = NULL;

                json_expect (p, "\\u");
                low = g_strndup (*p, 4);
                *p += 4;
                c = 0x10000 + ((c - 0xD800) << 10) + (g_ascii_strtoull (low, NULL, 16) - 0xDC00);
              }
            g_string_append_unichar (text, c);
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
  (*p)++;
  g_assert_true (g_utf8_validate (text->str, text->len, NULL));
  return g_string_free (text, FALSE);
}

static Json *
json_parse_value (const char **p)
{
  Json *json = g_new0 (Json, 1);

  json_skip_space (p);
  if (**p == '{' || **p == '[')
    {
      gboolean object = *(*p)++ == '{';

      json->type = object ? JSON_OBJECT : JSON_ARRAY;
      json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
      json->keys = g_ptr_array_new_with_free_func (g_free);
      json_skip_space (p);
      while (**p != (object ? '}' : ']'))
        {
          if (json->items->len > 0)
            {
              json_expect (p, ",");
              json_skip_space (p);
            }
          if (object)
            {
              g_ptr_array_add (json->keys, json_parse_string (p));
              json_skip_space (p);
              json_expect (p, ":");
            }
          g_ptr_array_add (json->items, json_parse_value (p));
          json_skip_space (p);
        }
      (*p)++;
    }
  else if (**p == '"')
    {
      json->type = JSON_STRING;
      json->string = json_parse_string (p);
    }
  else if (g_str_has_prefix (*p, "null"))
    {
      json->type = JSON_NULL;
      *p += 4;
    }
  else if (g_str_has_prefix (*p, "true") || g_str_has_prefix (*p, "false"))
    {
      json->type = JSON_BOOLEAN;
      json->number = **p == 't';
      *p += json->number ? 4 : 5;
    }
  else
    {
      char *end = NULL;

      json->type = JSON_NUMBER;
      json->number = g_ascii_strtod (*p, &end);
      g_assert_true (end != *p);
      *p = end;
    }
  return json;
}

static Json *
json_parse (const char *text)
{
  const char *p = text;
  Json *json = json_parse_value (&p);

  json_skip_space (&p);
  g_assert_cmpint (*p, ==, '\0');
  return json;
}

/* The member @key of object @json, which must be there. */
static Json *
member (Json       *json,
        const char *key)
{
  g_assert_cmpint (json->type, ==, JSON_OBJECT);
  for (guint i = 0; i < json->keys->len; i++)
    if (g_str_equal (json->keys->pdata[i], key))
      return json->items->pdata[i];
  g_error ("no member “%s”", key);
}

static Json *
item (Json  *json,
      guint  index)
{
  g_assert_cmpint (json->type, ==, JSON_ARRAY);
  g_assert_cmpuint (index, <, json->items->len);
  return json->items->pdata[index];
}

static void
check_null (Json       *json,
            const char *key)
{
  g_test_message ("%s", key);
  g_assert_cmpint (member (json, key)->type, ==, JSON_NULL);
}

/* @value is the exact figure; @json may round it to two decimals. */
static void
check_number (Json       *json,
              const char *key,
              double      value)
{
  Json *figure = member (json, key);

  g_test_message ("%s", key);
  g_assert_cmpint (figure->type, ==, JSON_NUMBER);
  g_assert_cmpfloat_with_epsilon (figure->number, value, 0.005);
}

static void
check_string (Json       *json,
              const char *key,
              const char *value)
{
  Json *text = member (json, key);

  g_assert_cmpint (text->type, ==, JSON_STRING);
  g_assert_cmpstr (text->string, ==, value);
}

static Json *
find_by_code (Json       *array,
              const char *key,
              const char *code)
{
  for (guint i = 0; i < array->items->len; i++)
    if (g_strcmp0 (member (item (array, i), key)->string, code) == 0)
      return item (array, i);
  g_error ("no %s “%s”", key, code);
}

/* Every member SPEC §2 names, with its type where it does not depend on the data. */
static void
check_status_shape (Json *status)
{
  static const char *const detection[] = {
    "incidents", "with_known_compromise", "median_dwell_days", "mean_dwell_days", "p90_dwell_days",
    "median_hours_to_contain", "median_hours_to_recover", "internal_detection_share", "open_at_period_end",
  };
  static const char *const suppliers[] = {
    "total", "assessed", "high_criticality", "high_criticality_coverage_pct", "mean_score",
  };
  Json *items = member (member (status, "guideline"), "items");

  g_assert_cmpint (member (status, "period")->type, ==, JSON_STRING);
  g_assert_cmpint (member (status, "entity")->type, ==, JSON_STRING);
  check_string (member (status, "guideline"), "version", "3.0");
  member (member (status, "guideline"), "mean_level");
  g_assert_cmpuint (items->items->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("CSMG.D%u", i + 1);

      check_string (item (items, i), "key", key);
      member (item (items, i), "level");
      member (item (items, i), "target");
      member (item (items, i), "status");
    }
  for (guint i = 0; i < G_N_ELEMENTS (detection); i++)
    member (member (status, "detection"), detection[i]);
  for (guint i = 0; i < G_N_ELEMENTS (suppliers); i++)
    member (member (status, "suppliers"), suppliers[i]);
  g_assert_cmpint (member (status, "kpis")->type, ==, JSON_ARRAY);
  for (guint i = 0; i < member (status, "kpis")->items->len; i++)
    {
      Json *kpi = item (member (status, "kpis"), i);

      g_assert_cmpint (member (kpi, "code")->type, ==, JSON_STRING);
      member (kpi, "value");
      member (kpi, "target");
      g_assert_cmpint (member (kpi, "status")->type, ==, JSON_STRING);
    }
  g_assert_cmpint (member (status, "benchmarks")->type, ==, JSON_ARRAY);
  g_assert_cmpuint (member (status, "benchmarks")->items->len, >, 0);
  for (guint i = 0; i < member (status, "benchmarks")->items->len; i++)
    {
      Json *benchmark = item (member (status, "benchmarks"), i);

      g_assert_cmpint (member (benchmark, "code")->type, ==, JSON_STRING);
      member (benchmark, "total");
      g_assert_cmpint (member (benchmark, "max")->type, ==, JSON_NUMBER);
      member (benchmark, "standard_score");
    }
}

static void
test_init_and_check (CbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autofree char *ok_line = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CbTestRun) again = NULL;
  g_autoptr(CbTestRun) check = NULL;
  g_autoptr(CbTestRun) refused = NULL;

  init_workbook (fixture);
  before = cb_test_file_bytes (fixture->path);
  again = cb_test_cli ("init", fixture->path, "--org", "別会社", NULL);
  g_assert_cmpint (again->status, ==, 2);
  g_assert_true (g_str_has_prefix (again->err, "cyberboard-cli: "));
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  check = cb_test_cli ("check", fixture->path, NULL);
  g_assert_cmpint (check->status, ==, 0);
  ok_line = g_strconcat (fixture->path, ": ok (schema ", NULL);
  g_assert_true (g_str_has_prefix (check->out, ok_line));

  g_assert_true (g_file_set_contents (foreign, "取締役会 議事メモ\n", -1, NULL));
  refused = cb_test_cli ("check", foreign, NULL);
  g_assert_cmpint (refused->status, ==, 2);
  g_assert_true (g_str_has_prefix (refused->err, "cyberboard-cli: "));
  g_assert_nonnull (strstr (refused->err, "not a Cyberboard workbook"));
}

static void
test_status_empty (CbTestFixture *fixture,
                   gconstpointer  data)
{
  static const char *const null_detection[] = {
    "median_dwell_days", "mean_dwell_days", "p90_dwell_days", "median_hours_to_contain", "median_hours_to_recover",
    "internal_detection_share",
  };
  g_autoptr(CbTestRun) run = NULL;
  g_autoptr(Json) status = NULL;
  Json *detection, *suppliers, *kpis, *benchmarks;

  init_workbook (fixture);
  run = cb_test_cli ("status", fixture->path, "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  status = json_parse (run->out);
  check_status_shape (status);

  /* Nothing to compute from: null, never 0; counts are 0. */
  check_string (status, "entity", "GROUP");
  check_null (member (status, "guideline"), "mean_level");
  for (guint i = 0; i < 10; i++)
    {
      check_null (item (member (member (status, "guideline"), "items"), i), "level");
      check_null (item (member (member (status, "guideline"), "items"), i), "target");
      check_null (item (member (member (status, "guideline"), "items"), i), "status");
    }
  detection = member (status, "detection");
  check_number (detection, "incidents", 0);
  check_number (detection, "with_known_compromise", 0);
  check_number (detection, "open_at_period_end", 0);
  for (guint i = 0; i < G_N_ELEMENTS (null_detection); i++)
    check_null (detection, null_detection[i]);
  suppliers = member (status, "suppliers");
  check_number (suppliers, "total", 0);
  check_number (suppliers, "assessed", 0);
  check_number (suppliers, "high_criticality", 0);
  check_null (suppliers, "high_criticality_coverage_pct");
  check_null (suppliers, "mean_score");
  kpis = member (status, "kpis");
  for (guint i = 0; i < kpis->items->len; i++)
    {
      check_null (item (kpis, i), "value");
      check_string (item (kpis, i), "status", "grey");
    }
  benchmarks = member (status, "benchmarks");
  for (guint i = 0; i < benchmarks->items->len; i++)
    {
      check_null (item (benchmarks, i), "total");
      check_null (item (benchmarks, i), "standard_score");
    }
}

static void
test_status_imported (CbTestFixture *fixture,
                      gconstpointer  data)
{
  static const char *const files[][2] = {
    { "suppliers", "suppliers-excel-bom.csv" },
    { "questionnaire", "questionnaire.csv" },
    { "responses", "responses-microsoft-forms.csv" },
    { "responses", "responses-google-forms.csv" },
    { "responses", "responses-unicode-text.txt" },
    { "incidents", "incidents-ticketing-cp932.csv" },
    { "assessments", "assessments-excel-bom.csv" },
    { "kpis", "kpis.csv" },
    { "kpi-values", "kpi-values.csv" },
  };
  static const char *const kpi_status[][2] = {
    { "KPI-TRAIN", "red" },    /* 85 below 95 − 5 */
    { "KPI-INVEST", "red" },   /* 1,234,000 against 120,000,000 */
    { "KPI-PATCH", "green" },  /* 12 days, lower is better, target 14 */
    { "KPI-PHISH", "green" },  /* 4.5 %, lower is better, target 5 */
  };
  g_autoptr(CbTestRun) run = NULL;
  g_autoptr(Json) status = NULL;
  Json *guideline, *detection, *suppliers, *d1;

  init_workbook (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    import_ok (fixture, files[i][0], files[i][1]);
  run = cb_test_cli ("status", fixture->path, "--period", "FY2026Q1", "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  status = json_parse (run->out);
  check_status_shape (status);
  check_string (status, "period", "FY2026Q1");

  /* Items 1, 2, 3, 4 and 10 at 3, 2, 1, 4 and 2: 12 / 5. */
  guideline = member (status, "guideline");
  check_number (guideline, "mean_level", 2.4);
  d1 = item (member (guideline, "items"), 0);
  check_number (d1, "level", 3);
  check_number (d1, "target", 4);
  check_string (d1, "status", "operating");
  check_null (item (member (guideline, "items"), 4), "level");

  /* Detected in April–June 2026: INC-2026-0001 (compromised 9:15, detected 10:02, recovered two days
   * later at 18:00, internal) and INC-2026-0002 (no compromise time, external, still open). */
  detection = member (status, "detection");
  check_number (detection, "incidents", 2);
  check_number (detection, "with_known_compromise", 1);
  check_number (detection, "median_dwell_days", 47.0 / (24 * 60));
  check_number (detection, "p90_dwell_days", 47.0 / (24 * 60));
  check_number (detection, "median_hours_to_recover", 55 + 58.0 / 60);
  check_number (detection, "internal_detection_share", 0.5);
  check_number (detection, "open_at_period_end", 1);

  /* SUP-001 and SUP-004 are high and were assessed in May; the five scores are 10/11, 5/8, 4.5/11,
   * 4/11 and 7/10 of their weights: a mean of 60.136…. */
  suppliers = member (status, "suppliers");
  check_number (suppliers, "total", 5);
  check_number (suppliers, "assessed", 5);
  check_number (suppliers, "high_criticality", 2);
  check_number (suppliers, "high_criticality_coverage_pct", 100);
  check_number (suppliers, "mean_score", (1850.0 / 11 + 132.5) / 5);

  for (guint i = 0; i < G_N_ELEMENTS (kpi_status); i++)
    check_string (find_by_code (member (status, "kpis"), "code", kpi_status[i][0]), "status", kpi_status[i][1]);
  check_number (find_by_code (member (status, "kpis"), "code", "KPI-INVEST"), "value", 1234000);
}

static void
test_demo (CbTestFixture *fixture,
           gconstpointer  data)
{
  g_autoptr(CbTestRun) demo = cb_test_cli ("demo", fixture->path, NULL);
  g_autoptr(CbTestRun) status = NULL;
  g_autoptr(Json) json = NULL;

  g_assert_cmpint (demo->status, ==, 0);
  status = cb_test_cli ("status", fixture->path, "--json", NULL);
  g_assert_cmpint (status->status, ==, 0);
  json = json_parse (status->out);
  check_status_shape (json);
  g_assert_cmpint (member (member (json, "guideline"), "mean_level")->type, ==, JSON_NUMBER);
  g_assert_cmpint (member (member (json, "suppliers"), "total")->type, ==, JSON_NUMBER);
}

static void
test_import_broken (CbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = cb_test_import_data ("broken-impossible-date.csv");
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CbTestRun) run = NULL;
  g_autoptr(CbTestRun) unknown_kind = NULL;

  init_workbook (fixture);
  import_ok (fixture, "suppliers", "suppliers-excel-bom.csv");
  before = cb_test_file_bytes (fixture->path);

  run = cb_test_cli ("import", fixture->path, "incidents", path, NULL);
  g_assert_cmpint (run->status, ==, 2);
  expected = g_strdup_printf ("cyberboard-cli: %s:3:5: detected_at: expected a day from 1 to 28 in 2026-02, "
                              "got “2026-02-30 10:00”\n"
                              "cyberboard-cli: %s: 1 problem; nothing was imported\n", path, path);
  g_assert_cmpstr (run->err, ==, expected);
  g_assert_cmpstr (run->out, ==, "");

  unknown_kind = cb_test_cli ("import", fixture->path, "vendors", path, NULL);
  g_assert_cmpint (unknown_kind->status, ==, 2);

  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The messages follow the user's language; the FILE:LINE:COLUMN of a problem stays as it is. */
static void
test_import_broken_japanese (CbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = cb_test_import_data ("broken-impossible-date.csv");
  g_autofree char *expected = NULL;
  g_autoptr(CbTestRun) run = NULL;
  locale_t japanese = newlocale (LC_ALL_MASK, "ja_JP.UTF-8", (locale_t) 0);

  if (japanese == (locale_t) 0)
    {
      g_test_fail_printf ("the ja_JP.UTF-8 locale is not generated; tools/install-deps generates it");
      return;
    }
  freelocale (japanese);

  init_workbook (fixture);
  import_ok (fixture, "suppliers", "suppliers-excel-bom.csv");
  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ja", TRUE);
  run = cb_test_cli ("import", fixture->path, "incidents", path, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpint (run->status, ==, 2);
  expected = g_strdup_printf ("cyberboard-cli: %s:3:5: detected_at: 2026-02 の日は 1～28 で指定してください"
                              "（入力値: “2026-02-30 10:00”）\n"
                              "cyberboard-cli: %s: 問題が 1 件あるため、何も取り込みませんでした\n", path, path);
  g_assert_cmpstr (run->err, ==, expected);
}

static void
test_preview_json (CbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autofree char *unicode_text = cb_test_import_data ("responses-unicode-text.txt");
  g_autofree char *header_only = cb_test_import_data ("header-only.csv");
  g_autofree char *nul = cb_test_import_data ("broken-nul.csv");
  g_autoptr(CbTestRun) rows = cb_test_cli ("preview", unicode_text, "--rows", "2", "--json", NULL);
  g_autoptr(CbTestRun) none = cb_test_cli ("preview", header_only, "--json", NULL);
  g_autoptr(CbTestRun) broken = cb_test_cli ("preview", nul, "--json", NULL);

  g_assert_cmpint (rows->status, ==, 0);
  g_assert_cmpstr (rows->out, ==,
                   "{\"encoding\": \"UTF-16LE\", \"delimiter\": \"\\t\", "
                   "\"header\": [\"取引先コード\", \"質問票\", \"設問番号\", \"回答\", \"回答日\", \"コメント\"], "
                   "\"rows\": [[\"SUP-005\", \"SCQ-2026\", \"Q1\", \"Yes\", \"2026/6/15\", \"\"], "
                   "[\"SUP-005\", \"SCQ-2026\", \"Q2\", \"Partial\", \"2026/6/15\", "
                   "\"月次で取得、オフライン保管は四半期ごと\\t（テープ）\"]]}\n");
  g_assert_cmpint (none->status, ==, 0);
  g_assert_cmpstr (none->out, ==,
                   "{\"encoding\": \"UTF-8-BOM\", \"delimiter\": \",\", "
                   "\"header\": [\"取引先コード\", \"取引先名\", \"国\", \"重要度\"], \"rows\": []}\n");
  g_assert_cmpint (broken->status, ==, 2);
  g_assert_cmpstr (broken->out, ==, "");
}

static void
test_batches_undo_export (CbTestFixture *fixture,
                          gconstpointer  data)
{
  static const char exported[] =
    "\xEF\xBB\xBF" "code,name,country,criticality,services,data_access,owner,confidentiality\r\n"
    "SUP-001,株式会社北斗データセンター,JP,high,\"データセンター運用, 保守\",personal,情報システム部,internal\r\n"
    "SUP-002,\"Acme \"\"Cloud\"\" Inc.\",US,medium,SaaS(経費精算),confidential,経理部,board\r\n"
    "SUP-003,山田印刷株式会社,JP,low,ダイレクトメール印刷・発送,personal,マーケティング部,board\r\n"
    "SUP-004,Saigon Software Co.,VN,high,オフショア開発,internal,開発部,internal\r\n"
    "SUP-005,東日本ロジスティクス株式会社,JP,medium,倉庫・配送,none,物流部,board\r\n";
  g_autofree char *suppliers = cb_test_import_data ("suppliers-excel-bom.csv");
  g_autofree char *change = cb_test_import_data ("suppliers-change-excel-bom.csv");
  g_autofree char *output = g_build_filename (fixture->dir, "suppliers.csv", NULL);
  g_autofree char *first_line = NULL;
  g_autofree char *second_line = NULL;
  g_autoptr(CbTestRun) first = NULL;
  g_autoptr(CbTestRun) second = NULL;
  g_autoptr(CbTestRun) batches = NULL;
  g_autoptr(CbTestRun) refused = NULL;
  g_autoptr(CbTestRun) undo = NULL;
  g_autoptr(CbTestRun) undo_again = NULL;
  g_autoptr(CbTestRun) listed = NULL;
  g_autoptr(CbTestRun) to_file = NULL;
  g_autoptr(CbTestRun) to_stdout = NULL;
  g_autoptr(GBytes) written = NULL;

  init_workbook (fixture);
  first = cb_test_cli ("import", fixture->path, "suppliers", suppliers, NULL);
  g_assert_cmpint (first->status, ==, 0);
  first_line = g_strconcat (suppliers, ": 5 rows (5 new, 0 updated), UTF-8-BOM, batch 1\n", NULL);
  g_assert_cmpstr (first->out, ==, first_line);
  second = cb_test_cli ("import", fixture->path, "suppliers", change, NULL);
  second_line = g_strconcat (change, ": 2 rows (1 new, 1 updated), UTF-8-BOM, batch 2\n", NULL);
  g_assert_cmpstr (second->out, ==, second_line);

  batches = cb_test_cli ("batches", fixture->path, NULL);
  g_assert_cmpint (batches->status, ==, 0);
  g_assert_nonnull (strstr (batches->out, "2026-11-20 09:00"));
  g_assert_nonnull (strstr (batches->out, "suppliers-change-excel-bom.csv (ceec946d6110)"));
  g_assert_nonnull (strstr (batches->out, "suppliers-excel-bom.csv (1cf13c4d8be1)"));
  g_assert_null (strstr (batches->out, "[undone]"));

  /* Batch 2 changed a row of batch 1, which therefore stays until batch 2 is undone. */
  refused = cb_test_cli ("undo", fixture->path, "1", NULL);
  g_assert_cmpint (refused->status, ==, 2);
  g_assert_nonnull (strstr (refused->err, "undo the later imports first"));
  undo = cb_test_cli ("undo", fixture->path, "2", NULL);
  g_assert_cmpint (undo->status, ==, 0);
  g_assert_cmpstr (undo->out, ==, "import batch 2 undone\n");
  undo_again = cb_test_cli ("undo", fixture->path, "2", NULL);
  g_assert_cmpint (undo_again->status, ==, 2);
  listed = cb_test_cli ("batches", fixture->path, NULL);
  g_assert_nonnull (strstr (listed->out, "[undone]"));

  /* The export is the first file as the workbook holds it: what undo restored, in English values. */
  to_file = cb_test_cli ("export", fixture->path, "suppliers", "-o", output, NULL);
  g_assert_cmpint (to_file->status, ==, 0);
  written = cb_test_file_bytes (output);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), exported, strlen (exported));
  to_stdout = cb_test_cli ("export", fixture->path, "suppliers", NULL);
  g_assert_cmpstr (to_stdout->out, ==, exported);
}

static void
test_dry_run_and_mapping (CbTestFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *suppliers = cb_test_import_data ("suppliers-excel-bom.csv");
  g_autofree char *grc = cb_test_import_data ("suppliers-grc-semicolon.csv");
  g_autofree char *dry_line = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_dry = NULL;
  g_autoptr(GBytes) after_mapping = NULL;
  g_autoptr(CbTestRun) dry = NULL;
  g_autoptr(CbTestRun) dry_save = NULL;
  g_autoptr(CbTestRun) not_saved = NULL;
  g_autoptr(CbTestRun) save = NULL;
  g_autoptr(CbTestRun) undo = NULL;
  g_autoptr(CbTestRun) reuse = NULL;
  g_autoptr(CbTestRun) exported = NULL;

  init_workbook (fixture);
  before = cb_test_file_bytes (fixture->path);
  dry = cb_test_cli ("import", fixture->path, "suppliers", suppliers, "--dry-run", NULL);
  g_assert_cmpint (dry->status, ==, 0);
  dry_line = g_strconcat (suppliers, ": 5 rows (5 new, 0 updated), UTF-8-BOM, dry run: nothing written\n", NULL);
  g_assert_cmpstr (dry->out, ==, dry_line);
  after_dry = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after_dry));

  /* A dry run saves no mapping either. */
  dry_save = cb_test_cli ("import", fixture->path, "suppliers", grc, "--map", "code=Vendor Ref", "--map", "name=Legal Name",
                  "--save-mapping", "grc-tool", "--dry-run", NULL);
  g_assert_cmpint (dry_save->status, ==, 0);
  after_mapping = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after_mapping));
  not_saved = cb_test_cli ("import", fixture->path, "suppliers", grc, "--mapping", "grc-tool", NULL);
  g_assert_cmpint (not_saved->status, ==, 2);
  g_assert_nonnull (strstr (not_saved->err, "no saved mapping “grc-tool” for suppliers"));

  save = cb_test_cli ("import", fixture->path, "suppliers", grc, "--map", "code=Vendor Ref", "--map", "name=Legal Name",
              "--save-mapping", "grc-tool", NULL);
  g_assert_cmpint (save->status, ==, 0);
  undo = cb_test_cli ("undo", fixture->path, "1", NULL);
  g_assert_cmpint (undo->status, ==, 0);
  reuse = cb_test_cli ("import", fixture->path, "suppliers", grc, "--mapping", "grc-tool", NULL);
  g_assert_cmpint (reuse->status, ==, 0);
  exported = cb_test_cli ("export", fixture->path, "suppliers", NULL);
  g_assert_cmpstr (exported->out, ==,
                   "\xEF\xBB\xBF" "code,name,country,criticality,services,data_access,owner,confidentiality\r\n"
                   "V-1001,Nordlicht Hosting GmbH,DE,high,,,,board\r\n"
                   "V-1002,Kaizen Analytics K.K.,JP,low,,,,board\r\n");
}

/* Every command that writes a file refuses to write it over the workbook, however the output names it, or
 * over the journal SQLite keeps beside it; names that only look alike are fine. */
static void
test_output_is_workbook (CbTestFixture *fixture,
                         gconstpointer  data)
{
  static const char *const commands[][7] = {
    { "export", "WORKBOOK", "suppliers", "-o", "OUT" },
    { "report", "WORKBOOK", "--type", "board", "-o", "OUT" },
    { "evaluation", "export", "WORKBOOK", "OUT" },
  };
  /* In the workbook's folder, where link.cyberboard is a symbolic and hard.cyberboard a hard link to
   * test.cyberboard. */
  static const char *const workbooks[] = { "test.cyberboard", "link.cyberboard" };
  static const struct
  {
    const char *name;
    gboolean    refused;
  } outputs[] = {
    { "test.cyberboard", TRUE },
    { "./test.cyberboard", TRUE },
    { "sub/../test.cyberboard", TRUE },
    { "link.cyberboard", TRUE },
    { "hard.cyberboard", TRUE },
    { "test.cyberboard-journal", TRUE },
    { "sub/../test.cyberboard-journal", TRUE },
    { "test.cyberboard-wal", TRUE },
    /* SQLite names the journal after the file a link leads to, not after the link. */
    { "link.cyberboard-journal", FALSE },
    { "test.cyberboard.out", FALSE },
  };
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.cyberboard", NULL);
  g_autofree char *hard_path = g_build_filename (fixture->dir, "hard.cyberboard", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autoptr(CbTestRun) demo = cb_test_cli ("demo", fixture->path, NULL);
  g_autoptr(GBytes) before = NULL;

  g_assert_cmpint (demo->status, ==, 0);
  g_assert_cmpint (symlink ("test.cyberboard", link_path), ==, 0);
  g_assert_cmpint (link (fixture->path, hard_path), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  before = cb_test_file_bytes (fixture->path);

  for (guint w = 0; w < G_N_ELEMENTS (workbooks); w++)
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      for (guint j = 0; j < G_N_ELEMENTS (outputs); j++)
        {
          g_autofree char *workbook = g_build_filename (fixture->dir, workbooks[w], NULL);
          g_autofree char *output = g_build_filename (fixture->dir, outputs[j].name, NULL);
          g_autofree char *prefix = g_strdup_printf ("cyberboard-cli: %s: ", output);
          g_autoptr(CbTestRun) run = run_row (commands[i], &(Arguments) { .workbook = workbook, .output = output });
          g_autoptr(GBytes) after = cb_test_file_bytes (fixture->path);

          g_test_message ("%s %s -o %s: %s", commands[i][0], workbooks[w], outputs[j].name, run->err);
          if (outputs[j].refused)
            {
              g_assert_cmpint (run->status, ==, 2);
              g_assert_true (g_str_has_prefix (run->err, prefix));
              g_assert_nonnull (strstr (run->err, "choose another output file"));
            }
          else
            g_assert_cmpint (run->status, ==, 0);
          g_assert_true (g_bytes_equal (before, after));
          g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
          g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
        }
}

/* An invalid --period is bad input in every command that takes one, refused before anything is written:
 * the workbook and an existing output file stay as they were. */
static void
test_invalid_period (CbTestFixture *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *args[9];
    gboolean    reads_cell_forms;  /* reads --period as it reads a period cell, where 2026Q1 is FY2026Q1 */
  } commands[] = {
    { { "status", "WORKBOOK", "--period", "PERIOD" }, FALSE },
    { { "export", "WORKBOOK", "incidents", "--period", "PERIOD", "-o", "OUT" }, FALSE },
    { { "report", "WORKBOOK", "--type", "board", "--period", "PERIOD", "-o", "OUT" }, FALSE },
    /* The file names a period on every row, so the option would never be used. */
    { { "import", "WORKBOOK", "kpi-values", "FILE", "--period", "PERIOD" }, TRUE },
  };
  static const struct
  {
    const char *text;
    gboolean    cell_form;
  } periods[] = {
    { "FY2026Q9", FALSE },
    { "FY2026Q5", FALSE },
    { "FY2026Q0", FALSE },
    { "2026Q1", TRUE },
  };
  g_autofree char *values = cb_test_import_data ("kpi-values.csv");
  g_autofree char *kept = g_build_filename (fixture->dir, "kept.txt", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "kept.out", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  init_workbook (fixture);
  import_ok (fixture, "kpis", "kpis.csv");
  before = cb_test_file_bytes (fixture->path);
  g_assert_true (g_file_set_contents (kept, "keep\n", -1, NULL));
  /* GIO writes through a link in place, so only a check before writing keeps the file behind it. */
  g_assert_cmpint (symlink ("kept.txt", output), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
      {
        g_autofree char *quoted = g_strdup_printf ("“%s”", periods[j].text);
        g_autoptr(CbTestRun) run = NULL;

        if (commands[i].reads_cell_forms && periods[j].cell_form)
          continue;
        run = run_row (commands[i].args, &(Arguments) { .workbook = fixture->path, .file = values, .output = output,
                                                       .period = periods[j].text });
        g_test_message ("%s --period %s: %s", commands[i].args[0], periods[j].text, run->err);
        g_assert_cmpint (run->status, ==, 2);
        g_assert_true (g_str_has_prefix (run->err, "cyberboard-cli: "));
        g_assert_nonnull (strstr (run->err, quoted));
        g_assert_cmpstr (run->out, ==, "");
        g_assert_true (g_file_test (output, G_FILE_TEST_IS_SYMLINK));
        assert_file_holds (kept, "keep\n");
      }
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* An export that fails once it has started writing leaves an existing output file as it was and creates
 * none. */
static void
test_export_failure_keeps_output (CbTestFixture *fixture,
                                  gconstpointer  data)
{
  g_autofree char *kept = g_build_filename (fixture->dir, "incidents.csv", NULL);
  g_autofree char *fresh = g_build_filename (fixture->dir, "new.csv", NULL);
  g_autoptr(CbTestRun) over = NULL;
  g_autoptr(CbTestRun) created = NULL;
  sqlite3 *db = NULL;

  init_workbook (fixture);
  /* Without its table the export fails after the header, as any failure while reading rows would. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE incidents", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_set_contents (kept, "keep\n", -1, NULL));

  over = cb_test_cli ("export", fixture->path, "incidents", "-o", kept, NULL);
  g_assert_cmpint (over->status, ==, 1);
  g_assert_true (g_str_has_prefix (over->err, "cyberboard-cli: "));
  assert_file_holds (kept, "keep\n");

  created = cb_test_cli ("export", fixture->path, "incidents", "-o", fresh, NULL);
  g_assert_cmpint (created->status, ==, 1);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

/* A directory given as a workbook is bad input like any other file that is not one, whatever the command.
 * FILE is a real workbook, so that only the directory is wrong. */
static void
test_directory_as_workbook (CbTestFixture *fixture,
                            gconstpointer  data)
{
  static const char *const commands[][7] = {
    { "status", "WORKBOOK" },
    { "check", "WORKBOOK" },
    { "batches", "WORKBOOK" },
    { "undo", "WORKBOOK", "1" },
    { "import", "WORKBOOK", "suppliers", "FILE" },
    { "export", "WORKBOOK", "suppliers" },
    { "report", "WORKBOOK", "--type", "board", "-o", "OUT" },
    { "evaluation", "export", "WORKBOOK", "OUT" },
    { "evaluation", "import", "WORKBOOK", "FILE" },
    { "merge", "WORKBOOK", "FILE" },
    { "merge", "FILE", "WORKBOOK" },
  };
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.cyberboard", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *expected = g_strdup_printf ("cyberboard-cli: %s: a directory, not a Cyberboard workbook\n", folder);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  init_workbook (fixture);
  before = cb_test_file_bytes (fixture->path);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CbTestRun) run = run_row (commands[i], &(Arguments) { .workbook = folder, .file = fixture->path,
                                                                      .output = output });

      g_test_message ("%s %s", commands[i][0], commands[i][1]);
      g_assert_cmpint (run->status, ==, 2);
      g_assert_cmpstr (run->err, ==, expected);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_usage (CbTestFixture *fixture,
            gconstpointer  data)
{
  static const char *const commands[] = {
    "init", "demo", "status", "preview", "import", "batches", "undo", "export", "check",
  };
  g_autoptr(CbTestRun) unknown = cb_test_cli ("frobnicate", fixture->path, NULL);
  g_autoptr(CbTestRun) nothing = cb_test_cli (NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CbTestRun) help = cb_test_cli (commands[i], "--help", NULL);

      g_test_message ("%s --help", commands[i]);
      g_assert_cmpint (help->status, ==, 0);
      g_assert_true (g_str_has_prefix (help->out, "Usage:"));
    }
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_true (g_str_has_prefix (unknown->err, "cyberboard-cli: unknown command “frobnicate”\n"));
  g_assert_cmpint (nothing->status, ==, 2);
}

#define ADD(path, fn) g_test_add (path, CbTestFixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/cli/init-and-check", test_init_and_check);
  ADD ("/cli/status/empty", test_status_empty);
  ADD ("/cli/status/imported", test_status_imported);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/import-broken", test_import_broken);
  ADD ("/cli/import-broken/japanese", test_import_broken_japanese);
  ADD ("/cli/preview-json", test_preview_json);
  ADD ("/cli/batches-undo-export", test_batches_undo_export);
  ADD ("/cli/dry-run-and-mapping", test_dry_run_and_mapping);
  ADD ("/cli/output-is-workbook", test_output_is_workbook);
  ADD ("/cli/invalid-period", test_invalid_period);
  ADD ("/cli/export-failure-keeps-output", test_export_failure_keeps_output);
  ADD ("/cli/directory-as-workbook", test_directory_as_workbook);
  ADD ("/cli/usage", test_usage);

  return g_test_run ();
}
