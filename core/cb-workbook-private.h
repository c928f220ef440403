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
gboolean      cb_workbook_commit        (CbWorkbook  *self,
                                         GError     **error);
void          cb_workbook_rollback      (CbWorkbook  *self);

/* Fills @error from the connection's last error; constraint failures become INVALID. */
gboolean      cb_workbook_sqlite_error  (CbWorkbook  *self,
                                         const char  *context,
                                         GError     **error);

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
