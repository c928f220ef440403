/* The application shell driven through real widgets on a virtual display: opening workbooks, the
 * header bar's period and entity selectors, the sidebar pages, the actions and the Japanese UI. */

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-start-page.h"
#include "cb-test-gui.h"
#include "cb-test-util.h"
#include "cb-window.h"

static CbApplication *app;
static char *tmp_dir;
static gboolean japanese;

static GtkWidget *
child (CbWindow   *window,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CB_TYPE_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
window_ready (gpointer data)
{
  CbWindow *window = data;

  return !cb_window_is_busy (window) && cb_window_get_snapshot (window) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "main_stack"))), "workbook") == 0;
}

static gboolean
window_idle (gpointer data)
{
  return !cb_window_is_busy (data);
}

/* A demo workbook of its own for each test, as SOURCE_DATE_EPOCH dates it. */
static GFile *
create_demo (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_object_unref (cb_test_create_demo (path, 1));
  return g_file_new_for_path (path);
}

static CbWindow *
window_for (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data) && cb_window_get_file (l->data) != NULL
        && g_file_equal (cb_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

static CbWindow *
open_workbook (GFile *file)
{
  CbWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = window_for (file);
  g_assert_nonnull (window);
  cb_test_gui_wait_until (window_ready, window);
  return window;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  cb_test_gui_flush ();
}

static char *
snapshot_period (CbWindow *window)
{
  return cb_period_to_string (&cb_window_get_snapshot (window)->period);
}

static const char *
dropdown_string (GtkWidget *dropdown,
                 guint      position)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

static gboolean
action_enabled (CbWindow   *window,
                const char *name)
{
  return g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), name));
}

static void
test_start_page (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "gone.cyberboard", NULL);
  GSettings *settings = cb_application_get_settings (app);
  GtkWindow *window;
  GtkWidget *start_page;
  GtkListBox *list;
  GtkListBoxRow *row;

  cb_application_add_recent (app, missing);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CB_IS_WINDOW (window));
  g_assert_true (cb_window_is_empty (CB_WINDOW (window)));
  cb_test_gui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (CB_WINDOW (window), "main_stack"))), ==, "start");

  /* A recent workbook whose file is gone is listed as missing, cannot be opened, and can be removed. */
  start_page = child (CB_WINDOW (window), "start_page");
  list = GTK_LIST_BOX (gtk_widget_get_template_child (start_page, CB_TYPE_START_PAGE, "recent_list"));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, missing);
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "missing"));

  cb_application_remove_recent (app, missing);
  cb_test_gui_flush ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_settings_reset (settings, "recent-workbooks");
  close_all_windows ();
}

static void
test_open (void)
{
  g_autoptr(GFile) file = create_demo ("open.cyberboard");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GVariant) recent = NULL;
  CbWindow *window = open_workbook (file);
  GtkWidget *periods = child (window, "period_dropdown");
  GtkWidget *entities = child (window, "entity_dropdown");
  GtkStack *page_stack = GTK_STACK (child (window, "page_stack"));
  GtkListBox *sidebar = GTK_LIST_BOX (child (window, "sidebar_list"));
  g_autofree char *period = snapshot_period (window);
  const char *path_in_list;
  gint64 opened_at;
  guint n_pages = 0;

  /* The demo's data end on 2026-11-15, so the latest quarter with data is FY2026Q2 (July to
   * September 2026 with an April year start): 12 quarters back to FY2023Q3, then FY2026..FY2023. */
  g_assert_cmpstr (period, ==, "FY2026Q2");
  g_assert_cmpstr (cb_window_get_snapshot (window)->entity_code, ==, "GROUP");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (periods))), ==, 16);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (periods)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (entities))), ==, 3);
  g_assert_false (cb_window_is_evaluator_mode (window));

  if (!japanese)
    {
      g_assert_cmpstr (dropdown_string (periods, 0), ==, "FY2026 Q2");
      g_assert_cmpstr (dropdown_string (periods, 11), ==, "FY2023 Q3");
      g_assert_cmpstr (dropdown_string (periods, 12), ==, "FY2026");
      g_assert_cmpstr (dropdown_string (periods, 15), ==, "FY2023");
      g_assert_cmpstr (dropdown_string (entities, 0), ==, "Toho Precision Industries Co., Ltd.");
      g_assert_cmpstr (dropdown_string (entities, 1), ==, "Toho Precision Sales Co., Ltd.");
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Toho Precision Industries Co., Ltd.");
    }

  /* Every page of the stack has its sidebar row, and the first page is shown. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (page_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    n_pages++;
  for (guint i = 0; i < n_pages; i++)
    g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, (int) i));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, (int) n_pages));
  if (n_pages > 0)
    g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 0));

  /* The workbook went to the top of the recent list. */
  recent = g_settings_get_value (cb_application_get_settings (app), "recent-workbooks");
  g_assert_cmpuint (g_variant_n_children (recent), >=, 1);
  g_variant_get_child (recent, 0, "(&sx)", &path_in_list, &opened_at);
  g_assert_cmpstr (path_in_list, ==, path);

  /* Opening it again presents the same window. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (window_for (file) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  close_all_windows ();
}

static void
select_and_wait (CbWindow   *window,
                 const char *dropdown,
                 guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (window, dropdown)), position);
  g_assert_true (cb_window_is_busy (window));
  cb_test_gui_wait_until (window_idle, window);
}

static void
test_period_and_entity (void)
{
  g_autoptr(GFile) file = create_demo ("period.cyberboard");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *remembered = NULL;
  CbWindow *window = open_workbook (file);
  struct
  {
    guint       position;
    const char *period;
  } periods[] = {
    { 1, "FY2026Q1" },
    { 11, "FY2023Q3" },
    { 12, "FY2026" },
    { 13, "FY2025" },
  };
  struct
  {
    guint       position;
    const char *code;
  } entities[] = {
    { 1, "TSH" },
    { 2, "TPV" },
    { 0, "GROUP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *period = NULL;

      select_and_wait (window, "period_dropdown", periods[i].position);
      period = snapshot_period (window);
      g_assert_cmpstr (period, ==, periods[i].period);
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *period = NULL;

      select_and_wait (window, "entity_dropdown", entities[i].position);
      g_assert_cmpstr (cb_window_get_snapshot (window)->entity_code, ==, entities[i].code);
      /* The period stays as chosen. */
      period = snapshot_period (window);
      g_assert_cmpstr (period, ==, "FY2025");
    }

  /* The period is remembered for the workbook and chosen again when it is next opened. */
  remembered = cb_application_dup_last_period (app, path);
  g_assert_cmpstr (remembered, ==, "FY2025");
  close_all_windows ();
  window = open_workbook (file);
  {
    g_autofree char *period = snapshot_period (window);

    g_assert_cmpstr (period, ==, "FY2025");
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (window, "period_dropdown"))), ==, 13);
  }
  close_all_windows ();
}

static void
test_pages (void)
{
  g_autoptr(GFile) file = create_demo ("pages.cyberboard");
  CbWindow *window = open_workbook (file);
  GtkStack *page_stack = GTK_STACK (child (window, "page_stack"));
  GtkListBox *sidebar = GTK_LIST_BOX (child (window, "sidebar_list"));
  guint i = 0;

  /* Alt+1..9 show the first nine pages in sidebar order, a click on the sidebar any page; each
   * page is shown with the window's figures. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (page_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page), i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) i);

      if (i < 9)
        {
          g_autofree char *detailed = g_strdup_printf ("win.show-page(%u)", i + 1);
          g_autofree char *name = NULL;
          g_autoptr(GVariant) target = NULL;

          g_action_parse_detailed_name (detailed, &name, &target, NULL);
          g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", target);
        }
      else
        {
          gtk_list_box_select_row (sidebar, row);
          g_signal_emit_by_name (sidebar, "row-activated", row);
        }
      cb_test_gui_flush ();
      g_assert_true (gtk_stack_get_visible_child (page_stack) == page);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
      g_assert_true (gtk_widget_get_mapped (page));
    }
  close_all_windows ();
}

static gboolean
popover_visible (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
help_overlay_visible (gpointer data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (data);

  return overlay != NULL && gtk_widget_get_visible (GTK_WIDGET (overlay));
}

static void
test_shortcuts (void)
{
  g_autoptr(GFile) file = create_demo ("shortcuts.cyberboard");
  CbWindow *window = open_workbook (file);
  GtkApplication *application = GTK_APPLICATION (app);
  struct
  {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "win.import", "<Control>i" },
    { "win.export", "<Control>e" },
    { "win.reports", "<Control>p" },
    { "win.undo", "<Control>z" },
    { "window.close", "<Control>w" },
    { "app.quit", "<Control>q" },
    { "win.show-help-overlay", "<Control>question" },
    { "win.show-page(1)", "<Alt>1" },
    { "win.show-page(9)", "<Alt>9" },
    { "win.search", "<Control>f" },
    { "win.show-menu", "F10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (application, accels[i].accel);

      g_assert_true (g_strv_contains ((const char *const *) actions, accels[i].action));
    }

  /* F10 opens the main menu of the header bar shown. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-menu", NULL);
  cb_test_gui_wait_until (popover_visible, child (window, "workbook_menu_button"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (window, "workbook_menu_button")));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  cb_test_gui_wait_until (help_overlay_visible, window);
  close_all_windows ();
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_search_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_search (void)
{
  g_autoptr(GFile) file = create_demo ("search.cyberboard");
  CbWindow *window = open_workbook (file);
  GtkStack *page_stack = GTK_STACK (child (window, "page_stack"));
  GtkWidget *entry = NULL;

  /* Ctrl+F puts the focus in the search entry of a page that has one. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (page_stack)); page != NULL && entry == NULL;
       page = gtk_widget_get_next_sibling (page))
    if ((entry = find_search_entry (page)) != NULL)
      {
        gtk_stack_set_visible_child (page_stack, page);
        cb_test_gui_flush ();
      }
  g_assert_nonnull (entry);
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  cb_test_gui_flush ();
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));
  close_all_windows ();
}

static void
test_window_state (void)
{
  GSettings *settings = cb_application_get_settings (app);
  GtkWindow *window;
  int width;
  int height;

  /* The size of the last window closed is the size of the next one. */
  window = GTK_WINDOW (cb_window_new (app));
  gtk_window_present (window);
  gtk_window_set_default_size (window, 900, 640);
  cb_test_gui_flush ();
  gtk_window_close (window);
  cb_test_gui_flush ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = GTK_WINDOW (cb_window_new (app));
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  cb_test_gui_flush ();
}

/* Checks every control of the shell under @widget; the pages (@skip) check their own. */
static guint
assert_controls_named (GtkWidget *widget,
                       GtkWidget *skip)
{
  guint n_controls = 0;

  if (widget == skip || GTK_IS_POPOVER (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
      || GTK_IS_LIST_BOX (widget) || GTK_IS_SPINNER (widget)
      || (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))))
    {
      if (!cb_test_gui_has_accessible_name (widget))
        g_error ("a %s (%s) has no accessible name", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget));
      n_controls++;
      /* A menu button's or drop-down's own button is part of it. */
      if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
        return n_controls;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_controls += assert_controls_named (c, skip);
  return n_controls;
}

static void
test_accessible_names (void)
{
  g_autoptr(GFile) file = create_demo ("accessible.cyberboard");
  g_autofree char *path = g_file_get_path (file);
  CbWindow *window;

  /* The start page, with a recent workbook and its remove button. */
  cb_application_add_recent (app, path);
  g_application_activate (G_APPLICATION (app));
  window = CB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cb_test_gui_flush ();
  g_assert_cmpuint (assert_controls_named (child (window, "main_stack"), NULL), >=, 6);
  close_all_windows ();

  /* The workbook's header bar and sidebar. */
  window = open_workbook (file);
  g_assert_cmpuint (assert_controls_named (child (window, "leaflet"), child (window, "page_stack")), >=, 5);
  g_settings_reset (cb_application_get_settings (app), "recent-workbooks");
  close_all_windows ();
}

static gboolean
undo_cb (CbWorkbook  *workbook,
         gpointer     user_data,
         GError     **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
test_undo (void)
{
  g_autoptr(GFile) file = create_demo ("undo.cyberboard");
  CbWindow *window = open_workbook (file);
  guint undone = 0;

  g_assert_false (action_enabled (window, "undo"));
  cb_window_set_undo (window, "Level of CSMG.D3 changed", undo_cb, &undone, NULL);
  g_assert_true (action_enabled (window, "undo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (undone, ==, 1);
  g_assert_false (action_enabled (window, "undo"));
  /* Undoing refreshes every page. */
  g_assert_true (cb_window_is_busy (window));
  cb_test_gui_wait_until (window_idle, window);
  close_all_windows ();
}

static void
test_evaluator (void)
{
  g_autoptr(GFile) file = create_demo ("evaluator.cyberboard");
  CbWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cb_window_open (window, file, TRUE);
  cb_test_gui_wait_until (window_ready, window);
  g_assert_true (cb_window_is_evaluator_mode (window));
  /* An evaluator changes only the evaluation: importing is not offered. */
  g_assert_false (action_enabled (window, "import"));
  close_all_windows ();
}

static void
test_create (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "new.cyberboard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *period = NULL;
  CbOrganisation organisation = { "北辰化学株式会社", "Hokushin Chemical", 1, "Asia/Tokyo", "en" };
  CbWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cb_window_create (window, file, &organisation);
  cb_test_gui_wait_until (window_ready, window);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (cb_workbook_get_org_name (cb_window_get_workbook (window), "en"), ==, "Hokushin Chemical");
  g_assert_cmpint (cb_workbook_get_fiscal_year_start (cb_window_get_workbook (window)), ==, 1);
  /* Without data the window starts at the quarter of today: SOURCE_DATE_EPOCH 1795000000 is
   * 2026-11-18, in the fourth quarter of a fiscal year starting in January. */
  period = snapshot_period (window);
  g_assert_cmpstr (period, ==, "FY2026Q4");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (child (window, "entity_dropdown")))),
                    ==, 1);
  close_all_windows ();
}

static void
test_demo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo-folder", "demo.cyberboard", NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *period = NULL;
  CbWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cb_window_open_demo (window, file);
  cb_test_gui_wait_until (window_ready, window);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  period = snapshot_period (window);
  g_assert_cmpstr (period, ==, "FY2026Q2");
  close_all_windows ();
}

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.cyberboard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  CbWindow *window;

  g_file_set_contents (path, "Not a workbook, just notes.\n", -1, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = CB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cb_window_open (window, file, FALSE);
  cb_test_gui_wait_until (dialog_shown, &dialog);

  /* The core's message is shown, and the window is back on its start page, free for another. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.cyberboard"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (cb_window_is_empty (window));
  g_assert_null (cb_window_get_file (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "main_stack"))), ==, "start");
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all_windows ();
}

static const struct
{
  const char *id;
  const char *title;
} page_titles[] = {
  { "overview", "概要" },
  { "items", "ガイドライン項目" },
  { "benchmarks", "ベンチマーク" },
  { "suppliers", "取引先" },
  { "incidents", "インシデントと検知" },
  { "kpis", "KPI" },
  { "evaluation", "取締役会評価" },
  { "disclosure", "開示文書" },
  { "imports", "インポート" },
  { "audit", "監査ログ" },
  { "reports", "報告書" },
};

static void
test_japanese (void)
{
  g_autoptr(GFile) file = create_demo ("japanese.cyberboard");
  CbWindow *window;
  GtkWidget *periods;
  GtkWidget *entities;
  GtkStack *page_stack;

  g_assert_cmpstr (cb_application_get_name_language (), ==, "ja");
  window = open_workbook (file);
  periods = child (window, "period_dropdown");
  entities = child (window, "entity_dropdown");
  g_assert_cmpstr (dropdown_string (periods, 0), ==, "2026年度 第2四半期");
  g_assert_cmpstr (dropdown_string (periods, 12), ==, "2026年度");
  g_assert_cmpstr (dropdown_string (entities, 0), ==, "東邦精機工業株式会社");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "東邦精機工業株式会社");
  g_assert_cmpstr (_("Open _Demo Workbook"), ==, "デモ用ワークブックを開く(_D)");

  /* Every page's title is translated; a new page adds its Japanese title here. */
  page_stack = GTK_STACK (child (window, "page_stack"));
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (page_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      GtkStackPage *stack_page = gtk_stack_get_page (page_stack, page);
      const char *id = gtk_stack_page_get_name (stack_page);
      const char *expected = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (page_titles) && expected == NULL; i++)
        if (g_str_equal (page_titles[i].id, id))
          expected = page_titles[i].title;
      if (expected == NULL)
        g_error ("the page “%s” has no Japanese title in this test", id);
      g_assert_cmpstr (gtk_stack_page_get_title (stack_page), ==, expected);
    }
  close_all_windows ();
}

/* Removes the workbooks the tests made, and their folders. */
int
main (int   argc,
      char *argv[])
{
  int status;

  japanese = cb_test_gui_init (&argc, &argv, CB_TEST_LOCALEDIR);
  tmp_dir = cb_test_make_dir ();
  app = cb_test_gui_application_new ();

  if (japanese)
    g_test_add_func ("/app-shell/japanese", test_japanese);
  else
    {
      g_test_add_func ("/app-shell/start-page", test_start_page);
      g_test_add_func ("/app-shell/open", test_open);
      g_test_add_func ("/app-shell/period-and-entity", test_period_and_entity);
      g_test_add_func ("/app-shell/pages", test_pages);
      g_test_add_func ("/app-shell/shortcuts", test_shortcuts);
      g_test_add_func ("/app-shell/accessible-names", test_accessible_names);
      g_test_add_func ("/app-shell/search", test_search);
      g_test_add_func ("/app-shell/window-state", test_window_state);
      g_test_add_func ("/app-shell/undo", test_undo);
      g_test_add_func ("/app-shell/evaluator", test_evaluator);
      g_test_add_func ("/app-shell/create", test_create);
      g_test_add_func ("/app-shell/demo", test_demo);
      g_test_add_func ("/app-shell/refused", test_refused);
    }

  status = g_test_run ();

  g_clear_object (&app);
  cb_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
