/* cb-chart-radar.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "cb-chart-private.h"

#define LABEL_LINES 4

CbRadarData *
cb_chart_radar_data_new (const char *lang,
                         guint       n_axes)
{
  CbRadarData *data = g_new0 (CbRadarData, 1);

  data->lang = g_strdup (lang);
  data->axes = g_new0 (CbRadarAxis, n_axes);
  data->n_axes = n_axes;

  return data;
}

void
cb_chart_radar_data_free (CbRadarData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_axes; i++)
    {
      g_free (data->axes[i].key);
      g_free (data->axes[i].label);
    }
  g_free (data->axes);
  g_free (data->lang);
  g_free (data->title);
  g_free (data->current_label);
  g_free (data->previous_label);
  g_free (data->target_label);
  g_free (data);
}

CbRadarData *
cb_chart_radar_data_from_snapshot (const CbSnapshot *snapshot,
                                   const char       *lang)
{
  const CbGuidelineSummary *guideline;
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;
  gboolean ja = cb_chart_is_ja (lang);
  CbRadarData *data;

  g_return_val_if_fail (snapshot != NULL, NULL);

  guideline = &snapshot->guideline;
  current = cb_period_to_string (&snapshot->period);
  previous = cb_period_to_string (&snapshot->previous);

  data = cb_chart_radar_data_new (lang, G_N_ELEMENTS (guideline->items));
  data->title = g_strdup (cb_chart_word (CB_WORD_RADAR_TITLE, lang));
  data->current_label = ja ? g_strdup_printf ("今期（%s）", current)
                           : g_strdup_printf ("This period (%s)", current);
  data->previous_label = ja ? g_strdup_printf ("前期（%s）", previous)
                            : g_strdup_printf ("Previous period (%s)", previous);
  data->target_label = g_strdup (cb_chart_word (CB_WORD_TARGET, lang));
  data->min = 0;
  data->max = 5;

  for (guint i = 0; i < data->n_axes; i++)
    {
      const CbSnapshotItem *item = &guideline->items[i];
      const char *title = ja ? item->title_ja : item->title_en;

      data->axes[i].key = g_strdup (item->key);
      data->axes[i].label = g_strdup_printf ("%d %s", item->number,
                                             title != NULL ? title : item->key);
      data->axes[i].current = item->level;
      data->axes[i].previous = item->previous_level;
      data->axes[i].target = item->target;
    }

  return data;
}

static gboolean
has_data (const CbRadarData *data)
{
  if (data->n_axes < 3 || !(data->max > data->min))
    return FALSE;

  for (guint i = 0; i < data->n_axes; i++)
    if (data->axes[i].current.valid || data->axes[i].previous.valid || data->axes[i].target.valid)
      return TRUE;

  return FALSE;
}

static double
axis_angle (const CbRadarData *data,
            double             axis)
{
  /* The first axis points up; the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * axis / data->n_axes;
}

static guint
legend_items (const CbRadarData *data,
              CbLegendItem      *items)
{
  static const CbSeries series[] = { CB_SERIES_CURRENT, CB_SERIES_PREVIOUS, CB_SERIES_TARGET };
  guint n = 0;

  for (guint s = 0; s < G_N_ELEMENTS (series); s++)
    {
      const char *labels[] = { data->current_label, data->previous_label, data->target_label };
      gboolean any = FALSE;

      for (guint i = 0; i < data->n_axes; i++)
        {
          const CbOptional values[] = { data->axes[i].current, data->axes[i].previous, data->axes[i].target };

          any = any || values[s].valid;
        }

      if (any && labels[s] != NULL)
        items[n++] = (CbLegendItem) { .kind = CB_LEGEND_LINE, .series = series[s], .label = labels[s] };
    }

  return n;
}

static double
distance_to_rect (const CbRect *rect,
                  double        x,
                  double        y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return hypot (dx, dy);
}

/* How much of @a and @b, each grown by @margin, covers the other. */
static double
overlap_area (const CbRect *a,
              const CbRect *b,
              double        margin)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x) + margin;
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y) + margin;

  return w > 0 && h > 0 ? w * h : 0;
}

static double
outside_area (const CbRect *box,
              const CbRect *region)
{
  double w = MIN (box->x + box->width, region->x + region->width) - MAX (box->x, region->x);
  double h = MIN (box->y + box->height, region->y + region->height) - MAX (box->y, region->y);

  return box->width * box->height - MAX (w, 0) * MAX (h, 0);
}

/* Places every label outside the circle of @radius, each box touching the circle's outside
 * at its own angle, and measures how badly they fit: the area of labels outside @region or
 * on each other, 0 when they all fit.
 */
static double
place_labels (CbRadarGeometry   *geometry,
              const CbRadarData *data,
              const CbTheme     *theme,
              const CbRect      *region,
              double             radius)
{
  double clearance = radius + theme->gap * 0.6;
  double badness = 0;

  for (guint i = 0; i < geometry->n_labels; i++)
    {
      CbRect *box = &geometry->labels[i];
      double angle = axis_angle (data, i);
      double ux = cos (angle);
      double uy = sin (angle);
      double reach = clearance;

      /* The anchor slides round the box as the angle turns, so a label right of the plot
       * starts at the anchor and one above it ends there. */
      for (guint step = 0; step < 200; step++)
        {
          double px = geometry->cx + reach * ux;
          double py = geometry->cy + reach * uy;

          box->x = px - box->width * (1 - ux) / 2;
          box->y = py - box->height * (1 - uy) / 2;
          if (distance_to_rect (box, geometry->cx, geometry->cy) >= clearance)
            break;
          reach += theme->gap * 0.25;
        }
    }

  for (guint i = 0; i < geometry->n_labels; i++)
    {
      const CbRect *box = &geometry->labels[i];

      badness += MAX (outside_area (box, region) - 0.01, 0);
      for (guint j = i + 1; j < geometry->n_labels; j++)
        badness += overlap_area (box, &geometry->labels[j], theme->gap * 0.3);
    }

  return badness;
}

/* Wraps the labels for @side, the room beside the plot: a label beside the plot gets all of
 * it, one above or below it less, as it has neighbours close on both sides. */
static void
wrap_labels (CbRadarGeometry   *geometry,
             PangoContext      *context,
             const CbRadarData *data,
             const CbTheme     *theme,
             double             side)
{
  for (guint i = 0; i < data->n_axes; i++)
    {
      double ux = cos (axis_angle (data, i));
      double width = side * (0.65 + 0.35 * fabs (ux));
      PangoLayout *layout = geometry->layouts[i];

      if (layout == NULL)
        {
          layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, data->axes[i].label);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -LABEL_LINES);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (layout, ux > 0.2 ? PANGO_ALIGN_LEFT
                                              : ux < -0.2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
          geometry->layouts[i] = layout;
        }

      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      cb_chart_layout_size (layout, &geometry->labels[i].width, &geometry->labels[i].height);
    }
}

static double
fit_labels (CbRadarGeometry   *geometry,
            PangoContext      *context,
            const CbRadarData *data,
            const CbTheme     *theme,
            const CbRect      *region,
            double             radius)
{
  double font = theme->fonts[CB_FONT_CHART].size;
  /* Labels no wider than the plot, or those above it would reach over their neighbours. */
  double widest = MAX (font * 6, MIN (font * 18, radius * 1.3));
  double side = CLAMP (region->width / 2 - radius - theme->gap * 1.5, font * 6, widest);

  wrap_labels (geometry, context, data, theme, side);

  return place_labels (geometry, data, theme, region, radius);
}

CbRadarGeometry *
cb_chart_radar_geometry_new (PangoContext      *context,
                             const CbRect      *area,
                             const CbRadarData *data,
                             const CbTheme     *theme)
{
  g_autoptr(CbRadarGeometry) geometry = NULL;
  CbLegendItem items[3];
  guint n_items;
  CbRect region;
  double largest, radius, best, least = G_MAXDOUBLE;

  if (!has_data (data))
    return NULL;

  geometry = g_new0 (CbRadarGeometry, 1);
  geometry->n_labels = data->n_axes;
  geometry->labels = g_new0 (CbRect, data->n_axes);
  geometry->layouts = g_new0 (PangoLayout *, data->n_axes);

  n_items = legend_items (data, items);
  geometry->legend = (CbRect) { area->x, area->y, area->width, 0 };
  geometry->legend.height = cb_chart_legend (NULL, context, theme, area->x, area->y,
                                             area->width, items, n_items);

  region = *area;
  if (geometry->legend.height > 0)
    {
      region.y += geometry->legend.height + theme->gap * 1.5;
      region.height -= geometry->legend.height + theme->gap * 1.5;
    }

  geometry->cx = region.x + region.width / 2;
  geometry->cy = region.y + region.height / 2;
  largest = MAX (MIN (region.width, region.height) / 2 - theme->gap, theme->gap);
  best = largest;

  /* The largest plot whose labels fit, the labels rewrapped for the room each radius leaves
   * beside the plot. Wider labels can collide where narrower ones did not, so the search
   * steps down instead of halving; when nothing fits, the plot whose labels fit least badly
   * wins. */
  for (radius = largest; radius > largest * 0.25; radius *= 0.96)
    {
      double badness = fit_labels (geometry, context, data, theme, &region, radius);

      if (badness < least)
        {
          least = badness;
          best = radius;
        }
      if (badness == 0)
        break;
    }
  radius = best;
  if (least > 0)
    fit_labels (geometry, context, data, theme, &region, radius);
  geometry->radius = radius;

  return g_steal_pointer (&geometry);
}

void
cb_chart_radar_geometry_free (CbRadarGeometry *geometry)
{
  if (geometry == NULL)
    return;

  for (guint i = 0; i < geometry->n_labels; i++)
    g_clear_object (&geometry->layouts[i]);
  g_free (geometry->layouts);
  g_free (geometry->labels);
  g_free (geometry);
}

/* Puts a new geometry, or NULL when there is nothing to draw, where @geometry points. */
static gboolean
layout_radar (PangoContext       *context,
              const CbRect       *area,
              const CbRadarData  *data,
              const CbTheme      *theme,
              CbRadarGeometry   **geometry)
{
  *geometry = cb_chart_radar_geometry_new (context, area, data, theme);

  return *geometry != NULL;
}

static void
value_point (const CbRadarGeometry *geometry,
             const CbRadarData     *data,
             guint                  axis,
             double                 value,
             double                *x,
             double                *y)
{
  double f = CLAMP ((value - data->min) / (data->max - data->min), 0, 1);
  double angle = axis_angle (data, axis);

  *x = geometry->cx + f * geometry->radius * cos (angle);
  *y = geometry->cy + f * geometry->radius * sin (angle);
}

static CbOptional
series_value (const CbRadarAxis *axis,
              CbSeries           series)
{
  switch (series)
    {
    case CB_SERIES_CURRENT:
      return axis->current;
    case CB_SERIES_PREVIOUS:
      return axis->previous;
    case CB_SERIES_TARGET:
      return axis->target;
    default:
      g_assert_not_reached ();
    }
}

/* Joins neighbouring values; a missing one breaks the outline, and only a complete one is
 * filled. */
static void
draw_series (cairo_t               *cr,
             const CbRadarGeometry *geometry,
             const CbRadarData     *data,
             const CbTheme         *theme,
             CbSeries               series)
{
  const CbSeriesStyle *style = &theme->series[series];
  guint n = data->n_axes;
  gboolean complete = TRUE;

  for (guint i = 0; i < n; i++)
    complete = complete && series_value (&data->axes[i], series).valid;

  cairo_save (cr);
  cairo_new_path (cr);

  if (complete)
    {
      for (guint i = 0; i < n; i++)
        {
          double x, y;

          value_point (geometry, data, i, series_value (&data->axes[i], series).value, &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      cb_theme_set_color (cr, &style->fill);
      cairo_fill_preserve (cr);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          CbOptional from = series_value (&data->axes[i], series);
          CbOptional to = series_value (&data->axes[(i + 1) % n], series);
          double x, y;

          if (!from.valid || !to.valid)
            continue;
          value_point (geometry, data, i, from.value, &x, &y);
          cairo_move_to (cr, x, y);
          value_point (geometry, data, (i + 1) % n, to.value, &x, &y);
          cairo_line_to (cr, x, y);
        }
    }

  cb_theme_set_series (cr, theme, series);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      CbOptional value = series_value (&data->axes[i], series);
      double x, y;

      if (!value.valid)
        continue;
      value_point (geometry, data, i, value.value, &x, &y);
      cb_theme_draw_marker (cr, theme, style->marker, &style->color, x, y,
                            theme->marker_size * (series == CB_SERIES_CURRENT ? 1 : 0.8), FALSE);
    }
}

static void
draw_grid (cairo_t               *cr,
           PangoContext          *context,
           const CbRadarGeometry *geometry,
           const CbRadarData     *data,
           const CbTheme         *theme)
{
  int first = (int) ceil (data->min);
  int last = (int) floor (data->max);

  cairo_save (cr);
  cairo_set_line_width (cr, theme->grid_width);

  for (int level = first; level <= last; level++)
    {
      if (level == data->min)
        continue;

      cairo_new_path (cr);
      for (guint i = 0; i < data->n_axes; i++)
        {
          double x, y;

          value_point (geometry, data, i, level, &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      cb_theme_set_color (cr, level == last ? &theme->axis : &theme->grid);
      cairo_stroke (cr);
    }

  cb_theme_set_color (cr, &theme->grid);
  for (guint i = 0; i < data->n_axes; i++)
    {
      double x, y;

      value_point (geometry, data, i, data->max, &x, &y);
      cairo_move_to (cr, geometry->cx, geometry->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* Level numbers halfway between the first two axes, where no value is ever drawn; the
   * centre needs none. */
  for (int level = MAX (first, (int) floor (data->min) + 1); level <= last; level++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = g_strdup_printf ("%d", level);
      double x0, y0, x1, y1;

      value_point (geometry, data, 0, level, &x0, &y0);
      value_point (geometry, data, 1, level, &x1, &y1);
      layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL, text);
      cb_chart_show_layout (cr, layout, &theme->muted, (x0 + x1) / 2, (y0 + y1) / 2, 0.5, 1);
    }

  cairo_restore (cr);
}

/* The radar's geometry is allocated, so the one cb_chart_draw() holds is a pointer to it; see
 * layout_radar().
 */
static void
draw_radar (cairo_t                *cr,
            PangoContext           *context,
            const CbRect           *area,
            CbRadarGeometry *const *laid_out,
            const CbRadarData      *data,
            const CbTheme          *theme)
{
  const CbRadarGeometry *geometry = *laid_out;
  CbLegendItem items[3];
  guint n_items;

  draw_grid (cr, context, geometry, data, theme);
  draw_series (cr, geometry, data, theme, CB_SERIES_TARGET);
  draw_series (cr, geometry, data, theme, CB_SERIES_PREVIOUS);
  draw_series (cr, geometry, data, theme, CB_SERIES_CURRENT);

  for (guint i = 0; i < geometry->n_labels; i++)
    cb_chart_show_layout (cr, geometry->layouts[i], &theme->foreground,
                          geometry->labels[i].x, geometry->labels[i].y, 0, 0);

  n_items = legend_items (data, items);
  cb_chart_legend (cr, context, theme, geometry->legend.x, geometry->legend.y,
                   geometry->legend.width, items, n_items);
}

void
cb_chart_radar_draw (cairo_t           *cr,
                     const CbRect      *area,
                     const CbRadarData *data,
                     const CbTheme     *theme)
{
  g_autoptr(CbRadarGeometry) geometry = NULL;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_radar, (CbChartDrawFunc) draw_radar, &geometry);
}

int
cb_chart_radar_axis_at (const CbRect      *area,
                        const CbRadarData *data,
                        const CbTheme     *theme,
                        double             x,
                        double             y)
{
  g_autoptr(CbRadarGeometry) geometry = NULL;
  double angle, sector;

  g_return_val_if_fail (area != NULL, -1);
  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (theme != NULL, -1);

  if (!cb_chart_measure (area, data->lang, data, theme,
                         (CbChartLayoutFunc) layout_radar, &geometry))
    return -1;

  for (guint i = 0; i < geometry->n_labels; i++)
    if (cb_rect_contains (&geometry->labels[i], x, y))
      return i;

  /* Inside the plot, the axis nearest in angle; the centre belongs to none. */
  if (hypot (x - geometry->cx, y - geometry->cy) > geometry->radius + theme->gap
      || hypot (x - geometry->cx, y - geometry->cy) < theme->gap)
    return -1;

  angle = atan2 (y - geometry->cy, x - geometry->cx) + G_PI / 2;
  sector = angle / (2 * G_PI) * data->n_axes;

  return ((int) lround (sector) % (int) data->n_axes + (int) data->n_axes) % (int) data->n_axes;
}

static void
append_axis (GString      *text,
             gconstpointer item_data,
             guint         axis)
{
  const CbRadarData *data = item_data;
  const CbRadarAxis *a = &data->axes[axis];
  const char *no_value = cb_chart_word (CB_WORD_NO_VALUE, data->lang);
  g_autofree char *current = a->current.valid ? cb_chart_format_number (a->current.value, 1, TRUE) : NULL;
  g_autofree char *previous = a->previous.valid ? cb_chart_format_number (a->previous.value, 1, TRUE) : NULL;
  g_autofree char *target = a->target.valid ? cb_chart_format_number (a->target.value, 1, TRUE) : NULL;

  if (cb_chart_is_ja (data->lang))
    g_string_append_printf (text, "%s：%s（前期 %s、目標 %s）。", a->label,
                            current ? current : no_value, previous ? previous : no_value,
                            target ? target : no_value);
  else
    g_string_append_printf (text, "%s: %s (previous period %s, target %s).", a->label,
                            current ? current : no_value, previous ? previous : no_value,
                            target ? target : no_value);
}

char *
cb_chart_radar_describe (const CbRadarData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return cb_chart_describe_items (data->title, data->lang, has_data (data), data->n_axes,
                                  append_axis, data);
}

char *
cb_chart_radar_describe_axis (const CbRadarData *data,
                              guint              axis)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (axis < data->n_axes, NULL);

  text = g_string_new (NULL);
  append_axis (text, data, axis);

  return g_string_free (text, FALSE);
}
