#pragma once

#include "cb-catalog.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The shipped catalog, loaded once per process from cb_data_dir(); NULL with @error when a data
 * file is missing or malformed. */
CbCatalog *cb_reference_catalog       (GError     **error);

/* Fills a new workbook with the reference data of the catalog: the root entity, maturity levels,
 * board-evaluation criteria, default KPIs, the benchmarks (frameworks with a score scale other
 * than the guideline), holidays and the dwell-time reference. */
gboolean   cb_reference_seed          (CbWorkbook  *workbook,
                                       GError     **error);

/* Matches @answer against the default answer vocabulary (case, width and space insensitive). */
gboolean   cb_reference_answer_score  (const char  *answer,
                                       double      *score,
                                       gboolean    *excluded);

G_END_DECLS
