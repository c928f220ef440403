/* cb-catalog.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cb-catalog.h"
#include "cb-data-dir.h"
#include "cb-kind.h"

G_DEFINE_QUARK (cb-catalog-error-quark, cb_catalog_error)

static const char *const csf_functions[] = { "GV", "ID", "PR", "DE", "RS", "RC", NULL };

/* Longest piece of a file quoted in an error message, in characters. */
#define EXCERPT_CHARS 40

static char *
excerpt (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= EXCERPT_CHARS)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, EXCERPT_CHARS);
  return g_strconcat (head, "…", NULL);
}

/* Parses exactly YYYY-MM-DD. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (i < 4)
        year = year * 10 + g_ascii_digit_value (text[i]);
      else if (i < 7)
        month = month * 10 + g_ascii_digit_value (text[i]);
      else
        day = day * 10 + g_ascii_digit_value (text[i]);
    }
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

const char *
cb_text_get (const CbText *text,
             const char   *lang)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (lang != NULL && g_str_has_prefix (lang, "ja"))
    return text->ja;
  return text->en;
}

static void
text_clear (CbText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->ja, g_free);
}

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

/* Spreadsheets write "Detected At", tools "detected_at": header comparison ignores both. */
static char *
header_fold (const char *text)
{
  char *folded = cb_catalog_normalize (text);
  char *w;

  if (folded == NULL)
    return NULL;
  w = folded;
  for (const char *r = folded; *r != '\0'; r++)
    if (*r != ' ' && *r != '_')
      *w++ = *r;
  *w = '\0';
  return folded;
}

/* Maps the written forms of a vocabulary to values. Most input is written exactly as the
 * vocabulary writes it, so the verbatim table answers without the cost of normalising.
 */
typedef char *(*FoldFunc) (const char *text);

typedef struct
{
  FoldFunc    fold;
  GHashTable *verbatim;
  GHashTable *folded;
} FoldTable;

static FoldTable *
fold_table_new (FoldFunc fold)
{
  FoldTable *table = g_new0 (FoldTable, 1);

  table->fold = fold;
  table->verbatim = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return table;
}

static void
fold_table_free (FoldTable *table)
{
  g_hash_table_unref (table->verbatim);
  g_hash_table_unref (table->folded);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FoldTable, fold_table_free)

/* Adds @text for @value. Returns the other value @text already stands for, or NULL. A form
 * that folds to nothing never matches and is not added.
 */
static gconstpointer
fold_table_add (FoldTable     *table,
                const char    *text,
                gconstpointer  value)
{
  g_autofree char *key = table->fold (text);
  gpointer existing;

  g_assert (key != NULL);
  if (*key == '\0')
    return NULL;
  existing = g_hash_table_lookup (table->folded, key);
  if (existing != NULL && existing != value)
    return existing;
  g_hash_table_replace (table->folded, g_steal_pointer (&key), (gpointer) value);
  g_hash_table_replace (table->verbatim, g_strdup (text), (gpointer) value);
  return NULL;
}

static gconstpointer
fold_table_lookup (FoldTable  *table,
                   const char *text)
{
  g_autofree char *key = NULL;
  gpointer value = g_hash_table_lookup (table->verbatim, text);

  if (value != NULL)
    return value;
  key = table->fold (text);
  if (key == NULL || *key == '\0')
    return NULL;
  return g_hash_table_lookup (table->folded, key);
}

/* An .ini file read with GKeyFile, plus the line of every group and key: GKeyFile reports
 * neither, and it silently merges a repeated group and keeps the last of a repeated key.
 */
typedef struct
{
  char       *path;
  GKeyFile   *keys;
  GHashTable *lines;  /* "group" and "group\x1fkey" -> line number */
} IniFile;

static void
ini_file_free (IniFile *ini)
{
  g_free (ini->path);
  g_key_file_free (ini->keys);
  g_hash_table_unref (ini->lines);
  g_free (ini);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IniFile, ini_file_free)

static char *
line_id (const char *group,
         const char *key)
{
  if (key == NULL)
    return g_strdup (group);
  return g_strconcat (group, "\x1f", key, NULL);
}

static guint
ini_line (IniFile    *ini,
          const char *group,
          const char *key)
{
  g_autofree char *id = line_id (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (ini->lines, id));
}

/* Sets "PATH:LINE: [GROUP] KEY: message", citing the key's line when the key is in the file,
 * else the group's.
 */
G_GNUC_PRINTF (6, 7)
static void
ini_error (IniFile         *ini,
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
    line = ini_line (ini, group, key);
  if (line != 0)
    place = g_strdup_printf ("[%s] %s", group, key);
  else if (group != NULL)
    {
      line = ini_line (ini, group, NULL);
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
ini_scan_error (IniFile         *ini,
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

static gboolean
ini_scan (IniFile     *ini,
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
              g_autofree char *quoted = excerpt (line);
              return ini_scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                                     "“%s” is not a valid group header", quoted);
            }
          g_free (group);
          group = g_strndup (line + 1, length - 2);
          previous = ini_line (ini, group, NULL);
          if (previous != 0)
            return ini_scan_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, number,
                                   "[%s] repeats the group of line %u", group, previous);
          g_hash_table_insert (ini->lines, g_strdup (group), GUINT_TO_POINTER (number));
          continue;
        }

      equals = strchr (line, '=');
      if (equals == NULL)
        {
          g_autofree char *quoted = excerpt (line);
          return ini_scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                                 "“%s” is neither a group, a Key=value line nor a comment", quoted);
        }
      if (group == NULL)
        return ini_scan_error (ini, error, CB_CATALOG_ERROR_SYNTAX, number,
                               "a key before the first [group]");

      key = g_strchomp (g_strndup (line, equals - line));
      id = line_id (group, key);
      previous = GPOINTER_TO_UINT (g_hash_table_lookup (ini->lines, id));
      if (previous != 0)
        return ini_scan_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, number,
                               "[%s] %s repeats the key of line %u", group, key, previous);
      g_hash_table_insert (ini->lines, g_steal_pointer (&id), GUINT_TO_POINTER (number));
    }
  return TRUE;
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

static IniFile *
ini_file_load (const char  *path,
               GError     **error)
{
  g_autoptr(IniFile) ini = g_new0 (IniFile, 1);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  ini->path = g_strdup (path);
  ini->keys = g_key_file_new ();
  ini->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  contents = read_text_file (path, &length, error);
  if (contents == NULL || !ini_scan (ini, contents, error))
    return NULL;
  /* Without KEEP_TRANSLATIONS GKeyFile drops every Key[ja] unless the process runs in Japanese. */
  if (!g_key_file_load_from_data (ini->keys, contents, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_SYNTAX, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&ini);
}

/* Codes and ids become parts of keys such as "CSMG.D3", so they hold no dots or spaces. */
static gboolean
ini_check_identifier (IniFile     *ini,
                      const char  *group,
                      const char  *key,
                      const char  *text,
                      GError     **error)
{
  gboolean valid = *text != '\0';

  for (const char *p = text; *p != '\0' && valid; p++)
    valid = g_ascii_isalnum (*p) || *p == '-' || *p == '_';
  if (!valid)
    ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key,
               "“%s” may hold only letters, digits, - and _", text);
  return valid;
}

/* A group is known when it equals a name of @known or, for a name ending in a space, starts
 * with it ("Item " covers "[Item D1]").
 */
static gboolean
ini_check_groups (IniFile            *ini,
                  const char *const  *known,
                  GError            **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (ini->keys, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; known[k] != NULL && !found; k++)
        {
          if (g_str_has_suffix (known[k], " "))
            found = g_str_has_prefix (groups[i], known[k]) && groups[i][strlen (known[k])] != '\0';
          else
            found = g_str_equal (groups[i], known[k]);
        }
      if (!found)
        {
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, groups[i], NULL, "unknown group");
          return FALSE;
        }
    }
  return TRUE;
}

/* Rejects keys the loader would ignore, so that a misspelt key is not silently lost. Only the
 * Japanese translation of a key is read.
 */
static gboolean
ini_check_keys (IniFile            *ini,
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
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, keys[i],
                     "only [ja] translations are read");
          return FALSE;
        }
      if (!g_strv_contains (known, base))
        {
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, keys[i], "unknown key");
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads a string value, trimmed. An absent or empty optional key gives *out = NULL. */
static gboolean
ini_string (IniFile     *ini,
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
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL, "missing key “%s”", key);
      return FALSE;
    }
  value = g_key_file_get_string (ini->keys, group, key, &local_error);
  if (value == NULL)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_SYNTAX, group, key, "%s", local_error->message);
      return FALSE;
    }
  g_strstrip (value);
  if (*value == '\0')
    {
      if (!required)
        return TRUE;
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, key, "is empty");
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* Reads Key and Key[ja]; when only one is given, both languages show it. */
static gboolean
ini_text (IniFile     *ini,
          const char  *group,
          const char  *key,
          gboolean     required,
          CbText      *out,
          GError     **error)
{
  g_autofree char *ja_key = g_strconcat (key, "[ja]", NULL);
  g_autofree char *en = NULL;
  g_autofree char *ja = NULL;

  if (!ini_string (ini, group, key, FALSE, &en, error) ||
      !ini_string (ini, group, ja_key, FALSE, &ja, error))
    return FALSE;
  if (en == NULL && ja == NULL && required)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL, "missing key “%s” or “%s”", key,
                 ja_key);
      return FALSE;
    }
  out->en = g_strdup (en != NULL ? en : ja);
  out->ja = g_strdup (ja != NULL ? ja : en);
  return TRUE;
}

static gboolean
ini_uint (IniFile     *ini,
          const char  *group,
          const char  *key,
          guint       *out,
          GError     **error)
{
  g_autofree char *value = NULL;
  guint64 number = 0;

  if (!ini_string (ini, group, key, TRUE, &value, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &number, NULL))
    {
      g_autofree char *quoted = excerpt (value);
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key,
                 "“%s” is not a whole number", quoted);
      return FALSE;
    }
  *out = number;
  return TRUE;
}

static gboolean
ini_number (IniFile     *ini,
            const char  *group,
            const char  *key,
            gboolean    *present,
            double      *out,
            GError     **error)
{
  g_autofree char *value = NULL;

  if (!ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  *present = value != NULL;
  if (value != NULL && !parse_number (value, out))
    {
      g_autofree char *quoted = excerpt (value);
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key, "“%s” is not a number", quoted);
      return FALSE;
    }
  return TRUE;
}

/* An absent boolean is false. */
static gboolean
ini_boolean (IniFile     *ini,
             const char  *group,
             const char  *key,
             gboolean    *out,
             GError     **error)
{
  g_autofree char *value = NULL;

  if (!ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  *out = g_strcmp0 (value, "true") == 0;
  if (value != NULL && !*out && !g_str_equal (value, "false"))
    {
      g_autofree char *quoted = excerpt (value);
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key,
                 "“%s” is neither true nor false", quoted);
      return FALSE;
    }
  return TRUE;
}

/* An absent date leaves @out cleared (invalid). */
static gboolean
ini_date (IniFile     *ini,
          const char  *group,
          const char  *key,
          GDate       *out,
          GError     **error)
{
  g_autofree char *value = NULL;

  g_date_clear (out, 1);
  if (!ini_string (ini, group, key, FALSE, &value, error))
    return FALSE;
  if (value != NULL && !parse_date (value, out))
    {
      g_autofree char *quoted = excerpt (value);
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key,
                 "“%s” is not a valid date (YYYY-MM-DD)", quoted);
      return FALSE;
    }
  return TRUE;
}

/* Reads a ;-separated list with its elements trimmed and empty ones dropped. */
static gboolean
ini_list (IniFile     *ini,
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
          ini_error (ini, error, CB_CATALOG_ERROR_SYNTAX, group, key, "%s", local_error->message);
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
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, key, "is empty");
      return FALSE;
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Reads one of @choices; an absent key gives @fallback, or is an error when that is NULL. */
static gboolean
ini_choice (IniFile            *ini,
            const char         *group,
            const char         *key,
            const char *const  *choices,
            const char         *fallback,
            char              **out,
            GError            **error)
{
  g_autofree char *value = NULL;

  if (!ini_string (ini, group, key, fallback == NULL, &value, error))
    return FALSE;
  if (value == NULL)
    {
      *out = g_strdup (fallback);
      return TRUE;
    }
  if (!g_strv_contains (choices, value))
    {
      g_autofree char *quoted = excerpt (value);
      g_autofree char *list = g_strjoinv (", ", (GStrv) choices);
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, key, "“%s” is not one of %s", quoted,
                 list);
      return FALSE;
    }
  *out = g_steal_pointer (&value);
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

/* Returns the groups named "@prefix N" ordered by N, which must run on without gaps and, unless
 * @first is negative, start at @first. The names point into @groups.
 */
static GArray *
ini_numbered_groups (IniFile      *ini,
                     GStrv         groups,
                     const char   *prefix,
                     int           first,
                     GError      **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (NumberedGroup));
  gsize prefix_length = strlen (prefix);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      NumberedGroup entry = { 0, groups[i] };
      guint64 number = 0;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      if (!g_ascii_string_to_unsigned (groups[i] + prefix_length, 10, 0, G_MAXINT, &number, NULL))
        {
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, groups[i], NULL,
                     "“%s” is not a whole number",
                     groups[i] + prefix_length);
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
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, lowest->group, NULL,
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
          ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, entry->group, NULL,
                     "the same number as [%s]", before->group);
          return NULL;
        }
      if (entry->number != before->number + 1)
        {
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, entry->group, NULL,
                     "no [%s%u] before it", prefix, before->number + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&found);
}

/* A tab-separated table: '#' lines are comments, the first other line names the columns. */
typedef struct
{
  char   *path;
  GStrv   lines;
  guint   next;     /* index of the line to read next */
  guint   line;     /* 1-based number of the current row's line */
  guint   n_cells;  /* columns of the header */
  int    *map;      /* wanted column -> cell index, -1 when the file lacks it */
  GStrv   cells;    /* the current row */
} TsvFile;

static void
tsv_file_free (TsvFile *tsv)
{
  g_free (tsv->path);
  g_strfreev (tsv->lines);
  g_free (tsv->map);
  g_strfreev (tsv->cells);
  g_free (tsv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsvFile, tsv_file_free)

G_GNUC_PRINTF (4, 5)
static void
tsv_error (TsvFile         *tsv,
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
tsv_file_next (TsvFile  *tsv,
               GError  **error)
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
          tsv_error (tsv, error, CB_CATALOG_ERROR_SYNTAX, "%u columns where the header has %u", n,
                     tsv->n_cells);
          return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

/* Opens a table whose header must name every column of @required and may name those of
 * @optional; columns are numbered in that order for tsv_file_cell().
 */
static TsvFile *
tsv_file_open (const char         *path,
               const char *const  *required,
               const char *const  *optional,
               GError            **error)
{
  g_autoptr(TsvFile) tsv = g_new0 (TsvFile, 1);
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
          g_autofree char *quoted = excerpt (header[c]);
          tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID, "unknown column “%s”", quoted);
          return NULL;
        }
      if (tsv->map[i] >= 0)
        {
          tsv_error (tsv, error, CB_CATALOG_ERROR_DUPLICATE,
                     "column “%s” appears twice", header[c]);
          return NULL;
        }
      tsv->map[i] = c;
    }
  for (guint i = 0; required[i] != NULL; i++)
    if (tsv->map[i] < 0)
      {
        tsv_error (tsv, error, CB_CATALOG_ERROR_MISSING, "no column “%s”", required[i]);
        return NULL;
      }
  return g_steal_pointer (&tsv);
}

/* The current row's cell of wanted @column, NULL when the file lacks the column or the cell is
 * empty.
 */
static const char *
tsv_file_cell (TsvFile *tsv,
               guint    column)
{
  int index = tsv->map[column];

  if (index < 0 || *tsv->cells[index] == '\0')
    return NULL;
  return tsv->cells[index];
}

struct _CbScale
{
  int     min;
  GArray *levels;  /* CbScaleLevel, by value from min */
};

static void
scale_level_clear (gpointer data)
{
  CbScaleLevel *level = data;

  text_clear (&level->label);
  text_clear (&level->meaning);
}

static void
scale_free (CbScale *scale)
{
  g_array_unref (scale->levels);
  g_free (scale);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbScale, scale_free)

int
cb_scale_get_min (CbScale *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min;
}

int
cb_scale_get_max (CbScale *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min + (int) self->levels->len - 1;
}

const CbScaleLevel *
cb_scale_get_level (CbScale *self,
                    int      value)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (value < self->min || value > cb_scale_get_max (self))
    return NULL;
  return &g_array_index (self->levels, CbScaleLevel, value - self->min);
}

/* Reads the "@prefix N" groups; *out is NULL when the file has none. */
static gboolean
scale_load (IniFile      *ini,
            GStrv         groups,
            const char   *prefix,
            CbScale     **out,
            GError      **error)
{
  static const char *const keys[] = { "Label", "Meaning", NULL };
  g_autoptr(GArray) numbered = ini_numbered_groups (ini, groups, prefix, -1, error);
  g_autoptr(CbScale) scale = NULL;

  *out = NULL;
  if (numbered == NULL)
    return FALSE;
  if (numbered->len == 0)
    return TRUE;

  scale = g_new0 (CbScale, 1);
  scale->min = g_array_index (numbered, NumberedGroup, 0).number;
  scale->levels = g_array_new (FALSE, TRUE, sizeof (CbScaleLevel));
  g_array_set_clear_func (scale->levels, scale_level_clear);

  for (guint i = 0; i < numbered->len; i++)
    {
      const NumberedGroup *entry = &g_array_index (numbered, NumberedGroup, i);
      CbScaleLevel *level;

      g_array_set_size (scale->levels, i + 1);
      level = &g_array_index (scale->levels, CbScaleLevel, i);
      level->value = entry->number;
      if (!ini_check_keys (ini, entry->group, keys, error) ||
          !ini_text (ini, entry->group, "Label", TRUE, &level->label, error) ||
          !ini_text (ini, entry->group, "Meaning", FALSE, &level->meaning, error))
        return FALSE;
    }
  *out = g_steal_pointer (&scale);
  return TRUE;
}

/* The values of scales that the workbook's schema fixes (maturity 0–5, ratings 1–4). */
static gboolean
scale_check_range (IniFile     *ini,
                   CbScale     *scale,
                   const char  *prefix,
                   int          min,
                   int          max,
                   GError     **error)
{
  if (scale == NULL || scale->min != min || cb_scale_get_max (scale) != max)
    {
      ini_error (ini, error, scale == NULL ? CB_CATALOG_ERROR_MISSING : CB_CATALOG_ERROR_INVALID,
                 NULL, NULL, "the scale must run from [%s%d] to [%s%d]", prefix, min, prefix, max);
      return FALSE;
    }
  return TRUE;
}

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
  FoldTable       *forms;       /* every written form of an item -> CbFrameworkItem */
};

G_DEFINE_BOXED_TYPE (CbFramework, cb_framework, cb_framework_ref, cb_framework_unref)

static void
principle_clear (gpointer data)
{
  text_clear (data);
}

static void
group_clear (gpointer data)
{
  CbFrameworkGroup *group = data;

  text_clear (&group->name);
}

static void
item_clear (gpointer data)
{
  CbFrameworkItem *item = data;

  g_free (item->key);
  g_free (item->id);
  text_clear (&item->title);
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
  text_clear (&self->name);
  text_clear (&self->publisher);
  g_array_unref (self->principles);
  g_array_unref (self->groups);
  g_array_unref (self->items);
  g_clear_pointer (&self->scale, scale_free);
  g_clear_pointer (&self->forms, fold_table_free);
  g_free (self);
}

static gboolean
framework_load_header (CbFramework  *self,
                       IniFile      *ini,
                       GStrv        *prefixes,
                       GError      **error)
{
  static const char *const keys[] = {
    "Code", "Version", "Default", "Published", "Name", "Publisher", "NumberPrefix", NULL
  };
  const char *group = "Framework";

  if (!g_key_file_has_group (ini->keys, group))
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [Framework] group");
      return FALSE;
    }
  if (!ini_check_keys (ini, group, keys, error) ||
      !ini_string (ini, group, "Code", TRUE, &self->code, error) ||
      !ini_string (ini, group, "Version", TRUE, &self->version, error) ||
      !ini_boolean (ini, group, "Default", &self->is_default, error) ||
      !ini_date (ini, group, "Published", &self->published, error) ||
      !ini_text (ini, group, "Name", TRUE, &self->name, error) ||
      !ini_text (ini, group, "Publisher", FALSE, &self->publisher, error) ||
      !ini_list (ini, group, "NumberPrefix", FALSE, prefixes, error))
    return FALSE;
  return ini_check_identifier (ini, group, "Code", self->code, error);
}

static gboolean
framework_load_principles (CbFramework  *self,
                           IniFile      *ini,
                           GStrv         groups,
                           GError      **error)
{
  static const char *const keys[] = { "Text", NULL };
  g_autoptr(GArray) numbered = ini_numbered_groups (ini, groups, "Principle ", 1, error);

  if (numbered == NULL)
    return FALSE;
  for (guint i = 0; i < numbered->len; i++)
    {
      const char *group = g_array_index (numbered, NumberedGroup, i).group;

      g_array_set_size (self->principles, i + 1);
      if (!ini_check_keys (ini, group, keys, error) ||
          !ini_text (ini, group, "Text", TRUE, &g_array_index (self->principles, CbText, i), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
framework_load_groups (CbFramework  *self,
                       IniFile      *ini,
                       GStrv         groups,
                       GError      **error)
{
  static const char *const keys[] = { "Name", "ToConfirm", NULL };
  g_autoptr(GArray) numbered = ini_numbered_groups (ini, groups, "Group ", 1, error);

  if (numbered == NULL)
    return FALSE;
  for (guint i = 0; i < numbered->len; i++)
    {
      const char *group = g_array_index (numbered, NumberedGroup, i).group;
      CbFrameworkGroup *entry;

      g_array_set_size (self->groups, i + 1);
      entry = &g_array_index (self->groups, CbFrameworkGroup, i);
      if (!ini_check_keys (ini, group, keys, error) ||
          !ini_text (ini, group, "Name", TRUE, &entry->name, error) ||
          !ini_boolean (ini, group, "ToConfirm", &entry->to_confirm, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
framework_load_item (CbFramework      *self,
                     IniFile          *ini,
                     const char       *group,
                     CbFrameworkItem  *item,
                     GError          **error)
{
  static const char *const keys[] = { "Number", "Group", "Title", "CSF", "ToConfirm", NULL };
  const char *id = group + strlen ("Item ");

  if (!ini_check_identifier (ini, group, NULL, id, error))
    return FALSE;
  item->id = g_strdup (id);
  item->key = g_strconcat (self->code, ".", id, NULL);
  item->group = -1;

  if (!ini_check_keys (ini, group, keys, error) ||
      !ini_uint (ini, group, "Number", &item->number, error) ||
      !ini_text (ini, group, "Title", TRUE, &item->title, error) ||
      !ini_list (ini, group, "CSF", FALSE, &item->csf, error) ||
      !ini_boolean (ini, group, "ToConfirm", &item->to_confirm, error))
    return FALSE;

  if (item->number == 0)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Number",
                 "items are numbered from 1");
      return FALSE;
    }

  if (self->groups->len > 0)
    {
      guint number = 0;

      if (!ini_uint (ini, group, "Group", &number, error))
        return FALSE;
      if (number < 1 || number > self->groups->len)
        {
          ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Group", "no [Group %u]", number);
          return FALSE;
        }
      item->group = number - 1;
    }
  else if (g_key_file_has_key (ini->keys, group, "Group", NULL))
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Group", "the file has no [Group N]");
      return FALSE;
    }

  for (guint i = 0; item->csf[i] != NULL; i++)
    if (!g_strv_contains (csf_functions, item->csf[i]))
      {
        g_autofree char *quoted = excerpt (item->csf[i]);
        ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "CSF",
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
                      IniFile      *ini,
                      GStrv         groups,
                      GError      **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      CbFrameworkItem *item;

      if (!g_str_has_prefix (groups[i], "Item "))
        continue;
      g_array_set_size (self->items, self->items->len + 1);
      item = &g_array_index (self->items, CbFrameworkItem, self->items->len - 1);
      if (!framework_load_item (self, ini, groups[i], item, error))
        return FALSE;
    }
  if (self->items->len == 0)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [Item …] groups");
      return FALSE;
    }

  g_array_sort (self->items, item_compare);
  for (guint i = 1; i < self->items->len; i++)
    {
      const CbFrameworkItem *before = &g_array_index (self->items, CbFrameworkItem, i - 1);
      const CbFrameworkItem *item = &g_array_index (self->items, CbFrameworkItem, i);

      if (item->number == before->number)
        {
          g_autofree char *group = g_strconcat ("Item ", item->id, NULL);
          ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, group, "Number",
                     "%u is also the number of [Item %s]",
                     item->number, before->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Indexes every form an item may be written in: "CSMG.D3", "D3", "3" and "指示3". */
static gboolean
framework_index_items (CbFramework         *self,
                       IniFile             *ini,
                       const char *const   *prefixes,
                       GError             **error)
{
  self->forms = fold_table_new (header_fold);

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
          const CbFrameworkItem *other = fold_table_add (self->forms, form, item);

          if (other != NULL)
            {
              g_autofree char *group = g_strconcat ("Item ", item->id, NULL);
              ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, group, NULL,
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
  g_autoptr(IniFile) ini = NULL;
  g_autoptr(CbFramework) self = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) prefixes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ini = ini_file_load (path, error);
  if (ini == NULL)
    return NULL;
  groups = g_key_file_get_groups (ini->keys, NULL);
  self = framework_new ();
  if (!ini_check_groups (ini, known, error) ||
      !framework_load_header (self, ini, &prefixes, error) ||
      !framework_load_principles (self, ini, groups, error) ||
      !framework_load_groups (self, ini, groups, error) ||
      !framework_load_items (self, ini, groups, error) ||
      !framework_index_items (self, ini, (const char *const *) prefixes, error) ||
      !scale_load (ini, groups, "Level ", &self->scale, error))
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

  return fold_table_lookup (self->forms, text);
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

typedef struct
{
  double   score;
  gboolean excluded;
} Answer;

struct _CbAnswerVocab
{
  gatomicrefcount  ref_count;
  GPtrArray       *answers;  /* Answer, one per meaning */
  FoldTable       *forms;    /* written answer -> Answer */
};

G_DEFINE_BOXED_TYPE (CbAnswerVocab, cb_answer_vocab, cb_answer_vocab_ref, cb_answer_vocab_unref)

CbAnswerVocab *
cb_answer_vocab_new (void)
{
  CbAnswerVocab *self = g_new0 (CbAnswerVocab, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->answers = g_ptr_array_new_with_free_func (g_free);
  self->forms = fold_table_new (cb_catalog_normalize);
  return self;
}

CbAnswerVocab *
cb_answer_vocab_ref (CbAnswerVocab *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cb_answer_vocab_unref (CbAnswerVocab *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->answers);
  fold_table_free (self->forms);
  g_free (self);
}

gboolean
cb_answer_vocab_add (CbAnswerVocab  *self,
                     const char     *answer,
                     double          score,
                     gboolean        excluded,
                     GError        **error)
{
  Answer *meaning = NULL;
  const Answer *other;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (answer != NULL && g_utf8_validate (answer, -1, NULL), FALSE);
  g_return_val_if_fail (excluded || (score >= 0 && score <= 1), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (excluded)
    score = 0;
  for (guint i = 0; i < self->answers->len && meaning == NULL; i++)
    {
      Answer *known = g_ptr_array_index (self->answers, i);

      if (known->excluded == excluded && known->score == score)
        meaning = known;
    }
  if (meaning == NULL)
    {
      meaning = g_new (Answer, 1);
      meaning->score = score;
      meaning->excluded = excluded;
      g_ptr_array_add (self->answers, meaning);
    }

  other = fold_table_add (self->forms, answer, meaning);
  if (other != NULL)
    {
      g_autofree char *quoted = excerpt (answer);

      if (other->excluded)
        g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE,
                     "“%s” is already accepted as excluded", quoted);
      else
        g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE,
                     "“%s” is already accepted with score %g", quoted, other->score);
      return FALSE;
    }
  return TRUE;
}

static gboolean
answer_vocab_load_group (CbAnswerVocab  *self,
                         IniFile        *ini,
                         const char     *group,
                         GError        **error)
{
  static const char *const keys[] = { "Score", "Excluded", "Accept", NULL };
  g_auto(GStrv) accept = NULL;
  gboolean has_score = FALSE;
  gboolean excluded = FALSE;
  double score = 0;

  if (!ini_check_keys (ini, group, keys, error) ||
      !ini_number (ini, group, "Score", &has_score, &score, error) ||
      !ini_boolean (ini, group, "Excluded", &excluded, error) ||
      !ini_list (ini, group, "Accept", TRUE, &accept, error))
    return FALSE;
  if (has_score == excluded)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, NULL,
                 "give either Score or Excluded=true");
      return FALSE;
    }
  if (has_score && (score < 0 || score > 1))
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Score",
                 "%g is not between 0 and 1", score);
      return FALSE;
    }
  for (guint i = 0; accept[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cb_answer_vocab_add (self, accept[i], score, excluded, &local_error))
        {
          ini_error (ini, error, local_error->code, group, "Accept", "%s", local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

CbAnswerVocab *
cb_answer_vocab_new_from_file (const char  *path,
                               GError     **error)
{
  static const char *const known[] = { "Answer ", NULL };
  g_autoptr(IniFile) ini = NULL;
  g_autoptr(CbAnswerVocab) self = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ini = ini_file_load (path, error);
  if (ini == NULL || !ini_check_groups (ini, known, error))
    return NULL;
  groups = g_key_file_get_groups (ini->keys, NULL);
  if (groups[0] == NULL)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [Answer …] groups");
      return NULL;
    }
  self = cb_answer_vocab_new ();
  for (guint i = 0; groups[i] != NULL; i++)
    if (!answer_vocab_load_group (self, ini, groups[i], error))
      return NULL;
  return g_steal_pointer (&self);
}

gboolean
cb_answer_vocab_match (CbAnswerVocab *self,
                       const char    *text,
                       double        *score,
                       gboolean      *excluded)
{
  const Answer *answer;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  answer = fold_table_lookup (self->forms, text);
  if (answer == NULL)
    return FALSE;
  if (score != NULL)
    *score = answer->score;
  if (excluded != NULL)
    *excluded = answer->excluded;
  return TRUE;
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
  GHashTable    *headers;        /* import kind -> FoldTable of field names */
  GHashTable    *enums;          /* field -> FoldTable of canonical values */
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
  text_clear (&criterion->title);
  text_clear (&criterion->text);
  g_free (criterion);
}

static void
kpi_free (gpointer data)
{
  CbCatalogKpi *kpi = data;

  g_free (kpi->code);
  text_clear (&kpi->name);
  text_clear (&kpi->description);
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
  text_clear (&holiday->name);
  g_free (holiday);
}

static GHashTable *
fold_tables_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fold_table_free);
}

static void
cb_catalog_finalize (GObject *object)
{
  CbCatalog *self = CB_CATALOG (object);

  g_ptr_array_unref (self->frameworks);
  g_clear_pointer (&self->maturity_levels, scale_free);
  g_ptr_array_unref (self->criteria);
  g_clear_pointer (&self->ratings, scale_free);
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
  for (guint i = 0; i < self->frameworks->len; i++)
    {
      CbFramework *known = g_ptr_array_index (self->frameworks, i);

      if (g_str_equal (known->code, framework->code) &&
          g_str_equal (known->version, framework->version))
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
      id = g_strconcat (framework->code, " ", framework->version, NULL);
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

gboolean
cb_catalog_load_maturity_levels (CbCatalog   *self,
                                 const char  *path,
                                 GError     **error)
{
  static const char *const known[] = { "Level ", NULL };
  g_autoptr(IniFile) ini = NULL;
  g_autoptr(CbScale) levels = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = ini_file_load (path, error);
  if (ini == NULL || !ini_check_groups (ini, known, error))
    return FALSE;
  groups = g_key_file_get_groups (ini->keys, NULL);
  if (!scale_load (ini, groups, "Level ", &levels, error) ||
      !scale_check_range (ini, levels, "Level ", 0, 5, error))
    return FALSE;

  g_clear_pointer (&self->maturity_levels, scale_free);
  self->maturity_levels = g_steal_pointer (&levels);
  return TRUE;
}

static gboolean
criterion_load (CbCriterion  *criterion,
                IniFile      *ini,
                const char   *group,
                GError      **error)
{
  static const char *const keys[] = { "Title", "Text", NULL };
  const char *key = group + strlen ("Criterion ");

  if (!ini_check_identifier (ini, group, NULL, key, error))
    return FALSE;
  criterion->key = g_strdup (key);
  return ini_check_keys (ini, group, keys, error) &&
         ini_text (ini, group, "Title", TRUE, &criterion->title, error) &&
         ini_text (ini, group, "Text", TRUE, &criterion->text, error);
}

gboolean
cb_catalog_load_criteria (CbCatalog   *self,
                          const char  *path,
                          GError     **error)
{
  static const char *const known[] = { "Criterion ", "Rating ", NULL };
  g_autoptr(IniFile) ini = NULL;
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func (criterion_free);
  g_autoptr(CbScale) ratings = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = ini_file_load (path, error);
  if (ini == NULL || !ini_check_groups (ini, known, error))
    return FALSE;
  groups = g_key_file_get_groups (ini->keys, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      CbCriterion *criterion;

      if (!g_str_has_prefix (groups[i], "Criterion "))
        continue;
      criterion = g_new0 (CbCriterion, 1);
      g_ptr_array_add (criteria, criterion);
      if (!criterion_load (criterion, ini, groups[i], error))
        return FALSE;
    }
  if (criteria->len == 0)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [Criterion …] groups");
      return FALSE;
    }
  if (!scale_load (ini, groups, "Rating ", &ratings, error) ||
      !scale_check_range (ini, ratings, "Rating ", 1, 4, error))
    return FALSE;

  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  g_clear_pointer (&self->ratings, scale_free);
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
kpi_load (CbCatalogKpi  *kpi,
          IniFile       *ini,
          const char    *group,
          GError       **error)
{
  static const char *const keys[] = {
    "Name", "Description", "Unit", "Direction", "Target", "Band", "Source", "ComputedKey",
    "Confidentiality", NULL
  };
  const char *code = group + strlen ("KPI ");
  gboolean has_band = FALSE;

  if (!ini_check_identifier (ini, group, NULL, code, error))
    return FALSE;
  kpi->code = g_strdup (code);

  if (!ini_check_keys (ini, group, keys, error) ||
      !ini_text (ini, group, "Name", TRUE, &kpi->name, error) ||
      !ini_text (ini, group, "Description", FALSE, &kpi->description, error) ||
      !ini_choice (ini, group, "Unit", kpi_field_values ("unit"), NULL, &kpi->unit, error) ||
      !ini_choice (ini, group, "Direction", kpi_field_values ("direction"), NULL, &kpi->direction,
                   error) ||
      !ini_number (ini, group, "Target", &kpi->has_target, &kpi->target, error) ||
      !ini_number (ini, group, "Band", &has_band, &kpi->band, error) ||
      !ini_choice (ini, group, "Source", kpi_field_values ("source"), "manual", &kpi->source,
                   error) ||
      !ini_string (ini, group, "ComputedKey", FALSE, &kpi->computed_key, error) ||
      !ini_choice (ini, group, "Confidentiality", kpi_field_values ("confidentiality"), "board",
                   &kpi->confidentiality, error))
    return FALSE;

  if (has_band && !kpi->has_target)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Band", "a band needs a Target");
      return FALSE;
    }
  if (kpi->band < 0)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Band", "%g is negative", kpi->band);
      return FALSE;
    }
  if (g_str_equal (kpi->source, "computed") && kpi->computed_key == NULL)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, group, NULL,
                 "missing key “ComputedKey” of a computed KPI");
      return FALSE;
    }
  if (!g_str_equal (kpi->source, "computed") && kpi->computed_key != NULL)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "ComputedKey",
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
  g_autoptr(IniFile) ini = NULL;
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (kpi_free);
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ini = ini_file_load (path, error);
  if (ini == NULL || !ini_check_groups (ini, known, error))
    return FALSE;
  groups = g_key_file_get_groups (ini->keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      CbCatalogKpi *kpi = g_new0 (CbCatalogKpi, 1);

      g_ptr_array_add (kpis, kpi);
      if (!kpi_load (kpi, ini, groups[i], error))
        return FALSE;
    }
  if (kpis->len == 0)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no [KPI …] groups");
      return FALSE;
    }

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

/* Reads a file of [name] groups whose keys are the values a text may stand for and whose lists
 * give the other ways to write each; the key itself is one of them.
 */
static GHashTable *
vocabularies_load (const char  *path,
                   FoldFunc     fold,
                   GError     **error)
{
  g_autoptr(IniFile) ini = ini_file_load (path, error);
  g_autoptr(GHashTable) tables = fold_tables_new ();
  g_auto(GStrv) groups = NULL;

  if (ini == NULL)
    return NULL;
  groups = g_key_file_get_groups (ini->keys, NULL);
  if (groups[0] == NULL)
    {
      ini_error (ini, error, CB_CATALOG_ERROR_MISSING, NULL, NULL, "no groups");
      return NULL;
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (ini->keys, groups[i], NULL, NULL);
      FoldTable *table = fold_table_new (fold);

      g_hash_table_insert (tables, g_strdup (groups[i]), table);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *value = g_intern_string (keys[k]);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) aliases = NULL;
          g_auto(GStrv) forms = NULL;

          if (strchr (keys[k], '[') != NULL)
            {
              ini_error (ini, error, CB_CATALOG_ERROR_INVALID, groups[i], keys[k],
                         "translations do not apply here");
              return NULL;
            }
          if (!ini_list (ini, groups[i], keys[k], FALSE, &aliases, error))
            return NULL;
          g_strv_builder_add (builder, keys[k]);
          g_strv_builder_addv (builder, (const char **) aliases);
          forms = g_strv_builder_end (builder);
          for (guint f = 0; forms[f] != NULL; f++)
            {
              const char *form = forms[f];
              const char *other = fold_table_add (table, form, value);

              if (other != NULL)
                {
                  g_autofree char *quoted = excerpt (form);
                  ini_error (ini, error, CB_CATALOG_ERROR_DUPLICATE, groups[i], keys[k],
                             "“%s” already stands for “%s”", quoted, other);
                  return NULL;
                }
            }
        }
    }
  return g_steal_pointer (&tables);
}

gboolean
cb_catalog_load_header_aliases (CbCatalog   *self,
                                const char  *path,
                                GError     **error)
{
  GHashTable *headers;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  headers = vocabularies_load (path, header_fold, error);
  if (headers == NULL)
    return FALSE;
  g_hash_table_unref (self->headers);
  self->headers = headers;
  return TRUE;
}

gboolean
cb_catalog_load_enumerations (CbCatalog   *self,
                              const char  *path,
                              GError     **error)
{
  GHashTable *enums;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  enums = vocabularies_load (path, cb_catalog_normalize, error);
  if (enums == NULL)
    return FALSE;
  g_hash_table_unref (self->enums);
  self->enums = enums;
  return TRUE;
}

static int
dwell_reference_compare (gconstpointer a,
                         gconstpointer b)
{
  const CbDwellReference *x = *(const CbDwellReference *const *) a;
  const CbDwellReference *y = *(const CbDwellReference *const *) b;

  return (x->year > y->year) - (x->year < y->year);
}

static CbDwellReference *
dwell_reference_read (TsvFile  *tsv,
                      GError  **error)
{
  const char *year = tsv_file_cell (tsv, 0);
  const char *days = tsv_file_cell (tsv, 1);
  const char *to_confirm = tsv_file_cell (tsv, 2);
  CbDwellReference *reference;
  guint64 number = 0;
  double median = 0;

  if (year == NULL || !g_ascii_string_to_unsigned (year, 10, 1900, 9999, &number, NULL))
    {
      g_autofree char *quoted = excerpt (year ? year : "");
      tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID, "year “%s” is not a year", quoted);
      return NULL;
    }
  if (days == NULL || !parse_number (days, &median) || median < 0)
    {
      g_autofree char *quoted = excerpt (days ? days : "");
      tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                 "median_days “%s” is not a number of days", quoted);
      return NULL;
    }
  if (g_strcmp0 (to_confirm, "yes") != 0 && g_strcmp0 (to_confirm, "no") != 0)
    {
      g_autofree char *quoted = excerpt (to_confirm ? to_confirm : "");
      tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                 "to_confirm “%s” is neither yes nor no", quoted);
      return NULL;
    }

  reference = g_new0 (CbDwellReference, 1);
  reference->year = number;
  reference->median_days = median;
  reference->to_confirm = g_str_equal (to_confirm, "yes");
  reference->source = g_strdup (tsv_file_cell (tsv, 3));
  return reference;
}

gboolean
cb_catalog_load_dwell_reference (CbCatalog   *self,
                                 const char  *path,
                                 GError     **error)
{
  static const char *const required[] = { "year", "median_days", "to_confirm", NULL };
  static const char *const optional[] = { "source", NULL };
  g_autoptr(TsvFile) tsv = NULL;
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (dwell_reference_free);
  g_autoptr(GHashTable) lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tsv = tsv_file_open (path, required, optional, error);
  if (tsv == NULL)
    return FALSE;

  while (tsv_file_next (tsv, &local_error))
    {
      CbDwellReference *reference = dwell_reference_read (tsv, error);
      guint previous;

      if (reference == NULL)
        return FALSE;
      g_ptr_array_add (references, reference);
      previous = GPOINTER_TO_UINT (g_hash_table_lookup (lines, GINT_TO_POINTER (reference->year)));
      if (previous != 0)
        {
          tsv_error (tsv, error, CB_CATALOG_ERROR_DUPLICATE, "year %d is also listed on line %u",
                     reference->year, previous);
          return FALSE;
        }
      g_hash_table_insert (lines, GINT_TO_POINTER (reference->year), GUINT_TO_POINTER (tsv->line));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_sort (references, dwell_reference_compare);
  g_ptr_array_unref (self->dwell);
  self->dwell = g_steal_pointer (&references);
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

static CbHoliday *
holiday_read (TsvFile     *tsv,
              const char  *country,
              GError     **error)
{
  const char *date = tsv_file_cell (tsv, 0);
  const char *name_ja = tsv_file_cell (tsv, 1);
  const char *name_en = tsv_file_cell (tsv, 2);
  CbHoliday *holiday;
  GDate day;

  g_date_clear (&day, 1);
  if (date == NULL || !parse_date (date, &day))
    {
      g_autofree char *quoted = excerpt (date ? date : "");
      tsv_error (tsv, error, CB_CATALOG_ERROR_INVALID,
                 "“%s” is not a valid date (YYYY-MM-DD)", quoted);
      return NULL;
    }
  if (name_ja == NULL || name_en == NULL)
    {
      tsv_error (tsv, error, CB_CATALOG_ERROR_MISSING, "%s is empty",
                 name_ja == NULL ? "name_ja" : "name_en");
      return NULL;
    }
  holiday = g_new0 (CbHoliday, 1);
  holiday->date = day;
  holiday->country = g_strdup (country);
  holiday->name.ja = g_strdup (name_ja);
  holiday->name.en = g_strdup (name_en);
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
  g_autoptr(TsvFile) tsv = NULL;
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func (holiday_free);
  g_autoptr(GHashTable) lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (CB_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (country != NULL && *country != '\0', FALSE);

  code = g_ascii_strup (country, -1);
  tsv = tsv_file_open (path, required, optional, error);
  if (tsv == NULL)
    return FALSE;

  while (tsv_file_next (tsv, &local_error))
    {
      CbHoliday *holiday = holiday_read (tsv, code, error);
      gpointer julian;
      guint previous;

      if (holiday == NULL)
        return FALSE;
      g_ptr_array_add (holidays, holiday);
      julian = GUINT_TO_POINTER (g_date_get_julian (&holiday->date));
      previous = GPOINTER_TO_UINT (g_hash_table_lookup (lines, julian));
      if (previous != 0)
        {
          tsv_error (tsv, error, CB_CATALOG_ERROR_DUPLICATE, "%s is also listed on line %u",
                     tsv_file_cell (tsv, 0), previous);
          return FALSE;
        }
      g_hash_table_insert (lines, julian, GUINT_TO_POINTER (tsv->line));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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

      if (!g_str_equal (framework->code, code))
        continue;
      if (version != NULL)
        {
          if (g_str_equal (framework->version, version))
            return framework;
        }
      else if (found == NULL || framework->is_default)
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
  FoldTable *table;

  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (header != NULL, NULL);

  table = g_hash_table_lookup (self->headers, kind);
  return table != NULL ? fold_table_lookup (table, header) : NULL;
}

const char *
cb_catalog_lookup_enum (CbCatalog  *self,
                        const char *field,
                        const char *text)
{
  FoldTable *table;
  const char *value;
  g_autofree char *folded = NULL;
  gsize digits = 0;

  g_return_val_if_fail (CB_IS_CATALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  table = g_hash_table_lookup (self->enums, field);
  if (table == NULL)
    return NULL;
  value = fold_table_lookup (table, text);
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
  value = fold_table_lookup (table, folded);
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
