#pragma once

#include <adwaita.h>

#include "cb-create-dialog.h"

G_BEGIN_DECLS

#define CB_TYPE_NEW_EVALUATION_DIALOG (cb_new_evaluation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CbNewEvaluationDialog, cb_new_evaluation_dialog, CB, NEW_EVALUATION_DIALOG, CbCreateDialog)

/* Asks what a new board evaluation states and creates it on "create" with cb_evaluation_create().
 * A refusal is shown in the dialog, which stays open; success emits "created" with the new
 * evaluation's id and destroys the dialog. */
GtkWidget *cb_new_evaluation_dialog_new (GtkWindow  *parent,
                                         CbWorkbook *workbook,
                                         int         fiscal_year);

G_END_DECLS
