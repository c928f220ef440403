#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who will see what core returns: the owner sees every row, the board public and board rows,
 * investors public rows only. Every query that can reach a report takes one. */
typedef enum
{
  CB_AUDIENCE_ALL,
  CB_AUDIENCE_BOARD,
  CB_AUDIENCE_PUBLIC,
} CbAudience;

gboolean    cb_audience_parse      (const char  *text,
                                    CbAudience  *audience,
                                    GError     **error);
const char *cb_audience_to_string  (CbAudience   audience);

/* The confidentiality values @audience may see, as an SQL list literal such as "('public','board')". */
const char *cb_audience_sql_list   (CbAudience   audience);

/* Whether a row marked @confidentiality may be shown to @audience. */
gboolean    cb_audience_allows     (CbAudience   audience,
                                    const char  *confidentiality);

G_END_DECLS
