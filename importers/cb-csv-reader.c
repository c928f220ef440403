/* cb-csv-reader.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include <csv.h>

#include "cb-csv-reader.h"

#define CHUNK_SIZE   (64 * 1024)
#define SAMPLE_ROWS  20

/* The file's bytes travel raw → text → parser: each chunk read is decoded to UTF-8 (an incomplete
 * character at its end waits in raw for the next chunk), and the text is handed to libcsv one
 * physical line at a time. A row can only end on a line break, so every row is complete exactly
 * when the segment holding its last byte has been parsed, and the parser's callbacks always know
 * the line they are on.
 */
/* Rows travel from a parsing thread to the reader's user in batches: the cells of many rows in
 * one buffer, so that reading a file costs neither an allocation per cell nor the user's time. */
typedef struct
{
  guint   first;      /* of its cells in Batch.cells */
  guint   n_cells;
  guint   line;
  goffset bytes_read;
} BatchRow;

typedef struct
{
  GByteArray *text;       /* the cells, each ending in a NUL */
  GArray     *cells;      /* guint offsets into text */
  GArray     *rows;       /* BatchRow */
  gboolean    last;       /* no batch follows */
  GError     *error;      /* why, when the file was not read to its end */
  char       *sha256;     /* of the whole file, when it was */
  goffset     bytes_read;
} Batch;

#define BATCH_TEXT_SIZE (256 * 1024)
#define N_BATCHES       3

struct _CbCsvReader
{
  GObject            parent_instance;

  char              *name;
  goffset            size;
  char              *encoding;
  const char        *charset;       /* the encoding without "-BOM" */
  char               delimiter;

  /* The parsing thread's, once it runs. */
  GInputStream      *stream;
  goffset            bytes_read;
  gboolean           eof;
  GChecksum         *checksum;
  char              *file_sha256;
  GIConv             converter;     /* (GIConv) -1 for UTF-8, which is only validated */

  GByteArray        *raw;
  goffset            raw_offset;    /* where raw->data[0] is in the file */
  gboolean           invalid;       /* raw starts with a byte the encoding refuses */

  GByteArray        *text;
  gsize              text_pos;

  struct csv_parser  parser;
  guint              line;          /* the line of the next byte of text */
  gboolean           after_cr;
  guint              segment_line;  /* the line of the segment being parsed */
  guint              quote_line;    /* the line of the open quote of the field being parsed, or 0 */

  Batch             *batch;         /* being filled, by the parsing thread alone */
  guint              row_first;     /* the first cell in the batch of the row being parsed */
  guint              row_start;     /* the line the row starts on */
  gsize              row_size;
  gboolean           row_complete;
  guint              rows_parsed;
  gboolean           finished;

  GThread           *thread;
  GAsyncQueue       *free_batches;
  GAsyncQueue       *full_batches;

  /* The user's. */
  Batch             *current;
  guint              cursor;
  GPtrArray         *fields;
  guint              row_line;
  guint              n_rows;
  goffset            consumed;      /* bytes read when the current row was complete */
  char              *sha256;
  GError            *error;
};

G_DEFINE_FINAL_TYPE (CbCsvReader, cb_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (cb-csv-error-quark, cb_csv_error)

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_byte_array_sized_new (BATCH_TEXT_SIZE + 4096);
  batch->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  batch->rows = g_array_new (FALSE, FALSE, sizeof (BatchRow));
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_byte_array_unref (batch->text);
  g_array_unref (batch->cells);
  g_array_unref (batch->rows);
  g_clear_error (&batch->error);
  g_free (batch->sha256);
  g_free (batch);
}

/* Stands for "stop" among the free batches. */
static Batch stop_batch;

static void
stop_thread (CbCsvReader *self)
{
  Batch *batch;

  if (self->thread != NULL)
    {
      g_async_queue_push_front (self->free_batches, &stop_batch);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_pointer (&self->current, batch_free);
  while ((batch = g_async_queue_try_pop (self->free_batches)) != NULL)
    if (batch != &stop_batch)
      batch_free (batch);
  while ((batch = g_async_queue_try_pop (self->full_batches)) != NULL)
    batch_free (batch);
}

static void
cb_csv_reader_finalize (GObject *object)
{
  CbCsvReader *self = CB_CSV_READER (object);

  stop_thread (self);
  g_async_queue_unref (self->free_batches);
  g_async_queue_unref (self->full_batches);
  csv_free (&self->parser);
  if (self->converter != (GIConv) -1)
    g_iconv_close (self->converter);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  g_clear_pointer (&self->text, g_byte_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self->name);
  g_free (self->file_sha256);
  g_free (self->sha256);
  g_free (self->encoding);

  G_OBJECT_CLASS (cb_csv_reader_parent_class)->finalize (object);
}

static void
cb_csv_reader_class_init (CbCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_csv_reader_finalize;
}

static void
cb_csv_reader_init (CbCsvReader *self)
{
  self->converter = (GIConv) -1;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->raw = g_byte_array_sized_new (CHUNK_SIZE);
  self->text = g_byte_array_sized_new (CHUNK_SIZE);
  self->fields = g_ptr_array_new ();
  self->line = 1;
  self->free_batches = g_async_queue_new ();
  self->full_batches = g_async_queue_new ();

  /* Strict: a stray quote is refused rather than guessed at, and so is a quoted field the file
   * ends inside. Without CSV_STRICT_FINI csv_fini() would hand that field over as if closed. */
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_realloc_func (&self->parser, g_realloc);
  csv_set_free_func (&self->parser, g_free);
  csv_set_blk_size (&self->parser, CHUNK_SIZE);
}

/* Sets @error and returns FALSE. A @line of 0 gives no position. */
static gboolean G_GNUC_PRINTF (6, 7)
fail (CbCsvReader  *self,
      GError      **error,
      CbCsvError    code,
      guint         line,
      guint         column,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, CB_CSV_ERROR, code, "%s:%u:%u: %s", self->name, line, column, message);
  else
    g_set_error (error, CB_CSV_ERROR, code, "%s: %s", self->name, message);
  return FALSE;
}

static gboolean
read_chunk (CbCsvReader  *self,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  guint old_len = self->raw->len;
  gsize n_read = 0;

  g_byte_array_set_size (self->raw, old_len + CHUNK_SIZE);
  if (!g_input_stream_read_all (self->stream, self->raw->data + old_len, CHUNK_SIZE, &n_read, NULL,
                                &local_error))
    {
      g_byte_array_set_size (self->raw, old_len);
      return fail (self, error, CB_CSV_ERROR_IO, 0, 0, "%s", local_error->message);
    }
  g_byte_array_set_size (self->raw, old_len + n_read);
  g_checksum_update (self->checksum, self->raw->data + old_len, n_read);
  self->bytes_read += n_read;

  if (n_read < CHUNK_SIZE)
    {
      self->eof = TRUE;
      self->file_sha256 = g_strdup (g_checksum_get_string (self->checksum));
    }
  return TRUE;
}

/* The length of the valid UTF-8 at the start of @data. GLib stops at NUL bytes; they are valid
 * UTF-8 and reported by the parser with their position instead. */
static gsize
utf8_prefix_length (const guchar *data,
                    gsize         length)
{
  gsize pos = 0;

  while (pos < length)
    {
      const char *end;

      if (g_utf8_validate_len ((const char *) data + pos, length - pos, &end))
        return length;
      pos = (const guchar *) end - data;
      if (data[pos] != '\0')
        return pos;
      pos++;
    }
  return length;
}

/* Whether the character starting at @data might be completed by bytes not read yet. */
static gboolean
utf8_incomplete (const guchar *data,
                 gsize         length)
{
  return length < 4 && g_utf8_get_char_validated ((const char *) data, length) == (gunichar) -2;
}

/* Decodes raw into text, up to an incomplete character at the end, which stays in raw, or up to
 * the first invalid byte, which sets self->invalid. */
static void
decode (CbCsvReader *self)
{
  gsize consumed;

  if (self->converter == (GIConv) -1)
    {
      consumed = utf8_prefix_length (self->raw->data, self->raw->len);
      g_byte_array_append (self->text, self->raw->data, consumed);
      if (consumed < self->raw->len
          && (self->eof || !utf8_incomplete (self->raw->data + consumed, self->raw->len - consumed)))
        self->invalid = TRUE;
    }
  else
    {
      char *in = (char *) self->raw->data;
      gsize in_left = self->raw->len;

      while (in_left > 0)
        {
          guint old_len = self->text->len;
          gsize out_size = in_left * 4 + 16;
          char *out;
          gsize out_left = out_size;
          gsize converted;
          int saved_errno;

          g_byte_array_set_size (self->text, old_len + out_size);
          out = (char *) self->text->data + old_len;
          converted = g_iconv (self->converter, &in, &in_left, &out, &out_left);
          saved_errno = errno;

          g_byte_array_set_size (self->text, old_len + out_size - out_left);
          if (converted != (gsize) -1)
            break;
          if (saved_errno == E2BIG)
            continue;
          /* EINVAL: the chunk ends inside a character, which is invalid only at the end of the file. */
          if (saved_errno == EILSEQ || self->eof)
            self->invalid = TRUE;
          break;
        }
      consumed = (guchar *) in - self->raw->data;
    }

  g_byte_array_remove_range (self->raw, 0, consumed);
  self->raw_offset += consumed;
}

static gboolean
fill (CbCsvReader  *self,
      GError      **error)
{
  g_byte_array_set_size (self->text, 0);
  self->text_pos = 0;
  if (!read_chunk (self, error))
    return FALSE;
  decode (self);
  return TRUE;
}

static guint
n_row_cells (CbCsvReader *self)
{
  return self->batch->cells->len - self->row_first;
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  CbCsvReader *self = user_data;
  Batch *batch = self->batch;

  if (n_row_cells (self) == 0)
    self->row_start = self->quote_line != 0 ? self->quote_line : self->segment_line;
  g_array_append_val (batch->cells, batch->text->len);
  g_byte_array_append (batch->text, data, length);
  g_byte_array_append (batch->text, (const guint8 *) "", 1);
  self->row_size += length + 1;
  self->quote_line = 0;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  CbCsvReader *self = user_data;

  g_assert (!self->row_complete);
  self->row_complete = TRUE;
}

/* Parses the text up to and including the next line break, or up to a NUL byte. */
static gboolean
parse_segment (CbCsvReader  *self,
               GError      **error)
{
  const char *start = (const char *) self->text->data + self->text_pos;
  gsize available = self->text->len - self->text_pos;
  gsize length = 0;
  gsize parsed;
  char last;

  if (start[0] == '\0')
    return fail (self, error, CB_CSV_ERROR_NUL_BYTE, self->line, n_row_cells (self) + 1,
                 _("NUL byte (for UTF-16 without a byte order mark, give the encoding)"));

  /* The LF of a CRLF pair is a segment of its own, so that the pair ends one line only. */
  if (self->after_cr && start[0] == '\n')
    length = 1;
  else
    {
      self->after_cr = FALSE;
      while (length < available && start[length] != '\r' && start[length] != '\n' && start[length] != '\0')
        length++;
      if (length < available && start[length] != '\0')
        length++;
    }

  self->segment_line = self->line;
  parsed = csv_parse (&self->parser, start, length, field_cb, row_cb, self);
  if (parsed < length)
    {
      /* Allocation failures abort in g_realloc(), so a short parse is a strict-mode refusal. */
      g_assert (csv_error (&self->parser) == CSV_EPARSE);
      return fail (self, error, CB_CSV_ERROR_QUOTE, self->line, n_row_cells (self) + 1,
                   _("misplaced quote: a field holding quotes must be quoted whole, with its quotes doubled"));
    }
  self->text_pos += length;

  last = start[length - 1];
  if (last == '\r')
    {
      self->line++;
      self->after_cr = TRUE;
    }
  else if (last == '\n')
    {
      if (!self->after_cr)
        self->line++;
      self->after_cr = FALSE;
    }

  /* libcsv has no accessor for it, but `quoted` is part of its public struct: it is set while the
   * parser is inside a quoted field, the only kind of field that spans lines. */
  if (self->parser.quoted && self->quote_line == 0)
    self->quote_line = self->segment_line;

  /* libcsv grows its field buffer by a fixed block; growing the block with the buffer makes the
   * growth geometric, so that a field of many megabytes costs few reallocations. */
  if (csv_get_buffer_size (&self->parser) > CHUNK_SIZE)
    csv_set_blk_size (&self->parser, csv_get_buffer_size (&self->parser));

  if (!self->row_complete && self->row_size + self->parser.entry_pos > CB_CSV_MAX_ROW_SIZE)
    {
      if (self->quote_line != 0)
        return fail (self, error, CB_CSV_ERROR_TOO_LARGE, self->quote_line, n_row_cells (self) + 1,
                     _("quoted field longer than %d MiB (is its closing quote missing?)"),
                     CB_CSV_MAX_ROW_SIZE / (1024 * 1024));
      return fail (self, error, CB_CSV_ERROR_TOO_LARGE, self->segment_line, n_row_cells (self) + 1,
                   _("row longer than %d MiB"), CB_CSV_MAX_ROW_SIZE / (1024 * 1024));
    }
  return TRUE;
}

static gboolean
finish (CbCsvReader  *self,
        GError      **error)
{
  self->finished = TRUE;
  self->segment_line = self->line;
  if (csv_fini (&self->parser, field_cb, row_cb, self) != 0)
    return fail (self, error, CB_CSV_ERROR_UNTERMINATED_QUOTE, self->quote_line, n_row_cells (self) + 1,
                 _("the quoted field starting here is not closed by the end of the file"));
  return TRUE;
}

/* Parses the next row into the batch; FALSE at the end of the file, or with @error set. */
static gboolean
parse_row (CbCsvReader  *self,
           GError      **error)
{
  BatchRow row;

  self->row_first = self->batch->cells->len;
  self->row_size = 0;
  self->row_complete = FALSE;
  while (!self->row_complete)
    {
      gboolean ok;

      if (self->text_pos < self->text->len)
        ok = parse_segment (self, error);
      else if (self->invalid)
        ok = fail (self, error, CB_CSV_ERROR_ENCODING, self->line, n_row_cells (self) + 1,
                   /* Translators: the byte, the name of the encoding, such as CP932, and the byte's position
                    * in the file. */
                   _("invalid byte 0x%02X for %s at byte offset %lld"),
                   self->raw->data[0], self->charset, (long long) self->raw_offset);
      else if (!self->eof)
        ok = fill (self, error);
      else if (!self->finished)
        ok = finish (self, error);
      else if (self->rows_parsed == 0)
        ok = fail (self, error, CB_CSV_ERROR_EMPTY, 0, 0, _("the file holds no rows"));
      else
        return FALSE;

      if (!ok)
        return FALSE;
    }

  row.first = self->row_first;
  row.n_cells = n_row_cells (self);
  row.line = self->row_start;
  row.bytes_read = self->bytes_read;
  g_array_append_val (self->batch->rows, row);
  self->rows_parsed++;
  return TRUE;
}

static gpointer
parse_rows (gpointer data)
{
  CbCsvReader *self = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (self->free_batches);

      if (batch == &stop_batch)
        return NULL;
      g_byte_array_set_size (batch->text, 0);
      g_array_set_size (batch->cells, 0);
      g_array_set_size (batch->rows, 0);
      self->batch = batch;
      while (batch->text->len < BATCH_TEXT_SIZE)
        if (!parse_row (self, &batch->error))
          {
            batch->last = TRUE;
            batch->sha256 = g_strdup (batch->error == NULL ? self->file_sha256 : NULL);
            break;
          }
      batch->bytes_read = self->bytes_read;
      self->batch = NULL;
      g_async_queue_push (self->full_batches, batch);
      if (batch->last)
        return NULL;
    }
}

gboolean
cb_csv_reader_next_row (CbCsvReader  *self,
                        GPtrArray   **fields,
                        GError      **error)
{
  const BatchRow *row;
  Batch *current;

  g_return_val_if_fail (CB_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  *fields = NULL;
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  if (self->thread == NULL && self->current == NULL)
    {
      for (guint i = 0; i < N_BATCHES; i++)
        g_async_queue_push (self->free_batches, batch_new ());
      self->thread = g_thread_new ("cb-csv-reader", parse_rows, self);
    }

  while (self->current == NULL || self->cursor == self->current->rows->len)
    {
      if (self->current != NULL)
        {
          if (self->current->last)
            {
              if (self->current->error == NULL)
                return FALSE;
              self->error = g_steal_pointer (&self->current->error);
              g_propagate_error (error, g_error_copy (self->error));
              return FALSE;
            }
          g_async_queue_push (self->free_batches, g_steal_pointer (&self->current));
        }
      self->current = g_async_queue_pop (self->full_batches);
      self->cursor = 0;
      if (self->current->last)
        {
          /* The parsing thread is done with the file. */
          g_thread_join (g_steal_pointer (&self->thread));
          g_free (self->sha256);
          self->sha256 = g_strdup (self->current->sha256);
          self->consumed = self->current->bytes_read;
        }
    }

  current = self->current;
  row = &g_array_index (current->rows, BatchRow, self->cursor++);
  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < row->n_cells; i++)
    g_ptr_array_add (self->fields, current->text->data + g_array_index (current->cells, guint, row->first + i));
  self->row_line = row->line;
  if (!current->last)
    self->consumed = row->bytes_read;
  self->n_rows++;
  *fields = self->fields;
  return TRUE;
}

typedef struct
{
  guint    fields;
  guint    rows;
  guint    first;      /* fields of the first row */
  gboolean consistent; /* every row has as many fields as the first */
} DelimiterSample;

static void
sample_field_cb (void   *data,
                 size_t  length,
                 void   *user_data)
{
  DelimiterSample *sample = user_data;

  sample->fields++;
}

static void
sample_row_cb (int   terminator,
               void *user_data)
{
  DelimiterSample *sample = user_data;

  if (sample->rows == 0)
    sample->first = sample->fields;
  else if (sample->rows < SAMPLE_ROWS && sample->fields != sample->first)
    sample->consistent = FALSE;
  sample->rows++;
  sample->fields = 0;
}

/* Counts the fields of the first rows of @text as split by @delimiter. The row cut off at the end
 * of the text counts only when the text is the whole file, or holds no other row. */
static DelimiterSample
sample_delimiter (const guchar *text,
                  gsize         length,
                  gboolean      whole,
                  char          delimiter)
{
  DelimiterSample sample = { .consistent = TRUE };
  struct csv_parser parser;

  csv_init (&parser, 0);
  csv_set_delim (&parser, delimiter);
  csv_parse (&parser, text, length, sample_field_cb, sample_row_cb, &sample);
  if (whole || sample.rows == 0)
    csv_fini (&parser, sample_field_cb, sample_row_cb, &sample);
  csv_free (&parser);
  return sample;
}

/* Picks the delimiter giving every sampled row the same number of fields, more than one; among
 * several, the one giving the most fields; on a tie, the earlier in @candidates. When none is
 * consistent, the one splitting the first row (the header) into the most fields. */
static char
detect_delimiter (const guchar *text,
                  gsize         length,
                  gboolean      whole,
                  const char   *candidates)
{
  char best = candidates[0];
  gboolean best_consistent = FALSE;
  guint best_fields = 1;

  for (const char *c = candidates; *c != '\0'; c++)
    {
      DelimiterSample sample = sample_delimiter (text, length, whole, *c);
      gboolean consistent = sample.consistent && sample.first > 1;

      if ((consistent && !best_consistent)
          || (consistent == best_consistent && sample.first > best_fields))
        {
          best = *c;
          best_consistent = consistent;
          best_fields = sample.first;
        }
    }
  return best;
}

/* Folds an encoding name for comparison: lower case, without '-' and '_'. */
static char *
fold_encoding_name (const char *name)
{
  GString *folded = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '-' && *p != '_')
      g_string_append_c (folded, g_ascii_tolower (*p));
  return g_string_free (folded, FALSE);
}

static gboolean
has_bom (GByteArray *raw,
         const char *bom)
{
  gsize length = strlen (bom);

  return raw->len >= length && memcmp (raw->data, bom, length) == 0;
}

/* Sets the encoding from @requested or from the first chunk, and drops the byte order mark. */
static gboolean
choose_encoding (CbCsvReader  *self,
                 const char   *requested,
                 GError      **error)
{
  static const struct
  {
    const char *folded;
    const char *name;
  } aliases[] = {
    { "utf8", "UTF-8" }, { "utf8bom", "UTF-8" }, { "utf8sig", "UTF-8" },
    { "utf16", "UTF-16" }, { "utf16le", "UTF-16LE" }, { "utf16be", "UTF-16BE" },
    { "cp932", "CP932" }, { "ms932", "CP932" }, { "windows31j", "CP932" },
    { "shiftjis", "CP932" }, { "sjis", "CP932" },
  };
  const char *name = NULL;
  gsize bom = 0;

  if (requested != NULL)
    {
      g_autofree char *folded = fold_encoding_name (requested);

      for (guint i = 0; i < G_N_ELEMENTS (aliases) && name == NULL; i++)
        if (g_str_equal (folded, aliases[i].folded))
          name = aliases[i].name;
      if (name == NULL)
        name = requested;
    }

  if (has_bom (self->raw, "\xEF\xBB\xBF") && (name == NULL || g_str_equal (name, "UTF-8")))
    {
      name = "UTF-8-BOM";
      bom = 3;
    }
  else if (has_bom (self->raw, "\xFF\xFE")
           && (name == NULL || g_str_equal (name, "UTF-16") || g_str_equal (name, "UTF-16LE")))
    {
      name = "UTF-16LE";
      bom = 2;
    }
  else if (has_bom (self->raw, "\xFE\xFF")
           && (name == NULL || g_str_equal (name, "UTF-16") || g_str_equal (name, "UTF-16BE")))
    {
      name = "UTF-16BE";
      bom = 2;
    }
  else if (name != NULL && g_str_equal (name, "UTF-16"))
    name = "UTF-16LE";  /* what Windows means by "Unicode" */
  else if (name == NULL)
    {
      const guchar *data = self->raw->data;
      gsize length = self->raw->len;
      guint valid = 0;
      guint invalid = 0;

      /* A few bad bytes in otherwise good UTF-8 are damage to report, not a sign of CP932, in
       * which runs of valid multi-byte UTF-8 are rare. */
      for (gsize pos = 0; pos < length;)
        {
          gunichar c;

          if (data[pos] < 0x80)
            {
              pos++;
              continue;
            }
          c = g_utf8_get_char_validated ((const char *) data + pos, length - pos);
          if (c == (gunichar) -2 && !self->eof && utf8_incomplete (data + pos, length - pos))
            break;
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              invalid++;
              pos++;
            }
          else
            {
              valid++;
              pos = g_utf8_next_char (data + pos) - (const char *) data;
            }
        }
      name = invalid == 0 || valid > 9 * invalid ? "UTF-8" : "CP932";
    }

  self->encoding = g_strdup (name);
  self->charset = g_str_equal (name, "UTF-8-BOM") ? "UTF-8" : self->encoding;
  if (!g_str_equal (self->charset, "UTF-8"))
    {
      self->converter = g_iconv_open ("UTF-8", self->charset);
      if (self->converter == (GIConv) -1)
        return fail (self, error, CB_CSV_ERROR_ENCODING, 0, 0, _("unknown encoding “%s”"), requested);
    }

  g_byte_array_remove_range (self->raw, 0, bom);
  self->raw_offset = bom;
  return TRUE;
}

static CbCsvReader *
reader_new (GInputStream        *stream,
            const char          *name,
            goffset              size,
            const CbCsvOptions  *options,
            GError             **error)
{
  g_autoptr(CbCsvReader) self = g_object_new (CB_TYPE_CSV_READER, NULL);
  const char *candidates;

  self->stream = g_object_ref (stream);
  self->name = g_strdup (name);
  self->size = size;

  if (!read_chunk (self, error)
      || !choose_encoding (self, options != NULL ? options->encoding : NULL, error))
    return NULL;
  decode (self);
  self->consumed = self->bytes_read;
  if (self->eof)
    self->sha256 = g_strdup (self->file_sha256);

  /* Excel's "Unicode text" is UTF-16 with tabs. */
  candidates = g_str_has_prefix (self->encoding, "UTF-16") ? "\t,;" : ",;\t";
  if (options != NULL && options->delimiter != '\0')
    self->delimiter = options->delimiter;
  else
    self->delimiter = detect_delimiter (self->text->data, self->text->len, self->eof && !self->invalid,
                                        candidates);
  csv_set_delim (&self->parser, self->delimiter);

  return g_steal_pointer (&self);
}

static gboolean
valid_delimiter (char delimiter)
{
  return delimiter == '\0' || delimiter == '\t'
         || (g_ascii_isprint (delimiter) && delimiter != '"');
}

CbCsvReader *
cb_csv_reader_new (const char          *path,
                   const CbCsvOptions  *options,
                   GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options == NULL || valid_delimiter (options->delimiter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CB_CSV_ERROR, CB_CSV_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  return reader_new (G_INPUT_STREAM (stream), path, g_file_info_get_size (info), options, error);
}

CbCsvReader *
cb_csv_reader_new_for_bytes (GBytes              *bytes,
                             const char          *name,
                             const CbCsvOptions  *options,
                             GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (options == NULL || valid_delimiter (options->delimiter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return reader_new (stream, name, g_bytes_get_size (bytes), options, error);
}

const char *
cb_csv_reader_get_name (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), NULL);

  return self->name;
}

guint
cb_csv_reader_get_line (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), 0);

  return self->n_rows > 0 ? self->row_line : 0;
}

const char *
cb_csv_reader_get_encoding (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), NULL);

  return self->encoding;
}

char
cb_csv_reader_get_delimiter (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), '\0');

  return self->delimiter;
}

const char *
cb_csv_reader_get_sha256 (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), NULL);

  return self->sha256;
}

goffset
cb_csv_reader_get_size (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), 0);

  return self->size;
}

goffset
cb_csv_reader_get_bytes_read (CbCsvReader *self)
{
  g_return_val_if_fail (CB_IS_CSV_READER (self), 0);

  return self->consumed;
}
