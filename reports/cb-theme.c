/* cb-theme.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "cb-theme.h"

#define RGB(r, g, b)     { (r) / 255., (g) / 255., (b) / 255., 1. }
#define RGBA(r, g, b, a) { (r) / 255., (g) / 255., (b) / 255., (a) }

/* Latin text in Noto Sans, Japanese in its companion Noto Sans CJK JP. Given Latin letters (I and
 * L together are enough), cairo 1.16 stops trimming the CJK font's subroutines and embeds all of
 * them, which made every report's PDF megabytes of font and tens of milliseconds slower. */
#define FONT_FAMILY "Noto Sans, Noto Sans CJK JP"

static const struct
{
  const char *family;
  const char *package;
} needed_fonts[] = {
  { "Noto Sans", "fonts-noto-core" },
  { "Noto Sans CJK JP", "fonts-noto-cjk" },
};

/* Okabe–Ito: blue for our own figure (darkest), orange for the previous period (lightest,
 * dashed), bluish green for the target (dotted), grey for outside references (dashed). */
#define PRINT_SERIES                                                                          \
  {                                                                                           \
    { RGB (0, 114, 178), RGBA (0, 114, 178, .16), CB_DASH_SOLID, CB_MARKER_CIRCLE, 1.8 },     \
    { RGB (230, 159, 0), RGBA (0, 0, 0, 0), CB_DASH_DASHED, CB_MARKER_SQUARE, 1.3 },          \
    { RGB (0, 158, 115), RGBA (0, 158, 115, .12), CB_DASH_DOTTED, CB_MARKER_DIAMOND, 1.5 },   \
    { RGB (80, 80, 80), RGBA (0, 0, 0, 0), CB_DASH_DASHED, CB_MARKER_NONE, 1.2 },             \
  }

/* Vermillion, orange and bluish green, with a neutral grey for "no value". The pale band
 * colours get lighter from red to green, so a bullet chart's bands stay ordered in grey. */
#define PRINT_RAG      { RGB (153, 153, 153), RGB (213, 94, 0), RGB (230, 159, 0), RGB (0, 158, 115) }
#define PRINT_RAG_BAND { RGB (235, 235, 235), RGB (238, 191, 153), RGB (248, 226, 179), RGB (217, 240, 234) }

#define PRINT_COLORS                            \
  .background = RGB (255, 255, 255),            \
  .foreground = RGB (26, 26, 26),               \
  .muted = RGB (94, 94, 94),                    \
  .grid = RGB (222, 222, 222),                  \
  .axis = RGB (140, 140, 140),                  \
  .rule = RGB (179, 179, 179),                  \
  .stripe = RGB (245, 245, 245),                \
  .watermark = RGBA (0, 0, 0, .07),             \
  .series = PRINT_SERIES,                       \
  .rag = PRINT_RAG,                             \
  .rag_band = PRINT_RAG_BAND,                   \
  .heat_low = RGB (235, 244, 249),              \
  .heat_high = RGB (0, 114, 178),               \
  .heat_muted_high = RGB (110, 110, 110)

#define SCREEN_FONTS                                       \
  {                                                        \
    [CB_FONT_BODY] = { 14, PANGO_WEIGHT_NORMAL },          \
    [CB_FONT_TABLE] = { 13, PANGO_WEIGHT_NORMAL },         \
    [CB_FONT_TABLE_HEADER] = { 13, PANGO_WEIGHT_BOLD },    \
    [CB_FONT_CAPTION] = { 12, PANGO_WEIGHT_NORMAL },       \
    [CB_FONT_MARGIN] = { 11, PANGO_WEIGHT_NORMAL },        \
    [CB_FONT_HEADING_1] = { 24, PANGO_WEIGHT_BOLD },       \
    [CB_FONT_HEADING_2] = { 18, PANGO_WEIGHT_BOLD },       \
    [CB_FONT_HEADING_3] = { 15, PANGO_WEIGHT_BOLD },       \
    [CB_FONT_WATERMARK] = { 96, PANGO_WEIGHT_BOLD },       \
    [CB_FONT_CHART] = { 12, PANGO_WEIGHT_NORMAL },         \
    [CB_FONT_CHART_SMALL] = { 11, PANGO_WEIGHT_NORMAL },   \
    [CB_FONT_CHART_VALUE] = { 12, PANGO_WEIGHT_BOLD },     \
  }

static const CbTheme print_theme = {
  .kind = CB_THEME_PRINT,
  .font_family = FONT_FAMILY,
  .fonts = {
    [CB_FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
    [CB_FONT_TABLE] = { 8, PANGO_WEIGHT_NORMAL },
    [CB_FONT_TABLE_HEADER] = { 8, PANGO_WEIGHT_BOLD },
    [CB_FONT_CAPTION] = { 8, PANGO_WEIGHT_NORMAL },
    [CB_FONT_MARGIN] = { 7, PANGO_WEIGHT_NORMAL },
    [CB_FONT_HEADING_1] = { 16, PANGO_WEIGHT_BOLD },
    [CB_FONT_HEADING_2] = { 12, PANGO_WEIGHT_BOLD },
    [CB_FONT_HEADING_3] = { 10, PANGO_WEIGHT_BOLD },
    [CB_FONT_WATERMARK] = { 80, PANGO_WEIGHT_BOLD },
    [CB_FONT_CHART] = { 7.5, PANGO_WEIGHT_NORMAL },
    [CB_FONT_CHART_SMALL] = { 6.5, PANGO_WEIGHT_NORMAL },
    [CB_FONT_CHART_VALUE] = { 7.5, PANGO_WEIGHT_BOLD },
  },
  PRINT_COLORS,
  .line_width = .9,
  .grid_width = .4,
  .marker_size = 4.5,
  .gap = 6,
};

static const CbTheme light_theme = {
  .kind = CB_THEME_LIGHT,
  .font_family = FONT_FAMILY,
  .fonts = SCREEN_FONTS,
  PRINT_COLORS,
  .line_width = 1.5,
  .grid_width = 1,
  .marker_size = 7,
  .gap = 8,
};

/* On libadwaita's dark window background the lighter sky blue takes the place of blue, and
 * the pale colours are mixed towards the background instead of white. */
static const CbTheme dark_theme = {
  .kind = CB_THEME_DARK,
  .font_family = FONT_FAMILY,
  .fonts = SCREEN_FONTS,
  .background = RGB (36, 36, 36),
  .foreground = RGB (235, 235, 235),
  .muted = RGB (160, 160, 160),
  .grid = RGB (64, 64, 64),
  .axis = RGB (120, 120, 120),
  .rule = RGB (90, 90, 90),
  .stripe = RGB (44, 44, 44),
  .watermark = RGBA (255, 255, 255, .08),
  .series = {
    { RGB (86, 180, 233), RGBA (86, 180, 233, .22), CB_DASH_SOLID, CB_MARKER_CIRCLE, 1.8 },
    { RGB (230, 159, 0), RGBA (0, 0, 0, 0), CB_DASH_DASHED, CB_MARKER_SQUARE, 1.3 },
    { RGB (0, 158, 115), RGBA (0, 158, 115, .18), CB_DASH_DOTTED, CB_MARKER_DIAMOND, 1.5 },
    { RGB (200, 200, 200), RGBA (0, 0, 0, 0), CB_DASH_DASHED, CB_MARKER_NONE, 1.2 },
  },
  .rag = { RGB (130, 130, 130), RGB (213, 94, 0), RGB (230, 159, 0), RGB (0, 158, 115) },
  .rag_band = { RGB (56, 56, 56), RGB (116, 62, 20), RGB (104, 79, 23), RGB (27, 67, 56) },
  .heat_low = RGB (48, 54, 60),
  .heat_high = RGB (86, 180, 233),
  .heat_muted_high = RGB (170, 170, 170),
  .line_width = 1.5,
  .grid_width = 1,
  .marker_size = 7,
  .gap = 8,
};

G_DEFINE_QUARK (cb-theme-error-quark, cb_theme_error)

const CbTheme *
cb_theme_get (CbThemeKind kind)
{
  switch (kind)
    {
    case CB_THEME_PRINT:
      return &print_theme;
    case CB_THEME_LIGHT:
      return &light_theme;
    case CB_THEME_DARK:
      return &dark_theme;
    default:
      g_return_val_if_reached (&print_theme);
    }
}

static gboolean
font_installed (const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  gboolean found;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  fonts = FcFontList (NULL, pattern, objects);
  found = fonts != NULL && fonts->nfont > 0;

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

gboolean
cb_theme_check_fonts (GError **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needed_fonts); i++)
    if (!font_installed (needed_fonts[i].family))
      g_string_append_printf (missing, "%s“%s” (Debian package %s)", missing->len > 0 ? ", " : "",
                              needed_fonts[i].family, needed_fonts[i].package);
  if (missing->len > 0)
    {
      g_set_error (error, CB_THEME_ERROR, CB_THEME_ERROR_NO_FONT,
                   "Reports set Latin text in Noto Sans and Japanese in Noto Sans CJK JP; not installed: %s",
                   missing->str);
      return FALSE;
    }

  return TRUE;
}

/* Whether Pango's font map was ever asked for: releasing the fonts would otherwise start it, and
 * its fontconfig thread, only to pull fontconfig from under that thread. */
static gboolean fonts_used;

PangoContext *
cb_theme_create_context (const char *lang)
{
  PangoContext *context;
  cairo_font_options_t *options;
  gboolean ja = lang != NULL && g_str_has_prefix (lang, "ja");

  fonts_used = TRUE;
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (ja ? "ja" : "en"));

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

PangoLayout *
cb_theme_create_layout (const CbTheme *theme,
                        PangoContext  *context,
                        CbFont         font,
                        const char    *text)
{
  PangoLayout *layout;
  PangoFontDescription *description;

  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font < CB_FONT_N, NULL);

  description = pango_font_description_new ();
  pango_font_description_set_family_static (description, theme->font_family);
  pango_font_description_set_absolute_size (description, theme->fonts[font].size * PANGO_SCALE);
  pango_font_description_set_weight (description, theme->fonts[font].weight);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (description);

  return layout;
}

CbColor
cb_color_mix (const CbColor *from,
              const CbColor *to,
              double         t)
{
  t = CLAMP (t, 0., 1.);

  return (CbColor) {
    from->r + (to->r - from->r) * t,
    from->g + (to->g - from->g) * t,
    from->b + (to->b - from->b) * t,
    from->a + (to->a - from->a) * t,
  };
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
cb_color_luminance (const CbColor *color)
{
  return 0.2126 * linear_channel (color->r)
         + 0.7152 * linear_channel (color->g)
         + 0.0722 * linear_channel (color->b);
}

CbColor
cb_color_contrasting (const CbColor *fill)
{
  static const CbColor dark = RGB (26, 26, 26);
  static const CbColor light = RGB (255, 255, 255);
  double l = cb_color_luminance (fill);
  double against_dark = (l + 0.05) / (cb_color_luminance (&dark) + 0.05);
  double against_light = 1.05 / (l + 0.05);

  return against_dark >= against_light ? dark : light;
}

void
cb_theme_set_color (cairo_t       *cr,
                    const CbColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
cb_theme_set_series (cairo_t       *cr,
                     const CbTheme *theme,
                     CbSeries       series)
{
  const CbSeriesStyle *style;
  double width;

  g_return_if_fail (series < CB_SERIES_N);

  style = &theme->series[series];
  width = theme->line_width * style->width;
  cb_theme_set_color (cr, &style->color);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (style->dash)
    {
    case CB_DASH_SOLID:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case CB_DASH_DASHED:
      {
        double dashes[] = { 4 * width, 2.5 * width };

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      }
      break;

    case CB_DASH_DOTTED:
      {
        /* Zero-length dashes with round caps are drawn as dots. */
        double dashes[] = { 0, 2.2 * width };

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
marker_path (cairo_t  *cr,
             CbMarker  marker,
             double    x,
             double    y,
             double    size)
{
  double h = size / 2;

  switch (marker)
    {
    case CB_MARKER_NONE:
      break;

    case CB_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, h, 0, 2 * G_PI);
      break;

    case CB_MARKER_SQUARE:
      /* A square of the circle's area, so no marker looks heavier than another. */
      h *= sqrt (G_PI) / 2;
      cairo_rectangle (cr, x - h, y - h, 2 * h, 2 * h);
      break;

    case CB_MARKER_DIAMOND:
      h *= sqrt (G_PI / 2);
      cairo_move_to (cr, x, y - h);
      cairo_line_to (cr, x + h, y);
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x - h, y);
      cairo_close_path (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
cb_theme_draw_marker (cairo_t       *cr,
                      const CbTheme *theme,
                      CbMarker       marker,
                      const CbColor *color,
                      double         x,
                      double         y,
                      double         size,
                      gboolean       hollow)
{
  if (marker == CB_MARKER_NONE)
    return;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_new_path (cr);
  marker_path (cr, marker, x, y, size);

  if (hollow)
    {
      cb_theme_set_color (cr, &theme->background);
      cairo_fill_preserve (cr);
      cb_theme_set_color (cr, color);
      cairo_set_line_width (cr, theme->line_width);
      cairo_stroke (cr);
    }
  else
    {
      /* A thin halo of the background keeps neighbouring markers and lines apart. */
      cb_theme_set_color (cr, &theme->background);
      cairo_set_line_width (cr, theme->line_width);
      cairo_stroke_preserve (cr);
      cb_theme_set_color (cr, color);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

void
cb_theme_draw_rag (cairo_t       *cr,
                   const CbTheme *theme,
                   CbRag          rag,
                   double         x,
                   double         y,
                   double         size)
{
  const CbColor *color;
  CbColor sign;
  double h = size / 2;
  double s = size * 0.2;

  g_return_if_fail (rag <= CB_RAG_GREEN);

  color = &theme->rag[rag];
  sign = cb_color_contrasting (color);

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);

  switch (rag)
    {
    case CB_RAG_GREEN:
      cairo_arc (cr, x, y, h, 0, 2 * G_PI);
      cb_theme_set_color (cr, color);
      cairo_fill (cr);
      cairo_move_to (cr, x - 1.2 * s, y);
      cairo_line_to (cr, x - 0.3 * s, y + 0.9 * s);
      cairo_line_to (cr, x + 1.3 * s, y - 0.9 * s);
      break;

    case CB_RAG_AMBER:
      /* An equilateral triangle with its centroid slightly below @y, so it looks centred. */
      cairo_move_to (cr, x, y - 1.05 * h);
      cairo_line_to (cr, x + 1.1 * h, y + 0.85 * h);
      cairo_line_to (cr, x - 1.1 * h, y + 0.85 * h);
      cairo_close_path (cr);
      cb_theme_set_color (cr, color);
      cairo_fill (cr);
      cairo_move_to (cr, x, y - 0.55 * h);
      cairo_line_to (cr, x, y + 0.15 * h);
      cairo_move_to (cr, x, y + 0.5 * h);
      cairo_line_to (cr, x, y + 0.5 * h);
      break;

    case CB_RAG_RED:
      cairo_move_to (cr, x, y - 1.1 * h);
      cairo_line_to (cr, x + 1.1 * h, y);
      cairo_line_to (cr, x, y + 1.1 * h);
      cairo_line_to (cr, x - 1.1 * h, y);
      cairo_close_path (cr);
      cb_theme_set_color (cr, color);
      cairo_fill (cr);
      cairo_move_to (cr, x - s, y - s);
      cairo_line_to (cr, x + s, y + s);
      cairo_move_to (cr, x + s, y - s);
      cairo_line_to (cr, x - s, y + s);
      break;

    case CB_RAG_GREY:
      cairo_arc (cr, x, y, h - theme->line_width / 2, 0, 2 * G_PI);
      cb_theme_set_color (cr, color);
      cairo_set_line_width (cr, theme->line_width);
      cairo_stroke (cr);
      sign = *color;
      cairo_move_to (cr, x - s, y);
      cairo_line_to (cr, x + s, y);
      break;

    default:
      g_assert_not_reached ();
    }

  cb_theme_set_color (cr, &sign);
  cairo_set_line_width (cr, MAX (size * 0.14, theme->line_width));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* How long Pango's font-sorting thread may take to let go of the font map. */
#define RELEASE_WAIT_US (2 * G_USEC_PER_SEC)

void
cb_theme_release_fonts (void)
{
  GWeakRef font_map;
  gint64 deadline = g_get_monotonic_time () + RELEASE_WAIT_US;
  gboolean released = FALSE;

  if (!fonts_used)
    return;
  g_weak_ref_init (&font_map, pango_cairo_font_map_get_default ());
  pango_cairo_font_map_set_default (NULL);
  /* Pango sorts fonts on a thread of its own, which holds the font map until it is done; cairo
   * aborts when its caches are reset under fonts still in use. */
  while (!released && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&font_map);

      released = alive == NULL;
      if (!released)
        g_usleep (1000);
    }
  g_weak_ref_clear (&font_map);
  if (!released)
    return;
  cairo_debug_reset_static_data ();
  FcFini ();
  fonts_used = FALSE;
}
