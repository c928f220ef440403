#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-evidence.h"
#include "cb-field-label.h"
#include "cb-items-page.h"
#include "cb-record-list.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

struct _CbItemsPage
{
  GtkWidget             parent_instance;

  GtkLabel             *scope_label;
  CbRecordList         *list;

  GtkWidget            *evidence_group;
  GtkListBox           *evidence_list;
  GtkWidget            *attach_button;
  GtkFileChooserNative *chooser;

  CbWorkbook           *workbook;
  GStrv                 item_keys;  /* CSMG.D1.. as shown; a row's key is its index here plus one */
};

static void cb_items_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbItemsPage, cb_items_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_items_page_view_init))

static const CbKind *
assessments (void)
{
  return cb_kind_lookup ("assessments");
}

/* The entity's own assessment of @item_key, or a new one to fill in. */
static CbRecord *
assessment_for (GPtrArray  *records,
                const char *period,
                const char *entity,
                const char *item_key)
{
  CbRecord *record;

  for (guint i = 0; i < records->len; i++)
    {
      record = records->pdata[i];
      if (g_strcmp0 (cb_record_get (record, "entity"), entity) == 0
          && g_strcmp0 (cb_record_get (record, "item_key"), item_key) == 0)
        return cb_record_ref (record);
    }
  record = cb_record_new (assessments ());
  cb_record_set (record, "period", period);
  cb_record_set (record, "entity", entity);
  cb_record_set (record, "item_key", item_key);
  return record;
}

static gboolean
has_subsidiaries (CbWorkbook *workbook,
                  const char *entity)
{
  g_autoptr(GPtrArray) entities = cb_workbook_list_records (workbook, cb_kind_lookup ("entities"), NULL, NULL);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    if (g_strcmp0 (cb_record_get (entities->pdata[i], "parent_code"), entity) == 0)
      return TRUE;
  return FALSE;
}

/* A group's items are its subtree's roll-up, while the pane edits the group company's own row. */
static void
show_scope (CbItemsPage      *self,
            const CbSnapshot *snapshot)
{
  const char *name = g_str_equal (cb_application_get_name_language (), "ja") ? snapshot->entity_name_ja
                                                                             : snapshot->entity_name_en;
  g_autofree char *text = NULL;

  if (name == NULL)
    name = snapshot->entity_code;
  if (!has_subsidiaries (self->workbook, snapshot->entity_code))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->scope_label), FALSE);
      return;
    }
  /* Translators: %s is an entity's name, twice. */
  text = g_strdup_printf (_("Levels, targets and statuses are those of %s and its subsidiaries together; "
                            "selecting an item edits the assessment of %s itself."), name, name);
  gtk_label_set_text (self->scope_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_label), TRUE);
}

static void
report_error (CbItemsPage  *self,
              const GError *error)
{
  cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
}

static void
cb_items_page_show (CbWorkbookView   *view,
                    CbWorkbook       *workbook,
                    const CbSnapshot *snapshot)
{
  CbItemsPage *self = CB_ITEMS_PAGE (view);
  /* A year shows, and edits, the assessments of its last quarter, which its figures come from. */
  CbPeriod quarter = cb_period_last_quarter (&snapshot->period);
  g_autofree char *period = cb_period_to_string (&quarter);
  CbRecordFilter filter = { snapshot->audience, period };
  g_autoptr(GPtrArray) records = NULL;
  gboolean japanese = g_str_equal (cb_application_get_name_language (), "ja");

  g_set_object (&self->workbook, workbook);
  cb_record_list_set_workbook (self->list, workbook);
  show_scope (self, snapshot);

  records = cb_record_list_fetch (self->list, assessments (), &filter);

  g_strfreev (self->item_keys);
  self->item_keys = g_new0 (char *, G_N_ELEMENTS (snapshot->guideline.items) + 1);
  cb_record_list_begin (self->list);
  for (guint i = 0; i < G_N_ELEMENTS (snapshot->guideline.items); i++)
    {
      const CbSnapshotItem *item = &snapshot->guideline.items[i];
      g_autoptr(CbRecord) record = assessment_for (records, period, snapshot->entity_code, item->key);
      g_autofree char *number = g_strdup_printf ("%d", item->number);
      g_autofree char *level = cb_field_label_figure (item->level, 1, NULL);
      g_autofree char *target = cb_field_label_figure (item->target, 1, NULL);
      g_autofree char *gap = cb_field_label_figure (item->gap, 1, NULL);
      g_autofree char *evidence = g_strdup_printf ("%u", item->n_evidence);
      const char *texts[] = {
        number,
        japanese ? item->title_ja : item->title_en,
        level, target, gap, item->status, item->owner, item->due_date, evidence,
        item->overdue ? "overdue" : NULL,
      };

      self->item_keys[i] = g_strdup (item->key);
      cb_record_list_append (self->list, i + 1, record, texts);
    }
  cb_record_list_end (self->list);
}

static void
cb_items_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_items_page_show;
}

static void
list_changed_cb (CbItemsPage *self)
{
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static gboolean
remove_evidence (CbWorkbook  *workbook,
                 gpointer     user_data,
                 GError     **error)
{
  return cb_evidence_remove (workbook, *(gint64 *) user_data, error);
}

static void
remove_clicked_cb (GtkButton   *button,
                   CbItemsPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "cb-evidence-id");
  const char *title = g_object_get_data (G_OBJECT (button), "cb-evidence-title");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!cb_evidence_remove (self->workbook, *id, &error))
    {
      report_error (self, error);
      return;
    }
  /* Translators: %s is the title of a document attached as evidence. */
  message = g_strdup_printf (_("“%s” removed from the evidence"), title);
  cb_undo_toast_show (GTK_WIDGET (self), message, NULL, NULL, NULL);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static GtkWidget *
evidence_row (CbItemsPage      *self,
              const CbEvidence *evidence,
              gboolean          editable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *remove;

  if (evidence->sha256 != NULL)
    /* Translators: under a document's title: where it is, then the SHA-256 of the file as attached. */
    subtitle = g_strdup_printf (_("%s\nSHA-256 %s"), evidence->location, evidence->sha256);
  else
    /* Translators: under a document's title when it is a URL or a file not on this computer. */
    subtitle = g_strdup_printf (_("%s\nNo SHA-256: not a file on this computer"), evidence->location);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "evidence");

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the accessible name of the button that removes a document from the evidence. */
  remove_label = g_strdup_printf (_("Remove “%s”"), evidence->title);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_sensitive (remove, editable);
  g_object_set_data_full (G_OBJECT (remove), "cb-evidence-id", g_memdup2 (&evidence->id, sizeof evidence->id), g_free);
  g_object_set_data_full (G_OBJECT (remove), "cb-evidence-title", g_strdup (evidence->title), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_note_row (CbItemsPage *self,
              const char  *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (self->evidence_list, label);
}

static void
show_evidence (CbItemsPage *self)
{
  CbRecord *record = cb_record_list_get_selected_record (self->list);
  gint64 id = record != NULL ? cb_record_get_id (record) : 0;
  gboolean editable = cb_record_list_get_editable (self->list);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);
  gtk_widget_set_visible (self->evidence_group, record != NULL);
  gtk_widget_set_sensitive (self->attach_button, id > 0 && editable);
  if (record == NULL)
    return;
  if (id == 0)
    {
      add_note_row (self, _("Save the assessment to attach evidence to it."));
      return;
    }

  evidence = cb_evidence_list (self->workbook, id, &error);
  if (evidence == NULL)
    {
      report_error (self, error);
      return;
    }
  for (guint i = 0; i < evidence->len; i++)
    gtk_list_box_append (self->evidence_list, evidence_row (self, evidence->pdata[i], editable));
  if (evidence->len == 0)
    add_note_row (self, _("No evidence attached yet."));
}

static void
selection_changed_cb (CbItemsPage *self)
{
  show_evidence (self);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CbItemsPage     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CbRecord *record = cb_record_list_get_selected_record (self->list);
  gint64 *id;

  if (response != GTK_RESPONSE_ACCEPT || record == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  title = g_file_get_basename (file);
  id = g_new (gint64, 1);
  *id = cb_evidence_attach (self->workbook, cb_record_get_id (record), title, path, &error);
  if (*id == 0)
    {
      g_free (id);
      report_error (self, error);
      return;
    }
  /* Translators: %s is the file name of a document attached as evidence. */
  message = g_strdup_printf (_("“%s” attached as evidence"), title);
  cb_undo_toast_show (GTK_WIDGET (self), message, remove_evidence, id, g_free);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
attach_clicked_cb (CbItemsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The evidence of the selected item, under its fields in the side pane. */
static void
build_evidence_group (CbItemsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("Evidence"));
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);

  self->attach_button = gtk_button_new_with_mnemonic (_("_Attach…"));
  gtk_widget_set_tooltip_text (self->attach_button, _("Attach a document; its SHA-256 is recorded now"));
  g_signal_connect_swapped (self->attach_button, "clicked", G_CALLBACK (attach_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->attach_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  gtk_box_append (GTK_BOX (box), list);

  self->evidence_group = box;
  self->evidence_list = GTK_LIST_BOX (list);
  cb_record_list_set_pane_extra (self->list, box);
}

/* items.show-item("CSMG.D3"): selects that item, as the Overview's radar opens it. */
static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CbItemsPage *self = CB_ITEMS_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->item_keys != NULL && self->item_keys[i] != NULL; i++)
    if (g_str_equal (self->item_keys[i], key))
      {
        cb_record_list_select_key (self->list, i + 1);
        return;
      }
  gtk_widget_error_bell (widget);
}

static void
set_up_columns (CbItemsPage *self)
{
  cb_record_list_add_column (self->list, _("No."), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Item"), CB_COLUMN_PROSE, NULL);
  cb_record_list_add_column (self->list, _("Level"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Target"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Gap"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Status"), CB_COLUMN_TAG, "status");
  cb_record_list_add_column (self->list, _("Owner"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("Due"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->list, _("Evidence"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->list, _("Attention"), CB_COLUMN_TAG, "attention");
  cb_record_list_set_description (self->list, _("Guideline items"), _("No Guideline Items"),
                                  _("The framework of this workbook defines no items."));
}

static void
cb_items_page_dispose (GObject *object)
{
  CbItemsPage *self = CB_ITEMS_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_ITEMS_PAGE);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->item_keys, g_strfreev);
  G_OBJECT_CLASS (cb_items_page_parent_class)->dispose (object);
}

static void
cb_items_page_class_init (CbItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_items_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-items-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbItemsPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, CbItemsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, list_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_install_action (widget_class, "items.show-item", "s", show_item_action);
}

static void
cb_items_page_init (CbItemsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_columns (self);
  build_evidence_group (self);
}
