#pragma once

#include "cb-audit.h"

G_BEGIN_DECLS

/* One value an audited change touched. */
typedef struct
{
  char     *field;
  char     *old_value;  /* NULL when the field had no value or the row was new */
  char     *new_value;  /* NULL when the field lost its value or the row was deleted */
  gboolean  key;        /* part of the row's natural key */
} CbAuditFieldChange;

void       cb_audit_field_change_free (CbAuditFieldChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAuditFieldChange, cb_audit_field_change_free)

/**
 * cb_audit_field_changes:
 *
 * The fields whose value differs between @entry's old and new values, in the order the new values
 * (for a deletion, the old ones) list them, of CbAuditFieldChange: every field with a value for an
 * insertion or a deletion, the changed ones for an update. An update of a row of the record layer
 * also lists the fields of the row's natural key, changed or not, so the change names its row.
 */
GPtrArray *cb_audit_field_changes     (CbWorkbook          *workbook,
                                       const CbAuditEntry  *entry,
                                       GError             **error);

G_END_DECLS
