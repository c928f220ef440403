#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_REPORT_PAGE (cb_report_page_get_type ())

G_DECLARE_FINAL_TYPE (CbReportPage, cb_report_page, CB, REPORT_PAGE, GtkWidget)

/* The Reports page: the type, language and period of a report, a preview of its pages drawn by
 * the code that writes the PDF, and the PDF itself. The report is made on a worker thread with a
 * connection of its own while the page is shown; an evaluation or a disclosure shows its status
 * and hashes beside the preview. */

/* Writes the report shown to @file on a worker thread, with a connection of its own, as "Save
 * PDF…" does once a file is chosen; a toast and the page then show the SHA-256 of the PDF. */
void cb_report_page_save (CbReportPage *self,
                          GFile        *file);

G_END_DECLS
