#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-evaluation-file.h"
#include "cb-evaluation.h"
#include "cb-workbook-private.h"

#define FORMAT_GROUP "Cyberboard Evaluation"
#define FORMAT_VERSION 1

/* What a failing statement was doing, for its error. */
#define IMPORTING "importing the evaluation"

static void
set_optional (GKeyFile   *file,
              const char *group,
              const char *key,
              const char *value)
{
  if (value != NULL)
    g_key_file_set_string (file, group, key, value);
}

gboolean
cb_evaluation_file_export (CbWorkbook  *workbook,
                           gint64       evaluation_id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  guint n_evidence = 0;

  if (!cb_workbook_check_output (workbook, path, error))
    return FALSE;
  evaluation = cb_evaluation_get (workbook, evaluation_id, error);
  if (evaluation == NULL)
    return FALSE;

  g_key_file_set_integer (file, FORMAT_GROUP, "Format", FORMAT_VERSION);
  set_optional (file, FORMAT_GROUP, "Organisation", cb_workbook_get_org_name (workbook, "ja"));
  g_key_file_set_integer (file, FORMAT_GROUP, "FiscalYear", evaluation->fiscal_year);
  g_key_file_set_integer (file, FORMAT_GROUP, "Revision", evaluation->revision);
  set_optional (file, FORMAT_GROUP, "EvaluatorName", evaluation->evaluator_name);
  set_optional (file, FORMAT_GROUP, "EvaluatorOrg", evaluation->evaluator_org);
  set_optional (file, FORMAT_GROUP, "EvaluatorKind", evaluation->evaluator_kind);
  set_optional (file, FORMAT_GROUP, "Scope", evaluation->scope);
  set_optional (file, FORMAT_GROUP, "Method", evaluation->method);
  set_optional (file, FORMAT_GROUP, "Confidentiality", evaluation->confidentiality);
  set_optional (file, FORMAT_GROUP, "Status", evaluation->status);
  set_optional (file, FORMAT_GROUP, "SignedBy", evaluation->signed_by);
  set_optional (file, FORMAT_GROUP, "SignedOn", evaluation->signed_on);
  set_optional (file, FORMAT_GROUP, "ContentSha256", evaluation->content_sha256);

  for (guint i = 0; i < evaluation->ratings->len; i++)
    {
      const CbEvaluationRating *rating = evaluation->ratings->pdata[i];
      g_autofree char *group = g_strdup_printf ("Rating %s", rating->criterion_key);

      g_key_file_set_integer (file, group, "Rating", rating->rating);
      set_optional (file, group, "Finding", rating->finding);
      for (guint j = 0; j < rating->evidence->len; j++)
        {
          const CbEvaluationEvidence *evidence = rating->evidence->pdata[j];
          g_autofree char *evidence_group = g_strdup_printf ("Evidence %u", ++n_evidence);

          g_key_file_set_string (file, evidence_group, "Criterion", evidence->criterion_key);
          g_key_file_set_string (file, evidence_group, "Kind", evidence->kind);
          g_key_file_set_string (file, evidence_group, "Ref", evidence->ref);
          set_optional (file, evidence_group, "Title", evidence->title);
          set_optional (file, evidence_group, "Sha256", evidence->sha256);
        }
    }
  for (guint i = 0; i < evaluation->recommendations->len; i++)
    {
      const CbRecommendation *recommendation = evaluation->recommendations->pdata[i];
      g_autofree char *group = g_strdup_printf ("Recommendation %u", i + 1);

      set_optional (file, group, "Criterion", recommendation->criterion_key);
      g_key_file_set_string (file, group, "Text", recommendation->text);
      set_optional (file, group, "Owner", recommendation->owner);
      set_optional (file, group, "DueDate", recommendation->due_date);
      set_optional (file, group, "Status", recommendation->status);
      set_optional (file, group, "FollowUp", recommendation->follow_up);
    }
  return g_key_file_save_to_file (file, path, error);
}

static char *
get_optional (GKeyFile   *file,
              const char *group,
              const char *key)
{
  return g_key_file_get_string (file, group, key, NULL);
}

static gboolean
bad_file (const char  *path,
          GError     **error,
          const char  *what)
{
  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("%s: not a Cyberboard evaluation file: %s"),
               path, what);
  return FALSE;
}

/* Binds the value of @key in @group to the parameter @index; a missing or empty one stays NULL. */
static void
bind_key (sqlite3_stmt *stmt,
          int           index,
          GKeyFile     *file,
          const char   *group,
          const char   *key)
{
  g_autofree char *value = get_optional (file, group, key);

  sqlite3_bind_text (stmt, index, cb_workbook_nonempty (value), -1, SQLITE_TRANSIENT);
}

/* Finds the evaluation of the same year and revision: 0 when there is none. */
static gint64
existing_evaluation (CbWorkbook  *workbook,
                     int          year,
                     int          revision,
                     char       **status,
                     char       **hash)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT id, status, content_sha256 FROM evaluations "
                                            "WHERE fiscal_year = ? AND revision = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, revision);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *status = cb_workbook_column_dup (stmt, 1);
      *hash = cb_workbook_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_header (CbWorkbook  *workbook,
               GKeyFile    *file,
               int          year,
               int          revision,
               gint64      *id,
               GError     **error)
{
  g_autofree char *name = get_optional (file, FORMAT_GROUP, "EvaluatorName");
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO evaluations (fiscal_year, revision, evaluator_name, evaluator_org, "
                              "evaluator_kind, scope, method, confidentiality) "
                              "VALUES (?, ?, ?, ?, coalesce (?, 'external'), ?, ?, coalesce (?, 'board'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, revision);
  sqlite3_bind_text (stmt, 3, name ? name : "", -1, SQLITE_TRANSIENT);
  bind_key (stmt, 4, file, FORMAT_GROUP, "EvaluatorOrg");
  bind_key (stmt, 5, file, FORMAT_GROUP, "EvaluatorKind");
  bind_key (stmt, 6, file, FORMAT_GROUP, "Scope");
  bind_key (stmt, 7, file, FORMAT_GROUP, "Method");
  bind_key (stmt, 8, file, FORMAT_GROUP, "Confidentiality");
  *id = cb_workbook_step_insert (workbook, stmt, IMPORTING, error);
  return *id != 0;
}

static gboolean
insert_body (CbWorkbook  *workbook,
             GKeyFile    *file,
             gint64       id,
             GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      sqlite3_stmt *stmt;

      if (g_str_has_prefix (group, "Rating "))
        {
          int rating = g_key_file_get_integer (file, group, "Rating", NULL);

          stmt = cb_workbook_prepare (workbook,
                                      "INSERT INTO evaluation_ratings (evaluation_id, criterion_key, rating, finding) "
                                      "VALUES (?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, group + strlen ("Rating "), -1, SQLITE_TRANSIENT);
          if (rating > 0)
            sqlite3_bind_int (stmt, 3, rating);
          bind_key (stmt, 4, file, group, "Finding");
        }
      else if (g_str_has_prefix (group, "Evidence "))
        {
          stmt = cb_workbook_prepare (workbook,
                                      "INSERT INTO evaluation_evidence (rating_id, kind, ref, title, sha256) "
                                      "SELECT id, ?, ?, ?, ? FROM evaluation_ratings "
                                      "WHERE evaluation_id = ? AND criterion_key = ?", error);
          if (stmt == NULL)
            return FALSE;
          bind_key (stmt, 1, file, group, "Kind");
          bind_key (stmt, 2, file, group, "Ref");
          bind_key (stmt, 3, file, group, "Title");
          bind_key (stmt, 4, file, group, "Sha256");
          sqlite3_bind_int64 (stmt, 5, id);
          bind_key (stmt, 6, file, group, "Criterion");
        }
      else if (g_str_has_prefix (group, "Recommendation "))
        {
          g_autofree char *text = get_optional (file, group, "Text");

          /* A recommendation that follows up last year's keeps the link where that one exists here. */
          stmt = cb_workbook_prepare (workbook,
                                      "INSERT INTO recommendations (evaluation_id, criterion_key, text, owner, "
                                      "due_date, status, follow_up, carried_from) VALUES (?1, ?2, ?3, ?4, ?5, "
                                      "coalesce (?6, 'open'), ?7, (SELECT r.id FROM recommendations r "
                                      "JOIN evaluations e ON e.id = r.evaluation_id WHERE r.text = ?3 "
                                      "AND r.criterion_key IS ?2 AND e.fiscal_year < (SELECT fiscal_year "
                                      "FROM evaluations WHERE id = ?1) ORDER BY e.fiscal_year DESC LIMIT 1))",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          bind_key (stmt, 2, file, group, "Criterion");
          sqlite3_bind_text (stmt, 3, text ? text : "", -1, SQLITE_TRANSIENT);
          bind_key (stmt, 4, file, group, "Owner");
          bind_key (stmt, 5, file, group, "DueDate");
          bind_key (stmt, 6, file, group, "Status");
          bind_key (stmt, 7, file, group, "FollowUp");
        }
      else if (g_str_equal (group, FORMAT_GROUP))
        continue;
      else
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("unknown section [%s]"), group);
          return FALSE;
        }
      if (!cb_workbook_step_done (workbook, stmt, IMPORTING, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the evaluation of @file into @workbook as a draft and gives its id. */
static gboolean
insert_evaluation (CbWorkbook  *workbook,
                   GKeyFile    *file,
                   const char  *path,
                   int          year,
                   int          revision,
                   gint64      *id,
                   GError     **error)
{
  if (insert_header (workbook, file, year, revision, id, error) && insert_body (workbook, file, *id, error))
    return TRUE;
  if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, path))
    g_prefix_error (error, "%s: ", path);
  return FALSE;
}

/* The content hash of evaluation @id as written from @file, when it is the hash @file was signed
 * with; else NULL, because the file was changed after signing. */
static char *
signed_content_hash (CbWorkbook  *workbook,
                     GKeyFile    *file,
                     const char  *path,
                     gint64       id,
                     GError     **error)
{
  g_autofree char *expected = get_optional (file, FORMAT_GROUP, "ContentSha256");
  g_autofree char *actual = cb_evaluation_content_hash (workbook, id, error);

  if (actual == NULL)
    return NULL;
  if (g_strcmp0 (actual, expected) != 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: the signed evaluation does not match its signature (content hash %s, signed %s); "
                   "it was changed after signing"), path, actual, expected ? expected : "none");
      return NULL;
    }
  return g_steal_pointer (&actual);
}

/* The content hash of a signed @file whose fiscal year and revision @workbook holds signed already.
 * Its rows cannot be written there even for a moment, so they are written into a scratch workbook
 * of the same organisation that is thrown away afterwards. */
static char *
scratch_content_hash (CbWorkbook  *workbook,
                      GKeyFile    *file,
                      const char  *path,
                      int          year,
                      int          revision,
                      GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("cyberboard-evaluation-XXXXXX", error);
  g_autofree char *scratch_path = NULL;
  g_autoptr(CbWorkbook) scratch = NULL;
  char *hash = NULL;
  gint64 id;
  const CbOrganisation organisation = {
    .name_ja = cb_workbook_get_org_name (workbook, "ja"),
    .fiscal_year_start = cb_workbook_get_fiscal_year_start (workbook),
    .time_zone = g_time_zone_get_identifier (cb_workbook_get_time_zone (workbook)),
    .language = cb_workbook_get_language (workbook),
  };

  if (dir == NULL)
    return NULL;
  scratch_path = g_build_filename (dir, "scratch.cyberboard", NULL);
  scratch = cb_workbook_create (scratch_path, &organisation, error);
  /* Foreign keys are left unchecked: the criteria of this workbook may differ from a new one's, and
   * the rows are only read back for their hash. */
  if (scratch != NULL && cb_workbook_begin_bulk (scratch, error))
    {
      if (insert_evaluation (scratch, file, path, year, revision, &id, error))
        hash = signed_content_hash (scratch, file, path, id, error);
      cb_workbook_rollback (scratch);
    }
  g_clear_object (&scratch);
  g_unlink (scratch_path);
  g_rmdir (dir);
  return hash;
}

/* Gives the imported evaluation @id the status of @file, and a signed one its signature. */
static gboolean
seal (CbWorkbook  *workbook,
      GKeyFile    *file,
      const char  *path,
      gint64       id,
      GError     **error)
{
  g_autofree char *status = get_optional (file, FORMAT_GROUP, "Status");
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (status, "signed") != 0)
    {
      if (g_strcmp0 (status, "submitted") != 0)
        return TRUE;
      stmt = cb_workbook_prepare (workbook, "UPDATE evaluations SET status = 'submitted' WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return cb_workbook_step_done (workbook, stmt, IMPORTING, error);
    }

  hash = signed_content_hash (workbook, file, path, id, error);
  if (hash == NULL)
    return FALSE;
  stmt = cb_workbook_prepare (workbook,
                              "UPDATE evaluations SET status = 'signed', signed_by = ?, signed_on = ?, "
                              "content_sha256 = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, 1, file, FORMAT_GROUP, "SignedBy");
  bind_key (stmt, 2, file, FORMAT_GROUP, "SignedOn");
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  return cb_workbook_step_done (workbook, stmt, IMPORTING, error);
}

/* An evaluation is of the board of one organisation, and the workbook has no place for another's:
 * evaluations belong to no entity, and merging a subsidiary's workbook leaves its evaluations out. */
static gboolean
check_organisation (CbWorkbook  *workbook,
                    GKeyFile    *file,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *organisation = get_optional (file, FORMAT_GROUP, "Organisation");
  const char *name_ja = cb_workbook_get_org_name (workbook, "ja");

  if (organisation == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: the file does not name the organisation whose board was evaluated; this "
                   "workbook takes only evaluations of “%s”"), path, name_ja);
      return FALSE;
    }
  if (g_str_equal (organisation, name_ja)
      || g_str_equal (organisation, cb_workbook_get_org_name (workbook, "en")))
    return TRUE;
  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
               _("%s: the evaluation is of the board of “%s”, not of “%s”, whose workbook this is; import "
               "it into that organisation's own workbook"), path, organisation, name_ja);
  return FALSE;
}

gboolean
cb_evaluation_file_import (CbWorkbook              *workbook,
                           const char              *path,
                           gint64                  *evaluation_id,
                           CbEvaluationFileResult  *result,
                           GError                 **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_status = NULL;
  g_autofree char *status = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *file_hash = NULL;
  g_autoptr(GString) values = NULL;
  gint64 existing, id = 0;
  int year, revision;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (evaluation_id != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    return bad_file (path, error, local_error->message);
  if (g_key_file_get_integer (file, FORMAT_GROUP, "Format", NULL) != FORMAT_VERSION)
    return bad_file (path, error, "no [" FORMAT_GROUP "] section of format 1");
  year = g_key_file_get_integer (file, FORMAT_GROUP, "FiscalYear", NULL);
  revision = g_key_file_get_integer (file, FORMAT_GROUP, "Revision", NULL);
  if (year < 1900 || revision < 1)
    return bad_file (path, error, "FiscalYear and Revision are required");
  file_status = get_optional (file, FORMAT_GROUP, "Status");

  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  existing = existing_evaluation (workbook, year, revision, &status, &hash);
  if (existing != 0 && g_strcmp0 (status, "signed") == 0)
    {
      if (g_strcmp0 (file_status, "signed") == 0)
        {
          file_hash = scratch_content_hash (workbook, file, path, year, revision, error);
          if (file_hash == NULL)
            goto failed;
        }
      if (!check_organisation (workbook, file, path, error))
        goto failed;
      if (file_hash != NULL && g_str_equal (file_hash, hash))
        {
          cb_workbook_rollback (workbook);
          *evaluation_id = existing;
          *result = CB_EVALUATION_FILE_ALREADY_PRESENT;
          return TRUE;
        }
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                   _("%s: FY%d revision %d is signed in this workbook with other content; the evaluator must "
                   "make a new revision"), path, year, revision);
      goto failed;
    }
  if (existing != 0)
    {
      sqlite3_stmt *stmt = cb_workbook_prepare (workbook, "DELETE FROM evaluations WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, existing);
      if (!cb_workbook_step_done (workbook, stmt, IMPORTING, error))
        goto failed;
    }
  if (!insert_evaluation (workbook, file, path, year, revision, &id, error)
      || !seal (workbook, file, path, id, error)
      || !check_organisation (workbook, file, path, error))
    goto failed;
  values = g_string_new ("{\"file\":");
  cb_json_append_string (values, path);
  g_string_append_printf (values, ",\"fiscal_year\":%d,\"revision\":%d}", year, revision);
  if (!cb_audit_record (workbook, "import", "evaluations", id, NULL, values->str, error))
    goto failed;
  if (!cb_workbook_commit (workbook, error))
    return FALSE;
  *evaluation_id = id;
  *result = existing != 0 ? CB_EVALUATION_FILE_REPLACED : CB_EVALUATION_FILE_ADDED;
  return TRUE;

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}
