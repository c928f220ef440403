/* Commands that move data between workbooks: evaluation export / import and merge. */

#include <stdio.h>
#include <string.h>

#include "cb-cli-private.h"
#include "cb-evaluation-file.h"
#include "cb-evaluation.h"
#include "cb-merge.h"

/* The latest revision of @year, or of the latest year when @year is 0. */
static gint64
latest_evaluation (CbWorkbook  *workbook,
                   int          year,
                   GError     **error)
{
  g_autoptr(GPtrArray) evaluations = cb_evaluation_list (workbook, error);
  const CbEvaluation *best = NULL;

  if (evaluations == NULL)
    return 0;
  for (guint i = 0; i < evaluations->len; i++)
    {
      const CbEvaluation *evaluation = evaluations->pdata[i];
      if (year != 0 && evaluation->fiscal_year != year)
        continue;
      if (best == NULL || evaluation->fiscal_year > best->fiscal_year
          || (evaluation->fiscal_year == best->fiscal_year && evaluation->revision > best->revision))
        best = evaluation;
    }
  if (best == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, "%s: no board evaluation%s",
                   cb_workbook_get_path (workbook), year ? " for that fiscal year" : "");
      return 0;
    }
  return best->id;
}

int
cb_cli_evaluation (int    argc,
                   char **argv)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status;
  gint64 id;
  CbEvaluationFileResult result;
  gboolean export;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "export: the fiscal year (default: the latest)", "YEAR" },
    { NULL }
  };

  if (!cb_cli_parse ("evaluation", "export|import WORKBOOK FILE",
                     "Hand a board evaluation between the evaluator's copy and the company's workbook.",
                     entries, &argc, &argv, 3, &status))
    return status;
  if (!g_str_equal (argv[2], "export") && !g_str_equal (argv[2], "import"))
    return cb_cli_usage_error (NULL, "evaluation: the first argument is export or import");
  export = g_str_equal (argv[2], "export");

  workbook = cb_workbook_open (argv[3], export ? CB_WORKBOOK_OPEN_READ_ONLY : CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  if (export)
    {
      id = latest_evaluation (workbook, year, &error);
      if (id == 0 || !cb_evaluation_file_export (workbook, id, argv[4], &error))
        return cb_cli_fail (error);
      return CB_EXIT_OK;
    }
  if (!cb_evaluation_file_import (workbook, argv[4], &id, &result, &error))
    return cb_cli_fail (error);
  switch (result)
    {
    case CB_EVALUATION_FILE_ADDED:
      printf ("%s: imported as evaluation %" G_GINT64_FORMAT "\n", argv[4], id);
      break;
    case CB_EVALUATION_FILE_REPLACED:
      printf ("%s: imported as evaluation %" G_GINT64_FORMAT ", replacing the unsigned one of the same year and "
              "revision\n", argv[4], id);
      break;
    case CB_EVALUATION_FILE_ALREADY_PRESENT:
      printf ("%s: already in the workbook as evaluation %" G_GINT64_FORMAT "; nothing imported\n", argv[4], id);
      break;
    }
  return CB_EXIT_OK;
}

int
cb_cli_merge (int    argc,
              char **argv)
{
  g_autofree char *as_code = NULL;
  g_autoptr(CbWorkbook) group = NULL;
  g_autoptr(CbWorkbook) subsidiary = NULL;
  g_autoptr(CbBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as_code, "Entity code of the subsidiary in the group", "CODE" },
    { NULL }
  };

  if (!cb_cli_parse ("merge", "WORKBOOK SUBSIDIARY_WORKBOOK", "Consolidate a subsidiary's workbook into the group's.",
                     entries, &argc, &argv, 2, &status))
    return status;
  group = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_DEFAULT, &error);
  if (group == NULL)
    return cb_cli_fail (error);
  subsidiary = cb_workbook_open (argv[3], CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (subsidiary == NULL)
    return cb_cli_fail (error);
  if (!cb_merge_workbook (group, subsidiary, as_code, &batch, &error))
    return cb_cli_fail (error);
  printf ("%s: %" G_GINT64_FORMAT " rows (%" G_GINT64_FORMAT " new, %" G_GINT64_FORMAT " updated), batch %"
          G_GINT64_FORMAT "\n", argv[3], batch->rows_read, batch->rows_inserted, batch->rows_updated, batch->id);
  return CB_EXIT_OK;
}
