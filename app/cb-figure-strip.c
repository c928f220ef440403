#include "cb-figure-strip.h"

struct _CbFigureStrip
{
  GtkWidget   parent_instance;

  GtkFlowBox *figures;
  GtkWidget  *note;
  GtkLabel   *note_label;
};

G_DEFINE_FINAL_TYPE (CbFigureStrip, cb_figure_strip, GTK_TYPE_WIDGET)

void
cb_figure_strip_clear (CbFigureStrip *self)
{
  GtkWidget *child;

  g_return_if_fail (CB_IS_FIGURE_STRIP (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures))) != NULL)
    gtk_flow_box_remove (self->figures, child);
  cb_figure_strip_set_note (self, NULL);
}

void
cb_figure_strip_add (CbFigureStrip *self,
                     const char    *value,
                     const char    *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value != NULL ? value : "—");
  GtkWidget *caption_label = gtk_label_new (caption);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", caption, value != NULL ? value : "—");

  g_return_if_fail (CB_IS_FIGURE_STRIP (self));

  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 18);
  gtk_widget_add_css_class (value_label, "title-3");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_widget_add_css_class (box, "figure");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_flow_box_append (self->figures, box);
}

void
cb_figure_strip_set_note (CbFigureStrip *self,
                          const char    *note)
{
  g_return_if_fail (CB_IS_FIGURE_STRIP (self));

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->note, note != NULL);
}

static void
cb_figure_strip_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cb_figure_strip_parent_class)->dispose (object);
}

static void
cb_figure_strip_class_init (CbFigureStripClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cb_figure_strip_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figurestrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cb_figure_strip_init (CbFigureStrip *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *figures = gtk_flow_box_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (figures), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (figures), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (figures), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (figures), 12);
  gtk_widget_set_parent (figures, GTK_WIDGET (self));
  self->figures = GTK_FLOW_BOX (figures);

  self->note = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->note), icon);
  gtk_box_append (GTK_BOX (self->note), GTK_WIDGET (self->note_label));
  gtk_widget_add_css_class (self->note, "caption");
  gtk_widget_set_visible (self->note, FALSE);
  gtk_widget_set_parent (self->note, GTK_WIDGET (self));
}

GtkWidget *
cb_figure_strip_new (void)
{
  return g_object_new (CB_TYPE_FIGURE_STRIP, NULL);
}
