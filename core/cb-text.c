/* cb-text.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-text.h"

const char *
cb_text_get (const CbText *text,
             const char   *lang)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (lang != NULL && g_str_has_prefix (lang, "ja"))
    return text->ja;
  return text->en;
}

void
cb_text_clear (CbText *text)
{
  g_return_if_fail (text != NULL);

  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->ja, g_free);
}
