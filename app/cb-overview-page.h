#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_OVERVIEW_PAGE (cb_overview_page_get_type ())

/* The dashboard: KPI tiles, the guideline radar, the dwell-time trend, the supplier risk matrix
 * and what needs attention. Choosing a guideline item, on the radar or in the list, activates
 * "win.show-item" with the item's key ("CSMG.D3"); the other charts and the tiles activate
 * "win.show-view" with the id of the page behind them ("incidents", "suppliers", "kpis"). */
G_DECLARE_FINAL_TYPE (CbOverviewPage, cb_overview_page, CB, OVERVIEW_PAGE, AdwBin)

G_END_DECLS
