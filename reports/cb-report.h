/* cb-report.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-chart.h"
#include "cb-page.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The three PDF reports of SPEC §1.9, built as pages that the CLI writes to a file and the
 * app draws as a live preview, so both show the same thing. Bad input — an unknown language,
 * period or entity, nothing to report on, a placeholder that is unknown or needs data that is
 * not public — fails with CB_WORKBOOK_ERROR_INVALID or CB_WORKBOOK_ERROR_NOT_FOUND.
 */

typedef enum
{
  CB_REPORT_BOARD,       /* 取締役会報告, for the board: public and board rows */
  CB_REPORT_EVALUATION,  /* the board effectiveness evaluation */
  CB_REPORT_DISCLOSURE,  /* the investor disclosure: public rows only */
} CbReportType;

typedef struct
{
  CbReportType  type;
  const char   *lang;    /* "ja" or "en"; NULL for the workbook's report language */
  const char   *period;  /* NULL for the latest period with data */
  const char   *entity;  /* NULL for the whole group; the board report only */
} CbReportOptions;

/* What cb_report_write() did besides writing the file. */
typedef struct
{
  char     *sha256;         /* of the PDF written */
  char     *sealed_what;    /* "evaluation FY2025 revision 1", "disclosure version 2"; NULL when the
                             * report is of nothing that keeps the hash of its PDF */
  gboolean  hash_recorded;  /* the hash was stored with it now */
  char     *kept_hash;      /* the hash it already had and kept, or NULL */
} CbReportOutcome;

/* One chart of a report with its data, so that a benchmark can draw or export exactly what the
 * report draws.
 */
typedef enum
{
  CB_REPORT_CHART_RADAR,
  CB_REPORT_CHART_TREND,
  CB_REPORT_CHART_BARS,
  CB_REPORT_CHART_MATRIX,
  CB_REPORT_CHART_RATING,
} CbReportChartKind;

typedef struct
{
  CbReportChartKind  kind;
  char              *caption;
  union
  {
    CbRadarData  *radar;
    CbTrendData  *trend;
    CbBarData    *bars;
    CbMatrixData *matrix;
    CbRatingData *rating;
  } data;
} CbReportChart;

gboolean  cb_report_type_parse      (const char            *text,
                                     CbReportType          *type,
                                     GError               **error);
/* Checks that @lang is "ja" or "en". */
gboolean  cb_report_check_lang      (const char            *lang,
                                     GError               **error);

/* The periods a report of @type can be made for, as CbPeriod, newest first: for the board report
 * those of cb_snapshot_list_periods(); the fiscal years evaluated; the periods disclosed. */
GArray   *cb_report_list_periods    (CbWorkbook            *workbook,
                                     CbReportType           type,
                                     GError               **error);
/* The period of @periods to make a report for when @wanted is asked: @wanted itself, else its fiscal
 * year (an evaluation is of a year), else the newest. With none to offer it is @wanted, so that
 * building the report says why. */
char     *cb_report_choose_period   (const GArray          *periods,
                                     const char            *wanted);

/**
 * cb_report_build:
 * @subject_id: (out) (optional): the evaluation, or the disclosure version, the report is of; 0 for
 *   the board report
 */
CbPage   *cb_report_build           (CbWorkbook            *workbook,
                                     const CbReportOptions *options,
                                     gint64                *subject_id,
                                     GError               **error);

/**
 * cb_report_write:
 * @outcome: (out caller-allocates) (optional): cleared with cb_report_outcome_clear()
 *
 * Writes the report to @path. The PDF of a signed evaluation, and of an approved disclosure
 * version not yet published, has its SHA-256 stored with it, unless one is stored already; a
 * read-only workbook stores nothing.
 */
gboolean  cb_report_write           (CbWorkbook            *workbook,
                                     const CbReportOptions *options,
                                     const char            *path,
                                     CbReportOutcome       *outcome,
                                     GError               **error);
void      cb_report_outcome_clear   (CbReportOutcome       *outcome);

void      cb_report_chart_draw      (const CbReportChart   *chart,
                                     cairo_t               *cr,
                                     const CbRect          *area,
                                     const CbTheme         *theme);
void      cb_report_chart_free      (CbReportChart         *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbReportChart, cb_report_chart_free)

G_END_DECLS
