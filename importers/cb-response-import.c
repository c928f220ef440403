/* cb-response-import.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-response-import.h"
#include "cb-response-writer.h"
#include "cb-value-parse.h"

/* Rows go to the response writer when their codes, answer and date are known; any other row (an
 * unknown code, a date that is not one) goes the general way of every import, which explains it,
 * after the rows queued before it, so that rows are saved in file order. Queued rows keep a
 * copy of their cells: when the writer finds one already stored, they are saved the general way
 * too, with their own lines and columns for any message. While the writer inserts one slot of
 * rows, the next slot fills. */

typedef struct
{
  guint line;
  guint first;     /* of its cells in Slot.cells */
  guint n_cells;
} Pending;

typedef struct
{
  GStringChunk *texts;
  GPtrArray    *cells;
  GArray       *pending;
} Slot;

typedef struct
{
  CbImport         *import;
  const int        *columns;
  int               fields[7];  /* of text_fields */
  CbFieldType       types[7];
  CbResponseWriter *writer;
  Slot              slots[2];
  Slot             *filling;
  Slot             *inserting;
  GPtrArray        *row;         /* the copies of the row being read */
  char             *date_text;   /* the last date read, as written */
  char             *date;        /* and in canonical form */
} ResponseImport;

static const char *const text_fields[] = {
  "supplier_code", "questionnaire", "question_code", "answer", "answered_on", "comment", "evidence",
};

/* A cell as the general path reads it, NULL when empty: without the spaces around it or, in a
 * text field, the export's guard against formulas. FALSE for a cell too long for a spreadsheet,
 * which the general path reports. */
static gboolean
read_cell (Slot         *slot,
           CbFieldType   type,
           const char   *text,
           const char  **out)
{
  gsize length;
  const char *start;

  *out = NULL;
  if (strlen (text) > CB_IMPORT_MAX_CELL_LENGTH)
    return FALSE;
  start = cb_import_cell_text (type, text, &length);
  if (length == 0)
    return TRUE;
  if (start[length] != '\0')
    start = g_string_chunk_insert_len (slot->texts, start, length);
  *out = start;
  return TRUE;
}

/* The row as the writer takes it, or FALSE when it needs the general path. */
static gboolean
read_row (ResponseImport *self,
          GPtrArray      *cells,
          CbResponseText *row)
{
  const char *values[G_N_ELEMENTS (text_fields)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      int column = self->columns[self->fields[i]];

      if (column >= 0 && (guint) column < cells->len
          && !read_cell (self->filling, self->types[i], cells->pdata[column], &values[i]))
        return FALSE;
    }
  *row = (CbResponseText) {
    .supplier_code = values[0], .questionnaire = values[1], .question_code = values[2], .answer = values[3],
    .answered_on = values[4], .comment = values[5], .evidence = values[6],
  };
  if (row->questionnaire == NULL)
    row->questionnaire = self->import->options->questionnaire;

  /* Every date is read as the general path reads it (2026/4/1, 2026年4月1日, a year from 1900);
   * a file's rows share few dates, so the last one is remembered. */
  if (row->answered_on != NULL)
    {
      if (g_strcmp0 (row->answered_on, self->date_text) != 0)
        {
          g_autofree char *canonical = NULL;

          if (!cb_value_parse_date (row->answered_on, &canonical, NULL))
            return FALSE;
          g_free (self->date_text);
          g_free (self->date);
          self->date_text = g_strdup (row->answered_on);
          self->date = g_steal_pointer (&canonical);
        }
      row->answered_on = g_string_chunk_insert (self->filling->texts, self->date);
    }
  return TRUE;
}

static void
note_saved (ResponseImport *self,
            CbRecord       *record)
{
  CbResponseText row = {
    .supplier_code = cb_record_get (record, "supplier_code"),
    .questionnaire = cb_record_get (record, "questionnaire"),
    .answered_on = cb_record_get (record, "answered_on"),
  };

  cb_response_writer_note_saved (self->writer, &row);
}

static void
save_row (ResponseImport *self,
          GPtrArray      *cells,
          guint           line)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("responses"));

  if (cb_import_fill_record (self->import, record, self->columns, cells, line)
      && cb_import_save (self->import, record, line, self->columns, cells))
    note_saved (self, record);
}

static void
clear_slot (Slot *slot)
{
  g_ptr_array_set_size (slot->cells, 0);
  g_array_set_size (slot->pending, 0);
  g_string_chunk_clear (slot->texts);
}

/* Counts the slot's rows as inserted, or, when one of them was stored already and none went in,
 * saves them one by one; then empties the slot. */
static void
settle (ResponseImport *self,
        Slot           *slot,
        gboolean        collided)
{
  if (collided)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      for (guint i = 0; i < slot->pending->len; i++)
        {
          const Pending *pending = &g_array_index (slot->pending, Pending, i);

          g_ptr_array_set_size (cells, 0);
          for (guint c = 0; c < pending->n_cells; c++)
            g_ptr_array_add (cells, slot->cells->pdata[pending->first + c]);
          save_row (self, cells, pending->line);
        }
    }
  else
    {
      self->import->result->rows += slot->pending->len;
      self->import->result->inserted += slot->pending->len;
    }
  clear_slot (slot);
}

/* Waits for the rows the writer's thread is inserting. */
static gboolean
finish_insert (ResponseImport  *self,
               GError         **error)
{
  gboolean collided = FALSE;

  if (!cb_response_writer_wait (self->writer, &collided, error))
    return FALSE;
  settle (self, self->inserting, collided);
  return TRUE;
}

/* Hands the full slot to the writer's thread and fills the other meanwhile. */
static gboolean
start_insert (ResponseImport  *self,
              GError         **error)
{
  Slot *filled = self->filling;

  if (!finish_insert (self, error))
    return FALSE;
  self->filling = self->inserting;
  self->inserting = filled;
  cb_response_writer_start (self->writer);
  return TRUE;
}

/* Saves every queued row, so that the next may go the general way. */
static gboolean
flush (ResponseImport  *self,
       GError         **error)
{
  gboolean collided = FALSE;

  if (!finish_insert (self, error) || !cb_response_writer_flush (self->writer, &collided, error))
    return FALSE;
  settle (self, self->filling, collided);
  return TRUE;
}

/* Queues the row when the writer takes it. */
static gboolean
queue_row (ResponseImport *self,
           GPtrArray      *fields,
           guint           line)
{
  Slot *slot = self->filling;
  Pending pending = { .line = line, .first = slot->cells->len, .n_cells = fields->len };
  CbResponseText row;

  g_ptr_array_set_size (self->row, 0);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (self->row, g_string_chunk_insert (slot->texts, fields->pdata[i]));
  if (!read_row (self, self->row, &row) || !cb_response_writer_add (self->writer, &row))
    return FALSE;
  for (guint i = 0; i < self->row->len; i++)
    g_ptr_array_add (slot->cells, self->row->pdata[i]);
  g_array_append_val (slot->pending, pending);
  return TRUE;
}

gboolean
cb_response_import_rows (CbImport    *import,
                         const int   *columns,
                         GError     **error)
{
  const CbKind *kind = cb_kind_lookup ("responses");
  ResponseImport self = {
    .import = import,
    .columns = columns,
    .writer = cb_response_writer_new (import->workbook, import->batch_id),
    .row = g_ptr_array_new (),
  };
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      self.fields[i] = cb_kind_find_field (kind, text_fields[i]);
      self.types[i] = cb_kind_get_field (kind, self.fields[i])->type;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self.slots); i++)
    {
      self.slots[i].texts = g_string_chunk_new (64 * 1024);
      self.slots[i].cells = g_ptr_array_new ();
      self.slots[i].pending = g_array_new (FALSE, FALSE, sizeof (Pending));
    }
  self.filling = &self.slots[0];
  self.inserting = &self.slots[1];

  while (ok && cb_csv_reader_next_row (import->reader, &fields, &local_error))
    {
      guint line = cb_csv_reader_get_line (import->reader);

      if (cb_import_row_usable (import, fields, line))
        {
          if (!queue_row (&self, fields, line))
            {
              ok = flush (&self, error);
              if (ok)
                save_row (&self, fields, line);
            }
          else if (cb_response_writer_get_n_queued (self.writer) == CB_RESPONSE_WRITER_ROWS)
            ok = start_insert (&self, error);
        }
      ok = ok && cb_import_row_done (import, error);
    }
  if (ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  ok = ok && flush (&self, error);
  if (ok && import->result->n_errors == 0)
    {
      ok = cb_response_writer_finish (self.writer, error);
      import->assessments_scored = ok;
    }

  /* First: it waits for its thread to be done with the rows of a slot. */
  cb_response_writer_free (self.writer);
  for (guint i = 0; i < G_N_ELEMENTS (self.slots); i++)
    {
      g_string_chunk_free (self.slots[i].texts);
      g_ptr_array_unref (self.slots[i].cells);
      g_array_unref (self.slots[i].pending);
    }
  g_ptr_array_unref (self.row);
  g_free (self.date_text);
  g_free (self.date);
  return ok;
}
