/* The rules of each kind that look at more than one field or at other tables. */

#include "cb-kind-private.h"
#include "cb-period.h"
#include "cb-reference.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

#include <glib/gi18n-lib.h>

static gboolean
fail (const char **field,
      const char  *name,
      GError     **error,
      const char  *message)
{
  if (field != NULL)
    *field = name;
  g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cb_rules_entity (CbWorkbook  *workbook,
                 CbRecord    *record,
                 const char **field,
                 GError     **error)
{
  const char *code = cb_record_get (record, "code");
  const char *parent = cb_record_get (record, "parent_code");
  sqlite3_stmt *stmt;

  if (parent == NULL)
    return TRUE;
  if (g_str_equal (code, parent))
    return fail (field, "parent_code", error, _("an entity cannot be its own parent"));

  stmt = cb_workbook_prepare (workbook,
                              "WITH RECURSIVE up (id, parent_id, code) AS ("
                              "  SELECT id, parent_id, code FROM entities WHERE code = ?1"
                              "  UNION SELECT e.id, e.parent_id, e.code FROM entities e JOIN up ON e.id = up.parent_id) "
                              "SELECT 1 FROM up WHERE code = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, parent, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is below “%s” already; the entity tree cannot loop"),
                                                  parent, code);
      return fail (field, "parent_code", error, message);
    }
  return TRUE;
}

/* A year's status is read from its last quarter, so an assessment labelled with the year would never
 * be counted. */
gboolean
cb_rules_assessment (CbWorkbook  *workbook,
                     CbRecord    *record,
                     const char **field,
                     GError     **error)
{
  CbPeriod period, quarter;
  g_autofree char *quarter_text = NULL;
  g_autofree char *message = NULL;

  if (!cb_period_parse (cb_record_get (record, "period"), &period, NULL) || period.quarter != 0)
    return TRUE;
  quarter = cb_period_last_quarter (&period);
  quarter_text = cb_period_to_string (&quarter);
  message = g_strdup_printf (_("“%s” is a whole fiscal year: guideline assessments are kept per quarter, and the "
                               "year’s status is that of %s"), cb_record_get (record, "period"), quarter_text);
  return fail (field, "period", error, message);
}

gboolean
cb_rules_benchmark (CbWorkbook  *workbook,
                    CbRecord    *record,
                    const char **field,
                    GError     **error)
{
  double score = g_ascii_strtod (cb_record_get (record, "score"), NULL);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook, "SELECT score_min, score_max FROM benchmarks WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cb_record_get (record, "benchmark"), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && (score < sqlite3_column_double (stmt, 0) || score > sqlite3_column_double (stmt, 1)))
    {
      g_autofree char *message = g_strdup_printf (_("score %g is outside the benchmark's range %g to %g"), score,
                                                  sqlite3_column_double (stmt, 0),
                                                  sqlite3_column_double (stmt, 1));
      return fail (field, "score", error, message);
    }

  /* A benchmark that lists its items takes no others; one that lists none takes any. */
  stmt = cb_workbook_prepare (workbook,
                              "SELECT count (*), count (*) FILTER (WHERE i.code = ?2) FROM benchmark_items i "
                              "JOIN benchmarks b ON b.id = i.benchmark_id WHERE b.code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cb_record_get (record, "benchmark"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cb_record_get (record, "item"), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0 && sqlite3_column_int (stmt, 1) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("the benchmark “%s” has no item “%s”"),
                                                  cb_record_get (record, "benchmark"),
                                                  cb_record_get (record, "item"));
      return fail (field, "item", error, message);
    }
  return TRUE;
}

typedef struct
{
  const char *earlier;
  const char *later;
} Order;

gboolean
cb_rules_incident (CbWorkbook  *workbook,
                   CbRecord    *record,
                   const char **field,
                   GError     **error)
{
  static const Order orders[] = {
    { "occurred_at", "detected_at" },
    { "detected_at", "reported_at" },
    { "detected_at", "contained_at" },
    { "detected_at", "recovered_at" },
    { "contained_at", "recovered_at" },
    { "detected_at", "determined_material_at" },
    { "determined_material_at", "disclosed_at" },
  };
  static const char *const stamps[] = {
    "occurred_at", "detected_at", "reported_at", "contained_at", "recovered_at",
    "determined_material_at", "disclosed_at",
  };
  GTimeZone *zone = cb_workbook_get_time_zone (workbook);
  gint64 now = cb_workbook_now ();

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      gint64 when;
      if (cb_parse_timestamp (cb_record_get (record, stamps[i]), zone, &when) && when > now)
        {
          /* Translators: a field name and its value. Keep the field name at the start, followed by a space. */
          g_autofree char *message = g_strdup_printf (_("%s is in the future (%s)"), stamps[i],
                                                      cb_record_get (record, stamps[i]));
          return fail (field, stamps[i], error, message);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      gint64 earlier, later;
      if (cb_parse_timestamp (cb_record_get (record, orders[i].earlier), zone, &earlier)
          && cb_parse_timestamp (cb_record_get (record, orders[i].later), zone, &later)
          && later < earlier)
        {
          /* Translators: two field names, each followed by its value. Keep the first field name at the start,
           * followed by a space: the importer then does not put it in front again. */
          g_autofree char *message = g_strdup_printf (_("%s (%s) is before %s (%s)"),
                                                      orders[i].later, cb_record_get (record, orders[i].later),
                                                      orders[i].earlier, cb_record_get (record, orders[i].earlier));
          return fail (field, orders[i].later, error, message);
        }
    }
  if (g_strcmp0 (cb_record_get (record, "material"), "yes") != 0
      && cb_record_get (record, "determined_material_at") != NULL)
    return fail (field, "determined_material_at", error,
                 _("a materiality determination needs material = yes"));
  return TRUE;
}

gboolean
cb_rules_response (CbWorkbook  *workbook,
                   CbRecord    *record,
                   const char **field,
                   GError     **error)
{
  const char *answer = cb_record_get (record, "answer");
  gboolean excluded = FALSE;
  double score = 0;

  if (!cb_supplier_answer_score (workbook, cb_record_get (record, "questionnaire"), answer, &score, &excluded))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an answer this questionnaire knows "
                                                  "(Yes, Partial, No, N/A or their Japanese forms)"), answer);
      return fail (field, "answer", error, message);
    }
  if (excluded)
    cb_record_set (record, "score", NULL);
  else
    {
      g_autofree char *text = cb_format_number (score);
      cb_record_set (record, "score", text);
    }
  return TRUE;
}

gboolean
cb_rules_question_saved (CbWorkbook  *workbook,
                         CbRecord    *record,
                         gint64       id,
                         gint64       batch_id,
                         GError     **error)
{
  const char *version = cb_record_get (record, "version");
  sqlite3_stmt *stmt;

  if (id == 0 || version == NULL)
    return TRUE;
  stmt = cb_workbook_prepare (workbook,
                              "UPDATE questionnaires SET version = ?1 WHERE code = ?2 AND version IS NOT ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cb_record_get (record, "questionnaire"), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "saving the questionnaire version", error);
  return TRUE;
}

gboolean
cb_rules_response_saved (CbWorkbook  *workbook,
                         CbRecord    *record,
                         gint64       id,
                         gint64       batch_id,
                         GError     **error)
{
  /* An import rescores every assessment it touched once, at its end. */
  if (batch_id > 0)
    return TRUE;
  return cb_supplier_rescore (workbook,
                              cb_workbook_lookup_code (workbook, "suppliers", cb_record_get (record, "supplier_code")),
                              cb_workbook_lookup_code (workbook, "questionnaires",
                                                       cb_record_get (record, "questionnaire")),
                              cb_record_get (record, "answered_on"), error);
}
