#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-catalog.h"
#include "cb-confirm-dialog.h"
#include "cb-evaluation.h"
#include "cb-evaluation-page.h"
#include "cb-field-label.h"
#include "cb-new-evaluation-dialog.h"
#include "cb-record-list.h"
#include "cb-reference.h"
#include "cb-seal-header.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

struct _CbEvaluationPage
{
  GtkWidget            parent_instance;

  GtkPaned            *paned;
  CbRecordList        *evaluations;
  GtkStack            *stack;
  CbSealHeader        *header;
  GtkWidget           *submit_button;
  GtkWidget           *sign_button;
  GtkWidget           *revision_button;
  AdwPreferencesGroup *ratings_group;
  AdwPreferencesGroup *recommendations_group;

  GPtrArray           *rows;          /* the rows added to the two groups */
  CbWorkbook          *workbook;
  CbEvaluation        *evaluation;    /* the one shown, with its ratings and recommendations */
  char                *hash;
  char                *expanded_key;  /* the criterion whose row is open, kept across refreshes */
  gint64               select_after;  /* a new revision to select once the list shows it */
  int                  fiscal_year;   /* of the window's period, where a new evaluation starts */
};

static void cb_evaluation_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbEvaluationPage, cb_evaluation_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_evaluation_page_view_init))

static const char *
ui_language (void)
{
  return cb_application_get_name_language ();
}

static void
report_error (CbEvaluationPage *self,
              const GError     *error)
{
  cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
}

static gboolean
is_signed (const CbEvaluation *evaluation)
{
  return g_strcmp0 (evaluation->status, "signed") == 0;
}

static gboolean
editable (CbEvaluationPage *self)
{
  return self->evaluation != NULL && !is_signed (self->evaluation) && !cb_workbook_is_read_only (self->workbook);
}

static const CbEvaluationRating *
find_rating (const CbEvaluation *evaluation,
             const char         *criterion_key)
{
  for (guint i = 0; evaluation->ratings != NULL && i < evaluation->ratings->len; i++)
    if (g_strcmp0 (((CbEvaluationRating *) evaluation->ratings->pdata[i])->criterion_key, criterion_key) == 0)
      return evaluation->ratings->pdata[i];
  return NULL;
}

/* "3 — Largely meets", from the rating scale of the catalog. */
static char *
rating_label (int rating)
{
  CbCatalog *catalog = cb_reference_catalog (NULL);
  const CbScaleLevel *level = catalog != NULL ? cb_scale_get_level (cb_catalog_get_ratings (catalog), rating) : NULL;

  if (rating == 0)
    return g_strdup (_("Not rated"));
  if (level == NULL)
    return g_strdup_printf ("%d", rating);
  return g_strdup_printf ("%d — %s", rating, cb_text_get (&level->label, ui_language ()));
}

static void
clear_rows (CbEvaluationPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (CbEvaluationPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* What undoing a change to a rating or a recommendation writes back. */
typedef struct
{
  gint64            evaluation_id;
  char             *criterion_key;
  int               rating;
  char             *finding;
  CbRecommendation *recommendation;
} Previous;

static void
previous_free (Previous *previous)
{
  g_free (previous->criterion_key);
  g_free (previous->finding);
  g_clear_pointer (&previous->recommendation, cb_recommendation_free);
  g_free (previous);
}

static gboolean
restore_previous (CbWorkbook  *workbook,
                  gpointer     user_data,
                  GError     **error)
{
  Previous *previous = user_data;

  if (previous->recommendation != NULL)
    return cb_evaluation_update_recommendation (workbook, previous->recommendation, error);
  return cb_evaluation_set_rating (workbook, previous->evaluation_id, previous->criterion_key, previous->rating,
                                   previous->finding, error);
}

static void
set_rating (CbEvaluationPage *self,
            const char       *criterion_key,
            int               rating,
            const char       *finding)
{
  const CbEvaluationRating *old = find_rating (self->evaluation, criterion_key);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Previous *previous;

  if (!cb_evaluation_set_rating (self->workbook, self->evaluation->id, criterion_key, rating, finding, &error))
    {
      report_error (self, error);
      return;
    }
  previous = g_new0 (Previous, 1);
  previous->evaluation_id = self->evaluation->id;
  previous->criterion_key = g_strdup (criterion_key);
  previous->rating = old != NULL ? old->rating : 0;
  previous->finding = old != NULL ? g_strdup (old->finding) : NULL;
  /* Translators: %s is a criterion's key, such as BE3. */
  message = g_strdup_printf (_("Rating of %s changed"), criterion_key);
  cb_undo_toast_show (GTK_WIDGET (self), message, restore_previous, previous, (GDestroyNotify) previous_free);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
rating_selected_cb (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    CbEvaluationPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cb-criterion");
  const CbEvaluationRating *old = find_rating (self->evaluation, key);
  int rating = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (rating != (old != NULL ? old->rating : 0))
    set_rating (self, key, rating, old != NULL ? old->finding : NULL);
}

static void
finding_applied_cb (AdwEntryRow      *row,
                    CbEvaluationPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cb-criterion");
  const CbEvaluationRating *old = find_rating (self->evaluation, key);

  set_rating (self, key, old != NULL ? old->rating : 0, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
expanded_cb (AdwExpanderRow   *row,
             GParamSpec       *pspec,
             CbEvaluationPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cb-criterion");

  if (adw_expander_row_get_expanded (row))
    {
      g_free (self->expanded_key);
      self->expanded_key = g_strdup (key);
    }
  else if (g_strcmp0 (self->expanded_key, key) == 0)
    g_clear_pointer (&self->expanded_key, g_free);
}

static GtkWidget *
evidence_row (const CbEvaluationEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *kind;

  if (g_strcmp0 (evidence->kind, "item") == 0)
    kind = _("Guideline item");
  else if (g_strcmp0 (evidence->kind, "kpi") == 0)
    kind = _("KPI");
  else
    kind = _("Document");
  if (evidence->sha256 != NULL)
    /* Translators: evidence of a rating: what it is, where it is, and the SHA-256 of the file. */
    subtitle = g_strdup_printf (_("%s · %s\nSHA-256 %s"), kind, evidence->ref, evidence->sha256);
  else
    subtitle = g_strdup_printf ("%s · %s", kind, evidence->ref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->title != NULL ? evidence->title : evidence->ref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  return row;
}

static GtkWidget *
criterion_row (CbEvaluationPage  *self,
               const CbCriterion *criterion)
{
  const CbEvaluationRating *rating = find_rating (self->evaluation, criterion->key);
  int value = rating != NULL ? rating->rating : 0;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *title = g_strdup_printf ("%s  %s", criterion->key, cb_text_get (&criterion->title, ui_language ()));
  g_autofree char *subtitle = rating_label (value);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *statement = adw_action_row_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *finding = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (self->expanded_key, criterion->key) == 0);
  g_object_set_data_full (G_OBJECT (row), "cb-criterion", g_strdup (criterion->key), g_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (statement), cb_text_get (&criterion->text, ui_language ()));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (statement), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (statement), 0);
  gtk_widget_add_css_class (statement, "dim-label");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), statement);

  for (int i = 0; i <= 4; i++)
    {
      g_autofree char *label = rating_label (i);
      gtk_string_list_append (labels, label);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Rating"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), value);
  gtk_widget_set_sensitive (combo, editable (self));
  g_object_set_data_full (G_OBJECT (combo), "cb-criterion", g_strdup (criterion->key), g_free);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (rating_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (finding), _("Finding"));
  gtk_editable_set_text (GTK_EDITABLE (finding), rating != NULL && rating->finding != NULL ? rating->finding : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (finding), TRUE);
  gtk_widget_set_sensitive (finding, editable (self));
  g_object_set_data_full (G_OBJECT (finding), "cb-criterion", g_strdup (criterion->key), g_free);
  g_signal_connect (finding, "apply", G_CALLBACK (finding_applied_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), finding);

  for (guint i = 0; rating != NULL && rating->evidence != NULL && i < rating->evidence->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), evidence_row (rating->evidence->pdata[i]));
  return row;
}

static const char *const recommendation_statuses[] = { "open", "in_progress", "done", "dropped", NULL };

static void
recommendation_status_cb (AdwComboRow      *row,
                          GParamSpec       *pspec,
                          CbEvaluationPage *self)
{
  const CbRecommendation *recommendation = g_object_get_data (G_OBJECT (row), "cb-recommendation");
  const char *status = recommendation_statuses[adw_combo_row_get_selected (ADW_COMBO_ROW (row))];
  CbRecommendation changed = *recommendation;
  g_autoptr(GError) error = NULL;
  Previous *previous;

  if (g_strcmp0 (status, recommendation->status) == 0)
    return;
  changed.status = (char *) status;
  if (!cb_evaluation_update_recommendation (self->workbook, &changed, &error))
    {
      report_error (self, error);
      return;
    }
  previous = g_new0 (Previous, 1);
  previous->recommendation = g_new0 (CbRecommendation, 1);
  *previous->recommendation = *recommendation;
  previous->recommendation->criterion_key = g_strdup (recommendation->criterion_key);
  previous->recommendation->text = g_strdup (recommendation->text);
  previous->recommendation->owner = g_strdup (recommendation->owner);
  previous->recommendation->due_date = g_strdup (recommendation->due_date);
  previous->recommendation->status = g_strdup (recommendation->status);
  previous->recommendation->follow_up = g_strdup (recommendation->follow_up);
  cb_undo_toast_show (GTK_WIDGET (self), _("Recommendation status changed"), restore_previous, previous,
                      (GDestroyNotify) previous_free);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static GtkWidget *
recommendation_row (CbEvaluationPage       *self,
                    const CbRecommendation *recommendation)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  GString *subtitle = g_string_new (NULL);
  guint selected = 0;

  for (guint i = 0; recommendation_statuses[i] != NULL; i++)
    {
      gtk_string_list_append (labels, cb_field_label_value ("recommendation", recommendation_statuses[i]));
      if (g_strcmp0 (recommendation->status, recommendation_statuses[i]) == 0)
        selected = i;
    }
  if (recommendation->criterion_key != NULL)
    g_string_append (subtitle, recommendation->criterion_key);
  if (recommendation->owner != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", recommendation->owner);
  if (recommendation->due_date != NULL)
    {
      /* Translators: when a recommendation is due; %s is a date. */
      g_autofree char *due = g_strdup_printf (_("due %s"), recommendation->due_date);

      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", due);
    }
  if (recommendation->carried_from != 0)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("carried over from last year"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recommendation->text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_sensitive (row, editable (self));
  g_object_set_data (G_OBJECT (row), "cb-recommendation", (gpointer) recommendation);
  g_signal_connect (row, "notify::selected", G_CALLBACK (recommendation_status_cb), self);
  g_string_free (subtitle, TRUE);
  return row;
}

static void
new_recommendation_cb (AdwEntryRow      *row,
                       CbEvaluationPage *self)
{
  CbRecommendation recommendation = { .text = (char *) gtk_editable_get_text (GTK_EDITABLE (row)) };
  g_autoptr(GError) error = NULL;

  if (cb_evaluation_add_recommendation (self->workbook, self->evaluation->id, &recommendation, &error) == 0)
    {
      report_error (self, error);
      return;
    }
  cb_undo_toast_show (GTK_WIDGET (self), _("Recommendation added"), NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
show_state (CbEvaluationPage *self)
{
  const CbEvaluation *evaluation = self->evaluation;
  gboolean writable = !cb_workbook_is_read_only (self->workbook);
  g_autofree char *note = NULL;
  GString *subtitle;

  subtitle = g_string_new (evaluation->evaluator_name);
  if (evaluation->evaluator_org != NULL)
    g_string_append_printf (subtitle, ", %s", evaluation->evaluator_org);
  g_string_append_printf (subtitle, " (%s)", cb_field_label_value ("evaluator_kind", evaluation->evaluator_kind));
  if (evaluation->scope != NULL)
    g_string_append_printf (subtitle, "\n%s", evaluation->scope);
  cb_seal_header_show_evaluation (self->header, evaluation, subtitle->str, self->hash);
  g_string_free (subtitle, TRUE);

  if (is_signed (evaluation))
    /* Translators: the signer's name, then the date of signing. */
    note = g_strdup_printf (_("Signed by %s on %s. A signed evaluation is read-only; make a new revision to "
                              "change it."), evaluation->signed_by, evaluation->signed_on);
  else if (g_strcmp0 (evaluation->status, "submitted") == 0)
    note = g_strdup (_("Submitted and waiting for the evaluator's signature; it can still change until it is "
                       "signed."));
  else
    note = g_strdup (_("A draft: ratings, findings and recommendations can still change."));
  cb_seal_header_set_note (self->header, note);
  gtk_widget_set_visible (self->submit_button, writable && g_strcmp0 (evaluation->status, "draft") == 0);
  gtk_widget_set_visible (self->sign_button, writable && g_strcmp0 (evaluation->status, "submitted") == 0);
  gtk_widget_set_visible (self->revision_button, writable && is_signed (evaluation));
}

static void
show_evaluation (CbEvaluationPage *self)
{
  CbCatalog *catalog = cb_reference_catalog (NULL);
  GPtrArray *criteria = catalog != NULL ? cb_catalog_get_criteria (catalog) : NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  clear_rows (self);
  g_clear_pointer (&self->evaluation, cb_evaluation_free);
  g_clear_pointer (&self->hash, g_free);
  if (!cb_record_list_get_selected_key (self->evaluations, &id)
      || (self->evaluation = cb_evaluation_get (self->workbook, id, &error)) == NULL
      || (self->hash = cb_evaluation_content_hash (self->workbook, id, &error)) == NULL)
    {
      if (error != NULL)
        report_error (self, error);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  show_state (self);

  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    add_row (self, self->ratings_group, criterion_row (self, criteria->pdata[i]));
  for (guint i = 0; self->evaluation->recommendations != NULL && i < self->evaluation->recommendations->len; i++)
    add_row (self, self->recommendations_group, recommendation_row (self, self->evaluation->recommendations->pdata[i]));
  if (editable (self))
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a recommendation"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (new_recommendation_cb), self);
      add_row (self, self->recommendations_group, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static void
cb_evaluation_page_show (CbWorkbookView   *view,
                         CbWorkbook       *workbook,
                         const CbSnapshot *snapshot)
{
  CbEvaluationPage *self = CB_EVALUATION_PAGE (view);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 key;

  g_set_object (&self->workbook, workbook);
  cb_record_list_set_workbook (self->evaluations, workbook);
  self->fiscal_year = snapshot->period.fiscal_year;
  /* The evaluator's copy is where an evaluation is written, so evaluator mode may start one too. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.new", !cb_workbook_is_read_only (workbook));
  list = cb_evaluation_list (workbook, &error);
  if (list == NULL)
    report_error (self, error);

  cb_record_list_begin (self->evaluations);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const CbEvaluation *evaluation = list->pdata[i];
      g_autofree char *year = g_strdup_printf ("FY%d", evaluation->fiscal_year);
      g_autofree char *revision = g_strdup_printf ("%d", evaluation->revision);
      const char *texts[] = {
        year, revision, evaluation->evaluator_name, evaluation->evaluator_org, evaluation->evaluator_kind,
        evaluation->status, evaluation->signed_by, evaluation->signed_on,
      };

      cb_record_list_append (self->evaluations, evaluation->id, NULL, texts);
    }
  cb_record_list_end (self->evaluations);

  /* A new revision is shown as soon as it is listed; otherwise the latest evaluation opens first. */
  if (self->select_after != 0)
    cb_record_list_select_key (self->evaluations, self->select_after);
  else if (!cb_record_list_get_selected_key (self->evaluations, &key) && list != NULL && list->len > 0)
    cb_record_list_select_key (self->evaluations, ((CbEvaluation *) list->pdata[list->len - 1])->id);
  self->select_after = 0;
  show_evaluation (self);
}

static void
cb_evaluation_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_evaluation_page_show;
}

static void
evaluation_selected_cb (CbEvaluationPage *self)
{
  show_evaluation (self);
}

static void
submit_clicked_cb (CbEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cb_evaluation_submit (self->workbook, self->evaluation->id, &error))
    {
      report_error (self, error);
      return;
    }
  cb_undo_toast_show (GTK_WIDGET (self), _("Evaluation submitted for signing"), NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
signed_cb (const char *name,
           const char *date,
           gpointer    user_data)
{
  CbEvaluationPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;

  if (self->evaluation == NULL)
    return;
  if (!cb_evaluation_sign (self->workbook, self->evaluation->id, name, date, &error))
    {
      report_error (self, error);
      return;
    }
  hash = cb_evaluation_content_hash (self->workbook, self->evaluation->id, NULL);
  /* Translators: %s is the start of the SHA-256 the signature sealed. */
  message = g_strdup_printf (_("Evaluation signed; its content is sealed as SHA-256 %.12s…"), hash != NULL ? hash : "");
  cb_undo_toast_show (GTK_WIDGET (self), message, NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
sign_clicked_cb (CbEvaluationPage *self)
{
  cb_confirm_dialog_present_signature (GTK_WIDGET (self), _("Sign the Evaluation?"),
                                       _("Signing seals the ratings, findings, evidence and recommendations with a "
                                         "SHA-256. A signed evaluation cannot change; corrections need a new "
                                         "revision."),
                                       self->evaluation->evaluator_name, cb_workbook_get_time_zone (self->workbook),
                                       _("_Sign"), signed_cb, g_object_ref (self), g_object_unref);
}

static void
revision_clicked_cb (CbEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cb_evaluation_new_revision (self->workbook, self->evaluation->id, &error);

  if (id == 0)
    {
      report_error (self, error);
      return;
    }
  self->select_after = id;
  cb_undo_toast_show (GTK_WIDGET (self), _("A new revision was made as a draft"), NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
evaluation_created_cb (CbEvaluationPage *self,
                       gint64            id)
{
  self->select_after = id;
  cb_undo_toast_show (GTK_WIDGET (self), _("Evaluation created as a draft"), NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
new_evaluation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbEvaluationPage *self = CB_EVALUATION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = cb_new_evaluation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workbook,
                                                    self->fiscal_year);

  g_signal_connect_object (dialog, "created", G_CALLBACK (evaluation_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cb_evaluation_page_dispose (GObject *object)
{
  CbEvaluationPage *self = CB_EVALUATION_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_EVALUATION_PAGE);
  /* The box holding the toolbar and the panes is no template child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->evaluation, cb_evaluation_free);
  g_clear_pointer (&self->hash, g_free);
  g_clear_pointer (&self->expanded_key, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cb_evaluation_page_parent_class)->dispose (object);
}

static void
cb_evaluation_page_class_init (CbEvaluationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_evaluation_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  g_type_ensure (CB_TYPE_SEAL_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, evaluations);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, header);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, revision_button);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, CbEvaluationPage, recommendations_group);
  gtk_widget_class_bind_template_callback (widget_class, evaluation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revision_clicked_cb);
  gtk_widget_class_install_action (widget_class, "evaluation.new", NULL, new_evaluation_action);
}

static void
cb_evaluation_page_init (CbEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.new", FALSE);

  cb_record_list_add_column (self->evaluations, _("Year"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->evaluations, _("Revision"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->evaluations, _("Evaluator"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->evaluations, _("Organisation"), CB_COLUMN_PROSE, NULL);
  cb_record_list_add_column (self->evaluations, _("Evaluator is"), CB_COLUMN_TEXT, "evaluator_kind");
  cb_record_list_add_column (self->evaluations, _("Status"), CB_COLUMN_TAG, "evaluation");
  cb_record_list_add_column (self->evaluations, _("Signed by"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->evaluations, _("Signed on"), CB_COLUMN_TEXT, NULL);
  cb_record_list_set_description (self->evaluations, _("Board evaluations"), _("No Evaluations"),
                                  _("The yearly evaluations of the board's cyber oversight are listed here."));
}
