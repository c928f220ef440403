/* cb-catalog.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-catalog.h"
#include "cb-catalog-reader-private.h"
#include "cb-data-dir.h"
#include "cb-fold-table-private.h"
#include "cb-kind.h"
#include "cb-record.h"
#include "cb-scale-private.h"

G_DEFINE_QUARK (cb-catalog-error-quark, cb_catalog_error)

char *
cb_catalog_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (nfkc, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

struct _CbCatalog
{
  GObject        parent_instance;

  GPtrArray     *frameworks;     /* CbFramework, in load order */
  CbScale       *maturity_levels;
  GPtrArray     *criteria;       /* CbCriterion */
  CbScale       *ratings;
  GPtrArray     *kpis;           /* CbCatalogKpi */
  CbAnswerVocab *answers;
  GHashTable    *headers;        /* import kind -> CbFoldTable of field names */
  GHashTable    *enums;          /* field -> CbFoldTable of canonical values */
  GPtrArray     *dwell;          /* CbDwellReference, by year */
  GPtrArray     *holidays;       /* CbHoliday, by date, then country */
  GHashTable    *holiday_days;   /* "COUNTRY JULIAN-DAY" */
};

G_DEFINE_FINAL_TYPE (CbCatalog, cb_catalog, G_TYPE_OBJECT)

static void
criterion_free (gpointer data)
{
  CbCriterion *criterion = data;

  g_free (criterion->key);
  cb_text_clear (&criterion->title);
  cb_text_clear (&criterion->text);
  g_free (criterion);
}

static void
kpi_free (gpointer data)
{
  CbCatalogKpi *kpi = data;

  g_free (kpi->code);
  cb_text_clear (&kpi->name);
  cb_text_clear (&kpi->description);
  g_free (kpi->unit);
  g_free (kpi->direction);
  g_free (kpi->source);
  g_free (kpi->computed_key);
  g_free (kpi->confidentiality);
  g_free (kpi);
}

static void
dwell_reference_free (gpointer data)
{
  CbDwellReference *reference = data;

  g_free (reference->source);
  g_free (reference);
}

static void
holiday_free (gpointer data)
{
  CbHoliday *holiday = data;

  g_free (holiday->country);
  cb_text_clear (&holiday->name);
  g_free (holiday);
}

static GHashTable *
fold_tables_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) cb_fold_table_free);
}

static void
cb_catalog_finalize (GObject *object)
{
  CbCatalog *self = CB_CATALOG (object);

  g_ptr_array_unref (self->frameworks);
  g_clear_pointer (&self->maturity_levels, cb_scale_free);
  g_ptr_array_unref (self->criteria);
  g_clear_pointer (&self->ratings, cb_scale_free);
  g_ptr_array_unref (self->kpis);
  g_clear_pointer (&self->answers, cb_answer_vocab_unref);
  g_hash_table_unref (self->headers);
  g_hash_table_unref (self->enums);
  g_ptr_array_unref (self->dwell);
  g_ptr_array_unref (self->holidays);
  g_hash_table_unref (self->holiday_days);

  G_OBJECT_CLASS (cb_catalog_parent_class)->finalize (object);
}

static void
cb_catalog_class_init (CbCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_catalog_finalize;
}

static void
cb_catalog_init (CbCatalog *self)
{
  self->frameworks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_framework_unref);
  self->criteria = g_ptr_array_new_with_free_func (criterion_free);
  self->kpis = g_ptr_array_new_with_free_func (kpi_free);
  self->headers = fold_tables_new ();
  self->enums = fold_tables_new ();
  self->dwell = g_ptr_array_new_with_free_func (dwell_reference_free);
  self->holidays = g_ptr_array_new_with_free_func (holiday_free);
  self->holiday_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CbCatalog *
cb_catalog_new (void)
{
  return g_object_new (CB_TYPE_CATALOG, NULL);
}

CbCatalog *
cb_catalog_new_default (GError **error)
{
  g_autoptr(CbCatalog) self = cb_catalog_new ();
  g_autofree char *user_dir = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  user_dir = g_build_filename (g_get_user_data_dir (), "cyberboard", "frameworks", NULL);
  if (!cb_catalog_load_dir (self, cb_data_dir (), error) ||
      !cb_catalog_load_frameworks_dir (self, user_dir, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
catalog_add_framework (CbCatalog   *self,
                       CbFramework *framework)
{
  const char *code = cb_framework_get_code (framework);
  const char *version = cb_framework_get_version (framework);

  for (guint i = 0; i < self->frameworks->len; i++)
    {
      CbFramework *known = g_ptr_array_index (self->frameworks, i);

      if (g_str_equal (cb_framework_get_code (known), code) &&
          g_str_equal (cb_framework_get_version (known), version))
        {
          cb_framework_unref (known);
          self->frameworks->pdata[i] = cb_framework_ref (framework);
          return;
        }
    }
  g_ptr_array_add (self->frameworks, cb_framework_ref (framework));
}

gboolean
cb_catalog_load_framework (CbCatalog   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(CbFramework) framework = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  framework = cb_framework_new_from_file (path, error);
  if (framework == NULL)
    return FALSE;
  catalog_add_framework (self, framework);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir that start with @prefix and end with @suffix, sorted; NULL on error. A
 * missing directory gives an empty list.
 */
static GPtrArray *
list_dir (const char  *dir,
          const char  *prefix,
          const char  *suffix,
          GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return g_steal_pointer (&names);
}

gboolean
cb_catalog_load_frameworks_dir (CbCatalog   *self,
                                const char  *dir,
                                GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  names = list_dir (dir, "", ".ini", error);
  if (names == NULL)
    return FALSE;
  loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_framework_unref);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(CbFramework) framework = cb_framework_new_from_file (path, error);
      g_autofree char *id = NULL;
      const char *other;

      if (framework == NULL)
        return FALSE;
      id = g_strconcat (cb_framework_get_code (framework), " ",
                        cb_framework_get_version (framework), NULL);
      other = g_hash_table_lookup (seen, id);
      if (other != NULL)
        {
          g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE,
                       "%s: %s is also defined in %s", path, id, other);
          return FALSE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&id), g_steal_pointer (&path));
      g_ptr_array_add (loaded, g_steal_pointer (&framework));
    }

  for (guint i = 0; i < loaded->len; i++)
    catalog_add_framework (self, g_ptr_array_index (loaded, i));
  return TRUE;
}

typedef gboolean (*TableLoader) (CbCatalog   *self,
                                 const char  *path,
                                 GError     **error);

static const struct
{
  const char  *name;
  TableLoader  load;
} reference_tables[] = {
  { "maturity-levels.ini", cb_catalog_load_maturity_levels },
  { "evaluation-criteria.ini", cb_catalog_load_criteria },
  { "kpis.ini", cb_catalog_load_kpis },
  { "answers.ini", cb_catalog_load_answers },
  { "header-aliases.ini", cb_catalog_load_header_aliases },
  { "enumerations.ini", cb_catalog_load_enumerations },
  { "dwell-time.tsv", cb_catalog_load_dwell_reference },
};

gboolean
cb_catalog_load_dir (CbCatalog   *self,
                     const char  *data_dir,
                     GError     **error)
{
  g_autofree char *frameworks = g_build_filename (data_dir, "frameworks", NULL);
  g_autofree char *reference = g_build_filename (data_dir, "reference", NULL);
  g_autoptr(GPtrArray) holidays = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);

  if (!cb_catalog_load_frameworks_dir (self, frameworks, error))
    return FALSE;
  if (self->frameworks->len == 0)
    {
      g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_MISSING,
                   "%s: no framework files", frameworks);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (reference_tables); i++)
    {
      g_autofree char *path = g_build_filename (reference, reference_tables[i].name, NULL);

      if (!reference_tables[i].load (self, path, error))
        return FALSE;
    }

  /* holidays-jp.tsv holds the holidays of JP. */
  holidays = list_dir (reference, "holidays-", ".tsv", error);
  if (holidays == NULL)
    return FALSE;
  for (guint i = 0; i < holidays->len; i++)
    {
      const char *name = g_ptr_array_index (holidays, i);
      g_autofree char *path = g_build_filename (reference, name, NULL);
      g_autofree char *country = g_strndup (name + strlen ("holidays-"),
                                            strlen (name) - strlen ("holidays-") - strlen (".tsv"));

      if (!cb_catalog_load_holidays (self, path, country, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces *@out with the scale of @ini, whose values the workbook's schema fixes (maturity 0–5,
 * ratings 1–4).
 */
static gboolean
load_fixed_scale (CbIni       *ini,
                  const char  *prefix,
                  int          min,
                  int          max,
                  CbScale    **out,
                  GError     **error)
{
  g_autoptr(CbScale) scale = NULL;

  if (!cb_scale_load (ini, prefix, &scale, error))
    return FALSE;
  if (scale == NULL || cb_scale_get_min (scale) != min || cb_scale_get_max (scale) != max)
    {
      cb_ini_error (ini, error, scale == NULL ? CB_CATALOG_ERROR_MISSING : CB_CATALOG_ERROR_INVALID,
                    NULL, NULL, "the scale must run from [%s%d] to [%s%d]", prefix, min, prefix,
                    max);
      return FALSE;
    }
  g_clear_pointer (out, cb_scale_free);
  *out = g_steal_pointer (&scale);
  return TRUE;
}

gboolean
cb_catalog_load_maturity_levels (CbCatalog   *self,
                                 const char  *path,
                                 GError     **error)
{
  static const char *const known[] = { "Level ", NULL };
  g_autoptr(CbIni) ini = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = cb_ini_load (path, known, error);
  return ini != NULL && load_fixed_scale (ini, "Level ", 0, 5, &self->maturity_levels, error);
}

static gboolean
criterion_load (CbIni       *ini,
                const char  *group,
                const char  *key,
                gpointer     data,
                GError     **error)
{
  static const char *const keys[] = { "Title", "Text", NULL };
  CbCriterion *criterion;

  if (!cb_ini_check_identifier (ini, group, NULL, key, error))
    return FALSE;
  criterion = g_new0 (CbCriterion, 1);
  g_ptr_array_add (data, criterion);
  criterion->key = g_strdup (key);
  return cb_ini_check_keys (ini, group, keys, error) &&
         cb_ini_text (ini, group, "Title", TRUE, &criterion->title, error) &&
         cb_ini_text (ini, group, "Text", TRUE, &criterion->text, error);
}

gboolean
cb_catalog_load_criteria (CbCatalog   *self,
                          const char  *path,
                          GError     **error)
{
  static const char *const known[] = { "Criterion ", "Rating ", NULL };
  g_autoptr(CbIni) ini = NULL;
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func (criterion_free);
  g_autoptr(CbScale) ratings = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = cb_ini_load (path, known, error);
  if (ini == NULL ||
      !cb_ini_foreach_group (ini, "Criterion ", criterion_load, criteria, error) ||
      !load_fixed_scale (ini, "Rating ", 1, 4, &ratings, error))
    return FALSE;

  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  g_clear_pointer (&self->ratings, cb_scale_free);
  self->ratings = g_steal_pointer (&ratings);
  return TRUE;
}

/* The KPI defaults must be valid rows of the kpis import kind, so its field values rule. */
static const char *const *
kpi_field_values (const char *field)
{
  const CbKind *kind = cb_kind_lookup ("kpis");
  int index = cb_kind_find_field (kind, field);

  g_assert (index >= 0);
  return cb_kind_get_field (kind, index)->values;
}

static gboolean
kpi_load (CbIni       *ini,
          const char  *group,
          const char  *code,
          gpointer     data,
          GError     **error)
{
  static const char *const keys[] = {
    "Name", "Description", "Unit", "Direction", "Target", "Band", "Source", "ComputedKey",
    "Confidentiality", NULL
  };
  CbCatalogKpi *kpi = g_new0 (CbCatalogKpi, 1);
  gboolean has_band = FALSE;

  g_ptr_array_add (data, kpi);
  if (!cb_ini_check_identifier (ini, group, NULL, code, error))
    return FALSE;
  kpi->code = g_strdup (code);

  if (!cb_ini_check_keys (ini, group, keys, error) ||
      !cb_ini_text (ini, group, "Name", TRUE, &kpi->name, error) ||
      !cb_ini_text (ini, group, "Description", FALSE, &kpi->description, error) ||
      !cb_ini_choice (ini, group, "Unit", kpi_field_values ("unit"), NULL, &kpi->unit, error) ||
      !cb_ini_choice (ini, group, "Direction", kpi_field_values ("direction"), NULL,
                      &kpi->direction, error) ||
      !cb_ini_number (ini, group, "Target", &kpi->has_target, &kpi->target, error) ||
      !cb_ini_number (ini, group, "Band", &has_band, &kpi->band, error) ||
      !cb_ini_choice (ini, group, "Source", kpi_field_values ("source"), "manual", &kpi->source,
                      error) ||
      !cb_ini_string (ini, group, "ComputedKey", FALSE, &kpi->computed_key, error) ||
      !cb_ini_choice (ini, group, "Confidentiality", kpi_field_values ("confidentiality"),
                      "board", &kpi->confidentiality, error))
    return FALSE;

  if (has_band && !kpi->has_target)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Band", "a band needs a Target");
      return FALSE;
    }
  if (kpi->band < 0)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Band", "%g is negative",
                    kpi->band);
      return FALSE;
    }
  if (g_str_equal (kpi->source, "computed") && kpi->computed_key == NULL)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL,
                    "missing key “ComputedKey” of a computed KPI");
      return FALSE;
    }
  if (!g_str_equal (kpi->source, "computed") && kpi->computed_key != NULL)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "ComputedKey",
                    "only a computed KPI has one");
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_catalog_load_kpis (CbCatalog   *self,
                      const char  *path,
                      GError     **error)
{
  static const char *const known[] = { "KPI ", NULL };
  g_autoptr(CbIni) ini = NULL;
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (kpi_free);

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = cb_ini_load (path, known, error);
  if (ini == NULL || !cb_ini_foreach_group (ini, "KPI ", kpi_load, kpis, error))
    return FALSE;

  g_ptr_array_unref (self->kpis);
  self->kpis = g_steal_pointer (&kpis);
  return TRUE;
}

gboolean
cb_catalog_load_answers (CbCatalog   *self,
                         const char  *path,
                         GError     **error)
{
  CbAnswerVocab *answers;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  answers = cb_answer_vocab_new_from_file (path, error);
  if (answers == NULL)
    return FALSE;
  g_clear_pointer (&self->answers, cb_answer_vocab_unref);
  self->answers = answers;
  return TRUE;
}

/* Replaces *@tables with the file's [name] groups, whose keys are the values a text may stand
 * for and whose lists give the other ways to write each; the key itself is one of them.
 */
static gboolean
vocabularies_load (const char   *path,
                   CbFoldFunc    fold,
                   GHashTable  **tables,
                   GError      **error)
{
  g_autoptr(CbIni) ini = cb_ini_load (path, NULL, error);
  g_autoptr(GHashTable) loaded = fold_tables_new ();

  if (ini == NULL)
    return FALSE;
  if (ini->groups[0] == NULL)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no groups");
      return FALSE;
    }

  for (guint i = 0; ini->groups[i] != NULL; i++)
    {
      const char *group = ini->groups[i];
      g_auto(GStrv) keys = g_key_file_get_keys (ini->keys, group, NULL, NULL);
      CbFoldTable *table = cb_fold_table_new (fold);

      g_hash_table_insert (loaded, g_strdup (group), table);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *value = g_intern_string (keys[k]);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) aliases = NULL;
          g_auto(GStrv) forms = NULL;

          if (strchr (keys[k], '[') != NULL)
            {
              cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, keys[k],
                            "translations do not apply here");
              return FALSE;
            }
          if (!cb_ini_list (ini, group, keys[k], FALSE, &aliases, error))
            return FALSE;
          g_strv_builder_add (builder, keys[k]);
          g_strv_builder_addv (builder, (const char **) aliases);
          forms = g_strv_builder_end (builder);
          for (guint f = 0; forms[f] != NULL; f++)
            {
              const char *other = cb_fold_table_add (table, forms[f], value);

              if (other != NULL)
                {
                  g_autofree char *quoted = cb_catalog_excerpt (forms[f]);
                  cb_ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, group, keys[k],
                                "“%s” already stands for “%s”", quoted, other);
                  return FALSE;
                }
            }
        }
    }

  g_hash_table_unref (*tables);
  *tables = g_steal_pointer (&loaded);
  return TRUE;
}

gboolean
cb_catalog_load_header_aliases (CbCatalog   *self,
                                const char  *path,
                                GError     **error)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return vocabularies_load (path, cb_fold_header, &self->headers, error);
}

gboolean
cb_catalog_load_enumerations (CbCatalog   *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return vocabularies_load (path, cb_catalog_normalize, &self->enums, error);
}

static int
dwell_reference_compare (gconstpointer a,
                         gconstpointer b)
{
  const CbDwellReference *x = *(const CbDwellReference *const *) a;
  const CbDwellReference *y = *(const CbDwellReference *const *) b;

  return (x->year > y->year) - (x->year < y->year);
}

static gpointer
dwell_reference_read (CbTsv          *tsv,
                      gconstpointer   data,
                      char          **key,
                      GError        **error)
{
  const char *year = cb_tsv_cell (tsv, 0);
  const char *days = cb_tsv_cell (tsv, 1);
  const char *to_confirm = cb_tsv_cell (tsv, 2);
  CbDwellReference *reference;
  guint64 number = 0;
  double median = 0;

  if (year == NULL || !g_ascii_string_to_unsigned (year, 10, 1900, 9999, &number, NULL))
    {
      g_autofree char *quoted = cb_catalog_excerpt (year ? year : "");
      cb_tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID, "year “%s” is not a year", quoted);
      return NULL;
    }
  if (days == NULL || !cb_catalog_parse_number (days, &median) || median < 0)
    {
      g_autofree char *quoted = cb_catalog_excerpt (days ? days : "");
      cb_tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                    "median_days “%s” is not a number of days", quoted);
      return NULL;
    }
  if (g_strcmp0 (to_confirm, "yes") != 0 && g_strcmp0 (to_confirm, "no") != 0)
    {
      g_autofree char *quoted = cb_catalog_excerpt (to_confirm ? to_confirm : "");
      cb_tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                    "to_confirm “%s” is neither yes nor no", quoted);
      return NULL;
    }

  reference = g_new0 (CbDwellReference, 1);
  reference->year = number;
  reference->median_days = median;
  reference->to_confirm = g_str_equal (to_confirm, "yes");
  reference->source = g_strdup (cb_tsv_cell (tsv, 3));
  *key = g_strdup_printf ("year %d", reference->year);
  return reference;
}

gboolean
cb_catalog_load_dwell_reference (CbCatalog   *self,
                                 const char  *path,
                                 GError     **error)
{
  static const char *const required[] = { "year", "median_days", "to_confirm", NULL };
  static const char *const optional[] = { "source", NULL };
  GPtrArray *references;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  references = cb_tsv_read (path, required, optional, dwell_reference_read, NULL,
                            dwell_reference_free, error);
  if (references == NULL)
    return FALSE;
  g_ptr_array_sort (references, dwell_reference_compare);
  g_ptr_array_unref (self->dwell);
  self->dwell = references;
  return TRUE;
}

static int
holiday_compare (gconstpointer a,
                 gconstpointer b)
{
  const CbHoliday *x = *(const CbHoliday *const *) a;
  const CbHoliday *y = *(const CbHoliday *const *) b;
  int order = g_date_compare (&x->date, &y->date);

  return order != 0 ? order : strcmp (x->country, y->country);
}

static char *
holiday_day_key (const char  *country,
                 const GDate *date)
{
  return g_strdup_printf ("%s %u", country, g_date_get_julian (date));
}

static gpointer
holiday_read (CbTsv          *tsv,
              gconstpointer   country,
              char          **key,
              GError        **error)
{
  const char *date = cb_tsv_cell (tsv, 0);
  const char *name_ja = cb_tsv_cell (tsv, 1);
  const char *name_en = cb_tsv_cell (tsv, 2);
  CbHoliday *holiday;
  GDate day;

  g_date_clear (&day, 1);
  if (date == NULL || !cb_parse_date (date, &day))
    {
      g_autofree char *quoted = cb_catalog_excerpt (date ? date : "");
      cb_tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                    "“%s” is not a valid date (YYYY-MM-DD)", quoted);
      return NULL;
    }
  if (name_ja == NULL || name_en == NULL)
    {
      cb_tsv_error (tsv, error, CB_CATALOG_ERROR_MISSING, "%s is empty",
                    name_ja == NULL ? "name_ja" : "name_en");
      return NULL;
    }
  holiday = g_new0 (CbHoliday, 1);
  holiday->date = day;
  holiday->country = g_strdup (country);
  holiday->name.ja = g_strdup (name_ja);
  holiday->name.en = g_strdup (name_en);
  /* Dates are written in exactly one way, so equal texts are equal days. */
  *key = g_strdup (date);
  return holiday;
}

gboolean
cb_catalog_load_holidays (CbCatalog   *self,
                          const char  *path,
                          const char  *country,
                          GError     **error)
{
  static const char *const required[] = { "date", "name_ja", "name_en", NULL };
  static const char *const optional[] = { NULL };
  g_autoptr(GPtrArray) holidays = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (country != NULL && *country != '\0', FALSE);

  code = g_ascii_strup (country, -1);
  holidays = cb_tsv_read (path, required, optional, holiday_read, code, holiday_free, error);
  if (holidays == NULL)
    return FALSE;

  for (guint i = self->holidays->len; i > 0; i--)
    {
      CbHoliday *holiday = g_ptr_array_index (self->holidays, i - 1);

      if (g_str_equal (holiday->country, code))
        g_ptr_array_remove_index (self->holidays, i - 1);
    }
  g_ptr_array_extend_and_steal (self->holidays, g_steal_pointer (&holidays));
  g_ptr_array_sort (self->holidays, holiday_compare);

  g_hash_table_remove_all (self->holiday_days);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      CbHoliday *holiday = g_ptr_array_index (self->holidays, i);

      g_hash_table_add (self->holiday_days, holiday_day_key (holiday->country, &holiday->date));
    }
  return TRUE;
}

GPtrArray *
cb_catalog_get_frameworks (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->frameworks;
}

CbFramework *
cb_catalog_find_framework (CbCatalog  *self,
                           const char *code,
                           const char *version)
{
  CbFramework *found = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->frameworks->len; i++)
    {
      CbFramework *framework = g_ptr_array_index (self->frameworks, i);

      if (!g_str_equal (cb_framework_get_code (framework), code))
        continue;
      if (version != NULL)
        {
          if (g_str_equal (cb_framework_get_version (framework), version))
            return framework;
        }
      else if (found == NULL || cb_framework_is_default (framework))
        {
          /* The first loaded unless one says it is the default; a user's file loads later. */
          found = framework;
        }
    }
  return found;
}

CbScale *
cb_catalog_get_maturity_levels (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->maturity_levels;
}

GPtrArray *
cb_catalog_get_criteria (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->criteria;
}

CbScale *
cb_catalog_get_ratings (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->ratings;
}

GPtrArray *
cb_catalog_get_kpis (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->kpis;
}

CbAnswerVocab *
cb_catalog_get_answers (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->answers;
}

const char *
cb_catalog_lookup_header (CbCatalog  *self,
                          const char *kind,
                          const char *header)
{
  CbFoldTable *table;

  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (header != NULL, NULL);

  table = g_hash_table_lookup (self->headers, kind);
  return table != NULL ? cb_fold_table_lookup (table, header) : NULL;
}

const char *
cb_catalog_lookup_enum (CbCatalog  *self,
                        const char *field,
                        const char *text)
{
  CbFoldTable *table;
  const char *value;
  g_autofree char *folded = NULL;
  gsize digits = 0;

  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  table = g_hash_table_lookup (self->enums, field);
  if (table == NULL)
    return NULL;
  value = cb_fold_table_lookup (table, text);
  if (value != NULL)
    return value;

  /* Ticketing systems write "1 - Critical": a leading number that is itself a value counts. */
  folded = cb_catalog_normalize (text);
  if (folded == NULL)
    return NULL;
  while (g_ascii_isdigit (folded[digits]))
    digits++;
  if (digits == 0 || folded[digits] == '\0' || folded[digits] == '.' || folded[digits] == ',')
    return NULL;
  folded[digits] = '\0';
  value = cb_fold_table_lookup (table, folded);
  return g_strcmp0 (value, folded) == 0 ? value : NULL;
}

const CbDwellReference *
cb_catalog_get_dwell_reference (CbCatalog *self,
                                int        year)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->dwell->len; i++)
    {
      const CbDwellReference *reference = g_ptr_array_index (self->dwell, i);

      if (reference->year == year)
        return reference;
    }
  return NULL;
}

GPtrArray *
cb_catalog_get_dwell_references (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->dwell;
}

GPtrArray *
cb_catalog_get_holidays (CbCatalog *self)
{
  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);

  return self->holidays;
}

gboolean
cb_catalog_is_holiday (CbCatalog   *self,
                       const GDate *date,
                       const char  *country)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (country != NULL, FALSE);

  key = holiday_day_key (country, date);
  return g_hash_table_contains (self->holiday_days, key);
}
