/* cb-data-dir.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-data-dir.h"

const char *
cb_data_dir (void)
{
  const char *dir = g_getenv ("CYBERBOARD_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;

  /* An uninstalled build runs from the source tree. */
  if (g_file_test (CB_PKGDATADIR, G_FILE_TEST_IS_DIR))
    return CB_PKGDATADIR;

  return CB_SOURCE_DATADIR;
}
