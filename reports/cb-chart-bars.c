/* cb-chart-bars.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "cb-chart-private.h"

#define LABEL_LINES 2
#define MAX_LEGEND  8

typedef struct
{
  double  title_y;
  CbRect  plot;
  CbTicks ticks;
  double  label_size;   /* the width of a horizontal chart's category labels */
} BarGeometry;

CbBarData *
cb_chart_bars_data_new (const char *lang,
                        guint       n_bars,
                        guint       n_series)
{
  CbBarData *data = g_new0 (CbBarData, 1);

  data->lang = g_strdup (lang);
  data->n_series = n_series;
  data->series_labels = g_new0 (char *, n_series + 1);
  data->bars = g_new0 (CbBar, n_bars);
  data->n_bars = n_bars;
  data->marker_series = CB_SERIES_PREVIOUS;

  for (guint i = 0; i < n_bars; i++)
    data->bars[i].values = g_new0 (CbOptional, n_series);

  return data;
}

void
cb_chart_bars_data_free (CbBarData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_bars; i++)
    {
      g_free (data->bars[i].label);
      g_free (data->bars[i].values);
      g_free (data->bars[i].value_text);
    }
  g_free (data->bars);
  g_strfreev (data->series_labels);
  g_free (data->lang);
  g_free (data->title);
  g_free (data->axis_title);
  g_free (data->unit);
  g_free (data->marker_label);
  g_free (data);
}

CbBarData *
cb_chart_bars_data_from_supplier_bands (const CbSnapshot *snapshot,
                                        const char       *lang)
{
  static const char *const bands[CB_SCORE_BANDS] = { "<50", "50–70", "70–85", "≥85" };
  static const CbChartWord criticalities[CB_CRITICALITIES] = {
    CB_WORD_HIGH, CB_WORD_MEDIUM, CB_WORD_LOW,
  };
  CbBarData *data;

  g_return_val_if_fail (snapshot != NULL, NULL);

  data = cb_chart_bars_data_new (lang, CB_SCORE_BANDS, CB_CRITICALITIES);
  data->title = g_strdup (cb_chart_word (CB_WORD_BANDS_TITLE, lang));
  data->axis_title = g_strdup (cb_chart_word (CB_WORD_SUPPLIERS, lang));

  for (guint s = 0; s < CB_CRITICALITIES; s++)
    data->series_labels[s] = g_strdup (cb_chart_word (criticalities[s], lang));

  for (guint b = 0; b < CB_SCORE_BANDS; b++)
    {
      data->bars[b].label = g_strdup (bands[b]);
      for (guint s = 0; s < CB_CRITICALITIES; s++)
        data->bars[b].values[s] = CB_OPTIONAL (snapshot->suppliers.risk_matrix[s][b]);
    }

  return data;
}

CbBarData *
cb_chart_bars_data_from_benchmarks (const CbSnapshot *snapshot,
                                    const char       *lang)
{
  gboolean ja = cb_chart_is_ja (lang);
  CbBarData *data;
  guint n;

  g_return_val_if_fail (snapshot != NULL, NULL);

  n = snapshot->benchmarks != NULL ? snapshot->benchmarks->len : 0;
  data = cb_chart_bars_data_new (lang, n, 1);
  data->title = g_strdup (cb_chart_word (CB_WORD_BENCHMARKS_TITLE, lang));
  data->axis_title = g_strdup (cb_chart_word (CB_WORD_SHARE_OF_MAXIMUM, lang));
  data->unit = g_strdup ("%");
  data->horizontal = TRUE;
  data->axis_max = CB_OPTIONAL (100);
  data->series_labels[0] = g_strdup (cb_chart_word (CB_WORD_THIS_PERIOD, lang));
  data->marker_label = g_strdup (cb_chart_word (CB_WORD_PREVIOUS_PERIOD, lang));
  data->marker_series = CB_SERIES_PREVIOUS;

  for (guint i = 0; i < n; i++)
    {
      const CbSnapshotBenchmark *benchmark = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, i);
      const char *name = ja ? benchmark->name_ja : benchmark->name_en;
      CbBar *bar = &data->bars[i];

      bar->label = g_strdup (name != NULL ? name : benchmark->code);
      if (!benchmark->max.valid || benchmark->max.value <= 0)
        continue;

      if (benchmark->total.valid)
        {
          g_autofree char *share = NULL;
          g_autofree char *total = cb_chart_format_number (benchmark->total.value, 1, TRUE);
          g_autofree char *max = cb_chart_format_number (benchmark->max.value, 1, TRUE);

          bar->values[0] = CB_OPTIONAL (benchmark->total.value / benchmark->max.value * 100);
          share = cb_chart_format_quantity (bar->values[0].value, "%", lang);
          bar->value_text = g_strdup_printf ("%s (%s / %s)", share, total, max);
        }
      if (benchmark->previous_total.valid)
        bar->marker = CB_OPTIONAL (benchmark->previous_total.value / benchmark->max.value * 100);
    }

  return data;
}

static CbOptional
bar_total (const CbBarData *data,
           const CbBar     *bar)
{
  CbOptional total = CB_OPTIONAL_NONE;

  for (guint s = 0; s < data->n_series; s++)
    if (bar->values[s].valid)
      total = CB_OPTIONAL ((total.valid ? total.value : 0) + bar->values[s].value);

  return total;
}

static gboolean
has_data (const CbBarData *data)
{
  for (guint i = 0; i < data->n_bars; i++)
    if (bar_total (data, &data->bars[i]).valid || data->bars[i].marker.valid)
      return TRUE;

  return FALSE;
}

static CbColor
series_color (const CbBarData *data,
              const CbTheme   *theme,
              guint            series)
{
  const CbColor *color = &theme->series[CB_SERIES_CURRENT].color;

  /* Stacked series step towards the background, so they stay ordered in grey as well. */
  if (data->n_series < 2)
    return *color;

  return cb_color_mix (color, &theme->background, 0.7 * series / (data->n_series - 1));
}

static guint
legend_items (const CbBarData *data,
              const CbTheme   *theme,
              CbLegendItem    *items)
{
  gboolean markers = FALSE;
  guint n = 0;

  if (data->n_series > 1)
    for (guint s = 0; s < data->n_series && n < MAX_LEGEND - 2; s++)
      items[n++] = (CbLegendItem) { .kind = CB_LEGEND_SWATCH, .color = series_color (data, theme, s),
                                    .label = data->series_labels[s] != NULL ? data->series_labels[s] : "" };

  for (guint i = 0; i < data->n_bars; i++)
    markers = markers || data->bars[i].marker.valid;

  if (markers && data->marker_label != NULL)
    {
      if (data->n_series == 1 && data->series_labels[0] != NULL)
        items[n++] = (CbLegendItem) { .kind = CB_LEGEND_SWATCH, .color = series_color (data, theme, 0),
                                      .label = data->series_labels[0] };
      items[n++] = (CbLegendItem) { .kind = CB_LEGEND_TICK, .series = data->marker_series,
                                    .label = data->marker_label };
    }

  return n;
}

static gboolean
all_integers (const CbBarData *data)
{
  for (guint i = 0; i < data->n_bars; i++)
    for (guint s = 0; s < data->n_series; s++)
      if (data->bars[i].values[s].valid
          && fabs (data->bars[i].values[s].value - round (data->bars[i].values[s].value)) > 1e-9)
        return FALSE;

  return TRUE;
}

static PangoLayout *
category_layout (PangoContext    *context,
                 const CbBarData *data,
                 const CbTheme   *theme,
                 guint            i,
                 double           width)
{
  PangoLayout *layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, data->bars[i].label);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -LABEL_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, data->horizontal ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);

  return layout;
}

static PangoLayout *
value_layout (PangoContext    *context,
              const CbBarData *data,
              const CbTheme   *theme,
              guint            i)
{
  const CbBar *bar = &data->bars[i];
  g_autofree char *text = NULL;
  CbOptional total = bar_total (data, bar);

  if (bar->value_text != NULL)
    text = g_strdup (bar->value_text);
  else if (total.valid)
    text = cb_chart_format_quantity (total.value, data->unit, data->lang);
  else
    text = g_strdup ("–");

  return cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, text);
}

static gboolean
layout_bars (PangoContext    *context,
             const CbRect    *area,
             const CbBarData *data,
             const CbTheme   *theme,
             BarGeometry     *geometry)
{
  CbLegendItem items[MAX_LEGEND];
  guint n_items;
  double top, hi = 0, value_width = 0, value_height = 0, tick_height;

  if (!has_data (data))
    return FALSE;

  n_items = legend_items (data, theme, items);
  top = area->y + cb_chart_legend (NULL, context, theme, area->x, area->y, area->width,
                                   items, n_items);
  if (n_items > 0)
    top += theme->gap * 1.2;

  geometry->title_y = top;
  if (data->axis_title != NULL)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->axis_title);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      top += height + theme->gap * 0.8;
    }

  for (guint i = 0; i < data->n_bars; i++)
    {
      g_autoptr(PangoLayout) layout = value_layout (context, data, theme, i);
      CbOptional total = bar_total (data, &data->bars[i]);
      double width, height;

      if (total.valid)
        hi = MAX (hi, total.value);
      if (data->bars[i].marker.valid)
        hi = MAX (hi, data->bars[i].marker.value);
      cb_chart_layout_size (layout, &width, &height);
      value_width = MAX (value_width, width);
      value_height = MAX (value_height, height);
    }

  if (data->axis_max.valid)
    hi = MAX (hi, data->axis_max.value);
  cb_chart_nice_ticks (0, hi, data->horizontal ? 5 : 4, all_integers (data), &geometry->ticks);

  {
    g_autoptr(PangoLayout) tick = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, "0");

    cb_chart_layout_size (tick, NULL, &tick_height);
  }

  if (data->horizontal)
    {
      geometry->label_size = MIN (area->width * 0.3, theme->fonts[CB_FONT_CHART].size * 16);
      geometry->plot.x = area->x + geometry->label_size + theme->gap;
      geometry->plot.y = top;
      geometry->plot.width = area->x + area->width - geometry->plot.x - value_width - theme->gap * 0.6;
      geometry->plot.height = area->y + area->height - top - tick_height - theme->gap * 0.4;
    }
  else
    {
      double label_height = 0;
      double column;

      geometry->plot.x = area->x + cb_chart_tick_label_width (context, theme, &geometry->ticks)
                         + theme->gap * 0.6;
      geometry->plot.width = area->x + area->width - geometry->plot.x;
      column = geometry->plot.width / MAX (data->n_bars, 1);

      for (guint i = 0; i < data->n_bars; i++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          double height;

          layout = category_layout (context, data, theme, i, column - theme->gap * 0.5);
          cb_chart_layout_size (layout, NULL, &height);
          label_height = MAX (label_height, height);
        }

      /* Room above the tallest bar for its value. */
      geometry->plot.y = top + value_height + theme->gap * 0.3;
      geometry->plot.height = area->y + area->height - geometry->plot.y - label_height - theme->gap * 0.4;
    }

  geometry->plot.width = MAX (geometry->plot.width, 1);
  geometry->plot.height = MAX (geometry->plot.height, 1);

  return TRUE;
}

/* The slot of bar @i along the category axis, and the thickness of its bar. */
static void
bar_slot (const BarGeometry *geometry,
          const CbBarData   *data,
          guint              i,
          double            *start,
          double            *size)
{
  double length = data->horizontal ? geometry->plot.height : geometry->plot.width;
  double origin = data->horizontal ? geometry->plot.y : geometry->plot.x;

  *size = length / data->n_bars;
  *start = origin + *size * i;
}

static void
value_span (const BarGeometry *geometry,
            const CbBarData   *data,
            double             from,
            double             to,
            double             slot_start,
            double             thickness,
            CbRect            *rect)
{
  double f0 = CLAMP (cb_ticks_fraction (&geometry->ticks, from), 0, 1);
  double f1 = CLAMP (cb_ticks_fraction (&geometry->ticks, to), 0, 1);

  if (data->horizontal)
    *rect = (CbRect) { geometry->plot.x + f0 * geometry->plot.width, slot_start,
                       (f1 - f0) * geometry->plot.width, thickness };
  else
    *rect = (CbRect) { slot_start, geometry->plot.y + geometry->plot.height - f1 * geometry->plot.height,
                       thickness, (f1 - f0) * geometry->plot.height };
}

static void
draw_bar (cairo_t           *cr,
          PangoContext      *context,
          const BarGeometry *geometry,
          const CbBarData   *data,
          const CbTheme     *theme,
          guint              i)
{
  const CbBar *bar = &data->bars[i];
  g_autoptr(PangoLayout) value = value_layout (context, data, theme, i);
  double slot, size, thickness, stacked = 0;
  CbRect rect = { 0 };

  bar_slot (geometry, data, i, &slot, &size);
  thickness = MIN (size * 0.6, theme->fonts[CB_FONT_CHART].size * 3.5);
  slot += (size - thickness) / 2;

  cairo_save (cr);
  for (guint s = 0; s < data->n_series; s++)
    {
      CbColor color = series_color (data, theme, s);

      if (!bar->values[s].valid || bar->values[s].value <= 0)
        continue;

      value_span (geometry, data, stacked, stacked + bar->values[s].value, slot, thickness, &rect);
      stacked += bar->values[s].value;
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cb_theme_set_color (cr, &color);
      cairo_fill_preserve (cr);
      /* A hairline of background between stacked segments. */
      cb_theme_set_color (cr, &theme->background);
      cairo_set_line_width (cr, theme->grid_width);
      cairo_stroke (cr);
    }

  if (bar->marker.valid)
    {
      const CbSeriesStyle *style = &theme->series[data->marker_series];
      double overhang = thickness * 0.2;

      value_span (geometry, data, 0, bar->marker.value, slot, thickness, &rect);
      cb_theme_set_color (cr, &style->color);
      cairo_set_line_width (cr, theme->line_width * 2);
      if (data->horizontal)
        {
          cairo_move_to (cr, rect.x + rect.width, slot - overhang);
          cairo_line_to (cr, rect.x + rect.width, slot + thickness + overhang);
        }
      else
        {
          cairo_move_to (cr, slot - overhang, rect.y);
          cairo_line_to (cr, slot + thickness + overhang, rect.y);
        }
      cairo_stroke (cr);
    }

  /* The figure goes past the bar or its marker, whichever reaches further. */
  value_span (geometry, data, 0, MAX (stacked, bar->marker.valid ? bar->marker.value : 0),
              slot, thickness, &rect);
  if (data->horizontal)
    cb_chart_show_layout (cr, value, &theme->foreground,
                          rect.x + rect.width + theme->line_width + theme->gap * 0.4,
                          slot + thickness / 2, 0, 0.5);
  else
    cb_chart_show_layout (cr, value, &theme->foreground, slot + thickness / 2,
                          rect.y - theme->line_width - theme->gap * 0.3, 0.5, 1);
  cairo_restore (cr);
}

static void
draw_bars (cairo_t           *cr,
           PangoContext      *context,
           const CbRect      *area,
           const BarGeometry *geometry,
           const CbBarData   *data,
           const CbTheme     *theme)
{
  CbLegendItem items[MAX_LEGEND];
  guint n_items = legend_items (data, theme, items);

  cb_chart_legend (cr, context, theme, area->x, area->y, area->width, items, n_items);

  if (data->axis_title != NULL)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->axis_title);

      pango_layout_set_width (layout, (int) (area->width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cb_chart_show_layout (cr, layout, &theme->foreground,
                            data->horizontal ? geometry->plot.x : area->x, geometry->title_y, 0, 0);
    }

  cb_chart_draw_value_axis (cr, context, theme, &geometry->plot, &geometry->ticks, data->horizontal);

  for (guint i = 0; i < data->n_bars; i++)
    {
      double slot, size;

      bar_slot (geometry, data, i, &slot, &size);
      if (data->horizontal)
        {
          g_autoptr(PangoLayout) layout = category_layout (context, data, theme, i, geometry->label_size);

          cb_chart_show_layout (cr, layout, &theme->foreground, geometry->plot.x - theme->gap,
                                slot + size / 2, 1, 0.5);
        }
      else
        {
          g_autoptr(PangoLayout) layout = category_layout (context, data, theme, i, size - theme->gap * 0.5);

          cb_chart_show_layout (cr, layout, &theme->foreground, slot + size / 2,
                                geometry->plot.y + geometry->plot.height + theme->gap * 0.4, 0.5, 0);
        }

      draw_bar (cr, context, geometry, data, theme, i);
    }
}

void
cb_chart_bars_draw (cairo_t         *cr,
                    const CbRect    *area,
                    const CbBarData *data,
                    const CbTheme   *theme)
{
  BarGeometry geometry;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_bars, (CbChartDrawFunc) draw_bars, &geometry);
}

static void
describe_bar (GString      *text,
              gconstpointer item_data,
              guint         index)
{
  const CbBarData *data = item_data;
  gboolean ja = cb_chart_is_ja (data->lang);
  const CbBar *bar = &data->bars[index];

  g_string_append_printf (text, ja ? "%s：" : "%s: ", bar->label);
  if (bar->value_text != NULL)
    g_string_append (text, bar->value_text);
  else
    cb_chart_append_optional (text, bar_total (data, bar), data->unit, data->lang);

  if (data->n_series > 1)
    {
      g_string_append (text, ja ? "（" : " (");
      for (guint s = 0; s < data->n_series; s++)
        {
          if (s > 0)
            g_string_append (text, ja ? "、" : ", ");
          if (data->series_labels[s] != NULL)
            g_string_append_printf (text, "%s ", data->series_labels[s]);
          cb_chart_append_optional (text, bar->values[s], data->unit, data->lang);
        }
      g_string_append (text, ja ? "）" : ")");
    }

  if (bar->marker.valid && data->marker_label != NULL)
    {
      g_string_append_printf (text, ja ? "、%s " : "; %s ", data->marker_label);
      cb_chart_append_optional (text, bar->marker, data->unit, data->lang);
    }
  g_string_append (text, ja ? "。" : ".");
}

char *
cb_chart_bars_describe (const CbBarData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return cb_chart_describe_items (data->title, data->lang, has_data (data), data->n_bars,
                                  describe_bar, data);
}
