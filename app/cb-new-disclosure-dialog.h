#pragma once

#include <adwaita.h>

#include "cb-create-dialog.h"

G_BEGIN_DECLS

#define CB_TYPE_NEW_DISCLOSURE_DIALOG (cb_new_disclosure_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CbNewDisclosureDialog, cb_new_disclosure_dialog, CB, NEW_DISCLOSURE_DIALOG, CbCreateDialog)

/* Asks what a new disclosure is for and creates it on "create" with cb_disclosure_create(), which
 * makes its version 1. A refusal is shown in the dialog, which stays open; success emits "created"
 * with the new disclosure's id and destroys the dialog. */
GtkWidget *cb_new_disclosure_dialog_new (GtkWindow  *parent,
                                         CbWorkbook *workbook,
                                         const char *period);

G_END_DECLS
