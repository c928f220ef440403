#pragma once

#include <adwaita.h>

#include "cb-record.h"

G_BEGIN_DECLS

#define CB_TYPE_RECORD_EDITOR (cb_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (CbRecordEditor, cb_record_editor, CB, RECORD_EDITOR, GtkWidget)

/* A form for one record of the record layer, field by field, with the message of a refused value
 * shown under the field it is about. It only edits a copy: whoever shows it saves ("save" signal)
 * and deletes ("delete" signal). */

GtkWidget  *cb_record_editor_new            (void);

/* Shows @record (NULL clears the form); a record without an id is a new row whose key fields
 * may be filled in, an existing row's key fields are shown but not editable. */
void        cb_record_editor_set_record     (CbRecordEditor *self,
                                             CbRecord       *record,
                                             gboolean        editable);
CbRecord   *cb_record_editor_get_record     (CbRecordEditor *self);

/* A copy of the record with the values of the form. */
CbRecord   *cb_record_editor_build_record   (CbRecordEditor *self);

/* Shows @message under the field @field, or above the form when @field is NULL or no field of
 * the form; NULL @message clears every message. */
void        cb_record_editor_show_message   (CbRecordEditor *self,
                                             const char     *field,
                                             const char     *message);

G_END_DECLS
