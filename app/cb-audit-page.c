#include <glib/gi18n.h>

#include "cb-audit-field-change.h"
#include "cb-audit-page.h"
#include "cb-field-label.h"
#include "cb-record-list.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

struct _CbAuditPage
{
  GtkWidget     parent_instance;

  CbRecordList *list;
};

static void cb_audit_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbAuditPage, cb_audit_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_audit_page_view_init))

static void
append_value (GString    *text,
              const char *value)
{
  g_autofree char *line = g_strdup (value);

  g_string_append (text, g_strdelimit (line, "\r\n\t", ' '));
}

/* "FY2026Q2 · GROUP · CSMG.D3 — Level: 2 → 3; Owner: CISO": the row of @table changed, by its key,
 * and what changed in it, on one line, with the fields and their enumerated values labelled. */
static char *
describe_changes (const char *table,
                  GPtrArray  *changes)
{
  GString *row = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const CbAuditFieldChange *change = changes->pdata[i];

      if (change->key && g_strcmp0 (change->old_value, change->new_value) == 0)
        {
          if (row->len > 0)
            g_string_append (row, " · ");
          append_value (row, cb_field_label_table_value (table, change->field, change->new_value));
          continue;
        }
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: ", cb_field_label_title (change->field));
      if (change->old_value != NULL)
        append_value (text, cb_field_label_table_value (table, change->field, change->old_value));
      if (change->old_value != NULL && change->new_value != NULL)
        g_string_append (text, " → ");
      if (change->new_value != NULL)
        append_value (text, cb_field_label_table_value (table, change->field, change->new_value));
    }
  if (row->len > 0)
    g_string_prepend (text, g_string_append (row, " — ")->str);
  g_string_free (row, TRUE);
  return g_string_free (text, FALSE);
}

static void
cb_audit_page_show (CbWorkbookView   *view,
                    CbWorkbook       *workbook,
                    const CbSnapshot *snapshot)
{
  CbAuditPage *self = CB_AUDIT_PAGE (view);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  cb_record_list_begin (self->list);
  entries = cb_audit_list (workbook, 0, &error);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const CbAuditEntry *entry = entries->pdata[i];
      g_autoptr(GPtrArray) changes = cb_audit_field_changes (workbook, entry, &error);
      g_autofree char *when = cb_field_label_time (entry->at, cb_workbook_get_time_zone (workbook));
      g_autofree char *row = entry->row_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->row_id) : NULL;
      g_autofree char *described = NULL;
      const char *texts[6];

      if (changes == NULL)
        break;
      described = describe_changes (entry->table_name, changes);
      texts[0] = when;
      texts[1] = entry->user;
      texts[2] = entry->action;
      texts[3] = entry->table_name;
      texts[4] = row;
      texts[5] = described;
      cb_record_list_append (self->list, entry->id, NULL, texts);
    }
  cb_record_list_end (self->list);
  if (error != NULL)
    cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
}

static void
cb_audit_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_audit_page_show;
}

static void
cb_audit_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_AUDIT_PAGE);
  G_OBJECT_CLASS (cb_audit_page_parent_class)->dispose (object);
}

static void
cb_audit_page_class_init (CbAuditPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_audit_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbAuditPage, list);
}

static void
cb_audit_page_init (CbAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cb_record_list_add_column (self->list, _("When"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("User"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("Action"), CB_COLUMN_TAG, "action");
  cb_record_list_add_column (self->list, _("Data"), CB_COLUMN_TEXT, "table");
  cb_record_list_add_column (self->list, _("Row"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Changes"), CB_COLUMN_PROSE, NULL);
  cb_record_list_set_description (self->list, _("Audit log"), _("No Changes Yet"),
                                  _("Every change to the workbook will be listed here, newest first."));
}
