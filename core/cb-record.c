#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-kind-private.h"
#include "cb-period.h"
#include "cb-workbook-private.h"

struct _CbRecord
{
  gatomicrefcount  ref_count;
  const CbKind    *kind;
  gint64           id;
  char           **values;
};

G_DEFINE_BOXED_TYPE (CbRecord, cb_record, cb_record_ref, cb_record_unref)

CbRecord *
cb_record_new (const CbKind *kind)
{
  CbRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_new0 (CbRecord, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->values = g_new0 (char *, kind->n_fields + 1);
  return self;
}

CbRecord *
cb_record_ref (CbRecord *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cb_record_unref (CbRecord *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      for (guint i = 0; i < self->kind->n_fields; i++)
        g_free (self->values[i]);
      g_free (self->values);
      g_free (self);
    }
}

const CbKind *
cb_record_get_kind (CbRecord *self)
{
  return self->kind;
}

gint64
cb_record_get_id (CbRecord *self)
{
  return self->id;
}

const char *
cb_record_get_nth (CbRecord *self,
                   guint     index)
{
  g_return_val_if_fail (index < self->kind->n_fields, NULL);
  return self->values[index];
}

const char *
cb_record_get (CbRecord   *self,
               const char *field)
{
  int index = cb_kind_find_field (self->kind, field);

  g_return_val_if_fail (index >= 0, NULL);
  return self->values[index];
}

void
cb_record_set_nth (CbRecord   *self,
                   guint       index,
                   const char *value)
{
  g_return_if_fail (index < self->kind->n_fields);

  if (self->values[index] == value)
    return;
  g_free (self->values[index]);
  self->values[index] = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

void
cb_record_set (CbRecord   *self,
               const char *field,
               const char *value)
{
  int index = cb_kind_find_field (self->kind, field);

  g_return_if_fail (index >= 0);
  cb_record_set_nth (self, index, value);
}

char *
cb_record_to_json (CbRecord *self)
{
  GString *json = g_string_new ("{");
  gboolean first = TRUE;

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      if (self->kind->fields[i].derived)
        continue;
      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      cb_json_append_string (json, self->kind->fields[i].name);
      g_string_append_c (json, ':');
      cb_json_append_string (json, self->values[i]);
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

char *
cb_format_timestamp (gint64     unix_time,
                     GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  int offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;
  g_autofree char *stamp = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

  if (offset == 0)
    return g_strconcat (stamp, "Z", NULL);
  return g_strdup_printf ("%s%c%02d:%02d", stamp, offset < 0 ? '-' : '+', ABS (offset) / 60, ABS (offset) % 60);
}

gboolean
cb_parse_timestamp (const char *text,
                    GTimeZone  *zone,
                    gint64     *unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) < 19 || text[10] != 'T')
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, zone);
  if (time == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

gboolean
cb_parse_date (const char *text,
               GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
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
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
cb_format_number (double value)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  /* The shortest decimal that reads back as the same double, written without an exponent where a
   * spreadsheet would not use one, so an export re-imports to exactly the stored value. */
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) != value)
        continue;
      if (strchr (buffer, 'e') != NULL && fabs (value) >= 1e-9 && fabs (value) < 1e15)
        {
          int decimals = MAX (0, precision - 1 - (int) floor (log10 (fabs (value))));
          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
        }
      return g_strdup (buffer);
    }
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

gint64
cb_workbook_lookup_code (CbWorkbook *workbook,
                         const char *table,
                         const char *code)
{
  g_autofree char *key = g_strconcat (table, "\x1f", code, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = cb_workbook_cache_lookup (workbook, key);

  if (id != 0)
    return id;
  sql = g_strdup_printf ("SELECT id FROM %s WHERE code = ?", table);
  stmt = cb_workbook_prepare (workbook, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      cb_workbook_cache_insert (workbook, key, id);
    }
  sqlite3_reset (stmt);
  return id;
}

gint64
cb_workbook_root_entity (CbWorkbook *workbook)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                            "SELECT id FROM entities WHERE parent_id IS NULL ORDER BY id LIMIT 1",
                                            NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  /* A statement left on its row would keep a read transaction open on the connection. */
  sqlite3_reset (stmt);
  return id;
}

/* A field's value as it goes to SQLite. */
typedef struct
{
  int     type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
  gint64  integer;
  double  number;
  char   *text;
} Bound;

static void
bound_clear (Bound *bound)
{
  g_clear_pointer (&bound->text, g_free);
  bound->type = SQLITE_NULL;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Bound  *bound)
{
  switch (bound->type)
    {
    case SQLITE_INTEGER: sqlite3_bind_int64 (stmt, index, bound->integer); break;
    case SQLITE_FLOAT:   sqlite3_bind_double (stmt, index, bound->number); break;
    case SQLITE_TEXT:    sqlite3_bind_text (stmt, index, bound->text, -1, SQLITE_STATIC); break;
    default:             sqlite3_bind_null (stmt, index); break;
    }
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
resolve_reference (CbWorkbook     *workbook,
                   CbRecord       *record,
                   const CbField  *field,
                   const char     *value,
                   gint64          batch_id,
                   Bound          *bound,
                   GError        **error)
{
  gint64 id = cb_workbook_lookup_code (workbook, field->ref_table, value);

  if (id == 0 && field->creates && batch_id >= 0)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (code, batch_id) VALUES (?, ?)", field->ref_table);
      sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
      if (batch_id > 0)
        sqlite3_bind_int64 (stmt, 2, batch_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cb_workbook_sqlite_error (workbook, "creating a referenced row", error);
      id = sqlite3_last_insert_rowid (cb_workbook_get_db (workbook));
    }
  else if (id == 0 && !field->creates)
    {
      /* Translators: a field name, such as supplier_code, and the value no row has. */
      return invalid (error, _("unknown %s “%s”"), field->name, value);
    }

  bound->type = id != 0 ? SQLITE_INTEGER : SQLITE_NULL;
  bound->integer = id;
  return TRUE;
}

static gboolean
resolve_question (CbWorkbook     *workbook,
                  CbRecord       *record,
                  const char     *value,
                  Bound          *bound,
                  GError        **error)
{
  const char *questionnaire = cb_record_get (record, "questionnaire");
  g_autofree char *key = g_strconcat ("questions\x1f", questionnaire, "\x1f", value, NULL);
  sqlite3_stmt *stmt;

  bound->type = SQLITE_INTEGER;
  bound->integer = cb_workbook_cache_lookup (workbook, key);
  if (bound->integer != 0)
    return TRUE;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT x.id FROM questions x JOIN questionnaires q ON q.id = x.questionnaire_id "
                              "WHERE q.code = ? AND x.code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, questionnaire, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      bound->type = SQLITE_NULL;
      return invalid (error, _("questionnaire “%s” has no question “%s”"), questionnaire ? questionnaire : "", value);
    }
  bound->integer = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  cb_workbook_cache_insert (workbook, key, bound->integer);
  return TRUE;
}

static gboolean
in_range (const CbField *field,
          double         value)
{
  return field->max <= field->min || (value >= field->min && value <= field->max);
}

/* Checks one field's canonical text, rewrites it in canonical form and gives its SQL value.
 * @batch_id is -1 when only checking, so nothing may be created. */
static gboolean
convert_field (CbWorkbook     *workbook,
               CbRecord       *record,
               guint           index,
               gint64          batch_id,
               Bound          *bound,
               GError        **error)
{
  const CbField *field = &record->kind->fields[index];
  const char *value = record->values[index];
  char *end = NULL;

  bound->type = SQLITE_NULL;

  if (value == NULL && field->fallback != NULL)
    {
      cb_record_set_nth (record, index, field->fallback);
      value = record->values[index];
    }
  if (value == NULL)
    {
      /* Rows that name no entity belong to the whole group. */
      if (g_str_equal (field->name, "entity"))
        {
          sqlite3_stmt *stmt = cb_workbook_prepare (workbook,
                                                    "SELECT id, code FROM entities WHERE parent_id IS NULL "
                                                    "ORDER BY id LIMIT 1", error);
          if (stmt == NULL)
            return FALSE;
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              bound->type = SQLITE_INTEGER;
              bound->integer = sqlite3_column_int64 (stmt, 0);
              cb_record_set_nth (record, index, (const char *) sqlite3_column_text (stmt, 1));
            }
          sqlite3_reset (stmt);
          return TRUE;
        }
      if (field->required)
        return invalid (error, _("a value is required"));
      return TRUE;
    }

  switch (field->type)
    {
    case CB_FIELD_TEXT:
      bound->type = SQLITE_TEXT;
      bound->text = g_strdup (value);
      return TRUE;

    case CB_FIELD_INTEGER:
      if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &bound->integer, NULL))
        return invalid (error, _("“%s” is not a whole number"), value);
      if (!in_range (field, bound->integer))
        return invalid (error, _("%s is out of range (%g to %g)"), value, field->min, field->max);
      bound->type = SQLITE_INTEGER;
      return TRUE;

    case CB_FIELD_NUMBER:
      bound->number = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !isfinite (bound->number))
        return invalid (error, _("“%s” is not a number"), value);
      if (!in_range (field, bound->number))
        return invalid (error, _("%s is out of range"), value);
      bound->type = SQLITE_FLOAT;
      return TRUE;

    case CB_FIELD_DATE:
      {
        GDate date;
        if (!cb_parse_date (value, &date))
          return invalid (error, _("“%s” is not a valid date (YYYY-MM-DD)"), value);
        bound->type = SQLITE_TEXT;
        bound->text = g_strdup (value);
        return TRUE;
      }

    case CB_FIELD_TIMESTAMP:
      if (!cb_parse_timestamp (value, cb_workbook_get_time_zone (workbook), &bound->integer))
        return invalid (error, _("“%s” is not a valid ISO 8601 date and time"), value);
      bound->type = SQLITE_INTEGER;
      cb_record_set_nth (record, index, NULL);
      record->values[index] = cb_format_timestamp (bound->integer, cb_workbook_get_time_zone (workbook));
      return TRUE;

    case CB_FIELD_PERIOD:
      {
        CbPeriod period;
        g_autoptr(GError) local_error = NULL;
        if (!cb_period_parse (value, &period, &local_error))
          return invalid (error, "%s", local_error->message);
        bound->type = SQLITE_TEXT;
        bound->text = cb_period_to_string (&period);
        cb_record_set_nth (record, index, bound->text);
        return TRUE;
      }

    case CB_FIELD_ENUM:
      if (!g_strv_contains (field->values, value))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) field->values);
          return invalid (error, _("“%s” is not one of %s"), value, allowed);
        }
      bound->type = SQLITE_TEXT;
      bound->text = g_strdup (value);
      return TRUE;

    case CB_FIELD_BOOLEAN:
      if (g_str_equal (value, "yes") || g_str_equal (value, "no"))
        {
          bound->type = SQLITE_INTEGER;
          bound->integer = g_str_equal (value, "yes");
          return TRUE;
        }
      return invalid (error, _("“%s” is not yes or no"), value);

    case CB_FIELD_ITEM_KEY:
      {
        gint64 number;
        if (!g_str_has_prefix (value, "CSMG.D")
            || !g_ascii_string_to_signed (value + 6, 10, 1, 10, &number, NULL))
          return invalid (error, _("“%s” is not a guideline item (CSMG.D1 to CSMG.D10)"), value);
        bound->type = SQLITE_TEXT;
        bound->text = g_strdup (value);
        return TRUE;
      }

    case CB_FIELD_REFERENCE:
      if (field->column == NULL)
        return cb_workbook_lookup_code (workbook, field->ref_table, value) != 0 || field->creates
               || invalid (error, _("unknown %s “%s”"), field->name, value);
      return resolve_reference (workbook, record, field, value, batch_id, bound, error);

    case CB_FIELD_QUESTION:
      return resolve_question (workbook, record, value, bound, error);

    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  Bound *bound;
  guint  n;
} BoundRow;

static void
bound_row_clear (BoundRow *row)
{
  for (guint i = 0; i < row->n; i++)
    bound_clear (&row->bound[i]);
  g_clear_pointer (&row->bound, g_free);
}

static gboolean
convert_record (CbWorkbook  *workbook,
                CbRecord    *record,
                gint64       batch_id,
                BoundRow    *row,
                const char **bad_field,
                GError     **error)
{
  const CbKind *kind = record->kind;

  row->n = kind->n_fields;
  row->bound = g_new0 (Bound, row->n);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (kind->fields[i].derived)
        continue;
      if (!convert_field (workbook, record, i, batch_id, &row->bound[i], error))
        {
          if (bad_field)
            *bad_field = kind->fields[i].name;
          return FALSE;
        }
    }
  if (kind->validate != NULL && !kind->validate (workbook, record, bad_field, error))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].derived && record->values[i] != NULL)
      {
        row->bound[i].type = SQLITE_FLOAT;
        row->bound[i].number = g_ascii_strtod (record->values[i], NULL);
      }
  return TRUE;
}

gboolean
cb_workbook_check_record (CbWorkbook  *workbook,
                          CbRecord    *record,
                          const char **field,
                          GError     **error)
{
  BoundRow row = { 0 };
  gboolean ok;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  ok = convert_record (workbook, record, -1, &row, field, error);
  bound_row_clear (&row);
  return ok;
}

static CbRecord *
record_from_row (CbWorkbook   *workbook,
                 const CbKind *kind,
                 sqlite3_stmt *stmt)
{
  CbRecord *record = cb_record_new (kind);

  record->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      int column = i + 1;

      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        continue;
      switch (kind->fields[i].type)
        {
        case CB_FIELD_TIMESTAMP:
          record->values[i] = cb_format_timestamp (sqlite3_column_int64 (stmt, column),
                                                   cb_workbook_get_time_zone (workbook));
          break;
        case CB_FIELD_BOOLEAN:
          record->values[i] = g_strdup (sqlite3_column_int (stmt, column) ? "yes" : "no");
          break;
        case CB_FIELD_NUMBER:
          record->values[i] = cb_format_number (sqlite3_column_double (stmt, column));
          break;
        default:
          record->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, column));
        }
    }
  return record;
}

CbRecord *
cb_workbook_get_record (CbWorkbook    *workbook,
                        const CbKind  *kind,
                        gint64         id,
                        GError       **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, cb_kind_sql (kind, CB_KIND_SQL_GET), error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return record_from_row (workbook, kind, stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND, _("%s: no row %lld"),
                 kind->name, (long long) id);
  else
    cb_workbook_sqlite_error (workbook, "reading", error);
  return NULL;
}

static gint64
find_existing (CbWorkbook   *workbook,
               CbRecord     *record,
               BoundRow     *row,
               gint64       *row_batch,
               GError      **error)
{
  const CbKind *kind = record->kind;
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, cb_kind_sql (kind, CB_KIND_SQL_FIND), error);
  int index = 1;

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].key && kind->fields[i].column != NULL)
      bind_value (stmt, index++, &row->bound[i]);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      *row_batch = sqlite3_column_int64 (stmt, 1);
      return sqlite3_column_int64 (stmt, 0);
    case SQLITE_DONE: return 0;
    default:
      cb_workbook_sqlite_error (workbook, "looking up a row", error);
      return -1;
    }
}

static gboolean
write_row (CbWorkbook  *workbook,
           CbRecord    *record,
           BoundRow    *row,
           gint64       batch_id,
           gint64       existing,
           GError     **error)
{
  const CbKind *kind = record->kind;
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, cb_kind_sql (kind, existing ? CB_KIND_SQL_UPDATE : CB_KIND_SQL_INSERT),
                                            error);
  int index = 1;

  if (stmt == NULL)
    return FALSE;
  if (!existing)
    {
      if (batch_id > 0)
        sqlite3_bind_int64 (stmt, index, batch_id);
      index++;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].column != NULL)
      bind_value (stmt, index++, &row->bound[i]);
  if (existing)
    sqlite3_bind_int64 (stmt, index, existing);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "saving", error);
  record->id = existing ? existing : sqlite3_last_insert_rowid (cb_workbook_get_db (workbook));
  return TRUE;
}

static gboolean
remember_change (CbWorkbook    *workbook,
                 const CbKind  *kind,
                 gint64         batch_id,
                 gint64         id,
                 GError       **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, cb_kind_sql (kind, CB_KIND_SQL_REMEMBER), error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "recording a batch change", error);
  return TRUE;
}

static gboolean
same_as_stored (CbWorkbook  *workbook,
                CbRecord    *record,
                gint64       id,
                const char **field,
                GError     **error)
{
  g_autoptr(CbRecord) stored = cb_workbook_get_record (workbook, record->kind, id, error);

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < record->kind->n_fields; i++)
    {
      const CbField *f = &record->kind->fields[i];
      if (f->derived || f->key || g_strcmp0 (stored->values[i], record->values[i]) == 0)
        continue;
      if (field != NULL)
        *field = f->name;
      return invalid (error, _("an earlier row of this file with the same key has “%s”, this one “%s”"),
                      stored->values[i] ? stored->values[i] : "", record->values[i] ? record->values[i] : "");
    }
  return TRUE;
}

/* Whether batch @batch_id changed row @id already, so that the row holds what the batch wrote. */
static gboolean
changed_by_batch (CbWorkbook    *workbook,
                  const CbKind  *kind,
                  gint64         batch_id,
                  gint64         id,
                  gboolean      *changed,
                  GError       **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, "SELECT 1 FROM batch_changes WHERE batch_id = ? "
                                                      "AND table_name = ? AND row_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, kind->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "looking up a batch change", error);
  *changed = rc == SQLITE_ROW;
  return TRUE;
}

/* An import's row is new far more often than not: try the insert first and look for the row it
 * collides with only when there is one. Gives the new id, or 0 when the natural key exists. */
static gint64
insert_if_new (CbWorkbook  *workbook,
               CbRecord    *record,
               BoundRow    *row,
               gint64       batch_id,
               GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, cb_kind_sql (record->kind, CB_KIND_SQL_INSERT_NEW), error);
  int index = 2;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  for (guint i = 0; i < record->kind->n_fields; i++)
    if (record->kind->fields[i].column != NULL)
      bind_value (stmt, index++, &row->bound[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "saving", error);
      sqlite3_reset (stmt);
      return -1;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (cb_workbook_get_db (workbook)) == 0)
    return 0;
  return sqlite3_last_insert_rowid (cb_workbook_get_db (workbook));
}

/* Writes one row of an import batch inside the caller's transaction, which the caller rolls back
 * whole when any row fails: no audit entry per row (the batch is audited), changed rows remembered
 * for undo. */
static gboolean
save_batch_row (CbWorkbook  *workbook,
                CbRecord    *record,
                BoundRow    *row,
                gint64       batch_id,
                gboolean    *inserted,
                const char **field,
                GError     **error)
{
  gint64 existing, row_batch = 0;
  gint64 id = insert_if_new (workbook, record, row, batch_id, error);
  gboolean changed = FALSE;

  if (id < 0)
    return FALSE;
  *inserted = id > 0;
  if (id == 0)
    {
      existing = find_existing (workbook, record, row, &row_batch, error);
      if (existing <= 0)
        {
          if (existing == 0)
            g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                         _("the row collides with another of a different key"));
          return FALSE;
        }
      /* The same natural key twice in one file, for a row it added or one it changed: harmless when
       * the rows agree, an error when not. */
      if (row_batch != batch_id && !changed_by_batch (workbook, record->kind, batch_id, existing, &changed, error))
        return FALSE;
      if (row_batch == batch_id || changed)
        {
          record->id = existing;
          return same_as_stored (workbook, record, existing, field, error);
        }
      if (!remember_change (workbook, record->kind, batch_id, existing, error)
          || !write_row (workbook, record, row, batch_id, existing, error))
        return FALSE;
    }
  else
    record->id = id;
  return record->kind->after_save == NULL || record->kind->after_save (workbook, record, record->id, batch_id, error);
}

gboolean
cb_workbook_save_record (CbWorkbook  *workbook,
                         CbRecord    *record,
                         gint64       batch_id,
                         gboolean    *inserted,
                         const char **field,
                         GError     **error)
{
  BoundRow row = { 0 };
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autoptr(CbRecord) old = NULL;
  gboolean is_new = FALSE;
  gint64 existing, row_batch = 0;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (batch_id > 0)
    {
      gboolean ok = cb_workbook_check_writable (workbook, error)
                    && convert_record (workbook, record, batch_id, &row, field, error)
                    && save_batch_row (workbook, record, &row, batch_id, &is_new, field, error);
      bound_row_clear (&row);
      if (ok && inserted != NULL)
        *inserted = is_new;
      return ok;
    }

  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  if (!convert_record (workbook, record, batch_id, &row, field, error))
    goto failed;
  existing = find_existing (workbook, record, &row, &row_batch, error);
  if (existing < 0)
    goto failed;
  if (existing)
    {
      old = cb_workbook_get_record (workbook, record->kind, existing, error);
      if (old == NULL)
        goto failed;
      old_json = cb_record_to_json (old);
    }
  if (!write_row (workbook, record, &row, 0, existing, error))
    goto failed;
  if (record->kind->after_save != NULL && !record->kind->after_save (workbook, record, record->id, 0, error))
    goto failed;
  new_json = cb_record_to_json (record);
  if (!cb_audit_record (workbook, existing ? "update" : "insert", record->kind->table, record->id,
                        old_json, new_json, error))
    goto failed;
  bound_row_clear (&row);
  if (inserted != NULL)
    *inserted = !existing;
  return cb_workbook_commit (workbook, error);

failed:
  bound_row_clear (&row);
  cb_workbook_rollback (workbook);
  return FALSE;
}

gboolean
cb_workbook_delete_record (CbWorkbook    *workbook,
                           const CbKind  *kind,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(CbRecord) old = NULL;
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  if (!cb_workbook_begin (workbook, error))
    return FALSE;
  old = cb_workbook_get_record (workbook, kind, id, error);
  if (old == NULL)
    goto failed;
  old_json = cb_record_to_json (old);
  stmt = cb_workbook_prepare (workbook, cb_kind_sql (kind, CB_KIND_SQL_DELETE), error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (workbook, "deleting", error);
      goto failed;
    }
  cb_workbook_cache_clear (workbook);
  if (kind->after_save != NULL && !kind->after_save (workbook, old, 0, 0, error))
    goto failed;
  if (!cb_audit_record (workbook, "delete", kind->table, id, old_json, NULL, error))
    goto failed;
  return cb_workbook_commit (workbook, error);

failed:
  cb_workbook_rollback (workbook);
  return FALSE;
}

gboolean
cb_workbook_foreach_record (CbWorkbook            *workbook,
                            const CbKind          *kind,
                            const CbRecordFilter  *filter,
                            CbRecordFunc           func,
                            gpointer               user_data,
                            GError               **error)
{
  g_autoptr(GString) sql = g_string_new (cb_kind_sql (kind, CB_KIND_SQL_SELECT));
  sqlite3_stmt *stmt;
  gint64 start = 0, end = 0;
  CbPeriod period;
  int rc;

  g_string_append (sql, " WHERE 1");
  if (filter != NULL && kind->confidentiality != NULL)
    g_string_append_printf (sql, " AND %s IN %s", kind->confidentiality, cb_audience_sql_list (filter->audience));
  if (filter != NULL && filter->period != NULL)
    {
      if (!cb_period_parse (filter->period, &period, error))
        return FALSE;
      if (cb_kind_has_period (kind))
        g_string_append (sql, " AND t.period = ?1");
      else if (g_str_equal (kind->table, "incidents"))
        {
          cb_period_bounds (&period, cb_workbook_get_fiscal_year_start (workbook),
                            cb_workbook_get_time_zone (workbook), &start, &end);
          g_string_append (sql, " AND t.detected_at >= ?2 AND t.detected_at < ?3");
        }
    }
  g_string_append_printf (sql, " ORDER BY %s", kind->order_by);

  stmt = cb_workbook_prepare (workbook, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (filter != NULL && filter->period != NULL)
    {
      g_autofree char *text = cb_period_to_string (&period);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, start);
      sqlite3_bind_int64 (stmt, 3, end);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CbRecord) record = record_from_row (workbook, kind, stmt);
      if (!func (record, user_data))
        {
          sqlite3_reset (stmt);
          return TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (workbook, "reading", error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
collect_cb (CbRecord *record,
            gpointer  user_data)
{
  g_ptr_array_add (user_data, cb_record_ref (record));
  return TRUE;
}

GPtrArray *
cb_workbook_list_records (CbWorkbook            *workbook,
                          const CbKind          *kind,
                          const CbRecordFilter  *filter,
                          GError               **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_record_unref);

  if (!cb_workbook_foreach_record (workbook, kind, filter, collect_cb, records, error))
    return NULL;
  return g_steal_pointer (&records);
}
