#include "cb-workbook-choices.h"

#include "cb-record.h"
#include "cb-snapshot.h"

static void
entity_choice_free (CbEntityChoice *entity)
{
  g_free (entity->code);
  g_free (entity->name_ja);
  g_free (entity->name_en);
  g_free (entity);
}

static void
add_subtree (GPtrArray  *records,
             const char *parent,
             guint       depth,
             GPtrArray  *entities)
{
  for (guint i = 0; i < records->len; i++)
    {
      CbRecord *record = g_ptr_array_index (records, i);
      const char *parent_code = cb_record_get (record, "parent_code");
      CbEntityChoice *entity;

      if (g_strcmp0 (parent_code, parent) != 0)
        continue;

      entity = g_new0 (CbEntityChoice, 1);
      entity->code = g_strdup (cb_record_get (record, "code"));
      entity->name_ja = g_strdup (cb_record_get (record, "name_ja"));
      entity->name_en = g_strdup (cb_record_get (record, "name_en"));
      entity->depth = depth;
      g_ptr_array_add (entities, entity);
      /* The record layer refuses cycles, so the recursion ends. */
      add_subtree (records, entity->code, depth + 1, entities);
    }
}

/**
 * cb_workbook_choices_new:
 *
 * Reads the periods and entities of @workbook. Call it where the workbook is used, which for the
 * window is a worker thread with its own read-only connection.
 */
CbWorkbookChoices *
cb_workbook_choices_new (CbWorkbook  *workbook,
                         GError     **error)
{
  g_autoptr(CbWorkbookChoices) choices = g_new0 (CbWorkbookChoices, 1);
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  records = cb_workbook_list_records (workbook, cb_kind_lookup ("entities"), NULL, error);
  if (records == NULL)
    return NULL;

  choices->periods = cb_snapshot_list_periods (workbook);
  choices->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_choice_free);
  add_subtree (records, NULL, 0, choices->entities);
  return g_steal_pointer (&choices);
}

void
cb_workbook_choices_free (CbWorkbookChoices *choices)
{
  if (choices == NULL)
    return;
  g_clear_pointer (&choices->periods, g_array_unref);
  g_clear_pointer (&choices->entities, g_ptr_array_unref);
  g_free (choices);
}

gboolean
cb_workbook_choices_equal (const CbWorkbookChoices *a,
                           const CbWorkbookChoices *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->periods->len != b->periods->len || a->entities->len != b->entities->len)
    return FALSE;
  for (guint i = 0; i < a->periods->len; i++)
    if (!cb_period_equal (&g_array_index (a->periods, CbPeriod, i), &g_array_index (b->periods, CbPeriod, i)))
      return FALSE;
  for (guint i = 0; i < a->entities->len; i++)
    {
      const CbEntityChoice *x = g_ptr_array_index (a->entities, i);
      const CbEntityChoice *y = g_ptr_array_index (b->entities, i);

      if (g_strcmp0 (x->code, y->code) != 0 || g_strcmp0 (x->name_ja, y->name_ja) != 0
          || g_strcmp0 (x->name_en, y->name_en) != 0 || x->depth != y->depth)
        return FALSE;
    }
  return TRUE;
}

int
cb_workbook_choices_find_period (const CbWorkbookChoices *choices,
                                 const char              *text)
{
  CbPeriod period;

  g_return_val_if_fail (choices != NULL, -1);

  if (text == NULL || !cb_period_parse (text, &period, NULL))
    return -1;
  for (guint i = 0; i < choices->periods->len; i++)
    if (cb_period_equal (&g_array_index (choices->periods, CbPeriod, i), &period))
      return (int) i;
  return -1;
}

int
cb_workbook_choices_find_entity (const CbWorkbookChoices *choices,
                                 const char              *code)
{
  g_return_val_if_fail (choices != NULL, -1);

  if (code == NULL)
    return -1;
  for (guint i = 0; i < choices->entities->len; i++)
    if (g_strcmp0 (((CbEntityChoice *) g_ptr_array_index (choices->entities, i))->code, code) == 0)
      return (int) i;
  return -1;
}
