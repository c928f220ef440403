/* cb-csv-reader.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads a CSV file one row at a time, as UTF-8, whatever its encoding, delimiter and line ends.
 *
 * Positions in messages and from cb_csv_reader_get_line() are physical lines of the file, counted
 * from 1, with CR, LF and CRLF each ending one line, line breaks inside quoted fields included.
 * The column of a position is the 1-based index of the field in its row, not a character count:
 * field i of the array cb_csv_reader_next_row() returns is column i + 1.
 *
 * Every error message starts with the file name, and with the line and column when the problem
 * has a position: "NAME:LINE:COLUMN: invalid byte 0x82 for CP932 at byte offset 1234". The line is
 * the one holding the offending byte, except for a quoted field that is never closed or grows too
 * long, where it is the line of its opening quote. Byte offsets count from 0.
 */

#define CB_CSV_ERROR (cb_csv_error_quark ())

typedef enum
{
  CB_CSV_ERROR_IO,                  /* the file cannot be opened or read */
  CB_CSV_ERROR_EMPTY,               /* the file holds no row at all */
  CB_CSV_ERROR_ENCODING,            /* bytes invalid in the file's encoding, or an unknown encoding */
  CB_CSV_ERROR_NUL_BYTE,
  CB_CSV_ERROR_QUOTE,               /* a quote inside an unquoted field, or text after a closing quote */
  CB_CSV_ERROR_UNTERMINATED_QUOTE,  /* a quoted field still open at the end of the file */
  CB_CSV_ERROR_TOO_LARGE,           /* a row grows past CB_CSV_MAX_ROW_SIZE */
} CbCsvError;

/* Rows are held whole in memory; one larger than this, in bytes of UTF-8, is refused. */
#define CB_CSV_MAX_ROW_SIZE (32 * 1024 * 1024)

typedef struct
{
  /* NULL to detect: a byte order mark gives "UTF-8-BOM", "UTF-16LE" or "UTF-16BE"; otherwise text
   * that reads as UTF-8 is "UTF-8" and anything else "CP932". Any name iconv knows is accepted;
   * "Shift_JIS", "SJIS", "MS932" and "Windows-31J" all mean CP932, which is what Windows writes. */
  const char *encoding;
  /* 0 to detect among comma, semicolon and tab; else an ASCII character other than a quote or a
   * line break. */
  char        delimiter;
} CbCsvOptions;

#define CB_TYPE_CSV_READER (cb_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (CbCsvReader, cb_csv_reader, CB, CSV_READER, GObject)

GQuark        cb_csv_error_quark            (void);

/* Opens @path and reads its first 64 KiB to settle the encoding and the delimiter. @options may be
 * NULL. The file is read in chunks as rows are asked for, never whole. */
CbCsvReader  *cb_csv_reader_new             (const char          *path,
                                             const CbCsvOptions  *options,
                                             GError             **error);
/* Like cb_csv_reader_new() on the bytes of a file; @name stands for the file in messages. */
CbCsvReader  *cb_csv_reader_new_for_bytes   (GBytes              *bytes,
                                             const char          *name,
                                             const CbCsvOptions  *options,
                                             GError             **error);

/* Reads the next row into *@fields, an array of UTF-8 strings owned by the reader and valid until
 * the next call. Returns FALSE with @error unset at the end of the file, and FALSE with @error set
 * when the file is broken; a file without any row is an error (CB_CSV_ERROR_EMPTY). Blank lines
 * give no row. After an error every further call fails with the same error. */
gboolean      cb_csv_reader_next_row        (CbCsvReader         *self,
                                             GPtrArray          **fields,
                                             GError             **error);

/* The file name used in messages. */
const char   *cb_csv_reader_get_name        (CbCsvReader         *self);
/* The line on which the last row returned starts, or 0 before the first row. */
guint         cb_csv_reader_get_line        (CbCsvReader         *self);
/* "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "CP932", or the name given in the options. */
const char   *cb_csv_reader_get_encoding    (CbCsvReader         *self);
char          cb_csv_reader_get_delimiter   (CbCsvReader         *self);
/* The SHA-256 of the file's bytes in lower-case hex, or NULL until all of them have been read. */
const char   *cb_csv_reader_get_sha256      (CbCsvReader         *self);
/* The file's size in bytes, and how many of them have been read so far (for progress). */
goffset       cb_csv_reader_get_size        (CbCsvReader         *self);
goffset       cb_csv_reader_get_bytes_read  (CbCsvReader         *self);

G_END_DECLS
