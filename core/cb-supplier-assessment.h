#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* One scored assessment of a supplier: its answers to one questionnaire on one date (SPEC §1.4),
 * as core keeps it in step with the responses. */
typedef struct
{
  gint64    id;
  char     *questionnaire;       /* the questionnaire's code */
  char     *assessed_on;         /* YYYY-MM-DD */
  gboolean  has_score;           /* FALSE when every answer was N/A */
  double    score;               /* 0–100 */
  double    answered_share;      /* 0–1 of the questionnaire's questions */
  guint     answered;
  guint     scored;              /* answered and not N/A */
  guint     failed_high_weight;  /* answered "no" on a high-weight question */
} CbSupplierAssessment;

void       cb_supplier_assessment_free (CbSupplierAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbSupplierAssessment, cb_supplier_assessment_free)

/* The assessments of the supplier whose code is @supplier_code, newest first, of
 * CbSupplierAssessment; empty when it has none, NULL with @error when no supplier has the code. */
GPtrArray *cb_supplier_assessment_list (CbWorkbook  *workbook,
                                        const char  *supplier_code,
                                        GError     **error);

/* The responses of the assessment @assessment_id, as CbRecord of kind "responses" in the order of
 * the questionnaire's questions. */
GPtrArray *cb_supplier_assessment_responses (CbWorkbook  *workbook,
                                             gint64       assessment_id,
                                             GError     **error);

G_END_DECLS
