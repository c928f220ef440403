#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cb-disclosure.h"
#include "cb-evaluation.h"
#include "cb-field-label.h"
#include "cb-page-paintable.h"
#include "cb-report.h"
#include "cb-report-page.h"
#include "cb-seal-header.h"
#include "cb-theme.h"
#include "cb-undo-toast.h"
#include "cb-window.h"
#include "cb-workbook-view.h"

/* The languages in the order the language row lists them. */
static const char *const languages[] = { "ja", "en" };

static guint
language_index (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], lang) == 0)
      return i;
  return 0;
}

/* A report as chosen: what a build makes, what the preview shows and what Save writes. */
typedef struct
{
  CbReportType  type;
  char         *lang;
  char         *period;
  char         *entity;  /* the board report's only */
} Choice;

static void
choice_clear (Choice *choice)
{
  g_clear_pointer (&choice->lang, g_free);
  g_clear_pointer (&choice->period, g_free);
  g_clear_pointer (&choice->entity, g_free);
}

static void
choice_copy (Choice       *copy,
             const Choice *choice)
{
  copy->type = choice->type;
  copy->lang = g_strdup (choice->lang);
  copy->period = g_strdup (choice->period);
  copy->entity = g_strdup (choice->entity);
}

static CbReportOptions
choice_options (const Choice *choice)
{
  return (CbReportOptions) {
    choice->type, choice->lang, choice->period, choice->type == CB_REPORT_BOARD ? choice->entity : NULL
  };
}

/* What a worker thread makes for the preview. */
typedef struct
{
  char                *path;
  Choice               choice;           /* the period wanted, then the one built */
  GPtrArray           *periods;          /* what the period row offers for the type, newest first */
  CbPage              *page;
  CbEvaluation        *evaluation;       /* the evaluation reported on */
  char                *evaluation_hash;  /* what its content hashes to now */
  CbDisclosure        *disclosure;       /* the disclosure reported on */
  CbDisclosureVersion *version;
} Build;

static void
build_free (Build *build)
{
  g_free (build->path);
  choice_clear (&build->choice);
  g_clear_pointer (&build->periods, g_ptr_array_unref);
  g_clear_pointer (&build->page, cb_page_free);
  g_clear_pointer (&build->evaluation, cb_evaluation_free);
  g_free (build->evaluation_hash);
  g_clear_pointer (&build->disclosure, cb_disclosure_free);
  g_clear_pointer (&build->version, cb_disclosure_version_free);
  g_free (build);
}

/* What a worker thread writes. */
typedef struct
{
  char                *path;
  CbWorkbookOpenFlags  flags;
  Choice               choice;
  GFile               *file;
  CbReportOutcome      outcome;
} Save;

static void
save_free (Save *save)
{
  g_free (save->path);
  choice_clear (&save->choice);
  g_clear_object (&save->file);
  cb_report_outcome_clear (&save->outcome);
  g_free (save);
}

struct _CbReportPage
{
  GtkWidget             parent_instance;

  AdwComboRow          *type_row;
  AdwComboRow          *lang_row;
  AdwComboRow          *period_row;
  GtkStringList        *periods;
  CbSealHeader         *seal_header;
  AdwPreferencesGroup  *pdf_group;
  AdwActionRow         *pdf_row;
  GtkWidget            *pdf_copy_button;
  AdwActionRow         *link_row;
  AdwPreferencesGroup  *saved_group;
  AdwActionRow         *saved_row;
  GtkWidget            *saved_copy_button;
  GtkSpinner           *spinner;
  GtkLabel             *page_label;
  GtkStack             *preview_stack;
  GtkScrolledWindow    *scroller;
  GtkViewport          *viewport;
  GtkPicture           *picture;
  AdwStatusPage        *error_page;

  CbWorkbook           *workbook;
  char                 *window_period;      /* the window's, followed when it changes */
  char                 *entity;             /* the window's */
  char                 *period;             /* the one asked for: the window's, or one chosen here */
  Choice                shown;              /* what the preview shows */
  CbPagePaintable      *paintable;          /* NULL when no preview is shown */
  GCancellable         *build_cancellable;  /* of the build under way, or NULL */
  GCancellable         *save_cancellable;   /* of the save under way, or NULL */
  GtkFileChooserNative *chooser;
  guint                 updating;           /* rows being set from code, not by the user */
  gboolean              stale;              /* the preview lags behind the workbook or the rows */
  gboolean              fit_page;
};

enum
{
  PROP_0,
  PROP_FIT_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cb_report_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbReportPage, cb_report_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_report_page_view_init))

/* Making the preview, on a worker thread. */

/* The evaluation or disclosure version the report was built of, with its status and hashes. */
static gboolean
get_subject (Build       *build,
             CbWorkbook  *reader,
             gint64       id,
             GError     **error)
{
  if (build->choice.type == CB_REPORT_EVALUATION)
    return (build->evaluation = cb_evaluation_get (reader, id, error)) != NULL
           && (build->evaluation_hash = cb_evaluation_content_hash (reader, id, error)) != NULL;
  if (build->choice.type == CB_REPORT_DISCLOSURE)
    return (build->version = cb_disclosure_get_version (reader, id, error)) != NULL
           && (build->disclosure = cb_disclosure_get (reader, build->version->disclosure_id, error)) != NULL;
  return TRUE;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Build *build = task_data;
  g_autoptr(CbWorkbook) reader = NULL;
  g_autoptr(PangoFontMap) font_map = NULL;
  g_autofree char *wanted = g_steal_pointer (&build->choice.period);
  g_autoptr(GArray) periods = NULL;
  CbReportOptions options;
  gint64 subject_id = 0;
  GError *error = NULL;

  reader = cb_workbook_open (build->path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
  /* A build superseded meanwhile stops before the layout, the long part, so that choices passed
   * through on the way to another do not queue a layout each. */
  if (reader == NULL
      || !cb_theme_check_fonts (&error)
      || (periods = cb_report_list_periods (reader, build->choice.type, &error)) == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  build->periods = g_ptr_array_new_full (periods->len, g_free);
  for (guint i = 0; i < periods->len; i++)
    g_ptr_array_add (build->periods, cb_period_to_string (&g_array_index (periods, CbPeriod, i)));
  build->choice.period = cb_report_choose_period (periods, wanted);
  options = choice_options (&build->choice);

  /* The pages keep the font map they are laid out with and draw with it on the main thread. A
   * font map of their own, rather than this pool thread's default, is one that no later build
   * on this thread uses at the same time. */
  font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (font_map));
  build->page = cb_report_build (reader, &options, &subject_id, &error);
  if (build->page != NULL)
    cb_page_get_n_pages (build->page);
  pango_cairo_font_map_set_default (NULL);

  if (build->page == NULL || !get_subject (build, reader, subject_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Showing it. */

static GtkWidget *
window_of (CbReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return CB_IS_WINDOW (root) ? GTK_WIDGET (root) : NULL;
}

static gboolean
building (CbReportPage *self)
{
  return self->build_cancellable != NULL;
}

static void
update_actions (CbReportPage *self)
{
  guint n_pages = self->paintable != NULL ? cb_page_paintable_get_n_pages (self->paintable) : 0;
  guint index = self->paintable != NULL ? cb_page_paintable_get_index (self->paintable) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", n_pages > 0 && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", index + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save",
                                 n_pages > 0 && !building (self) && self->save_cancellable == NULL);
}

static void
show_page_number (CbReportPage *self)
{
  guint n_pages = self->paintable != NULL ? cb_page_paintable_get_n_pages (self->paintable) : 0;
  guint index = self->paintable != NULL ? cb_page_paintable_get_index (self->paintable) : 0;
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;

  if (n_pages > 0)
    {
      /* Translators: the page shown in the report preview and the number of pages, "2 / 7". */
      number = g_strdup_printf (_("%u / %u"), index + 1, n_pages);
      /* Translators: the page shown in the report preview, for screen readers. */
      description = g_strdup_printf (_("Page %u of %u"), index + 1, n_pages);
    }
  gtk_label_set_text (self->page_label, number != NULL ? number : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description != NULL ? description : "", -1);
  gtk_picture_set_alternative_text (self->picture, description);
  update_actions (self);
}

static void
set_building (CbReportPage *self,
              gboolean      busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy && self->paintable != NULL);
  gtk_spinner_set_spinning (self->spinner, busy && self->paintable != NULL);
  if (busy && self->paintable == NULL)
    gtk_stack_set_visible_child_name (self->preview_stack, "building");
  update_actions (self);
}

/* Offers the periods the report can be made for, with the one made chosen. */
static void
show_periods (CbReportPage *self,
              const Build  *build)
{
  GListModel *model = G_LIST_MODEL (self->periods);
  guint n_items = g_list_model_get_n_items (model);
  gboolean same = n_items == build->periods->len;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; same && i < n_items; i++)
    same = g_str_equal (gtk_string_list_get_string (self->periods, i), build->periods->pdata[i]);

  self->updating++;
  if (!same)
    {
      gtk_string_list_splice (self->periods, 0, n_items, NULL);
      for (guint i = 0; i < build->periods->len; i++)
        gtk_string_list_append (self->periods, build->periods->pdata[i]);
    }
  for (guint i = 0; i < build->periods->len; i++)
    if (g_strcmp0 (build->periods->pdata[i], build->choice.period) == 0)
      selected = i;
  adw_combo_row_set_selected (self->period_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), build->periods->len > 0);
  self->updating--;
}

/* The hash of the PDF kept with a signed evaluation or an approved disclosure; a draft has none. */
static void
show_pdf_hash (CbReportPage *self,
               gboolean      sealed,
               const char   *hash)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pdf_row), sealed);
  adw_action_row_set_subtitle (self->pdf_row, hash != NULL ? hash : "—");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pdf_copy_button), "s", hash != NULL ? hash : "");
  gtk_widget_set_sensitive (self->pdf_copy_button, hash != NULL);
}

static void
show_link (CbReportPage *self,
           const char   *view,
           const char   *title,
           const char   *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_row), title);
  adw_action_row_set_subtitle (self->link_row, subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->link_row), "s", view);
}

static void
show_evaluation (CbReportPage       *self,
                 const CbEvaluation *evaluation,
                 const char         *hash)
{
  gboolean is_signed = g_strcmp0 (evaluation->status, "signed") == 0;
  g_autofree char *note = NULL;

  cb_seal_header_show_evaluation (self->seal_header, evaluation, evaluation->evaluator_name, hash);
  if (is_signed)
    /* Translators: the signer's name, then the date of signing. */
    note = g_strdup_printf (_("Signed by %s on %s. The SHA-256 of the first PDF saved is kept with the "
                              "evaluation."), evaluation->signed_by, evaluation->signed_on);
  else
    note = g_strdup (_("Not signed yet: every page of the PDF is marked DRAFT. Sign the evaluation on its page to "
                       "seal its content."));
  cb_seal_header_set_note (self->seal_header, note);
  show_pdf_hash (self, is_signed, evaluation->report_sha256);
  show_link (self, "evaluation", _("Open the Board Evaluation"), _("Ratings, submission and signing"));
}

static void
show_disclosure (CbReportPage              *self,
                 const CbDisclosure        *disclosure,
                 const CbDisclosureVersion *version)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;

  /* Translators: what a disclosure is for, then its period. */
  subtitle = g_strdup_printf (_("%s · %s"), cb_field_label_value ("audience", disclosure->audience), disclosure->period);
  cb_seal_header_show_disclosure (self->seal_header, disclosure, version, subtitle);
  if (g_strcmp0 (version->status, "published") == 0)
    note = g_strdup (_("Published: this version and the SHA-256 of its PDF never change."));
  else if (g_strcmp0 (version->status, "approved") == 0)
    /* Translators: the approver's name, then the date of approval. */
    note = g_strdup_printf (_("Approved by %s on %s. The SHA-256 of the first PDF saved before publishing is kept "
                              "with this version."), version->approver, version->approved_on);
  else
    note = g_strdup (_("Not approved yet: every page of the PDF is marked DRAFT. Approve the text on the Disclosure "
                       "page to seal it."));
  cb_seal_header_set_note (self->seal_header, note);
  show_pdf_hash (self, g_strcmp0 (version->status, "draft") != 0, version->pdf_sha256);
  show_link (self, "disclosure", _("Open the Disclosure"), _("Sections, approval and publishing"));
}

static void
show_subject (CbReportPage *self,
              const Build  *build)
{
  gboolean sealed = build != NULL && build->choice.type != CB_REPORT_BOARD;

  if (sealed && build->evaluation != NULL)
    show_evaluation (self, build->evaluation, build->evaluation_hash);
  else if (sealed)
    show_disclosure (self, build->disclosure, build->version);
  gtk_widget_set_visible (GTK_WIDGET (self->seal_header), sealed);
  gtk_widget_set_visible (GTK_WIDGET (self->pdf_group), sealed);
}

static void
show_preview (CbReportPage *self,
              Build        *build)
{
  guint index = 0;

  /* A preview made again of the same report, after a change of data or language, stays on its page. */
  if (self->paintable != NULL && self->shown.type == build->choice.type)
    index = cb_page_paintable_get_index (self->paintable);
  g_clear_object (&self->paintable);
  self->paintable = cb_page_paintable_new (g_steal_pointer (&build->page));
  cb_page_paintable_set_index (self->paintable, MIN (index, cb_page_paintable_get_n_pages (self->paintable) - 1));
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->paintable));

  choice_clear (&self->shown);
  choice_copy (&self->shown, &build->choice);
  show_page_number (self);
  show_subject (self, build);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

static void
show_error (CbReportPage *self,
            const GError *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  g_clear_object (&self->paintable);
  gtk_picture_set_paintable (self->picture, NULL);
  choice_clear (&self->shown);
  show_page_number (self);
  show_subject (self, NULL);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CbReportPage *self = CB_REPORT_PAGE (object);
  Build *build = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A build superseded by a newer one, or of a page that went away, is dropped. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->build_cancellable);
  set_building (self, FALSE);
  if (build->periods != NULL)
    show_periods (self, build);
  if (error != NULL)
    show_error (self, error);
  else
    show_preview (self, build);
}

static void
start_build (CbReportPage *self)
{
  g_autoptr(GTask) task = NULL;
  Build *build;

  self->stale = FALSE;
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->build_cancellable = g_cancellable_new ();

  build = g_new0 (Build, 1);
  build->path = g_strdup (cb_workbook_get_path (self->workbook));
  build->choice.type = (CbReportType) adw_combo_row_get_selected (self->type_row);
  build->choice.lang = g_strdup (languages[MIN (adw_combo_row_get_selected (self->lang_row), G_N_ELEMENTS (languages) - 1)]);
  build->choice.period = g_strdup (self->period);
  build->choice.entity = g_strdup (self->entity);
  set_building (self, TRUE);

  task = g_task_new (self, self->build_cancellable, build_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, build, (GDestroyNotify) build_free);
  g_task_run_in_thread (task, build_thread);
}

/* Reports are made while the page is shown, not each time another page changes the data. */
static void
update (CbReportPage *self)
{
  if (self->stale && self->workbook != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_build (self);
}

static void
cb_report_page_show (CbWorkbookView   *view,
                     CbWorkbook       *workbook,
                     const CbSnapshot *snapshot)
{
  CbReportPage *self = CB_REPORT_PAGE (view);
  g_autofree char *period = cb_period_to_string (&snapshot->period);

  if (self->workbook != workbook)
    {
      /* A new workbook's reports start in its own report language. */
      self->updating++;
      adw_combo_row_set_selected (self->lang_row, language_index (cb_workbook_get_language (workbook)));
      self->updating--;
      g_set_object (&self->workbook, workbook);
    }
  if (g_strcmp0 (period, self->window_period) != 0)
    {
      g_free (self->period);
      self->period = g_strdup (period);
      g_free (self->window_period);
      self->window_period = g_steal_pointer (&period);
    }
  g_free (self->entity);
  self->entity = g_strdup (snapshot->entity_code);
  self->stale = TRUE;
  update (self);
}

static void
cb_report_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_report_page_show;
}

static void
options_changed_cb (CbReportPage *self)
{
  if (self->updating > 0)
    return;
  self->stale = TRUE;
  update (self);
}

static void
period_changed_cb (CbReportPage *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  if (self->updating > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_free (self->period);
  self->period = g_strdup (gtk_string_list_get_string (self->periods, selected));
  options_changed_cb (self);
}

/* Turning pages. */

static void
turn_page (CbReportPage *self,
           int           step)
{
  guint index;
  guint n_pages;

  if (self->paintable == NULL)
    return;
  index = cb_page_paintable_get_index (self->paintable);
  n_pages = cb_page_paintable_get_n_pages (self->paintable);
  if ((step < 0 && index == 0) || (step > 0 && index + 1 >= n_pages))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  cb_page_paintable_set_index (self->paintable, index + step);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  show_page_number (self);
}

static void
previous_page_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  turn_page (CB_REPORT_PAGE (widget), -1);
}

static void
next_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  turn_page (CB_REPORT_PAGE (widget), 1);
}

/* Page Up and Page Down turn pages wherever the focus is on the page, ahead of the lists and the
 * preview's scrolling, which would take them otherwise; an open drop-down keeps them. */
static gboolean
page_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  turn_page (CB_REPORT_PAGE (widget), GPOINTER_TO_INT (user_data));
  return TRUE;
}

static void
add_page_key (GtkShortcutController *controller,
              guint                  key,
              guint                  keypad_key,
              int                    step)
{
  GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (key, 0),
                                                             gtk_keyval_trigger_new (keypad_key, 0));

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (trigger, gtk_callback_action_new (page_key_cb,
                                                                                            GINT_TO_POINTER (step),
                                                                                            NULL)));
}

static void
set_fit_page (CbReportPage *self,
              gboolean      fit_page)
{
  if (self->fit_page == fit_page)
    return;
  self->fit_page = fit_page;
  /* Given its natural height for the width of the view, the picture is as tall as the page it
   * shows at that width; given its minimum, none, it fits the page into the view. */
  gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (self->viewport), fit_page ? GTK_SCROLL_MINIMUM : GTK_SCROLL_NATURAL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_PAGE]);
}

/* Saving the PDF. */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autofree char *pdf = g_file_get_path (save->file);
  g_autoptr(CbWorkbook) workbook = NULL;
  CbReportOptions options = choice_options (&save->choice);
  GError *error = NULL;

  if (pdf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A report can only be saved to a local file"));
      return;
    }
  workbook = cb_workbook_open (save->path, save->flags, &error);
  if (workbook == NULL || !cb_report_write (workbook, &options, pdf, &save->outcome, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CbReportPage *self = CB_REPORT_PAGE (object);
  Save *save = g_task_get_task_data (G_TASK (result));
  const char *sha256 = save->outcome.sha256;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->save_cancellable);
  update_actions (self);
  if (error != NULL)
    {
      cb_undo_toast_show (GTK_WIDGET (self), error->message, NULL, NULL, NULL);
      return;
    }

  basename = g_file_get_basename (save->file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->saved_row), basename);
  adw_action_row_set_subtitle (self->saved_row, sha256);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->saved_copy_button), "s", sha256);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_group), TRUE);

  if (save->outcome.kept_hash != NULL && g_strcmp0 (save->outcome.kept_hash, sha256) != 0)
    /* Translators: a file name, then the SHA-256 of the PDF just saved. */
    message = g_strdup_printf (_("Saved “%s”, SHA-256 %s; the SHA-256 of an earlier PDF stays on record"),
                               basename, sha256);
  else
    /* Translators: a file name, then the SHA-256 of the PDF just saved. */
    message = g_strdup_printf (_("Saved “%s”, SHA-256 %s"), basename, sha256);
  cb_undo_toast_show (GTK_WIDGET (self), message, NULL, NULL, NULL);

  /* The evaluation or disclosure now keeps the hash: every page shows it. */
  if (save->outcome.hash_recorded)
    cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

void
cb_report_page_save (CbReportPage *self,
                     GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  Save *save;

  g_return_if_fail (CB_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->paintable != NULL);
  g_return_if_fail (self->save_cancellable == NULL);

  save = g_new0 (Save, 1);
  save->path = g_strdup (cb_workbook_get_path (self->workbook));
  save->file = g_object_ref (file);
  choice_copy (&save->choice, &self->shown);
  /* The save's connection may write what the page's may, and no more. */
  save->flags = (cb_workbook_is_read_only (self->workbook) ? CB_WORKBOOK_OPEN_READ_ONLY : 0)
                | (cb_workbook_is_evaluator (self->workbook) ? CB_WORKBOOK_OPEN_EVALUATOR : 0);

  self->save_cancellable = g_cancellable_new ();
  update_actions (self);
  /* The save may record the PDF's hash through its own connection: this one must hold no read. */
  cb_workbook_release_reads (self->workbook);
  task = g_task_new (self, self->save_cancellable, save_cb, NULL);
  g_task_set_source_tag (task, cb_report_page_save);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}

/* The file name offered, in the report's language, as its reader would name it. */
static char *
file_name (const Choice *choice)
{
  static const char *const names[][2] = {
    [CB_REPORT_BOARD] = { "取締役会報告", "Board-report" },
    [CB_REPORT_EVALUATION] = { "取締役会実効性評価", "Board-evaluation" },
    [CB_REPORT_DISCLOSURE] = { "サイバーセキュリティ開示", "Cybersecurity-disclosure" },
  };
  gboolean english = g_strcmp0 (choice->lang, "en") == 0;

  if (choice->period == NULL)
    return g_strdup_printf ("%s_%s.pdf", names[choice->type][english], choice->lang);
  return g_strdup_printf ("%s_%s_%s.pdf", names[choice->type][english], choice->period, choice->lang);
}

static void
file_chosen_cb (CbReportPage         *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->paintable != NULL && self->save_cancellable == NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cb_report_page_save (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CbReportPage *self = CB_REPORT_PAGE (widget);
  GtkWidget *window = window_of (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = file_name (&self->shown);

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  self->chooser = gtk_file_chooser_native_new (_("Save Report"), window != NULL ? GTK_WINDOW (window) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *text = g_variant_get_string (parameter, NULL);

  if (*text != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* The widget. */

static void
cb_report_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cb_report_page_parent_class)->map (widget);
  update (CB_REPORT_PAGE (widget));
}

static void
cb_report_page_dispose (GObject *object)
{
  CbReportPage *self = CB_REPORT_PAGE (object);
  GtkWidget *child;

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_REPORT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->paintable);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->window_period, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->period, g_free);
  choice_clear (&self->shown);
  G_OBJECT_CLASS (cb_report_page_parent_class)->dispose (object);
}

static void
cb_report_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CbReportPage *self = CB_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FIT_PAGE:
      g_value_set_boolean (value, self->fit_page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_report_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CbReportPage *self = CB_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FIT_PAGE:
      set_fit_page (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_report_page_class_init (CbReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_report_page_dispose;
  object_class->get_property = cb_report_page_get_property;
  object_class->set_property = cb_report_page_set_property;
  widget_class->map = cb_report_page_map;

  /* Whether the preview shows the whole page rather than the page's width. */
  properties[PROP_FIT_PAGE] =
    g_param_spec_boolean ("fit-page", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_SEAL_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, lang_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, periods);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, seal_header);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, pdf_group);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, pdf_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, pdf_copy_button);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, saved_group);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, saved_row);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, saved_copy_button);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, viewport);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, picture);
  gtk_widget_class_bind_template_child (widget_class, CbReportPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, previous_page_activated);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_activated);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "report.copy", "s", copy_activated);
  gtk_widget_class_install_property_action (widget_class, "report.fit-page", "fit-page");
}

static void
cb_report_page_init (CbReportPage *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, -1);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 1);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  show_pdf_hash (self, FALSE, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->saved_copy_button), "s", "");
  show_page_number (self);
}
