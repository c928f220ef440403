#include <glib/gi18n.h>

#include "cb-new-workbook-dialog.h"

struct _CbNewWorkbookDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_ja_row;
  AdwEntryRow      *name_en_row;
  AdwComboRow      *month_row;
  AdwEntryRow      *time_zone_row;
  AdwComboRow      *language_row;
};

G_DEFINE_FINAL_TYPE (CbNewWorkbookDialog, cb_new_workbook_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The order of the language row's items. */
static const char *const languages[] = { "ja", "en" };

#define APRIL 4

static gboolean
time_zone_is_valid (const char *identifier)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (identifier == NULL || *identifier == '\0')
    return FALSE;
  zone = g_time_zone_new_identifier (identifier);
  return zone != NULL;
}

static void
validate_cb (CbNewWorkbookDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_ja_row))));
  gboolean zone_valid = time_zone_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row)));

  if (zone_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_zone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_zone_row), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           zone_valid && *name != '\0');
}

static void
cb_new_workbook_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_NEW_WORKBOOK_DIALOG);
  G_OBJECT_CLASS (cb_new_workbook_dialog_parent_class)->dispose (object);
}

static void
cb_new_workbook_dialog_class_init (CbNewWorkbookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_new_workbook_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cyberboard/Cyberboard/cb-new-workbook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CbNewWorkbookDialog, name_ja_row);
  gtk_widget_class_bind_template_child (widget_class, CbNewWorkbookDialog, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, CbNewWorkbookDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, CbNewWorkbookDialog, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, CbNewWorkbookDialog, language_row);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
}

static void
cb_new_workbook_dialog_init (CbNewWorkbookDialog *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Month names from the C library, in the user's language. */
  for (int i = 0; i < 12; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, i);
      g_autofree char *name = g_date_time_format (month, "%B");

      gtk_string_list_append (months, name);
    }
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (months));
  adw_combo_row_set_selected (self->month_row, APRIL - 1);
}

GtkWidget *
cb_new_workbook_dialog_new (GtkWindow *parent)
{
  return g_object_new (CB_TYPE_NEW_WORKBOOK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

void
cb_new_workbook_dialog_get_organisation (CbNewWorkbookDialog *self,
                                         CbOrganisation      *organisation)
{
  guint language;

  g_return_if_fail (CB_IS_NEW_WORKBOOK_DIALOG (self));
  g_return_if_fail (organisation != NULL);

  language = adw_combo_row_get_selected (self->language_row);
  organisation->name_ja = gtk_editable_get_text (GTK_EDITABLE (self->name_ja_row));
  organisation->name_en = gtk_editable_get_text (GTK_EDITABLE (self->name_en_row));
  if (*organisation->name_en == '\0')
    organisation->name_en = NULL;
  organisation->fiscal_year_start = (int) adw_combo_row_get_selected (self->month_row) + 1;
  organisation->time_zone = gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row));
  organisation->language = languages[language < G_N_ELEMENTS (languages) ? language : 0];
}
