/* cb-snapshot-json.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "cb-audit.h"
#include "cb-snapshot-private.h"

static const char *const band_names[CB_SCORE_BANDS + 1] = {
  "under_50", "50_to_70", "70_to_85", "85_or_more", "unassessed",
};
static const char *const criticality_names[CB_CRITICALITIES] = { "high", "medium", "low" };

/* A pretty-printing writer: two spaces of indentation per level, one member per line. */
typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;  /* nothing written yet in the open object or array */
} Json;

static void
begin_value (Json       *json,
             const char *key)
{
  if (!json->first)
    g_string_append_c (json->out, ',');
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->out, "  ");
  if (key != NULL)
    {
      cb_json_append_string (json->out, key);
      g_string_append (json->out, ": ");
    }
  json->first = FALSE;
}

static void
open_container (Json       *json,
                const char *key,
                char        bracket)
{
  begin_value (json, key);
  g_string_append_c (json->out, bracket);
  json->depth++;
  json->first = TRUE;
}

static void
close_container (Json *json,
                 char  bracket)
{
  json->depth--;
  if (!json->first)
    {
      g_string_append_c (json->out, '\n');
      for (guint i = 0; i < json->depth; i++)
        g_string_append (json->out, "  ");
    }
  g_string_append_c (json->out, bracket);
  json->first = FALSE;
}

/* The shortest of 15 to 17 significant digits that reads back as the same double. */
static void
append_number (GString *out,
               double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
member_optional (Json       *json,
                 const char *key,
                 CbOptional  value)
{
  begin_value (json, key);
  if (value.valid)
    append_number (json->out, value.value);
  else
    g_string_append (json->out, "null");
}

static void
member_int (Json       *json,
            const char *key,
            gint64      value)
{
  begin_value (json, key);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

static void
member_string (Json       *json,
               const char *key,
               const char *value)
{
  begin_value (json, key);
  cb_json_append_string (json->out, value);
}

static void
member_bool (Json       *json,
             const char *key,
             gboolean    value)
{
  begin_value (json, key);
  g_string_append (json->out, value ? "true" : "false");
}

static void
member_period (Json           *json,
               const char     *key,
               const CbPeriod *period)
{
  g_autofree char *text = cb_period_to_string (period);

  member_string (json, key, text);
}

/* Writes the members of one object of an array. */
typedef void (*WriteMembers) (Json          *json,
                              gconstpointer  element);

/* Writes the @n elements of @size bytes at @elements as an array of objects. */
static void
write_objects (Json          *json,
               const char    *key,
               gconstpointer  elements,
               guint          n,
               gsize          size,
               WriteMembers   write_members)
{
  open_container (json, key, '[');
  for (guint i = 0; i < n; i++)
    {
      open_container (json, NULL, '{');
      write_members (json, (const char *) elements + i * size);
      close_container (json, '}');
    }
  close_container (json, ']');
}

static void
write_array (Json         *json,
             const char   *key,
             const GArray *array,
             WriteMembers  write_members)
{
  write_objects (json, key, array->data, array->len, g_array_get_element_size ((GArray *) array),
                 write_members);
}

static void
write_group (Json          *json,
             gconstpointer  element)
{
  const CbSnapshotGroup *group = element;

  member_string (json, "name_ja", group->name_ja);
  member_string (json, "name_en", group->name_en);
  member_optional (json, "mean_level", group->mean_level);
  member_optional (json, "mean_gap", group->mean_gap);
}

static void
write_item (Json          *json,
            gconstpointer  element)
{
  const CbSnapshotItem *item = element;

  member_string (json, "key", item->key);
  member_int (json, "number", item->number);
  member_string (json, "title_ja", item->title_ja);
  member_string (json, "title_en", item->title_en);
  member_int (json, "group", item->group);
  member_optional (json, "level", item->level);
  member_optional (json, "target", item->target);
  member_string (json, "status", item->status);
  member_optional (json, "previous_level", item->previous_level);
  member_optional (json, "change", item->change);
  member_optional (json, "gap", item->gap);
  member_string (json, "owner", item->owner);
  member_string (json, "due_date", item->due_date);
  member_int (json, "evidence", item->n_evidence);
  member_bool (json, "overdue", item->overdue);
}

static void
write_guideline (Json                     *json,
                 const CbGuidelineSummary *guideline)
{
  guint n_items = 0;

  while (n_items < G_N_ELEMENTS (guideline->items) && guideline->items[n_items].key != NULL)
    n_items++;

  open_container (json, "guideline", '{');
  member_string (json, "framework", guideline->framework);
  member_string (json, "version", guideline->version);
  member_optional (json, "mean_level", guideline->mean_level);
  member_optional (json, "previous_mean_level", guideline->previous_mean_level);
  member_optional (json, "change", guideline->change);
  member_optional (json, "mean_target", guideline->mean_target);
  member_optional (json, "mean_gap", guideline->mean_gap);
  member_int (json, "items_without_evidence", guideline->items_without_evidence);
  member_int (json, "overdue_items", guideline->overdue_items);
  write_objects (json, "groups", guideline->groups, guideline->n_groups, sizeof (CbSnapshotGroup),
                 write_group);
  write_objects (json, "items", guideline->items, n_items, sizeof (CbSnapshotItem), write_item);
  close_container (json, '}');
}

static void
write_detection_members (Json                   *json,
                         const CbDetectionStats *stats)
{
  member_int (json, "incidents", stats->incidents);
  member_int (json, "with_known_compromise", stats->with_known_compromise);
  member_optional (json, "median_dwell_days", stats->median_dwell_days);
  member_optional (json, "mean_dwell_days", stats->mean_dwell_days);
  member_optional (json, "p90_dwell_days", stats->p90_dwell_days);
  member_optional (json, "median_hours_to_contain", stats->median_hours_to_contain);
  member_optional (json, "mean_hours_to_contain", stats->mean_hours_to_contain);
  member_optional (json, "median_hours_to_recover", stats->median_hours_to_recover);
  member_optional (json, "mean_hours_to_recover", stats->mean_hours_to_recover);
  member_optional (json, "internal_detection_share", stats->internal_detection_share);
  member_int (json, "open_at_period_end", stats->open_at_period_end);
  member_optional (json, "median_hours_to_report", stats->median_hours_to_report);
  member_int (json, "material", stats->material);
  member_optional (json, "max_business_days_to_disclose", stats->max_business_days_to_disclose);
  member_int (json, "late_disclosures", stats->late_disclosures);
  member_bool (json, "small_sample", stats->small_sample);
}

static void
write_trend_point (Json          *json,
                   gconstpointer  element)
{
  const CbTrendPoint *point = element;

  member_period (json, "period", &point->period);
  write_detection_members (json, &point->stats);
  member_optional (json, "reference_median_days", point->reference_median_days);
}

static void
write_detection (Json             *json,
                 const CbSnapshot *snapshot)
{
  open_container (json, "detection", '{');
  write_detection_members (json, &snapshot->detection);
  open_container (json, "previous", '{');
  write_detection_members (json, &snapshot->detection_previous);
  close_container (json, '}');
  write_objects (json, "quarter_trend", snapshot->quarter_trend, G_N_ELEMENTS (snapshot->quarter_trend),
                 sizeof (CbTrendPoint), write_trend_point);
  write_objects (json, "year_trend", snapshot->year_trend, G_N_ELEMENTS (snapshot->year_trend),
                 sizeof (CbTrendPoint), write_trend_point);
  close_container (json, '}');
}

static void
write_domain (Json          *json,
              gconstpointer  element)
{
  const CbDomainScore *domain = element;

  member_string (json, "domain", domain->domain);
  member_optional (json, "mean_score", domain->mean_score);
  member_int (json, "answers", domain->answers);
}

static void
write_suppliers (Json                    *json,
                 const CbSupplierSummary *suppliers)
{
  open_container (json, "suppliers", '{');
  member_int (json, "total", suppliers->total);
  member_int (json, "assessed", suppliers->assessed);
  member_int (json, "high_criticality", suppliers->high_criticality);
  member_int (json, "high_criticality_assessed", suppliers->high_criticality_assessed);
  member_optional (json, "high_criticality_coverage_pct", suppliers->high_criticality_coverage_pct);
  member_optional (json, "mean_score", suppliers->mean_score);
  member_int (json, "overdue_reassessments", suppliers->overdue_reassessments);

  open_container (json, "score_bands", '{');
  for (guint b = 0; b < CB_SCORE_BANDS; b++)
    member_int (json, band_names[b], suppliers->score_bands[b]);
  close_container (json, '}');

  open_container (json, "risk_matrix", '{');
  for (guint c = 0; c < CB_CRITICALITIES; c++)
    {
      open_container (json, criticality_names[c], '{');
      for (guint b = 0; b <= CB_SCORE_BANDS; b++)
        member_int (json, band_names[b], suppliers->risk_matrix[c][b]);
      close_container (json, '}');
    }
  close_container (json, '}');

  write_objects (json, "weakest_domains", suppliers->weakest_domains, suppliers->n_weakest_domains,
                 sizeof (CbDomainScore), write_domain);
  close_container (json, '}');
}

static void
write_kpi (Json          *json,
           gconstpointer  element)
{
  const CbSnapshotKpi *kpi = element;

  member_string (json, "code", kpi->code);
  member_string (json, "name_ja", kpi->name_ja);
  member_string (json, "name_en", kpi->name_en);
  member_string (json, "unit", kpi->unit);
  member_string (json, "direction", kpi->direction == CB_DIRECTION_LOWER ? "lower" : "higher");
  member_optional (json, "value", kpi->value);
  member_optional (json, "target", kpi->target);
  member_optional (json, "band", kpi->band);
  member_string (json, "status", cb_rag_to_string (kpi->status));
  member_optional (json, "previous", kpi->previous);
  member_string (json, "trend", cb_trend_to_string (kpi->trend));
  member_bool (json, "improving", kpi->improving);
  open_container (json, "history", '[');
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    member_optional (json, NULL, kpi->history[p]);
  close_container (json, ']');
  member_string (json, "confidentiality", kpi->confidentiality);
}

static void
write_benchmark (Json          *json,
                 gconstpointer  element)
{
  const CbSnapshotBenchmark *benchmark = element;

  member_string (json, "code", benchmark->code);
  member_string (json, "name_ja", benchmark->name_ja);
  member_string (json, "name_en", benchmark->name_en);
  member_string (json, "version", benchmark->version);
  member_int (json, "items", benchmark->n_items);
  member_optional (json, "total", benchmark->total);
  member_optional (json, "max", benchmark->max);
  member_optional (json, "standard_score", benchmark->standard_score);
  member_optional (json, "previous_total", benchmark->previous_total);
}

static void
write_recommendation (Json          *json,
                      gconstpointer  element)
{
  const CbSnapshotRecommendation *recommendation = element;

  member_int (json, "fiscal_year", recommendation->fiscal_year);
  member_string (json, "criterion", recommendation->criterion_key);
  member_string (json, "text", recommendation->text);
  member_string (json, "owner", recommendation->owner);
  member_string (json, "due_date", recommendation->due_date);
  member_string (json, "status", recommendation->status);
}

static void
write_batch (Json          *json,
             gconstpointer  element)
{
  const CbSnapshotBatch *batch = element;
  g_autoptr(GDateTime) imported = g_date_time_new_from_unix_utc (batch->imported_at);
  g_autofree char *imported_at = imported != NULL ? g_date_time_format_iso8601 (imported) : NULL;

  member_int (json, "id", batch->id);
  member_string (json, "kind", batch->kind);
  member_string (json, "file_name", batch->file_name);
  member_string (json, "sha256", batch->sha256);
  member_int (json, "rows", batch->rows);
  member_string (json, "imported_at", imported_at);
  member_string (json, "user", batch->user);
}

char *
cb_snapshot_to_json (const CbSnapshot *snapshot)
{
  Json json = { NULL, 1, TRUE };

  g_return_val_if_fail (snapshot != NULL, NULL);

  json.out = g_string_new ("{");

  member_period (&json, "period", &snapshot->period);
  member_period (&json, "previous_period", &snapshot->previous);
  member_period (&json, "year_ago_period", &snapshot->year_ago);
  member_string (&json, "audience", cb_audience_to_string (snapshot->audience));
  member_string (&json, "entity", snapshot->entity_code);
  member_string (&json, "entity_name_ja", snapshot->entity_name_ja);
  member_string (&json, "entity_name_en", snapshot->entity_name_en);
  write_guideline (&json, &snapshot->guideline);
  write_detection (&json, snapshot);
  write_suppliers (&json, &snapshot->suppliers);
  write_array (&json, "kpis", snapshot->kpis, write_kpi);
  write_array (&json, "benchmarks", snapshot->benchmarks, write_benchmark);
  write_array (&json, "recommendations", snapshot->recommendations, write_recommendation);
  write_array (&json, "batches", snapshot->batches, write_batch);
  close_container (&json, '}');
  g_string_append_c (json.out, '\n');
  return g_string_free (json.out, FALSE);
}
