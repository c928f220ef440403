/* cb-catalog-reader-private.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cb-catalog.h"

G_BEGIN_DECLS

/* Reads the catalog's .ini and .tsv files. Every error names the file, the line and the group
 * or key at fault, in the CB_CATALOG_ERROR domain.
 */

/* Returns @text, cut to a length fit to quote in an error message. */
char       *cb_catalog_excerpt       (const char  *text);
/* Parses all of @text as a finite number in the C locale. */
gboolean    cb_catalog_parse_number  (const char  *text,
                                      double      *value);

/* An .ini file read with GKeyFile, plus the line of every group and key: GKeyFile reports
 * neither, and it silently merges a repeated group and keeps the last of a repeated key.
 */
typedef struct
{
  char       *path;
  GKeyFile   *keys;
  GHashTable *lines;   /* "group" and "group\x1fkey" -> line number */
  GStrv       groups;  /* in file order */
} CbIni;

/* Reads @path, whose every group must be known to @known, or any group when @known is NULL. A
 * group is known when it equals a name of @known or, for a name ending in a space, starts with
 * it ("Item " covers "[Item D1]").
 */
CbIni      *cb_ini_load              (const char         *path,
                                      const char *const  *known,
                                      GError            **error);
void        cb_ini_free              (CbIni              *ini);

/* Sets "PATH:LINE: [GROUP] KEY: message", citing the key's line when the key is in the file,
 * else the group's.
 */
void        cb_ini_error             (CbIni              *ini,
                                      GError            **error,
                                      CbCatalogError      code,
                                      const char         *group,
                                      const char         *key,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (6, 7);

/* Codes and ids become parts of keys such as "CSMG.D3", so they hold no dots or spaces. */
gboolean    cb_ini_check_identifier  (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      const char         *text,
                                      GError            **error);
/* Rejects keys the loader would ignore, so that a misspelt key is not silently lost. Only the
 * Japanese translation of a key is read.
 */
gboolean    cb_ini_check_keys        (CbIni              *ini,
                                      const char         *group,
                                      const char *const  *known,
                                      GError            **error);

/* Reads a string value, trimmed. An absent or empty optional key gives *out = NULL. */
gboolean    cb_ini_string            (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      gboolean            required,
                                      char              **out,
                                      GError            **error);
/* Reads Key and Key[ja]; when only one is given, both languages show it. */
gboolean    cb_ini_text              (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      gboolean            required,
                                      CbText             *out,
                                      GError            **error);
gboolean    cb_ini_uint              (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      guint              *out,
                                      GError            **error);
gboolean    cb_ini_number            (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      gboolean           *present,
                                      double             *out,
                                      GError            **error);
/* An absent boolean is false. */
gboolean    cb_ini_boolean           (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      gboolean           *out,
                                      GError            **error);
/* An absent date leaves @out cleared (invalid). */
gboolean    cb_ini_date              (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      GDate              *out,
                                      GError            **error);
/* Reads a ;-separated list with its elements trimmed and empty ones dropped. */
gboolean    cb_ini_list              (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      gboolean            required,
                                      GStrv              *out,
                                      GError            **error);
/* Reads one of @choices; an absent key gives @fallback, or is an error when that is NULL. */
gboolean    cb_ini_choice            (CbIni              *ini,
                                      const char         *group,
                                      const char         *key,
                                      const char *const  *choices,
                                      const char         *fallback,
                                      char              **out,
                                      GError            **error);

/* @name is what follows the prefix in the group's name. */
typedef gboolean (*CbIniGroupFunc)    (CbIni        *ini,
                                       const char   *group,
                                       const char   *name,
                                       gpointer      data,
                                       GError      **error);
typedef gboolean (*CbIniNumberedFunc) (CbIni        *ini,
                                       const char   *group,
                                       guint         number,
                                       gpointer      data,
                                       GError      **error);

/* Calls @func for each group named "@prefix NAME", in file order; a file without one fails. */
gboolean    cb_ini_foreach_group     (CbIni              *ini,
                                      const char         *prefix,
                                      CbIniGroupFunc      func,
                                      gpointer            data,
                                      GError            **error);
/* Calls @func for each group named "@prefix N" in the order of N, which must run on without gaps
 * and, unless @first is negative, start at @first. A file without one succeeds.
 */
gboolean    cb_ini_foreach_numbered  (CbIni              *ini,
                                      const char         *prefix,
                                      int                 first,
                                      CbIniNumberedFunc   func,
                                      gpointer            data,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbIni, cb_ini_free)

/* A tab-separated table: '#' lines are comments, the first other line names the columns. */
typedef struct _CbTsv CbTsv;

/* Reads the current row into a new record and sets *key to what no other row may share. */
typedef gpointer (*CbTsvRowFunc) (CbTsv          *tsv,
                                  gconstpointer   data,
                                  char          **key,
                                  GError        **error);

/* Reads every row of @path with @read_row into an array that frees them with @free_row. The
 * header must name every column of @required and may name those of @optional; columns are
 * numbered in that order for cb_tsv_cell().
 */
GPtrArray  *cb_tsv_read              (const char         *path,
                                      const char *const  *required,
                                      const char *const  *optional,
                                      CbTsvRowFunc        read_row,
                                      gconstpointer       data,
                                      GDestroyNotify      free_row,
                                      GError            **error);
/* The current row's cell of wanted @column, NULL when the file lacks the column or the cell is
 * empty.
 */
const char *cb_tsv_cell              (CbTsv              *tsv,
                                      guint               column);
/* Sets "PATH:LINE: message" for the current row. */
void        cb_tsv_error             (CbTsv              *tsv,
                                      GError            **error,
                                      CbCatalogError      code,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
