#pragma once

#include "cb-batch.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

#define CB_IMPORTER_ERROR (cb_importer_error_quark ())

typedef enum
{
  CB_IMPORTER_ERROR_MAPPING,   /* the header does not give what the kind needs */
  CB_IMPORTER_ERROR_INVALID,   /* rows failed validation; the problems say where */
  CB_IMPORTER_ERROR_EMPTY,     /* no header, or no data rows */
  CB_IMPORTER_ERROR_CANCELLED,
} CbImporterError;

typedef enum
{
  CB_LAYOUT_AUTO,
  CB_LAYOUT_LONG,
  CB_LAYOUT_WIDE,
} CbLayout;

typedef struct
{
  const char         *kind;            /* entities, assessments, … (DOMAIN.md §7) */
  const char         *encoding;        /* NULL: detect */
  char                delimiter;       /* 0: detect */
  CbLayout            layout;          /* responses only */
  const char * const *map;             /* FIELD=COLUMN overrides */
  const char         *mapping_name;    /* a mapping saved in the workbook, applied before @map */
  const char         *entity;          /* default entity for rows without one */
  const char         *period;          /* default period for rows without one */
  const char         *questionnaire;   /* default questionnaire for responses */
  gboolean            dry_run;
} CbImportOptions;

/* One problem of a file, at FILE:LINE:COLUMN (the column is the 1-based field position). */
typedef struct
{
  guint     line;
  guint     column;
  gboolean  warning;
  char     *message;
} CbImportProblem;

#define CB_IMPORT_MAX_PROBLEMS 1000

typedef struct
{
  char      *file_name;
  char      *encoding;
  char      *delimiter;
  char      *sha256;
  gint64     size;
  gint64     rows;
  gint64     inserted;
  gint64     updated;
  gint64     batch_id;      /* 0 after a dry run or a failure */
  GPtrArray *problems;      /* CbImportProblem: the first CB_IMPORT_MAX_PROBLEMS, errors and warnings */
  guint64    n_errors;      /* all of them, also those past the first thousand */
} CbImportResult;

typedef void (*CbImportProgress) (double   fraction,
                                  gpointer user_data);

GQuark          cb_importer_error_quark  (void);
CbImportResult *cb_import_result_new     (void);
void            cb_import_result_free    (CbImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbImportResult, cb_import_result_free)

/* "FILE:LINE:COLUMN: message" of @problem. */
char           *cb_import_problem_format (const CbImportResult  *result,
                                          const CbImportProblem *problem);

/**
 * cb_import_file:
 *
 * Reads @path, validates every row and writes them all in one transaction as one batch — or
 * nothing at all: with any error (or a dry run, or @cancellable cancelled) the workbook is left as
 * it was. Rows with the natural key of an existing row update it. @result gets the counts and the
 * problems with their positions.
 */
gboolean        cb_import_file           (CbWorkbook             *workbook,
                                          const char             *path,
                                          const CbImportOptions  *options,
                                          CbImportResult         *result,
                                          GCancellable           *cancellable,
                                          CbImportProgress        progress,
                                          gpointer                user_data,
                                          GError                **error);

G_END_DECLS
