#include <glib/gstdio.h>

#include "cb-test-util.h"

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
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
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
