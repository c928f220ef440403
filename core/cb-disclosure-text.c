#include <glib/gi18n-lib.h>
#include <math.h>

#include "cb-disclosure.h"
#include "cb-disclosure-text.h"
#include "cb-snapshot.h"

static char *
lookup_figure (const char  *name,
               gpointer     user_data,
               GError     **error)
{
  const CbSnapshot *snapshot = user_data;
  CbOptional value;

  if (!cb_snapshot_lookup (snapshot, name, &value))
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("no figure has this name"));
      return NULL;
    }
  if (!value.valid)
    {
      g_autofree char *period = cb_period_to_string (&snapshot->period);
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("the figure has no value for %s from public data"), period);
      return NULL;
    }
  if (value.value == floor (value.value))
    return g_strdup_printf ("%.0f", value.value);
  return g_strdup_printf ("%.1f", value.value);
}

char *
cb_disclosure_render (CbWorkbook  *workbook,
                      gint64       version_id,
                      GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autoptr(CbDisclosure) disclosure = NULL;
  g_autoptr(CbSnapshot) snapshot = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  version = cb_disclosure_get_version (workbook, version_id, error);
  if (version == NULL)
    return NULL;
  disclosure = cb_disclosure_get (workbook, version->disclosure_id, error);
  if (disclosure == NULL)
    return NULL;
  /* Investors see public rows only, whatever the workbook's owner may see. */
  snapshot = cb_snapshot_new (workbook, disclosure->period, NULL, CB_AUDIENCE_PUBLIC, error);
  if (snapshot == NULL)
    return NULL;

  languages = g_strsplit (disclosure->languages, ",", 0);
  for (guint l = 0; languages[l] != NULL; l++)
    {
      gboolean japanese = g_str_equal (languages[l], "ja");

      for (guint i = 0; i < version->sections->len; i++)
        {
          const CbDisclosureSection *section = version->sections->pdata[i];
          const char *heading = japanese ? section->heading_ja : section->heading_en;
          const char *body = japanese ? section->body_ja : section->body_en;
          g_autofree char *resolved = NULL;

          if (body == NULL || *body == '\0')
            continue;
          resolved = cb_disclosure_resolve (body, lookup_figure, snapshot, error);
          if (resolved == NULL)
            return NULL;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s\n\n%s", heading != NULL ? heading : "", resolved);
          if (!g_str_has_suffix (resolved, "\n"))
            g_string_append_c (text, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
