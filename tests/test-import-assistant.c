/* The import assistant and the export dialog driven through real widgets on a virtual display:
 * the preview with the detected encoding and delimiter and the column mapping, a saved mapping, a
 * dry run listing a broken file's problems, an import undone from the window, an import cancelled
 * half-way that leaves the workbook's bytes alone, and an export. CB_TEST_SCREENSHOTS=DIR saves
 * what each step looks like. */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-application.h"
#include "cb-export-dialog.h"
#include "cb-import-assistant.h"
#include "cb-importer.h"
#include "cb-mapping.h"
#include "cb-record.h"
#include "cb-test-gui.h"
#include "cb-test-util.h"
#include "cb-window.h"

static CbApplication *app;
static char *tmp_dir;

static gboolean
assistant_idle (gpointer data)
{
  return !cb_import_assistant_is_busy (data) && !g_main_context_pending (NULL);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gpointer
part (CbImportAssistant *assistant,
      const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (assistant), CB_TYPE_IMPORT_ASSISTANT, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
page (CbImportAssistant *assistant)
{
  return gtk_stack_get_visible_child_name (part (assistant, "stack"));
}

/* Whether the header bar's button to the next step is there and can be pressed. */
static gboolean
can_go_on (CbImportAssistant *assistant)
{
  GtkWidget *button = part (assistant, "next_button");

  return gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button);
}

/* Whether the button labelled @label can be pressed: its action is enabled. */
static gboolean
can_press (CbImportAssistant *assistant,
           const char        *label)
{
  GtkWidget *button = cb_test_gui_find (GTK_WIDGET (assistant), GTK_TYPE_BUTTON, cb_test_gui_button_labelled, label);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
activate (CbImportAssistant *assistant,
          const char        *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), action, NULL));
}

static GFile *
test_gfile (const char *name)
{
  g_autofree char *path = cb_test_import_data (name);

  return g_file_new_for_path (path);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* An empty workbook of its own for each test, so every count below starts from nothing. */
static char *
create_workbook (const char *name)
{
  char *path = temp_path (name);
  g_autoptr(CbWorkbook) workbook = cb_test_create_workbook (path);

  return path;
}

static CbImportAssistant *
open_assistant (CbWindow   *window,
                const char *kind,
                const char *file_name)
{
  CbImportAssistant *assistant = cb_import_assistant_new (window);
  g_autoptr(GFile) file = NULL;

  gtk_window_present (GTK_WINDOW (assistant));
  g_assert_cmpstr (page (assistant), ==, "choose");
  cb_import_assistant_set_kind (assistant, kind);
  if (file_name != NULL)
    {
      file = test_gfile (file_name);
      cb_import_assistant_open_file (assistant, file);
      g_assert_cmpstr (page (assistant), ==, "preview");
    }
  return assistant;
}

static const char *
subtitle (CbImportAssistant *assistant,
          const char        *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (part (assistant, row)));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

/* The mapping as the column rows show it, "HEADER → CHOICE" one a line. */
static char *
shown_mapping (CbImportAssistant *assistant)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect_rows (part (assistant, "columns_group"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "%s → %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              gtk_string_object_get_string (adw_combo_row_get_selected_item (row)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Chooses @choice in the row of the column headed @header, as a user picks it from the list. */
static void
choose_field (CbImportAssistant *assistant,
              const char        *header,
              const char        *choice)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (part (assistant, "columns_group"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (rows, i);
      GListModel *model = adw_combo_row_get_model (row);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), header) != 0)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), j), choice))
          {
            adw_combo_row_set_selected (row, j);
            return;
          }
    }
  g_error ("no row “%s” with the choice “%s”", header, choice);
}

/* What the bar above the preview says about the mapping; "" when it is hidden. */
static const char *
mapping_status (CbImportAssistant *assistant)
{
  if (!gtk_revealer_get_reveal_child (part (assistant, "mapping_revealer")))
    return "";
  return gtk_label_get_text (part (assistant, "mapping_status"));
}

/* Checks that every visible control under @widget has a name for assistive technologies. */
static guint
assert_controls_named (GtkWidget *widget)
{
  guint n_controls = 0;

  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_EDITABLE (widget)
      || GTK_IS_COLUMN_VIEW (widget)
      || (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))))
    {
      if (!cb_test_gui_has_accessible_name (widget) && !GTK_IS_TEXT (widget))
        g_error ("a %s (%s) has no accessible name", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget));
      n_controls++;
      if (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget))
        return n_controls;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_controls += assert_controls_named (c);
  return n_controls;
}

static GPtrArray *
list_records (const char *path,
              const char *kind)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  CbRecordFilter filter = { CB_AUDIENCE_ALL, NULL };
  GPtrArray *records;

  workbook = cb_workbook_open (path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  records = cb_workbook_list_records (workbook, cb_kind_lookup (kind), &filter, &error);
  g_assert_no_error (error);
  return records;
}

static void
write_text (const char *path,
            GString    *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
}

static void
import_direct (const char *workbook_path,
               const char *kind,
               const char *file)
{
  g_autoptr(CbWorkbook) workbook = cb_workbook_open (workbook_path, CB_WORKBOOK_OPEN_DEFAULT, NULL);
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;
  CbImportOptions options = { .kind = kind };

  cb_import_file (workbook, file, &options, result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The detected encoding and delimiter of files from different tools. */
static void
test_detection (void)
{
  static const struct
  {
    const char *kind;
    const char *file;
    const char *encoding;
    const char *delimiter;
  } cases[] = {
    { "suppliers", "suppliers-excel-bom.csv", "Detected: UTF-8 with byte order mark", "Detected: Comma" },
    { "suppliers", "suppliers-grc-semicolon.csv", "Detected: UTF-8", "Detected: Semicolon" },
    { "incidents", "incidents-ticketing-cp932.csv", "Detected: Shift_JIS (CP932)", "Detected: Comma" },
    { "entities", "entities-utf16be-cr.txt", "Detected: UTF-16BE", "Detected: Tab" },
  };
  g_autofree char *path = create_workbook ("detection.cyberboard");
  CbWindow *window = cb_test_gui_open_window (app, path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbImportAssistant *assistant = open_assistant (window, cases[i].kind, cases[i].file);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpstr (subtitle (assistant, "encoding_row"), ==, cases[i].encoding);
      g_assert_cmpstr (subtitle (assistant, "delimiter_row"), ==, cases[i].delimiter);
      g_assert_false (gtk_widget_get_visible (part (assistant, "preview_error")));
      gtk_window_destroy (GTK_WINDOW (assistant));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The suppliers file Excel writes: the preview, the mapping the headers give, edits of it, a
 * delimiter chosen by hand and a saved mapping. */
static void
test_preview (void)
{
  g_autofree char *path = create_workbook ("preview.cyberboard");
  CbWindow *window = cb_test_gui_open_window (app, path);
  CbImportAssistant *assistant = open_assistant (window, "suppliers", NULL);
  g_autoptr(GFile) file = test_gfile ("suppliers-excel-bom.csv");
  g_autofree char *mapping = NULL;
  g_autofree char *again = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *view;
  GListModel *rows;
  GtkWidget *dialog = NULL;

  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-1-choose");
  g_assert_cmpuint (assert_controls_named (GTK_WIDGET (assistant)), >=, 3);
  g_assert_false (can_go_on (assistant));

  cb_import_assistant_open_file (assistant, file);
  g_assert_cmpstr (page (assistant), ==, "preview");
  g_assert_cmpstr (subtitle (assistant, "encoding_row"), ==, "Detected: UTF-8 with byte order mark");
  g_assert_cmpstr (subtitle (assistant, "delimiter_row"), ==, "Detected: Comma");

  /* The five data rows, each with its line and the nine cells. */
  view = part (assistant, "preview_view");
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 10);
  {
    g_autoptr(GtkStringList) second = g_list_model_get_item (rows, 1);

    g_assert_cmpstr (gtk_string_list_get_string (second, 0), ==, "3");
    g_assert_cmpstr (gtk_string_list_get_string (second, 2), ==, "Acme \"Cloud\" Inc.");
    g_assert_cmpstr (gtk_string_list_get_string (second, 9), ==, "年次監査済");
  }

  /* Every header but the remarks names a field by one of its Japanese aliases. */
  mapping = shown_mapping (assistant);
  g_assert_cmpstr (mapping, ==,
                   "取引先コード → Code (code)\n"
                   "取引先名 → Name (name)\n"
                   "国 → Country (country)\n"
                   "重要度 → Criticality (criticality)\n"
                   "委託業務 → Services (services)\n"
                   "アクセスする情報 → Data access (data_access)\n"
                   "担当部署 → Owner (owner)\n"
                   "機密区分 → Confidentiality (confidentiality)\n"
                   "備考 → —\n");
  g_assert_cmpstr (mapping_status (assistant), ==, "");
  g_assert_false (gtk_widget_get_visible (part (assistant, "saved_row")));
  {
    g_autoptr(GPtrArray) column_rows = g_ptr_array_new ();

    /* Each row shows the first values of its column under the header. */
    collect_rows (part (assistant, "columns_group"), column_rows);
    g_assert_cmpstr (adw_action_row_get_subtitle (column_rows->pdata[0]), ==, "SUP-001, SUP-002, SUP-003");
    g_assert_cmpstr (adw_action_row_get_subtitle (column_rows->pdata[1]), ==,
                     "株式会社北斗データセンター, Acme \"Cloud\" Inc., 山田印刷株式会社");
    g_assert_cmpstr (adw_action_row_get_subtitle (column_rows->pdata[8]), ==, "年次監査済, 契約更新 2026/10");
  }
  g_assert_true (can_go_on (assistant));
  g_assert_cmpuint (assert_controls_named (GTK_WIDGET (assistant)), >=, 14);
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview");
  {
    GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *page_scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (card), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview-rows");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* A column left out whose header still names its field is read anyway: the user is told. */
  choose_field (assistant, "国", "—");
  g_assert_cmpstr (mapping_status (assistant), ==,
                   "“国” is still read as Country, since its header names that field; rename the column in "
                   "the file to leave it out.");
  g_assert_true (can_go_on (assistant));

  /* Another column giving the country takes it; two columns giving it must be resolved. */
  choose_field (assistant, "備考", "Country (country)");
  g_assert_cmpstr (mapping_status (assistant), ==, "");
  choose_field (assistant, "国", "Country (country)");
  g_assert_cmpstr (mapping_status (assistant), ==, "Columns “国” and “備考” both give Country: choose one.");
  g_assert_false (can_go_on (assistant));
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview-conflict");
  choose_field (assistant, "国", "—");

  /* The mapping with the remarks as the country, saved under a name through its dialog. */
  activate (assistant, "assistant.save-mapping");
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (assistant))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  cb_test_gui_screenshot (dialog, "import-2-save-mapping");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "Remarks as country");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  saved = cb_mapping_load (cb_window_get_workbook (window), "suppliers", "Remarks as country", &error);
  g_assert_no_error (error);
  joined = g_strjoinv (";", saved);
  g_assert_cmpstr (joined, ==,
                   "code=取引先コード;name=取引先名;criticality=重要度;services=委託業務;"
                   "data_access=アクセスする情報;owner=担当部署;confidentiality=機密区分;country=備考");

  /* Opening the file again starts from the headers; choosing the saved mapping brings it back. */
  cb_import_assistant_open_file (assistant, file);
  g_assert_true (gtk_widget_get_visible (part (assistant, "saved_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (part (assistant, "saved_row")), ==, 0);
  again = shown_mapping (assistant);
  g_assert_cmpstr (again, ==, mapping);
  adw_combo_row_set_selected (part (assistant, "saved_row"), 1);
  g_free (mapping);
  mapping = shown_mapping (assistant);
  g_assert_nonnull (strstr (mapping, "国 → —\n"));
  g_assert_nonnull (strstr (mapping, "備考 → Country (country)\n"));

  /* A delimiter chosen by hand reads each line as one cell: no column gives the required fields. */
  adw_combo_row_set_selected (part (assistant, "saved_row"), 0);
  adw_combo_row_set_selected (part (assistant, "delimiter_row"), 2);
  g_assert_cmpstr (subtitle (assistant, "delimiter_row"), ==, "Read as Semicolon");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 2);
  /* The second line quotes a cell in the middle of what is now one field. */
  g_assert_true (gtk_widget_get_visible (part (assistant, "preview_error")));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (part (assistant, "preview_error")),
                                   "suppliers-excel-bom.csv:2:1: misplaced quote: a field holding quotes must be "
                                   "quoted whole, with its quotes doubled"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 0);
  g_assert_cmpstr (mapping_status (assistant), ==,
                   "No column gives Code, which every row needs.\n"
                   "No column gives Name, which every row needs.");
  g_assert_false (can_go_on (assistant));
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview-semicolon");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file of guideline items without a period or entity column: the rows take the period typed,
 * which must be one, and the entity chosen. */
static void
test_defaults (void)
{
  g_autofree char *path = create_workbook ("defaults.cyberboard");
  g_autofree char *items_path = temp_path ("items.csv");
  g_autoptr(GString) text = g_string_new ("項目,成熟度\n指示1,3\n指示2,2\n");
  g_autoptr(GFile) file = g_file_new_for_path (items_path);
  g_autoptr(GPtrArray) assessments = NULL;
  CbImportAssistant *assistant;
  GtkEditable *period;
  gpointer weak;
  CbWindow *window;

  write_text (items_path, text);
  window = cb_test_gui_open_window (app, path);
  assistant = open_assistant (window, "assessments", NULL);
  cb_import_assistant_open_file (assistant, file);
  weak = assistant;
  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);

  /* The window's period and entity come first. */
  period = part (assistant, "period_row");
  g_assert_true (gtk_widget_get_visible (part (assistant, "defaults_group")));
  g_assert_true (gtk_widget_get_visible (part (assistant, "entity_row")));
  g_assert_false (gtk_widget_get_visible (part (assistant, "questionnaire_row")));
  g_assert_cmpstr (gtk_editable_get_text (period), ==, "FY2026Q3");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (part (assistant, "entity_row"))),
                   ==, "Test Seiko Co., Ltd.");
  g_assert_cmpstr (mapping_status (assistant), ==, "");
  g_assert_true (can_go_on (assistant));

  gtk_editable_set_text (period, "");
  g_assert_cmpstr (mapping_status (assistant), ==, "No column gives Period, which every row needs.");
  g_assert_false (can_go_on (assistant));
  gtk_editable_set_text (period, "FY2026Q5");
  g_assert_cmpstr (mapping_status (assistant), ==,
                   "The period for rows without one is not a period such as FY2026Q2 or FY2026.");
  g_assert_false (can_go_on (assistant));
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview-period");
  gtk_editable_set_text (period, "fy2026q2");
  g_assert_cmpstr (mapping_status (assistant), ==, "");
  g_assert_true (can_go_on (assistant));

  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_title")), ==, "2 rows can be imported");
  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (pointer_cleared, &weak);

  assessments = list_records (path, "assessments");
  g_assert_cmpuint (assessments->len, ==, 2);
  for (guint i = 0; i < assessments->len; i++)
    {
      g_assert_cmpstr (cb_record_get (assessments->pdata[i], "period"), ==, "FY2026Q2");
      g_assert_cmpstr (cb_record_get (assessments->pdata[i], "entity"), ==, "GROUP");
    }
  g_assert_cmpstr (cb_record_get (assessments->pdata[0], "item_key"), ==, "CSMG.D1");
  g_assert_cmpstr (cb_record_get (assessments->pdata[0], "level"), ==, "3");
  g_assert_cmpstr (cb_record_get (assessments->pdata[1], "item_key"), ==, "CSMG.D2");
  g_assert_cmpstr (cb_record_get (assessments->pdata[1], "level"), ==, "2");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A Microsoft Forms export, one supplier a row and one question a column: the layout is detected,
 * only the supplier column is mapped, the importer matches the questions. */
static void
test_wide (void)
{
  g_autofree char *path = create_workbook ("wide.cyberboard");
  g_autofree char *suppliers = cb_test_import_data ("suppliers-excel-bom.csv");
  g_autofree char *questions = cb_test_import_data ("questionnaire.csv");
  g_autofree char *mapping = NULL;
  CbImportAssistant *assistant;
  CbWindow *window;

  import_direct (path, "suppliers", suppliers);
  import_direct (path, "questionnaire", questions);
  window = cb_test_gui_open_window (app, path);
  assistant = open_assistant (window, "responses", "responses-microsoft-forms.csv");
  g_assert_cmpuint (adw_combo_row_get_selected (part (assistant, "layout_row")), ==, 0);
  mapping = shown_mapping (assistant);
  /* The survey tool's completion time is the answer date, by the catalog's aliases. */
  g_assert_cmpstr (mapping, ==,
                   "ID → Automatic\n"
                   "Start time → Automatic\n"
                   "Completion time → Answered on (answered_on)\n"
                   "Email → Automatic\n"
                   "Name → Automatic\n"
                   "Last modified time → Automatic\n"
                   "取引先コード → Supplier (supplier_code)\n"
                   "Q1. 多要素認証をリモートアクセスと管理者アカウントに適用していますか → Automatic\n"
                   "Q2. 重要なデータを毎日バックアップし、オフラインでも保管していますか → Automatic\n"
                   "Q3. 重大な脆弱性のセキュリティパッチを30日以内に適用していますか → Automatic\n"
                   "Q4. 全従業員に年1回以上のセキュリティ教育を実施していますか → Automatic\n"
                   "Q5. インシデント発生時に24時間以内に当社へ報告する体制がありますか → Automatic\n"
                   "Q5. 補足コメント → Automatic\n"
                   "ご意見・ご要望 → Automatic\n");
  g_assert_cmpstr (mapping_status (assistant), ==, "");
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-2-preview-wide");

  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_title")), ==, "15 rows can be imported");

  /* Read as one answer a row, the file lacks the question and answer columns. */
  activate (assistant, "assistant.back");
  adw_combo_row_set_selected (part (assistant, "layout_row"), 1);
  g_assert_cmpstr (mapping_status (assistant), ==,
                   "No column gives Question, which every row needs.\n"
                   "No column gives Answer, which every row needs.");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A dry run of a file whose rows contradict each other: each problem with its line and column,
 * nothing to import, the problems exported, and the workbook untouched. */
static void
test_problems (void)
{
  g_autofree char *path = create_workbook ("problems.cyberboard");
  CbWindow *window = cb_test_gui_open_window (app, path);
  CbImportAssistant *assistant = open_assistant (window, "suppliers", "broken-duplicate-key.csv");
  g_autoptr(GBytes) before = cb_test_file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *export_path = temp_path ("problems.csv");
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  static const char *const expected[][4] = {
    { "4", "2", "error", "name: an earlier row of this file with the same key has “株式会社東西クラウドサービス”, "
                         "this one “株式会社東西クラウド”" },
    { "6", "2", "error", "name: an earlier row of this file with the same key has “北斗データセンター株式会社”, "
                         "this one “株式会社北斗データセンター”" },
  };

  activate (assistant, "assistant.next");
  g_assert_true (cb_import_assistant_is_busy (assistant));
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (page (assistant), ==, "check");
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_title")), ==, "2 problems to fix in the file");

  problems = G_LIST_MODEL (gtk_column_view_get_model (part (assistant, "problems_view")));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (problems, i);

      for (guint j = 0; j < 4; j++)
        g_assert_cmpstr (gtk_string_list_get_string (row, j), ==, expected[i][j]);
    }
  g_assert_cmpuint (cb_import_assistant_get_result (assistant)->n_errors, ==, 2);
  g_assert_false (gtk_widget_get_visible (part (assistant, "next_button")));
  g_assert_false (can_go_on (assistant));
  g_assert_true (can_press (assistant, "_Export Problems…"));
  g_assert_cmpuint (assert_controls_named (GTK_WIDGET (assistant)), >=, 3);
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-3-problems");

  g_assert_true (cb_import_assistant_save_problems (assistant, export_file, &error));
  g_assert_no_error (error);
  exported = cb_test_file_bytes (export_path);
  g_assert_cmpstr (g_bytes_get_data (exported, NULL), ==,
                   "\xEF\xBB\xBF" "File,Line,Column,Severity,Message\r\n"
                   "broken-duplicate-key.csv,4,2,Error,\"name: an earlier row of this file with the same key has "
                   "“株式会社東西クラウドサービス”, this one “株式会社東西クラウド”\"\r\n"
                   "broken-duplicate-key.csv,6,2,Error,\"name: an earlier row of this file with the same key has "
                   "“北斗データセンター株式会社”, this one “株式会社北斗データセンター”\"\r\n");

  /* A dry run writes nothing, not even a rolled-back batch. */
  after = cb_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Back on the preview, the mapping is as it was. */
  activate (assistant, "assistant.back");
  g_assert_cmpstr (page (assistant), ==, "preview");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the assistant while it checks stops the check, then closes it. */
static void
test_close_while_busy (void)
{
  g_autofree char *path = create_workbook ("close.cyberboard");
  CbWindow *window = cb_test_gui_open_window (app, path);
  CbImportAssistant *assistant = open_assistant (window, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(GBytes) before = cb_test_file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  gpointer weak = assistant;

  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);
  activate (assistant, "assistant.next");
  g_assert_true (cb_import_assistant_is_busy (assistant));
  gtk_window_close (GTK_WINDOW (assistant));
  g_assert_nonnull (weak);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant)));
  cb_test_gui_wait_until (pointer_cleared, &weak);
  after = cb_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The suppliers file imported, shown in the window, and taken out again with the toast's Undo. */
static void
test_import_and_undo (void)
{
  g_autofree char *path = create_workbook ("import.cyberboard");
  CbWindow *window = cb_test_gui_open_window (app, path);
  CbImportAssistant *assistant = open_assistant (window, "suppliers", "suppliers-excel-bom.csv");
  g_autoptr(GPtrArray) suppliers = NULL;
  gpointer weak = assistant;

  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (page (assistant), ==, "check");
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_title")), ==, "5 rows can be imported");
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_detail")), ==,
                   "5 new, 0 changed. Nothing has been written yet. The warning below does not stop the import.");
  {
    GListModel *problems = G_LIST_MODEL (gtk_column_view_get_model (part (assistant, "problems_view")));
    g_autoptr(GtkStringList) row = g_list_model_get_item (problems, 0);

    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (row, 0), ==, "1");
    g_assert_cmpstr (gtk_string_list_get_string (row, 1), ==, "");
    g_assert_cmpstr (gtk_string_list_get_string (row, 2), ==, "warning");
    g_assert_cmpstr (gtk_string_list_get_string (row, 3), ==, "column “備考” is not a field of suppliers; it is not imported");
  }
  g_assert_true (gtk_widget_get_visible (part (assistant, "next_button")));
  g_assert_cmpstr (gtk_button_get_label (part (assistant, "next_button")), ==, "_Import");
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-3-ready");
  suppliers = list_records (path, "suppliers");
  g_assert_cmpuint (suppliers->len, ==, 0);
  g_clear_pointer (&suppliers, g_ptr_array_unref);

  /* The import closes the assistant; the window shows the new rows and offers to undo them. */
  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);
  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (pointer_cleared, &weak);
  suppliers = list_records (path, "suppliers");
  g_assert_cmpuint (suppliers->len, ==, 5);
  g_assert_cmpstr (cb_record_get (suppliers->pdata[0], "code"), ==, "SUP-001");
  g_assert_cmpstr (cb_record_get (suppliers->pdata[0], "criticality"), ==, "high");
  g_assert_cmpstr (cb_record_get (suppliers->pdata[4], "code"), ==, "SUP-005");
  g_clear_pointer (&suppliers, g_ptr_array_unref);
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  cb_test_gui_screenshot (GTK_WIDGET (window), "import-5-toast");

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  suppliers = list_records (path, "suppliers");
  g_assert_cmpuint (suppliers->len, ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  gtk_window_destroy (GTK_WINDOW (window));
}

#define N_SUPPLIERS 20
#define N_QUESTIONS 25
#define N_DATES 400

static gboolean
progress_started (gpointer data)
{
  return gtk_progress_bar_get_fraction (data) > 0;
}

/* A 200,000-row responses file, cancelled once the import is under way: the workbook keeps every
 * byte, and the window stays usable meanwhile. */
static void
test_cancel (void)
{
  g_autofree char *path = create_workbook ("cancel.cyberboard");
  g_autofree char *suppliers_path = temp_path ("cancel-suppliers.csv");
  g_autofree char *questions_path = temp_path ("cancel-questionnaire.csv");
  g_autofree char *responses_path = temp_path ("cancel-responses.csv");
  g_autoptr(GString) text = g_string_new ("code,name\n");
  g_autoptr(GFile) responses = g_file_new_for_path (responses_path);
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *mapping = NULL;
  CbImportAssistant *assistant;
  CbWindow *window;

  for (int i = 1; i <= N_SUPPLIERS; i++)
    g_string_append_printf (text, "S%03d,取引先%d\n", i, i);
  write_text (suppliers_path, text);
  g_string_assign (text, "questionnaire,question_code,text_ja\n");
  for (int q = 1; q <= N_QUESTIONS; q++)
    g_string_append_printf (text, "SCQ-T,Q%d,設問%d\n", q, q);
  write_text (questions_path, text);
  import_direct (path, "suppliers", suppliers_path);
  import_direct (path, "questionnaire", questions_path);

  g_string_assign (text, "supplier_code,questionnaire,question_code,answer,answered_on\n");
  for (int d = 0; d < N_DATES; d++)
    {
      g_autoptr(GDate) date = g_date_copy (first);
      char day[16];

      g_date_add_days (date, d);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      for (int i = 1; i <= N_SUPPLIERS; i++)
        for (int q = 1; q <= N_QUESTIONS; q++)
          g_string_append_printf (text, "S%03d,SCQ-T,Q%d,%s,%s\n", i, q, (i + q + d) % 3 ? "Yes" : "No", day);
    }
  write_text (responses_path, text);

  window = cb_test_gui_open_window (app, path);
  assistant = open_assistant (window, "responses", NULL);
  cb_import_assistant_open_file (assistant, responses);
  g_assert_true (gtk_widget_get_visible (part (assistant, "layout_row")));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (part (assistant, "questionnaire_row"))),
                   ==, "SCQ-T");
  mapping = shown_mapping (assistant);
  g_assert_cmpstr (mapping, ==,
                   "supplier_code → Supplier (supplier_code)\n"
                   "questionnaire → Questionnaire (questionnaire)\n"
                   "question_code → Question (question_code)\n"
                   "answer → Answer (answer)\n"
                   "answered_on → Answered on (answered_on)\n");

  /* A check cancelled half-way goes back to the columns. */
  activate (assistant, "assistant.next");
  g_assert_cmpstr (page (assistant), ==, "progress");
  cb_test_gui_wait_until (progress_started, part (assistant, "progress_bar"));
  activate (assistant, "assistant.cancel");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (page (assistant), ==, "preview");
  g_assert_null (cb_import_assistant_get_result (assistant)->sha256);

  activate (assistant, "assistant.next");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (gtk_label_get_text (part (assistant, "check_title")), ==, "200000 rows can be imported");

  before = cb_test_file_bytes (path);
  activate (assistant, "assistant.next");
  g_assert_cmpstr (page (assistant), ==, "progress");
  cb_test_gui_wait_until (progress_started, part (assistant, "progress_bar"));
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-4-progress");
  g_assert_true (cb_import_assistant_is_busy (assistant));
  activate (assistant, "assistant.cancel");
  cb_test_gui_wait_until (assistant_idle, assistant);
  g_assert_cmpstr (page (assistant), ==, "result");
  g_assert_cmpstr (adw_status_page_get_title (part (assistant, "result_page")), ==, "Import Cancelled");
  g_assert_cmpstr (adw_status_page_get_description (part (assistant, "result_page")), ==,
                   "Nothing was written to the workbook.");
  cb_test_gui_screenshot (GTK_WIDGET (assistant), "import-4-cancelled");

  after = cb_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* win.export: the suppliers of a workbook as the CSV the importer reads. */
static void
test_export (void)
{
  g_autofree char *path = create_workbook ("export.cyberboard");
  g_autofree char *source = cb_test_import_data ("suppliers-excel-bom.csv");
  g_autofree char *output = temp_path ("exported-suppliers.csv");
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  CbExportDialog *dialog = NULL;
  CbWindow *window;

  import_direct (path, "suppliers", source);
  window = cb_test_gui_open_window (app, path);
  g_action_group_activate_action (G_ACTION_GROUP (window), "export", NULL);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CB_IS_EXPORT_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  cb_export_dialog_select (dialog, "suppliers", NULL);
  g_assert_cmpuint (assert_controls_named (GTK_WIDGET (dialog)), >=, 3);
  cb_test_gui_screenshot (GTK_WIDGET (dialog), "export-dialog");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cb_export_dialog_save (dialog, file);
  cb_test_gui_wait_until (pointer_cleared, &dialog);
  bytes = cb_test_file_bytes (output);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "\xEF\xBB\xBF" "code,name,country,criticality,services,data_access,owner,confidentiality");
  g_assert_cmpstr (lines[1], ==, "SUP-001,株式会社北斗データセンター,JP,high,\"データセンター運用, 保守\",personal,"
                                 "情報システム部,internal");
  g_assert_cmpstr (lines[6], ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app = cb_test_gui_init_application (&argc, &argv, &tmp_dir);

  g_test_add_func ("/import-assistant/detection", test_detection);
  g_test_add_func ("/import-assistant/preview", test_preview);
  g_test_add_func ("/import-assistant/defaults", test_defaults);
  g_test_add_func ("/import-assistant/wide", test_wide);
  g_test_add_func ("/import-assistant/problems", test_problems);
  g_test_add_func ("/import-assistant/import-and-undo", test_import_and_undo);
  g_test_add_func ("/import-assistant/close-while-busy", test_close_while_busy);
  g_test_add_func ("/import-assistant/cancel", test_cancel);
  g_test_add_func ("/export-dialog/suppliers", test_export);

  return cb_test_gui_run (app, tmp_dir);
}
