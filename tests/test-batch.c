#include <string.h>

#include "cb-batch.h"
#include "cb-record.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

static CbRecord *
record (const char        *kind,
        const char *const *pairs)
{
  CbRecord *self = cb_record_new (cb_kind_lookup (kind));

  for (guint i = 0; pairs[i] != NULL; i += 2)
    cb_record_set (self, pairs[i], pairs[i + 1]);
  return self;
}

static void
save_all (CbWorkbook         *workbook,
          CbBatch            *batch,
          const char         *kind,
          const char *const  *rows[])
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_workbook_begin (workbook, &error));
  batch->kind = g_strdup (kind);
  batch->file_name = g_strdup_printf ("%s.csv", kind);
  g_assert_true (cb_batch_begin (workbook, batch, &error));
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autoptr(CbRecord) row = record (kind, rows[i]);
      gboolean inserted;

      g_assert_true (cb_workbook_save_record (workbook, row, batch->id, &inserted, NULL, &error));
      g_assert_no_error (error);
      batch->rows_read++;
      if (inserted)
        batch->rows_inserted++;
      else
        batch->rows_updated++;
    }
  g_assert_true (cb_batch_finish (workbook, batch, &error));
  g_assert_true (cb_workbook_commit (workbook, &error));
  g_assert_no_error (error);
}

static double
query_double (CbWorkbook *workbook,
              const char *sql)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, NULL);
  double value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static const char *const supplier_a[] = { "code", "S1", "name", "北斗物流", "criticality", "high", NULL };
static const char *const supplier_b[] = { "code", "S2", "name", "Saigon Cloud", "criticality", "low", NULL };
static const char *const supplier_a2[] = { "code", "S1", "name", "北斗ロジスティクス", "criticality", "medium", NULL };
static const char *const question_1[] = { "questionnaire", "SCQ", "version", "1", "question_code", "Q1",
                                          "text_ja", "多要素認証を使っていますか", "weight", "3", NULL };
static const char *const question_2[] = { "questionnaire", "SCQ", "question_code", "Q2",
                                          "text_ja", "脆弱性を管理していますか", "weight", "1", NULL };
static const char *const answer_1[] = { "supplier_code", "S1", "questionnaire", "SCQ", "question_code", "Q1",
                                        "answer", "はい", "answered_on", "2026-05-10", NULL };
static const char *const answer_2[] = { "supplier_code", "S1", "questionnaire", "SCQ", "question_code", "Q2",
                                        "answer", "×", "answered_on", "2026-05-10", NULL };
static const char *const answer_2b[] = { "supplier_code", "S1", "questionnaire", "SCQ", "question_code", "Q2",
                                         "answer", "△", "answered_on", "2026-05-10", NULL };

static void
test_undo_restores_and_removes (CbTestFixture *fixture,
                                gconstpointer  data)
{
  CbWorkbook *workbook = fixture->workbook;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(CbBatch) first = g_new0 (CbBatch, 1);
  g_autoptr(CbBatch) second = g_new0 (CbBatch, 1);
  g_autoptr(CbBatch) questions = g_new0 (CbBatch, 1);
  g_autoptr(CbBatch) answers = g_new0 (CbBatch, 1);
  g_autoptr(CbBatch) changed = g_new0 (CbBatch, 1);
  const char *const *first_rows[] = { supplier_a, supplier_b, NULL };
  const char *const *second_rows[] = { supplier_a2, NULL };
  const char *const *question_rows[] = { question_1, question_2, NULL };
  const char *const *answer_rows[] = { answer_1, answer_2, NULL };
  const char *const *changed_rows[] = { answer_2b, NULL };

  save_all (workbook, first, "suppliers", first_rows);
  save_all (workbook, second, "suppliers", second_rows);
  g_assert_cmpint (second->rows_updated, ==, 1);
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM suppliers"), ==, 2);

  /* Weights 3 and 1: Yes (1) and No (0) score 3 / 4 = 75; Partial on Q2 makes it 3.5 / 4 = 87.5. */
  save_all (workbook, questions, "questionnaire", question_rows);
  save_all (workbook, answers, "responses", answer_rows);
  g_assert_cmpfloat (query_double (workbook, "SELECT score FROM supplier_assessments"), ==, 75);
  save_all (workbook, changed, "responses", changed_rows);
  g_assert_cmpfloat (query_double (workbook, "SELECT score FROM supplier_assessments"), ==, 87.5);

  g_assert_true (cb_batch_undo (workbook, changed->id, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (query_double (workbook, "SELECT score FROM supplier_assessments"), ==, 75);

  /* The first supplier batch cannot go while the responses rest on its rows. */
  g_assert_false (cb_batch_undo (workbook, first->id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "undo the later imports first"));
  g_clear_error (&error);
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM suppliers"), ==, 2);

  g_assert_true (cb_batch_undo (workbook, answers->id, &error));
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM supplier_assessments"), ==, 0);
  g_assert_true (cb_batch_undo (workbook, questions->id, &error));
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM questionnaires"), ==, 0);

  /* Undoing the update restores the row as it was; undoing the insert removes it. */
  g_assert_true (cb_batch_undo (workbook, second->id, &error));
  g_assert_cmpfloat (query_double (workbook, "SELECT criticality = 'high' AND name = '北斗物流' FROM suppliers "
                                             "WHERE code = 'S1'"), ==, 1);
  g_assert_true (cb_batch_undo (workbook, first->id, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM suppliers"), ==, 0);

  g_assert_false (cb_batch_undo (workbook, first->id, &error));
  g_assert_nonnull (strstr (error->message, "undone already"));

  batches = cb_batch_list (workbook, NULL);
  g_assert_cmpuint (batches->len, ==, 5);
  g_assert_cmpint (((CbBatch *) batches->pdata[4])->rows_inserted, ==, 2);
  g_assert_cmpint (((CbBatch *) batches->pdata[4])->undone_at, >, 0);
  g_assert_cmpfloat (query_double (workbook, "SELECT count(*) FROM audit_log WHERE action = 'undo'"), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/batch/undo-restores-and-removes", CbTestFixture, NULL, cb_test_fixture_set_up_workbook,
              test_undo_restores_and_removes, cb_test_fixture_tear_down);
  return g_test_run ();
}
