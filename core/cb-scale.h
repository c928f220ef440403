/* cb-scale.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cb-text.h"

G_BEGIN_DECLS

/* A score scale: maturity levels, evaluation ratings, framework tiers. */
typedef struct
{
  int    value;
  CbText label;
  CbText meaning;  /* both NULL when the file gives none */
} CbScaleLevel;

typedef struct _CbScale CbScale;

int                 cb_scale_get_min    (CbScale *self);
int                 cb_scale_get_max    (CbScale *self);
/* Returns NULL when @value is outside the scale. */
const CbScaleLevel *cb_scale_get_level  (CbScale *self,
                                         int      value);

G_END_DECLS
