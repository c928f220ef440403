#include <glib/gi18n.h>

#include "cb-preferences-window.h"

struct _CbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *audit_group;
  AdwEntryRow          *user_name_row;
  GtkButton            *clear_recent_button;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CbPreferencesWindow, cb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_clear_button (CbPreferencesWindow *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-workbooks");

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_recent_button), g_variant_n_children (recent) > 0);
}

static void
clear_recent_cb (CbPreferencesWindow *self)
{
  g_settings_reset (self->settings, "recent-workbooks");
}

static void
cb_preferences_window_dispose (GObject *object)
{
  CbPreferencesWindow *self = CB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_preferences_window_parent_class)->dispose (object);
}

static void
cb_preferences_window_class_init (CbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cyberboard/Cyberboard/cb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, audit_group);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, clear_recent_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_recent_cb);
}

static void
cb_preferences_window_init (CbPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: %s is the user's login name. */
  description = g_strdup_printf (_("Changes you make are recorded under this name. Leave it empty to use "
                                   "your login name, “%s”."), g_get_user_name ());
  adw_preferences_group_set_description (self->audit_group, description);
}

GtkWidget *
cb_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  CbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CB_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "user-name", self->user_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::recent-workbooks", G_CALLBACK (update_clear_button), self,
                           G_CONNECT_SWAPPED);
  update_clear_button (self);
  return GTK_WIDGET (self);
}
