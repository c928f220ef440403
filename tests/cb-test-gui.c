#include "cb-test-gui.h"

#define WAIT_SECONDS 60

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
  guint timeout = g_timeout_add_seconds (WAIT_SECONDS, flag_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_true (done (data));
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
cb_test_gui_settle (guint milliseconds)
{
  gboolean settled = FALSE;

  g_timeout_add (milliseconds, flag_cb, &settled);
  cb_test_gui_wait_until (flag_set, &settled);
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

void
cb_test_gui_screenshot (GtkWidget  *window,
                        const char *name)
{
  const char *dir = g_getenv ("CB_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  cb_test_gui_settle (800);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
