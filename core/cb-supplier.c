#include <string.h>

#include "cb-reference.h"
#include "cb-stats.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

static gboolean
match_answer (CbWorkbook *workbook,
              const char *questionnaire,
              const char *answer,
              double     *score,
              gboolean   *excluded)
{
  g_autofree char *folded = cb_catalog_normalize (answer);
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT o.answer, o.score FROM questionnaire_options o "
                              "JOIN questionnaires q ON q.id = o.questionnaire_id WHERE q.code = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, questionnaire, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *option = cb_catalog_normalize ((const char *) sqlite3_column_text (stmt, 0));
          if (g_strcmp0 (option, folded) == 0)
            {
              *excluded = sqlite3_column_type (stmt, 1) == SQLITE_NULL;
              *score = sqlite3_column_double (stmt, 1);
              sqlite3_reset (stmt);
              return TRUE;
            }
        }
      sqlite3_reset (stmt);
    }
  return cb_reference_answer_score (answer, score, excluded);
}

/* Scores are remembered in millionths, shifted by one so that 0 still means "not known". */
#define EXCLUDED_ANSWER (-1)

gboolean
cb_supplier_answer_score (CbWorkbook *workbook,
                          const char *questionnaire,
                          const char *answer,
                          double     *score,
                          gboolean   *excluded)
{
  g_autofree char *key = g_strconcat ("answer\x1f", questionnaire, "\x1f", answer, NULL);
  gint64 known = cb_workbook_cache_lookup (workbook, key);

  if (known == 0)
    {
      if (!match_answer (workbook, questionnaire, answer, score, excluded))
        return FALSE;
      cb_workbook_cache_insert (workbook, key, *excluded ? EXCLUDED_ANSWER : (gint64) (*score * 1e6 + 0.5) + 1);
      return TRUE;
    }
  *excluded = known == EXCLUDED_ANSWER;
  *score = *excluded ? 0 : (known - 1) / 1e6;
  return TRUE;
}

static gboolean
save_domains (CbWorkbook         *workbook,
              gint64              assessment_id,
              const CbDomainSum  *domains,
              guint               n_domains,
              GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO supplier_assessment_domains (assessment_id, domain, answers, "
                                         "score_sum) VALUES ");
  guint n_rows = 0;
  int index = 1;
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook, "DELETE FROM supplier_assessment_domains WHERE assessment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "saving the domain scores", error);

  /* One statement for all the domains: an import saves tens of thousands of assessments. */
  for (guint i = 0; i < n_domains; i++)
    if (domains[i].answers > 0)
      g_string_append (sql, n_rows++ == 0 ? "(?1,?,?,?)" : ",(?1,?,?,?)");
  if (n_rows == 0)
    return TRUE;
  stmt = cb_workbook_prepare (workbook, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  for (guint i = 0; i < n_domains; i++)
    if (domains[i].answers > 0)
      {
        sqlite3_bind_text (stmt, ++index, domains[i].domain, -1, SQLITE_STATIC);
        sqlite3_bind_int (stmt, ++index, domains[i].answers);
        sqlite3_bind_double (stmt, ++index, domains[i].score_sum);
      }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "saving the domain scores", error);
  return TRUE;
}

double
cb_supplier_high_weight (CbWorkbook *workbook)
{
  g_autofree char *setting = cb_workbook_get_setting (workbook, "high_weight");
  return setting != NULL ? g_ascii_strtod (setting, NULL) : 3;
}

gboolean
cb_supplier_save_score (CbWorkbook             *workbook,
                        gint64                  supplier_id,
                        gint64                  questionnaire_id,
                        const char             *assessed_on,
                        const CbSupplierScore  *score,
                        const CbDomainSum      *domains,
                        guint                   n_domains,
                        GError                **error)
{
  gint64 assessment_id;
  sqlite3_stmt *stmt;

  if (score->answered == 0)
    {
      /* Explicitly, as foreign keys may be off during a bulk import. */
      stmt = cb_workbook_prepare (workbook,
                                  "DELETE FROM supplier_assessment_domains WHERE assessment_id IN "
                                  "(SELECT id FROM supplier_assessments WHERE supplier_id = ?1 AND "
                                  "questionnaire_id = ?2 AND assessed_on = ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, supplier_id);
      sqlite3_bind_int64 (stmt, 2, questionnaire_id);
      sqlite3_bind_text (stmt, 3, assessed_on, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cb_workbook_sqlite_error (workbook, "removing a supplier assessment", error);
      stmt = cb_workbook_prepare (workbook,
                                  "DELETE FROM supplier_assessments WHERE supplier_id = ? AND questionnaire_id = ? "
                                  "AND assessed_on = ?", error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = cb_workbook_prepare (workbook,
                                  "INSERT INTO supplier_assessments (supplier_id, questionnaire_id, assessed_on, score, "
                                  "answered_share, answered, scored, failed_high_weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (supplier_id, questionnaire_id, assessed_on) DO UPDATE SET "
                                  "score = excluded.score, answered_share = excluded.answered_share, "
                                  "answered = excluded.answered, scored = excluded.scored, "
                                  "failed_high_weight = excluded.failed_high_weight RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      if (score->has_score)
        sqlite3_bind_double (stmt, 4, score->score);
      sqlite3_bind_double (stmt, 5, score->answered_share);
      sqlite3_bind_int (stmt, 6, score->answered);
      sqlite3_bind_int (stmt, 7, score->scored);
      sqlite3_bind_int (stmt, 8, score->failed_high_weight);
    }
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_int64 (stmt, 2, questionnaire_id);
  sqlite3_bind_text (stmt, 3, assessed_on, -1, SQLITE_STATIC);
  if (score->answered == 0)
    {
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cb_workbook_sqlite_error (workbook, "removing a supplier assessment", error);
      return TRUE;
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cb_workbook_sqlite_error (workbook, "saving a supplier assessment", error);
  assessment_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return save_domains (workbook, assessment_id, domains, n_domains, error);
}

void
cb_domain_sums_init (CbDomainSums *sums)
{
  sums->sums = g_array_new (FALSE, FALSE, sizeof (CbDomainSum));
}

void
cb_domain_sums_add (CbDomainSums *sums,
                    const char   *domain,
                    guint         answers,
                    double        score_sum)
{
  CbDomainSum *sum = NULL;

  for (guint d = 0; d < sums->sums->len && sum == NULL; d++)
    if (strcmp (g_array_index (sums->sums, CbDomainSum, d).domain, domain) == 0)
      sum = &g_array_index (sums->sums, CbDomainSum, d);
  if (sum == NULL)
    {
      g_array_append_val (sums->sums, ((CbDomainSum) { .domain = g_strdup (domain) }));
      sum = &g_array_index (sums->sums, CbDomainSum, sums->sums->len - 1);
    }
  sum->answers += answers;
  sum->score_sum += score_sum;
}

void
cb_domain_sums_clear (CbDomainSums *sums)
{
  if (sums->sums == NULL)
    return;
  for (guint d = 0; d < sums->sums->len; d++)
    g_free ((char *) g_array_index (sums->sums, CbDomainSum, d).domain);
  g_clear_pointer (&sums->sums, g_array_unref);
}

gboolean
cb_supplier_rescore (CbWorkbook  *workbook,
                     gint64       supplier_id,
                     gint64       questionnaire_id,
                     const char  *assessed_on,
                     GError     **error)
{
  g_auto(CbDomainSums) domains = { NULL };
  double high_weight = cb_supplier_high_weight (workbook);
  CbSupplierTally tally = { 0 };
  CbSupplierScore score;
  guint n_questions = 0;
  sqlite3_stmt *stmt;
  int rc;

  cb_domain_sums_init (&domains);
  /* Every question of the questionnaire counts, answered or not, so the answered share is honest. */
  stmt = cb_workbook_prepare (workbook,
                              "SELECT x.weight, r.id IS NOT NULL, r.score, x.domain FROM questions x "
                              "LEFT JOIN responses r ON r.question_id = x.id AND r.supplier_id = ?1 "
                              "AND r.answered_on = ?3 WHERE x.questionnaire_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_int64 (stmt, 2, questionnaire_id);
  sqlite3_bind_text (stmt, 3, assessed_on, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbScoredAnswer answer = {
        .weight = sqlite3_column_double (stmt, 0),
        .answered = sqlite3_column_int (stmt, 1),
        .excluded = sqlite3_column_int (stmt, 1) && sqlite3_column_type (stmt, 2) == SQLITE_NULL,
        .score = sqlite3_column_double (stmt, 2),
      };
      n_questions++;
      cb_stats_supplier_tally_add (&tally, &answer, high_weight);
      if (answer.answered && !answer.excluded && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        cb_domain_sums_add (&domains, (const char *) sqlite3_column_text (stmt, 3), 1, answer.score);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading responses", error);

  cb_stats_supplier_tally_score (&tally, n_questions, &score);
  return cb_supplier_save_score (workbook, supplier_id, questionnaire_id, assessed_on, &score,
                                 (const CbDomainSum *) domains.sums->data, domains.sums->len, error);
}

gboolean
cb_supplier_rescore_batch (CbWorkbook  *workbook,
                           gint64       batch_id,
                           GError     **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT DISTINCT r.supplier_id, x.questionnaire_id, r.answered_on FROM responses r "
                              "JOIN questions x ON x.id = r.question_id WHERE r.batch_id = ?1 "
                              "UNION SELECT r.supplier_id, x.questionnaire_id, r.answered_on FROM batch_changes c "
                              "JOIN responses r ON r.id = c.row_id JOIN questions x ON x.id = r.question_id "
                              "WHERE c.batch_id = ?1 AND c.table_name = 'responses'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (keys, pair);
      g_ptr_array_add (dates, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "finding the batch's assessments", error);

  for (guint i = 0; i < keys->len; i++)
    {
      const gint64 *pair = &g_array_index (keys, gint64, i * 2);
      if (!cb_supplier_rescore (workbook, pair[0], pair[1], dates->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}
