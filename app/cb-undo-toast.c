#include <glib/gi18n.h>

#include "cb-undo-toast.h"

#define LAST_TOAST "cb-undo-toast"

static void
dismissed_cb (AdwToast *toast,
              CbWindow *window)
{
  if (g_object_get_data (G_OBJECT (window), LAST_TOAST) == toast)
    g_object_set_data (G_OBJECT (window), LAST_TOAST, NULL);
}

void
cb_undo_toast_show (GtkWidget      *widget,
                    const char     *message,
                    CbUndoFunc      func,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  CbWindow *window;
  AdwToast *toast;
  AdwToast *previous;

  g_return_if_fail (CB_IS_WINDOW (root));

  window = CB_WINDOW (root);
  toast = adw_toast_new (message);
  if (func != NULL)
    {
      previous = g_object_get_data (G_OBJECT (window), LAST_TOAST);
      if (previous != NULL)
        adw_toast_dismiss (previous);
      cb_window_set_undo (window, message, func, user_data, destroy);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      g_object_set_data (G_OBJECT (window), LAST_TOAST, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (dismissed_cb), window, 0);
    }
  cb_window_add_toast (window, toast);
}
