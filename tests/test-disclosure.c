#include <string.h>

#include "cb-audit.h"
#include "cb-disclosure.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

/* 2026-01-01T00:00:00Z, what cb_workbook_now() returns in these tests. */
#define NOW 1767225600
#define NOW_TEXT "1767225600"

#define SEALED_MESSAGE "an approved or published disclosure never changes; edit a new version"

static const CbDisclosureInfo annual_report = {
  .audience = "us_20f",
  .period = "FY2025",
  .title_ja = "サイバーセキュリティ",
  .title_en = "Cybersecurity",
};

/* Hashed by hand with sha256sum(1). */
static const char sealed_text[] =
  "The audit committee receives a cyber report every quarter.\n"
  "High-criticality supplier coverage is 87.5%.\n";
#define SEALED_SHA256 "86482f5b15244b0f222239884f75bca6d33baee89dd17e328b51ef26e98ee182"

static void
assert_raw_refused (CbWorkbook *workbook,
                    const char *sql)
{
  char *message = NULL;

  g_test_message ("%s", sql);
  g_assert_cmpint (sqlite3_exec (cb_workbook_get_db (workbook), sql, NULL, NULL, &message), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpstr (message, ==, SEALED_MESSAGE);
  sqlite3_free (message);
}

/* Creates the annual report and returns the id of its version 1. */
static gint64
create_first_version (CbWorkbook *workbook,
                      gint64     *disclosure_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 id;

  id = cb_disclosure_create (workbook, &annual_report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  versions = cb_disclosure_list_versions (workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  if (disclosure_id != NULL)
    *disclosure_id = id;
  return ((CbDisclosureVersion *) g_ptr_array_index (versions, 0))->id;
}

static void
set_section (CbWorkbook *workbook,
             gint64      version_id,
             const char *key,
             const char *lang,
             const char *body)
{
  g_autoptr(GError) error = NULL;

  cb_disclosure_set_section (workbook, version_id, key, lang, body, &error);
  g_assert_no_error (error);
}

static void
test_create (CbTestFixture *fixture,
             gconstpointer  data)
{
  static const struct
  {
    CbDisclosureInfo info;
    const char      *named;
  } refused[] = {
    { { .audience = "us_8k", .period = "FY2025" }, "audience: “us_8k”" },
    { { .audience = NULL, .period = "FY2025" }, "audience" },
    { { .audience = "us_10k", .period = "2025" }, "period: " },
    { { .audience = "us_10k", .period = "FY2025", .languages = "fr" }, "languages: “fr”" },
    { { .audience = "us_10k", .period = "FY2025", .languages = "" }, "languages: “”" },
  };
  static const struct
  {
    const char *key;
    const char *heading_ja;
    const char *heading_en;
  } expected_sections[] = {
    { "risk_management", "サイバーセキュリティのリスク管理及び戦略（第三者リスクを含む）",
      "Cybersecurity risk management and strategy, including third-party risk" },
    { "board_oversight", "ガバナンス：取締役会による監督", "Governance: board oversight" },
    { "management_role", "ガバナンス：経営陣の役割と専門性", "Governance: management's role and expertise" },
    { "incident_effects", "サイバーセキュリティリスク及びインシデントによる重要な影響",
      "Material effects of cybersecurity risks and incidents" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbDisclosure) disclosure = NULL;
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  CbDisclosureInfo info = {
    .audience = "jp_annual_report",
    .period = " fy2025q4 ",
    .languages = "en, ja",
  };
  CbDisclosureVersion *first;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_cmpint (cb_disclosure_create (fixture->workbook, &refused[i].info, &error), ==, 0);
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i].named));
      g_clear_error (&error);
    }
  all = cb_disclosure_list (fixture->workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);

  id = cb_disclosure_create (fixture->workbook, &info, &error);
  g_assert_no_error (error);
  disclosure = cb_disclosure_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (disclosure->audience, ==, "jp_annual_report");
  g_assert_cmpstr (disclosure->period, ==, "FY2025Q4");
  g_assert_cmpstr (disclosure->languages, ==, "ja,en");
  g_assert_null (disclosure->title_en);

  versions = cb_disclosure_list_versions (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  first = g_ptr_array_index (versions, 0);
  version = cb_disclosure_get_version (fixture->workbook, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version->version, ==, 1);
  g_assert_cmpstr (version->status, ==, "draft");
  g_assert_cmpint (version->created_at, ==, NOW);
  g_assert_null (version->content_sha256);
  g_assert_cmpuint (version->sections->len, ==, G_N_ELEMENTS (expected_sections));
  for (guint i = 0; i < G_N_ELEMENTS (expected_sections); i++)
    {
      CbDisclosureSection *section = g_ptr_array_index (version->sections, i);

      g_assert_cmpstr (section->key, ==, expected_sections[i].key);
      g_assert_cmpint (section->position, ==, i + 1);
      g_assert_cmpstr (section->heading_ja, ==, expected_sections[i].heading_ja);
      g_assert_cmpstr (section->heading_en, ==, expected_sections[i].heading_en);
      g_assert_null (section->body_ja);
      g_assert_null (section->body_en);
    }

  g_assert_false (cb_disclosure_set_section (fixture->workbook, version->id, "summary", "en", "x",
                                             &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“summary”"));
  g_clear_error (&error);
  g_assert_false (cb_disclosure_set_section (fixture->workbook, version->id, "board_oversight",
                                             "fr", "x", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“fr”"));
}

static void
test_approve_and_publish_seal (CbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbDisclosureVersion) version = NULL;
  const char *pdf = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
  gint64 id = create_first_version (fixture->workbook, NULL);

  set_section (fixture->workbook, id, "board_oversight", "en",
               "The audit committee receives a cyber report every quarter.\n"
               "High-criticality supplier coverage is "
               "{{suppliers.high_criticality_coverage_pct}}%.");

  /* A draft has no PDF yet and cannot be published. */
  g_assert_false (cb_disclosure_set_pdf_hash (fixture->workbook, id, pdf, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cb_disclosure_publish (fixture->workbook, id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  /* Text with a placeholder left in it is not what will be published. */
  g_assert_false (cb_disclosure_approve (fixture->workbook, id, "Taro Yamada", "2026-06-20",
                                         "Coverage is {{suppliers.high_criticality_coverage_pct}}.",
                                         &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "{{suppliers.high_criticality_coverage_pct}}"));
  g_clear_error (&error);
  g_assert_false (cb_disclosure_approve (fixture->workbook, id, "Taro Yamada", "20.6.2026",
                                         sealed_text, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "approved_on: “20.6.2026”"));
  g_clear_error (&error);
  g_assert_false (cb_disclosure_approve (fixture->workbook, id, "", "2026-06-20", sealed_text,
                                         &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  cb_disclosure_approve (fixture->workbook, id, "Taro Yamada", "2026-06-20", sealed_text, &error);
  g_assert_no_error (error);
  version = cb_disclosure_get_version (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version->status, ==, "approved");
  g_assert_cmpstr (version->approver, ==, "Taro Yamada");
  g_assert_cmpstr (version->approved_on, ==, "2026-06-20");
  g_assert_cmpstr (version->sealed_text, ==, sealed_text);
  g_assert_cmpstr (version->content_sha256, ==, SEALED_SHA256);
  g_clear_pointer (&version, cb_disclosure_version_free);

  /* Approved: the text is sealed, in the API and in the file. */
  g_assert_false (cb_disclosure_set_section (fixture->workbook, id, "board_oversight", "en",
                                             "changed", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "version 1"));
  g_clear_error (&error);
  g_assert_false (cb_disclosure_approve (fixture->workbook, id, "Taro Yamada", "2026-06-21",
                                         sealed_text, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_raw_refused (fixture->workbook, "UPDATE disclosure_sections SET body_en = 'forged'");
  assert_raw_refused (fixture->workbook, "UPDATE disclosure_versions SET sealed_text = 'forged'");
  assert_raw_refused (fixture->workbook, "UPDATE disclosure_versions SET status = 'draft'");
  assert_raw_refused (fixture->workbook, "DELETE FROM disclosure_versions");
  assert_raw_refused (fixture->workbook, "DELETE FROM disclosure_sections");
  assert_raw_refused (fixture->workbook,
                      "INSERT INTO disclosure_sections (version_id, key) "
                      "SELECT id, 'extra' FROM disclosure_versions");

  /* The PDF hash is recorded once, between approval and publication. */
  g_assert_false (cb_disclosure_set_pdf_hash (fixture->workbook, id, "not a hash", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  cb_disclosure_set_pdf_hash (fixture->workbook, id, pdf, &error);
  g_assert_no_error (error);
  g_assert_false (cb_disclosure_set_pdf_hash (fixture->workbook, id, pdf, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);

  cb_disclosure_publish (fixture->workbook, id, &error);
  g_assert_no_error (error);
  version = cb_disclosure_get_version (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version->status, ==, "published");
  g_assert_cmpint (version->published_at, ==, NOW);
  g_assert_cmpstr (version->pdf_sha256, ==, pdf);
  g_assert_cmpstr (version->content_sha256, ==, SEALED_SHA256);

  g_assert_false (cb_disclosure_publish (fixture->workbook, id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_raw_refused (fixture->workbook, "UPDATE disclosure_versions SET pdf_sha256 = NULL");
  assert_raw_refused (fixture->workbook, "UPDATE disclosure_versions SET status = 'approved'");
}

static void
test_new_version_and_diff (CbTestFixture *fixture,
                           gconstpointer  data)
{
  static const char forward[] =
    "--- v1/risk_management.ja\n"
    "+++ v2/risk_management.ja\n"
    "@@ -0,0 +1,1 @@\n"
    "+リスク管理の本文。\n"
    "--- v1/board_oversight.en\n"
    "+++ v2/board_oversight.en\n"
    "@@ -1,3 +1,3 @@\n"
    " Para one.\n"
    "-Para two.\n"
    "+Para two, revised.\n"
    " Para three.\n"
    "--- v1/management_role.en\n"
    "+++ v2/management_role.en\n"
    "@@ -1,4 +1,4 @@\n"
    " a\n"
    "-b\n"
    " c\n"
    " d\n"
    "+e\n";
  static const char backward[] =
    "--- v2/risk_management.ja\n"
    "+++ v1/risk_management.ja\n"
    "@@ -1,1 +0,0 @@\n"
    "-リスク管理の本文。\n"
    "--- v2/board_oversight.en\n"
    "+++ v1/board_oversight.en\n"
    "@@ -1,3 +1,3 @@\n"
    " Para one.\n"
    "-Para two, revised.\n"
    "+Para two.\n"
    " Para three.\n"
    "--- v2/management_role.en\n"
    "+++ v1/management_role.en\n"
    "@@ -1,4 +1,4 @@\n"
    " a\n"
    "+b\n"
    " c\n"
    " d\n"
    "-e\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CbDisclosureVersion) copy = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *reverse = NULL;
  g_autofree char *same = NULL;
  CbDisclosureVersion *version;
  gint64 disclosure_id;
  gint64 v1 = create_first_version (fixture->workbook, &disclosure_id);
  gint64 v2;

  set_section (fixture->workbook, v1, "board_oversight", "en", "Para one.\nPara two.\nPara three.");
  set_section (fixture->workbook, v1, "management_role", "en", "a\nb\nc\nd\n");

  g_assert_cmpint (cb_disclosure_new_version (fixture->workbook, disclosure_id, &error), ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  cb_disclosure_approve (fixture->workbook, v1, "Taro Yamada", "2026-06-20", sealed_text, &error);
  g_assert_no_error (error);

  v2 = cb_disclosure_new_version (fixture->workbook, disclosure_id, &error);
  g_assert_no_error (error);
  copy = cb_disclosure_get_version (fixture->workbook, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->version, ==, 2);
  g_assert_cmpstr (copy->status, ==, "draft");
  g_assert_null (copy->sealed_text);
  g_assert_cmpuint (copy->sections->len, ==, 4);
  g_assert_cmpstr (((CbDisclosureSection *) g_ptr_array_index (copy->sections, 1))->body_en, ==,
                   "Para one.\nPara two.\nPara three.");

  same = cb_disclosure_diff (fixture->workbook, v1, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same, ==, "");

  set_section (fixture->workbook, v2, "board_oversight", "en",
               "Para one.\nPara two, revised.\nPara three.");
  set_section (fixture->workbook, v2, "risk_management", "ja", "リスク管理の本文。");
  set_section (fixture->workbook, v2, "management_role", "en", "a\nc\nd\ne\n");
  diff = cb_disclosure_diff (fixture->workbook, v1, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diff, ==, forward);
  reverse = cb_disclosure_diff (fixture->workbook, v2, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reverse, ==, backward);

  versions = cb_disclosure_list_versions (fixture->workbook, disclosure_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (version->status, ==, "approved");
  version = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (version->status, ==, "draft");
}

static void
test_placeholders (void)
{
  static const struct
  {
    const char *text;
    const char *names; /* joined by spaces */
  } cases[] = {
    { "", "" },
    { "No placeholders here.", "" },
    { "{{guideline.mean_level}}", "guideline.mean_level" },
    { "{{a.b}} then {{c-d.e_f}} then {{a.b}} again", "a.b c-d.e_f" },
    { "{{suppliers.high_criticality_coverage_pct}}% of {{suppliers.high_criticality}}",
      "suppliers.high_criticality_coverage_pct suppliers.high_criticality" },
    { "{{kpis.training_completion.value}}", "kpis.training_completion.value" },
    { "{{nodot}} {{ a.b }} {{a..b}} {{.a}} {{a.}} {{a.b}", "" },
    { "{{{x.y}}}", "x.y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) names = cb_disclosure_placeholders (cases[i].text);
      g_autofree char *joined = g_strjoinv (" ", names);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (joined, ==, cases[i].names);
    }
}

/* Public figures only; an internal one is refused with a reason, an unknown one without. */
static char *
lookup_cb (const char  *name,
           gpointer     user_data,
           GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  if (g_str_equal (name, "guideline.mean_level"))
    return g_strdup ("3.2");
  if (g_str_equal (name, "detection.median_dwell_days"))
    return g_strdup ("12");
  if (g_str_equal (name, "incidents.titles"))
    g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                         "draws on internal data");
  return NULL;
}

static void
test_resolve (void)
{
  static const struct
  {
    const char *text;
    const char *resolved;  /* NULL when it must fail */
    const char *message;
  } cases[] = {
    { "Mean level {{guideline.mean_level}}; median dwell {{detection.median_dwell_days}} days.",
      "Mean level 3.2; median dwell 12 days.", NULL },
    { "{{guideline.mean_level}}{{guideline.mean_level}}", "3.23.2", NULL },
    { "Plain text.", "Plain text.", NULL },
    { "", "", NULL },
    { "Coverage {{suppliers.bogus}}%.", NULL,
      "{{suppliers.bogus}}: the placeholder is unknown or draws on data that is not public" },
    { "See {{incidents.titles}}.", NULL, "{{incidents.titles}}: draws on internal data" },
    { "Level {{ guideline.mean_level }}.", NULL,
      "“{{ guideline.mean_level }}” is not a placeholder; write {{name.member}}" },
    { "Level {{guideline.mean_level\nnext line", NULL,
      "“{{guideline.mean_level” is not a placeholder; write {{name.member}}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *resolved = NULL;
      guint calls = 0;

      g_test_message ("%s", cases[i].text);
      resolved = cb_disclosure_resolve (cases[i].text, lookup_cb, &calls, &error);
      if (cases[i].resolved != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (resolved, ==, cases[i].resolved);
        }
      else
        {
          g_assert_null (resolved);
          g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_audit (CbTestFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CbDisclosureVersion) version = NULL;
  const CbAuditEntry *entry;
  CbDisclosureSection *section;
  gint64 disclosure_id;
  gint64 id = create_first_version (fixture->workbook, &disclosure_id);

  set_section (fixture->workbook, id, "board_oversight", "en", "Para one.");
  set_section (fixture->workbook, id, "board_oversight", "en", "Para one, revised.");
  cb_disclosure_approve (fixture->workbook, id, "Taro Yamada", "2026-06-20", sealed_text, &error);
  g_assert_no_error (error);
  cb_disclosure_publish (fixture->workbook, id, &error);
  g_assert_no_error (error);
  version = cb_disclosure_get_version (fixture->workbook, id, &error);
  g_assert_no_error (error);

  entries = cb_audit_list (fixture->workbook, 0, &error);
  g_assert_no_error (error);

  entry = cb_test_find_audit_entry (entries, "insert", "disclosures");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, disclosure_id);
  g_assert_cmpstr (entry->user, ==, "tester");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"audience\":\"us_20f\",\"period\":\"FY2025\",\"languages\":\"ja,en\","
                   "\"title_ja\":\"サイバーセキュリティ\",\"title_en\":\"Cybersecurity\"}");

  entry = cb_test_find_audit_entry (entries, "insert", "disclosure_versions");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->new_values, ==, "{\"version\":\"1\",\"status\":\"draft\"}");

  /* Newest first: the second edit. */
  entry = cb_test_find_audit_entry (entries, "update", "disclosure_sections");
  g_assert_nonnull (entry);
  section = g_ptr_array_index (version->sections, 1);
  g_assert_cmpstr (section->key, ==, "board_oversight");
  g_assert_cmpint (entry->row_id, ==, section->id);
  g_assert_cmpstr (entry->old_values, ==, "{\"body_en\":\"Para one.\"}");
  g_assert_cmpstr (entry->new_values, ==, "{\"body_en\":\"Para one, revised.\"}");

  entry = cb_test_find_audit_entry (entries, "approve", "disclosure_versions");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->old_values, ==, "{\"status\":\"draft\"}");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"status\":\"approved\",\"approver\":\"Taro Yamada\","
                   "\"approved_on\":\"2026-06-20\",\"content_sha256\":\"" SEALED_SHA256 "\"}");

  entry = cb_test_find_audit_entry (entries, "publish", "disclosure_versions");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->old_values, ==, "{\"status\":\"approved\"}");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"status\":\"published\",\"published_at\":\"" NOW_TEXT "\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", NOW_TEXT, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CbTestFixture, NULL, cb_test_fixture_set_up_workbook, \
                                    func, cb_test_fixture_tear_down)
  ADD ("/disclosure/create", test_create);
  ADD ("/disclosure/approve-and-publish-seal", test_approve_and_publish_seal);
  ADD ("/disclosure/new-version-and-diff", test_new_version_and_diff);
  ADD ("/disclosure/audit", test_audit);
#undef ADD
  g_test_add_func ("/disclosure/placeholders", test_placeholders);
  g_test_add_func ("/disclosure/resolve", test_resolve);

  return g_test_run ();
}
