#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_IMPORTS_PAGE (cb_imports_page_get_type ())

G_DECLARE_FINAL_TYPE (CbImportsPage, cb_imports_page, CB, IMPORTS_PAGE, GtkWidget)

G_END_DECLS
