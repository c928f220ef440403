#pragma once

#include <adwaita.h>

#include "cb-importer.h"
#include "cb-window.h"

G_BEGIN_DECLS

#define CB_TYPE_IMPORT_ASSISTANT (cb_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (CbImportAssistant, cb_import_assistant, CB, IMPORT_ASSISTANT, AdwWindow)

/* Imports one CSV file into the workbook of @window, step by step: the kind of data and the file,
 * a preview with the column mapping, a dry run listing the problems, then the import itself on a
 * worker thread with a connection of its own, so @window's connection stays free. A finished
 * import closes the assistant and leaves a toast with "Undo" on @window. */
CbImportAssistant    *cb_import_assistant_new           (CbWindow           *window);

/* Chooses the kind of data ("suppliers", …, see cb_kind_all()). */
void                  cb_import_assistant_set_kind      (CbImportAssistant  *self,
                                                         const char         *kind);
/* Reads the start of @file and shows the preview, as choosing or dropping the file does. */
void                  cb_import_assistant_open_file     (CbImportAssistant  *self,
                                                         GFile              *file);

/* Whether a dry run or an import is running on the worker thread ("busy" property). */
gboolean              cb_import_assistant_is_busy       (CbImportAssistant  *self);
/* The counts and problems of the last dry run or import, or NULL before the first. */
const CbImportResult *cb_import_assistant_get_result    (CbImportAssistant  *self);

/* Writes the problems of the last dry run or import to @file as CSV (UTF-8 with a byte-order mark):
 * file, line, column, severity and message, one problem a row. */
gboolean              cb_import_assistant_save_problems (CbImportAssistant  *self,
                                                         GFile              *file,
                                                         GError            **error);

G_END_DECLS
