#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* The yearly board effectiveness evaluation of cyber oversight (SPEC §1.7). Vocabulary is the
 * workbook's own text: evaluator kind "internal" / "external"; status "draft" → "submitted" →
 * "signed"; evidence kind "item" / "kpi" / "document"; recommendation status "open" /
 * "in_progress" / "done" / "dropped". A signed evaluation is read-only; changes need a new
 * revision. Every change is written to the audit log. */

typedef struct
{
  gint64  id;
  char   *criterion_key;
  char   *kind;
  char   *ref;           /* CSMG.D1..CSMG.D10, a KPI code, or a document's path or URL */
  char   *title;
  char   *sha256;        /* of a local document when it was attached, else NULL */
} CbEvaluationEvidence;

typedef struct
{
  gint64     id;
  char      *criterion_key;
  int        rating;     /* 1 does not meet .. 4 fully meets; 0 when not rated */
  char      *finding;
  GPtrArray *evidence;   /* of CbEvaluationEvidence */
} CbEvaluationRating;

typedef struct
{
  gint64  id;
  char   *criterion_key; /* NULL for a recommendation on the whole evaluation */
  char   *text;
  char   *owner;
  char   *due_date;      /* YYYY-MM-DD */
  char   *status;        /* NULL means "open" when adding */
  char   *follow_up;
  gint64  carried_from;  /* the recommendation of an earlier year this follows up, or 0 */
} CbRecommendation;

typedef struct
{
  gint64     id;
  int        fiscal_year;
  int        revision;
  char      *evaluator_name;
  char      *evaluator_org;
  char      *evaluator_kind;
  char      *scope;
  char      *method;
  char      *status;
  char      *confidentiality;
  char      *signed_by;
  char      *signed_on;
  char      *content_sha256;
  char      *report_sha256;
  GPtrArray *ratings;          /* of CbEvaluationRating by criterion key; NULL from a list */
  GPtrArray *recommendations;  /* of CbRecommendation; NULL from a list */
} CbEvaluation;

/* What the evaluator states about an evaluation; NULL text fields are empty. */
typedef struct
{
  int         fiscal_year;
  const char *evaluator_name;
  const char *evaluator_org;
  const char *evaluator_kind;   /* NULL means "external" */
  const char *scope;
  const char *method;
  const char *confidentiality;  /* NULL means "board" */
} CbEvaluationInfo;

/* The kinds of evaluator, in the order they are offered, NULL-terminated. */
const char *const *cb_evaluation_evaluator_kinds (void);

void cb_evaluation_evidence_free (CbEvaluationEvidence *evidence);
void cb_evaluation_rating_free   (CbEvaluationRating   *rating);
void cb_recommendation_free      (CbRecommendation     *recommendation);
void cb_evaluation_free          (CbEvaluation         *evaluation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbEvaluationEvidence, cb_evaluation_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbEvaluationRating, cb_evaluation_rating_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRecommendation, cb_recommendation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbEvaluation, cb_evaluation_free)

/**
 * cb_evaluation_create:
 * Creates revision 1 of the evaluation of @info's fiscal year as a draft and returns its id, or 0.
 * The open and in-progress recommendations of the latest earlier evaluation are carried over as
 * new recommendations whose carried_from names the original, so they are followed up.
 */
gint64        cb_evaluation_create                 (CbWorkbook              *workbook,
                                                    const CbEvaluationInfo  *info,
                                                    GError                 **error);

/* Changes the evaluator, scope, method and confidentiality; the fiscal year stays. */
gboolean      cb_evaluation_set_info               (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const CbEvaluationInfo  *info,
                                                    GError                 **error);

/* Every evaluation, oldest year and revision first, without ratings and recommendations. */
GPtrArray    *cb_evaluation_list                   (CbWorkbook              *workbook,
                                                    GError                 **error);

/* One evaluation with its ratings (and their evidence) and recommendations. */
CbEvaluation *cb_evaluation_get                    (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    GError                 **error);

/**
 * cb_evaluation_set_rating:
 * @rating: 1 to 4, or 0 to leave the criterion unrated
 * @finding: (nullable): the evaluator's finding
 *
 * Rates the criterion @criterion_key (a key of the criteria table).
 */
gboolean      cb_evaluation_set_rating             (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const char              *criterion_key,
                                                    int                      rating,
                                                    const char              *finding,
                                                    GError                 **error);

/**
 * cb_evaluation_add_evidence:
 * @kind: "item" (@ref is CSMG.D1..CSMG.D10), "kpi" (@ref is an existing KPI code) or
 *   "document" (@ref is a path or URL and @title is required)
 *
 * Links evidence to a criterion and returns the evidence id, or 0. A document that is an existing
 * local file has its SHA-256 recorded now, so a later change to the file can be detected.
 */
gint64        cb_evaluation_add_evidence           (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const char              *criterion_key,
                                                    const char              *kind,
                                                    const char              *ref,
                                                    const char              *title,
                                                    GError                 **error);
gboolean      cb_evaluation_remove_evidence        (CbWorkbook              *workbook,
                                                    gint64                   evidence_id,
                                                    GError                 **error);

/* Adds @recommendation (its id and carried_from are ignored) and returns the new id, or 0. */
gint64        cb_evaluation_add_recommendation     (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const CbRecommendation  *recommendation,
                                                    GError                 **error);

/* Replaces the fields of the recommendation @recommendation->id (carried_from stays). */
gboolean      cb_evaluation_update_recommendation  (CbWorkbook              *workbook,
                                                    const CbRecommendation  *recommendation,
                                                    GError                 **error);

/* Moves a draft to "submitted". */
gboolean      cb_evaluation_submit                 (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    GError                 **error);

/**
 * cb_evaluation_sign:
 * @signed_on: YYYY-MM-DD
 *
 * Signs a submitted evaluation: stores the signer, the date and cb_evaluation_content_hash().
 * From then on the evaluation is read-only, in this API and in the file itself.
 */
gboolean      cb_evaluation_sign                   (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const char              *signed_by,
                                                    const char              *signed_on,
                                                    GError                 **error);

/* Records the SHA-256 (64 hex digits) of the exported report of a signed evaluation, once. */
gboolean      cb_evaluation_set_report_hash        (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    const char              *sha256,
                                                    GError                 **error);

/* Copies a signed evaluation into the next revision of its year as a draft; returns its id or 0. */
gint64        cb_evaluation_new_revision           (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    GError                 **error);

/**
 * cb_evaluation_canonical_text:
 *
 * The evaluation's content as the text its signature covers. UTF-8, each line ended by "\n",
 * fields separated by a tab; in a field "\" is written "\\", a tab "\t", a line feed "\n" and a
 * carriage return "\r"; an empty or missing value is an empty field. The lines are:
 *
 *   cyberboard-evaluation 1
 *   evaluation TAB fiscal_year TAB revision TAB evaluator_name TAB evaluator_org TAB
 *              evaluator_kind TAB scope TAB method TAB confidentiality
 *   rating TAB criterion_key TAB rating TAB finding
 *       one per criterion rated, given a finding or given evidence, by criterion key; an
 *       unrated criterion has an empty rating
 *   evidence TAB criterion_key TAB kind TAB ref TAB title TAB sha256
 *       ordered by criterion key, kind, ref, title, sha256
 *   recommendation TAB criterion_key TAB text TAB owner TAB due_date TAB status TAB follow_up
 *       ordered by those fields in that order
 *
 * Order is by byte value (SQLite's BINARY collation), an empty value first. The status, the
 * signature and the report hash are not content, so signing does not change the text.
 */
char         *cb_evaluation_canonical_text         (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    GError                 **error);

/* The SHA-256 of cb_evaluation_canonical_text(), as 64 lowercase hex digits. */
char         *cb_evaluation_content_hash           (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    GError                 **error);

/* Sets @intact to whether a signed evaluation's content still has the hash stored at signing. */
gboolean      cb_evaluation_verify                 (CbWorkbook              *workbook,
                                                    gint64                   evaluation_id,
                                                    gboolean                *intact,
                                                    GError                 **error);

G_END_DECLS
