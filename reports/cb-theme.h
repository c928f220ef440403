/* cb-theme.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cb-stats.h"

G_BEGIN_DECLS

/* How charts and pages look on paper and on screen. Sizes are in the user units of the cairo
 * context drawn on: points for print, logical pixels for the screen. Colours come from the
 * Okabe–Ito palette, and every series differs from the others in lightness and in dash or
 * marker shape as well as in hue, so a greyscale print and colour-blind readers lose nothing.
 */

#define CB_THEME_ERROR (cb_theme_error_quark ())

typedef enum
{
  CB_THEME_ERROR_NO_FONT,
} CbThemeError;

typedef enum
{
  CB_THEME_PRINT,
  CB_THEME_LIGHT,
  CB_THEME_DARK,
} CbThemeKind;

typedef struct
{
  double r;
  double g;
  double b;
  double a;
} CbColor;

typedef enum
{
  CB_DASH_SOLID,
  CB_DASH_DASHED,
  CB_DASH_DOTTED,
} CbDash;

typedef enum
{
  CB_MARKER_NONE,
  CB_MARKER_CIRCLE,
  CB_MARKER_SQUARE,
  CB_MARKER_DIAMOND,
} CbMarker;

typedef struct
{
  CbColor  color;
  CbColor  fill;      /* the area under or inside the series; transparent for none */
  CbDash   dash;
  CbMarker marker;
  double   width;     /* line width, as a multiple of the theme's line_width */
} CbSeriesStyle;

/* The series every chart draws from. */
typedef enum
{
  CB_SERIES_CURRENT,    /* this period, the company's own figure */
  CB_SERIES_PREVIOUS,   /* the period before */
  CB_SERIES_TARGET,     /* the target or desired level */
  CB_SERIES_REFERENCE,  /* an outside reference such as the global median */
  CB_SERIES_N,
} CbSeries;

typedef enum
{
  CB_FONT_BODY,
  CB_FONT_TABLE,
  CB_FONT_TABLE_HEADER,
  CB_FONT_CAPTION,
  CB_FONT_MARGIN,       /* page header and footer */
  CB_FONT_HEADING_1,
  CB_FONT_HEADING_2,
  CB_FONT_HEADING_3,
  CB_FONT_WATERMARK,
  CB_FONT_CHART,        /* chart labels and legends */
  CB_FONT_CHART_SMALL,  /* tick labels */
  CB_FONT_CHART_VALUE,  /* figures written inside a chart */
  CB_FONT_N,
} CbFont;

typedef struct
{
  double size;
  int    weight;        /* a PangoWeight */
} CbFontStyle;

typedef struct
{
  CbThemeKind    kind;
  const char    *font_family;
  CbFontStyle    fonts[CB_FONT_N];
  CbColor        background;
  CbColor        foreground;
  CbColor        muted;         /* secondary text: captions, ticks, notes */
  CbColor        grid;
  CbColor        axis;
  CbColor        rule;          /* table rules and the page header's line */
  CbColor        stripe;        /* alternate table rows */
  CbColor        watermark;
  CbSeriesStyle  series[CB_SERIES_N];
  CbColor        rag[4];        /* indexed by CbRag */
  CbColor        rag_band[4];   /* pale forms for the bands of a bullet chart */
  CbColor        heat_low;      /* the heat map's ramp, by count */
  CbColor        heat_high;
  CbColor        heat_muted_high; /* the ramp's end for the "not assessed" column */
  double         line_width;
  double         grid_width;
  double         marker_size;
  double         gap;           /* the unit of white space between a chart's parts */
} CbTheme;

GQuark         cb_theme_error_quark      (void);

const CbTheme *cb_theme_get              (CbThemeKind    kind);

/* Checks with fontconfig that the theme's font family, which covers Japanese and Latin
 * alike, is installed; the error names the Debian package that provides it.
 */
gboolean       cb_theme_check_fonts      (GError       **error);
/* Hands Pango's, cairo's and fontconfig's process-wide caches back at exit, so leak checkers see
 * only real leaks. Nothing may draw text afterwards. */
void           cb_theme_release_fonts    (void);

/* A Pango context whose measurements do not depend on the surface drawn on: 72 units per
 * inch, no hinted metrics, no rounded glyph positions. Layouts from it place text alike in
 * a PDF and in a widget, so hit-testing agrees with what was drawn. @lang selects the
 * Japanese or the Latin forms and line breaking.
 */
PangoContext  *cb_theme_create_context   (const char    *lang);

PangoLayout   *cb_theme_create_layout    (const CbTheme *theme,
                                          PangoContext  *context,
                                          CbFont         font,
                                          const char    *text);

CbColor        cb_color_mix              (const CbColor *from,
                                          const CbColor *to,
                                          double         t);
/* Relative luminance after WCAG 2, ignoring alpha. */
double         cb_color_luminance        (const CbColor *color);
/* Near-black or white, whichever contrasts more with @fill: for text drawn on it. */
CbColor        cb_color_contrasting      (const CbColor *fill);

void           cb_theme_set_color        (cairo_t       *cr,
                                          const CbColor *color);

/* Sets the colour, width and dash of @style on @cr. */
void           cb_theme_set_series       (cairo_t       *cr,
                                          const CbTheme *theme,
                                          CbSeries       series);

/* Draws @marker centred on (@x, @y); a hollow one is outlined and filled with the background. */
void           cb_theme_draw_marker      (cairo_t       *cr,
                                          const CbTheme *theme,
                                          CbMarker       marker,
                                          const CbColor *color,
                                          double         x,
                                          double         y,
                                          double         size,
                                          gboolean       hollow);

/* Draws a red / amber / green status badge of @size centred on (@x, @y). Each status has its
 * own shape and sign as well as its colour: green a circle with a tick, amber a triangle with
 * an exclamation mark, red a diamond with a cross, grey a hollow circle with a dash.
 */
void           cb_theme_draw_rag         (cairo_t       *cr,
                                          const CbTheme *theme,
                                          CbRag          rag,
                                          double         x,
                                          double         y,
                                          double         size);

G_END_DECLS
