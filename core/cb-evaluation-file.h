#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* An evaluation travels between the evaluator's copy of the workbook and the company's as a small
 * text file (GKeyFile syntax, UTF-8): the header, the ratings with their findings and evidence, and
 * the recommendations, with the content hash of a signed evaluation so the receiving side can check
 * that nothing changed on the way. */

/* Writes evaluation @evaluation_id to @path. */
gboolean cb_evaluation_file_export (CbWorkbook              *workbook,
                                    gint64                   evaluation_id,
                                    const char              *path,
                                    GError                 **error);

/* What an import did with the evaluation of the file. */
typedef enum
{
  CB_EVALUATION_FILE_ADDED,           /* the workbook had no evaluation of that year and revision */
  CB_EVALUATION_FILE_REPLACED,        /* it replaced the unsigned one of that year and revision */
  CB_EVALUATION_FILE_ALREADY_PRESENT, /* the workbook holds that signed evaluation; nothing was written */
} CbEvaluationFileResult;

/**
 * cb_evaluation_file_import:
 * @evaluation_id: (out): the evaluation in @workbook
 * @result: (out): what the import did
 *
 * Reads an exported evaluation into @workbook in one transaction. Whatever the workbook holds, a
 * signed evaluation whose content no longer matches its hash is refused first; then a file of
 * another organisation than the workbook's (by its Japanese or English name) is refused, because an
 * evaluation is of the board of the workbook's own organisation. A draft or submitted evaluation of
 * the same fiscal year and revision is replaced; a signed one with the same content hash is left as
 * it is (CB_EVALUATION_FILE_ALREADY_PRESENT); a signed one with other content is refused with
 * CB_WORKBOOK_ERROR_READ_ONLY. Every refusal leaves the workbook unchanged.
 */
gboolean cb_evaluation_file_import (CbWorkbook              *workbook,
                                    const char              *path,
                                    gint64                  *evaluation_id,
                                    CbEvaluationFileResult  *result,
                                    GError                 **error);

G_END_DECLS
