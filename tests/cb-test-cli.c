#include "cb-test-cli.h"

void
cb_test_run_free (CbTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

CbTestRun *
cb_test_cli (const char *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list list;

  va_start (list, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);
  return cb_test_cli_argv ((const char * const *) args->pdata);
}

CbTestRun *
cb_test_cli_argv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) exit_error = NULL;
  CbTestRun *run = g_new0 (CbTestRun, 1);
  const char *program = g_getenv ("CB_CLI");
  int wait_status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &exit_error))
    run->status = 0;
  else
    {
      g_assert_true (exit_error->domain == G_SPAWN_EXIT_ERROR);
      run->status = exit_error->code;
    }
  return run;
}
