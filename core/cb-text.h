/* cb-text.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text in the two languages of the product. */
typedef struct
{
  char *en;
  char *ja;
} CbText;

/* Returns the Japanese text when @lang starts with "ja", else the English one. */
const char *cb_text_get    (const CbText *text,
                            const char   *lang);
/* Frees both texts and sets them to NULL. */
void        cb_text_clear  (CbText       *text);

G_END_DECLS
