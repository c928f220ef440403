#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CB_WORKBOOK_ERROR (cb_workbook_error_quark ())

typedef enum
{
  CB_WORKBOOK_ERROR_NOT_FOUND,
  CB_WORKBOOK_ERROR_EXISTS,
  CB_WORKBOOK_ERROR_NOT_A_WORKBOOK,
  CB_WORKBOOK_ERROR_NEWER,
  CB_WORKBOOK_ERROR_CORRUPT,
  CB_WORKBOOK_ERROR_NEEDS_UPGRADE,
  CB_WORKBOOK_ERROR_INVALID,
  CB_WORKBOOK_ERROR_READ_ONLY,
  CB_WORKBOOK_ERROR_FAILED,
} CbWorkbookError;

/* The magic number in PRAGMA application_id: "CybB" in ASCII. */
#define CB_WORKBOOK_APPLICATION_ID 0x43796242

typedef enum
{
  CB_WORKBOOK_OPEN_DEFAULT   = 0,
  CB_WORKBOOK_OPEN_READ_ONLY = 1 << 0,
  /* For an external evaluator: the board evaluation may change, the company's data may not. */
  CB_WORKBOOK_OPEN_EVALUATOR = 1 << 1,
} CbWorkbookOpenFlags;

/* Who the workbook belongs to, given when it is created. */
typedef struct
{
  const char *name_ja;
  const char *name_en;
  int         fiscal_year_start; /* 1..12 */
  const char *time_zone;         /* an IANA identifier */
  const char *language;          /* "ja" or "en" */
} CbOrganisation;

#define CB_TYPE_WORKBOOK (cb_workbook_get_type ())
G_DECLARE_FINAL_TYPE (CbWorkbook, cb_workbook, CB, WORKBOOK, GObject)

GQuark      cb_workbook_error_quark          (void);
int         cb_workbook_schema_version       (void);

/**
 * cb_workbook_create:
 * Creates a new workbook at @path, which must not exist, seeded with the
 * reference data (maturity levels, criteria, KPIs, holidays, dwell times).
 */
CbWorkbook *cb_workbook_create               (const char            *path,
                                              const CbOrganisation  *organisation,
                                              GError               **error);

/**
 * cb_workbook_open:
 * Opens @path. Anything that is not a Cyberboard workbook of this or an
 * older schema is refused before the file is touched; an older schema is
 * migrated in one transaction after a backup copy "PATH.bak-vN" is written.
 */
CbWorkbook *cb_workbook_open                 (const char            *path,
                                              CbWorkbookOpenFlags    flags,
                                              GError               **error);

const char *cb_workbook_get_path             (CbWorkbook            *self);
/* Refuses to let @output, a file about to be written, be the workbook itself or a file SQLite keeps
 * beside it, however its path is spelt: through a link, relative, or with "..". */
gboolean    cb_workbook_check_output         (CbWorkbook            *self,
                                              const char            *output,
                                              GError               **error);
gboolean    cb_workbook_is_read_only         (CbWorkbook            *self);
gboolean    cb_workbook_is_evaluator         (CbWorkbook            *self);
int         cb_workbook_get_fiscal_year_start (CbWorkbook           *self);
GTimeZone  *cb_workbook_get_time_zone        (CbWorkbook            *self);
const char *cb_workbook_get_language         (CbWorkbook            *self);
const char *cb_workbook_get_framework        (CbWorkbook            *self);

/* The organisation's name in @lang ("ja" or "en"), falling back to the other. */
const char *cb_workbook_get_org_name         (CbWorkbook            *self,
                                              const char            *lang);

/* The name the audit log records: the configured user, else the OS login. */
const char *cb_workbook_get_user             (CbWorkbook            *self);
void        cb_workbook_set_user             (CbWorkbook            *self,
                                              const char            *user);

/* Settings are plain key/value text; every change is audited. */
char       *cb_workbook_get_setting          (CbWorkbook            *self,
                                              const char            *key);
gboolean    cb_workbook_set_setting          (CbWorkbook            *self,
                                              const char            *key,
                                              const char            *value,
                                              GError               **error);

/* Ends any read the connection still holds through a statement left on a row, so that other
 * connections to the file can write and later reads see their changes. Call it between operations —
 * never from inside a cb_workbook_foreach_record() callback. */
void        cb_workbook_release_reads        (CbWorkbook            *self);

/* Runs PRAGMA integrity_check and foreign_key_check; problems are appended to @problems. */
gboolean    cb_workbook_check                (CbWorkbook            *self,
                                              GPtrArray             *problems,
                                              GError               **error);

/* The current time, overridable with SOURCE_DATE_EPOCH for reproducible output. */
gint64      cb_workbook_now                  (void);

G_END_DECLS
