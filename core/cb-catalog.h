/* cb-catalog.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cb-answer-vocab.h"
#include "cb-framework.h"
#include "cb-scale.h"
#include "cb-text.h"

G_BEGIN_DECLS

/* The reference data Cyberboard ships as files under data/: framework catalogs (the .ini files
 * in frameworks/) and the tables in reference/. Every loader names the file, the line and the
 * group or key of whatever is wrong; a loader that fails leaves the catalog as it was.
 */

#define CB_CATALOG_ERROR (cb_catalog_error_quark ())

typedef enum
{
  CB_CATALOG_ERROR_SYNTAX,     /* the file cannot be read as .ini or .tsv */
  CB_CATALOG_ERROR_MISSING,    /* a required group, key or column is absent or empty */
  CB_CATALOG_ERROR_INVALID,    /* a value has the wrong form or is out of range */
  CB_CATALOG_ERROR_DUPLICATE,  /* the same item, value or alias is given twice */
} CbCatalogError;

GQuark      cb_catalog_error_quark  (void);

/* Folds @text for comparison: NFKC (full-width to half-width), case folded, white space runs
 * collapsed to one space and trimmed. Returns NULL when @text is not valid UTF-8.
 */
char       *cb_catalog_normalize    (const char   *text);

typedef struct
{
  char   *key;    /* "BE1" */
  CbText  title;  /* short, for charts and headings */
  CbText  text;
} CbCriterion;

/* A default KPI definition; the strings are the canonical values of the kpis import kind. */
typedef struct
{
  char     *code;
  CbText    name;
  CbText    description;      /* both NULL when the file gives none */
  char     *unit;             /* "%", "count", "days", "hours", "JPY", "ratio" */
  char     *direction;        /* "higher" or "lower" */
  gboolean  has_target;
  double    target;
  double    band;             /* amber band; 0 without a target */
  char     *source;           /* "manual", "computed", "imported" */
  char     *computed_key;     /* the workbook figure of a computed KPI, else NULL */
  char     *confidentiality;  /* "public", "board", "internal" */
} CbCatalogKpi;

typedef struct
{
  int       year;
  double    median_days;
  gboolean  to_confirm;
  char     *source;  /* NULL when the file gives none */
} CbDwellReference;

typedef struct
{
  GDate   date;
  char   *country;  /* "JP", "US" */
  CbText  name;
} CbHoliday;

#define CB_TYPE_CATALOG (cb_catalog_get_type ())

G_DECLARE_FINAL_TYPE (CbCatalog, cb_catalog, CB, CATALOG, GObject)

/* An empty catalog, to be filled with the cb_catalog_load_*() functions. */
CbCatalog              *cb_catalog_new                   (void);
/* Loads cb_data_dir() and the user's additional frameworks from
 * $XDG_DATA_HOME/cyberboard/frameworks, which replace shipped ones of the same code and version.
 */
CbCatalog              *cb_catalog_new_default           (GError         **error);
/* Loads the frameworks of @data_dir/frameworks and every table of @data_dir/reference. */
gboolean                cb_catalog_load_dir              (CbCatalog       *self,
                                                          const char      *data_dir,
                                                          GError         **error);
/* Loads every .ini file of @dir in name order; a missing directory holds no frameworks. Two
 * files of the same code and version in one directory are an error.
 */
gboolean                cb_catalog_load_frameworks_dir   (CbCatalog       *self,
                                                          const char      *dir,
                                                          GError         **error);
/* Adds the framework, replacing one of the same code and version. */
gboolean                cb_catalog_load_framework        (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_maturity_levels  (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
/* Loads the board evaluation criteria and the rating scale. */
gboolean                cb_catalog_load_criteria         (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_kpis             (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_answers          (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_header_aliases   (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_enumerations     (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
gboolean                cb_catalog_load_dwell_reference  (CbCatalog       *self,
                                                          const char      *path,
                                                          GError         **error);
/* Loads a date / name_ja / name_en table, replacing the holidays of @country ("JP"). */
gboolean                cb_catalog_load_holidays         (CbCatalog       *self,
                                                          const char      *path,
                                                          const char      *country,
                                                          GError         **error);

/* Element type: CbFramework. */
GPtrArray              *cb_catalog_get_frameworks        (CbCatalog       *self);
/* With @version NULL, returns the default version of @code. Returns NULL when none is loaded. */
CbFramework            *cb_catalog_find_framework        (CbCatalog       *self,
                                                          const char      *code,
                                                          const char      *version);
CbScale                *cb_catalog_get_maturity_levels   (CbCatalog       *self);
/* Element type: CbCriterion. */
GPtrArray              *cb_catalog_get_criteria          (CbCatalog       *self);
CbScale                *cb_catalog_get_ratings           (CbCatalog       *self);
/* Element type: CbCatalogKpi, in file order. */
GPtrArray              *cb_catalog_get_kpis              (CbCatalog       *self);
CbAnswerVocab          *cb_catalog_get_answers           (CbCatalog       *self);
/* Returns the field of import @kind ("incidents") that @header names, or NULL. Headers compare
 * like cb_catalog_normalize() with spaces and underscores ignored.
 */
const char             *cb_catalog_lookup_header         (CbCatalog       *self,
                                                          const char      *kind,
                                                          const char      *header);
/* Returns the canonical value of enumerated @field ("severity") that @text stands for, or NULL. */
const char             *cb_catalog_lookup_enum           (CbCatalog       *self,
                                                          const char      *field,
                                                          const char      *text);
/* The published global median dwell time of calendar @year, or NULL. */
const CbDwellReference *cb_catalog_get_dwell_reference   (CbCatalog       *self,
                                                          int              year);
/* Element type: CbDwellReference, ordered by year. */
GPtrArray              *cb_catalog_get_dwell_references  (CbCatalog       *self);
/* Element type: CbHoliday, ordered by date, then country. */
GPtrArray              *cb_catalog_get_holidays          (CbCatalog       *self);
gboolean                cb_catalog_is_holiday            (CbCatalog       *self,
                                                          const GDate     *date,
                                                          const char      *country);

G_END_DECLS
