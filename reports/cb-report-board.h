/* cb-report-board.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-catalog.h"
#include "cb-evaluation.h"
#include "cb-report.h"
#include "cb-snapshot.h"

G_BEGIN_DECLS

/* The quarterly cyber report to the board (取締役会報告): what the board may see — public and
 * board rows, never internal ones — of one period for one entity's subtree.
 */

/* The report's charts, in the order they appear. */
typedef enum
{
  CB_BOARD_CHART_RADAR,           /* the ten items: this period, the previous one, the target */
  CB_BOARD_CHART_LEVELS,          /* each item's level, marked with the previous period's */
  CB_BOARD_CHART_BENCHMARKS,      /* benchmark totals as a share of the maximum */
  CB_BOARD_CHART_MATRIX,          /* suppliers by criticality and score band */
  CB_BOARD_CHART_BANDS,           /* assessed suppliers by score band */
  CB_BOARD_CHART_DOMAINS,         /* the weakest questionnaire domains */
  CB_BOARD_CHART_DWELL_QUARTERS,  /* median dwell time over eight quarters, against the global median */
  CB_BOARD_CHART_DWELL_YEARS,     /* the same over five fiscal years */
  CB_BOARD_CHART_INCIDENTS,       /* incidents detected per quarter */
  CB_BOARD_CHART_CONTAIN,         /* median hours to contain per quarter */
  CB_BOARD_CHART_INTERNAL,        /* share detected internally per quarter */
  CB_BOARD_CHART_RATINGS,         /* the last board evaluation's ratings */
  CB_BOARD_CHART_N,
} CbBoardChart;

/* The latest board evaluation the board may see up to @snapshot's fiscal year (the one whose
 * open recommendations the snapshot lists); NULL without an error when there is none.
 */
CbEvaluation *cb_report_board_find_evaluation (CbWorkbook        *workbook,
                                               const CbSnapshot  *snapshot,
                                               GError           **error);

/* The report's CB_BOARD_CHART_N charts, indexed by CbBoardChart; @evaluation may be NULL. */
GPtrArray    *cb_report_board_charts          (const CbSnapshot   *snapshot,
                                               const CbEvaluation *evaluation,
                                               CbCatalog          *catalog,
                                               const char         *lang);

/* @period and @entity may be NULL for the latest period with data and the whole group. */
CbPage       *cb_report_board_new             (CbWorkbook         *workbook,
                                               const char         *lang,
                                               const char         *period,
                                               const char         *entity,
                                               GError            **error);

G_END_DECLS
