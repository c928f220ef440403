#pragma once

#include <gtk/gtk.h>

#include "cb-snapshot.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

#define CB_TYPE_WORKBOOK_VIEW (cb_workbook_view_get_type ())

G_DECLARE_INTERFACE (CbWorkbookView, cb_workbook_view, CB, WORKBOOK_VIEW, GtkWidget)

/* A page of the window that shows one workbook for the period and entity chosen in the header bar. */
struct _CbWorkbookViewInterface
{
  GTypeInterface parent_iface;

  /* Shows @snapshot (the window's period, entity and the owner's audience) of @workbook; called
   * whenever the workbook, the period or the entity changes, and after any page changed data. */
  void (*show) (CbWorkbookView   *self,
                CbWorkbook       *workbook,
                const CbSnapshot *snapshot);
};

void cb_workbook_view_show         (CbWorkbookView   *self,
                                    CbWorkbook       *workbook,
                                    const CbSnapshot *snapshot);

/* Pages call this after they changed the workbook, so the window recomputes the snapshot and every
 * page shows the new figures (signal "data-changed"). */
void cb_workbook_view_data_changed (CbWorkbookView   *self);

G_END_DECLS
