/* cb-chart-trend.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "cb-chart-private.h"

typedef struct
{
  CbRect  legend;
  double  title_y;
  CbRect  plot;
  CbTicks ticks;
  guint   label_stride;   /* every how many periods a label is written */
} TrendGeometry;

CbTrendData *
cb_chart_trend_data_new (const char *lang,
                         guint       n_values)
{
  CbTrendData *data = g_new0 (CbTrendData, 1);

  data->lang = g_strdup (lang);
  data->values = g_new0 (CbTrendValue, n_values);
  data->n_values = n_values;

  return data;
}

void
cb_chart_trend_data_free (CbTrendData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_values; i++)
    g_free (data->values[i].label);
  g_free (data->values);
  g_free (data->lang);
  g_free (data->title);
  g_free (data->axis_title);
  g_free (data->unit);
  g_free (data->value_label);
  g_free (data->reference_label);
  g_free (data->small_sample_label);
  g_free (data);
}

CbTrendData *
cb_chart_trend_data_from_snapshot (const CbSnapshot *snapshot,
                                   gboolean          years,
                                   const char       *lang)
{
  const CbTrendPoint *points;
  guint n;
  CbTrendData *data;

  g_return_val_if_fail (snapshot != NULL, NULL);

  points = years ? snapshot->year_trend : snapshot->quarter_trend;
  n = years ? G_N_ELEMENTS (snapshot->year_trend) : G_N_ELEMENTS (snapshot->quarter_trend);

  data = cb_chart_trend_data_new (lang, n);
  data->title = g_strdup (cb_chart_word (CB_WORD_DWELL_TITLE, lang));
  data->axis_title = g_strdup (cb_chart_word (CB_WORD_DWELL_AXIS, lang));
  data->unit = g_strdup ("days");
  data->value_label = g_strdup (cb_chart_word (CB_WORD_OUR_MEDIAN, lang));
  data->reference_label = g_strdup (cb_chart_word (CB_WORD_GLOBAL_MEDIAN, lang));
  data->small_sample_label = g_strdup (cb_chart_word (CB_WORD_SMALL_SAMPLE, lang));

  for (guint i = 0; i < n; i++)
    {
      data->values[i].label = cb_period_to_string (&points[i].period);
      data->values[i].value = points[i].stats.median_dwell_days;
      data->values[i].reference = points[i].reference_median_days;
      data->values[i].count = points[i].stats.with_known_compromise;
      data->values[i].small_sample = points[i].stats.small_sample;
    }

  return data;
}

static gboolean
has_data (const CbTrendData *data)
{
  for (guint i = 0; i < data->n_values; i++)
    if (data->values[i].value.valid || data->values[i].reference.valid)
      return TRUE;

  return FALSE;
}

static guint
legend_items (const CbTrendData *data,
              CbLegendItem      *items)
{
  gboolean values = FALSE, references = FALSE, small = FALSE;
  guint n = 0;

  for (guint i = 0; i < data->n_values; i++)
    {
      values = values || data->values[i].value.valid;
      references = references || data->values[i].reference.valid;
      small = small || (data->values[i].value.valid && data->values[i].small_sample);
    }

  if (values && data->value_label != NULL)
    items[n++] = (CbLegendItem) { .kind = CB_LEGEND_LINE, .series = CB_SERIES_CURRENT,
                                  .label = data->value_label };
  if (references && data->reference_label != NULL)
    items[n++] = (CbLegendItem) { .kind = CB_LEGEND_LINE, .series = CB_SERIES_REFERENCE,
                                  .label = data->reference_label };
  if (small && data->small_sample_label != NULL)
    items[n++] = (CbLegendItem) { .kind = CB_LEGEND_MARKER, .series = CB_SERIES_CURRENT,
                                  .hollow = TRUE, .label = data->small_sample_label };

  return n;
}

static PangoLayout *
title_layout (PangoContext      *context,
              const CbTrendData *data,
              const CbTheme     *theme,
              double             width)
{
  PangoLayout *layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, data->axis_title);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static gboolean
layout_trend (PangoContext      *context,
              const CbRect      *area,
              const CbTrendData *data,
              const CbTheme     *theme,
              TrendGeometry     *geometry)
{
  CbLegendItem items[3];
  guint n_items;
  double top, label_height = 0, widest = 0, column, hi = 0;

  if (!has_data (data))
    return FALSE;

  n_items = legend_items (data, items);
  geometry->legend = (CbRect) { area->x, area->y, area->width, 0 };
  geometry->legend.height = cb_chart_legend (NULL, context, theme, area->x, area->y,
                                             area->width, items, n_items);
  top = area->y + geometry->legend.height + (n_items > 0 ? theme->gap * 1.2 : 0);

  geometry->title_y = top;
  if (data->axis_title != NULL)
    {
      g_autoptr(PangoLayout) layout = title_layout (context, data, theme, area->width);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      top += height + theme->gap * 1.3;
    }

  for (guint i = 0; i < data->n_values; i++)
    {
      const CbTrendValue *v = &data->values[i];
      g_autoptr(PangoLayout) layout = NULL;
      double width, height;

      if (v->value.valid)
        hi = MAX (hi, v->value.value);
      if (v->reference.valid)
        hi = MAX (hi, v->reference.value);

      layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, v->label);
      cb_chart_layout_size (layout, &width, &height);
      widest = MAX (widest, width);
      label_height = MAX (label_height, height);
    }

  /* Headroom for the value written above the highest point. */
  cb_chart_nice_ticks (0, hi * 1.08, 4, FALSE, &geometry->ticks);

  geometry->plot.x = area->x + cb_chart_tick_label_width (context, theme, &geometry->ticks)
                     + theme->gap * 0.6;
  geometry->plot.y = top;
  geometry->plot.width = MAX (area->x + area->width - geometry->plot.x, 1);
  geometry->plot.height = MAX (area->y + area->height - top - label_height - theme->gap * 0.4, 1);

  column = geometry->plot.width / MAX (data->n_values, 1);
  geometry->label_stride = 1;
  while (geometry->label_stride < data->n_values
         && widest + theme->gap * 0.5 > column * geometry->label_stride)
    geometry->label_stride++;

  return TRUE;
}

static double
value_x (const TrendGeometry *geometry,
         const CbTrendData   *data,
         guint                i)
{
  return geometry->plot.x + geometry->plot.width * (i + 0.5) / data->n_values;
}

static double
value_y (const TrendGeometry *geometry,
         double               value)
{
  return geometry->plot.y + geometry->plot.height
         - cb_ticks_fraction (&geometry->ticks, value) * geometry->plot.height;
}

/* Joins neighbouring values; a missing value leaves a gap. */
static void
draw_line (cairo_t             *cr,
           const TrendGeometry *geometry,
           const CbTrendData   *data,
           const CbTheme       *theme,
           CbSeries             series)
{
  cairo_save (cr);
  cairo_new_path (cr);

  for (guint i = 0; i + 1 < data->n_values; i++)
    {
      const CbTrendValue *a = &data->values[i];
      const CbTrendValue *b = &data->values[i + 1];
      CbOptional from = series == CB_SERIES_REFERENCE ? a->reference : a->value;
      CbOptional to = series == CB_SERIES_REFERENCE ? b->reference : b->value;

      if (!from.valid || !to.valid)
        continue;
      cairo_move_to (cr, value_x (geometry, data, i), value_y (geometry, from.value));
      cairo_line_to (cr, value_x (geometry, data, i + 1), value_y (geometry, to.value));
    }

  cb_theme_set_series (cr, theme, series);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_trend (cairo_t             *cr,
            PangoContext        *context,
            const CbRect        *area,
            const TrendGeometry *geometry,
            const CbTrendData   *data,
            const CbTheme       *theme)
{
  const CbSeriesStyle *style = &theme->series[CB_SERIES_CURRENT];
  CbLegendItem items[3];
  guint n_items;

  n_items = legend_items (data, items);
  cb_chart_legend (cr, context, theme, area->x, area->y, area->width, items, n_items);

  if (data->axis_title != NULL)
    {
      g_autoptr(PangoLayout) layout = title_layout (context, data, theme, area->width);

      cb_chart_show_layout (cr, layout, &theme->foreground, area->x, geometry->title_y, 0, 0);
    }

  cb_chart_draw_value_axis (cr, context, theme, &geometry->plot, &geometry->ticks, FALSE);

  for (guint i = 0; i < data->n_values; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      /* Counted from the latest period, which is always labelled. */
      if ((data->n_values - 1 - i) % geometry->label_stride != 0)
        continue;
      layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, data->values[i].label);
      cb_chart_show_layout (cr, layout, &theme->muted, value_x (geometry, data, i),
                            geometry->plot.y + geometry->plot.height + theme->gap * 0.4, 0.5, 0);
    }

  draw_line (cr, geometry, data, theme, CB_SERIES_REFERENCE);
  draw_line (cr, geometry, data, theme, CB_SERIES_CURRENT);

  for (guint i = 0; i < data->n_values; i++)
    {
      const CbTrendValue *v = &data->values[i];
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      double x, y;

      if (!v->value.valid)
        continue;

      x = value_x (geometry, data, i);
      y = value_y (geometry, v->value.value);
      cb_theme_draw_marker (cr, theme, style->marker, &style->color, x, y,
                            theme->marker_size * 1.15, v->small_sample);

      text = cb_chart_format_number (v->value.value, 1, TRUE);
      layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, text);
      cb_chart_show_layout (cr, layout, &theme->foreground, x,
                            y - theme->marker_size * 0.7 - theme->gap * 0.2, 0.5, 1);
    }
}

void
cb_chart_trend_draw (cairo_t           *cr,
                     const CbRect      *area,
                     const CbTrendData *data,
                     const CbTheme     *theme)
{
  TrendGeometry geometry;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_trend, (CbChartDrawFunc) draw_trend, &geometry);
}

gboolean
cb_chart_trend_value_point (const CbRect      *area,
                            const CbTrendData *data,
                            const CbTheme     *theme,
                            guint              index,
                            double            *x,
                            double            *y)
{
  TrendGeometry geometry;

  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);
  g_return_val_if_fail (index < data->n_values, FALSE);

  if (!data->values[index].value.valid)
    return FALSE;

  if (!cb_chart_measure (area, data->lang, data, theme,
                         (CbChartLayoutFunc) layout_trend, &geometry))
    return FALSE;

  if (x != NULL)
    *x = value_x (&geometry, data, index);
  if (y != NULL)
    *y = value_y (&geometry, data->values[index].value.value);

  return TRUE;
}

int
cb_chart_trend_value_at (const CbRect      *area,
                         const CbTrendData *data,
                         const CbTheme     *theme,
                         double             x,
                         double             y)
{
  TrendGeometry geometry;
  double f;

  g_return_val_if_fail (area != NULL, -1);
  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (theme != NULL, -1);

  if (!cb_chart_measure (area, data->lang, data, theme,
                         (CbChartLayoutFunc) layout_trend, &geometry))
    return -1;

  /* The whole column, period label included, answers for its value. */
  if (y < geometry.plot.y || y > area->y + area->height
      || x < geometry.plot.x || x >= geometry.plot.x + geometry.plot.width)
    return -1;

  f = (x - geometry.plot.x) / geometry.plot.width;

  return MIN ((guint) (f * data->n_values), data->n_values - 1);
}

static void
append_value (GString      *text,
              gconstpointer item_data,
              guint         index)
{
  const CbTrendData *data = item_data;
  const CbTrendValue *v = &data->values[index];
  gboolean ja = cb_chart_is_ja (data->lang);

  g_string_append_printf (text, ja ? "%s：%s " : "%s: %s ", v->label,
                          data->value_label != NULL ? data->value_label : "");
  cb_chart_append_optional (text, v->value, data->unit, data->lang);

  if (v->value.valid && v->small_sample && data->small_sample_label != NULL)
    g_string_append_printf (text, ja ? "（n=%u、%s）" : " (n = %u, %s)", v->count,
                            data->small_sample_label);
  else if (v->value.valid && v->count > 0)
    g_string_append_printf (text, ja ? "（n=%u）" : " (n = %u)", v->count);

  g_string_append_printf (text, ja ? "、%s " : "; %s ",
                          data->reference_label != NULL ? data->reference_label : "");
  cb_chart_append_optional (text, v->reference, data->unit, data->lang);
  g_string_append (text, ja ? "。" : ".");
}

char *
cb_chart_trend_describe (const CbTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return cb_chart_describe_items (data->title, data->lang, has_data (data), data->n_values,
                                  append_value, data);
}

char *
cb_chart_trend_describe_value (const CbTrendData *data,
                               guint              index)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (index < data->n_values, NULL);

  text = g_string_new (NULL);
  append_value (text, data, index);

  return g_string_free (text, FALSE);
}
