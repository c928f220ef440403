/* cb-catalog-reader.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cb-catalog-reader-private.h"
#include "cb-record.h"

/* Longest piece of a file quoted in an error message, in characters. */
#define EXCERPT_CHARS 40

char *
cb_catalog_excerpt (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= EXCERPT_CHARS)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, EXCERPT_CHARS);
  return g_strconcat (head, "…", NULL);
}

gboolean
cb_catalog_parse_number (const char *text,
                         double     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

static guint
line_of_offset (const char *contents,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (contents[i] == '\n')
      line++;
  return line;
}

/* Reads a UTF-8 text file, dropping the byte-order mark Windows editors may write. */
static char *
read_text_file (const char  *path,
                gsize       *length,
                GError     **error)
{
  g_autofree char *contents = NULL;
  const char *end = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, error))
    return NULL;
  if (!g_utf8_validate (contents, size, &end))
    {
      g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_SYNTAX, "%s:%u: not valid UTF-8 text",
                   path, line_of_offset (contents, end - contents));
      return NULL;
    }
  if (g_str_has_prefix (contents, "\xef\xbb\xbf"))
    {
      size -= 3;
      memmove (contents, contents + 3, size + 1);
    }
  *length = size;
  return g_steal_pointer (&contents);
}

void
cb_ini_free (CbIni *ini)
{
  g_free (ini->path);
  g_key_file_free (ini->keys);
  g_hash_table_unref (ini->lines);
  g_strfreev (ini->groups);
  g_free (ini);
}

static char *
line_id (const char *group,
         const char *key)
{
  if (key == NULL)
    return g_strdup (group);
  return g_strconcat (group, "\x1f", key, NULL);
}

static guint
find_line (CbIni      *ini,
           const char *group,
           const char *key)
{
  g_autofree char *id = line_id (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (ini->lines, id));
}

void
cb_ini_error (CbIni           *ini,
              GError         **error,
              CbCatalogError   code,
              const char      *group,
              const char      *key,
              const char      *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  va_list args;
  guint line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL && key != NULL)
    line = find_line (ini, group, key);
  if (line != 0)
    place = g_strdup_printf ("[%s] %s", group, key);
  else if (group != NULL)
    {
      line = find_line (ini, group, NULL);
      place = g_strdup_printf ("[%s]", group);
    }

  if (place == NULL)
    g_set_error (error, CB_CATALOG_ERROR, code, "%s: %s", ini->path, message);
  else if (line == 0)
    g_set_error (error, CB_CATALOG_ERROR, code, "%s: %s: %s", ini->path, place, message);
  else
    g_set_error (error, CB_CATALOG_ERROR, code, "%s:%u: %s: %s", ini->path, line, place, message);
}

G_GNUC_PRINTF (5, 6)
static gboolean
scan_error (CbIni           *ini,
            GError         **error,
            CbCatalogError   code,
            guint            line,
            const char      *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CB_CATALOG_ERROR, code, "%s:%u: %s", ini->path, line, message);
  return FALSE;
}

/* Records the line of every group and key, rejecting what GKeyFile would silently accept. */
static gboolean
scan (CbIni       *ini,
      const char  *contents,
      GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      guint number = i + 1;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      char *equals;
      guint previous;

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          gsize length = strlen (line);

          if (length < 3 || line[length - 1] != ']')
            {
              g_autofree char *quoted = cb_catalog_excerpt (line);
              return scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                                 "“%s” is not a valid group header", quoted);
            }
          g_free (group);
          group = g_strndup (line + 1, length - 2);
          previous = find_line (ini, group, NULL);
          if (previous != 0)
            return scan_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, number,
                               "[%s] repeats the group of line %u", group, previous);
          g_hash_table_insert (ini->lines, g_strdup (group), GUINT_TO_POINTER (number));
          continue;
        }

      equals = strchr (line, '=');
      if (equals == NULL)
        {
          g_autofree char *quoted = cb_catalog_excerpt (line);
          return scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                             "“%s” is neither a group, a Key=value line nor a comment", quoted);
        }
      if (group == NULL)
        return scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                           "a key before the first [group]");

      key = g_strchomp (g_strndup (line, equals - line));
      id = line_id (group, key);
      previous = GPOINTER_TO_UINT (g_hash_table_lookup (ini->lines, id));
      if (previous != 0)
        return scan_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, number,
                           "[%s] %s repeats the key of line %u", group, key, previous);
      g_hash_table_insert (ini->lines, g_steal_pointer (&id), GUINT_TO_POINTER (number));
    }
  return TRUE;
}

static gboolean
check_groups (CbIni              *ini,
              const char *const  *known,
              GError            **error)
{
  for (guint i = 0; ini->groups[i] != NULL; i++)
    {
      const char *group = ini->groups[i];
      gboolean found = FALSE;

      for (guint k = 0; known[k] != NULL && !found; k++)
        {
          if (g_str_has_suffix (known[k], " "))
            found = g_str_has_prefix (group, known[k]) && group[strlen (known[k])] != '\0';
          else
            found = g_str_equal (group, known[k]);
        }
      if (!found)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, NULL, "unknown group");
          return FALSE;
        }
    }
  return TRUE;
}

CbIni *
cb_ini_load (const char         *path,
             const char *const  *known,
             GError            **error)
{
  g_autoptr(CbIni) ini = g_new0 (CbIni, 1);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  ini->path = g_strdup (path);
  ini->keys = g_key_file_new ();
  ini->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  contents = read_text_file (path, &length, error);
  if (contents == NULL || !scan (ini, contents, error))
    return NULL;
  /* Without KEEP_TRANSLATIONS GKeyFile drops every Key[ja] unless the process runs in Japanese. */
  if (!g_key_file_load_from_data (ini->keys, contents, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_SYNTAX, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  ini->groups = g_key_file_get_groups (ini->keys, NULL);
  if (known != NULL && !check_groups (ini, known, error))
    return NULL;
  return g_steal_pointer (&ini);
}

gboolean
cb_ini_check_identifier (CbIni       *ini,
                         const char  *group,
                         const char  *key,
                         const char  *text,
                         GError     **error)
{
  gboolean valid = *text != '\0';

  for (const char *p = text; *p != '\0' && valid; p++)
    valid = g_ascii_isalnum (*p) || *p == '-' || *p == '_';
  if (!valid)
    cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key,
                  "“%s” may hold only letters, digits, - and _", text);
  return valid;
}

gboolean
cb_ini_check_keys (CbIni              *ini,
                   const char         *group,
                   const char *const  *known,
                   GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (ini->keys, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *bracket = strchr (keys[i], '[');
      g_autofree char *base = bracket ? g_strndup (keys[i], bracket - keys[i]) : g_strdup (keys[i]);

      if (bracket != NULL && !g_str_equal (bracket, "[ja]"))
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, keys[i],
                        "only [ja] translations are read");
          return FALSE;
        }
      if (!g_strv_contains (known, base))
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, keys[i], "unknown key");
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
cb_ini_string (CbIni       *ini,
               const char  *group,
               const char  *key,
               gboolean     required,
               char       **out,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  *out = NULL;
  if (!g_key_file_has_key (ini->keys, group, key, NULL))
    {
      if (!required)
        return TRUE;
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL, "missing key “%s”", key);
      return FALSE;
    }
  value = g_key_file_get_string (ini->keys, group, key, &local_error);
  if (value == NULL)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_SYNTAX, group, key, "%s", local_error->message);
      return FALSE;
    }
  g_strstrip (value);
  if (*value == '\0')
    {
      if (!required)
        return TRUE;
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, key, "is empty");
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
cb_ini_text (CbIni       *ini,
             const char  *group,
             const char  *key,
             gboolean     required,
             CbText      *out,
             GError     **error)
{
  g_autofree char *ja_key = g_strconcat (key, "[ja]", NULL);
  g_autofree char *en = NULL;
  g_autofree char *ja = NULL;

  if (!cb_ini_string (ini, group, key, FALSE, &en, error) ||
      !cb_ini_string (ini, group, ja_key, FALSE, &ja, error))
    return FALSE;
  if (en == NULL && ja == NULL && required)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL,
                    "missing key “%s” or “%s”", key, ja_key);
      return FALSE;
    }
  out->en = g_strdup (en != NULL ? en : ja);
  out->ja = g_strdup (ja != NULL ? ja : en);
  return TRUE;
}

/* Fails with "[GROUP] KEY: “VALUE” is @what". */
static gboolean
reject_value (CbIni       *ini,
              const char  *group,
              const char  *key,
              const char  *value,
              const char  *what,
              GError     **error)
{
  g_autofree char *quoted = cb_catalog_excerpt (value);

  cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key, "“%s” is %s", quoted, what);
  return FALSE;
}

gboolean
cb_ini_uint (CbIni       *ini,
             const char  *group,
             const char  *key,
             guint       *out,
             GError     **error)
{
  g_autofree char *value = NULL;
  guint64 number = 0;

  if (!cb_ini_string (ini, group, key, TRUE, &value, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &number, NULL))
    return reject_value (ini, group, key, value, "not a whole number", error);
  *out = number;
  return TRUE;
}

gboolean
cb_ini_number (CbIni       *ini,
               const char  *group,
               const char  *key,
               gboolean    *present,
               double      *out,
               GError     **error)
{
  g_autofree char *value = NULL;

  if (!cb_ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  *present = value != NULL;
  if (value != NULL && !cb_catalog_parse_number (value, out))
    return reject_value (ini, group, key, value, "not a number", error);
  return TRUE;
}

gboolean
cb_ini_boolean (CbIni       *ini,
                const char  *group,
                const char  *key,
                gboolean    *out,
                GError     **error)
{
  g_autofree char *value = NULL;

  if (!cb_ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  *out = g_strcmp0 (value, "true") == 0;
  if (value != NULL && !*out && !g_str_equal (value, "false"))
    return reject_value (ini, group, key, value, "neither true nor false", error);
  return TRUE;
}

gboolean
cb_ini_date (CbIni       *ini,
             const char  *group,
             const char  *key,
             GDate       *out,
             GError     **error)
{
  g_autofree char *value = NULL;

  g_date_clear (out, 1);
  if (!cb_ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  if (value != NULL && !cb_parse_date (value, out))
    return reject_value (ini, group, key, value, "not a valid date (YYYY-MM-DD)", error);
  return TRUE;
}

gboolean
cb_ini_list (CbIni       *ini,
             const char  *group,
             const char  *key,
             gboolean     required,
             GStrv       *out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) values = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  *out = NULL;
  if (g_key_file_has_key (ini->keys, group, key, NULL))
    {
      values = g_key_file_get_string_list (ini->keys, group, key, NULL, &local_error);
      if (values == NULL)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_SYNTAX, group, key, "%s",
                        local_error->message);
          return FALSE;
        }
    }
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_strstrip (values[i]);
      if (*values[i] == '\0')
        continue;
      g_strv_builder_add (builder, values[i]);
      n++;
    }
  if (n == 0 && required)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, key, "is empty");
      return FALSE;
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
cb_ini_choice (CbIni              *ini,
               const char         *group,
               const char         *key,
               const char *const  *choices,
               const char         *fallback,
               char              **out,
               GError            **error)
{
  g_autofree char *value = NULL;

  if (!cb_ini_string (ini, group, key, fallback == NULL, &value, error))
    return FALSE;
  if (value == NULL)
    {
      *out = g_strdup (fallback);
      return TRUE;
    }
  if (!g_strv_contains (choices, value))
    {
      g_autofree char *list = g_strjoinv (", ", (GStrv) choices);
      g_autofree char *what = g_strconcat ("not one of ", list, NULL);

      return reject_value (ini, group, key, value, what, error);
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
cb_ini_foreach_group (CbIni           *ini,
                      const char      *prefix,
                      CbIniGroupFunc   func,
                      gpointer         data,
                      GError         **error)
{
  gsize prefix_length = strlen (prefix);
  gboolean found = FALSE;

  for (guint i = 0; ini->groups[i] != NULL; i++)
    {
      const char *group = ini->groups[i];

      if (!g_str_has_prefix (group, prefix))
        continue;
      found = TRUE;
      if (!func (ini, group, group + prefix_length, data, error))
        return FALSE;
    }
  if (!found)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [%s…] groups", prefix);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint       number;
  const char *group;
} NumberedGroup;

static int
numbered_group_compare (gconstpointer a,
                        gconstpointer b)
{
  const NumberedGroup *x = a;
  const NumberedGroup *y = b;

  return (x->number > y->number) - (x->number < y->number);
}

/* Returns the groups named "@prefix N" ordered by N. The names point into ini->groups. */
static GArray *
numbered_groups (CbIni       *ini,
                 const char  *prefix,
                 int          first,
                 GError     **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (NumberedGroup));
  gsize prefix_length = strlen (prefix);

  for (guint i = 0; ini->groups[i] != NULL; i++)
    {
      NumberedGroup entry = { 0, ini->groups[i] };
      guint64 number = 0;

      if (!g_str_has_prefix (entry.group, prefix))
        continue;
      if (!g_ascii_string_to_unsigned (entry.group + prefix_length, 10, 0, G_MAXINT, &number,
                                       NULL))
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, entry.group, NULL,
                        "“%s” is not a whole number", entry.group + prefix_length);
          return NULL;
        }
      entry.number = number;
      g_array_append_val (found, entry);
    }
  g_array_sort (found, numbered_group_compare);

  if (first >= 0 && found->len > 0)
    {
      const NumberedGroup *lowest = &g_array_index (found, NumberedGroup, 0);

      if (lowest->number != (guint) first)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, lowest->group, NULL,
                        "numbering starts at [%s%d]", prefix, first);
          return NULL;
        }
    }
  for (guint i = 1; i < found->len; i++)
    {
      const NumberedGroup *before = &g_array_index (found, NumberedGroup, i - 1);
      const NumberedGroup *entry = &g_array_index (found, NumberedGroup, i);

      if (entry->number == before->number)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, entry->group, NULL,
                        "the same number as [%s]", before->group);
          return NULL;
        }
      if (entry->number != before->number + 1)
        {
          cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, entry->group, NULL,
                        "no [%s%u] before it", prefix, before->number + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&found);
}

gboolean
cb_ini_foreach_numbered (CbIni              *ini,
                         const char         *prefix,
                         int                 first,
                         CbIniNumberedFunc   func,
                         gpointer            data,
                         GError            **error)
{
  g_autoptr(GArray) numbered = numbered_groups (ini, prefix, first, error);

  if (numbered == NULL)
    return FALSE;
  for (guint i = 0; i < numbered->len; i++)
    {
      const NumberedGroup *entry = &g_array_index (numbered, NumberedGroup, i);

      if (!func (ini, entry->group, entry->number, data, error))
        return FALSE;
    }
  return TRUE;
}

struct _CbTsv
{
  char   *path;
  GStrv   lines;
  guint   next;     /* index of the line to read next */
  guint   line;     /* 1-based number of the current row's line */
  guint   n_cells;  /* columns of the header */
  int    *map;      /* wanted column -> cell index, -1 when the file lacks it */
  GStrv   cells;    /* the current row */
};

static void
tsv_free (CbTsv *tsv)
{
  g_free (tsv->path);
  g_strfreev (tsv->lines);
  g_free (tsv->map);
  g_strfreev (tsv->cells);
  g_free (tsv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTsv, tsv_free)

void
cb_tsv_error (CbTsv           *tsv,
              GError         **error,
              CbCatalogError   code,
              const char      *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CB_CATALOG_ERROR, code, "%s:%u: %s", tsv->path, tsv->line, message);
}

static GStrv
tsv_split (char *line)
{
  GStrv cells;

  g_strchomp (line);
  cells = g_strsplit (line, "\t", -1);
  for (guint i = 0; cells[i] != NULL; i++)
    g_strstrip (cells[i]);
  return cells;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Advances to the next row. Returns FALSE at the end of the file and on error. */
static gboolean
tsv_next (CbTsv   *tsv,
          GError **error)
{
  while (tsv->lines[tsv->next] != NULL)
    {
      char *line = tsv->lines[tsv->next++];
      guint n;

      tsv->line = tsv->next;
      if (*line == '#' || is_blank (line))
        continue;
      g_strfreev (tsv->cells);
      tsv->cells = tsv_split (line);
      n = g_strv_length (tsv->cells);
      if (n != tsv->n_cells)
        {
          cb_tsv_error (tsv, error, CB_CATALOG_ERROR_SYNTAX, "%u columns where the header has %u",
                        n, tsv->n_cells);
          return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

static CbTsv *
tsv_open (const char         *path,
          const char *const  *required,
          const char *const  *optional,
          GError            **error)
{
  g_autoptr(CbTsv) tsv = g_new0 (CbTsv, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) wanted = NULL;
  g_auto(GStrv) header = NULL;
  gsize length = 0;
  guint n_wanted;

  tsv->path = g_strdup (path);
  contents = read_text_file (path, &length, error);
  if (contents == NULL)
    return NULL;
  tsv->lines = g_strsplit (contents, "\n", -1);

  while (tsv->lines[tsv->next] != NULL && header == NULL)
    {
      char *line = tsv->lines[tsv->next++];

      tsv->line = tsv->next;
      if (*line != '#' && !is_blank (line))
        header = tsv_split (line);
    }
  if (header == NULL)
    {
      g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_MISSING, "%s: no header line", path);
      return NULL;
    }

  g_strv_builder_addv (builder, (const char **) required);
  g_strv_builder_addv (builder, (const char **) optional);
  wanted = g_strv_builder_end (builder);
  n_wanted = g_strv_length (wanted);
  tsv->n_cells = g_strv_length (header);
  tsv->map = g_new (int, n_wanted);
  for (guint i = 0; i < n_wanted; i++)
    tsv->map[i] = -1;

  for (guint c = 0; c < tsv->n_cells; c++)
    {
      guint i = 0;

      while (i < n_wanted && !g_str_equal (wanted[i], header[c]))
        i++;
      if (i == n_wanted)
        {
          g_autofree char *quoted = cb_catalog_excerpt (header[c]);
          cb_tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID, "unknown column “%s”", quoted);
          return NULL;
        }
      if (tsv->map[i] >= 0)
        {
          cb_tsv_error (tsv, error, CB_CATALOG_ERROR_DUPLICATE,
                        "column “%s” appears twice", header[c]);
          return NULL;
        }
      tsv->map[i] = c;
    }
  for (guint i = 0; required[i] != NULL; i++)
    if (tsv->map[i] < 0)
      {
        cb_tsv_error (tsv, error, CB_CATALOG_ERROR_MISSING, "no column “%s”", required[i]);
        return NULL;
      }
  return g_steal_pointer (&tsv);
}

GPtrArray *
cb_tsv_read (const char         *path,
             const char *const  *required,
             const char *const  *optional,
             CbTsvRowFunc        read_row,
             gconstpointer       data,
             GDestroyNotify      free_row,
             GError            **error)
{
  g_autoptr(CbTsv) tsv = tsv_open (path, required, optional, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;

  if (tsv == NULL)
    return NULL;
  while (tsv_next (tsv, &local_error))
    {
      g_autofree char *key = NULL;
      gpointer row = read_row (tsv, data, &key, error);
      guint previous;

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
      previous = GPOINTER_TO_UINT (g_hash_table_lookup (lines, key));
      if (previous != 0)
        {
          cb_tsv_error (tsv, error, CB_CATALOG_ERROR_DUPLICATE, "%s is also listed on line %u",
                        key, previous);
          return NULL;
        }
      g_hash_table_insert (lines, g_steal_pointer (&key), GUINT_TO_POINTER (tsv->line));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

const char *
cb_tsv_cell (CbTsv *tsv,
             guint  column)
{
  int index = tsv->map[column];

  if (index < 0 || *tsv->cells[index] == '\0')
    return NULL;
  return tsv->cells[index];
}
