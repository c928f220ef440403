/* cb-chart-sparkline.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-chart-private.h"

CbSparklineData *
cb_chart_sparkline_data_new (const char *lang,
                             guint       n_values)
{
  CbSparklineData *data = g_new0 (CbSparklineData, 1);

  data->lang = g_strdup (lang);
  data->labels = g_new0 (char *, n_values + 1);
  data->values = g_new0 (CbOptional, n_values);
  data->n_values = n_values;

  return data;
}

void
cb_chart_sparkline_data_free (CbSparklineData *data)
{
  if (data == NULL)
    return;

  g_free (data->lang);
  g_free (data->title);
  g_free (data->unit);
  g_strfreev (data->labels);
  g_free (data->values);
  g_free (data);
}

CbSparklineData *
cb_chart_sparkline_data_from_kpi (const CbSnapshotKpi *kpi,
                                  const CbPeriod      *period,
                                  const char          *lang)
{
  CbPeriod periods[CB_KPI_HISTORY];
  CbSparklineData *data;
  const char *name;

  g_return_val_if_fail (kpi != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  name = cb_chart_is_ja (lang) ? kpi->name_ja : kpi->name_en;
  cb_period_series (period, CB_KPI_HISTORY, periods);

  data = cb_chart_sparkline_data_new (lang, CB_KPI_HISTORY);
  data->title = g_strdup (name != NULL ? name : kpi->code);
  data->unit = g_strdup (kpi->unit);
  data->target = kpi->target;

  for (guint i = 0; i < CB_KPI_HISTORY; i++)
    {
      data->labels[i] = cb_period_to_string (&periods[i]);
      data->values[i] = kpi->history[i];
    }

  return data;
}

/* Where values go: x by index, y by value between lo and hi. */
typedef struct
{
  CbRect inner;
  double lo;
  double hi;
  guint  n;
  guint  last;    /* the latest value, which is marked */
} SparkScale;

static double
spark_x (const SparkScale *scale,
         guint             i)
{
  double f = scale->n > 1 ? (double) i / (scale->n - 1) : 0.5;

  return scale->inner.x + scale->inner.width * f;
}

static double
spark_y (const SparkScale *scale,
         double            value)
{
  /* A flat history runs along the middle. */
  if (!(scale->hi > scale->lo))
    return scale->inner.y + scale->inner.height / 2;

  return scale->inner.y + scale->inner.height * (1 - (value - scale->lo) / (scale->hi - scale->lo));
}

static int
last_valid (const CbSparklineData *data)
{
  for (guint i = data->n_values; i > 0; i--)
    if (data->values[i - 1].valid)
      return i - 1;

  return -1;
}

static gboolean
layout_sparkline (PangoContext          *context,
                  const CbRect          *area,
                  const CbSparklineData *data,
                  const CbTheme         *theme,
                  SparkScale            *scale)
{
  int last = last_valid (data);
  double pad;

  if (last < 0)
    return FALSE;

  scale->lo = G_MAXDOUBLE;
  scale->hi = -G_MAXDOUBLE;
  for (guint i = 0; i < data->n_values; i++)
    if (data->values[i].valid)
      {
        scale->lo = MIN (scale->lo, data->values[i].value);
        scale->hi = MAX (scale->hi, data->values[i].value);
      }
  if (data->target.valid)
    {
      scale->lo = MIN (scale->lo, data->target.value);
      scale->hi = MAX (scale->hi, data->target.value);
    }

  scale->n = data->n_values;
  scale->last = last;
  /* Room for the end marker. */
  pad = theme->marker_size * 0.6;
  scale->inner = (CbRect) { area->x + pad, area->y + pad,
                            MAX (area->width - 2 * pad, 0), MAX (area->height - 2 * pad, 0) };

  return TRUE;
}

static void
draw_sparkline (cairo_t               *cr,
                PangoContext          *context,
                const CbRect          *area,
                const SparkScale      *scale,
                const CbSparklineData *data,
                const CbTheme         *theme)
{
  cairo_save (cr);

  if (data->target.valid)
    {
      cb_theme_set_series (cr, theme, CB_SERIES_TARGET);
      cairo_set_line_width (cr, theme->grid_width * 1.5);
      cairo_move_to (cr, area->x, spark_y (scale, data->target.value));
      cairo_line_to (cr, area->x + area->width, spark_y (scale, data->target.value));
      cairo_stroke (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, theme->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cb_theme_set_color (cr, &theme->muted);
  for (guint i = 0; i + 1 < data->n_values; i++)
    {
      if (!data->values[i].valid || !data->values[i + 1].valid)
        continue;
      cairo_move_to (cr, spark_x (scale, i), spark_y (scale, data->values[i].value));
      cairo_line_to (cr, spark_x (scale, i + 1), spark_y (scale, data->values[i + 1].value));
    }
  cairo_stroke (cr);

  /* A value between two gaps is a dot of its own. */
  for (guint i = 0; i < data->n_values; i++)
    if (data->values[i].valid && i != scale->last
        && (i == 0 || !data->values[i - 1].valid)
        && (i + 1 == data->n_values || !data->values[i + 1].valid))
      {
        cairo_arc (cr, spark_x (scale, i), spark_y (scale, data->values[i].value),
                   theme->line_width, 0, 2 * G_PI);
        cairo_fill (cr);
      }

  cairo_restore (cr);

  cb_theme_draw_marker (cr, theme, CB_MARKER_CIRCLE, &theme->series[CB_SERIES_CURRENT].color,
                        spark_x (scale, scale->last),
                        spark_y (scale, data->values[scale->last].value), theme->marker_size,
                        FALSE);
}

void
cb_chart_sparkline_draw (cairo_t               *cr,
                         const CbRect          *area,
                         const CbSparklineData *data,
                         const CbTheme         *theme)
{
  SparkScale scale;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_sparkline, (CbChartDrawFunc) draw_sparkline, &scale);
}

char *
cb_chart_sparkline_describe (const CbSparklineData *data)
{
  gboolean ja;
  GString *text;
  int last;

  g_return_val_if_fail (data != NULL, NULL);

  ja = cb_chart_is_ja (data->lang);
  last = last_valid (data);
  text = g_string_new (data->title);
  g_string_append (text, ja ? "：" : ": ");

  if (last < 0)
    {
      g_string_append (text, cb_chart_word (CB_WORD_NO_DATA, data->lang));
      g_string_append (text, ja ? "。" : ".");
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < data->n_values; i++)
    {
      if (i > 0)
        g_string_append (text, ja ? "、" : ", ");
      if (data->labels[i] != NULL)
        g_string_append_printf (text, "%s ", data->labels[i]);
      cb_chart_append_optional (text, data->values[i], data->unit, data->lang);
    }

  if (data->target.valid)
    {
      g_string_append (text, ja ? "（目標 " : " (target ");
      cb_chart_append_optional (text, data->target, data->unit, data->lang);
      g_string_append (text, ja ? "）" : ")");
    }
  g_string_append (text, ja ? "。" : ".");

  return g_string_free (text, FALSE);
}
