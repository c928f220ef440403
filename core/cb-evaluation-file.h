#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* An evaluation travels between the evaluator's copy of the workbook and the company's as a small
 * text file (GKeyFile syntax, UTF-8): the header, the ratings with their findings and evidence, and
 * the recommendations, with the content hash of a signed evaluation so the receiving side can check
 * that nothing changed on the way. */

/* Writes evaluation @evaluation_id to @path. */
gboolean cb_evaluation_file_export (CbWorkbook  *workbook,
                                    gint64       evaluation_id,
                                    const char  *path,
                                    GError     **error);

/**
 * cb_evaluation_file_import:
 * @evaluation_id: (out): the evaluation in @workbook
 *
 * Reads an exported evaluation into @workbook in one transaction: a draft of the same fiscal year and
 * revision is replaced; a signed one with the same content hash is left as it is; a signed one with
 * other content is refused. A signed evaluation whose content no longer matches its hash is refused.
 */
gboolean cb_evaluation_file_import (CbWorkbook  *workbook,
                                    const char  *path,
                                    gint64      *evaluation_id,
                                    GError     **error);

G_END_DECLS
