#include <glib/gstdio.h>
#include <string.h>

#include "cb-demo.h"
#include "cb-workbook-private.h"

/* Every run is at 2026-11-18T11:06:40Z, three days after the demo's day. */
#define NOW "1795000000"

/* 2026-11-15T00:00:00+09:00, the demo's day: nothing may happen at or after it. */
#define DEMO_DAY 1794668400

/* sha256sum of the recipe of the small demo with seed 42 (75 bytes):
 * "cyberboard-demo 1\nscale=small\nseed=42\ntoday=2026-11-15\nfiscal_year_start=4\n" */
#define RECIPE_SHA256 "34f92dbbae811b5d94da25389c9fbf6a9a9a87affd1df4b3841994821260e0ee"

static const CbOrganisation organisation = {
  .name_ja = "東邦精機工業株式会社",
  .name_en = "Toho Precision Industries Co., Ltd.",
  .fiscal_year_start = 4,
  .time_zone = "Asia/Tokyo",
  .language = "ja",
};

typedef struct
{
  char       *dir;
  char       *path;
  CbWorkbook *workbook;
} Fixture;

static CbWorkbook *
create_demo (const char *path,
             guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbWorkbook) workbook = cb_workbook_create (path, &organisation, &error);

  g_assert_no_error (error);
  g_assert_true (cb_demo_generate (workbook, CB_DEMO_SMALL, seed, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&workbook);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.cyberboard", NULL);
  fixture->workbook = create_demo (fixture->path, 42);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workbook);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (CbWorkbook *workbook,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static char *
query_text (CbWorkbook *workbook,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, &error);
  char *value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* The sizes of the small demo, worked out from its description. */
static const struct
{
  const char *sql;
  gint64      expected;
} counts[] = {
  { "SELECT count(*) FROM entities", 3 },
  { "SELECT count(*) FROM entities WHERE parent_id = (SELECT id FROM entities WHERE code = 'GROUP')", 2 },
  /* 8 quarters × 10 items × 3 entities. */
  { "SELECT count(*) FROM assessments", 240 },
  { "SELECT count(DISTINCT period) FROM assessments", 8 },
  { "SELECT count(DISTINCT item_key) FROM assessments", 10 },
  { "SELECT count(*) FROM suppliers", 60 },
  { "SELECT count(*) FROM questions", 30 },
  { "SELECT count(DISTINCT domain) FROM questions", 8 },
  { "SELECT count(*) FROM questions WHERE weight < 1 OR weight > 5", 0 },
  { "SELECT count(*) FROM incidents", 40 },
  { "SELECT count(*) FROM incidents WHERE material = 1", 1 },
  /* The six manual default KPIs × 8 quarters × 3 entities; the small demo adds no KPI. */
  { "SELECT count(*) FROM kpi_values", 144 },
  { "SELECT count(*) FROM kpis WHERE batch_id IS NOT NULL", 0 },
  /* 27 IPA items and 6 CSF functions, in the second and fourth quarters (4 of the 8), for 3 entities. */
  { "SELECT count(*) FROM benchmark_scores", 396 },
  /* 27 × (5 − 1) × 0.13: the spread of IPA totals. */
  { "SELECT count(*) FROM benchmark_reference r JOIN benchmarks b ON b.id = r.benchmark_id "
    "WHERE b.code = 'IPA-BM' AND r.item_code = 'TOTAL' AND r.sd = 14.04", 1 },
  { "SELECT count(*) FROM evaluations WHERE fiscal_year = 2025 AND status = 'signed'", 1 },
  { "SELECT count(*) FROM evaluations WHERE fiscal_year = 2026 AND status = 'draft'", 1 },
  { "SELECT count(*) FROM evaluation_ratings r JOIN evaluations e ON e.id = r.evaluation_id "
    "WHERE e.fiscal_year = 2025 AND r.rating BETWEEN 1 AND 4", 9 },
  /* The five recommendations of FY2025 carried into FY2026, two of them followed up. */
  { "SELECT count(*) FROM recommendations r JOIN evaluations e ON e.id = r.evaluation_id "
    "WHERE e.fiscal_year = 2026 AND r.carried_from IS NOT NULL", 5 },
  { "SELECT count(*) FROM recommendations WHERE follow_up IS NOT NULL", 2 },
  { "SELECT count(*) FROM disclosures WHERE period = 'FY2025'", 1 },
  { "SELECT count(*) FROM disclosure_versions WHERE status = 'draft'", 1 },
  { "SELECT count(*) FROM disclosure_sections WHERE body_ja LIKE '%{{guideline.mean_level}}%' "
    "AND body_en LIKE '%{{guideline.mean_level}}%'", 1 },
  { "SELECT count(*) FROM import_batches", 1 },
  { "SELECT count(*) FROM import_batches WHERE kind = 'demo' AND file_name = 'demo:small:42' "
    "AND sha256 = '" RECIPE_SHA256 "' AND size = 75 AND imported_at = " NOW, 1 },
  { "SELECT count(*) FROM responses WHERE batch_id IS NOT (SELECT id FROM import_batches)", 0 },
  { "SELECT count(*) FROM incidents WHERE batch_id IS NOT (SELECT id FROM import_batches)", 0 },
  /* Rescored once at the end: one scored assessment per supplier and answer date. */
  { "SELECT (SELECT count(*) FROM (SELECT DISTINCT supplier_id, answered_on FROM responses)) "
    "- (SELECT count(*) FROM supplier_assessments)", 0 },
  { "SELECT count(*) FROM supplier_assessments WHERE score IS NULL", 0 },
};

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_test_message ("%s", counts[i].sql);
      g_assert_cmpint (query_int (fixture->workbook, counts[i].sql), ==, counts[i].expected);
    }
}

static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *first = query_text (fixture->workbook, "SELECT min (period) FROM assessments");
  g_autofree char *last = query_text (fixture->workbook, "SELECT max (period) FROM assessments");
  g_autofree char *kpi_last = query_text (fixture->workbook, "SELECT max (period) FROM kpi_values");

  g_assert_cmpstr (first, ==, "FY2024Q3");
  g_assert_cmpstr (last, ==, "FY2026Q2");
  g_assert_cmpstr (kpi_last, ==, "FY2026Q2");
  /* FY2024Q3 starts 2024-10-01T00:00+09:00 (unix 1727708400); FY2026Q2 ends 2026-09-30 24:00+09:00
   * (unix 1790780400). */
  g_assert_cmpint (query_int (fixture->workbook, "SELECT min (detected_at) FROM incidents"), >=, 1727708400);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT max (detected_at) FROM incidents"), <, 1790780400);
}

/* What the brief promises beyond the counts, each at least once. */
static const struct
{
  const char *sql;
  gint64      at_least;
} features[] = {
  { "SELECT count(*) FROM incidents WHERE recovered_at IS NULL", 2 },
  { "SELECT count(*) FROM incidents WHERE occurred_at IS NULL", 1 },
  { "SELECT count(*) FROM incidents WHERE detection_source = 'internal'", 1 },
  { "SELECT count(*) FROM incidents WHERE detection_source = 'external'", 1 },
  { "SELECT count(*) FROM incidents WHERE (detected_at - occurred_at) > 100 * 86400", 1 },
  { "SELECT (SELECT count(*) FROM assessments WHERE confidentiality = 'internal') "
    "+ (SELECT count(*) FROM incidents WHERE confidentiality = 'internal') "
    "+ (SELECT count(*) FROM suppliers WHERE confidentiality = 'internal')", 1 },
  { "SELECT count(*) FROM assessments WHERE confidentiality = 'public'", 1 },
  { "SELECT count(*) FROM incidents WHERE confidentiality = 'public'", 1 },
  { "SELECT count(*) FROM assessments WHERE due_date < '2026-09-30' AND level < target", 1 },
  { "SELECT count(*) FROM evidence WHERE location LIKE 'https://%' AND sha256 IS NULL", 1 },
  { "SELECT count(*) FROM evidence WHERE location NOT LIKE 'https://%' AND length (sha256) = 64", 1 },
  { "SELECT count(*) FROM suppliers s WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.supplier_id = s.id)", 1 },
  { "SELECT count(DISTINCT a.supplier_id) FROM supplier_assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE s.criticality = 'high'", 1 },
  { "SELECT count(*) FROM (SELECT supplier_id FROM supplier_assessments GROUP BY supplier_id HAVING count(*) > 1)",
    1 },
  { "SELECT count(*) FROM responses WHERE answer IN ('はい', '一部', 'いいえ', '該当なし')", 1 },
  { "SELECT count(*) FROM responses WHERE answer IN ('○', '△', '×')", 1 },
  { "SELECT count(*) FROM responses WHERE answer IN ('Yes', 'Partial', 'No', 'N/A')", 1 },
  { "SELECT count(*) FROM responses WHERE score IS NULL", 1 },
};

static void
test_features (Fixture       *fixture,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (features); i++)
    {
      g_test_message ("%s", features[i].sql);
      g_assert_cmpint (query_int (fixture->workbook, features[i].sql), >=, features[i].at_least);
    }
}

static void
test_not_in_future (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const columns[] = {
    "occurred_at", "detected_at", "reported_at", "contained_at", "recovered_at", "determined_material_at",
    "disclosed_at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incidents WHERE %s >= %d", columns[i], DEMO_DAY);
      g_assert_cmpint (query_int (fixture->workbook, sql), ==, 0);
    }
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM evidence WHERE attached_at >= 1794668400"),
                   ==, 0);
}

static gboolean
is_holiday (CbWorkbook  *workbook,
            const GDate *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM holidays WHERE date = '%04d-%02d-%02d'",
                                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return query_int (workbook, sql) > 0;
}

static void
tokyo_date (gint64  when,
            GDate  *date)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tokyo);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* The material incident was disclosed on the third business day after it was judged material. */
static void
test_disclosure_clock (Fixture       *fixture,
                       gconstpointer  data)
{
  GDate day, last;
  int business_days = 0;

  tokyo_date (query_int (fixture->workbook, "SELECT determined_material_at FROM incidents WHERE material"), &day);
  tokyo_date (query_int (fixture->workbook, "SELECT disclosed_at FROM incidents WHERE material"), &last);
  while (g_date_compare (&day, &last) < 0)
    {
      g_date_add_days (&day, 1);
      if (g_date_get_weekday (&day) <= G_DATE_FRIDAY && !is_holiday (fixture->workbook, &day))
        business_days++;
    }
  g_assert_cmpint (business_days, ==, 3);
  g_assert_cmpint (query_int (fixture->workbook,
                              "SELECT count(*) FROM incidents WHERE material AND confidentiality = 'public' "
                              "AND detected_at <= determined_material_at"), ==, 1);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_workbook_check (fixture->workbook, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A second run refuses a workbook that has data, and leaves it as it was. */
static void
test_refuses_data (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cb_demo_generate (fixture->workbook, CB_DEMO_SMALL, 43, NULL, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM import_batches"), ==, 1);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM suppliers"), ==, 60);
  g_assert_cmpint (query_int (fixture->workbook, "SELECT count(*) FROM evaluations"), ==, 2);
}

/* The SHA-256 of the suppliers' names, the incidents' detection times and the levels. */
static char *
digest (CbWorkbook *workbook)
{
  g_autofree char *text = query_text (workbook,
                                      "SELECT (SELECT group_concat (name, '|') FROM suppliers) "
                                      "|| (SELECT group_concat (detected_at, '|') FROM incidents) "
                                      "|| (SELECT group_concat (level, '') FROM assessments)");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (dir, "a.cyberboard", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.cyberboard", NULL);
  g_autofree char *path_c = g_build_filename (dir, "c.cyberboard", NULL);
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_c = NULL;
  gsize size_a, size_b;

  g_assert_no_error (error);
  g_object_unref (create_demo (path_a, 7));
  g_object_unref (create_demo (path_b, 7));
  g_assert_true (g_file_get_contents (path_a, &bytes_a, &size_a, NULL));
  g_assert_true (g_file_get_contents (path_b, &bytes_b, &size_b, NULL));
  g_assert_cmpmem (bytes_a, size_a, bytes_b, size_b);

  {
    g_autoptr(CbWorkbook) a = cb_workbook_open (path_a, CB_WORKBOOK_OPEN_READ_ONLY, &error);
    g_autoptr(CbWorkbook) c = create_demo (path_c, 8);

    g_assert_no_error (error);
    digest_a = digest (a);
    digest_c = digest (c);
    g_assert_cmpstr (digest_a, !=, digest_c);
  }
  remove_dir (dir);
}

/* Before the demo's day the data would lie in the future: nothing is written. From its first
 * second on, the demo can be made. */
static void
test_clock (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "early.cyberboard", NULL);
  g_autoptr(CbWorkbook) workbook = cb_workbook_create (path, &organisation, &error);

  g_assert_no_error (error);
  /* 2026-11-14T14:59:59Z is one second before midnight in Tokyo. */
  g_setenv ("SOURCE_DATE_EPOCH", "1794668399", TRUE);
  g_assert_false (cb_demo_generate (workbook, CB_DEMO_SMALL, 1, NULL, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_cmpint (query_int (workbook, "SELECT count(*) FROM import_batches"), ==, 0);
  g_assert_cmpint (query_int (workbook, "SELECT count(*) FROM entities"), ==, 1);
  g_clear_error (&error);

  g_setenv ("SOURCE_DATE_EPOCH", "1794668400", TRUE);
  g_assert_true (cb_demo_generate (workbook, CB_DEMO_SMALL, 1, NULL, NULL, &error));
  g_setenv ("SOURCE_DATE_EPOCH", NOW, TRUE);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (workbook, "SELECT count(*) FROM entities"), ==, 3);
  g_clear_object (&workbook);
  remove_dir (dir);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "progress.cyberboard", NULL);
  g_autoptr(CbWorkbook) workbook = cb_workbook_create (path, &organisation, &error);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_no_error (error);
  g_assert_true (cb_demo_generate (workbook, CB_DEMO_SMALL, 3, progress_cb, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 10);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >=, 0.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_clear_object (&workbook);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/small/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/demo/small/periods", Fixture, NULL, fixture_set_up, test_periods, fixture_tear_down);
  g_test_add ("/demo/small/features", Fixture, NULL, fixture_set_up, test_features, fixture_tear_down);
  g_test_add ("/demo/small/not-in-future", Fixture, NULL, fixture_set_up, test_not_in_future, fixture_tear_down);
  g_test_add ("/demo/small/disclosure-clock", Fixture, NULL, fixture_set_up, test_disclosure_clock,
              fixture_tear_down);
  g_test_add ("/demo/small/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  g_test_add ("/demo/small/refuses-data", Fixture, NULL, fixture_set_up, test_refuses_data, fixture_tear_down);
  g_test_add_func ("/demo/small/deterministic", test_deterministic);
  g_test_add_func ("/demo/clock", test_clock);
  g_test_add_func ("/demo/progress", test_progress);

  return g_test_run ();
}
