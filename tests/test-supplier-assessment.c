#include "cb-record.h"
#include "cb-supplier-assessment.h"
#include "cb-test-util.h"

static void
save (CbWorkbook        *workbook,
      const char        *kind,
      const char *const *pairs)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup (kind));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    cb_record_set (record, pairs[i], pairs[i + 1]);
  g_assert_true (cb_workbook_save_record (workbook, record, 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
answer (CbWorkbook *workbook,
        const char *question,
        const char *text,
        const char *date)
{
  const char *const pairs[] = { "supplier_code", "S1", "questionnaire", "SCQ", "question_code", question,
                                "answer", text, "answered_on", date, NULL };
  save (workbook, "responses", pairs);
}

static void
test_latest_first_with_scores (CbTestFixture *fixture,
                               gconstpointer  data)
{
  CbWorkbook *workbook = fixture->workbook;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *code;
    const char *weight;
  } questions[] = { { "Q1", "3" }, { "Q2", "1" }, { "Q3", "2" }, { "Q4", "1" } };
  const CbSupplierAssessment *latest, *earlier;

  g_assert_nonnull (workbook);
  save (workbook, "suppliers", (const char *const[]) { "code", "S1", "name", "北斗物流", NULL });
  save (workbook, "suppliers", (const char *const[]) { "code", "S2", "name", "Saigon Cloud", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    save (workbook, "questionnaire", (const char *const[]) { "questionnaire", "SCQ", "question_code",
                                                             questions[i].code, "text_ja", "質問", "weight",
                                                             questions[i].weight, NULL });

  /* 2025-11-01: No on Q1 (weight 3, a high-weight question) and Yes on Q2: 1 / 4 = 25, two of
   * four questions answered. 2026-05-10: Yes, No, Partial, N/A: (3 + 0 + 1) / (3 + 1 + 2) = 66.67,
   * N/A answered but not scored. */
  answer (workbook, "Q1", "×", "2025-11-01");
  answer (workbook, "Q2", "はい", "2025-11-01");
  answer (workbook, "Q1", "はい", "2026-05-10");
  answer (workbook, "Q2", "いいえ", "2026-05-10");
  answer (workbook, "Q3", "一部", "2026-05-10");
  answer (workbook, "Q4", "該当なし", "2026-05-10");

  list = cb_supplier_assessment_list (workbook, "S1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  latest = list->pdata[0];
  earlier = list->pdata[1];

  g_assert_cmpstr (latest->assessed_on, ==, "2026-05-10");
  g_assert_cmpstr (latest->questionnaire, ==, "SCQ");
  g_assert_true (latest->has_score);
  g_assert_cmpfloat_with_epsilon (latest->score, 66.6667, 1e-4);
  g_assert_cmpuint (latest->answered, ==, 4);
  g_assert_cmpuint (latest->scored, ==, 3);
  g_assert_cmpfloat (latest->answered_share, ==, 1.0);
  g_assert_cmpuint (latest->failed_high_weight, ==, 0);

  g_assert_cmpstr (earlier->assessed_on, ==, "2025-11-01");
  g_assert_cmpfloat (earlier->score, ==, 25.0);
  g_assert_cmpfloat (earlier->answered_share, ==, 0.5);
  g_assert_cmpuint (earlier->failed_high_weight, ==, 1);

  /* The responses of the latest assessment, in question order, with their scores. */
  {
    g_autoptr(GPtrArray) responses = cb_supplier_assessment_responses (workbook, latest->id, &error);
    static const char *const expected[][3] = {
      { "Q1", "はい", "1" }, { "Q2", "いいえ", "0" }, { "Q3", "一部", "0.5" }, { "Q4", "該当なし", NULL },
    };

    g_assert_no_error (error);
    g_assert_cmpuint (responses->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_assert_cmpstr (cb_record_get (responses->pdata[i], "question_code"), ==, expected[i][0]);
        g_assert_cmpstr (cb_record_get (responses->pdata[i], "answer"), ==, expected[i][1]);
        g_assert_cmpstr (cb_record_get (responses->pdata[i], "score"), ==, expected[i][2]);
        g_assert_cmpstr (cb_record_get (responses->pdata[i], "answered_on"), ==, "2026-05-10");
      }
  }

  g_clear_pointer (&list, g_ptr_array_unref);
  list = cb_supplier_assessment_list (workbook, "S2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = cb_supplier_assessment_list (workbook, "S9", &error);
  g_assert_null (list);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/supplier-assessment/latest-first-with-scores", CbTestFixture, NULL, cb_test_fixture_set_up_workbook,
              test_latest_first_with_scores, cb_test_fixture_tear_down);
  return g_test_run ();
}
