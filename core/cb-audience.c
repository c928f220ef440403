#include "cb-audience.h"
#include "cb-workbook.h"

#include <glib/gi18n-lib.h>

static const char *const names[] = { "all", "board", "public" };
static const char *const sql_lists[] = {
  "('public','board','internal')",
  "('public','board')",
  "('public')",
};

gboolean
cb_audience_parse (const char  *text,
                   CbAudience  *audience,
                   GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *audience = i;
        return TRUE;
      }
  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
               _("unknown audience “%s” (all, board or public)"), text ? text : "");
  return FALSE;
}

const char *
cb_audience_to_string (CbAudience audience)
{
  g_return_val_if_fail (audience <= CB_AUDIENCE_PUBLIC, NULL);
  return names[audience];
}

const char *
cb_audience_sql_list (CbAudience audience)
{
  g_return_val_if_fail (audience <= CB_AUDIENCE_PUBLIC, sql_lists[CB_AUDIENCE_PUBLIC]);
  return sql_lists[audience];
}

gboolean
cb_audience_allows (CbAudience  audience,
                    const char *confidentiality)
{
  switch (audience)
    {
    case CB_AUDIENCE_ALL:
      return TRUE;
    case CB_AUDIENCE_BOARD:
      return g_strcmp0 (confidentiality, "public") == 0 || g_strcmp0 (confidentiality, "board") == 0;
    case CB_AUDIENCE_PUBLIC:
    default:
      return g_strcmp0 (confidentiality, "public") == 0;
    }
}
