#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a field's canonical text maps onto its column. */
typedef enum
{
  CB_FIELD_TEXT,
  CB_FIELD_INTEGER,
  CB_FIELD_NUMBER,
  CB_FIELD_DATE,       /* YYYY-MM-DD */
  CB_FIELD_TIMESTAMP,  /* ISO 8601; stored as UTC unix seconds, shown in the workbook's time zone */
  CB_FIELD_PERIOD,     /* FY2026Q1 or FY2026 */
  CB_FIELD_ENUM,
  CB_FIELD_BOOLEAN,    /* yes / no */
  CB_FIELD_REFERENCE,  /* another kind's natural key (its code) */
  CB_FIELD_QUESTION,   /* a question code within the record's questionnaire */
  CB_FIELD_ITEM_KEY,   /* CSMG.D1 .. CSMG.D10 */
} CbFieldType;

typedef struct
{
  const char         *name;      /* the import / export field name */
  const char         *column;    /* NULL when the value lives in another table */
  CbFieldType         type;
  guint               required : 1;
  guint               key : 1;   /* part of the natural key */
  guint               derived : 1; /* computed by the kind's rules; never imported or exported */
  guint               creates : 1; /* CB_FIELD_REFERENCE: an unknown code creates the row */
  double              min;
  double              max;       /* a range applies when max > min */
  const char *const  *values;    /* CB_FIELD_ENUM */
  const char         *ref_table; /* CB_FIELD_REFERENCE: rows found by their code */
  const char         *select;    /* SQL expression reading the value back, when not the column */
  const char         *fallback;  /* the canonical value an empty field takes */
} CbField;

typedef struct _CbKind CbKind;

const CbKind        *cb_kind_lookup        (const char   *name);
const CbKind *const *cb_kind_all           (guint        *n_kinds);
const char          *cb_kind_get_name      (const CbKind *kind);
const char          *cb_kind_get_table     (const CbKind *kind);
guint                cb_kind_get_n_fields  (const CbKind *kind);
const CbField       *cb_kind_get_field     (const CbKind *kind,
                                            guint         index);
int                  cb_kind_find_field    (const CbKind *kind,
                                            const char   *name);
gboolean             cb_kind_has_confidentiality (const CbKind *kind);
gboolean             cb_kind_has_period (const CbKind *kind);

extern const char *const cb_confidentiality_values[];

G_END_DECLS
