#pragma once

#include <adwaita.h>

#include "cb-window.h"

G_BEGIN_DECLS

#define CB_TYPE_EXPORT_DIALOG (cb_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CbExportDialog, cb_export_dialog, CB, EXPORT_DIALOG, AdwMessageDialog)

/* Asks which data of @window's workbook to export, and for which period, then where to save it. */
CbExportDialog *cb_export_dialog_new      (CbWindow       *window);

/* Chooses the kind of data ("suppliers", …, see cb_kind_all()) and the period ("FY2026Q2"), or
 * NULL for all periods; a period the dialog does not offer is ignored. */
void            cb_export_dialog_select   (CbExportDialog *self,
                                           const char     *kind,
                                           const char     *period);

/* Writes the chosen data as CSV to @file on a worker thread, with a connection of its own to the
 * workbook, as choosing the file does; a toast on the window tells how it went, then the dialog
 * goes away. */
void            cb_export_dialog_save     (CbExportDialog *self,
                                           GFile          *file);

G_END_DECLS
