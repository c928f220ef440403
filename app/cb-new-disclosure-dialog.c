#include <glib/gi18n.h>

#include "cb-disclosure.h"
#include "cb-field-label.h"
#include "cb-new-disclosure-dialog.h"

struct _CbNewDisclosureDialog
{
  AdwMessageDialog  parent_instance;

  CbWorkbook       *workbook;
  AdwComboRow      *audience_row;
  GtkEditable      *period_row;
  AdwComboRow      *languages_row;
  GtkEditable      *title_ja_row;
  GtkEditable      *title_en_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CbNewDisclosureDialog, cb_new_disclosure_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the audience and languages rows' items. */
static const char *const audiences[] = { "jp_annual_report", "integrated_report", "us_10k", "us_20f" };
static const char *const languages[] = { "ja,en", "ja", "en" };

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

static AdwComboRow *
add_combo (GtkWidget     *list,
           const char    *title,
           GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_COMBO_ROW (row);
}

static const char *
text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return *text != '\0' ? text : NULL;
}

static void
validate_cb (CbNewDisclosureDialog *self)
{
  g_autofree char *period = g_strstrip (g_strdup (gtk_editable_get_text (self->period_row)));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", *period != '\0');
}

static void
response_cb (CbNewDisclosureDialog *self,
             const char            *response)
{
  guint audience = adw_combo_row_get_selected (self->audience_row);
  guint language = adw_combo_row_get_selected (self->languages_row);
  CbDisclosureInfo info = {
    .audience = audiences[audience < G_N_ELEMENTS (audiences) ? audience : 0],
    .period = gtk_editable_get_text (self->period_row),
    .languages = languages[language < G_N_ELEMENTS (languages) ? language : 0],
    .title_ja = text_or_null (self->title_ja_row),
    .title_en = text_or_null (self->title_en_row),
  };
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  id = cb_disclosure_create (self->workbook, &info, &error);
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
cb_new_disclosure_dialog_dispose (GObject *object)
{
  CbNewDisclosureDialog *self = CB_NEW_DISCLOSURE_DIALOG (object);

  g_clear_object (&self->workbook);
  G_OBJECT_CLASS (cb_new_disclosure_dialog_parent_class)->dispose (object);
}

static void
cb_new_disclosure_dialog_class_init (CbNewDisclosureDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cb_new_disclosure_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cb_new_disclosure_dialog_init (CbNewDisclosureDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GtkStringList) audience_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) language_labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  adw_message_dialog_set_heading (dialog, _("New Disclosure"));
  adw_message_dialog_set_body (dialog, _("Starts version 1 of a disclosure document as a draft, with the sections "
                                         "of SEC Regulation S-K Item 106 to fill in."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    gtk_string_list_append (audience_labels, cb_field_label_value ("audience", audiences[i]));
  self->audience_row = add_combo (list, _("Document For"), audience_labels);
  self->period_row = add_entry (list, _("Period (FY2026 or FY2026Q1)"));
  g_signal_connect_swapped (self->period_row, "changed", G_CALLBACK (validate_cb), self);
  gtk_string_list_append (language_labels, _("Japanese and English"));
  gtk_string_list_append (language_labels, _("Japanese"));
  gtk_string_list_append (language_labels, _("English"));
  self->languages_row = add_combo (list, _("Languages"), language_labels);
  self->title_ja_row = add_entry (list, _("Title (Japanese)"));
  self->title_en_row = add_entry (list, _("Title (English)"));

  self->error_label = GTK_LABEL (error_label);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the disclosure was not created"), -1);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cb_new_disclosure_dialog_new (GtkWindow  *parent,
                              CbWorkbook *workbook,
                              const char *period)
{
  CbNewDisclosureDialog *self;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  self = g_object_new (CB_TYPE_NEW_DISCLOSURE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->workbook = g_object_ref (workbook);
  gtk_editable_set_text (self->period_row, period != NULL ? period : "");
  return GTK_WIDGET (self);
}
