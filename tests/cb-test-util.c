#include <glib/gstdio.h>

#include "cb-test-util.h"
#include "cb-workbook-private.h"

#include "cb-demo.h"
#include "cb-evaluation.h"

const CbOrganisation cb_test_organisation = {
  .name_ja = "テスト精工株式会社",
  .name_en = "Test Seiko Co., Ltd.",
  .fiscal_year_start = 4,
  .time_zone = "Asia/Tokyo",
  .language = "ja",
};

char *
cb_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cyberboard-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cb_test_remove_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        cb_test_remove_dir (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_clear_pointer (&listing, g_dir_close);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

GBytes *
cb_test_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

GBytes *
cb_test_workbook_bytes (CbWorkbook **workbook,
                        const char  *path)
{
  g_autofree char *user = g_strdup (cb_workbook_get_user (*workbook));
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_clear_object (workbook);
  bytes = cb_test_file_bytes (path);
  *workbook = cb_workbook_open (path, CB_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cb_workbook_set_user (*workbook, user);
  return bytes;
}

char *
cb_test_import_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

CbWorkbook *
cb_test_create_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  CbWorkbook *workbook = cb_workbook_create (path, &cb_test_organisation, &error);

  g_assert_no_error (error);
  cb_workbook_set_user (workbook, "tester");
  return workbook;
}

CbWorkbook *
cb_test_create_demo (const char *path,
                     guint32     seed)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  gboolean generated;

  workbook = cb_workbook_create (path, cb_demo_organisation (), &error);
  g_assert_no_error (error);
  generated = cb_demo_generate (workbook, CB_DEMO_SMALL, seed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (generated);
  return g_steal_pointer (&workbook);
}

gint64
cb_test_evaluation_of_year (CbWorkbook *workbook,
                            int         year)
{
  g_autoptr(GPtrArray) evaluations = cb_evaluation_list (workbook, NULL);

  for (guint i = 0; i < evaluations->len; i++)
    if (((CbEvaluation *) evaluations->pdata[i])->fiscal_year == year)
      return ((CbEvaluation *) evaluations->pdata[i])->id;
  g_assert_not_reached ();
}

const CbAuditEntry *
cb_test_find_audit_entry (GPtrArray  *entries,
                          const char *action,
                          const char *table_name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const CbAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action) && g_str_equal (entry->table_name, table_name))
        return entry;
    }
  return NULL;
}

void
cb_test_fixture_set_up (CbTestFixture *fixture,
                        gconstpointer  data)
{
  fixture->dir = cb_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.cyberboard", NULL);
  fixture->workbook = NULL;
}

void
cb_test_fixture_set_up_workbook (CbTestFixture *fixture,
                                 gconstpointer  data)
{
  cb_test_fixture_set_up (fixture, data);
  fixture->workbook = cb_test_create_workbook (fixture->path);
}

void
cb_test_fixture_tear_down (CbTestFixture *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->workbook);
  cb_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

gint64
cb_test_count (CbWorkbook *workbook,
               const char *sql)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
