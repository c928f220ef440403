#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-new-workbook-dialog.h"
#include "cb-preferences-window.h"
#include "cb-window.h"

#define MAX_RECENT 20
#define WORKBOOK_SUFFIX ".cyberboard"

struct _CbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CbApplication, cb_application, ADW_TYPE_APPLICATION)

static CbWindow *
find_window (CbApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!CB_IS_WINDOW (l->data))
        continue;
      shown = cb_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

/* The window to load a workbook into: the active one while it has none, else another empty one,
 * else a new one. */
static CbWindow *
target_window (CbApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CB_IS_WINDOW (active) && cb_window_is_empty (CB_WINDOW (active)))
    return CB_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data) && cb_window_is_empty (l->data))
      return l->data;
  return cb_window_new (self);
}

static void
show_message (CbApplication *self,
              const char    *heading,
              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Workbooks are SQLite files: only a file with a local path can be opened. */
static gboolean
check_local (CbApplication *self,
             GFile         *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;

  if (g_file_is_native (file))
    return TRUE;
  uri = g_file_get_uri (file);
  /* Translators: %s is the address of a file that is not on this computer. */
  body = g_strdup_printf (_("%s is not a local file. Copy the workbook to this computer first."), uri);
  show_message (self, _("Could Not Open the Workbook"), body);
  return FALSE;
}

void
cb_application_open_workbook (CbApplication *self,
                              GFile         *file,
                              gboolean       evaluator)
{
  CbWindow *window;

  g_return_if_fail (CB_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!check_local (self, file))
    return;
  window = find_window (self, file);
  if (window == NULL)
    {
      window = target_window (self);
      cb_window_open (window, file, evaluator);
    }
  gtk_window_present (GTK_WINDOW (window));
}

GFile *
cb_application_get_demo_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "cyberboard", "demo" WORKBOOK_SUFFIX, NULL);
}

static GtkFileFilter *
workbook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Cyberboard Workbooks"));
  gtk_file_filter_add_pattern (filter, "*" WORKBOOK_SUFFIX);
  return filter;
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  CbApplication   *self)
{
  gboolean evaluator = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "evaluator"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      cb_application_open_workbook (self, file, evaluator);
    }
  g_object_unref (native);
}

static void
choose_workbook (CbApplication *self,
                 gboolean       evaluator)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = workbook_filter ();

  native = gtk_file_chooser_native_new (evaluator ? _("Open a Workbook to Evaluate") : _("Open a Workbook"),
                                        parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "evaluator", GINT_TO_POINTER (evaluator));
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  choose_workbook (user_data, FALSE);
}

static void
open_evaluator_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  choose_workbook (user_data, TRUE);
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CbApplication *self = user_data;
  g_autoptr(GFile) file = cb_application_get_demo_file ();
  CbWindow *window = find_window (self, file);

  if (window == NULL)
    {
      window = target_window (self);
      cb_window_open_demo (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
save_response_cb (GtkNativeDialog     *native,
                  int                  response,
                  CbNewWorkbookDialog *dialog)
{
  CbApplication *self = CB_APPLICATION (g_application_get_default ());
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  CbOrganisation organisation;
  CbWindow *window;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (!check_local (self, chosen))
    goto out;
  /* The suffix lets the file manager recognise the workbook. */
  path = g_file_get_path (chosen);
  if (!g_str_has_suffix (path, WORKBOOK_SUFFIX))
    {
      g_autofree char *suffixed = g_strconcat (path, WORKBOOK_SUFFIX, NULL);

      file = g_file_new_for_path (suffixed);
    }
  else
    file = g_object_ref (chosen);
  window = find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      show_message (self, _("Could Not Create the Workbook"),
                    _("The file is open in this window. Close the window first to replace the file."));
      goto out;
    }

  cb_new_workbook_dialog_get_organisation (dialog, &organisation);
  window = target_window (self);
  cb_window_create (window, file, &organisation);
  gtk_window_present (GTK_WINDOW (window));

out:
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (native);
}

static void
new_response_cb (CbNewWorkbookDialog *dialog,
                 const char          *response,
                 CbApplication       *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  CbOrganisation organisation;

  if (!g_str_equal (response, "create"))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  cb_new_workbook_dialog_get_organisation (dialog, &organisation);
  name = g_strconcat (organisation.name_en != NULL ? organisation.name_en : organisation.name_ja,
                      WORKBOOK_SUFFIX, NULL);
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');

  filter = workbook_filter ();
  native = gtk_file_chooser_native_new (_("Save the New Workbook"),
                                        gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CbApplication *self = user_data;
  GtkWidget *dialog = cb_new_workbook_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)));

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CbApplication *self = user_data;
  GtkWidget *window = cb_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                 self->settings);

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CbApplication *self = user_data;
  const char *developers[] = { "The Cyberboard authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", "Cyberboard",
                         "application-icon", CB_APPLICATION_ID,
                         "version", CB_VERSION,
                         "developer-name", "The Cyberboard authors",
                         "developers", developers,
                         "copyright", "© 2026 The Cyberboard authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/cyberboard/cyberboard",
                         "issue-url", "https://github.com/cyberboard/cyberboard/issues",
                         "comments", _("Cyber governance evidence, ready for the board"),
                         /* Translators: your names, one per line, credited in the About window. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing each window, rather than quitting outright, lets every window save its state. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CbApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-evaluator", open_evaluator_activated },
  { "open-demo", open_demo_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
set_accels (CbApplication *self)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.reports", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-menu", { "F10", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  for (int page = 1; page <= 9; page++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page(%d)", page);
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", page);
      const char *page_accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action, page_accels);
    }
}

static void
cb_application_startup (GApplication *application)
{
  CbApplication *self = CB_APPLICATION (application);

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (application);

  self->settings = g_settings_new (CB_APPLICATION_ID);
  gtk_window_set_default_icon_name (CB_APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  set_accels (self);
}

static void
cb_application_activate (GApplication *application)
{
  CbApplication *self = CB_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cb_window_new (self));
  gtk_window_present (window);
}

static void
cb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    cb_application_open_workbook (CB_APPLICATION (application), files[i], FALSE);
}

static void
cb_application_dispose (GObject *object)
{
  CbApplication *self = CB_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_application_parent_class)->dispose (object);
}

static void
cb_application_class_init (CbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cb_application_dispose;
  app_class->startup = cb_application_startup;
  app_class->activate = cb_application_activate;
  app_class->open = cb_application_open;
}

static void
cb_application_init (CbApplication *self)
{
}

CbApplication *
cb_application_new (void)
{
  return g_object_new (CB_TYPE_APPLICATION,
                       "application-id", CB_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
cb_application_get_settings (CbApplication *self)
{
  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
cb_application_add_recent (CbApplication *self,
                           const char    *path)
{
  g_autoptr(GVariant) recent = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  gint64 opened_at;
  guint n = 1;

  g_return_if_fail (CB_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  recent = g_settings_get_value (self->settings, "recent-workbooks");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sx)"));
  g_variant_builder_add (&builder, "(sx)", path, g_get_real_time () / G_USEC_PER_SEC);
  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&sx)", &other, &opened_at) && n < MAX_RECENT)
    if (!g_str_equal (other, path))
      {
        g_variant_builder_add (&builder, "(sx)", other, opened_at);
        n++;
      }
  g_settings_set_value (self->settings, "recent-workbooks", g_variant_builder_end (&builder));
}

void
cb_application_remove_recent (CbApplication *self,
                              const char    *path)
{
  g_autoptr(GVariant) recent = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  gint64 opened_at;

  g_return_if_fail (CB_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  recent = g_settings_get_value (self->settings, "recent-workbooks");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sx)"));
  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&sx)", &other, &opened_at))
    if (!g_str_equal (other, path))
      g_variant_builder_add (&builder, "(sx)", other, opened_at);
  g_settings_set_value (self->settings, "recent-workbooks", g_variant_builder_end (&builder));
}

char *
cb_application_dup_last_period (CbApplication *self,
                                const char    *path)
{
  g_autoptr(GVariant) periods = NULL;
  char *period = NULL;

  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  periods = g_settings_get_value (self->settings, "last-periods");
  g_variant_lookup (periods, path, "s", &period);
  return period;
}

static gboolean
is_recent (GVariant   *recent,
           const char *path)
{
  GVariantIter iter;
  const char *other;
  gint64 opened_at;

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&sx)", &other, &opened_at))
    if (g_str_equal (other, path))
      return TRUE;
  return FALSE;
}

void
cb_application_set_last_period (CbApplication *self,
                                const char    *path,
                                const char    *period)
{
  g_autoptr(GVariant) periods = NULL;
  g_autoptr(GVariant) recent = NULL;
  g_autofree char *current = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  const char *other_period;

  g_return_if_fail (CB_IS_APPLICATION (self));
  g_return_if_fail (path != NULL && period != NULL);

  current = cb_application_dup_last_period (self, path);
  if (g_strcmp0 (current, period) == 0)
    return;

  /* Only workbooks still on the recent list keep their period, which bounds the list. */
  periods = g_settings_get_value (self->settings, "last-periods");
  recent = g_settings_get_value (self->settings, "recent-workbooks");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", path, period);
  g_variant_iter_init (&iter, periods);
  while (g_variant_iter_next (&iter, "{&s&s}", &other, &other_period))
    if (!g_str_equal (other, path) && is_recent (recent, other))
      g_variant_builder_add (&builder, "{ss}", other, other_period);
  g_settings_set_value (self->settings, "last-periods", g_variant_builder_end (&builder));
}

const char *
cb_application_get_name_language (void)
{
  /* Translators: the language code of this translation, "ja" for Japanese. It chooses which of an
   * organisation's two names (Japanese or English) the window shows; keep "en" otherwise. */
  const char *code = C_("language code", "en");

  return g_str_equal (code, "ja") ? "ja" : "en";
}
