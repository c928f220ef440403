#pragma once

#include <gtk/gtk.h>

#include "cb-page.h"

G_BEGIN_DECLS

#define CB_TYPE_PAGE_PAINTABLE (cb_page_paintable_get_type ())

G_DECLARE_FINAL_TYPE (CbPagePaintable, cb_page_paintable, CB, PAGE_PAINTABLE, GObject)

/* One page of a report, drawn by cb_page_draw() on white paper at whatever size it is shown, so
 * that a GtkPicture keeps the A4 proportions. Draw it on the main thread only: @page must be laid
 * out already (cb_page_get_n_pages()), with a font map no other thread uses. */

/* Takes @page, showing its first page. */
CbPagePaintable *cb_page_paintable_new         (CbPage          *page);
guint            cb_page_paintable_get_n_pages (CbPagePaintable *self);
guint            cb_page_paintable_get_index   (CbPagePaintable *self);
/* Shows page @index, counted from 0 and less than the number of pages. */
void             cb_page_paintable_set_index   (CbPagePaintable *self,
                                                guint            index);

G_END_DECLS
