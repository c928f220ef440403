/* cb-chart.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "cb-chart-private.h"

/* English first, Japanese second. */
static const char *const words[CB_WORD_N][2] = {
  [CB_WORD_NO_DATA] = { "No data", "データなし" },
  [CB_WORD_NO_VALUE] = { "no value", "値なし" },
  [CB_WORD_THIS_PERIOD] = { "This period", "今期" },
  [CB_WORD_PREVIOUS_PERIOD] = { "Previous period", "前期" },
  [CB_WORD_TARGET] = { "Target", "目標" },
  [CB_WORD_LEVEL] = { "Level", "レベル" },
  [CB_WORD_RADAR_TITLE] = { "Maturity of the ten guideline items (levels 0–5)",
                            "ガイドライン重要10項目の成熟度（レベル0〜5）" },
  [CB_WORD_DWELL_TITLE] = { "Median dwell time against the global median",
                            "検知までの日数の中央値と世界の中央値" },
  [CB_WORD_DWELL_AXIS] = { "Median dwell time (days)", "検知までの日数の中央値（日）" },
  [CB_WORD_OUR_MEDIAN] = { "Our median", "自社の中央値" },
  [CB_WORD_GLOBAL_MEDIAN] = { "Global median (M-Trends)", "世界の中央値（M-Trends）" },
  [CB_WORD_SMALL_SAMPLE] = { "Fewer than 5 incidents", "インシデント5件未満" },
  [CB_WORD_MATRIX_TITLE] = { "Supplier risk matrix: suppliers by criticality and latest score",
                             "取引先リスクマトリクス：重要度と直近のスコア別の取引先数" },
  [CB_WORD_CRITICALITY] = { "Criticality", "重要度" },
  [CB_WORD_LATEST_SCORE] = { "Latest score", "直近のスコア" },
  [CB_WORD_NOT_ASSESSED] = { "Not assessed", "未評価" },
  [CB_WORD_HIGH] = { "High", "高" },
  [CB_WORD_MEDIUM] = { "Medium", "中" },
  [CB_WORD_LOW] = { "Low", "低" },
  [CB_WORD_BANDS_TITLE] = { "Assessed suppliers by score band and criticality",
                            "スコア帯・重要度別の評価済み取引先数" },
  [CB_WORD_SUPPLIERS] = { "Suppliers", "取引先数" },
  [CB_WORD_BENCHMARKS_TITLE] = { "Benchmark totals as a share of the maximum score",
                                 "ベンチマーク合計点の満点に対する割合" },
  [CB_WORD_SHARE_OF_MAXIMUM] = { "Share of the maximum score (%)", "満点に対する割合（%）" },
  [CB_WORD_RATINGS_TITLE] = { "Board effectiveness evaluation: rating per criterion",
                              "取締役会実効性評価：評価項目ごとの評点" },
  [CB_WORD_NOT_RATED] = { "Not rated", "未評価" },
  [CB_WORD_HIGHER_IS_BETTER] = { "higher is better", "高いほど良い" },
  [CB_WORD_LOWER_IS_BETTER] = { "lower is better", "低いほど良い" },
  [CB_WORD_RAG_GREY] = { "no status", "判定なし" },
  [CB_WORD_RAG_RED] = { "red", "赤" },
  [CB_WORD_RAG_AMBER] = { "amber", "黄" },
  [CB_WORD_RAG_GREEN] = { "green", "緑" },
};

gboolean
cb_chart_is_ja (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "ja");
}

const char *
cb_chart_word (CbChartWord  word,
               const char  *lang)
{
  g_return_val_if_fail (word < CB_WORD_N, "");

  return words[word][cb_chart_is_ja (lang) ? 1 : 0];
}

char *
cb_chart_format_number (double   value,
                        int      decimals,
                        gboolean trim)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  GString *text;
  const char *point;
  gsize n_int;
  gboolean zero = TRUE;

  if (!isfinite (value))
    return g_strdup ("—");

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  if (trim && strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  for (const char *c = buffer; *c != '\0'; c++)
    if (*c >= '1' && *c <= '9')
      zero = FALSE;

  text = g_string_new (value < 0 && !zero ? "−" : "");
  point = strchr (buffer, '.');
  n_int = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, buffer[i]);
    }
  if (point != NULL)
    g_string_append (text, point);

  return g_string_free (text, FALSE);
}

char *
cb_chart_format_quantity (double      value,
                          const char *unit,
                          const char *lang)
{
  g_autofree char *number = NULL;
  gboolean ja = cb_chart_is_ja (lang);

  if (g_strcmp0 (unit, "JPY") == 0)
    {
      number = cb_chart_format_number (value, 0, TRUE);
      return ja ? g_strdup_printf ("%s円", number) : g_strdup_printf ("¥%s", number);
    }

  number = cb_chart_format_number (value, g_strcmp0 (unit, "ratio") == 0 ? 2 : 1, TRUE);

  if (unit == NULL || *unit == '\0' || g_str_equal (unit, "ratio"))
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strdup_printf ("%s%%", number);
  if (g_str_equal (unit, "count"))
    return ja ? g_strdup_printf ("%s件", number) : g_steal_pointer (&number);
  if (g_str_equal (unit, "days"))
    return ja ? g_strdup_printf ("%s日", number)
              : g_strdup_printf ("%s %s", number, value == 1 ? "day" : "days");
  if (g_str_equal (unit, "hours"))
    return ja ? g_strdup_printf ("%s時間", number)
              : g_strdup_printf ("%s %s", number, value == 1 ? "hour" : "hours");

  return g_strdup_printf ("%s %s", number, unit);
}

void
cb_chart_append_optional (GString    *text,
                          CbOptional  value,
                          const char *unit,
                          const char *lang)
{
  if (value.valid)
    {
      g_autofree char *quantity = cb_chart_format_quantity (value.value, unit, lang);

      g_string_append (text, quantity);
    }
  else
    {
      g_string_append (text, cb_chart_word (CB_WORD_NO_VALUE, lang));
    }
}

void
cb_chart_nice_ticks (double    lo,
                     double    hi,
                     guint     intervals,
                     gboolean  integers,
                     CbTicks  *ticks)
{
  double raw, magnitude, norm, step, last;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (!(hi > lo))
    hi = lo + 1;

  raw = (hi - lo) / MAX (intervals, 1);
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;

  if (norm <= 1)
    step = 1;
  else if (norm <= 2)
    step = 2;
  else if (norm <= 2.5 && !(integers && magnitude < 10))
    step = 2.5;
  else if (norm <= 5)
    step = 5;
  else
    step = 10;

  step *= magnitude;
  if (integers)
    step = MAX (step, 1);

  ticks->step = step;
  ticks->first = floor (lo / step + 1e-9) * step;
  last = ceil (hi / step - 1e-9) * step;
  ticks->n = (guint) lround ((last - ticks->first) / step) + 1;

  ticks->decimals = 0;
  while (ticks->decimals < 9)
    {
      double scaled = step * pow (10, ticks->decimals);

      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
      ticks->decimals++;
    }
}

double
cb_ticks_last (const CbTicks *ticks)
{
  return ticks->first + ticks->step * (ticks->n - 1);
}

double
cb_ticks_fraction (const CbTicks *ticks,
                   double         value)
{
  double span = cb_ticks_last (ticks) - ticks->first;

  return span > 0 ? (value - ticks->first) / span : 0;
}

gboolean
cb_rect_contains (const CbRect *rect,
                  double        x,
                  double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

void
cb_chart_layout_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
cb_chart_show_layout (cairo_t       *cr,
                      PangoLayout   *layout,
                      const CbColor *color,
                      double         x,
                      double         y,
                      double         ax,
                      double         ay)
{
  PangoRectangle logical;
  double width, height;

  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  cairo_save (cr);
  cb_theme_set_color (cr, color);
  cairo_move_to (cr,
                 x - ax * width - (double) logical.x / PANGO_SCALE,
                 y - ay * height - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

char *
cb_chart_describe_items (const char          *title,
                         const char          *lang,
                         gboolean             has_data,
                         guint                n_items,
                         CbChartDescribeItem  describe_item,
                         gconstpointer        data)
{
  gboolean ja = cb_chart_is_ja (lang);
  GString *text = g_string_new (title);

  if (text->len > 0)
    g_string_append (text, ja ? "。" : ". ");

  if (!has_data)
    {
      g_string_append (text, cb_chart_word (CB_WORD_NO_DATA, lang));
      g_string_append (text, ja ? "。" : ".");
      return g_string_free (text, FALSE);
    }

  /* Japanese sentences run on without a space after the full stop. */
  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0 && !ja)
        g_string_append_c (text, ' ');
      describe_item (text, data, i);
    }

  return g_string_free (text, FALSE);
}

void
cb_chart_draw_no_data (cairo_t       *cr,
                       PangoContext  *context,
                       const CbRect  *area,
                       const CbTheme *theme,
                       const char    *lang)
{
  g_autoptr(PangoLayout) layout = NULL;

  layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                   cb_chart_word (CB_WORD_NO_DATA, lang));
  pango_layout_set_width (layout, (int) (area->width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cb_chart_show_layout (cr, layout, &theme->muted,
                        area->x + area->width / 2, area->y + area->height / 2, 0.5, 0.5);
}

void
cb_chart_draw (cairo_t           *cr,
               const CbRect      *area,
               const char        *lang,
               gconstpointer      data,
               const CbTheme     *theme,
               CbChartLayoutFunc  layout,
               CbChartDrawFunc    draw,
               gpointer           geometry)
{
  PangoContext *context;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (theme != NULL);

  context = cb_theme_create_context (lang);
  if (layout (context, area, data, theme, geometry))
    draw (cr, context, area, geometry, data, theme);
  else
    cb_chart_draw_no_data (cr, context, area, theme, lang);
  g_object_unref (context);
}

gboolean
cb_chart_measure (const CbRect      *area,
                  const char        *lang,
                  gconstpointer      data,
                  const CbTheme     *theme,
                  CbChartLayoutFunc  layout,
                  gpointer           geometry)
{
  PangoContext *context = cb_theme_create_context (lang);
  gboolean laid_out = layout (context, area, data, theme, geometry);

  g_object_unref (context);

  return laid_out;
}

static double
legend_sample_width (const CbTheme      *theme,
                     const CbLegendItem *item,
                     double              text_height)
{
  switch (item->kind)
    {
    case CB_LEGEND_LINE:
      return theme->gap * 3.5;
    case CB_LEGEND_MARKER:
      return theme->marker_size * 1.5;
    case CB_LEGEND_SWATCH:
      return text_height * 0.7;
    case CB_LEGEND_TICK:
      return theme->line_width * 2;
    default:
      g_assert_not_reached ();
    }
}

static void
legend_sample (cairo_t            *cr,
               const CbTheme      *theme,
               const CbLegendItem *item,
               double              x,
               double              y,
               double              width,
               double              text_height)
{
  const CbSeriesStyle *style = &theme->series[item->series];

  switch (item->kind)
    {
    case CB_LEGEND_LINE:
      cairo_save (cr);
      cb_theme_set_series (cr, theme, item->series);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + width, y);
      cairo_stroke (cr);
      cairo_restore (cr);
      cb_theme_draw_marker (cr, theme, style->marker, &style->color,
                            x + width / 2, y, theme->marker_size, item->hollow);
      break;

    case CB_LEGEND_MARKER:
      cb_theme_draw_marker (cr, theme, style->marker, &style->color,
                            x + width / 2, y, theme->marker_size, item->hollow);
      break;

    case CB_LEGEND_SWATCH:
      cb_theme_set_color (cr, &item->color);
      cairo_rectangle (cr, x, y - width / 2, width, width);
      cairo_fill (cr);
      break;

    case CB_LEGEND_TICK:
      cb_theme_set_color (cr, &style->color);
      cairo_rectangle (cr, x, y - text_height * 0.45, width, text_height * 0.9);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

double
cb_chart_legend (cairo_t            *cr,
                 PangoContext       *context,
                 const CbTheme      *theme,
                 double              x,
                 double              y,
                 double              width,
                 const CbLegendItem *items,
                 guint               n_items)
{
  double cx = x;
  double cy = y;
  double row_height = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double text_width, text_height, sample, item_width;

      layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, items[i].label);
      cb_chart_layout_size (layout, &text_width, &text_height);
      sample = legend_sample_width (theme, &items[i], text_height);
      item_width = sample + theme->gap * 0.6 + text_width;

      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          cy += row_height + theme->gap * 0.3;
          row_height = 0;
        }

      if (cr != NULL)
        {
          legend_sample (cr, theme, &items[i], cx, cy + text_height / 2, sample, text_height);
          cb_chart_show_layout (cr, layout, &theme->foreground,
                                cx + sample + theme->gap * 0.6, cy, 0, 0);
        }

      row_height = MAX (row_height, text_height);
      cx += item_width + theme->gap * 2;
    }

  return n_items > 0 ? cy + row_height - y : 0;
}

static PangoLayout *
tick_label (PangoContext  *context,
            const CbTheme *theme,
            const CbTicks *ticks,
            guint          i)
{
  g_autofree char *text = cb_chart_format_number (ticks->first + i * ticks->step,
                                                  ticks->decimals, FALSE);

  return cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, text);
}

double
cb_chart_tick_label_width (PangoContext  *context,
                           const CbTheme *theme,
                           const CbTicks *ticks)
{
  double widest = 0;

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autoptr(PangoLayout) layout = tick_label (context, theme, ticks, i);
      double width;

      cb_chart_layout_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

void
cb_chart_draw_value_axis (cairo_t       *cr,
                          PangoContext  *context,
                          const CbTheme *theme,
                          const CbRect  *plot,
                          const CbTicks *ticks,
                          gboolean       horizontal)
{
  cairo_save (cr);
  cairo_set_line_width (cr, theme->grid_width);

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autoptr(PangoLayout) layout = tick_label (context, theme, ticks, i);
      double f = ticks->n > 1 ? (double) i / (ticks->n - 1) : 0;
      gboolean zero = fabs (ticks->first + i * ticks->step) < ticks->step * 1e-6;

      cb_theme_set_color (cr, zero ? &theme->axis : &theme->grid);

      if (horizontal)
        {
          double x = plot->x + f * plot->width;

          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height);
          cairo_stroke (cr);
          cb_chart_show_layout (cr, layout, &theme->muted,
                                x, plot->y + plot->height + theme->gap * 0.4, 0.5, 0);
        }
      else
        {
          double y = plot->y + plot->height - f * plot->height;

          cairo_move_to (cr, plot->x, y);
          cairo_line_to (cr, plot->x + plot->width, y);
          cairo_stroke (cr);
          cb_chart_show_layout (cr, layout, &theme->muted,
                                plot->x - theme->gap * 0.6, y, 1, 0.5);
        }
    }

  cairo_restore (cr);
}
