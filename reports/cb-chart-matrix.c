/* cb-chart-matrix.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-chart-private.h"

#define LABEL_LINES 2

typedef struct
{
  double row_label_width;
  double column_title_y;
  double column_labels_y;
  double column_labels_height;
  double cells_x;
  double cells_y;
  double cell_width;
  double cell_height;
  double spacing;
  double muted_gap;     /* extra space before the muted columns */
} MatrixGeometry;

CbMatrixData *
cb_chart_matrix_data_new (const char *lang,
                          guint       n_rows,
                          guint       n_columns)
{
  CbMatrixData *data = g_new0 (CbMatrixData, 1);

  data->lang = g_strdup (lang);
  data->row_labels = g_new0 (char *, n_rows + 1);
  data->column_labels = g_new0 (char *, n_columns + 1);
  data->counts = g_new0 (guint, n_rows * n_columns);
  data->n_rows = n_rows;
  data->n_columns = n_columns;

  return data;
}

void
cb_chart_matrix_data_free (CbMatrixData *data)
{
  if (data == NULL)
    return;

  g_free (data->lang);
  g_free (data->title);
  g_free (data->row_title);
  g_free (data->column_title);
  g_strfreev (data->row_labels);
  g_strfreev (data->column_labels);
  g_free (data->counts);
  g_free (data);
}

CbMatrixData *
cb_chart_matrix_data_from_snapshot (const CbSnapshot *snapshot,
                                    const char       *lang)
{
  static const char *const bands[CB_SCORE_BANDS] = { "<50", "50–70", "70–85", "≥85" };
  static const CbChartWord rows[CB_CRITICALITIES] = { CB_WORD_HIGH, CB_WORD_MEDIUM, CB_WORD_LOW };
  CbMatrixData *data;

  g_return_val_if_fail (snapshot != NULL, NULL);

  data = cb_chart_matrix_data_new (lang, CB_CRITICALITIES, CB_SCORE_BANDS + 1);
  data->title = g_strdup (cb_chart_word (CB_WORD_MATRIX_TITLE, lang));
  data->row_title = g_strdup (cb_chart_word (CB_WORD_CRITICALITY, lang));
  data->column_title = g_strdup (cb_chart_word (CB_WORD_LATEST_SCORE, lang));
  data->n_muted_columns = 1;

  for (guint c = 0; c < CB_SCORE_BANDS; c++)
    data->column_labels[c] = g_strdup (bands[c]);
  data->column_labels[CB_SCORE_BANDS] = g_strdup (cb_chart_word (CB_WORD_NOT_ASSESSED, lang));

  for (guint r = 0; r < CB_CRITICALITIES; r++)
    {
      data->row_labels[r] = g_strdup (cb_chart_word (rows[r], lang));
      for (guint c = 0; c <= CB_SCORE_BANDS; c++)
        data->counts[r * data->n_columns + c] = snapshot->suppliers.risk_matrix[r][c];
    }

  return data;
}

static guint
count_at (const CbMatrixData *data,
          guint               row,
          guint               column)
{
  return data->counts[row * data->n_columns + column];
}

static guint
largest_count (const CbMatrixData *data)
{
  guint largest = 0;

  for (guint i = 0; i < data->n_rows * data->n_columns; i++)
    largest = MAX (largest, data->counts[i]);

  return largest;
}

static gboolean
is_muted (const CbMatrixData *data,
          guint               column)
{
  return column + data->n_muted_columns >= data->n_columns;
}

static PangoLayout *
label_layout (PangoContext  *context,
              const CbTheme *theme,
              const char    *text,
              double         width,
              PangoAlignment alignment)
{
  PangoLayout *layout = cb_theme_create_layout (theme, context, CB_FONT_CHART, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -LABEL_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

static gboolean
layout_matrix (PangoContext       *context,
               const CbRect       *area,
               const CbMatrixData *data,
               const CbTheme      *theme,
               MatrixGeometry     *geometry)
{
  double y = area->y;
  double grid_width, grid_height, widest_row = 0;

  if (data->n_rows == 0 || data->n_columns == 0 || largest_count (data) == 0)
    return FALSE;

  for (guint r = 0; r < data->n_rows; r++)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->row_labels[r]);
      double width;

      cb_chart_layout_size (layout, &width, NULL);
      widest_row = MAX (widest_row, width);
    }
  if (data->row_title != NULL)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->row_title);
      double width;

      cb_chart_layout_size (layout, &width, NULL);
      widest_row = MAX (widest_row, width);
    }

  geometry->row_label_width = MIN (widest_row, area->width * 0.3);
  geometry->spacing = theme->gap * 0.3;
  geometry->muted_gap = data->n_muted_columns > 0 && data->n_muted_columns < data->n_columns
                        ? theme->gap : 0;
  geometry->cells_x = area->x + geometry->row_label_width + theme->gap;
  grid_width = area->x + area->width - geometry->cells_x;
  geometry->cell_width = MAX ((grid_width - geometry->spacing * (data->n_columns - 1)
                               - geometry->muted_gap) / data->n_columns, 1);

  geometry->column_title_y = y;
  if (data->column_title != NULL)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->column_title);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      y += height + theme->gap * 0.4;
    }

  geometry->column_labels_y = y;
  geometry->column_labels_height = 0;
  for (guint c = 0; c < data->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = label_layout (context, theme, data->column_labels[c],
                                                    geometry->cell_width, PANGO_ALIGN_CENTER);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      geometry->column_labels_height = MAX (geometry->column_labels_height, height);
    }
  y += geometry->column_labels_height + theme->gap * 0.4;

  geometry->cells_y = y;
  grid_height = area->y + area->height - y;
  /* Cells no taller than they are wide, however tall the area. */
  geometry->cell_height = CLAMP ((grid_height - geometry->spacing * (data->n_rows - 1)) / data->n_rows,
                                 1, geometry->cell_width);

  return TRUE;
}

static CbRect
cell_rect (const MatrixGeometry *geometry,
           const CbMatrixData   *data,
           guint                 row,
           guint                 column)
{
  return (CbRect) {
    geometry->cells_x + column * (geometry->cell_width + geometry->spacing)
      + (is_muted (data, column) ? geometry->muted_gap : 0),
    geometry->cells_y + row * (geometry->cell_height + geometry->spacing),
    geometry->cell_width,
    geometry->cell_height,
  };
}

static CbColor
cell_color (const CbMatrixData *data,
            const CbTheme      *theme,
            guint               row,
            guint               column)
{
  guint count = count_at (data, row, column);
  const CbColor *high = is_muted (data, column) ? &theme->heat_muted_high : &theme->heat_high;
  double t = 0;

  /* Any supplier at all lifts a cell clearly off the empty ones. */
  if (count > 0)
    t = 0.15 + 0.85 * count / largest_count (data);

  return cb_color_mix (&theme->heat_low, high, t);
}

static void
draw_matrix (cairo_t              *cr,
             PangoContext         *context,
             const CbRect         *area,
             const MatrixGeometry *geometry,
             const CbMatrixData   *data,
             const CbTheme        *theme)
{
  guint main_columns = data->n_columns - MIN (data->n_muted_columns, data->n_columns);

  if (data->column_title != NULL && main_columns > 0)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->column_title);
      CbRect first = cell_rect (geometry, data, 0, 0);
      CbRect last = cell_rect (geometry, data, 0, main_columns - 1);

      cb_chart_show_layout (cr, layout, &theme->muted, (first.x + last.x + last.width) / 2,
                            geometry->column_title_y, 0.5, 0);
    }

  if (data->row_title != NULL)
    {
      g_autoptr(PangoLayout) layout = cb_theme_create_layout (theme, context, CB_FONT_CHART,
                                                              data->row_title);

      pango_layout_set_width (layout, (int) (geometry->row_label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cb_chart_show_layout (cr, layout, &theme->muted, area->x,
                            geometry->column_labels_y + geometry->column_labels_height, 0, 1);
    }

  for (guint c = 0; c < data->n_columns; c++)
    {
      CbRect cell = cell_rect (geometry, data, 0, c);
      g_autoptr(PangoLayout) layout = label_layout (context, theme, data->column_labels[c],
                                                    geometry->cell_width, PANGO_ALIGN_CENTER);

      cb_chart_show_layout (cr, layout, &theme->foreground, cell.x + cell.width / 2,
                            geometry->column_labels_y + geometry->column_labels_height, 0.5, 1);
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      CbRect first = cell_rect (geometry, data, r, 0);
      g_autoptr(PangoLayout) row = label_layout (context, theme, data->row_labels[r],
                                                 geometry->row_label_width, PANGO_ALIGN_LEFT);

      cb_chart_show_layout (cr, row, &theme->foreground, area->x,
                            first.y + first.height / 2, 0, 0.5);

      for (guint c = 0; c < data->n_columns; c++)
        {
          CbRect cell = cell_rect (geometry, data, r, c);
          CbColor fill = cell_color (data, theme, r, c);
          CbColor ink = cb_color_contrasting (&fill);
          g_autoptr(PangoLayout) layout = NULL;
          g_autofree char *text = g_strdup_printf ("%u", count_at (data, r, c));

          cb_theme_set_color (cr, &fill);
          cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
          cairo_fill (cr);

          layout = cb_theme_create_layout (theme, context, CB_FONT_CHART_VALUE, text);
          cb_chart_show_layout (cr, layout, &ink, cell.x + cell.width / 2,
                                cell.y + cell.height / 2, 0.5, 0.5);
        }
    }
}

void
cb_chart_matrix_draw (cairo_t            *cr,
                      const CbRect       *area,
                      const CbMatrixData *data,
                      const CbTheme      *theme)
{
  MatrixGeometry geometry;

  g_return_if_fail (data != NULL);

  cb_chart_draw (cr, area, data->lang, data, theme,
                 (CbChartLayoutFunc) layout_matrix, (CbChartDrawFunc) draw_matrix, &geometry);
}

gboolean
cb_chart_matrix_cell_rect (const CbRect       *area,
                           const CbMatrixData *data,
                           const CbTheme      *theme,
                           guint               row,
                           guint               column,
                           CbRect             *rect)
{
  MatrixGeometry geometry;

  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (row >= data->n_rows || column >= data->n_columns
      || !cb_chart_measure (area, data->lang, data, theme,
                            (CbChartLayoutFunc) layout_matrix, &geometry))
    return FALSE;

  *rect = cell_rect (&geometry, data, row, column);

  return TRUE;
}

gboolean
cb_chart_matrix_cell_at (const CbRect       *area,
                         const CbMatrixData *data,
                         const CbTheme      *theme,
                         double              x,
                         double              y,
                         guint              *row,
                         guint              *column)
{
  MatrixGeometry geometry;

  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (!cb_chart_measure (area, data->lang, data, theme,
                         (CbChartLayoutFunc) layout_matrix, &geometry))
    return FALSE;

  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        CbRect cell = cell_rect (&geometry, data, r, c);

        if (cb_rect_contains (&cell, x, y))
          {
            if (row != NULL)
              *row = r;
            if (column != NULL)
              *column = c;
            return TRUE;
          }
      }

  return FALSE;
}

char *
cb_chart_matrix_describe_cell (const CbMatrixData *data,
                               guint               row,
                               guint               column)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (row < data->n_rows && column < data->n_columns, NULL);

  if (cb_chart_is_ja (data->lang))
    return g_strdup_printf ("%s %s、%s %s：%u", data->row_title ? data->row_title : "",
                            data->row_labels[row], data->column_title ? data->column_title : "",
                            data->column_labels[column], count_at (data, row, column));

  return g_strdup_printf ("%s %s, %s %s: %u", data->row_title ? data->row_title : "",
                          data->row_labels[row], data->column_title ? data->column_title : "",
                          data->column_labels[column], count_at (data, row, column));
}

static void
describe_row (GString      *text,
              gconstpointer item_data,
              guint         r)
{
  const CbMatrixData *data = item_data;
  gboolean ja = cb_chart_is_ja (data->lang);

  g_string_append_printf (text, ja ? "%s：" : "%s: ", data->row_labels[r]);
  for (guint c = 0; c < data->n_columns; c++)
    g_string_append_printf (text, "%s%s %u", c == 0 ? "" : ja ? "、" : ", ",
                            data->column_labels[c], count_at (data, r, c));
  g_string_append (text, ja ? "。" : ".");
}

char *
cb_chart_matrix_describe (const CbMatrixData *data)
{
  gboolean has_data;

  g_return_val_if_fail (data != NULL, NULL);

  has_data = data->n_rows > 0 && data->n_columns > 0 && largest_count (data) > 0;

  return cb_chart_describe_items (data->title, data->lang, has_data, data->n_rows, describe_row,
                                  data);
}
