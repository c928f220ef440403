#pragma once

#include "cb-batch.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/**
 * cb_merge_workbook:
 * @as_code: (nullable): the entity code the subsidiary's top entity takes in the group; by default
 *   its own code, which must then differ from the group's top entity
 * @batch: (out): the batch recording the merge
 *
 * Consolidates a subsidiary's workbook into the group's, in one transaction: its entities hang
 * under the group's top entity, rows with a natural key the group has already update it, and the
 * merge is one import batch (kind "merge", the subsidiary file's SHA-256) that can be undone.
 */
gboolean cb_merge_workbook (CbWorkbook  *group,
                            CbWorkbook  *subsidiary,
                            const char  *as_code,
                            CbBatch    **batch,
                            GError     **error);

G_END_DECLS
