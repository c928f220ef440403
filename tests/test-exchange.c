#include <string.h>

#include "cb-batch.h"
#include "cb-demo.h"
#include "cb-evaluation-file.h"
#include "cb-evaluation.h"
#include "cb-merge.h"
#include "cb-record.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

static const CbOrganisation group_organisation = {
  .name_ja = "東邦ホールディングス株式会社", .name_en = "Toho Holdings", .fiscal_year_start = 4,
  .time_zone = "Asia/Tokyo", .language = "ja",
};

typedef struct
{
  char       *dir;
  char       *demo_path;
  char       *group_path;
  CbWorkbook *demo;
  CbWorkbook *group;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);  /* 2026-11-18 */
  fixture->dir = cb_test_make_dir ();
  fixture->demo_path = g_build_filename (fixture->dir, "toho.cyberboard", NULL);
  fixture->group_path = g_build_filename (fixture->dir, "group.cyberboard", NULL);
  fixture->demo = cb_test_create_demo (fixture->demo_path, 7);
  fixture->group = cb_workbook_create (fixture->group_path, &group_organisation, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->demo);
  g_clear_object (&fixture->group);
  cb_test_remove_dir (fixture->dir);
  g_free (fixture->demo_path);
  g_free (fixture->group_path);
  g_free (fixture->dir);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static gint64
signed_evaluation (CbWorkbook *workbook)
{
  g_autoptr(GPtrArray) evaluations = cb_evaluation_list (workbook, NULL);

  for (guint i = 0; i < evaluations->len; i++)
    {
      const CbEvaluation *evaluation = evaluations->pdata[i];
      if (g_strcmp0 (evaluation->status, "signed") == 0)
        return evaluation->id;
    }
  g_assert_not_reached ();
}

/* The company's own workbook: the demo's organisation, without its data. */
static CbWorkbook *
create_company (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "company.cyberboard", NULL);
  g_autoptr(GError) error = NULL;
  CbWorkbook *company = cb_workbook_create (path, cb_demo_organisation (), &error);

  g_assert_no_error (error);
  return company;
}

static void
test_evaluation_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fy2025.cbeval", NULL);
  g_autoptr(CbWorkbook) company = create_company (fixture);
  g_autoptr(CbEvaluation) original = NULL;
  g_autoptr(CbEvaluation) imported = NULL;
  g_autoptr(GError) error = NULL;
  CbEvaluationFileResult result = -1;
  gint64 id = 0, again = 0;
  gboolean intact = FALSE;

  original = cb_evaluation_get (fixture->demo, signed_evaluation (fixture->demo), &error);
  g_assert_true (cb_evaluation_file_export (fixture->demo, original->id, path, &error));
  g_assert_no_error (error);

  g_assert_true (cb_evaluation_file_import (company, path, &id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CB_EVALUATION_FILE_ADDED);
  imported = cb_evaluation_get (company, id, &error);
  g_assert_cmpstr (imported->status, ==, "signed");
  g_assert_cmpstr (imported->content_sha256, ==, original->content_sha256);
  g_assert_cmpstr (imported->signed_by, ==, original->signed_by);
  g_assert_cmpuint (imported->ratings->len, ==, original->ratings->len);
  g_assert_cmpuint (imported->recommendations->len, ==, original->recommendations->len);
  g_assert_true (cb_evaluation_verify (company, id, &intact, &error));
  g_assert_true (intact);

  /* Handing the same file back again, here or to the workbook it came from, changes nothing. */
  g_assert_true (cb_evaluation_file_import (company, path, &again, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CB_EVALUATION_FILE_ALREADY_PRESENT);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (cb_test_count (company, "SELECT count(*) FROM evaluations"), ==, 1);
  g_assert_true (cb_evaluation_file_import (fixture->demo, path, &again, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CB_EVALUATION_FILE_ALREADY_PRESENT);
  g_assert_cmpint (again, ==, original->id);
}

/* A group company's workbook does not take a subsidiary's evaluation: that is of another board. */
static void
test_evaluation_other_organisation (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fy2025.cbeval", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  CbEvaluationFileResult result;
  gint64 id = 0;

  g_assert_true (cb_evaluation_file_export (fixture->demo, signed_evaluation (fixture->demo), path, &error));
  before = cb_test_workbook_bytes (&fixture->group, fixture->group_path);
  g_assert_false (cb_evaluation_file_import (fixture->group, path, &id, &result, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  message = g_strconcat (path, ": the evaluation is of the board of “東邦精機工業株式会社”, not of "
                         "“東邦ホールディングス株式会社”, whose workbook this is; import it into that "
                         "organisation's own workbook", NULL);
  g_assert_cmpstr (error->message, ==, message);
  after = cb_test_workbook_bytes (&fixture->group, fixture->group_path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Someone raises the poor ratings after the evaluator signed: every workbook refuses the file,
 * the one that holds the signed evaluation as well as one that does not. */
static void
test_evaluation_tampered (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fy2025.cbeval", NULL);
  g_autofree char *signed_line = NULL;
  g_autoptr(CbEvaluation) original = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GRegex) rating = g_regex_new ("^Rating=[12]$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  struct { CbWorkbook **workbook; const char *path; } targets[] = {
    { &fixture->demo, fixture->demo_path },
    { &fixture->group, fixture->group_path },
  };

  original = cb_evaluation_get (fixture->demo, signed_evaluation (fixture->demo), &error);
  g_assert_true (cb_evaluation_file_export (fixture->demo, original->id, path, &error));
  exported = cb_test_file_bytes (path);
  text = g_bytes_get_data (exported, NULL);
  changed = g_regex_replace_literal (rating, text, -1, 0, "Rating=4", G_REGEX_MATCH_NOTEMPTY, &error);
  g_assert_cmpstr (changed, !=, text);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  signed_line = g_strdup_printf (", signed %s); it was changed after signing", original->content_sha256);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *start = g_strconcat (path, ": the signed evaluation does not match its signature "
                                            "(content hash ", NULL);
      g_autoptr(GBytes) before = cb_test_workbook_bytes (targets[i].workbook, targets[i].path);
      g_autoptr(GBytes) after = NULL;
      CbEvaluationFileResult result;
      gint64 id = 0;

      g_test_message ("%s", targets[i].path);
      g_assert_false (cb_evaluation_file_import (*targets[i].workbook, path, &id, &result, &error));
      g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, start));
      g_assert_true (g_str_has_suffix (error->message, signed_line));
      g_clear_error (&error);
      after = cb_test_workbook_bytes (targets[i].workbook, targets[i].path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_evaluation_not_a_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  CbEvaluationFileResult result;
  gint64 id;

  g_assert_true (g_file_set_contents (path, "取締役会の議事録\n", -1, NULL));
  g_assert_false (cb_evaluation_file_import (fixture->group, path, &id, &result, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a Cyberboard evaluation file"));
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CbBatch) batch = NULL;
  g_autoptr(CbBatch) second = NULL;
  g_autoptr(CbRecord) toho = NULL;
  g_autoptr(CbRecord) tsh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 suppliers = cb_test_count (fixture->demo, "SELECT count(*) FROM suppliers");
  gint64 responses = cb_test_count (fixture->demo, "SELECT count(*) FROM responses");
  gint64 incidents = cb_test_count (fixture->demo, "SELECT count(*) FROM incidents");

  /* Both workbooks call their top entity GROUP: the subsidiary needs a code of its own. */
  g_assert_false (cb_merge_workbook (fixture->group, fixture->demo, NULL, &batch, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--as"));
  g_clear_error (&error);

  g_assert_true (cb_merge_workbook (fixture->group, fixture->demo, "TOHO", &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM suppliers"), ==, suppliers);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM responses"), ==, responses);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM incidents"), ==, incidents);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM supplier_assessments"), ==,
                   cb_test_count (fixture->demo, "SELECT count(*) FROM supplier_assessments"));

  toho = cb_workbook_get_record (fixture->group, cb_kind_lookup ("entities"),
                                 cb_workbook_lookup_code (fixture->group, "entities", "TOHO"), &error);
  g_assert_cmpstr (cb_record_get (toho, "parent_code"), ==, "GROUP");
  g_assert_cmpstr (cb_record_get (toho, "name_ja"), ==, "東邦精機工業株式会社");
  tsh = cb_workbook_get_record (fixture->group, cb_kind_lookup ("entities"),
                                cb_workbook_lookup_code (fixture->group, "entities", "TSH"), &error);
  g_assert_cmpstr (cb_record_get (tsh, "parent_code"), ==, "TOHO");
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM import_batches WHERE kind = 'merge' "
                                          "AND length (sha256) = 64"), ==, 1);

  /* Merging the same workbook again updates by natural key instead of duplicating. */
  g_assert_true (cb_merge_workbook (fixture->group, fixture->demo, "TOHO", &second, &error));
  g_assert_cmpint (second->rows_inserted, ==, 0);
  g_assert_cmpint (second->rows_updated, ==, batch->rows_read);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM suppliers"), ==, suppliers);

  g_assert_true (cb_batch_undo (fixture->group, second->id, &error));
  g_assert_true (cb_batch_undo (fixture->group, batch->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM suppliers"), ==, 0);
  g_assert_cmpint (cb_test_count (fixture->group, "SELECT count(*) FROM entities"), ==, 1);
}

/* An evaluator's copy: the evaluation may change, nothing of the company's data may. */
static void
test_evaluator_mode (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CbWorkbook) evaluator = NULL;
  g_autoptr(CbRecord) supplier = cb_record_new (cb_kind_lookup ("suppliers"));
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft = 0;

  g_clear_object (&fixture->demo);
  evaluator = cb_workbook_open (fixture->demo_path, CB_WORKBOOK_OPEN_EVALUATOR, &error);
  g_assert_no_error (error);
  g_assert_true (cb_workbook_is_evaluator (evaluator));

  cb_record_set (supplier, "code", "S-EVAL");
  cb_record_set (supplier, "name", "評価者が追加した取引先");
  g_assert_false (cb_workbook_save_record (evaluator, supplier, 0, NULL, NULL, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "only the board evaluation can change"));
  g_clear_error (&error);
  g_assert_false (cb_workbook_set_setting (evaluator, "language", "en", &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);

  evaluations = cb_evaluation_list (evaluator, &error);
  for (guint i = 0; i < evaluations->len; i++)
    if (g_strcmp0 (((CbEvaluation *) evaluations->pdata[i])->status, "draft") == 0)
      draft = ((CbEvaluation *) evaluations->pdata[i])->id;
  g_assert_cmpint (draft, >, 0);
  g_assert_true (cb_evaluation_set_rating (evaluator, draft, "BE4", 2, "取締役向け研修は未実施。", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_test_count (evaluator, "SELECT count(*) FROM suppliers WHERE code = 'S-EVAL'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/exchange/evaluation/round-trip", test_evaluation_round_trip);
  ADD ("/exchange/evaluation/other-organisation", test_evaluation_other_organisation);
  ADD ("/exchange/evaluation/tampered", test_evaluation_tampered);
  ADD ("/exchange/evaluation/not-a-file", test_evaluation_not_a_file);
  ADD ("/exchange/merge", test_merge);
  ADD ("/exchange/evaluator-mode", test_evaluator_mode);
#undef ADD
  return g_test_run ();
}
