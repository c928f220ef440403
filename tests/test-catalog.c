/* test-catalog.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "cb-catalog.h"
#include "cb-data-dir.h"

static CbCatalog *
load_shipped (void)
{
  g_autoptr(CbCatalog) catalog = cb_catalog_new ();
  g_autoptr(GError) error = NULL;

  cb_catalog_load_dir (catalog, cb_data_dir (), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&catalog);
}

static char *
csf_joined (const CbFrameworkItem *item)
{
  return g_strjoinv (" ", item->csf);
}

static void
test_data_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("CYBERBOARD_DATA_DIR"));

  const char *dir;

  g_setenv ("CYBERBOARD_DATA_DIR", "/srv/cyberboard-data", TRUE);
  g_assert_cmpstr (cb_data_dir (), ==, "/srv/cyberboard-data");

  /* An empty value counts as unset: the installed data, else the source tree's. */
  g_setenv ("CYBERBOARD_DATA_DIR", "", TRUE);
  dir = cb_data_dir ();
  g_assert_true (g_str_equal (dir, CB_PKGDATADIR) || g_str_equal (dir, CB_SOURCE_DATADIR));

  if (saved != NULL)
    g_setenv ("CYBERBOARD_DATA_DIR", saved, TRUE);
  else
    g_unsetenv ("CYBERBOARD_DATA_DIR");
}

static void
test_frameworks_versions (void)
{
  g_autoptr(CbCatalog) catalog = load_shipped ();
  CbFramework *v2 = cb_catalog_find_framework (catalog, "CSMG", "2.0");
  CbFramework *v3 = cb_catalog_find_framework (catalog, "CSMG", "3.0");
  CbFramework *csf = cb_catalog_find_framework (catalog, "NIST-CSF", "2.0");
  CbFramework *versions[] = { v2, v3 };
  CbScale *tiers;

  g_assert_nonnull (v2);
  g_assert_nonnull (v3);
  g_assert_nonnull (csf);
  g_assert_null (cb_catalog_find_framework (catalog, "CSMG", "1.1"));

  /* Without a version the catalog answers with Ver 3.0, the one marked default. */
  g_assert_true (cb_catalog_find_framework (catalog, "CSMG", NULL) == v3);
  g_assert_true (cb_framework_is_default (v3));
  g_assert_false (cb_framework_is_default (v2));

  g_assert_cmpuint (g_date_get_year (cb_framework_get_published (v2)), ==, 2017);
  g_assert_cmpuint (g_date_get_month (cb_framework_get_published (v2)), ==, 11);
  g_assert_cmpuint (g_date_get_day (cb_framework_get_published (v2)), ==, 16);
  g_assert_cmpuint (g_date_get_year (cb_framework_get_published (v3)), ==, 2023);
  g_assert_cmpuint (g_date_get_month (cb_framework_get_published (v3)), ==, 3);
  g_assert_cmpuint (g_date_get_day (cb_framework_get_published (v3)), ==, 24);
  g_assert_cmpstr (cb_text_get (cb_framework_get_name (v3), "ja"), ==,
                   "サイバーセキュリティ経営ガイドライン Ver 3.0");

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_assert_cmpuint (cb_framework_get_n_items (versions[v]), ==, 10);
      g_assert_cmpuint (cb_framework_get_n_principles (versions[v]), ==, 3);
      g_assert_cmpuint (cb_framework_get_n_groups (versions[v]), ==, 5);
      g_assert_null (cb_framework_get_scale (versions[v]));
      for (guint i = 0; i < 10; i++)
        {
          const CbFrameworkItem *item = cb_framework_get_item (versions[v], i);
          g_autofree char *key = g_strdup_printf ("CSMG.D%u", i + 1);

          g_assert_cmpstr (item->key, ==, key);
          g_assert_cmpuint (item->number, ==, i + 1);
          /* Both languages are written out, not filled in from each other. */
          g_assert_cmpstr (item->title.ja, !=, item->title.en);
        }
    }

  g_assert_cmpstr (cb_framework_get_principle (v3, 1)->ja, ==,
                   "経営者は国内外の拠点を含め、サプライチェーン全体を見渡して対策を進める。");
  g_assert_cmpstr (cb_framework_get_group (v3, 0)->name.ja, ==, "リスク管理体制の構築");
  g_assert_cmpstr (cb_framework_get_group (v3, 0)->name.en, ==,
                   "Building the risk management structure");
  g_assert_false (cb_framework_get_group (v3, 0)->to_confirm);

  g_assert_cmpuint (cb_framework_get_n_items (csf), ==, 6);
  g_assert_cmpstr (cb_framework_get_item (csf, 0)->key, ==, "NIST-CSF.GV");
  g_assert_cmpstr (cb_framework_get_item (csf, 0)->title.ja, ==, "統治");
  g_assert_cmpstr (cb_framework_get_item (csf, 5)->title.en, ==, "Recover");
  g_assert_cmpint (cb_framework_get_item (csf, 5)->group, ==, -1);
  tiers = cb_framework_get_scale (csf);
  g_assert_nonnull (tiers);
  g_assert_cmpint (cb_scale_get_min (tiers), ==, 1);
  g_assert_cmpint (cb_scale_get_max (tiers), ==, 4);
  g_assert_cmpstr (cb_scale_get_level (tiers, 1)->label.en, ==, "Partial");
  g_assert_cmpstr (cb_scale_get_level (tiers, 2)->label.en, ==, "Risk Informed");
  g_assert_cmpstr (cb_scale_get_level (tiers, 3)->label.en, ==, "Repeatable");
  g_assert_cmpstr (cb_scale_get_level (tiers, 4)->label.en, ==, "Adaptive");
}

static void
test_frameworks_titles (void)
{
  static const struct
  {
    const char *version;
    guint       number;
    const char *title_ja;
    int         group;
    gboolean    to_confirm;
  } cases[] = {
    { "2.0", 1, "サイバーセキュリティリスクの認識、組織全体での対応方針の策定", 0, FALSE },
    { "3.0", 1, "サイバーセキュリティリスクの認識、組織全体での対応方針の策定", 0, FALSE },
    { "2.0", 3, "サイバーセキュリティ対策のための資源(予算、人材等)確保", 0, FALSE },
    { "3.0", 3, "サイバーセキュリティ対策のための資源(予算、人材等)確保", 0, TRUE },
    { "2.0", 5, "サイバーセキュリティリスクに対応するための仕組みの構築", 1, FALSE },
    { "3.0", 5, "サイバーセキュリティリスクに効果的に対応する仕組みの構築", 1, TRUE },
    { "2.0", 6, "サイバーセキュリティ対策におけるPDCAサイクルの実施", 1, FALSE },
    { "3.0", 6, "PDCAサイクルによるサイバーセキュリティ対策の継続的改善", 1, FALSE },
    { "2.0", 8, "インシデントによる被害に備えた復旧体制の整備", 2, FALSE },
    { "3.0", 8, "インシデントによる被害に備えた事業継続・復旧体制の整備", 2, FALSE },
    { "2.0", 9, "ビジネスパートナーや委託先等を含めたサプライチェーン全体の対策及び状況把握", 3, FALSE },
    { "3.0", 9, "ビジネスパートナーや委託先等を含めたサプライチェーン全体の状況把握及び対策", 3, FALSE },
    { "2.0", 10, "情報共有活動への参加を通じた攻撃情報の入手とその有効活用及び提供", 4, FALSE },
    { "3.0", 10, "サイバーセキュリティに関する情報の収集、共有及び開示の促進", 4, TRUE },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CbFramework *framework = cb_catalog_find_framework (catalog, "CSMG", cases[i].version);
      const CbFrameworkItem *item = cb_framework_get_item (framework, cases[i].number - 1);

      g_test_message ("Ver %s item %u", cases[i].version, cases[i].number);
      g_assert_cmpstr (item->title.ja, ==, cases[i].title_ja);
      g_assert_cmpint (item->group, ==, cases[i].group);
      g_assert_cmpint (item->to_confirm, ==, cases[i].to_confirm);
    }
}

static void
test_frameworks_crosswalk (void)
{
  static const char *const expected[] = {
    "GV", "GV", "GV PR", "ID GV", "PR DE", "ID GV", "RS", "RC", "GV", "ID RS RC",
  };
  static const char *const versions[] = { "2.0", "3.0" };
  g_autoptr(CbCatalog) catalog = load_shipped ();

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      CbFramework *framework = cb_catalog_find_framework (catalog, "CSMG", versions[v]);

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autofree char *csf = csf_joined (cb_framework_get_item (framework, i));

          g_test_message ("Ver %s item %u", versions[v], i + 1);
          g_assert_cmpstr (csf, ==, expected[i]);
        }
    }
}

static void
test_frameworks_item_key_parse (void)
{
  static const struct
  {
    const char *text;
    const char *key;
  } cases[] = {
    { "CSMG.D3", "CSMG.D3" },
    { "csmg.d3", "CSMG.D3" },
    { "D3", "CSMG.D3" },
    { "d3", "CSMG.D3" },
    { "指示3", "CSMG.D3" },
    { "3", "CSMG.D3" },
    { "３", "CSMG.D3" },
    { "Ｄ３", "CSMG.D3" },
    { " 指示 ３ ", "CSMG.D3" },
    { "指示③", "CSMG.D3" },
    { "D10", "CSMG.D10" },
    { "指示10", "CSMG.D10" },
    { "10", "CSMG.D10" },
    { "1", "CSMG.D1" },
    { "D11", NULL },
    { "11", NULL },
    { "0", NULL },
    { "指示", NULL },
    { "", NULL },
    { "D3x", NULL },
    { "CSMG.D", NULL },
    { "NIST-CSF.GV", NULL },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  CbFramework *v3 = cb_catalog_find_framework (catalog, "CSMG", "3.0");
  CbFramework *csf = cb_catalog_find_framework (catalog, "NIST-CSF", "2.0");
  const CbFrameworkItem *item;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (cb_framework_item_key_parse (v3, cases[i].text), ==, cases[i].key);
    }

  item = cb_framework_find_item (v3, "指示9");
  g_assert_nonnull (item);
  g_assert_cmpuint (item->number, ==, 9);

  /* Only a framework that declares a number prefix accepts it. */
  g_assert_cmpstr (cb_framework_item_key_parse (csf, "gv"), ==, "NIST-CSF.GV");
  g_assert_cmpstr (cb_framework_item_key_parse (csf, "4"), ==, "NIST-CSF.DE");
  g_assert_null (cb_framework_item_key_parse (csf, "指示4"));
}

static void
test_user_frameworks (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cyberboard", "frameworks",
                                          NULL);
  g_autofree char *path = g_build_filename (dir, "company.ini", NULL);
  g_autoptr(CbCatalog) shipped = load_shipped ();
  g_autoptr(CbCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  CbFramework *framework;
  const char *contents =
    "[Framework]\n"
    "Code=CSMG\n"
    "Version=3.0\n"
    "Default=true\n"
    "Name=Company edition\n"
    "\n"
    "[Item D1]\n"
    "Number=1\n"
    "Title=Our first item\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  catalog = cb_catalog_new_default (&error);
  g_assert_no_error (error);

  /* The user's file replaces the shipped Ver 3.0 and leaves Ver 2.0 alone. */
  g_assert_cmpuint (cb_catalog_get_frameworks (catalog)->len, ==,
                    cb_catalog_get_frameworks (shipped)->len);
  framework = cb_catalog_find_framework (catalog, "CSMG", NULL);
  g_assert_cmpstr (cb_text_get (cb_framework_get_name (framework), "en"), ==, "Company edition");
  g_assert_cmpuint (cb_framework_get_n_items (framework), ==, 1);
  g_assert_cmpstr (cb_framework_get_item (framework, 0)->title.ja, ==, "Our first item");
  g_assert_cmpuint (cb_framework_get_n_items (cb_catalog_find_framework (catalog, "CSMG", "2.0")),
                    ==, 10);

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_maturity_levels (void)
{
  static const char *const ja[] = {
    "未対応", "場当たり的", "部分的・反復", "組織的に定義", "測定・管理", "継続的改善"
  };
  static const char *const en[] = {
    "Not addressed", "Ad hoc", "Repeatable", "Defined", "Measured", "Optimising"
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  CbScale *levels = cb_catalog_get_maturity_levels (catalog);

  g_assert_cmpint (cb_scale_get_min (levels), ==, 0);
  g_assert_cmpint (cb_scale_get_max (levels), ==, 5);
  for (int value = 0; value <= 5; value++)
    {
      const CbScaleLevel *level = cb_scale_get_level (levels, value);

      g_assert_cmpint (level->value, ==, value);
      g_assert_cmpstr (cb_text_get (&level->label, "ja"), ==, ja[value]);
      g_assert_cmpstr (cb_text_get (&level->label, "en"), ==, en[value]);
      g_assert_cmpstr (level->meaning.ja, !=, level->meaning.en);
    }
  g_assert_cmpstr (cb_scale_get_level (levels, 4)->meaning.en, ==,
                   "Effectiveness measured by KPIs and reported to management; deviations "
                   "corrected.");
  g_assert_null (cb_scale_get_level (levels, -1));
  g_assert_null (cb_scale_get_level (levels, 6));
}

static void
test_criteria (void)
{
  static const char *const ratings_ja[] = {
    "満たしていない", "一部満たしている", "概ね満たしている", "満たしている"
  };
  static const char *const ratings_en[] = {
    "Does not meet", "Partly meets", "Largely meets", "Fully meets"
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  GPtrArray *criteria = cb_catalog_get_criteria (catalog);
  CbScale *ratings = cb_catalog_get_ratings (catalog);
  const CbCriterion *first;
  const CbCriterion *last;

  g_assert_cmpuint (criteria->len, ==, 9);
  for (guint i = 0; i < criteria->len; i++)
    {
      const CbCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *key = g_strdup_printf ("BE%u", i + 1);

      g_assert_cmpstr (criterion->key, ==, key);
      g_assert_cmpstr (criterion->text.ja, !=, criterion->text.en);
      g_assert_cmpstr (criterion->title.ja, !=, criterion->title.en);
    }
  first = g_ptr_array_index (criteria, 0);
  last = g_ptr_array_index (criteria, 8);
  g_assert_cmpstr (first->text.en, ==,
                   "The board receives cyber-risk reporting with KPIs at least quarterly.");
  g_assert_cmpstr (last->text.en, ==, "Last year's recommendations are tracked to closure.");

  g_assert_cmpint (cb_scale_get_min (ratings), ==, 1);
  g_assert_cmpint (cb_scale_get_max (ratings), ==, 4);
  for (int value = 1; value <= 4; value++)
    {
      g_assert_cmpstr (cb_scale_get_level (ratings, value)->label.ja, ==, ratings_ja[value - 1]);
      g_assert_cmpstr (cb_scale_get_level (ratings, value)->label.en, ==, ratings_en[value - 1]);
    }
}

static void
test_kpis (void)
{
  static const struct
  {
    const char *code;
    const char *name_ja;
    const char *unit;
    const char *direction;
    gboolean    has_target;
    double      target;
    double      band;
    const char *source;
    const char *computed_key;
    const char *confidentiality;
  } cases[] = {
    { "security_investment", "セキュリティ投資額", "JPY", "higher", FALSE, 0, 0, "manual", NULL,
      "internal" },
    { "risk_analyses", "リスク分析の実施回数", "count", "higher", TRUE, 1, 0, "manual", NULL, "board" },
    { "risk_findings", "リスクアセスメントの指摘事項数", "count", "lower", FALSE, 0, 0, "manual", NULL, "board" },
    { "training_completion", "セキュリティ教育受講率", "%", "higher", TRUE, 95, 5, "manual", NULL, "board" },
    { "phishing_click_rate", "標的型メール訓練のクリック率", "%", "lower", TRUE, 5, 5, "manual", NULL, "board" },
    { "critical_patch_latency", "重大な脆弱性へのパッチ適用日数", "days", "lower", TRUE, 14, 16, "manual", NULL,
      "board" },
    { "supplier_coverage", "重要取引先の評価実施率", "%", "higher", TRUE, 100, 10, "computed",
      "suppliers.high_criticality_coverage_pct", "board" },
    { "median_dwell", "侵害から検知までの日数（中央値）", "days", "lower", TRUE, 10, 20, "computed",
      "detection.median_dwell_days", "board" },
    { "internal_detection_share", "自社検知率", "%", "higher", TRUE, 50, 10, "computed",
      "detection.internal_share_pct", "board" },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  GPtrArray *kpis = cb_catalog_get_kpis (catalog);

  g_assert_cmpuint (kpis->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CbCatalogKpi *kpi = g_ptr_array_index (kpis, i);

      g_test_message ("%s", cases[i].code);
      g_assert_cmpstr (kpi->code, ==, cases[i].code);
      g_assert_cmpstr (kpi->name.ja, ==, cases[i].name_ja);
      g_assert_cmpstr (kpi->name.en, !=, kpi->name.ja);
      g_assert_cmpstr (kpi->unit, ==, cases[i].unit);
      g_assert_cmpstr (kpi->direction, ==, cases[i].direction);
      g_assert_cmpint (kpi->has_target, ==, cases[i].has_target);
      g_assert_cmpfloat (kpi->target, ==, cases[i].target);
      g_assert_cmpfloat (kpi->band, ==, cases[i].band);
      g_assert_cmpstr (kpi->source, ==, cases[i].source);
      g_assert_cmpstr (kpi->computed_key, ==, cases[i].computed_key);
      g_assert_cmpstr (kpi->confidentiality, ==, cases[i].confidentiality);
    }
}

static void
test_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "  Ｄｅｔｅｃｔｅｄ　Ａｔ  ", "detected at" },
    { "A \t\u00a0 B", "a b" },
    { "ＹＥＳ", "yes" },
    { "部署／拠点", "部署/拠点" },
    { "指示③", "指示3" },
    { "ｶﾀｶﾅ", "カタカナ" },
    { "", "" },
    { "\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = cb_catalog_normalize (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_answers (void)
{
  static const struct
  {
    const char *text;
    gboolean    known;
    double      score;
    gboolean    excluded;
  } cases[] = {
    { "Yes", TRUE, 1, FALSE },
    { "ｙｅｓ", TRUE, 1, FALSE },
    { "YES", TRUE, 1, FALSE },
    { " はい ", TRUE, 1, FALSE },
    { "　はい　", TRUE, 1, FALSE },
    { "○", TRUE, 1, FALSE },
    { "◯", TRUE, 1, FALSE },
    { "実施している", TRUE, 1, FALSE },
    { "△", TRUE, 0.5, FALSE },
    { "Partially", TRUE, 0.5, FALSE },
    { "一部実施", TRUE, 0.5, FALSE },
    { "No", TRUE, 0, FALSE },
    { "×", TRUE, 0, FALSE },
    { "未対応", TRUE, 0, FALSE },
    { "該当なし", TRUE, 0, TRUE },
    { "n/a", TRUE, 0, TRUE },
    { "Not Applicable", TRUE, 0, TRUE },
    { "-", TRUE, 0, TRUE },
    { "－", TRUE, 0, TRUE },
    { "−", TRUE, 0, TRUE },
    { "maybe", FALSE, 0, FALSE },
    { "", FALSE, 0, FALSE },
    { "はいはい", FALSE, 0, FALSE },
    { "\xff", FALSE, 0, FALSE },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  CbAnswerVocab *answers = cb_catalog_get_answers (catalog);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double score = -1;
      gboolean excluded = -1;
      gboolean known = cb_answer_vocab_match (answers, cases[i].text, &score, &excluded);

      g_test_message ("case %u", i);
      g_assert_cmpint (known, ==, cases[i].known);
      if (!known)
        continue;
      g_assert_cmpfloat (score, ==, cases[i].score);
      g_assert_cmpint (excluded, ==, cases[i].excluded);
    }
}

static void
test_answers_custom (void)
{
  g_autoptr(CbAnswerVocab) vocab = cb_answer_vocab_new ();
  g_autoptr(GError) error = NULL;
  double score = -1;
  gboolean excluded = TRUE;

  g_assert_true (cb_answer_vocab_add (vocab, "適合", 1, FALSE, &error));
  g_assert_true (cb_answer_vocab_add (vocab, "一部適合", 0.25, FALSE, &error));
  g_assert_true (cb_answer_vocab_add (vocab, "対象外", 0, TRUE, &error));
  /* Another form of a known answer with the same meaning is fine. */
  g_assert_true (cb_answer_vocab_add (vocab, " 適合 ", 1, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (cb_answer_vocab_add (vocab, "一部適合", 0.5, FALSE, &error));
  g_assert_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "“一部適合” is already accepted with score 0.25");

  g_assert_true (cb_answer_vocab_match (vocab, "一部適合", &score, &excluded));
  g_assert_cmpfloat (score, ==, 0.25);
  g_assert_false (excluded);
  g_assert_false (cb_answer_vocab_match (vocab, "Yes", &score, &excluded));
}

static void
test_header_aliases (void)
{
  static const struct
  {
    const char *kind;
    const char *header;
    const char *field;
  } cases[] = {
    { "incidents", "検知日時", "detected_at" },
    { "incidents", "detected_at", "detected_at" },
    { "incidents", "Detected At", "detected_at" },
    { "incidents", "ＤＥＴＥＣＴＥＤ＿ＡＴ", "detected_at" },
    { "incidents", "発生日時", "occurred_at" },
    { "incidents", "復旧日時", "recovered_at" },
    { "incidents", "封じ込め日時", "contained_at" },
    { "incidents", "報告日時", "reported_at" },
    { "incidents", "インシデントID", "id" },
    { "incidents", "Number", "id" },
    { "incidents", "件名", "title" },
    { "incidents", "Short description", "title" },
    { "incidents", "重要度", "severity" },
    { "incidents", "Priority", "severity" },
    { "incidents", "検知経路", "detection_source" },
    { "incidents", "重要事実該当", "material" },
    { "incidents", "開示日", "disclosed_at" },
    { "incidents", "部署/拠点", "entity" },
    { "incidents", "部署／拠点", "entity" },
    { "incidents", "機密区分", "confidentiality" },
    { "suppliers", "重要度", "criticality" },
    { "suppliers", "取引先コード", "code" },
    { "responses", "取引先コード", "supplier_code" },
    { "responses", "回答日", "answered_on" },
    { "responses", "タイムスタンプ", "answered_on" },
    { "entities", "会社コード", "code" },
    { "assessments", "成熟度", "level" },
    { "benchmarks", "得点", "score" },
    { "benchmark-reference", "標準偏差", "sd" },
    { "questionnaire", "設問番号", "question_code" },
    { "kpis", "指標名", "name_ja" },
    { "kpi-values", "実績値", "value" },
    { "incidents", "回答日", NULL },
    { "suppliers", "検知日時", NULL },
    { "incidents", "", NULL },
    { "incidents", "_", NULL },
    { "no-such-kind", "code", NULL },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s “%s”", cases[i].kind, cases[i].header);
      g_assert_cmpstr (cb_catalog_lookup_header (catalog, cases[i].kind, cases[i].header), ==,
                       cases[i].field);
    }
}

static void
test_enumerations (void)
{
  static const struct
  {
    const char *field;
    const char *text;
    const char *value;
  } cases[] = {
    { "confidentiality", "社外秘", "internal" },
    { "confidentiality", "社内限り", "internal" },
    { "confidentiality", "取締役会限り", "board" },
    { "confidentiality", "公開", "public" },
    { "confidentiality", "BOARD", "board" },
    { "criticality", "高", "high" },
    { "criticality", "Medium", "medium" },
    { "severity", "1 - Critical", "1" },
    { "severity", "2 - High", "2" },
    { "severity", "緊急", "1" },
    { "severity", "４", "4" },
    { "severity", "Low", "4" },
    { "severity", "5", NULL },
    { "severity", "1.5", NULL },
    { "detection_source", "外部通報", "external" },
    { "detection_source", "Third party", "external" },
    { "detection_source", "自社検知", "internal" },
    { "data_access", "個人情報", "personal" },
    { "data_access", "なし", "none" },
    { "direction", "低いほど良い", "lower" },
    { "direction", "higher is better", "higher" },
    { "unit", "％", "%" },
    { "unit", "円", "JPY" },
    { "unit", "jpy", "JPY" },
    { "unit", "件", "count" },
    { "unit", "時間", "hours" },
    { "status", "運用・見直し済", "operating" },
    { "status", "未着手", "not_started" },
    { "material", "はい", "yes" },
    { "material", "0", "no" },
    { "material", "1 - yes", NULL },
    { "criticality", "1 - High", NULL },
    { "criticality", "", NULL },
    { "no_such_field", "high", NULL },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s “%s”", cases[i].field, cases[i].text);
      g_assert_cmpstr (cb_catalog_lookup_enum (catalog, cases[i].field, cases[i].text), ==,
                       cases[i].value);
    }
}

static void
test_dwell_reference (void)
{
  static const struct
  {
    int         year;
    double      days;
    gboolean    to_confirm;
    const char *source;
  } cases[] = {
    { 2011, 416, FALSE, "M-Trends 2012" },
    { 2015, 146, FALSE, "M-Trends 2016" },
    { 2016, 99, FALSE, "M-Trends 2017" },
    { 2020, 24, FALSE, "M-Trends 2021" },
    { 2023, 10, FALSE, "M-Trends 2024" },
    { 2024, 11, TRUE, "M-Trends 2025" },
    { 2025, 14, TRUE, "M-Trends 2026" },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  GPtrArray *references;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CbDwellReference *reference = cb_catalog_get_dwell_reference (catalog, cases[i].year);

      g_assert_nonnull (reference);
      g_assert_cmpint (reference->year, ==, cases[i].year);
      g_assert_cmpfloat (reference->median_days, ==, cases[i].days);
      g_assert_cmpint (reference->to_confirm, ==, cases[i].to_confirm);
      g_assert_cmpstr (reference->source, ==, cases[i].source);
    }
  g_assert_null (cb_catalog_get_dwell_reference (catalog, 2010));
  g_assert_null (cb_catalog_get_dwell_reference (catalog, 2026));

  /* The whole table, 2011 to 2025, in year order. */
  references = cb_catalog_get_dwell_references (catalog);
  g_assert_cmpuint (references->len, ==, 15);
  for (guint i = 0; i < references->len; i++)
    g_assert_cmpint (((CbDwellReference *) g_ptr_array_index (references, i))->year, ==, 2011 + i);
}

static guint
count_holidays (CbCatalog  *catalog,
                const char *country,
                guint       year)
{
  GPtrArray *holidays = cb_catalog_get_holidays (catalog);
  guint n = 0;

  for (guint i = 0; i < holidays->len; i++)
    {
      const CbHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_str_equal (holiday->country, country) && g_date_get_year (&holiday->date) == year)
        n++;
    }
  return n;
}

static const CbHoliday *
find_holiday (CbCatalog  *catalog,
              const char *country,
              const GDate *date)
{
  GPtrArray *holidays = cb_catalog_get_holidays (catalog);

  for (guint i = 0; i < holidays->len; i++)
    {
      const CbHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_str_equal (holiday->country, country) && g_date_compare (&holiday->date, date) == 0)
        return holiday;
    }
  return NULL;
}

static void
test_holidays (void)
{
  static const struct
  {
    const char *country;
    guint       year;
    guint       month;
    guint       day;
    const char *name_ja;
    const char *name_en;
  } cases[] = {
    { "JP", 2026, 1, 1, "元日", "New Year's Day" },
    { "JP", 2026, 1, 12, "成人の日", "Coming of Age Day" },
    { "JP", 2026, 3, 20, "春分の日", "Vernal Equinox Day" },
    { "JP", 2026, 5, 6, "振替休日", "Substitute Holiday" },
    { "JP", 2026, 9, 21, "敬老の日", "Respect for the Aged Day" },
    { "JP", 2026, 9, 22, "国民の休日", "Citizens' Holiday" },
    { "JP", 2026, 9, 23, "秋分の日", "Autumnal Equinox Day" },
    { "JP", 2026, 11, 23, "勤労感謝の日", "Labour Thanksgiving Day" },
    { "JP", 2020, 7, 23, "海の日", "Marine Day" },
    { "JP", 2020, 7, 24, "スポーツの日", "Sports Day" },
    { "JP", 2020, 8, 10, "山の日", "Mountain Day" },
    { "JP", 2021, 7, 22, "海の日", "Marine Day" },
    { "JP", 2021, 7, 23, "スポーツの日", "Sports Day" },
    { "JP", 2021, 8, 8, "山の日", "Mountain Day" },
    { "JP", 2021, 8, 9, "振替休日", "Substitute Holiday" },
    { "JP", 2024, 9, 22, "秋分の日", "Autumnal Equinox Day" },
    { "JP", 2030, 12, 31, NULL, NULL },
    { "JP", 2026, 10, 13, NULL, NULL },
    { "JP", 2020, 10, 12, NULL, NULL },
    { "JP", 2021, 7, 19, NULL, NULL },
    { "US", 2026, 1, 19, "キング牧師記念日", "Birthday of Martin Luther King, Jr." },
    { "US", 2026, 5, 25, "戦没将兵追悼記念日", "Memorial Day" },
    { "US", 2026, 6, 19, "ジューンティーンス独立記念日", "Juneteenth National Independence Day" },
    { "US", 2026, 7, 3, "独立記念日（振替）", "Independence Day (observed)" },
    { "US", 2026, 7, 4, NULL, NULL },
    { "US", 2026, 11, 26, "感謝祭", "Thanksgiving Day" },
    { "US", 2021, 6, 18, "ジューンティーンス独立記念日（振替）", "Juneteenth National Independence Day (observed)" },
    { "US", 2021, 12, 31, "元日（振替）", "New Year's Day (observed)" },
    { "US", 2020, 6, 19, NULL, NULL },
    { "US", 2026, 3, 20, NULL, NULL },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  GPtrArray *holidays = cb_catalog_get_holidays (catalog);

  /* 2026 in Japan: 16 national holidays, 5/6 substitute for 5/3 and 9/22 between two holidays;
   * in the US the 11 federal holidays, Independence Day observed on Friday 7/3.
   */
  g_assert_cmpuint (count_holidays (catalog, "JP", 2026), ==, 18);
  g_assert_cmpuint (count_holidays (catalog, "US", 2026), ==, 11);
  g_assert_cmpuint (count_holidays (catalog, "JP", 2024), ==, 21);
  g_assert_cmpuint (count_holidays (catalog, "US", 2020), ==, 10);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      const CbHoliday *holiday = find_holiday (catalog, cases[i].country, date);

      g_test_message ("%s %u-%02u-%02u", cases[i].country, cases[i].year, cases[i].month,
                      cases[i].day);
      g_assert_cmpint (cb_catalog_is_holiday (catalog, date, cases[i].country), ==,
                       cases[i].name_ja != NULL);
      if (cases[i].name_ja == NULL)
        {
          g_assert_null (holiday);
          continue;
        }
      g_assert_nonnull (holiday);
      g_assert_cmpstr (holiday->name.ja, ==, cases[i].name_ja);
      g_assert_cmpstr (holiday->name.en, ==, cases[i].name_en);
    }

  for (guint i = 1; i < holidays->len; i++)
    {
      const CbHoliday *before = g_ptr_array_index (holidays, i - 1);
      const CbHoliday *holiday = g_ptr_array_index (holidays, i);

      g_assert_cmpint (g_date_compare (&before->date, &holiday->date), <=, 0);
    }
}

static gboolean
load_jp_holidays (CbCatalog   *catalog,
                  const char  *path,
                  GError     **error)
{
  return cb_catalog_load_holidays (catalog, path, "JP", error);
}

static void
test_broken_files (void)
{
  static const struct
  {
    gboolean      (*load) (CbCatalog *, const char *, GError **);
    const char     *file;
    int             code;
    const char     *message;  /* after the file's path */
  } cases[] = {
    { cb_catalog_load_framework, "framework-missing-key.ini", CB_CATALOG_ERROR_MISSING,
      ":11: [Item D2]: missing key “Title” or “Title[ja]”" },
    { cb_catalog_load_framework, "framework-bad-number.ini", CB_CATALOG_ERROR_INVALID,
      ":7: [Item D1] Number: “two” is not a whole number" },
    { cb_catalog_load_framework, "framework-duplicate-item.ini", CB_CATALOG_ERROR_DUPLICATE,
      ":10: [Item D1] repeats the group of line 6" },
    { cb_catalog_load_framework, "framework-duplicate-number.ini", CB_CATALOG_ERROR_DUPLICATE,
      ":11: [Item D2] Number: 1 is also the number of [Item D1]" },
    { cb_catalog_load_framework, "framework-duplicate-key.ini", CB_CATALOG_ERROR_DUPLICATE,
      ":9: [Item D1] Title repeats the key of line 8" },
    { cb_catalog_load_framework, "framework-bad-date.ini", CB_CATALOG_ERROR_INVALID,
      ":4: [Framework] Published: “2023-02-30” is not a valid date (YYYY-MM-DD)" },
    { cb_catalog_load_framework, "framework-bad-csf.ini", CB_CATALOG_ERROR_INVALID,
      ":9: [Item D1] CSF: “XX” is not a NIST CSF 2.0 function (GV, ID, PR, DE, RS, RC)" },
    { cb_catalog_load_framework, "framework-syntax.ini", CB_CATALOG_ERROR_SYNTAX,
      ":7: “Number 1” is neither a group, a Key=value line nor a comment" },
    { cb_catalog_load_framework, "framework-unknown-key.ini", CB_CATALOG_ERROR_INVALID,
      ":8: [Item D1] Titel: unknown key" },
    { cb_catalog_load_framework, "framework-bad-group.ini", CB_CATALOG_ERROR_INVALID,
      ":11: [Item D1] Group: no [Group 2]" },
    { cb_catalog_load_framework, "framework-no-items.ini", CB_CATALOG_ERROR_MISSING,
      ": no [Item …] groups" },
    { cb_catalog_load_framework, "framework-encoding.ini", CB_CATALOG_ERROR_SYNTAX,
      ":3: not valid UTF-8 text" },
    { load_jp_holidays, "holidays-bad-date.tsv", CB_CATALOG_ERROR_INVALID,
      ":4: “2026-02-30” is not a valid date (YYYY-MM-DD)" },
    { load_jp_holidays, "holidays-duplicate.tsv", CB_CATALOG_ERROR_DUPLICATE,
      ":4: 2026-01-01 is also listed on line 2" },
    { load_jp_holidays, "holidays-columns.tsv", CB_CATALOG_ERROR_SYNTAX,
      ":2: 2 columns where the header has 3" },
    { load_jp_holidays, "holidays-missing-column.tsv", CB_CATALOG_ERROR_MISSING,
      ":1: no column “name_ja”" },
    { cb_catalog_load_dwell_reference, "dwell-bad-number.tsv", CB_CATALOG_ERROR_INVALID,
      ":3: median_days “many” is not a number of days" },
    { cb_catalog_load_dwell_reference, "dwell-duplicate.tsv", CB_CATALOG_ERROR_DUPLICATE,
      ":4: year 2015 is also listed on line 2" },
    { cb_catalog_load_kpis, "kpis-missing-key.ini", CB_CATALOG_ERROR_MISSING,
      ":1: [KPI training]: missing key “Direction”" },
    { cb_catalog_load_kpis, "kpis-bad-unit.ini", CB_CATALOG_ERROR_INVALID,
      ":3: [KPI training] Unit: “percent” is not one of %, count, days, hours, JPY, ratio" },
    { cb_catalog_load_answers, "answers-duplicate.ini", CB_CATALOG_ERROR_DUPLICATE,
      ":7: [Answer no] Accept: “ＹＥＳ” is already accepted with score 1" },
    { cb_catalog_load_header_aliases, "aliases-duplicate.ini", CB_CATALOG_ERROR_DUPLICATE,
      ":3: [incidents] title: “番号” already stands for “id”" },
    { cb_catalog_load_maturity_levels, "maturity-gap.ini", CB_CATALOG_ERROR_INVALID,
      ":7: [Level 3]: no [Level 2] before it" },
  };
  g_autoptr(CbCatalog) catalog = load_shipped ();
  guint n_frameworks = cb_catalog_get_frameworks (catalog)->len;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog", cases[i].file,
                                                     NULL);
      g_autofree char *expected = g_strconcat (path, cases[i].message, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_false (cases[i].load (catalog, path, &error));
      g_assert_error (error, CB_CATALOG_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* The failed loads left what the catalog held. */
  g_assert_cmpuint (cb_catalog_get_frameworks (catalog)->len, ==, n_frameworks);
  g_assert_cmpuint (count_holidays (catalog, "JP", 2026), ==, 18);
  g_assert_cmpuint (cb_catalog_get_kpis (catalog)->len, ==, 9);
  g_assert_cmpint (cb_scale_get_max (cb_catalog_get_maturity_levels (catalog)), ==, 5);
  g_assert_cmpstr (cb_catalog_lookup_header (catalog, "incidents", "件名"), ==, "title");
  g_assert_true (cb_answer_vocab_match (cb_catalog_get_answers (catalog), "Yes", NULL, NULL));
  g_assert_nonnull (cb_catalog_get_dwell_reference (catalog, 2016));
}

static void
test_windows_text (void)
{
  g_autoptr(CbCatalog) catalog = cb_catalog_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog",
                                                 "holidays-windows.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (12, 1, 2026);
  const CbHoliday *holiday;

  g_assert_true (cb_catalog_load_holidays (catalog, path, "jp", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cb_catalog_get_holidays (catalog)->len, ==, 2);
  holiday = find_holiday (catalog, "JP", date);
  g_assert_nonnull (holiday);
  g_assert_cmpstr (holiday->name.en, ==, "Coming of Age Day");
}

static void
test_missing_file (void)
{
  g_autoptr(CbCatalog) catalog = cb_catalog_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog", "no-such-file.ini",
                                                 NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cb_catalog_load_kpis (catalog, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/data-dir", test_data_dir);
  g_test_add_func ("/catalog/frameworks/versions", test_frameworks_versions);
  g_test_add_func ("/catalog/frameworks/titles", test_frameworks_titles);
  g_test_add_func ("/catalog/frameworks/crosswalk", test_frameworks_crosswalk);
  g_test_add_func ("/catalog/frameworks/item-key-parse", test_frameworks_item_key_parse);
  g_test_add_func ("/catalog/frameworks/user", test_user_frameworks);
  g_test_add_func ("/catalog/maturity-levels", test_maturity_levels);
  g_test_add_func ("/catalog/criteria", test_criteria);
  g_test_add_func ("/catalog/kpis", test_kpis);
  g_test_add_func ("/catalog/normalize", test_normalize);
  g_test_add_func ("/catalog/answers/shipped", test_answers);
  g_test_add_func ("/catalog/answers/custom", test_answers_custom);
  g_test_add_func ("/catalog/header-aliases", test_header_aliases);
  g_test_add_func ("/catalog/enumerations", test_enumerations);
  g_test_add_func ("/catalog/dwell-reference", test_dwell_reference);
  g_test_add_func ("/catalog/holidays", test_holidays);
  g_test_add_func ("/catalog/broken-files", test_broken_files);
  g_test_add_func ("/catalog/windows-text", test_windows_text);
  g_test_add_func ("/catalog/missing-file", test_missing_file);

  return g_test_run ();
}
