#include <string.h>

#include "cb-audit.h"
#include "cb-evidence.h"
#include "cb-record.h"
#include "cb-test-util.h"

typedef struct
{
  CbTestFixture base;
  gint64        assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CbRecord) record = cb_record_new (cb_kind_lookup ("assessments"));
  g_autoptr(GError) error = NULL;

  cb_test_fixture_set_up_workbook (&fixture->base, data);
  cb_record_set (record, "period", "FY2026Q1");
  cb_record_set (record, "item_key", "CSMG.D3");
  cb_record_set (record, "level", "2");
  g_assert_true (cb_workbook_save_record (fixture->base.workbook, record, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture->assessment_id = cb_record_get_id (record);
  g_assert_cmpint (fixture->assessment_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_fixture_tear_down (&fixture->base, data);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (fixture->base.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* The digests are the published test vectors of FIPS 180-2 and the digest of the empty message;
 * a million bytes take the reader through many buffers. */
static void
test_file_hash (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *name;
    char        fill;
    gsize       length;
    const char *sha256;
  } cases[] = {
    { "empty.txt", 0, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "million.txt", 'a', 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_malloc (cases[i].length + 1);
      g_autofree char *path = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *from_uri = NULL;
      g_autoptr(GError) error = NULL;

      memset (contents, cases[i].fill, cases[i].length);
      path = write_file (fixture, cases[i].name, contents, cases[i].length);
      g_assert_true (cb_evidence_file_sha256 (path, &sha256, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sha256, ==, cases[i].sha256);

      uri = g_filename_to_uri (path, NULL, NULL);
      g_assert_true (cb_evidence_file_sha256 (uri, &from_uri, &error));
      g_assert_cmpstr (from_uri, ==, cases[i].sha256);
    }
}

static void
test_attach_records_hash_at_attach_time (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "policy.txt", "abc", 3);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const CbAuditEntry *entry;
  const CbEvidence *first;
  gint64 id;

  id = cb_evidence_attach (fixture->base.workbook, fixture->assessment_id, "基本方針", path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cb_evidence_attach (fixture->base.workbook, fixture->assessment_id, "CSIRT規程",
                                       "https://intra.example.jp/csirt.pdf", &error), >, id);
  g_assert_cmpint (cb_evidence_attach (fixture->base.workbook, fixture->assessment_id, "議事録",
                                       "/no/such/share/minutes.docx", &error), >, id);
  g_assert_no_error (error);

  /* The file changes after it was attached; the hash recorded then does not. */
  g_free (write_file (fixture, "policy.txt", "abd", 3));

  evidence = cb_evidence_list (fixture->base.workbook, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 3);
  first = evidence->pdata[0];
  g_assert_cmpint (first->id, ==, id);
  g_assert_cmpstr (first->title, ==, "基本方針");
  g_assert_cmpstr (first->location, ==, path);
  g_assert_cmpstr (first->sha256, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_null (((CbEvidence *) evidence->pdata[1])->sha256);
  g_assert_null (((CbEvidence *) evidence->pdata[2])->sha256);

  audit = cb_audit_list (fixture->base.workbook, 3, &error);
  entry = audit->pdata[2];
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->table_name, ==, "evidence");
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_null (entry->old_values);
  g_assert_nonnull (strstr (entry->new_values,
                            "\"sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
  g_assert_nonnull (strstr (entry->new_values, "\"title\":\"基本方針\""));
}

static void
test_remove_is_audited (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const CbAuditEntry *entry;
  gint64 keep, drop;

  keep = cb_evidence_attach (fixture->base.workbook, fixture->assessment_id, "A", "https://a.example/", &error);
  drop = cb_evidence_attach (fixture->base.workbook, fixture->assessment_id, "B", "https://b.example/", &error);
  g_assert_true (cb_evidence_remove (fixture->base.workbook, drop, &error));
  g_assert_no_error (error);

  evidence = cb_evidence_list (fixture->base.workbook, fixture->assessment_id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (((CbEvidence *) evidence->pdata[0])->id, ==, keep);

  audit = cb_audit_list (fixture->base.workbook, 1, &error);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpint (entry->row_id, ==, drop);
  g_assert_nonnull (strstr (entry->old_values, "\"location\":\"https://b.example/\""));
  g_assert_null (entry->new_values);

  g_assert_false (cb_evidence_remove (fixture->base.workbook, drop, &error));
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND);
}

/* Each refusal leaves the log and the evidence as they were. */
static void
test_refusals_write_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  const struct
  {
    gint64      assessment_id;
    const char *title;
    const char *location;
    int         code;
    const char *message;
  } cases[] = {
    { fixture->assessment_id, "", "https://a.example/", CB_WORKBOOK_ERROR_INVALID, "title:" },
    { fixture->assessment_id, "  ", "https://a.example/", CB_WORKBOOK_ERROR_INVALID, "title:" },
    { fixture->assessment_id, "A", NULL, CB_WORKBOOK_ERROR_INVALID, "location:" },
    { fixture->assessment_id + 100, "A", "https://a.example/", CB_WORKBOOK_ERROR_NOT_FOUND, "no assessment" },
    /* A regular file that cannot be read: the kernel refuses reading this process's memory at 0. */
    { fixture->assessment_id, "A", "/proc/self/mem", CB_WORKBOOK_ERROR_FAILED, "cannot read" },
  };
  g_autoptr(GPtrArray) before = cb_audit_list (fixture->base.workbook, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GPtrArray) evidence = NULL;

      g_assert_cmpint (cb_evidence_attach (fixture->base.workbook, cases[i].assessment_id, cases[i].title,
                                           cases[i].location, &error), ==, 0);
      g_assert_error (error, CB_WORKBOOK_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = cb_audit_list (fixture->base.workbook, 0, NULL);
      g_assert_cmpuint (after->len, ==, before->len);
      evidence = cb_evidence_list (fixture->base.workbook, fixture->assessment_id, NULL);
      g_assert_cmpuint (evidence->len, ==, 0);
    }
}

static void
test_read_only_workbook (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CbWorkbook) reader = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->base.workbook);
  reader = cb_workbook_open (fixture->base.path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_evidence_attach (reader, fixture->assessment_id, "A", "https://a.example/", &error), ==, 0);
  g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/evidence/file-hash", Fixture, NULL, fixture_set_up, test_file_hash, fixture_tear_down);
  g_test_add ("/evidence/attach-records-hash-at-attach-time", Fixture, NULL, fixture_set_up,
              test_attach_records_hash_at_attach_time, fixture_tear_down);
  g_test_add ("/evidence/remove-is-audited", Fixture, NULL, fixture_set_up, test_remove_is_audited,
              fixture_tear_down);
  g_test_add ("/evidence/refusals-write-nothing", Fixture, NULL, fixture_set_up, test_refusals_write_nothing,
              fixture_tear_down);
  g_test_add ("/evidence/read-only-workbook", Fixture, NULL, fixture_set_up, test_read_only_workbook,
              fixture_tear_down);
  return g_test_run ();
}
