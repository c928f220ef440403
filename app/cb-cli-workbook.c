/* The workbook commands: init, demo, status and check. */

#include <stdio.h>

#include "cb-cli-private.h"
#include "cb-demo.h"
#include "cb-snapshot.h"
#include "cb-workbook.h"

int
cb_cli_init (int    argc,
             char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *org_en = NULL;
  g_autofree char *tz = NULL;
  g_autofree char *lang = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  int month = 4;
  int status;
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, "The organisation's name (Japanese or the only one)", "NAME" },
    { "org-en", 0, 0, G_OPTION_ARG_STRING, &org_en, "The organisation's English name", "NAME" },
    { "fiscal-year-start", 0, 0, G_OPTION_ARG_INT, &month, "First month of the fiscal year (default 4)", "MONTH" },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &tz, "Time zone (default Asia/Tokyo)", "ZONE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Default report language, ja or en (default ja)", "LANG" },
    { NULL }
  };

  if (!cb_cli_parse ("init", "WORKBOOK", "Create a workbook for an organisation.", entries, &argc, &argv, 1, &status))
    return status;
  if (org == NULL)
    return cb_cli_usage_error (NULL, "init: --org NAME is required");

  workbook = cb_workbook_create (argv[2],
                                 &(CbOrganisation) {
                                   .name_ja = org,
                                   .name_en = org_en,
                                   .fiscal_year_start = month,
                                   .time_zone = tz ? tz : "Asia/Tokyo",
                                   .language = lang ? lang : "ja",
                                 },
                                 &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  return CB_EXIT_OK;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_printerr ("\r%s: %3.0f%%", (const char *) user_data, fraction * 100);
}

int
cb_cli_demo (int    argc,
             char **argv)
{
  g_autofree char *scale = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 1;
  int status;
  CbDemoScale demo_scale;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale, "small (default) or large", "SCALE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (default 1)", "N" },
    { NULL }
  };

  if (!cb_cli_parse ("demo", "WORKBOOK", "Create a workbook filled with a believable demo company.",
                     entries, &argc, &argv, 1, &status))
    return status;
  if (scale == NULL || g_str_equal (scale, "small"))
    demo_scale = CB_DEMO_SMALL;
  else if (g_str_equal (scale, "large"))
    demo_scale = CB_DEMO_LARGE;
  else
    return cb_cli_usage_error (NULL, "demo: --scale is small or large");
  if (seed < 0 || seed > G_MAXUINT32)
    return cb_cli_usage_error (NULL, "demo: --seed is a number from 0 to 4294967295");

  workbook = cb_workbook_create (argv[2], cb_demo_organisation (), &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  if (!cb_demo_generate (workbook, demo_scale, (guint32) seed,
                         cb_cli_show_progress () ? progress_cb : NULL, argv[2], &error))
    {
      g_clear_object (&workbook);
      remove (argv[2]);
      return cb_cli_fail (error);
    }
  if (cb_cli_show_progress ())
    g_printerr ("\n");
  return CB_EXIT_OK;
}

static void
print_optional (const char *label,
                CbOptional  value,
                const char *unit)
{
  if (value.valid)
    printf ("  %-38s %.2f%s\n", label, value.value, unit);
  else
    printf ("  %-38s —\n", label);
}

static void
print_text (const CbSnapshot *snapshot)
{
  g_autofree char *period = cb_period_to_string (&snapshot->period);

  printf ("%s — %s (%s)\n", period, snapshot->entity_name_ja, snapshot->entity_code);
  printf ("Guideline %s\n", snapshot->guideline.framework);
  print_optional ("mean level", snapshot->guideline.mean_level, "");
  print_optional ("change vs previous period", snapshot->guideline.change, "");
  for (guint i = 0; i < G_N_ELEMENTS (snapshot->guideline.items); i++)
    {
      const CbSnapshotItem *item = &snapshot->guideline.items[i];
      g_autofree char *level = item->level.valid ? g_strdup_printf ("%.1f", item->level.value) : g_strdup ("—");
      g_autofree char *target = item->target.valid ? g_strdup_printf ("%.1f", item->target.value) : g_strdup ("—");
      printf ("  %-9s %5s / %-5s %-12s %s\n", item->key, level, target, item->status ? item->status : "—",
              item->title_en);
    }
  printf ("Detection (incidents detected in the period)\n");
  printf ("  %-38s %u\n", "incidents", snapshot->detection.incidents);
  printf ("  %-38s %u\n", "with known compromise time", snapshot->detection.with_known_compromise);
  print_optional ("median dwell time", snapshot->detection.median_dwell_days, " days");
  print_optional ("mean dwell time", snapshot->detection.mean_dwell_days, " days");
  print_optional ("90th percentile dwell time", snapshot->detection.p90_dwell_days, " days");
  print_optional ("median time to contain", snapshot->detection.median_hours_to_contain, " h");
  print_optional ("median time to recover", snapshot->detection.median_hours_to_recover, " h");
  if (snapshot->detection.internal_detection_share.valid)
    printf ("  %-38s %.1f%%\n", "detected internally", snapshot->detection.internal_detection_share.value * 100);
  printf ("  %-38s %u\n", "open at period end", snapshot->detection.open_at_period_end);
  printf ("Suppliers\n");
  printf ("  %-38s %u of %u\n", "assessed in the last 365 days", snapshot->suppliers.assessed,
          snapshot->suppliers.total);
  print_optional ("high-criticality coverage", snapshot->suppliers.high_criticality_coverage_pct, "%");
  print_optional ("mean score", snapshot->suppliers.mean_score, " / 100");
  printf ("KPIs\n");
  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CbSnapshotKpi *kpi = &g_array_index (snapshot->kpis, CbSnapshotKpi, i);
      g_autofree char *value = kpi->value.valid ? g_strdup_printf ("%.2f", kpi->value.value) : g_strdup ("—");
      printf ("  %-24s %12s %-6s %s\n", kpi->code, value, kpi->unit, cb_rag_to_string (kpi->status));
    }
}

int
cb_cli_status (int    argc,
               char **argv)
{
  g_autofree char *period = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *audience_text = NULL;
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(CbSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  CbAudience audience = CB_AUDIENCE_ALL;
  int status;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, "Period such as FY2026Q1 (default: the latest with data)", "P" },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, "Entity code (default: the whole group)", "CODE" },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience_text, "all (default), board or public", "WHO" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    { NULL }
  };

  if (!cb_cli_parse ("status", "WORKBOOK", "Show the figures of one period.", entries, &argc, &argv, 1, &status))
    return status;
  if (audience_text != NULL && !cb_audience_parse (audience_text, &audience, &error))
    return cb_cli_fail (error);

  workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  snapshot = cb_snapshot_new (workbook, period, entity, audience, &error);
  if (snapshot == NULL)
    return cb_cli_fail (error);

  if (json)
    {
      g_autofree char *text = cb_snapshot_to_json (snapshot);
      fputs (text, stdout);
      fputc ('\n', stdout);
    }
  else
    print_text (snapshot);
  return CB_EXIT_OK;
}

int
cb_cli_check (int    argc,
              char **argv)
{
  g_autoptr(CbWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!cb_cli_parse ("check", "WORKBOOK", "Check a workbook's integrity and references.", entries, &argc, &argv, 1,
                     &status))
    return status;

  workbook = cb_workbook_open (argv[2], CB_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook == NULL)
    return cb_cli_fail (error);
  if (!cb_workbook_check (workbook, problems, &error))
    return cb_cli_fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("cyberboard-cli: %s: %s\n", argv[2], (const char *) problems->pdata[i]);
  if (problems->len > 0)
    return CB_EXIT_FAILURE;
  printf ("%s: ok (schema %d)\n", argv[2], cb_workbook_schema_version ());
  return CB_EXIT_OK;
}
