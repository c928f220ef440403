#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* Saves @mapping (FIELD=COLUMN strings) under @name for imports of @kind, replacing one of that name. */
gboolean  cb_mapping_save  (CbWorkbook         *workbook,
                            const char         *kind,
                            const char         *name,
                            const char * const *mapping,
                            GError            **error);

/* The FIELD=COLUMN strings saved under @name, or NULL with an error naming it. */
GStrv     cb_mapping_load  (CbWorkbook         *workbook,
                            const char         *kind,
                            const char         *name,
                            GError            **error);

/* The names saved for @kind, sorted. */
GStrv     cb_mapping_list  (CbWorkbook         *workbook,
                            const char         *kind,
                            GError            **error);

G_END_DECLS
