#include <glib/gi18n.h>
#include <string.h>

#include "cb-field-label.h"
#include "cb-record.h"

typedef struct
{
  const char *name;
  const char *label;
} Title;

static const Title titles[] = {
  { "answer", N_("Answer") },
  { "answered_on", N_("Answered on") },
  { "band", N_("Amber band") },
  { "benchmark", N_("Benchmark") },
  { "category", N_("Category") },
  { "code", N_("Code") },
  { "comment", N_("Comment") },
  { "computed_key", N_("Computed from") },
  { "confidentiality", N_("Confidentiality") },
  { "contained_at", N_("Contained") },
  { "country", N_("Country") },
  { "criticality", N_("Criticality") },
  { "data_access", N_("Data access") },
  { "desired_level", N_("Desired level") },
  { "detected_at", N_("Detected") },
  { "detection_detail", N_("Detection detail") },
  { "detection_source", N_("Detected by") },
  { "determined_material_at", N_("Determined material") },
  { "direction", N_("Direction") },
  { "disclosed_at", N_("Disclosed") },
  { "domain", N_("Domain") },
  { "due_date", N_("Due date") },
  { "entity", N_("Entity") },
  { "evidence", N_("Evidence") },
  { "id", N_("ID") },
  { "item", N_("Item") },
  { "item_key", N_("Item") },
  { "level", N_("Level") },
  { "material", N_("Material") },
  { "mean", N_("Mean") },
  { "name", N_("Name") },
  { "name_en", N_("Name (English)") },
  { "name_ja", N_("Name (Japanese)") },
  { "occurred_at", N_("Occurred") },
  { "owner", N_("Owner") },
  { "parent_code", N_("Parent") },
  { "period", N_("Period") },
  { "question_code", N_("Question") },
  { "questionnaire", N_("Questionnaire") },
  { "recovered_at", N_("Recovered") },
  { "reported_at", N_("Reported to management") },
  { "score", N_("Score") },
  { "sd", N_("Standard deviation") },
  { "services", N_("Services") },
  { "severity", N_("Severity") },
  { "source", N_("Source") },
  { "status", N_("Status") },
  { "supplier_code", N_("Supplier") },
  { "target", N_("Target") },
  { "text_en", N_("Text (English)") },
  { "text_ja", N_("Text (Japanese)") },
  { "title", N_("Title") },
  { "unit", N_("Unit") },
  { "value", N_("Value") },
  { "version", N_("Version") },
  { "weight", N_("Weight") },
};

typedef struct
{
  const char *name;   /* NULL for every field */
  const char *value;
  const char *label;
} Value;

/* The same canonical word means different things in different fields ("internal"). */
static const Value values[] = {
  { "confidentiality", "public", N_("Public") },
  { "confidentiality", "board", N_("Board") },
  { "confidentiality", "internal", N_("Internal") },
  { "status", "not_started", N_("Not started") },
  { "status", "in_progress", N_("In progress") },
  { "status", "implemented", N_("Implemented") },
  { "status", "operating", N_("Operating and reviewed") },
  { "criticality", "high", N_("High") },
  { "criticality", "medium", N_("Medium") },
  { "criticality", "low", N_("Low") },
  { "data_access", "none", N_("None") },
  { "data_access", "internal", N_("Internal data") },
  { "data_access", "confidential", N_("Confidential data") },
  { "data_access", "personal", N_("Personal data") },
  { "detection_source", "internal", N_("Internal") },
  { "detection_source", "external", N_("External") },
  { "direction", "higher", N_("Higher is better") },
  { "direction", "lower", N_("Lower is better") },
  { "source", "manual", N_("Manual") },
  { "source", "computed", N_("Computed") },
  { "source", "imported", N_("Imported") },
  { "unit", "count", N_("Count") },
  { "unit", "days", N_("Days") },
  { "unit", "hours", N_("Hours") },
  { "unit", "ratio", N_("Ratio") },
  { "attention", "overdue", N_("Overdue") },
  { "action", "insert", N_("Added") },
  { "action", "update", N_("Changed") },
  { "action", "delete", N_("Deleted") },
  { "action", "import", N_("Imported") },
  { "action", "undo", N_("Undone") },
  { "action", "migrate", N_("Upgraded") },
  { "action", "sign", N_("Signed") },
  { "action", "approve", N_("Approved") },
  { "action", "publish", N_("Published") },
  { "table", "assessments", N_("Guideline items") },
  { "table", "benchmark_reference", N_("Benchmark reference") },
  { "table", "benchmark_scores", N_("Benchmark scores") },
  { "table", "disclosure_sections", N_("Disclosure sections") },
  { "table", "disclosure_versions", N_("Disclosure versions") },
  { "table", "disclosures", N_("Disclosures") },
  { "table", "entities", N_("Entities") },
  { "table", "evaluation_evidence", N_("Evaluation evidence") },
  { "table", "evaluation_ratings", N_("Evaluation ratings") },
  { "table", "evaluations", N_("Evaluations") },
  { "table", "evidence", N_("Evidence") },
  { "table", "import_batches", N_("Imports") },
  { "table", "incidents", N_("Incidents") },
  { "table", "kpi_values", N_("KPI values") },
  { "table", "kpis", N_("KPIs") },
  { "table", "questions", N_("Questionnaire") },
  { "table", "recommendations", N_("Recommendations") },
  { "table", "responses", N_("Supplier responses") },
  { "table", "saved_mappings", N_("Saved column mappings") },
  { "table", "settings", N_("Settings") },
  { "table", "suppliers", N_("Suppliers") },
  { "kind", "assessments", N_("Guideline items") },
  { "kind", "benchmark-reference", N_("Benchmark reference") },
  { "kind", "benchmarks", N_("Benchmark scores") },
  { "kind", "demo", N_("Demo data") },
  { "kind", "entities", N_("Entities") },
  { "kind", "incidents", N_("Incidents") },
  { "kind", "kpi-values", N_("KPI values") },
  { "kind", "kpis", N_("KPIs") },
  { "kind", "merge", N_("Merged workbook") },
  { "kind", "questionnaire", N_("Questionnaire") },
  { "kind", "responses", N_("Supplier responses") },
  { "kind", "suppliers", N_("Suppliers") },
  { "batch", "in_force", N_("In force") },
  { "batch", "undone", N_("Undone") },
  { "rag", "green", N_("On target") },
  { "rag", "amber", N_("Near target") },
  { "rag", "red", N_("Off target") },
  { "rag", "grey", N_("No value") },
  { "evaluation", "draft", N_("Draft") },
  { "evaluation", "submitted", N_("Submitted") },
  { "evaluation", "signed", N_("Signed") },
  { "disclosure", "draft", N_("Draft") },
  { "disclosure", "approved", N_("Approved") },
  { "disclosure", "published", N_("Published") },
  { "evaluator_kind", "internal", N_("Internal") },
  { "evaluator_kind", "external", N_("External") },
  { "recommendation", "open", N_("Open") },
  { "recommendation", "in_progress", N_("In progress") },
  { "recommendation", "done", N_("Done") },
  { "recommendation", "dropped", N_("Dropped") },
  { "audience", "jp_annual_report", N_("Annual securities report") },
  { "audience", "integrated_report", N_("Integrated report") },
  { "audience", "us_10k", N_("Form 10-K Item 1C") },
  { "audience", "us_20f", N_("Form 20-F Item 16K") },
  { NULL, "yes", N_("Yes") },
  { NULL, "no", N_("No") },
};

const char *
cb_field_label_title (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].name, name))
      return _(titles[i].label);
  return name;
}

const char *
cb_field_label_value (const char *name,
                      const char *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if ((values[i].name == NULL || g_strcmp0 (values[i].name, name) == 0) && g_str_equal (values[i].value, value))
      return _(values[i].label);
  return value;
}

char *
cb_field_label_timestamp (const char *canonical)
{
  if (canonical == NULL)
    return NULL;
  if (strlen (canonical) >= 16 && canonical[10] == 'T')
    return g_strdup_printf ("%.10s %.5s", canonical, canonical + 11);
  return g_strdup (canonical);
}

char *
cb_field_label_time (gint64     unix_time,
                     GTimeZone *zone)
{
  g_autofree char *canonical = cb_format_timestamp (unix_time, zone);

  return cb_field_label_timestamp (canonical);
}

char *
cb_field_label_number (double value)
{
  /* Stored values keep every digit of their double (95.60000000000001); a reader wants 95.6. */
  return g_strdup_printf ("%'.10g", value);
}

char *
cb_field_label_figure (CbOptional  value,
                       int         decimals,
                       const char *unit)
{
  g_autofree char *number = NULL;

  if (!value.valid)
    return NULL;
  number = g_strdup_printf ("%.*f", decimals, value.value);
  if (unit == NULL)
    return g_steal_pointer (&number);
  /* Translators: a figure and its unit, e.g. "4.3 days"; write "%s%s" to join them. */
  return g_strdup_printf (C_("figure with unit", "%s %s"), number, unit);
}
