#include <glib/gi18n.h>
#include <locale.h>

#include "cb-field-label.h"

/* The field's own word, in Japanese: the same canonical word reads differently in each field. */
static void
test_japanese_values (void)
{
  static const struct
  {
    const char *name;
    const char *value;
    const char *label;
  } cases[] = {
    { "confidentiality", "internal", "社内限り" },
    { "detection_source", "internal", "社内" },
    { "detection_source", "external", "社外" },
    { "evaluator_kind", "internal", "社内" },
    { "evaluator_kind", "external", "社外" },
    { "data_access", "none", "アクセスなし" },
    { "batch", "undone", "取り消し済み" },
    { "action", "undo", "取り消し" },
    { "unit", "JPY", "円" },
    { "rag", "no_value", "値なし" },
    { "rag", "no_target", "目標なし" },
  };

  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("no ja_JP.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "ja", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cb_field_label_value (cases[i].name, cases[i].value), ==, cases[i].label);
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

/* Grey is a KPI without a value or without a target, and says which. */
static void
test_kpi_status (void)
{
  static const struct
  {
    CbRag       status;
    gboolean    has_value;
    gboolean    has_target;
    const char *word;
  } cases[] = {
    { CB_RAG_GREY, TRUE, FALSE, "no_target" },
    { CB_RAG_GREY, FALSE, TRUE, "no_value" },
    { CB_RAG_GREY, FALSE, FALSE, "no_value" },
    { CB_RAG_GREEN, TRUE, TRUE, "green" },
    { CB_RAG_AMBER, TRUE, TRUE, "amber" },
    { CB_RAG_RED, TRUE, TRUE, "red" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbSnapshotKpi kpi = {
        .status = cases[i].status,
        .value = { .valid = cases[i].has_value, .value = 11 },
        .target = { .valid = cases[i].has_target, .value = 5 },
      };

      g_assert_cmpstr (cb_field_label_kpi_status (&kpi), ==, cases[i].word);
    }
}

/* A value of an audited row is labelled by its table's field: the record layer's enumerations and
 * booleans, and those of the evaluations and disclosures; free text stays as it is. */
static void
test_table_values (void)
{
  static const struct
  {
    const char *table;
    const char *name;
    const char *value;
    const char *label;
  } cases[] = {
    { "recommendations", "status", "done", "Done" },
    { "evaluations", "status", "draft", "Draft" },
    { "disclosure_versions", "status", "approved", "Approved" },
    { "disclosures", "audience", "jp_annual_report", "Annual securities report" },
    { "evaluations", "evaluator_kind", "external", "External" },
    { "evaluation_evidence", "kind", "kpi", "KPI" },
    { "import_batches", "kind", "kpi-values", "KPI values" },
    { "assessments", "status", "in_progress", "In progress" },
    { "incidents", "material", "yes", "Yes" },
    { "kpis", "unit", "JPY", "Yen" },
    { "recommendations", "text", "yes", "yes" },
    { "recommendations", "follow_up", "done", "done" },
    { "incidents", "title", "no", "no" },
    { "settings", "time_zone", "Asia/Tokyo", "Asia/Tokyo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cb_field_label_table_value (cases[i].table, cases[i].name, cases[i].value), ==,
                     cases[i].label);
  g_assert_null (cb_field_label_table_value ("recommendations", "status", NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, CB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field-label/japanese-values", test_japanese_values);
  g_test_add_func ("/field-label/kpi-status", test_kpi_status);
  g_test_add_func ("/field-label/table-values", test_table_values);
  return g_test_run ();
}
