/* cyberboard-cli: the headless twin of the app, for scripts, tests and benchmarks. No GTK here. */

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "cb-cli-private.h"
#include "cb-period.h"
#include "cb-value-parse.h"
#include "cb-workbook.h"

static const CbCliEntry commands[] = {
  { "init", "Create a workbook for an organisation", cb_cli_init },
  { "demo", "Create a workbook filled with a believable demo company", cb_cli_demo },
  { "status", "Show the figures of one period", cb_cli_status },
  { "preview", "Show how a CSV file reads", cb_cli_preview },
  { "import", "Import a CSV file: all rows or none", cb_cli_import },
  { "batches", "List the imports", cb_cli_batches },
  { "undo", "Undo one import", cb_cli_undo },
  { "export", "Export one kind as CSV", cb_cli_export },
  { "evaluation", "Export or import a board evaluation", cb_cli_evaluation },
  { "report", "Write a board, evaluation or disclosure report as PDF", cb_cli_report },
  { "merge", "Consolidate a subsidiary's workbook", cb_cli_merge },
  { "check", "Check a workbook's integrity", cb_cli_check },
};

int
cb_cli_fail (const GError *error)
{
  g_printerr ("cyberboard-cli: %s\n", error->message);
  if (error->domain == CB_WORKBOOK_ERROR && error->code != CB_WORKBOOK_ERROR_FAILED)
    return CB_EXIT_BAD_INPUT;
  if (error->domain == G_OPTION_ERROR || error->domain == CB_PERIOD_ERROR || error->domain == CB_VALUE_ERROR)
    return CB_EXIT_BAD_INPUT;
  return CB_EXIT_FAILURE;
}

int
cb_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_printerr ("cyberboard-cli: %s\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  return CB_EXIT_BAD_INPUT;
}

gboolean
cb_cli_parse (const char     *name,
              const char     *parameters,
              const char     *summary,
              GOptionEntry   *entries,
              int            *argc,
              char         ***argv,
              int             n_positional,
              int            *status)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", name, parameters);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cb_cli_usage_error (context, error->message);
      return FALSE;
    }
  /* argv[0] is the program, argv[1] the command itself. */
  if (*argc - 2 != n_positional)
    {
      *status = cb_cli_usage_error (context, *argc - 2 < n_positional ? "missing arguments" : "too many arguments");
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_cli_show_progress (void)
{
  return isatty (STDERR_FILENO);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage: cyberboard-cli COMMAND [OPTION…]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream, "\nRun “cyberboard-cli COMMAND --help” for a command's options.\n");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("CYBERBOARD_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The tests run the CLI uninstalled, with the catalogues of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CB_EXIT_BAD_INPUT;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CB_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cyberboard-cli %s\n", CB_VERSION);
      return CB_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc, argv);

  g_printerr ("cyberboard-cli: unknown command “%s”\n", argv[1]);
  print_usage (stderr);
  return CB_EXIT_BAD_INPUT;
}
