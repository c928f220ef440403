/* The demo workbook: an invented Japanese manufacturer, Toho Precision Industries, with its
 * guideline assessments, benchmark scores, suppliers, incidents, KPIs, board evaluation and
 * disclosure. Everything comes from one GRand seeded by the caller and from fixed dates, never
 * from the clock, so a seed always gives the same workbook. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cb-batch.h"
#include "cb-demo.h"
#include "cb-disclosure.h"
#include "cb-evaluation.h"
#include "cb-period.h"
#include "cb-record.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

/* The day the demo's data is current to; its last full quarter is the one before this day's. */
#define TODAY_YEAR  2026
#define TODAY_MONTH 11
#define TODAY_DAY   15

#define HOUR (60 * 60)
#define DAY  (24 * HOUR)

#define QUESTIONNAIRE "SCQ-2025"

/* What each scale holds besides its entities (two subsidiaries, or the group of 50). */
typedef struct
{
  const char *name;
  guint       n_quarters;
  guint       n_suppliers;
  guint       n_questions;
  double      never_assessed;  /* share of suppliers without any assessment */
  double      assessed_twice;  /* share of the assessed ones with an assessment a year earlier too */
  double      unanswered;      /* share of questions an assessment leaves blank */
  guint       n_incidents;
  guint       n_kpis;          /* KPI definitions the demo tops the defaults up to */
} Plan;

static const Plan plans[] = {
  [CB_DEMO_SMALL] = { "small", 8, 60, 30, 0.12, 0.3, 0.03, 40, 0 },
  [CB_DEMO_LARGE] = { "large", 40, 20000, 100, 0, 0, 0, 100000, 40 },
};

/* The entities. */

typedef struct
{
  const char *code;
  const char *name_ja;
  const char *name_en;
  double      size;      /* people and systems relative to the head office */
  double      maturity;  /* offset of its guideline levels from the head office's */
} SmallEntity;

static const SmallEntity small_entities[] = {
  { "TSH", "東邦精機販売株式会社", "Toho Precision Sales Co., Ltd.", 0.25, -0.6 },
  { "TPV", "東邦精機ベトナム有限会社", "Toho Precision Vietnam Co., Ltd.", 0.35, -1.1 },
};

static const CbOrganisation organisation = {
  .name_ja = "東邦精機工業株式会社",
  .name_en = "Toho Precision Industries Co., Ltd.",
  .fiscal_year_start = 4,
  .time_zone = "Asia/Tokyo",
  .language = "ja",
};

const CbOrganisation *
cb_demo_organisation (void)
{
  return &organisation;
}

/* The large group: regional holding companies, and in every place a manufacturing, a sales and
 * a service company. */
typedef struct
{
  const char *code;
  const char *name_ja;
  const char *name_en;
} Region;

static const Region regions[] = {
  { "TPAP", "東邦精機アジア・パシフィック株式会社", "Toho Precision Asia Pacific Pte. Ltd." },
  { "TPCN", "東邦精機（中国）投資有限公司", "Toho Precision (China) Investment Co., Ltd." },
  { "TPAM", "東邦精機アメリカ株式会社", "Toho Precision Americas, Inc." },
  { "TPEU", "東邦精機ヨーロッパ有限会社", "Toho Precision Europe GmbH" },
};

typedef struct
{
  const char *code;
  const char *name_ja;
  const char *name_en;
  const char *region;     /* NULL: directly under the group */
  const char *prefix_en;  /* legal form before the English name */
  const char *suffix_en;  /* legal form after it */
  const char *suffix_ja;
} Place;

static const Place places[] = {
  { "HK", "北海道", "Hokkaido", NULL, "", " Co., Ltd.", "株式会社" },
  { "TH", "東北", "Tohoku", NULL, "", " Co., Ltd.", "株式会社" },
  { "CB", "中部", "Chubu", NULL, "", " Co., Ltd.", "株式会社" },
  { "KS", "関西", "Kansai", NULL, "", " Co., Ltd.", "株式会社" },
  { "KY", "九州", "Kyushu", NULL, "", " Co., Ltd.", "株式会社" },
  { "VN", "ベトナム", "Vietnam", "TPAP", "", " Co., Ltd.", "有限会社" },
  { "TL", "タイ", "Thailand", "TPAP", "", " Co., Ltd.", "有限会社" },
  { "ID", "インドネシア", "Indonesia", "TPAP", "PT ", "", "有限会社" },
  { "IN", "インド", "India", "TPAP", "", " Pvt. Ltd.", "有限会社" },
  { "MY", "マレーシア", "Malaysia", "TPAP", "", " Sdn. Bhd.", "有限会社" },
  { "SZ", "蘇州", "Suzhou", "TPCN", "", " Co., Ltd.", "有限公司" },
  { "GZ", "広州", "Guangzhou", "TPCN", "", " Co., Ltd.", "有限公司" },
  { "US", "米国", "USA", "TPAM", "", ", Inc.", "株式会社" },
  { "MX", "メキシコ", "Mexico", "TPAM", "", " S.A. de C.V.", "有限会社" },
  { "DE", "ドイツ", "Germany", "TPEU", "", " GmbH", "有限会社" },
};

typedef struct
{
  const char *code;
  const char *name_ja;
  const char *name_en;
  double      size;
} Function;

static const Function functions[] = {
  { "M", "製造", "Manufacturing", 0.4 },
  { "S", "販売", "Sales", 0.15 },
  { "E", "サービス", "Service", 0.1 },
};

/* The ten guideline items as the demo company lives them. */

typedef enum
{
  TREND_IMPROVING,
  TREND_STAGNANT,
  TREND_REGRESSING,
} Trend;

typedef struct
{
  const char *title;
  const char *location;  /* a URL, or a path on the file server */
} Document;

typedef struct
{
  const char *owner;       /* at the head office */
  const char *site_owner;  /* at a subsidiary */
  double      now;         /* the head office's level in the last quarter */
  int         target;
  const char *progress;
  const char *flat;
  const char *setback;
  Document    documents[2];
} Item;

static const Item items[10] = {
  { "経営企画部長", "管理部長", 3.8, 4,
    "サイバーセキュリティ基本方針を改訂し、取締役会の承認を得た。",
    "基本方針は策定済み。グループ会社への周知が課題。",
    "組織改編により方針の主管部署が不明確になった。",
    { { "サイバーセキュリティ基本方針（第3版）", "https://toho-seiki.sharepoint.example/sites/security/policy-v3.pdf" },
      { "取締役会議事録（抜粋）", "S:\\経営企画\\取締役会\\議事録抜粋_サイバー方針.pdf" } } },
  { "CISO", "管理部長", 3.6, 4,
    "CISOを任命し、セキュリティ委員会を四半期ごとに開催する体制とした。",
    "委員会は開催しているが、事業部門の参加が限られている。",
    "CISOの兼務が増え、委員会が二四半期開催されていない。",
    { { "セキュリティ委員会規程", "https://toho-seiki.sharepoint.example/sites/security/committee-charter.pdf" },
      { "CSIRT体制図", "https://toho-seiki.sharepoint.example/sites/security/csirt-organisation.pdf" } } },
  { "CFO", "管理部長", 3.0, 3,
    "次年度予算でセキュリティ要員2名の増員が承認された。",
    "予算は前年並み。専門人材の採用が進んでいない。",
    "要員の退職により運用体制が縮小した。",
    { { "セキュリティ予算計画書", "S:\\経理\\予算\\セキュリティ予算計画書.xlsx" },
      { "人員計画（情報セキュリティ）", "https://toho-seiki.sharepoint.example/sites/hr/security-staffing.pdf" } } },
  { "リスク管理部長", "管理部長", 3.2, 4,
    "全社リスクアセスメントを実施し、対応計画を策定した。",
    "リスクアセスメントは本社のみで、海外拠点は未実施。",
    "リスク評価が1年以上更新されていない。",
    { { "全社リスクアセスメント結果", "https://toho-seiki.sharepoint.example/sites/risk/assessment.pdf" },
      { "リスク対応計画", "S:\\リスク管理\\リスク対応計画.xlsx" } } },
  { "情報システム部長", "ITマネージャー", 3.5, 4,
    "EDRを全端末に導入し、SOCによる24時間監視を開始した。",
    "EDRの導入は本社のみ。工場ネットワークは未対応。",
    "監視委託先の変更に伴い、監視範囲が一時的に縮小した。",
    { { "SOC監視サービス月次報告書", "https://toho-seiki.sharepoint.example/sites/it/soc-monthly.pdf" },
      { "EDR導入状況一覧", "S:\\情報システム\\EDR導入状況.xlsx" } } },
  { "内部監査室長", "管理部長", 2.9, 4,
    "KPIを四半期ごとに経営会議へ報告する運用を開始した。",
    "KPIは定義済みだが、改善活動への反映が不十分。",
    "内部監査で是正計画の遅れを指摘された。",
    { { "セキュリティKPI四半期報告", "https://toho-seiki.sharepoint.example/sites/security/kpi-report.pdf" },
      { "内部監査報告書（情報セキュリティ）", "S:\\内部監査\\監査報告書_情報セキュリティ.pdf" } } },
  { "CSIRT責任者", "ITマネージャー", 3.4, 4,
    "CSIRTの対応手順を改訂し、役員が参加する机上演習を実施した。",
    "CSIRTは設置済み。夜間・休日の連絡体制が未整備。",
    "机上演習で初動連絡の遅れが確認された。",
    { { "インシデント対応手順書", "https://toho-seiki.sharepoint.example/sites/security/incident-procedure.pdf" },
      { "机上演習実施報告", "S:\\情報セキュリティ\\演習\\机上演習報告.pdf" } } },
  { "事業継続推進室長", "ITマネージャー", 2.8, 4,
    "ランサムウェアを想定した復旧訓練を実施し、目標復旧時間を達成した。",
    "バックアップの復元テストが一部のシステムに限られている。",
    "復旧訓練で基幹システムの目標復旧時間を達成できなかった。",
    { { "事業継続計画書（サイバー編）", "https://toho-seiki.sharepoint.example/sites/bcp/bcp-cyber.pdf" },
      { "復旧訓練結果報告", "S:\\事業継続\\復旧訓練結果.pdf" } } },
  { "調達部長", "購買マネージャー", 2.5, 3,
    "重要委託先への質問票評価を開始し、結果を調達部と共有した。",
    "委託先評価は新規契約時のみで、定期的な評価は未実施。",
    "重要委託先での情報漏えいを受け、評価をやり直すことになった。",
    { { "委託先セキュリティ評価要領",
        "https://toho-seiki.sharepoint.example/sites/procurement/supplier-assessment.pdf" },
      { "重要委託先一覧", "S:\\調達\\重要委託先一覧.xlsx" } } },
  { "広報・IR部長", "管理部長", 2.5, 3,
    "業界ISACに加盟し、脅威情報の共有を始めた。",
    "外部の情報共有活動への参加は限られている。",
    "統合報告書での開示内容が前年より後退した。",
    { { "ISAC参加規約", "https://toho-seiki.sharepoint.example/sites/security/isac-membership.pdf" },
      { "統合報告書 サイバーセキュリティの項", "https://toho-seiki.example/ir/integrated-report.pdf" } } },
};

/* Suppliers. */

typedef struct
{
  const char *word_ja;
  const char *word_en;
  const char *services;
  const char *data_access;
  const char *owner;
  double      high;      /* chance of high criticality */
  double      maturity;  /* typical share of the questionnaire's controls in place */
} Business;

static const Business businesses[] = {
  { "ロジスティクス", "Logistics", "製品の保管・配送", "internal", "物流部", 0.1, 0.6 },
  { "データサービス", "Data Services", "データセンター・ホスティング", "confidential", "情報システム部", 0.5, 0.82 },
  { "システムズ", "Systems", "基幹システムの開発・保守", "confidential", "情報システム部", 0.45, 0.75 },
  { "ソフトウェア", "Software", "業務アプリケーションの提供", "internal", "情報システム部", 0.2, 0.7 },
  { "ネットワークス", "Networks", "ネットワーク回線・機器の保守", "internal", "情報システム部", 0.3, 0.72 },
  { "クラウド", "Cloud", "クラウド基盤（IaaS）の提供", "personal", "情報システム部", 0.5, 0.85 },
  { "精密部品", "Precision Parts", "精密部品の供給（図面の受領を含む）", "confidential", "調達部", 0.2, 0.5 },
  { "人材サービス", "Staffing", "人材派遣", "personal", "人事部", 0.1, 0.6 },
  { "ビジネスサービス", "Business Services", "給与計算・経理業務の代行", "personal", "経理部", 0.35, 0.72 },
  { "印刷", "Printing", "印刷・発送代行", "personal", "総務部", 0.1, 0.55 },
  { "設備サービス", "Facility Services", "工場設備の保守（リモート保守を含む）", "internal", "生産技術部", 0.3, 0.5 },
  { "警備保障", "Security Services", "施設警備", "none", "総務部", 0.02, 0.6 },
  { "コンサルティング", "Consulting", "ITコンサルティング", "confidential", "経営企画部", 0.1, 0.75 },
  { "電子", "Electronics", "電子部品・制御装置の供給", "confidential", "調達部", 0.15, 0.55 },
  { "商事", "Trading", "原材料の調達", "internal", "調達部", 0.05, 0.5 },
};

typedef struct
{
  const char *code;
  double      weight;
  const char *suffix;
  const char *stems[6];
} Country;

/* Japan comes first: its companies mostly have Japanese names. */
static const Country countries[] = {
  { "JP", 0.6, " Co., Ltd.", { "Nippon", "Yamato", "Kanto", "Tokai", "Sakura", "Tokyo" } },
  { "VN", 0.1, " Co., Ltd.", { "Saigon", "Hanoi", "Mekong", "Song Hong", "Da Nang", "Lotus" } },
  { "US", 0.08, ", Inc.", { "Pacific", "Summit", "Redwood", "Cascade", "Lakeshore", "Keystone" } },
  { "IN", 0.06, " Pvt. Ltd.", { "Deccan", "Indus", "Sahyadri", "Kaveri", "Nilgiri", "Konkan" } },
  { "TW", 0.06, " Co., Ltd.", { "Formosa", "Jade Mountain", "Tamsui", "Hsinchu", "Keelung", "Alishan" } },
  { "CN", 0.05, " Co., Ltd.", { "Suzhou", "Pearl River", "Huaxia", "Jinling", "Taihu", "Lingnan" } },
  { "TH", 0.03, " Co., Ltd.", { "Siam", "Chao Phraya", "Lanna", "Rattana", "Andaman", "Isan" } },
  { "DE", 0.02, " GmbH", { "Rhein", "Alpen", "Nordstern", "Elbe", "Schwarzwald", "Isar" } },
};

static const char *const stems_ja[] = {
  "北斗", "東和", "大和", "富士見", "青葉", "明和", "光陽", "新栄", "旭", "双葉", "朝日", "日東",
  "城南", "瑞穂", "常盤", "菱和", "昭栄", "湘南", "桜井", "三協", "平安", "白鷺", "若葉", "千代田",
};
static const char *const kanji_first[] = { "東", "西", "北", "南", "大", "新", "昭", "明", "光", "旭", "三", "協",
                                           "日", "富", "瑞", "青" };
static const char *const kanji_second[] = { "和", "栄", "陽", "洋", "進", "邦", "信", "友", "成", "豊", "興", "伸" };

/* The questionnaire: the 100 questions of the large demo, of which the small one asks those
 * marked core. */

typedef struct
{
  const char *domain;
  const char *text_ja;
  const char *text_en;
  int         weight;
  gboolean    core;
} Question;

static const Question questions[] = {
  { "ガバナンス", "情報セキュリティ基本方針を文書化し、経営者が承認していますか。",
    "Is an information security policy documented and approved by management?", 4, TRUE },
  { "ガバナンス", "情報セキュリティの責任者（CISO等）を任命していますか。",
    "Have you appointed a person responsible for information security (a CISO or equivalent)?", 3, TRUE },
  { "ガバナンス", "情報セキュリティに関する規程類を年1回以上見直していますか。",
    "Are security rules and procedures reviewed at least once a year?", 2, TRUE },
  { "ガバナンス", "従業員に対し、年1回以上の情報セキュリティ教育を実施していますか。",
    "Do all employees receive security training at least once a year?", 3, TRUE },
  { "ガバナンス", "ISMS（ISO/IEC 27001）等の第三者認証を取得していますか。",
    "Do you hold a third-party certification such as ISMS (ISO/IEC 27001)?", 2, FALSE },
  { "ガバナンス", "セキュリティ教育の受講状況を記録し、未受講者をフォローしていますか。",
    "Do you record training completion and follow up on those who have not completed it?", 1, FALSE },
  { "ガバナンス", "標的型メール訓練を定期的に実施していますか。",
    "Do you run phishing simulation exercises regularly?", 2, FALSE },
  { "ガバナンス", "内部監査または外部監査で情報セキュリティを対象としていますか。",
    "Does internal or external audit cover information security?", 2, FALSE },
  { "ガバナンス", "経営層に対し、情報セキュリティの状況を定期的に報告していますか。",
    "Is the security status reported to management regularly?", 2, FALSE },
  { "ガバナンス", "情報資産の台帳を作成し、管理責任者を定めていますか。",
    "Do you keep an inventory of information assets with named owners?", 3, FALSE },
  { "ガバナンス", "リスクアセスメントを年1回以上実施していますか。",
    "Do you perform a risk assessment at least once a year?", 3, FALSE },
  { "ガバナンス", "雇用契約または就業規則に秘密保持義務を定めていますか。",
    "Do employment contracts or work rules include a confidentiality obligation?", 2, FALSE },
  { "ガバナンス", "退職者から秘密保持の誓約書を取得していますか。",
    "Do leaving employees sign a confidentiality undertaking?", 1, FALSE },

  { "アクセス管理", "利用者IDを個人ごとに発行し、共有IDを禁止していますか。",
    "Are user IDs issued per person, with shared IDs prohibited?", 3, TRUE },
  { "アクセス管理", "社外からのアクセスと管理者アカウントに多要素認証を適用していますか。",
    "Is multi-factor authentication enforced for remote access and administrator accounts?", 5, TRUE },
  { "アクセス管理", "退職・異動時にアクセス権を速やかに削除・変更していますか。",
    "Are access rights removed or changed promptly when staff leave or change roles?", 4, TRUE },
  { "アクセス管理", "特権IDの利用を申請・承認制とし、利用記録を残していますか。",
    "Is the use of privileged IDs approved in advance and logged?", 4, TRUE },
  { "アクセス管理", "アクセス権の棚卸しを半年に1回以上実施していますか。",
    "Are access rights reviewed at least every six months?", 3, FALSE },
  { "アクセス管理", "パスワードの長さ・複雑さの基準を定め、システムで強制していますか。",
    "Do your systems enforce rules for password length and complexity?", 2, FALSE },
  { "アクセス管理", "一定回数の認証失敗でアカウントをロックしていますか。",
    "Are accounts locked after repeated failed logins?", 1, FALSE },
  { "アクセス管理", "当社データへのアクセスを業務上必要な担当者に限定していますか。",
    "Is access to our data limited to staff who need it for their work?", 4, FALSE },
  { "アクセス管理", "リモートアクセスをVPN等の暗号化された経路に限定していますか。",
    "Is remote access restricted to encrypted channels such as a VPN?", 3, FALSE },
  { "アクセス管理", "無線LANにWPA2以上の暗号化と認証を適用していますか。",
    "Do wireless networks use WPA2 or stronger encryption and authentication?", 1, FALSE },
  { "アクセス管理", "システムへのログイン記録を1年以上保管していますか。",
    "Are login records kept for at least one year?", 2, FALSE },
  { "アクセス管理", "一定時間操作のない端末を自動でロックしていますか。",
    "Do idle devices lock automatically?", 1, FALSE },
  { "アクセス管理", "クラウドサービスの管理者権限を定期的に見直していますか。",
    "Are administrator rights in cloud services reviewed regularly?", 3, FALSE },

  { "脆弱性管理", "OS・ソフトウェアのセキュリティパッチを定めた期限内に適用していますか。",
    "Are security patches for operating systems and software applied within a set deadline?", 5, TRUE },
  { "脆弱性管理", "すべての端末・サーバーにマルウェア対策（EDR等）を導入していますか。",
    "Is anti-malware protection (EDR or similar) installed on all devices and servers?", 4, TRUE },
  { "脆弱性管理", "外部に公開しているシステムの脆弱性診断を年1回以上実施していますか。",
    "Are internet-facing systems tested for vulnerabilities at least once a year?", 4, TRUE },
  { "脆弱性管理", "サポート期限内のOS・ソフトウェアのみを使用していますか。",
    "Do you run only operating systems and software that are still supported?", 3, TRUE },
  { "脆弱性管理", "脆弱性情報（JVN、ベンダーの情報等）を定期的に収集していますか。",
    "Do you follow vulnerability advisories (JVN, vendor bulletins) regularly?", 2, FALSE },
  { "脆弱性管理", "重大な脆弱性への緊急対応手順を定めていますか。",
    "Do you have an emergency procedure for critical vulnerabilities?", 3, FALSE },
  { "脆弱性管理", "ペネトレーションテストを実施していますか。",
    "Do you carry out penetration tests?", 2, FALSE },
  { "脆弱性管理", "VPN装置・ルーター等のネットワーク機器のファームウェアを最新に保っていますか。",
    "Is the firmware of network devices (VPN appliances, routers) kept up to date?", 4, FALSE },
  { "脆弱性管理", "ソフトウェアの導入を許可制とし、無許可のソフトウェアを禁止していますか。",
    "Is software installation controlled, with unapproved software prohibited?", 2, FALSE },
  { "脆弱性管理", "開発したアプリケーションのセキュリティテストを実施していますか。",
    "Do you test the security of the applications you develop?", 3, FALSE },
  { "脆弱性管理", "使用しているオープンソースソフトウェアの構成（SBOM等）を把握していますか。",
    "Do you know the open-source components your software uses (for example an SBOM)?", 2, FALSE },
  { "脆弱性管理", "ファイアウォール等で不要な通信を遮断していますか。",
    "Is unnecessary network traffic blocked by firewalls or similar controls?", 3, FALSE },
  { "脆弱性管理", "サーバー・クラウドの設定を基準に照らして定期的に点検していますか。",
    "Are server and cloud configurations checked against a baseline regularly?", 3, FALSE },

  { "データ保護", "当社から預かるデータを保存時・通信時ともに暗号化していますか。",
    "Is the data you hold for us encrypted at rest and in transit?", 5, TRUE },
  { "データ保護", "個人情報の取扱規程を定め、遵守状況を確認していますか。",
    "Do you have rules for handling personal data and check compliance with them?", 4, TRUE },
  { "データ保護", "契約終了時に当社データを返却・消去し、その証明書を提出できますか。",
    "Can you return or erase our data at the end of the contract and certify it?", 3, TRUE },
  { "データ保護", "ノートPC・スマートフォンにディスク暗号化やリモートワイプを導入していますか。",
    "Are laptops and smartphones protected by disk encryption or remote wipe?", 3, TRUE },
  { "データ保護", "当社データの保存場所（国・データセンター）を特定できますか。",
    "Can you tell in which countries and data centres our data is stored?", 3, FALSE },
  { "データ保護", "USBメモリ等の外部記録媒体の利用を制限していますか。",
    "Is the use of USB memory and other removable media restricted?", 2, FALSE },
  { "データ保護", "情報の機密区分を定め、区分に応じて取り扱っていますか。",
    "Is information classified and handled according to its classification?", 2, FALSE },
  { "データ保護", "電子メールの誤送信対策を実施していますか。",
    "Do you have measures against misdirected e-mail?", 1, FALSE },
  { "データ保護", "データ漏えい防止（DLP）の仕組みを導入していますか。",
    "Do you use data loss prevention (DLP) tools?", 2, FALSE },
  { "データ保護", "廃棄する機器の記憶媒体を確実に消去・破壊していますか。",
    "Are the storage media of disposed equipment securely erased or destroyed?", 2, FALSE },
  { "データ保護", "テスト環境では本番データを使わず、マスキングしたデータを使用していますか。",
    "Do test environments use masked data instead of production data?", 2, FALSE },
  { "データ保護", "暗号鍵を適切に保管・更新していますか。",
    "Are encryption keys stored and rotated properly?", 2, FALSE },
  { "データ保護", "データへのアクセス記録を取得し、定期的に確認していますか。",
    "Are accesses to data logged and reviewed regularly?", 3, FALSE },

  { "インシデント対応", "インシデント対応手順を文書化し、担当者を定めていますか。",
    "Is there a documented incident response procedure with named responsibilities?", 4, TRUE },
  { "インシデント対応", "当社に影響するインシデントを、発見から24時間以内に当社へ通知する体制がありますか。",
    "Will you notify us within 24 hours of discovering an incident that affects us?", 5, TRUE },
  { "インシデント対応", "セキュリティログを監視し、不審な事象を検知する仕組みがありますか。",
    "Are security logs monitored to detect suspicious events?", 4, TRUE },
  { "インシデント対応", "インシデント対応訓練を年1回以上実施していますか。",
    "Do you hold an incident response exercise at least once a year?", 2, TRUE },
  { "インシデント対応", "CSIRT等の対応組織を設置していますか。",
    "Have you set up a CSIRT or a similar response team?", 2, FALSE },
  { "インシデント対応", "フォレンジック事業者等の外部専門家と支援契約を結んでいますか。",
    "Do you have a support agreement with outside specialists such as forensic investigators?", 1, FALSE },
  { "インシデント対応", "インシデント発生時に連絡する社外関係者の一覧を整備していますか。",
    "Do you keep a list of the outside parties to contact in an incident?", 2, FALSE },
  { "インシデント対応", "インシデントを記録し、再発防止策を検討していますか。",
    "Are incidents recorded and followed by measures against recurrence?", 3, FALSE },
  { "インシデント対応", "ログを突き合わせられるよう、システムの時刻を同期していますか。",
    "Are the clocks of your systems synchronised so that logs can be correlated?", 1, FALSE },
  { "インシデント対応", "個人情報の漏えい時に当局へ報告する手順を定めていますか。",
    "Do you have a procedure for reporting personal data breaches to the authorities?", 3, FALSE },
  { "インシデント対応", "ランサムウェア被害を想定した対応手順がありますか。",
    "Do you have a response procedure for a ransomware attack?", 3, FALSE },
  { "インシデント対応", "検知したアラートを24時間365日監視する体制がありますか。",
    "Are alerts monitored around the clock?", 2, FALSE },

  { "BCP", "事業継続計画（BCP）を策定し、年1回以上見直していますか。",
    "Do you have a business continuity plan that is reviewed at least once a year?", 4, TRUE },
  { "BCP", "重要データのバックアップを取得し、復元テストを実施していますか。",
    "Are critical data backed up, and are restores tested?", 5, TRUE },
  { "BCP", "バックアップをネットワークから切り離した場所にも保管していますか。",
    "Is a backup copy kept offline or otherwise isolated from the network?", 4, TRUE },
  { "BCP", "当社向けサービスの目標復旧時間（RTO）を定めていますか。",
    "Have you set a recovery time objective (RTO) for the services you provide us?", 3, TRUE },
  { "BCP", "BCPの訓練を年1回以上実施していますか。",
    "Do you exercise the business continuity plan at least once a year?", 2, FALSE },
  { "BCP", "重要なシステムを冗長化（二重化）していますか。",
    "Are critical systems redundant?", 2, FALSE },
  { "BCP", "災害時の代替拠点または代替手段を確保していますか。",
    "Do you have an alternative site or means of operation for disasters?", 2, FALSE },
  { "BCP", "サイバー攻撃によるシステム停止を想定した復旧手順がありますか。",
    "Do you have recovery procedures for an outage caused by a cyber attack?", 3, FALSE },
  { "BCP", "停電に備えて無停電電源装置や自家発電設備を備えていますか。",
    "Are critical systems protected against power failure (UPS, generator)?", 1, FALSE },
  { "BCP", "サービス停止時に当社へ連絡する手順を定めていますか。",
    "Is there a procedure for informing us of a service outage?", 3, FALSE },
  { "BCP", "再委託先を含めて事業継続の体制を確認していますか。",
    "Do you check the continuity arrangements of your own subcontractors?", 2, FALSE },
  { "BCP", "サイバー保険に加入していますか。",
    "Do you hold cyber insurance?", 1, FALSE },

  { "委託先管理", "再委託を行う場合、事前に当社の承認を得ていますか。",
    "Do you obtain our approval before subcontracting work?", 4, TRUE },
  { "委託先管理", "再委託先に当社と同等のセキュリティ要件を契約で課していますか。",
    "Do contracts with your subcontractors impose security requirements equal to ours?", 3, TRUE },
  { "委託先管理", "重要な再委託先のセキュリティ状況を年1回以上評価していますか。",
    "Do you assess the security of important subcontractors at least once a year?", 3, TRUE },
  { "委託先管理", "再委託先の一覧を当社に提出できますか。",
    "Can you provide us with a list of your subcontractors?", 2, FALSE },
  { "委託先管理", "海外の再委託先・拠点で当社データを扱う場合、当社に通知していますか。",
    "Do you tell us when our data is handled by subcontractors or sites abroad?", 3, FALSE },
  { "委託先管理", "利用するクラウドサービスのセキュリティ認証（SOC 2、ISMAP等）を確認していますか。",
    "Do you check the security certifications (SOC 2, ISMAP) of the cloud services you use?", 2, FALSE },
  { "委託先管理", "再委託先の従業員に秘密保持義務を課していますか。",
    "Are your subcontractors' staff bound by confidentiality?", 2, FALSE },
  { "委託先管理", "委託業務の終了時に再委託先でのデータ消去を確認していますか。",
    "Do you confirm that subcontractors erase our data when the work ends?", 2, FALSE },
  { "委託先管理", "当社による監査・立入調査を受け入れますか。",
    "Will you accept audits or on-site inspections by us?", 2, FALSE },
  { "委託先管理", "ソフトウェア・部品の調達先の信頼性を確認していますか。",
    "Do you check the trustworthiness of your software and component suppliers?", 2, FALSE },
  { "委託先管理", "再委託先で発生したインシデントを速やかに報告させる契約になっていますか。",
    "Do your subcontracts require prompt reporting of incidents that affect us?", 3, FALSE },
  { "委託先管理", "委託先からのリモート保守接続を管理し、記録していますか。",
    "Are remote maintenance connections from your own suppliers controlled and logged?", 3, FALSE },

  { "物理セキュリティ", "サーバールーム等の重要エリアへの入退室を制限し、記録していますか。",
    "Is entry to server rooms and other secure areas restricted and recorded?", 3, TRUE },
  { "物理セキュリティ", "来訪者を受付で記録し、執務エリアへの立入りを管理していますか。",
    "Are visitors registered and their access to work areas controlled?", 2, TRUE },
  { "物理セキュリティ", "書類や記録媒体を施錠保管していますか（クリアデスク）。",
    "Are documents and media locked away when not in use (clear desk)?", 1, TRUE },
  { "物理セキュリティ", "監視カメラを設置し、映像を一定期間保存していますか。",
    "Are CCTV cameras installed, with footage kept for a set period?", 1, FALSE },
  { "物理セキュリティ", "重要な機器の持ち出しを許可制としていますか。",
    "Is the removal of important equipment subject to approval?", 2, FALSE },
  { "物理セキュリティ", "工場・生産設備（OT）のネットワークを情報系ネットワークから分離していますか。",
    "Are factory and production (OT) networks separated from office networks?", 4, FALSE },
  { "物理セキュリティ", "生産設備への保守用端末・USB機器の接続を管理していますか。",
    "Are maintenance laptops and USB devices connected to production equipment controlled?", 3, FALSE },
  { "物理セキュリティ", "機械警備や警備員による建物の警備を行っていますか。",
    "Is the building guarded by an alarm system or security staff?", 1, FALSE },
  { "物理セキュリティ", "プリンターの認証印刷等により印刷物の放置を防いでいますか。",
    "Do you prevent printouts from being left unattended (for example by authenticated printing)?", 1, FALSE },
  { "物理セキュリティ", "利用しているデータセンターの物理的セキュリティを確認していますか。",
    "Have you checked the physical security of the data centres you use?", 2, FALSE },
  { "物理セキュリティ", "地震・水害等の自然災害に備えた設備対策を行っていますか。",
    "Are facilities protected against natural disasters such as earthquakes and floods?", 2, FALSE },
  { "物理セキュリティ", "テレワーク時の情報管理ルールを定めていますか。",
    "Do you have rules for handling information when working remotely?", 2, FALSE },
};

/* How real exports write the four answers: Yes, Partial, No, N/A. */
typedef enum
{
  ANSWER_YES,
  ANSWER_PARTIAL,
  ANSWER_NO,
  ANSWER_NA,
  N_ANSWERS,
} Answer;

static const char *const answer_styles[][N_ANSWERS] = {
  { "Yes", "Partial", "No", "N/A" },
  { "はい", "一部", "いいえ", "該当なし" },
  { "○", "△", "×", "−" },
};

static const char *const answer_comments[] = {
  "年度内に対応予定。",
  "対応を検討中。",
  "本社のみ実施している。",
  "一部のシステムのみが対象。",
  "2026年度に導入予定。",
  "手順書を改訂中。",
  "親会社の基準に従って運用している。",
  "Planned for next fiscal year.",
};

static const char *const answer_evidence[] = {
  "ISMS認証登録証",
  "SOC 2 Type II報告書",
  "情報セキュリティ規程（抜粋）",
  "脆弱性診断報告書",
  "ISO/IEC 27001 certificate",
};

/* Incidents. */

typedef struct
{
  const char *category;
  const char *titles[3];
  double      weight;
  double      dwell_days;       /* median days from compromise to detection */
  double      internal;         /* chance the company found it itself */
  double      contain_hours;    /* median hours from detection to containment */
  int         public_severity;  /* incidents this severe or worse were announced */
  int         private_severity; /* incidents this mild or milder stay internal */
} IncidentKind;

static const IncidentKind incident_kinds[] = {
  { "マルウェア感染", { "業務端末でのマルウェア感染", "USBメモリ経由のマルウェア感染",
                        "業務端末でのランサムウェアの検知" },
    0.25, 14, 0.7, 10, 0, 5 },
  { "不正アクセス", { "VPN装置の脆弱性を悪用した不正アクセス", "クラウドサービスへの不正ログイン",
                      "公開Webサーバーへの不正アクセス" },
    0.18, 55, 0.4, 20, 0, 5 },
  { "情報漏えい", { "委託先経由での取引先情報の漏えい", "メール誤送信による顧客情報の漏えい", "設計図面の外部流出" },
    0.12, 40, 0.3, 24, 2, 5 },
  { "フィッシング", { "役員を装ったビジネスメール詐欺", "フィッシングメールによる認証情報の窃取",
                      "取引先を装った請求書詐欺メール" },
    0.2, 6, 0.6, 6, 0, 5 },
  { "DDoS", { "製品情報サイトへのDDoS攻撃", "ECサイトへの大量アクセスによるサービス停止", NULL },
    0.05, 0.2, 0.8, 3, 4, 5 },
  { "設定不備", { "クラウドストレージの公開設定の不備", "ファイアウォールの設定誤りによる外部公開",
                  "テスト用サーバーの認証設定の不備" },
    0.12, 110, 0.5, 8, 0, 5 },
  { "内部不正", { "退職予定者による設計データの持ち出し", "権限外の人事情報の閲覧", NULL },
    0.04, 60, 0.6, 30, 0, 1 },
  { "紛失・盗難", { "業務用ノートPCの紛失", "社用スマートフォンの盗難", NULL },
    0.04, 1, 0.9, 4, 0, 4 },
};

static const char *const internal_sources[] = {
  "EDRのアラート", "SOCによる監視", "従業員からの報告", "ログの定期点検", "IT資産管理ツールの検知",
};
static const char *const external_sources[] = {
  "取引先からの通報", "顧客からの問い合わせ", "JPCERT/CCからの連絡", "警察からの連絡",
  "攻撃者からの脅迫メール", "セキュリティ研究者からの報告",
};

/* KPIs: how the demo company's values move from its first quarter to its last. The defaults of
 * the workbook are listed without names; the others are the demo's own, added in the large demo
 * up to its number of KPIs. */

typedef struct
{
  const char *code;
  const char *name_ja;
  const char *name_en;
  const char *unit;
  const char *direction;
  const char *target;
  const char *band;
  double      first;
  double      last;
  double      step;   /* values are rounded to multiples of this */
  double      noise;  /* relative standard deviation */
} KpiTrend;

static const KpiTrend kpi_trends[] = {
  { "security_investment", NULL, NULL, "JPY", NULL, NULL, NULL, 42e6, 66e6, 1e5, 0.08 },
  { "risk_analyses", NULL, NULL, "count", NULL, NULL, NULL, 1, 3, 1, 0.3 },
  { "risk_findings", NULL, NULL, "count", NULL, NULL, NULL, 26, 11, 1, 0.15 },
  { "training_completion", NULL, NULL, "%", NULL, NULL, NULL, 81, 96.5, 0.1, 0.015 },
  { "phishing_click_rate", NULL, NULL, "%", NULL, NULL, NULL, 14.5, 4.8, 0.1, 0.12 },
  { "critical_patch_latency", NULL, NULL, "days", NULL, NULL, NULL, 41, 12.5, 0.1, 0.12 },

  { "mfa_coverage", "多要素認証の適用率", "MFA coverage", "%", "higher", "100", "5", 35, 97, 0.1, 0.03 },
  { "edr_coverage", "EDRの導入率", "EDR coverage of endpoints", "%", "higher", "100", "5", 20, 98, 0.1, 0.03 },
  { "asset_inventory_coverage", "IT資産台帳の網羅率", "IT asset inventory coverage", "%", "higher", "95", "5",
    60, 93, 0.1, 0.03 },
  { "backup_restore_tests", "バックアップ復元テストの実施数", "Backup restore tests", "count", "higher", "4", "1",
    0.5, 6, 1, 0.25 },
  { "privileged_accounts", "特権IDの数", "Privileged accounts", "count", "lower", NULL, NULL, 420, 180, 1, 0.05 },
  { "open_critical_vulns", "未対応の重大な脆弱性の数", "Open critical vulnerabilities", "count", "lower", "0", "5",
    85, 12, 1, 0.2 },
  { "high_patch_latency", "高リスク脆弱性へのパッチ適用日数", "High-risk patch latency", "days", "lower", "30",
    "15", 75, 28, 0.1, 0.1 },
  { "security_staff", "セキュリティ要員数", "Security staff", "count", "higher", "12", "2", 3, 11, 1, 0.05 },
  { "incident_drills", "インシデント対応訓練の実施回数", "Incident response exercises", "count", "higher", "1",
    "0", 0.3, 1.5, 1, 0.3 },
  { "board_briefings", "取締役会へのサイバー報告回数", "Cyber briefings to the board", "count", "higher", "1", "0",
    0.4, 1.2, 1, 0.2 },
  { "secure_config_compliance", "セキュリティ設定基準の遵守率", "Secure configuration compliance", "%", "higher",
    "95", "5", 55, 91, 0.1, 0.04 },
  { "cloud_misconfigurations", "クラウド設定不備の検出数", "Cloud misconfigurations found", "count", "lower", NULL,
    NULL, 40, 9, 1, 0.2 },
  { "supplier_assessments_done", "委託先評価の実施件数", "Supplier assessments completed", "count", "higher", NULL,
    NULL, 5, 60, 1, 0.15 },
  { "pentest_findings", "ペネトレーションテストの指摘数", "Penetration-test findings", "count", "lower", NULL, NULL,
    25, 8, 1, 0.25 },
  { "log_coverage", "ログをSOCに送るシステムの割合", "Systems sending logs to the SOC", "%", "higher", "90", "10",
    30, 88, 0.1, 0.04 },
  { "alert_triage_hours", "アラートの一次対応時間", "Alert triage time", "hours", "lower", "4", "4", 30, 3.5, 0.1,
    0.15 },
  { "ot_segmentation", "工場ネットワークの分離率", "OT network segmentation", "%", "higher", "100", "10", 10, 80,
    0.1, 0.05 },
  { "eol_systems", "サポート終了システムの数", "End-of-life systems", "count", "lower", "0", "10", 140, 35, 1, 0.08 },
  { "laptop_encryption", "ノートPCの暗号化率", "Encrypted laptops", "%", "higher", "100", "2", 70, 99.5, 0.1,
    0.01 },
  { "access_review_completion", "アクセス権棚卸しの完了率", "Access reviews completed", "%", "higher", "100", "10",
    40, 95, 0.1, 0.05 },
  { "security_budget_ratio", "IT予算に占めるセキュリティ予算の比率", "Security share of the IT budget", "%",
    "higher", "10", "2", 4, 9.5, 0.1, 0.05 },
  { "phishing_report_rate", "標的型メール訓練の報告率", "Phishing simulation report rate", "%", "higher", "60",
    "15", 8, 52, 0.1, 0.1 },
  { "mean_hours_to_contain", "封じ込めまでの平均時間", "Mean time to contain", "hours", "lower", "24", "24", 96,
    20, 0.1, 0.15 },
  { "bcp_exercises", "事業継続訓練の実施回数", "Business continuity exercises", "count", "higher", "1", "0", 0.3,
    1.2, 1, 0.3 },
  { "isms_certified_sites", "ISMS認証を取得した拠点数", "ISMS-certified sites", "count", "higher", NULL, NULL, 1,
    14, 1, 0.05 },
  { "sbom_coverage", "SBOMを整備した製品の割合", "Products with an SBOM", "%", "higher", "80", "20", 0.5, 60, 0.1,
    0.08 },
  { "web_apps_scanned", "脆弱性診断済みWebアプリの割合", "Web applications scanned", "%", "higher", "100", "10",
    25, 92, 0.1, 0.05 },
  { "shadow_it_services", "未承認クラウドサービスの検出数", "Unapproved cloud services found", "count", "lower",
    NULL, NULL, 120, 30, 1, 0.12 },
  { "awareness_test_score", "情報セキュリティ理解度テストの平均正答率", "Security awareness test score", "%",
    "higher", "85", "5", 68, 86, 0.1, 0.03 },
  { "cyber_insurance_cover", "サイバー保険の補償限度額", "Cyber insurance cover", "JPY", "higher", NULL, NULL, 3e8,
    1e9, 1e8, 0.05 },
  { "dormant_accounts", "長期未使用アカウントの数", "Dormant accounts", "count", "lower", NULL, NULL, 900, 150, 1,
    0.1 },
};

/* The board evaluation of the last full fiscal year, by an outside evaluator. */

typedef struct
{
  const char *criterion;
  int         rating;
  const char *finding;
  const char *kind;   /* the evidence: "item", "kpi" or "document" */
  const char *ref;
  const char *title;  /* of a document */
} Rating;

static const Rating ratings[] = {
  { "BE1", 3, "CISOから四半期ごとにKPIを含む報告を受けている。ただし報告資料は技術的な記述が多く、"
              "経営判断に必要な論点の整理が不十分な回があった。", "item", "CSMG.D6", NULL },
  { "BE2", 2, "サイバーリスクは全社リスク一覧に記載されているが、許容できる水準（リスクアペタイト）が"
              "定量的に定められていない。", "item", "CSMG.D1", NULL },
  { "BE3", 3, "CISOは経営会議の構成員であり、取締役会へ直接報告する経路がある。一方、グループ会社の"
              "情報システム部門に対する指示権限は明文化されていない。", "item", "CSMG.D2", NULL },
  { "BE4", 2, "取締役向け研修を年1回実施したが、出席率は7割にとどまった。外部専門家に相談できる"
              "仕組みは整備されていない。", "kpi", "training_completion", NULL },
  { "BE5", 2, "エスカレーション基準は定められており、当年度のランサムウェア事案では判断から1日以内に"
              "取締役会へ第一報があった。取締役が参加する演習は実施されていない。", "item", "CSMG.D7", NULL },
  { "BE6", 3, "セキュリティ投資の稟議でリスク評価の結果が参照されるようになった。投資効果の事後検証は"
              "一部の案件に限られる。", "kpi", "security_investment", NULL },
  { "BE7", 2, "重要委託先の評価は始まったが、海外子会社と委託先の状況の取締役会への報告は年1回のみ。",
    "item", "CSMG.D9", NULL },
  { "BE8", 3, "有価証券報告書のサイバーリスクの記載を取締役会で審議した。重要性の判断手順は整備の途上。",
    "item", "CSMG.D10", NULL },
  { "BE9", 4, "前年度の内部評価での指摘事項5件のうち4件が完了し、残る1件も計画どおり進んでいる。",
    "document", "https://toho-seiki.sharepoint.example/sites/board/evaluation-follow-up.xlsx",
    "前年度指摘事項フォローアップ表" },
};

typedef struct
{
  const char *criterion;
  const char *text;
  const char *owner;
  int         due_quarter;  /* the due date is the end of this quarter of the next fiscal year */
  const char *status;       /* in this year's follow-up */
  const char *follow_up;    /* NULL: not followed up yet */
} Recommendation;

static const Recommendation recommendations[] = {
  { "BE2", "サイバーリスクの許容水準（リスクアペタイト）を定量的な指標で定め、取締役会で承認すること。",
    "経営企画部長", 2, "in_progress", "指標案を経営会議で審議中。" },
  { "BE4", "取締役向けのサイバーセキュリティ研修を年2回に増やし、外部専門家に相談できる体制を整えること。",
    "取締役会事務局", 3, "open", NULL },
  { "BE5", "取締役が参加するインシデント対応の机上演習を年1回以上実施すること。",
    "CISO", 2, "done", "第1四半期に役員参加の机上演習を実施した。" },
  { "BE7", "海外子会社と重要委託先のサイバーリスクを四半期報告に含めること。",
    "調達部長", 1, "open", NULL },
  { "BE8", "重要インシデントの重要性判断の手順を文書化し、開示委員会の役割を明確にすること。",
    "広報・IR部長", 4, "open", NULL },
};

#define EVALUATOR_NAME "佐藤 直子"
#define EVALUATOR_ORG  "青山ガバナンス・アドバイザリー株式会社"

/* The disclosure of the last full fiscal year. The demo fills in <year> (that fiscal year) and the
 * fiscal year and quarter of the material incident; {{…}} are the placeholders the workbook fills. */

typedef struct
{
  const char *key;
  const char *body_ja;
  const char *body_en;
} Section;

static const Section sections[] = {
  { "risk_management",
    "当社グループは、経済産業省「サイバーセキュリティ経営ガイドライン Ver 3.0」の重要10項目に沿って対策の成熟度を"
    "四半期ごとに評価しており、期末の平均成熟度は0〜5の6段階で{{guideline.mean_level}}です。評価の結果は全社的"
    "リスク管理に統合され、外部の専門家による診断も受けています。委託先を含むサプライチェーンのリスクについては、"
    "重要度の高い取引先に質問票による評価を行っており、過去12か月以内に評価を実施した重要取引先の割合は"
    "{{suppliers.high_criticality_coverage_pct}}%です。",
    "The Group assesses the maturity of its cybersecurity measures every quarter against the ten important items "
    "of METI's Cyber Security Management Guidelines Ver 3.0; at the end of the period the mean maturity level was "
    "{{guideline.mean_level}} on a scale of 0 to 5. The results feed into enterprise risk management, and outside "
    "specialists review our controls. For risks from third parties, including our supply chain, we assess "
    "high-criticality suppliers with a security questionnaire; {{suppliers.high_criticality_coverage_pct}}% of them "
    "were assessed within the last twelve months." },
  { "board_oversight",
    "取締役会は、CISOから四半期ごとにサイバーセキュリティの状況とKPIの報告を受け、リスクへの対応方針を監督して"
    "います。<year>年度の取締役会の実効性評価では、外部の評価者がサイバーリスクの監督を評価項目に加えました。",
    "The Board of Directors receives a quarterly report on cybersecurity and its KPIs from the CISO and oversees "
    "the Group's approach to cyber risk. In fiscal <year> the annual evaluation of the board's effectiveness by an "
    "outside evaluator covered its oversight of cyber risk." },
  { "management_role",
    "執行役員であるCISOが当社グループのサイバーセキュリティを統括し、経営会議の構成員として経営陣に報告しています。"
    "CISOの下に置いたCSIRTが、インシデントの検知から復旧までの対応を指揮しています。",
    "The Chief Information Security Officer, an executive officer, leads cybersecurity across the Group and "
    "reports to management as a member of the Management Committee. A CSIRT under the CISO directs the response "
    "to incidents from detection to recovery." },
  { "incident_effects",
    "期中に検知したインシデントについて、侵害から検知までの日数の中央値は{{detection.median_dwell_days}}日でした。"
    "<incident-year>年度第<incident-quarter>四半期のランサムウェア攻撃により一部の工場で生産が数日間停止しましたが、"
    "当社グループの財政状態及び経営成績に重要な影響はありません。",
    "For the incidents detected in the period, the median time from compromise to detection was "
    "{{detection.median_dwell_days}} days. A ransomware attack in Q<incident-quarter> of fiscal <incident-year> "
    "halted production at some plants for several days; it has not had a material effect on the Group's "
    "financial condition or results of operations." },
};

/* The generator's state. */

typedef struct
{
  char     *code;
  double    size;
  double    maturity;
  gboolean  root;
} Entity;

typedef struct
{
  gint64   id;
  double   maturity;
  gboolean high;
} Supplier;

typedef struct
{
  gint64 id;
  int    weight;
  double difficulty;
} AskedQuestion;

typedef struct
{
  CbWorkbook     *workbook;
  CbDemoScale     scale;
  const Plan     *plan;
  guint32         seed;
  GRand          *rand;
  GTimeZone      *zone;
  int             start_month;
  gint64          today;
  CbBatch        *batch;
  CbPeriod       *quarters;   /* plan->n_quarters, oldest first */
  GArray         *entities;   /* of Entity, the head office first */
  GArray         *suppliers;  /* of Supplier */
  GArray         *questions;  /* of AskedQuestion */
  GArray         *holidays;   /* guint32 julian days, sorted */
  CbDemoProgress  progress;
  gpointer        user_data;
  double          stage_start;
  double          stage_weight;
  double          reported;
} Demo;

static void
entity_clear (gpointer data)
{
  Entity *entity = data;

  g_free (entity->code);
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->batch, cb_batch_free);
  g_clear_pointer (&demo->quarters, g_free);
  g_clear_pointer (&demo->entities, g_array_unref);
  g_clear_pointer (&demo->suppliers, g_array_unref);
  g_clear_pointer (&demo->questions, g_array_unref);
  g_clear_pointer (&demo->holidays, g_array_unref);
}

/* Progress: the work is cut into stages, each a share of the whole. */

static void
advance (Demo   *demo,
         double  fraction)
{
  double done = MIN (demo->stage_start + demo->stage_weight * fraction, 1.0);

  if (demo->progress != NULL && done - demo->reported >= 0.005)
    {
      demo->reported = done;
      demo->progress (done, demo->user_data);
    }
}

static void
stage (Demo   *demo,
       double  weight)
{
  demo->stage_start += demo->stage_weight;
  demo->stage_weight = weight;
  advance (demo, 0);
}

/* Chance. */

static double
uniform (Demo   *demo,
         double  low,
         double  high)
{
  return g_rand_double_range (demo->rand, low, high);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static guint
pick (Demo  *demo,
      guint  n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

#define PICK(demo, array) ((array)[pick ((demo), G_N_ELEMENTS (array))])

/* A standard normal deviate (Box–Muller). */
static double
normal (Demo *demo)
{
  double u = 1.0 - g_rand_double (demo->rand);
  double v = g_rand_double (demo->rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
lognormal (Demo   *demo,
           double  median,
           double  sigma)
{
  return median * exp (sigma * normal (demo));
}

/* Picks an index of @n structures @stride bytes apart whose double at @first_weight is its weight. */
static guint
pick_weighted (Demo       *demo,
               const void *first_weight,
               gsize       stride,
               guint       n)
{
  double total = 0;
  double r;

  for (guint i = 0; i < n; i++)
    total += *(const double *) ((const char *) first_weight + i * stride);
  r = g_rand_double (demo->rand) * total;
  for (guint i = 0; i < n; i++)
    {
      r -= *(const double *) ((const char *) first_weight + i * stride);
      if (r < 0)
        return i;
    }
  return n - 1;
}

static int
clamp_level (double level)
{
  return (int) CLAMP (lround (level), 0, 5);
}

/* Dates and times in the workbook's zone. */

static gint64
local_time (Demo        *demo,
            const GDate *date,
            int          hour,
            int          minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (demo->zone, g_date_get_year (date), g_date_get_month (date),
                                               g_date_get_day (date), hour, minute, 0);
  return g_date_time_to_unix (time);
}

static void
local_date (Demo   *demo,
            gint64  when,
            GDate  *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, demo->zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The last day of the quarter @offset quarters after the demo's last one (negative: before). */
static char *
quarter_end_text (Demo *demo,
                  int   offset)
{
  CbPeriod period = demo->quarters[demo->plan->n_quarters - 1];
  GDate first, after;

  for (; offset > 0; offset--)
    period = cb_period_next (&period);
  for (; offset < 0; offset++)
    period = cb_period_previous (&period);
  cb_period_dates (&period, demo->start_month, &first, &after);
  g_date_subtract_days (&after, 1);
  return date_text (&after);
}

static gboolean
is_business_day (Demo  *demo,
                 GDate *date)
{
  guint32 julian = g_date_get_julian (date);

  if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    return FALSE;
  for (guint i = 0; i < demo->holidays->len; i++)
    if (g_array_index (demo->holidays, guint32, i) == julian)
      return FALSE;
  return TRUE;
}

static void
add_business_days (Demo  *demo,
                   GDate *date,
                   guint  n)
{
  while (n > 0)
    {
      g_date_add_days (date, 1);
      if (is_business_day (demo, date))
        n--;
    }
}

/* Records. */

static CbRecord *
record_new (const char *kind)
{
  return cb_record_new (cb_kind_lookup (kind));
}

static void
set_number (CbRecord   *record,
            const char *field,
            double      value)
{
  g_autofree char *text = cb_format_number (value);

  cb_record_set (record, field, text);
}

/* Sets a timestamp field; 0 leaves it empty. */
static void
set_time (Demo       *demo,
          CbRecord   *record,
          const char *field,
          gint64      when)
{
  g_autofree char *text = when != 0 ? cb_format_timestamp (when, demo->zone) : NULL;

  cb_record_set (record, field, text);
}

static gboolean
save (Demo      *demo,
      CbRecord  *record,
      GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;
  gboolean inserted;

  if (!cb_workbook_save_record (demo->workbook, record, demo->batch->id, &inserted, &field, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "demo %s%s%s: ",
                                  cb_kind_get_name (cb_record_get_kind (record)), field ? ", " : "",
                                  field ? field : "");
      return FALSE;
    }
  if (inserted)
    demo->batch->rows_inserted++;
  else
    demo->batch->rows_updated++;
  return TRUE;
}

static gboolean
step_done (Demo         *demo,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cb_workbook_sqlite_error (demo->workbook, what, error);
  return TRUE;
}

/* The batch every row of the demo belongs to. */

static gboolean
check_empty (Demo    *demo,
             GError **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (demo->workbook,
                                            "SELECT EXISTS (SELECT 1 FROM import_batches) "
                                            "OR EXISTS (SELECT 1 FROM entities WHERE parent_id IS NOT NULL) "
                                            "OR EXISTS (SELECT 1 FROM assessments) OR EXISTS (SELECT 1 FROM suppliers) "
                                            "OR EXISTS (SELECT 1 FROM incidents) OR EXISTS (SELECT 1 FROM kpi_values) "
                                            "OR EXISTS (SELECT 1 FROM evaluations) "
                                            "OR EXISTS (SELECT 1 FROM disclosures)",
                                            error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cb_workbook_sqlite_error (demo->workbook, "looking for data", error);
  if (sqlite3_column_int (stmt, 0))
    {
      sqlite3_reset (stmt);
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_EXISTS,
                   "%s: the demo fills a new workbook, and this one has data already",
                   cb_workbook_get_path (demo->workbook));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* What the demo's batch records as its file: the recipe that, with this code, makes the data. */
static gboolean
begin_batch (Demo    *demo,
             GError **error)
{
  g_autofree char *recipe = g_strdup_printf ("cyberboard-demo 1\nscale=%s\nseed=%u\ntoday=%04d-%02d-%02d\n"
                                             "fiscal_year_start=%d\n", demo->plan->name, demo->seed, TODAY_YEAR,
                                             TODAY_MONTH, TODAY_DAY, demo->start_month);

  demo->batch = g_new0 (CbBatch, 1);
  demo->batch->kind = g_strdup ("demo");
  demo->batch->file_name = g_strdup_printf ("demo:%s:%u", demo->plan->name, demo->seed);
  demo->batch->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, recipe, -1);
  demo->batch->size = strlen (recipe);
  return cb_batch_begin (demo->workbook, demo->batch, error);
}

/* Counts the rows and rescores every supplier assessment the responses make, once. */
static gboolean
finish_batch (Demo    *demo,
              GError **error)
{
  demo->batch->rows_read = demo->batch->rows_inserted + demo->batch->rows_updated;
  return cb_batch_finish (demo->workbook, demo->batch, error);
}

/* Entities. */

static void
add_entity (Demo       *demo,
            const char *code,
            double      size,
            double      maturity)
{
  Entity entity = { g_strdup (code), size, maturity, demo->entities->len == 0 };

  g_array_append_val (demo->entities, entity);
}

static gboolean
save_entity (Demo        *demo,
             const char  *code,
             const char  *name_ja,
             const char  *name_en,
             const char  *parent,
             GError     **error)
{
  g_autoptr(CbRecord) record = record_new ("entities");

  cb_record_set (record, "code", code);
  cb_record_set (record, "name_ja", name_ja);
  cb_record_set (record, "name_en", name_en);
  cb_record_set (record, "parent_code", parent);
  return save (demo, record, error);
}

static gboolean
generate_entities (Demo    *demo,
                   GError **error)
{
  g_autoptr(CbRecord) root = NULL;

  root = cb_workbook_get_record (demo->workbook, cb_kind_lookup ("entities"),
                                 cb_workbook_root_entity (demo->workbook), error);
  if (root == NULL)
    return FALSE;
  if (!save_entity (demo, cb_record_get (root, "code"), organisation.name_ja, organisation.name_en, NULL, error))
    return FALSE;
  add_entity (demo, cb_record_get (root, "code"), 1.0, 0.0);

  if (demo->scale == CB_DEMO_SMALL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (small_entities); i++)
        {
          const SmallEntity *entity = &small_entities[i];

          if (!save_entity (demo, entity->code, entity->name_ja, entity->name_en, cb_record_get (root, "code"),
                            error))
            return FALSE;
          add_entity (demo, entity->code, entity->size, entity->maturity);
        }
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      if (!save_entity (demo, regions[i].code, regions[i].name_ja, regions[i].name_en,
                        cb_record_get (root, "code"), error))
        return FALSE;
      add_entity (demo, regions[i].code, 0.05, -0.4);
    }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint j = 0; j < G_N_ELEMENTS (functions); j++)
      {
        const Place *place = &places[i];
        g_autofree char *code = g_strdup_printf ("%s-%s", place->code, functions[j].code);
        g_autofree char *name_ja = g_strconcat ("東邦精機", place->name_ja, functions[j].name_ja, place->suffix_ja,
                                                NULL);
        g_autofree char *name_en = g_strconcat (place->prefix_en, "Toho Precision ", functions[j].name_en, " ",
                                                place->name_en, place->suffix_en, NULL);

        if (!save_entity (demo, code, name_ja, name_en,
                          place->region != NULL ? place->region : cb_record_get (root, "code"), error))
          return FALSE;
        add_entity (demo, code, functions[j].size,
                    (place->region != NULL ? -1.0 : -0.5) + uniform (demo, -0.3, 0.3));
      }
  return TRUE;
}

/* Guideline assessments. */

static const char *
item_status (int level,
             int target)
{
  if (level == 0)
    return "not_started";
  if (level >= target)
    return "operating";
  if (level == target - 1)
    return "implemented";
  return "in_progress";
}

/* Fills levels[] with one item's history that ends at @end: improving items gain about one level
 * every two years in uneven steps, stagnant ones stay, a regressing one improves and then drops
 * back in one of the last three quarters. deltas[] holds each quarter's change. */
static void
item_history (Demo  *demo,
              Trend  trend,
              int    end,
              int   *levels,
              int   *deltas)
{
  guint n = demo->plan->n_quarters;
  guint last_step = n;
  int drop = 0;
  int steps = 0;
  int start;

  memset (deltas, 0, n * sizeof (int));
  if (trend == TREND_REGRESSING && end < 5 && n >= 4)
    {
      last_step = n - 1 - pick (demo, 3);
      drop = 1;
      deltas[last_step] = -drop;
    }
  if (trend != TREND_STAGNANT)
    steps = (int) lround (uniform (demo, 0.6, 1.6) * n / 8.0);
  steps = MIN (steps, (int) last_step - 1);
  start = end - steps + drop;
  if (start < 0)
    {
      steps += start;
      start = 0;
    }

  /* Selection sampling: each of the quarters 1 .. last_step − 1 gets a step with the chance that
   * leaves exactly the remaining steps for the remaining quarters. */
  for (guint q = 1, remaining = last_step - 1; q < last_step && steps > 0; q++, remaining--)
    if (pick (demo, remaining) < (guint) steps)
      {
        deltas[q] = 1;
        steps--;
      }

  levels[0] = start;
  for (guint q = 1; q < n; q++)
    levels[q] = levels[q - 1] + deltas[q];
}

static gboolean
add_evidence (Demo            *demo,
              gint64           assessment_id,
              const Document  *document,
              guint            quarter,
              const char      *entity,
              GError         **error)
{
  g_autofree char *sha256 = NULL;
  gint64 start, end, attached;
  sqlite3_stmt *stmt;

  cb_period_bounds (&demo->quarters[quarter], demo->start_month, demo->zone, &start, &end);
  attached = end - (gint64) uniform (demo, 1, 30) * DAY - pick (demo, 9 * HOUR);
  /* The demo's file-server documents do not exist; the hash recorded at attach time is of a text
   * naming them, so it is as stable as the rest of the demo. */
  if (!g_str_has_prefix (document->location, "https://"))
    {
      g_autofree char *identity = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, document->location, entity,
                                                   attached);
      sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
    }

  stmt = cb_workbook_prepare (demo->workbook,
                              "INSERT INTO evidence (assessment_id, title, location, sha256, attached_at) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, document->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, document->location, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, attached);
  if (!step_done (demo, stmt, "attaching evidence", error))
    return FALSE;
  demo->batch->rows_inserted++;
  return TRUE;
}

static gboolean
generate_assessments (Demo    *demo,
                      GError **error)
{
  guint n = demo->plan->n_quarters;
  g_autofree int *levels = g_new (int, n);
  g_autofree int *deltas = g_new (int, n);
  Trend trends[G_N_ELEMENTS (items)];
  guint regressing, stagnant;

  /* One item regresses and two stagnate across the group; the others improve. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    trends[i] = TREND_IMPROVING;
  regressing = pick (demo, G_N_ELEMENTS (items));
  trends[regressing] = TREND_REGRESSING;
  for (guint set = 0; set < 2;)
    {
      stagnant = pick (demo, G_N_ELEMENTS (items));
      if (trends[stagnant] == TREND_IMPROVING)
        {
          trends[stagnant] = TREND_STAGNANT;
          set++;
        }
    }

  for (guint e = 0; e < demo->entities->len; e++)
    {
      const Entity *entity = &g_array_index (demo->entities, Entity, e);

      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        {
          const Item *item = &items[i];
          int target = item->target - (entity->maturity <= -1.0 ? 1 : 0);
          int due = (int) pick (demo, 6) - 2;
          g_autofree char *key = g_strdup_printf ("CSMG.D%u", i + 1);
          g_autofree char *due_date = quarter_end_text (demo, due);

          item_history (demo, trends[i], clamp_level (item->now + entity->maturity + 0.35 * normal (demo)), levels,
                        deltas);
          for (guint q = 0; q < n; q++)
            {
              g_autoptr(CbRecord) record = record_new ("assessments");
              g_autofree char *period = cb_period_to_string (&demo->quarters[q]);
              const char *comment = NULL;
              const char *confidentiality = "board";

              if (deltas[q] > 0)
                comment = item->progress;
              else if (deltas[q] < 0)
                comment = item->setback;
              else if (levels[q] < target && chance (demo, 0.3))
                comment = item->flat;
              /* Investors see the group's own assessment at each year end and in the latest quarter. */
              if (entity->root && (demo->quarters[q].quarter == 4 || q == n - 1))
                confidentiality = "public";
              else if (!entity->root && chance (demo, 0.05))
                confidentiality = "internal";

              cb_record_set (record, "period", period);
              cb_record_set (record, "entity", entity->code);
              cb_record_set (record, "item_key", key);
              set_number (record, "level", levels[q]);
              set_number (record, "target", target);
              cb_record_set (record, "status", item_status (levels[q], target));
              cb_record_set (record, "owner", entity->root ? item->owner : item->site_owner);
              cb_record_set (record, "due_date", levels[q] < target ? due_date : NULL);
              cb_record_set (record, "comment", comment);
              cb_record_set (record, "confidentiality", confidentiality);
              if (!save (demo, record, error))
                return FALSE;

              if (levels[q] >= 2 && chance (demo, 0.6)
                  && !add_evidence (demo, cb_record_get_id (record), &item->documents[0], q, entity->code, error))
                return FALSE;
              if (levels[q] >= 3 && chance (demo, 0.5)
                  && !add_evidence (demo, cb_record_get_id (record), &item->documents[1], q, entity->code, error))
                return FALSE;
            }
        }
      advance (demo, (double) (e + 1) / demo->entities->len);
    }
  return TRUE;
}

/* Benchmark scores twice a year, and the reference distribution of each benchmark. */

typedef struct
{
  char      *code;
  char      *version;
  double     min;
  double     max;
  GPtrArray *items;
} Benchmark;

static void
benchmark_clear (gpointer data)
{
  Benchmark *benchmark = data;

  g_free (benchmark->code);
  g_free (benchmark->version);
  g_clear_pointer (&benchmark->items, g_ptr_array_unref);
}

static GArray *
list_benchmarks (Demo    *demo,
                 GError **error)
{
  g_autoptr(GArray) benchmarks = g_array_new (FALSE, TRUE, sizeof (Benchmark));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (benchmarks, benchmark_clear);
  stmt = cb_workbook_prepare (demo->workbook,
                              "SELECT b.code, b.version, b.score_min, b.score_max, i.code FROM benchmarks b "
                              "JOIN benchmark_items i ON i.benchmark_id = b.id ORDER BY b.id, i.position, i.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      Benchmark *last = benchmarks->len > 0 ? &g_array_index (benchmarks, Benchmark, benchmarks->len - 1) : NULL;

      if (last == NULL || !g_str_equal (last->code, code))
        {
          Benchmark benchmark = {
            .code = g_strdup (code),
            .version = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
            .min = sqlite3_column_double (stmt, 2),
            .max = sqlite3_column_double (stmt, 3),
            .items = g_ptr_array_new_with_free_func (g_free),
          };
          g_array_append_val (benchmarks, benchmark);
          last = &g_array_index (benchmarks, Benchmark, benchmarks->len - 1);
        }
      g_ptr_array_add (last->items, g_strdup ((const char *) sqlite3_column_text (stmt, 4)));
    }
  if (rc != SQLITE_DONE)
    {
      cb_workbook_sqlite_error (demo->workbook, "reading the benchmarks", error);
      return NULL;
    }
  return g_steal_pointer (&benchmarks);
}

static gboolean
save_reference (Demo             *demo,
                const Benchmark  *benchmark,
                const char       *item,
                double            mean,
                double            sd,
                double            desired,
                GError          **error)
{
  g_autoptr(CbRecord) record = record_new ("benchmark-reference");

  cb_record_set (record, "benchmark", benchmark->code);
  cb_record_set (record, "version", benchmark->version);
  cb_record_set (record, "item", item);
  set_number (record, "mean", round (mean * 100) / 100);
  set_number (record, "sd", round (sd * 100) / 100);
  set_number (record, "desired_level", desired);
  return save (demo, record, error);
}

/* The reference puts the typical company a little above the middle of the scale, with the
 * spread of totals IPA publishes for its benchmark (mean about 85, SD about 14 for 27 items of
 * 1 to 5); @ability holds each item's offset. */
static gboolean
generate_reference (Demo             *demo,
                    const Benchmark  *benchmark,
                    const double     *ability,
                    GError          **error)
{
  double range = benchmark->max - benchmark->min;
  double total_mean = 0, total_desired = 0;
  guint n = benchmark->items->len;

  if (benchmark->version == NULL)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      double mean = round ((benchmark->min + range * (0.54 + 0.1 * ability[i] + 0.03 * normal (demo))) * 100) / 100;
      double desired = CLAMP (round (benchmark->min + range * (0.7 + 0.08 * normal (demo))), benchmark->min,
                              benchmark->max);

      total_mean += mean;
      total_desired += desired;
      if (!save_reference (demo, benchmark, benchmark->items->pdata[i], mean, range * 0.22, desired, error))
        return FALSE;
    }
  return save_reference (demo, benchmark, "TOTAL", total_mean, n * range * 0.13, total_desired, error);
}

static gboolean
generate_benchmarks (Demo    *demo,
                     GError **error)
{
  g_autoptr(GArray) benchmarks = list_benchmarks (demo, error);
  guint n = demo->plan->n_quarters;

  if (benchmarks == NULL)
    return FALSE;
  for (guint b = 0; b < benchmarks->len; b++)
    {
      const Benchmark *benchmark = &g_array_index (benchmarks, Benchmark, b);
      g_autofree double *ability = g_new (double, benchmark->items->len);
      double range = benchmark->max - benchmark->min;

      for (guint i = 0; i < benchmark->items->len; i++)
        ability[i] = normal (demo);
      if (!generate_reference (demo, benchmark, ability, error))
        return FALSE;

      for (guint e = 0; e < demo->entities->len; e++)
        {
          const Entity *entity = &g_array_index (demo->entities, Entity, e);

          /* Self-assessed in the second and the fourth quarter of each fiscal year. */
          for (guint q = 0; q < n; q++)
            {
              g_autofree char *period = NULL;
              double progress = (double) q / (n - 1) * MIN (n / 8.0, 2.0);

              if (demo->quarters[q].quarter % 2 != 0)
                continue;
              period = cb_period_to_string (&demo->quarters[q]);
              for (guint i = 0; i < benchmark->items->len; i++)
                {
                  g_autoptr(CbRecord) record = record_new ("benchmarks");
                  double share = 0.5 + 0.12 * entity->maturity + 0.1 * progress + 0.08 * ability[i]
                                 + 0.07 * normal (demo);

                  cb_record_set (record, "period", period);
                  cb_record_set (record, "entity", entity->code);
                  cb_record_set (record, "benchmark", benchmark->code);
                  cb_record_set (record, "item", benchmark->items->pdata[i]);
                  set_number (record, "score",
                              CLAMP (round (benchmark->min + range * share), benchmark->min, benchmark->max));
                  cb_record_set (record, "confidentiality", "board");
                  if (!save (demo, record, error))
                    return FALSE;
                }
            }
          advance (demo, (b + (double) (e + 1) / demo->entities->len) / benchmarks->len);
        }
    }
  return TRUE;
}

/* Suppliers. */

static char *
supplier_name (Demo           *demo,
               const Country  *country,
               const Business *business)
{
  if (g_str_equal (country->code, "JP") && chance (demo, 0.85))
    {
      g_autofree char *stem = chance (demo, 0.5) ? g_strdup (PICK (demo, stems_ja))
                                                 : g_strconcat (PICK (demo, kanji_first), PICK (demo, kanji_second),
                                                                NULL);
      if (chance (demo, 0.5))
        return g_strconcat ("株式会社", stem, business->word_ja, NULL);
      return g_strconcat (stem, business->word_ja, "株式会社", NULL);
    }
  return g_strconcat (PICK (demo, country->stems), " ", business->word_en, country->suffix, NULL);
}

static gboolean
generate_suppliers (Demo    *demo,
                    GError **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = demo->plan->n_suppliers;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CbRecord) record = record_new ("suppliers");
      const Country *country = &countries[pick_weighted (demo, &countries[0].weight, sizeof countries[0],
                                                         G_N_ELEMENTS (countries))];
      const Business *business = &PICK (demo, businesses);
      g_autofree char *code = g_strdup_printf ("S%05u", i + 1);
      char *name = NULL;
      gboolean high = chance (demo, business->high);
      Supplier supplier;

      /* Real supplier masters have few duplicate names; a few tries keep the demo's unique. */
      for (guint attempt = 0; attempt < 8; attempt++)
        {
          g_free (name);
          name = supplier_name (demo, country, business);
          if (!g_hash_table_contains (names, name))
            break;
        }
      g_hash_table_add (names, name);

      cb_record_set (record, "code", code);
      cb_record_set (record, "name", name);
      cb_record_set (record, "country", country->code);
      cb_record_set (record, "criticality", high ? "high" : chance (demo, 0.45) ? "medium" : "low");
      cb_record_set (record, "services", business->services);
      cb_record_set (record, "data_access", business->data_access);
      cb_record_set (record, "owner", business->owner);
      /* The critical suppliers behind the coverage figure investors see are public. */
      cb_record_set (record, "confidentiality", high ? "public" : chance (demo, 0.04) ? "internal" : "board");
      if (!save (demo, record, error))
        return FALSE;

      supplier.id = cb_record_get_id (record);
      supplier.maturity = CLAMP (business->maturity + 0.12 * normal (demo), 0.2, 0.97);
      supplier.high = high;
      g_array_append_val (demo->suppliers, supplier);
      if (i % 500 == 499)
        advance (demo, (double) (i + 1) / n);
    }
  return TRUE;
}

static gboolean
generate_questionnaire (Demo    *demo,
                        GError **error)
{
  sqlite3_stmt *stmt;
  guint number = 0;

  for (guint i = 0; i < G_N_ELEMENTS (questions) && number < demo->plan->n_questions; i++)
    {
      const Question *question = &questions[i];
      g_autoptr(CbRecord) record = NULL;
      g_autofree char *code = NULL;
      AskedQuestion asked;

      /* The small demo asks the core questions only. */
      if (demo->plan->n_questions < G_N_ELEMENTS (questions) && !question->core)
        continue;
      code = g_strdup_printf ("Q%u", ++number);
      record = record_new ("questionnaire");
      cb_record_set (record, "questionnaire", QUESTIONNAIRE);
      cb_record_set (record, "version", "2025.1");
      cb_record_set (record, "question_code", code);
      cb_record_set (record, "text_ja", question->text_ja);
      cb_record_set (record, "text_en", question->text_en);
      cb_record_set (record, "domain", question->domain);
      set_number (record, "weight", question->weight);
      if (!save (demo, record, error))
        return FALSE;

      asked.id = cb_record_get_id (record);
      asked.weight = question->weight;
      asked.difficulty = 0.1 * normal (demo) + 0.02 * (question->weight - 3);
      g_array_append_val (demo->questions, asked);
    }

  stmt = cb_workbook_prepare (demo->workbook,
                              "UPDATE questionnaires SET title_ja = ?, title_en = ?, batch_id = ? WHERE code = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, "委託先セキュリティ質問票 2025", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "Supplier security questionnaire 2025", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, demo->batch->id);
  sqlite3_bind_text (stmt, 4, QUESTIONNAIRE, -1, SQLITE_STATIC);
  return step_done (demo, stmt, "naming the questionnaire", error);
}

/* Responses go in through one prepared statement: the record path would look the supplier, the
 * question and the answer's score up again for each of the large demo's two million rows. The
 * answers' scores come from the questionnaire's own vocabulary, checked once per form. */

typedef struct
{
  double   score[G_N_ELEMENTS (answer_styles)][N_ANSWERS];
  gboolean excluded[G_N_ELEMENTS (answer_styles)][N_ANSWERS];
} AnswerScores;

static gboolean
score_answers (Demo          *demo,
               AnswerScores  *scores,
               GError       **error)
{
  for (guint s = 0; s < G_N_ELEMENTS (answer_styles); s++)
    for (guint a = 0; a < N_ANSWERS; a++)
      if (!cb_supplier_answer_score (demo->workbook, QUESTIONNAIRE, answer_styles[s][a], &scores->score[s][a],
                                     &scores->excluded[s][a]))
        {
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_FAILED,
                       "demo responses: the answer vocabulary does not know “%s”", answer_styles[s][a]);
          return FALSE;
        }
  return TRUE;
}

static Answer
draw_answer (Demo                *demo,
             double               maturity,
             const AskedQuestion *question)
{
  double yes = CLAMP (maturity - question->difficulty, 0.02, 0.98);
  double r;

  if (chance (demo, 0.04))
    return ANSWER_NA;
  r = g_rand_double (demo->rand);
  if (r < yes)
    return ANSWER_YES;
  if (r < yes + (1 - yes) * 0.45)
    return ANSWER_PARTIAL;
  return ANSWER_NO;
}

static gboolean
save_assessment (Demo                *demo,
                 sqlite3_stmt        *stmt,
                 const AnswerScores  *scores,
                 const Supplier      *supplier,
                 double               maturity,
                 const GDate         *date,
                 GError             **error)
{
  g_autofree char *answered_on = date_text (date);
  guint style = pick (demo, G_N_ELEMENTS (answer_styles));

  for (guint i = 0; i < demo->questions->len; i++)
    {
      const AskedQuestion *question = &g_array_index (demo->questions, AskedQuestion, i);
      Answer answer;

      if (chance (demo, demo->plan->unanswered))
        continue;
      answer = draw_answer (demo, maturity, question);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, supplier->id);
      sqlite3_bind_int64 (stmt, 2, question->id);
      sqlite3_bind_text (stmt, 3, answered_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, answer_styles[style][answer], -1, SQLITE_STATIC);
      if (!scores->excluded[style][answer])
        sqlite3_bind_double (stmt, 5, scores->score[style][answer]);
      if ((answer == ANSWER_PARTIAL || answer == ANSWER_NO) && chance (demo, 0.15))
        sqlite3_bind_text (stmt, 6, PICK (demo, answer_comments), -1, SQLITE_STATIC);
      if (answer == ANSWER_YES && question->weight >= 4 && chance (demo, 0.05))
        sqlite3_bind_text (stmt, 7, PICK (demo, answer_evidence), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, demo->batch->id);
      if (!step_done (demo, stmt, "saving a response", error))
        return FALSE;
      demo->batch->rows_inserted++;
    }
  return TRUE;
}

static gboolean
generate_responses (Demo    *demo,
                    GError **error)
{
  AnswerScores scores;
  sqlite3_stmt *stmt;
  GDate first, end;

  if (!score_answers (demo, &scores, error))
    return FALSE;
  stmt = cb_workbook_prepare (demo->workbook,
                              "INSERT INTO responses (supplier_id, question_id, answered_on, answer, score, comment, "
                              "evidence, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cb_period_dates (&demo->quarters[demo->plan->n_quarters - 1], demo->start_month, &first, &end);
  g_date_subtract_days (&end, 1);

  for (guint i = 0; i < demo->suppliers->len; i++)
    {
      const Supplier *supplier = &g_array_index (demo->suppliers, Supplier, i);
      GDate latest = end;

      if (chance (demo, demo->plan->never_assessed))
        continue;
      /* Most assessments are less than a year old at the last quarter's end; high-criticality
       * suppliers are kept more current. */
      if (chance (demo, supplier->high ? 0.9 : 0.75))
        g_date_subtract_days (&latest, 5 + pick (demo, 330));
      else
        g_date_subtract_days (&latest, 370 + pick (demo, 330));

      if (chance (demo, demo->plan->assessed_twice))
        {
          GDate earlier = latest;

          g_date_subtract_days (&earlier, 345 + pick (demo, 40));
          if (!save_assessment (demo, stmt, &scores, supplier, supplier->maturity - 0.06, &earlier, error))
            return FALSE;
        }
      if (!save_assessment (demo, stmt, &scores, supplier, supplier->maturity, &latest, error))
        return FALSE;
      if (i % 200 == 199)
        advance (demo, (double) (i + 1) / demo->suppliers->len);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Incidents: detected evenly over the quarters, with log-normal dwell times. */

typedef struct
{
  char       *title;
  const char *category;
  int         severity;
  gint64      occurred;    /* 0: unknown */
  gint64      detected;
  gint64      reported;    /* this and the later stamps: 0 while not yet reached */
  gint64      contained;
  gint64      recovered;
  gint64      determined;
  gint64      disclosed;
  const char *source;
  const char *detail;
  gboolean    material;
  const char *entity;
  const char *confidentiality;
} Incident;

static const double severity_weights[] = { 0.05, 0.2, 0.4, 0.35 };

static void
draw_incident (Demo     *demo,
               gint64    detected,
               guint     quarter,
               Incident *incident)
{
  const IncidentKind *kind = &incident_kinds[pick_weighted (demo, &incident_kinds[0].weight, sizeof incident_kinds[0],
                                                            G_N_ELEMENTS (incident_kinds))];
  const Entity *entity = &g_array_index (demo->entities, Entity,
                                         pick_weighted (demo, &g_array_index (demo->entities, Entity, 0).size,
                                                        sizeof (Entity), demo->entities->len));
  double later = (double) quarter / MAX (demo->plan->n_quarters - 1, 1);
  gboolean internal = chance (demo, MIN (0.95, kind->internal * (0.6 + 0.45 * later)));
  const char *title = kind->titles[pick (demo, kind->titles[2] != NULL ? 3 : 2)];

  incident->title = entity->root ? g_strdup (title) : g_strdup_printf ("%s（%s）", title, entity->code);
  incident->category = kind->category;
  incident->severity = 1 + (int) pick_weighted (demo, severity_weights, sizeof (double),
                                                G_N_ELEMENTS (severity_weights));
  incident->detected = detected;
  /* Detection gets faster over the years. */
  incident->occurred = chance (demo, internal ? 0.1 : 0.25)
                         ? 0
                         : detected - (gint64) (lognormal (demo, kind->dwell_days * (1.5 - 0.8 * later), 1.1) * DAY);
  incident->reported = detected + (gint64) (lognormal (demo, incident->severity <= 2 ? 3 : 18, 0.8) * HOUR);
  incident->contained = detected + (gint64) (lognormal (demo, kind->contain_hours, 0.9) * HOUR
                                             * (incident->severity == 1 ? 2 : 1));
  incident->recovered = incident->contained
                        + (gint64) (lognormal (demo, incident->severity <= 2 ? 96 : 30, 0.9) * HOUR);
  incident->source = internal ? "internal" : "external";
  incident->detail = internal ? PICK (demo, internal_sources) : PICK (demo, external_sources);
  incident->entity = entity->code;
  if (incident->severity <= kind->public_severity)
    incident->confidentiality = "public";
  else if (incident->severity >= kind->private_severity)
    incident->confidentiality = "internal";
  else
    incident->confidentiality = "board";

  /* Nothing has happened after the demo's day. */
  if (incident->reported >= demo->today)
    incident->reported = 0;
  if (incident->contained >= demo->today)
    incident->contained = 0;
  if (incident->contained == 0 || incident->recovered >= demo->today)
    incident->recovered = 0;
}

/* The ransomware attack the company judged material and disclosed three business days later. */
static void
material_incident (Demo     *demo,
                   gint64    detected,
                   Incident *incident)
{
  GDate day;

  incident->title = g_strdup ("ランサムウェア攻撃による生産管理システムの停止");
  incident->category = "マルウェア感染";
  incident->severity = 1;
  incident->detected = detected;
  incident->occurred = detected - 9 * DAY - pick (demo, 20 * HOUR);
  incident->reported = detected + HOUR;
  incident->contained = detected + 30 * HOUR;
  incident->recovered = detected + 12 * DAY;
  incident->source = "internal";
  incident->detail = "EDRのアラート";
  incident->material = TRUE;
  local_date (demo, detected, &day);
  add_business_days (demo, &day, 2);
  incident->determined = local_time (demo, &day, 17, 0);
  add_business_days (demo, &day, 3);
  incident->disclosed = local_time (demo, &day, 15, 0);
  incident->entity = g_array_index (demo->entities, Entity, 0).code;
  incident->confidentiality = "public";
}

static gboolean
save_incident (Demo            *demo,
               const char      *ref,
               const Incident  *incident,
               GError         **error)
{
  g_autoptr(CbRecord) record = record_new ("incidents");

  cb_record_set (record, "id", ref);
  cb_record_set (record, "title", incident->title);
  set_number (record, "severity", incident->severity);
  cb_record_set (record, "category", incident->category);
  set_time (demo, record, "occurred_at", incident->occurred);
  set_time (demo, record, "detected_at", incident->detected);
  set_time (demo, record, "reported_at", incident->reported);
  set_time (demo, record, "contained_at", incident->contained);
  set_time (demo, record, "recovered_at", incident->recovered);
  cb_record_set (record, "detection_source", incident->source);
  cb_record_set (record, "detection_detail", incident->detail);
  cb_record_set (record, "material", incident->material ? "yes" : "no");
  set_time (demo, record, "determined_material_at", incident->determined);
  set_time (demo, record, "disclosed_at", incident->disclosed);
  cb_record_set (record, "entity", incident->entity);
  cb_record_set (record, "confidentiality", incident->confidentiality);
  return save (demo, record, error);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
generate_incidents (Demo    *demo,
                    GError **error)
{
  guint n = demo->plan->n_incidents;
  guint n_quarters = demo->plan->n_quarters;
  g_autofree gint64 *bounds = g_new (gint64, n_quarters + 1);
  g_autofree gint64 *times = g_new (gint64, n);
  guint n_open = 2 + pick (demo, 2);
  int fiscal_year = 0;
  guint sequence = 0;
  gboolean material_due = FALSE;

  for (guint q = 0; q < n_quarters; q++)
    cb_period_bounds (&demo->quarters[q], demo->start_month, demo->zone, &bounds[q], &bounds[q + 1]);
  for (guint i = 0; i < n; i++)
    {
      guint q = pick (demo, n_quarters);
      times[i] = bounds[q] + (gint64) (g_rand_double (demo->rand) * (bounds[q + 1] - bounds[q]));
    }
  qsort (times, n, sizeof *times, compare_times);

  for (guint i = 0, q = G_MAXUINT; i < n; i++)
    {
      g_autofree char *ref = NULL;
      Incident incident = { 0 };
      gboolean ok;

      while (q == G_MAXUINT || times[i] >= bounds[q + 1])
        {
          q = q == G_MAXUINT ? 0 : q + 1;
          /* A material incident every two years, the latest three quarters before the last. */
          material_due = (n_quarters - 1 - q) % 8 == 3;
        }
      if (demo->quarters[q].fiscal_year != fiscal_year)
        {
          fiscal_year = demo->quarters[q].fiscal_year;
          sequence = 0;
        }
      ref = g_strdup_printf ("INC-FY%d-%04u", fiscal_year, ++sequence);

      if (material_due)
        material_incident (demo, times[i], &incident);
      else
        draw_incident (demo, times[i], q, &incident);
      material_due = FALSE;
      /* The latest few are still being worked on; the very latest is not even contained. */
      if (i >= n - n_open)
        incident.recovered = 0;
      if (i == n - 1)
        incident.contained = 0;

      ok = save_incident (demo, ref, &incident, error);
      g_free (incident.title);
      if (!ok)
        return FALSE;
      if (i % 1000 == 999)
        advance (demo, (double) (i + 1) / n);
    }
  return TRUE;
}

/* KPIs: the large demo adds its own definitions; every manual KPI the demo knows gets a value per
 * quarter and entity. The workbook stores KPI values per fiscal quarter, so the large demo's ten
 * years are forty quarterly values, not monthly ones. */

static const KpiTrend *
find_trend (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (kpi_trends); i++)
    if (g_str_equal (kpi_trends[i].code, code))
      return &kpi_trends[i];
  return NULL;
}

static gboolean
add_kpis (Demo    *demo,
          GError **error)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (demo->workbook, "SELECT count(*) FROM kpis", error);
  guint count;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cb_workbook_sqlite_error (demo->workbook, "counting the KPIs", error);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (kpi_trends) && count < demo->plan->n_kpis; i++)
    {
      const KpiTrend *trend = &kpi_trends[i];
      g_autoptr(CbRecord) record = NULL;

      if (trend->name_ja == NULL)
        continue;
      record = record_new ("kpis");
      cb_record_set (record, "code", trend->code);
      cb_record_set (record, "name_ja", trend->name_ja);
      cb_record_set (record, "name_en", trend->name_en);
      cb_record_set (record, "unit", trend->unit);
      cb_record_set (record, "direction", trend->direction);
      cb_record_set (record, "target", trend->target);
      cb_record_set (record, "band", trend->band);
      cb_record_set (record, "source", "manual");
      cb_record_set (record, "confidentiality", "board");
      if (!save (demo, record, error))
        return FALSE;
      count++;
    }
  return TRUE;
}

static double
kpi_value (Demo           *demo,
           const KpiTrend *trend,
           gboolean        higher,
           const Entity   *entity,
           guint           quarter)
{
  double value = trend->first + (trend->last - trend->first) * quarter / MAX (demo->plan->n_quarters - 1, 1);

  /* Amounts and counts scale with the entity; rates and durations are worse where it is less mature. */
  if (g_str_equal (trend->unit, "JPY") || g_str_equal (trend->unit, "count"))
    value *= entity->size;
  else if (higher)
    value *= 1 + 0.06 * entity->maturity;
  else
    value *= 1 - 0.2 * entity->maturity;
  value *= 1 + trend->noise * normal (demo);
  /* Dividing by the whole number of steps per unit gives 95.6, where multiplying by 0.1 gives
   * 95.60000000000001. */
  if (trend->step < 1)
    value = MAX (round (value / trend->step) / round (1 / trend->step), 0);
  else
    value = MAX (round (value / trend->step) * trend->step, 0);
  if (g_str_equal (trend->unit, "%"))
    value = MIN (value, 100);
  return value;
}

static gboolean
generate_kpi_values (Demo    *demo,
                     GError **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) higher = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint n = demo->plan->n_quarters;
  sqlite3_stmt *stmt;
  int rc;

  if (!add_kpis (demo, error))
    return FALSE;
  stmt = cb_workbook_prepare (demo->workbook,
                              "SELECT code, direction FROM kpis WHERE source = 'manual' ORDER BY position, code",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean is_higher = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "higher");

      g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (higher, is_higher);
    }
  if (rc != SQLITE_DONE)
    return cb_workbook_sqlite_error (demo->workbook, "reading the KPIs", error);

  for (guint e = 0; e < demo->entities->len; e++)
    {
      const Entity *entity = &g_array_index (demo->entities, Entity, e);

      for (guint k = 0; k < codes->len; k++)
        {
          const KpiTrend *trend = find_trend (codes->pdata[k]);

          if (trend == NULL)
            continue;
          for (guint q = 0; q < n; q++)
            {
              g_autoptr(CbRecord) record = record_new ("kpi-values");
              g_autofree char *period = cb_period_to_string (&demo->quarters[q]);

              cb_record_set (record, "code", trend->code);
              cb_record_set (record, "period", period);
              cb_record_set (record, "entity", entity->code);
              set_number (record, "value", kpi_value (demo, trend, g_array_index (higher, gboolean, k), entity, q));
              if (!save (demo, record, error))
                return FALSE;
            }
        }
      advance (demo, (double) (e + 1) / demo->entities->len);
    }
  return TRUE;
}

/* The board evaluation of the last full fiscal year, signed; and the draft evaluation of the
 * current year, into which the recommendations were carried over and where they are followed up. */

static char *
fiscal_quarter_end (Demo *demo,
                    int   fiscal_year,
                    int   quarter)
{
  CbPeriod period = { fiscal_year, quarter };
  GDate first, after;

  cb_period_dates (&period, demo->start_month, &first, &after);
  g_date_subtract_days (&after, 1);
  return date_text (&after);
}

static gboolean
sign_evaluation (Demo              *demo,
                 CbEvaluationInfo  *info,
                 GError           **error)
{
  g_autofree char *signed_on = NULL;
  CbPeriod next = { info->fiscal_year + 1, 0 };
  GDate first, after;
  gint64 id;

  id = cb_evaluation_create (demo->workbook, info, error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      const Rating *rating = &ratings[i];

      if (!cb_evaluation_set_rating (demo->workbook, id, rating->criterion, rating->rating, rating->finding, error)
          || cb_evaluation_add_evidence (demo->workbook, id, rating->criterion, rating->kind, rating->ref,
                                         rating->title, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    {
      g_autofree char *due = fiscal_quarter_end (demo, info->fiscal_year + 1, recommendations[i].due_quarter);
      CbRecommendation recommendation = {
        .criterion_key = (char *) recommendations[i].criterion,
        .text = (char *) recommendations[i].text,
        .owner = (char *) recommendations[i].owner,
        .due_date = due,
      };

      if (cb_evaluation_add_recommendation (demo->workbook, id, &recommendation, error) == 0)
        return FALSE;
    }

  /* Signed some seven weeks into the next fiscal year. */
  cb_period_dates (&next, demo->start_month, &first, &after);
  g_date_add_days (&first, 49);
  signed_on = date_text (&first);
  return cb_evaluation_submit (demo->workbook, id, error)
         && cb_evaluation_sign (demo->workbook, id, EVALUATOR_NAME, signed_on, error);
}

static gboolean
follow_up (Demo     *demo,
           gint64    id,
           GError  **error)
{
  g_autoptr(CbEvaluation) evaluation = cb_evaluation_get (demo->workbook, id, error);

  if (evaluation == NULL)
    return FALSE;
  for (guint i = 0; i < evaluation->recommendations->len; i++)
    {
      CbRecommendation *recommendation = evaluation->recommendations->pdata[i];

      for (guint j = 0; j < G_N_ELEMENTS (recommendations); j++)
        {
          if (!g_str_equal (recommendation->text, recommendations[j].text)
              || recommendations[j].follow_up == NULL)
            continue;
          g_free (recommendation->status);
          recommendation->status = g_strdup (recommendations[j].status);
          g_free (recommendation->follow_up);
          recommendation->follow_up = g_strdup (recommendations[j].follow_up);
          if (!cb_evaluation_update_recommendation (demo->workbook, recommendation, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_evaluations (Demo    *demo,
                      GError **error)
{
  int year = demo->quarters[demo->plan->n_quarters - 1].fiscal_year - 1;
  g_autofree char *scope = g_strdup_printf ("取締役会によるサイバーセキュリティリスクの監督（%d年度）", year);
  g_autofree char *next_scope = g_strdup_printf ("取締役会によるサイバーセキュリティリスクの監督（%d年度）",
                                                 year + 1);
  CbEvaluationInfo info = {
    .fiscal_year = year,
    .evaluator_name = EVALUATOR_NAME,
    .evaluator_org = EVALUATOR_ORG,
    .evaluator_kind = "external",
    .scope = scope,
    .method = "取締役・監査役9名へのアンケートと個別インタビュー、取締役会の議事録と報告資料の閲覧",
    .confidentiality = "board",
  };
  gint64 id;

  if (!sign_evaluation (demo, &info, error))
    return FALSE;
  info.fiscal_year = year + 1;
  info.scope = next_scope;
  id = cb_evaluation_create (demo->workbook, &info, error);
  return id != 0
         && follow_up (demo, id, error)
         && cb_evaluation_set_rating (demo->workbook, id, "BE1", 3,
                                      "四半期報告の構成が見直され、経営判断に必要な論点が明確になった。", error)
         && cb_evaluation_set_rating (demo->workbook, id, "BE5", 3,
                                      "第1四半期に取締役が参加する机上演習が実施された。", error);
}

/* The draft disclosure of the last full fiscal year. */

static char *
section_text (const char     *text,
              int             year,
              const CbPeriod *incident)
{
  GString *filled = g_string_new (text);
  char number[16];

  g_snprintf (number, sizeof number, "%d", year);
  g_string_replace (filled, "<year>", number, 0);
  g_snprintf (number, sizeof number, "%d", incident->fiscal_year);
  g_string_replace (filled, "<incident-year>", number, 0);
  g_snprintf (number, sizeof number, "%d", incident->quarter);
  g_string_replace (filled, "<incident-quarter>", number, 0);
  return g_string_free (filled, FALSE);
}

static gboolean
generate_disclosure (Demo    *demo,
                     GError **error)
{
  int year = demo->quarters[demo->plan->n_quarters - 1].fiscal_year - 1;
  const CbPeriod *incident = &demo->quarters[demo->plan->n_quarters - 4];
  g_autofree char *period = g_strdup_printf ("FY%d", year);
  g_autofree char *title_ja = g_strdup_printf ("%d年度 有価証券報告書「事業等のリスク」（サイバーセキュリティ）", year);
  g_autofree char *title_en = g_strdup_printf ("Fiscal %d annual securities report: cybersecurity risks", year);
  CbDisclosureInfo info = {
    .audience = "jp_annual_report",
    .period = period,
    .languages = "ja,en",
    .title_ja = title_ja,
    .title_en = title_en,
  };
  g_autoptr(GPtrArray) versions = NULL;
  gint64 version;
  gint64 id;

  id = cb_disclosure_create (demo->workbook, &info, error);
  if (id == 0)
    return FALSE;
  versions = cb_disclosure_list_versions (demo->workbook, id, error);
  if (versions == NULL)
    return FALSE;
  version = ((CbDisclosureVersion *) versions->pdata[0])->id;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *body_ja = section_text (sections[i].body_ja, year, incident);
      g_autofree char *body_en = section_text (sections[i].body_en, year, incident);

      if (!cb_disclosure_set_section (demo->workbook, version, sections[i].key, "ja", body_ja, error)
          || !cb_disclosure_set_section (demo->workbook, version, sections[i].key, "en", body_en, error))
        return FALSE;
    }
  return TRUE;
}

/* Putting it together. */

static gboolean
load_holidays (Demo    *demo,
               GError **error)
{
  demo->holidays = cb_workbook_holiday_days (demo->workbook, error);
  return demo->holidays != NULL;
}

typedef gboolean (*Step) (Demo    *demo,
                          GError **error);

/* The steps in order, each with its share of the work on the large demo. */
static const struct
{
  Step   step;
  double weight;
} steps[] = {
  { check_empty, 0 },
  { load_holidays, 0 },
  { begin_batch, 0 },
  { generate_entities, 0.01 },
  { generate_assessments, 0.06 },
  { generate_benchmarks, 0.06 },
  { generate_suppliers, 0.03 },
  { generate_questionnaire, 0.01 },
  { generate_responses, 0.33 },
  { generate_incidents, 0.2 },
  { generate_kpi_values, 0.1 },
  { generate_evaluations, 0.01 },
  { generate_disclosure, 0.01 },
  { finish_batch, 0.14 },
};

gboolean
cb_demo_generate (CbWorkbook      *workbook,
                  CbDemoScale      scale,
                  guint32          seed,
                  CbDemoProgress   progress,
                  gpointer         user_data,
                  GError         **error)
{
  Demo demo = { 0 };
  CbPeriod current, last;
  GDate today;
  gboolean ok = TRUE;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (scale == CB_DEMO_SMALL || scale == CB_DEMO_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.workbook = workbook;
  demo.scale = scale;
  demo.plan = &plans[scale];
  demo.seed = seed;
  demo.zone = cb_workbook_get_time_zone (workbook);
  demo.start_month = cb_workbook_get_fiscal_year_start (workbook);
  demo.progress = progress;
  demo.user_data = user_data;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  demo.today = local_time (&demo, &today, 0, 0);
  if (cb_workbook_now () < demo.today)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   "%s: the demo's data runs up to %04d-%02d-%02d, which is still in the future",
                   cb_workbook_get_path (workbook), TODAY_YEAR, TODAY_MONTH, TODAY_DAY);
      return FALSE;
    }

  demo.rand = g_rand_new_with_seed (seed);
  current = cb_period_containing_date (&today, demo.start_month, TRUE);
  last = cb_period_previous (&current);
  demo.quarters = g_new (CbPeriod, demo.plan->n_quarters);
  cb_period_series (&last, demo.plan->n_quarters, demo.quarters);
  demo.entities = g_array_new (FALSE, TRUE, sizeof (Entity));
  g_array_set_clear_func (demo.entities, entity_clear);
  demo.suppliers = g_array_sized_new (FALSE, TRUE, sizeof (Supplier), demo.plan->n_suppliers);
  demo.questions = g_array_new (FALSE, TRUE, sizeof (AskedQuestion));

  if (!cb_workbook_begin (workbook, error))
    {
      demo_clear (&demo);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps) && ok; i++)
    {
      stage (&demo, steps[i].weight);
      ok = steps[i].step (&demo, error);
    }
  if (ok)
    ok = cb_workbook_commit (workbook, error);
  else
    cb_workbook_rollback (workbook);
  if (ok && progress != NULL && demo.reported < 1.0)
    progress (1.0, user_data);
  demo_clear (&demo);
  return ok;
}
