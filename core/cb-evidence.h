#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* A document an assessment of a guideline item rests on (SPEC §1.2). */
typedef struct
{
  gint64  id;
  gint64  assessment_id;
  char   *title;
  char   *location;     /* a path or a URL */
  char   *sha256;       /* of the local file at attach time, else NULL */
  gint64  attached_at;  /* unix seconds */
} CbEvidence;

void        cb_evidence_free        (CbEvidence  *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbEvidence, cb_evidence_free)

/**
 * cb_evidence_file_sha256:
 * @location: a path, a file:// URI or any other URL
 * @sha256: (out): 64 lowercase hex digits, or NULL when @location names no local file here
 *
 * Hashes the local file @location names. A URL or a path that does not exist on this computer
 * (a file server that is not mounted) has no hash; a file that exists but cannot be read is an
 * error.
 */
gboolean    cb_evidence_file_sha256 (const char  *location,
                                     char       **sha256,
                                     GError     **error);

/**
 * cb_evidence_attach:
 * @assessment_id: the row of the assessment (the record layer's id)
 * @title: what the document is, required
 * @location: a path or URL, required
 *
 * Attaches a document to an assessment, recording the SHA-256 of the file now when @location is
 * a local file, so a later change to the file can be detected. The change is audited. Returns the
 * evidence's id, or 0.
 */
gint64      cb_evidence_attach      (CbWorkbook  *workbook,
                                     gint64       assessment_id,
                                     const char  *title,
                                     const char  *location,
                                     GError     **error);

/* The evidence of one assessment, in the order it was attached, of CbEvidence. */
GPtrArray  *cb_evidence_list        (CbWorkbook  *workbook,
                                     gint64       assessment_id,
                                     GError     **error);

/* Removes one piece of evidence; the change is audited. */
gboolean    cb_evidence_remove      (CbWorkbook  *workbook,
                                     gint64       evidence_id,
                                     GError     **error);

G_END_DECLS
