/* Imports of files as Excel, survey tools and ticketing systems write them, broken files, re-import,
 * undo, dry runs, saved mappings and exports. Every expected value is worked out by hand from the
 * fixtures in data/import/. */

#include <string.h>

#include "cb-batch.h"
#include "cb-csv-reader.h"
#include "cb-demo.h"
#include "cb-exporter.h"
#include "cb-importer.h"
#include "cb-mapping.h"
#include "cb-record.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

/* 2026-11-20T00:00:00Z, the "now" of the rule against dates in the future. */
#define NOW "1795132800"

static const CbOrganisation organisation = {
  .name_ja = "東邦精機株式会社", .name_en = "Toho Seiki", .fiscal_year_start = 4,
  .time_zone = "Asia/Tokyo", .language = "ja",
};

static void
fixture_set_up (CbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", NOW, TRUE);
  cb_test_fixture_set_up (fixture, data);
  fixture->workbook = cb_workbook_create (fixture->path, &organisation, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (CbTestFixture *fixture,
                   gconstpointer  data)
{
  cb_test_fixture_tear_down (fixture, data);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static CbImportResult *
import_with (CbWorkbook            *workbook,
             const char            *path,
             const CbImportOptions *options)
{
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;

  if (!cb_import_file (workbook, path, options, result, NULL, NULL, NULL, &error))
    {
      for (guint i = 0; i < result->problems->len; i++)
        {
          g_autofree char *line = cb_import_problem_format (result, result->problems->pdata[i]);
          g_test_message ("%s", line);
        }
      g_error ("importing %s: %s", path, error->message);
    }
  g_assert_cmpuint (result->n_errors, ==, 0);
  return g_steal_pointer (&result);
}

/* Imports the fixture @name as @kind with the default options, which must succeed. */
static CbImportResult *
import_ok (CbWorkbook *workbook,
           const char *kind,
           const char *name)
{
  g_autofree char *path = cb_test_import_data (name);

  return import_with (workbook, path, &(CbImportOptions) { .kind = kind });
}

static CbRecord *
find_record (CbWorkbook *workbook,
             const char *kind,
             const char *key_field,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = cb_workbook_list_records (workbook, cb_kind_lookup (kind), NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cb_record_get (records->pdata[i], key_field), key) == 0)
      return cb_record_ref (records->pdata[i]);
  return NULL;
}

static guint
count_records (CbWorkbook *workbook,
               const char *kind)
{
  g_autoptr(GPtrArray) records = cb_workbook_list_records (workbook, cb_kind_lookup (kind), NULL, NULL);

  g_assert_nonnull (records);
  return records->len;
}

/* One stored value: @value NULL means the field is empty. */
typedef struct
{
  const char *key;
  const char *field;
  const char *value;
} Expected;

static void
check_values (CbWorkbook     *workbook,
              const char     *kind,
              const char     *key_field,
              const Expected *expected,
              gsize           n_expected)
{
  for (gsize i = 0; i < n_expected; i++)
    {
      g_autoptr(CbRecord) record = find_record (workbook, kind, key_field, expected[i].key);

      g_test_message ("%s %s %s", kind, expected[i].key, expected[i].field);
      g_assert_nonnull (record);
      g_assert_cmpstr (cb_record_get (record, expected[i].field), ==, expected[i].value);
    }
}

/* The warnings of @result, formatted, in the order they were found. */
static void
check_warnings (const CbImportResult *result,
                const char *const    *expected)
{
  guint n = 0;

  for (guint i = 0; i < result->problems->len; i++)
    {
      const CbImportProblem *problem = result->problems->pdata[i];
      g_autofree char *line = NULL;
      g_autofree char *wanted = NULL;

      if (!problem->warning)
        continue;
      g_assert_nonnull (expected[n]);
      line = cb_import_problem_format (result, problem);
      wanted = g_strconcat (result->file_name, expected[n], NULL);
      g_assert_cmpstr (line, ==, wanted);
      n++;
    }
  g_assert_null (expected[n]);
}

static gint64
query_int (CbWorkbook *workbook,
           const char *sql)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static const CbBatch *
batch_with_id (GPtrArray *batches,
               gint64     id)
{
  for (guint i = 0; i < batches->len; i++)
    if (((const CbBatch *) batches->pdata[i])->id == id)
      return batches->pdata[i];
  g_assert_not_reached ();
}

static void
test_incidents_ticketing (CbTestFixture *fixture,
                          gconstpointer  data)
{
  static const char *const warnings[] = {
    ":1: warning: column “ステータス” is not a field of incidents; it is not imported",
    ":1: warning: column “担当者” is not a field of incidents; it is not imported",
    NULL,
  };
  /* Times without an offset are in the workbook's zone, Asia/Tokyo (+09:00); empty cells stay empty. */
  static const Expected expected[] = {
    { "INC-2026-0001", "title", "標的型メールによるPCのマルウェア感染" },
    { "INC-2026-0001", "severity", "1" },
    { "INC-2026-0001", "category", "マルウェア" },
    { "INC-2026-0001", "occurred_at", "2026-04-03T09:15:00+09:00" },
    { "INC-2026-0001", "detected_at", "2026-04-03T10:02:00+09:00" },
    { "INC-2026-0001", "reported_at", "2026-04-03T11:30:00+09:00" },
    { "INC-2026-0001", "contained_at", "2026-04-03T15:00:00+09:00" },
    { "INC-2026-0001", "recovered_at", "2026-04-05T18:00:00+09:00" },
    { "INC-2026-0001", "detection_source", "internal" },
    { "INC-2026-0001", "material", "yes" },
    { "INC-2026-0001", "confidentiality", "internal" },
    { "INC-2026-0001", "entity", "GROUP" },
    { "INC-2026-0002", "severity", "2" },
    { "INC-2026-0002", "occurred_at", NULL },
    { "INC-2026-0002", "detected_at", "2026-05-20T14:40:00+09:00" },
    { "INC-2026-0002", "contained_at", "2026-05-21T09:00:00+09:00" },
    { "INC-2026-0002", "recovered_at", NULL },
    { "INC-2026-0002", "detection_source", "external" },
    { "INC-2026-0002", "material", "no" },
    { "INC-2026-0002", "confidentiality", "board" },
    { "INC-2026-0003", "severity", "3" },
    { "INC-2026-0003", "occurred_at", "2026-06-28T23:50:00+09:00" },
    { "INC-2026-0003", "detected_at", "2026-07-01T08:05:00+09:00" },
    { "INC-2026-0003", "reported_at", NULL },
    { "INC-2026-0003", "contained_at", NULL },
    { "INC-2026-0003", "confidentiality", "public" },
    { "INC-2026-0004", "title", "VPN装置の脆弱性(CVE-2026-0001)悪用, 緊急パッチ適用" },
    { "INC-2026-0004", "severity", "4" },
    { "INC-2026-0004", "detected_at", "2026-08-12T13:20:30+09:00" },
    { "INC-2026-0004", "recovered_at", "2026-08-13T12:00:00+09:00" },
  };
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "incidents", "incidents-ticketing-cp932.csv");
  g_autoptr(GPtrArray) batches = cb_batch_list (fixture->workbook, NULL);
  const CbBatch *batch;

  g_assert_cmpstr (result->encoding, ==, "CP932");
  g_assert_cmpstr (result->delimiter, ==, ",");
  g_assert_cmpint (result->rows, ==, 4);
  g_assert_cmpint (result->inserted, ==, 4);
  g_assert_cmpint (result->updated, ==, 0);
  check_warnings (result, warnings);
  g_assert_cmpuint (count_records (fixture->workbook, "incidents"), ==, 4);
  check_values (fixture->workbook, "incidents", "id", expected, G_N_ELEMENTS (expected));

  /* The provenance names the file as sha256sum(1) and wc(1) see it. */
  batch = batch_with_id (batches, result->batch_id);
  g_assert_cmpstr (batch->kind, ==, "incidents");
  g_assert_cmpstr (batch->file_name, ==, "incidents-ticketing-cp932.csv");
  g_assert_cmpstr (batch->sha256, ==, "8ced599d5d5d4708a3305db0fbf3ff56ae139b2cc1497902989e2ab50f19ed2e");
  g_assert_cmpint (batch->size, ==, 799);
  g_assert_cmpstr (batch->encoding, ==, "CP932");
  g_assert_cmpstr (batch->delimiter, ==, ",");
  g_assert_cmpint (batch->rows_read, ==, 4);
  g_assert_cmpint (batch->rows_inserted, ==, 4);
  g_assert_cmpint (batch->imported_at, ==, g_ascii_strtoll (NOW, NULL, 10));
  g_assert_cmpint (batch->undone_at, ==, 0);
}

static void
test_suppliers_excel (CbTestFixture *fixture,
                      gconstpointer  data)
{
  static const char *const warnings[] = {
    ":1: warning: column “備考” is not a field of suppliers; it is not imported",
    NULL,
  };
  static const Expected expected[] = {
    { "SUP-001", "name", "株式会社北斗データセンター" },
    { "SUP-001", "country", "JP" },
    { "SUP-001", "criticality", "high" },
    { "SUP-001", "services", "データセンター運用, 保守" },
    { "SUP-001", "data_access", "personal" },
    { "SUP-001", "owner", "情報システム部" },
    { "SUP-001", "confidentiality", "internal" },
    { "SUP-002", "name", "Acme \"Cloud\" Inc." },
    { "SUP-002", "criticality", "medium" },
    { "SUP-002", "data_access", "confidential" },
    { "SUP-002", "confidentiality", "board" },
    { "SUP-003", "criticality", "low" },
    { "SUP-003", "confidentiality", "board" },  /* empty: the default */
    { "SUP-004", "country", "VN" },
    { "SUP-004", "data_access", "internal" },
    { "SUP-005", "data_access", "none" },
  };
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(GPtrArray) batches = cb_batch_list (fixture->workbook, NULL);
  const CbBatch *batch = batch_with_id (batches, result->batch_id);

  g_assert_cmpstr (result->encoding, ==, "UTF-8-BOM");
  g_assert_cmpint (result->rows, ==, 5);
  check_warnings (result, warnings);
  check_values (fixture->workbook, "suppliers", "code", expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (batch->sha256, ==, "1cf13c4d8be17a6b616f58d38a1f33896f75b7bfddcf5e18ef328862e3433dfd");
  g_assert_cmpint (batch->size, ==, 703);
  g_assert_cmpstr (batch->encoding, ==, "UTF-8-BOM");
}

/* An older system's export: UTF-16 big-endian, tabs, and the classic Mac OS's CR line ends. */
static void
test_entities_utf16be (CbTestFixture *fixture,
                       gconstpointer  data)
{
  static const Expected expected[] = {
    { "JP-EAST", "name_ja", "東日本事業所" },
    { "JP-EAST", "name_en", "East Japan Office" },
    { "JP-EAST", "parent_code", "GROUP" },
    { "JP-WEST", "parent_code", "GROUP" },
    { "JP-EAST-01", "name_ja", "仙台工場" },
    { "JP-EAST-01", "parent_code", "JP-EAST" },
  };
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "entities", "entities-utf16be-cr.txt");
  g_autoptr(GPtrArray) batches = cb_batch_list (fixture->workbook, NULL);
  const CbBatch *batch = batch_with_id (batches, result->batch_id);

  g_assert_cmpstr (result->encoding, ==, "UTF-16BE");
  g_assert_cmpstr (result->delimiter, ==, "\t");
  g_assert_cmpint (result->inserted, ==, 3);
  check_values (fixture->workbook, "entities", "code", expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_records (fixture->workbook, "entities"), ==, 4);
  g_assert_cmpstr (batch->sha256, ==, "3ac8a9cfb36156273eb0a2a89366166acff61ef2047d23777bd9eb57e665d22a");
  g_assert_cmpint (batch->size, ==, 268);
  g_assert_cmpstr (batch->delimiter, ==, "\t");
}

static void
test_questionnaire (CbTestFixture *fixture,
                    gconstpointer  data)
{
  static const Expected expected[] = {
    { "Q1", "questionnaire", "SCQ-2026" },
    { "Q1", "version", "1.0" },
    { "Q1", "text_ja", "多要素認証をリモートアクセスと管理者アカウントに適用していますか" },
    { "Q1", "text_en", "Do you enforce multi-factor authentication for remote access and administrator accounts?" },
    { "Q1", "domain", "アクセス管理" },
    { "Q1", "weight", "3" },
    { "Q2", "weight", "2" },
    { "Q3", "domain", "脆弱性管理" },
    { "Q4", "weight", "1" },
    { "Q5", "weight", "3" },
  };
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "questionnaire", "questionnaire.csv");

  g_assert_cmpint (result->rows, ==, 5);
  check_values (fixture->workbook, "questionnaire", "question_code", expected, G_N_ELEMENTS (expected));
}

typedef struct
{
  const char *supplier;
  const char *assessed_on;
  double      score;
  int         answered;
  int         scored;
  int         failed_high_weight;
} ExpectedAssessment;

static void
check_assessment (CbWorkbook               *workbook,
                  const ExpectedAssessment *expected)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT a.assessed_on, a.score, a.answered, a.scored, "
                                            "a.failed_high_weight FROM supplier_assessments a "
                                            "JOIN suppliers s ON s.id = a.supplier_id WHERE s.code = ?", NULL);

  g_test_message ("assessment of %s", expected->supplier);
  sqlite3_bind_text (stmt, 1, expected->supplier, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected->assessed_on);
  g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 1), expected->score, 1e-9);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, expected->answered);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, expected->scored);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, expected->failed_high_weight);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static char *
response_comment (CbWorkbook *workbook,
                  const char *supplier,
                  const char *question)
{
  g_autoptr(GPtrArray) records = cb_workbook_list_records (workbook, cb_kind_lookup ("responses"), NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cb_record_get (records->pdata[i], "supplier_code"), supplier) == 0
        && g_strcmp0 (cb_record_get (records->pdata[i], "question_code"), question) == 0)
      return g_strdup (cb_record_get (records->pdata[i], "comment"));
  g_assert_not_reached ();
}

/* Weights of SCQ-2026: Q1 3, Q2 2, Q3 2, Q4 1, Q5 3 (11 in all); "high weight" is 3 or more. */
static void
test_responses_microsoft_forms (CbTestFixture *fixture,
                                gconstpointer  data)
{
  static const char *const warnings[] = {
    ":1: warning: column “ご意見・ご要望” is neither a question of SCQ-2026 nor a known survey column; "
    "it is not imported",
    NULL,
  };
  static const ExpectedAssessment expected[] = {
    /* はい はい 一部 はい はい: 3 + 2 + 1 + 1 + 3 = 10 of 11. */
    { "SUP-001", "2026-05-12", 1000.0 / 11, 5, 5, 0 },
    /* ○ △ × ○, Q5 該当なし left out: 3 + 1 + 0 + 1 = 5 of 8. */
    { "SUP-002", "2026-05-13", 62.5, 5, 4, 0 },
    /* いいえ 一部 はい × △: 0 + 1 + 2 + 0 + 1.5 = 4.5 of 11; Q1 (weight 3) failed. */
    { "SUP-004", "2026-05-14", 450.0 / 11, 5, 5, 1 },
  };
  g_autoptr(CbImportResult) suppliers = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) questions = import_ok (fixture->workbook, "questionnaire", "questionnaire.csv");
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "responses", "responses-microsoft-forms.csv");
  g_autofree char *comment = NULL;

  g_assert_cmpstr (result->encoding, ==, "UTF-8-BOM");
  g_assert_cmpint (result->rows, ==, 15);
  g_assert_cmpint (result->inserted, ==, 15);
  check_warnings (result, warnings);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    check_assessment (fixture->workbook, &expected[i]);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, 3);

  /* "Q5. 補足コメント" comments on Q5; its cell holds a line break inside quotes. */
  comment = response_comment (fixture->workbook, "SUP-001", "Q5");
  g_assert_cmpstr (comment, ==, "夜間・休日も当番制で受け付け、\n24時間以内に一次報告します。");
}

static void
test_responses_google_forms (CbTestFixture *fixture,
                             gconstpointer  data)
{
  /* いいえ はい 一部 はい いいえ: 0 + 2 + 1 + 1 + 0 = 4 of 11; Q1 and Q5 (weight 3) failed. The
   * timestamp 2026/06/01 14:03:11 is a date in Tokyo; an answer date column, when the form asks
   * for one, wins over the time the form was sent. */
  static const struct
  {
    const char         *file;
    ExpectedAssessment  expected;
  } cases[] = {
    { "responses-google-forms.csv", { "SUP-003", "2026-06-01", 400.0 / 11, 5, 5, 2 } },
    { "responses-google-forms-answer-date.csv", { "SUP-003", "2026-05-20", 400.0 / 11, 5, 5, 2 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", fixture->path, i);
      g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (path);
      g_autoptr(CbImportResult) suppliers = import_ok (workbook, "suppliers", "suppliers-excel-bom.csv");
      g_autoptr(CbImportResult) questions = import_ok (workbook, "questionnaire", "questionnaire.csv");
      g_autoptr(CbImportResult) result = import_ok (workbook, "responses", cases[i].file);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpstr (result->encoding, ==, "UTF-8");
      g_assert_cmpint (result->rows, ==, 5);
      check_warnings (result, (const char *const[]) { NULL });
      check_assessment (workbook, &cases[i].expected);
    }
}

static void
test_responses_unicode_text (CbTestFixture *fixture,
                             gconstpointer  data)
{
  /* Yes Partial No, N/A left out, ｙｅｓ: 3 + 1 + 0 + 3 = 7 of 10. */
  static const ExpectedAssessment expected = { "SUP-005", "2026-06-15", 70, 5, 4, 0 };
  g_autoptr(CbImportResult) suppliers = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) questions = import_ok (fixture->workbook, "questionnaire", "questionnaire.csv");
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "responses", "responses-unicode-text.txt");
  g_autofree char *comment = NULL;

  g_assert_cmpstr (result->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (result->delimiter, ==, "\t");
  g_assert_cmpint (result->rows, ==, 5);
  check_assessment (fixture->workbook, &expected);
  comment = response_comment (fixture->workbook, "SUP-005", "Q2");
  g_assert_cmpstr (comment, ==, "月次で取得、オフライン保管は四半期ごと\t（テープ）");
}

static void
test_assessments (CbTestFixture *fixture,
                  gconstpointer  data)
{
  static const Expected expected[] = {
    { "CSMG.D1", "period", "FY2026Q1" },
    { "CSMG.D1", "entity", "GROUP" },
    { "CSMG.D1", "level", "3" },
    { "CSMG.D1", "target", "4" },
    { "CSMG.D1", "status", "operating" },
    { "CSMG.D1", "owner", "CISO室" },
    { "CSMG.D1", "due_date", "2026-06-30" },
    { "CSMG.D1", "confidentiality", "board" },
    { "CSMG.D2", "status", "in_progress" },
    { "CSMG.D2", "due_date", "2026-09-30" },
    { "CSMG.D3", "level", "1" },
    { "CSMG.D3", "status", "not_started" },
    { "CSMG.D3", "due_date", "2026-12-31" },
    { "CSMG.D3", "confidentiality", "internal" },
    { "CSMG.D4", "entity", "GROUP" },  /* empty: the group */
    { "CSMG.D4", "status", "implemented" },
    { "CSMG.D4", "due_date", NULL },
    { "CSMG.D4", "comment", "外部SOCと契約済み, 24時間監視" },
    { "CSMG.D4", "confidentiality", "public" },
    { "CSMG.D10", "period", "FY2026Q1" },  /* 2026年度第1四半期 */
    { "CSMG.D10", "due_date", "2027-03-31" },
  };
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "assessments", "assessments-excel-bom.csv");

  g_assert_cmpint (result->rows, ==, 5);
  check_warnings (result, (const char *const[]) { NULL });
  check_values (fixture->workbook, "assessments", "item_key", expected, G_N_ELEMENTS (expected));
}

static void
test_kpis (CbTestFixture *fixture,
           gconstpointer  data)
{
  static const Expected definitions[] = {
    { "KPI-TRAIN", "name_en", "Security training completion rate" },
    { "KPI-TRAIN", "unit", "%" },
    { "KPI-TRAIN", "direction", "higher" },
    { "KPI-TRAIN", "target", "95" },
    { "KPI-TRAIN", "band", "5" },
    { "KPI-TRAIN", "confidentiality", "board" },
    { "KPI-INVEST", "unit", "JPY" },
    { "KPI-INVEST", "target", "120000000" },
    { "KPI-INVEST", "band", "10000000" },
    { "KPI-INVEST", "confidentiality", "internal" },
    { "KPI-PATCH", "unit", "days" },
    { "KPI-PATCH", "direction", "lower" },
    { "KPI-PATCH", "target", "14" },
    { "KPI-PATCH", "band", "3" },
    { "KPI-PATCH", "confidentiality", "public" },
    { "KPI-PHISH", "band", "2.5" },
  };
  static const Expected values[] = {
    { "KPI-TRAIN", "value", "85" },
    { "KPI-TRAIN", "period", "FY2026Q1" },
    { "KPI-TRAIN", "entity", "GROUP" },
    { "KPI-INVEST", "value", "1234000" },
    { "KPI-PATCH", "value", "12" },
    { "KPI-PATCH", "entity", "GROUP" },
    { "KPI-PHISH", "value", "4.5" },
    { "KPI-PHISH", "period", "FY2026Q1" },
  };
  static const char *const warnings[] = {
    ":1: warning: column “備考” is not a field of kpi-values; it is not imported",
    NULL,
  };
  g_autoptr(CbImportResult) kpis = import_ok (fixture->workbook, "kpis", "kpis.csv");
  g_autoptr(CbImportResult) result = import_ok (fixture->workbook, "kpi-values", "kpi-values.csv");

  g_assert_cmpint (kpis->inserted, ==, 4);
  g_assert_cmpint (result->inserted, ==, 4);
  check_warnings (result, warnings);
  check_values (fixture->workbook, "kpis", "code", definitions, G_N_ELEMENTS (definitions));
  check_values (fixture->workbook, "kpi-values", "code", values, G_N_ELEMENTS (values));
}

/* A broken file, and what the import says about it: the formatted problems when rows failed, else
 * the error's message; each after the file's path. */
typedef struct
{
  const char *name;
  const char *kind;
  const char *file;          /* NULL: a file with a 10 MB field, made by the test */
  const char *map;
  const char *messages[3];
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "invalid-utf8", "suppliers", "broken-invalid-utf8.csv", NULL,
    { ":4:2: invalid byte 0xFF for UTF-8 at byte offset 167" } },
  { "unterminated-quote", "incidents", "broken-unterminated-quote.csv", NULL,
    { ":3:2: the quoted field starting here is not closed by the end of the file" } },
  { "nul-byte", "suppliers", "broken-nul.csv", NULL,
    { ":3:2: NUL byte (for UTF-16 without a byte order mark, give the encoding)" } },
  { "impossible-date", "incidents", "broken-impossible-date.csv", NULL,
    { ":3:5: detected_at: expected a day from 1 to 28 in 2026-02, got “2026-02-30 10:00”" } },
  { "level-7", "assessments", "broken-level.csv", NULL,
    { ":3:3: level: 7 is out of range (0 to 5)" } },
  { "empty-required-cell", "assessments", "broken-empty-level.csv", NULL,
    { ":3:3: level: a value is required" } },
  { "detected-before-occurred", "incidents", "broken-detected-before-occurred.csv", NULL,
    { ":2:5: detected_at (2026-06-09T17:45:00+09:00) is before occurred_at (2026-06-10T09:00:00+09:00) "
      "(2026/6/9 17:45)" } },
  { "recovered-before-detected", "incidents", "broken-recovered-before-detected.csv", NULL,
    { ":2:8: recovered_at (2026-09-01T07:50:00+09:00) is before detected_at (2026-09-01T08:20:00+09:00) "
      "(2026/9/1 7:50)" } },
  { "future-date", "incidents", "broken-future-date.csv", NULL,
    { ":3:5: detected_at is in the future (2027-01-15T09:00:00+09:00) (2027/1/15 9:00)" } },
  { "missing-required-column", "incidents", "broken-missing-detected.csv", NULL,
    { ":1: no column for the required field detected_at" } },
  /* SUP-010 is new, SUP-001 was imported before; both come twice with different names. */
  { "duplicate-key", "suppliers", "broken-duplicate-key.csv", NULL,
    { ":4:2: name: an earlier row of this file with the same key has “株式会社東西クラウドサービス”, this one "
      "“株式会社東西クラウド”",
      ":6:2: name: an earlier row of this file with the same key has “北斗データセンター株式会社”, this one "
      "“株式会社北斗データセンター”" } },
  { "duplicate-mapping", "incidents", "broken-duplicate-mapping.csv", NULL,
    { ":1: columns “検知日時” and “発見日時” both give detected_at; choose one with --map detected_at=COLUMN" } },
  { "unknown-map-field", "incidents", "incidents-ticketing-cp932.csv", "severity_level=重要度",
    { ":1: --map names “severity_level”, which is not a field of incidents" } },
  /* Excel's empty cells past the header are nothing; a value there would be lost. */
  { "value-past-header", "suppliers", "broken-value-past-header.csv", NULL,
    { ":3:6: a value past the header’s last column, which names 4 columns (要再評価)" } },
  { "empty", "suppliers", "empty.csv", NULL,
    { ": the file holds no rows" } },
  { "header-only", "suppliers", "header-only.csv", NULL,
    { ":2: the file has a header but no data rows" } },
  { "huge-field", "suppliers", NULL, NULL,
    { ":2:2: name: 10485760 characters, more than the 32767 a spreadsheet cell holds "
      "(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…)" } },
};

static char *
write_huge_field_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "huge-field.csv", NULL);
  g_autoptr(GString) text = g_string_new ("取引先コード,取引先名,国\r\nSUP-900,\"");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (text, 'A');
  g_string_append (text, "\",JP\r\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  return g_steal_pointer (&path);
}

static void
test_broken (CbTestFixture *fixture,
             gconstpointer  data)
{
  const BrokenCase *test = data;
  g_autoptr(CbImportResult) suppliers = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GBytes) before = cb_test_file_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = test->file ? cb_test_import_data (test->file) : write_huge_field_file (fixture->dir);
  const char *map[] = { test->map, NULL };
  CbImportOptions options = { .kind = test->kind, .map = test->map ? map : NULL };
  guint n = 0;

  g_assert_false (cb_import_file (fixture->workbook, path, &options, result, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  for (guint i = 0; i < result->problems->len; i++)
    if (!((CbImportProblem *) result->problems->pdata[i])->warning)
      g_ptr_array_add (reported, cb_import_problem_format (result, result->problems->pdata[i]));
  if (reported->len > 0)
    {
      g_autofree char *summary = g_strdup_printf ("%s: %u problem%s; nothing was imported", path, reported->len,
                                                  reported->len == 1 ? "" : "s");
      g_assert_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, summary);
    }
  else
    g_ptr_array_add (reported, g_strdup (error->message));

  for (; n < G_N_ELEMENTS (test->messages) && test->messages[n] != NULL; n++)
    {
      g_autofree char *wanted = g_strconcat (path, test->messages[n], NULL);
      g_assert_cmpuint (n, <, reported->len);
      g_assert_cmpstr (reported->pdata[n], ==, wanted);
    }
  g_assert_cmpuint (reported->len, ==, n);
  g_assert_cmpint (result->batch_id, ==, 0);
  g_assert_cmpint (result->inserted, ==, 0);

  /* Nothing was written: the file is the same byte for byte and still has only the first import. */
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  batches = cb_batch_list (fixture->workbook, NULL);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 5);
}

static void
test_reimport_updates (CbTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(CbImportResult) first = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) second = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) incidents = import_ok (fixture->workbook, "incidents", "incidents-ticketing-cp932.csv");
  g_autoptr(CbImportResult) incidents_again = import_ok (fixture->workbook, "incidents",
                                                         "incidents-ticketing-cp932.csv");
  g_autoptr(CbImportResult) questions = import_ok (fixture->workbook, "questionnaire", "questionnaire.csv");
  g_autoptr(CbImportResult) responses = import_ok (fixture->workbook, "responses", "responses-microsoft-forms.csv");
  g_autoptr(CbImportResult) responses_again = import_ok (fixture->workbook, "responses",
                                                         "responses-microsoft-forms.csv");
  g_autoptr(GPtrArray) batches = cb_batch_list (fixture->workbook, NULL);

  g_assert_cmpint (responses_again->inserted, ==, 0);
  g_assert_cmpint (responses_again->updated, ==, 15);
  g_assert_cmpuint (count_records (fixture->workbook, "responses"), ==, 15);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, 3);
  g_assert_cmpint (first->inserted, ==, 5);
  g_assert_cmpint (second->inserted, ==, 0);
  g_assert_cmpint (second->updated, ==, 5);
  g_assert_cmpint (incidents_again->inserted, ==, 0);
  g_assert_cmpint (incidents_again->updated, ==, 4);
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 5);
  g_assert_cmpuint (count_records (fixture->workbook, "incidents"), ==, 4);
  g_assert_cmpint (batch_with_id (batches, second->batch_id)->rows_updated, ==, 5);
  g_assert_cmpint (batch_with_id (batches, second->batch_id)->rows_inserted, ==, 0);
}

static void
test_undo_change (CbTestFixture *fixture,
                  gconstpointer  data)
{
  static const Expected changed[] = {
    { "SUP-002", "criticality", "high" },
    { "SUP-002", "services", "SaaS(経費精算・給与計算)" },
    { "SUP-002", "data_access", "personal" },
    { "SUP-006", "name", "株式会社東京ヘルプデスク" },
  };
  static const Expected restored[] = {
    { "SUP-002", "criticality", "medium" },
    { "SUP-002", "services", "SaaS(経費精算)" },
    { "SUP-002", "data_access", "confidential" },
    { "SUP-001", "criticality", "high" },
  };
  g_autoptr(CbImportResult) first = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) change = import_ok (fixture->workbook, "suppliers", "suppliers-change-excel-bom.csv");
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(CbRecord) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (change->inserted, ==, 1);
  g_assert_cmpint (change->updated, ==, 1);
  check_values (fixture->workbook, "suppliers", "code", changed, G_N_ELEMENTS (changed));

  /* The first batch's rows were changed since: undoing it would lose that change. */
  g_assert_false (cb_batch_undo (fixture->workbook, first->batch_id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "undo the later imports first"));
  g_clear_error (&error);

  g_assert_true (cb_batch_undo (fixture->workbook, change->batch_id, &error));
  g_assert_no_error (error);
  check_values (fixture->workbook, "suppliers", "code", restored, G_N_ELEMENTS (restored));
  gone = find_record (fixture->workbook, "suppliers", "code", "SUP-006");
  g_assert_null (gone);
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 5);
  batches = cb_batch_list (fixture->workbook, NULL);
  g_assert_cmpint (batch_with_id (batches, change->batch_id)->undone_at, ==, g_ascii_strtoll (NOW, NULL, 10));

  /* With the change undone, the first batch can go too, and takes exactly its five rows. */
  g_assert_true (cb_batch_undo (fixture->workbook, first->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 0);
}

static void
test_undo_refused (CbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(CbImportResult) suppliers = import_ok (fixture->workbook, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(CbImportResult) questions = import_ok (fixture->workbook, "questionnaire", "questionnaire.csv");
  g_autoptr(CbImportResult) responses = import_ok (fixture->workbook, "responses", "responses-microsoft-forms.csv");
  g_autoptr(CbImportResult) kpis = import_ok (fixture->workbook, "kpis", "kpis.csv");
  g_autoptr(CbImportResult) values = import_ok (fixture->workbook, "kpi-values", "kpi-values.csv");
  const gint64 refused[] = { suppliers->batch_id, questions->batch_id, kpis->batch_id };
  g_autoptr(GBytes) before = cb_test_file_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Responses rest on the suppliers and questions, KPI values on the KPI definitions. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (cb_batch_undo (fixture->workbook, refused[i], &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "undo the later imports first"));
      g_clear_error (&error);
    }
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_records (fixture->workbook, "kpi-values"), ==, 4);
  g_assert_cmpuint (count_records (fixture->workbook, "responses"), ==, 15);

  g_assert_true (cb_batch_undo (fixture->workbook, responses->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, 0);
  g_assert_true (cb_batch_undo (fixture->workbook, values->batch_id, &error));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_true (cb_batch_undo (fixture->workbook, refused[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 0);
  g_assert_cmpuint (count_records (fixture->workbook, "questionnaire"), ==, 0);
  g_assert_null (find_record (fixture->workbook, "kpis", "code", "KPI-TRAIN"));
}

static void
test_dry_run (CbTestFixture *fixture,
              gconstpointer  data)
{
  g_autofree char *path = cb_test_import_data ("suppliers-excel-bom.csv");
  g_autoptr(GBytes) before = cb_test_file_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(CbImportResult) result = import_with (fixture->workbook, path,
                                                  &(CbImportOptions) { .kind = "suppliers", .dry_run = TRUE });

  g_assert_cmpint (result->rows, ==, 5);
  g_assert_cmpint (result->inserted, ==, 5);
  g_assert_cmpint (result->batch_id, ==, 0);
  g_assert_cmpstr (result->sha256, ==, "1cf13c4d8be17a6b616f58d38a1f33896f75b7bfddcf5e18ef328862e3433dfd");
  after = cb_test_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  batches = cb_batch_list (fixture->workbook, NULL);
  g_assert_cmpuint (batches->len, ==, 0);
  g_assert_cmpuint (count_records (fixture->workbook, "suppliers"), ==, 0);
}

static void
test_saved_mapping (CbTestFixture *fixture,
                    gconstpointer  data)
{
  static const char *const map[] = {
    "code=Vendor Ref", "name=Legal Name", "services=Scope of services", "owner=Risk owner", NULL,
  };
  static const Expected expected[] = {
    { "V-1001", "name", "Nordlicht Hosting GmbH" },
    { "V-1001", "country", "DE" },
    { "V-1001", "criticality", "high" },
    { "V-1001", "services", "Managed hosting; backups" },
    { "V-1001", "owner", "IT Operations" },
    { "V-1002", "criticality", "low" },
  };
  g_autofree char *path = cb_test_import_data ("suppliers-grc-semicolon.csv");
  g_autoptr(CbImportResult) unmapped = cb_import_result_new ();
  g_autoptr(CbImportResult) missing = cb_import_result_new ();
  g_autoptr(CbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;

  g_assert_false (cb_import_file (fixture->workbook, path, &(CbImportOptions) { .kind = "suppliers" }, unmapped,
                                  NULL, NULL, NULL, &error));
  g_assert_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING);
  wanted = g_strconcat (path, ":1: no column for the required field code; no column for the required field name",
                        NULL);
  g_assert_cmpstr (error->message, ==, wanted);
  g_clear_error (&error);

  g_assert_false (cb_import_file (fixture->workbook, path,
                                  &(CbImportOptions) { .kind = "suppliers", .mapping_name = "grc-tool" }, missing,
                                  NULL, NULL, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no saved mapping “grc-tool” for suppliers"));
  g_clear_error (&error);

  g_assert_true (cb_mapping_save (fixture->workbook, "suppliers", "grc-tool", map, &error));
  g_assert_no_error (error);
  result = import_with (fixture->workbook, path,
                        &(CbImportOptions) { .kind = "suppliers", .mapping_name = "grc-tool" });
  g_assert_cmpstr (result->delimiter, ==, ";");
  g_assert_cmpint (result->inserted, ==, 2);
  check_warnings (result, (const char *const[]) { NULL });
  check_values (fixture->workbook, "suppliers", "code", expected, G_N_ELEMENTS (expected));
}

static void
test_map_missing_column (CbTestFixture *fixture,
                         gconstpointer  data)
{
  static const char *const map[] = { "code=Vendor No", "name=Legal Name", NULL };
  g_autofree char *path = cb_test_import_data ("suppliers-grc-semicolon.csv");
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;

  g_assert_false (cb_import_file (fixture->workbook, path, &(CbImportOptions) { .kind = "suppliers", .map = map },
                                  result, NULL, NULL, NULL, &error));
  wanted = g_strconcat (path, ":1: --map code: the file has no column “Vendor No”; "
                        "no column for the required field code", NULL);
  g_assert_cmpstr (error->message, ==, wanted);
}

static GBytes *
export_kind (CbWorkbook *workbook,
             const char *kind,
             guint64    *rows)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_export_kind (workbook, cb_kind_lookup (kind), NULL, stream, rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
write_bytes (const char *dir,
             const char *name,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_steal_pointer (&path);
}

static void
test_export_round_trip (CbTestFixture *fixture,
                        gconstpointer  data)
{
  /* Referenced kinds before the kinds referring to them. */
  static const char *const kinds[] = {
    "entities", "suppliers", "questionnaire", "responses", "assessments", "benchmarks", "benchmark-reference",
    "incidents", "kpis", "kpi-values",
  };
  g_autofree char *demo_path = g_build_filename (fixture->dir, "demo.cyberboard", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.cyberboard", NULL);
  g_autoptr(CbWorkbook) demo = cb_test_create_demo (demo_path, 1);
  g_autoptr(CbWorkbook) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = cb_workbook_create (copy_path, cb_demo_organisation (), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".csv", NULL);
      g_autoptr(GBytes) original = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(CbImportResult) result = NULL;
      g_autofree char *path = NULL;
      guint64 rows = 0;

      g_test_message ("kind %s", kinds[i]);
      original = export_kind (demo, kinds[i], &rows);
      g_assert_cmpuint (rows, >, 0);
      g_assert_cmpuint (g_bytes_get_size (original), >, 3);
      g_assert_cmpmem (g_bytes_get_data (original, NULL), 3, "\xEF\xBB\xBF", 3);
      path = write_bytes (fixture->dir, name, original);
      result = import_with (copy, path, &(CbImportOptions) { .kind = kinds[i] });
      check_warnings (result, (const char *const[]) { NULL });
      again = export_kind (copy, kinds[i], NULL);
      g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                       g_bytes_get_data (original, NULL), g_bytes_get_size (original));
    }
}

static void
test_export_formula_guard (CbTestFixture *fixture,
                           gconstpointer  data)
{
  static const char *const rows[][4] = {
    /* code, name, services, owner */
    { "S-EVIL", "=HYPERLINK(\"http://evil.example/\",\"詳細\")", "@SUM(1+1)", "+81-3-1234-5678" },
    { "S-QUOTE", "'=既に引用符付き", "-", "''+1" },
    { "S-TEXT", "'t Hooft B.V.", "本社: 東京", "O'Brien" },
  };
  static const char expected[] =
    "\xEF\xBB\xBF" "code,name,country,criticality,services,data_access,owner,confidentiality\r\n"
    "S-EVIL,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"詳細\"\")\",,,\"'@SUM(1+1)\",,\"'+81-3-1234-5678\",board\r\n"
    "S-QUOTE,\"''=既に引用符付き\",,,\"'-\",,\"'''+1\",board\r\n"
    "S-TEXT,'t Hooft B.V.,,,本社: 東京,,O'Brien,board\r\n";
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.cyberboard", NULL);
  g_autoptr(CbWorkbook) copy = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(CbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("suppliers"));

      cb_record_set (record, "code", rows[i][0]);
      cb_record_set (record, "name", rows[i][1]);
      cb_record_set (record, "services", rows[i][2]);
      cb_record_set (record, "owner", rows[i][3]);
      g_assert_true (cb_workbook_save_record (fixture->workbook, record, 0, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  exported = export_kind (fixture->workbook, "suppliers", NULL);
  g_assert_cmpmem (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), expected, strlen (expected));

  copy = cb_workbook_create (copy_path, &organisation, &error);
  g_assert_no_error (error);
  path = write_bytes (fixture->dir, "suppliers.csv", exported);
  result = import_with (copy, path, &(CbImportOptions) { .kind = "suppliers" });
  g_assert_cmpint (result->inserted, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CbRecord) record = find_record (copy, "suppliers", "code", rows[i][0]);

      g_assert_cmpstr (cb_record_get (record, "name"), ==, rows[i][1]);
      g_assert_cmpstr (cb_record_get (record, "services"), ==, rows[i][2]);
      g_assert_cmpstr (cb_record_get (record, "owner"), ==, rows[i][3]);
    }
}

#define ADD(path, fn) g_test_add (path, CbTestFixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/importer/incidents/ticketing-cp932", test_incidents_ticketing);
  ADD ("/importer/suppliers/excel-utf8-bom", test_suppliers_excel);
  ADD ("/importer/entities/utf16be-cr", test_entities_utf16be);
  ADD ("/importer/questionnaire", test_questionnaire);
  ADD ("/importer/responses/microsoft-forms", test_responses_microsoft_forms);
  ADD ("/importer/responses/google-forms", test_responses_google_forms);
  ADD ("/importer/responses/unicode-text", test_responses_unicode_text);
  ADD ("/importer/assessments", test_assessments);
  ADD ("/importer/kpis", test_kpis);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/importer/broken/", broken_cases[i].name, NULL);
      g_test_add (path, CbTestFixture, &broken_cases[i], fixture_set_up, test_broken, fixture_tear_down);
    }
  ADD ("/importer/reimport-updates", test_reimport_updates);
  ADD ("/importer/undo/change", test_undo_change);
  ADD ("/importer/undo/refused", test_undo_refused);
  ADD ("/importer/dry-run", test_dry_run);
  ADD ("/importer/mapping/saved", test_saved_mapping);
  ADD ("/importer/mapping/missing-column", test_map_missing_column);
  ADD ("/importer/export/round-trip", test_export_round_trip);
  ADD ("/importer/export/formula-guard", test_export_formula_guard);

  return g_test_run ();
}
