/* cb-scale-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-catalog-reader-private.h"
#include "cb-scale.h"

G_BEGIN_DECLS

/* Reads the "@prefix N" groups of @ini; *out is NULL when the file has none. */
gboolean  cb_scale_load  (CbIni       *ini,
                          const char  *prefix,
                          CbScale    **out,
                          GError     **error);
void      cb_scale_free  (CbScale     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbScale, cb_scale_free)

G_END_DECLS
