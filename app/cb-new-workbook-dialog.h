#pragma once

#include <adwaita.h>

#include "cb-workbook.h"

G_BEGIN_DECLS

#define CB_TYPE_NEW_WORKBOOK_DIALOG (cb_new_workbook_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CbNewWorkbookDialog, cb_new_workbook_dialog, CB, NEW_WORKBOOK_DIALOG, AdwMessageDialog)

/* Asks for the organisation a new workbook is for; responds "create" or "cancel". It hides rather
 * than closes on a response, so the answers can be read; destroy it afterwards. */
GtkWidget *cb_new_workbook_dialog_new              (GtkWindow           *parent);
/* Fills @organisation with strings owned by the dialog, valid until it is destroyed. */
void       cb_new_workbook_dialog_get_organisation (CbNewWorkbookDialog *self,
                                                    CbOrganisation      *organisation);

G_END_DECLS
