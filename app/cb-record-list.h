#pragma once

#include <adwaita.h>

#include "cb-record.h"

G_BEGIN_DECLS

#define CB_TYPE_RECORD_LIST (cb_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CbRecordList, cb_record_list, CB, RECORD_LIST, GtkWidget)

/* How a column shows and sorts its text. */
typedef enum
{
  CB_COLUMN_TEXT,    /* sorted as text */
  CB_COLUMN_PROSE,   /* text that takes the room the other columns leave */
  CB_COLUMN_NUMBER,  /* right-aligned, sorted by value */
  CB_COLUMN_TAG,     /* a coloured tag named after the canonical value ("tag-board") */
  CB_COLUMN_BUTTON,  /* a button per row that has a label for it; emits "row-action" */
} CbColumnType;

/**
 * CbRecordList:
 *
 * Every list of Cyberboard: a sortable, searchable GtkColumnView of rows. A row has a key, the
 * texts of the page's own columns and, when it stands for a row of the record layer, a CbRecord
 * whose fields fill the field columns. Selecting a row that has a record opens it in a side pane
 * to edit field by field; saving, deleting and adding write through the record layer, refusals
 * show next to their field, and the last change can be undone from the toast that reports it.
 *
 * Columns come first, then rows: cb_record_list_begin(), cb_record_list_append() per row,
 * cb_record_list_end(), which keeps the selected key selected.
 */

GtkWidget *cb_record_list_new                  (void);

/* Adds a column for each field of @kind named in @fields. */
void       cb_record_list_add_field_columns    (CbRecordList         *self,
                                                const CbKind         *kind,
                                                const char *const    *fields);

/**
 * cb_record_list_add_column:
 * @vocabulary: (nullable): the field whose value labels translate the column's canonical texts
 *   (see cb_field_label_value()); NULL shows the texts as they are
 *
 * Adds a column filled from the rows' texts, in the order the columns are added.
 */
void       cb_record_list_add_column           (CbRecordList         *self,
                                                const char           *title,
                                                CbColumnType          type,
                                                const char           *vocabulary);

/* Names the list for assistive technologies and says what an empty list means. */
void       cb_record_list_set_description      (CbRecordList         *self,
                                                const char           *accessible_name,
                                                const char           *empty_title,
                                                const char           *empty_description);

/* The workbook rows are written to; a read-only workbook makes the list read-only. */
void       cb_record_list_set_workbook         (CbRecordList         *self,
                                                CbWorkbook           *workbook);

/* Whether the list may change the workbook: it is writable and the window not in evaluator mode. */
gboolean   cb_record_list_get_editable         (CbRecordList         *self);

/* The values a new row starts with; NULL (the default) offers no "Add". */
void       cb_record_list_set_template         (CbRecordList         *self,
                                                CbRecord             *template_record);

/* A widget shown in the side pane under the selected row's fields. */
void       cb_record_list_set_pane_extra       (CbRecordList         *self,
                                                GtkWidget            *widget);

/* The rows of @kind @filter lets through, read from the list's workbook; a failure is reported in
 * a toast and gives no rows. */
GPtrArray *cb_record_list_fetch                (CbRecordList         *self,
                                                const CbKind         *kind,
                                                const CbRecordFilter *filter);

void       cb_record_list_begin                (CbRecordList         *self);
/* @record: (nullable); @texts: the texts of the columns added with cb_record_list_add_column(),
 * NULL for an empty cell (a button column's NULL shows no button). */
void       cb_record_list_append               (CbRecordList         *self,
                                                gint64                key,
                                                CbRecord             *record,
                                                const char *const    *texts);
/* Appends each record of @records with its id as the key and no texts. */
void       cb_record_list_append_records       (CbRecordList         *self,
                                                GPtrArray            *records);
void       cb_record_list_end                  (CbRecordList         *self);

gboolean   cb_record_list_get_selected_key     (CbRecordList         *self,
                                                gint64               *key);
/* Selects the row of @key, opening its record in the side pane; FALSE when no row has it. */
gboolean   cb_record_list_select_key           (CbRecordList         *self,
                                                gint64                key);

/* The record of the selected row, or NULL. */
CbRecord  *cb_record_list_get_selected_record  (CbRecordList         *self);

G_END_DECLS
