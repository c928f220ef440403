#pragma once

#include "cb-period.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  char  *code;
  char  *name_ja;
  char  *name_en;
  guint  depth;     /* 0 for a root of the entity tree */
} CbEntityChoice;

/* What the header bar of a workbook's window offers: the periods and the entities one can show. */
typedef struct
{
  GArray    *periods;   /* CbPeriod: cb_snapshot_list_periods() */
  GPtrArray *entities;  /* CbEntityChoice, depth first from each root, children in the workbook's order */
} CbWorkbookChoices;

CbWorkbookChoices *cb_workbook_choices_new         (CbWorkbook               *workbook,
                                                    GError                  **error);
void               cb_workbook_choices_free        (CbWorkbookChoices        *choices);
gboolean           cb_workbook_choices_equal       (const CbWorkbookChoices  *a,
                                                    const CbWorkbookChoices  *b);
/* The index of the period written as @text ("FY2026Q1"), or -1. */
int                cb_workbook_choices_find_period (const CbWorkbookChoices  *choices,
                                                    const char               *text);
/* The index of the entity with @code, or -1. */
int                cb_workbook_choices_find_entity (const CbWorkbookChoices  *choices,
                                                    const char               *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbWorkbookChoices, cb_workbook_choices_free)

G_END_DECLS
