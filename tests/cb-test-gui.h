#pragma once

#include <adwaita.h>

#include "cb-application.h"
#include "cb-window.h"

G_BEGIN_DECLS

/* Readies a GUI test's process, dated by SOURCE_DATE_EPOCH: the locale of the environment, or
 * Japanese when the arguments hold --japanese, and GLib's test framework. With @localedir, the
 * translations come from there. Returns whether the test runs in Japanese. */
gboolean    cb_test_gui_init                (int           *argc,
                                             char        ***argv,
                                             const char    *localedir);

/* A new registered application of the test's own, never the remote of one already running. */
CbApplication *cb_test_gui_application_new  (void);

/* Readies the process as cb_test_gui_init() does, without translations, and gives the
 * application of cb_test_gui_application_new() and a new folder @dir for the test's files. */
CbApplication *cb_test_gui_init_application (int           *argc,
                                             char        ***argv,
                                             char         **dir);

/* Runs the tests added, then drops @app and deletes the folder @dir with everything in it; the
 * tests use both while they run. */
int         cb_test_gui_run                 (CbApplication *app,
                                             char          *dir);

/* Runs the main loop until @done holds, for at most a minute, so a hang fails the test. */
void        cb_test_gui_wait_until          (gboolean      (*done) (gpointer),
                                             gpointer       data);

/* A condition for cb_test_gui_wait_until(): whether the #gboolean at @flag is TRUE. */
gboolean    cb_test_gui_flag_set            (gpointer       flag);

/* Runs the main loop until no event is pending. */
void        cb_test_gui_flush               (void);

/* Runs the main loop for @milliseconds, so transitions finish before a screenshot. */
void        cb_test_gui_settle              (guint          milliseconds);

/* The first descendant of @widget, depth first, of @type that @match accepts (NULL accepts any). */
GtkWidget  *cb_test_gui_find                (GtkWidget     *widget,
                                             GType          type,
                                             gboolean      (*match) (GtkWidget *, gconstpointer),
                                             gconstpointer  data);

/* Whether the window @window has a snapshot, no work under way and no event pending. */
gboolean    cb_test_gui_window_idle         (gpointer       window);

/* The stack of @window's pages, one child for each page of the sidebar. */
GtkStack   *cb_test_gui_page_stack          (CbWindow      *window);

/* A 1280×800 window of @app showing the workbook at @path, once it is idle. */
CbWindow   *cb_test_gui_open_window         (CbApplication *app,
                                             const char    *path);

/* As cb_test_gui_open_window(), in Evaluator Mode. */
CbWindow   *cb_test_gui_open_evaluator_window (CbApplication *app,
                                               const char    *path);

/* A window of @app on a new small demo workbook @name in the folder @dir, once it is idle. */
CbWindow   *cb_test_gui_open_demo           (CbApplication *app,
                                             const char    *dir,
                                             const char    *name);

/* A match for cb_test_gui_find(): an #AdwPreferencesRow whose title is @title. */
gboolean    cb_test_gui_row_titled          (GtkWidget     *widget,
                                             gconstpointer  title);

/* A match for cb_test_gui_find(): a #GtkButton whose label is @label. */
gboolean    cb_test_gui_button_labelled     (GtkWidget     *widget,
                                             gconstpointer  label);

/* Whether @widget has a name for assistive technologies: its own label, a label it points to, or
 * the text of a plain button (not a menu button's). */
gboolean    cb_test_gui_has_accessible_name (GtkWidget     *widget);

/* What @paintable, made of @widget, shows at the widget's size, which goes to @width and @height: the
 * pixels in cairo's ARGB32 layout, blue, green, red and alpha bytes on a little-endian machine. */
GBytes     *cb_test_gui_render              (GdkPaintable  *paintable,
                                             GtkWidget     *widget,
                                             int           *width,
                                             int           *height);

/* Saves what @window shows as NAME.png in the folder $CB_TEST_SCREENSHOTS, when it is set. */
void        cb_test_gui_screenshot          (GtkWidget     *window,
                                             const char    *name);

G_END_DECLS
