#include <glib/gi18n.h>

#include "cb-field-label.h"
#include "cb-figure-strip.h"
#include "cb-incidents-page.h"
#include "cb-record-list.h"
#include "cb-workbook-view.h"

struct _CbIncidentsPage
{
  GtkWidget      parent_instance;

  CbFigureStrip *figures;
  CbRecordList  *list;
};

static void cb_incidents_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbIncidentsPage, cb_incidents_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_incidents_page_view_init))

/* The detection figures of the incidents detected in the period (SPEC §4). */
static void
show_figures (CbIncidentsPage  *self,
              const CbSnapshot *snapshot)
{
  const CbDetectionStats *stats = &snapshot->detection;
  g_autofree char *incidents = g_strdup_printf ("%u", stats->incidents);
  /* Translators: the unit of a number of days. */
  const char *days = _("days");
  /* Translators: the unit of a number of hours, short. */
  const char *hours = _("h");
  g_autofree char *median = cb_field_label_figure (stats->median_dwell_days, 1, days);
  g_autofree char *mean = cb_field_label_figure (stats->mean_dwell_days, 1, days);
  g_autofree char *p90 = cb_field_label_figure (stats->p90_dwell_days, 1, days);
  g_autofree char *contain = cb_field_label_figure (stats->median_hours_to_contain, 1, hours);
  g_autofree char *recover = cb_field_label_figure (stats->median_hours_to_recover, 1, hours);
  CbOptional share = CB_OPTIONAL_NONE;
  g_autofree char *internal = NULL;
  g_autofree char *open = g_strdup_printf ("%u", stats->open_at_period_end);

  cb_snapshot_lookup (snapshot, "detection.internal_share_pct", &share);
  internal = cb_field_label_figure (share, 0, "%");
  cb_figure_strip_clear (self->figures);
  cb_figure_strip_add (self->figures, incidents, _("Incidents detected"));
  cb_figure_strip_add (self->figures, median, _("Median dwell time"));
  cb_figure_strip_add (self->figures, mean, _("Mean dwell time"));
  cb_figure_strip_add (self->figures, p90, _("90th percentile dwell time"));
  cb_figure_strip_add (self->figures, contain, _("Median time to contain"));
  cb_figure_strip_add (self->figures, recover, _("Median time to recover"));
  cb_figure_strip_add (self->figures, internal, _("Detected internally"));
  cb_figure_strip_add (self->figures, open, _("Open at the end of the period"));
  if (stats->small_sample)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("The dwell times rest on %u incident with a known time of "
                                                         "compromise, fewer than five: read them with care.",
                                                         "The dwell times rest on %u incidents with a known time of "
                                                         "compromise, fewer than five: read them with care.",
                                                         stats->with_known_compromise),
                                               stats->with_known_compromise);
      cb_figure_strip_set_note (self->figures, note);
    }
}

/* The list holds the incidents the figures count: those of the entity's subtree the snapshot kept. */
static gboolean
counted (const CbSnapshot *snapshot,
         CbRecord         *record)
{
  for (guint i = 0; snapshot->incidents != NULL && i < snapshot->incidents->len; i++)
    if (g_strcmp0 (((CbSnapshotIncident *) snapshot->incidents->pdata[i])->ref, cb_record_get (record, "id")) == 0)
      return TRUE;
  return FALSE;
}

static void
cb_incidents_page_show (CbWorkbookView   *view,
                        CbWorkbook       *workbook,
                        const CbSnapshot *snapshot)
{
  CbIncidentsPage *self = CB_INCIDENTS_PAGE (view);
  g_autofree char *period = cb_period_to_string (&snapshot->period);
  CbRecordFilter filter = { snapshot->audience, period };
  const CbKind *kind = cb_kind_lookup ("incidents");
  g_autoptr(CbRecord) template_record = cb_record_new (kind);
  g_autoptr(GPtrArray) records = NULL;

  cb_record_set (template_record, "entity", snapshot->entity_code);
  cb_record_list_set_workbook (self->list, workbook);
  cb_record_list_set_template (self->list, template_record);
  show_figures (self, snapshot);

  records = cb_record_list_fetch (self->list, kind, &filter);
  cb_record_list_begin (self->list);
  for (guint i = 0; i < records->len; i++)
    if (counted (snapshot, records->pdata[i]))
      cb_record_list_append (self->list, cb_record_get_id (records->pdata[i]), records->pdata[i], NULL);
  cb_record_list_end (self->list);
}

static void
cb_incidents_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_incidents_page_show;
}

static void
list_changed_cb (CbIncidentsPage *self)
{
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
cb_incidents_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_INCIDENTS_PAGE);
  G_OBJECT_CLASS (cb_incidents_page_parent_class)->dispose (object);
}

static void
cb_incidents_page_class_init (CbIncidentsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_incidents_page_dispose;

  g_type_ensure (CB_TYPE_FIGURE_STRIP);
  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbIncidentsPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CbIncidentsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, list_changed_cb);
}

static void
cb_incidents_page_init (CbIncidentsPage *self)
{
  static const char *const fields[] = {
    "id", "title", "severity", "category", "detected_at", "contained_at", "recovered_at", "detection_source",
    "material", "entity", "confidentiality", NULL
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_record_list_add_field_columns (self->list, cb_kind_lookup ("incidents"), fields);
  cb_record_list_set_description (self->list, _("Incidents"), _("No Incidents in This Period"),
                                  _("Incidents are listed in the period in which they were detected."));
}
