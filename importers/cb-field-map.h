#pragma once

#include "cb-kind.h"

G_BEGIN_DECLS

/* Which column of a file holds which field of a kind. */
typedef struct
{
  const CbKind *kind;
  int          *columns;          /* per field of the kind: a 0-based column, or -1 */
  GPtrArray    *unknown_columns;  /* header texts no field claimed, in file order */
} CbFieldMap;

void        cb_field_map_free      (CbFieldMap          *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbFieldMap, cb_field_map_free)

/**
 * cb_field_map_new:
 * @header: the file's header texts
 * @overrides: (nullable): "FIELD=COLUMN" strings, from --map or a saved mapping
 * @defaulted: (nullable): fields that may be missing because the caller supplies them (e.g. "period")
 *
 * Matches each header to a field by name or by the catalog's aliases in English and Japanese
 * (case, width and surrounding space do not matter); overrides win. Fails, naming every problem,
 * when an override is malformed or names no field or column, two columns claim one field, or a
 * required field has no column.
 */
CbFieldMap *cb_field_map_new       (const CbKind        *kind,
                                    GPtrArray           *header,
                                    const char * const  *overrides,
                                    const char * const  *defaulted,
                                    GError             **error);

/* The header of the column mapped to @field, or NULL. */
const char *cb_field_map_column_of (const CbFieldMap    *map,
                                    GPtrArray           *header,
                                    const char          *field);

G_END_DECLS
