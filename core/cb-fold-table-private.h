/* cb-fold-table-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps the written forms of a vocabulary to values, comparing them after a fold function. */
typedef char *(*CbFoldFunc) (const char *text);

typedef struct _CbFoldTable CbFoldTable;

CbFoldTable   *cb_fold_table_new     (CbFoldFunc     fold);
void           cb_fold_table_free    (CbFoldTable   *table);
/* Adds @text for @value. Returns the other value @text already stands for, or NULL. A form
 * that folds to nothing never matches and is not added.
 */
gconstpointer  cb_fold_table_add     (CbFoldTable   *table,
                                      const char    *text,
                                      gconstpointer  value);
gconstpointer  cb_fold_table_lookup  (CbFoldTable   *table,
                                      const char    *text);

/* Folds like cb_catalog_normalize() and drops spaces and underscores, for column headers and
 * item names.
 */
char          *cb_fold_header        (const char    *text);

G_END_DECLS
