/* SPEC §5, no data loss: cyberboard-cli killed at any moment of an import or of a schema upgrade
 * leaves the workbook passing PRAGMA integrity_check, with the batch and its scores, or the
 * upgrade, either wholly there or not at all. The command is killed after delays from a few
 * milliseconds to past its end. */

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "cb-test-cli.h"
#include "cb-test-util.h"
#include "cb-workbook-private.h"

#define N_SUPPLIERS 1000
#define N_QUESTIONS 100

/* The delays before the kill: every 5 ms over the 0.3 s a plain build takes, then growing by half
 * for the slower sanitizer build, until a command is not killed but ends. */
static guint
next_delay (guint delay_ms)
{
  return delay_ms + (delay_ms < 300 ? 5 : delay_ms / 2);
}

#define LAST_DELAY_MS 60000

static void
write_files (const char *dir)
{
  g_autoptr(GString) suppliers = g_string_new ("code,name,criticality\n");
  g_autoptr(GString) questions = g_string_new ("questionnaire,version,question_code,text_ja,domain,weight\n");
  g_autoptr(GString) responses = g_string_new ("supplier_code,questionnaire,question_code,answer,answered_on\n");
  static const char *const answers[] = { "Yes", "一部", "No", "N/A" };
  g_autofree char *suppliers_path = g_build_filename (dir, "suppliers.csv", NULL);
  g_autofree char *questions_path = g_build_filename (dir, "questions.csv", NULL);
  g_autofree char *responses_path = g_build_filename (dir, "responses.csv", NULL);

  for (int k = 0; k < N_SUPPLIERS; k++)
    g_string_append_printf (suppliers, "S%04d,取引先%d,%s\n", k, k, k % 2 ? "high" : "low");
  for (int q = 1; q <= N_QUESTIONS; q++)
    g_string_append_printf (questions, "SCQ,1,Q%d,設問%d,d%d,%d\n", q, q, q % 5, 1 + q % 3);
  for (int k = 0; k < N_SUPPLIERS; k++)
    for (int q = 1; q <= N_QUESTIONS; q++)
      g_string_append_printf (responses, "S%04d,SCQ,Q%d,%s,2026-04-01\n", k, q, answers[(k + q) % 4]);
  g_assert_true (g_file_set_contents (suppliers_path, suppliers->str, suppliers->len, NULL));
  g_assert_true (g_file_set_contents (questions_path, questions->str, questions->len, NULL));
  g_assert_true (g_file_set_contents (responses_path, responses->str, responses->len, NULL));
}

static void
assert_ran (CbTestRun *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  cb_test_run_free (run);
}

static const char *
integrity (CbWorkbook *workbook)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (workbook, "PRAGMA integrity_check", NULL);
  static char result[256];

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (result, (const char *) sqlite3_column_text (stmt, 0), sizeof result);
  sqlite3_reset (stmt);
  return result;
}

/* Whether @path is a rollback journal SQLite will play back: one that starts with its magic number
 * (an empty or zeroed one is a finished transaction's). */
static gboolean
is_hot_journal (const char *path)
{
  static const guint8 magic[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *bytes = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &bytes, &length, NULL) && length >= sizeof magic
         && memcmp (bytes, magic, sizeof magic) == 0;
}

/* Runs an import and kills it after @delay_ms; TRUE when it was killed before it ended. */
static gboolean
kill_import (const char *workbook,
             const char *kind,
             const char *file,
             guint       delay_ms)
{
  const char *argv[] = { g_getenv ("CB_CLI"), "import", workbook, kind, file, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  for (guint waited = 0; waited < delay_ms; waited++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          g_spawn_close_pid (pid);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          return FALSE;
        }
      g_usleep (1000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (WIFEXITED (status))
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return WIFSIGNALED (status);
}

static void
test_killed_import (CbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *suppliers = g_build_filename (fixture->dir, "suppliers.csv", NULL);
  g_autofree char *questions = g_build_filename (fixture->dir, "questions.csv", NULL);
  g_autofree char *responses = g_build_filename (fixture->dir, "responses.csv", NULL);
  g_autofree char *base = g_build_filename (fixture->dir, "base.cyberboard", NULL);
  guint killed = 0, whole = 0, hot = 0;

  write_files (fixture->dir);
  assert_ran (cb_test_cli ("init", base, "--org", "東邦精機株式会社", NULL));
  assert_ran (cb_test_cli ("import", base, "suppliers", suppliers, NULL));
  assert_ran (cb_test_cli ("import", base, "questionnaire", questions, NULL));

  for (guint delay_ms = 5; delay_ms < LAST_DELAY_MS; delay_ms = next_delay (delay_ms))
    {
      g_autofree char *path = g_strdup_printf ("%s/killed-%u.cyberboard", fixture->dir, delay_ms);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *bytes = NULL;
      g_autoptr(CbWorkbook) workbook = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      gboolean was_killed, writing;
      gint64 batches;

      g_assert_true (g_file_get_contents (base, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (path, bytes, length, NULL));
      was_killed = kill_import (path, "responses", responses, delay_ms);
      writing = is_hot_journal (journal);

      /* Opening rolls back what a killed import left half done. */
      workbook = cb_workbook_open (path, CB_WORKBOOK_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (integrity (workbook), ==, "ok");
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (cb_test_count (workbook, "PRAGMA foreign_keys"), ==, 1);

      batches = cb_test_count (workbook, "SELECT count(*) FROM import_batches WHERE kind = 'responses'");
      g_test_message ("killed after %u ms: %s%s, batch %s", delay_ms, was_killed ? "killed" : "finished",
                      writing ? " while writing" : "", batches ? "there" : "absent");
      g_assert_cmpint (batches, <=, 1);
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM responses"), ==, batches * N_SUPPLIERS * N_QUESTIONS);
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM supplier_assessments"), ==, batches * N_SUPPLIERS);
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM supplier_assessment_domains"), ==,
                       batches * N_SUPPLIERS * 5);
      if (!was_killed)
        g_assert_cmpint (batches, ==, 1);
      killed += was_killed;
      hot += writing;
      whole += batches;
      if (!was_killed)
        break;
    }

  /* Not vacuous: some imports were killed, at least one while it wrote the workbook (which leaves
   * a journal to roll back), and the last one finished. */
  g_assert_cmpuint (killed, >=, 3);
  g_assert_cmpuint (hot, >=, 1);
  g_assert_cmpuint (whole, >=, 1);
}

/* A schema-1 workbook with 1,000 suppliers answering 100 questions, whose upgrade sums the answers
 * of every assessment by domain: long enough to be killed in. */
static void
make_old_workbook (const char *path)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "data", "schema", "v1.sql", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *data = g_strdup_printf (
    "INSERT INTO questionnaires (id, code, version) VALUES (1, 'SCQ', '1');"
    "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %d) "
    "INSERT INTO questions (id, questionnaire_id, code, text_ja, domain, weight, position) "
    "SELECT x, 1, 'Q' || x, '設問' || x, 'd' || (x %% 5), 1, x FROM n;"
    "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %d) "
    "INSERT INTO suppliers (id, code, name, criticality) SELECT x, 'S' || x, '取引先' || x, 'high' FROM n;"
    "INSERT INTO responses (supplier_id, question_id, answered_on, answer, score) "
    "SELECT s.id, q.id, '2026-04-01', 'Yes', 1 FROM suppliers s, questions q;"
    "INSERT INTO supplier_assessments (supplier_id, questionnaire_id, assessed_on, score, answered_share, answered, "
    "scored, failed_high_weight) SELECT id, 1, '2026-04-01', 100, 1, %d, %d, 0 FROM suppliers;",
    N_QUESTIONS, N_SUPPLIERS, N_QUESTIONS, N_QUESTIONS);
  sqlite3 *db;

  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, schema, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, data, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Kills the upgrade after each delay from @first_ms on, until it ends before one; counts the runs
 * killed and those that left a journal to roll back. */
static void
kill_upgrades (const char *dir,
               const char *base,
               const char *suppliers,
               guint       first_ms,
               guint      *killed,
               guint      *hot)
{
  for (guint delay_ms = first_ms; delay_ms < LAST_DELAY_MS; delay_ms = next_delay (delay_ms))
    {
      g_autofree char *path = g_strdup_printf ("%s/upgrade-%u-%u.cyberboard", dir, first_ms, delay_ms);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *bytes = NULL;
      g_autoptr(CbWorkbook) workbook = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      gboolean was_killed;
      gint64 suppliers_after;

      g_assert_true (g_file_get_contents (base, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (path, bytes, length, NULL));
      /* Importing opens the workbook for writing, which upgrades it first. */
      was_killed = kill_import (path, "suppliers", suppliers, delay_ms);

      /* Left mid-change, with a journal to roll back, it is refused for reading alone. */
      if (is_hot_journal (journal))
        {
          g_autoptr(CbWorkbook) reader = cb_workbook_open (path, CB_WORKBOOK_OPEN_READ_ONLY, &error);
          g_autofree char *expected = g_strconcat (path, ": a change to the workbook was interrupted; open it for "
                                                   "writing once to undo it", NULL);

          g_test_message ("a journal to roll back");
          (*hot)++;
          g_assert_null (reader);
          g_assert_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY);
          g_assert_cmpstr (error->message, ==, expected);
          g_clear_error (&error);
        }

      g_test_message ("killed after %u ms: %s", delay_ms, was_killed ? "killed" : "finished");

      /* Opened for writing, it is whole: what the killed upgrade left half done is rolled back first,
       * from the header on, and the upgrade done now if it was not then. */
      workbook = cb_workbook_open (path, CB_WORKBOOK_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (integrity (workbook), ==, "ok");
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (cb_test_count (workbook, "PRAGMA user_version"), ==, 2);
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM responses"), ==, N_SUPPLIERS * N_QUESTIONS);
      /* Five domains of 20 answers for every assessment. */
      g_assert_cmpint (cb_test_count (workbook, "SELECT count(*) FROM supplier_assessment_domains WHERE answers = 20"), ==,
                       N_SUPPLIERS * 5);
      /* The import after the upgrade: all or nothing too. */
      suppliers_after = cb_test_count (workbook, "SELECT count(*) FROM suppliers");
      g_assert_true (suppliers_after == N_SUPPLIERS || suppliers_after == N_SUPPLIERS + 1);
      if (!was_killed)
        g_assert_cmpint (suppliers_after, ==, N_SUPPLIERS + 1);
      *killed += was_killed;
      if (!was_killed)
        break;
    }
}

static void
test_killed_upgrade (CbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *base = g_build_filename (fixture->dir, "old.cyberboard", NULL);
  g_autofree char *suppliers = g_build_filename (fixture->dir, "suppliers.csv", NULL);
  guint killed = 0, hot = 0;

  make_old_workbook (base);
  g_assert_true (g_file_set_contents (suppliers, "code,name\nS-NEW,新しい取引先\n", -1, NULL));

  /* The journal is one to roll back only while the workbook itself is written, a few milliseconds
   * at the end of the upgrade that delays 5 ms apart can miss: until a kill lands there, the delays
   * are tried again a millisecond later. */
  for (guint shift = 0; shift < 5 && hot == 0; shift++)
    kill_upgrades (fixture->dir, base, suppliers, 5 + shift, &killed, &hot);

  /* Not vacuous: some upgrades were killed, at least one while it wrote the workbook. */
  g_assert_cmpuint (killed, >=, 3);
  g_assert_cmpuint (hot, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/killed/import", CbTestFixture, NULL, cb_test_fixture_set_up, test_killed_import,
              cb_test_fixture_tear_down);
  g_test_add ("/killed/upgrade", CbTestFixture, NULL, cb_test_fixture_set_up, test_killed_upgrade,
              cb_test_fixture_tear_down);
  return g_test_run ();
}
