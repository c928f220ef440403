#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cb-audit-page.h"
#include "cb-benchmarks-page.h"
#include "cb-demo.h"
#include "cb-disclosure-page.h"
#include "cb-evaluation-page.h"
#include "cb-export-dialog.h"
#include "cb-import-assistant.h"
#include "cb-imports-page.h"
#include "cb-incidents-page.h"
#include "cb-items-page.h"
#include "cb-kpis-page.h"
#include "cb-overview-page.h"
#include "cb-report-page.h"
#include "cb-start-page.h"
#include "cb-suppliers-page.h"
#include "cb-window.h"
#include "cb-workbook-choices.h"
#include "cb-workbook-view.h"

/* The sidebar pages, in order, ending with an empty entry. A page is a widget implementing
 * CbWorkbookView; adding one is one line here (and its header above). */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} CbPageEntry;

static const CbPageEntry page_entries[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", cb_overview_page_get_type },
  { "items", N_("Guideline Items"), "security-high-symbolic", cb_items_page_get_type },
  { "benchmarks", N_("Benchmarks"), "x-office-spreadsheet-symbolic", cb_benchmarks_page_get_type },
  { "suppliers", N_("Suppliers"), "system-users-symbolic", cb_suppliers_page_get_type },
  { "incidents", N_("Incidents & Detection"), "dialog-warning-symbolic", cb_incidents_page_get_type },
  { "kpis", N_("KPIs"), "x-office-presentation-symbolic", cb_kpis_page_get_type },
  { "evaluation", N_("Board Evaluation"), "emblem-default-symbolic", cb_evaluation_page_get_type },
  { "disclosure", N_("Disclosure"), "x-office-document-symbolic", cb_disclosure_page_get_type },
  { "imports", N_("Imports"), "document-open-symbolic", cb_imports_page_get_type },
  { "audit", N_("Audit Log"), "document-open-recent-symbolic", cb_audit_page_get_type },
  { "reports", N_("Reports"), "document-print-preview-symbolic", cb_report_page_get_type },
  { NULL }
};

/* Window actions a page carries out: the window shows the page, then activates the page's own
 * action (installed by its class), if any, with the window action's parameter. Without such a page
 * the window action stays disabled. */
typedef struct
{
  const char *action;
  const char *page_id;
  const char *page_action;
  gboolean    writes;      /* disabled in evaluator mode */
} CbPageAction;

static const CbPageAction page_actions[] = {
  { "reports", "reports", NULL, FALSE },
  { "show-item", "items", "items.show-item", FALSE },
};

#define INDENT_PER_LEVEL 14

struct _CbWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkMenuButton        *start_menu_button;
  CbStartPage          *start_page;
  AdwStatusPage        *loading_page;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *page_title;
  GtkDropDown          *period_dropdown;
  GtkDropDown          *entity_dropdown;
  GtkSpinner           *busy_spinner;
  GtkMenuButton        *workbook_menu_button;
  GtkStack             *page_stack;

  GFile                *file;
  CbWorkbook           *workbook;
  CbWorkbookChoices    *choices;
  CbSnapshot           *snapshot;
  GPtrArray            *pages;          /* CbWorkbookView, in sidebar order */
  GHashTable           *stale_pages;    /* hidden pages not yet shown the current figures */
  GCancellable         *cancellable;
  gboolean              evaluator_mode;
  gboolean              loading;
  gboolean              computing;
  gboolean              refresh_pending;
  guint                 updating_choices;

  char                 *undo_label;
  CbUndoFunc            undo_func;
  gpointer              undo_data;
  GDestroyNotify        undo_destroy;
};

G_DEFINE_FINAL_TYPE (CbWindow, cb_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_EVALUATOR_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker thread computes for the header bar and the pages. */
typedef struct
{
  char              *path;
  char              *period;    /* the period asked for, or NULL for the latest with data */
  char              *entity;    /* the entity asked for, or NULL for the group's root */
  CbWorkbookChoices *choices;
  CbSnapshot        *snapshot;
} Figures;

typedef enum
{
  LOAD_OPEN,
  LOAD_CREATE,
  LOAD_DEMO,
} LoadMode;

typedef struct
{
  LoadMode    mode;
  gboolean    evaluator;
  char       *name_ja;
  char       *name_en;
  char       *time_zone;
  char       *language;
  int         fiscal_year_start;
  CbWorkbook *workbook;
  Figures     figures;
} Load;

static void
figures_clear (Figures *figures)
{
  g_clear_pointer (&figures->path, g_free);
  g_clear_pointer (&figures->period, g_free);
  g_clear_pointer (&figures->entity, g_free);
  g_clear_pointer (&figures->choices, cb_workbook_choices_free);
  g_clear_pointer (&figures->snapshot, cb_snapshot_free);
}

static void
figures_free (Figures *figures)
{
  figures_clear (figures);
  g_free (figures);
}

static void
load_free (Load *load)
{
  g_free (load->name_ja);
  g_free (load->name_en);
  g_free (load->time_zone);
  g_free (load->language);
  g_clear_object (&load->workbook);
  figures_clear (&load->figures);
  g_free (load);
}

/* Runs on a worker thread with a connection of its own, so the main thread's connection, which
 * the pages use, is never shared between threads. */
static gboolean
compute_figures (Figures  *figures,
                 GError  **error)
{
  g_autoptr(CbWorkbook) reader = NULL;
  g_autofree char *period = NULL;
  const char *entity;
  int index;

  reader = cb_workbook_open (figures->path, CB_WORKBOOK_OPEN_READ_ONLY, error);
  if (reader == NULL)
    return FALSE;
  figures->choices = cb_workbook_choices_new (reader, error);
  if (figures->choices == NULL)
    return FALSE;

  index = cb_workbook_choices_find_period (figures->choices, figures->period);
  period = cb_period_to_string (&g_array_index (figures->choices->periods, CbPeriod, MAX (index, 0)));
  entity = cb_workbook_choices_find_entity (figures->choices, figures->entity) >= 0 ? figures->entity : NULL;
  figures->snapshot = cb_snapshot_new (reader, period, entity, CB_AUDIENCE_ALL, error);
  return figures->snapshot != NULL;
}

static char *
period_label (const CbPeriod *period)
{
  if (period->quarter == 0)
    /* Translators: a whole fiscal year in the period selector, named by the calendar year in which it starts. */
    return g_strdup_printf (_("FY%d"), period->fiscal_year);
  /* Translators: a fiscal quarter in the period selector: the fiscal year, then the quarter (1–4). */
  return g_strdup_printf (_("FY%d Q%d"), period->fiscal_year, period->quarter);
}

static const char *
entity_name (const CbEntityChoice *entity)
{
  const char *name = g_str_equal (cb_application_get_name_language (), "ja") ? entity->name_ja : entity->name_en;

  if (name == NULL || *name == '\0')
    name = entity->name_ja != NULL ? entity->name_ja : entity->code;
  return name;
}

static void
notify_busy (CbWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), self->computing);
  gtk_spinner_set_spinning (self->busy_spinner, self->computing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Shows the current figures on @page if it has not shown them yet. */
static void
show_figures (CbWindow  *self,
              GtkWidget *page)
{
  if (page != NULL && g_hash_table_remove (self->stale_pages, page))
    cb_workbook_view_show (CB_WORKBOOK_VIEW (page), self->workbook, self->snapshot);
}

static void
set_choices (CbWindow                *self,
             const CbWorkbookChoices *choices)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) entities = gtk_string_list_new (NULL);

  for (guint i = 0; i < choices->periods->len; i++)
    {
      g_autofree char *label = period_label (&g_array_index (choices->periods, CbPeriod, i));

      gtk_string_list_append (periods, label);
    }
  for (guint i = 0; i < choices->entities->len; i++)
    gtk_string_list_append (entities, entity_name (g_ptr_array_index (choices->entities, i)));

  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_model (self->entity_dropdown, G_LIST_MODEL (entities));
  gtk_widget_set_sensitive (GTK_WIDGET (self->entity_dropdown), choices->entities->len > 1);
}

/* Shows freshly computed figures: the header bar's choices, then every page. */
static void
apply_figures (CbWindow *self,
               Figures  *figures)
{
  CbApplication *app = CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *period = cb_period_to_string (&figures->snapshot->period);
  int period_index;
  int entity_index;

  self->updating_choices++;
  if (self->choices == NULL || !cb_workbook_choices_equal (self->choices, figures->choices))
    {
      /* The entity list's factory reads the depths from self->choices as the model binds. */
      g_clear_pointer (&self->choices, cb_workbook_choices_free);
      self->choices = g_steal_pointer (&figures->choices);
      set_choices (self, self->choices);
    }
  period_index = cb_workbook_choices_find_period (self->choices, period);
  entity_index = cb_workbook_choices_find_entity (self->choices, figures->snapshot->entity_code);
  gtk_drop_down_set_selected (self->period_dropdown, period_index >= 0 ? (guint) period_index : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->entity_dropdown, entity_index >= 0 ? (guint) entity_index : GTK_INVALID_LIST_POSITION);
  self->updating_choices--;

  g_clear_pointer (&self->snapshot, cb_snapshot_free);
  self->snapshot = g_steal_pointer (&figures->snapshot);
  if (app != NULL)
    cb_application_set_last_period (app, figures->path, period);

  /* Only the page in view shows them now, the others as they come into view: filling the lists of
   * a large workbook's hidden pages would hold up the dashboard, and every recomputation. */
  for (guint i = 0; i < self->pages->len; i++)
    g_hash_table_add (self->stale_pages, g_ptr_array_index (self->pages, i));
  show_figures (self, gtk_stack_get_visible_child (self->page_stack));
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (compute_figures (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CbWindow *self = CB_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->computing = FALSE;
  /* A newer request supersedes these figures: compute again rather than show stale ones. */
  if (self->refresh_pending)
    {
      self->refresh_pending = FALSE;
      cb_window_refresh (self);
      return;
    }
  notify_busy (self);

  if (error != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      cb_window_add_toast (self, toast);
      return;
    }
  apply_figures (self, g_task_get_task_data (G_TASK (result)));
}

void
cb_window_refresh (CbWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Figures *figures;
  guint period_index;
  guint entity_index;

  g_return_if_fail (CB_IS_WINDOW (self));

  if (self->workbook == NULL)
    return;
  if (self->computing)
    {
      self->refresh_pending = TRUE;
      return;
    }

  figures = g_new0 (Figures, 1);
  figures->path = g_file_get_path (self->file);
  period_index = gtk_drop_down_get_selected (self->period_dropdown);
  entity_index = gtk_drop_down_get_selected (self->entity_dropdown);
  if (self->choices != NULL && period_index < self->choices->periods->len)
    figures->period = cb_period_to_string (&g_array_index (self->choices->periods, CbPeriod, period_index));
  if (self->choices != NULL && entity_index < self->choices->entities->len)
    figures->entity = g_strdup (((CbEntityChoice *) g_ptr_array_index (self->choices->entities, entity_index))->code);

  self->computing = TRUE;
  notify_busy (self);
  task = g_task_new (self, self->cancellable, refresh_cb, NULL);
  g_task_set_source_tag (task, cb_window_refresh);
  g_task_set_task_data (task, figures, (GDestroyNotify) figures_free);
  g_task_run_in_thread (task, refresh_thread);
}

static void
choice_changed_cb (CbWindow *self)
{
  if (self->updating_choices == 0)
    cb_window_refresh (self);
}

static void
page_data_changed_cb (CbWindow *self)
{
  cb_window_refresh (self);
}

static int
find_page (CbWindow   *self,
           const char *id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkStackPage *page = gtk_stack_get_page (self->page_stack, g_ptr_array_index (self->pages, i));

      if (g_strcmp0 (gtk_stack_page_get_name (page), id) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
widget_has_action (GtkWidget  *widget,
                   const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *action_name;
  const char *property_name;
  GType owner;

  /* GTK 4.8 writes every out argument, so none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_strcmp0 (action_name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
set_action_enabled (CbWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (CbWindow *self)
{
  gboolean loaded = self->workbook != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      const CbPageAction *entry = &page_actions[i];
      int index = loaded ? find_page (self, entry->page_id) : -1;
      gboolean enabled = index >= 0 && !(entry->writes && self->evaluator_mode);

      if (enabled && entry->page_action != NULL)
        enabled = widget_has_action (g_ptr_array_index (self->pages, index), entry->page_action);
      set_action_enabled (self, entry->action, enabled);
    }
  set_action_enabled (self, "import", loaded && !self->evaluator_mode);
  set_action_enabled (self, "export", loaded);
  set_action_enabled (self, "undo", loaded && self->undo_func != NULL);
  set_action_enabled (self, "search", loaded && self->pages->len > 0);
  set_action_enabled (self, "show-page", loaded && self->pages->len > 0);
  set_action_enabled (self, "show-view", loaded && self->pages->len > 0);
}

static void
show_page (CbWindow *self,
           guint     index,
           gboolean  navigate)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, (int) index);

  if (row == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_list_box_select_row (self->sidebar_list, row);
  if (navigate)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_row_selected_cb (CbWindow      *self,
                         GtkListBoxRow *row)
{
  GtkWidget *page;

  if (row == NULL)
    return;
  page = g_ptr_array_index (self->pages, gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child (self->page_stack, page);
  show_figures (self, page);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack, page)));
}

static void
sidebar_row_activated_cb (CbWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkWidget *
create_sidebar_row (const CbPageEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(entry->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (entry->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return row;
}

static void
create_pages (CbWindow *self)
{
  for (const CbPageEntry *entry = page_entries; entry->id != NULL; entry++)
    {
      GtkWidget *page = g_object_new (entry->get_type (), NULL);

      g_assert (CB_IS_WORKBOOK_VIEW (page));
      gtk_stack_add_titled (self->page_stack, page, entry->id, _(entry->title));
      g_signal_connect_object (page, "data-changed", G_CALLBACK (page_data_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->pages, page);
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (entry));
    }
  show_page (self, 0, FALSE);
}

static void
show_error (CbWindow     *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_user_name (CbWindow *self)
{
  CbApplication *app = CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *user = g_settings_get_string (cb_application_get_settings (app), "user-name");

  if (self->workbook != NULL)
    cb_workbook_set_user (self->workbook, *g_strstrip (user) != '\0' ? user : NULL);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  const char *path = load->figures.path;
  GError *error = NULL;

  if (load->mode == LOAD_CREATE)
    {
      CbOrganisation organisation = {
        load->name_ja, load->name_en, load->fiscal_year_start, load->time_zone, load->language
      };
      g_autoptr(GFile) file = g_file_new_for_path (path);

      /* The file chooser already asked whether to replace the file; the trash keeps it recoverable. */
      if (g_file_query_exists (file, cancellable) && !g_file_trash (file, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      load->workbook = cb_workbook_create (path, &organisation, &error);
    }
  else if (load->mode == LOAD_DEMO && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Built under another name and renamed when complete, so an interrupted run leaves no
       * half-made demo behind to be opened next time. */
      g_autofree char *partial = g_strconcat (path, ".part", NULL);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(CbWorkbook) demo = NULL;

      g_unlink (partial);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   "%s: %s", folder, g_strerror (saved_errno));
          return;
        }
      demo = cb_workbook_create (partial, cb_demo_organisation (), &error);
      if (demo == NULL || !cb_demo_generate (demo, CB_DEMO_SMALL, 1, NULL, NULL, &error))
        {
          g_clear_object (&demo);
          g_unlink (partial);
          g_task_return_error (task, error);
          return;
        }
      g_clear_object (&demo);
      if (g_rename (partial, path) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   "%s: %s", path, g_strerror (saved_errno));
          return;
        }
    }

  if (load->workbook == NULL && error == NULL)
    load->workbook = cb_workbook_open (path, load->evaluator ? CB_WORKBOOK_OPEN_EVALUATOR : CB_WORKBOOK_OPEN_DEFAULT,
                                       &error);
  if (load->workbook == NULL || !compute_figures (&load->figures, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CbWindow *self = CB_WINDOW (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  CbApplication *app = CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  const char *language = cb_application_get_name_language ();

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      g_clear_object (&self->file);
      self->evaluator_mode = FALSE;
      gtk_stack_set_visible_child_name (self->main_stack, "start");
      notify_busy (self);
      show_error (self,
                  load->mode == LOAD_CREATE ? _("Could Not Create the Workbook") : _("Could Not Open the Workbook"),
                  error);
      return;
    }

  self->loading = FALSE;
  self->workbook = g_steal_pointer (&load->workbook);
  apply_user_name (self);
  if (app != NULL)
    cb_application_add_recent (app, load->figures.path);

  gtk_window_set_title (GTK_WINDOW (self), cb_workbook_get_org_name (self->workbook, language));
  adw_window_title_set_title (self->sidebar_title, cb_workbook_get_org_name (self->workbook, language));
  basename = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  adw_window_title_set_subtitle (self->page_title, self->evaluator_mode ? _("Evaluator Mode") : NULL);

  create_pages (self);
  apply_figures (self, &load->figures);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->main_stack, "workbook");
  notify_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATOR_MODE]);
}

static void
start_load (CbWindow   *self,
            GFile      *file,
            Load       *load,
            const char *title)
{
  CbApplication *app = CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  g_return_if_fail (cb_window_is_empty (self));
  g_return_if_fail (g_file_is_native (file));

  g_set_object (&self->file, file);
  self->loading = TRUE;
  load->figures.path = g_file_get_path (file);
  if (app != NULL)
    load->figures.period = cb_application_dup_last_period (app, load->figures.path);

  adw_status_page_set_title (self->loading_page, title);
  adw_status_page_set_description (self->loading_page, basename);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  notify_busy (self);

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

void
cb_window_open (CbWindow *self,
                GFile    *file,
                gboolean  evaluator)
{
  Load *load;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (Load, 1);
  load->mode = LOAD_OPEN;
  load->evaluator = evaluator;
  self->evaluator_mode = evaluator;
  start_load (self, file, load, _("Opening Workbook…"));
}

void
cb_window_create (CbWindow             *self,
                  GFile                *file,
                  const CbOrganisation *organisation)
{
  Load *load;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (organisation != NULL);

  load = g_new0 (Load, 1);
  load->mode = LOAD_CREATE;
  load->name_ja = g_strdup (organisation->name_ja);
  load->name_en = g_strdup (organisation->name_en);
  load->time_zone = g_strdup (organisation->time_zone);
  load->language = g_strdup (organisation->language);
  load->fiscal_year_start = organisation->fiscal_year_start;
  start_load (self, file, load, _("Creating Workbook…"));
}

void
cb_window_open_demo (CbWindow *self,
                     GFile    *file)
{
  Load *load;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (Load, 1);
  load->mode = LOAD_DEMO;
  start_load (self, file, load, _("Opening Demo Workbook…"));
}

static void
page_action_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CbWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      const CbPageAction *entry = &page_actions[i];
      int index;

      if (!g_str_equal (entry->action, name))
        continue;
      index = find_page (self, entry->page_id);
      g_return_if_fail (index >= 0);
      show_page (self, (guint) index, TRUE);
      if (entry->page_action != NULL)
        gtk_widget_activate_action_variant (g_ptr_array_index (self->pages, index), entry->page_action, parameter);
    }
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cb_import_assistant_new (CB_WINDOW (user_data))));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cb_export_dialog_new (CB_WINDOW (user_data))));
}

static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  int number = g_variant_get_int32 (parameter);

  show_page (CB_WINDOW (user_data), (guint) MAX (number - 1, 0), TRUE);
}

/* win.show-view("suppliers"): the sidebar page with that id, as the Overview's charts open
 * the pages behind them. */
static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CbWindow *self = user_data;
  int index = find_page (self, g_variant_get_string (parameter, NULL));

  if (index < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  show_page (self, (guint) index, TRUE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Pages that can be searched hold a GtkSearchBar (or at least a GtkSearchEntry); Ctrl+F reveals it. */
static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CbWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);
  GtkWidget *bar = page != NULL ? find_descendant (page, GTK_TYPE_SEARCH_BAR) : NULL;
  GtkWidget *entry;

  if (bar != NULL)
    gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), TRUE);
  entry = page != NULL ? find_descendant (page, GTK_TYPE_SEARCH_ENTRY) : NULL;
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
  else if (bar == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
clear_undo (CbWindow *self)
{
  if (self->undo_destroy != NULL)
    self->undo_destroy (self->undo_data);
  g_clear_pointer (&self->undo_label, g_free);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CbWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = g_steal_pointer (&self->undo_label);
  CbUndoFunc func = self->undo_func;
  gpointer data = self->undo_data;
  GDestroyNotify destroy = self->undo_destroy;

  g_return_if_fail (func != NULL);

  /* Taken out first: the undo may itself record a change to undo. */
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  update_actions (self);

  if (func (self->workbook, data, &error))
    {
      /* Translators: shown after Ctrl+Z; %s describes the change, such as “Level of CSMG.D3 changed”. */
      message = g_strdup_printf (_("Undone: %s"), label);
      cb_window_add_toast (self, adw_toast_new (message));
      cb_window_refresh (self);
    }
  else
    cb_window_add_toast (self, adw_toast_new (error->message));
  if (destroy != NULL)
    destroy (data);
}

static void
show_menu_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CbWindow *self = user_data;
  gboolean workbook = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workbook") == 0;

  gtk_menu_button_popup (workbook ? self->workbook_menu_button : self->start_menu_button);
}

static void
back_clicked_cb (CbWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
entity_selected_cb (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_visible (gtk_widget_get_last_child (box), gtk_list_item_get_selected (item));
}

static void
entity_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect (item, "notify::selected", G_CALLBACK (entity_selected_cb), NULL);
}

/* Indents an entity by its depth in the tree and marks the chosen one, as the plain list does. */
static void
entity_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CbWindow                 *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  guint depth = 0;

  if (self->choices != NULL && position < self->choices->entities->len)
    depth = ((CbEntityChoice *) g_ptr_array_index (self->choices->entities, position))->depth;
  gtk_widget_set_margin_start (label, (int) depth * INDENT_PER_LEVEL);
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  entity_selected_cb (item);
}

static gboolean
cb_window_close_request (GtkWindow *window)
{
  CbWindow *self = CB_WINDOW (window);
  CbApplication *app = CB_APPLICATION (gtk_window_get_application (window));
  int width;
  int height;

  if (app != NULL)
    {
      GSettings *settings = cb_application_get_settings (app);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_apply (settings);
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (cb_window_parent_class)->close_request (window);
}

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  clear_undo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);
  g_clear_pointer (&self->stale_pages, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->snapshot, cb_snapshot_free);
  g_clear_pointer (&self->choices, cb_workbook_choices_free);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, cb_window_is_busy (self));
      break;

    case PROP_EVALUATOR_MODE:
      g_value_set_boolean (value, self->evaluator_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_window_dispose;
  object_class->get_property = cb_window_get_property;
  window_class->close_request = cb_window_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATOR_MODE] =
    g_param_spec_boolean ("evaluator-mode", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_START_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, start_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, entity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, workbook_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static const GActionEntry win_actions[] = {
  { "import", import_activated },
  { "export", export_activated },
  { "reports", page_action_activated },
  { "undo", undo_activated },
  { "search", search_activated },
  { "show-page", show_page_activated, "i" },
  { "show-view", show_view_activated, "s" },
  { "show-item", page_action_activated, "s" },
  { "show-menu", show_menu_activated },
};

/* Pages read the workbook on the main thread between frames; whatever a read left open is ended
 * once the frame is painted, so the workers' own connections can write and the next read is fresh. */
static void
after_paint_cb (GdkFrameClock *clock,
                CbWindow      *self)
{
  if (self->workbook != NULL)
    cb_workbook_release_reads (self->workbook);
}

static void
realize_cb (CbWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (after_paint_cb), self, 0);
}

static void
cb_window_init (CbWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new ();
  self->stale_pages = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  update_actions (self);

  g_signal_connect (factory, "setup", G_CALLBACK (entity_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (entity_bind_cb), self);
  gtk_drop_down_set_list_factory (self->entity_dropdown, factory);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
}

CbWindow *
cb_window_new (CbApplication *application)
{
  CbWindow *self;
  GSettings *settings;

  g_return_val_if_fail (CB_IS_APPLICATION (application), NULL);

  self = g_object_new (CB_TYPE_WINDOW, "application", application, NULL);
  settings = cb_application_get_settings (application);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (settings, "changed::user-name", G_CALLBACK (apply_user_name), self, G_CONNECT_SWAPPED);
  return self;
}

GFile *
cb_window_get_file (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->file;
}

CbWorkbook *
cb_window_get_workbook (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->workbook;
}

const CbSnapshot *
cb_window_get_snapshot (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->snapshot;
}

gboolean
cb_window_is_empty (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->workbook == NULL && !self->loading;
}

gboolean
cb_window_is_busy (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->loading || self->computing;
}

gboolean
cb_window_is_evaluator_mode (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->evaluator_mode;
}

void
cb_window_add_toast (CbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
cb_window_set_undo (CbWindow       *self,
                    const char     *label,
                    CbUndoFunc      func,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (func != NULL);

  clear_undo (self);
  self->undo_label = g_strdup (label);
  self->undo_func = func;
  self->undo_data = user_data;
  self->undo_destroy = destroy;
  update_actions (self);
}
