#include <string.h>

#include "cb-disclosure.h"
#include "cb-disclosure-text.h"
#include "cb-record.h"
#include "cb-test-util.h"

static const CbDisclosureInfo info = {
  .audience = "us_10k", .period = "FY2025", .languages = "ja,en",
  .title_ja = "サイバーセキュリティ", .title_en = "Cybersecurity",
};

/* Three public incidents detected in FY2025 after 2, 4 and 9 days: median 4, mean 5. A fourth,
 * seen by the board only, after 30 days, would make them 6.5 and 11.25. */
static const char *const incidents[][5] = {
  { "INC-1", "2025-05-01T00:00:00", "2025-05-03T00:00:00", "public", "internal" },
  { "INC-2", "2025-06-01T00:00:00", "2025-06-05T00:00:00", "public", "external" },
  { "INC-3", "2025-07-01T00:00:00", "2025-07-10T00:00:00", "public", "internal" },
  { "INC-4", "2025-08-01T00:00:00", "2025-08-31T00:00:00", "board", "internal" },
};

typedef struct
{
  CbTestFixture base;
  gint64        version_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 id;

  cb_test_fixture_set_up_workbook (&fixture->base, data);
  for (guint i = 0; i < G_N_ELEMENTS (incidents); i++)
    {
      g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("incidents"));

      cb_record_set (record, "id", incidents[i][0]);
      cb_record_set (record, "occurred_at", incidents[i][1]);
      cb_record_set (record, "detected_at", incidents[i][2]);
      cb_record_set (record, "confidentiality", incidents[i][3]);
      cb_record_set (record, "detection_source", incidents[i][4]);
      g_assert_true (cb_workbook_save_record (fixture->base.workbook, record, 0, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  id = cb_disclosure_create (fixture->base.workbook, &info, &error);
  g_assert_no_error (error);
  versions = cb_disclosure_list_versions (fixture->base.workbook, id, &error);
  fixture->version_id = ((CbDisclosureVersion *) versions->pdata[0])->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_fixture_tear_down (&fixture->base, data);
}

static void
set_body (Fixture    *fixture,
          const char *key,
          const char *lang,
          const char *body)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_disclosure_set_section (fixture->base.workbook, fixture->version_id, key, lang, body, &error));
  g_assert_no_error (error);
}

static const CbDisclosureSection *
section (CbDisclosureVersion *version,
         const char          *key)
{
  for (guint i = 0; i < version->sections->len; i++)
    if (g_str_equal (((CbDisclosureSection *) version->sections->pdata[i])->key, key))
      return version->sections->pdata[i];
  g_assert_not_reached ();
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  /* Japanese comes first, as the disclosure lists it; sections without text are left out. */
  set_body (fixture, "risk_management", "en", "Median dwell {{detection.median_dwell_days}} days, "
                                              "mean {{detection.mean_dwell_days}}.");
  set_body (fixture, "board_oversight", "ja", "当期に検知したインシデントは{{detection.incidents}}件。\n");
  version = cb_disclosure_get_version (fixture->base.workbook, fixture->version_id, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%s\n\n当期に検知したインシデントは3件。\n\n%s\n\nMedian dwell 4 days, mean 5.\n",
                              section (version, "board_oversight")->heading_ja,
                              section (version, "risk_management")->heading_en);

  text = cb_disclosure_render (fixture->base.workbook, fixture->version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *message;
  } cases[] = {
    { "{{detection.no_such_figure}}", "{{detection.no_such_figure}}: no figure has this name" },
    /* The workbook has no suppliers, so there is no coverage to state. */
    { "{{suppliers.high_criticality_coverage_pct}}",
      "{{suppliers.high_criticality_coverage_pct}}: the figure has no value for FY2025" },
    { "{{ detection }}", "is not a placeholder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      set_body (fixture, "incident_effects", "en", cases[i].body);
      text = cb_disclosure_render (fixture->base.workbook, fixture->version_id, &error);
      g_assert_null (text);
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/disclosure-text/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/disclosure-text/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  return g_test_run ();
}
