/* test-charts.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "cb-chart-private.h"
#include "cb-reference.h"

/* Charts are drawn with the print theme on white at one pixel per point, so a point of the
 * chart is a pixel of the image. */

typedef void (*DrawFunc) (cairo_t *cr, const CbRect *area, gconstpointer data, const CbTheme *theme);

static const CbTheme *
print_theme (void)
{
  return cb_theme_get (CB_THEME_PRINT);
}

static cairo_surface_t *
draw_chart (int           width,
            int           height,
            const CbRect *area,
            DrawFunc      draw,
            gconstpointer data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, area, data, print_theme ());
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       int              rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x);
  int iy = (int) floor (y);
  guint32 value;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  value = *(const guint32 *) (data + iy * stride + ix * 4);
  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

static gboolean
rgb_near (const int rgb[3],
          int       r,
          int       g,
          int       b,
          int       tolerance)
{
  return abs (rgb[0] - r) <= tolerance && abs (rgb[1] - g) <= tolerance && abs (rgb[2] - b) <= tolerance;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          int              r,
          int              g,
          int              b,
          int              tolerance)
{
  int rgb[3];

  pixel (surface, x, y, rgb);
  if (rgb_near (rgb, r, g, b, tolerance))
    return TRUE;

  g_test_message ("pixel at %g, %g is %d, %d, %d; expected %d, %d, %d", x, y,
                  rgb[0], rgb[1], rgb[2], r, g, b);
  return FALSE;
}

/* Pixels of one colour in the rows [y0, y1). */
static guint
count_pixels (cairo_surface_t *surface,
              int              y0,
              int              y1,
              int              r,
              int              g,
              int              b,
              int              tolerance)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        int rgb[3];

        pixel (surface, x, y, rgb);
        if (rgb_near (rgb, r, g, b, tolerance))
          n++;
      }

  return n;
}

/* Non-white pixels in the rows [y0, y1). */
static guint
count_ink (cairo_surface_t *surface,
           int              y0,
           int              y1)
{
  guint all = (guint) ((y1 - y0) * cairo_image_surface_get_width (surface));

  /* White is every channel at 250 or above. */
  return all - count_pixels (surface, y0, y1, 255, 255, 255, 5);
}

/* Formatting and ticks. */

static void
test_format_number (void)
{
  static const struct
  {
    double      value;
    int         decimals;
    gboolean    trim;
    const char *expected;
  } cases[] = {
    { 1234567.891, 2, FALSE, "1,234,567.89" },
    { 12.5, 1, TRUE, "12.5" },
    { 3.0, 1, TRUE, "3" },
    { 3.0, 1, FALSE, "3.0" },
    { 999.96, 1, TRUE, "1,000" },
    { -2.5, 1, TRUE, "−2.5" },
    { -0.04, 1, TRUE, "0" },
    { 100, 0, FALSE, "100" },
    { 1000, 0, FALSE, "1,000" },
    { 0.25, 2, FALSE, "0.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cb_chart_format_number (cases[i].value, cases[i].decimals, cases[i].trim);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_quantity (void)
{
  static const struct
  {
    double      value;
    const char *unit;
    const char *lang;
    const char *expected;
  } cases[] = {
    { 12.5, "days", "en", "12.5 days" },
    { 1, "days", "en", "1 day" },
    { 12.5, "days", "ja", "12.5日" },
    { 3, "hours", "en", "3 hours" },
    { 3, "hours", "ja", "3時間" },
    { 42000000, "JPY", "en", "¥42,000,000" },
    { 42000000, "JPY", "ja", "42,000,000円" },
    { 4.26, "%", "en", "4.3%" },
    { 4.26, "%", "ja", "4.3%" },
    { 0.456, "ratio", "en", "0.46" },
    { 7, "count", "en", "7" },
    { 7, "count", "ja", "7件" },
    { 3, "points", "en", "3 points" },
    { 5, NULL, "en", "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cb_chart_format_quantity (cases[i].value, cases[i].unit, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_ticks (void)
{
  static const struct
  {
    double   lo;
    double   hi;
    guint    intervals;
    gboolean integers;
    double   first;
    double   step;
    guint    n;
    int      decimals;
  } cases[] = {
    /* 47 / 5 = 9.4 rounds up to a step of 10: 0, 10, … 50. */
    { 0, 47, 5, FALSE, 0, 10, 6, 0 },
    /* 0.83 / 5 = 0.166 → 0.2: 0 … 1.0. */
    { 0, 0.83, 5, FALSE, 0, 0.2, 6, 1 },
    /* 12.5 / 5 = 2.5 is a step of its own. */
    { 0, 12.5, 5, FALSE, 0, 2.5, 6, 1 },
    /* 12 / 5 = 2.4 would be 2.5, which counts cannot use: 5. */
    { 0, 12, 5, TRUE, 0, 5, 4, 0 },
    /* 3 / 5 = 0.6 → 1 for counts: 0, 1, 2, 3. */
    { 0, 3, 5, TRUE, 0, 1, 4, 0 },
    { 0, 7, 5, TRUE, 0, 2, 5, 0 },
    /* An empty range becomes [lo, lo + 1]. */
    { 0, 0, 5, TRUE, 0, 1, 2, 0 },
    /* 416 / 5 = 83.2 → 100: 0 … 500. */
    { 0, 416, 5, FALSE, 0, 100, 6, 0 },
    /* 14 / 4 = 3.5 → 5, and the first tick below 3: 0 … 20. */
    { 3, 17, 4, FALSE, 0, 5, 5, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbTicks ticks;

      cb_chart_nice_ticks (cases[i].lo, cases[i].hi, cases[i].intervals, cases[i].integers, &ticks);
      g_assert_cmpfloat_with_epsilon (ticks.first, cases[i].first, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks.step, cases[i].step, 1e-9);
      g_assert_cmpuint (ticks.n, ==, cases[i].n);
      g_assert_cmpint (ticks.decimals, ==, cases[i].decimals);
    }
}

/* Theme. */

static void
test_theme_fonts (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_theme_check_fonts (&error));
  g_assert_no_error (error);
}

static void
test_theme_fonts_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("cb-fonts-XXXXXX", NULL);
      g_autofree char *config = g_build_filename (dir, "fonts.conf", NULL);
      g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                               "<fontconfig><cachedir>%s</cachedir></fontconfig>\n",
                                               dir);

      /* A configuration with no font directories, read before fontconfig starts. */
      g_assert_true (g_file_set_contents (config, text, -1, NULL));
      g_setenv ("FONTCONFIG_FILE", config, TRUE);

      g_assert_false (cb_theme_check_fonts (&error));
      g_assert_error (error, CB_THEME_ERROR, CB_THEME_ERROR_NO_FONT);
      g_assert_nonnull (strstr (error->message, "“Noto Sans” (Debian package fonts-noto-core)"));
      g_assert_nonnull (strstr (error->message, "“Noto Sans CJK JP” (Debian package fonts-noto-cjk)"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_theme_contrast (void)
{
  const CbTheme *theme = print_theme ();
  CbColor on_high = cb_color_contrasting (&theme->heat_high);
  CbColor on_low = cb_color_contrasting (&theme->heat_low);

  /* Blue (0, 114, 178): 0.7152 × 0.168 + 0.0722 × 0.445 = 0.152 after linearising. */
  g_assert_cmpfloat_with_epsilon (cb_color_luminance (&theme->heat_high), 0.152, 0.002);
  /* Against 0.152 white gives 1.05 / 0.202 = 5.2, near-black only 1.2: white text. */
  g_assert_cmpfloat (on_high.r, ==, 1);
  g_assert_cmpfloat_with_epsilon (on_low.r, 26 / 255., 1e-9);
}

static void
draw_rags (cairo_t       *cr,
           const CbRect  *area,
           gconstpointer  data,
           const CbTheme *theme)
{
  for (guint rag = CB_RAG_GREY; rag <= CB_RAG_GREEN; rag++)
    cb_theme_draw_rag (cr, theme, rag, 30 + 60 * rag, 30, 40);
}

static void
test_theme_rag_shapes (void)
{
  static const struct
  {
    CbRag rag;
    int   lower_right[3];   /* at (0.6 h, 0.6 h) from the centre, h = 20 */
    int   left[3];          /* at (−0.9 h, 0) */
  } cases[] = {
    /* A hollow circle: both points inside it, on white. */
    { CB_RAG_GREY, { 255, 255, 255 }, { 255, 255, 255 } },
    /* A diamond of half-diagonal 1.1 h: |x| + |y| = 1.2 h is outside, 0.9 h inside. */
    { CB_RAG_RED, { 255, 255, 255 }, { 213, 94, 0 } },
    /* A triangle 1.1 h wide at each side of its base 0.85 h below the centre: at 0.6 h
     * down it is 0.95 h wide, at the centre's height only 0.61 h. */
    { CB_RAG_AMBER, { 230, 159, 0 }, { 255, 255, 255 } },
    /* A circle of radius h: both points inside. */
    { CB_RAG_GREEN, { 0, 158, 115 }, { 0, 158, 115 } },
  };
  CbRect area = { 0, 0, 260, 60 };
  cairo_surface_t *surface = draw_chart (260, 60, &area, draw_rags, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double x = 30 + 60 * cases[i].rag;

      g_assert_true (pixel_is (surface, x + 12, 30 + 12, cases[i].lower_right[0],
                               cases[i].lower_right[1], cases[i].lower_right[2], 3));
      g_assert_true (pixel_is (surface, x - 18, 30, cases[i].left[0], cases[i].left[1],
                               cases[i].left[2], 3));
    }

  cairo_surface_destroy (surface);
}

/* Radar. */

static CbRadarData *
radar_data (const char *lang,
            guint       n_axes)
{
  static const char *const labels[] = {
    "Recognise cyber risk and set a company-wide policy",
    "Build the cyber risk management structure",
    "Secure resources (budget, people)",
    "Identify risks and plan the response",
    "Build mechanisms to effectively handle cyber risk",
    "サイバーセキュリティ対策におけるPDCAサイクルの実施",
    "インシデント発生時の緊急対応体制の整備",
    "Business continuity and recovery",
    "ビジネスパートナーや委託先等を含めたサプライチェーン全体の対策及び状況把握",
    "Information collection, sharing and disclosure",
  };
  CbRadarData *data = cb_chart_radar_data_new (lang, n_axes);

  data->title = g_strdup ("Items");
  data->current_label = g_strdup ("This period");
  data->previous_label = g_strdup ("Previous period");
  data->target_label = g_strdup ("Target");
  data->max = 5;

  for (guint i = 0; i < n_axes; i++)
    {
      data->axes[i].label = g_strdup_printf ("%u %s", i + 1, labels[i % G_N_ELEMENTS (labels)]);
      data->axes[i].current = CB_OPTIONAL (1);
      data->axes[i].previous = CB_OPTIONAL (1);
      data->axes[i].target = CB_OPTIONAL (5);
    }

  return data;
}

static void
draw_radar (cairo_t       *cr,
            const CbRect  *area,
            gconstpointer  data,
            const CbTheme *theme)
{
  cb_chart_radar_draw (cr, area, data, theme);
}

static CbRadarGeometry *
radar_geometry (const CbRect      *area,
                const CbRadarData *data)
{
  PangoContext *context = cb_theme_create_context (data->lang);
  CbRadarGeometry *geometry = cb_chart_radar_geometry_new (context, area, data, print_theme ());

  g_object_unref (context);

  return geometry;
}

static void
test_radar_fill (void)
{
  g_autoptr(CbRadarData) data = radar_data ("en", 10);
  g_autoptr(CbRadarGeometry) geometry = NULL;
  CbRect area = { 10, 10, 460, 280 };
  cairo_surface_t *surface;
  /* Halfway between axes 5 and 6, which point at 90° and 126° (clockwise from the right,
   * the first axis pointing up), away from every spoke and label. */
  double angle = G_PI / 180 * 108;
  double x, y;

  surface = draw_chart (480, 300, &area, draw_radar, data);
  geometry = radar_geometry (&area, data);
  g_assert_nonnull (geometry);

  /* At level 3.5 only the target (level 5 everywhere) covers the point: its fill, bluish
   * green (0, 158, 115) at 12 % over white, is 255 × 0.88 + c × 0.12 per channel. The level
   * rings there lie at 3 and 4 × cos 18° = 2.85 and 3.80. */
  x = geometry->cx + geometry->radius * 0.7 * cos (angle);
  y = geometry->cy + geometry->radius * 0.7 * sin (angle);
  g_assert_true (pixel_is (surface, x, y, 224, 243, 238, 2));

  /* At level 0.6 the current period (level 1) lies over the target: blue (0, 114, 178)
   * at 16 % over (224.4, 243.36, 238.2) gives (188.5, 222.7, 228.6). */
  x = geometry->cx + geometry->radius * 0.12 * cos (angle);
  y = geometry->cy + geometry->radius * 0.12 * sin (angle);
  g_assert_true (pixel_is (surface, x, y, 188, 223, 229, 2));

  /* Outside the outer ring, on the same line, nothing is drawn. */
  x = geometry->cx + (geometry->radius + 3) * cos (angle);
  y = geometry->cy + (geometry->radius + 3) * sin (angle);
  g_assert_true (pixel_is (surface, x, y, 255, 255, 255, 0));

  cairo_surface_destroy (surface);
}

static gboolean
rects_overlap (const CbRect *a,
               const CbRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
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

static void
test_radar_labels (void)
{
  static const struct
  {
    const char *lang;
    guint       n_axes;
    CbRect      area;
  } cases[] = {
    { "en", 10, { 0, 0, 480, 300 } },
    { "ja", 10, { 0, 0, 480, 300 } },
    { "en", 10, { 20, 40, 640, 420 } },
    { "ja", 6, { 0, 0, 360, 260 } },
    { "en", 3, { 0, 0, 300, 200 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbRadarData) data = radar_data (cases[c].lang, cases[c].n_axes);
      g_autoptr(CbRadarGeometry) geometry = radar_geometry (&cases[c].area, data);
      const CbRect *area = &cases[c].area;

      g_assert_nonnull (geometry);
      g_assert_cmpfloat (geometry->radius, >, MIN (area->width, area->height) * 0.2);

      for (guint i = 0; i < geometry->n_labels; i++)
        {
          const CbRect *label = &geometry->labels[i];

          g_assert_cmpfloat (label->x, >=, area->x - 0.01);
          g_assert_cmpfloat (label->y, >=, area->y - 0.01);
          g_assert_cmpfloat (label->x + label->width, <=, area->x + area->width + 0.01);
          g_assert_cmpfloat (label->y + label->height, <=, area->y + area->height + 0.01);
          g_assert_cmpfloat (distance_to_rect (label, geometry->cx, geometry->cy), >=, geometry->radius);
          g_assert_cmpfloat (label->y, >=, geometry->legend.y + geometry->legend.height);

          for (guint j = i + 1; j < geometry->n_labels; j++)
            g_assert_false (rects_overlap (label, &geometry->labels[j]));
        }
    }
}

/* The guideline's own ten titles, the longest labels a radar shows, are never cut short: not in the
 * board report's chart area nor in the app's, in either language. */
static void
test_radar_guideline_titles (void)
{
  static const struct
  {
    const char *lang;
    CbRect      area;
  } cases[] = {
    { "ja", { 0, 0, 482, 300 } },
    { "en", { 0, 0, 482, 300 } },
    { "ja", { 0, 0, 820, 420 } },
    { "en", { 0, 0, 820, 420 } },
  };
  CbFramework *framework = cb_catalog_find_framework (cb_reference_catalog (NULL), "CSMG", "3.0");

  g_assert_nonnull (framework);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbRadarData) data = radar_data (cases[c].lang, 10);
      g_autoptr(CbRadarGeometry) geometry = NULL;

      for (guint i = 0; i < 10; i++)
        {
          const CbFrameworkItem *item = cb_framework_get_item (framework, i);

          g_free (data->axes[i].label);
          data->axes[i].label = g_strdup_printf ("%d %s", item->number,
                                                 g_str_equal (cases[c].lang, "ja") ? item->title.ja : item->title.en);
        }
      geometry = radar_geometry (&cases[c].area, data);
      for (guint i = 0; i < 10; i++)
        {
          g_test_message ("%s %g×%g: %s", cases[c].lang, cases[c].area.width, cases[c].area.height,
                          data->axes[i].label);
          g_assert_false (pango_layout_is_ellipsized (geometry->layouts[i]));
        }
      g_assert_cmpfloat (geometry->radius, >, cases[c].area.height * 0.25);
    }
}

static void
test_radar_axis_at (void)
{
  g_autoptr(CbRadarData) data = radar_data ("en", 10);
  g_autoptr(CbRadarGeometry) geometry = NULL;
  CbRect area = { 10, 10, 460, 280 };

  geometry = radar_geometry (&area, data);

  for (guint i = 0; i < 10; i++)
    {
      /* Axis i points at −90° + 36° × i; 10° either side of it is still its sector. */
      for (int offset = -10; offset <= 10; offset += 10)
        {
          double angle = G_PI / 180 * (-90 + 36 * (int) i + offset);
          double x = geometry->cx + geometry->radius * 0.6 * cos (angle);
          double y = geometry->cy + geometry->radius * 0.6 * sin (angle);

          g_assert_cmpint (cb_chart_radar_axis_at (&area, data, print_theme (), x, y), ==, i);
        }

      g_assert_cmpint (cb_chart_radar_axis_at (&area, data, print_theme (),
                                               geometry->labels[i].x + geometry->labels[i].width / 2,
                                               geometry->labels[i].y + geometry->labels[i].height / 2),
                       ==, i);
    }

  /* The centre, and the end of the legend's row, belong to no axis. */
  g_assert_cmpint (cb_chart_radar_axis_at (&area, data, print_theme (), geometry->cx, geometry->cy), ==, -1);
  g_assert_cmpint (cb_chart_radar_axis_at (&area, data, print_theme (), 468, 12), ==, -1);
}

static void
test_radar_describe (void)
{
  static const struct
  {
    const char *lang;
    const char *title;
    const char *labels[3];
    const char *expected;
    const char *second_axis;
  } cases[] = {
    { "en", "Items", { "1 Policy", "2 Structure", "3 Resources" },
      "Items. 1 Policy: 3 (previous period 2, target 4). 2 Structure: 2.5 (previous period 2, "
      "target 4). 3 Resources: no value (previous period 1, target 3).",
      "2 Structure: 2.5 (previous period 2, target 4)." },
    { "ja", "項目", { "1 方針", "2 体制", "3 資源" },
      "項目。1 方針：3（前期 2、目標 4）。2 体制：2.5（前期 2、目標 4）。3 資源：値なし（前期 1、目標 3）。",
      "2 体制：2.5（前期 2、目標 4）。" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbRadarData) data = cb_chart_radar_data_new (cases[c].lang, 3);
      const double current[] = { 3, 2.5, -1 };
      const double previous[] = { 2, 2, 1 };
      const double target[] = { 4, 4, 3 };
      g_autofree char *text = NULL;
      g_autofree char *axis = NULL;

      data->title = g_strdup (cases[c].title);
      data->max = 5;
      for (guint i = 0; i < 3; i++)
        {
          data->axes[i].label = g_strdup (cases[c].labels[i]);
          data->axes[i].current = current[i] >= 0 ? CB_OPTIONAL (current[i]) : CB_OPTIONAL_NONE;
          data->axes[i].previous = CB_OPTIONAL (previous[i]);
          data->axes[i].target = CB_OPTIONAL (target[i]);
        }

      text = cb_chart_radar_describe (data);
      axis = cb_chart_radar_describe_axis (data, 1);
      g_assert_cmpstr (text, ==, cases[c].expected);
      g_assert_cmpstr (axis, ==, cases[c].second_axis);
    }
}

static void
test_radar_from_snapshot (void)
{
  CbSnapshot snapshot = { 0 };
  g_autoptr(CbRadarData) en = NULL;
  g_autoptr(CbRadarData) ja = NULL;

  snapshot.period = (CbPeriod) { 2026, 1 };
  snapshot.previous = (CbPeriod) { 2025, 4 };
  for (guint i = 0; i < 10; i++)
    {
      CbSnapshotItem *item = &snapshot.guideline.items[i];

      item->key = g_strdup_printf ("CSMG.D%u", i + 1);
      item->number = i + 1;
      item->title_en = g_strdup_printf ("Item %u", i + 1);
      item->title_ja = g_strdup_printf ("項目%u", i + 1);
      item->level = i == 4 ? CB_OPTIONAL_NONE : CB_OPTIONAL (i % 5);
      item->previous_level = CB_OPTIONAL (1);
      item->target = CB_OPTIONAL (4);
    }

  en = cb_chart_radar_data_from_snapshot (&snapshot, "en");
  ja = cb_chart_radar_data_from_snapshot (&snapshot, "ja");

  g_assert_cmpuint (en->n_axes, ==, 10);
  g_assert_cmpfloat (en->min, ==, 0);
  g_assert_cmpfloat (en->max, ==, 5);
  g_assert_cmpstr (en->current_label, ==, "This period (FY2026Q1)");
  g_assert_cmpstr (en->previous_label, ==, "Previous period (FY2025Q4)");
  g_assert_cmpstr (en->target_label, ==, "Target");
  g_assert_cmpstr (ja->current_label, ==, "今期（FY2026Q1）");
  g_assert_cmpstr (ja->previous_label, ==, "前期（FY2025Q4）");
  g_assert_cmpstr (ja->target_label, ==, "目標");
  g_assert_cmpstr (en->axes[2].key, ==, "CSMG.D3");
  g_assert_cmpstr (en->axes[2].label, ==, "3 Item 3");
  g_assert_cmpstr (ja->axes[9].label, ==, "10 項目10");
  g_assert_true (en->axes[3].current.valid);
  g_assert_cmpfloat (en->axes[3].current.value, ==, 3);
  g_assert_false (en->axes[4].current.valid);
  g_assert_cmpfloat (en->axes[7].previous.value, ==, 1);
  g_assert_cmpfloat (en->axes[7].target.value, ==, 4);

  for (guint i = 0; i < 10; i++)
    {
      g_free (snapshot.guideline.items[i].key);
      g_free (snapshot.guideline.items[i].title_en);
      g_free (snapshot.guideline.items[i].title_ja);
    }
}

/* Trend. */

static CbTrendData *
trend_data (const char *lang)
{
  static const struct
  {
    const char *label;
    double      value;       /* < 0: none */
    double      reference;
    guint       count;
  } points[] = {
    { "FY2025Q1", 10, 8, 6 },
    { "FY2025Q2", -1, 8, 0 },
    { "FY2025Q3", 20, 8, 3 },
    { "FY2025Q4", 5, -1, 7 },
  };
  gboolean ja = g_str_equal (lang, "ja");
  CbTrendData *data = cb_chart_trend_data_new (lang, G_N_ELEMENTS (points));

  data->title = g_strdup (ja ? "滞留" : "Dwell");
  data->axis_title = g_strdup (ja ? "中央値（日）" : "Median dwell time (days)");
  data->unit = g_strdup ("days");
  data->value_label = g_strdup (ja ? "自社の中央値" : "Our median");
  data->reference_label = g_strdup (ja ? "世界の中央値" : "Global median");
  data->small_sample_label = g_strdup (ja ? "インシデント5件未満" : "Fewer than 5 incidents");

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      data->values[i].label = g_strdup (points[i].label);
      data->values[i].value = points[i].value >= 0 ? CB_OPTIONAL (points[i].value) : CB_OPTIONAL_NONE;
      data->values[i].reference = points[i].reference >= 0 ? CB_OPTIONAL (points[i].reference)
                                                           : CB_OPTIONAL_NONE;
      data->values[i].count = points[i].count;
      data->values[i].small_sample = points[i].count > 0 && points[i].count < 5;
    }

  return data;
}

static void
draw_trend (cairo_t       *cr,
            const CbRect  *area,
            gconstpointer  data,
            const CbTheme *theme)
{
  cb_chart_trend_draw (cr, area, data, theme);
}

static void
test_trend_draw (void)
{
  g_autoptr(CbTrendData) data = trend_data ("en");
  CbRect area = { 10, 10, 400, 200 };
  cairo_surface_t *surface = draw_chart (420, 220, &area, draw_trend, data);
  gboolean blue = FALSE;
  double x0, y0, x2, y2, x3, y3;

  g_assert_true (cb_chart_trend_value_point (&area, data, print_theme (), 0, &x0, &y0));
  g_assert_false (cb_chart_trend_value_point (&area, data, print_theme (), 1, NULL, NULL));
  g_assert_true (cb_chart_trend_value_point (&area, data, print_theme (), 2, &x2, &y2));
  g_assert_true (cb_chart_trend_value_point (&area, data, print_theme (), 3, &x3, &y3));

  /* Four columns of equal width: the points sit in their middles, and 20 days is twice
   * as high above the zero line as 10. */
  g_assert_cmpfloat_with_epsilon (x2 - x0, 2 * (x3 - x2), 1e-6);
  g_assert_cmpfloat_with_epsilon ((y3 - y0) * 3, (y3 - y2), 1e-6);

  /* A filled marker for 6 incidents, a hollow one for 3. */
  g_assert_true (pixel_is (surface, x0, y0, 0, 114, 178, 12));
  g_assert_true (pixel_is (surface, x2, y2, 255, 255, 255, 12));

  /* No line across the missing second quarter: the middle between the first and the
   * third point is empty. */
  g_assert_true (pixel_is (surface, (x0 + x2) / 2, (y0 + y2) / 2, 255, 255, 255, 0));
  /* The line between the third and the fourth point exists: some pixel around its middle
   * is blue rather than white or the reference's grey. */
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int rgb[3];

        pixel (surface, (x2 + x3) / 2 + dx, (y2 + y3) / 2 + dy, rgb);
        blue = blue || (rgb[0] < 120 && rgb[2] > rgb[0] + 60);
      }
  g_assert_true (blue);

  cairo_surface_destroy (surface);
}

static void
test_trend_value_at (void)
{
  g_autoptr(CbTrendData) data = trend_data ("en");
  CbRect area = { 10, 10, 400, 200 };
  double x0, y0, x3, y3;

  cb_chart_trend_value_point (&area, data, print_theme (), 0, &x0, &y0);
  cb_chart_trend_value_point (&area, data, print_theme (), 3, &x3, &y3);

  /* Each column answers for its value, the missing one included, wherever the pointer is
   * in its height. */
  for (guint i = 0; i < 4; i++)
    {
      double x = x0 + (x3 - x0) * i / 3;

      g_assert_cmpint (cb_chart_trend_value_at (&area, data, print_theme (), x, y0), ==, i);
      g_assert_cmpint (cb_chart_trend_value_at (&area, data, print_theme (), x, 205), ==, i);
    }

  /* Left of the plot, over the tick labels, and above it, over the legend. */
  g_assert_cmpint (cb_chart_trend_value_at (&area, data, print_theme (), 11, y0), ==, -1);
  g_assert_cmpint (cb_chart_trend_value_at (&area, data, print_theme (), x0, 12), ==, -1);
}

static void
test_trend_describe (void)
{
  g_autoptr(CbTrendData) en = trend_data ("en");
  g_autoptr(CbTrendData) ja = trend_data ("ja");
  g_autofree char *whole = cb_chart_trend_describe (en);
  g_autofree char *third = cb_chart_trend_describe_value (en, 2);
  g_autofree char *second = cb_chart_trend_describe_value (en, 1);
  g_autofree char *third_ja = cb_chart_trend_describe_value (ja, 2);

  g_assert_cmpstr (whole, ==,
                   "Dwell. FY2025Q1: Our median 10 days (n = 6); Global median 8 days. "
                   "FY2025Q2: Our median no value; Global median 8 days. "
                   "FY2025Q3: Our median 20 days (n = 3, Fewer than 5 incidents); Global median 8 days. "
                   "FY2025Q4: Our median 5 days (n = 7); Global median no value.");
  g_assert_cmpstr (third, ==,
                   "FY2025Q3: Our median 20 days (n = 3, Fewer than 5 incidents); Global median 8 days.");
  g_assert_cmpstr (second, ==, "FY2025Q2: Our median no value; Global median 8 days.");
  g_assert_cmpstr (third_ja, ==,
                   "FY2025Q3：自社の中央値 20日（n=3、インシデント5件未満）、世界の中央値 8日。");
}

static void
test_trend_from_snapshot (void)
{
  CbSnapshot snapshot = { 0 };
  g_autoptr(CbTrendData) quarters = NULL;
  g_autoptr(CbTrendData) years = NULL;

  for (guint i = 0; i < 8; i++)
    {
      CbTrendPoint *point = &snapshot.quarter_trend[i];

      point->period = (CbPeriod) { 2024 + (i + 1) / 4, (i + 1) % 4 + 1 };
      point->stats.median_dwell_days = i == 2 ? CB_OPTIONAL_NONE : CB_OPTIONAL (i * 1.5);
      point->stats.with_known_compromise = i;
      point->stats.small_sample = i < 5;
      point->reference_median_days = CB_OPTIONAL (16 - i);
    }
  for (guint i = 0; i < 5; i++)
    snapshot.year_trend[i].period = (CbPeriod) { 2021 + i, 0 };

  quarters = cb_chart_trend_data_from_snapshot (&snapshot, FALSE, "en");
  years = cb_chart_trend_data_from_snapshot (&snapshot, TRUE, "ja");

  g_assert_cmpuint (quarters->n_values, ==, 8);
  g_assert_cmpstr (quarters->values[0].label, ==, "FY2024Q2");
  g_assert_cmpstr (quarters->values[7].label, ==, "FY2026Q1");
  g_assert_false (quarters->values[2].value.valid);
  g_assert_cmpfloat (quarters->values[3].value.value, ==, 4.5);
  g_assert_cmpfloat (quarters->values[3].reference.value, ==, 13);
  g_assert_cmpuint (quarters->values[3].count, ==, 3);
  g_assert_true (quarters->values[4].small_sample);
  g_assert_false (quarters->values[5].small_sample);
  g_assert_cmpstr (quarters->unit, ==, "days");
  g_assert_cmpstr (quarters->axis_title, ==, "Median dwell time (days)");
  g_assert_cmpstr (quarters->reference_label, ==, "Global median (M-Trends)");

  g_assert_cmpuint (years->n_values, ==, 5);
  g_assert_cmpstr (years->values[4].label, ==, "FY2025");
  g_assert_false (years->values[4].value.valid);
  g_assert_cmpstr (years->axis_title, ==, "検知までの日数の中央値（日）");
  g_assert_cmpstr (years->reference_label, ==, "世界の中央値（M-Trends）");
}

static void
draw_dark (cairo_t       *cr,
           const CbRect  *area,
           gconstpointer  data,
           const CbTheme *theme)
{
  const CbTheme *dark = cb_theme_get (CB_THEME_DARK);

  cb_theme_set_color (cr, &dark->background);
  cairo_paint (cr);
  cb_chart_trend_draw (cr, area, data, dark);
}

static void
test_theme_dark (void)
{
  g_autoptr(CbTrendData) data = trend_data ("en");
  CbRect area = { 10, 10, 400, 200 };
  cairo_surface_t *surface = draw_chart (420, 220, &area, draw_dark, data);

  /* On the dark background our series is sky blue, not the print theme's blue. */
  g_assert_true (pixel_is (surface, 2, 2, 36, 36, 36, 0));
  g_assert_cmpuint (count_pixels (surface, 0, 220, 86, 180, 233, 2), >, 20);
  g_assert_cmpuint (count_pixels (surface, 0, 220, 0, 114, 178, 10), ==, 0);

  cairo_surface_destroy (surface);
}

/* Heat map. */

static CbMatrixData *
matrix_data (void)
{
  static const char *const rows[] = { "High", "Medium", "Low" };
  static const char *const columns[] = { "<50", "50–70", "70–85", "≥85", "Not assessed" };
  static const guint counts[] = {
    1, 12, 3, 0, 2,
    0, 4, 5, 1, 6,
    0, 0, 2, 7, 1,
  };
  CbMatrixData *data = cb_chart_matrix_data_new ("en", 3, 5);

  data->title = g_strdup ("Risk");
  data->row_title = g_strdup ("Criticality");
  data->column_title = g_strdup ("Latest score");
  data->n_muted_columns = 1;
  for (guint r = 0; r < 3; r++)
    data->row_labels[r] = g_strdup (rows[r]);
  for (guint c = 0; c < 5; c++)
    data->column_labels[c] = g_strdup (columns[c]);
  memcpy (data->counts, counts, sizeof counts);

  return data;
}

static void
draw_matrix (cairo_t       *cr,
             const CbRect  *area,
             gconstpointer  data,
             const CbTheme *theme)
{
  cb_chart_matrix_draw (cr, area, data, theme);
}

static void
test_matrix_draw (void)
{
  static const struct
  {
    guint row;
    guint column;
    int   rgb[3];
  } cases[] = {
    /* The largest count, 12, gets the ramp's end: blue. */
    { 0, 1, { 0, 114, 178 } },
    /* An empty cell gets its start, (235, 244, 249). */
    { 2, 0, { 235, 244, 249 } },
    /* 6 not assessed: 0.15 + 0.85 × 6 / 12 = 0.575 of the way from (235, 244, 249) to
     * grey 110 is (163.1, 167.0, 169.1). */
    { 1, 4, { 163, 167, 169 } },
    /* 1 of 12: 0.15 + 0.85 / 12 = 0.2208 of the way to blue is (183.1, 215.3, 233.3). */
    { 0, 0, { 183, 215, 233 } },
  };
  g_autoptr(CbMatrixData) data = matrix_data ();
  CbRect area = { 10, 10, 380, 160 };
  cairo_surface_t *surface = draw_chart (400, 180, &area, draw_matrix, data);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbRect cell;

      g_assert_true (cb_chart_matrix_cell_rect (&area, data, print_theme (), cases[i].row,
                                                cases[i].column, &cell));
      g_assert_true (cb_rect_contains (&area, cell.x, cell.y));
      /* Near the corner, clear of the count written in the middle. */
      g_assert_true (pixel_is (surface, cell.x + 2, cell.y + 2, cases[i].rgb[0], cases[i].rgb[1],
                               cases[i].rgb[2], 1));
    }

  cairo_surface_destroy (surface);
}

static void
test_matrix_cell_at (void)
{
  g_autoptr(CbMatrixData) data = matrix_data ();
  CbRect area = { 10, 10, 380, 160 };
  CbRect first, last;
  guint row = 99, column = 99;

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 5; c++)
      {
        CbRect cell;

        g_assert_true (cb_chart_matrix_cell_rect (&area, data, print_theme (), r, c, &cell));
        g_assert_true (cb_chart_matrix_cell_at (&area, data, print_theme (), cell.x + cell.width / 2,
                                                cell.y + cell.height / 2, &row, &column));
        g_assert_cmpuint (row, ==, r);
        g_assert_cmpuint (column, ==, c);
      }

  /* Left of the cells are the row labels; the muted column stands apart from the others. */
  cb_chart_matrix_cell_rect (&area, data, print_theme (), 0, 0, &first);
  cb_chart_matrix_cell_rect (&area, data, print_theme (), 0, 3, &last);
  g_assert_false (cb_chart_matrix_cell_at (&area, data, print_theme (), first.x - 1, first.y + 1,
                                           NULL, NULL));
  cb_chart_matrix_cell_rect (&area, data, print_theme (), 0, 4, &first);
  g_assert_cmpfloat (first.x - (last.x + last.width), >, print_theme ()->gap);
  g_assert_false (cb_chart_matrix_cell_rect (&area, data, print_theme (), 3, 0, &first));
}

static void
test_matrix_describe (void)
{
  g_autoptr(CbMatrixData) data = matrix_data ();
  g_autofree char *text = cb_chart_matrix_describe (data);
  g_autofree char *cell = cb_chart_matrix_describe_cell (data, 0, 1);

  g_assert_cmpstr (text, ==,
                   "Risk. High: <50 1, 50–70 12, 70–85 3, ≥85 0, Not assessed 2. "
                   "Medium: <50 0, 50–70 4, 70–85 5, ≥85 1, Not assessed 6. "
                   "Low: <50 0, 50–70 0, 70–85 2, ≥85 7, Not assessed 1.");
  g_assert_cmpstr (cell, ==, "Criticality High, Latest score 50–70: 12");
}

static void
test_matrix_from_snapshot (void)
{
  CbSnapshot snapshot = { 0 };
  g_autoptr(CbMatrixData) data = NULL;
  g_autoptr(CbBarData) bands = NULL;

  for (guint r = 0; r < CB_CRITICALITIES; r++)
    for (guint c = 0; c <= CB_SCORE_BANDS; c++)
      snapshot.suppliers.risk_matrix[r][c] = 10 * r + c;

  data = cb_chart_matrix_data_from_snapshot (&snapshot, "ja");
  g_assert_cmpuint (data->n_rows, ==, 3);
  g_assert_cmpuint (data->n_columns, ==, 5);
  g_assert_cmpuint (data->n_muted_columns, ==, 1);
  g_assert_cmpstr (data->row_labels[0], ==, "高");
  g_assert_cmpstr (data->row_labels[2], ==, "低");
  g_assert_cmpstr (data->column_labels[0], ==, "<50");
  g_assert_cmpstr (data->column_labels[4], ==, "未評価");
  g_assert_cmpuint (data->counts[1 * 5 + 3], ==, 13);
  g_assert_cmpuint (data->counts[2 * 5 + 4], ==, 24);

  /* The bands chart stacks the same counts by criticality. */
  bands = cb_chart_bars_data_from_supplier_bands (&snapshot, "en");
  g_assert_cmpuint (bands->n_bars, ==, 4);
  g_assert_cmpuint (bands->n_series, ==, 3);
  g_assert_cmpstr (bands->series_labels[1], ==, "Medium");
  g_assert_cmpstr (bands->bars[3].label, ==, "≥85");
  g_assert_cmpfloat (bands->bars[3].values[0].value, ==, 3);
  g_assert_cmpfloat (bands->bars[3].values[2].value, ==, 23);
}

/* Bars. */

static void
draw_bars (cairo_t       *cr,
           const CbRect  *area,
           gconstpointer  data,
           const CbTheme *theme)
{
  cb_chart_bars_draw (cr, area, data, theme);
}

static CbBarData *
stacked_data (void)
{
  CbBarData *data = cb_chart_bars_data_new ("en", 2, 2);

  data->title = g_strdup ("Bands");
  data->axis_title = g_strdup ("Suppliers");
  data->series_labels[0] = g_strdup ("High");
  data->series_labels[1] = g_strdup ("Low");
  data->bars[0].label = g_strdup ("<50");
  data->bars[0].values[0] = CB_OPTIONAL (6);
  data->bars[0].values[1] = CB_OPTIONAL (2);
  data->bars[1].label = g_strdup ("≥85");
  data->bars[1].values[1] = CB_OPTIONAL (3);

  return data;
}

static void
test_bars_draw (void)
{
  g_autoptr(CbBarData) data = stacked_data ();
  CbRect area = { 10, 10, 300, 200 };
  cairo_surface_t *surface;
  guint high, low;

  /* Only the first bar has a "High" segment; the second's is missing. */
  data->bars[1].values[1] = CB_OPTIONAL_NONE;
  surface = draw_chart (320, 220, &area, draw_bars, data);

  /* Blue for the first series; the second is 70 % of the way to white: (178.5, 212.7, 231.9).
   * Below the legend, both segments are as wide, and 6 is three times 2. */
  high = count_pixels (surface, 40, 220, 0, 114, 178, 1);
  low = count_pixels (surface, 40, 220, 178, 213, 232, 2);
  g_assert_cmpuint (low, >, 100);
  g_assert_cmpfloat_with_epsilon ((double) high / low, 3.0, 0.15);

  cairo_surface_destroy (surface);
}

static void
test_bars_describe (void)
{
  g_autoptr(CbBarData) data = stacked_data ();
  g_autofree char *text = cb_chart_bars_describe (data);

  g_assert_cmpstr (text, ==, "Bands. <50: 8 (High 6, Low 2). ≥85: 3 (High no value, Low 3).");
}

static void
test_bars_from_benchmarks (void)
{
  CbSnapshot snapshot = { 0 };
  CbSnapshotBenchmark benchmarks[] = {
    { .code = "IPA", .name_en = "IPA 5.0", .name_ja = "IPA ベンチマーク", .total = CB_OPTIONAL (98),
      .max = CB_OPTIONAL (135), .previous_total = CB_OPTIONAL (88) },
    { .code = "OWN", .total = CB_OPTIONAL (3), .max = CB_OPTIONAL_NONE },
  };
  g_autoptr(CbBarData) data = NULL;
  g_autofree char *text = NULL;

  snapshot.benchmarks = g_array_new (FALSE, FALSE, sizeof (CbSnapshotBenchmark));
  g_array_append_vals (snapshot.benchmarks, benchmarks, G_N_ELEMENTS (benchmarks));

  data = cb_chart_bars_data_from_benchmarks (&snapshot, "en");
  g_assert_true (data->horizontal);
  g_assert_cmpuint (data->n_bars, ==, 2);
  /* 98 / 135 = 72.59 %, 88 / 135 = 65.19 %. */
  g_assert_cmpfloat_with_epsilon (data->bars[0].values[0].value, 72.59, 0.01);
  g_assert_cmpfloat_with_epsilon (data->bars[0].marker.value, 65.19, 0.01);
  g_assert_cmpstr (data->bars[0].value_text, ==, "72.6% (98 / 135)");
  /* Without a maximum there is no share; the name falls back to the code. */
  g_assert_cmpstr (data->bars[1].label, ==, "OWN");
  g_assert_false (data->bars[1].values[0].valid);

  text = cb_chart_bars_describe (data);
  g_assert_cmpstr (text, ==, "Benchmark totals as a share of the maximum score. IPA 5.0: 72.6% (98 / 135); "
                             "Previous period 65.2%. OWN: no value.");

  g_array_unref (snapshot.benchmarks);
}

/* Bullet. */

static void
draw_bullet (cairo_t       *cr,
             const CbRect  *area,
             gconstpointer  data,
             const CbTheme *theme)
{
  cb_chart_bullet_draw (cr, area, data, theme);
}

/* The runs of the three band colours along row @y, as fractions of their total length. */
static guint
band_runs (cairo_surface_t *surface,
           int              y,
           CbRag           *order,
           double          *share)
{
  static const int colors[4][3] = {
    [CB_RAG_RED] = { 238, 191, 153 },
    [CB_RAG_AMBER] = { 248, 226, 179 },
    [CB_RAG_GREEN] = { 217, 240, 234 },
  };
  guint lengths[8] = { 0 };
  guint n = 0, total = 0;
  int last = -1;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    for (int rag = CB_RAG_RED; rag <= CB_RAG_GREEN; rag++)
      if (pixel_is (surface, x, y, colors[rag][0], colors[rag][1], colors[rag][2], 2))
        {
          if (rag != last)
            {
              g_assert_cmpuint (n, <, G_N_ELEMENTS (lengths));
              order[n++] = rag;
              last = rag;
            }
          lengths[n - 1]++;
          total++;
        }

  for (guint i = 0; i < n; i++)
    share[i] = (double) lengths[i] / total;

  return n;
}

static void
test_bullet_bands (void)
{
  static const struct
  {
    CbDirection direction;
    double      value;
    double      target;
    CbRag       order[3];
    double      share[3];
    double      bar;
  } cases[] = {
    /* 60 % against 80 % with a band of 10 on 0–100 %: red to 70, amber to 80, green on. */
    { CB_DIRECTION_HIGHER, 60, 80, { CB_RAG_RED, CB_RAG_AMBER, CB_RAG_GREEN }, { 0.7, 0.1, 0.2 }, 0.6 },
    /* 35 % against 20 % the other way: 35 × 1.1 = 38.5 rounds up to a scale of 0–40, green
     * to 20, amber to 30, red on. */
    { CB_DIRECTION_LOWER, 35, 20, { CB_RAG_GREEN, CB_RAG_AMBER, CB_RAG_RED }, { 0.5, 0.25, 0.25 }, 0.875 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbBulletData) data = cb_chart_bullet_data_new ("en");
      CbRect area = { 10, 10, 300, 16 };
      cairo_surface_t *surface;
      CbRag order[8];
      double share[8];
      guint n, bar = 0, start = 0;

      data->unit = g_strdup ("%");
      data->direction = cases[c].direction;
      data->value = CB_OPTIONAL (cases[c].value);
      data->target = CB_OPTIONAL (cases[c].target);
      data->band = 10;
      data->status = CB_RAG_RED;
      surface = draw_chart (320, 36, &area, draw_bullet, data);

      /* The top row crosses only the bands: the value's bar fills the middle third, the
       * target's stroke 12–88 % of the height. */
      n = band_runs (surface, 11, order, share);
      g_assert_cmpuint (n, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          g_assert_cmpint (order[i], ==, cases[c].order[i]);
          g_assert_cmpfloat_with_epsilon (share[i], cases[c].share[i], 0.015);
        }

      /* The middle row: the value's dark bar from the scale's start. */
      for (int x = 10; x < 320; x++)
        {
          int rgb[3];

          pixel (surface, x, 18, rgb);
          if (rgb[0] > 60)
            break;
          bar++;
        }
      for (int x = 10; x < 320; x++)
        if (pixel_is (surface, x, 11, 238, 191, 153, 2) || pixel_is (surface, x, 11, 248, 226, 179, 2)
            || pixel_is (surface, x, 11, 217, 240, 234, 2))
          start++;
      g_assert_cmpfloat_with_epsilon ((double) bar / start, cases[c].bar, 0.015);

      cairo_surface_destroy (surface);
    }
}

static void
test_bullet_describe (void)
{
  static const struct
  {
    const char  *lang;
    const char  *title;
    const char  *unit;
    CbDirection  direction;
    double       value;
    double       target;
    double       band;
    CbRag        status;
    const char  *expected;
  } cases[] = {
    { "en", "Training", "%", CB_DIRECTION_HIGHER, 60, 80, 10, CB_RAG_RED,
      "Training: 60% against a target of 80% (higher is better; amber down to 70%). Status: red." },
    { "ja", "研修", "%", CB_DIRECTION_HIGHER, 60, 80, 10, CB_RAG_RED,
      "研修：60%（目標 80%、高いほど良い、70%まで黄）。判定：赤。" },
    { "en", "Dwell", "days", CB_DIRECTION_LOWER, 25, 20, 10, CB_RAG_AMBER,
      "Dwell: 25 days against a target of 20 days (lower is better; amber up to 30 days). Status: amber." },
    { "en", "Spend", "JPY", CB_DIRECTION_HIGHER, 5e6, 4e6, 0, CB_RAG_GREEN,
      "Spend: ¥5,000,000 against a target of ¥4,000,000 (higher is better). Status: green." },
    { "en", "Findings", "count", CB_DIRECTION_LOWER, 4, -1, 0, CB_RAG_GREY,
      "Findings: 4 (no target). Status: no status." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbBulletData) data = cb_chart_bullet_data_new (cases[c].lang);
      g_autofree char *text = NULL;

      data->title = g_strdup (cases[c].title);
      data->unit = g_strdup (cases[c].unit);
      data->direction = cases[c].direction;
      data->value = CB_OPTIONAL (cases[c].value);
      data->target = cases[c].target >= 0 ? CB_OPTIONAL (cases[c].target) : CB_OPTIONAL_NONE;
      data->band = cases[c].band;
      data->status = cases[c].status;

      text = cb_chart_bullet_describe (data);
      g_assert_cmpstr (text, ==, cases[c].expected);
    }
}

/* Sparkline. */

static CbSparklineData *
sparkline_data (void)
{
  static const char *const labels[] = { "FY2025Q1", "FY2025Q2", "FY2025Q3", "FY2025Q4", "FY2026Q1" };
  static const double values[] = { 1, 3, -1, 2, 4 };
  CbSparklineData *data = cb_chart_sparkline_data_new ("en", 5);

  data->title = g_strdup ("Phishing");
  data->unit = g_strdup ("%");
  for (guint i = 0; i < 5; i++)
    {
      data->labels[i] = g_strdup (labels[i]);
      data->values[i] = values[i] >= 0 ? CB_OPTIONAL (values[i]) : CB_OPTIONAL_NONE;
    }

  return data;
}

static void
draw_sparkline (cairo_t       *cr,
                const CbRect  *area,
                gconstpointer  data,
                const CbTheme *theme)
{
  cb_chart_sparkline_draw (cr, area, data, theme);
}

static void
test_sparkline (void)
{
  g_autoptr(CbSparklineData) data = sparkline_data ();
  g_autofree char *text = NULL;
  CbRect area = { 10, 10, 100, 20 };
  cairo_surface_t *surface = draw_chart (120, 40, &area, draw_sparkline, data);
  int darkest = 255;

  /* The values 1–4 span the area less a margin of 0.6 × the 4.5-point marker, 2.7: x runs
   * from 12.7 to 107.3, one step of 23.65 per value, and y from 27.3 (1) up to 12.7 (4).
   * The last value, 4, is marked in blue at (107.3, 12.7). */
  g_assert_true (pixel_is (surface, 107.3, 12.7, 0, 114, 178, 10));
  /* Nothing joins 3 at (36.35, 17.57) and 2 at (83.65, 22.43) across the missing value. */
  g_assert_true (pixel_is (surface, 60, 20, 255, 255, 255, 0));
  /* 2 at (83.65, 22.43) and 4 join: the grey line passes (95.5, 17.6). */
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int rgb[3];

        pixel (surface, 95.5 + dx, 17.6 + dy, rgb);
        darkest = MIN (darkest, rgb[0]);
      }
  g_assert_cmpint (darkest, <, 180);

  text = cb_chart_sparkline_describe (data);
  g_assert_cmpstr (text, ==,
                   "Phishing: FY2025Q1 1%, FY2025Q2 3%, FY2025Q3 no value, FY2025Q4 2%, FY2026Q1 4%.");

  cairo_surface_destroy (surface);
}

static void
test_kpi_from_snapshot (void)
{
  CbSnapshotKpi kpi = {
    .code = "PHISH",
    .name_en = "Phishing click rate",
    .name_ja = "フィッシング訓練クリック率",
    .unit = "%",
    .direction = CB_DIRECTION_LOWER,
    .value = CB_OPTIONAL (4.2),
    .target = CB_OPTIONAL (5),
    .band = CB_OPTIONAL (2),
    .status = CB_RAG_GREEN,
  };
  CbPeriod period = { 2026, 1 };
  g_autoptr(CbBulletData) bullet = NULL;
  g_autoptr(CbSparklineData) sparkline = NULL;

  for (guint i = 0; i < CB_KPI_HISTORY; i++)
    kpi.history[i] = i == 0 ? CB_OPTIONAL_NONE : CB_OPTIONAL (10 - i);

  bullet = cb_chart_bullet_data_from_kpi (&kpi, "ja");
  g_assert_cmpstr (bullet->title, ==, "フィッシング訓練クリック率");
  g_assert_cmpint (bullet->direction, ==, CB_DIRECTION_LOWER);
  g_assert_cmpfloat (bullet->value.value, ==, 4.2);
  g_assert_cmpfloat (bullet->band, ==, 2);
  g_assert_cmpint (bullet->status, ==, CB_RAG_GREEN);

  /* Eight quarters ending with FY2026Q1 start at FY2024Q2. */
  sparkline = cb_chart_sparkline_data_from_kpi (&kpi, &period, "en");
  g_assert_cmpstr (sparkline->title, ==, "Phishing click rate");
  g_assert_cmpuint (sparkline->n_values, ==, 8);
  g_assert_cmpstr (sparkline->labels[0], ==, "FY2024Q2");
  g_assert_cmpstr (sparkline->labels[7], ==, "FY2026Q1");
  g_assert_false (sparkline->values[0].valid);
  g_assert_cmpfloat (sparkline->values[7].value, ==, 3);
  g_assert_cmpfloat (sparkline->target.value, ==, 5);
}

/* Rating bars. */

static CbRatingData *
rating_data (int first,
             int second)
{
  static const char *const scale[] = {
    "1 Does not meet", "2 Partly meets", "3 Largely meets", "4 Fully meets",
  };
  CbRatingData *data = cb_chart_rating_data_new ("en", 3, 1, 4);

  data->title = g_strdup ("Ratings");
  for (guint i = 0; i < 4; i++)
    data->scale_labels[i] = g_strdup (scale[i]);
  data->items[0].label = g_strdup ("BE1 Reporting");
  data->items[0].rating = first;
  data->items[1].label = g_strdup ("BE2 Risk");
  data->items[1].rating = second;
  data->items[2].label = g_strdup ("BE3 CISO");

  return data;
}

static void
draw_rating (cairo_t       *cr,
             const CbRect  *area,
             gconstpointer  data,
             const CbTheme *theme)
{
  cb_chart_rating_draw (cr, area, data, theme);
}

static void
test_rating_draw (void)
{
  g_autoptr(CbRatingData) four = rating_data (4, 0);
  g_autoptr(CbRatingData) two = rating_data (0, 2);
  CbRect area = { 10, 10, 400, 150 };
  cairo_surface_t *long_bar = draw_chart (420, 170, &area, draw_rating, four);
  cairo_surface_t *short_bar = draw_chart (420, 170, &area, draw_rating, two);

  /* Bars start at 0 and are as thick in every row: rating 4 is twice as long as 2. */
  g_assert_cmpfloat_with_epsilon ((double) count_pixels (long_bar, 0, 170, 0, 114, 178, 1)
                                  / count_pixels (short_bar, 0, 170, 0, 114, 178, 1), 2.0, 0.1);

  cairo_surface_destroy (long_bar);
  cairo_surface_destroy (short_bar);
}

static void
test_rating_describe (void)
{
  g_autoptr(CbRatingData) data = rating_data (4, 2);
  g_autofree char *text = cb_chart_rating_describe (data);

  g_assert_cmpstr (text, ==,
                   "Ratings. BE1 Reporting: 4 Fully meets. BE2 Risk: 2 Partly meets. BE3 CISO: Not rated.");
}

static void
test_rating_from_evaluation (void)
{
  g_autoptr(CbCatalog) catalog = cb_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbRatingData) en = NULL;
  g_autoptr(CbRatingData) ja = NULL;
  CbEvaluationRating be1 = { .criterion_key = "BE1", .rating = 3 };
  CbEvaluationRating be9 = { .criterion_key = "BE9", .rating = 1 };
  CbEvaluation evaluation = { .fiscal_year = 2025 };

  g_assert_true (cb_catalog_load_criteria (catalog, CB_SOURCE_DATADIR "/reference/evaluation-criteria.ini",
                                           &error));
  g_assert_no_error (error);

  evaluation.ratings = g_ptr_array_new ();
  g_ptr_array_add (evaluation.ratings, &be9);
  g_ptr_array_add (evaluation.ratings, &be1);

  en = cb_chart_rating_data_from_evaluation (&evaluation, catalog, "en");
  ja = cb_chart_rating_data_from_evaluation (&evaluation, catalog, "ja");

  g_assert_cmpuint (en->n_items, ==, 9);
  g_assert_cmpint (en->min, ==, 1);
  g_assert_cmpint (en->max, ==, 4);
  g_assert_cmpstr (en->scale_labels[0], ==, "1 Does not meet");
  g_assert_cmpstr (ja->scale_labels[3], ==, "4 満たしている");
  g_assert_cmpstr (en->items[0].key, ==, "BE1");
  g_assert_cmpstr (en->items[0].label, ==, "BE1 Regular cyber reporting");
  g_assert_cmpstr (ja->items[2].label, ==, "BE3 CISOの権限と報告経路");
  g_assert_cmpint (en->items[0].rating, ==, 3);
  g_assert_cmpint (en->items[1].rating, ==, 0);
  g_assert_cmpint (en->items[8].rating, ==, 1);

  g_ptr_array_unref (evaluation.ratings);
}

/* Empty data: every chart draws its note and nothing else, and says so in words. */

static void
test_empty (void)
{
  g_autoptr(CbRadarData) radar = cb_chart_radar_data_new ("en", 10);
  g_autoptr(CbRadarData) no_axes = cb_chart_radar_data_new ("en", 0);
  g_autoptr(CbTrendData) trend = cb_chart_trend_data_new ("en", 8);
  g_autoptr(CbBarData) bars = cb_chart_bars_data_new ("en", 0, 1);
  g_autoptr(CbMatrixData) matrix = cb_chart_matrix_data_new ("ja", 3, 5);
  g_autoptr(CbBulletData) bullet = cb_chart_bullet_data_new ("en");
  g_autoptr(CbSparklineData) sparkline = cb_chart_sparkline_data_new ("en", 8);
  g_autoptr(CbRatingData) rating = cb_chart_rating_data_new ("en", 0, 1, 4);
  const struct
  {
    DrawFunc      draw;
    gconstpointer data;
  } charts[] = {
    { draw_radar, radar },
    { draw_radar, no_axes },
    { draw_trend, trend },
    { draw_bars, bars },
    { draw_matrix, matrix },
    { draw_bullet, bullet },
    { draw_sparkline, sparkline },
    { draw_rating, rating },
  };
  CbRect area = { 0, 0, 200, 100 };
  g_autofree char *radar_text = NULL;
  g_autofree char *matrix_text = NULL;
  g_autofree char *bullet_text = NULL;
  g_autofree char *sparkline_text = NULL;
  g_autofree char *trend_text = NULL;
  g_autofree char *bars_text = NULL;
  g_autofree char *rating_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      cairo_surface_t *surface = draw_chart (200, 100, &area, charts[i].draw, charts[i].data);

      /* The note sits in the middle, one line of 7.5-point text high. */
      g_assert_cmpuint (count_ink (surface, 40, 60), >, 20);
      g_assert_cmpuint (count_ink (surface, 0, 38), ==, 0);
      g_assert_cmpuint (count_ink (surface, 62, 100), ==, 0);
      cairo_surface_destroy (surface);
    }

  g_assert_cmpint (cb_chart_radar_axis_at (&area, radar, print_theme (), 100, 50), ==, -1);
  g_assert_cmpint (cb_chart_trend_value_at (&area, trend, print_theme (), 100, 50), ==, -1);
  g_assert_false (cb_chart_matrix_cell_at (&area, matrix, print_theme (), 100, 50, NULL, NULL));

  radar->title = g_strdup ("Items");
  radar_text = cb_chart_radar_describe (radar);
  g_assert_cmpstr (radar_text, ==, "Items. No data.");
  matrix->title = g_strdup ("取引先");
  matrix_text = cb_chart_matrix_describe (matrix);
  g_assert_cmpstr (matrix_text, ==, "取引先。データなし。");
  trend_text = cb_chart_trend_describe (trend);
  g_assert_cmpstr (trend_text, ==, "No data.");
  bars_text = cb_chart_bars_describe (bars);
  g_assert_cmpstr (bars_text, ==, "No data.");
  rating_text = cb_chart_rating_describe (rating);
  g_assert_cmpstr (rating_text, ==, "No data.");
  bullet->title = g_strdup ("Spend");
  bullet_text = cb_chart_bullet_describe (bullet);
  g_assert_cmpstr (bullet_text, ==, "Spend: no value (no target). Status: no status.");
  sparkline->title = g_strdup ("Spend");
  sparkline_text = cb_chart_sparkline_describe (sparkline);
  g_assert_cmpstr (sparkline_text, ==, "Spend: No data.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/format/number", test_format_number);
  g_test_add_func ("/charts/format/quantity", test_format_quantity);
  g_test_add_func ("/charts/ticks", test_ticks);
  g_test_add_func ("/charts/theme/fonts", test_theme_fonts);
  g_test_add_func ("/charts/theme/fonts-missing", test_theme_fonts_missing);
  g_test_add_func ("/charts/theme/contrast", test_theme_contrast);
  g_test_add_func ("/charts/theme/rag-shapes", test_theme_rag_shapes);
  g_test_add_func ("/charts/theme/dark", test_theme_dark);
  g_test_add_func ("/charts/radar/fill", test_radar_fill);
  g_test_add_func ("/charts/radar/labels", test_radar_labels);
  g_test_add_func ("/charts/radar/guideline-titles", test_radar_guideline_titles);
  g_test_add_func ("/charts/radar/axis-at", test_radar_axis_at);
  g_test_add_func ("/charts/radar/describe", test_radar_describe);
  g_test_add_func ("/charts/radar/from-snapshot", test_radar_from_snapshot);
  g_test_add_func ("/charts/trend/draw", test_trend_draw);
  g_test_add_func ("/charts/trend/value-at", test_trend_value_at);
  g_test_add_func ("/charts/trend/describe", test_trend_describe);
  g_test_add_func ("/charts/trend/from-snapshot", test_trend_from_snapshot);
  g_test_add_func ("/charts/matrix/draw", test_matrix_draw);
  g_test_add_func ("/charts/matrix/cell-at", test_matrix_cell_at);
  g_test_add_func ("/charts/matrix/describe", test_matrix_describe);
  g_test_add_func ("/charts/matrix/from-snapshot", test_matrix_from_snapshot);
  g_test_add_func ("/charts/bars/draw", test_bars_draw);
  g_test_add_func ("/charts/bars/describe", test_bars_describe);
  g_test_add_func ("/charts/bars/from-benchmarks", test_bars_from_benchmarks);
  g_test_add_func ("/charts/bullet/bands", test_bullet_bands);
  g_test_add_func ("/charts/bullet/describe", test_bullet_describe);
  g_test_add_func ("/charts/sparkline", test_sparkline);
  g_test_add_func ("/charts/kpi/from-snapshot", test_kpi_from_snapshot);
  g_test_add_func ("/charts/rating/draw", test_rating_draw);
  g_test_add_func ("/charts/rating/describe", test_rating_describe);
  g_test_add_func ("/charts/rating/from-evaluation", test_rating_from_evaluation);
  g_test_add_func ("/charts/empty", test_empty);

  status = g_test_run ();

  cb_theme_release_fonts ();

  return status;
}
