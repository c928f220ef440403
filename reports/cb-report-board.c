/* cb-report-board.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "cb-chart-private.h"
#include "cb-reference.h"
#include "cb-report-board.h"
#include "cb-report-private.h"

/* The executive summary must stay on one page. */
#define MAX_HEADLINES  6
#define MAX_DECISIONS  5
#define MAX_CHANGES    3
#define MAX_DOMAINS    8
/* Beyond these the incidents are counted, not listed: a board reads the serious ones. */
#define MAX_INCIDENTS  25

#define KPI_SECTION    6

/* The numbered sections, in order. */
static const CbReportWord sections[] = {
  CB_REPORT_WORD_SUMMARY,
  CB_REPORT_WORD_ITEMS,
  CB_REPORT_WORD_BENCHMARKS,
  CB_REPORT_WORD_SUPPLIERS,
  CB_REPORT_WORD_DETECTION,
  CB_REPORT_WORD_KPIS,
  CB_REPORT_WORD_RECOMMENDATIONS,
};

typedef struct
{
  CbWorkbook   *workbook;
  const char   *lang;
  CbSnapshot   *snapshot;
  CbEvaluation *evaluation;
  CbCatalog    *catalog;
  GPtrArray    *charts;
  CbPage       *page;
  guint         section;
  char         *period;
  char         *previous;
} Board;

static void
board_clear (Board *board)
{
  g_clear_pointer (&board->snapshot, cb_snapshot_free);
  g_clear_pointer (&board->evaluation, cb_evaluation_free);
  g_clear_pointer (&board->charts, g_ptr_array_unref);
  g_clear_pointer (&board->period, g_free);
  g_clear_pointer (&board->previous, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Board, board_clear)

static const char *
word (const Board  *board,
      CbReportWord  w)
{
  return cb_report_word (w, board->lang);
}

static const char *
pick (const Board *board,
      const char  *ja,
      const char  *en)
{
  const char *text = cb_chart_is_ja (board->lang) ? ja : en;

  return text != NULL ? text : cb_chart_is_ja (board->lang) ? en : ja;
}

/* Charts. */

static CbReportChart *
chart_new (CbReportChartKind kind,
           gpointer          data,
           char             *caption)
{
  CbReportChart *chart = g_new0 (CbReportChart, 1);

  chart->kind = kind;
  /* Every member of the union is a pointer to the data of its kind. */
  chart->data.radar = data;
  chart->caption = caption;

  return chart;
}

static CbBarData *
levels_data (const CbSnapshot *snapshot,
             const char       *lang)
{
  const CbGuidelineSummary *guideline = &snapshot->guideline;
  g_autofree char *previous = cb_period_to_string (&snapshot->previous);
  CbBarData *data = cb_chart_bars_data_new (lang, G_N_ELEMENTS (guideline->items), 1);

  data->title = g_strdup (cb_chart_word (CB_WORD_RADAR_TITLE, lang));
  data->axis_title = g_strdup (cb_report_word (CB_REPORT_WORD_LEVELS_AXIS, lang));
  data->horizontal = TRUE;
  data->axis_max = CB_OPTIONAL (5);
  data->series_labels[0] = g_strdup (cb_chart_word (CB_WORD_THIS_PERIOD, lang));
  data->marker_label = g_strdup (previous);
  data->marker_series = CB_SERIES_PREVIOUS;

  for (guint i = 0; i < data->n_bars; i++)
    {
      const CbSnapshotItem *item = &guideline->items[i];
      g_autofree char *number = g_strdup_printf ("%d", item->number);

      /* The titles are in the radar and the table beside this chart; here they would crowd the bars. */
      data->bars[i].label = cb_report_fill (CB_REPORT_WORD_ITEM_SHORT, lang, "number", number, NULL);
      data->bars[i].values[0] = item->level;
      data->bars[i].marker = item->previous_level;
      if (item->level.valid)
        data->bars[i].value_text = cb_chart_format_number (item->level.value, 2, TRUE);
    }

  return data;
}

static CbBarData *
domains_data (const CbSnapshot *snapshot,
              const char       *lang)
{
  const CbSupplierSummary *suppliers = &snapshot->suppliers;
  guint n = MIN (suppliers->n_weakest_domains, MAX_DOMAINS);
  CbBarData *data = cb_chart_bars_data_new (lang, n, 1);

  data->title = g_strdup (cb_report_word (CB_REPORT_WORD_DOMAINS_CAPTION, lang));
  data->axis_title = g_strdup (cb_report_word (CB_REPORT_WORD_DOMAINS_AXIS, lang));
  data->horizontal = TRUE;
  data->axis_max = CB_OPTIONAL (100);
  data->series_labels[0] = g_strdup (cb_report_word (CB_REPORT_WORD_DOMAINS_AXIS, lang));

  for (guint i = 0; i < n; i++)
    {
      const CbDomainScore *domain = &suppliers->weakest_domains[i];

      data->bars[i].label = g_strdup (domain->domain);
      data->bars[i].values[0] = domain->mean_score;
    }

  return data;
}

static CbBarData *
incidents_data (const CbSnapshot *snapshot,
                const char       *lang)
{
  guint n = G_N_ELEMENTS (snapshot->quarter_trend);
  CbBarData *data = cb_chart_bars_data_new (lang, n, 1);

  data->title = g_strdup (cb_report_word (CB_REPORT_WORD_INCIDENTS_CAPTION, lang));
  data->axis_title = g_strdup (cb_report_word (CB_REPORT_WORD_INCIDENTS_AXIS, lang));
  data->unit = g_strdup ("count");
  data->series_labels[0] = g_strdup (cb_report_word (CB_REPORT_WORD_INCIDENTS_AXIS, lang));

  for (guint i = 0; i < n; i++)
    {
      const CbTrendPoint *point = &snapshot->quarter_trend[i];

      data->bars[i].label = cb_period_to_string (&point->period);
      data->bars[i].values[0] = CB_OPTIONAL (point->stats.incidents);
    }

  return data;
}

/* A quarterly series of one detection figure, with no outside reference. */
static CbTrendData *
quarter_series_data (const CbSnapshot *snapshot,
                     const char       *lang,
                     CbReportWord      title,
                     CbReportWord      axis,
                     const char       *unit,
                     gsize             member,
                     double            scale)
{
  guint n = G_N_ELEMENTS (snapshot->quarter_trend);
  CbTrendData *data = cb_chart_trend_data_new (lang, n);

  data->title = g_strdup (cb_report_word (title, lang));
  data->axis_title = g_strdup (cb_report_word (axis, lang));
  data->unit = g_strdup (unit);
  data->value_label = g_strdup (cb_report_word (axis, lang));

  for (guint i = 0; i < n; i++)
    {
      const CbTrendPoint *point = &snapshot->quarter_trend[i];
      CbOptional value = G_STRUCT_MEMBER (CbOptional, &point->stats, member);

      data->values[i].label = cb_period_to_string (&point->period);
      data->values[i].value = value.valid ? CB_OPTIONAL (value.value * scale) : CB_OPTIONAL_NONE;
      data->values[i].count = point->stats.incidents;
    }

  return data;
}

GPtrArray *
cb_report_board_charts (const CbSnapshot   *snapshot,
                        const CbEvaluation *evaluation,
                        CbCatalog          *catalog,
                        const char         *lang)
{
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *year = NULL;
  CbRatingData *ratings;
  GPtrArray *charts;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (CB_IS_CATALOG (catalog), NULL);

  current = cb_period_to_string (&snapshot->period);
  previous = cb_period_to_string (&snapshot->previous);
  charts = g_ptr_array_new_full (CB_BOARD_CHART_N, (GDestroyNotify) cb_report_chart_free);

  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_RADAR, cb_chart_radar_data_from_snapshot (snapshot, lang),
                                      cb_report_fill (CB_REPORT_WORD_RADAR_CAPTION, lang, "current", current,
                                                      "previous", previous, NULL)));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_BARS, levels_data (snapshot, lang),
                                      cb_report_fill (CB_REPORT_WORD_LEVELS_CAPTION, lang, "current", current,
                                                      "previous", previous, NULL)));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_BARS, cb_chart_bars_data_from_benchmarks (snapshot, lang),
                                      cb_report_fill (CB_REPORT_WORD_BENCHMARKS_CAPTION, lang,
                                                      "previous", previous, NULL)));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_MATRIX, cb_chart_matrix_data_from_snapshot (snapshot, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_MATRIX_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_BARS, cb_chart_bars_data_from_supplier_bands (snapshot, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_BANDS_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_BARS, domains_data (snapshot, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_DOMAINS_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_TREND, cb_chart_trend_data_from_snapshot (snapshot, FALSE, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_DWELL_QUARTERS_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_TREND, cb_chart_trend_data_from_snapshot (snapshot, TRUE, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_DWELL_YEARS_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_BARS, incidents_data (snapshot, lang),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_INCIDENTS_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_TREND,
                                      quarter_series_data (snapshot, lang, CB_REPORT_WORD_CONTAIN_CAPTION,
                                                           CB_REPORT_WORD_CONTAIN_AXIS, "hours",
                                                           G_STRUCT_OFFSET (CbDetectionStats,
                                                                            median_hours_to_contain), 1),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_CONTAIN_CAPTION, lang))));
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_TREND,
                                      quarter_series_data (snapshot, lang, CB_REPORT_WORD_INTERNAL_CAPTION,
                                                           CB_REPORT_WORD_INTERNAL_AXIS, "%",
                                                           G_STRUCT_OFFSET (CbDetectionStats,
                                                                            internal_detection_share), 100),
                                      g_strdup (cb_report_word (CB_REPORT_WORD_INTERNAL_CAPTION, lang))));

  if (evaluation != NULL)
    {
      year = g_strdup_printf ("%d", evaluation->fiscal_year);
      ratings = cb_chart_rating_data_from_evaluation (evaluation, catalog, lang);
    }
  else
    {
      year = g_strdup ("—");
      ratings = cb_chart_rating_data_new (lang, 0, 1, 4);
    }
  g_ptr_array_add (charts, chart_new (CB_REPORT_CHART_RATING, ratings,
                                      cb_report_fill (CB_REPORT_WORD_RATINGS_CAPTION, lang, "year", year, "status",
                                                      cb_report_vocabulary (evaluation != NULL ? evaluation->status
                                                                                               : NULL, lang),
                                                      NULL)));

  g_assert (charts->len == CB_BOARD_CHART_N);
  return charts;
}

/* Moves chart @which of the report's into the page. */
static void
add_chart (Board        *board,
           CbBoardChart  which,
           guint         span,
           double        height)
{
  CbReportChart *chart = g_steal_pointer (&board->charts->pdata[which]);

  g_assert (chart != NULL);
  cb_report_add_chart (board->page, chart, span, height);
}

CbEvaluation *
cb_report_board_find_evaluation (CbWorkbook        *workbook,
                                 const CbSnapshot  *snapshot,
                                 GError           **error)
{
  g_autoptr(GPtrArray) evaluations = NULL;
  const CbEvaluation *best = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  evaluations = cb_evaluation_list (workbook, error);
  if (evaluations == NULL)
    return NULL;

  /* The list runs oldest first, so the last that fits is the latest. */
  for (guint i = 0; i < evaluations->len; i++)
    {
      const CbEvaluation *evaluation = g_ptr_array_index (evaluations, i);

      if (evaluation->fiscal_year <= snapshot->period.fiscal_year
          && cb_audience_allows (snapshot->audience, evaluation->confidentiality))
        best = evaluation;
    }
  if (best == NULL)
    return NULL;

  return cb_evaluation_get (workbook, best->id, error);
}

/* Building blocks. */

static void
add_section (Board        *board,
             CbReportWord  title)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  g_assert (board->section < G_N_ELEMENTS (sections) && sections[board->section] == title);
  number = g_strdup_printf ("%u", ++board->section);
  text = cb_report_fill (CB_REPORT_WORD_SECTION, board->lang, "number", number, "title", word (board, title),
                         NULL);

  cb_page_add_heading (board->page, 1, text);
}

static CbPageTable *
add_table (Board *board,
           guint  n_columns,
           ...)
{
  CbPageTable *table = cb_page_add_table (board->page, n_columns);
  va_list args;

  va_start (args, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      CbReportWord title = va_arg (args, CbReportWord);
      guint span = va_arg (args, guint);
      CbAlign align = va_arg (args, CbAlign);

      cb_page_table_set_column (table, c, word (board, title), span, align);
    }
  va_end (args);

  return table;
}

static char *
level_text (CbOptional level)
{
  return level.valid ? cb_chart_format_number (level.value, 2, TRUE) : g_strdup ("—");
}

static const char *
kpi_name (const Board         *board,
          const CbSnapshotKpi *kpi)
{
  const char *name = pick (board, kpi->name_ja, kpi->name_en);

  return name != NULL ? name : kpi->code;
}

static char *
trend_text (const Board         *board,
            const CbSnapshotKpi *kpi)
{
  static const CbReportWord trends[] = {
    [CB_TREND_UP] = CB_REPORT_WORD_TREND_UP,
    [CB_TREND_FLAT] = CB_REPORT_WORD_TREND_FLAT,
    [CB_TREND_DOWN] = CB_REPORT_WORD_TREND_DOWN,
  };
  const char *trend;

  if (kpi->trend == CB_TREND_NONE)
    return g_strdup ("—");

  trend = word (board, trends[kpi->trend]);
  if (kpi->trend == CB_TREND_FLAT)
    return g_strdup (trend);

  return cb_report_fill (kpi->improving ? CB_REPORT_WORD_IMPROVING : CB_REPORT_WORD_WORSENING, board->lang,
                         "trend", trend, NULL);
}

/* The cover. */

static void
add_cover (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  GTimeZone *tz = cb_workbook_get_time_zone (board->workbook);
  g_autoptr(GDateTime) created = cb_page_creation_time (tz);
  g_autofree char *created_iso = g_date_time_format (created, "%Y-%m-%d");
  g_autofree char *date = cb_report_format_date (created_iso, board->lang, FALSE);
  g_autofree char *from = cb_report_format_unix (snapshot->period_start, tz, board->lang, FALSE);
  g_autofree char *to = cb_report_format_unix (snapshot->period_end - 1, tz, board->lang, FALSE);
  g_autofree char *range = cb_report_fill (CB_REPORT_WORD_PERIOD_RANGE, board->lang, "period", board->period,
                                           "from", from, "to", to, NULL);

  cb_report_add_cover (board->page, board->workbook, board->lang, word (board, CB_REPORT_WORD_BOARD_TITLE),
                       word (board, CB_REPORT_WORD_COVER_PERIOD), range,
                       word (board, CB_REPORT_WORD_COVER_ENTITY),
                       pick (board, snapshot->entity_name_ja, snapshot->entity_name_en),
                       word (board, CB_REPORT_WORD_COVER_DATE), date,
                       word (board, CB_REPORT_WORD_COVER_MARKING), cb_page_marking ("board"),
                       NULL);
  cb_page_add_note (board->page, word (board, CB_REPORT_WORD_BOARD_COVER_NOTE));

  cb_page_add_heading (board->page, 3, word (board, CB_REPORT_WORD_CONTENTS));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *line = cb_report_fill (CB_REPORT_WORD_SECTION, board->lang, "number", number, "title",
                                              word (board, sections[i]), NULL);

      cb_page_add_paragraph (board->page, line);
    }
  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_APPENDIX));
  cb_page_add_page_break (board->page);
}

/* The executive summary. */

static int
rag_rank (CbRag rag)
{
  static const int ranks[] = { [CB_RAG_RED] = 0, [CB_RAG_AMBER] = 1, [CB_RAG_GREEN] = 2, [CB_RAG_GREY] = 3 };

  return ranks[rag];
}

static void
add_headlines (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  const CbGuidelineSummary *guideline = &snapshot->guideline;
  g_autoptr(GArray) rags = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *n = g_strdup_printf ("%d", MAX_HEADLINES);
  g_autofree char *section = g_strdup_printf ("%d", KPI_SECTION);
  g_autofree char *rule = cb_report_fill (CB_REPORT_WORD_HEADLINES_RULE, board->lang, "n", n, "section", section,
                                          NULL);
  g_autofree char *mean = level_text (guideline->mean_level);
  g_autofree char *mean_target = level_text (guideline->mean_target);
  g_autofree char *mean_change = cb_report_format_change (guideline->change, NULL, board->lang);
  const char *mean_cells[] = { word (board, CB_REPORT_WORD_MEAN_LEVEL), mean, mean_target, NULL, mean_change };
  CbPageTable *table;
  guint shown = 1;
  int none = -1;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_HEADLINES));
  table = add_table (board, 5,
                     CB_REPORT_WORD_INDICATOR, 4, CB_ALIGN_START,
                     CB_REPORT_WORD_THIS_PERIOD, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_TARGET, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_STATUS, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_TREND, 2, CB_ALIGN_START);
  cb_page_table_add_row (table, mean_cells);
  g_array_append_val (rags, none);

  for (int rank = 0; rank <= rag_rank (CB_RAG_GREY) && shown < MAX_HEADLINES; rank++)
    for (guint i = 0; i < snapshot->kpis->len && shown < MAX_HEADLINES; i++)
      {
        const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
        g_autofree char *value = NULL;
        g_autofree char *target = NULL;
        g_autofree char *trend = NULL;
        int rag = kpi->status;

        if (rag_rank (kpi->status) != rank)
          continue;
        value = cb_report_format_figure (kpi->value, kpi->unit, board->lang);
        target = cb_report_format_figure (kpi->target, kpi->unit, board->lang);
        trend = trend_text (board, kpi);
        cb_page_table_add_row (table, (const char *[]) { kpi_name (board, kpi), value, target, NULL, trend });
        g_array_append_val (rags, rag);
        shown++;
      }

  cb_report_set_rag_column (table, 3, board->lang, rags);
  cb_page_add_note (board->page, rule);
}

static void
add_changes (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  g_autoptr(GArray) changes = cb_snapshot_biggest_changes (snapshot, MAX_CHANGES);
  g_autofree char *rule = cb_report_fill (CB_REPORT_WORD_CHANGES_RULE, board->lang, "previous", board->previous,
                                          NULL);
  CbPageTable *table;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_CHANGES));
  if (changes->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_CHANGES_NONE));
      return;
    }

  table = add_table (board, 4,
                     CB_REPORT_WORD_INDICATOR, 6, CB_ALIGN_START,
                     CB_REPORT_WORD_PREVIOUS, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_THIS_PERIOD, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_CHANGE, 2, CB_ALIGN_END);
  for (guint i = 0; i < changes->len; i++)
    {
      const CbSnapshotChange *change = &g_array_index (changes, CbSnapshotChange, i);
      g_autofree char *name = NULL;
      g_autofree char *previous = NULL;
      g_autofree char *current = NULL;
      g_autofree char *delta = NULL;

      if (change->kpi)
        {
          const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, change->index);

          name = cb_report_fill (CB_REPORT_WORD_KPI, board->lang, "name", kpi_name (board, kpi), NULL);
          previous = cb_report_format_figure (kpi->previous, kpi->unit, board->lang);
          current = cb_report_format_figure (kpi->value, kpi->unit, board->lang);
          delta = cb_report_format_change (change->change, kpi->unit, board->lang);
        }
      else
        {
          const CbSnapshotItem *item = &snapshot->guideline.items[change->index];
          g_autofree char *number = g_strdup_printf ("%d", item->number);

          name = cb_report_fill (CB_REPORT_WORD_ITEM, board->lang, "number", number, "title",
                                 pick (board, item->title_ja, item->title_en), NULL);
          previous = level_text (item->previous_level);
          current = level_text (item->level);
          delta = cb_report_format_change (change->change, NULL, board->lang);
        }
      cb_page_table_add_row (table, (const char *[]) { name, previous, current, delta });
    }
  cb_page_add_note (board->page, rule);
}

/* The date after the period's last day, as the workbook writes dates: a due date before it has
 * passed by the period end. */
static char *
period_end_date (const Board *board)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (board->snapshot->period_end);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, cb_workbook_get_time_zone (board->workbook));

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
add_decisions (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *end = period_end_date (board);
  CbPageTable *table;

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
      g_autofree char *value = NULL;
      g_autofree char *target = NULL;
      char **row;

      if (kpi->status != CB_RAG_RED)
        continue;
      value = cb_report_format_figure (kpi->value, kpi->unit, board->lang);
      target = cb_report_format_figure (kpi->target, kpi->unit, board->lang);
      row = g_new0 (char *, 3);
      row[0] = cb_report_fill (CB_REPORT_WORD_DECISION_RED_KPI, board->lang, "name", kpi_name (board, kpi),
                               "value", value, "target", target, NULL);
      row[1] = g_strdup (word (board, CB_REPORT_WORD_ASK_RED_KPI));
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (snapshot->guideline.items); i++)
    {
      const CbSnapshotItem *item = &snapshot->guideline.items[i];
      g_autofree char *number = NULL;
      g_autofree char *due = NULL;
      g_autofree char *level = NULL;
      g_autofree char *target = NULL;
      char **row;

      if (!item->overdue)
        continue;
      number = g_strdup_printf ("%d", item->number);
      due = cb_report_format_date (item->due_date, board->lang, FALSE);
      level = level_text (item->level);
      target = level_text (item->target);
      row = g_new0 (char *, 3);
      row[0] = cb_report_fill (CB_REPORT_WORD_DECISION_OVERDUE_ITEM, board->lang, "number", number,
                               "title", pick (board, item->title_ja, item->title_en), "due", due,
                               "level", level, "target", target, NULL);
      row[1] = g_strdup (word (board, CB_REPORT_WORD_ASK_OVERDUE_ITEM));
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < snapshot->recommendations->len; i++)
    {
      const CbSnapshotRecommendation *recommendation =
        &g_array_index (snapshot->recommendations, CbSnapshotRecommendation, i);
      g_autofree char *due = NULL;
      char **row;

      if (recommendation->due_date == NULL || strcmp (recommendation->due_date, end) >= 0)
        continue;
      due = cb_report_format_date (recommendation->due_date, board->lang, FALSE);
      row = g_new0 (char *, 3);
      row[0] = cb_report_fill (CB_REPORT_WORD_DECISION_LATE_RECOMMENDATION, board->lang,
                               "criterion", recommendation->criterion_key != NULL
                                            ? recommendation->criterion_key
                                            : word (board, CB_REPORT_WORD_WHOLE_EVALUATION),
                               "due", due, "text", recommendation->text, NULL);
      row[1] = g_strdup (word (board, CB_REPORT_WORD_ASK_LATE_RECOMMENDATION));
      g_ptr_array_add (rows, row);
    }

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_DECISIONS));
  if (rows->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_DECISIONS_NONE));
    }
  else
    {
      table = add_table (board, 2,
                         CB_REPORT_WORD_REASON, 8, CB_ALIGN_START,
                         CB_REPORT_WORD_DECISION, 4, CB_ALIGN_START);
      for (guint i = 0; i < MIN (rows->len, MAX_DECISIONS); i++)
        cb_page_table_add_row (table, (const char *const *) rows->pdata[i]);
      if (rows->len > MAX_DECISIONS)
        {
          g_autofree char *more = g_strdup_printf ("%u", rows->len - MAX_DECISIONS);
          g_autofree char *text = cb_report_fill (CB_REPORT_WORD_DECISIONS_MORE, board->lang, "n", more, NULL);

          cb_page_add_paragraph (board->page, text);
        }
    }
  cb_page_add_note (board->page, word (board, CB_REPORT_WORD_DECISIONS_RULE));
}

static void
add_summary (Board *board)
{
  add_section (board, CB_REPORT_WORD_SUMMARY);
  add_headlines (board);
  add_changes (board);
  add_decisions (board);
  cb_page_add_page_break (board->page);
}

/* The ten items. */

static void
add_items (Board *board)
{
  const CbGuidelineSummary *guideline = &board->snapshot->guideline;
  g_autofree char *intro = cb_report_fill (CB_REPORT_WORD_ITEMS_INTRO, board->lang,
                                           "version", guideline->version,
                                           "entity", pick (board, board->snapshot->entity_name_ja,
                                                           board->snapshot->entity_name_en),
                                           NULL);
  CbPageTable *table;

  add_section (board, CB_REPORT_WORD_ITEMS);
  cb_page_add_paragraph (board->page, intro);
  add_chart (board, CB_BOARD_CHART_RADAR, 12, 300);

  /* The ten rows read as one list: the table moves whole to the next page rather than split. */
  cb_page_begin_keep_together (board->page);
  table = add_table (board, 7,
                     CB_REPORT_WORD_ITEM_NUMBER, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_ITEM_TITLE, 4, CB_ALIGN_START,
                     CB_REPORT_WORD_LEVEL, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_TARGET, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_STATUS, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_CHANGE_SHORT, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_OWNER, 2, CB_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (guideline->items); i++)
    {
      const CbSnapshotItem *item = &guideline->items[i];
      g_autofree char *number = g_strdup_printf ("%d", item->number);
      g_autofree char *level = level_text (item->level);
      g_autofree char *target = level_text (item->target);
      g_autofree char *change = cb_report_format_change (item->change, NULL, board->lang);
      g_autofree char *status = NULL;

      if (item->overdue)
        status = g_strdup_printf ("%s (%s)", cb_report_vocabulary (item->status, board->lang),
                                  word (board, CB_REPORT_WORD_OVERDUE_MARK));
      else
        status = g_strdup (cb_report_vocabulary (item->status, board->lang));
      cb_page_table_add_row (table, (const char *[]) { number, pick (board, item->title_ja, item->title_en),
                                                       level, target, status, change,
                                                       item->owner != NULL ? item->owner : "—" });
    }
  cb_page_end_keep_together (board->page);

  add_chart (board, CB_BOARD_CHART_LEVELS, 12, 190);
}

/* Benchmarks. */

static void
add_benchmarks (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  CbPageTable *table;

  add_section (board, CB_REPORT_WORD_BENCHMARKS);
  if (snapshot->benchmarks->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_BENCHMARKS_NONE));
      return;
    }

  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_BENCHMARKS_INTRO));
  add_chart (board, CB_BOARD_CHART_BENCHMARKS, 12, 40 + 26 * snapshot->benchmarks->len);
  table = add_table (board, 5,
                     CB_REPORT_WORD_BENCHMARK, 4, CB_ALIGN_START,
                     CB_REPORT_WORD_TOTAL, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_PREVIOUS, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_MAXIMUM, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_STANDARD_SCORE, 2, CB_ALIGN_END);
  for (guint i = 0; i < snapshot->benchmarks->len; i++)
    {
      const CbSnapshotBenchmark *benchmark = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, i);
      g_autofree char *total = cb_report_format_figure (benchmark->total, NULL, board->lang);
      g_autofree char *previous = cb_report_format_figure (benchmark->previous_total, NULL, board->lang);
      g_autofree char *max = cb_report_format_figure (benchmark->max, NULL, board->lang);
      g_autofree char *score = cb_report_format_figure (benchmark->standard_score, NULL, board->lang);
      const char *name = pick (board, benchmark->name_ja, benchmark->name_en);
      g_autofree char *title = g_strdup_printf ("%s (%s %s)", name != NULL ? name : benchmark->code,
                                                word (board, CB_REPORT_WORD_VERSION), benchmark->version);

      cb_page_table_add_row (table, (const char *[]) { title, total, previous, max, score });
    }
}

/* Suppliers. */

static void
add_suppliers (Board *board)
{
  const CbSupplierSummary *suppliers = &board->snapshot->suppliers;
  g_autofree char *total = cb_report_format_figure (CB_OPTIONAL (suppliers->total), "count", board->lang);
  g_autofree char *assessed = cb_report_format_figure (CB_OPTIONAL (suppliers->assessed), "count", board->lang);
  g_autofree char *high = cb_report_format_figure (CB_OPTIONAL (suppliers->high_criticality), "count",
                                                   board->lang);
  g_autofree char *coverage = cb_report_format_figure (suppliers->high_criticality_coverage_pct, "%", board->lang);
  g_autofree char *score = cb_report_format_figure (suppliers->mean_score, NULL, board->lang);
  g_autofree char *overdue = cb_report_format_figure (CB_OPTIONAL (suppliers->overdue_reassessments), "count",
                                                      board->lang);

  add_section (board, CB_REPORT_WORD_SUPPLIERS);
  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_SUPPLIERS_INTRO));
  cb_report_add_facts (board->page, board->lang, CB_REPORT_WORD_INDICATOR, CB_REPORT_WORD_VALUE,
                       word (board, CB_REPORT_WORD_SUPPLIERS_TOTAL), total,
                       word (board, CB_REPORT_WORD_SUPPLIERS_ASSESSED), assessed,
                       word (board, CB_REPORT_WORD_SUPPLIERS_HIGH), high,
                       word (board, CB_REPORT_WORD_SUPPLIERS_COVERAGE), coverage,
                       word (board, CB_REPORT_WORD_SUPPLIERS_MEAN_SCORE), score,
                       word (board, CB_REPORT_WORD_SUPPLIERS_OVERDUE), overdue,
                       NULL);
  add_chart (board, CB_BOARD_CHART_MATRIX, 12, 150);
  add_chart (board, CB_BOARD_CHART_BANDS, 12, 170);
  add_chart (board, CB_BOARD_CHART_DOMAINS, 12, 40 + 20 * MAX (1, MIN (suppliers->n_weakest_domains, MAX_DOMAINS)));
}

/* Detection. */

static int
compare_incidents (gconstpointer a,
                   gconstpointer b)
{
  const CbSnapshotIncident *x = *(const CbSnapshotIncident *const *) a;
  const CbSnapshotIncident *y = *(const CbSnapshotIncident *const *) b;
  /* Unknown severity (0) sorts after the known ones. */
  int sx = x->severity > 0 ? x->severity : 5;
  int sy = y->severity > 0 ? y->severity : 5;

  if (x->material != y->material)
    return x->material ? -1 : 1;
  if (sx != sy)
    return sx - sy;
  if (x->detected_at != y->detected_at)
    return x->detected_at < y->detected_at ? -1 : 1;
  return g_strcmp0 (x->ref, y->ref);
}

static void
add_incident_list (Board *board)
{
  GPtrArray *incidents = board->snapshot->incidents;
  g_autoptr(GPtrArray) sorted = NULL;
  GTimeZone *tz = cb_workbook_get_time_zone (board->workbook);
  g_autofree char *limit = g_strdup_printf ("%d", MAX_INCIDENTS);
  g_autofree char *rule = cb_report_fill (CB_REPORT_WORD_INCIDENTS_RULE, board->lang, "n", limit, NULL);
  CbPageTable *table;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_INCIDENT_LIST));
  if (incidents->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_INCIDENT_LIST_NONE));
      return;
    }

  /* A copy that shares the snapshot's incidents without owning them. */
  sorted = g_ptr_array_copy (incidents, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_incidents);
  table = add_table (board, 6,
                     CB_REPORT_WORD_INCIDENT_ID, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_INCIDENT_TITLE, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_SEVERITY_SHORT, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_DETECTED, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_DWELL, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_STATUS, 2, CB_ALIGN_START);
  for (guint i = 0; i < MIN (sorted->len, MAX_INCIDENTS); i++)
    {
      const CbSnapshotIncident *incident = g_ptr_array_index (sorted, i);
      g_autofree char *severity = incident->severity > 0 ? g_strdup_printf ("%d", incident->severity)
                                                         : g_strdup ("—");
      g_autofree char *detected = cb_report_format_unix (incident->detected_at, tz, board->lang, TRUE);
      g_autofree char *dwell = cb_report_format_figure (incident->dwell_days, "days", board->lang);
      const char *state = word (board, incident->open ? CB_REPORT_WORD_INCIDENT_OPEN
                                                      : CB_REPORT_WORD_INCIDENT_CLOSED);
      g_autofree char *status = incident->material
                                ? g_strdup_printf ("%s, %s", state, word (board, CB_REPORT_WORD_MATERIAL_MARK))
                                : g_strdup (state);

      cb_page_table_add_row (table, (const char *[]) { incident->ref, incident->title != NULL ? incident->title : "",
                                                       severity, detected, dwell, status });
    }
  if (sorted->len > MAX_INCIDENTS)
    {
      g_autofree char *more = g_strdup_printf ("%u", sorted->len - MAX_INCIDENTS);
      g_autofree char *text = cb_report_fill (CB_REPORT_WORD_INCIDENTS_MORE, board->lang, "n", more, NULL);

      cb_page_add_note (board->page, text);
    }
  cb_page_add_note (board->page, rule);
}

static void
add_detection (Board *board)
{
  const CbDetectionStats *stats = &board->snapshot->detection;
  g_autofree char *incidents = cb_report_format_figure (CB_OPTIONAL (stats->incidents), "count", board->lang);
  g_autofree char *known = cb_report_format_figure (CB_OPTIONAL (stats->with_known_compromise), "count",
                                                    board->lang);
  g_autofree char *median = cb_report_format_figure (stats->median_dwell_days, "days", board->lang);
  g_autofree char *median_text = NULL;
  g_autofree char *mean = cb_report_format_figure (stats->mean_dwell_days, "days", board->lang);
  g_autofree char *p90 = cb_report_format_figure (stats->p90_dwell_days, "days", board->lang);
  g_autofree char *contain = cb_report_format_figure (stats->median_hours_to_contain, "hours", board->lang);
  g_autofree char *recover = cb_report_format_figure (stats->median_hours_to_recover, "hours", board->lang);
  g_autofree char *report = cb_report_format_figure (stats->median_hours_to_report, "hours", board->lang);
  g_autofree char *internal = NULL;
  g_autofree char *open = cb_report_format_figure (CB_OPTIONAL (stats->open_at_period_end), "count", board->lang);
  g_autofree char *material = cb_report_format_figure (CB_OPTIONAL (stats->material), "count", board->lang);
  g_autofree char *disclose = NULL;

  internal = cb_report_format_figure (stats->internal_detection_share.valid
                                      ? CB_OPTIONAL (stats->internal_detection_share.value * 100)
                                      : CB_OPTIONAL_NONE, "%", board->lang);
  if (stats->max_business_days_to_disclose.valid)
    {
      g_autofree char *days = cb_chart_format_number (stats->max_business_days_to_disclose.value, 2, TRUE);

      disclose = cb_report_fill (CB_REPORT_WORD_BUSINESS_DAYS, board->lang, "n", days, NULL);
    }

  /* The period's own figure carries the small-sample marking as the trend's points do. */
  if (stats->small_sample && stats->median_dwell_days.valid)
    median_text = cb_report_fill (CB_REPORT_WORD_SMALL_SAMPLE_MARK, board->lang, "value", median, NULL);
  else
    median_text = g_strdup (median);

  /* The section opens with its figures, not with a heading alone at the foot of a page. */
  cb_page_begin_keep_together (board->page);
  add_section (board, CB_REPORT_WORD_DETECTION);
  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_DETECTION_INTRO));
  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_DETECTION_FIGURES));
  cb_report_add_facts (board->page, board->lang, CB_REPORT_WORD_INDICATOR, CB_REPORT_WORD_VALUE,
                       word (board, CB_REPORT_WORD_INCIDENTS), incidents,
                       word (board, CB_REPORT_WORD_KNOWN_COMPROMISE), known,
                       word (board, CB_REPORT_WORD_MEDIAN_DWELL), median_text,
                       word (board, CB_REPORT_WORD_MEAN_DWELL), mean,
                       word (board, CB_REPORT_WORD_P90_DWELL), p90,
                       word (board, CB_REPORT_WORD_MEDIAN_CONTAIN), contain,
                       word (board, CB_REPORT_WORD_MEDIAN_RECOVER), recover,
                       word (board, CB_REPORT_WORD_MEDIAN_REPORT), report,
                       word (board, CB_REPORT_WORD_INTERNAL_SHARE), internal,
                       word (board, CB_REPORT_WORD_OPEN_AT_END), open,
                       word (board, CB_REPORT_WORD_MATERIAL), material,
                       word (board, CB_REPORT_WORD_DAYS_TO_DISCLOSE), disclose,
                       NULL);
  cb_page_end_keep_together (board->page);

  cb_page_begin_keep_together (board->page);
  add_chart (board, CB_BOARD_CHART_DWELL_QUARTERS, 12, 180);
  cb_page_add_note (board->page, word (board, CB_REPORT_WORD_SMALL_SAMPLE_NOTE));
  cb_page_end_keep_together (board->page);
  add_chart (board, CB_BOARD_CHART_DWELL_YEARS, 12, 160);
  add_chart (board, CB_BOARD_CHART_INCIDENTS, 12, 140);
  add_chart (board, CB_BOARD_CHART_CONTAIN, 12, 140);
  add_chart (board, CB_BOARD_CHART_INTERNAL, 12, 140);
  add_incident_list (board);
}

/* KPIs. */

typedef struct
{
  GPtrArray *bullets;     /* CbBulletData, one per row */
  GPtrArray *sparklines;  /* CbSparklineData, one per row */
} KpiCells;

static void
kpi_cells_free (KpiCells *cells)
{
  g_ptr_array_unref (cells->bullets);
  g_ptr_array_unref (cells->sparklines);
  g_free (cells);
}

static void
bullet_cell_cb (cairo_t      *cr,
                const CbRect *area,
                guint         row,
                gpointer      user_data)
{
  KpiCells *cells = user_data;

  cb_chart_bullet_draw (cr, area, g_ptr_array_index (cells->bullets, row), cb_theme_get (CB_THEME_PRINT));
}

static void
sparkline_cell_cb (cairo_t      *cr,
                   const CbRect *area,
                   guint         row,
                   gpointer      user_data)
{
  KpiCells *cells = user_data;

  cb_chart_sparkline_draw (cr, area, g_ptr_array_index (cells->sparklines, row), cb_theme_get (CB_THEME_PRINT));
}

static void
add_kpis (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  KpiCells *cells;
  CbPageTable *table;

  add_section (board, CB_REPORT_WORD_KPIS);
  g_assert (board->section == KPI_SECTION);
  if (snapshot->kpis->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_KPIS_NONE));
      return;
    }

  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_KPIS_INTRO));
  cells = g_new0 (KpiCells, 1);
  cells->bullets = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_chart_bullet_data_free);
  cells->sparklines = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_chart_sparkline_data_free);

  table = add_table (board, 5,
                     CB_REPORT_WORD_INDICATOR, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_TARGET, 2, CB_ALIGN_END,
                     CB_REPORT_WORD_AGAINST_TARGET, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_TREND, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_HISTORY, 2, CB_ALIGN_START);
  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
      g_autofree char *target = cb_report_format_figure (kpi->target, kpi->unit, board->lang);
      g_autofree char *trend = trend_text (board, kpi);

      cb_page_table_add_row (table, (const char *[]) { kpi_name (board, kpi), target, NULL, trend, NULL });
      g_ptr_array_add (cells->bullets, cb_chart_bullet_data_from_kpi (kpi, board->lang));
      g_ptr_array_add (cells->sparklines, cb_chart_sparkline_data_from_kpi (kpi, &snapshot->period, board->lang));
    }

  /* Both columns share the cells; the second one frees them. */
  cb_page_table_set_cell_func (table, 2, bullet_cell_cb, cells, NULL);
  cb_page_table_set_cell_func (table, 4, sparkline_cell_cb, cells, (GDestroyNotify) kpi_cells_free);
}

/* Recommendations. */

static void
add_recommendations (Board *board)
{
  const CbSnapshot *snapshot = board->snapshot;
  CbPageTable *table;

  add_section (board, CB_REPORT_WORD_RECOMMENDATIONS);
  if (board->evaluation != NULL)
    {
      g_autofree char *year = g_strdup_printf ("%d", board->evaluation->fiscal_year);
      g_autofree char *intro = cb_report_fill (CB_REPORT_WORD_RECOMMENDATIONS_INTRO, board->lang, "year", year,
                                               "status", cb_report_vocabulary (board->evaluation->status,
                                                                               board->lang),
                                               NULL);

      cb_page_add_paragraph (board->page, intro);
      add_chart (board, CB_BOARD_CHART_RATINGS, 12, 190);
    }
  if (snapshot->recommendations->len == 0)
    {
      cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_RECOMMENDATIONS_NONE));
      return;
    }

  table = add_table (board, 5,
                     CB_REPORT_WORD_CRITERION, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_RECOMMENDATION, 4, CB_ALIGN_START,
                     CB_REPORT_WORD_OWNER, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_DUE, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_STATUS, 2, CB_ALIGN_START);
  for (guint i = 0; i < snapshot->recommendations->len; i++)
    {
      const CbSnapshotRecommendation *recommendation =
        &g_array_index (snapshot->recommendations, CbSnapshotRecommendation, i);
      g_autofree char *due = cb_report_format_date (recommendation->due_date, board->lang, TRUE);

      cb_page_table_add_row (table, (const char *[]) {
                               recommendation->criterion_key != NULL ? recommendation->criterion_key : "—",
                               recommendation->text,
                               recommendation->owner != NULL ? recommendation->owner : "—",
                               due,
                               cb_report_vocabulary (recommendation->status, board->lang) });
    }
}

/* The appendix. */

static void
add_definitions (Board *board)
{
  static const CbReportWord definitions[][2] = {
    { CB_REPORT_WORD_TERM_DWELL, CB_REPORT_WORD_DEF_DWELL },
    { CB_REPORT_WORD_TERM_PERIOD, CB_REPORT_WORD_DEF_PERIOD },
    { CB_REPORT_WORD_TERM_MEDIAN, CB_REPORT_WORD_DEF_MEDIAN },
    { CB_REPORT_WORD_TERM_CONTAIN, CB_REPORT_WORD_DEF_CONTAIN },
    { CB_REPORT_WORD_INTERNAL_SHARE, CB_REPORT_WORD_DEF_INTERNAL },
    { CB_REPORT_WORD_TERM_BUSINESS_DAYS, CB_REPORT_WORD_DEF_BUSINESS_DAYS },
    { CB_REPORT_WORD_SUPPLIERS_COVERAGE, CB_REPORT_WORD_DEF_COVERAGE },
    { CB_REPORT_WORD_TERM_SCORE, CB_REPORT_WORD_DEF_SCORE },
    { CB_REPORT_WORD_MEAN_LEVEL, CB_REPORT_WORD_DEF_MEAN_LEVEL },
    { CB_REPORT_WORD_TERM_KPI_STATUS, CB_REPORT_WORD_DEF_KPI_STATUS },
    { CB_REPORT_WORD_STANDARD_SCORE, CB_REPORT_WORD_DEF_STANDARD_SCORE },
  };
  CbPageTable *table;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_DEFINITIONS));
  table = add_table (board, 2,
                     CB_REPORT_WORD_TERM, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_DEFINITION, 9, CB_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    cb_page_table_add_row (table, (const char *[]) { word (board, definitions[i][0]),
                                                     word (board, definitions[i][1]) });
}

static void
add_maturity (Board *board)
{
  CbScale *scale = cb_catalog_get_maturity_levels (board->catalog);
  CbPageTable *table;

  if (scale == NULL)
    return;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_MATURITY));
  table = add_table (board, 3,
                     CB_REPORT_WORD_LEVEL, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_LEVEL_NAME, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_MEANING, 8, CB_ALIGN_START);
  for (int v = cb_scale_get_min (scale); v <= cb_scale_get_max (scale); v++)
    {
      const CbScaleLevel *level = cb_scale_get_level (scale, v);
      g_autofree char *number = g_strdup_printf ("%d", v);

      if (level == NULL)
        continue;
      cb_page_table_add_row (table, (const char *[]) { number, cb_text_get (&level->label, board->lang),
                                                       cb_text_get (&level->meaning, board->lang) });
    }
}

static void
add_provenance (Board *board)
{
  GArray *batches = board->snapshot->batches;
  GTimeZone *tz = cb_workbook_get_time_zone (board->workbook);
  CbPageTable *table;

  cb_page_add_heading (board->page, 2, word (board, CB_REPORT_WORD_PROVENANCE));
  cb_page_add_paragraph (board->page, word (board, CB_REPORT_WORD_PROVENANCE_INTRO));
  table = add_table (board, 6,
                     CB_REPORT_WORD_BATCH, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_KIND, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_FILE, 3, CB_ALIGN_START,
                     CB_REPORT_WORD_ROWS, 1, CB_ALIGN_END,
                     CB_REPORT_WORD_IMPORTED, 2, CB_ALIGN_START,
                     CB_REPORT_WORD_SHA256, 3, CB_ALIGN_START);
  for (guint i = 0; i < batches->len; i++)
    {
      const CbSnapshotBatch *batch = &g_array_index (batches, CbSnapshotBatch, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch->id);
      g_autofree char *rows = cb_chart_format_number (batch->rows, 0, TRUE);
      g_autofree char *imported = cb_report_format_unix (batch->imported_at, tz, board->lang, TRUE);
      g_autofree char *sha256 = cb_report_format_hash (batch->sha256);

      cb_page_table_add_row (table, (const char *[]) { id, batch->kind,
                                                       batch->file_name != NULL ? batch->file_name : "—",
                                                       rows, imported,
                                                       batch->sha256 != NULL ? sha256 : "—" });
    }
}

static void
add_appendix (Board *board)
{
  cb_page_add_heading (board->page, 1, word (board, CB_REPORT_WORD_APPENDIX));
  add_definitions (board);
  add_maturity (board);
  add_provenance (board);
}

CbPage *
cb_report_board_new (CbWorkbook  *workbook,
                     const char  *lang,
                     const char  *period,
                     const char  *entity,
                     GError     **error)
{
  g_auto(Board) board = { NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cb_report_check_lang (lang, error))
    return NULL;

  board.workbook = workbook;
  board.lang = lang;
  board.catalog = cb_reference_catalog (error);
  if (board.catalog == NULL)
    return NULL;
  board.snapshot = cb_snapshot_new (workbook, period, entity, CB_AUDIENCE_BOARD, error);
  if (board.snapshot == NULL)
    return NULL;
  board.evaluation = cb_report_board_find_evaluation (workbook, board.snapshot, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  board.period = cb_period_to_string (&board.snapshot->period);
  board.previous = cb_period_to_string (&board.snapshot->previous);
  board.charts = cb_report_board_charts (board.snapshot, board.evaluation, board.catalog, lang);

  title = g_strdup_printf ("%s %s", word (&board, CB_REPORT_WORD_BOARD_TITLE), board.period);
  board.page = cb_report_page_new (workbook, lang, title, CB_REPORT_WORD_BOARD_SUBJECT, board.period, "board",
                                   FALSE);

  add_cover (&board);
  add_summary (&board);
  add_items (&board);
  add_benchmarks (&board);
  add_suppliers (&board);
  add_detection (&board);
  add_kpis (&board);
  add_recommendations (&board);
  add_appendix (&board);

  return board.page;
}
