#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_EVALUATION_PAGE (cb_evaluation_page_get_type ())

G_DECLARE_FINAL_TYPE (CbEvaluationPage, cb_evaluation_page, CB, EVALUATION_PAGE, GtkWidget)

G_END_DECLS
