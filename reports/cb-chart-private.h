/* cb-chart-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "cb-chart.h"

G_BEGIN_DECLS

/* The words charts write themselves. Reports have their own language, independent of the
 * user interface's, so these come from a table instead of gettext.
 */
typedef enum
{
  CB_WORD_NO_DATA,
  CB_WORD_NO_VALUE,
  CB_WORD_THIS_PERIOD,
  CB_WORD_PREVIOUS_PERIOD,
  CB_WORD_TARGET,
  CB_WORD_LEVEL,
  CB_WORD_RADAR_TITLE,
  CB_WORD_DWELL_TITLE,
  CB_WORD_DWELL_AXIS,
  CB_WORD_OUR_MEDIAN,
  CB_WORD_GLOBAL_MEDIAN,
  CB_WORD_SMALL_SAMPLE,
  CB_WORD_MATRIX_TITLE,
  CB_WORD_CRITICALITY,
  CB_WORD_LATEST_SCORE,
  CB_WORD_NOT_ASSESSED,
  CB_WORD_HIGH,
  CB_WORD_MEDIUM,
  CB_WORD_LOW,
  CB_WORD_BANDS_TITLE,
  CB_WORD_SUPPLIERS,
  CB_WORD_BENCHMARKS_TITLE,
  CB_WORD_SHARE_OF_MAXIMUM,
  CB_WORD_RATINGS_TITLE,
  CB_WORD_NOT_RATED,
  CB_WORD_HIGHER_IS_BETTER,
  CB_WORD_LOWER_IS_BETTER,
  CB_WORD_RAG_GREY,     /* in CbRag's order */
  CB_WORD_RAG_RED,
  CB_WORD_RAG_AMBER,
  CB_WORD_RAG_GREEN,
  CB_WORD_N,
} CbChartWord;

const char *cb_chart_word              (CbChartWord        word,
                                        const char        *lang);
gboolean    cb_chart_is_ja             (const char        *lang);

/* @decimals digits after the point, without trailing zeros when @trim; thousands grouped;
 * a real minus sign.
 */
char       *cb_chart_format_number     (double             value,
                                        int                decimals,
                                        gboolean           trim);
/* The quantity, or the "no value" word. */
void        cb_chart_append_optional   (GString           *text,
                                        CbOptional         value,
                                        const char        *unit,
                                        const char        *lang);

/* Ticks first, first + step, … over about @intervals steps of 1, 2, 2.5 or 5 times a power
 * of ten that cover [lo, hi]; only whole steps when @integers.
 */
typedef struct
{
  double first;
  double step;
  guint  n;
  int    decimals;
} CbTicks;

void        cb_chart_nice_ticks        (double             lo,
                                        double             hi,
                                        guint              intervals,
                                        gboolean           integers,
                                        CbTicks           *ticks);
double      cb_ticks_last              (const CbTicks     *ticks);
/* Where @value lies between the first and the last tick, as a fraction. */
double      cb_ticks_fraction          (const CbTicks     *ticks,
                                        double             value);

gboolean    cb_rect_contains           (const CbRect      *rect,
                                        double             x,
                                        double             y);

/* The logical size of @layout in user units. */
void        cb_chart_layout_size       (PangoLayout       *layout,
                                        double            *width,
                                        double            *height);
/* Draws @layout with the point (@ax, @ay) of its logical box, as fractions of its size, at
 * (@x, @y): 0, 0 puts its top left corner there, 0.5, 0.5 centres it.
 */
void        cb_chart_show_layout       (cairo_t           *cr,
                                        PangoLayout       *layout,
                                        const CbColor     *color,
                                        double             x,
                                        double             y,
                                        double             ax,
                                        double             ay);
/* Appends the description of item @index of @data to @text. */
typedef void (*CbChartDescribeItem) (GString      *text,
                                     gconstpointer data,
                                     guint         index);

/* The title, then each of the @n_items items, or the "no data" word when not @has_data. */
char       *cb_chart_describe_items    (const char         *title,
                                        const char         *lang,
                                        gboolean            has_data,
                                        guint               n_items,
                                        CbChartDescribeItem describe_item,
                                        gconstpointer       data);

void        cb_chart_draw_no_data      (cairo_t           *cr,
                                        PangoContext      *context,
                                        const CbRect      *area,
                                        const CbTheme     *theme,
                                        const char        *lang);

/* A chart's two steps. Layout measures @data in @area into the chart's own @geometry and
 * returns FALSE when there is nothing to draw; drawing then follows that geometry. Each chart
 * casts its typed functions to these.
 */
typedef gboolean (*CbChartLayoutFunc) (PangoContext      *context,
                                       const CbRect      *area,
                                       gconstpointer      data,
                                       const CbTheme     *theme,
                                       gpointer           geometry);
typedef void     (*CbChartDrawFunc)   (cairo_t           *cr,
                                       PangoContext      *context,
                                       const CbRect      *area,
                                       gconstpointer      geometry,
                                       gconstpointer      data,
                                       const CbTheme     *theme);

/* Lays @data out in a text context for @lang and draws it, or the "no data" note. */
void        cb_chart_draw              (cairo_t           *cr,
                                        const CbRect      *area,
                                        const char        *lang,
                                        gconstpointer      data,
                                        const CbTheme     *theme,
                                        CbChartLayoutFunc  layout,
                                        CbChartDrawFunc    draw,
                                        gpointer           geometry);
/* Only lays out, for hit-testing; FALSE when nothing would be drawn. */
gboolean    cb_chart_measure           (const CbRect      *area,
                                        const char        *lang,
                                        gconstpointer      data,
                                        const CbTheme     *theme,
                                        CbChartLayoutFunc  layout,
                                        gpointer           geometry);

typedef enum
{
  CB_LEGEND_LINE,    /* a stretch of the series' line with its marker */
  CB_LEGEND_MARKER,  /* the series' marker alone */
  CB_LEGEND_SWATCH,  /* a square of colour */
  CB_LEGEND_TICK,    /* a short upright stroke in the series' colour, as bars mark a value */
} CbLegendKind;

typedef struct
{
  CbLegendKind  kind;
  CbSeries      series;
  CbColor       color;    /* of a swatch */
  gboolean      hollow;
  const char   *label;
} CbLegendItem;

/* Lays out the items in rows from (@x, @y) within @width and returns the height taken; with
 * @cr NULL it only measures.
 */
double      cb_chart_legend            (cairo_t            *cr,
                                        PangoContext       *context,
                                        const CbTheme      *theme,
                                        double              x,
                                        double              y,
                                        double              width,
                                        const CbLegendItem *items,
                                        guint               n_items);

/* The widest tick label of @ticks. */
double      cb_chart_tick_label_width  (PangoContext       *context,
                                        const CbTheme      *theme,
                                        const CbTicks      *ticks);
/* Draws the gridlines of @ticks across @plot with their labels: left of it for values going
 * up, under it for values going right when @horizontal.
 */
void        cb_chart_draw_value_axis   (cairo_t            *cr,
                                        PangoContext       *context,
                                        const CbTheme      *theme,
                                        const CbRect       *plot,
                                        const CbTicks      *ticks,
                                        gboolean            horizontal);

/* Where the radar's parts go; drawing and hit-testing share it. */
typedef struct
{
  double        cx;
  double        cy;
  double        radius;
  CbRect        legend;
  CbRect       *labels;   /* one per axis */
  PangoLayout **layouts;
  guint         n_labels;
} CbRadarGeometry;

/* NULL when the data has nothing to draw. */
CbRadarGeometry *cb_chart_radar_geometry_new  (PangoContext      *context,
                                               const CbRect      *area,
                                               const CbRadarData *data,
                                               const CbTheme     *theme);
void             cb_chart_radar_geometry_free (CbRadarGeometry   *geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRadarGeometry, cb_chart_radar_geometry_free)

G_END_DECLS
