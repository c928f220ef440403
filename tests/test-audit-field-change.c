#include "cb-audit-field-change.h"
#include "cb-test-util.h"

/* Each change is written "field:old>new", an empty side standing for no value, with a "!" after
 * the field when it is part of the row's key. */
static char *
describe (GPtrArray *changes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const CbAuditFieldChange *change = changes->pdata[i];
      g_string_append_printf (text, "%s%s%s:%s>%s", i ? " " : "", change->field, change->key ? "!" : "",
                              change->old_value ? change->old_value : "",
                              change->new_value ? change->new_value : "");
    }
  return g_string_free (text, FALSE);
}

static void
test_changes (CbTestFixture *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *table_name;
    const char *old_values;
    const char *new_values;
    const char *expected;
  } cases[] = {
    /* An update lists only what changed, including a value that appears or goes. */
    { "settings", "{\"level\":\"2\",\"status\":\"implemented\",\"owner\":null}",
      "{\"level\":\"3\",\"status\":\"implemented\",\"owner\":\"CISO\"}", "level:2>3 owner:>CISO" },
    { "settings", "{\"level\":\"2\",\"comment\":\"old\"}", "{\"level\":\"2\",\"comment\":null}", "comment:old>" },
    { "settings", "{\"level\":\"2\",\"comment\":\"gone\"}", "{\"level\":\"2\"}", "comment:gone>" },
    { "settings", "{\"level\":\"2\"}", "{\"level\":\"2\"}", "" },
    /* An update of a row of the record layer names the row by its key. */
    { "assessments",
      "{\"period\":\"FY2026Q2\",\"entity\":\"GROUP\",\"item_key\":\"CSMG.D3\",\"level\":\"2\",\"owner\":\"CFO\"}",
      "{\"period\":\"FY2026Q2\",\"entity\":\"GROUP\",\"item_key\":\"CSMG.D3\",\"level\":\"3\",\"owner\":\"CFO\"}",
      "period!:FY2026Q2>FY2026Q2 entity!:GROUP>GROUP item_key!:CSMG.D3>CSMG.D3 level:2>3" },
    /* An insertion lists every value it wrote, a deletion every value it removed. */
    { "suppliers", NULL, "{\"code\":\"S1\",\"name\":\"北斗物流\",\"country\":null}", "code!:>S1 name:>北斗物流" },
    { "suppliers", "{\"code\":\"S1\",\"name\":\"北斗物流\",\"country\":null}", NULL, "code!:S1> name:北斗物流>" },
    { "suppliers", NULL, NULL, "" },
  };
  CbWorkbook *workbook = fixture->workbook;

  g_assert_nonnull (workbook);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbAuditEntry entry = { .table_name = (char *) cases[i].table_name,
                             .old_values = (char *) cases[i].old_values,
                             .new_values = (char *) cases[i].new_values };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) changes = cb_audit_field_changes (workbook, &entry, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = describe (changes);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/audit-field-change/changes", CbTestFixture, NULL, cb_test_fixture_set_up_workbook,
              test_changes, cb_test_fixture_tear_down);
  return g_test_run ();
}
