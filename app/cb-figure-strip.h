#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CB_TYPE_FIGURE_STRIP (cb_figure_strip_get_type ())

G_DECLARE_FINAL_TYPE (CbFigureStrip, cb_figure_strip, CB, FIGURE_STRIP, GtkWidget)

/* A row of headline figures over a list: each a value in large type above what it is, then an
 * optional note on how far to trust them. */

GtkWidget *cb_figure_strip_new      (void);
void       cb_figure_strip_clear    (CbFigureStrip *self);
/* @value: (nullable): NULL shows a dash, never 0, for a figure that cannot be computed */
void       cb_figure_strip_add      (CbFigureStrip *self,
                                     const char    *value,
                                     const char    *caption);
/* @note: (nullable): shown under the figures with a warning icon; NULL hides it */
void       cb_figure_strip_set_note (CbFigureStrip *self,
                                     const char    *note);

G_END_DECLS
