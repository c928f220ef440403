#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-field-map.h"
#include "cb-importer.h"
#include "cb-reference.h"

void
cb_field_map_free (CbFieldMap *map)
{
  g_free (map->columns);
  g_clear_pointer (&map->unknown_columns, g_ptr_array_unref);
  g_free (map);
}

static int
find_header (GPtrArray  *header,
             const char *name)
{
  g_autofree char *wanted = cb_catalog_normalize (name);

  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *text = cb_catalog_normalize (header->pdata[i]);
      if (g_strcmp0 (text, wanted) == 0)
        return i;
    }
  return -1;
}

static void
problem (GString    *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (GString    *problems,
         const char *format,
         ...)
{
  va_list args;

  if (problems->len > 0)
    g_string_append (problems, "; ");
  va_start (args, format);
  g_string_append_vprintf (problems, format, args);
  va_end (args);
}

static void
apply_overrides (CbFieldMap         *map,
                 GPtrArray          *header,
                 const char * const *overrides,
                 gboolean           *claimed,
                 GString            *problems)
{
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      const char *equals = strchr (overrides[i], '=');
      g_autofree char *field = NULL;
      int index, column;

      if (equals == NULL)
        {
          problem (problems, _("--map “%s” is not FIELD=COLUMN"), overrides[i]);
          continue;
        }
      field = g_strstrip (g_strndup (overrides[i], equals - overrides[i]));
      index = cb_kind_find_field (map->kind, field);
      if (index < 0 || cb_kind_get_field (map->kind, index)->derived)
        {
          problem (problems, _("--map names “%s”, which is not a field of %s"), field, cb_kind_get_name (map->kind));
          continue;
        }
      column = find_header (header, equals + 1);
      if (column < 0)
        {
          problem (problems, _("--map %s: the file has no column “%s”"), field, equals + 1);
          continue;
        }
      map->columns[index] = column;
      claimed[column] = TRUE;
    }
}

CbFieldMap *
cb_field_map_new (const CbKind        *kind,
                  GPtrArray           *header,
                  const char * const  *overrides,
                  const char * const  *defaulted,
                  GError             **error)
{
  g_autoptr(CbFieldMap) map = g_new0 (CbFieldMap, 1);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree gboolean *claimed = g_new0 (gboolean, header->len);
  CbCatalog *catalog = cb_reference_catalog (error);
  guint n_fields = cb_kind_get_n_fields (kind);

  if (catalog == NULL)
    return NULL;

  map->kind = kind;
  map->columns = g_new (int, n_fields);
  map->unknown_columns = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_fields; i++)
    map->columns[i] = -1;

  apply_overrides (map, header, overrides, claimed, problems);

  for (guint column = 0; column < header->len; column++)
    {
      const char *text = header->pdata[column];
      const char *field;
      int index;

      if (claimed[column])
        continue;
      field = cb_catalog_lookup_header (catalog, cb_kind_get_name (kind), text);
      index = field != NULL ? cb_kind_find_field (kind, field) : cb_kind_find_field (kind, text);
      if (index < 0 || cb_kind_get_field (kind, index)->derived)
        {
          if (text[0] != '\0')
            g_ptr_array_add (map->unknown_columns, g_strdup (text));
          continue;
        }
      if (map->columns[index] >= 0)
        {
          /* An override decides silently; two headers naming one field need the user to choose. */
          if (!claimed[map->columns[index]])
            problem (problems, _("columns “%s” and “%s” both give %s; choose one with --map %s=COLUMN"),
                     (const char *) header->pdata[map->columns[index]], text,
                     cb_kind_get_field (kind, index)->name, cb_kind_get_field (kind, index)->name);
          continue;
        }
      map->columns[index] = column;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      const CbField *field = cb_kind_get_field (kind, i);
      if (field->required && map->columns[i] < 0
          && (defaulted == NULL || !g_strv_contains (defaulted, field->name)))
        problem (problems, _("no column for the required field %s"), field->name);
    }

  if (problems->len > 0)
    {
      g_set_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING, "%s", problems->str);
      return NULL;
    }
  return g_steal_pointer (&map);
}

const char *
cb_field_map_column_of (const CbFieldMap *map,
                        GPtrArray        *header,
                        const char       *field)
{
  int index = cb_kind_find_field (map->kind, field);

  if (index < 0 || map->columns[index] < 0)
    return NULL;
  return header->pdata[map->columns[index]];
}
