#pragma once

#include "cb-stats.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The score of @answer in @questionnaire: its declared options first, then the default vocabulary.
 * FALSE when the answer is unknown; @excluded is set for N/A-like answers. */
gboolean cb_supplier_answer_score  (CbWorkbook  *workbook,
                                    const char  *questionnaire,
                                    const char  *answer,
                                    double      *score,
                                    gboolean    *excluded);

/* The answers and score sum of one question domain in an assessment. */
typedef struct
{
  const char *domain;
  guint       answers;
  double      score_sum;
} CbDomainSum;

/* Domain sums being added up, in the order the domains first come; a questionnaire has a handful. */
typedef struct
{
  GArray *sums;  /* CbDomainSum, each domain a copy of its own */
} CbDomainSums;

void     cb_domain_sums_init       (CbDomainSums *sums);
void     cb_domain_sums_add        (CbDomainSums *sums,
                                    const char   *domain,
                                    guint         answers,
                                    double        score_sum);
void     cb_domain_sums_clear      (CbDomainSums *sums);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CbDomainSums, cb_domain_sums_clear)

/* The weight from which a failed answer counts as a failed high-weight question. */
double   cb_supplier_high_weight   (CbWorkbook  *workbook);

/* Stores the score of one supplier, questionnaire and date with its domain sums, or removes the
 * assessment when nothing is answered. */
gboolean cb_supplier_save_score    (CbWorkbook             *workbook,
                                    gint64                  supplier_id,
                                    gint64                  questionnaire_id,
                                    const char             *assessed_on,
                                    const CbSupplierScore  *score,
                                    const CbDomainSum      *domains,
                                    guint                   n_domains,
                                    GError                **error);

/* Recomputes the assessment of one supplier, questionnaire and date from its responses
 * (removing it when no response is left). */
gboolean cb_supplier_rescore       (CbWorkbook  *workbook,
                                    gint64       supplier_id,
                                    gint64       questionnaire_id,
                                    const char  *assessed_on,
                                    GError     **error);

/* Recomputes every assessment that has responses from import batch @batch_id. */
gboolean cb_supplier_rescore_batch (CbWorkbook  *workbook,
                                    gint64       batch_id,
                                    GError     **error);

G_END_DECLS
