/* cb-report.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "cb-chart-private.h"
#include "cb-disclosure.h"
#include "cb-evaluation.h"
#include "cb-report-board.h"
#include "cb-report-disclosure.h"
#include "cb-report-evaluation.h"
#include "cb-report-private.h"
#include "cb-snapshot.h"

/* English first, Japanese second. */
static const char *const words[CB_REPORT_WORD_N][2] = {
  [CB_REPORT_WORD_BOARD_TITLE] = { "Cyber risk report to the Board", "取締役会報告（サイバーセキュリティ）" },
  [CB_REPORT_WORD_BOARD_SUBJECT] = { "Cybersecurity governance: status for the Board",
                                     "サイバーセキュリティ経営の状況" },
  [CB_REPORT_WORD_EVALUATION_TITLE] = { "Board effectiveness evaluation: oversight of cyber risk",
                                        "取締役会の実効性評価（サイバーリスクの監督）" },
  [CB_REPORT_WORD_EVALUATION_SUBJECT] = { "Board effectiveness evaluation", "取締役会の実効性評価" },
  [CB_REPORT_WORD_DISCLOSURE_SUBJECT] = { "Cybersecurity disclosure", "サイバーセキュリティに関する開示" },
  [CB_REPORT_WORD_KEYWORDS] = { "cybersecurity; governance; METI Cyber Security Management Guidelines",
                                "サイバーセキュリティ; ガバナンス; サイバーセキュリティ経営ガイドライン" },
  [CB_REPORT_WORD_COVER_PERIOD] = { "Period", "対象期間" },
  [CB_REPORT_WORD_COVER_ENTITY] = { "Scope", "対象範囲" },
  [CB_REPORT_WORD_COVER_DATE] = { "Date", "作成日" },
  [CB_REPORT_WORD_COVER_MARKING] = { "Handling", "取扱区分" },
  [CB_REPORT_WORD_BOARD_COVER_NOTE] = { "This report is for the Board of Directors only and must not be passed on.",
                                        "本資料は取締役会限りの資料です。社外への持ち出しや転送はご遠慮ください。" },
  [CB_REPORT_WORD_PERIOD_RANGE] = { "{period} ({from} to {to})", "{period}（{from}〜{to}）" },
  [CB_REPORT_WORD_CONTENTS] = { "Contents", "目次" },
  [CB_REPORT_WORD_SECTION] = { "{number}  {title}", "{number}　{title}" },

  [CB_REPORT_WORD_SUMMARY] = { "Executive summary", "エグゼクティブサマリー" },
  [CB_REPORT_WORD_HEADLINES] = { "Headline indicators", "主要指標" },
  [CB_REPORT_WORD_HEADLINES_RULE] = {
    "Shown: the guideline mean level, then the KPIs by status — red, amber, green, no status — at most {n} rows "
    "in all; every KPI is in section {section}.",
    "ガイドラインの平均成熟度に続き、KPIを状況（赤、黄、緑、判定なし）の順に、合わせて最大{n}行示す。"
    "全KPIは第{section}章に示す。" },
  [CB_REPORT_WORD_INDICATOR] = { "Indicator", "指標" },
  [CB_REPORT_WORD_THIS_PERIOD] = { "This period", "今期" },
  [CB_REPORT_WORD_PREVIOUS] = { "Previous", "前期" },
  [CB_REPORT_WORD_TARGET] = { "Target", "目標" },
  [CB_REPORT_WORD_STATUS] = { "Status", "状況" },
  [CB_REPORT_WORD_TREND] = { "Trend", "傾向" },
  [CB_REPORT_WORD_MEAN_LEVEL] = { "Guideline mean level (0–5)", "ガイドライン平均成熟度（0〜5）" },
  [CB_REPORT_WORD_CHANGES] = { "Biggest changes since the previous period", "前期からの主な変化" },
  [CB_REPORT_WORD_CHANGES_RULE] = {
    "The three guideline items or KPIs that moved most since {previous}: an item by its change as a share of the "
    "five-step level scale, a KPI by its change as a share of its previous value.",
    "{previous}から最も大きく動いたガイドライン項目・KPIの上位3件。項目はレベルの変化を5段階の尺度に対する割合で、"
    "KPIは変化を前期の値に対する割合で比べる。" },
  [CB_REPORT_WORD_CHANGES_NONE] = { "No figure can be compared with the previous period.",
                                    "前期と比較できる数値がありません。" },
  [CB_REPORT_WORD_CHANGE_SHORT] = { "Δ", "増減" },
  [CB_REPORT_WORD_CHANGE] = { "Change", "増減" },
  [CB_REPORT_WORD_ITEM] = { "Item {number}: {title}", "項目{number}：{title}" },
  [CB_REPORT_WORD_KPI] = { "KPI: {name}", "KPI：{name}" },
  [CB_REPORT_WORD_DECISIONS] = { "Decisions requested", "取締役会に求める判断" },
  [CB_REPORT_WORD_DECISIONS_RULE] = {
    "Listed: every red KPI, every guideline item overdue at the period end (due before it and not yet "
    "implemented), and every open recommendation of the board evaluation whose due date has passed.",
    "赤のKPI、期末時点で期限を過ぎて未実施のガイドライン項目、期限を過ぎた取締役会評価の未完了の提言をすべて挙げる。" },
  [CB_REPORT_WORD_DECISIONS_NONE] = { "No decision is requested this period.", "今期、判断を求める事項はありません。" },
  [CB_REPORT_WORD_DECISIONS_MORE] = { "{n} more are listed in the sections that follow.",
                                      "ほか{n}件は以降の各章に示す。" },
  [CB_REPORT_WORD_DECISION_RED_KPI] = { "{name} is red: {value} against a target of {target}.",
                                        "{name}が赤：{value}（目標{target}）" },
  [CB_REPORT_WORD_DECISION_OVERDUE_ITEM] = { "Item {number}, {title}, was due {due}; level {level} of {target}.",
                                             "項目{number}「{title}」が期限{due}を経過。レベル{level}（目標{target}）" },
  [CB_REPORT_WORD_DECISION_LATE_RECOMMENDATION] = { "Recommendation on {criterion} was due {due}: {text}",
                                                    "{criterion}に関する提言が期限{due}を経過：{text}" },
  [CB_REPORT_WORD_REASON] = { "Why", "理由" },
  [CB_REPORT_WORD_DECISION] = { "Decision asked", "求める判断" },
  [CB_REPORT_WORD_ASK_RED_KPI] = { "Approve the corrective plan or accept the risk.",
                                   "是正計画の承認、またはリスク受容の判断" },
  [CB_REPORT_WORD_ASK_OVERDUE_ITEM] = { "Set a new due date and the resources to meet it.",
                                        "新たな期限と必要な資源の決定" },
  [CB_REPORT_WORD_ASK_LATE_RECOMMENDATION] = { "Confirm the owner's plan to close it.", "担当者の完了計画の確認" },

  [CB_REPORT_WORD_ITEMS] = { "The ten guideline items", "ガイドライン重要10項目" },
  [CB_REPORT_WORD_ITEMS_INTRO] = {
    "Maturity of the ten important items of METI's Cyber Security Management Guidelines Ver {version} on levels "
    "0 to 5, for {entity}; where several entities report, the level is their mean. The levels are defined in the "
    "appendix.",
    "経済産業省「サイバーセキュリティ経営ガイドライン Ver {version}」の重要10項目の成熟度（レベル0〜5、対象は{entity}。"
    "複数の組織の値は平均）。レベルの定義は付録に示す。" },
  [CB_REPORT_WORD_ITEM_NUMBER] = { "No.", "No." },
  [CB_REPORT_WORD_ITEM_TITLE] = { "Item", "項目" },
  [CB_REPORT_WORD_LEVEL_NAME] = { "Name", "名称" },
  [CB_REPORT_WORD_ITEM_SHORT] = { "Item {number}", "項目{number}" },
  [CB_REPORT_WORD_LEVEL] = { "Level", "レベル" },
  [CB_REPORT_WORD_OWNER] = { "Owner", "担当" },
  [CB_REPORT_WORD_RADAR_CAPTION] = { "Maturity of the ten items: {current}, {previous} and the target",
                                     "重要10項目の成熟度：{current}、{previous}、目標" },
  [CB_REPORT_WORD_LEVELS_CAPTION] = { "Level of each item in {current}; the tick marks {previous}",
                                      "項目別のレベル（{current}）。縦線は{previous}" },
  [CB_REPORT_WORD_LEVELS_AXIS] = { "Level (0–5)", "レベル（0〜5）" },
  [CB_REPORT_WORD_OVERDUE_MARK] = { "overdue", "期限超過" },
  [CB_REPORT_WORD_BENCHMARKS] = { "Benchmark position", "ベンチマーク" },
  [CB_REPORT_WORD_BENCHMARKS_INTRO] = {
    "Self-assessment benchmarks, with the standard score against the reference distribution entered for each "
    "benchmark's version (50 is the reference mean; ten points are one standard deviation).",
    "自己診断ベンチマークの結果と、版ごとの参照分布に対する偏差値（50が参照平均、10ポイントが標準偏差1つ分）。" },
  [CB_REPORT_WORD_BENCHMARKS_CAPTION] = { "Benchmark totals as a share of the maximum; the tick marks {previous}",
                                          "ベンチマーク合計点の満点に対する割合。縦線は{previous}" },
  [CB_REPORT_WORD_BENCHMARK] = { "Benchmark", "ベンチマーク" },
  [CB_REPORT_WORD_VERSION] = { "Version", "版" },
  [CB_REPORT_WORD_TOTAL] = { "Total", "合計点" },
  [CB_REPORT_WORD_MAXIMUM] = { "Maximum", "満点" },
  [CB_REPORT_WORD_STANDARD_SCORE] = { "Standard score", "偏差値" },
  [CB_REPORT_WORD_BENCHMARKS_NONE] = { "No benchmark is defined.", "ベンチマークが定義されていません。" },
  [CB_REPORT_WORD_SUPPLIERS] = { "Supply-chain risk", "サプライチェーンのリスク" },
  [CB_REPORT_WORD_SUPPLIERS_INTRO] = {
    "Suppliers and their security questionnaires. Coverage counts the high-criticality suppliers assessed in "
    "the 365 days before the period end.",
    "取引先とセキュリティ質問票による評価。カバー率は、期末前365日以内に評価した重要度「高」の取引先の割合。" },
  [CB_REPORT_WORD_MATRIX_CAPTION] = { "Supplier risk matrix: criticality by the band of the latest score",
                                      "取引先リスクマトリクス：重要度と直近のスコア帯" },
  [CB_REPORT_WORD_BANDS_CAPTION] = { "Assessed suppliers by score band and criticality",
                                     "スコア帯・重要度別の評価済み取引先数" },
  [CB_REPORT_WORD_DOMAINS_CAPTION] = { "Weakest questionnaire domains: mean score of the latest answers",
                                       "スコアの低い質問領域（直近の回答の平均スコア）" },
  [CB_REPORT_WORD_DOMAINS_AXIS] = { "Mean score (0–100)", "平均スコア（0〜100）" },
  [CB_REPORT_WORD_SUPPLIERS_TOTAL] = { "Suppliers", "取引先数" },
  [CB_REPORT_WORD_SUPPLIERS_ASSESSED] = { "Assessed in the last 365 days", "直近365日以内に評価済み" },
  [CB_REPORT_WORD_SUPPLIERS_HIGH] = { "High criticality", "重要度「高」" },
  [CB_REPORT_WORD_SUPPLIERS_COVERAGE] = { "Coverage of high-criticality suppliers", "重要取引先の評価カバー率" },
  [CB_REPORT_WORD_SUPPLIERS_MEAN_SCORE] = { "Mean score (0–100)", "平均スコア（0〜100）" },
  [CB_REPORT_WORD_SUPPLIERS_OVERDUE] = { "Re-assessments overdue", "再評価の期限超過" },
  [CB_REPORT_WORD_VALUE] = { "Value", "値" },
  [CB_REPORT_WORD_FACT] = { "Item", "項目" },
  [CB_REPORT_WORD_DETAIL] = { "Detail", "内容" },
  [CB_REPORT_WORD_DETECTION] = { "Incidents and detection time", "インシデントと検知までの時間" },
  [CB_REPORT_WORD_DETECTION_INTRO] = {
    "Incidents detected in the period. Dwell time runs from the first known compromise to detection; the global "
    "median is Mandiant M-Trends' figure for the same calendar year.",
    "期中に検知したインシデント。検知までの日数は、最初に侵害された時点から検知までの日数。世界の中央値は、同じ暦年の"
    "Mandiant M-Trendsの値。" },
  [CB_REPORT_WORD_DWELL_QUARTERS_CAPTION] = { "Median dwell time over eight quarters against the global median",
                                              "検知までの日数の中央値（直近8四半期）と世界の中央値" },
  [CB_REPORT_WORD_DWELL_YEARS_CAPTION] = { "Median dwell time over five fiscal years against the global median",
                                           "検知までの日数の中央値（直近5年度）と世界の中央値" },
  [CB_REPORT_WORD_INCIDENTS_CAPTION] = { "Incidents detected per quarter", "四半期別の検知件数" },
  [CB_REPORT_WORD_INCIDENTS_AXIS] = { "Incidents", "件数" },
  [CB_REPORT_WORD_CONTAIN_CAPTION] = { "Median time to contain per quarter", "封じ込めまでの時間の中央値（四半期別）" },
  [CB_REPORT_WORD_CONTAIN_AXIS] = { "Median time to contain (hours)", "封じ込めまでの時間の中央値（時間）" },
  [CB_REPORT_WORD_INTERNAL_CAPTION] = { "Share of incidents detected internally per quarter",
                                        "自社で検知したインシデントの割合（四半期別）" },
  [CB_REPORT_WORD_INTERNAL_AXIS] = { "Detected internally (%)", "自社検知の割合（%）" },
  [CB_REPORT_WORD_SMALL_SAMPLE_MARK] = { "{value} (fewer than 5 incidents)", "{value}（5件未満）" },
  [CB_REPORT_WORD_SMALL_SAMPLE_NOTE] = {
    "Hollow points rest on fewer than five incidents with a known compromise time: read them with care.",
    "白抜きの点は、侵害時点が判明しているインシデントが5件未満の値であり、解釈に注意を要する。" },
  [CB_REPORT_WORD_DETECTION_FIGURES] = { "Detection figures", "検知の指標" },
  [CB_REPORT_WORD_INCIDENTS] = { "Incidents detected", "検知件数" },
  [CB_REPORT_WORD_MEDIAN_DWELL] = { "Median dwell time", "検知までの日数（中央値）" },
  [CB_REPORT_WORD_MEAN_DWELL] = { "Mean dwell time", "検知までの日数（平均）" },
  [CB_REPORT_WORD_P90_DWELL] = { "90th percentile dwell time", "検知までの日数（90パーセンタイル）" },
  [CB_REPORT_WORD_KNOWN_COMPROMISE] = { "With a known compromise time", "侵害時点が判明している件数" },
  [CB_REPORT_WORD_MEDIAN_CONTAIN] = { "Median time to contain", "封じ込めまでの時間（中央値）" },
  [CB_REPORT_WORD_MEDIAN_RECOVER] = { "Median time to recover", "復旧までの時間（中央値）" },
  [CB_REPORT_WORD_INTERNAL_SHARE] = { "Detected internally", "自社で検知した割合" },
  [CB_REPORT_WORD_OPEN_AT_END] = { "Open at the period end", "期末時点で未復旧" },
  [CB_REPORT_WORD_MEDIAN_REPORT] = { "Median time to report to management", "経営陣への報告までの時間（中央値）" },
  [CB_REPORT_WORD_MATERIAL] = { "Material incidents", "重要なインシデント" },
  [CB_REPORT_WORD_DAYS_TO_DISCLOSE] = { "Longest time from materiality to disclosure",
                                        "重要性の判断から開示までの最長期間" },
  [CB_REPORT_WORD_BUSINESS_DAYS] = { "{n} business days", "{n}営業日" },
  [CB_REPORT_WORD_INCIDENT_LIST] = { "Incidents of the period", "期中のインシデント" },
  [CB_REPORT_WORD_INCIDENT_LIST_NONE] = { "No incident for the board was detected in the period.",
                                          "期中に検知した、取締役会に報告するインシデントはありません。" },
  [CB_REPORT_WORD_INCIDENTS_RULE] = {
    "Listed: material incidents first, then by severity (1 critical to 4 low) and detection time; at most {n}.",
    "重要なインシデントを先頭に、深刻度（1 緊急〜4 低）、検知日時の順に最大{n}件を示す。" },
  [CB_REPORT_WORD_INCIDENTS_MORE] = { "{n} more incidents are counted in the figures above but not listed.",
                                      "ほか{n}件は上の指標に含むが、一覧には示していない。" },
  [CB_REPORT_WORD_INCIDENT_ID] = { "ID", "ID" },
  [CB_REPORT_WORD_INCIDENT_TITLE] = { "Title", "件名" },
  [CB_REPORT_WORD_SEVERITY_SHORT] = { "Sev.", "深刻度" },
  [CB_REPORT_WORD_DETECTED] = { "Detected", "検知日" },
  [CB_REPORT_WORD_DWELL] = { "Dwell time", "検知まで" },
  [CB_REPORT_WORD_INCIDENT_OPEN] = { "open", "対応中" },
  [CB_REPORT_WORD_INCIDENT_CLOSED] = { "recovered", "復旧済" },
  [CB_REPORT_WORD_MATERIAL_MARK] = { "material", "重要" },
  [CB_REPORT_WORD_KPIS] = { "KPIs and KRIs", "KPI・KRI" },
  [CB_REPORT_WORD_KPIS_INTRO] = {
    "Each KPI against its target: red, amber or green from the target and its amber band, grey without a value "
    "or a target. The line shows the last eight quarters.",
    "各KPIの目標に対する状況。目標と許容幅から赤・黄・緑を判定し、値か目標がなければ灰色とする。折れ線は直近8四半期の推移。" },
  [CB_REPORT_WORD_KPIS_NONE] = { "No KPI for the board.", "取締役会に報告するKPIはありません。" },
  [CB_REPORT_WORD_AGAINST_TARGET] = { "Against the target", "目標との比較" },
  [CB_REPORT_WORD_HISTORY] = { "Eight quarters", "8四半期の推移" },
  [CB_REPORT_WORD_RECOMMENDATIONS] = { "Open recommendations of the board evaluation", "取締役会評価の未完了の提言" },
  [CB_REPORT_WORD_RECOMMENDATIONS_INTRO] = {
    "The open and in-progress recommendations of the board effectiveness evaluation of fiscal {year} ({status}).",
    "{year}年度の取締役会実効性評価（{status}）の提言のうち、未着手・対応中のもの。" },
  [CB_REPORT_WORD_RECOMMENDATIONS_NONE] = { "No recommendation of a board evaluation is open.",
                                            "未完了の提言はありません。" },
  [CB_REPORT_WORD_RATINGS_CAPTION] = { "Ratings of the board effectiveness evaluation of fiscal {year} ({status})",
                                       "{year}年度の取締役会実効性評価の評点（{status}）" },
  [CB_REPORT_WORD_CRITERION] = { "Criterion", "評価項目" },
  [CB_REPORT_WORD_RECOMMENDATION] = { "Recommendation", "提言" },
  [CB_REPORT_WORD_DUE] = { "Due", "期限" },
  [CB_REPORT_WORD_APPENDIX] = { "Appendix", "付録" },
  [CB_REPORT_WORD_DEFINITIONS] = { "Definitions", "用語の定義" },
  [CB_REPORT_WORD_TERM] = { "Term", "用語" },
  [CB_REPORT_WORD_DEFINITION] = { "Definition", "定義" },
  [CB_REPORT_WORD_MATURITY] = { "Maturity levels", "成熟度レベルの定義" },
  [CB_REPORT_WORD_MEANING] = { "Meaning", "内容" },
  [CB_REPORT_WORD_PROVENANCE] = { "Data provenance", "データの出所" },
  [CB_REPORT_WORD_PROVENANCE_INTRO] = {
    "The imports the workbook's figures rest on, with the SHA-256 of each file as it was imported.",
    "ワークブックの数値の元になった取り込みと、取り込んだファイルのSHA-256。" },
  [CB_REPORT_WORD_BATCH] = { "Batch", "バッチ" },
  [CB_REPORT_WORD_KIND] = { "Kind", "種類" },
  [CB_REPORT_WORD_FILE] = { "File", "ファイル" },
  [CB_REPORT_WORD_ROWS] = { "Rows", "行数" },
  [CB_REPORT_WORD_IMPORTED] = { "Imported", "取り込み日" },
  [CB_REPORT_WORD_SHA256] = { "SHA-256", "SHA-256" },
  [CB_REPORT_WORD_TERM_DWELL] = { "Dwell time", "検知までの日数" },
  [CB_REPORT_WORD_DEF_DWELL] = {
    "Days from the first known compromise to detection, in fractions of a day. Incidents without both times are "
    "counted but have no dwell time.",
    "最初に侵害された時点から検知までの日数（小数を含む）。両方の時点がそろわないインシデントは件数に数えるが、"
    "日数の計算には含めない。" },
  [CB_REPORT_WORD_TERM_PERIOD] = { "Period of an incident", "インシデントの帰属期間" },
  [CB_REPORT_WORD_DEF_PERIOD] = { "An incident belongs to the period in which it was detected, in the workbook's "
                                  "time zone.",
                                  "インシデントは、検知した日時（ワークブックのタイムゾーン）が属する期間に数える。" },
  [CB_REPORT_WORD_TERM_MEDIAN] = { "Median, 90th percentile", "中央値、90パーセンタイル" },
  [CB_REPORT_WORD_DEF_MEDIAN] = {
    "The median is the middle value, or the mean of the two middle values; the percentile interpolates between "
    "the closest ranks, as Excel's PERCENTILE.INC does. Without values there is no figure, never 0.",
    "中央値は値を並べたときの中央の値（偶数個なら中央の2つの平均）。パーセンタイルは近接する順位の間を線形補間する"
    "（ExcelのPERCENTILE.INCと同じ）。値がなければ0ではなく「値なし」とする。" },
  [CB_REPORT_WORD_TERM_CONTAIN] = { "Time to contain, to recover", "封じ込め・復旧までの時間" },
  [CB_REPORT_WORD_DEF_CONTAIN] = {
    "Hours from detection to containment or recovery; incidents still open at the period end are left out and "
    "counted as open.",
    "検知から封じ込め・復旧までの時間。期末時点で未了のインシデントは含めず、未復旧として数える。" },
  [CB_REPORT_WORD_DEF_INTERNAL] = { "Incidents the company detected itself, as a share of those whose detection "
                                    "source is known.",
                                    "検知元が判明しているインシデントのうち、自社で検知したものの割合。" },
  [CB_REPORT_WORD_TERM_BUSINESS_DAYS] = { "Business days", "営業日" },
  [CB_REPORT_WORD_DEF_BUSINESS_DAYS] = {
    "Monday to Friday, except the holidays in the workbook's holiday table; a material incident is to be "
    "disclosed within four business days of the determination (SEC Form 8-K Item 1.05).",
    "月曜日から金曜日のうち、ワークブックの休日表にない日。重要なインシデントは重要性の判断から4営業日以内に開示する"
    "（SEC Form 8-K Item 1.05）。" },
  [CB_REPORT_WORD_DEF_COVERAGE] = {
    "High-criticality suppliers with an assessment dated within the 365 days before the period end, as a "
    "percentage of all high-criticality suppliers.",
    "期末前365日以内の日付の評価がある重要度「高」の取引先の、重要度「高」の全取引先に対する割合。" },
  [CB_REPORT_WORD_TERM_SCORE] = { "Supplier score", "取引先のスコア" },
  [CB_REPORT_WORD_DEF_SCORE] = {
    "0 to 100: the weighted mean of the answers (yes 1, partly 0.5, no 0) over the answered questions, "
    "not-applicable ones left out.",
    "0〜100。回答済みの質問（該当なしを除く）について、回答の点数（はい1、一部0.5、いいえ0）を重みで加重平均した値。" },
  [CB_REPORT_WORD_DEF_MEAN_LEVEL] = { "The mean of the levels of the ten items that have one.",
                                      "値のある項目のレベルの平均。" },
  [CB_REPORT_WORD_TERM_KPI_STATUS] = { "KPI status", "KPIの状況" },
  [CB_REPORT_WORD_DEF_KPI_STATUS] = {
    "Where higher is better: green at or above the target, amber within the amber band below it, red below "
    "that; the mirror image where lower is better. Without a value: grey, never green.",
    "高いほど良い指標では、目標以上が緑、目標から許容幅の範囲内が黄、それ未満が赤（低いほど良い指標はその逆）。"
    "値がなければ灰色とし、緑にはしない。" },
  [CB_REPORT_WORD_DEF_STANDARD_SCORE] = { "(own total − reference mean) ÷ reference standard deviation × 10 + 50.",
                                          "（自社の合計点 − 参照平均）÷ 参照標準偏差 × 10 + 50。" },

  [CB_REPORT_WORD_EVAL_OVERVIEW] = { "The evaluation", "評価の概要" },
  [CB_REPORT_WORD_EVAL_FISCAL_YEAR] = { "Fiscal year", "対象年度" },
  [CB_REPORT_WORD_EVAL_YEAR] = { "Fiscal {year}", "{year}年度" },
  [CB_REPORT_WORD_EVAL_REVISION] = { "Revision", "版" },
  [CB_REPORT_WORD_EVAL_EVALUATOR] = { "Evaluator", "評価者" },
  [CB_REPORT_WORD_EVAL_KIND] = { "Evaluator type", "評価者の区分" },
  [CB_REPORT_WORD_EVAL_SCOPE] = { "Scope", "評価の範囲" },
  [CB_REPORT_WORD_EVAL_METHOD] = { "Method", "評価の方法" },
  [CB_REPORT_WORD_EVAL_STATUS] = { "Status", "状態" },
  [CB_REPORT_WORD_EVAL_RATINGS] = { "Rating per criterion", "評価項目ごとの評点" },
  [CB_REPORT_WORD_EVAL_RATINGS_CAPTION] = { "Rating per criterion, fiscal {year}", "評価項目ごとの評点（{year}年度）" },
  [CB_REPORT_WORD_EVAL_SCALE] = { "Rating scale: {scale}.", "評点の尺度：{scale}。" },
  [CB_REPORT_WORD_EVAL_RATING] = { "Rating", "評点" },
  [CB_REPORT_WORD_EVAL_FINDINGS] = { "Findings", "評価結果" },
  [CB_REPORT_WORD_EVAL_EVIDENCE] = { "Evidence", "根拠" },
  [CB_REPORT_WORD_EVAL_NO_FINDING] = { "No finding recorded.", "所見の記載なし。" },
  [CB_REPORT_WORD_EVAL_RECOMMENDATIONS] = { "Recommendations", "提言" },
  [CB_REPORT_WORD_EVAL_RECOMMENDATIONS_NONE] = { "This evaluation makes no new recommendation.",
                                                 "この評価で新たに行う提言はありません。" },
  [CB_REPORT_WORD_EVAL_FOLLOW_UP] = { "Follow-up of last year's recommendations", "前年度の提言のフォローアップ" },
  [CB_REPORT_WORD_EVAL_FOLLOW_UP_INTRO] = { "Recommendations carried over from an earlier evaluation, and how they "
                                            "were followed up.",
                                            "前年度までの評価から引き継いだ提言と、その対応状況。" },
  [CB_REPORT_WORD_EVAL_FOLLOW_UP_NONE] = { "No recommendation was carried over from an earlier evaluation.",
                                           "前年度から引き継いだ提言はありません。" },
  [CB_REPORT_WORD_EVAL_FOLLOW_UP_COLUMN] = { "Follow-up", "対応状況" },
  [CB_REPORT_WORD_EVAL_SIGNATURE] = { "Signature", "署名" },
  [CB_REPORT_WORD_EVAL_SIGNED_BY] = { "Signed by", "署名者" },
  [CB_REPORT_WORD_EVAL_SIGNED_ON] = { "Signed on", "署名日" },
  [CB_REPORT_WORD_EVAL_CONTENT_HASH] = { "Content SHA-256", "内容のSHA-256" },
  [CB_REPORT_WORD_EVAL_SIGNATURE_NOTE] = {
    "The SHA-256 covers the evaluation as signed: evaluator, scope, method, ratings, findings, evidence and "
    "recommendations. Any later change to them gives a different hash.",
    "SHA-256は、署名時の評価内容（評価者、範囲、方法、評点、所見、根拠、提言）から算出した値であり、内容を変更すると"
    "値が変わる。" },
  [CB_REPORT_WORD_EVAL_UNSIGNED] = {
    "Not signed: the evaluation is {status}. The signature and the content hash appear once the evaluator signs it.",
    "未署名：この評価は「{status}」の段階にある。評価者の署名後に、署名と内容のハッシュ値を記載する。" },
  [CB_REPORT_WORD_WHOLE_EVALUATION] = { "Whole evaluation", "評価全体" },

  [CB_REPORT_WORD_DISC_APPROVED] = { "Version {version}, approved by {approver} on {date}.",
                                     "第{version}版：{date} {approver} 承認" },
  [CB_REPORT_WORD_DISC_NOT_APPROVED] = { "Version {version}, draft: not approved.", "第{version}版（草案・未承認）" },
  [CB_REPORT_WORD_DISC_SEALED_HASH] = { "SHA-256 of the approved text: {hash}", "承認されたテキストのSHA-256：{hash}" },
  [CB_REPORT_WORD_DISC_SOURCE_NOTE] = { "Figures in the text are drawn from the public data of {period} only.",
                                        "本文中の数値は、{period}の公開データのみから算出している。" },
  [CB_REPORT_WORD_DISC_EMPTY_SECTION] = { "(No text yet.)", "（本文未記入）" },

  [CB_REPORT_WORD_ITEM_NOT_STARTED] = { "not started", "未着手" },
  [CB_REPORT_WORD_ITEM_IN_PROGRESS] = { "in progress", "対応中" },
  [CB_REPORT_WORD_ITEM_IMPLEMENTED] = { "implemented", "実施済" },
  [CB_REPORT_WORD_ITEM_OPERATING] = { "operating and reviewed", "運用・見直し済" },
  [CB_REPORT_WORD_REC_OPEN] = { "open", "未着手" },
  [CB_REPORT_WORD_REC_DONE] = { "done", "完了" },
  [CB_REPORT_WORD_REC_DROPPED] = { "dropped", "取りやめ" },
  [CB_REPORT_WORD_DRAFT] = { "draft", "草案" },
  [CB_REPORT_WORD_SUBMITTED] = { "submitted", "提出済" },
  [CB_REPORT_WORD_SIGNED] = { "signed", "署名済" },
  [CB_REPORT_WORD_APPROVED] = { "approved", "承認済" },
  [CB_REPORT_WORD_PUBLISHED] = { "published", "公表済" },
  [CB_REPORT_WORD_EVALUATOR_INTERNAL] = { "internal", "社内" },
  [CB_REPORT_WORD_EVALUATOR_EXTERNAL] = { "external", "社外" },
  [CB_REPORT_WORD_RAG_GREY] = { "no status", "判定なし" },
  [CB_REPORT_WORD_RAG_RED] = { "red", "赤" },
  [CB_REPORT_WORD_RAG_AMBER] = { "amber", "黄" },
  [CB_REPORT_WORD_RAG_GREEN] = { "green", "緑" },
  [CB_REPORT_WORD_TREND_UP] = { "↑ up", "↑ 上昇" },
  [CB_REPORT_WORD_TREND_FLAT] = { "→ flat", "→ 横ばい" },
  [CB_REPORT_WORD_TREND_DOWN] = { "↓ down", "↓ 低下" },
  [CB_REPORT_WORD_IMPROVING] = { "{trend}, better", "{trend}（改善）" },
  [CB_REPORT_WORD_WORSENING] = { "{trend}, worse", "{trend}（悪化）" },
};

static const struct
{
  const char   *value;
  CbReportWord  word;
} vocabulary[] = {
  { "not_started", CB_REPORT_WORD_ITEM_NOT_STARTED },
  { "in_progress", CB_REPORT_WORD_ITEM_IN_PROGRESS },
  { "implemented", CB_REPORT_WORD_ITEM_IMPLEMENTED },
  { "operating", CB_REPORT_WORD_ITEM_OPERATING },
  { "open", CB_REPORT_WORD_REC_OPEN },
  { "done", CB_REPORT_WORD_REC_DONE },
  { "dropped", CB_REPORT_WORD_REC_DROPPED },
  { "draft", CB_REPORT_WORD_DRAFT },
  { "submitted", CB_REPORT_WORD_SUBMITTED },
  { "signed", CB_REPORT_WORD_SIGNED },
  { "approved", CB_REPORT_WORD_APPROVED },
  { "published", CB_REPORT_WORD_PUBLISHED },
  { "internal", CB_REPORT_WORD_EVALUATOR_INTERNAL },
  { "external", CB_REPORT_WORD_EVALUATOR_EXTERNAL },
};

static const char *const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
};

const char *
cb_report_word (CbReportWord  word,
                const char   *lang)
{
  g_return_val_if_fail (word < CB_REPORT_WORD_N, "");

  return words[word][cb_chart_is_ja (lang) ? 1 : 0];
}

char *
cb_report_fill (CbReportWord  word,
                const char   *lang,
                ...)
{
  GString *text = g_string_new (cb_report_word (word, lang));
  const char *name;
  va_list args;

  va_start (args, lang);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *slot = g_strdup_printf ("{%s}", name);

      g_string_replace (text, slot, value != NULL ? value : "", 0);
    }
  va_end (args);

  return g_string_free (text, FALSE);
}

const char *
cb_report_vocabulary (const char *value,
                      const char *lang)
{
  if (value == NULL)
    return "—";

  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (g_str_equal (vocabulary[i].value, value))
      return cb_report_word (vocabulary[i].word, lang);

  return value;
}

static const char *
unit_suffix (const char *unit,
             double      value,
             const char *lang)
{
  gboolean ja = cb_chart_is_ja (lang);

  if (unit == NULL || *unit == '\0' || g_str_equal (unit, "ratio"))
    return "";
  if (g_str_equal (unit, "%"))
    return "%";
  if (g_str_equal (unit, "count"))
    return ja ? "件" : "";
  if (g_str_equal (unit, "days"))
    return ja ? "日" : value == 1 ? " day" : " days";
  if (g_str_equal (unit, "hours"))
    return ja ? "時間" : value == 1 ? " hour" : " hours";
  if (g_str_equal (unit, "JPY"))
    return ja ? "円" : "";

  return NULL;
}

static char *
format_quantity (double      value,
                 const char *unit,
                 const char *lang,
                 gboolean    sign)
{
  g_autofree char *number = cb_chart_format_number (value, 2, TRUE);
  const char *suffix = unit_suffix (unit, value, lang);
  const char *plus = sign && value > 0 ? "+" : "";

  if (g_strcmp0 (unit, "JPY") == 0 && !cb_chart_is_ja (lang))
    {
      /* "¥1,200,000" and "−¥1,200,000": the sign goes before the currency. */
      if (value < 0)
        return g_strdup_printf ("−¥%s", number + strlen ("−"));
      return g_strdup_printf ("%s¥%s", plus, number);
    }
  if (suffix == NULL)
    return g_strdup_printf ("%s%s %s", plus, number, unit);

  return g_strdup_printf ("%s%s%s", plus, number, suffix);
}

char *
cb_report_format_figure (CbOptional  value,
                         const char *unit,
                         const char *lang)
{
  if (!value.valid)
    return g_strdup ("—");

  return format_quantity (value.value, unit, lang, FALSE);
}

char *
cb_report_format_change (CbOptional  change,
                         const char *unit,
                         const char *lang)
{
  if (!change.valid)
    return g_strdup ("—");

  return format_quantity (change.value, unit, lang, TRUE);
}

static const char *const months_short_en[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

char *
cb_report_format_date (const char *iso_date,
                       const char *lang,
                       gboolean    brief)
{
  int year, month, day;
  char end;

  if (iso_date == NULL)
    return g_strdup ("—");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  if (cb_chart_is_ja (lang))
    return brief ? g_strdup_printf ("%d/%d/%d", year, month, day)
                 : g_strdup_printf ("%d年%d月%d日", year, month, day);

  return g_strdup_printf ("%d %s %d", day, brief ? months_short_en[month - 1] : months_en[month - 1], year);
}

char *
cb_report_format_unix (gint64      unix_time,
                       GTimeZone  *tz,
                       const char *lang,
                       gboolean    brief)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");

  return cb_report_format_date (iso, lang, brief);
}

char *
cb_report_format_hash (const char *sha256)
{
  GString *text = g_string_new (NULL);
  gsize length;

  if (sha256 == NULL)
    return g_string_free (text, FALSE);

  length = strlen (sha256);
  for (gsize i = 0; i < length; i += 16)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, sha256 + i, MIN (16, length - i));
    }

  return g_string_free (text, FALSE);
}

CbPage *
cb_report_page_new (CbWorkbook   *workbook,
                    const char   *lang,
                    const char   *title,
                    CbReportWord  subject,
                    const char   *period,
                    const char   *confidentiality,
                    gboolean      draft)
{
  g_autoptr(GDateTime) created = cb_page_creation_time (cb_workbook_get_time_zone (workbook));
  CbPageSetup setup = {
    .lang = lang,
    .title = title,
    .subject = cb_report_word (subject, lang),
    .author = cb_workbook_get_org_name (workbook, lang),
    .keywords = cb_report_word (CB_REPORT_WORD_KEYWORDS, lang),
    .period = period,
    .marking = cb_page_marking (confidentiality),
    .draft = draft,
    .created = created,
  };

  return cb_page_new (&setup);
}

void
cb_report_add_cover (CbPage     *page,
                     CbWorkbook *workbook,
                     const char *lang,
                     const char *title,
                     ...)
{
  const char *separator = cb_chart_is_ja (lang) ? "：" : ": ";
  const char *label;
  va_list args;

  g_return_if_fail (page != NULL);
  g_return_if_fail (title != NULL);

  cb_page_add_paragraph (page, cb_workbook_get_org_name (workbook, lang));
  cb_page_add_heading (page, 1, title);
  va_start (args, title);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *line = NULL;

      if (value == NULL)
        continue;
      line = g_strconcat (label, separator, value, NULL);
      cb_page_add_paragraph (page, line);
    }
  va_end (args);
}

void
cb_report_add_facts (CbPage       *page,
                     const char   *lang,
                     CbReportWord  label_title,
                     CbReportWord  value_title,
                     ...)
{
  CbPageTable *table;
  const char *label;
  va_list args;

  g_return_if_fail (page != NULL);

  table = cb_page_add_table (page, 2);
  cb_page_table_set_column (table, 0, cb_report_word (label_title, lang), 5, CB_ALIGN_START);
  cb_page_table_set_column (table, 1, cb_report_word (value_title, lang), CB_PAGE_COLUMNS - 5, CB_ALIGN_START);
  va_start (args, value_title);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        cb_page_table_add_row (table, (const char *[]) { label, value });
    }
  va_end (args);
}

/* Charts as figures. */

typedef struct
{
  CbReportChart *chart;
  const CbTheme *theme;
} Figure;

static void
figure_free (Figure *figure)
{
  cb_report_chart_free (figure->chart);
  g_free (figure);
}

static void
figure_draw_cb (cairo_t      *cr,
                const CbRect *area,
                gpointer      user_data)
{
  Figure *figure = user_data;

  cb_report_chart_draw (figure->chart, cr, area, figure->theme);
}

void
cb_report_add_chart (CbPage        *page,
                     CbReportChart *chart,
                     guint          span,
                     double         height)
{
  Figure *figure;

  g_return_if_fail (page != NULL);
  g_return_if_fail (chart != NULL);

  figure = g_new0 (Figure, 1);
  figure->chart = chart;
  figure->theme = cb_theme_get (CB_THEME_PRINT);
  cb_page_add_figure (page, span, height, figure_draw_cb, figure, (GDestroyNotify) figure_free, chart->caption);
}

void
cb_report_chart_draw (const CbReportChart *chart,
                      cairo_t             *cr,
                      const CbRect        *area,
                      const CbTheme       *theme)
{
  g_return_if_fail (chart != NULL);

  switch (chart->kind)
    {
    case CB_REPORT_CHART_RADAR:
      cb_chart_radar_draw (cr, area, chart->data.radar, theme);
      break;
    case CB_REPORT_CHART_TREND:
      cb_chart_trend_draw (cr, area, chart->data.trend, theme);
      break;
    case CB_REPORT_CHART_BARS:
      cb_chart_bars_draw (cr, area, chart->data.bars, theme);
      break;
    case CB_REPORT_CHART_MATRIX:
      cb_chart_matrix_draw (cr, area, chart->data.matrix, theme);
      break;
    case CB_REPORT_CHART_RATING:
      cb_chart_rating_draw (cr, area, chart->data.rating, theme);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
cb_report_chart_free (CbReportChart *chart)
{
  if (chart == NULL)
    return;

  switch (chart->kind)
    {
    case CB_REPORT_CHART_RADAR:
      cb_chart_radar_data_free (chart->data.radar);
      break;
    case CB_REPORT_CHART_TREND:
      cb_chart_trend_data_free (chart->data.trend);
      break;
    case CB_REPORT_CHART_BARS:
      cb_chart_bars_data_free (chart->data.bars);
      break;
    case CB_REPORT_CHART_MATRIX:
      cb_chart_matrix_data_free (chart->data.matrix);
      break;
    case CB_REPORT_CHART_RATING:
      cb_chart_rating_data_free (chart->data.rating);
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (chart->caption);
  g_free (chart);
}

/* Status badges in table cells. */

typedef struct
{
  char         *lang;
  GArray       *rags;
  PangoContext *context;
} RagPainter;

static void
rag_painter_free (RagPainter *painter)
{
  g_free (painter->lang);
  g_array_unref (painter->rags);
  g_clear_object (&painter->context);
  g_free (painter);
}

static void
rag_cell_cb (cairo_t      *cr,
             const CbRect *area,
             guint         row,
             gpointer      user_data)
{
  RagPainter *painter = user_data;
  const CbTheme *theme = cb_theme_get (CB_THEME_PRINT);
  g_autoptr(PangoLayout) layout = NULL;
  double size;
  int rag;

  if (row >= painter->rags->len || (rag = g_array_index (painter->rags, int, row)) < 0)
    return;

  /* Layouts are made where they are drawn, so a page drawn from another thread than the one
   * that built it still draws with a font map of its own. */
  if (painter->context == NULL)
    painter->context = cb_theme_create_context (painter->lang);
  layout = cb_theme_create_layout (theme, painter->context, CB_FONT_TABLE,
                                   cb_report_word (CB_REPORT_WORD_RAG_GREY + rag, painter->lang));
  size = MIN (area->height, 9.0);
  cb_theme_draw_rag (cr, theme, rag, area->x + size / 2, area->y + area->height / 2, size);
  cb_chart_show_layout (cr, layout, &theme->foreground, area->x + size + 3, area->y + area->height / 2, 0, 0.5);
}

void
cb_report_set_rag_column (CbPageTable *table,
                          guint        column,
                          const char  *lang,
                          GArray      *rags)
{
  RagPainter *painter;

  g_return_if_fail (table != NULL);
  g_return_if_fail (rags != NULL);

  painter = g_new0 (RagPainter, 1);
  painter->lang = g_strdup (lang);
  painter->rags = g_array_ref (rags);
  cb_page_table_set_cell_func (table, column, rag_cell_cb, painter, (GDestroyNotify) rag_painter_free);
}

/* Choosing and writing a report. */

gboolean
cb_report_type_parse (const char    *text,
                      CbReportType  *type,
                      GError       **error)
{
  static const char *const names[] = { "board", "evaluation", "disclosure" };

  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *type = (CbReportType) i;
        return TRUE;
      }

  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
               "“%s” is not a report type: board, evaluation or disclosure", text != NULL ? text : "");
  return FALSE;
}

gboolean
cb_report_check_lang (const char  *lang,
                      GError     **error)
{
  if (g_strcmp0 (lang, "ja") == 0 || g_strcmp0 (lang, "en") == 0)
    return TRUE;

  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
               "“%s” is not a report language: ja or en", lang != NULL ? lang : "");
  return FALSE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return cb_period_compare (b, a);
}

GArray *
cb_report_list_periods (CbWorkbook    *workbook,
                        CbReportType   type,
                        GError       **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CbPeriod));
  GArray *periods;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (type == CB_REPORT_BOARD)
    return cb_snapshot_list_periods (workbook);

  if (type == CB_REPORT_EVALUATION)
    {
      g_autoptr(GPtrArray) evaluations = cb_evaluation_list (workbook, error);

      if (evaluations == NULL)
        return NULL;
      for (guint i = 0; i < evaluations->len; i++)
        g_array_append_val (found, ((CbPeriod) { ((CbEvaluation *) evaluations->pdata[i])->fiscal_year, 0 }));
    }
  else
    {
      g_autoptr(GPtrArray) disclosures = cb_disclosure_list (workbook, error);

      if (disclosures == NULL)
        return NULL;
      for (guint i = 0; i < disclosures->len; i++)
        {
          CbPeriod period;

          if (cb_period_parse (((CbDisclosure *) disclosures->pdata[i])->period, &period, NULL))
            g_array_append_val (found, period);
        }
    }

  /* Revisions of one year, and disclosures of one period, offer it once. */
  g_array_sort (found, compare_newest_first);
  periods = g_array_new (FALSE, FALSE, sizeof (CbPeriod));
  for (guint i = 0; i < found->len; i++)
    {
      const CbPeriod *period = &g_array_index (found, CbPeriod, i);

      if (i == 0 || !cb_period_equal (period, &g_array_index (found, CbPeriod, i - 1)))
        g_array_append_val (periods, *period);
    }
  return periods;
}

static gboolean
offers (const GArray   *periods,
        const CbPeriod *period)
{
  for (guint i = 0; i < periods->len; i++)
    if (cb_period_equal (&g_array_index (periods, CbPeriod, i), period))
      return TRUE;
  return FALSE;
}

char *
cb_report_choose_period (const GArray *periods,
                         const char   *wanted)
{
  CbPeriod period;

  g_return_val_if_fail (periods != NULL, NULL);

  if (periods->len == 0)
    return g_strdup (wanted);
  if (wanted != NULL && cb_period_parse (wanted, &period, NULL))
    {
      CbPeriod year = { period.fiscal_year, 0 };

      if (offers (periods, &period))
        return cb_period_to_string (&period);
      if (offers (periods, &year))
        return cb_period_to_string (&year);
    }
  return cb_period_to_string (&g_array_index (periods, CbPeriod, 0));
}

/* What a report is of, so that the hash of its PDF can be stored with it. */
typedef struct
{
  CbReportType type;
  gint64       id;
} Subject;

static CbPage *
build (CbWorkbook             *workbook,
       const CbReportOptions  *options,
       Subject                *subject,
       GError                **error)
{
  const char *lang = options->lang != NULL ? options->lang : cb_workbook_get_language (workbook);

  if (!cb_report_check_lang (lang, error))
    return NULL;
  if (options->period != NULL && !cb_period_parse (options->period, &(CbPeriod) { 0 }, NULL))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   "“%s” is not a period such as FY2026Q1 or FY2026", options->period);
      return NULL;
    }

  subject->type = options->type;
  switch (options->type)
    {
    case CB_REPORT_BOARD:
      subject->id = 0;
      return cb_report_board_new (workbook, lang, options->period, options->entity, error);

    case CB_REPORT_EVALUATION:
      subject->id = cb_report_evaluation_find (workbook, options->period, error);
      return subject->id != 0 ? cb_report_evaluation_new (workbook, subject->id, lang, error) : NULL;

    case CB_REPORT_DISCLOSURE:
      subject->id = cb_report_disclosure_find (workbook, options->period, error);
      return subject->id != 0 ? cb_report_disclosure_new (workbook, subject->id, lang, error) : NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

CbPage *
cb_report_build (CbWorkbook             *workbook,
                 const CbReportOptions  *options,
                 gint64                 *subject_id,
                 GError                **error)
{
  Subject subject;
  CbPage *page;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  page = build (workbook, options, &subject, error);
  if (page != NULL && subject_id != NULL)
    *subject_id = subject.id;
  return page;
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Stores the hash of the PDF with the signed evaluation or the approved disclosure version it
 * shows, once: a hash stored earlier is kept and reported. */
static gboolean
record_hash (CbWorkbook       *workbook,
             const Subject    *subject,
             CbReportOutcome  *outcome,
             GError          **error)
{
  if (subject->type == CB_REPORT_EVALUATION)
    {
      g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (workbook, subject->id, error);

      if (evaluation == NULL)
        return FALSE;
      if (g_strcmp0 (evaluation->status, "signed") != 0)
        return TRUE;
      outcome->sealed_what = g_strdup_printf ("evaluation FY%d revision %d", evaluation->fiscal_year,
                                              evaluation->revision);
      if (evaluation->report_sha256 != NULL)
        {
          outcome->kept_hash = g_strdup (evaluation->report_sha256);
          return TRUE;
        }
      if (cb_workbook_is_read_only (workbook))
        return TRUE;
      if (!cb_evaluation_set_report_hash (workbook, subject->id, outcome->sha256, error))
        return FALSE;
    }
  else if (subject->type == CB_REPORT_DISCLOSURE)
    {
      g_autoptr(CbDisclosureVersion) version = cb_disclosure_get_version (workbook, subject->id, error);

      if (version == NULL)
        return FALSE;
      if (g_strcmp0 (version->status, "approved") != 0 && g_strcmp0 (version->status, "published") != 0)
        return TRUE;
      outcome->sealed_what = g_strdup_printf ("disclosure version %d", version->version);
      if (version->pdf_sha256 != NULL)
        {
          outcome->kept_hash = g_strdup (version->pdf_sha256);
          return TRUE;
        }
      /* A published version never changes, not even to take the hash of its PDF, and an evaluator
       * changes the evaluation alone. */
      if (cb_workbook_is_read_only (workbook) || cb_workbook_is_evaluator (workbook)
          || g_strcmp0 (version->status, "approved") != 0)
        return TRUE;
      if (!cb_disclosure_set_pdf_hash (workbook, subject->id, outcome->sha256, error))
        return FALSE;
    }
  else
    {
      return TRUE;
    }

  outcome->hash_recorded = TRUE;
  return TRUE;
}

gboolean
cb_report_write (CbWorkbook             *workbook,
                 const CbReportOptions  *options,
                 const char             *path,
                 CbReportOutcome        *outcome,
                 GError                **error)
{
  g_autoptr(CbPage) page = NULL;
  CbReportOutcome local = { NULL };
  Subject subject;
  gboolean ok;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cb_workbook_check_output (workbook, path, error))
    return FALSE;
  page = build (workbook, options, &subject, error);
  if (page == NULL || !cb_page_write_pdf (page, path, error))
    return FALSE;

  local.sha256 = file_sha256 (path, error);
  ok = local.sha256 != NULL && record_hash (workbook, &subject, &local, error);
  if (ok && outcome != NULL)
    *outcome = local;
  else
    cb_report_outcome_clear (&local);

  return ok;
}

void
cb_report_outcome_clear (CbReportOutcome *outcome)
{
  g_return_if_fail (outcome != NULL);

  g_clear_pointer (&outcome->sha256, g_free);
  g_clear_pointer (&outcome->sealed_what, g_free);
  g_clear_pointer (&outcome->kept_hash, g_free);
  outcome->hash_recorded = FALSE;
}
