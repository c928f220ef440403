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
  { "approved_on", N_("Approved on") },
  { "approver", N_("Approver") },
  { "assessment_id", N_("Guideline item") },
  { "attached_at", N_("Attached on") },
  { "audience", N_("Audience") },
  { "band", N_("Amber band") },
  { "benchmark", N_("Benchmark") },
  { "body_en", N_("Body (English)") },
  { "body_ja", N_("Body (Japanese)") },
  { "carried_from", N_("Carried over from") },
  { "category", N_("Category") },
  { "code", N_("Code") },
  { "comment", N_("Comment") },
  { "computed_key", N_("Computed from") },
  { "confidentiality", N_("Confidentiality") },
  { "contained_at", N_("Contained") },
  { "content_sha256", N_("Content SHA-256") },
  { "country", N_("Country") },
  { "criterion_key", N_("Criterion") },
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
  { "evaluator_kind", N_("Evaluator is") },
  { "evaluator_name", N_("Evaluator") },
  { "evaluator_org", N_("Organisation") },
  { "evidence", N_("Evidence") },
  { "file_name", N_("File") },
  { "finding", N_("Finding") },
  { "fiscal_year", N_("Fiscal year") },
  { "fiscal_year_start", N_("Fiscal year starts in month") },
  { "follow_up", N_("Follow-up") },
  { "framework", N_("Framework") },
  { "heading_en", N_("Heading (English)") },
  { "heading_ja", N_("Heading (Japanese)") },
  { "high_weight", N_("High-weight threshold") },
  { "id", N_("ID") },
  { "item", N_("Item") },
  { "item_key", N_("Item") },
  { "key", N_("Section") },
  { "kind", N_("Type") },
  { "language", N_("Language") },
  { "languages", N_("Languages") },
  { "level", N_("Level") },
  { "location", N_("Location") },
  { "material", N_("Material") },
  { "mean", N_("Mean") },
  { "method", N_("Method") },
  { "name", N_("Name") },
  { "name_en", N_("Name (English)") },
  { "name_ja", N_("Name (Japanese)") },
  { "occurred_at", N_("Occurred") },
  { "org_name_en", N_("Organisation (English)") },
  { "org_name_ja", N_("Organisation (Japanese)") },
  { "owner", N_("Owner") },
  { "parent_code", N_("Parent") },
  { "pdf_sha256", N_("PDF SHA-256") },
  { "period", N_("Period") },
  { "published_at", N_("Published on") },
  { "question_code", N_("Question") },
  { "questionnaire", N_("Questionnaire") },
  { "rating", N_("Rating") },
  { "recovered_at", N_("Recovered") },
  { "ref", N_("Reference") },
  { "report_sha256", N_("Report SHA-256") },
  { "reported_at", N_("Reported to management") },
  { "revision", N_("Revision") },
  { "rows_inserted", N_("Rows added") },
  { "rows_updated", N_("Rows changed") },
  { "schema", N_("Workbook format version") },
  { "scope", N_("Scope") },
  { "score", N_("Score") },
  { "sd", N_("Standard deviation") },
  { "services", N_("Services") },
  { "severity", N_("Severity") },
  { "sha256", N_("SHA-256") },
  { "signed_by", N_("Signed by") },
  { "signed_on", N_("Signed on") },
  { "source", N_("Source") },
  { "status", N_("Status") },
  { "supplier_code", N_("Supplier") },
  { "target", N_("Target") },
  { "text", N_("Text") },
  { "text_en", N_("Text (English)") },
  { "text_ja", N_("Text (Japanese)") },
  { "time_zone", N_("Time zone") },
  { "title", N_("Title") },
  { "title_en", N_("Title (English)") },
  { "title_ja", N_("Title (Japanese)") },
  { "unit", N_("Unit") },
  { "value", N_("Value") },
  { "version", N_("Version") },
  { "weight", N_("Weight") },
};

typedef struct
{
  const char *name;     /* NULL for every field */
  const char *value;
  const char *label;
  const char *context;  /* the label's message context, when its word alone means other things too */
} Value;

/* The same canonical word means different things in different fields ("internal"): a short word
 * that other fields or other screens also use is translated in the context of its field. */
static const Value values[] = {
  { "confidentiality", "public", NC_("confidentiality", "Public"), "confidentiality" },
  { "confidentiality", "board", NC_("confidentiality", "Board"), "confidentiality" },
  { "confidentiality", "internal", NC_("confidentiality", "Internal"), "confidentiality" },
  { "status", "not_started", N_("Not started") },
  { "status", "in_progress", N_("In progress") },
  { "status", "implemented", N_("Implemented") },
  { "status", "operating", N_("Operating and reviewed") },
  { "criticality", "high", N_("High") },
  { "criticality", "medium", N_("Medium") },
  { "criticality", "low", N_("Low") },
  { "data_access", "none", NC_("data access", "None"), "data access" },
  { "data_access", "internal", N_("Internal data") },
  { "data_access", "confidential", N_("Confidential data") },
  { "data_access", "personal", N_("Personal data") },
  { "detection_source", "internal", NC_("detected by", "Internal"), "detected by" },
  { "detection_source", "external", NC_("detected by", "External"), "detected by" },
  { "direction", "higher", N_("Higher is better") },
  { "direction", "lower", N_("Lower is better") },
  { "source", "manual", N_("Manual") },
  { "source", "computed", N_("Computed") },
  { "source", "imported", N_("Imported") },
  { "unit", "count", N_("Count") },
  { "unit", "days", N_("Days") },
  { "unit", "hours", N_("Hours") },
  { "unit", "ratio", N_("Ratio") },
  { "unit", "JPY", N_("Yen") },
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
  { "batch", "undone", NC_("import state", "Undone"), "import state" },
  { "rag", "green", N_("On target") },
  { "rag", "amber", N_("Near target") },
  { "rag", "red", N_("Off target") },
  { "rag", "no_value", N_("No value") },
  { "rag", "no_target", N_("No target") },
  { "evaluation", "draft", N_("Draft") },
  { "evaluation", "submitted", N_("Submitted") },
  { "evaluation", "signed", N_("Signed") },
  { "disclosure", "draft", N_("Draft") },
  { "disclosure", "approved", N_("Approved") },
  { "disclosure", "published", N_("Published") },
  { "evaluator_kind", "internal", NC_("evaluator", "Internal"), "evaluator" },
  { "evaluator_kind", "external", NC_("evaluator", "External"), "evaluator" },
  { "evidence_kind", "item", N_("Guideline item") },
  { "evidence_kind", "kpi", N_("KPI") },
  { "evidence_kind", "document", N_("Document") },
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

/* The fields of the tables outside the record layer whose values are enumerated, and the values
 * that label them. */
static const struct
{
  const char *table;
  const char *field;
  const char *vocabulary;
} table_vocabularies[] = {
  { "disclosure_versions", "status", "disclosure" },
  { "disclosures", "audience", "audience" },
  { "evaluation_evidence", "kind", "evidence_kind" },
  { "evaluations", "confidentiality", "confidentiality" },
  { "evaluations", "evaluator_kind", "evaluator_kind" },
  { "evaluations", "status", "evaluation" },
  { "import_batches", "kind", "kind" },
  { "recommendations", "status", "recommendation" },
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
      return values[i].context != NULL ? g_dpgettext2 (NULL, values[i].context, values[i].label) : _(values[i].label);
  return value;
}

const char *
cb_field_label_kpi_status (const CbSnapshotKpi *kpi)
{
  g_return_val_if_fail (kpi != NULL, NULL);

  if (kpi->status != CB_RAG_GREY)
    return cb_rag_to_string (kpi->status);
  return kpi->value.valid ? "no_target" : "no_value";
}

const char *
cb_field_label_table_value (const char *table,
                            const char *name,
                            const char *value)
{
  guint n_kinds;
  const CbKind *const *kinds = cb_kind_all (&n_kinds);

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table_vocabularies); i++)
    if (g_str_equal (table_vocabularies[i].table, table) && g_str_equal (table_vocabularies[i].field, name))
      return cb_field_label_value (table_vocabularies[i].vocabulary, value);
  for (guint k = 0; k < n_kinds; k++)
    {
      int field = cb_kind_find_field (kinds[k], name);
      CbFieldType type;

      if (g_strcmp0 (cb_kind_get_table (kinds[k]), table) != 0 || field < 0)
        continue;
      type = cb_kind_get_field (kinds[k], field)->type;
      if (type == CB_FIELD_ENUM || type == CB_FIELD_BOOLEAN)
        return cb_field_label_value (name, value);
      break;
    }
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
