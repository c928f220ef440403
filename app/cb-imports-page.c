#include <glib/gi18n.h>

#include "cb-batch.h"
#include "cb-confirm-dialog.h"
#include "cb-field-label.h"
#include "cb-imports-page.h"
#include "cb-record-list.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

struct _CbImportsPage
{
  GtkWidget     parent_instance;

  CbRecordList *list;

  CbWorkbook   *workbook;
  GPtrArray    *batches;   /* CbBatch, as listed */
};

static void cb_imports_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbImportsPage, cb_imports_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_imports_page_view_init))

static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static void
cb_imports_page_show (CbWorkbookView   *view,
                      CbWorkbook       *workbook,
                      const CbSnapshot *snapshot)
{
  CbImportsPage *self = CB_IMPORTS_PAGE (view);
  g_autoptr(GError) error = NULL;
  gboolean editable;

  g_set_object (&self->workbook, workbook);
  cb_record_list_set_workbook (self->list, workbook);
  editable = cb_record_list_get_editable (self->list);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  self->batches = cb_batch_list (workbook, &error);
  if (self->batches == NULL)
    cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);

  cb_record_list_begin (self->list);
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      const CbBatch *batch = self->batches->pdata[i];
      g_autofree char *when = cb_field_label_time (batch->imported_at, cb_workbook_get_time_zone (workbook));
      g_autofree char *read = format_count (batch->rows_read);
      g_autofree char *inserted = format_count (batch->rows_inserted);
      g_autofree char *updated = format_count (batch->rows_updated);
      const char *texts[] = {
        when, batch->kind, batch->file_name, read, inserted, updated, batch->undone_at != 0 ? "undone" : "in_force",
        batch->undone_at == 0 && editable ? _("Undo…") : NULL, batch->user, batch->encoding, batch->sha256,
      };

      cb_record_list_append (self->list, batch->id, NULL, texts);
    }
  cb_record_list_end (self->list);
}

static void
cb_imports_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_imports_page_show;
}

static const CbBatch *
find_batch (CbImportsPage *self,
            gint64         id)
{
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    if (((CbBatch *) self->batches->pdata[i])->id == id)
      return self->batches->pdata[i];
  return NULL;
}

typedef struct
{
  CbImportsPage *page;
  gint64         id;
  char          *file_name;
} UndoRequest;

static void
undo_request_free (UndoRequest *request)
{
  g_object_unref (request->page);
  g_free (request->file_name);
  g_free (request);
}

static void
undo_confirmed (gpointer user_data)
{
  UndoRequest *request = user_data;
  CbImportsPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->workbook == NULL)
    return;
  if (!cb_batch_undo (self->workbook, request->id, &error))
    {
      cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
      return;
    }
  /* Translators: %s is the file an import read. */
  message = g_strdup_printf (_("The import of “%s” was undone"), request->file_name);
  cb_undo_toast_show (GTK_WIDGET (self), message, NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
undo_requested_cb (CbImportsPage *self,
                   gint64         id)
{
  const CbBatch *batch = find_batch (self, id);
  g_autofree char *inserted = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *body = NULL;
  UndoRequest *request;

  g_return_if_fail (batch != NULL);

  inserted = format_count (batch->rows_inserted);
  updated = format_count (batch->rows_updated);
  /* Translators: %1$s is a file name, %2$s and %3$s are numbers of rows. */
  body = g_strdup_printf (_("Undoing the import of “%1$s” removes the rows it added (%2$s) and gives the rows it "
                            "changed (%3$s) their earlier values back. Only importing the file again brings "
                            "them back."),
                          batch->file_name, inserted, updated);
  request = g_new0 (UndoRequest, 1);
  request->page = g_object_ref (self);
  request->id = id;
  request->file_name = g_strdup (batch->file_name);
  cb_confirm_dialog_present (GTK_WIDGET (self), _("Undo Import?"), body, _("_Undo Import"), undo_confirmed, request,
                             (GDestroyNotify) undo_request_free);
}

static void
cb_imports_page_dispose (GObject *object)
{
  CbImportsPage *self = CB_IMPORTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_IMPORTS_PAGE);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  G_OBJECT_CLASS (cb_imports_page_parent_class)->dispose (object);
}

static void
cb_imports_page_class_init (CbImportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_imports_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbImportsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, undo_requested_cb);
}

static void
cb_imports_page_init (CbImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cb_record_list_add_column (self->list, _("Imported"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("Data"), CB_COLUMN_TEXT, "kind");
  cb_record_list_add_column (self->list, _("File"), CB_COLUMN_PROSE, NULL);
  cb_record_list_add_column (self->list, _("Rows"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Added"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Updated"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("State"), CB_COLUMN_TAG, "batch");
  cb_record_list_add_column (self->list, _("Undo"), CB_COLUMN_BUTTON, NULL);
  cb_record_list_add_column (self->list, _("User"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("Encoding"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("SHA-256"), CB_COLUMN_PROSE, NULL);
  cb_record_list_set_description (self->list, _("Imports"), _("No Imports Yet"),
                                  _("Each import is listed here with the file it read, so it can be traced and undone."));
}
