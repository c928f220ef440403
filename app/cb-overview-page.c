#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-chart-view.h"
#include "cb-overview-page.h"
#include "cb-workbook-view.h"

/* How many items below their target the attention list names besides the overdue ones. */
#define MAX_GAP_ITEMS 3
#define BADGE_SIZE    16

struct _CbOverviewPage
{
  AdwBin           parent_instance;

  GtkFlowBox      *kpi_box;
  GtkLabel        *kpi_empty;
  CbChartView     *radar_view;
  GtkListBox      *attention_list;
  GtkStack        *dwell_stack;
  GtkToggleButton *years_button;
  CbChartView     *quarters_view;
  CbChartView     *years_view;
  CbChartView     *matrix_view;
};

static void cb_overview_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbOverviewPage, cb_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_overview_page_view_init))

static const char *
pick_name (const char *name_ja,
           const char *name_en,
           const char *fallback,
           const char *lang)
{
  const char *name = g_str_equal (lang, "ja") ? name_ja : name_en;

  if (name == NULL || *name == '\0')
    name = name_ja != NULL && *name_ja != '\0' ? name_ja : fallback;
  return name;
}

static char *
format_optional (CbOptional  value,
                 const char *unit,
                 const char *lang)
{
  if (!value.valid)
    return g_strdup (_("No value"));
  return cb_chart_format_quantity (value.value, unit, lang);
}

static const char *
rag_word (CbRag rag)
{
  switch (rag)
    {
    case CB_RAG_GREEN:
      return _("On target");
    case CB_RAG_AMBER:
      return _("Near target");
    case CB_RAG_RED:
      return _("Off target");
    case CB_RAG_GREY:
    default:
      return _("No status");
    }
}

static const char *
trend_word (const CbSnapshotKpi *kpi)
{
  switch (kpi->trend)
    {
    case CB_TREND_UP:
    case CB_TREND_DOWN:
      return kpi->improving ? _("Improving") : _("Worsening");
    case CB_TREND_FLAT:
      return _("Unchanged");
    case CB_TREND_NONE:
    default:
      return _("No earlier figure");
    }
}

static void
draw_badge (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  cb_theme_draw_rag (cr, cb_chart_view_get_theme (), GPOINTER_TO_INT (user_data),
                     width / 2.0, height / 2.0, MIN (width, height));
}

/* The status in the charts' own shapes and colours, redrawn when the style turns dark. */
static GtkWidget *
create_badge (CbRag rag)
{
  GtkWidget *badge = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (badge), BADGE_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (badge), BADGE_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (badge), draw_badge, GINT_TO_POINTER (rag), NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, rag_word (rag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, rag_word (rag), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), badge, G_CONNECT_SWAPPED);
  return badge;
}

static GtkWidget *
create_label (const char *text,
              const char *name,
              const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, style);
  return label;
}

static const char *
trend_icon (CbTrend trend)
{
  switch (trend)
    {
    case CB_TREND_UP:
      return "go-up-symbolic";
    case CB_TREND_DOWN:
      return "go-down-symbolic";
    case CB_TREND_FLAT:
      return "go-next-symbolic";
    case CB_TREND_NONE:
    default:
      return NULL;
    }
}

/* A card with the KPI's name, its value, the trend against the previous period (green when it
 * improves, red when it worsens) and the status badge beside the target. */
static GtkWidget *
create_kpi_tile (const CbSnapshotKpi *kpi,
                 const char          *lang)
{
  const char *name = pick_name (kpi->name_ja, kpi->name_en, kpi->code, lang);
  const char *icon = trend_icon (kpi->trend);
  g_autofree char *value = kpi->value.valid ? cb_chart_format_quantity (kpi->value.value, kpi->unit, lang) : NULL;
  g_autofree char *target = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *trend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;

  if (kpi->target.valid)
    {
      g_autofree char *quantity = cb_chart_format_quantity (kpi->target.value, kpi->unit, lang);

      /* Translators: under a KPI's value; %s is the target with its unit, such as “95%”. */
      target = g_strdup_printf (_("Target %s"), quantity);
    }
  else
    target = g_strdup (_("No target"));

  label = create_label (name, "kpi-name", "caption-heading");
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Narrow tiles, so five fit side by side in the default window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_set_tooltip_text (label, name);
  gtk_box_append (GTK_BOX (box), label);

  /* A figure is never broken across lines. Figures and what follows them line up across a row
   * of tiles however many lines the names take. */
  label = create_label (value != NULL ? value : "—", "kpi-value", "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_set_margin_top (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  if (icon != NULL)
    gtk_box_append (GTK_BOX (trend), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (trend), create_label (trend_word (kpi), "kpi-trend", "caption"));
  if (kpi->trend == CB_TREND_UP || kpi->trend == CB_TREND_DOWN)
    gtk_widget_add_css_class (trend, kpi->improving ? "success" : "error");
  else
    gtk_widget_add_css_class (trend, "dim-label");
  if (kpi->previous.valid)
    {
      g_autofree char *quantity = cb_chart_format_quantity (kpi->previous.value, kpi->unit, lang);
      /* Translators: the tooltip of a KPI's trend; %s is last period's value with its unit. */
      g_autofree char *previous = g_strdup_printf (_("Previous period: %s"), quantity);

      gtk_widget_set_tooltip_text (trend, previous);
    }
  gtk_box_append (GTK_BOX (box), trend);

  label = create_label (target, "kpi-target", "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (status), create_badge (kpi->status));
  gtk_box_append (GTK_BOX (status), label);
  gtk_box_append (GTK_BOX (box), status);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  /* The flow box makes every tile as tall as the tallest would be at this width. */
  gtk_widget_set_size_request (child, 140, -1);
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "activatable");
  gtk_widget_set_tooltip_text (child, _("Open the KPIs"));

  /* Translators: how a screen reader reads a KPI tile: its name, value, status, trend and target. */
  accessible = g_strdup_printf (_("%s: %s, %s, %s, %s"), name, value != NULL ? value : _("No value"),
                                rag_word (kpi->status), trend_word (kpi), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return child;
}

static void
show_kpis (CbOverviewPage   *self,
           const CbSnapshot *snapshot,
           const char       *lang)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_box))) != NULL)
    gtk_flow_box_remove (self->kpi_box, child);

  for (guint i = 0; i < snapshot->kpis->len; i++)
    gtk_flow_box_append (self->kpi_box, create_kpi_tile (&g_array_index (snapshot->kpis, CbSnapshotKpi, i), lang));

  gtk_widget_set_visible (GTK_WIDGET (self->kpi_box), snapshot->kpis->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_empty), snapshot->kpis->len == 0);
}

static GtkWidget *
create_attention_row (GtkWidget  *icon,
                      const char *title,
                      const char *subtitle,
                      const char *action,
                      const char *target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (action != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_icon (const char *icon_name,
             const char *style,
             const char *label)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return icon;
}

static char *
item_title (const CbSnapshotItem *item,
            const char           *lang)
{
  /* Translators: a guideline item in the attention list: its number (1–10), then its title. */
  return g_strdup_printf (_("Item %d: %s"), item->number,
                          pick_name (item->title_ja, item->title_en, item->key, lang));
}

static GtkWidget *
create_overdue_row (const CbSnapshotItem *item,
                    const char           *lang)
{
  g_autofree char *title = item_title (item, lang);
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;

  if (item->due_date != NULL)
    /* Translators: why an item needs attention; %s is its due date, 2026-12-31. */
    due = g_strdup_printf (_("Overdue, due %s"), item->due_date);
  else
    due = g_strdup (_("Overdue"));
  if (item->owner != NULL && *item->owner != '\0')
    /* Translators: an overdue item's state, then who owns the item. */
    subtitle = g_strdup_printf (_("%s · Owner: %s"), due, item->owner);
  else
    subtitle = g_steal_pointer (&due);

  return create_attention_row (create_icon ("alarm-symbolic", "error", _("Overdue")),
                               title, subtitle, "win.show-item", item->key);
}

static GtkWidget *
create_gap_row (const CbSnapshotItem *item,
                const char           *lang)
{
  g_autofree char *title = item_title (item, lang);
  g_autofree char *level = format_optional (item->level, NULL, lang);
  g_autofree char *target = format_optional (item->target, NULL, lang);
  /* Translators: why an item needs attention: its level (0–5), then its target level. */
  g_autofree char *subtitle = g_strdup_printf (_("Level %s against a target of %s"), level, target);

  return create_attention_row (create_icon ("dialog-warning-symbolic", "warning", _("Below target")),
                               title, subtitle, "win.show-item", item->key);
}

static GtkWidget *
create_red_kpi_row (const CbSnapshotKpi *kpi,
                    const char          *lang)
{
  g_autofree char *value = format_optional (kpi->value, kpi->unit, lang);
  g_autofree char *target = format_optional (kpi->target, kpi->unit, lang);
  /* Translators: why a red KPI needs attention: its value, then its target, each with its unit. */
  g_autofree char *subtitle = g_strdup_printf (_("%s against a target of %s"), value, target);
  GtkWidget *badge = create_badge (kpi->status);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return create_attention_row (badge, pick_name (kpi->name_ja, kpi->name_en, kpi->code, lang),
                               subtitle, "win.show-view", "kpis");
}

/* Largest gap first; equal gaps keep the items' order. */
static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const CbSnapshotItem *items = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;

  if (items[i].gap.value != items[j].gap.value)
    return items[i].gap.value > items[j].gap.value ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
show_attention (CbOverviewPage   *self,
                const CbSnapshot *snapshot,
                const char       *lang)
{
  const CbGuidelineSummary *guideline = &snapshot->guideline;
  guint gaps[G_N_ELEMENTS (guideline->items)];
  guint n_gaps = 0;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, row);

  for (guint i = 0; i < G_N_ELEMENTS (guideline->items); i++)
    {
      const CbSnapshotItem *item = &guideline->items[i];

      if (item->overdue)
        gtk_list_box_append (self->attention_list, create_overdue_row (item, lang));
      else if (item->gap.valid && item->gap.value > 0)
        gaps[n_gaps++] = i;
    }

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);

      if (kpi->status == CB_RAG_RED)
        gtk_list_box_append (self->attention_list, create_red_kpi_row (kpi, lang));
    }

  g_qsort_with_data (gaps, (int) n_gaps, sizeof gaps[0], compare_gaps, (gpointer) guideline->items);
  for (guint i = 0; i < MIN (n_gaps, MAX_GAP_ITEMS); i++)
    gtk_list_box_append (self->attention_list, create_gap_row (&guideline->items[gaps[i]], lang));

  if (gtk_widget_get_first_child (GTK_WIDGET (self->attention_list)) == NULL)
    gtk_list_box_append (self->attention_list,
                         create_attention_row (create_icon ("emblem-ok-symbolic", "success", _("Done")),
                                               _("Nothing needs attention"),
                                               _("No item is overdue or below its target, and no KPI is red"),
                                               NULL, NULL));
}

static void
cb_overview_page_show (CbWorkbookView   *view,
                       CbWorkbook       *workbook,
                       const CbSnapshot *snapshot)
{
  CbOverviewPage *self = CB_OVERVIEW_PAGE (view);
  const char *lang = cb_application_get_name_language ();

  show_kpis (self, snapshot, lang);
  cb_chart_view_set_radar (self->radar_view, cb_chart_radar_data_from_snapshot (snapshot, lang));
  show_attention (self, snapshot, lang);
  cb_chart_view_set_trend (self->quarters_view, cb_chart_trend_data_from_snapshot (snapshot, FALSE, lang));
  cb_chart_view_set_trend (self->years_view, cb_chart_trend_data_from_snapshot (snapshot, TRUE, lang));
  cb_chart_view_set_matrix (self->matrix_view, cb_chart_matrix_data_from_snapshot (snapshot, lang));
}

static void
cb_overview_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_overview_page_show;
}

static void
kpi_activated_cb (CbOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "kpis");
}

static void
radar_activated_cb (CbOverviewPage *self,
                    guint           axis)
{
  const CbRadarData *data = cb_chart_view_get_data (self->radar_view);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", data->axes[axis].key);
}

static void
dwell_activated_cb (CbOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "incidents");
}

static void
matrix_activated_cb (CbOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "suppliers");
}

static void
years_toggled_cb (CbOverviewPage *self)
{
  gtk_stack_set_visible_child_name (self->dwell_stack,
                                    gtk_toggle_button_get_active (self->years_button) ? "years" : "quarters");
}

static void
cb_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (cb_overview_page_parent_class)->dispose (object);
}

static void
cb_overview_page_class_init (CbOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_overview_page_dispose;

  g_type_ensure (CB_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, kpi_empty);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, radar_view);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, dwell_stack);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, years_button);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, quarters_view);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, years_view);
  gtk_widget_class_bind_template_child (widget_class, CbOverviewPage, matrix_view);
  gtk_widget_class_bind_template_callback (widget_class, kpi_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, radar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, dwell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, years_toggled_cb);
}

static void
cb_overview_page_init (CbOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
