#pragma once

#include <glib.h>

#include "cb-workbook.h"

G_BEGIN_DECLS

/* One subcommand of cyberboard-cli: parses its own arguments and returns the exit status. */
typedef int (*CbCliCommand) (int    argc,
                             char **argv);

typedef struct
{
  const char   *name;
  const char   *summary;
  CbCliCommand  run;
} CbCliEntry;

/* Exit statuses of SPEC §2. */
enum
{
  CB_EXIT_OK = 0,
  CB_EXIT_FAILURE = 1,
  CB_EXIT_BAD_INPUT = 2,
};

/* Prints @error as "cyberboard-cli: message" and gives the exit status it deserves. */
int          cb_cli_fail           (const GError *error);
int          cb_cli_usage_error    (GOptionContext *context,
                                    const char     *message);
/* Parses @entries for the command @name; FALSE (with the exit status in @status) on bad usage or --help. */
gboolean     cb_cli_parse          (const char     *name,
                                    const char     *parameters,
                                    const char     *summary,
                                    GOptionEntry   *entries,
                                    int            *argc,
                                    char         ***argv,
                                    int             n_positional,
                                    int            *status);
/* Whether progress lines should go to stderr (only when it is a terminal). */
gboolean     cb_cli_show_progress  (void);

int cb_cli_init   (int argc, char **argv);
int cb_cli_demo   (int argc, char **argv);
int cb_cli_status (int argc, char **argv);
int cb_cli_check  (int argc, char **argv);
int cb_cli_preview (int argc, char **argv);
int cb_cli_import  (int argc, char **argv);
int cb_cli_batches (int argc, char **argv);
int cb_cli_undo    (int argc, char **argv);
int cb_cli_export  (int argc, char **argv);
int cb_cli_evaluation (int argc, char **argv);
int cb_cli_merge   (int argc, char **argv);
int cb_cli_report  (int argc, char **argv);

G_END_DECLS
