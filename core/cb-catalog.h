/* cb-catalog.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

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

/* A text in the two languages of the product. */
typedef struct
{
  char *en;
  char *ja;
} CbText;

/* Returns the Japanese text when @lang starts with "ja", else the English one. */
const char *cb_text_get             (const CbText *text,
                                     const char   *lang);

/* A score scale: maturity levels, evaluation ratings, framework tiers. */
typedef struct
{
  int    value;
  CbText label;
  CbText meaning;  /* both NULL when the file gives none */
} CbScaleLevel;

typedef struct _CbScale CbScale;

int                 cb_scale_get_min    (CbScale *self);
int                 cb_scale_get_max    (CbScale *self);
/* Returns NULL when @value is outside the scale. */
const CbScaleLevel *cb_scale_get_level  (CbScale *self,
                                         int      value);

/* A framework: METI's guidelines in each version, NIST CSF 2.0, a company's own. */
typedef struct
{
  char      *key;         /* "CSMG.D3": the framework code, a dot and the id */
  char      *id;          /* "D3" */
  guint      number;      /* 3 */
  int        group;       /* index into the groups, -1 when the framework has none */
  CbText     title;
  char     **csf;         /* NIST CSF 2.0 functions ("GV", "PR"), NULL-terminated */
  gboolean   to_confirm;  /* the title awaits checking against the source */
} CbFrameworkItem;

typedef struct
{
  CbText   name;
  gboolean to_confirm;
} CbFrameworkGroup;

#define CB_TYPE_FRAMEWORK (cb_framework_get_type ())

typedef struct _CbFramework CbFramework;

GType                   cb_framework_get_type        (void) G_GNUC_CONST;
CbFramework            *cb_framework_new_from_file   (const char   *path,
                                                      GError      **error);
CbFramework            *cb_framework_ref             (CbFramework  *self);
void                    cb_framework_unref           (CbFramework  *self);
const char             *cb_framework_get_code        (CbFramework  *self);
const char             *cb_framework_get_version     (CbFramework  *self);
const CbText           *cb_framework_get_name        (CbFramework  *self);
/* Both texts are NULL when the file names no publisher. */
const CbText           *cb_framework_get_publisher   (CbFramework  *self);
/* Returns NULL when the file gives no publication date. */
const GDate            *cb_framework_get_published   (CbFramework  *self);
/* Whether this is the version used when none is asked for. */
gboolean                cb_framework_is_default      (CbFramework  *self);
guint                   cb_framework_get_n_principles (CbFramework *self);
const CbText           *cb_framework_get_principle   (CbFramework  *self,
                                                      guint         index);
guint                   cb_framework_get_n_groups    (CbFramework  *self);
const CbFrameworkGroup *cb_framework_get_group       (CbFramework  *self,
                                                      guint         index);
/* Items are ordered by number. */
guint                   cb_framework_get_n_items     (CbFramework  *self);
const CbFrameworkItem  *cb_framework_get_item        (CbFramework  *self,
                                                      guint         index);
/* Finds the item written as its key ("CSMG.D3"), its id ("D3"), its number ("3"), or a number
 * prefix of the file and the number ("指示3"); full-width forms, case and spaces do not matter.
 * Returns NULL when @text names no item.
 */
const CbFrameworkItem  *cb_framework_find_item       (CbFramework  *self,
                                                      const char   *text);
/* Like cb_framework_find_item(), returning the item's key. */
const char             *cb_framework_item_key_parse  (CbFramework  *self,
                                                      const char   *text);
/* The framework's own score scale ([Level N] groups), or NULL. */
CbScale                *cb_framework_get_scale       (CbFramework  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbFramework, cb_framework_unref)

/* Answer vocabulary of supplier questionnaires: accepted answers and their scores. */
#define CB_TYPE_ANSWER_VOCAB (cb_answer_vocab_get_type ())

typedef struct _CbAnswerVocab CbAnswerVocab;

GType           cb_answer_vocab_get_type       (void) G_GNUC_CONST;
CbAnswerVocab  *cb_answer_vocab_new            (void);
CbAnswerVocab  *cb_answer_vocab_new_from_file  (const char     *path,
                                                GError        **error);
CbAnswerVocab  *cb_answer_vocab_ref            (CbAnswerVocab  *self);
void            cb_answer_vocab_unref          (CbAnswerVocab  *self);
/* Accepts @answer with @score (0–1), or as excluded from scoring. Fails when the normalised
 * answer is already accepted with another meaning.
 */
gboolean        cb_answer_vocab_add            (CbAnswerVocab  *self,
                                                const char     *answer,
                                                double          score,
                                                gboolean        excluded,
                                                GError        **error);
/* Matches @text after cb_catalog_normalize(). Returns FALSE for an answer the vocabulary does
 * not know; otherwise sets *score (0 when excluded) and *excluded.
 */
gboolean        cb_answer_vocab_match          (CbAnswerVocab  *self,
                                                const char     *text,
                                                double         *score,
                                                gboolean       *excluded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAnswerVocab, cb_answer_vocab_unref)

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
