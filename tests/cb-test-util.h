#pragma once

#include "cb-audit.h"
#include "cb-workbook.h"

G_BEGIN_DECLS

/* The organisation of the workbooks the tests create. */
extern const CbOrganisation cb_test_organisation;

/* A new folder for a test's files; cb_test_remove_dir() deletes it with the files in it. */
char       *cb_test_make_dir               (void);
void        cb_test_remove_dir             (const char    *dir);

/* A new workbook of cb_test_organisation at @path, whose changes are made by "tester". */
CbWorkbook *cb_test_create_workbook        (const char    *path);

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

G_END_DECLS
