/* cb-fold-table.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-catalog.h"
#include "cb-fold-table-private.h"

/* Most input is written exactly as the vocabulary writes it, so the verbatim table answers
 * without the cost of folding.
 */
struct _CbFoldTable
{
  CbFoldFunc  fold;
  GHashTable *verbatim;
  GHashTable *folded;
};

CbFoldTable *
cb_fold_table_new (CbFoldFunc fold)
{
  CbFoldTable *table = g_new0 (CbFoldTable, 1);

  table->fold = fold;
  table->verbatim = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return table;
}

void
cb_fold_table_free (CbFoldTable *table)
{
  g_hash_table_unref (table->verbatim);
  g_hash_table_unref (table->folded);
  g_free (table);
}

gconstpointer
cb_fold_table_add (CbFoldTable   *table,
                   const char    *text,
                   gconstpointer  value)
{
  g_autofree char *key = table->fold (text);
  gpointer existing;

  g_assert (key != NULL);
  if (*key == '\0')
    return NULL;
  existing = g_hash_table_lookup (table->folded, key);
  if (existing != NULL && existing != value)
    return existing;
  g_hash_table_replace (table->folded, g_steal_pointer (&key), (gpointer) value);
  g_hash_table_replace (table->verbatim, g_strdup (text), (gpointer) value);
  return NULL;
}

gconstpointer
cb_fold_table_lookup (CbFoldTable *table,
                      const char  *text)
{
  g_autofree char *key = NULL;
  gpointer value = g_hash_table_lookup (table->verbatim, text);

  if (value != NULL)
    return value;
  key = table->fold (text);
  if (key == NULL || *key == '\0')
    return NULL;
  return g_hash_table_lookup (table->folded, key);
}

/* Spreadsheets write "Detected At", tools "detected_at": header comparison ignores both. */
char *
cb_fold_header (const char *text)
{
  char *folded = cb_catalog_normalize (text);
  char *w;

  if (folded == NULL)
    return NULL;
  w = folded;
  for (const char *r = folded; *r != '\0'; r++)
    if (*r != ' ' && *r != '_')
      *w++ = *r;
  *w = '\0';
  return folded;
}
