/* cb-snapshot-guideline.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-reference.h"
#include "cb-snapshot-private.h"
#include "cb-workbook-private.h"

#define N_ITEMS G_N_ELEMENTS (((CbGuidelineSummary *) NULL)->items)

/* From least to most advanced. */
static const char *const statuses[] = { "not_started", "in_progress", "implemented", "operating" };

typedef struct
{
  double   level_sum;
  guint    n_levels;
  double   target_sum;
  guint    n_targets;
  gboolean assessed;
  int      least_status;  /* index into statuses, -1 while none is known */
  guint    n_evidence;
  gboolean overdue;
  /* The row whose owner and due date the item shows: the overdue one due first, else the entity's
   * own, else the one due first; an overdue item names the row that makes it so. */
  gboolean chosen_overdue;
  gboolean chosen_own;
  char    *owner;
  char    *due_date;
} ItemTally;

typedef struct
{
  ItemTally items[CB_KPI_HISTORY][N_ITEMS];
} Tallies;

static void
tallies_free (Tallies *tallies)
{
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    for (guint i = 0; i < N_ITEMS; i++)
      {
        g_free (tallies->items[p][i].owner);
        g_free (tallies->items[p][i].due_date);
      }
  g_free (tallies);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tallies, tallies_free)

/* The workbook's framework setting is "CODE-VERSION", such as "CSMG-3.0". */
static CbFramework *
find_framework (const char  *setting,
                GError     **error)
{
  const char *dash = strrchr (setting, '-');
  g_autofree char *code = dash != NULL ? g_strndup (setting, dash - setting) : g_strdup (setting);
  CbCatalog *catalog = cb_reference_catalog (error);
  CbFramework *framework;

  if (catalog == NULL)
    return NULL;
  framework = cb_catalog_find_framework (catalog, code, dash != NULL ? dash + 1 : NULL);
  if (framework == NULL)
    g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                 _("the workbook uses the framework “%s”, which is not installed"), setting);
  return framework;
}

static int
find_item (CbFramework *framework,
           const char  *key)
{
  for (guint i = 0; i < MIN (cb_framework_get_n_items (framework), N_ITEMS); i++)
    if (g_strcmp0 (cb_framework_get_item (framework, i)->key, key) == 0)
      return i;
  return -1;
}

static int
status_rank (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;
  return -1;
}

/* Whether the row's owner and due date should replace the ones the item shows so far. */
static gboolean
shows_row (const ItemTally *tally,
           gboolean         own,
           gboolean         overdue,
           const char      *due_date)
{
  gboolean due_first = due_date != NULL && (tally->due_date == NULL || strcmp (due_date, tally->due_date) < 0);

  if (!tally->assessed || overdue != tally->chosen_overdue)
    return overdue || !tally->assessed;
  if (overdue)
    return due_first;
  if (own)
    return TRUE;
  return !tally->chosen_own && due_first;
}

static void
tally_row (ItemTally    *tally,
           sqlite3_stmt *stmt,
           const char   *end_date)
{
  gboolean own = sqlite3_column_int (stmt, 2);
  const char *status = (const char *) sqlite3_column_text (stmt, 5);
  const char *due_date = (const char *) sqlite3_column_text (stmt, 7);
  int rank = status_rank (status);
  /* ISO dates compare as text; a due date on the last day of the period is due before its end. */
  gboolean overdue = due_date != NULL && strcmp (due_date, end_date) < 0 && rank < status_rank ("implemented");

  if (shows_row (tally, own, overdue, due_date))
    {
      g_free (tally->owner);
      g_free (tally->due_date);
      tally->owner = cb_workbook_column_dup (stmt, 6);
      tally->due_date = g_strdup (due_date);
      tally->chosen_own = own;
      tally->chosen_overdue = overdue;
    }
  tally->assessed = TRUE;
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    {
      tally->level_sum += sqlite3_column_double (stmt, 3);
      tally->n_levels++;
    }
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      tally->target_sum += sqlite3_column_double (stmt, 4);
      tally->n_targets++;
    }
  if (rank >= 0 && (tally->least_status < 0 || rank < tally->least_status))
    tally->least_status = rank;
  tally->n_evidence += sqlite3_column_int (stmt, 8);
  tally->overdue |= overdue;
}

static int
period_index (const CbPeriod *periods,
              const char     *text)
{
  CbPeriod period;

  if (!cb_period_parse (text, &period, NULL))
    return -1;
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    if (cb_period_equal (&periods[p], &period))
      return p;
  return -1;
}

static Tallies *
read_tallies (const CbSnapshotScope  *scope,
              CbFramework            *framework,
              const CbSnapshotSeries *series,
              const char             *end_date,
              GError                **error)
{
  g_autoptr(Tallies) tallies = g_new0 (Tallies, 1);
  CbPeriod periods[CB_KPI_HISTORY];
  sqlite3_stmt *stmt;
  int rc;

  /* Assessments are kept per quarter: a fiscal year's status is that of its last quarter. */
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    {
      periods[p] = cb_period_last_quarter (&series->periods[p]);
      for (guint i = 0; i < N_ITEMS; i++)
        tallies->items[p][i].least_status = -1;
    }

  stmt = cb_snapshot_scope_prepare (scope,
                                    SCOPE_CTE
                                    "SELECT a.period, a.item_key, a.entity_id = :entity, a.level, a.target, "
                                    "a.status, a.owner, a.due_date, "
                                    "(SELECT count (*) FROM evidence v WHERE v.assessment_id = a.id) "
                                    "FROM assessments a WHERE a.period IN " CB_SERIES_PERIODS " "
                                    "AND a.entity_id IN subtree AND a.confidentiality IN {visible}", error);
  if (stmt == NULL)
    return NULL;
  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    {
      char name[8];

      g_snprintf (name, sizeof name, ":p%u", p);
      cb_snapshot_bind_period (stmt, name, &periods[p]);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int p = period_index (periods, (const char *) sqlite3_column_text (stmt, 0));
      int item = find_item (framework, (const char *) sqlite3_column_text (stmt, 1));

      if (p >= 0 && item >= 0)
        tally_row (&tallies->items[p][item], stmt, end_date);
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (scope->workbook, "reading the guideline assessments", error);
      return NULL;
    }
  return g_steal_pointer (&tallies);
}

static CbOptional
tally_level (const ItemTally *tally)
{
  if (tally->n_levels == 0)
    return CB_OPTIONAL_NONE;
  return CB_OPTIONAL (cb_snapshot_round (tally->level_sum / tally->n_levels, CB_LEVEL_DECIMALS));
}

static CbOptional
tally_target (const ItemTally *tally)
{
  if (tally->n_targets == 0)
    return CB_OPTIONAL_NONE;
  return CB_OPTIONAL (cb_snapshot_round (tally->target_sum / tally->n_targets, CB_LEVEL_DECIMALS));
}

/* The mean of the items' levels that have a value (SPEC §4), from the levels as shown. */
static CbOptional
mean_level (const ItemTally *items,
            guint            n_items)
{
  double levels[N_ITEMS];
  guint n = 0;

  for (guint i = 0; i < n_items; i++)
    {
      CbOptional level = tally_level (&items[i]);
      if (level.valid)
        levels[n++] = level.value;
    }
  return cb_snapshot_mean (levels, n, CB_LEVEL_DECIMALS);
}

/* Means of the values of @field over the items of @group (all items when -1) that have one. */
static CbOptional
mean_over_items (const CbGuidelineSummary *guideline,
                 guint                     n_items,
                 int                       group,
                 gsize                     field)
{
  double values[N_ITEMS];
  guint n = 0;

  for (guint i = 0; i < n_items; i++)
    {
      const CbOptional *value = (const CbOptional *) ((const guint8 *) &guideline->items[i] + field);
      if ((group < 0 || guideline->items[i].group == group) && value->valid)
        values[n++] = value->value;
    }
  return cb_snapshot_mean (values, n, CB_LEVEL_DECIMALS);
}

static void
fill_item (CbSnapshotItem        *item,
           const CbFrameworkItem *definition,
           ItemTally             *tally,
           const ItemTally       *previous)
{
  item->key = g_strdup (definition->key);
  item->number = definition->number;
  item->title_ja = g_strdup (definition->title.ja);
  item->title_en = g_strdup (definition->title.en);
  item->group = definition->group;
  item->level = tally_level (tally);
  item->target = tally_target (tally);
  item->previous_level = tally_level (previous);
  item->change = cb_snapshot_difference (item->level, item->previous_level, CB_LEVEL_DECIMALS);
  item->gap = cb_snapshot_difference (item->target, item->level, CB_LEVEL_DECIMALS);
  item->status = tally->least_status >= 0 ? g_strdup (statuses[tally->least_status]) : NULL;
  item->owner = g_steal_pointer (&tally->owner);
  item->due_date = g_steal_pointer (&tally->due_date);
  item->n_evidence = tally->n_evidence;
  item->overdue = tally->overdue;
}

gboolean
cb_snapshot_fill_guideline (const CbSnapshotScope  *scope,
                            CbSnapshotSeries       *series,
                            CbSnapshot             *snapshot,
                            GError                **error)
{
  CbGuidelineSummary *guideline = &snapshot->guideline;
  const char *setting = cb_workbook_get_framework (scope->workbook);
  g_autoptr(Tallies) tallies = NULL;
  g_autofree char *end_date = NULL;
  CbFramework *framework;
  GDate first, after_last;
  guint n_items;

  framework = find_framework (setting, error);
  if (framework == NULL)
    return FALSE;
  n_items = MIN (cb_framework_get_n_items (framework), N_ITEMS);

  cb_period_dates (&snapshot->period, scope->start_month, &first, &after_last);
  end_date = cb_snapshot_format_date (&after_last);
  tallies = read_tallies (scope, framework, series, end_date, error);
  if (tallies == NULL)
    return FALSE;

  for (guint p = 0; p < CB_KPI_HISTORY; p++)
    series->mean_level[p] = mean_level (tallies->items[p], n_items);

  guideline->framework = g_strdup (setting);
  guideline->version = g_strdup (cb_framework_get_version (framework));
  for (guint i = 0; i < n_items; i++)
    {
      CbSnapshotItem *item = &guideline->items[i];

      fill_item (item, cb_framework_get_item (framework, i), &tallies->items[CB_SERIES_CURRENT][i],
                 &tallies->items[CB_SERIES_PREVIOUS][i]);
      /* An item nobody assessed is unassessed, not an item without evidence. */
      if (tallies->items[CB_SERIES_CURRENT][i].assessed && item->n_evidence == 0)
        guideline->items_without_evidence++;
      if (item->overdue)
        guideline->overdue_items++;
    }

  guideline->n_groups = cb_framework_get_n_groups (framework);
  guideline->groups = g_new0 (CbSnapshotGroup, guideline->n_groups);
  for (guint g = 0; g < guideline->n_groups; g++)
    {
      const CbFrameworkGroup *group = cb_framework_get_group (framework, g);

      guideline->groups[g].name_ja = g_strdup (group->name.ja);
      guideline->groups[g].name_en = g_strdup (group->name.en);
      guideline->groups[g].mean_level = mean_over_items (guideline, n_items, g,
                                                         G_STRUCT_OFFSET (CbSnapshotItem, level));
      guideline->groups[g].mean_gap = mean_over_items (guideline, n_items, g,
                                                       G_STRUCT_OFFSET (CbSnapshotItem, gap));
    }

  guideline->mean_level = series->mean_level[CB_SERIES_CURRENT];
  guideline->previous_mean_level = series->mean_level[CB_SERIES_PREVIOUS];
  guideline->change = cb_snapshot_difference (guideline->mean_level, guideline->previous_mean_level,
                                              CB_LEVEL_DECIMALS);
  guideline->mean_target = mean_over_items (guideline, n_items, -1, G_STRUCT_OFFSET (CbSnapshotItem, target));
  guideline->mean_gap = mean_over_items (guideline, n_items, -1, G_STRUCT_OFFSET (CbSnapshotItem, gap));
  return TRUE;
}

void
cb_snapshot_clear_guideline (CbGuidelineSummary *guideline)
{
  g_clear_pointer (&guideline->framework, g_free);
  g_clear_pointer (&guideline->version, g_free);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      CbSnapshotItem *item = &guideline->items[i];

      g_clear_pointer (&item->key, g_free);
      g_clear_pointer (&item->title_ja, g_free);
      g_clear_pointer (&item->title_en, g_free);
      g_clear_pointer (&item->status, g_free);
      g_clear_pointer (&item->owner, g_free);
      g_clear_pointer (&item->due_date, g_free);
    }
  for (guint g = 0; g < guideline->n_groups; g++)
    {
      g_free (guideline->groups[g].name_ja);
      g_free (guideline->groups[g].name_en);
    }
  g_clear_pointer (&guideline->groups, g_free);
  guideline->n_groups = 0;
}
