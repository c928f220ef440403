#pragma once

#include <sqlite3.h>

#include "cb-workbook.h"

G_BEGIN_DECLS

sqlite3      *cb_workbook_get_db        (CbWorkbook  *self);

/* A prepared statement cached for the life of the workbook, reset and with its bindings cleared. */
sqlite3_stmt *cb_workbook_prepare       (CbWorkbook  *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      cb_workbook_exec          (CbWorkbook  *self,
                                         const char  *sql,
                                         GError     **error);

/* Nestable transactions (savepoints); a failed step is undone by cb_workbook_rollback(). */
gboolean      cb_workbook_begin         (CbWorkbook  *self,
                                         GError     **error);
/* Like cb_workbook_begin() for a bulk import whose references core resolves itself: foreign keys are
 * not enforced row by row until the transaction ends. */
gboolean      cb_workbook_begin_bulk    (CbWorkbook  *self,
                                         GError     **error);
gboolean      cb_workbook_commit        (CbWorkbook  *self,
                                         GError     **error);
void          cb_workbook_rollback      (CbWorkbook  *self);

/* Fills @error from the connection's last error; constraint failures become INVALID. */
gboolean      cb_workbook_sqlite_error  (CbWorkbook  *self,
                                         const char  *context,
                                         GError     **error);
/* The same for a result and message a statement run on another thread gave. */
gboolean      cb_workbook_sqlite_error_for (CbWorkbook  *self,
                                            int          result,
                                            const char  *message,
                                            const char  *context,
                                            GError     **error);

/* Steps @stmt, which returns no rows; an error says it was @what. */
gboolean      cb_workbook_step_done     (CbWorkbook   *self,
                                         sqlite3_stmt *stmt,
                                         const char   *what,
                                         GError      **error);
/* Steps @stmt, an INSERT: the new row's id, or 0 with @error set. */
gint64        cb_workbook_step_insert   (CbWorkbook   *self,
                                         sqlite3_stmt *stmt,
                                         const char   *what,
                                         GError      **error);
/* Steps @stmt onto the one row it selects by @id; NOT_FOUND says no @noun has that id. */
gboolean      cb_workbook_step_row      (CbWorkbook   *self,
                                         sqlite3_stmt *stmt,
                                         const char   *noun,
                                         gint64        id,
                                         const char   *what,
                                         GError      **error);

/* Makes a record of the row @stmt stands on. */
typedef gpointer (*CbWorkbookRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt through its rows, adding what @from_row makes of each to @rows. */
gboolean      cb_workbook_collect_rows  (CbWorkbook        *self,
                                         sqlite3_stmt      *stmt,
                                         GPtrArray         *rows,
                                         CbWorkbookRowFunc  from_row,
                                         const char        *what,
                                         GError           **error);

/* The text of @column as a new string; NULL stays NULL. */
char         *cb_workbook_column_dup    (sqlite3_stmt *stmt,
                                         int           column);

/* Empty text is stored as NULL: @text, or NULL when it is empty. */
const char   *cb_workbook_nonempty      (const char   *text);

/* Refuse the value of @field when it is not a date (YYYY-MM-DD) or not a SHA-256 (64 hexadecimal
 * digits). */
gboolean      cb_workbook_check_date    (const char   *field,
                                         const char   *value,
                                         GError      **error);
gboolean      cb_workbook_check_sha256  (const char   *field,
                                         const char   *value,
                                         GError      **error);

/* The dates of the workbook's holidays, of every country, as ascending julian days (guint32). */
GArray       *cb_workbook_holiday_days  (CbWorkbook   *self,
                                         GError      **error);

/* Refuses a change when the workbook was opened read-only. */
gboolean      cb_workbook_check_writable (CbWorkbook *self,
                                          GError    **error);

/* Ids of rows found by their natural key, remembered while the rows cannot change: any rollback
 * or deletion forgets them all. 0 means not known. */
gint64        cb_workbook_cache_lookup (CbWorkbook *self,
                                        const char *key);
void          cb_workbook_cache_insert (CbWorkbook *self,
                                        const char *key,
                                        gint64      id);
void          cb_workbook_cache_clear  (CbWorkbook *self);

/* Refreshes cached settings after a change. */
void          cb_workbook_reload_settings (CbWorkbook *self);

G_END_DECLS
