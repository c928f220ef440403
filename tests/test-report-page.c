/* The Reports page driven through real widgets on a virtual display with the demo workbook: the
 * board report's preview turned page by page, the PDF saved with its SHA-256, the preview made
 * again in Japanese, a draft disclosure, a draft and a signed evaluation with their hashes, the
 * signed one's PDF hash kept, also in Evaluator Mode, and a disclosure that cannot be made. */

#include <glib/gi18n.h>
#include <string.h>

#include "cb-application.h"
#include "cb-disclosure.h"
#include "cb-evaluation.h"
#include "cb-report.h"
#include "cb-report-disclosure.h"
#include "cb-report-page.h"
#include "cb-test-gui.h"
#include "cb-test-util.h"
#include "cb-window.h"

static CbApplication *app;
static char *tmp_dir;

static GtkWidget *
child (GtkWidget  *page,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (page, CB_TYPE_REPORT_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

/* What the preview showed before a change; the reference keeps a new one from taking its address. */
typedef struct
{
  GtkWidget    *page;
  GdkPaintable *before;
} Preview;

static gboolean
preview_made (gpointer data)
{
  Preview *preview = data;
  GdkPaintable *shown = gtk_picture_get_paintable (GTK_PICTURE (child (preview->page, "picture")));

  return gtk_widget_get_width (child (preview->page, "picture")) > 0
         && !gtk_widget_get_visible (child (preview->page, "spinner"))
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (preview->page, "preview_stack"))),
                       "building") != 0
         && shown != preview->before
         && !g_main_context_pending (NULL);
}

/* Waits until the page shows what it made after @change, which sets one of its rows. */
static void
wait_for_preview (GtkWidget  *page,
                  const char *row,
                  guint       selected)
{
  GdkPaintable *shown = gtk_picture_get_paintable (GTK_PICTURE (child (page, "picture")));
  Preview preview = { page, shown != NULL ? g_object_ref (shown) : NULL };

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, row)), selected);
  cb_test_gui_wait_until (preview_made, &preview);
  g_clear_object (&preview.before);
}

/* Shows the page as the main menu's "Reports…" (Ctrl+P) does, and waits for its first preview. */
static GtkWidget *
show_reports (CbWindow *window)
{
  GtkWidget *page;
  Preview preview = { NULL, NULL };

  g_action_group_activate_action (G_ACTION_GROUP (window), "reports", NULL);
  page = gtk_stack_get_visible_child (cb_test_gui_page_stack (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cb_test_gui_page_stack (window)), ==, "reports");
  g_assert_true (CB_IS_REPORT_PAGE (page));
  preview.page = page;
  cb_test_gui_wait_until (preview_made, &preview);
  return page;
}

static guint
count_pages (CbWorkbook            *workbook,
             const CbReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbPage) pages = cb_report_build (workbook, options, NULL, &error);

  g_assert_no_error (error);
  return cb_page_get_n_pages (pages);
}

static void
assert_page_label (GtkWidget *page,
                   guint      number,
                   guint      n_pages)
{
  g_autofree char *expected = g_strdup_printf ("%u / %u", number, n_pages);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (page, "page_label"))), ==, expected);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* The preview as drawn on screen at the next frame. */
static GBytes *
render_preview (GtkWidget *page,
                int       *width,
                int       *height)
{
  GtkWidget *picture = child (page, "picture");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (picture);
  g_autoptr(GdkPaintable) paintable = NULL;
  GBytes *image;
  gboolean painted = FALSE;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (picture);
  cb_test_gui_wait_until (cb_test_gui_flag_set, &painted);
  g_signal_handler_disconnect (clock, handler);

  paintable = gtk_widget_paintable_new (picture);
  image = cb_test_gui_render (paintable, picture, width, height);
  g_assert_cmpint (*width, >, 100);
  return image;
}

static const guchar *
pixel (GBytes *image,
       int     width,
       int     x,
       int     y)
{
  return (const guchar *) g_bytes_get_data (image, NULL) + ((gsize) y * width + x) * 4;
}

static gboolean
is_white (const guchar *p)
{
  return p[0] == 255 && p[1] == 255 && p[2] == 255 && p[3] == 255;
}

static gboolean
is_ink (const guchar *p)
{
  return p[3] == 255 && p[0] < 160 && p[1] < 160 && p[2] < 160;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static const char *
subtitle (GtkWidget  *widget,
          const char *title)
{
  GtkWidget *row = cb_test_gui_find (widget, ADW_TYPE_ACTION_ROW, cb_test_gui_row_titled, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
selected_period (GtkWidget *page)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (page, "period_row"));
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

/* The shortcut of the page whose trigger names @key, as the page's own key handling holds it. */
static GtkShortcut *
find_shortcut (GtkWidget  *page,
               const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, key) != NULL)
            return shortcut;
        }
    }
  g_assert_not_reached ();
}

static void
press (GtkWidget  *page,
       const char *key)
{
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (find_shortcut (page, key)),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, page, NULL));
}

static guint
assert_controls_named (GtkWidget *widget)
{
  guint n_controls = 0;

  if (GTK_IS_POPOVER (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) || GTK_IS_SPINNER (widget) || GTK_IS_PICTURE (widget)
      || (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))))
    {
      if (!cb_test_gui_has_accessible_name (widget))
        g_error ("a %s (%s) has no accessible name", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget));
      n_controls++;
      if (GTK_IS_LIST_BOX_ROW (widget))
        return n_controls;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_controls += assert_controls_named (c);
  return n_controls;
}

typedef struct
{
  GtkWidget  *row;
  const char *text;
} Subtitle;

static gboolean
subtitle_is (gpointer data)
{
  Subtitle *wanted = data;

  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (wanted->row)), wanted->text) == 0;
}

static GtkWidget *
save_button (GtkWidget *page)
{
  GtkWidget *button = cb_test_gui_find (page, GTK_TYPE_BUTTON, cb_test_gui_button_labelled, _("_Save PDF…"));

  g_assert_nonnull (button);
  return button;
}

static gboolean
save_done (gpointer data)
{
  return gtk_widget_get_sensitive (save_button (data));
}

/* What the last toast says, such as why a save failed. */
static const char *
toast_text (CbWindow *window)
{
  GtkWidget *toast = cb_test_gui_find (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"), NULL, NULL);
  GtkWidget *label = toast != NULL ? cb_test_gui_find (toast, GTK_TYPE_LABEL, NULL, NULL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "(no toast)";
}

/* Saves the report shown to @name in the test folder and returns the file's SHA-256, after
 * checking that it is a PDF and that the page shows that hash. */
static char *
save_pdf (CbWindow   *window,
          GtkWidget  *page,
          const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  char *sha256;
  gsize length;

  cb_report_page_save (CB_REPORT_PAGE (page), file);
  g_assert_false (gtk_widget_get_sensitive (save_button (page)));
  cb_test_gui_wait_until (save_done, page);
  if (!gtk_widget_get_visible (child (page, "saved_group")))
    g_error ("saving %s failed: %s", name, toast_text (window));

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  /* The hash beside the preview, to copy, and in the toast. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (page, "saved_row"))), ==, name);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "saved_row"))), ==, sha256);
  message = g_strdup_printf (_("Saved “%s”, SHA-256 %s"), name, sha256);
  g_assert_nonnull (cb_test_gui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, label_is, message));
  return sha256;
}

static void
test_board (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "board.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  const CbSnapshot *snapshot = cb_window_get_snapshot (window);
  g_autofree char *period = cb_period_to_string (&snapshot->period);
  CbReportOptions options = { CB_REPORT_BOARD, "en", period, snapshot->entity_code };
  GtkWidget *page = show_reports (window);
  g_autoptr(GBytes) english = NULL;
  g_autoptr(GBytes) japanese = NULL;
  g_autofree char *direct_path = g_build_filename (tmp_dir, "direct.pdf", NULL);
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;
  CbReportOutcome outcome = { NULL };
  guint n_english, n_japanese;
  guint n_ink = 0;
  int width, height;

  /* The demo's reports are in Japanese and the window shows its latest quarter. */
  g_assert_cmpstr (period, ==, "FY2026Q2");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "lang_row"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "type_row"))), ==, 0);
  g_assert_cmpstr (selected_period (page), ==, "FY2026Q2");
  g_assert_false (gtk_widget_get_visible (child (page, "seal_header")));

  wait_for_preview (page, "lang_row", 1);
  n_english = count_pages (workbook, &options);
  g_assert_cmpuint (n_english, >, 2);
  assert_page_label (page, 1, n_english);
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-board-en");

  /* White paper across the preview's width, with the cover's ink on it. */
  english = render_preview (page, &width, &height);
  g_assert_cmpint (height, >=, width * CB_PAGE_HEIGHT / CB_PAGE_WIDTH - 1);
  g_assert_true (is_white (pixel (english, width, 8, 8)));
  g_assert_true (is_white (pixel (english, width, width - 8, height - 8)));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n_ink += is_ink (pixel (english, width, x, y));
  g_assert_cmpuint (n_ink, >, 500);

  /* The buttons and Page Up and Page Down turn the pages. */
  gtk_widget_activate_action (page, "report.next-page", NULL);
  assert_page_label (page, 2, n_english);
  press (page, "Page_Down");
  assert_page_label (page, 3, n_english);
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-board-en-page-3");
  press (page, "Page_Up");
  press (page, "Page_Up");
  assert_page_label (page, 1, n_english);
  g_assert_false (gtk_widget_is_sensitive (gtk_widget_get_prev_sibling (child (page, "page_label"))));
  gtk_widget_activate_action (page, "report.fit-page", NULL);
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-board-en-fit");
  gtk_widget_activate_action (page, "report.fit-page", NULL);

  /* The PDF saved is the one the report command writes. */
  sha256 = save_pdf (window, page, "board-en.pdf");
  cb_report_write (workbook, &options, direct_path, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcome.sha256, ==, sha256);
  g_assert_false (outcome.hash_recorded);
  cb_report_outcome_clear (&outcome);
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-board-saved");

  /* In Japanese the preview is made again and drawn anew. */
  wait_for_preview (page, "lang_row", 0);
  options.lang = "ja";
  n_japanese = count_pages (workbook, &options);
  assert_page_label (page, 1, n_japanese);
  japanese = render_preview (page, &width, &height);
  g_assert_false (g_bytes_equal (english, japanese));
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-board-ja");

  g_assert_cmpuint (assert_controls_named (page), >=, 8);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_disclosure (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "disclosure.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_reports (window);
  GtkWidget *seal = child (page, "seal_header");

  /* The demo's one disclosure is a draft of FY2025, not of the quarter the window shows. */
  wait_for_preview (page, "type_row", CB_REPORT_DISCLOSURE);
  g_assert_cmpstr (selected_period (page), ==, "FY2025");
  assert_page_label (page, 1, count_pages (workbook, &(CbReportOptions) { CB_REPORT_DISCLOSURE, "ja", "FY2025" }));
  g_assert_true (gtk_widget_get_visible (seal));
  g_assert_cmpstr (subtitle (seal, _("Status")), ==, _("Draft"));
  g_assert_cmpstr (subtitle (seal, _("SHA-256 of the approved text")), ==, "—");
  g_assert_false (gtk_widget_get_visible (child (page, "pdf_row")));
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-disclosure");

  /* Approving happens on the Disclosure page, which the link opens. */
  g_signal_emit_by_name (child (page, "link_row"), "activate");
  cb_test_gui_wait_until (cb_test_gui_window_idle, window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cb_test_gui_page_stack (window)), ==, "disclosure");
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
period_index (GtkWidget  *page,
              const char *period)
{
  GListModel *periods = adw_combo_row_get_model (ADW_COMBO_ROW (child (page, "period_row")));

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (periods), i), period))
      return i;
  g_assert_not_reached ();
}

static void
test_evaluation (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "evaluation.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_reports (window);
  GtkWidget *seal = child (page, "seal_header");
  gint64 draft_id = cb_test_evaluation_of_year (workbook, 2026);
  gint64 signed_id = cb_test_evaluation_of_year (workbook, 2025);
  g_autofree char *draft_hash = cb_evaluation_content_hash (workbook, draft_id, NULL);
  g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (workbook, signed_id, NULL);

  /* The window's FY2026Q2 falls in the fiscal year of the draft evaluation. */
  wait_for_preview (page, "type_row", CB_REPORT_EVALUATION);
  g_assert_cmpstr (selected_period (page), ==, "FY2026");
  g_assert_cmpstr (subtitle (seal, _("Status")), ==, _("Draft"));
  g_assert_cmpstr (subtitle (seal, _("Content SHA-256, not yet sealed")), ==, draft_hash);
  g_assert_false (gtk_widget_get_visible (child (page, "pdf_row")));

  /* The signed one of FY2025 shows the hash sealed at signing and no PDF's yet. */
  g_assert_cmpstr (evaluation->status, ==, "signed");
  g_assert_null (evaluation->report_sha256);
  wait_for_preview (page, "period_row", period_index (page, "FY2025"));
  g_assert_cmpstr (selected_period (page), ==, "FY2025");
  g_assert_cmpstr (subtitle (seal, _("Status")), ==, _("Signed"));
  g_assert_cmpstr (subtitle (seal, _("Content SHA-256, sealed at signing")), ==, evaluation->content_sha256);
  g_assert_true (gtk_widget_get_visible (child (page, "pdf_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "pdf_row"))), ==, "—");
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-evaluation-signed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first PDF saved of a signed evaluation has its hash kept with it, and shown, while the
 * window's own connection to the workbook stays open; in Evaluator Mode too, where the evaluation
 * is all the save may change. */
static void
test_evaluation_pdf_hash (gconstpointer data)
{
  gboolean evaluator = GPOINTER_TO_INT (data);
  const char *name = evaluator ? "evaluator-pdf" : "evaluation-pdf";
  g_autofree char *base = g_strconcat (name, ".cyberboard", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, base, NULL);
  g_autofree char *screenshot = g_strdup_printf ("report-%s-hash", name);
  CbWindow *window;
  CbWorkbook *workbook;
  GtkWidget *page;
  gint64 signed_id;
  g_autoptr(CbEvaluation) after = NULL;
  g_autofree char *sha256 = NULL;
  Subtitle recorded;

  g_object_unref (cb_test_create_demo (path, 1));
  window = evaluator ? cb_test_gui_open_evaluator_window (app, path) : cb_test_gui_open_window (app, path);
  g_assert_true (cb_window_is_evaluator_mode (window) == evaluator);
  workbook = cb_window_get_workbook (window);
  g_assert_true (cb_workbook_is_evaluator (workbook) == evaluator);
  page = show_reports (window);
  signed_id = cb_test_evaluation_of_year (workbook, 2025);

  wait_for_preview (page, "type_row", CB_REPORT_EVALUATION);
  wait_for_preview (page, "period_row", period_index (page, "FY2025"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "pdf_row"))), ==, "—");

  sha256 = save_pdf (window, page, "evaluation-ja.pdf");
  recorded.row = child (page, "pdf_row");
  recorded.text = sha256;
  cb_test_gui_wait_until (subtitle_is, &recorded);
  after = cb_evaluation_get (workbook, signed_id, NULL);
  g_assert_cmpstr (after->report_sha256, ==, sha256);
  cb_test_gui_screenshot (GTK_WIDGET (window), screenshot);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
error_shown (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (data, "preview_stack"))), "error") == 0
         && !g_main_context_pending (NULL);
}

/* A placeholder that names no figure stops the disclosure; the page says which, as core does. */
static void
test_error (void)
{
  CbWindow *window = cb_test_gui_open_demo (app, tmp_dir, "error.cyberboard");
  CbWorkbook *workbook = cb_window_get_workbook (window);
  GtkWidget *page = show_reports (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbDisclosureVersion) version = NULL;
  const CbDisclosureSection *section;
  const char *description;

  wait_for_preview (page, "type_row", CB_REPORT_DISCLOSURE);
  version = cb_disclosure_get_version (workbook, cb_report_disclosure_find (workbook, "FY2025", NULL), &error);
  g_assert_no_error (error);
  section = version->sections->pdata[0];
  cb_disclosure_set_section (workbook, version->id, section->key, "ja", "{{nothing.here}}", &error);
  g_assert_no_error (error);
  cb_window_refresh (window);
  cb_test_gui_wait_until (error_shown, page);

  description = adw_status_page_get_description (ADW_STATUS_PAGE (child (page, "error_page")));
  g_assert_nonnull (strstr (description, "nothing.here"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (page, "page_label"))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (save_button (page)));
  g_assert_false (gtk_widget_get_visible (child (page, "seal_header")));
  cb_test_gui_screenshot (GTK_WIDGET (window), "report-error");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app = cb_test_gui_init_application (&argc, &argv, &tmp_dir);

  g_test_add_func ("/report-page/board", test_board);
  g_test_add_func ("/report-page/disclosure", test_disclosure);
  g_test_add_func ("/report-page/evaluation", test_evaluation);
  g_test_add_data_func ("/report-page/evaluation-pdf-hash", GINT_TO_POINTER (FALSE), test_evaluation_pdf_hash);
  g_test_add_data_func ("/report-page/evaluator-pdf-hash", GINT_TO_POINTER (TRUE), test_evaluation_pdf_hash);
  g_test_add_func ("/report-page/error", test_error);

  return cb_test_gui_run (app, tmp_dir);
}
