#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_DISCLOSURE_PAGE (cb_disclosure_page_get_type ())

G_DECLARE_FINAL_TYPE (CbDisclosurePage, cb_disclosure_page, CB, DISCLOSURE_PAGE, GtkWidget)

G_END_DECLS
