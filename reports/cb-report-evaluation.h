/* cb-report-evaluation.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-page.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The report of a board effectiveness evaluation of cyber oversight (SPEC §1.7): evaluator,
 * scope and method, the rating of each criterion, findings, recommendations, the follow-up of
 * last year's, and the signature with the content hash. A draft or submitted evaluation
 * carries the DRAFT marking on every page and no signature.
 */

/* The latest revision of the evaluation of @period's fiscal year, or of the latest year when
 * @period is NULL; 0 with an error when there is none.
 */
gint64  cb_report_evaluation_find (CbWorkbook  *workbook,
                                   const char  *period,
                                   GError     **error);

CbPage *cb_report_evaluation_new  (CbWorkbook  *workbook,
                                   gint64       evaluation_id,
                                   const char  *lang,
                                   GError     **error);

G_END_DECLS
