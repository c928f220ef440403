#include <string.h>

#include "cb-audit.h"
#include "cb-evaluation-file.h"
#include "cb-evaluation.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

static const CbEvaluationInfo tiny_info = {
  .fiscal_year = 2025,
  .evaluator_name = "Hanako Sato",
  .evaluator_org = "Audit LLC",
  .evaluator_kind = "external",
  .scope = "Board of directors",
  .method = "Interviews",
};

/* The canonical text of the tiny evaluation, written out by hand from the format documented in
 * cb-evaluation.h; the hashes were computed from these bytes with sha256sum(1). */
static const char tiny_canonical[] =
  "cyberboard-evaluation 1\n"
  "evaluation\t2025\t1\tHanako Sato\tAudit LLC\texternal\tBoard of directors\tInterviews\tboard\n"
  "rating\tBE1\t3\tReports are quarterly.\\nKPIs lack targets.\n"
  "rating\tBE2\t\t\n"
  "evidence\tBE1\titem\tCSMG.D1\t\t\n"
  "evidence\tBE2\tkpi\ttraining_completion\t\t\n"
  "recommendation\tBE1\tSet KPI targets\tCISO\t2026-03-31\topen\t\n";
#define TINY_SHA256 "6b1189a31bed052a36f7bf173674cb29299c54399142b3224709ec2d112d67d9"

/* The same with the finding of BE1 replaced by "Targets set.<TAB>See C:\kpi<CR>". */
static const char changed_canonical[] =
  "cyberboard-evaluation 1\n"
  "evaluation\t2025\t1\tHanako Sato\tAudit LLC\texternal\tBoard of directors\tInterviews\tboard\n"
  "rating\tBE1\t3\tTargets set.\\tSee C:\\\\kpi\\r\n"
  "rating\tBE2\t\t\n"
  "evidence\tBE1\titem\tCSMG.D1\t\t\n"
  "evidence\tBE2\tkpi\ttraining_completion\t\t\n"
  "recommendation\tBE1\tSet KPI targets\tCISO\t2026-03-31\topen\t\n";
#define CHANGED_SHA256 "e4c2ee4209bbddcff27bd7b1336bc4a74be16371f04684c92cacdaf4b407b797"

/* sha256sum of a file holding "hello\n". */
#define HELLO_SHA256 "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"

/* Runs @sql directly on the file and returns the SQLite result, with the message in @message. */
static int
raw_exec (CbWorkbook  *workbook,
          const char  *sql,
          char       **message)
{
  char *sqlite_message = NULL;
  int rc = sqlite3_exec (cb_workbook_get_db (workbook), sql, NULL, NULL, &sqlite_message);

  *message = g_strdup (sqlite_message);
  sqlite3_free (sqlite_message);
  return rc;
}

static gint64
make_tiny (CbWorkbook *workbook)
{
  g_autoptr(GError) error = NULL;
  CbRecommendation recommendation = {
    .criterion_key = "BE1",
    .text = "Set KPI targets",
    .owner = "CISO",
    .due_date = "2026-03-31",
  };
  gint64 id;

  id = cb_evaluation_create (workbook, &tiny_info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cb_evaluation_set_rating (workbook, id, "BE1", 3, "Reports are quarterly.\nKPIs lack targets.",
                            &error);
  g_assert_no_error (error);
  cb_evaluation_add_evidence (workbook, id, "BE1", "item", "CSMG.D1", NULL, &error);
  g_assert_no_error (error);
  cb_evaluation_add_evidence (workbook, id, "BE2", "kpi", "training_completion", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_evaluation_add_recommendation (workbook, id, &recommendation, &error), >, 0);
  g_assert_no_error (error);
  return id;
}

static void
sign (CbWorkbook *workbook,
      gint64      id)
{
  g_autoptr(GError) error = NULL;

  cb_evaluation_submit (workbook, id, &error);
  g_assert_no_error (error);
  cb_evaluation_sign (workbook, id, "Hanako Sato", "2026-04-30", &error);
  g_assert_no_error (error);
}

static void
test_canonical_hash (CbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *changed_hash = NULL;
  gint64 id = make_tiny (fixture->workbook);

  text = cb_evaluation_canonical_text (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, tiny_canonical);
  hash = cb_evaluation_content_hash (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, TINY_SHA256);

  cb_evaluation_set_rating (fixture->workbook, id, "BE1", 3, "Targets set.\tSee C:\\kpi\r", &error);
  g_assert_no_error (error);
  changed_text = cb_evaluation_canonical_text (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed_text, ==, changed_canonical);
  changed_hash = cb_evaluation_content_hash (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed_hash, ==, CHANGED_SHA256);
}

static void
test_sign_stores_hash_and_verifies (CbTestFixture *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *message = NULL;
  g_autofree char *sql = NULL;
  gboolean intact = FALSE;
  gint64 id = make_tiny (fixture->workbook);

  /* Not signed yet: there is nothing to verify, and a draft cannot be signed. */
  g_assert_false (cb_evaluation_verify (fixture->workbook, id, &intact, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cb_evaluation_sign (fixture->workbook, id, "Hanako Sato", "2026-04-30", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  cb_evaluation_submit (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_false (cb_evaluation_submit (fixture->workbook, id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cb_evaluation_sign (fixture->workbook, id, "Hanako Sato", "2026-04-31", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-04-31"));
  g_clear_error (&error);

  cb_evaluation_sign (fixture->workbook, id, "Hanako Sato", "2026-04-30", &error);
  g_assert_no_error (error);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evaluation->status, ==, "signed");
  g_assert_cmpstr (evaluation->signed_by, ==, "Hanako Sato");
  g_assert_cmpstr (evaluation->signed_on, ==, "2026-04-30");
  /* Signing does not change the content, so the stored hash is the draft's. */
  g_assert_cmpstr (evaluation->content_sha256, ==, TINY_SHA256);

  cb_evaluation_verify (fixture->workbook, id, &intact, &error);
  g_assert_no_error (error);
  g_assert_true (intact);

  /* The file lets a recommendation's status move on after signing; verify notices. */
  sql = g_strdup_printf ("UPDATE recommendations SET status = 'done' "
                         "WHERE evaluation_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (raw_exec (fixture->workbook, sql, &message), ==, SQLITE_OK);
  cb_evaluation_verify (fixture->workbook, id, &intact, &error);
  g_assert_no_error (error);
  g_assert_false (intact);
}

static void
test_signed_is_read_only (CbTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  CbRecommendation recommendation = { .text = "Another" };
  CbRecommendation *existing;
  CbEvaluationRating *rating;
  CbEvaluationEvidence *evidence;
  gint64 id = make_tiny (fixture->workbook);
  gint64 added;
  const char *raw[] = {
    "UPDATE evaluation_ratings SET finding = 'forged'",
    "DELETE FROM evaluation_ratings",
    "INSERT INTO evaluation_ratings (evaluation_id, criterion_key, rating) "
    "SELECT id, 'BE3', 4 FROM evaluations",
    "UPDATE evaluations SET scope = 'forged'",
    "UPDATE evaluations SET status = 'draft'",
    "DELETE FROM evaluations",
    "DELETE FROM evaluation_evidence",
    "UPDATE recommendations SET text = 'forged'",
    "INSERT INTO recommendations (evaluation_id, text) SELECT id, 'forged' FROM evaluations",
  };

  sign (fixture->workbook, id);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluation->ratings->len, ==, 2);
  rating = g_ptr_array_index (evaluation->ratings, 0);
  evidence = g_ptr_array_index (rating->evidence, 0);
  existing = g_ptr_array_index (evaluation->recommendations, 0);

  /* The API refuses first, naming the evaluation. */
  g_assert_false (cb_evaluation_set_rating (fixture->workbook, id, "BE1", 2, "changed", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "FY2025"));
  g_clear_error (&error);
  added = cb_evaluation_add_evidence (fixture->workbook, id, "BE3", "item", "CSMG.D3", NULL,
                                      &error);
  g_assert_cmpint (added, ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cb_evaluation_remove_evidence (fixture->workbook, evidence->id, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  added = cb_evaluation_add_recommendation (fixture->workbook, id, &recommendation, &error);
  g_assert_cmpint (added, ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  recommendation = *existing;
  recommendation.status = "done";
  g_assert_false (cb_evaluation_update_recommendation (fixture->workbook, &recommendation, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cb_evaluation_set_info (fixture->workbook, id, &tiny_info, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* And the file itself refuses a direct write. */
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      g_autofree char *message = NULL;

      g_test_message ("%s", raw[i]);
      g_assert_cmpint (raw_exec (fixture->workbook, raw[i], &message), ==, SQLITE_CONSTRAINT);
      g_assert_cmpstr (message, ==, "a signed evaluation is read-only; make a new revision");
    }
}

static void
test_report_hash_once (CbTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *message = NULL;
  gint64 id = make_tiny (fixture->workbook);
  const char *hash = "5891B5B522D5DF086D0FF0B110FBD9D21BB4FC7163AF34D08286A2E846F6BE03";

  g_assert_false (cb_evaluation_set_report_hash (fixture->workbook, id, hash, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  sign (fixture->workbook, id);
  g_assert_false (cb_evaluation_set_report_hash (fixture->workbook, id, "5891b5", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“5891b5”"));
  g_clear_error (&error);

  cb_evaluation_set_report_hash (fixture->workbook, id, hash, &error);
  g_assert_no_error (error);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evaluation->report_sha256, ==, HELLO_SHA256);

  g_assert_false (cb_evaluation_set_report_hash (fixture->workbook, id, hash, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (fixture->workbook, "UPDATE evaluations SET report_sha256 = NULL",
                             &message), ==, SQLITE_CONSTRAINT);
}

typedef struct
{
  int         rating;
  gboolean    valid;
  const char *named;  /* what the error message must mention */
} RatingCase;

static void
test_rating_range (CbTestFixture *fixture,
                   gconstpointer  data)
{
  static const RatingCase cases[] = {
    { 0, TRUE, NULL },
    { 1, TRUE, NULL },
    { 4, TRUE, NULL },
    { 5, FALSE, "rating: 5 for BE4" },
    { -1, FALSE, "rating: -1 for BE4" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) after = NULL;
  gint64 id = cb_evaluation_create (fixture->workbook, &tiny_info, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CbEvaluation) evaluation = NULL;
      CbEvaluationRating *rating;
      gboolean saved;

      saved = cb_evaluation_set_rating (fixture->workbook, id, "BE4", cases[i].rating, "finding",
                                        &error);
      g_assert_cmpint (saved, ==, cases[i].valid);
      if (!cases[i].valid)
        {
          g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].named));
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      evaluation = cb_evaluation_get (fixture->workbook, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (evaluation->ratings->len, ==, 1);
      rating = g_ptr_array_index (evaluation->ratings, 0);
      g_assert_cmpstr (rating->criterion_key, ==, "BE4");
      g_assert_cmpint (rating->rating, ==, cases[i].rating);
    }

  /* The last valid rating stays after the refused ones. */
  after = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((CbEvaluationRating *) g_ptr_array_index (after->ratings, 0))->rating, ==, 4);

  g_assert_false (cb_evaluation_set_rating (fixture->workbook, id, "BE10", 3, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“BE10”"));
}

static void
assert_recommendation (CbRecommendation *recommendation,
                       const char       *text,
                       const char       *status,
                       gint64            carried_from)
{
  g_assert_cmpstr (recommendation->text, ==, text);
  g_assert_cmpstr (recommendation->status, ==, status);
  g_assert_cmpint (recommendation->carried_from, ==, carried_from);
}

static void
test_carry_over (CbTestFixture *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *status;
  } last_year[] = {
    { "Report quarterly", "open" },
    { "Train directors", "in_progress" },
    { "Name a CISO", "done" },
    { "Buy a SIEM", "dropped" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) fy2025 = NULL;
  g_autoptr(CbEvaluation) fy2026 = NULL;
  CbEvaluationInfo info = tiny_info;
  CbRecommendation *first, *second;
  CbRecommendation done;
  gint64 ids[G_N_ELEMENTS (last_year)];
  gint64 fy2024_id, fy2025_id, fy2026_id;

  info.fiscal_year = 2024;
  fy2024_id = cb_evaluation_create (fixture->workbook, &info, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (last_year); i++)
    {
      CbRecommendation recommendation = {
        .text = (char *) last_year[i].text,
        .status = (char *) last_year[i].status,
        .owner = "CISO",
        .follow_up = "noted in FY2024",
      };

      ids[i] = cb_evaluation_add_recommendation (fixture->workbook, fy2024_id, &recommendation,
                                                 &error);
      g_assert_no_error (error);
    }
  sign (fixture->workbook, fy2024_id);

  fy2025_id = cb_evaluation_create (fixture->workbook, &tiny_info, &error);
  g_assert_no_error (error);
  fy2025 = cb_evaluation_get (fixture->workbook, fy2025_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fy2025->fiscal_year, ==, 2025);
  g_assert_cmpint (fy2025->revision, ==, 1);
  g_assert_cmpstr (fy2025->status, ==, "draft");
  g_assert_cmpstr (fy2025->confidentiality, ==, "board");
  g_assert_cmpuint (fy2025->recommendations->len, ==, 2);
  first = g_ptr_array_index (fy2025->recommendations, 0);
  second = g_ptr_array_index (fy2025->recommendations, 1);
  assert_recommendation (first, "Report quarterly", "open", ids[0]);
  assert_recommendation (second, "Train directors", "in_progress", ids[1]);
  g_assert_cmpstr (first->owner, ==, "CISO");
  g_assert_null (first->follow_up);

  /* One evaluation per year; a second one is a revision. */
  g_assert_cmpint (cb_evaluation_create (fixture->workbook, &tiny_info, &error), ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS);
  g_clear_error (&error);

  /* FY2025 closes the first and keeps the second going: only the second reaches FY2026, carried
   * from FY2025's row rather than FY2024's original, since only the latest earlier year counts. */
  done = *first;
  done.status = "done";
  done.follow_up = "quarterly reporting since Q2";
  cb_evaluation_update_recommendation (fixture->workbook, &done, &error);
  g_assert_no_error (error);
  info.fiscal_year = 2026;
  fy2026_id = cb_evaluation_create (fixture->workbook, &info, &error);
  g_assert_no_error (error);
  fy2026 = cb_evaluation_get (fixture->workbook, fy2026_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fy2026->recommendations->len, ==, 1);
  assert_recommendation (g_ptr_array_index (fy2026->recommendations, 0), "Train directors",
                         "in_progress", second->id);
}

static void
test_new_revision (CbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) revision = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 id = make_tiny (fixture->workbook);
  gint64 next;

  g_assert_cmpint (cb_evaluation_new_revision (fixture->workbook, id, &error), ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  sign (fixture->workbook, id);
  next = cb_evaluation_new_revision (fixture->workbook, id, &error);
  g_assert_no_error (error);
  revision = cb_evaluation_get (fixture->workbook, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision->revision, ==, 2);
  g_assert_cmpstr (revision->status, ==, "draft");
  g_assert_null (revision->signed_by);
  g_assert_null (revision->content_sha256);

  /* The copy's content is the original's but for the revision number. */
  text = cb_evaluation_canonical_text (fixture->workbook, next, &error);
  g_assert_no_error (error);
  expected = g_strdup (tiny_canonical);
  memcpy (strstr (expected, "\t2025\t1\t") + 6, "2", 1);
  g_assert_cmpstr (text, ==, expected);

  /* The draft revision can change; the signed one cannot be revised twice. */
  cb_evaluation_set_rating (fixture->workbook, next, "BE1", 4, "Fixed.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_evaluation_new_revision (fixture->workbook, id, &error), ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS);
  g_clear_error (&error);

  all = cb_evaluation_list (fixture->workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((CbEvaluation *) g_ptr_array_index (all, 0))->status, ==, "signed");
  g_assert_cmpstr (((CbEvaluation *) g_ptr_array_index (all, 1))->status, ==, "draft");
}

typedef struct
{
  const char *kind;
  const char *ref;
  const char *title;
  gboolean    valid;
  const char *named;
} EvidenceCase;

static void
test_evidence (CbTestFixture *fixture,
               gconstpointer  data)
{
  static const EvidenceCase cases[] = {
    { "item", "CSMG.D10", NULL, TRUE, NULL },
    { "item", "CSMG.D11", NULL, FALSE, "“CSMG.D11”" },
    { "item", "CSMG.D0", NULL, FALSE, "“CSMG.D0”" },
    { "item", "CSMG.D01", NULL, FALSE, "“CSMG.D01”" },
    { "item", "CSMG.D+1", NULL, FALSE, "“CSMG.D+1”" },
    { "item", "csmg.d1", NULL, FALSE, "“csmg.d1”" },
    { "kpi", "training_completion", NULL, TRUE, NULL },
    { "kpi", "no_such_kpi", NULL, FALSE, "“no_such_kpi”" },
    { "document", "https://example.com/minutes.pdf", "Minutes", TRUE, NULL },
    { "document", "https://example.com/minutes.pdf", NULL, FALSE, "title" },
    { "memo", "x", NULL, FALSE, "“memo”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *document = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autofree char *document_uri = g_filename_to_uri (document, NULL, NULL);
  CbEvaluationRating *rating;
  CbEvaluationEvidence *evidence;
  gint64 id = cb_evaluation_create (fixture->workbook, &tiny_info, &error);
  gint64 file_evidence, uri_evidence;
  guint valid = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 evidence_id = cb_evaluation_add_evidence (fixture->workbook, id, "BE1", cases[i].kind,
                                                       cases[i].ref, cases[i].title, &error);

      g_test_message ("%s %s", cases[i].kind, cases[i].ref);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_cmpint (evidence_id, >, 0);
          valid++;
        }
      else
        {
          g_assert_cmpint (evidence_id, ==, 0);
          g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].named));
          g_clear_error (&error);
        }
    }

  /* A local file has its SHA-256 taken when attached: sha256sum of "hello\n". */
  g_file_set_contents (document, "hello\n", -1, &error);
  g_assert_no_error (error);
  file_evidence = cb_evaluation_add_evidence (fixture->workbook, id, "BE1", "document", document,
                                              "Minutes", &error);
  g_assert_no_error (error);
  uri_evidence = cb_evaluation_add_evidence (fixture->workbook, id, "BE1", "document", document_uri,
                                             "Minutes", &error);
  g_assert_no_error (error);

  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  rating = g_ptr_array_index (evaluation->ratings, 0);
  g_assert_cmpint (rating->rating, ==, 0);
  g_assert_cmpuint (rating->evidence->len, ==, valid + 2);
  evidence = g_ptr_array_index (rating->evidence, valid - 1);
  g_assert_null (evidence->sha256);
  evidence = g_ptr_array_index (rating->evidence, valid);
  g_assert_cmpint (evidence->id, ==, file_evidence);
  g_assert_cmpstr (evidence->sha256, ==, HELLO_SHA256);
  evidence = g_ptr_array_index (rating->evidence, valid + 1);
  g_assert_cmpint (evidence->id, ==, uri_evidence);
  g_assert_cmpstr (evidence->sha256, ==, HELLO_SHA256);

  cb_evaluation_remove_evidence (fixture->workbook, file_evidence, &error);
  g_assert_no_error (error);
  g_assert_false (cb_evaluation_remove_evidence (fixture->workbook, file_evidence, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&evaluation, cb_evaluation_free);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  rating = g_ptr_array_index (evaluation->ratings, 0);
  g_assert_cmpuint (rating->evidence->len, ==, valid + 1);
}

static void
test_recommendation_checks (CbTestFixture *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    CbRecommendation recommendation;
    const char      *named;
  } cases[] = {
    { { .text = NULL }, "text" },
    { { .text = "Do it", .due_date = "2026-02-30" }, "“2026-02-30”" },
    { { .text = "Do it", .due_date = "31/03/2026" }, "“31/03/2026”" },
    { { .text = "Do it", .status = "closed" }, "“closed”" },
    { { .text = "Do it", .criterion_key = "BE99" }, "“BE99”" },
  };
  g_autoptr(GError) error = NULL;
  gint64 id = cb_evaluation_create (fixture->workbook, &tiny_info, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CbRecommendation *recommendation = &cases[i].recommendation;
      gint64 added;

      added = cb_evaluation_add_recommendation (fixture->workbook, id, recommendation, &error);
      g_assert_cmpint (added, ==, 0);
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].named));
      g_clear_error (&error);
    }
}

static void
test_set_info (CbTestFixture *fixture,
               gconstpointer  data)
{
  static const struct
  {
    CbEvaluationInfo info;
    const char      *named;
  } refused[] = {
    { { .evaluator_name = "" }, "evaluator_name" },
    { { .evaluator_name = "A", .evaluator_kind = "auditor" }, "evaluator_kind: “auditor”" },
    { { .evaluator_name = "A", .confidentiality = "secret" }, "confidentiality: “secret”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  CbEvaluationInfo info = {
    .fiscal_year = 1999,
    .evaluator_name = "Jiro Suzuki",
    .evaluator_kind = "internal",
    .scope = "Board and audit committee",
    .confidentiality = "public",
  };
  const CbAuditEntry *entry;
  gint64 id = cb_evaluation_create (fixture->workbook, &tiny_info, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (cb_evaluation_set_info (fixture->workbook, id, &refused[i].info, &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i].named));
      g_clear_error (&error);
    }

  cb_evaluation_set_info (fixture->workbook, id, &info, &error);
  g_assert_no_error (error);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  /* The fiscal year stays; empty fields become empty. */
  g_assert_cmpint (evaluation->fiscal_year, ==, 2025);
  g_assert_cmpstr (evaluation->evaluator_name, ==, "Jiro Suzuki");
  g_assert_null (evaluation->evaluator_org);
  g_assert_cmpstr (evaluation->evaluator_kind, ==, "internal");
  g_assert_cmpstr (evaluation->scope, ==, "Board and audit committee");
  g_assert_null (evaluation->method);
  g_assert_cmpstr (evaluation->confidentiality, ==, "public");

  entries = cb_audit_list (fixture->workbook, 1, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->table_name, ==, "evaluations");
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->old_values, ==,
                   "{\"fiscal_year\":\"2025\",\"revision\":\"1\","
                   "\"evaluator_name\":\"Hanako Sato\",\"evaluator_org\":\"Audit LLC\","
                   "\"evaluator_kind\":\"external\",\"scope\":\"Board of directors\","
                   "\"method\":\"Interviews\",\"confidentiality\":\"board\"}");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"fiscal_year\":\"2025\",\"revision\":\"1\","
                   "\"evaluator_name\":\"Jiro Suzuki\",\"evaluator_org\":null,"
                   "\"evaluator_kind\":\"internal\",\"scope\":\"Board and audit committee\","
                   "\"method\":null,\"confidentiality\":\"public\"}");
}

static void
test_audit (CbTestFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  const CbAuditEntry *entry;
  CbEvaluationRating *rating;
  gint64 id = make_tiny (fixture->workbook);
  gint64 evidence_id;

  cb_evaluation_set_rating (fixture->workbook, id, "BE1", 2, NULL, &error);
  g_assert_no_error (error);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  rating = g_ptr_array_index (evaluation->ratings, 0);
  evidence_id = ((CbEvaluationEvidence *) g_ptr_array_index (rating->evidence, 0))->id;
  cb_evaluation_remove_evidence (fixture->workbook, evidence_id, &error);
  g_assert_no_error (error);
  sign (fixture->workbook, id);

  entries = cb_audit_list (fixture->workbook, 0, &error);
  g_assert_no_error (error);

  entry = cb_test_find_audit_entry (entries, "insert", "evaluations");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->user, ==, "tester");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"fiscal_year\":\"2025\",\"revision\":\"1\","
                   "\"evaluator_name\":\"Hanako Sato\",\"evaluator_org\":\"Audit LLC\","
                   "\"evaluator_kind\":\"external\",\"scope\":\"Board of directors\","
                   "\"method\":\"Interviews\",\"confidentiality\":\"board\"}");

  /* Newest first: the last rating change of BE1. */
  entry = cb_test_find_audit_entry (entries, "update", "evaluation_ratings");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, rating->id);
  g_assert_cmpstr (entry->old_values, ==,
                   "{\"criterion_key\":\"BE1\",\"rating\":\"3\","
                   "\"finding\":\"Reports are quarterly.\\nKPIs lack targets.\"}");
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"criterion_key\":\"BE1\",\"rating\":\"2\",\"finding\":null}");

  entry = cb_test_find_audit_entry (entries, "delete", "evaluation_evidence");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, evidence_id);
  g_assert_cmpstr (entry->old_values, ==,
                   "{\"criterion_key\":\"BE1\",\"kind\":\"item\",\"ref\":\"CSMG.D1\","
                   "\"title\":null,\"sha256\":null}");
  g_assert_null (entry->new_values);

  entry = cb_test_find_audit_entry (entries, "insert", "recommendations");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->new_values, ==,
                   "{\"criterion_key\":\"BE1\",\"text\":\"Set KPI targets\",\"owner\":\"CISO\","
                   "\"due_date\":\"2026-03-31\",\"status\":\"open\",\"follow_up\":null,"
                   "\"carried_from\":null}");

  entry = cb_test_find_audit_entry (entries, "sign", "evaluations");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->old_values, ==, "{\"status\":\"submitted\"}");
  g_assert_nonnull (strstr (entry->new_values, "\"signed_by\":\"Hanako Sato\""));
  g_assert_nonnull (strstr (entry->new_values, "\"signed_on\":\"2026-04-30\""));
}

/* The tiny evaluation as an evaluator's workbook of cb_test_organisation exports it once signed,
 * written out by hand; the Organisation line, the status, BE1's rating and finding (escaped as a
 * key file escapes them) and the content hash are left to fill in, in that order. */
#define TINY_FILE_FORMAT \
  "[Cyberboard Evaluation]\n" \
  "Format=1\n" \
  "%s" \
  "FiscalYear=2025\n" \
  "Revision=1\n" \
  "EvaluatorName=Hanako Sato\n" \
  "EvaluatorOrg=Audit LLC\n" \
  "EvaluatorKind=external\n" \
  "Scope=Board of directors\n" \
  "Method=Interviews\n" \
  "Confidentiality=board\n" \
  "Status=%s\n" \
  "SignedBy=Hanako Sato\n" \
  "SignedOn=2026-04-30\n" \
  "ContentSha256=%s\n" \
  "\n" \
  "[Rating BE1]\n" \
  "Rating=%d\n" \
  "Finding=%s\n" \
  "\n" \
  "[Evidence 1]\n" \
  "Criterion=BE1\n" \
  "Kind=item\n" \
  "Ref=CSMG.D1\n" \
  "\n" \
  "[Rating BE2]\n" \
  "Rating=0\n" \
  "\n" \
  "[Evidence 2]\n" \
  "Criterion=BE2\n" \
  "Kind=kpi\n" \
  "Ref=training_completion\n" \
  "\n" \
  "[Recommendation 1]\n" \
  "Criterion=BE1\n" \
  "Text=Set KPI targets\n" \
  "Owner=CISO\n" \
  "DueDate=2026-03-31\n" \
  "Status=open\n"

#define OWN_ORGANISATION "Organisation=テスト精工株式会社\n"
#define OWN_ORGANISATION_EN "Organisation=Test Seiko Co., Ltd.\n"
#define GROUP_ORGANISATION "Organisation=テスト精工ホールディングス株式会社\n"
#define TINY_FINDING "Reports are quarterly.\\nKPIs lack targets."
#define CHANGED_FINDING "Targets set.\\tSee C:\\\\kpi\\r"

/* sha256sum of tiny_canonical with the rating of BE1 raised from 3 to 4. */
#define RAISED_SHA256 "e987176e855a3264d3e622782fa77e4835ea73faf01b21e2795b9049603a0c58"

#define RAISED_MESSAGE "the signed evaluation does not match its signature (content hash " RAISED_SHA256 \
  ", signed " TINY_SHA256 "); it was changed after signing"
#define OTHER_CONTENT_MESSAGE "FY2025 revision 1 is signed in this workbook with other content; the evaluator " \
  "must make a new revision"

static char *
write_tiny_file (const char *dir,
                 const char *organisation,
                 const char *status,
                 int         rating,
                 const char *finding,
                 const char *content_sha256)
{
  g_autofree char *text = g_strdup_printf (TINY_FILE_FORMAT, organisation, status, content_sha256, rating,
                                           finding);
  char *path = g_build_filename (dir, "fy2025.cbeval", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_file_export (CbTestFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "exported.cbeval", NULL);
  g_autofree char *expected = g_strdup_printf (TINY_FILE_FORMAT, OWN_ORGANISATION, "signed", TINY_SHA256, 3,
                                               TINY_FINDING);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = make_tiny (fixture->workbook);

  sign (fixture->workbook, id);
  g_assert_true (cb_evaluation_file_export (fixture->workbook, id, path, &error));
  g_assert_no_error (error);
  exported = cb_test_file_bytes (path);
  g_assert_cmpstr (g_bytes_get_data (exported, NULL), ==, expected);
}

typedef enum
{
  HOLDS_NOTHING,
  HOLDS_DRAFT,   /* the tiny evaluation, unsigned */
  HOLDS_SIGNED,  /* the tiny evaluation, signed: the same content as the authentic file */
} Holding;

typedef struct
{
  const char            *name;
  Holding                holding;
  const char            *organisation;  /* the Organisation line of the file, or "" for none */
  const char            *status;
  int                    rating;        /* of BE1 */
  const char            *finding;       /* of BE1 */
  const char            *content_sha256;
  int                    code;          /* the CbWorkbookError, or -1 when the import succeeds */
  const char            *message;       /* of the error, after "PATH: " */
  CbEvaluationFileResult result;
  const char            *imported_sha256; /* of the evaluation the import leaves */
} ImportCase;

static const ImportCase import_cases[] = {
  { "new", HOLDS_NOTHING, OWN_ORGANISATION, "signed", 3, TINY_FINDING, TINY_SHA256,
    -1, NULL, CB_EVALUATION_FILE_ADDED, TINY_SHA256 },
  { "new-named-in-english", HOLDS_NOTHING, OWN_ORGANISATION_EN, "signed", 3, TINY_FINDING, TINY_SHA256,
    -1, NULL, CB_EVALUATION_FILE_ADDED, TINY_SHA256 },
  { "new-other-version", HOLDS_NOTHING, OWN_ORGANISATION, "signed", 3, CHANGED_FINDING, CHANGED_SHA256,
    -1, NULL, CB_EVALUATION_FILE_ADDED, CHANGED_SHA256 },
  { "replaces-draft", HOLDS_DRAFT, OWN_ORGANISATION, "signed", 3, TINY_FINDING, TINY_SHA256,
    -1, NULL, CB_EVALUATION_FILE_REPLACED, TINY_SHA256 },
  { "identical", HOLDS_SIGNED, OWN_ORGANISATION, "signed", 3, TINY_FINDING, TINY_SHA256,
    -1, NULL, CB_EVALUATION_FILE_ALREADY_PRESENT, TINY_SHA256 },
  { "identical-named-in-english", HOLDS_SIGNED, OWN_ORGANISATION_EN, "signed", 3, TINY_FINDING, TINY_SHA256,
    -1, NULL, CB_EVALUATION_FILE_ALREADY_PRESENT, TINY_SHA256 },
  { "rating-raised-new", HOLDS_NOTHING, OWN_ORGANISATION, "signed", 4, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, RAISED_MESSAGE },
  { "rating-raised-over-draft", HOLDS_DRAFT, OWN_ORGANISATION, "signed", 4, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, RAISED_MESSAGE },
  { "rating-raised-held", HOLDS_SIGNED, OWN_ORGANISATION, "signed", 4, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, RAISED_MESSAGE },
  { "rating-raised-other-organisation", HOLDS_SIGNED, GROUP_ORGANISATION, "signed", 4, TINY_FINDING,
    TINY_SHA256, CB_WORKBOOK_ERROR_INVALID, RAISED_MESSAGE },
  { "other-organisation-new", HOLDS_NOTHING, GROUP_ORGANISATION, "signed", 3, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, "the evaluation is of the board of “テスト精工ホールディングス株式会社”, not of "
    "“テスト精工株式会社”, whose workbook this is; import it into that organisation's own workbook" },
  { "other-organisation-held", HOLDS_SIGNED, GROUP_ORGANISATION, "signed", 3, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, "the evaluation is of the board of “テスト精工ホールディングス株式会社”, not of "
    "“テスト精工株式会社”, whose workbook this is; import it into that organisation's own workbook" },
  { "no-organisation", HOLDS_NOTHING, "", "signed", 3, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_INVALID, "the file does not name the organisation whose board was evaluated; this "
    "workbook takes only evaluations of “テスト精工株式会社”" },
  { "other-version-held", HOLDS_SIGNED, OWN_ORGANISATION, "signed", 3, CHANGED_FINDING, CHANGED_SHA256,
    CB_WORKBOOK_ERROR_READ_ONLY, OTHER_CONTENT_MESSAGE },
  { "draft-over-signed", HOLDS_SIGNED, OWN_ORGANISATION, "draft", 4, TINY_FINDING, TINY_SHA256,
    CB_WORKBOOK_ERROR_READ_ONLY, OTHER_CONTENT_MESSAGE },
};

static void
test_file_import (CbTestFixture *fixture,
                  gconstpointer  data)
{
  const ImportCase *test = data;
  g_autofree char *path = write_tiny_file (fixture->dir, test->organisation, test->status, test->rating,
                                           test->finding, test->content_sha256);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  CbEvaluationFileResult result = -1;
  gint64 held = 0, id = 0;
  gboolean intact = FALSE;

  if (test->holding != HOLDS_NOTHING)
    held = make_tiny (fixture->workbook);
  if (test->holding == HOLDS_SIGNED)
    sign (fixture->workbook, held);
  before = cb_test_workbook_bytes (&fixture->workbook, fixture->path);

  if (test->code >= 0)
    {
      g_autofree char *message = g_strconcat (path, ": ", test->message, NULL);

      g_assert_false (cb_evaluation_file_import (fixture->workbook, path, &id, &result, &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, test->code);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_cmpint (id, ==, 0);
      after = cb_test_workbook_bytes (&fixture->workbook, fixture->path);
      g_assert_true (g_bytes_equal (before, after));
      return;
    }

  g_assert_true (cb_evaluation_file_import (fixture->workbook, path, &id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, test->result);
  if (test->result == CB_EVALUATION_FILE_ALREADY_PRESENT)
    {
      g_assert_cmpint (id, ==, held);
      after = cb_test_workbook_bytes (&fixture->workbook, fixture->path);
      g_assert_true (g_bytes_equal (before, after));
    }
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM evaluations"), ==, 1);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM evaluation_ratings"), ==, 2);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM evaluation_evidence"), ==, 2);
  g_assert_cmpint (cb_test_count (fixture->workbook, "SELECT count(*) FROM recommendations"), ==, 1);
  evaluation = cb_evaluation_get (fixture->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evaluation->status, ==, "signed");
  g_assert_cmpstr (evaluation->signed_by, ==, "Hanako Sato");
  g_assert_cmpstr (evaluation->signed_on, ==, "2026-04-30");
  g_assert_cmpstr (evaluation->content_sha256, ==, test->imported_sha256);
  g_assert_true (cb_evaluation_verify (fixture->workbook, id, &intact, &error));
  g_assert_true (intact);
  g_assert_cmpint (cb_test_count (fixture->workbook,
                                  "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                  "AND table_name = 'evaluations'"),
                   ==, test->result == CB_EVALUATION_FILE_ALREADY_PRESENT ? 0 : 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CbTestFixture, NULL, cb_test_fixture_set_up_workbook, \
                                    func, cb_test_fixture_tear_down)
  ADD ("/evaluation/canonical-hash", test_canonical_hash);
  ADD ("/evaluation/sign-and-verify", test_sign_stores_hash_and_verifies);
  ADD ("/evaluation/signed-is-read-only", test_signed_is_read_only);
  ADD ("/evaluation/report-hash-once", test_report_hash_once);
  ADD ("/evaluation/rating-range", test_rating_range);
  ADD ("/evaluation/carry-over", test_carry_over);
  ADD ("/evaluation/new-revision", test_new_revision);
  ADD ("/evaluation/evidence", test_evidence);
  ADD ("/evaluation/recommendation-checks", test_recommendation_checks);
  ADD ("/evaluation/set-info", test_set_info);
  ADD ("/evaluation/audit", test_audit);
  ADD ("/evaluation/file/export", test_file_export);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (import_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/evaluation/file/import/", import_cases[i].name, NULL);

      g_test_add (path, CbTestFixture, &import_cases[i], cb_test_fixture_set_up_workbook, test_file_import,
                  cb_test_fixture_tear_down);
    }

  return g_test_run ();
}
