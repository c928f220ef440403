#include <errno.h>
#include <sys/resource.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cb-batch.h"
#include "cb-catalog.h"
#include "cb-csv-reader.h"
#include "cb-exporter.h"
#include "cb-field-label.h"
#include "cb-field-map.h"
#include "cb-import-assistant.h"
#include "cb-mapping.h"
#include "cb-period.h"
#include "cb-record.h"
#include "cb-undo-toast.h"
#include "cb-wide-layout.h"
#include "cb-workbook-choices.h"

/* Data rows the preview shows. */
#define PREVIEW_ROWS 20
/* The widest a preview cell grows, in characters; longer text is cut short. */
#define PREVIEW_MAX_CHARS 28
/* Values of a column its row shows under the header. */
#define SAMPLE_VALUES 3

/* The choices of the encoding, delimiter and layout rows, in the order of their .ui models. */
static const char *const encodings[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "CP932" };
static const char delimiters[] = { 0, ',', ';', '\t' };
static const CbLayout layouts[] = { CB_LAYOUT_AUTO, CB_LAYOUT_LONG, CB_LAYOUT_WIDE };

/* The fields a wide responses file takes from a named column; the question columns are matched
 * by the importer itself. */
static const char *const wide_fields[] = { "supplier_code", "answered_on", NULL };

typedef struct
{
  char        *header;
  char        *sample;      /* the first values of the column, for the row's subtitle */
  int          auto_field;  /* the field the importer gives this column by its header, or -1 */
  int          field;       /* the field chosen for it, or -1 */
  AdwComboRow *row;
  GtkWidget   *icon;        /* on the row, shown when the column has a problem */
} Column;

/* One run of the importer on the worker thread. It owns copies of everything it reads, so the
 * widgets can change or go away while it runs. */
typedef struct
{
  GWeakRef        assistant;
  GMainContext   *context;
  GCancellable   *cancellable;
  char           *workbook_path;
  char           *user;
  char           *path;
  char           *kind;
  char           *encoding;
  char            delimiter;
  CbLayout        layout;
  GStrv           map;
  char           *entity;
  char           *period;
  char           *questionnaire;
  gboolean        dry_run;
  CbImportResult *result;
  int             permille;          /* progress, written by the worker */
  int             progress_pending;  /* a progress report waits in the main context */
} Job;

struct _CbImportAssistant
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *next_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwComboRow          *kind_row;
  GtkLabel             *preview_error;
  AdwComboRow          *encoding_row;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *saved_row;
  AdwPreferencesGroup  *defaults_group;
  AdwComboRow          *questionnaire_row;
  AdwComboRow          *entity_row;
  AdwEntryRow          *period_row;
  AdwPreferencesGroup  *columns_group;
  GtkRevealer          *mapping_revealer;
  GtkImage             *mapping_icon;
  GtkLabel             *mapping_status;
  GtkColumnView        *preview_view;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkImage             *check_icon;
  GtkLabel             *check_title;
  GtkLabel             *check_detail;
  GtkScrolledWindow    *problems_window;
  GtkColumnView        *problems_view;
  AdwStatusPage        *result_page;

  CbWindow             *window;          /* weak */
  CbWorkbook           *workbook;        /* the window's connection: mappings, choices and layout only */
  CbWorkbookChoices    *choices;
  GPtrArray            *questionnaires;  /* codes, as the questionnaire row lists them after "None" */
  GFile                *file;
  GPtrArray            *header;          /* the file's header texts, or NULL when it cannot be read */
  GArray               *columns;         /* Column, one per header text */
  GArray               *choices_fields;  /* field indices, as the column rows list them after "—" */
  gboolean              wide;
  gboolean              mapping_ok;
  guint                 updating;
  GtkFileChooserNative *chooser;
  Job                  *job;
  CbImportResult       *result;
  gboolean              ready;           /* the last dry run found nothing that stops the import */
  gboolean              close_when_done;
};

G_DEFINE_FINAL_TYPE (CbImportAssistant, cb_import_assistant, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions   (CbImportAssistant *self);
static void rebuild_mapping  (CbImportAssistant *self);

static void
column_clear (Column *column)
{
  g_free (column->header);
  g_free (column->sample);
}

static void
job_clear (Job *job)
{
  g_weak_ref_clear (&job->assistant);
  g_main_context_unref (job->context);
  g_object_unref (job->cancellable);
  g_free (job->workbook_path);
  g_free (job->user);
  g_free (job->path);
  g_free (job->kind);
  g_free (job->encoding);
  g_strfreev (job->map);
  g_free (job->entity);
  g_free (job->period);
  g_free (job->questionnaire);
  g_clear_pointer (&job->result, cb_import_result_free);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static const CbKind *
current_kind (CbImportAssistant *self)
{
  guint n_kinds;
  const CbKind *const *kinds = cb_kind_all (&n_kinds);
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[selected < n_kinds ? selected : 0];
}

static gboolean
kind_has_field (const CbKind *kind,
                const char   *name)
{
  return cb_kind_find_field (kind, name) >= 0;
}

static gboolean
is_responses (CbImportAssistant *self)
{
  return g_str_equal (cb_kind_get_name (current_kind (self)), "responses");
}

static const char *
page_name (CbImportAssistant *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_toast (CbImportAssistant *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The name of @file without its extension, to name what is made from it. */
static char *
file_stem (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_strndup (basename, strcspn (basename, "."));
}

static char *
format_count (gint64 count)
{
  return cb_field_label_number ((double) count);
}

static const char *
encoding_label (const char *name)
{
  if (g_str_equal (name, "UTF-8-BOM"))
    return _("UTF-8 with byte order mark");
  if (g_str_equal (name, "CP932"))
    return _("Shift_JIS (CP932)");
  return name;
}

static char *
delimiter_label (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return g_strdup (_("Comma"));
    case ';':
      return g_strdup (_("Semicolon"));
    case '\t':
      return g_strdup (_("Tab"));
    default:
      return g_strdup_printf ("“%c”", delimiter);
    }
}

/* What a row of a choice list says for field @index of @kind: its title and its import name, so
 * both a spreadsheet user and one who knows the CSV format recognise it. */
static char *
field_choice_label (const CbKind *kind,
                    int           index)
{
  const char *name = cb_kind_get_field (kind, index)->name;

  /* Translators: a field in the column mapping: its title, then the name the CSV header uses. */
  return g_strdup_printf (_("%s (%s)"), cb_field_label_title (name), name);
}

/* The field the importer gives a column headed @text when nothing overrides it: its own matching,
 * one header at a time, with every field counted as supplied so that only the match is asked. */
static int
auto_field (const CbKind *kind,
            const char   *text)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GPtrArray) supplied = g_ptr_array_new ();
  g_autoptr(CbFieldMap) map = NULL;
  guint n_fields = cb_kind_get_n_fields (kind);

  g_ptr_array_add (header, (gpointer) text);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (supplied, (gpointer) cb_kind_get_field (kind, i)->name);
  g_ptr_array_add (supplied, NULL);

  map = cb_field_map_new (kind, header, NULL, (const char * const *) supplied->pdata, NULL);
  for (guint i = 0; map != NULL && i < n_fields; i++)
    if (map->columns[i] == 0)
      return (int) i;
  return -1;
}

static const char *
chosen_entity (CbImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->entity_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->entity_row)) || self->choices == NULL
      || selected >= self->choices->entities->len)
    return NULL;
  return ((CbEntityChoice *) g_ptr_array_index (self->choices->entities, selected))->code;
}

static const char *
chosen_questionnaire (CbImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->questionnaire_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->questionnaire_row)) || selected == 0
      || selected > self->questionnaires->len)
    return NULL;
  return g_ptr_array_index (self->questionnaires, selected - 1);
}

/* The period typed for rows without one, canonical; NULL when there is none. @valid says whether
 * the text is empty or a period. */
static char *
chosen_period (CbImportAssistant *self,
               gboolean          *valid)
{
  g_autofree char *text = NULL;
  CbPeriod period;

  *valid = TRUE;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->period_row)))
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  if (*text == '\0')
    return NULL;
  if (!cb_period_parse (text, &period, NULL))
    {
      *valid = FALSE;
      return NULL;
    }
  return cb_period_to_string (&period);
}

/* FIELD=COLUMN for every column given a field: what the importer is told, and what is saved. */
static GStrv
build_map (CbImportAssistant *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const CbKind *kind = current_kind (self);

  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);
      g_autofree char *entry = NULL;

      if (column->field < 0)
        continue;
      entry = g_strdup_printf ("%s=%s", cb_kind_get_field (kind, column->field)->name, column->header);
      g_strv_builder_add (builder, entry);
    }
  return g_strv_builder_end (builder);
}

static void
set_busy (CbImportAssistant *self,
          Job               *job)
{
  if (self->job == job)
    return;
  g_clear_pointer (&self->job, job_unref);
  self->job = job != NULL ? job_ref (job) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Marks the row of @column with @message: an error (@error) or a warning; NULL clears it. */
static void
mark_column (Column     *column,
             const char *message,
             gboolean    error)
{
  gtk_widget_set_visible (column->icon, message != NULL);
  gtk_widget_set_tooltip_text (column->icon, message);
  gtk_widget_remove_css_class (column->icon, error ? "warning" : "error");
  gtk_widget_add_css_class (column->icon, error ? "error" : "warning");
  gtk_image_set_from_icon_name (GTK_IMAGE (column->icon), error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (column->row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL && error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (column->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (column->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_mapping_status (CbImportAssistant *self,
                     GPtrArray         *errors,
                     GPtrArray         *warnings)
{
  GPtrArray *shown = errors->len > 0 ? errors : warnings;
  g_autofree char *text = NULL;

  g_ptr_array_add (shown, NULL);
  text = g_strjoinv ("\n", (char **) shown->pdata);
  gtk_label_set_text (self->mapping_status, text);
  gtk_image_set_from_icon_name (self->mapping_icon, errors->len > 0 ? "dialog-error-symbolic"
                                                                    : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->mapping_icon), errors->len > 0 ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->mapping_icon), errors->len > 0 ? "error" : "warning");
  gtk_revealer_set_reveal_child (self->mapping_revealer, *text != '\0');
}

/* The checks that need no dry run: every required field has a column or a value for rows without
 * one, no field comes from two columns, and the period typed is a period. */
static void
update_mapping_status (CbImportAssistant *self)
{
  const CbKind *kind = current_kind (self);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = NULL;
  g_autofree int *given = NULL;
  gboolean period_valid;
  guint n_fields = cb_kind_get_n_fields (kind);

  period = chosen_period (self, &period_valid);
  if (period_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->period_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->period_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->period_row), GTK_ACCESSIBLE_STATE_INVALID,
                               period_valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
  if (!period_valid)
    g_ptr_array_add (errors, g_strdup (_("The period for rows without one is not a period such as FY2026Q2 or "
                                         "FY2026.")));

  /* Which column gives each field: the chosen ones, then, as the importer does, a column left
   * without a field whose header still names a field no other column gives. */
  given = g_new (int, n_fields);
  for (guint i = 0; i < n_fields; i++)
    given[i] = -1;
  for (guint i = 0; self->header != NULL && i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      g_autofree char *message = NULL;

      if (column->field >= 0 && given[column->field] >= 0)
        {
          Column *first = &g_array_index (self->columns, Column, given[column->field]);

          /* Translators: %1$s and %2$s are column headers of the file, %3$s a field. */
          message = g_strdup_printf (_("Columns “%1$s” and “%2$s” both give %3$s: choose one."), first->header,
                                     column->header, cb_field_label_title (cb_kind_get_field (kind, column->field)->name));
          mark_column (first, message, TRUE);
          g_ptr_array_add (errors, g_strdup (message));
        }
      else if (column->field >= 0)
        given[column->field] = (int) i;
      mark_column (column, message, TRUE);
    }
  for (guint i = 0; self->header != NULL && !self->wide && i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      char *message;

      if (column->field >= 0 || column->auto_field < 0 || given[column->auto_field] >= 0)
        continue;
      given[column->auto_field] = (int) i;
      /* Translators: %1$s is a column header of the file, %2$s a field. */
      message = g_strdup_printf (_("“%1$s” is still read as %2$s, since its header names that field; rename the "
                                   "column in the file to leave it out."),
                                 column->header, cb_field_label_title (cb_kind_get_field (kind, column->auto_field)->name));
      mark_column (column, message, FALSE);
      g_ptr_array_add (warnings, message);
    }

  /* A wide file's questions and answers come from the question columns, which the dry run checks. */
  for (guint i = 0; self->header != NULL && i < n_fields; i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);

      if (!field->required || given[i] >= 0)
        continue;
      if (self->wide && !g_strv_contains (wide_fields, field->name))
        continue;
      /* A period typed wrong is told above; its field needs no second message. */
      if ((g_str_equal (field->name, "period") && (period != NULL || !period_valid))
          || (g_str_equal (field->name, "entity") && chosen_entity (self) != NULL)
          || (g_str_equal (field->name, "questionnaire") && chosen_questionnaire (self) != NULL))
        continue;
      /* Translators: %s is a field, such as “Level”. */
      g_ptr_array_add (errors, g_strdup_printf (_("No column gives %s, which every row needs."),
                                                cb_field_label_title (field->name)));
    }

  self->mapping_ok = self->header != NULL && errors->len == 0;
  show_mapping_status (self, errors, warnings);
  update_actions (self);
}

static void
column_row_changed_cb (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       CbImportAssistant *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  Column *column;

  if (self->updating > 0 || self->columns == NULL || index >= self->columns->len)
    return;
  column = &g_array_index (self->columns, Column, index);
  column->field = selected > 0 && selected <= self->choices_fields->len
                  ? g_array_index (self->choices_fields, int, selected - 1) : -1;
  self->ready = FALSE;
  update_mapping_status (self);
}

static void
clear_column_rows (CbImportAssistant *self)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (column->row != NULL)
        adw_preferences_group_remove (self->columns_group, GTK_WIDGET (column->row));
      column->row = NULL;
      column->icon = NULL;
    }
}

static int
choice_position (CbImportAssistant *self,
                 int                field)
{
  for (guint i = 0; i < self->choices_fields->len; i++)
    if (g_array_index (self->choices_fields, int, i) == field)
      return (int) i + 1;
  return 0;
}

static int
find_column (CbImportAssistant *self,
             const char        *header)
{
  g_autofree char *wanted = cb_catalog_normalize (header);

  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *text = cb_catalog_normalize (g_array_index (self->columns, Column, i).header);

      if (g_strcmp0 (text, wanted) == 0)
        return (int) i;
    }
  return -1;
}

/* Gives the columns the fields of the saved mapping chosen in the saved-mapping row, the rest
 * their own by header as the importer would; FALSE when no saved mapping is chosen. */
static gboolean
apply_saved_mapping (CbImportAssistant *self)
{
  GListModel *names = adw_combo_row_get_model (self->saved_row);
  guint selected = adw_combo_row_get_selected (self->saved_row);
  const CbKind *kind = current_kind (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) saved = NULL;
  g_autofree gboolean *claimed = NULL;
  guint n_fields = cb_kind_get_n_fields (kind);

  if (names == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  saved = cb_mapping_load (self->workbook, cb_kind_get_name (kind),
                           gtk_string_list_get_string (GTK_STRING_LIST (names), selected), &error);
  if (saved == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  claimed = g_new0 (gboolean, n_fields);
  for (guint i = 0; i < self->columns->len; i++)
    g_array_index (self->columns, Column, i).field = -1;
  for (guint i = 0; saved[i] != NULL; i++)
    {
      const char *equals = strchr (saved[i], '=');
      g_autofree char *name = equals != NULL ? g_strndup (saved[i], equals - saved[i]) : NULL;
      int field = name != NULL ? cb_kind_find_field (kind, name) : -1;
      int column = equals != NULL ? find_column (self, equals + 1) : -1;

      if (field < 0 || column < 0 || choice_position (self, field) == 0)
        continue;
      g_array_index (self->columns, Column, column).field = field;
      claimed[field] = TRUE;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (column->field < 0 && column->auto_field >= 0 && !claimed[column->auto_field])
        {
          column->field = column->auto_field;
          claimed[column->auto_field] = TRUE;
        }
    }
  return TRUE;
}

static gboolean
detect_wide (CbImportAssistant *self)
{
  CbLayout layout = layouts[MIN (adw_combo_row_get_selected (self->layout_row), G_N_ELEMENTS (layouts) - 1)];
  CbImportOptions options = { .kind = "responses", .questionnaire = chosen_questionnaire (self) };

  if (!is_responses (self) || self->header == NULL)
    return FALSE;
  if (layout != CB_LAYOUT_AUTO)
    return layout == CB_LAYOUT_WIDE;
  return cb_wide_layout_detect (self->workbook, self->header, &options);
}

/* One combo row per column of the file, its field chosen as the importer would choose it, or as
 * the saved mapping says. */
static void
rebuild_mapping (CbImportAssistant *self)
{
  const CbKind *kind = current_kind (self);
  g_autoptr(GtkStringList) model = NULL;

  clear_column_rows (self);
  self->ready = FALSE;
  self->wide = detect_wide (self);
  g_array_set_size (self->choices_fields, 0);
  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);
      int index = (int) i;

      if (!field->derived && (!self->wide || g_strv_contains (wide_fields, field->name)))
        g_array_append_val (self->choices_fields, index);
    }

  if (self->wide)
    adw_preferences_group_set_description (self->columns_group,
                                           _("Each question column is matched to a question of the questionnaire "
                                             "by its code or its text. Choose here only which columns name the "
                                             "supplier and the answer date, when their headers do not say."));
  else
    adw_preferences_group_set_description (self->columns_group,
                                           _("Which field each column of the file gives. Columns set to “—” are "
                                             "not imported."));
  if (self->header == NULL)
    {
      update_mapping_status (self);
      return;
    }

  /* Translators: the choice of a column of a survey export that the importer reads as it sees fit. */
  model = gtk_string_list_new ((const char *[]) { self->wide ? _("Automatic") : "—", NULL });
  for (guint i = 0; i < self->choices_fields->len; i++)
    {
      g_autofree char *label = field_choice_label (kind, g_array_index (self->choices_fields, int, i));

      gtk_string_list_append (model, label);
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      column->auto_field = auto_field (kind, column->header);
      if (choice_position (self, column->auto_field) == 0)
        column->auto_field = -1;
      column->field = column->auto_field;
    }
  apply_saved_mapping (self);

  self->updating++;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      g_autofree char *title = NULL;

      if (column->header[0] != '\0')
        title = g_strdup (column->header);
      else
        /* Translators: a column of the file without a header; %u counts from 1. */
        title = g_strdup_printf (_("Column %u"), i + 1);
      column->row = ADW_COMBO_ROW (adw_combo_row_new ());
      /* Headers and values are the file's text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (column->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (column->row), title);
      if (column->sample != NULL && *column->sample != '\0')
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (column->row), column->sample);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (column->row), 1);
        }
      column->icon = gtk_image_new ();
      gtk_widget_set_visible (column->icon, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (column->row), column->icon);
      adw_combo_row_set_model (column->row, G_LIST_MODEL (model));
      adw_combo_row_set_selected (column->row, (guint) choice_position (self, column->field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (column->row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (column->row, "notify::selected", G_CALLBACK (column_row_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (column->row));
    }
  self->updating--;
  update_mapping_status (self);
}

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
  gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_MAX_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

/* A preview row is a GtkStringList: the line number, then the cells. */
static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, GPOINTER_TO_UINT (user_data));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
}

/* A column of @view showing string @index of each row's GtkStringList; @setup gets @width_chars. */
static void
add_text_column (GtkColumnView *view,
                 const char    *title,
                 guint          index,
                 int            width_chars,
                 GCallback      setup,
                 GCallback      bind,
                 gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, GINT_TO_POINTER (width_chars));
  g_signal_connect (factory, "bind", bind, GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

/* How wide @text reads, in characters of the average width: a CJK character takes two. */
static int
text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The width the preview's column @index needs for its title and the rows shown, up to
 * PREVIEW_MAX_CHARS: a table that scrolls sideways rather than cutting every cell short. */
static int
preview_width (CbImportAssistant *self,
               GListModel        *rows,
               guint              index)
{
  int width = text_width (index == 0 ? _("Line") : g_ptr_array_index (self->header, index - 1));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (rows, i);

      width = MAX (width, text_width (gtk_string_list_get_string (row, index)));
    }
  /* Average widths run narrower than capitals and CJK: one more keeps short cells whole. */
  return CLAMP (width + 1, 3, PREVIEW_MAX_CHARS);
}

static void
show_preview_rows (CbImportAssistant *self,
                   GListModel        *rows)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  remove_columns (self->preview_view);
  gtk_column_view_set_model (self->preview_view, NULL);
  if (self->header == NULL)
    return;
  for (guint i = 0; i <= self->header->len; i++)
    add_text_column (self->preview_view, i == 0 ? _("Line") : g_ptr_array_index (self->header, i - 1), i,
                     preview_width (self, rows, i), G_CALLBACK (preview_setup_cb), G_CALLBACK (preview_bind_cb), FALSE);
  selection = gtk_no_selection_new (g_object_ref (rows));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

static GtkStringList *
preview_row (guint      line,
             GPtrArray *fields)
{
  GtkStringList *row = gtk_string_list_new (NULL);
  g_autofree char *number = g_strdup_printf ("%u", line);

  gtk_string_list_append (row, number);
  for (guint i = 0; i < fields->len; i++)
    gtk_string_list_append (row, g_ptr_array_index (fields, i));
  return row;
}

/* The first few values of column @index of the preview @rows, which tell more than its header. */
static char *
column_sample (GListModel *rows,
               guint       index)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows) && values->len < SAMPLE_VALUES; i++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (rows, i);
      const char *text = gtk_string_list_get_string (row, index + 1);

      if (text != NULL && *text != '\0')
        g_ptr_array_add (values, (gpointer) text);
    }
  g_ptr_array_add (values, NULL);
  /* Translators: joins the first values of a column of the file: “SUP-001, SUP-002”. */
  return g_strjoinv (_(", "), (char **) values->pdata);
}

/* Reads the header and the first rows with the encoding and delimiter chosen (or detected), on
 * the main thread: it stops after PREVIEW_ROWS rows, which is quick even for a large file. */
static void
load_preview (CbImportAssistant *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(CbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  CbCsvOptions options = {
    .encoding = encodings[MIN (encoding, G_N_ELEMENTS (encodings) - 1)],
    .delimiter = delimiters[MIN (delimiter, G_N_ELEMENTS (delimiters) - 1)],
  };
  GPtrArray *fields;

  clear_column_rows (self);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_array_set_size (self->columns, 0);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only files on this computer can be imported."));
  else
    reader = cb_csv_reader_new (path, &options, &error);
  if (reader != NULL && cb_csv_reader_next_row (reader, &fields, &error))
    {
      self->header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < fields->len; i++)
        {
          Column column = { .header = g_strdup (g_ptr_array_index (fields, i)), .auto_field = -1, .field = -1 };

          g_ptr_array_add (self->header, g_strdup (column.header));
          g_array_append_val (self->columns, column);
        }
      for (guint n = 0; n < PREVIEW_ROWS && cb_csv_reader_next_row (reader, &fields, &error); n++)
        {
          g_autoptr(GtkStringList) row = preview_row (cb_csv_reader_get_line (reader), fields);

          g_list_store_append (rows, row);
        }
      for (guint i = 0; i < self->columns->len; i++)
        g_array_index (self->columns, Column, i).sample = column_sample (G_LIST_MODEL (rows), i);
    }

  if (reader != NULL)
    {
      const char *name = encoding_label (cb_csv_reader_get_encoding (reader));
      g_autofree char *separator = delimiter_label (cb_csv_reader_get_delimiter (reader));
      /* Translators: %s is an encoding or a delimiter the file was found to use. */
      g_autofree char *detected_encoding = g_strdup_printf (encoding == 0 ? _("Detected: %s") : _("Read as %s"), name);
      g_autofree char *detected_delimiter = g_strdup_printf (delimiter == 0 ? _("Detected: %s") : _("Read as %s"),
                                                             separator);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), detected_encoding);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), detected_delimiter);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), NULL);
    }
  gtk_label_set_text (self->preview_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), error != NULL);

  show_preview_rows (self, G_LIST_MODEL (rows));
  rebuild_mapping (self);
}

static void
load_saved_mappings (CbImportAssistant *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  names = cb_mapping_list (self->workbook, cb_kind_get_name (current_kind (self)), &error);
  if (names == NULL)
    show_toast (self, error->message);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (model, names[i]);
  self->updating++;
  adw_combo_row_set_model (self->saved_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->saved_row, 0);
  self->updating--;
  gtk_widget_set_visible (GTK_WIDGET (self->saved_row), names != NULL && names[0] != NULL);
}

/* Shows the rows for values of rows without one that the kind has, and the layout for responses. */
static void
show_kind_rows (CbImportAssistant *self)
{
  const CbKind *kind = current_kind (self);
  gboolean responses = is_responses (self);
  gboolean entity = kind_has_field (kind, "entity") && self->choices != NULL;
  gboolean period = kind_has_field (kind, "period");

  gtk_widget_set_visible (GTK_WIDGET (self->layout_row), responses);
  gtk_widget_set_visible (GTK_WIDGET (self->questionnaire_row), responses);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_row), entity);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), period);
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_group), responses || entity || period);
}

static void
kind_changed_cb (CbImportAssistant *self)
{
  if (self->workbook == NULL)
    return;
  show_kind_rows (self);
  load_saved_mappings (self);
  if (self->file != NULL)
    load_preview (self);
  update_actions (self);
}

static void
reading_changed_cb (CbImportAssistant *self)
{
  if (self->updating > 0 || self->file == NULL)
    return;
  load_preview (self);
}

static void
layout_changed_cb (CbImportAssistant *self)
{
  if (self->updating > 0 || self->file == NULL)
    return;
  rebuild_mapping (self);
}

static void
saved_mapping_changed_cb (CbImportAssistant *self)
{
  if (self->updating > 0 || self->file == NULL)
    return;
  rebuild_mapping (self);
}

static void
defaults_changed_cb (CbImportAssistant *self)
{
  if (self->updating > 0)
    return;
  self->ready = FALSE;
  update_mapping_status (self);
}

static void
set_page (CbImportAssistant *self,
          const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_actions (self);
}

/* What the header bar offers on each page. */
static void
update_actions (CbImportAssistant *self)
{
  const char *page = page_name (self);
  gboolean busy = self->job != NULL;
  const char *next_label = NULL;
  gboolean next_enabled = FALSE;
  const char *subtitle = NULL;

  if (g_strcmp0 (page, "choose") == 0)
    {
      next_label = self->file != NULL ? _("_Next") : NULL;
      next_enabled = self->file != NULL;
      subtitle = _("Step 1 of 4: File");
    }
  else if (g_strcmp0 (page, "preview") == 0)
    {
      next_label = _("_Check");
      next_enabled = self->mapping_ok;
      subtitle = _("Step 2 of 4: Columns");
    }
  else if (g_strcmp0 (page, "check") == 0)
    {
      next_label = self->ready ? _("_Import") : NULL;
      next_enabled = self->ready;
      subtitle = _("Step 3 of 4: Check");
    }
  else if (g_strcmp0 (page, "progress") == 0)
    subtitle = self->job != NULL && self->job->dry_run ? _("Step 3 of 4: Check") : _("Step 4 of 4: Import");
  else if (g_strcmp0 (page, "result") == 0)
    subtitle = _("Step 4 of 4: Import");

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_strcmp0 (page, "choose") != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (self->next_button, next_label);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", !busy && g_strcmp0 (page, "choose") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", !busy && next_enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.choose-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.cancel",
                                 busy && !g_cancellable_is_cancelled (self->job->cancellable));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.save-mapping",
                                 !busy && self->header != NULL && self->mapping_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.export-problems",
                                 self->result != NULL && self->result->problems->len > 0);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(CbImportAssistant) self = g_weak_ref_get (&job->assistant);

  g_atomic_int_set (&job->progress_pending, FALSE);
  if (self != NULL && self->job == job)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread; hands the fraction to the main thread, at most one report waiting
 * at a time, so a fast import cannot flood the main loop. */
static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&job->progress_pending, FALSE, TRUE))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, job_ref (job),
                                (GDestroyNotify) job_unref);
}

/* Runs on a worker thread with a connection of its own to the workbook: the window's connection
 * is never used from two threads, and SQLite's locking keeps the two apart. */
static void
run_job (GTask        *task,
         Job          *job,
         GCancellable *cancellable)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  GError *error = NULL;
  CbImportOptions options = {
    .kind = job->kind,
    .encoding = job->encoding,
    .delimiter = job->delimiter,
    .layout = job->layout,
    .map = (const char * const *) job->map,
    .entity = job->entity,
    .period = job->period,
    .questionnaire = job->questionnaire,
    .dry_run = job->dry_run,
  };

  /* A dry run too needs a writable connection: it writes in a transaction it then throws away. */
  workbook = cb_workbook_open (job->workbook_path, CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cb_workbook_set_user (workbook, job->user);
  if (cb_import_file (workbook, job->path, &options, job->result, cancellable, job_progress_cb, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The import runs below the desktop's priority, so that on a machine with few cores the window's
 * frames (and a software renderer's threads) come first and the window never stalls behind it. On
 * Linux the nice value belongs to the thread, and a user may lower a thread's priority but not raise
 * it back: the job has a thread of its own rather than one of GTask's pool, which it would leave
 * slowed for whatever runs there next; the thread ends with the job. */
static gpointer
job_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);

  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("the import runs at normal priority: %s", g_strerror (errno));
  run_job (task, job, job->cancellable);
  return NULL;
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* A problem row is a GtkStringList: line, column (empty when unknown), "error" or "warning", the
 * message. The severity column shows the word translated, coloured. */
static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint index = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_string_list_get_string (row, index);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (index == 2)
    {
      gboolean warning = g_strcmp0 (text, "warning") == 0;

      gtk_label_set_text (GTK_LABEL (label), warning ? _("Warning") : _("Error"));
      gtk_widget_remove_css_class (label, warning ? "error" : "warning");
      gtk_widget_add_css_class (label, warning ? "warning" : "error");
      return;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static char *
problem_position (guint value)
{
  return value > 0 ? g_strdup_printf ("%u", value) : g_strdup ("");
}

static void
show_problems (CbImportAssistant *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint i = 0; i < self->result->problems->len; i++)
    {
      const CbImportProblem *problem = g_ptr_array_index (self->result->problems, i);
      g_autofree char *line = problem_position (problem->line);
      g_autofree char *column = problem_position (problem->column);
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char *[]) {
        line, column, problem->warning ? "warning" : "error", problem->message, NULL });

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_window), self->result->problems->len > 0);
}

static guint
count_warnings (const CbImportResult *result)
{
  guint n = 0;

  for (guint i = 0; i < result->problems->len; i++)
    if (((const CbImportProblem *) g_ptr_array_index (result->problems, i))->warning)
      n++;
  return n;
}

/* The outcome of a dry run, or of an import that did not go through: counts, problems and what
 * to do next. */
static void
show_check (CbImportAssistant *self,
            gboolean           dry_run,
            const GError      *error)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_warnings = count_warnings (self->result);

  self->ready = dry_run && error == NULL;
  show_problems (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), self->ready ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), self->ready ? "success" : "error");
  gtk_image_set_from_icon_name (self->check_icon, self->ready ? "emblem-ok-symbolic" : "dialog-error-symbolic");

  if (self->ready)
    {
      g_autofree char *rows = format_count (self->result->rows);
      g_autofree char *inserted = format_count (self->result->inserted);
      g_autofree char *updated = format_count (self->result->updated);

      /* Translators: %s is a number of rows. */
      title = g_strdup_printf (ngettext ("%s row can be imported", "%s rows can be imported",
                                         (gulong) self->result->rows), rows);
      /* Translators: %1$s and %2$s are numbers of rows. */
      g_string_append_printf (detail, _("%1$s new, %2$s changed. Nothing has been written yet."), inserted, updated);
      if (n_warnings > 0)
        {
          g_string_append_c (detail, ' ');
          g_string_append_printf (detail, ngettext ("The warning below does not stop the import.",
                                                    "The %u warnings below do not stop the import.",
                                                    n_warnings), n_warnings);
        }
    }
  else
    {
      if (self->result->n_errors > 0)
        {
          g_autofree char *count = format_count ((gint64) self->result->n_errors);

          /* Translators: %s is a number of problems. */
          title = g_strdup_printf (ngettext ("%s problem to fix in the file", "%s problems to fix in the file",
                                             (gulong) self->result->n_errors), count);
        }
      else
        title = g_strdup (_("The file cannot be imported"));
      if (error != NULL && !g_error_matches (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_INVALID))
        g_string_append_printf (detail, "%s\n", error->message);
      /* A file that cannot be read or does not fit needs fixing; anything else (the workbook busy
       * or gone) does not. */
      if (error == NULL || error->domain == CB_IMPORTER_ERROR || error->domain == CB_CSV_ERROR)
        g_string_append (detail, _("Nothing was written to the workbook. Fix the file, then go back and check it "
                                   "again."));
      else
        g_string_append (detail, _("Nothing was written to the workbook."));
      if (self->result->n_errors > self->result->problems->len - n_warnings)
        {
          g_autofree char *shown = format_count (self->result->problems->len);

          g_string_append_c (detail, ' ');
          /* Translators: %s is a number, 1,000. */
          g_string_append_printf (detail, _("The first %s problems are listed and exported."), shown);
        }
    }
  gtk_label_set_text (self->check_title, title);
  gtk_label_set_text (self->check_detail, detail->str);
  set_page (self, "check");
}

static void
show_result (CbImportAssistant *self,
             const char        *icon_name,
             const char        *title,
             const char        *description)
{
  adw_status_page_set_icon_name (self->result_page, icon_name);
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  set_page (self, "result");
}

static gboolean
undo_import (CbWorkbook  *workbook,
             gpointer     user_data,
             GError     **error)
{
  return cb_batch_undo (workbook, *(gint64 *) user_data, error);
}

/* The rows are in: the window shows them, and a toast offers to take them out again. */
static void
finish_import (CbImportAssistant *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *rows = format_count (self->result->rows);
  g_autofree char *message = NULL;

  /* Translators: %1$s is a number of rows, %2$s a file name. */
  message = g_strdup_printf (ngettext ("Imported %1$s row from “%2$s”", "Imported %1$s rows from “%2$s”",
                                       (gulong) self->result->rows), rows, basename);
  if (self->window != NULL)
    {
      cb_undo_toast_show (GTK_WIDGET (self->window), message, undo_import,
                          g_memdup2 (&self->result->batch_id, sizeof self->result->batch_id), g_free);
      cb_window_refresh (self->window);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_CANCELLED);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean dry_run = job->dry_run;

  /* The assistant was closed with its window while this ran. */
  if (self->job != job)
    return;
  g_clear_pointer (&self->result, cb_import_result_free);
  self->result = g_steal_pointer (&job->result);
  set_busy (self, NULL);

  if (ok && !dry_run)
    finish_import (self);
  else if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (is_cancelled (error) && dry_run)
    {
      set_page (self, "preview");
      show_toast (self, _("Check cancelled"));
    }
  else if (is_cancelled (error))
    show_result (self, "process-stop-symbolic", _("Import Cancelled"), _("Nothing was written to the workbook."));
  else
    show_check (self, dry_run, error);
}

static void
start_job (CbImportAssistant *self,
           gboolean           dry_run)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint layout = adw_combo_row_get_selected (self->layout_row);
  gboolean period_valid;
  Job *job;

  g_return_if_fail (self->job == NULL && self->workbook != NULL);

  job = g_atomic_rc_box_new0 (Job);
  g_weak_ref_init (&job->assistant, self);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  job->workbook_path = g_strdup (cb_workbook_get_path (self->workbook));
  job->user = g_strdup (cb_workbook_get_user (self->workbook));
  job->path = g_file_get_path (self->file);
  job->kind = g_strdup (cb_kind_get_name (current_kind (self)));
  job->encoding = g_strdup (encodings[MIN (encoding, G_N_ELEMENTS (encodings) - 1)]);
  job->delimiter = delimiters[MIN (delimiter, G_N_ELEMENTS (delimiters) - 1)];
  job->layout = is_responses (self) ? layouts[MIN (layout, G_N_ELEMENTS (layouts) - 1)] : CB_LAYOUT_AUTO;
  job->map = build_map (self);
  job->entity = g_strdup (chosen_entity (self));
  job->period = chosen_period (self, &period_valid);
  job->questionnaire = g_strdup (chosen_questionnaire (self));
  job->dry_run = dry_run;
  job->result = cb_import_result_new ();

  set_busy (self, job);
  adw_status_page_set_title (self->progress_page, dry_run ? _("Checking Every Row") : _("Importing"));
  adw_status_page_set_description (self->progress_page, basename);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_page (self, "progress");

  /* The import writes through its own connection: the window's must hold no read meanwhile. */
  if (self->workbook != NULL)
    cb_workbook_release_reads (self->workbook);
  task = g_task_new (self, job->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  /* The outcome counts, not whether Cancel came too late: an import that committed is reported. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);
  g_thread_unref (g_thread_new ("cb-import", job_thread, g_steal_pointer (&task)));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);

  set_page (self, g_strcmp0 (page_name (self), "preview") == 0 ? "choose" : "preview");
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);
  const char *page = page_name (self);

  if (g_strcmp0 (page, "choose") == 0)
    set_page (self, "preview");
  else if (g_strcmp0 (page, "preview") == 0)
    start_job (self, TRUE);
  else if (g_strcmp0 (page, "check") == 0)
    start_job (self, FALSE);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);

  g_cancellable_cancel (self->job->cancellable);
  adw_status_page_set_title (self->progress_page, _("Cancelling…"));
  update_actions (self);
}

static void
open_chosen_cb (CbImportAssistant    *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cb_import_assistant_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
save_problems_chosen_cb (CbImportAssistant    *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!cb_import_assistant_save_problems (self, file, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: %s is a file name. */
          g_autofree char *message = g_strdup_printf (_("Problems saved to “%s”"), basename);

          show_toast (self, message);
        }
    }
  g_clear_object (&self->chooser);
}

static void
run_chooser (CbImportAssistant    *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GCallback             response_cb)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  run_chooser (self, _("Choose a File to Import"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               G_CALLBACK (open_chosen_cb));
  gtk_file_filter_set_name (text, _("CSV and text files"));
  gtk_file_filter_add_mime_type (text, "text/csv");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_mime_type (text, "text/tab-separated-values");
  gtk_file_filter_add_suffix (text, "csv");
  gtk_file_filter_add_suffix (text, "tsv");
  gtk_file_filter_add_suffix (text, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_problems_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);
  g_autofree char *stem = file_stem (self->file);
  /* Translators: the file name offered for the problems of the file %s (without its extension). */
  g_autofree char *name = g_strdup_printf (_("%s-problems.csv"), stem);

  run_chooser (self, _("Export Problems"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
               G_CALLBACK (save_problems_chosen_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_mapping_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          CbImportAssistant *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *kind = cb_kind_get_name (current_kind (self));
  g_auto(GStrv) map = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save") || *name == '\0' || self->workbook == NULL)
    return;
  map = build_map (self);
  if (!cb_mapping_save (self->workbook, kind, name, (const char * const *) map, &error))
    {
      show_toast (self, error->message);
      return;
    }
  load_saved_mappings (self);
  names = cb_mapping_list (self->workbook, kind, NULL);
  self->updating++;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      adw_combo_row_set_selected (self->saved_row, i + 1);
  self->updating--;
  /* Translators: %s is the name a column mapping was saved under. */
  message = g_strdup_printf (_("Mapping saved as “%s”"), name);
  show_toast (self, message);
}

static void
save_mapping_entry_changed_cb (GtkEditable      *entry,
                               AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
save_mapping_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *stem = file_stem (self->file);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Mapping As"),
                                   _("Files with the same columns can then be imported with this mapping, chosen "
                                     "under Saved Mapping. A mapping of the same name is replaced."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_editable_set_text (GTK_EDITABLE (entry), stem);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mapping name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (save_mapping_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_mapping_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         CbImportAssistant *self)
{
  if (self->job != NULL || !G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  cb_import_assistant_open_file (self, g_value_get_object (value));
  return TRUE;
}

/* Closing while a dry run or an import runs cancels it; the window goes once the worker is done,
 * so nothing is left writing. */
static gboolean
cb_import_assistant_close_request (GtkWindow *window)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (window);

  if (self->job != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->job->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (cb_import_assistant_parent_class)->close_request (window);
}

static void
cb_import_assistant_dispose (GObject *object)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (object);

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_pointer (&self->job, job_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_IMPORT_ASSISTANT);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_pointer (&self->choices, cb_workbook_choices_free);
  g_clear_pointer (&self->questionnaires, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->choices_fields, g_array_unref);
  g_clear_pointer (&self->result, cb_import_result_free);

  G_OBJECT_CLASS (cb_import_assistant_parent_class)->dispose (object);
}

static void
cb_import_assistant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CbImportAssistant *self = CB_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_import_assistant_class_init (CbImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_import_assistant_dispose;
  object_class->get_property = cb_import_assistant_get_property;
  window_class->close_request = cb_import_assistant_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cyberboard/Cyberboard/cb-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, preview_error);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, layout_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, saved_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, defaults_group);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, questionnaire_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, entity_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, period_row);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, mapping_revealer);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, mapping_icon);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, mapping_status);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, check_icon);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, check_title);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, check_detail);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, problems_window);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, problems_view);
  gtk_widget_class_bind_template_child (widget_class, CbImportAssistant, result_page);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reading_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, layout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, saved_mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, defaults_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "assistant.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "assistant.save-mapping", NULL, save_mapping_activated);
  gtk_widget_class_install_action (widget_class, "assistant.export-problems", NULL, export_problems_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "assistant.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
add_problem_column (CbImportAssistant *self,
                    const char        *title,
                    guint              index,
                    gboolean           number)
{
  add_text_column (self->problems_view, title, index, -1,
                   number ? G_CALLBACK (number_setup_cb) : G_CALLBACK (problem_setup_cb),
                   G_CALLBACK (problem_bind_cb), index == 3);
}

static void
cb_import_assistant_init (CbImportAssistant *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkDropTarget *target;
  const CbKind *const *all;
  guint n_kinds;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) column_clear);
  self->choices_fields = g_array_new (FALSE, FALSE, sizeof (int));
  self->questionnaires = g_ptr_array_new_with_free_func (g_free);

  all = cb_kind_all (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (kinds, cb_field_label_value ("kind", cb_kind_get_name (all[i])));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  add_problem_column (self, _("Line"), 0, TRUE);
  add_problem_column (self, _("Column"), 1, TRUE);
  add_problem_column (self, _("Severity"), 2, FALSE);
  add_problem_column (self, _("Message"), 3, FALSE);

  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  set_page (self, "choose");
}

/* Lists the entities and questionnaires of the workbook and takes the window's period and entity
 * as the values of rows without one. */
static void
load_workbook_choices (CbImportAssistant *self)
{
  const CbSnapshot *snapshot = cb_window_get_snapshot (self->window);
  g_autoptr(GtkStringList) entities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) questionnaires = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  CbRecordFilter filter = { CB_AUDIENCE_ALL, NULL };
  const char *language = cb_application_get_name_language ();

  self->choices = cb_workbook_choices_new (self->workbook, &error);
  if (self->choices == NULL)
    {
      show_toast (self, error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; self->choices != NULL && i < self->choices->entities->len; i++)
    {
      const CbEntityChoice *entity = g_ptr_array_index (self->choices->entities, i);
      const char *name = g_str_equal (language, "ja") ? entity->name_ja : entity->name_en;

      gtk_string_list_append (entities, name != NULL && *name != '\0' ? name : entity->code);
    }
  adw_combo_row_set_model (self->entity_row, G_LIST_MODEL (entities));
  if (snapshot != NULL)
    {
      int index = self->choices != NULL ? cb_workbook_choices_find_entity (self->choices, snapshot->entity_code) : -1;
      g_autofree char *period = cb_period_to_string (&snapshot->period);

      adw_combo_row_set_selected (self->entity_row, index >= 0 ? (guint) index : 0);
      gtk_editable_set_text (GTK_EDITABLE (self->period_row), period);
    }

  questions = cb_workbook_list_records (self->workbook, cb_kind_lookup ("questionnaire"), &filter, &error);
  if (questions == NULL)
    show_toast (self, error->message);
  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      const char *code = cb_record_get (g_ptr_array_index (questions, i), "questionnaire");

      if (code != NULL && !g_ptr_array_find_with_equal_func (self->questionnaires, code, g_str_equal, NULL))
        {
          g_ptr_array_add (self->questionnaires, g_strdup (code));
          gtk_string_list_append (questionnaires, code);
        }
    }
  adw_combo_row_set_model (self->questionnaire_row, G_LIST_MODEL (questionnaires));
  adw_combo_row_set_selected (self->questionnaire_row, self->questionnaires->len > 0 ? 1 : 0);
}

CbImportAssistant *
cb_import_assistant_new (CbWindow *window)
{
  CbImportAssistant *self;

  g_return_val_if_fail (CB_IS_WINDOW (window), NULL);
  g_return_val_if_fail (cb_window_get_workbook (window) != NULL, NULL);

  self = g_object_new (CB_TYPE_IMPORT_ASSISTANT, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->workbook = g_object_ref (cb_window_get_workbook (window));
  self->updating++;
  load_workbook_choices (self);
  self->updating--;
  kind_changed_cb (self);
  return self;
}

void
cb_import_assistant_set_kind (CbImportAssistant *self,
                              const char        *kind)
{
  guint n_kinds;
  const CbKind *const *all = cb_kind_all (&n_kinds);

  g_return_if_fail (CB_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (cb_kind_lookup (kind) != NULL);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (cb_kind_get_name (all[i]), kind))
      adw_combo_row_set_selected (self->kind_row, i);
}

void
cb_import_assistant_open_file (CbImportAssistant *self,
                               GFile             *file)
{
  g_return_if_fail (CB_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job == NULL);

  g_set_object (&self->file, file);
  self->updating++;
  adw_combo_row_set_selected (self->encoding_row, 0);
  adw_combo_row_set_selected (self->delimiter_row, 0);
  adw_combo_row_set_selected (self->layout_row, 0);
  adw_combo_row_set_selected (self->saved_row, 0);
  self->updating--;
  load_preview (self);
  set_page (self, "preview");
}

gboolean
cb_import_assistant_is_busy (CbImportAssistant *self)
{
  g_return_val_if_fail (CB_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->job != NULL;
}

const CbImportResult *
cb_import_assistant_get_result (CbImportAssistant *self)
{
  g_return_val_if_fail (CB_IS_IMPORT_ASSISTANT (self), NULL);
  return self->result;
}

gboolean
cb_import_assistant_save_problems (CbImportAssistant  *self,
                                   GFile              *file,
                                   GError            **error)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *basename = NULL;
  const char *header[] = { _("File"), _("Line"), _("Column"), _("Severity"), _("Message") };

  g_return_val_if_fail (CB_IS_IMPORT_ASSISTANT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  basename = g_path_get_basename (self->result->file_name);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      cb_export_append_cell (text, header[i], TRUE);
    }
  g_string_append (text, "\r\n");
  for (guint i = 0; i < self->result->problems->len; i++)
    {
      const CbImportProblem *problem = g_ptr_array_index (self->result->problems, i);
      g_autofree char *line = problem_position (problem->line);
      g_autofree char *column = problem_position (problem->column);

      cb_export_append_cell (text, basename, TRUE);
      g_string_append_c (text, ',');
      cb_export_append_cell (text, line, FALSE);
      g_string_append_c (text, ',');
      cb_export_append_cell (text, column, FALSE);
      g_string_append_c (text, ',');
      cb_export_append_cell (text, problem->warning ? _("Warning") : _("Error"), TRUE);
      g_string_append_c (text, ',');
      cb_export_append_cell (text, problem->message, TRUE);
      g_string_append (text, "\r\n");
    }
  return g_file_replace_contents (file, text->str, text->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  NULL, error);
}
