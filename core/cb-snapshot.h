#pragma once

#include "cb-audience.h"
#include "cb-period.h"
#include "cb-stats.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* A figure that may not exist: JSON null, a grey tile, an empty cell — never 0. */
typedef struct
{
  gboolean valid;
  double   value;
} CbOptional;

#define CB_OPTIONAL_NONE ((CbOptional) { FALSE, 0 })
#define CB_OPTIONAL(v)   ((CbOptional) { TRUE, (v) })

typedef struct
{
  char       *key;        /* CSMG.D1 */
  int         number;     /* 1..10 */
  char       *title_ja;
  char       *title_en;
  int         group;      /* index into CbGuidelineSummary.groups */
  CbOptional  level;      /* mean over the entity's subtree; one entity's own level for a leaf */
  CbOptional  target;
  CbOptional  previous_level;
  CbOptional  change;     /* level − previous_level */
  CbOptional  gap;        /* target − level */
  char       *status;     /* the least advanced status in the subtree, or NULL */
  char       *owner;
  char       *due_date;
  guint       n_evidence;
  gboolean    overdue;    /* due before the period end and not yet implemented */
} CbSnapshotItem;

typedef struct
{
  char       *name_ja;
  char       *name_en;
  CbOptional  mean_level;
  CbOptional  mean_gap;
} CbSnapshotGroup;

typedef struct
{
  char            *framework;        /* "CSMG-3.0" */
  char            *version;          /* "3.0" */
  CbSnapshotItem   items[10];
  CbSnapshotGroup *groups;
  guint            n_groups;
  CbOptional       mean_level;
  CbOptional       previous_mean_level;
  CbOptional       change;
  CbOptional       mean_target;
  CbOptional       mean_gap;
  guint            items_without_evidence;
  guint            overdue_items;
} CbGuidelineSummary;

typedef struct
{
  guint       incidents;
  guint       with_known_compromise;
  CbOptional  median_dwell_days;
  CbOptional  mean_dwell_days;
  CbOptional  p90_dwell_days;
  CbOptional  mean_hours_to_contain;
  CbOptional  median_hours_to_contain;
  CbOptional  mean_hours_to_recover;
  CbOptional  median_hours_to_recover;
  CbOptional  internal_detection_share;  /* 0..1 */
  guint       open_at_period_end;
  CbOptional  median_hours_to_report;    /* detected → reported to management */
  guint       material;
  CbOptional  max_business_days_to_disclose;
  guint       late_disclosures;          /* more than four business days after determination */
  gboolean    small_sample;              /* the dwell figures rest on fewer than 5 incidents */
} CbDetectionStats;

typedef struct
{
  CbPeriod          period;
  CbDetectionStats  stats;
  CbOptional        reference_median_days; /* published global median for the period's calendar year */
} CbTrendPoint;

typedef struct
{
  char       *ref;
  char       *title;
  int         severity;            /* 0 when unknown */
  char       *category;
  gint64      detected_at;
  CbOptional  dwell_days;
  gboolean    open;                /* not recovered at the period end */
  gboolean    material;
  char       *detection_source;
  char       *confidentiality;
} CbSnapshotIncident;

#define CB_SCORE_BANDS 4         /* < 50, 50–70, 70–85, ≥ 85 */
#define CB_CRITICALITIES 3       /* high, medium, low */

typedef struct
{
  char       *domain;
  CbOptional  mean_score;        /* 0–100 over the latest responses of assessed suppliers */
  guint       answers;
} CbDomainScore;

typedef struct
{
  guint          total;
  guint          assessed;                     /* an assessment within 365 days before the period end */
  guint          high_criticality;
  guint          high_criticality_assessed;
  CbOptional     high_criticality_coverage_pct;
  CbOptional     mean_score;                   /* mean of each assessed supplier's latest score */
  guint          overdue_reassessments;        /* latest assessment older than 365 days at the period end */
  guint          score_bands[CB_SCORE_BANDS];
  /* Suppliers by criticality and by the band of their latest score; the last column counts the unassessed. */
  guint          risk_matrix[CB_CRITICALITIES][CB_SCORE_BANDS + 1];
  CbDomainScore *weakest_domains;              /* ascending mean score */
  guint          n_weakest_domains;
} CbSupplierSummary;

#define CB_KPI_HISTORY 8

typedef struct
{
  char        *code;
  char        *name_ja;
  char        *name_en;
  char        *unit;
  CbDirection  direction;
  CbOptional   value;
  CbOptional   previous;
  CbOptional   target;
  CbOptional   band;
  CbRag        status;
  CbTrend      trend;
  gboolean     improving;
  CbOptional   history[CB_KPI_HISTORY];  /* the last eight quarters (or years), oldest first, ending with this one */
  char        *confidentiality;
} CbSnapshotKpi;

typedef struct
{
  char       *code;
  char       *name_ja;
  char       *name_en;
  char       *version;
  guint       n_items;
  CbOptional  total;
  CbOptional  max;                   /* items defined × the score maximum */
  CbOptional  standard_score;        /* against the reference TOTAL row of the benchmark's version */
  CbOptional  previous_total;
} CbSnapshotBenchmark;

typedef struct
{
  char       *text;
  char       *owner;
  char       *due_date;
  char       *status;
  char       *criterion_key;
  int         fiscal_year;
} CbSnapshotRecommendation;

typedef struct
{
  gint64  id;
  char   *kind;
  char   *file_name;
  char   *sha256;
  gint64  rows;
  gint64  imported_at;
  char   *user;
} CbSnapshotBatch;

/* Every figure of one period for one entity's subtree, as one audience may see it: what the CLI
 * prints, the reports draw and the app shows. */
typedef struct
{
  CbPeriod                   period;
  CbPeriod                   previous;
  CbPeriod                   year_ago;
  CbAudience                 audience;
  char                      *entity_code;
  char                      *entity_name_ja;
  char                      *entity_name_en;
  gint64                     period_start;   /* unix seconds, inclusive */
  gint64                     period_end;     /* unix seconds, exclusive */
  CbGuidelineSummary         guideline;
  CbDetectionStats           detection;
  CbDetectionStats           detection_previous;
  CbTrendPoint               quarter_trend[8];   /* oldest first, ending with this period's quarter */
  CbTrendPoint               year_trend[5];      /* fiscal years, oldest first */
  GPtrArray                 *incidents;          /* CbSnapshotIncident of the period */
  CbSupplierSummary          suppliers;
  GArray                    *kpis;               /* CbSnapshotKpi */
  GArray                    *benchmarks;         /* CbSnapshotBenchmark */
  GArray                    *recommendations;    /* open ones of the latest evaluation, CbSnapshotRecommendation */
  GArray                    *batches;            /* CbSnapshotBatch: the imports the figures rest on */
} CbSnapshot;

/* @period and @entity_code may be NULL: the latest period with data, and the group's root. */
CbSnapshot *cb_snapshot_new       (CbWorkbook  *workbook,
                                   const char  *period,
                                   const char  *entity_code,
                                   CbAudience   audience,
                                   GError     **error);
void        cb_snapshot_free      (CbSnapshot  *snapshot);

/* The latest quarter that has assessments, incidents, KPI values or benchmark scores; FALSE when none. */
gboolean    cb_snapshot_latest_period (CbWorkbook *workbook,
                                       CbPeriod   *period);

/* The periods one may look at: the last CB_SNAPSHOT_QUARTERS quarters up to the latest with data (or
 * today's, without data), newest first, then the fiscal years they touch, newest first. */
#define CB_SNAPSHOT_QUARTERS 12
GArray     *cb_snapshot_list_periods (CbWorkbook *workbook);

/* The JSON object of `status --json` (SPEC §2), pretty-printed. */
char       *cb_snapshot_to_json   (const CbSnapshot *snapshot);

/* The figure named as in the JSON ("detection.median_dwell_days", "guideline.mean_level",
 * "suppliers.high_criticality_coverage_pct", "detection.internal_share_pct"): what computed KPIs and
 * disclosure placeholders read. FALSE when @key names no figure; a figure that cannot be computed
 * is returned as no value. */
gboolean    cb_snapshot_lookup    (const CbSnapshot *snapshot,
                                   const char       *key,
                                   CbOptional       *value);

/* A figure that moved since the previous period: a guideline item or a KPI. */
typedef struct
{
  gboolean    kpi;       /* an element of kpis, else of guideline.items */
  guint       index;
  CbOptional  change;    /* this period's value − the previous one's, in the figure's unit */
  double      relative;  /* |change| as a share of the 5-step level scale (an item) or of |previous| (a KPI) */
} CbSnapshotChange;

/* The @n figures that moved most since the previous period, largest relative change first: guideline
 * items by their change in levels over the five steps of the scale, KPIs by their change over their
 * previous value (a KPI whose previous value is 0 has no scale and is left out). Figures without both
 * values, or that did not move, are left out; ties keep items before KPIs, each in their order. */
GArray     *cb_snapshot_biggest_changes (const CbSnapshot *snapshot,
                                         guint             n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbSnapshot, cb_snapshot_free)

G_END_DECLS
