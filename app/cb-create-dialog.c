#include <glib/gi18n.h>

#include "cb-create-dialog.h"
#include "cb-field-label.h"

typedef struct
{
  CbWorkbook *workbook;
  GtkListBox *list;
  GtkLabel   *error_label;
} CbCreateDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CbCreateDialog, cb_create_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_WORKBOOK,
  N_PROPS
};

enum
{
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
response_cb (CbCreateDialog *self,
             const char     *response)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  id = CB_CREATE_DIALOG_GET_CLASS (self)->create (self, priv->workbook, &error);
  if (id == 0)
    {
      gtk_label_set_text (priv->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cb_create_dialog_dispose (GObject *object)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (CB_CREATE_DIALOG (object));

  g_clear_object (&priv->workbook);
  G_OBJECT_CLASS (cb_create_dialog_parent_class)->dispose (object);
}

static void
cb_create_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (CB_CREATE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, priv->workbook);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_create_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (CB_CREATE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      priv->workbook = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_create_dialog_class_init (CbCreateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_create_dialog_dispose;
  object_class->get_property = cb_create_dialog_get_property;
  object_class->set_property = cb_create_dialog_set_property;

  properties[PROP_WORKBOOK] = g_param_spec_object ("workbook", NULL, NULL, CB_TYPE_WORKBOOK,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cb_create_dialog_init (CbCreateDialog *self)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  priv->list = GTK_LIST_BOX (list);
  gtk_list_box_set_selection_mode (priv->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  priv->error_label = GTK_LABEL (error_label);
  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_xalign (priv->error_label, 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/* Appends row to the dialog's list of fields. */
void
cb_create_dialog_add_row (CbCreateDialog *self,
                          GtkWidget      *row)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);

  gtk_list_box_append (priv->list, row);
}

GtkEditable *
cb_create_dialog_append_entry_row (GtkListBox *list,
                                   const char *title,
                                   const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

GtkEditable *
cb_create_dialog_add_entry (CbCreateDialog *self,
                            const char     *title)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);

  return cb_create_dialog_append_entry_row (priv->list, title, NULL);
}

/* The row's items are shown through @label when it is not NULL; AdwComboRow 1.2 binds its items
 * as the model is set and does not bind them again for a later expression. */
static AdwComboRow *
add_combo_row (CbCreateDialog *self,
               const char     *title,
               GtkStringList  *model,
               GtkExpression  *label)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  cb_create_dialog_add_row (self, row);
  return ADW_COMBO_ROW (row);
}

AdwComboRow *
cb_create_dialog_add_combo (CbCreateDialog *self,
                            const char     *title,
                            GtkStringList  *labels)
{
  return add_combo_row (self, title, labels, NULL);
}

static char *
value_label (GtkStringObject *value,
             const char      *field)
{
  return g_strdup (cb_field_label_value (field, gtk_string_object_get_string (value)));
}

AdwComboRow *
cb_create_dialog_add_choice (CbCreateDialog     *self,
                             const char         *title,
                             const char         *field,
                             const char *const  *values,
                             const char         *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (values);
  g_autoptr(GtkExpression) label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (value_label),
                                                                (gpointer) g_intern_string (field), NULL);
  AdwComboRow *row = add_combo_row (self, title, model, label);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], selected) == 0)
      adw_combo_row_set_selected (row, i);
  return row;
}

const char *
cb_create_dialog_get_choice (AdwComboRow *row)
{
  GtkStringObject *value = adw_combo_row_get_selected_item (row);

  return value != NULL ? gtk_string_object_get_string (value) : NULL;
}

/* Names the label that shows why nothing was created, for screen readers. */
void
cb_create_dialog_set_error_name (CbCreateDialog *self,
                                 const char     *name)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Called when a field changes: the last refusal no longer applies to what is entered. */
void
cb_create_dialog_set_can_create (CbCreateDialog *self,
                                 gboolean        can_create)
{
  CbCreateDialogPrivate *priv = cb_create_dialog_get_instance_private (self);

  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", can_create);
}

/* The text of an optional field, or NULL when it is empty. */
const char *
cb_create_dialog_text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return *text != '\0' ? text : NULL;
}
