#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-benchmarks-page.h"
#include "cb-field-label.h"
#include "cb-figure-strip.h"
#include "cb-record-list.h"
#include "cb-workbook-view.h"

struct _CbBenchmarksPage
{
  GtkWidget      parent_instance;

  CbFigureStrip *figures;
  GtkPaned      *paned;
  CbRecordList  *scores;
  GtkLabel      *reference_title;
  CbRecordList  *reference;
};

static void cb_benchmarks_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbBenchmarksPage, cb_benchmarks_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_benchmarks_page_view_init))

/* Each benchmark's total against its maximum, and its standard score against the reference. */
static void
show_figures (CbBenchmarksPage *self,
              const CbSnapshot *snapshot)
{
  gboolean japanese = g_str_equal (cb_application_get_name_language (), "ja");

  cb_figure_strip_clear (self->figures);
  for (guint i = 0; snapshot->benchmarks != NULL && i < snapshot->benchmarks->len; i++)
    {
      const CbSnapshotBenchmark *benchmark = &g_array_index (snapshot->benchmarks, CbSnapshotBenchmark, i);
      const char *name = japanese ? benchmark->name_ja : benchmark->name_en;
      g_autofree char *total = cb_field_label_figure (benchmark->total, 1, NULL);
      g_autofree char *max = cb_field_label_figure (benchmark->max, 0, NULL);
      g_autofree char *score = cb_field_label_figure (benchmark->standard_score, 1, NULL);
      g_autofree char *of_max = NULL;
      g_autofree char *standard = NULL;

      if (name == NULL)
        name = benchmark->code;
      if (total != NULL && max != NULL)
        /* Translators: a benchmark's total score and the highest it could be, e.g. "95.0 of 125". */
        of_max = g_strdup_printf (_("%s of %s"), total, max);
      cb_figure_strip_add (self->figures, of_max, name);
      /* Translators: the caption of a benchmark's standard score (偏差値); %s is its name. */
      standard = g_strdup_printf (_("Standard score, %s"), name);
      cb_figure_strip_add (self->figures, score, standard);
    }
}

static void
cb_benchmarks_page_show (CbWorkbookView   *view,
                         CbWorkbook       *workbook,
                         const CbSnapshot *snapshot)
{
  CbBenchmarksPage *self = CB_BENCHMARKS_PAGE (view);
  g_autofree char *period = cb_period_to_string (&snapshot->period);
  CbRecordFilter scores_filter = { snapshot->audience, period };
  CbRecordFilter reference_filter = { snapshot->audience, NULL };
  const CbKind *scores_kind = cb_kind_lookup ("benchmarks");
  const CbKind *reference_kind = cb_kind_lookup ("benchmark-reference");
  g_autoptr(CbRecord) new_score = cb_record_new (scores_kind);
  g_autoptr(CbRecord) new_reference = cb_record_new (reference_kind);
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) reference = NULL;

  cb_record_set (new_score, "period", period);
  cb_record_set (new_score, "entity", snapshot->entity_code);
  cb_record_list_set_workbook (self->scores, workbook);
  cb_record_list_set_workbook (self->reference, workbook);
  cb_record_list_set_template (self->scores, new_score);
  cb_record_list_set_template (self->reference, new_reference);
  show_figures (self, snapshot);

  scores = cb_record_list_fetch (self->scores, scores_kind, &scores_filter);
  cb_record_list_begin (self->scores);
  cb_record_list_append_records (self->scores, scores);
  cb_record_list_end (self->scores);

  reference = cb_record_list_fetch (self->reference, reference_kind, &reference_filter);
  cb_record_list_begin (self->reference);
  cb_record_list_append_records (self->reference, reference);
  cb_record_list_end (self->reference);
}

static void
cb_benchmarks_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_benchmarks_page_show;
}

static void
list_changed_cb (CbBenchmarksPage *self)
{
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
cb_benchmarks_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_BENCHMARKS_PAGE);
  G_OBJECT_CLASS (cb_benchmarks_page_parent_class)->dispose (object);
}

static void
cb_benchmarks_page_class_init (CbBenchmarksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_benchmarks_page_dispose;

  g_type_ensure (CB_TYPE_FIGURE_STRIP);
  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-benchmarks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbBenchmarksPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CbBenchmarksPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CbBenchmarksPage, scores);
  gtk_widget_class_bind_template_child (widget_class, CbBenchmarksPage, reference_title);
  gtk_widget_class_bind_template_child (widget_class, CbBenchmarksPage, reference);
  gtk_widget_class_bind_template_callback (widget_class, list_changed_cb);
}

static void
cb_benchmarks_page_init (CbBenchmarksPage *self)
{
  static const char *const score_fields[] = { "benchmark", "item", "entity", "score", "confidentiality", NULL };
  static const char *const reference_fields[] = { "benchmark", "version", "item", "mean", "sd", "desired_level", NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_record_list_add_field_columns (self->scores, cb_kind_lookup ("benchmarks"), score_fields);
  cb_record_list_set_description (self->scores, _("Benchmark scores of the period"), _("No Scores in This Period"),
                                  _("Add a score, or import a benchmark's results."));
  gtk_label_set_text (self->reference_title, _("Reference Distributions"));
  cb_record_list_add_field_columns (self->reference, cb_kind_lookup ("benchmark-reference"), reference_fields);
  cb_record_list_set_description (self->reference, _("Benchmark reference distributions"), _("No Reference Data"),
                                  _("Enter or import the group mean, standard deviation and desired level per item."));
}
