/* test-reports.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include <poppler.h>

#include "cb-disclosure.h"
#include "cb-disclosure-text.h"
#include "cb-evaluation.h"
#include "cb-record.h"
#include "cb-reference.h"
#include "cb-theme.h"
#include "cb-report.h"
#include "cb-report-private.h"
#include "cb-snapshot.h"
#include "cb-test-cli.h"
#include "cb-test-util.h"

/* 2026-11-19 UTC, after the demo's last day (2026-11-15): every report is made "then". */
#define EPOCH "1795000000"

/* The small demo (seed 1) at FY2026Q2 as the board sees it; test-demo and test-snapshot pin the
 * generator, these are the figures the report must print as they are. */
#define DEMO_PERIOD        "FY2026Q2"
#define DEMO_MEDIAN_DWELL  4.34
#define DEMO_COVERAGE      83.33
/* The public figures of the same period as a disclosure writes them (cb_disclosure_render(): one
 * decimal): only the group's own year-end and latest assessments are public, and no incident of
 * the period is; coverage is 10 of 12 high-criticality suppliers, 83.33 %. */
#define DEMO_PUBLIC_LEVEL     "3.1"
#define DEMO_PUBLIC_COVERAGE  "83.3"
#define DEMO_PUBLIC_INCIDENTS "0"

#define DRAFT_MARKING "DRAFT / 草案"
#define BOARD_MARKING "取締役会限り / Board only"

/* poppler-glib 22.12 defines no g_autoptr() cleanup; an alias of our own cannot clash with one a
 * later version adds. */
typedef PopplerDocument Document;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, g_object_unref)

static void
fixture_set_up (CbTestFixture *fixture,
                gconstpointer  user_data)
{
  cb_test_fixture_set_up (fixture, user_data);
  fixture->workbook = cb_test_create_demo (fixture->path, 1);
}

/* Helpers. */

static void
save_record (CbWorkbook *workbook,
             const char *kind,
             ...)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup (kind));
  g_autoptr(GError) error = NULL;
  const char *field;
  const char *failed = NULL;
  va_list args;

  va_start (args, kind);
  while ((field = va_arg (args, const char *)) != NULL)
    cb_record_set (record, field, va_arg (args, const char *));
  va_end (args);

  cb_workbook_save_record (workbook, record, 0, NULL, &failed, &error);
  g_assert_no_error (error);
}

static char *
write_report (CbTestFixture   *fixture,
              CbReportType     type,
              const char      *lang,
              const char      *period,
              const char      *name,
              CbReportOutcome *outcome)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CbReportOptions options = { type, lang, period, NULL };

  cb_report_write (fixture->workbook, &options, path, outcome, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static Document *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  Document *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static char *
page_text (Document *document,
           int       index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  char *text = poppler_page_get_text (page);

  g_object_unref (page);
  return text;
}

/* Letters and digits only: table cells and chart labels wrap where the layout needs, and text
 * extraction joins a hyphenated line end, so comparisons ignore spaces, breaks and punctuation. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
document_text (Document *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in the text", needle);
}

static void
assert_contains_squeezed (const char *haystack,
                          const char *needle)
{
  g_autofree char *squeezed_haystack = squeeze (haystack);
  g_autofree char *squeezed_needle = squeeze (needle);

  if (strstr (squeezed_haystack, squeezed_needle) == NULL)
    g_error ("“%s” not found in the text, even ignoring spaces and punctuation", needle);
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      if (action->type == POPPLER_ACTION_GOTO_DEST)
        g_ptr_array_add (titles, g_strdup (action->goto_dest.title));
      poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect_outline (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static GPtrArray *
outline_titles (Document *document)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (document);

  if (iter != NULL)
    {
      collect_outline (iter, titles);
      poppler_index_iter_free (iter);
    }

  return titles;
}

/* Every title of @expected is in the outline, in this order. */
static void
assert_outline (Document          *document,
                const char *const *expected)
{
  g_autoptr(GPtrArray) titles = outline_titles (document);
  guint next = 0;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      while (next < titles->len && g_strcmp0 (titles->pdata[next], expected[i]) != 0)
        next++;
      if (next == titles->len)
        g_error ("the outline lacks “%s”, or has it out of order", expected[i]);
      next++;
    }
}

static void
assert_every_page (Document   *document,
                   const char *text,
                   gboolean    present)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);

      if ((strstr (page, text) != NULL) != present)
        g_error ("page %d %s “%s”", i + 1, present ? "lacks" : "has", text);
    }
}

static void
assert_fonts_embedded (Document *document)
{
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *fonts = NULL;
  guint n = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      if (!poppler_fonts_iter_is_embedded (fonts))
        g_error ("the font %s is not embedded", poppler_fonts_iter_get_name (fonts));
      n++;
    }
  while (poppler_fonts_iter_next (fonts));
  g_assert_cmpuint (n, >, 0);
  poppler_fonts_iter_free (fonts);
  g_object_unref (info);
}

static void
assert_qpdf_check (const char *path)
{
  const char *argv[] = { QPDF, "--check", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (*QPDF == '\0')
    {
      g_test_fail_printf ("qpdf is not installed (tools/install-deps installs it): %s not checked", path);
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check %s failed:\n%s%s", path, out, err);
}

/* What every PDF of a report must be: well formed, with its fonts inside. */
static Document *
open_checked (const char *path,
              int         min_pages,
              int         max_pages)
{
  Document *document = open_pdf (path);
  int n = poppler_document_get_n_pages (document);

  g_test_message ("%s: %d pages", path, n);
  g_assert_cmpint (n, >=, min_pages);
  g_assert_cmpint (n, <=, max_pages);
  assert_fonts_embedded (document);
  assert_qpdf_check (path);

  return document;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* "4.34", as a table writes a figure: at most two decimals, no trailing zeros. */
static char *
two_decimals (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  return text;
}

/* The word table: every word in both languages, with the same slots to fill. */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
slots (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while ((p = strchr (p, '{')) != NULL)
    {
      const char *end = strchr (p, '}');

      g_assert_nonnull (end);
      g_ptr_array_add (names, g_strndup (p + 1, end - p - 1));
      p = end + 1;
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_words (void)
{
  for (guint w = 0; w < CB_REPORT_WORD_N; w++)
    {
      const char *en = cb_report_word (w, "en");
      const char *ja = cb_report_word (w, "ja");
      g_autofree char *en_slots = NULL;
      g_autofree char *ja_slots = NULL;

      g_test_message ("word %u", w);
      g_assert_nonnull (en);
      g_assert_nonnull (ja);
      g_assert_cmpstr (en, !=, "");
      g_assert_cmpstr (ja, !=, "");
      en_slots = slots (en);
      ja_slots = slots (ja);
      g_assert_cmpstr (en_slots, ==, ja_slots);
    }
}

static void
test_fill (void)
{
  static const struct
  {
    CbReportWord  word;
    const char   *lang;
    const char   *expected;
  } cases[] = {
    { CB_REPORT_WORD_PERIOD_RANGE, "en", "FY2026Q2 (1 July 2026 to 30 September 2026)" },
    { CB_REPORT_WORD_PERIOD_RANGE, "ja", "FY2026Q2（2026年7月1日〜2026年9月30日）" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = cb_report_format_date ("2026-07-01", cases[i].lang, FALSE);
      g_autofree char *to = cb_report_format_date ("2026-09-30", cases[i].lang, FALSE);
      g_autofree char *text = cb_report_fill (cases[i].word, cases[i].lang, "period", "FY2026Q2", "from", from,
                                              "to", to, NULL);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format (void)
{
  static const struct
  {
    CbOptional  value;
    const char *unit;
    const char *lang;
    const char *figure;
    const char *change;
  } cases[] = {
    { CB_OPTIONAL (4.34), "days", "en", "4.34 days", "+4.34 days" },
    { CB_OPTIONAL (4.34), "days", "ja", "4.34日", "+4.34日" },
    { CB_OPTIONAL (1), "days", "en", "1 day", "+1 day" },
    { CB_OPTIONAL (83.33), "%", "en", "83.33%", "+83.33%" },
    { CB_OPTIONAL (-10.14), "days", "en", "−10.14 days", "−10.14 days" },
    { CB_OPTIONAL (12.5), "hours", "ja", "12.5時間", "+12.5時間" },
    { CB_OPTIONAL (67300000), "JPY", "en", "¥67,300,000", "+¥67,300,000" },
    { CB_OPTIONAL (-1200), "JPY", "en", "−¥1,200", "−¥1,200" },
    { CB_OPTIONAL (67300000), "JPY", "ja", "67,300,000円", "+67,300,000円" },
    { CB_OPTIONAL (3), "count", "ja", "3件", "+3件" },
    { CB_OPTIONAL (3), "count", "en", "3", "+3" },
    { CB_OPTIONAL (0.126), "ratio", "en", "0.13", "+0.13" },
    { CB_OPTIONAL (2), "sites", "en", "2 sites", "+2 sites" },
    { CB_OPTIONAL (0), "%", "en", "0%", "0%" },
    { CB_OPTIONAL_NONE, "%", "en", "—", "—" },
  };
  static const struct
  {
    const char *iso;
    const char *lang;
    gboolean    brief;
    const char *expected;
  } dates[] = {
    { "2026-05-20", "ja", FALSE, "2026年5月20日" },
    { "2026-05-20", "ja", TRUE, "2026/5/20" },
    { "2026-05-20", "en", FALSE, "20 May 2026" },
    { "2026-09-05", "en", TRUE, "5 Sep 2026" },
    { "2026-02-30", "en", FALSE, "2026-02-30" },
    { "soon", "en", FALSE, "soon" },
  };
  g_autofree char *hash = cb_report_format_hash ("37efe118449f3754ea6e696310b07a42e45dccbc8a4d8774d5037c21b678afe6");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *figure = cb_report_format_figure (cases[i].value, cases[i].unit, cases[i].lang);
      g_autofree char *change = cb_report_format_change (cases[i].value, cases[i].unit, cases[i].lang);

      g_assert_cmpstr (figure, ==, cases[i].figure);
      g_assert_cmpstr (change, ==, cases[i].change);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = cb_report_format_date (dates[i].iso, dates[i].lang, dates[i].brief);

      g_assert_cmpstr (text, ==, dates[i].expected);
    }
  g_assert_cmpstr (hash, ==, "37efe118449f3754 ea6e696310b07a42 e45dccbc8a4d8774 d5037c21b678afe6");
}

/* The board report. */

typedef struct
{
  const char        *lang;
  const char        *dwell;
  const char        *coverage;
  const char *const *outline;
} BoardCase;

static const char *const board_outline_ja[] = {
  "取締役会報告（サイバーセキュリティ）", "1　エグゼクティブサマリー", "主要指標", "前期からの主な変化",
  "取締役会に求める判断", "2　ガイドライン重要10項目", "3　ベンチマーク", "4　サプライチェーンのリスク",
  "5　インシデントと検知までの時間", "期中のインシデント", "6　KPI・KRI", "7　取締役会評価の未完了の提言", "付録",
  "用語の定義", "成熟度レベルの定義", "データの出所", NULL,
};

static const char *const board_outline_en[] = {
  "Cyber risk report to the Board", "1  Executive summary", "Headline indicators",
  "Biggest changes since the previous period", "Decisions requested", "2  The ten guideline items",
  "3  Benchmark position", "4  Supply-chain risk", "5  Incidents and detection time", "Incidents of the period",
  "6  KPIs and KRIs", "7  Open recommendations of the board evaluation", "Appendix", "Definitions",
  "Maturity levels", "Data provenance", NULL,
};

static const BoardCase board_cases[] = {
  { "ja", "4.34日", "83.33%", board_outline_ja },
  { "en", "4.34 days", "83.33%", board_outline_en },
};

static void
test_board (CbTestFixture *fixture,
            gconstpointer  data)
{
  const BoardCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbSnapshot) snapshot = cb_snapshot_new (fixture->workbook, NULL, NULL, CB_AUDIENCE_BOARD, &error);
  g_autoptr(CbCatalog) catalog = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dwell = NULL;
  g_autofree char *coverage = NULL;
  g_autoptr(Document) document = NULL;
  CbFramework *framework;

  g_assert_no_error (error);
  /* The report prints the snapshot's figures as they are. */
  g_assert_cmpfloat (snapshot->detection.median_dwell_days.value, ==, DEMO_MEDIAN_DWELL);
  g_assert_cmpfloat (snapshot->suppliers.high_criticality_coverage_pct.value, ==, DEMO_COVERAGE);
  dwell = two_decimals (snapshot->detection.median_dwell_days.value);
  coverage = two_decimals (snapshot->suppliers.high_criticality_coverage_pct.value);
  g_assert_nonnull (strstr (test->dwell, dwell));
  g_assert_nonnull (strstr (test->coverage, coverage));

  path = write_report (fixture, CB_REPORT_BOARD, test->lang, NULL, "board.pdf", NULL);
  document = open_checked (path, 8, 14);
  text = document_text (document);

  assert_outline (document, test->outline);
  assert_contains (text, test->dwell);
  assert_contains (text, test->coverage);
  assert_contains (text, DEMO_PERIOD);
  assert_every_page (document, BOARD_MARKING, TRUE);
  assert_every_page (document, DRAFT_MARKING, FALSE);

  catalog = g_object_ref (cb_reference_catalog (&error));
  g_assert_no_error (error);
  framework = cb_catalog_find_framework (catalog, "CSMG", "3.0");
  g_assert_nonnull (framework);
  g_assert_cmpuint (cb_framework_get_n_items (framework), ==, 10);
  for (guint i = 0; i < 10; i++)
    assert_contains_squeezed (text, cb_text_get (&cb_framework_get_item (framework, i)->title, test->lang));

  /* The other language's titles stay out. */
  if (g_str_equal (test->lang, "en"))
    g_assert_null (strstr (text, cb_framework_get_item (framework, 0)->title.ja));
  else
    g_assert_null (strstr (text, cb_framework_get_item (framework, 0)->title.en));
}

static void
test_board_canaries (CbTestFixture *fixture,
                     gconstpointer  data)
{
  static const char *const langs[] = { "ja", "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbSnapshot) all = NULL;
  gboolean seen = FALSE;

  save_record (fixture->workbook, "incidents", "id", "CANARY-1", "title", "CANARY-INTERNAL-incident",
               "severity", "1", "occurred_at", "2026-08-01T09:00:00", "detected_at", "2026-08-03T09:00:00",
               "detection_source", "internal", "entity", "GROUP", "confidentiality", "internal", NULL);
  save_record (fixture->workbook, "suppliers", "code", "CANARY-S", "name", "CANARY-INTERNAL-supplier",
               "criticality", "high", "owner", "CANARY-INTERNAL-owner", "confidentiality", "internal", NULL);
  save_record (fixture->workbook, "kpis", "code", "canary_kpi", "name_ja", "CANARY-INTERNAL-kpi-ja",
               "name_en", "CANARY-INTERNAL-kpi-en", "unit", "count", "direction", "lower", "target", "1",
               "band", "1", "confidentiality", "internal", NULL);
  save_record (fixture->workbook, "kpi-values", "code", "canary_kpi", "period", DEMO_PERIOD, "entity", "GROUP",
               "value", "9", NULL);
  save_record (fixture->workbook, "entities", "code", "CANARY-E", "name_ja", "CANARY-INTERNAL-entity",
               "parent_code", "GROUP", NULL);
  save_record (fixture->workbook, "assessments", "period", DEMO_PERIOD, "entity", "CANARY-E", "item_key", "CSMG.D1",
               "level", "0", "target", "5", "status", "not_started", "owner", "CANARY-INTERNAL-assessor",
               "due_date", "2026-07-01", "confidentiality", "internal", NULL);

  /* The owner's view holds the canaries, so a report without them left them out. */
  all = cb_snapshot_new (fixture->workbook, DEMO_PERIOD, NULL, CB_AUDIENCE_ALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->incidents->len; i++)
    seen = seen || g_strcmp0 (((CbSnapshotIncident *) all->incidents->pdata[i])->title,
                              "CANARY-INTERNAL-incident") == 0;
  g_assert_true (seen);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *name = g_strdup_printf ("board-%s.pdf", langs[l]);
      g_autofree char *path = write_report (fixture, CB_REPORT_BOARD, langs[l], NULL, name, NULL);
      g_autoptr(Document) document = open_pdf (path);
      g_autofree char *text = document_text (document);
      g_autofree char *squeezed = squeeze (text);

      g_assert_null (strstr (text, "CANARY"));
      g_assert_null (strstr (squeezed, "CANARY"));
    }
}

static void
test_deterministic (CbTestFixture *fixture,
                    gconstpointer  data)
{
  static const CbReportType types[] = { CB_REPORT_BOARD, CB_REPORT_EVALUATION };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *first = write_report (fixture, types[i], "ja", NULL, "first.pdf", NULL);
      g_autofree char *second = write_report (fixture, types[i], "ja", NULL, "second.pdf", NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize length_a, length_b;

      g_assert_true (g_file_get_contents (first, &a, &length_a, NULL));
      g_assert_true (g_file_get_contents (second, &b, &length_b, NULL));
      g_assert_cmpmem (a, length_a, b, length_b);
    }
}

/* The evaluation report. */

static void
test_evaluation_draft (CbTestFixture *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    const char *lang;
    const char *unsigned_text;
  } cases[] = {
    { "ja", "未署名" },
    { "en", "Not signed" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evaluations = cb_evaluation_list (fixture->workbook, &error);
  const CbEvaluation *latest;

  g_assert_no_error (error);
  latest = g_ptr_array_index (evaluations, evaluations->len - 1);
  g_assert_cmpstr (latest->status, ==, "draft");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbReportOutcome outcome = { NULL };
      g_autofree char *path = write_report (fixture, CB_REPORT_EVALUATION, cases[i].lang, NULL, "draft.pdf",
                                            &outcome);
      g_autoptr(Document) document = open_checked (path, 3, 8);
      g_autofree char *text = document_text (document);
      g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (fixture->workbook, latest->id, &error);

      g_assert_no_error (error);
      assert_every_page (document, DRAFT_MARKING, TRUE);
      assert_every_page (document, BOARD_MARKING, TRUE);
      assert_contains (text, cases[i].unsigned_text);
      assert_contains (text, "FY2026");
      g_assert_null (strstr (text, "SHA-256"));
      /* A draft keeps no hash of its PDF. */
      g_assert_null (outcome.sealed_what);
      g_assert_false (outcome.hash_recorded);
      g_assert_null (evaluation->report_sha256);
      cb_report_outcome_clear (&outcome);
    }
}

static void
test_evaluation_signed (CbTestFixture *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *lang;
    const char *signer_label;
    const char *criterion;
  } cases[] = {
    { "ja", "署名者", "BE9" },
    { "en", "Signed by", "BE9" },
  };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autoptr(GPtrArray) evaluations = cb_evaluation_list (fixture->workbook, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < evaluations->len; i++)
    if (((CbEvaluation *) evaluations->pdata[i])->fiscal_year == 2025)
      id = ((CbEvaluation *) evaluations->pdata[i])->id;
  g_assert_cmpint (id, !=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbReportOutcome outcome = { NULL };
      g_autofree char *path = write_report (fixture, CB_REPORT_EVALUATION, cases[i].lang, "FY2025Q3", "signed.pdf",
                                            &outcome);
      g_autoptr(Document) document = open_checked (path, 3, 8);
      g_autofree char *text = document_text (document);
      g_autofree char *sha256 = file_sha256 (path);
      g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (fixture->workbook, id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (evaluation->status, ==, "signed");
      assert_every_page (document, DRAFT_MARKING, FALSE);
      assert_every_page (document, BOARD_MARKING, TRUE);
      assert_contains (text, cases[i].signer_label);
      assert_contains (text, evaluation->signed_by);
      assert_contains_squeezed (text, evaluation->content_sha256);
      assert_contains (text, cases[i].criterion);

      /* The first PDF's hash is stored; the second keeps it. */
      g_assert_cmpstr (outcome.sha256, ==, sha256);
      g_assert_cmpstr (outcome.sealed_what, ==, "evaluation FY2025 revision 1");
      if (i == 0)
        {
          g_assert_true (outcome.hash_recorded);
          g_assert_null (outcome.kept_hash);
          g_assert_cmpstr (evaluation->report_sha256, ==, sha256);
        }
      else
        {
          g_assert_false (outcome.hash_recorded);
          g_assert_nonnull (outcome.kept_hash);
          g_assert_cmpstr (evaluation->report_sha256, ==, outcome.kept_hash);
          g_assert_cmpstr (evaluation->report_sha256, !=, sha256);
        }
      cb_report_outcome_clear (&outcome);
    }
}

/* The disclosure. */

static const char *const disclosure_ja =
  "成熟度の平均は{{guideline.mean_level}}、重要取引先の評価率は{{suppliers.high_criticality_coverage_pct}}%。"
  "\n検知件数：{{detection.incidents}}件。";
static const char *const disclosure_en =
  "Mean maturity {{guideline.mean_level}}; supplier coverage {{suppliers.high_criticality_coverage_pct}}%."
  "\nIncidents detected: {{detection.incidents}}.";

static gint64
create_disclosure (CbWorkbook *workbook,
                   const char *period,
                   const char *body_ja,
                   const char *body_en)
{
  CbDisclosureInfo info = {
    .audience = "us_10k",
    .period = period,
    .languages = "ja,en",
    .title_ja = "サイバーセキュリティ（試験）",
    .title_en = "Cybersecurity (test)",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 id = cb_disclosure_create (workbook, &info, &error);
  gint64 version;

  g_assert_no_error (error);
  versions = cb_disclosure_list_versions (workbook, id, &error);
  g_assert_no_error (error);
  version = ((CbDisclosureVersion *) versions->pdata[0])->id;
  cb_disclosure_set_section (workbook, version, "risk_management", "ja", body_ja, &error);
  g_assert_no_error (error);
  cb_disclosure_set_section (workbook, version, "risk_management", "en", body_en, &error);
  g_assert_no_error (error);

  return version;
}

/* Board rows in the disclosure's period that must never reach it. */
static void
add_board_canaries (CbWorkbook *workbook)
{
  save_record (workbook, "incidents", "id", "CANARY-2", "title", "CANARY-BOARD-incident", "severity", "2",
               "occurred_at", "2026-08-01T09:00:00", "detected_at", "2026-08-02T09:00:00",
               "detection_source", "external", "entity", "GROUP", "confidentiality", "board", NULL);
  save_record (workbook, "kpis", "code", "canary_board", "name_ja", "CANARY-BOARD-kpi", "name_en",
               "CANARY-BOARD-kpi", "unit", "count", "direction", "higher", "target", "1", "band", "0",
               "confidentiality", "board", NULL);
  save_record (workbook, "kpi-values", "code", "canary_board", "period", DEMO_PERIOD, "entity", "GROUP",
               "value", "7", NULL);
  save_record (workbook, "suppliers", "code", "CANARY-B", "name", "CANARY-BOARD-supplier", "criticality", "high",
               "confidentiality", "board", NULL);
}

static void
assert_disclosure_text (const char *text,
                        const char *lang)
{
  if (g_str_equal (lang, "ja"))
    {
      assert_contains (text, "成熟度の平均は" DEMO_PUBLIC_LEVEL "、重要取引先の評価率は" DEMO_PUBLIC_COVERAGE "%。");
      assert_contains (text, "検知件数：" DEMO_PUBLIC_INCIDENTS "件。");
    }
  else
    {
      assert_contains (text, "Mean maturity " DEMO_PUBLIC_LEVEL "; supplier coverage " DEMO_PUBLIC_COVERAGE "%.");
      assert_contains (text, "Incidents detected: " DEMO_PUBLIC_INCIDENTS ".");
    }
  g_assert_null (strstr (text, "CANARY"));
  g_assert_null (strstr (text, "{{"));
}

static void
test_disclosure_draft (CbTestFixture *fixture,
                       gconstpointer  data)
{
  static const char *const langs[] = { "ja", "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbSnapshot) board = NULL;

  create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);
  add_board_canaries (fixture->workbook);

  /* The board sees incidents in the period; investors see none of them. */
  board = cb_snapshot_new (fixture->workbook, DEMO_PERIOD, NULL, CB_AUDIENCE_BOARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->detection.incidents, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      CbReportOutcome outcome = { NULL };
      g_autofree char *path = write_report (fixture, CB_REPORT_DISCLOSURE, langs[i], DEMO_PERIOD, "draft.pdf",
                                            &outcome);
      g_autoptr(Document) document = open_checked (path, 1, 3);
      g_autofree char *text = document_text (document);
      g_autofree char *squeezed = squeeze (text);

      assert_every_page (document, DRAFT_MARKING, TRUE);
      assert_every_page (document, "公開 / Public", TRUE);
      assert_disclosure_text (text, langs[i]);
      g_assert_null (strstr (squeezed, "CANARY"));
      g_assert_null (outcome.sealed_what);
      cb_report_outcome_clear (&outcome);
    }
}

static void
test_disclosure_approved (CbTestFixture *fixture,
                          gconstpointer  data)
{
  static const char *const langs[] = { "ja", "en" };
  g_autoptr(GError) error = NULL;
  gint64 version_id = create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);
  g_autofree char *sealed = cb_disclosure_render (fixture->workbook, version_id, &error);

  g_assert_no_error (error);
  cb_disclosure_approve (fixture->workbook, version_id, "Taro Yamada", "2026-11-10", sealed, &error);
  g_assert_no_error (error);

  /* A public incident of the period after approval: the approved text keeps its figures. */
  save_record (fixture->workbook, "incidents", "id", "LATE-1", "title", "Late public incident", "severity", "3",
               "detected_at", "2026-08-05T09:00:00", "entity", "GROUP", "confidentiality", "public", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      CbReportOutcome outcome = { NULL };
      g_autofree char *path = write_report (fixture, CB_REPORT_DISCLOSURE, langs[i], DEMO_PERIOD, "approved.pdf",
                                            &outcome);
      g_autoptr(Document) document = open_checked (path, 1, 3);
      g_autofree char *text = document_text (document);
      g_autofree char *sha256 = file_sha256 (path);
      g_autoptr(CbDisclosureVersion) version = cb_disclosure_get_version (fixture->workbook, version_id, &error);

      g_assert_no_error (error);
      assert_every_page (document, DRAFT_MARKING, FALSE);
      assert_disclosure_text (text, langs[i]);
      assert_contains (text, "Taro Yamada");
      assert_contains_squeezed (text, version->content_sha256);
      g_assert_cmpstr (outcome.sealed_what, ==, "disclosure version 1");
      if (i == 0)
        {
          g_assert_true (outcome.hash_recorded);
          g_assert_cmpstr (version->pdf_sha256, ==, sha256);
        }
      else
        {
          g_assert_false (outcome.hash_recorded);
          g_assert_cmpstr (outcome.kept_hash, ==, version->pdf_sha256);
        }
      cb_report_outcome_clear (&outcome);
    }
}

static void
test_disclosure_refused (CbTestFixture *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *message;
  } cases[] = {
    { "Coverage {{suppliers.bogus}}%.", "{{suppliers.bogus}}: no figure has this name" },
    /* Board rows: investors have no such figure. */
    { "Briefings {{kpis.canary_board.value}}.", "{{kpis.canary_board.value}}: no figure has this name" },
    /* No incident of the period is public, so no public dwell time exists. */
    { "Dwell {{detection.median_dwell_days}} days.",
      "{{detection.median_dwell_days}}: the figure has no value for FY2026Q2 from public data" },
  };

  add_board_canaries (fixture->workbook);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbPage) page = NULL;
      CbReportOptions options = { CB_REPORT_DISCLOSURE, "en", DEMO_PERIOD, NULL };

      create_disclosure (fixture->workbook, DEMO_PERIOD, cases[i].body, cases[i].body);
      g_test_message ("%s", cases[i].body);
      page = cb_report_build (fixture->workbook, &options, NULL, &error);
      g_assert_null (page);
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A version approved with a text that is not its own rendering cannot be shown as approved. */
static void
test_disclosure_foreign_seal (CbTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbPage) page = NULL;
  gint64 version_id = create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);
  CbReportOptions options = { CB_REPORT_DISCLOSURE, "ja", DEMO_PERIOD, NULL };

  cb_disclosure_approve (fixture->workbook, version_id, "Taro Yamada", "2026-11-10", "Some other text.\n",
                         &error);
  g_assert_no_error (error);
  page = cb_report_build (fixture->workbook, &options, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "version 1: the approved text does not match the version's sections");
}

static void
test_bad_options (CbTestFixture *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    CbReportOptions options;
    const char     *message;
  } cases[] = {
    { { CB_REPORT_BOARD, "de", NULL, NULL }, "“de” is not a report language: ja or en" },
    { { CB_REPORT_BOARD, "en", "2026Q1", NULL }, "“2026Q1” is not a period such as FY2026Q1 or FY2026" },
    { { CB_REPORT_EVALUATION, "en", "FY2019", NULL }, "no board evaluation of fiscal year 2019" },
    { { CB_REPORT_DISCLOSURE, "en", "FY2019Q1", NULL }, "no disclosure for FY2019Q1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbPage) page = cb_report_build (fixture->workbook, &cases[i].options, NULL, &error);

      g_assert_null (page);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CB_WORKBOOK_ERROR);
      g_assert_true (g_str_has_suffix (error->message, cases[i].message));
    }
}

/* The periods offered and the one chosen. */

static GArray *
parse_periods (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (CbPeriod));

  for (guint i = 0; words[i] != NULL; i++)
    {
      CbPeriod period;

      if (*words[i] == '\0')
        continue;
      g_assert_true (cb_period_parse (words[i], &period, NULL));
      g_array_append_val (periods, period);
    }
  return periods;
}

static char *
periods_text (const GArray *periods)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < periods->len; i++)
    {
      g_autofree char *period = cb_period_to_string (&g_array_index (periods, CbPeriod, i));

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", period);
    }
  return g_string_free (text, FALSE);
}

static void
assert_periods (CbWorkbook   *workbook,
                CbReportType  type,
                const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) periods = cb_report_list_periods (workbook, type, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = periods_text (periods);
  g_assert_cmpstr (text, ==, expected);
}

/* The demo's data end in FY2026Q2 (April year start): twelve quarters back reach FY2023Q3. It
 * evaluates FY2025 (signed) and FY2026 (draft) and drafts the disclosure of FY2025. */
#define DEMO_BOARD_PERIODS \
  "FY2026Q2 FY2026Q1 FY2025Q4 FY2025Q3 FY2025Q2 FY2025Q1 FY2024Q4 FY2024Q3 FY2024Q2 FY2024Q1 FY2023Q4 " \
  "FY2023Q3 FY2026 FY2025 FY2024 FY2023"

static void
test_list_periods (CbTestFixture *fixture,
                   gconstpointer  data)
{
  CbEvaluationInfo info = { .fiscal_year = 2023, .evaluator_name = "Hanako Sato" };
  g_autoptr(GError) error = NULL;
  gint64 fy2025;

  assert_periods (fixture->workbook, CB_REPORT_BOARD, DEMO_BOARD_PERIODS);
  assert_periods (fixture->workbook, CB_REPORT_EVALUATION, "FY2026 FY2025");
  assert_periods (fixture->workbook, CB_REPORT_DISCLOSURE, "FY2025");

  /* A second revision of FY2025 offers the year once; FY2023, made last, sorts by its year. */
  fy2025 = cb_test_evaluation_of_year (fixture->workbook, 2025);
  cb_evaluation_new_revision (fixture->workbook, fy2025, &error);
  g_assert_no_error (error);
  cb_evaluation_create (fixture->workbook, &info, &error);
  g_assert_no_error (error);
  assert_periods (fixture->workbook, CB_REPORT_EVALUATION, "FY2026 FY2025 FY2023");

  /* A second disclosure of FY2025 offers it once; a year sorts before its first quarter, which it
   * outlasts. */
  create_disclosure (fixture->workbook, "FY2024Q4", disclosure_ja, disclosure_en);
  create_disclosure (fixture->workbook, "FY2025Q1", disclosure_ja, disclosure_en);
  create_disclosure (fixture->workbook, "FY2025", disclosure_ja, disclosure_en);
  create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);
  assert_periods (fixture->workbook, CB_REPORT_DISCLOSURE, "FY2026Q2 FY2025 FY2025Q1 FY2024Q4");

  /* Reports are not data: the board's periods stay. */
  assert_periods (fixture->workbook, CB_REPORT_BOARD, DEMO_BOARD_PERIODS);
}

static void
test_list_periods_empty (CbTestFixture *fixture,
                         gconstpointer  data)
{
  /* SOURCE_DATE_EPOCH 1795000000 is 2026-11-18 in Tokyo: with a January year start FY2026Q4, and
   * twelve quarters back FY2024Q1. */
  CbOrganisation organisation = { "北辰化学株式会社", NULL, 1, "Asia/Tokyo", "ja" };
  g_autofree char *path = g_build_filename (fixture->dir, "empty.cyberboard", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbWorkbook) workbook = cb_workbook_create (path, &organisation, &error);

  g_assert_no_error (error);
  assert_periods (workbook, CB_REPORT_BOARD,
                  "FY2026Q4 FY2026Q3 FY2026Q2 FY2026Q1 FY2025Q4 FY2025Q3 FY2025Q2 FY2025Q1 FY2024Q4 FY2024Q3 "
                  "FY2024Q2 FY2024Q1 FY2026 FY2025 FY2024");
  assert_periods (workbook, CB_REPORT_EVALUATION, "");
  assert_periods (workbook, CB_REPORT_DISCLOSURE, "");
}

static void
test_choose_period (void)
{
  static const struct
  {
    const char *offered;
    const char *wanted;
    const char *chosen;
  } cases[] = {
    { "FY2026 FY2025", "FY2025", "FY2025" },
    /* An evaluation of the quarter's fiscal year. */
    { "FY2026 FY2025", "FY2025Q3", "FY2025" },
    { "FY2026 FY2025", "fy2026q1", "FY2026" },
    /* Nothing of that year, or nothing asked: the newest. */
    { "FY2026 FY2025", "FY2024Q1", "FY2026" },
    { "FY2026 FY2025", NULL, "FY2026" },
    { "FY2026 FY2025", "2025", "FY2026" },
    /* A quarter offered is chosen over its year. */
    { "FY2026Q2 FY2025 FY2025Q1 FY2024Q4", "FY2025Q1", "FY2025Q1" },
    { "FY2026Q2 FY2025 FY2025Q1 FY2024Q4", "FY2025Q3", "FY2025" },
    { "FY2026Q2 FY2025 FY2025Q1 FY2024Q4", "FY2026Q1", "FY2026Q2" },
    /* With none offered, the one asked, so that building the report says why. */
    { "", "FY2024Q2", "FY2024Q2" },
    { "", "2025", "2025" },
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) offered = parse_periods (cases[i].offered);
      g_autofree char *chosen = cb_report_choose_period (offered, cases[i].wanted);

      g_test_message ("%s from “%s”", cases[i].wanted, cases[i].offered);
      g_assert_cmpstr (chosen, ==, cases[i].chosen);
    }
}

/* The build says what it is of: the subject the page shows with the preview. */
static void
test_subject (CbTestFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fy2025 = cb_test_evaluation_of_year (fixture->workbook, 2025);
  gint64 revision;
  gint64 fy2026;
  gint64 disclosed;
  struct
  {
    CbReportOptions  options;
    const gint64    *subject;
  } cases[] = {
    { { CB_REPORT_BOARD, "en", DEMO_PERIOD, NULL }, &(gint64) { 0 } },
    /* The latest revision of the quarter's fiscal year. */
    { { CB_REPORT_EVALUATION, "en", "FY2025Q3", NULL }, &revision },
    { { CB_REPORT_EVALUATION, "en", NULL, NULL }, &fy2026 },
    /* The disclosure of the period made last, at its latest version. */
    { { CB_REPORT_DISCLOSURE, "en", DEMO_PERIOD, NULL }, &disclosed },
  };

  revision = cb_evaluation_new_revision (fixture->workbook, fy2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision, !=, fy2025);
  fy2026 = cb_test_evaluation_of_year (fixture->workbook, 2026);
  create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);
  disclosed = create_disclosure (fixture->workbook, DEMO_PERIOD, disclosure_ja, disclosure_en);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 subject = -1;
      g_autoptr(CbPage) page = cb_report_build (fixture->workbook, &cases[i].options, &subject, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      g_assert_cmpint (subject, ==, *cases[i].subject);
    }
}

/* The command line. */

static void
test_cli (CbTestFixture *fixture,
          gconstpointer  data)
{
  g_autofree char *board = g_build_filename (fixture->dir, "cli-board.pdf", NULL);
  g_autofree char *evaluation = g_build_filename (fixture->dir, "cli-evaluation.pdf", NULL);
  g_autofree char *refused = g_build_filename (fixture->dir, "cli-refused.pdf", NULL);
  g_autoptr(CbTestRun) run = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;

  add_board_canaries (fixture->workbook);
  create_disclosure (fixture->workbook, DEMO_PERIOD, "Briefings: {{kpis.canary_board.value}}.", "Briefings: {{kpis.canary_board.value}}.");
  /* The CLI opens the file itself. */
  g_clear_object (&fixture->workbook);

  /* The workbook's own language, Japanese, unless asked. */
  run = cb_test_cli ("report", fixture->path, "--type", "board", "-o", board, NULL);
  g_assert_cmpint (run->status, ==, 0);
  document = open_pdf (board);
  text = document_text (document);
  assert_contains (text, "エグゼクティブサマリー");
  g_clear_pointer (&run, cb_test_run_free);

  run = cb_test_cli ("report", fixture->path, "--type", "disclosure", "--lang", "en", "--period", DEMO_PERIOD, "-o",
             refused, NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_contains (run->err, "{{kpis.canary_board.value}}");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, cb_test_run_free);

  run = cb_test_cli ("report", fixture->path, "--type", "evaluation", "--period", "FY2025", "--lang", "en", "-o",
             evaluation, NULL);
  g_assert_cmpint (run->status, ==, 0);
  /* Nothing to say the first time (a sanitizer's summary may follow on stderr). */
  g_assert_null (strstr (run->err, "cyberboard-cli:"));
  g_clear_pointer (&run, cb_test_run_free);
  run = cb_test_cli ("report", fixture->path, "--type", "evaluation", "--period", "FY2025", "--lang", "en", "-o",
             evaluation, NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_contains (run->err, "evaluation FY2025 revision 1 already has the SHA-256 of this PDF");
  g_clear_pointer (&run, cb_test_run_free);

  run = cb_test_cli ("report", fixture->path, "--type", "minutes", "-o", board, NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_contains (run->err, "“minutes” is not a report type");
  g_clear_pointer (&run, cb_test_run_free);

  run = cb_test_cli ("report", fixture->path, "--type", "board", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_clear_pointer (&run, cb_test_run_free);

  run = cb_test_cli ("report", fixture->path, "--type", "board", "--entity", "NO-SUCH-ENTITY", "-o", board, NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_contains (run->err, "NO-SUCH-ENTITY");
}

#define ADD(path, data, fn) g_test_add (path, CbTestFixture, data, fixture_set_up, fn, cb_test_fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/words", test_words);
  g_test_add_func ("/reports/fill", test_fill);
  g_test_add_func ("/reports/format", test_format);
  ADD ("/reports/board/ja", &board_cases[0], test_board);
  ADD ("/reports/board/en", &board_cases[1], test_board);
  ADD ("/reports/board/no-internal-data", NULL, test_board_canaries);
  ADD ("/reports/deterministic", NULL, test_deterministic);
  ADD ("/reports/evaluation/draft", NULL, test_evaluation_draft);
  ADD ("/reports/evaluation/signed", NULL, test_evaluation_signed);
  ADD ("/reports/disclosure/draft", NULL, test_disclosure_draft);
  ADD ("/reports/disclosure/approved", NULL, test_disclosure_approved);
  ADD ("/reports/disclosure/refused", NULL, test_disclosure_refused);
  ADD ("/reports/disclosure/foreign-seal", NULL, test_disclosure_foreign_seal);
  ADD ("/reports/bad-options", NULL, test_bad_options);
  ADD ("/reports/periods/demo", NULL, test_list_periods);
  ADD ("/reports/periods/empty", NULL, test_list_periods_empty);
  g_test_add_func ("/reports/periods/choose", test_choose_period);
  ADD ("/reports/subject", NULL, test_subject);
  ADD ("/reports/cli", NULL, test_cli);

  status = g_test_run ();
  cb_theme_release_fonts ();
  return status;
}
