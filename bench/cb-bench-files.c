#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cb-bench-files.h"

static const char *const answers[] = { "Yes", "No", "Partial", "N/A", "はい", "いいえ", "一部", "該当なし" };

static void
write_file (const char *path,
            void      (*fill) (FILE *out))
{
  FILE *out = fopen (path, "w");

  if (out == NULL)
    g_error ("%s: %s", path, g_strerror (errno));
  fill (out);
  if (fclose (out) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
}

static void
fill_suppliers (FILE *out)
{
  fputs ("code,name,criticality\n", out);
  for (int i = 0; i < CB_BENCH_N_SUPPLIERS; i++)
    fprintf (out, "S%05d,取引先%d,%s\n", i, i, i % 5 == 0 ? "high" : i % 2 ? "medium" : "low");
}

static void
fill_questionnaire (FILE *out)
{
  fputs ("questionnaire,version,question_code,text_ja,domain,weight\n", out);
  for (int q = 1; q <= CB_BENCH_N_QUESTIONS; q++)
    fprintf (out, "SCQ-BENCH,1,Q%d,設問%d,domain-%d,%d\n", q, q, q % 8, 1 + q % 5);
}

static void
fill_responses (FILE *out)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  fputs ("supplier_code,questionnaire,question_code,answer,answered_on,comment\n", out);
  for (int i = 0; i < CB_BENCH_N_SUPPLIERS; i++)
    for (int q = 1; q <= CB_BENCH_N_QUESTIONS; q++)
      fprintf (out, "S%05d,SCQ-BENCH,Q%d,%s,2026-%02d-%02d,%s\n", i, q,
               answers[g_rand_int_range (rand, 0, G_N_ELEMENTS (answers))], 4 + i % 6, 1 + i % 28,
               q % 10 == 0 ? "規程あり" : "");
}

CbBenchFiles *
cb_bench_files_write (const char *dir)
{
  CbBenchFiles *files = g_new0 (CbBenchFiles, 1);

  files->suppliers = g_build_filename (dir, "suppliers.csv", NULL);
  files->questionnaire = g_build_filename (dir, "questionnaire.csv", NULL);
  files->responses = g_build_filename (dir, "responses.csv", NULL);
  write_file (files->suppliers, fill_suppliers);
  write_file (files->questionnaire, fill_questionnaire);
  write_file (files->responses, fill_responses);
  return files;
}

void
cb_bench_files_free (CbBenchFiles *files)
{
  g_unlink (files->suppliers);
  g_unlink (files->questionnaire);
  g_unlink (files->responses);
  g_free (files->suppliers);
  g_free (files->questionnaire);
  g_free (files->responses);
  g_free (files);
}
