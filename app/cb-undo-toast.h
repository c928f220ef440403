#pragma once

#include "cb-window.h"

G_BEGIN_DECLS

/**
 * cb_undo_toast_show:
 * @widget: a widget of the window whose workbook changed
 * @message: what changed, shown in the toast and, after Ctrl+Z, in "Undone: …"
 * @func: (nullable): how to undo the change; NULL shows the toast without "Undo"
 *
 * Reports a change a page made. With @func, the window remembers it as the change Ctrl+Z undoes
 * and the toast carries an "Undo" button for it; the toast of an earlier change is dismissed,
 * since its button would now undo this one.
 */
void cb_undo_toast_show (GtkWidget      *widget,
                         const char     *message,
                         CbUndoFunc      func,
                         gpointer        user_data,
                         GDestroyNotify  destroy);

G_END_DECLS
