/* cb-report-evaluation.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-chart-private.h"
#include "cb-evaluation.h"
#include "cb-reference.h"
#include "cb-report-evaluation.h"
#include "cb-report-private.h"

gint64
cb_report_evaluation_find (CbWorkbook  *workbook,
                           const char  *period,
                           GError     **error)
{
  g_autoptr(GPtrArray) evaluations = NULL;
  const CbEvaluation *best = NULL;
  CbPeriod wanted = { 0, 0 };

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);

  if (period != NULL && !cb_period_parse (period, &wanted, error))
    return 0;
  evaluations = cb_evaluation_list (workbook, error);
  if (evaluations == NULL)
    return 0;

  /* The list runs oldest year and revision first. */
  for (guint i = 0; i < evaluations->len; i++)
    {
      const CbEvaluation *evaluation = g_ptr_array_index (evaluations, i);

      if (period == NULL || evaluation->fiscal_year == wanted.fiscal_year)
        best = evaluation;
    }
  if (best == NULL)
    {
      if (period != NULL)
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND,
                     "%s: no board evaluation of fiscal year %d", cb_workbook_get_path (workbook),
                     wanted.fiscal_year);
      else
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND, "%s: no board evaluation",
                     cb_workbook_get_path (workbook));
      return 0;
    }

  return best->id;
}

typedef struct
{
  CbWorkbook   *workbook;
  const char   *lang;
  CbEvaluation *evaluation;
  CbCatalog    *catalog;
  CbPage       *page;
  guint         section;
  char         *year;
} Report;

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->evaluation, cb_evaluation_free);
  g_clear_pointer (&report->year, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static const char *
word (const Report *report,
      CbReportWord  w)
{
  return cb_report_word (w, report->lang);
}

static void
add_section (Report       *report,
             CbReportWord  title)
{
  g_autofree char *number = g_strdup_printf ("%u", ++report->section);
  g_autofree char *text = cb_report_fill (CB_REPORT_WORD_SECTION, report->lang, "number", number, "title",
                                          word (report, title), NULL);

  cb_page_add_heading (report->page, 1, text);
}

static const CbCriterion *
find_criterion (const Report *report,
                const char   *key)
{
  GPtrArray *criteria = cb_catalog_get_criteria (report->catalog);

  for (guint i = 0; key != NULL && criteria != NULL && i < criteria->len; i++)
    {
      const CbCriterion *criterion = g_ptr_array_index (criteria, i);

      if (g_str_equal (criterion->key, key))
        return criterion;
    }

  return NULL;
}

/* "BE3 CISO authority and reporting line", or "Whole evaluation" without a criterion. */
static char *
criterion_label (const Report *report,
                 const char   *key)
{
  const CbCriterion *criterion = find_criterion (report, key);

  if (key == NULL)
    return g_strdup (word (report, CB_REPORT_WORD_WHOLE_EVALUATION));
  if (criterion == NULL)
    return g_strdup (key);

  return g_strdup_printf ("%s %s", key, cb_text_get (&criterion->title, report->lang));
}

static char *
rating_label (const Report *report,
              int           rating)
{
  CbScale *scale = cb_catalog_get_ratings (report->catalog);
  const CbScaleLevel *level = scale != NULL ? cb_scale_get_level (scale, rating) : NULL;

  if (rating == 0)
    return g_strdup (cb_chart_word (CB_WORD_NOT_RATED, report->lang));
  if (level == NULL)
    return g_strdup_printf ("%d", rating);

  return g_strdup_printf ("%d %s", rating, cb_text_get (&level->label, report->lang));
}

static const CbEvaluationRating *
find_rating (const Report *report,
             const char   *key)
{
  for (guint i = 0; i < report->evaluation->ratings->len; i++)
    {
      const CbEvaluationRating *rating = g_ptr_array_index (report->evaluation->ratings, i);

      if (g_strcmp0 (rating->criterion_key, key) == 0)
        return rating;
    }

  return NULL;
}

static void
add_cover (Report     *report,
           const char *title)
{
  const CbEvaluation *evaluation = report->evaluation;
  g_autoptr(GDateTime) created = cb_page_creation_time (cb_workbook_get_time_zone (report->workbook));
  g_autofree char *created_iso = g_date_time_format (created, "%Y-%m-%d");
  g_autofree char *date = cb_report_format_date (created_iso, report->lang, FALSE);
  g_autofree char *year = cb_report_fill (CB_REPORT_WORD_EVAL_YEAR, report->lang, "year", report->year, NULL);
  g_autofree char *evaluator = g_strdup_printf ("%s%s%s", evaluation->evaluator_name != NULL
                                                          ? evaluation->evaluator_name : "—",
                                                evaluation->evaluator_org != NULL ? "\n" : "",
                                                evaluation->evaluator_org != NULL ? evaluation->evaluator_org : "");

  cb_report_add_cover (report->page, report->workbook, report->lang, title,
                       word (report, CB_REPORT_WORD_EVAL_FISCAL_YEAR), year,
                       word (report, CB_REPORT_WORD_EVAL_EVALUATOR), evaluator,
                       word (report, CB_REPORT_WORD_EVAL_STATUS),
                       cb_report_vocabulary (evaluation->status, report->lang),
                       word (report, CB_REPORT_WORD_COVER_DATE), date,
                       word (report, CB_REPORT_WORD_COVER_MARKING), cb_page_marking (evaluation->confidentiality),
                       NULL);
  cb_page_add_page_break (report->page);
}

static void
add_overview (Report *report)
{
  const CbEvaluation *evaluation = report->evaluation;
  g_autofree char *year = cb_report_fill (CB_REPORT_WORD_EVAL_YEAR, report->lang, "year", report->year, NULL);
  g_autofree char *revision = g_strdup_printf ("%d", evaluation->revision);
  g_autofree char *evaluator = g_strdup_printf ("%s%s%s", evaluation->evaluator_name != NULL
                                                          ? evaluation->evaluator_name : "—",
                                                evaluation->evaluator_org != NULL ? ", " : "",
                                                evaluation->evaluator_org != NULL ? evaluation->evaluator_org : "");

  add_section (report, CB_REPORT_WORD_EVAL_OVERVIEW);
  cb_report_add_facts (report->page, report->lang, CB_REPORT_WORD_FACT, CB_REPORT_WORD_DETAIL,
                       word (report, CB_REPORT_WORD_EVAL_FISCAL_YEAR), year,
                       word (report, CB_REPORT_WORD_EVAL_REVISION), revision,
                       word (report, CB_REPORT_WORD_EVAL_EVALUATOR), evaluator,
                       word (report, CB_REPORT_WORD_EVAL_KIND),
                       cb_report_vocabulary (evaluation->evaluator_kind, report->lang),
                       word (report, CB_REPORT_WORD_EVAL_SCOPE), evaluation->scope != NULL ? evaluation->scope : "—",
                       word (report, CB_REPORT_WORD_EVAL_METHOD), evaluation->method != NULL ? evaluation->method : "—",
                       word (report, CB_REPORT_WORD_EVAL_STATUS),
                       cb_report_vocabulary (evaluation->status, report->lang),
                       NULL);
}

static void
add_ratings (Report *report)
{
  GPtrArray *criteria = cb_catalog_get_criteria (report->catalog);
  CbScale *scale = cb_catalog_get_ratings (report->catalog);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *scale_text = NULL;
  CbReportChart *chart;
  CbPageTable *table;

  add_section (report, CB_REPORT_WORD_EVAL_RATINGS);

  chart = g_new0 (CbReportChart, 1);
  chart->kind = CB_REPORT_CHART_RATING;
  chart->data.rating = cb_chart_rating_data_from_evaluation (report->evaluation, report->catalog, report->lang);
  chart->caption = cb_report_fill (CB_REPORT_WORD_EVAL_RATINGS_CAPTION, report->lang, "year", report->year, NULL);
  cb_report_add_chart (report->page, chart, 12, 200);

  for (int v = scale != NULL ? cb_scale_get_min (scale) : 1; scale != NULL && v <= cb_scale_get_max (scale); v++)
    {
      g_autofree char *label = rating_label (report, v);

      g_string_append_printf (labels, "%s%s", labels->len > 0 ? (cb_chart_is_ja (report->lang) ? "、" : ", ")
                                                              : "", label);
    }
  scale_text = cb_report_fill (CB_REPORT_WORD_EVAL_SCALE, report->lang, "scale", labels->str, NULL);
  cb_page_add_note (report->page, scale_text);

  table = cb_page_add_table (report->page, 2);
  cb_page_table_set_column (table, 0, word (report, CB_REPORT_WORD_CRITERION), 8, CB_ALIGN_START);
  cb_page_table_set_column (table, 1, word (report, CB_REPORT_WORD_EVAL_RATING), 4, CB_ALIGN_START);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      const CbCriterion *criterion = g_ptr_array_index (criteria, i);
      const CbEvaluationRating *rating = find_rating (report, criterion->key);
      g_autofree char *label = criterion_label (report, criterion->key);
      g_autofree char *value = rating_label (report, rating != NULL ? rating->rating : 0);

      cb_page_table_add_row (table, (const char *[]) { label, value });
    }
}

static char *
evidence_text (const Report             *report,
               const CbEvaluationRating *rating)
{
  g_autoptr(GString) text = g_string_new (word (report, CB_REPORT_WORD_EVAL_EVIDENCE));

  g_string_append (text, cb_chart_is_ja (report->lang) ? "：" : ": ");
  for (guint i = 0; i < rating->evidence->len; i++)
    {
      const CbEvaluationEvidence *evidence = g_ptr_array_index (rating->evidence, i);

      if (i > 0)
        g_string_append (text, cb_chart_is_ja (report->lang) ? "、" : "; ");
      if (evidence->title != NULL)
        g_string_append_printf (text, "%s (%s)", evidence->title, evidence->ref);
      else
        g_string_append (text, evidence->ref);
      if (evidence->sha256 != NULL)
        g_string_append_printf (text, ", SHA-256 %s", evidence->sha256);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_findings (Report *report)
{
  GPtrArray *criteria = cb_catalog_get_criteria (report->catalog);

  add_section (report, CB_REPORT_WORD_EVAL_FINDINGS);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      const CbCriterion *criterion = g_ptr_array_index (criteria, i);
      const CbEvaluationRating *rating = find_rating (report, criterion->key);
      g_autofree char *label = criterion_label (report, criterion->key);
      g_autofree char *value = rating_label (report, rating != NULL ? rating->rating : 0);
      g_autofree char *heading = g_strdup_printf ("%s　%s", label, value);

      cb_page_add_heading (report->page, 3, heading);
      cb_page_add_note (report->page, cb_text_get (&criterion->text, report->lang));
      cb_page_add_paragraph (report->page, rating != NULL && rating->finding != NULL
                                           ? rating->finding : word (report, CB_REPORT_WORD_EVAL_NO_FINDING));
      if (rating != NULL && rating->evidence->len > 0)
        {
          g_autofree char *evidence = evidence_text (report, rating);

          cb_page_add_note (report->page, evidence);
        }
    }
}

static CbPageTable *
recommendation_table (Report   *report,
                      gboolean  follow_up)
{
  CbPageTable *table = cb_page_add_table (report->page, 5);

  cb_page_table_set_column (table, 0, word (report, CB_REPORT_WORD_CRITERION), 2, CB_ALIGN_START);
  cb_page_table_set_column (table, 1, word (report, CB_REPORT_WORD_RECOMMENDATION), follow_up ? 3 : 5,
                            CB_ALIGN_START);
  cb_page_table_set_column (table, 2, word (report, CB_REPORT_WORD_OWNER), 2, CB_ALIGN_START);
  cb_page_table_set_column (table, 3, word (report, follow_up ? CB_REPORT_WORD_STATUS : CB_REPORT_WORD_DUE), 2,
                            CB_ALIGN_START);
  cb_page_table_set_column (table, 4, word (report, follow_up ? CB_REPORT_WORD_EVAL_FOLLOW_UP_COLUMN
                                                              : CB_REPORT_WORD_STATUS),
                            follow_up ? 3 : 1, CB_ALIGN_START);

  return table;
}

static void
add_recommendations (Report *report)
{
  GPtrArray *recommendations = report->evaluation->recommendations;
  CbPageTable *table = NULL;
  CbPageTable *follow_ups = NULL;

  add_section (report, CB_REPORT_WORD_EVAL_RECOMMENDATIONS);
  for (guint i = 0; i < recommendations->len; i++)
    {
      const CbRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      g_autofree char *due = NULL;

      if (recommendation->carried_from != 0)
        continue;
      if (table == NULL)
        table = recommendation_table (report, FALSE);
      due = cb_report_format_date (recommendation->due_date, report->lang, TRUE);
      cb_page_table_add_row (table, (const char *[]) {
                               recommendation->criterion_key != NULL ? recommendation->criterion_key : "—",
                               recommendation->text,
                               recommendation->owner != NULL ? recommendation->owner : "—",
                               due,
                               cb_report_vocabulary (recommendation->status, report->lang) });
    }
  if (table == NULL)
    cb_page_add_paragraph (report->page, word (report, CB_REPORT_WORD_EVAL_RECOMMENDATIONS_NONE));

  add_section (report, CB_REPORT_WORD_EVAL_FOLLOW_UP);
  for (guint i = 0; i < recommendations->len; i++)
    {
      const CbRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      g_autofree char *due = NULL;
      g_autofree char *owner = NULL;

      if (recommendation->carried_from == 0)
        continue;
      if (follow_ups == NULL)
        {
          cb_page_add_paragraph (report->page, word (report, CB_REPORT_WORD_EVAL_FOLLOW_UP_INTRO));
          follow_ups = recommendation_table (report, TRUE);
        }
      due = cb_report_format_date (recommendation->due_date, report->lang, TRUE);
      owner = g_strdup_printf ("%s\n%s %s", recommendation->owner != NULL ? recommendation->owner : "—",
                               word (report, CB_REPORT_WORD_DUE), due);
      cb_page_table_add_row (follow_ups, (const char *[]) {
                               recommendation->criterion_key != NULL ? recommendation->criterion_key : "—",
                               recommendation->text,
                               owner,
                               cb_report_vocabulary (recommendation->status, report->lang),
                               recommendation->follow_up != NULL ? recommendation->follow_up : "—" });
    }
  if (follow_ups == NULL)
    cb_page_add_paragraph (report->page, word (report, CB_REPORT_WORD_EVAL_FOLLOW_UP_NONE));
}

static void
add_signature (Report *report)
{
  const CbEvaluation *evaluation = report->evaluation;

  add_section (report, CB_REPORT_WORD_EVAL_SIGNATURE);
  if (g_strcmp0 (evaluation->status, "signed") == 0)
    {
      g_autofree char *signed_on = cb_report_format_date (evaluation->signed_on, report->lang, FALSE);
      g_autofree char *hash = cb_report_format_hash (evaluation->content_sha256);

      cb_page_begin_keep_together (report->page);
      cb_report_add_facts (report->page, report->lang, CB_REPORT_WORD_FACT, CB_REPORT_WORD_DETAIL,
                           word (report, CB_REPORT_WORD_EVAL_SIGNED_BY), evaluation->signed_by,
                           word (report, CB_REPORT_WORD_EVAL_SIGNED_ON), signed_on,
                           word (report, CB_REPORT_WORD_EVAL_CONTENT_HASH), hash,
                           NULL);
      cb_page_add_note (report->page, word (report, CB_REPORT_WORD_EVAL_SIGNATURE_NOTE));
      cb_page_end_keep_together (report->page);
    }
  else
    {
      g_autofree char *text = cb_report_fill (CB_REPORT_WORD_EVAL_UNSIGNED, report->lang, "status",
                                              cb_report_vocabulary (evaluation->status, report->lang), NULL);

      cb_page_add_paragraph (report->page, text);
    }
}

CbPage *
cb_report_evaluation_new (CbWorkbook  *workbook,
                          gint64       evaluation_id,
                          const char  *lang,
                          GError     **error)
{
  g_auto(Report) report = { NULL };
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cb_report_check_lang (lang, error))
    return NULL;

  report.workbook = workbook;
  report.lang = lang;
  report.catalog = cb_reference_catalog (error);
  if (report.catalog == NULL)
    return NULL;
  report.evaluation = cb_evaluation_get (workbook, evaluation_id, error);
  if (report.evaluation == NULL)
    return NULL;
  report.year = g_strdup_printf ("%d", report.evaluation->fiscal_year);

  period = g_strdup_printf ("FY%d", report.evaluation->fiscal_year);
  title = g_strdup_printf ("%s %s", word (&report, CB_REPORT_WORD_EVALUATION_TITLE), period);
  report.page = cb_report_page_new (workbook, lang, title, CB_REPORT_WORD_EVALUATION_SUBJECT, period,
                                    report.evaluation->confidentiality,
                                    g_strcmp0 (report.evaluation->status, "signed") != 0);

  add_cover (&report, title);
  add_overview (&report);
  add_ratings (&report);
  add_findings (&report);
  add_recommendations (&report);
  add_signature (&report);

  return report.page;
}
