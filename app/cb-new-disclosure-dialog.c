#include <glib/gi18n.h>

#include "cb-disclosure.h"
#include "cb-new-disclosure-dialog.h"

struct _CbNewDisclosureDialog
{
  CbCreateDialog  parent_instance;

  AdwComboRow    *audience_row;
  GtkEditable    *period_row;
  AdwComboRow    *languages_row;
  GtkEditable    *title_ja_row;
  GtkEditable    *title_en_row;
};

G_DEFINE_FINAL_TYPE (CbNewDisclosureDialog, cb_new_disclosure_dialog, CB_TYPE_CREATE_DIALOG)

/* The order of the languages row's items. */
static const char *const languages[] = { "ja,en", "ja", "en" };

static void
validate_cb (CbNewDisclosureDialog *self)
{
  g_autofree char *period = g_strstrip (g_strdup (gtk_editable_get_text (self->period_row)));

  cb_create_dialog_set_can_create (CB_CREATE_DIALOG (self), *period != '\0');
}

static gint64
cb_new_disclosure_dialog_create (CbCreateDialog *dialog,
                                 CbWorkbook     *workbook,
                                 GError        **error)
{
  CbNewDisclosureDialog *self = CB_NEW_DISCLOSURE_DIALOG (dialog);
  guint language = adw_combo_row_get_selected (self->languages_row);
  CbDisclosureInfo info = {
    .audience = cb_create_dialog_get_choice (self->audience_row),
    .period = gtk_editable_get_text (self->period_row),
    .languages = languages[language < G_N_ELEMENTS (languages) ? language : 0],
    .title_ja = cb_create_dialog_text_or_null (self->title_ja_row),
    .title_en = cb_create_dialog_text_or_null (self->title_en_row),
  };

  return cb_disclosure_create (workbook, &info, error);
}

static void
cb_new_disclosure_dialog_class_init (CbNewDisclosureDialogClass *klass)
{
  CB_CREATE_DIALOG_CLASS (klass)->create = cb_new_disclosure_dialog_create;
}

static void
cb_new_disclosure_dialog_init (CbNewDisclosureDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  CbCreateDialog *create_dialog = CB_CREATE_DIALOG (self);
  g_autoptr(GtkStringList) language_labels = gtk_string_list_new (NULL);

  adw_message_dialog_set_heading (dialog, _("New Disclosure"));
  adw_message_dialog_set_body (dialog, _("Starts version 1 of a disclosure document as a draft, with the sections "
                                         "of SEC Regulation S-K Item 106 to fill in."));

  self->audience_row = cb_create_dialog_add_choice (create_dialog, _("Document For"), "audience",
                                                    cb_disclosure_audiences (), NULL);
  self->period_row = cb_create_dialog_add_entry (create_dialog, _("Period (FY2026 or FY2026Q1)"));
  g_signal_connect_swapped (self->period_row, "changed", G_CALLBACK (validate_cb), self);
  gtk_string_list_append (language_labels, _("Japanese and English"));
  gtk_string_list_append (language_labels, _("Japanese"));
  gtk_string_list_append (language_labels, _("English"));
  self->languages_row = cb_create_dialog_add_combo (create_dialog, _("Languages"), language_labels);
  self->title_ja_row = cb_create_dialog_add_entry (create_dialog, _("Title (Japanese)"));
  self->title_en_row = cb_create_dialog_add_entry (create_dialog, _("Title (English)"));

  cb_create_dialog_set_error_name (create_dialog, _("Why the disclosure was not created"));
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
                       "workbook", workbook,
                       NULL);
  gtk_editable_set_text (self->period_row, period != NULL ? period : "");
  return GTK_WIDGET (self);
}
