#include "cb-merge.h"
#include "cb-record.h"
#include "cb-workbook-private.h"

#include <glib/gi18n-lib.h>

/* Kinds in the order their references need. */
static const char *const merge_order[] = {
  "entities", "suppliers", "questionnaire", "responses", "kpis", "kpi-values", "assessments",
  "benchmarks", "benchmark-reference", "incidents",
};

typedef struct
{
  CbWorkbook *group;
  gint64      batch_id;
  const char *from_code;   /* the subsidiary's top entity … */
  const char *to_code;     /* … as the group knows it */
  const char *group_root;
  CbBatch    *batch;
  GError     *error;
} Merge;

static gboolean
merge_record_cb (CbRecord *source,
                 gpointer  user_data)
{
  Merge *merge = user_data;
  const CbKind *kind = cb_record_get_kind (source);
  g_autoptr(CbRecord) record = cb_record_new (kind);
  const char *field = NULL;
  gboolean inserted;

  for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
    {
      const CbField *f = cb_kind_get_field (kind, i);
      const char *value = cb_record_get_nth (source, i);

      if (f->derived)
        continue;
      if (f->type == CB_FIELD_REFERENCE && g_strcmp0 (f->ref_table, "entities") == 0)
        {
          if (g_strcmp0 (value, merge->from_code) == 0)
            value = merge->to_code;
        }
      else if (g_str_equal (cb_kind_get_name (kind), "entities") && g_str_equal (f->name, "code")
               && g_strcmp0 (value, merge->from_code) == 0)
        value = merge->to_code;
      cb_record_set_nth (record, i, value);
    }
  /* The subsidiary's top entity hangs under the group's. */
  if (g_str_equal (cb_kind_get_name (kind), "entities") && cb_record_get (source, "parent_code") == NULL)
    cb_record_set (record, "parent_code", merge->group_root);

  if (!cb_workbook_save_record (merge->group, record, merge->batch_id, &inserted, &field, &merge->error))
    {
      g_prefix_error (&merge->error, "%s %s: ", cb_kind_get_name (kind), field ? field : "");
      return FALSE;
    }
  merge->batch->rows_read++;
  if (inserted)
    merge->batch->rows_inserted++;
  else
    merge->batch->rows_updated++;
  return TRUE;
}

static char *
root_code (CbWorkbook *workbook)
{
  g_autoptr(CbRecord) root = cb_workbook_get_record (workbook, cb_kind_lookup ("entities"),
                                                     cb_workbook_root_entity (workbook), NULL);
  return root != NULL ? g_strdup (cb_record_get (root, "code")) : NULL;
}

static char *
file_sha256 (const char  *path,
             gint64      *size,
             GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  if (mapped == NULL)
    return NULL;
  *size = g_mapped_file_get_length (mapped);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) g_mapped_file_get_contents (mapped),
                                      *size);
}

gboolean
cb_merge_workbook (CbWorkbook  *group,
                   CbWorkbook  *subsidiary,
                   const char  *as_code,
                   CbBatch    **batch_out,
                   GError     **error)
{
  g_autoptr(CbBatch) batch = g_new0 (CbBatch, 1);
  g_autofree char *group_root = root_code (group);
  g_autofree char *sub_root = root_code (subsidiary);
  Merge merge = { group, 0, sub_root, as_code ? as_code : sub_root, group_root, batch, NULL };

  g_return_val_if_fail (CB_IS_WORKBOOK (group) && CB_IS_WORKBOOK (subsidiary), FALSE);

  if (group_root == NULL || sub_root == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, _("both workbooks need a top entity"));
      return FALSE;
    }
  if (g_str_equal (merge.to_code, group_root))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: its top entity is “%s”, like the group's; merge it under its own code with --as CODE"),
                   cb_workbook_get_path (subsidiary), sub_root);
      return FALSE;
    }

  batch->kind = g_strdup ("merge");
  batch->file_name = g_path_get_basename (cb_workbook_get_path (subsidiary));
  batch->sha256 = file_sha256 (cb_workbook_get_path (subsidiary), &batch->size, error);
  if (batch->sha256 == NULL)
    return FALSE;

  if (!cb_workbook_begin (group, error))
    return FALSE;
  if (!cb_batch_begin (group, batch, error))
    goto failed;
  merge.batch_id = batch->id;
  for (guint i = 0; i < G_N_ELEMENTS (merge_order); i++)
    {
      CbRecordFilter filter = { .audience = CB_AUDIENCE_ALL };

      if (!cb_workbook_foreach_record (subsidiary, cb_kind_lookup (merge_order[i]), &filter, merge_record_cb, &merge,
                                       error))
        goto failed;
      if (merge.error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&merge.error), "%s: ",
                                      cb_workbook_get_path (subsidiary));
          goto failed;
        }
    }
  if (!cb_batch_finish (group, batch, error))
    goto failed;
  if (!cb_workbook_commit (group, error))
    return FALSE;
  if (batch_out != NULL)
    *batch_out = g_steal_pointer (&batch);
  return TRUE;

failed:
  g_clear_error (&merge.error);
  cb_workbook_rollback (group);
  return FALSE;
}
