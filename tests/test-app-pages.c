/* The workbook pages driven through real widgets on a virtual display: editing a guideline item in
 * the side pane, refusals shown next to their field, undo from the toast, the audit log and the
 * imports that list what changed, and a signed evaluation that stays read-only. */

#include <glib/gi18n.h>
#include <string.h>

#include "cb-application.h"
#include "cb-audit.h"
#include "cb-disclosure.h"
#include "cb-evaluation.h"
#include "cb-field-label.h"
#include "cb-new-disclosure-dialog.h"
#include "cb-new-evaluation-dialog.h"
#include "cb-record-list.h"
#include "cb-suppliers-page.h"
#include "cb-test-gui.h"
#include "cb-test-util.h"
#include "cb-window.h"

static CbApplication *app;
static char *tmp_dir;

static gboolean
label_containing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Shows the page @name as its sidebar row would (Alt+N). */
static GtkWidget *
show_page (CbWindow   *window,
           const char *name)
{
  GtkStack *stack = cb_test_gui_page_stack (window);
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);
  int index = 1;

  g_assert_nonnull (page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != page;
       child = gtk_widget_get_next_sibling (child))
    index++;
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_int32 (index));
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_true (gtk_stack_get_visible_child (stack) == page);
  return page;
}

static char *
stored_level (CbWorkbook *workbook,
              const char *item_key)
{
  CbRecordFilter filter = { CB_AUDIENCE_ALL, "FY2026Q2" };
  g_autoptr(GPtrArray) records = cb_workbook_list_records (workbook, cb_kind_lookup ("assessments"), &filter, NULL);

  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (cb_record_get (records->pdata[i], "entity"), "GROUP")
        && g_str_equal (cb_record_get (records->pdata[i], "item_key"), item_key))
      return g_strdup (cb_record_get (records->pdata[i], "level"));
  return NULL;
}

/* Opens guideline item 3 as the Overview's radar would and types @level into the side pane's
 * Level field; returns the field. */
static GtkWidget *
enter_level (CbWindow   *window,
             const char *level)
{
  GtkWidget *page = show_page (window, "items");
  GtkWidget *row;

  gtk_widget_activate_action (page, "items.show-item", "s", "CSMG.D3");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, "CSMG.D3"));
  row = cb_test_gui_find (page, ADW_TYPE_ENTRY_ROW, cb_test_gui_row_titled, _("Level"));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  gtk_editable_set_text (GTK_EDITABLE (row), level);
  g_signal_emit_by_name (cb_test_gui_find (page, GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("_Save")), "clicked");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  return row;
}

static void
test_items (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "items.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  g_autoptr(GPtrArray) before = cb_audit_list (workbook, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autofree char *level = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *unchanged = NULL;
  const CbAuditEntry *entry;
  GtkWidget *audit, *undo, *row, *message;

  /* The group company's own assessment of item 3 (resources) is at level 2 in the demo. */
  level = stored_level (workbook, "CSMG.D3");
  g_assert_cmpstr (level, ==, "2");
  g_clear_pointer (&level, g_free);
  enter_level (window, "3");
  cb_test_gui_screenshot (GTK_WIDGET (window), "items-saved");

  level = stored_level (workbook, "CSMG.D3");
  g_assert_cmpstr (level, ==, "3");
  after = cb_audit_list (workbook, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  entry = after->pdata[0];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->table_name, ==, "assessments");
  g_assert_nonnull (strstr (entry->old_values, "\"level\":\"2\""));
  g_assert_nonnull (strstr (entry->new_values, "\"level\":\"3\""));
  g_assert_nonnull (strstr (entry->new_values, "\"item_key\":\"CSMG.D3\""));

  /* The audit log shows the change at its top, field by field. */
  audit = show_page (window, "audit");
  g_assert_nonnull (cb_test_gui_find (audit, GTK_TYPE_LABEL, label_containing, "FY2026Q2 · GROUP · CSMG.D3 — Level: 2 → 3"));
  cb_test_gui_screenshot (GTK_WIDGET (window), "audit-after-edit");

  /* The toast's Undo writes the old value back, and the log records that too. */
  undo = cb_test_gui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  restored = stored_level (workbook, "CSMG.D3");
  g_assert_cmpstr (restored, ==, "2");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cb_audit_list (workbook, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  entry = after->pdata[0];
  g_assert_nonnull (strstr (entry->old_values, "\"level\":\"3\""));
  g_assert_nonnull (strstr (entry->new_values, "\"level\":\"2\""));

  /* Level 7 is refused under the field itself, and nothing is written. */
  row = enter_level (window, "7");
  message = gtk_widget_get_next_sibling (row);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (cb_test_gui_find (message, GTK_TYPE_LABEL, label_containing, "out of range"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  cb_test_gui_screenshot (GTK_WIDGET (window), "items-refused");
  unchanged = stored_level (workbook, "CSMG.D3");
  g_assert_cmpstr (unchanged, ==, "2");
  refused = cb_audit_list (workbook, 0, NULL);
  g_assert_cmpuint (refused->len, ==, after->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row added with "Add" is written and selected; its toast's Undo removes it again. */
static void
test_add_and_undo (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "add.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_page (window, "suppliers");
  CbRecordList *list = CB_RECORD_LIST (cb_test_gui_find (page, CB_TYPE_RECORD_LIST, NULL, NULL));
  gint64 id, selected = 0;

  g_assert_cmpint (cb_workbook_lookup_code (workbook, "suppliers", "S99999"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (list), "list.add", NULL);
  gtk_editable_set_text (GTK_EDITABLE (cb_test_gui_find (page, ADW_TYPE_ENTRY_ROW, cb_test_gui_row_titled, _("Code"))), "S99999");
  gtk_editable_set_text (GTK_EDITABLE (cb_test_gui_find (page, ADW_TYPE_ENTRY_ROW, cb_test_gui_row_titled, _("Name"))),
                         "北斗ロジスティクス株式会社");
  g_signal_emit_by_name (cb_test_gui_find (page, GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("_Save")), "clicked");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);

  id = cb_workbook_lookup_code (workbook, "suppliers", "S99999");
  g_assert_cmpint (id, >, 0);
  g_assert_true (cb_record_list_get_selected_key (list, &selected));
  g_assert_cmpint (selected, ==, id);

  g_signal_emit_by_name (cb_test_gui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("_Undo")),
                         "clicked");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_cmpint (cb_workbook_lookup_code (workbook, "suppliers", "S99999"), ==, 0);
  g_assert_false (cb_record_list_get_selected_key (list, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
supplier_rows (GtkWidget *page)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (page, CB_TYPE_SUPPLIERS_PAGE, "suppliers"));
  GtkWidget *view = cb_test_gui_find (list, GTK_TYPE_COLUMN_VIEW, NULL, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))));
}

/* A page out of view gets the window's figures when it comes into view, so opening a workbook fills
 * the Overview alone. */
static void
test_hidden_pages (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "hidden.cyberboard");
  GtkStack *stack = cb_test_gui_page_stack (window);
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "suppliers");
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("suppliers"));
  g_autoptr(GError) error = NULL;

  /* The small demo has 60 suppliers. */
  g_assert_cmpuint (supplier_rows (page), ==, 0);
  show_page (window, "suppliers");
  g_assert_cmpuint (supplier_rows (page), ==, 60);

  /* A supplier added while the page is out of view is listed once it is back. */
  show_page (window, "overview");
  cb_record_set (record, "code", "S99999");
  cb_record_set (record, "name", "北斗ロジスティクス株式会社");
  cb_workbook_save_record (cb_window_get_workbook (window), record, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  cb_window_refresh (window);
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_cmpuint (supplier_rows (page), ==, 60);
  show_page (window, "suppliers");
  g_assert_cmpuint (supplier_rows (page), ==, 61);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_imports (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "imports.cyberboard");
  GtkWidget *page = show_page (window, "imports");

  /* The demo's one import, with where its rows came from and a way to undo it. */
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, "demo:small:1"));
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, "37efe118449f3754"));
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("Undo…")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
visible_button (GtkWidget  *page,
                const char *label)
{
  GtkWidget *button = cb_test_gui_find (page, GTK_TYPE_BUTTON, cb_test_gui_button_labelled, label);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
test_evaluation (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "evaluation.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_page (window, "evaluation");
  CbRecordList *list = CB_RECORD_LIST (cb_test_gui_find (page, CB_TYPE_RECORD_LIST, NULL, NULL));
  gint64 signed_id = cb_test_evaluation_of_year (workbook, 2025);
  g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (workbook, signed_id, NULL);
  GtkWidget *rating;

  /* The signed FY2025 evaluation: its sealed hash shown, nothing to change but a new revision. */
  g_assert_cmpstr (evaluation->status, ==, "signed");
  g_assert_true (cb_record_list_select_key (list, signed_id));
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  cb_test_gui_screenshot (GTK_WIDGET (window), "evaluation-signed");
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, evaluation->content_sha256));
  rating = cb_test_gui_find (page, ADW_TYPE_COMBO_ROW, cb_test_gui_row_titled, _("Rating"));
  g_assert_nonnull (rating);
  g_assert_false (gtk_widget_get_sensitive (rating));
  g_assert_true (visible_button (page, _("_New Revision")));
  g_assert_false (visible_button (page, _("S_ign…")));
  g_assert_false (visible_button (page, _("_Submit")));

  /* The FY2026 draft beside it can still be rated and submitted. */
  g_assert_true (cb_record_list_select_key (list, cb_test_evaluation_of_year (workbook, 2026)));
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  rating = cb_test_gui_find (page, ADW_TYPE_COMBO_ROW, cb_test_gui_row_titled, _("Rating"));
  g_assert_true (gtk_widget_get_sensitive (rating));
  g_assert_true (visible_button (page, _("_Submit")));
  g_assert_false (visible_button (page, _("_New Revision")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Activates @action on @page and returns the dialog of @type it opens. */
static GtkWidget *
open_dialog (CbWindow   *window,
             GtkWidget  *page,
             const char *action,
             GType       type)
{
  GtkWidget *dialog = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (page, action, NULL));
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
enter_text (GtkWidget  *dialog,
            const char *title,
            const char *text)
{
  GtkWidget *row = cb_test_gui_find (dialog, ADW_TYPE_ENTRY_ROW, cb_test_gui_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
visible_label (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_get_visible (widget) && gtk_widget_has_css_class (widget, "error");
}

/* A new evaluation starts at the window's fiscal year; a year that has one is refused in the
 * dialog, and FY2027 is created, listed, selected and shown. */
static void
test_new_evaluation (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "new-evaluation.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_page (window, "evaluation");
  CbRecordList *list = CB_RECORD_LIST (cb_test_gui_find (page, CB_TYPE_RECORD_LIST, NULL, NULL));
  GtkWidget *dialog = open_dialog (window, page, "evaluation.new", CB_TYPE_NEW_EVALUATION_DIALOG);
  GtkSpinButton *year = GTK_SPIN_BUTTON (cb_test_gui_find (dialog, GTK_TYPE_SPIN_BUTTON, NULL, NULL));
  g_autoptr(GPtrArray) before = cb_evaluation_list (workbook, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CbEvaluation) created = NULL;
  gint64 id, selected = 0;

  /* The demo's window opens at FY2026Q2, whose fiscal year already has its draft. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2026);
  g_assert_cmpuint (before->len, ==, 2);
  enter_text (dialog, _("Evaluator Name"), "佐藤 一郎");
  enter_text (dialog, _("Evaluator's Organisation"), "あおば監査法人");
  enter_text (dialog, _("Scope"), "取締役会のサイバーセキュリティ監督");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_nonnull (cb_test_gui_find (dialog, GTK_TYPE_LABEL, visible_label, NULL));
  after = cb_evaluation_list (workbook, NULL);
  g_assert_cmpuint (after->len, ==, 2);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_spin_button_set_value (year, 2027);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_null (dialog);

  after = cb_evaluation_list (workbook, NULL);
  g_assert_cmpuint (after->len, ==, 3);
  id = cb_test_evaluation_of_year (workbook, 2027);
  created = cb_evaluation_get (workbook, id, NULL);
  g_assert_cmpint (created->revision, ==, 1);
  g_assert_cmpstr (created->status, ==, "draft");
  g_assert_cmpstr (created->evaluator_name, ==, "佐藤 一郎");
  g_assert_cmpstr (created->evaluator_org, ==, "あおば監査法人");
  g_assert_cmpstr (created->evaluator_kind, ==, "external");
  g_assert_cmpstr (created->scope, ==, "取締役会のサイバーセキュリティ監督");
  g_assert_null (created->method);
  g_assert_true (cb_record_list_get_selected_key (list, &selected));
  g_assert_cmpint (selected, ==, id);
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, "FY2027"));
  g_assert_true (visible_button (page, _("_Submit")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new disclosure for a Form 10-K is made with version 1 as a draft and the four sections of
 * SEC Regulation S-K Item 106, and is selected. */
static void
test_new_disclosure (void)
{
  static const char *const keys[] = { "risk_management", "board_oversight", "management_role", "incident_effects" };
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "new-disclosure.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_page (window, "disclosure");
  CbRecordList *list = CB_RECORD_LIST (cb_test_gui_find (page, CB_TYPE_RECORD_LIST, NULL, NULL));
  GtkWidget *dialog = open_dialog (window, page, "disclosure.new", CB_TYPE_NEW_DISCLOSURE_DIALOG);
  GtkWidget *period = cb_test_gui_find (dialog, ADW_TYPE_ENTRY_ROW, cb_test_gui_row_titled, _("Period (FY2026 or FY2026Q1)"));
  g_autoptr(GPtrArray) before = cb_disclosure_list (workbook, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(CbDisclosureVersion) version = NULL;
  const CbDisclosure *created = NULL;
  AdwComboRow *audience;
  gint64 selected = 0;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period)), ==, "FY2026");
  gtk_editable_set_text (GTK_EDITABLE (period), "FY2027");
  /* The audiences are listed as annual securities report, integrated report, 10-K, 20-F, and shown
   * by their names, not their codes. */
  audience = ADW_COMBO_ROW (cb_test_gui_find (dialog, ADW_TYPE_COMBO_ROW, cb_test_gui_row_titled, _("Document For")));
  adw_combo_row_set_selected (audience, 2);
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_nonnull (cb_test_gui_find (GTK_WIDGET (audience), GTK_TYPE_LABEL, label_containing,
                                      cb_field_label_value ("audience", "us_10k")));
  g_assert_null (cb_test_gui_find (GTK_WIDGET (audience), GTK_TYPE_LABEL, label_containing, "us_10k"));
  enter_text (dialog, _("Title (Japanese)"), "2027年度 Form 10-K Item 1C");
  enter_text (dialog, _("Title (English)"), "Fiscal 2027 Form 10-K Item 1C");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_null (dialog);

  after = cb_disclosure_list (workbook, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_str_equal (((CbDisclosure *) after->pdata[i])->period, "FY2027"))
      created = after->pdata[i];
  g_assert_nonnull (created);
  g_assert_cmpstr (created->audience, ==, "us_10k");
  g_assert_cmpstr (created->languages, ==, "ja,en");
  g_assert_cmpstr (created->title_en, ==, "Fiscal 2027 Form 10-K Item 1C");
  versions = cb_disclosure_list_versions (workbook, created->id, NULL);
  g_assert_cmpuint (versions->len, ==, 1);
  version = cb_disclosure_get_version (workbook, ((CbDisclosureVersion *) versions->pdata[0])->id, NULL);
  g_assert_cmpint (version->version, ==, 1);
  g_assert_cmpstr (version->status, ==, "draft");
  g_assert_cmpuint (version->sections->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const CbDisclosureSection *section = version->sections->pdata[i];

      g_assert_cmpstr (section->key, ==, keys[i]);
      g_assert_null (section->body_en);
    }
  g_assert_true (cb_record_list_get_selected_key (list, &selected));
  g_assert_cmpint (selected, ==, version->id);
  g_assert_nonnull (cb_test_gui_find (page, GTK_TYPE_LABEL, label_containing, "Governance: board oversight"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
mapped (GtkWidget     *widget,
        gconstpointer  data)
{
  return gtk_widget_get_mapped (widget);
}

/* Every page of the demo workbook shows its rows, not an empty state, and a selected row opens
 * without a warning; with CB_TEST_SCREENSHOTS set, each is pictured. */
static void
test_tour (void)
{
  static const char *const pages[] = {
    "items", "benchmarks", "suppliers", "incidents", "kpis", "evaluation", "disclosure", "imports", "audit",
  };
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "tour.cyberboard");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = show_page (window, pages[i]);
      CbRecordList *list = CB_RECORD_LIST (cb_test_gui_find (page, CB_TYPE_RECORD_LIST, NULL, NULL));

      g_assert_null (cb_test_gui_find (GTK_WIDGET (list), ADW_TYPE_STATUS_PAGE, mapped, NULL));
      cb_test_gui_screenshot (GTK_WIDGET (window), pages[i]);
      if (cb_record_list_select_key (list, 1))
        {
          g_autofree char *name = g_strconcat (pages[i], "-selected", NULL);

          cb_test_gui_wait_until (cb_test_gui_window_idle, window);
          cb_test_gui_screenshot (GTK_WIDGET (window), name);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app = cb_test_gui_init_application (&argc, &argv, &tmp_dir);

  g_test_add_func ("/app-pages/items", test_items);
  g_test_add_func ("/app-pages/add-and-undo", test_add_and_undo);
  g_test_add_func ("/app-pages/hidden-pages", test_hidden_pages);
  g_test_add_func ("/app-pages/imports", test_imports);
  g_test_add_func ("/app-pages/evaluation", test_evaluation);
  g_test_add_func ("/app-pages/new-evaluation", test_new_evaluation);
  g_test_add_func ("/app-pages/new-disclosure", test_new_disclosure);
  g_test_add_func ("/app-pages/tour", test_tour);

  return cb_test_gui_run (app, tmp_dir);
}
