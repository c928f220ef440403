#include <math.h>

#include "cb-page-paintable.h"

struct _CbPagePaintable
{
  GObject  parent_instance;

  CbPage  *page;
  guint    n_pages;
  guint    index;
};

static void cb_page_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbPagePaintable, cb_page_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, cb_page_paintable_paintable_init))

static void
cb_page_paintable_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  CbPagePaintable *self = CB_PAGE_PAINTABLE (paintable);
  cairo_t *cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The paper stays white in the dark style too, as it prints; a hairline edge sets it off from
   * a light background. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_scale (cr, width / CB_PAGE_WIDTH, height / CB_PAGE_HEIGHT);
  cb_page_draw (self->page, cr, self->index);
  cairo_restore (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static GdkPaintableFlags
cb_page_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static int
cb_page_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return (int) lround (CB_PAGE_WIDTH);
}

static int
cb_page_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return (int) lround (CB_PAGE_HEIGHT);
}

static double
cb_page_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  return CB_PAGE_WIDTH / CB_PAGE_HEIGHT;
}

static void
cb_page_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cb_page_paintable_snapshot;
  iface->get_flags = cb_page_paintable_get_flags;
  iface->get_intrinsic_width = cb_page_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = cb_page_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = cb_page_paintable_get_intrinsic_aspect_ratio;
}

static void
cb_page_paintable_finalize (GObject *object)
{
  CbPagePaintable *self = CB_PAGE_PAINTABLE (object);

  g_clear_pointer (&self->page, cb_page_free);
  G_OBJECT_CLASS (cb_page_paintable_parent_class)->finalize (object);
}

static void
cb_page_paintable_class_init (CbPagePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_page_paintable_finalize;
}

static void
cb_page_paintable_init (CbPagePaintable *self)
{
}

CbPagePaintable *
cb_page_paintable_new (CbPage *page)
{
  CbPagePaintable *self;

  g_return_val_if_fail (page != NULL, NULL);

  self = g_object_new (CB_TYPE_PAGE_PAINTABLE, NULL);
  self->page = page;
  self->n_pages = cb_page_get_n_pages (page);
  return self;
}

guint
cb_page_paintable_get_n_pages (CbPagePaintable *self)
{
  g_return_val_if_fail (CB_IS_PAGE_PAINTABLE (self), 0);
  return self->n_pages;
}

guint
cb_page_paintable_get_index (CbPagePaintable *self)
{
  g_return_val_if_fail (CB_IS_PAGE_PAINTABLE (self), 0);
  return self->index;
}

void
cb_page_paintable_set_index (CbPagePaintable *self,
                             guint            index)
{
  g_return_if_fail (CB_IS_PAGE_PAINTABLE (self));
  g_return_if_fail (index < self->n_pages);

  if (self->index == index)
    return;
  self->index = index;
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}
