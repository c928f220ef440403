#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*CbConfirmFunc) (gpointer user_data);

/**
 * cb_confirm_dialog_present:
 * @widget: a widget of the window the dialog belongs to
 * @confirm_label: the button that goes ahead, with a mnemonic ("_Undo Import")
 * @func: called when the user goes ahead, never when they cancel
 * @destroy: (nullable): frees @user_data once the dialog is answered or closed
 *
 * Asks before a step that cannot be taken back, with "Cancel" as the default answer.
 */
void cb_confirm_dialog_present           (GtkWidget      *widget,
                                          const char     *heading,
                                          const char     *body,
                                          const char     *confirm_label,
                                          CbConfirmFunc   func,
                                          gpointer        user_data,
                                          GDestroyNotify  destroy);

typedef void (*CbSignFunc) (const char *name,
                            const char *date,
                            gpointer    user_data);

/**
 * cb_confirm_dialog_present_signature:
 * @name: who signs or approves, as the field starts
 * @zone: the time zone whose today the date field starts with
 * @func: called with the name and the date (YYYY-MM-DD) as entered when the user goes ahead
 *
 * Asks for a name and a date before sealing something with them: signing an evaluation,
 * approving a disclosure.
 */
void cb_confirm_dialog_present_signature (GtkWidget      *widget,
                                          const char     *heading,
                                          const char     *body,
                                          const char     *name,
                                          GTimeZone      *zone,
                                          const char     *confirm_label,
                                          CbSignFunc      func,
                                          gpointer        user_data,
                                          GDestroyNotify  destroy);

G_END_DECLS
