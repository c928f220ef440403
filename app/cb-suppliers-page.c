#include <glib/gi18n.h>

#include "cb-field-label.h"
#include "cb-figure-strip.h"
#include "cb-record-list.h"
#include "cb-suppliers-page.h"
#include "cb-supplier-assessment.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

struct _CbSuppliersPage
{
  GtkWidget      parent_instance;

  CbFigureStrip *figures;
  GtkPaned      *paned;
  CbRecordList  *suppliers;
  GtkLabel      *assessment_title;
  GtkLabel      *assessment_summary;
  CbRecordList  *responses;

  CbWorkbook    *workbook;
};

static void cb_suppliers_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbSuppliersPage, cb_suppliers_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_suppliers_page_view_init))

static void
report_error (CbSuppliersPage *self,
              const GError    *error)
{
  cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
}

static void
show_figures (CbSuppliersPage         *self,
              const CbSupplierSummary *summary)
{
  g_autofree char *total = g_strdup_printf ("%u", summary->total);
  g_autofree char *assessed = g_strdup_printf ("%u", summary->assessed);
  g_autofree char *coverage = cb_field_label_figure (summary->high_criticality_coverage_pct, 1, "%");
  g_autofree char *score = cb_field_label_figure (summary->mean_score, 1, NULL);
  g_autofree char *overdue = g_strdup_printf ("%u", summary->overdue_reassessments);

  cb_figure_strip_clear (self->figures);
  cb_figure_strip_add (self->figures, total, _("Suppliers"));
  cb_figure_strip_add (self->figures, assessed, _("Assessed in the last 12 months"));
  cb_figure_strip_add (self->figures, coverage, _("High-criticality suppliers assessed"));
  cb_figure_strip_add (self->figures, score, _("Mean latest score (0–100)"));
  cb_figure_strip_add (self->figures, overdue, _("Re-assessments overdue"));
}

/* The selected supplier's latest assessment: its score and its answers, which may be corrected. */
static void
show_assessment (CbSuppliersPage *self)
{
  CbRecord *supplier = cb_record_list_get_selected_record (self->suppliers);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const CbSupplierAssessment *latest;

  cb_record_list_begin (self->responses);
  if (supplier == NULL || cb_record_get_id (supplier) == 0)
    {
      gtk_label_set_text (self->assessment_title, _("Latest Assessment"));
      gtk_label_set_text (self->assessment_summary, _("Select a supplier to see its latest answers and score."));
      cb_record_list_end (self->responses);
      return;
    }

  /* Translators: a heading; %s is a supplier's code, then its name. */
  title = g_strdup_printf (_("Latest Assessment of %s — %s"), cb_record_get (supplier, "code"),
                           cb_record_get (supplier, "name"));
  gtk_label_set_text (self->assessment_title, title);
  assessments = cb_supplier_assessment_list (self->workbook, cb_record_get (supplier, "code"), &error);
  if (assessments == NULL)
    report_error (self, error);
  else if (assessments->len == 0)
    gtk_label_set_text (self->assessment_summary, _("This supplier has not answered a questionnaire yet."));
  else
    {
      g_autofree char *score = NULL;
      g_autofree char *summary = NULL;

      latest = assessments->pdata[0];
      score = latest->has_score ? g_strdup_printf ("%.1f", latest->score) : g_strdup ("—");
      /* Translators: a questionnaire's code, a date, a score out of 100 and the share of the
       * questions answered. */
      summary = g_strdup_printf (_("%s answered on %s: score %s of 100, %.0f %% of the questions answered."),
                                 latest->questionnaire, latest->assessed_on, score, latest->answered_share * 100);
      if (latest->failed_high_weight > 0)
        {
          g_autofree char *failed = g_strdup_printf (ngettext ("%u high-weight question was answered “no”.",
                                                               "%u high-weight questions were answered “no”.",
                                                               latest->failed_high_weight),
                                                     latest->failed_high_weight);
          g_autofree char *both = g_strconcat (summary, " ", failed, NULL);

          g_free (summary);
          summary = g_steal_pointer (&both);
        }
      gtk_label_set_text (self->assessment_summary, summary);
      responses = cb_supplier_assessment_responses (self->workbook, latest->id, &error);
      if (responses == NULL)
        report_error (self, error);
      else
        cb_record_list_append_records (self->responses, responses);
    }
  cb_record_list_end (self->responses);
}

static void
cb_suppliers_page_show (CbWorkbookView   *view,
                        CbWorkbook       *workbook,
                        const CbSnapshot *snapshot)
{
  CbSuppliersPage *self = CB_SUPPLIERS_PAGE (view);
  CbRecordFilter filter = { snapshot->audience, NULL };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CbRecord) template_record = cb_record_new (cb_kind_lookup ("suppliers"));

  g_set_object (&self->workbook, workbook);
  cb_record_list_set_workbook (self->suppliers, workbook);
  cb_record_list_set_workbook (self->responses, workbook);
  cb_record_list_set_template (self->suppliers, template_record);
  show_figures (self, &snapshot->suppliers);

  records = cb_record_list_fetch (self->suppliers, cb_kind_lookup ("suppliers"), &filter);
  cb_record_list_begin (self->suppliers);
  cb_record_list_append_records (self->suppliers, records);
  cb_record_list_end (self->suppliers);
}

static void
cb_suppliers_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_suppliers_page_show;
}

static void
list_changed_cb (CbSuppliersPage *self)
{
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
supplier_selected_cb (CbSuppliersPage *self)
{
  show_assessment (self);
}

static void
cb_suppliers_page_dispose (GObject *object)
{
  CbSuppliersPage *self = CB_SUPPLIERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_SUPPLIERS_PAGE);
  g_clear_object (&self->workbook);
  G_OBJECT_CLASS (cb_suppliers_page_parent_class)->dispose (object);
}

static void
cb_suppliers_page_class_init (CbSuppliersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_suppliers_page_dispose;

  g_type_ensure (CB_TYPE_FIGURE_STRIP);
  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-suppliers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, suppliers);
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, assessment_title);
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, assessment_summary);
  gtk_widget_class_bind_template_child (widget_class, CbSuppliersPage, responses);
  gtk_widget_class_bind_template_callback (widget_class, list_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, supplier_selected_cb);
}

static void
cb_suppliers_page_init (CbSuppliersPage *self)
{
  static const char *const supplier_fields[] = {
    "code", "name", "country", "criticality", "data_access", "services", "owner", "confidentiality", NULL
  };
  static const char *const response_fields[] = {
    "question_code", "answer", "score", "comment", "evidence", NULL
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_record_list_add_field_columns (self->suppliers, cb_kind_lookup ("suppliers"), supplier_fields);
  cb_record_list_set_description (self->suppliers, _("Suppliers"), _("No Suppliers"),
                                  _("Add a supplier, or import a supplier list."));
  cb_record_list_add_field_columns (self->responses, cb_kind_lookup ("responses"), response_fields);
  cb_record_list_set_description (self->responses, _("Answers of the latest assessment"), _("No Answers"),
                                  _("Answers come from imported questionnaire responses."));
}
