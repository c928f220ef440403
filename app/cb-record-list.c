#include <glib/gi18n.h>

#include "cb-field-label.h"
#include "cb-record-editor.h"
#include "cb-record-list.h"
#include "cb-undo-toast.h"

/* One row: its texts as stored and as shown, per column. */
#define CB_TYPE_LIST_ROW (cb_list_row_get_type ())
G_DECLARE_FINAL_TYPE (CbListRow, cb_list_row, CB, LIST_ROW, GObject)

struct _CbListRow
{
  GObject    parent_instance;
  gint64     key;
  CbRecord  *record;
  guint      n_columns;
  char     **raw;      /* canonical text, NULL when empty */
  char     **shown;
  char      *search;   /* every shown text, for the search entry */
};

G_DEFINE_FINAL_TYPE (CbListRow, cb_list_row, G_TYPE_OBJECT)

static void
cb_list_row_finalize (GObject *object)
{
  CbListRow *row = CB_LIST_ROW (object);

  for (guint i = 0; i < row->n_columns; i++)
    {
      g_free (row->raw[i]);
      g_free (row->shown[i]);
    }
  g_free (row->raw);
  g_free (row->shown);
  g_free (row->search);
  g_clear_pointer (&row->record, cb_record_unref);
  G_OBJECT_CLASS (cb_list_row_parent_class)->finalize (object);
}

static void
cb_list_row_class_init (CbListRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_list_row_finalize;
}

static void
cb_list_row_init (CbListRow *row)
{
}

typedef struct
{
  CbRecordList  *self;
  guint          index;
  CbColumnType   type;
  char          *vocabulary;
  const CbKind  *kind;
  int            field;      /* a field of @kind, or -1 for a column of the rows' texts */
  guint          text;       /* the index into the rows' texts */
} Column;

static void
column_free (Column *column)
{
  g_free (column->vocabulary);
  g_free (column);
}

/* What undoing the change a toast reports does: remove an added row, or write back a row as it
 * was before it was changed or deleted. */
typedef struct
{
  const CbKind *kind;
  gint64        remove_id;
  CbRecord     *restore;
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_pointer (&undo->restore, cb_record_unref);
  g_free (undo);
}

struct _CbRecordList
{
  GtkWidget           parent_instance;

  GtkWidget          *panes;
  GtkWidget          *pane;
  GtkWidget          *pane_separator;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkWidget          *add_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *pane_title;
  GtkBox             *pane_box;
  CbRecordEditor     *editor;

  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkStringFilter    *filter;

  GPtrArray          *columns;
  guint               n_texts;
  GPtrArray          *pending;      /* rows between begin and end */
  CbWorkbook         *workbook;
  CbRecord           *template_record;
  GtkWidget          *pane_extra;
  char               *empty_title;
  char               *empty_description;

  gint64              selected_key;
  gboolean            has_selection;
  gboolean            refilling;
  gboolean            editable;
  gboolean            filled;       /* the columns are complete: rows have been shown */
};

G_DEFINE_FINAL_TYPE (CbRecordList, cb_record_list, GTK_TYPE_WIDGET)

enum { CHANGED, SELECTION_CHANGED, ROW_ACTION, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
column_raw (Column            *column,
            CbRecord          *record,
            const char *const *texts)
{
  if (column->field >= 0)
    return record != NULL ? cb_record_get_nth (record, column->field) : NULL;
  return texts != NULL ? texts[column->text] : NULL;
}

static char *
column_shown (Column     *column,
              const char *raw)
{
  if (raw == NULL)
    return NULL;
  if (column->field >= 0 && cb_kind_get_field (column->kind, column->field)->type == CB_FIELD_TIMESTAMP)
    return cb_field_label_timestamp (raw);
  if (column->field >= 0 && cb_kind_get_field (column->kind, column->field)->type == CB_FIELD_NUMBER)
    return cb_field_label_number (g_ascii_strtod (raw, NULL));
  if (column->vocabulary != NULL)
    return g_strdup (cb_field_label_value (column->vocabulary, raw));
  return g_strdup (raw);
}

static CbListRow *
list_row_new (CbRecordList       *self,
              gint64              key,
              CbRecord           *record,
              const char *const  *texts)
{
  CbListRow *row = g_object_new (CB_TYPE_LIST_ROW, NULL);
  GString *search = g_string_new (NULL);

  row->key = key;
  row->record = record != NULL ? cb_record_ref (record) : NULL;
  row->n_columns = self->columns->len;
  row->raw = g_new0 (char *, row->n_columns);
  row->shown = g_new0 (char *, row->n_columns);
  for (guint i = 0; i < row->n_columns; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      row->raw[i] = g_strdup (column_raw (column, record, texts));
      row->shown[i] = column_shown (column, row->raw[i]);
      /* A button's label is not what the row says. */
      if (row->shown[i] != NULL && column->type != CB_COLUMN_BUTTON)
        g_string_append_printf (search, "%s\n", row->shown[i]);
    }
  row->search = g_string_free (search, FALSE);
  return row;
}

static char *
row_search_text (CbListRow *row)
{
  return g_strdup (row->search);
}

/* Rows sort by the order of an enumeration's values, by number, or by text; an empty cell sorts
 * after any value. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Column *column = user_data;
  const CbListRow *x = a, *y = b;
  const char *p = x->raw[column->index], *q = y->raw[column->index];

  if (p == NULL || q == NULL)
    return (p == NULL) - (q == NULL);
  if (column->type == CB_COLUMN_NUMBER)
    {
      double u = g_ascii_strtod (p, NULL), v = g_ascii_strtod (q, NULL);
      return (u > v) - (u < v);
    }
  if (column->field >= 0)
    {
      const CbField *field = cb_kind_get_field (column->kind, column->field);
      if (field->type == CB_FIELD_ENUM)
        {
          int i = -1, j = -1;
          for (int k = 0; field->values[k] != NULL; k++)
            {
              if (g_str_equal (field->values[k], p))
                i = k;
              if (g_str_equal (field->values[k], q))
                j = k;
            }
          return (i > j) - (i < j);
        }
    }
  return g_utf8_collate (x->shown[column->index], y->shown[column->index]);
}

/* The whole text of a prose cell, asked for only when the pointer rests on it: a tooltip set as
 * each row is bound costs a round trip to the display server per cell. */
static gboolean
prose_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Column                   *column)
{
  GtkWidget *child;

  if (column->type == CB_COLUMN_BUTTON)
    {
      child = gtk_button_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "flat");
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), column->type == CB_COLUMN_NUMBER ? 1 : 0);
      /* Codes, dates and numbers are read whole, scrolling sideways if need be; prose gets some
       * room and ends in an ellipsis, with the whole text in the tooltip. */
      if (column->type == CB_COLUMN_PROSE)
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (child), 24);
          gtk_widget_set_has_tooltip (child, TRUE);
          g_signal_connect (child, "query-tooltip", G_CALLBACK (prose_query_tooltip_cb), NULL);
        }
      if (column->type == CB_COLUMN_NUMBER)
        gtk_widget_add_css_class (child, "numeric");
      if (column->type == CB_COLUMN_TAG)
        {
          gtk_widget_set_halign (child, GTK_ALIGN_START);
          gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (child, "tag");
        }
    }
  gtk_list_item_set_child (item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  CbListRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *raw = row->raw[column->index];
  const char *shown = row->shown[column->index];

  if (column->type == CB_COLUMN_BUTTON)
    {
      gtk_button_set_label (GTK_BUTTON (child), shown != NULL ? shown : "");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "x", row->key);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "list.row-action");
      gtk_widget_set_visible (child, shown != NULL);
      return;
    }
  gtk_label_set_text (GTK_LABEL (child), shown != NULL ? shown : "");
  if (column->type == CB_COLUMN_TAG)
    {
      g_autofree char *tag = raw != NULL ? g_strdup_printf ("tag-%s", raw) : NULL;

      gtk_widget_set_visible (child, raw != NULL);
      if (tag != NULL)
        gtk_widget_add_css_class (child, tag);
      g_object_set_data_full (G_OBJECT (child), "cb-tag", g_steal_pointer (&tag), g_free);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                Column                   *column)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *tag = g_object_get_data (G_OBJECT (child), "cb-tag");

  if (tag != NULL)
    gtk_widget_remove_css_class (child, tag);
}

static void
add_column (CbRecordList *self,
            Column       *column,
            const char   *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_if_fail (!self->filled);

  column->self = self;
  column->index = self->columns->len;
  g_ptr_array_add (self->columns, column);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), column);
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column->type != CB_COLUMN_BUTTON)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_column_set_expand (view_column, column->type == CB_COLUMN_PROSE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* The fields that hold names and sentences rather than codes. */
static const char *const prose_fields[] = {
  "name", "name_ja", "name_en", "title", "text_ja", "text_en", "comment", "services", "detection_detail", NULL
};

void
cb_record_list_add_field_columns (CbRecordList       *self,
                                  const CbKind       *kind,
                                  const char *const  *fields)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));
  g_return_if_fail (kind != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      Column *column = g_new0 (Column, 1);
      const CbField *field;

      column->kind = kind;
      column->field = cb_kind_find_field (kind, fields[i]);
      g_return_if_fail (column->field >= 0);
      field = cb_kind_get_field (kind, column->field);
      column->vocabulary = g_strdup (field->name);
      if (g_str_equal (field->name, "confidentiality"))
        column->type = CB_COLUMN_TAG;
      else if (field->type == CB_FIELD_INTEGER || field->type == CB_FIELD_NUMBER)
        column->type = CB_COLUMN_NUMBER;
      else if (g_strv_contains (prose_fields, field->name))
        column->type = CB_COLUMN_PROSE;
      else
        column->type = CB_COLUMN_TEXT;
      add_column (self, column, cb_field_label_title (field->name));
    }
}

void
cb_record_list_add_column (CbRecordList *self,
                           const char   *title,
                           CbColumnType  type,
                           const char   *vocabulary)
{
  Column *column;

  g_return_if_fail (CB_IS_RECORD_LIST (self));

  column = g_new0 (Column, 1);
  column->type = type;
  column->vocabulary = g_strdup (vocabulary);
  column->field = -1;
  column->text = self->n_texts++;
  add_column (self, column, title);
}

void
cb_record_list_set_description (CbRecordList *self,
                                const char   *accessible_name,
                                const char   *empty_title,
                                const char   *empty_description)
{
  g_autofree char *search = NULL;

  g_return_if_fail (CB_IS_RECORD_LIST (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  /* Translators: the accessible name of a list's search entry, e.g. "Search Suppliers". */
  search = g_strdup_printf (_("Search %s"), accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
  g_free (self->empty_title);
  g_free (self->empty_description);
  self->empty_title = g_strdup (empty_title);
  self->empty_description = g_strdup (empty_description);
}

static CbWindow *
list_window (CbRecordList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return CB_IS_WINDOW (root) ? CB_WINDOW (root) : NULL;
}

/* An evaluator changes nothing but the evaluation. */
static void
update_actions (CbRecordList *self)
{
  CbWindow *window = list_window (self);

  self->editable = self->workbook != NULL && !cb_workbook_is_read_only (self->workbook)
                   && !(window != NULL && cb_window_is_evaluator_mode (window));
  gtk_widget_set_visible (self->add_button, self->template_record != NULL && self->editable);
}

void
cb_record_list_set_workbook (CbRecordList *self,
                             CbWorkbook   *workbook)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));

  g_set_object (&self->workbook, workbook);
  update_actions (self);
}

gboolean
cb_record_list_get_editable (CbRecordList *self)
{
  g_return_val_if_fail (CB_IS_RECORD_LIST (self), FALSE);
  return self->editable;
}

void
cb_record_list_set_template (CbRecordList *self,
                             CbRecord     *template_record)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));

  g_clear_pointer (&self->template_record, cb_record_unref);
  self->template_record = template_record != NULL ? cb_record_ref (template_record) : NULL;
  update_actions (self);
}

void
cb_record_list_set_pane_extra (CbRecordList *self,
                               GtkWidget    *widget)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));

  if (self->pane_extra != NULL)
    gtk_box_remove (self->pane_box, self->pane_extra);
  self->pane_extra = widget;
  if (widget != NULL)
    gtk_box_append (self->pane_box, widget);
}

static CbListRow *
selected_row (CbRecordList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The first two texts of a row name it: a code and a name, an id and a title. */
static char *
row_title (CbListRow *row)
{
  GString *title = g_string_new (NULL);

  for (guint i = 0, n = 0; i < row->n_columns && n < 2; i++)
    if (row->shown[i] != NULL)
      g_string_append_printf (title, "%s%s", n++ ? " — " : "", row->shown[i]);
  return g_string_free (title, FALSE);
}

static void
show_in_pane (CbRecordList *self,
              const char   *title,
              CbRecord     *record)
{
  gtk_label_set_text (self->pane_title, title);
  cb_record_editor_set_record (self->editor, record, self->editable);
  gtk_widget_set_visible (self->pane, record != NULL);
  gtk_widget_set_visible (self->pane_separator, record != NULL);
}

static void
selection_changed (CbRecordList *self)
{
  CbListRow *row = selected_row (self);

  self->has_selection = row != NULL;
  self->selected_key = row != NULL ? row->key : 0;
  if (row != NULL && row->record != NULL)
    {
      g_autofree char *title = row_title (row);
      show_in_pane (self, title, row->record);
    }
  else
    show_in_pane (self, NULL, NULL);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
selected_cb (GtkSingleSelection *selection,
             GParamSpec         *pspec,
             CbRecordList       *self)
{
  if (!self->refilling)
    selection_changed (self);
}

static void
update_state (CbRecordList *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *count = NULL;

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u row", "%u rows", total), total);
  else
    /* Translators: how many rows the search leaves, e.g. "3 of 60 rows". */
    count = g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", total), shown, total);
  gtk_label_set_text (self->count_label, count);

  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, self->empty_title != NULL ? self->empty_title : _("No Rows"));
      adw_status_page_set_description (self->empty_page, self->empty_description);
    }
  else if (shown == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("No row matches the search."));
    }
  gtk_stack_set_visible_child_name (self->stack, shown == 0 ? "empty" : "rows");
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  CbRecordList *self)
{
  update_state (self);
}

GPtrArray *
cb_record_list_fetch (CbRecordList         *self,
                      const CbKind         *kind,
                      const CbRecordFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  g_return_val_if_fail (CB_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (self->workbook != NULL, NULL);

  records = cb_workbook_list_records (self->workbook, kind, filter, &error);
  if (records != NULL)
    return records;
  cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cb_record_unref);
}

void
cb_record_list_begin (CbRecordList *self)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

void
cb_record_list_append (CbRecordList       *self,
                       gint64              key,
                       CbRecord           *record,
                       const char *const  *texts)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));
  g_return_if_fail (self->pending != NULL);

  g_ptr_array_add (self->pending, list_row_new (self, key, record, texts));
}

void
cb_record_list_append_records (CbRecordList *self,
                               GPtrArray    *records)
{
  g_return_if_fail (CB_IS_RECORD_LIST (self));

  for (guint i = 0; i < records->len; i++)
    cb_record_list_append (self, cb_record_get_id (records->pdata[i]), records->pdata[i], NULL);
}

static guint
position_of_key (CbRecordList *self,
                 gint64        key)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CbListRow) row = g_list_model_get_item (model, i);
      if (row->key == key)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Without a column of prose to take the room left, an empty column does, so the rows' lines and
 * the header reach across the list instead of stopping short. */
static void
fill_width (CbRecordList *self)
{
  g_autoptr(GtkColumnViewColumn) filler = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    if (((Column *) self->columns->pdata[i])->type == CB_COLUMN_PROSE)
      return;
  filler = gtk_column_view_column_new (NULL, NULL);
  gtk_column_view_column_set_expand (filler, TRUE);
  gtk_column_view_append_column (self->column_view, filler);
}

void
cb_record_list_end (CbRecordList *self)
{
  gboolean had_selection = self->has_selection;
  gint64 key = self->selected_key;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (CB_IS_RECORD_LIST (self));
  g_return_if_fail (self->pending != NULL);

  rows = g_steal_pointer (&self->pending);
  if (!self->filled)
    fill_width (self);
  self->filled = TRUE;
  self->refilling = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->selection,
                                     had_selection ? position_of_key (self, key) : GTK_INVALID_LIST_POSITION);
  self->refilling = FALSE;
  /* A new row being written in the pane stays there while the list around it refreshes. */
  if (had_selection || !gtk_widget_get_visible (self->pane))
    selection_changed (self);
}

gboolean
cb_record_list_get_selected_key (CbRecordList *self,
                                 gint64       *key)
{
  g_return_val_if_fail (CB_IS_RECORD_LIST (self), FALSE);

  if (key != NULL)
    *key = self->selected_key;
  return self->has_selection;
}

CbRecord *
cb_record_list_get_selected_record (CbRecordList *self)
{
  CbListRow *row;

  g_return_val_if_fail (CB_IS_RECORD_LIST (self), NULL);

  row = selected_row (self);
  return row != NULL ? row->record : NULL;
}

gboolean
cb_record_list_select_key (CbRecordList *self,
                           gint64        key)
{
  guint position;

  g_return_val_if_fail (CB_IS_RECORD_LIST (self), FALSE);

  position = position_of_key (self, key);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static gboolean
undo_change (CbWorkbook  *workbook,
             gpointer     user_data,
             GError     **error)
{
  Undo *undo = user_data;

  if (undo->restore != NULL)
    return cb_workbook_save_record (workbook, undo->restore, 0, NULL, NULL, error);
  return cb_workbook_delete_record (workbook, undo->kind, undo->remove_id, error);
}

/* Names the row a change is about: the selected row by its first texts, a new one by its key. */
static char *
change_subject (CbRecordList *self,
                CbRecord     *record)
{
  CbListRow *row = selected_row (self);
  const CbKind *kind = cb_record_get_kind (record);
  GString *subject;

  if (row != NULL)
    return row_title (row);
  subject = g_string_new (NULL);
  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    if (cb_kind_get_field (kind, i)->key && cb_record_get_nth (record, i) != NULL)
      g_string_append_printf (subject, "%s%s", subject->len ? " · " : "", cb_record_get_nth (record, i));
  return g_string_free (subject, FALSE);
}

/* Tells the window the workbook changed, offering to undo it when @undo says how. */
static void
report_change (CbRecordList *self,
               const char   *message,
               Undo         *undo)
{
  cb_undo_toast_show (GTK_WIDGET (self), message, undo != NULL ? undo_change : NULL, undo,
                      (GDestroyNotify) undo_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
editor_save_cb (CbRecordEditor *editor,
                CbRecordList   *self)
{
  g_autoptr(CbRecord) record = cb_record_editor_build_record (editor);
  CbRecord *before = cb_record_editor_get_record (editor);
  gboolean is_new = cb_record_get_id (before) == 0;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *message = NULL;
  gboolean inserted = FALSE;
  Undo *undo;

  cb_record_editor_show_message (editor, NULL, NULL);
  if (!cb_workbook_save_record (self->workbook, record, 0, &inserted, &field, &error))
    {
      cb_record_editor_show_message (editor, field, error->message);
      return;
    }

  subject = change_subject (self, record);
  /* A new row whose key another row has already changes that row, whose values were not shown
   * here: saying so is honest, offering to undo it would not be. */
  if (is_new && !inserted)
    {
      /* Translators: %s names a row, e.g. “S001 — Hokuto Logistics”. */
      message = g_strdup_printf (_("“%s” already existed and was updated"), subject);
      report_change (self, message, NULL);
      return;
    }
  undo = g_new0 (Undo, 1);
  undo->kind = cb_record_get_kind (record);
  if (inserted)
    undo->remove_id = cb_record_get_id (record);
  else
    undo->restore = cb_record_ref (before);
  /* A row added with "Add" is selected once the list shows it; a row of the list keeps its key. */
  if (!self->has_selection)
    {
      self->has_selection = TRUE;
      self->selected_key = cb_record_get_id (record);
    }
  /* Translators: %s names a row, e.g. “CSMG.D3 — Secure resources”. */
  message = g_strdup_printf (inserted ? _("“%s” added") : _("“%s” changed"), subject);
  report_change (self, message, undo);
}

static void
editor_delete_cb (CbRecordEditor *editor,
                  CbRecordList   *self)
{
  CbRecord *record = cb_record_editor_get_record (editor);
  g_autofree char *subject = change_subject (self, record);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  Undo *undo;

  if (!cb_workbook_delete_record (self->workbook, cb_record_get_kind (record), cb_record_get_id (record), &error))
    {
      cb_record_editor_show_message (editor, NULL, error->message);
      return;
    }
  undo = g_new0 (Undo, 1);
  undo->kind = cb_record_get_kind (record);
  undo->restore = cb_record_ref (record);
  self->has_selection = FALSE;
  show_in_pane (self, NULL, NULL);
  /* Translators: %s names a row, e.g. “INC-2026-014 — Ransomware at the Hanoi plant”. */
  message = g_strdup_printf (_("“%s” deleted"), subject);
  report_change (self, message, undo);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CbRecordList   *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (GtkSearchEntry *entry,
                CbRecordList   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CbRecordList *self = CB_RECORD_LIST (widget);

  if (self->template_record == NULL || !self->editable)
    return;
  self->refilling = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->refilling = FALSE;
  self->has_selection = FALSE;
  show_in_pane (self, _("New Row"), self->template_record);
}

static void
close_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CbRecordList *self = CB_RECORD_LIST (widget);

  self->refilling = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->refilling = FALSE;
  self->has_selection = FALSE;
  show_in_pane (self, NULL, NULL);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_signal_emit (widget, signals[ROW_ACTION], 0, g_variant_get_int64 (parameter));
}

static void
cb_record_list_dispose (GObject *object)
{
  CbRecordList *self = CB_RECORD_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_RECORD_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->template_record, cb_record_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  G_OBJECT_CLASS (cb_record_list_parent_class)->dispose (object);
}

static void
cb_record_list_finalize (GObject *object)
{
  CbRecordList *self = CB_RECORD_LIST (object);

  g_ptr_array_unref (self->columns);
  g_free (self->empty_title);
  g_free (self->empty_description);
  G_OBJECT_CLASS (cb_record_list_parent_class)->finalize (object);
}

static void
cb_record_list_class_init (CbRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_record_list_dispose;
  object_class->finalize = cb_record_list_finalize;

  /* The list wrote to the workbook: the figures around it are out of date. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ROW_ACTION] = g_signal_new ("row-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CB_TYPE_RECORD_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, panes);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, pane);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, count_label);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, add_button);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, stack);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, pane_title);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, pane_box);
  gtk_widget_class_bind_template_child (widget_class, CbRecordList, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "list.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "list.close-pane", NULL, close_pane_action);
  gtk_widget_class_install_action (widget_class, "list.row-action", "x", row_action);
}

static void
cb_record_list_init (CbRecordList *self)
{
  GtkExpression *search;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);

  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (row_search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (search);
  self->store = g_list_store_new (CB_TYPE_LIST_ROW);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);
  g_signal_connect (self->sorted, "items-changed", G_CALLBACK (items_changed_cb), self);
  update_state (self);
}

GtkWidget *
cb_record_list_new (void)
{
  return g_object_new (CB_TYPE_RECORD_LIST, NULL);
}
