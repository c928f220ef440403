/* Board report speed (SPEC §5): the board report of the large demo workbook as PDF, against the same
 * twelve charts drawn with Python and matplotlib (charts_matplotlib.py) from the same data, exported
 * here as JSON, in the same run. Prints the times and their ratio.
 *
 *   bench-report [WORKBOOK]     without WORKBOOK, a large demo workbook is made in a temporary folder
 */

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cb-demo.h"
#include "cb-reference.h"
#include "cb-report-board.h"

#define RUNS 5
#define LANG "en"

/* JSON of the chart data. */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_optional (GString    *out,
                 CbOptional  value)
{
  if (value.valid)
    g_string_append_printf (out, "%.17g", value.value);
  else
    g_string_append (out, "null");
}

static void
member (GString    *out,
        const char *name)
{
  if (out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  append_string (out, name);
  g_string_append_c (out, ':');
}

static void
member_string (GString    *out,
               const char *name,
               const char *value)
{
  member (out, name);
  append_string (out, value);
}

static void
export_radar (GString           *out,
              const CbRadarData *data)
{
  member_string (out, "current_label", data->current_label);
  member_string (out, "previous_label", data->previous_label);
  member_string (out, "target_label", data->target_label);
  member (out, "max");
  g_string_append_printf (out, "%g", data->max);
  member (out, "axes");
  g_string_append_c (out, '[');
  for (guint i = 0; i < data->n_axes; i++)
    {
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, "label", data->axes[i].label);
      member (out, "current");
      append_optional (out, data->axes[i].current);
      member (out, "previous");
      append_optional (out, data->axes[i].previous);
      member (out, "target");
      append_optional (out, data->axes[i].target);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
export_trend (GString           *out,
              const CbTrendData *data)
{
  member_string (out, "axis_title", data->axis_title);
  member_string (out, "value_label", data->value_label);
  member_string (out, "reference_label", data->reference_label);
  member (out, "values");
  g_string_append_c (out, '[');
  for (guint i = 0; i < data->n_values; i++)
    {
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, "label", data->values[i].label);
      member (out, "value");
      append_optional (out, data->values[i].value);
      member (out, "reference");
      append_optional (out, data->values[i].reference);
      member (out, "small_sample");
      g_string_append (out, data->values[i].small_sample ? "true" : "false");
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
export_bars (GString         *out,
             const CbBarData *data)
{
  member_string (out, "axis_title", data->axis_title);
  member (out, "horizontal");
  g_string_append (out, data->horizontal ? "true" : "false");
  member (out, "axis_max");
  append_optional (out, data->axis_max);
  member (out, "series_labels");
  g_string_append_c (out, '[');
  for (guint s = 0; s < data->n_series; s++)
    {
      if (s > 0)
        g_string_append_c (out, ',');
      append_string (out, data->series_labels[s]);
    }
  g_string_append_c (out, ']');
  member_string (out, "marker_label", data->marker_label);
  member (out, "bars");
  g_string_append_c (out, '[');
  for (guint i = 0; i < data->n_bars; i++)
    {
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, "label", data->bars[i].label);
      member (out, "marker");
      append_optional (out, data->bars[i].marker);
      member (out, "values");
      g_string_append_c (out, '[');
      for (guint s = 0; s < data->n_series; s++)
        {
          if (s > 0)
            g_string_append_c (out, ',');
          append_optional (out, data->bars[i].values[s]);
        }
      g_string_append (out, "]}");
    }
  g_string_append_c (out, ']');
}

static void
export_matrix (GString            *out,
               const CbMatrixData *data)
{
  member_string (out, "row_title", data->row_title);
  member_string (out, "column_title", data->column_title);
  member (out, "n_muted_columns");
  g_string_append_printf (out, "%u", data->n_muted_columns);
  member (out, "row_labels");
  g_string_append_c (out, '[');
  for (guint r = 0; r < data->n_rows; r++)
    {
      if (r > 0)
        g_string_append_c (out, ',');
      append_string (out, data->row_labels[r]);
    }
  g_string_append_c (out, ']');
  member (out, "column_labels");
  g_string_append_c (out, '[');
  for (guint c = 0; c < data->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_string (out, data->column_labels[c]);
    }
  g_string_append_c (out, ']');
  member (out, "counts");
  g_string_append_c (out, '[');
  for (guint r = 0; r < data->n_rows; r++)
    {
      g_string_append (out, r > 0 ? ",[" : "[");
      for (guint c = 0; c < data->n_columns; c++)
        g_string_append_printf (out, "%s%u", c > 0 ? "," : "", data->counts[r * data->n_columns + c]);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
export_rating (GString            *out,
               const CbRatingData *data)
{
  member (out, "min");
  g_string_append_printf (out, "%d", data->min);
  member (out, "max");
  g_string_append_printf (out, "%d", data->max);
  member (out, "scale_labels");
  g_string_append_c (out, '[');
  for (int v = data->min; v <= data->max; v++)
    {
      if (v > data->min)
        g_string_append_c (out, ',');
      append_string (out, data->scale_labels[v - data->min]);
    }
  g_string_append_c (out, ']');
  member (out, "items");
  g_string_append_c (out, '[');
  for (guint i = 0; i < data->n_items; i++)
    {
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, "label", data->items[i].label);
      member (out, "rating");
      g_string_append_printf (out, "%d", data->items[i].rating);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static char *
export_charts (GPtrArray *charts)
{
  static const char *const kinds[] = { "radar", "trend", "bars", "matrix", "rating" };
  GString *out = g_string_new ("[");

  for (guint i = 0; i < charts->len; i++)
    {
      const CbReportChart *chart = g_ptr_array_index (charts, i);

      g_string_append (out, i > 0 ? ",\n{" : "{");
      member_string (out, "kind", kinds[chart->kind]);
      member_string (out, "caption", chart->caption);
      switch (chart->kind)
        {
        case CB_REPORT_CHART_RADAR:
          export_radar (out, chart->data.radar);
          break;
        case CB_REPORT_CHART_TREND:
          export_trend (out, chart->data.trend);
          break;
        case CB_REPORT_CHART_BARS:
          export_bars (out, chart->data.bars);
          break;
        case CB_REPORT_CHART_MATRIX:
          export_matrix (out, chart->data.matrix);
          break;
        case CB_REPORT_CHART_RATING:
          export_rating (out, chart->data.rating);
          break;
        default:
          g_assert_not_reached ();
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");

  return g_string_free (out, FALSE);
}

/* Timing. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The whole report: snapshot, layout and PDF. */
static double
time_report (CbWorkbook *workbook,
             const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbPage) page = cb_report_board_new (workbook, LANG, NULL, NULL, &error);

  g_assert_no_error (error);
  cb_page_write_pdf (page, path, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1e6;
}

/* The figures alone: the core snapshot the report is made from. */
static double
time_figures (CbWorkbook *workbook)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbSnapshot) snapshot = cb_snapshot_new (workbook, NULL, NULL, CB_AUDIENCE_BOARD, &error);

  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The twelve charts alone, one to a page as matplotlib draws them, from data already made. */
static double
time_charts (GPtrArray  *charts,
             const char *path)
{
  const CbTheme *theme = cb_theme_get (CB_THEME_PRINT);
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 482, 300);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < charts->len; i++)
    {
      CbRect area = { 0, 0, 482, 300 };

      cb_report_chart_draw (g_ptr_array_index (charts, i), cr, &area, theme);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return (g_get_monotonic_time () - start) / 1e6;
}

/* Runs the script and returns its own drawing time (it prints "draw SECONDS"), and the whole run's
 * in @wall, interpreter start and imports included. */
static double
time_matplotlib (const char *json,
                 const char *pdf,
                 double     *wall)
{
  const char *argv[] = { CB_PYTHON, CB_MATPLOTLIB_SCRIPT, json, pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *wall = (g_get_monotonic_time () - start) / 1e6;
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed (is python3-matplotlib installed?):\n%s", CB_PYTHON, CB_MATPLOTLIB_SCRIPT, err);
  line = strstr (out, "draw ");
  g_assert (line != NULL);

  return g_ascii_strtod (line + strlen ("draw "), NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(CbSnapshot) snapshot = NULL;
  g_autoptr(CbEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-bench-report-XXXXXX", &error);
  g_autofree char *report_pdf = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *charts_pdf = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *json_path = g_build_filename (dir, "charts.json", NULL);
  g_autofree char *matplotlib_pdf = g_build_filename (dir, "matplotlib.pdf", NULL);
  g_autofree char *made = NULL;
  g_autofree char *json = NULL;
  double report[RUNS], figures[RUNS], alone[RUNS], drawn[RUNS], wall[RUNS];
  double report_s, figures_s, alone_s, drawn_s, wall_s;

  g_assert_no_error (error);
  if (argc > 1)
    {
      workbook = cb_workbook_open (argv[1], CB_WORKBOOK_OPEN_READ_ONLY, &error);
    }
  else
    {
      gint64 start = g_get_monotonic_time ();

      made = g_build_filename (dir, "large.cyberboard", NULL);
      workbook = cb_workbook_create (made, cb_demo_organisation (), &error);
      g_assert_no_error (error);
      cb_demo_generate (workbook, CB_DEMO_LARGE, 1, NULL, NULL, &error);
      printf ("large demo workbook made in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  g_assert_no_error (error);

  snapshot = cb_snapshot_new (workbook, NULL, NULL, CB_AUDIENCE_BOARD, &error);
  g_assert_no_error (error);
  evaluation = cb_report_board_find_evaluation (workbook, snapshot, &error);
  g_assert_no_error (error);
  charts = cb_report_board_charts (snapshot, evaluation, cb_reference_catalog (NULL), LANG);
  json = export_charts (charts);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < RUNS; i++)
    {
      report[i] = time_report (workbook, report_pdf);
      figures[i] = time_figures (workbook);
      alone[i] = time_charts (charts, charts_pdf);
      drawn[i] = time_matplotlib (json_path, matplotlib_pdf, &wall[i]);
    }
  report_s = median (report, RUNS);
  figures_s = median (figures, RUNS);
  alone_s = median (alone, RUNS);
  drawn_s = median (drawn, RUNS);
  wall_s = median (wall, RUNS);

  printf ("median of %d runs, %u charts\n", RUNS, charts->len);
  printf ("  board report (snapshot, layout, %u charts, tables, PDF)  %8.3f s  (target < 1 s)\n",
          charts->len, report_s);
  printf ("    of which the figures (core snapshot of the workbook)   %8.3f s\n", figures_s);
  printf ("  the %u charts alone with cairo, to PDF                   %8.3f s\n", charts->len, alone_s);
  printf ("  the %u charts with matplotlib, to PDF (drawing only)     %8.3f s\n", charts->len, drawn_s);
  printf ("  the same, with Python's start and imports              %8.3f s\n", wall_s);
  printf ("  matplotlib drawing / whole board report                %8.1f×  (target ≥ 20×)\n", drawn_s / report_s);
  printf ("  matplotlib script, whole run / whole board report      %8.1f×\n", wall_s / report_s);
  printf ("  matplotlib drawing / the charts alone                  %8.1f×\n", drawn_s / alone_s);

  /* Closed first: SQLite's side files go with it. */
  g_clear_object (&workbook);
  remove_dir (dir);

  return 0;
}
