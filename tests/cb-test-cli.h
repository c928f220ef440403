#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a run of cyberboard-cli gave. */
typedef struct
{
  int   status;  /* the exit status */
  char *out;
  char *err;
} CbTestRun;

void        cb_test_run_free               (CbTestRun     *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTestRun, cb_test_run_free)

/* Runs the cyberboard-cli that $CB_CLI names with the arguments up to NULL. */
CbTestRun  *cb_test_cli                    (const char    *first,
                                            ...) G_GNUC_NULL_TERMINATED;
/* The same with the arguments in an array that NULL ends. */
CbTestRun  *cb_test_cli_argv               (const char * const *args);

G_END_DECLS
