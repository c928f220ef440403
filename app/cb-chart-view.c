#include <adwaita.h>

#include "cb-chart-view.h"

/* How far the ring around a hovered or focused item stands off it, and how thick it is. */
#define RING_OFFSET 2.0
#define RING_WIDTH  2.0

struct _CbChartView
{
  GtkWidget    parent_instance;

  CbChartKind  kind;
  gpointer     data;
  int          hover_item;
  int          focus_item;

  GtkWidget   *popover;
  GtkLabel    *popover_label;
};

G_DEFINE_FINAL_TYPE (CbChartView, cb_chart_view, GTK_TYPE_WIDGET)

enum
{
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
free_data (CbChartKind kind,
           gpointer    data)
{
  switch (kind)
    {
    case CB_CHART_KIND_NONE:
      break;
    case CB_CHART_KIND_RADAR:
      cb_chart_radar_data_free (data);
      break;
    case CB_CHART_KIND_TREND:
      cb_chart_trend_data_free (data);
      break;
    case CB_CHART_KIND_BARS:
      cb_chart_bars_data_free (data);
      break;
    case CB_CHART_KIND_MATRIX:
      cb_chart_matrix_data_free (data);
      break;
    case CB_CHART_KIND_BULLET:
      cb_chart_bullet_data_free (data);
      break;
    case CB_CHART_KIND_SPARKLINE:
      cb_chart_sparkline_data_free (data);
      break;
    case CB_CHART_KIND_RATING:
      cb_chart_rating_data_free (data);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
chart_title (CbChartView *self)
{
  switch (self->kind)
    {
    case CB_CHART_KIND_NONE:
      return NULL;
    case CB_CHART_KIND_RADAR:
      return ((CbRadarData *) self->data)->title;
    case CB_CHART_KIND_TREND:
      return ((CbTrendData *) self->data)->title;
    case CB_CHART_KIND_BARS:
      return ((CbBarData *) self->data)->title;
    case CB_CHART_KIND_MATRIX:
      return ((CbMatrixData *) self->data)->title;
    case CB_CHART_KIND_BULLET:
      return ((CbBulletData *) self->data)->title;
    case CB_CHART_KIND_SPARKLINE:
      return ((CbSparklineData *) self->data)->title;
    case CB_CHART_KIND_RATING:
      return ((CbRatingData *) self->data)->title;
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_chart (CbChartView *self)
{
  switch (self->kind)
    {
    case CB_CHART_KIND_NONE:
      return NULL;
    case CB_CHART_KIND_RADAR:
      return cb_chart_radar_describe (self->data);
    case CB_CHART_KIND_TREND:
      return cb_chart_trend_describe (self->data);
    case CB_CHART_KIND_BARS:
      return cb_chart_bars_describe (self->data);
    case CB_CHART_KIND_MATRIX:
      return cb_chart_matrix_describe (self->data);
    case CB_CHART_KIND_BULLET:
      return cb_chart_bullet_describe (self->data);
    case CB_CHART_KIND_SPARKLINE:
      return cb_chart_sparkline_describe (self->data);
    case CB_CHART_KIND_RATING:
      return cb_chart_rating_describe (self->data);
    default:
      g_assert_not_reached ();
    }
}

static void
draw_chart (CbChartView   *self,
            cairo_t       *cr,
            const CbRect  *area,
            const CbTheme *theme)
{
  switch (self->kind)
    {
    case CB_CHART_KIND_NONE:
      break;
    case CB_CHART_KIND_RADAR:
      cb_chart_radar_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_TREND:
      cb_chart_trend_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_BARS:
      cb_chart_bars_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_MATRIX:
      cb_chart_matrix_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_BULLET:
      cb_chart_bullet_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_SPARKLINE:
      cb_chart_sparkline_draw (cr, area, self->data, theme);
      break;
    case CB_CHART_KIND_RATING:
      cb_chart_rating_draw (cr, area, self->data, theme);
      break;
    default:
      g_assert_not_reached ();
    }
}

static CbRect
widget_area (CbChartView *self)
{
  return (CbRect) { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)) };
}

/* Where an item is drawn, for the ring around it and the popover's arrow. The reports do
 * not say where a radar's axis lies, so a radar's items have no rectangle. */
static gboolean
item_rect (CbChartView *self,
           guint        index,
           CbRect      *rect)
{
  const CbTheme *theme = cb_chart_view_get_theme ();
  CbRect area = widget_area (self);

  switch (self->kind)
    {
    case CB_CHART_KIND_TREND:
      {
        double x, y;

        if (!cb_chart_trend_value_point (&area, self->data, theme, index, &x, &y))
          return FALSE;
        *rect = (CbRect) { x - theme->marker_size, y - theme->marker_size, 2 * theme->marker_size,
                           2 * theme->marker_size };
        return TRUE;
      }
    case CB_CHART_KIND_MATRIX:
      {
        const CbMatrixData *data = self->data;

        return cb_chart_matrix_cell_rect (&area, data, theme, index / data->n_columns,
                                          index % data->n_columns, rect);
      }
    default:
      return FALSE;
    }
}

/* A rounded ring just outside @rect, kept inside @area so an item at the edge shows all of it. */
static void
draw_ring (cairo_t       *cr,
           const CbRect  *area,
           const CbRect  *rect,
           const CbColor *color,
           double         alpha)
{
  double x0 = MAX (rect->x - RING_OFFSET, area->x + RING_WIDTH / 2);
  double y0 = MAX (rect->y - RING_OFFSET, area->y + RING_WIDTH / 2);
  double x1 = MIN (rect->x + rect->width + RING_OFFSET, area->x + area->width - RING_WIDTH / 2);
  double y1 = MIN (rect->y + rect->height + RING_OFFSET, area->y + area->height - RING_WIDTH / 2);
  double radius = MIN (4, MIN (x1 - x0, y1 - y0) / 2);

  if (radius <= 0)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x0 + radius, y1 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_stroke (cr);
}

static void
cb_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CbChartView *self = CB_CHART_VIEW (widget);
  const CbTheme *theme = cb_chart_view_get_theme ();
  CbRect area = widget_area (self);
  CbRect rect;
  cairo_t *cr;

  if (self->kind == CB_CHART_KIND_NONE || area.width <= 0 || area.height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, area.width, area.height));
  draw_chart (self, cr, &area, theme);

  if (self->hover_item >= 0 && self->hover_item != self->focus_item
      && item_rect (self, (guint) self->hover_item, &rect))
    draw_ring (cr, &area, &rect, &theme->foreground, 0.35);
  if (self->focus_item >= 0 && gtk_widget_has_focus (widget)
      && item_rect (self, (guint) self->focus_item, &rect))
    draw_ring (cr, &area, &rect, &theme->series[CB_SERIES_CURRENT].color, 1);

  cairo_destroy (cr);
}

static void
set_hover_item (CbChartView *self,
                int          index)
{
  if (self->hover_item == index)
    return;

  self->hover_item = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (CbChartView *self,
           double       x,
           double       y)
{
  set_hover_item (self, cb_chart_view_item_at (self, x, y));
}

static void
leave_cb (CbChartView *self)
{
  set_hover_item (self, -1);
}

static gboolean
query_tooltip_cb (CbChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;
  CbRect rect;
  int index;

  /* The keyboard has the popover. */
  if (keyboard_mode)
    return FALSE;

  index = cb_chart_view_item_at (self, x, y);
  if (index < 0)
    return FALSE;

  text = cb_chart_view_describe_item (self, (guint) index);
  gtk_tooltip_set_text (tooltip, text);
  if (item_rect (self, (guint) index, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.x, (int) rect.y,
                                                         (int) MAX (rect.width, 1),
                                                         (int) MAX (rect.height, 1) });
  return TRUE;
}

static void
released_cb (CbChartView     *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  int index = cb_chart_view_item_at (self, x, y);

  if (index < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATED], 0, (guint) index);
}

static void
hide_popover (CbChartView *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
set_focus_item (CbChartView *self,
                int          index)
{
  g_autofree char *text = NULL;
  CbRect rect;

  self->focus_item = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (index < 0 || !gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      hide_popover (self);
      return;
    }

  text = cb_chart_view_describe_item (self, (guint) index);
  gtk_label_set_text (self->popover_label, text);
  if (item_rect (self, (guint) index, &rect))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                 &(GdkRectangle) { (int) rect.x, (int) rect.y,
                                                   (int) MAX (rect.width, 1),
                                                   (int) MAX (rect.height, 1) });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), NULL);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Where an arrow key leads from @from: a matrix moves by cell in its grid, a radar goes
 * round its axes, a trend stops at its ends. */
static int
step_item (CbChartView *self,
           int          from,
           guint        keyval)
{
  int n = (int) cb_chart_view_get_n_items (self);
  int columns = self->kind == CB_CHART_KIND_MATRIX ? (int) ((CbMatrixData *) self->data)->n_columns : n;
  gboolean horizontal = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left
                        || keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
  gboolean back = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left
                  || keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
  int step = horizontal || self->kind != CB_CHART_KIND_MATRIX ? 1 : columns;
  int to;

  if (from < 0)
    return 0;

  to = from + (back ? -step : step);
  if (self->kind == CB_CHART_KIND_RADAR)
    return (to + n) % n;
  if (self->kind == CB_CHART_KIND_MATRIX && horizontal && to / columns != from / columns)
    return from;
  return to >= 0 && to < n ? to : from;
}

static gboolean
key_pressed_cb (CbChartView     *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int n = (int) cb_chart_view_get_n_items (self);

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_item (self, step_item (self, self->focus_item, keyval));
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_focus_item (self, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_focus_item (self, n - 1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focus_item < 0)
        return FALSE;
      g_signal_emit (self, signals[ACTIVATED], 0, (guint) self->focus_item);
      return TRUE;

    case GDK_KEY_Escape:
      if (!gtk_widget_get_visible (self->popover))
        return FALSE;
      hide_popover (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
focus_leave_cb (CbChartView *self)
{
  set_focus_item (self, -1);
}

static void
dark_changed_cb (CbChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cb_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CbChartView *self = CB_CHART_VIEW (widget);

  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
cb_chart_view_dispose (GObject *object)
{
  CbChartView *self = CB_CHART_VIEW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  free_data (self->kind, g_steal_pointer (&self->data));
  self->kind = CB_CHART_KIND_NONE;

  G_OBJECT_CLASS (cb_chart_view_parent_class)->dispose (object);
}

static void
cb_chart_view_class_init (CbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_chart_view_dispose;
  widget_class->snapshot = cb_chart_view_snapshot;
  widget_class->size_allocate = cb_chart_view_size_allocate;

  /**
   * CbChartView::activated:
   * @index: the item clicked, or the one the keyboard was on when Enter was pressed
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cb_chart_view_init (CbChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *label = gtk_label_new (NULL);

  self->hover_item = -1;
  self->focus_item = -1;

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  /* Shown for the item the keyboard is on; it never takes the focus, so the arrow keys keep
   * moving through the chart. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->popover_label = GTK_LABEL (label);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), label);
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_TOP);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cb_chart_view_new (void)
{
  return g_object_new (CB_TYPE_CHART_VIEW, NULL);
}

static void
set_data (CbChartView *self,
          CbChartKind  kind,
          gpointer     data)
{
  g_autofree char *description = NULL;
  gboolean interactive;

  free_data (self->kind, self->data);
  self->kind = kind;
  self->data = data;
  self->hover_item = -1;
  set_focus_item (self, -1);

  interactive = cb_chart_view_get_n_items (self) > 0;
  gtk_widget_set_focusable (GTK_WIDGET (self), interactive);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), interactive);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  description = describe_chart (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart_title (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cb_chart_view_set_radar (CbChartView *self,
                         CbRadarData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_RADAR, data);
}

void
cb_chart_view_set_trend (CbChartView *self,
                         CbTrendData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_TREND, data);
}

void
cb_chart_view_set_bars (CbChartView *self,
                        CbBarData   *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_BARS, data);
}

void
cb_chart_view_set_matrix (CbChartView  *self,
                          CbMatrixData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_MATRIX, data);
}

void
cb_chart_view_set_bullet (CbChartView  *self,
                          CbBulletData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_BULLET, data);
}

void
cb_chart_view_set_sparkline (CbChartView     *self,
                             CbSparklineData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_SPARKLINE, data);
}

void
cb_chart_view_set_rating (CbChartView  *self,
                          CbRatingData *data)
{
  g_return_if_fail (CB_IS_CHART_VIEW (self));
  g_return_if_fail (data != NULL);
  set_data (self, CB_CHART_KIND_RATING, data);
}

CbChartKind
cb_chart_view_get_kind (CbChartView *self)
{
  g_return_val_if_fail (CB_IS_CHART_VIEW (self), CB_CHART_KIND_NONE);
  return self->kind;
}

gconstpointer
cb_chart_view_get_data (CbChartView *self)
{
  g_return_val_if_fail (CB_IS_CHART_VIEW (self), NULL);
  return self->data;
}

const CbTheme *
cb_chart_view_get_theme (void)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return cb_theme_get (dark ? CB_THEME_DARK : CB_THEME_LIGHT);
}

guint
cb_chart_view_get_n_items (CbChartView *self)
{
  g_return_val_if_fail (CB_IS_CHART_VIEW (self), 0);

  switch (self->kind)
    {
    case CB_CHART_KIND_RADAR:
      return ((CbRadarData *) self->data)->n_axes;
    case CB_CHART_KIND_TREND:
      return ((CbTrendData *) self->data)->n_values;
    case CB_CHART_KIND_MATRIX:
      return ((CbMatrixData *) self->data)->n_rows * ((CbMatrixData *) self->data)->n_columns;
    default:
      return 0;
    }
}

int
cb_chart_view_item_at (CbChartView *self,
                       double       x,
                       double       y)
{
  const CbTheme *theme = cb_chart_view_get_theme ();
  CbRect area;

  g_return_val_if_fail (CB_IS_CHART_VIEW (self), -1);

  area = widget_area (self);
  switch (self->kind)
    {
    case CB_CHART_KIND_RADAR:
      return cb_chart_radar_axis_at (&area, self->data, theme, x, y);
    case CB_CHART_KIND_TREND:
      return cb_chart_trend_value_at (&area, self->data, theme, x, y);
    case CB_CHART_KIND_MATRIX:
      {
        const CbMatrixData *data = self->data;
        guint row, column;

        if (!cb_chart_matrix_cell_at (&area, data, theme, x, y, &row, &column))
          return -1;
        return (int) (row * data->n_columns + column);
      }
    default:
      return -1;
    }
}

char *
cb_chart_view_describe_item (CbChartView *self,
                             guint        index)
{
  g_return_val_if_fail (CB_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (index < cb_chart_view_get_n_items (self), NULL);

  switch (self->kind)
    {
    case CB_CHART_KIND_RADAR:
      return cb_chart_radar_describe_axis (self->data, index);
    case CB_CHART_KIND_TREND:
      return cb_chart_trend_describe_value (self->data, index);
    case CB_CHART_KIND_MATRIX:
      {
        const CbMatrixData *data = self->data;

        return cb_chart_matrix_describe_cell (data, index / data->n_columns, index % data->n_columns);
      }
    default:
      g_assert_not_reached ();
    }
}

int
cb_chart_view_get_focus_item (CbChartView *self)
{
  g_return_val_if_fail (CB_IS_CHART_VIEW (self), -1);
  return self->focus_item;
}
