#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_KPIS_PAGE (cb_kpis_page_get_type ())

G_DECLARE_FINAL_TYPE (CbKpisPage, cb_kpis_page, CB, KPIS_PAGE, GtkWidget)

G_END_DECLS
