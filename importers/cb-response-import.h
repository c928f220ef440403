/* cb-response-import.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-importer-private.h"

G_BEGIN_DECLS

/* Imports the rows of a long-layout responses file whose fields are in @columns (per field of the
 * responses kind), scoring the assessments they belong to. */
gboolean cb_response_import_rows (CbImport   *import,
                                  const int  *columns,
                                  GError    **error);

G_END_DECLS
