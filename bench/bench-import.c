/* Import speed (SPEC §5): a 2,000,000-row long-layout responses file through cyberboard-cli, against
 * the sqlite3 shell's own .import of the same file into a plain table, in the same run. Prints both
 * times, their ratio and the importer's peak memory. */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_SUPPLIERS 20000
#define N_QUESTIONS 100

static const char *const answers[] = { "Yes", "No", "Partial", "N/A", "はい", "いいえ", "一部", "該当なし" };

static void
write_file (const char *path,
            void      (*fill) (FILE *out, gpointer data),
            gpointer    data)
{
  FILE *out = fopen (path, "w");

  g_assert (out != NULL);
  fill (out, data);
  g_assert (fclose (out) == 0);
}

static void
fill_suppliers (FILE    *out,
                gpointer data)
{
  fputs ("code,name,criticality\n", out);
  for (int i = 0; i < N_SUPPLIERS; i++)
    fprintf (out, "S%05d,取引先%d,%s\n", i, i, i % 5 == 0 ? "high" : i % 2 ? "medium" : "low");
}

static void
fill_questionnaire (FILE    *out,
                    gpointer data)
{
  fputs ("questionnaire,version,question_code,text_ja,domain,weight\n", out);
  for (int q = 1; q <= N_QUESTIONS; q++)
    fprintf (out, "SCQ-BENCH,1,Q%d,設問%d,domain-%d,%d\n", q, q, q % 8, 1 + q % 5);
}

static void
fill_responses (FILE    *out,
                gpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  fputs ("supplier_code,questionnaire,question_code,answer,answered_on,comment\n", out);
  for (int i = 0; i < N_SUPPLIERS; i++)
    for (int q = 1; q <= N_QUESTIONS; q++)
      fprintf (out, "S%05d,SCQ-BENCH,Q%d,%s,2026-%02d-%02d,%s\n", i, q,
               answers[g_rand_int_range (rand, 0, G_N_ELEMENTS (answers))], 4 + i % 6, 1 + i % 28,
               q % 10 == 0 ? "規程あり" : "");
}

/* Runs @argv to completion; gives its wall time in seconds and its peak resident memory in KiB. */
static double
run (const char * const *argv,
     long               *peak_kib)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      if (freopen ("/dev/null", "w", stdout) == NULL)
        _exit (126);
      execvp (argv[0], (char **) argv);
      _exit (127);
    }
  g_assert (wait4 (pid, &status, 0, &usage) == pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", argv[0]);
  if (peak_kib != NULL)
    *peak_kib = usage.ru_maxrss;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("cb-bench-import-XXXXXX", NULL);
  g_autofree char *suppliers = g_build_filename (dir, "suppliers.csv", NULL);
  g_autofree char *questionnaire = g_build_filename (dir, "questionnaire.csv", NULL);
  g_autofree char *responses = g_build_filename (dir, "responses.csv", NULL);
  g_autofree char *workbook = g_build_filename (dir, "bench.cyberboard", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import_command = NULL;
  const char *cli = argc > 1 ? argv[1] : "cyberboard-cli";
  GStatBuf info;
  long peak_kib = 0, sqlite_kib = 0;
  double ours, theirs;

  write_file (suppliers, fill_suppliers, NULL);
  write_file (questionnaire, fill_questionnaire, NULL);
  write_file (responses, fill_responses, NULL);
  g_assert (g_stat (responses, &info) == 0);

  run ((const char *[]) { cli, "init", workbook, "--org", "ベンチマーク株式会社", NULL }, NULL);
  run ((const char *[]) { cli, "import", workbook, "suppliers", suppliers, NULL }, NULL);
  run ((const char *[]) { cli, "import", workbook, "questionnaire", questionnaire, NULL }, NULL);

  ours = run ((const char *[]) { cli, "import", workbook, "responses", responses, NULL }, &peak_kib);
  import_command = g_strdup_printf (".import --csv %s responses", responses);
  theirs = run ((const char *[]) { "sqlite3", plain, import_command, NULL }, &sqlite_kib);

  printf ("responses file:            %d rows, %.1f MB\n", N_SUPPLIERS * N_QUESTIONS, info.st_size / 1e6);
  printf ("cyberboard-cli import:     %.2f s (validation, scoring, indexes), peak memory %.1f MiB\n", ours,
          peak_kib / 1024.0);
  printf ("sqlite3 .import (plain):   %.2f s, peak memory %.1f MiB\n", theirs, sqlite_kib / 1024.0);
  printf ("ratio (ours / sqlite3):    %.2f (target below 1.0)\n", ours / theirs);
  printf ("peak memory target:        %s (under 64 MiB)\n", peak_kib < 64 * 1024 ? "met" : "missed");

  g_unlink (suppliers);
  g_unlink (questionnaire);
  g_unlink (responses);
  g_unlink (workbook);
  g_unlink (plain);
  g_rmdir (dir);
  return 0;
}
