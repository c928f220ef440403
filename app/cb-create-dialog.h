#pragma once

#include <adwaita.h>

#include "cb-workbook.h"

G_BEGIN_DECLS

#define CB_TYPE_CREATE_DIALOG (cb_create_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (CbCreateDialog, cb_create_dialog, CB, CREATE_DIALOG, AdwMessageDialog)

/* A dialog that asks for a new record of a workbook and creates it on its "create" response by
 * calling create(), which returns the new record's id, or 0 and sets error. A refusal is shown in
 * the dialog, which stays open; success emits "created" with the id and destroys the dialog, as
 * "cancel" does without creating anything. */
struct _CbCreateDialogClass
{
  AdwMessageDialogClass parent_class;

  gint64 (*create) (CbCreateDialog *self,
                    CbWorkbook     *workbook,
                    GError        **error);
};

GtkEditable *cb_create_dialog_add_entry          (CbCreateDialog     *self,
                                                  const char         *title);
AdwComboRow *cb_create_dialog_add_combo          (CbCreateDialog     *self,
                                                  const char         *title,
                                                  GtkStringList      *labels);

/**
 * cb_create_dialog_add_choice:
 * @field: the field whose values @values are, as cb_field_label_value() names it
 * @values: the canonical values offered, in order, NULL-terminated
 * @selected: (nullable): the value chosen at first; the first one when NULL
 *
 * Adds a row that chooses one of @values, each shown as its label.
 */
AdwComboRow *cb_create_dialog_add_choice         (CbCreateDialog     *self,
                                                  const char         *title,
                                                  const char         *field,
                                                  const char *const  *values,
                                                  const char         *selected);

/* The canonical value chosen in a row made by cb_create_dialog_add_choice(). */
const char  *cb_create_dialog_get_choice         (AdwComboRow        *row);

void         cb_create_dialog_add_row            (CbCreateDialog     *self,
                                                  GtkWidget          *row);
void         cb_create_dialog_set_error_name     (CbCreateDialog     *self,
                                                  const char         *name);
void         cb_create_dialog_set_can_create     (CbCreateDialog     *self,
                                                  gboolean            can_create);
const char  *cb_create_dialog_text_or_null       (GtkEditable        *editable);

/* Appends to @list a row titled @title, also for screen readers, to type text into, starting
 * with @text (nullable); the create and confirm dialogs' fields are such rows. */
GtkEditable *cb_create_dialog_append_entry_row   (GtkListBox         *list,
                                                  const char         *title,
                                                  const char         *text);

G_END_DECLS
