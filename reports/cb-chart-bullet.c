/* cb-chart-bullet.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-chart-private.h"

typedef struct
{
  CbRect   scale;
  CbTicks  ticks;
  gboolean show_ticks;
  double   badge_x;      /* the badge's centre */
  double   badge_size;
  double   text_x;
} BulletGeometry;

CbBulletData *
cb_chart_bullet_data_new (const char *lang)
{
  CbBulletData *data = g_new0 (CbBulletData, 1);

  data->lang = g_strdup (lang);
  data->status = CB_RAG_GREY;

  return data;
}

void
cb_chart_bullet_data_free (CbBulletData *data)
{
  if (data == NULL)
    return;

  g_free (data->lang);
  g_free (data->title);
  g_free (data->unit);
  g_free (data);
}

CbBulletData *
cb_chart_bullet_data_from_kpi (const CbSnapshotKpi *kpi,
                               const char          *lang)
{
  const char *name;
  CbBulletData *data;

  g_return_val_if_fail (kpi != NULL, NULL);

  name = cb_chart_is_ja (lang) ? kpi->name_ja : kpi->name_en;
  data = cb_chart_bullet_data_new (lang);
  data->title = g_strdup (name != NULL ? name : kpi->code);
  data->unit = g_strdup (kpi->unit);
  data->direction = kpi->direction;
  data->value = kpi->value;
  data->target = kpi->target;
  data->band = kpi->band.valid ? MAX (kpi->band.value, 0) : 0;
  data->status = kpi->status;

  return data;
}

static PangoLayout *
value_layout (PangoContext       *context,
              const CbBulletData *data,
              const CbTheme      *theme)
{
  g_autofree char *text = data->value.valid
                          ? cb_chart_format_quantity (data->value.value, data->unit, data->lang)
                          : g_strdup ("–");

  return cb_theme_create_layout (theme, context, CB_FONT_CHART_VALUE, text);
}

static gboolean
layout_bullet (PangoContext       *context,
               const CbRect       *area,
               const CbBulletData *data,
               const CbTheme      *theme,
               BulletGeometry     *geometry)
{
  g_autoptr(PangoLayout) value = NULL;
  g_autoptr(PangoLayout) tick = NULL;
  double text_width, text_height, tick_height, block, band_height, total, lo = 0, hi = 0;

  if (!data->value.valid && !data->target.valid)
    return FALSE;

  value = value_layout (context, data, theme);
  cb_chart_layout_size (value, &text_width, &text_height);
  tick = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, "0");
  cb_chart_layout_size (tick, NULL, &tick_height);

  /* Room for six characters at least, so bullets stacked in a table line up. */
  geometry->badge_size = text_height * 0.8;
  block = geometry->badge_size + theme->gap * 0.4
          + MAX (text_width, theme->fonts[CB_FONT_CHART_VALUE].size * 6);
  block = MIN (block, area->width * 0.5);
  geometry->badge_x = area->x + area->width - block + geometry->badge_size / 2;
  geometry->text_x = geometry->badge_x + geometry->badge_size / 2 + theme->gap * 0.4;

  band_height = MIN (area->height, text_height * 1.6);
  geometry->show_ticks = area->height >= band_height + tick_height + theme->gap * 0.3;
  total = band_height + (geometry->show_ticks ? tick_height + theme->gap * 0.3 : 0);

  geometry->scale = (CbRect) {
    area->x,
    area->y + (area->height - total) / 2,
    MAX (area->width - block - theme->gap, 1),
    band_height,
  };

  if (data->value.valid)
    {
      lo = MIN (lo, data->value.value);
      hi = MAX (hi, data->value.value);
    }
  if (data->target.valid)
    {
      lo = MIN (lo, data->target.value - data->band);
      hi = MAX (hi, data->target.value + (data->direction == CB_DIRECTION_LOWER ? data->band : 0));
    }
  hi *= 1.1;
  if (g_strcmp0 (data->unit, "%") == 0 && hi <= 110)
    hi = MIN (hi, 100);
  cb_chart_nice_ticks (lo, hi, 4, FALSE, &geometry->ticks);

  return TRUE;
}

static double
scale_x (const BulletGeometry *geometry,
         double                value)
{
  return geometry->scale.x
         + CLAMP (cb_ticks_fraction (&geometry->ticks, value), 0, 1) * geometry->scale.width;
}

static void
fill_band (cairo_t              *cr,
           const BulletGeometry *geometry,
           const CbColor        *color,
           double                from,
           double                to)
{
  double x0 = scale_x (geometry, from);
  double x1 = scale_x (geometry, to);

  if (x1 <= x0)
    return;
  cb_theme_set_color (cr, color);
  cairo_rectangle (cr, x0, geometry->scale.y, x1 - x0, geometry->scale.height);
  cairo_fill (cr);
}

static void
draw_bullet (cairo_t              *cr,
             PangoContext         *context,
             const CbRect         *area,
             const BulletGeometry *geometry,
             const CbBulletData   *data,
             const CbTheme        *theme)
{
  g_autoptr(PangoLayout) value = value_layout (context, data, theme);
  double lo = geometry->ticks.first;
  double hi = cb_ticks_last (&geometry->ticks);
  const CbRect *s = &geometry->scale;

  cairo_save (cr);

  /* The bands run from poor to good in the KPI's direction. */
  if (!data->target.valid)
    {
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_GREY], lo, hi);
    }
  else if (data->direction == CB_DIRECTION_HIGHER)
    {
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_RED], lo, data->target.value - data->band);
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_AMBER], data->target.value - data->band,
                 data->target.value);
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_GREEN], data->target.value, hi);
    }
  else
    {
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_GREEN], lo, data->target.value);
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_AMBER], data->target.value,
                 data->target.value + data->band);
      fill_band (cr, geometry, &theme->rag_band[CB_RAG_RED], data->target.value + data->band, hi);
    }

  if (data->value.valid)
    {
      double x0 = scale_x (geometry, MIN (0, data->value.value));
      double x1 = scale_x (geometry, MAX (0, data->value.value));

      cb_theme_set_color (cr, &theme->foreground);
      cairo_rectangle (cr, x0, s->y + s->height / 3, x1 - x0, s->height / 3);
      cairo_fill (cr);
    }

  if (data->target.valid)
    {
      double x = scale_x (geometry, data->target.value);

      cb_theme_set_color (cr, &theme->foreground);
      cairo_set_line_width (cr, theme->line_width * 2);
      cairo_move_to (cr, x, s->y + s->height * 0.12);
      cairo_line_to (cr, x, s->y + s->height * 0.88);
      cairo_stroke (cr);
    }

  if (geometry->show_ticks)
    {
      CbRect axis = { s->x, s->y + s->height, s->width, 0 };

      cb_chart_draw_value_axis (cr, context, theme, &axis, &geometry->ticks, TRUE);
    }

  cb_theme_draw_rag (cr, theme, data->status, geometry->badge_x, s->y + s->height / 2,
                     geometry->badge_size);
  cb_chart_show_layout (cr, value, &theme->foreground, geometry->text_x,
                        s->y + s->height / 2, 0, 0.5);

  cairo_restore (cr);
}

void
cb_chart_bullet_draw (cairo_t            *cr,
                      const CbRect       *area,
                      const CbBulletData *data,
                      const CbTheme      *theme)
{
  BulletGeometry geometry;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_bullet, (CbChartDrawFunc) draw_bullet, &geometry);
}

char *
cb_chart_bullet_describe (const CbBulletData *data)
{
  gboolean ja;
  gboolean lower;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  ja = cb_chart_is_ja (data->lang);
  lower = data->direction == CB_DIRECTION_LOWER;
  text = g_string_new (data->title);
  g_string_append (text, ja ? "：" : ": ");
  cb_chart_append_optional (text, data->value, data->unit, data->lang);

  if (data->target.valid)
    {
      g_autofree char *target = cb_chart_format_quantity (data->target.value, data->unit, data->lang);
      const char *direction = cb_chart_word (lower ? CB_WORD_LOWER_IS_BETTER : CB_WORD_HIGHER_IS_BETTER,
                                             data->lang);
      double limit = data->target.value + (lower ? data->band : -data->band);
      g_autofree char *amber = cb_chart_format_quantity (limit, data->unit, data->lang);

      if (ja && data->band > 0)
        g_string_append_printf (text, "（目標 %s、%s、%sまで黄）", target, direction, amber);
      else if (ja)
        g_string_append_printf (text, "（目標 %s、%s）", target, direction);
      else if (data->band > 0)
        g_string_append_printf (text, " against a target of %s (%s; amber %s %s)", target,
                                direction, lower ? "up to" : "down to", amber);
      else
        g_string_append_printf (text, " against a target of %s (%s)", target, direction);
    }
  else
    {
      g_string_append (text, ja ? "（目標なし）" : " (no target)");
    }

  g_string_append_printf (text, ja ? "。判定：%s。" : ". Status: %s.",
                          cb_chart_word (CB_WORD_RAG_GREY + MIN (data->status, CB_RAG_GREEN), data->lang));

  return g_string_free (text, FALSE);
}
