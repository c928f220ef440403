/* cb-chart-rating.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-chart-private.h"

#define LABEL_LINES 2

typedef struct
{
  double label_width;
  double scale_y;        /* the top of the scale labels */
  double scale_height;
  double rows_y;
  double row_pitch;
  double bar_x;          /* where rating min − 1, the bars' origin, lies */
  double bar_width;      /* from the origin to rating max */
} RatingGeometry;

CbRatingData *
cb_chart_rating_data_new (const char *lang,
                          guint       n_items,
                          int         min,
                          int         max)
{
  CbRatingData *data = g_new0 (CbRatingData, 1);

  data->lang = g_strdup (lang);
  data->min = min;
  data->max = MAX (max, min);
  data->scale_labels = g_new0 (char *, data->max - min + 2);
  data->items = g_new0 (CbRatingItem, n_items);
  data->n_items = n_items;

  return data;
}

void
cb_chart_rating_data_free (CbRatingData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_items; i++)
    {
      g_free (data->items[i].key);
      g_free (data->items[i].label);
    }
  g_free (data->items);
  g_strfreev (data->scale_labels);
  g_free (data->lang);
  g_free (data->title);
  g_free (data);
}

CbRatingData *
cb_chart_rating_data_from_evaluation (const CbEvaluation *evaluation,
                                      CbCatalog          *catalog,
                                      const char         *lang)
{
  GPtrArray *criteria;
  CbScale *scale;
  CbRatingData *data;

  g_return_val_if_fail (evaluation != NULL, NULL);
  g_return_val_if_fail (CB_IS_CATALOG (catalog), NULL);

  criteria = cb_catalog_get_criteria (catalog);
  scale = cb_catalog_get_ratings (catalog);

  data = cb_chart_rating_data_new (lang, criteria != NULL ? criteria->len : 0,
                                   scale != NULL ? cb_scale_get_min (scale) : 1,
                                   scale != NULL ? cb_scale_get_max (scale) : 4);
  data->title = g_strdup (cb_chart_word (CB_WORD_RATINGS_TITLE, lang));

  for (int v = data->min; v <= data->max; v++)
    {
      const CbScaleLevel *level = scale != NULL ? cb_scale_get_level (scale, v) : NULL;

      data->scale_labels[v - data->min] = level != NULL
                                          ? g_strdup_printf ("%d %s", v, cb_text_get (&level->label, lang))
                                          : g_strdup_printf ("%d", v);
    }

  for (guint i = 0; i < data->n_items; i++)
    {
      const CbCriterion *criterion = g_ptr_array_index (criteria, i);
      CbRatingItem *item = &data->items[i];

      item->key = g_strdup (criterion->key);
      item->label = g_strdup_printf ("%s %s", criterion->key, cb_text_get (&criterion->title, lang));

      for (guint r = 0; evaluation->ratings != NULL && r < evaluation->ratings->len; r++)
        {
          const CbEvaluationRating *rating = g_ptr_array_index (evaluation->ratings, r);

          if (g_strcmp0 (rating->criterion_key, criterion->key) == 0)
            item->rating = rating->rating;
        }
    }

  return data;
}

static gboolean
is_rated (const CbRatingData *data,
          const CbRatingItem *item)
{
  return item->rating >= data->min && item->rating <= data->max;
}

static PangoLayout *
item_layout (PangoContext       *context,
             const CbRatingData *data,
             const CbTheme      *theme,
             guint               i,
             double              width)
{
  PangoLayout *layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, data->items[i].label);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -LABEL_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  return layout;
}

static PangoLayout *
scale_layout (PangoContext       *context,
              const CbRatingData *data,
              const CbTheme      *theme,
              int                 value,
              double              width)
{
  PangoLayout *layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_SMALL,
                                                data->scale_labels[value - data->min]);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

static double
rating_x (const RatingGeometry *geometry,
          const CbRatingData   *data,
          double                value)
{
  int steps = data->max - data->min + 1;

  return geometry->bar_x + geometry->bar_width * (value - (data->min - 1)) / steps;
}

static gboolean
layout_rating (PangoContext       *context,
               const CbRect       *area,
               const CbRatingData *data,
               const CbTheme      *theme,
               RatingGeometry     *geometry)
{
  double step;
  int steps = data->max - data->min + 1;

  if (data->n_items == 0)
    return FALSE;

  geometry->label_width = MIN (area->width * 0.36, theme->fonts[CB_FONT_CHART].size * 22);
  geometry->bar_x = area->x + geometry->label_width + theme->gap;
  geometry->bar_width = MAX (area->x + area->width - geometry->bar_x - theme->gap * 0.5, 1);
  step = geometry->bar_width / steps;

  geometry->scale_y = area->y;
  geometry->scale_height = 0;
  for (int v = data->min; v <= data->max; v++)
    {
      g_autoptr(PangoLayout) layout = scale_layout (context, data, theme, v, step - theme->gap * 0.3);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      geometry->scale_height = MAX (geometry->scale_height, height);
    }

  geometry->rows_y = area->y + geometry->scale_height + theme->gap * 0.6;
  geometry->row_pitch = MAX ((area->y + area->height - geometry->rows_y) / data->n_items, 1);

  return TRUE;
}

static void
draw_rating (cairo_t              *cr,
             PangoContext         *context,
             const CbRect         *area,
             const RatingGeometry *geometry,
             const CbRatingData   *data,
             const CbTheme        *theme)
{
  const CbColor *bar_color = &theme->series[CB_SERIES_CURRENT].color;
  double step = geometry->bar_width / (data->max - data->min + 1);
  double bottom = geometry->rows_y + geometry->row_pitch * data->n_items;
  double thickness = MIN (geometry->row_pitch * 0.5, theme->fonts[CB_FONT_CHART].size * 1.6);

  cairo_save (cr);
  cairo_set_line_width (cr, theme->grid_width);

  for (int v = data->min; v <= data->max; v++)
    {
      g_autoptr(PangoLayout) layout = scale_layout (context, data, theme, v, step - theme->gap * 0.3);
      double x = rating_x (geometry, data, v);

      cb_theme_set_color (cr, &theme->grid);
      cairo_move_to (cr, x, geometry->rows_y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      /* Each level's label sits over the step that ends at its line. */
      cb_chart_show_layout (cr, layout, &theme->muted, x - step / 2,
                            geometry->scale_y + geometry->scale_height, 0.5, 1);
    }

  cb_theme_set_color (cr, &theme->axis);
  cairo_move_to (cr, geometry->bar_x, geometry->rows_y);
  cairo_line_to (cr, geometry->bar_x, bottom);
  cairo_stroke (cr);

  for (guint i = 0; i < data->n_items; i++)
    {
      const CbRatingItem *item = &data->items[i];
      double y = geometry->rows_y + geometry->row_pitch * (i + 0.5);
      g_autoptr(PangoLayout) label = item_layout (context, data, theme, i, geometry->label_width);
      g_autoptr(PangoLayout) value = NULL;

      cb_chart_show_layout (cr, label, &theme->foreground, geometry->bar_x - theme->gap, y, 1, 0.5);

      if (is_rated (data, item))
        {
          g_autofree char *text = g_strdup_printf ("%d", item->rating);
          double end = rating_x (geometry, data, item->rating);
          CbColor ink = cb_color_contrasting (bar_color);

          cb_theme_set_color (cr, bar_color);
          cairo_rectangle (cr, geometry->bar_x, y - thickness / 2, end - geometry->bar_x, thickness);
          cairo_fill (cr);

          value = cb_theme_create_layout (theme, context, CB_FONT_CHART_VALUE, text);
          cb_chart_show_layout (cr, value, &ink, end - theme->gap * 0.5, y, 1, 0.5);
        }
      else
        {
          value = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                          cb_chart_word (CB_WORD_NOT_RATED, data->lang));
          cb_chart_show_layout (cr, value, &theme->muted, geometry->bar_x + theme->gap * 0.5, y, 0, 0.5);
        }
    }

  cairo_restore (cr);
}

void
cb_chart_rating_draw (cairo_t            *cr,
                      const CbRect       *area,
                      const CbRatingData *data,
                      const CbTheme      *theme)
{
  RatingGeometry geometry;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_rating, (CbChartDrawFunc) draw_rating, &geometry);
}

static void
describe_item (GString      *text,
               gconstpointer item_data,
               guint         index)
{
  const CbRatingData *data = item_data;
  gboolean ja = cb_chart_is_ja (data->lang);
  const CbRatingItem *item = &data->items[index];

  g_string_append_printf (text, ja ? "%s：" : "%s: ", item->label);
  if (is_rated (data, item))
    g_string_append (text, data->scale_labels[item->rating - data->min]);
  else
    g_string_append (text, cb_chart_word (CB_WORD_NOT_RATED, data->lang));
  g_string_append (text, ja ? "。" : ".");
}

char *
cb_chart_rating_describe (const CbRatingData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return cb_chart_describe_items (data->title, data->lang, data->n_items > 0, data->n_items,
                                  describe_item, data);
}
