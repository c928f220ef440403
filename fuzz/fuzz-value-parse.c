/* fuzz-value-parse.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <string.h>

#include "cb-value-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
parse (guint        parser,
       const char  *text,
       char       **canonical,
       GError     **error)
{
  static const char *const criticality[] = { "high", "medium", "low", NULL };
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_offset (-5 * 3600);

  switch (parser)
    {
    case 0:
      return cb_value_parse_timestamp (text, tokyo, canonical, error);
    case 1:
      return cb_value_parse_timestamp (text, new_york, canonical, error);
    case 2:
      return cb_value_parse_date (text, canonical, error);
    case 3:
      return cb_value_parse_number (text, canonical, error);
    case 4:
      return cb_value_parse_integer (text, canonical, error);
    case 5:
      return cb_value_parse_enum ("severity", NULL, text, canonical, error);
    case 6:
      return cb_value_parse_enum ("criticality", criticality, text, canonical, error);
    case 7:
      return cb_value_parse_boolean ("material", text, canonical, error);
    case 8:
      return cb_value_parse_period (text, canonical, error);
    default:
      return cb_value_parse_item_key (text, canonical, error);
    }
}

/* The first byte picks the parser, the rest is the text. A canonical value must parse to itself. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  guint parser;

  if (size == 0)
    return 0;
  parser = data[0] % 10;
  text = g_strndup ((const char *) data + 1, size - 1);

  if (!parse (parser, text, &canonical, &error))
    {
      g_assert (error != NULL && error->domain == CB_VALUE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  g_assert (error == NULL && canonical != NULL);
  g_assert (parse (parser, canonical, &again, NULL));
  /* cb_format_number() keeps ten significant digits, in exponent form past them: a canonical
   * number may be written differently the second time, but not change value. */
  if (parser == 3)
    g_assert (g_ascii_strtod (again, NULL) == g_ascii_strtod (canonical, NULL));
  else
    g_assert (g_str_equal (again, canonical));
  return 0;
}
