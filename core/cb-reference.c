#include "cb-record.h"
#include "cb-reference.h"
#include "cb-workbook-private.h"

CbCatalog *
cb_reference_catalog (GError **error)
{
  static CbCatalog *catalog;
  static GMutex lock;
  CbCatalog *result = g_atomic_pointer_get (&catalog);

  /* Loaded once; importers ask for it on every row, so the common case takes no lock. */
  if (result != NULL)
    return result;
  g_mutex_lock (&lock);
  if (catalog == NULL)
    g_atomic_pointer_set (&catalog, cb_catalog_new_default (error));
  result = catalog;
  g_mutex_unlock (&lock);
  return result;
}

gboolean
cb_reference_answer_score (const char *answer,
                           double     *score,
                           gboolean   *excluded)
{
  CbCatalog *catalog = cb_reference_catalog (NULL);

  return catalog != NULL && cb_answer_vocab_match (cb_catalog_get_answers (catalog), answer, score, excluded);
}

static gboolean
seed_root_entity (CbWorkbook  *workbook,
                  GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "INSERT INTO entities (code, name_ja, name_en) VALUES ('GROUP', ?, ?)",
                                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cb_workbook_get_org_name (workbook, "ja"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cb_workbook_get_org_name (workbook, "en"), -1, SQLITE_TRANSIENT);
  return cb_workbook_step_done (workbook, stmt, "creating the group entity", error);
}

static gboolean
seed_scale (CbWorkbook  *workbook,
            CbScale     *scale,
            GError     **error)
{
  for (int value = cb_scale_get_min (scale); value <= cb_scale_get_max (scale); value++)
    {
      const CbScaleLevel *level = cb_scale_get_level (scale, value);
      sqlite3_stmt *stmt;

      if (level == NULL)
        continue;
      stmt = cb_workbook_prepare (workbook,
                                  "INSERT INTO maturity_levels (level, label_ja, label_en, meaning_ja, meaning_en) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, value);
      sqlite3_bind_text (stmt, 2, level->label.ja, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, level->label.en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, level->meaning.ja, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, level->meaning.en, -1, SQLITE_STATIC);
      if (!cb_workbook_step_done (workbook, stmt, "saving the maturity levels", error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_criterion (sqlite3_stmt  *stmt,
                gconstpointer  row,
                guint          position)
{
  const CbCriterion *criterion = row;

  sqlite3_bind_text (stmt, 1, criterion->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, criterion->text.ja, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, criterion->text.en, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, position);
}

static void
bind_kpi (sqlite3_stmt  *stmt,
          gconstpointer  row,
          guint          position)
{
  const CbCatalogKpi *kpi = row;

  sqlite3_bind_text (stmt, 1, kpi->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kpi->name.ja, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kpi->name.en, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kpi->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kpi->direction, -1, SQLITE_STATIC);
  if (kpi->has_target)
    {
      sqlite3_bind_double (stmt, 6, kpi->target);
      sqlite3_bind_double (stmt, 7, kpi->band);
    }
  sqlite3_bind_text (stmt, 8, kpi->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, kpi->computed_key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, position);
  sqlite3_bind_text (stmt, 11, kpi->confidentiality, -1, SQLITE_STATIC);
}

static void
bind_holiday (sqlite3_stmt  *stmt,
              gconstpointer  row,
              guint          position)
{
  const CbHoliday *holiday = row;
  char date[16];

  g_date_strftime (date, sizeof date, "%Y-%m-%d", &holiday->date);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, holiday->country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, holiday->name.ja, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, holiday->name.en, -1, SQLITE_STATIC);
}

static void
bind_dwell_reference (sqlite3_stmt  *stmt,
                      gconstpointer  row,
                      guint          position)
{
  const CbDwellReference *reference = row;

  sqlite3_bind_int (stmt, 1, reference->year);
  sqlite3_bind_double (stmt, 2, reference->median_days);
  sqlite3_bind_text (stmt, 3, reference->source ? reference->source : "M-Trends", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, reference->to_confirm);
}

/* A list of the catalog that is copied into a new workbook a row each; positions count from 1. */
typedef struct
{
  GPtrArray  *(*rows) (CbCatalog *catalog);
  const char   *sql;
  void        (*bind) (sqlite3_stmt *stmt, gconstpointer row, guint position);
  const char   *what;
} CatalogList;

static const CatalogList criteria_list = {
  cb_catalog_get_criteria,
  "INSERT INTO criteria (key, text_ja, text_en, position) VALUES (?, ?, ?, ?)",
  bind_criterion, "saving the evaluation criteria",
};

static const CatalogList kpi_list = {
  cb_catalog_get_kpis,
  "INSERT INTO kpis (code, name_ja, name_en, unit, direction, target, band, source, computed_key, "
  "position, confidentiality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  bind_kpi, "saving the default KPIs",
};

static const CatalogList holiday_list = {
  cb_catalog_get_holidays,
  "INSERT INTO holidays (date, country, name_ja, name_en) VALUES (?, ?, ?, ?)",
  bind_holiday, "saving the holidays",
};

static const CatalogList dwell_reference_list = {
  cb_catalog_get_dwell_references,
  "INSERT INTO dwell_reference (year, median_days, source, to_confirm) VALUES (?, ?, ?, ?)",
  bind_dwell_reference, "saving the dwell-time reference",
};

static gboolean
seed_list (CbWorkbook         *workbook,
           CbCatalog          *catalog,
           const CatalogList  *list,
           GError            **error)
{
  GPtrArray *rows = list->rows (catalog);

  for (guint i = 0; i < rows->len; i++)
    {
      sqlite3_stmt *stmt = cb_workbook_prepare (workbook, list->sql, error);

      if (stmt == NULL)
        return FALSE;
      list->bind (stmt, rows->pdata[i], i + 1);
      if (!cb_workbook_step_done (workbook, stmt, list->what, error))
        return FALSE;
    }
  return TRUE;
}

/* Every framework with a score scale of its own is a benchmark: items scored on that scale. */
static gboolean
seed_benchmarks (CbWorkbook  *workbook,
                 CbCatalog   *catalog,
                 GError     **error)
{
  GPtrArray *frameworks = cb_catalog_get_frameworks (catalog);

  for (guint i = 0; i < frameworks->len; i++)
    {
      CbFramework *framework = frameworks->pdata[i];
      CbScale *scale = cb_framework_get_scale (framework);
      sqlite3_stmt *stmt;
      gint64 id;

      if (scale == NULL)
        continue;
      stmt = cb_workbook_prepare (workbook,
                                  "INSERT INTO benchmarks (code, name_ja, name_en, version, score_min, score_max) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, cb_framework_get_code (framework), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cb_framework_get_name (framework)->ja, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, cb_framework_get_name (framework)->en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, cb_framework_get_version (framework), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, cb_scale_get_min (scale));
      sqlite3_bind_int (stmt, 6, cb_scale_get_max (scale));
      id = cb_workbook_step_insert (workbook, stmt, "saving a benchmark", error);
      if (id == 0)
        return FALSE;

      for (guint j = 0; j < cb_framework_get_n_items (framework); j++)
        {
          const CbFrameworkItem *item = cb_framework_get_item (framework, j);

          stmt = cb_workbook_prepare (workbook,
                                      "INSERT INTO benchmark_items (benchmark_id, code, title_ja, title_en, position) "
                                      "VALUES (?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, item->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, item->title.ja, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, item->title.en, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, item->number);
          if (!cb_workbook_step_done (workbook, stmt, "saving a benchmark item", error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
cb_reference_seed (CbWorkbook  *workbook,
                   GError     **error)
{
  CbCatalog *catalog = cb_reference_catalog (error);

  if (catalog == NULL)
    return FALSE;
  return seed_root_entity (workbook, error)
         && seed_scale (workbook, cb_catalog_get_maturity_levels (catalog), error)
         && seed_list (workbook, catalog, &criteria_list, error)
         && seed_list (workbook, catalog, &kpi_list, error)
         && seed_benchmarks (workbook, catalog, error)
         && seed_list (workbook, catalog, &holiday_list, error)
         && seed_list (workbook, catalog, &dwell_reference_list, error);
}
