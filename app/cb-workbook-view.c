#include "cb-workbook-view.h"

G_DEFINE_INTERFACE (CbWorkbookView, cb_workbook_view, GTK_TYPE_WIDGET)

enum { DATA_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
cb_workbook_view_default_init (CbWorkbookViewInterface *iface)
{
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
cb_workbook_view_show (CbWorkbookView   *self,
                       CbWorkbook       *workbook,
                       const CbSnapshot *snapshot)
{
  g_return_if_fail (CB_IS_WORKBOOK_VIEW (self));
  CB_WORKBOOK_VIEW_GET_IFACE (self)->show (self, workbook, snapshot);
}

void
cb_workbook_view_data_changed (CbWorkbookView *self)
{
  g_return_if_fail (CB_IS_WORKBOOK_VIEW (self));
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}
