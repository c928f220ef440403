/* cb-snapshot-changes.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "cb-snapshot-private.h"

/* The guideline's levels run from 0 to 5. */
#define LEVEL_STEPS 5.0

/* KPI values keep the decimals they were entered with; their change is rounded like a score. */
#define KPI_CHANGE_DECIMALS CB_SCORE_DECIMALS

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const CbSnapshotChange *x = a;
  const CbSnapshotChange *y = b;

  if (x->relative != y->relative)
    return x->relative > y->relative ? -1 : 1;
  if (x->kpi != y->kpi)
    return x->kpi ? 1 : -1;
  return x->index < y->index ? -1 : x->index > y->index;
}

GArray *
cb_snapshot_biggest_changes (const CbSnapshot *snapshot,
                             guint             n)
{
  GArray *changes;

  g_return_val_if_fail (snapshot != NULL, NULL);

  changes = g_array_new (FALSE, FALSE, sizeof (CbSnapshotChange));

  for (guint i = 0; i < G_N_ELEMENTS (snapshot->guideline.items); i++)
    {
      const CbSnapshotItem *item = &snapshot->guideline.items[i];
      CbSnapshotChange change = { FALSE, i, item->change, 0 };

      if (!item->change.valid || item->change.value == 0)
        continue;
      change.relative = fabs (item->change.value) / LEVEL_STEPS;
      g_array_append_val (changes, change);
    }

  for (guint i = 0; snapshot->kpis != NULL && i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
      CbSnapshotChange change = { TRUE, i, CB_OPTIONAL_NONE, 0 };

      change.change = cb_snapshot_difference (kpi->value, kpi->previous, KPI_CHANGE_DECIMALS);
      if (!change.change.valid || change.change.value == 0 || kpi->previous.value == 0)
        continue;
      change.relative = fabs (change.change.value) / fabs (kpi->previous.value);
      g_array_append_val (changes, change);
    }

  /* A stable order: ties fall back to the figures' own order. */
  g_array_sort (changes, compare_changes);
  if (changes->len > n)
    g_array_set_size (changes, n);

  return changes;
}
