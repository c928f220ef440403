#pragma once

#include <gtk/gtk.h>

#include "cb-chart.h"

G_BEGIN_DECLS

#define CB_TYPE_CHART_VIEW (cb_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CbChartView, cb_chart_view, CB, CHART_VIEW, GtkWidget)

typedef enum
{
  CB_CHART_KIND_NONE,
  CB_CHART_KIND_RADAR,
  CB_CHART_KIND_TREND,
  CB_CHART_KIND_BARS,
  CB_CHART_KIND_MATRIX,
  CB_CHART_KIND_BULLET,
  CB_CHART_KIND_SPARKLINE,
  CB_CHART_KIND_RATING,
} CbChartKind;

/* Draws one of the reports' charts at the widget's size, with the light or dark screen theme
 * as libadwaita's style manager says. The chart's title is its accessible label and its
 * description in words the accessible description.
 *
 * Radars, trends and matrices have items — axes, values and cells (row × columns + column) —
 * that show what they hold in a tooltip under the pointer and, from the keyboard (arrow keys,
 * Home, End), in a popover; a click or Enter emits "activated" with the item's index.
 */
GtkWidget     *cb_chart_view_new              (void);

/* Each takes @data, replacing what the view showed. */
void           cb_chart_view_set_radar        (CbChartView     *self,
                                               CbRadarData     *data);
void           cb_chart_view_set_trend        (CbChartView     *self,
                                               CbTrendData     *data);
void           cb_chart_view_set_bars         (CbChartView     *self,
                                               CbBarData       *data);
void           cb_chart_view_set_matrix       (CbChartView     *self,
                                               CbMatrixData    *data);
void           cb_chart_view_set_bullet       (CbChartView     *self,
                                               CbBulletData    *data);
void           cb_chart_view_set_sparkline    (CbChartView     *self,
                                               CbSparklineData *data);
void           cb_chart_view_set_rating       (CbChartView     *self,
                                               CbRatingData    *data);

CbChartKind    cb_chart_view_get_kind         (CbChartView     *self);
/* The data of the kind the view shows, such as a CbRadarData; NULL for none. */
gconstpointer  cb_chart_view_get_data         (CbChartView     *self);

/* The theme the view draws with: CB_THEME_DARK when the style manager is dark. */
const CbTheme *cb_chart_view_get_theme        (void);

guint          cb_chart_view_get_n_items      (CbChartView     *self);
/* The item at (@x, @y) in the widget's coordinates; -1 for none. */
int            cb_chart_view_item_at          (CbChartView     *self,
                                               double           x,
                                               double           y);
/* What the tooltip and the popover show for @index. */
char          *cb_chart_view_describe_item    (CbChartView     *self,
                                               guint            index);
/* The item the keyboard is on; -1 for none. */
int            cb_chart_view_get_focus_item   (CbChartView     *self);

G_END_DECLS
