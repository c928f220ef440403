#include <glib/gi18n.h>

#include "cb-export-dialog.h"
#include "cb-exporter.h"
#include "cb-field-label.h"
#include "cb-workbook-choices.h"

struct _CbExportDialog
{
  AdwMessageDialog      parent_instance;

  AdwComboRow          *kind_row;
  AdwComboRow          *period_row;

  CbWindow             *window;    /* weak */
  char                 *workbook_path;
  GPtrArray            *periods;   /* canonical texts, as the period row lists them after "All" */
  GtkFileChooserNative *chooser;
  gboolean              saving;
};

G_DEFINE_FINAL_TYPE (CbExportDialog, cb_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* What the worker thread writes; copies, so the dialog's rows may change meanwhile. */
typedef struct
{
  char    *workbook_path;
  char    *kind;
  char    *period;
  GFile   *file;
  guint64  rows;
} Export;

static void
export_free (Export *export)
{
  g_free (export->workbook_path);
  g_free (export->kind);
  g_free (export->period);
  g_object_unref (export->file);
  g_free (export);
}

static const CbKind *
chosen_kind (CbExportDialog *self)
{
  guint n_kinds;
  const CbKind *const *kinds = cb_kind_all (&n_kinds);
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[selected < n_kinds ? selected : 0];
}

/* Only rows with a period, or incidents by the period they were detected in, can be filtered. */
static gboolean
kind_has_periods (const CbKind *kind)
{
  return cb_kind_has_period (kind) || g_str_equal (cb_kind_get_name (kind), "incidents");
}

static const char *
chosen_period (CbExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  if (!kind_has_periods (chosen_kind (self)) || selected == 0 || selected > self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, selected - 1);
}

static void
kind_changed_cb (CbExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), kind_has_periods (chosen_kind (self)));
}

/* Runs on a worker thread with a read-only connection of its own, so the window's connection is
 * never used from two threads. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(CbWorkbook) workbook = NULL;
  GError *error = NULL;

  workbook = cb_workbook_open (export->workbook_path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook != NULL
      && cb_export_kind_to_file (workbook, cb_kind_lookup (export->kind), export->period,
                                 g_file_peek_path (export->file),
                                 &export->rows, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CbExportDialog *self = CB_EXPORT_DIALOG (object);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *basename = g_file_get_basename (export->file);
      g_autofree char *rows = cb_field_label_number ((double) export->rows);

      /* Translators: %1$s is a number of rows, %2$s a file name. */
      message = g_strdup_printf (ngettext ("Exported %1$s row to “%2$s”", "Exported %1$s rows to “%2$s”",
                                           (gulong) export->rows), rows, basename);
    }
  else
    message = g_strdup (error->message);
  if (self->window != NULL)
    cb_window_add_toast (self->window, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen_cb (CbExportDialog       *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cb_export_dialog_save (self, file);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
  g_clear_object (&self->chooser);
}

static void
response_cb (CbExportDialog *self,
             const char     *response)
{
  const char *kind = cb_kind_get_name (chosen_kind (self));
  const char *period = chosen_period (self);
  g_autofree char *name = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!g_str_equal (response, "export"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  name = period != NULL ? g_strdup_printf ("%s-%s.csv", kind, period) : g_strdup_printf ("%s.csv", kind);
  self->chooser = gtk_file_chooser_native_new (_("Export Data"), parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cb_export_dialog_dispose (GObject *object)
{
  CbExportDialog *self = CB_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->workbook_path, g_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  G_OBJECT_CLASS (cb_export_dialog_parent_class)->dispose (object);
}

static void
cb_export_dialog_class_init (CbExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CbExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CbExportDialog, period_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
}

static void
cb_export_dialog_init (CbExportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const CbKind *const *all;
  guint n_kinds;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->periods = g_ptr_array_new_with_free_func (g_free);
  all = cb_kind_all (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (kinds, cb_field_label_value ("kind", cb_kind_get_name (all[i])));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_after (self, "response", G_CALLBACK (response_cb), NULL);
}

CbExportDialog *
cb_export_dialog_new (CbWindow *window)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new ((const char *[]) { _("All Periods"), NULL });
  g_autoptr(CbWorkbookChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  CbWorkbook *workbook;
  CbExportDialog *self;

  g_return_val_if_fail (CB_IS_WINDOW (window), NULL);
  g_return_val_if_fail (cb_window_get_workbook (window) != NULL, NULL);

  workbook = cb_window_get_workbook (window);
  self = g_object_new (CB_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->workbook_path = g_strdup (cb_workbook_get_path (workbook));

  /* The periods the window offers: those with data, which are the ones worth exporting. */
  choices = cb_workbook_choices_new (workbook, &error);
  if (choices == NULL)
    cb_window_add_toast (window, adw_toast_new (error->message));
  for (guint i = 0; choices != NULL && i < choices->periods->len; i++)
    {
      char *text = cb_period_to_string (&g_array_index (choices->periods, CbPeriod, i));

      gtk_string_list_append (periods, text);
      g_ptr_array_add (self->periods, text);
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));
  kind_changed_cb (self);
  return self;
}

void
cb_export_dialog_select (CbExportDialog *self,
                         const char     *kind,
                         const char     *period)
{
  guint n_kinds;
  const CbKind *const *all = cb_kind_all (&n_kinds);
  guint index;

  g_return_if_fail (CB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (cb_kind_lookup (kind) != NULL);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (cb_kind_get_name (all[i]), kind))
      adw_combo_row_set_selected (self->kind_row, i);
  if (period == NULL)
    adw_combo_row_set_selected (self->period_row, 0);
  else if (g_ptr_array_find_with_equal_func (self->periods, period, g_str_equal, &index))
    adw_combo_row_set_selected (self->period_row, index + 1);
}

void
cb_export_dialog_save (CbExportDialog *self,
                       GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (CB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->saving);

  self->saving = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  export = g_new0 (Export, 1);
  export->workbook_path = g_strdup (self->workbook_path);
  export->kind = g_strdup (cb_kind_get_name (chosen_kind (self)));
  export->period = g_strdup (chosen_period (self));
  export->file = g_object_ref (file);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, cb_export_dialog_save);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}
