#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_SUPPLIERS_PAGE (cb_suppliers_page_get_type ())

G_DECLARE_FINAL_TYPE (CbSuppliersPage, cb_suppliers_page, CB, SUPPLIERS_PAGE, GtkWidget)

G_END_DECLS
