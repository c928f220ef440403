#pragma once

#include "cb-record.h"

G_BEGIN_DECLS

/**
 * cb_export_kind:
 * @period: (nullable): only rows of this period
 *
 * Writes every row of @kind (the owner's view: all confidentiality levels) as CSV to @stream: UTF-8
 * with a byte-order mark so Excel reads it right, the import field names as the header, CRLF line
 * ends, and text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * CR) prefixed with an apostrophe, which the importer removes again.
 */
gboolean cb_export_kind (CbWorkbook     *workbook,
                         const CbKind   *kind,
                         const char     *period,
                         GOutputStream  *stream,
                         guint64        *rows,
                         GError        **error);

/* cb_export_kind() into the file at @path, which is never the workbook: a failed export leaves a
 * file that was there as it was, and one it was creating goes. */
gboolean cb_export_kind_to_file (CbWorkbook     *workbook,
                                 const CbKind   *kind,
                                 const char     *period,
                                 const char     *path,
                                 guint64        *rows,
                                 GCancellable   *cancellable,
                                 GError        **error);

/* Whether text cell @text gets an apostrophe in front on export: when a spreadsheet would run it as
 * a formula (it starts with =, +, -, @, tab or CR), and when apostrophes come before one of these,
 * since the importer takes the first apostrophe of such a cell off again. */
gboolean cb_export_needs_guard (const char *text);

/* @value as one CSV cell (quoted when needed), neutralised when @text is set. */
void     cb_export_append_cell (GString    *line,
                                const char *value,
                                gboolean    text);

G_END_DECLS
