/* The report command: the board report, the evaluation report and the investor disclosure as PDF. */

#include "cb-cli-private.h"
#include "cb-report.h"
#include "cb-theme.h"

int
cb_cli_report (int    argc,
               char **argv)
{
  g_autofree char *type_text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *period = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *output = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  CbReportOutcome outcome = { NULL };
  CbReportOptions options = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, "board, evaluation or disclosure", "TYPE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "ja or en (default: the workbook's report language)", "LANG" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      "Period such as FY2026Q1 (default: the latest with data); the evaluation of its fiscal year; the "
      "disclosure of that period", "P" },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, "Entity code for the board report (default: the whole group)",
      "CODE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF to write", "OUT.pdf" },
    { NULL }
  };

  if (!cb_cli_parse ("report", "WORKBOOK", "Write a board report, evaluation report or disclosure as PDF.",
                     entries, &argc, &argv, 1, &status))
    return status;
  if (type_text == NULL)
    return cb_cli_usage_error (NULL, "report: --type board|evaluation|disclosure is required");
  if (output == NULL)
    return cb_cli_usage_error (NULL, "report: -o OUT.pdf is required");
  if (!cb_report_type_parse (type_text, &options.type, &error)
      || (lang != NULL && !cb_report_check_lang (lang, &error)))
    return cb_cli_fail (error);
  if (entity != NULL && options.type != CB_REPORT_BOARD)
    return cb_cli_usage_error (NULL, "report: --entity applies to the board report only");

  options.lang = lang;
  options.period = period;
  options.entity = entity;

  /* The hash of the PDF of a signed evaluation or an approved disclosure is kept with it. */
  workbook = cb_workbook_open (argv[2], options.type == CB_REPORT_BOARD ? CB_WORKBOOK_OPEN_READ_ONLY
                                                                        : CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL || !cb_theme_check_fonts (&error)
      || !cb_report_write (workbook, &options, output, &outcome, &error))
    return cb_cli_fail (error);

  if (outcome.kept_hash != NULL && g_strcmp0 (outcome.kept_hash, outcome.sha256) == 0)
    g_printerr ("cyberboard-cli: %s already has the SHA-256 of this PDF; left as it was\n", outcome.sealed_what);
  else if (outcome.kept_hash != NULL)
    g_printerr ("cyberboard-cli: %s already has the SHA-256 of an earlier PDF (%s); left as it was, this PDF "
                "is %s\n", outcome.sealed_what, outcome.kept_hash, outcome.sha256);
  else if (outcome.sealed_what != NULL && !outcome.hash_recorded)
    g_printerr ("cyberboard-cli: %s cannot take the SHA-256 of its PDF any more; not recorded\n",
                outcome.sealed_what);
  cb_report_outcome_clear (&outcome);

  return CB_EXIT_OK;
}
