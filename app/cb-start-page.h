#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_START_PAGE (cb_start_page_get_type ())

G_DECLARE_FINAL_TYPE (CbStartPage, cb_start_page, CB, START_PAGE, AdwBin)

G_END_DECLS
