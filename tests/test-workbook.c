#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

#include "cb-audit.h"
#include "cb-mapping.h"
#include "cb-record.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

static gint64
count_rows (CbWorkbook *workbook,
            const char *sql)
{
  g_autofree char *path = g_strdup (cb_workbook_get_path (workbook));
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_create_and_reopen (CbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);

  workbook = cb_workbook_create (fixture->path, &cb_test_organisation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_workbook_get_fiscal_year_start (workbook), ==, 4);
  g_assert_cmpstr (cb_workbook_get_org_name (workbook, "en"), ==, "Test Seiko Co., Ltd.");
  g_assert_cmpstr (cb_workbook_get_org_name (workbook, "ja"), ==, "テスト精工株式会社");
  g_assert_cmpint (cb_workbook_root_entity (workbook), >, 0);

  /* The reference data of DOMAIN.md is seeded: six maturity levels, nine criteria, the benchmarks. */
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM maturity_levels"), ==, 6);
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM criteria"), ==, 9);
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM kpis WHERE source = 'computed'"), >=, 3);
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM benchmark_items b JOIN benchmarks m "
                                         "ON m.id = b.benchmark_id WHERE m.code = 'IPA-BM'"), ==, 27);
  g_assert_cmpint (count_rows (workbook, "SELECT median_days FROM dwell_reference WHERE year = 2016"), ==, 99);
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM holidays WHERE date = '2026-05-05' "
                                         "AND country = 'JP'"), ==, 1);
  g_clear_object (&workbook);

  /* Closed, the workbook is one file that a user can copy. */
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  workbook = cb_workbook_open (fixture->path, CB_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_workbook_get_language (workbook), ==, "ja");
  g_assert_cmpstr (cb_workbook_get_framework (workbook), ==, "CSMG-3.0");
}

static void
test_create_refuses_existing (CbTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "keep me", -1, NULL));
  workbook = cb_workbook_create (fixture->path, &cb_test_organisation, &error);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS);
  g_assert_null (workbook);
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

static void
test_create_refuses_bad_settings (CbTestFixture *fixture,
                                  gconstpointer  data)
{
  CbOrganisation bad = cb_test_organisation;
  g_autoptr(GError) error = NULL;

  bad.time_zone = "Asia/Atlantis";
  g_assert_null (cb_workbook_create (fixture->path, &bad, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Asia/Atlantis"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  bad = cb_test_organisation;
  bad.fiscal_year_start = 13;
  g_assert_null (cb_workbook_create (fixture->path, &bad, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
make_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef enum { EMPTY, TEXT, PLAIN_SQLITE, NEWER, CORRUPT, TRUNCATED_HEADER } BrokenKind;

typedef struct
{
  const char *name;
  BrokenKind  kind;
  int         code;
  const char *says;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "empty", EMPTY, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK, "empty" },
  { "text", TEXT, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK, "not an SQLite database" },
  { "plain-sqlite", PLAIN_SQLITE, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK, "another application" },
  { "newer", NEWER, CB_WORKBOOK_ERROR_NEWER, "newer Cyberboard" },
  { "corrupt", CORRUPT, CB_WORKBOOK_ERROR_CORRUPT, "damaged" },
  { "truncated-header", TRUNCATED_HEADER, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK, "not an SQLite database" },
};

static void
write_broken (const char *path,
              BrokenKind  kind)
{
  g_autofree char *contents = NULL;
  gsize length;

  switch (kind)
    {
    case EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case TEXT:
      g_assert_true (g_file_set_contents (path, "取引先コード,回答\nS001,はい\n", -1, NULL));
      break;
    case PLAIN_SQLITE:
      make_sqlite (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      break;
    case NEWER:
      g_object_unref (cb_test_create_workbook (path));
      make_sqlite (path, "PRAGMA user_version = 99");
      break;
    case CORRUPT:
      /* The table of contents on page 1 is overwritten, as a failing disk or a bad copy would. */
      g_object_unref (cb_test_create_workbook (path));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (gsize i = 100; i < 4096 && i < length; i++)
        contents[i] = (char) (i * 7);
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      break;
    case TRUNCATED_HEADER:
      g_assert_true (g_file_set_contents (path, "SQLite format 3", 16, NULL));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_refuses_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autofree char *dir = cb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.cyberboard", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  GStatBuf before_stat, after_stat;

  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_autoptr(CbWorkbook) workbook = NULL;
      g_autoptr(GError) error = NULL;

      g_unlink (path);
      write_broken (path, broken->kind);
      g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
      g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

      workbook = cb_workbook_open (path, read_only ? CB_WORKBOOK_OPEN_READ_ONLY : CB_WORKBOOK_OPEN_DEFAULT,
                                   &error);
      g_assert_null (workbook);
      g_assert_error (error, CB_WORKBOOK_ERROR, broken->code);
      g_assert_nonnull (strstr (error->message, broken->says));
      g_assert_nonnull (strstr (error->message, path));

      g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
      g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
      g_assert_cmpmem (before, before_length, after, after_length);
      g_assert_cmpint (before_stat.st_mtime, ==, after_stat.st_mtime);
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
    }
  cb_test_remove_dir (dir);
}

static void
test_missing_file (CbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (cb_workbook_open (fixture->path, CB_WORKBOOK_OPEN_DEFAULT, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* A folder given for the workbook is not a workbook, and is left as it was. */
static void
test_directory (CbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf ("%s: a directory, not a Cyberboard workbook", fixture->path);
  g_autoptr(GDir) folder = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_assert_null (cb_workbook_open (fixture->path, read_only ? CB_WORKBOOK_OPEN_READ_ONLY
                                                                : CB_WORKBOOK_OPEN_DEFAULT, &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);
    }
  folder = g_dir_open (fixture->path, 0, NULL);
  g_assert_null (g_dir_read_name (folder));
  g_rmdir (fixture->path);
}

/* An output that is the workbook, however spelt, or one of SQLite's files beside it, is refused;
 * a neighbour is not. */
static void
test_check_output (CbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.cyberboard", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  static const struct
  {
    const char *name;      /* in the workbook's folder, test.cyberboard */
    gboolean    relative;  /* given as the name alone, from that folder */
    const char *says;      /* NULL when allowed */
  } cases[] = {
    { "test.cyberboard", FALSE, "itself" },
    { "./test.cyberboard", FALSE, "itself" },
    { "sub/../test.cyberboard", FALSE, "itself" },
    { "link.cyberboard", FALSE, "itself" },
    { "test.cyberboard", TRUE, "itself" },
    { "test.cyberboard-journal", FALSE, "SQLite uses this name" },
    { "test.cyberboard-wal", TRUE, "SQLite uses this name" },
    { "link.cyberboard-journal", FALSE, NULL },
    { "test.cyberboard.csv", FALSE, NULL },
  };

  g_assert_cmpint (symlink ("test.cyberboard", link_path), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = cases[i].relative ? g_strdup (cases[i].name)
                                                  : g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", output);
      g_assert_cmpint (cb_workbook_check_output (workbook, output, &error), ==, cases[i].says == NULL);
      if (cases[i].says == NULL)
        continue;
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, output));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* Every earlier schema, kept as a fixture, opens into the current one after a backup. */
static void
test_upgrade_old_schemas (CbTestFixture *fixture,
                          gconstpointer  data)
{
  g_assert_cmpint (cb_workbook_schema_version (), >=, 2);
  for (int version = 1; version < cb_workbook_schema_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.sql", version);
      g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "schema", name, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", fixture->path, version);
      g_autoptr(CbWorkbook) workbook = NULL;
      g_autoptr(GPtrArray) incidents = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
      g_unlink (fixture->path);
      make_sqlite (fixture->path, sql);

      workbook = cb_workbook_open (fixture->path, CB_WORKBOOK_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count_rows (workbook, "PRAGMA user_version"), ==, cb_workbook_schema_version ());
      g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
      g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM audit_log WHERE action = 'migrate'"), ==, 1);
      g_assert_true (cb_workbook_check (workbook, problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);

      incidents = cb_workbook_list_records (workbook, cb_kind_lookup ("incidents"), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (incidents->len, ==, 1);
      g_assert_cmpstr (cb_record_get (incidents->pdata[0], "detected_at"), ==, "2026-01-08T09:00:00+09:00");
      g_unlink (backup);
    }
}

static CbRecord *
supplier (const char *code,
          const char *name,
          const char *criticality)
{
  CbRecord *record = cb_record_new (cb_kind_lookup ("suppliers"));

  cb_record_set (record, "code", code);
  cb_record_set (record, "name", name);
  cb_record_set (record, "criticality", criticality);
  return record;
}

static void
test_record_upsert_and_audit (CbTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  g_autoptr(CbRecord) first = supplier ("S001", "北斗ロジスティクス株式会社", "high");
  g_autoptr(CbRecord) again = supplier ("S001", "北斗ロジスティクス株式会社", "medium");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean inserted = FALSE;
  const CbAuditEntry *entry;

  cb_workbook_save_record (workbook, first, 0, &inserted, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (inserted);
  g_assert_true (cb_workbook_save_record (workbook, again, 0, &inserted, NULL, &error));
  g_assert_false (inserted);
  g_assert_cmpint (cb_record_get_id (first), ==, cb_record_get_id (again));

  rows = cb_workbook_list_records (workbook, cb_kind_lookup ("suppliers"), NULL, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (cb_record_get (rows->pdata[0], "criticality"), ==, "medium");
  g_assert_cmpstr (cb_record_get (rows->pdata[0], "confidentiality"), ==, "board");

  audit = cb_audit_list (workbook, 2, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->table_name, ==, "suppliers");
  g_assert_cmpstr (entry->user, ==, "tester");
  g_assert_nonnull (strstr (entry->old_values, "\"criticality\":\"high\""));
  g_assert_nonnull (strstr (entry->new_values, "\"criticality\":\"medium\""));
  entry = audit->pdata[1];
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_null (entry->old_values);

  g_assert_true (cb_workbook_delete_record (workbook, cb_kind_lookup ("suppliers"), cb_record_get_id (first),
                                            &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = cb_audit_list (workbook, 1, &error);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_null (entry->new_values);
}

typedef struct
{
  const char *kind;
  const char *fields[12];  /* name, value pairs */
  const char *bad_field;
  const char *says;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "suppliers", { "code", "S1", "name", "A", "criticality", "critical" }, "criticality", "“critical”" },
  { "suppliers", { "code", "S1" }, "name", "required" },
  { "assessments", { "period", "FY2026Q5", "item_key", "CSMG.D1", "level", "2" }, "period", "FY2026Q5" },
  { "assessments", { "period", "FY2026Q1", "item_key", "CSMG.D11", "level", "2" }, "item_key", "CSMG.D11" },
  { "assessments", { "period", "FY2025", "item_key", "CSMG.D1", "level", "2" }, "period",
    "“FY2025” is a whole fiscal year: guideline assessments are kept per quarter, and the year’s status is that of "
    "FY2025Q4" },
  { "assessments", { "period", "FY2026Q1", "item_key", "CSMG.D1", "level", "7" }, "level", "7" },
  { "assessments", { "period", "FY2026Q1", "item_key", "CSMG.D1", "level", "2", "due_date", "2026-02-30" },
    "due_date", "2026-02-30" },
  { "assessments", { "period", "FY2026Q1", "entity", "NOPE", "item_key", "CSMG.D1", "level", "2" },
    "entity", "NOPE" },
  { "incidents", { "id", "I1", "detected_at", "2026-04-01T09:00:00", "occurred_at", "2026-04-02T09:00:00" },
    "detected_at", "before occurred_at" },
  { "incidents", { "id", "I1", "detected_at", "2026-04-01T09:00:00", "recovered_at", "2026-03-31T09:00:00" },
    "recovered_at", "before detected_at" },
  { "incidents", { "id", "I1", "detected_at", "2099-04-01T09:00:00" }, "detected_at", "future" },
  { "incidents", { "id", "I1", "detected_at", "yesterday" }, "detected_at", "yesterday" },
  { "incidents", { "id", "I1", "detected_at", "2026-04-01T09:00:00", "severity", "5" }, "severity", "5" },
  { "entities", { "code", "A", "name_ja", "A", "parent_code", "A" }, "parent_code", "unknown parent_code “A”" },
  { "entities", { "code", "GROUP", "name_ja", "A", "parent_code", "GROUP" }, "parent_code", "own parent" },
  { "benchmarks", { "period", "FY2026Q1", "benchmark", "IPA-BM", "item", "99", "score", "3" }, "item",
    "the benchmark “IPA-BM” has no item “99”" },
  { "benchmarks", { "period", "FY2026Q1", "benchmark", "NIST-CSF", "item", "abc", "score", "3" }, "item",
    "the benchmark “NIST-CSF” has no item “abc”" },
  { "kpi-values", { "code", "NOPE", "period", "FY2026Q1", "value", "1" }, "code", "NOPE" },
  { "kpi-values", { "code", "training_completion", "period", "FY2026Q1", "value", "1,5" }, "value", "1,5" },
};

static void
test_record_invalid (CbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  gint64 audit_before = count_rows (workbook, "SELECT count(*) FROM audit_log");

  g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE); /* 2026-09-21 */
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup (c->kind));
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      for (guint j = 0; c->fields[j] != NULL; j += 2)
        cb_record_set (record, c->fields[j], c->fields[j + 1]);
      g_test_message ("case %u: %s.%s", i, c->kind, c->bad_field);
      g_assert_false (cb_workbook_save_record (workbook, record, 0, NULL, &field, &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_cmpstr (field, ==, c->bad_field);
      g_assert_nonnull (strstr (error->message, c->says));
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (count_rows (workbook, "SELECT count(*) FROM incidents"), ==, 0);
}

static void
test_record_canonical_forms (CbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  g_autoptr(CbRecord) incident = cb_record_new (cb_kind_lookup ("incidents"));
  g_autoptr(CbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  cb_record_set (incident, "id", "INC-2026-001");
  cb_record_set (incident, "occurred_at", "2026-03-31T15:00:00Z");
  cb_record_set (incident, "detected_at", "2026-04-02T10:30:00");  /* no offset: Asia/Tokyo */
  cb_record_set (incident, "material", "no");
  g_assert_true (cb_workbook_save_record (workbook, incident, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  stored = cb_workbook_get_record (workbook, cb_kind_lookup ("incidents"), cb_record_get_id (incident), &error);
  g_assert_cmpstr (cb_record_get (stored, "occurred_at"), ==, "2026-04-01T00:00:00+09:00");
  g_assert_cmpstr (cb_record_get (stored, "detected_at"), ==, "2026-04-02T10:30:00+09:00");
  g_assert_cmpstr (cb_record_get (stored, "entity"), ==, "GROUP");
  g_assert_cmpstr (cb_record_get (stored, "material"), ==, "no");
  g_assert_cmpint (count_rows (workbook, "SELECT detected_at FROM incidents"), ==, 1775093400);
}

static void
test_read_only_refuses_writes (CbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(CbRecord) record = supplier ("S9", "Saigon Cloud Co.", "low");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_clear_object (&workbook);
  workbook = cb_test_create_workbook (fixture->path);
  g_clear_object (&workbook);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  workbook = cb_workbook_open (fixture->path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cb_workbook_save_record (workbook, record, 0, NULL, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cb_workbook_set_setting (workbook, "language", "en", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_object (&workbook);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_audit_log_append_only (CbTestFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  char *message = NULL;

  g_assert_true (cb_workbook_set_setting (workbook, "language", "en", &error));
  g_assert_cmpstr (cb_workbook_get_language (workbook), ==, "en");
  g_clear_object (&workbook);

  /* Even a tool that bypasses Cyberboard cannot rewrite history. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET user = 'someone else'", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_saved_mappings (CbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (fixture->path);
  const char *const mapping[] = { "detected_at=検知日", "id=管理番号", NULL };
  const char *const bad[] = { "detected_at", NULL };
  g_auto(GStrv) loaded = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_mapping_save (workbook, "incidents", "チケット管理", mapping, &error));
  g_assert_no_error (error);
  loaded = cb_mapping_load (workbook, "incidents", "チケット管理", &error);
  g_assert_cmpstrv (loaded, mapping);
  names = cb_mapping_list (workbook, "incidents", &error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_false (cb_mapping_save (workbook, "incidents", "x", bad, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cb_mapping_load (workbook, "suppliers", "チケット管理", &error));
  g_assert_nonnull (strstr (error->message, "チケット管理"));
}

/* A read left on a row by one connection keeps every other connection from writing until it is
 * released — the app's pages read on one connection while imports and report saves write on another. */
static void
test_release_reads (CbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(CbWorkbook) reader = cb_test_create_workbook (fixture->path);
  g_autoptr(CbWorkbook) writer = NULL;
  g_autoptr(CbRecord) supplier = cb_record_new (cb_kind_lookup ("suppliers"));
  g_autoptr(CbRecord) read = NULL;
  g_autoptr(GError) error = NULL;

  cb_record_set (supplier, "code", "S1");
  cb_record_set (supplier, "name", "北斗物流");
  g_assert_true (cb_workbook_save_record (reader, supplier, 0, NULL, NULL, &error));
  writer = cb_workbook_open (fixture->path, CB_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (cb_workbook_get_db (writer), 0);

  read = cb_workbook_get_record (reader, cb_kind_lookup ("suppliers"), cb_record_get_id (supplier), &error);
  g_assert_nonnull (read);
  g_assert_false (cb_workbook_set_setting (writer, "language", "en", &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  cb_workbook_release_reads (reader);
  g_assert_true (cb_workbook_set_setting (writer, "language", "en", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, CbTestFixture, NULL, cb_test_fixture_set_up, fn, \
                                  cb_test_fixture_tear_down)
  ADD ("/workbook/create-and-reopen", test_create_and_reopen);
  ADD ("/workbook/create-refuses-existing", test_create_refuses_existing);
  ADD ("/workbook/create-refuses-bad-settings", test_create_refuses_bad_settings);
  ADD ("/workbook/missing-file", test_missing_file);
  ADD ("/workbook/directory", test_directory);
  ADD ("/workbook/check-output", test_check_output);
  ADD ("/workbook/upgrade-old-schemas", test_upgrade_old_schemas);
  ADD ("/workbook/read-only-refuses-writes", test_read_only_refuses_writes);
  ADD ("/workbook/audit-log-append-only", test_audit_log_append_only);
  ADD ("/workbook/saved-mappings", test_saved_mappings);
  ADD ("/record/upsert-and-audit", test_record_upsert_and_audit);
  ADD ("/record/invalid", test_record_invalid);
  ADD ("/record/canonical-forms", test_record_canonical_forms);
  ADD ("/workbook/release-reads", test_release_reads);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/workbook/refuses/%s", broken_cases[i].name);
      g_test_add_data_func (path, &broken_cases[i], test_refuses_broken);
    }
  return g_test_run ();
}
