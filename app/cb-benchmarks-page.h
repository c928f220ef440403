#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_BENCHMARKS_PAGE (cb_benchmarks_page_get_type ())

G_DECLARE_FINAL_TYPE (CbBenchmarksPage, cb_benchmarks_page, CB, BENCHMARKS_PAGE, GtkWidget)

G_END_DECLS
