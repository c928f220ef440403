#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_ITEMS_PAGE (cb_items_page_get_type ())

G_DECLARE_FINAL_TYPE (CbItemsPage, cb_items_page, CB, ITEMS_PAGE, GtkWidget)

G_END_DECLS
