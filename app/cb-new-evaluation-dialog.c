#include <glib/gi18n.h>

#include "cb-evaluation.h"
#include "cb-field-label.h"
#include "cb-new-evaluation-dialog.h"

struct _CbNewEvaluationDialog
{
  AdwMessageDialog  parent_instance;

  CbWorkbook       *workbook;
  GtkSpinButton    *year_button;
  GtkEditable      *name_row;
  GtkEditable      *org_row;
  AdwComboRow      *kind_row;
  GtkEditable      *scope_row;
  GtkEditable      *method_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CbNewEvaluationDialog, cb_new_evaluation_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the kind row's items. */
static const char *const kinds[] = { "internal", "external" };

static GtkEditable *
add_entry (GtkWidget  *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

static const char *
text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return *text != '\0' ? text : NULL;
}

static void
validate_cb (CbNewEvaluationDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", *name != '\0');
}

static void
response_cb (CbNewEvaluationDialog *self,
             const char            *response)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);
  CbEvaluationInfo info = {
    .fiscal_year = gtk_spin_button_get_value_as_int (self->year_button),
    .evaluator_name = gtk_editable_get_text (self->name_row),
    .evaluator_org = text_or_null (self->org_row),
    .evaluator_kind = kinds[kind < G_N_ELEMENTS (kinds) ? kind : 1],
    .scope = text_or_null (self->scope_row),
    .method = text_or_null (self->method_row),
  };
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  id = cb_evaluation_create (self->workbook, &info, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cb_new_evaluation_dialog_dispose (GObject *object)
{
  CbNewEvaluationDialog *self = CB_NEW_EVALUATION_DIALOG (object);

  g_clear_object (&self->workbook);
  G_OBJECT_CLASS (cb_new_evaluation_dialog_parent_class)->dispose (object);
}

static void
cb_new_evaluation_dialog_class_init (CbNewEvaluationDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cb_new_evaluation_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cb_new_evaluation_dialog_init (CbNewEvaluationDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *year_row = adw_action_row_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  adw_message_dialog_set_heading (dialog, _("New Evaluation"));
  adw_message_dialog_set_body (dialog, _("Starts a draft evaluation of the board's cyber oversight for a fiscal "
                                         "year. Open recommendations of the year before are carried over."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->year_button = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->year_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fiscal Year"), -1);
  g_signal_connect_swapped (self->year_button, "value-changed", G_CALLBACK (validate_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Fiscal Year"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->year_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->year_button));
  gtk_list_box_append (GTK_LIST_BOX (list), year_row);

  self->name_row = add_entry (list, _("Evaluator Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (validate_cb), self);
  self->org_row = add_entry (list, _("Evaluator's Organisation"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, cb_field_label_value ("evaluator_kind", kinds[i]));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Evaluator Is"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evaluator Is"),
                                  -1);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  adw_combo_row_set_selected (self->kind_row, 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->kind_row));

  self->scope_row = add_entry (list, _("Scope"));
  self->method_row = add_entry (list, _("Method"));

  self->error_label = GTK_LABEL (error_label);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the evaluation was not created"), -1);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
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
                       NULL);
  self->workbook = g_object_ref (workbook);
  gtk_spin_button_set_value (self->year_button, fiscal_year);
  return GTK_WIDGET (self);
}
