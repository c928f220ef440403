/* cb-response-writer.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* One response as an import has read it, in canonical text; comment and evidence may be NULL. */
typedef struct
{
  const char *supplier_code;
  const char *questionnaire;
  const char *question_code;
  const char *answer;
  const char *answered_on;
  const char *comment;
  const char *evidence;
} CbResponseText;

/* Writes the new responses of an import batch many rows to a statement and scores their
 * assessments from the rows as they pass, instead of reading them back. It takes only rows it can
 * write as they are: everything else (an unknown code or answer, a row that replaces a stored one)
 * goes through cb_workbook_save_record(), which explains or updates it, and is then noted here. */
typedef struct _CbResponseWriter CbResponseWriter;

/* The rows a full queue holds: one statement for this many spares most of SQLite's cost of a
 * statement, which is larger than that of a row. */
#define CB_RESPONSE_WRITER_ROWS 1024

CbResponseWriter *cb_response_writer_new          (CbWorkbook            *workbook,
                                                   gint64                 batch_id);
/* Waits for rows still being inserted, so their texts may go after it. */
void              cb_response_writer_free         (CbResponseWriter      *self);

/* Queues @row when its supplier, question, answer and canonical date are all known; its texts must
 * stay valid until the queue is flushed or started, which the caller does when it is full. FALSE,
 * queuing nothing, when the row needs cb_workbook_save_record(). */
gboolean          cb_response_writer_add          (CbResponseWriter      *self,
                                                   const CbResponseText  *row);
guint             cb_response_writer_get_n_queued (CbResponseWriter      *self);

/* Inserts the queued rows as new rows, all or none, on the calling thread. When one of them is in the
 * workbook already (or in the queue twice), @collided is set and nothing is inserted, for the caller
 * to save the rows one by one. Either way the queue is empty after. */
gboolean          cb_response_writer_flush        (CbResponseWriter      *self,
                                                   gboolean              *collided,
                                                   GError               **error);

/* The same in two halves: cb_response_writer_start() hands the queued rows to a thread of the
 * writer, which inserts them while the caller queues the next ones (the texts of both must stay
 * valid), and cb_response_writer_wait() waits for the outcome. Only one start at a time; until
 * the wait, the caller must not write to the workbook. */
void              cb_response_writer_start        (CbResponseWriter      *self);
gboolean          cb_response_writer_wait         (CbResponseWriter      *self,
                                                   gboolean              *collided,
                                                   GError               **error);

/* Notes a row saved through cb_workbook_save_record(): its assessment is then scored from what the
 * workbook holds. */
void              cb_response_writer_note_saved   (CbResponseWriter      *self,
                                                   const CbResponseText  *row);

/* Scores every assessment the batch's rows belong to. */
gboolean          cb_response_writer_finish       (CbResponseWriter      *self,
                                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbResponseWriter, cb_response_writer_free)

G_END_DECLS
