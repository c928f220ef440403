/* cb-framework.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-catalog-reader-private.h"
#include "cb-fold-table-private.h"
#include "cb-framework.h"
#include "cb-scale-private.h"

static const char *const csf_functions[] = { "GV", "ID", "PR", "DE", "RS", "RC", NULL };

struct _CbFramework
{
  gatomicrefcount  ref_count;
  char            *code;
  char            *version;
  CbText           name;
  CbText           publisher;
  GDate            published;
  gboolean         is_default;
  GArray          *principles;  /* CbText */
  GArray          *groups;      /* CbFrameworkGroup */
  GArray          *items;       /* CbFrameworkItem, by number */
  CbScale         *scale;
  CbFoldTable     *forms;       /* every written form of an item -> CbFrameworkItem */
};

G_DEFINE_BOXED_TYPE (CbFramework, cb_framework, cb_framework_ref, cb_framework_unref)

static void
principle_clear (gpointer data)
{
  cb_text_clear (data);
}

static void
group_clear (gpointer data)
{
  CbFrameworkGroup *group = data;

  cb_text_clear (&group->name);
}

static void
item_clear (gpointer data)
{
  CbFrameworkItem *item = data;

  g_free (item->key);
  g_free (item->id);
  cb_text_clear (&item->title);
  g_strfreev (item->csf);
}

static GArray *
struct_array_new (guint          element_size,
                  GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

/* Grows @array by one cleared element and returns it. */
static gpointer
struct_array_append (GArray *array)
{
  g_array_set_size (array, array->len + 1);
  return array->data + (gsize) g_array_get_element_size (array) * (array->len - 1);
}

static CbFramework *
framework_new (void)
{
  CbFramework *self = g_new0 (CbFramework, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_date_clear (&self->published, 1);
  self->principles = struct_array_new (sizeof (CbText), principle_clear);
  self->groups = struct_array_new (sizeof (CbFrameworkGroup), group_clear);
  self->items = struct_array_new (sizeof (CbFrameworkItem), item_clear);
  return self;
}

CbFramework *
cb_framework_ref (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cb_framework_unref (CbFramework *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->code);
  g_free (self->version);
  cb_text_clear (&self->name);
  cb_text_clear (&self->publisher);
  g_array_unref (self->principles);
  g_array_unref (self->groups);
  g_array_unref (self->items);
  g_clear_pointer (&self->scale, cb_scale_free);
  g_clear_pointer (&self->forms, cb_fold_table_free);
  g_free (self);
}

static gboolean
framework_load_header (CbFramework  *self,
                       CbIni        *ini,
                       GStrv        *prefixes,
                       GError      **error)
{
  static const char *const keys[] = {
    "Code", "Version", "Default", "Published", "Name", "Publisher", "NumberPrefix", NULL
  };
  const char *group = "Framework";

  if (!g_key_file_has_group (ini->keys, group))
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [Framework] group");
      return FALSE;
    }
  if (!cb_ini_check_keys (ini, group, keys, error) ||
      !cb_ini_string (ini, group, "Code", TRUE, &self->code, error) ||
      !cb_ini_string (ini, group, "Version", TRUE, &self->version, error) ||
      !cb_ini_boolean (ini, group, "Default", &self->is_default, error) ||
      !cb_ini_date (ini, group, "Published", &self->published, error) ||
      !cb_ini_text (ini, group, "Name", TRUE, &self->name, error) ||
      !cb_ini_text (ini, group, "Publisher", FALSE, &self->publisher, error) ||
      !cb_ini_list (ini, group, "NumberPrefix", FALSE, prefixes, error))
    return FALSE;
  return cb_ini_check_identifier (ini, group, "Code", self->code, error);
}

static gboolean
principle_load (CbIni       *ini,
                const char  *group,
                guint        number,
                gpointer     data,
                GError     **error)
{
  static const char *const keys[] = { "Text", NULL };
  CbText *text = struct_array_append (data);

  return cb_ini_check_keys (ini, group, keys, error) &&
         cb_ini_text (ini, group, "Text", TRUE, text, error);
}

static gboolean
group_load (CbIni       *ini,
            const char  *group,
            guint        number,
            gpointer     data,
            GError     **error)
{
  static const char *const keys[] = { "Name", "ToConfirm", NULL };
  CbFrameworkGroup *entry = struct_array_append (data);

  return cb_ini_check_keys (ini, group, keys, error) &&
         cb_ini_text (ini, group, "Name", TRUE, &entry->name, error) &&
         cb_ini_boolean (ini, group, "ToConfirm", &entry->to_confirm, error);
}

static gboolean
item_load (CbIni       *ini,
           const char  *group,
           const char  *id,
           gpointer     data,
           GError     **error)
{
  static const char *const keys[] = { "Number", "Group", "Title", "CSF", "ToConfirm", NULL };
  CbFramework *self = data;
  CbFrameworkItem *item = struct_array_append (self->items);

  if (!cb_ini_check_identifier (ini, group, NULL, id, error))
    return FALSE;
  item->id = g_strdup (id);
  item->key = g_strconcat (self->code, ".", id, NULL);
  item->group = -1;

  if (!cb_ini_check_keys (ini, group, keys, error) ||
      !cb_ini_uint (ini, group, "Number", &item->number, error) ||
      !cb_ini_text (ini, group, "Title", TRUE, &item->title, error) ||
      !cb_ini_list (ini, group, "CSF", FALSE, &item->csf, error) ||
      !cb_ini_boolean (ini, group, "ToConfirm", &item->to_confirm, error))
    return FALSE;

  if (item->number == 0)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Number",
                    "items are numbered from 1");
      return FALSE;
    }

  if (self->groups->len > 0)
    {
      guint number = 0;

      if (!cb_ini_uint (ini, group, "Group", &number, error))
        return FALSE;
      if (number < 1 || number > self->groups->len)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Group", "no [Group %u]",
                        number);
          return FALSE;
        }
      item->group = number - 1;
    }
  else if (g_key_file_has_key (ini->keys, group, "Group", NULL))
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Group",
                    "the file has no [Group N]");
      return FALSE;
    }

  for (guint i = 0; item->csf[i] != NULL; i++)
    if (!g_strv_contains (csf_functions, item->csf[i]))
      {
        g_autofree char *quoted = cb_catalog_excerpt (item->csf[i]);
        cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "CSF",
                      "“%s” is not a NIST CSF 2.0 function (GV, ID, PR, DE, RS, RC)", quoted);
        return FALSE;
      }
  return TRUE;
}

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const CbFrameworkItem *x = a;
  const CbFrameworkItem *y = b;

  return (x->number > y->number) - (x->number < y->number);
}

static gboolean
framework_load_items (CbFramework  *self,
                      CbIni        *ini,
                      GError      **error)
{
  if (!cb_ini_foreach_group (ini, "Item ", item_load, self, error))
    return FALSE;

  g_array_sort (self->items, item_compare);
  for (guint i = 1; i < self->items->len; i++)
    {
      const CbFrameworkItem *before = &g_array_index (self->items, CbFrameworkItem, i - 1);
      const CbFrameworkItem *item = &g_array_index (self->items, CbFrameworkItem, i);

      if (item->number == before->number)
        {
          g_autofree char *group = g_strconcat ("Item ", item->id, NULL);
          cb_ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, group, "Number",
                        "%u is also the number of [Item %s]", item->number, before->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Indexes every form an item may be written in: "CSMG.D3", "D3", "3" and "指示3". */
static gboolean
framework_index_items (CbFramework        *self,
                       CbIni              *ini,
                       const char *const  *prefixes,
                       GError            **error)
{
  self->forms = cb_fold_table_new (cb_fold_header);

  for (guint i = 0; i < self->items->len; i++)
    {
      const CbFrameworkItem *item = &g_array_index (self->items, CbFrameworkItem, i);
      g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (forms, g_strdup (item->key));
      g_ptr_array_add (forms, g_strdup (item->id));
      g_ptr_array_add (forms, g_strdup_printf ("%u", item->number));
      for (guint p = 0; prefixes[p] != NULL; p++)
        g_ptr_array_add (forms, g_strdup_printf ("%s%u", prefixes[p], item->number));

      for (guint f = 0; f < forms->len; f++)
        {
          const char *form = g_ptr_array_index (forms, f);
          const CbFrameworkItem *other = cb_fold_table_add (self->forms, form, item);

          if (other != NULL)
            {
              g_autofree char *group = g_strconcat ("Item ", item->id, NULL);
              cb_ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, group, NULL,
                            "“%s” also names [Item %s]", form, other->id);
              return FALSE;
            }
        }
    }
  return TRUE;
}

CbFramework *
cb_framework_new_from_file (const char  *path,
                            GError     **error)
{
  static const char *const known[] = {
    "Framework", "Principle ", "Group ", "Item ", "Level ", NULL
  };
  g_autoptr(CbIni) ini = NULL;
  g_autoptr(CbFramework) self = NULL;
  g_auto(GStrv) prefixes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ini = cb_ini_load (path, known, error);
  if (ini == NULL)
    return NULL;
  self = framework_new ();
  if (!framework_load_header (self, ini, &prefixes, error) ||
      !cb_ini_foreach_numbered (ini, "Principle ", 1, principle_load, self->principles, error) ||
      !cb_ini_foreach_numbered (ini, "Group ", 1, group_load, self->groups, error) ||
      !framework_load_items (self, ini, error) ||
      !framework_index_items (self, ini, (const char *const *) prefixes, error) ||
      !cb_scale_load (ini, "Level ", &self->scale, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
cb_framework_get_code (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

const char *
cb_framework_get_version (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->version;
}

const CbText *
cb_framework_get_name (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->name;
}

const CbText *
cb_framework_get_publisher (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->publisher;
}

const GDate *
cb_framework_get_published (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_date_valid (&self->published) ? &self->published : NULL;
}

gboolean
cb_framework_is_default (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_default;
}

guint
cb_framework_get_n_principles (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->principles->len;
}

const CbText *
cb_framework_get_principle (CbFramework *self,
                            guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->principles->len, NULL);

  return &g_array_index (self->principles, CbText, index);
}

guint
cb_framework_get_n_groups (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

const CbFrameworkGroup *
cb_framework_get_group (CbFramework *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);

  return &g_array_index (self->groups, CbFrameworkGroup, index);
}

guint
cb_framework_get_n_items (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const CbFrameworkItem *
cb_framework_get_item (CbFramework *self,
                       guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, CbFrameworkItem, index);
}

const CbFrameworkItem *
cb_framework_find_item (CbFramework *self,
                        const char  *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return cb_fold_table_lookup (self->forms, text);
}

const char *
cb_framework_item_key_parse (CbFramework *self,
                             const char  *text)
{
  const CbFrameworkItem *item = cb_framework_find_item (self, text);

  return item != NULL ? item->key : NULL;
}

CbScale *
cb_framework_get_scale (CbFramework *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scale;
}
