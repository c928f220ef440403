#include <glib/gi18n.h>

#include "cb-field-label.h"
#include "cb-record-editor.h"

typedef struct
{
  guint              index;        /* into the kind's fields */
  GtkWidget         *row;
  GtkWidget         *message_row;
  GtkLabel          *message;
  const char *const *values;       /* a combo row's canonical values, after the empty one if any */
  gboolean           has_empty;
  gboolean           fixed;        /* shown, not edited */
} Field;

struct _CbRecordEditor
{
  GtkWidget   parent_instance;

  GtkLabel   *general_message;
  GtkListBox *fields_box;
  GtkWidget  *buttons;

  CbRecord   *record;
  GArray     *fields;
  gboolean    editable;
};

G_DEFINE_FINAL_TYPE (CbRecordEditor, cb_record_editor, GTK_TYPE_WIDGET)

enum { SAVE, DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const yes_no[] = { "yes", "no", NULL };

static Field *
find_field (CbRecordEditor *self,
            const char     *name)
{
  const CbKind *kind;

  if (self->record == NULL || name == NULL)
    return NULL;
  kind = cb_record_get_kind (self->record);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      if (g_str_equal (cb_kind_get_field (kind, field->index)->name, name))
        return field;
    }
  return NULL;
}

static void
clear_field_message (Field *field)
{
  gtk_widget_set_visible (field->message_row, FALSE);
  gtk_widget_remove_css_class (field->row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
field_edited_cb (GtkWidget      *row,
                 GParamSpec     *pspec,
                 CbRecordEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      if (field->row == row)
        clear_field_message (field);
    }
}

static void
entry_activated_cb (AdwEntryRow    *row,
                    CbRecordEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
label_row (GtkWidget  *row,
           const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static GtkWidget *
combo_row (CbRecordEditor *self,
           Field          *field,
           const CbField  *descriptor,
           const char     *value)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  field->values = descriptor->type == CB_FIELD_BOOLEAN ? yes_no : descriptor->values;
  field->has_empty = !descriptor->required && descriptor->fallback == NULL;
  if (field->has_empty)
    gtk_string_list_append (labels, "—");
  for (guint i = 0; field->values[i] != NULL; i++)
    {
      gtk_string_list_append (labels, cb_field_label_value (descriptor->name, field->values[i]));
      if (g_strcmp0 (value, field->values[i]) == 0)
        selected = i + field->has_empty;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (field_edited_cb), self);
  return row;
}

static GtkWidget *
field_row (CbRecordEditor *self,
           Field          *field,
           const CbField  *descriptor,
           const char     *value)
{
  GtkWidget *row;

  if (field->fixed)
    {
      GtkWidget *label = gtk_label_new (value != NULL ? value : "—");

      /* A value that cannot change reads like a property, beside its name. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      row = adw_action_row_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (descriptor->type == CB_FIELD_ENUM || descriptor->type == CB_FIELD_BOOLEAN)
    row = combo_row (self, field, descriptor, value);
  else
    {
      row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      g_signal_connect (row, "notify::text", G_CALLBACK (field_edited_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
    }
  label_row (row, cb_field_label_title (descriptor->name));
  gtk_widget_set_sensitive (row, field->fixed || self->editable);
  return row;
}

static GtkWidget *
message_row (Field *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (row, "field-message");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  field->message = GTK_LABEL (label);
  return row;
}

static void
clear_rows (CbRecordEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_list_box_remove (self->fields_box, child);
  g_array_set_size (self->fields, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->general_message), FALSE);
}

void
cb_record_editor_set_record (CbRecordEditor *self,
                             CbRecord       *record,
                             gboolean        editable)
{
  const CbKind *kind;
  gboolean is_new;

  g_return_if_fail (CB_IS_RECORD_EDITOR (self));

  clear_rows (self);
  g_clear_pointer (&self->record, cb_record_unref);
  self->editable = editable;
  gtk_widget_set_visible (self->buttons, record != NULL && editable);
  if (record == NULL)
    return;

  self->record = cb_record_ref (record);
  kind = cb_record_get_kind (record);
  is_new = cb_record_get_id (record) == 0;
  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *descriptor = cb_kind_get_field (kind, i);
      Field field = { .index = i, .fixed = descriptor->derived || (descriptor->key && !is_new) };

      field.row = field_row (self, &field, descriptor, cb_record_get_nth (record, i));
      field.message_row = message_row (&field);
      gtk_list_box_append (self->fields_box, field.row);
      gtk_list_box_append (self->fields_box, field.message_row);
      g_array_append_val (self->fields, field);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", !is_new);
}

CbRecord *
cb_record_editor_get_record (CbRecordEditor *self)
{
  g_return_val_if_fail (CB_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

static const char *
field_value (Field *field)
{
  guint selected;

  if (ADW_IS_ENTRY_ROW (field->row))
    return gtk_editable_get_text (GTK_EDITABLE (field->row));
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
  if (field->has_empty && selected == 0)
    return NULL;
  return field->values[selected - field->has_empty];
}

CbRecord *
cb_record_editor_build_record (CbRecordEditor *self)
{
  const CbKind *kind;
  CbRecord *copy;

  g_return_val_if_fail (CB_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (self->record != NULL, NULL);

  kind = cb_record_get_kind (self->record);
  copy = cb_record_new (kind);
  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    cb_record_set_nth (copy, i, cb_record_get_nth (self->record, i));
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      if (!field->fixed)
        cb_record_set_nth (copy, field->index, field_value (field));
    }
  return copy;
}

void
cb_record_editor_show_message (CbRecordEditor *self,
                               const char     *field_name,
                               const char     *message)
{
  Field *field;

  g_return_if_fail (CB_IS_RECORD_EDITOR (self));

  if (message == NULL)
    {
      for (guint i = 0; i < self->fields->len; i++)
        clear_field_message (&g_array_index (self->fields, Field, i));
      gtk_widget_set_visible (GTK_WIDGET (self->general_message), FALSE);
      return;
    }

  field = find_field (self, field_name);
  if (field == NULL)
    {
      gtk_label_set_text (self->general_message, message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_message), TRUE);
      return;
    }
  gtk_label_set_text (field->message, message);
  gtk_widget_set_visible (field->message_row, TRUE);
  gtk_widget_add_css_class (field->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (field->row);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbRecordEditor *self = CB_RECORD_EDITOR (widget);

  if (self->record != NULL && self->editable)
    g_signal_emit (self, signals[SAVE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CbRecordEditor *self = CB_RECORD_EDITOR (widget);

  if (self->record != NULL && self->editable)
    g_signal_emit (self, signals[DELETE], 0);
}

static void
cb_record_editor_dispose (GObject *object)
{
  CbRecordEditor *self = CB_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_RECORD_EDITOR);
  g_clear_pointer (&self->record, cb_record_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  G_OBJECT_CLASS (cb_record_editor_parent_class)->dispose (object);
}

static void
cb_record_editor_class_init (CbRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_record_editor_dispose;

  /* The form asks; whoever shows it writes, so undo and refusals stay in one place. */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CbRecordEditor, general_message);
  gtk_widget_class_bind_template_child (widget_class, CbRecordEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, CbRecordEditor, buttons);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
cb_record_editor_init (CbRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
}

GtkWidget *
cb_record_editor_new (void)
{
  return g_object_new (CB_TYPE_RECORD_EDITOR, NULL);
}
