#pragma once

#include <adwaita.h>

#include "cb-application.h"
#include "cb-snapshot.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

#define CB_TYPE_WINDOW (cb_window_get_type ())

G_DECLARE_FINAL_TYPE (CbWindow, cb_window, CB, WINDOW, AdwApplicationWindow)

/* Undoes one change a page made; runs on the main thread with the window's workbook. */
typedef gboolean (*CbUndoFunc) (CbWorkbook  *workbook,
                                gpointer     user_data,
                                GError     **error);

CbWindow         *cb_window_new               (CbApplication        *application);

/* Each of these loads a workbook on a worker thread while the window shows a spinner; a window
 * holds one workbook for its whole life. */
void              cb_window_open              (CbWindow             *self,
                                               GFile                *file,
                                               gboolean              evaluator);
/* Creates a workbook for @organisation at @file, replacing (moving to the trash) what is there. */
void              cb_window_create            (CbWindow             *self,
                                               GFile                *file,
                                               const CbOrganisation *organisation);
/* Opens the demo workbook at @file, creating it with the demo company's data when missing. */
void              cb_window_open_demo         (CbWindow             *self,
                                               GFile                *file);

/* NULL until a workbook is loaded. */
GFile            *cb_window_get_file          (CbWindow             *self);
CbWorkbook       *cb_window_get_workbook      (CbWindow             *self);
/* The figures every page shows: the chosen period and entity, as the owner sees them. */
const CbSnapshot *cb_window_get_snapshot      (CbWindow             *self);
/* Whether no workbook is loaded or loading, so the window can take one. */
gboolean          cb_window_is_empty          (CbWindow             *self);
/* Whether a workbook is being loaded or its figures recomputed ("busy" property). */
gboolean          cb_window_is_busy           (CbWindow             *self);
/* An evaluator may only change the evaluation; pages disable every other edit ("evaluator-mode"). */
gboolean          cb_window_is_evaluator_mode (CbWindow             *self);

void              cb_window_add_toast         (CbWindow             *self,
                                               AdwToast             *toast);
/* Remembers how to undo the last change; win.undo (Ctrl+Z) runs it and refreshes every page. */
void              cb_window_set_undo          (CbWindow             *self,
                                               const char           *label,
                                               CbUndoFunc            func,
                                               gpointer              user_data,
                                               GDestroyNotify        destroy);
/* Recomputes the figures on a worker thread and shows them on every page. */
void              cb_window_refresh           (CbWindow             *self);

G_END_DECLS
