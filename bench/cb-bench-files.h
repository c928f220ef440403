#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CB_BENCH_N_SUPPLIERS 20000
#define CB_BENCH_N_QUESTIONS 100
#define CB_BENCH_N_RESPONSES (CB_BENCH_N_SUPPLIERS * CB_BENCH_N_QUESTIONS)

/* The import benchmarks' CSV files at SPEC §5's scale: 20,000 suppliers, a 100-question
 * questionnaire and the 2,000,000 long-layout responses to it (about 85 MB). */
typedef struct
{
  char *suppliers;
  char *questionnaire;
  char *responses;
} CbBenchFiles;

/* Writes the three files into @dir, the same every time. */
CbBenchFiles *cb_bench_files_write (const char   *dir);
/* Deletes the files, then frees @files. */
void          cb_bench_files_free  (CbBenchFiles *files);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbBenchFiles, cb_bench_files_free)

G_END_DECLS
