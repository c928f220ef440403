#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-field-label.h"
#include "cb-kpis-page.h"
#include "cb-record-list.h"
#include "cb-workbook-view.h"

struct _CbKpisPage
{
  GtkWidget     parent_instance;

  GtkPaned     *paned;
  CbRecordList *kpis;
  GtkLabel     *values_title;
  CbRecordList *values;
};

static void cb_kpis_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbKpisPage, cb_kpis_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_kpis_page_view_init))

static const CbSnapshotKpi *
find_kpi (const CbSnapshot *snapshot,
          const char       *code)
{
  for (guint i = 0; snapshot->kpis != NULL && i < snapshot->kpis->len; i++)
    if (g_strcmp0 (g_array_index (snapshot->kpis, CbSnapshotKpi, i).code, code) == 0)
      return &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
  return NULL;
}

/* Which way the value moved since the previous period, and whether that is good for this KPI. */
static const char *
describe_trend (const CbSnapshotKpi *kpi)
{
  switch (kpi->trend)
    {
    case CB_TREND_FLAT:
      return _("→ steady");
    case CB_TREND_UP:
      return kpi->improving ? _("↑ better") : _("↑ worse");
    case CB_TREND_DOWN:
      return kpi->improving ? _("↓ better") : _("↓ worse");
    case CB_TREND_NONE:
    default:
      return NULL;
    }
}

static void
cb_kpis_page_show (CbWorkbookView   *view,
                   CbWorkbook       *workbook,
                   const CbSnapshot *snapshot)
{
  CbKpisPage *self = CB_KPIS_PAGE (view);
  g_autofree char *period = cb_period_to_string (&snapshot->period);
  CbRecordFilter definitions_filter = { snapshot->audience, NULL };
  CbRecordFilter values_filter = { snapshot->audience, period };
  g_autoptr(GPtrArray) definitions = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(CbRecord) new_kpi = cb_record_new (cb_kind_lookup ("kpis"));
  g_autoptr(CbRecord) new_value = cb_record_new (cb_kind_lookup ("kpi-values"));
  g_autofree char *title = NULL;

  cb_record_set (new_value, "period", period);
  cb_record_set (new_value, "entity", snapshot->entity_code);
  cb_record_list_set_workbook (self->kpis, workbook);
  cb_record_list_set_workbook (self->values, workbook);
  cb_record_list_set_template (self->kpis, new_kpi);
  cb_record_list_set_template (self->values, new_value);
  definitions = cb_record_list_fetch (self->kpis, cb_kind_lookup ("kpis"), &definitions_filter);
  values = cb_record_list_fetch (self->values, cb_kind_lookup ("kpi-values"), &values_filter);

  cb_record_list_begin (self->kpis);
  for (guint i = 0; i < definitions->len; i++)
    {
      CbRecord *record = definitions->pdata[i];
      const CbSnapshotKpi *kpi = find_kpi (snapshot, cb_record_get (record, "code"));
      g_autofree char *value = kpi != NULL && kpi->value.valid ? cb_field_label_number (kpi->value.value) : NULL;
      const char *texts[] = {
        value, kpi != NULL ? cb_field_label_kpi_status (kpi) : NULL, kpi != NULL ? describe_trend (kpi) : NULL,
      };

      cb_record_list_append (self->kpis, cb_record_get_id (record), record, texts);
    }
  cb_record_list_end (self->kpis);

  /* Translators: a heading; %s is a period such as FY2026Q2. */
  title = g_strdup_printf (_("Values in %s"), period);
  gtk_label_set_text (self->values_title, title);
  cb_record_list_begin (self->values);
  cb_record_list_append_records (self->values, values);
  cb_record_list_end (self->values);
}

static void
cb_kpis_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_kpis_page_show;
}

static void
list_changed_cb (CbKpisPage *self)
{
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
cb_kpis_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_KPIS_PAGE);
  G_OBJECT_CLASS (cb_kpis_page_parent_class)->dispose (object);
}

static void
cb_kpis_page_class_init (CbKpisPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_kpis_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-kpis-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbKpisPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CbKpisPage, kpis);
  gtk_widget_class_bind_template_child (widget_class, CbKpisPage, values_title);
  gtk_widget_class_bind_template_child (widget_class, CbKpisPage, values);
  gtk_widget_class_bind_template_callback (widget_class, list_changed_cb);
}

static void
cb_kpis_page_init (CbKpisPage *self)
{
  static const char *const definition_fields[] = {
    "unit", "direction", "target", "band", "source", "confidentiality", NULL
  };
  static const char *const value_fields[] = { "code", "entity", "value", NULL };
  const char *const name_fields[] = {
    "code", g_str_equal (cb_application_get_name_language (), "ja") ? "name_ja" : "name_en", NULL
  };
  const CbKind *kpis = cb_kind_lookup ("kpis");

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_record_list_add_field_columns (self->kpis, kpis, name_fields);
  cb_record_list_add_column (self->kpis, _("Value"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->kpis, _("Status"), CB_COLUMN_TAG, "rag");
  cb_record_list_add_column (self->kpis, _("Trend"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_field_columns (self->kpis, kpis, definition_fields);
  cb_record_list_set_description (self->kpis, _("KPIs and KRIs"), _("No KPIs"),
                                  _("Add a KPI, or import KPI definitions."));
  cb_record_list_add_field_columns (self->values, cb_kind_lookup ("kpi-values"), value_fields);
  cb_record_list_set_description (self->values, _("KPI values of the period"), _("No Values in This Period"),
                                  _("Add a value, or import KPI values."));
}
