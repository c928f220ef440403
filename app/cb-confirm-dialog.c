#include <glib/gi18n.h>

#include "cb-confirm-dialog.h"
#include "cb-create-dialog.h"
#include "cb-workbook.h"

typedef struct
{
  CbConfirmFunc  confirm;
  CbSignFunc     sign;
  GtkEditable   *name;
  GtkEditable   *date;
  gpointer       user_data;
  GDestroyNotify destroy;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  if (confirm->destroy != NULL)
    confirm->destroy (confirm->user_data);
  g_free (confirm);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Confirm          *confirm)
{
  if (!g_str_equal (response, "confirm"))
    return;
  if (confirm->sign != NULL)
    confirm->sign (gtk_editable_get_text (confirm->name), gtk_editable_get_text (confirm->date), confirm->user_data);
  else
    confirm->confirm (confirm->user_data);
}

static void
present (GtkWidget             *widget,
         const char            *heading,
         const char            *body,
         GtkWidget             *extra,
         const char            *confirm_label,
         AdwResponseAppearance  appearance,
         Confirm               *confirm)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), confirm, (GClosureNotify) confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cb_confirm_dialog_present (GtkWidget      *widget,
                           const char     *heading,
                           const char     *body,
                           const char     *confirm_label,
                           CbConfirmFunc   func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm->confirm = func;
  confirm->user_data = user_data;
  confirm->destroy = destroy;
  present (widget, heading, body, NULL, confirm_label, ADW_RESPONSE_DESTRUCTIVE, confirm);
}

void
cb_confirm_dialog_present_signature (GtkWidget      *widget,
                                     const char     *heading,
                                     const char     *body,
                                     const char     *name,
                                     GTimeZone      *zone,
                                     const char     *confirm_label,
                                     CbSignFunc      func,
                                     gpointer        user_data,
                                     GDestroyNotify  destroy)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (cb_workbook_now ());
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, zone);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  GtkWidget *list = gtk_list_box_new ();
  Confirm *confirm = g_new0 (Confirm, 1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  confirm->sign = func;
  confirm->name = cb_create_dialog_append_entry_row (GTK_LIST_BOX (list), _("Name"), name);
  confirm->date = cb_create_dialog_append_entry_row (GTK_LIST_BOX (list), _("Date (YYYY-MM-DD)"), today);
  confirm->user_data = user_data;
  confirm->destroy = destroy;
  present (widget, heading, body, list, confirm_label, ADW_RESPONSE_SUGGESTED, confirm);
}
