#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-field-label.h"
#include "cb-seal-header.h"

struct _CbSealHeader
{
  GtkWidget            parent_instance;

  GtkWidget           *heading;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *group;
  AdwActionRow        *status_row;
  AdwActionRow        *hash_row;
  GtkWidget           *copy_button;
  GtkLabel            *note_label;

  char                *hash;
};

G_DEFINE_FINAL_TYPE (CbSealHeader, cb_seal_header, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SEAL_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show (CbSealHeader *self,
      const char   *seal_title,
      const char   *title,
      const char   *subtitle,
      const char   *status,
      const char   *hash_title,
      const char   *hash)
{
  g_object_set (self, "seal-title", seal_title, NULL);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  adw_action_row_set_subtitle (self->status_row, status);
  g_free (self->hash);
  self->hash = g_strdup (hash);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hash_row), hash_title);
  adw_action_row_set_subtitle (self->hash_row, hash != NULL ? hash : "—");
  gtk_widget_set_sensitive (self->copy_button, hash != NULL);
}

void
cb_seal_header_show_evaluation (CbSealHeader       *self,
                                const CbEvaluation *evaluation,
                                const char         *subtitle,
                                const char         *hash)
{
  gboolean is_signed;
  g_autofree char *title = NULL;

  g_return_if_fail (CB_IS_SEAL_HEADER (self));
  g_return_if_fail (evaluation != NULL);

  is_signed = g_strcmp0 (evaluation->status, "signed") == 0;
  /* Translators: a heading: the fiscal year and the revision of a board evaluation. */
  title = g_strdup_printf (_("Board Evaluation FY%d, Revision %d"), evaluation->fiscal_year, evaluation->revision);
  show (self, _("Signature"), title, subtitle, cb_field_label_value ("evaluation", evaluation->status),
        is_signed ? _("Content SHA-256, sealed at signing") : _("Content SHA-256, not yet sealed"),
        is_signed ? evaluation->content_sha256 : hash);
}

void
cb_seal_header_show_disclosure (CbSealHeader              *self,
                                const CbDisclosure        *disclosure,
                                const CbDisclosureVersion *version,
                                const char                *subtitle)
{
  gboolean japanese = g_str_equal (cb_application_get_name_language (), "ja");
  const char *document;
  g_autofree char *title = NULL;

  g_return_if_fail (CB_IS_SEAL_HEADER (self));
  g_return_if_fail (disclosure != NULL && version != NULL);

  document = japanese ? disclosure->title_ja : disclosure->title_en;
  /* Translators: a heading: a disclosure's title and the number of one of its versions. */
  title = g_strdup_printf (_("%s, Version %d"), document != NULL ? document : disclosure->audience, version->version);
  show (self, _("Approval"), title, subtitle, cb_field_label_value ("disclosure", version->status),
        _("SHA-256 of the approved text"), version->content_sha256);
}

void
cb_seal_header_set_note (CbSealHeader *self,
                         const char   *note)
{
  g_return_if_fail (CB_IS_SEAL_HEADER (self));
  gtk_label_set_text (self->note_label, note);
}

static void
copy_clicked_cb (CbSealHeader *self)
{
  if (self->hash != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->hash);
}

static void
cb_seal_header_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CbSealHeader *self = CB_SEAL_HEADER (object);

  switch (prop_id)
    {
    case PROP_SEAL_TITLE:
      adw_preferences_group_set_title (self->group, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_seal_header_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CbSealHeader *self = CB_SEAL_HEADER (object);

  switch (prop_id)
    {
    case PROP_SEAL_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (self->group));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_seal_header_dispose (GObject *object)
{
  CbSealHeader *self = CB_SEAL_HEADER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_SEAL_HEADER);
  g_clear_pointer (&self->hash, g_free);
  G_OBJECT_CLASS (cb_seal_header_parent_class)->dispose (object);
}

static void
cb_seal_header_class_init (CbSealHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_seal_header_dispose;
  object_class->set_property = cb_seal_header_set_property;
  object_class->get_property = cb_seal_header_get_property;

  properties[PROP_SEAL_TITLE] = g_param_spec_string ("seal-title", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cyberboard/Cyberboard/cb-seal-header.ui");
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, heading);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, group);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, status_row);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, hash_row);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CbSealHeader, note_label);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
}

static void
cb_seal_header_init (CbSealHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
