#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_INCIDENTS_PAGE (cb_incidents_page_get_type ())

G_DECLARE_FINAL_TYPE (CbIncidentsPage, cb_incidents_page, CB, INCIDENTS_PAGE, GtkWidget)

G_END_DECLS
