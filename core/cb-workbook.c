#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-core-resources.h"
#include "cb-record.h"
#include "cb-reference.h"
#include "cb-workbook-private.h"

/* Every schema version after the first is reached by running the next script in order. */
static const char *const schema_scripts[] = {
  "/io/github/cyberboard/Cyberboard/schema/001.sql",
  "/io/github/cyberboard/Cyberboard/schema/002.sql",
};

#define SQLITE_HEADER_SIZE 100

struct _CbWorkbook
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  GHashTable *statements_by_address;
  GHashTable *ids;
  guint       transaction_depth;
  gboolean    bulk;               /* foreign keys are off until the transaction ends */
  gboolean    read_only;
  gboolean    evaluator;

  int         fiscal_year_start;
  GTimeZone  *time_zone;
  char       *language;
  char       *framework;
  char       *org_name_ja;
  char       *org_name_en;
  char       *user;
};

G_DEFINE_FINAL_TYPE (CbWorkbook, cb_workbook, G_TYPE_OBJECT)
G_DEFINE_QUARK (cb-workbook-error-quark, cb_workbook_error)

int
cb_workbook_schema_version (void)
{
  return G_N_ELEMENTS (schema_scripts);
}

gint64
cb_workbook_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 value;

  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64, &value, NULL))
    return value;
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
cb_workbook_finalize (GObject *object)
{
  CbWorkbook *self = CB_WORKBOOK (object);

  g_clear_pointer (&self->statements_by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->framework, g_free);
  g_clear_pointer (&self->org_name_ja, g_free);
  g_clear_pointer (&self->org_name_en, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (cb_workbook_parent_class)->finalize (object);
}

static void
cb_workbook_class_init (CbWorkbookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_workbook_finalize;
}

static void
cb_workbook_init (CbWorkbook *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->statements_by_address = g_hash_table_new (NULL, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fiscal_year_start = 4;
}

gint64
cb_workbook_cache_lookup (CbWorkbook *self,
                          const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (self->ids, key));
}

void
cb_workbook_cache_insert (CbWorkbook *self,
                          const char *key,
                          gint64      id)
{
  G_STATIC_ASSERT (sizeof (gsize) >= sizeof (gint64));
  g_hash_table_insert (self->ids, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
}

void
cb_workbook_cache_clear (CbWorkbook *self)
{
  g_hash_table_remove_all (self->ids);
}

sqlite3 *
cb_workbook_get_db (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->db;
}

gboolean
cb_workbook_sqlite_error (CbWorkbook  *self,
                          const char  *context,
                          GError     **error)
{
  return cb_workbook_sqlite_error_for (self, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db), context,
                                       error);
}

gboolean
cb_workbook_sqlite_error_for (CbWorkbook  *self,
                              int          result,
                              const char  *message,
                              const char  *context,
                              GError     **error)
{
  int code = result & 0xff;
  CbWorkbookError kind = CB_WORKBOOK_ERROR_FAILED;

  if (code == SQLITE_CONSTRAINT)
    kind = strstr (message, "read-only") || strstr (message, "never changes") || strstr (message, "append-only")
             ? CB_WORKBOOK_ERROR_READ_ONLY
             : CB_WORKBOOK_ERROR_INVALID;
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    kind = CB_WORKBOOK_ERROR_CORRUPT;
  else if (code == SQLITE_READONLY || code == SQLITE_AUTH)
    kind = CB_WORKBOOK_ERROR_READ_ONLY;

  if (result == SQLITE_READONLY_ROLLBACK)
    g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                 _("%s: a change to the workbook was interrupted; open it for writing once to undo it"), self->path);
  else if (code == SQLITE_AUTH && self->evaluator)
    g_set_error (error, CB_WORKBOOK_ERROR, kind,
                 _("%s: the workbook is open for an evaluator: only the board evaluation can change"), self->path);
  else if (kind == CB_WORKBOOK_ERROR_CORRUPT)
    {
      /* Translators: the workbook file, what was being done, such as saving, and SQLite's own message. */
      g_set_error (error, CB_WORKBOOK_ERROR, kind,
                   _("%s: the workbook is damaged (%s: %s); restore it from a backup"), self->path, context, message);
    }
  else
    g_set_error (error, CB_WORKBOOK_ERROR, kind, "%s: %s: %s", self->path, context, message);
  return FALSE;
}

sqlite3_stmt *
cb_workbook_prepare (CbWorkbook  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);

  /* Most queries are string constants, found by address without hashing their text; the text is
   * still compared, since a freed query's address may come back holding another. */
  stmt = g_hash_table_lookup (self->statements_by_address, sql);
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      stmt = g_hash_table_lookup (self->statements, sql);
      if (stmt != NULL)
        g_hash_table_insert (self->statements_by_address, (gpointer) sql, stmt);
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cb_workbook_sqlite_error (self, "preparing a query", error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->statements_by_address, (gpointer) sql, stmt);
  return stmt;
}

gboolean
cb_workbook_exec (CbWorkbook  *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return cb_workbook_sqlite_error (self, "writing", error);
  return TRUE;
}

gboolean
cb_workbook_step_done (CbWorkbook    *self,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (self, what, error);
  return TRUE;
}

gint64
cb_workbook_step_insert (CbWorkbook    *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  if (!cb_workbook_step_done (self, stmt, what, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
cb_workbook_step_row (CbWorkbook    *self,
                      sqlite3_stmt  *stmt,
                      const char    *noun,
                      gint64         id,
                      const char    *what,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      /* Translators: a kind of row, such as incident, and its number. */
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND, _("no %s has the id %lld"), noun,
                   (long long) id);
    }
  else
    cb_workbook_sqlite_error (self, what, error);
  return FALSE;
}

gboolean
cb_workbook_collect_rows (CbWorkbook         *self,
                          sqlite3_stmt       *stmt,
                          GPtrArray          *rows,
                          CbWorkbookRowFunc   from_row,
                          const char         *what,
                          GError            **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (self, what, error);
  return TRUE;
}

char *
cb_workbook_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

const char *
cb_workbook_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

gboolean
cb_workbook_check_date (const char  *field,
                        const char  *value,
                        GError     **error)
{
  GDate date;

  if (!cb_parse_date (value, &date))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: “%s” is not a date (YYYY-MM-DD)"), field, value != NULL ? value : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_workbook_check_sha256 (const char  *field,
                          const char  *value,
                          GError     **error)
{
  gboolean valid = value != NULL && strlen (value) == 64;

  for (const char *p = value; valid && *p; p++)
    valid = g_ascii_isxdigit (*p);
  if (!valid)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: “%s” is not a SHA-256 (64 hexadecimal digits)"), field, value != NULL ? value : "");
      return FALSE;
    }
  return TRUE;
}

GArray *
cb_workbook_holiday_days (CbWorkbook  *self,
                          GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  sqlite3_stmt *stmt = cb_workbook_prepare (self, "SELECT DISTINCT date FROM holidays ORDER BY date", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      if (cb_parse_date ((const char *) sqlite3_column_text (stmt, 0), &date))
        {
          guint32 julian = g_date_get_julian (&date);

          g_array_append_val (days, julian);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (self, "reading the holidays", error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Runs a cached statement without results: cheaper than cb_workbook_exec() for what runs per row. */
static gboolean
step_statement (CbWorkbook  *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return cb_workbook_sqlite_error (self, "writing", error);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cb_workbook_check_writable (CbWorkbook  *self,
                            GError     **error)
{
  if (self->read_only)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                   _("%s: the workbook is open read-only"), self->path);
      return FALSE;
    }
  return TRUE;
}

static void
end_bulk (CbWorkbook *self)
{
  if (self->bulk && self->transaction_depth == 0)
    {
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      self->bulk = FALSE;
    }
}

gboolean
cb_workbook_begin (CbWorkbook  *self,
                   GError     **error)
{
  if (!cb_workbook_check_writable (self, error))
    return FALSE;
  if (!step_statement (self, "SAVEPOINT cb", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
cb_workbook_begin_bulk (CbWorkbook  *self,
                        GError     **error)
{
  /* SQLite takes the setting only outside a transaction; inside one, the rows are checked as usual. */
  if (!cb_workbook_check_writable (self, error))
    return FALSE;
  if (self->transaction_depth == 0)
    {
      if (!step_statement (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      self->bulk = TRUE;
    }
  if (!cb_workbook_begin (self, error))
    {
      end_bulk (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_workbook_commit (CbWorkbook  *self,
                    GError     **error)
{
  g_assert (self->transaction_depth > 0);

  if (!step_statement (self, "RELEASE cb", error))
    {
      cb_workbook_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  end_bulk (self);
  return TRUE;
}

void
cb_workbook_rollback (CbWorkbook *self)
{
  g_assert (self->transaction_depth > 0);

  /* Releasing the outermost savepoint would commit, touching the file's header; roll back instead. */
  sqlite3_exec (self->db, self->transaction_depth == 1 ? "ROLLBACK" : "ROLLBACK TO cb; RELEASE cb", NULL, NULL, NULL);
  self->transaction_depth--;
  end_bulk (self);
  cb_workbook_cache_clear (self);
}

char *
cb_workbook_get_setting (CbWorkbook *self,
                         const char *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);

  stmt = cb_workbook_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
load_settings (CbWorkbook  *self,
               GError     **error)
{
  g_autofree char *start = cb_workbook_get_setting (self, "fiscal_year_start");
  g_autofree char *zone = cb_workbook_get_setting (self, "time_zone");
  gint64 month;

  if (start == NULL || zone == NULL
      || !g_ascii_string_to_signed (start, 10, 1, 12, &month, NULL))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT,
                   _("%s: the workbook's settings are missing or damaged (fiscal_year_start, time_zone)"),
                   self->path);
      return FALSE;
    }
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_time_zone_new_identifier (zone);
  if (self->time_zone == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT,
                   _("%s: unknown time zone “%s” in the workbook's settings"), self->path, zone);
      return FALSE;
    }
  self->fiscal_year_start = month;

  g_free (self->language);
  self->language = cb_workbook_get_setting (self, "language");
  if (self->language == NULL)
    self->language = g_strdup ("ja");
  g_free (self->framework);
  self->framework = cb_workbook_get_setting (self, "framework");
  if (self->framework == NULL)
    self->framework = g_strdup ("CSMG-3.0");
  g_free (self->org_name_ja);
  self->org_name_ja = cb_workbook_get_setting (self, "org_name_ja");
  g_free (self->org_name_en);
  self->org_name_en = cb_workbook_get_setting (self, "org_name_en");
  if (self->user == NULL)
    self->user = cb_workbook_get_setting (self, "user");
  return TRUE;
}

void
cb_workbook_reload_settings (CbWorkbook *self)
{
  load_settings (self, NULL);
}

gboolean
cb_workbook_set_setting (CbWorkbook  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!cb_workbook_begin (self, error))
    return FALSE;

  old = cb_workbook_get_setting (self, key);
  stmt = cb_workbook_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (self, "saving a setting", error);
      goto failed;
    }
  if (old != NULL)
    old_json = cb_audit_json_pair (key, old);
  new_json = cb_audit_json_pair (key, value);
  if (!cb_audit_record (self, old ? "update" : "insert", "settings", 0, old_json, new_json, error))
    goto failed;
  if (!cb_workbook_commit (self, error))
    return FALSE;
  if (!load_settings (self, error))
    return FALSE;
  return TRUE;

failed:
  cb_workbook_rollback (self);
  return FALSE;
}

static gboolean
run_schema_script (CbWorkbook  *self,
                   int          version,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;
  char *message = NULL;

  bytes = g_resource_lookup_data (cb_core_get_resource (), schema_scripts[version - 1], 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED,
                   _("%s: upgrading to schema %d: %s"), self->path, version, message);
      sqlite3_free (message);
      return FALSE;
    }
  pragma = g_strdup_printf ("PRAGMA user_version = %d", version);
  return cb_workbook_exec (self, pragma, error);
}

static gboolean
configure_connection (CbWorkbook  *self,
                      GError     **error)
{
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);
  /* Rollback-journal mode keeps the workbook one file when closed, and FULL sync makes commits durable. */
  return cb_workbook_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", error);
}

static gboolean
open_connection (CbWorkbook  *self,
                 int          flags,
                 GError     **error)
{
  /* Serialised: the response writer steps its inserts on a thread of its own. */
  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED,
                       _("%s: out of memory opening the workbook"), self->path);
          return FALSE;
        }
      return cb_workbook_sqlite_error (self, "opening", error);
    }
  return configure_connection (self, error);
}

CbWorkbook *
cb_workbook_create (const char            *path,
                    const CbOrganisation  *organisation,
                    GError               **error)
{
  g_autoptr(CbWorkbook) self = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *month = NULL;
  g_autofree char *created = NULL;
  g_autofree char *framework = NULL;
  const struct { const char *key; const char *value; } *setting, settings[] = {
    { "org_name_ja", organisation->name_ja },
    { "org_name_en", organisation->name_en },
    { "fiscal_year_start", NULL },
    { "time_zone", organisation->time_zone },
    { "language", organisation->language },
    { "framework", "CSMG-3.0" },
    { "high_weight", "3" },
    { "created_at", NULL },
  };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  if (organisation->name_ja == NULL || organisation->name_ja[0] == '\0')
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: the organisation needs a name"), path);
      return NULL;
    }
  if (organisation->fiscal_year_start < 1 || organisation->fiscal_year_start > 12)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: the fiscal year start month must be 1 to 12, not %d"),
                   path, organisation->fiscal_year_start);
      return NULL;
    }
  zone = g_time_zone_new_identifier (organisation->time_zone);
  if (zone == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: unknown time zone “%s”"), path, organisation->time_zone);
      return NULL;
    }
  if (g_strcmp0 (organisation->language, "ja") != 0 && g_strcmp0 (organisation->language, "en") != 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("%s: the language must be “ja” or “en”, not “%s”"), path, organisation->language);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS,
                   _("%s: the file exists already; choose another name"), path);
      return NULL;
    }

  self = g_object_new (CB_TYPE_WORKBOOK, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, error))
    goto failed;

  month = g_strdup_printf ("%d", organisation->fiscal_year_start);
  created = g_strdup_printf ("%" G_GINT64_FORMAT, cb_workbook_now ());
  if (!cb_workbook_exec (self, "BEGIN", error))
    goto failed;
  for (int version = 1; version <= cb_workbook_schema_version (); version++)
    if (!run_schema_script (self, version, error))
      goto rollback;
  framework = g_strdup_printf ("PRAGMA application_id = %d", CB_WORKBOOK_APPLICATION_ID);
  if (!cb_workbook_exec (self, framework, error))
    goto rollback;

  for (setting = settings; setting < settings + G_N_ELEMENTS (settings); setting++)
    {
      const char *value = setting->value;
      sqlite3_stmt *stmt;

      if (g_str_equal (setting->key, "fiscal_year_start"))
        value = month;
      else if (g_str_equal (setting->key, "created_at"))
        value = created;
      if (value == NULL || value[0] == '\0')
        continue;
      stmt = cb_workbook_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?)", error);
      if (stmt == NULL)
        goto rollback;
      sqlite3_bind_text (stmt, 1, setting->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cb_workbook_sqlite_error (self, "saving the settings", error);
          goto rollback;
        }
    }
  if (!load_settings (self, error) || !cb_reference_seed (self, error))
    goto rollback;
  if (!cb_workbook_exec (self, "COMMIT", error))
    goto rollback;
  return g_steal_pointer (&self);

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
failed:
  if (self->db != NULL)
    {
      g_hash_table_remove_all (self->statements_by_address);
      g_hash_table_remove_all (self->statements);
      sqlite3_close (self->db);
      self->db = NULL;
      g_unlink (path);
    }
  return NULL;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

static gboolean
check_version (const char  *path,
               int          version,
               GError     **error)
{
  if (version > cb_workbook_schema_version ())
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NEWER,
                   _("%s: written by a newer Cyberboard (workbook schema %d, this version reads up to %d); "
                   "update Cyberboard to open it"), path, version, cb_workbook_schema_version ());
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT,
                   _("%s: the workbook has no schema version; it is damaged"), path);
      return FALSE;
    }
  return TRUE;
}

/* Reads the SQLite header directly, so a file that is not ours is refused without SQLite touching it. */
static gboolean
probe_header (const char  *path,
              int         *user_version,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                   _("%s: a directory, not a Cyberboard workbook"), path);
      return FALSE;
    }
  if (stream == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? CB_WORKBOOK_ERROR_NOT_FOUND : CB_WORKBOOK_ERROR_FAILED,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, &local_error))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED, "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (n_read == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                   _("%s: the file is empty, not a Cyberboard workbook"), path);
      return FALSE;
    }
  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                   _("%s: not a Cyberboard workbook (the file is not an SQLite database)"), path);
      return FALSE;
    }
  if (read_be32 (header + 68) != CB_WORKBOOK_APPLICATION_ID)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                   _("%s: an SQLite database of another application, not a Cyberboard workbook"), path);
      return FALSE;
    }
  *user_version = (int) read_be32 (header + 60);
  return check_version (path, *user_version, error);
}

static gboolean
read_user_version (CbWorkbook  *self,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cb_workbook_sqlite_error (self, "reading the schema version", error);
  *version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return check_version (self->path, *version, error);
}

static gboolean
backup_before_migration (CbWorkbook  *self,
                         int          version,
                         GError     **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);
  g_autoptr(GFile) source = g_file_new_for_path (self->path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED,
                   _("%s: cannot write the backup before upgrading: %s"), backup_path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CbWorkbook  *self,
         int          from,
         GError     **error)
{
  g_autofree char *old_values = g_strdup_printf ("{\"schema\":%d}", from);
  g_autofree char *new_values = g_strdup_printf ("{\"schema\":%d}", cb_workbook_schema_version ());

  if (!backup_before_migration (self, from, error))
    return FALSE;
  if (!cb_workbook_exec (self, "BEGIN EXCLUSIVE", error))
    return FALSE;
  for (int version = from + 1; version <= cb_workbook_schema_version (); version++)
    if (!run_schema_script (self, version, error))
      goto failed;
  if (!cb_audit_record (self, "migrate", "settings", 0, old_values, new_values, error)
      || !cb_workbook_exec (self, "COMMIT", error))
    goto failed;
  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* The tables an evaluator may write: the evaluation itself and the audit log that records it. */
static const char *const evaluator_tables[] = {
  "evaluations", "evaluation_ratings", "evaluation_evidence", "recommendations", "audit_log", NULL,
};

/* SQLite asks this while it compiles each statement, so a write to company data is refused before it
 * can run, whichever code path would have made it. */
static int
evaluator_authorizer (gpointer    user_data,
                      int         action,
                      const char *table,
                      const char *column,
                      const char *database,
                      const char *trigger)
{
  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      return table != NULL && g_strv_contains (evaluator_tables, table) ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_ALTER_TABLE:
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
    }
}

CbWorkbook *
cb_workbook_open (const char           *path,
                  CbWorkbookOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(CbWorkbook) self = NULL;
  int version = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (path != NULL, NULL);

  if (!probe_header (path, &version, error))
    return NULL;

  self = g_object_new (CB_TYPE_WORKBOOK, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & CB_WORKBOOK_OPEN_READ_ONLY) != 0;
  if (!open_connection (self, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, error))
    return NULL;

  /* A damaged schema page shows here, before anything is written. */
  stmt = cb_workbook_prepare (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                    "AND name IN ('settings', 'entities', 'audit_log')", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 3)
    {
      g_clear_error (error);
      if (sqlite3_extended_errcode (self->db) == SQLITE_READONLY_ROLLBACK)
        cb_workbook_sqlite_error (self, "reading", error);
      else
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT,
                     _("%s: the workbook is damaged (its table of contents cannot be read); "
                     "restore it from a backup"), path);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* That read rolled back what an interrupted change left in the file, the header included: the
   * version that counts is the one SQLite reads now. */
  if (!read_user_version (self, &version, error))
    return NULL;

  if (version < cb_workbook_schema_version ())
    {
      if (self->read_only)
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NEEDS_UPGRADE,
                       _("%s: the workbook has schema %d and needs an upgrade to %d; open it for writing once"),
                       path, version, cb_workbook_schema_version ());
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }
  if (!load_settings (self, error))
    return NULL;
  if (flags & CB_WORKBOOK_OPEN_EVALUATOR)
    {
      self->evaluator = TRUE;
      sqlite3_set_authorizer (self->db, evaluator_authorizer, NULL);
    }
  return g_steal_pointer (&self);
}

gboolean
cb_workbook_is_evaluator (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), FALSE);
  return self->evaluator;
}

const char *
cb_workbook_get_path (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->path;
}

static gboolean
same_inode (GFile *a,
            GFile *b)
{
  const char *attributes = G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE;
  g_autoptr(GFileInfo) info_a = g_file_query_info (a, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) info_b = g_file_query_info (b, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info_a != NULL && info_b != NULL
         && g_file_info_get_attribute_uint32 (info_a, G_FILE_ATTRIBUTE_UNIX_DEVICE)
              == g_file_info_get_attribute_uint32 (info_b, G_FILE_ATTRIBUTE_UNIX_DEVICE)
         && g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_UNIX_INODE)
              == g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_UNIX_INODE);
}

/* Whether @a and @b are one file: the same inode, or, for a file not there yet, the same name in the same
 * directory. */
static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFile) parent_a = g_file_get_parent (a);
  g_autoptr(GFile) parent_b = g_file_get_parent (b);
  g_autofree char *name_a = g_file_get_basename (a);
  g_autofree char *name_b = g_file_get_basename (b);

  if (same_inode (a, b))
    return TRUE;
  return parent_a != NULL && parent_b != NULL && g_str_equal (name_a, name_b) && same_inode (parent_a, parent_b);
}

gboolean
cb_workbook_check_output (CbWorkbook  *self,
                          const char  *output,
                          GError     **error)
{
  /* SQLite names its journal after the file a symbolic link leads to. */
  static const char *const side_files[] = { "", "-journal", "-wal", "-shm" };
  g_autofree char *resolved = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  resolved = realpath (self->path, NULL);
  file = g_file_new_for_commandline_arg (output);
  for (guint i = 0; i < G_N_ELEMENTS (side_files); i++)
    {
      g_autofree char *path = g_strconcat (resolved != NULL ? resolved : self->path, side_files[i], NULL);
      g_autoptr(GFile) taken = g_file_new_for_path (path);

      if (!same_file (file, taken))
        continue;
      if (i == 0)
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                     _("%s: this is the workbook %s itself; choose another output file"), output, self->path);
      else
        g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                     _("%s: SQLite uses this name for a file of the workbook %s; choose another output file"),
                     output, self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_workbook_is_read_only (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), TRUE);
  return self->read_only;
}

int
cb_workbook_get_fiscal_year_start (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), 4);
  return self->fiscal_year_start;
}

GTimeZone *
cb_workbook_get_time_zone (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->time_zone;
}

const char *
cb_workbook_get_language (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->language;
}

const char *
cb_workbook_get_framework (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->framework;
}

const char *
cb_workbook_get_org_name (CbWorkbook *self,
                          const char *lang)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);

  if (g_strcmp0 (lang, "en") == 0 && self->org_name_en != NULL)
    return self->org_name_en;
  return self->org_name_ja != NULL ? self->org_name_ja : self->org_name_en;
}

const char *
cb_workbook_get_user (CbWorkbook *self)
{
  g_return_val_if_fail (CB_IS_WORKBOOK (self), NULL);
  return self->user != NULL ? self->user : g_get_user_name ();
}

void
cb_workbook_set_user (CbWorkbook *self,
                      const char *user)
{
  g_return_if_fail (CB_IS_WORKBOOK (self));
  g_free (self->user);
  self->user = g_strdup (user);
}

void
cb_workbook_release_reads (CbWorkbook *self)
{
  g_return_if_fail (CB_IS_WORKBOOK (self));

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (self->db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (self->db, stmt))
    if (sqlite3_stmt_busy (stmt) && sqlite3_stmt_readonly (stmt))
      sqlite3_reset (stmt);
}

gboolean
cb_workbook_check (CbWorkbook  *self,
                   GPtrArray   *problems,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_WORKBOOK (self), FALSE);

  stmt = cb_workbook_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("integrity: %s", line));
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (self, "checking integrity", error);

  stmt = cb_workbook_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems, g_strdup_printf ("table %s, row %lld refers to a missing row of %s",
                                                sqlite3_column_text (stmt, 0),
                                                (long long) sqlite3_column_int64 (stmt, 1),
                                                sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (self, "checking references", error);
  return TRUE;
}
