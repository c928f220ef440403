/* test-snapshot.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cb-record.h"
#include "cb-snapshot.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

/* An expected figure that must be null. */
#define NONE NAN

#define EPSILON 1e-9

static char *workbook_dir;
static CbWorkbook *workbook;

static void
save (CbWorkbook *target,
      const char *kind,
      ...)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup (kind));
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  const char *name;
  va_list args;

  va_start (args, kind);
  while ((name = va_arg (args, const char *)) != NULL)
    cb_record_set (record, name, va_arg (args, const char *));
  va_end (args);

  if (!cb_workbook_save_record (target, record, 0, NULL, &field, &error))
    g_error ("saving %s: %s: %s", kind, field ? field : "", error->message);
}

static void
exec (CbWorkbook *target,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_workbook_exec (target, sql, &error));
  g_assert_no_error (error);
}

static void
assert_optional (CbOptional  value,
                 double      expected,
                 const char *what)
{
  g_test_message ("%s", what);
  if (isnan (expected))
    {
      if (value.valid)
        g_error ("%s: expected null, got %g", what, value.value);
      return;
    }
  if (!value.valid)
    g_error ("%s: expected %g, got null", what, expected);
  g_assert_cmpfloat_with_epsilon (value.value, expected, EPSILON);
}

static CbSnapshot *
snapshot_of (const char *period,
             const char *entity,
             CbAudience  audience)
{
  g_autoptr(GError) error = NULL;
  CbSnapshot *snapshot = cb_snapshot_new (workbook, period, entity, audience, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

/* Entities: GROUP (the root) ─ SUB ─ SITE, and GROUP ─ OTHER. The period under test is FY2026Q1:
 * 2026-04-01 to 2026-06-30 in Tokyo, [2026-03-31T15:00Z, 2026-06-30T15:00Z). */
static void
add_entities (void)
{
  save (workbook, "entities", "code", "SUB", "name_ja", "子会社", "name_en", "Subsidiary", "parent_code", "GROUP", NULL);
  save (workbook, "entities", "code", "SITE", "name_ja", "工場", "parent_code", "SUB", NULL);
  save (workbook, "entities", "code", "OTHER", "name_ja", "別会社", "parent_code", "GROUP", NULL);
}

/* Incidents of FY2026Q1, board unless said otherwise:
 *   I1 GROUP  occurred 04-01, detected 04-03: dwell 2 d; reported +6 h, contained +12 h,
 *             recovered +24 h; internal.
 *   I2 SUB    occurred 04-05, detected 04-10: dwell 5 d; reported +2 h, contained +36 h,
 *             recovered +48 h; external; material, determined 06-01, never disclosed: late.
 *   I3 SITE   occurred 04-10, detected 04-20: dwell 10 d; reported +10 h, contained +6 h,
 *             recovered 07-05, after the period: open; internal.
 *   I4 none   occurred 03-01, detected 04-10: dwell 40 d; never contained: open; source unknown.
 *   I5 OTHER  detected 2026-03-31T16:00Z = 04-01 01:00 in Tokyo, so in FY2026Q1 (in UTC it would
 *             be FY2025Q4); occurrence unknown; contained +1 h, recovered +100 h; internal;
 *             material, determined Tue 04-28, disclosed Thu 05-07: 3 business days, because
 *             04-29, 05-04, 05-05 and 05-06 are Japanese holidays (7 weekdays without them).
 *   I6 GROUP  internal confidentiality: occurred 02-09, detected 05-20: dwell 100 d; contained
 *             +2 h, recovered +3 h; internal.
 * And in FY2025Q4: I0 GROUP occurred 02-01, detected 02-03: dwell 2 d; external. */
static void
add_incidents (void)
{
  save (workbook, "incidents", "id", "I0", "occurred_at", "2026-02-01T00:00:00+09:00",
        "detected_at", "2026-02-03T00:00:00+09:00", "detection_source", "external", "entity", "GROUP", NULL);
  save (workbook, "incidents", "id", "I1", "title", "Phishing", "severity", "3", "category", "phishing",
        "occurred_at", "2026-04-01T00:00:00+09:00", "detected_at", "2026-04-03T00:00:00+09:00",
        "reported_at", "2026-04-03T06:00:00+09:00", "contained_at", "2026-04-03T12:00:00+09:00",
        "recovered_at", "2026-04-04T00:00:00+09:00", "detection_source", "internal", "entity", "GROUP", NULL);
  save (workbook, "incidents", "id", "I2", "occurred_at", "2026-04-05T00:00:00+09:00",
        "detected_at", "2026-04-10T00:00:00+09:00", "reported_at", "2026-04-10T02:00:00+09:00",
        "contained_at", "2026-04-11T12:00:00+09:00", "recovered_at", "2026-04-12T00:00:00+09:00",
        "detection_source", "external", "material", "yes", "determined_material_at", "2026-06-01T09:00:00+09:00",
        "entity", "SUB", NULL);
  save (workbook, "incidents", "id", "I3", "occurred_at", "2026-04-10T00:00:00+09:00",
        "detected_at", "2026-04-20T00:00:00+09:00", "reported_at", "2026-04-20T10:00:00+09:00",
        "contained_at", "2026-04-20T06:00:00+09:00", "recovered_at", "2026-07-05T00:00:00+09:00",
        "detection_source", "internal", "entity", "SITE", NULL);
  save (workbook, "incidents", "id", "I4", "occurred_at", "2026-03-01T00:00:00+09:00",
        "detected_at", "2026-04-10T00:00:00+09:00", NULL);
  save (workbook, "incidents", "id", "I5", "detected_at", "2026-03-31T16:00:00Z",
        "contained_at", "2026-04-01T02:00:00+09:00", "recovered_at", "2026-04-05T05:00:00+09:00",
        "detection_source", "internal", "material", "yes", "determined_material_at", "2026-04-28T10:00:00+09:00",
        "disclosed_at", "2026-05-07T10:00:00+09:00", "entity", "OTHER", NULL);
  save (workbook, "incidents", "id", "I6", "occurred_at", "2026-02-09T00:00:00+09:00",
        "detected_at", "2026-05-20T00:00:00+09:00", "contained_at", "2026-05-20T02:00:00+09:00",
        "recovered_at", "2026-05-20T03:00:00+09:00", "detection_source", "internal", "entity", "GROUP",
        "confidentiality", "internal", NULL);
}

/* Guideline items in FY2026Q1 (board unless said otherwise):
 *   D1 GROUP level 2 target 4 in_progress, owner CISO, due 2026-06-15 (overdue); SUB level 3
 *      target 3 implemented → level 2.5, target 3.5, gap 1; FY2025Q4: GROUP 1, SUB 2 → 1.5.
 *   D2 SUB level 1 not_started due 2026-09-30, owner Sub lead; SITE level 4 target 4 operating
 *      due 2026-05-01, owner Site lead → level 2.5, target 4, gap 1.5, status not_started, shown
 *      owner Site lead (GROUP has no row of its own; SITE's is due first); not overdue.
 *   D3 GROUP level 3, internal confidentiality.
 *   D4 GROUP level 1 target 3, one piece of evidence; FY2025Q4: GROUP 1.
 *   D5 GROUP 1, SUB 1, SITE 2 → 4/3 = 1.33.
 *   D6 GROUP 3. */
static void
add_assessments (void)
{
  save (workbook, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D1", "level", "2", "target", "4",
        "status", "in_progress", "owner", "CISO", "due_date", "2026-06-15", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "entity", "SUB", "item_key", "CSMG.D1", "level", "3",
        "target", "3", "status", "implemented", "owner", "Sub lead", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "entity", "SUB", "item_key", "CSMG.D2", "level", "1",
        "status", "not_started", "owner", "Sub lead", "due_date", "2026-09-30", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "entity", "SITE", "item_key", "CSMG.D2", "level", "4",
        "target", "4", "status", "operating", "owner", "Site lead", "due_date", "2026-05-01", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D3", "level", "3",
        "confidentiality", "internal", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D4", "level", "1", "target", "3", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D5", "level", "1", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "entity", "SUB", "item_key", "CSMG.D5", "level", "1", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "entity", "SITE", "item_key", "CSMG.D5", "level", "2", NULL);
  save (workbook, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D6", "level", "3", NULL);
  save (workbook, "assessments", "period", "FY2025Q4", "item_key", "CSMG.D1", "level", "1", NULL);
  save (workbook, "assessments", "period", "FY2025Q4", "entity", "SUB", "item_key", "CSMG.D1", "level", "2", NULL);
  save (workbook, "assessments", "period", "FY2025Q4", "item_key", "CSMG.D4", "level", "1", NULL);
  exec (workbook, "INSERT INTO evidence (assessment_id, title, location, attached_at) "
                  "SELECT id, 'Risk register', '/srv/risk.xlsx', 0 FROM assessments "
                  "WHERE period = 'FY2026Q1' AND item_key = 'CSMG.D4'");
}

static void
respond (const char *supplier,
         const char *answered_on,
         const char *a1,
         const char *a2,
         const char *a3,
         const char *a4)
{
  const char *answers[] = { a1, a2, a3, a4 };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *question = g_strdup_printf ("Q%u", i + 1);
      save (workbook, "responses", "supplier_code", supplier, "questionnaire", "SEC", "question_code", question,
            "answer", answers[i], "answered_on", answered_on, NULL);
    }
}

/* Questionnaire SEC: Q1 Access weight 1, Q2 Access weight 3, Q3 Backup weight 1, Q4 Incident
 * weight 1. FY2026Q1's window is [2025-07-01, 2026-07-01); FY2025Q4's [2025-04-01, 2026-04-01).
 *   S1 high    2026-05-10 Yes Partial No Yes → 3.5 / 6 = 58.33 (50–70); 2025-03-31 all Yes (outside both).
 *   S2 high    2025-08-01 Yes Yes Yes N/A → 100 (≥ 85); 2026-08-15 all No, after the period.
 *   S3 high    2025-06-30 all No: a day before FY2026Q1's window (overdue), inside FY2025Q4's.
 *   S4 medium  2026-04-15 Partial No Partial Yes → 2 / 6 = 33.33 (< 50).
 *   S5 low     internal confidentiality, 2026-04-20 all Yes → 100.
 *   S6 low     never assessed. */
static void
add_suppliers (void)
{
  static const char *const questions[][3] = {
    { "Q1", "Access", "1" }, { "Q2", "Access", "3" }, { "Q3", "Backup", "1" }, { "Q4", "Incident", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    save (workbook, "questionnaire", "questionnaire", "SEC", "version", "1", "question_code", questions[i][0],
          "text_ja", "質問", "domain", questions[i][1], "weight", questions[i][2], NULL);

  save (workbook, "suppliers", "code", "S1", "name", "One", "criticality", "high", NULL);
  save (workbook, "suppliers", "code", "S2", "name", "Two", "criticality", "high", NULL);
  save (workbook, "suppliers", "code", "S3", "name", "Three", "criticality", "high", NULL);
  save (workbook, "suppliers", "code", "S4", "name", "Four", "criticality", "medium", NULL);
  save (workbook, "suppliers", "code", "S5", "name", "Five", "criticality", "low", "confidentiality", "internal", NULL);
  save (workbook, "suppliers", "code", "S6", "name", "Six", "criticality", "low", NULL);

  respond ("S1", "2026-05-10", "Yes", "Partial", "No", "Yes");
  respond ("S1", "2025-03-31", "Yes", "Yes", "Yes", "Yes");
  respond ("S2", "2025-08-01", "Yes", "Yes", "Yes", "N/A");
  respond ("S2", "2026-08-15", "No", "No", "No", "No");
  respond ("S3", "2025-06-30", "No", "No", "No", "No");
  respond ("S4", "2026-04-15", "Partial", "No", "Partial", "Yes");
  respond ("S5", "2026-04-20", "Yes", "Yes", "Yes", "Yes");
}

/* KPI values (the KPIs are the shipped defaults):
 *   risk_analyses (count, higher, target 1, band 0): FY2026Q1 SUB 2, SITE 1, OTHER 3 → GROUP
 *     SUB's own 2 + OTHER 3 = 5 (SITE is inside SUB's own figure); FY2025Q4 GROUP 4.
 *   training_completion (%, higher, target 95, band 5): FY2026Q1 SUB 90, SITE 80, OTHER 96 → GROUP
 *     mean of 90 and 96 = 93, amber; FY2025Q4 GROUP 97.
 *   security_investment (JPY, internal): FY2026Q1 GROUP 1234567.5. */
static void
add_kpi_values (void)
{
  save (workbook, "kpi-values", "code", "risk_analyses", "period", "FY2026Q1", "entity", "SUB", "value", "2", NULL);
  save (workbook, "kpi-values", "code", "risk_analyses", "period", "FY2026Q1", "entity", "SITE", "value", "1", NULL);
  save (workbook, "kpi-values", "code", "risk_analyses", "period", "FY2026Q1", "entity", "OTHER", "value", "3", NULL);
  save (workbook, "kpi-values", "code", "risk_analyses", "period", "FY2025Q4", "value", "4", NULL);
  save (workbook, "kpi-values", "code", "training_completion", "period", "FY2026Q1", "entity", "SUB", "value", "90",
        NULL);
  save (workbook, "kpi-values", "code", "training_completion", "period", "FY2026Q1", "entity", "SITE", "value", "80",
        NULL);
  save (workbook, "kpi-values", "code", "training_completion", "period", "FY2026Q1", "entity", "OTHER",
        "value", "96", NULL);
  save (workbook, "kpi-values", "code", "training_completion", "period", "FY2025Q4", "value", "97", NULL);
  save (workbook, "kpi-values", "code", "security_investment", "period", "FY2026Q1", "value", "1234567.5", NULL);
}

/* IPA-BM (27 items scored 1–5, reference TOTAL mean 10, sd 4): FY2026Q1 GROUP items 1–3 scored
 * 3, 4, 5 → 12, standard score (12 − 10) / 4 × 10 + 50 = 55; item 4 scored 1 internal; SUB items
 * 1–2 scored 2, 2; FY2025Q4 GROUP item 1 scored 2.
 * NIST-CSF (6 functions scored 1–4, no reference): FY2026Q1 SUB GV 3, ID 2 → 5; OTHER GV 4 → 4;
 * GROUP has none → mean of 5 and 4 = 4.5. */
static void
add_benchmarks (void)
{
  save (workbook, "benchmark-reference", "benchmark", "IPA-BM", "version", "5.0", "item", "TOTAL", "mean", "10",
        "sd", "4", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "benchmark", "IPA-BM", "item", "1", "score", "3", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "benchmark", "IPA-BM", "item", "2", "score", "4", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "benchmark", "IPA-BM", "item", "3", "score", "5", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "benchmark", "IPA-BM", "item", "4", "score", "1",
        "confidentiality", "internal", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "entity", "SUB", "benchmark", "IPA-BM", "item", "1",
        "score", "2", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "entity", "SUB", "benchmark", "IPA-BM", "item", "2",
        "score", "2", NULL);
  save (workbook, "benchmarks", "period", "FY2025Q4", "benchmark", "IPA-BM", "item", "1", "score", "2", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "entity", "SUB", "benchmark", "NIST-CSF", "item", "GV",
        "score", "3", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "entity", "SUB", "benchmark", "NIST-CSF", "item", "ID",
        "score", "2", NULL);
  save (workbook, "benchmarks", "period", "FY2026Q1", "entity", "OTHER", "benchmark", "NIST-CSF", "item", "GV",
        "score", "4", NULL);
}

/* Evaluations: FY2025 (board) with one open and one done recommendation; FY2026 (internal) with
 * one open; FY2027 (board), after the period. One import batch, and one that was undone. */
static void
add_evaluations_and_batches (void)
{
  exec (workbook,
        "INSERT INTO evaluations (id, fiscal_year, evaluator_name, confidentiality) VALUES "
        "(1, 2025, 'Evaluator', 'board'), (2, 2026, 'Evaluator', 'internal'), (3, 2027, 'Evaluator', 'board');"
        "INSERT INTO recommendations (evaluation_id, criterion_key, text, owner, due_date, status) VALUES "
        "(1, 'BE5', 'Exercise escalation with directors', 'CISO', '2026-09-30', 'open'),"
        "(1, 'BE1', 'Report quarterly', 'CISO', '2026-03-31', 'done'),"
        "(2, 'BE4', 'Train directors', 'HR', NULL, 'in_progress'),"
        "(3, 'BE9', 'Later', NULL, NULL, 'open');"
        "INSERT INTO import_batches (id, kind, file_name, sha256, size, rows_read, imported_at, user, undone_at) "
        "VALUES (1, 'incidents', 'incidents.csv', '" "0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef', 100, 7, 1780000000, 'tester', NULL),"
        "(2, 'suppliers', 'old.csv', 'ff', 10, 1, 1780000100, 'tester', 1780000200);");
}

typedef struct
{
  const char *entity;
  CbAudience  audience;
  guint       incidents;
  guint       with_known_compromise;
  double      median_dwell;
  double      mean_dwell;
  double      p90_dwell;
  double      median_contain;
  double      mean_contain;
  double      median_recover;
  double      mean_recover;
  double      internal_share;
  guint       open;
  double      median_report;
  guint       material;
  double      max_business_days;
  guint       late;
  gboolean    small_sample;
  guint       previous_incidents;
} DetectionCase;

static void
test_detection (void)
{
  static const DetectionCase cases[] = {
    /* Board, whole group: I1–I5. Dwell 2, 5, 10, 40: median (5 + 10) / 2 = 7.5, mean 57 / 4 =
     * 14.25, p90 at rank 0.9 × 3 = 2.7: 10 + 0.7 × 30 = 31. Contain of the incidents recovered in
     * the period (SPEC §4 leaves open ones out): 12, 36, 1 h: median 12, mean 16.33. Recover 24, 48, 100 h (I3 recovered after the period, I4 never): median 48,
     * mean 172 / 3 = 57.33. Open I3, I4. Internal I1, I3, I5 of 4 known sources: 0.75. Reported
     * 6, 2, 10 h: median 6. Material I2 (late, undisclosed) and I5 (3 business days). */
    { NULL, CB_AUDIENCE_BOARD, 5, 4, 7.5, 14.25, 31, 12, 16.33, 48, 57.33, 0.75, 2, 6, 2, 3, 1, TRUE, 1 },
    /* Everything: I6 adds dwell 100 → 2, 5, 10, 40, 100: median 10, mean 31.4, p90 at rank 3.6:
     * 40 + 0.6 × 60 = 76; contain 1, 2, 12, 36: median 7, mean 12.75; recover 3, 24, 48,
     * 100: median 36, mean 43.75; internal 4 of 5. Five known compromises: no longer small. */
    { "GROUP", CB_AUDIENCE_ALL, 6, 5, 10, 31.4, 76, 7, 12.75, 36, 43.75, 0.8, 2, 6, 2, 3, 1, FALSE, 1 },
    /* Public: nothing is public, so every figure is null and the counts are 0. */
    { NULL, CB_AUDIENCE_PUBLIC, 0, 0, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, 0, NONE, 0, NONE, 0, TRUE, 0 },
    /* SUB's subtree: I2 and I3. Dwell 5, 10: p90 at rank 0.9: 5 + 0.9 × 5 = 9.5. Contain: I3 is
     * open at the period end, so only I2's 36; recover 48; reported 2, 10: median 6. I4 has no
     * entity: it is the root's. */
    { "SUB", CB_AUDIENCE_BOARD, 2, 2, 7.5, 7.5, 9.5, 36, 36, 48, 48, 0.5, 1, 6, 1, NONE, 1, TRUE, 0 },
    /* OTHER: only I5, detected 2026-03-31T16:00Z, which is FY2026Q1 in Tokyo; nothing in FY2025Q4. */
    { "OTHER", CB_AUDIENCE_BOARD, 1, 0, NONE, NONE, NONE, 1, 1, 100, 100, 1, 0, NONE, 1, 3, 0, TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DetectionCase *c = &cases[i];
      g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", c->entity, c->audience);
      const CbDetectionStats *d = &snapshot->detection;

      g_test_message ("case %u", i);
      g_assert_cmpuint (d->incidents, ==, c->incidents);
      g_assert_cmpuint (snapshot->incidents->len, ==, c->incidents);
      g_assert_cmpuint (d->with_known_compromise, ==, c->with_known_compromise);
      assert_optional (d->median_dwell_days, c->median_dwell, "median dwell");
      assert_optional (d->mean_dwell_days, c->mean_dwell, "mean dwell");
      assert_optional (d->p90_dwell_days, c->p90_dwell, "p90 dwell");
      assert_optional (d->median_hours_to_contain, c->median_contain, "median contain");
      assert_optional (d->mean_hours_to_contain, c->mean_contain, "mean contain");
      assert_optional (d->median_hours_to_recover, c->median_recover, "median recover");
      assert_optional (d->mean_hours_to_recover, c->mean_recover, "mean recover");
      assert_optional (d->internal_detection_share, c->internal_share, "internal share");
      g_assert_cmpuint (d->open_at_period_end, ==, c->open);
      assert_optional (d->median_hours_to_report, c->median_report, "median report");
      g_assert_cmpuint (d->material, ==, c->material);
      assert_optional (d->max_business_days_to_disclose, c->max_business_days, "business days");
      g_assert_cmpuint (d->late_disclosures, ==, c->late);
      g_assert_cmpint (d->small_sample, ==, c->small_sample);
      g_assert_cmpuint (snapshot->detection_previous.incidents, ==, c->previous_incidents);
    }
}

static void
test_detection_incident_list (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  static const struct
  {
    const char *ref;
    double      dwell;
    gboolean    open;
  } expected[] = {
    /* In order of detection: I5 (04-01 01:00), I1 (04-03), I2 and I4 (04-10), I3 (04-20). */
    { "I5", NONE, FALSE }, { "I1", 2, FALSE }, { "I2", 5, FALSE }, { "I4", 40, TRUE }, { "I3", 10, TRUE },
  };

  g_assert_cmpuint (snapshot->incidents->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CbSnapshotIncident *incident = snapshot->incidents->pdata[i];

      g_assert_cmpstr (incident->ref, ==, expected[i].ref);
      assert_optional (incident->dwell_days, expected[i].dwell, incident->ref);
      g_assert_cmpint (incident->open, ==, expected[i].open);
    }
  g_assert_cmpstr (((CbSnapshotIncident *) snapshot->incidents->pdata[1])->title, ==, "Phishing");
  g_assert_cmpint (((CbSnapshotIncident *) snapshot->incidents->pdata[1])->severity, ==, 3);
  g_assert_true (((CbSnapshotIncident *) snapshot->incidents->pdata[0])->material);
}

/* The time zone decides the quarter: in FY2025Q4 the group has only I0, not I5. */
static void
test_detection_previous_quarter (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2025Q4", NULL, CB_AUDIENCE_BOARD);

  g_assert_cmpuint (snapshot->detection.incidents, ==, 1);
  g_assert_cmpstr (((CbSnapshotIncident *) snapshot->incidents->pdata[0])->ref, ==, "I0");
  assert_optional (snapshot->detection.median_dwell_days, 2, "median dwell");
  assert_optional (snapshot->detection.internal_detection_share, 0, "internal share");
  /* A quarter before any incident: counts 0, figures null. */
  {
    g_autoptr(CbSnapshot) empty = snapshot_of ("FY2024Q1", NULL, CB_AUDIENCE_ALL);

    g_assert_cmpuint (empty->detection.incidents, ==, 0);
    assert_optional (empty->detection.median_dwell_days, NONE, "median dwell");
    assert_optional (empty->detection.internal_detection_share, NONE, "internal share");
  }
}

static void
test_detection_trend (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  static const struct
  {
    CbPeriod period;
    guint    incidents;
    double   reference;
  } quarters[] = {
    /* Each point's reference is the M-Trends median of the calendar year in which it ends:
     * 2024 11, 2025 14, nothing published for 2026 yet. */
    { { 2024, 2 }, 0, 11 }, { { 2024, 3 }, 0, 11 }, { { 2024, 4 }, 0, 14 }, { { 2025, 1 }, 0, 14 },
    { { 2025, 2 }, 0, 14 }, { { 2025, 3 }, 0, 14 }, { { 2025, 4 }, 1, NONE }, { { 2026, 1 }, 5, NONE },
  }, years[] = {
    /* FY2026 is the year to date: April to June 2026. */
    { { 2022, 0 }, 0, 10 }, { { 2023, 0 }, 0, 11 }, { { 2024, 0 }, 0, 14 }, { { 2025, 0 }, 1, NONE },
    { { 2026, 0 }, 5, NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_assert_true (cb_period_equal (&snapshot->quarter_trend[i].period, &quarters[i].period));
      g_assert_cmpuint (snapshot->quarter_trend[i].stats.incidents, ==, quarters[i].incidents);
      assert_optional (snapshot->quarter_trend[i].reference_median_days, quarters[i].reference, "quarter reference");
    }
  assert_optional (snapshot->quarter_trend[7].stats.median_dwell_days, 7.5, "median dwell");
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_assert_true (cb_period_equal (&snapshot->year_trend[i].period, &years[i].period));
      g_assert_cmpuint (snapshot->year_trend[i].stats.incidents, ==, years[i].incidents);
      assert_optional (snapshot->year_trend[i].reference_median_days, years[i].reference, "year reference");
    }
}

typedef struct
{
  const char *key;
  double      level;
  double      target;
  double      previous;
  double      change;
  double      gap;
  const char *status;
  const char *owner;
  const char *due_date;
  guint       evidence;
  gboolean    overdue;
} ItemCase;

static void
check_items (const CbSnapshot *snapshot,
             const ItemCase   *cases,
             guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const CbSnapshotItem *item = &snapshot->guideline.items[i];
      const ItemCase *c = &cases[i];

      g_test_message ("item %s", c->key);
      g_assert_cmpstr (item->key, ==, c->key);
      g_assert_cmpint (item->number, ==, i + 1);
      assert_optional (item->level, c->level, "level");
      assert_optional (item->target, c->target, "target");
      assert_optional (item->previous_level, c->previous, "previous level");
      assert_optional (item->change, c->change, "change");
      assert_optional (item->gap, c->gap, "gap");
      g_assert_cmpstr (item->status, ==, c->status);
      g_assert_cmpstr (item->owner, ==, c->owner);
      g_assert_cmpstr (item->due_date, ==, c->due_date);
      g_assert_cmpuint (item->n_evidence, ==, c->evidence);
      g_assert_cmpint (item->overdue, ==, c->overdue);
    }
}

static void
test_guideline_group (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  const CbGuidelineSummary *guideline = &snapshot->guideline;
  static const ItemCase items[] = {
    { "CSMG.D1", 2.5, 3.5, 1.5, 1, 1, "in_progress", "CISO", "2026-06-15", 0, TRUE },
    { "CSMG.D2", 2.5, 4, NONE, NONE, 1.5, "not_started", "Site lead", "2026-05-01", 0, FALSE },
    { "CSMG.D3", NONE, NONE, NONE, NONE, NONE, NULL, NULL, NULL, 0, FALSE },
    { "CSMG.D4", 1, 3, 1, 0, 2, NULL, NULL, NULL, 1, FALSE },
    { "CSMG.D5", 1.33, NONE, NONE, NONE, NONE, NULL, NULL, NULL, 0, FALSE },
    { "CSMG.D6", 3, NONE, NONE, NONE, NONE, NULL, NULL, NULL, 0, FALSE },
    { "CSMG.D7", NONE, NONE, NONE, NONE, NONE, NULL, NULL, NULL, 0, FALSE },
  };

  g_assert_cmpstr (guideline->framework, ==, "CSMG-3.0");
  g_assert_cmpstr (guideline->version, ==, "3.0");
  g_assert_cmpstr (guideline->items[9].key, ==, "CSMG.D10");
  g_assert_cmpstr (guideline->items[0].title_ja, ==, "サイバーセキュリティリスクの認識、組織全体での対応方針の策定");
  check_items (snapshot, items, G_N_ELEMENTS (items));

  /* Levels 2.5, 2.5, 1, 1.33, 3: 10.33 / 5 = 2.066 → 2.07; FY2025Q4: 1.5 and 1 → 1.25. */
  assert_optional (guideline->mean_level, 2.07, "mean level");
  assert_optional (guideline->previous_mean_level, 1.25, "previous mean level");
  assert_optional (guideline->change, 0.82, "change");
  /* Targets 3.5, 4, 3 → 3.5; gaps 1, 1.5, 2 → 1.5. */
  assert_optional (guideline->mean_target, 3.5, "mean target");
  assert_optional (guideline->mean_gap, 1.5, "mean gap");
  /* D1, D2, D5 and D6 are assessed without evidence; D3 is not assessed for the board. */
  g_assert_cmpuint (guideline->items_without_evidence, ==, 4);
  g_assert_cmpuint (guideline->overdue_items, ==, 1);

  /* Groups of Ver 3.0: D1–D3, D4–D6, D7–D8, D9, D10. Group 2: 1, 1.33, 3 → 5.33 / 3 = 1.78. */
  g_assert_cmpuint (guideline->n_groups, ==, 5);
  g_assert_cmpint (guideline->items[3].group, ==, 1);
  g_assert_cmpstr (guideline->groups[0].name_en, ==, "Building the risk management structure");
  assert_optional (guideline->groups[0].mean_level, 2.5, "group 1 level");
  assert_optional (guideline->groups[0].mean_gap, 1.25, "group 1 gap");
  assert_optional (guideline->groups[1].mean_level, 1.78, "group 2 level");
  assert_optional (guideline->groups[1].mean_gap, 2, "group 2 gap");
  assert_optional (guideline->groups[2].mean_level, NONE, "group 3 level");
}

/* A fiscal year shows its year-end status: FY2025 reads the FY2025Q4 assessments (D1 1.5, D4 1). */
static void
test_guideline_fiscal_year (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2025", NULL, CB_AUDIENCE_BOARD);

  assert_optional (snapshot->guideline.items[0].level, 1.5, "D1");
  assert_optional (snapshot->guideline.mean_level, 1.25, "mean level");
}

static void
test_guideline_audience_and_leaf (void)
{
  /* The owner also sees D3 (level 3): 2.5, 2.5, 3, 1, 1.33, 3 → 13.33 / 6 = 2.2217 → 2.22. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);

    assert_optional (snapshot->guideline.items[2].level, 3, "D3");
    assert_optional (snapshot->guideline.mean_level, 2.22, "mean level");
    g_assert_cmpuint (snapshot->guideline.items_without_evidence, ==, 5);
  }
  /* SITE is a leaf: its own levels, D2 4 of 4 and D5 2. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", "SITE", CB_AUDIENCE_BOARD);
    static const ItemCase items[] = {
      { "CSMG.D1", NONE, NONE, NONE, NONE, NONE, NULL, NULL, NULL, 0, FALSE },
      { "CSMG.D2", 4, 4, NONE, NONE, 0, "operating", "Site lead", "2026-05-01", 0, FALSE },
    };

    check_items (snapshot, items, G_N_ELEMENTS (items));
    assert_optional (snapshot->guideline.mean_level, 3, "mean level");
    assert_optional (snapshot->guideline.previous_mean_level, NONE, "previous mean level");
    assert_optional (snapshot->guideline.change, NONE, "change");
    g_assert_cmpuint (snapshot->guideline.overdue_items, ==, 0);
  }
}

static void
test_suppliers (void)
{
  /* Board: S1–S4 and S6. Assessed in the window: S1 58.33, S2 100, S4 33.33 → mean
   * 191.67 / 3 = 63.89. High: S1, S2 of S1–S3 → 66.67 %, S3 overdue. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
    const CbSupplierSummary *s = &snapshot->suppliers;
    static const guint matrix[CB_CRITICALITIES][CB_SCORE_BANDS + 1] = {
      { 0, 1, 0, 1, 1 }, { 1, 0, 0, 0, 0 }, { 0, 0, 0, 0, 1 },
    };

    g_assert_cmpuint (s->total, ==, 5);
    g_assert_cmpuint (s->assessed, ==, 3);
    g_assert_cmpuint (s->high_criticality, ==, 3);
    g_assert_cmpuint (s->high_criticality_assessed, ==, 2);
    assert_optional (s->high_criticality_coverage_pct, 66.67, "coverage");
    assert_optional (s->mean_score, 63.89, "mean score");
    g_assert_cmpuint (s->overdue_reassessments, ==, 1);
    g_assert_cmpuint (s->score_bands[0], ==, 1);
    g_assert_cmpuint (s->score_bands[1], ==, 1);
    g_assert_cmpuint (s->score_bands[2], ==, 0);
    g_assert_cmpuint (s->score_bands[3], ==, 1);
    g_assert_cmpmem (s->risk_matrix, sizeof s->risk_matrix, matrix, sizeof matrix);

    /* Answers of the latest assessments: Access 1, 0.5, 1, 1, 0.5, 0 → 4 / 6 = 66.67; Backup
     * 0, 1, 0.5 → 50; Incident 1, 1 (S2's N/A left out) → 100. */
    g_assert_cmpuint (s->n_weakest_domains, ==, 3);
    g_assert_cmpstr (s->weakest_domains[0].domain, ==, "Backup");
    assert_optional (s->weakest_domains[0].mean_score, 50, "Backup");
    g_assert_cmpuint (s->weakest_domains[0].answers, ==, 3);
    g_assert_cmpstr (s->weakest_domains[1].domain, ==, "Access");
    assert_optional (s->weakest_domains[1].mean_score, 66.67, "Access");
    g_assert_cmpuint (s->weakest_domains[1].answers, ==, 6);
    g_assert_cmpstr (s->weakest_domains[2].domain, ==, "Incident");
    assert_optional (s->weakest_domains[2].mean_score, 100, "Incident");
  }
  /* The owner also sees S5 (low, 100): mean 291.67 / 4 = 72.92. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);

    g_assert_cmpuint (snapshot->suppliers.total, ==, 6);
    g_assert_cmpuint (snapshot->suppliers.assessed, ==, 4);
    assert_optional (snapshot->suppliers.mean_score, 72.92, "mean score");
    g_assert_cmpuint (snapshot->suppliers.risk_matrix[2][3], ==, 1);
  }
  /* Suppliers without an entity belong to the group: SUB has none, so no coverage at all. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", "SUB", CB_AUDIENCE_BOARD);

    g_assert_cmpuint (snapshot->suppliers.total, ==, 0);
    assert_optional (snapshot->suppliers.high_criticality_coverage_pct, NONE, "coverage");
    assert_optional (snapshot->suppliers.mean_score, NONE, "mean score");
    g_assert_cmpuint (snapshot->suppliers.n_weakest_domains, ==, 0);
  }
  /* FY2025Q4's window [2025-04-01, 2026-04-01) holds S2 and S3, not S1's 2025-03-31. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2025Q4", NULL, CB_AUDIENCE_BOARD);

    g_assert_cmpuint (snapshot->suppliers.assessed, ==, 2);
    g_assert_cmpuint (snapshot->suppliers.high_criticality_assessed, ==, 2);
    assert_optional (snapshot->suppliers.mean_score, 50, "mean score");
  }
}

typedef struct
{
  const char *code;
  double      value;
  double      previous;
  double      oldest;
  CbRag       status;
  CbTrend     trend;
  gboolean    improving;
} KpiCase;

static void
check_kpis (const CbSnapshot *snapshot,
            const KpiCase    *cases,
            guint             n_cases)
{
  g_assert_cmpuint (snapshot->kpis->len, ==, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);

      g_test_message ("KPI %s", cases[i].code);
      g_assert_cmpstr (kpi->code, ==, cases[i].code);
      assert_optional (kpi->value, cases[i].value, "value");
      assert_optional (kpi->previous, cases[i].previous, "previous");
      assert_optional (kpi->history[CB_KPI_HISTORY - 1], cases[i].value, "history");
      assert_optional (kpi->history[CB_KPI_HISTORY - 2], cases[i].previous, "history");
      assert_optional (kpi->history[0], cases[i].oldest, "oldest history");
      g_assert_cmpint (kpi->status, ==, cases[i].status);
      g_assert_cmpint (kpi->trend, ==, cases[i].trend);
      g_assert_cmpint (kpi->improving, ==, cases[i].improving);
    }
}

static void
test_kpis (void)
{
  /* Board, in the shipped order; security_investment is internal. Computed: coverage 66.67 in
   * both quarters (red against 100 − 10); median dwell 7.5 after 2 (green against 10, but
   * rising is worse); internal share 75 % after 0 % (green against 50). */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
    static const KpiCase kpis[] = {
      { "risk_analyses", 5, 4, NONE, CB_RAG_GREEN, CB_TREND_UP, TRUE },
      { "risk_findings", NONE, NONE, NONE, CB_RAG_GREY, CB_TREND_NONE, FALSE },
      { "training_completion", 93, 97, NONE, CB_RAG_AMBER, CB_TREND_DOWN, FALSE },
      { "phishing_click_rate", NONE, NONE, NONE, CB_RAG_GREY, CB_TREND_NONE, FALSE },
      { "critical_patch_latency", NONE, NONE, NONE, CB_RAG_GREY, CB_TREND_NONE, FALSE },
      /* In FY2024Q2 none of the three high-criticality suppliers had been assessed: 0 %. */
      { "supplier_coverage", 66.67, 66.67, 0, CB_RAG_RED, CB_TREND_FLAT, FALSE },
      { "median_dwell", 7.5, 2, NONE, CB_RAG_GREEN, CB_TREND_UP, FALSE },
      { "internal_detection_share", 75, 0, NONE, CB_RAG_GREEN, CB_TREND_UP, TRUE },
    };

    check_kpis (snapshot, kpis, G_N_ELEMENTS (kpis));
  }
  /* SUB's own figures: 2 analyses, 90 % trained (SITE's 1 and 80 are inside them); its median
   * dwell 7.5 and internal share 1 of 2. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", "SUB", CB_AUDIENCE_ALL);
    const CbSnapshotKpi *first = &g_array_index (snapshot->kpis, CbSnapshotKpi, 0);
    const CbSnapshotKpi *training = &g_array_index (snapshot->kpis, CbSnapshotKpi, 3);

    g_assert_cmpstr (first->code, ==, "security_investment");
    assert_optional (first->value, NONE, "investment");
    assert_optional (g_array_index (snapshot->kpis, CbSnapshotKpi, 1).value, 2, "analyses");
    g_assert_cmpstr (training->code, ==, "training_completion");
    assert_optional (training->value, 90, "training");
    g_assert_cmpint (training->status, ==, CB_RAG_AMBER);
    assert_optional (g_array_index (snapshot->kpis, CbSnapshotKpi, 8).value, 50, "internal share");
  }
  /* The owner sees the internal investment figure. */
  {
    g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);
    const CbSnapshotKpi *first = &g_array_index (snapshot->kpis, CbSnapshotKpi, 0);

    g_assert_cmpuint (snapshot->kpis->len, ==, 9);
    assert_optional (first->value, 1234567.5, "investment");
    g_assert_cmpint (first->status, ==, CB_RAG_GREY);
    assert_optional (g_array_index (snapshot->kpis, CbSnapshotKpi, 7).value, 10, "median dwell");
  }
}

static void
test_benchmarks (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  const CbSnapshotBenchmark *ipa = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, 0);
  const CbSnapshotBenchmark *csf = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, 1);

  g_assert_cmpuint (snapshot->benchmarks->len, ==, 2);
  g_assert_cmpstr (ipa->code, ==, "IPA-BM");
  g_assert_cmpstr (ipa->version, ==, "5.0");
  g_assert_cmpuint (ipa->n_items, ==, 27);
  assert_optional (ipa->total, 12, "IPA total");
  assert_optional (ipa->max, 135, "IPA max");
  assert_optional (ipa->standard_score, 55, "IPA standard score");
  assert_optional (ipa->previous_total, 2, "IPA previous");
  g_assert_cmpstr (csf->code, ==, "NIST-CSF");
  assert_optional (csf->total, 4.5, "CSF total");
  assert_optional (csf->max, 24, "CSF max");
  assert_optional (csf->standard_score, NONE, "CSF standard score");
  assert_optional (csf->previous_total, NONE, "CSF previous");

  /* The owner counts the internal item 4 too: 13, (13 − 10) / 4 × 10 + 50 = 57.5. SUB: 2 + 2. */
  {
    g_autoptr(CbSnapshot) all = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);
    g_autoptr(CbSnapshot) sub = snapshot_of ("FY2026Q1", "SUB", CB_AUDIENCE_ALL);

    assert_optional (g_array_index (all->benchmarks, CbSnapshotBenchmark, 0).standard_score, 57.5, "all");
    assert_optional (g_array_index (sub->benchmarks, CbSnapshotBenchmark, 0).total, 4, "SUB");
    assert_optional (g_array_index (sub->benchmarks, CbSnapshotBenchmark, 0).standard_score, 35, "SUB");
  }
}

static void
test_recommendations_and_batches (void)
{
  g_autoptr(CbSnapshot) board = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  g_autoptr(CbSnapshot) all = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);
  const CbSnapshotRecommendation *recommendation;
  const CbSnapshotBatch *batch;

  /* The board's latest evaluation up to FY2026 is FY2025's; its done recommendation is left out. */
  g_assert_cmpuint (board->recommendations->len, ==, 1);
  recommendation = &g_array_index (board->recommendations, CbSnapshotRecommendation, 0);
  g_assert_cmpstr (recommendation->text, ==, "Exercise escalation with directors");
  g_assert_cmpstr (recommendation->criterion_key, ==, "BE5");
  g_assert_cmpint (recommendation->fiscal_year, ==, 2025);
  g_assert_cmpuint (all->recommendations->len, ==, 1);
  recommendation = &g_array_index (all->recommendations, CbSnapshotRecommendation, 0);
  g_assert_cmpstr (recommendation->text, ==, "Train directors");
  g_assert_cmpstr (recommendation->status, ==, "in_progress");

  g_assert_cmpuint (board->batches->len, ==, 1);
  batch = &g_array_index (board->batches, CbSnapshotBatch, 0);
  g_assert_cmpint (batch->id, ==, 1);
  g_assert_cmpstr (batch->file_name, ==, "incidents.csv");
  g_assert_cmpint (batch->rows, ==, 7);
}

/* A minimal JSON reader: enough to prove the text is one valid JSON value. */
static gboolean parse_value (const char **p);

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
    (*p)++;
}

static gboolean
parse_string (const char **p)
{
  if (**p != '"')
    return FALSE;
  for ((*p)++; **p != '"'; (*p)++)
    {
      if ((guchar) **p < 0x20)
        return FALSE;
      if (**p == '\\')
        {
          (*p)++;
          if (**p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit ((*p)[i]))
                  return FALSE;
              *p += 4;
            }
          else if (strchr ("\"\\/bfnrt", **p) == NULL || **p == '\0')
            return FALSE;
        }
    }
  (*p)++;
  return TRUE;
}

static gboolean
parse_number (const char **p)
{
  const char *start = *p;

  if (**p == '-')
    (*p)++;
  if (**p == '0')
    (*p)++;
  else if (g_ascii_isdigit (**p))
    while (g_ascii_isdigit (**p))
      (*p)++;
  else
    return FALSE;
  if (**p == '.')
    {
      (*p)++;
      if (!g_ascii_isdigit (**p))
        return FALSE;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }
  if (**p == 'e' || **p == 'E')
    {
      (*p)++;
      if (**p == '+' || **p == '-')
        (*p)++;
      if (!g_ascii_isdigit (**p))
        return FALSE;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }
  return *p > start;
}

static gboolean
parse_container (const char **p,
                 char         close,
                 gboolean     members)
{
  (*p)++;
  skip_space (p);
  if (**p == close)
    {
      (*p)++;
      return TRUE;
    }
  for (;;)
    {
      skip_space (p);
      if (members)
        {
          if (!parse_string (p))
            return FALSE;
          skip_space (p);
          if (**p != ':')
            return FALSE;
          (*p)++;
        }
      if (!parse_value (p))
        return FALSE;
      skip_space (p);
      if (**p == close)
        {
          (*p)++;
          return TRUE;
        }
      if (**p != ',')
        return FALSE;
      (*p)++;
    }
}

static gboolean
parse_value (const char **p)
{
  skip_space (p);
  switch (**p)
    {
    case '{': return parse_container (p, '}', TRUE);
    case '[': return parse_container (p, ']', FALSE);
    case '"': return parse_string (p);
    case 't': return strncmp (*p, "true", 4) == 0 && (*p += 4);
    case 'f': return strncmp (*p, "false", 5) == 0 && (*p += 5);
    case 'n': return strncmp (*p, "null", 4) == 0 && (*p += 4);
    default:  return parse_number (p);
    }
}

static gboolean
json_valid (const char *text)
{
  const char *p = text;

  if (!parse_value (&p))
    return FALSE;
  skip_space (&p);
  return *p == '\0';
}

static void
test_json_checker (void)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
  } cases[] = {
    { "{\"a\": [1, -2.5e3, null, true, false, \"x\\n\\u00e9\"], \"b\": {}}", TRUE },
    { "{\"a\": 1,}", FALSE },
    { "{\"a\": .5}", FALSE },
    { "{\"a\": nan}", FALSE },
    { "[1 2]", FALSE },
    { "{\"a\": \"tab\there\"}", FALSE },
    { "{} {}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (json_valid (cases[i].text), ==, cases[i].valid);
}

static void
test_json (void)
{
  g_autoptr(CbSnapshot) board = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  g_autoptr(CbSnapshot) other = snapshot_of ("FY2026Q1", "OTHER", CB_AUDIENCE_ALL);
  g_autoptr(CbSnapshot) all = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_ALL);
  g_autofree char *json = cb_snapshot_to_json (board);
  g_autofree char *other_json = cb_snapshot_to_json (other);
  g_autofree char *all_json = cb_snapshot_to_json (all);
  static const char *const expected[] = {
    "\n  \"period\": \"FY2026Q1\",\n",
    "\n  \"previous_period\": \"FY2025Q4\",\n",
    "\n  \"audience\": \"board\",\n",
    "\n  \"entity\": \"GROUP\",\n",
    "\n    \"version\": \"3.0\",\n",
    "\n    \"mean_level\": 2.07,\n",
    "\n        \"key\": \"CSMG.D1\",\n",
    "\n        \"level\": 2.5,\n",
    "\n        \"status\": \"in_progress\",\n",
    "\n    \"incidents\": 5,\n",
    "\n    \"with_known_compromise\": 4,\n",
    "\n    \"median_dwell_days\": 7.5,\n",
    "\n    \"mean_dwell_days\": 14.25,\n",
    "\n    \"p90_dwell_days\": 31,\n",
    "\n    \"median_hours_to_contain\": 12,\n",
    "\n    \"median_hours_to_recover\": 48,\n",
    "\n    \"mean_hours_to_recover\": 57.33,\n",
    "\n    \"internal_detection_share\": 0.75,\n",
    "\n    \"open_at_period_end\": 2,\n",
    "\n    \"small_sample\": true,\n",
    "\n    \"high_criticality_coverage_pct\": 66.67,\n",
    "\n    \"mean_score\": 63.89,\n",
    "\n      \"code\": \"training_completion\",\n",
    "\n      \"status\": \"amber\",\n",
    "\n      \"code\": \"IPA-BM\",\n",
    "\n      \"total\": 12,\n",
    "\n      \"max\": 135,\n",
    "\n      \"standard_score\": 55,\n",
  };

  g_assert_true (json_valid (json));
  g_assert_true (json_valid (other_json));
  g_assert_true (json_valid (all_json));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (json, expected[i]) == NULL)
      g_error ("the JSON lacks %s:\n%s", expected[i], json);
  /* Board JSON never names internal rows. */
  g_assert_null (strstr (json, "security_investment"));
  g_assert_null (strstr (json, "Train directors"));

  /* OTHER has an incident, but no known compromise: null dwell, never 0. */
  g_assert_nonnull (strstr (other_json, "\n    \"incidents\": 1,\n"));
  g_assert_nonnull (strstr (other_json, "\n    \"median_dwell_days\": null,\n"));
  g_assert_nonnull (strstr (other_json, "\n    \"high_criticality_coverage_pct\": null,\n"));
  /* Large amounts keep every digit. */
  g_assert_nonnull (strstr (all_json, "\n      \"value\": 1234567.5,\n"));
}

static void
test_lookup (void)
{
  g_autoptr(CbSnapshot) snapshot = snapshot_of ("FY2026Q1", NULL, CB_AUDIENCE_BOARD);
  static const struct
  {
    const char *key;
    double      value;
  } cases[] = {
    { "guideline.mean_level", 2.07 },
    { "detection.incidents", 5 },
    { "detection.median_dwell_days", 7.5 },
    { "detection.internal_detection_share", 0.75 },
    { "detection.internal_share_pct", 75 },
    { "detection.late_disclosures", 1 },
    { "suppliers.high_criticality_coverage_pct", 66.67 },
    { "suppliers.overdue_reassessments", 1 },
  };
  CbOptional value = CB_OPTIONAL (-1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (cb_snapshot_lookup (snapshot, cases[i].key, &value));
      assert_optional (value, cases[i].value, cases[i].key);
    }
  g_assert_false (cb_snapshot_lookup (snapshot, "detection.no_such_figure", &value));
  g_assert_false (cb_snapshot_lookup (snapshot, "median_dwell_days", &value));
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  CbSnapshot *snapshot;

  snapshot = cb_snapshot_new (workbook, "FY2026Q1", "NOWHERE", CB_AUDIENCE_ALL, &error);
  g_assert_null (snapshot);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NOWHERE"));
  g_clear_error (&error);

  snapshot = cb_snapshot_new (workbook, "2026Q1", NULL, CB_AUDIENCE_ALL, &error);
  g_assert_null (snapshot);
  g_assert_error (error, CB_PERIOD_ERROR, CB_PERIOD_ERROR_INVALID);
}

/* An overdue item shows the owner and due date of the row that is overdue, not the group's own
 * row, which is implemented and due later; of two overdue rows, the one due first. */
static void
test_guideline_overdue_row (void)
{
  g_autofree char *path = g_build_filename (workbook_dir, "overdue.cyberboard", NULL);
  g_autoptr(CbWorkbook) fresh = cb_test_create_workbook (path);
  static const ItemCase items[] = {
    /* Levels 3 and 2 → 2.5; least status in_progress; SUB's row is due 2026-05-31, before the
     * end of FY2026Q1 (2026-07-01), and not implemented. */
    { "CSMG.D1", 2.5, NONE, NONE, NONE, NONE, "in_progress", "Sub lead", "2026-05-31", 0, TRUE },
    /* SUB is overdue (2026-06-20), SITE more so (2026-04-30): SITE's row is shown. */
    { "CSMG.D2", 1, NONE, NONE, NONE, NONE, "not_started", "Site lead", "2026-04-30", 0, TRUE },
  };

  save (fresh, "entities", "code", "SUB", "name_ja", "子会社", "parent_code", "GROUP", NULL);
  save (fresh, "entities", "code", "SITE", "name_ja", "工場", "parent_code", "SUB", NULL);
  save (fresh, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D1", "level", "3", "status", "implemented",
        "owner", "CISO", "due_date", "2026-12-31", NULL);
  save (fresh, "assessments", "period", "FY2026Q1", "entity", "SUB", "item_key", "CSMG.D1", "level", "2",
        "status", "in_progress", "owner", "Sub lead", "due_date", "2026-05-31", NULL);
  save (fresh, "assessments", "period", "FY2026Q1", "item_key", "CSMG.D2", "level", "1", "status", "not_started",
        "owner", "CISO", NULL);
  save (fresh, "assessments", "period", "FY2026Q1", "entity", "SUB", "item_key", "CSMG.D2", "level", "1",
        "status", "in_progress", "owner", "Sub lead", "due_date", "2026-06-20", NULL);
  save (fresh, "assessments", "period", "FY2026Q1", "entity", "SITE", "item_key", "CSMG.D2", "level", "1",
        "status", "not_started", "owner", "Site lead", "due_date", "2026-04-30", NULL);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CbSnapshot) snapshot = cb_snapshot_new (fresh, "FY2026Q1", NULL, CB_AUDIENCE_ALL, &error);

    g_assert_no_error (error);
    check_items (snapshot, items, G_N_ELEMENTS (items));
    g_assert_cmpuint (snapshot->guideline.overdue_items, ==, 2);
  }
  g_clear_object (&fresh);
  g_unlink (path);
}

/* The default period is the latest quarter with data; a whole year counts as its last quarter. */
static void
test_latest_period (void)
{
  g_autofree char *path = g_build_filename (workbook_dir, "latest.cyberboard", NULL);
  g_autoptr(CbWorkbook) fresh = NULL;
  g_autoptr(GError) error = NULL;
  CbPeriod period = { 0, 0 };

  fresh = cb_test_create_workbook (path);
  g_assert_false (cb_snapshot_latest_period (fresh, &period));

  save (fresh, "assessments", "period", "FY2025Q3", "item_key", "CSMG.D1", "level", "1", NULL);
  g_assert_true (cb_snapshot_latest_period (fresh, &period));
  g_assert_cmpint (period.fiscal_year, ==, 2025);
  g_assert_cmpint (period.quarter, ==, 3);

  save (fresh, "kpi-values", "code", "risk_analyses", "period", "FY2025", "value", "1", NULL);
  g_assert_true (cb_snapshot_latest_period (fresh, &period));
  g_assert_cmpint (period.fiscal_year, ==, 2025);
  g_assert_cmpint (period.quarter, ==, 4);

  save (fresh, "incidents", "id", "X", "detected_at", "2026-03-31T16:00:00Z", NULL);
  g_assert_true (cb_snapshot_latest_period (fresh, &period));
  g_assert_cmpint (period.fiscal_year, ==, 2026);
  g_assert_cmpint (period.quarter, ==, 1);

  {
    g_autoptr(CbSnapshot) snapshot = cb_snapshot_new (fresh, NULL, NULL, CB_AUDIENCE_ALL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (snapshot->period.fiscal_year, ==, 2026);
    g_assert_cmpint (snapshot->period.quarter, ==, 1);
    g_assert_cmpstr (snapshot->entity_code, ==, "GROUP");
    g_assert_cmpuint (snapshot->detection.incidents, ==, 1);
  }
  g_clear_object (&fresh);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* 2026-09-30T00:00:00Z: every stamp above is in the past. */
  g_setenv ("SOURCE_DATE_EPOCH", "1790726400", TRUE);

  workbook_dir = cb_test_make_dir ();
  path = g_build_filename (workbook_dir, "test.cyberboard", NULL);
  workbook = cb_test_create_workbook (path);
  add_entities ();
  add_incidents ();
  add_assessments ();
  add_suppliers ();
  add_kpi_values ();
  add_benchmarks ();
  add_evaluations_and_batches ();

  g_test_add_func ("/snapshot/detection/figures", test_detection);
  g_test_add_func ("/snapshot/detection/incident-list", test_detection_incident_list);
  g_test_add_func ("/snapshot/detection/previous-quarter", test_detection_previous_quarter);
  g_test_add_func ("/snapshot/detection/trend", test_detection_trend);
  g_test_add_func ("/snapshot/guideline/group", test_guideline_group);
  g_test_add_func ("/snapshot/guideline/fiscal-year", test_guideline_fiscal_year);
  g_test_add_func ("/snapshot/guideline/audience-and-leaf", test_guideline_audience_and_leaf);
  g_test_add_func ("/snapshot/guideline/overdue-row", test_guideline_overdue_row);
  g_test_add_func ("/snapshot/suppliers", test_suppliers);
  g_test_add_func ("/snapshot/kpis", test_kpis);
  g_test_add_func ("/snapshot/benchmarks", test_benchmarks);
  g_test_add_func ("/snapshot/recommendations-and-batches", test_recommendations_and_batches);
  g_test_add_func ("/snapshot/json/checker", test_json_checker);
  g_test_add_func ("/snapshot/json/status", test_json);
  g_test_add_func ("/snapshot/lookup", test_lookup);
  g_test_add_func ("/snapshot/errors", test_errors);
  g_test_add_func ("/snapshot/latest-period", test_latest_period);
  status = g_test_run ();

  g_clear_object (&workbook);
  cb_test_remove_dir (workbook_dir);
  g_free (workbook_dir);
  return status;
}
