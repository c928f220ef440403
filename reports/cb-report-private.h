/* cb-report-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "cb-page.h"
#include "cb-report.h"

G_BEGIN_DECLS

/* The words of the three reports. A report's language is chosen for the reader, not taken
 * from the user interface, so they come from this table instead of gettext. A word may hold
 * "{name}" slots, filled by cb_report_fill(): Japanese and English order them differently.
 */
typedef enum
{
  CB_REPORT_WORD_BOARD_TITLE,
  CB_REPORT_WORD_BOARD_SUBJECT,
  CB_REPORT_WORD_EVALUATION_TITLE,
  CB_REPORT_WORD_EVALUATION_SUBJECT,
  CB_REPORT_WORD_DISCLOSURE_SUBJECT,
  CB_REPORT_WORD_KEYWORDS,
  CB_REPORT_WORD_COVER_PERIOD,
  CB_REPORT_WORD_COVER_ENTITY,
  CB_REPORT_WORD_COVER_DATE,
  CB_REPORT_WORD_COVER_MARKING,
  CB_REPORT_WORD_BOARD_COVER_NOTE,
  CB_REPORT_WORD_PERIOD_RANGE,
  CB_REPORT_WORD_CONTENTS,
  CB_REPORT_WORD_SECTION,
  CB_REPORT_WORD_SUMMARY,
  CB_REPORT_WORD_HEADLINES,
  CB_REPORT_WORD_HEADLINES_RULE,
  CB_REPORT_WORD_INDICATOR,
  CB_REPORT_WORD_THIS_PERIOD,
  CB_REPORT_WORD_PREVIOUS,
  CB_REPORT_WORD_TARGET,
  CB_REPORT_WORD_STATUS,
  CB_REPORT_WORD_TREND,
  CB_REPORT_WORD_MEAN_LEVEL,
  CB_REPORT_WORD_CHANGES,
  CB_REPORT_WORD_CHANGES_RULE,
  CB_REPORT_WORD_CHANGES_NONE,
  CB_REPORT_WORD_CHANGE_SHORT,
  CB_REPORT_WORD_CHANGE,
  CB_REPORT_WORD_ITEM,
  CB_REPORT_WORD_KPI,
  CB_REPORT_WORD_DECISIONS,
  CB_REPORT_WORD_DECISIONS_RULE,
  CB_REPORT_WORD_DECISIONS_NONE,
  CB_REPORT_WORD_DECISIONS_MORE,
  CB_REPORT_WORD_DECISION_RED_KPI,
  CB_REPORT_WORD_DECISION_OVERDUE_ITEM,
  CB_REPORT_WORD_DECISION_LATE_RECOMMENDATION,
  CB_REPORT_WORD_REASON,
  CB_REPORT_WORD_DECISION,
  CB_REPORT_WORD_ASK_RED_KPI,
  CB_REPORT_WORD_ASK_OVERDUE_ITEM,
  CB_REPORT_WORD_ASK_LATE_RECOMMENDATION,
  CB_REPORT_WORD_ITEMS,
  CB_REPORT_WORD_ITEMS_INTRO,
  CB_REPORT_WORD_ITEM_NUMBER,
  CB_REPORT_WORD_ITEM_TITLE,
  CB_REPORT_WORD_LEVEL_NAME,
  CB_REPORT_WORD_ITEM_SHORT,
  CB_REPORT_WORD_LEVEL,
  CB_REPORT_WORD_OWNER,
  CB_REPORT_WORD_RADAR_CAPTION,
  CB_REPORT_WORD_LEVELS_CAPTION,
  CB_REPORT_WORD_LEVELS_AXIS,
  CB_REPORT_WORD_OVERDUE_MARK,
  CB_REPORT_WORD_BENCHMARKS,
  CB_REPORT_WORD_BENCHMARKS_INTRO,
  CB_REPORT_WORD_BENCHMARKS_CAPTION,
  CB_REPORT_WORD_BENCHMARK,
  CB_REPORT_WORD_VERSION,
  CB_REPORT_WORD_TOTAL,
  CB_REPORT_WORD_MAXIMUM,
  CB_REPORT_WORD_STANDARD_SCORE,
  CB_REPORT_WORD_BENCHMARKS_NONE,
  CB_REPORT_WORD_SUPPLIERS,
  CB_REPORT_WORD_SUPPLIERS_INTRO,
  CB_REPORT_WORD_MATRIX_CAPTION,
  CB_REPORT_WORD_BANDS_CAPTION,
  CB_REPORT_WORD_DOMAINS_CAPTION,
  CB_REPORT_WORD_DOMAINS_AXIS,
  CB_REPORT_WORD_SUPPLIERS_TOTAL,
  CB_REPORT_WORD_SUPPLIERS_ASSESSED,
  CB_REPORT_WORD_SUPPLIERS_HIGH,
  CB_REPORT_WORD_SUPPLIERS_COVERAGE,
  CB_REPORT_WORD_SUPPLIERS_MEAN_SCORE,
  CB_REPORT_WORD_SUPPLIERS_OVERDUE,
  CB_REPORT_WORD_VALUE,
  CB_REPORT_WORD_FACT,
  CB_REPORT_WORD_DETAIL,
  CB_REPORT_WORD_DETECTION,
  CB_REPORT_WORD_DETECTION_INTRO,
  CB_REPORT_WORD_DWELL_QUARTERS_CAPTION,
  CB_REPORT_WORD_DWELL_YEARS_CAPTION,
  CB_REPORT_WORD_INCIDENTS_CAPTION,
  CB_REPORT_WORD_INCIDENTS_AXIS,
  CB_REPORT_WORD_CONTAIN_CAPTION,
  CB_REPORT_WORD_CONTAIN_AXIS,
  CB_REPORT_WORD_INTERNAL_CAPTION,
  CB_REPORT_WORD_INTERNAL_AXIS,
  CB_REPORT_WORD_SMALL_SAMPLE_MARK,
  CB_REPORT_WORD_SMALL_SAMPLE_NOTE,
  CB_REPORT_WORD_DETECTION_FIGURES,
  CB_REPORT_WORD_INCIDENTS,
  CB_REPORT_WORD_MEDIAN_DWELL,
  CB_REPORT_WORD_MEAN_DWELL,
  CB_REPORT_WORD_P90_DWELL,
  CB_REPORT_WORD_KNOWN_COMPROMISE,
  CB_REPORT_WORD_MEDIAN_CONTAIN,
  CB_REPORT_WORD_MEDIAN_RECOVER,
  CB_REPORT_WORD_INTERNAL_SHARE,
  CB_REPORT_WORD_OPEN_AT_END,
  CB_REPORT_WORD_MEDIAN_REPORT,
  CB_REPORT_WORD_MATERIAL,
  CB_REPORT_WORD_DAYS_TO_DISCLOSE,
  CB_REPORT_WORD_BUSINESS_DAYS,
  CB_REPORT_WORD_INCIDENT_LIST,
  CB_REPORT_WORD_INCIDENT_LIST_NONE,
  CB_REPORT_WORD_INCIDENTS_RULE,
  CB_REPORT_WORD_INCIDENTS_MORE,
  CB_REPORT_WORD_INCIDENT_ID,
  CB_REPORT_WORD_INCIDENT_TITLE,
  CB_REPORT_WORD_SEVERITY_SHORT,
  CB_REPORT_WORD_DETECTED,
  CB_REPORT_WORD_DWELL,
  CB_REPORT_WORD_INCIDENT_OPEN,
  CB_REPORT_WORD_INCIDENT_CLOSED,
  CB_REPORT_WORD_MATERIAL_MARK,
  CB_REPORT_WORD_KPIS,
  CB_REPORT_WORD_KPIS_INTRO,
  CB_REPORT_WORD_KPIS_NONE,
  CB_REPORT_WORD_AGAINST_TARGET,
  CB_REPORT_WORD_HISTORY,
  CB_REPORT_WORD_RECOMMENDATIONS,
  CB_REPORT_WORD_RECOMMENDATIONS_INTRO,
  CB_REPORT_WORD_RECOMMENDATIONS_NONE,
  CB_REPORT_WORD_RATINGS_CAPTION,
  CB_REPORT_WORD_CRITERION,
  CB_REPORT_WORD_RECOMMENDATION,
  CB_REPORT_WORD_DUE,
  CB_REPORT_WORD_APPENDIX,
  CB_REPORT_WORD_DEFINITIONS,
  CB_REPORT_WORD_TERM,
  CB_REPORT_WORD_DEFINITION,
  CB_REPORT_WORD_MATURITY,
  CB_REPORT_WORD_MEANING,
  CB_REPORT_WORD_PROVENANCE,
  CB_REPORT_WORD_PROVENANCE_INTRO,
  CB_REPORT_WORD_BATCH,
  CB_REPORT_WORD_KIND,
  CB_REPORT_WORD_FILE,
  CB_REPORT_WORD_ROWS,
  CB_REPORT_WORD_IMPORTED,
  CB_REPORT_WORD_SHA256,
  CB_REPORT_WORD_TERM_DWELL,
  CB_REPORT_WORD_DEF_DWELL,
  CB_REPORT_WORD_TERM_PERIOD,
  CB_REPORT_WORD_DEF_PERIOD,
  CB_REPORT_WORD_TERM_MEDIAN,
  CB_REPORT_WORD_DEF_MEDIAN,
  CB_REPORT_WORD_TERM_CONTAIN,
  CB_REPORT_WORD_DEF_CONTAIN,
  CB_REPORT_WORD_DEF_INTERNAL,
  CB_REPORT_WORD_TERM_BUSINESS_DAYS,
  CB_REPORT_WORD_DEF_BUSINESS_DAYS,
  CB_REPORT_WORD_DEF_COVERAGE,
  CB_REPORT_WORD_TERM_SCORE,
  CB_REPORT_WORD_DEF_SCORE,
  CB_REPORT_WORD_DEF_MEAN_LEVEL,
  CB_REPORT_WORD_TERM_KPI_STATUS,
  CB_REPORT_WORD_DEF_KPI_STATUS,
  CB_REPORT_WORD_DEF_STANDARD_SCORE,
  CB_REPORT_WORD_EVAL_OVERVIEW,
  CB_REPORT_WORD_EVAL_FISCAL_YEAR,
  CB_REPORT_WORD_EVAL_YEAR,
  CB_REPORT_WORD_EVAL_REVISION,
  CB_REPORT_WORD_EVAL_EVALUATOR,
  CB_REPORT_WORD_EVAL_KIND,
  CB_REPORT_WORD_EVAL_SCOPE,
  CB_REPORT_WORD_EVAL_METHOD,
  CB_REPORT_WORD_EVAL_STATUS,
  CB_REPORT_WORD_EVAL_RATINGS,
  CB_REPORT_WORD_EVAL_RATINGS_CAPTION,
  CB_REPORT_WORD_EVAL_SCALE,
  CB_REPORT_WORD_EVAL_RATING,
  CB_REPORT_WORD_EVAL_FINDINGS,
  CB_REPORT_WORD_EVAL_EVIDENCE,
  CB_REPORT_WORD_EVAL_NO_FINDING,
  CB_REPORT_WORD_EVAL_RECOMMENDATIONS,
  CB_REPORT_WORD_EVAL_RECOMMENDATIONS_NONE,
  CB_REPORT_WORD_EVAL_FOLLOW_UP,
  CB_REPORT_WORD_EVAL_FOLLOW_UP_INTRO,
  CB_REPORT_WORD_EVAL_FOLLOW_UP_NONE,
  CB_REPORT_WORD_EVAL_FOLLOW_UP_COLUMN,
  CB_REPORT_WORD_EVAL_SIGNATURE,
  CB_REPORT_WORD_EVAL_SIGNED_BY,
  CB_REPORT_WORD_EVAL_SIGNED_ON,
  CB_REPORT_WORD_EVAL_CONTENT_HASH,
  CB_REPORT_WORD_EVAL_SIGNATURE_NOTE,
  CB_REPORT_WORD_EVAL_UNSIGNED,
  CB_REPORT_WORD_WHOLE_EVALUATION,
  CB_REPORT_WORD_DISC_APPROVED,
  CB_REPORT_WORD_DISC_NOT_APPROVED,
  CB_REPORT_WORD_DISC_SEALED_HASH,
  CB_REPORT_WORD_DISC_SOURCE_NOTE,
  CB_REPORT_WORD_DISC_EMPTY_SECTION,
  CB_REPORT_WORD_ITEM_NOT_STARTED,
  CB_REPORT_WORD_ITEM_IN_PROGRESS,
  CB_REPORT_WORD_ITEM_IMPLEMENTED,
  CB_REPORT_WORD_ITEM_OPERATING,
  CB_REPORT_WORD_REC_OPEN,
  CB_REPORT_WORD_REC_DONE,
  CB_REPORT_WORD_REC_DROPPED,
  CB_REPORT_WORD_DRAFT,
  CB_REPORT_WORD_SUBMITTED,
  CB_REPORT_WORD_SIGNED,
  CB_REPORT_WORD_APPROVED,
  CB_REPORT_WORD_PUBLISHED,
  CB_REPORT_WORD_EVALUATOR_INTERNAL,
  CB_REPORT_WORD_EVALUATOR_EXTERNAL,
  CB_REPORT_WORD_RAG_GREY,     /* four words in CbRag's order */
  CB_REPORT_WORD_RAG_RED,
  CB_REPORT_WORD_RAG_AMBER,
  CB_REPORT_WORD_RAG_GREEN,
  CB_REPORT_WORD_TREND_UP,
  CB_REPORT_WORD_TREND_FLAT,
  CB_REPORT_WORD_TREND_DOWN,
  CB_REPORT_WORD_IMPROVING,
  CB_REPORT_WORD_WORSENING,
  CB_REPORT_WORD_N,
} CbReportWord;

const char *cb_report_word           (CbReportWord   word,
                                      const char    *lang);
/* @word with each "{name}" slot replaced by the text following @name in the list of name,
 * text pairs that ends with NULL.
 */
char       *cb_report_fill           (CbReportWord   word,
                                      const char    *lang,
                                      ...) G_GNUC_NULL_TERMINATED;

/* The word of an item, recommendation or evaluation status, or of an evaluator kind, as the
 * workbook stores it; the stored text itself when it is not one of those.
 */
const char *cb_report_vocabulary     (const char    *value,
                                      const char    *lang);

/* A figure as the snapshot holds it, with up to two decimals and the unit's word ("4.34 days",
 * "4.34日", "83.33%"); a dash for no value.
 */
char       *cb_report_format_figure  (CbOptional     value,
                                      const char    *unit,
                                      const char    *lang);
/* A change with its sign, "+0.05" or "−1.2%". */
char       *cb_report_format_change  (CbOptional     change,
                                      const char    *unit,
                                      const char    *lang);
/* "2026年5月20日" or "20 May 2026" from "2026-05-20", or when @brief, for a table cell, "2026/5/20"
 * or "20 May 2026"; other text as it is.
 */
char       *cb_report_format_date    (const char    *iso_date,
                                      const char    *lang,
                                      gboolean       brief);
/* A unix time as a date in @tz, as cb_report_format_date() writes it. */
char       *cb_report_format_unix    (gint64         unix_time,
                                      GTimeZone     *tz,
                                      const char    *lang,
                                      gboolean       brief);

/* A SHA-256 in four groups of sixteen hex digits, so that it wraps between groups. */
char       *cb_report_format_hash    (const char    *sha256);

/* The page setup every report shares; @title and @period are copied by cb_page_new(). */
CbPage     *cb_report_page_new       (CbWorkbook    *workbook,
                                      const char    *lang,
                                      const char    *title,
                                      CbReportWord   subject,
                                      const char    *period,
                                      const char    *confidentiality,
                                      gboolean       draft);

/* The cover: the organisation, the title, then a "label: value" line for each pair of the list
 * that ends with NULL; a NULL value leaves its line out.
 */
void        cb_report_add_cover      (CbPage        *page,
                                      CbWorkbook    *workbook,
                                      const char    *lang,
                                      const char    *title,
                                      ...) G_GNUC_NULL_TERMINATED;

/* A two-column table headed @label_title and @value_title, with a row for each label, value pair
 * of the list that ends with NULL; a NULL value leaves its row out.
 */
void        cb_report_add_facts      (CbPage        *page,
                                      const char    *lang,
                                      CbReportWord   label_title,
                                      CbReportWord   value_title,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Adds @chart, which the page then owns, as a figure of @span columns and @height points. */
void        cb_report_add_chart      (CbPage        *page,
                                      CbReportChart *chart,
                                      guint          span,
                                      double         height);

/* Cells that draw a status badge with its word beside it: @rags holds one CbRag per row, and
 * a row beyond it or marked -1 stays empty. The table owns the painter.
 */
void        cb_report_set_rag_column (CbPageTable   *table,
                                      guint          column,
                                      const char    *lang,
                                      GArray        *rags);

G_END_DECLS
