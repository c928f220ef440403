#include "cb-record.h"
#include "cb-supplier-assessment.h"
#include "cb-workbook-private.h"

void
cb_supplier_assessment_free (CbSupplierAssessment *assessment)
{
  g_free (assessment->questionnaire);
  g_free (assessment->assessed_on);
  g_free (assessment);
}

GPtrArray *
cb_supplier_assessment_list (CbWorkbook  *workbook,
                             const char  *supplier_code,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  gint64 supplier_id;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (supplier_code != NULL, NULL);

  supplier_id = cb_workbook_lookup_code (workbook, "suppliers", supplier_code);
  if (supplier_id == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                   "no supplier has the code “%s”", supplier_code);
      return NULL;
    }

  stmt = cb_workbook_prepare (workbook,
                              "SELECT a.id, q.code, a.assessed_on, a.score, a.answered_share, a.answered, "
                              "a.scored, a.failed_high_weight FROM supplier_assessments a "
                              "JOIN questionnaires q ON q.id = a.questionnaire_id WHERE a.supplier_id = ? "
                              "ORDER BY a.assessed_on DESC, q.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_supplier_assessment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbSupplierAssessment *assessment = g_new0 (CbSupplierAssessment, 1);

      assessment->id = sqlite3_column_int64 (stmt, 0);
      assessment->questionnaire = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      assessment->assessed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      assessment->has_score = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      assessment->score = sqlite3_column_double (stmt, 3);
      assessment->answered_share = sqlite3_column_double (stmt, 4);
      assessment->answered = sqlite3_column_int (stmt, 5);
      assessment->scored = sqlite3_column_int (stmt, 6);
      assessment->failed_high_weight = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, assessment);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading supplier assessments", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

GPtrArray *
cb_supplier_assessment_responses (CbWorkbook  *workbook,
                                  gint64       assessment_id,
                                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_record_unref);
  const CbKind *kind = cb_kind_lookup ("responses");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT r.id FROM supplier_assessments a "
                              "JOIN questions x ON x.questionnaire_id = a.questionnaire_id "
                              "JOIN responses r ON r.question_id = x.id AND r.supplier_id = a.supplier_id "
                              "AND r.answered_on = a.assessed_on WHERE a.id = ? ORDER BY x.position, x.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading the responses of an assessment", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* The record layer reads each row back in its canonical form. */
  for (guint i = 0; i < ids->len; i++)
    {
      CbRecord *record = cb_workbook_get_record (workbook, kind, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}
