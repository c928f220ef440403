#include "cb-kind-private.h"

const char *const cb_confidentiality_values[] = { "public", "board", "internal", NULL };
static const char *const status_values[] = { "not_started", "in_progress", "implemented", "operating", NULL };
static const char *const criticality_values[] = { "high", "medium", "low", NULL };
static const char *const data_access_values[] = { "none", "internal", "confidential", "personal", NULL };
static const char *const source_values[] = { "internal", "external", NULL };
static const char *const unit_values[] = { "%", "count", "days", "hours", "JPY", "ratio", NULL };
static const char *const direction_values[] = { "higher", "lower", NULL };
static const char *const kpi_source_values[] = { "manual", "computed", "imported", NULL };

#define TEXT(n, c)           { .name = n, .column = c, .type = CB_FIELD_TEXT }
#define REQUIRED(n, c, t)    { .name = n, .column = c, .type = t, .required = 1 }
#define KEY(n, c, t)         { .name = n, .column = c, .type = t, .required = 1, .key = 1 }
#define ENUM(n, c, v)        { .name = n, .column = c, .type = CB_FIELD_ENUM, .values = v }
#define REF(n, c, table)     { .name = n, .column = c, .type = CB_FIELD_REFERENCE, .ref_table = table }
#define CONFIDENTIALITY      { .name = "confidentiality", .column = "confidentiality", .type = CB_FIELD_ENUM, \
                               .values = cb_confidentiality_values, .fallback = "board" }

static const CbField entity_fields[] = {
  KEY ("code", "code", CB_FIELD_TEXT),
  REQUIRED ("name_ja", "name_ja", CB_FIELD_TEXT),
  TEXT ("name_en", "name_en"),
  REF ("parent_code", "parent_id", "entities"),
};

static const CbField assessment_fields[] = {
  KEY ("period", "period", CB_FIELD_PERIOD),
  { .name = "entity", .column = "entity_id", .type = CB_FIELD_REFERENCE, .ref_table = "entities", .key = 1 },
  KEY ("item_key", "item_key", CB_FIELD_ITEM_KEY),
  { .name = "level", .column = "level", .type = CB_FIELD_INTEGER, .required = 1, .min = 0, .max = 5 },
  { .name = "target", .column = "target", .type = CB_FIELD_INTEGER, .min = 0, .max = 5 },
  ENUM ("status", "status", status_values),
  TEXT ("owner", "owner"),
  { .name = "due_date", .column = "due_date", .type = CB_FIELD_DATE },
  TEXT ("comment", "comment"),
  CONFIDENTIALITY,
};

static const CbField benchmark_score_fields[] = {
  KEY ("period", "period", CB_FIELD_PERIOD),
  { .name = "entity", .column = "entity_id", .type = CB_FIELD_REFERENCE, .ref_table = "entities", .key = 1 },
  { .name = "benchmark", .column = "benchmark_id", .type = CB_FIELD_REFERENCE, .ref_table = "benchmarks",
    .required = 1, .key = 1 },
  KEY ("item", "item_code", CB_FIELD_TEXT),
  REQUIRED ("score", "score", CB_FIELD_NUMBER),
  CONFIDENTIALITY,
};

static const CbField benchmark_reference_fields[] = {
  { .name = "benchmark", .column = "benchmark_id", .type = CB_FIELD_REFERENCE, .ref_table = "benchmarks",
    .required = 1, .key = 1 },
  KEY ("version", "version", CB_FIELD_TEXT),
  KEY ("item", "item_code", CB_FIELD_TEXT),
  { .name = "mean", .column = "mean", .type = CB_FIELD_NUMBER },
  { .name = "sd", .column = "sd", .type = CB_FIELD_NUMBER, .min = 0, .max = G_MAXDOUBLE },
  { .name = "desired_level", .column = "desired_level", .type = CB_FIELD_NUMBER },
};

static const CbField supplier_fields[] = {
  KEY ("code", "code", CB_FIELD_TEXT),
  REQUIRED ("name", "name", CB_FIELD_TEXT),
  TEXT ("country", "country"),
  ENUM ("criticality", "criticality", criticality_values),
  TEXT ("services", "services"),
  ENUM ("data_access", "data_access", data_access_values),
  TEXT ("owner", "owner"),
  CONFIDENTIALITY,
};

static const CbField question_fields[] = {
  { .name = "questionnaire", .column = "questionnaire_id", .type = CB_FIELD_REFERENCE,
    .ref_table = "questionnaires", .required = 1, .key = 1, .creates = 1 },
  { .name = "version", .type = CB_FIELD_TEXT,
    .select = "(SELECT version FROM questionnaires WHERE id = t.questionnaire_id)" },
  KEY ("question_code", "code", CB_FIELD_TEXT),
  REQUIRED ("text_ja", "text_ja", CB_FIELD_TEXT),
  TEXT ("text_en", "text_en"),
  TEXT ("domain", "domain"),
  { .name = "weight", .column = "weight", .type = CB_FIELD_NUMBER, .min = 0.001, .max = 1000, .fallback = "1" },
};

static const CbField response_fields[] = {
  { .name = "supplier_code", .column = "supplier_id", .type = CB_FIELD_REFERENCE, .ref_table = "suppliers",
    .required = 1, .key = 1 },
  { .name = "questionnaire", .type = CB_FIELD_REFERENCE, .ref_table = "questionnaires", .required = 1,
    .key = 1, .select = "(SELECT q.code FROM questionnaires q JOIN questions x ON x.questionnaire_id = q.id "
                        "WHERE x.id = t.question_id)" },
  KEY ("question_code", "question_id", CB_FIELD_QUESTION),
  REQUIRED ("answer", "answer", CB_FIELD_TEXT),
  KEY ("answered_on", "answered_on", CB_FIELD_DATE),
  TEXT ("comment", "comment"),
  TEXT ("evidence", "evidence"),
  { .name = "score", .column = "score", .type = CB_FIELD_NUMBER, .derived = 1 },
};

static const CbField incident_fields[] = {
  KEY ("id", "ref", CB_FIELD_TEXT),
  TEXT ("title", "title"),
  { .name = "severity", .column = "severity", .type = CB_FIELD_INTEGER, .min = 1, .max = 4 },
  TEXT ("category", "category"),
  { .name = "occurred_at", .column = "occurred_at", .type = CB_FIELD_TIMESTAMP },
  REQUIRED ("detected_at", "detected_at", CB_FIELD_TIMESTAMP),
  { .name = "reported_at", .column = "reported_at", .type = CB_FIELD_TIMESTAMP },
  { .name = "contained_at", .column = "contained_at", .type = CB_FIELD_TIMESTAMP },
  { .name = "recovered_at", .column = "recovered_at", .type = CB_FIELD_TIMESTAMP },
  ENUM ("detection_source", "detection_source", source_values),
  TEXT ("detection_detail", "detection_detail"),
  { .name = "material", .column = "material", .type = CB_FIELD_BOOLEAN, .fallback = "no" },
  { .name = "determined_material_at", .column = "determined_material_at", .type = CB_FIELD_TIMESTAMP },
  { .name = "disclosed_at", .column = "disclosed_at", .type = CB_FIELD_TIMESTAMP },
  REF ("entity", "entity_id", "entities"),
  CONFIDENTIALITY,
};

static const CbField kpi_fields[] = {
  KEY ("code", "code", CB_FIELD_TEXT),
  REQUIRED ("name_ja", "name_ja", CB_FIELD_TEXT),
  TEXT ("name_en", "name_en"),
  { .name = "unit", .column = "unit", .type = CB_FIELD_ENUM, .values = unit_values, .fallback = "count" },
  { .name = "direction", .column = "direction", .type = CB_FIELD_ENUM, .values = direction_values, .required = 1 },
  { .name = "target", .column = "target", .type = CB_FIELD_NUMBER },
  { .name = "band", .column = "band", .type = CB_FIELD_NUMBER, .min = 0, .max = G_MAXDOUBLE },
  { .name = "source", .column = "source", .type = CB_FIELD_ENUM, .values = kpi_source_values,
    .fallback = "manual" },
  TEXT ("computed_key", "computed_key"),
  CONFIDENTIALITY,
};

static const CbField kpi_value_fields[] = {
  { .name = "code", .column = "kpi_id", .type = CB_FIELD_REFERENCE, .ref_table = "kpis", .required = 1, .key = 1 },
  KEY ("period", "period", CB_FIELD_PERIOD),
  { .name = "entity", .column = "entity_id", .type = CB_FIELD_REFERENCE, .ref_table = "entities", .key = 1 },
  REQUIRED ("value", "value", CB_FIELD_NUMBER),
};

#define FIELDS(a) a, G_N_ELEMENTS (a)
#define OWN "t.confidentiality"

static const CbKind kinds[] = {
  { "entities", "entities", FIELDS (entity_fields), NULL, "t.id", cb_rules_entity, NULL },
  { "assessments", "assessments", FIELDS (assessment_fields), OWN, "t.period, t.entity_id, t.item_key",
    cb_rules_assessment, NULL },
  { "benchmarks", "benchmark_scores", FIELDS (benchmark_score_fields), OWN, "t.period, t.entity_id, t.id",
    cb_rules_benchmark, NULL },
  { "benchmark-reference", "benchmark_reference", FIELDS (benchmark_reference_fields), NULL, "t.id", NULL, NULL },
  { "suppliers", "suppliers", FIELDS (supplier_fields), OWN, "t.code", NULL, NULL },
  { "questionnaire", "questions", FIELDS (question_fields), NULL, "t.questionnaire_id, t.position, t.id", NULL,
    cb_rules_question_saved },
  { "responses", "responses", FIELDS (response_fields),
    "(SELECT confidentiality FROM suppliers WHERE id = t.supplier_id)", "t.supplier_id, t.answered_on, t.question_id",
    cb_rules_response, cb_rules_response_saved },
  { "incidents", "incidents", FIELDS (incident_fields), OWN, "t.detected_at, t.id", cb_rules_incident, NULL },
  { "kpis", "kpis", FIELDS (kpi_fields), OWN, "t.position, t.code", NULL, NULL },
  { "kpi-values", "kpi_values", FIELDS (kpi_value_fields),
    "(SELECT confidentiality FROM kpis WHERE id = t.kpi_id)", "t.kpi_id, t.period, t.entity_id", NULL, NULL },
};

static const CbKind *const kind_pointers[] = {
  &kinds[0], &kinds[1], &kinds[2], &kinds[3], &kinds[4], &kinds[5], &kinds[6], &kinds[7], &kinds[8], &kinds[9],
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_pointers) == G_N_ELEMENTS (kinds));

const CbKind *
cb_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const CbKind *const *
cb_kind_all (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kind_pointers);
  return kind_pointers;
}

const char *
cb_kind_get_name (const CbKind *kind)
{
  return kind->name;
}

const char *
cb_kind_get_table (const CbKind *kind)
{
  return kind->table;
}

guint
cb_kind_get_n_fields (const CbKind *kind)
{
  return kind->n_fields;
}

const CbField *
cb_kind_get_field (const CbKind *kind,
                   guint         index)
{
  g_return_val_if_fail (index < kind->n_fields, NULL);
  return &kind->fields[index];
}

int
cb_kind_find_field (const CbKind *kind,
                    const char   *name)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return i;
  return -1;
}

gboolean
cb_kind_has_confidentiality (const CbKind *kind)
{
  return kind->confidentiality != NULL;
}

gboolean
cb_kind_has_period (const CbKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == CB_FIELD_PERIOD)
      return TRUE;
  return FALSE;
}

static char *
build_sql (const CbKind *kind,
           CbKindSql     purpose)
{
  GString *text = g_string_new (NULL);

  if (purpose == CB_KIND_SQL_FIND)
    {
      g_string_append_printf (text, "SELECT id, batch_id FROM %s WHERE 1", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (kind->fields[i].key && kind->fields[i].column != NULL)
          g_string_append_printf (text, " AND %s IS ?", kind->fields[i].column);
    }
  else if (purpose == CB_KIND_SQL_INSERT || purpose == CB_KIND_SQL_INSERT_NEW)
    {
      guint n = 0;
      g_string_append_printf (text, "INSERT INTO %s (batch_id", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (kind->fields[i].column != NULL)
          {
            g_string_append_printf (text, ", %s", kind->fields[i].column);
            n++;
          }
      g_string_append (text, ") VALUES (?");
      for (guint i = 0; i < n; i++)
        g_string_append (text, ", ?");
      g_string_append (text, ")");
      if (purpose == CB_KIND_SQL_INSERT_NEW)
        g_string_append (text, " ON CONFLICT DO NOTHING");
    }
  else if (purpose == CB_KIND_SQL_UPDATE)
    {
      gboolean first = TRUE;
      g_string_append_printf (text, "UPDATE %s SET ", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (kind->fields[i].column != NULL)
          {
            g_string_append_printf (text, "%s%s = ?", first ? "" : ", ", kind->fields[i].column);
            first = FALSE;
          }
      g_string_append (text, " WHERE id = ?");
    }
  else if (purpose == CB_KIND_SQL_DELETE)
    g_string_append_printf (text, "DELETE FROM %s WHERE id = ?", kind->table);
  else if (purpose == CB_KIND_SQL_REMEMBER)
    {
      g_string_append_printf (text, "INSERT OR IGNORE INTO batch_changes (batch_id, table_name, row_id, old_values) "
                                    "VALUES (?1, '%s', ?2, (SELECT json_object (", kind->table);
      for (guint i = 0, n = 0; i < kind->n_fields; i++)
        if (kind->fields[i].column != NULL)
          g_string_append_printf (text, "%s'%s', %s", n++ ? ", " : "", kind->fields[i].column,
                                  kind->fields[i].column);
      g_string_append_printf (text, ") FROM %s WHERE id = ?2))", kind->table);
    }
  else if (purpose == CB_KIND_SQL_RESTORE)
    {
      g_string_append_printf (text, "UPDATE %s SET ", kind->table);
      for (guint i = 0, n = 0; i < kind->n_fields; i++)
        if (kind->fields[i].column != NULL)
          g_string_append_printf (text, "%s%s = json_extract (?1, '$.%s')", n++ ? ", " : "",
                                  kind->fields[i].column, kind->fields[i].column);
      g_string_append (text, " WHERE id = ?2");
    }
  else
    {
      /* CB_KIND_SQL_SELECT: the fields' canonical values; callers append their WHERE clause. */
      g_string_append (text, "SELECT t.id");
      for (guint i = 0; i < kind->n_fields; i++)
        {
          const CbField *field = &kind->fields[i];
          if (field->select != NULL)
            g_string_append_printf (text, ", %s", field->select);
          else if (field->type == CB_FIELD_REFERENCE)
            g_string_append_printf (text, ", (SELECT code FROM %s WHERE id = t.%s)", field->ref_table, field->column);
          else if (field->type == CB_FIELD_QUESTION)
            g_string_append_printf (text, ", (SELECT code FROM questions WHERE id = t.%s)", field->column);
          else
            g_string_append_printf (text, ", t.%s", field->column);
        }
      g_string_append_printf (text, " FROM %s t", kind->table);
      if (purpose == CB_KIND_SQL_GET)
        g_string_append (text, " WHERE t.id = ?");
    }

  return g_string_free (text, FALSE);
}

const char *
cb_kind_sql (const CbKind *kind,
             CbKindSql     purpose)
{
  /* Built once for every kind from its descriptor; table and column names come from code, never input. */
  static char *cache[G_N_ELEMENTS (kinds)][CB_KIND_SQL_N];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint p = 0; p < CB_KIND_SQL_N; p++)
          cache[k][p] = build_sql (&kinds[k], p);
      g_once_init_leave (&ready, 1);
    }
  return cache[kind - kinds][purpose];
}
