#include "cb-test-gui.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cb-test-util.h"

#define WAIT_SECONDS 60

gboolean
cb_test_gui_init (int          *argc,
                  char       ***argv,
                  const char   *localedir)
{
  gboolean japanese = FALSE;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--japanese"))
      japanese = TRUE;

  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  if (japanese)
    g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, japanese ? "ja_JP.UTF-8" : ""));
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (argc, argv, NULL);
  return japanese;
}

CbApplication *
cb_test_gui_application_new (void)
{
  g_autoptr(GError) error = NULL;
  CbApplication *app = cb_application_new ();
  GApplicationFlags flags = g_application_get_flags (G_APPLICATION (app));

  g_application_set_flags (G_APPLICATION (app), flags | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

CbApplication *
cb_test_gui_init_application (int    *argc,
                              char ***argv,
                              char  **dir)
{
  cb_test_gui_init (argc, argv, NULL);
  *dir = cb_test_make_dir ();
  return cb_test_gui_application_new ();
}

int
cb_test_gui_run (CbApplication *app,
                 char          *dir)
{
  int status = g_test_run ();

  g_object_unref (app);
  cb_test_remove_dir (dir);
  g_free (dir);
  return status;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
cb_test_gui_wait_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gboolean timed_out = FALSE;
  gboolean reached;
  guint timeout = g_timeout_add_seconds (WAIT_SECONDS, flag_cb, &timed_out);

  /* Asked once per turn: a condition such as "nothing pending" may change again at once, when a
   * worker thread queues its result. */
  while (!(reached = done (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_true (reached);
}

static gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
cb_test_gui_flush (void)
{
  cb_test_gui_wait_until (nothing_pending, NULL);
}

gboolean
cb_test_gui_flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

void
cb_test_gui_settle (guint milliseconds)
{
  gboolean settled = FALSE;

  g_timeout_add (milliseconds, flag_cb, &settled);
  cb_test_gui_wait_until (cb_test_gui_flag_set, &settled);
}

GtkWidget *
cb_test_gui_find (GtkWidget      *widget,
                  GType           type,
                  gboolean      (*match) (GtkWidget *, gconstpointer),
                  gconstpointer   data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cb_test_gui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
cb_test_gui_window_idle (gpointer window)
{
  return !cb_window_is_busy (window) && cb_window_get_snapshot (window) != NULL && !g_main_context_pending (NULL);
}

GtkStack *
cb_test_gui_page_stack (CbWindow *window)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CB_TYPE_WINDOW, "page_stack"));
}

static CbWindow *
open_window (CbApplication *app,
             const char    *path,
             gboolean       evaluator)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window = cb_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open (window, file, evaluator);
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  return window;
}

CbWindow *
cb_test_gui_open_window (CbApplication *app,
                         const char    *path)
{
  return open_window (app, path, FALSE);
}

CbWindow *
cb_test_gui_open_evaluator_window (CbApplication *app,
                                   const char    *path)
{
  return open_window (app, path, TRUE);
}

CbWindow *
cb_test_gui_open_demo (CbApplication *app,
                       const char    *dir,
                       const char    *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_object_unref (cb_test_create_demo (path, 1));
  return cb_test_gui_open_window (app, path);
}

gboolean
cb_test_gui_row_titled (GtkWidget     *widget,
                        gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
cb_test_gui_button_labelled (GtkWidget     *widget,
                             gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
cb_test_gui_has_accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  return GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
}

static GdkTexture *
render_texture (GdkPaintable *paintable,
                GtkWidget    *widget,
                int           width,
                int           height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

GBytes *
cb_test_gui_render (GdkPaintable *paintable,
                    GtkWidget    *widget,
                    int          *width,
                    int          *height)
{
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  texture = render_texture (paintable, widget, *width, *height);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return g_bytes_new_take (pixels, (gsize) *width * *height * 4);
}

void
cb_test_gui_screenshot (GtkWidget  *window,
                        const char *name)
{
  const char *dir = g_getenv ("CB_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  cb_test_gui_settle (800);
  paintable = gtk_widget_paintable_new (window);
  texture = render_texture (paintable, window, gtk_widget_get_width (window), gtk_widget_get_height (window));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
