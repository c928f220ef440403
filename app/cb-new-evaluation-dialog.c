#include <glib/gi18n.h>

#include "cb-evaluation.h"
#include "cb-new-evaluation-dialog.h"

struct _CbNewEvaluationDialog
{
  CbCreateDialog  parent_instance;

  GtkSpinButton  *year_button;
  GtkEditable    *name_row;
  GtkEditable    *org_row;
  AdwComboRow    *kind_row;
  GtkEditable    *scope_row;
  GtkEditable    *method_row;
};

G_DEFINE_FINAL_TYPE (CbNewEvaluationDialog, cb_new_evaluation_dialog, CB_TYPE_CREATE_DIALOG)

static void
validate_cb (CbNewEvaluationDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));

  cb_create_dialog_set_can_create (CB_CREATE_DIALOG (self), *name != '\0');
}

static gint64
cb_new_evaluation_dialog_create (CbCreateDialog *dialog,
                                 CbWorkbook     *workbook,
                                 GError        **error)
{
  CbNewEvaluationDialog *self = CB_NEW_EVALUATION_DIALOG (dialog);
  CbEvaluationInfo info = {
    .fiscal_year = gtk_spin_button_get_value_as_int (self->year_button),
    .evaluator_name = gtk_editable_get_text (self->name_row),
    .evaluator_org = cb_create_dialog_text_or_null (self->org_row),
    .evaluator_kind = cb_create_dialog_get_choice (self->kind_row),
    .scope = cb_create_dialog_text_or_null (self->scope_row),
    .method = cb_create_dialog_text_or_null (self->method_row),
  };

  return cb_evaluation_create (workbook, &info, error);
}

static void
cb_new_evaluation_dialog_class_init (CbNewEvaluationDialogClass *klass)
{
  CB_CREATE_DIALOG_CLASS (klass)->create = cb_new_evaluation_dialog_create;
}

static void
cb_new_evaluation_dialog_init (CbNewEvaluationDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  CbCreateDialog *create_dialog = CB_CREATE_DIALOG (self);
  GtkWidget *year_row = adw_action_row_new ();

  adw_message_dialog_set_heading (dialog, _("New Evaluation"));
  adw_message_dialog_set_body (dialog, _("Starts a draft evaluation of the board's cyber oversight for a fiscal "
                                         "year. Open recommendations of the year before are carried over."));
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);

  self->year_button = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->year_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fiscal Year"), -1);
  g_signal_connect_swapped (self->year_button, "value-changed", G_CALLBACK (validate_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Fiscal Year"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->year_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->year_button));
  cb_create_dialog_add_row (create_dialog, year_row);

  self->name_row = cb_create_dialog_add_entry (create_dialog, _("Evaluator Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (validate_cb), self);
  self->org_row = cb_create_dialog_add_entry (create_dialog, _("Evaluator's Organisation"));

  self->kind_row = cb_create_dialog_add_choice (create_dialog, _("Evaluator Is"), "evaluator_kind",
                                                cb_evaluation_evaluator_kinds (), "external");

  self->scope_row = cb_create_dialog_add_entry (create_dialog, _("Scope"));
  self->method_row = cb_create_dialog_add_entry (create_dialog, _("Method"));

  cb_create_dialog_set_error_name (create_dialog, _("Why the evaluation was not created"));
}

GtkWidget *
cb_new_evaluation_dialog_new (GtkWindow  *parent,
                              CbWorkbook *workbook,
                              int         fiscal_year)
{
  CbNewEvaluationDialog *self;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  self = g_object_new (CB_TYPE_NEW_EVALUATION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "workbook", workbook,
                       NULL);
  gtk_spin_button_set_value (self->year_button, fiscal_year);
  return GTK_WIDGET (self);
}
