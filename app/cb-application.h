#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_APPLICATION_ID "io.github.cyberboard.Cyberboard"

#define CB_TYPE_APPLICATION (cb_application_get_type ())

G_DECLARE_FINAL_TYPE (CbApplication, cb_application, CB, APPLICATION, AdwApplication)

CbApplication *cb_application_new                  (void);
GSettings     *cb_application_get_settings         (CbApplication *self);

/* Presents the window showing @file, or opens @file in an empty window or a new one. */
void           cb_application_open_workbook        (CbApplication *self,
                                                    GFile         *file,
                                                    gboolean       evaluator);
/* The demo workbook in the user's data folder, created with the demo company's data on first use. */
GFile         *cb_application_get_demo_file        (void);

/* The recent-workbooks list of the start page, newest first. */
void           cb_application_add_recent           (CbApplication *self,
                                                    const char    *path);
void           cb_application_remove_recent        (CbApplication *self,
                                                    const char    *path);

/* The period last shown for the workbook at @path, or NULL. */
char          *cb_application_dup_last_period      (CbApplication *self,
                                                    const char    *path);
void           cb_application_set_last_period      (CbApplication *self,
                                                    const char    *path,
                                                    const char    *period);

/* "ja" or "en": which of an organisation's or entity's names suits the user interface. */
const char    *cb_application_get_name_language    (void);

G_END_DECLS
