/* Import speed (SPEC §5): a 2,000,000-row long-layout responses file through cyberboard-cli, against
 * the sqlite3 shell's own .import of the same file into a plain table, in the same run. Prints both
 * times, their ratio and the importer's peak memory. */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cb-bench-files.h"

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
  g_autoptr(CbBenchFiles) files = NULL;
  g_autofree char *workbook = g_build_filename (dir, "bench.cyberboard", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import_command = NULL;
  const char *cli = argc > 1 ? argv[1] : "cyberboard-cli";
  GStatBuf info;
  long peak_kib = 0, sqlite_kib = 0;
  double ours, theirs;

  files = cb_bench_files_write (dir);
  g_assert (g_stat (files->responses, &info) == 0);

  run ((const char *[]) { cli, "init", workbook, "--org", "ベンチマーク株式会社", NULL }, NULL);
  run ((const char *[]) { cli, "import", workbook, "suppliers", files->suppliers, NULL }, NULL);
  run ((const char *[]) { cli, "import", workbook, "questionnaire", files->questionnaire, NULL }, NULL);

  ours = run ((const char *[]) { cli, "import", workbook, "responses", files->responses, NULL }, &peak_kib);
  import_command = g_strdup_printf (".import --csv %s responses", files->responses);
  theirs = run ((const char *[]) { "sqlite3", plain, import_command, NULL }, &sqlite_kib);

  printf ("responses file:            %d rows, %.1f MB\n", CB_BENCH_N_RESPONSES, info.st_size / 1e6);
  printf ("cyberboard-cli import:     %.2f s (validation, scoring, indexes), peak memory %.1f MiB\n", ours,
          peak_kib / 1024.0);
  printf ("sqlite3 .import (plain):   %.2f s, peak memory %.1f MiB\n", theirs, sqlite_kib / 1024.0);
  printf ("ratio (ours / sqlite3):    %.2f (target below 1.0)\n", ours / theirs);
  printf ("peak memory target:        %s (under 64 MiB)\n", peak_kib < 64 * 1024 ? "met" : "missed");

  g_clear_pointer (&files, cb_bench_files_free);
  g_unlink (workbook);
  g_unlink (plain);
  g_rmdir (dir);
  return 0;
}
