/* cb-report-disclosure.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-page.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The investor disclosure: the sections of one version of a disclosure as cb_disclosure_render()
 * writes them, placeholders filled from the public figures of the disclosure's period only; a
 * placeholder that names no figure, or one that cannot be computed from public rows, is an error
 * naming it. A draft carries the DRAFT marking on every page; an approved or published version
 * prints the text it sealed, with the approval and the text's SHA-256.
 */

/* The latest version of the latest disclosure of @period, or of the latest period when @period
 * is NULL; 0 with an error when there is none.
 */
gint64  cb_report_disclosure_find       (CbWorkbook  *workbook,
                                         const char  *period,
                                         GError     **error);

CbPage *cb_report_disclosure_new        (CbWorkbook  *workbook,
                                         gint64       version_id,
                                         const char  *lang,
                                         GError     **error);

G_END_DECLS
