/* cb-snapshot-suppliers.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "cb-snapshot-private.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

/* SPEC §4: coverage counts assessments dated within 365 days before the period end. */
#define WINDOW_DAYS 365

#define WEAKEST_DOMAINS 5

static const char *const criticalities[CB_CRITICALITIES] = { "high", "medium", "low" };
static const double band_limits[CB_SCORE_BANDS - 1] = { 50, 70, 85 };

typedef struct
{
  gint64 id;
  int    criticality;  /* index into criticalities, -1 when not given */
} Supplier;

typedef struct
{
  gint64      supplier_id;
  gint64      id;
  char        assessed_on[11];
  CbOptional  score;
} Assessment;

/* The window of one period: assessments dated in [from, to). */
typedef struct
{
  char from[11];
  char to[11];
} Window;

void
cb_snapshot_clear_suppliers (CbSupplierSummary *suppliers)
{
  for (guint i = 0; i < suppliers->n_weakest_domains; i++)
    g_free (suppliers->weakest_domains[i].domain);
  g_clear_pointer (&suppliers->weakest_domains, g_free);
  suppliers->n_weakest_domains = 0;
}

static void
set_window (const CbSnapshotScope *scope,
            const CbPeriod        *period,
            Window                *window)
{
  GDate first, after_last;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;

  cb_period_dates (period, scope->start_month, &first, &after_last);
  to = cb_snapshot_format_date (&after_last);
  g_date_subtract_days (&after_last, WINDOW_DAYS);
  from = cb_snapshot_format_date (&after_last);
  g_strlcpy (window->to, to, sizeof window->to);
  g_strlcpy (window->from, from, sizeof window->from);
}

static int
criticality_index (const char *criticality)
{
  for (guint i = 0; i < CB_CRITICALITIES; i++)
    if (g_strcmp0 (criticalities[i], criticality) == 0)
      return i;
  return -1;
}

static guint
score_band (double score)
{
  guint band = 0;

  while (band < G_N_ELEMENTS (band_limits) && score >= band_limits[band])
    band++;
  return band;
}

static GArray *
read_suppliers (const CbSnapshotScope  *scope,
                GError                **error)
{
  g_autoptr(GArray) suppliers = g_array_new (FALSE, FALSE, sizeof (Supplier));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT id, criticality FROM suppliers WHERE confidentiality IN {visible} "
                                    "AND " SCOPE_ENTITY ("entity_id") " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Supplier supplier = {
        .id = sqlite3_column_int64 (stmt, 0),
        .criticality = criticality_index ((const char *) sqlite3_column_text (stmt, 1)),
      };
      g_array_append_val (suppliers, supplier);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (scope->workbook, "reading the suppliers", error);
      return NULL;
    }
  return g_steal_pointer (&suppliers);
}

/* Every assessment dated in [from, to), by supplier and then by date: the last one of a supplier
 * inside a window is its latest there. */
static GArray *
read_assessments (const CbSnapshotScope  *scope,
                  const char             *from,
                  const char             *to,
                  GError                **error)
{
  g_autoptr(GArray) assessments = g_array_new (FALSE, FALSE, sizeof (Assessment));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_workbook_prepare (scope->workbook,
                              "SELECT supplier_id, id, assessed_on, score FROM supplier_assessments "
                              "WHERE assessed_on >= :from AND assessed_on < :to ORDER BY supplier_id, assessed_on, id",
                              error);
  if (stmt == NULL)
    return NULL;
  cb_snapshot_bind_text (stmt, ":from", from);
  cb_snapshot_bind_text (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Assessment assessment = {
        .supplier_id = sqlite3_column_int64 (stmt, 0),
        .id = sqlite3_column_int64 (stmt, 1),
        .score = cb_snapshot_column_optional (stmt, 3),
      };
      g_strlcpy (assessment.assessed_on, (const char *) sqlite3_column_text (stmt, 2),
                 sizeof assessment.assessed_on);
      g_array_append_val (assessments, assessment);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (scope->workbook, "reading the supplier assessments", error);
      return NULL;
    }
  return g_steal_pointer (&assessments);
}

typedef struct
{
  CbSupplierSummary *summary;
  GArray            *scores;
} Tally;

static void
tally_supplier (Tally             *tally,
                const Supplier    *supplier,
                const Assessment  *latest)
{
  CbSupplierSummary *summary = tally->summary;
  gboolean high = supplier->criticality == 0;
  guint column = CB_SCORE_BANDS;

  summary->total++;
  summary->high_criticality += high;
  if (latest != NULL)
    {
      summary->assessed++;
      summary->high_criticality_assessed += high;
      if (latest->score.valid)
        {
          column = score_band (latest->score.value);
          summary->score_bands[column]++;
          g_array_append_val (tally->scores, latest->score.value);
        }
    }
  /* An assessment whose every answer was N/A has no score: it joins the unassessed column. */
  if (supplier->criticality >= 0)
    summary->risk_matrix[supplier->criticality][column]++;
}

static void
finish_summary (Tally *tally)
{
  CbSupplierSummary *summary = tally->summary;

  summary->overdue_reassessments = summary->high_criticality - summary->high_criticality_assessed;
  if (summary->high_criticality > 0)
    summary->high_criticality_coverage_pct =
      CB_OPTIONAL (cb_snapshot_round (100.0 * summary->high_criticality_assessed / summary->high_criticality,
                                      CB_SCORE_DECIMALS));
  summary->mean_score = cb_snapshot_mean ((const double *) (gpointer) tally->scores->data, tally->scores->len,
                                          CB_SCORE_DECIMALS);
}

static int
compare_domains (const void *a,
                 const void *b)
{
  const CbDomainScore *x = a;
  const CbDomainScore *y = b;

  if (x->mean_score.value != y->mean_score.value)
    return x->mean_score.value < y->mean_score.value ? -1 : 1;
  return g_strcmp0 (x->domain, y->domain);
}

/* The mean score of the answers in each question domain, over the latest assessments. The sums are
 * made here rather than with GROUP BY, which would sort every answer row by domain name. */
static gboolean
fill_weakest_domains (const CbSnapshotScope  *scope,
                      GArray                 *latest_ids,
                      CbSupplierSummary      *summary,
                      GError                **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  g_auto(CbDomainSums) sums = { NULL };
  g_autoptr(GArray) domains = g_array_new (FALSE, TRUE, sizeof (CbDomainScore));
  sqlite3_stmt *stmt;
  int rc;

  if (latest_ids->len == 0)
    return TRUE;
  for (guint i = 0; i < latest_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (latest_ids, gint64, i));
  g_string_append_c (ids, ']');
  cb_domain_sums_init (&sums);

  stmt = cb_workbook_prepare (scope->workbook,
                              "SELECT domain, score_sum, answers FROM supplier_assessment_domains "
                              "WHERE assessment_id IN (SELECT value FROM json_each (:ids))", error);
  if (stmt == NULL)
    return FALSE;
  cb_snapshot_bind_text (stmt, ":ids", ids->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    cb_domain_sums_add (&sums, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 2),
                        sqlite3_column_double (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (scope->workbook, "reading the answers by domain", error);

  for (guint d = 0; d < sums.sums->len; d++)
    {
      const CbDomainSum *sum = &g_array_index (sums.sums, CbDomainSum, d);
      /* As SQL divides: no answers is no quotient, read as 0. */
      double mean = sum->answers != 0 ? 100.0 * (sum->score_sum / sum->answers) : 0.0;
      CbDomainScore domain = {
        .domain = g_strdup (sum->domain),
        .mean_score = CB_OPTIONAL (cb_snapshot_round (mean, CB_SCORE_DECIMALS)),
        .answers = sum->answers,
      };
      g_array_append_val (domains, domain);
    }

  qsort (domains->data, domains->len, sizeof (CbDomainScore), compare_domains);
  for (guint i = WEAKEST_DOMAINS; i < domains->len; i++)
    g_free (g_array_index (domains, CbDomainScore, i).domain);
  summary->n_weakest_domains = MIN (domains->len, WEAKEST_DOMAINS);
  g_array_set_size (domains, summary->n_weakest_domains);
  summary->weakest_domains = (CbDomainScore *) (gpointer) g_array_free (g_steal_pointer (&domains),
                                                                       summary->n_weakest_domains == 0);
  return TRUE;
}

/* Tallies every supplier at the end of each period of the series. */
static void
tally_series (const GArray  *suppliers,
              const GArray  *assessments,
              const Window  *windows,
              Tally         *tallies,
              GArray        *latest_ids)
{
  const Assessment *all = (const Assessment *) (gpointer) assessments->data;
  guint next = 0;

  /* Both lists are ordered by supplier id: walk them side by side. */
  for (guint s = 0; s < suppliers->len; s++)
    {
      const Supplier *supplier = &g_array_index (suppliers, Supplier, s);
      guint first, last;

      while (next < assessments->len && all[next].supplier_id < supplier->id)
        next++;
      first = next;
      while (next < assessments->len && all[next].supplier_id == supplier->id)
        next++;
      last = next;

      for (guint p = 0; p < CB_KPI_HISTORY; p++)
        {
          const Assessment *latest = NULL;

          for (guint a = first; a < last; a++)
            if (strcmp (all[a].assessed_on, windows[p].from) >= 0 && strcmp (all[a].assessed_on, windows[p].to) < 0)
              latest = &all[a];
          tally_supplier (&tallies[p], supplier, latest);
          if (p == CB_SERIES_CURRENT && latest != NULL)
            g_array_append_val (latest_ids, latest->id);
        }
    }
}

gboolean
cb_snapshot_fill_suppliers (const CbSnapshotScope  *scope,
                            CbSnapshotSeries       *series,
                            GError                **error)
{
  g_autoptr(GArray) suppliers = NULL;
  g_autoptr(GArray) assessments = NULL;
  g_autoptr(GArray) latest_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Window windows[CB_KPI_HISTORY];
  Tally tallies[CB_KPI_HISTORY];

  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    set_window (scope, &series->periods[p], &windows[p]);

  suppliers = read_suppliers (scope, error);
  if (suppliers == NULL)
    return FALSE;
  assessments = read_assessments (scope, windows[0].from, windows[CB_KPI_HISTORY - 1].to, error);
  if (assessments == NULL)
    return FALSE;

  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    tallies[p] = (Tally) { &series->suppliers[p], g_array_new (FALSE, FALSE, sizeof (double)) };
  tally_series (suppliers, assessments, windows, tallies, latest_ids);
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    {
      finish_summary (&tallies[p]);
      g_array_unref (tallies[p].scores);
    }
  return fill_weakest_domains (scope, latest_ids, &series->suppliers[CB_SERIES_CURRENT], error);
}
