#pragma once

#include "cb-importer-private.h"

G_BEGIN_DECLS

/* Whether @header looks like a survey export with one column per question of the questionnaire. */
gboolean cb_wide_layout_detect (CbWorkbook             *workbook,
                                GPtrArray              *header,
                                const CbImportOptions  *options);

/* Imports a wide responses file: one row per supplier, one response per answered question column. */
gboolean cb_wide_layout_import (CbImport               *import,
                                GPtrArray              *header,
                                const char * const     *overrides,
                                GError                **error);

G_END_DECLS
