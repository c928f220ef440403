/* fuzz-csv-reader.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <string.h>

#include "cb-csv-reader.h"

#define CHUNK (64 * 1024)

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Reads every row, checking what callers rely on: fields are UTF-8 and lines never go back. */
static void
read_all (GBytes             *bytes,
          const CbCsvOptions *options)
{
  g_autoptr(CbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line = 0;

  reader = cb_csv_reader_new_for_bytes (bytes, "fuzz", options, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz: "));
      return;
    }

  while (cb_csv_reader_next_row (reader, &fields, &error))
    {
      g_assert (fields->len > 0);
      g_assert (cb_csv_reader_get_line (reader) > line);
      line = cb_csv_reader_get_line (reader);
      for (guint i = 0; i < fields->len; i++)
        g_assert (g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL));
    }

  if (error != NULL)
    {
      g_assert (error->domain == CB_CSV_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz:"));
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_assert (cb_csv_reader_get_sha256 (reader) != NULL);
      g_assert (cb_csv_reader_get_bytes_read (reader) == (goffset) g_bytes_get_size (bytes));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const encodings[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "CP932", "UTF-16" };
  static const char delimiters[] = { ',', ';', '\t', '|' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  CbCsvOptions forced = {
    .encoding = encodings[size % G_N_ELEMENTS (encodings)],
    .delimiter = delimiters[(size / G_N_ELEMENTS (encodings)) % G_N_ELEMENTS (delimiters)],
  };

  gsize prefix = (CHUNK - MIN (size, CHUNK) / 2) & ~(gsize) 1;
  g_autofree guint8 *straddling = g_malloc (prefix + size);
  g_autoptr(GBytes) straddling_bytes = NULL;

  read_all (bytes, NULL);
  read_all (bytes, &forced);

  /* Again with the input across the reader's 64 KiB chunk boundary, after a prefix that is text
   * without a line break in every encoding ("aa" is U+6161 in UTF-16). */
  memset (straddling, 'a', prefix);
  if (size > 0)
    memcpy (straddling + prefix, data, size);
  straddling_bytes = g_bytes_new_static (straddling, prefix + size);
  read_all (straddling_bytes, &forced);
  return 0;
}
