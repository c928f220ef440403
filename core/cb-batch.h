#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* One import: where its rows came from, so every figure can name its source and be undone. */
typedef struct
{
  gint64  id;
  char   *kind;
  char   *file_name;
  char   *sha256;
  gint64  size;
  char   *encoding;
  char   *delimiter;
  gint64  rows_read;
  gint64  rows_inserted;
  gint64  rows_updated;
  gint64  imported_at;
  char   *user;
  gint64  undone_at;      /* 0 while in force */
  gboolean assessments_scored;  /* by the importer, so cb_batch_finish() need not */
} CbBatch;

void       cb_batch_free    (CbBatch     *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbBatch, cb_batch_free)

/* Records a new batch inside the caller's transaction; fills @batch->id. The counts are set by
 * cb_batch_finish(), which also rescores the supplier assessments the batch touched. */
gboolean   cb_batch_begin   (CbWorkbook  *workbook,
                             CbBatch     *batch,
                             GError     **error);
gboolean   cb_batch_finish  (CbWorkbook  *workbook,
                             CbBatch     *batch,
                             GError     **error);

/* Every batch, newest first. */
GPtrArray *cb_batch_list    (CbWorkbook  *workbook,
                             GError     **error);

/* Removes exactly the rows @batch_id added and restores the rows it changed, in one transaction.
 * Refused when a later batch still rests on its rows. */
gboolean   cb_batch_undo    (CbWorkbook  *workbook,
                             gint64       batch_id,
                             GError     **error);

G_END_DECLS
