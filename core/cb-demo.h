#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  CB_DEMO_SMALL,  /* one company, two subsidiaries, two years: for trying the product */
  CB_DEMO_LARGE,  /* the scale of SPEC §5: for benchmarks */
} CbDemoScale;

typedef void (*CbDemoProgress) (double   fraction,
                                gpointer user_data);

/* The demo company, as a workbook for it is created. */
const CbOrganisation *cb_demo_organisation (void);

/**
 * cb_demo_generate:
 * @workbook: a newly created workbook, without data of its own
 * @seed: the same seed gives the same workbook
 * @progress: (nullable): called now and then with the share done, 0 to 1
 *
 * Fills @workbook with an invented company's cyber-governance data, dated up to
 * 2026-11-15 in its time zone (the last full quarter is the one before), all in one
 * transaction as one import batch of kind "demo". Nothing is written when it fails.
 */
gboolean cb_demo_generate (CbWorkbook      *workbook,
                           CbDemoScale      scale,
                           guint32          seed,
                           CbDemoProgress   progress,
                           gpointer         user_data,
                           GError         **error);

G_END_DECLS
