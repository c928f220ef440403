#include "cb-audit.h"
#include "cb-evidence.h"
#include "cb-workbook-private.h"

#include <glib/gi18n-lib.h>

void
cb_evidence_free (CbEvidence *evidence)
{
  g_free (evidence->title);
  g_free (evidence->location);
  g_free (evidence->sha256);
  g_free (evidence);
}

/* The local path @location names, or NULL for a URL of another scheme. */
static char *
local_path (const char *location)
{
  const char *scheme = g_uri_peek_scheme (location);

  if (scheme == NULL)
    return g_strdup (location);
  if (g_str_equal (scheme, "file"))
    return g_filename_from_uri (location, NULL, NULL);
  return NULL;
}

gboolean
cb_evidence_file_sha256 (const char  *location,
                         char       **sha256,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[65536];
  gssize n_read;

  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  *sha256 = NULL;
  path = local_path (location);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  while (stream != NULL
         && (n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                           &local_error)) > 0)
    g_checksum_update (checksum, buffer, n_read);
  if (local_error != NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED,
                   _("%s: cannot read the document to record its SHA-256: %s"), path, local_error->message);
      return FALSE;
    }
  *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

static char *
evidence_json (const CbEvidence *evidence)
{
  GString *json = g_string_new ("{");
  char assessment[24];

  g_snprintf (assessment, sizeof assessment, "%" G_GINT64_FORMAT, evidence->assessment_id);
  g_string_append (json, "\"assessment_id\":");
  cb_json_append_string (json, assessment);
  g_string_append (json, ",\"title\":");
  cb_json_append_string (json, evidence->title);
  g_string_append (json, ",\"location\":");
  cb_json_append_string (json, evidence->location);
  g_string_append (json, ",\"sha256\":");
  cb_json_append_string (json, evidence->sha256);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static gboolean
assessment_exists (CbWorkbook  *workbook,
                   gint64       assessment_id,
                   GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, "SELECT 1 FROM assessments WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                 _("no assessment has the id %lld"), (long long) assessment_id);
  return found;
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

gint64
cb_evidence_attach (CbWorkbook  *workbook,
                    gint64       assessment_id,
                    const char  *title,
                    const char  *location,
                    GError     **error)
{
  CbEvidence evidence = { .assessment_id = assessment_id, .title = (char *) title,
                          .location = (char *) location };
  g_autofree char *sha256 = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);

  if (blank (title))
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("title: the evidence needs a title"));
      return 0;
    }
  if (blank (location))
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("location: the evidence needs a path or URL"));
      return 0;
    }
  if (!cb_workbook_check_writable (workbook, error)
      || !assessment_exists (workbook, assessment_id, error)
      || !cb_evidence_file_sha256 (location, &sha256, error))
    return 0;
  evidence.sha256 = sha256;
  evidence.attached_at = cb_workbook_now ();

  if (!cb_workbook_begin (workbook, error))
    return 0;
  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO evidence (assessment_id, title, location, sha256, attached_at) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, location, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, evidence.attached_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "attaching evidence", error);
      goto failed;
    }
  evidence.id = sqlite3_last_insert_rowid (cb_workbook_get_db (workbook));
  json = evidence_json (&evidence);
  if (!cb_audit_record (workbook, "insert", "evidence", evidence.id, NULL, json, error)
      || !cb_workbook_commit (workbook, error))
    goto failed;
  return evidence.id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

static CbEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  CbEvidence *evidence = g_new0 (CbEvidence, 1);

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->assessment_id = sqlite3_column_int64 (stmt, 1);
  evidence->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  evidence->location = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  evidence->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  evidence->attached_at = sqlite3_column_int64 (stmt, 5);
  return evidence;
}

#define EVIDENCE_SELECT "SELECT id, assessment_id, title, location, sha256, attached_at FROM evidence "

GPtrArray *
cb_evidence_list (CbWorkbook  *workbook,
                  gint64       assessment_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_evidence_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook, EVIDENCE_SELECT "WHERE assessment_id = ? ORDER BY attached_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, evidence_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "reading evidence", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

gboolean
cb_evidence_remove (CbWorkbook  *workbook,
                    gint64       evidence_id,
                    GError     **error)
{
  g_autoptr(CbEvidence) evidence = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  stmt = cb_workbook_prepare (workbook, EVIDENCE_SELECT "WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    evidence = evidence_from_row (stmt);
  sqlite3_reset (stmt);
  if (evidence == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                   _("no evidence has the id %lld"), (long long) evidence_id);
      goto failed;
    }
  json = evidence_json (evidence);
  stmt = cb_workbook_prepare (workbook, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "removing evidence", error);
      goto failed;
    }
  if (!cb_audit_record (workbook, "delete", "evidence", evidence_id, json, NULL, error))
    goto failed;
  return cb_workbook_commit (workbook, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}
