/* cb-data-dir.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The directory holding the shipped data (frameworks/, reference/): $CYBERBOARD_DATA_DIR when set,
 * else the installed package data directory when it exists, else the source tree's data/.
 */
const char *cb_data_dir (void);

G_END_DECLS
