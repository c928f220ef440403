/* The periods and entities the window's header bar offers. */

#include "cb-record.h"
#include "cb-test-util.h"
#include "cb-workbook-choices.h"

static void
assert_periods (const CbWorkbookChoices *choices,
                const char *const       *expected)
{
  g_assert_cmpuint (choices->periods->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *text = cb_period_to_string (&g_array_index (choices->periods, CbPeriod, i));

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static void
test_demo_periods (CbTestFixture *fixture,
                   gconstpointer  data)
{
  /* The demo's data end on 2026-11-15; with an April year start the latest quarter with data is
   * FY2026Q2 (2026-07-01..09-30). Twelve quarters back reach FY2023Q3, which lies in FY2023. */
  const char *const expected[] = {
    "FY2026Q2", "FY2026Q1", "FY2025Q4", "FY2025Q3", "FY2025Q2", "FY2025Q1",
    "FY2024Q4", "FY2024Q3", "FY2024Q2", "FY2024Q1", "FY2023Q4", "FY2023Q3",
    "FY2026", "FY2025", "FY2024", "FY2023", NULL
  };
  g_autoptr(CbWorkbookChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *text;
    int         index;
  } finds[] = {
    { "FY2026Q2", 0 },
    { "fy2025q4", 2 },
    { "FY2023Q3", 11 },
    { "FY2023Q2", -1 },
    { "FY2024", 14 },
    { "FY2022", -1 },
    { "2024", -1 },
    { NULL, -1 },
  };

  fixture->workbook = cb_test_create_demo (fixture->path, 1);
  choices = cb_workbook_choices_new (fixture->workbook, &error);
  g_assert_no_error (error);
  assert_periods (choices, expected);
  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    g_assert_cmpint (cb_workbook_choices_find_period (choices, finds[i].text), ==, finds[i].index);
}

static void
test_empty_workbook (CbTestFixture *fixture,
                     gconstpointer  data)
{
  /* SOURCE_DATE_EPOCH 1795000000 is 2026-11-18 (Tokyo). With a January year start that is
   * FY2026Q4; twelve quarters back is FY2024Q1. */
  const char *const expected[] = {
    "FY2026Q4", "FY2026Q3", "FY2026Q2", "FY2026Q1", "FY2025Q4", "FY2025Q3",
    "FY2025Q2", "FY2025Q1", "FY2024Q4", "FY2024Q3", "FY2024Q2", "FY2024Q1",
    "FY2026", "FY2025", "FY2024", NULL
  };
  CbOrganisation organisation = { "北辰化学株式会社", NULL, 1, "Asia/Tokyo", "ja" };
  g_autoptr(CbWorkbookChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  const CbEntityChoice *root;

  fixture->workbook = cb_workbook_create (fixture->path, &organisation, &error);
  g_assert_no_error (error);
  choices = cb_workbook_choices_new (fixture->workbook, &error);
  g_assert_no_error (error);
  assert_periods (choices, expected);

  /* A new workbook has its group's root entity only. */
  g_assert_cmpuint (choices->entities->len, ==, 1);
  root = g_ptr_array_index (choices->entities, 0);
  g_assert_cmpstr (root->code, ==, "GROUP");
  g_assert_cmpstr (root->name_ja, ==, "北辰化学株式会社");
  g_assert_cmpuint (root->depth, ==, 0);
}

static void
add_entity (CbWorkbook *workbook,
            const char *code,
            const char *name,
            const char *parent)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("entities"));
  g_autoptr(GError) error = NULL;

  cb_record_set (record, "code", code);
  cb_record_set (record, "name_ja", name);
  cb_record_set (record, "parent_code", parent);
  cb_workbook_save_record (workbook, record, 0, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_entity_tree (CbTestFixture *fixture,
                  gconstpointer  data)
{
  /* Depth first: a plant added under the sales company comes right after it, before Vietnam. */
  const struct
  {
    const char *code;
    guint       depth;
  } expected[] = {
    { "GROUP", 0 },
    { "TSH", 1 },
    { "TSH-OSAKA", 2 },
    { "TSH-OSAKA-1", 3 },
    { "TPV", 1 },
    { "LAB", 1 },
  };
  g_autoptr(CbWorkbookChoices) before = NULL;
  g_autoptr(CbWorkbookChoices) after = NULL;
  g_autoptr(CbWorkbookChoices) again = NULL;
  g_autoptr(GError) error = NULL;

  fixture->workbook = cb_test_create_demo (fixture->path, 1);
  before = cb_workbook_choices_new (fixture->workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->entities->len, ==, 3);

  add_entity (fixture->workbook, "TSH-OSAKA", "大阪営業所", "TSH");
  add_entity (fixture->workbook, "LAB", "東邦研究所", "GROUP");
  add_entity (fixture->workbook, "TSH-OSAKA-1", "大阪第一課", "TSH-OSAKA");
  after = cb_workbook_choices_new (fixture->workbook, &error);
  g_assert_no_error (error);
  again = cb_workbook_choices_new (fixture->workbook, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (after->entities->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CbEntityChoice *entity = g_ptr_array_index (after->entities, i);

      g_assert_cmpstr (entity->code, ==, expected[i].code);
      g_assert_cmpuint (entity->depth, ==, expected[i].depth);
      g_assert_cmpint (cb_workbook_choices_find_entity (after, expected[i].code), ==, (int) i);
    }
  g_assert_cmpint (cb_workbook_choices_find_entity (after, "NOPE"), ==, -1);
  g_assert_cmpint (cb_workbook_choices_find_entity (after, NULL), ==, -1);

  /* The window rebuilds its selectors only when the choices differ. */
  g_assert_false (cb_workbook_choices_equal (before, after));
  g_assert_true (cb_workbook_choices_equal (after, again));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/workbook-choices/demo-periods", CbTestFixture, NULL, cb_test_fixture_set_up, test_demo_periods,
              cb_test_fixture_tear_down);
  g_test_add ("/workbook-choices/empty-workbook", CbTestFixture, NULL, cb_test_fixture_set_up, test_empty_workbook,
              cb_test_fixture_tear_down);
  g_test_add ("/workbook-choices/entity-tree", CbTestFixture, NULL, cb_test_fixture_set_up, test_entity_tree,
              cb_test_fixture_tear_down);
  return g_test_run ();
}
