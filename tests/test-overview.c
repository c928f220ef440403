/* The Overview page and its chart views, driven through real widgets on a virtual display with the
 * demo workbook: the KPI tiles, the charts' accessible descriptions, clicks, keys and hover texts,
 * the attention list and the switch to the dark style. */

#include <glib/gi18n.h>
#include <string.h>

#include "cb-application.h"
#include "cb-chart-view.h"
#include "cb-overview-page.h"
#include "cb-test-gui.h"
#include "cb-test-util.h"
#include "cb-window.h"
#include "cb-workbook-view.h"

static char *tmp_dir;
static CbWorkbook *workbook;
static CbSnapshot *snapshot;
static GtkWindow *window;
static GtkWidget *page;
static GSimpleActionGroup *win_actions;
static char *last_item;   /* what win.show-item was last asked for */
static char *last_view;   /* what win.show-view was last asked for */
static gboolean japanese;

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Whether the page has scrolled @data, which has the focus, wholly into the window. */
static gboolean
in_window (gpointer data)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (data, GTK_WIDGET (window), &bounds)
         && bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window));
}

static GtkWidget *
page_child (const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (page, CB_TYPE_OVERVIEW_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static const char *
named_text (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *label = cb_test_gui_find (widget, GTK_TYPE_WIDGET, named, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static CbRect
view_area (GtkWidget *view)
{
  return (CbRect) { 0, 0, gtk_widget_get_width (view), gtk_widget_get_height (view) };
}

static void
activated_cb (CbChartView *view,
              guint        index,
              int         *out)
{
  *out = (int) index;
}

static void
action_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  char **out = g_str_equal (g_action_get_name (G_ACTION (action)), "show-item") ? &last_item : &last_view;

  g_free (*out);
  *out = g_variant_dup_string (parameter, NULL);
}

static void
press_key (GtkWidget *view,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (view, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
}

/* What the demo workbook (SOURCE_DATE_EPOCH=1795000000) holds for FY2026Q2, as `cyberboard-cli
 * status` prints it, written the way the reports format figures. */
static void
test_kpi_tiles (void)
{
  static const struct
  {
    guint       index;
    const char *name;
    const char *value;
    const char *trend;
    const char *target;
  } tiles[] = {
    { 0, "Security investment", "¥67,300,000", "Improving", "No target" },
    { 1, "Risk analyses performed", "3", "Improving", "Target 1" },
    { 3, "Security training completion rate", "95.6%", "Improving", "Target 95%" },
    { 5, "Critical patch latency", "12.7 days", "Improving", "Target 14 days" },
    { 6, "High-criticality supplier coverage", "83.3%", "Improving", "Target 100%" },
    { 7, "Median dwell time", "4.3 days", "Improving", "Target 10 days" },
    { 8, "Internal detection share", "40%", "Worsening", "Target 50%" },
  };
  GtkFlowBox *box = GTK_FLOW_BOX (page_child ("kpi_box"));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child; child = gtk_widget_get_next_sibling (child))
    n++;
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpuint (snapshot->kpis->len, ==, 9);

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      GtkWidget *tile = GTK_WIDGET (gtk_flow_box_get_child_at_index (box, (int) tiles[i].index));

      g_assert_cmpstr (named_text (tile, "kpi-name"), ==, tiles[i].name);
      g_assert_cmpstr (named_text (tile, "kpi-value"), ==, tiles[i].value);
      g_assert_cmpstr (named_text (tile, "kpi-trend"), ==, tiles[i].trend);
      g_assert_cmpstr (named_text (tile, "kpi-target"), ==, tiles[i].target);
    }

  /* A tile opens the KPIs page. */
  g_clear_pointer (&last_view, g_free);
  g_signal_emit_by_name (gtk_flow_box_get_child_at_index (box, 3), "activate");
  g_assert_cmpstr (last_view, ==, "kpis");

  /* Every tile shows its figure as the reports print it. */
  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
      g_autofree char *value = cb_chart_format_quantity (kpi->value.value, kpi->unit, "en");

      g_assert_true (kpi->value.valid);
      g_assert_cmpstr (named_text (GTK_WIDGET (gtk_flow_box_get_child_at_index (box, (int) i)), "kpi-value"), ==, value);
    }
}

static void
test_radar_description (void)
{
  /* Each item's level, previous level and target; 2.67 and 3.67 read as 2.7 and 3.7. */
  static const char *const levels[] = {
    "1 Recognise cyber risk and set a company-wide policy: 3 (previous period 3, target 3.7).",
    "2 Build the cyber risk management structure: 2.7 (previous period 2, target 3.7).",
    "3 Secure resources (budget, people): 2 (previous period 2, target 2.7).",
    "4 Identify risks and plan the response: 3 (previous period 3, target 3.7).",
    "6 Continuous improvement through PDCA, reported to management: 2.3 (previous period 2.7, target 3.7).",
    "8 Business continuity and recovery structure: 2 (",
    "10 Collection, sharing and disclosure of cyber security information: 2 (",
  };
  GtkWidget *view = page_child ("radar_view");
  g_autoptr(CbRadarData) data = cb_chart_radar_data_from_snapshot (snapshot, "en");
  g_autofree char *description = cb_chart_radar_describe (data);

  g_assert_cmpint (cb_chart_view_get_kind (CB_CHART_VIEW (view)), ==, CB_CHART_KIND_RADAR);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_nonnull (strstr (description, levels[i]));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Maturity of the ten guideline items (levels 0–5)");
  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (view));
}

/* A point of the radar that the reports' hit-test gives to @axis, searched on a grid. */
static gboolean
find_axis_point (GtkWidget         *view,
                 const CbRadarData *data,
                 int                axis,
                 double            *x,
                 double            *y)
{
  const CbTheme *theme = cb_theme_get (CB_THEME_LIGHT);
  CbRect area = view_area (view);

  for (*y = 8; *y < area.height; *y += 16)
    for (*x = 8; *x < area.width; *x += 16)
      if (cb_chart_radar_axis_at (&area, data, theme, *x, *y) == axis)
        return TRUE;
  return FALSE;
}

static void
test_radar_click (void)
{
  GtkWidget *view = page_child ("radar_view");
  g_autoptr(CbRadarData) data = cb_chart_radar_data_from_snapshot (snapshot, "en");
  int activated = -1;
  gulong handler = g_signal_connect (view, "activated", G_CALLBACK (activated_cb), &activated);
  double x = 0, y = 0;

  g_assert_true (find_axis_point (view, data, 2, &x, &y));
  g_signal_emit_by_name (find_controller (view, GTK_TYPE_GESTURE_CLICK), "released", 1, x, y);
  g_assert_cmpint (activated, ==, 2);
  g_assert_cmpstr (last_item, ==, "CSMG.D3");

  g_assert_true (find_axis_point (view, data, 9, &x, &y));
  g_signal_emit_by_name (find_controller (view, GTK_TYPE_GESTURE_CLICK), "released", 1, x, y);
  g_assert_cmpint (activated, ==, 9);
  g_assert_cmpstr (last_item, ==, "CSMG.D10");

  /* The bottom left corner is beside every label: a click there opens nothing. */
  activated = -1;
  g_clear_pointer (&last_item, g_free);
  y = gtk_widget_get_height (view) - 2;
  g_assert_cmpint (cb_chart_radar_axis_at (&(CbRect) { 0, 0, gtk_widget_get_width (view), gtk_widget_get_height (view) },
                                           data, cb_theme_get (CB_THEME_LIGHT), 2, y), ==, -1);
  g_signal_emit_by_name (find_controller (view, GTK_TYPE_GESTURE_CLICK), "released", 1, 2.0, y);
  g_assert_cmpint (activated, ==, -1);
  g_assert_null (last_item);

  g_signal_handler_disconnect (view, handler);
}

static void
test_keyboard (void)
{
  static const struct
  {
    const char *view;
    guint       keyval;
    int         item;     /* the item the keyboard is on afterwards */
  } steps[] = {
    /* Round the radar's ten axes, clockwise with Right and Down. */
    { "radar_view", GDK_KEY_Right, 0 },
    { "radar_view", GDK_KEY_Right, 1 },
    { "radar_view", GDK_KEY_Down, 2 },
    { "radar_view", GDK_KEY_Left, 1 },
    { "radar_view", GDK_KEY_Left, 0 },
    { "radar_view", GDK_KEY_Up, 9 },
    { "radar_view", GDK_KEY_Home, 0 },
    { "radar_view", GDK_KEY_End, 9 },
    /* The trend's eight quarters stop at their ends. */
    { "quarters_view", GDK_KEY_End, 7 },
    { "quarters_view", GDK_KEY_Right, 7 },
    { "quarters_view", GDK_KEY_Home, 0 },
    { "quarters_view", GDK_KEY_Left, 0 },
    /* The matrix's 3 × 5 cells, by row and column. */
    { "matrix_view", GDK_KEY_Down, 0 },
    { "matrix_view", GDK_KEY_Down, 5 },
    { "matrix_view", GDK_KEY_Right, 6 },
    { "matrix_view", GDK_KEY_Down, 11 },
    { "matrix_view", GDK_KEY_Down, 11 },
    { "matrix_view", GDK_KEY_Up, 6 },
    { "matrix_view", GDK_KEY_End, 14 },
    { "matrix_view", GDK_KEY_Right, 14 },
    { "matrix_view", GDK_KEY_Left, 13 },
  };
  GtkWidget *radar = page_child ("radar_view");
  gboolean handled = TRUE;
  int activated = -1;
  gulong handler;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *view = page_child (steps[i].view);

      if (!gtk_widget_has_focus (view))
        {
          gtk_widget_grab_focus (view);
          cb_test_gui_wait_until (in_window, view);
        }
      press_key (view, steps[i].keyval);
      g_assert_cmpint (cb_chart_view_get_focus_item (CB_CHART_VIEW (view)), ==, steps[i].item);
    }

  /* Enter opens the item the keyboard is on. */
  handler = g_signal_connect (radar, "activated", G_CALLBACK (activated_cb), &activated);
  press_key (radar, GDK_KEY_Home);
  press_key (radar, GDK_KEY_Right);
  press_key (radar, GDK_KEY_Right);
  press_key (radar, GDK_KEY_Return);
  g_assert_cmpint (activated, ==, 2);
  g_assert_cmpstr (last_item, ==, "CSMG.D3");
  g_signal_handler_disconnect (radar, handler);

  press_key (page_child ("matrix_view"), GDK_KEY_KP_Enter);
  g_assert_cmpstr (last_view, ==, "suppliers");
  /* The trend lost the focus, and with it its item: Space opens nothing until an item is chosen. */
  g_assert_cmpint (cb_chart_view_get_focus_item (CB_CHART_VIEW (page_child ("quarters_view"))), ==, -1);
  g_signal_emit_by_name (find_controller (page_child ("quarters_view"), GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         GDK_KEY_space, 0, (GdkModifierType) 0, &handled);
  g_assert_false (handled);
  press_key (page_child ("quarters_view"), GDK_KEY_Home);
  press_key (page_child ("quarters_view"), GDK_KEY_space);
  g_assert_cmpstr (last_view, ==, "incidents");
}

static void
test_matrix_hover (void)
{
  GtkWidget *view = page_child ("matrix_view");
  g_autoptr(CbMatrixData) data = cb_chart_matrix_data_from_snapshot (snapshot, "en");
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *expected = cb_chart_matrix_describe_cell (data, 2, 1);
  g_autofree char *text = NULL;
  CbRect area = view_area (view);
  CbRect cell;
  GtkEventController *motion;
  gboolean shown = FALSE;
  int item;

  g_assert_cmpstr (expected, ==, "Criticality Low, Latest score 50–70: 7");
  g_assert_true (cb_chart_matrix_cell_rect (&area, data, cb_theme_get (CB_THEME_LIGHT), 2, 1, &cell));
  item = cb_chart_view_item_at (CB_CHART_VIEW (view), cell.x + cell.width / 2, cell.y + cell.height / 2);
  /* Cells count row after row: the third row's second cell. */
  g_assert_cmpint (item, ==, 2 * 5 + 1);
  text = cb_chart_view_describe_item (CB_CHART_VIEW (view), (guint) item);
  g_assert_cmpstr (text, ==, expected);

  /* The tooltip answers over a cell and not over the corner, where no cell is. */
  g_assert_true (gtk_widget_get_has_tooltip (view));
  g_signal_emit_by_name (view, "query-tooltip", (int) (cell.x + cell.width / 2), (int) (cell.y + cell.height / 2),
                         FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_signal_emit_by_name (view, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_false (shown);
  g_assert_cmpint (cb_chart_view_item_at (CB_CHART_VIEW (view), 1, 1), ==, -1);

  /* The pointer over a cell says it can be clicked, and forgets the cell when it leaves. */
  motion = find_controller (view, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_signal_emit_by_name (motion, "motion", cell.x + cell.width / 2, cell.y + cell.height / 2);
  g_assert_nonnull (gtk_widget_get_cursor (view));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (view)), ==, "pointer");
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_null (gtk_widget_get_cursor (view));
  g_signal_emit_by_name (motion, "motion", cell.x + cell.width / 2, cell.y + cell.height / 2);
  g_signal_emit_by_name (motion, "leave");
  g_assert_null (gtk_widget_get_cursor (view));
}

static void
test_attention (void)
{
  static const struct
  {
    const char *title;
    const char *action;
    const char *target;
  } rows[] = {
    /* CSMG.D8 is due before the period's end and not implemented. */
    { "Item 8: Business continuity and recovery structure", "win.show-item", "CSMG.D8" },
    /* Coverage 83.3 % against 100 % with a 10-point band is red. */
    { "High-criticality supplier coverage", "win.show-view", "kpis" },
    /* The largest gaps: D6 3.67 − 2.33 = 1.34, D2 3.67 − 2.67 = 1, then D1 first of the 0.67s. */
    { "Item 6: Continuous improvement through PDCA, reported to management", "win.show-item", "CSMG.D6" },
    { "Item 2: Build the cyber risk management structure", "win.show-item", "CSMG.D2" },
    { "Item 1: Recognise cyber risk and set a company-wide policy", "win.show-item", "CSMG.D1" },
  };
  GtkListBox *list = GTK_LIST_BOX (page_child ("attention_list"));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      GVariant *target;

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, rows[i].title);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, rows[i].action);
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, rows[i].target);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, G_N_ELEMENTS (rows)));

  /* What a click on a row does: its action, found from where the row sits. */
  for (int i = 2; i >= 1; i--)
    {
      GtkActionable *row = GTK_ACTIONABLE (gtk_list_box_get_row_at_index (list, i));

      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (row), gtk_actionable_get_action_name (row),
                                                         gtk_actionable_get_action_target_value (row)));
    }
  g_assert_cmpstr (last_item, ==, "CSMG.D6");
  g_assert_cmpstr (last_view, ==, "kpis");
}

static void
test_years (void)
{
  GtkStack *stack = GTK_STACK (page_child ("dwell_stack"));
  GtkWidget *years = page_child ("years_view");
  const CbTrendData *data = cb_chart_view_get_data (CB_CHART_VIEW (years));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "quarters");
  g_assert_cmpuint (((const CbTrendData *) cb_chart_view_get_data (CB_CHART_VIEW (page_child ("quarters_view"))))->n_values, ==, 8);
  g_assert_cmpuint (data->n_values, ==, 5);
  g_assert_cmpstr (data->values[4].label, ==, "FY2026");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child ("years_button")), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "years");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child ("years_button")), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "quarters");
}

static void
invalidated_cb (GdkPaintable *paintable,
                gboolean     *invalidated)
{
  *invalidated = TRUE;
}

/* The colour at (@x, @y) of what @paintable, a widget's, last showed. */
static void
rendered_color (GdkPaintable *paintable,
                GtkWidget    *widget,
                int           x,
                int           y,
                guint8        rgb[3])
{
  int width, height;
  g_autoptr(GBytes) image = cb_test_gui_render (paintable, widget, &width, &height);
  const guint8 *pixel = (const guint8 *) g_bytes_get_data (image, NULL) + ((gsize) y * width + x) * 4;

  /* Cairo's native order: blue, green, red, alpha. */
  rgb[0] = pixel[2];
  rgb[1] = pixel[1];
  rgb[2] = pixel[0];
}

static gboolean
is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) == GPOINTER_TO_INT (data);
}

static void
test_dark (void)
{
  GtkWidget *view = page_child ("matrix_view");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  g_autoptr(CbMatrixData) data = cb_chart_matrix_data_from_snapshot (snapshot, "en");
  AdwStyleManager *style = adw_style_manager_get_default ();
  CbRect area = view_area (view);
  gboolean redrawn = FALSE;
  CbRect cell;
  guint8 rgb[3];

  /* High criticality below 50 holds no supplier: the empty end of the heat ramp. */
  g_assert_true (cb_chart_matrix_cell_rect (&area, data, cb_theme_get (CB_THEME_LIGHT), 0, 0, &cell));
  g_assert_cmpuint (data->counts[0], ==, 0);
  g_assert_false (adw_style_manager_get_dark (style));
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &redrawn);

  gtk_widget_queue_draw (view);
  cb_test_gui_wait_until (cb_test_gui_flag_set, &redrawn);
  rendered_color (paintable, view, (int) cell.x + 3, (int) cell.y + 3, rgb);
  g_assert_cmpuint (rgb[0], ==, 235);
  g_assert_cmpuint (rgb[1], ==, 244);
  g_assert_cmpuint (rgb[2], ==, 249);

  /* Without new data the view redraws with the dark theme's ramp. */
  redrawn = FALSE;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  cb_test_gui_wait_until (is_dark, GINT_TO_POINTER (TRUE));
  cb_test_gui_wait_until (cb_test_gui_flag_set, &redrawn);
  g_assert_true (cb_chart_view_get_theme () == cb_theme_get (CB_THEME_DARK));
  rendered_color (paintable, view, (int) cell.x + 3, (int) cell.y + 3, rgb);
  g_assert_cmpuint (rgb[0], ==, 48);
  g_assert_cmpuint (rgb[1], ==, 54);
  g_assert_cmpuint (rgb[2], ==, 60);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  cb_test_gui_wait_until (is_dark, GINT_TO_POINTER (FALSE));
  cb_test_gui_flush ();
}

static void
test_empty_view (void)
{
  g_autoptr(GtkWidget) view = g_object_ref_sink (cb_chart_view_new ());
  const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, 3);
  g_autoptr(CbBulletData) bullet = cb_chart_bullet_data_from_kpi (kpi, "en");
  g_autofree char *description = cb_chart_bullet_describe (bullet);

  g_assert_cmpint (cb_chart_view_get_kind (CB_CHART_VIEW (view)), ==, CB_CHART_KIND_NONE);
  g_assert_cmpuint (cb_chart_view_get_n_items (CB_CHART_VIEW (view)), ==, 0);
  g_assert_cmpint (cb_chart_view_item_at (CB_CHART_VIEW (view), 10, 10), ==, -1);

  /* A chart without items takes no focus and shows no tooltip, but still says what it shows. */
  cb_chart_view_set_bullet (CB_CHART_VIEW (view), cb_chart_bullet_data_from_kpi (kpi, "en"));
  g_assert_cmpint (cb_chart_view_get_kind (CB_CHART_VIEW (view)), ==, CB_CHART_KIND_BULLET);
  g_assert_cmpuint (cb_chart_view_get_n_items (CB_CHART_VIEW (view)), ==, 0);
  g_assert_false (gtk_widget_get_focusable (view));
  g_assert_false (gtk_widget_get_has_tooltip (view));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

/* In Japanese the charts and tiles speak Japanese too, as the reports write it. */
static void
test_japanese (void)
{
  static const struct
  {
    guint       index;
    const char *name;
    const char *value;
  } tiles[] = {
    { 0, "セキュリティ投資額", "67,300,000円" },
    { 1, "リスク分析の実施回数", "3件" },
    { 5, "重大な脆弱性へのパッチ適用日数", "12.7日" },
    { 6, "重要取引先の評価実施率", "83.3%" },
  };
  GtkFlowBox *box = GTK_FLOW_BOX (page_child ("kpi_box"));
  g_autoptr(CbRadarData) data = cb_chart_radar_data_from_snapshot (snapshot, "ja");
  g_autofree char *description = cb_chart_radar_describe (data);

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      GtkWidget *tile = GTK_WIDGET (gtk_flow_box_get_child_at_index (box, (int) tiles[i].index));

      g_assert_cmpstr (named_text (tile, "kpi-name"), ==, tiles[i].name);
      g_assert_cmpstr (named_text (tile, "kpi-value"), ==, tiles[i].value);
    }

  g_assert_nonnull (strstr (description, "3 サイバーセキュリティ対策のための資源(予算、人材等)確保：2（前期 2、目標 2.7）。"));
  gtk_test_accessible_assert_property (page_child ("radar_view"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "ガイドライン重要10項目の成熟度（レベル0〜5）");
  gtk_test_accessible_assert_property (page_child ("radar_view"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

static gboolean
window_ready (gpointer data)
{
  GtkStack *main_stack = GTK_STACK (gtk_widget_get_template_child (data, CB_TYPE_WINDOW, "main_stack"));

  return !cb_window_is_busy (data) && cb_window_get_snapshot (data) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "workbook") == 0;
}

/* In the application's window the Overview comes first, and win.show-view opens the pages behind
 * its charts. */
static void
test_window (void)
{
  g_autoptr(CbApplication) app = cb_test_gui_application_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "demo.cyberboard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbRadarData) data = NULL;
  g_autofree char *description = NULL;
  GtkStack *stack;
  CbWindow *cb_window;
  GtkWidget *overview;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  cb_window = CB_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  cb_test_gui_wait_until (window_ready, cb_window);

  stack = cb_test_gui_page_stack (cb_window);
  overview = gtk_widget_get_first_child (GTK_WIDGET (stack));
  g_assert_true (CB_IS_OVERVIEW_PAGE (overview));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");

  data = cb_chart_radar_data_from_snapshot (cb_window_get_snapshot (cb_window), "en");
  description = cb_chart_radar_describe (data);
  gtk_test_accessible_assert_property (gtk_widget_get_template_child (overview, CB_TYPE_OVERVIEW_PAGE, "radar_view"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  g_action_group_activate_action (G_ACTION_GROUP (cb_window), "show-view", g_variant_new_string ("suppliers"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "suppliers");
  g_action_group_activate_action (G_ACTION_GROUP (cb_window), "show-view", g_variant_new_string ("incidents"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "incidents");
  /* An id no page has leaves the page shown. */
  g_action_group_activate_action (G_ACTION_GROUP (cb_window), "show-view", g_variant_new_string ("nowhere"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "incidents");

  gtk_window_destroy (GTK_WINDOW (cb_window));
  cb_test_gui_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  static const GActionEntry actions[] = {
    { "show-item", action_cb, "s" },
    { "show-view", action_cb, "s" },
  };
  int status;

  japanese = cb_test_gui_init (&argc, &argv, CB_TEST_LOCALEDIR);
  adw_init ();

  tmp_dir = cb_test_make_dir ();
  path = g_build_filename (tmp_dir, "demo.cyberboard", NULL);
  workbook = cb_test_create_demo (path, 1);
  snapshot = cb_snapshot_new (workbook, NULL, NULL, CB_AUDIENCE_ALL, &error);
  g_assert_no_error (error);

  /* The page in a window of its own, with a stand-in for the window's actions it asks for. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 760);
  win_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (win_actions), actions, G_N_ELEMENTS (actions), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win_actions));
  page = g_object_new (CB_TYPE_OVERVIEW_PAGE, NULL);
  gtk_window_set_child (window, page);
  cb_workbook_view_show (CB_WORKBOOK_VIEW (page), workbook, snapshot);
  gtk_window_present (window);
  cb_test_gui_wait_until (allocated, page_child ("matrix_view"));
  cb_test_gui_flush ();

  if (japanese)
    g_test_add_func ("/overview/japanese", test_japanese);
  else
    {
      g_test_add_func ("/overview/kpi-tiles", test_kpi_tiles);
      g_test_add_func ("/overview/radar-description", test_radar_description);
      g_test_add_func ("/overview/radar-click", test_radar_click);
      g_test_add_func ("/overview/keyboard", test_keyboard);
      g_test_add_func ("/overview/matrix-hover", test_matrix_hover);
      g_test_add_func ("/overview/attention", test_attention);
      g_test_add_func ("/overview/years", test_years);
      g_test_add_func ("/overview/dark", test_dark);
      g_test_add_func ("/overview/empty-view", test_empty_view);
      g_test_add_func ("/overview/window", test_window);
    }

  status = g_test_run ();

  gtk_window_destroy (window);
  g_clear_object (&win_actions);
  g_clear_pointer (&snapshot, cb_snapshot_free);
  g_clear_object (&workbook);
  g_free (last_item);
  g_free (last_view);
  cb_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
