#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-confirm-dialog.h"
#include "cb-disclosure.h"
#include "cb-disclosure-page.h"
#include "cb-disclosure-text.h"
#include "cb-field-label.h"
#include "cb-new-disclosure-dialog.h"
#include "cb-record-list.h"
#include "cb-seal-header.h"
#include "cb-undo-toast.h"
#include "cb-workbook-view.h"

/* One section's text in one language, as shown for editing. */
typedef struct
{
  char          *key;
  char          *lang;
  GtkTextBuffer *buffer;
  char          *saved;
} SectionText;

static void
section_text_free (SectionText *text)
{
  g_free (text->key);
  g_free (text->lang);
  g_clear_object (&text->buffer);
  g_free (text->saved);
  g_free (text);
}

struct _CbDisclosurePage
{
  GtkWidget            parent_instance;

  GtkPaned            *paned;
  CbRecordList        *versions;
  GtkStack            *stack;
  CbSealHeader        *header;
  GtkWidget           *save_button;
  GtkWidget           *approve_button;
  GtkWidget           *publish_button;
  GtkWidget           *version_button;
  GtkBox              *sections_box;
  GtkWidget           *diff_box;
  GtkLabel            *diff_title;
  GtkTextView         *diff_view;

  CbWorkbook          *workbook;
  GPtrArray           *listed;       /* CbDisclosureVersion of every disclosure, without sections */
  CbDisclosure        *disclosure;   /* of the version shown */
  CbDisclosureVersion *version;      /* the one shown, with its sections */
  GPtrArray           *texts;        /* SectionText */
  gint64               select_after; /* a new version to select once the list shows it */
  char                *period;       /* the window's fiscal year, where a new disclosure starts */
};

static void cb_disclosure_page_view_init (CbWorkbookViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbDisclosurePage, cb_disclosure_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_WORKBOOK_VIEW, cb_disclosure_page_view_init))

static gboolean
japanese (void)
{
  return g_str_equal (cb_application_get_name_language (), "ja");
}

static void
report (CbDisclosurePage *self,
        const char       *message)
{
  cb_undo_toast_show (GTK_WIDGET (self), message, NULL, NULL, NULL);
}

static gboolean
has_status (const CbDisclosureVersion *version,
            const char                *status)
{
  return g_strcmp0 (version->status, status) == 0;
}

/* An evaluator's copy and a read-only workbook show the disclosures without changing them. */
static gboolean
writable (CbDisclosurePage *self)
{
  return cb_record_list_get_editable (self->versions);
}

/* The version listed just before @version of the same disclosure, or NULL. */
static const CbDisclosureVersion *
listed_version (CbDisclosurePage *self,
                gint64            disclosure_id,
                int               number)
{
  for (guint i = 0; self->listed != NULL && i < self->listed->len; i++)
    {
      const CbDisclosureVersion *other = self->listed->pdata[i];
      if (other->disclosure_id == disclosure_id && other->version == number)
        return other;
    }
  return NULL;
}

static gboolean
is_latest (CbDisclosurePage          *self,
           const CbDisclosureVersion *version)
{
  return listed_version (self, version->disclosure_id, version->version + 1) == NULL;
}

static char *
languages_label (const CbDisclosure *disclosure)
{
  if (g_strcmp0 (disclosure->languages, "ja") == 0)
    return g_strdup (_("In Japanese"));
  if (g_strcmp0 (disclosure->languages, "en") == 0)
    return g_strdup (_("In English"));
  return g_strdup (_("In Japanese and English"));
}

static void
show_header (CbDisclosurePage *self)
{
  const CbDisclosureVersion *version = self->version;
  g_autofree char *languages = languages_label (self->disclosure);
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *published = NULL;

  /* Translators: what a disclosure is for, its period and its languages. */
  subtitle = g_strdup_printf (_("%s · %s · %s"), cb_field_label_value ("audience", self->disclosure->audience),
                              self->disclosure->period, languages);
  cb_seal_header_show_disclosure (self->header, self->disclosure, version, subtitle);

  if (has_status (version, "published"))
    {
      published = cb_field_label_time (version->published_at, cb_workbook_get_time_zone (self->workbook));
      /* Translators: %s is when a disclosure was published. */
      note = g_strdup_printf (_("Published on %s. A published version never changes; edits go into a new "
                                "version."), published);
    }
  else if (has_status (version, "approved"))
    /* Translators: the approver's name, then the date of approval. */
    note = g_strdup_printf (_("Approved by %s on %s: the text is sealed. Publishing makes this version final."),
                            version->approver, version->approved_on);
  else
    note = g_strdup (_("A draft: the sections can still change. Approving fills in every figure from public data "
                       "and seals the text with a SHA-256."));
  cb_seal_header_set_note (self->header, note);

  gtk_widget_set_visible (self->save_button, writable (self) && has_status (version, "draft"));
  gtk_widget_set_visible (self->approve_button, writable (self) && has_status (version, "draft"));
  gtk_widget_set_visible (self->publish_button, writable (self) && has_status (version, "approved"));
  gtk_widget_set_visible (self->version_button,
                          writable (self) && !has_status (version, "draft") && is_latest (self, version));
}

static GtkWidget *
section_editor (CbDisclosurePage          *self,
                const CbDisclosureSection *section,
                const char                *lang)
{
  gboolean ja = g_str_equal (lang, "ja");
  const char *body = ja ? section->body_ja : section->body_en;
  const char *heading = ja ? section->heading_ja : section->heading_en;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (ja ? _("Japanese") : _("English"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  g_autofree char *accessible = g_strdup_printf ("%s (%s)", heading, gtk_label_get_text (GTK_LABEL (caption)));
  SectionText *text = g_new0 (SectionText, 1);

  text->key = g_strdup (section->key);
  text->lang = g_strdup (lang);
  text->saved = g_strdup (body != NULL ? body : "");
  text->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_set_text (text->buffer, text->saved, -1);
  g_ptr_array_add (self->texts, text);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), writable (self) && has_status (self->version, "draft"));
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

static void
show_sections (CbDisclosurePage *self)
{
  g_auto(GStrv) languages = g_strsplit (self->disclosure->languages, ",", 0);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_ptr_array_set_size (self->texts, 0);

  for (guint i = 0; i < self->version->sections->len; i++)
    {
      const CbDisclosureSection *section = self->version->sections->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *heading = gtk_label_new (japanese () ? section->heading_ja : section->heading_en);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);
      for (guint l = 0; languages[l] != NULL; l++)
        gtk_box_append (GTK_BOX (box), section_editor (self, section, languages[l]));
      gtk_box_append (self->sections_box, box);
    }
}

/* The changes since the version before, as core writes them, with added and removed lines tinted. */
static void
show_diff (CbDisclosurePage *self)
{
  const CbDisclosureVersion *previous = listed_version (self, self->version->disclosure_id,
                                                       self->version->version - 1);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter end;

  gtk_widget_set_visible (self->diff_box, previous != NULL);
  if (previous == NULL)
    return;
  diff = cb_disclosure_diff (self->workbook, previous->id, self->version->id, &error);
  if (diff == NULL)
    {
      report (self, error->message);
      return;
    }
  /* Translators: a heading; %d is the number of the previous version. */
  title = g_strdup_printf (_("Changes from Version %d"), previous->version);
  gtk_label_set_text (self->diff_title, title);
  gtk_text_buffer_set_text (buffer, "", -1);
  if (*diff == '\0')
    {
      gtk_text_buffer_set_text (buffer, _("No section changed."), -1);
      return;
    }
  lines = g_strsplit (diff, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tag = NULL;

      if (g_str_has_prefix (lines[i], "+++") || g_str_has_prefix (lines[i], "---") || g_str_has_prefix (lines[i], "@@"))
        tag = "header";
      else if (lines[i][0] == '+')
        tag = "added";
      else if (lines[i][0] == '-')
        tag = "removed";
      if (lines[i + 1] == NULL && lines[i][0] == '\0')
        break;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, lines[i], -1, tag, NULL);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }
}

static void
show_version (CbDisclosurePage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_clear_pointer (&self->version, cb_disclosure_version_free);
  g_clear_pointer (&self->disclosure, cb_disclosure_free);
  if (!cb_record_list_get_selected_key (self->versions, &id)
      || (self->version = cb_disclosure_get_version (self->workbook, id, &error)) == NULL
      || (self->disclosure = cb_disclosure_get (self->workbook, self->version->disclosure_id, &error)) == NULL)
    {
      if (error != NULL)
        report (self, error->message);
      g_clear_pointer (&self->version, cb_disclosure_version_free);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  show_header (self);
  show_sections (self);
  show_diff (self);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static void
list_versions (CbDisclosurePage *self)
{
  g_autoptr(GPtrArray) disclosures = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->listed, g_ptr_array_unref);
  self->listed = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_disclosure_version_free);
  disclosures = cb_disclosure_list (self->workbook, &error);
  if (disclosures == NULL)
    report (self, error->message);

  cb_record_list_begin (self->versions);
  for (guint i = 0; disclosures != NULL && i < disclosures->len; i++)
    {
      const CbDisclosure *disclosure = disclosures->pdata[i];
      g_autoptr(GPtrArray) versions = cb_disclosure_list_versions (self->workbook, disclosure->id, &error);

      for (guint v = 0; versions != NULL && v < versions->len; v++)
        {
          CbDisclosureVersion *version = versions->pdata[v];
          g_autofree char *number = g_strdup_printf ("%d", version->version);
          g_autofree char *published = version->published_at != 0
                                       ? cb_field_label_time (version->published_at,
                                                              cb_workbook_get_time_zone (self->workbook))
                                       : NULL;
          const char *texts[] = {
            japanese () ? disclosure->title_ja : disclosure->title_en, disclosure->audience, disclosure->period,
            number, version->status, version->approver, version->approved_on, published, version->content_sha256,
          };

          cb_record_list_append (self->versions, version->id, NULL, texts);
        }
      if (versions != NULL)
        g_ptr_array_extend_and_steal (self->listed, g_steal_pointer (&versions));
    }
  cb_record_list_end (self->versions);
}

static void
cb_disclosure_page_show (CbWorkbookView   *view,
                         CbWorkbook       *workbook,
                         const CbSnapshot *snapshot)
{
  CbDisclosurePage *self = CB_DISCLOSURE_PAGE (view);
  gint64 key;

  CbPeriod year = { snapshot->period.fiscal_year, 0 };

  g_set_object (&self->workbook, workbook);
  cb_record_list_set_workbook (self->versions, workbook);
  g_free (self->period);
  self->period = cb_period_to_string (&year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disclosure.new", writable (self));
  list_versions (self);

  /* A new version is shown as soon as it is listed; otherwise the latest one opens first. */
  if (self->select_after != 0)
    cb_record_list_select_key (self->versions, self->select_after);
  else if (!cb_record_list_get_selected_key (self->versions, &key) && self->listed->len > 0)
    cb_record_list_select_key (self->versions, ((CbDisclosureVersion *) self->listed->pdata[self->listed->len - 1])->id);
  self->select_after = 0;
  show_version (self);
}

static void
cb_disclosure_page_view_init (CbWorkbookViewInterface *iface)
{
  iface->show = cb_disclosure_page_show;
}

static void
version_selected_cb (CbDisclosurePage *self)
{
  show_version (self);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What undoing a save writes back: each changed section as it was. */
typedef struct
{
  gint64     version_id;
  GPtrArray *texts;  /* SectionText, their saved bodies */
} SavedSections;

static void
saved_sections_free (SavedSections *saved)
{
  g_ptr_array_unref (saved->texts);
  g_free (saved);
}

static gboolean
restore_sections (CbWorkbook  *workbook,
                  gpointer     user_data,
                  GError     **error)
{
  SavedSections *saved = user_data;

  for (guint i = 0; i < saved->texts->len; i++)
    {
      const SectionText *text = saved->texts->pdata[i];
      if (!cb_disclosure_set_section (workbook, saved->version_id, text->key, text->lang, text->saved, error))
        return FALSE;
    }
  return TRUE;
}

/* Saves the sections whose text changed; FALSE when one was refused. */
static gboolean
save_sections (CbDisclosurePage *self)
{
  SavedSections *saved = g_new0 (SavedSections, 1);
  g_autoptr(GError) error = NULL;

  saved->version_id = self->version->id;
  saved->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) section_text_free);
  for (guint i = 0; i < self->texts->len; i++)
    {
      const SectionText *text = self->texts->pdata[i];
      g_autofree char *body = buffer_text (text->buffer);
      SectionText *before;

      if (g_strcmp0 (body, text->saved) == 0)
        continue;
      if (!cb_disclosure_set_section (self->workbook, self->version->id, text->key, text->lang, body, &error))
        {
          report (self, error->message);
          break;
        }
      before = g_new0 (SectionText, 1);
      before->key = g_strdup (text->key);
      before->lang = g_strdup (text->lang);
      before->saved = g_strdup (text->saved);
      g_ptr_array_add (saved->texts, before);
    }
  if (saved->texts->len == 0)
    {
      saved_sections_free (saved);
      return error == NULL;
    }
  cb_undo_toast_show (GTK_WIDGET (self), _("Sections saved"), restore_sections, saved,
                      (GDestroyNotify) saved_sections_free);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
  return error == NULL;
}

static void
save_clicked_cb (CbDisclosurePage *self)
{
  save_sections (self);
}

static void
approved_cb (const char *name,
             const char *date,
             gpointer    user_data)
{
  CbDisclosurePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbDisclosureVersion) approved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->version == NULL)
    return;
  text = cb_disclosure_render (self->workbook, self->version->id, &error);
  if (text == NULL || !cb_disclosure_approve (self->workbook, self->version->id, name, date, text, &error))
    {
      report (self, error->message);
      return;
    }
  approved = cb_disclosure_get_version (self->workbook, self->version->id, NULL);
  /* Translators: %s is the start of the SHA-256 approval sealed. */
  message = g_strdup_printf (_("Approved; the text is sealed as SHA-256 %.12s…"),
                             approved != NULL && approved->content_sha256 != NULL ? approved->content_sha256 : "");
  report (self, message);
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
approve_clicked_cb (CbDisclosurePage *self)
{
  /* The text approved is the text saved: unsaved edits go first, and a refused one stops here. */
  if (!save_sections (self))
    return;
  cb_confirm_dialog_present_signature (GTK_WIDGET (self), _("Approve This Version?"),
                                       _("Approval fills in every figure from public data and seals the text with "
                                         "a SHA-256. An approved version cannot change; edits need a new "
                                         "version."),
                                       cb_workbook_get_user (self->workbook),
                                       cb_workbook_get_time_zone (self->workbook), _("_Approve"), approved_cb,
                                       g_object_ref (self), g_object_unref);
}

static void
publish_confirmed (gpointer user_data)
{
  CbDisclosurePage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->version == NULL)
    return;
  if (!cb_disclosure_publish (self->workbook, self->version->id, &error))
    {
      report (self, error->message);
      return;
    }
  report (self, _("Version published"));
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
publish_clicked_cb (CbDisclosurePage *self)
{
  g_autofree char *heading = g_strdup_printf (_("Publish Version %d?"), self->version->version);

  cb_confirm_dialog_present (GTK_WIDGET (self), heading,
                             _("A published version never changes; later edits go into a new version."),
                             _("_Publish"), publish_confirmed, g_object_ref (self), g_object_unref);
}

static void
version_clicked_cb (CbDisclosurePage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cb_disclosure_new_version (self->workbook, self->version->disclosure_id, &error);

  if (id == 0)
    {
      report (self, error->message);
      return;
    }
  self->select_after = id;
  report (self, _("A new version was made as a draft"));
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
disclosure_created_cb (CbDisclosurePage *self,
                       gint64            id)
{
  g_autoptr(GPtrArray) versions = cb_disclosure_list_versions (self->workbook, id, NULL);

  if (versions != NULL && versions->len > 0)
    self->select_after = ((CbDisclosureVersion *) versions->pdata[0])->id;
  report (self, _("Disclosure created with version 1 as a draft"));
  cb_workbook_view_data_changed (CB_WORKBOOK_VIEW (self));
}

static void
new_disclosure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbDisclosurePage *self = CB_DISCLOSURE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = cb_new_disclosure_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workbook,
                                                    self->period);

  g_signal_connect_object (dialog, "created", G_CALLBACK (disclosure_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cb_disclosure_page_dispose (GObject *object)
{
  CbDisclosurePage *self = CB_DISCLOSURE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_DISCLOSURE_PAGE);
  /* The box holding the toolbar and the panes is no template child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->version, cb_disclosure_version_free);
  g_clear_pointer (&self->disclosure, cb_disclosure_free);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->period, g_free);
  G_OBJECT_CLASS (cb_disclosure_page_parent_class)->dispose (object);
}

static void
cb_disclosure_page_class_init (CbDisclosurePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_disclosure_page_dispose;

  g_type_ensure (CB_TYPE_RECORD_LIST);
  g_type_ensure (CB_TYPE_SEAL_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-disclosure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, paned);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, versions);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, header);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, version_button);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, diff_box);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, diff_title);
  gtk_widget_class_bind_template_child (widget_class, CbDisclosurePage, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_clicked_cb);
  gtk_widget_class_install_action (widget_class, "disclosure.new", NULL, new_disclosure_action);
}

static void
cb_disclosure_page_init (CbDisclosurePage *self)
{
  GtkTextBuffer *diff = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) section_text_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disclosure.new", FALSE);

  diff = gtk_text_view_get_buffer (self->diff_view);
  gtk_text_buffer_create_tag (diff, "added", "paragraph-background-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 0.18 }, NULL);
  gtk_text_buffer_create_tag (diff, "removed", "paragraph-background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.16 },
                              NULL);
  gtk_text_buffer_create_tag (diff, "header", "weight", PANGO_WEIGHT_BOLD, NULL);

  cb_record_list_add_column (self->versions, _("Document"), CB_COLUMN_PROSE, NULL);
  cb_record_list_add_column (self->versions, _("For"), CB_COLUMN_TEXT, "audience");
  cb_record_list_add_column (self->versions, _("Period"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->versions, _("Version"), CB_COLUMN_NUMBER, NULL);
  cb_record_list_add_column (self->versions, _("Status"), CB_COLUMN_TAG, "disclosure");
  cb_record_list_add_column (self->versions, _("Approved by"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->versions, _("Approved on"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->versions, _("Published"), CB_COLUMN_TEXT, NULL);
  cb_record_list_add_column (self->versions, _("SHA-256"), CB_COLUMN_PROSE, NULL);
  cb_record_list_set_description (self->versions, _("Disclosure versions"), _("No Disclosures"),
                                  _("Disclosure documents for investors are listed here with every version."));
}
