#include "cb-audit.h"
#include "cb-evaluation.h"
#include "cb-evidence.h"
#include "cb-kind.h"
#include "cb-record.h"
#include "cb-workbook-private.h"

#include <glib/gi18n-lib.h>

#define CANONICAL_FORMAT "cyberboard-evaluation 1\n"

#define EVALUATION_COLUMNS \
  "id, fiscal_year, revision, evaluator_name, evaluator_org, evaluator_kind, scope, method, " \
  "status, confidentiality, signed_by, signed_on, content_sha256, report_sha256"

#define RECOMMENDATION_COLUMNS \
  "id, criterion_key, text, owner, due_date, status, follow_up, carried_from, evaluation_id"

static const char *const evaluator_kinds[] = { "internal", "external", NULL };
static const char *const evidence_kinds[] = { "item", "kpi", "document", NULL };
static const char *const recommendation_statuses[] = {
  "open", "in_progress", "done", "dropped", NULL
};

const char *const *
cb_evaluation_evaluator_kinds (void)
{
  return evaluator_kinds;
}

void
cb_evaluation_evidence_free (CbEvaluationEvidence *evidence)
{
  g_free (evidence->criterion_key);
  g_free (evidence->kind);
  g_free (evidence->ref);
  g_free (evidence->title);
  g_free (evidence->sha256);
  g_free (evidence);
}

void
cb_evaluation_rating_free (CbEvaluationRating *rating)
{
  g_free (rating->criterion_key);
  g_free (rating->finding);
  g_clear_pointer (&rating->evidence, g_ptr_array_unref);
  g_free (rating);
}

void
cb_recommendation_free (CbRecommendation *recommendation)
{
  g_free (recommendation->criterion_key);
  g_free (recommendation->text);
  g_free (recommendation->owner);
  g_free (recommendation->due_date);
  g_free (recommendation->status);
  g_free (recommendation->follow_up);
  g_free (recommendation);
}

void
cb_evaluation_free (CbEvaluation *evaluation)
{
  g_free (evaluation->evaluator_name);
  g_free (evaluation->evaluator_org);
  g_free (evaluation->evaluator_kind);
  g_free (evaluation->scope);
  g_free (evaluation->method);
  g_free (evaluation->status);
  g_free (evaluation->confidentiality);
  g_free (evaluation->signed_by);
  g_free (evaluation->signed_on);
  g_free (evaluation->content_sha256);
  g_free (evaluation->report_sha256);
  g_clear_pointer (&evaluation->ratings, g_ptr_array_unref);
  g_clear_pointer (&evaluation->recommendations, g_ptr_array_unref);
  g_free (evaluation);
}

static char *
info_json (const CbEvaluationInfo *info,
           int                     revision)
{
  GString *json = g_string_new ("{");
  char year[16], number[16];

  g_snprintf (year, sizeof year, "%d", info->fiscal_year);
  g_snprintf (number, sizeof number, "%d", revision);
  cb_json_append_member (json, "fiscal_year", year);
  cb_json_append_member (json, "revision", number);
  cb_json_append_member (json, "evaluator_name", info->evaluator_name);
  cb_json_append_member (json, "evaluator_org", cb_workbook_nonempty (info->evaluator_org));
  cb_json_append_member (json, "evaluator_kind", info->evaluator_kind);
  cb_json_append_member (json, "scope", cb_workbook_nonempty (info->scope));
  cb_json_append_member (json, "method", cb_workbook_nonempty (info->method));
  cb_json_append_member (json, "confidentiality", info->confidentiality);
  return cb_json_close (json);
}

static char *
rating_json (const char *criterion_key,
             int         rating,
             const char *finding)
{
  GString *json = g_string_new ("{");
  char number[16];

  g_snprintf (number, sizeof number, "%d", rating);
  cb_json_append_member (json, "criterion_key", criterion_key);
  cb_json_append_member (json, "rating", rating > 0 ? number : NULL);
  cb_json_append_member (json, "finding", cb_workbook_nonempty (finding));
  return cb_json_close (json);
}

static char *
evidence_json (const CbEvaluationEvidence *evidence)
{
  GString *json = g_string_new ("{");

  cb_json_append_member (json, "criterion_key", evidence->criterion_key);
  cb_json_append_member (json, "kind", evidence->kind);
  cb_json_append_member (json, "ref", evidence->ref);
  cb_json_append_member (json, "title", cb_workbook_nonempty (evidence->title));
  cb_json_append_member (json, "sha256", evidence->sha256);
  return cb_json_close (json);
}

/* The text columns of a recommendation, in the order recommendation_values() gives them. */
static const char *const recommendation_fields[] = {
  "criterion_key", "text", "owner", "due_date", "status", "follow_up",
};

static void
recommendation_values (const CbRecommendation *recommendation,
                       const char             *values[G_N_ELEMENTS (recommendation_fields)])
{
  values[0] = cb_workbook_nonempty (recommendation->criterion_key);
  values[1] = recommendation->text;
  values[2] = cb_workbook_nonempty (recommendation->owner);
  values[3] = cb_workbook_nonempty (recommendation->due_date);
  values[4] = recommendation->status != NULL ? recommendation->status : "open";
  values[5] = cb_workbook_nonempty (recommendation->follow_up);
}

/* Binds the recommendation's text fields to the parameters from @first on. */
static void
bind_recommendation (sqlite3_stmt            *stmt,
                     int                      first,
                     const CbRecommendation  *recommendation)
{
  const char *values[G_N_ELEMENTS (recommendation_fields)];

  recommendation_values (recommendation, values);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sqlite3_bind_text (stmt, first + i, values[i], -1, SQLITE_STATIC);
}

static char *
recommendation_json (const CbRecommendation *recommendation,
                     gint64                  carried_from)
{
  GString *json = g_string_new ("{");
  const char *values[G_N_ELEMENTS (recommendation_fields)];
  char number[24];

  recommendation_values (recommendation, values);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    cb_json_append_member (json, recommendation_fields[i], values[i]);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, carried_from);
  cb_json_append_member (json, "carried_from", carried_from > 0 ? number : NULL);
  return cb_json_close (json);
}

static char *
status_json (const char *status)
{
  return cb_audit_json_pair ("status", status);
}

static CbEvaluation *
evaluation_from_row (sqlite3_stmt *stmt)
{
  CbEvaluation *evaluation = g_new0 (CbEvaluation, 1);

  evaluation->id = sqlite3_column_int64 (stmt, 0);
  evaluation->fiscal_year = sqlite3_column_int (stmt, 1);
  evaluation->revision = sqlite3_column_int (stmt, 2);
  evaluation->evaluator_name = cb_workbook_column_dup (stmt, 3);
  evaluation->evaluator_org = cb_workbook_column_dup (stmt, 4);
  evaluation->evaluator_kind = cb_workbook_column_dup (stmt, 5);
  evaluation->scope = cb_workbook_column_dup (stmt, 6);
  evaluation->method = cb_workbook_column_dup (stmt, 7);
  evaluation->status = cb_workbook_column_dup (stmt, 8);
  evaluation->confidentiality = cb_workbook_column_dup (stmt, 9);
  evaluation->signed_by = cb_workbook_column_dup (stmt, 10);
  evaluation->signed_on = cb_workbook_column_dup (stmt, 11);
  evaluation->content_sha256 = cb_workbook_column_dup (stmt, 12);
  evaluation->report_sha256 = cb_workbook_column_dup (stmt, 13);
  return evaluation;
}

static CbRecommendation *
recommendation_from_row (sqlite3_stmt *stmt)
{
  CbRecommendation *recommendation = g_new0 (CbRecommendation, 1);

  recommendation->id = sqlite3_column_int64 (stmt, 0);
  recommendation->criterion_key = cb_workbook_column_dup (stmt, 1);
  recommendation->text = cb_workbook_column_dup (stmt, 2);
  recommendation->owner = cb_workbook_column_dup (stmt, 3);
  recommendation->due_date = cb_workbook_column_dup (stmt, 4);
  recommendation->status = cb_workbook_column_dup (stmt, 5);
  recommendation->follow_up = cb_workbook_column_dup (stmt, 6);
  recommendation->carried_from = sqlite3_column_int64 (stmt, 7);
  return recommendation;
}

static void
info_of (const CbEvaluation *evaluation,
         CbEvaluationInfo   *info)
{
  info->fiscal_year = evaluation->fiscal_year;
  info->evaluator_name = evaluation->evaluator_name;
  info->evaluator_org = evaluation->evaluator_org;
  info->evaluator_kind = evaluation->evaluator_kind;
  info->scope = evaluation->scope;
  info->method = evaluation->method;
  info->confidentiality = evaluation->confidentiality;
}

static CbEvaluation *
load_header (CbWorkbook  *workbook,
             gint64       evaluation_id,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " EVALUATION_COLUMNS " FROM evaluations WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  if (!cb_workbook_step_row (workbook, stmt, "evaluation", evaluation_id, "reading an evaluation",
                             error))
    return NULL;
  return evaluation_from_row (stmt);
}

/* The evaluation, when it may still change; the file's triggers would refuse it too, with a
 * message that does not say which evaluation. */
static CbEvaluation *
load_editable (CbWorkbook  *workbook,
               gint64       evaluation_id,
               GError     **error)
{
  CbEvaluation *evaluation = load_header (workbook, evaluation_id, error);

  if (evaluation != NULL && g_str_equal (evaluation->status, "signed"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                   _("the evaluation of FY%d, revision %d, is signed and read-only; "
                   "make a new revision to change it"),
                   evaluation->fiscal_year, evaluation->revision);
      g_clear_pointer (&evaluation, cb_evaluation_free);
    }
  return evaluation;
}

static gboolean
check_criterion (CbWorkbook  *workbook,
                 const char  *criterion_key,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook, "SELECT 1 FROM criteria WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, criterion_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("criterion_key: no board-evaluation criterion has the key “%s”"),
                   criterion_key != NULL ? criterion_key : "");
      return FALSE;
    }
  return TRUE;
}

/* Checks @info and fills in the defaults of the fields it may leave NULL. */
static gboolean
check_info (const CbEvaluationInfo  *info,
            CbEvaluationInfo        *checked,
            GError                 **error)
{
  *checked = *info;
  if (checked->evaluator_kind == NULL)
    checked->evaluator_kind = "external";
  if (checked->confidentiality == NULL)
    checked->confidentiality = "board";

  if (cb_workbook_nonempty (info->evaluator_name) == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("evaluator_name: the evaluator's name is required"));
      return FALSE;
    }
  if (!g_strv_contains (evaluator_kinds, checked->evaluator_kind))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("evaluator_kind: “%s” is neither “internal” nor “external”"),
                   checked->evaluator_kind);
      return FALSE;
    }
  if (!g_strv_contains (cb_confidentiality_values, checked->confidentiality))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("confidentiality: “%s” is not one of public, board, internal"),
                   checked->confidentiality);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_recommendation (CbWorkbook              *workbook,
                      const CbRecommendation  *recommendation,
                      GError                 **error)
{
  if (cb_workbook_nonempty (recommendation->text) == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("text: a recommendation needs a text"));
      return FALSE;
    }
  if (cb_workbook_nonempty (recommendation->criterion_key) != NULL
      && !check_criterion (workbook, recommendation->criterion_key, error))
    return FALSE;
  if (cb_workbook_nonempty (recommendation->due_date) != NULL
      && !cb_workbook_check_date ("due_date", recommendation->due_date, error))
    return FALSE;
  if (recommendation->status != NULL
      && !g_strv_contains (recommendation_statuses, recommendation->status))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("status: “%s” is not one of open, in_progress, done, dropped"),
                   recommendation->status);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_evidence (CbWorkbook            *workbook,
                CbEvaluationEvidence  *evidence,
                GError               **error)
{
  if (!g_strv_contains (evidence_kinds, evidence->kind))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("kind: “%s” is not one of item, kpi, document"), evidence->kind);
      return FALSE;
    }
  if (evidence->ref == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("ref: the evidence needs a reference"));
      return FALSE;
    }

  if (g_str_equal (evidence->kind, "item"))
    {
      g_autofree char *canonical = NULL;
      gint64 number = 0;

      /* Comparing with the number written back refuses "CSMG.D01" and "CSMG.D+1". */
      if (g_str_has_prefix (evidence->ref, "CSMG.D"))
        g_ascii_string_to_signed (evidence->ref + 6, 10, 1, 10, &number, NULL);
      canonical = g_strdup_printf ("CSMG.D%" G_GINT64_FORMAT, number);
      if (number == 0 || !g_str_equal (canonical, evidence->ref))
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                       _("ref: “%s” is not a guideline item (CSMG.D1 to CSMG.D10)"), evidence->ref);
          return FALSE;
        }
    }
  else if (g_str_equal (evidence->kind, "kpi"))
    {
      if (cb_workbook_lookup_code (workbook, "kpis", evidence->ref) == 0)
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                       _("ref: no KPI has the code “%s”"), evidence->ref);
          return FALSE;
        }
    }
  else
    {
      if (evidence->title == NULL)
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                       _("title: the document “%s” needs a title"), evidence->ref);
          return FALSE;
        }
      return cb_evidence_file_sha256 (evidence->ref, &evidence->sha256, error);
    }
  return TRUE;
}

static gint64
insert_evaluation (CbWorkbook              *workbook,
                   const CbEvaluationInfo  *info,
                   int                      revision,
                   GError                 **error)
{
  g_autofree char *json = info_json (info, revision);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO evaluations (fiscal_year, revision, evaluator_name, "
                              "evaluator_org, evaluator_kind, scope, method, confidentiality) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, info->fiscal_year);
  sqlite3_bind_int (stmt, 2, revision);
  sqlite3_bind_text (stmt, 3, info->evaluator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cb_workbook_nonempty (info->evaluator_org), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, info->evaluator_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, cb_workbook_nonempty (info->scope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, cb_workbook_nonempty (info->method), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, info->confidentiality, -1, SQLITE_STATIC);
  return cb_audit_insert (workbook, stmt, "evaluations", json, "saving an evaluation", error);
}

static gint64
insert_rating (CbWorkbook  *workbook,
               gint64       evaluation_id,
               const char  *criterion_key,
               int          rating,
               const char  *finding,
               GError     **error)
{
  g_autofree char *json = rating_json (criterion_key, rating, finding);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO evaluation_ratings "
                              "(evaluation_id, criterion_key, rating, finding) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  sqlite3_bind_text (stmt, 2, criterion_key, -1, SQLITE_STATIC);
  if (rating > 0)
    sqlite3_bind_int (stmt, 3, rating);
  sqlite3_bind_text (stmt, 4, cb_workbook_nonempty (finding), -1, SQLITE_STATIC);
  return cb_audit_insert (workbook, stmt, "evaluation_ratings", json, "saving a rating", error);
}

static gint64
insert_evidence (CbWorkbook                  *workbook,
                 gint64                       rating_id,
                 const CbEvaluationEvidence  *evidence,
                 GError                     **error)
{
  g_autofree char *json = evidence_json (evidence);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO evaluation_evidence (rating_id, kind, ref, title, "
                              "sha256) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, rating_id);
  sqlite3_bind_text (stmt, 2, evidence->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, evidence->ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cb_workbook_nonempty (evidence->title), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, evidence->sha256, -1, SQLITE_STATIC);
  return cb_audit_insert (workbook, stmt, "evaluation_evidence", json, "saving evidence", error);
}

static gint64
insert_recommendation (CbWorkbook              *workbook,
                       gint64                   evaluation_id,
                       const CbRecommendation  *recommendation,
                       gint64                   carried_from,
                       GError                 **error)
{
  g_autofree char *json = recommendation_json (recommendation, carried_from);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO recommendations (evaluation_id, criterion_key, text, "
                              "owner, due_date, status, follow_up, carried_from) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  bind_recommendation (stmt, 2, recommendation);
  if (carried_from > 0)
    sqlite3_bind_int64 (stmt, 8, carried_from);
  return cb_audit_insert (workbook, stmt, "recommendations", json, "saving a recommendation", error);
}

/* Follow-up: last year's unfinished recommendations become this year's, linked to the originals. */
static gboolean
carry_over (CbWorkbook  *workbook,
            gint64       evaluation_id,
            int          fiscal_year,
            GError     **error)
{
  g_autoptr(GPtrArray) carried = NULL;
  sqlite3_stmt *stmt;

  carried = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_recommendation_free);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT " RECOMMENDATION_COLUMNS " FROM recommendations "
                              "WHERE evaluation_id = (SELECT id FROM evaluations "
                              "  WHERE fiscal_year < ? ORDER BY fiscal_year DESC, revision DESC "
                              "  LIMIT 1) "
                              "AND status IN ('open', 'in_progress') ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, fiscal_year);
  if (!cb_workbook_collect_rows (workbook, stmt, carried,
                                 (CbWorkbookRowFunc) recommendation_from_row,
                                 "reading last year's recommendations", error))
    return FALSE;

  for (guint i = 0; i < carried->len; i++)
    {
      CbRecommendation *recommendation = g_ptr_array_index (carried, i);
      CbRecommendation follow = *recommendation;

      /* Last year's follow-up note is reachable through carried_from; this year's starts empty. */
      follow.follow_up = NULL;
      if (insert_recommendation (workbook, evaluation_id, &follow, recommendation->id, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gint64
cb_evaluation_create (CbWorkbook              *workbook,
                      const CbEvaluationInfo  *info,
                      GError                 **error)
{
  CbEvaluationInfo checked;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (info->fiscal_year < 1900 || info->fiscal_year > 9999)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("fiscal_year: %d is not a fiscal year"), info->fiscal_year);
      return 0;
    }
  if (!check_info (info, &checked, error))
    return 0;

  stmt = cb_workbook_prepare (workbook, "SELECT 1 FROM evaluations WHERE fiscal_year = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, info->fiscal_year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS,
                   _("FY%d has an evaluation already; change it, or make a new revision of it "
                   "once signed"),
                   info->fiscal_year);
      return 0;
    }

  if (!cb_workbook_begin (workbook, error))
    return 0;
  id = insert_evaluation (workbook, &checked, 1, error);
  if (id == 0 || !carry_over (workbook, id, info->fiscal_year, error))
    goto failed;
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

gboolean
cb_evaluation_set_info (CbWorkbook              *workbook,
                        gint64                   evaluation_id,
                        const CbEvaluationInfo  *info,
                        GError                 **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  CbEvaluationInfo old_info;
  CbEvaluationInfo checked;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL || !check_info (info, &checked, error))
    return FALSE;
  checked.fiscal_year = evaluation->fiscal_year;
  info_of (evaluation, &old_info);
  old_json = info_json (&old_info, evaluation->revision);
  new_json = info_json (&checked, evaluation->revision);

  const char *values[] = {
    checked.evaluator_name, cb_workbook_nonempty (checked.evaluator_org),
    checked.evaluator_kind, cb_workbook_nonempty (checked.scope),
    cb_workbook_nonempty (checked.method), checked.confidentiality,
  };

  return cb_audit_update (workbook,
                          "UPDATE evaluations SET evaluator_name = ?, evaluator_org = ?, "
                          "evaluator_kind = ?, scope = ?, method = ?, confidentiality = ? "
                          "WHERE id = ?",
                          values, G_N_ELEMENTS (values), "update", "evaluations", evaluation_id,
                          old_json, new_json, "changing an evaluation", error);
}

GPtrArray *
cb_evaluation_list (CbWorkbook  *workbook,
                    GError     **error)
{
  g_autoptr(GPtrArray) evaluations = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " EVALUATION_COLUMNS " FROM evaluations "
                              "ORDER BY fiscal_year, revision", error);
  if (stmt == NULL)
    return NULL;
  evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_evaluation_free);
  if (!cb_workbook_collect_rows (workbook, stmt, evaluations,
                                 (CbWorkbookRowFunc) evaluation_from_row, "listing evaluations",
                                 error))
    return NULL;
  return g_steal_pointer (&evaluations);
}

static gboolean
load_ratings (CbWorkbook    *workbook,
              CbEvaluation  *evaluation,
              GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  evaluation->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_evaluation_rating_free);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, criterion_key, rating, finding FROM evaluation_ratings "
                              "WHERE evaluation_id = ? ORDER BY criterion_key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbEvaluationRating *rating = g_new0 (CbEvaluationRating, 1);

      rating->id = sqlite3_column_int64 (stmt, 0);
      rating->criterion_key = cb_workbook_column_dup (stmt, 1);
      rating->rating = sqlite3_column_int (stmt, 2);
      rating->finding = cb_workbook_column_dup (stmt, 3);
      rating->evidence =
        g_ptr_array_new_with_free_func ((GDestroyNotify) cb_evaluation_evidence_free);
      g_ptr_array_add (evaluation->ratings, rating);
      g_hash_table_insert (by_id, &rating->id, rating);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading ratings", error);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT e.id, r.criterion_key, e.kind, e.ref, e.title, e.sha256, "
                              "e.rating_id FROM evaluation_evidence e "
                              "JOIN evaluation_ratings r ON r.id = e.rating_id "
                              "WHERE r.evaluation_id = ? ORDER BY e.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbEvaluationEvidence *evidence = g_new0 (CbEvaluationEvidence, 1);
      gint64 rating_id = sqlite3_column_int64 (stmt, 6);
      CbEvaluationRating *rating = g_hash_table_lookup (by_id, &rating_id);

      g_assert (rating != NULL);
      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->criterion_key = cb_workbook_column_dup (stmt, 1);
      evidence->kind = cb_workbook_column_dup (stmt, 2);
      evidence->ref = cb_workbook_column_dup (stmt, 3);
      evidence->title = cb_workbook_column_dup (stmt, 4);
      evidence->sha256 = cb_workbook_column_dup (stmt, 5);
      g_ptr_array_add (rating->evidence, evidence);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading evidence", error);
  return TRUE;
}

static gboolean
load_recommendations (CbWorkbook    *workbook,
                      CbEvaluation  *evaluation,
                      GError       **error)
{
  sqlite3_stmt *stmt;

  evaluation->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cb_recommendation_free);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT " RECOMMENDATION_COLUMNS " FROM recommendations "
                              "WHERE evaluation_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation->id);
  return cb_workbook_collect_rows (workbook, stmt, evaluation->recommendations,
                                   (CbWorkbookRowFunc) recommendation_from_row,
                                   "reading recommendations", error);
}

CbEvaluation *
cb_evaluation_get (CbWorkbook  *workbook,
                   gint64       evaluation_id,
                   GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  evaluation = load_header (workbook, evaluation_id, error);
  if (evaluation == NULL
      || !load_ratings (workbook, evaluation, error)
      || !load_recommendations (workbook, evaluation, error))
    return NULL;
  return g_steal_pointer (&evaluation);
}

/* The id of the evaluation's rating row for @criterion_key, made empty when there is none yet. */
static gint64
ensure_rating (CbWorkbook  *workbook,
               gint64       evaluation_id,
               const char  *criterion_key,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT id FROM evaluation_ratings "
                              "WHERE evaluation_id = ? AND criterion_key = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  sqlite3_bind_text (stmt, 2, criterion_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return insert_rating (workbook, evaluation_id, criterion_key, 0, NULL, error);
}

gboolean
cb_evaluation_set_rating (CbWorkbook  *workbook,
                          gint64       evaluation_id,
                          const char  *criterion_key,
                          int          rating,
                          const char  *finding,
                          GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;
  gint64 rating_id;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (criterion_key != NULL, FALSE);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL || !check_criterion (workbook, criterion_key, error))
    return FALSE;
  if (rating < 0 || rating > 4)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("rating: %d for %s is not a rating; ratings run from 1 (does not meet) "
                   "to 4 (fully meets)"), rating, criterion_key);
      return FALSE;
    }

  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, rating, finding FROM evaluation_ratings "
                              "WHERE evaluation_id = ? AND criterion_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  sqlite3_bind_text (stmt, 2, criterion_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (!cb_workbook_begin (workbook, error))
        return FALSE;
      if (insert_rating (workbook, evaluation_id, criterion_key, rating, finding, error) == 0)
        goto failed;
      return cb_workbook_commit (workbook, error);
    }
  if (rc != SQLITE_ROW)
    return cb_workbook_sqlite_error (workbook, "reading a rating", error);
  rating_id = sqlite3_column_int64 (stmt, 0);
  old_json = rating_json (criterion_key, sqlite3_column_int (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));
  new_json = rating_json (criterion_key, rating, finding);

  stmt = cb_workbook_prepare (workbook,
                              "UPDATE evaluation_ratings SET rating = ?, finding = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (rating > 0)
    sqlite3_bind_int (stmt, 1, rating);
  sqlite3_bind_text (stmt, 2, cb_workbook_nonempty (finding), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rating_id);
  return cb_audit_change (workbook, stmt, "saving a rating", "update", "evaluation_ratings",
                          rating_id, old_json, new_json, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}

gint64
cb_evaluation_add_evidence (CbWorkbook  *workbook,
                            gint64       evaluation_id,
                            const char  *criterion_key,
                            const char  *kind,
                            const char  *ref,
                            const char  *title,
                            GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  CbEvaluationEvidence evidence = { 0 };
  g_autofree char *sha256 = NULL;
  gint64 rating_id;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);
  g_return_val_if_fail (criterion_key != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL || !check_criterion (workbook, criterion_key, error))
    return 0;
  evidence.criterion_key = (char *) criterion_key;
  evidence.kind = (char *) kind;
  evidence.ref = (char *) cb_workbook_nonempty (ref);
  evidence.title = (char *) cb_workbook_nonempty (title);
  if (!check_evidence (workbook, &evidence, error))
    return 0;
  /* The only field check_evidence() allocates. */
  sha256 = evidence.sha256;

  if (!cb_workbook_begin (workbook, error))
    return 0;
  rating_id = ensure_rating (workbook, evaluation_id, criterion_key, error);
  if (rating_id == 0)
    goto failed;
  id = insert_evidence (workbook, rating_id, &evidence, error);
  if (id == 0)
    goto failed;
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

gboolean
cb_evaluation_remove_evidence (CbWorkbook  *workbook,
                               gint64       evidence_id,
                               GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(CbEvaluationEvidence) evidence = NULL;
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;
  gint64 evaluation_id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT r.evaluation_id, r.criterion_key, e.kind, e.ref, e.title, "
                              "e.sha256 FROM evaluation_evidence e "
                              "JOIN evaluation_ratings r ON r.id = e.rating_id WHERE e.id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                   _("no evaluation evidence has the id %lld"), (long long) evidence_id);
      return FALSE;
    }
  evaluation_id = sqlite3_column_int64 (stmt, 0);
  evidence = g_new0 (CbEvaluationEvidence, 1);
  evidence->criterion_key = cb_workbook_column_dup (stmt, 1);
  evidence->kind = cb_workbook_column_dup (stmt, 2);
  evidence->ref = cb_workbook_column_dup (stmt, 3);
  evidence->title = cb_workbook_column_dup (stmt, 4);
  evidence->sha256 = cb_workbook_column_dup (stmt, 5);
  old_json = evidence_json (evidence);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;
  stmt = cb_workbook_prepare (workbook, "DELETE FROM evaluation_evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  return cb_audit_change (workbook, stmt, "removing evidence", "delete", "evaluation_evidence",
                          evidence_id, old_json, NULL, error);
}

gint64
cb_evaluation_add_recommendation (CbWorkbook              *workbook,
                                  gint64                   evaluation_id,
                                  const CbRecommendation  *recommendation,
                                  GError                 **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);
  g_return_val_if_fail (recommendation != NULL, 0);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL || !check_recommendation (workbook, recommendation, error))
    return 0;
  if (!cb_workbook_begin (workbook, error))
    return 0;
  id = insert_recommendation (workbook, evaluation_id, recommendation, 0, error);
  if (id == 0)
    {
      cb_workbook_rollback (workbook);
      return 0;
    }
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;
}

gboolean
cb_evaluation_update_recommendation (CbWorkbook              *workbook,
                                     const CbRecommendation  *recommendation,
                                     GError                 **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(CbRecommendation) old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;
  gint64 evaluation_id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (recommendation != NULL, FALSE);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " RECOMMENDATION_COLUMNS " FROM recommendations WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, recommendation->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                   _("no recommendation has the id %lld"), (long long) recommendation->id);
      return FALSE;
    }
  old = recommendation_from_row (stmt);
  evaluation_id = sqlite3_column_int64 (stmt, 8);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL || !check_recommendation (workbook, recommendation, error))
    return FALSE;
  old_json = recommendation_json (old, old->carried_from);
  new_json = recommendation_json (recommendation, old->carried_from);

  stmt = cb_workbook_prepare (workbook,
                              "UPDATE recommendations SET criterion_key = ?, text = ?, owner = ?, "
                              "due_date = ?, status = ?, follow_up = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_recommendation (stmt, 1, recommendation);
  sqlite3_bind_int64 (stmt, 7, recommendation->id);
  return cb_audit_change (workbook, stmt, "saving a recommendation", "update", "recommendations",
                          recommendation->id, old_json, new_json, error);
}

gboolean
cb_evaluation_submit (CbWorkbook  *workbook,
                      gint64       evaluation_id,
                      GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;
  if (!g_str_equal (evaluation->status, "draft"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the evaluation of FY%d, revision %d, is %s already; only a draft is submitted"),
                   evaluation->fiscal_year, evaluation->revision, evaluation->status);
      return FALSE;
    }
  old_json = status_json ("draft");
  new_json = status_json ("submitted");
  return cb_audit_update (workbook, "UPDATE evaluations SET status = 'submitted' WHERE id = ?",
                          NULL, 0, "update", "evaluations", evaluation_id, old_json, new_json,
                          "changing an evaluation", error);
}

gboolean
cb_evaluation_sign (CbWorkbook  *workbook,
                    gint64       evaluation_id,
                    const char  *signed_by,
                    const char  *signed_on,
                    GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  const char *values[3];
  GString *json;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  evaluation = load_editable (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;
  if (!g_str_equal (evaluation->status, "submitted"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the evaluation of FY%d, revision %d, is still a draft; submit it before "
                   "signing"),
                   evaluation->fiscal_year, evaluation->revision);
      return FALSE;
    }
  if (cb_workbook_nonempty (signed_by) == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("signed_by: the signer's name is required"));
      return FALSE;
    }
  if (!cb_workbook_check_date ("signed_on", signed_on, error))
    return FALSE;

  /* The hash is taken inside the transaction so that it covers exactly what is signed. */
  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  hash = cb_evaluation_content_hash (workbook, evaluation_id, error);
  if (hash == NULL)
    goto failed;
  old_json = status_json ("submitted");
  json = g_string_new ("{");
  cb_json_append_member (json, "status", "signed");
  cb_json_append_member (json, "signed_by", signed_by);
  cb_json_append_member (json, "signed_on", signed_on);
  cb_json_append_member (json, "content_sha256", hash);
  new_json = cb_json_close (json);
  values[0] = signed_by;
  values[1] = signed_on;
  values[2] = hash;
  if (!cb_audit_update (workbook,
                        "UPDATE evaluations SET status = 'signed', signed_by = ?, signed_on = ?, "
                        "content_sha256 = ? WHERE id = ?",
                        values, G_N_ELEMENTS (values), "sign", "evaluations", evaluation_id,
                        old_json, new_json, "changing an evaluation", error))
    goto failed;
  return cb_workbook_commit (workbook, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}

gboolean
cb_evaluation_set_report_hash (CbWorkbook  *workbook,
                               gint64       evaluation_id,
                               const char  *sha256,
                               GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_json = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  if (!cb_workbook_check_sha256 ("report_sha256", sha256, error))
    return FALSE;
  evaluation = load_header (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;
  if (!g_str_equal (evaluation->status, "signed"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the evaluation of FY%d, revision %d, is not signed; its report hash is "
                   "recorded after signing"), evaluation->fiscal_year, evaluation->revision);
      return FALSE;
    }
  if (evaluation->report_sha256 != NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                   _("the evaluation of FY%d, revision %d, has its report hash already (%s)"),
                   evaluation->fiscal_year, evaluation->revision, evaluation->report_sha256);
      return FALSE;
    }

  hash = g_ascii_strdown (sha256, -1);
  new_json = cb_audit_json_pair ("report_sha256", hash);

  const char *values[] = { hash };

  return cb_audit_update (workbook, "UPDATE evaluations SET report_sha256 = ? WHERE id = ?",
                          values, G_N_ELEMENTS (values), "update", "evaluations", evaluation_id,
                          NULL, new_json, "changing an evaluation", error);
}

gint64
cb_evaluation_new_revision (CbWorkbook  *workbook,
                            gint64       evaluation_id,
                            GError     **error)
{
  g_autoptr(CbEvaluation) source = NULL;
  CbEvaluationInfo info;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);

  source = cb_evaluation_get (workbook, evaluation_id, error);
  if (source == NULL)
    return 0;
  if (!g_str_equal (source->status, "signed"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the evaluation of FY%d, revision %d, is not signed; change it instead of "
                   "making a new revision"), source->fiscal_year, source->revision);
      return 0;
    }
  stmt = cb_workbook_prepare (workbook,
                              "SELECT max (revision) FROM evaluations WHERE fiscal_year = ?",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, source->fiscal_year);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > source->revision)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS,
                   _("FY%d has revision %d already; make a new revision from the latest one"),
                   source->fiscal_year, sqlite3_column_int (stmt, 0));
      return 0;
    }

  info_of (source, &info);
  if (!cb_workbook_begin (workbook, error))
    return 0;
  id = insert_evaluation (workbook, &info, source->revision + 1, error);
  if (id == 0)
    goto failed;
  for (guint i = 0; i < source->ratings->len; i++)
    {
      CbEvaluationRating *rating = g_ptr_array_index (source->ratings, i);
      gint64 rating_id;

      rating_id = insert_rating (workbook, id, rating->criterion_key, rating->rating,
                                 rating->finding, error);
      if (rating_id == 0)
        goto failed;
      for (guint j = 0; j < rating->evidence->len; j++)
        {
          CbEvaluationEvidence *evidence = g_ptr_array_index (rating->evidence, j);

          if (insert_evidence (workbook, rating_id, evidence, error) == 0)
            goto failed;
        }
    }
  for (guint i = 0; i < source->recommendations->len; i++)
    {
      CbRecommendation *recommendation = g_ptr_array_index (source->recommendations, i);

      if (insert_recommendation (workbook, id, recommendation, recommendation->carried_from,
                                 error) == 0)
        goto failed;
    }
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

static void
append_field (GString    *text,
              const char *value)
{
  g_string_append_c (text, '\t');
  for (const char *p = value; p != NULL && *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (text, "\\\\"); break;
        case '\t': g_string_append (text, "\\t"); break;
        case '\n': g_string_append (text, "\\n"); break;
        case '\r': g_string_append (text, "\\r"); break;
        default:   g_string_append_c (text, *p);
        }
    }
}

/* Appends a canonical line per row that @sql selects for the evaluation, one field per column. */
static gboolean
append_lines (CbWorkbook  *workbook,
              GString     *text,
              const char  *tag,
              const char  *sql,
              gint64       evaluation_id,
              GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (text, tag);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        append_field (text, (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading an evaluation's content", error);
  return TRUE;
}

char *
cb_evaluation_canonical_text (CbWorkbook  *workbook,
                              gint64       evaluation_id,
                              GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  evaluation = load_header (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return NULL;
  text = g_string_new (CANONICAL_FORMAT);
  if (!append_lines (workbook, text, "evaluation",
                     "SELECT fiscal_year, revision, evaluator_name, evaluator_org, "
                     "evaluator_kind, scope, method, confidentiality FROM evaluations WHERE id = ?",
                     evaluation_id, error)
      || !append_lines (workbook, text, "rating",
                        "SELECT criterion_key, rating, finding FROM evaluation_ratings "
                        "WHERE evaluation_id = ? ORDER BY criterion_key", evaluation_id, error)
      || !append_lines (workbook, text, "evidence",
                        "SELECT r.criterion_key, e.kind, e.ref, e.title, e.sha256 "
                        "FROM evaluation_evidence e "
                        "JOIN evaluation_ratings r ON r.id = e.rating_id "
                        "WHERE r.evaluation_id = ? ORDER BY 1, 2, 3, 4, 5", evaluation_id, error)
      || !append_lines (workbook, text, "recommendation",
                        "SELECT criterion_key, text, owner, due_date, status, follow_up "
                        "FROM recommendations WHERE evaluation_id = ? ORDER BY 1, 2, 3, 4, 5, 6",
                        evaluation_id, error))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
cb_evaluation_content_hash (CbWorkbook  *workbook,
                            gint64       evaluation_id,
                            GError     **error)
{
  g_autofree char *text = cb_evaluation_canonical_text (workbook, evaluation_id, error);

  if (text == NULL)
    return NULL;
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

gboolean
cb_evaluation_verify (CbWorkbook  *workbook,
                      gint64       evaluation_id,
                      gboolean    *intact,
                      GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (intact != NULL, FALSE);

  evaluation = load_header (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;
  if (evaluation->content_sha256 == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the evaluation of FY%d, revision %d, is not signed; there is no signature "
                   "to verify"),
                   evaluation->fiscal_year, evaluation->revision);
      return FALSE;
    }
  hash = cb_evaluation_content_hash (workbook, evaluation_id, error);
  if (hash == NULL)
    return FALSE;
  *intact = g_str_equal (hash, evaluation->content_sha256);
  return TRUE;
}
