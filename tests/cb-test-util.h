#pragma once

#include "cb-audit.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The organisation of the workbooks the tests create. */
extern const CbOrganisation cb_test_organisation;

/* A new folder for a test's files; cb_test_remove_dir() deletes it with everything in it, and
 * fails the test when anything cannot be deleted. */
char       *cb_test_make_dir               (void);
void        cb_test_remove_dir             (const char    *dir);

/* The whole of the file at @path, and after it a NUL that the size leaves out. */
GBytes     *cb_test_file_bytes             (const char    *path);

/* The bytes of the workbook in @workbook at @path, read with it closed; it is opened again after,
 * for the same user. */
GBytes     *cb_test_workbook_bytes         (CbWorkbook   **workbook,
                                            const char    *path);

/* The path of the import fixture @name in data/import/ of the tests' sources. */
char       *cb_test_import_data            (const char    *name);

/* A new workbook of cb_test_organisation at @path, whose changes are made by "tester". */
CbWorkbook *cb_test_create_workbook        (const char    *path);

/* A new small demo workbook made from @seed at @path, dated by SOURCE_DATE_EPOCH. */
CbWorkbook *cb_test_create_demo            (const char    *path,
                                            guint32        seed);

/* The id of the evaluation of fiscal year @year in @workbook, which must have one. */
gint64      cb_test_evaluation_of_year     (CbWorkbook    *workbook,
                                            int            year);

/* The newest entry of @entries, as cb_audit_list() gives them, of @action on @table_name; NULL
 * when there is none. */
const CbAuditEntry *cb_test_find_audit_entry (GPtrArray  *entries,
                                              const char *action,
                                              const char *table_name);

typedef struct
{
  char       *dir;
  char       *path;      /* test.cyberboard in @dir */
  CbWorkbook *workbook;  /* NULL unless set up by cb_test_fixture_set_up_workbook() */
} CbTestFixture;

/* Makes the folder and leaves the workbook to the test. */
void        cb_test_fixture_set_up          (CbTestFixture *fixture,
                                             gconstpointer  data);
/* Makes the folder and creates the workbook in it. */
void        cb_test_fixture_set_up_workbook (CbTestFixture *fixture,
                                             gconstpointer  data);
void        cb_test_fixture_tear_down       (CbTestFixture *fixture,
                                             gconstpointer  data);

/* The single integer the query @sql gives, such as a count. */
gint64      cb_test_count                   (CbWorkbook    *workbook,
                                             const char    *sql);

G_END_DECLS
