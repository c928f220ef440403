/* test-snapshot-changes.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-snapshot.h"

/* A snapshot made by hand: only the guideline items and the KPIs matter here. */
static CbSnapshot *
snapshot_new (void)
{
  static const struct
  {
    CbOptional value;
    CbOptional previous;
  } kpis[] = {
    { CB_OPTIONAL (95.6), CB_OPTIONAL (94) },  /* +1.6, 1.6 / 94 = 0.01702 */
    { CB_OPTIONAL (5.5), CB_OPTIONAL (6.1) },  /* −0.6, 0.6 / 6.1 = 0.09836 */
    { CB_OPTIONAL (12), CB_OPTIONAL (0) },     /* no scale: left out */
    { CB_OPTIONAL (40), CB_OPTIONAL (50) },    /* −10, 10 / 50 = 0.2 */
    { CB_OPTIONAL_NONE, CB_OPTIONAL (3) },     /* no value: left out */
    { CB_OPTIONAL (7), CB_OPTIONAL (7) },      /* did not move: left out */
  };
  CbSnapshot *snapshot = g_new0 (CbSnapshot, 1);

  snapshot->guideline.items[0].change = CB_OPTIONAL (0.33);  /* 0.33 / 5 = 0.066 */
  snapshot->guideline.items[1].change = CB_OPTIONAL (-1);    /* 1 / 5 = 0.2 */
  snapshot->guideline.items[2].change = CB_OPTIONAL (0);     /* did not move */
  snapshot->kpis = g_array_new (FALSE, TRUE, sizeof (CbSnapshotKpi));
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      CbSnapshotKpi kpi = { .value = kpis[i].value, .previous = kpis[i].previous };

      g_array_append_val (snapshot->kpis, kpi);
    }

  return snapshot;
}

static void
snapshot_free (CbSnapshot *snapshot)
{
  g_array_unref (snapshot->kpis);
  g_free (snapshot);
}

static void
test_biggest_changes (void)
{
  static const struct
  {
    gboolean kpi;
    guint    index;
    double   change;
    double   relative;
  } expected[] = {
    { FALSE, 1, -1, 0.2 },            /* ties with KPI 3: items first */
    { TRUE, 3, -10, 0.2 },
    { TRUE, 1, -0.6, 0.6 / 6.1 },
    { FALSE, 0, 0.33, 0.066 },
    { TRUE, 0, 1.6, 1.6 / 94 },
  };
  static const guint limits[] = { 0, 1, 3, 5, 10 };
  CbSnapshot *snapshot = snapshot_new ();

  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    {
      g_autoptr(GArray) changes = cb_snapshot_biggest_changes (snapshot, limits[l]);

      g_test_message ("at most %u", limits[l]);
      g_assert_cmpuint (changes->len, ==, MIN (limits[l], G_N_ELEMENTS (expected)));
      for (guint i = 0; i < changes->len; i++)
        {
          const CbSnapshotChange *change = &g_array_index (changes, CbSnapshotChange, i);

          g_assert_cmpint (change->kpi, ==, expected[i].kpi);
          g_assert_cmpuint (change->index, ==, expected[i].index);
          g_assert_true (change->change.valid);
          g_assert_cmpfloat_with_epsilon (change->change.value, expected[i].change, 1e-9);
          g_assert_cmpfloat_with_epsilon (change->relative, expected[i].relative, 1e-9);
        }
    }

  snapshot_free (snapshot);
}

static void
test_no_changes (void)
{
  CbSnapshot snapshot = { 0 };
  g_autoptr(GArray) changes = NULL;

  snapshot.kpis = g_array_new (FALSE, TRUE, sizeof (CbSnapshotKpi));
  changes = cb_snapshot_biggest_changes (&snapshot, 3);
  g_assert_cmpuint (changes->len, ==, 0);
  g_array_unref (snapshot.kpis);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snapshot/biggest-changes", test_biggest_changes);
  g_test_add_func ("/snapshot/biggest-changes/none", test_no_changes);

  return g_test_run ();
}
