/* Long-layout responses files larger than one statement of the response writer: rows inserted in
 * bulk, rows that take the general path, rows that collide with stored ones, and the assessment
 * scores computed while the rows stream past, against hand-worked values. The writer on its own,
 * and what both layouts do with rows they do not import. */

#include <glib/gstdio.h>
#include <string.h>

#include "cb-batch.h"
#include "cb-importer.h"
#include "cb-response-writer.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

#define N_SUPPLIERS 14
#define N_QUESTIONS 100

typedef enum
{
  REPEATED,     /* S13's answer to Q100 twice, the same */
  CHANGED,      /* S02 answers Yes throughout */
  CONFLICTING,  /* S11's answer to Q1 twice, differently */
  TOO_OLD,      /* S05 answers Q7 on 1899-12-31 */
} Variant;

/* Supplier k answers every question Yes, Partial or No as k % 3 is 0, 1 or 2. S12 writes its dates
 * the Japanese way; S13 quotes its answers with spaces around them and guards its comments as the
 * export does, all of which the writer takes. Questions 1–10 weigh 3, the others 1; question q is in
 * domain d(q % 4). */
static const char *const answers[] = { "Yes", "Partial", "No" };

static char *
write_file (const char *dir,
            Variant     variant)
{
  g_autoptr(GString) text = g_string_new ("supplier_code,questionnaire,question_code,answer,answered_on,comment\n");
  char *path = g_build_filename (dir, "responses.csv", NULL);

  for (int k = 0; k < N_SUPPLIERS; k++)
    for (int q = 1; q <= N_QUESTIONS; q++)
      {
        const char *answer = variant == CHANGED && k == 2 ? "Yes" : answers[k % 3];
        const char *date = k == 12 ? "2026年4月1日" : variant == TOO_OLD && k == 5 && q == 7 ? "1899-12-31" : "2026-04-01";
        const char *comment = k == 13 ? "'-see annex" : q == 1 ? "規程あり" : "";

        if (k == 13)
          g_string_append_printf (text, "S%02d,SCQ,Q%d,\" %s \",%s,%s\n", k, q, answer, date, comment);
        else
          g_string_append_printf (text, "S%02d,SCQ,Q%d,%s,%s,%s\n", k, q, answer, date, comment);
        if (variant == CONFLICTING && k == 11 && q == 1)
          g_string_append (text, "S11,SCQ,Q1,Yes,2026-04-01,\n");
      }
  if (variant == REPEATED)
    g_string_append (text, "S13,SCQ,Q100,Partial,2026-04-01,'-see annex\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static void
set_up_catalog (CbTestFixture *fixture)
{
  g_autoptr(GString) suppliers = g_string_new ("code,name,criticality\n");
  g_autoptr(GString) questions = g_string_new ("questionnaire,version,question_code,text_ja,domain,weight\n");
  g_autofree char *suppliers_path = g_build_filename (fixture->dir, "suppliers.csv", NULL);
  g_autofree char *questions_path = g_build_filename (fixture->dir, "questions.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (int k = 0; k < N_SUPPLIERS; k++)
    g_string_append_printf (suppliers, "S%02d,取引先%d,high\n", k, k);
  for (int q = 1; q <= N_QUESTIONS; q++)
    g_string_append_printf (questions, "SCQ,1,Q%d,設問%d,d%d,%d\n", q, q, q % 4, q <= 10 ? 3 : 1);
  g_assert_true (g_file_set_contents (suppliers_path, suppliers->str, -1, NULL));
  g_assert_true (g_file_set_contents (questions_path, questions->str, -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CbImportResult) result = cb_import_result_new ();
      CbImportOptions options = { .kind = i == 0 ? "suppliers" : "questionnaire" };

      g_assert_true (cb_import_file (fixture->workbook, i == 0 ? suppliers_path : questions_path, &options, result,
                                     NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static CbImportResult *
import (CbTestFixture  *fixture,
        const char     *path,
        GError        **error)
{
  CbImportResult *result = cb_import_result_new ();
  CbImportOptions options = { .kind = "responses" };

  cb_import_file (fixture->workbook, path, &options, result, NULL, NULL, NULL, error);
  return result;
}

typedef struct
{
  double score;
  guint  failed_high_weight;
  double domain_sum;   /* of each of the four domains, whose 25 questions are all answered */
} Expected;

static void
assert_assessment (CbWorkbook     *workbook,
                   int             supplier,
                   const Expected *expected)
{
  g_autofree char *code = g_strdup_printf ("S%02d", supplier);
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT a.score, a.answered_share, a.answered, a.scored, "
                                            "a.failed_high_weight, d.domain, d.answers, d.score_sum "
                                            "FROM supplier_assessments a JOIN suppliers s ON s.id = a.supplier_id "
                                            "JOIN supplier_assessment_domains d ON d.assessment_id = a.id "
                                            "WHERE s.code = ? AND a.assessed_on = '2026-04-01' ORDER BY d.domain",
                                            NULL);
  guint n = 0;

  g_test_message ("supplier %s", code);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *domain = g_strdup_printf ("d%u", n);

      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 0), expected->score, 1e-9);
      g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 1.0);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, N_QUESTIONS);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, N_QUESTIONS);
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, expected->failed_high_weight);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, domain);
      g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, 25);
      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 7), expected->domain_sum, 1e-9);
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, 4);
}

/* Yes on all: (10 × 3 + 90) × 1 / 120 = 100; Partial: 60 / 120 = 50; No: 0, with the ten heavy
 * questions failed. Each domain sums 25 answers: 25, 12.5 or 0. */
static const Expected by_answer[] = {
  { 100.0, 0, 25.0 }, { 50.0, 0, 12.5 }, { 0.0, 10, 0.0 },
};

static void
test_import (CbTestFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(CbImportResult) first = NULL;
  g_autoptr(CbImportResult) second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;

  set_up_catalog (fixture);
  /* The first 1,024 rows go in by one statement. The rest collide with the repeat at the end, which
   * sends them all the general way: S10's assessment, begun in the first statement, is mixed. */
  path = write_file (fixture->dir, REPEATED);
  first = import (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->rows, ==, N_SUPPLIERS * N_QUESTIONS + 1);
  g_assert_cmpuint (first->inserted, ==, N_SUPPLIERS * N_QUESTIONS);
  g_assert_cmpuint (first->updated, ==, 1);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses WHERE comment = '規程あり'"), ==,
                   N_SUPPLIERS - 1);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses WHERE comment = '-see annex'"), ==,
                   N_QUESTIONS);
  g_assert_cmpint (cb_test_count (fixture->workbook,
                                  "SELECT count(*) FROM responses WHERE answer = 'Partial' AND score = 0.5"),
                   ==, 5 * N_QUESTIONS);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses WHERE answered_on = '2026-04-01'"),
                   ==, N_SUPPLIERS * N_QUESTIONS);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, N_SUPPLIERS);
  for (int k = 0; k < N_SUPPLIERS; k++)
    assert_assessment (fixture->workbook, k, &by_answer[k % 3]);

  /* Every row is stored now: the first statement collides, and all of them are saved again the
   * general way, S02's with their new answer. */
  changed = write_file (fixture->dir, CHANGED);
  second = import (fixture, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->inserted, ==, 0);
  g_assert_cmpuint (second->updated, ==, N_SUPPLIERS * N_QUESTIONS);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses"), ==, N_SUPPLIERS * N_QUESTIONS);
  assert_assessment (fixture->workbook, 2, &by_answer[0]);
  assert_assessment (fixture->workbook, 3, &by_answer[0]);
  assert_assessment (fixture->workbook, 4, &by_answer[1]);
  g_assert_cmpint (cb_test_count (fixture->workbook, "PRAGMA foreign_keys"), ==, 1);
}

/* A broken row among those the writer takes is reported as the general path reports it, at its
 * line and column, and nothing is imported. */
static void
test_refused (CbTestFixture *fixture,
              gconstpointer  data)
{
  static const struct
  {
    Variant     variant;
    const char *problem;
  } cases[] = {
    /* S11, Q1 is line 1 + 11 × 100 + 1 = 1102; the repeat follows it. Its answer is the 4th column. */
    { CONFLICTING, ":1103:4: answer: an earlier row of this file with the same key has “No”, this one “Yes”" },
    /* S05, Q7 is line 1 + 5 × 100 + 7 = 508; its date is the 5th column. */
    { TOO_OLD, ":508:5: answered_on: expected a year from 1900 to 9999, got “1899-12-31”" },
  };

  set_up_catalog (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (fixture->dir, cases[i].variant);
      g_autofree char *expected = g_strconcat (path, cases[i].problem, NULL);
      g_autofree char *message = NULL;
      g_autoptr(CbImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = import (fixture, path, &error);
      g_assert_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_INVALID);
      g_assert_cmpuint (result->n_errors, ==, 1);
      message = cb_import_problem_format (result, result->problems->pdata[0]);
      g_assert_cmpstr (message, ==, expected);
      g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses"), ==, 0);
      g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, 0);
      g_assert_cmpint (cb_test_count (fixture->workbook, "PRAGMA foreign_keys"), ==, 1);
    }
}

/* A supplier code is a reference, which the export never guards: the cell "'-S1" names no supplier,
 * though "-S1" is one, whether its row would go to the writer or, after a row already stored,
 * the general way with the rows queued before it. */
static void
test_guarded_code (CbTestFixture *fixture,
                   gconstpointer  data)
{
  static const gboolean stored_first[] = { FALSE, TRUE };
  g_autofree char *suppliers = g_build_filename (fixture->dir, "guarded-suppliers.csv", NULL);
  g_autofree char *stored = g_build_filename (fixture->dir, "stored.csv", NULL);
  g_autofree char *guarded = g_build_filename (fixture->dir, "guarded.csv", NULL);
  g_autofree char *expected = g_strconcat (guarded, ":3:1: supplier_code: unknown supplier_code “'-S1”", NULL);
  g_autoptr(CbImportResult) catalog = cb_import_result_new ();
  CbImportOptions options = { .kind = "suppliers" };
  g_autoptr(GError) error = NULL;

  set_up_catalog (fixture);
  /* The supplier's code is text, which an export guards and an import unguards. */
  g_assert_true (g_file_set_contents (suppliers, "code,name,criticality\n\"'-S1\",取引先,high\n", -1, NULL));
  g_assert_true (cb_import_file (fixture->workbook, suppliers, &options, catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM suppliers WHERE code = '-S1'"), ==, 1);
  g_assert_true (g_file_set_contents (stored, "supplier_code,questionnaire,question_code,answer,answered_on\n"
                                      "S00,SCQ,Q1,Yes,2026-04-01\n", -1, NULL));
  g_assert_true (g_file_set_contents (guarded, "supplier_code,questionnaire,question_code,answer,answered_on\n"
                                      "S00,SCQ,Q1,Yes,2026-04-01\n'-S1,SCQ,Q1,Yes,2026-04-01\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (stored_first); i++)
    {
      g_autoptr(CbImportResult) result = NULL;
      g_autofree char *message = NULL;

      g_test_message ("S00's row stored first: %s", stored_first[i] ? "yes" : "no");
      if (stored_first[i])
        {
          g_autoptr(CbImportResult) first = import (fixture, stored, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (first->inserted, ==, 1);
        }
      result = import (fixture, guarded, &error);
      g_assert_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpuint (result->n_errors, ==, 1);
      message = cb_import_problem_format (result, result->problems->pdata[0]);
      g_assert_cmpstr (message, ==, expected);
      g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses"), ==, stored_first[i]);
    }
}

/* Rows read but not imported, blank or refused, count towards the next look at the cancellable as
 * imported ones do, in either layout: of 4,096 of them (the rows between two looks) the last sees
 * the import cancelled. */
static void
test_unread_rows_cancelled (CbTestFixture *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    CbLayout    layout;
    const char *header;
  } cases[] = {
    { CB_LAYOUT_LONG, "supplier_code,questionnaire,question_code,answer,answered_on\n" },
    { CB_LAYOUT_WIDE, "supplier_code,answered_on,Q1,Q2\n" },
  };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  set_up_catalog (fixture);
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (cases[i].header);
      g_autofree char *path = g_build_filename (fixture->dir, "unread.csv", NULL);
      g_autoptr(CbImportResult) result = cb_import_result_new ();
      CbImportOptions options = { .kind = "responses", .layout = cases[i].layout };
      g_autoptr(GError) error = NULL;

      g_test_message ("layout %d", cases[i].layout);
      /* Even rows blank, odd ones refused for a value past the header's columns. */
      for (guint row = 0; row < 4096; row++)
        g_string_append (text, row % 2 == 0 ? " , ,\n" : "S00,,,,,,,past\n");
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_assert_false (cb_import_file (fixture->workbook, path, &options, result, cancellable, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (result->n_errors, ==, 2048);
    }
}

typedef struct
{
  const char *domain;
  int         answers;
  double      score_sum;
} ExpectedDomain;

/* The writer on its own: it takes the rows whose codes, answer and canonical date it knows, refuses
 * a statement with a row stored already, inserting none of it, and scores what it inserted. */
static void
test_writer (CbTestFixture *fixture,
             gconstpointer  data)
{
  static const struct
  {
    CbResponseText row;
    gboolean       taken;
  } rows[] = {
    { { "S00", "SCQ", "Q1", "Yes", "2026-04-01", "規程あり", NULL }, TRUE },
    { { "S00", "SCQ", "Q2", "Partial", "2026-04-01", NULL, NULL }, TRUE },
    { { "S00", "SCQ", "Q3", "No", "2026-04-01", NULL, "監査報告書" }, TRUE },
    { { "S00", "SCQ", "Q11", "No", "2026-04-01", NULL, NULL }, TRUE },
    { { "S99", "SCQ", "Q1", "Yes", "2026-04-01", NULL, NULL }, FALSE },
    { { "S01", "XYZ", "Q1", "Yes", "2026-04-01", NULL, NULL }, FALSE },
    { { "S01", "SCQ", "Q101", "Yes", "2026-04-01", NULL, NULL }, FALSE },
    { { "S01", "SCQ", "Q1", "Maybe", "2026-04-01", NULL, NULL }, FALSE },
    { { "S01", "SCQ", "Q1", "Yes", "2026/4/1", NULL, NULL }, FALSE },
    { { "S01", "SCQ", "Q1", "Yes", NULL, NULL, NULL }, FALSE },
  };
  /* The second statement: S00's answer to Q1 is stored by the first. */
  static const CbResponseText colliding[] = {
    { "S01", "SCQ", "Q1", "Yes", "2026-04-01", NULL, NULL },
    { "S00", "SCQ", "Q1", "Yes", "2026-04-01", NULL, NULL },
  };
  /* Q1, Q2 and Q3 weigh 3, Q11 1: (3 × 1 + 3 × 0.5 + 3 × 0 + 1 × 0) / 10 = 45 %, with Q3 a heavy
   * question failed and 4 of 100 answered. Q1 is in d1, Q2 in d2, Q3 and Q11 in d3. */
  static const ExpectedDomain domains[] = { { "d1", 1, 1.0 }, { "d2", 1, 0.5 }, { "d3", 2, 0.0 } };
  g_autoptr(CbBatch) batch = g_new0 (CbBatch, 1);
  g_autoptr(CbResponseWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean collided = TRUE;
  sqlite3_stmt *stmt;
  guint n = 0;

  set_up_catalog (fixture);
  g_assert_true (cb_workbook_begin_bulk (fixture->workbook, &error));
  g_assert_no_error (error);
  batch->kind = g_strdup ("responses");
  batch->file_name = g_strdup ("responses.csv");
  batch->encoding = g_strdup ("UTF-8");
  batch->delimiter = g_strdup (",");
  g_assert_true (cb_batch_begin (fixture->workbook, batch, &error));
  g_assert_no_error (error);
  writer = cb_response_writer_new (fixture->workbook, batch->id);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u", i);
      g_assert_cmpint (cb_response_writer_add (writer, &rows[i].row), ==, rows[i].taken);
    }
  g_assert_cmpuint (cb_response_writer_get_n_queued (writer), ==, 4);
  g_assert_true (cb_response_writer_flush (writer, &collided, &error));
  g_assert_no_error (error);
  g_assert_false (collided);
  g_assert_cmpuint (cb_response_writer_get_n_queued (writer), ==, 0);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses"), ==, 4);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses WHERE comment = '規程あり' "
                                  "AND evidence IS NULL AND score = 1"), ==, 1);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses WHERE evidence = '監査報告書' "
                                  "AND comment IS NULL AND score = 0"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (colliding); i++)
    g_assert_true (cb_response_writer_add (writer, &colliding[i]));
  cb_response_writer_start (writer);
  g_assert_true (cb_response_writer_wait (writer, &collided, &error));
  g_assert_no_error (error);
  g_assert_true (collided);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM responses"), ==, 4);

  g_assert_true (cb_response_writer_finish (writer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM supplier_assessments"), ==, 1);
  stmt = cb_workbook_prepare (fixture->workbook,
                              "SELECT a.score, a.answered_share, a.answered, a.scored, a.failed_high_weight, "
                              "d.domain, d.answers, d.score_sum FROM supplier_assessments a "
                              "JOIN suppliers s ON s.id = a.supplier_id JOIN supplier_assessment_domains d "
                              "ON d.assessment_id = a.id WHERE s.code = 'S00' AND a.assessed_on = '2026-04-01' "
                              "ORDER BY d.domain", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (domains));
      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 0), 45.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 1), 0.04, 1e-12);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 4);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 4);
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, domains[n].domain);
      g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, domains[n].answers);
      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 7), domains[n].score_sum, 1e-12);
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (domains));
  cb_workbook_rollback (fixture->workbook);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", "1795132800", TRUE);
  g_test_add ("/response-import/bulk-and-general", CbTestFixture, NULL, cb_test_fixture_set_up_workbook, test_import,
              cb_test_fixture_tear_down);
  g_test_add ("/response-import/refused", CbTestFixture, NULL, cb_test_fixture_set_up_workbook, test_refused,
              cb_test_fixture_tear_down);
  g_test_add ("/response-import/guarded-code", CbTestFixture, NULL, cb_test_fixture_set_up_workbook,
              test_guarded_code, cb_test_fixture_tear_down);
  g_test_add ("/response-import/unread-rows-cancelled", CbTestFixture, NULL, cb_test_fixture_set_up_workbook,
              test_unread_rows_cancelled, cb_test_fixture_tear_down);
  g_test_add ("/response-import/writer", CbTestFixture, NULL, cb_test_fixture_set_up_workbook, test_writer,
              cb_test_fixture_tear_down);
  return g_test_run ();
}
