#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/**
 * cb_disclosure_render:
 *
 * The text of the disclosure version @version_id as it will be published, which approval seals.
 * For each of the disclosure's languages in order, each section whose body has text in that
 * language, by position, gives its heading, a blank line and its body, and sections are separated
 * by a blank line; the text ends with one line feed. Placeholders are replaced by the figures of
 * the disclosure's period for the whole group as investors may see them (public rows only): a
 * whole number without decimals, any other with one. A placeholder that names no figure, or whose
 * figure cannot be computed for the period, is an error that names it.
 */
char *cb_disclosure_render (CbWorkbook  *workbook,
                            gint64       version_id,
                            GError     **error);

G_END_DECLS
