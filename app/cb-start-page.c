#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-start-page.h"

struct _CbStartPage
{
  AdwBin      parent_instance;

  GtkLabel   *recent_label;
  GtkListBox *recent_list;

  GSettings  *settings;
};

G_DEFINE_FINAL_TYPE (CbStartPage, cb_start_page, ADW_TYPE_BIN)

static CbApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return CB_IS_APPLICATION (app) ? CB_APPLICATION (app) : NULL;
}

static void
remove_clicked_cb (GtkButton  *button,
                   const char *path)
{
  CbApplication *app = get_application ();

  if (app != NULL)
    cb_application_remove_recent (app, path);
}

static char *
describe_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return NULL;
  if (g_date_time_get_year (when) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: when a workbook was last opened, today; a strftime format for the time of day. */
    return g_date_time_format (when, _("Today %H:%M"));
  /* Translators: when a workbook was last opened; a strftime format for the date. */
  return g_date_time_format (when, _("%Y-%m-%d"));
}

static GtkWidget *
create_row (const char *path,
            gint64      opened_at)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *when = describe_time (opened_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  if (exists)
    /* Translators: the subtitle of a recent workbook: its folder, then when it was last opened. */
    subtitle = g_strdup_printf (_("%s — opened %s"), folder, when != NULL ? when : "");
  else
    /* Translators: the subtitle of a recent workbook whose file is gone; %s is its folder. */
    subtitle = g_strdup_printf (_("Missing from %s"), folder);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), exists);
  gtk_widget_set_tooltip_text (row, path);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);

  if (exists)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic");

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (row, "missing");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  /* Translators: a button's accessible name; %s is a workbook's file name. */
  remove_label = g_strdup_printf (_("Remove %s from the list"), basename);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from the List"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_data (remove, "clicked", G_CALLBACK (remove_clicked_cb), g_strdup (path),
                         (GClosureNotify) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload (CbStartPage *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-workbooks");
  GVariantIter iter;
  const char *path;
  gint64 opened_at;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&sx)", &path, &opened_at))
    gtk_list_box_append (self->recent_list, create_row (path, opened_at));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_label), g_variant_n_children (recent) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), g_variant_n_children (recent) > 0);
}

static void
recent_row_activated_cb (CbStartPage   *self,
                         GtkListBoxRow *row)
{
  CbApplication *app = get_application ();
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (app != NULL)
    cb_application_open_workbook (app, file, FALSE);
}

/* Files come and go while the page is hidden: look again whenever it is shown. */
static void
cb_start_page_map (GtkWidget *widget)
{
  reload (CB_START_PAGE (widget));
  GTK_WIDGET_CLASS (cb_start_page_parent_class)->map (widget);
}

static void
cb_start_page_dispose (GObject *object)
{
  CbStartPage *self = CB_START_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_START_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_start_page_parent_class)->dispose (object);
}

static void
cb_start_page_class_init (CbStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_start_page_dispose;
  widget_class->map = cb_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbStartPage, recent_label);
  gtk_widget_class_bind_template_child (widget_class, CbStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
}

static void
cb_start_page_init (CbStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (CB_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::recent-workbooks", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
}
