#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until @done holds, for at most a minute, so a hang fails the test. */
void       cb_test_gui_wait_until  (gboolean      (*done) (gpointer),
                                    gpointer        data);

/* Runs the main loop for @milliseconds, so transitions finish before a screenshot. */
void       cb_test_gui_settle      (guint           milliseconds);

/* The first descendant of @widget, depth first, of @type that @match accepts (NULL accepts any). */
GtkWidget *cb_test_gui_find        (GtkWidget      *widget,
                                    GType           type,
                                    gboolean      (*match) (GtkWidget *, gconstpointer),
                                    gconstpointer   data);

/* Saves what @window shows as NAME.png in the folder $CB_TEST_SCREENSHOTS, when it is set. */
void       cb_test_gui_screenshot  (GtkWidget      *window,
                                    const char     *name);

G_END_DECLS
